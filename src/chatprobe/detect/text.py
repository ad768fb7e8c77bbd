"""Text normalisation shared by the detectors: obfuscation undone, emoji turned into words.

``fold`` maps a message to a lower-case Latin skeleton with an offset map back to the original, undoing
the usual disguises: homoglyphs (Cyrillic, Greek, full-width, mathematical letters), leetspeak inside
words (``n1gg3r``), zero-width and soft-hyphen characters, and letters split by dots or dashes (``f.a.g``).
Repeated letters are handled by the lexicon (it compares collapsed forms); censoring with ``*`` and
spacing are handled there too, because they need the term list.

``gloss`` prepares text for the sentence encoder, whose vocabulary has no emoji: each emoji becomes its
Unicode name in words (``😂`` → ``face with tears of joy``; skin tones → ``dark skin tone``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"), None)

# Letters that look Latin but are not (Cyrillic, Greek, others).
HOMOGLYPHS = str.maketrans({
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "с": "c",
    "т": "t", "у": "y", "х": "x", "ѕ": "s", "і": "i", "ї": "i", "ј": "j", "ԁ": "d", "ɡ": "g", "һ": "h",
    "ӏ": "l", "ո": "n", "ս": "u", "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v",
    "ο": "o", "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "γ": "y", "ı": "i", "ł": "l", "ø": "o", "đ": "d",
    "ß": "ss", "æ": "ae", "œ": "oe",
})

# Emoji that are letters ("f🅰️ggots", "🅱️E🅰️NERS", "le💲bo"), and what styles an emoji or makes a digit a keycap ("1️⃣",
# "*️⃣"), which folds to nothing so that the letter, digit or censor mark is read in its word.
EMOJI_LETTERS = {"🅰": "a", "🅱": "b", "🅾": "o", "🅿": "p", "ℹ": "i", "♏": "m", "💲": "s", "®": "r", "©": "c",
                 "\ufe0f": "", "\ufe0e": "", "\u20e3": ""}
# Squared words are letters only inside a word ("🆖R"); alone they stay emoji, for "that's not 🆗" is no "not ok"
# (a challenge, to the response rules) but a reaction
SQUARED_WORDS = {"🆎": "ab", "🆑": "cl", "🆒": "cool", "🆓": "free", "🆔": "id", "🆕": "new", "🆖": "ng", "🆗": "ok",
                 "🆘": "sos", "🆙": "up", "🆚": "vs"}

# Digits and symbols standing for letters, applied only inside a word that has letters.
LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "9": "g", "@": "a", "$": "s",
        "!": "i", "|": "i", "+": "t", "€": "e", "£": "l", "(": "c", "¡": "i"}
LEET_CHARS = "".join(LEET)
# Inside a word these are read as separators that were inserted to break up the word ("f.a.g", "n-i-g").
INNER_SEP = ".-_~,'’`^"
CENSOR = "*#%"  # stand-ins for hidden letters ("n****r", "f#g")

WORD = re.compile(r"[^\s]+")


def _strip_marks(ch: str) -> str:
    d = unicodedata.normalize("NFKD", ch)
    base = "".join(c for c in d if not unicodedata.combining(c))
    return base or ch


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch in EMOJI_LETTERS:
        return EMOJI_LETTERS[ch]
    c = unicodedata.normalize("NFKC", ch)
    c = c.casefold().translate(HOMOGLYPHS)
    if len(c) == 1 and not c.isascii() and c.isalpha():
        c = _strip_marks(c)
    return c


class Token(NamedTuple):
    start: int  # offset in the original text
    end: int
    raw: str  # as written
    form: str  # folded: lower-case Latin, leet undone, inner separators removed; keeps censor marks


def tokens(text: str) -> list[Token]:
    """Whitespace tokens with folded forms. Leading/trailing punctuation is trimmed from the form. A message's
    tokens are remembered (the last 4,096 messages of up to 256 characters: most chat messages, in a few MB): the
    lexicon, its responses and the pipeline's decision each read them."""
    return list(_remembered_tokens(text)) if len(text) <= 256 else _tokens(text)


@lru_cache(maxsize=1 << 12)
def _remembered_tokens(text: str) -> tuple[Token, ...]:
    return tuple(_tokens(text))


def _tokens(text: str) -> list[Token]:
    out: list[Token] = []
    clean = text.translate(ZERO_WIDTH) if any(ord(c) in ZERO_WIDTH for c in text) else text
    # offsets refer to `clean`; map back when zero-width characters were removed
    offs = _offset_map(text) if clean is not text else None
    for m in WORD.finditer(clean):
        form = _fold_word(m.group())
        s, e = m.start(), m.end()
        if offs is not None:
            s, e = offs[s], offs[e - 1] + 1
        out.append(Token(s, e, text[s:e], form))
    return out


