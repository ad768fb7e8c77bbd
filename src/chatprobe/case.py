"""A case: its evidence store and its database, and the intake that fills both.

    case = Case.open("op-larch")                # ./chatprobe-cases/op-larch/{case.db,evidence/}
    report = case.import_paths([Path("chat.zip")])
    checked, problems = case.verify()
"""

from __future__ import annotations

import fcntl
import getpass
import json
import os
import re
import socket
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import Connection

from chatprobe import __version__
from chatprobe.errors import ChatprobeError, InputError, NotFound, ParseError
from chatprobe.store.evidence import EvidenceStore, StoredEvidence, VerifyProblem
from chatprobe.ingest import ChatStream, open_chats, sources_for
from chatprobe.ingest.boundary import reading
from chatprobe.ingest.source import Archive, require_file, sha256_file
from chatprobe.ingest.whatsapp_db import warn_wal
from chatprobe.model import MessageKind, ParseWarning
from chatprobe.store import Store, audit, intake
from chatprobe.store.intake import MESSAGE_COLUMNS, message_row

BATCH = 5000
ProgressFn = Callable[[str, int, int], None]  # (label, bytes done, bytes total)


CASE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,79}")
ANCHOR_FILE = "audit-anchor.log"


def check_case_name(name: str) -> str:
    """A case name is a safe slug: it names a folder, a database file and a download. The case's title (any
    text) lives in its record."""
    if not isinstance(name, str) or not CASE_NAME.fullmatch(name) or ".." in name:
        raise InputError(f"invalid case name {name!r}",
                         "use 1-80 letters, digits, dots, dashes or underscores, starting with a letter or digit "
                         "(e.g. op-larch); give the full title in the case record")
    return name


YOU = frozenset({"You", "you"})  # what importers call the exporter in system messages (normalised to "You")


def owner_name(owner: str) -> str:
    """The exporter's name as given (--owner, chatprobe owner): a name, never "You" itself."""
    if not owner.strip() or owner.strip() in YOU:
        raise InputError(f"{owner!r} is not a name", "give the exporter's name as it appears in the chat")
    return owner.strip()


