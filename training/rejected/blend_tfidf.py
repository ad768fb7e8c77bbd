"""Measured 2026-12-06 and not shipped: the shipped text model blended with a word + char TF-IDF logistic regression.

    python training/rejected/blend_tfidf.py --out /tmp/blend.json            # the blend weight chosen on validation (0.5)
    python training/rejected/blend_tfidf.py --alpha 0.2 --out /tmp/blend02.json
    python training/seed_spread.py --compare /tmp/blend.json --against training/seed_spread.json

Per head, p = (1 - a) * p_model + a * p_tfidf (raw probabilities; the TF-IDF target heads train on hateful rows only,
as the network's), thresholds chosen again on validation (train.thresholds); the TF-IDF part reads the whole message
and is given to each of its windows. a is chosen from 0.2, 0.35, 0.5 by mean F1 over the heads on the validation
rows. The whole pipeline is then measured with the figures of seed_spread.py (shipped encoder and heads), in memory.
Results: training/rejected/blend-tfidf-alpha*.json; the model card's Limits say what they showed."""
from __future__ import annotations
import argparse
import json
import sys
import time
from pathlib import Path
import numpy as np
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import train  # noqa
from seed_spread import FIGURES, extra, flags
from protocol import run

ap = argparse.ArgumentParser()
ap.add_argument("--word", type=int, default=200_000)
ap.add_argument("--char", type=int, default=300_000)
ap.add_argument("--alpha", type=float, default=None)
ap.add_argument("--out", required=True)
args = ap.parse_args()

from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

t0 = time.perf_counter()
ex = train.corpus()
texts = [e.text for e in ex]
split = np.array([e.split for e in ex]); source = np.array([e.source for e in ex])
Y = train.label_matrix(ex); w = train.row_weights(source)
tr, val = split == "train", split == "val"
X = train.embed_texts(texts, "corpus")
z = np.load(train.MODELS / "heads.npz"); net = {k: z[k] for k in z.files}
pm_val = train.mlp_proba(net, X[val])

word = TfidfVectorizer(ngram_range=(1, 2), min_df=2, max_features=args.word, sublinear_tf=True, dtype=np.float32)
char = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=3, max_features=args.char, sublinear_tf=True,
                       dtype=np.float32)
trt = [t for t, m in zip(texts, tr) if m]
word.fit(trt); char.fit(trt)
def vec(ts): return hstack([word.transform(ts), char.transform(ts)]).tocsr()
T = vec(texts)
print(f"tfidf {T.shape} ({time.perf_counter()-t0:.0f} s)", file=sys.stderr)
M = train.target_mask(Y)
coef = np.zeros((T.shape[1], len(train.HEADS)), np.float32); icpt = np.zeros(len(train.HEADS))
for k, h in enumerate(train.HEADS):
    rows = tr & (M[:, k] > 0)
    lr = LogisticRegression(C=4.0, class_weight="balanced", max_iter=3000, solver="liblinear")
    lr.fit(T[rows], Y[rows, k], sample_weight=w[rows])
    coef[:, k] = lr.coef_[0]; icpt[k] = lr.intercept_[0]
    print(f"  {h} ({time.perf_counter()-t0:.0f} s)", file=sys.stderr)
def tfidf_proba(ts):
    return 1 / (1 + np.exp(-(np.asarray(vec(ts) @ coef) + icpt)))
pt_val = tfidf_proba([t for t, m in zip(texts, val) if m])
Mv = M[val]

def mean_f1(p):
    thr = train.thresholds(Y[val], p, quiet=True)
    f = []
    for k in range(len(train.HEADS)):
        kn = Mv[:, k] > 0
        f.append(train.prf(Y[val][kn, k], (p[kn, k] >= thr[k]).astype(int))["f1"])
    return float(np.mean(f)), thr, f
choice = {}
for a in (0.0, 0.2, 0.35, 0.5, 1.0):
    m, thr, f = mean_f1((1 - a) * pm_val + a * pt_val)
    choice[a] = (m, thr)
    print(f"alpha {a}: mean F1 {m:.4f}  " + " ".join(f"{h[:6]}={x:.2f}" for h, x in zip(train.HEADS, f)), file=sys.stderr)
alpha = args.alpha if args.alpha is not None else max((0.2, 0.35, 0.5), key=lambda a: (round(choice[a][0], 4), -a))
thr = choice[alpha][1] if alpha in choice else mean_f1((1 - alpha) * pm_val + alpha * pt_val)[1]
print(f"alpha chosen {alpha}; thresholds {np.round(thr, 2).tolist()}", file=sys.stderr)

from chatprobe.detect.classifier import TextModel, window_choice
from chatprobe.detect.pipeline import Pipeline
from build import SHARED
from datasets import load_shared

def calib(p, t): return np.where(p < t, p / (2 * t), 0.5 + (p - t) / (2 * (1 - t))).clip(0.0, 1.0)

def blended_scored(self, texts_):
    if not texts_:
        return np.zeros((0, len(self.labels))), []
    uniq = {}
    index = [uniq.setdefault(t, len(uniq)) for t in texts_]
    wins = [ws for ws in self.encoder.windows(list(uniq))]
    flat = [w_ for ws in wins for w_ in ws]
    owner = np.array([i for i, ws in enumerate(wins) for _ in ws], dtype=np.int64)
    h = self.heads
    emb = self.encoder.vectors(flat).astype(np.float64)
    pm = 1 / (1 + np.exp(-(np.maximum(emb @ h.w1 + h.b1, 0) @ h.w2 + h.b2)))
    pt = tfidf_proba(list(uniq))[owner]
    combined, _ = window_choice(calib((1 - alpha) * pm + alpha * pt, thr), owner, len(uniq), self.labels)
    return combined[index], [{} for _ in index]

TextModel.scored = blended_scored
shared = load_shared(SHARED)
pipe = Pipeline.default()
r = {**run(pipe), "extra": extra(pipe, shared)}
row = {"figures": {k: round(float(get(r)), 4) for k, get in FIGURES}, "flags": flags(r)}
out = {"seeds": [], "alpha": alpha, "choice": {str(a): round(v[0], 4) for a, v in choice.items()},
       "thresholds": np.round(thr, 3).tolist(), "features": int(T.shape[1]),
       "runs": {"blend": row}, "range": {k: [v, v] for k, v in row["figures"].items()}, "mean": row["figures"],
       "flags_every_seed": row["flags"], "flags_any_seed": row["flags"]}
Path(args.out).write_text(json.dumps(out, indent=1))
print(f"done {time.perf_counter()-t0:.0f} s", file=sys.stderr)
