"""Every importer under mutated input (issue 13, point 2): a bounded, fixed-seed run in the suite.
``benchmarks/fuzz.py`` runs the long version (≥ 10,000 mutants) and prints runs/s and distinct failures."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.ingest.fuzzing import mutate, outcome, seeds

SEEDS: dict[str, bytes] = {}


@pytest.fixture(scope="module")
def seed_files(tmp_path_factory) -> dict[str, bytes]:
    if not SEEDS:
        SEEDS.update(seeds(tmp_path_factory.mktemp("seeds")))
    return SEEDS


def test_every_seed_is_a_valid_export(seed_files, tmp_path):
    for name, data in seed_files.items():
        p = tmp_path / name
        p.write_bytes(data)
        assert outcome(p) == "ok", name


@pytest.mark.parametrize("name", ["whatsapp.txt", "whatsapp.zip", "telegram.json", "msgstore.db",
                                  "ChatStorage.sqlite"])
def test_mutants_give_a_clear_error_or_a_result_never_a_traceback(name, seed_files, tmp_path_factory):
    folder = tmp_path_factory.mktemp("mutants")
    seen: dict[str, int] = {}

    @settings(max_examples=120, derandomize=True, deadline=5000, database=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
    @given(st.integers(min_value=0, max_value=2 ** 32 - 1))
    def run(seed: int) -> None:
        data = mutate(seed_files[name], random.Random(seed), name)
        p = folder / name
        p.write_bytes(data)
        result = outcome(p)
        seen[result.split(" ")[0]] = seen.get(result.split(" ")[0], 0) + 1
        assert result in ("ok", "error"), f"seed {seed}: {result}"

    run()
    assert sum(seen.values()) >= 100 and set(seen) <= {"ok", "error"}


def test_the_issue_s_crashes_are_clear_errors(tmp_path, seed_files):
    """The two reported crash classes, reproduced: a zip whose local header is damaged (BadZipFile / OSError
    at zf.open) and JSON nested 100,000 deep (RecursionError)."""
    data = bytearray(seed_files["whatsapp.zip"])
    second = data.index(b"PK\x03\x04", 4)  # the media member's local header
    data[second:second + 4] = b"XX\x03\x04"
    p = tmp_path / "bad-magic.zip"
    p.write_bytes(bytes(data))
    assert outcome(p) == "error"
    deep = tmp_path / "result.json"
    deep.write_bytes(b'{"messages": ' + b"[" * 100_000 + b"]" * 100_000 + b"}")
    assert outcome(deep) == "error"
    deep2 = tmp_path / "deep2.json"
    deep2.write_bytes(b"[" * 100_000)
    assert outcome(deep2) == "error"


def test_a_crashing_import_is_one_failed_file_with_an_audit_entry(tmp_path, seed_files):
    from chatprobe.store import audit
    from chatprobe.case import Case
    data = bytearray(seed_files["whatsapp.zip"])
    second = data.index(b"PK\x03\x04", 4)
    data[second:second + 4] = b"XX\x03\x04"
    p = tmp_path / "bad-magic.zip"
    p.write_bytes(bytes(data))
    deep = tmp_path / "result.json"
    deep.write_bytes(b'{"messages": ' + b"[" * 100_000 + b"]" * 100_000 + b"}")
    case = Case.open("f", home=tmp_path / "cases")
    try:
        report = case.import_paths([p, deep])
        assert [f.outcome for f in report.files] == ["failed", "failed"]
        assert "corrupt" in report.files[0].error and "nested too deeply" in report.files[1].error
        assert report.files[0].error.startswith("bad-magic.zip!/")  # the original's name, not the store's copy
        with case.store.engine.connect() as conn:
            log = audit.entries(conn)
            from sqlalchemy import select

            from chatprobe.store import schema as t
            status = conn.execute(select(t.import_run.c.status)).scalar_one()
        assert status == "failed" and [e["detail"]["outcome"] for e in log] == ["failed", "failed"]
        assert case.verify() == (0, [])  # no stray evidence copy
    finally:
        case.close()


def test_the_boundary_names_file_and_position(monkeypatch, tmp_path):
    """An unforeseen exception deep in a parser becomes a ParseError with the file and the last line read."""
    from chatprobe import parse_file
    from chatprobe.errors import ParseError
    from chatprobe.ingest.whatsapp import messages as wa
    p = tmp_path / "chat.txt"
    p.write_text("01/05/2024, 08:00 - Ann: one\n01/05/2024, 08:01 - Ben: two\n", encoding="utf-8")
    monkeypatch.setattr(wa.RangeParser, "_make_emit", lambda self: lambda *a: (_ for _ in ()).throw(IndexError("x")))
    with pytest.raises(ParseError) as err:
        list(parse_file(p)[0].messages())
    assert "chat.txt" in str(err.value) and "IndexError" in str(err.value) and "first message" in str(err.value)
