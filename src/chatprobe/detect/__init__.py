"""Detection: taxonomy, the detector contract and registry, the lexicon, the text model, the pipeline.

    from chatprobe.detect import Pipeline
    pipe = Pipeline.default()
    for decision in pipe.classify(["you useless muppet", "IC3 male, 20s"]):
        print(decision.labels, decision.scores)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["Decision", "Detection", "Detector", "Explanation", "Pipeline", "TextItem", "registry", "taxonomy"]

if TYPE_CHECKING:
    from chatprobe.detect.base import Detection, Detector, Explanation, TextItem, registry
    from chatprobe.detect.pipeline import Decision, Pipeline
    from chatprobe.detect.taxonomy import taxonomy

_WHERE = {"Detection": "base", "Detector": "base", "Explanation": "base", "TextItem": "base", "registry": "base",
          "Decision": "pipeline", "Pipeline": "pipeline", "taxonomy": "taxonomy"}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        import importlib
        return getattr(importlib.import_module(f"chatprobe.detect.{_WHERE[name]}"), name)
    raise AttributeError(name)
