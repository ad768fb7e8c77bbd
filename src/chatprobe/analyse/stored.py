"""Analysis on a stored case: classify its messages into the database, and read a case back for the
investigation view. ``chatprobe analyse`` and ``chatprobe scan`` are thin wrappers over these.

A classification run is stored whole or not at all (one transaction); the run row records who ran it,
the tool version and the pipeline's full description (detector versions, model hashes, thresholds), so a
report can say exactly what produced each finding. Reports use the newest finished run.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import socket
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from chatprobe import __version__
from chatprobe.analyse.investigation import (
    ChatInput,
    Classification,
    Investigation,
    Options,
    investigate,
    tally,
)
from chatprobe.analyse import signature
from chatprobe.analyse.media import analyse_case_media
from chatprobe.analyse.people import People
from chatprobe.case import Case
from chatprobe.detect.base import TextItem
from chatprobe.detect.pipeline import Decision, Pipeline
from chatprobe.errors import NothingToAnalyse
from chatprobe.review.decisions import states
from chatprobe.store import audit, runs
from chatprobe.store import chats as chats_repo

BATCH = 2000
CLASSIFIED = ("text", "media", "poll", "view-once")  # kinds whose text can carry content (captions, polls)
ProgressFn = Callable[[int, int], None]  # (done, total)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def classify_case(case: Case, pipeline: Pipeline | None = None, progress: ProgressFn | None = None,
                  media: bool = True, media_progress: ProgressFn | None = None) -> int:
    """Classify every message with text in the case, and (``media``) the images, stickers and videos in
    its exports: nudity, and the text inside images. Returns the analysis run id."""
    pipe = pipeline or Pipeline.default()
    with case.store.engine.connect() as conn:
        rows = chats_repo.texts(conn, CLASSIFIED)
        empty = not rows and chats_repo.message_count(conn) == 0
    if empty:
        raise NothingToAnalyse(f"case {case.name} has no messages", hint="import an export first: "
                               f"chatprobe import EXPORT.zip --case {case.name}")
    started = _now()
    decisions: list[Decision] = []
    done = 0
    for b in range(0, len(rows), BATCH):
        batch = rows[b:b + BATCH]
        decisions.extend(pipe.classify([TextItem(r.id, r.text or "") for r in batch]))
        done += len(batch)
        if progress:
            progress(done, len(rows))
    # a member's own emoji, known from all their messages ("gym at lunch? 🧕🏽"): a caution, analyse/signature.py
    decisions, own = signature.caution([r.sender for r in rows], [r.text or "" for r in rows], decisions, pipe)
    results: list[tuple[Any, ...]] = []
    not_assessed: Counter[str] = Counter()  # language → messages the English detectors were not built for
    for d in decisions:
        if not d.assessed:
            not_assessed[d.language or "?"] += 1
        j = d.to_json()
        results.append((d.id, json.dumps(j["labels"]),
                        json.dumps({k: j[k] for k in ("scores", "severity", "targets", "explanations",
                                                      "language", "assessed")},
                                   ensure_ascii=False, sort_keys=True)))
    described = pipe.describe()
    described["not_assessed"] = dict(sorted(not_assessed.items(), key=lambda kv: (-kv[1], kv[0])))
    described["own_emoji"] = {"min_signed": signature.MIN_SIGNED, "min_share": round(signature.MIN_SHARE, 4),
                              "found": [o.to_json() for mine in own.values() for o in mine.values()],
                              "cautioned": sum(signature.cautioned(d) for d in decisions)}
    if media:
        results, described["media"] = analyse_case_media(case, pipe, results, media_progress)
    with case.store.transaction() as conn:
        run_id = runs.add(conn, {
            "started_at": started, "finished_at": _now(), "run_by": getpass.getuser(), "host": socket.gethostname(),
            "tool_version": __version__, "pipeline": json.dumps(described, sort_keys=True), "status": "ok",
            "messages": len(results)}, results)
        flagged = sum(1 for r in results if json.loads(r[1]))
        audit.append(conn, "analysis", f"analysis run {run_id}", {
            "messages": len(results), "labelled": flagged, "tool_version": __version__,
            "pipeline_sha256": hashlib.sha256(json.dumps(described, sort_keys=True).encode()).hexdigest()})
    return int(run_id)


@dataclass
class CaseAnalysis:
    """A case read back for reporting: the investigation plus what the method section needs."""

    investigation: Investigation
    run: dict[str, Any]
    evidence: list[dict[str, Any]]
    warnings: list[dict[str, Any]]
    media_not_analysed: list[dict[str, Any]] = field(default_factory=list)  # message_id, name, type, reason
    media_analysed: int = 0
    reviews: dict[str, Any] = field(default_factory=dict)  # message id → review.decisions.ReviewState


def load_case(case: Case, people: People | None = None, options: Options | None = None,
              run_id: int | None = None, include: str = "all", only: set[str] | None = None) -> CaseAnalysis:
    """The case read back and analysed. ``include``: "all" findings, or only the "confirmed" ones (by review);
    ``only``: just these findings (a chosen set: by tag, status or search)."""
    run = runs.latest(case.store) if run_id is None else runs.get(case.store, run_id)
    if run is None and run_id is not None:
        raise NothingToAnalyse(f"case {case.name} has no analysis run {run_id}",
                               hint="leave out the run to use the newest one")
    if run is None:
        raise NothingToAnalyse(f"case {case.name} has not been analysed yet",
                               hint=f"run: chatprobe analyse --case {case.name}")
    with case.store.engine.connect() as conn:
        chats = chats_repo.chats(conn)
        classifications = {
            r.message_id: Classification.from_json({"labels": json.loads(r.labels), **json.loads(r.result)})
            for r in runs.classifications(conn, run["id"])}
        inputs = [ChatInput(c["id"], c["title"], c["platform"], c["source_file"], c["source_sha256"],
                            chats_repo.messages(conn, c), chats_repo.events(conn, c["id"]), c["owner"])
                  for c in chats]
        owned = {c["id"] for c in chats if c["owner"]}
        warnings = [dict(r._mapping) for r in chats_repo.warnings(conn)
                    if not (r.code == "exporter-unknown" and r.chat_id in owned)]  # named since the import
    inv = investigate(inputs, classifications, people, options)
    not_analysed, analysed = [], 0
    for mid, c in classifications.items():
        for media in c.media:
            if media.get("status") == "analysed":
                analysed += 1
                for note in media.get("notes", ()):  # e.g. its text not read (no Tesseract)
                    if "not read" not in note:
                        continue
                    not_analysed.append({"message_id": mid, "name": media.get("name"), "type": media.get("type"),
                                         "reason": note})
            else:
                not_analysed.append({"message_id": mid, "name": media.get("name"), "type": media.get("type"),
                                     "reason": media.get("reason")})
    reviews = states(case)
    if include == "confirmed":
        inv.findings = [f for f in inv.findings if reviews.get(f.message.id) and reviews[f.message.id].status == "confirmed"]
    if only is not None:
        inv.findings = [f for f in inv.findings if f.message.id in only]
    if include == "confirmed" or only is not None:
        tally(inv.findings, inv.profiles, inv.chats)  # profiles and totals from the reported findings only
    return CaseAnalysis(inv, run, case.store.evidence_rows(), warnings, not_analysed, analysed, reviews)
