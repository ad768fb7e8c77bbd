"""chatprobe: offline investigation of offensive group chats.

The public API, the service layer (``chatprobe.service``; the CLI, the web app and the batch runner are thin
adapters over it):

    case = open_case(name, home=None, db=None)     a case folder: evidence store + database
    import_exports(case, paths)                    hash, store and import exports (audited); an ImportReport
    classify(case)                                 one analysis run over every message and picture (audited)
    investigate(case, selection=Selection())       the investigation view: findings, members, responses
    decide(case, message_id, "confirm")            a review decision (audited)
    export(case, analysis, Outputs(html=...))      reports and exhibit schedules, audited with their sha256
    parse_file(path)                               chat streams of one export, with no database
    verify(case)                                   evidence, audit chain and anchor unchanged (a Verification)
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
    **{name: "chatprobe.service" for name in (
        "Outputs", "Selection", "Verification", "classify", "decide", "export", "export_bytes", "import_exports",
        "investigate", "open_case", "verify")},
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
    from chatprobe.service import (
        Outputs,
        Selection,
        classify,
        decide,
        export,
        export_bytes,
        import_exports,
        investigate,
        open_case,
        verify,
    )
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
