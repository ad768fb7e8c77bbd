"""Telegram Desktop JSON: single chat and full-account exports, entity-list text, service messages."""

from __future__ import annotations

import json

from chatprobe import parse_file

SINGLE = {
    "name": "Ops Room", "type": "private_supergroup", "id": 4242,
    "messages": [
        {"id": 1, "type": "service", "date": "2023-05-01T09:00:00", "date_unixtime": "1682931600",
         "actor": "Kim Lee", "actor_id": "user1", "action": "create_group", "title": "Ops Room",
         "members": ["Ravi Shah", "Ana Cruz"], "text": "", "text_entities": []},
        {"id": 2, "type": "message", "date": "2023-05-01T09:01:00", "from": "Ravi Shah", "from_id": "user2",
         "text": ["Check ", {"type": "link", "text": "https://example.org"}, " now"], "edited": "2023-05-01T09:02:00"},
        {"id": 3, "type": "message", "date": "2023-05-01T09:03:00", "from": "Ana Cruz", "from_id": "user3",
         "photo": "photos/photo_1.jpg", "width": 10, "height": 10, "text": "scene"},
        {"id": 4, "type": "message", "date": "2023-05-01T09:04:00", "from": "Ana Cruz", "from_id": "user3",
         "file": "(File not included. Change data exporting settings to download.)", "media_type": "voice_message",
         "text": ""},
        {"id": 5, "type": "service", "date": "2023-05-02T10:00:00", "actor": "Sam Fox", "action": "join_group_by_link",
         "text": ""},
        {"id": 6, "type": "service", "date": "2023-05-03T10:00:00", "actor": "Ana Cruz", "action": "remove_members",
         "members": ["Ana Cruz"], "text": ""},
        {"id": 7, "type": "service", "date": "2023-05-03T11:00:00", "actor": "Kim Lee", "action": "remove_members",
         "members": ["Sam Fox"], "text": ""},
        {"id": 8, "type": "message", "date": "2023-05-03T12:00:00", "from": None, "from_id": "user9", "text": "ghost",
         "reply_to_message_id": 2},
    ],
}


def test_single_chat(write) -> None:
    path = write(json.dumps(SINGLE, indent=1, ensure_ascii=False), "result.json")
    streams = parse_file(path)
    (stream,) = streams
    msgs = list(stream.messages())
    assert stream.title == "Ops Room" and stream.layout.name == "telegram-json-single"
    assert [m.kind.value for m in msgs] == ["system", "text", "media", "media", "system", "system", "system", "text"]
    assert msgs[1].text == "Check https://example.org now" and msgs[1].edited
    assert msgs[2].attachments[0].type == "image" and msgs[2].text == "scene"
    assert msgs[3].attachments[0].type == "audio" and not msgs[3].attachments[0].present
    assert msgs[7].sender == "user9" and msgs[7].reply_to == msgs[1].id  # Telegram's id 2 is our message 1
    assert [(e.kind.value, e.subject, e.actor) for e in stream.events] == [
        ("created", "Kim Lee", "Kim Lee"), ("created", "Ravi Shah", "Kim Lee"), ("created", "Ana Cruz", "Kim Lee"),
        ("joined_by_link", "Sam Fox", "Sam Fox"), ("left", "Ana Cruz", "Ana Cruz"), ("removed", "Sam Fox", "Kim Lee")]
    # Each message cites the line where its JSON object starts.
    text = path.read_text(encoding="utf-8").splitlines()
    for m in msgs:
        assert text[m.source.line_start - 1].strip() == "{"
        assert f'"id": {int(m.id.rsplit("-", 1)[1]) + 1},' in text[m.source.line_start]


def test_full_account_export_with_left_chats(write) -> None:
    doc = {"about": "x", "chats": {"about": "", "list": [SINGLE, {"name": "Two", "id": 7, "messages": [
        {"id": 1, "type": "message", "date": "2023-01-01T00:00:00", "from": "A", "text": "hi"}]}]},
           "left_chats": {"list": [{"name": "Gone", "id": 9, "messages": []}]}}
    streams = parse_file(write(json.dumps(doc), "result.json"))
    assert [s.title for s in streams] == ["Ops Room", "Two", "Gone"]
    ids = [m.id for s in streams for m in s.messages()]
    assert len(ids) == len(set(ids)) == 9


