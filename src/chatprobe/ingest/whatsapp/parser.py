"""Streaming WhatsApp "Export chat" parser.

Two passes over the text, each in constant memory:

1. :func:`scan` finds the header layout (from the first lines) and reads every header's date fields to
   infer the day/month order from the whole file, with the evidence spelled out.
2. :class:`WhatsAppChatStream` yields :class:`Message` records one at a time; membership events,
   participants and warnings accumulate on the stream (they are small).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime

from chatprobe.errors import UnsupportedFormat
from chatprobe.ingest.base import ChatStream, WarningLog
from chatprobe.ingest.source import Source, detect_encoding, iter_lines, looks_binary
from chatprobe.ingest.whatsapp.layouts import (
    LAYOUTS,
    LAYOUTS_BY_NAME,
    MARKS,
    BadTimestamp,
    HeaderLayout,
    interpret,
    resolve_year,
    year_first,
)
from chatprobe.ingest.whatsapp.phrases import Phrasebook, SystemRule, load_phrasebook
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

DETECT_LINES = 2000
MAX_KNOWN_SENDERS = 50_000
MAX_MESSAGE_LINES = 100_000  # a runaway continuation is cut with a warning, not held in memory forever
DATE_ORDERS = ("dmy", "mdy", "ymd")

_PHONE = re.compile(r"^\+?[\d\s\u00a0\u202f\u2011()\-]{7,}$")
_DIGITS = re.compile(r"\d")


# --- pass 1: layout and day/month order -----------------------------------------------------------------

@dataclass
class DateEvidence:
    headers: int = 0
    year_first: int = 0
    first_over_12: int = 0
    first_over_12_line: int | None = None
    first_over_12_value: str = ""
    second_over_12: int = 0
    second_over_12_line: int | None = None
    second_over_12_value: str = ""
    first_changes: int = 0
    second_changes: int = 0
    backwards_if_dmy: int = 0
    backwards_if_mdy: int = 0
    distinct_dates: int = 0
    _prev: tuple[int, int, int] | None = None
    _seen: set[tuple[int, int, int]] = field(default_factory=set)

    def add(self, m: re.Match[str], line: int) -> None:
        self.headers += 1
        if year_first(m):
            self.year_first += 1
            return
        d1, d2 = int(m.group("d1")), int(m.group("d2"))
        try:
            y = resolve_year(m.group("d3"), m.group("era"), bool(m.group("be")))
        except (KeyError, ValueError):
            y = 0
        if d1 > 12:
            self.first_over_12 += 1
            if self.first_over_12_line is None:
                self.first_over_12_line, self.first_over_12_value = line, m.group(0).strip()
        if d2 > 12:
            self.second_over_12 += 1
            if self.second_over_12_line is None:
                self.second_over_12_line, self.second_over_12_value = line, m.group(0).strip()
        cur = (y, d1, d2)
        if len(self._seen) < 100_000:
            self._seen.add(cur)
        prev = self._prev
        if prev is not None and prev != cur:
            if prev[1] != d1:
                self.first_changes += 1
            if prev[2] != d2:
                self.second_changes += 1
            if (y, d2, d1) < (prev[0], prev[2], prev[1]):
                self.backwards_if_dmy += 1
            if (y, d1, d2) < (prev[0], prev[1], prev[2]):
                self.backwards_if_mdy += 1
        self._prev = cur
        self.distinct_dates = len(self._seen)


def decide_date_order(ev: DateEvidence, override: str | None) -> tuple[str, str, list[str], str | None]:
    """Return (order, source, evidence lines, warning or None). Never guesses silently."""
    notes: list[str] = []
    if ev.headers == 0:
        return override or "dmy", "assumed", ["no message headers"], None
    if ev.year_first > ev.headers // 2:
        notes.append(f"the year comes first in {ev.year_first} of {ev.headers} headers")
        order, source = "ymd", "unambiguous"
    elif ev.first_over_12 and not ev.second_over_12:
        notes.append(
            f"the first field exceeds 12 in {ev.first_over_12} headers, so it is the day "
            f"(first at line {ev.first_over_12_line}: {ev.first_over_12_value!r})"
        )
        order, source = "dmy", "inferred"
    elif ev.second_over_12 and not ev.first_over_12:
        notes.append(
            f"the second field exceeds 12 in {ev.second_over_12} headers, so it is the day "
            f"(first at line {ev.second_over_12_line}: {ev.second_over_12_value!r})"
        )
        order, source = "mdy", "inferred"
    elif ev.first_over_12 and ev.second_over_12:
        order = "dmy" if ev.first_over_12 >= ev.second_over_12 else "mdy"
        notes.append(
            f"the file contradicts itself: first field > 12 in {ev.first_over_12} headers "
            f"(line {ev.first_over_12_line}), second field > 12 in {ev.second_over_12} "
            f"(line {ev.second_over_12_line}); the majority says {order}"
        )
        source = "inferred"
    else:
        notes.append(f"no day above 12 in any of {ev.headers} headers ({ev.distinct_dates} distinct dates)")
        if ev.backwards_if_dmy != ev.backwards_if_mdy:
            order = "dmy" if ev.backwards_if_dmy < ev.backwards_if_mdy else "mdy"
            notes.append(
                f"dates run backwards {ev.backwards_if_dmy} times read as day/month and "
                f"{ev.backwards_if_mdy} times read as month/day"
            )
            source = "inferred-weak"
        elif ev.first_changes != ev.second_changes:
            order = "dmy" if ev.first_changes > ev.second_changes else "mdy"
            notes.append(
                f"the first field changes {ev.first_changes} times and the second {ev.second_changes} "
                "times; the day changes more often than the month"
            )
            source = "inferred-weak"
        else:
            order, source = "dmy", "assumed"
            notes.append("nothing in the file tells day from month; assuming day first")
    warning = None
    if override:
        if override != order and source in ("unambiguous", "inferred"):
            warning = f"--date-order {override} overrides what the file shows ({order}: {notes[0]})"
        notes.append(f"order set by the user: {override}")
        return override, "user", notes, warning
    if source == "assumed":
        warning = "cannot tell day from month in this file; assumed day first; pass --date-order dmy|mdy to confirm"
    elif source == "inferred-weak":
        warning = (
            f"day/month order inferred as {order} from weak evidence ({notes[-1]}); "
            "pass --date-order to confirm"
        )
    return order, source, notes, warning


@dataclass
class ScanResult:
    layout: HeaderLayout
    layout_matches: int
    lines_seen: int
    encoding: str
    dates: DateEvidence
    senders: set[str]
    group_name_candidates: Counter[str]


def scan(source: Source) -> ScanResult:
    """Pass 1: layout from the first lines, date evidence and sender names from the whole file."""
    with source.open() as stream:
        head = stream.read(8192)
    encoding = detect_encoding(head)
    if not head.strip(b" \t\r\n\xef\xbb\xbf"):
        raise UnsupportedFormat(f"{source.display}: the file is empty", "check you were given the right file")
    if looks_binary(head, encoding):
        raise UnsupportedFormat(
            f"{source.display}: this is a binary file, not a WhatsApp text export",
            "import the .txt or .zip that WhatsApp's 'Export chat' produced",
        )
    counts: Counter[str] = Counter()
    with source.open() as stream:
        for n, line, _ in iter_lines(stream, encoding):
            if n > DETECT_LINES:
                break
            for layout in LAYOUTS:
                if layout.regex.match(line):
                    counts[layout.name] += 1
                    break
    if not counts:
        raise UnsupportedFormat(
            f"{source.display}: no line looks like a WhatsApp message header in the first {DETECT_LINES} lines",
            "is this a WhatsApp export? Telegram exports are JSON; databases come from a forensic extraction",
        )
    best = max(LAYOUTS, key=lambda lay: (counts[lay.name], -LAYOUTS.index(lay)))
    regex = best.regex
    dates = DateEvidence()
    senders: set[str] = set()
    groupish: Counter[str] = Counter()
    lines = 0
    with source.open() as stream:
        for n, line, _ in iter_lines(stream, encoding):
            lines = n
            m = regex.match(line)
            if m is None:
                continue
            dates.add(m, n)
            body = line[m.end():]
            i = body.find(": ")
            if i > 0 and len(senders) < MAX_KNOWN_SENDERS:
                name = body[:i].strip(MARKS + " ~\u202f\u00a0")
                senders.add(name)
                if "end-to-end" in body:
                    groupish[name] += 1
            elif i < 0:
                j = body.find(":")
                if j > 0 and len(senders) < MAX_KNOWN_SENDERS and j == len(body.rstrip()) - 1:
                    senders.add(body[:j].strip(MARKS + " ~\u202f\u00a0"))
    return ScanResult(best, counts[best.name], lines, encoding, dates, senders, groupish)


# --- pass 2: messages -----------------------------------------------------------------------------------

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


def clean_name(raw: str) -> str:
    name = raw.strip(MARKS + " \u00a0\u202f")
    if name.startswith("~"):
        name = name[1:].strip(MARKS + " \u00a0\u202f")
    return name


def phone_of(name: str) -> str | None:
    if _PHONE.match(name) and len(_DIGITS.findall(name)) >= 7:
        return ("+" if name.lstrip().startswith("+") else "") + "".join(_DIGITS.findall(name))
    return None


@dataclass
class _Pending:
    line_start: int
    line_end: int
    raw_ts: str
    timestamp: datetime | None
    body_lines: list[str]


class WhatsAppChatStream(ChatStream):
    platform = "whatsapp"

    def __init__(self, source: Source, date_order: str | None = None) -> None:
        super().__init__(source)
        if date_order is not None and date_order not in DATE_ORDERS:
            raise ValueError(f"date order must be one of {DATE_ORDERS}")
        self._scan = scan(source)
        order, origin, notes, warning = decide_date_order(self._scan.dates, date_order)
        self.date_order = order
        lay = self._scan.layout
        evidence = [
            f"{self._scan.layout_matches} of the first {min(self._scan.lines_seen, DETECT_LINES)} lines match "
            f"the {lay.name} header ({lay.description})",
            f"encoding {self._scan.encoding}",
            *notes,
        ]
        self.layout = Layout("whatsapp", lay.name, order, origin, tuple(evidence))
        if warning:
            self.warnings.add(source.display, None, "date-order", warning)
        self.chat_id = f"wa-{source.sha256[:16]}"
        self.title = _title_from_name(source.member or "") or _title_from_name(source.path.name)
        self._book: Phrasebook = load_phrasebook()
        self._senders = self._scan.senders
        self._group_names = {n for n, c in self._scan.group_name_candidates.items() if c}
        self._unrecognised_system = 0

    # The generator: one message at a time.
    def messages(self) -> Iterator[Message]:
        src = self.source
        regex = self._scan.layout.regex
        order = self.date_order
        pending: _Pending | None = None
        position = 0
        with src.open() as stream:
            for n, line, clean in iter_lines(stream, self._scan.encoding):
                self.bytes_done += len(line) + 1
                if not clean:
                    self.warnings.add(src.display, n, "encoding", "bytes that are not valid text were replaced with �")
                m = regex.match(line)
                if m is not None:
                    try:
                        ts: datetime | None = interpret(m, order)
                    except (BadTimestamp, KeyError, ValueError) as exc:
                        if pending is None:
                            self.warnings.add(src.display, n, "bad-timestamp",
                                              f"header with an impossible date or time ({exc}); kept with no timestamp")
                            ts = None
                        else:
                            # A line that looks like a header but is not a valid date: keep it as text.
                            self.warnings.add(src.display, n, "bad-timestamp",
                                              f"line looks like a header but its date is impossible ({exc}); "
                                              "kept as part of the previous message")
                            pending.body_lines.append(line)
                            pending.line_end = n
                            continue
                    if pending is not None:
                        yield self._finish(pending, position)
                        position += 1
                    pending = _Pending(n, n, line[: m.end()].strip(MARKS + " \u00a0\u202f"), ts, [line[m.end():]])
                elif pending is None:
                    if line.strip(MARKS + " \t"):
                        self.warnings.add(src.display, n, "orphan-line",
                                          "text before the first message header; kept as a system note")
                        pending = _Pending(n, n, "", None, [line])
                elif len(pending.body_lines) < MAX_MESSAGE_LINES:
                    pending.body_lines.append(line)
                    pending.line_end = n
                else:
                    if len(pending.body_lines) == MAX_MESSAGE_LINES:
                        self.warnings.add(src.display, n, "too-long",
                                          f"message from line {pending.line_start} exceeds {MAX_MESSAGE_LINES} lines;"
                                          " the rest of it is not stored")
                        pending.body_lines.append("[… truncated by chatprobe]")
                    pending.line_end = n
            if pending is not None:
                yield self._finish(pending, position)
                position += 1
        if self._unrecognised_system:
            self.warnings.add(src.display, None, "system-unrecognised",
                              f"{self._unrecognised_system} system messages were not recognised as any known "
                              "phrasing; they are stored as system messages of type 'other'")
        self.message_count = position

    def _finish(self, p: _Pending, position: int) -> Message:
        body = p.body_lines[0] if len(p.body_lines) == 1 else "\n".join(p.body_lines)
        ref = SourceRef(self.source.evidence_sha256, self.source.display, self.source.sha256, p.line_start, p.line_end)
        mid = f"{self.source.sha256[:16]}-{position}"
        first = p.body_lines[0]
        if not p.raw_ts:  # orphan text before the first header
            return self._system(mid, position, p, ref, body.strip(MARKS), "orphan", None)
        sep = first.find(": ")
        if sep < 0 and first.rstrip().endswith(":") and clean_name(first.rstrip()[:-1]) in self._senders:
            sep = len(first.rstrip()) - 1
        if sep < 0:
            colon = first.find(":")
            if colon > 0 and clean_name(first[:colon]) in self._senders and first[colon + 1:colon + 2] != "/":
                sep = colon
        if sep < 0:
            return self._classify_system(mid, position, p, ref, body, actor_hint=None)
        sender_raw = first[:sep]
        # A system sentence that happens to contain ": " (e.g. a quoted group subject).
        whole = body.strip(MARKS + " ")
        rule, m = self._match_system(whole)
        if rule is not None and m is not None and not any(
            ": " in (v or "") for k, v in m.groupdict().items() if k in ("actor", "subject", "subjects")
        ):
            return self._system_from_match(mid, position, p, ref, whole, rule, m)
        sender = clean_name(sender_raw)
        rest = first[sep + 1:]
        if rest.startswith(" "):
            rest = rest[1:]
        text = rest if len(p.body_lines) == 1 else "\n".join([rest, *p.body_lines[1:]])
        stripped = text.strip(MARKS + " ")
        # iOS 2024+: system lines carry the group name (or the actor) as their author.
        if rest[:1] in MARKS or sender in self._group_names or sender == self.title:
            rule, m = self._match_system(stripped)
            if rule is not None and m is not None:
                return self._system_from_match(mid, position, p, ref, stripped, rule, m, author=sender)
        return self._authored(mid, position, p, ref, sender, text)

    def _match_system(self, text: str) -> tuple[SystemRule | None, re.Match[str] | None]:
        for rule in self._book.all_system_rules():
            m = rule.regex.fullmatch(text)
            if m is not None:
                return rule, m
        return None, None

    def _classify_system(self, mid: str, position: int, p: _Pending, ref: SourceRef, body: str,
                         actor_hint: str | None) -> Message:
        text = body.strip(MARKS + " ")
        rule, m = self._match_system(text)
        if rule is None or m is None:
            call = self._book.call.fullmatch(text)
            if call is not None:
                return Message(mid, self.chat_id, position, p.raw_ts, p.timestamp, None, MessageKind.CALL, text,
                               ref, system_type="call")
            self._unrecognised_system += 1
            return self._system(mid, position, p, ref, text, "other", None)
        return self._system_from_match(mid, position, p, ref, text, rule, m)

    def _system(self, mid: str, position: int, p: _Pending, ref: SourceRef, text: str, stype: str,
                author: str | None) -> Message:
        return Message(mid, self.chat_id, position, p.raw_ts, p.timestamp, None, MessageKind.SYSTEM, text, ref,
                       system_type=stype)

    def _system_from_match(self, mid: str, position: int, p: _Pending, ref: SourceRef, text: str,
                           rule: SystemRule, m: re.Match[str], author: str | None = None) -> Message:
        groups = m.groupdict()
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
                self.events.append(
                    MembershipEvent(self.chat_id, mid, kind, subject,
                                    ("You" if actor in rule.you else actor) if actor else None,
                                    p.timestamp, detail)
                )
                if kind is not MembershipKind.CHANGED_NUMBER:
                    self._participant(subject)
            if kind is MembershipKind.CREATED and groups.get("title") and not self.title:
                self.title = groups["title"]
            if kind is MembershipKind.CHANGED_NUMBER and groups.get("new"):
                self._participant(clean_name(groups["new"]), alias_of=subjects[0] if subjects else None)
        elif rule.type == "subject_changed" and groups.get("title"):
            self.title = groups["title"]
        return Message(mid, self.chat_id, position, p.raw_ts, p.timestamp, None, MessageKind.SYSTEM, text, ref,
                       system_type=rule.type)

    def _participant(self, name: str, alias_of: str | None = None) -> None:
        if name in self.participants or name == "You":
            if name == "You" and name not in self.participants:
                self.participants[name] = Participant("You")
            return
        aliases = (alias_of,) if alias_of else ()
        self.participants[name] = Participant(name, phone_of(name), aliases)

    def _authored(self, mid: str, position: int, p: _Pending, ref: SourceRef, sender: str, text: str) -> Message:
        book = self._book
        self._participant(sender)
        edited = False
        tail = text.rstrip(MARKS + " ")
        for suffix in book.edited_suffixes:
            if tail.endswith(suffix):
                edited = True
                text = tail[: -len(suffix)].rstrip(MARKS + " ")
                break
        text = text.lstrip(MARKS)
        first_line, _, caption = text.partition("\n")
        first_clean = first_line.strip(MARKS + " ")
        kind = MessageKind.TEXT
        attachments: tuple[Attachment, ...] = ()
        omitted = book.media_omitted.get(first_clean.casefold())
        if omitted is not None:
            kind, attachments = MessageKind.MEDIA, (Attachment("", omitted, present=False),)
            text = caption
        elif first_clean.startswith("<") or "attached" in first_clean or "(" in first_clean or "<" in first_clean:
            for rx in book.attached:
                am = rx.fullmatch(first_clean)
                if am is not None:
                    kind, attachments = MessageKind.MEDIA, (self._attachment(am.group("name").strip(MARKS), p.line_start),)
                    text = caption
                    break
        if kind is MessageKind.TEXT:
            if book.deleted.fullmatch(first_clean) and not caption:
                kind = MessageKind.DELETED
            elif book.view_once.fullmatch(text.strip(MARKS + " ")):
                kind = MessageKind.VIEW_ONCE
            elif book.poll.fullmatch(text):
                kind = MessageKind.POLL
            elif book.location.fullmatch(first_clean):
                kind = MessageKind.LOCATION
            elif book.call.fullmatch(first_clean) and not caption:
                kind = MessageKind.CALL
            elif "omitted" in first_clean or "•" in first_clean:
                for rx in book.document_omitted:
                    dm = rx.fullmatch(first_clean)
                    if dm is not None:
                        kind = MessageKind.MEDIA
                        attachments = (Attachment(dm.group("name").strip(MARKS), "document", present=False),)
                        text = caption
                        break
                else:
                    for placeholder, atype in book.media_omitted.items():
                        if first_clean.casefold().endswith(placeholder):
                            kind = MessageKind.MEDIA
                            attachments = (Attachment("", atype, present=False),)
                            text = caption
                            break
        return Message(mid, self.chat_id, position, p.raw_ts, p.timestamp, sender, kind, text, ref,
                       edited=edited, attachments=attachments)

    def _attachment(self, name: str, line: int) -> Attachment:
        info = self.source.siblings.get(name)
        if info is None:
            if self.source.member is not None:  # a loose .txt never has its media beside it
                self.warnings.add(self.source.display, line, "attachment-missing",
                                  f"attachment {name!r} is referenced but not in the archive")
            return Attachment(name, attachment_type(name), present=False)
        return Attachment(name, attachment_type(name), present=True, size=info.size, sha256=info.sha256)


def _title_from_name(name: str) -> str | None:
    base = name.rsplit("/", 1)[-1]
    for prefix in ("WhatsApp Chat with ", "WhatsApp Chat - ", "WhatsApp-Chat mit ", "WhatsApp-chat met "):
        if base.startswith(prefix):
            return base[len(prefix):].rsplit(".", 1)[0]
    return None


def sniff_whatsapp(head_text: str) -> bool:
    return any(layout.regex.match(line) for line in head_text.splitlines()[:50] for layout in LAYOUTS)


__all__ = ["WhatsAppChatStream", "scan", "decide_date_order", "DateEvidence", "LAYOUTS_BY_NAME", "sniff_whatsapp"]
