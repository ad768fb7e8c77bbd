"""WhatsApp databases from seized phones: Android ``msgstore.db`` (+ ``wa.db`` for names) and iOS
``ChatStorage.sqlite``.

The database is opened read-only and immutable (``mode=ro&immutable=1``): SQLite writes nothing, not even
a journal or a lock. (An un-checkpointed ``-wal`` file beside it is therefore *not* read: a warning says
so.) The schema is probed, never assumed:

- Android 2022+ (``message``, ``chat``, ``jid``, ``message_system``, ``message_media``, …);
- Android legacy (``messages`` with ``key_remote_jid``, ``data``, ``remote_resource``, …);
- iOS (``ZWAMESSAGE``, ``ZWACHATSESSION``, ``ZWAGROUPMEMBER``, ``ZWAMEDIAITEM``).

Each chat becomes one ChatStream. Provenance: a message's ``line`` is its row id in the message table
(``message._id``, ``messages._id`` or ``ZWAMESSAGE.Z_PK``), so every record points back to one row of the
hashed database. ``timestamp_raw`` is the stored value as written (milliseconds since 1970 on Android,
seconds since 2001 on iOS); ``timestamp`` is that instant in UTC. Group events (system rows) become
membership events; action codes that are not known are kept as system messages, counted in one warning.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

from chatprobe.errors import ParseError, UnsupportedFormat
from chatprobe.ingest.base import ChatStream
from chatprobe.ingest.source import Source
from chatprobe.model import (
    Attachment,
    Layout,
    MembershipEvent,
    MembershipKind,
    Message,
    MessageKind,
    Participant,
    SourceRef,
)

APPLE_EPOCH = datetime(2001, 1, 1)
UNIX_EPOCH = datetime(1970, 1, 1)

# Android message_type and iOS ZMESSAGETYPE → (kind, attachment type)
ANDROID_TYPES: dict[int, tuple[MessageKind, str | None]] = {
    0: (MessageKind.TEXT, None), 1: (MessageKind.MEDIA, "image"), 2: (MessageKind.MEDIA, "audio"),
    3: (MessageKind.MEDIA, "video"), 4: (MessageKind.MEDIA, "contact"), 5: (MessageKind.LOCATION, None),
    7: (MessageKind.SYSTEM, None), 8: (MessageKind.CALL, None), 9: (MessageKind.MEDIA, "document"),
    13: (MessageKind.MEDIA, "gif"), 15: (MessageKind.DELETED, None), 16: (MessageKind.LOCATION, None),
    20: (MessageKind.MEDIA, "sticker"), 42: (MessageKind.VIEW_ONCE, "image"), 43: (MessageKind.VIEW_ONCE, "video"),
    46: (MessageKind.POLL, None), 64: (MessageKind.DELETED, None),
}
IOS_TYPES: dict[int, tuple[MessageKind, str | None]] = {
    0: (MessageKind.TEXT, None), 1: (MessageKind.MEDIA, "image"), 2: (MessageKind.MEDIA, "video"),
    3: (MessageKind.MEDIA, "audio"), 4: (MessageKind.MEDIA, "contact"), 5: (MessageKind.LOCATION, None),
    6: (MessageKind.SYSTEM, None), 7: (MessageKind.TEXT, None), 8: (MessageKind.MEDIA, "document"),
    11: (MessageKind.MEDIA, "gif"), 14: (MessageKind.DELETED, None), 15: (MessageKind.MEDIA, "sticker"),
    46: (MessageKind.POLL, None), 59: (MessageKind.CALL, None),
}
# group event codes, from public forensic notes on WhatsApp's schemas (Android message_system.action_type,
# iOS ZWAMESSAGE.ZGROUPEVENTTYPE); unknown codes stay system messages
ANDROID_ACTIONS = {11: MembershipKind.CREATED, 12: MembershipKind.ADDED, 4: MembershipKind.ADDED,
                   20: MembershipKind.JOINED_BY_LINK, 5: MembershipKind.LEFT, 15: MembershipKind.LEFT,
                   7: MembershipKind.REMOVED, 14: MembershipKind.REMOVED, 10: MembershipKind.CHANGED_NUMBER,
                   27: MembershipKind.CHANGED_NUMBER}
ANDROID_SUBJECT = {1, 6}
IOS_ACTIONS = {2: MembershipKind.ADDED, 3: MembershipKind.LEFT, 4: MembershipKind.REMOVED,
               12: MembershipKind.CREATED, 13: MembershipKind.JOINED_BY_LINK}
IOS_SUBJECT = {1}


def connect_readonly(path: Path) -> sqlite3.Connection:
    con = sqlite3.connect(f"file:{quote(str(Path(path).resolve()))}?mode=ro&immutable=1", uri=True)
    con.row_factory = sqlite3.Row
    con.text_factory = lambda b: b.decode("utf-8", errors="replace")  # text may not be valid UTF-8
    return con


def tables(con: sqlite3.Connection) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type='table'"):
        out[name] = {r[1] for r in con.execute(f'PRAGMA table_info("{name}")')}
    return out


def probe(path: Path, display: str) -> str:
    """"android", "android-legacy" or "ios"; UnsupportedFormat for any other database."""
    try:
        con = connect_readonly(path)
        try:
            t = tables(con)
        finally:
            con.close()
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        raise ParseError(f"{display}: SQLite database cannot be read: {exc}",
                         "the file may be truncated or encrypted (msgstore.db.crypt*): decrypt it first") from None
    if {"message", "chat", "jid"} <= set(t) and {"chat_row_id", "timestamp"} <= t["message"]:
        return "android"
    if "messages" in t and {"key_remote_jid", "data", "timestamp"} <= t["messages"]:
        return "android-legacy"
    if "ZWAMESSAGE" in t and "ZWACHATSESSION" in t:
        return "ios"
    if "wa_contacts" in t:
        raise UnsupportedFormat(f"{display}: wa.db holds contact names only, not messages",
                                "import msgstore.db and keep wa.db in the same folder: its names are used")
    raise UnsupportedFormat(f"{display}: an SQLite database chatprobe does not know "
                            f"(tables: {', '.join(sorted(t)[:12]) or 'none'})",
                            "chatprobe reads WhatsApp msgstore.db (Android) and ChatStorage.sqlite (iOS)")


def contact_names(path: Path | None) -> dict[str, str]:
    if path is None:
        return {}
    con = connect_readonly(path)
    try:
        t = tables(con)
        if "wa_contacts" not in t:
            return {}
        cols = t["wa_contacts"]
        pick = [c for c in ("display_name", "wa_name") if c in cols]
        if not pick or "jid" not in cols:
            return {}
        out = {}
        for r in con.execute(f"SELECT jid, {', '.join(pick)} FROM wa_contacts"):
            name = next((as_text(r[c]) for c in pick if r[c]), None)
            if r["jid"] and name:
                out[as_text(r["jid"])] = name
        return out
    except (sqlite3.DatabaseError, UnicodeDecodeError):
        return {}  # names are a convenience: without them senders are numbers
    finally:
        con.close()


def as_text(v: Any) -> str | None:
    """A cell read as text: None stays None, a BLOB is decoded (invalid bytes replaced), a number written out."""
    if v is None or isinstance(v, str):
        return v
    if isinstance(v, bytes):
        return v.decode("utf-8", errors="replace")
    return str(v)


def as_int(v: Any) -> int | None:
    """A cell read as an integer, or None when it is not one (text of digits is read as its number)."""
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, int):
        return v
    if isinstance(v, float) and v.is_integer():
        return int(v)
    if isinstance(v, (str, bytes)):
        try:
            return int(v.strip())
        except ValueError:
            return None
    return None


def phone_of_jid(jid: str | None) -> str | None:
    if not isinstance(jid, str) or "@" not in jid:
        return None
    user, server = jid.split("@", 1)
    return f"+{user}" if server in ("s.whatsapp.net", "c.us") and user.isdigit() else None


def open_database(source: Source, contacts: Path | None = None) -> list[ChatStream]:
    if source.member is not None:
        raise UnsupportedFormat(f"{source.display}: a database inside a zip",
                                "unzip it and import msgstore.db or ChatStorage.sqlite itself")
    flavour = probe(source.path, source.display)
    names = contact_names(contacts)
    con = connect_readonly(source.path)
    try:
        chats = _chat_rows(con, flavour)
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        raise ParseError(f"{source.display}: cannot read the list of chats: {exc}",
                         "the database may be damaged; work on a verified copy") from None
    finally:
        con.close()
    streams: list[ChatStream] = [DatabaseChatStream(source, flavour, c, names) for c in chats]
    return streams


def _chat_rows(con: sqlite3.Connection, flavour: str) -> list[dict[str, Any]]:
    if flavour == "ios":
        chats = con.execute("SELECT Z_PK AS id, ZCONTACTJID AS jid, ZPARTNERNAME AS title FROM ZWACHATSESSION "
                            "ORDER BY Z_PK").fetchall()
    elif flavour == "android":
        chats = con.execute("SELECT c._id AS id, j.raw_string AS jid, c.subject AS title FROM chat c "
                            "LEFT JOIN jid j ON j._id = c.jid_row_id ORDER BY c._id").fetchall()
    else:
        chats = con.execute("SELECT key_remote_jid AS id, key_remote_jid AS jid, NULL AS title FROM messages "
                            "GROUP BY key_remote_jid ORDER BY MIN(_id)").fetchall()
    out = []
    for c in chats:
        d = dict(c)
        d["jid"], d["title"] = as_text(d["jid"]), as_text(d["title"])
        out.append(d)
    return out


def warn_wal(original: Path, streams: list[ChatStream]) -> None:
    """Say so when a write-ahead log sits beside the original database: it is not read."""
    wal = original.with_name(original.name + "-wal")
    if wal.exists() and streams:
        streams[0].warnings.add(streams[0].source.display, None, "wal-not-read",
                                f"{wal.name} sits beside the database: messages not yet checkpointed into the "
                                "database are not read (it is opened immutable, so nothing is written); import a "
                                "copy checkpointed on a forensic workstation to include them")


class DatabaseChatStream(ChatStream):
    platform = "whatsapp"

    def __init__(self, source: Source, flavour: str, chat: dict[str, Any], names: dict[str, str]) -> None:
        super().__init__(source)
        self.flavour = flavour
        self.chat = chat
        self.names = names
        self.chat_id = f"wadb-{source.sha256[:16]}-{chat['id']}"
        jid = chat.get("jid") or ""
        if chat.get("id") is None:
            self.warnings.add(source.display, None, "coerced-field", "a chat row has no id; its messages cannot be "
                              "selected")
        self.title = chat.get("title") or names.get(jid) or phone_of_jid(jid) or jid or None
        table = {"android": "message", "android-legacy": "messages", "ios": "ZWAMESSAGE"}[flavour]
        self.layout = Layout("whatsapp", f"{flavour}-database", None, None, (
            f"SQLite database with the {flavour} WhatsApp schema (table {table})",
            f"chat {jid or chat['id']}; 'line' is the row id in {table}",
            "opened read-only and immutable; timestamps are UTC",
            f"{len(names)} contact names from wa.db" if names else "no wa.db beside it: senders are numbers",
        ))

    # -- names ---------------------------------------------------------------------------------------
    def _name(self, jid: str | None, fallback: str | None = None) -> str:
        if not jid:
            return fallback or "(unknown)"
        name = self.names.get(jid) or fallback or phone_of_jid(jid) or jid
        if name not in self.participants and name != "You":
            self.participants[name] = Participant(name, phone_of_jid(jid))
        return name

    def _messages(self) -> Iterator[Message]:
        con = connect_readonly(self.source.path)
        try:
            rows = {"android": self._android, "android-legacy": self._legacy, "ios": self._ios}[self.flavour](con)
            unknown: dict[int, int] = {}
            for position, row in enumerate(rows):
                msg = self._message(position, row, unknown)
                self.message_count = position + 1
                yield msg
            for code, n in sorted(unknown.items()):
                self.warnings.add(self.source.display, None, "unknown-group-event",
                                  f"{n} system rows with the unknown event code {code} kept as system messages")
            if self.message_count == 0:
                self.warnings.add(self.source.display, None, "no-messages",
                                  f"chat {self.chat.get('jid') or self.chat.get('id')} gave no messages: the chat "
                                  "is empty, or this database is a variant chatprobe does not read fully")
        except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
            raise ParseError(f"{self.source.display}: cannot read messages: {exc}",
                             "the database may be truncated; work on a verified copy") from None
        finally:
            con.close()
        self.bytes_done = self.source.size

    # -- per schema: rows as plain dicts ---------------------------------------------------------------
    def _android(self, con: sqlite3.Connection) -> Iterator[dict[str, Any]]:
        t = tables(con)
        text_col = "text_data" if "text_data" in t["message"] else "NULL"
        has_sys = "message_system" in t
        has_media = "message_media" in t
        sql = (f"SELECT m._id AS row, m.from_me AS from_me, m.timestamp AS ts, m.message_type AS type, {text_col} AS text, "
               "sj.raw_string AS sender_jid, "
               + ("s.action_type AS action " if has_sys else "NULL AS action ")
               + (", mm.file_path AS media_path, mm.file_size AS media_size, mm.mime_type AS mime " if has_media
                  else ", NULL AS media_path, NULL AS media_size, NULL AS mime ")
               + "FROM message m LEFT JOIN jid sj ON sj._id = m.sender_jid_row_id "
               + ("LEFT JOIN message_system s ON s.message_row_id = m._id " if has_sys else "")
               + ("LEFT JOIN message_media mm ON mm.message_row_id = m._id " if has_media else "")
               + "WHERE m.chat_row_id = ? ORDER BY m.timestamp, m._id")
        part = "message_system_chat_participant" in t
        numbers = "message_system_number_change" in t
        for r in con.execute(sql, (self.chat["id"],)):
            d = dict(r)
            if d["type"] == 7 or d["action"] is not None:
                d["subjects"] = [x[0] for x in con.execute(
                    "SELECT j.raw_string FROM message_system_chat_participant p JOIN jid j ON j._id = p.user_jid_row_id "
                    "WHERE p.message_row_id = ?", (d["row"],))] if part else []
                if numbers:
                    n = con.execute("SELECT jo.raw_string, jn.raw_string FROM message_system_number_change c "
                                    "LEFT JOIN jid jo ON jo._id = c.old_jid_row_id LEFT JOIN jid jn ON "
                                    "jn._id = c.new_jid_row_id WHERE c.message_row_id = ?", (d["row"],)).fetchone()
                    d["number_change"] = tuple(n) if n else None
            yield self._clean(d, ios=False)

    def _legacy(self, con: sqlite3.Connection) -> Iterator[dict[str, Any]]:
        cols = tables(con)["messages"]
        mtype = "media_wa_type" if "media_wa_type" in cols else "0"
        status = "status" if "status" in cols else "0"
        size = "media_size" if "media_size" in cols else "NULL"
        name = "media_name" if "media_name" in cols else "NULL"
        sql = (f"SELECT _id AS row, key_from_me AS from_me, timestamp AS ts, {mtype} AS type, data AS text, "
               f"remote_resource AS sender_jid, {status} AS status, {size} AS media_size, {name} AS media_path "
               "FROM messages WHERE key_remote_jid = ? ORDER BY timestamp, _id")
        for r in con.execute(sql, (self.chat["id"],)):
            d = self._clean(dict(r), ios=False)
            if d["status"] == 6:  # a group event: the action code sits in media_size
                d["type"], d["action"], d["subjects"] = 7, d["media_size"], [d["sender_jid"]] if d["sender_jid"] else []
                d["media_size"] = None
            else:
                d["action"] = None
            yield d

    def _ios(self, con: sqlite3.Connection) -> Iterator[dict[str, Any]]:
        t = tables(con)
        cols = t["ZWAMESSAGE"]
        ev = "m.ZGROUPEVENTTYPE" if "ZGROUPEVENTTYPE" in cols else "NULL"
        push = "m.ZPUSHNAME" if "ZPUSHNAME" in cols else "NULL"
        gm = "ZWAGROUPMEMBER" in t and "ZGROUPMEMBER" in cols
        media = "ZWAMEDIAITEM" in t
        sql = ("SELECT m.Z_PK AS row, m.ZISFROMME AS from_me, m.ZMESSAGEDATE AS ts, m.ZMESSAGETYPE AS type, "
               f"m.ZTEXT AS text, m.ZFROMJID AS from_jid, {push} AS push, {ev} AS action, "
               + ("g.ZMEMBERJID AS member_jid, COALESCE(g.ZCONTACTNAME, g.ZFIRSTNAME) AS member_name "
                  if gm else "NULL AS member_jid, NULL AS member_name ")
               + (", mi.ZMEDIALOCALPATH AS media_path, mi.ZFILESIZE AS media_size " if media
                  else ", NULL AS media_path, NULL AS media_size ")
               + "FROM ZWAMESSAGE m "
               + ("LEFT JOIN ZWAGROUPMEMBER g ON g.Z_PK = m.ZGROUPMEMBER " if gm else "")
               + ("LEFT JOIN ZWAMEDIAITEM mi ON mi.ZMESSAGE = m.Z_PK " if media else "")
               + "WHERE m.ZCHATSESSION = ? ORDER BY m.ZMESSAGEDATE, m.Z_PK")
        for r in con.execute(sql, (self.chat["id"],)):
            d = self._clean(dict(r), ios=True)
            d["sender_jid"] = d["member_jid"] or d["from_jid"]
            d["subjects"] = [d["member_jid"]] if d["member_jid"] else []
            yield d

    # -- cells of the wrong type: read what can be read, warn about every coercion --------------------------
    _INTS = ("row", "from_me", "type", "action", "media_size", "status")
    _TEXTS = ("sender_jid", "from_jid", "member_jid", "member_name", "push", "media_path", "mime")

    def _clean(self, d: dict[str, Any], ios: bool) -> dict[str, Any]:
        """Every cell as the type the importer expects. A BLOB of message text is decoded silently (WhatsApp
        stores some text that way); any other mismatch is read as best it can be and warned about."""
        line = d["row"] if isinstance(d.get("row"), int) else None

        def warn(col: str, was: Any, now: Any) -> None:
            self.warnings.add(self.source.display, line, "coerced-field",
                              f"column {col} holds {type(was).__name__} {str(was)[:40]!r} where a "
                              f"{'number' if col in self._INTS or col == 'ts' else 'text'} was expected; "
                              + ("read as " + repr(now) if now is not None else "ignored"))

        for col in self._INTS:
            v = d.get(col)
            if v is not None and (not isinstance(v, int) or isinstance(v, bool)):
                d[col] = as_int(v)
                warn(col, v, d[col])
        for col in self._TEXTS:
            v = d.get(col)
            if v is not None and not isinstance(v, str):
                d[col] = as_text(v)
                warn(col, v, d[col])
        if d.get("text") is not None and not isinstance(d["text"], (str, bytes)):
            was = d["text"]
            d["text"] = as_text(was)
            warn("text", was, d["text"])
        if "subjects" in d:
            d["subjects"] = [x for x in (as_text(j) for j in d["subjects"]) if x]
        if d.get("number_change"):
            d["number_change"] = tuple(as_text(x) for x in d["number_change"])
        if d["row"] is None:
            d["row"] = 0
        ts = d.get("ts")
        d["time"] = None
        if ts is not None:
            try:
                if isinstance(ts, (str, bytes)):
                    ts = float(ts)
                    warn("ts", d["ts"], ts)
                if ios:
                    d["time"] = APPLE_EPOCH + timedelta(seconds=float(ts))
                elif ts:
                    d["time"] = UNIX_EPOCH + timedelta(milliseconds=ts)
            except (ValueError, OverflowError, TypeError):
                self.warnings.add(self.source.display, line, "bad-timestamp",
                                  f"timestamp {str(d['ts'])[:40]!r} is not a time that can exist; kept with no time")
        return d

    # -- one message ------------------------------------------------------------------------------------
    def _message(self, position: int, d: dict[str, Any], unknown: dict[int, int]) -> Message:
        ios = self.flavour == "ios"
        kinds = IOS_TYPES if ios else ANDROID_TYPES
        kind, media = kinds.get(int(d["type"] or 0), (MessageKind.TEXT, None))
        mid = f"{self.source.sha256[:16]}-{self.chat['id']}-{position}"
        ref = SourceRef(self.source.evidence_sha256, self.source.display, self.source.sha256, d["row"], d["row"])
        raw_ts = str(d["ts"]) if d["ts"] is not None else ""
        text = d.get("text") or ""
        if isinstance(text, bytes):  # stored as a BLOB, possibly not valid UTF-8
            text = text.decode("utf-8", errors="replace")
        if kind is MessageKind.SYSTEM:
            text, system_type = self._event(mid, d, unknown)
            return Message(mid, self.chat_id, position, raw_ts, d["time"], None, kind, text, ref,
                           system_type=system_type)
        if d["from_me"]:
            sender = "You"
            self.participants.setdefault("You", Participant("You"))
        elif ios:
            sender = self._name(d["sender_jid"], d.get("member_name") or d.get("push"))
        else:
            sender = self._name(d["sender_jid"] or self.chat.get("jid"))
        attachments: tuple[Attachment, ...] = ()
        if media:
            name = Path(str(d.get("media_path") or f"{media}-{d['row']}")).name
            size = d.get("media_size")
            attachments = (Attachment(name, media, False, int(size) if isinstance(size, int) else None),)
        return Message(mid, self.chat_id, position, raw_ts, d["time"], sender, kind, text, ref,
                       attachments=attachments)

    def _event(self, mid: str, d: dict[str, Any], unknown: dict[int, int]) -> tuple[str, str]:
        ios = self.flavour == "ios"
        action = d.get("action")
        code = int(action) if action is not None else -1
        kind = (IOS_ACTIONS if ios else ANDROID_ACTIONS).get(code)
        actor = "You" if d["from_me"] else (self._name(d["sender_jid"]) if d.get("sender_jid") and not ios else None)
        if code in (IOS_SUBJECT if ios else ANDROID_SUBJECT):
            return f"{actor or 'Someone'} changed the group name", "subject_changed"
        if kind is None:
            unknown[code] = unknown.get(code, 0) + 1
            return f"group event {code}", "other"
        subjects = [self._name(j, d.get("member_name") if ios else None) for j in d.get("subjects") or []]
        detail = None
        if kind is MembershipKind.CHANGED_NUMBER and d.get("number_change"):
            old, new = d["number_change"]
            subjects = [self._name(old)] if old else subjects
            detail = phone_of_jid(new) or new
        if kind is MembershipKind.CREATED:
            subjects = [actor or (subjects[0] if subjects else "(unknown)")]
        if not subjects and kind in (MembershipKind.LEFT, MembershipKind.JOINED_BY_LINK) and d.get("sender_jid"):
            subjects = [self._name(d["sender_jid"])]
        for s in subjects:
            self.events.append(MembershipEvent(self.chat_id, mid, kind, s, actor, d["time"], detail))
        who = ", ".join(subjects) or "(unknown)"
        text = {MembershipKind.CREATED: f"{who} created the group", MembershipKind.ADDED: f"{actor or 'Someone'} added {who}",
                MembershipKind.JOINED_BY_LINK: f"{who} joined using an invite link", MembershipKind.LEFT: f"{who} left",
                MembershipKind.REMOVED: f"{actor or 'Someone'} removed {who}",
                MembershipKind.CHANGED_NUMBER: f"{who} changed their number" + (f" to {detail}" if detail else "")}[kind]
        return text, kind.value
