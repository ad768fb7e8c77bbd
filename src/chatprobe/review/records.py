"""Conduct-case records: the case itself, subjects and their chat identities, allegations with the
Standards breached, severity assessments (kept as history), notices served, representations, the
investigator's opinion, the outcome and any referral to prosecutors. Every change is audited.

The Standards are data (``review/data/standards.toml``: police Standards by default); another file can be
given for other organisations.
"""

from __future__ import annotations

import json
import os
import tomllib
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from chatprobe.case import Case
from chatprobe.errors import InputError, NotFound
from chatprobe.store import audit
from chatprobe.store import chats as chats_repo
from chatprobe.store import records as repo

RECORD_FIELDS = ("reference", "title", "organisation", "status", "opinion", "outcome", "referral")


@dataclass(frozen=True)
class Standards:
    name: str
    standards: tuple[str, ...]
    severity_levels: tuple[str, ...]
    statuses: tuple[str, ...]
    subject_statuses: tuple[str, ...]


def standards() -> Standards:
    """The Standards in force: the file named by $CHATPROBE_STANDARDS (``chatprobe serve --standards``),
    else the police Standards shipped with chatprobe."""
    return _standards(os.environ.get("CHATPROBE_STANDARDS") or None)


@cache
def _standards(path: str | None) -> Standards:
    try:
        text = Path(path).read_text("utf-8") if path else \
            resources.files("chatprobe.review").joinpath("data/standards.toml").read_text("utf-8")
        raw = tomllib.loads(text)
        return Standards(raw["name"], tuple(raw["standards"]), tuple(raw["severity_levels"]), tuple(raw["statuses"]),
                         tuple(raw["subject_statuses"]))
    except (OSError, tomllib.TOMLDecodeError, KeyError) as exc:
        raise InputError(f"cannot read the Standards file {path}: {exc}",
                         hint="copy review/data/standards.toml from chatprobe and edit it") from None


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def record(case: Case) -> dict[str, Any]:
    with case.store.engine.connect() as conn:
        row = repo.case_record(conn)
    if row is None:
        return {"reference": case.name, "title": "", "organisation": "", "status": "open", "opinion": "",
                "outcome": "", "referral": ""}
    return {k: row[k] for k in RECORD_FIELDS}


def update_record(case: Case, actor: str, **changes: str) -> dict[str, Any]:
    unknown = set(changes) - set(RECORD_FIELDS)
    if unknown:
        raise InputError(f"unknown case fields: {', '.join(sorted(unknown))}")
    if "status" in changes and changes["status"] not in standards().statuses:
        raise InputError(f"unknown status {changes['status']!r}", hint=", ".join(standards().statuses))
    current = record(case)
    new = current | {k: str(v) for k, v in changes.items()}
    with case.store.transaction() as conn:
        repo.save_case_record(conn, new)
        audit.append(conn, "record-change", "case", {k: {"from": current[k], "to": new[k]}
                                                     for k in changes if current[k] != new[k]}, actor=actor)
    return new


def subjects(case: Case) -> list[dict[str, Any]]:
    with case.store.engine.connect() as conn:
        return repo.subjects(conn)


def save_subject(case: Case, actor: str, name: str, role: str = "", status: str = "serving",
                 identifiers: list[str] | None = None, members: list[str] | None = None,
                 subject_id: int | None = None) -> int:
    if not name.strip():
        raise InputError("a subject needs a name")
    if status not in standards().subject_statuses:
        raise InputError(f"unknown subject status {status!r}", hint=", ".join(standards().subject_statuses))
    values = {"name": name.strip(), "role": role.strip(), "status": status,
              "identifiers": json.dumps([i.strip() for i in identifiers or [] if i.strip()]),
              "members": json.dumps([m.strip() for m in members or [] if m.strip()])}
    with case.store.transaction() as conn:
        if subject_id is None:
            subject_id = repo.add_subject(conn, values)
            action = "subject added"
        else:
            if not repo.subject_exists(conn, subject_id):
                raise NotFound(f"no subject {subject_id}")
            repo.update_subject(conn, subject_id, values)
            action = "subject changed"
        audit.append(conn, "record-change", f"subject {subject_id}", {"change": action, **values}, actor=actor)
    return subject_id


def _child(case: Case, actor: str, what: str, subject_id: int, **values: Any) -> int:
    with case.store.transaction() as conn:
        if not repo.subject_exists(conn, subject_id):
            raise NotFound(f"no subject {subject_id}")
        new_id = repo.add_child(conn, what, subject_id, values)
        audit.append(conn, "record-change", f"subject {subject_id}", {"change": f"{what} added", **values},
                     actor=actor)
    return new_id


def add_allegation(case: Case, actor: str, subject_id: int, standards_breached: list[str], categories: list[str],
                   findings: list[str], summary: str) -> int:
    bad = [s for s in standards_breached if s not in standards().standards]
    if bad:
        raise InputError(f"unknown Standard(s): {', '.join(bad)}", hint="; ".join(standards().standards))
    if findings:  # message ids are checked before anything is written or audited
        with case.store.engine.connect() as conn:
            known = chats_repo.known_messages(conn, findings)
        unknown = [f for f in findings if f not in known]
        if unknown:
            raise InputError(f"no message {', '.join(unknown[:5])} in this case",
                             hint="give the message ids shown in the review queue")
    return _child(case, actor, "allegation", subject_id, standards=json.dumps(standards_breached),
                  categories=json.dumps(categories), findings=json.dumps(findings), summary=summary)


def assess_severity(case: Case, actor: str, subject_id: int, level: str, rationale: str) -> int:
    if level not in standards().severity_levels:
        raise InputError(f"unknown severity {level!r}", hint=", ".join(standards().severity_levels))
    return _child(case, actor, "severity assessment", subject_id, level=level,
                  rationale=rationale, by=actor, at=_now())


def add_notice(case: Case, actor: str, subject_id: int, kind: str, served_on: str, note: str = "") -> int:
    _date(served_on)
    return _child(case, actor, "notice", subject_id, kind=kind, served_on=served_on, note=note)


def add_representation(case: Case, actor: str, subject_id: int, received_on: str, summary: str) -> int:
    _date(received_on)
    return _child(case, actor, "representation", subject_id, received_on=received_on,
                  summary=summary)


def _date(s: str) -> None:
    try:
        datetime.strptime(s, "%Y-%m-%d")
    except ValueError:
        raise InputError(f"{s!r} is not a date", hint="write it as YYYY-MM-DD") from None
