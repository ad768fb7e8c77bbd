"""Reports: hostile chat content stays text, CSV cells cannot run formulas, redaction, the PDF and a
screenshot a person can look at (kept as test artefacts under tests/report/artefacts/, git-ignored)."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from chatprobe.analyse.people import People
from chatprobe.analyse.stored import classify_case, load_case
from chatprobe.case import Case
from chatprobe.report.exports import safe_cell
from chatprobe.report.redact import Redactor
from chatprobe.report.write import Outputs, write_outputs

ARTEFACTS = Path(__file__).resolve().parent / "artefacts"
FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "investigation" / "night-shift.txt"

HOSTILE = """01/05/2024, 08:00 - <script>alert(1)</script> created group "<img src=x onerror=alert(2)>"
01/05/2024, 08:01 - <script>alert(1)</script> added =HYPERLINK("http://evil","x")
01/05/2024, 08:02 - =HYPERLINK("http://evil","x"): Muslims are vermin <script>alert(3)</script> javascript:alert(4)
01/05/2024, 08:03 - +44 7700 900123: 😂😂
01/05/2024, 08:04 - @SUM(A1): That's out of order. Not funny. <b>bold</b> [click](javascript:alert(5)) +44 7700 900456
"""


def analysed(home: Path, export: Path, people: People | None = None):
    """Import one export into a new case under ``home``, classify it and read it back."""
    case = Case.open("c", home=home)
    try:
        case.import_paths([export])
        classify_case(case)
        return load_case(case, people)
    finally:
        case.close()


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    home = tmp_path_factory.mktemp("hostile")
    src = home / "hostile.txt"
    src.write_text(HOSTILE, encoding="utf-8")
    return analysed(home, src), home


def test_hostile_content_is_escaped_in_html(hostile):
    analysis, home = hostile
    assert len(analysis.investigation.findings) == 1
    out = home / "out"
    write_outputs(analysis, "h<script>", Outputs(html=out / "r.html"))
    page = (out / "r.html").read_text("utf-8")
    assert "<script" not in page.lower()
    assert "<img" not in page and "<b>bold</b>" not in page
    assert "&lt;script&gt;alert(3)&lt;/script&gt;" in page
    assert 'href="javascript' not in page.lower() and "href=" not in page
    assert "src=" not in page.replace("src=x", "")  # no external assets: nothing is loaded from anywhere
    assert re.search(r"<link|@import|url\(", page) is None


def test_csv_cells_cannot_run_formulas(hostile):
    analysis, home = hostile
    out = home / "csv"
    write_outputs(analysis, "h", Outputs(csv_dir=out))
    rows = list(csv.DictReader(io.StringIO((out / "exhibits.csv").read_text("utf-8-sig"))))
    assert rows[0]["sender"].startswith("'=HYPERLINK")
    for name in ("exhibits.csv", "members.csv"):
        for row in csv.reader(io.StringIO((out / name).read_text("utf-8-sig"))):
            for cell in row:
                assert cell[:1] not in ("=", "+", "-", "@", "\t", "\r"), cell
    assert safe_cell("-1") == "'-1" and safe_cell("ok") == "ok" and safe_cell(None) == ""


def test_redaction_of_phones_and_non_subjects(tmp_path):
    people = tmp_path / "people.toml"
    people.write_text('[[person]]\nname = "Ben Ward"\naliases = []\nsubject = true\n', encoding="utf-8")
    analysis = analysed(tmp_path, FIXTURE, People.load(people))
    subjects = frozenset({"Ben Ward"})
    write_outputs(analysis, "r", Outputs(html=tmp_path / "r.html", json=tmp_path / "r.json"),
                  Redactor(phones=True, others=True, subjects=subjects))
    page = (tmp_path / "r.html").read_text("utf-8")
    data = json.loads((tmp_path / "r.json").read_text("utf-8"))
    for name in ("Carl Diaz", "Dev Patel", "Fay Lee", "Eve Stone", "Amy Cole"):
        assert name not in page and name not in json.dumps(data), name
    assert "Ben Ward" in page
    names = sorted(m["name"] for m in data["members"])
    assert names == ["Ben Ward", "Member A", "Member B", "Member C", "Member D", "Member E"]
    # the text of the finding about Ben's challenger: "That's out of order Ben" keeps the subject's name
    assert data["findings"][0]["sender"] == "Ben Ward"
    r = Redactor(phones=True)
    assert r.text("ring +44 7700 900123 or 07700-900-456") == "ring [phone redacted] or [phone redacted]"


def test_json_result_has_the_documented_shape(hostile):
    analysis, home = hostile
    write_outputs(analysis, "h", Outputs(json=home / "r.json"))
    data = json.loads((home / "r.json").read_text("utf-8"))
    assert {"chats", "members", "findings", "pipeline", "evidence", "analysis_run"} <= set(data)
    m = data["members"][0]
    assert {"name", "aliases", "messages_sent", "flagged_sent", "present_for_flagged", "endorsed", "challenged",
            "silent", "left"} <= set(m)
    f = data["findings"][0]
    assert {"message_id", "sender", "timestamp", "text", "categories", "scores", "responses"} <= set(f)
    assert f["responses"] == {"+44 7700 900123": "endorsement", "@SUM(A1)": "counter_speech",
                              "<script>alert(1)</script>": "silent"}


needs_chromium = pytest.mark.skipif(shutil.which("chromium") is None,
                                    reason="Debian chromium not installed (make test installs it)")


@needs_chromium
def test_pdf_and_screenshot_of_the_bundled_demo(tmp_path):
    sample = Path(__file__).resolve().parents[2] / "samples" / "response-team-b.zip"
    analysis = analysed(tmp_path, sample)
    ARTEFACTS.mkdir(exist_ok=True)
    html, pdf = ARTEFACTS / "demo-report.html", ARTEFACTS / "demo-report.pdf"
    write_outputs(analysis, "demo", Outputs(html=html, pdf=pdf))
    assert pdf.read_bytes()[:5] == b"%PDF-"
    shot = ARTEFACTS / "demo-report.png"
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run",
                    f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={shot}", "--window-size=1100,2400",
                    html.as_uri()], capture_output=True, timeout=120, check=False)
    assert shot.exists() and shot.stat().st_size > 10_000
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(ARTEFACTS / "demo-page")], check=True,
                       timeout=120)
        pages = sorted(ARTEFACTS.glob("demo-page-*.png"))
        assert len(pages) >= 2
    page = html.read_text("utf-8")
    assert page.count('class="exhibit"') == len(analysis.investigation.findings) >= 4


def test_timeline_axis_labels_never_overlap():
    """issue 11, point 8: on chats longer than a month the axis labels ran into a smear."""
    from datetime import datetime

    from chatprobe.report.charts import TICK_PX, _ticks
    spans = [((2024, 5, 1), (2024, 5, 3)), ((2024, 5, 1), (2024, 6, 20)), ((2024, 1, 15), (2024, 9, 2)),
             ((2021, 3, 4), (2024, 9, 2)), ((2010, 1, 1), (2024, 12, 31)), ((2024, 12, 5), (2025, 3, 9))]
    for a, b in spans:
        ticks = _ticks(datetime(*a), datetime(*b), 170, 710)
        xs = [x for x, _ in ticks]
        assert 2 <= len(ticks) <= 710 // TICK_PX + 1, (a, b, ticks)
        assert all(q - p >= TICK_PX - 1 for p, q in zip(xs, xs[1:], strict=False)), (a, b, ticks)
        assert all(170 <= x <= 880 for x in xs)
    labels = [t for _, t in _ticks(datetime(2021, 3, 4), datetime(2024, 9, 2), 170, 710)]
    assert labels[0] == "Apr 2021" and all(" 20" in t for t in labels)  # months with their year


def test_each_exhibit_carries_the_conversation_at_that_point(tmp_path):
    """issue 11, point 4: the report's exhibits open onto the wider conversation (a <details>, no script);
    what is redacted stays redacted there too."""
    from click.testing import CliRunner

    from chatprobe.cli import main
    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "investigation" / "night-shift.txt"
    out = tmp_path / "r.html"
    r = CliRunner().invoke(main, ["scan", str(fixture), "--home", str(tmp_path), "--case", "n", "--report", str(out),
                                  "--context", "1", "--redact-others"])
    assert r.exit_code == 0, r.output
    html = out.read_text("utf-8")
    assert html.count('<details class="conversation">') == 3
    first = html.split('<details class="conversation">')[1].split("</details>")[0]
    assert "(22 messages around it)" in first and "Can someone cover my shift" in first  # the whole short chat
    assert "Fay Lee" not in html and "<script" not in html


def test_severity_text_describes_this_message(tmp_path):
    """issue 10, point 3: "severity 2: Race — slur '…'", not the scale's words; the scale is in the method."""
    import re

    from click.testing import CliRunner

    from chatprobe.cli import main
    out = tmp_path / "r.html"
    sample = Path(__file__).resolve().parents[2] / "samples" / "response-team-b.zip"
    r = CliRunner().invoke(main, ["scan", str(sample), "--home", str(tmp_path), "--case", "s", "--report", str(out)])
    assert r.exit_code == 0, r.output
    html = out.read_text("utf-8")
    lines = re.findall(r"severity\n(\d: [^·]+)·", html)
    assert len(lines) == 5 and any("Disability — slur" in x for x in lines)
    assert "2 dehumanising, slurs, sexualised" in html.split("<h2>Method</h2>")[1]


