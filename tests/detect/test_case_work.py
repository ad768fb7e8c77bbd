"""Police case-work about sexual offences is not sexual content (lexicon 2026.12.36): "rape kit sent to the lab" and
"the rape victim at the hospital" were read as rape referred to as a joke or threat, because the rule read any "the"
or "a" within three words of the word; "sexting case" as sexting. "rape" naming a piece of case-work is no longer read
with a "the" or "a" after it; with a pronoun or a joke's cue it still is."""

from __future__ import annotations

import pytest

from .test_generalised import _active


@pytest.mark.parametrize("text", [
    "rape kit sent to the lab, results Thursday",
    "SOIT officer is with the rape victim at the hospital",
    "sexting case: the phone has gone to the hub",
    "the rape crisis centre can see her on Monday",
])
def test_case_work_is_not_sexual_content(lexicon, text):
    assert not _active(lexicon, text, "sexual")


@pytest.mark.parametrize("text", [
    "that rape victim was asking for it lol",
    "I'd rape her",
    "rape the lot of them",
    "raped the whole squad lol",
    "rape joke incoming",
    "she deserved to be raped",
    "send me some sexting pics",
])
def test_rape_as_a_joke_wish_or_threat_is_still_read(lexicon, text):
    assert _active(lexicon, text, "sexual")
