"""Media in a scanned export: nudity and image-text findings in the JSON and the report; what was not
analysed is listed, never dropped."""

from __future__ import annotations

import json
import shutil
import zipfile

import pytest
from click.testing import CliRunner

from chatprobe.cli import main

from ..detect.media_images import encode, landscape, meme, opus, skin_scene, tone

CHAT = """01/05/2024, 08:00 - Sgt Amy Cole created group "Night Shift"
01/05/2024, 08:01 - Sgt Amy Cole added Ben Ward, Carl Diaz
01/05/2024, 09:00 - Ben Ward: IMG-20240501-WA0001.jpg (file attached)
01/05/2024, 09:01 - Carl Diaz: 😂😂
01/05/2024, 09:05 - Carl Diaz: IMG-20240501-WA0002.png (file attached)
01/05/2024, 09:06 - Sgt Amy Cole: IMG-20240501-WA0003.jpg (file attached)
Look at the sunset
01/05/2024, 09:07 - Ben Ward: PTT-20240501-WA0004.opus (file attached)
01/05/2024, 09:08 - Ben Ward: <Media omitted>
"""


@pytest.fixture(scope="module")
def export(tmp_path_factory):
    d = tmp_path_factory.mktemp("media")
    path = d / "WhatsApp Chat with Night Shift.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("WhatsApp Chat with Night Shift.txt", CHAT)
        z.writestr("IMG-20240501-WA0001.jpg", encode(skin_scene()))
        z.writestr("IMG-20240501-WA0002.png", encode(meme("Muslims are vermin"), "PNG"))
        z.writestr("IMG-20240501-WA0003.jpg", encode(landscape()))
        z.writestr("PTT-20240501-WA0004.opus", opus(tone()))
    return path


def scan(export, home, *extra):
    r = CliRunner().invoke(main, ["scan", str(export), "--home", str(home), "--case", "m", "--json", "-", *extra],
                           catch_exceptions=False)
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout), r


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="Debian tesseract-ocr not installed")
def test_media_findings_in_json_and_report(export, tmp_path):
    data, _ = scan(export, tmp_path, "--report", str(tmp_path / "r.html"))
    by_cat = {tuple(f["categories"]): f for f in data["findings"]}
    porn = by_cat[("pornographic_media",)]
    assert porn["sender"] == "Ben Ward" and porn["scores"]["pornographic_media"] >= 0.5
    assert porn["responses"]["Carl Diaz"] == "endorsement"
    assert porn["media"][0]["status"] == "analysed" and "nudity model" in porn["explanations"][0]["note"]
    meme_finding = by_cat[("religion",)]
    assert meme_finding["image_text"] == "Muslims are vermin" and meme_finding["sender"] == "Carl Diaz"
    assert any("in the image text" in e["note"] for e in meme_finding["explanations"])
    assert len(data["findings"]) == 2  # the sunset is not flagged
    reasons = {x["name"] or "(omitted)": x["reason"] for x in data["media"]["not_analysed"]}
    assert set(reasons) == {"(omitted)"} and "not in the export" in reasons["(omitted)"]
    assert data["media"]["analysed"] == 4  # three images and the voice note (transcribed)
    page = (tmp_path / "r.html").read_text("utf-8")
    assert page.count('class="thumb blur"') == 1 and page.count('class="thumb"') == 1  # the meme is not blurred
    assert "<script" not in page and "Media not analysed (1)" in page


def test_without_tesseract_images_are_listed_as_not_read(export, tmp_path, monkeypatch):
    from chatprobe.detect import media
    monkeypatch.setattr(media, "tesseract", lambda: None)
    data, r = scan(export, tmp_path)
    assert r.stderr.count("Tesseract is not installed") == 1
    assert not any(f.get("image_text") for f in data["findings"])
    unread = [x for x in data["media"]["not_analysed"] if "Tesseract" in x["reason"]]
    assert {x["name"] for x in unread} == {"IMG-20240501-WA0001.jpg", "IMG-20240501-WA0002.png",
                                           "IMG-20240501-WA0003.jpg"}
