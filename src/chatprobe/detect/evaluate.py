"""Score a pipeline against labelled texts: per-label precision/recall/F1 and a confusion table."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from chatprobe.detect.taxonomy import taxonomy

NONE = {"", "none", "neutral", "clean", "ok", "0", "no", "false", "-"}


def parse_labels(fields: dict[str, str], label_column: str | None) -> set[str]:
    """Labels of one row: a labels column ("race;threat"), or one 0/1 column per label."""
    labels = taxonomy().labels
    if label_column is not None:
        raw = fields.get(label_column, "")
        parts = {p.strip().lower() for p in raw.replace(";", ",").replace("|", ",").replace(" ", ",").split(",")}
        unknown = parts - NONE - set(labels)
        if unknown:
            raise ValueError(f"unknown label(s) {', '.join(sorted(unknown))}; known: {', '.join(labels)}")
        return parts - NONE
    return {lab for lab in labels if fields.get(lab, "").strip().lower() in ("1", "true", "yes", "y")}


@dataclass
class Scores:
    labels: tuple[str, ...]
    tp: dict[str, int] = field(default_factory=dict)
    fp: dict[str, int] = field(default_factory=dict)
    fn: dict[str, int] = field(default_factory=dict)
    tn: dict[str, int] = field(default_factory=dict)
    confusion: dict[str, dict[str, int]] = field(default_factory=dict)  # true label → predicted label → n
    n: int = 0

    def add(self, truth: set[str], pred: set[str]) -> None:
        self.n += 1
        for lab in self.labels:
            t, p = lab in truth, lab in pred
            key = self.tp if t and p else self.fp if p else self.fn if t else self.tn
            key[lab] = key.get(lab, 0) + 1
        cats = set(taxonomy().text_codes)
        tc = truth & cats or {"(none)"}
        pc = pred & cats or {"(none)"}
        for a in tc:
            row = self.confusion.setdefault(a, {})
            for b in pc:
                row[b] = row.get(b, 0) + 1

    def prf(self, lab: str) -> dict[str, float]:
        tp, fp, fn = self.tp.get(lab, 0), self.fp.get(lab, 0), self.fn.get(lab, 0)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": p, "recall": r, "f1": f, "support": tp + fn, "predicted": tp + fp}

    def to_json(self) -> dict[str, Any]:
        return {"rows": self.n, "labels": {lab: {k: round(v, 4) if isinstance(v, float) else v
                                                 for k, v in self.prf(lab).items()} for lab in self.labels},
                "confusion": self.confusion}


def score(truths: Sequence[set[str]], preds: Sequence[set[str]]) -> Scores:
    s = Scores(taxonomy().labels)
    for t, p in zip(truths, preds, strict=True):
        s.add(t, p)
    return s


@dataclass
class Functional:
    """A functional (HateCheck-style) run: hateful cases must get a category — the expected one for the
    target figure — and non-hateful cases none. Counts are [right, total]."""

    per: dict[tuple[str, str], list[int]] = field(default_factory=dict)  # (functionality, kind) → counts
    hateful: list[int] = field(default_factory=lambda: [0, 0])
    clean: list[int] = field(default_factory=lambda: [0, 0])
    target: list[int] = field(default_factory=lambda: [0, 0])
    misses: list[tuple[str, str, str, list[str]]] = field(default_factory=list)


def functional(cases: Sequence[dict[str, str]], decided: Sequence[Sequence[str]]) -> Functional:
    """Score decisions (each a message's labels) on cases with ``functionality``, ``text``, ``hateful``
    ("1"/"0") and ``expected`` (the category for hateful cases)."""
    cats = set(taxonomy().text_codes)
    out = Functional()
    for c, labels in zip(cases, decided, strict=True):
        got = set(labels) & cats
        hateful = c["hateful"] == "1"
        ok = bool(got) if hateful else not got
        tally = out.hateful if hateful else out.clean
        tally[0] += ok
        tally[1] += 1
        if hateful and ok:
            out.target[0] += c["expected"] in got
            out.target[1] += 1
            if c["expected"] not in got:
                out.misses.append(("target", c["text"], c["expected"], sorted(got)))
        p = out.per.setdefault((c["functionality"], "hateful" if hateful else "non-hateful"), [0, 0])
        p[0] += ok
        p[1] += 1
        if not ok:
            out.misses.append((c["functionality"], c["text"], c["expected"], sorted(got)))
    return out
