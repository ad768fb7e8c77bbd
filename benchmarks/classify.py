"""Classification speed and memory on 100,000 chat-length messages, beside the previous chatprobe text model,
tox-block and alt-profanity-check.

    python benchmarks/classify.py                   # 100k messages, chatprobe + both peers, best of 2
    python benchmarks/classify.py --messages 20000 --no-peers --repeat 1

The corpus (benchmarks/out/classify-N.txt, one message per line) mixes what group chats hold: about a
third short replies from a pool of common ones ("ok", "😂😂", "on my way"), the rest messages of 3–30 words
cut from the public datasets' test splits (../shared; random police-chat words if absent). Every
contender runs as its own process over the same file, round robin, --repeat times; the figures are the
best wall time (process start and model load included), messages/s and peak resident memory.

chatprobe runs its full pipeline (`chatprobe classify`: lexicon, text model, decisions, JSON out); so does
chatprobe as of ``--previous REV`` (a git worktree in benchmarks/out, run with this venv), so the previous
text model is measured in the same run.
A second run reports where chatprobe's time goes (in-process, per stage). Peers run in their own virtual
environment (benchmarks/out/classify-peers), installed from PyPI on first use: alt-profanity-check
(TF-IDF + linear SVM, pins scikit-learn) and tox-block (Keras LSTM, needs TensorFlow).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
PEERS_VENV = OUT / "classify-peers"
# tox-block 0.1.2 was saved with Keras 2: it loads under TensorFlow 2.21 through tf-keras
PEERS = ["tox-block==0.1.2", "alt-profanity-check==1.9.1", "tf-keras~=2.21.0", "keras-preprocessing==1.1.2"]
SHARED = ROOT.parent / "shared" / "data" / "train"

sys.path.insert(0, str(HERE))
from parse import run_measured

REPLIES = ["ok", "lol", "😂", "😂😂", "😂😂😂", "🤣", "👍", "yes", "no", "on my way", "thanks", "cheers", "ta",
           "see you there", "will do", "haha", "LMAO", "nice one", "roger", "who's got the keys?", "5 mins",
           "omw", "yep", "nope", "👍👍", "sound", "done", "at custody", "in the van", "what time?", "💯",
           "morning all", "night all", "anyone free?", "brew?", "🙄", "FFS", "lol yes", "same", "good shout"]
WORDS = ["the", "van", "is", "outside", "custody", "again", "and", "nobody", "has", "the", "keys", "ok", "lol", "on", "my", "way", "shift", "briefing", "at", "seven", "please", "check", "the", "rota", "thanks", "mate", "see", "you", "later", "who", "has", "the", "radio", "suspect", "male", "female", "arrested", "statement", "interview", "cell", "sarge", "skipper", "inspector", "job", "address", "flat", "road", "street", "car", "vrm"]

TOXBLOCK = r"""
import os, sys
os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"
os.environ["TF_USE_LEGACY_KERAS"] = "1"
from tox_block.prediction import make_predictions
texts = open(sys.argv[1], encoding="utf-8").read().split("\n")[:-1]
n = 0
for i in range(0, len(texts), 4096):
    n += len(make_predictions(texts[i:i + 4096]))
print(n)
"""
PROFANITY = r"""
import sys
from profanity_check import predict_prob
texts = open(sys.argv[1], encoding="utf-8").read().split("\n")[:-1]
print(len(predict_prob(texts)))
"""
STAGES = r"""
import sys, time, json
t0 = time.perf_counter()
from chatprobe.detect.pipeline import Pipeline
from chatprobe.detect.base import TextItem
texts = open(sys.argv[1], encoding="utf-8").read().split("\n")[:-1]
pipe = Pipeline.default()
lex, model = pipe.detectors
model.encoder  # load the ONNX session
t_load = time.perf_counter() - t0
uniq = list(dict.fromkeys(texts))
items = [TextItem(str(i), t) for i, t in enumerate(uniq)]
t = time.perf_counter(); lex.detect(items); t_lex = time.perf_counter() - t
t = time.perf_counter(); emb = model.encoder.encode(uniq); t_enc = time.perf_counter() - t
t = time.perf_counter(); model.heads.calibrated(emb); t_heads = time.perf_counter() - t
t = time.perf_counter(); pipe.classify(texts); t_all = time.perf_counter() - t
# the float graph with the same (fine-tuned) weights, on the first 5,000 distinct texts: what the int8
# rewrite gains and costs
import numpy as np, onnxruntime as ort
from chatprobe.detect.encoder import load_graph
enc = model.encoder
sample = uniq[:5000]
floating = ort.InferenceSession(load_graph().SerializeToString(), providers=["CPUExecutionProvider"])
t = time.perf_counter()
ref = np.zeros((len(sample), 384), dtype=np.float32)
for ids, idx in enc.batches(sample):
    v = floating.run(None, enc.feeds(ids))[0].mean(axis=1)
    ref[idx] = v / np.linalg.norm(v, axis=1, keepdims=True)
