"""The web UI through HTTP, on SQLite and PostgreSQL: login, access, queue, decisions, records, exports,
escaping, CSRF, rate limiting and security headers."""

from __future__ import annotations

import re

from chatprobe.web import auth


def test_passwords_are_scrypt_and_checked():
    h = auth.hash_password("a long password 1")
    assert h.startswith("scrypt$") and auth.check_password("a long password 1", h)
    assert not auth.check_password("a long password 2", h) and not auth.check_password("x", "md5$x$y")


def test_pages_need_login_and_cases_need_access(client_for):
    anon = client_for()
    assert anon.get("/cases", follow_redirects=False).headers["location"] == "/login"
    assert anon.get("/api/cases").status_code == 401
    inv = client_for("inv")
    assert [c["name"] for c in inv.get("/api/cases").json()["cases"]] == ["night"]
    for path in ("/cases/other", "/api/cases/other", "/cases/other/queue", "/api/cases/other/queue",
                 "/cases/other/report", "/cases/nope", "/api/cases/nope/queue"):
        assert inv.get(path).status_code == 404, path
    mid = client_for("rev").get("/api/cases/other/queue").json()["findings"][0]["message_id"]
    assert inv.get(f"/api/cases/other/findings/{mid}").status_code == 404
    assert inv.post(f"/api/cases/other/findings/{mid}/decision", data={"decision": "confirm"}).status_code == 404
    assert {c["name"] for c in client_for("admin").get("/api/cases").json()["cases"]} == {"night", "other", "media"}


def test_queue_filters_and_decisions(client_for):
    rev = client_for("rev")
    q = rev.get("/api/cases/night/queue").json()
    assert q["total"] == 3 and [f["severity"] for f in q["findings"]] == sorted(
        [f["severity"] for f in q["findings"]], reverse=True)
    assert rev.get("/api/cases/night/queue?category=sex").json()["total"] == 1
    assert rev.get("/api/cases/night/queue?member=Ben%20Ward").json()["total"] == 1
    assert rev.get("/api/cases/night/queue?q=vermin").json()["total"] == 1
    assert rev.get("/api/cases/night/queue?date_from=2024-05-02").json()["total"] == 2
    mid = q["findings"][0]["message_id"]
    r = rev.post(f"/api/cases/night/findings/{mid}/decision", data={"decision": "confirm", "note": "clear"})
    assert r.status_code == 200 and r.json()["reviewer"] == "rev"
    assert rev.get("/api/cases/night/queue?status=confirmed").json()["total"] == 1
    inv = client_for("inv")
    r = inv.post(f"/api/cases/night/findings/{mid}/decision", data={"decision": "dismiss", "stage": "2"})
    assert r.status_code == 200
    f = rev.get(f"/api/cases/night/findings/{mid}").json()
    assert f["review"]["status"] == "dismissed" and f["review"]["agreement"] is False
    ro = client_for("ro")
    assert ro.post(f"/api/cases/night/findings/{mid}/decision", data={"decision": "confirm"}).status_code == 403


def test_csrf_is_required(client_for):
    rev = client_for("rev")
    mid = rev.get("/api/cases/night/queue").json()["findings"][0]["message_id"]
    del rev.headers["X-CSRF-Token"]
    r = rev.post(f"/api/cases/night/findings/{mid}/decision", data={"decision": "confirm"})
    assert r.status_code == 403 and "CSRF" in r.json()["error"]
    r = rev.post(f"/api/cases/night/findings/{mid}/decision", data={"decision": "confirm", "csrf": "forged"})
    assert r.status_code == 403


