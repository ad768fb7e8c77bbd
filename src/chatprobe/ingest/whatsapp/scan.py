"""Pass 1 over a WhatsApp export: which header layout, which day/month order (from the whole file, with
the evidence spelled out), which names post, and where the file can be cut for parallel parsing.

A file is scanned as byte ranges that each start on a message header, so ranges can be scanned (and later
parsed) in separate processes and merged: the result does not depend on how many ranges there were.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import groupby

from chatprobe.errors import UnsupportedFormat
from chatprobe.ingest.source import CHUNK, Source, detect_encoding, iter_chunks, iter_lines, looks_binary
from chatprobe.ingest.whatsapp.layouts import (
    LAYOUTS,
    LAYOUTS_BY_NAME,
    MARKS,
    _DATE,
    DateKey,
    HeaderLayout,
    capture,
    resolve_year,
    year_first,
)
from chatprobe.wording import times

DETECT_LINES = 2000
PARALLEL_MIN_BYTES = 24 << 20  # below this, one process is quicker than starting workers


def clean_name(raw: str) -> str:
    name = raw.strip(MARKS + " \u00a0\u202f")
    if name.startswith("~"):
        name = name[1:].strip(MARKS + " \u00a0\u202f")
    return name


# --- day/month evidence -----------------------------------------------------------------------------------

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
    seen: set[tuple[int, int, int]] = field(default_factory=set)
    first: tuple[int, int, int] | None = None
    last: tuple[int, int, int] | None = None

    @property
    def distinct_dates(self) -> int:
        return len(self.seen)

    def add_run(self, key: DateKey, where: Callable[[], tuple[int, str]], repeat: int) -> None:
        """Count ``repeat`` consecutive headers dated ``key``; ``where`` (lazy) gives the first one's line
        and text, for the evidence notes."""
        self.headers += repeat
        d1s, d2s, d3s, era, be = key
        if year_first(d1s):
            self.year_first += repeat
            return
        d1, d2 = int(d1s), int(d2s)
        try:
            y = resolve_year(d3s, era, bool(be))
        except (KeyError, ValueError):
            y = 0
        if d1 > 12:
            self.first_over_12 += repeat
            if self.first_over_12_line is None:
                self.first_over_12_line, header = where()
                self.first_over_12_value = header.strip(MARKS + " ")
        if d2 > 12:
            self.second_over_12 += repeat
            if self.second_over_12_line is None:
                self.second_over_12_line, header = where()
                self.second_over_12_value = header.strip(MARKS + " ")
        self._step((y, d1, d2))

    def _step(self, cur: tuple[int, int, int]) -> None:
        if len(self.seen) < 100_000:
            self.seen.add(cur)
        prev = self.last
        if prev is None:
            self.first = cur
        elif prev != cur:
            y, d1, d2 = cur
            if prev[1] != d1:
                self.first_changes += 1
            if prev[2] != d2:
                self.second_changes += 1
            if (y, d2, d1) < (prev[0], prev[2], prev[1]):
                self.backwards_if_dmy += 1
            if (y, d1, d2) < (prev[0], prev[1], prev[2]):
                self.backwards_if_mdy += 1
        self.last = cur

    def merge(self, later: DateEvidence) -> None:
        """Fold in the evidence of the range that follows this one in the file."""
        self.headers += later.headers
        self.year_first += later.year_first
        self.first_over_12 += later.first_over_12
        self.second_over_12 += later.second_over_12
        if self.first_over_12_line is None:
            self.first_over_12_line, self.first_over_12_value = later.first_over_12_line, later.first_over_12_value
        if self.second_over_12_line is None:
            self.second_over_12_line, self.second_over_12_value = (later.second_over_12_line,
                                                                   later.second_over_12_value)
        if later.first is not None:
            self._step(later.first)  # the transition across the boundary
            self.last = later.last
        self.first_changes += later.first_changes
        self.second_changes += later.second_changes
        self.backwards_if_dmy += later.backwards_if_dmy
        self.backwards_if_mdy += later.backwards_if_mdy
        if len(self.seen) < 100_000:
            self.seen |= later.seen


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
                f"dates run backwards {times(ev.backwards_if_dmy)} read as day/month and "
                f"{times(ev.backwards_if_mdy)} read as month/day"
            )
            source = "inferred-weak"
        elif ev.first_changes != ev.second_changes:
            order = "dmy" if ev.first_changes > ev.second_changes else "mdy"
            notes.append(
                f"the first field changes {times(ev.first_changes)} and the second {times(ev.second_changes)}; "
                "the day changes more often than the month"
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


# --- layout detection -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class LayoutGuess:
    """The header layout a WhatsApp text export most likely uses, and what the guess rests on (not a detector
    finding: see detect/base.Detection)."""

    layout: HeaderLayout
    matches: int
    lines_seen: int
    encoding: str
    group_names: frozenset[str]  # authors of the encryption notice (iOS 2024+ puts the group name there)
    known_names: frozenset[str]  # names before ": " in the first lines (to read "Name:." as a message)


def detect(source: Source) -> LayoutGuess:
    """Reject empty and binary files; pick the header layout from the first lines."""
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
    head_lines: list[str] = []
    with source.open() as stream:
        for n, line, _ in iter_lines(stream, encoding):
            if n > DETECT_LINES:
                break
            head_lines.append(line)
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
    groups: set[str] = set()
    names: set[str] = set()
    for n, line in enumerate(head_lines):
        m = best.regex.match(line)
        i = line.find(": ", m.end()) if m is not None else -1
        if m is None or i <= m.end():
            continue
        names.add(clean_name(line[m.end():i]))
        if n < 200 and "end-to-end" in line:
            groups.add(clean_name(line[m.end():i]))
    return LayoutGuess(best, counts[best.name], len(head_lines), encoding, frozenset(groups),
                     frozenset(names - groups))


# --- scanning byte ranges ---------------------------------------------------------------------------------

@dataclass
class ScanPart:
    dates: DateEvidence = field(default_factory=DateEvidence)
    headers: int = 0
    newlines: int = 0


def scan_range(source: Source, layout_name: str, encoding: str, start: int, end: int | None) -> ScanPart:
    """Scan bytes [start, end) for day/month evidence (lines counted from the range start).
    Runs in a worker process too."""
    layout = LAYOUTS_BY_NAME[layout_name]
    rx = _scan_regex(layout.regex.pattern)
    header_rx = capture(layout)
    part = ScanPart()
    keys: dict[str, DateKey] = {}
    with source.open_range(start, end) as stream:
        for chunk in iter_chunks(stream, encoding):
            text = chunk.text
            dates = rx.findall(text)  # the date of every header, as written
            part.headers += len(dates)
            k = 0
            for written, run in groupby(dates):
                n = sum(1 for _ in run)
                key = keys.get(written)
                if key is None:
                    m = _DATE_RX.fullmatch(written)
                    key = keys[written] = m.group("d1", "d2", "d3", "era", "be")  # type: ignore[union-attr]
                part.dates.add_run(key, _header_at(header_rx, text, chunk.first_line, k), n)
                k += n
            part.newlines += text.count("\n")
    return part


_DATE_RX = re.compile(_DATE)


@lru_cache(maxsize=16)
def _scan_regex(pattern: str) -> re.Pattern[str]:
    """The header with one group, the date as written: findall() then returns plain strings, which
    makes the scan cheap. Every other group of the layout becomes non-capturing."""
    assert pattern.count(_DATE) == 1
    before, after = pattern.split(_DATE)
    nocap = lambda p: re.sub(r"\(\?P<\w+>", "(?:", p)  # noqa: E731
    return re.compile(f"^{nocap(before)}({nocap(_DATE)}){nocap(after)}", re.M)


def _header_at(rx: re.Pattern[str], text: str, first_line: int, k: int) -> Callable[[], tuple[int, str]]:
    """Lazily: (line number, text) of the k-th header in a chunk (only wanted for evidence notes)."""
    def find() -> tuple[int, str]:
        for i, m in enumerate(rx.finditer(text)):
            if i == k:
                return first_line + text.count("\n", 0, m.start()), m.group(1)
        return first_line, ""  # pragma: no cover - k always names an existing header

    return find


@dataclass
class ScanResult:
    detection: LayoutGuess
    dates: DateEvidence
    ranges: list[tuple[int, int | None, int, int]]  # (start byte, end byte, first line, first position)


def merge(detection: LayoutGuess, bounds: list[tuple[int, int | None]], parts: list[ScanPart]) -> ScanResult:
    """Combine range scans (each counted its lines from 1) in file order."""
    ranges = []
    line, position = 1, 0
    for (start, end), p in zip(bounds, parts, strict=True):
        ranges.append((start, end, line, position))
        for attr in ("first_over_12_line", "second_over_12_line"):
            if getattr(p.dates, attr) is not None:
                setattr(p.dates, attr, getattr(p.dates, attr) + line - 1)
        line += p.newlines
        position += p.headers
    dates = parts[0].dates
    for p in parts[1:]:
        dates.merge(p.dates)
    return ScanResult(detection, dates, ranges)


def plan_ranges(source: Source, detection: LayoutGuess, workers: int) -> list[tuple[int, int | None]]:
    """Cut the file into up to ``workers`` byte ranges, each starting at a message header."""
    if workers <= 1 or source.size < PARALLEL_MIN_BYTES or detection.encoding not in ("utf-8", "utf-8-sig"):
        return [(0, None)]
    regex = detection.layout.regex
    cuts: list[int] = []
    for i in range(1, workers):
        target = source.size * i // workers
        with source.open_range(target, None) as f:
            window = f.read(4 * CHUNK)
        pos = window.find(b"\n") + 1
        while 0 < pos < len(window):
            nxt = window.find(b"\n", pos)
            if nxt < 0:
                break
            if regex.match(window[pos:nxt].decode("utf-8", errors="replace")):
                cuts.append(target + pos)
                break
            pos = nxt + 1
    cuts = sorted(set(c for c in cuts if 0 < c < source.size))
    starts = [0, *cuts]
    ends: list[int | None] = [*cuts, None]
    return list(zip(starts, ends, strict=True))
