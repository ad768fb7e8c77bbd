"""System-message phrasings and placeholders, one TOML file per language.

Adding a language is adding a file: nothing in the parser names a phrase. All languages are active at
once, because a file's language is not declared and group names can be in any language.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from chatprobe.model import MembershipKind


@dataclass(frozen=True)
class SystemRule:
    type: str  # a MembershipKind value or another system type
    regex: re.Pattern[str]
    language: str
    membership: bool
    list_split: re.Pattern[str]
    you: frozenset[str]


@dataclass(frozen=True)
class Phrasebook:
    membership_rules: tuple[SystemRule, ...]
    system_rules: tuple[SystemRule, ...]
    deleted: re.Pattern[str]
    view_once: re.Pattern[str]
    location: re.Pattern[str]
    poll: re.Pattern[str]
    call: re.Pattern[str]
    attached: tuple[re.Pattern[str], ...]
    document_omitted: tuple[re.Pattern[str], ...]
    media_omitted: dict[str, str]  # placeholder (casefolded) -> attachment type
    edited_suffixes: tuple[str, ...]
    languages: tuple[str, ...]
    special: SpecialFilter  # says whether a first line may be anything but plain text



    def all_system_rules(self) -> tuple[SystemRule, ...]:
        return self.membership_rules + self.system_rules


class SpecialFilter:
    """A cheap test that a message's first line may be a placeholder, attachment, call, poll and so on.

    Running every placeholder regex on every message is slow (patterns that start with ``.+?`` scan the
    whole line). Instead each pattern contributes a literal it cannot match without, found by parsing it:
    a prefix (one ``startswith`` for all), a suffix (one ``endswith``) or, failing those, a substring.
    Patterns with no such literal run as one anchored alternation. False positives merely take the slow
    path; there are no false negatives.
    """

    def __init__(self, patterns: list[str], endings: tuple[str, ...]) -> None:
        prefixes: set[str] = set()
        suffixes: set[str] = set()
        contains: set[str] = set()
        anchored: list[str] = []
        for p in patterns:
            where, lit = _required_literal(p)
            {"prefix": prefixes, "suffix": suffixes, "contains": contains}.get(where, set()).add(lit)
            if where == "none":
                anchored.append(p)
        self.prefixes = tuple(sorted(prefixes))
        self.suffixes = tuple(sorted(suffixes))
        self.contains = tuple(sorted(contains, key=len, reverse=True))
        self.anchored = _alternation(anchored)
        self.endings = endings

    def __call__(self, first_line: str) -> bool:
        if not first_line or first_line.startswith(self.prefixes) or first_line.endswith(self.suffixes):
            return True
        for lit in self.contains:
            if lit in first_line:
                return True
        if self.anchored.fullmatch(first_line) is not None:
            return True
        return first_line.casefold().endswith(self.endings)


def _required_literal(pattern: str) -> tuple[str, str]:
    """Where a literal every match must contain sits: ("prefix" | "suffix" | "contains" | "none", text)."""
    from re import _constants as c  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern)
    if parsed.state.flags & re.IGNORECASE:
        return "none", ""
    runs: list[tuple[int, int, str]] = []  # (first item, last item, text)
    items = list(parsed)
    i = 0
    while i < len(items):
        if items[i][0] is c.LITERAL:
            j = i
            while j < len(items) and items[j][0] is c.LITERAL:
                j += 1
            runs.append((i, j - 1, "".join(chr(av) for _, av in items[i:j])))
            i = j
        else:
            i += 1
    for first, _, text in runs:
        if first == 0 and len(text) >= 2:
            return "prefix", text
    for _, last, text in runs:
        if last == len(items) - 1 and len(text) >= 3:
            return "suffix", text
    longest = max((text for _, _, text in runs), key=len, default="")
    return ("contains", longest) if len(longest) >= 3 else ("none", "")


def _alternation(patterns: list[str]) -> re.Pattern[str]:
    if not patterns:
        return re.compile(r"(?!x)x")
    # Group names may repeat across languages; the alternation only answers "is it one of these?".
    bare = (re.sub(r"\(\?P<\w+>", "(?:", p) for p in patterns)
    return re.compile("(?:" + "|".join(f"(?:{p})" for p in bare) + ")")


@lru_cache(maxsize=1)
def load_phrasebook() -> Phrasebook:
    membership: list[SystemRule] = []
    system: list[SystemRule] = []
    buckets: dict[str, list[str]] = {
        k: [] for k in ("deleted", "view_once", "location", "poll", "call")
    }
    attached: list[re.Pattern[str]] = []
    documents: list[re.Pattern[str]] = []
    media: dict[str, str] = {}
    edited: list[str] = []
    languages: list[str] = []
    files = sorted(
        (f for f in resources.files(__package__).iterdir() if f.name.endswith(".toml")),
        key=lambda f: (f.name != "en.toml", f.name),
    )
    for f in files:
        data = tomllib.loads(f.read_text(encoding="utf-8"))
        lang = data["language"]
        languages.append(lang)
        seps = data.get("list_separators", [", "])
        split = re.compile("|".join(re.escape(s) for s in seps))
        you = frozenset(data.get("you", []))
        for entry in data.get("membership", []):
            MembershipKind(entry["type"])  # validate the data file
            membership.append(
                SystemRule(entry["type"], re.compile(entry["pattern"]), lang, True, split, you)
            )
        for entry in data.get("system", []):
            system.append(SystemRule(entry["type"], re.compile(entry["pattern"]), lang, False, split, you))
        ph = data.get("placeholders", {})
        for key in buckets:
            buckets[key].extend(ph.get(key, []))
        attached.extend(re.compile(p) for p in ph.get("attached", []))
        documents.extend(re.compile(p) for p in ph.get("document_omitted", []))
        media.update({k.casefold(): v for k, v in ph.get("media_omitted", {}).items()})
        edited.extend(ph.get("edited_suffix", []))
    special_parts = [p for key in buckets for p in buckets[key]]
    special_parts += [p.pattern for p in attached] + [p.pattern for p in documents]
    return Phrasebook(
        membership_rules=tuple(membership),
        system_rules=tuple(system),
        deleted=_alternation(buckets["deleted"]),
        view_once=_alternation(buckets["view_once"]),
        location=_alternation(buckets["location"]),
        poll=_alternation(buckets["poll"]),
        call=_alternation(buckets["call"]),
        attached=tuple(attached),
        document_omitted=tuple(documents),
        media_omitted=media,
        edited_suffixes=tuple(sorted(set(edited), key=len, reverse=True)),
        languages=tuple(languages),
        special=SpecialFilter(special_parts, tuple(media)),
    )
