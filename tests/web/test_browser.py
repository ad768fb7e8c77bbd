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
    from chatprobe.store import audit
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
    from chatprobe.store import server_schema as t
    store = Store.open(site["db"], server=True)
    try:
        with store.engine.connect() as conn:
            return conn.execute(select(t.web_case.c.db_url).where(t.web_case.c.name == name)).scalar_one()
    finally:
        store.close()


def _big_case(home: Path) -> None:
    """A 160-message chat with 60 offensive messages, served beside the others."""
    n = 0
    from chatprobe.analyse.stored import classify_case
    from chatprobe.case import Case
    lines = []
    for i in range(160):
        day, minute = 13 + i // 60, i % 60
        if i % 8 in (1, 3, 5):
            n += 1
            text = "Muslims are vermin, the lot of them" if n % 2 else \
                "Women shouldn't be on response, useless the lot of them"
        else:
            text = f"routine update number {i} about the rota"
        lines.append(f"{day:02d}/05/2024, 10:{minute:02d} - Officer {'ABCDE'[i % 5]}: {text}\n")
    src = home.parent / "big.txt"
    src.write_text("".join(lines), encoding="utf-8")
    case = Case.open("big", home=home)
    try:
        case.import_paths([src])
        classify_case(case)
    finally:
        case.close()


def test_workbench_flow(served, browser, site):
    """issue 11: open a finding's conversation and page through it, search all messages, tag and bulk-dismiss
    50 findings, export the tagged set to RSMF and HTML."""
    _big_case(site["home"])
    url, backend = served
    page = browser.new_page(accept_downloads=True, viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{url}/login")
    page.fill("input[name=username]", "admin")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{url}/cases")
    page.goto(f"{url}/cases/big/queue")
    boxes = page.query_selector_all("input.tick")
    assert len(boxes) == 60  # 60 offensive lines of the 160: 30 religion, 30 sex
    page.goto(f"{url}/cases/big/search?q=lot")
    assert "60 messages match" in page.text_content("#total")
    shot(page, f"{backend}-w1-search")
    # tag every hit, then dismiss the tagged ones by ticking them in the queue
    page.fill("#tag-all input[name=tag]", "for-IOPC")
    with page.expect_navigation():
        page.click("#tag-all button")
    page.goto(f"{url}/cases/big/queue")
    page.check("#tick-all")
    assert all(b.is_checked() for b in page.query_selector_all("input.tick"))
    page.select_option("#bulk select[name=action]", "dismiss")
    page.fill("#bulk input[name=note]", "bulk test")
    with page.expect_navigation():
        page.click("#apply-bulk")
    assert page.text_content("main").count("dismissed") >= 60
    shot(page, f"{backend}-w2-queue-dismissed")
    # a finding in its whole conversation, paged both ways
    page.click("#queue tr[data-href] a")
    page.click("#open-conversation")
    page.wait_for_selector("#conversation tr.around")
    assert "Messages" in page.text_content("main")
    shot(page, f"{backend}-w3-conversation")
    if page.query_selector("#newer"):
        with page.expect_navigation():
            page.click("#newer")
        with page.expect_navigation():
            page.click("#older")
        page.wait_for_selector("#conversation")
    # export the tagged set
    page.goto(f"{url}/cases/big/report")
    page.select_option("select[name=tag]", "for-IOPC")
    page.select_option("select[name=format]", "rsmf")
    with page.expect_download() as dl:
        page.click("text=Export report")
    from tests.report.test_rsmf import check_rsmf
    manifest = check_rsmf(Path(dl.value.path()).read_bytes())
    assert len([e for e in manifest["events"] if e.get("importance") == "high"]) == 60
    page.select_option("select[name=format]", "html")
    with page.expect_download() as dl:
        page.click("text=Export report")
    assert "for-IOPC" in dl.value.suggested_filename and Path(dl.value.path()).read_text("utf-8").startswith("<!DOCTYPE")
    assert not errors, errors
