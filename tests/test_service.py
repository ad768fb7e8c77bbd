"""The service layer: the whole job through the public API, each act audited exactly once."""

from __future__ import annotations

from pathlib import Path

import chatprobe
from chatprobe import (
    Outputs,
    Selection,
    classify,
    decide,
    export,
    export_bytes,
    import_exports,
    investigate,
    open_case,
    verify,
)
from chatprobe.store import audit

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "investigation" / "night-shift.txt"


def _actions(case) -> list[str]:
    with case.store.engine.connect() as conn:
        return [e["action"] for e in audit.entries(conn)]


def test_the_job_through_the_public_api_audits_each_act_once(tmp_path):
    assert {"open_case", "import_exports", "classify", "investigate", "decide", "export"} <= set(chatprobe.__all__)
    case = open_case("svc", home=tmp_path)
    try:
        report = import_exports(case, [FIXTURE])
        assert not report.failed and _actions(case) == ["import"]
        run_id = classify(case)
        assert _actions(case)[-1] == "analysis" and _actions(case).count("analysis") == 1
        analysis = investigate(case)
        assert int(analysis.run["id"]) == run_id and analysis.investigation.findings
        first = analysis.investigation.findings[0].message.id
        before = len(_actions(case))
        investigate(case)  # reading writes nothing
        assert len(_actions(case)) == before
        d = decide(case, first, "confirm", "racist abuse", reviewer="dskhan")
        assert d.decision == "confirm" and _actions(case)[-1] == "decision"
        confirmed = investigate(case, selection=Selection(confirmed_only=True))
        assert [f.message.id for f in confirmed.investigation.findings] == [first]
        written = export(case, confirmed, Outputs(html=tmp_path / "r.html", csv_dir=tmp_path / "csv"))
        assert (tmp_path / "r.html") in written and _actions(case)[-1] == "export"
        assert _actions(case).count("export") == 1  # four files, one entry
        body = export_bytes(case, confirmed, "html", actor="dskhan", selection=Selection(confirmed_only=True))
        assert b"Exhibit CP-001" in body and _actions(case).count("export") == 2
        checked = verify(case)
        assert checked.ok and checked.checked == 1 and checked.receipt.startswith("svc audit #")
    finally:
        case.close()
