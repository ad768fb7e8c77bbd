"""Parsing in several worker processes gives exactly what one process gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from chatprobe.ingest.source import sha256_file, sources_for
from chatprobe.ingest.whatsapp import WhatsAppChatStream
from chatprobe.ingest.whatsapp import scan as scan_mod


def _export(path: Path, n: int) -> Path:
    lines = ["exported by a tool before the first header"]
    for i in range(n):
        day = 1 + (i // 3000) % 28
        hdr = f"{day:02d}/0{1 + i // 84000}/2022, {i % 24:02d}:{i % 60:02d} - "
        if i % 997 == 0:
            lines.append(hdr + f"Boss added Person {i % 50}")
        elif i % 1499 == 0:
            lines.append(hdr + f"Person {i % 50} left")
        elif i == 40_001:
            lines.append("31/02/2022, 10:00 - Person 1: an impossible date, kept inside the previous message")
        else:
            lines.append(hdr + f"Person {i % 50}: message {i}" + ("\nsecond line" if i % 7 == 0 else ""))
    lines.append("28/01/2022, 10:00 - Boss changed the subject from \"a\" to \"Final title\"")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _run(path: Path, workers: int):
    sha, size = sha256_file(path)
    (source,), _ = sources_for(path, sha, size)
    stream = WhatsAppChatStream(source, workers=workers)
    msgs = list(stream.messages())
    return stream, msgs


@pytest.mark.slow
def test_parallel_equals_sequential(tmp_path: Path, monkeypatch) -> None:
    path = _export(tmp_path / "big.txt", 60_000)
    one, msgs_one = _run(path, 1)
    monkeypatch.setattr(scan_mod, "PARALLEL_MIN_BYTES", 1)
    many, msgs_many = _run(path, 3)
    assert len(many._scan.ranges) == 3
    assert msgs_many == msgs_one
    assert [m.position for m in msgs_one] == list(range(len(msgs_one)))
    assert many.events == one.events and len(one.events) > 50
    assert list(many.participants.items()) == list(one.participants.items())
    assert many.warnings.all() == one.warnings.all()
    assert [w.code for w in one.warnings.all()] == ["orphan-line", "bad-timestamp"]
    assert many.layout == one.layout and many.title == one.title == "Final title"
    assert many.message_count == one.message_count == len(msgs_one)


@pytest.mark.slow
def test_parallel_jsonl_equals_sequential(tmp_path: Path, monkeypatch) -> None:
    import io

    path = _export(tmp_path / "big.txt", 60_000)
    outs = []
    for workers in (1, 3):
        if workers > 1:
            monkeypatch.setattr(scan_mod, "PARALLEL_MIN_BYTES", 1)
        sha, size = sha256_file(path)
        (source,), _ = sources_for(path, sha, size)
        stream = WhatsAppChatStream(source, workers=workers)
        buf = io.BytesIO()
        n = stream.write_jsonl(buf)
        outs.append((n, buf.getvalue(), stream.events, stream.warnings.all(), stream.title))
    assert outs[0] == outs[1]
    assert outs[0][0] == len(outs[0][1].splitlines())
