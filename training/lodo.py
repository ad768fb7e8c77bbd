"""Leave-one-dataset-out: train without dataset X, test on X — for every shared dataset (issue 10, point 5a).

    python training/lodo.py [--steps 250] [--eval-rows 2000] [--only davidson2017,edos] [--out lodo.json]

For each shared dataset X, two models are trained on everything else (the other shared datasets and the
project's own chat and gap examples) and tested on a seeded sample of X's rows (all its splits: none of X was
trained on):

- ``frozen``: the previous design — all-MiniLM-L6-v2 as shipped, frozen, with a small head trained on its
  vectors;
- ``finetuned``: the encoder fine-tuned as ``finetune.py`` does, for ``--steps`` steps (far fewer than the
  shipped model's: eleven fine-tunes must fit on a laptop), then the same head recipe on its vectors.

Both heads are fitted the same way on the same ``--head-rows`` training rows, so the comparison is between
the two encoders.

Thresholds are chosen on the validation split of the *training* datasets, never on X. Reported per label that
X annotates: F1 (and precision, recall), and the macro F1 over those labels. Both models run in float32 torch
here; the shipped int8 encoder is measured by ``train.py`` and ``protocol.py``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))

import finetune
from datasets import CATEGORIES, HEADS, PROJECT_SOURCES, RESPONSES
from train import label_matrix, thresholds

LABELS = [h for h in HEADS if h in CATEGORIES + RESPONSES or h == "abusive"]


def embed(torch: Any, bert: Any, texts: list[str], batch: int = 64) -> np.ndarray:
    ids = finetune.tokenize(texts)
    order = np.argsort([len(i) for i in ids], kind="stable")
    out = np.zeros((len(texts), 384), np.float32)
    with torch.no_grad():
        for b in range(0, len(order), batch):
            idx = order[b:b + batch]
            i, m = finetune.pad(torch, [ids[j] for j in idx])
            out[idx] = finetune.encode(torch, bert, i, m).numpy()
    return out


def fit_head(torch: Any, X: np.ndarray, Y: np.ndarray, M: np.ndarray, seed: int, epochs: int = 6) -> Any:
    torch.manual_seed(seed)
    head = torch.nn.Sequential(torch.nn.Linear(384, 256), torch.nn.GELU(), torch.nn.Linear(256, len(HEADS)))
    opt = torch.optim.AdamW(head.parameters(), lr=1e-3, weight_decay=0.01)
    pw = finetune.positive_weight(torch, Y, M)
    Xt, Yt, Mt = map(torch.from_numpy, (X * 10.0, Y, M))
    g = torch.Generator().manual_seed(seed)
    for _ in range(epochs):
        perm = torch.randperm(len(Xt), generator=g)
        for b in range(0, len(perm), 256):
            idx = perm[b:b + 256]
            loss = finetune.masked_loss(torch, head(Xt[idx]), Yt[idx], Mt[idx], pw)
            opt.zero_grad()
            loss.backward()
            opt.step()
    return head.eval()


def probs(torch: Any, head: Any, X: np.ndarray) -> np.ndarray:
    with torch.no_grad():
        return torch.sigmoid(head(torch.from_numpy(X * 10.0))).numpy()


def scores(P: np.ndarray, Y: np.ndarray, M: np.ndarray, thr: np.ndarray) -> dict[str, Any]:
    from train import prf
    out: dict[str, Any] = {}
    for lab in LABELS:
        k = HEADS.index(lab)
        known = M[:, k] > 0
        if known.sum() == 0 or Y[known, k].sum() < 5:
            continue
        out[lab] = prf(Y[known, k].astype(int), (P[known, k] >= thr[k]).astype(int))
    out["macro_f1"] = round(float(np.mean([v["f1"] for v in out.values()])), 4) if out else None
    return out


def sample(rows: list[Any], n: int, seed: int) -> list[Any]:
    if len(rows) <= n:
        return rows
    idx = np.random.default_rng(seed).choice(len(rows), n, replace=False)
    return [rows[i] for i in sorted(idx)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--steps", type=int, default=250)
    ap.add_argument("--eval-rows", type=int, default=2000)
    ap.add_argument("--head-rows", type=int, default=20000, help="training rows for the frozen model's head")
    ap.add_argument("--only", default="", help="comma-separated datasets (default: every shared dataset)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--out", type=Path, default=HERE / "lodo.json")
    args = ap.parse_args()
    import torch

    from build import corpus

    torch.set_num_threads(args.threads)
    ex = corpus()
    shared = sorted({e.source for e in ex if e.source not in PROJECT_SOURCES})
    todo = [s for s in shared if not args.only or s in args.only.split(",")]
    base, _ = finetune.build_model(torch)
    base.eval()
    results: dict[str, Any] = json.loads(args.out.read_text()) if args.out.exists() else {}
    results["_setup"] = {"steps": args.steps, "eval_rows": args.eval_rows, "head_rows": args.head_rows,
                         "seed": args.seed}
    for x in todo:
        t0 = time.perf_counter()
        rest = [e for e in ex if e.source != x]
        test = sample([e for e in ex if e.source == x], args.eval_rows, args.seed)
        val = sample([e for e in rest if e.split == "val"], args.eval_rows, args.seed)
        head_rows = sample([e for e in rest if e.split == "train"], args.head_rows, args.seed)
        Yt, Mt = finetune.label_arrays(test)
        Yv = label_matrix(val)  # raw labels: train.thresholds derives the mask the heads use
        Yh, Mh = finetune.label_arrays(head_rows)
        r: dict[str, Any] = {"test_rows": len(test)}
        # the previous design: frozen encoder + head
        head = fit_head(torch, embed(torch, base, [e.text for e in head_rows]), Yh, Mh, args.seed)
        thr = thresholds(Yv, probs(torch, head, embed(torch, base, [e.text for e in val])), quiet=True)
        r["frozen"] = scores(probs(torch, head, embed(torch, base, [e.text for e in test])), Yt, Mt, thr)
        # fine-tuned without X
        bert, _ = finetune.train(rest, args.steps, args.seed, args.threads)
        # the same head recipe on the fine-tuned vectors: the comparison is between the two encoders
        fhead = fit_head(torch, embed(torch, bert, [e.text for e in head_rows]), Yh, Mh, args.seed)
        thr = thresholds(Yv, probs(torch, fhead, embed(torch, bert, [e.text for e in val])), quiet=True)
        r["finetuned"] = scores(probs(torch, fhead, embed(torch, bert, [e.text for e in test])), Yt, Mt, thr)
        r["seconds"] = round(time.perf_counter() - t0)
        results[x] = r
        args.out.write_text(json.dumps(results, indent=1) + "\n")
        print(f"{x:20s} macro F1: frozen {r['frozen']['macro_f1']}  fine-tuned {r['finetuned']['macro_f1']}  "
              f"({r['seconds']} s)", flush=True)


if __name__ == "__main__":
    main()
