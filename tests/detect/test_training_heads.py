"""The head-training helpers of training/train.py that the shipped file format depends on."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "training"))

import train  # noqa: E402


def test_a_linear_head_folded_into_the_network_scores_exactly_as_the_regression():
    rng = np.random.default_rng(3)
    d, hidden, labels = 384, 16, 5
    net = {"w1": (rng.standard_normal((d, hidden)) * 0.05).astype(np.float32), "b1": rng.standard_normal(hidden).astype(np.float32),
           "w2": rng.standard_normal((hidden, labels)).astype(np.float32),
           "b2": rng.standard_normal(labels).astype(np.float32)}
    coef, intercept = rng.standard_normal(d).astype(np.float32) * 0.1, -1.25
    X = rng.standard_normal((50, d)).astype(np.float32)
    folded = train.fold_linear(net, 2, coef, intercept)
    before, after = train.mlp_proba(net, X), train.mlp_proba(folded, X)
    expected = 1 / (1 + np.exp(-(X @ coef + intercept)))
    assert np.allclose(after[:, 2], expected, atol=1e-5)
    assert np.allclose(np.delete(after, 2, axis=1), np.delete(before, 2, axis=1), rtol=0, atol=1e-6)
    assert folded["w1"].shape == (d, hidden + 2) and folded["w2"].shape == (hidden + 2, labels)
    assert not np.array_equal(after[:, 2], before[:, 2])


def test_the_pipeline_measure_embeds_the_texts_the_pipeline_reads_a_second_time(monkeypatch):
    """train.py measures the whole pipeline on precomputed vectors; the pipeline reads a message with person emoji a
    second time with them neutral, a text that has no precomputed vector (it raised KeyError)."""
    import json

    from chatprobe.detect.encoder import Encoder

    enc = Encoder()
    asked: list[str] = []

    class Recording:
        def encode(self, texts):
            asked.extend(texts)
            return enc.encode(texts)

    monkeypatch.setattr(train, "_encoder", Recording)
    z = np.load(train.MODELS / "heads.npz")
    net = {k: z[k] for k in z.files}
    thr = np.array([json.loads((train.MODELS / "heads.json").read_text())["thresholds"][h] for h in train.HEADS])
    texts = ["👩🏿‍🍳 cooking tonight, who's in?", "see you at the pub"]
    out = train.pipeline_predictions(texts, enc.encode(texts), net, thr)
    assert asked == ["🧑‍🍳 cooking tonight, who's in?"]
    assert not out.any()
