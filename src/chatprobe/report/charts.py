"""Inline SVG charts for the report: no script, no external assets, every label escaped."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from html import escape

from chatprobe.analyse.investigation import Profile
from chatprobe.model import Finding

COLOURS = {"race": "#b2182b", "religion": "#d6604d", "sex": "#8e0152", "sexual_orientation": "#c51b7d",
           "gender_identity": "#de77ae", "disability": "#762a83", "age": "#9970ab", "derogatory": "#e08214",
           "threat": "#000000", "sexual": "#2166ac", "pornographic_media": "#4393c3"}
FONT = 'font-family="Helvetica, Arial, sans-serif"'


def colour(category: str) -> str:
    return COLOURS.get(category, "#666666")


def timeline(findings: Sequence[Finding], label: dict[str, str]) -> str:
    """One row per sender, one dot per flagged message, coloured by its first category."""
    dated = [f for f in findings if f.message.timestamp]
    if not dated:
        return '<p class="muted">No dated flagged messages to chart.</p>'
    senders = sorted({f.sender for f in dated}, key=lambda s: (label.get(s, s).casefold()))
    t0 = min(f.message.timestamp for f in dated)  # type: ignore[type-var]
    t1 = max(f.message.timestamp for f in dated)  # type: ignore[type-var]
    t0 = datetime(t0.year, t0.month, t0.day)
    t1 = datetime(t1.year, t1.month, t1.day) + timedelta(days=1)
    span = (t1 - t0).total_seconds()
    left, right, row, top = 170, 20, 26, 30
    width = 900
    plot = width - left - right
    height = top + row * len(senders) + 30
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" role="img" '
           f'aria-label="Flagged messages over time per member" {FONT} font-size="12">']
    for x, text in _ticks(t0, t1, left, plot):
        out.append(f'<line x1="{x:.1f}" y1="{top - 6}" x2="{x:.1f}" y2="{height - 24}" stroke="#e5e5e5"/>')
        out.append(f'<text x="{x:.1f}" y="{height - 8}" text-anchor="middle" fill="#555">{text}</text>')
    for i, s in enumerate(senders):
        y = top + row * i + row / 2
        out.append(f'<text x="{left - 8}" y="{y + 4:.1f}" text-anchor="end">{escape(label.get(s, s))}</text>')
        out.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" stroke="#cccccc"/>')
    for n, f in enumerate(findings, 1):
        if not f.message.timestamp:
            continue
        x = left + plot * (f.message.timestamp - t0).total_seconds() / span
        y = top + row * senders.index(f.sender) + row / 2
        cats = ", ".join(f.categories)
        out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="6" fill="{colour(f.categories[0])}" fill-opacity="0.85">'
                   f'<title>{escape(f"CP-{n:03d} {f.message.timestamp:%d %b %Y %H:%M} {cats}")}</title></circle>')
    out.append("</svg>")
    return "".join(out)


def _two_lines(text: str) -> list[str]:
    """A heading on one line, or two balanced lines when it has several words."""
    words = text.split()
    if len(words) < 2 or len(text) <= 10:
        return [text]
    best = min(range(1, len(words)), key=lambda i: abs(len(" ".join(words[:i])) - len(" ".join(words[i:]))))
    return [" ".join(words[:best]), " ".join(words[best:])]


TICK_PX = 80  # the least room a date label needs on the axis ("01 May" and "May 2024" fit, with a gap)


def _ticks(t0: datetime, t1: datetime, left: float, plot: float) -> list[tuple[float, str]]:
    """Axis ticks that never overlap: the finest of days, weeks, months, quarters or years that leaves each
    label TICK_PX of room. Month and year ticks sit on the 1st; labels name the year when the span crosses one."""
    span = (t1 - t0).total_seconds()
    room = max(1, int(plot // TICK_PX))
    days = max(1, (t1 - t0).days)
    for step in (1, 2, 7, 14):
        if days / step <= room:
            out, d = [], t0
            while d <= t1:
                out.append((left + plot * (d - t0).total_seconds() / span, f"{d:%d %b}"))
                d += timedelta(days=step)
            return out
    months = (t1.year - t0.year) * 12 + t1.month - t0.month + 1
    step = next((m for m in (1, 2, 3, 6, 12, 24, 60, 120) if months / m <= room), 120)
    fmt = "%b %Y" if step < 12 else "%Y"
    out = []
    # the first tick: the first month start at or after t0 (a year start, for steps of a year or more)
    y, m = (t0.year, t0.month) if t0.day == 1 else (t0.year + t0.month // 12, t0.month % 12 + 1)
    if step >= 12 and m != 1:
        y, m = y + 1, 1
    while True:
        d = datetime(y, m, 1)
        if d > t1:
            break
        if d >= t0:
            out.append((left + plot * (d - t0).total_seconds() / span, f"{d:{fmt}}"))
        m += step
        y, m = y + (m - 1) // 12, (m - 1) % 12 + 1
    return out


def heatmap(profiles: Sequence[Profile], categories: Sequence[str], names: dict[str, str],
            label: dict[str, str]) -> str:
    """Members (rows) × categories (columns): how many flagged messages each member sent."""
    rows = [p for p in profiles if p.flagged_messages]
    cols = [c for c in categories if any(p.flagged_sent.get(c) for p in rows)]
    if not rows or not cols:
        return '<p class="muted">No flagged messages.</p>'
    top_count = max(p.flagged_sent.get(c, 0) for p in rows for c in cols)
    heads = {c: _two_lines(names.get(c, c)) for c in cols}
    widest = max(len(line) for c in cols for line in heads[c])
    # a member's cautioned flags (known misreadings, such as their own emoji read as hate) are said beside their name
    shown = {p.name: label.get(p.name, p.name) + (f" ({p.flagged_cautioned} cautioned)" if p.flagged_cautioned else "")
             for p in rows}
    left = max(120, 9 * max(len(shown[p.name]) for p in rows) + 16)
    top, rh = 58, 34
    cw = max(80, 9 * widest + 16)  # wide enough for the longest line of a heading at 15 px
    width = left + cw * len(cols) + 10
    height = top + rh * len(rows) + 10
    # drawn at its own size (never scaled down below it), so the text stays as large as the report's text
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
           f'style="max-width:100%" role="img" aria-label="Flagged messages by category and member" {FONT} '
           f'font-size="15">']
    for j, c in enumerate(cols):
        x = left + cw * j + cw / 2
        lines = heads[c]
        for k, line in enumerate(lines):
            y = top - 10 - 18 * (len(lines) - 1 - k)
            out.append(f'<text x="{x:.1f}" y="{y}" text-anchor="middle" font-weight="bold">{escape(line)}</text>')
    for i, p in enumerate(rows):
        y = top + rh * i
        out.append(f'<text x="{left - 8}" y="{y + rh / 2 + 5:.1f}" text-anchor="end">'
                   f'{escape(shown[p.name])}</text>')
        for j, c in enumerate(cols):
            n = p.flagged_sent.get(c, 0)
            shade = 0.08 + 0.92 * n / top_count if n else 0.0
            fill = f'fill="{colour(c)}" fill-opacity="{shade:.2f}"' if n else 'fill="#f7f7f7"'
            x = left + cw * j
            out.append(f'<rect x="{x + 1}" y="{y + 1}" width="{cw - 2}" height="{rh - 2}" {fill}/>')
            if n:
                ink = "#ffffff" if shade > 0.5 else "#000000"
                out.append(f'<text x="{x + cw / 2:.1f}" y="{y + rh / 2 + 5:.1f}" text-anchor="middle" '
                           f'font-weight="bold" fill="{ink}">{n}</text>')
    out.append("</svg>")
    return "".join(out)
