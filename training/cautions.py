"""How often a flag carries a caution (``detect.pipeline.caution``), on lines whose truth is known.

    python training/cautions.py

A caution says a flag from the text model alone looks like one of its known misreadings. It should mark the false
flags on ordinary lines and almost none of the true ones. For each set: the lines the whole pipeline flags (a
category, not a response label) and how many of those carry a caution on one of their labels; ``--list`` prints the
true flags that carry one.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import train  # noqa: E402, F401  (puts this tree's src first on the path)
from protocol import flagged  # noqa: E402


def sets() -> list[tuple[str, bool, list[str]]]:
    """(name, whether a flag there is true, lines)."""
    import fresh_functional
    import functional_suite
    import moderation_style
    import police_chat
    from emoji_signed import signed_lines
    from ordinary_chat import FRESH, LINES, LOCKED, LOOKALIKES
    from probe_spread import probe_lines

    fixtures = HERE.parent / "tests" / "fixtures"
    police, cases = police_chat.lines(), functional_suite.cases()
    out = [("illness probe, ordinary", False, probe_lines(fixtures / "illness_lines.txt")),
           ("emoji-signed ordinary lines, seeds 7 and 8", False, [t for s in (7, 8) for t, _ in signed_lines(s)]),
           ("own emoji and emoji beside groups", False,
            probe_lines(fixtures / "own_person_emoji.txt") + probe_lines(fixtures / "emoji_beside_groups_lines.txt")),
           ("ordinary lines", False, list(dict.fromkeys([*LINES, *LOCKED, *FRESH]))),
           ("lookalikes", False, list(LOOKALIKES)),
           ("police-chat work lines", False, [line.text for line in police if not line.expected]),
           ("template suite, non-hateful", False, [c.text for c in cases if not c.hateful]),
           ("illness probe, sexual remarks", True, probe_lines(fixtures / "illness_sexual_lines.txt")),
           ("police-chat abusive lines", True, [line.text for line in police if line.expected]),
           ("template suite, hateful", True, [c.text for c in cases if c.hateful]),
           ("fresh functional, hateful", True, [line.text for line in fresh_functional.lines() if line.category])]
    for key, (name, lines) in moderation_style.SETS.items():
        rows = lines()
        out.append((f"{name} ({key}), sexual or threat", True, [t for t, sexual, threat in rows if sexual or threat]))
        out.append((f"{name} ({key}), others", False, [t for t, sexual, threat in rows if not (sexual or threat)]))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--list", action="store_true", help="print the true flags that carry a caution")
    args = ap.parse_args()
    from chatprobe.detect.pipeline import Pipeline

    pipeline = Pipeline.default()
    totals = {True: [0, 0], False: [0, 0]}
    print(f"{'set':74s} {'flags':>6s} {'caution':>8s}")
    for name, true, lines in sets():
        found = [(t, d) for t, d in zip(lines, pipeline.classify(lines), strict=True) if flagged(d)]
        marked = [t for t, d in found if any(r.caution for r in d.reasons if r.label in d.labels)]
        totals[true][0] += len(found)
        totals[true][1] += len(marked)
        print(f"{name + (' (true flags)' if true else ' (false flags)'):74s} {len(found):6d} {len(marked):8d}")
        if args.list and true:
            for t in marked:
                print(f"    {t}")
    for true in (False, True):
        print(f"{'all ' + ('true' if true else 'false') + ' flags':74s} {totals[true][0]:6d} {totals[true][1]:8d}")


if __name__ == "__main__":
    main()
