"""The team web UI: FastAPI with server-rendered pages; every page has a JSON twin under /api.

    chatprobe serve --home cases/ [--db postgresql+psycopg://…/chatprobe] [--port 8000]

The server database (``--db``, default ``<home>/server.db``) holds users, access and sessions; each case
keeps its own database and evidence (``<home>/<case>/``, or a URL registered with ``chatprobe user
grant --db``). Cases are listed to a user only when they may see them; any other case answers 404, page
and API alike. No script is inline (CSP ``script-src 'self'``); the only script is ``static/app.js``
(keyboard shortcuts), served by this app — nothing comes from a CDN.

This module assembles the app: the server state (``web/server.py``), the routes (``web/routes/``), which
take the user, the case and the CSRF check as dependencies (``web/deps.py``), security headers, and the one
error mapping (``errors.py`` gives each exception its status).
"""

from __future__ import annotations

import logging
import os
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from chatprobe.errors import ChatprobeError, RateLimited
from chatprobe.store.server import server_store
from chatprobe.templating import environment
from chatprobe.web.deps import is_api
from chatprobe.web.routes import ROUTERS
from chatprobe.web.server import Server

HERE = Path(str(resources.files("chatprobe.web")))
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "frame-ancestors 'none'; form-action 'self'; base-uri 'none'")
log = logging.getLogger("chatprobe.web")


def create_app(home: Path, db: str | None = None, trusted_proxies: tuple[str, ...] = ()) -> FastAPI:
    """The app over the cases in ``home``. ``trusted_proxies``: addresses or networks of reverse proxies whose
    ``X-Forwarded-For`` names the client (from anyone else the header is ignored)."""
    home = Path(home)
    server = Server(home, server_store(home, db))

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        server.close()

    app = FastAPI(title="chatprobe", docs_url=None, redoc_url=None, openapi_url=None, lifespan=lifespan)
    app.state.server = server
    app.state.trusted_proxies = trusted_proxies
    env = environment("chatprobe.web")  # autoescaped, as the report (chatprobe.templating)
    app.state.templates = env
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    for router in ROUTERS:
        app.include_router(router)

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

    # -- errors: one shape, mapped once (errors.py gives each exception its status) ------------------------
    def error_response(request: Request, status: int, body: dict[str, Any], detail: str | None) -> Response:
        if is_api(request):
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
                                             "status": 500},
                              "Something went wrong on the server; the log has the details.")

    return app


def app_from_env() -> FastAPI:
    """The app for uvicorn worker processes (``chatprobe serve --workers N``): configured by environment."""
    proxies = tuple(p for p in os.environ.get("CHATPROBE_TRUSTED_PROXIES", "").split(",") if p)
    return create_app(Path(os.environ["CHATPROBE_SERVE_HOME"]), os.environ.get("CHATPROBE_SERVE_DB") or None,
                      proxies)
