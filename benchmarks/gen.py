"""Synthetic WhatsApp exports for benchmarks: N messages, 20 senders, ~15% multi-line, some system lines."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from pathlib import Path

SENDERS = [f"Officer {n}" for n in ("Adams", "Baker", "Clarke", "Davies", "Evans", "Foster", "Green", "Hughes",
                                    "Irwin", "Jones", "Khan", "Lewis", "Moore", "Nash", "Owen", "Patel", "Quinn",
                                    "Reid", "Shaw", "Turner")]
WORDS = ("the van is outside custody again and nobody has the keys ok lol on my way shift briefing "
         "at seven please check the rota thanks mate see you later who has the radio 👍 😂").split()
SYSTEM = ["{a} added {b}", "{b} left", "{a} removed {b}", "{b} joined using this group's invite link"]


def header(layout: str, t: datetime) -> str:
    if layout == "android":
        return f"{t:%d/%m/%Y}, {t:%H:%M} - "
    return f"[{t:%d/%m/%Y, %H:%M:%S}] "


def generate(path: Path, n: int, layout: str, seed: int = 1) -> Path:
    rnd = random.Random(seed)
    t = datetime(2021, 1, 1, 8, 0, 0)
    eol = "\r\n" if layout == "ios" else "\n"
    with open(path, "w", encoding="utf-8", newline="") as f:
        for i in range(n):
            t += timedelta(seconds=rnd.randint(1, 200))
            h = header(layout, t)
            if rnd.random() < 0.01:
                a, b = rnd.sample(SENDERS, 2)
                f.write(h + rnd.choice(SYSTEM).format(a=a, b=b) + eol)
                continue
            words = rnd.choices(WORDS, k=rnd.randint(1, 14))
            text = " ".join(words)
            if rnd.random() < 0.15:
                text += "\n" + " ".join(rnd.choices(WORDS, k=rnd.randint(1, 10)))
            f.write(f"{h}{rnd.choice(SENDERS)}: {text}{eol}")
    return path
