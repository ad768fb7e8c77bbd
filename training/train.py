"""Train the text-model heads, calibrate thresholds, compare with a TF-IDF baseline, write the model files.

    python training/train.py            # needs ../shared/data/train and the `train` extra (scikit-learn)
    python training/train.py --linear threat   # threat from a logistic regression instead (measured, not shipped)
    python training/train.py --shipped  # train nothing: re-measure the shipped heads with this tree's lexicon
                                        # and rules (steps 5-6; metrics.json only)

Steps:
1. corpus: the shared datasets mapped to chatprobe labels (datasets.py) + the project's chat examples
   (chat_examples.py); official splits where they exist, else a hash split.
2. embed every text with the shipped encoder (cached in training/.cache).
3. target heads: the protected-characteristic heads learn *which group* a hateful text targets, so they
   train only on rows whose ``discriminatory`` label is 1 (whether a text is hateful at all is the
   ``discriminatory`` head's job; the pipeline needs both);
   a small multi-task network on the train split (384 → 512 ReLU → one sigmoid per label, numpy, Adam,
   seeded): each label's loss counts only rows where that label is known (the rest are masked); project
   chat examples weigh 4×; positives are up-weighted by sqrt(negatives/positives).
4. threshold per label: the one nearest 0.5 whose F1 on the validation split is within 0.01 of the best.
5. report precision/recall/F1 per label on the validation split of the shared datasets, beside a TF-IDF
   (word 1–2-grams + char 2–5-grams) + logistic regression baseline trained on the same rows.
6. write src/chatprobe/detect/models/heads.npz and heads.json, and training/metrics.json.
"""

from __future__ import annotations

import hashlib
import io
import json
import sys
import time
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))

from build import corpus
from datasets import CATEGORIES, HEADS, PROJECT_SOURCES, PROTECTED, RESPONSES
from embed import embed_texts

OUTPUT_LABELS = CATEGORIES + RESPONSES
MODELS = ROOT / "src" / "chatprobe" / "detect" / "models"
VERSION = "2026.12.2"
CHAT_WEIGHT = 4.0
TOLERANCE = 0.01  # threshold choice: nearest 0.5 within this much F1 of the best (best_threshold)
HIDDEN = 512
EPOCHS = 8
LR = 1e-3
WEIGHT_DECAY = 1e-4
BATCH = 256
SEED = 0
LINEAR_GRID = (0.3, 1.0, 4.0)  # the C tried for a --linear head, picked on the shared validation rows


def prf(y: np.ndarray, yhat: np.ndarray) -> dict[str, float]:
    tp = int(((y == 1) & (yhat == 1)).sum())
    fp = int(((y == 0) & (yhat == 1)).sum())
    fn = int(((y == 1) & (yhat == 0)).sum())
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "support": int((y == 1).sum()),
            "n": len(y)}


GRID = np.round(np.arange(0.05, 0.96, 0.01), 2)


def f1_curve(y: np.ndarray, p: np.ndarray) -> np.ndarray:
    """F1 of ``p >= t`` against ``y`` for every threshold ``t`` of ``GRID``."""
    pred = p[None, :] >= GRID[:, None]
    tp = (pred & (y[None, :] == 1)).sum(1)
    return 2 * tp / np.maximum(pred.sum(1) + (y == 1).sum(), 1)


def best_threshold(y: np.ndarray, p: np.ndarray, tolerance: float = TOLERANCE) -> float:
    """The threshold nearest 0.5 among those whose validation F1 is within ``tolerance`` of the best. Near its
    top the F1 curve is flat and noisy, and a plain arg-max (``tolerance=0``) jumped between far-apart
    thresholds when a few hundred training rows changed (sexual 0.50 -> 0.77 -> 0.61 -> 0.57 -> 0.78); the
    heads are trained with positives up-weighted, so 0.5 is their own cut, moved only where that clearly pays.
    Measured on 100 bootstrap resamples of the validation rows: the threshold's spread falls for most labels
    (race 0.077 -> 0.035, sex 0.044 -> 0.006, gender identity 0.137 -> 0.076; sexual stays about 0.19)."""
    if y.sum() == 0:
        return 0.5
    f1 = f1_curve(y, p)
    ok = np.flatnonzero(f1 >= f1.max() - tolerance)
    return float(GRID[ok[np.argmin(np.abs(GRID[ok] - 0.5))]])


def label_matrix(ex: list) -> np.ndarray:
    y = np.full((len(ex), len(HEADS)), -1, dtype=np.int8)
    for i, e in enumerate(ex):
        for k, h in enumerate(HEADS):
            v = e.labels.get(h)
            if v is not None:
                y[i, k] = v
    return y


