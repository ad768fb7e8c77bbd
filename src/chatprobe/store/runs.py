"""Repository: analysis runs and their classifications (which messages each run flagged, and why)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Connection, insert, select

from chatprobe.detect.taxonomy import taxonomy
from chatprobe.store import schema as t
from chatprobe.store.db import Store, bulk_insert


def latest(store: Store) -> dict[str, Any] | None:
    """The newest finished analysis run, as a dict of its columns."""
    with store.engine.connect() as conn:
        row = conn.execute(select(t.analysis_run).where(t.analysis_run.c.status == "ok")
                           .order_by(t.analysis_run.c.id.desc()).limit(1)).first()
    return dict(row._mapping) if row else None


def get(store: Store, run_id: int) -> dict[str, Any] | None:
    with store.engine.connect() as conn:
        row = conn.execute(select(t.analysis_run).where(t.analysis_run.c.id == run_id)).first()
    return dict(row._mapping) if row else None


def add(conn: Connection, run: dict[str, Any], results: list[tuple[str, str, str]]) -> int:
    """Store a finished run and its classifications ((message id, labels JSON, result JSON) each) in the
    caller's transaction; returns the run id."""
    run_id = int(conn.execute(insert(t.analysis_run).values(**run)).inserted_primary_key[0])
    bulk_insert(conn, t.classification, ("run_id", "message_id", "labels", "result"),
                [(run_id, *r) for r in results])
    return run_id


def classifications(conn: Connection, run_id: int) -> Iterator[Any]:
    """Rows (message_id, labels, result) of one run."""
    return iter(conn.execute(select(t.classification).where(t.classification.c.run_id == run_id)))


def is_finding(conn: Connection, run_id: int, message_id: str) -> bool:
    row = conn.execute(select(t.classification.c.labels).where(t.classification.c.run_id == run_id,
                                                             t.classification.c.message_id == message_id)).first()
    return row is not None and bool(taxonomy().categories_of(json.loads(row.labels)))


def flagged_ids(conn: Connection, run_id: int) -> set[str]:
    """The messages a run flagged with a category (its findings)."""
    categories_of = taxonomy().categories_of
    return {r.message_id for r in conn.execute(select(t.classification.c.message_id, t.classification.c.labels)
                                                 .where(t.classification.c.run_id == run_id))
            if categories_of(json.loads(r.labels))}
