"""The importer contract: every format yields ChatStreams; a ChatStream yields Messages one at a time."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from typing import BinaryIO

import orjson

from chatprobe.errors import ChatprobeError
from chatprobe.ingest.boundary import boundary_error
from chatprobe.ingest.source import Source
from chatprobe.model import Chat, Layout, MembershipEvent, Message, Participant, ParseWarning

MAX_WARNINGS_KEPT = 1000


class WarningLog:
    """Warnings with file and line. Keeps the first MAX_WARNINGS_KEPT and counts the rest by code."""

    def __init__(self) -> None:
        self.items: list[ParseWarning] = []
        self.dropped: dict[str, int] = {}

    def add(self, file: str, line: int | None, code: str, message: str) -> None:
        if len(self.items) < MAX_WARNINGS_KEPT:
            self.items.append(ParseWarning(file, line, code, message))
        else:
            self.dropped[code] = self.dropped.get(code, 0) + 1

    def all(self) -> list[ParseWarning]:
        extra = [
            ParseWarning("", None, code, f"… and {n} more warnings of type {code!r}")
            for code, n in sorted(self.dropped.items())
        ]
        ordered = sorted(self.items, key=lambda w: (w.line is not None, w.line or 0))
        return ordered + extra


class ChatStream(ABC):
    """One chat from one source document. Iterate :meth:`messages` once; the rest fills in as you go."""

    platform: str = ""

    def __init__(self, source: Source) -> None:
        self.source = source
        self.chat_id: str = ""
        self.title: str | None = None
        self.layout: Layout = Layout(self.platform, "unknown")
        self.participants: dict[str, Participant] = {}
        self.events: list[MembershipEvent] = []
        self.warnings = WarningLog()
        self.message_count = 0
        self.bytes_done = 0  # for progress bars: roughly how far into the source the stream has read

    def messages(self) -> Iterator[Message]:
        """Yield the chat's messages in file order. Whatever goes wrong while reading becomes one ParseError
        naming the file and the last line read (the error boundary, :mod:`chatprobe.ingest.boundary`)."""
        last: int | None = None
        try:
            for msg in self._messages():
                last = msg.source.line_start
                yield msg
        except ChatprobeError:
            raise
        except Exception as exc:  # noqa: BLE001 - the error boundary
            raise boundary_error(self.source.display, exc,
                                 f"after line {last}" if last is not None else "before the first message") from exc

    @abstractmethod
    def _messages(self) -> Iterator[Message]:
        """The importer's own reading: yield the chat's messages in file order."""

    def collapse(self) -> str | None:
        """Why this chat's parse cannot be trusted (checked by import), or None. Importers that can tell
        override it; call it before and after reading the messages."""
        return None

    def record(self) -> Chat:
        """The chat as an immutable record (call after the messages were read)."""
        return Chat(self.chat_id, self.platform, self.title, self.source.display, self.source.sha256,
                    self.source.evidence_sha256, self.layout, tuple(self.participants.values()),
                    tuple(self.events), self.message_count)

    def write_jsonl(self, out: BinaryIO) -> int:
        """Write every message as one JSON line (see Message.to_json); returns how many."""
        n = 0
        for msg in self.messages():
            out.write(message_jsonl(msg))
            n += 1
        return n


def message_jsonl(msg: Message, _dumps: Callable[..., bytes] = orjson.dumps) -> bytes:
    return _dumps(msg.to_json(), option=orjson.OPT_APPEND_NEWLINE)
