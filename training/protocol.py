"""The evaluation protocol: how believable is the whole detection pipeline on material it was not tuned on?

    python training/protocol.py                      # the shipped pipeline; prints a summary, writes JSON
    python training/protocol.py --out FILE.json --flags FLAGS.tsv
    CHATPROBE_SRC=/tmp/prev/src python training/protocol.py --out training/protocol-previous.json  # previous model

Four measurements (issue 10, point 5; the leave-one-dataset-out half is ``training/lodo.py``):

1. **functional suite** (``functional_suite.py``): templates written before tuning, reported per half
   (``tune`` / ``locked``) and per functionality: hateful cases caught, non-hateful cases left alone, and the
   target category right among the caught hateful ones. Beside it, the same figures on the suite with the group's
   name misspelt by one letter (``misspelt_groups.py``, since 2026-12-06), with it spelt out with spaces
   (``misspelt_groups.spaced_cases``, since 2026-12-06 at 23:30), and with it run onto a word beside it
   (``misspelt_groups.joined_cases``, since 2026-12-07 at 01:32).
2. **ordinary real chats**: every message in ``../shared/data/exports`` (real public exports; skipped when
   absent) run through chatprobe's own parser, and the hand-written ordinary lines in ``ordinary_chat.py``
   (evaluation only). Flags per 1,000 messages, and **every flag listed** (``--flags``) for a person to read.
   Apart from those figures, the flags on ``ordinary_chat.LOOKALIKES``: police and everyday lines that use words
   of violence and sex in ordinary senses.
3. **sexual content and violence, moderation style** (``moderation_style.py``): three sets of hand-written lines in
   the sense of a public moderation set's categories, never trained on; precision, recall and F1 of ``sexual``
   and ``threat``, with every miss and every false label listed.
4. **police-chat lines** (``police_chat.py``): abuse and work talk in a response team's register, in a ``dev`` half
   that may be read and a ``locked`` half reported only as figures.
5. **fresh functional lines** (``fresh_functional.py``): hate about each protected group and lines that are not
   hate, written by hand after every rule in two rounds, in a ``dev`` and a ``locked`` half as the police-chat
   lines; the halves over both rounds, then each round.

A figure on a small set is printed with its 95% interval (``interval``), and ``seed_spread.py`` measures how far
the figures move when only the heads' seed changes. A change of data or rules that moves a figure by less than
either has shown nothing.

The whole pipeline is measured (lexicon, rules, language gate, model), as an investigator would meet it.
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
ROOT = HERE.parent
# train.py puts this tree's src first on the path when imported: import it before CHATPROBE_SRC goes in front
from train import prf  # noqa: E402

# CHATPROBE_SRC measures another chatprobe tree, e.g. the previous model from a git worktree:
#   git worktree add --detach /tmp/prev f263afb && CHATPROBE_SRC=/tmp/prev/src python training/protocol.py
sys.path.insert(0, os.environ.get("CHATPROBE_SRC") or str(ROOT / "src"))

import numpy as np

import fresh_functional
import functional_suite
import misspelt_groups
import moderation_style
import police_chat
from datasets import CATEGORIES as CATEGORY_LABELS  # the findings; counter-speech and endorsement are responses
from datasets import PROTECTED
from ordinary_chat import FRESH, LINES, LOCKED, LOOKALIKES

EXPORTS = ROOT.parent / "shared" / "data" / "exports"


def interval(share: float, n: int, z: float = 1.96) -> tuple[float, float]:
    """The 95% Wilson score interval of a share of ``n`` cases: how far a figure on a small set could be from the
    same pipeline's figure on many more lines of the same kind (23 lines, 16 caught: 49% to 84%)."""
    if n == 0:
        return 0.0, 1.0
    k = round(share * n)
    p = k / n
    mid, half = (p + z * z / (2 * n)), z * (p * (1 - p) / n + z * z / (4 * n * n)) ** 0.5
    return max(0.0, (mid - half) / (1 + z * z / n)), min(1.0, (mid + half) / (1 + z * z / n))


# how many lines a two-half figure is a share of (police() and fresh()'s halves)
CASES_OF: dict[str, Callable[[dict[str, Any]], int]] = {
    "abusive_caught": lambda h: h["abusive"], "work_left_alone": lambda h: h["lines"] - h["abusive"],
    "hateful_caught": lambda h: h["hateful"], "non_hateful_left_alone": lambda h: h["lines"] - h["hateful"]}


