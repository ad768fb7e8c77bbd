"""The audit trail: every action on a case appended to a hash-chained log.

Each row's hash is the SHA-256 of its canonical JSON (id, time, actor, action, target, detail) together
with the previous row's hash, so changing, removing or inserting a row breaks the chain from there on;
:func:`verify_chain` names the first row that does not fit. Rows are appended inside the same transaction
as the action they record, so an action that rolls back leaves no audit row, and an audit row never
describes something that did not happen. Appends are serialised (SQLite's write lock; on PostgreSQL an
exclusive table lock), so concurrent writers cannot fork the chain.

A chain kept only in its own database cannot show that entries were cut from its end, that all were
deleted, or that the database was swapped for an older copy: each of those is still a valid chain. So the
head is also written, after every commit, to an append-only anchor file outside the database
(:class:`Anchor`, ``<case>/audit-anchor.log``), and :func:`verify_anchor` compares the two. A short
receipt (:func:`receipt`) written in a notebook or the case record covers the case where both files are
rolled back together.

What verification proves: every entry is unaltered, in order, none inserted or removed in the middle,
none removed from the end since the anchor (or receipt) recorded it. What it does not prove: that an
action was logged at all by a tool that bypassed chatprobe, or anything about rows other than audit
entries (messages are re-derived from the evidence by ``verify --deep``).
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
import re
import warnings
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, insert, select, text

from chatprobe.errors import InputError
from chatprobe.store import schema as t
from chatprobe.store.db import AUDIT_PENDING

GENESIS = "0" * 64


def _canonical(row: dict[str, Any]) -> bytes:
    keys = ("id", "at", "actor", "action", "target", "detail", "prev_hash")
    return json.dumps({k: row[k] for k in keys}, sort_keys=True, ensure_ascii=False,
                      separators=(",", ":")).encode("utf-8")


def row_hash(row: dict[str, Any]) -> str:
    return hashlib.sha256(_canonical(row)).hexdigest()


def append(conn: Connection, action: str, target: str, detail: dict[str, Any] | None = None,
           actor: str | None = None) -> dict[str, Any]:
    """Append one entry in the caller's transaction; returns the row as written."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("LOCK TABLE audit_log IN EXCLUSIVE MODE"))
    last = conn.execute(select(t.audit_log.c.id, t.audit_log.c.hash).order_by(t.audit_log.c.id.desc()).limit(1)).first()
    row = {
        "id": (last.id + 1) if last else 1,
        "at": datetime.now(timezone.utc).isoformat(timespec="microseconds"),
        "actor": actor or getpass.getuser(),
        "action": action,
        "target": target,
        "detail": json.dumps(detail or {}, sort_keys=True, ensure_ascii=False, separators=(",", ":")),
        "prev_hash": last.hash if last else GENESIS,
    }
    row["hash"] = row_hash(row)
    conn.execute(insert(t.audit_log).values(**row))
    conn.info.setdefault(AUDIT_PENDING, []).append(row)  # anchored by Store.transaction once committed
    return row


@dataclass
class ChainBreak:
    row_id: int
    problem: str

    def __str__(self) -> str:
        return f"audit log row {self.row_id}: {self.problem}"


def verify_chain(conn: Connection) -> tuple[int, ChainBreak | None]:
    """(rows checked, the first break or None)."""
    prev = GENESIS
    expected_id = 1
    n = 0
    for r in conn.execute(select(t.audit_log).order_by(t.audit_log.c.id)):
        row = dict(r._mapping)
        n += 1
        if row["id"] != expected_id:
            return n, ChainBreak(row["id"], f"row {expected_id} is missing (removed from the log)")
        if row["prev_hash"] != prev:
            return n, ChainBreak(row["id"], "does not follow the row before it (a row was removed, inserted or "
                                            "its hash rewritten)")
        if row_hash(row) != row["hash"]:
            return n, ChainBreak(row["id"], f"its content was altered after it was written ({row['action']} "
                                            f"of {row['target']} at {row['at']})")
        prev = row["hash"]
        expected_id += 1
    return n, None


