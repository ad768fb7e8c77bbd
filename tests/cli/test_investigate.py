"""`chatprobe scan`, `analyse`, `report` and `people` as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from chatprobe.cli import main

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "investigation" / "night-shift.txt"


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_scan_json_to_stdout(tmp_path):
    r = run("scan", str(FIXTURE), "--home", str(tmp_path), "--case", "n", "--json", "-")
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert [f["categories"] for f in data["findings"]] == [["religion"], ["sex"], ["threat"]]
    ben = next(m for m in data["members"] if m["name"] == "Ben Ward")
    assert ben["endorsed"] == 2 and ben["flagged_sent"] == {"religion": 1}


def test_scan_without_outputs_writes_the_html_report_into_the_case(tmp_path):
    r = run("scan", str(FIXTURE), "--home", str(tmp_path), "--case", "n")
    assert r.exit_code == 0, r.output
    assert (tmp_path / "n" / "report.html").read_text("utf-8").startswith("<!DOCTYPE html>")
    assert "3 flagged" in r.stderr


def test_analyse_then_report_then_people(tmp_path):
    assert run("import", str(FIXTURE), "--home", str(tmp_path), "--case", "c").exit_code == 0
    r = run("report", "--home", str(tmp_path), "--case", "c", "--json", str(tmp_path / "x.json"))
    assert r.exit_code == 2 and "has not been analysed yet" in r.stderr and "chatprobe analyse" in r.stderr
    r = run("analyse", "--home", str(tmp_path), "--case", "c", "--json")
    assert r.exit_code == 0 and json.loads(r.stdout)["analysis_run"] == 1
    r = run("report", "--home", str(tmp_path), "--case", "c", "--csv", str(tmp_path / "csv"),
            "--window-minutes", "120")
    assert r.exit_code == 0, r.output
    assert (tmp_path / "csv" / "exhibits.csv").read_text("utf-8-sig").count("CP-00") == 3
    r = run("people", "--home", str(tmp_path), "--case", "c", "-o", str(tmp_path / "people.toml"))
    assert r.exit_code == 0
    text = (tmp_path / "people.toml").read_text("utf-8")
    assert text.splitlines().count("[[person]]") == 6 and 'name = "Fay Lee"' in text


def test_errors_say_what_to_do(tmp_path):
    r = run("report", "--home", str(tmp_path), "--case", "nope", "--report", str(tmp_path / "r.html"))
    assert r.exit_code == 1 and "no case 'nope'" in r.stderr and "chatprobe scan" in r.stderr
    assert run("import", str(FIXTURE), "--home", str(tmp_path), "--case", "c").exit_code == 0
    r = run("report", "--home", str(tmp_path), "--case", "c")
    assert r.exit_code == 1 and "nothing to write" in r.stderr
    bad = tmp_path / "people.toml"
    bad.write_text("[[person]]\nname = 3\n", encoding="utf-8")
    r = run("scan", str(FIXTURE), "--home", str(tmp_path), "--case", "c", "--people", str(bad), "--json", "-")
    assert r.exit_code == 2 and "people file" in r.stderr and "needs a name" in r.stderr


def test_scan_without_case_names_the_case_after_its_inputs(tmp_path):
    other = tmp_path / "other.txt"
    other.write_text(FIXTURE.read_text("utf-8").replace("Ben Ward", "Bob Ward"), encoding="utf-8")
    a = json.loads(run("scan", str(FIXTURE), "--home", str(tmp_path), "--json", "-").stdout)
    b = json.loads(run("scan", str(other), "--home", str(tmp_path), "--json", "-").stdout)
    again = json.loads(run("scan", str(FIXTURE), "--home", str(tmp_path), "--json", "-").stdout)
    assert len(a["chats"]) == len(b["chats"]) == len(again["chats"]) == 1
    assert a["case"] != b["case"] and a["case"] == again["case"] and a["case"].startswith("night-shift-")
    assert "Bob Ward" in {m["name"] for m in b["members"]} and "Bob Ward" not in {m["name"] for m in a["members"]}


def test_progress_bars_render_on_a_terminal(tmp_path, monkeypatch):
    """Progress bars are hidden when stderr is not a terminal; draw them as on a terminal once."""
    import io

    from rich.console import Console

    import chatprobe.cli.common as cli_common
    monkeypatch.setattr(cli_common, "err", Console(file=io.StringIO(), force_terminal=True, width=100))
    r = run("scan", str(FIXTURE), "--home", str(tmp_path), "--case", "p", "--json", str(tmp_path / "r.json"))
    assert r.exit_code == 0, r.output
    r = run("analyse", "--home", str(tmp_path), "--case", "p")
    assert r.exit_code == 0, r.output
    assert "classifying messages" in cli_common.err.file.getvalue()


def test_scan_of_only_bad_files_gives_one_error_per_file(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    r = run("scan", str(empty), "--home", str(tmp_path), "--case", "e", "--json", str(tmp_path / "r.json"))
    assert r.exit_code == 2 and "empty.txt: the file is empty" in r.stderr
    assert "has no messages" not in r.stderr and not (tmp_path / "r.json").exists()


def test_a_forced_date_order_the_file_contradicts_fails_loudly(tmp_path):
    """issue 11, point 3: `scan --date-order mdy` on a day-first file used to exit 0 with '1 messages'."""
    from click.testing import CliRunner

    from chatprobe.cli import main
    chat = tmp_path / "chat.txt"
    chat.write_text("".join(f"{d:02d}/05/2024, 08:00 - Ann: message {d}\n" for d in range(1, 29)), encoding="utf-8")
    r = CliRunner().invoke(main, ["scan", str(chat), "--home", str(tmp_path / "h"), "--case", "c",
                                  "--date-order", "mdy"])
    assert r.exit_code == 2 and "Traceback" not in r.output
    assert "chat.txt: not imported" in r.stderr and "--date-order mdy overrides what the file shows" in r.stderr
    assert "--accept-warnings" in r.stderr
    r = CliRunner().invoke(main, ["scan", str(chat), "--home", str(tmp_path / "h"), "--case", "c",
                                  "--date-order", "mdy", "--accept-warnings", "--json", "-"])
    assert r.exit_code == 0, r.output
    import json
    assert json.loads(r.stdout)["chats"][0]["messages"] < 28  # imported as forced, with the warning kept


def test_many_impossible_dates_fail_the_import(tmp_path):
    from chatprobe.case import Case
    lines = [f"{1 + i % 12:02d}/{1 + i % 28:02d}/2024, 08:00 - Ann: m{i}\n" for i in range(200)]
    lines[10:40] = [f"{i}/{i}/2024, 08:00 - Ann: odd {i}\n" for i in range(40, 70)]  # 30 impossible headers
    chat = tmp_path / "chat.txt"
    chat.write_text("".join(lines), encoding="utf-8")
    case = Case.open("c", home=tmp_path / "h")
    try:
        report = case.import_paths([chat], date_order="mdy")
        assert report.files[0].outcome == "failed"
        assert "30 of 200 message headers (15%) have dates that cannot exist" in report.files[0].error
        assert case.verify() == (0, [])
        report = case.import_paths([chat], date_order="mdy", accept_warnings=True)
        assert report.files[0].outcome == "imported"
        assert "parse-accepted" in [w.code for w in report.warnings]
    finally:
        case.close()
