"""A member's own emoji, known from the whole case (analyse/signature.py, 2026-12-07).

Where a signature emoji stands (``text.signature_spans``, written for the rejected per-message candidate S2 and kept
for this), which of its emoji name a group, how a sender's habit is found, and the caution it puts on a flag: a
fixed-rule pipeline stands in for the text model, so each case says exactly what the model read; one case runs the
real pipeline through a stored case and its report."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from chatprobe.analyse import signature
from chatprobe.analyse.stored import classify_case, load_case
from chatprobe.case import Case
from chatprobe.detect.base import TextItem
from chatprobe.detect.lexicon import Lexicon
from chatprobe.detect.pipeline import Decision, Reason
from chatprobe.detect.text import signature_spans


@pytest.mark.parametrize("text,signature_", [
    ("gym at lunch? 🧕🏽", " 🧕🏽"),  # after the sentence has ended
    ("🧕🏽 who's bringing the cake on Friday", "🧕🏽 "),  # before a sentence with its own subject
    ("custody full, taking him to the next station 🧕🏿", " 🧕🏿"),
    ("lol 👳‍♂️", " 👳‍♂️"),
    ("🕍 grabbing a fag, back in 5", "🕍 "),
    ("I hate these 🧕", None),  # the sentence goes on into it: a word that wants a noun
    ("more 👮🏻 less👳🏽‍♂️", None),
    ("fuck black 👩🏿", None),  # an identity adjective before it
    ("i spit on ♿", None),  # a preposition
    ("byeee 👳🏾", None),  # a farewell, letters drawn out or not
    ("gays = 🤮", None),  # a symbol
    ("👩🏿‍🏫 can't teach", None),  # it is the subject
    ("🧕 and 👳 are vile", None),
    ("🧔🏾🔫", None),  # emoji alone: no sentence to sign
    ("no emoji at all", None),
])
def test_where_a_signature_stands(text, signature_):
    assert [text[a:b] for a, b in signature_spans(text)] == ([signature_] if signature_ else [])


@pytest.mark.parametrize("text,found", [
    ("gym at lunch? 🧕🏽", ["🧕🏽"]),  # the emoji with its tone, whole
    ("on my way 👍 👩", ["👩"]),  # a thumbs-up names no group
    ("sounds good 🏳️‍🌈", ["🏳\u200d🌈"]),  # without its variation selector
    ("on my way 👍", []), ("I hate these 🧕", []),
])
def test_the_signature_emoji_that_name_a_group(text, found):
    assert [e for _, _, e in Lexicon().signature_group_emoji(text)] == found


@dataclass
class Biased:
    """A pipeline whose "model" reads 🧕🏿 as religious hate wherever it stands, and "vermin" as derogatory."""

    detectors: list = field(default_factory=lambda: [Lexicon()])
    calls: int = 0

    def classify(self, items):
        self.calls += 1
        out = []
        for it in items:
            labels, reasons = [], []
            if "🧕🏿" in it.text:
                labels.append("religion")
                reasons.append(Reason("religion", 0.9, "text-model", "text model: hateful 0.9",
                                      caution="the group is named only by an emoji (per message)"))
            if "vermin" in it.text:
                labels.append("derogatory")
                reasons.append(Reason("derogatory", 0.9, "text-model", "text model: derogatory 0.9"))
            out.append(Decision(it.id, tuple(labels), {k: 0.9 for k in labels}, {k: 2 for k in labels},
                                {}, tuple(reasons)))
        return out


def _run(chat):
    pipe = Biased()
    senders, texts = [s for s, _ in chat], [t for _, t in chat]
    before = pipe.classify([TextItem(str(k), t) for k, t in enumerate(texts)])
    after, own = signature.caution(senders, texts, before, pipe)
    return before, after, own


SIGNED = ["sounds good", "on my way", "who's got the van keys?", "gym at lunch?", "running late, sorry"]


def test_an_emoji_that_signs_a_members_messages_is_theirs_and_cautions_its_flags():
    """Aisha signs five lines with 🧕🏿 and the biased model flags every one as religious hate: read without it, none
    raises anything, so it is hers. Each of those flags keeps its label and gets the case caution, with the habit's
    numbers; her "they are vermin 🧕🏿" keeps derogatory as it was, and its religion gets the caution."""
    chat = [("Aisha", f"{t} 🧕🏿") for t in SIGNED] + [("Aisha", "they are vermin 🧕🏿")]
    before, after, own = _run(chat)
    assert own == {"Aisha": {"🧕🏿": signature.OwnEmoji("Aisha", "🧕🏿", 6, 5)}}
    assert [d.labels for d in after] == [d.labels for d in before]  # no flag changes
    assert all(signature.cautioned(d) for d in after)
    note = next(r.caution for r in after[0].reasons if r.label == "religion")
    assert "🧕🏿 signs 6 of this sender's messages, 5 of which raise nothing without it" in note
    vermin = {r.label: r.caution for r in after[-1].reasons}
    assert vermin["derogatory"] is None and "likely the sender's own emoji" in vermin["religion"]


def test_no_habit_no_caution():
    """Four signed lines are too few; an emoji that is the sentence's own ("I hate these 🧕🏿") signs nothing; another
    sender's habit is not Bob's."""
    four = [("Aisha", f"{t} 🧕🏿") for t in SIGNED[:4]]
    _, after, own = _run(four)
    assert own == {} and not any(signature.cautioned(d) for d in after)
    chat = [("Aisha", f"{t} 🧕🏿") for t in SIGNED] + [("Aisha", "I hate these 🧕🏿"), ("Bob", "sounds good 🧕🏿")]
    _, after, own = _run(chat)
    assert set(own) == {"Aisha"}
    assert [signature.cautioned(d) for d in after] == [True] * 5 + [False, False]


def test_a_habit_of_hate_is_no_habit():
    """Where most of the signed messages still raise something without the emoji, it is not the sender's own."""
    chat = [("Dan", f"{t} vermin 🧕🏿") for t in SIGNED] + [("Dan", "sounds good 🧕🏿")]
    _, after, own = _run(chat)
    assert own == {} and not any(signature.cautioned(d) for d in after)


