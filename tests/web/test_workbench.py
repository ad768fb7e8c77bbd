"""The workbench in the web UI (issue 11, points 4-7): the whole conversation, search over every message,
tags and bulk actions audited item by item, and a chosen set exported to HTML and RSMF."""

from __future__ import annotations

from tests.report.test_rsmf import check_rsmf


def test_a_finding_opens_in_its_whole_conversation_paged(client_for):
    rev = client_for("rev")
    q = rev.get("/api/cases/night/queue").json()
    mid = q["findings"][0]["message_id"]
    f = rev.get(f"/api/cases/night/findings/{mid}").json()
    conv = rev.get(f"/api/cases/night/chats/{f['chat_id']}?around={mid}").json()
    assert conv["total"] == 22 and any(m["id"] == mid and m["flagged"] for m in conv["messages"])
    assert conv["present"] and conv["start"] == 0
    page = rev.get(f"/cases/night/chats/{f['chat_id']}?around={mid}")
    assert page.status_code == 200 and f'id="m-{mid}"' in page.text
    later = rev.get(f"/api/cases/night/chats/{f['chat_id']}?start=20").json()
    assert [m["position"] for m in later["messages"]] == [20, 21] and later["next"] is None
    assert rev.get(f"/api/cases/other/chats/{f['chat_id']}").status_code == 404  # rev may see other; no such chat
    assert client_for("inv").get(f"/api/cases/other/chats/{f['chat_id']}").status_code == 404


def test_search_every_message_save_it_and_tag_all_hits(client_for):
    rev = client_for("rev")
    r = rev.get("/api/cases/night/search?q=friday").json()
    assert r["total"] == 2 and not any(h["flagged"] for h in r["hits"])
    assert r["hits"][0]["parts"] == [["Can someone cover my shift on ", False], ["Friday", True], ["?", False]]
    page = rev.get("/cases/night/search?q=friday")
    assert "<mark>Friday</mark>" in page.text
    assert rev.post("/api/cases/night/searches", data={"search_name": "cover", "q": "friday"}).status_code == 200
    assert [s["name"] for s in rev.get("/api/cases/night/search").json()["saved"]] == ["cover"]
    r = rev.post("/api/cases/night/bulk", data={"scope": "all", "action": "tag", "tag": "rota", "f_q": "friday"})
    assert r.json() == {"action": "tag", "selected": 2, "changed": 2}
    assert rev.get("/api/cases/night/search?tag=rota").json()["total"] == 2
    hostile = rev.get("/cases/night/search?q=<script>alert(1)</script>")
    assert "<script>alert(1)" not in hostile.text


def test_bulk_dismiss_by_filter_is_audited_one_by_one(client_for):
    rev = client_for("rev")
    before = _audit(rev)
    r = rev.post("/api/cases/night/bulk", data={"scope": "all", "action": "dismiss", "note": "test",
                                                "f_status": "unreviewed"})
    assert r.json()["changed"] == 3
    log = _audit(rev)[len(before):]
    assert [e["action"] for e in log] == ["decision"] * 3 and len({e["target"] for e in log}) == 3
    assert rev.get("/api/cases/night/queue?status=dismissed").json()["total"] == 3
    ro = client_for("ro")
    assert ro.post("/api/cases/night/bulk", data={"scope": "all", "action": "confirm"}).status_code == 403
    plain = rev.get("/api/cases/night/search?q=friday").json()["hits"][0]["message_id"]
    r = rev.post("/api/cases/night/bulk", data={"ids": [plain], "action": "confirm"})
    assert r.status_code == 422 and "not a finding" in r.json()["error"]


def test_a_tagged_set_exports_as_rsmf_and_html(client_for):
    rev = client_for("rev")
    mids = [f["message_id"] for f in rev.get("/api/cases/night/queue?category=sex").json()["findings"]]
    assert rev.post("/api/cases/night/bulk", data={"ids": mids, "action": "tag", "tag": "for-IOPC"}).json()["changed"] == 1
    r = rev.post("/cases/night/report", data={"tag": "for-IOPC", "format": "rsmf"})
    assert r.status_code == 200 and r.headers["content-disposition"] == \
        'attachment; filename="chatprobe-night-for-IOPC.rsmf"'
    manifest = check_rsmf(r.content)
    assert [e["id"] for e in manifest["events"] if e.get("importance") == "high"] == mids
    html = rev.post("/cases/night/report", data={"tag": "for-IOPC"})
    assert "Women shouldn" in html.text and "Exhibits (1)" in html.text  # the one tagged finding
    assert rev.get("/cases/night/report").status_code == 200


def _audit(client) -> list[dict]:
    from chatprobe.store import audit
    case = client.app.state.server.case("night")
    with case.store.engine.connect() as conn:
        return audit.entries(conn)


def _analysed_case(site, name: str, export: str) -> None:
    """A case ``name`` in the served home, with one WhatsApp export of this text imported and classified."""
    from chatprobe.analyse.stored import classify_case
    from chatprobe.case import Case
    src = site["home"].parent / f"{name}.txt"
    src.write_text(export, encoding="utf-8")
    case = Case.open(name, home=site["home"])
    try:
        case.import_paths([src])
        classify_case(case)
    finally:
        case.close()


def test_the_case_page_says_how_many_messages_were_not_assessed(client_for, site):
    _analysed_case(site, "german", "13/05/2024, 08:00 - Jonas: Kann jemand meine Schicht am Freitag übernehmen?\n"
                                   "13/05/2024, 08:01 - Ann: Morning all, briefing at 9\n")
    admin = client_for("admin")
    assert admin.get("/api/cases/german").json()["not_assessed"] == {"de": 1}
    assert "1 message not assessed" in admin.get("/cases/german").text


def test_the_case_page_says_how_many_flags_a_members_own_emoji_raised(client_for, site):
    """analyse/signature.py: Aisha signs her lines with 🧕🏿 and the text model reads it as hate; the case page says how
    many flags carry the caution that it is likely her own emoji."""
    lines = ["sounds good", "on my way", "who's got the van keys?", "gym at lunch?", "running late, sorry",
             "can someone cover my early?"]
    _analysed_case(site, "own", "".join(f"13/05/2024, 08:0{k} - Aisha: {t} 🧕🏿\n" for k, t in enumerate(lines))
                   + "13/05/2024, 09:00 - Dan: anyone who reports this will be looking over their shoulder\n")
    admin = client_for("admin")
    page = admin.get("/cases/own").text
    assert 'id="own-emoji"' in page and "likely the sender's own" in page
    # the review queue: at a severity, Dan's threat (no caution) before Aisha's cautioned flags, which say so
    rows = admin.get("/api/cases/own/queue").json()["findings"]
    same = [r for r in rows if r["severity"] == 2]
    assert same[0]["sender"] == "Dan" and not same[0]["caution"] and all(r["caution"] for r in same[1:])
    assert "caution-mark" in admin.get("/cases/own/queue").text
