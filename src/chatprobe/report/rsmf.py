"""RSMF 2.0 (Relativity Short Message Format): the chosen findings with their conversation, for review
platforms (Relativity, and the many that read RSMF).

An ``.rsmf`` file is an RFC 5322 message with an ``X-RSMF-Version`` header and exactly one base64 attachment,
``rsmf.zip``, holding ``rsmf_manifest.json`` and the files it names (all at the root of the zip):

- participants: each person as chatprobe resolved them (display name; phone as a custom property);
- conversations: one per chat (platform ``whatsapp`` or ``telegram``; ``channel``, since members come and
  go), with the people present at its first exported event; the exporter as custodian when known;
- events: each chosen finding with the messages around it (``--context``), in chat order; joins and leaves
  as ``join``/``leave`` events; replies threaded with ``parent``; deleted messages as ``deleted``;
  attachments from the evidence zip by their sha256-named copy. Every event carries its provenance (file,
  line, sha256 of the source) and chatprobe's finding, categories and review status as custom properties.

Timestamps are written as the export shows them (local time, no zone: WhatsApp exports carry none).
"""

from __future__ import annotations

import email
import hashlib
import io
import json
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from email import policy
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime
from pathlib import Path
from typing import Any

from chatprobe import __version__
from chatprobe.analyse.investigation import Investigation
from chatprobe.analyse.media import media_reader
from chatprobe.analyse.stored import CaseAnalysis
from chatprobe.case import Case
from chatprobe.model import Finding, MembershipKind, Message, MessageKind

VERSION = "2.0.0"
MediaFn = Callable[[str], list[tuple[str, bytes | None]]]
ZIP_DATE = (2000, 1, 1, 0, 0, 0)  # fixed member times: the same input gives the same bytes
JOIN = {MembershipKind.CREATED.value, MembershipKind.ADDED.value, MembershipKind.JOINED_BY_LINK.value}
LEAVE = {MembershipKind.LEFT.value, MembershipKind.REMOVED.value}


@dataclass(frozen=True)
class RsmfResult:
    data: bytes  # the .rsmf file (an .eml)
    manifest: dict[str, Any]
    events: int
    attachments: int


def _ts(m: Message) -> str | None:
    return m.timestamp.isoformat(timespec="seconds") if m.timestamp else None


def _custom(**values: Any) -> list[dict[str, str]]:
    return [{"name": k, "value": str(v)} for k, v in values.items() if v not in (None, "", [])]


