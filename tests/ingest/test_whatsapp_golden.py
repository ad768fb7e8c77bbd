"""Golden files: hand-written exports beside JSON whose values were worked out by reading the export."""

from __future__ import annotations

import json
from pathlib import Path

import orjson
import pytest

from chatprobe.ingest.base import message_jsonl

from tests.conftest import FIXTURES
from tests.helpers import parse_all

GOLDEN = sorted((FIXTURES / "whatsapp").glob("*.expected.json"))


@pytest.mark.parametrize("expected_path", GOLDEN, ids=[p.name.split(".")[0] for p in GOLDEN])
def test_golden(expected_path: Path) -> None:
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    export = expected_path.with_name(expected_path.name.replace(".expected.json", ".txt"))
    msgs, stream = parse_all(export)
    assert stream.layout.name == expected["layout"]
    assert stream.layout.date_order == expected["date_order"]
    assert len(msgs) == len(expected["messages"])
    for got, want in zip(msgs, expected["messages"], strict=True):
        row = orjson.loads(message_jsonl(got))  # exactly what `chatprobe parse --jsonl` prints
        for key, value in want.items():
            if key == "attachments":
                assert [{k: a[k] for k in ("name", "type", "present")} for a in row["attachments"]] == value
            else:
                assert row[key] == value, (want["line"], key)
    events = [[e.kind.value, e.subject, e.actor, e.timestamp.isoformat() if e.timestamp else None]
              for e in stream.events]
    assert events == expected["events"]
    assert {p.display_name: p.phone for p in stream.participants.values()} == expected["participants"]
    assert stream.title == expected["title"]
    chat = stream.record()
    assert (chat.title, chat.message_count, len(chat.events)) == (expected["title"], len(msgs), len(events))
    assert chat.source_sha256 == msgs[0].source.file_sha256
    assert not [w for w in stream.warnings.all() if w.code != "system-unrecognised"]
