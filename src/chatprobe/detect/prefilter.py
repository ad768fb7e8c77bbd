"""Which regular expressions can match a text at all, read from a few letters, so most of them are never run.

The lexicon's phrase rules are large patterns (a group's name in a trie of hundreds of words, then a verb, then
an insult): searching a message for each of them is most of the lexicon's time, yet almost every message matches
none. ``needs`` reads a pattern's parse tree for sets of literal strings such that every match contains one string
of each set ("uslim" or "ewish" or …, and "vile" or "filth" or …); each string is then represented by its rarest
substring of three to five letters (``grams``). A message whose lower-cased text holds no such gram of some set
cannot match the pattern, and ``Needs.may_match`` says so without running it.

Sound by construction, never approximate: a pattern part is read only where its exact finite language is known
(literals, character sets of literals, alternations, groups, optional parts), zero-width parts (``\\b``,
look-arounds) are read as the empty string, and anything else (``\\w+``, ``.``, back-references) ends a string.
Case: strings and text are compared lower-cased, after the four non-ASCII letters that ``re``'s IGNORECASE
equates with ASCII ones (``İ``, ``ı``, ``ſ``, the Kelvin sign) are mapped to them; a string with any other
non-ASCII letter is not used. A pattern nothing can be read from gets no filter (it is always run), and so does a
text longer than ``MAX_TEXT`` characters (its set of grams would be large; such texts are rare).
"""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import repeat
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

from chatprobe.detect.language import common_english

# the longest finite language one pattern part is expanded to; beyond it the part ends a string
LIMIT = 256
# gram lengths: a string is represented by its rarest substring of GRAM letters, or itself when shorter
MIN_GRAM, GRAM = 3, 5
# at most this many sets per alternation: its k-th set is the union of each alternative's k-th rarest set
PER_BRANCH = 3
# texts longer than this are searched by every pattern
MAX_TEXT = 4096
# the non-ASCII letters that re's IGNORECASE matches to an ASCII letter (tests check the table is complete)
CASELESS = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})

_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


# the commonest words of chat, which a list of distinct words counts once each: counted COMMON_WEIGHT times more
COMMON = ("the a an and or but if of to in on at for with from by as is are was were be been being am im i you u ur "
          "your he she it its we they them his her him my me our us this that these those there here what who why how "
          "when where which not no dont do does did have has had will would can could should just so too very all some "
          "any one get got go going like lol up out about then than now off back more").split()
COMMON_WEIGHT = 30


@cache
def _frequency() -> dict[str, int]:
    """How common each gram is in chat text, estimated from the shipped common-English words (each three times,
    and the commonest words of chat COMMON_WEIGHT times more, in a fixed shuffled order, so that grams across a space
    between words are counted too)."""
    words = sorted(common_english()) * 3 + COMMON * COMMON_WEIGHT
    random.Random(0).shuffle(words)
    text = f" {' '.join(words)} "
    return dict(Counter(text[i:i + n] for n in range(MIN_GRAM, GRAM + 1) for i in range(len(text) - n + 1)))


@cache
def _gram(s: str) -> str | None:
    """The rarest substring of ``s`` of GRAM letters (``s`` itself when shorter; of the rarest, the first in ASCII
    order), lower-cased; None when ``s`` is too short or holds a non-ASCII letter."""
    s = s.translate(CASELESS).lower()
    if len(s) < MIN_GRAM or not s.isascii():
        return None
    if len(s) <= GRAM:
        return s
    grams = [s[i:i + GRAM] for i in range(len(s) - GRAM + 1)]
    return min(zip(map(_frequency().get, grams, repeat(0)), grams))[1]


@cache
def _cost(strings: frozenset[str]) -> float:
    grams = {_gram(s) for s in strings}
    if None in grams:
        return math.inf
    freq = _frequency()
    return sum(freq.get(g, 0) + 0.5 for g in grams)  # type: ignore[arg-type]


