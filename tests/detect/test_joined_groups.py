"""A group's name run onto the words beside it is read as words (lexicon 2026.12.35): "ihatewomen", "I hatemuslims",
"Gaypeople are cockroaches" raised nothing, because the rules read words and "hatemuslims" is none, and the text model
read the token as fragments. A token that is no word is read as two or three words run together only when each is a
common chat word or a word of a group's name and together they name a group."""

from __future__ import annotations

import pytest

from .test_generalised import _groups


@pytest.mark.parametrize("text, category", [
    ("ihatewomen", "sex"),
    ("I hatemuslims", "religion"),
    ("Gaypeople are cockroaches", "sexual_orientation"),
    ("Romaniansare nothing but animals", "race"),
    ("we should kill allimmigrants", "race"),
])
def test_a_name_run_onto_its_neighbours_is_read(lexicon, text, category):
    assert category in _groups(lexicon, text)


@pytest.mark.parametrize("text", [
    "blackpool are shit this season",
    "womenintech meetup on thursday",
    "Carmen is running late",
    "meet at the whitehouse pub",
    "Jewson have the timber for the shed",
    "i love gaypeople",
    '"Muslimsshould be shot"? that\'s a vile thing to say',
    "if you thinkwomen are scum you're the problem",
])
def test_run_together_words_elsewhere_are_left_alone(lexicon, text):
    assert _groups(lexicon, text) == set()


def test_the_text_model_reads_the_words_apart(lexicon):
    assert lexicon.respelt("I hatemuslims") == "I hate muslims"
    assert lexicon.respelt("Gaypeople are cockroaches") == "Gay people are cockroaches"
    # no group named: left as written
    assert lexicon.respelt("Blackpool and the whitehouse pub") == "Blackpool and the whitehouse pub"
    assert lexicon.respelt("lookatthis") == "lookatthis"
    # a misspelling is respelt first, as the rules read it: "Imigrants" is no "I migrants"
    assert lexicon.respelt("Imigrants ruin every place") == "Immigrants ruin every place"
    # a @handle's words run together by design
    assert lexicon.respelt("@JustOneAsian sorry") == "@JustOneAsian sorry"


def test_only_words_that_name_a_group_are_read_apart(lexicon):
    d = lexicon.data
    assert d.unjoined("hatemuslims") == "hate muslims"
    assert d.unjoined("immigrantsare") == "immigrants are"
    assert d.unjoined("lookatthis") is None
    assert d.unjoined("blackpool") is None
    assert d.unjoined("imigrants") is None
    assert d.unjoined("jewson") is None  # a builders' merchant, not "jews on"
