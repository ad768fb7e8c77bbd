"""Build the language gate's list of common English chat words (``src/chatprobe/detect/data/common_en.txt``).

    python training/common_words.py          # needs ../shared/data/train; rewrites the list byte for byte

fastText's language identifier is unsure of short, slangy English: on the shared datasets it called
"fuck you lame ass hoes", "What the actual fuck?" and "Why dont we just 💣 ♿" another language with 80%+
confidence, so the English model never read them. The gate (``chatprobe.detect.language``) therefore also
asks how many of a message's words are common English chat words, and this script writes that list:

- words (letters, with inner apostrophes, lower-cased) of the **train** split of the shared datasets, after
  URLs, @mentions, ``[URL]``/``[USER]`` and HTML entities are removed;
- kept when they appear in at least ``MIN_SOURCES`` of the datasets: a word from one dataset's stray
  Dutch or Spanish tweets does not get in, English chat words and slang do;
- the ``SIZE`` most frequent by the number of texts they appear in, sorted.

Validation and test rows are not read, so the gate can be measured on them (``benchmarks/language.py``).
"""

from __future__ import annotations

import collections
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from build import SHARED
from datasets import load_shared

sys.path.insert(0, str(HERE.parent / "src"))
from chatprobe.detect.language import words

OUT = HERE.parent / "src" / "chatprobe" / "detect" / "data" / "common_en.txt"
MIN_SOURCES = 4
SIZE = 5000


def main() -> None:
    rows = [e for e in load_shared(SHARED) if e.split == "train"]
    seen: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for e in rows:
        for w in set(words(e.text)):
            seen[w][e.source] += 1
    ranked = sorted(((sum(c.values()), w) for w, c in seen.items() if len(c) >= MIN_SOURCES),
                    key=lambda x: (-x[0], x[1]))
    kept = sorted(w for _, w in ranked[:SIZE])
    header = (f"# common English chat words: the {SIZE} most frequent words of the shared datasets' train split "
              f"that appear in at least {MIN_SOURCES} of them\n# written by training/common_words.py; do not edit\n")
    OUT.write_text(header + "\n".join(kept) + "\n", encoding="utf-8")
    print(f"{len(rows)} train texts, {len(seen)} distinct words, {len(ranked)} in {MIN_SOURCES}+ datasets; "
          f"kept {len(kept)} -> {OUT.relative_to(HERE.parent)}")


if __name__ == "__main__":
    main()
