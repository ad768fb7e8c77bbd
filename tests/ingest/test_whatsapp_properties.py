"""Property-based round trip: generated chats rendered in each supported layout parse back unchanged."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
import tempfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import parse_all

ARABIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def _h12(ts: datetime) -> tuple[int, str]:
    h = ts.hour % 12 or 12
    return h, "AM" if ts.hour < 12 else "PM"


# name -> (renderer(ts) -> header prefix, day/month order, has seconds, line ending)
LAYOUTS = {
    "android-24-dmy": (lambda t: f"{t:%d/%m/%Y}, {t:%H:%M} - ", "dmy", False, "\n"),
    "android-12-mdy-nnbsp": (lambda t: f"{t.month}/{t.day}/{t:%y}, {_h12(t)[0]}:{t:%M}\u202f{_h12(t)[1]} - ",
                             "mdy", False, "\n"),
    "android-de-dots": (lambda t: f"{t:%d.%m.%y}, {t:%H:%M} - ", "dmy", False, "\n"),
    "android-nl-dashes": (lambda t: f"{t:%d-%m-%Y} {t:%H:%M} - ", "dmy", False, "\n"),
    "android-es-pm": (lambda t: f"{t.day}/{t.month}/{t.year} {_h12(t)[0]}:{t:%M} "
                                f"{'a' if t.hour < 12 else 'p'}.\u00a0m. - ", "dmy", False, "\n"),
    "ios-24-dmy": (lambda t: f"[{t:%d/%m/%Y, %H:%M:%S}] ", "dmy", True, "\r\n"),
    "ios-12-mdy-lrm": (lambda t: f"\u200e[{t.month}/{t.day}/{t:%y}, {_h12(t)[0]}:{t:%M:%S} {_h12(t)[1]}] ",
                       "mdy", True, "\r\n"),
    "ios-time-first": (lambda t: f"[{t:%H:%M:%S}, {t.month}/{t.day}/{t:%y}] ", "mdy", True, "\r\n"),
    "ios-ymd": (lambda t: f"[{t.year}/{t.month}/{t.day} {t:%H:%M:%S}] ", "ymd", True, "\r\n"),
    "ios-arabic": (lambda t: f"\u200f[{t.day}/{t.month}/{t.year}، {_h12(t)[0]}:{t:%M:%S}\u00a0"
                             f"{'ص' if t.hour < 12 else 'م'}]".translate(ARABIC) + " ", "dmy", True, "\r\n"),
    "ios-legacy": (lambda t: f"{t:%d/%m/%y %H:%M:%S}: ", "dmy", True, "\n"),
}

_letters = st.characters(whitelist_categories=("Lu", "Ll", "Nd"), max_codepoint=0x24F)
_word = st.text(_letters, min_size=1, max_size=8)
names = st.one_of(
    st.lists(_word, min_size=1, max_size=3).map(" ".join),
    st.integers(100000, 999999).map(lambda n: f"+44 7700 {n}"),
    st.sampled_from(["Zoë 🌸", "Ahmed 🇵🇰", "O'Brien-Smith", "DS Kay (MIT)"]),
)
_text_chars = st.characters(whitelist_categories=("Lu", "Ll", "Nd", "Zs", "Po", "So"), max_codepoint=0x1FAFF,
                            blacklist_characters="\u2028\u2029\u0085\u00a0\u202f\u3000\u1680")
line_text = st.text(_text_chars, min_size=1, max_size=40).filter(lambda s: s.strip() and s == s.strip())
# a body that is exactly "null" is WhatsApp's view-once placeholder, rightly read as view-once (found by hypothesis)
bodies = st.lists(line_text, min_size=1, max_size=3).map("\n".join).filter(lambda b: b != "null")
timestamps = st.lists(st.datetimes(datetime(2012, 1, 1), datetime(2030, 12, 31)), min_size=1, max_size=25)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(layout=st.sampled_from(sorted(LAYOUTS)), stamps=timestamps,
       senders=st.lists(names, min_size=1, max_size=6), data=st.data())
def test_round_trip(layout: str, stamps: list[datetime], senders: list[str], data: st.DataObject) -> None:
    render, order, seconds, eol = LAYOUTS[layout]
    stamps = sorted(s.replace(microsecond=0, second=s.second if seconds else 0) for s in stamps)
    expected = []
    lines = []
    for ts in stamps:
        sender = data.draw(st.sampled_from(senders))
        body = data.draw(bodies)
        expected.append((ts.isoformat(), sender, "text", body))
        lines.append(render(ts) + f"{sender}: {body}")
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "chat.txt"
        path.write_bytes(eol.join(lines).encode("utf-8") + eol.encode())
        msgs, stream = parse_all(path)
        if stream.layout.date_order_source in ("inferred", "unambiguous"):
            # Whenever the file shows the order, the parser must find the truth by itself.
            assert stream.layout.date_order == order
        else:
            msgs, stream = parse_all(path, date_order=order)
    got = [(m.timestamp.isoformat(), m.sender, m.kind.value, m.text) for m in msgs]
    assert got == expected


EVENTS = st.sampled_from(["added", "left", "removed", "joined", "media", "deleted", "edited", "text"])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(layout=st.sampled_from(["android-24-dmy", "ios-24-dmy", "ios-12-mdy-lrm"]),
       steps=st.lists(st.tuples(EVENTS, st.integers(0, 5), st.integers(0, 5)), min_size=1, max_size=30),
       data=st.data())
def test_round_trip_with_system_lines_and_placeholders(layout: str, steps: list[tuple[str, int, int]],
                                                       data: st.DataObject) -> None:
    """Membership lines, media placeholders, deletions and edits come back as the right kinds and events."""
    render, order, seconds, eol = LAYOUTS[layout]
    people = [f"Person {i}" for i in range(6)]
    ios = layout.startswith("ios")
    ts = datetime(2023, 5, 13, 8, 0, 0)
    lines, expected_kinds, expected_events = [], [], []
    for i, (what, a, b) in enumerate(steps):
        ts = ts.replace(minute=i % 60, second=(i * 7) % 60 if seconds else 0)
        actor, subject = people[a], people[(a + b + 1) % 6]
        head = render(ts)
        if what == "added":
            lines.append(f"{head}{actor} added {subject}")
            expected_kinds.append("system")
            expected_events.append(("added", subject, actor))
        elif what == "left":
            lines.append(f"{head}{subject} left")
            expected_kinds.append("system")
            expected_events.append(("left", subject, None))
        elif what == "removed":
            lines.append(f"{head}{actor} removed {subject}")
            expected_kinds.append("system")
            expected_events.append(("removed", subject, actor))
        elif what == "joined":
            lines.append(f"{head}{subject} joined using this group's invite link")
            expected_kinds.append("system")
            expected_events.append(("joined_by_link", subject, None))
        elif what == "media":
            lines.append(f"{head}{actor}: " + ("\u200eimage omitted" if ios else "<Media omitted>"))
            expected_kinds.append("media")
        elif what == "deleted":
            lines.append(f"{head}{actor}: " + ("\u200eThis message was deleted." if ios else "This message was deleted"))
            expected_kinds.append("deleted")
        else:
            body = data.draw(bodies)
            suffix = " <This message was edited>" if what == "edited" else ""
            lines.append(f"{head}{actor}: {body}{suffix}")
            expected_kinds.append("text")
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "chat.txt"
        path.write_bytes(eol.join(lines).encode("utf-8") + eol.encode())
        msgs, stream = parse_all(path, date_order=order)
    assert [m.kind.value for m in msgs] == expected_kinds
    assert [(e.kind.value, e.subject, e.actor) for e in stream.events] == expected_events
    assert [m.edited for m in msgs] == [w == "edited" for w, _, _ in steps]
