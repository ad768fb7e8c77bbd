"""The lexicon's own cost: its rules and word lookups over distinct chat messages, beside the lexicon file of
another git revision, in one process.

    python benchmarks/lexicon.py                          # against the lexicon as of HEAD~1
    python benchmarks/lexicon.py --previous 9608b0b --texts 20000
    python benchmarks/lexicon.py --code c01c951           # this tree's code against c01c951's, each its own file

The texts are the first N distinct messages of benchmarks/classify.py's 100,000-message corpus. Each lexicon
reads them all, best of --repeat, in alternation; the previous one is this tree's lexicon code with the other
revision's ``lexicon_en.toml`` (``git show``), so the figures compare the word lists and rules, not the code.
With ``--code REV`` the code is compared instead: the lexicon detector (words, phrase rules and responses, as
the pipeline runs it) of this tree and of REV (a git worktree in benchmarks/out, each with its own lexicon file),
each in its own process per round, so both start from cold caches; it also says whether both found the same.
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


CHILD = r"""
import hashlib, json, sys, time
from chatprobe.detect.base import TextItem
from chatprobe.detect.lexicon import Lexicon
assert sys.modules["chatprobe"].__file__.startswith(sys.argv[2]), sys.modules["chatprobe"].__file__
texts = json.load(open(sys.argv[1], encoding="utf-8"))
t0 = time.perf_counter()
lx = Lexicon()
load = time.perf_counter() - t0
items = [TextItem(str(i), t) for i, t in enumerate(texts)]
t0 = time.perf_counter()
found = lx.detect(items)
seconds = time.perf_counter() - t0
print(json.dumps({"version": lx.version, "load_s": load, "seconds": seconds,
                  "sha256": hashlib.sha256(repr(found).encode()).hexdigest()}))
"""


def compare_code(rev: str, texts: list[str], repeat: int) -> None:
    """This tree's lexicon detector against ``rev``'s, each in its own process, alternating."""
    import json
    import tempfile

    from classify import previous_tree
    wt = previous_tree(rev)
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8", delete=False) as fh:
        json.dump(texts, fh)
    trees = {"this tree": HERE.parent, f"as of {rev}": wt}
    runs: dict[str, list[dict]] = {name: [] for name in trees}
    try:
        for _ in range(repeat):
            for name, tree in trees.items():
                out = subprocess.run([sys.executable, "-c", CHILD, fh.name, str(tree / "src")], check=True,
                                     capture_output=True, text=True, env={"PYTHONPATH": str(tree / "src"),
                                                                          "PATH": "/usr/bin:/bin"})
                runs[name].append(json.loads(out.stdout))
    finally:
        Path(fh.name).unlink()
    print(f"{len(texts):,} distinct chat messages, the lexicon detector, best of {repeat} (one process each):")
    best = {name: min(r["seconds"] for r in rs) for name, rs in runs.items()}
    for name, rs in runs.items():
        each = ", ".join(f"{r['seconds']:.2f}" for r in rs)
        load = min(r["load_s"] for r in rs)
        print(f"  lexicon {rs[0]['version']:12s} ({name}): {best[name]:.2f} s, {len(texts) / best[name]:,.0f} "
              f"texts/s (runs {each}; load {load:.2f} s)")
    this, prev = best["this tree"], best[f"as of {rev}"]
    same = len({r["sha256"] for rs in runs.values() for r in rs}) == 1
    print(f"  this / previous: {this / prev:.2f}x the time ({prev / this:.2f}x the speed); "
          f"the same detections: {'yes' if same else 'NO'}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--previous", default="HEAD~1", help="git revision whose lexicon_en.toml to compare with")
    ap.add_argument("--code", metavar="REV", help="compare this tree's lexicon code (and file) with REV's instead")
    ap.add_argument("--texts", type=int, default=20000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    from classify import corpus

    if args.code:
        lines = corpus(100_000).read_text("utf-8").splitlines()
        compare_code(args.code, list(dict.fromkeys(lines))[:args.texts], args.repeat)
        return

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
