"""The whole pipeline's ``sexual`` and ``threat`` against the shared datasets' own labels, on one split.

    python training/pipeline_labels.py --split test
    CHATPROBE_SRC=/tmp/prev/src python training/pipeline_labels.py --split test   # another tree (a git worktree)
    python training/pipeline_labels.py --split val test --hate hatemoji    # hate found / left alone on one dataset

The model card's per-label F1 is the text model's; this is what an investigator meets (lexicon, rules, decisions),
on real posts annotated by others. Only rows whose dataset labels the category count (``datasets.py`` says which
do); the labels are sparse and noisy (some datasets call every sexist statement a threat), so the figures compare
pipelines, they are not the product's precision. ``--misses`` lists every miss and false label.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from build import SHARED  # noqa: E402
from datasets import CATEGORIES, Example, load_shared  # noqa: E402

sys.path.insert(0, os.environ.get("CHATPROBE_SRC") or str(HERE.parent / "src"))

LABELS = ("sexual", "threat")


def against_labels(rows: list[Example], decisions: list[Any], label: str) -> tuple[dict[str, int], list[str]]:
    """Counts of ``true``, ``false`` and ``missed`` for ``label`` over the rows whose dataset labels it, and every
    error as a line for a person to read."""
    c = {"true": 0, "false": 0, "missed": 0}
    errors: list[str] = []
    for e, d in zip(rows, decisions, strict=True):
        y = e.labels.get(label)
        if y is None:
            continue
        got = label in d.labels
        c["true"] += got and y == 1
        c["false"] += got and y == 0
        c["missed"] += (not got) and y == 1
        if got != bool(y):
            errors.append(f"    {'false' if got else 'missed'} ({e.source}): {e.text[:140]!r}")
    return c, errors


def hate_rows(shared: list[Example], splits: list[str], source: str) -> list[Example]:
    """One dataset's rows with a hate label, in these splits (``--hate``)."""
    return [e for e in shared if e.split in splits and e.source == source and "discriminatory" in e.labels]


def hate_found(rows: list[Example], decisions: list[Any]) -> tuple[list[bool], list[bool]]:
    """(each hateful row: flagged?, each other row: left alone?). A finding is a category; a response label
    (counter-speech, endorsement) alone flags nothing."""
    flagged = [any(k in CATEGORIES for k in d.labels) for d in decisions]
    hate = [f for e, f in zip(rows, flagged, strict=True) if e.labels["discriminatory"] == 1]
    other = [not f for e, f in zip(rows, flagged, strict=True) if e.labels["discriminatory"] == 0]
    return hate, other


def label_rows(shared: list[Example], splits: list[str]) -> list[Example]:
    """The rows whose dataset labels ``sexual`` or ``threat``, in these splits."""
    return [e for e in shared if e.split in splits and any(k in e.labels for k in LABELS)]


def prf_of(c: dict[str, int]) -> tuple[float, float, float]:
    """Precision, recall and F1 from ``against_labels``' counts."""
    tp, fp, fn = c["true"], c["false"], c["missed"]
    p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    return p, r, 2 * p * r / max(p + r, 1e-9)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=("val", "test"), nargs="+", default=["test"])
    ap.add_argument("--hate", metavar="SOURCE", help="instead: on this dataset's rows, the share of hateful ones the "
                    "pipeline flags and of the others it leaves alone (hatemoji: emoji abuse written by others)")
    ap.add_argument("--misses", action="store_true", help="list every miss and false label")
    args = ap.parse_args()
    import chatprobe
    from chatprobe.detect.pipeline import Pipeline
    print(f"measuring chatprobe from {Path(chatprobe.__file__).parent}", file=sys.stderr)
    split = "+".join(args.split)
    if args.hate:
        rows = hate_rows(load_shared(SHARED), args.split, args.hate)
        if not rows:
            raise SystemExit(f"no rows of {args.hate!r} with a hate label in {split}")
        hate, other = hate_found(rows, Pipeline.default().classify([e.text for e in rows]))
        print(f"{split} {args.hate}: hateful flagged {sum(hate)}/{len(hate)} ({sum(hate) / max(len(hate), 1):.1%}), "
              f"non-hateful left alone {sum(other)}/{len(other)} ({sum(other) / max(len(other), 1):.1%}), "
              f"accuracy {(sum(hate) + sum(other)) / len(rows):.1%}")
        return
    rows = label_rows(load_shared(SHARED), args.split)
    decisions = Pipeline.default().classify([e.text for e in rows])
    for label in LABELS:
        c, errors = against_labels(rows, decisions, label)
        p, r, f1 = prf_of(c)
        print(f"{split} {label}: true {c['true']}, false {c['false']}, missed {c['missed']}; precision {p:.2f} "
              f"recall {r:.2f} F1 {f1:.2f}")
        if args.misses:
            print("\n".join(errors))

if __name__ == "__main__":
    main()
