"""Evidence intake: hashing, read-only store, idempotent re-import, transactional failure, verify."""

from __future__ import annotations

import hashlib
import os
import stat
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

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

    import chatprobe.store.intake as case_mod  # where the import writes its rows

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


# --- kill -9 during an import (issue 13, point 7) --------------------------------------------------------------

KILLED_IMPORT = """
import sys, time
from pathlib import Path
from chatprobe.case import Case
case = Case.open("k", home=Path(sys.argv[1]))
def progress(label, done, total):
    Path(sys.argv[3]).write_text("inside the transaction")
    time.sleep(600)
case.import_paths([Path(sys.argv[2])], progress=progress)
"""


def _kill_during_import(tmp_path: Path, export: Path) -> None:
    import os
    import signal
    import subprocess
    import time
    marker = tmp_path / "marker"
    proc = subprocess.Popen([sys.executable, "-c", KILLED_IMPORT, str(tmp_path / "cases"), str(export), str(marker)],
                            env=os.environ | {"PYTHONPATH": os.pathsep.join(sys.path)})
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert proc.poll() is None and time.monotonic() < deadline, "the import did not start"
            time.sleep(0.05)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()


@pytest.mark.parametrize("original_kept", [True, False])
def test_an_import_killed_with_sigkill_is_recovered_on_the_next_command(tmp_path, original_kept):
    from click.testing import CliRunner

    from chatprobe.store import audit
    from chatprobe.cli import main
    export = tmp_path / "chat.txt"
    export.write_text("13/05/2024, 08:00 - Ann: morning\n13/05/2024, 08:01 - Ben: hello\n", encoding="utf-8")
    sha = hashlib.sha256(export.read_bytes()).hexdigest()
    _kill_during_import(tmp_path, export)
    stray = tmp_path / "cases" / "k" / "evidence" / "objects" / sha[:2] / sha
    assert stray.exists()  # the copy made before the transaction that died
    if not original_kept:
        export.unlink()
    case = Case.open("k", home=tmp_path / "cases")  # any command: recovery runs first
    try:
        with case.store.engine.connect() as conn:
            runs = [(r.id, r.status) for r in conn.execute(select(t.import_run))]
            log = audit.entries(conn)
        assert runs == [(1, "interrupted")]
        assert [e["action"] for e in log] == ["import-interrupted"]
        assert log[0]["detail"]["stray_copies_removed"] == ([sha] if original_kept else [])
        assert log[0]["detail"]["stray_copies_kept"] == ([] if original_kept else [f"evidence/recovered/{sha}"])
        assert not stray.exists() and (tmp_path / "cases" / "k" / "evidence" / "recovered" / sha).exists() \
            is not original_kept
        assert case.verify() == (0, [])
        assert not list((tmp_path / "cases" / "k" / "locks").iterdir())
    finally:
        case.close()
    r = CliRunner().invoke(main, ["verify", "--home", str(tmp_path / "cases"), "--case", "k"])
    assert r.exit_code == 0 and "import run 1 was interrupted" in r.stdout
    if original_kept:  # and the file can be imported again
        case = Case.open("k", home=tmp_path / "cases")
        try:
            assert case.import_paths([export]).files[0].outcome == "imported"
        finally:
            case.close()


def test_a_running_import_is_not_taken_for_a_dead_one(tmp_path):
    import threading
    export = tmp_path / "chat.txt"
    export.write_text("13/05/2024, 08:00 - Ann: morning\n", encoding="utf-8")
    case = Case.open("live", home=tmp_path / "cases")
    inside, release = threading.Event(), threading.Event()

    def progress(label, done, total):
        inside.set()
        release.wait(30)
    worker = threading.Thread(target=lambda: case.import_paths([export], progress=progress))
    worker.start()
    try:
        assert inside.wait(30)
        other = Case.open("live", home=tmp_path / "cases")  # another command while the import runs
        try:
            assert other.history() == [] or "still running" in other.history()[0]
            with other.store.engine.connect() as conn:
                assert conn.execute(select(t.import_run.c.status)).scalar_one() == "running"
        finally:
            other.close()
    finally:
        release.set()
        worker.join()
        case.close()
