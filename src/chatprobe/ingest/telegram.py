"""Telegram Desktop JSON export (``result.json``): one chat, or a whole account with many chats.

Every message keeps the line in the JSON file where its object starts, found by decoding each element of
each ``"messages"`` array in place, so exhibits can cite file and line like WhatsApp ones.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
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

_MEDIA_TYPES = {
    "sticker": "sticker", "voice_message": "audio", "video_message": "video", "animation": "gif",
    "video_file": "video", "audio_file": "audio",
}


def load_document(source: Source) -> tuple[Any, str]:
    with source.open() as stream:
        raw = stream.read(MAX_JSON_BYTES + 1)
    if len(raw) > MAX_JSON_BYTES:
        raise UnsupportedFormat(f"{source.display}: JSON export larger than {MAX_JSON_BYTES >> 30} GiB")
    enc = detect_encoding(raw[:4096])
    try:
        text = raw.decode(enc)
    except UnicodeDecodeError as exc:
        raise ParseError(f"{source.display}: not valid {enc} text at byte {exc.start}") from exc
    text = text.lstrip("\ufeff")
    try:
        return json.loads(text), text
    except json.JSONDecodeError as exc:
        raise ParseError(
            f"{source.display}:{exc.lineno}: invalid JSON ({exc.msg}, column {exc.colno})",
            "the export may be truncated; export again from Telegram Desktop (Settings → Export Telegram data)",
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
            except json.JSONDecodeError:
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
    doc, text = load_document(source)
    if not is_telegram(doc):
        raise UnsupportedFormat(
            f"{source.display}: JSON, but not a Telegram Desktop export (no 'messages' or 'chats.list')",
            "export with Telegram Desktop in JSON format and import its result.json",
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
    return streams


def _flatten_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "".join(
            part if isinstance(part, str) else str(part.get("text", "")) if isinstance(part, dict) else ""
            for part in value
        )
    return str(value)


class TelegramChatStream(ChatStream):
    platform = "telegram"

    def __init__(self, source: Source, chat: dict[str, Any], index: int, layout: str, first_position: int,
                 lines: list[int]) -> None:
        super().__init__(source)
        self._chat = chat
        self._first = first_position
        self._lines = lines
        self.chat_id = f"tg-{source.sha256[:16]}-{chat.get('id', index)}"
        self.title = chat.get("name") if isinstance(chat.get("name"), str) else None
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
        self.warnings = WarningLog()

    def _messages(self) -> Iterator[Message]:
        msgs = self._chat.get("messages") or []
        src = self.source
        for i, raw in enumerate(msgs):
            line = self._lines[i] if self._lines else i + 1
            position = self._first + i
            mid = f"{src.sha256[:16]}-{position}"
            ref = SourceRef(src.evidence_sha256, src.display, src.sha256, line, line)
            if not isinstance(raw, dict):
                self.warnings.add(src.display, line, "bad-message", "message entry is not a JSON object; skipped")
                continue
            yield self._message(raw, mid, position, ref)
            self.message_count += 1

    def _timestamp(self, raw: dict[str, Any], ref: SourceRef) -> tuple[str, datetime | None]:
        date = raw.get("date")
        if isinstance(date, str):
            try:
                return date, datetime.fromisoformat(date)
            except ValueError:
                pass
        unix = raw.get("date_unixtime")
        if unix is not None:
            try:
                ts = datetime.fromtimestamp(int(unix), tz=timezone.utc).replace(tzinfo=None)
                return str(unix), ts
            except (ValueError, OverflowError, OSError):
                pass
        self.warnings.add(ref.file, ref.line_start, "bad-timestamp", "message has no readable date")
        return str(date or unix or ""), None

    def _message(self, raw: dict[str, Any], mid: str, position: int, ref: SourceRef) -> Message:
        ts_raw, ts = self._timestamp(raw, ref)
        text = _flatten_text(raw.get("text"))
        if raw.get("type") == "service":
            return self._service(raw, mid, position, ref, ts_raw, ts, text)
        sender = raw.get("from")
        if not isinstance(sender, str) or not sender:
            sender = raw.get("from_id") or "Deleted Account"
        sender = str(sender)
        if sender not in self.participants:
            self.participants[sender] = Participant(sender, None, (str(raw["from_id"]),) if raw.get("from_id") else ())
        kind = MessageKind.TEXT
        attachments: tuple[Attachment, ...] = ()
        media = raw.get("photo") or raw.get("file")
        if media:
            media = str(media)
            present = not media.startswith("(")
            atype = "image" if raw.get("photo") else _MEDIA_TYPES.get(str(raw.get("media_type")), "document")
            name = media if present else (raw.get("file_name") or "")
            info = self.source.siblings.get(media.rsplit("/", 1)[-1]) if present else None
            attachments = (Attachment(str(name), atype, present=info is not None,
                                      size=info.size if info else raw.get("file_size"),
                                      sha256=info.sha256 if info else None),)
            kind = MessageKind.MEDIA
        elif raw.get("location_information") or raw.get("live_location_period_seconds"):
            kind = MessageKind.LOCATION
        elif raw.get("poll"):
            kind = MessageKind.POLL
            poll = raw["poll"]
            if isinstance(poll, dict):
                text = str(poll.get("question", "")) + "".join(
                    f"\n{a.get('text', '')} ({a.get('voters', 0)} votes)" for a in poll.get("answers", [])
                    if isinstance(a, dict)
                )
        reply = raw.get("reply_to_message_id")
        return Message(mid, self.chat_id, position, ts_raw, ts, sender, kind, text, ref,
                       edited=bool(raw.get("edited")), attachments=attachments,
                       reply_to=str(reply) if reply is not None else None)

    def _service(self, raw: dict[str, Any], mid: str, position: int, ref: SourceRef, ts_raw: str,
                 ts: datetime | None, text: str) -> Message:
        action = str(raw.get("action", "other"))
        actor = raw.get("actor") or raw.get("from")
        actor = str(actor) if actor else None
        members = [str(m) for m in raw.get("members", []) if m] if isinstance(raw.get("members"), list) else []
        kind: MembershipKind | None = None
        if action == "create_group":
            kind = MembershipKind.CREATED
            members = [actor, *members] if actor else members
            if raw.get("title") and not self.title:
                self.title = str(raw["title"])
        elif action == "invite_members":
            kind = MembershipKind.ADDED
        elif action == "remove_members":
            kind = MembershipKind.REMOVED
        elif action == "join_group_by_link":
            kind, members = MembershipKind.JOINED_BY_LINK, [actor] if actor else []
        elif action == "edit_group_title" and raw.get("title"):
            self.title = str(raw["title"])
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
                       system_type=kind.value if kind else action)
