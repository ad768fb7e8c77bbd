"""How much the protocol's figures move when nothing but the heads' random seed changes.

    python training/seed_spread.py                       # seeds 0-4; writes training/seed_spread.json
    python training/seed_spread.py --seeds 0 1 --out /tmp/spread.json
    python training/seed_spread.py --out training/seed_spread-encoder-seed1.json   # after finetune.py --seed 1
    python training/seed_spread.py --seeds 0 1 2 --out /tmp/candidate.json \
        --against training/seed_spread.json training/seed_spread-encoder-seed1.json   # a change, against chance
    python training/seed_spread.py --compare A.json B.json --against …   # no run: A and B (two encoder seeds) pooled

The heads (``train.py``'s network, on the shipped encoder's vectors of the same corpus, with the same weights and
threshold rule) are trained once per seed and put into the shipped pipeline in memory: nothing under ``src/`` is
written. ``protocol.py`` then measures the whole pipeline with each, and with the shipped heads beside them, with
the other figures this issue's decision rules were written on (``extra``: hatemoji, the shared test labels, ordinary
lines signed with an emoji). A set of heads trains in about 10 seconds on two cores; each run of the measures takes
about a minute. Run after ``finetune.py`` with another seed (and ``calibrate.py``), it measures the encoder's seed
too; the shipped heads are then left out, as they were trained on another encoder's vectors.

Why: a change of data or rules is judged by how the figures move, and some sets are small (one of the 26 locked
police-chat abusive lines is 3.8 points). A figure that moves less than it moves between seeds is no evidence either way.
The shipped heads are seed 0, and the lexicon's rules and the pipeline's options were written against seed 0's
errors, so the flags another seed raises on ordinary lines are errors of the model that the rules have not met.

Needs ``../shared/data/train`` (the corpus) and the ``train`` extra, as ``train.py`` does.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import train  # noqa: E402  (puts this tree's src first on the path)
from protocol import flagged, run  # noqa: E402

# (name, the figure in protocol.run's result): the figures a decision rule in this issue has been written on
FIGURES: tuple[tuple[str, Callable[[dict[str, Any]], float]], ...] = (
    ("functional locked: hateful caught", lambda r: r["functional"]["locked"]["hateful_caught"]),
    ("functional locked: non-hateful left alone", lambda r: r["functional"]["locked"]["non_hateful_left_alone"]),
    ("functional locked: target right", lambda r: r["functional"]["locked"]["target_right"]),
    ("fresh functional dev: hateful caught", lambda r: r["fresh_functional"]["dev"]["hateful_caught"]),
    ("fresh functional locked: hateful caught", lambda r: r["fresh_functional"]["locked"]["hateful_caught"]),
    ("fresh functional, both: non-hateful left alone",
     lambda r: r["fresh_functional"]["all"]["non_hateful_left_alone"]),
    ("police-chat dev: abusive caught", lambda r: r["police_chat"]["dev"]["abusive_caught"]),
    ("police-chat locked: abusive caught", lambda r: r["police_chat"]["locked"]["abusive_caught"]),
    ("police-chat, both: work left alone", lambda r: r["police_chat"]["all"]["work_left_alone"]),
    ("ordinary chats: flags in 524", lambda r: r["ordinary"]["all"]["flags"]),
    ("lookalike lines: flags in 80", lambda r: r["lookalikes"]["flags"]),
    ("moderation-style sexual F1", lambda r: r["moderation"]["sexual"]["f1"]),
    ("moderation-style threat F1", lambda r: r["moderation"]["threat"]["f1"]),
    ("moderation-style, second set: sexual F1", lambda r: r["moderation_2"]["sexual"]["f1"]),
    ("moderation-style, second set: threat F1", lambda r: r["moderation_2"]["threat"]["f1"]),
    # since 2026-12-06: files written before have no such figure, and compare leaves them out of it
    ("moderation-style, third set: sexual F1", lambda r: r["moderation_3"]["sexual"]["f1"]),
    ("moderation-style, third set: threat F1", lambda r: r["moderation_3"]["threat"]["f1"]),
    ("hatemoji test: accuracy", lambda r: r["extra"]["hatemoji_accuracy"]),
    ("hatemoji test: non-hateful left alone", lambda r: r["extra"]["hatemoji_left_alone"]),
    ("shared test labels: sexual F1", lambda r: r["extra"]["sexual_f1"]),
    ("shared test labels: threat F1", lambda r: r["extra"]["threat_f1"]),
    ("emoji-signed ordinary lines: flags in 2,082", lambda r: r["extra"]["emoji_signed_flags"]),
    # since 2026-12-06 evening (misspelt_groups.py)
    ("misspelt group names locked: hateful caught", lambda r: r["misspelt_groups"]["locked"]["hateful_caught"]),
    ("misspelt group names locked: non-hateful left alone",
     lambda r: r["misspelt_groups"]["locked"]["non_hateful_left_alone"]),
    # since 2026-12-06 23:30 (misspelt_groups.spaced_cases)
    ("spaced group names locked: hateful caught", lambda r: r["spaced_groups"]["locked"]["hateful_caught"]),
    ("spaced group names locked: non-hateful left alone",
     lambda r: r["spaced_groups"]["locked"]["non_hateful_left_alone"]),
    # since 2026-12-07 01:32 (misspelt_groups.joined_cases)
    ("joined group names locked: hateful caught", lambda r: r["joined_groups"]["locked"]["hateful_caught"]),
    ("joined group names locked: non-hateful left alone",
     lambda r: r["joined_groups"]["locked"]["non_hateful_left_alone"]),
)


def heads_of(net: dict[str, np.ndarray], thr: np.ndarray, name: str) -> Any:
    """``net`` and ``thr`` as the run-time ``Heads`` the text model scores with (in memory only)."""
    from chatprobe.detect.classifier import Heads, load_heads

    shipped = load_heads()
    if tuple(shipped.labels) != tuple(train.HEADS):
        raise SystemExit(f"the shipped heads' labels {shipped.labels} are not train.py's {train.HEADS}")
    f = {k: np.asarray(net[k], dtype=np.float64) for k in ("w1", "b1", "w2", "b2")}
    digest = hashlib.sha256(b"".join(np.ascontiguousarray(net[k]).tobytes() for k in ("w1", "b1", "w2", "b2")))
    return Heads(shipped.labels, f["w1"], f["b1"], f["w2"], f["b2"], np.asarray(thr, dtype=np.float64),
                 f"{shipped.version}-{name}", digest.hexdigest(), shipped.meta)


def extra(pipeline: Any, shared: list[Any]) -> dict[str, float]:
    """The other figures the issue's decision rules were written on, from the same pipeline: the hatemoji test split
    (``pipeline_labels.py --split test --hate hatemoji``), the shared test split's sexual and threat labels
    (``pipeline_labels.py --split test``) and the ordinary lines signed with an emoji (``emoji_signed.py``, seeds 7
    and 8)."""
    from emoji_signed import signed_lines
    from pipeline_labels import LABELS, against_labels, hate_found, hate_rows, label_rows, prf_of

    out: dict[str, float] = {}
    hm = hate_rows(shared, ["test"], "hatemoji")
    hate, other = hate_found(hm, pipeline.classify([e.text for e in hm]))
    out["hatemoji_accuracy"], out["hatemoji_left_alone"] = (sum(hate) + sum(other)) / len(hm), sum(other) / len(other)
    rows = label_rows(shared, ["test"])
    decisions = pipeline.classify([e.text for e in rows])
    for label in LABELS:
        out[f"{label}_f1"] = prf_of(against_labels(rows, decisions, label)[0])[2]
    signed = [t for seed in (7, 8) for t, _ in signed_lines(seed)]
    out["emoji_signed_flags"] = sum(bool(flagged(d)) for d in pipeline.classify(signed))
    return out


def heads_trainer(ex: list[Any], ensemble: int = 1) -> Callable[[int], Any]:
    """seed → ``train.py``'s network trained with that seed on the shipped encoder's vectors of ``ex`` (its row weights
    and threshold rule), as run-time ``Heads`` (``heads_of``); the vectors and labels are read once. ``ensemble`` K > 1:
    seed s is the ensemble of networks seeded K·s … K·s + K - 1 (``train.train_ensemble``), so runs share no network."""
    split = np.array([e.split for e in ex])
    source = np.array([e.source for e in ex])
    Y = train.label_matrix(ex)
    w = train.row_weights(source)  # the weights train.py trains with
    X = train.embed_texts([e.text for e in ex], "corpus")
    tr, val = split == "train", split == "val"

    def heads(seed: int) -> Any:
        net = train.train_ensemble(X, Y, w, tr, range(ensemble * seed, ensemble * seed + ensemble))
        return heads_of(net, train.thresholds(Y[val], train.mlp_proba(net, X[val]), quiet=True), f"seed{seed}")
    return heads


def pipeline_with(heads: Any | None) -> Any:
    """The default pipeline with these heads in its text model, in memory (None: the shipped heads)."""
    from chatprobe.detect.classifier import TextModel
    from chatprobe.detect.pipeline import Pipeline

    pipeline = Pipeline.default()
    if heads is not None:
        for det in pipeline.detectors:
            if isinstance(det, TextModel):
                det.heads, det.version = heads, f"{heads.version}+{heads.sha256[:12]}"
    return pipeline


def measure(heads: Any | None, shared: list[Any]) -> dict[str, Any]:
    """protocol.run and ``extra`` with these heads in the default pipeline (None: the shipped heads)."""
    pipeline = pipeline_with(heads)
    return {**run(pipeline), "extra": extra(pipeline, shared)}


def flags(r: dict[str, Any]) -> list[str]:
    """Every flag on the ordinary and lookalike lines, as 'set: labels: text'."""
    sets = [*((k, v) for k, v in r["ordinary"].items() if k != "all"), ("lookalikes", r["lookalikes"])]
    return [f"{k}: {','.join(f['labels'])}: {f['text']}" for k, v in sets for f in v.get("flagged", [])]


def shipped_heads_fit(encoder: dict[str, Any]) -> bool:
    """Whether the shipped heads were trained on this encoder (``encoder_id()``): they only mean something there, and
    finetune.py may have written another one into the tree."""
    from chatprobe.detect.classifier import load_heads

    return bool(load_heads().meta.get("encoder", {}).get("finetuned_sha256") == encoder.get("finetuned_sha256"))


def spread(seeds: list[int], ensemble: int = 1) -> dict[str, Any]:
    from build import SHARED
    from datasets import load_shared
    from finetune import patch_meta

    from chatprobe.detect.encoder import encoder_id

    t0 = time.perf_counter()
    ex = train.corpus()
    shared = load_shared(SHARED)  # the datasets' own rows and labels, as pipeline_labels.py reads them
    trained = heads_trainer(ex, ensemble)
    encoder = encoder_id()
    patch = train.MODELS / "encoder-finetuned.npz"
    if patch.exists():
        encoder["finetune"] = {k: v for k, v in patch_meta(patch).items() if k in ("steps", "seed", "batch", "lr")}
    same = shipped_heads_fit(encoder)
    rows: dict[str, dict[str, Any]] = {}
    for name, seed in [*([("shipped", None)] if same else []), *((f"seed {s}", s) for s in seeds)]:
        r = measure(None if seed is None else trained(seed), shared)
        rows[name] = {"figures": {k: round(float(get(r)), 4) for k, get in FIGURES}, "flags": flags(r)}
        print(f"{name}: measured ({time.perf_counter() - t0:.0f} s)", file=sys.stderr)
    seeded = [v for k, v in rows.items() if k != "shipped"]
    from chatprobe.detect.lexicon import load as load_lexicon

    # the lexicon's rules move some figures as much as the heads do: files from different lexicons compare with care
    return {"seeds": seeds, **({"ensemble": ensemble} if ensemble > 1 else {}), "corpus_texts": len(ex),
            "encoder": encoder, "lexicon": load_lexicon().version, "runs": rows,
            "range": {k: [min(v["figures"][k] for v in seeded), max(v["figures"][k] for v in seeded)]
                      for k, _ in FIGURES},
            "mean": {k: round(sum(v["figures"][k] for v in seeded) / len(seeded), 4) for k, _ in FIGURES},
            "flags_every_seed": sorted(set.intersection(*(set(v["flags"]) for v in seeded))),
            "flags_any_seed": sorted({f for v in seeded for f in v["flags"]})}


def render(s: dict[str, Any]) -> str:
    names = list(s["runs"])
    out = [f"{'figure':48s} " + " ".join(f"{n:>9s}" for n in names) + "   range over seeds"]
    for k, _ in FIGURES:
        if k not in s["range"]:  # a figure added after this file was written
            continue
        vals = [s["runs"][n]["figures"][k] for n in names]
        lo, hi = s["range"][k]
        fmt = (lambda v: f"{v:9.0f}") if "flags" in k else (lambda v: f"{v:9.3f}")
        out.append(f"{k:48s} " + " ".join(fmt(v) for v in vals) + f"   {hi - lo:.3g}")
    out.append(f"flags raised by every seed: {len(s['flags_every_seed'])}; by any seed: {len(s['flags_any_seed'])}")
    out += [f"  {f}" for f in s["flags_any_seed"]]
    return "\n".join(out)


def compare(candidate: dict[str, Any] | list[dict[str, Any]], baselines: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per figure: the candidate's mean over its seeds against every seeded run of the baselines (their mean and
    range), and where it falls: "better" or "worse" than every baseline run, else "within" (lower is better for the
    flag counts, higher for the rest). A list of candidate runs (one change trained with several encoder seeds) is
    pooled: the mean is over all their seeded runs. A figure is compared on the runs that measured it (one added
    after a file was written is not in its runs), and left out where either side has none."""
    base = [v["figures"] for b in baselines for k, v in b["runs"].items() if k != "shipped"]
    cand = [v["figures"] for c in (candidate if isinstance(candidate, list) else [candidate])
            for k, v in c["runs"].items() if k != "shipped"]
    if not base or not cand:
        raise SystemExit("compare needs seeded runs in the candidate and in the baseline files")
    out = []
    for k, _ in FIGURES:
        b = [f[k] for f in base if k in f]
        cs = [f[k] for f in cand if k in f]
        if not b or not cs:
            continue
        c = sum(cs) / len(cs)
        lo, hi = min(b), max(b)
        sign = -1 if "flags" in k else 1
        where = "within" if lo <= c <= hi else ("better" if sign * (c - (hi if c > hi else lo)) > 0 else "worse")
        out.append({"figure": k, "candidate": round(c, 4), "baseline_mean": round(sum(b) / len(b), 4),
                    "baseline_range": [lo, hi], "where": where})
    return out


