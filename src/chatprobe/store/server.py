"""Repository: the web server's own records — which cases it serves and where their databases are. (Users,
sessions and login attempts: ``store/accounts.py``.)"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, insert, select

from chatprobe.store import audit
from chatprobe.store import server_schema as t
from chatprobe.store.db import Store

SERVER_ANCHOR = "server-audit-anchor.log"


def server_store(home: Path, db: str | None = None) -> Store:
    """The server database (users, access, sessions; default ``<home>/server.db``) on its own migration chain,
    its audit log anchored in ``<home>/server-audit-anchor.log``."""
    return Store.open(db or home / "server.db", server=True).with_anchor(audit.Anchor(home / SERVER_ANCHOR))


def case_names(conn: Connection) -> set[str]:
    """Cases registered with the server (besides the folders under its home)."""
    return {r.name for r in conn.execute(select(t.web_case.c.name))}


def case_url(conn: Connection, name: str) -> str | None:
    """The database URL a registered case lives at (None: its folder under the home)."""
    row = conn.execute(select(t.web_case.c.db_url).where(t.web_case.c.name == name)).first()
    return row.db_url if row and row.db_url else None


def register_case(conn: Connection, name: str, db_url: str | None) -> None:
    """Serve a case from this database URL (a case already registered keeps its URL)."""
    if conn.execute(select(t.web_case.c.name).where(t.web_case.c.name == name)).first() is None:
        conn.execute(insert(t.web_case).values(name=name, db_url=db_url))
