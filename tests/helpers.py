"""Small helpers shared by the tests."""

from __future__ import annotations

from pathlib import Path

from chatprobe import Message, parse_file
from chatprobe.ingest import ChatStream


def parse_all(path: Path, date_order: str | None = None) -> tuple[list[Message], ChatStream]:
    streams = parse_file(path, date_order=date_order)
    assert len(streams) == 1
    msgs = list(streams[0].messages())
    return msgs, streams[0]


def brief(msgs: list[Message]) -> list[tuple[str | None, str | None, str, str]]:
    return [(m.timestamp.isoformat() if m.timestamp else None, m.sender, m.kind.value, m.text) for m in msgs]
