from __future__ import annotations

from pathlib import Path

import pytest

from chatprobe.analyse.stored import classify_case
from chatprobe.case import Case
from chatprobe.store import Store
from chatprobe.web.auth import add_user

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "investigation" / "night-shift.txt"
HOSTILE = """01/05/2024, 08:00 - <script>alert(1)</script> created group "<img src=x onerror=alert(2)>"
01/05/2024, 08:01 - <script>alert(1)</script> added Ben Ward
01/05/2024, 09:00 - Ben Ward: Muslims are vermin <script>alert("x")</script> javascript:alert(3)
"""
PASSWORD = "correct horse battery"


@pytest.fixture(params=["sqlite", "postgresql"])
def site(request, tmp_path):
    """A served home with two cases (night, other), an admin, an investigator with night only, a reviewer and
    a read-only user; server and case databases on the backend under test."""
    pg = request.getfixturevalue("postgres") if request.param == "postgresql" else None
    home = tmp_path / "cases"
    server_db = pg.new_database() if pg else None
    case_urls = {}
    import zipfile

    from tests.detect.media_images import encode, skin_scene
    media_zip = tmp_path / "media.zip"
    with zipfile.ZipFile(media_zip, "w") as z:
        z.writestr("WhatsApp Chat with Media.txt", "01/05/2024, 09:00 - Ben Ward: IMG-20240501-WA0001.jpg (file attached)\n"
                   "01/05/2024, 09:01 - Carl Diaz: 😂😂\n")
        z.writestr("IMG-20240501-WA0001.jpg", encode(skin_scene()))
    for name, text in (("night", FIXTURE.read_text("utf-8")), ("other", HOSTILE), ("media", None)):
        if text is None:
            src = media_zip
        else:
            src = tmp_path / f"{name}.txt"
            src.write_text(text, encoding="utf-8")
        url = pg.new_database() if pg else None
        case = Case.open(name, home=home, db=url)
        case.import_paths([src])
        classify_case(case)
        case.close()
        case_urls[name] = url
    store = Store.open(server_db or home / "server.db", server=True)
    if pg:
        from sqlalchemy import insert

        from chatprobe.store import server_schema as t
        with store.transaction() as conn:
            for name, url in case_urls.items():
                conn.execute(insert(t.web_case).values(name=name, db_url=url))
    add_user(store, "admin", PASSWORD, "admin")
    add_user(store, "inv", PASSWORD, "investigator", ["night"])
    add_user(store, "rev", PASSWORD, "reviewer", ["night", "other", "media"])
    add_user(store, "ro", PASSWORD, "read-only", ["night"])
    store.close()
    return {"home": home, "db": server_db, "backend": request.param}


@pytest.fixture
def client_for(site):
    from fastapi.testclient import TestClient

    from chatprobe.web.app import create_app
    app = create_app(site["home"], site["db"])
    clients = []

    def make(user: str | None = None):
        c = TestClient(app, base_url="https://testserver")
        clients.append(c)
        if user:
            r = c.post("/api/login", data={"username": user, "password": PASSWORD})
            assert r.status_code == 200, r.text
            c.headers["X-CSRF-Token"] = r.json()["csrf"]
        return c

    yield make
    for c in clients:
        c.close()
    app.state.server.close()
