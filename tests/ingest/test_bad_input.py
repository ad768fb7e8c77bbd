"""Bad input gets one clear error naming the file (and line), never a traceback or a silent drop."""

from __future__ import annotations

import io
import sqlite3
import zipfile
from pathlib import Path

import pytest

from chatprobe import parse_file
from chatprobe.errors import ParseError, UnsafeArchive, UnsupportedFormat
from tests.helpers import parse_all


def _zip(path: Path, members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", compression) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def _open(path: Path) -> None:
    streams = parse_file(path)
    for s in streams:
        list(s.messages())


def test_empty_file(write) -> None:
    with pytest.raises(UnsupportedFormat, match="chat.txt: the file is empty"):
        _open(write(b""))


def test_binary_file(write) -> None:
    with pytest.raises(UnsupportedFormat, match="binary file"):
        _open(write(bytes(range(256)) * 40, "photo.txt"))


def test_wrong_format(write) -> None:
    with pytest.raises(UnsupportedFormat, match="no line looks like a WhatsApp message header"):
        _open(write("Dear Sir,\nplease find attached the minutes.\n"))


def test_sqlite_database_is_named_not_parsed(tmp_path: Path) -> None:
    db = tmp_path / "msgstore.db"
    sqlite3.connect(db).execute("create table message(_id integer)").connection.commit()
    with pytest.raises(UnsupportedFormat, match="SQLite database"):
        _open(db)


def test_truncated_zip(tmp_path: Path) -> None:
    z = _zip(tmp_path / "full.zip", {"_chat.txt": b"[01/02/2020, 10:00:00] A: hi\n" * 1000})
    cut = tmp_path / "cut.zip"
    cut.write_bytes(z.read_bytes()[: z.stat().st_size // 2])
    with pytest.raises(UnsafeArchive, match="truncated"):
        _open(cut)


def test_corrupt_zip_member(tmp_path: Path) -> None:
    z = _zip(tmp_path / "c.zip", {"_chat.txt": b"[13/02/2020, 10:00:00] A: hello there\n" * 2000})
    data = bytearray(z.read_bytes())
    data[60:70] = b"\xff" * 10  # inside the deflate stream of the only member
    z.write_bytes(bytes(data))
    with pytest.raises(UnsafeArchive, match="corrupt"):
        _open(z)


def test_path_traversal(tmp_path: Path) -> None:
    z = _zip(tmp_path / "evil.zip", {"_chat.txt": b"[13/02/2020, 10:00:00] A: hi\n", "../../etc/cron.d/x": b"boom"})
    with pytest.raises(UnsafeArchive, match="path traversal"):
        _open(z)


def test_zip_bomb(tmp_path: Path) -> None:
    z = _zip(tmp_path / "bomb.zip", {"_chat.txt": b"[13/02/2020, 10:00:00] A: hi\n", "big.bin": b"\0" * (40 << 20)})
    with pytest.raises(UnsafeArchive, match="zip bomb"):
        _open(z)


def test_zip_without_chat(tmp_path: Path) -> None:
    z = _zip(tmp_path / "photos.zip", {"IMG-1.jpg": b"\xff\xd8", "__MACOSX/._chat.txt": b"junk"})
    with pytest.raises(UnsupportedFormat, match="no chat text"):
        _open(z)


def test_utf16_export(write) -> None:
    text = "\ufeff13/02/2020, 10:00 - Zoë: héllo 😀\r\n13/02/2020, 10:01 - Ana: ok\r\n"
    msgs, _ = parse_all(write(text.encode("utf-16-le")))
    assert [(m.sender, m.text) for m in msgs] == [("Zoë", "héllo 😀"), ("Ana", "ok")]


def test_invalid_utf8_line_is_a_warning_with_line(write) -> None:
    data = b"13/02/2020, 10:00 - A: fine\n13/02/2020, 10:01 - B: caf\xe9 latin-1\n13/02/2020, 10:02 - C: ok\n"
    msgs, stream = parse_all(write(data))
    assert [m.sender for m in msgs] == ["A", "B", "C"]
    assert msgs[1].text == "caf\ufffd latin-1"
    warnings = stream.warnings.all()
    assert [(w.line, w.code) for w in warnings] == [(2, "encoding")]
    assert str(warnings[0]).startswith("chat.txt:2: ")


def test_one_corrupt_line_in_a_large_file(write) -> None:
    lines = [f"{1 + i % 28:02d}/03/2021, {i % 24:02d}:{i % 60:02d} - Member {i % 20}: message {i}".encode()
             for i in range(100_000)]
    lines[54_321] = b"31/02/2021, 10:00 - Member 1: a header with an impossible date"
    lines[77_777] = b"\x00\x01garbage \xff\xfe line"
    msgs, stream = parse_all(write(b"\n".join(lines) + b"\n"))
    # Two headers were replaced: each bad line is kept as text of the message before it, with a warning.
    assert len(msgs) == 99_998
    assert msgs[54_320].text == "message 54320\n31/02/2021, 10:00 - Member 1: a header with an impossible date"
    # NUL is never text (and PostgreSQL cannot store it): replaced like invalid bytes, with its own warning
    assert msgs[77_775].text == "message 77776\n\ufffd\x01garbage \ufffd\ufffd line"
    assert [(w.line, w.code) for w in stream.warnings.all()] == [(54_322, "bad-timestamp"), (77_778, "encoding"),
                                                                 (77_778, "nul-byte")]
    assert msgs[-1].text == "message 99999" and msgs[-1].source.line_start == 100_000


def test_orphan_text_before_first_header_is_kept_with_warning(write) -> None:
    msgs, stream = parse_all(write("exported by a tool\n13/02/2020, 10:00 - A: hi\n"))
    assert msgs[0].kind.value == "system" and msgs[0].text == "exported by a tool"
    assert [(w.line, w.code) for w in stream.warnings.all()] == [(1, "orphan-line")]


def test_truncated_telegram_json(write) -> None:
    with pytest.raises(ParseError, match=r"result.json:3: invalid JSON"):
        _open(write('{"name": "x",\n "messages": [\n {"id": 1, "type": "mess', "result.json"))


def test_json_escapes_that_are_not_text_are_warnings_on_their_lines(write, tmp_path) -> None:
    """A lone UTF-16 surrogate escape or \\u0000 in a Telegram export decodes to no text (SQLite and PostgreSQL
    refuse to store them): each becomes U+FFFD with a warning naming file and line; the rest imports."""
    text = ('{"name": "G", "type": "private_group", "id": 1, "messages": [\n'
            '{"id": 1, "type": "message", "date": "2024-05-13T08:00:00", "from": "Ann", "text": "morning"},\n'
            '{"id": 2, "type": "message", "date": "2024-05-13T08:01:00", "from": "Ben", "text": "hel\\ud800lo"},\n'
            '{"id": 3, "type": "message", "date": "2024-05-13T08:02:00", "from": "Ann",'
            ' "text": "n\\u0000ul \\\\ud800"},\n'
            '{"id": 4, "type": "message", "date": "2024-05-13T08:03:00", "from": "Ben", "text": "\\ud83d\\ude00"}]}')
    msgs, stream = parse_all(write(text, "result.json"))
    assert [m.text for m in msgs] == ["morning", "hel\ufffdlo", "n\ufffdul \\ud800", "\U0001F600"]
    assert [(w.line, w.code) for w in stream.warnings.all()] == [(3, "encoding"), (4, "nul-byte")]
    assert str(stream.warnings.all()[0]).startswith("result.json:3: ")
    from chatprobe.case import Case
    case = Case.open("escapes", home=tmp_path / "cases")
    try:
        report = case.import_paths([write(text, "escapes.json")])
        assert report.files[0].outcome == "imported" and report.files[0].chats[0].messages == 4
    finally:
        case.close()


def test_json_that_is_not_telegram(write) -> None:
    with pytest.raises(UnsupportedFormat, match="not a Telegram Desktop export") as e:
        _open(write('{"hello": "world"}', "data.json"))
    # a JSON file may be meant as any chat (a parser's expected output, another app's dump): the hint names both ways in
    assert "result.json" in str(e.value.hint) and "WhatsApp" in str(e.value.hint)


def test_zip_member_reader_refuses_lies(tmp_path: Path) -> None:
    """A member that inflates past its declared size is stopped (a forged header bomb)."""
    from chatprobe.ingest.source import _ClosingReader

    reader = _ClosingReader(io.BytesIO(b"x" * 100), None, 10, "forged.zip!/_chat.txt")
    with pytest.raises(UnsafeArchive, match="beyond its declared size"):
        reader.read()


def test_one_nul_byte_is_a_warning_on_its_line_not_a_rejected_file(write, tmp_path) -> None:
    """issue 13, point 9: a stray NUL (a damaged sector) used to make the whole export 'binary'."""
    text = ("13/05/2024, 08:00 - Ann: morning\n"
            "13/05/2024, 08:01 - Ben: hel\x00lo\n"
            "13/05/2024, 08:02 - Ann: bye\n")
    msgs, stream = parse_all(write(text.encode("utf-8")))
    assert [m.text for m in msgs] == ["morning", "hel\ufffdlo", "bye"]
    assert [(w.line, w.code) for w in stream.warnings.all()] == [(2, "nul-byte")]
    from chatprobe.case import Case
    case = Case.open("nul", home=tmp_path / "cases")
    try:
        report = case.import_paths([write(text.encode("utf-8"), "nul.txt")])
        assert report.files[0].outcome == "imported" and report.files[0].chats[0].messages == 3
    finally:
        case.close()


def test_a_real_binary_is_still_rejected(write) -> None:
    with pytest.raises(UnsupportedFormat, match="binary file"):
        _open(write(b"01/05/2024, 08:00 - Ann: x\n" + b"\x00\x01\x02\x00" * 500, "x.txt"))
