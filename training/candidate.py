"""Measure a training change over several encoder seeds, then put the shipped model back.

    python training/candidate.py training/rejected/gaps-round8-v2-group-emoji.diff --seeds 0 1 2 \\
        --stage "--steps 800 --lr 3e-5" --out-dir /tmp/round8-stage        # a second fine-tune stage
    python training/candidate.py CHANGE.diff --seeds 0 1 2 --out-dir /tmp/full   # the whole recipe from MiniLM
    python training/candidate.py --compare-only --out-dir /tmp/full            # the comparison again, no run
    python training/candidate.py CHANGE.diff --heads-only --heads-seeds 0 1 2 3 4 --out-dir /tmp/heads  # no fine-tune
    python training/candidate.py CHANGE.diff --stage "…" --probe tests/fixtures/illness_lines.txt --out-dir /tmp/x

A change of training data or recipe moves the encoder, and one encoder seed is one draw (``seed_spread.py``: an
encoder fine-tuned with another seed moves the police-chat locked half by several lines). So a change is judged over
several encoder seeds, each with several heads seeds, against the baseline spreads. For each encoder seed S:

1. ``finetune.py --seed S`` (with ``--stage``: ``--resume`` a copy of the shipped patch, plus the stage's options);
2. ``calibrate.py``;
3. ``seed_spread.py --seeds <heads seeds> --out OUT_DIR/encoder-seed-S.json``;
4. with ``--probe``: ``probe_spread.py <files> --seeds <heads seeds> --json OUT_DIR/probe-encoder-seed-S.json``.

With ``--heads-only`` the shipped encoder stays: only steps 3 and 4, once (``OUT_DIR/heads-only.json``), compared with
``seed_spread.json`` alone (the baseline on the same encoder) unless ``--against`` says otherwise.

The diff (optional: without one, the tree as it is) is applied once before and reversed after. Whatever happens
(a failed step, Ctrl-C), the shipped encoder patch, its calibration and the heads are put back byte for byte and
checked by sha256, and the diff is reversed: the tree is left as it was found. Then every encoder seed's runs are
compared pooled with the baseline (``seed_spread.py --compare OUT_DIR/encoder-seed-*.json --against …``).

On the 2-core machine: about 10 minutes of fine-tuning per stage seed (800 steps), 39 for the whole recipe, and 7 to
measure. A GPU is used for the fine-tune when present; the measuring is CPU work (ONNX Runtime). Write the decision
rule before the run. Needs the ``train`` extra and ``../shared/data/train``, as ``finetune.py`` does.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shlex
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

# what finetune.py and calibrate.py write, and the heads that are measured against them
GUARDED = ("encoder-finetuned.npz", "encoder-int8.json", "heads.npz", "heads.json")
BASELINE = ("seed_spread.json", "seed_spread-encoder-seed1.json")

Runner = Callable[[Sequence[str]], None]


def _run(cmd: Sequence[str]) -> None:
    print("$ " + " ".join(shlex.quote(c) for c in cmd), file=sys.stderr, flush=True)
    subprocess.run(list(cmd), cwd=ROOT, check=True)


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Guard:
    """The shipped model files and the applied diff, kept so that ``restore`` leaves the tree as it was found."""

    def __init__(self, root: Path, diff: Path | None, run: Runner) -> None:
        self.models = root / "src" / "chatprobe" / "detect" / "models"
        self.root, self.diff, self.run = root, diff, run
        self.saved = {n: (self.models / n).read_bytes() for n in GUARDED if (self.models / n).exists()}
        self.applied = False

    def apply(self) -> None:
        if self.diff is not None:
            self.run(["git", "-C", str(self.root), "apply", str(self.diff)])
            self.applied = True

    def restore(self) -> list[str]:
        """Put every saved file back and reverse the diff; the names whose bytes still differ (should be none)."""
        for name, data in self.saved.items():
            (self.models / name).write_bytes(data)
        if self.applied:
            self.run(["git", "-C", str(self.root), "apply", "-R", str(self.diff)])
            self.applied = False
        return [n for n, data in self.saved.items() if _sha((self.models / n).read_bytes()) != _sha(data)]


def steps(seed: int | None, heads_seeds: Sequence[int], out: Path, resume: Path | None, stage: str,
          probes: Sequence[Path] = ()) -> list[list[str]]:
    """The commands for one encoder seed (``resume``: a copy of the shipped patch, for a second stage; ``seed`` None:
    the heads alone, on the shipped encoder; ``probes``: probe files measured too, into ``probe-<out>``)."""
    py = sys.executable
    spread = [py, str(HERE / "seed_spread.py"), "--seeds", *map(str, heads_seeds), "--out", str(out)]
    probe = ([[py, str(HERE / "probe_spread.py"), *map(str, probes), "--seeds", *map(str, heads_seeds),
               "--json", str(out.with_name(f"probe-{out.name}"))]] if probes else [])
    if seed is None:
        return [spread, *probe]
    ft = [py, str(HERE / "finetune.py"), "--seed", str(seed)]
    if resume is not None:
        ft += ["--resume", str(resume), *shlex.split(stage)]
    return [ft, [py, str(HERE / "calibrate.py")], spread, *probe]


def measure(diff: Path | None, seeds: Sequence[int | None], heads_seeds: Sequence[int], out_dir: Path,
            stage: str | None, *, root: Path = ROOT, run: Runner = _run, probes: Sequence[Path] = ()) -> list[Path]:
    """Run every encoder seed (see the module's text); the spreads written, in seed order. ``seeds`` ``[None]``: the
    heads alone on the shipped encoder."""
    out_dir.mkdir(parents=True, exist_ok=True)
    guard = Guard(root, diff, run)
    resume = None
    if stage is not None:
        resume = out_dir / "resume-shipped.npz"
        resume.write_bytes(guard.saved["encoder-finetuned.npz"])
    written: list[Path] = []
    try:
        guard.apply()
        for s in seeds:
            out = out_dir / ("heads-only.json" if s is None else f"encoder-seed-{s}.json")
            for cmd in steps(s, heads_seeds, out, resume, stage or "", probes):
                run(cmd)
            written.append(out)
    finally:
        left = guard.restore()
        if left:
            raise SystemExit(f"could not put back {', '.join(left)}: restore them from git before anything else")
        print("shipped encoder, calibration and heads put back (sha256 checked)"
              + ("; diff reversed" if diff is not None else ""), file=sys.stderr)
    return written


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("diff", type=Path, nargs="?", help="the change to measure (git diff); none: the tree as it is")
    ap.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2], help="encoder seeds (finetune.py --seed)")
    ap.add_argument("--heads-seeds", type=int, nargs="+", default=[0, 1, 2], help="heads seeds per encoder")
    ap.add_argument("--stage", metavar="OPTIONS", help="a second fine-tune stage on a copy of the shipped patch, "
                    "with these finetune.py options (e.g. \"--steps 800 --lr 3e-5\"); without: the whole recipe")
    ap.add_argument("--heads-only", action="store_true", help="no fine-tune: the heads alone, retrained with the change "
                    "on the shipped encoder for each of --heads-seeds (--seeds and --stage do not apply)")
    ap.add_argument("--out-dir", type=Path, required=True, help="where each encoder seed's spread is written")
    ap.add_argument("--against", type=Path, nargs="+", metavar="BASELINE.json",
                    help=f"default: {', '.join(BASELINE)} ({BASELINE[0]} alone with --heads-only)")
    ap.add_argument("--compare-only", action="store_true", help="run nothing: compare the spreads in --out-dir")
    ap.add_argument("--probe", type=Path, nargs="+", default=[], metavar="FILE",
                    help="probe files (tests/fixtures/*.txt) measured too, with each encoder seed's heads seeds "
                         "(probe_spread.py; written as probe-<spread>.json in --out-dir)")
    args = ap.parse_args()
    if missing := [p for p in args.probe if not p.is_file()]:
        ap.error(f"no such probe file: {', '.join(map(str, missing))}")
    if args.heads_only and args.stage:
        ap.error("--stage fine-tunes the encoder; --heads-only keeps the shipped one")
    against = args.against or [HERE / b for b in (BASELINE[:1] if args.heads_only else BASELINE)]
    pattern = "heads-only.json" if args.heads_only else "encoder-seed-*.json"
    if args.compare_only:
        files = sorted(args.out_dir.glob(pattern))
        if not files:
            ap.error(f"no {pattern} in {args.out_dir}: run without --compare-only first")
    else:
        if args.diff is not None and not args.diff.is_file():
            ap.error(f"{args.diff}: no such diff")
        try:
            files = measure(args.diff, [None] if args.heads_only else args.seeds, args.heads_seeds, args.out_dir,
                            args.stage, probes=[p.resolve() for p in args.probe])
        except subprocess.CalledProcessError as e:
            raise SystemExit(f"a step failed (exit {e.returncode}): {' '.join(map(str, e.cmd))}\n"
                             "the shipped model was put back; the spreads written so far are in "
                             f"{args.out_dir}") from None
    from seed_spread import compare, render_compare

    rows = compare([json.loads(p.read_text()) for p in files], [json.loads(p.read_text()) for p in against])
    what = "heads alone" if args.heads_only else f"{len(files)} encoder seed(s) pooled"
    print(f"{what} against {', '.join(p.name for p in against)}")
    print(render_compare(rows))


if __name__ == "__main__":
    main()
