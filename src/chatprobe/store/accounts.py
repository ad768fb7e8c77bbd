"""Repository: the web server's accounts — users, their case access, sessions, login attempts and the browsers
they have logged in from. Only hashes of tokens are stored. Policy (passwords, limits, auditing):
``web/auth.py``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update

from chatprobe.store import server_schema as t

# --- users and access ------------------------------------------------------------------------------------------

def user(conn: Connection, username: str) -> Any:
    """The user's row (username, password_hash, role, disabled, created_at), or None."""
    return conn.execute(select(t.web_user).where(t.web_user.c.username == username)).first()


def all_users(conn: Connection) -> list[Any]:
    return list(conn.execute(select(t.web_user).order_by(t.web_user.c.username)).all())


def add_user(conn: Connection, **values: Any) -> None:
    conn.execute(insert(t.web_user).values(**values))


def update_user(conn: Connection, username: str, **values: Any) -> None:
    conn.execute(update(t.web_user).where(t.web_user.c.username == username).values(**values))


def grants(conn: Connection, username: str) -> list[str]:
    return sorted(r.case_name for r in conn.execute(
        select(t.web_case_access.c.case_name).where(t.web_case_access.c.username == username)))


def grant(conn: Connection, username: str, case: str) -> None:
    if not conn.execute(select(t.web_case_access).where(t.web_case_access.c.username == username,
                                                        t.web_case_access.c.case_name == case)).first():
        conn.execute(insert(t.web_case_access).values(username=username, case_name=case))


def revoke(conn: Connection, username: str, cases: Sequence[str]) -> None:
    conn.execute(delete(t.web_case_access).where(t.web_case_access.c.username == username,
                                                 t.web_case_access.c.case_name.in_(list(cases))))


# --- sessions ------------------------------------------------------------------------------------------------

def session(conn: Connection, token_hash: str) -> Any:
    """The session's row (token_hash, username, csrf, expires_at, created_at, address), or None."""
    return conn.execute(select(t.web_session).where(t.web_session.c.token_hash == token_hash)).first()


def sessions_of(conn: Connection, username: str) -> list[Any]:
    return list(conn.execute(select(t.web_session).where(t.web_session.c.username == username)
                             .order_by(t.web_session.c.created_at)).all())


def add_session(conn: Connection, **values: Any) -> None:
    conn.execute(insert(t.web_session).values(**values))


def end_session(conn: Connection, token_hash: str) -> None:
    conn.execute(delete(t.web_session).where(t.web_session.c.token_hash == token_hash))


def end_sessions(conn: Connection, username: str, keep_hash: str | None = None) -> int:
    """End every session of the user (but the one with ``keep_hash``); returns how many ended."""
    q = delete(t.web_session).where(t.web_session.c.username == username)
    if keep_hash:
        q = q.where(t.web_session.c.token_hash != keep_hash)
    return conn.execute(q).rowcount or 0


def live_session_counts(conn: Connection, now: str) -> dict[str, int]:
    return {r.username: r.n for r in conn.execute(
        select(t.web_session.c.username, func.count().label("n")).where(t.web_session.c.expires_at >= now)
        .group_by(t.web_session.c.username))}


# --- login attempts and known browsers ---------------------------------------------------------------------

def add_attempt(conn: Connection, **values: Any) -> None:
    conn.execute(insert(t.web_login_attempt).values(**values))


def failures_from(conn: Connection, address: str, since: str) -> int:
    """Failed logins from one address since a time, for any user name."""
    a = t.web_login_attempt
    return int(conn.execute(select(func.count()).select_from(a).where(
        a.c.address == address, a.c.at >= since, a.c.ok.is_(False))).scalar_one())


def last_success(conn: Connection, username: str) -> str | None:
    a = t.web_login_attempt
    found = conn.execute(select(func.max(a.c.at)).where(a.c.username == username, a.c.ok.is_(True))).scalar()
    return None if found is None else str(found)


def failures_since(conn: Connection, username: str, since: str) -> list[str]:
    """Times of the account's failed logins after ``since``, newest first."""
    a = t.web_login_attempt
    return [r.at for r in conn.execute(select(a.c.at).where(a.c.username == username, a.c.at > since,
                                                             a.c.ok.is_(False)).order_by(a.c.at.desc()))]


def device_owner(conn: Connection, token_hash: str) -> str | None:
    row = conn.execute(select(t.web_device.c.username).where(t.web_device.c.token_hash == token_hash)).first()
    return None if row is None else str(row.username)


def add_device(conn: Connection, **values: Any) -> None:
    conn.execute(insert(t.web_device).values(**values))


def device_used(conn: Connection, token_hash: str, at: str) -> None:
    conn.execute(update(t.web_device).where(t.web_device.c.token_hash == token_hash).values(last_used_at=at))
