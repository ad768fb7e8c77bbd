"""Records shared by every layer: chats, participants, messages, membership events, and what analysis makes
of a message (its :class:`Classification`, and a :class:`Finding` with the members present and their responses).

Every derived record traces back to evidence: a :class:`SourceRef` names the evidence file's SHA-256,
the member inside an archive (if any), that member's own SHA-256 and the line span.

Message and SourceRef are typed NamedTuples rather than frozen dataclasses: they are created millions of
times per large export, and a tuple is built about seven times faster while being just as immutable.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, NamedTuple

from chatprobe.detect.taxonomy import taxonomy


class MessageKind(str, enum.Enum):
    TEXT = "text"
    MEDIA = "media"
    SYSTEM = "system"
    DELETED = "deleted"
    POLL = "poll"
    LOCATION = "location"
    CALL = "call"
    VIEW_ONCE = "view-once"


class MembershipKind(str, enum.Enum):
    CREATED = "created"
    ADDED = "added"
    JOINED_BY_LINK = "joined_by_link"
    LEFT = "left"
    REMOVED = "removed"
    CHANGED_NUMBER = "changed_number"


class SourceRef(NamedTuple):
    """Where a record came from: evidence file, archive member and lines (1-based, inclusive)."""

    evidence_sha256: str
    file: str
    file_sha256: str
    line_start: int
    line_end: int


@dataclass(frozen=True, slots=True)
class Attachment:
    name: str
    type: str  # image | video | audio | sticker | gif | document | contact | other
    present: bool  # True when the file itself is in the archive
    size: int | None = None
    sha256: str | None = None


@dataclass(frozen=True, slots=True)
class Participant:
    display_name: str
    phone: str | None = None
    aliases: tuple[str, ...] = ()


class Message(NamedTuple):
    id: str  # stable: <first 16 hex of source file sha256>-<position>
    chat_id: str
    position: int  # 0-based index within the source file
    timestamp_raw: str  # exactly as written in the export
    timestamp: datetime | None  # as interpreted (local time, no zone)
    sender: str | None  # None for system messages
    kind: MessageKind
    text: str
    source: SourceRef
    edited: bool = False
    attachments: tuple[Attachment, ...] = ()
    system_type: str | None = None  # e.g. "added", "encryption_notice" for kind=system
    reply_to: str | None = None

    def to_json(self) -> dict[str, object]:
        """A JSON-ready dict. ``timestamp`` is a datetime: orjson writes it as ISO 8601, as does
        ``json.dumps(..., default=datetime.isoformat)``."""
        src = self.source
        return {
            "id": self.id,
            "chat_id": self.chat_id,
            "position": self.position,
            "timestamp": self.timestamp,
            "timestamp_raw": self.timestamp_raw,
            "sender": self.sender,
            "kind": self.kind.value,
            "text": self.text,
            "edited": self.edited,
            "system_type": self.system_type,
            "attachments": [
                {"name": a.name, "type": a.type, "present": a.present, "size": a.size, "sha256": a.sha256}
                for a in self.attachments
            ] if self.attachments else [],
            "file": src.file,
            "file_sha256": src.file_sha256,
            "line": src.line_start,
            "line_end": src.line_end,
        }


@dataclass(frozen=True, slots=True)
class MembershipEvent:
    chat_id: str
    message_id: str
    kind: MembershipKind
    subject: str  # the member the event is about ("You" for the exporting user)
    actor: str | None  # who did it, when known
    timestamp: datetime | None
    detail: str | None = None  # e.g. the new number, the group title


@dataclass(frozen=True, slots=True)
class ParseWarning:
    """Something the importer could not take at face value. Always names the file and line."""

    file: str
    line: int | None
    code: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        return f"{where}: {self.message}"


@dataclass(frozen=True, slots=True)
class Layout:
    """What an importer recognised in a file, and why."""

    platform: str  # whatsapp | telegram
    name: str  # e.g. "android", "ios", "ios-time-first", "telegram-json-single"
    date_order: str | None = None  # dmy | mdy | ymd
    date_order_source: str | None = None  # "inferred" | "assumed" | "user" | "unambiguous"
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class Chat:
    """One conversation from one source document, complete: what a ChatStream knows once it was read."""

    id: str
    platform: str
    title: str | None
    source_file: str
    source_sha256: str
    evidence_sha256: str
    layout: Layout
    participants: tuple[Participant, ...]
    events: tuple[MembershipEvent, ...]
    message_count: int


# --- what analysis makes of a message ---------------------------------------------------------------------

RESPONSES = ("endorsement", "counter_speech", "left", "silent")


@dataclass(frozen=True)
class Classification:
    """What ``detect`` said about one message."""

    labels: tuple[str, ...]
    scores: Mapping[str, float]
    severity: Mapping[str, int] = field(default_factory=dict)
    targets: Mapping[str, str] = field(default_factory=dict)
    explanations: tuple[Mapping[str, Any], ...] = ()
    media: tuple[Mapping[str, Any], ...] = ()  # one entry per attachment: analysed or not, and why
    image_text: str | None = None  # text recognised in the message's images
    transcript: str | None = None  # automatic transcript of its voice notes
    thumbnails: Mapping[str, str] = field(default_factory=dict)  # attachment name → base64 JPEG (flagged only)
    language: str | None = None
    assessed: bool = True  # False: in a language chatprobe's English detectors were not built for

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> Classification:
        return cls(tuple(d.get("labels", ())), dict(d.get("scores", {})), dict(d.get("severity", {})),
                   dict(d.get("targets", {})), tuple(d.get("explanations", ())), tuple(d.get("media", ())),
                   d.get("image_text"), d.get("transcript"), dict(d.get("thumbnails", {})), d.get("language"),
                   d.get("assessed", True) is not False)

    @property
    def categories(self) -> tuple[str, ...]:
        return taxonomy().categories_of(self.labels)

    def why(self, labels: Sequence[str]) -> tuple[list[str], list[str]]:
        """(reasons, cautions) for these labels, each text once, in order: what each detector found, and the known
        misreadings of the text model that a flag looks like (``detect.pipeline.caution``), for the reviewer."""
        mine = [e for e in self.explanations if e.get("label") in labels]
        return (list(dict.fromkeys(n for e in mine if (n := e.get("note")))),
                list(dict.fromkeys(c for e in mine if (c := e.get("caution")))))


@dataclass
class Response:
    person: str
    response: str  # one of RESPONSES
    message_id: str | None = None  # the reply (or the leave event) that decided it
    text: str | None = None
    delay_s: float | None = None


@dataclass
class Finding:
    message: Message
    chat_title: str | None
    sender: str  # the person
    categories: tuple[str, ...]
    classification: Classification
    present: list[str]  # people present when it was sent, sender excluded
    responses: dict[str, Response]
    context: list[tuple[Message, str | None]]  # (message, person) around it, in order, itself included
    conversation: list[tuple[Message, str | None]] = field(default_factory=list)  # a wider window, the same way

    @property
    def severity(self) -> int:
        return max(self.classification.severity.values(), default=1)

    @property
    def score(self) -> float:
        return max((self.classification.scores.get(c, 0.0) for c in self.categories), default=0.0)

    @property
    def cautioned(self) -> bool:
        """Whether its flag looks like a known misreading of the text model (a caution on one of its categories)."""
        return bool(self.classification.why(self.categories)[1])
