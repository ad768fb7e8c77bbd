"""Ingest: turn evidence files into chat streams. The importer is chosen by content, never by file name.

    open_chats(source)  ->  [ChatStream, ...]   (WhatsApp text, Telegram JSON, WhatsApp databases from phones;
                                                 zips are unpacked in place)
"""

from __future__ import annotations

from pathlib import Path

from chatprobe.errors import UnsupportedFormat
from chatprobe.ingest.base import ChatStream, WarningLog
from chatprobe.ingest.boundary import reading
from chatprobe.ingest.source import Source, detect_encoding, sources_for
from chatprobe.ingest.telegram import open_telegram
from chatprobe.ingest.whatsapp import WhatsAppChatStream
from chatprobe.ingest.whatsapp.parser import sniff_whatsapp
from chatprobe.ingest.whatsapp_db import open_database

SQLITE_MAGIC = b"SQLite format 3\x00"


def sniff(source: Source) -> str:
    """Return "whatsapp", "telegram" or "database" from the first bytes, or raise UnsupportedFormat."""
    with source.open() as f:
        head = f.read(4096)
    if head.startswith(SQLITE_MAGIC):
        return "database"
    if ".crypt" in source.display.rsplit("/", 1)[-1]:
        raise UnsupportedFormat(f"{source.display}: an encrypted WhatsApp backup (msgstore.db.crypt*)",
                                "decrypt it with the key from the phone (e.g. wa-crypt-tools) and import msgstore.db")
    if head[:4] == b"PK\x03\x04":
        raise UnsupportedFormat(f"{source.display}: a zip inside a zip is an attachment, not a chat")
    enc = detect_encoding(head)
    try:
        text = head.decode(enc, errors="ignore").lstrip("\ufeff \t\r\n")
    except LookupError:  # pragma: no cover - detect_encoding only names real codecs
        text = ""
    if text.startswith("{"):
        return "telegram"
    if text.startswith("[") and not sniff_whatsapp(text) and not text[1:].lstrip()[:1].isdigit():
        return "telegram"  # a JSON array; the Telegram importer says clearly if it is not an export
    # "[06/2018/13, …" is a bracketed date nobody recognises: the WhatsApp importer names the file and line
    return "whatsapp"


def open_chats(source: Source, date_order: str | None = None, workers: int = 1,
               contacts: Path | None = None) -> list[ChatStream]:
    """The chats in one document. ``workers``: processes for large WhatsApp files (0: one per core).
    ``contacts``: a ``wa.db`` whose names label the senders of an Android ``msgstore.db``."""
    with reading(source.display):
        kind = sniff(source)
        if kind == "database":
            return open_database(source, contacts)
        if kind == "telegram":
            return list(open_telegram(source))
        return [WhatsAppChatStream(source, date_order=date_order, workers=workers)]


__all__ = ["ChatStream", "Source", "WarningLog", "open_chats", "sniff", "sources_for"]
