"""Every lexicon word hit of one kind over all the text the project has, for a person to read.

    python training/lexicon_hits.py                              # slurs run onto another word (lexicon 2026.12.18)
    python training/lexicon_hits.py --how "one letter changed"   # or another way a word matched

A new way of matching words is judged by its hits, not only by figures: the training corpus (``build.corpus()``),
the protocol's held-out lines (functional suite, ordinary chats, lookalikes, moderation-style, police-chat and
fresh functional lines), the real exports' text and JSON files in ``../shared/data/exports`` and the probe files in
``tests/fixtures``. Each hit is printed with where it came from, its dataset split and labels, the lexicon's
status for it, and the text; a hit on an ordinary chat line, an export or a fixture is a false flag to fix before
the change ships. 2026-12-05 (lexicon 2026.12.18): 112 hits of "run onto another word" in 134,839 texts, all in
the corpus's abusive posts but a few handles and quotations; none in an ordinary line, an export or a fixture.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, os.environ.get("CHATPROBE_SRC") or str(HERE.parent / "src"))

EXPORTS = HERE.parent.parent / "shared" / "data" / "exports"
FIXTURES = HERE.parent / "tests" / "fixtures"


def texts() -> Iterator[tuple[str, str]]:
    """(where, text) for every text: corpus rows, held-out lines, export lines, fixture lines."""
    from build import corpus, judged

    for e in corpus():
        flagged = ",".join(k for k, v in sorted(e.labels.items()) if v) or "none"
        yield f"corpus {e.source} {e.split} [{flagged}]", e.text
    yield from judged()
    if EXPORTS.is_dir():
        for f in sorted(p for p in EXPORTS.rglob("*") if p.suffix in (".txt", ".json")):
            for n, line in enumerate(f.read_text("utf-8", "replace").splitlines(), 1):
                yield f"export {f.relative_to(EXPORTS)}:{n}", line
    for f in sorted(FIXTURES.rglob("*.txt")):
        for n, line in enumerate(f.read_text("utf-8", "replace").splitlines(), 1):
            yield f"fixture {f.name}:{n}", line


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--how", default="run onto another word",
                    help="how the word matched, as the hit's note says it (default: %(default)s)")
    args = ap.parse_args()
    from chatprobe.detect.lexicon import Lexicon

    lexicon = Lexicon()
    seen = hits = 0
    for where, text in texts():
        seen += 1
        for h in lexicon.hits(text):
            if f"({args.how})" in h.note:
                hits += 1
                print(f"{where}\t{h.label}\t{h.note}\t{h.status}\t{text[:200]!r}")
    print(f"{hits} hits '{args.how}' in {seen:,} texts (lexicon {lexicon.version})", file=sys.stderr)


if __name__ == "__main__":
    main()