class _Reader:
    """One pattern's parse tree read for ``_required``; each part's language is worked out once (by identity: the
    tree lives as long as the reader)."""

    def __init__(self, parts: Mapping[str, str]) -> None:
        self._languages: dict[int, set[str] | None] = {}
        self.parts = parts

    def language(self, items: Sequence[tuple[Any, Any]]) -> set[str] | None:
        """Every string a parsed sequence can match, or None when that is unknown or more than LIMIT."""
        key = id(items)
        if key not in self._languages:
            self._languages[key] = self._language(items)
        return self._languages[key]

    def _language(self, items: Sequence[tuple[Any, Any]]) -> set[str] | None:
        out = {""}
        for op, av in items:
            part = self.part_language(op, av)
            if part is None:
                return None
            out = {a + b for a in out for b in part}
            if len(out) > LIMIT:
                return None
        return out

    def part_language(self, op: Any, av: Any) -> set[str] | None:
        if op is sre.LITERAL:
            return None if chr(av) in self.parts else {chr(av)}
        if op in _ZERO_WIDTH:
            return {""}
        if op is sre.SUBPATTERN:
            return self.language(av[3])
        if op is sre.ATOMIC_GROUP:
            return self.language(av)
        if op is sre.BRANCH:
            out: set[str] = set()
            for alt in av[1]:
                part = self.language(alt)
                if part is None or len(out | part) > LIMIT:
                    return None
                out |= part
            return out
        if op in _REPEATS:
            lo, hi, item = av
            part = self.language(item) if hi <= 2 else None
            if part is None:
                return None
            out, cur = ({""} if lo == 0 else set()), {""}
            for k in range(1, hi + 1):
                cur = {a + b for a in cur for b in part}
                if k >= lo:
                    out |= cur
            return out if len(out) <= LIMIT else None
        if op is sre.IN:
            chars: set[str] = set()
            for o, a in av:
                if o is sre.LITERAL and chr(a) not in self.parts:
                    chars.add(chr(a))
                elif o is sre.RANGE and a[1] - a[0] < 32:
                    chars.update(chr(c) for c in range(a[0], a[1] + 1))
                else:
                    return None  # a negated set, a category (\w, \d)
            return chars
        return None

    def required(self, items: Sequence[tuple[Any, Any]], before: frozenset[str] = frozenset({""})) -> list[frozenset[str]]:
        """Sets of strings, every one of which has a string in each match of a parsed sequence; ``before``: the
        strings one of which comes right before the sequence (a trie's shared first letters), so its first string
        can include them."""
        found: list[frozenset[str]] = []
        run = set(before)

        def end_run() -> None:
            nonlocal run
            if "" not in run:
                found.append(frozenset(run))
            run = {""}

        for op, av in items:
            part = self.part_language(op, av)
            if part is not None:
                if part == {""}:
                    continue  # zero width: the strings on either side are adjacent in the match
                joined = {a + b for a in run for b in part}
                if len(joined) <= LIMIT:
                    run = joined
                    continue
                end_run()
                run = set(part)
                continue
            prefix = frozenset(run)
            end_run()
            if op is sre.LITERAL:  # a stand-in for a shared part
                found.extend(_part_required(self.parts[chr(av)]))
            elif op is sre.SUBPATTERN:
                found.extend(self.required(av[3], prefix))
            elif op is sre.ATOMIC_GROUP:
                found.extend(self.required(av, prefix))
            elif op is sre.BRANCH:
                alternatives = []
                for alt in av[1]:
                    sets = sorted((s for s in self.required(alt, prefix) if _cost(s) < math.inf), key=_cost)
                    if not sets:
                        break  # an alternative that needs nothing: the alternation needs nothing
                    alternatives.append(sets)
                else:
                    for k in range(PER_BRANCH):
                        union = frozenset().union(*(sets[min(k, len(sets) - 1)] for sets in alternatives))
                        if union not in found:
                            found.append(union)
            elif op in _REPEATS and av[0] >= 1:
                found.extend(self.required(av[2], prefix))
        end_run()
        return found


