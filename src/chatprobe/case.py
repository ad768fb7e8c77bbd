"""A case: its evidence store and its database, and the intake that fills both.

    case = Case.open("op-larch")                # ./chatprobe-cases/op-larch/{case.db,evidence/}
    report = case.import_paths([Path("chat.zip")])
    checked, problems = case.verify()
"""

from __future__ import annotations

import getpass
import json
import os
import socket
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, insert, update

from chatprobe import __version__, audit
from chatprobe.errors import ChatprobeError, InputError
from chatprobe.evidence import EvidenceStore, StoredEvidence, VerifyProblem
from chatprobe.ingest import ChatStream, open_chats, sources_for
from chatprobe.ingest.source import Archive, require_file
from chatprobe.model import MessageKind, ParseWarning
from chatprobe.store import Store
from chatprobe.store import schema as t
from chatprobe.store.db import bulk_insert

BATCH = 5000
MESSAGE_COLUMNS = ("id", "chat_id", "position", "timestamp_raw", "timestamp", "sender", "kind", "system_type",
                   "text", "edited", "reply_to", "source_file", "source_sha256", "line_start", "line_end")
ATTACHMENT_COLUMNS = ("message_id", "name", "type", "present", "size", "sha256")
ProgressFn = Callable[[str, int, int], None]  # (label, bytes done, bytes total)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def default_home() -> Path:
    return Path(os.environ.get("CHATPROBE_HOME", "chatprobe-cases"))


@dataclass
class ChatSummary:
    chat_id: str
    platform: str
    title: str | None
    source: str
    layout: str
    date_order: str | None
    date_order_source: str | None
    evidence: tuple[str, ...]
    messages: int
    kinds: dict[str, int]
    participants: int
    first: str | None
    last: str | None
    events: int


@dataclass
class FileOutcome:
    path: str
    sha256: str | None
    outcome: str  # imported | already-imported | failed
    error: str | None = None
    chats: list[ChatSummary] = field(default_factory=list)


@dataclass
class ImportReport:
    run_id: int
    files: list[FileOutcome] = field(default_factory=list)
    warnings: list[ParseWarning] = field(default_factory=list)

    @property
    def failed(self) -> list[FileOutcome]:
        return [f for f in self.files if f.outcome == "failed"]

    def to_json(self) -> dict[str, Any]:
        return {
            "run_id": self.run_id,
            "files": [
                {"path": f.path, "sha256": f.sha256, "outcome": f.outcome, "error": f.error,
                 "chats": [c.__dict__ | {"evidence": list(c.evidence)} for c in f.chats]}
                for f in self.files
            ],
            "warnings": [asdict(w) for w in self.warnings],
        }