def fit_heads(X: np.ndarray, Y: np.ndarray, w: np.ndarray, train: np.ndarray, val: np.ndarray,
              make: object) -> tuple[list, np.ndarray, np.ndarray]:
    """Train one head per label; returns (models, thresholds, validation probabilities)."""
    models, thr = [], HALF.copy()
    pv = np.zeros((int(val.sum()), len(HEADS)))
    for k, h in enumerate(HEADS):
        rows = train & (Y[:, k] >= 0)
        y = Y[rows, k]
        if y.sum() < 5:
            raise SystemExit(f"label {h}: only {int(y.sum())} positive training rows")
        m = make()  # type: ignore[operator]
        m.fit(X[rows], y, sample_weight=w[rows])
        models.append(m)
        pv[:, k] = m.predict_proba(X[val])[:, 1]
        known = Y[val, k] >= 0
        thr[k] = best_threshold(Y[val, k][known], pv[known, k])
        print(f"  {h:20s} train {int(rows.sum()):6d} rows, {int(y.sum()):5d} positive; threshold {thr[k]:.2f}",
              file=sys.stderr)
    return models, thr, pv


def train_mlp(X: np.ndarray, Y: np.ndarray, w: np.ndarray, rows: np.ndarray,
              seed: int = SEED) -> dict[str, np.ndarray]:
    """Masked multi-label network, trained with Adam in numpy; deterministic for a given seed on one machine."""
    rng = np.random.default_rng(seed)
    Xt, Yt, wt = X[rows], Y[rows].astype(np.float32), w[rows].astype(np.float32)
    M = target_mask(Y[rows])
    Yt = np.clip(Yt, 0, 1)
    pos, neg = (Yt * M).sum(0), ((1 - Yt) * M).sum(0)
    pw = np.sqrt(neg / np.maximum(pos, 1)).astype(np.float32)
    d, L = X.shape[1], Y.shape[1]
    p = {"w1": (rng.standard_normal((d, HIDDEN)) * np.sqrt(2 / d)).astype(np.float32),
         "b1": np.zeros(HIDDEN, np.float32),
         "w2": (rng.standard_normal((HIDDEN, L)) * np.sqrt(1 / HIDDEN)).astype(np.float32),
         "b2": np.zeros(L, np.float32)}
    m = {k: np.zeros_like(v) for k, v in p.items()}
    v2 = {k: np.zeros_like(v) for k, v in p.items()}
    t = 0
    for epoch in range(EPOCHS):
        perm = rng.permutation(len(Xt))
        for i in range(0, len(perm), BATCH):
            idx = perm[i:i + BATCH]
            xb, yb, mb = Xt[idx], Yt[idx], M[idx] * wt[idx, None]
            h = xb @ p["w1"] + p["b1"]
            a = np.maximum(h, 0)
            prob = 1 / (1 + np.exp(-(a @ p["w2"] + p["b2"])))
            g = (prob - yb) * mb * np.where(yb > 0, pw, 1.0) / max(float(mb.sum()), 1.0)
            ga = (g @ p["w2"].T) * (h > 0)
            grads = {"w2": a.T @ g, "b2": g.sum(0), "w1": xb.T @ ga, "b1": ga.sum(0)}
            t += 1
            for k, gk in grads.items():
                if p[k].ndim == 2:
                    gk = gk + WEIGHT_DECAY * p[k]
                m[k] = 0.9 * m[k] + 0.1 * gk
                v2[k] = 0.999 * v2[k] + 0.001 * gk * gk
                p[k] -= LR * (m[k] / (1 - 0.9 ** t)) / (np.sqrt(v2[k] / (1 - 0.999 ** t)) + 1e-8)
        print(f"  epoch {epoch + 1}/{EPOCHS}", file=sys.stderr)
    return p


def train_ensemble(X: np.ndarray, Y: np.ndarray, w: np.ndarray, rows: np.ndarray,
                   seeds: Sequence[int]) -> dict[str, np.ndarray]:
    """``train_mlp`` once per seed, folded into one network whose logits are the mean of theirs: hidden layers side by
    side (``w1``, ``b1`` stacked), each output layer divided by their number (``w2`` stacked, ``b2`` averaged). The
    same file format and run-time code as one network, ``len(seeds)`` times as wide; one seed is ``train_mlp``."""
    nets = [train_mlp(X, Y, w, rows, seed=s) for s in seeds]
    if len(nets) == 1:
        return nets[0]
    k = np.float32(len(nets))
    return {"w1": np.concatenate([n["w1"] for n in nets], axis=1), "b1": np.concatenate([n["b1"] for n in nets]),
            "w2": np.concatenate([n["w2"] for n in nets], axis=0) / k,
            "b2": (np.sum([n["b2"] for n in nets], axis=0) / k).astype(np.float32)}


