"""The exporter's identity ("You"), on an iOS export whose figures were worked out by hand (issue 11, point 2).

tests/fixtures/investigation/ios-you.txt: Dana Whitfield exported the chat from her iPhone. Her own messages
carry her name; the system messages call her "You": she created the group, added Ben and Carl, and later
removed Eve, who had joined by link.

F1  Ben "Muslims are vermin …"  religion  present: Carl, Dana, Eve
    Dana "😂😂" → endorsement; Carl "That's out of order Ben …" → counter_speech; Eve → silent.
F2  Ben "Women shouldn't be on response …"  sex  present: Carl, Dana (Eve was removed)
    Carl's "see you at the nick" is no response → silent; Dana → silent.

Per member (sent; flagged sent; present for flagged by others; endorsed/challenged/silent/left):
    Dana  2; -;                 2; 1/0/1/0
    Ben   2; religion 1, sex 1; 0; 0/0/0/0
    Carl  2; -;                 2; 0/1/1/0
    Eve   0; -;                 1; 0/0/1/0
Before this was fixed, "You" was a fifth member: 0 messages, present for both findings, silent on both.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from chatprobe.analyse.stored import classify_case, load_case
from chatprobe.case import Case
from chatprobe.cli import main

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "investigation" / "ios-you.txt"
EXPECTED = {  # name: (sent, flagged_sent, present, endorsed, challenged, silent, left)
    "Dana Whitfield": (2, {}, 2, 1, 0, 1, 0),
    "Ben Ward": (2, {"religion": 1, "sex": 1}, 0, 0, 0, 0, 0),
    "Carl Diaz": (2, {}, 2, 0, 1, 1, 0),
    "Eve Hart": (0, {}, 1, 0, 0, 1, 0),
}


def _figures(inv: dict) -> dict:
    return {m["name"]: (m["messages_sent"], m["flagged_sent"], m["present_for_flagged"], m["endorsed"],
                        m["challenged"], m["silent"], m["left"]) for m in inv["members"]}


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    home = tmp_path_factory.mktemp("cases")
    case = Case.open("ios", home=home)
    try:
        report = case.import_paths([FIXTURE], owner="Dana Whitfield")
        classify_case(case)
        yield home, report, load_case(case).investigation.to_json()
    finally:
        case.close()


def test_the_owner_s_figures_match_the_hand_count(scanned):
    _, _, inv = scanned
    assert _figures(inv) == EXPECTED
    assert "You" not in _figures(inv)
    f1, f2 = sorted(inv["findings"], key=lambda f: f["timestamp"])
    assert f1["present"] == ["Carl Diaz", "Dana Whitfield", "Eve Hart"]
    assert f1["responses"] == {"Carl Diaz": "counter_speech", "Dana Whitfield": "endorsement", "Eve Hart": "silent"}
    assert f2["responses"] == {"Carl Diaz": "silent", "Dana Whitfield": "silent"}
    assert inv["chats"][0]["owner"] == "Dana Whitfield"
    assert inv["chats"][0]["membership"]["Dana Whitfield"] == [{"from_position": 0, "to_position": None}]


def test_without_the_owner_you_is_never_a_second_member_and_the_gap_is_said(tmp_path):
    case = Case.open("anon", home=tmp_path)
    try:
        report = case.import_paths([FIXTURE])
        assert [w.code for w in report.warnings] == ["exporter-unknown"]
        classify_case(case)
        analysis = load_case(case)
        inv = analysis.investigation.to_json()
        assert "You" not in _figures(inv) and _figures(inv) == EXPECTED  # Dana posts from the start anyway
        assert any(w["code"] == "exporter-unknown" for w in analysis.warnings)
        case.set_owner("Dana Whitfield")
        analysis = load_case(case)
        assert not any(w["code"] == "exporter-unknown" for w in analysis.warnings)
        assert analysis.investigation.to_json()["chats"][0]["owner"] == "Dana Whitfield"
    finally:
        case.close()


def test_a_one_to_one_chat_names_its_exporter(tmp_path):
    chat = tmp_path / "WhatsApp Chat with Ben Ward.txt"
    chat.write_text("13/05/2024, 08:00 - Ben Ward: you on tonight?\n13/05/2024, 08:01 - Dana Whitfield: yes\n"
                    "14/05/2024, 09:00 - You blocked this contact. Tap to unblock.\n", encoding="utf-8")
    case = Case.open("one", home=tmp_path)
    try:
        case.import_paths([chat])
        from sqlalchemy import select

        from chatprobe.store import schema as t
        with case.store.engine.connect() as conn:
            row = conn.execute(select(t.chat.c.owner, t.chat.c.owner_source)).one()
    finally:
        case.close()
    assert row.owner == "Dana Whitfield" and row.owner_source.startswith("inferred: a one-to-one chat")


def test_owner_on_the_command_line_and_in_the_people_file(tmp_path):
    runner = CliRunner()
    r = runner.invoke(main, ["import", str(FIXTURE), "--home", str(tmp_path), "--case", "c"])
    assert r.exit_code == 0 and "exporter-unknown" in r.output
    r = runner.invoke(main, ["people", "--home", str(tmp_path), "--case", "c"])
    assert '"You" in chat wa-' in r.stdout and "is not identified" in r.stdout
    r = runner.invoke(main, ["owner", "Dana Whitfield", "--home", str(tmp_path), "--case", "c"])
    assert r.exit_code == 0, r.output
    r = runner.invoke(main, ["people", "--home", str(tmp_path), "--case", "c"])
    assert "is Dana Whitfield (chatprobe owner)" in r.stdout and 'aliases = ["You"]' not in r.stdout
    r = runner.invoke(main, ["owner", "You", "--home", str(tmp_path), "--case", "c"])
    assert r.exit_code == 2 and "not a name" in r.stderr
    r = runner.invoke(main, ["scan", str(FIXTURE), "--home", str(tmp_path), "--case", "d", "--owner", "Dana Whitfield",
                             "--json", "-"])
    import json
    assert r.exit_code == 0 and json.loads(r.stdout)["chats"][0]["owner"] == "Dana Whitfield"
