"""End-to-end `chatprobe scan` on a 100,000-message group chat: time, peak memory and the share per stage.

    python benchmarks/scan.py                      # 100k messages
    python benchmarks/scan.py --messages 20000 --pdf

The chat (benchmarks/out/scan-N.txt, Android layout) has 20 members and about 1% system lines (adds,
leaves, removals, joins). Bodies: a third short replies ("ok", "😂😂"), 4% cuts of the public datasets'
texts (from the classification benchmark's corpus, many of them abusive), the rest routine police-chat
word salad — so a few percent of messages are flagged, as in a bad real group.

1. `chatprobe scan` runs as its own process (import, classify, analyse, HTML report, JSON, CSV):
   wall time and peak resident memory.
2. The same stages run in one process, timed one by one, for the share per stage.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
sys.path.insert(0, str(HERE))

from classify import REPLIES, WORDS, corpus  # noqa: E402
from gen import SENDERS, SYSTEM, header  # noqa: E402
from parse import run_measured  # noqa: E402


def chat(n: int, seed: int = 3) -> Path:
    path = OUT / f"scan-{n}.txt"
    if path.exists():
        return path
    pool = [x for x in corpus(n).read_text(encoding="utf-8").split("\n")[:-1] if x not in REPLIES]
    rnd = random.Random(seed)
    t = datetime(2023, 1, 1, 7, 0)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(f"{header('android', t)}{SENDERS[0]} created group \"Benchmark Team\"\n")
        for i in range(n - 1):
            t += timedelta(seconds=rnd.randint(5, 600))
            if rnd.random() < 0.01:
                a, b = rnd.sample(SENDERS, 2)
                f.write(header("android", t) + rnd.choice(SYSTEM).format(a=a, b=b) + "\n")
            else:
                r = rnd.random()
                text = (rnd.choice(REPLIES) if r < 0.33 else rnd.choice(pool) if r < 0.37
                        else " ".join(rnd.choices(WORDS, k=rnd.randint(3, 25))))
                f.write(f"{header('android', t)}{rnd.choice(SENDERS)}: {text}\n")
    return path


def stages(path: Path, work: Path, pdf: bool) -> dict[str, float]:
    from chatprobe.analyse.stored import classify_case, load_case
    from chatprobe.case import Case
    from chatprobe.report.write import Outputs, write_outputs

    times: dict[str, float] = {}
    t = time.perf_counter()
    case = Case.open("stages", home=work)
    case.import_paths([path])
    times["import"] = time.perf_counter() - t
    t = time.perf_counter()
    classify_case(case)
    times["classify"] = time.perf_counter() - t
    t = time.perf_counter()
    analysis = load_case(case)
    times["analyse"] = time.perf_counter() - t
    t = time.perf_counter()
    write_outputs(analysis, "stages", Outputs(html=work / "s.html", json=work / "s.json", csv_dir=work / "csv"))
    times["report (HTML, JSON, CSV)"] = time.perf_counter() - t
    if pdf:
        t = time.perf_counter()
        write_outputs(analysis, "stages", Outputs(pdf=work / "s.pdf"))
        times["PDF"] = time.perf_counter() - t
    case.close()
    times["findings"] = len(analysis.investigation.findings)
    return times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--messages", type=int, default=100_000)
    ap.add_argument("--pdf", action="store_true", help="also print the report to PDF (needs chromium)")
    args = ap.parse_args()
    OUT.mkdir(exist_ok=True)
    path = chat(args.messages)
    print(f"chat: {args.messages:,} messages, {path.stat().st_size / 1e6:.1f} MB")
    chatprobe = str(Path(sys.executable).with_name("chatprobe"))
    work = Path(tempfile.mkdtemp(prefix="chatprobe-scan-bench-"))
    try:
        cmd = [chatprobe, "scan", str(path), "--home", str(work / "cli"), "--case", "bench",
               "--report", str(work / "r.html"), "--json", str(work / "r.json"), "--csv", str(work / "csv")]
        if args.pdf:
            cmd += ["--pdf", str(work / "r.pdf")]
        seconds, mb, _ = run_measured(cmd)
        print(f"chatprobe scan: {seconds:.1f} s end to end = {args.messages / seconds:,.0f} messages/s, "
              f"peak memory {mb:,} MB")
        times = stages(path, work / "stages", args.pdf)
        findings = int(times.pop("findings"))
        total = sum(times.values())
        print(f"stages in one process ({findings:,} findings), {total:.1f} s in all:")
        for name, s in times.items():
            print(f"  {name:26s} {s:7.1f} s  {s / total:6.1%}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
