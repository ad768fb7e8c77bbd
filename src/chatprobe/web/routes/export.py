"""Exports: the export form, and the report of every finding, the confirmed ones or a chosen set."""

from __future__ import annotations

import re
from typing import Literal

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from chatprobe import service
from chatprobe.review import workbench as wb
from chatprobe.service import Selection
from chatprobe.web.deps import CaseAccess, acting, case_access, page

router = APIRouter()


@router.get("/cases/{name}/report")
def report_page(request: Request, access: CaseAccess = Depends(case_access)) -> Response:
    """The export form. Viewing it writes nothing; the export itself is a POST, audited once."""
    return page(request, "report.html", {"name": access.name, "tags": wb.tags(access.case)}, access.user,
                access.csrf)


@router.post("/cases/{name}/report")
@router.post("/api/cases/{name}/report")
def report(confirmed: int = Form(0), tag: str = Form(""), status: str = Form(""), q: str = Form(""),
           format: str = Form("html"), access: CaseAccess = Depends(acting())) -> Response:
    """The report of every finding, the confirmed ones, or a chosen set (tag, status, search), as HTML
    or RSMF 2.0; each export is audited once, with the file's sha256."""
    selection = Selection(bool(confirmed), tag or None, status or None, q or None)
    analysis = service.investigate(access.case, selection=selection)
    fmt: Literal["html", "rsmf"] = "rsmf" if format == "rsmf" else "html"
    body = service.export_bytes(access.case, analysis, fmt, access.user.username, selection)
    media_type = "message/rfc822" if fmt == "rsmf" else "text/html; charset=utf-8"
    chosen, name = selection.label(), access.name
    safe = re.sub(r"[^A-Za-z0-9._-]+", "_", chosen)[:60]
    filename = f"chatprobe-{name}{'-' + safe if safe else ''}.{fmt}"  # name is a checked slug
    return Response(body, media_type=media_type,
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})
