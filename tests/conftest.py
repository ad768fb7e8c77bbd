from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).with_name("fixtures")
SHARED = ROOT.parent / "shared" / "data" / "exports"


@pytest.fixture
def shared_exports() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared/data/exports is not present (fresh clone without shared material)")
    return SHARED


@pytest.fixture
def write(tmp_path: Path):
    """Write text (or bytes) to a file under tmp_path and return its path."""

    def _write(content: str | bytes, name: str = "chat.txt", encoding: str = "utf-8") -> Path:
        p = tmp_path / name
        p.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
        return p

    return _write
