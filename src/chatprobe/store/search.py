"""Repository: full-text search over every message, chosen sets, saved searches, the pages of a conversation
and tags. SQLite: an FTS5 index kept up to date incrementally (messages never change); PostgreSQL: full-text
search on an expression index. What the words mean and what is audited: ``review/workbench.py``."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import Connection, and_, delete, func, insert, literal_column, select, text

from chatprobe.errors import InputError
from chatprobe.store import schema as t
from chatprobe.store.db import Store


@dataclass(frozen=True)
class Query:
    """What to look for. Every field is optional; an empty query lists every message in order."""

    q: str = ""
    member: str | None = None  # sender as written in the chat
    chat: str | None = None
    date_from: str | None = None  # YYYY-MM-DD, inclusive
    date_to: str | None = None
    category: str | None = None  # a finding of the newest analysis run in this category
    status: str | None = None  # review status of findings: unreviewed, confirmed, dismissed, escalated
    tag: str | None = None

    @classmethod
    def from_params(cls, params: dict[str, Any]) -> Query:
        known = {k: (str(v).strip() or None) for k, v in params.items()
                 if k in cls.__dataclass_fields__ and v is not None}
        known["q"] = known.get("q") or ""
        for key in ("date_from", "date_to"):
            if known.get(key) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", known[key] or ""):
                raise InputError(f"{key} must be a date like 2024-05-13", "use YYYY-MM-DD")
        return cls(**known)  # type: ignore[arg-type]

    def to_params(self) -> dict[str, str]:
        return {k: v for k, v in asdict(self).items() if v}


def ensure_index(store: Store) -> int:
    """Bring the SQLite full-text index up to date with the message table; returns messages added.
    (PostgreSQL keeps its expression index itself.)"""
    if store.engine.dialect.name != "sqlite":
        return 0
    with store.engine.connect() as conn:
        done = conn.execute(text("SELECT indexed_to FROM search_state WHERE id = 1")).scalar() or 0
        top = conn.execute(text("SELECT max(rowid) FROM message")).scalar() or 0
    if top <= done:
        return 0
    with store.transaction() as conn:  # the write lock: one indexer at a time
        done = conn.execute(text("SELECT indexed_to FROM search_state WHERE id = 1")).scalar() or 0
        added = conn.execute(text("INSERT INTO message_fts(rowid, text) SELECT rowid, coalesce(text, '') "
                                  "FROM message WHERE rowid > :done ORDER BY rowid"), {"done": done}).rowcount
        conn.execute(text("INSERT INTO search_state (id, indexed_to) VALUES (1, :top) "
                          "ON CONFLICT(id) DO UPDATE SET indexed_to = :top"), {"top": top})
    return int(added or 0)


def with_category(conn: Connection, run_id: int, ids: set[str], category: str) -> set[str]:
    """Those of ``ids`` the run labelled with this category."""
    pattern = f'%"{category}"%'
    return ids & {r.message_id for r in conn.execute(select(t.classification.c.message_id).where(
        t.classification.c.run_id == run_id, t.classification.c.labels.like(pattern)))}


def statement(dialect: str, query: Query, terms: list[tuple[str, bool]]) -> Any:
    """The select for a query's messages, in order, on either backend."""
    m = t.message
    if terms and dialect == "sqlite":
        frm, cond, binds = _sqlite_fts(terms, query)
        cols: list[Any] = [literal_column(f"message.{c}").label(c) for c in ("id", "chat_id", "position", "sender", "timestamp",
                                                         "kind", "text")]
        return (select(*cols).select_from(text(frm)).where(text(cond).bindparams(**binds))
                .order_by(literal_column("message_fts.rowid")))
    where: list[Any] = []
    if query.member:
        where.append(m.c.sender == query.member)
    if query.chat:
        where.append(m.c.chat_id == query.chat)
    if query.date_from:
        where.append(m.c.timestamp >= query.date_from)
    if query.date_to:
        where.append(m.c.timestamp < query.date_to + "T99")
    if terms:
        ts = " & ".join("(" + " <-> ".join(w.split()) + (":*" if prefix else "") + ")" for w, prefix in terms)
        where.append(text("to_tsvector('simple', coalesce(message.text, '')) @@ to_tsquery('simple', :tsq)")
                     .bindparams(tsq=ts))
    source: Any = m
    if query.tag:
        source = source.join(t.message_tag, t.message_tag.c.message_id == m.c.id).join(
            t.tag, and_(t.tag.c.id == t.message_tag.c.tag_id, t.tag.c.name == query.tag))
    return (select(m.c.id, m.c.chat_id, m.c.position, m.c.sender, m.c.timestamp, m.c.kind, m.c.text)
            .select_from(source).where(*where).order_by(m.c.chat_id, m.c.position))


def rows(conn: Connection, stmt: Any, limit: int | None = None, offset: int = 0) -> list[Any]:
    """The messages a statement selects (a page of them with ``limit``)."""
    if limit is not None:
        stmt = stmt.limit(limit).offset(offset)
    return list(conn.execute(stmt))


def count(conn: Connection, stmt: Any, cap: int) -> int:
    """Rows a statement selects, counted up to ``cap`` + 1."""
    return int(conn.execute(select(func.count()).select_from(stmt.limit(cap + 1).subquery())).scalar_one())


