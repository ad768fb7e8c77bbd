"""chatprobe: offline investigation of offensive group chats.

The core API (everything else — CLI, reports, web — is a thin adapter over it):

    Case.open(name, home=None, db=None)       a case folder: evidence store + database
    Case.import_paths(paths)                   hash, store and import exports; returns an ImportReport
    Case.verify()                              re-hash the evidence store
    parse_file(path, date_order=None)          stream Messages from one export without a database
"""

__version__ = "0.1.0"

from chatprobe.api import parse_file  # noqa: E402
from chatprobe.case import Case, ImportReport  # noqa: E402
from chatprobe.errors import ChatprobeError  # noqa: E402
from chatprobe.model import (  # noqa: E402
    Attachment,
    Chat,
    Layout,
    MembershipEvent,
    MembershipKind,
    Message,
    MessageKind,
    Participant,
    ParseWarning,
    SourceRef,
)

__all__ = [
    "Attachment", "Case", "Chat", "ChatprobeError", "ImportReport", "Layout", "MembershipEvent",
    "MembershipKind", "Message", "MessageKind", "Participant", "ParseWarning", "SourceRef", "__version__",
    "parse_file",
]
