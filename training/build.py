"""The training corpus: shared datasets + project chat examples + gap examples, de-duplicated, in a fixed order."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import fresh_functional
import functional_suite
import moderation_style
import police_chat
from chat_examples import examples as chat_examples
from gaps import examples as gap_examples, round7_requested
from datasets import Example, load_shared
from ordinary_chat import FRESH, LINES, LOCKED, LOOKALIKES

SHARED = HERE.parent.parent / "shared" / "data" / "train"


def judged() -> list[tuple[str, str]]:
    """(the set, the text) for every line the protocol judges with: never trained on."""
    return ([("functional suite", c.text) for c in functional_suite.cases()]
            + [("ordinary lines", t) for t in (*LINES, *LOCKED, *FRESH)] + [("lookalikes", t) for t in LOOKALIKES]
            + [("moderation-style", t) for _, lines in moderation_style.SETS.values() for t, _, _ in lines()]
            + [("police-chat", line.text) for line in police_chat.lines()]
            + [("fresh functional", line.text) for line in fresh_functional.lines()])


def corpus(shared: Path = SHARED) -> list[Example]:
    """The one corpus the encoder (``finetune.py``) and the heads (``train.py``) are both trained on.

    ``CHATPROBE_TRAIN_ROUND7=1`` adds gap round 7 (sexual content and violence; measured, not shipped: see
    ``gaps.py``) for every script that trains or calibrates."""
    if not shared.is_dir():
        raise SystemExit(f"training data not found at {shared} (the ../shared folder of the project)")
    seen: dict[str, int] = {}
    out: list[Example] = []
    # never train on a line the protocol judges with (a template or a dataset can produce one by chance)
    held = {t.strip().lower() for _, t in judged()}
    for e in load_shared(shared) + chat_examples() + gap_examples(round7=round7_requested()):
        key = e.text.strip()
        if not key or key.lower() in held:
            continue
        if key in seen:  # the same text twice: keep the first, it keeps its split
            continue
        seen[key] = len(out)
        out.append(e)
    return out
