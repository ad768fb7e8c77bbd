"""Export a chosen set of findings to RSMF 2.0 (issue 11, point 7), validated against the specification's
constraints (tests/fixtures/rsmf/manifest-2.0.0.schema.json) and its structural rules: an RFC 5322 message,
an X-RSMF-Version header, exactly one base64 attachment named rsmf.zip holding rsmf_manifest.json and every
file it names, at the root; every reference resolves."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from click.testing import CliRunner

from chatprobe.cli import main
from chatprobe.report.rsmf import read_rsmf
from tests.conftest import ROOT

SAMPLE = ROOT / "samples" / "response-team-b.zip"
SCHEMA = json.loads((Path(__file__).resolve().parents[1] / "fixtures" / "rsmf" / "manifest-2.0.0.schema.json")
                    .read_text("utf-8"))


def check_rsmf(data: bytes) -> dict:
    """Everything a review platform checks before loading an RSMF; returns the manifest."""
    assert b"\n" not in data.replace(b"\r\n", b"") and b"\r" not in data.replace(b"\r\n", b"")  # CRLF only
    assert all(len(line) <= 998 for line in data.split(b"\r\n"))  # RFC 5322 line limit
    assert data.split(b"\r\n\r\n", 1)[0].isascii()  # headers are ASCII
    msg, manifest, files = read_rsmf(data)
    assert msg["X-RSMF-Version"] == "2.0.0" and msg.get_content_type() == "multipart/mixed"
    (att,) = list(msg.iter_attachments())
    assert att.get_filename() == "rsmf.zip" and att["Content-Transfer-Encoding"] == "base64"
    assert att.get_content_disposition() == "attachment"
    jsonschema.validate(manifest, SCHEMA)
    people = {p["id"] for p in manifest["participants"]}
    convs = {c["id"]: c for c in manifest["conversations"]}
    events = {e["id"] for e in manifest["events"] if "id" in e}
    for c in convs.values():
        assert set(c["participants"]) <= people and c.get("custodian", next(iter(people))) in people
    for e in manifest["events"]:
        assert e["conversation"] in convs and e.get("participant", next(iter(people))) in people
        assert "parent" not in e or e["parent"] in events
        for a in e.get("attachments", []):
            assert a["id"] in files and len(files[a["id"]]) == a["size"] and "/" not in a["id"]
    assert int(msg["X-RSMF-EventCount"]) == len(manifest["events"])
    return manifest


def test_a_tagged_set_exports_to_rsmf_and_html(tmp_path):
    run = CliRunner()
    home = ["--home", str(tmp_path), "--case", "demo"]
    assert run.invoke(main, ["scan", str(SAMPLE), *home, "--json", str(tmp_path / "all.json")]).exit_code == 0
    r = run.invoke(main, ["tag", "for-IOPC", *home, "--category", "sex"])
    assert r.exit_code == 0 and "2 of 2 messages tagged for-IOPC" in r.stderr
    r = run.invoke(main, ["report", *home, "--tag", "for-IOPC", "--rsmf", str(tmp_path / "iopc.rsmf"),
                          "--report", str(tmp_path / "iopc.html"), "--json", str(tmp_path / "iopc.json")])
    assert r.exit_code == 0, r.output
    chosen = json.loads((tmp_path / "iopc.json").read_text("utf-8"))
    assert [f["categories"] for f in chosen["findings"]] == [["sex"], ["sex"]]
    manifest = check_rsmf((tmp_path / "iopc.rsmf").read_bytes())
    flagged = [e for e in manifest["events"] if e.get("importance") == "high"]
    assert {e["id"] for e in flagged} == {f["message_id"] for f in chosen["findings"]}
    for e in flagged:
        custom = {c["name"]: c["value"] for c in e["custom"]}
        assert custom["categories"] == "sex" and custom["review status"] == "unreviewed"
        assert custom["source file"].startswith("response-team-b.zip") and int(custom["source line"]) > 0
    assert len(manifest["events"]) > len(flagged)  # with the messages around each
    html = (tmp_path / "iopc.html").read_text("utf-8")
    assert "Women shouldn" in html and "Exhibits (2)" in html  # the race finding is not in the chosen set
    from chatprobe.store import audit
    from chatprobe.case import Case
    case = Case.open("demo", home=tmp_path)
    try:
        with case.store.engine.connect() as conn:
            export = [e for e in audit.entries(conn) if e["action"] == "export"][-1]
    finally:
        case.close()
    assert str(tmp_path / "iopc.rsmf") in export["detail"]["files"]


def test_rsmf_carries_media_from_the_evidence_and_is_the_same_for_the_same_input(tmp_path):
    import zipfile

    from tests.detect.media_images import encode, skin_scene
    export = tmp_path / "media.zip"
    with zipfile.ZipFile(export, "w") as z:
        z.writestr("WhatsApp Chat with Media.txt",
                   "13/05/2024, 09:00 - Ben Ward: IMG-20240513-WA0001.jpg (file attached)\n"
                   "13/05/2024, 09:01 - Carl Diaz: 😂😂\n13/05/2024, 09:02 - Ben Ward: Muslims are vermin\n")
        z.writestr("IMG-20240513-WA0001.jpg", encode(skin_scene()))
    home = ["--home", str(tmp_path), "--case", "m"]
    out1, out2 = tmp_path / "a.rsmf", tmp_path / "b.rsmf"
    assert CliRunner().invoke(main, ["scan", str(export), *home, "--rsmf", str(out1)]).exit_code == 0
    assert CliRunner().invoke(main, ["report", *home, "--rsmf", str(out2)]).exit_code == 0
    manifest = check_rsmf(out1.read_bytes())
    pictures = [a for e in manifest["events"] for a in e.get("attachments", [])]
    assert pictures and pictures[0]["display"] == "IMG-20240513-WA0001.jpg"
    assert read_rsmf(out1.read_bytes())[1] == read_rsmf(out2.read_bytes())[1]  # the manifest is reproducible
