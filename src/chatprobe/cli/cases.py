"""Opening what a command works on: an existing case (a clear error when there is none) and a pipeline."""

from __future__ import annotations

from pathlib import Path

from chatprobe.case import Case, check_case_name, default_home
from chatprobe.detect.pipeline import Pipeline
from chatprobe.errors import NotFound


def pipeline(path: Path | None) -> Pipeline:
    """The pipeline from a TOML file, or the default one (a bad file fails here, before anything is run)."""
    return Pipeline.from_config(path)


def existing_case(case_name: str, home: Path | None, db: str | None) -> Case:
    check_case_name(case_name)
    root = (home or default_home()) / case_name
    if db is None and not (root / "case.db").exists():
        raise NotFound(f"no case {case_name!r} under {root.parent}",
                             f"check --case and --home, or start one: chatprobe scan EXPORT.zip --case {case_name}")
    return Case.open(case_name, home=home, db=db)
