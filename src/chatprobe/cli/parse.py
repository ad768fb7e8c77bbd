"""Reading one export with no database: `chatprobe parse` (loads neither the database layer nor the models)."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import click
from rich.markup import escape

from chatprobe.api import parse_file
from chatprobe.cli import common as ui
from chatprobe.cli.common import DATE_ORDER, workers_option


@click.command("parse")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--date-order", type=DATE_ORDER, default=None, help="Override the inferred day/month order.")
@click.option("--jsonl", is_flag=True, help="One JSON object per message on stdout (the default output).")
@click.option("--summary", is_flag=True, help="Print only the layout, counts and warnings.")
@workers_option
def parse_cmd(path: Path, date_order: str | None, jsonl: bool, summary: bool, workers: int) -> None:
    """Parse one export and print its messages as JSON lines, touching no database.

    Each line has at least: timestamp (ISO 8601 as interpreted), timestamp_raw, sender (null for
    system messages), kind (text, media, system, deleted, poll, location, call, view-once), text,
    line, and id, file and file_sha256 for provenance. Layout evidence and warnings go to stderr.

    \b
    Example:
      chatprobe parse _chat.txt --jsonl | jq -r 'select(.kind=="system") | .text'
    """
    kinds: Counter[str] = Counter()
    total = 0
    streams = parse_file(path, date_order=date_order, workers=workers)
    for stream in streams:
        if summary:
            kinds.update(msg.kind.value for msg in stream.messages())
            total += stream.message_count
        else:
            sys.stdout.flush()
            total += stream.write_jsonl(sys.stdout.buffer)
            sys.stdout.buffer.flush()
        lay = stream.layout
        ui.err.print(f"chat: {escape(stream.title or '(untitled)')} ({stream.chat_id})")
        ui.err.print(f"{escape(stream.source.display)}: {stream.platform} {lay.name}"
                  + (f", dates {lay.date_order} ({lay.date_order_source})" if lay.date_order else ""))
        for line in lay.evidence:
            ui.err.print(f"  - {escape(line)}")
        for w in stream.warnings.all():
            ui.err.print(f"  [yellow]warning[/] {escape(str(w))}")
    ui.err.print(f"{total} messages" + (": " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())) if kinds else ""))
