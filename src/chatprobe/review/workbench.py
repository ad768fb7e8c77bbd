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

import re
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import Connection

from chatprobe.case import Case
from chatprobe.errors import InputError, NotFound, NothingToAnalyse
from chatprobe.review.decisions import decide_many, states
from chatprobe.store import audit, runs
from chatprobe.store import chats as chats_repo
from chatprobe.store import search as repo
from chatprobe.store.search import Query  # noqa: F401  (the search criteria live with the store)

TAG_NAME = re.compile(r"[\w][\w .:-]{0,63}", re.UNICODE)
PAGE = 50
COUNT_CAP = 10_000  # search totals are exact up to this; above it a search says "more than 10,000"


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


# --- search -------------------------------------------------------------------------------------------------

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


def _finding_ids(conn: Connection, case: Case, query: Query) -> set[str] | None:
    """Message ids allowed by the category and status filters (None: no such filter)."""
    if not query.category and not query.status:
        return None
    run = runs.latest(case.store)
    if run is None:
        raise NothingToAnalyse(f"case {case.name} has not been analysed yet, so it has no findings to filter by",
                               f"chatprobe analyse --case {case.name}")
    ids = runs.flagged_ids(conn, run["id"])
    if query.category:
        ids = repo.with_category(conn, run["id"], ids, query.category)
    if query.status:
        review = states(case, conn)
        ids = {i for i in ids if (review[i].status if i in review else "unreviewed") == query.status}
    return ids


def search(case: Case, query: Query, limit: int = 100, offset: int = 0) -> tuple[list[Hit], int]:
    """Messages matching the query, in the order they were imported (chat by chat, in chat order): (this
    page of hits, how many in all, or COUNT_CAP + 1 when there are more than COUNT_CAP)."""
    repo.ensure_index(case.store)
    terms = _terms(query.q)
    stmt = repo.statement(case.store.engine.dialect.name, query, terms)
    with case.store.engine.connect() as conn:
        allowed = _finding_ids(conn, case, query)
        if allowed is not None:
            rows = [r for r in repo.rows(conn, stmt) if r.id in allowed]
            total, page = len(rows), rows[offset:offset + limit]
        else:
            # counted up to COUNT_CAP + 1: "more than 10,000" is all a reader needs, and counting every
            # match of a common word in a million messages is what would make a search slow
            total = repo.count(conn, stmt, COUNT_CAP)
            page = repo.rows(conn, stmt, limit, offset)
    return [Hit(r.id, r.chat_id, r.position, r.sender, r.timestamp, r.kind, r.text or "", _marks(r.text or "", terms))
            for r in page], int(total)


def matching_ids(case: Case, query: Query) -> list[str]:
    """Every message the query selects, in order (for tags, bulk actions and chosen exports): no page, no
    count, no highlighting."""
    repo.ensure_index(case.store)
    stmt = repo.statement(case.store.engine.dialect.name, query, _terms(query.q))
    with case.store.engine.connect() as conn:
        allowed = _finding_ids(conn, case, query)
        return [r.id for r in repo.rows(conn, stmt) if allowed is None or r.id in allowed]


def save_search(case: Case, name: str, query: Query, actor: str) -> None:
    if not name.strip() or len(name) > 96:
        raise InputError("a saved search needs a name of 1-96 characters")
    with case.store.transaction() as conn:
        repo.save_search(conn, name.strip(), query.to_params(), actor, _now())
        audit.append(conn, "search-saved", name.strip(), query.to_params(), actor=actor)


def saved_searches(case: Case) -> list[dict[str, Any]]:
    with case.store.engine.connect() as conn:
        return repo.saved_searches(conn)


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


def conversation(case: Case, chat_id: str, around: str | None = None, start: int | None = None,
                 size: int = PAGE) -> ConversationPage:
    """One page of a chat by position (the unique index on chat and position makes any page as fast as the
    first, in a chat of a million messages). ``around`` centres the page on a message. Each message comes
    with its attachments, tags and the message it replies to (threading)."""
    size = max(1, min(size, 500))
    with case.store.engine.connect() as conn:
        chat = repo.chat_header(conn, chat_id)
        if chat is None:
            raise NotFound(f"no chat {chat_id!r} in case {case.name}")
        if around is not None:
            pos = repo.position_of(conn, chat_id, around)
            if pos is None:
                raise NotFound(f"no message {around!r} in chat {chat_id}")
            start = max(0, pos - size // 2)
        start = max(0, min(int(start or 0), max(0, int(chat.message_count) - 1)))
        rows = repo.page_rows(conn, chat_id, start, size)
        ids = [r.id for r in rows]
        files = repo.attachments_of(conn, ids)
        tags = repo.tags_of(conn, ids)
        quoted = repo.quoted(conn, {r.reply_to for r in rows if r.reply_to})
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
    found = chats_repo.known_messages(conn, ids)
    missing = [i for i in ids if i not in found]
    if missing:
        raise InputError(f"no message {', '.join(missing[:5])} in this case" + (" …" if len(missing) > 5 else ""),
                         "select messages from the queue, a search or a conversation")


def tag(case: Case, message_ids: list[str], name: str, actor: str, remove: bool = False) -> int:
    """Tag (or untag) messages: one audit entry per message, all in one transaction. Returns how many
    changed (a message already tagged so is left as it is)."""
    name = name.strip()
    if not TAG_NAME.fullmatch(name):
        raise InputError(f"invalid tag {name!r}", "1-64 letters, digits, spaces, dots, colons or dashes")
    ids = list(dict.fromkeys(message_ids))
    changed = 0
    with case.store.transaction() as conn:
        _existing_ids(conn, ids)
        tag_id = repo.tag_id(conn, name)
        if tag_id is None:
            if remove:
                return 0
            tag_id = repo.add_tag(conn, name, actor, _now())
        have = repo.tagged(conn, tag_id, ids)
        for mid in ids:
            if remove and mid in have:
                repo.untag_message(conn, tag_id, mid)
            elif not remove and mid not in have:
                repo.tag_message(conn, tag_id, mid, actor, _now())
            else:
                continue
            audit.append(conn, "untag" if remove else "tag", mid, {"tag": name}, actor=actor)
            changed += 1
    return changed


def tags(case: Case) -> list[dict[str, Any]]:
    with case.store.engine.connect() as conn:
        return repo.tag_counts(conn)


def bulk_decide(case: Case, message_ids: list[str], decision: str, note: str, reviewer: str) -> int:
    """One review decision for many findings, all or none: each is checked and audited on its own, in one
    transaction. Returns how many were decided."""
    return decide_many(case, list(dict.fromkeys(message_ids)), decision, note, reviewer)
