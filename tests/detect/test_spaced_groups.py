"""A group's name spelt out with spaces is read as the name (lexicon 2026.12.34): "i hate g a y s" raised nothing,
because spaced letters were read as a word only when it was an English or lexicon word, while "i hate m u s l i m s"
was read. And "i don't respect <group>" is hatred expressed, as "i can't stand <group>" is."""

from __future__ import annotations

import pytest

from .test_generalised import _groups


@pytest.mark.parametrize("text, category", [
    ("i hate g a y s", "sexual_orientation"),
    ("L e s b i a n s are disgusting", "sexual_orientation"),
    ("kill all g y p s i e s", "race"),
    ("i have no respect for Hindus", "religion"),
    ("I don't respect trans people and never will", "gender_identity"),
])
def test_a_spaced_name_and_no_respect_are_read(lexicon, text, category):
    assert category in _groups(lexicon, text)


@pytest.mark.parametrize("text", [
    "the B B C said it's going to snow",
    "i don't respect the new rota at all",
    "we have no respect for the refs after last night",
    "a s a p please, the van's outside",
])
def test_letters_and_respect_elsewhere_are_left_alone(lexicon, text):
    assert _groups(lexicon, text) == set()


def test_the_text_model_reads_a_spaced_name_joined(lexicon):
    """The text model read "i hate g a y s" as hate of race (0.92); it reads the name joined, as the rules do. Other
    spaced letters stay as written: the model learnt them."""
    assert lexicon.respelt("i hate g a y s") == "i hate gays"
    assert lexicon.respelt("M u s l i m s are vermin") == "Muslims are vermin"
    assert lexicon.respelt("I h a t e them, the B B C said so") == "I h a t e them, the B B C said so"
