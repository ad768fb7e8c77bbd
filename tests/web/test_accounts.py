"""Issue 13, points 3-6: a login limit nobody can use to lock a user out, access that can be taken away,
identifiers checked at the boundary, and errors shown as pages. On SQLite and PostgreSQL."""

from __future__ import annotations

from click.testing import CliRunner

from chatprobe.cli import main
from chatprobe.web import auth
from tests.web.conftest import PASSWORD

WRONG = "not the password!"


def _fail(client, user: str, n: int, **kw) -> None:
    for _ in range(n):
        assert client.post("/api/login", data={"username": user, "password": WRONG}, **kw).status_code == 401


# --- point 3: lockout --------------------------------------------------------------------------------------

def test_strangers_cannot_lock_a_user_out_of_a_browser_they_used_before(client_for):
    inv = client_for("inv")  # the real user logged in from this browser before: it holds a device cookie
    assert inv.cookies.get("cp_device")
    attacker = client_for()
    _fail(attacker, "inv", auth.MAX_FAILURES)
    r = attacker.post("/api/login", data={"username": "inv", "password": PASSWORD})
    assert r.status_code == 429 and int(r.headers["retry-after"]) > 0  # unknown browser: the account waits
    r = inv.post("/api/login", data={"username": "inv", "password": PASSWORD})
    assert r.status_code == 200  # the known browser is never made to wait
    inv.cookies.delete("cp_device")  # nor is a browser with a live session of the account
    assert inv.post("/api/login", data={"username": "inv", "password": PASSWORD}).status_code == 200


def test_the_account_back_off_grows_and_a_known_device_of_someone_else_does_not_help(client_for, site):
    attacker = client_for("rev")  # logged in as rev: holds rev's device cookie, not inv's
    _fail(attacker, "inv", auth.MAX_FAILURES)
    r1 = attacker.post("/api/login", data={"username": "inv", "password": PASSWORD})
    assert r1.status_code == 429
    from chatprobe.store.server import server_store
    store = server_store(site["home"], site["db"])
    try:  # two more failures, as if the first wait had passed: the wait doubles each time
        from datetime import timedelta

        from sqlalchemy import insert

        from chatprobe.store import server_schema as t
        with store.transaction() as conn:
            conn.execute(insert(t.web_login_attempt).values(key="x", at=(auth._now() - timedelta(seconds=1)).isoformat(),
                                                            ok=False, username="inv", address="9.9.9.9"))
        with store.engine.connect() as conn:
            failures, opens = auth._account_backoff(conn, "inv", auth._now())
    finally:
        store.close()
    assert failures == auth.MAX_FAILURES + 1
    assert timedelta(minutes=1.9) < opens - auth._now() <= auth.BACKOFF_BASE * 2


def test_an_anonymous_flood_is_refused_per_address_except_known_browsers(client_for):
    rev = client_for("rev")  # rev's browser, used before the flood (same address as the flood, here)
    flood = client_for()
    for i in range(auth.ADDRESS_FAILURES):
        flood.post("/api/login", data={"username": f"nobody{i}", "password": WRONG})
    assert flood.post("/api/login", data={"username": "rev", "password": PASSWORD}).status_code == 429
    assert rev.post("/api/login", data={"username": "rev", "password": PASSWORD}).status_code == 200


def test_forwarded_for_counts_only_from_a_trusted_proxy():
    assert auth.client_address("203.0.113.9", "10.0.0.1", ()) == "203.0.113.9"
    assert auth.client_address("203.0.113.9", "10.0.0.1", ("127.0.0.1",)) == "203.0.113.9"  # not the proxy
    assert auth.client_address("127.0.0.1", "198.51.100.7", ("127.0.0.1",)) == "198.51.100.7"
    # a client that writes its own header cannot pick its address: the proxy appends the real one
    assert auth.client_address("127.0.0.1", "1.2.3.4, 198.51.100.7", ("127.0.0.1",)) == "198.51.100.7"
    assert auth.client_address("10.0.0.5", "198.51.100.7, 10.0.0.4", ("10.0.0.0/24",)) == "198.51.100.7"
    assert auth.client_address("127.0.0.1", "garbage", ("127.0.0.1",)) == "garbage"


