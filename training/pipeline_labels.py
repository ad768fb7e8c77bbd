"""The whole pipeline's ``sexual`` and ``threat`` against the shared datasets' own labels, on one split.

    python training/pipeline_labels.py --split test
    CHATPROBE_SRC=/tmp/prev/src python training/pipeline_labels.py --split test   # another tree (a git worktree)

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
from datasets import Example, load_shared  # noqa: E402

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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=("val", "test"), default="test")
    ap.add_argument("--misses", action="store_true", help="list every miss and false label")
    args = ap.parse_args()
    import chatprobe
    from chatprobe.detect.pipeline import Pipeline
    print(f"measuring chatprobe from {Path(chatprobe.__file__).parent}", file=sys.stderr)
    rows = [e for e in load_shared(SHARED) if e.split == args.split and any(k in e.labels for k in LABELS)]
    decisions = Pipeline.default().classify([e.text for e in rows])
    for label in LABELS:
        c, errors = against_labels(rows, decisions, label)
        tp, fp, fn = c["true"], c["false"], c["missed"]
        p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
        f1 = 2 * p * r / max(p + r, 1e-9)
        print(f"{args.split} {label}: true {tp}, false {fp}, missed {fn}; precision {p:.2f} recall {r:.2f} F1 {f1:.2f}")
        if args.misses:
            print("\n".join(errors))

if __name__ == "__main__":
    main()
