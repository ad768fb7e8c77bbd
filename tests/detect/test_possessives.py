"""A threat names a person or what violence reaches (lexicon 2026.12.37). ``threat.person`` read "your", "his",
"their" and "her" before any noun as its victim, so "I'll end his career", "I'll cut your hair on saturday", "I'll hang
your coat up" and "she'll kill your vibe" were threats of violence; "I'll shoot you a text later" too. After those
words a threat now needs a body part, a relative, a pet, a home or a car; "her", which is also the person, is read
unless an everyday thing of hers follows. ``sexual.harassment`` read "your arse" alone, so "get your arse in gear" was
sexual content: not after the verbs that make it an idiom."""

from __future__ import annotations

import pytest

from .test_generalised import _active


@pytest.mark.parametrize("text", [
    "I'll end his career",
    "I'll cut your hair on saturday if you want",
    "we'll beat your score easily",
    "I'll break your heart if I leave early",
    "I'm going to burn your dinner at this rate",
    "I'll hurt your feelings but the report is rubbish",
    "I'll hang your coat up",
    "I'll shoot your email over now",
    "I'll shoot you a text later",
    "she'll kill your vibe",
    "I'll hurt her feelings if I say no",
    "she's going to kill you when she sees the state of the van",
    "you're dead meat at five-a-side tonight",
])
def test_an_everyday_thing_of_yours_is_no_victim(lexicon, text):
    assert not _active(lexicon, text, "threat")


@pytest.mark.parametrize("text", [
    "I'll kick your head in",
    "I'll break your legs",
    "I'll smash your stupid face in",
    "I'll burn your house down",
    "I'll kill your dog",
    "I'll kill your whole family",
    "I'll kick your ass",
    "I'll cut your throat",
    "I'll kill her tomorrow",
    "I'll batter her",
    "I'll kill you when I find you",
    "I'll batter him when he gets home",
    "you're dead meat",
])
def test_a_threat_to_you_yours_or_her_is_still_read(lexicon, text):
    assert _active(lexicon, text, "threat")


@pytest.mark.parametrize("text", [
    "get your arse in gear, briefing in 5",
    "he's talking out of his arse again",
    "move your arse, the van's leaving",
    "get off your arse and do some work",
    "I'll kick your arse at pool",
])
def test_arse_in_an_idiom_is_not_sexual(lexicon, text):
    assert not _active(lexicon, text, "sexual")


@pytest.mark.parametrize("text", [
    "look at her arse in those trousers",
    "I'd love to grab her arse",
    "nice arse on the new PCSO",
    "her tits in that top",
])
def test_a_remark_on_her_body_is_still_sexual(lexicon, text):
    assert _active(lexicon, text, "sexual")
