"""The training corpus: shared datasets + project chat examples + gap examples, de-duplicated, in a fixed order."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from chat_examples import examples as chat_examples
from gaps import examples as gap_examples
from datasets import Example, load_shared

SHARED = HERE.parent.parent / "shared" / "data" / "train"


def corpus(shared: Path = SHARED, heads_only: bool = True) -> list[Example]:
    """``heads_only=False``: without the examples used only to train the heads (see gaps.py)."""
    if not shared.is_dir():
        raise SystemExit(f"training data not found at {shared} (the ../shared folder of the project)")
    seen: dict[str, int] = {}
    out: list[Example] = []
    for e in load_shared(shared) + chat_examples() + gap_examples(heads_only=heads_only):
        key = e.text.strip()
        if not key:
            continue
        if key in seen:  # the same text twice: keep the first, it keeps its split
            continue
        seen[key] = len(out)
        out.append(e)
    return out
