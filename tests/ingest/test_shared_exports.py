"""The real export samples in ../shared/data/exports (skipped when that folder is absent)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from chatprobe import parse_file
from tests.helpers import parse_all

WA_FILES = ["test_[mmddyy]_24hrs.txt", "test_ddmmyy_24hrs.txt", "test_mmddyy_24hrs.txt",
            "test_mmddyyyy_12hrs.txt", "test_yyyymmdd_24hrs.txt"]


@pytest.mark.parametrize("name", WA_FILES)
def test_chat_miner_whatsapp(shared_exports: Path, name: str) -> None:
    msgs, stream = parse_all(shared_exports / "chat-miner" / "whatsapp" / name)
    # 10 lines: 9 headers, one continuation line. Two are system messages (created, "You were added").
    assert len(msgs) == 9
    assert Counter(m.kind.value for m in msgs) == {"text": 7, "system": 2}
    # Every authored message in chat-miner's own target is found with the same author and timestamp.
    target = json.loads((shared_exports / "chat-miner" / "whatsapp" / "target.json").read_text(encoding="utf-8"))
    ours = {(m.timestamp.isoformat(), m.sender): m.text for m in msgs if m.sender}
    for row in target:
        assert ours[(row["timestamp"], row["author"])].replace("\n", " ") == row["message"]
    assert [e.kind.value for e in stream.events] == ["created", "added"]
    assert stream.events[1].subject == "You"
    assert stream.title == "Groupname"


def test_chat_miner_telegram(shared_exports: Path) -> None:
    target = json.loads((shared_exports / "chat-miner" / "telegram" / "target.json").read_text(encoding="utf-8"))
    for name in ("test_single_export.json", "test_batch_export.json"):
        streams = parse_file(shared_exports / "chat-miner" / "telegram" / name)
        msgs = [m for s in streams for m in s.messages()]
        assert [(m.timestamp.isoformat(), m.sender) for m in msgs] == [
            (r["timestamp"], r["author"]) for r in target]
        # The entity list is concatenated exactly as Telegram stores it (no invented spaces).
        assert msgs[1].text == "Link:https://telegram.org/"
        assert all(m.source.line_start > 1 for m in msgs)


SODA = {
    "_chat.txt": ("ios", "dmy"), "_chat_file1.txt": ("ios", "dmy"), "_chat_file2.txt": ("ios", "mdy"),
    "_chat_file3.txt": ("android", "dmy"), "_chat_file4.txt": ("android", "dmy"),
    "_chat_file5.txt": ("ios", "dmy"), "_chat_file6.txt": ("ios", "mdy"), "whatsapp_chat.zip": ("ios", "dmy"),
}


@pytest.mark.parametrize("name", sorted(SODA))
def test_sodascience(shared_exports: Path, name: str) -> None:
    msgs, stream = parse_all(shared_exports / "sodascience" / name)
    layout, order = SODA[name]
    assert (stream.layout.name, stream.layout.date_order) == (layout, order)
    assert len(msgs) == 10
    assert [m.sender for m in msgs] == [None, "person1", "person2", "person3", "person2", "person1", "person4",
                                        "person1", "person2", "person4"]
    assert Counter(m.kind.value for m in msgs) == {"text": 8, "system": 1, "location": 1}
    assert msgs[0].system_type == "encryption_notice"
    assert msgs[1].timestamp.isoformat()[:16] == "2022-03-16T15:20"
    # Times go backwards at the end of these files (2020 after 2022): kept as written, not reordered.
    assert msgs[-1].timestamp.year == 2020
    if name not in ("_chat.txt", "_chat_file1.txt", "whatsapp_chat.zip"):
        assert msgs[1].text == "Hi \n\nshiva!" and (msgs[1].source.line_start, msgs[1].source.line_end) == (2, 4)


def test_pustur_ios_zip_with_media(shared_exports: Path) -> None:
    msgs, stream = parse_all(shared_exports / "pustur-ios-example" / "whatsapp-chat-parser-example.zip")
    assert len(msgs) == 52
    assert Counter(m.kind.value for m in msgs) == {"text": 43, "system": 4, "media": 4, "poll": 1}
    assert Counter(m.sender for m in msgs if m.sender) == {"Loris": 29, "John": 12, "Emily": 7}  # grep -c "] Name: "
    media = {a.name: (a.type, a.present, a.size) for m in msgs for a in m.attachments}
    assert media == {
        "00000001-PHOTO-2019-06-20-16-00-15.jpg": ("image", True, 146284),
        "00000002-VIDEO-2019-06-20-16-01-42.mp4": ("video", True, 64825),
        "00000003-AUDIO-2019-06-20-16-03-55.mp3": ("audio", True, 240325),
        "00000004-whatsapp-chat-parser-example.zip": ("document", True, 2721),
    }
    assert all(a.sha256 and len(a.sha256) == 64 for m in msgs for a in m.attachments)
    assert stream.title == "WhatsApp Chat Parser Example"
    assert [(e.kind.value, e.subject, e.actor) for e in stream.events] == [
        ("created", "Loris", "Loris"), ("added", "Emily", "Loris"), ("added", "John", "Loris")]
    poll = next(m for m in msgs if m.kind.value == "poll")
    assert poll.text.startswith("POLL:\nWhen can we meet?") and poll.text.count("OPTION:") == 5
    # The __MACOSX decoy is ignored; the chat comes from _chat.txt.
    assert stream.source.member == "_chat.txt"