def test_a_stored_case_cautions_and_reports_it(tmp_path):
    """The real pipeline through a stored case: the run records the own emoji found and how many flags carry the
    caution, and the report's method section says so, escaping the sender's name."""
    lines = ["sounds good", "on my way", "who's got the van keys?", "gym at lunch?", "running late, sorry",
             "can someone cover my early?", "the printer's jammed again", "see you at the nick"]
    src = tmp_path / "team.txt"
    src.write_text('05/06/2024, 21:00 - Ann Price created group "Team"\n'
                   '05/06/2024, 21:01 - Ann Price added <b>Aisha</b>\n'
                   + "".join(f"05/06/2024, 21:{10 + k:02d} - <b>Aisha</b>: {t} 🧕🏿\n" for k, t in enumerate(lines))
                   + "05/06/2024, 22:00 - Dan Kerr: next time that skipper mouths off I'll deck him\n",
                   encoding="utf-8")
    case = Case.open("c", home=tmp_path / "home")
    try:
        case.import_paths([src])
        classify_case(case)
        analysis = load_case(case)
    finally:
        case.close()
    own = json.loads(analysis.run["pipeline"])["own_emoji"]
    assert [(x["sender"], x["emoji"], x["signed"]) for x in own["found"]] == [("<b>Aisha</b>", "🧕🏿", 8)]
    flagged = [f for f in analysis.investigation.findings if f.sender == "<b>Aisha</b>"]
    assert own["cautioned"] == len(flagged)  # every flag on her own signed lines comes from the emoji alone
    # Dan's one uncautioned threat lists him before Aisha's cautioned flags, in the members table and the chart
    assert list(analysis.investigation.profiles)[:2] == ["Dan Kerr", "<b>Aisha</b>"]
    from chatprobe.report.html import render
    from chatprobe.report.redact import Redactor
    html = render(analysis, "c")
    assert "members' own emoji" in html and "&lt;b&gt;Aisha&lt;/b&gt; 🧕🏿 (8 signed" in html
    assert "<b>Aisha</b>" not in html
    # the members table and the JSON say how many of her flags carry a caution, so that she does not read as the
    # chat's worst offender at a glance
    member = next(m for m in analysis.investigation.to_json()["members"] if m["name"] == "<b>Aisha</b>")
    assert member["flagged_cautioned"] == len(flagged) > 0
    assert f"{len(flagged)} with a caution: read in context" in html
    assert f"&lt;b&gt;Aisha&lt;/b&gt; ({len(flagged)} cautioned)" in html  # the by-member chart
    redacted = render(analysis, "c", Redactor(others=True))  # a pseudonym here as everywhere else in the report
    assert "🧕🏿 (8 signed" in redacted and "Aisha" not in redacted
    from chatprobe.report.write import result_json
    data = result_json(analysis, "c", Redactor(others=True))  # and in the JSON's method part
    assert "Aisha" not in json.dumps(data, ensure_ascii=False)
