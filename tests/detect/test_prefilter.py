"""The phrase-rule prefilter: a rule is skipped only where it cannot match, so the lexicon's hits are the same with
and without it (the corpus check is in the issue note: every hit of 131,121 texts identical)."""

from __future__ import annotations

import re
import string
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chatprobe.detect.lexicon import Lexicon, _read_by
from chatprobe.detect.prefilter import CASELESS, MAX_TEXT, Needs, NeedsIndex, grams_of, needs, text_grams
from chatprobe.detect.text import fold_text

PROBES = Path(__file__).resolve().parents[1] / "fixtures" / "probes"


def may_match(pattern: str, text: str) -> bool:
    n = needs(pattern)
    return n.may_match(text_grams(text, frozenset().union(*n.grams)))


def test_caseless_table_is_every_letter_re_equates_with_ascii() -> None:
    others = "".join(chr(c) for c in range(0x80, 0x110000) if not 0xD800 <= c < 0xE000)
    found = {ch: a for a in string.ascii_lowercase + string.digits for ch in re.findall(f"(?i){a}", others)}
    assert {chr(k): v for k, v in CASELESS.items()} == found


def test_what_a_pattern_needs() -> None:
    n = needs(r"\b(?:go|send them) back to (?:africa|asia)\b")
    assert n.grams and all(n.grams)
    assert may_match(r"\b(?:go|send them) back to (?:africa|asia)\b", "just go back to asia mate")
    assert not may_match(r"\b(?:go|send them) back to (?:africa|asia)\b", "we went to asia last year")
    # a trie's shared first letters are part of each word it reads
    trie = r"\bm(?:uslims?|exicans?)\b are vile"
    assert may_match(trie, "mexicans are vile") and not may_match(trie, "the weather is vile")
    # nothing literal: always run
    assert needs(r"\w+ \w+") == Needs(()) and may_match(r"\w+ \w+", "anything at all")
    # an alternative that needs nothing makes the alternation need nothing
    assert may_match(r"(?:kill them|\w{3,}) all", "take them all")
    # short strings ("ok") are not read: the rule is run
    assert needs(r"\bok\b") == Needs(())


def test_case_folding() -> None:
    assert may_match(r"(?i)\bBITCH\b", "You BİTCH")  # re's IGNORECASE reads the dotted capital I as an i
    assert re.search(r"(?i)\bbitch\b", "you bİtch")
    assert may_match(r"(?i)\bbitch\b", "you bİtch")
    assert may_match(r"(?i)\bkill\b", "\u212aill him")  # the Kelvin sign
    assert may_match(r"(?i)\bslag\b", "\u017flag")  # the long s


def test_long_text_is_searched_by_every_rule() -> None:
    assert text_grams("a" * (MAX_TEXT + 1), frozenset({"aaa"})) is None
    assert Needs((frozenset({"zzz"}),)).may_match(None)


# patterns from a small grammar over few letters, so that their literal strings recur in the texts drawn
_LETTERS = st.sampled_from(["ab", "ba", "abc", "cab", "b a", "ca ", "bca", "aab", "İa", "ı", "ſa", "K", "A", "c"])
_ATOMS = st.one_of(_LETTERS.map(re.escape), st.just(r"\w+"), st.just(r"\b"), st.just("."), st.just("[ab]"),
                   st.just("[^c]"), st.just("(?=ab)"), st.just("(?<!c)"), st.just("(?i:ab)"), st.just("(?i:cab)"))
_PATTERNS = st.recursive(
    _ATOMS,
    lambda inner: st.one_of(
        st.lists(inner, min_size=1, max_size=4).map("".join),
        st.lists(inner, min_size=2, max_size=3).map(lambda xs: "(?:" + "|".join(xs) + ")"),
        inner.map(lambda x: f"(?:{x})?"), inner.map(lambda x: f"(?:{x})+"), inner.map(lambda x: f"(?:{x}){{1,2}}"),
        inner.map(lambda x: f"({x})")),
    max_leaves=10)
_TEXTS = st.text(st.sampled_from(list("abcABC İıſK\u212a")), max_size=30)


@settings(max_examples=1500, deadline=None, suppress_health_check=list(HealthCheck), database=None,
          derandomize=True)
@given(_PATTERNS, _TEXTS)
def test_prefilter_never_skips_a_match(pattern: str, text: str) -> None:
    if re.search(pattern, text):
        assert may_match(pattern, text), (pattern, text)


