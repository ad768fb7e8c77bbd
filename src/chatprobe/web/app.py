"""The team web UI: FastAPI with server-rendered pages; every page has a JSON twin under /api.

    chatprobe serve --home cases/ [--db postgresql+psycopg://…/chatprobe] [--port 8000]

The server database (``--db``, default ``<home>/server.db``) holds users, access and sessions; each case
keeps its own database and evidence (``<home>/<case>/``, or a URL registered with ``chatprobe user
grant --db``). Cases are listed to a user only when they may see them; any other case answers 404, page
and API alike. No script is inline (CSP ``script-src 'self'``); the only script is ``static/app.js``
(keyboard shortcuts), served by this app — nothing comes from a CDN.
"""

from __future__ import annotations

import hmac
import json
import logging
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import FastAPI, Form, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from sqlalchemy import select

from chatprobe.analyse.stored import CaseAnalysis, latest_run, load_case
from chatprobe.case import CASE_NAME, Case
from chatprobe.errors import AccessDenied, ChatprobeError, InputError, NotFound, NothingToAnalyse, RateLimited
from chatprobe.store import Store
from chatprobe.store import schema as t
from chatprobe.web import auth

COOKIE = "cp_session"
DEVICE_COOKIE = "cp_device"  # remembers a browser a user has logged in from: the login back-off never applies to it
HERE = Path(str(resources.files("chatprobe.web")))
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "frame-ancestors 'none'; form-action 'self'; base-uri 'none'")
PAGE = 100
log = logging.getLogger("chatprobe.web")


