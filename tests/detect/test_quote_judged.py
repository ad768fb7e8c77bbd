"""A quoted line that the words around it judge by a noun — a tired joke, a lazy stereotype, a myth — is quoted to be
challenged, not said (lexicon 2026.12.31). Before, only a judging word ("racist", "vile", "a joke") counted, and
'"women can't drive" is such a tired joke' was a sex flag."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "\"women can't drive\" is such a tired joke",
    "'muslims are terrorists' is such a lazy stereotype",
    "\"gay people are disgusting\" is a myth he keeps pushing",
    "'immigrants are vermin', same old racist line from him",
])
def test_a_quote_judged_by_a_noun_is_challenged(lexicon, text):
    hits = [h for h in lexicon.hits(text) if h.label not in ("counter_speech", "endorsement")]
    assert hits and all(h.status != "active" for h in hits), hits


@pytest.mark.parametrize("text", [
    "\"muslims are terrorists\" isn't a stereotype, it's a fact",  # a judging noun denied is no challenge
    "\"blacks are animals\" - tired old line but true",            # no verdict on the quote: a noun alone
    "women can't drive, tired joke or not",                        # nothing quoted
])
def test_a_judging_noun_denied_or_unquoted_leaves_the_hate(lexicon, text):
    hits = [h for h in lexicon.hits(text) if h.label not in ("counter_speech", "endorsement", "derogatory")]
    assert any(h.status == "active" for h in hits), hits
