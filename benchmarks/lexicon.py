"""The lexicon's own cost: its rules and word lookups over distinct chat messages, beside the lexicon file of
another git revision, in one process.

    python benchmarks/lexicon.py                          # against the lexicon as of HEAD~1
    python benchmarks/lexicon.py --previous 9608b0b --texts 20000

The texts are the first N distinct messages of benchmarks/classify.py's 100,000-message corpus. Each lexicon
reads them all, best of --repeat, in alternation; the previous one is this tree's lexicon code with the other
revision's ``lexicon_en.toml`` (``git show``), so the figures compare the word lists and rules, not the code.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

LEXICON = "src/chatprobe/detect/data/lexicon_en.toml"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--previous", default="HEAD~1", help="git revision whose lexicon_en.toml to compare with")
    ap.add_argument("--texts", type=int, default=20000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    from classify import corpus

    from chatprobe.detect.lexicon import Lexicon, LexiconData, _english_words

    lines = corpus(100_000).read_text("utf-8").splitlines()
    texts = list(dict.fromkeys(lines))[:args.texts]
    old_raw = subprocess.run(["git", "show", f"{args.previous}:{LEXICON}"], cwd=HERE.parent, check=True,
                             capture_output=True, text=True).stdout
    this, prev = Lexicon(), Lexicon()
    prev.data = LexiconData(tomllib.loads(old_raw), _english_words())
    prev.version = prev.data.version
    best = {id(this): float("inf"), id(prev): float("inf")}
    for _ in range(args.repeat):
        for lx in (this, prev):
            lx._lookups.clear()  # each round from cold word lookups
            t0 = time.perf_counter()
            for t in texts:
                lx.hits(t)
            best[id(lx)] = min(best[id(lx)], time.perf_counter() - t0)
    print(f"{len(texts):,} distinct chat messages, best of {args.repeat}:")
    for lx, name in ((this, "this tree"), (prev, f"as of {args.previous}")):
        s = best[id(lx)]
        print(f"  lexicon {lx.version:12s} ({name}): {s:.2f} s, {len(texts) / s:,.0f} texts/s")
    print(f"  this / previous: {best[id(this)] / best[id(prev)]:.2f}x the time")


if __name__ == "__main__":
    main()
