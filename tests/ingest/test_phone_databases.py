"""Android msgstore.db (+ wa.db), legacy msgstore and iOS ChatStorage.sqlite, built by the tests with the
real table layouts; opened read-only; membership events from the system rows."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from chatprobe.api import parse_file
from chatprobe.case import Case
from chatprobe.errors import UnsupportedFormat

from .phone_dbs import android, android_legacy, ios


def fingerprint(path: Path) -> tuple[str, float]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), os.stat(path).st_mtime


def test_android_msgstore_with_wa_db_names(tmp_path):
    db = android(tmp_path / "msgstore.db")
    before = fingerprint(db), fingerprint(tmp_path / "wa.db")
    case = Case.open("a", home=tmp_path / "cases")
    try:
        report = case.import_paths([db])
        from chatprobe.analyse.stored import classify_case, load_case
        classify_case(case)
        result = load_case(case).investigation.to_json()
        assert {e["original_name"] for e in case.store.evidence_rows()} == {"msgstore.db", "wa.db"}
    finally:
        case.close()
    assert (fingerprint(db), fingerprint(tmp_path / "wa.db")) == before  # the evidence is never modified
    assert report.files[0].outcome == "imported" and report.files[0].chats[0].title == "Night Shift"
    f = result["findings"][0]
    assert f["sender"] == "Ben Ward" and f["categories"] == ["religion"]
    assert f["timestamp"] == "2024-05-01T09:30:00" and f["timestamp_raw"] == "1714555800000"
    assert f["source"]["line"] == 4  # message._id
    assert f["responses"] == {"Carl Diaz": "endorsement", "Dev P": "counter_speech", "You": "silent"}
    spans = result["chats"][0]["membership"]
    assert spans["Dev P"] == [{"from_position": 1, "to_position": 6}]  # added, then left
    assert spans["You"][0]["from_position"] == 0  # created the group


def test_android_system_rows_and_media(tmp_path):
    streams = parse_file(android(tmp_path / "msgstore.db", contacts=False))
    (s,) = streams
    msgs = list(s.messages())
    kinds = [(m.kind.value, m.system_type) for m in msgs]
    assert kinds[:2] == [("system", "created"), ("system", "added")]
    assert [e.kind.value for e in s.events] == ["created", "added", "added", "added", "left", "changed_number"]
    change = s.events[-1]
    assert change.subject == "+447700900002" and change.detail == "+447700900099"
    media = msgs[7]
    assert media.kind.value == "media" and media.attachments[0].name == "IMG-20240501-WA0001.jpg"
    assert media.attachments[0].type == "image" and media.attachments[0].present is False
    assert msgs[2].sender == "+447700900002"  # no wa.db: the number
    assert "\ufffd" in msgs[9].text  # invalid UTF-8 is replaced, not fatal


def test_legacy_android_schema(tmp_path):
    streams = parse_file(android_legacy(tmp_path / "msgstore.db"))
    (s,) = streams
    msgs = list(s.messages())
    assert s.layout.name == "android-legacy-database"
    assert [m.kind.value for m in msgs] == ["system", "text", "media", "system"]
    assert msgs[1].text == "hello team" and msgs[1].timestamp == datetime(2024, 5, 1, 8, 1)
    assert [e.kind.value for e in s.events] == ["created", "left"]


def test_ios_chatstorage(tmp_path):
    db = ios(tmp_path / "ChatStorage.sqlite")
    before = fingerprint(db)
    streams = parse_file(db)
    (s,) = streams
    msgs = list(s.messages())
    assert fingerprint(db) == before
    assert s.title == "Response Team C" and s.layout.name == "ios-database"
    assert [e.kind.value for e in s.events] == ["created", "added", "added", "left"]
    assert [e.subject for e in s.events[1:]] == ["Ben Ward", "Carl", "Carl"]
    text = [m for m in msgs if m.kind.value == "text"]
    assert text[0].sender == "Ben Ward" and text[0].timestamp == datetime(2024, 5, 1, 8, 10, 0, 500000)
    assert text[0].source.line_start == 4  # Z_PK
    assert msgs[-1].attachments[0].name == "photo.jpg"


def test_other_databases_are_named(tmp_path):
    other = tmp_path / "notes.db"
    sqlite3.connect(other).execute("create table notes(x)").connection.commit()
    with pytest.raises(UnsupportedFormat, match="SQLite database chatprobe does not know"):
        parse_file(other)
    wa = tmp_path / "wa.db"
    con = sqlite3.connect(wa)
    con.execute("create table wa_contacts(jid, display_name)")
    con.commit()
    with pytest.raises(UnsupportedFormat, match="contact names only"):
        parse_file(wa)


def test_truncated_or_encrypted_databases_fail_clearly(tmp_path):
    db = android(tmp_path / "msgstore.db", contacts=False)
    data = db.read_bytes()
    cut = tmp_path / "cut" / "msgstore.db"
    cut.parent.mkdir()
    cut.write_bytes(data[: len(data) // 2])
    crypt = tmp_path / "msgstore.db.crypt14"
    crypt.write_bytes(b"\x00\x01" + os.urandom(4000))
    case = Case.open("t", home=tmp_path / "cases")
    try:
        report = case.import_paths([cut, crypt])
        assert [f.outcome for f in report.files] == ["failed", "failed"]
        assert "msgstore.db" in report.files[0].error
        assert "encrypted WhatsApp backup" in report.files[1].error
        assert case.store.count(__import__("chatprobe.store.schema", fromlist=["message"]).message) == 0
    finally:
        case.close()


def test_a_database_that_gives_no_messages_is_a_warning(tmp_path):
    """issue 13, point 9: an unknown msgstore.db variant imported 'ok' with 0 messages and no word."""
    db = tmp_path / "msgstore.db"
    con = sqlite3.connect(db)
    con.executescript("CREATE TABLE jid (_id INTEGER PRIMARY KEY, raw_string TEXT);"
                      "CREATE TABLE chat (_id INTEGER PRIMARY KEY, jid_row_id INTEGER, subject TEXT);"
                      "CREATE TABLE message (_id INTEGER PRIMARY KEY, chat_row_id INTEGER, timestamp INTEGER, "
                      "from_me INTEGER, message_type INTEGER, sender_jid_row_id INTEGER);"
                      "INSERT INTO jid VALUES (1, '120363000000000001@g.us');"
                      "INSERT INTO chat VALUES (1, 1, 'Team');"
                      "INSERT INTO message VALUES (1, 99, 1714550400000, 0, 0, NULL);")  # rows under another key
    con.commit()
    con.close()
    case = Case.open("empty", home=tmp_path / "cases")
    try:
        report = case.import_paths([db])
        assert report.files[0].outcome == "imported"
        codes = [w.code for w in report.warnings]
        assert codes.count("no-messages") == 2  # the chat, and the file as a whole
        from chatprobe.store import schema as t
        assert case.store.count(t.import_warning, t.import_warning.c.code == "no-messages") == 2
    finally:
        case.close()


def test_cells_of_the_wrong_type_are_read_with_a_warning(tmp_path):
    db = android(tmp_path / "msgstore.db", contacts=False)
    con = sqlite3.connect(db)
    con.execute("UPDATE message SET message_type = 'zero', timestamp = 99999999999999999 WHERE _id = "
                "(SELECT MIN(_id) FROM message WHERE text_data IS NOT NULL)")
    con.execute("UPDATE jid SET raw_string = x'ff00fe' WHERE _id = 2")
    con.commit()
    con.close()
    streams = parse_file(db)
    msgs = [m for s in streams for m in s.messages()]
    warnings = [w for s in streams for w in s.warnings.all()]
    assert msgs and {w.code for w in warnings} >= {"coerced-field", "bad-timestamp"}
    assert any("message_type" not in w.message and "column type holds str 'zero'" in w.message for w in warnings)