def infer_owner(title: str | None, senders: set[str]) -> tuple[str | None, str | None]:
    """The exporter, when the export says so: a one-to-one chat is named after the other person
    ("WhatsApp Chat with Bob"), so of its two senders the exporter is the one who is not Bob."""
    named = {s for s in senders if s not in YOU}
    if title and len(named) == 2 and title in named:
        owner = next(iter(named - {title}))
        return owner, f"inferred: a one-to-one chat named after {title}, so the exporter is the other sender"
    return None, None


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
    def open(cls, name: str = "default", home: Path | None = None, db: str | None = None,
             recover: bool = True) -> Case:
        """Open (or create) a case. Imports that were killed (``kill -9``, power cut) are found and
        recovered first, unless ``recover`` is False (see :meth:`recover_interrupted`)."""
        check_case_name(name)
        root = (home or default_home()) / name
        store = Store.open(db or root / "case.db").with_anchor(audit.Anchor(root / ANCHOR_FILE))
        case = cls(name, root, store)
        if recover:
            try:
                case.recover_interrupted()
            except BaseException:
                case.close()
                raise
        return case

    def close(self) -> None:
        self.store.close()

    # --- intake -----------------------------------------------------------------------------------------

    def import_paths(self, paths: Iterable[Path], date_order: str | None = None,
                     progress: ProgressFn | None = None, command: str | None = None,
                     workers: int = 1, owner: str | None = None, accept_warnings: bool = False) -> ImportReport:
        """Import export files, each in one transaction.

        ``owner``: the person who exported them (the phone's owner), whom their system messages call "You";
        inferred for one-to-one chats when not given. A parse that cannot be trusted (a forced day/month
        order the file contradicts, many headers with impossible dates) fails the file, unless
        ``accept_warnings``: then it is imported with a warning."""
        opts = _Intake(date_order, workers, owner_name(owner) if owner is not None else None, accept_warnings,
                       progress)
        with self.store.transaction() as conn:
            run_id = intake.start_run(conn, started_at=_now(), run_by=getpass.getuser(), host=socket.gethostname(),
                                      tool_version=__version__, command=command or " ".join(sys.argv))
            # held until the run ends; taken before the run row commits, so a 'running' row whose lock
            # is free belongs to a process that died (see recover_interrupted)
            lock = _RunLock.take(self.root, int(run_id))
        report = ImportReport(int(run_id))
        status = "interrupted"
        try:
            for path in paths:
                outcome = self._import_one(Path(path), run_id, opts, report, lock)
                report.files.append(outcome)
            status = "failed" if report.failed else "ok"
        finally:
            with self.store.transaction() as conn:
                intake.end_run(conn, run_id, _now(), status)
                if status == "interrupted":
                    audit.append(conn, "import-interrupted", f"import run {run_id}", {
                        "import_run": int(run_id), "how": "stopped in this process (Ctrl-C or an error)",
                        "files_done": len(report.files)})
            lock.release()
        return report

    def _import_one(self, path: Path, run_id: int, opts: _Intake, report: ImportReport,
                    lock: _RunLock) -> FileOutcome:
        try:
            require_file(path)
            stored = lock.put(self.evidence, path)
        except ChatprobeError as exc:
            return FileOutcome(str(path), None, "failed", str(exc))
        if self.store.has_evidence(stored.sha256):
            with self.store.transaction() as conn:
                self._intake(conn, run_id, stored.sha256, path, "already-imported")
            return FileOutcome(str(path), stored.sha256, "already-imported")
        try:
            outcome = self._ingest(path, stored, run_id, opts, report, lock)
        except ChatprobeError as exc:
            self.evidence.discard(stored)
            with self.store.transaction() as conn:
                self._intake(conn, run_id, stored.sha256, path, "failed", str(exc))
            return FileOutcome(str(path), stored.sha256, "failed", str(exc))
        except BaseException:
            self.evidence.discard(stored)
            raise
        return outcome

    @staticmethod
    def _trust(stream: ChatStream, opts: _Intake) -> None:
        """Stop at a parse that cannot be trusted (before its messages are read, and after), unless the user
        accepts it: then it stays as a warning."""
        problem = stream.collapse()
        if problem is None or any(w.code == "parse-accepted" for w in stream.warnings.items):
            return
        if not opts.accept_warnings:
            raise ParseError(f"{stream.source.display}: not imported: {problem}",
                             "nothing from this file was stored")
        stream.warnings.add(stream.source.display, None, "parse-accepted", f"imported with --accept-warnings: {problem}")

    def set_owner(self, owner: str, chat_id: str | None = None, actor: str | None = None) -> list[str]:
        """Name the exporter of a case's chats (all of them, or one); audited. Returns the chat ids changed."""
        owner = owner_name(owner)
        with self.store.transaction() as conn:
            rows = intake.owners(conn, chat_id)
            if not rows:
                raise NotFound(f"no chat {chat_id!r} in case {self.name}" if chat_id else f"case {self.name} has no chats",
                                 "list the chats with: chatprobe analyse --case NAME --json")
            ids = [r.id for r in rows]
            intake.set_owner(conn, ids, owner, "chatprobe owner")
            audit.append(conn, "owner-set", ", ".join(ids)[:500], {
                "owner": owner, "was": {r.id: r.owner for r in rows}}, actor=actor)
        return ids

    def _intake(self, conn: Connection, run_id: int, sha: str, path: Path, outcome: str,
                error: str | None = None) -> None:
        intake.add_intake(conn, import_run_id=run_id, evidence_sha256=sha, source_path=str(path.resolve()),
                          outcome=outcome, at=_now())
        detail = {"sha256": sha, "outcome": outcome, "path": str(path.resolve()), "import_run": int(run_id),
                  "tool_version": __version__}
        if error:
            detail["error"] = error[:2000]
        audit.append(conn, "import", path.name, detail)

    def _ingest(self, path: Path, stored: StoredEvidence, run_id: int, opts: _Intake, report: ImportReport,
                lock: _RunLock) -> FileOutcome:
        contacts = self._contacts_beside(path, stored, lock)
        try:
            return self._ingest_with(path, stored, contacts, run_id, opts, report)
        except BaseException:  # the wa.db copy goes too, unless other evidence already registered it
            if contacts is not None and not self.store.has_evidence(contacts.sha256):
                self.evidence.discard(contacts)
            raise

    def _ingest_with(self, path: Path, stored: StoredEvidence, contacts: StoredEvidence | None, run_id: int,
                     opts: _Intake, report: ImportReport) -> FileOutcome:
        with reading(path.name):  # anything unforeseen in the input becomes one error naming the file
            streams, archive = _open_stored(stored.path, stored.sha256, stored.size, path.name, opts.date_order,
                                            opts.workers, contacts.path if contacts else None)
            if contacts is not None or (streams and streams[0].layout.name.endswith("-database")):
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
                self._trust(stream, opts)
                outcome.chats.append(self._insert_chat(conn, run_id, stream, opts))
                self._trust(stream, opts)
                self._warnings(conn, run_id, stream)
            for stream in streams:
                report.warnings.extend(stream.warnings.all())
            if not any(c.messages for c in outcome.chats) and not any(
                    w.code == "duplicate-chat" for s in streams for w in s.warnings.items):
                empty = ParseWarning(path.name, None, "no-messages",
                                     f"{len(streams)} chats but not one message was read from this file: it is "
                                     "empty, or a variant chatprobe does not read; check it by hand")
                report.warnings.append(empty)
                intake.add_warnings(conn, [{"import_run_id": run_id, "chat_id": None, "file": empty.file,
                                            "line": None, "code": empty.code, "message": empty.message}])
            self._intake(conn, run_id, stored.sha256, path, "imported")
        return outcome

    def _contacts_beside(self, path: Path, stored: StoredEvidence, lock: _RunLock) -> StoredEvidence | None:
        """An Android wa.db next to a msgstore.db: stored as evidence too, for the senders' names."""
        beside = path.with_name("wa.db")
        if path.name == "wa.db" or not beside.is_file():
            return None
        with open(stored.path, "rb") as f:
            if not f.read(16).startswith(b"SQLite format 3"):
                return None
        with reading(beside.name):
            return lock.put(self.evidence, beside)

    def _insert_evidence(self, conn: Connection, path: Path, stored: StoredEvidence, archive: Archive | None,
                         streams: list[ChatStream], fmt: str | None = None) -> None:
        fmt = fmt or ("zip:" if archive else "") + (streams[0].platform if streams else "unknown")
        if streams and streams[0].layout.name.endswith("-database"):
            fmt = "whatsapp-db:" + streams[0].layout.name.removesuffix("-database")
        intake.add_evidence(
            conn, [{"name": m.name, "size": m.size, "sha256": m.sha256} for m in archive.members] if archive else [],
            sha256=stored.sha256, size=stored.size, original_name=path.name, original_path=str(path.resolve()),
            stored_path=str(stored.path.relative_to(self.root)) if stored.path.is_relative_to(self.root)
            else str(stored.path),
            format=fmt, imported_at=_now(), imported_by=getpass.getuser(), host=socket.gethostname(),
            tool_version=__version__)

    def _insert_chat(self, conn: Connection, run_id: int, stream: ChatStream,
                     opts: _Intake) -> ChatSummary:
        progress, owner = opts.progress, opts.owner
        intake.add_chat(
            conn, id=stream.chat_id, platform=stream.platform, title=stream.title, source_file=stream.source.display,
            source_sha256=stream.source.sha256, evidence_sha256=stream.source.evidence_sha256,
            layout=stream.layout.name, date_order=stream.layout.date_order,
            date_order_source=stream.layout.date_order_source,
            layout_evidence=json.dumps(list(stream.layout.evidence)), import_run_id=run_id)
        kinds: Counter[MessageKind] = Counter()
        first: str | None = None
        last: str | None = None
        batch: list[tuple[Any, ...]] = []
        attachments: list[tuple[Any, ...]] = []
        total = stream.source.size
        senders: set[str] = set()
        n = 0
        for n, msg in enumerate(stream.messages(), 1):
            kinds[msg.kind] += 1
            if msg.sender is not None:
                senders.add(msg.sender)
            ts = msg.timestamp.isoformat() if msg.timestamp else None
            if ts:
                if first is None or ts < first:
                    first = ts
                if last is None or ts > last:
                    last = ts
            batch.append(message_row(msg))
            for a in msg.attachments:
                attachments.append((msg.id, a.name, a.type, a.present, a.size, a.sha256))
            if len(batch) >= BATCH:
                intake.add_messages(conn, batch, attachments)
                batch, attachments = [], []
                if progress:
                    progress(stream.source.display, min(stream.bytes_done, total), total)
        intake.add_messages(conn, batch, attachments)
        if progress:
            progress(stream.source.display, total, total)
        intake.add_events(conn, [
            {"chat_id": e.chat_id, "message_id": e.message_id, "kind": e.kind.value, "subject": e.subject,
             "actor": e.actor, "timestamp": e.timestamp.isoformat() if e.timestamp else None, "detail": e.detail}
            for e in stream.events])
        intake.add_participants(conn, stream.chat_id, stream.participants.values())
        owner_source = "--owner" if owner else None
        if owner is None:
            owner, owner_source = infer_owner(stream.title, senders)
        you_in_events = any("You" in (e.subject, e.actor) for e in stream.events)
        if owner is None and you_in_events and "You" not in senders:
            stream.warnings.add(stream.source.display, None, "exporter-unknown",
                                "'You' in this chat's system messages is whoever exported it, whose own messages "
                                "appear under their name: until it is known who that is, 'You' is left out of "
                                "membership, presence and responses. Name them: chatprobe owner NAME --case "
                                f"{self.name} --chat {stream.chat_id} (or --owner NAME when importing)")
        intake.finish_chat(conn, stream.chat_id, message_count=n, title=stream.title, owner=owner,
                           owner_source=owner_source)
        return ChatSummary(stream.chat_id, stream.platform, stream.title, stream.source.display,
                           stream.layout.name, stream.layout.date_order, stream.layout.date_order_source,
                           stream.layout.evidence, n, {k.value: v for k, v in kinds.items()},
                           len(stream.participants), first, last,
                           len(stream.events))

    def _warnings(self, conn: Connection, run_id: int, stream: ChatStream) -> None:
        intake.add_warnings(conn, [
            {"import_run_id": run_id, "chat_id": stream.chat_id, "file": w.file or stream.source.display,
             "line": w.line, "code": w.code, "message": w.message}
            for w in stream.warnings.all()])

    # --- interrupted imports --------------------------------------------------------------------------------

    def recover_interrupted(self) -> list[dict[str, Any]]:
        """Find imports whose process died (``kill -9``, a crash, a power cut) and put the case right.

        The database rolled their open transaction back by itself; what is left is the run marked
        ``running`` and, possibly, the evidence copy it had made. A run is dead when its lock file is free
        (the kernel releases it with the process). Its copy is removed when the original is still where it
        was read from, with the same hash (import it again from there); otherwise the copy is the only one
        and is adopted: kept, read-only, in ``evidence/recovered/`` to import again from there. Each
        recovery is one audit entry; ``verify`` lists them. Runs on other hosts are left alone.
        """
        with self.store.engine.connect() as conn:
            running = intake.running_runs(conn)
        recovered = []
        for run in running:
            if run.host != socket.gethostname():
                continue
            lock = _RunLock.probe(self.root, int(run.id))
            if lock is None:  # its process is alive
                continue
            try:
                recovered.append(self._recover_run(run, lock))
            finally:
                lock.release()
        return recovered

    def _recover_run(self, run: Any, lock: _RunLock) -> dict[str, Any]:
        removed: list[str] = []
        kept: list[str] = []
        for entry in lock.journal():
            sha = entry.get("sha256")
            if not sha or not entry.get("new") or self.store.has_evidence(sha):
                continue
            copy = self.evidence.path_for(sha)
            if not copy.exists():
                continue
            original = Path(entry.get("path", ""))
            try:
                same = original.is_file() and sha256_file(original)[0] == sha
            except OSError:
                same = False
            if same:
                self.evidence.discard(StoredEvidence(sha, 0, copy, newly_added=True))
                removed.append(sha)
            else:
                self.evidence.set_aside(sha)
                kept.append(sha)
        partial = self.evidence.discard_staging(f"run{run.id}")
        detail = {"import_run": int(run.id), "started_at": run.started_at, "host": run.host,
                  "how": "the importing process died (its lock was free)", "stray_copies_removed": removed,
                  "stray_copies_kept": [f"evidence/recovered/{k}" for k in kept], "partial_copies_removed": partial}
        with self.store.transaction() as conn:
            intake.end_run(conn, int(run.id), _now(), "interrupted", only_running=True)
            audit.append(conn, "import-interrupted", f"import run {run.id}", detail)
        return detail

    # --- verification -----------------------------------------------------------------------------------

    def verify(self) -> tuple[int, list[VerifyProblem]]:
        """Re-hash the evidence store against the database."""
        expected = {row["sha256"]: int(row["size"]) for row in self.store.evidence_rows()}
        return self.evidence.verify(expected)

    def verify_audit(self) -> tuple[int, audit.ChainBreak | None]:
        """Check the audit log's hash chain: (rows checked, the first break or None)."""
        with self.store.engine.connect() as conn:
            return audit.verify_chain(conn)

    def verify_anchor(self) -> audit.AnchorCheck:
        """Compare the audit log with its anchor file: truncation, deletion and older copies are named."""
        with self.store.engine.connect() as conn:
            return audit.verify_anchor(conn, self.store.anchor)

    def receipt(self) -> str:
        """The audit log's head as a short line to write down outside the machine."""
        with self.store.engine.connect() as conn:
            return audit.receipt(self.name, audit.head(conn))

    def check_receipt(self, text: str) -> str | None:
        with self.store.engine.connect() as conn:
            return audit.check_receipt(conn, text)

    def start_anchor(self) -> str:
        """Start the anchor of a case made before anchoring (audited); returns the receipt."""
        audit.start_anchor(self.store, ANCHOR_FILE)
        return self.receipt()

    def history(self) -> list[str]:
        """What verify says about how imports ended: interrupted runs and their recovery, runs still open."""
        notes: list[str] = []
        with self.store.engine.connect() as conn:
            for e in audit.entries(conn, "import-interrupted"):
                d = e["detail"]
                what = [d.get("how", "interrupted")]
                if d.get("stray_copies_removed"):
                    what.append(f"{len(d['stray_copies_removed'])} stray evidence copy removed (its original "
                                "was still in place)")
                if d.get("stray_copies_kept"):
                    what.append("stray evidence kept at " + ", ".join(d["stray_copies_kept"])
                                + " (its original was gone: import it again from there)")
                notes.append(f"import run {d.get('import_run')} was interrupted (recorded {e['at']}): "
                             + "; ".join(what))
            for r in intake.running_runs(conn):
                notes.append(f"import run {r.id} (started {r.started_at} on {r.host}) is still running, or "
                             "stopped on another host")
        return notes

    def verify_deep(self, progress: Callable[[str], None] | None = None) -> tuple[int, list[str]]:
        """Re-parse every evidence file and compare the messages with the stored rows.

        Message rows are not hash-chained: they are derived from the evidence, so deriving them again is the
        check. Returns (messages compared, problems): each inserted, deleted or altered message is named
        (the first 20 per chat, then a count).
        """
        problems: list[str] = []
        compared = 0
        with self.store.engine.connect() as conn:
            evidence = intake.evidence(conn)
            chats = intake.chats(conn)
        contacts = {str(Path(e["original_path"]).parent): e for e in evidence if e["format"] == "whatsapp-contacts"}
        for ev in evidence:
            if ev["format"] == "whatsapp-contacts":
                continue
            name = ev["original_name"]
            if progress:
                progress(name)
            mine = {cid: c for cid, c in chats.items() if c["evidence_sha256"] == ev["sha256"]}
            stored = self.evidence.path_for(ev["sha256"])
            order = next((c["date_order"] for c in mine.values() if c["platform"] == "whatsapp"), None)
            beside = contacts.get(str(Path(ev["original_path"]).parent))
            derived: dict[str, dict[str, tuple[Any, ...]]] = {}
            try:
                streams, _ = _open_stored(stored, ev["sha256"], int(ev["size"]), name, order, 1,
                                          self.evidence.path_for(beside["sha256"]) if beside else None)
                for stream in streams:
                    if stream.chat_id in mine:
                        derived[stream.chat_id] = {m.id: message_row(m) for m in stream.messages()}
            except (ChatprobeError, OSError) as exc:
                problems.append(f"{name}: cannot be parsed again: {exc}")
                continue
            for cid in sorted(mine):
                if cid not in derived:
                    problems.append(f"{name}: chat {cid} is in the database but not in the evidence")
                    continue
                compared += len(derived[cid])
                problems.extend(self._compare_chat(name, cid, derived[cid]))
        return compared, problems

    def _compare_chat(self, name: str, chat_id: str, derived: dict[str, tuple[Any, ...]]) -> list[str]:
        found: list[str] = []
        seen: set[str] = set()
        edited = MESSAGE_COLUMNS.index("edited")
        line = MESSAGE_COLUMNS.index("line_start")
        with self.store.engine.connect() as conn:
            for r in intake.stored_messages(conn, chat_id):
                row = tuple(bool(v) if i == edited else v for i, v in enumerate(r))
                mid = row[0]
                seen.add(mid)
                want = derived.get(mid)
                if want is None:
                    found.append(f"{name}: message {mid} is in the database but not in the evidence (inserted)")
                elif want != row:
                    fields = [c for c, a, b in zip(MESSAGE_COLUMNS, want, row, strict=True) if a != b]
                    found.append(f"{name}: message {mid} (line {want[line]}) differs from the evidence in "
                                 f"{', '.join(fields)} (altered)")
        for mid, want in derived.items():
            if mid not in seen:
                found.append(f"{name}: message {mid} (line {want[line]}) is in the evidence but not in the "
                             "database (deleted)")
        if len(found) > 20:
            found = found[:20] + [f"{name}: … and {len(found) - 20} more differences in chat {chat_id}"]
        return found