t_float = time.perf_counter() - t
t = time.perf_counter(); ours = enc.encode(sample); t_int8 = time.perf_counter() - t
print(json.dumps({"messages": len(texts), "unique": len(uniq), "load_s": t_load, "lexicon_s": t_lex,
                  "encoder_s": t_enc, "heads_s": t_heads, "pipeline_s": t_all,
                  "float_vs_int8": {"texts": len(sample), "float_s": t_float, "int8_s": t_int8,
                                    "cosine_mean": float((ref * ours).sum(1).mean()),
                                    "cosine_min": float((ref * ours).sum(1).min())}}))
"""


def corpus(n: int, seed: int = 7) -> Path:
    path = OUT / f"classify-{n}.txt"
    if path.exists():
        return path
    OUT.mkdir(exist_ok=True)
    rnd = random.Random(seed)
    pool: list[str] = []
    if SHARED.is_dir():
        for f, col, delim in (("olid/olid_test_merged.tsv", "tweet", "\t"), ("cad/cad_v1_1_test.tsv", "text", "\t"),
                              ("hatexplain/092-HateXplain.csv", "text", ","), ("edos/edos_labelled_aggregated.csv", "text", ","),
                              ("davidson2017/labeled_data.csv", "tweet", ",")):
            p = SHARED / f
            if not p.exists():
                continue
            with open(p, encoding="utf-8", newline="") as fh:
                for row in csv.DictReader(fh, delimiter=delim):
                    words = (row.get(col) or "").replace("[linebreak]", " ").split()
                    if len(words) >= 3:
                        pool.append(" ".join(words[:rnd.randint(3, 30)]))
    with open(path, "w", encoding="utf-8") as out:
        for _ in range(n):
            if rnd.random() < 0.33:
                text = rnd.choice(REPLIES)
            elif pool:
                text = rnd.choice(pool)
            else:
                text = " ".join(rnd.choices(WORDS, k=rnd.randint(3, 30)))
            out.write(text.replace("\n", " ").replace("\r", " ") + "\n")
    return path


def peers_python() -> Path:
    py = PEERS_VENV / "bin" / "python"
    if not (PEERS_VENV / ".installed").exists():
        subprocess.run([sys.executable, "-m", "venv", str(PEERS_VENV)], check=True)
        subprocess.run([str(py), "-m", "pip", "install", "--quiet", *PEERS], check=True)
        (PEERS_VENV / ".installed").touch()
    return py


PREVIOUS_MODEL = "f263afb"  # the last revision with the frozen MiniLM + heads (text model 2026.11.1)


def previous_tree(rev: str) -> Path:
    """chatprobe's tree as of ``rev``: a git worktree under benchmarks/out, made on first use."""
    wt = OUT / f"previous-{rev}"
    if not wt.exists():
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(wt), rev], check=True,
                       capture_output=True)
    return wt