def _share(h: dict[str, Any], figure: str) -> str:
    """A half's figure as printed: the share, of how many lines, and its 95% interval."""
    share, n = h[figure], CASES_OF[figure](h)
    lo, hi = interval(share, n)
    return f"{share:.1%} of {n} (95% interval {lo:.0%}-{hi:.0%})"


def flagged(decision: Any) -> list[str]:
    return [c for c in decision.labels if c in CATEGORY_LABELS]


def functional(pipeline: Any, cases: list[Any] | None = None) -> dict[str, Any]:
    """The template suite's figures per half (``cases``: the suite's, or a variant of it such as
    ``misspelt_groups.cases()``)."""
    fingerprint = functional_suite.fingerprint()[:16] if cases is None else None
    cases = functional_suite.cases() if cases is None else cases
    decisions = pipeline.classify([c.text for c in cases])
    out: dict[str, Any] = {"fingerprint": fingerprint} if fingerprint else {}
    misses: list[dict[str, Any]] = []
    for half in ("tune", "locked", "all"):
        rows = [(c, d) for c, d in zip(cases, decisions, strict=True) if half in ("all", c.half)]
        hate = [(c, d) for c, d in rows if c.hateful]
        ok_h = [(c, d) for c, d in hate if flagged(d)]
        target = [1 for c, d in ok_h if c.expected in d.labels]
        benign = [(c, d) for c, d in rows if not c.hateful]
        ok_b = [1 for c, d in benign if not flagged(d)]
        per: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
        for c, d in rows:
            right = bool(flagged(d)) if c.hateful else not flagged(d)
            per[c.functionality][0] += right
            per[c.functionality][1] += 1
        out[half] = {
            "cases": len(rows),
            "hateful_caught": round(len(ok_h) / max(len(hate), 1), 4),
            "non_hateful_left_alone": round(len(ok_b) / max(len(benign), 1), 4),
            "target_right": round(len(target) / max(len(ok_h), 1), 4),
            "accuracy": round((len(ok_h) + len(ok_b)) / max(len(rows), 1), 4),
            "functionalities": {f: round(a / n, 4) for f, (a, n) in per.items()},
        }
    for c, d in zip(cases, decisions, strict=True):
        if c.half == "tune" and (bool(flagged(d)) != c.hateful):
            misses.append({"functionality": c.functionality, "text": c.text, "expected": c.expected,
                           "got": flagged(d)})
    out["tune_misses"] = misses  # only the tune half is listed: the locked half is not read case by case
    return out


def export_messages() -> list[tuple[str, str]]:
    """(where, text) for every message with text in the shared real exports."""
    from chatprobe.api import parse_file
    from chatprobe.errors import ChatprobeError

    out: list[tuple[str, str]] = []
    if not EXPORTS.is_dir():
        return out
    for path in sorted(EXPORTS.rglob("*")):
        if not path.is_file() or path.suffix.lower() not in (".txt", ".zip", ".json") or path.name == "target.json":
            continue
        try:
            opened = parse_file(path)
            if hasattr(opened, "__enter__"):  # an older tree (the pre-issue model's) hands back a context manager
                with opened as streams:
                    messages = [m for s in streams for m in s.messages()]
            else:
                messages = [m for s in opened for m in s.messages()]
        except ChatprobeError as exc:
            print(f"  skipped {path.name}: {exc}", file=sys.stderr)
            continue
        out += [(f"{path.relative_to(EXPORTS)}:{m.source.line_start}", m.text) for m in messages
                if m.text and m.text.strip()]
    return out


def flags_on(pipeline: Any, rows: list[tuple[str, str]]) -> dict[str, Any]:
    """Every flag the pipeline raises on (where, text) rows that should raise none."""
    decisions = pipeline.classify([t for _, t in rows])
    flags = [{"where": w, "text": t, "labels": flagged(d), "scores": {k: d.scores[k] for k in flagged(d)}}
             for (w, t), d in zip(rows, decisions, strict=True) if flagged(d)]
    return {"messages": len(rows), "flags": len(flags), "per_1000": round(1000 * len(flags) / max(len(rows), 1), 1),
            "flagged": flags}