def test_records_and_roles(client_for):
    inv = client_for("inv")
    sid = inv.post("/api/cases/night/subjects", data={"subject_name": "PC Ben Ward", "role": "PC", "status": "serving",
                                                      "members": "Ben Ward", "identifiers": "1234"}).json()["subject_id"]
    assert inv.post(f"/api/cases/night/subjects/{sid}/severity",
                    data={"level": "gross misconduct", "rationale": "dehumanising religious hatred"}).status_code == 200
    assert inv.post(f"/api/cases/night/subjects/{sid}/notice",
                    data={"kind": "written notice of investigation", "served_on": "2024-06-01"}).status_code == 200
    assert inv.post(f"/api/cases/night/subjects/{sid}/allegation",
                    data={"standards": ["Equality and Diversity", "Discreditable Conduct"], "categories": "religion",
                          "summary": "posted religious hatred"}).status_code == 200
    bad = inv.post(f"/api/cases/night/subjects/{sid}/allegation", data={"standards": ["Being Rude"]})
    assert bad.status_code == 422 and "unknown Standard" in bad.json()["error"]
    assert inv.post("/api/cases/night/record", data={"title": "Op Larch", "status": "under investigation"}).status_code == 200
    case = inv.get("/api/cases/night").json()
    assert case["record"]["title"] == "Op Larch"
    s = case["subjects"][0]
    assert s["members"] == ["Ben Ward"] and s["severity"][0]["level"] == "gross misconduct"
    assert s["allegations"][0]["standards"] == ["Equality and Diversity", "Discreditable Conduct"]
    assert client_for("rev").post("/api/cases/night/record", data={"title": "x"}).status_code == 403


def test_hostile_content_renders_as_text(client_for):
    admin = client_for("admin")
    mid = admin.get("/api/cases/other/queue").json()["findings"][0]["message_id"]
    for path in ("/cases/other", "/cases/other/queue", f"/cases/other/findings/{mid}"):
        page = admin.get(path).text
        assert "<script>alert" not in page and "<img src=x" not in page, path
        assert "&lt;script&gt;alert(" in page, path
        assert len(re.findall(r"<script", page)) == 1 and '<script src="/static/app.js" defer></script>' in page
    report = admin.post("/cases/other/report")
    assert report.headers["content-disposition"] == 'attachment; filename="chatprobe-other.html"'
    assert "<script>alert" not in report.text


def test_security_headers_and_cookie(client_for):
    anon = client_for()
    r = anon.post("/login", data={"username": "inv", "password": "correct horse battery"}, follow_redirects=False)
    cookie = r.headers["set-cookie"].lower()
    assert "httponly" in cookie and "secure" in cookie and "samesite=strict" in cookie
    page = anon.get("/cases")
    h = page.headers
    assert "script-src 'self'" in h["content-security-policy"] and "unsafe-inline" not in h["content-security-policy"]
    assert h["x-frame-options"] == "DENY" and h["x-content-type-options"] == "nosniff"
    assert h["cache-control"] == "no-store"


def test_login_is_rate_limited(client_for):
    anon = client_for()
    for _ in range(auth.MAX_FAILURES):
        assert anon.post("/api/login", data={"username": "inv", "password": "wrong password!"}).status_code == 401
    r = anon.post("/api/login", data={"username": "inv", "password": "correct horse battery"})
    assert r.status_code == 429
    assert client_for("rev").get("/api/cases").status_code == 200  # other users are not locked out


def test_actions_are_audited(client_for, site):
    rev = client_for("rev")
    mid = rev.get("/api/cases/night/queue").json()["findings"][0]["message_id"]
    rev.post(f"/api/cases/night/findings/{mid}/decision", data={"decision": "escalate", "note": "IOPC"})
    assert rev.post("/cases/night/report").status_code == 200
    media = rev.get("/api/cases/media/queue").json()["findings"][0]["message_id"]
    assert rev.post(f"/api/cases/media/findings/{media}/reveal",
                    data={"attachment": "IMG-20240501-WA0001.jpg"}).status_code == 200
    from chatprobe.store import audit
    case = rev.app.state.server.case("night")
    with case.store.engine.connect() as conn:
        actions = [(e["action"], e["actor"]) for e in audit.entries(conn)]
    assert ("decision", "rev") in actions and ("export", "rev") in actions
    media_case = rev.app.state.server.case("media")
    with media_case.store.engine.connect() as conn:
        assert ("media-reveal", "rev") in [(e["action"], e["actor"]) for e in audit.entries(conn)]
    assert case.verify_audit()[1] is None


