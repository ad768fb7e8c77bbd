"""Cautions: a flag from the text model alone that looks like one of its known misreadings says so, for the reviewer.

A fixed-score detector stands in for the text model, so each case says exactly what the model read; the flag itself
never changes."""

from __future__ import annotations

import pytest

from chatprobe.detect.lexicon import Lexicon
from chatprobe.detect.pipeline import CAUTION, Pipeline
from chatprobe.model import Classification

from .test_decision import Scores

HATE = {"religion": 0.85, "sex": 0.8, "discriminatory": 0.8, "abusive": 0.7}
TABLE = {
    "she's in bed with tonsillitis again": {"sexual": 0.6},
    "he's been laid up with his knee all week": {"sexual": 0.6},
    "meet me at the station at six": {"sexual": 0.6},
    "send me a pic of your daughter in bed": {"sexual": 0.6},
    "I want you naked in my bed tonight": {"sexual": 0.99},
    "🧕🏿 sounds good": HATE,
    "🧕 are vermin": HATE,
    "muslims just want to take over": HATE,
    "muslim women like her 🙄": HATE,
}


def decide(text: str):
    d = Pipeline("t", [Lexicon(), Scores(TABLE)]).classify([text])[0]
    return d, {r.label: r for r in d.reasons if r.label in d.labels}


@pytest.mark.parametrize("text", ["she's in bed with tonsillitis again", "he's been laid up with his knee all week"])
def test_sexual_from_the_model_alone_on_talk_of_illness_or_bed_carries_a_caution(text):
    d, why = decide(text)
    assert d.labels == ("sexual",)  # still flagged: a caution sets nothing aside
    assert why["sexual"].caution == CAUTION["bedside"] and why["sexual"].source == "scores"
    assert why["sexual"].to_json()["caution"] == CAUTION["bedside"]


def test_no_caution_without_the_misreading_or_with_explicit_evidence():
    d, why = decide("meet me at the station at six")
    assert d.labels == ("sexual",) and why["sexual"].caution is None and "caution" not in why["sexual"].to_json()
    d, why = decide("I want you naked in my bed tonight")  # the lexicon found it too
    assert "sexual" in d.labels and why["sexual"].caution is None
    d, why = decide("send me a pic of your daughter in bed")  # a child: never softened
    assert "sexual" in d.labels and why["sexual"].caution is None


def test_a_group_named_only_by_an_emoji_carries_a_caution():
    d, why = decide("🧕🏿 sounds good")
    # 🧕 reads "muslim women": a religion (lexicon 2026.12.25), and a group word names its own group only (2026.12.26),
    # so the model's reading of sex beside it needs 0.9
    assert "religion" in d.labels and "sex" not in d.labels
    assert why["religion"].caution == CAUTION["emoji"]


@pytest.mark.parametrize("text", ["🧕 are vermin", "muslims just want to take over"])
def test_no_emoji_caution_where_the_lexicon_found_hate_or_a_word_names_the_group(text):
    d, why = decide(text)
    assert "religion" in d.labels and why["religion"].caution is None


def test_a_finding_gives_each_reason_and_each_caution_once():
    c = Classification(("sexual", "religion"), {}, explanations=(
        {"label": "sexual", "note": "text model 0.60", "caution": "a"},
        {"label": "religion", "note": "text model 0.70", "caution": "a"},
        {"label": "religion", "note": "text model 0.70"},
        {"label": "threat", "note": "not flagged", "caution": "b"}))
    assert c.why(("sexual", "religion")) == (["text model 0.60", "text model 0.70"], ["a"])


def test_a_group_named_in_words_carries_no_emoji_caution():
    d, why = decide("muslim women like her 🙄")
    assert d.labels == ("religion",) and why["religion"].caution is None
