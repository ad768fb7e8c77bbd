"""A rule's emoji words count only where the message wrote the emoji (lexicon 2026.12.36). ``dehumanise.emoji`` read the
words "disgusting", "shit", "trash" and the animals within six words of a group's name as it reads 🤮 💩 🗑 🐷, so
"the abuse gay people get online is disgusting" was a flag for sexual orientation; ``threat.group`` read "#GunWoman"
as "gun woman". The plain words that are hate ("immigrants are shit", "filthy immigrants") are read by the
predicate rules."""

from __future__ import annotations

import pytest

from .test_generalised import _active, _groups


def _rules(lexicon, text: str) -> set[str]:
    return {h.term for h in lexicon.hits(text) if h.status == "active"}


@pytest.mark.parametrize("text, category", [
    ("muslims 🐷🐷", "religion"),
    ("🐀 jews", "religion"),
    ("black people 🐒🐒🐒 lol", "race"),
    ("gays 🤮", "sexual_orientation"),
    ("shit, 🐷 muslims everywhere", "religion"),
    ("immigrants are 💩", "race"),
])
def test_an_emoji_beside_a_group_is_read(lexicon, text, category):
    assert category in _groups(lexicon, text)


@pytest.mark.parametrize("text, category", [
    ("immigrants are shit", "race"),
    ("muslims are trash", "religion"),
    ("filthy immigrants", "race"),
    ("dirty travellers parked on the field again", "race"),
    ("disgusting jews everywhere", "religion"),
    ("these disgusting men will retreat to their homes", "sex"),
    ("so called rat jews", "religion"),
    ("muslim trash everywhere", "religion"),
    ("monkey faced immigrants", "race"),
])
def test_the_words_as_predicates_are_still_read(lexicon, text, category):
    assert category in _groups(lexicon, text)


@pytest.mark.parametrize("text", [
    "the abuse gay people get online is disgusting",
    "honestly disgusting the way muslims get spoken to in here",
    "that film about refugees was shit tbh",
    "the disabled toilet is disgusting again, someone report it",
    "the bus for the elderly was full of trash this morning",
    "holy shit black people were there too",
    "disgusting gay slurs in that video",
    "it's disgusting black people get stopped more",
    "i love the muslim trash collectors, they work hard",
    "the gay trash talk on that show lol",
])
def test_the_words_beside_a_group_are_not_its_emoji(lexicon, text):
    assert "dehumanise.emoji" not in _rules(lexicon, text)
    assert _groups(lexicon, text) == set()


@pytest.mark.parametrize("text", [
    "🔫 muslims",
    "🔪🔪 jews",
    "gun all the immigrants",
    "kill all muslims",
    "they should kill all muslims",
    "who wants to kill some gays tonight",
    "someone should shoot the gypsies on that site",
])
def test_a_call_for_violence_against_a_group_is_a_threat(lexicon, text):
    assert _active(lexicon, text, "threat")


@pytest.mark.parametrize("text", [
    "#GunWoman proud to shoot",
    "isis militants slaughter christians in nigeria, awful news",
    "did you see police shoot black men at three times the rate",
    "we need to stop people trying to kill refugees in the channel",
    "they hang gay men in iran, it's barbaric",
])
def test_violence_reported_or_a_weapon_named_is_no_call(lexicon, text):
    assert not _active(lexicon, text, "threat")
