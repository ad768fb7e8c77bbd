"""A wish of death or violence on one person, in the words chats use (lexicon 2026.12.37): "he deserves to die for
that", "nonces should hang", "he needs battered" (Scots and northern English: "needs" + past participle), "he wants
shooting", "hope the grass gets cancer". ``threat.wish`` read these only with "to be" or a group's name. The same
words of dying, cooking and chores are left alone."""

from __future__ import annotations

import pytest

from .test_generalised import _active


@pytest.mark.parametrize("text", [
    "he deserves to die for that",
    "that grass deserved to die",
    "nonces should hang",
    "paedos should be hung",
    "he needs battered",
    "that wee prick needs leathered",
    "he wants shooting",
    "the lot of them want stringing up",
    "hope the grass gets cancer",
])
def test_a_wish_of_death_or_violence_on_a_person_is_a_threat(lexicon, text):
    assert _active(lexicon, text, "threat")


@pytest.mark.parametrize("text", [
    "no one deserves to die like that",
    "did he deserve to die? no",
    "my plant deserves to die, I never water it",
    "the dog needs putting down, it's very ill",
    "the lads want battered fish and chips",
    "he needs shot of that car",
    "the cat wants feeding",
    "he should die his hair",
    "they should die laughing at that one",
    "he'd die happy if he got that job",
    "the victim needs stitches after being stabbed",
])
def test_dying_cooking_and_chores_are_not_wishes(lexicon, text):
    assert not _active(lexicon, text, "threat")
