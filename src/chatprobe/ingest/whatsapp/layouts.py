"""WhatsApp message-header layouts, kept as data.

A header is the start of a message line: a date, a time and (for iOS) brackets, then the body. Every
variant in EXPORT_FORMATS.md is one of a handful of *layouts* (where date, time and body sit) combined with
shared pieces (date separators, AM/PM spellings, era and calendar markers, bidi marks). The same table
renders headers for the property-based tests, so parser and fixtures cannot drift apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from chatprobe.errors import BadTimestamp

# Formatting marks that WhatsApp scatters around headers (BOM, LRM, RLM, embeddings, isolates).
MARKS = "\ufeff\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_M = f"[{MARKS}]*"
_SP = "[ \u00a0\u202f]"

# Every AM/PM spelling seen in the wild -> "am" | "pm" | a day-period word resolved by hour.
AMPM_WORDS: dict[str, str] = {
    "am": "am", "pm": "pm", "a.m.": "am", "p.m.": "pm", "a.m": "am", "p.m": "pm",
    "a. m.": "am", "p. m.": "pm", "a.\u00a0m.": "am", "p.\u00a0m.": "pm",
    "a.\u202fm.": "am", "p.\u202fm.": "pm", "vorm.": "am", "nachm.": "pm",
    "ص": "am", "م": "pm", "오전": "am", "오후": "pm", "上午": "am", "下午": "pm",
    "午前": "am", "午後": "pm", "sa": "am", "ch": "pm",
    "in the morning": "morning", "in the afternoon": "pm", "in the evening": "pm",
    "at night": "night", "noon": "pm", "midnight": "am",
}


def _ampm_alternation() -> str:
    words = sorted(AMPM_WORDS, key=len, reverse=True)
    alts = []
    for w in words:
        alts.append(re.escape(w).replace("\\ ", f"{_SP}"))
    return "|".join(alts)


_AP = f"(?i:{_ampm_alternation()})"

# Dates: three numeric fields with / . - separators; optional spaces after dots (hu), trailing dot,
# Japanese era letter before the year, Buddhist-era suffix.
_DATE = (
    rf"(?P<d1>\d{{1,4}}){_M}[./-]{_SP}?{_M}(?P<d2>\d{{1,2}}){_M}[./-]{_SP}?{_M}"
    rf"(?P<era>[MTSHR])?(?P<d3>\d{{1,4}})\.?(?:{_SP}?(?P<be>BE|B\.E\.|พ\.ศ\.))?"
)
# A lookahead on the first letters of every AM/PM word lets 24-hour files skip the alternation at once.
_AP_FIRST = "".join(sorted({c for w in AMPM_WORDS for c in (w[0].lower(), w[0].upper())}))
_TIME = (
    rf"(?:(?=[{_AP_FIRST}])(?P<ap0>{_AP}){_SP}?)?(?P<h>\d{{1,2}})[:.](?P<mi>\d{{2}})(?:[:.](?P<s>\d{{2}}))?"
    rf"(?:{_SP}*{_M}(?=[{_AP_FIRST}])(?P<ap>{_AP})(?![\w]))?"
)
_DT_SEP = rf"{_M}[,،]?{_SP}+{_M}(?:klo{_SP}+)?"


@dataclass(frozen=True)
class HeaderLayout:
    name: str
    platform_hint: str  # android | ios
    regex: re.Pattern[str]
    description: str


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


# Order matters only for ties when detecting: the more specific layouts come first.
LAYOUTS: tuple[HeaderLayout, ...] = (
    HeaderLayout(
        "ios", "ios",
        _compile(rf"{_M}\[{_M}{_DATE}{_DT_SEP}{_TIME}{_M}\]{_SP}?"),
        "iOS: [date, time] Sender: text",
    ),
    HeaderLayout(
        "ios-time-first", "ios",
        _compile(rf"{_M}\[{_M}{_TIME}{_DT_SEP}{_DATE}{_M}\]{_SP}?"),
        "iOS, time before date: [time, date] Sender: text",
    ),
    HeaderLayout(
        "android", "android",
        _compile(rf"{_M}{_DATE}{_DT_SEP}{_TIME}{_M}{_SP}[-–]{_SP}"),
        "Android: date, time - Sender: text",
    ),
    HeaderLayout(
        "ios-legacy", "ios",
        _compile(rf"{_M}{_DATE}{_DT_SEP}{_TIME}:{_SP}"),
        "old iOS (2017 and before): date time: Sender: text",
    ),
    HeaderLayout(
        "bare", "ios",
        _compile(rf"{_M}{_DATE}{_DT_SEP}{_TIME}{_SP}(?=\S)"),
        "date time Sender: text (Hungarian iOS)",
    ),
)

LAYOUTS_BY_NAME = {layout.name: layout for layout in LAYOUTS}

_ERAS = {"M": 1867, "T": 1911, "S": 1925, "H": 1988, "R": 2018}


def resolve_year(raw: str, era: str | None, buddhist: bool) -> int:
    year = int(raw)
    if era:
        return _ERAS[era] + year
    if len(raw) <= 2:
        year += 2000
    if buddhist or year >= 2400:
        year -= 543
    return year


def resolve_hour(hour: int, ap: str | None) -> int:
    if ap is None:
        return hour
    period = _PERIODS.get(ap)
    if period is None:
        period = _PERIODS[ap] = AMPM_WORDS.get(_norm_ap(ap), "")
    if not period:
        raise BadTimestamp(f"unknown AM/PM marker {ap!r}")
    if hour > 12:
        # 24-hour clock with a day-period word: take the hour as written.
        return hour
    if period == "am" or period == "morning":
        return 0 if hour == 12 else hour
    if period == "night":
        # "at night" covers roughly 21:00-04:59.
        return hour + 12 if 8 <= hour < 12 else (0 if hour == 12 else hour)
    return hour if hour == 12 else hour + 12


def _norm_ap(ap: str) -> str:
    return re.sub(r"[ \u00a0\u202f]+", " ", ap.strip()).lower()


# Normalise the keys once so lookups are tolerant of NBSP/NNBSP and case.
AMPM_WORDS = {_norm_ap(k): v for k, v in AMPM_WORDS.items()}
_PERIODS: dict[str, str] = {}  # marker exactly as written -> period ("" if unknown)


DateKey = tuple[str, str, str, "str | None", "str | None"]  # d1, d2, d3, era, Buddhist-era marker


def date_of(key: DateKey, order: str) -> tuple[int, int, int]:
    """(year, month, day) for the date fields of a header under the given order (not validated)."""
    d1, d2, d3, era, be = key
    if order == "ymd":
        return resolve_year(d1, None, bool(be)), int(d2), int(d3)
    if order == "dmy":
        return resolve_year(d3, era, bool(be)), int(d2), int(d1)
    if order == "mdy":
        return resolve_year(d3, era, bool(be)), int(d1), int(d2)
    raise ValueError(order)


def timestamp_of(ymd: tuple[int, int, int], h: str, mi: str, sec: str | None, ap: str | None) -> datetime:
    hour = int(h) if ap is None else resolve_hour(int(h), ap)
    try:
        return datetime(ymd[0], ymd[1], ymd[2], hour, int(mi), int(sec) if sec else 0)
    except ValueError as exc:
        raise BadTimestamp(str(exc)) from exc


def capture(layout: HeaderLayout, tail: str = "") -> re.Pattern[str]:
    """The layout's header as group 1 at every line start (plus ``tail``), for split() and findall()."""
    return _capture(layout.regex.pattern, tail)


@lru_cache(maxsize=32)
def _capture(pattern: str, tail: str) -> re.Pattern[str]:
    return re.compile(f"^({pattern}){tail}", re.M)


def year_first(d1: str) -> bool:
    return len(d1) >= 3 or int(d1) > 31
