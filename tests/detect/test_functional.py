"""Functional tests (HateCheck style), written for chatprobe and kept out of training.

Hateful cases must get a category (and the expected one), non-hateful cases none. The bar is the issue's:
≥ 90 % correct on hateful and on non-hateful cases, and the target category right in ≥ 85 % of caught
hateful cases. Figures per functionality are printed and go into the model card (training/functional.py).
"""

from chatprobe.detect.evaluate import functional

from .conftest import functional_cases


def test_functional_suite(pipeline):
    cases = functional_cases()
    r = functional(cases, [d.labels for d in pipeline.classify([c["text"] for c in cases])])
    for (f, kind), (ok, n) in sorted(r.per.items()):
        print(f"{f:22s} {kind:12s} {ok:3d}/{n:3d}")
    for m in r.misses:
        print("MISS", m)
    assert r.hateful[0] / r.hateful[1] >= 0.90, (r.hateful, r.misses)
    assert r.clean[0] / r.clean[1] >= 0.90, (r.clean, r.misses)
    assert r.target[0] / r.target[1] >= 0.85, (r.target, r.misses)
    assert len({f for f, _ in r.per}) >= 13


def test_functional_scoring_counts_what_it_should():
    cases = [{"functionality": "slur", "text": "a", "hateful": "1", "expected": "race"},
             {"functionality": "slur", "text": "b", "hateful": "1", "expected": "race"},
             {"functionality": "slur", "text": "c", "hateful": "1", "expected": "race"},
             {"functionality": "police talk", "text": "d", "hateful": "0", "expected": "none"},
             {"functionality": "police talk", "text": "e", "hateful": "0", "expected": "none"}]
    r = functional(cases, [["race"], ["religion", "endorsement"], ["counter_speech"], [], ["derogatory"]])
    assert r.hateful == [2, 3] and r.clean == [1, 2] and r.target == [1, 2]
    assert r.per == {("slur", "hateful"): [2, 3], ("police talk", "non-hateful"): [1, 2]}
    assert [m[1] for m in r.misses] == ["b", "c", "e"]
