"""chatprobe: offline investigation of offensive group chats.

The core API (everything else — CLI, reports, web — is a thin adapter over it):

    Case.open(name, home=None, db=None)       a case folder: evidence store + database
    Case.import_paths(paths)                   hash, store and import exports; returns an ImportReport
    Case.verify()                              re-hash the evidence store
    parse_file(path, date_order=None)          stream Messages from one export without a database
"""

__version__ = "0.1.0"

from typing import TYPE_CHECKING, Any

# The public names load lazily (PEP 562), so that importing one subpackage (a parser worker process, say)
# does not pull in the database layer.
_EXPORTS = {
    "parse_file": "chatprobe.api",
    "Case": "chatprobe.case",
    "ImportReport": "chatprobe.case",
    "ChatprobeError": "chatprobe.errors",
    **{name: "chatprobe.model" for name in (
        "Attachment", "Chat", "Layout", "MembershipEvent", "MembershipKind", "Message", "MessageKind",
        "Participant", "ParseWarning", "SourceRef")},
}

__all__ = [*sorted(_EXPORTS), "__version__"]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'chatprobe' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)


if TYPE_CHECKING:  # pragma: no cover
    from chatprobe.api import parse_file
    from chatprobe.case import Case, ImportReport
    from chatprobe.errors import ChatprobeError
    from chatprobe.model import (
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