def render_compare(rows: list[dict[str, Any]]) -> str:
    """``compare``'s rows as a table: the candidate's mean, the baseline's mean and range, and where it falls."""
    out = [f"{'figure':48s} {'this':>8s} {'baseline':>8s} {'range':>17s}"]
    for r in rows:
        lo, hi = r["baseline_range"]
        out.append(f"{r['figure']:48s} {r['candidate']:8.3f} {r['baseline_mean']:8.3f} {lo:8.3f}-{hi:8.3f}  {r['where']}")
    return "\n".join(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2, 3, 4])
    ap.add_argument("--out", type=Path, default=HERE / "seed_spread.json")
    ap.add_argument("--against", type=Path, nargs="+", metavar="BASELINE.json",
                    help="then compare the figures with these earlier runs of this script (e.g. training/seed_spread.json "
                         "training/seed_spread-encoder-seed1.json): each figure's mean over the seeds, and whether it "
                         "is better or worse than every baseline run or within their range")
    ap.add_argument("--compare", type=Path, nargs="+", metavar="CANDIDATE.json",
                    help="run nothing: compare these earlier runs with the --against files (several: one change "
                         "trained with several encoder seeds, their runs pooled)")
    ap.add_argument("--ensemble", type=int, default=1, metavar="K",
                    help="each seed's heads are K networks averaged (train.train_ensemble): seed s is seeds K·s to "
                         "K·s + K - 1")
    args = ap.parse_args()
    if args.compare:
        if not args.against:
            ap.error("--compare needs --against")
        s = [json.loads(p.read_text()) for p in args.compare]
    else:
        s = spread(args.seeds, args.ensemble)
        print(render(s))
        args.out.write_text(json.dumps(s, indent=1, ensure_ascii=False) + "\n")
        print(f"wrote {args.out}", file=sys.stderr)
    if args.against:
        print(render_compare(compare(s, [json.loads(p.read_text()) for p in args.against])))


if __name__ == "__main__":
    main()
