"""Write every requested output of a case analysis: HTML, PDF, JSON, CSV exhibit schedule and profiles.

Each file is written to a temporary name beside its target and renamed into place, so an interrupted run
never leaves a half-written report behind.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from chatprobe.analyse.stored import CaseAnalysis
from chatprobe.case import Case
from chatprobe.errors import OutputError
from chatprobe.report import exports
from chatprobe.report.html import render
from chatprobe.report.pdf import html_to_pdf
from chatprobe.report.redact import Redactor
from chatprobe.store import audit


@dataclass
class Outputs:
    html: Path | None = None
    pdf: Path | None = None
    json: Path | None = None  # Path("-") = stdout
    csv_dir: Path | None = None


def result_json(analysis: CaseAnalysis, case_name: str, redactor: Redactor | None = None) -> dict[str, Any]:
    """The investigation as JSON (see ``Investigation.to_json``) plus the case, run and method."""
    data = analysis.investigation.to_json()
    r = redactor or Redactor()
    if r.active:
        r.prepare(analysis.investigation.profiles,
                  {p.name: p.aliases for p in analysis.investigation.profiles.values()})
        data = _redact_json(data, r)
    data["case"] = case_name
    data["analysis_run"] = {k: analysis.run[k] for k in ("id", "started_at", "finished_at", "tool_version", "status")}
    data["pipeline"] = json.loads(analysis.run["pipeline"])
    if r.active:  # the members whose own emoji the case found (analyse/signature.py) are named there too
        for x in (data["pipeline"].get("own_emoji") or {}).get("found", []):
            x["sender"] = r.name(x.get("sender")) or x.get("sender")
    data["evidence"] = [{"file": e["original_name"], "sha256": e["sha256"], "size": e["size"]}
                        for e in analysis.evidence]
    data["import_warnings"] = [{"file": w["file"], "line": w["line"], "code": w["code"], "message": w["message"]}
                               for w in analysis.warnings]
    data["media"] = {"analysed": analysis.media_analysed, "not_analysed": analysis.media_not_analysed}
    for f in data["findings"]:
        state = analysis.reviews.get(f["message_id"])
        f["review"] = state.to_json() if state else {"status": "unreviewed"}
    o = analysis.investigation.options
    data["options"] = {"context_before": o.context_before, "context_after": o.context_after,
                       "window_messages": o.window_messages, "window_minutes": o.window_minutes}
    return data


def _redact_json(data: dict[str, Any], r: Redactor) -> dict[str, Any]:
    for m in data["members"]:
        if not m["subject"]:
            m["aliases"] = []
        m["name"] = r.name(m["name"])
    for c in data["chats"]:
        c["members"] = [r.name(x) for x in c["members"]]
        c["membership"] = {r.name(k): v for k, v in c["membership"].items()}
        c["title"] = r.text(c["title"]) if c["title"] else c["title"]
    for f in data["findings"]:
        f["sender"] = r.name(f["sender"])
        f["sender_as_written"] = r.name(f["sender_as_written"])
        f["text"] = r.text(f["text"])
        f["present"] = [r.name(x) for x in f["present"]]
        f["responses"] = {r.name(k): v for k, v in f["responses"].items()}
        f["response_messages"] = {r.name(k): v for k, v in f["response_messages"].items()}
        for e in f["explanations"]:
            for k in ("note", "matched"):
                if isinstance(e.get(k), str):
                    e[k] = r.text(e[k])
    return data


def atomic_write(path: Path, data: bytes) -> None:
    """Write beside the target and rename into place: never a half-written file under the target's name."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.partial")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OutputError(f"cannot write {path}: {exc.strerror}", hint="check the folder exists and is writable") \
            from None


def write_outputs(analysis: CaseAnalysis, case_name: str, outputs: Outputs, redactor: Redactor | None = None,
                  people_file: str | None = None, generated: datetime | None = None) -> list[Path]:
    written: list[Path] = []
    r = redactor or Redactor()
    html = None
    if outputs.html or outputs.pdf:
        html = render(analysis, case_name, r, generated=generated, people_file=people_file)
    if outputs.html and html is not None:
        atomic_write(outputs.html, html.encode("utf-8"))
        written.append(outputs.html)
    if outputs.pdf and html is not None:
        html_to_pdf(html, outputs.pdf)
        written.append(outputs.pdf)
    if outputs.json:
        payload = json.dumps(result_json(analysis, case_name, r), ensure_ascii=False, indent=1,
                             sort_keys=False).encode("utf-8") + b"\n"
        if str(outputs.json) == "-":
            sys.stdout.buffer.write(payload)
            sys.stdout.buffer.flush()
        else:
            atomic_write(outputs.json, payload)
            written.append(outputs.json)
    if outputs.csv_dir:
        inv = analysis.investigation
        for name, rows, cols in (("exhibits.csv", exports.exhibit_rows(inv, r, analysis.reviews),
                                  exports.SCHEDULE_COLUMNS),
                                 ("members.csv", exports.profile_rows(inv, r), exports.PROFILE_COLUMNS)):
            target = Path(outputs.csv_dir) / name
            atomic_write(target, exports.to_csv(rows, cols).encode("utf-8-sig"))
            written.append(target)
        target = Path(outputs.csv_dir) / "exhibits.json"
        atomic_write(target, json.dumps(exports.exhibit_rows(inv, r, analysis.reviews), ensure_ascii=False,
                                   indent=1).encode("utf-8"))
        written.append(target)
    return written


def record_export(case: Case, written: list[Path], redactor: Redactor | None, run_id: int) -> None:
    """Audit what was exported: each file's sha256, the analysis run and the redaction used."""
    files = {str(p): hashlib.sha256(Path(p).read_bytes()).hexdigest() for p in written if Path(p).is_file()}
    r = redactor or Redactor()
    with case.store.transaction() as conn:
        audit.append(conn, "export", ", ".join(Path(p).name for p in written) or "(stdout)", {
            "files": files, "analysis_run": run_id, "redact_phones": r.phones, "redact_others": r.others})