def build(inv: Investigation, chosen: Iterable[str], reviews: dict[str, Any], case_name: str,
          media_of: MediaFn | None = None, generated: datetime | None = None) -> RsmfResult:
    """The RSMF for the chosen findings (message ids) of an investigation. ``media_of(message_id)`` gives a
    message's attachments as (name, bytes or None when the export omitted it)."""
    want = set(chosen)
    findings = [f for f in inv.findings if f.message.id in want]
    participants: dict[str, str] = {}  # person -> P1, P2, …

    def pid(person: str | None) -> str | None:
        if not person:
            return None
        if person not in participants:
            participants[person] = f"P{len(participants) + 1}"
        return participants[person]

    by_chat: dict[str, list[Finding]] = {}
    for f in findings:
        by_chat.setdefault(f.message.chat_id, []).append(f)
    chats = {c.chat_id: c for c in inv.chats}
    files: dict[str, bytes] = {}
    conversations: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    for chat_id, fs in by_chat.items():
        chat = chats[chat_id]
        seen: dict[str, tuple[Message, str | None]] = {}
        for f in fs:
            for m, who in f.context:
                seen.setdefault(m.id, (m, who))
        ordered = sorted(seen.values(), key=lambda mw: mw[0].position)
        first_pos = ordered[0][0].position if ordered else 0
        present = sorted(p for p, spans in chat.membership.items()
                         if any(a <= first_pos and (b is None or first_pos < b) for a, b in spans))
        conv = {"id": f"C{len(conversations) + 1}", "display": chat.title or chat_id,
                "platform": chat.platform or "whatsapp", "type": "channel",
                "participants": [pid(p) for p in present],
                "custom": _custom(**{"chatprobe chat id": chat_id, "source file": chat.source_file,
                                     "source sha256": chat.source_sha256})}
        if chat.owner:
            conv["custodian"] = pid(chat.owner)
            if conv["custodian"] not in conv["participants"]:
                conv["participants"].append(conv["custodian"])
        conversations.append(conv)
        flagged = {f.message.id: f for f in fs}
        for m, who in ordered:
            events.append(_event(m, who, conv, pid, flagged.get(m.id), reviews, files,
                                 media_of(m.id) if media_of else [], set(seen)))
    manifest = {"version": VERSION, "participants": [{"id": i, "display": p} for p, i in participants.items()],
                "conversations": conversations, "events": events,
                "eventcollectionid": hashlib.sha256(json.dumps(sorted(want)).encode()).hexdigest()[:32]}
    zbuf = io.BytesIO()
    with zipfile.ZipFile(zbuf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("rsmf_manifest.json", ZIP_DATE),
                   json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8"), zipfile.ZIP_DEFLATED)
        for name in sorted(files):
            z.writestr(zipfile.ZipInfo(name, ZIP_DATE), files[name], zipfile.ZIP_DEFLATED)
    stamps = [e["timestamp"] for e in events if e.get("timestamp")]
    msg = EmailMessage()
    when = generated or datetime.now(timezone.utc)
    msg["From"] = "chatprobe <chatprobe@localhost>"
    msg["Subject"] = f"chatprobe case {case_name}: {len(findings)} findings"
    msg["Date"] = format_datetime(when)
    msg["X-RSMF-Version"] = VERSION
    msg["X-RSMF-Generator"] = f"chatprobe {__version__}"
    msg["X-RSMF-EventCount"] = str(len(events))
    msg["X-RSMF-EventCollectionID"] = manifest["eventcollectionid"]
    if stamps:
        msg["X-RSMF-BeginDate"] = min(stamps)
        msg["X-RSMF-EndDate"] = max(stamps)
    msg.set_content(f"Relativity Short Message Format export by chatprobe {__version__}: case {case_name}, "
                    f"{len(findings)} findings with their context, {len(events)} events in {len(conversations)} "
                    "conversations.\n")
    msg.add_attachment(zbuf.getvalue(), maintype="application", subtype="zip", filename="rsmf.zip")
    return RsmfResult(msg.as_bytes(policy=SMTP), manifest, len(events), len(files))  # CRLF, as RFC 5322 says


def export(case: Case, analysis: CaseAnalysis) -> RsmfResult:
    """The RSMF of a case's reported findings (a ``load_case`` analysis, whole or a chosen set), with their
    context and the pictures read from the evidence."""
    inv = analysis.investigation
    around = {m.id for f in inv.findings for m, _ in f.context}
    return build(inv, [f.message.id for f in inv.findings], analysis.reviews, case.name, media_reader(case, around))


def _event(m: Message, who: str | None, conv: dict[str, Any], pid: Any, finding: Finding | None,
           reviews: dict[str, Any], files: dict[str, bytes], media: list[tuple[str, bytes | None]],
           ids: set[str]) -> dict[str, Any]:
    ev: dict[str, Any] = {"id": m.id, "conversation": conv["id"], "type": "message", "body": m.text or ""}
    if m.kind is MessageKind.SYSTEM:
        kind = m.system_type or ""
        ev["type"] = "join" if kind in JOIN else "leave" if kind in LEAVE else "disclaimer"
    if m.kind is MessageKind.DELETED:
        ev["deleted"] = True
    if _ts(m):
        ev["timestamp"] = _ts(m)
    participant = pid(who)
    if participant:
        ev["participant"] = participant
        if participant not in conv["participants"] and ev["type"] == "message":
            conv["participants"].append(participant)
    if m.reply_to and m.reply_to in ids:
        ev["parent"] = m.reply_to
    attachments = []
    for display, data in media:
        if data is None:  # omitted from the export: said in the body's custom properties instead
            custom_missing = ev.setdefault("_missing", [])
            custom_missing.append(display)
            continue
        name = f"{hashlib.sha256(data).hexdigest()[:16]}{Path(display).suffix.lower()[:10]}"
        files[name] = data
        attachments.append({"id": name, "display": display, "size": len(data)})
    if attachments:
        ev["attachments"] = attachments
    custom = {"source file": m.source.file, "source line": m.source.line_start, "source sha256": m.source.file_sha256,
              "attachments not in the export": ", ".join(ev.pop("_missing", []))}
    if finding is not None:
        state = reviews.get(m.id)
        ev["importance"] = "high"
        custom |= {"chatprobe finding": "yes", "categories": ", ".join(finding.categories),
                   "severity": finding.severity, "review status": state.status if state else "unreviewed"}
    ev["custom"] = _custom(**custom)
    return ev


def read_rsmf(data: bytes) -> tuple[Any, dict[str, Any], dict[str, bytes]]:
    """(the e-mail message, the manifest, the other files of rsmf.zip): what a review platform reads."""
    msg = email.message_from_bytes(data, policy=policy.default)
    attachments = list(msg.iter_attachments())
    if len(attachments) != 1 or attachments[0].get_filename() != "rsmf.zip":
        raise ValueError("an RSMF has exactly one attachment, rsmf.zip")
    with zipfile.ZipFile(io.BytesIO(attachments[0].get_payload(decode=True))) as z:
        files = {n: z.read(n) for n in z.namelist()}
    return msg, json.loads(files.pop("rsmf_manifest.json")), files
