"""What the case step for members' own emoji (analyse/signature.py) costs beside classifying the same messages.

    python benchmarks/own_emoji.py                     # 20,000 messages
    python benchmarks/own_emoji.py --messages 100000 --signing 0.1

A chat of 20 members; a share of them (``--signing``, default 0.7: a harsh case) sign 60% of their messages with one
emoji of themselves (person, religious dress, pride flag …). Bodies are the classification benchmark's corpus
(benchmarks/classify.py: real-chat-like lines, 43% distinct). Prints the time to classify every message, then the
time of ``signature.caution`` over them (finding each sender's own emoji reads every message they sign again, so its
cost grows with how many messages are signed), and how many flags it cautioned.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

OWN = ("🧕🏽 🧕🏿 👳🏾‍♂️ 👴🏾 👵🏿 🤰🏾 🏳️‍🌈 🏳️‍⚧️ 👩🏿 👨🏾 ♿ 🧔🏿 👩🏾‍🦱 👨🏿‍🦲 🧑🏽‍🦽").split()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--messages", type=int, default=20_000)
    ap.add_argument("--signing", type=float, default=0.7, help="share of the 20 members who sign (default 0.7)")
    args = ap.parse_args()
    from classify import corpus

    from chatprobe.analyse import signature
    from chatprobe.detect.base import TextItem
    from chatprobe.detect.pipeline import Pipeline

    lines = [line.rstrip("\n") for line in corpus(100_000).read_text("utf-8").splitlines()]
    rng = random.Random(11)
    members = [f"member {k + 1}" for k in range(20)]
    own = {m: OWN[k % len(OWN)] for k, m in enumerate(members) if k < round(args.signing * len(members))}
    senders, texts = [], []
    for k in range(args.messages):
        who = rng.choice(members)
        text = lines[k % len(lines)]
        if who in own and rng.random() < 0.6:
            text = f"{text} {own[who]}" if rng.random() < 0.6 else f"{own[who]} {text}"
        senders.append(who)
        texts.append(text)
    pipe = Pipeline.default()
    t0 = time.perf_counter()
    decisions = pipe.classify([TextItem(str(k), t) for k, t in enumerate(texts)])
    t1 = time.perf_counter()
    after, found = signature.caution(senders, texts, decisions, pipe)
    t2 = time.perf_counter()
    flagged = sum(bool(signature.categories(d)) for d in decisions)
    print(f"{args.messages:,} messages, {len(own)} of 20 members signing 60% of theirs; {flagged:,} flagged")
    print(f"  classify:          {t1 - t0:7.1f} s  ({args.messages / (t1 - t0):,.0f} msg/s)")
    print(f"  own-emoji step:    {t2 - t1:7.1f} s  ({100 * (t2 - t1) / (t1 - t0):.0f}% of classify); "
          f"own emoji found for {len(found)} members, {sum(signature.cautioned(d) for d in after):,} flags cautioned")


if __name__ == "__main__":
    main()