TARGET_HEADS = [HEADS.index(c) for c in PROTECTED]
HALF = np.full(len(HEADS), 0.5)


def thresholds(Y: np.ndarray, p: np.ndarray, quiet: bool = False) -> np.ndarray:
    """Each head's decision threshold on the validation rows ``Y`` with probabilities ``p`` (``best_threshold``),
    counting only the rows where the head's label is known."""
    thr = HALF.copy()
    M = target_mask(Y)
    for k, h in enumerate(HEADS):
        known = M[:, k] > 0
        thr[k] = best_threshold(Y[known, k], p[known, k])
        if not quiet:
            print(f"  {h:20s} threshold {thr[k]:.2f}", file=sys.stderr)
    return thr


def fit_linear(X: np.ndarray, Y: np.ndarray, w: np.ndarray, train: np.ndarray, val: np.ndarray,
               shared_val: np.ndarray, k: int, grid: tuple[float, ...]) -> tuple[np.ndarray, float, float]:
    """A logistic regression for label ``k`` on the rows where it counts (train split, the same row weights as the
    network), one per C of ``grid``; returns the coefficients, intercept and C of the one whose F1 on the shared
    validation rows is best, at a threshold picked on all validation rows as for the other heads (the caller
    picks the shipped threshold again, with the rest)."""
    from sklearn.linear_model import LogisticRegression

    M = target_mask(Y)[:, k] > 0
    tr, va = train & M, val & M
    sv = shared_val[va]  # the shared rows among the validation ones
    best: tuple[float, np.ndarray, float, float] | None = None
    for C in grid:
        lr = LogisticRegression(C=C, class_weight="balanced", max_iter=3000).fit(X[tr], Y[tr, k], sample_weight=w[tr])
        p = lr.predict_proba(X[va])[:, 1]
        t = best_threshold(Y[va, k], p)
        f = prf(Y[va, k][sv], (p[sv] >= t).astype(int))["f1"]
        print(f"  {HEADS[k]:20s} linear C={C}: threshold {t:.2f}, shared validation F1 {f:.3f}", file=sys.stderr)
        if best is None or f > best[0]:
            best = (f, lr.coef_[0].astype(np.float32), float(lr.intercept_[0]), C)
    assert best is not None
    return best[1], best[2], best[3]


def fold_linear(net: dict[str, np.ndarray], k: int, coef: np.ndarray, intercept: float) -> dict[str, np.ndarray]:
    """The network with output ``k`` replaced by the linear score ``X @ coef + intercept``, carried by two more
    hidden units (relu(z) - relu(-z) = z), so the shipped file keeps one format and the runtime one formula."""
    L = net["w2"].shape[1]
    w2 = np.zeros((2, L), np.float32)
    w2[:, k] = (1.0, -1.0)
    out = {"w1": np.hstack([net["w1"], coef[:, None], -coef[:, None]]).astype(np.float32),
           "b1": np.append(net["b1"], np.float32([intercept, -intercept])),
           "w2": np.vstack([net["w2"], w2]), "b2": net["b2"].copy()}
    out["w2"][:-2, k] = 0.0
    out["b2"][k] = 0.0
    return out


def row_weights(source: np.ndarray) -> np.ndarray:
    """Each training row's weight: the project's own chat and gap examples count ``CHAT_WEIGHT`` times a shared
    dataset's row (they are the chat-like ones)."""
    return np.where(np.isin(source, PROJECT_SOURCES), CHAT_WEIGHT, 1.0)


def target_mask(Y: np.ndarray) -> np.ndarray:
    """1 where a label counts: known, and for target heads only on hateful rows."""
    M = (Y >= 0).astype(np.float32)
    hateful = (Y[:, HEADS.index("discriminatory")] == 1).astype(np.float32)
    M[:, TARGET_HEADS] *= hateful[:, None]
    return M


def mlp_proba(p: dict[str, np.ndarray], X: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-(np.maximum(X @ p["w1"] + p["b1"], 0) @ p["w2"] + p["b2"])))


@cache
def _encoder() -> Any:
    """The encoder ``embed_texts`` uses, for the few texts beyond the corpus that the pipeline asks about; without
    the vector cache, which ``embed_texts`` writes out whole for every new text."""
    from chatprobe.detect.encoder import Encoder
    return Encoder(batch_size=128)


