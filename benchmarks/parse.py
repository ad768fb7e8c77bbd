"""Parse and import speed on a 1,000,000-message export, side by side with whatstk and chat-miner.

    python benchmarks/parse.py                 # 1M messages, Android and iOS layouts
    python benchmarks/parse.py --messages 200000 --layouts android --no-peers

Generates the exports (benchmarks/out/, ~15% multi-line, 20 senders, ~1% system messages), then runs
every contender as its own process, round robin, --repeat times in this run, and reports the best and
median wall time, messages/s and peak resident memory (ru_maxrss: the largest single process). Shared
machines are noisy (the same command varies by a third here), so ratios compare best runs. The peers are installed into their own virtual
environment (benchmarks/out/peer-venv) from PyPI on first use. Memory flatness is checked by running
`chatprobe parse` on a file a tenth the size as well.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
PEER_VENV = OUT / "peer-venv"
PEERS = ["whatstk==0.9.1", "chat-miner==0.6.0"]

sys.path.insert(0, str(HERE))
from gen import generate  # noqa: E402

PEER_DRIVER = r"""
import sys
which, path = sys.argv[1], sys.argv[2]
if which == "whatstk":
    from whatstk import df_from_whatsapp
    df = df_from_whatsapp(path, max_size=None)
else:
    import logging
    logging.disable(logging.CRITICAL)
    from chatminer.chatparsers import WhatsAppParser
    p = WhatsAppParser(path)
    p.parse_file()
    df = p.parsed_messages.get_df()
print(len(df))
"""

LIB_DRIVER = r"""
import sys
from chatprobe import parse_file
n = 0
for s in parse_file(sys.argv[1]):
    for _ in s.messages():
        n += 1
print(n)
"""


def run_measured(cmd: list[str], capture: bool = False) -> tuple[float, int, str]:
    """Run one contender in a fresh wrapper process; return (seconds, peak RSS of the contender in MB,
    stdout tail). The wrapper's RUSAGE_CHILDREN sees only that one contender (and its workers)."""
    wrapper = [sys.executable, "-c", (
        "import os,resource,subprocess,sys,time;"
        "t=time.perf_counter();p=subprocess.run(sys.argv[1:],stdout=subprocess.PIPE if %r else subprocess.DEVNULL);"
        "e=time.perf_counter()-t;"
        "r=resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss;"
        "sys.stderr.write(f'@@{e} {r} {p.returncode}\\n');"
        "sys.stdout.write((p.stdout or b'').decode(errors='replace')[-200:])" % capture), *cmd]
    proc = subprocess.run(wrapper, capture_output=True, text=True)
    marker = [line for line in proc.stderr.splitlines() if line.startswith("@@")]
    if not marker:
        raise RuntimeError(f"{cmd} failed: {proc.stderr[-2000:]}")
    elapsed, rss, code = marker[-1][2:].split()
    if int(code):
        raise RuntimeError(f"{cmd} exited {code}: {proc.stderr[-2000:]}")
    return float(elapsed), int(rss) // 1024, proc.stdout.strip()


def peer_python() -> Path:
    py = PEER_VENV / "bin" / "python"
    if not py.exists():
        subprocess.run([sys.executable, "-m", "venv", str(PEER_VENV)], check=True)
        subprocess.run([str(py), "-m", "pip", "install", "--quiet", *PEERS], check=True)
    return py


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--messages", type=int, default=1_000_000)
    ap.add_argument("--layouts", default="android,ios")
    ap.add_argument("--no-peers", action="store_true", help="skip whatstk and chat-miner")
    ap.add_argument("--no-import", action="store_true", help="skip chatprobe import")
    ap.add_argument("--repeat", type=int, default=3, help="runs per contender, round robin (best and median)")
    ap.add_argument("--json", type=Path, help="also write the figures as JSON here")
    args = ap.parse_args()

    OUT.mkdir(exist_ok=True)
    bin_dir = Path(sys.executable).parent
    chatprobe = str(bin_dir / "chatprobe")
    peer_py = None if args.no_peers else peer_python()
    driver = OUT / "peer_driver.py"
    driver.write_text(PEER_DRIVER)
    lib_driver = OUT / "lib_driver.py"
    lib_driver.write_text(LIB_DRIVER)

    rows: list[dict[str, object]] = []
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    for layout in args.layouts.split(","):
        path = OUT / f"{layout}-{args.messages}.txt"
        small = OUT / f"{layout}-{args.messages // 10}.txt"
        for p, n in ((path, args.messages), (small, args.messages // 10)):
            if not p.exists():
                generate(p, n, layout)
        size_mb = path.stat().st_size / 1e6
        print(f"\n== {layout}: {args.messages:,} messages, {size_mb:.0f} MB")
        contenders: list[tuple[str, list[str]]] = [
            ("chatprobe parse --jsonl", [chatprobe, "parse", str(path), "--jsonl"]),
            ("chatprobe parse --workers 1", [chatprobe, "parse", str(path), "--jsonl", "--workers", "1"]),
            ("chatprobe library (1 process)", [sys.executable, str(lib_driver), str(path)]),
        ]
        if peer_py:
            contenders += [("whatstk 0.9.1", [str(peer_py), str(driver), "whatstk", str(path)]),
                           ("chat-miner 0.6.0", [str(peer_py), str(driver), "chatminer", str(path)])]
        if not args.no_import:
            contenders.append(("chatprobe import (SQLite)", [chatprobe, "import", str(path), "--case", "b"]))
        times: dict[str, list[float]] = {name: [] for name, _ in contenders}
        peaks: dict[str, int] = {name: 0 for name, _ in contenders}
        for _ in range(args.repeat):  # round robin, so that a noisy minute hurts every contender alike
            for name, cmd in contenders:
                home = Path(tempfile.mkdtemp(prefix="chatprobe-bench-"))
                try:
                    secs, rss, _ = run_measured([*cmd, "--home", str(home)] if "import" in name else cmd)
                finally:
                    shutil.rmtree(home, ignore_errors=True)
                times[name].append(secs)
                peaks[name] = max(peaks[name], rss)
        for name, _ in contenders:
            best, median = min(times[name]), statistics.median(times[name])
            print(f"  {name:32s} best {best:6.1f} s  median {median:6.1f} s  {args.messages / best:>9,.0f} msg/s"
                  f"  peak {peaks[name]:5d} MB")
            rows.append({"layout": layout, "tool": name, "best_s": round(best, 2), "median_s": round(median, 2),
                         "runs": [round(x, 2) for x in times[name]], "messages_per_s": round(args.messages / best),
                         "peak_mb": peaks[name]})
        _, rss_small, _ = run_measured([chatprobe, "parse", str(small), "--jsonl"])
        print(f"  memory flatness: chatprobe parse peak {rss_small} MB at {args.messages // 10:,} messages, "
              f"{peaks['chatprobe parse --jsonl']} MB at {args.messages:,} (per process)")
        if peer_py:
            peers = ("whatstk 0.9.1", "chat-miner 0.6.0")
            fastest = min(peers, key=lambda k: min(times[k]))
            base = min(times[fastest])
            print(f"  ratios, best run against best run of the fastest peer ({fastest}, {base:.1f} s):")
            for name, _ in contenders:
                if name not in peers:
                    print(f"    {name:32s} {base / min(times[name]):5.2f}x")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
