"""The case list, a case's page and its records: the case record, subjects and what is recorded about each."""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response

from chatprobe.errors import NotFound
from chatprobe.review import records as rec
from chatprobe.store import runs
from chatprobe.web.deps import (
    CaseAccess,
    Session,
    acting,
    case_access,
    form_list,
    get_server,
    is_api,
    page,
    session,
)
from chatprobe.web.server import Server

router = APIRouter()


@router.get("/cases")
@router.get("/api/cases")
def cases(request: Request, s: Session = Depends(session), server: Server = Depends(get_server)) -> Response:
    rows = []
    for name in server.case_names():
        if not s.user.can_see(name):
            continue
        case = server.case(name)
        run = runs.latest(case.store)
        findings = None
        if run is not None:  # counted from the stored run: listing cases must not build each investigation
            with case.store.engine.connect() as conn:
                findings = len(runs.flagged_ids(conn, run["id"]))
        record = rec.record(case)
        rows.append({"name": name, "title": record["title"], "status": record["status"], "findings": findings})
    return page(request, "cases.html", {"cases": rows}, s.user, s.csrf)


@router.get("/cases/{name}")
@router.get("/api/cases/{name}")
def case_page(request: Request, access: CaseAccess = Depends(case_access),
              server: Server = Depends(get_server)) -> Response:
    name, case, user = access.name, access.case, access.user
    a = server.analysis(name)
    reviews = server.review_states(name)
    standards = rec.standards()
    data: dict[str, Any] = {"name": name, "record": rec.record(case), "subjects": rec.subjects(case),
                            "standards": list(standards.standards),
                            "severity_levels": list(standards.severity_levels),
                            "statuses": list(standards.statuses),
                            "subject_statuses": list(standards.subject_statuses),
                            "can_edit": user.can_edit}
    if a:
        described = json.loads(a.run["pipeline"])
        data["not_assessed"] = described.get("not_assessed", {})
        data["own_emoji_cautioned"] = int((described.get("own_emoji") or {}).get("cautioned", 0))
        inv = a.investigation.to_json()
        data["chats"] = inv["chats"]
        data["members"] = inv["members"]
        data["findings"] = len(inv["findings"])
        counts: dict[str, int] = {}
        for f in a.investigation.findings:
            st = reviews[f.message.id].status if f.message.id in reviews else "unreviewed"
            counts[st] = counts.get(st, 0) + 1
        data["review_counts"] = counts
    return page(request, "case.html", data, user, access.csrf)


@router.post("/cases/{name}/record")
@router.post("/api/cases/{name}/record")
async def edit_record(request: Request, access: CaseAccess = Depends(acting("edit"))) -> Response:
    form = await request.form()
    new = rec.update_record(access.case, access.user.username,
                            **{k: str(form[k]) for k in rec.RECORD_FIELDS if k in form})
    return JSONResponse(new) if is_api(request) else RedirectResponse(f"/cases/{access.name}", status_code=303)


@router.post("/cases/{name}/subjects")
@router.post("/api/cases/{name}/subjects")
def save_subject(request: Request, subject_name: str = Form(...), role: str = Form(""),
                 status: str = Form("serving"), identifiers: str = Form(""), members: str = Form(""),
                 subject_id: int | None = Form(None), access: CaseAccess = Depends(acting("edit"))) -> Response:
    sid = rec.save_subject(access.case, access.user.username, subject_name, role, status, form_list(identifiers),
                           form_list(members), subject_id)
    return JSONResponse({"subject_id": sid}) if is_api(request) else \
        RedirectResponse(f"/cases/{access.name}#subject-{sid}", status_code=303)


@router.post("/cases/{name}/subjects/{sid}/{what}")
@router.post("/api/cases/{name}/subjects/{sid}/{what}")
async def subject_child(request: Request, sid: int, what: str,
                        access: CaseAccess = Depends(acting("edit"))) -> Response:
    form = await request.form()
    case, by = access.case, access.user.username
    f = {k: str(v) for k, v in form.items()}
    if what == "allegation":
        new_id = rec.add_allegation(case, by, sid, [str(x) for x in form.getlist("standards")],
                                    form_list(f.get("categories", "")), form_list(f.get("findings", "")),
                                    f.get("summary", ""))
    elif what == "severity":
        new_id = rec.assess_severity(case, by, sid, f.get("level", ""), f.get("rationale", ""))
    elif what == "notice":
        new_id = rec.add_notice(case, by, sid, f.get("kind", ""), f.get("served_on", ""), f.get("note", ""))
    elif what == "representation":
        new_id = rec.add_representation(case, by, sid, f.get("received_on", ""), f.get("summary", ""))
    else:
        raise NotFound(f"no record kind {what!r}")
    return JSONResponse({"id": new_id}) if is_api(request) else \
        RedirectResponse(f"/cases/{access.name}#subject-{sid}", status_code=303)
