"""The investigator's workbench: every message searchable, any message read in its whole conversation,
tags, and decisions or tags applied to many findings at once.

    hits, total = search(case, Query(q='"send them back"', member="Tom Hale"))
    page = conversation(case, chat_id, around=hits[0].message_id)      # 50 messages either side, by position
    tag(case, [h.message_id for h in hits], "racist-remarks", actor="dskhan")
    bulk_decide(case, selected, "dismiss", note="banter between friends", reviewer="dskhan")

Search is full text over every message (not only findings): SQLite FTS5 over the message table, indexed
incrementally as messages arrive (messages never change), or PostgreSQL's full-text search on an expression
index. Words are matched whole (``vermin``), as prefixes (``verm*``) or as "quoted phrases"; all must occur.
Every tag and every bulk item is audited one by one, in the same transaction as the change.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import Connection, and_, delete, func, insert, literal_column, select, text

from chatprobe import audit
from chatprobe.errors import InputError, NothingToAnalyse, NotFound
from chatprobe.review.decisions import decide_many, states
from chatprobe.store import runs
from chatprobe.store import schema as t

TAG_NAME = re.compile(r"[\w][\w .:-]{0,63}", re.UNICODE)
PAGE = 50
COUNT_CAP = 10_000  # search totals are exact up to this; above it a search says "more than 10,000"


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


# --- search -------------------------------------------------------------------------------------------------

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


@dataclass(frozen=True)
class Hit:
    message_id: str
    chat_id: str
    position: int
    sender: str | None
    timestamp: str | None
    kind: str
    text: str
    marks: tuple[tuple[int, int], ...]  # character spans of the words searched for, to highlight

    def to_json(self) -> dict[str, Any]:
        return asdict(self) | {"marks": [list(m) for m in self.marks]}


_TOKEN = re.compile(r'"([^"]+)"|(\S+)')
_WORD = re.compile(r"\w+", re.UNICODE)


def _terms(q: str) -> list[tuple[str, bool]]:
    """(phrase or word, is prefix) from the user's query: quoted phrases, words, a trailing * for prefixes.
    Punctuation is dropped, so nothing typed can reach the full-text engine's own query language."""
    out: list[tuple[str, bool]] = []
    for m in _TOKEN.finditer(q):
        raw = m.group(1) if m.group(1) is not None else m.group(2)
        words = _WORD.findall(raw)
        if words:
            out.append((" ".join(words), m.group(1) is None and raw.endswith("*")))
    return out


def _marks(text_: str, terms: list[tuple[str, bool]]) -> tuple[tuple[int, int], ...]:
    spans = []
    folded = text_.casefold()
    for term, prefix in terms:
        pattern = r"\b" + r"\W+".join(re.escape(w.casefold()) for w in term.split()) + (r"\w*" if prefix else r"\b")
        spans += [(m.start(), m.end()) for m in re.finditer(pattern, folded)]
    return tuple(sorted(spans))


def ensure_index(case: Any) -> int:
    """Bring the SQLite full-text index up to date with the message table; returns messages added.
    (PostgreSQL keeps its expression index itself.)"""
    if case.store.engine.dialect.name != "sqlite":
        return 0
    with case.store.engine.connect() as conn:
        done = conn.execute(text("SELECT indexed_to FROM search_state WHERE id = 1")).scalar() or 0
        top = conn.execute(text("SELECT max(rowid) FROM message")).scalar() or 0
    if top <= done:
        return 0
    with case.store.transaction() as conn:  # the write lock: one indexer at a time
        done = conn.execute(text("SELECT indexed_to FROM search_state WHERE id = 1")).scalar() or 0
        added = conn.execute(text("INSERT INTO message_fts(rowid, text) SELECT rowid, coalesce(text, '') "
                                  "FROM message WHERE rowid > :done ORDER BY rowid"), {"done": done}).rowcount
        conn.execute(text("INSERT INTO search_state (id, indexed_to) VALUES (1, :top) "
                          "ON CONFLICT(id) DO UPDATE SET indexed_to = :top"), {"top": top})
    return int(added or 0)


def _finding_ids(conn: Connection, case: Any, query: Query) -> set[str] | None:
    """Message ids allowed by the category and status filters (None: no such filter)."""
    if not query.category and not query.status:
        return None
    run = runs.latest(case.store)
    if run is None:
        raise NothingToAnalyse(f"case {case.name} has not been analysed yet, so it has no findings to filter by",
                               f"chatprobe analyse --case {case.name}")
    ids = runs.flagged_ids(conn, run["id"])
    if query.category:
        pattern = f'%"{query.category}"%'
        ids &= {r.message_id for r in conn.execute(select(t.classification.c.message_id).where(
            t.classification.c.run_id == run["id"], t.classification.c.labels.like(pattern)))}
    if query.status:
        review = states(case, conn)
        ids = {i for i in ids if (review[i].status if i in review else "unreviewed") == query.status}
    return ids


