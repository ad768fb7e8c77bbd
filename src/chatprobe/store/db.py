"""The database behind a case: SQLite by default, PostgreSQL by URL, the same Alembic migrations for both."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, func, select
from sqlalchemy.exc import SQLAlchemyError

from chatprobe.errors import StoreError
from chatprobe.store import schema as t

AUDIT_PENDING = "audit-pending"  # conn.info: audit entries of the open transaction, anchored after commit
MIGRATIONS = str(Path(__file__).with_name("migrations"))  # a case database's chain
SERVER_MIGRATIONS = str(Path(__file__).with_name("server_migrations"))  # the web server's own chain


def url_for(db: str | Path) -> str:
    """Accept a URL (sqlite:///…, postgresql+psycopg://…) or a plain file path."""
    s = str(db)
    if "://" in s:
        return s
    return f"sqlite:///{Path(s).resolve()}"


# Alembic (and Mako under it) loads only when a database is opened or migrated: a quarter of a second that
# `chatprobe --help` and `chatprobe parse` need not pay.


def _alembic_config(connection: Connection, chain: str = MIGRATIONS) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", chain)
    cfg.attributes["connection"] = connection
    return cfg


_PLACEHOLDER = {"qmark": "?", "format": "%s", "pyformat": "%s", "numeric": "?"}


def bulk_insert(conn: Connection, table: Any, columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
    """Insert many rows as plain tuples through the driver's executemany (several times faster than
    dict rows through SQLAlchemy Core, which matters for a million messages). Same transaction."""
    if not rows:
        return
    mark = _PLACEHOLDER.get(conn.dialect.paramstyle)
    if mark is None:  # pragma: no cover - an exotic driver: take the portable road
        conn.execute(table.insert(), [dict(zip(columns, r, strict=True)) for r in rows])
        return
    quote = conn.dialect.identifier_preparer.quote
    sql = (f"INSERT INTO {quote(table.name)} ({', '.join(quote(c) for c in columns)}) "
           f"VALUES ({', '.join([mark] * len(columns))})")
    conn.exec_driver_sql(sql, rows)


class Store:
    """Owns the engine. Writes go through :meth:`transaction`, which commits all or nothing."""

    def __init__(self, engine: Engine, chain: str = MIGRATIONS) -> None:
        self.engine = engine
        self.chain = chain
        self.anchor: Any = None  # an audit.Anchor: where committed audit entries are also written

    def with_anchor(self, anchor: Any) -> Store:
        self.anchor = anchor
        return self

    @classmethod
    def open(cls, db: str | Path, migrate: bool = True, server: bool = False) -> Store:
        """A case database, or (``server``) the web server's, each migrated on its own chain."""
        url = url_for(db)
        if url.startswith("sqlite:///"):
            Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        try:
            # SQLite: wait up to 30 s for the write lock (many reviewers deciding at once) before failing
            engine = create_engine(url, future=True, connect_args={"timeout": 30} if url.startswith("sqlite") else {})
        except (SQLAlchemyError, ImportError) as exc:
            raise StoreError(f"cannot open database {url}: {exc}",
                             "for PostgreSQL install the extra: pip install 'chatprobe[postgres]'") from exc
        if engine.dialect.name == "sqlite":
            @event.listens_for(engine, "connect")
            def _pragmas(dbapi_conn: Any, _record: Any) -> None:
                dbapi_conn.isolation_level = None  # SQLAlchemy emits BEGIN itself (below)
                cur = dbapi_conn.cursor()
                cur.execute("PRAGMA journal_mode=WAL")
                cur.execute("PRAGMA synchronous=NORMAL")
                cur.execute("PRAGMA foreign_keys=ON")
                cur.close()

            @event.listens_for(engine, "begin")
            def _begin(conn: Connection) -> None:
                # a write transaction takes the write lock at BEGIN: a transaction that read first and
                # wrote later could otherwise fail (SQLITE_BUSY) when another writer committed in between
                conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.info.get("write") else "BEGIN")
        store = cls(engine, SERVER_MIGRATIONS if server else MIGRATIONS)
        if migrate:
            store.migrate()
        return store

    def migrate(self) -> None:
        from alembic import command

        try:
            with self.engine.begin() as conn:
                command.upgrade(_alembic_config(conn, self.chain), "head")
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot prepare the database: {exc}",
                             "check the path or URL, permissions and free disk space") from exc

    def schema_revision(self) -> str | None:
        from alembic.runtime.migration import MigrationContext

        opts = {"version_table": "server_alembic_version"} if self.chain == SERVER_MIGRATIONS else {}
        with self.engine.connect() as conn:
            return MigrationContext.configure(conn, opts=opts).get_current_revision()

    @staticmethod
    def head_revision() -> str | None:
        from alembic.config import Config
        from alembic.script import ScriptDirectory

        cfg = Config()
        cfg.set_main_option("script_location", MIGRATIONS)
        return ScriptDirectory.from_config(cfg).get_current_head()

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """A write transaction: all or nothing (on SQLite it holds the write lock from the start)."""
        with self.engine.connect() as conn:
            conn.info["write"] = True
            conn.info.pop(AUDIT_PENDING, None)
            try:
                with conn.begin():
                    yield conn
                committed = conn.info.pop(AUDIT_PENDING, [])
                if committed and self.anchor is not None:
                    self.anchor.record(committed)
            finally:
                conn.info.pop("write", None)
                conn.info.pop(AUDIT_PENDING, None)

    def close(self) -> None:
        self.engine.dispose()

    # --- reads used by the CLI and tests ---------------------------------------------------------------

    def count(self, table: Any, *where: Any) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(table).where(*where)).scalar_one())

    def evidence_rows(self) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(select(t.evidence).order_by(t.evidence.c.imported_at))]

    def has_evidence(self, sha256: str) -> bool:
        return self.count(t.evidence, t.evidence.c.sha256 == sha256) > 0

    def has_chat(self, chat_id: str) -> bool:
        return self.count(t.chat, t.chat.c.id == chat_id) > 0

    def snapshot_counts(self) -> dict[str, int]:
        tables = [t.evidence, t.evidence_member, t.chat, t.participant, t.message, t.attachment,
                  t.membership_event, t.import_warning]
        return {tab.name: self.count(tab) for tab in tables}
