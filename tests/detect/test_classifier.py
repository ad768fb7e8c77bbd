"""The text model on long messages: every window is read, and the combination is the documented one."""

import numpy as np
import pytest

from chatprobe.detect.base import TextItem
from chatprobe.detect.classifier import TextModel, window_choice

PREAMBLE = ("Morning all, quick update from the early shift: the van is back from the garage, the briefing is moved to "
            "nine in room four, and the overtime sheet for next week is on the board by the kettle, so please fill it "
            "in before Friday. Parking is still a nightmare because of the resurfacing, so use the multi-storey and "
            "keep your receipts for the claim form. Also ")


@pytest.fixture(scope="module")
def model():
    return TextModel()


def test_window_choice_reads_each_label_where_the_documentation_says():
    labels = ["race", "religion", "derogatory", "counter_speech", "discriminatory"]
    scores = np.array([[0.9, 0.1, 0.2, 0.2, 0.1],   # text 0, window 0: a race head guessing on innocent words
                       [0.2, 0.8, 0.7, 0.4, 0.9],   # text 0, window 1: the hateful passage
                       [0.5, 0.5, 0.5, 0.5, 0.5]])  # text 1: one window
    out, which = window_choice(scores, np.array([0, 0, 1]), 2, labels)
    # content: the highest window; the group: read where the umbrella is highest; the stance: the mean
    np.testing.assert_allclose(out[0], [0.2, 0.8, 0.7, 0.3, 0.9])
    assert list(which[0]) == [1, 1, 1, -1, 1]
    np.testing.assert_allclose(out[1], scores[2])


def test_abuse_after_the_first_64_tokens_is_read(model):
    tail = "you are a worthless piece of shit, the lot of you"
    assert len(model.encoder.windows([PREAMBLE + tail])[0]) >= 2
    k = model.labels.index("derogatory")
    truncated = TextModel(windows=False).scores([PREAMBLE + tail])[0, k]
    windowed = model.scores([PREAMBLE + tail])[0, k]
    assert truncated < 0.5 <= windowed
    (found,) = [d for d in model.detect([TextItem("m", PREAMBLE + tail)])[0] if d.label == "derogatory"]
    assert found.explanation.passage is not None and found.explanation.passage.endswith("the lot of you")
    assert "passage" in found.explanation.to_json()


def test_a_long_harmless_message_stays_clean(model):
    text = PREAMBLE + "see you all at the leaving do on Thursday, the first round is on the sergeant"
    row = model.scores([text])[0]
    content = [k for k, label in enumerate(model.labels) if label in ("derogatory", "threat", "sexual", "abusive")]
    assert row[content].max() < 0.5, dict(zip(model.labels, row.round(2)))


def test_short_messages_score_as_before(model):
    texts = ["ok", "see you at the briefing at 7", "you absolute muppet"]
    np.testing.assert_array_equal(model.scores(texts), model.heads.calibrated(model.encoder.encode(texts)))
    assert all(d.explanation.passage is None for ds in model.detect([TextItem("a", t) for t in texts]) for d in ds)


def test_the_pipeline_flags_it_and_says_where(pipeline):
    (d,) = pipeline.classify([PREAMBLE + "you are a worthless piece of shit, the lot of you"])
    assert "derogatory" in d.labels
    (reason,) = [r for r in d.reasons if r.label == "derogatory"]
    assert "in the passage “" in reason.note and "worthless piece of shit" in reason.note