def pipeline_predictions(texts: list[str], X: np.ndarray, net: dict[str, np.ndarray], thr: np.ndarray) -> np.ndarray:
    """The whole pipeline (lexicon + this model + decision rules) on texts whose embeddings are known."""
    from chatprobe.detect.base import Detector
    from chatprobe.detect.classifier import Heads, detections
    from chatprobe.detect.lexicon import Lexicon
    from chatprobe.detect.pipeline import Pipeline

    f = {k: v.astype(np.float64) for k, v in net.items()}
    heads = Heads(tuple(HEADS), f["w1"], f["b1"], f["w2"], f["b2"], thr, VERSION, "", {})
    known = dict(zip(texts, heads.calibrated(X)))  # text → calibrated scores

    class Precomputed(Detector):
        name, version, labels = "text-model", VERSION, tuple(HEADS)

        def detect(self, items):  # type: ignore[no-untyped-def]
            # a text the pipeline asks about that is not one of ``texts`` (its second reading of a message with the
            # person emoji made neutral) is embedded here, once, by the encoder embed_texts uses
            new = list(dict.fromkeys(it.text for it in items if it.text not in known))
            if new:
                known.update(zip(new, heads.calibrated(_encoder().encode(new))))
            return detections(items, np.array([known[it.text] for it in items]), HEADS, VERSION)

    pipe = Pipeline("training", [Lexicon(), Precomputed()], {})
    out = np.zeros((len(texts), len(HEADS)), dtype=np.int8)
    for i, d in enumerate(pipe.classify(texts)):
        for lab in d.labels:
            out[i, HEADS.index(lab)] = 1
    return out


def report(Y: np.ndarray, pv: np.ndarray, thr: np.ndarray, mask: np.ndarray) -> dict[str, dict[str, float]]:
    out = {}
    for k, h in enumerate(HEADS):
        if h not in OUTPUT_LABELS:
            continue
        known = mask & (Y[:, k] >= 0)
        if known.sum() == 0 or Y[known, k].sum() == 0:
            continue
        out[h] = prf(Y[known, k], (pv[known, k] >= thr[k]).astype(int))
    return out


