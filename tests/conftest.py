from __future__ import annotations

import os
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


# `make test` sets this when Debian's PostgreSQL is installed: a PostgreSQL test may then not skip.
REQUIRE_POSTGRES = os.environ.get("CHATPROBE_REQUIRE_POSTGRES") == "1"


def _no_postgres(reason: str) -> None:
    if REQUIRE_POSTGRES:
        pytest.fail(f"{reason}, but CHATPROBE_REQUIRE_POSTGRES=1 says it should be there")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def postgres():
    """A PostgreSQL server on 127.0.0.1 for this test session. Without one the test is skipped and the summary
    says how many PostgreSQL tests did not run (never silently reduced to SQLite)."""
    from tests.pg import Server, binaries
    if binaries() is None:
        _no_postgres("PostgreSQL is not installed (make test installs Debian's postgresql when it can)")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        _no_postgres("psycopg is not installed (pip install 'chatprobe[postgres]')")
    server = Server()
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """A fresh, empty database on each backend: a SQLite file, and a new PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'case.db'}"
    return request.getfixturevalue("postgres").new_database()


def pytest_collection_modifyitems(items):
    """Every test that runs on PostgreSQL carries the ``postgresql`` marker (``-m postgresql`` runs them)."""
    for item in items:
        callspec = getattr(item, "callspec", None)
        on_pg = callspec is not None and "postgresql" in callspec.params.values()
        if on_pg or "postgres" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.postgresql)


def pytest_terminal_summary(terminalreporter):
    """One line on the second backend: how many PostgreSQL tests ran, and how many were skipped and why."""
    counts = {}
    for outcome in ("passed", "failed", "error", "skipped"):
        reports = [r for r in terminalreporter.stats.get(outcome, [])
                   if getattr(r, "when", "call") in ("call", "setup") and "postgresql" in getattr(r, "keywords", {})]
        if reports:
            counts[outcome] = len({r.nodeid for r in reports})
    if not counts:
        return
    line = "PostgreSQL backend: " + ", ".join(f"{n} {k}" for k, n in counts.items())
    if counts.get("skipped"):
        line += " (no server here: those ran on SQLite only; install Debian's postgresql, as make test does)"
    terminalreporter.write_line(line, yellow=bool(counts.get("skipped")), green=not counts.get("skipped"))