@dataclass
class Server:
    home: Path
    store: Store
    cases: dict[str, Case] = field(default_factory=dict)
    analyses: dict[str, tuple[int, CaseAnalysis]] = field(default_factory=dict)
    reviews: dict[str, tuple[Any, dict[str, Any]]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    computing: dict[str, threading.Lock] = field(default_factory=dict)  # one investigation build per case
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    flagged: dict[str, frozenset[str]] = field(default_factory=dict)  # finding message ids, per case
    _names: tuple[float, list[str]] = (0.0, [])

    def case_names(self) -> list[str]:
        """Cases under home and registered ones (looked up at most every 5 seconds)."""
        import time
        at, names = self._names
        if time.monotonic() - at < 5:
            return names
        found = {p.parent.name for p in self.home.glob("*/case.db") if CASE_NAME.fullmatch(p.parent.name)}
        with self.store.engine.connect() as conn:
            found |= {r.name for r in conn.execute(select(t.web_case.c.name))}
        self._names = (time.monotonic(), sorted(found))
        return self._names[1]

    def review_states(self, name: str) -> dict[str, Any]:
        """Review states of a case. Decisions added since the last call (by anyone, any process) are read
        and applied; nothing else is re-read."""
        from chatprobe.review.decisions import apply
        case = self.case(name)
        with self.lock:
            version, current = self.reviews.get(name, (0, {}))
        q = select(t.review_decision).where(t.review_decision.c.id > version).order_by(t.review_decision.c.id)
        with case.store.engine.connect() as conn:
            new = conn.execute(q).all()
        if not new:
            return current
        with self.lock:
            version, current = self.reviews.get(name, (0, {}))
            fresh = dict(current)
            for r in new:
                if r.id > version:
                    apply(fresh, r)
            self.reviews[name] = (max(version, new[-1].id), fresh)
            return fresh

    def case(self, name: str) -> Case:
        with self.lock:
            c = self.cases.get(name)
            if c is None:
                if name not in self.case_names():
                    raise NotFound("not found")
                with self.store.engine.connect() as conn:
                    row = conn.execute(select(t.web_case.c.db_url).where(t.web_case.c.name == name)).first()
                c = self.cases[name] = Case.open(name, home=self.home, db=row.db_url if row and row.db_url else None)
            return c

    def analysis(self, name: str) -> CaseAnalysis | None:
        """The case's investigation, computed once per analysis run (reviews are read fresh by callers)."""
        case = self.case(name)
        run = latest_run(case)
        if run is None:
            return None
        with self.lock:
            cached = self.analyses.get(name)
            if cached and cached[0] == run["id"]:
                return cached[1]
            building = self.computing.setdefault(name, threading.Lock())
        with building:  # concurrent requests wait for one build instead of each building it
            with self.lock:
                cached = self.analyses.get(name)
                if cached and cached[0] == run["id"]:
                    return cached[1]
            a = load_case(case)
            rows = _base_rows(a)
            with self.lock:
                self.analyses[name] = (run["id"], a)
                self.rows[name] = rows
                self.flagged[name] = frozenset(r["message_id"] for r in rows)
        return a

    def base_rows(self, name: str) -> list[dict[str, Any]]:
        """The findings as queue rows, most severe first, built once per analysis run."""
        self.analysis(name)
        with self.lock:
            return self.rows[name]

    def close(self) -> None:
        for c in self.cases.values():
            c.close()
        self.store.close()


def _base_rows(a: CaseAnalysis) -> list[dict[str, Any]]:
    rows = []
    for f in a.investigation.findings:
        m = f.message
        rows.append({"message_id": m.id, "sender": f.sender, "timestamp": m.timestamp.isoformat() if m.timestamp else "",
                     "chat": f.chat_title or m.chat_id, "chat_id": m.chat_id, "text": m.text or f"({m.kind.value})",
                     "categories": list(f.categories), "severity": f.severity, "score": round(f.score, 3),
                     "_search": (m.text + " " + (f.classification.image_text or "") + " "
                                 + (f.classification.transcript or "")).casefold()})
    rows.sort(key=lambda r: (-r["severity"], -r["score"], r["message_id"]))
    return rows


def create_app(home: Path, db: str | None = None, trusted_proxies: tuple[str, ...] = ()) -> FastAPI:
    """The app over the cases in ``home``. ``trusted_proxies``: addresses or networks of reverse proxies whose
    ``X-Forwarded-For`` names the client (from anyone else the header is ignored)."""
    home = Path(home)
    server = Server(home, auth.server_store(home, db))
    from contextlib import asynccontextmanager

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> Any:
        yield
        server.close()

    app = FastAPI(title="chatprobe", docs_url=None, redoc_url=None, openapi_url=None, lifespan=lifespan)
    app.state.server = server
    env = Environment(loader=FileSystemLoader(str(HERE / "templates")), autoescape=select_autoescape(["html"]))
    env.filters["tojson_attr"] = lambda v: json.dumps(v)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    @app.middleware("http")
    async def headers(request: Request, call_next: Callable[..., Any]) -> Response:
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["Cross-Origin-Opener-Policy"] = "same-origin"
        response.headers.setdefault("Cache-Control", "no-store")
        if request.url.scheme == "https":
            response.headers["Strict-Transport-Security"] = "max-age=31536000"
        return response

    # -- helpers ---------------------------------------------------------------------------------------
    def current(request: Request) -> tuple[auth.User, str] | None:
        return auth.session(server.store, request.cookies.get(COOKIE))

    def api(request: Request) -> bool:
        return request.url.path.startswith("/api/")

    def need_user(request: Request) -> tuple[auth.User, str]:
        s = current(request)
        if s is None:
            if api(request):
                raise HTTPException(401, "log in first")
            raise HTTPException(303, headers={"Location": "/login"})
        return s

    def need_case(user: auth.User, name: str) -> Case:
        if not CASE_NAME.fullmatch(name) or not user.can_see(name) or name not in server.case_names():
            raise NotFound("not found")
        return server.case(name)

    def check_csrf(request: Request, token: str, form_token: str | None) -> None:
        given = form_token or request.headers.get("x-csrf-token") or ""
        if not hmac.compare_digest(given, token):
            raise AccessDenied("missing or wrong CSRF token", "reload the page")

    def acting(request: Request, name: str, form_csrf: str | None, allowed: str | None = None) -> tuple[auth.User, Case]:
        """The user and case for a state-changing request: logged in, may see the case, CSRF token right,
        and (``allowed`` = "decide" or "edit") a role that may do it."""
        user, token = need_user(request)
        case = need_case(user, name)
        check_csrf(request, token, form_csrf)
        if allowed == "decide" and not user.can_decide:
            raise AccessDenied("your role cannot record review decisions")
        if allowed == "edit" and not user.can_edit:
            raise AccessDenied("your role cannot edit case records")
        return user, case

    def page(request: Request, template: str, data: dict[str, Any], user: auth.User | None = None,
             csrf: str | None = None, status: int = 200) -> Response:
        if api(request):
            return JSONResponse(data, status_code=status)
        html = env.get_template(template).render(data=data, user=user, csrf=csrf, request=request)
        return HTMLResponse(html, status_code=status)

    # -- errors: one shape, mapped once (errors.py gives each exception its status) ------------------------
    def error_response(request: Request, status: int, body: dict[str, Any], detail: str) -> Response:
        if api(request):
            return JSONResponse(body, status_code=status)
        html = env.get_template("error.html").render(status=status, detail=detail, data={}, user=None, csrf=None,
                                                     request=request)
        return HTMLResponse(html, status_code=status)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        if exc.status_code == 303:
            return RedirectResponse(exc.headers["Location"], status_code=303)
        detail = exc.detail or "not found"
        return error_response(request, exc.status_code, {"error": detail, "hint": None, "status": exc.status_code},
                              exc.detail)

    @app.exception_handler(ChatprobeError)
    async def app_error(request: Request, exc: ChatprobeError) -> Response:
        response = error_response(request, exc.http_status, exc.to_json(), str(exc))
        if isinstance(exc, RateLimited):
            response.headers["Retry-After"] = str(exc.retry_after)
        return response

    @app.exception_handler(RequestValidationError)
    async def form_error(request: Request, exc: RequestValidationError) -> Response:
        """A missing or malformed form or query value: one plain sentence per field, never raw pydantic."""
        fields = []
        for e in exc.errors():
            where = ".".join(str(p) for p in e.get("loc", ())[1:]) or "request"
            fields.append({"field": where, "problem": "is required" if e.get("type") == "missing"
                           else "is not a valid value"})
        detail = "; ".join(f"{f['field']} {f['problem']}" for f in fields)
        return error_response(request, 422, {"error": f"invalid request: {detail}", "hint": None, "status": 422,
                                             "fields": fields}, f"The form was not filled in right: {detail}.")

    @app.exception_handler(Exception)
    async def unforeseen(request: Request, exc: Exception) -> Response:
        """A fault of ours: the same error shape, nothing of the exception shown to the browser."""
        log.exception("unforeseen error on %s %s", request.method, request.url.path)
        return error_response(request, 500, {"error": "internal error", "hint": "the server log has the details",
                                             "status": 500}, "Something went wrong on the server; the log has the details.")

    # -- login -------------------------------------------------------------------------------------------
    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    @app.get("/", include_in_schema=False)
    def root() -> Response:
        return RedirectResponse("/cases", status_code=303)

    @app.get("/login", response_class=HTMLResponse)
    def login_page(request: Request) -> Response:
        return page(request, "login.html", {})

    def address_of(request: Request) -> str:
        return auth.client_address(request.client.host if request.client else None,
                                   request.headers.get("x-forwarded-for"), trusted_proxies)

    @app.post("/login")
    @app.post("/api/login")
    def login(request: Request, username: str = Form(...), password: str = Form(...)) -> Response:
        try:
            result = auth.login(server.store, username, password, address_of(request),
                                request.cookies.get(DEVICE_COOKIE), request.cookies.get(COOKIE))
        except RateLimited as limited:
            minutes = max(1, round(limited.retry_after / 60))
            r = page(request, "login.html", {"error": f"Refused: {limited.reason}. Try again in about {minutes} "
                                                      "minute(s), or from a browser you have logged in from before."},
                     status=429)
            r.headers["Retry-After"] = str(limited.retry_after)
            return r
        if result is None:
            return page(request, "login.html", {"error": "Wrong user name or password."}, status=401)
        response: Response = JSONResponse({"ok": True, "csrf": result.csrf}) if api(request) else \
            RedirectResponse("/cases", status_code=303)
        response.set_cookie(COOKIE, result.token, httponly=True, secure=True, samesite="strict",
                            max_age=auth.SESSION_HOURS * 3600, path="/")
        if result.device:
            response.set_cookie(DEVICE_COOKIE, result.device, httponly=True, secure=True, samesite="strict",
                                max_age=auth.DEVICE_DAYS * 86400, path="/")
        return response

    @app.get("/account")
    @app.get("/api/account")
    def account(request: Request) -> Response:
        user, csrf = need_user(request)
        return page(request, "account.html", {"username": user.username, "role": user.role,
                                              "cases": sorted(user.cases)}, user, csrf)

    @app.post("/account/password")
    @app.post("/api/account/password")
    def change_password(request: Request, current: str = Form(...), new: str = Form(...),
                        csrf: str | None = Form(None)) -> Response:
        """Change one's own password: every other session of the user ends; this one stays."""
        user, token = need_user(request)
        check_csrf(request, token, csrf)
        ended = auth.change_password(server.store, user.username, new, actor=user.username, current=current,
                                     keep_session=request.cookies.get(COOKIE))
        data = {"username": user.username, "role": user.role, "cases": sorted(user.cases),
                "message": f"Password changed; {ended} other session(s) ended.", "sessions_ended": ended}
        return page(request, "account.html", data, user, token)

    @app.post("/logout")
    def logout(request: Request, csrf: str | None = Form(None)) -> Response:
        user, token = need_user(request)
        check_csrf(request, token, csrf)
        auth.logout(server.store, request.cookies.get(COOKIE))
        response = RedirectResponse("/login", status_code=303)
        response.delete_cookie(COOKIE, path="/")
        return response

    # -- cases ------------------------------------------------------------------------------------------
    @app.get("/cases")
    @app.get("/api/cases")
    def cases(request: Request) -> Response:
        user, csrf = need_user(request)
        from chatprobe.review.decisions import flagged_ids
        from chatprobe.review.records import record
        rows = []
        for name in server.case_names():
            if not user.can_see(name):
                continue
            case = server.case(name)
            run = latest_run(case)
            findings = None
            if run is not None:  # counted from the stored run: listing cases must not build each investigation
                with case.store.engine.connect() as conn:
                    findings = len(flagged_ids(conn, run["id"]))
            rec = record(case)
            rows.append({"name": name, "title": rec["title"], "status": rec["status"], "findings": findings})
        return page(request, "cases.html", {"cases": rows}, user, csrf)

    @app.get("/cases/{name}")
    @app.get("/api/cases/{name}")
    def case_page(request: Request, name: str) -> Response:
        user, csrf = need_user(request)
        case = need_case(user, name)
        from chatprobe.review.records import record, standards, subjects
        a = server.analysis(name)
        reviews = server.review_states(name)
        data: dict[str, Any] = {"name": name, "record": record(case), "subjects": subjects(case),
                                "standards": list(standards().standards),
                                "severity_levels": list(standards().severity_levels),
                                "statuses": list(standards().statuses),
                                "subject_statuses": list(standards().subject_statuses),
                                "can_edit": user.can_edit}
        if a:
            data["not_assessed"] = json.loads(a.run["pipeline"]).get("not_assessed", {})
            inv = a.investigation.to_json()
            data["chats"] = inv["chats"]
            data["members"] = inv["members"]
            data["findings"] = len(inv["findings"])
            counts: dict[str, int] = {}
            for f in a.investigation.findings:
                s = reviews[f.message.id].status if f.message.id in reviews else "unreviewed"
                counts[s] = counts.get(s, 0) + 1
            data["review_counts"] = counts
        return page(request, "case.html", data, user, csrf)

    # -- review queue ----------------------------------------------------------------------------------
    def queue_rows(name: str, params: dict[str, str]) -> tuple[list[dict[str, Any]], int]:
        """Findings matching the filters, most severe first (rows without their review state)."""
        if server.analysis(name) is None:
            raise NothingToAnalyse(f"case {name} has not been analysed yet",
                                   hint=f"chatprobe analyse --case {name}")
        reviews = server.review_states(name)
        q = params.get("q", "").strip().casefold()
        member, category, chat = params.get("member"), params.get("category"), params.get("chat")
        status, since, until = params.get("status"), params.get("date_from"), params.get("date_to")
        rows = []
        for r in server.base_rows(name):
            if member and r["sender"] != member or category and category not in r["categories"]:
                continue
            if chat and r["chat_id"] != chat or q and q not in r["_search"]:
                continue
            if since and r["timestamp"][:10] < since or until and r["timestamp"][:10] > until:
                continue
            if status:
                state = reviews.get(r["message_id"])
                if (state.status if state else "unreviewed") != status:
                    continue
            rows.append(r)
        return rows, len(rows)

    def with_review(rows: list[dict[str, Any]], name: str) -> list[dict[str, Any]]:
        reviews = server.review_states(name)
        out = []
        for r in rows:
            state = reviews.get(r["message_id"])
            out.append({k: v for k, v in r.items() if not k.startswith("_")} | {
                "status": state.status if state else "unreviewed", "agreement": state.agreement if state else None})
        return out

    @app.get("/cases/{name}/queue")
    @app.get("/api/cases/{name}/queue")
    def queue(request: Request, name: str, page_no: int = 1) -> Response:
        user, csrf = need_user(request)
        need_case(user, name)
        params = {k: v for k, v in request.query_params.items() if k != "page_no"}
        rows, total = queue_rows(name, params)
        a = server.analysis(name)
        assert a is not None
        start = (max(1, page_no) - 1) * PAGE
        data = {"name": name, "filters": params, "total": total, "page_no": max(1, page_no), "page_size": PAGE,
                "can_decide": user.can_decide,
                "findings": with_review(rows[start:start + PAGE], name),
                "members": sorted({f.sender for f in a.investigation.findings}),
                "chats": [{"id": c.chat_id, "title": c.title} for c in a.investigation.chats],
                "categories": sorted({c for f in a.investigation.findings for c in f.categories})}
        return page(request, "queue.html", data, user, csrf)

    @app.get("/cases/{name}/findings/{mid}")
    @app.get("/api/cases/{name}/findings/{mid}")
    def finding(request: Request, name: str, mid: str) -> Response:
        user, csrf = need_user(request)
        case = need_case(user, name)
        from chatprobe.review.decisions import states
        a = server.analysis(name)
        if a is None:
            raise NotFound("not found")
        inv = a.investigation
        index = next((i for i, f in enumerate(inv.findings) if f.message.id == mid), None)
        if index is None:
            raise NotFound("not found")
        f = inv.findings[index]
        state = states(case, message_id=mid).get(mid)
        params = {k: v for k, v in request.query_params.items()}
        order, _ = queue_rows(name, params)
        ids = [r["message_id"] for r in order]
        pos = ids.index(mid) if mid in ids else None
        data = {
            "name": name, "message_id": mid, "sender": f.sender, "chat": f.chat_title or f.message.chat_id,
            "chat_id": f.message.chat_id,
            "timestamp": f.message.timestamp.isoformat() if f.message.timestamp else None,
            "timestamp_raw": f.message.timestamp_raw, "text": f.message.text, "kind": f.message.kind.value,
            "categories": list(f.categories), "severity": f.severity,
            "scores": {c: f.classification.scores.get(c) for c in f.categories},
            "explanations": [e.get("note") for e in f.classification.explanations if e.get("label") in f.categories],
            "image_text": f.classification.image_text, "transcript": f.classification.transcript,
            "thumbnails": dict(f.classification.thumbnails),
            "blur": "pornographic_media" in f.categories,
            "responses": {p: r.response for p, r in f.responses.items()},
            "context": [{"id": m.id, "timestamp": m.timestamp.isoformat() if m.timestamp else None, "sender": who,
                         "text": m.text or f"({m.kind.value})", "flagged": m.id == mid} for m, who in f.context],
            "source": {"file": f.message.source.file, "line": f.message.source.line_start,
                       "sha256": f.message.source.file_sha256},
            "review": state.to_json() if state else {"status": "unreviewed", "history": []},
            "next": ids[pos + 1] if pos is not None and pos + 1 < len(ids) else None,
            "prev": ids[pos - 1] if pos else None,
            "can_decide": user.can_decide, "query": str(request.url.query),
        }
        return page(request, "finding.html", data, user, csrf)

    @app.post("/cases/{name}/findings/{mid}/decision")
    @app.post("/api/cases/{name}/findings/{mid}/decision")
    def decision(request: Request, name: str, mid: str, decision: str = Form(...), note: str = Form(""),
                 stage: int = Form(1), csrf: str | None = Form(None), next_id: str | None = Form(None),
                 query: str = Form("")) -> Response:
        user, case = acting(request, name, csrf, "decide")
        from chatprobe.review.decisions import decide
        d = decide(case, mid, decision, note, reviewer=user.username, stage=stage)
        if api(request):
            return JSONResponse({"message_id": mid, **d.to_json(), "stage": d.stage})
        target = next_id or mid
        return RedirectResponse(f"/cases/{name}/findings/{target}" + (f"?{query}" if query else ""), status_code=303)

    @app.post("/cases/{name}/findings/{mid}/reveal")
    @app.post("/api/cases/{name}/findings/{mid}/reveal")
    def reveal(request: Request, name: str, mid: str, attachment: str = Form(...),
               csrf: str | None = Form(None)) -> Response:
        """Record that a user revealed a blurred picture (the page shows it blurred until clicked). Only a
        picture that exists, on a message of this case, is audited; anything else answers 404."""
        user, case = acting(request, name, csrf)
        from chatprobe import audit
        with case.store.transaction() as conn:
            found = conn.execute(select(t.attachment.c.name).where(
                t.attachment.c.message_id == mid, t.attachment.c.name == attachment)).first()
            if found is None:
                raise NotFound("no such picture on this message")
            audit.append(conn, "media-reveal", mid, {"attachment": attachment}, actor=user.username)
        return JSONResponse({"ok": True})

    # -- records ---------------------------------------------------------------------------------------
    def form_list(value: str) -> list[str]:
        return [x.strip() for x in value.replace("\n", ",").split(",") if x.strip()]

    @app.post("/cases/{name}/record")
    @app.post("/api/cases/{name}/record")
    async def edit_record(request: Request, name: str) -> Response:
        form = await request.form()
        user, case = acting(request, name, form.get("csrf"), "edit")  # type: ignore[arg-type]
        from chatprobe.review.records import RECORD_FIELDS, update_record
        new = update_record(case, user.username, **{k: str(form[k]) for k in RECORD_FIELDS if k in form})
        return JSONResponse(new) if api(request) else RedirectResponse(f"/cases/{name}", status_code=303)

    @app.post("/cases/{name}/subjects")
    @app.post("/api/cases/{name}/subjects")
    def save_subject(request: Request, name: str, subject_name: str = Form(...), role: str = Form(""),
                     status: str = Form("serving"), identifiers: str = Form(""), members: str = Form(""),
                     subject_id: int | None = Form(None), csrf: str | None = Form(None)) -> Response:
        user, case = acting(request, name, csrf, "edit")
        from chatprobe.review.records import save_subject as save
        sid = save(case, user.username, subject_name, role, status, form_list(identifiers), form_list(members),
                   subject_id)
        return JSONResponse({"subject_id": sid}) if api(request) else \
            RedirectResponse(f"/cases/{name}#subject-{sid}", status_code=303)

    @app.post("/cases/{name}/subjects/{sid}/{what}")
    @app.post("/api/cases/{name}/subjects/{sid}/{what}")
    async def subject_child(request: Request, name: str, sid: int, what: str) -> Response:
        form = await request.form()
        user, case = acting(request, name, form.get("csrf"), "edit")  # type: ignore[arg-type]
        from chatprobe.review import records as rec
        f = {k: str(v) for k, v in form.items()}
        if what == "allegation":
            new_id = rec.add_allegation(case, user.username, sid, [str(x) for x in form.getlist("standards")],
                                        form_list(f.get("categories", "")), form_list(f.get("findings", "")),
                                        f.get("summary", ""))
        elif what == "severity":
            new_id = rec.assess_severity(case, user.username, sid, f.get("level", ""), f.get("rationale", ""))
        elif what == "notice":
            new_id = rec.add_notice(case, user.username, sid, f.get("kind", ""), f.get("served_on", ""),
                                    f.get("note", ""))
        elif what == "representation":
            new_id = rec.add_representation(case, user.username, sid, f.get("received_on", ""),
                                            f.get("summary", ""))
        else:
            raise NotFound("not found")
        return JSONResponse({"id": new_id}) if api(request) else \
            RedirectResponse(f"/cases/{name}#subject-{sid}", status_code=303)

    # -- the workbench: the whole conversation, search, tags, bulk actions ---------------------------------
    def finding_ids(name: str) -> frozenset[str]:
        """The case's finding ids, built once per analysis run (empty before the first analysis)."""
        if server.analysis(name) is None:
            return frozenset()
        with server.lock:
            return server.flagged[name]

    @app.get("/cases/{name}/chats/{chat_id}")
    @app.get("/api/cases/{name}/chats/{chat_id}")
    def conversation_page(request: Request, name: str, chat_id: str, around: str | None = None,
                          start: int | None = None) -> Response:
        """A chat read as a whole, a page at a time: around a message, or from a position."""
        user, csrf = need_user(request)
        case = need_case(user, name)
        from chatprobe.analyse.investigation import present_at
        from chatprobe.review import workbench as wb
        page_ = wb.conversation(case, chat_id, around=around, start=start)  # NotFound: no such chat or message
        flagged = finding_ids(name)
        reviews = server.review_states(name)
        a = server.analysis(name)
        chat = next((c for c in a.investigation.chats if c.chat_id == chat_id), None) if a else None
        present = present_at(chat.membership, page_.start) if chat else []
        for m in page_.messages:
            m["flagged"] = m["id"] in flagged
            m["status"] = (reviews[m["id"]].status if m["id"] in reviews else "unreviewed") if m["flagged"] else None
            m["media"] = [x | {"url": f"/cases/{name}/media/{m['id']}/{quote(x['name'])}"}
                          for x in m["attachments"] if x["present"] and x["type"] in ("image", "sticker", "gif")]
        data = page_.to_json() | {"name": name, "around": around, "present": present,
                                  "owner": chat.owner if chat else None, "can_decide": user.can_decide}
        return page(request, "conversation.html", data, user, csrf)

    @app.get("/cases/{name}/media/{mid}/{attachment}")
    def media(request: Request, name: str, mid: str, attachment: str) -> Response:
        """An attached picture, read from the evidence (the page blurs flagged ones until clicked)."""
        user, _ = need_user(request)
        case = need_case(user, name)
        from chatprobe.analyse.media import media_reader
        data = next((d for n, d in media_reader(case, {mid})(mid) if n == attachment and d), None)
        if data is None:
            raise NotFound("not found")
        kind = {".png": "image/png", ".gif": "image/gif", ".webp": "image/webp"}.get(Path(attachment).suffix.lower(),
                                                                                      "image/jpeg")
        return Response(data, media_type=kind, headers={"Content-Disposition": "inline",
                                                        "Cache-Control": "private, no-store"})

    def search_query(params: dict[str, str]) -> Any:
        from chatprobe.review import workbench as wb
        return wb.Query.from_params({k: v for k, v in params.items() if k in wb.Query.__dataclass_fields__})

    @app.get("/cases/{name}/search")
    @app.get("/api/cases/{name}/search")
    def search_page(request: Request, name: str, page_no: int = 1) -> Response:
        """Every message, not only findings: words, prefix*, "phrases", with filters; saved searches."""
        user, csrf = need_user(request)
        case = need_case(user, name)
        from chatprobe.review import workbench as wb
        params = {k: v for k, v in request.query_params.items() if k != "page_no"}
        query = search_query(params)
        searched = any(query.to_params().values())
        hits, total = wb.search(case, query, limit=PAGE, offset=(max(1, page_no) - 1) * PAGE) if searched else ([], 0)
        flagged = finding_ids(name)
        rows = []
        for h in hits:
            parts, at = [], 0
            for a, b in h.marks:
                if a >= at:
                    parts += [(h.text[at:a], False), (h.text[a:b], True)]
                    at = b
            parts.append((h.text[at:], False))
            rows.append(h.to_json() | {"parts": parts, "flagged": h.message_id in flagged})
        a = server.analysis(name)
        data = {"name": name, "params": params, "total": total, "page_no": max(1, page_no), "page_size": PAGE,
                "hits": rows, "saved": wb.saved_searches(case), "tags": wb.tags(case),
                "chats": [{"id": c.chat_id, "title": c.title} for c in a.investigation.chats] if a else [],
                "can_decide": user.can_decide}
        return page(request, "search.html", data, user, csrf)

    @app.post("/cases/{name}/searches")
    @app.post("/api/cases/{name}/searches")
    async def save_search(request: Request, name: str) -> Response:
        form = await request.form()
        user, case = acting(request, name, form.get("csrf"))  # type: ignore[arg-type]
        from chatprobe.review import workbench as wb
        query = search_query({k: str(v) for k, v in form.items()})
        wb.save_search(case, str(form.get("search_name", "")), query, actor=user.username)
        if api(request):
            return JSONResponse({"ok": True})
        return RedirectResponse(f"/cases/{name}/search?" + urlencode(query.to_params()), status_code=303)

    @app.post("/cases/{name}/bulk")
    @app.post("/api/cases/{name}/bulk")
    async def bulk(request: Request, name: str) -> Response:
        """One action on many messages: the ticked ones, or every one the filters or search select. Decisions
        and tags are audited item by item, all in one transaction."""
        form = await request.form()
        user, case = acting(request, name, form.get("csrf"), "decide")  # type: ignore[arg-type]
        from chatprobe.review import workbench as wb
        action = str(form.get("action", ""))
        if str(form.get("scope", "checked")) == "all":
            query = search_query({k.removeprefix("f_"): str(v) for k, v in form.items() if k.startswith("f_")})
            ids = wb.matching_ids(case, query)
        else:
            ids = [str(x) for x in form.getlist("ids")]
        if not ids:
            raise InputError("nothing selected", "tick findings, or choose 'every one matching'")
        if action in ("confirm", "dismiss", "escalate"):
            flagged = finding_ids(name)
            ids = [i for i in ids if i in flagged] if str(form.get("scope")) == "all" else ids
            changed = wb.bulk_decide(case, ids, action, str(form.get("note", "")), reviewer=user.username)
        elif action in ("tag", "untag"):
            changed = wb.tag(case, ids, str(form.get("tag", "")), actor=user.username, remove=action == "untag")
        else:
            raise InputError("choose an action: confirm, dismiss, escalate, tag or untag")
        if api(request):
            return JSONResponse({"action": action, "selected": len(ids), "changed": changed})
        back = str(form.get("back", "")) or f"/cases/{name}/queue"
        if not back.startswith(f"/cases/{name}/"):
            back = f"/cases/{name}/queue"
        return RedirectResponse(back, status_code=303)

    # -- export -----------------------------------------------------------------------------------------
    @app.get("/cases/{name}/report")
    def report_page(request: Request, name: str) -> Response:
        """The export form. Viewing it writes nothing; the export itself is a POST, audited once."""
        user, csrf = need_user(request)
        case = need_case(user, name)
        from chatprobe.review import workbench as wb
        return page(request, "report.html", {"name": name, "tags": wb.tags(case)}, user, csrf)

    @app.post("/cases/{name}/report")
    @app.post("/api/cases/{name}/report")
    def report(request: Request, name: str, confirmed: int = Form(0), csrf: str | None = Form(None),
               tag: str = Form(""), status: str = Form(""), q: str = Form(""), format: str = Form("html")) -> Response:
        """The report of every finding, the confirmed ones, or a chosen set (tag, status, search), as HTML
        or RSMF 2.0; each export is audited once, with the file's sha256."""
        user, case = acting(request, name, csrf)
        import hashlib

        from chatprobe import audit
        only = None
        if tag or status or q:
            from chatprobe.review import workbench as wb
            only = set(wb.matching_ids(case, wb.Query(q=q, tag=tag or None, status=status or None)))
        analysis = load_case(case, include="confirmed" if confirmed else "all", only=only)
        chosen = "-".join(x for x in ("confirmed" if confirmed else "", tag, status, "search" if q else "") if x)
        if format == "rsmf":
            from chatprobe.report import rsmf
            body = rsmf.export(case, analysis).data
            media_type, suffix = "message/rfc822", "rsmf"
        else:
            from chatprobe.report.html import render
            body = render(analysis, name).encode("utf-8")
            media_type, suffix = "text/html; charset=utf-8", "html"
        with case.store.transaction() as conn:
            audit.append(conn, "export", f"web {suffix} ({chosen or 'all'})", {
                "sha256": hashlib.sha256(body).hexdigest(), "analysis_run": int(analysis.run["id"]),
                "findings": len(analysis.investigation.findings), "tag": tag, "status": status, "search": q},
                actor=user.username)
        safe = re.sub(r"[^A-Za-z0-9._-]+", "_", chosen)[:60]
        filename = f"chatprobe-{name}{'-' + safe if safe else ''}.{suffix}"  # name is a checked slug
        return Response(body, media_type=media_type,
                        headers={"Content-Disposition": f'attachment; filename="{filename}"'})

    return app


def app_from_env() -> FastAPI:
    """The app for uvicorn worker processes (``chatprobe serve --workers N``): configured by environment."""
    import os
    proxies = tuple(p for p in os.environ.get("CHATPROBE_TRUSTED_PROXIES", "").split(",") if p)
    return create_app(Path(os.environ["CHATPROBE_SERVE_HOME"]), os.environ.get("CHATPROBE_SERVE_DB") or None,
                      proxies)