def entries(conn: Connection, action: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    """The log's entries in order (of one action, or all), their detail decoded."""
    q = select(t.audit_log).order_by(t.audit_log.c.id)
    if action is not None:
        q = q.where(t.audit_log.c.action == action)
    if limit:
        q = q.limit(limit)
    return [dict(r._mapping) | {"detail": json.loads(r.detail)} for r in conn.execute(q)]


# --- the anchor: the chain's head, also kept outside the database -------------------------------------------

@dataclass(frozen=True)
class AnchorLine:
    """One head of the chain as it was right after a commit: entry ``id`` had hash ``hash``."""

    id: int
    hash: str
    at: str
    line: int  # in the anchor file


class Anchor:
    """An append-only text file beside the database: one line ``<id> <hash> <time>`` per audit entry,
    written after the entry's transaction commits.

    A database can be truncated, emptied or swapped for an older copy, and its own chain still verifies
    (it is a valid chain, just shorter or older). The anchor remembers how far the chain reached and what
    its entries hashed to, so :func:`verify_anchor` names each of those. It does not help when both the
    database and the anchor are rolled back together: that is what the receipt (:func:`receipt`), written
    down outside the machine, is for.
    """

    def __init__(self, path: Path) -> None:
        self.path = path

    def record(self, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        data = "".join(f"{r['id']} {r['hash']} {r['at']}\n" for r in rows).encode("ascii")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            try:
                # one write per commit: lines from concurrent processes never interleave. No fsync, like the
                # database (WAL, synchronous=NORMAL): a line lost to a power cut shows as "not anchored", a
                # note, never as a false alarm
                os.write(fd, data)
            finally:
                os.close(fd)
        except OSError as exc:  # the action itself has committed; verify will say the anchor lags
            warnings.warn(f"could not write the audit anchor {self.path}: {exc}", stacklevel=2)

    def exists(self) -> bool:
        return self.path.exists()

    def read(self) -> tuple[list[AnchorLine], list[int]]:
        """(the lines that parse, numbers of lines that do not)."""
        good: list[AnchorLine] = []
        bad: list[int] = []
        if not self.path.exists():
            return good, bad
        with open(self.path, encoding="ascii", errors="replace") as f:
            for n, line in enumerate(f, 1):
                parts = line.split()
                if len(parts) == 3 and parts[0].isdigit() and len(parts[1]) == 64 and line.endswith("\n"):
                    good.append(AnchorLine(int(parts[0]), parts[1], parts[2], n))
                else:
                    bad.append(n)
        return good, bad


@dataclass(frozen=True)
class AnchorCheck:
    """What comparing the log with its anchor found. ``problems`` fail verification; ``notes`` do not."""

    anchored: int  # the highest entry id the anchor recorded
    problems: tuple[str, ...]
    notes: tuple[str, ...]


def verify_anchor(conn: Connection, anchor: Anchor | None) -> AnchorCheck:
    """Compare the log in the database with the heads its anchor file recorded."""
    heads = {r.id: r.hash for r in conn.execute(select(t.audit_log.c.id, t.audit_log.c.hash))}
    last = max(heads, default=0)
    if anchor is None:
        return AnchorCheck(0, (), ("no anchor file is kept for this database",))
    if not anchor.exists():
        if last:
            return AnchorCheck(0, (f"the anchor file {anchor.path} is missing, so removal of entries from the end "
                                   "of the log cannot be ruled out (a case from before anchoring: run "
                                   "`chatprobe audit anchor` once to start it, with --server for the web server's log)",), ())
        return AnchorCheck(0, (), ())
    lines, bad = anchor.read()
    problems: list[str] = []
    notes: list[str] = []
    if bad:
        problems.append(f"the anchor file {anchor.path} has {len(bad)} unreadable lines (first: line {bad[0]}); "
                        "it was edited by hand or damaged")
    top = max(lines, key=lambda a: a.id, default=None)
    if top is not None and top.id > last:
        if last == 0:
            problems.append(f"the audit log is empty, but the anchor recorded {top.id} entries (the last at {top.at}): "
                            "the whole log was deleted, or the database replaced by an empty one")
        else:
            problems.append(f"the audit log ends at entry {last}, but the anchor recorded entry {top.id} at {top.at}: "
                            f"entries {last + 1}–{top.id} were removed from the end of the log, or the database "
                            "was replaced by an older copy")
    for a in sorted(lines, key=lambda a: a.id):
        if a.id in heads and heads[a.id] != a.hash:
            problems.append(f"entry {a.id} does not match the anchor (anchored at {a.at}, line {a.line}): the "
                            "database was replaced by another copy, or the log rewritten from there on")
            break
    anchored = top.id if top else 0
    if last > anchored:
        notes.append(f"entries {anchored + 1}–{last} are not in the anchor file (written by a tool without "
                     "anchoring, or the process stopped between commit and anchor)")
    return AnchorCheck(anchored, tuple(problems), tuple(notes))


def start_anchor(store: Any, target: str) -> None:
    """Start the anchor of a log kept before anchors existed: the log as it stands is taken on trust, once
    (its chain is checked by verify), and that is an audited entry of its own."""
    if store.anchor.exists():
        raise InputError(f"{store.anchor.path} exists already", "nothing to do: verify checks it")
    with store.engine.connect() as conn:
        entries = [dict(r._mapping) for r in conn.execute(select(t.audit_log).order_by(t.audit_log.c.id))]
    store.anchor.record(entries)
    with store.transaction() as conn:
        append(conn, "anchor-started", target, {"entries_taken_on_trust": len(entries)})


def head(conn: Connection) -> dict[str, Any] | None:
    """The last entry: id, hash and time (what a receipt records)."""
    r = conn.execute(select(t.audit_log.c.id, t.audit_log.c.hash, t.audit_log.c.at)
                     .order_by(t.audit_log.c.id.desc()).limit(1)).first()
    return {"id": r.id, "hash": r.hash, "at": r.at} if r else None


RECEIPT_HEX = 16


def receipt(name: str, row: dict[str, Any] | None) -> str:
    """A line short enough to write in a notebook: ``<case> audit #<id> <first 16 hex of its hash>``."""
    if row is None:
        return f"{name} audit #0 (empty)"
    return f"{name} audit #{row['id']} {row['hash'][:RECEIPT_HEX]}"


def check_receipt(conn: Connection, text: str) -> str | None:
    """None when the log still holds the entry a receipt recorded, with that hash; otherwise the problem."""
    m = re.search(r"#?(\d+)\s*[: ]\s*([0-9a-fA-F]{8,64})", text)
    if m is None:
        raise InputError(f"cannot read the receipt {text!r}",
                         "give it as printed by verify or `chatprobe audit receipt`, e.g. '17 3f2a9c1b0d4e5f60'")
    entry, prefix = int(m.group(1)), m.group(2).lower()
    r = conn.execute(select(t.audit_log.c.hash).where(t.audit_log.c.id == entry)).first()
    if r is None:
        return f"the receipt names entry {entry}, which is no longer in the log (removed, or an older database)"
    if not r.hash.startswith(prefix):
        return f"entry {entry} no longer has the hash the receipt recorded ({prefix}…): the log was rewritten"
    return None
