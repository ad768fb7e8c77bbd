"""20 concurrent reviewers against a 100,000-message case: p50/p95 latency of the queue and decision endpoints.

    python benchmarks/web.py                       # 100k messages (the chat of benchmarks/scan.py), SQLite
    python benchmarks/web.py --messages 20000 --reviewers 20 --seconds 30
    python benchmarks/web.py --workbench            # conversation paging and search on 1M messages
                                                    # (benchmarks/workbench.py, its options after it)

The case is imported and analysed once (kept in benchmarks/out/web-case-N/). The server runs as its own
process (`chatprobe serve`, uvicorn, one worker). Each reviewer is a thread with its own login and
session, looping: open the queue (filtered by a random member half the time), open a finding, record a
decision with a note. Between requests a reviewer reads for ``--think`` seconds on average (uniform 0.5×–1.5×;
a person reads a message before deciding); ``--think 0`` is a stress test with no pause at all. Latencies are
measured client-side over HTTP on 127.0.0.1 (the clients share the machine's two cores with the server); the
first 5 s are warm-up.
"""

from __future__ import annotations

import argparse
import random
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
sys.path.insert(0, str(HERE))

from scan import chat  # noqa: E402

PASSWORD = "benchmark reviewer password"


def prepare(n: int) -> Path:
    home = OUT / f"web-case-{n}"
    if (home / "bench" / "case.db").exists():
        return home
    from chatprobe.analyse.stored import classify_case
    from chatprobe.case import Case
    shutil.rmtree(home, ignore_errors=True)
    case = Case.open("bench", home=home)
    try:
        case.import_paths([chat(n)])
        t = time.perf_counter()
        classify_case(case)
        print(f"analysed {n:,} messages in {time.perf_counter() - t:.0f} s", flush=True)
    finally:
        case.close()
    return home


def serve(home: Path, reviewers: int, log_name: str, extra: list[str]) -> tuple[subprocess.Popen[bytes], str]:
    """Add the reviewers, start `chatprobe serve` on a free loopback port, wait until it answers."""
    import httpx

    from chatprobe.store.server import server_store
    from chatprobe.web.auth import add_user
    store = server_store(home)
    for i in range(reviewers):
        add_user(store, f"reviewer{i}", PASSWORD, "reviewer", ["bench"])
    store.close()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    exe = str(Path(sys.executable).with_name("chatprobe"))
    log = open(OUT / log_name, "w")  # noqa: SIM115 - the server writes to it until the end
    proc = subprocess.Popen([exe, "serve", "--home", str(home), "--port", str(port), *extra], stderr=log)
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            httpx.get(f"{base}/login", timeout=1)
            break
        except httpx.HTTPError:
            time.sleep(0.1)
    return proc, base


def logged_in(base: str, user: str, timeout: float = 30) -> tuple[Any, str]:
    """(an httpx client with the user's session, its CSRF token)."""
    import httpx
    c = httpx.Client(base_url=base, timeout=timeout)
    r = c.post("/api/login", data={"username": user, "password": PASSWORD})
    # cookies are Secure: send the session explicitly over plain HTTP on loopback
    c.headers["Cookie"] = f"cp_session={r.cookies.get('cp_session')}"
    c.cookies.clear()
    return c, r.json()["csrf"]


def run_threads(target: Any, n: int) -> None:
    threads = [threading.Thread(target=target, args=(i,)) for i in range(n)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()


def print_latencies(args: Any, lat: dict[str, list[float]], errors: list[str], extra: str = "") -> None:
    """The summary line and p50/p95/max per endpoint (after warm-up)."""
    total = sum(len(v) for v in lat.values())
    print(f"{args.reviewers} reviewers, think time {args.think:g} s, for {args.seconds:.0f} s on a "
          f"{args.messages:,}-message case: {total:,} requests ({total / args.seconds:.0f}/s), "
          f"{len(errors)} errors{extra}")
    for name, values in lat.items():
        if not values:
            continue
        values.sort()
        p95 = values[int(0.95 * (len(values) - 1))]
        print(f"  {name:12s} n={len(values):5d}  p50 {statistics.median(values) * 1000:6.0f} ms  "
              f"p95 {p95 * 1000:6.0f} ms  max {values[-1] * 1000:6.0f} ms")
    if errors:
        print("  errors:", sorted(set(errors))[:5])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--messages", type=int, default=100_000)
    ap.add_argument("--reviewers", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--think", type=float, default=1.0, help="mean seconds a reviewer pauses between requests")
    ap.add_argument("--workers", type=int, default=1, help="server processes (chatprobe serve --workers)")
    args = ap.parse_args()
    OUT.mkdir(exist_ok=True)
    home = prepare(args.messages)
    proc, base = serve(home, args.reviewers, "web-server.log", ["--workers", str(args.workers)])
    try:
        # the first request builds the case's investigation (membership, presence, responses) once
        # (with several workers, each builds its own on its first request)
        first_client, _ = logged_in(base, "reviewer0", timeout=600)
        t = time.perf_counter()
        first_client.get("/api/cases/bench/queue").raise_for_status()
        print(f"first open of the case (builds the investigation once): {time.perf_counter() - t:.1f} s")
        first_client.close()
        lat: dict[str, list[float]] = {"queue": [], "finding": [], "decision": []}
        errors: list[str] = []
        start = time.perf_counter()
        warm = start + 5
        stop = warm + args.seconds
        lock = threading.Lock()

        def reviewer(i: int) -> None:
            rnd = random.Random(i)
            c, csrf = logged_in(base, f"reviewer{i}")
            first = c.get("/api/cases/bench/queue").json()
            members = first["members"]
            def pause() -> None:
                if args.think:
                    time.sleep(args.think * rnd.uniform(0.5, 1.5))

            while time.perf_counter() < stop:
                pause()
                params = {"member": rnd.choice(members)} if rnd.random() < 0.5 else {}
                t = time.perf_counter()
                q = c.get("/api/cases/bench/queue", params=params)
                t_q = time.perf_counter() - t
                rows = q.json()["findings"] if q.status_code == 200 else []
                if not rows:
                    continue
                mid = rnd.choice(rows)["message_id"]
                pause()
                t = time.perf_counter()
                f = c.get(f"/api/cases/bench/findings/{mid}")
                t_f = time.perf_counter() - t
                pause()
                t = time.perf_counter()
                d = c.post(f"/api/cases/bench/findings/{mid}/decision",
                           data={"decision": rnd.choice(["confirm", "dismiss", "escalate"]), "note": "bench"},
                           headers={"X-CSRF-Token": csrf})
                t_d = time.perf_counter() - t
                with lock:
                    for code, name in ((q.status_code, "queue"), (f.status_code, "finding"), (d.status_code, "decision")):
                        if code != 200:
                            errors.append(f"{name} {code}")
                    if time.perf_counter() > warm:
                        lat["queue"].append(t_q)
                        lat["finding"].append(t_f)
                        lat["decision"].append(t_d)
            c.close()

        run_threads(reviewer, args.reviewers)
        print_latencies(args, lat, errors)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


if __name__ == "__main__":
    if "--workbench" in sys.argv:
        sys.argv.remove("--workbench")
        import workbench
        workbench.main()
    else:
        main()
