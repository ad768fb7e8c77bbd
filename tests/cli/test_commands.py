"""The CLI is a thin adapter: every command documented, clean errors, JSON for scripting."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from chatprobe.cli import main
from tests.conftest import ROOT

SAMPLE = ROOT / "samples" / "response-team-b.zip"


@pytest.fixture
def run(tmp_path: Path):
    runner = CliRunner()

    def _run(*args: str):
        return runner.invoke(main, list(args), env={"CHATPROBE_HOME": str(tmp_path / "cases")},
                             catch_exceptions=False)

    return _run


def test_every_command_has_help(run) -> None:
    for name, cmd in main.commands.items():
        assert cmd.help and len(cmd.help) > 40, name
        res = run(name, "--help")
        assert res.exit_code == 0 and "Example" in res.output or name == "verify", name
        for param in cmd.params:
            if isinstance(param, click.Option):
                assert param.help, f"{name} {param.name}"


def test_import_prints_summary_with_layout_reasons(run) -> None:
    res = run("import", str(SAMPLE), "--case", "demo")
    assert res.exit_code == 0, res.output
    assert "282 messages" in res.output
    assert "layout ios, dates dmy (inferred)" in res.output
    assert "first field exceeds 12" in res.output
    assert "10 membership events" in res.output
    again = run("import", str(SAMPLE), "--case", "demo")
    assert "already in case" in again.output


def test_import_json_and_bad_file(run, tmp_path: Path) -> None:
    bad = tmp_path / "notes.txt"
    bad.write_text("just some notes\n")
    res = run("import", str(SAMPLE), str(bad), "--json")
    assert res.exit_code == 2
    data = json.loads(res.stdout)
    assert [f["outcome"] for f in data["files"]] == ["imported", "failed"]
    assert data["files"][0]["chats"][0]["messages"] == 282
    assert "Traceback" not in res.output


def test_parse_jsonl_fields(run) -> None:
    res = run("parse", str(SAMPLE), "--jsonl")
    assert res.exit_code == 0
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert len(rows) == 282
    for row in rows:
        assert {"timestamp", "sender", "kind", "text", "line"} <= set(row)
    assert rows[0]["sender"] is None and rows[0]["kind"] == "system"
    assert rows[10]["timestamp"].startswith("2024-03-")


def test_parse_error_is_one_line_no_traceback(run, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    res = run("parse", str(empty))
    assert res.exit_code == 2
    assert "error:" in res.stderr and "empty" in res.stderr and "Traceback" not in res.stderr


def test_verify_exit_codes(run, tmp_path: Path) -> None:
    assert run("verify", "--case", "nope").exit_code == 1
    run("import", str(SAMPLE), "--case", "v")
    res = run("verify", "--case", "v", "--json")
    result = json.loads(res.stdout)
    assert res.exit_code == 0 and {k: result[k] for k in ("checked", "ok", "problems", "audit_rows", "audit_break",
                                                          "audit_problems", "anchored", "deep")} == {
        "checked": 1, "ok": True, "problems": [], "audit_rows": 1, "audit_break": None, "audit_problems": [],
        "anchored": 1, "deep": None}
    assert result["receipt"].startswith("v audit #1 ")
    stored = next((tmp_path / "cases" / "v" / "evidence" / "objects").rglob("*/*"))
    stored.chmod(0o644)
    stored.write_bytes(b"tampered")
    res = run("verify", "--case", "v")
    assert res.exit_code == 1 and "altered" in res.stdout


def test_markup_in_chat_content_is_not_interpreted(run, tmp_path: Path) -> None:
    p = tmp_path / "[red]x.txt"
    p.write_text('13/02/2020, 10:00 - A created group "[bold red]evil[/]"\n13/02/2020, 10:01 - A: hi\n',
                 encoding="utf-8")
    res = run("import", str(p))
    assert "[bold red]evil[/]" in res.output and "[red]x.txt" in res.output


def test_help_shows_the_main_job_and_scan_names_its_case_after_the_inputs(run) -> None:
    top = run("--help").output
    assert "chatprobe scan chat.zip" in top and "verify" in top
    scan = run("scan", "--help").output
    assert "[default: default]" not in scan and "named after" in scan


def test_the_member_table_fits_80_columns(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from chatprobe.cli import main
    r = CliRunner(env={"COLUMNS": "80"}).invoke(main, ["scan", str(SAMPLE), "--home", str(tmp_path), "--case", "s",
                                                       "--json", str(tmp_path / "r.json")])
    assert r.exit_code == 0, r.output
    lines = r.stderr.splitlines()
    table = lines[next(i for i, x in enumerate(lines) if x.startswith("members")):]
    table = table[:next(i for i, x in enumerate(table) if " sent: " in x)]
    assert len(table) == 12 and all(len(x) <= 80 for x in table)  # title, blank, head, rule, 7 members, blank
    (dana,) = [x for x in table if "Dana" in x]
    assert dana.split() == ["Sgt", "Dana", "Whitfield", "51", "-", "5", "0", "0", "5", "0"]
    # Tom Hale's "haha go on then 🤣" two minutes after Liam's threat egs it on (it was read as silence)
    (tom,) = [x for x in table if "Tom Hale" in x]
    assert tom.split() == ["Tom", "Hale", "45", "2", "3", "2", "0", "1", "0"]
    threat = next(f for f in json.loads((tmp_path / "r.json").read_text())["findings"] if "threat" in f["categories"])
    assert threat["responses"]["Tom Hale"] == "endorsement"


def test_every_command_is_listed_and_loads_only_when_used():
    import importlib
    import pkgutil
    import subprocess
    import sys

    import click

    import chatprobe.cli as cli
    defined = {}
    for info in pkgutil.iter_modules(cli.__path__):
        if info.name == "__main__":
            continue
        mod = importlib.import_module(f"chatprobe.cli.{info.name}")
        defined |= {v.name: (info.name, k) for k, v in vars(mod).items()
                    if isinstance(v, click.Command) and v.callback.__module__ == mod.__name__ and v.name != "main"
                    and not any(v is sub for g in vars(mod).values() if isinstance(g, click.Group) and g is not v
                                for sub in g.commands.values())}
    assert {n: (m, f) for n, (m, f, _) in cli.COMMANDS.items()} == defined
    light = ("import sys; from click.testing import CliRunner; from chatprobe.cli import main; "
             "r = CliRunner().invoke(main, sys.argv[1:]); assert r.exit_code == 0, r.output; "
             "print(sorted(m for m in ('sqlalchemy', 'numpy', 'onnxruntime', 'fastapi') if m in sys.modules))")
    for args in (["--help"], ["parse", "--summary", str(ROOT / "samples" / "response-team-b.zip")]):
        out = subprocess.run([sys.executable, "-c", light, *args], capture_output=True, text=True, check=True)
        assert out.stdout.strip() == "[]", (args, out.stdout, out.stderr[-500:])
