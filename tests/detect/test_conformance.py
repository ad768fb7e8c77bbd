import pytest

from chatprobe.detect.base import Detection, Detector, Explanation, TextItem, registry
from chatprobe.detect.conformance import ConformanceError, check_detector


@pytest.mark.parametrize("name", registry.names())
def test_every_registered_detector_conforms(name):
    check_detector(registry.create(name))


def test_registry_lists_builtins():
    assert {"lexicon", "text-model"} <= set(registry.names())
    with pytest.raises(KeyError, match="unknown detector"):
        registry.create("nope")


class _Flaky(Detector):
    name, version, labels = "flaky", "1", ("derogatory",)

    def __init__(self):
        self.calls = 0

    def detect(self, items):
        self.calls += 1
        return [(Detection(it.id, "derogatory", 1.5 if len(items) > 1 else 0.5,
                           Explanation(self.name, self.version, "x", "x")),) for it in items]


class _BatchDependent(Detector):
    name, version, labels = "batchy", "1", ("derogatory",)

    def detect(self, items):
        return [(Detection(it.id, "derogatory", 1 / (1 + len(items)), Explanation(self.name, "1", "r", "n")),)
                for it in items]


def test_check_catches_broken_detectors():
    with pytest.raises(ConformanceError, match="outside"):
        check_detector(_Flaky())
    with pytest.raises(ConformanceError, match="alone differs"):
        check_detector(_BatchDependent())


def test_pipeline_is_batch_invariant_and_deterministic():
    from chatprobe.detect.pipeline import Pipeline
    texts = ["you muppet", "😂😂", "IC3 male", "Muslims are vermin", "you muppet", "", "x" * 10_000]
    pipeline = Pipeline.default()
    batch = [d.to_json() for d in pipeline.classify(texts)]
    # fresh pipelines: a pipeline remembers decisions by text, which would hide a batch effect
    alone = [Pipeline.default().classify([t])[0].to_json() for t in texts]
    for a, b in zip(batch, alone, strict=True):
        a.pop("id"), b.pop("id")
        assert a == b
    assert [d.to_json() for d in pipeline.classify(texts)][1:] == [d.to_json() for d in pipeline.classify(texts)][1:]


def test_scores_cover_every_label(pipeline):
    from chatprobe.detect.taxonomy import taxonomy
    d = pipeline.classify([TextItem("a", "hello")])[0]
    assert set(d.scores) == set(taxonomy().labels)
    assert all(0.0 <= v <= 1.0 for v in d.scores.values())
    assert d.labels == ()


def test_pipeline_memo_gives_the_same_decisions_as_a_fresh_run():
    from chatprobe.detect.pipeline import Pipeline
    warm = Pipeline.default()
    warm.classify(["you muppet", "😂😂"])
    assert len(warm._memo) == 2
    texts = ["you muppet", "Muslims are vermin", "😂😂", "you muppet"]
    assert [d.to_json() for d in warm.classify(texts)] == [d.to_json() for d in Pipeline.default().classify(texts)]
    warm.memo_size = 3
    warm.classify(["a new text", "another one"])  # over the limit: the memo starts again
    assert set(warm._memo) == {"a new text", "another one"}
    # a batch that fills the memo while it repeats a remembered text (a case of over 100,000 distinct messages)
    again = ["another one", "a third", "a fourth", "Muslims are vermin"]
    assert [d.to_json() for d in warm.classify(again)] == [d.to_json() for d in Pipeline.default().classify(again)]
    assert set(warm._memo) == {"a third", "a fourth", "Muslims are vermin"}


class _Random(Detector):
    name, version, labels = "random", "1", ("threat",)

    def __init__(self):
        import random
        self.rng = random.Random()

    def detect(self, items):
        return [(Detection(it.id, "threat", self.rng.random(), Explanation(self.name, "1", "r", "n")),) for it in items]


def test_check_catches_a_non_deterministic_detector():
    with pytest.raises(ConformanceError, match="two runs over the same batch differ"):
        check_detector(_Random())


PLUGIN = "tests.detect.plugins.fishes:Fishes"


def test_a_new_detector_is_one_file_and_one_line_of_pipeline_config(tmp_path):
    from importlib import resources

    from chatprobe.detect.pipeline import Pipeline
    default = resources.files("chatprobe.detect").joinpath("pipelines/default.toml").read_text("utf-8")
    config = tmp_path / "with-fishes.toml"
    config.write_text(default.replace('[[detector]]\nname = "lexicon"',
                                      f'[[detector]]\nname = "lexicon"\n\n[[detector]]\nname = "{PLUGIN}"'),
                      encoding="utf-8")
    text = "Tell Dave he'll be sleeping with the fishes by Friday"
    assert "threat" not in Pipeline.default().classify([text])[0].labels
    d = Pipeline.from_config(config).classify([text, "we had fish and chips"])
    assert d[0].labels == ("threat",) and d[0].severity == {"threat": 3}
    reason = next(r for r in d[0].reasons if r.label == "threat")
    assert reason.source == "fishes" and reason.rule == "fishes.idiom" and reason.matched == "sleeping with the fishes"
    assert d[1].labels == ()
    check_detector(registry.create(PLUGIN))


def test_a_bad_detector_line_is_one_clear_error(tmp_path):
    from chatprobe.detect.pipeline import Pipeline
    from chatprobe.errors import InputError
    config = tmp_path / "bad.toml"
    config.write_text('[[detector]]\nname = "tests.detect.plugins.fishes:Nope"\n', encoding="utf-8")
    with pytest.raises(InputError, match="cannot load detector"):
        Pipeline.from_config(config)
