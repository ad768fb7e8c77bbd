"""Repository: what an import writes — import runs, the intake of each file, evidence rows, chats with their
messages, attachments, membership events and participants, and the import's warnings — and what ``verify``
reads back to compare with the evidence. The import itself (parsing, checks, auditing): ``case.py``."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, insert, select, update

from chatprobe.model import Message
from chatprobe.store import schema as t
from chatprobe.store.db import bulk_insert

MESSAGE_COLUMNS = ("id", "chat_id", "position", "timestamp_raw", "timestamp", "sender", "kind", "system_type",
                   "text", "edited", "reply_to", "source_file", "source_sha256", "line_start", "line_end")
ATTACHMENT_COLUMNS = ("message_id", "name", "type", "present", "size", "sha256")


def message_row(msg: Message) -> tuple[Any, ...]:
    """A message as stored (MESSAGE_COLUMNS): used to insert it, and by verify --deep to compare."""
    src = msg.source
    return (msg.id, msg.chat_id, msg.position, msg.timestamp_raw,
            msg.timestamp.isoformat() if msg.timestamp else None, msg.sender, msg.kind.value, msg.system_type,
            msg.text, bool(msg.edited), msg.reply_to, src.file, src.file_sha256, src.line_start, src.line_end)


# --- import runs ----------------------------------------------------------------------------------------------

def start_run(conn: Connection, **values: Any) -> int:
    return int(conn.execute(insert(t.import_run).values(status="running", **values)).inserted_primary_key[0])


def end_run(conn: Connection, run_id: int, finished_at: str, status: str, only_running: bool = False) -> None:
    q = update(t.import_run).where(t.import_run.c.id == run_id)
    if only_running:
        q = q.where(t.import_run.c.status == "running")
    conn.execute(q.values(finished_at=finished_at, status=status))


def running_runs(conn: Connection) -> list[Any]:
    return list(conn.execute(select(t.import_run).where(t.import_run.c.status == "running")).all())


def add_intake(conn: Connection, **values: Any) -> None:
    conn.execute(insert(t.intake).values(**values))


# --- evidence ------------------------------------------------------------------------------------------------

def add_evidence(conn: Connection, members: Iterable[dict[str, Any]] = (), **values: Any) -> None:
    """An evidence file, and (for an archive) each member with its own hash."""
    conn.execute(insert(t.evidence).values(**values))
    rows = [{"evidence_sha256": values["sha256"], **m} for m in members]
    if rows:
        conn.execute(insert(t.evidence_member), rows)


def evidence(conn: Connection) -> list[dict[str, Any]]:
    return [dict(r._mapping) for r in conn.execute(select(t.evidence).order_by(t.evidence.c.imported_at))]


# --- chats ------------------------------------------------------------------------------------------------------

def add_chat(conn: Connection, **values: Any) -> None:
    conn.execute(insert(t.chat).values(message_count=0, **values))


def finish_chat(conn: Connection, chat_id: str, **values: Any) -> None:
    conn.execute(update(t.chat).where(t.chat.c.id == chat_id).values(**values))


def chats(conn: Connection) -> dict[str, dict[str, Any]]:
    return {r.id: dict(r._mapping) for r in conn.execute(select(t.chat))}


def owners(conn: Connection, chat_id: str | None = None) -> list[Any]:
    """(id, owner) of every chat, or of one."""
    q = select(t.chat.c.id, t.chat.c.owner)
    if chat_id:
        q = q.where(t.chat.c.id == chat_id)
    return list(conn.execute(q).all())


def set_owner(conn: Connection, chat_ids: Sequence[str], owner: str, source: str) -> None:
    conn.execute(update(t.chat).where(t.chat.c.id.in_(list(chat_ids))).values(owner=owner, owner_source=source))


def add_messages(conn: Connection, messages: list[tuple[Any, ...]], attachments: list[tuple[Any, ...]]) -> None:
    """Rows as MESSAGE_COLUMNS and ATTACHMENT_COLUMNS, through the driver's executemany."""
    bulk_insert(conn, t.message, MESSAGE_COLUMNS, messages)
    bulk_insert(conn, t.attachment, ATTACHMENT_COLUMNS, attachments)


def stored_messages(conn: Connection, chat_id: str) -> Iterable[Any]:
    """A chat's message rows as MESSAGE_COLUMNS (for verify --deep)."""
    cols = [t.message.c[c] for c in MESSAGE_COLUMNS]
    return conn.execute(select(*cols).where(t.message.c.chat_id == chat_id))


def add_events(conn: Connection, rows: list[dict[str, Any]]) -> None:
    if rows:
        conn.execute(insert(t.membership_event), rows)


def add_participants(conn: Connection, chat_id: str, participants: Iterable[Any]) -> None:
    rows = [{"chat_id": chat_id, "display_name": p.display_name, "phone": p.phone,
             "aliases": json.dumps(list(p.aliases))} for p in participants]
    if rows:
        conn.execute(insert(t.participant), rows)


def add_warnings(conn: Connection, rows: list[dict[str, Any]]) -> None:
    if rows:
        conn.execute(insert(t.import_warning), rows)
