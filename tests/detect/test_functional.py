"""Functional tests (HateCheck style), written for chatprobe and kept out of training.

Hateful cases must get a category (and the expected one), non-hateful cases none. The bar is the issue's:
≥ 90 % correct on hateful and on non-hateful cases, and the target category right in ≥ 85 % of caught
hateful cases. Figures per functionality are printed and go into the model card (training/functional.py).
"""

from collections import defaultdict

from chatprobe.detect.taxonomy import taxonomy

from .conftest import functional_cases

CATS = set(taxonomy().text_codes)


def run(pipeline):
    cases = functional_cases()
    decisions = pipeline.classify([c["text"] for c in cases])
    per = defaultdict(lambda: [0, 0])
    hateful = [0, 0]
    clean = [0, 0]
    target = [0, 0]
    misses = []
    for c, d in zip(cases, decisions, strict=True):
        got = set(d.labels) & CATS
        if c["hateful"] == "1":
            ok = bool(got)
            hateful[0] += ok
            hateful[1] += 1
            if ok:
                target[1] += 1
                target[0] += c["expected"] in got
                if c["expected"] not in got:
                    misses.append(("target", c["text"], c["expected"], sorted(got)))
        else:
            ok = not got
            clean[0] += ok
            clean[1] += 1
        per[c["functionality"]][0] += ok
        per[c["functionality"]][1] += 1
        if not ok:
            misses.append((c["functionality"], c["text"], c["expected"], sorted(got)))
    return per, hateful, clean, target, misses


def test_functional_suite(pipeline):
    per, hateful, clean, target, misses = run(pipeline)
    for f, (ok, n) in sorted(per.items()):
        print(f"{f:22s} {ok:3d}/{n:3d}")
    for m in misses:
        print("MISS", m)
    assert hateful[0] / hateful[1] >= 0.90, (hateful, misses)
    assert clean[0] / clean[1] >= 0.90, (clean, misses)
    assert target[0] / target[1] >= 0.85, (target, misses)
    assert len(per) >= 13