def test_behind_a_proxy_each_client_has_its_own_address_limit(site):
    from fastapi.testclient import TestClient

    from chatprobe.web.app import create_app
    app = create_app(site["home"], site["db"], trusted_proxies=("127.0.0.0/8",))
    with TestClient(app, base_url="https://testserver", client=("127.0.0.1", 5000)) as proxy:
        for i in range(auth.ADDRESS_FAILURES):
            proxy.post("/api/login", data={"username": f"x{i}", "password": WRONG},
                       headers={"X-Forwarded-For": "198.51.100.66"})
        assert proxy.post("/api/login", data={"username": "inv", "password": PASSWORD},
                          headers={"X-Forwarded-For": "198.51.100.66"}).status_code == 429
        proxy.cookies.clear()
        assert proxy.post("/api/login", data={"username": "inv", "password": PASSWORD},
                          headers={"X-Forwarded-For": "198.51.100.7"}).status_code == 200
    app.state.server.close()


# --- point 4: access can be taken away ---------------------------------------------------------------------

def _cli(site, *args: str, stdin: str | None = None):
    extra = ["--home", str(site["home"])] + (["--db", site["db"]] if site["db"] else [])
    return CliRunner().invoke(main, ["user", *args, *extra], input=stdin)


def test_disable_ends_sessions_and_login(client_for, site):
    inv = client_for("inv")
    assert inv.get("/api/cases").status_code == 200
    r = _cli(site, "disable", "inv")
    assert r.exit_code == 0 and "1 session(s) ended" in r.stderr
    assert inv.get("/api/cases").status_code == 401
    assert inv.post("/api/login", data={"username": "inv", "password": PASSWORD}).status_code == 401
    assert _cli(site, "enable", "inv").exit_code == 0
    assert inv.post("/api/login", data={"username": "inv", "password": PASSWORD}).status_code == 200


def test_revoke_takes_a_case_away_at_once_and_says_what_is_left(client_for, site):
    rev = client_for("rev")
    assert rev.get("/api/cases/other/queue").status_code == 200
    r = _cli(site, "revoke", "rev", "--case", "other")
    assert r.exit_code == 0 and "may open: media, night" in r.stderr
    assert rev.get("/api/cases/other/queue").status_code == 404
    r = _cli(site, "revoke", "rev", "--case", "other")
    assert r.exit_code == 2 and "no access to other" in r.stderr
    r = _cli(site, "add", "rev", "--role", "reviewer", "--case", "other", "--password-stdin", stdin=PASSWORD + "\n")
    assert r.exit_code == 0 and "may open: media, night, other" in r.stderr  # the whole list, not just the new one


def test_sessions_listed_and_killed_and_a_password_reset_ends_them(client_for, site):
    a, b = client_for("ro"), client_for("ro")
    r = _cli(site, "sessions", "ro", "--json")
    import json
    assert r.exit_code == 0 and len(json.loads(r.stdout)["sessions"]) == 2
    assert _cli(site, "sessions", "ro", "--kill").exit_code == 0
    assert a.get("/api/cases").status_code == 401 and b.get("/api/cases").status_code == 401
    c = client_for("ro")
    r = _cli(site, "add", "ro", "--role", "read-only", "--password-stdin", stdin="another long password\n")
    assert r.exit_code == 0 and c.get("/api/cases").status_code == 401  # the reset ended the old session
    r = _cli(site, "list", "--json")
    assert {u["username"]: u["cases"] for u in json.loads(r.stdout)}["ro"] == ["night"]


def test_changing_ones_password_ends_the_other_sessions_only(client_for):
    here, elsewhere = client_for("inv"), client_for("inv")
    r = here.post("/api/account/password", data={"current": WRONG, "new": "a brand new passphrase"})
    assert r.status_code == 422 and "current password is wrong" in r.json()["error"]
    r = here.post("/api/account/password", data={"current": PASSWORD, "new": "a brand new passphrase"})
    assert r.status_code == 200 and r.json()["sessions_ended"] == 1
    assert here.get("/api/cases").status_code == 200 and elsewhere.get("/api/cases").status_code == 401
    page = here.get("/account")
    assert page.status_code == 200 and "Change your password" in page.text