_GRAMS = st.frozensets(st.sampled_from(["aab", "abc", "bca", "cab", "ccc", "abab"]), min_size=1, max_size=3)


@settings(max_examples=1000, deadline=None, suppress_health_check=list(HealthCheck), database=None,
          derandomize=True)
@given(st.lists(st.lists(_GRAMS, max_size=3).map(lambda sets: Needs(tuple(sets))), max_size=6),
       st.one_of(st.none(), st.frozensets(st.sampled_from(["aab", "abc", "bca", "cab", "ccc", "abab", "zzz"]))))
def test_the_index_gives_exactly_the_patterns_that_may_match(needs_list: list[Needs],
                                                             present: frozenset[str] | None) -> None:
    assert NeedsIndex(needs_list).matching(present) == [i for i, n in enumerate(needs_list) if n.may_match(present)]


def test_the_index_of_the_lexicon_rules_is_every_rule_that_may_match(lexicon: Lexicon) -> None:
    d = lexicon.data
    for line in ["muslims are vile", "go back to africa", "hello all", "k i l l all gays", "🔪 all the 🏳️‍🌈", "x" * 5000]:
        present = text_grams(lexicon._unspaced(lexicon._rule_text(line)), d.rule_index.grams)
        assert d.rule_index.matching(present) == [i for i, r in enumerate(d.rules) if r.needs.may_match(present)]


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck), database=None,
          derandomize=True)
@given(st.data())
def test_prefilter_never_skips_a_match_drawn_from_the_pattern(data: st.DataObject) -> None:
    pattern = data.draw(_PATTERNS)
    try:
        strategy = st.from_regex(pattern)
    except Exception:  # noqa: BLE001 - a construct hypothesis cannot draw from
        return
    text = data.draw(strategy)
    if re.search(pattern, text):
        assert may_match(pattern, text), (pattern, text)


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon()


def test_every_rule_is_filtered(lexicon: Lexicon) -> None:
    """Each rule has something the filter reads (a rule it cannot read is run on every message: slower, not wrong)."""
    assert [r.id for r in lexicon.data.rules if not r.needs.grams] == []


def test_no_probe_line_that_a_rule_matches_is_skipped(lexicon: Lexicon) -> None:
    d = lexicon.data
    matched = 0
    for path in sorted(PROBES.glob("*.txt")):
        for line in path.read_text("utf-8").splitlines():
            ftext = lexicon._unspaced(lexicon._rule_text(line))
            present = text_grams(ftext, d.rule_index.grams)
            for rule in d.rules:
                if rule.regex.search(_read_by(rule, ftext, lexicon._emoji_words(line))):
                    matched += 1
                    assert rule.needs.may_match(present), (rule.id, line)
                    assert d.rules.index(rule) in d.rule_index.matching(present), (rule.id, line)
    assert matched > 300  # 363 on 2026-12-07: the test reads real rule matches


def _drawn_matches(regex: re.Pattern[str], passes: Callable[[str], bool]) -> list[str]:
    """Texts drawn from ``regex`` that it matches, each of which the filter (``passes``) must let through."""
    seen: list[str] = []

    @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), database=None,
              derandomize=True)
    @given(st.from_regex(regex))
    def check(text: str) -> None:
        if regex.search(text):
            seen.append(text)
            assert passes(text), text

    check()
    return seen


@pytest.mark.parametrize("index", range(0, 60, 6))
def test_rule_matches_drawn_from_each_rule_are_never_skipped(lexicon: Lexicon, index: int) -> None:
    d = lexicon.data
    for rule in d.rules[index:index + 6]:
        assert _drawn_matches(rule.regex, lambda t, r=rule: r.needs.may_match(text_grams(t, d.rule_index.grams))), rule.id


def test_context_patterns_are_filtered_and_never_skip_a_match(lexicon: Lexicon) -> None:
    """The context patterns read for every message (reported speech, a word mentioned, counter-speech, homonyms):
    each has something to read, and no text drawn from one, nor a probe line, that it matches is skipped."""
    d = lexicon.data
    assert all(n.grams for n in d.context_needs.values()), d.context_needs
    lines = [line for path in sorted(PROBES.glob("*.txt")) for line in path.read_text("utf-8").splitlines()]
    for name, n in d.context_needs.items():
        regex = getattr(d, name)
        matched = [t for t in map(fold_text, lines) if regex.search(t)]
        assert all(n.may_match(grams_of(t)) for t in matched), name
        assert _drawn_matches(regex, lambda t, n=n: n.may_match(grams_of(t))), name
