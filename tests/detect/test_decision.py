"""The pipeline's decision rule where the text model confuses two labels: violence and sex.

A fixed-score detector stands in for the text model, so each case says exactly what the model read."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from chatprobe.detect.base import Detection, Detector, Explanation, TextItem
from chatprobe.detect.lexicon import Lexicon
from chatprobe.detect.pipeline import Pipeline


class Scores(Detector):
    """Scores per text, as a text model would give them."""
    name = "scores"
    version = "1"
    labels = ("sexual", "threat")
    evidence = "score"

    def __init__(self, table: dict[str, dict[str, float]], passage: str | None = None) -> None:
        self.table, self.passage = table, passage

    def detect(self, items: Sequence[TextItem]) -> list[tuple[Detection, ...]]:
        return [tuple(Detection(it.id, label, s, Explanation(self.name, self.version, "scores", f"fixed {s}",
                                                             passage=self.passage))
                      for label, s in self.table.get(it.text, {}).items()) for it in items]


def decide(text: str, scores: dict[str, float], scorer: type[Scores] | None = None, **options) -> tuple[str, ...]:
    """The labels of the lexicon and a fixed-score model (``Scores``, or a subclass for other labels) for ``text``."""
    pipe = Pipeline("test", [Lexicon(), (scorer or Scores)({text: scores})], {"language_gate": False, **options})
    return pipe.classify([text])[0].labels


@pytest.mark.parametrize("text,scores,labels", [
    # both from the model alone: the stronger of the two
    ("lock the lass in and set the house alight", {"threat": 0.95, "sexual": 0.7}, ("threat",)),
    ("I want to hear you moan tonight", {"threat": 0.6, "sexual": 0.8}, ("sexual",)),
    # explicit evidence of one: the model alone must be sure of the other
    ("throw acid in her face", {"threat": 0.6, "sexual": 0.7}, ("threat",)),
    ("bend me over the sofa", {"threat": 0.7, "sexual": 0.6}, ("sexual",)),
    # sure enough, or both explicit: both stand
    ("watch the lass burn, then have her", {"threat": 0.95, "sexual": 0.92}, ("threat", "sexual")),
    ("I'll stab you and then take you from behind", {"threat": 0.6, "sexual": 0.7}, ("threat", "sexual")),
    # one label alone is untouched
    ("see you at the pub", {"threat": 0.0, "sexual": 0.6}, ("sexual",)),
])
def test_the_model_alone_gives_the_stronger_of_violence_and_sex(text, scores, labels):
    assert set(decide(text, scores)) == set(labels)


def test_the_rule_can_be_turned_off():
    text, scores = "lock the lass in and set the house alight", {"threat": 0.95, "sexual": 0.7}
    assert set(decide(text, scores, sort_violence_from_sex=False)) == {"threat", "sexual"}


def test_the_label_set_aside_says_why():
    text = "lock the lass in and set the house alight"
    pipe = Pipeline("test", [Lexicon(), Scores({text: {"threat": 0.95, "sexual": 0.7}})], {"language_gate": False})
    why = next(r for r in pipe.classify([text])[0].reasons if r.label == "sexual")
    assert why.set_aside == "violence or sex" and "more strongly as threat" in why.note


def test_the_label_set_aside_on_a_long_message_names_the_passage():
    """A long message is read in windows; the reason for setting a label aside quotes the one the model read."""
    text = "long day on the wards, then home, " * 6 + "lock the lass in and set the house alight"
    passage = "… lock the lass in and set the house alight"
    pipe = Pipeline("test", [Lexicon(), Scores({text: {"threat": 0.95, "sexual": 0.7}}, passage)],
                    {"language_gate": False})
    why = next(r for r in pipe.classify([text])[0].reasons if r.label == "sexual")
    assert why.set_aside == "violence or sex" and f"in the passage “{passage}”" in why.note


class HateScores(Scores):
    labels = ("disability", "sexual_orientation", "religion", "discriminatory", "abusive")


@pytest.mark.parametrize("text,flagged", [
    # an ambiguous slur aimed at nobody is no lexicon hit, but it names the group the model reads the message as hating
    ("why do we pay for cripples to sit at home all day", True),
    ("loonies from the day centre are out again, lock your cars", True),  # "mongs" is a slur since 2026.12.49
    # with no group named at all, the model alone must reach 0.9
    ("why do we pay for them to sit at home all day", False),
    # the word in its ordinary sense names nobody ("queen" is a slur only of a man)
    ("the queen opened parliament, and it was awful", False),
])
def test_an_unaimed_ambiguous_slur_names_the_group_for_the_model(text, flagged):
    scores = {"disability": 0.8, "sexual_orientation": 0.8, "discriminatory": 0.8, "abusive": 0.8}
    pipe = Pipeline("test", [Lexicon(), HateScores({text: scores})], {"language_gate": False})
    c = pipe.classify([text])[0]
    assert bool({"disability", "sexual_orientation"} & set(c.labels)) is flagged, c.reasons
    # and the lexicon alone still flags no unaimed ambiguous word
    alone = Pipeline("test", [Lexicon()], {"language_gate": False}).classify([text])[0]
    assert not alone.labels


def test_a_slur_names_its_own_group_only():
    """A slur aimed at nobody names its own group only: "nutters" is no evidence that a message is about religion; nor,
    since lexicon 2026.12.25, is an identity word ("top bloke" beside "the black lad at the garage" let the model's race
    reading through)."""
    scores = {"disability": 0.8, "religion": 0.8, "discriminatory": 0.8, "abusive": 0.8}
    text = "nutters like him should be sterilised"
    labels = decide(text, scores, HateScores)
    assert "disability" in labels and "religion" not in labels
    text = "disabled people like him should be sterilised"
    labels = decide(text, scores, HateScores)
    assert "disability" in labels and "religion" not in labels
    # a phrase rule that found hate against a group lifts the bar for every category
    labels = decide("disabled people are vermin", scores, HateScores)
    assert {"disability", "religion"} <= set(labels)


def test_a_slur_the_lexicon_finds_names_its_own_group_only():
    """An active slur lifts the model-only bar for its own category, not for every one: "you f🅰️ggots need to chill out"
    was flagged race as well, the text model reading the emoji's gloss as race (0.79) once the slur named a group."""
    text = "you faggots need to chill out"
    scores = {"sexual_orientation": 0.6, "religion": 0.79, "discriminatory": 0.9, "abusive": 0.82}
    labels = decide(text, scores, HateScores)
    assert labels == ("sexual_orientation",)
    # an identity word names its own group only, too (lexicon 2026.12.25)
    text = "gay people need to chill out"
    labels = decide(text, scores, HateScores)
    assert "religion" not in labels
