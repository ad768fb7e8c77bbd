"""The hash-chained audit log: every action appends one entry; `verify` names the first break."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import delete, update

from chatprobe import audit
from chatprobe.analyse.stored import classify_case
from chatprobe.case import Case
from chatprobe.cli import main
from chatprobe.store import schema as t

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "investigation" / "night-shift.txt"


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
