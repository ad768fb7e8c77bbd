"""Users, roles, per-case access, sessions, CSRF and login rate limiting for the web UI.

- Passwords: scrypt (n=2**15, r=8, p=1, 16-byte salt), compared in constant time.
- Sessions: a random 256-bit token in an HttpOnly, Secure, SameSite=Strict cookie; only its SHA-256 is
  stored, with a CSRF token and an expiry (12 hours).
- CSRF: every state-changing request carries the session's CSRF token in a form field or header.
- Login: at most ``MAX_FAILURES`` failed attempts per user and address in ``WINDOW``; then 429.
- Roles: admin (everything, every case), investigator (records and review), reviewer (review decisions),
  read-only (view). A user sees a case only when admin or granted it; otherwise its pages answer 404.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from pathlib import Path
from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import delete, func, insert, select, update

from chatprobe import audit
from chatprobe.errors import InputError
from chatprobe.store import Store
from chatprobe.store import schema as t

ROLES = ("admin", "investigator", "reviewer", "read-only")
CAN_DECIDE = {"admin", "investigator", "reviewer"}
CAN_EDIT_RECORDS = {"admin", "investigator"}
SESSION_HOURS = 12
MAX_FAILURES = 5
WINDOW = timedelta(minutes=15)
SCRYPT = {"n": 2 ** 15, "r": 8, "p": 1, "maxmem": 64 * 1024 * 1024}


SERVER_ANCHOR = "server-audit-anchor.log"


def server_store(home: Path, db: str | None = None) -> Store:
    """The server database (users, access, sessions; default ``<home>/server.db``), its audit log anchored
    in ``<home>/server-audit-anchor.log``."""
    return Store.open(db or home / "server.db").with_anchor(audit.Anchor(home / SERVER_ANCHOR))


def _now() -> datetime:
    return datetime.now(timezone.utc)


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, dklen=32, **SCRYPT)
    return "scrypt$" + "$".join(base64.b64encode(x).decode() for x in (salt, digest))


def check_password(password: str, stored: str) -> bool:
    try:
        scheme, salt_b64, digest_b64 = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    digest = hashlib.scrypt(password.encode("utf-8"), salt=base64.b64decode(salt_b64), dklen=32, **SCRYPT)
    return hmac.compare_digest(digest, base64.b64decode(digest_b64))


_DUMMY = hash_password(secrets.token_hex(8))  # checked against when a user does not exist (same timing)


@dataclass(frozen=True)
class User:
    username: str
    role: str
    cases: frozenset[str]

    def can_see(self, case: str) -> bool:
        return self.role == "admin" or case in self.cases

    @property
    def can_decide(self) -> bool:
        return self.role in CAN_DECIDE

    @property
    def can_edit(self) -> bool:
        return self.role in CAN_EDIT_RECORDS


def add_user(store: Any, username: str, password: str, role: str, cases: list[str] | None = None,
             actor: str = "cli") -> None:
    if role not in ROLES:
        raise InputError(f"unknown role {role!r}", hint=", ".join(ROLES))
    if not username or len(username) > 64 or not username.replace(".", "").replace("-", "").replace("_", "").isalnum():
        raise InputError("a user name is 1-64 letters, digits, dots, dashes or underscores")
    if len(password) < 12:
        raise InputError("the password is too short", hint="use at least 12 characters")
    with store.transaction() as conn:
        exists = conn.execute(select(t.web_user.c.username).where(t.web_user.c.username == username)).first()
        values = {"password_hash": hash_password(password), "role": role, "disabled": False}
        if exists:
            conn.execute(update(t.web_user).where(t.web_user.c.username == username).values(**values))
        else:
            conn.execute(insert(t.web_user).values(username=username, created_at=_now().isoformat(), **values))
        for c in cases or []:
            if not conn.execute(select(t.web_case_access).where(t.web_case_access.c.username == username,
                                                                t.web_case_access.c.case_name == c)).first():
                conn.execute(insert(t.web_case_access).values(username=username, case_name=c))
        audit.append(conn, "user", username, {"role": role, "cases": cases or [], "updated": bool(exists)}, actor=actor)


def load_user(conn: Any, username: str) -> User | None:
    row = conn.execute(select(t.web_user).where(t.web_user.c.username == username)).first()
    if row is None or row.disabled:
        return None
    cases = frozenset(r.case_name for r in conn.execute(
        select(t.web_case_access.c.case_name).where(t.web_case_access.c.username == username)))
    return User(row.username, row.role, cases)


class RateLimited(Exception):
    pass


def login(store: Any, username: str, password: str, address: str) -> tuple[str, str] | None:
    """(session token, csrf token) for good credentials, None for bad ones; RateLimited after too many."""
    key = f"{username[:64]}|{address[:90]}"
    since = (_now() - WINDOW).isoformat()
    with store.transaction() as conn:
        failures = conn.execute(select(func.count()).select_from(t.web_login_attempt).where(
            t.web_login_attempt.c.key == key, t.web_login_attempt.c.at >= since,
            t.web_login_attempt.c.ok.is_(False))).scalar_one()
        if failures >= MAX_FAILURES:
            raise RateLimited
        row = conn.execute(select(t.web_user).where(t.web_user.c.username == username)).first()
        ok = check_password(password, row.password_hash if row else _DUMMY) and row is not None and not row.disabled
        conn.execute(insert(t.web_login_attempt).values(key=key, at=_now().isoformat(), ok=ok))
        audit.append(conn, "login", username[:64], {"ok": ok, "address": address}, actor=username[:64] or "?")
        if not ok:
            return None
        token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
        conn.execute(insert(t.web_session).values(
            token_hash=hashlib.sha256(token.encode()).hexdigest(), username=username, csrf=csrf,
            expires_at=(_now() + timedelta(hours=SESSION_HOURS)).isoformat()))
    return token, csrf


def session(store: Any, token: str | None) -> tuple[User, str] | None:
    """(user, csrf token) for a live session."""
    if not token:
        return None
    h = hashlib.sha256(token.encode()).hexdigest()
    with store.engine.connect() as conn:
        row = conn.execute(select(t.web_session).where(t.web_session.c.token_hash == h)).first()
        if row is None or row.expires_at < _now().isoformat():
            return None
        user = load_user(conn, row.username)
    return (user, row.csrf) if user else None


def logout(store: Any, token: str | None) -> None:
    if token:
        with store.transaction() as conn:
            conn.execute(delete(t.web_session).where(
                t.web_session.c.token_hash == hashlib.sha256(token.encode()).hexdigest()))
