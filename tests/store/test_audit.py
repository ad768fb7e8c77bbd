"""The hash-chained audit log: every action appends one entry; `verify` names the first break."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import delete, update

from chatprobe.analyse.stored import classify_case
from chatprobe.case import Case
from chatprobe.cli import main
from chatprobe.store import audit
from chatprobe.store import schema as t

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "investigation" / "night-shift.txt"


def scanned(home: Path) -> None:
    r = CliRunner().invoke(main, ["scan", str(FIXTURE), "--home", str(home), "--case", "a", "--json",
                                  str(home / "r.json")], catch_exceptions=False)
    assert r.exit_code == 0, r.output


def test_actions_are_logged_and_the_chain_verifies(tmp_path):
    scanned(tmp_path)
    case = Case.open("a", home=tmp_path)
    try:
        with case.store.engine.connect() as conn:
            log = audit.entries(conn)
        assert [e["action"] for e in log] == ["import", "analysis", "export"]
        assert log[0]["detail"]["outcome"] == "imported" and len(log[0]["detail"]["sha256"]) == 64
        assert log[2]["detail"]["files"][str(tmp_path / "r.json")] == \
            __import__("hashlib").sha256((tmp_path / "r.json").read_bytes()).hexdigest()
        assert log[1]["prev_hash"] == log[0]["hash"]
        assert case.verify_audit() == (3, None)
    finally:
        case.close()


def test_a_rolled_back_action_leaves_no_entry(tmp_path):
    case = Case.open("b", home=tmp_path)
    try:
        try:
            with case.store.transaction() as conn:
                audit.append(conn, "decision", "x", {})
                raise RuntimeError("the action failed")
        except RuntimeError:
            pass
        assert case.verify_audit() == (0, None)
        assert not (tmp_path / "b" / "audit-anchor.log").exists()  # nor any anchor line
        assert case.verify_anchor().problems == ()
    finally:
        case.close()


def test_tampering_is_named(tmp_path):
    scanned(tmp_path)
    case = Case.open("a", home=tmp_path)
    try:
        classify_case(case)  # a fourth entry
        with case.store.transaction() as conn:
            conn.execute(update(t.audit_log).where(t.audit_log.c.id == 2).values(actor="someone else"))
        rows, broken = case.verify_audit()
        assert broken is not None and broken.row_id == 2 and "altered" in broken.problem
    finally:
        case.close()
    r = CliRunner().invoke(main, ["verify", "--home", str(tmp_path), "--case", "a"])
    assert r.exit_code == 1 and "broken at audit log row 2" in r.stdout


def test_a_removed_row_is_named(tmp_path):
    scanned(tmp_path)
    case = Case.open("a", home=tmp_path)
    try:
        with case.store.transaction() as conn:
            conn.execute(delete(t.audit_log).where(t.audit_log.c.id == 2))
        assert case.verify_audit()[1].row_id == 3
        with case.store.transaction() as conn:  # even with the ids renumbered, the hashes do not fit
            conn.execute(update(t.audit_log).where(t.audit_log.c.id == 3).values(id=2))
        broken = case.verify_audit()[1]
        assert broken.row_id == 2 and "does not follow" in broken.problem
    finally:
        case.close()
    r = CliRunner().invoke(main, ["verify", "--home", str(tmp_path), "--case", "a", "--json"])
    assert r.exit_code == 1 and json.loads(r.stdout)["audit_break"]["row"] == 2


# --- the anchor: truncation, deletion and older copies (issue 13, point 1) ------------------------------------

def _verify(home: Path, *extra: str) -> tuple[int, dict]:
    r = CliRunner().invoke(main, ["verify", "--home", str(home), "--case", "a", "--json", *extra])
    return r.exit_code, json.loads(r.stdout)


def test_every_committed_entry_is_anchored_outside_the_database(tmp_path):
    scanned(tmp_path)
    lines = (tmp_path / "a" / "audit-anchor.log").read_text().splitlines()
    case = Case.open("a", home=tmp_path)
    try:
        with case.store.engine.connect() as conn:
            log = audit.entries(conn)
    finally:
        case.close()
    assert [ln.split()[:2] for ln in lines] == [[str(e["id"]), e["hash"]] for e in log]
    code, result = _verify(tmp_path)
    assert code == 0 and result["ok"] and result["anchored"] == 3 and result["audit_problems"] == []


def test_entries_deleted_from_the_end_are_named(tmp_path):
    scanned(tmp_path)
    case = Case.open("a", home=tmp_path)
    try:
        with case.store.transaction() as conn:
            conn.execute(delete(t.audit_log).where(t.audit_log.c.id == 3))
        assert case.verify_audit() == (2, None)  # the chain alone cannot see it
    finally:
        case.close()
    code, result = _verify(tmp_path)
    assert code == 1 and not result["ok"]
    assert any("ends at entry 2" in p and "entry 3" in p for p in result["audit_problems"])


def test_deleting_the_whole_log_is_named(tmp_path):
    scanned(tmp_path)
    case = Case.open("a", home=tmp_path)
    try:
        with case.store.transaction() as conn:
            conn.execute(delete(t.audit_log))
        assert case.verify_audit() == (0, None)
    finally:
        case.close()
    code, result = _verify(tmp_path)
    assert code == 1 and any("the audit log is empty" in p and "3 entries" in p for p in result["audit_problems"])
    r = CliRunner().invoke(main, ["verify", "--home", str(tmp_path), "--case", "a"])
    assert r.exit_code == 1 and "whole log was deleted" in r.stdout


def test_a_database_swapped_for_an_older_copy_is_named(tmp_path):
    import shutil
    scanned(tmp_path)
    db = tmp_path / "a" / "case.db"
    case = Case.open("a", home=tmp_path)
    case.close()  # checkpoint the WAL so the copy is whole
    shutil.copy(db, tmp_path / "older.db")
    case = Case.open("a", home=tmp_path)
    try:
        classify_case(case)  # entry 4, after the copy was taken
    finally:
        case.close()
    for suffix in ("-wal", "-shm"):
        (tmp_path / "a" / f"case.db{suffix}").unlink(missing_ok=True)
    shutil.copy(tmp_path / "older.db", db)
    code, result = _verify(tmp_path)
    assert code == 1 and any("older copy" in p and "entry 4" in p for p in result["audit_problems"])
    # and an older copy that then went on being used: same length, different history
    case = Case.open("a", home=tmp_path)
    try:
        with case.store.transaction() as conn:
            audit.append(conn, "decision", "forged", {})
    finally:
        case.close()
    code, result = _verify(tmp_path)
    assert code == 1 and any("entry 4 does not match the anchor" in p for p in result["audit_problems"])


def test_a_receipt_catches_a_rollback_of_both_files(tmp_path):
    import shutil
    scanned(tmp_path)
    case = Case.open("a", home=tmp_path)
    case.close()
    backup = tmp_path / "backup"
    backup.mkdir()
    for f in ("case.db", "audit-anchor.log"):
        shutil.copy(tmp_path / "a" / f, backup / f)
    case = Case.open("a", home=tmp_path)
    try:
        classify_case(case)
    finally:
        case.close()
    r = CliRunner().invoke(main, ["audit", "receipt", "--home", str(tmp_path), "--case", "a"])
    receipt = r.stdout.strip()
    assert r.exit_code == 0 and receipt.startswith("a audit #4 ")
    assert _verify(tmp_path, "--receipt", receipt)[0] == 0
    for f in ("case.db", "audit-anchor.log"):  # both rolled back together
        shutil.copy(backup / f, tmp_path / "a" / f)
    for suffix in ("-wal", "-shm"):
        (tmp_path / "a" / f"case.db{suffix}").unlink(missing_ok=True)
    assert _verify(tmp_path)[0] == 0  # indistinguishable without the receipt
    code, result = _verify(tmp_path, "--receipt", receipt)
    assert code == 1 and any("entry 4, which is no longer in the log" in p for p in result["audit_problems"])
    r = CliRunner().invoke(main, ["verify", "--home", str(tmp_path), "--case", "a", "--receipt", "nonsense"])
    assert r.exit_code == 2 and "cannot read the receipt" in r.stderr


def test_a_case_from_before_anchoring_says_so_and_can_start_one(tmp_path):
    scanned(tmp_path)
    (tmp_path / "a" / "audit-anchor.log").unlink()
    code, result = _verify(tmp_path)
    assert code == 1 and any("anchor file" in p and "missing" in p for p in result["audit_problems"])
    r = CliRunner().invoke(main, ["audit", "anchor", "--home", str(tmp_path), "--case", "a"])
    assert r.exit_code == 0 and "a audit #4" in r.stdout
    code, result = _verify(tmp_path)
    assert code == 0 and result["anchored"] == 4


def test_verify_deep_parses_the_evidence_again_and_names_each_changed_message(tmp_path):
    scanned(tmp_path)
    code, result = _verify(tmp_path, "--deep")
    assert code == 0 and result["deep"]["problems"] == [] and result["deep"]["messages"] > 10
    import sqlite3
    con = sqlite3.connect(tmp_path / "a" / "case.db")  # as someone with the file and a SQLite shell would
    ids = [r[0] for r in con.execute("SELECT id FROM message ORDER BY position")]
    con.execute("UPDATE message SET text = 'nothing to see' WHERE id = ?", (ids[3],))
    con.execute("INSERT INTO message SELECT 'forged-1', chat_id, 10000, timestamp_raw, timestamp, sender, kind, "
                "system_type, text, edited, reply_to, source_file, source_sha256, line_start, line_end "
                "FROM message WHERE id = ?", (ids[5],))
    con.execute("PRAGMA foreign_keys = OFF")
    con.execute("DELETE FROM message WHERE id = ?", (ids[5],))
    con.commit()
    con.close()
    code, result = _verify(tmp_path, "--deep")
    problems = result["deep"]["problems"]
    assert code == 1 and len(problems) == 3
    assert any(ids[3] in p and "differs from the evidence in text (altered)" in p for p in problems)
    assert any(ids[5] in p and "(deleted)" in p for p in problems)
    assert any("forged-1" in p and "(inserted)" in p for p in problems)


def test_the_web_server_log_is_anchored_and_checked_too(tmp_path):
    from chatprobe.store.server import server_store
    from chatprobe.web.auth import add_user
    scanned(tmp_path)
    store = server_store(tmp_path)
    try:
        add_user(store, "admin", "correct horse battery", "admin")
        add_user(store, "inv", "correct horse battery", "investigator", ["a"])
        with store.transaction() as conn:
            conn.execute(delete(t.audit_log).where(t.audit_log.c.id == 2))
    finally:
        store.close()
    code, result = _verify(tmp_path)
    assert code == 1 and any(p.startswith("(server log) the audit log ends at entry 1") for p in result["audit_problems"])
    (tmp_path / "server-audit-anchor.log").unlink()
    code, result = _verify(tmp_path)
    assert code == 1 and any("(server log)" in p and "missing" in p for p in result["audit_problems"])
    r = CliRunner().invoke(main, ["audit", "anchor", "--server", "--home", str(tmp_path)])
    assert r.exit_code == 0 and "server audit #2" in r.stdout
    assert _verify(tmp_path)[0] == 0
