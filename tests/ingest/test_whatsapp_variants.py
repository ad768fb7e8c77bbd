"""One case per header variant in EXPORT_FORMATS.md (A-Z). Expected values worked out by reading the line."""

from __future__ import annotations

import pytest

from tests.helpers import brief, parse_all

NNBSP, NBSP, LRM, RLM, BOM = "\u202f", "\u00a0", "\u200e", "\u200f", "\ufeff"

CASES = [
    ("A android en-GB 24h", "23/03/2022, 13:31 - Sam Jones: text\n",
     [("2022-03-23T13:31:00", "Sam Jones", "text", "text")]),
    ("B android en-US 12h", "8/4/21, 3:36 PM - Sam: text\n8/14/21, 3:36 AM - Sam: more\n",
     [("2021-08-04T15:36:00", "Sam", "text", "text"), ("2021-08-14T03:36:00", "Sam", "text", "more")]),
    ("C lowercase pm", "18/03/2022, 1:09 pm - Mum: Good morning\n",
     [("2022-03-18T13:09:00", "Mum", "text", "Good morning")]),
    ("D NNBSP before PM", f"1/4/23, 7:02{NNBSP}PM - Sam: text\n1/24/23, 12:02{NNBSP}AM - Sam: late\n",
     [("2023-01-04T19:02:00", "Sam", "text", "text"), ("2023-01-24T00:02:00", "Sam", "text", "late")]),
    ("E german BOM", f"{BOM}29.01.18, 12:24 - Mallory: Hey! :)\n",
     [("2018-01-29T12:24:00", "Mallory", "text", "Hey! :)")]),
    ("G czech no comma", "18.03.22 15:10 - Dmitry S: ‹Média vynechány>\n",
     [("2022-03-18T15:10:00", "Dmitry S", "media", "")]),
    ("H dutch dashes", "18-03-2022 15:10 - Dmitry S: <Media weggelaten>\n",
     [("2022-03-18T15:10:00", "Dmitry S", "media", "")]),
    ("I ISO date a.m.", "2019-05-02, 11:23 a.m. - Smit: Hello\n",
     [("2019-05-02T11:23:00", "Smit", "text", "Hello")]),
    ("J spanish p. m. NBSP", f"20/6/2017 8:28 p.{NBSP}m. - Michelle: test\n",
     [("2017-06-20T20:28:00", "Michelle", "text", "test")]),
    ("K day-period words",
     "05/01/2021, 3:07 in the afternoon - Jane Doe: text\n25/01/2021, 9:15 in the morning - Jane Doe: y\n",
     [("2021-01-05T15:07:00", "Jane Doe", "text", "text"), ("2021-01-25T09:15:00", "Jane Doe", "text", "y")]),
    ("L US no comma", "12/21/18 02:08 PM - Carlos: text\n",
     [("2018-12-21T14:08:00", "Carlos", "text", "text")]),
    ("M iOS brackets seconds", "[16/03/2022, 15:26:48] person3: Hoi!\n",
     [("2022-03-16T15:26:48", "person3", "text", "Hoi!")]),
    ("N iOS LRM CRLF", f"{LRM}[3/27/22, 21:43:56] Dmitry S: {LRM}image omitted\r\n[3/28/22, 08:00:00] Ann: ok\r\n",
     [("2022-03-27T21:43:56", "Dmitry S", "media", ""), ("2022-03-28T08:00:00", "Ann", "text", "ok")]),
    ("O iOS 12h", "[1/29/18, 12:24:12 PM] Mallory: Hey! :)\n",
     [("2018-01-29T12:24:12", "Mallory", "text", "Hey! :)")]),
    ("P iOS de stray BOM", f"[29.01.18, 23:33:03] Alice: text\n{BOM}[30.01.18, 08:00:00] Bob: hi\n",
     [("2018-01-29T23:33:03", "Alice", "text", "text"), ("2018-01-30T08:00:00", "Bob", "text", "hi")]),
    ("R iOS dotted time", "[26/01/21 21.15.00] Alif: text\n",
     [("2021-01-26T21:15:00", "Alif", "text", "text")]),
    ("S iOS time first", "[21:41:35, 3/27/22] Dmitry S: Hello World\n",
     [("2022-03-27T21:41:35", "Dmitry S", "text", "Hello World")]),
    ("T arabic digits", f"{RLM}[٢٧{RLM}/٣{RLM}/٢٠٢٢، ٩:٤٣:٥٦{NBSP}م] Dmitry S: مرحبا\n",
     [("2022-03-27T21:43:56", "Dmitry S", "text", "مرحبا")]),
    ("U buddhist era", "[3/27/2565 BE, 21:43:56] Dmitry S: x\n",
     [("2022-03-27T21:43:56", "Dmitry S", "text", "x")]),
    ("U japanese era", "[3/27/R4, 21:43:56] Dmitry S: x\n",
     [("2022-03-27T21:43:56", "Dmitry S", "text", "x")]),
    ("V old iOS", "13/06/15 18:55:51: Kevin Dyer: Heeey!\n",
     [("2015-06-13T18:55:51", "Kevin Dyer", "text", "Heeey!")]),
    ("W yyyy/m/d iOS", "[2022/7/21 05:11:12] Sunaya: text\n",
     [("2022-07-21T05:11:12", "Sunaya", "text", "text")]),
    ("W yyyy/mm/dd android pm", "2024/12/01, 10:04 pm - Sam: x\n",
     [("2024-12-01T22:04:00", "Sam", "text", "x")]),
    ("Y finnish klo", "13.6.2018 klo 21.25.15 - a: m\n",
     [("2018-06-13T21:25:15", "a", "text", "m")]),
    ("Y hungarian", "13. 6. 2018. 21:25:15 a: m\n",
     [("2018-06-13T21:25:15", "a", "text", "m")]),
    ("Z iOS 2024 authored system line",
     f"[14.08.2024, 21:00:10] My Group: {LRM}Messages and calls are end-to-end encrypted. Only people in this "
     "chat can read, listen to, or share them.\n[14.08.2024, 21:01:00] Ann: hi\n",
     [("2024-08-14T21:00:10", None, "system",
       "Messages and calls are end-to-end encrypted. Only people in this chat can read, listen to, or share them."),
      ("2024-08-14T21:01:00", "Ann", "text", "hi")]),
]