def _statement(case: Any, query: Query, terms: list[tuple[str, bool]]) -> Any:
    """The select for a query's messages, in order, on either backend."""
    m = t.message
    if terms and case.store.engine.dialect.name == "sqlite":
        frm, cond, binds = _sqlite_fts(terms, query)
        cols = [literal_column(f"message.{c}").label(c) for c in ("id", "chat_id", "position", "sender", "timestamp",
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


def search(case: Any, query: Query, limit: int = 100, offset: int = 0) -> tuple[list[Hit], int]:
    """Messages matching the query, in the order they were imported (chat by chat, in chat order): (this
    page of hits, how many in all, or COUNT_CAP + 1 when there are more than COUNT_CAP)."""
    ensure_index(case)
    terms = _terms(query.q)
    stmt = _statement(case, query, terms)
    with case.store.engine.connect() as conn:
        allowed = _finding_ids(conn, case, query)
        if allowed is not None:
            rows = [r for r in conn.execute(stmt) if r.id in allowed]
            total, page = len(rows), rows[offset:offset + limit]
        else:
            # counted up to COUNT_CAP + 1: "more than 10,000" is all a reader needs, and counting every
            # match of a common word in a million messages is what would make a search slow
            total = conn.execute(select(func.count()).select_from(stmt.limit(COUNT_CAP + 1).subquery())).scalar_one()
            page = list(conn.execute(stmt.limit(limit).offset(offset)))
    return [Hit(r.id, r.chat_id, r.position, r.sender, r.timestamp, r.kind, r.text or "", _marks(r.text or "", terms))
            for r in page], int(total)


def matching_ids(case: Any, query: Query) -> list[str]:
    """Every message the query selects, in order (for tags, bulk actions and chosen exports): no page, no
    count, no highlighting."""
    ensure_index(case)
    stmt = _statement(case, query, _terms(query.q))
    with case.store.engine.connect() as conn:
        allowed = _finding_ids(conn, case, query)
        return [r.id for r in conn.execute(stmt) if allowed is None or r.id in allowed]


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


def save_search(case: Any, name: str, query: Query, actor: str) -> None:
    if not name.strip() or len(name) > 96:
        raise InputError("a saved search needs a name of 1-96 characters")
    with case.store.transaction() as conn:
        conn.execute(delete(t.saved_search).where(t.saved_search.c.name == name.strip()))
        conn.execute(insert(t.saved_search).values(name=name.strip(), params=json.dumps(query.to_params()),
                                                   created_by=actor, created_at=_now()))
        audit.append(conn, "search-saved", name.strip(), query.to_params(), actor=actor)


def saved_searches(case: Any) -> list[dict[str, Any]]:
    with case.store.engine.connect() as conn:
        return [{"name": r.name, "params": json.loads(r.params), "created_by": r.created_by, "created_at": r.created_at}
                for r in conn.execute(select(t.saved_search).order_by(t.saved_search.c.name))]


# --- the whole conversation -----------------------------------------------------------------------------------

@dataclass
class ConversationPage:
    chat_id: str
    title: str | None
    total: int  # messages in the chat
    start: int  # position of the first message on this page
    messages: list[dict[str, Any]] = field(default_factory=list)

    @property
    def previous(self) -> int | None:
        return max(0, self.start - PAGE) if self.start > 0 else None

    @property
    def next(self) -> int | None:
        end = self.start + len(self.messages)
        return end if end < self.total else None

    def to_json(self) -> dict[str, Any]:
        return {"chat_id": self.chat_id, "title": self.title, "total": self.total, "start": self.start,
                "previous": self.previous, "next": self.next, "messages": self.messages}


def conversation(case: Any, chat_id: str, around: str | None = None, start: int | None = None,
                 size: int = PAGE) -> ConversationPage:
    """One page of a chat by position (the unique index on chat and position makes any page as fast as the
    first, in a chat of a million messages). ``around`` centres the page on a message. Each message comes
    with its attachments, tags and the message it replies to (threading)."""
    size = max(1, min(size, 500))
    m = t.message
    with case.store.engine.connect() as conn:
        chat = conn.execute(select(t.chat.c.id, t.chat.c.title, t.chat.c.message_count)
                            .where(t.chat.c.id == chat_id)).first()
        if chat is None:
            raise NotFound(f"no chat {chat_id!r} in case {case.name}")
        if around is not None:
            pos = conn.execute(select(m.c.position).where(m.c.id == around, m.c.chat_id == chat_id)).scalar()
            if pos is None:
                raise NotFound(f"no message {around!r} in chat {chat_id}")
            start = max(0, int(pos) - size // 2)
        start = max(0, min(int(start or 0), max(0, int(chat.message_count) - 1)))
        rows = list(conn.execute(select(m).where(m.c.chat_id == chat_id, m.c.position >= start,
                                                 m.c.position < start + size).order_by(m.c.position)))
        ids = [r.id for r in rows]
        files: dict[str, list[dict[str, Any]]] = {}
        for a in conn.execute(select(t.attachment).where(t.attachment.c.message_id.in_(ids))):
            files.setdefault(a.message_id, []).append({"name": a.name, "type": a.type, "present": bool(a.present),
                                                       "size": a.size, "sha256": a.sha256})
        tags: dict[str, list[str]] = {}
        for r in conn.execute(select(t.message_tag.c.message_id, t.tag.c.name).join(
                t.tag, t.tag.c.id == t.message_tag.c.tag_id).where(t.message_tag.c.message_id.in_(ids))):
            tags.setdefault(r.message_id, []).append(r.name)
        parents = {r.reply_to for r in rows if r.reply_to}
        quoted = {r.id: {"id": r.id, "sender": r.sender, "text": (r.text or "")[:300], "position": r.position}
                  for r in conn.execute(select(m.c.id, m.c.sender, m.c.text, m.c.position).where(m.c.id.in_(parents)))}
    messages = [{
        "id": r.id, "position": r.position, "timestamp": r.timestamp, "timestamp_raw": r.timestamp_raw,
        "sender": r.sender, "kind": r.kind, "system_type": r.system_type, "text": r.text or "",
        "edited": bool(r.edited), "attachments": files.get(r.id, []), "tags": sorted(tags.get(r.id, [])),
        "reply_to": quoted.get(r.reply_to) if r.reply_to else None,
        "reply_to_missing": bool(r.reply_to) and r.reply_to not in quoted,
        "source": {"file": r.source_file, "line": r.line_start},
    } for r in rows]
    return ConversationPage(chat.id, chat.title, int(chat.message_count), start, messages)


# --- tags and bulk actions ------------------------------------------------------------------------------------

def _existing_ids(conn: Connection, ids: list[str]) -> None:
    found: set[str] = set()
    for i in range(0, len(ids), 500):
        found |= {r.id for r in conn.execute(select(t.message.c.id).where(t.message.c.id.in_(ids[i:i + 500])))}
    missing = [i for i in ids if i not in found]
    if missing:
        raise InputError(f"no message {', '.join(missing[:5])} in this case" + (" …" if len(missing) > 5 else ""),
                         "select messages from the queue, a search or a conversation")


def tag(case: Any, message_ids: list[str], name: str, actor: str, remove: bool = False) -> int:
    """Tag (or untag) messages: one audit entry per message, all in one transaction. Returns how many
    changed (a message already tagged so is left as it is)."""
    name = name.strip()
    if not TAG_NAME.fullmatch(name):
        raise InputError(f"invalid tag {name!r}", "1-64 letters, digits, spaces, dots, colons or dashes")
    ids = list(dict.fromkeys(message_ids))
    changed = 0
    with case.store.transaction() as conn:
        _existing_ids(conn, ids)
        tag_id = conn.execute(select(t.tag.c.id).where(t.tag.c.name == name)).scalar()
        if tag_id is None:
            if remove:
                return 0
            tag_id = conn.execute(insert(t.tag).values(name=name, created_by=actor, created_at=_now())
                                  ).inserted_primary_key[0]
        have = {r.message_id for r in conn.execute(select(t.message_tag.c.message_id).where(
            t.message_tag.c.tag_id == tag_id, t.message_tag.c.message_id.in_(ids)))}
        for mid in ids:
            if remove and mid in have:
                conn.execute(delete(t.message_tag).where(t.message_tag.c.tag_id == tag_id,
                                                         t.message_tag.c.message_id == mid))
            elif not remove and mid not in have:
                conn.execute(insert(t.message_tag).values(message_id=mid, tag_id=tag_id, tagged_by=actor,
                                                          tagged_at=_now()))
            else:
                continue
            audit.append(conn, "untag" if remove else "tag", mid, {"tag": name}, actor=actor)
            changed += 1
    return changed


def tags(case: Any) -> list[dict[str, Any]]:
    with case.store.engine.connect() as conn:
        return [{"name": r.name, "messages": r.n} for r in conn.execute(
            select(t.tag.c.name, func.count(t.message_tag.c.message_id).label("n"))
            .select_from(t.tag.outerjoin(t.message_tag, t.message_tag.c.tag_id == t.tag.c.id))
            .group_by(t.tag.c.name).order_by(t.tag.c.name))]


def bulk_decide(case: Any, message_ids: list[str], decision: str, note: str, reviewer: str) -> int:
    """One review decision for many findings, all or none: each is checked and audited on its own, in one
    transaction. Returns how many were decided."""
    return decide_many(case, list(dict.fromkeys(message_ids)), decision, note, reviewer)
