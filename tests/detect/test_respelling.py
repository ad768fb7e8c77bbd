"""A group's name misspelt by one letter still names the group (lexicon 2026.12.30), and nothing else turns into one.

Before, "muslms are all terrorists", "i hate blakc people" and "gay ppl are absolutly disgusting" raised nothing: the
misspelt word named no group, so no phrase rule matched and the text model alone had to reach 0.9 — and the model
read the misspelt name as noise either way ("Black peope make this force better" hateful 0.75)."""

from __future__ import annotations

import pytest

from chatprobe.detect.lexicon import Lexicon
from chatprobe.detect.pipeline import Pipeline

from .test_decision import Scores


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon()


@pytest.mark.parametrize("text,category", [
    ("muslms are all terrorists", "religion"),        # an inner letter dropped
    ("i hate blakc people", "race"),                   # two neighbours swapped
    ("Msulims are a disgrace to this country", "religion"),
    ("why are wmoen such filth?", "sex"),
    ("immigrannts are vermin", "race"),                # a letter added
    ("gay ppl are vermin", "sexual_orientation"),      # chat shorthand
    ("trans peple are freaks", "gender_identity"),
    ("mus1ims are a disease", "religion"),           # a "1" for an "l" (folding reads it as an "i")
    ("b1acks are animals", "race"),
])
def test_a_misspelt_group_name_names_its_group(lexicon, text, category):
    assert category in lexicon.mentions(text)


@pytest.mark.parametrize("text", [
    "the proles are idiots",               # "proles" is one letter from "poles", an ordinary word too
    "the truks are late again",            # "trucks" mistyped is not "turks"
    "eenie meenie minie mo",
    "do you speak hindi",                  # no substitutions: "hindi" is not "hindu"
    "off to india next week",              # nor a last letter dropped: "india" is not "indian"
    "whitey and blacky are the cats",      # nor one added at the end
    "what a moron",                        # a real word is never respelt ("mormon" less one letter)
    "my back hurts",                       # "black" less one letter is a word
])
def test_nothing_else_is_respelt_into_a_group(lexicon, text):
    assert lexicon.mentions(text) == {}
    assert lexicon.respelt(text) == text


def test_the_text_model_reads_the_name_spelt_right(lexicon):
    """The score detectors read "Black people …" where the message says "Black peope …"; the explicit ones read it
    as written, for their spans quote it."""
    assert lexicon.respelt("Black peope make this force better, MUSLMS too") == \
        "Black people make this force better, MUSLIMS too"
    assert lexicon.respelt("gay ppl") == "gay ppl"  # shorthand the model learnt is left as written
    assert lexicon.respelt("B1ACKS out, covid19 mp3s") == "BLACKS out, covid19 mp3s"
    written = "Black peope make this force better"
    read = "Black people make this force better"
    # a model that reads the misspelling as hate and the right spelling as nothing
    pipe = Pipeline("test", [lexicon, Scores({written: {"sexual": 0.9}, read: {}})], {"language_gate": False})
    assert pipe.classify([written])[0].labels == ()


def test_a_quoted_misspelt_line_that_is_challenged_is_left_alone(lexicon):
    text = "quoting 'Musilms are animals' in here isn't banter"
    hits = [h for h in lexicon.hits(text) if h.label == "religion"]
    assert hits and all(h.status == "counter" for h in hits)


def test_a_message_of_known_words_reads_as_the_word_by_word_reading():
    """Words already read and left alone are skipped as a set; a message with one new or misspelt word among them
    still has each word read (the shortcut must never hide a misspelling behind words seen before)."""
    from chatprobe.detect.lexicon import TYPO_WORD, WRITTEN_WORD
    from chatprobe.detect.text import fold_text

    lex = Lexicon()
    texts = ["the van is outside custody", "the van is outside custody, muslms in it", "the van is outside custody",
             "Black peope in the van", "black people in the van", "MUSLMS", "the muslms van", "B1ACKS van"]
    for _ in range(2):  # the second pass meets every word already read
        for t in texts:
            assert lex.respelt(t) == WRITTEN_WORD.sub(lambda m: lex._respelt_written(m.group(0)), t)
            f = fold_text(t)
            assert lex._respell(f) == TYPO_WORD.sub(lambda m: lex._spelt(m.group(0)), f)
    assert lex.respelt("the van is outside custody, muslms in it") == "the van is outside custody, muslims in it"