def ordinary(pipeline: Any) -> dict[str, Any]:
    sets = {"real exports": export_messages(),
            "ordinary lines": [(f"ordinary_chat.py LINES {i + 1}", t) for i, t in enumerate(LINES) if t.strip()],
            "ordinary lines, locked": [(f"ordinary_chat.py LOCKED {i + 1}", t) for i, t in enumerate(LOCKED)],
            "ordinary lines, 2026-12-05": [(f"ordinary_chat.py FRESH {i + 1}", t) for i, t in enumerate(FRESH)]}
    out: dict[str, Any] = {name: flags_on(pipeline, rows) for name, rows in sets.items()}
    total = sum(v["messages"] for v in out.values())
    out["all"] = {"messages": total, "flags": sum(v["flags"] for v in out.values()),
                  "per_1000": round(1000 * sum(v["flags"] for v in out.values()) / max(total, 1), 1)}
    return out


def lookalikes(pipeline: Any) -> dict[str, Any]:
    """Flags on police and everyday lines that use words of violence and sex in ordinary senses (not ordinary chat
    in its proportions, so apart from the per-1,000 figures)."""
    return flags_on(pipeline, [(f"ordinary_chat.py LOOKALIKES {i + 1}", t) for i, t in enumerate(LOOKALIKES)])


def moderation(pipeline: Any, cases: list[tuple[str, bool, bool]] | None = None) -> dict[str, Any]:
    """Precision, recall and F1 of ``sexual`` and ``threat`` on moderation-style lines (the first set unless
    ``cases`` are given), with every error."""
    cases = moderation_style.cases() if cases is None else cases
    decisions = pipeline.classify([t for t, _, _ in cases])
    out: dict[str, Any] = {}
    for i, label in enumerate(("sexual", "threat")):
        truth = [c[1 + i] for c in cases]
        got = [label in d.labels for d in decisions]
        out[label] = {**prf(np.array(truth, dtype=int), np.array(got, dtype=int)),
                      "missed": [c[0] for c, t, g in zip(cases, truth, got, strict=True) if t and not g],
                      "false": [c[0] for c, t, g in zip(cases, truth, got, strict=True) if g and not t]}
    return out


def police(pipeline: Any) -> dict[str, Any]:
    """Police-chat lines (``police_chat.py``) per half: abusive lines flagged, a category the line's label accepts
    among those flagged, work lines left alone, and accuracy over all lines. Only the ``dev`` half's errors are
    listed: the ``locked`` half is not read line by line."""
    rows = police_chat.lines()
    decisions = pipeline.classify([line.text for line in rows])
    out: dict[str, Any] = {}
    for half in ("dev", "locked", "all"):
        pairs = [(line, d) for line, d in zip(rows, decisions, strict=True) if half in ("all", line.half)]
        abusive = [(line, d) for line, d in pairs if line.expected]
        caught = [(line, d) for line, d in abusive if flagged(d)]
        right = [1 for line, d in caught if line.expected & set(flagged(d))]
        work_ok = [1 for line, d in pairs if not line.expected and not flagged(d)]
        out[half] = {"lines": len(pairs), "abusive": len(abusive),
                     "abusive_caught": round(len(caught) / max(len(abusive), 1), 4),
                     "category_right": round(len(right) / max(len(caught), 1), 4),
                     "work_left_alone": round(len(work_ok) / max(len(pairs) - len(abusive), 1), 4),
                     "accuracy": round((len(caught) + len(work_ok)) / max(len(pairs), 1), 4)}
    out["dev_errors"] = [{"text": line.text, "expected": sorted(line.expected), "got": flagged(d)}
                         for line, d in zip(rows, decisions, strict=True)
                         if line.half == "dev" and (bool(flagged(d)) != bool(line.expected)
                                                    or (flagged(d) and not line.expected & set(flagged(d))))]
    return out


def fresh(pipeline: Any) -> dict[str, Any]:
    """Fresh functional lines (``fresh_functional.py``) per half: hateful lines whose category is flagged, and lines
    that are not hate with no protected category flagged. Only the ``dev`` half's errors are listed."""
    rows = fresh_functional.lines()
    decisions = pipeline.classify([line.text for line in rows])

    def right(line: Any, d: Any) -> bool:
        got = set(d.labels) & set(PROTECTED)
        return line.category in got if line.category else not got

    def figures(pairs: list[tuple[Any, Any]]) -> dict[str, Any]:
        hateful = [right(line, d) for line, d in pairs if line.category]
        benign = [right(line, d) for line, d in pairs if not line.category]
        return {"lines": len(pairs), "hateful": len(hateful),
                "hateful_caught": round(sum(hateful) / max(len(hateful), 1), 4),
                "non_hateful_left_alone": round(sum(benign) / max(len(benign), 1), 4)}

    pairs = list(zip(rows, decisions, strict=True))
    out: dict[str, Any] = {half: figures([(ln, d) for ln, d in pairs if half in ("all", ln.half)])
                           for half in ("dev", "locked", "all")}
    # each round of lines on its own, so that a figure quoted before a round was written can be compared
    out["rounds"] = {str(n): {half: figures([(ln, d) for ln, d in pairs if ln.round == n and ln.half == half])
                              for half in ("dev", "locked")} for n in sorted({ln.round for ln in rows})}
    out["dev_errors"] = [{"text": ln.text, "expected": ln.category, "got": list(d.labels)}
                         for ln, d in pairs if ln.half == "dev" and not right(ln, d)]
    return out