def previous_chatprobe(rev: str) -> list[str]:
    """A command running chatprobe as of ``rev`` (``previous_tree``), in this venv."""
    wt = previous_tree(rev)
    return ["env", f"PYTHONPATH={wt / 'src'}", sys.executable, "-c",
            "import sys, chatprobe.cli as c; assert c.__file__.startswith(%r), c.__file__; sys.argv[0] = 'chatprobe'; "
            "c.main()" % str(wt)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--messages", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--no-peers", action="store_true")
    ap.add_argument("--json", type=Path, help="also write the figures as JSON here")
    ap.add_argument("--previous", default=PREVIOUS_MODEL, metavar="REV",
                    help="also run chatprobe as of this git revision (the previous text model), side by side; "
                         f"'' to skip (default {PREVIOUS_MODEL}: the frozen encoder + heads 2026.11.1)")
    args = ap.parse_args()

    path = corpus(args.messages)
    texts = path.read_text(encoding="utf-8").split("\n")[:-1]
    unique = len(set(texts))
    words = statistics.mean(len(t.split()) for t in texts)
    print(f"corpus: {len(texts):,} messages, {unique:,} distinct ({unique / len(texts):.0%}), "
          f"{words:.1f} words on average; {os.cpu_count()} CPUs")
    chatprobe = str(Path(sys.executable).with_name("chatprobe"))
    contenders = {"chatprobe classify": [chatprobe, "classify", str(path), "-o", os.devnull]}
    if args.previous:
        contenders[f"chatprobe @{args.previous[:7]}"] = previous_chatprobe(args.previous) + [
            "classify", str(path), "-o", os.devnull]
    if not args.no_peers:
        py = str(peers_python())
        contenders["alt-profanity-check"] = [py, "-c", PROFANITY, str(path)]
        contenders["tox-block"] = [py, "-c", TOXBLOCK, str(path)]
    runs: dict[str, list[tuple[float, int]]] = {k: [] for k in contenders}
    for r in range(args.repeat):
        for name, cmd in contenders.items():
            try:
                s, mb, _ = run_measured(cmd)
            except RuntimeError as exc:
                print(f"{name}: failed ({str(exc)[-300:]})")
                continue
            runs[name].append((s, mb))
            print(f"  run {r + 1}: {name:22s} {s:7.1f} s  {mb:6,} MB", flush=True)
    results = {}
    print(f"\n{'contender':22s} {'best s':>8s} {'msg/s':>9s} {'peak MB':>8s}")
    for name, rs in runs.items():
        if not rs:
            continue
        best = min(s for s, _ in rs)
        mb = max(m for _, m in rs)
        results[name] = {"best_s": round(best, 2), "median_s": round(statistics.median(s for s, _ in rs), 2),
                         "msg_per_s": round(len(texts) / best), "peak_mb": mb}
        print(f"{name:22s} {best:8.1f} {len(texts) / best:9,.0f} {mb:8,}")
    ours = results.get("chatprobe classify")
    for name, r in results.items():
        if ours and name != "chatprobe classify" and r["msg_per_s"]:
            print(f"  chatprobe / {name}: {ours['msg_per_s'] / r['msg_per_s']:.2f}× the speed, "
                  f"{ours['peak_mb'] / r['peak_mb']:.2f}× the memory")
    stages = json.loads(subprocess.run([sys.executable, "-c", STAGES, str(path)], capture_output=True, text=True,
                                       check=True).stdout)
    u = stages["unique"]
    print(f"\nchatprobe stages (in one process, {u:,} distinct texts): load {stages['load_s']:.1f} s, "
          f"lexicon {stages['lexicon_s']:.1f} s ({u / stages['lexicon_s']:,.0f}/s), "
          f"encoder {stages['encoder_s']:.1f} s ({u / stages['encoder_s']:,.0f}/s), heads {stages['heads_s']:.2f} s; "
          f"whole pipeline {stages['pipeline_s']:.1f} s = {stages['messages'] / stages['pipeline_s']:,.0f} msg/s")
    c = stages["float_vs_int8"]
    print(f"encoder on {c['texts']:,} texts: the float graph {c['texts'] / c['float_s']:,.0f}/s, chatprobe's "
          f"int8 graph {c['texts'] / c['int8_s']:,.0f}/s ({c['float_s'] / c['int8_s']:.2f}×); cosine to the "
          f"float vectors mean {c['cosine_mean']:.4f}, min {c['cosine_min']:.4f}")
    if args.json:
        args.json.write_text(json.dumps({"messages": len(texts), "unique": unique, "results": results,
                                         "stages": stages}, indent=1))


if __name__ == "__main__":
    main()
