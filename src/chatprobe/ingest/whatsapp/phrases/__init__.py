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

    def all_system_rules(self) -> tuple[SystemRule, ...]:
        return self.membership_rules + self.system_rules


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
    )