def run(pipeline: Any) -> dict[str, Any]:
    return {"pipeline": pipeline.describe()["detectors"][-1].get("version"),
            "functional": functional(pipeline), "ordinary": ordinary(pipeline),
            "misspelt_groups": functional(pipeline, misspelt_groups.cases()),
            "spaced_groups": functional(pipeline, misspelt_groups.spaced_cases()),
            "joined_groups": functional(pipeline, misspelt_groups.joined_cases()),
            **{key: moderation(pipeline, lines()) for key, (_, lines) in moderation_style.SETS.items()},
            "lookalikes": lookalikes(pipeline),
            "police_chat": police(pipeline), "fresh_functional": fresh(pipeline)}


def summary(r: dict[str, Any]) -> str:
    f = r["functional"]
    lines = [f"functional suite {f['fingerprint']}:"]
    for half in ("tune", "locked"):
        h = f[half]
        lines.append(f"  {half:6s} hateful caught {h['hateful_caught']:.1%}  non-hateful left alone "
                     f"{h['non_hateful_left_alone']:.1%}  target right {h['target_right']:.1%}  ({h['cases']} cases)")
    lines.append("  by functionality (all): " + "; ".join(f"{k} {v:.0%}" for k, v in f["all"]["functionalities"].items()))
    o = r["ordinary"]
    for k, v in o.items():  # each set, then "all"
        lines.append(f"ordinary chats, {k}: {v['flags']} flags in {v['messages']} messages ({v['per_1000']} per 1,000)")
    if "lookalikes" in r:
        lines.append(f"lookalike lines: {r['lookalikes']['flags']} flags in {r['lookalikes']['messages']}")
    for key, (name, _) in moderation_style.SETS.items():
        for label, m in r.get(key, {}).items():
            lines.append(f"{name} {label}: precision {m['precision']:.2f} recall {m['recall']:.2f} "
                         f"F1 {m['f1']:.2f} ({m['support']} positives)")
    for half, h in ((k, v) for k, v in r.get("police_chat", {}).items() if k in ("dev", "locked")):
        lines.append(f"police-chat lines, {half}: abusive caught {_share(h, 'abusive_caught')}, category right "
                     f"{h['category_right']:.1%}, work left alone {_share(h, 'work_left_alone')}, accuracy "
                     f"{h['accuracy']:.1%}")
    ff = r.get("fresh_functional", {})
    for name, halves in [("", ff), *((f", round {n}", v) for n, v in ff.get("rounds", {}).items())]:
        for half, h in ((k, v) for k, v in halves.items() if k in ("dev", "locked")):
            lines.append(f"fresh functional lines{name}, {half}: hateful caught {_share(h, 'hateful_caught')}, "
                         f"non-hateful left alone {_share(h, 'non_hateful_left_alone')}")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, help="write the full results (JSON)")
    ap.add_argument("--flags", type=Path,
                    help="write every flag on ordinary chats and lookalike lines (TSV) for a person to read")
    args = ap.parse_args()
    from chatprobe.detect.pipeline import Pipeline

    import chatprobe
    print(f"measuring chatprobe from {Path(chatprobe.__file__).parent}", file=sys.stderr)
    r = run(Pipeline.default())
    print(summary(r))
    if args.out:
        args.out.write_text(json.dumps(r, indent=1, ensure_ascii=False) + "\n")
    if args.flags:
        with open(args.flags, "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh, delimiter="\t")
            w.writerow(["set", "where", "labels", "text"])
            sets = [*r["ordinary"].items(), ("lookalikes", r["lookalikes"])]
            for k, v in sets:
                for fl in v.get("flagged", []):  # "all" has none of its own
                    w.writerow([k, fl["where"], ",".join(fl["labels"]), fl["text"]])


if __name__ == "__main__":
    main()
