"""Long messages: the text model reading a whole text in overlapping windows, against reading its first 64 tokens.

    python training/long_texts.py            # prints the table, writes training/long_texts.json

The encoder reads 64 tokens (about 45 words); the heads were trained on texts cut there. A longer message was
once judged by its opening alone, so a rant or a forwarded story that turns abusive later went unseen.
``TextModel`` now scores every window (``Encoder.windows``; ``classifier.window_choice`` combines them).
This measures both on the validation and test texts of the shared datasets that are longer than one window
(none of the project's own examples is), with the shipped heads and thresholds: nothing here was trained or
tuned on these rows. The window width (64 tokens, 16 shared) was chosen on the validation rows among 24, 32,
48 and 64; the test rows are reported as they came.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

from build import corpus
from datasets import HEADS
from train import label_matrix, prf, target_mask

OUT = HERE / "long_texts.json"
MIN_POSITIVES = 10


def measure() -> dict[str, object]:
    from chatprobe.detect.classifier import TextModel

    model = TextModel()
    enc = model.encoder
    ex = [e for e in corpus() if e.split in ("val", "test")]
    wins = enc.windows([e.text for e in ex])
    long = [e for e, w in zip(ex, wins, strict=True) if len(w) > 1]
    n_windows = sum(len(w) for w in wins if len(w) > 1)
    texts = [e.text for e in long]
    truncated = model.heads.calibrated(enc.encode(texts))
    windowed = model.scores(texts)
    Y = label_matrix(long)
    M = target_mask(Y)
    rows: list[dict[str, object]] = []
    for split in ("val", "test"):
        in_split = np.array([e.split == split for e in long])
        for k, label in enumerate(model.labels):
            if label not in HEADS:
                continue
            j = list(HEADS).index(label)
            m = in_split & (M[:, j] > 0)
            y = Y[m, j] > 0
            if y.sum() < MIN_POSITIVES:
                continue
            rows.append({"split": split, "label": label, "texts": int(m.sum()), "positives": int(y.sum()),
                         "truncated": prf(y, truncated[m, k] >= 0.5), "windows": prf(y, windowed[m, k] >= 0.5)})
    # the whole pipeline, each way: flags on the long texts the datasets call abusive and on those they do not
    from chatprobe.detect.pipeline import Pipeline

    abusive = Y[:, list(HEADS).index("abusive")]
    pipe: dict[str, object] = {"abusive": int((abusive == 1).sum()), "clean": int((abusive == 0).sum())}
    default = Pipeline.default()
    for name, whole in (("truncated", False), ("windows", True)):
        dets = [TextModel(windows=whole) if isinstance(d, TextModel) else d for d in default.detectors]
        flagged = np.array([bool(d.labels) for d in Pipeline(name, dets, default.options).classify(texts)])
        pipe[name] = {"abusive": int((flagged & (abusive == 1)).sum()), "clean": int((flagged & (abusive == 0)).sum())}
    by_source: dict[str, int] = {}
    for e in long:
        by_source[e.source] = by_source.get(e.source, 0) + 1
    return {"long_texts": len(long), "of": len(ex), "windows": n_windows, "by_source": by_source, "rows": rows,
            "pipeline": pipe}


def main() -> None:
    res = measure()
    print(f"{res['long_texts']:,} of {res['of']:,} validation and test texts are longer than one window "
          f"({res['windows']:,} windows)")
    print(f"{'split':5} {'label':16} {'texts':>6} {'pos':>5}   truncated F1 (P/R)   windows F1 (P/R)")
    for r in res["rows"]:  # type: ignore[union-attr]
        t, w = r["truncated"], r["windows"]
        print(f"{r['split']:5} {r['label']:16} {r['texts']:6d} {r['positives']:5d}   "
              f"{t['f1']:.2f} ({t['precision']:.2f}/{t['recall']:.2f})     "
              f"{w['f1']:.2f} ({w['precision']:.2f}/{w['recall']:.2f})")
    p = res["pipeline"]
    print(f"whole pipeline, flagged of {p['abusive']} abusive / {p['clean']} not: first 64 tokens "  # type: ignore[index]
          f"{p['truncated']['abusive']} / {p['truncated']['clean']}, windows {p['windows']['abusive']} / "  # type: ignore[index]
          f"{p['windows']['clean']}")  # type: ignore[index]
    OUT.write_text(json.dumps(res, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(HERE.parent)}")


if __name__ == "__main__":
    main()