def _sqlite_fts(terms: list[tuple[str, bool]], query: Query) -> tuple[str, str, dict[str, Any]]:
    """The SQLite full-text query (FROM, WHERE, binds): the index drives (CROSS JOIN keeps the planner from
    scanning messages by sender and probing the index row by row, 50 times slower) and yields its matches in
    rowid order (the order of import, chat by chat), so a page stops after its rows."""
    binds: dict[str, Any] = {"match": " ".join('"' + w.replace('"', '""') + '"' + ("*" if prefix else "")
                                               for w, prefix in terms)}
    frm = "message_fts CROSS JOIN message ON message.rowid = message_fts.rowid"
    if query.tag:
        frm += " JOIN message_tag ON message_tag.message_id = message.id JOIN tag ON tag.id = message_tag.tag_id"
    where = ["message_fts MATCH :match"]
    for key, sql in (("tag", "tag.name = :tag"), ("member", "message.sender = :member"),
                     ("chat", "message.chat_id = :chat"), ("date_from", "message.timestamp >= :date_from")):
        if getattr(query, key):
            where.append(sql)
            binds[key] = getattr(query, key)
    if query.date_to:
        where.append("message.timestamp < :date_to")
        binds["date_to"] = query.date_to + "T99"
    return frm, " AND ".join(where), binds


def save_search(conn: Connection, name: str, params: dict[str, str], actor: str, at: str) -> None:
    conn.execute(delete(t.saved_search).where(t.saved_search.c.name == name))
    conn.execute(insert(t.saved_search).values(name=name, params=json.dumps(params), created_by=actor, created_at=at))


def saved_searches(conn: Connection) -> list[dict[str, Any]]:
    return [{"name": r.name, "params": json.loads(r.params), "created_by": r.created_by, "created_at": r.created_at}
            for r in conn.execute(select(t.saved_search).order_by(t.saved_search.c.name))]


# --- the pages of a conversation ------------------------------------------------------------------------------

def chat_header(conn: Connection, chat_id: str) -> Any:
    """(id, title, message_count) of a chat, or None."""
    return conn.execute(select(t.chat.c.id, t.chat.c.title, t.chat.c.message_count)
                        .where(t.chat.c.id == chat_id)).first()


def position_of(conn: Connection, chat_id: str, message_id: str) -> int | None:
    pos = conn.execute(select(t.message.c.position).where(t.message.c.id == message_id,
                                                          t.message.c.chat_id == chat_id)).scalar()
    return None if pos is None else int(pos)


def page_rows(conn: Connection, chat_id: str, start: int, size: int) -> list[Any]:
    """A chat's messages at positions start … start + size - 1 (the unique index on chat and position makes any
    page as fast as the first)."""
    m = t.message
    return list(conn.execute(select(m).where(m.c.chat_id == chat_id, m.c.position >= start,
                                             m.c.position < start + size).order_by(m.c.position)))


def attachments_of(conn: Connection, ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
    files: dict[str, list[dict[str, Any]]] = {}
    for a in conn.execute(select(t.attachment).where(t.attachment.c.message_id.in_(list(ids)))):
        files.setdefault(a.message_id, []).append({"name": a.name, "type": a.type, "present": bool(a.present),
                                                   "size": a.size, "sha256": a.sha256})
    return files


def tags_of(conn: Connection, ids: Sequence[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for r in conn.execute(select(t.message_tag.c.message_id, t.tag.c.name).join(
            t.tag, t.tag.c.id == t.message_tag.c.tag_id).where(t.message_tag.c.message_id.in_(list(ids)))):
        out.setdefault(r.message_id, []).append(r.name)
    return out


def quoted(conn: Connection, ids: set[str]) -> dict[str, dict[str, Any]]:
    """The messages replied to, shortened for a quote."""
    m = t.message
    return {r.id: {"id": r.id, "sender": r.sender, "text": (r.text or "")[:300], "position": r.position}
            for r in conn.execute(select(m.c.id, m.c.sender, m.c.text, m.c.position).where(m.c.id.in_(ids)))}


# --- tags --------------------------------------------------------------------------------------------------------

def tag_id(conn: Connection, name: str) -> int | None:
    found = conn.execute(select(t.tag.c.id).where(t.tag.c.name == name)).scalar()
    return None if found is None else int(found)


def add_tag(conn: Connection, name: str, actor: str, at: str) -> int:
    return int(conn.execute(insert(t.tag).values(name=name, created_by=actor, created_at=at)).inserted_primary_key[0])


def tagged(conn: Connection, tag: int, ids: list[str]) -> set[str]:
    return {r.message_id for r in conn.execute(select(t.message_tag.c.message_id).where(
        t.message_tag.c.tag_id == tag, t.message_tag.c.message_id.in_(ids)))}


def tag_message(conn: Connection, tag: int, message_id: str, actor: str, at: str) -> None:
    conn.execute(insert(t.message_tag).values(message_id=message_id, tag_id=tag, tagged_by=actor, tagged_at=at))


def untag_message(conn: Connection, tag: int, message_id: str) -> None:
    conn.execute(delete(t.message_tag).where(t.message_tag.c.tag_id == tag, t.message_tag.c.message_id == message_id))


def tag_counts(conn: Connection) -> list[dict[str, Any]]:
    return [{"name": r.name, "messages": r.n} for r in conn.execute(
        select(t.tag.c.name, func.count(t.message_tag.c.message_id).label("n"))
        .select_from(t.tag.outerjoin(t.message_tag, t.message_tag.c.tag_id == t.tag.c.id))
        .group_by(t.tag.c.name).order_by(t.tag.c.name))]
