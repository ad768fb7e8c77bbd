"""Phrases in an ordinary sense that the text model reads as a label (lexicon 2026.12.40 and .41, ``[ordinary_sense]``):
"she landed on her backside in the mud" was sexual (0.97), "I'll beat you to it" a threat (0.94), and the rules read
"I'll beat you to the canteen" and "I'll hunt you down a copy of the form" as threats. Where such a phrase is found, the
label's hits inside it are set aside ("ordinary") and the model alone flags no such label in the message; its other
labels are read as before."""

from __future__ import annotations

import pytest

from chatprobe.detect.lexicon import Lexicon
from chatprobe.detect.pipeline import Pipeline

from .test_decision import Scores
from .test_generalised import _active


def _ordinary(lexicon: Lexicon, text: str, label: str) -> bool:
    return any(h.label == label and h.status == "ordinary" for h in lexicon.hits(text))


@pytest.mark.parametrize("text,label", [
    ("I'll beat you to the canteen", "threat"),
    ("I can beat you to the van if you want a race", "threat"),
    ("I'll beat you to it, I'm nearly done", "threat"),
    ("you beat me to the punch", "threat"),
    ("I'll hunt you down a copy of the form", "threat"),
    ("I'll hunt you down some batteries for the radio", "threat"),
    ("she landed on her backside in the mud", "sexual"),
    ("I slipped on the ice and landed right on my bum", "sexual"),
    ("he went flat on his backside in the car park", "sexual"),
    ("stop sitting on your arse and help", "sexual"),
    # lexicon 2026.12.41: knocking on a door, killing the mood, deserving a rest, a challenge, repaying a coffee
    ("I'll knock your door when I'm outside", "threat"),
    ("she'll kill your vibe", "threat"),
    ("she deserves to rest", "threat"),
    ("she deserves a pay rise, she's carried this team", "threat"),
    ("nobody deserves to be beaten", "threat"),
    ("I'll get you back for the coffee tomorrow", "threat"),
    # lexicon 2026.12.44: beating someone at a game, a violence word on food or drink, a team beating another
    ("I'll kick your arse at pool", "threat"),
    ("gonna batter you at FIFA tonight", "threat"),
    ("we'll slaughter them in the quiz", "threat"),
    ("I'd 👊 a pint right now", "threat"),
    ("I could murder a bacon roll", "threat"),
    ("I'd kill for a coffee", "threat"),
    ("we're going to smash them on Saturday", "sexual"),
])
def test_the_ordinary_sense_is_set_aside(lexicon, text, label):
    assert _ordinary(lexicon, text, label) and not _active(lexicon, text, label)


@pytest.mark.parametrize("text,label", [
    ("I'll beat you to death", "threat"),
    ("I'll beat you to a pulp", "threat"),
    ("I'll hunt you down and end you", "threat"),
    ("I'll hunt you down the street and kill you", "threat"),
    ("I'll beat you black and blue", "threat"),
    ("I'll knock your teeth out", "threat"),
    ("she deserves to be beaten", "threat"),
    ("I'll get you back for this, you'll see", "threat"),
    # lexicon 2026.12.44: the British punch verbs, "that PC" as the person, a block knocked off
    ("I'll knock his block off", "threat"),
    ("I'll lamp him next time he mouths off", "threat"),
    ("I'm going to chin that PC", "threat"),
    ("I'll deck him", "threat"),
    ("I might have to headbutt you", "threat"),
    ("I'll kill you in the car park after the darts", "threat"),  # the darts are when, not what
])
def test_the_threat_is_still_read(lexicon, text, label):
    assert _active(lexicon, text, label) and not _ordinary(lexicon, text, label)


# lexicon 2026.12.44: "smack" stays out of the punch verbs ("when I smack her ass", "reddit would smack them down"), a
# deck is also a thing to decorate, and a chin is kept up
@pytest.mark.parametrize("text", ["would you smack her ass?", "deck the halls 🎄", "chin up mate, it'll be fine",
                                  "she nutted out the rota in an hour"])
def test_no_punch_without_a_punch(lexicon, text):
    assert not _active(lexicon, text, "threat")


def test_a_crib_is_a_house_not_cribbage(lexicon):
    assert not _ordinary(lexicon, "eagles lose and it'll be kill the cracker at the crib", "threat")


@pytest.mark.parametrize("text", ["I'll knock your door down and drag you out", "we'll knock his door in tonight"])
def test_a_door_knocked_down_is_no_ordinary_knock(lexicon, text):
    assert not _ordinary(lexicon, text, "threat")  # the text model's reading stands


def test_a_threat_beside_the_idiom_is_still_read(lexicon):
    """Only hits inside the phrase are set aside."""
    text = "I'll beat you to the canteen and then I'll kill you"
    assert _active(lexicon, text, "threat")


@pytest.mark.parametrize("text", ["he went off on his ass about the rota", "she can sit on my face"])
def test_no_fall_without_a_fall(lexicon, text):
    assert not _ordinary(lexicon, text, "sexual")


def test_the_model_alone_flags_not_the_label_but_the_others_as_before():
    text = "women always land on their backside on the ice"
    reads = {"sexual": 0.97, "sex": 0.8, "discriminatory": 0.8, "abusive": 0.8}
    d = Pipeline("test", [Lexicon(), Scores({text: reads})], {"language_gate": False}).classify([text])[0]
    assert "sexual" not in d.labels and d.scores["sexual"] < 0.5
    assert next(r for r in d.reasons if r.label == "sexual").set_aside == "ordinary"
    assert "sex" in d.labels  # no context raised for the message's other labels: the model's sex reading stands
