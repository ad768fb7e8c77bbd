"""Golden files for Telegram and the phone databases, as for WhatsApp text exports (test_whatsapp_golden.py):
a project-owned export beside JSON whose values were worked out by reading it — the Telegram JSON in
``fixtures/telegram``, and for the phone databases the rows ``phone_dbs.py`` writes (an Android msgstore.db, a
pre-2021 one, an iOS ChatStorage.sqlite), built fresh for each run so no database binary is committed."""

from __future__ import annotations

import json
from pathlib import Path

import orjson
import pytest

from chatprobe import parse_file
from chatprobe.ingest.base import message_jsonl

from tests.conftest import FIXTURES
from tests.ingest import phone_dbs

GOLDEN = sorted((FIXTURES / "telegram").glob("*.expected.json")) + sorted((FIXTURES / "phone").glob("*.expected.json"))


def _export(expected_path: Path, expected: dict, tmp_path: Path) -> Path:
    if "builder" in expected:
        return getattr(phone_dbs, expected["builder"])(tmp_path / expected["file"])
    return expected_path.with_name(expected_path.name.replace(".expected.json", ".result.json"))


@pytest.mark.parametrize("expected_path", GOLDEN, ids=[f"{p.parent.name}-{p.name.split('.')[0]}" for p in GOLDEN])
def test_golden(expected_path: Path, tmp_path: Path) -> None:
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    (stream,) = parse_file(_export(expected_path, expected, tmp_path))
    msgs = list(stream.messages())
    assert (stream.layout.name, stream.title) == (expected["layout"], expected["title"])
    assert len(msgs) == len(expected["messages"])
    lines = {m.id: m.source.line_start for m in msgs}
    for got, want in zip(msgs, expected["messages"], strict=True):
        row = orjson.loads(message_jsonl(got))  # exactly what `chatprobe parse --jsonl` prints
        assert row["line_end"] == want.get("line_end", want["line"])
        assert bool(row["edited"]) == want.get("edited", False), want["line"]
        assert [{k: a[k] for k in ("name", "type", "present")} for a in row["attachments"]] == \
            want.get("attachments", []), want["line"]
        assert (lines[got.reply_to] if got.reply_to else None) == want.get("reply_to_line"), want["line"]
        for key in ("line", "timestamp", "sender", "kind", "system_type", "text"):
            assert row.get(key) == want.get(key), (want["line"], key)
        assert row["file_sha256"] == msgs[0].source.file_sha256  # every message traces to the same file
    events = [[e.kind.value, e.subject, e.actor, e.timestamp.isoformat() if e.timestamp else None]
              for e in stream.events]
    assert events == expected["events"]
    assert {p.display_name: p.phone for p in stream.participants.values()} == expected["participants"]
    assert sorted({w.code for w in stream.warnings.all()}) == expected["warnings"]
