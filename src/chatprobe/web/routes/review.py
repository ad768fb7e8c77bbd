"""The review queue, a finding's page, review decisions and the audited reveal of a blurred picture."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response

from chatprobe import service
from chatprobe.errors import NotFound
from chatprobe.review.decisions import states
from chatprobe.store import audit
from chatprobe.store import chats as chats_repo
from chatprobe.web.deps import PAGE, CaseAccess, acting, case_access, get_server, is_api, page
from chatprobe.web.server import Server

router = APIRouter()


@router.get("/cases/{name}/queue")
@router.get("/api/cases/{name}/queue")
def queue(request: Request, page_no: int = 1, access: CaseAccess = Depends(case_access),
          server: Server = Depends(get_server)) -> Response:
    name = access.name
    params = {k: v for k, v in request.query_params.items() if k != "page_no"}
    rows, total = server.queue_rows(name, params)
    a = server.analysis(name)
    assert a is not None
    start = (max(1, page_no) - 1) * PAGE
    data = {"name": name, "filters": params, "total": total, "page_no": max(1, page_no), "page_size": PAGE,
            "can_decide": access.user.can_decide,
            "findings": server.with_review(rows[start:start + PAGE], name),
            "members": sorted({f.sender for f in a.investigation.findings}),
            "chats": [{"id": c.chat_id, "title": c.title} for c in a.investigation.chats],
            "categories": sorted({c for f in a.investigation.findings for c in f.categories})}
    return page(request, "queue.html", data, access.user, access.csrf)


@router.get("/cases/{name}/findings/{mid}")
@router.get("/api/cases/{name}/findings/{mid}")
def finding(request: Request, mid: str, access: CaseAccess = Depends(case_access),
            server: Server = Depends(get_server)) -> Response:
    name, case, user = access.name, access.case, access.user
    a = server.analysis(name)
    if a is None:
        raise NotFound(f"case {name} has no findings: it has not been analysed")
    inv = a.investigation
    index = next((i for i, f in enumerate(inv.findings) if f.message.id == mid), None)
    if index is None:
        raise NotFound(f"message {mid} is not a finding of case {name}")
    f = inv.findings[index]
    state = states(case, message_id=mid).get(mid)
    params = {k: v for k, v in request.query_params.items()}
    order, _ = server.queue_rows(name, params)
    ids = [r["message_id"] for r in order]
    pos = ids.index(mid) if mid in ids else None
    reasons, cautions = f.classification.why(f.categories)
    data = {
        "name": name, "message_id": mid, "sender": f.sender, "chat": f.chat_title or f.message.chat_id,
        "chat_id": f.message.chat_id,
        "timestamp": f.message.timestamp.isoformat() if f.message.timestamp else None,
        "timestamp_raw": f.message.timestamp_raw, "text": f.message.text, "kind": f.message.kind.value,
        "categories": list(f.categories), "severity": f.severity,
        "scores": {c: f.classification.scores.get(c) for c in f.categories},
        "explanations": reasons, "cautions": cautions,
        "image_text": f.classification.image_text, "transcript": f.classification.transcript,
        "thumbnails": dict(f.classification.thumbnails),
        "blur": "pornographic_media" in f.categories,
        "responses": {p: r.response for p, r in f.responses.items()},
        "context": [{"id": m.id, "timestamp": m.timestamp.isoformat() if m.timestamp else None, "sender": who,
                     "text": m.text or f"({m.kind.value})", "flagged": m.id == mid} for m, who in f.context],
        "source": {"file": f.message.source.file, "line": f.message.source.line_start,
                   "sha256": f.message.source.file_sha256},
        "review": state.to_json() if state else {"status": "unreviewed", "history": []},
        "next": ids[pos + 1] if pos is not None and pos + 1 < len(ids) else None,
        "prev": ids[pos - 1] if pos else None,
        "can_decide": user.can_decide, "query": str(request.url.query),
    }
    return page(request, "finding.html", data, user, access.csrf)


@router.post("/cases/{name}/findings/{mid}/decision")
@router.post("/api/cases/{name}/findings/{mid}/decision")
def decision(request: Request, mid: str, decision: str = Form(...), note: str = Form(""), stage: int = Form(1),
             next_id: str | None = Form(None), query: str = Form(""),
             access: CaseAccess = Depends(acting("decide"))) -> Response:
    d = service.decide(access.case, mid, decision, note, reviewer=access.user.username, stage=stage)
    if is_api(request):
        return JSONResponse({"message_id": mid, **d.to_json(), "stage": d.stage})
    target = next_id or mid
    return RedirectResponse(f"/cases/{access.name}/findings/{target}" + (f"?{query}" if query else ""),
                            status_code=303)


@router.post("/cases/{name}/findings/{mid}/reveal")
@router.post("/api/cases/{name}/findings/{mid}/reveal")
def reveal(mid: str, attachment: str = Form(...), access: CaseAccess = Depends(acting())) -> Response:
    """Record that a user revealed a blurred picture (the page shows it blurred until clicked). Only a
    picture that exists, on a message of this case, is audited; anything else answers 404."""
    with access.case.store.transaction() as conn:
        if not chats_repo.has_attachment(conn, mid, attachment):
            raise NotFound("no such picture on this message")
        audit.append(conn, "media-reveal", mid, {"attachment": attachment}, actor=access.user.username)
    return JSONResponse({"ok": True})