def _open_stored(stored: Path, sha: str, size: int, name: str, date_order: str | None, workers: int,
                 contacts: Path | None) -> tuple[list[ChatStream], Archive | None]:
    """The chat streams of a stored evidence file, named after the original (``name``), not the store's
    hash path: for import, and for verify --deep to parse it again the same way."""
    sources, archive = sources_for(stored, sha, size, name)
    streams: list[ChatStream] = []
    for source in sources:
        streams.extend(open_chats(source, date_order=date_order, workers=workers, contacts=contacts))
    return streams, archive


@dataclass(frozen=True)
class _Intake:
    """How one import run reads its files (see :meth:`Case.import_paths`)."""

    date_order: str | None
    workers: int
    owner: str | None
    accept_warnings: bool
    progress: ProgressFn | None


class _RunLock:
    """``<case>/locks/import-<run>.lock``: an exclusive lock held by the importing process (the kernel frees
    it when the process dies, however it dies) and a journal of the evidence copies the run made."""

    def __init__(self, path: Path, fd: int, run_id: int) -> None:
        self.path, self.fd, self.run_id = path, fd, run_id

    @staticmethod
    def _path(root: Path, run_id: int) -> Path:
        return root / "locks" / f"import-{run_id}.lock"

    @classmethod
    def take(cls, root: Path, run_id: int) -> _RunLock:
        path = cls._path(root, run_id)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o644)
        except OSError as exc:
            raise ChatprobeError(f"cannot create the import lock {path}: {exc}",
                                 "choose a writable case folder with --home") from exc
        fcntl.flock(fd, fcntl.LOCK_EX)
        lock = cls(path, fd, run_id)
        lock.note({"pid": os.getpid(), "host": socket.gethostname()})
        return lock

    @classmethod
    def probe(cls, root: Path, run_id: int) -> _RunLock | None:
        """The lock of a dead run (now held by the caller), or None while its process lives."""
        path = cls._path(root, run_id)
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o644)
        except OSError:
            return None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return None
        return cls(path, fd, run_id)

    def put(self, evidence: EvidenceStore, original: Path) -> StoredEvidence:
        """Copy a file into the evidence store for this run, journalled before and after, so a copy left by
        a killed run is found (:meth:`Case.recover_interrupted`)."""
        self.note({"copying": str(original.resolve())})
        stored = evidence.put(original, tag=f"run{self.run_id}")
        self.note({"sha256": stored.sha256, "path": str(original.resolve()), "new": stored.newly_added})
        return stored

    def note(self, entry: dict[str, Any]) -> None:
        os.write(self.fd, (json.dumps(entry, sort_keys=True) + "\n").encode("utf-8"))
        os.fsync(self.fd)

    def journal(self) -> list[dict[str, Any]]:
        out = []
        try:
            with open(self.path, encoding="utf-8", errors="replace") as f:
                for line in f:
                    try:
                        out.append(json.loads(line))
                    except ValueError:
                        continue  # a line torn by the crash
        except OSError:
            pass
        return out

    def release(self) -> None:
        try:
            self.path.unlink(missing_ok=True)
        finally:
            os.close(self.fd)
