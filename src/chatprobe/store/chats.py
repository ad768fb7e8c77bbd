"""Repository: the imported content of a case read back — chats, their messages and membership events, and the
import's warnings — as the domain's model objects."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, select

from chatprobe.model import MembershipEvent, MembershipKind, Message, MessageKind, SourceRef
from chatprobe.store import schema as t


def texts(conn: Connection, kinds: Sequence[str]) -> list[Any]:
    """(id, text, sender) of every message of these kinds, chat by chat in order."""
    return list(conn.execute(select(t.message.c.id, t.message.c.text, t.message.c.sender).where(t.message.c.kind.in_(kinds))
                             .order_by(t.message.c.chat_id, t.message.c.position)).all())


def message_count(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(t.message)).scalar_one())


def chats(conn: Connection) -> list[dict[str, Any]]:
    return [dict(r._mapping) for r in conn.execute(select(t.chat).order_by(t.chat.c.id))]


def messages(conn: Connection, chat: dict[str, Any]) -> list[Message]:
    """A chat's messages in order, each traced to its evidence file, source file and lines."""
    ref = chat["evidence_sha256"]
    return [Message(r.id, r.chat_id, r.position, r.timestamp_raw,
                    datetime.fromisoformat(r.timestamp) if r.timestamp else None, r.sender,
                    MessageKind(r.kind), r.text, SourceRef(ref, r.source_file, r.source_sha256, r.line_start,
                                                            r.line_end),
                    bool(r.edited), (), r.system_type, r.reply_to)
            for r in conn.execute(select(t.message).where(t.message.c.chat_id == chat["id"])
                                  .order_by(t.message.c.position))]


def events(conn: Connection, chat_id: str) -> list[MembershipEvent]:
    return [MembershipEvent(e.chat_id, e.message_id, MembershipKind(e.kind), e.subject, e.actor,
                            datetime.fromisoformat(e.timestamp) if e.timestamp else None, e.detail)
            for e in conn.execute(select(t.membership_event).where(t.membership_event.c.chat_id == chat_id)
                                  .order_by(t.membership_event.c.id))]


def warnings(conn: Connection) -> list[Any]:
    return list(conn.execute(select(t.import_warning).order_by(t.import_warning.c.id)))


def has_attachment(conn: Connection, message_id: str, name: str) -> bool:
    return conn.execute(select(t.attachment.c.name).where(t.attachment.c.message_id == message_id,
                                                          t.attachment.c.name == name)).first() is not None


def identities(conn: Connection) -> tuple[list[Any], list[str]]:
    """For a people file: the chats (id, title, owner, owner_source), and every name or number seen as a
    participant or sender — "You" left out of a chat whose owner is known, the owners added."""
    chats = conn.execute(select(t.chat.c.id, t.chat.c.title, t.chat.c.owner, t.chat.c.owner_source)).all()
    owned = {c.id for c in chats if c.owner}
    idents = [r.display_name for r in conn.execute(select(t.participant.c.chat_id, t.participant.c.display_name))
              if not (r.display_name == "You" and r.chat_id in owned)]  # "You" is that chat's owner
    idents += [r.sender for r in conn.execute(select(t.message.c.chat_id, t.message.c.sender)
                                              .where(t.message.c.sender.is_not(None)).distinct())
               if not (r.sender == "You" and r.chat_id in owned)]
    idents += [c.owner for c in chats if c.owner]
    return list(chats), idents


def attachments(conn: Connection, message_ids: Sequence[str] | None = None) -> list[Any]:
    """Attachments (message_id, name, type, present, sha256) with the evidence file they are read from (an
    export's zip, ``stored_path``): all of the case's, chat by chat in order, or those of these messages."""
    q = (select(t.attachment.c.message_id, t.attachment.c.name, t.attachment.c.type, t.attachment.c.present,
                t.attachment.c.sha256, t.evidence.c.stored_path)
         .join(t.message, t.message.c.id == t.attachment.c.message_id)
         .join(t.chat, t.chat.c.id == t.message.c.chat_id)
         .join(t.evidence, t.evidence.c.sha256 == t.chat.c.evidence_sha256))
    if message_ids is None:
        return list(conn.execute(q.order_by(t.message.c.chat_id, t.message.c.position, t.attachment.c.id)).all())
    ids = sorted(message_ids)
    rows: list[Any] = []
    for i in range(0, len(ids), 500):
        rows += conn.execute(q.where(t.attachment.c.message_id.in_(ids[i:i + 500])).order_by(t.attachment.c.id)).all()
    return rows


def known_messages(conn: Connection, ids: Sequence[str]) -> set[str]:
    """Those of these message ids the case holds (asked 500 at a time)."""
    found: set[str] = set()
    for i in range(0, len(ids), 500):
        chunk = list(ids[i:i + 500])
        found |= {r.id for r in conn.execute(select(t.message.c.id).where(t.message.c.id.in_(chunk)))}
    return found