def _offset_map(text: str) -> list[int]:
    return [i for i, c in enumerate(text) if ord(c) not in ZERO_WIDTH] + [len(text)]


@lru_cache(maxsize=1 << 16)
def _fold_word(raw: str) -> str:
    """A word's folded form (chats reuse few words, so this is mostly a cache hit)."""
    if any(ch in SQUARED_WORDS for ch in raw) and any(
            ch.isalnum() or EMOJI_LETTERS.get(ch) for ch in raw if ch not in SQUARED_WORDS):
        raw = "".join(SQUARED_WORDS.get(ch, ch) for ch in raw)
    return _form("".join(_fold_char(ch) for ch in raw))


# the police's ethnicity codes ("IC3 male", "ic6s") keep their digit: they are a group's name, not leetspeak for "ice"
POLICE_CODE = re.compile(r"ic[1-6]s?")
_TRIM = re.compile(r"^[^\w*#%@$!|+€£(¡]+|[^\w*#%]+$")


def _form(folded: str) -> str:
    w = _TRIM.sub("", folded)
    if not w:
        return ""
    letters = sum(c.isalpha() for c in w)
    if letters and any(c in LEET_CHARS for c in w) and not POLICE_CODE.fullmatch(w):
        # "@" at the start is a mention, not a letter; keep it out of the word
        w = "".join(LEET.get(c, c) if (c != "@" or i > 0) else "" for i, c in enumerate(w))
    if letters and any(c in INNER_SEP for c in w):
        w = "".join(c for c in w if c not in INNER_SEP)
    return w


_RUN = re.compile(r"(.)\1+", re.DOTALL)


@lru_cache(maxsize=1 << 14)
def collapse(word: str) -> str:
    """Runs of the same letter become one ("niiiggga" → "niga"; remembered: every word of a message is collapsed)."""
    return _RUN.sub(r"\1", word)


@lru_cache(maxsize=256)
def fold_text(text: str) -> str:
    """The whole message as folded words separated by single spaces (for phrase rules)."""
    return " ".join(t.form for t in tokens(text) if t.form)


# ---- emoji → words, for the encoder -------------------------------------------------------------------

_SKIN = {"\U0001F3FB": "light skin tone", "\U0001F3FC": "medium light skin tone",
         "\U0001F3FD": "medium skin tone", "\U0001F3FE": "medium dark skin tone",
         "\U0001F3FF": "dark skin tone"}


def is_emoji(ch: str) -> bool:
    o = ord(ch)
    return (0x1F000 <= o <= 0x1FAFF or 0x2600 <= o <= 0x27BF or 0x2B00 <= o <= 0x2BFF or 0x1F900 <= o <= 0x1F9FF
            or o in (0x203C, 0x2049, 0x2122, 0x2139, 0x3030, 0x303D, 0x3297, 0x3299, 0x00A9, 0x00AE))


@lru_cache(maxsize=4096)
def emoji_name(ch: str) -> str:
    if ch in _SKIN:
        return _SKIN[ch]
    try:
        name = unicodedata.name(ch).lower()
    except ValueError:
        return ""
    return name.replace("regional indicator symbol letter ", "")


def gloss(text: str) -> str:
    """Emoji become their names in words; variation selectors and joiners disappear."""
    if text.isascii():
        return text
    parts: list[str] = []
    for ch in text:
        if ch in "\ufe0f\ufe0e\u200d":
            continue
        if is_emoji(ch):
            name = emoji_name(ch)
            parts.append(f" {name} " if name else " ")
        else:
            parts.append(ch)
    return re.sub(r"\s{2,}", " ", "".join(parts)).strip()


# what a person emoji shows of its person: a skin tone, a sex (♀/♂ joined on; a woman, man, girl, boy …)
SKIN_TONE = re.compile(f"[{''.join(_SKIN)}]")  # the five modifiers the encoder's gloss names
_SEX_SIGN = re.compile("\u200d[\u2640\u2642]\ufe0f?")
_NEUTRAL = str.maketrans({"\U0001F469": "\U0001F9D1", "\U0001F468": "\U0001F9D1",  # woman, man → person
                          "\U0001F467": "\U0001F9D2", "\U0001F466": "\U0001F9D2",  # girl, boy → child
                          "\U0001F475": "\U0001F9D3", "\U0001F474": "\U0001F9D3",  # old woman, old man → older person
                          "\U0001F478": "\U0001FAC5", "\U0001F934": "\U0001FAC5",  # princess, prince → crowned person
                          "\U0001F930": "\U0001FAC4"})  # pregnant woman → pregnant person
_SHOWS = re.compile("[\U0001F3FB-\U0001F3FF\u2640\u2642\U0001F466-\U0001F469\U0001F474\U0001F475\U0001F478"
                    "\U0001F934\U0001F930]")
