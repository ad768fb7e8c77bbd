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


def test_the_web_server_has_its_own_tables_and_chain(tmp_path: Path) -> None:
    from chatprobe.store import schema, server_schema
    server = Store.open(tmp_path / "server.db", server=True)
    tables = set(inspect(server.engine).get_table_names())
    assert {t.name for t in server_schema.metadata.sorted_tables} <= tables
    assert "message" not in tables and "web_user" not in {t.name for t in schema.metadata.sorted_tables}
    assert server.schema_revision() == "s0001"
    insp = inspect(server.engine)
    for table in server_schema.metadata.sorted_tables:
        assert [c["name"] for c in insp.get_columns(table.name)] == [c.name for c in table.columns], table.name
    server.close()
    case = Store.open(tmp_path / "case.db")
    assert not any(name.startswith("web_") for name in inspect(case.engine).get_table_names())


def test_a_server_database_made_by_the_case_chain_is_taken_over(tmp_path: Path) -> None:
    """Before the server had its own chain, its tables came from the case chain (0004, then 0005's columns)."""
    import sqlalchemy as sa
    url = f"sqlite:///{tmp_path / 'server.db'}"
    engine = sa.create_engine(url)
    with engine.begin() as conn:  # as 0004 left a server database
        conn.exec_driver_sql("CREATE TABLE web_user (username VARCHAR(64) PRIMARY KEY, password_hash TEXT NOT NULL, "
                             "role VARCHAR(16) NOT NULL, created_at VARCHAR(32) NOT NULL, disabled BOOLEAN NOT NULL)")
        conn.exec_driver_sql("CREATE TABLE web_session (token_hash VARCHAR(64) PRIMARY KEY, username VARCHAR(64) "
                             "NOT NULL, csrf VARCHAR(64) NOT NULL, expires_at VARCHAR(32) NOT NULL)")
        conn.exec_driver_sql("INSERT INTO web_user VALUES ('admin', 'scrypt$x$y', 'admin', '2026-01-01', 0)")
    engine.dispose()
    server = Store.open(tmp_path / "server.db", server=True)
    insp = inspect(server.engine)
    assert {"created_at", "address"} <= {c["name"] for c in insp.get_columns("web_session")}
    assert "web_device" in insp.get_table_names()
    with server.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT username FROM web_user").scalar_one() == "admin"
    server.close()
