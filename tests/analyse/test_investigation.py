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

import pytest

from chatprobe.analyse.investigation import Options
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


def test_a_member_seen_before_the_created_line_has_one_span(tmp_path):
    """An export can start before the 'created' system line names someone already seen: one span, not two."""
    src = tmp_path / "late-created.txt"
    src.write_text('01/05/2024, 07:00 - Sgt Amy Cole: morning\n'
                   '01/05/2024, 08:00 - Sgt Amy Cole created group "Night Shift"\n'
                   '01/05/2024, 08:01 - Sgt Amy Cole added Ben Ward\n'
                   '01/05/2024, 09:00 - Ben Ward left\n', encoding="utf-8")
    case = Case.open("late", home=tmp_path)
    try:
        case.import_paths([src])
        classify_case(case)
        spans = load_case(case).investigation.to_json()["chats"][0]["membership"]
    finally:
        case.close()
    assert spans["Sgt Amy Cole"] == [{"from_position": 0, "to_position": None}]
    assert spans["Ben Ward"] == [{"from_position": 2, "to_position": 3}]
