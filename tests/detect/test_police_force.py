"""Force a police officer uses is no threat; force beyond what the job needs is (lexicon 2026.12.38).

The text model read orders to use force as threats of violence: "if he resists, ground him and cuff him" (1.00),
"drag him out if he won't unlock the door" (0.97), "Taser him if he goes for the knife again" (0.89). A message that
speaks of such force with its reason, and says nothing beyond it, has the threat set aside ("ordinary": the words in
their working sense), so the model alone flags no threat there (lexicon 2026.12.40: and no other label's bar is raised). Force on a person held, for fun or off camera is a
threat by a rule of its own (``threat.custody``): "cuff him and give him a few digs in the van where there's no
camera", "get him in the cell and we'll teach him some manners", "I'm tasering him in the face"."""

from __future__ import annotations

import pytest

from chatprobe.detect.lexicon import Lexicon
from chatprobe.detect.pipeline import Pipeline

from .test_decision import Scores
from .test_generalised import _active

OPERATIONAL = [
    "Taser him if he goes for the knife again",
    "drag him out if he won't unlock the door",
    "PAVA him if he kicks off",
    "if he resists, ground him and cuff him",
    "put him in leg restraints, he's kicking the cage",
    "Put her in the back of the car and cuff her to the front",
    "pin him down till the paramedics sedate him",
]


def _police_force(lexicon: Lexicon, text: str) -> bool:
    return any(h.rule == "lexicon.police_force" and h.status == "ordinary" for h in lexicon.hits(text))


@pytest.mark.parametrize("text", OPERATIONAL)
def test_force_with_its_reason_is_set_aside(lexicon, text):
    assert _police_force(lexicon, text) and not _active(lexicon, text, "threat")


@pytest.mark.parametrize("text", [
    "if he turns up at my door again I'll taser him",  # no reason the job gives: the model decides
    "cuff that gobby scrote if he kicks off",  # contempt for the person
    "taser him for a laugh if he kicks off",
    "drag her out by the hair if she won't come",  # force on the hair or the throat is beyond the job (2026.12.42)
    "grab him by the throat if he kicks off again",
    "she got a restraining order against him after the knife incident",  # no force: a court order
])
def test_no_working_sense_without_a_reason_or_with_more_than_the_job(lexicon, text):
    assert not _police_force(lexicon, text)


@pytest.mark.parametrize("text", [
    "cuff him and give him a few digs in the van where there's no camera",
    "get him in the cell and we'll teach him some manners",
    "next time he gobs off I'm tasering him in the face",
    "Taser the little scrote again for a laugh",
    "give him a dig in the ribs while he's cuffed, no one will see",
    "next one who calls me a pig gets battered in the cell",
    "turn the bodycam off and give him a slap in the van",
    "put him in a chokehold in the cell till he passes out",
])
def test_force_beyond_the_job_is_a_threat(lexicon, text):
    assert _active(lexicon, text, "threat")


@pytest.mark.parametrize("text", [
    "don't give him a slap in the cell, he's not worth the complaint",  # negated
    "the DP claims officers gave him a few digs in the van",  # reported
    "kill them for fun or for their cell phones",  # a phone, not a cell
    "he was tasered twice before he went down",
    "detainee choked on his sandwich in the cell, ambulance called",  # choking, not choking him
])
def test_no_custody_threat_read_where_there_is_none(lexicon, text):
    assert not any(h.rule == "lexicon.threat.custody" and h.status == "active" for h in lexicon.hits(text))


def test_the_model_alone_flags_no_threat_where_force_is_in_its_working_sense():
    """A fixed-score model reads both as threats, as the shipped one read the orders above."""
    texts = ["if he resists, ground him and cuff him", "if he turns up again I'll taser him"]
    pipe = Pipeline("test", [Lexicon(), Scores({t: {"threat": 0.99} for t in texts})], {"language_gate": False})
    order, beyond = pipe.classify(texts)
    assert order.labels == () and order.scores["threat"] < 0.5
    why = next(r for r in order.reasons if r.label == "threat")
    assert why.set_aside == "ordinary" and "force a police officer uses" in why.note  # the reviewer sees why
    assert beyond.labels == ("threat",)


# lexicon 2026.12.45: a person in custody handled ("take her arms", "walk her to the cells", "cuffed to the front");
# taking someone to a police place is its own reason, and a sexual reading of the model is set aside there too, unless
# the message says more than the job in that way
HANDLING = [
    "take her arms and walk her to the van if she resists",
    "walk her to the cells, she's calmed down now",
    "take his arms and sit him on the bench",
    "Put her in the back of the car and cuff her to the front",
]


def _police_force_of(lexicon: Lexicon, text: str) -> set[str]:
    return {h.label for h in lexicon.hits(text) if h.rule == "lexicon.police_force" and h.status == "ordinary"}


@pytest.mark.parametrize("text", HANDLING)
def test_handling_a_person_in_custody_is_no_threat_and_nothing_sexual(lexicon, text):
    assert _police_force_of(lexicon, text) == {"threat", "sexual"}


@pytest.mark.parametrize("text,labels", [
    ("put her in the back and I'll search her myself 😏", {"threat"}),  # the leer says more than the job
    ("walk her to the cells and have some fun with her", {"threat"}),
    ("cuff her to the bed and see what she does", set()),  # no reason, no police place
    ("take him behind the van and give him a kicking", set()),  # beyond the job
])
def test_handling_with_more_than_the_job_keeps_its_reading(lexicon, text, labels):
    assert _police_force_of(lexicon, text) == labels


def test_the_model_alone_flags_nothing_sexual_where_a_person_is_handled():
    texts = ["Put her in the back of the car and cuff her to the front", "put her in the back and I'll search her myself 😏"]
    pipe = Pipeline("test", [Lexicon(), Scores({t: {"sexual": 0.95} for t in texts})], {"language_gate": False})
    handled, leer = pipe.classify(texts)
    assert handled.labels == () and leer.labels == ("sexual",)
