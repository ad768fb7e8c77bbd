"""20 concurrent reviewers reading conversations and searching a 1,000,000-message case: p50/p95 latency of
conversation paging and full-text search through the web API.

    python benchmarks/workbench.py                             # 1M messages (the chat of benchmarks/scan.py)
    python benchmarks/workbench.py --messages 100000 --seconds 30 --think 0

The case is imported once (kept in benchmarks/out/workbench-case-N/) and its full-text index built; it is not
classified (1M messages take about a quarter of an hour to classify here), so pages carry no findings. The
server runs as its own process (`chatprobe serve`). Each reviewer is a thread with its own login, looping:
open the conversation at a random point (around a random message), page once later and once earlier, then
search for one or two random words, or a phrase, sometimes filtered by sender. Between requests a reviewer
pauses for ``--think`` seconds on average; ``--think 0`` is a stress test. The first 5 s are warm-up.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
sys.path.insert(0, str(HERE))

from classify import WORDS  # noqa: E402
from gen import SENDERS  # noqa: E402
from scan import chat  # noqa: E402
from web import logged_in, print_latencies, run_threads, serve  # noqa: E402

PASSWORD = "benchmark reviewer password"


def prepare(n: int) -> tuple[Path, str, list[str]]:
    from sqlalchemy import select

    from chatprobe.case import Case
    from chatprobe.store.search import ensure_index
    from chatprobe.store import schema as t
    home = OUT / f"workbench-case-{n}"
    fresh = not (home / "bench" / "case.db").exists()
    if fresh:
        shutil.rmtree(home, ignore_errors=True)
    case = Case.open("bench", home=home)
    try:
        if fresh:
            t0 = time.perf_counter()
            case.import_paths([chat(n)])
            print(f"imported {n:,} messages in {time.perf_counter() - t0:.0f} s", flush=True)
        t0 = time.perf_counter()
        added = ensure_index(case.store)
        if added:
            print(f"full-text index of {added:,} messages built in {time.perf_counter() - t0:.0f} s", flush=True)
        with case.store.engine.connect() as conn:
            chat_id = conn.execute(select(t.chat.c.id)).scalar_one()
            ids = [r.id for r in conn.execute(select(t.message.c.id).where(t.message.c.position % 997 == 0))]
    finally:
        case.close()
    return home, chat_id, ids


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--messages", type=int, default=1_000_000)
    ap.add_argument("--reviewers", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--think", type=float, default=1.0, help="mean seconds a reviewer pauses between requests")
    args = ap.parse_args()
    OUT.mkdir(exist_ok=True)
    home, chat_id, sample_ids = prepare(args.messages)
    proc, base = serve(home, args.reviewers, "workbench-server.log", [])
    try:
        lat: dict[str, list[float]] = {"conversation": [], "page": [], "search": []}
        hits: list[int] = []
        errors: list[str] = []
        start = time.perf_counter()
        warm = start + 5
        stop = warm + args.seconds
        lock = threading.Lock()

        def reviewer(i: int) -> None:
            rnd = random.Random(i)
            c, _ = logged_in(base, f"reviewer{i}", timeout=60)

            def timed(name: str, url: str, params: dict | None = None) -> dict:
                t = time.perf_counter()
                resp = c.get(url, params=params)
                took = time.perf_counter() - t
                with lock:
                    if resp.status_code != 200:
                        errors.append(f"{name} {resp.status_code}")
                    elif time.perf_counter() > warm:
                        lat[name].append(took)
                if args.think:
                    time.sleep(args.think * rnd.uniform(0.5, 1.5))
                return resp.json() if resp.status_code == 200 else {}

            while time.perf_counter() < stop:
                conv = timed("conversation", f"/api/cases/bench/chats/{chat_id}", {"around": rnd.choice(sample_ids)})
                if conv.get("next") is not None:
                    timed("page", f"/api/cases/bench/chats/{chat_id}", {"start": conv["next"]})
                if conv.get("previous") is not None:
                    timed("page", f"/api/cases/bench/chats/{chat_id}", {"start": conv["previous"]})
                words = rnd.sample(WORDS, rnd.choice((1, 2)))
                q = f'"{" ".join(words)}"' if rnd.random() < 0.2 else " ".join(words)
                params = {"q": q} | ({"member": rnd.choice(SENDERS)} if rnd.random() < 0.3 else {})
                found = timed("search", "/api/cases/bench/search", params)
                with lock:
                    hits.append(found.get("total", 0))

        run_threads(reviewer, args.reviewers)
        print_latencies(args, lat, errors, f"; searches found {statistics.median(hits) if hits else 0:,.0f} "
                                           "messages (median)")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


if __name__ == "__main__":
    main()
