"""The web server's state: the cases it serves, opened once, and per-case caches of the investigation (built
once per analysis run) and of review states (brought up to date with the decisions added since)."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chatprobe.analyse.stored import CaseAnalysis, load_case
from chatprobe.case import CASE_NAME, Case
from chatprobe.errors import NotFound, NothingToAnalyse
from chatprobe.review.decisions import ReviewState, apply
from chatprobe.store import Store, runs
from chatprobe.store import reviews as reviews_repo
from chatprobe.store import server as server_repo


@dataclass
class Server:
    home: Path
    store: Store
    cases: dict[str, Case] = field(default_factory=dict)
    analyses: dict[str, tuple[int, CaseAnalysis]] = field(default_factory=dict)
    reviews: dict[str, tuple[int, dict[str, ReviewState]]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    computing: dict[str, threading.Lock] = field(default_factory=dict)  # one investigation build per case
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    flagged: dict[str, frozenset[str]] = field(default_factory=dict)  # finding message ids, per case
    _names: tuple[float, list[str]] = (0.0, [])

    def case_names(self) -> list[str]:
        """Cases under home and registered ones (looked up at most every 5 seconds)."""
        at, names = self._names
        if time.monotonic() - at < 5:
            return names
        found = {p.parent.name for p in self.home.glob("*/case.db") if CASE_NAME.fullmatch(p.parent.name)}
        with self.store.engine.connect() as conn:
            found |= server_repo.case_names(conn)
        self._names = (time.monotonic(), sorted(found))
        return self._names[1]

    def review_states(self, name: str) -> dict[str, ReviewState]:
        """Review states of a case. Decisions added since the last call (by anyone, any process) are read
        and applied; nothing else is re-read."""
        case = self.case(name)
        with self.lock:
            version, current = self.reviews.get(name, (0, {}))
        with case.store.engine.connect() as conn:
            new = reviews_repo.rows(conn, after=version)
        if not new:
            return current
        with self.lock:
            version, current = self.reviews.get(name, (0, {}))
            fresh = dict(current)
            for r in new:
                if r.id > version:
                    apply(fresh, r)
            self.reviews[name] = (max(version, new[-1].id), fresh)
            return fresh

    def case(self, name: str) -> Case:
        with self.lock:
            c = self.cases.get(name)
            if c is None:
                if name not in self.case_names():
                    raise NotFound(f"no case {name}")
                with self.store.engine.connect() as conn:
                    url = server_repo.case_url(conn, name)
                c = self.cases[name] = Case.open(name, home=self.home, db=url)
            return c

    def analysis(self, name: str) -> CaseAnalysis | None:
        """The case's investigation, computed once per analysis run (reviews are read fresh by callers)."""
        case = self.case(name)
        run = runs.latest(case.store)
        if run is None:
            return None
        with self.lock:
            cached = self.analyses.get(name)
            if cached and cached[0] == run["id"]:
                return cached[1]
            building = self.computing.setdefault(name, threading.Lock())
        with building:  # concurrent requests wait for one build instead of each building it
            with self.lock:
                cached = self.analyses.get(name)
                if cached and cached[0] == run["id"]:
                    return cached[1]
            a = load_case(case)
            rows = _base_rows(a)
            with self.lock:
                self.analyses[name] = (run["id"], a)
                self.rows[name] = rows
                self.flagged[name] = frozenset(r["message_id"] for r in rows)
        return a

    def base_rows(self, name: str) -> list[dict[str, Any]]:
        """The findings as queue rows, most severe first, built once per analysis run."""
        self.analysis(name)
        with self.lock:
            return self.rows[name]

    def finding_ids(self, name: str) -> frozenset[str]:
        """The case's finding ids, built once per analysis run (empty before the first analysis)."""
        if self.analysis(name) is None:
            return frozenset()
        with self.lock:
            return self.flagged[name]

    def queue_rows(self, name: str, params: dict[str, str]) -> tuple[list[dict[str, Any]], int]:
        """Findings matching the filters, most severe first (rows without their review state)."""
        if self.analysis(name) is None:
            raise NothingToAnalyse(f"case {name} has not been analysed yet", hint=f"chatprobe analyse --case {name}")
        reviews = self.review_states(name)
        q = params.get("q", "").strip().casefold()
        member, category, chat = params.get("member"), params.get("category"), params.get("chat")
        status, since, until = params.get("status"), params.get("date_from"), params.get("date_to")
        rows = []
        for r in self.base_rows(name):
            if member and r["sender"] != member or category and category not in r["categories"]:
                continue
            if chat and r["chat_id"] != chat or q and q not in r["_search"]:
                continue
            if since and r["timestamp"][:10] < since or until and r["timestamp"][:10] > until:
                continue
            if status:
                state = reviews.get(r["message_id"])
                if (state.status if state else "unreviewed") != status:
                    continue
            rows.append(r)
        return rows, len(rows)

    def with_review(self, rows: list[dict[str, Any]], name: str) -> list[dict[str, Any]]:
        reviews = self.review_states(name)
        out = []
        for r in rows:
            state = reviews.get(r["message_id"])
            out.append({k: v for k, v in r.items() if not k.startswith("_")} | {
                "status": state.status if state else "unreviewed", "agreement": state.agreement if state else None})
        return out

    def close(self) -> None:
        for c in self.cases.values():
            c.close()
        self.store.close()


def _base_rows(a: CaseAnalysis) -> list[dict[str, Any]]:
    rows = []
    for f in a.investigation.findings:
        m = f.message
        rows.append({"message_id": m.id, "sender": f.sender, "timestamp": m.timestamp.isoformat() if m.timestamp else "",
                     "chat": f.chat_title or m.chat_id, "chat_id": m.chat_id, "text": m.text or f"({m.kind.value})",
                     "categories": list(f.categories), "severity": f.severity, "score": round(f.score, 3),
                     "caution": f.cautioned,
                     "_search": (m.text + " " + (f.classification.image_text or "") + " "
                                 + (f.classification.transcript or "")).casefold()})
    # most severe first; at a severity, a flag that looks like a known misreading (a caution: a member's own emoji read
    # as hate, talk of illness read as sexual) after those that do not
    rows.sort(key=lambda r: (-r["severity"], r["caution"], -r["score"], r["message_id"]))
    return rows
