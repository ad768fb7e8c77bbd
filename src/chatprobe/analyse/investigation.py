"""The investigation view: who said what, who was there, and how each member present responded.

Input: the chats of a case, their messages in order, their membership events, one classification per text
message (labels and scores from ``detect``) and a :class:`People` map. Output: an :class:`Investigation`
with findings (each flagged message with its context, the members present and their responses), a profile
per person and a summary per chat. Everything is computed from positions in the export, so messages
written in the same minute keep their order; the result depends only on the inputs (no clock, no
randomness), so the same case gives the same report.

Membership (per chat, from the system messages):
- the creator is a member from the start; so is anyone who posts, or acts (adds or removes someone),
  before any join message of theirs — they were there before the export begins;
- "added" and "joined" start a membership; "left" and "removed" end it; a later join starts a new one;
- a person nobody saw join or leave is a member from the start to the end.

Responses of a member present at a flagged message (the sender's own follow-ups are never responses): the
member's messages within ``window_messages`` messages *and* ``window_minutes`` minutes after it.
The first of them that challenges (``counter_speech``) or endorses (``endorsement``: a laughing or
approving reply, emoji, "LMAO") decides. A bare rebuke by name to the sender of the flagged message it answers
("no Dan", "Dan, stop it", "behave Dan": nothing else said, no emoji) is a challenge, though the classifier, which
reads a message alone, cannot tell "no Dan" from "no worries"; so is a reply that opens with a refusal as a clause of
its own ("absolutely not. footage stays on the system", "don't you dare, it's evidence"; not "no way, when?"), and a
summons by name that says nothing else but when and where ("Dan, my office at the end of the shift"; not "Dan, see
me, I've got your birthday card"); a member who instead left the group within the window "left";
everyone else present was ``silent``. A reply answers one flagged message, not every one in its window:
- a message that quotes-replies to a different message is not a response to this one;
- one that names the sender of a flagged message it could answer ("that's out of order Bob") answers that
  sender's latest, not another's, nor an earlier one of his with another's message between;
- otherwise it answers the latest flagged message before it: where another flagged message came in between, a
  "😂" is laughing at that one, not at this; a run of one sender's messages with nothing else between counts as
  one.
A name counts written with a capital ("Bob"), or in any case where it is no common chat word ("cara").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cached_property
from typing import Any

from chatprobe.analyse.people import PHONE, People
from chatprobe.detect.language import common_english
from chatprobe.model import (  # noqa: F401  (Classification, Finding, Response, RESPONSES: re-exported)
    RESPONSES,
    Classification,
    Finding,
    MembershipEvent,
    MembershipKind,
    Message,
    MessageKind,
    Response,
)

JOIN = {MembershipKind.CREATED, MembershipKind.ADDED, MembershipKind.JOINED_BY_LINK}
LEAVE = {MembershipKind.LEFT, MembershipKind.REMOVED}
# words of a display name (3 letters or more) that name no one in particular: ranks, titles and honorifics ("Sgt Amy
# Cole" is named by "Amy" or "Cole")
TITLES = frozenset(["sgt", "sarge", "det", "insp", "inspector", "supt", "pcso", "mrs", "miss", "sir", "guv", "the",
                    "police", "officer"])
WORD = re.compile(r"[^\W\d_]+")
# a bare rebuke: "no Dan", "Dan no", "behave Dan", "stop it Dan!!". Read alone, "no <word>" is no challenge ("no
# worries", "no Dan, I'm on nights"); addressed by name to the sender of the flagged message it answers, with nothing
# else said, it is one. A core word is needed; the others may only come with it
REBUKE_CORE = frozenset(["no", "noo", "nooo", "nope", "nah", "stop", "enough", "behave", "oi", "oii", "oy", "dont"])
REBUKE_FILL = frozenset(["just", "it", "mate", "please", "pls", "now", "pal", "man", "lads", "ffs", "fs", "seriously",
                         "really", "bro", "fella", "come", "on", "thats", "that", "right", "ok", "okay"])
BARE = re.compile(r"[^\W\d_]+|[\s.,!?;:'’\-…]+")  # words and punctuation only: an emoji or a digit is more than a rebuke
# a reply that opens with a refusal, as a sentence or clause of its own, refuses what it answers whatever follows
# ("absolutely not. footage stays on the system", "don't you dare, it's evidence"); "no way" is amazement as often
# ("no way, when?"), "absolutely" alone is agreement
REFUSAL = re.compile(r"\s*(?:absolutely|definitely|certainly) not\b|\s*not (?:a chance|a hope|happening|on my "
                     r"watch|in a million years)\b|\s*(?:don'?t|do not) you dare\b|\s*no chance\b", re.IGNORECASE)
REFUSAL_END = re.compile(r"\s*(?:[.,!;:…\-–—]|$)")
# a summons to the sender of a flagged message, by name, and nothing else but when and where ("Gary, my office
# at the end of the shift", "Gary I want a word with you after briefing", "we need to talk about that"): a
# supervisor's challenge; not a summons with other business ("come and see me, I've got your birthday card", "a
# word of advice: the A1 is shut", "bring the keys to my office")
SUMMONS = re.compile(r"\b(?:my office|(?:come and |come )?see me|(?:(?:i want|i need|id like|can i have|could i have|"
                     r"ill have|have) )?a (?:quick |quiet )?word(?: with you)?|we need (?:to talk|a word|to have a "
                     r"chat))\b", re.IGNORECASE)
SUMMONS_FILL = frozenset("now please pls after before briefing shift the end of at in private when you get go home "
                         "minutes mins min tomorrow today first thing morning later asap straight away right with "
                         "quick quiet then about that this it what said just".split())


@dataclass(frozen=True)
class Options:
    context_before: int = 5  # messages shown before a flagged one
    context_after: int = 5
    window_messages: int = 20  # a response must come within this many messages …
    window_minutes: float = 60.0  # … and this many minutes after the flagged message
    conversation: int = 25  # messages either side kept for "the conversation at this point" in reports


@dataclass
class Profile:
    name: str
    aliases: list[str]
    subject: bool
    chats: list[str] = field(default_factory=list)
    messages_sent: int = 0
    flagged_sent: Counter[str] = field(default_factory=Counter)
    flagged_by_severity: Counter[int] = field(default_factory=Counter)
    first_flagged: datetime | None = None
    last_flagged: datetime | None = None
    present_for_flagged: int = 0
    responses: Counter[str] = field(default_factory=Counter)
    flagged_cautioned: int = 0  # flagged messages sent whose flag carries a caution (a known misreading)

    @property
    def flagged_messages(self) -> int:
        return sum(self.flagged_by_severity.values())


@dataclass
class ChatSummary:
    chat_id: str
    title: str | None
    platform: str
    source_file: str
    source_sha256: str
    messages: int
    first: datetime | None
    last: datetime | None
    members: list[str]
    flagged: Counter[str] = field(default_factory=Counter)
    flagged_messages: int = 0
    membership: dict[str, list[tuple[int, int | None]]] = field(default_factory=dict)  # person → positions
    owner: str | None = None  # the person who exported it, when known


@dataclass
class ChatInput:
    chat_id: str
    title: str | None
    platform: str
    source_file: str
    source_sha256: str
    messages: Sequence[Message]  # in export order
    events: Sequence[MembershipEvent]
    owner: str | None = None  # who exported the chat: "You" in its system messages

    def identity(self) -> Callable[[str], str | None]:
        """How a name in this chat is read: "You" is the exporter when known. When not known, "You" stays
        a member only where it sends messages (a phone database); in text exports, where the exporter's
        own messages carry their name, an unknown "You" is left out rather than counted twice."""
        you = self.owner or ("You" if self._you_sends else None)

        def ident(name: str) -> str | None:
            return you if name == "You" else name
        return ident

    @cached_property
    def _you_sends(self) -> bool:
        return any(m.sender == "You" and m.kind is not MessageKind.SYSTEM for m in self.messages)


@dataclass
class Investigation:
    chats: list[ChatSummary]
    findings: list[Finding]
    profiles: dict[str, Profile]
    options: Options
    people: People

    def to_json(self) -> dict[str, Any]:
        """The shape scripts (and the held-out check) read: chats, members, findings."""
        return {
            "chats": [{
                "chat_id": c.chat_id, "title": c.title, "platform": c.platform, "source_file": c.source_file,
                "source_sha256": c.source_sha256, "messages": c.messages,
                "first": c.first.isoformat() if c.first else None, "last": c.last.isoformat() if c.last else None,
                "members": c.members, "owner": c.owner, "flagged_messages": c.flagged_messages,
                "flagged": dict(c.flagged),
                "membership": {p: [{"from_position": a, "to_position": b} for a, b in spans]
                               for p, spans in c.membership.items()},
            } for c in self.chats],
            "members": [{
                "name": p.name, "aliases": p.aliases, "subject": p.subject, "chats": p.chats,
                "messages_sent": p.messages_sent, "flagged_sent": dict(p.flagged_sent),
                "flagged_cautioned": p.flagged_cautioned,
                "flagged_by_severity": {str(k): v for k, v in sorted(p.flagged_by_severity.items())},
                "first_flagged": p.first_flagged.isoformat() if p.first_flagged else None,
                "last_flagged": p.last_flagged.isoformat() if p.last_flagged else None,
                "present_for_flagged": p.present_for_flagged,
                "endorsed": p.responses["endorsement"], "challenged": p.responses["counter_speech"],
                "silent": p.responses["silent"], "left": p.responses["left"],
            } for p in self.profiles.values()],
            "findings": [{
                "message_id": f.message.id, "chat_id": f.message.chat_id, "sender": f.sender,
                "sender_as_written": f.message.sender,
                "timestamp": f.message.timestamp.isoformat() if f.message.timestamp else None,
                "timestamp_raw": f.message.timestamp_raw, "text": f.message.text,
                "categories": list(f.categories), "severity": f.severity,
                "scores": {c: f.classification.scores.get(c) for c in f.categories},
                "targets": dict(f.classification.targets),
                "explanations": [dict(e) for e in f.classification.explanations],
                "image_text": f.classification.image_text,
                "transcript": f.classification.transcript,
                "media": [dict(x) for x in f.classification.media],
                "present": f.present,
                "responses": {p: r.response for p, r in f.responses.items()},
                "response_messages": {p: r.message_id for p, r in f.responses.items() if r.message_id},
                "source": {"file": f.message.source.file, "file_sha256": f.message.source.file_sha256,
                           "line": f.message.source.line_start, "line_end": f.message.source.line_end},
            } for f in self.findings],
        }


# ---- membership ---------------------------------------------------------------------------------------

def membership(chat: ChatInput, people: People) -> dict[str, list[tuple[int, int | None]]]:
    """Person → membership spans as (from position, to position or None while still a member)."""
    position = {m.id: m.position for m in chat.messages}
    spans: dict[str, list[list[int | None]]] = {}
    seen: set[str] = set()  # people whose membership is known from an event or a first appearance
    ident = chat.identity()
    for e in chat.events:  # number changes: the old and the new number are one person
        if e.kind is MembershipKind.CHANGED_NUMBER and e.detail and (who := ident(e.subject)):
            people.link(who, e.detail)

    def start(person: str, pos: int) -> None:
        seen.add(person)
        s = spans.setdefault(person, [])
        if not s or s[-1][1] is not None:
            s.append([pos, None])

    def appear(person: str) -> None:
        # first seen doing something before any join message (or creating the group): there from the start
        if person not in seen:
            start(person, 0)

    by_pos: dict[int, list[MembershipEvent]] = defaultdict(list)  # events keep their order within a position
    for e in chat.events:
        by_pos[position.get(e.message_id, 0)].append(e)
    for m in chat.messages:
        for e in by_pos.get(m.position, ()):
            actor = ident(e.actor) if e.actor else None
            if actor and e.kind is not MembershipKind.CREATED:
                appear(people.resolve(actor))
            who = ident(e.subject)
            if who is None:
                continue
            subject = people.resolve(who)
            if e.kind is MembershipKind.CREATED:
                appear(subject)
            elif e.kind in JOIN:
                start(subject, m.position)
            elif e.kind in LEAVE:
                appear(subject)
                s = spans[subject]
                if s[-1][1] is None:
                    s[-1][1] = m.position
        if m.sender is not None and m.kind is not MessageKind.SYSTEM and (sender := ident(m.sender)):
            appear(people.resolve(sender))
    return {p: [(int(a or 0), b) for a, b in s] for p, s in spans.items()}


def present_at(spans: Mapping[str, list[tuple[int, int | None]]], pos: int) -> list[str]:
    return sorted(p for p, s in spans.items() if any(a <= pos and (b is None or pos < b) for a, b in s))


# ---- the whole investigation ------------------------------------------------------------------------

def investigate(chats: Iterable[ChatInput], classifications: Mapping[str, Classification],
                people: People | None = None, options: Options | None = None) -> Investigation:
    people = people or People()
    options = options or Options()
    profiles: dict[str, Profile] = {}
    summaries: list[ChatSummary] = []
    findings: list[Finding] = []

    def profile(name: str) -> Profile:
        p = profiles.get(name)
        if p is None:
            person = people.people.get(name)
            p = profiles[name] = Profile(name, [], bool(person and person.subject))
        return p

    for chat in chats:
        msgs = list(chat.messages)
        spans = membership(chat, people)
        ident = chat.identity()
        sender_of = [people.resolve(who) if m.sender is not None and (who := ident(m.sender)) else None
                     for m in msgs]
        stamps = [m.timestamp for m in msgs if m.timestamp]
        summary = ChatSummary(chat.chat_id, chat.title, chat.platform, chat.source_file, chat.source_sha256,
                              len(msgs), min(stamps, default=None), max(stamps, default=None),
                              sorted(spans, key=str.casefold), membership=spans,
                              owner=people.resolve(chat.owner) if chat.owner else None)
        summaries.append(summary)
        for name in spans:
            if chat.chat_id not in profile(name).chats:
                profile(name).chats.append(chat.chat_id)
        left_at: dict[str, list[int]] = defaultdict(list)  # person → indexes of their leave events
        index_of = {m.id: i for i, m in enumerate(msgs)}
        for e in chat.events:
            if e.kind in LEAVE and e.message_id in index_of and (who := ident(e.subject)):
                left_at[people.resolve(who)].append(index_of[e.message_id])
        flagged = [sender_of[k] is not None and m.kind is not MessageKind.SYSTEM
                   and bool(getattr(classifications.get(m.id), "categories", None)) for k, m in enumerate(msgs)]
        named_by = Names(msgs, {p: name_words(p, people) for p in spans})
        for i, m in enumerate(msgs):
            person = sender_of[i]
            if person is None or m.kind is MessageKind.SYSTEM:
                continue
            prof = profile(person)
            prof.messages_sent += 1
            if not flagged[i]:
                continue
            findings.append(_finding(chat, msgs, i, person, classifications[m.id], spans, sender_of, classifications, left_at, options,
                                     flagged, named_by))

    tally(findings, profiles, summaries)
    for name, p in profiles.items():
        person = people.people.get(name)
        p.aliases = sorted(person.aliases, key=str.casefold) if person else []
        p.subject = bool(person and person.subject)
    # most flags first, counting first the flags that carry no caution (a member whose every flag is their own emoji
    # read as hate is not the chat's worst offender)
    ordered = dict(sorted(profiles.items(), key=lambda kv: (-(kv[1].flagged_messages - kv[1].flagged_cautioned),
                                                            -kv[1].flagged_messages, kv[0].casefold())))
    return Investigation(summaries, findings, ordered, options, people)


def tally(findings: Sequence[Finding], profiles: Mapping[str, Profile], chats: Sequence[ChatSummary]) -> None:
    """Fill the profiles' and chats' flagged counts and responses from the findings (counts start at zero)."""
    for p in profiles.values():
        p.flagged_sent, p.flagged_by_severity, p.responses = Counter(), Counter(), Counter()
        p.present_for_flagged, p.first_flagged, p.last_flagged, p.flagged_cautioned = 0, None, None, 0
    for s in chats:
        s.flagged, s.flagged_messages = Counter(), 0
    by_chat = {s.chat_id: s for s in chats}
    for f in findings:
        p = profiles[f.sender]
        p.flagged_sent.update(f.categories)
        p.flagged_by_severity[f.severity] += 1
        p.flagged_cautioned += f.cautioned
        ts = f.message.timestamp
        if ts is not None:
            p.first_flagged = ts if p.first_flagged is None else min(p.first_flagged, ts)
            p.last_flagged = ts if p.last_flagged is None else max(p.last_flagged, ts)
        by_chat[f.message.chat_id].flagged.update(f.categories)
        by_chat[f.message.chat_id].flagged_messages += 1
        for name, r in f.responses.items():
            profiles[name].present_for_flagged += 1
            profiles[name].responses[r.response] += 1


def name_words(person: str, people: People) -> frozenset[str]:
    """The words a message may name ``person`` by: each word of 3 letters or more of their name and aliases, lower
    case, ranks and titles left out ("Sgt Amy Cole" → amy, cole); none for a phone number."""
    p = people.people.get(person)
    names = [person, *(p.aliases if p else ())]
    return frozenset(w.casefold() for n in names if not PHONE.match(n.strip())
                     for w in WORD.findall(n) if len(w) >= 3 and w.casefold() not in TITLES)


class Names:
    """Which members each message of a chat names, worked out once per message when first asked."""

    def __init__(self, msgs: Sequence[Message], words_of: Mapping[str, frozenset[str]]) -> None:
        self.msgs, self.words_of, self._seen = msgs, words_of, {}

    def __call__(self, j: int) -> frozenset[str]:
        if j not in self._seen:
            text = self.msgs[j].text or ""
            common = common_english()  # a name that is a common chat word ("will", "ben") needs its capital
            found = {w.casefold() for w in WORD.findall(text) if w[0].isupper() or w.casefold() not in common}
            self._seen[j] = frozenset(p for p, words in self.words_of.items() if words & found)
        return self._seen[j]


def _answers(i: int, j: int, sender: str, sender_of: Sequence[str | None], flagged: Sequence[bool],
             msgs: Sequence[Message], names: Names, options: Options) -> bool:
    """Whether message ``j`` (a challenge or an endorsement, quoting nothing) answers flagged message ``i``, sent by
    ``sender``, rather than another flagged message it could answer (module docstring)."""
    window = timedelta(minutes=options.window_minutes)
    t = msgs[j].timestamp

    def open_at_j(k: int) -> bool:  # j is within k's response window
        tk = msgs[k].timestamp
        return j - k <= options.window_messages and not (t and tk and t - tk > window)

    named = names(j)
    by: frozenset[str] | None = None  # whose flagged messages the reply answers (None: anyone's)
    if named:
        answerable = {sender_of[k] for k in range(max(0, j - options.window_messages), j) if flagged[k] and open_at_j(k)}
        if named & answerable:
            if sender not in named:
                return False
            by = named  # "not funny Dan" answers Dan's latest flagged message, not each of his in the window
    # the latest flagged message before the reply, or a run of the sender's own messages that ends with it
    latest = max(k for k in range(i, j) if flagged[k] and (by is None or sender_of[k] in by))
    return all(sender_of[k] == sender for k in range(i, latest + 1))


def refuses(text: str) -> bool:
    """Whether ``text`` opens with a refusal standing as a sentence or clause of its own ("absolutely not. …",
    "not on my watch, …"); not "definitely not sure"."""
    m = REFUSAL.match(text.replace("’", "'"))
    return bool(m) and bool(REFUSAL_END.match(text, m.end()))


def _unquoted(text: str) -> str:
    """``text`` without apostrophes, as the reply patterns read it ("don't" is "dont", "I'd like" is "Id like")."""
    return text.replace("'", "").replace("’", "")


def _words(text: str) -> list[str]:
    """The words of ``text``, case-folded, apostrophes dropped; digits are no words."""
    return [w.casefold() for w in WORD.findall(_unquoted(text))]


def summons(text: str, sender_words: frozenset[str]) -> bool:
    """Whether ``text`` summons the sender to account and says nothing else but when and where ("Gary. My office, 10
    minutes", "Gary I want a word with you after briefing"); the caller counts it where the reply names the sender."""
    plain = _unquoted(text)
    m = SUMMONS.search(plain)
    return m is not None and all(w in sender_words or w in SUMMONS_FILL
                                 for w in _words(plain[:m.start()] + " " + plain[m.end():]))


def rebukes(text: str, sender_words: frozenset[str]) -> bool:
    """Whether ``text`` is nothing but a rebuke and the words of a name in ``sender_words`` ("no Dan", "Dan stop it!")."""
    if not sender_words or "".join(BARE.findall(text)) != text:
        return False
    words = _words(text)
    rest = [w for w in words if w not in sender_words]
    return (len(rest) < len(words) and bool(rest) and any(w in REBUKE_CORE for w in rest)
            and all(w in REBUKE_CORE or w in REBUKE_FILL for w in rest))


def _challenges(text: str, names_sender: bool, sender_words: frozenset[str]) -> bool:
    """A challenge the classifier, reading a message alone, cannot see: a reply that opens with a refusal, or one that
    names the sender and is nothing but a rebuke or a summons."""
    return refuses(text) or (names_sender and (rebukes(text, sender_words) or summons(text, sender_words)))


def _finding(chat: ChatInput, msgs: list[Message], i: int, sender: str, c: Classification,
             spans: Mapping[str, list[tuple[int, int | None]]], sender_of: list[str | None],
             classifications: Mapping[str, Classification], left_at: Mapping[str, list[int]],
             options: Options, flagged: Sequence[bool], names: Names) -> Finding:
    m = msgs[i]
    present = [p for p in present_at(spans, m.position) if p != sender]
    responses: dict[str, Response] = {}
    window = timedelta(minutes=options.window_minutes)
    last = min(len(msgs) - 1, i + options.window_messages)
    for j in range(i + 1, last + 1):
        r = msgs[j]
        if m.timestamp and r.timestamp and r.timestamp - m.timestamp > window:
            last = j - 1
            break
        who = sender_of[j]
        if who is None or who == sender or who not in present or who in responses or r.kind is MessageKind.SYSTEM:
            continue
        if r.reply_to is not None and r.reply_to != m.id:
            continue  # a quoted reply to something else
        rc = classifications.get(r.id)
        label = next((x for x in ("counter_speech", "endorsement") if rc and x in rc.labels), None)
        if label is None and _challenges(r.text or "", sender in names(j), names.words_of.get(sender, frozenset())):
            label = "counter_speech"
        if label is not None and (r.reply_to == m.id
                                  or _answers(i, j, sender, sender_of, flagged, msgs, names, options)):
            delay = (r.timestamp - m.timestamp).total_seconds() if m.timestamp and r.timestamp else None
            responses[who] = Response(who, label, r.id, r.text, delay)
    for who in present:
        if who in responses:
            continue
        leave = next((k for k in left_at.get(who, ()) if i < k <= last), None)
        if leave is not None:
            ev = msgs[leave]
            delay = (ev.timestamp - m.timestamp).total_seconds() if m.timestamp and ev.timestamp else None
            responses[who] = Response(who, "left", ev.id, ev.text, delay)
        else:
            responses[who] = Response(who, "silent")
    lo, hi = max(0, i - options.context_before), min(len(msgs), i + options.context_after + 1)
    context = [(msgs[k], sender_of[k]) for k in range(lo, hi)]
    wide_lo, wide_hi = max(0, i - options.conversation), min(len(msgs), i + options.conversation + 1)
    conversation = [(msgs[k], sender_of[k]) for k in range(wide_lo, wide_hi)]
    return Finding(m, chat.title, sender, c.categories, c, present, dict(sorted(responses.items())), context,
                   conversation)
