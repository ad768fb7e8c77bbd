"""A word that is a slur only when aimed at someone names a thing where a noun it describes follows, or "of a" and a
thing (lexicon 2026.12.37): "that trash bag", "those psycho thrillers", "the old fossil fuel debate", "a proper nutter
of a night shift", "that loser of a phone". "a prick of a man" is still an insult. Veg, cabbage and tarts in a message
about food name no one, unless a word aims them at a person ("he's a cabbage, can't even eat")."""

from __future__ import annotations

import pytest

from chatprobe.detect.lexicon import fill

from .test_generalised import _active


@pytest.mark.parametrize(("text", "label"), [
    ("these jam tarts are lovely, thanks sarge", "sex"),
    ("there's a load of veg in the fridge, help yourselves", "disability"),
    ("that cabbage soup in the canteen is rank", "disability"),
    ("that vegetable patch at the allotment is doing well", "disability"),
    ("those psycho thrillers on netflix are great", "disability"),
    ("this trash bag is full, can someone take it out", "derogatory"),
    ("proper nutter of a night shift, 14 jobs", "disability"),
    ("your bitch of a shift tomorrow", "sex"),
    ("that loser of a phone keeps dying", "derogatory"),
    ("that bomber jacket is sharp", "religion"),
    ("these ski slopes are icy", "race"),
    ("the old fossil fuel debate again", "age"),
    ("old dinosaur toys from the loft for the raffle", "age"),
    ("my paint stripper ran out", "sexual"),
    ("the slag heap by the old mine", "sex"),
])
def test_a_word_naming_a_thing_is_no_slur(lexicon, text, label):
    assert not _active(lexicon, text, label)
    assert not _active(lexicon, text, "derogatory")


@pytest.mark.parametrize(("text", "label"), [
    ("what a psycho, he ran at the van with a machete", "disability"),
    ("that nutter driver nearly hit me", "disability"),
    ("that tart from accounts", "sex"),
    ("such a div", "disability"),
    ("what a loser", "derogatory"),
    ("a prick of a man", "derogatory"),
    ("she's a right tart, had her dinner with the DI", "derogatory"),
    ("he's a cabbage since the crash, can't even eat", "disability"),
    ("what a tart, she ate my lunch", "sex"),
    ("those vermin in the flats", "derogatory"),
])
def test_a_word_aimed_at_a_person_still_is(lexicon, text, label):
    assert _active(lexicon, text, label)


def test_a_placeholder_may_name_another():
    raw = {"placeholders": {"A": "(?:x|{B})", "B": "(?:y|{C})", "C": "z"}}
    assert fill("{A}!", raw) == "(?:x|(?:y|z))!"
    with pytest.raises(ValueError, match="circle"):
        fill("{A}", {"placeholders": {"A": "{B}", "B": "{A}"}})
