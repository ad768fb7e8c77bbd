"""The team: the web server and its users."""

from __future__ import annotations

import ipaddress
import os
import sys
from pathlib import Path
from typing import Any

import click
from rich.markup import escape
from rich.table import Table

from chatprobe.case import check_case_name, default_home
from chatprobe.cli import common as ui
from chatprobe.errors import ChatprobeError, InputError
from chatprobe.review.records import standards as current_standards
from chatprobe.store import server as server_repo
from chatprobe.store.server import server_store
from chatprobe.web.auth import (
    add_user,
    change_password,
    grants,
    kill_sessions,
    revoke,
    sessions,
    set_disabled,
    users,
)


@click.command("serve")
@click.option("--home", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder that holds the cases (default: $CHATPROBE_HOME or ./chatprobe-cases).")
@click.option("--db", metavar="PATH|URL", default=None,
              help="Server database for users, access and sessions (default: <home>/server.db).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=int, default=8000, show_default=True, help="Port to listen on.")
@click.option("--standards", type=click.Path(path_type=Path, dir_okay=False, exists=True), default=None,
              help="Your organisation's Standards (TOML, like review/data/standards.toml); default: police.")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Server processes (each keeps its own cache of the cases it serves).")
@click.option("--trusted-proxy", "trusted_proxies", multiple=True, metavar="ADDRESS[/BITS]",
              help="A reverse proxy whose X-Forwarded-For names the client (repeat for more). From anyone else "
                   "the header is ignored, so login limits apply to the real client, not to the proxy.")
def serve_cmd(home: Path | None, db: str | None, host: str, port: int, standards: Path | None,
              workers: int, trusted_proxies: tuple[str, ...]) -> None:
    """Serve the team web UI: cases, the review queue, decisions, case records and exports.

    Users log in (create them with `chatprobe user add`); each sees only the cases granted to them.
    Put it behind HTTPS (a reverse proxy) when anyone else connects: cookies are marked Secure. Name
    that proxy with --trusted-proxy, so failed logins are counted per real client address.

    \b
    Example:
      chatprobe user add dskhan --role investigator --case op-larch
      chatprobe serve --home cases/ --port 8000 --trusted-proxy 127.0.0.1
    """

    # the web stack (uvicorn, FastAPI, Starlette) loads only for this command: every other command starts
    # without it. Not a cycle: nothing in chatprobe.web imports the CLI.
    import uvicorn

    from chatprobe.web.app import create_app
    root = home or default_home()
    root.mkdir(parents=True, exist_ok=True)
    if standards:
        os.environ["CHATPROBE_STANDARDS"] = str(standards.resolve())
    ui.err.print(f"Standards: {escape(current_standards().name)}")
    ui.err.print(f"serving the cases in {escape(str(root))} on http://{host}:{port}  (Ctrl-C stops)")
    for proxy in trusted_proxies:
        try:
            ipaddress.ip_network(proxy, strict=False)
        except ValueError as exc:
            raise InputError(f"--trusted-proxy {proxy!r} is not an address or network",
                             "give an IP address such as 127.0.0.1 or a network such as 10.0.0.0/24") from exc
    if workers > 1:
        os.environ["CHATPROBE_SERVE_HOME"] = str(root.resolve())
        os.environ["CHATPROBE_SERVE_DB"] = db or ""
        os.environ["CHATPROBE_TRUSTED_PROXIES"] = ",".join(trusted_proxies)
        server_store(root, db).close()  # migrate once, before the workers start
        uvicorn.run("chatprobe.web.app:app_from_env", factory=True, host=host, port=port, workers=workers,
                    log_level="warning")
    else:
        uvicorn.run(create_app(root, db, trusted_proxies), host=host, port=port, log_level="warning")


@click.group("user")
def user_group() -> None:
    """Manage the users of the web UI (`chatprobe serve`): add, list, disable, revoke, sessions, passwords.

    Every change is recorded in the server's audit log. Taking access away works at once: a disabled
    user's sessions end, a revoked case answers 404 from the next request.

    \b
    Examples:
      chatprobe user add dskhan --role investigator --case op-larch
      chatprobe user list
      chatprobe user revoke dskhan --case op-larch
      chatprobe user disable dskhan                 ends every session too
      chatprobe user sessions dskhan --kill
      chatprobe user passwd dskhan                  a new password; their other sessions end
    """


def _server_options(f: Any) -> Any:
    f = click.option("--db", metavar="PATH|URL", default=None, help="Server database (default: <home>/server.db).")(f)
    f = click.option("--home", type=click.Path(file_okay=False, path_type=Path), default=None,
                     help="Folder that holds the cases (default: $CHATPROBE_HOME or ./chatprobe-cases).")(f)
    return f


def _server(home: Path | None, db: str | None) -> Any:
    root = home or default_home()
    root.mkdir(parents=True, exist_ok=True)
    return server_store(root, db)


def _read_password(password_stdin: bool) -> str:
    if password_stdin:
        return sys.stdin.readline().rstrip("\n")
    return str(click.prompt("password", hide_input=True, confirmation_prompt=True))


@user_group.command("add")
@click.argument("username")
@click.option("--role", type=click.Choice(["admin", "investigator", "reviewer", "read-only"]), required=True,
              help="admin: every case and setting; investigator: records and review; reviewer: review; "
                   "read-only: view.")
@click.option("--case", "cases", multiple=True, help="A case this user may open (repeat for more).")
@_server_options
@click.option("--case-db", metavar="URL", default=None,
              help="Register the (single) --case as living in this database, e.g. on PostgreSQL.")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input (for scripts).")
def user_add_cmd(username: str, role: str, cases: tuple[str, ...], home: Path | None, db: str | None,
                 case_db: str | None, password_stdin: bool) -> None:
    """Create a user, or reset an existing user's password and role (their sessions end) and grant cases.

    Grants add to the ones the user has; take one away with `chatprobe user revoke`. Passwords have at
    least 12 characters and are stored as scrypt hashes.

    \b
    Examples:
      chatprobe user add admin --role admin
      chatprobe user add dskhan --role investigator --case op-larch
      echo "$PW" | chatprobe user add reviewer1 --role reviewer --case op-larch --password-stdin
    """
    for c in cases:
        check_case_name(c)
    password = _read_password(password_stdin)
    store = _server(home, db)
    try:
        if case_db:
            if len(cases) != 1:
                raise ChatprobeError("--case-db needs exactly one --case", hint="register one case at a time")
            with store.transaction() as conn:
                server_repo.register_case(conn, cases[0], case_db)
        add_user(store, username, password, role, list(cases))
        with store.engine.connect() as conn:
            now = grants(conn, username)
    finally:
        store.close()
    everything = " (admin: every case)" if role == "admin" else ""
    ui.err.print(f"user {escape(username)} ({role}) may open: {escape(', '.join(now)) or 'no case yet'}{everything}")


@user_group.command("list")
@_server_options
@click.option("--json", "as_json", is_flag=True, help="Print the users as JSON.")
def user_list_cmd(home: Path | None, db: str | None, as_json: bool) -> None:
    """List the users: role, whether disabled, the cases each may open, and live sessions."""
    store = _server(home, db)
    try:
        rows = users(store)
    finally:
        store.close()
    if as_json:
        ui.out.print_json(data=rows)
        return
    table = Table("user", "role", "state", "cases", "live sessions")
    for r in rows:
        table.add_row(escape(r["username"]), r["role"], "[red]disabled[/]" if r["disabled"] else "enabled",
                      "every case" if r["role"] == "admin" else escape(", ".join(r["cases"])) or "-",
                      str(r["sessions"]))
    ui.out.print(table)


@user_group.command("disable")
@click.argument("username")
@_server_options
def user_disable_cmd(username: str, home: Path | None, db: str | None) -> None:
    """Disable a user: they cannot log in, and every session they have ends now."""
    store = _server(home, db)
    try:
        ended = set_disabled(store, username, True)
    finally:
        store.close()
    ui.err.print(f"user {escape(username)} disabled; {ended} session(s) ended")


@user_group.command("enable")
@click.argument("username")
@_server_options
def user_enable_cmd(username: str, home: Path | None, db: str | None) -> None:
    """Enable a disabled user again (their password and cases are as they were)."""
    store = _server(home, db)
    try:
        set_disabled(store, username, False)
    finally:
        store.close()
    ui.err.print(f"user {escape(username)} enabled")


@user_group.command("revoke")
@click.argument("username")
@click.option("--case", "cases", multiple=True, required=True, help="A case to take away (repeat for more).")
@_server_options
def user_revoke_cmd(username: str, cases: tuple[str, ...], home: Path | None, db: str | None) -> None:
    """Take away a user's access to cases. Their next request for it answers 404."""
    store = _server(home, db)
    try:
        left = revoke(store, username, list(cases))
    finally:
        store.close()
    ui.err.print(f"user {escape(username)} may no longer open {escape(', '.join(cases))}; may open: "
              f"{escape(', '.join(left)) or 'no case'}")


@user_group.command("sessions")
@click.argument("username")
@click.option("--kill", is_flag=True, help="End every session of the user now.")
@_server_options
@click.option("--json", "as_json", is_flag=True, help="Print the sessions as JSON.")
def user_sessions_cmd(username: str, kill: bool, home: Path | None, db: str | None, as_json: bool) -> None:
    """List a user's sessions (when and from where each began), or end them all with --kill."""
    store = _server(home, db)
    try:
        rows = sessions(store, username)
        ended = kill_sessions(store, username) if kill else None
    finally:
        store.close()
    if as_json:
        ui.out.print_json(data={"sessions": rows, "ended": ended})
        return
    for r in rows:
        ui.out.print(f"{r['started'] or '(start not recorded)'}  from {r['address'] or '?'}  until {r['expires']}"
                  + ("" if r["live"] else "  (expired)"), markup=False)
    if ended is not None:
        ui.err.print(f"{ended} session(s) of {escape(username)} ended")
    elif not rows:
        ui.err.print(f"{escape(username)} has no sessions")


@user_group.command("passwd")
@click.argument("username")
@_server_options
@click.option("--password-stdin", is_flag=True, help="Read the new password from standard input (for scripts).")
def user_passwd_cmd(username: str, home: Path | None, db: str | None, password_stdin: bool) -> None:
    """Set a new password for a user. Every session they have ends."""
    password = _read_password(password_stdin)
    store = _server(home, db)
    try:
        ended = change_password(store, username, password, actor="cli")
    finally:
        store.close()
    ui.err.print(f"password of {escape(username)} changed; {ended} session(s) ended")
