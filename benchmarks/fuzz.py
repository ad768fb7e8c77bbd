"""Long mutation-fuzzing run over every importer: WhatsApp text and zip, Telegram JSON, Android msgstore.db
and iOS ChatStorage.sqlite. Prints runs/s, outcomes per importer and every distinct failure (a traceback
instead of the project's own error, or a hang past --timeout), each with a seed that reproduces it.

    python benchmarks/fuzz.py                      # 10,000 mutants, 2,000 per importer, seed 13
    python benchmarks/fuzz.py --mutants 50000 --seed 7 --workers 4

Each mutant runs in a worker process watched by the parent: one that does not answer within --timeout
seconds is killed and counted as a hang. Exit code 1 when any failure was found.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import random
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

from tests.ingest.fuzzing import mutate, outcome, seeds  # noqa: E402


def _worker(seed_bytes: dict[str, bytes], jobs: list[tuple[str, int]], conn, folder: str) -> None:  # noqa: ANN001
    import warnings
    warnings.simplefilter("ignore")
    for name, seed in jobs:
        conn.send(("start", name, seed))
        p = Path(folder) / name
        p.write_bytes(mutate(seed_bytes[name], random.Random(seed), name))
        conn.send(("done", name, seed, outcome(p)))
    conn.send(("end",))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mutants", type=int, default=10_000, help="mutants in all (split evenly over importers)")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=20.0, help="seconds before a mutant counts as a hang")
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="chatprobe-fuzz-"))
    seed_bytes = seeds(tmp / "seeds")
    names = sorted(seed_bytes)
    rng = random.Random(args.seed)
    jobs = [(names[i % len(names)], rng.randrange(2 ** 32)) for i in range(args.mutants)]
    chunks = [jobs[w::args.workers] for w in range(args.workers)]
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    failures: dict[str, tuple[str, int, int]] = {}  # distinct failure -> (importer, a seed, how many)
    unforeseen: dict[str, tuple[str, int, int]] = {}  # clear errors that only the error boundary produced
    ctx = mp.get_context("fork")
    started = time.perf_counter()
    pending = [list(c) for c in chunks]
    active: list[dict] = []

    def spawn(queue: list[tuple[str, int]], w: int) -> None:
        if not queue:
            return
        folder = tmp / f"w{w}-{len(active)}"
        folder.mkdir(parents=True, exist_ok=True)
        parent, child = ctx.Pipe()
        proc = ctx.Process(target=_worker, args=(seed_bytes, list(queue), child, str(folder)), daemon=True)
        proc.start()
        active.append({"proc": proc, "conn": parent, "queue": queue, "current": None, "since": time.monotonic(),
                       "w": w})

    for w, q in enumerate(pending):
        spawn(q, w)
    done = 0
    last_print = time.monotonic()
    while active:
        for a in list(active):
            conn = a["conn"]
            try:
                while conn.poll(0.01):
                    msg = conn.recv()
                    if msg[0] == "start":
                        a["current"], a["since"] = (msg[1], msg[2]), time.monotonic()
                    elif msg[0] == "done":
                        _, name, seed, result = msg
                        a["queue"].pop(0)
                        a["current"] = None
                        kind = result.split(" ")[0]
                        counts[name][kind] += 1
                        if kind == "TRACEBACK":
                            imp, s, n = failures.get(result, (name, seed, 0))
                            failures[result] = (imp, s, n + 1)
                        elif kind == "boundary":
                            imp, s, n = unforeseen.get(result, (name, seed, 0))
                            unforeseen[result] = (imp, s, n + 1)
                        done += 1
                    elif msg[0] == "end":
                        active.remove(a)
                        a["proc"].join()
                        break
            except (EOFError, OSError):
                pass
            if a in active and (not a["proc"].is_alive() or
                                (a["current"] and time.monotonic() - a["since"] > args.timeout)):
                a["proc"].kill()
                a["proc"].join()
                active.remove(a)
                if a["current"]:
                    name, seed = a["current"]
                    a["queue"].pop(0)
                    what = "HANG" if time.monotonic() - a["since"] > args.timeout else "CRASH (process died)"
                    counts[name][what.split(" ")[0]] += 1
                    key = f"{what} in {name}"
                    imp, s, n = failures.get(key, (name, seed, 0))
                    failures[key] = (imp, s, n + 1)
                    done += 1
                spawn(a["queue"], a["w"])
        if time.monotonic() - last_print > 10:
            rate = done / (time.perf_counter() - started)
            print(f"  {done}/{args.mutants} mutants, {rate:.0f}/s, {len(failures)} distinct failures", file=sys.stderr)
            last_print = time.monotonic()
    elapsed = time.perf_counter() - started

    print(f"fuzzed {done} mutants in {elapsed:.1f} s: {done / elapsed:.0f} runs/s "
          f"({args.workers} workers, seed {args.seed}, hang timeout {args.timeout:g} s)")
    print(f"{'importer':<20} {'mutants':>8} {'ok':>7} {'error':>7} {'boundary':>9} {'traceback':>10} {'hang':>5} "
          f"{'crash':>6}")
    total: Counter[str] = Counter()
    for name in [*names, "all"]:
        c = counts[name] if name != "all" else total
        print(f"{name:<20} {sum(c.values()):>8} {c['ok']:>7} {c['error']:>7} {c['boundary']:>9} "
              f"{c['TRACEBACK']:>10} {c['HANG']:>5} {c['CRASH']:>6}")
        if name != "all":
            total.update(c)
    print("ok: imported (warnings allowed); error: the importer's own clear error; boundary: a clear error, but "
          "from an exception no importer foresaw")
    print(f"distinct failures (tracebacks, hangs, crashes): {len(failures)}")
    for key, (imp, seed, n) in sorted(failures.items()):
        print(f"  {n:>5} × {key}   (reproduce: importer {imp}, mutation seed {seed})")
    print(f"distinct unforeseen exceptions caught by the boundary: {len(unforeseen)}")
    for key, (imp, seed, n) in sorted(unforeseen.items()):
        print(f"  {n:>5} × {key}   (reproduce: importer {imp}, mutation seed {seed})")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
