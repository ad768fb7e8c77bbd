"""The investigation view on a fictional chat whose figures were worked out by hand.

tests/fixtures/investigation/night-shift.txt (Android layout). Amy created the group and added Ben, Carl
and Dev; Fay posts before any join message, so she was a member from the start; Eve joins after the first
offensive message; Dev leaves within minutes of the second; Amy removes Carl before the third.

F1  Ben   "Muslims are vermin …"        religion  present: Amy, Carl, Dev, Fay
    Carl "😂😂" → endorsement; Dev "That's out of order …" → counter_speech; Ben's own "lol relax" is not a
    response; Amy, Fay → silent (Fay's only other message is before it).
F2  Carl  "Women shouldn't be on response …"  sex  present: Amy, Ben, Dev, Eve, Fay
    Ben "LMAO 😂" → endorsement; Dev left at 22:05 → left; Fay "Seriously? I'm reporting this" → counter_speech;
    Amy's "😂" at 23:30 is 90 minutes later, outside the 60-minute window → silent; Eve → silent.
F3  Eve   "… I'll give him a proper kicking …"  threat  present: Amy, Ben, Fay (Carl removed, Dev left)
    Ben "😂😂" → endorsement; Fay's next message is routine → silent; Amy → silent.

Per member (messages sent; flagged sent; present for flagged by others; endorsed/challenged/silent/left):
    Amy  1; -;          3; 0/0/3/0
    Ben  5; religion 1; 2; 2/0/0/0
    Carl 4; sex 1;      1; 1/0/0/0
    Dev  1; -;          2; 0/1/0/1
    Eve  1; threat 1;   1; 0/0/1/0
    Fay  3; -;          3; 0/1/2/0
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from chatprobe.analyse.investigation import Names, Options, name_words, rebukes, refuses, summons
from chatprobe.analyse.people import People
from chatprobe.analyse.stored import classify_case, load_case
from chatprobe.case import Case

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "investigation" / "night-shift.txt"

EXPECTED = {  # name: (sent, flagged_sent, present, endorsed, challenged, silent, left)
    "Sgt Amy Cole": (1, {}, 3, 0, 0, 3, 0),
    "Ben Ward": (5, {"religion": 1}, 2, 2, 0, 0, 0),
    "Carl Diaz": (4, {"sex": 1}, 1, 1, 0, 0, 0),
    "Dev Patel": (1, {}, 2, 0, 1, 0, 1),
    "Eve Stone": (1, {"threat": 1}, 1, 0, 0, 1, 0),
    "Fay Lee": (3, {}, 3, 0, 1, 2, 0),
}


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    home = tmp_path_factory.mktemp("cases")
    case = Case.open("night", home=home)
    try:
        case.import_paths([FIXTURE])
        classify_case(case)
        yield load_case(case).investigation.to_json()
    finally:
        case.close()


def test_member_figures_match_the_hand_count(result):
    members = {m["name"]: m for m in result["members"]}
    assert set(members) == set(EXPECTED)
    for name, (sent, flagged, present, endorsed, challenged, silent, left) in EXPECTED.items():
        m = members[name]
        got = (m["messages_sent"], m["flagged_sent"], m["present_for_flagged"], m["endorsed"], m["challenged"],
               m["silent"], m["left"])
        assert got == (sent, flagged, present, endorsed, challenged, silent, left), name


def test_findings_with_presence_and_responses(result):
    findings = [(f["sender"], f["categories"], f["responses"]) for f in result["findings"]]
    assert findings == [
        ("Ben Ward", ["religion"], {"Carl Diaz": "endorsement", "Dev Patel": "counter_speech",
                                    "Fay Lee": "silent", "Sgt Amy Cole": "silent"}),
        ("Carl Diaz", ["sex"], {"Ben Ward": "endorsement", "Dev Patel": "left", "Eve Stone": "silent",
                                "Fay Lee": "counter_speech", "Sgt Amy Cole": "silent"}),
        ("Eve Stone", ["threat"], {"Ben Ward": "endorsement", "Fay Lee": "silent", "Sgt Amy Cole": "silent"}),
    ]
    f1 = result["findings"][0]
    assert f1["timestamp_raw"] == "01/05/2024, 09:30 -" and f1["timestamp"] == "2024-05-01T09:30:00"
    assert f1["source"]["line"] == 8 and len(f1["source"]["file_sha256"]) == 64


def test_membership_timeline(result):
    spans = result["chats"][0]["membership"]
    assert spans["Fay Lee"] == [{"from_position": 0, "to_position": None}]  # posted before any join message
    assert spans["Sgt Amy Cole"] == [{"from_position": 0, "to_position": None}]  # the creator
    assert spans["Eve Stone"][0]["from_position"] == 11
    assert spans["Dev Patel"] == [{"from_position": 3, "to_position": 15}]
    assert spans["Carl Diaz"] == [{"from_position": 2, "to_position": 18}]


def test_window_options_change_the_outcome(tmp_path):
    case = Case.open("w", home=tmp_path)
    try:
        case.import_paths([FIXTURE])
        classify_case(case)
        wide = load_case(case, options=Options(window_minutes=120)).investigation.to_json()
        narrow = load_case(case, options=Options(window_messages=1)).investigation.to_json()
    finally:
        case.close()
    # with two hours, Amy's 😂 at 23:30 counts as laughing along with F2
    assert wide["findings"][1]["responses"]["Sgt Amy Cole"] == "endorsement"
    # with a one-message window only the next message counts: Dev's challenge of F1 is two messages later
    assert narrow["findings"][0]["responses"]["Dev Patel"] == "silent"
    assert narrow["findings"][0]["responses"]["Carl Diaz"] == "endorsement"


def test_people_file_merges_identities(tmp_path):
    people_file = tmp_path / "people.toml"
    people_file.write_text('[[person]]\nname = "PS Amy Cole"\naliases = ["Sgt Amy Cole", "+44 7700 900999"]\n'
                           'subject = true\n', encoding="utf-8")
    case = Case.open("p", home=tmp_path)
    try:
        case.import_paths([FIXTURE])
        classify_case(case)
        res = load_case(case, people=People.load(people_file)).investigation.to_json()
    finally:
        case.close()
    amy = next(m for m in res["members"] if m["name"] == "PS Amy Cole")
    assert amy["subject"] is True and "Sgt Amy Cole" in amy["aliases"] and amy["silent"] == 3


def _investigation(home: Path, src: Path) -> dict:
    """The investigation of one export, imported and classified into a new case under ``home``."""
    case = Case.open("c", home=home)
    try:
        case.import_paths([src])
        classify_case(case)
        return load_case(case).investigation.to_json()
    finally:
        case.close()


def test_a_member_seen_before_the_created_line_has_one_span(tmp_path):
    """An export can start before the 'created' system line names someone already seen: one span, not two."""
    src = tmp_path / "late-created.txt"
    src.write_text('01/05/2024, 07:00 - Sgt Amy Cole: morning\n'
                   '01/05/2024, 08:00 - Sgt Amy Cole created group "Night Shift"\n'
                   '01/05/2024, 08:01 - Sgt Amy Cole added Ben Ward\n'
                   '01/05/2024, 09:00 - Ben Ward left\n', encoding="utf-8")
    spans = _investigation(tmp_path, src)["chats"][0]["membership"]
    assert spans["Sgt Amy Cole"] == [{"from_position": 0, "to_position": None}]
    assert spans["Ben Ward"] == [{"from_position": 2, "to_position": 3}]


TWO_REMARKS = Path(__file__).resolve().parents[1] / "fixtures" / "investigation" / "two-remarks.txt"


def test_a_reply_answers_one_flagged_message_not_every_one_in_its_window(tmp_path):
    """tests/fixtures/investigation/two-remarks.txt, worked out by hand. Before 2026-12-06 every challenge or laugh
    counted for every flagged message in its window: Cara challenged four of the six remarks (Ann's two as well as
    Bob's) and Dan endorsed all six.

    21:10 Ann "Muslims are vermin …"; 21:11 Bob "Women shouldn't be on response …"; 21:12 Cara "That's out of order
    Bob" (names Bob: his); 21:12 Dan "😂😂" (the latest flagged message is Bob's: his). Ann's remark: all silent.
    22:00 Bob "Gays shouldn't be allowed on firearms …"; 22:01 Ann "Pakis are vermin"; 22:02 Cara "Out of order Bob,
    seriously" (names Bob: his, though Ann's came between). 22:30 Ann "Muslims are scum", 22:30 Ann "Muslims are
    filth …" (a run of Ann's), 22:31 Dan "😂" (the run: both; not "Pakis are vermin", with Cara's message between)."""
    res = _investigation(tmp_path, TWO_REMARKS)
    got = [(f["sender"], f["text"].split(",")[0], {p: r for p, r in f["responses"].items() if r != "silent"})
           for f in res["findings"]]
    assert got == [
        ("Ann Price", "Muslims are vermin", {}),
        ("Bob Shaw", "Women shouldn't be on response", {"Cara Webb": "counter_speech", "Dan Kerr": "endorsement"}),
        ("Bob Shaw", "Gays shouldn't be allowed on firearms", {"Cara Webb": "counter_speech"}),
        ("Ann Price", "Pakis are vermin", {}),
        ("Ann Price", "Muslims are scum", {"Dan Kerr": "endorsement"}),
        ("Ann Price", "Muslims are filth", {"Dan Kerr": "endorsement"}),
    ]
    members = {m["name"]: m for m in res["members"]}
    assert (members["Cara Webb"]["challenged"], members["Cara Webb"]["silent"]) == (2, 4)
    assert (members["Dan Kerr"]["endorsed"], members["Dan Kerr"]["silent"]) == (3, 3)


@pytest.mark.parametrize("text,named", [
    ("That's out of order Bob", {"Bob Shaw"}), ("out of order shaw", {"Bob Shaw"}),  # "shaw" is no common chat word
    ("out of order bob", set()),  # "bob" is (a bob, bob up): a capital is needed
    ("Sgt Cole won't like this", {"Sgt Amy Cole"}), ("sgt, is this ok?", set()),  # a rank names nobody
    ("😂😂", set()), ("call +44 7700 900123", set()),
])
def test_who_a_message_names(text, named):
    people = People()
    words = {p: name_words(p, people) for p in ("Bob Shaw", "Sgt Amy Cole", "+44 7700 900123")}
    assert words["+44 7700 900123"] == frozenset()
    assert Names([SimpleNamespace(text=text)], words)(0) == named  # only a message's text is read


def test_a_reply_naming_a_sender_answers_his_latest_remark(tmp_path):
    """Dan's two remarks with Bob's message between; Ann's "not funny Dan, delete it" answers the second, not both (it
    counted for both before 2026-12-07: the reply named Dan and both were Dan's). Two of Dan's in a run are one."""
    src = tmp_path / "named.txt"
    src.write_text('05/06/2024, 21:00 - Ann Price created group "Team"\n'
                   '05/06/2024, 21:01 - Ann Price added Bob Shaw\n'
                   '05/06/2024, 21:01 - Ann Price added Dan Kerr\n'
                   '05/06/2024, 21:10 - Dan Kerr: Muslims are vermin, the lot of them\n'
                   '05/06/2024, 21:11 - Bob Shaw: who is on nights tomorrow?\n'
                   '05/06/2024, 21:12 - Dan Kerr: Pakis are vermin\n'
                   '05/06/2024, 21:13 - Ann Price: not funny Dan, delete it\n'
                   '05/06/2024, 22:00 - Dan Kerr: Muslims are scum\n'
                   '05/06/2024, 22:00 - Dan Kerr: Muslims are filth, all of them\n'
                   '05/06/2024, 22:01 - Ann Price: out of order Dan\n', encoding="utf-8")
    res = _investigation(tmp_path, src)
    got = [(f["text"].split(",")[0], f["responses"].get("Ann Price")) for f in res["findings"]]
    assert got == [("Muslims are vermin", "silent"), ("Pakis are vermin", "counter_speech"),
                   ("Muslims are scum", "counter_speech"), ("Muslims are filth", "counter_speech")]


@pytest.mark.parametrize("text,rebuke", [
    ("no Dan", True), ("Dan no", True), ("behave Dan", True), ("Dan, stop it!!", True), ("no Dan. just no", True),
    ("oi Kerr, don't", True), ("nope. Dan. no", True),
    ("no Dan, I'm on nights", False),  # an answer, not a rebuke: more is said than the rebuke
    ("Dan", False), ("Dan!!", False), ("seriously Dan", False),  # no rebuke word: could be anything
    ("no Dan 😂", False), ("no Dan 2", False),  # an emoji or a digit says more than a rebuke
    ("no worries", False), ("no mate", False),  # the sender is not named
])
def test_a_bare_rebuke_names_the_sender_and_says_nothing_else(text, rebuke):
    assert rebukes(text, frozenset({"dan", "kerr"})) is rebuke


def test_a_bare_rebuke_by_name_is_a_challenge(tmp_path):
    """"no Dan" or "behave Dan" alone is no challenge to the classifier ("no <word>" out of context is "no worries");
    addressed to the sender of the flagged message it answers, it is one. Before 2026-12-07 Ann and Bob were silent.
    Cara's "no Dan, I'm on nights" says more than a rebuke: silent; Eve's "no Bob" names someone else's: silent."""
    src = tmp_path / "rebuke.txt"
    src.write_text('05/06/2024, 21:00 - Ann Price created group "Team"\n'
                   '05/06/2024, 21:01 - Ann Price added Bob Shaw\n'
                   '05/06/2024, 21:01 - Ann Price added Cara Webb\n'
                   '05/06/2024, 21:01 - Ann Price added Dan Kerr\n'
                   '05/06/2024, 21:01 - Ann Price added Eve Long\n'
                   '05/06/2024, 21:10 - Dan Kerr: Muslims are vermin, the lot of them\n'
                   '05/06/2024, 21:11 - Ann Price: no Dan. just no\n'
                   '05/06/2024, 21:11 - Bob Shaw: behave Dan\n'
                   "05/06/2024, 21:12 - Cara Webb: no Dan, I'm on nights this week\n"
                   '05/06/2024, 21:12 - Eve Long: no Bob\n', encoding="utf-8")
    res = _investigation(tmp_path, src)
    assert [f["responses"] for f in res["findings"]] == [
        {"Ann Price": "counter_speech", "Bob Shaw": "counter_speech", "Cara Webb": "silent", "Eve Long": "silent"}]


@pytest.mark.parametrize("text,refusal", [
    ("absolutely not. footage stays on the system", True), ("Definitely not, that's a sacking offence", True),
    ("don't you dare, it's evidence", True), ("not on my watch", True), ("no chance - delete it", True),
    ("absolutely not!", True), ("not happening mate", False),  # "mate" follows: not a clause of its own
    ("definitely not sure", False), ("absolutely", False), ("no way, when?", False),  # no refusal, or amazement
    ("I said absolutely not", False),  # the refusal must open the reply
])
def test_a_refusal_opens_the_reply(text, refusal):
    assert refuses(text) is refusal


def _replies_to_dan(home: Path, ann: str, bob: str) -> list[dict]:
    """The responses recorded for Dan's flagged message when Ann, then Bob, reply to it."""
    src = home / "replies.txt"
    src.write_text('05/06/2024, 21:00 - Ann Price created group "Team"\n'
                   '05/06/2024, 21:01 - Ann Price added Bob Shaw\n'
                   '05/06/2024, 21:01 - Ann Price added Dan Kerr\n'
                   '05/06/2024, 21:10 - Dan Kerr: Muslims are vermin, the lot of them\n'
                   f'05/06/2024, 21:11 - Ann Price: {ann}\n'
                   f'05/06/2024, 21:12 - Bob Shaw: {bob}\n', encoding="utf-8")
    return [f["responses"] for f in _investigation(home, src)["findings"]]


def test_a_reply_that_opens_with_a_refusal_is_a_challenge(tmp_path):
    """"absolutely not. footage stays on the system", in reply to a flagged message, refuses it whatever follows (before
    2026-12-07, session 22, it was silent: it says more than a bare rebuke and names nobody). "no way, when?" is not."""
    assert _replies_to_dan(tmp_path, "absolutely not. footage stays on the system", "no way, when?") == [
        {"Ann Price": "counter_speech", "Bob Shaw": "silent"}]


@pytest.mark.parametrize("text,summoned", [
    ("Gary, my office at the end of the shift", True), ("my office. now Gary", True),
    ("Gary I want a word with you after briefing", True), ("Gary. My office, 10 minutes", True),
    ("Gary we need to talk about that", True),
    ("Gary come and see me, I've got your birthday card lol", False),  # other business
    ("Gary, a word of advice: the A1 is shut", False), ("Gary can you bring the van keys to my office", False),
    ("Gary, my office is freezing, can you look at the heater", False),
])
def test_a_summons_says_nothing_but_when_and_where(text, summoned):
    assert summons(text, frozenset({"gary"})) is summoned


def test_a_summons_by_name_is_a_challenge(tmp_path):
    """The inspector's "Dan, my office at the end of the shift", in reply to a flagged message of Dan's, challenges it
    (before 2026-12-07, session 23, it was silent); "see me after briefing about the rota" names nobody and is not."""
    assert _replies_to_dan(tmp_path, "Dan, my office at the end of the shift",
                           "see me after briefing about the rota please") == [
        {"Ann Price": "counter_speech", "Bob Shaw": "silent"}]
