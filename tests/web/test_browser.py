"""The main flows in Debian's Chromium driven by Playwright (never `playwright install`), on SQLite and
PostgreSQL: log in, open a case, review findings with the keyboard, edit a subject, export the report.
Screenshots are kept in tests/web/artefacts/ (git-ignored)."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from .conftest import PASSWORD

ARTEFACTS = Path(__file__).resolve().parent / "artefacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium not installed")


@pytest.fixture
def served(site):
    import uvicorn

    from chatprobe.web.app import create_app
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(site["home"], site["db"]), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", site["backend"]
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def browser():
    pw = pytest.importorskip("playwright.sync_api")
    with pw.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        yield b
        b.close()


def shot(page, name: str) -> None:
    ARTEFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTEFACTS / f"{name}.png"), full_page=True)


def test_review_flow(served, browser):
    url, backend = served
    page = browser.new_page(accept_downloads=True)
    errors: list[str] = []
    # the wrong password's 401 shows as a failed resource; anything else (CSP, script errors) must not happen
    page.on("console", lambda m: errors.append(m.text)
            if m.type == "error" and "Failed to load resource" not in m.text else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{url}/cases")
    assert page.url.endswith("/login")
    page.fill("input[name=username]", "rev")
    page.fill("input[name=password]", "wrong password!")
    page.click("button[type=submit]")
    assert "Wrong user name or password" in page.text_content("main")
    page.fill("input[name=username]", "rev")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{url}/cases")
    shot(page, f"{backend}-1-cases")
    page.click("text=night")
    page.click("#open-queue")
    page.wait_for_selector("#queue tr.selected")
    shot(page, f"{backend}-2-queue")
    first = page.text_content("#queue tr.selected td:last-child")
    page.keyboard.press("j")
    page.keyboard.press("k")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_selector("#decide")
    assert page.text_content("#message-text").strip()[:20] == first.strip()[:20]
    page.fill("#note", "dehumanising, confirmed")
    page.click("main")  # leave the note field so the key is a shortcut, not text
    with page.expect_navigation():
        page.keyboard.press("c")  # confirm, then the app moves to the next finding
    shot(page, f"{backend}-3-finding")
    with page.expect_navigation():
        page.keyboard.press("p")
    page.wait_for_selector("#status")
    assert page.text_content("#status") == "confirmed"
    assert "dehumanising, confirmed" in page.text_content("main")
    assert not errors, errors  # no CSP violations or script errors


def test_subject_and_export_flow(served, browser):
    url, backend = served
    page = browser.new_page(accept_downloads=True)
    page.goto(f"{url}/login")
    page.fill("input[name=username]", "inv")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.goto(f"{url}/cases/night")
    page.fill("#new-subject input[name=subject_name]", "PC Ben Ward")
    page.fill("#new-subject input[name=members]", "Ben Ward")
    page.click("#new-subject button[type=submit]")
    page.wait_for_selector(".subject-form")
    page.fill(".subject-form input[name=role]", "Police Constable")
    page.select_option(".subject-form select[name=status]", "former")
    page.click(".subject-form button[type=submit]")
    page.wait_for_selector(".subject-form")
    assert page.input_value(".subject-form input[name=role]") == "Police Constable"
    assert page.input_value(".subject-form select[name=status]") == "former"
    shot(page, f"{backend}-4-case")
    with page.expect_download() as dl:
        page.click("text=Export report (all, with review status)")
    path = dl.value.path()
    assert Path(path).read_text("utf-8").startswith("<!DOCTYPE html>")
    page.goto(f"{url}/cases/other")
    assert page.text_content("h1") == "Not found"


def test_blurred_media_reveal_is_audited(served, browser, site):
    url, backend = served
    page = browser.new_page()
    page.goto(f"{url}/login")
    page.fill("input[name=username]", "rev")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.goto(f"{url}/cases/media/queue")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    thumb = page.locator("label.thumb.blur img")
    assert "blur" in thumb.evaluate("img => getComputedStyle(img).filter")
    shot(page, f"{backend}-5-blurred")
    with page.expect_response(lambda r: r.url.endswith("/reveal")) as resp:
        page.click("label.thumb.blur")
    assert resp.value.status == 200
    assert thumb.evaluate("img => getComputedStyle(img).filter") == "none"
    from chatprobe import audit
    from chatprobe.case import Case
    case = Case.open("media", home=site["home"], db=_case_url(site, "media"))
    try:
        with case.store.engine.connect() as conn:
            reveals = [e for e in audit.entries(conn) if e["action"] == "media-reveal"]
    finally:
        case.close()
    assert [(e["actor"], e["detail"]["attachment"]) for e in reveals] == [("rev", "IMG-20240501-WA0001.jpg")]


def _case_url(site, name):
    if site["backend"] == "sqlite":
        return None
    from sqlalchemy import select

    from chatprobe.store import Store
    from chatprobe.store import schema as t
    store = Store.open(site["db"])
    try:
        with store.engine.connect() as conn:
            return conn.execute(select(t.web_case.c.db_url).where(t.web_case.c.name == name)).scalar_one()
    finally:
        store.close()
