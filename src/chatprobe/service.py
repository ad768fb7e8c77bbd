"""The service layer: what an investigator does to a case, one typed function per act. The CLI, the web app and
the distributed runner call these and nothing below them; each act that changes or discloses the case writes
its audit entry once, here or in the function it delegates to.

    case = open_case("op-larch", home)                         a case folder: evidence store + database
    report = import_exports(case, [Path("chat.zip")])          hash, store, parse (audited: one entry per file)
    run_id = classify(case)                                    one analysis run (audited)
    analysis = investigate(case)                               the investigation view (reads only)
    decide(case, message_id, "confirm", note="…")             a review decision (audited)
    export(case, analysis, Outputs(html=Path("r.html")))      reports written and audited with their sha256
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from chatprobe.analyse.investigation import Options
from chatprobe.analyse.people import People
from chatprobe.analyse.stored import CaseAnalysis, ProgressFn, classify_case, load_case
from chatprobe.case import Case, ImportReport
from chatprobe.case import ProgressFn as ImportProgress
from chatprobe.detect.pipeline import Pipeline
from chatprobe.report import rsmf
from chatprobe.report.html import render
from chatprobe.report.redact import Redactor
from chatprobe.report.write import Outputs, atomic_write, record_export, write_outputs
from chatprobe.review.decisions import ReviewDecision, decide_many
from chatprobe.review.decisions import decide as decide_one
from chatprobe.review.workbench import Query, matching_ids
from chatprobe.store import audit
from chatprobe.store.evidence import VerifyProblem
from chatprobe.store.server import server_store

__all__ = ["Outputs", "Selection", "Verification", "classify", "decide", "decide_many", "export", "export_bytes",
           "import_exports", "investigate", "open_case", "verify"]


@dataclass(frozen=True)
class Selection:
    """A chosen set of findings to report: the confirmed ones, and/or those with a tag, a review status or
    matching a search. Empty: every finding."""

    confirmed_only: bool = False
    tag: str | None = None
    status: str | None = None
    search: str | None = None

    @property
    def chosen(self) -> bool:
        return bool(self.tag or self.status or self.search)

    def label(self) -> str:
        """A short name for the set, for file names and the audit log ("" for every finding)."""
        return "-".join(x for x in ("confirmed" if self.confirmed_only else "", self.tag or "", self.status or "",
                                    "search" if self.search else "") if x)


def open_case(name: str, home: Path | None = None, db: str | None = None) -> Case:
    return Case.open(name, home=home, db=db)


def import_exports(case: Case, paths: Iterable[Path], *, date_order: str | None = None, owner: str | None = None,
                   accept_warnings: bool = False, workers: int = 1, progress: ImportProgress | None = None,
                   command: str | None = None) -> ImportReport:
    """Hash, store and import exports, each file in its own transaction (audited per file)."""
    return case.import_paths(paths, date_order=date_order, progress=progress, command=command, workers=workers,
                             owner=owner, accept_warnings=accept_warnings)


def classify(case: Case, pipeline: Pipeline | None = None, progress: ProgressFn | None = None, media: bool = True,
             media_progress: ProgressFn | None = None) -> int:
    """Classify every message (and its media): one analysis run, stored whole and audited. Returns its id."""
    return classify_case(case, pipeline, progress, media, media_progress)


def investigate(case: Case, people: People | None = None, options: Options | None = None,
            selection: Selection = Selection(), run_id: int | None = None) -> CaseAnalysis:
    """The investigation view of the newest (or a given) analysis run, of every finding or a chosen set."""
    only = None
    if selection.chosen:
        only = set(matching_ids(case, Query(q=selection.search or "", tag=selection.tag,
                                            status=selection.status or None)))
    return load_case(case, people, options, run_id=run_id,
                     include="confirmed" if selection.confirmed_only else "all", only=only)


def decide(case: Case, message_id: str, decision: str, note: str = "", reviewer: str | None = None,
           stage: int = 1) -> ReviewDecision:
    """Confirm, dismiss or escalate a finding (audited)."""
    return decide_one(case, message_id, decision, note, reviewer, stage)


@dataclass
class Verification:
    """What ``verify`` found: evidence files re-hashed, the audit chain and its anchor (the case's and, beside
    the cases, the web server's), receipts written down earlier, and (``deep``) the messages parsed again."""

    checked: int
    problems: list[VerifyProblem]
    audit_rows: int
    chain_break: audit.ChainBreak | None
    audit_problems: list[str]
    anchored: int | None
    notes: list[str]
    receipt: str
    deep: tuple[int, list[str]] | None = None  # (messages compared, differences)

    @property
    def ok(self) -> bool:
        return (not self.problems and self.chain_break is None and not self.audit_problems
                and not (self.deep and self.deep[1]))

    def to_json(self) -> dict[str, Any]:
        return {"checked": self.checked, "ok": self.ok, "problems": [p.__dict__ for p in self.problems],
                "audit_rows": self.audit_rows,
                "audit_break": {"row": self.chain_break.row_id, "problem": self.chain_break.problem}
                if self.chain_break else None,
                "audit_problems": self.audit_problems, "anchored": self.anchored, "notes": self.notes,
                "deep": {"messages": self.deep[0], "problems": self.deep[1]} if self.deep else None,
                "receipt": self.receipt}


def verify(case: Case, receipts: Iterable[str] = (), deep: bool = False,
           server_db: Path | None = None) -> Verification:
    """Prove the evidence and the audit trail are as recorded. ``server_db``: the web server's database beside
    the cases, whose own log is checked too."""
    checked, problems = case.verify()
    audit_rows, chain_break = case.verify_audit()
    anchor = case.verify_anchor()
    audit_problems = [*anchor.problems, *[p for text in receipts if (p := case.check_receipt(text))]]
    notes = [*case.history(), *anchor.notes]
    result = Verification(checked, problems, audit_rows, chain_break, audit_problems, anchor.anchored, notes,
                          case.receipt(), case.verify_deep() if deep else None)
    if server_db is not None and server_db.exists():  # the web server's log (logins, users) beside the cases
        store = server_store(server_db.parent, None if server_db.name == "server.db" else str(server_db))
        try:
            with store.engine.connect() as conn:
                server_rows, server_break = audit.verify_chain(conn)
                server_anchor = audit.verify_anchor(conn, store.anchor)
        finally:
            store.close()
        result.audit_rows += server_rows
        if result.chain_break is None and server_break is not None:
            result.chain_break = audit.ChainBreak(server_break.row_id,
                                                  f"(server log {server_db}) {server_break.problem}")
        result.audit_problems += [f"(server log) {p}" for p in server_anchor.problems]
        result.notes += [f"(server log) {n}" for n in server_anchor.notes]
    return result


def export(case: Case, analysis: CaseAnalysis, outputs: Outputs, redactor: Redactor | None = None,
           people_file: str | None = None, rsmf_path: Path | None = None) -> list[Path]:
    """Write the chosen outputs (HTML, PDF, JSON, CSV, RSMF) and audit them once, with each file's sha256."""
    written = write_outputs(analysis, case.name, outputs, redactor, people_file)
    if rsmf_path:
        atomic_write(rsmf_path, rsmf.export(case, analysis).data)
        written.append(rsmf_path)
    record_export(case, written, redactor, int(analysis.run["id"]))
    return written


def export_bytes(case: Case, analysis: CaseAnalysis, fmt: Literal["html", "rsmf"], actor: str,
                 selection: Selection = Selection()) -> bytes:
    """One export as bytes (for a download), audited once with its sha256 and what was chosen."""
    body = rsmf.export(case, analysis).data if fmt == "rsmf" else render(analysis, case.name).encode("utf-8")
    with case.store.transaction() as conn:
        audit.append(conn, "export", f"web {fmt} ({selection.label() or 'all'})", {
            "sha256": hashlib.sha256(body).hexdigest(), "analysis_run": int(analysis.run["id"]),
            "findings": len(analysis.investigation.findings), "tag": selection.tag or "",
            "status": selection.status or "", "search": selection.search or ""}, actor=actor)
    return body
