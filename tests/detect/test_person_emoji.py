"""Person emoji: what one shows of its person (a skin tone, a sex) may say whom a message is about, never by itself
that it is hostile (2026-12-06; the model card's "Person emoji" section).

A fixed-score detector stands in for the text model, so each case says exactly what the model read; the shipped
model is tested on the fresh probes in tests/fixtures/own_person_emoji.txt (test_generalisation.py)."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from chatprobe.detect.base import Detection, Detector, Explanation, TextItem
from chatprobe.detect.lexicon import Lexicon
from chatprobe.detect.pipeline import Pipeline
from chatprobe.detect.text import neutral_people


@pytest.mark.parametrize("text,neutral", [
    ("👩🏿‍🍳 cooking tonight", "🧑‍🍳 cooking tonight"),  # a trade: tone gone, woman → person
    ("🙅🏾‍♀️ not doing nights", "🙅 not doing nights"),  # a gesture: tone and sex sign gone
    ("🤷🏿 no idea", "🤷 no idea"),
    ("👦🏿 scored twice", "🧒 scored twice"),
    ("👵 my nan says thanks", "🧓 my nan says thanks"),
    ("on my way 👩", "on my way 🧑"),
    ("🧑‍🦽 are a burden", "🧑‍🦽 are a burden"),  # shows no tone or sex: as it was
    ("👨‍❤️‍👨 is not ok", "👨‍❤️‍👨 is not ok"),  # a couple says who is paired with whom: kept
    ("👩‍👩‍👧 at the fair", "👩‍👩‍👧 at the fair"),  # so does a family
    ("🏳️‍🌈 = 🤮", "🏳️‍🌈 = 🤮"),  # not a person
    ("the ♀ sign on the door", "the ♀ sign on the door"),  # a sex sign on its own is no person emoji
    ("no emoji at all", "no emoji at all"),
])
def test_a_person_emoji_made_neutral(text, neutral):
    assert neutral_people(text) == neutral


class Scores(Detector):
    """Scores per text, as a text model would give them."""
    name = "scores"
    version = "1"
    labels = ("race", "sex", "discriminatory", "abusive")
    evidence = "score"

    def __init__(self, table: dict[str, dict[str, float]]) -> None:
        self.table = table
        self.read: list[str] = []

    def detect(self, items: Sequence[TextItem]) -> list[tuple[Detection, ...]]:
        self.read.extend(it.text for it in items)
        return [tuple(Detection(it.id, label, s, Explanation(self.name, self.version, "scores", f"fixed {s}"))
                      for label, s in self.table.get(it.text, {}).items()) for it in items]


BIASED = {"race": 0.95, "discriminatory": 0.99, "abusive": 0.94}  # what the shipped model read on the line below


def decide(table: dict[str, dict[str, float]], text: str, **options):
    scores = Scores(table)
    pipe = Pipeline("test", [Lexicon(), scores], {"language_gate": False, **options})
    return pipe.classify([text])[0], scores


def test_a_members_own_emoji_is_no_racism_when_the_neutral_message_is_not_hostile():
    text = "👩🏿‍🍳 cooking tonight, who's in?"
    d, scores = decide({text: BIASED, "🧑‍🍳 cooking tonight, who's in?": {}}, text)
    assert d.labels == () and scores.read == [text, "🧑‍🍳 cooking tonight, who's in?"]
    why = next(r for r in d.reasons if r.label == "race") if d.reasons else None
    assert why is None  # nothing flagged, nothing set aside to explain
    assert d.scores["race"] < 0.5


def test_a_hostile_message_stays_flagged_with_its_emoji_made_neutral():
    text = "🙅🏿‍♀️ lot never learn"
    d, _ = decide({text: BIASED, "🙅 lot never learn": {"discriminatory": 0.93, "abusive": 0.96}}, text)
    assert d.labels == ("race",)
    assert "0.93 with its person emoji neutral" in next(r for r in d.reasons if r.label == "race").note


def test_the_neutral_reading_can_be_turned_off():
    text = "👩🏿‍🍳 cooking tonight, who's in?"
    d, scores = decide({text: BIASED}, text, neutral_person_emoji=False)
    assert d.labels == ("race",) and scores.read == [text]


def test_a_message_without_person_emoji_is_read_once():
    text = "they are all the same, every one of them"
    d, scores = decide({text: BIASED}, text)
    assert d.labels == ("race",) and scores.read == [text]


def test_a_named_group_is_not_read_again():
    """Only the model-alone path with no group named is read again: where the words name a group, the target heads
    and the umbrella decide as before (measured: neutralising there too cost emoji-abuse recall)."""
    text = "👩🏿 lot never learn"
    d, scores = decide({text: {**BIASED, "race": 0.6}}, text)
    assert d.labels == ("race",) and scores.read == [text]
    assert "naming 'black women'" in d.reasons[0].note


def test_a_dark_toned_trade_emoji_names_the_trade_to_the_models_gate_but_not_to_the_rules():
    lexicon = Lexicon()
    assert lexicon.mentions("👩🏾‍🏫 parents evening tonight so leaving at 5") == {}
    assert lexicon.mentions("👩🏾 parents evening tonight") == {"race": "black women"}  # a person alone: as before
    assert {h.label for h in lexicon.hits("👩🏾‍🎨 are animals") if h.status == "active"} == {"race"}
