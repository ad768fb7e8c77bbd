"""Evidence intake: hashing, read-only store, idempotent re-import, transactional failure, verify."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

import pytest

from chatprobe import Case
from chatprobe.store import schema as t
from tests.conftest import ROOT

SAMPLE = ROOT / "samples" / "response-team-b.zip"


@pytest.fixture
def case(tmp_path: Path) -> Case:
    c = Case.open("t", home=tmp_path / "cases")
    yield c
    c.close()


def test_import_sample_hashes_and_stores_read_only(case: Case) -> None:
    before = SAMPLE.read_bytes()
    report = case.import_paths([SAMPLE])
    assert SAMPLE.read_bytes() == before  # the original is untouched
    (f,) = report.files
    assert f.outcome == "imported" and f.sha256 == hashlib.sha256(before).hexdigest()
    stored = case.evidence.path_for(f.sha256)
    assert stored.read_bytes() == before
    assert not stored.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
    (row,) = case.store.evidence_rows()
    assert row["original_name"] == SAMPLE.name and row["tool_version"] and row["imported_by"]
    counts = case.store.snapshot_counts()
    assert counts["message"] == 282 and counts["membership_event"] == 10 and counts["participant"] == 7
    # every zip member is hashed, the decoy-free sample has the chat and 5 photos
    assert counts["evidence_member"] == 6


def test_reimport_is_idempotent(case: Case) -> None:
    case.import_paths([SAMPLE])
    before = case.store.snapshot_counts()
    report = case.import_paths([SAMPLE])
    assert report.files[0].outcome == "already-imported"
    assert case.store.snapshot_counts() == before


def test_failed_import_leaves_database_and_store_as_they_were(case: Case, monkeypatch, tmp_path: Path) -> None:
    case.import_paths([SAMPLE])
    before = case.store.snapshot_counts()
    objects_before = sorted(p.name for p in case.evidence.objects.rglob("*") if p.is_file())
    other = tmp_path / "other.txt"
    other.write_text("".join(f"13/02/2020, 10:{i % 60:02d} - A: message {i}\n" for i in range(12_000)))

    import chatprobe.case as case_mod

    real = case_mod.bulk_insert
    calls = {"n": 0}

    def exploding(conn, table, columns, rows):
        if table is t.message:
            calls["n"] += 1
            if calls["n"] == 3:  # two batches of 5,000 are already written inside the transaction
                raise OSError("disk full")
        return real(conn, table, columns, rows)

    monkeypatch.setattr(case_mod, "bulk_insert", exploding)
    with pytest.raises(OSError):
        case.import_paths([other])
    assert case.store.snapshot_counts() == before
    assert sorted(p.name for p in case.evidence.objects.rglob("*") if p.is_file()) == objects_before


def test_bad_file_among_good_ones(case: Case, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    report = case.import_paths([bad, SAMPLE])
    assert [f.outcome for f in report.files] == ["failed", "imported"]
    assert "binary" in report.files[0].error
    assert case.store.count(t.evidence) == 1
    assert case.store.count(t.intake, t.intake.c.outcome == "failed") == 1


def test_verify_reports_tampering(case: Case) -> None:
    report = case.import_paths([SAMPLE])
    assert case.verify() == (1, [])
    stored = case.evidence.path_for(report.files[0].sha256)
    os.chmod(stored, 0o644)
    with open(stored, "r+b") as f:
        f.seek(100)
        f.write(b"X")
    checked, problems = case.verify()
    assert checked == 1 and [p.kind for p in problems] == ["altered"]
    stored.unlink()
    assert [p.kind for p in case.verify()[1]] == ["missing"]


def test_messages_trace_back_to_file_hash_and_line(case: Case) -> None:
    case.import_paths([SAMPLE])
    with case.store.engine.connect() as conn:
        rows = conn.execute(t.message.select().order_by(t.message.c.position)).mappings().all()
        members = {r.name: r.sha256 for r in conn.execute(t.evidence_member.select())}
    assert all(r["source_sha256"] == members["_chat.txt"] for r in rows)
    assert all(r["line_start"] >= 1 and r["line_end"] >= r["line_start"] for r in rows)
    assert [r["position"] for r in rows] == list(range(len(rows)))


def test_same_input_gives_same_output(tmp_path: Path) -> None:
    dumps = []
    for name in ("a", "b"):
        c = Case.open(name, home=tmp_path)
        c.import_paths([SAMPLE])
        with c.store.engine.connect() as conn:
            dumps.append([tuple(r) for r in conn.execute(t.message.select().order_by(t.message.c.id))])
        c.close()
    assert dumps[0] == dumps[1]