@pytest.mark.parametrize("name,text,expected", CASES, ids=[c[0] for c in CASES])
def test_variant(write, name: str, text: str, expected: list[tuple]) -> None:
    msgs, stream = parse_all(write(text))
    assert brief(msgs) == expected
    assert all(m.source.line_start >= 1 for m in msgs)


def test_iso_and_arabic_keep_raw_timestamp(write) -> None:
    msgs, _ = parse_all(write(f"{RLM}[٢٧{RLM}/٣{RLM}/٢٠٢٢، ٩:٤٣:٥٦{NBSP}م] Dmitry S: مرحبا\n"))
    assert "٢٧" in msgs[0].timestamp_raw


def test_date_order_override_and_ambiguity_is_reported(write) -> None:
    p = write("01/02/2020, 10:00 - A: one\n01/02/2020, 11:00 - B: two\n")
    msgs, stream = parse_all(p)
    assert stream.layout.date_order_source == "assumed"
    assert any(w.code == "date-order" and "--date-order" in w.message for w in stream.warnings.all())
    assert msgs[0].timestamp.isoformat() == "2020-02-01T10:00:00"
    msgs, stream = parse_all(p, date_order="mdy")
    assert msgs[0].timestamp.isoformat() == "2020-01-02T10:00:00"
    assert stream.layout.date_order_source == "user"


