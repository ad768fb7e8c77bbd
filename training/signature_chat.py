"""Members who sign their messages with an emoji of themselves, in whole chats: what does a case flag, and is hate lost?

    python training/signature_chat.py                 # seeds 7 and 8
    python training/signature_chat.py --seeds 7 --list   # every ordinary line flagged, and every hateful row lost
    CHATPROBE_SRC=/tmp/prev/src python training/signature_chat.py   # another tree (a git worktree)

``emoji_signed.py`` signs each ordinary line with a random emoji and reads it alone. In a case, chatprobe also knows
who sent what (``analyse/signature.py``): an emoji that signs many of a member's messages that raised nothing is
theirs, and their flagged messages it signs are read again without it. This builds chats to measure that, per seed:

- 14 members post the protocol's ordinary lines (``ordinary_chat``: LINES, LOCKED, FRESH; never trained on), dealt
  round the members in a shuffled order. 12 of them each have one emoji of ``emoji_signed.SIGN`` as their own and sign
  60% of their lines with it, before or after as ``emoji_signed`` does; 2 sign nothing. Every flag on these is false.
- (a) The hatemoji test split's hateful rows that name a group by an emoji (an emoji the lexicon reads as a group,
  anywhere in the row), each posted by a signing member whose own emoji is not in it.
- (b) The worst case: the same rows, each posted by a member whose own emoji is the row's group emoji. Per such
  emoji, one member signs 30 ordinary lines with it and posts every row that carries it.

"alone" is the pipeline on each message alone (what ``chatprobe classify`` gives); the case adds the caution of
``signature.caution`` (what ``chatprobe analyse`` and ``scan`` store): how many flags it marks as likely the sender's own
emoji, on ordinary lines (wanted) and on hateful rows (a reviewer's extra care). It changes no flag, and the script
checks that. Written on 2026-12-07 before the case step was run on it (its first two designs, which set the flags
aside, are in ``training/rejected/analyse-own-emoji-set-aside.diff``); the decision rules are in the model card.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from emoji_signed import SIGN  # noqa: E402
from ordinary_chat import FRESH, LINES, LOCKED  # noqa: E402

sys.path.insert(0, os.environ.get("CHATPROBE_SRC") or str(HERE.parent / "src"))

MEMBERS, SIGNING, SHARE, WORST_CASE_LINES = 14, 12, 0.6, 30


def group_emoji(lexicon: object, text: str) -> list[str]:
    """The emoji of ``text`` that name a group (anywhere: ``Lexicon.group_emoji``), each once, in order."""
    return list(dict.fromkeys(e for _, _, e in lexicon.group_emoji(text)))  # type: ignore[attr-defined]


def sign(rng: random.Random, text: str, emoji: str) -> str:
    return f"{text} {emoji}" if rng.random() < 0.6 else f"{emoji} {text}"


def chats(seed: int, hateful: list[str], lexicon: object) -> dict[str, list[tuple[str, str, str]]]:
    """chat name → (sender, text, kind) in order; kind: "ordinary" (the team), "hate (a)", "ordinary (b)" (the
    worst-case owners' lines) or "hate (b)"."""
    rng = random.Random(seed)
    own = rng.sample(SIGN, SIGNING)
    members = [f"member {k + 1}" for k in range(MEMBERS)]
    lines = list(LINES) + list(LOCKED) + list(FRESH)
    rng.shuffle(lines)
    team: list[tuple[str, str, str]] = []
    for k, line in enumerate(lines):
        who = k % MEMBERS
        text = sign(rng, line, own[who]) if who < SIGNING and rng.random() < SHARE else line
        team.append((members[who], text, "ordinary"))
    for row in hateful:
        found = set(group_emoji(lexicon, row))
        posters = [k for k in range(SIGNING) if own[k].replace("\ufe0f", "") not in found]
        team.insert(rng.randrange(len(team) + 1), (members[rng.choice(posters)], row, "hate (a)"))
    out = {"team": team}
    by_emoji: dict[str, list[str]] = {}
    for row in hateful:
        by_emoji.setdefault(group_emoji(lexicon, row)[0], []).append(row)
    for e, rows in sorted(by_emoji.items()):
        chat = [("owner", sign(rng, line, e), "ordinary (b)") for line in rng.sample(lines, WORST_CASE_LINES)]
        for row in rows:
            chat.insert(rng.randrange(len(chat) + 1), ("owner", row, "hate (b)"))
        out[f"worst case {e}"] = chat
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seeds", type=int, nargs="+", default=[7, 8])
    ap.add_argument("--list", action="store_true", help="every ordinary line flagged without the caution, and every "
                    "hateful row with it")
    ap.add_argument("--json", type=Path, help="write the figures here too")
    args = ap.parse_args()
    import chatprobe
    from chatprobe.analyse import signature
    from chatprobe.detect.pipeline import Pipeline
    from datasets import hatemoji
    from protocol import flagged
    print(f"measuring chatprobe from {Path(chatprobe.__file__).parent}", file=sys.stderr)
    pipe = Pipeline.default()
    lexicon = signature.lexicon_of(pipe)
    root = HERE.parent.parent / "shared/data/train"
    hateful = [e.text for e in hatemoji(root) if e.split == "test" and e.labels.get("discriminatory") == 1]
    hateful = [t for t in hateful if group_emoji(lexicon, t)]
    figures = {}
    for seed in args.seeds:
        counts: dict[str, list[int]] = {}  # kind → [messages, flagged before, flagged after]
        listed = []
        for name, chat in chats(seed, hateful, lexicon).items():
            senders, texts, kinds = zip(*chat, strict=True)
            before = pipe.classify(list(texts))
            after, _own = signature.caution(list(senders), list(texts), before, pipe)
            for t, k, b, a in zip(texts, kinds, before, after, strict=True):
                c = counts.setdefault(k, [0, 0, 0, 0])
                c[0] += 1
                c[1] += bool(flagged(b))
                c[2] += bool(flagged(a))
                c[3] += bool(flagged(a)) and signature.cautioned(a)
                if flagged(a) != flagged(b):
                    raise SystemExit(f"the case step changed a flag: {flagged(b)} -> {flagged(a)}: {t!r}")
                if args.list and ((k.startswith("ordinary") and flagged(a) and not signature.cautioned(a))
                                  or (k.startswith("hate") and signature.cautioned(a))):
                    listed.append(f"    {name}: {k}: {'+'.join(flagged(a))}"
                                  f"{' (cautioned)' if signature.cautioned(a) else ''}\t{t}")
        figures[seed] = counts
        o, ha, ob, hb = counts["ordinary"], counts["hate (a)"], counts["ordinary (b)"], counts["hate (b)"]
        print(f"seed {seed}: the team's ordinary lines: {o[2]} of {o[0]} flagged ({o[1]} alone), {o[3]} of them with the "
              f"case caution; hateful rows: {ha[2]} of {ha[0]} caught ({ha[1]} alone), {ha[3]} cautioned. Worst case (the "
              f"owner of the row's emoji): ordinary lines {ob[2]} of {ob[0]} flagged ({ob[1]} alone), {ob[3]} cautioned; "
              f"hateful rows {hb[2]} of {hb[0]} caught ({hb[1]} alone), {hb[3]} cautioned")
        print("\n".join(listed)) if listed else None
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
