"""WhatsApp "Export chat" text, loose or inside the export zip."""

from chatprobe.ingest.whatsapp.parser import WhatsAppChatStream, decide_date_order

__all__ = ["WhatsAppChatStream", "decide_date_order"]