def test_weak_inference_from_sequence_is_flagged(write) -> None:
    # No field exceeds 12; read as d/m the dates run forward (1 Feb, 2 Feb, 3 Feb ... 1 Mar), read as m/d
    # they jump back and forth.
    lines = [f"0{d}/02/2020, 10:00 - A: x" for d in range(1, 10)] + ["01/03/2020, 10:00 - A: y"]
    msgs, stream = parse_all(write("\n".join(lines) + "\n"))
    assert stream.layout.date_order == "dmy"
    assert stream.layout.date_order_source == "inferred-weak"
    assert any(w.code == "date-order" for w in stream.warnings.all())


def test_colon_without_space_from_a_known_sender(write) -> None:
    msgs, _ = parse_all(write("19/01/19, 11:20 - John Doe: hello\n20/01/19, 11:23 - John Doe:.\n"
                              "21/01/19, 09:00 - Missed voice call at 12:30\n"))
    assert [(m.sender, m.kind.value, m.text) for m in msgs] == [
        ("John Doe", "text", "hello"), ("John Doe", "text", "."), (None, "call", "Missed voice call at 12:30")]


def test_system_line_with_quoted_colon_is_not_a_message(write) -> None:
    text = ('13/02/2020, 10:00 - Ann: hi\n' * 5
            + '13/02/2020, 10:01 - Ann changed the subject from "Shift: A" to "Shift: B"\n')
    msgs, stream = parse_all(write(text))
    assert (msgs[-1].sender, msgs[-1].kind.value, msgs[-1].system_type) == (None, "system", "subject_changed")
    assert stream.title == "Shift: B"


# Header shapes from public chat-parser test suites (Pustur/whatsapp-chat-parser, MIT: its list of "date
# formats found in whatsapp chats"; lucasrodes/whatstk: ISO dates with a.m./p.m.). The lines are ours.
PUBLIC_SHAPES = [
    "{d}/6/18, 1:{m:02d} p.m. - a: msg {i}",
    "{d:02d}-06-2018, 01.{m:02d} PM - a: msg {i}",
    "{d:02d}.06.18 21.{m:02d}.15: a: msg {i}",
    "[06.{d:02d}.18 21:{m:02d}:15] a: msg {i}",
    "{d}.6.2018 klo 21.{m:02d}.15 - a: msg {i}",
    "{d}. 6. 2018. 21:{m:02d}:15 a: msg {i}",
    "[{d}/6/18 1:{m:02d}:00 p. m.] a: msg {i}",
    "\u200e[{d}/6/18 1:{m:02d}:00 p. m.] a: msg {i}",
    "[2018/06/{d:02d}, 21:{m:02d}:15] a: msg {i}",
    "2018-06-{d:02d}, 9:{m:02d} p.m. - a: msg {i}",
]


@pytest.mark.parametrize("shape", PUBLIC_SHAPES)
def test_header_shapes_from_public_parser_suites_give_exact_counts(write, shape):
    days = [3, 5, 13, 14, 20, 27]
    text = "\n".join(shape.format(d=d, m=i, i=i) for i, d in enumerate(days, 1)) + "\nsecond line of the last\n"
    msgs, _ = parse_all(write(text))
    assert [(m.sender, m.text) for m in msgs] == [("a", f"msg {i}") for i in range(1, 6)] + [
        ("a", "msg 6\nsecond line of the last")]
    assert [m.timestamp.day for m in msgs] == days and all(m.timestamp.month == 6 for m in msgs)


def test_the_older_encryption_notice_is_recognised(write):
    msgs, stream = parse_all(write("2016-08-06, 1:18 p.m. - Messages you send to this group are now secured with "
                                   "end-to-end encryption. Tap for more info.\n2016-08-06, 1:23 p.m. - Ann: hi\n"))
    assert msgs[0].system_type == "encryption_notice" and not stream.warnings.all()


def test_the_weak_inference_says_how_often_in_words(write) -> None:
    lines = ["07/12/2026, 21:00 - A: x", "07/12/2026, 22:00 - A: y", "08/12/2026, 00:30 - A: z"]
    _, stream = parse_all(write("\n".join(lines) + "\n"))
    (w,) = [w for w in stream.warnings.all() if w.code == "date-order"]
    assert "changes once and the second 0 times" in w.message and "1 times" not in w.message, w.message
