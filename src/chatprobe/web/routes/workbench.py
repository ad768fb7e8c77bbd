"""The workbench: a chat read as a whole, attached pictures, search over every message, saved searches, and
one action on many messages."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response

from chatprobe.analyse.investigation import present_at
from chatprobe.analyse.media import media_reader
from chatprobe.errors import InputError, NotFound
from chatprobe.review import workbench as wb
from chatprobe.web.deps import PAGE, CaseAccess, acting, case_access, get_server, is_api, page
from chatprobe.web.server import Server

router = APIRouter()


@router.get("/cases/{name}/chats/{chat_id}")
@router.get("/api/cases/{name}/chats/{chat_id}")
def conversation_page(request: Request, chat_id: str, around: str | None = None, start: int | None = None,
                      access: CaseAccess = Depends(case_access), server: Server = Depends(get_server)) -> Response:
    """A chat read as a whole, a page at a time: around a message, or from a position."""
    name = access.name
    page_ = wb.conversation(access.case, chat_id, around=around, start=start)  # NotFound: no such chat or message
    flagged = server.finding_ids(name)
    reviews = server.review_states(name)
    a = server.analysis(name)
    chat = next((c for c in a.investigation.chats if c.chat_id == chat_id), None) if a else None
    present = present_at(chat.membership, page_.start) if chat else []
    for m in page_.messages:
        m["flagged"] = m["id"] in flagged
        m["status"] = (reviews[m["id"]].status if m["id"] in reviews else "unreviewed") if m["flagged"] else None
        m["media"] = [x | {"url": f"/cases/{name}/media/{m['id']}/{quote(x['name'])}"}
                      for x in m["attachments"] if x["present"] and x["type"] in ("image", "sticker", "gif")]
    data = page_.to_json() | {"name": name, "around": around, "present": present,
                              "owner": chat.owner if chat else None, "can_decide": access.user.can_decide}
    return page(request, "conversation.html", data, access.user, access.csrf)


@router.get("/cases/{name}/media/{mid}/{attachment}")
def media(mid: str, attachment: str, access: CaseAccess = Depends(case_access)) -> Response:
    """An attached picture, read from the evidence (the page blurs flagged ones until clicked)."""
    data = next((d for n, d in media_reader(access.case, {mid})(mid) if n == attachment and d), None)
    if data is None:
        raise NotFound("no such picture on this message")
    kind = {".png": "image/png", ".gif": "image/gif", ".webp": "image/webp"}.get(Path(attachment).suffix.lower(),
                                                                                  "image/jpeg")
    return Response(data, media_type=kind, headers={"Content-Disposition": "inline",
                                                    "Cache-Control": "private, no-store"})


def search_query(params: dict[str, str]) -> wb.Query:
    return wb.Query.from_params({k: v for k, v in params.items() if k in wb.Query.__dataclass_fields__})


@router.get("/cases/{name}/search")
@router.get("/api/cases/{name}/search")
def search_page(request: Request, page_no: int = 1, access: CaseAccess = Depends(case_access),
                server: Server = Depends(get_server)) -> Response:
    """Every message, not only findings: words, prefix*, "phrases", with filters; saved searches."""
    name, case = access.name, access.case
    params = {k: v for k, v in request.query_params.items() if k != "page_no"}
    query = search_query(params)
    searched = any(query.to_params().values())
    hits, total = wb.search(case, query, limit=PAGE, offset=(max(1, page_no) - 1) * PAGE) if searched else ([], 0)
    flagged = server.finding_ids(name)
    rows = []
    for h in hits:
        parts: list[tuple[str, bool]] = []
        at = 0
        for a, b in h.marks:
            if a >= at:
                parts += [(h.text[at:a], False), (h.text[a:b], True)]
                at = b
        parts.append((h.text[at:], False))
        rows.append(h.to_json() | {"parts": parts, "flagged": h.message_id in flagged})
    analysis = server.analysis(name)
    data: dict[str, Any] = {
        "name": name, "params": params, "total": total, "page_no": max(1, page_no), "page_size": PAGE,
        "hits": rows, "saved": wb.saved_searches(case), "tags": wb.tags(case),
        "chats": [{"id": c.chat_id, "title": c.title} for c in analysis.investigation.chats] if analysis else [],
        "can_decide": access.user.can_decide}
    return page(request, "search.html", data, access.user, access.csrf)


@router.post("/cases/{name}/searches")
@router.post("/api/cases/{name}/searches")
async def save_search(request: Request, access: CaseAccess = Depends(acting())) -> Response:
    form = await request.form()
    query = search_query({k: str(v) for k, v in form.items()})
    wb.save_search(access.case, str(form.get("search_name", "")), query, actor=access.user.username)
    if is_api(request):
        return JSONResponse({"ok": True})
    return RedirectResponse(f"/cases/{access.name}/search?" + urlencode(query.to_params()), status_code=303)


@router.post("/cases/{name}/bulk")
@router.post("/api/cases/{name}/bulk")
async def bulk(request: Request, access: CaseAccess = Depends(acting("decide")),
               server: Server = Depends(get_server)) -> Response:
    """One action on many messages: the ticked ones, or every one the filters or search select. Decisions
    and tags are audited item by item, all in one transaction."""
    form = await request.form()
    name, case = access.name, access.case
    action = str(form.get("action", ""))
    if str(form.get("scope", "checked")) == "all":
        query = search_query({k.removeprefix("f_"): str(v) for k, v in form.items() if k.startswith("f_")})
        ids = wb.matching_ids(case, query)
    else:
        ids = [str(x) for x in form.getlist("ids")]
    if not ids:
        raise InputError("nothing selected", "tick findings, or choose 'every one matching'")
    if action in ("confirm", "dismiss", "escalate"):
        flagged = server.finding_ids(name)
        ids = [i for i in ids if i in flagged] if str(form.get("scope")) == "all" else ids
        changed = wb.bulk_decide(case, ids, action, str(form.get("note", "")), reviewer=access.user.username)
    elif action in ("tag", "untag"):
        changed = wb.tag(case, ids, str(form.get("tag", "")), actor=access.user.username, remove=action == "untag")
    else:
        raise InputError("choose an action: confirm, dismiss, escalate, tag or untag")
    if is_api(request):
        return JSONResponse({"action": action, "selected": len(ids), "changed": changed})
    back = str(form.get("back", "")) or f"/cases/{name}/queue"
    if not back.startswith(f"/cases/{name}/"):
        back = f"/cases/{name}/queue"
    return RedirectResponse(back, status_code=303)