@dataclass(frozen=True, slots=True)
class Needs:
    """Sets of grams a text must hold one of each, or it cannot match the pattern (``grams``); none: always run."""

    grams: tuple[frozenset[str], ...]

    def may_match(self, present: frozenset[str] | set[str] | None) -> bool:
        """Whether a text whose grams are ``present`` (``text_grams``; None: unknown) may match (the sets' own C
        method: this runs for every rule of every message)."""
        return present is None or not any(map(present.isdisjoint, self.grams))


class NeedsIndex:
    """Which of several patterns' ``Needs`` may match a text: each pattern is filed under the grams of its first
    (rarest) set, so a text's grams look up the few patterns worth checking instead of every pattern being checked
    (``matching`` gives exactly the patterns whose ``may_match`` holds, in their order)."""

    def __init__(self, needs: Sequence[Needs]) -> None:
        self.needs = tuple(needs)
        self.grams: frozenset[str] = frozenset().union(*(g for n in self.needs for g in n.grams))
        self._always = frozenset(i for i, n in enumerate(self.needs) if not n.grams)
        by_gram: dict[str, list[int]] = {}
        for i, n in enumerate(self.needs):
            for g in n.grams[0] if n.grams else ():
                by_gram.setdefault(g, []).append(i)
        self._by_gram = {g: tuple(found) for g, found in by_gram.items()}

    def matching(self, present: frozenset[str] | set[str] | None) -> list[int]:
        """The positions of the patterns that may match a text whose grams are ``present`` (``text_grams`` over
        ``grams``; None: unknown, every pattern), in order."""
        if present is None:
            return list(range(len(self.needs)))
        filed = self._by_gram
        found = set(self._always).union(*(filed[g] for g in present if g in filed))
        return [i for i in sorted(found) if self.needs[i].may_match(present)]


@cache
def _part_required(pattern: str) -> tuple[frozenset[str], ...]:
    """``_Reader.required`` of a shared part, read once."""
    return tuple(_Reader({}).required(list(sre_parse.parse(pattern))))


NO_NEEDS = Needs(())  # nothing read: always run


def needs(pattern: str, parts: Mapping[str, str] | None = None, most: int = 6) -> Needs:
    """What every match of ``pattern`` needs: up to ``most`` sets of grams, the rarest first. ``parts``: characters
    that stand in ``pattern`` for a group (a pattern of its own, which many patterns share: read once)."""
    try:
        parsed = sre_parse.parse(pattern)
        found = _Reader(parts or {}).required(list(parsed))
    except Exception:  # noqa: BLE001 - a pattern re compiled but this reading of it failed: no filter
        return NO_NEEDS
    sets = sorted({s for s in found if _cost(s) < math.inf}, key=lambda s: (_cost(s), sorted(s)))
    return Needs(tuple(frozenset(_gram(s) for s in strings) for strings in sets[:most]))  # type: ignore[misc]


def forget() -> None:
    """Drop what reading patterns remembered (gram frequencies, each string's gram, each set's cost, shared parts:
    some 25 MB for the lexicon's rules); call when a set of patterns has been read."""
    for f in (_frequency, _gram, _cost, _part_required):
        f.cache_clear()


@lru_cache(maxsize=16)
def grams_of(text: str) -> frozenset[str] | None:
    """Every gram of ``text`` (``text_grams`` with nothing left out), for a text several patterns are read over in
    turn (the last few texts are remembered); None for a text longer than MAX_TEXT."""
    if len(text) > MAX_TEXT:
        return None
    low = text.lower() if text.isascii() else text.translate(CASELESS).lower()
    return frozenset({low[i:i + n] for n in range(MIN_GRAM, GRAM + 1) for i in range(len(low) - n + 1)})


def text_grams(text: str, wanted: frozenset[str]) -> frozenset[str] | None:
    """The grams of ``text`` (lower-cased as ``needs`` reads patterns) among ``wanted``; None for a text longer than
    MAX_TEXT."""
    present = grams_of(text)
    return None if present is None else wanted & present
