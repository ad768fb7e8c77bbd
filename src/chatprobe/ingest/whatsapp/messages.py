"""Pass 2 over one byte range of a WhatsApp export: message records, membership events, participants.

The range is decoded in large chunks and cut at every header with one ``re.split`` call, so continuation
lines cost no Python work and each message costs a handful of string operations. Everything a range
learns (events, participants, warnings, title changes) is kept on the parser, to be merged in file order.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime

from chatprobe.ingest.base import WarningLog
from chatprobe.ingest.source import Source, iter_chunks
from chatprobe.ingest.whatsapp.layouts import (
    LAYOUTS_BY_NAME,
    MARKS,
    BadTimestamp,
    capture,
    date_of,
    timestamp_of,
)
from chatprobe.ingest.whatsapp.phrases import Phrasebook, SystemRule, load_phrasebook
from chatprobe.ingest.whatsapp.scan import clean_name
from chatprobe.model import (
    Attachment,
    MembershipEvent,
    MembershipKind,
    Message,
    MessageKind,
    Participant,
    SourceRef,
)

FREQUENT_SENDER = 3
MAX_MESSAGE_CHARS = 16 << 20  # a runaway continuation is cut with a warning, not held in memory forever
_MARKS_SP = MARKS + " "
_SLOW_TAIL = MARKS + " >"  # a text ending in these may carry an edit marker
_HEADER_STRIP = MARKS + " \u00a0\u202f"
_PHONE = re.compile(r"^\+?[\d\s\u00a0\u202f\u2011()\-]{7,}$")
_DIGITS = re.compile(r"\d")


def attachment_type(name: str) -> str:
    low = name.lower()
    up = name.upper()
    if "STICKER" in up or low.endswith(".webp"):
        return "sticker"
    if "GIF" in up.split(".")[0] or low.endswith(".gif"):
        return "gif"
    if "PHOTO" in up or low.startswith("img-") or low.endswith((".jpg", ".jpeg", ".png", ".heic")):
        return "image"
    if "VIDEO" in up or low.startswith("vid-") or low.endswith((".mp4", ".mov", ".3gp", ".mkv")):
        return "video"
    if "AUDIO" in up or low.startswith(("ptt-", "aud-")) or low.endswith((".opus", ".mp3", ".m4a", ".ogg", ".aac")):
        return "audio"
    if low.endswith(".vcf"):
        return "contact"
    return "document"


def phone_of(name: str) -> str | None:
    if _PHONE.match(name) and len(_DIGITS.findall(name)) >= 7:
        return ("+" if name.lstrip().startswith("+") else "") + "".join(_DIGITS.findall(name))
    return None


@dataclass
class _Pending:
    line_start: int
    raw_ts: str
    timestamp: datetime | None
    parts: list[str]


@dataclass(frozen=True)
class RangeConfig:
    """Everything a range parser needs; small and picklable, so it travels to worker processes."""

    source: Source
    chat_id: str
    layout: str
    encoding: str
    date_order: str
    known_names: frozenset[str]  # senders seen in the file's first lines
    group_names: frozenset[str]


@dataclass
class RangeResult:
    """What a range learned besides its messages, merged by the stream in file order."""

    events: list[MembershipEvent] = field(default_factory=list)
    participants: dict[str, Participant] = field(default_factory=dict)
    warnings: WarningLog = field(default_factory=WarningLog)
    titles: list[tuple[str, str]] = field(default_factory=list)  # ("created" | "subject", title)
    unrecognised_system: int = 0
    messages: int = 0
    headers: int = 0  # headers seen, including ones with impossible dates merged into a message
    bad_headers: int = 0  # headers whose date or time cannot exist (a wrong day/month order shows here)


class RangeParser:
    def __init__(self, cfg: RangeConfig) -> None:
        self.cfg = cfg
        self.result = RangeResult()
        self.bytes_done = 0
        self._book: Phrasebook = load_phrasebook()
        self._names: dict[str, str] = {}
        src = cfg.source
        self._ev_sha, self._display, self._file_sha = src.evidence_sha256, src.display, src.sha256
        self._id_prefix = f"{src.sha256[:16]}-"
        self._chat_id = cfg.chat_id
        self._fast_senders: dict[str, str] = {}  # raw name -> clean name, for regular senders
        self._sender_lines: dict[str, int] = {}  # clean name -> "Name: " lines seen so far in this range
        self._regulars: set[str] = set()  # clean names in _fast_senders

    def parse(self, start: int, end: int | None, first_line: int, first_position: int) -> Iterator[Message]:
        cfg = self.cfg
        rx = capture(LAYOUTS_BY_NAME[cfg.layout])
        gi = rx.groupindex
        stride = rx.groups + 1
        i_d1, i_d2, i_d3, i_era, i_be = (gi[k] for k in ("d1", "d2", "d3", "era", "be"))
        i_h, i_mi, i_s, i_ap, i_ap0 = (gi[k] for k in ("h", "mi", "s", "ap", "ap0"))
        order = cfg.date_order
        cache: dict[tuple[str | None, ...], tuple[int, int, int]] = {}
        result, warn, display = self.result, self.result.warnings.add, self._display
        emit = self._make_emit()
        # The message being read: its first line, header, timestamp and text so far (None: none yet).
        p_line, p_raw, p_ts, p_body = 0, "", None, None
        position = first_position
        offset = first_line - 1  # chunk line numbers count from the start of the range
        with cfg.source.open_range(start, end) as stream:
            for chunk in iter_chunks(stream, cfg.encoding):
                chunk_line = chunk.first_line + offset
                for bad in chunk.bad_lines:
                    warn(display, bad + offset, "encoding", "bytes that are not valid text were replaced with �")
                for bad in chunk.nul_lines:
                    warn(display, bad + offset, "nul-byte", "NUL bytes (never part of a chat) were replaced with �; "
                                                            "the file may be damaged here")
                text = chunk.text
                self.bytes_done += len(text)
                parts = rx.split(text)
                lead = parts[0]
                if lead:
                    if p_body is not None:
                        p_body = self._grow(p_body, lead, p_line)
                    elif lead.strip(MARKS + " \t\r\n"):
                        warn(display, chunk_line, "orphan-line",
                             "text before the first message header; kept as a system note")
                        p_line, p_raw, p_ts, p_body = chunk_line, "", None, lead
                line = chunk_line + lead.count("\n")
                for k in range(0, len(parts) - 1, stride):
                    header = parts[k + 1]
                    body = parts[k + stride]
                    result.headers += 1
                    key = (parts[k + i_d1], parts[k + i_d2], parts[k + i_d3], parts[k + i_era], parts[k + i_be])
                    try:
                        ymd = cache.get(key)
                        if ymd is None:
                            ymd = cache[key] = date_of(key, order)  # type: ignore[arg-type]
                        ts: datetime | None = timestamp_of(ymd, parts[k + i_h], parts[k + i_mi], parts[k + i_s],
                                                           parts[k + i_ap] or parts[k + i_ap0])
                    except (BadTimestamp, KeyError, ValueError) as exc:
                        result.bad_headers += 1
                        if p_body is not None:
                            # Looks like a header but its date is impossible: keep it as text of the message.
                            warn(display, line, "bad-timestamp",
                                 f"line looks like a header but its date is impossible ({exc}); "
                                 "kept as part of the previous message")
                            p_body = self._grow(p_body, header + body, p_line)
                            line += body.count("\n")
                            continue
                        warn(display, line, "bad-timestamp",
                             f"header with an impossible date or time ({exc}); kept with no timestamp")
                        ts = None
                    if p_body is not None:
                        yield emit(p_line, p_raw, p_ts, p_body, position)
                        position += 1
                    p_line, p_raw, p_ts, p_body = line, header, ts, body
                    line += body.count("\n")
        if p_body is not None:
            yield emit(p_line, p_raw, p_ts, p_body, position)
            position += 1
        result.messages = position - first_position

    def _grow(self, body: str, piece: str, line: int) -> str:
        if len(body) > MAX_MESSAGE_CHARS:
            return body
        body += piece
        if len(body) > MAX_MESSAGE_CHARS:
            self.result.warnings.add(self._display, line, "too-long",
                                     f"message is longer than {MAX_MESSAGE_CHARS >> 20} M characters; "
                                     "the rest of it is not stored")
            body = body[:MAX_MESSAGE_CHARS] + "\n[… truncated by chatprobe]"
        return body

    # --- one message ------------------------------------------------------------------------------------

    def _make_emit(self) -> Callable[[int, str, datetime | None, str, int], Message]:
        """The function that builds one message. Ordinary text from a regular sender takes the fast path,
        written with every constant in a local (this runs a million times per large export); anything that
        might be a placeholder, system line, edit or attachment goes to :meth:`_finish`."""
        fast_senders, fast_sender = self._fast_senders, self._fast_sender
        participants, add_participant = self.result.participants, self._participant
        special = self._book.special
        prefixes, suffixes, contains = special.prefixes, special.suffixes, special.contains
        anchored, endings = special.anchored.fullmatch, special.endings
        id_prefix, chat_id, ev_sha, display, file_sha = (self._id_prefix, self._chat_id, self._ev_sha,
                                                         self._display, self._file_sha)
        text_kind, finish = MessageKind.TEXT, self._finish

        def emit(line: int, raw: str, ts: datetime | None, body: str, position: int) -> Message:
            if body[-1:] == "\n":
                body = body[:-2] if body[-2:] == "\r\n" else body[:-1]
            if "\r" in body:
                body = body.replace("\r\n", "\n")
            raw = raw.strip(_HEADER_STRIP)
            nl = body.find("\n")
            sep = body.find(": ", 0, nl) if nl >= 0 else body.find(": ")
            if raw and sep > 0:
                sender = fast_senders.get(body[:sep])
                if sender is None:
                    sender = fast_sender(body[:sep])
                if sender is not None:
                    text = body[sep + 2:]
                    if text and text[0] not in MARKS and text[-1] not in _SLOW_TAIL:
                        first = (text if nl < 0 else text[: nl - sep - 2]).strip(_MARKS_SP)
                        # SpecialFilter.__call__, inlined: is this first line possibly not plain text?
                        plain = bool(first) and not first.startswith(prefixes) and not first.endswith(suffixes)
                        if plain:
                            for lit in contains:
                                if lit in first:
                                    plain = False
                                    break
                        if plain and anchored(first) is None and not first.casefold().endswith(endings):
                            if sender not in participants:
                                add_participant(sender)
                            end = line if nl < 0 else line + body.count("\n")
                            return Message(f"{id_prefix}{position}", chat_id, position, raw, ts, sender, text_kind,
                                           text, SourceRef(ev_sha, display, file_sha, line, end), False)
            return finish(_Pending(line, raw, ts, [body]), position)

        return emit

    def _fast_sender(self, raw_name: str) -> str | None:
        """The clean name once this raw name has posted often enough to skip the system-phrase check (and
        is not a group name); None before that. The check cannot match a genuine "Name: text" line (every
        system pattern would need ": " inside its leading name), so skipping it never changes the result;
        it only keeps the cost of the check to a sender's first few lines."""
        name = clean_name(raw_name)
        seen = self._sender_lines[name] = self._sender_lines.get(name, 0) + 1
        if seen > FREQUENT_SENDER and name not in self.cfg.group_names:
            self._fast_senders[raw_name] = name
            self._regulars.add(name)
            return name
        return None

    def _finish(self, p: _Pending, position: int) -> Message:
        body = p.parts[0]  # line endings already normalised by _emit
        ref = SourceRef(self._ev_sha, self._display, self._file_sha, p.line_start, p.line_start + body.count("\n"))
        mid = f"{self._id_prefix}{position}"
        if not p.raw_ts:  # orphan text before the first header
            return self._system(mid, position, p, ref, body.strip(MARKS), "orphan")
        nl = body.find("\n")
        first = body if nl < 0 else body[:nl]
        sep = first.find(": ")
        if sep < 0:
            # "Name:." — a colon with no space after it, from someone seen posting in the first lines.
            colon = first.find(":")
            if (colon > 0 and clean_name(first[:colon]) in self.cfg.known_names
                    and first[colon + 1:colon + 2] != "/"):
                sep = colon
            else:
                return self._classify_system(mid, position, p, ref, body)
        sender_raw = first[:sep]
        sender = self._names.get(sender_raw)
        if sender is None:
            sender = self._names[sender_raw] = clean_name(sender_raw)
        # A system sentence that happens to contain ": " (e.g. a quoted group subject). The check is costly;
        # see _fast_sender for why regular senders skip it.
        if sender not in self._regulars:
            whole = body.strip(_MARKS_SP)
            rule, m = self._match_system(whole)
            if rule is not None and m is not None and not any(
                ": " in (v or "") for k, v in m.groupdict().items() if k in ("actor", "subject", "subjects")
            ):
                return self._system_from_match(mid, position, p, ref, whole, rule, m)
        rest = first[sep + 1:]
        if rest.startswith(" "):
            rest = rest[1:]
        text = rest if nl < 0 else rest + body[nl:]
        # iOS 2024+: system lines carry the group name (or the actor) as their author.
        if (rest and rest[0] in MARKS) or sender in self.cfg.group_names:
            stripped = text.strip(_MARKS_SP)
            rule, m = self._match_system(stripped)
            if rule is not None and m is not None:
                return self._system_from_match(mid, position, p, ref, stripped, rule, m)
        return self._authored(mid, position, p, ref, sender, text)

    def _match_system(self, text: str) -> tuple[SystemRule | None, re.Match[str] | None]:
        for rule in self._book.all_system_rules():
            m = rule.regex.fullmatch(text)
            if m is not None:
                return rule, m
        return None, None

    def _classify_system(self, mid: str, position: int, p: _Pending, ref: SourceRef, body: str) -> Message:
        text = body.strip(_MARKS_SP)
        rule, m = self._match_system(text)
        if rule is None or m is None:
            if self._book.call.fullmatch(text) is not None:
                return Message(mid, self._chat_id, position, p.raw_ts, p.timestamp, None, MessageKind.CALL, text,
                               ref, system_type="call")
            self.result.unrecognised_system += 1
            return self._system(mid, position, p, ref, text, "other")
        return self._system_from_match(mid, position, p, ref, text, rule, m)

    def _system(self, mid: str, position: int, p: _Pending, ref: SourceRef, text: str, stype: str) -> Message:
        return Message(mid, self._chat_id, position, p.raw_ts, p.timestamp, None, MessageKind.SYSTEM, text, ref,
                       system_type=stype)

    def _system_from_match(self, mid: str, position: int, p: _Pending, ref: SourceRef, text: str,
                           rule: SystemRule, m: re.Match[str]) -> Message:
        groups = m.groupdict()
        result = self.result
        if rule.membership:
            kind = MembershipKind(rule.type)
            actor = groups.get("actor")
            actor = clean_name(actor) if actor else None
            subjects: list[str] = []
            if groups.get("subjects"):
                subjects = [clean_name(s) for s in rule.list_split.split(groups["subjects"]) if clean_name(s)]
            elif groups.get("subject"):
                subjects = [clean_name(groups["subject"])]
            elif kind is MembershipKind.CREATED and actor:
                subjects = [actor]
            detail = groups.get("new") or groups.get("title")
            for subject in subjects:
                if subject in rule.you:
                    subject = "You"
                result.events.append(MembershipEvent(
                    self._chat_id, mid, kind, subject, ("You" if actor in rule.you else actor) if actor else None,
                    p.timestamp, detail))
                if kind is not MembershipKind.CHANGED_NUMBER:
                    self._participant(subject)
            if kind is MembershipKind.CREATED and groups.get("title"):
                result.titles.append(("created", groups["title"]))
            if kind is MembershipKind.CHANGED_NUMBER and groups.get("new"):
                self._participant(clean_name(groups["new"]), alias_of=subjects[0] if subjects else None)
        elif rule.type == "subject_changed" and groups.get("title"):
            result.titles.append(("subject", groups["title"]))
        return Message(mid, self._chat_id, position, p.raw_ts, p.timestamp, None, MessageKind.SYSTEM, text, ref,
                       system_type=rule.type)

    def _participant(self, name: str, alias_of: str | None = None) -> None:
        participants = self.result.participants
        if name in participants:
            return
        if name == "You":
            participants[name] = Participant("You")
            return
        participants[name] = Participant(name, phone_of(name), (alias_of,) if alias_of else ())

    def _authored(self, mid: str, position: int, p: _Pending, ref: SourceRef, sender: str, text: str) -> Message:
        book = self._book
        if sender not in self.result.participants:
            self._participant(sender)
        edited = False
        tail = text.rstrip(_MARKS_SP) if text and text[-1] in _MARKS_SP else text
        if tail.endswith(">"):  # every edited marker ends with ">"
            for suffix in book.edited_suffixes:
                if tail.endswith(suffix):
                    edited = True
                    text = tail[: -len(suffix)].rstrip(_MARKS_SP)
                    break
        if text and text[0] in MARKS:
            text = text.lstrip(MARKS)
        nl = text.find("\n")
        first_line, caption = (text, "") if nl < 0 else (text[:nl], text[nl + 1:])
        first_clean = first_line.strip(_MARKS_SP)
        if not book.special(first_clean):  # the fast path: ordinary text
            return Message(mid, self._chat_id, position, p.raw_ts, p.timestamp, sender, MessageKind.TEXT, text,
                           ref, edited)
        kind = MessageKind.TEXT
        attachments: tuple[Attachment, ...] = ()
        omitted = book.media_omitted.get(first_clean.casefold())
        if omitted is not None:
            kind, attachments, text = MessageKind.MEDIA, (Attachment("", omitted, present=False),), caption
        else:
            for rx in book.attached:
                am = rx.fullmatch(first_clean)
                if am is not None:
                    attachment = self._attachment(am.group("name").strip(MARKS), p.line_start)
                    kind, attachments, text = MessageKind.MEDIA, (attachment,), caption
                    break
        if kind is MessageKind.TEXT:
            if book.deleted.fullmatch(first_clean) and not caption:
                kind = MessageKind.DELETED
            elif book.view_once.fullmatch(text.strip(_MARKS_SP)):
                kind = MessageKind.VIEW_ONCE
            elif book.poll.fullmatch(text):
                kind = MessageKind.POLL
            elif book.location.fullmatch(first_clean):
                kind = MessageKind.LOCATION
            elif book.call.fullmatch(first_clean) and not caption:
                kind = MessageKind.CALL
            else:
                for rx in book.document_omitted:
                    dm = rx.fullmatch(first_clean)
                    if dm is not None:
                        kind, text = MessageKind.MEDIA, caption
                        attachments = (Attachment(dm.group("name").strip(MARKS), "document", present=False),)
                        break
                else:
                    folded = first_clean.casefold()
                    for placeholder, atype in book.media_omitted.items():
                        if folded.endswith(placeholder):
                            kind, text = MessageKind.MEDIA, caption
                            attachments = (Attachment("", atype, present=False),)
                            break
        return Message(mid, self._chat_id, position, p.raw_ts, p.timestamp, sender, kind, text, ref,
                       edited, attachments)

    def _attachment(self, name: str, line: int) -> Attachment:
        src = self.cfg.source
        info = src.siblings.get(name)
        if info is None:
            if src.member is not None:  # a loose .txt never has its media beside it
                self.result.warnings.add(self._display, line, "attachment-missing",
                                         f"attachment {name!r} is referenced but not in the archive")
            return Attachment(name, attachment_type(name), present=False)
        return Attachment(name, attachment_type(name), present=True, size=info.size, sha256=info.sha256)
