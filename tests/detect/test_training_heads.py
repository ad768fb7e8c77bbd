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


def _toy(n: int = 400, seed: int = 5) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Vectors and labels shaped like train.py's: every head known, half the rows hateful, one label learnable."""
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, 384)).astype(np.float32)
    Y = (rng.random((n, len(train.HEADS))) < 0.3).astype(np.int8)
    Y[:, train.HEADS.index("discriminatory")] = (X[:, 0] > 0).astype(np.int8)
    return X, Y, np.ones(n), np.arange(n) < n * 3 // 4


def test_the_heads_seed_is_an_argument_and_a_seed_gives_the_same_network(monkeypatch):
    monkeypatch.setattr(train, "EPOCHS", 2)
    X, Y, w, rows = _toy()
    a, b, c = (train.train_mlp(X, Y, w, rows, seed=s) for s in (1, 1, 2))
    assert all(np.array_equal(a[k], b[k]) for k in a)
    assert not np.array_equal(a["w1"], c["w1"])
    thr = train.thresholds(Y[~rows], train.mlp_proba(a, X[~rows]), quiet=True)
    assert thr.shape == (len(train.HEADS),) and ((thr > 0) & (thr < 1)).all()


def test_seed_spread_scores_with_the_heads_it_trained_in_memory(monkeypatch):
    """training/seed_spread.py puts a trained network in the text model without writing the package's files: the
    run-time heads it builds score exactly as the network's probabilities under train.py's thresholds."""
    import seed_spread

    from chatprobe.detect.classifier import load_heads

    monkeypatch.setattr(train, "EPOCHS", 1)
    X, Y, w, rows = _toy()
    net = train.train_mlp(X, Y, w, rows, seed=3)
    thr = np.full(len(train.HEADS), 0.4)
    heads = seed_spread.heads_of(net, thr, "seed3")
    p = train.mlp_proba(net, X).astype(np.float64)
    expected = np.where(p < thr, p / (2 * thr), 0.5 + (p - thr) / (2 * (1 - thr)))
    assert np.allclose(heads.calibrated(X), expected, atol=1e-5)
    assert heads.labels == load_heads().labels and heads.sha256 != load_heads().sha256
    assert heads.version.endswith("-seed3")


def test_the_protocol_gives_small_sets_an_interval():
    import protocol

    lo, hi = protocol.interval(16 / 23, 23)
    assert (round(lo, 3), round(hi, 3)) == (0.491, 0.844)  # Wilson, z = 1.96
    assert protocol.interval(1.0, 26)[1] == 1.0 and protocol.interval(0.0, 5)[0] == 0.0
    assert protocol.interval(0.5, 0) == (0.0, 1.0)
    assert "69.6% of 23 (95% interval 49%-84%)" == protocol._share({"hateful": 23, "hateful_caught": 16 / 23},
                                                                   "hateful_caught")


def test_seed_spread_compares_a_change_with_chance():
    import seed_spread

    names = [k for k, _ in seed_spread.FIGURES]
    flags, caught = next(k for k in names if k.startswith("ordinary")), names[0]  # lower better, higher better

    def run(n_flags: float, share: float = 0.5) -> dict:
        return {"figures": {**{k: 0.5 for k in names}, flags: n_flags, caught: share}}

    base = [{"runs": {"shipped": run(0.0), "seed 0": run(2.0), "seed 1": run(4.0)}}, {"runs": {"seed 0": run(3.0)}}]
    rows = {r["figure"]: r for r in seed_spread.compare({"runs": {"seed 0": run(1.0, 0.4), "seed 1": run(1.0, 0.6)}},
                                                         base)}
    assert rows[flags]["where"] == "better"  # fewer flags than every seeded baseline run (the shipped row is none)
    assert rows[flags]["baseline_range"] == [2.0, 4.0] and rows[flags]["baseline_mean"] == 3.0
    assert rows[caught]["where"] == "within" and rows[caught]["candidate"] == 0.5
    rows = {r["figure"]: r for r in seed_spread.compare({"runs": {"seed 0": run(5.0, 0.3)}}, base)}
    assert rows[flags]["where"] == "worse" and rows[caught]["where"] == "worse"
    # two candidate files (one change, two encoder seeds): their seeded runs pooled, shipped rows left out
    rows = {r["figure"]: r for r in seed_spread.compare([{"runs": {"shipped": run(9.0), "seed 0": run(1.0, 0.3)}},
                                                         {"runs": {"seed 0": run(5.0, 0.7)}}], base)}
    assert rows[flags]["candidate"] == 3.0 and rows[flags]["where"] == "within" and rows[caught]["candidate"] == 0.5