def main() -> None:
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--linear", action="append", default=[], choices=HEADS, metavar="LABEL",
                    help="this label's output is a logistic regression on the vectors instead of the network's "
                         "(measured for threat on 2026-12-05 and not shipped: see the model card)")
    ap.add_argument("--shipped", action="store_true",
                    help="train nothing: measure the shipped heads and thresholds with this tree's lexicon and "
                         "rules, and rewrite training/metrics.json only (the model card's validation tables)")
    args = ap.parse_args()
    if args.shipped and args.linear:
        ap.error("--shipped measures the shipped heads; --linear trains a new one")
    from scipy.sparse import hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    t0 = time.perf_counter()
    ex = corpus()
    texts = [e.text for e in ex]
    split = np.array([e.split for e in ex])
    source = np.array([e.source for e in ex])
    Y = label_matrix(ex)
    w = row_weights(source)
    train, val, test = split == "train", split == "val", split == "test"
    print(f"corpus: {len(ex):,} texts; train {train.sum():,}, val {val.sum():,}, test {test.sum():,}", file=sys.stderr)

    X = embed_texts(texts, "corpus")
    print("text model:", file=sys.stderr)
    linear: dict[str, Any] = {}
    if args.shipped:
        z = np.load(MODELS / "heads.npz")
        net = {k: z[k] for k in z.files}
        thr = np.array([json.loads((MODELS / "heads.json").read_text())["thresholds"][h] for h in HEADS])
        pv = mlp_proba(net, X[val])
    else:
        net = train_mlp(X, Y, w, train)
        shared = ~np.isin(source, PROJECT_SOURCES)
        for h in args.linear:
            k = HEADS.index(h)
            coef, intercept, C = fit_linear(X, Y, w, train, val, shared, k, LINEAR_GRID)
            net = fold_linear(net, k, coef, intercept)
            linear[h] = {"C": C, "class_weight": "balanced"}
        pv = mlp_proba(net, X[val])
        thr = thresholds(Y[val], pv)

    print("TF-IDF baseline:", file=sys.stderr)
    word = TfidfVectorizer(ngram_range=(1, 2), min_df=2, max_features=200_000, sublinear_tf=True)
    char = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=3, max_features=300_000, sublinear_tf=True)
    T = hstack([word.fit_transform(texts), char.fit_transform(texts)]).tocsr()
    # the vectorisers see all texts' vocabulary but no labels; heads train on the train split only
    bmake = lambda: LogisticRegression(C=4.0, class_weight="balanced", max_iter=3000, solver="liblinear")
    _, bthr, bpv = fit_heads(T, Y, w, train, val, bmake)

    # the model alone flags a protected characteristic when the target head and the umbrella agree
    dk = HEADS.index("discriminatory")
    pv_flag = (pv >= thr).astype(np.int8)
    for k in TARGET_HEADS:
        pv_flag[:, k] &= pv_flag[:, dk]
    shared_val = ~np.isin(source[val], PROJECT_SOURCES)
    print("pipeline (lexicon + model) on the validation split:", file=sys.stderr)
    val_texts = [t for t, v in zip(texts, val, strict=True) if v]
    pp = pipeline_predictions(val_texts, X[val], net, thr)
    metrics = {
        "validation_shared": {"model": report(Y[val], pv_flag, HALF, shared_val),
                              "pipeline": report(Y[val], pp, HALF, shared_val),
                              "tfidf_baseline": report(Y[val], bpv, bthr, shared_val)},
        "validation_chat": {"model": report(Y[val], pv_flag, HALF, ~shared_val),
                            "pipeline": report(Y[val], pp, HALF, ~shared_val),
                            "tfidf_baseline": report(Y[val], bpv, bthr, ~shared_val)},
    }
    per_source = {}
    for src in sorted(set(source[val])):
        m = source[val] == src
        per_source[src] = {"model": report(Y[val], pv_flag, HALF, m), "pipeline": report(Y[val], pp, HALF, m),
                           "tfidf_baseline": report(Y[val], bpv, bthr, m)}
    metrics["validation_by_source"] = per_source
    counts = {s: {"train": int((train & (source == s)).sum()), "val": int((val & (source == s)).sum()),
                  "test": int((test & (source == s)).sum())} for s in sorted(set(source))}

    metrics["thresholds"] = {h: round(float(t), 2) for h, t in zip(HEADS, thr, strict=True)}
    metrics["tfidf_thresholds"] = {h: round(float(t), 2) for h, t in zip(HEADS, bthr, strict=True)}
    metrics["corpus"] = counts
    if not args.shipped:
        write_heads(net, thr, linear, len(ex), counts)
    (HERE / "metrics.json").write_text(json.dumps(metrics, indent=1) + "\n")
    print(f"{'measured the shipped heads' if args.shipped else 'trained the heads'}; wrote {HERE / 'metrics.json'} "
          f"in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    vs = metrics["validation_shared"]
    print(f"{'label':20s} {'model':>7s} {'pipeline':>9s} {'tfidf':>7s}")
    for lab in vs["model"]:
        print(f"{lab:20s} {vs['model'][lab]['f1']:7.3f} {vs['pipeline'].get(lab, {}).get('f1', 0):9.3f} "
              f"{vs['tfidf_baseline'].get(lab, {}).get('f1', 0):7.3f}")


def write_heads(net: dict[str, np.ndarray], thr: np.ndarray, linear: dict[str, Any], n_texts: int,
                counts: dict[str, dict[str, int]]) -> None:
    """heads.npz and heads.json, with the thresholds, the encoder they were trained on and how."""
    buf = io.BytesIO()
    np.savez(buf, **net)
    raw = buf.getvalue()
    (MODELS / "heads.npz").write_bytes(raw)
    from chatprobe.detect.encoder import encoder_id
    meta = {
        "version": VERSION, "labels": list(HEADS), "output_labels": list(OUTPUT_LABELS),
        "thresholds": {h: round(float(t), 2) for h, t in zip(HEADS, thr, strict=True)},
        "encoder": {**encoder_id(), "pooling": "mean", "normalise": "l2", "max_tokens": 64},
        "heads_sha256": hashlib.sha256(raw).hexdigest(),
        "training": {"network": f"384-{net['w1'].shape[1]} relu-{len(HEADS)} sigmoid", "epochs": EPOCHS, "lr": LR,
                     "weight_decay": WEIGHT_DECAY, "batch": BATCH, "chat_example_weight": CHAT_WEIGHT, "seed": SEED,
                     **({"linear_heads": linear} if linear else {}),
                     "texts": n_texts, "by_source": counts},
    }
    (MODELS / "heads.json").write_text(json.dumps(meta, indent=1) + "\n")
    print(f"wrote {MODELS / 'heads.npz'} ({len(raw):,} bytes)", file=sys.stderr)


if __name__ == "__main__":
    main()
