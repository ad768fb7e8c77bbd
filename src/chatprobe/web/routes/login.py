"""Logging in and out, and one's own account."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response

from chatprobe.errors import RateLimited
from chatprobe.web import auth
from chatprobe.web.deps import COOKIE, DEVICE_COOKIE, Session, csrf_checked, get_server, is_api, page, session
from chatprobe.web.server import Server

router = APIRouter()


@router.get("/favicon.ico", include_in_schema=False)
def favicon() -> Response:
    return Response(status_code=204)


@router.get("/", include_in_schema=False)
def root() -> Response:
    return RedirectResponse("/cases", status_code=303)


@router.get("/login")
def login_page(request: Request) -> Response:
    return page(request, "login.html", {})


def address_of(request: Request) -> str:
    return auth.client_address(request.client.host if request.client else None,
                               request.headers.get("x-forwarded-for"), request.app.state.trusted_proxies)


@router.post("/login")
@router.post("/api/login")
def login(request: Request, username: str = Form(...), password: str = Form(...),
          server: Server = Depends(get_server)) -> Response:
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
    response: Response = JSONResponse({"ok": True, "csrf": result.csrf}) if is_api(request) else \
        RedirectResponse("/cases", status_code=303)
    response.set_cookie(COOKIE, result.token, httponly=True, secure=True, samesite="strict",
                        max_age=auth.SESSION_HOURS * 3600, path="/")
    if result.device:
        response.set_cookie(DEVICE_COOKIE, result.device, httponly=True, secure=True, samesite="strict",
                            max_age=auth.DEVICE_DAYS * 86400, path="/")
    return response


@router.get("/account")
@router.get("/api/account")
def account(request: Request, s: Session = Depends(session)) -> Response:
    user = s.user
    return page(request, "account.html", {"username": user.username, "role": user.role,
                                          "cases": sorted(user.cases)}, user, s.csrf)


@router.post("/account/password")
@router.post("/api/account/password")
def change_password(request: Request, current: str = Form(...), new: str = Form(...),
                    s: Session = Depends(csrf_checked), server: Server = Depends(get_server)) -> Response:
    """Change one's own password: every other session of the user ends; this one stays."""
    user = s.user
    ended = auth.change_password(server.store, user.username, new, actor=user.username, current=current,
                                 keep_session=request.cookies.get(COOKIE))
    data = {"username": user.username, "role": user.role, "cases": sorted(user.cases),
            "message": f"Password changed; {ended} other session(s) ended.", "sessions_ended": ended}
    return page(request, "account.html", data, user, s.csrf)


@router.post("/logout")
def logout(request: Request, s: Session = Depends(csrf_checked), server: Server = Depends(get_server)) -> Response:
    auth.logout(server.store, request.cookies.get(COOKIE))
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(COOKIE, path="/")
    return response
