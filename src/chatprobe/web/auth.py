"""Users, roles, per-case access, sessions, CSRF and login rate limiting for the web UI.

- Passwords: scrypt (n=2**15, r=8, p=1, 16-byte salt), compared in constant time.
- Sessions: a random 256-bit token in an HttpOnly, Secure, SameSite=Strict cookie; only its SHA-256 is
  stored, with a CSRF token and an expiry (12 hours).
- CSRF: every state-changing request carries the session's CSRF token in a form field or header.
- Login limits that cannot lock a user out: per account, exponential back-off after ``MAX_FAILURES`` failed
  passwords, which never applies to a browser the user has logged in from before (a device cookie); per
  client address, a cap on failures for anonymous floods. The client address comes from
  ``X-Forwarded-For`` only when the peer is a configured trusted proxy.
- Access can be taken away: disable a user, revoke a case, end sessions; a password change ends every
  other session.
- Roles: admin (everything, every case), investigator (records and review), reviewer (review decisions),
  read-only (view). A user sees a case only when admin or granted it; otherwise its pages answer 404.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import ipaddress
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from functools import cache
from typing import Any

from sqlalchemy import Connection

from chatprobe.errors import InputError, NotFound, RateLimited
from chatprobe.store import accounts, audit

ROLES = ("admin", "investigator", "reviewer", "read-only")
CAN_DECIDE = {"admin", "investigator", "reviewer"}
CAN_EDIT_RECORDS = {"admin", "investigator"}
SESSION_HOURS = 12
MAX_FAILURES = 5  # failed passwords for one account before it waits (unknown devices only)
BACKOFF_BASE = timedelta(minutes=1)  # the first wait, doubled with each further failure
BACKOFF_MAX = timedelta(hours=1)
BACKOFF_MEMORY = timedelta(hours=24)  # failures older than this are forgotten
ADDRESS_FAILURES = 30  # failed logins from one address, any names, in WINDOW before it is refused
WINDOW = timedelta(minutes=15)
DEVICE_DAYS = 180
SCRYPT = {"n": 2 ** 15, "r": 8, "p": 1, "maxmem": 64 * 1024 * 1024}


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


@cache
def _dummy_hash() -> str:
    """Checked against when a user does not exist (same timing); made on first use, not at import (scrypt
    takes a noticeable moment)."""
    return hash_password(secrets.token_hex(8))


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
    _check_password_rules(password)
    with store.transaction() as conn:
        exists = accounts.user(conn, username) is not None
        values = {"password_hash": hash_password(password), "role": role, "disabled": False}
        ended = 0
        if exists:  # a reset: the old password's sessions end
            accounts.update_user(conn, username, **values)
            ended = accounts.end_sessions(conn, username)
        else:
            accounts.add_user(conn, username=username, created_at=_now().isoformat(), **values)
        for c in cases or []:
            accounts.grant(conn, username, c)
        audit.append(conn, "user", username, {"role": role, "cases": cases or [], "updated": bool(exists),
                                              "sessions_ended": ended}, actor=actor)


def _check_password_rules(password: str) -> None:
    if len(password) < 12:
        raise InputError("the password is too short", hint="use at least 12 characters")


def load_user(conn: Connection, username: str) -> User | None:
    row = accounts.user(conn, username)
    if row is None or row.disabled:
        return None
    return User(row.username, row.role, frozenset(accounts.grants(conn, username)))


@dataclass(frozen=True)
class LoginResult:
    token: str
    csrf: str
    device: str | None  # a new device token to remember this browser by (None: it was known already)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def known_device(conn: Connection, username: str, device: str | None) -> bool:
    if not device:
        return False
    return accounts.device_owner(conn, _hash(device)) == username


def _live_session_of(conn: Connection, username: str, token: str | None, now: datetime) -> bool:
    if not token:
        return False
    row = accounts.session(conn, _hash(token))
    return row is not None and row.username == username and row.expires_at >= now.isoformat()


def _account_backoff(conn: Connection, username: str, now: datetime) -> tuple[int, datetime | None]:
    """(failures from unknown devices since the last success, the time the account opens again)."""
    since = (now - BACKOFF_MEMORY).isoformat()
    last_ok = accounts.last_success(conn, username)
    if last_ok and last_ok > since:
        since = last_ok
    rows = accounts.failures_since(conn, username, since)
    failures = len(rows)
    if failures < MAX_FAILURES:
        return failures, None
    wait = min(BACKOFF_BASE * 2 ** (failures - MAX_FAILURES), BACKOFF_MAX)
    return failures, datetime.fromisoformat(rows[0]) + wait


def login(store: Any, username: str, password: str, address: str, device: str | None = None,
          session_token: str | None = None) -> LoginResult | None:
    """A new session for good credentials, None for bad ones; RateLimited when refused unchecked.

    Two limits, neither of which lets a stranger lock a user out of a browser they have used before:
    - per account: after MAX_FAILURES failed passwords the account waits BACKOFF_BASE, doubling with each
      further failure up to BACKOFF_MAX, for browsers it has never logged in from. A browser that holds
      the account's device cookie (given at each successful login), or a live session of the account, is
      never made to wait.
    - per client address: more than ADDRESS_FAILURES failures in WINDOW from one address, for any names,
      refuse that address for the rest of the window (anonymous floods), again except known devices.
    """
    now = _now()
    username = username[:64]
    with store.transaction() as conn:
        device_known = known_device(conn, username, device)
        known = device_known or _live_session_of(conn, username, session_token, now)
        if not known:
            by_address = accounts.failures_from(conn, address[:90], (now - WINDOW).isoformat())
            if by_address >= ADDRESS_FAILURES:
                raise RateLimited("too many failed logins from your address", int(WINDOW.total_seconds()))
            _, opens = _account_backoff(conn, username, now)
            if opens is not None and opens > now:
                raise RateLimited("too many failed logins for this account",
                                  int((opens - now).total_seconds()) + 1)
        row = accounts.user(conn, username)
        ok = check_password(password, row.password_hash if row else _dummy_hash()) and row is not None and not row.disabled
        accounts.add_attempt(conn, key=f"{username}|{address[:90]}", at=now.isoformat(), ok=ok, username=username,
                             address=address[:90], known_device=known)
        audit.append(conn, "login", username, {"ok": ok, "address": address, "known_device": known},
                     actor=username or "?")
        if not ok:
            return None
        token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
        accounts.add_session(conn, token_hash=_hash(token), username=username, csrf=csrf,
                             expires_at=(now + timedelta(hours=SESSION_HOURS)).isoformat(), created_at=now.isoformat(),
                             address=address[:90])
        new_device = None
        if device_known:
            accounts.device_used(conn, _hash(device or ""), now.isoformat())
        else:
            new_device = secrets.token_urlsafe(32)
            accounts.add_device(conn, token_hash=_hash(new_device), username=username, created_at=now.isoformat(),
                                last_used_at=now.isoformat())
    return LoginResult(token, csrf, new_device)


def session(store: Any, token: str | None) -> tuple[User, str] | None:
    """(user, csrf token) for a live session of an enabled user."""
    if not token:
        return None
    with store.engine.connect() as conn:
        row = accounts.session(conn, _hash(token))
        if row is None or row.expires_at < _now().isoformat():
            return None
        user = load_user(conn, row.username)
    return (user, row.csrf) if user else None


def logout(store: Any, token: str | None) -> None:
    if token:
        with store.transaction() as conn:
            accounts.end_session(conn, _hash(token))


# --- taking access away -----------------------------------------------------------------------------------

def _existing(conn: Connection, username: str) -> Any:
    row = accounts.user(conn, username)
    if row is None:
        raise NotFound(f"no user {username!r}", "list them with: chatprobe user list")
    return row


def _end_sessions(conn: Connection, username: str, keep: str | None = None) -> int:
    return accounts.end_sessions(conn, username, _hash(keep) if keep else None)


def set_disabled(store: Any, username: str, disabled: bool, actor: str = "cli") -> int:
    """Disable (every session ends at once) or enable a user. Returns the sessions ended."""
    with store.transaction() as conn:
        _existing(conn, username)
        accounts.update_user(conn, username, disabled=disabled)
        ended = _end_sessions(conn, username) if disabled else 0
        audit.append(conn, "user-disable" if disabled else "user-enable", username, {"sessions_ended": ended},
                     actor=actor)
    return ended


def revoke(store: Any, username: str, cases: list[str], actor: str = "cli") -> list[str]:
    """Take case access away (effective on the user's next request). Returns the cases still granted."""
    with store.transaction() as conn:
        _existing(conn, username)
        granted = set(grants(conn, username))
        missing = [c for c in cases if c not in granted]
        if missing:
            raise InputError(f"{username} has no access to {', '.join(missing)}",
                             f"their cases: {', '.join(sorted(granted)) or 'none'}")
        accounts.revoke(conn, username, cases)
        audit.append(conn, "user-revoke", username, {"cases": cases}, actor=actor)
        return grants(conn, username)


def grants(conn: Connection, username: str) -> list[str]:
    return accounts.grants(conn, username)


def sessions(store: Any, username: str) -> list[dict[str, Any]]:
    with store.engine.connect() as conn:
        _existing(conn, username)
        return [{"started": r.created_at, "expires": r.expires_at, "address": r.address,
                 "live": r.expires_at >= _now().isoformat()}
                for r in accounts.sessions_of(conn, username)]


def kill_sessions(store: Any, username: str, actor: str = "cli") -> int:
    with store.transaction() as conn:
        _existing(conn, username)
        ended = _end_sessions(conn, username)
        audit.append(conn, "user-sessions-killed", username, {"sessions_ended": ended}, actor=actor)
    return ended


def change_password(store: Any, username: str, new_password: str, actor: str, current: str | None = None,
                    keep_session: str | None = None) -> int:
    """Set a new password and end every other session of the user. With ``current``, it must be right (a user
    changing their own). Returns the sessions ended."""
    _check_password_rules(new_password)
    with store.transaction() as conn:
        row = _existing(conn, username)
        if current is not None and not check_password(current, row.password_hash):
            raise InputError("the current password is wrong", "type your current password again")
        accounts.update_user(conn, username, password_hash=hash_password(new_password))
        ended = _end_sessions(conn, username, keep=keep_session)
        audit.append(conn, "user-password", username, {"sessions_ended": ended, "by_self": current is not None},
                     actor=actor)
    return ended


def users(store: Any) -> list[dict[str, Any]]:
    with store.engine.connect() as conn:
        now = _now().isoformat()
        live = accounts.live_session_counts(conn, now)
        return [{"username": r.username, "role": r.role, "disabled": bool(r.disabled),
                 "cases": grants(conn, r.username), "sessions": live.get(r.username, 0)}
                for r in accounts.all_users(conn)]


# --- the client's address -----------------------------------------------------------------------------------

def client_address(peer: str | None, forwarded_for: str | None, trusted: tuple[str, ...]) -> str:
    """The client's address: the connecting peer, unless the peer is a trusted proxy, in which case the
    right-most address in ``X-Forwarded-For`` that is not itself a trusted proxy. A header from anyone
    else is ignored (it is whatever the client chose to write)."""
    peer = peer or "?"
    if not trusted or not forwarded_for or not _is_trusted(peer, trusted):
        return peer
    for hop in reversed([h.strip() for h in forwarded_for.split(",") if h.strip()]):
        if not _is_trusted(hop, trusted):
            return hop[:90]
    return peer


def _is_trusted(address: str, trusted: tuple[str, ...]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    for net in trusted:
        try:
            if ip in ipaddress.ip_network(net, strict=False):
                return True
        except ValueError:
            continue
    return False
