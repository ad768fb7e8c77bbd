"""The audit trail: every action on a case appended to a hash-chained log.

Each row's hash is the SHA-256 of its canonical JSON (id, time, actor, action, target, detail) together
with the previous row's hash, so changing, removing or inserting a row breaks the chain from there on;
:func:`verify_chain` names the first row that does not fit. Rows are appended inside the same transaction
as the action they record, so an action that rolls back leaves no audit row, and an audit row never
describes something that did not happen. Appends are serialised (SQLite's write lock; on PostgreSQL an
exclusive table lock), so concurrent writers cannot fork the chain.
"""

from __future__ import annotations

import getpass
import hashlib
import json
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import Connection, insert, select, text

from chatprobe.store import schema as t

GENESIS = "0" * 64


def _canonical(row: dict[str, Any]) -> bytes:
    keys = ("id", "at", "actor", "action", "target", "detail", "prev_hash")
    return json.dumps({k: row[k] for k in keys}, sort_keys=True, ensure_ascii=False,
                      separators=(",", ":")).encode("utf-8")


def row_hash(row: dict[str, Any]) -> str:
    return hashlib.sha256(_canonical(row)).hexdigest()


def append(conn: Connection, action: str, target: str, detail: dict[str, Any] | None = None,
           actor: str | None = None) -> dict[str, Any]:
    """Append one entry in the caller's transaction; returns the row as written."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("LOCK TABLE audit_log IN EXCLUSIVE MODE"))
    last = conn.execute(select(t.audit_log.c.id, t.audit_log.c.hash).order_by(t.audit_log.c.id.desc()).limit(1)).first()
    row = {
        "id": (last.id + 1) if last else 1,
        "at": datetime.now(timezone.utc).isoformat(timespec="microseconds"),
        "actor": actor or getpass.getuser(),
        "action": action,
        "target": target,
        "detail": json.dumps(detail or {}, sort_keys=True, ensure_ascii=False, separators=(",", ":")),
        "prev_hash": last.hash if last else GENESIS,
    }
    row["hash"] = row_hash(row)
    conn.execute(insert(t.audit_log).values(**row))
    return row


@dataclass
class ChainBreak:
    row_id: int
    problem: str

    def __str__(self) -> str:
        return f"audit log row {self.row_id}: {self.problem}"


def verify_chain(conn: Connection) -> tuple[int, ChainBreak | None]:
    """(rows checked, the first break or None)."""
    prev = GENESIS
    expected_id = 1
    n = 0
    for r in conn.execute(select(t.audit_log).order_by(t.audit_log.c.id)):
        row = dict(r._mapping)
        n += 1
        if row["id"] != expected_id:
            return n, ChainBreak(row["id"], f"row {expected_id} is missing (removed from the log)")
        if row["prev_hash"] != prev:
            return n, ChainBreak(row["id"], "does not follow the row before it (a row was removed, inserted or "
                                            "its hash rewritten)")
        if row_hash(row) != row["hash"]:
            return n, ChainBreak(row["id"], f"its content was altered after it was written ({row['action']} "
                                            f"of {row['target']} at {row['at']})")
        prev = row["hash"]
        expected_id += 1
    return n, None


def entries(conn: Connection, limit: int | None = None) -> list[dict[str, Any]]:
    q = select(t.audit_log).order_by(t.audit_log.c.id)
    if limit:
        q = q.limit(limit)
    return [dict(r._mapping) | {"detail": json.loads(r.detail)} for r in conn.execute(q)]
