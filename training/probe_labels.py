"""Probe lines with the labels a reviewer would give them: how many does the pipeline get right?

    python training/probe_labels.py tests/fixtures/probes/2026-12-07-probeT3.txt
    python training/probe_labels.py --responses tests/fixtures/probes/2026-12-07-probeC3.txt
    python training/probe_labels.py --replies Gary tests/fixtures/probes/2026-12-07-probeC2.txt
    CHATPROBE_SRC=/tmp/prev/src python training/probe_labels.py FILE    # another tree (a git worktree): "before"

Each line of a probe file is ``text|expected`` (``#`` lines are its header). Written by hand before the change they
judge; a "held back" file was also not looked at while the change was written (``tests/fixtures/probes/``: the files
of 2026-12-07, named in the model card). Three readings:

- default: ``expected`` is the categories a reviewer would accept (comma-separated) or ``-`` for none; a line is
  right when it is flagged exactly when a category is expected, with at least one expected category among the flags;
- ``--responses``: ``expected`` is the response label of the message read alone (``counter_speech``, ``endorsement``
  or ``-``);
- ``--replies NAME``: each line is Ann's reply, in a chat of its own, to a flagged remark by NAME; ``expected`` is
  Ann's response as the investigation records it (``-`` is ``silent``).

Prints each line (``ok`` or ``BAD``, what was expected, what came) and the count right.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, os.environ.get("CHATPROBE_SRC") or str(HERE.parent / "src"))

RESPONSES = ("counter_speech", "endorsement")


def probe(path: Path) -> list[tuple[str, str]]:
    """(text, expected) for each line of a probe file."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            text, _, expected = line.rpartition("|")
            rows.append((text, expected.strip() or "-"))
    return rows


def categories_right(rows: list[tuple[str, str]]) -> list[tuple[bool, str]]:
    from chatprobe.detect.pipeline import Pipeline
    from chatprobe.detect.taxonomy import taxonomy
    out = []
    for (_, expected), d in zip(rows, Pipeline.default().classify([t for t, _ in rows]), strict=True):
        got = set(taxonomy().categories_of(d.labels))
        want = set() if expected == "-" else set(expected.split(","))
        out.append((bool(got) == bool(want) and (not want or bool(got & want)), ",".join(sorted(got)) or "-"))
    return out


def responses_right(rows: list[tuple[str, str]]) -> list[tuple[bool, str]]:
    from chatprobe.detect.pipeline import Pipeline
    out = []
    for (_, expected), d in zip(rows, Pipeline.default().classify([t for t, _ in rows]), strict=True):
        got = next((x for x in RESPONSES if x in d.labels), "-")
        out.append((got == expected, got))
    return out


def replies_right(rows: list[tuple[str, str]], name: str) -> list[tuple[bool, str]]:
    from chatprobe.analyse.stored import classify_case, load_case
    from chatprobe.case import Case
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for k, (text, expected) in enumerate(rows):
            src = Path(tmp) / f"c{k}.txt"
            src.write_text('05/06/2024, 21:00 - Ann Price created group "Team"\n'
                           f"05/06/2024, 21:01 - Ann Price added {name} Kerr\n"
                           f"05/06/2024, 21:10 - {name} Kerr: Muslims are vermin, the lot of them\n"
                           f"05/06/2024, 21:11 - Ann Price: {text}\n", encoding="utf-8")
            case = Case.open(f"c{k}", home=Path(tmp) / f"h{k}")
            try:
                case.import_paths([src])
                classify_case(case)
                findings = load_case(case).investigation.findings
            finally:
                case.close()
            got = findings[0].responses["Ann Price"].response if findings else "no finding"
            out.append((got == {"-": "silent"}.get(expected, expected), got))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", type=Path, nargs="+")
    how = ap.add_mutually_exclusive_group()
    how.add_argument("--responses", action="store_true", help="expected: the response label of the message alone")
    how.add_argument("--replies", metavar="NAME", help="expected: Ann's response to NAME's flagged remark")
    args = ap.parse_args()
    import chatprobe
    print(f"measuring chatprobe from {Path(chatprobe.__file__).parent}", file=sys.stderr)
    for path in args.files:
        rows = probe(path)
        if args.replies:
            results = replies_right(rows, args.replies)
        elif args.responses:
            results = responses_right(rows)
        else:
            results = categories_right(rows)
        for (text, expected), (ok, got) in zip(rows, results, strict=True):
            print(f"{'ok ' if ok else 'BAD'} {text!r}: expected {expected}, got {got}")
        print(f"{path.name}: {sum(ok for ok, _ in results)} of {len(rows)} right")


if __name__ == "__main__":
    main()
