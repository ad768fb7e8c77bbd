"""What every route needs, as FastAPI dependencies: the server, the logged-in user, a case they may open, and
for a state-changing request the CSRF token and a role that may do it. Also the one page renderer: HTML for
``/…``, the same data as JSON for ``/api/…``."""

from __future__ import annotations

import hmac
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any

from fastapi import Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from jinja2 import Environment

from chatprobe.case import CASE_NAME, Case
from chatprobe.errors import AccessDenied, NotFound
from chatprobe.web import auth
from chatprobe.web.server import Server

COOKIE = "cp_session"
DEVICE_COOKIE = "cp_device"  # remembers a browser a user has logged in from: the login back-off never applies to it
PAGE = 100


def is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def get_server(request: Request) -> Server:
    server: Server = request.app.state.server
    return server


def templates(request: Request) -> Environment:
    env: Environment = request.app.state.templates
    return env


def page(request: Request, template: str, data: dict[str, Any], user: auth.User | None = None,
         csrf: str | None = None, status: int = 200) -> Response:
    if is_api(request):
        return JSONResponse(data, status_code=status)
    html = templates(request).get_template(template).render(data=data, user=user, csrf=csrf, request=request)
    return HTMLResponse(html, status_code=status)


@dataclass(frozen=True)
class Session:
    user: auth.User
    csrf: str  # the session's CSRF token


def session(request: Request, server: Server = Depends(get_server)) -> Session:
    """The logged-in user: API requests without one get 401, pages a redirect to the login page."""
    s = auth.session(server.store, request.cookies.get(COOKIE))
    if s is None:
        if is_api(request):
            raise HTTPException(401, "log in first")
        raise HTTPException(303, headers={"Location": "/login"})
    return Session(*s)


@dataclass(frozen=True)
class CaseAccess:
    user: auth.User
    csrf: str
    name: str
    case: Case


def case_access(name: str, s: Session = Depends(session), server: Server = Depends(get_server)) -> CaseAccess:
    """A case the user may see; any other name answers 404, as if it did not exist."""
    if not CASE_NAME.fullmatch(name) or not s.user.can_see(name) or name not in server.case_names():
        raise NotFound(f"no case {name}")
    return CaseAccess(s.user, s.csrf, name, server.case(name))


async def check_csrf(request: Request, token: str) -> None:
    """The session's CSRF token, in the form's ``csrf`` field or the ``X-CSRF-Token`` header."""
    given = request.headers.get("x-csrf-token") or ""
    if "form" in request.headers.get("content-type", ""):
        form = await request.form()
        given = str(form.get("csrf") or "") or given
    if not hmac.compare_digest(given, token):
        raise AccessDenied("missing or wrong CSRF token", "reload the page")


async def csrf_checked(request: Request, s: Session = Depends(session)) -> Session:
    """A state-changing request that needs no case: logged in and CSRF token right."""
    await check_csrf(request, s.csrf)
    return s


def acting(allowed: str | None = None) -> Callable[..., Coroutine[Any, Any, CaseAccess]]:
    """A state-changing request on a case: logged in, may see the case, CSRF token right, and (``allowed`` =
    "decide" or "edit") a role that may do it — checked in that order."""
    async def dependency(request: Request, access: CaseAccess = Depends(case_access)) -> CaseAccess:
        await check_csrf(request, access.csrf)
        if allowed == "decide" and not access.user.can_decide:
            raise AccessDenied("your role cannot record review decisions")
        if allowed == "edit" and not access.user.can_edit:
            raise AccessDenied("your role cannot edit case records")
        return access
    return dependency


def form_list(value: str) -> list[str]:
    return [x.strip() for x in value.replace("\n", ",").split(",") if x.strip()]
