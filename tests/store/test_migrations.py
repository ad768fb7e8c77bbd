"""The schema comes from Alembic migrations only; they run up and down on a fresh database."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import inspect

from chatprobe.store import Store
from chatprobe.store.db import _alembic_config


def test_fresh_database_is_at_head(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "case.db")
    assert store.schema_revision() == Store.head_revision() == "0007"
    tables = set(inspect(store.engine).get_table_names())
    assert {"evidence", "evidence_member", "chat", "message", "participant", "attachment", "membership_event",
            "import_warning", "import_run", "intake"} <= tables
    # Opening again migrates nothing and keeps data.
    store.close()
    assert Store.open(tmp_path / "case.db").schema_revision() == "0007"


def test_downgrade_and_upgrade_again(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "case.db")
    with store.engine.begin() as conn:
        command.downgrade(_alembic_config(conn), "base")
    assert "message" not in inspect(store.engine).get_table_names()
    store.migrate()
    assert store.schema_revision() == "0007"


def test_schema_module_matches_migrations(tmp_path: Path) -> None:
    """Query-side table definitions name exactly the columns the migrations create."""
    from chatprobe.store import schema

    store = Store.open(tmp_path / "case.db")
    insp = inspect(store.engine)
    for table in schema.metadata.sorted_tables:
        assert [c["name"] for c in insp.get_columns(table.name)] == [c.name for c in table.columns], table.name
