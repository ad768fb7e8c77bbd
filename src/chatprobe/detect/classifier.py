"""Text model: the MiniLM sentence encoder with a small trained network giving one score per label.

Heads and thresholds are trained by ``training/train.py`` and ship as ``models/heads.npz`` (weights) and
``models/heads.json`` (labels, thresholds, metrics, the encoder's sha256). Scores are calibrated so that
0.5 is each label's decision threshold (chosen on the validation split): a raw probability p with threshold t
becomes p/(2t) below it and 0.5 + (p - t)/(2(1 - t)) above it. The aux heads ``discriminatory`` (hate
against any protected group) and ``abusive`` (any abuse) help the pipeline pick the target category.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import numpy as np

from chatprobe.detect.base import Detection, Detector, Explanation, TextItem, registry
from chatprobe.detect.encoder import encoder_id, shared_encoder

NAME = "text-model"
HEADS = "models/heads.npz"
META = "models/heads.json"


@dataclass(frozen=True)
class Heads:
    labels: tuple[str, ...]
    w1: np.ndarray  # (384, hidden)
    b1: np.ndarray
    w2: np.ndarray  # (hidden, labels)
    b2: np.ndarray
    threshold: np.ndarray  # (H,)
    version: str
    sha256: str
    meta: dict[str, Any]

    def calibrated(self, emb: np.ndarray) -> np.ndarray:
        z = np.maximum(emb.astype(np.float64) @ self.w1 + self.b1, 0.0) @ self.w2 + self.b2
        p = 1.0 / (1.0 + np.exp(-z))
        t = self.threshold
        return np.where(p < t, p / (2 * t), 0.5 + (p - t) / (2 * (1 - t))).clip(0.0, 1.0)


@cache
def load_heads() -> Heads:
    base = resources.files("chatprobe.detect")
    raw = base.joinpath(HEADS).read_bytes()
    meta = json.loads(base.joinpath(META).read_text("utf-8"))
    import io
    z = np.load(io.BytesIO(raw))
    labels = tuple(meta["labels"])
    thr = np.array([meta["thresholds"][label] for label in labels], dtype=np.float64)
    f = {k: z[k].astype(np.float64) for k in ("w1", "b1", "w2", "b2")}
    return Heads(labels, f["w1"], f["b1"], f["w2"], f["b2"], thr,
                 meta["version"], hashlib.sha256(raw).hexdigest(), meta)


class TextModel(Detector):
    name = NAME

    def __init__(self, batch_size: int = 64) -> None:
        self.heads = load_heads()
        self.version = f"{self.heads.version}+{self.heads.sha256[:12]}"
        self.labels = self.heads.labels
        self.batch_size = batch_size
        self._encoder: Any = None

    @property
    def encoder(self) -> Any:
        if self._encoder is None:
            self._encoder = shared_encoder()
        return self._encoder

    def scores(self, texts: Sequence[str]) -> np.ndarray:
        """(len(texts), H) calibrated scores; identical texts are encoded once."""
        uniq: dict[str, int] = {}
        index = [uniq.setdefault(t, len(uniq)) for t in texts]
        emb = self.encoder.encode(list(uniq))
        return self.heads.calibrated(emb)[index] if texts else np.zeros((0, len(self.labels)))

    def detect(self, items: Sequence[TextItem]) -> list[tuple[Detection, ...]]:
        return detections(items, self.scores([it.text for it in items]), self.labels, self.version)

    def describe(self) -> dict[str, Any]:
        return {"name": NAME, "version": self.version, "labels": list(self.labels), "encoder": encoder_id(),
                "heads_sha256": self.heads.sha256,
                "thresholds": dict(zip(self.labels, map(float, self.heads.threshold), strict=True))}


def detections(items: Sequence[TextItem], scores: np.ndarray, labels: Sequence[str],
               version: str) -> list[tuple[Detection, ...]]:
    """Detections for every label scoring 0.25 or more (below 0.5 marked ``below_threshold``)."""
    out: list[tuple[Detection, ...]] = []
    for it, row in zip(items, scores, strict=True):
        out.append(tuple(Detection(it.id, label, float(row[k]), Explanation(
            NAME, version, "model.head", f"text model score {row[k]:.2f} for {label}"),
            status="active" if row[k] >= 0.5 else "below_threshold")
            for k, label in enumerate(labels) if row[k] >= 0.25))
    return out


@registry.register(NAME)
def _make(**options: Any) -> TextModel:
    return TextModel(**options)