# one emoji: a character with its variation selectors and tones, and whatever zero-width joiners join to it
EMOJI_SEQUENCE = re.compile("[^\\s\u200d][\ufe0f\U0001F3FB-\U0001F3FF]*"
                            "(?:\u200d[^\\s\u200d][\ufe0f\U0001F3FB-\U0001F3FF]*)*")
_PEOPLE = frozenset("\U0001F466\U0001F467\U0001F468\U0001F469\U0001F9D1\U0001F9D2")


def neutral_people(text: str) -> str:
    """``text`` with each person emoji as a person of no visible skin tone or sex ("👩🏿‍🍳" → "🧑‍🍳", "🙅🏾‍♀️" → "🙅"):
    what a person emoji shows may say whom a message is about, never by itself that it is hostile. A couple or a
    family (two people in one emoji: "👨‍❤️‍👨", "👩‍👩‍👧") and every other emoji stay as they are; ``text`` itself when
    it has no person emoji that shows a tone or a sex."""
    if not _SHOWS.search(text):
        return text

    def one(m: re.Match[str]) -> str:
        seq = m.group(0)
        if len(seq) > 1 and (sum(c in _PEOPLE for c in seq) > 1 or "\u2764" in seq):
            return seq
        return SKIN_TONE.sub("", _SEX_SIGN.sub("", seq)).translate(_NEUTRAL)
    return EMOJI_SEQUENCE.sub(one, text)


# A run of emoji at a message's start or end is the writer's signature ("🧕🏽 who's bringing the cake on Friday", "gym
# at lunch? 🧕🏽") unless the sentence goes on into it: a trailing run after a word that wants a noun ("I hate these 🧕",
# "more 👮🏻 less 👳🏽‍♂️", "women are 🗑️") or a symbol ("gays = 🤮"), a leading run before a word that makes it the subject
# ("👩🏿‍🏫 can't teach", "☪️ => 💀", "🧕 and 👳 …"). A message of emoji alone has no signature.
_TAKES_NOUN = frozenset("""the a an these those this that them they all every each some any no more less fewer many most
    few other such our your their of with than like about for to at by from against without near around among between
    are is was were be being been am r hate hates hated hating love loves kill killing shoot stab fuck fucking bloody
    hang bomb burn gas ban deport beat punch kick nuke exterminate eradicate remove trust see seeing saw hire marry
    date dating blame dirty filthy stupid smelly lazy typical damn bunch lot load lots loads not and or nor vs
    just only even also too black white brown yellow asian muslim jewish gay lesbian trans disabled old young little
    fat ugly on in into onto over upon under towards toward across behind beside bye goodbye""".split())
_CONTINUES = frozenset("""are is was were be am r aint ain't isn't isnt aren't arent wasn't weren't can can't cant cannot
    could couldn't should shouldn't shouldnt must mustn't need needs needn't will won't wont would wouldn't do don't
    dont does doesn't doesnt did didn't have has had haven't hasn't deserve deserves deserved belong belongs ruin
    ruins ruined smell smells stink stinks get gets got go goes out never always all only and or nor vs than like
    make makes made take takes took want wants steal steals breed breeds""".split())
_RUN_CHAR = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\u203C\u2049\u2122\u2139\u3030\u303D\u3297"
                       "\u3299\u00A9\u00AE\ufe0f\ufe0e\u200d\u20e3\U000E0020-\U000E007F\\s]")
_LAST_WORD = re.compile(r"([a-z0-9']+)\s*$")
_FIRST_WORD = re.compile(r"\s*([a-z0-9']+)")


def signature_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text``'s signature emoji stand: (start, end) of a run of emoji at its start and/or its end that the
    sentence does not go on into (see ``_TAKES_NOUN`` and ``_CONTINUES``); none in a message of emoji alone."""
    if text.isascii():
        return []
    n = len(text)
    lead = 0
    while lead < n and _RUN_CHAR.match(text, lead):
        lead += 1
    if lead == n:
        return []
    tail = n
    while tail > lead and _RUN_CHAR.match(text, tail - 1):
        tail -= 1
    spans = []
    if text[:lead].strip():
        after = text[lead:tail].lower().replace("’", "'")
        first = _FIRST_WORD.match(after)
        if first and first.start(1) == 0 and first.group(1) not in _CONTINUES:
            spans.append((0, lead))
    if text[tail:].strip():
        before = text[lead:tail].lower().replace("’", "'")
        last = _LAST_WORD.search(before)
        if last is None:
            # after punctuation the sentence has ended ("gym at lunch? 🧕🏽"); after a symbol it goes on ("gays = 🤮")
            if before.rstrip()[-1:] in ".,!?;:)…\"'":
                spans.append((tail, n))
        elif last.group(1) not in _TAKES_NOUN and re.sub(r"(.)\1+", r"\1", last.group(1)) not in _TAKES_NOUN:
            spans.append((tail, n))
    return spans
