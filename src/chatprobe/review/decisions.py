"""Review decisions on findings.

A finding is a message the newest analysis run flagged with a category (``Taxonomy.categories_of``). A decision is ``confirm``, ``dismiss`` or
``escalate``, with the reviewer, a note and the time; stage 1 is the first review and stage 2 the optional
second review, which must be by someone else. Decisions are appended, never overwritten: the newest per
stage counts, the older ones stay as history. Each decision is audited in the same transaction.
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import Connection

from chatprobe.case import Case
from chatprobe.errors import InputError, NothingToAnalyse
from chatprobe.store import audit, reviews, runs

DECISIONS = ("confirm", "dismiss", "escalate")
STATUS = {"confirm": "confirmed", "dismiss": "dismissed", "escalate": "escalated"}


@dataclass
class ReviewDecision:
    decision: str
    reviewer: str
    note: str
    at: str
    stage: int

    def to_json(self) -> dict[str, Any]:
        return {"decision": self.decision, "reviewer": self.reviewer, "note": self.note, "at": self.at}


@dataclass
class ReviewState:
    first: ReviewDecision | None = None
    second: ReviewDecision | None = None
    history: list[ReviewDecision] = field(default_factory=list)

    @property
    def status(self) -> str:
        """The second review's decision when there is one, else the first's; "unreviewed" otherwise."""
        last = self.second or self.first
        return STATUS[last.decision] if last else "unreviewed"

    @property
    def agreement(self) -> bool | None:
        if self.first is None or self.second is None:
            return None
        return self.first.decision == self.second.decision

    def to_json(self) -> dict[str, Any]:
        return {"status": self.status, "first": self.first.to_json() if self.first else None,
                "second": self.second.to_json() if self.second else None, "agreement": self.agreement,
                "history": [d.to_json() | {"stage": d.stage} for d in self.history]}


def _check_decision(decision: str) -> None:
    if decision not in DECISIONS:
        raise InputError(f"unknown decision {decision!r}", hint="use confirm, dismiss or escalate")


def _latest_run_id(case: Case) -> int:
    """The analysis run decisions are recorded against: the newest."""
    run = runs.latest(case.store)
    if run is None:
        raise NothingToAnalyse(f"case {case.name} has not been analysed yet", hint=f"chatprobe analyse --case {case.name}")
    return int(run["id"])


def decide(case: Case, message_id: str, decision: str, note: str = "", reviewer: str | None = None,
           stage: int = 1) -> ReviewDecision:
    _check_decision(decision)
    if stage not in (1, 2):
        raise InputError("stage is 1 (first review) or 2 (second review)")
    reviewer = reviewer or getpass.getuser()
    run_id = _latest_run_id(case)
    with case.store.transaction() as conn:
        at = _decide_in(conn, case, run_id, message_id, decision, note, reviewer, stage)
    return ReviewDecision(decision, reviewer, note, at, stage)


def apply(out: dict[str, ReviewState], r: Any) -> None:
    """Fold one review_decision row into the states (rows must come in id order). A state that changes is
    replaced, not mutated, so readers holding the old dict see a consistent picture."""
    d = ReviewDecision(r.decision, r.reviewer, r.note, r.at, r.stage)
    old = out.get(r.message_id)
    s = ReviewState(old.first, old.second, list(old.history)) if old else ReviewState()
    s.history.append(d)
    if r.stage == 1:
        s.first = d
    else:
        s.second = d
    out[r.message_id] = s


def _decide_in(conn: Connection, case: Case, run_id: int, message_id: str, decision: str, note: str, reviewer: str,
               stage: int) -> str:
    """Check and record one decision in the caller's transaction; returns its time."""
    if not runs.is_finding(conn, run_id, message_id):
        raise InputError(f"message {message_id} is not a finding of analysis run {run_id}",
                         hint=f"list the findings: chatprobe review --case {case.name}")
    if stage == 2:
        first = states(case, conn, message_id).get(message_id, ReviewState()).first
        if first is None:
            raise InputError(f"message {message_id} has no first review yet", hint="review it first (stage 1)")
        if first.reviewer == reviewer:
            raise InputError(f"{reviewer} made the first review of {message_id}",
                             hint="a second review must be by another reviewer")
    at = datetime.now(timezone.utc).isoformat(timespec="seconds")
    # the audit entry first: it takes the log's lock, so decisions commit in the order of their ids
    # (readers that apply "decisions after id N" never miss one)
    audit.append(conn, "decision", message_id, {"decision": decision, "stage": stage, "note": note,
                                                "analysis_run": run_id}, actor=reviewer)
    reviews.add(conn, message_id=message_id, stage=stage, reviewer=reviewer, decision=decision, note=note, at=at,
                run_id=run_id)
    return at


def decide_many(case: Case, message_ids: list[str], decision: str, note: str, reviewer: str) -> int:
    """The same first-review decision on many findings: all or none, each checked and audited on its own."""
    _check_decision(decision)
    run_id = _latest_run_id(case)
    with case.store.transaction() as conn:
        for mid in message_ids:
            _decide_in(conn, case, run_id, mid, decision, note, reviewer, 1)
    return len(message_ids)


def states(case: Case, conn: Connection | None = None, message_id: str | None = None) -> dict[str, ReviewState]:
    """Review state per finding (or of one message)."""
    def read(c: Any) -> dict[str, ReviewState]:
        out: dict[str, ReviewState] = {}
        for r in reviews.rows(c, message_id):
            apply(out, r)
        return out
    if conn is not None:
        return read(conn)
    with case.store.engine.connect() as c:
        return read(c)
