"""Writes the bundled sample export: a fictional police response-team WhatsApp group (iOS export zip).

Everything here is invented: names, numbers, places and events. The chat contains membership changes
(created, added, joined by link, left, removed, changed number), media that is attached and media that is
omitted, multi-line messages, edits, deletions, a poll, a location, a missed call, and - because that is
what chatprobe is for - a handful of offensive messages with colleagues laughing along or challenging them.

Run:  python samples/make_sample.py   (deterministic: the same bytes every time)
"""

from __future__ import annotations

import random
import struct
import zipfile
import zlib
from datetime import datetime, timedelta
from pathlib import Path

OUT = Path(__file__).with_name("response-team-b.zip")
LRM = "\u200e"
GROUP = "Response Team B 🚓"

CREATOR = "Sgt Dana Whitfield"
REGULARS = ["Tom Hale", "Priya Nair", "Liam Corrigan", "Jess Okafor", "+44 7700 900123"]
LATE = "Marcus Reid"

FILLER = [
    "Anyone free to cover Kingsway at 1400?", "On my way", "Show me attending", "Cheers 👍",
    "Printer on the 2nd floor has jammed again, absolute nightmare", "Who's got the keys to car 14?",
    "Briefing moved to 0715 tomorrow", "IC1 male, 30s, grey hoodie, last seen heading north on Mill Lane",
    "IC3 female, 20s, reported missing from Oakfield Road, now located safe and well", "Nice one 👏",
    "Traffic on the ring road is a joke this morning, stuck for 40 mins", "Can someone grab milk for the nick",
    "Statement done, on the system now", "Custody is rammed, expect a wait", "Brew anyone? ☕",
    "Thanks for the help earlier", "Body cam footage uploaded", "Anyone seen my notebook? Blue cover",
    "Victim states the suspect shouted racist abuse at him before running off; CCTV requested",
    "Reminder: PDR forms due Friday", "Lol", "😂", "Running 10 mins late sorry", "Good shout",
    "Dispatch says ETA 5", "Damn this weather", "Who's on lates Saturday?", "👍", "Ok",
    "Training on the new radios is Thursday 1000, room 3", "Food at the Lebanese place after shift?",
    "Well done on the arrest today Jess, great work", "Happy birthday Priya 🎂🎉",
]

MULTILINE = [
    "Handover notes:\n- 2 outstanding CADs\n- keys for car 9 in the safe\n- custody sheet needs signing",
    "Can everyone check the rota:\nMon: Tom, Liam\nTue: Priya, Jess\nWed: Dana",
    "Update from the scene:\nroad closed both ways\ndiversion via Station Rd\nexpect delays till 6pm",
]

# (sender, text, responses) - responses are (sender, text) replies straight after.
INCIDENTS = [
    ("Liam Corrigan", "Women shouldn't be on response, useless the lot of them, can't even drive the van",
     [("Tom Hale", "😂😂😂"), ("Priya Nair", "That's out of order Liam. Not funny.")]),
    ("Tom Hale", "That lot from the Somali families on the estate are animals, should send them all back",
     [("Liam Corrigan", "LMAO 😂 facts"), ("+44 7700 900123", "😂")]),
    ("Liam Corrigan", "If that gobby shoplifter kicks off again I'll give him a proper kicking in the cells",
     [("Tom Hale", "haha go on then 🤣")]),
    ("Tom Hale", "Jess is only on the team because of her looks tbh 🍑",
     [("Liam Corrigan", "😂😂"), ("Jess Okafor", "Seriously? I'm reporting this to the Sgt.")]),
    ("Marcus Reid", "Saw the new guy in the gym, total retard, can't even lift the bar",
     [("Liam Corrigan", "😂")]),
]


def png_bytes(w: int, h: int, rgb: tuple[int, int, int]) -> bytes:
    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + bytes(rgb) * w for _ in range(h))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def build() -> tuple[str, dict[str, bytes]]:
    rnd = random.Random(20240301)
    lines: list[str] = []
    media: dict[str, bytes] = {}
    t = datetime(2024, 3, 1, 7, 2, 11)
    members = [CREATOR]
    counter = 0

    def stamp() -> str:
        return f"[{t:%d/%m/%Y, %H:%M:%S}]"

    def say(sender: str, text: str) -> None:
        nonlocal t
        t += timedelta(seconds=rnd.randint(20, 2400))
        if rnd.random() < 0.08:  # the next shift
            t += timedelta(hours=rnd.randint(8, 30))
        lines.append(f"{stamp()} {sender}: {text}")

    def system(text: str, author: str | None = None) -> None:
        nonlocal t
        t += timedelta(seconds=rnd.randint(5, 120))
        lines.append(f"{stamp()} {author + ': ' if author else ''}{LRM}{text}")

    system("Messages and calls are end-to-end encrypted. Only people in this chat can read, listen to, or "
           "share them.", GROUP)
    system(f"{CREATOR} created group “{GROUP}”")
    for name in REGULARS:
        system(f"{CREATOR} added {name}")
        members.append(name)

    def chatter(n: int) -> None:
        nonlocal counter
        for _ in range(n):
            roll = rnd.random()
            sender = rnd.choice(members)
            if roll < 0.06:
                say(sender, rnd.choice(MULTILINE))
            elif roll < 0.08:
                counter += 1
                name = f"{counter:08d}-PHOTO-{t:%Y-%m-%d-%H-%M-%S}.png"
                media[name] = png_bytes(8, 6, (rnd.randint(0, 255), rnd.randint(0, 255), rnd.randint(0, 255)))
                say(sender, f"{LRM}<attached: {name}>")
            elif roll < 0.09:
                say(sender, f"{LRM}image omitted")
            elif roll < 0.10:
                say(sender, f"{LRM}This message was deleted.")
            elif roll < 0.12:
                say(sender, rnd.choice(FILLER) + f" {LRM}<This message was edited>")
            elif roll < 0.125:
                say(sender, f"{LRM}Missed voice call")
            else:
                say(sender, rnd.choice(FILLER))

    incidents = iter(INCIDENTS)

    def incident() -> None:
        sender, text, responses = next(incidents)
        say(sender, text)
        for who, reply in responses:
            say(who, reply)

    chatter(70)
    say(CREATOR, f"{LRM}Location: https://maps.google.com/?q=51.50700,-0.12750")
    say(CREATOR, "POLL:\nChristmas do venue?\nOPTION: The Crown (4 votes)\nOPTION: Bowling (2 votes)")
    chatter(30)
    for _ in range(2):
        incident()
        chatter(25)
    system(f"{LATE} joined using this group's invite link")
    members.append(LATE)
    chatter(30)
    incident()
    system("Priya Nair left")
    members.remove("Priya Nair")
    chatter(30)
    incident()
    system("+44 7700 900123 changed their phone number to a new number. Tap to message or add the new number.")
    chatter(25)
    incident()
    system(f"{CREATOR} removed Liam Corrigan")
    members.remove("Liam Corrigan")
    chatter(20)
    say(CREATOR, "Reminder to all: the Standards apply in this group too. Anything like the above gets reported.")
    # iOS: CRLF between messages, bare LF inside a multi-line message.
    return "\r\n".join(lines) + "\r\n", media


def main() -> None:
    text, media = build()
    with zipfile.ZipFile(OUT, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in [("_chat.txt", text.encode("utf-8")), *sorted(media.items())]:
            info = zipfile.ZipInfo(name, date_time=(2024, 4, 1, 12, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
    print(f"wrote {OUT} ({text.count(chr(13) + chr(10))} messages, {len(media)} media files)")


if __name__ == "__main__":
    main()