# --- fields of the wrong type are warned about, never silently converted or attributed (issue 13, point 8) ----

def _parse_warned(write, messages: list) -> tuple[list, list]:
    doc = {"name": "Ops", "type": "private_group", "id": 1, "messages": messages}
    path = write(json.dumps(doc, indent=1), "result.json")
    streams = parse_file(path)
    msgs = list(streams[0].messages())
    return msgs, streams[0].warnings.all()


def test_an_object_as_text_is_read_from_its_text_and_warned_not_its_repr(write):
    msgs, warnings = _parse_warned(write, [
        {"id": 1, "type": "message", "date": "2023-05-01T09:01:00", "from": "Ravi", "from_id": "user2",
         "text": {"type": "bold", "text": "hello"}},
        {"id": 2, "type": "message", "date": "2023-05-01T09:02:00", "from": "Ravi", "from_id": "user2",
         "text": {"weird": 1}}])
    assert [m.text for m in msgs] == ["hello", ""]
    assert "{" not in msgs[1].text and "'weird'" not in msgs[1].text
    assert [(w.line, w.code) for w in warnings] == [(m.source.line_start, "coerced-field") for m in msgs]


def test_list_items_that_are_not_text_are_warned_not_dropped_silently(write):
    msgs, warnings = _parse_warned(write, [
        {"id": 1, "type": "message", "date": "2023-05-01T09:01:00", "from": "Ravi", "from_id": "user2",
         "text": ["a", 7, None, {"type": "link", "text": ["x"]}, {"type": "bold", "text": "b"}]}])
    assert msgs[0].text == "a7b"
    assert [w.message.split(" ")[1] for w in warnings] == ["item", "item", "item"]
    assert "item 2 is a number" in warnings[0].message and "item 3 is NoneType" in warnings[1].message


def test_no_sender_is_made_up(write):
    msgs, warnings = _parse_warned(write, [
        {"id": 1, "type": "message", "date": "2023-05-01T09:01:00", "text": "no from at all"},
        {"id": 2, "type": "message", "date": "2023-05-01T09:02:00", "from": 12345, "text": "numeric from"},
        {"id": 3, "type": "message", "date": "2023-05-01T09:03:00", "from": 12345, "from_id": "user7", "text": "x"},
        {"id": 4, "type": "message", "date": "2023-05-01T09:04:00", "from": None, "from_id": "user9", "text": "y"},
        {"id": 5, "type": "message", "date": "2023-05-01T09:05:00", "from": ["Ravi"], "text": "z"}])
    senders = [m.sender for m in msgs]
    assert "Deleted Account" not in senders
    assert senders == ["(sender not recorded)", "12345", "user7", "user9", "(sender not recorded)"]
    assert len([w for w in warnings if w.code == "coerced-field"]) == 5


def test_unknown_fields_and_wrong_types_elsewhere_are_each_warned(write):
    msgs, warnings = _parse_warned(write, [
        {"id": 1, "type": "service", "date": "2023-05-01T09:00:00", "actor": "Kim", "action": "invite_members",
         "members": ["Ana", None, 5], "text": ""},
        {"id": 2, "type": "message", "date": "2023-05-01T09:01:00", "from": "Kim", "from_id": "user1",
         "poll": "not an object", "text": "", "mystery_field": 1},
        {"id": 3, "type": "message", "date": "2023-05-01T09:02:00", "from": "Kim", "from_id": "user1",
         "photo": {"path": "x.jpg"}, "reply_to_message_id": [2], "text": "t", "mystery_field": 2}])
    codes = sorted((w.code, w.message.split(";")[0]) for w in warnings)
    assert ("unknown-field", "field 'mystery_field' is not one chatprobe knows (2 messages, first here)") in codes
    assert len([c for c in codes if c[0] == "coerced-field"]) == 5
    assert msgs[2].attachments == () and msgs[2].reply_to is None and msgs[1].text == ""
