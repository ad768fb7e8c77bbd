"""Flags on probe files (``tests/fixtures/*.txt``) with the shipped heads and with heads retrained on this tree's corpus.

    python training/probe_spread.py tests/fixtures/illness_lines.txt tests/fixtures/illness_sexual_lines.txt
    python training/probe_spread.py tests/fixtures/illness_lines.txt --seeds 0 1 --json /tmp/probe.json

A probe file is lines written by hand to look at one kind of message (``#`` lines are its header). A change of
training data that aims at one kind of error is judged first on such a file, over several heads seeds, as
``seed_spread.py`` judges the protocol's figures: the heads are trained in memory on the shipped encoder's vectors
(``train.py``'s network, weights and threshold rule), nothing under ``src/`` is written. For each file and run it
prints how many lines the whole pipeline flags (a category, not a response label) and lists them. After
``finetune.py`` has written another encoder into the tree the shipped heads are left out, as in ``seed_spread.py``;
``candidate.py --probe`` runs this for each encoder seed of a candidate.

Needs ``../shared/data/train`` (the corpus) and the ``train`` extra, as ``train.py`` does.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import train  # noqa: E402  (puts this tree's src first on the path)
from protocol import flagged  # noqa: E402


def probe_lines(path: Path) -> list[str]:
    """A probe file's lines, without its ``#`` header lines and blank lines."""
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]


def flags_on(pipeline: Any, lines: list[str]) -> list[tuple[int, str, list[str]]]:
    """(line number among the probe lines, from 1; text; categories flagged) for each line the pipeline flags."""
    return [(i, t, found) for i, (t, d) in enumerate(zip(lines, pipeline.classify(lines), strict=True), 1)
            if (found := flagged(d))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="+", type=Path, help="probe files: one line each, # for comments")
    ap.add_argument("--seeds", nargs="*", type=int, default=[0, 1, 2, 3, 4], help="heads seeds (default 0-4)")
    ap.add_argument("--json", type=Path, help="also write every run's flags here")
    args = ap.parse_args()
    probes = {str(p): probe_lines(p) for p in args.files}

    from seed_spread import heads_trainer, pipeline_with, shipped_heads_fit

    from chatprobe.detect.encoder import encoder_id

    trained = heads_trainer(train.corpus())
    out: dict[str, dict[str, Any]] = {}
    shipped = [("shipped", None)] if shipped_heads_fit(encoder_id()) else []  # after finetune.py: another encoder
    for name, seed in [*shipped, *((f"seed {s}", s) for s in args.seeds)]:
        pipeline = pipeline_with(None if seed is None else trained(seed))
        out[name] = {}
        for path, lines in probes.items():
            found = flags_on(pipeline, lines)
            out[name][path] = [{"line": i, "text": t, "flagged": f} for i, t, f in found]
            print(f"{name}: {path}: {len(found)} of {len(lines)} flagged", flush=True)
            for i, t, f in found:
                print(f"    {i:3d}  {','.join(f)}: {t}")
    if args.json:
        args.json.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
