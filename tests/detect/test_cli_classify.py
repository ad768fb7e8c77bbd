"""`chatprobe classify` and `chatprobe eval` on every input format, bad rows and hostile content."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from chatprobe.cli import main


@pytest.fixture
def cli(tmp_path: Path):
    def _run(*args: str):
        return CliRunner().invoke(main, list(args), catch_exceptions=False)
    return _run


def lines(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text().splitlines()]


def test_csv_in_input_order_with_ids(cli, tmp_path):
    src = tmp_path / "m.csv"
    src.write_text('msg_id,body\n7,"you absolute muppet, Dave"\n3,see you at 6\n9,😂😂\n1,"=HYPERLINK(""x"")"\n')
    out = tmp_path / "o.jsonl"
    res = cli("classify", str(src), "-o", str(out), "--text-column", "body", "--id-column", "msg_id")
    assert res.exit_code == 0, res.output
    rows = lines(out)
    assert [r["id"] for r in rows] == ["7", "3", "9", "1"]
    assert rows[0]["labels"] == ["derogatory"]
    assert rows[1]["labels"] == [] and rows[3]["labels"] == []
    assert rows[2]["labels"] == ["endorsement"]
    for r in rows:
        assert set(r) >= {"id", "labels", "scores", "explanations"}
        assert all(0 <= v <= 1 for v in r["scores"].values())
    assert any(e["label"] == "derogatory" and e["matched"] for e in rows[0]["explanations"])


def test_tsv_jsonl_and_txt(cli, tmp_path):
    (tmp_path / "a.tsv").write_text("text\nkill yourself\nnice one\n")
    (tmp_path / "b.jsonl").write_text('{"text": "Muslims are vermin", "id": "x"}\n\n{"text": "ok"}\n')
    (tmp_path / "c.txt").write_text("first line\nyou useless prick\n")
    for name, col in (("a.tsv", None), ("b.jsonl", "id"), ("c.txt", None)):
        args = ["classify", str(tmp_path / name), "-o", str(tmp_path / (name + ".out"))]
        if col:
            args += ["--id-column", col]
        assert cli(*args).exit_code == 0
    assert "threat" in lines(tmp_path / "a.tsv.out")[0]["labels"]
    b = lines(tmp_path / "b.jsonl.out")
    assert [r["id"] for r in b] == ["x", "3"] and b[0]["labels"] == ["religion"]
    c = lines(tmp_path / "c.txt.out")
    assert [r["id"] for r in c] == ["1", "2"] and c[1]["labels"] == ["derogatory"]


def test_bad_rows_named_by_line_and_kept_in_order(cli, tmp_path):
    src = tmp_path / "bad.jsonl"
    src.write_text('{"text": "ok"}\n{not json\n{"body": "no text field"}\n["a list"]\n{"text": "you muppet"}\n')
    out = tmp_path / "o.jsonl"
    res = CliRunner().invoke(main, ["classify", str(src), "-o", str(out)])
    assert res.exit_code == 0
    rows = lines(out)
    assert len(rows) == 5
    assert [("error" in r) for r in rows] == [False, True, True, True, False]
    assert "bad.jsonl:2" in res.stderr and "bad.jsonl:3" in res.stderr
    assert rows[4]["labels"] == ["derogatory"]


@pytest.mark.parametrize("content,name,message", [
    (b"\xff\xfe\x00garbage", "x.csv", "not UTF-8"),
    (b"a,b\n1,2\n", "x.csv", "no column named 'text'"),
    (b"hello", "x.pdf", "unsupported file type"),
])
def test_bad_files_give_one_clear_error(tmp_path, content, name, message):
    p = tmp_path / name
    p.write_bytes(content)
    res = CliRunner().invoke(main, ["classify", str(p), "-o", str(tmp_path / "o")])
    assert res.exit_code == 2
    assert message in res.stderr and "Traceback" not in res.stderr
    assert "what to do" in res.stderr


def test_missing_file(tmp_path):
    res = CliRunner().invoke(main, ["classify", str(tmp_path / "nope.csv")])
    assert res.exit_code == 2 and "cannot read" in res.stderr


def test_eval_prints_prf_and_confusion(cli, tmp_path):
    src = tmp_path / "l.csv"
    src.write_text("text,labels\nyou useless prick,derogatory\nsee you later,\nMuslims are vermin,religion\n"
                   "kill yourself,threat\nthe printer is shit,\n")
    res = cli("eval", str(src), "--label-column", "labels")
    assert res.exit_code == 0
    assert "precision" in res.output and "confusion" in res.output and "religion" in res.output
    res = cli("eval", str(src), "--label-column", "labels", "--json")
    data = json.loads(res.output)
    assert data["rows"] == 5
    assert data["labels"]["derogatory"]["recall"] == 1.0
    assert data["confusion"]["(none)"]["(none)"] == 2


def test_eval_one_column_per_label(cli, tmp_path):
    src = tmp_path / "l.csv"
    src.write_text("text,threat,derogatory\nkill yourself,1,0\nhello,0,0\n")
    data = json.loads(cli("eval", str(src), "--json").output)
    assert data["labels"]["threat"]["support"] == 1


def test_eval_unknown_label_is_named(tmp_path):
    src = tmp_path / "l.csv"
    src.write_text("text,labels\nhello,racism\n")
    res = CliRunner().invoke(main, ["eval", str(src), "--label-column", "labels"])
    assert res.exit_code != 0 and "l.csv:2" in res.stderr and "racism" in res.stderr
