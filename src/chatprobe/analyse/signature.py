"""A member's own emoji, known from the whole case rather than from one message.

A member may sign their messages with an emoji of themselves: a Muslim officer's 🧕🏽, a gay officer's 🏳️‍🌈, a grandad's
👴🏾. Read alone, "gym at lunch? 🧕🏽" and "I hate 🧕🏽" share their emoji, and the text model, which learnt such emoji
mostly from emoji hate, reads some of the first kind as hate of the emoji's group: a slur attributed to the very member
it would be aimed at. Two per-message fixes cost recall on emoji hate (the model card), for one message cannot say whose
emoji it is. The sender's other messages can.

An emoji that names a group is the sender's own when it signs (stands at the start or end of a message, apart from the
sentence: ``text.signature_spans``) at least ``MIN_SIGNED`` of their messages, and at least ``MIN_SHARE`` of those
raise nothing when read again by the same pipeline with it blanked out (spaces, so every span still points into the
original text). Not "of their messages that raised nothing": the model reads some emoji as hate nearly every time (a
member signing 🧕🏿 had every signed line flagged in ``training/signature_chat.py``), so the habit shows only once the
emoji is taken out. Each flagged message of theirs that it signs is read again without it; a category the re-read
no longer flags keeps its flag, and its reason's caution says so, with the habit's numbers.

Why a caution and not a set-aside: setting those flags aside (``training/rejected/analyse-own-emoji-set-aside.diff``)
cut the false flags on members' own signed lines by 84-95%, but where the emoji is the topic ("vile roadkill in my
street 👳🏾") and also the sender's habit it lost 10 of 66 hateful rows; and a member who addresses a colleague by an
ethnic emoji ("morning 👳🏾") makes that emoji "theirs" by the same count. A reviewer can tell those apart; the counts
cannot.

Deterministic: the result depends only on the messages, their senders and the pipeline.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from chatprobe.detect.base import TextItem
from chatprobe.detect.lexicon import Lexicon
from chatprobe.detect.pipeline import Decision, Pipeline
from chatprobe.detect.taxonomy import taxonomy

MIN_SIGNED = 5  # messages of the sender the emoji signs
MIN_SHARE = 2 / 3  # of those, the share that raise nothing read without it
MARK = "likely the sender's own emoji"  # in the caution this step writes; ``cautioned`` looks for it
Signature = list[tuple[int, int, str]]  # a message's signature emoji that name a group: (start, end, emoji)


@dataclass(frozen=True)
class OwnEmoji:
    sender: str
    emoji: str  # without variation selectors
    signed: int  # the sender's messages it signs
    clean: int  # of those, the ones that raise nothing read without it

    def to_json(self) -> dict[str, object]:
        return {"sender": self.sender, "emoji": self.emoji, "signed": self.signed, "clean": self.clean}


def categories(d: Decision) -> set[str]:
    return set(taxonomy().categories_of(d.labels))


def lexicon_of(pipeline: Pipeline) -> Lexicon | None:
    return next((d for d in pipeline.detectors if isinstance(d, Lexicon)), None)


def _blank(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """``text`` with these spans as spaces: every other character keeps its position."""
    for a, b in spans:
        text = text[:a] + " " * (b - a) + text[b:]
    return text


def signatures(senders: Sequence[str | None], texts: Sequence[str], lexicon: Lexicon) -> dict[int, Signature]:
    """message index → its signature's group emoji (``Lexicon.signature_group_emoji``), for messages with a sender
    and one; read once for both steps below."""
    out = {}
    for k, (who, text) in enumerate(zip(senders, texts, strict=True)):
        if who is not None and not text.isascii() and (sig := lexicon.signature_group_emoji(text)):
            out[k] = sig
    return out


def own_emoji(senders: Sequence[str | None], texts: Sequence[str], signed_by: dict[int, Signature],
              pipeline: Pipeline) -> dict[str, dict[str, OwnEmoji]]:
    """sender → their own emoji (module docstring): each group emoji that signs at least ``MIN_SIGNED`` of their
    messages, at least ``MIN_SHARE`` of which raise nothing read again without it."""
    where: dict[tuple[str, str], list[tuple[int, tuple[int, int]]]] = defaultdict(list)
    for k, sig in signed_by.items():
        for a, b, e in sig:
            where[(senders[k] or "", e)].append((k, (a, b)))
    todo = []  # (sender, emoji, the message read without it)
    for (who, e), found in sorted(where.items()):
        by_message: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for k, span in found:
            by_message[k].append(span)
        if len(by_message) >= MIN_SIGNED:
            todo.extend((who, e, _blank(texts[k], spans)) for k, spans in sorted(by_message.items()))
    again = pipeline.classify([TextItem(str(n), t) for n, (_, _, t) in enumerate(todo)]) if todo else []
    signed: Counter[tuple[str, str]] = Counter()
    clean: Counter[tuple[str, str]] = Counter()
    for (who, e, _), d in zip(todo, again, strict=True):
        signed[(who, e)] += 1
        clean[(who, e)] += not categories(d)
    out: dict[str, dict[str, OwnEmoji]] = {}
    for (who, e), n in sorted(signed.items()):
        if clean[(who, e)] >= MIN_SHARE * n:
            out.setdefault(who, {})[e] = OwnEmoji(who, e, n, clean[(who, e)])
    return out


def caution(senders: Sequence[str | None], texts: Sequence[str], decisions: Sequence[Decision],
            pipeline: Pipeline) -> tuple[list[Decision], dict[str, dict[str, OwnEmoji]]]:
    """``decisions`` with a case caution on each flag that the sender's own emoji alone raises (module docstring),
    and the own emoji found. No label, score or severity changes; the decisions keep their order and ids."""
    lexicon = lexicon_of(pipeline)
    if lexicon is None:
        return list(decisions), {}
    signed_by = signatures(senders, texts, lexicon)
    own = own_emoji(senders, texts, signed_by, pipeline)
    todo: list[tuple[int, str, list[OwnEmoji]]] = []
    for k, sig in sorted(signed_by.items()):
        mine = own.get(senders[k] or "", {})
        if not mine or not categories(decisions[k]):
            continue
        spans = [(a, b, mine[e]) for a, b, e in sig if e in mine]
        if spans:
            todo.append((k, _blank(texts[k], [(a, b) for a, b, _ in spans]), [o for _, _, o in spans]))
    out = list(decisions)
    if not todo:
        return out, own
    again = pipeline.classify([TextItem(decisions[k].id, blank) for k, blank, _ in todo])
    for (k, _, used), d2 in zip(todo, again, strict=True):
        d = decisions[k]
        dropped = categories(d) - categories(d2)
        if not dropped or categories(d2) - categories(d):
            continue
        which = "; ".join(f"{o.emoji} signs {o.signed} of this sender's messages, {o.clean} of which raise nothing "
                          "without it" for o in dict.fromkeys(used))
        note = (f"{which}: {MARK}, and without it this message raises no "
                f"{', '.join(sorted(dropped))} flag; read it in context (an emoji can also be a running nickname "
                "for a colleague, which is itself abuse)")
        reasons = tuple(replace(r, caution=note) if r.label in dropped and r.set_aside is None else r
                        for r in d.reasons)
        out[k] = replace(d, reasons=reasons)
    return out, own


def cautioned(d: Decision) -> bool:
    """Whether a decision carries the case caution of ``caution``."""
    return any(r.caution and MARK in r.caution for r in d.reasons)
