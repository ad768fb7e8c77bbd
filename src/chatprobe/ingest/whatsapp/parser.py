"""Streaming WhatsApp "Export chat" parser: scan, then parse, over byte ranges.

1. :func:`~chatprobe.ingest.whatsapp.scan.detect` picks the header layout from the first lines.
2. The file is cut into byte ranges that start on headers (one range for small files) and each range is
   scanned for date evidence and sender names; the parts merge into one day/month decision for the file.
3. :meth:`WhatsAppChatStream.messages` parses the ranges in order in this process (handing Message
   objects between processes costs as much as parsing them). :meth:`WhatsAppChatStream.write_jsonl`
   parses and serialises the other ranges in worker processes at the same time and copies their output
   in order. Memory stays flat, and the output is the same whatever the number of ranges.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import replace
from concurrent.futures import Executor, ProcessPoolExecutor
from pathlib import Path
from typing import BinaryIO

from chatprobe.ingest.boundary import reading
from chatprobe.ingest.base import ChatStream, message_jsonl
from chatprobe.ingest.source import Source
from chatprobe.ingest.whatsapp.layouts import LAYOUTS
import orjson

from chatprobe.ingest.whatsapp.messages import RangeConfig, RangeParser, RangeResult
from chatprobe.ingest.whatsapp.scan import (
    DETECT_LINES,
    ScanResult,
    decide_date_order,
    detect,
    merge,
    plan_ranges,
    scan_range,
)
from chatprobe.model import Layout, Message

DATE_ORDERS = ("dmy", "mdy", "ymd")


def default_workers() -> int:
    env = os.environ.get("CHATPROBE_WORKERS")
    if env and env.isdigit():
        return max(1, int(env))
    return max(1, min(os.cpu_count() or 1, 4))


def _pool(n: int) -> Executor:
    # fork starts a worker in milliseconds (spawn takes a quarter of a second), but forking a process
    # with other threads running (a progress bar, say) can deadlock the child: then spawn. Workers never
    # touch what they inherit (database connections included) and leave through os._exit.
    method = "fork" if hasattr(os, "fork") and threading.active_count() == 1 else "spawn"
    return ProcessPoolExecutor(max_workers=n, mp_context=multiprocessing.get_context(method))


class WhatsAppChatStream(ChatStream):
    platform = "whatsapp"

    def __init__(self, source: Source, date_order: str | None = None, workers: int = 1) -> None:
        """``workers`` > 1 parses large files in that many processes (0: one per core, up to four). Where
        they must be spawned (other threads running), callers need the usual ``if __name__ ==
        "__main__":`` guard."""
        super().__init__(source)
        if date_order is not None and date_order not in DATE_ORDERS:
            raise ValueError(f"date order must be one of {DATE_ORDERS}")
        detection = detect(source)
        bounds = plan_ranges(source, detection, workers if workers > 0 else default_workers())
        args = [(source, detection.layout.name, detection.encoding, s, e) for s, e in bounds]
        self._pool: Executor | None = None
        if len(bounds) == 1:
            parts = [scan_range(*args[0])]
        else:
            # One pool serves both passes: starting worker processes is the expensive part.
            self._pool = _pool(len(bounds))
            try:
                parts = list(self._pool.map(scan_range, *zip(*args, strict=True)))
            except BaseException:
                self._release_pool()
                raise
        self._scan: ScanResult = merge(detection, bounds, parts)
        order, origin, notes, warning = decide_date_order(self._scan.dates, date_order)
        self.date_order = order
        lay = detection.layout
        evidence = [
            f"{detection.matches} of the first {min(detection.lines_seen, DETECT_LINES)} lines match "
            f"the {lay.name} header ({lay.description})",
            f"encoding {detection.encoding}",
            *notes,
        ]
        self.layout = Layout("whatsapp", lay.name, order, origin, tuple(evidence))
        if warning:
            self.warnings.add(source.display, None, "date-order", warning)
        # a forced order the file contradicts (a day above 12 where the order puts the month)
        self.date_order_conflict = warning if date_order is not None and warning else None
        self.headers = 0
        self.bad_headers = 0
        self.chat_id = f"wa-{source.sha256[:16]}"
        # from the member's or the original file's name (display names the original; path may be the store's copy)
        self.title = _title_from_name(source.member or "") or _title_from_name(source.display.split("!/")[0])
        self._unrecognised = 0
        self._consumed = False
        self._config = RangeConfig(source, self.chat_id, lay.name, detection.encoding, order,
                                   detection.known_names, detection.group_names)

    def _messages(self) -> Iterator[Message]:
        """All messages in file order, parsed in this process range by range."""
        done = 0
        ranges = self._ranges()
        self._release_pool()
        for start, end, line, _ in ranges:
            parser = RangeParser(self._config)
            for msg in parser.parse(start, end, line, self.message_count):
                self.bytes_done = done + parser.bytes_done
                yield msg
            done += parser.bytes_done
            self._absorb(parser.result)
        self._close()

    def write_jsonl(self, out: BinaryIO) -> int:
        """Write every message as one JSON line. With several ranges the other ranges are parsed and
        serialised by worker processes at the same time, then copied in order. Returns messages written."""
        if len(self._scan.ranges) == 1:
            return super().write_jsonl(out)
        with reading(self.source.display):
            return self._write_jsonl_parallel(out)

    def _write_jsonl_parallel(self, out: BinaryIO) -> int:
        ranges = self._ranges()
        spill_dir = Path(tempfile.mkdtemp(prefix="chatprobe-parse-"))
        pool = self._pool or _pool(len(ranges) - 1)
        try:
            with pool:
                futures = [
                    pool.submit(_jsonl_to_spill, self._config, *rng, str(spill_dir / f"range-{i}.jsonl"))
                    for i, rng in enumerate(ranges[1:], 1)
                ]
                parser = RangeParser(self._config)
                for msg in parser.parse(*ranges[0]):
                    out.write(message_jsonl(msg))
                self._absorb(parser.result)
                shift = parser.result.messages - parser.result.headers
                for i, future in enumerate(futures, 1):
                    result: RangeResult = future.result()
                    with open(spill_dir / f"range-{i}.jsonl", "rb") as f:
                        if shift:  # rare: ids in this range move (see _shift_id)
                            for row in f:
                                out.write(_shift_row(row, shift))
                        else:
                            shutil.copyfileobj(f, out, 1 << 20)
                    self._absorb(_shift_events(result, shift))
                    shift += result.messages - result.headers
            self._close()
        finally:
            self._pool = None
            shutil.rmtree(spill_dir, ignore_errors=True)
        return self.message_count

    def _release_pool(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None

    def __del__(self) -> None:
        pool = getattr(self, "_pool", None)
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)

    def _ranges(self) -> list[tuple[int, int | None, int, int]]:
        if self._consumed:
            raise RuntimeError("a chat stream can be read once")
        self._consumed = True
        return self._scan.ranges

    def _absorb(self, result: RangeResult) -> None:
        """Merge what one range learned; ranges are absorbed in file order."""
        self.events.extend(result.events)
        for name, participant in result.participants.items():
            self.participants.setdefault(name, participant)
        for w in result.warnings.all():
            self.warnings.add(w.file, w.line, w.code, w.message)
        for kind, title in result.titles:
            if kind == "subject" or not self.title:
                self.title = title
        self._unrecognised += result.unrecognised_system
        self.message_count += result.messages
        self.headers += result.headers
        self.bad_headers += result.bad_headers

    def collapse(self) -> str | None:
        """Why this parse cannot be trusted, or None: a forced day/month order the file contradicts, or
        more than a small share of message headers with dates that cannot exist (the messages after each
        are merged into the one before, and a chat of thousands of messages collapses into a few)."""
        if self.date_order_conflict:
            return (f"{self.date_order_conflict}. Leave out --date-order to use what the file shows, or "
                    "pass --accept-warnings to import it as forced anyway")
        if self.headers and self.bad_headers > max(2, self.headers // 100):
            return (f"{self.bad_headers} of {self.headers} message headers ({self.bad_headers / self.headers:.0%}) "
                    f"have dates that cannot exist read as {self.date_order}, so their messages were merged into "
                    "others. Check --date-order (leave it out to infer it), or pass --accept-warnings to import "
                    "it anyway")
        return None

    def _close(self) -> None:
        if self._unrecognised:
            self.warnings.add(self.source.display, None, "system-unrecognised",
                              f"{self._unrecognised} system messages were not recognised as any known "
                              "phrasing; they are stored as system messages of type 'other'")


def _jsonl_to_spill(cfg: RangeConfig, start: int, end: int | None, line: int, position: int,
                    spill: str) -> RangeResult:
    """Worker: parse one range and write its messages as JSON lines to ``spill``; return the rest."""
    parser = RangeParser(cfg)
    with open(spill, "wb", buffering=1 << 20) as f:
        for msg in parser.parse(start, end, line, position):
            f.write(message_jsonl(msg))
    return parser.result


# Ids and positions count messages. A range that merged an impossible header into the message before it,
# or found text before the first header, shifts every range after it; rare, so fixed up the slow way.
def _shift_id(mid: str, shift: int) -> str:
    prefix, _, pos = mid.rpartition("-")
    return f"{prefix}-{int(pos) + shift}"


def _shift_row(row: bytes, shift: int) -> bytes:
    data = orjson.loads(row)
    data["id"], data["position"] = _shift_id(data["id"], shift), data["position"] + shift
    return orjson.dumps(data) + b"\n"


def _shift_events(result: RangeResult, shift: int) -> RangeResult:
    if shift:
        result.events = [replace(e, message_id=_shift_id(e.message_id, shift)) for e in result.events]
    return result


def _title_from_name(name: str) -> str | None:
    base = name.rsplit("/", 1)[-1]
    for prefix in ("WhatsApp Chat with ", "WhatsApp Chat - ", "WhatsApp-Chat mit ", "WhatsApp-chat met "):
        if base.startswith(prefix):
            return base[len(prefix):].rsplit(".", 1)[0]
    return None


def sniff_whatsapp(head_text: str) -> bool:
    return any(layout.regex.match(line) for line in head_text.splitlines()[:50] for layout in LAYOUTS)


__all__ = ["WhatsAppChatStream", "decide_date_order", "sniff_whatsapp"]
