"""A detector added the way a newcomer would add one: this file, and one line in a pipeline's TOML
(``name = "tests.detect.plugins.fishes:Fishes"``). It knows one mob idiom the built-in detectors miss."""

from __future__ import annotations

import re
from collections.abc import Sequence

from chatprobe.detect.base import Detection, Detector, Explanation, TextItem

IDIOM = re.compile(r"\bsleep(?:s|ing)? with the fish(?:es)?\b", re.IGNORECASE)


class Fishes(Detector):
    name = "fishes"
    version = "1"
    labels = ("threat",)
    evidence = "explicit"

    def detect(self, items: Sequence[TextItem]) -> list[tuple[Detection, ...]]:
        out: list[tuple[Detection, ...]] = []
        for it in items:
            m = IDIOM.search(it.text)
            out.append(() if m is None else (Detection(
                it.id, "threat", 0.9, Explanation(self.name, self.version, "fishes.idiom",
                                                  "a threat to kill, as a mob idiom", m.span(), m.group(0)),
                severity=3),))
        return out
