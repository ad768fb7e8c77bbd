"""What every command shares: the consoles, the error boundary, common options and small helpers. Light on
purpose (no database, no models): `chatprobe --help` and `chatprobe parse` load only this and what they use."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.markup import escape

from chatprobe.errors import ChatprobeError
from chatprobe.wording import plural

err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)

DATE_ORDER = click.Choice(["dmy", "mdy", "ymd"])


def workers_option(f: Any) -> Any:
    return click.option("--workers", type=click.IntRange(min=0), default=0, show_default=True,
                        help="Processes for large WhatsApp files (24 MB and up); 0 = one per core, up to 4. "
                             "The result is the same for any number.")(f)


def accept_option(f: Any) -> Any:
    return click.option("--accept-warnings", is_flag=True,
                        help="Import a file even when its parse cannot be trusted (a forced --date-order the file "
                             "contradicts, many headers with impossible dates); it is kept as a warning.")(f)


def owner_option(f: Any) -> Any:
    return click.option("--owner", metavar="NAME", default=None,
                        help="Who exported these chats (the phone's owner), as their name appears in the chat. "
                             "'You' in the system messages is then that person, never a separate member. "
                             "Inferred for one-to-one chats; set it later with `chatprobe owner`.")(f)


class Group(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ChatprobeError as exc:
            err.print(f"[bold red]error:[/] {escape(exc.message)}")
            if exc.hint:
                err.print(f"  [dim]what to do:[/] {escape(exc.hint)}")
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:
            err.print("interrupted; nothing half-written was kept")
            sys.exit(130)


def case_options(f: Any, named_after_inputs: bool = False) -> Any:
    f = click.option("--db", metavar="PATH|URL",
                     help="Database file or URL (sqlite:///…, postgresql+psycopg://…). "
                          "Default: <home>/<case>/case.db")(f)
    f = click.option("--home", type=click.Path(file_okay=False, path_type=Path), default=None,
                     help="Folder that holds cases (default: $CHATPROBE_HOME or ./chatprobe-cases).")(f)
    if named_after_inputs:
        return click.option("--case", "case_name", default=None, metavar="NAME",
                            help="Case name: its evidence store and database live in <home>/<NAME>/. Default: "
                                 "named after the inputs (their name and a hash of their contents).")(f)
    f = click.option("--case", "case_name", default="default", show_default=True, metavar="NAME",
                     help="Case name: its evidence store and database live in <home>/<NAME>/.")(f)
    return f


def pipeline_option(f: Any) -> Any:
    return click.option("--pipeline", "pipeline_path", type=click.Path(path_type=Path, dir_okay=False), default=None,
                        help="Pipeline configuration (TOML): which detectors run and the decision thresholds. "
                             "Default: lexicon + text model (detect/pipelines/default.toml; copy it to add a "
                             "detector as 'package.module:Class').")(f)


def batches(rows: Any, size: int) -> Any:
    batch: list[Any] = []
    for r in rows:
        batch.append(r)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def investigation_options(f: Any) -> Any:
    opts = [
        click.option("--people", "people_file", type=click.Path(path_type=Path, dir_okay=False), default=None,
                     help="People file (TOML) mapping names and numbers to people and marking subjects; "
                          "`chatprobe people` writes one to edit."),
        click.option("--context", type=click.IntRange(min=0), default=5, show_default=True,
                     help="Messages shown before and after each flagged message."),
        click.option("--window-messages", type=click.IntRange(min=1), default=20, show_default=True,
                     help="A response must come within this many messages after the flagged one … (a reply counts "
                          "for the one flagged message it answers: one it quotes, the latest by a member it names, else "
                          "the latest before it)"),
        click.option("--window-minutes", type=click.FloatRange(min=0), default=60.0, show_default=True,
                     help="… and within this many minutes."),
        click.option("--report", "html", type=click.Path(path_type=Path, dir_okay=False), default=None,
                     help="Write the evidence report as one self-contained HTML file."),
        click.option("--pdf", type=click.Path(path_type=Path, dir_okay=False), default=None,
                     help="Write the same report as PDF (needs Debian's chromium)."),
        click.option("--json", "json_path", type=click.Path(path_type=Path, dir_okay=False, allow_dash=True),
                     default=None, help="Write chats, members and findings as JSON ('-' = stdout)."),
        click.option("--csv", "csv_dir", type=click.Path(path_type=Path, file_okay=False), default=None,
                     help="Folder for exhibits.csv, exhibits.json and members.csv."),
        click.option("--redact-phones", is_flag=True, help="Replace phone numbers in the outputs."),
        click.option("--redact-others", is_flag=True,
                     help="Replace the names of people who are not subjects (see --people) with Member A, B, …"),
        click.option("--confirmed-only", is_flag=True,
                     help="Report only findings a reviewer confirmed (default: all, each with its review status)."),
        click.option("--tag", "select_tag", metavar="TAG", default=None,
                     help="Report only the findings tagged so (see `chatprobe tag`)."),
        click.option("--status", "select_status", type=click.Choice(["unreviewed", "confirmed", "dismissed",
                                                                       "escalated"]), default=None,
                     help="Report only the findings with this review status."),
        click.option("--search", "select_search", metavar="QUERY", default=None,
                     help='Report only the findings whose text matches (words, prefix*, "phrases").'),
        click.option("--rsmf", "rsmf_path", type=click.Path(path_type=Path, dir_okay=False), default=None,
                     help="Write the reported findings with their context as RSMF 2.0 (.rsmf), for review "
                          "platforms such as Relativity."),
    ]
    for o in reversed(opts):
        f = o(f)
    return f


def not_assessed_line(run: dict[str, Any] | None) -> str | None:
    """'N messages not assessed (language de 12, nl 3) …' from an analysis run, or None."""
    counts = json.loads(run["pipeline"]).get("not_assessed", {}) if run else {}
    if not counts:
        return None
    langs = ", ".join(f"{k} {v:,}" for k, v in counts.items())
    return (f"{plural(sum(counts.values()), 'message')} not assessed (language {langs}): chatprobe detects English only; "
            "they are listed in the report's method section")
