"""What one very long message costs the detection pipeline: read whole in windows, or only to its 64th token.

    python benchmarks/long_message.py                  # a 986,000-character message
    python benchmarks/long_message.py --chars 4000000

The text model reads a message longer than 64 tokens in overlapping windows (``Encoder.windows``), so its cost
grows with the length; ``windows = false`` reads only the opening, as chatprobe did before 2026-12-05. Each
way runs as its own process (model load included) over one message of ordinary words; the figures are wall
time and peak resident memory. The importer cuts one message at 16 M characters (with a warning), which
bounds the cost.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from parse import run_measured

LINE = "the van is outside custody again and nobody has the keys, "
RUN = r"""
import sys
from chatprobe.detect.classifier import TextModel
from chatprobe.detect.pipeline import Pipeline
base = Pipeline.default()
whole = sys.argv[2] == "whole"
p = Pipeline("bench", [TextModel(windows=whole) if isinstance(d, TextModel) else d for d in base.detectors],
             base.options)
print(p.classify([open(sys.argv[1], encoding="utf-8").read()])[0].labels)
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--chars", type=int, default=len(LINE) * 17_000, help="length of the message")
    args = ap.parse_args()
    out = HERE / "out"
    out.mkdir(exist_ok=True)
    text = (LINE * (args.chars // len(LINE) + 1))[:args.chars]
    path = out / f"long-message-{args.chars}.txt"
    path.write_text(text, encoding="utf-8")
    print(f"one message of {len(text):,} characters")
    rows = {}
    for way in ("whole", "opening"):
        rows[way] = run_measured([sys.executable, "-c", RUN, str(path), way])
        print(f"  read {way:8s} {rows[way][0]:6.1f} s  {rows[way][1]:5d} MB")
    (tw, mw, _), (to, mo, _) = rows["whole"], rows["opening"]
    print(f"  whole / opening: {tw / to:.1f}× the time, {mw / mo:.2f}× the memory")


if __name__ == "__main__":
    main()
