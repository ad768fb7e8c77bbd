"""The workbench core (issue 11, points 4-6): search over every message, the whole conversation, tags and
bulk decisions, each audited one by one. On SQLite (FTS5) and PostgreSQL (full-text search)."""

from __future__ import annotations

from pathlib import Path

import pytest

from chatprobe.analyse.stored import classify_case
from chatprobe.case import Case
from chatprobe.errors import InputError
from chatprobe.review import workbench as wb
from chatprobe.store import audit

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "investigation" / "night-shift.txt"


@pytest.fixture
def night(tmp_path, db_url):
    case = Case.open("night", home=tmp_path, db=db_url)
    case.import_paths([FIXTURE])
    classify_case(case)
    yield case
    case.close()


def _log(case: Case) -> list[dict]:
    with case.store.engine.connect() as conn:
        return audit.entries(conn)


def test_search_covers_every_message_with_filters_and_highlights(night):
    hits, total = wb.search(night, wb.Query(q="shift"))
    assert total == 3 and [h.text for h in hits] == ['Sgt Amy Cole created group "Night Shift"',  # system lines too
                                                     "Can someone cover my shift on Friday?",
                                                     "Shift swap anyone for Friday?"]
    assert hits[2].marks == ((0, 5),)  # "Shift", case-insensitive
    assert wb.search(night, wb.Query(q='"the lot of them"'))[1] == 2
    assert wb.search(night, wb.Query(q="brief*"))[1] == 2  # briefing, Briefing
    assert wb.search(night, wb.Query(q="shift friday", member="Fay Lee"))[1] == 1
    assert wb.search(night, wb.Query(q="friday", date_from="2024-05-02"))[1] == 0
    assert wb.search(night, wb.Query(q='") OR message:* NEAR('))[1] == 0  # typed syntax never reaches the engine
    everything = wb.search(night, wb.Query(), limit=5)
    assert everything[1] == 22 and len(everything[0]) == 5
    findings, n = wb.search(night, wb.Query(status="unreviewed"))
    assert n == 3 and {h.sender for h in findings} == {"Ben Ward", "Carl Diaz", "Eve Stone"}
    assert wb.search(night, wb.Query(category="religion"))[1] == 1


def test_saved_searches_are_kept_and_audited(night):
    wb.save_search(night, "women remarks", wb.Query(q="women", status="unreviewed"), actor="dskhan")
    (saved,) = wb.saved_searches(night)
    assert saved["params"] == {"q": "women", "status": "unreviewed"}
    assert wb.search(night, wb.Query.from_params(saved["params"]))[1] == 1
    assert _log(night)[-1]["action"] == "search-saved"


def test_the_conversation_pages_by_position_around_any_message(night):
    hits, _ = wb.search(night, wb.Query(q="vermin"))
    page = wb.conversation(night, hits[0].chat_id, around=hits[0].message_id, size=6)
    assert [m["position"] for m in page.messages] == [4, 5, 6, 7, 8, 9]
    assert page.messages[3]["text"] == "Muslims are vermin, the lot of them" and page.total == 22
    assert page.previous == 0 and page.next == 10
    last = wb.conversation(night, hits[0].chat_id, start=20, size=6)
    assert [m["position"] for m in last.messages] == [20, 21] and last.next is None
    with pytest.raises(InputError):
        wb.conversation(night, "no-such-chat")


def test_tags_and_bulk_decisions_are_audited_item_by_item(night):
    findings, _ = wb.search(night, wb.Query(status="unreviewed"))
    ids = [h.message_id for h in findings]
    before = len(_log(night))
    assert wb.tag(night, ids, "for-PSD", actor="dskhan") == 3
    assert wb.tag(night, ids, "for-PSD", actor="dskhan") == 0  # already tagged: nothing changes
    assert wb.tags(night) == [{"name": "for-PSD", "messages": 3}]
    assert wb.search(night, wb.Query(tag="for-PSD"))[1] == 3
    assert wb.bulk_decide(night, ids, "dismiss", "test", reviewer="dskhan") == 3
    log = _log(night)[before:]
    assert [e["action"] for e in log] == ["tag"] * 3 + ["decision"] * 3
    assert [e["target"] for e in log[:3]] == ids and [e["target"] for e in log[3:]] == ids
    assert wb.search(night, wb.Query(status="dismissed"))[1] == 3
    page = wb.conversation(night, findings[0].chat_id, around=ids[0], size=1)
    assert page.messages[0]["tags"] == ["for-PSD"]
    assert wb.tag(night, ids[:1], "for-PSD", actor="dskhan", remove=True) == 1


def test_bulk_actions_are_all_or_nothing(night):
    findings, _ = wb.search(night, wb.Query(status="unreviewed"))
    ids = [h.message_id for h in findings]
    plain = wb.search(night, wb.Query(q="briefing"))[0][0].message_id  # not a finding
    before = len(_log(night))
    with pytest.raises(InputError, match="not a finding"):
        wb.bulk_decide(night, [*ids, plain], "confirm", "", reviewer="dskhan")
    with pytest.raises(InputError, match="no message"):
        wb.tag(night, [*ids, "../../etc/passwd"], "x", actor="dskhan")
    with pytest.raises(InputError, match="invalid tag"):
        wb.tag(night, ids, "<script>", actor="dskhan")
    assert len(_log(night)) == before and wb.search(night, wb.Query(status="unreviewed"))[1] == 3
