"""Review decisions: confirm / dismiss / escalate with notes, second review and agreement, history kept,
audited, and reports of confirmed findings only."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from chatprobe.analyse.stored import classify_case, load_case
from chatprobe.case import Case
from chatprobe.cli import main
from chatprobe.errors import InputError
from chatprobe.review.decisions import decide, states
from chatprobe.store import audit

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "investigation" / "night-shift.txt"


@pytest.fixture
def case(tmp_path):
    c = Case.open("r", home=tmp_path)
    c.import_paths([FIXTURE])
    classify_case(c)
    yield c
    c.close()


def finding_ids(case):
    return [f.message.id for f in load_case(case).investigation.findings]


def test_decisions_second_review_and_history(case):
    f1, f2, f3 = finding_ids(case)
    decide(case, f1, "confirm", "religious hatred", reviewer="DS Khan")
    decide(case, f2, "escalate", "check with the IOPC", reviewer="DS Khan")
    decide(case, f2, "confirm", "escalation agreed", reviewer="DS Khan")  # a newer first review
    decide(case, f1, "dismiss", "reads as a quote to me", reviewer="DC Ortiz", stage=2)
    s = states(case)
    assert s[f1].status == "dismissed" and s[f1].agreement is False
    assert s[f2].status == "confirmed" and [d.decision for d in s[f2].history] == ["escalate", "confirm"]
    assert f3 not in s
    with case.store.engine.connect() as conn:
        log = [e for e in audit.entries(conn) if e["action"] == "decision"]
    assert [(e["target"], e["actor"], e["detail"]["decision"]) for e in log] == [
        (f1, "DS Khan", "confirm"), (f2, "DS Khan", "escalate"), (f2, "DS Khan", "confirm"), (f1, "DC Ortiz", "dismiss")]


def test_bad_decisions_are_refused(case):
    f1, *_ = finding_ids(case)
    with pytest.raises(InputError, match="not a finding"):
        decide(case, "no-such-message", "confirm")
    with pytest.raises(InputError, match="unknown decision"):
        decide(case, f1, "approve")
    with pytest.raises(InputError, match="no first review"):
        decide(case, f1, "confirm", reviewer="B", stage=2)
    decide(case, f1, "confirm", reviewer="A")
    with pytest.raises(InputError, match="another reviewer"):
        decide(case, f1, "confirm", reviewer="A", stage=2)


def test_confirmed_only_report(case, tmp_path):
    f1, f2, f3 = finding_ids(case)
    decide(case, f1, "confirm", reviewer="A")
    decide(case, f3, "dismiss", reviewer="A")
    only = load_case(case, include="confirmed").investigation.to_json()
    assert [f["message_id"] for f in only["findings"]] == [f1]
    carl = next(m for m in only["members"] if m["name"] == "Carl Diaz")
    assert carl["flagged_sent"] == {} and carl["endorsed"] == 1  # his own message is not confirmed
    r = CliRunner().invoke(main, ["report", "--home", str(tmp_path), "--case", "r", "--json", "-", "--csv",
                                  str(tmp_path / "csv"), "--report", str(tmp_path / "r.html")])
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert [f["review"]["status"] for f in data["findings"]] == ["confirmed", "unreviewed", "dismissed"]
    rows = list(csv.DictReader(io.StringIO((tmp_path / "csv" / "exhibits.csv").read_text("utf-8-sig"))))
    assert [row["review"] for row in rows] == ["confirmed", "unreviewed", "dismissed"]
    page = (tmp_path / "r.html").read_text("utf-8")
    assert 'class="rv rv-confirmed"' in page and 'class="rv rv-dismissed"' in page


def test_review_cli(case, tmp_path):
    run = CliRunner().invoke
    r = run(main, ["review", "--home", str(tmp_path), "--case", "r", "--json"])
    queue = json.loads(r.stdout)
    assert queue[0]["severity"] >= queue[-1]["severity"] and {q["review"]["status"] for q in queue} == {"unreviewed"}
    target = queue[0]["message_id"]
    r = run(main, ["review", "--home", str(tmp_path), "--case", "r", target, "confirm", "--note", "clear threat",
                   "--reviewer", "DS Khan"])
    assert r.exit_code == 0 and "confirm" in r.stderr
    r = run(main, ["review", "--home", str(tmp_path), "--case", "r", target, "confirm", "--second", "--reviewer",
                   "DS Khan"])
    assert r.exit_code == 2 and "another reviewer" in r.stderr
    r = run(main, ["review", "--home", str(tmp_path), "--case", "r", target])
    assert r.exit_code == 1 and "give both" in r.stderr


def test_an_earlier_analysis_run_can_be_reported(case):
    first = load_case(case).run["id"]
    classify_case(case)
    assert load_case(case).run["id"] == first + 1
    assert load_case(case, run_id=first).run["id"] == first
    with pytest.raises(Exception, match="no analysis run 999"):
        load_case(case, run_id=999)


def test_standards_are_configurable(tmp_path, monkeypatch):
    from chatprobe.review import records
    assert "Challenging and Reporting Improper Conduct" in records.standards().standards
    own = tmp_path / "standards.toml"
    own.write_text('name = "Acme Code of Conduct"\nstandards = ["Respect at Work", "Use of Company Systems"]\n'
                   'severity_levels = ["none", "warning", "dismissal"]\nstatuses = ["open", "closed"]\n'
                   'subject_statuses = ["employee", "contractor"]\n', encoding="utf-8")
    monkeypatch.setenv("CHATPROBE_STANDARDS", str(own))
    assert records.standards().standards == ("Respect at Work", "Use of Company Systems")
    monkeypatch.setenv("CHATPROBE_STANDARDS", str(tmp_path / "missing.toml"))
    with pytest.raises(InputError, match="cannot read the Standards file"):
        records.standards()