def test_app_for_worker_processes_reads_its_settings_from_the_environment(site, monkeypatch):
    from fastapi.testclient import TestClient

    from chatprobe.web.app import app_from_env
    monkeypatch.setenv("CHATPROBE_SERVE_HOME", str(site["home"]))
    monkeypatch.setenv("CHATPROBE_SERVE_DB", site["db"] or "")
    app = app_from_env()
    with TestClient(app, base_url="https://testserver") as c:
        assert c.get("/login").status_code == 200
        r = c.post("/api/login", data={"username": "admin", "password": "correct horse battery"})
        assert r.status_code == 200
        assert {x["name"] for x in c.get("/api/cases").json()["cases"]} == {"night", "other", "media"}


def test_not_found_and_invalid_values_have_their_own_status(client_for):
    inv = client_for("inv")
    r = inv.get("/api/cases/night/chats/no-such-chat")
    assert r.status_code == 404 and r.json()["status"] == 404 and "no chat" in r.json()["error"]
    r = inv.post("/api/cases/night/record", data={"status": "not a status"})
    assert r.status_code == 422 and r.json()["status"] == 422


def test_a_finding_page_shows_the_caution_of_a_known_misreading(tmp_path):
    """A sexual flag from the text model alone on talk of illness carries the model card's caution (detect.pipeline
    CAUTION), on the finding page and in the API, apart from the reasons. Needs the shipped model to flag the line, as
    tests/fixtures/illness_lines.txt records it does."""
    from fastapi.testclient import TestClient

    from chatprobe.analyse.stored import classify_case
    from chatprobe.case import Case
    from chatprobe.detect.pipeline import CAUTION
    from chatprobe.store import Store
    from chatprobe.web.app import create_app
    from chatprobe.web.auth import add_user
    from tests.web.conftest import PASSWORD

    home = tmp_path / "cases"
    src = tmp_path / "family.txt"
    src.write_text("01/05/2024, 08:00 - Ann Lee: she's in bed with tonsillitis again\n"
                   "01/05/2024, 08:01 - Bob Lee: poor thing\n", encoding="utf-8")
    case = Case.open("family", home=home)
    case.import_paths([src])
    classify_case(case)
    case.close()
    store = Store.open(home / "server.db", server=True)
    add_user(store, "rev", PASSWORD, "reviewer", ["family"])
    store.close()
    c = TestClient(create_app(home, None), base_url="https://testserver")
    c.headers["X-CSRF-Token"] = c.post("/api/login", data={"username": "rev", "password": PASSWORD}).json()["csrf"]
    (f,) = c.get("/api/cases/family/queue").json()["findings"]
    data = c.get(f"/api/cases/family/findings/{f['message_id']}").json()
    assert data["categories"] == ["sexual"] and data["cautions"] == [CAUTION["bedside"]]
    assert not any("caution" in e for e in data["explanations"])
    page = c.get(f"/cases/family/findings/{f['message_id']}").text
    assert '<p class="caution"><b>Caution:</b> ' + CAUTION["bedside"] + "</p>" in page


def test_the_queue_pages_keep_their_filters_and_count_in_words(client_for, monkeypatch):
    from chatprobe.web.routes import review
    monkeypatch.setattr(review, "PAGE", 1)
    rev = client_for("rev")
    html = rev.get("/cases/night/queue?date_from=2024-05-02").text
    assert "2 findings, most severe first" in html and "all 2 matching findings" in html
    nxt = re.search(r'id="page-next" href="\?([^"]+)"', html).group(1).replace("&amp;", "&")
    assert nxt == "date_from=2024-05-02&page_no=2"
    second = rev.get(f"/cases/night/queue?{nxt}").text
    assert 'id="page-next"' not in second and "date_from=2024-05-02&amp;page_no=1" in second
    one = rev.get("/cases/night/queue?category=sex").text
    assert "1 finding, most severe first" in one and "the one matching finding" in one
    assert "1 findings" not in one and "(3 findings)" in rev.get("/cases/night").text
