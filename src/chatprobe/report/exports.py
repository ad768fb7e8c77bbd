"""Exhibit schedule and member profiles as CSV and JSON, for the case file and for scripts.

CSV cells that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, tab or
carriage return) are prefixed with an apostrophe: chat content is hostile input.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from chatprobe.analyse.investigation import Investigation
from chatprobe.model import Finding
from chatprobe.report.redact import Redactor

SCHEDULE_COLUMNS = ("exhibit", "timestamp_as_written", "timestamp_interpreted", "chat", "sender", "text",
                    "categories", "severity", "scores", "explanation", "responses", "review", "source_file",
                    "source_sha256", "line", "message_id")
PROFILE_COLUMNS = ("name", "aliases", "subject", "messages_sent", "flagged_sent", "first_flagged", "last_flagged",
                   "present_for_flagged", "endorsed", "challenged", "silent", "left")


def safe_cell(value: Any) -> str:
    s = "" if value is None else str(value)
    return "'" + s if s[:1] in ("=", "+", "-", "@", "\t", "\r") else s


def explanation(f: Finding) -> str:
    """Why a finding was flagged, in one line: each reason once, then each caution once."""
    reasons, cautions = f.classification.why(f.categories)
    return "; ".join(reasons + [f"caution: {c}" for c in cautions])


def exhibit_rows(inv: Investigation, redactor: Redactor | None = None,
                 reviews: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    r = redactor or Redactor()
    reviews = reviews or {}
    rows = []
    for n, f in enumerate(inv.findings, 1):
        m = f.message
        rows.append({
            "exhibit": f"CP-{n:03d}",
            "timestamp_as_written": m.timestamp_raw,
            "timestamp_interpreted": m.timestamp.isoformat() if m.timestamp else "",
            "chat": r.text(f.chat_title or m.chat_id),
            "sender": r.name(f.sender),
            "text": r.text(m.text),
            "categories": ", ".join(f.categories),
            "severity": f.severity,
            "scores": ", ".join(f"{c} {f.classification.scores.get(c, 0):.2f}" for c in f.categories),
            "explanation": r.text(explanation(f)),
            "responses": "; ".join(f"{r.name(p)}: {x.response}" for p, x in f.responses.items()),
            "review": reviews[m.id].status if m.id in reviews else "unreviewed",
            "source_file": m.source.file,
            "source_sha256": m.source.file_sha256,
            "line": m.source.line_start,
            "message_id": m.id,
        })
    return rows


def profile_rows(inv: Investigation, redactor: Redactor | None = None) -> list[dict[str, Any]]:
    r = redactor or Redactor()
    return [{
        "name": r.name(p.name),
        "aliases": "" if r.active and not p.subject else ", ".join(p.aliases),
        "subject": "yes" if p.subject else "",
        "messages_sent": p.messages_sent,
        "flagged_sent": ", ".join(f"{k} {v}" for k, v in sorted(p.flagged_sent.items())),
        "first_flagged": p.first_flagged.isoformat() if p.first_flagged else "",
        "last_flagged": p.last_flagged.isoformat() if p.last_flagged else "",
        "present_for_flagged": p.present_for_flagged,
        "endorsed": p.responses["endorsement"],
        "challenged": p.responses["counter_speech"],
        "silent": p.responses["silent"],
        "left": p.responses["left"],
    } for p in inv.profiles.values()]


def to_csv(rows: list[dict[str, Any]], columns: tuple[str, ...]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(columns)
    for row in rows:
        w.writerow([safe_cell(row.get(c)) for c in columns])
    return buf.getvalue()
