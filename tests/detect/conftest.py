from __future__ import annotations

import csv
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent


@pytest.fixture(scope="session")
def pipeline():
    from chatprobe.detect.pipeline import Pipeline
    return Pipeline.default()


@pytest.fixture(scope="session")
def lexicon():
    from chatprobe.detect.lexicon import Lexicon
    return Lexicon()


def functional_cases() -> list[dict[str, str]]:
    with open(HERE / "functional_cases.tsv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