LONG = ("01/05/2024, 08:00 - Sam Otley: Morning all, quick update from the early shift: the van is back from the garage, "
        "the briefing is moved to nine in room four, and the overtime sheet for next week is on the board by the kettle, "
        "so please fill it in before Friday. Parking is still a nightmare <script>alert(1)</script> because of the "
        "resurfacing, so use the multi-storey and keep your receipts. Also Dan, you are a worthless piece of shit, the "
        "lot of you\n01/05/2024, 08:02 - Dan Price: ok\n")


def test_a_long_message_is_read_whole_and_the_report_quotes_the_passage(tmp_path):
    src = tmp_path / "long.txt"
    src.write_text(LONG, encoding="utf-8")
    analysis = analysed(tmp_path / "home", src)
    (finding,) = analysis.investigation.findings
    out = tmp_path / "r.html"
    write_outputs(analysis, "long", Outputs(html=out))
    page = out.read_text("utf-8")
    assert "<script" not in page.lower()
    assert "in the passage “" in page and "worthless piece of shit, the lot of you”" in page
    assert "messages over 64 tokens read whole, in overlapping windows" in page.split("<h2>Method</h2>")[1]


def test_an_exhibit_that_looks_like_a_known_misreading_carries_its_caution(tmp_path):
    """The text model alone reads "she's in bed with tonsillitis again" as sexual (tests/fixtures/illness_lines.txt
    records it): the exhibit keeps its reasons and adds the caution once, in the report and in the exhibit schedule."""
    from chatprobe.detect.pipeline import CAUTION

    src = tmp_path / "family.txt"
    src.write_text("01/05/2024, 08:00 - Ann Lee: she's in bed with tonsillitis again\n"
                   "01/05/2024, 08:01 - Bob Lee: poor thing\n", encoding="utf-8")
    analysis = analysed(tmp_path / "home", src)
    (finding,) = analysis.investigation.findings
    assert finding.categories == ("sexual",)
    out = tmp_path / "out"
    write_outputs(analysis, "family", Outputs(html=out / "r.html", csv_dir=out))
    page = (out / "r.html").read_text("utf-8")
    assert page.count(f'<div class="small caution"><b>Caution:</b> {CAUTION["bedside"]}</div>') == 1
    (row,) = csv.DictReader(io.StringIO((out / "exhibits.csv").read_text("utf-8-sig")))
    assert row["explanation"].startswith("text model") and row["explanation"].endswith("; caution: " + CAUTION["bedside"])


def test_scan_counts_the_flags_that_carry_a_caution(tmp_path):
    from click.testing import CliRunner

    from chatprobe.cli import main

    src = tmp_path / "family.txt"
    src.write_text("01/05/2024, 08:00 - Ann Lee: she's in bed with tonsillitis again\n"
                   "01/05/2024, 08:01 - Bob Lee: poor thing\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["scan", str(src), "--home", str(tmp_path / "h"), "--case", "f"])
    assert r.exit_code == 0, r.output
    assert "1 flagged message looks like a known misreading of the text model" in " ".join(r.output.split())
