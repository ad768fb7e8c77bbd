"""Repository: the conduct-case records — the case record, subjects and what is recorded about each
(allegations, severity assessments, notices, representations). Rules and auditing: ``review/records.py``."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, insert, select, update

from chatprobe.store import schema as t

# what a subject can have recorded about them: kind → table
CHILDREN = {"allegation": t.allegation, "severity assessment": t.severity_assessment, "notice": t.notice,
            "representation": t.representation}


def case_record(conn: Connection) -> dict[str, Any] | None:
    row = conn.execute(select(t.case_record).where(t.case_record.c.id == 1)).first()
    return dict(row._mapping) if row else None


def save_case_record(conn: Connection, values: dict[str, Any]) -> None:
    if conn.execute(select(t.case_record.c.id)).first() is None:
        conn.execute(insert(t.case_record).values(id=1, **values))
    else:
        conn.execute(update(t.case_record).where(t.case_record.c.id == 1).values(**values))


def _subject_row(r: Any) -> dict[str, Any]:
    d = dict(r._mapping)
    d["identifiers"] = json.loads(d["identifiers"])
    d["members"] = json.loads(d["members"])
    return d


def subjects(conn: Connection) -> list[dict[str, Any]]:
    """Every subject with everything recorded about them."""
    out = [_subject_row(r) for r in conn.execute(select(t.subject).order_by(t.subject.c.id))]
    for s in out:
        sid = s["id"]
        s["allegations"] = [dict(r._mapping) | {k: json.loads(r._mapping[k]) for k in ("standards", "categories", "findings")}
                            for r in conn.execute(select(t.allegation).where(t.allegation.c.subject_id == sid))]
        s["severity"] = [dict(r._mapping) for r in conn.execute(
            select(t.severity_assessment).where(t.severity_assessment.c.subject_id == sid)
            .order_by(t.severity_assessment.c.id))]
        s["notices"] = [dict(r._mapping) for r in conn.execute(select(t.notice).where(t.notice.c.subject_id == sid))]
        s["representations"] = [dict(r._mapping) for r in conn.execute(
            select(t.representation).where(t.representation.c.subject_id == sid))]
    return out


def subject_exists(conn: Connection, subject_id: int) -> bool:
    return conn.execute(select(t.subject.c.id).where(t.subject.c.id == subject_id)).first() is not None


def add_subject(conn: Connection, values: dict[str, Any]) -> int:
    return int(conn.execute(insert(t.subject).values(**values)).inserted_primary_key[0])


def update_subject(conn: Connection, subject_id: int, values: dict[str, Any]) -> None:
    conn.execute(update(t.subject).where(t.subject.c.id == subject_id).values(**values))


def add_child(conn: Connection, kind: str, subject_id: int, values: dict[str, Any]) -> int:
    return int(conn.execute(insert(CHILDREN[kind]).values(subject_id=subject_id, **values)).inserted_primary_key[0])