class Case:
    def __init__(self, name: str, root: Path, store: Store) -> None:
        self.name = name
        self.root = root
        self.store = store
        self.evidence = EvidenceStore(root / "evidence")

    @classmethod
    def open(cls, name: str = "default", home: Path | None = None, db: str | None = None) -> Case:
        if not name or "/" in name or "\\" in name or name.startswith("."):
            raise InputError(f"invalid case name {name!r}", "use letters, digits, dashes and underscores")
        root = (home or default_home()) / name
        store = Store.open(db or root / "case.db")
        return cls(name, root, store)

    def close(self) -> None:
        self.store.close()

    # --- intake -----------------------------------------------------------------------------------------

    def import_paths(self, paths: Iterable[Path], date_order: str | None = None,
                     progress: ProgressFn | None = None, command: str | None = None,
                     workers: int = 1) -> ImportReport:
        with self.store.transaction() as conn:
            run_id = conn.execute(insert(t.import_run).values(
                started_at=_now(), run_by=getpass.getuser(), host=socket.gethostname(),
                tool_version=__version__, command=command or " ".join(sys.argv), status="running",
            )).inserted_primary_key[0]
        report = ImportReport(int(run_id))
        status = "interrupted"
        try:
            for path in paths:
                outcome = self._import_one(Path(path), run_id, date_order, progress, report, workers)
                report.files.append(outcome)
            status = "failed" if report.failed else "ok"
        finally:
            with self.store.transaction() as conn:
                conn.execute(update(t.import_run).where(t.import_run.c.id == run_id).values(
                    finished_at=_now(), status=status))
        return report

    def _import_one(self, path: Path, run_id: int, date_order: str | None, progress: ProgressFn | None,
                    report: ImportReport, workers: int) -> FileOutcome:
        try:
            require_file(path)
            stored = self.evidence.put(path)
        except ChatprobeError as exc:
            return FileOutcome(str(path), None, "failed", str(exc))
        if self.store.has_evidence(stored.sha256):
            with self.store.transaction() as conn:
                self._intake(conn, run_id, stored.sha256, path, "already-imported")
            return FileOutcome(str(path), stored.sha256, "already-imported")
        try:
            outcome = self._ingest(path, stored, run_id, date_order, progress, report, workers)
        except ChatprobeError as exc:
            self.evidence.discard(stored)
            with self.store.transaction() as conn:
                self._intake(conn, run_id, stored.sha256, path, "failed")
            return FileOutcome(str(path), stored.sha256, "failed", str(exc))
        except BaseException:
            self.evidence.discard(stored)
            raise
        return outcome

    def _intake(self, conn: Connection, run_id: int, sha: str, path: Path, outcome: str) -> None:
        conn.execute(insert(t.intake).values(import_run_id=run_id, evidence_sha256=sha,
                                             source_path=str(path.resolve()), outcome=outcome, at=_now()))
        audit.append(conn, "import", path.name, {"sha256": sha, "outcome": outcome, "path": str(path.resolve()),
                                                 "import_run": int(run_id), "tool_version": __version__})

    def _ingest(self, path: Path, stored: StoredEvidence, run_id: int, date_order: str | None,
                progress: ProgressFn | None, report: ImportReport, workers: int) -> FileOutcome:
        sources, archive = sources_for(stored.path, stored.sha256, stored.size)
        for s in sources:  # name things after the original, not the store's hash path
            s.display = s.display.replace(stored.path.name, path.name, 1)
        contacts = self._contacts_beside(path, stored)
        streams: list[ChatStream] = []
        for source in sources:
            streams.extend(open_chats(source, date_order=date_order, workers=workers,
                                      contacts=contacts.path if contacts else None))
        if contacts is not None or (streams and streams[0].layout.name.endswith("-database")):
            from chatprobe.ingest.whatsapp_db import warn_wal
            warn_wal(path, streams)
        outcome = FileOutcome(str(path), stored.sha256, "imported")
        with self.store.transaction() as conn:
            self._insert_evidence(conn, path, stored, archive, streams)
            if contacts is not None and not self.store.has_evidence(contacts.sha256):
                self._insert_evidence(conn, path.with_name("wa.db"), contacts, None, [], fmt="whatsapp-contacts")
            for stream in streams:
                if self.store.has_chat(stream.chat_id):
                    stream.warnings.add(stream.source.display, None, "duplicate-chat",
                                        f"this chat ({stream.chat_id}) was already imported from other evidence; "
                                        "not imported twice")
                    self._warnings(conn, run_id, stream)
                    continue
                outcome.chats.append(self._insert_chat(conn, run_id, stream, progress))
                self._warnings(conn, run_id, stream)
            for stream in streams:
                report.warnings.extend(stream.warnings.all())
            self._intake(conn, run_id, stored.sha256, path, "imported")
        return outcome

    def _contacts_beside(self, path: Path, stored: StoredEvidence) -> StoredEvidence | None:
        """An Android wa.db next to a msgstore.db: stored as evidence too, for the senders' names."""
        beside = path.with_name("wa.db")
        if path.name == "wa.db" or not beside.is_file():
            return None
        with open(stored.path, "rb") as f:
            if not f.read(16).startswith(b"SQLite format 3"):
                return None
        return self.evidence.put(beside)

    def _insert_evidence(self, conn: Connection, path: Path, stored: StoredEvidence, archive: Archive | None,
                         streams: list[ChatStream], fmt: str | None = None) -> None:
        fmt = fmt or ("zip:" if archive else "") + (streams[0].platform if streams else "unknown")
        if streams and streams[0].layout.name.endswith("-database"):
            fmt = "whatsapp-db:" + streams[0].layout.name.removesuffix("-database")
        conn.execute(insert(t.evidence).values(
            sha256=stored.sha256, size=stored.size, original_name=path.name, original_path=str(path.resolve()),
            stored_path=str(stored.path.relative_to(self.root)) if stored.path.is_relative_to(self.root)
            else str(stored.path),
            format=fmt, imported_at=_now(), imported_by=getpass.getuser(), host=socket.gethostname(),
            tool_version=__version__,
        ))
        if archive:
            conn.execute(insert(t.evidence_member), [
                {"evidence_sha256": stored.sha256, "name": m.name, "size": m.size, "sha256": m.sha256}
                for m in archive.members
            ])

    def _insert_chat(self, conn: Connection, run_id: int, stream: ChatStream,
                     progress: ProgressFn | None) -> ChatSummary:
        conn.execute(insert(t.chat).values(
            id=stream.chat_id, platform=stream.platform, title=stream.title, source_file=stream.source.display,
            source_sha256=stream.source.sha256, evidence_sha256=stream.source.evidence_sha256,
            layout=stream.layout.name, date_order=stream.layout.date_order,
            date_order_source=stream.layout.date_order_source,
            layout_evidence=json.dumps(list(stream.layout.evidence)), import_run_id=run_id, message_count=0,
        ))
        kinds: Counter[MessageKind] = Counter()
        first: str | None = None
        last: str | None = None
        batch: list[tuple[Any, ...]] = []
        attachments: list[tuple[Any, ...]] = []
        total = stream.source.size
        n = 0
        for n, msg in enumerate(stream.messages(), 1):
            kinds[msg.kind] += 1
            ts = msg.timestamp.isoformat() if msg.timestamp else None
            if ts:
                if first is None or ts < first:
                    first = ts
                if last is None or ts > last:
                    last = ts
            src = msg.source
            batch.append((msg.id, msg.chat_id, msg.position, msg.timestamp_raw, ts, msg.sender, msg.kind.value,
                          msg.system_type, msg.text, msg.edited, msg.reply_to, src.file, src.file_sha256,
                          src.line_start, src.line_end))
            for a in msg.attachments:
                attachments.append((msg.id, a.name, a.type, a.present, a.size, a.sha256))
            if len(batch) >= BATCH:
                bulk_insert(conn, t.message, MESSAGE_COLUMNS, batch)
                bulk_insert(conn, t.attachment, ATTACHMENT_COLUMNS, attachments)
                batch, attachments = [], []
                if progress:
                    progress(stream.source.display, min(stream.bytes_done, total), total)
        bulk_insert(conn, t.message, MESSAGE_COLUMNS, batch)
        bulk_insert(conn, t.attachment, ATTACHMENT_COLUMNS, attachments)
        if progress:
            progress(stream.source.display, total, total)
        if stream.events:
            conn.execute(insert(t.membership_event), [
                {"chat_id": e.chat_id, "message_id": e.message_id, "kind": e.kind.value, "subject": e.subject,
                 "actor": e.actor, "timestamp": e.timestamp.isoformat() if e.timestamp else None,
                 "detail": e.detail}
                for e in stream.events
            ])
        if stream.participants:
            conn.execute(insert(t.participant), [
                {"chat_id": stream.chat_id, "display_name": p.display_name, "phone": p.phone,
                 "aliases": json.dumps(list(p.aliases))}
                for p in stream.participants.values()
            ])
        conn.execute(update(t.chat).where(t.chat.c.id == stream.chat_id).values(message_count=n,
                                                                                 title=stream.title))
        return ChatSummary(stream.chat_id, stream.platform, stream.title, stream.source.display,
                           stream.layout.name, stream.layout.date_order, stream.layout.date_order_source,
                           stream.layout.evidence, n, {k.value: v for k, v in kinds.items()},
                           len(stream.participants), first, last,
                           len(stream.events))

    def _warnings(self, conn: Connection, run_id: int, stream: ChatStream) -> None:
        items = stream.warnings.all()
        if items:
            conn.execute(insert(t.import_warning), [
                {"import_run_id": run_id, "chat_id": stream.chat_id, "file": w.file or stream.source.display,
                 "line": w.line, "code": w.code, "message": w.message}
                for w in items
            ])

    # --- verification -----------------------------------------------------------------------------------

    def verify(self) -> tuple[int, list[VerifyProblem]]:
        """Re-hash the evidence store against the database."""
        expected = {row["sha256"]: int(row["size"]) for row in self.store.evidence_rows()}
        return self.evidence.verify(expected)

    def verify_audit(self) -> tuple[int, audit.ChainBreak | None]:
        """Check the audit log's hash chain: (rows checked, the first break or None)."""
        with self.store.engine.connect() as conn:
            return audit.verify_chain(conn)
