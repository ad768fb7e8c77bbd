"""Calibrate the int8 encoder: measure each linear layer's input range on training texts.

    python training/calibrate.py            # writes src/chatprobe/detect/models/encoder-int8.json

The packaged MiniLM graph computes in float32 from int8-stored weights. chatprobe runs its linear layers as
integer products instead (src/chatprobe/detect/quantize.py), which needs one fixed uint8 scale and zero point
per layer input. They are the min/max of that input over CALIBRATION_TEXTS texts drawn (seeded) from the
training split — chat examples and dataset texts — run through the float graph. Min/max beat percentile
clipping here (cosine to the float vectors, measured: mean 0.991 vs 0.985 at the 99.99th percentile).

Re-running gives the same file (fixed sample, deterministic float graph). After a change, re-train the heads
(training/train.py): they must learn on the vectors of the encoder that ships.
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))

from build import corpus

CALIBRATION_TEXTS = 3000
SEED = 0
OUT = ROOT / "src" / "chatprobe" / "detect" / "models" / "encoder-int8.json"


def main() -> None:
    import onnxruntime as ort

    from chatprobe.detect import quantize
    from chatprobe.detect.encoder import MODEL_PACKAGE, Encoder, load_graph, model_sha256, patch

    train = sorted({e.text for e in corpus() if e.split == "train"})  # as the encoder saw
    texts = random.Random(SEED).sample(train, min(CALIBRATION_TEXTS, len(train)))
    graph = quantize.fused_attention(load_graph())  # with the fine-tuned weights, when shipped
    layers = quantize.linear_layers(graph)
    enc = Encoder(int8=False)
    probe = ort.InferenceSession(quantize.with_probes(graph, layers), providers=["CPUExecutionProvider"])
    names = [o.name for o in probe.get_outputs()]
    lo = {lin.activation: np.inf for lin in layers}
    hi = {lin.activation: -np.inf for lin in layers}
    for ids, _ in enc.batches(texts):
        for name, value in zip(names, probe.run(None, enc.feeds(ids)), strict=True):
            if name in lo:
                lo[name] = min(lo[name], float(value.min()))
                hi[name] = max(hi[name], float(value.max()))
    activations = {lin.matmul: list(quantize.uint8_params(lo[lin.activation], hi[lin.activation]))
                   for lin in layers}
    doc = {
        "model_package": MODEL_PACKAGE,
        "model_sha256": model_sha256(),
        "finetuned_sha256": p.sha256 if (p := patch()) is not None else None,
        "method": f"uint8 asymmetric, min/max of each linear layer's input over {len(texts)} training-split "
                  f"texts (seed {SEED}); weights: int8 with per-channel scales (packaged, or fine-tuned by finetune.py)",
        "texts_sha256": hashlib.sha256("\n".join(texts).encode("utf-8", "surrogatepass")).hexdigest(),
        "activations": activations,
    }
    OUT.write_text(json.dumps(doc, indent=1) + "\n")
    print(f"wrote {OUT}: {len(activations)} layers from {len(texts)} texts", file=sys.stderr)


if __name__ == "__main__":
    main()
