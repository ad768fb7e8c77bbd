"""The template suite (``functional_suite.py``) with the group's name misspelt by one letter.

Written on 2026-12-06, before the lexicon's respelling of group words (2026.12.30) was measured, and not edited to
suit its result. The held-out suite's weakest functionalities include letters deleted or swapped; the template
suite puts that noise on the hate word only ("I hte {p}"), never on the group ("I hate Mulsims").

Every template-suite case that names its group in words (not the slur cases) is written again with one word of the
group's name of 5+ letters changed by one typing slip, chosen by a fixed random seed per case: an inner letter
deleted, or two neighbouring letters after the first swapped. A case whose group name has no such word ("Jews",
"trans women") is left out. The halves are the template suite's: ``protocol.py`` reports the locked half's figures
as it does the suite's.

``spaced_cases`` (written 2026-12-06 at 23:30, before lexicon 2026.12.34's reading of a spaced group's name was
measured, and not edited to suit its result): the same cases with one word of the group's name of 4+ letters written
with a space between its letters ("I hate g a y s", "M u s l i m s are vermin"), the held-out suite's "added spaces".

``joined_cases`` (written 2026-12-07 at 01:32, before any reading of a group's name run onto the words beside it was
written into the lexicon, and not edited to suit its result): the same cases with one space next to or inside the
group's name left out ("I hatemuslims", "Muslimsare vermin", "Gaypeople are cockroaches"), a functional suite's
"missing word boundaries".
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Callable

import functional_suite as fs

WORD = re.compile(r"[A-Za-z]{5,}")
SPACEABLE = re.compile(r"[A-Za-z]{4,}")


def slip(word: str, rng: random.Random) -> str:
    """``word`` with one typing slip: an inner letter deleted, or two neighbours after the first letter swapped
    (never into the same word: a doubled letter is not swapped)."""
    inner = range(1, len(word) - 1)
    swaps = [i for i in inner if word[i] != word[i + 1]]
    if swaps and rng.random() < 0.5:
        i = rng.choice(swaps)
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    i = rng.choice(list(inner))
    return word[:i] + word[i + 1:]


def cases() -> list[fs.Case]:
    """The template suite's group cases with the group's name misspelt (deterministic)."""
    return _rewritten(WORD, slip)


def spaced(word: str, rng: random.Random) -> str:
    """``word`` with a space between each of its letters ("gays" → "g a y s")."""
    return " ".join(word)


def spaced_cases() -> list[fs.Case]:
    """The template suite's group cases with one word of the group's name spelt out with spaces (deterministic)."""
    return _rewritten(SPACEABLE, spaced)


def _seeded(key: str) -> random.Random:
    """A generator seeded from ``key`` (a case's template and group), so each case is rewritten the same way every run."""
    return random.Random(int(hashlib.sha256(key.encode()).hexdigest()[:8], 16))


def _each_case(write: Callable[[str, str, str, Callable[[str, str], str]], str | None]) -> list[fs.Case]:
    """The template suite's cases that name their group in words, each written by ``write(template, plural, singular,
    render)``, which gives the case's text or None to leave it out; ``render(plural, singular)`` fills the template in
    as the suite does (a name from fs.NAMES by position, a capital where the template starts with the group)."""
    out: list[fs.Case] = []
    for f, hateful, kind, templates in fs.T:
        for i, t in enumerate(templates):
            if ("{p}" not in t and "{s}" not in t) or "{x}" in t:
                continue
            half = "tune" if i % 2 == 0 else "locked"
            for cat, groups in fs.GROUPS.items():
                for p, s in groups:
                    def render(mp: str, ms: str, t: str = t) -> str:
                        text = t.format(p=mp, s=ms, x="", n=fs.NAMES[len(out) % len(fs.NAMES)])
                        return text[0].upper() + text[1:] if text[0].islower() and t.startswith("{") else text
                    text = write(t, p, s, render)
                    if text is not None:
                        expected = cat if kind == "group" else kind
                        out.append(fs.Case(f, text, hateful, expected if hateful else None, half, t))
    return out


def _rewritten(word_re: re.Pattern[str], change: Callable[[str, random.Random], str]) -> list[fs.Case]:
    """The template suite's cases that name their group in words, with one word of the group's name (a match of
    ``word_re``, chosen by a fixed seed per case) rewritten by ``change`` in the plural and the singular."""
    def write(t: str, p: str, s: str, render: Callable[[str, str], str]) -> str | None:
        rng = _seeded(f"{t}\t{p}")
        words = word_re.findall(p)
        if not words:
            return None
        target = rng.choice(words)
        bad = change(target, rng)
        mp = p.replace(target, bad, 1)
        # the singular: the same change where it holds the same word, else a change in its own word
        own = [w for w in word_re.findall(s) if w[:4] == target[:4]] or word_re.findall(s)
        ms = s if not own else s.replace(target, bad, 1) if target in s else s.replace(own[0], change(own[0], rng), 1)
        return render(mp, ms)
    return _each_case(write)


def joined_cases() -> list[fs.Case]:
    """The template suite's group cases with one space next to or inside the group's name left out ("I hatemuslims",
    "Muslimsare vermin", "gaypeople are scum"), the space chosen by a fixed seed per case (deterministic)."""
    def write(t: str, p: str, s: str, render: Callable[[str, str], str]) -> str | None:
        rng = _seeded(f"{t}\t{p}\tjoined")
        text = render(p, s)
        name = p if "{p}" in t else s
        at = text.lower().find(name.lower())
        spaces = [k for k in range(at - 1, at + len(name) + 1) if 0 <= k < len(text) and text[k] == " "]
        if at < 0 or not spaces:
            return None
        k = rng.choice(spaces)
        return text[:k] + text[k + 1:]
    return _each_case(write)


if __name__ == "__main__":
    cs = cases()
    print(len(cs), "cases;", sum(c.hateful for c in cs), "hateful")
    for c in cs[:12]:
        print(c.half, c.hateful, c.text)
