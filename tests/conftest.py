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


@pytest.fixture(scope="session")
def postgres():
    """A PostgreSQL server on 127.0.0.1 for this test session (skips when Debian's postgresql is missing)."""
    from tests.pg import Server, binaries
    if binaries() is None:
        pytest.skip("PostgreSQL is not installed (make test installs Debian's postgresql when it can)")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.skip("psycopg is not installed (pip install 'chatprobe[postgres]')")
    server = Server()
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """A fresh, empty database on each backend: a SQLite file, and a new PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'case.db'}"
    return request.getfixturevalue("postgres").new_database()
