"""Ordinary chat lines signed with one emoji a member might use of themselves: how many does the pipeline flag?

    python training/emoji_signed.py                 # seeds 7 and 8, every flag listed
    python training/emoji_signed.py --seeds 7 --quiet
    CHATPROBE_SRC=/tmp/prev/src python training/emoji_signed.py   # another tree (a git worktree)

Each of the protocol's ordinary lines (``ordinary_chat``: LINES, LOCKED, FRESH; written for this project, never
trained on) is signed three times, before or after, with one emoji drawn from SIGN: people of every skin tone and
sex, religious dress, pride flags, couples, wheelchairs, national flags, places of worship. Nothing in a line is
hostile, so every flag is false. The text model learnt such emoji as hate from the emoji-abuse training data
(hatemoji puts them mostly in abuse), and an emoji that names a group (🧕 = Muslim women) lets the model's reading
name that group: the figure measures that bias where a member uses the emoji of themselves (2026-12-06: 118 flags
in 1,041 lines with seed 7, mostly 🧕🏿, 🧕🏽, 👴🏾, 🤰🏾). Synthetic, and a harsher test than real chats, where such
emoji sign a small share of messages; it compares pipelines, it is not a rate of flags in real chats.
"""

from __future__ import annotations

import argparse
import collections
import os
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from ordinary_chat import FRESH, LINES, LOCKED  # noqa: E402

sys.path.insert(0, os.environ.get("CHATPROBE_SRC") or str(HERE.parent / "src"))

SIGN = ("🙏🏾 👋🏿 💪🏾 🤷🏾‍♀️ 🤦🏿‍♂️ 🙋🏽‍♀️ 🙋🏿‍♂️ 👶🏾 👵🏿 👴🏾 👮🏾‍♂️ 👩🏿‍⚕️ 👨🏾‍🍳 👩🏾‍💻 🧕 🧕🏽 🧕🏿 👳🏾‍♂️ 👳‍♂️ 🧔🏿 👧🏿 👦🏾 "
        "🏃🏿‍♀️ 🚶🏾 🏳️‍🌈 🏳️‍⚧️ 👬 👭 ♿ 🦽 🇵🇰 🇳🇬 🇯🇲 🇮🇳 🇵🇱 🇮🇪 ☪️ ✡️ 🕌 🕍 ⛪ ✝️ 🕉️ 👵 👴 👩 👨 🤰🏾").split()


def signed_lines(seed: int) -> list[tuple[str, str]]:
    """(text, the emoji it is signed with): every ordinary line three times, seeded."""
    rng = random.Random(seed)
    out = []
    for t in list(LINES) + list(LOCKED) + list(FRESH):
        for _ in range(3):
            e = rng.choice(SIGN)
            out.append((f"{t} {e}" if rng.random() < 0.6 else f"{e} {t}", e))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seeds", type=int, nargs="+", default=[7, 8])
    ap.add_argument("--quiet", action="store_true", help="figures only, not every flag")
    args = ap.parse_args()
    import chatprobe
    from chatprobe.detect.pipeline import Pipeline
    from protocol import flagged
    print(f"measuring chatprobe from {Path(chatprobe.__file__).parent}", file=sys.stderr)
    pipe = Pipeline.default()
    for seed in args.seeds:
        rows = signed_lines(seed)
        decisions = pipe.classify([t for t, _ in rows])
        flags = [(t, e, flagged(d)) for (t, e), d in zip(rows, decisions, strict=True) if flagged(d)]
        by_emoji = collections.Counter(e for _, e, _ in flags)
        print(f"seed {seed}: {len(flags)} flags in {len(rows)} signed ordinary lines "
              f"({1000 * len(flags) / len(rows):.0f} per 1,000); by emoji: "
              + ", ".join(f"{e} {n}" for e, n in by_emoji.most_common()))
        if not args.quiet:
            for t, _, f in flags:
                print(f"    {'+'.join(f)}\t{t}")


if __name__ == "__main__":
    main()
