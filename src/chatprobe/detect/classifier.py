"""Text model: the MiniLM sentence encoder with a small trained network giving one score per label.

Heads and thresholds are trained by ``training/train.py`` and ship as ``models/heads.npz`` (weights) and
``models/heads.json`` (labels, thresholds, metrics, the encoder's sha256). Scores are calibrated so that
0.5 is each label's decision threshold (chosen on the validation split): a raw probability p with threshold t
becomes p/(2t) below it and 0.5 + (p - t)/(2(1 - t)) above it. The aux heads ``discriminatory`` (hate
against any protected group) and ``abusive`` (any abuse) help the pipeline pick the target category.

A message longer than the encoder's 64 tokens is scored window by window (``Encoder.windows``): what it
contains is the most any window shows (the highest score per label; the group a hateful passage targets read
in that passage), what it does as a whole — counter-speech or endorsement of what came before — the windows'
mean. On the 2,516 long validation and test texts of the shared datasets, against reading the first 64
tokens: F1 for any abuse 0.57 → 0.64 (validation) and 0.55 → 0.62 (test), for hate against a protected group
0.38 → 0.47 and 0.41 → 0.50; counter-speech as before on validation (the highest window would have lowered it
to 0.54). The whole pipeline flags 21% more of the long abusive texts and 32% more of the long texts the
datasets call clean (``training/long_texts.py``; the model card has the table).
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
from chatprobe.detect.taxonomy import taxonomy

NAME = "text-model"
WHOLE_MESSAGE = ("counter_speech", "endorsement")  # a long message's stance: the mean of its windows
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

    def __init__(self, batch_size: int = 64, windows: bool = True) -> None:
        """``windows=False`` reads only a long message's first 64 tokens, as chatprobe did before 2026-12-05
        (pipeline option ``windows = false``; ``training/long_texts.py`` measures both)."""
        self.heads = load_heads()
        self.windows = windows
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
        """(len(texts), H) calibrated scores; identical texts are encoded once; a long text is the combination
        of its windows' scores (see the module's docstring)."""
        return self.scored(texts)[0]

    def scored(self, texts: Sequence[str]) -> tuple[np.ndarray, list[dict[int, str]]]:
        """(scores, passages): for a text of several windows, the passage (as the model reads it: lower case,
        emoji as words) of the window that gave each label's highest score; empty for a one-window text."""
        if not texts:
            return np.zeros((0, len(self.labels))), []
        uniq: dict[str, int] = {}
        index = [uniq.setdefault(t, len(uniq)) for t in texts]
        wins = [ws if self.windows else ws[:1] for ws in self.encoder.windows(list(uniq))]
        flat = [w for ws in wins for w in ws]
        owner = np.array([i for i, ws in enumerate(wins) for _ in ws], dtype=np.int64)
        combined, which = window_choice(self.heads.calibrated(self.encoder.vectors(flat)), owner, len(uniq),
                                        self.labels)
        passages: list[dict[int, str]] = [{} for _ in wins]
        for i in (i for i, ws in enumerate(wins) if len(ws) > 1):
            text_of = {j: self.encoder.decode(flat[j]) for j in set(which[i].tolist()) if j >= 0}  # each once
            passages[i] = {k: text_of[j] for k, j in enumerate(which[i].tolist()) if j >= 0}
        return combined[index], [passages[i] for i in index]

    def detect(self, items: Sequence[TextItem]) -> list[tuple[Detection, ...]]:
        scores, passages = self.scored([it.text for it in items])
        return detections(items, scores, self.labels, self.version, passages)

    def describe(self) -> dict[str, Any]:
        return {"name": NAME, "version": self.version, "labels": list(self.labels), "encoder": encoder_id(),
                "heads_sha256": self.heads.sha256, "windows": self.windows,
                "thresholds": dict(zip(self.labels, map(float, self.heads.threshold), strict=True))}


def window_choice(scores: np.ndarray, owner: np.ndarray, n: int, labels: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """(windows, H) scores → ((n, H) scores, (n, H) the window behind each, -1 for a mean). Per text: a
    content label's highest window; a protected characteristic's head read in the window most hateful by the
    umbrella head (those heads say *which* group a hateful text targets and guess on any other text, so their
    own maximum would pick a group from an innocent passage); a ``WHOLE_MESSAGE`` label the windows' mean.
    ``owner`` is each window's text, in order (``TextModel.scored``)."""
    k_of = {label: k for k, label in enumerate(labels)}
    protected = [k_of[c] for c in taxonomy().protected if c in k_of]
    umbrella = k_of.get("discriminatory")
    first = np.searchsorted(owner, np.arange(n))
    counts = np.bincount(owner, minlength=n)
    out = scores[first].copy()  # a text of one window: its scores as they are
    which = np.repeat(first[:, None], scores.shape[1], axis=1)
    for i in np.flatnonzero(counts > 1):
        rows = scores[first[i]:first[i] + counts[i]]
        best = rows.argmax(axis=0)
        if umbrella is not None:
            best[protected] = best[umbrella]
        which[i] = first[i] + best
        out[i] = scores[which[i], np.arange(scores.shape[1])]
        for label in WHOLE_MESSAGE:
            if label in k_of:
                out[i, k_of[label]], which[i, k_of[label]] = rows[:, k_of[label]].mean(), -1
    return out, which


def detections(items: Sequence[TextItem], scores: np.ndarray, labels: Sequence[str], version: str,
               passages: Sequence[dict[int, str]] | None = None) -> list[tuple[Detection, ...]]:
    """Detections for every label scoring 0.25 or more (below 0.5 marked ``below_threshold``); a long
    message's explanation carries the passage that scored highest (``TextModel.scored``)."""
    out: list[tuple[Detection, ...]] = []
    for i, (it, row) in enumerate(zip(items, scores, strict=True)):
        where = passages[i] if passages is not None else {}
        out.append(tuple(Detection(it.id, label, float(row[k]), Explanation(
            NAME, version, "model.head", f"text model score {row[k]:.2f} for {label}", passage=where.get(k)),
            status="active" if row[k] >= 0.5 else "below_threshold")
            for k, label in enumerate(labels) if row[k] >= 0.25))
    return out


@registry.register(NAME)
def _make(**options: Any) -> TextModel:
    return TextModel(**options)
