"""The same case on SQLite and on PostgreSQL (a real server on 127.0.0.1): migrations, import, analysis,
the hand-counted investigation, review decisions and the audit chain."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import inspect, update

from chatprobe.analyse.stored import classify_case, load_case
from chatprobe.case import Case
from chatprobe.review.decisions import decide, states
from chatprobe.store import Store
from chatprobe.store import schema as t
from chatprobe.store.db import _alembic_config

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "investigation" / "night-shift.txt"


def test_migrations_up_and_down(db_url):
    store = Store.open(db_url)
    assert store.schema_revision() == Store.head_revision()
    with store.engine.begin() as conn:
        command.downgrade(_alembic_config(conn), "base")
    assert "message" not in inspect(store.engine).get_table_names()
    store.migrate()
    assert {"message", "classification", "audit_log", "review_decision"} <= set(inspect(store.engine).get_table_names())
    store.close()


def test_case_end_to_end(db_url, tmp_path):
    from tests.analyse.test_investigation import EXPECTED
    case = Case.open("b", home=tmp_path, db=db_url)
    try:
        report = case.import_paths([FIXTURE])
        assert report.files[0].outcome == "imported"
        assert case.import_paths([FIXTURE]).files[0].outcome == "already-imported"
        classify_case(case)
        data = load_case(case).investigation.to_json()
        members = {m["name"]: m for m in data["members"]}
        for name, (sent, flagged, present, endorsed, challenged, silent, left) in EXPECTED.items():
            m = members[name]
            assert (m["messages_sent"], m["flagged_sent"], m["present_for_flagged"], m["endorsed"],
                    m["challenged"], m["silent"], m["left"]) == (sent, flagged, present, endorsed, challenged,
                                                                 silent, left)
        first = data["findings"][0]["message_id"]
        decide(case, first, "confirm", "ok", reviewer="A")
        decide(case, first, "confirm", "agree", reviewer="B", stage=2)
        assert states(case)[first].agreement is True
        rows, broken = case.verify_audit()
        assert rows == 5 and broken is None  # import twice, analysis, two decisions
        with case.store.transaction() as conn:
            conn.execute(update(t.audit_log).where(t.audit_log.c.id == 3).values(target="edited"))
        assert case.verify_audit()[1].row_id == 3
    finally:
        case.close()