# --- points 5 and 6: identifiers checked at the boundary; errors as pages ------------------------------------

def _audit_count(client, case: str) -> int:
    from chatprobe.store import audit
    c = client.app.state.server.case(case)
    with c.store.engine.connect() as conn:
        return len(audit.entries(conn))


def test_reveal_only_audits_pictures_that_exist(client_for):
    ro = client_for("ro")
    mid = ro.get("/api/cases/night/queue").json()["findings"][0]["message_id"]
    before = _audit_count(ro, "night")
    for m, a in ((mid, "../../etc/passwd"), ("no-such-message", "IMG-1.jpg"), (mid, "IMG-20240501-WA0001.jpg")):
        r = ro.post(f"/api/cases/night/findings/{m}/reveal", data={"attachment": a})
        assert r.status_code == 404, (m, a)
    assert _audit_count(ro, "night") == before


def test_an_allegation_cannot_cite_a_message_that_does_not_exist(client_for):
    inv = client_for("inv")
    sid = inv.post("/api/cases/night/subjects", data={"subject_name": "PC Ward"}).json()["subject_id"]
    before = _audit_count(inv, "night")
    r = inv.post(f"/api/cases/night/subjects/{sid}/allegation", data={"findings": "../../etc/passwd, nope-1"})
    assert r.status_code == 422 and "no message ../../etc/passwd" in r.json()["error"]
    assert _audit_count(inv, "night") == before
    mid = inv.get("/api/cases/night/queue").json()["findings"][0]["message_id"]
    assert inv.post(f"/api/cases/night/subjects/{sid}/allegation", data={"findings": mid}).status_code == 200


def test_viewing_the_export_page_writes_nothing(client_for):
    rev = client_for("rev")
    before = _audit_count(rev, "night")
    for _ in range(3):
        assert rev.get("/cases/night/report").status_code == 200
    assert _audit_count(rev, "night") == before
    r = rev.post("/cases/night/report", data={"confirmed": "1"})
    assert r.status_code == 200 and r.headers["content-disposition"] == \
        'attachment; filename="chatprobe-night-confirmed.html"'
    assert _audit_count(rev, "night") == before + 1
    del rev.headers["X-CSRF-Token"]
    assert rev.post("/cases/night/report").status_code == 403  # an export needs the CSRF token


def test_case_names_are_safe_slugs(tmp_path):
    import pytest

    from chatprobe.case import Case
    from chatprobe.errors import InputError
    for bad in ('a"b', "a\nb", "<b>x</b>", "../x", ".hidden", "a/b", "", "x" * 81, "a..b"):
        with pytest.raises(InputError, match="invalid case name"):
            Case.open(bad, home=tmp_path)
    r = CliRunner().invoke(main, ["import", "x.txt", "--case", 'evil"\nname', "--home", str(tmp_path)])
    assert r.exit_code == 2 and "invalid case name" in r.stderr and "Traceback" not in r.output
    Case.open("Op-Larch_2024.1", home=tmp_path).close()


def test_a_folder_with_an_unsafe_name_is_not_served(client_for, site):
    bad = site["home"] / 'bad"name'
    bad.mkdir()
    (bad / "case.db").write_bytes(b"")
    admin = client_for("admin")
    names = {c["name"] for c in admin.get("/api/cases").json()["cases"]}
    assert 'bad"name' not in names


def test_malformed_form_values_are_a_page_not_pydantic_json(client_for):
    inv = client_for("inv")
    r = inv.post("/cases/night/subjects", data={"subject_name": "x", "subject_id": "not a number"})
    assert r.status_code == 422 and r.headers["content-type"].startswith("text/html")
    assert "subject_id is not a valid value" in r.text and "pydantic" not in r.text and '"loc"' not in r.text
    r = inv.post("/api/cases/night/subjects", data={"subject_id": "x"})
    assert r.status_code == 422 and r.json()["fields"] == [
        {"field": "subject_name", "problem": "is required"}, {"field": "subject_id", "problem": "is not a valid value"}]
