"""Telegram Desktop JSON export (``result.json``): one chat, or a whole account with many chats.

Every message keeps the line in the JSON file where its object starts, found by decoding each element of
each ``"messages"`` array in place, so exhibits can cite file and line like WhatsApp ones.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from typing import Any

from chatprobe.errors import ParseError, UnsupportedFormat
from chatprobe.ingest.base import ChatStream, WarningLog
from chatprobe.ingest.source import Source, detect_encoding
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

MAX_JSON_BYTES = 4 << 30
_MESSAGES_KEY = re.compile(r'(?<!\\)"messages"\s*:\s*\[')
_WS = re.compile(r"[\s,]*")
# JSON escapes that decode to no text: a UTF-16 surrogate without its pair (no encoder can write it; SQLite
# and PostgreSQL refuse it) and NUL (PostgreSQL refuses it); after an even run of backslashes it is literal
_NON_TEXT_ESCAPE = re.compile(
    r"(?<!\\)((?:\\\\)*)(\\ud[89ab][0-9a-f]{2}(?!\\ud[c-f][0-9a-f]{2})"
    r"|(?<!\\ud[89ab][0-9a-f]{2})\\ud[c-f][0-9a-f]{2}|\\u0000)", re.IGNORECASE)

_MEDIA_TYPES = {
    "sticker": "sticker", "voice_message": "audio", "video_message": "video", "animation": "gif",
    "video_file": "video", "audio_file": "audio",
}


def _replace_non_text_escapes(text: str) -> tuple[str, list[tuple[int, str]]]:
    """``text`` with each escape that decodes to no text (``_NON_TEXT_ESCAPE``) written as U+FFFD, and the
    (line, escape) of each, for a warning: as invalid bytes in a text export are."""
    found: list[tuple[int, str]] = []
    at = [0, 1]  # where the line count stands: offset, line

    def mend(m: re.Match[str]) -> str:
        at[1] += text.count("\n", at[0], m.start(2))
        at[0] = m.start(2)
        found.append((at[1], m.group(2)))
        return m.group(1) + "\\ufffd"
    return _NON_TEXT_ESCAPE.sub(mend, text), found


def load_document(source: Source) -> tuple[Any, str, list[tuple[int, str]]]:
    """(the parsed document, its text, the (line, escape) of each escape replaced as not text)."""
    with source.open() as stream:
        raw = stream.read(MAX_JSON_BYTES + 1)
    if len(raw) > MAX_JSON_BYTES:
        raise UnsupportedFormat(f"{source.display}: JSON export larger than {MAX_JSON_BYTES >> 30} GiB")
    enc = detect_encoding(raw[:4096])
    try:
        text = raw.decode(enc)
    except UnicodeDecodeError as exc:
        raise ParseError(f"{source.display}: not valid {enc} text at byte {exc.start}") from exc
    text, mended = _replace_non_text_escapes(text.lstrip("\ufeff"))
    try:
        return json.loads(text), text, mended
    except RecursionError:
        raise ParseError(f"{source.display}: JSON nested too deeply to be a chat export",
                         "this is not a Telegram Desktop export (or it was crafted); examine it by hand") from None
    except json.JSONDecodeError as exc:
        raise ParseError(
            f"{source.display}:{exc.lineno}: invalid JSON ({exc.msg}, column {exc.colno})",
            "the export may be truncated; export again from Telegram Desktop (Settings → Advanced → Export Telegram data)",
        ) from exc


def message_lines(text: str) -> list[list[int]]:
    """For each "messages" array in document order, the 1-based line of each element."""
    out: list[list[int]] = []
    decoder = json.JSONDecoder()
    line, pos = 1, 0
    for m in _MESSAGES_KEY.finditer(text):
        lines: list[int] = []
        i = m.end()
        while True:
            i = _WS.match(text, i).end()  # type: ignore[union-attr]
            if i >= len(text) or text[i] == "]":
                break
            line += text.count("\n", pos, i)
            pos = i
            lines.append(line)
            try:
                _, i = decoder.raw_decode(text, i)
            except (json.JSONDecodeError, RecursionError):
                break
        out.append(lines)
    return out


def is_telegram(doc: Any) -> bool:
    if not isinstance(doc, dict):
        return False
    if isinstance(doc.get("messages"), list):
        return True
    chats = doc.get("chats")
    return isinstance(chats, dict) and isinstance(chats.get("list"), list)


def open_telegram(source: Source) -> list[TelegramChatStream]:
    doc, text, mended = load_document(source)
    if not is_telegram(doc):
        raise UnsupportedFormat(
            f"{source.display}: JSON, but not a Telegram Desktop export (no 'messages' or 'chats.list')",
            "chatprobe reads JSON only as a Telegram Desktop export: import its result.json (Settings → Advanced → "
            "Export Telegram data, format JSON); for WhatsApp, import the .txt or .zip that 'Export chat' produced",
        )
    lines = message_lines(text)
    chats: list[dict[str, Any]]
    if isinstance(doc.get("messages"), list):
        chats, layout = [doc], "telegram-json-single"
    else:
        chats = [c for c in doc["chats"]["list"] if isinstance(c, dict)]
        left = doc.get("left_chats")
        if isinstance(left, dict) and isinstance(left.get("list"), list):
            chats += [c for c in left["list"] if isinstance(c, dict)]
        layout = "telegram-json-account"
    streams = []
    start = 0
    for idx, chat in enumerate(chats):
        msgs = chat.get("messages") if isinstance(chat.get("messages"), list) else []
        chat_lines = lines[idx] if idx < len(lines) and len(lines[idx]) == len(msgs) else []
        streams.append(TelegramChatStream(source, chat, idx, layout, start, chat_lines))
        start += len(msgs)
    for line, escape in mended:  # told by the chat whose messages start before it, else the first
        starts = [s for s in streams if s._lines and s._lines[0] <= line]
        owner = starts[-1] if starts else streams[0] if streams else None
        if owner is not None:
            nul = escape == "\\u0000"
            owner.warnings.add(source.display, line, "nul-byte" if nul else "encoding",
                               f"the escape {escape} is {'NUL' if nul else 'half of a UTF-16 surrogate pair'}, "
                               "not text; replaced by U+FFFD")
    return streams


KNOWN_FIELDS = frozenset({
    "id", "type", "date", "date_unixtime", "edited", "edited_unixtime", "from", "from_id", "text", "text_entities",
    "reply_to_message_id", "reply_to_peer_id", "photo", "photo_file_size", "width", "height", "file", "file_name",
    "file_size", "thumbnail", "thumbnail_file_size", "media_type", "mime_type", "duration_seconds",
    "sticker_emoji", "forwarded_from", "forwarded_from_id", "saved_from", "via_bot", "actor", "actor_id", "action",
    "title", "members", "poll", "location_information", "live_location_period_seconds", "contact_information",
    "contact_vcard", "self_destruct_period_seconds", "inline_bot_buttons", "reactions", "author", "message_id",
    "game_title", "game_description", "game_link", "game_message_id", "score", "invoice_information",
    "place_name", "address", "duration", "discard_reason", "boosts", "emoticon", "new_title", "new_icon_emoji_id",
    "inviter", "is_from_offline", "media_spoiler", "paid_stars_amount", "schedule_date", "period", "photo_id",
    "message", "text_entities_count", "giveaway_information", "giveaway_results", "to_id", "to",
})
UNKNOWN_SENDER = "(sender not recorded)"


def _is_number(v: Any) -> bool:
    """A JSON number (JSON's true and false are bools, which Python also counts as ints)."""
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _is_id(v: Any) -> bool:
    """What Telegram writes as an id or a time: a string or a whole number."""
    return isinstance(v, (int, str)) and not isinstance(v, bool)


def _flatten_text(value: Any, warn: Callable[[str], None]) -> str:
    """Telegram text: a string, or a list of strings and entity objects ``{"type": …, "text": …}``. Anything
    else is read as far as it can be and each coercion is warned about; nothing is dropped silently."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        inner = value.get("text")
        warn(f"'text' is an object, not text or a list; read its 'text' ({type(inner).__name__})")
        return _flatten_text(inner, warn) if isinstance(inner, (str, list)) else ""
    if isinstance(value, list):
        parts: list[str] = []
        for i, part in enumerate(value):
            if isinstance(part, str):
                parts.append(part)
            elif isinstance(part, dict) and isinstance(part.get("text"), str):
                parts.append(part["text"])
            elif isinstance(part, dict):
                warn(f"'text' item {i + 1} is an entity whose 'text' is {type(part.get('text')).__name__}, not text; "
                     "left out")
            elif _is_number(part):
                warn(f"'text' item {i + 1} is a number ({part}); read as text")
                parts.append(str(part))
            else:
                warn(f"'text' item {i + 1} is {type(part).__name__}, not text or an entity; left out")
        return "".join(parts)
    if _is_number(value):
        warn(f"'text' is a number ({value}); read as text")
        return str(value)
    warn(f"'text' is {type(value).__name__}, not text; left out")
    return ""


class TelegramChatStream(ChatStream):
    platform = "telegram"

    def __init__(self, source: Source, chat: dict[str, Any], index: int, layout: str, first_position: int,
                 lines: list[int]) -> None:
        super().__init__(source)
        self._chat = chat
        self._first = first_position
        self._lines = lines
        self.warnings = WarningLog()
        chat_key = chat.get("id", index)
        if not _is_id(chat_key) or len(str(chat_key)) > 40:
            self.warnings.add(source.display, None, "coerced-field",
                              f"chat {index + 1}: 'id' is {type(chat_key).__name__}, not a number; "
                              "the chat is numbered by its place in the file")
            chat_key = f"n{index}"
        self.chat_id = f"tg-{source.sha256[:16]}-{chat_key}"
        name = chat.get("name")
        self.title = name if isinstance(name, str) else None
        if name is not None and not isinstance(name, str):
            self.warnings.add(source.display, None, "coerced-field",
                              f"chat {index + 1}: 'name' is {type(name).__name__}, not text; the chat has no title")
        evidence = [
            "JSON with a 'messages' list" if layout.endswith("single") else "JSON with 'chats.list' (full account)",
            f"chat {index + 1}: {self.title or 'untitled'} ({chat.get('type', 'type not given')})",
        ]
        if not lines:
            evidence.append("message line numbers could not be located; positions are array indexes")
        msgs = chat.get("messages") if isinstance(chat.get("messages"), list) else []
        if any(isinstance(m, dict) and "date" not in m and "date_unixtime" in m for m in msgs):
            evidence.append("some messages have only date_unixtime: those times are UTC, the others local")
        self.layout = Layout("telegram", layout, None, None, tuple(evidence))
        self._unknown: dict[str, list[int]] = {}  # unknown field -> [first line, count]

    def _messages(self) -> Iterator[Message]:
        src = self.source
        msgs = self._chat.get("messages")
        if not isinstance(msgs, list):
            if msgs is not None:
                self.warnings.add(src.display, None, "coerced-field",
                                  f"this chat's 'messages' is {type(msgs).__name__}, not a list; no messages read")
            msgs = []
        # replies name Telegram's message id; ours is the position in the file: map one to the other
        self._ids = {str(m["id"]): f"{src.sha256[:16]}-{self._first + i}" for i, m in enumerate(msgs)
                     if isinstance(m, dict) and _is_id(m.get("id"))}
        for i, raw in enumerate(msgs):
            line = self._lines[i] if self._lines else i + 1
            position = self._first + i
            mid = f"{src.sha256[:16]}-{position}"
            ref = SourceRef(src.evidence_sha256, src.display, src.sha256, line, line)
            if not isinstance(raw, dict):
                self.warnings.add(src.display, line, "bad-message",
                                  f"message entry is {type(raw).__name__}, not a JSON object; skipped")
                continue
            for key in raw:
                if key not in KNOWN_FIELDS:
                    seen = self._unknown.setdefault(str(key)[:40], [line, 0])
                    seen[1] += 1
            yield self._message(raw, mid, position, ref)
            self.message_count += 1
        for key, (first, n) in sorted(self._unknown.items()):
            self.warnings.add(src.display, first, "unknown-field",
                              f"field {key!r} is not one chatprobe knows ({n} messages, first here); not imported")

    def _warner(self, ref: SourceRef) -> Callable[[str], None]:
        def warn(what: str) -> None:
            self.warnings.add(ref.file, ref.line_start, "coerced-field", what)
        return warn

    def _text_field(self, raw: dict[str, Any], key: str, warn: Callable[[str], None]) -> str | None:
        """A field that should be text: None when absent or null; other types are warned about."""
        v = raw.get(key)
        if v is None or isinstance(v, str):
            return v
        if _is_number(v):
            warn(f"{key!r} is a number ({v}), not text; read as text")
            return str(v)
        warn(f"{key!r} is {type(v).__name__}, not text; ignored")
        return None

    def _timestamp(self, raw: dict[str, Any], ref: SourceRef) -> tuple[str, datetime | None]:
        date = raw.get("date")
        if isinstance(date, str):
            try:
                return date, datetime.fromisoformat(date)
            except ValueError:
                pass
        unix = raw.get("date_unixtime")
        if _is_id(unix):
            try:
                ts = datetime.fromtimestamp(int(unix), tz=timezone.utc).replace(tzinfo=None)
                return str(unix), ts
            except (ValueError, OverflowError, OSError):
                pass
        self.warnings.add(ref.file, ref.line_start, "bad-timestamp", "message has no readable date")
        raw_ts = date if isinstance(date, str) else unix if isinstance(unix, str) else ""
        return raw_ts[:64], None

    def _sender(self, raw: dict[str, Any], warn: Callable[[str], None]) -> str:
        """The sender's name as exported. Telegram writes ``"from": null`` for deleted accounts: then the
        account id (``from_id``) stands in, said in a warning. No name is ever made up."""
        name = raw.get("from")
        from_id = raw.get("from_id")
        from_id = str(from_id) if _is_id(from_id) and \
            str(from_id) else None
        if isinstance(name, str) and name:
            return name
        if name is None or name == "":
            if from_id:
                warn(f"the sender has no name (a deleted account?); attributed to its account id {from_id}")
                return from_id
            warn(f"the message records no sender; attributed to {UNKNOWN_SENDER!r}")
            return UNKNOWN_SENDER
        if from_id:
            warn(f"'from' is {type(name).__name__} ({str(name)[:40]}), not a name; attributed to its account id "
                 f"{from_id}")
            return from_id
        if _is_number(name):
            warn(f"'from' is a number ({name}), not a name, and there is no 'from_id'; the number is kept as sender")
            return str(name)
        warn(f"'from' is {type(name).__name__}, not a name, and there is no 'from_id'; attributed to "
             f"{UNKNOWN_SENDER!r}")
        return UNKNOWN_SENDER

    def _message(self, raw: dict[str, Any], mid: str, position: int, ref: SourceRef) -> Message:
        warn = self._warner(ref)
        ts_raw, ts = self._timestamp(raw, ref)
        text = _flatten_text(raw.get("text"), warn)
        mtype = raw.get("type", "message")
        if mtype == "service":
            return self._service(raw, mid, position, ref, ts_raw, ts, text, warn)
        if mtype != "message":
            warn(f"message type {str(mtype)[:40]!r} is not one chatprobe knows; read as an ordinary message")
        sender = self._sender(raw, warn)
        if sender not in self.participants:
            ids = (str(raw["from_id"]),) if isinstance(raw.get("from_id"), (str, int)) and raw.get("from_id") else ()
            self.participants[sender] = Participant(sender, None, ids)
        kind = MessageKind.TEXT
        attachments: tuple[Attachment, ...] = ()
        photo = self._text_field(raw, "photo", warn)
        media = photo or self._text_field(raw, "file", warn)
        if media:
            present = not media.startswith("(")
            media_type = self._text_field(raw, "media_type", warn)
            atype = "image" if photo else _MEDIA_TYPES.get(media_type or "", "document")
            name = media if present else (self._text_field(raw, "file_name", warn) or "")
            info = self.source.siblings.get(media.rsplit("/", 1)[-1]) if present else None
            size = raw.get("file_size")
            if size is not None and (not isinstance(size, int) or isinstance(size, bool)):
                warn(f"'file_size' is {type(size).__name__}, not a number; ignored")
                size = None
            attachments = (Attachment(name, atype, present=info is not None,
                                      size=info.size if info else size, sha256=info.sha256 if info else None),)
            kind = MessageKind.MEDIA
        elif raw.get("location_information") or raw.get("live_location_period_seconds"):
            kind = MessageKind.LOCATION
        elif raw.get("poll"):
            kind = MessageKind.POLL
            text = self._poll(raw["poll"], text, warn)
        reply = raw.get("reply_to_message_id")
        reply_to = None
        if reply is not None and not _is_id(reply):
            warn(f"'reply_to_message_id' is {type(reply).__name__}, not a message id; ignored")
        elif reply is not None:
            reply_to = self._ids.get(str(reply))
            if reply_to is None:  # a reply to a message outside this export
                reply_to = f"telegram:{str(reply)[:40]}"
        return Message(mid, self.chat_id, position, ts_raw, ts, sender, kind, text, ref,
                       edited=bool(raw.get("edited")), attachments=attachments, reply_to=reply_to)

    @staticmethod
    def _poll(poll: Any, text: str, warn: Callable[[str], None]) -> str:
        if not isinstance(poll, dict):
            warn(f"'poll' is {type(poll).__name__}, not an object; its question and answers are not read")
            return text
        question = poll.get("question")
        if not isinstance(question, str):
            warn(f"the poll's 'question' is {type(question).__name__}, not text")
            question = "" if question is None else str(question)
        answers = poll.get("answers", [])
        if not isinstance(answers, list):
            warn(f"the poll's 'answers' is {type(answers).__name__}, not a list; not read")
            answers = []
        lines = []
        for i, a in enumerate(answers):
            if not isinstance(a, dict):
                warn(f"poll answer {i + 1} is {type(a).__name__}, not an object; left out")
                continue
            lines.append(f"\n{a.get('text', '')} ({a.get('voters', 0)} votes)")
        return question + "".join(lines)

    def _names(self, raw: dict[str, Any], key: str, warn: Callable[[str], None]) -> list[str]:
        value = raw.get(key, [])
        if value is None:
            return []
        if not isinstance(value, list):
            warn(f"{key!r} is {type(value).__name__}, not a list of names; not read")
            return []
        out = []
        for i, m in enumerate(value):
            if isinstance(m, str) and m:
                out.append(m)
            elif m is None:
                warn(f"{key!r} item {i + 1} is null (a deleted account?); left out of the membership events")
            else:
                warn(f"{key!r} item {i + 1} is {type(m).__name__}, not a name; left out")
        return out

    def _service(self, raw: dict[str, Any], mid: str, position: int, ref: SourceRef, ts_raw: str,
                 ts: datetime | None, text: str, warn: Callable[[str], None]) -> Message:
        action = self._text_field(raw, "action", warn) or "other"
        actor = self._text_field(raw, "actor", warn) or self._text_field(raw, "from", warn) or None
        members = self._names(raw, "members", warn)
        title = self._text_field(raw, "title", warn)
        kind: MembershipKind | None = None
        if action == "create_group":
            kind = MembershipKind.CREATED
            members = [actor, *members] if actor else members
            if title and not self.title:
                self.title = title
        elif action == "invite_members":
            kind = MembershipKind.ADDED
        elif action == "remove_members":
            kind = MembershipKind.REMOVED
        elif action == "join_group_by_link":
            kind, members = MembershipKind.JOINED_BY_LINK, [actor] if actor else []
        elif action == "edit_group_title" and title:
            self.title = title
        for subject in members:
            ev_kind = kind
            if kind is MembershipKind.REMOVED and subject == actor:
                ev_kind = MembershipKind.LEFT
            if ev_kind is None:
                break
            self.events.append(MembershipEvent(self.chat_id, mid, ev_kind, subject, actor, ts))
            self.participants.setdefault(subject, Participant(subject))
        description = text or " ".join(x for x in [actor or "", action.replace("_", " "), ", ".join(members)] if x)
        msg_kind = MessageKind.CALL if action in ("phone_call", "group_call") else MessageKind.SYSTEM
        return Message(mid, self.chat_id, position, ts_raw, ts, None, msg_kind, description, ref,
                       system_type=kind.value if kind else action[:48])
