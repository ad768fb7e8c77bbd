"""Repository: review decisions, appended and never overwritten."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, insert, select

from chatprobe.store import schema as t


def add(conn: Connection, **row: Any) -> None:
    conn.execute(insert(t.review_decision).values(**row))


def rows(conn: Connection, message_id: str | None = None, after: int = 0) -> list[Any]:
    """Decision rows in id order: all, one message's, or those after id ``after``."""
    q = select(t.review_decision).where(t.review_decision.c.id > after).order_by(t.review_decision.c.id)
    if message_id is not None:
        q = q.where(t.review_decision.c.message_id == message_id)
    return list(conn.execute(q))
