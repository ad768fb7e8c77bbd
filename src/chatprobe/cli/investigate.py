"""The main job and its steps: scan, analyse, report, review."""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path
from typing import Any

import click
import orjson
from rich import box
from rich.markup import escape
from rich.progress import (
    BarColumn,
    DownloadColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from chatprobe import service
from chatprobe.analyse.investigation import Options
from chatprobe.analyse.people import People
from chatprobe.analyse.stored import CaseAnalysis
from chatprobe.case import Case
from chatprobe.cli import common as ui
from chatprobe.cli.cases import existing_case, pipeline
from chatprobe.cli.common import (
    DATE_ORDER,
    accept_option,
    case_options,
    investigation_options,
    not_assessed_line,
    owner_option,
    pipeline_option,
)
from chatprobe.detect import media as media_detectors
from chatprobe.detect.pipeline import Pipeline
from chatprobe.detect.taxonomy import taxonomy
from chatprobe.errors import ChatprobeError
from chatprobe.report.redact import Redactor
from chatprobe.report.write import Outputs
from chatprobe.service import Selection
from chatprobe.store import runs


def _report(case: Case, people_file: Path | None, context: int, window_messages: int, window_minutes: float,
            html: Path | None, pdf: Path | None, json_path: Path | None, csv_dir: Path | None,
            redact_phones: bool, redact_others: bool, confirmed_only: bool = False, select_tag: str | None = None,
            select_status: str | None = None, select_search: str | None = None,
            rsmf_path: Path | None = None) -> tuple[CaseAnalysis, list[Path]]:
    analysis = service.investigate(case, People.load(people_file), Options(context, context, window_messages, window_minutes),
                               Selection(confirmed_only, select_tag, select_status, select_search))
    subjects = frozenset(p.name for p in analysis.investigation.profiles.values() if p.subject)
    if redact_others and not subjects:
        ui.err.print("[yellow]warning[/] --redact-others: no subjects marked (subject = true in --people); "
                     "every name is replaced")
    written = service.export(case, analysis, Outputs(html, pdf, json_path, csv_dir),
                             Redactor(redact_phones, redact_others, subjects),
                             str(people_file) if people_file else None, rsmf_path)
    if rsmf_path:
        ui.err.print(f"RSMF: {len(analysis.investigation.findings)} findings written to {escape(str(rsmf_path))}")
    return analysis, written


def _print_investigation(analysis: Any, written: list[Path]) -> None:

    inv = analysis.investigation
    names = {c.code: c.name for c in taxonomy().categories}
    for c in inv.chats:
        cats = ", ".join(f"{names.get(k, k)} {v}" for k, v in c.flagged.most_common()) or "none"
        ui.err.print(f"chat [bold]{escape(c.title or c.chat_id)}[/]: {c.messages:,} messages, {len(c.members)} members, "
                  f"{c.flagged_messages} flagged ({escape(cats)})")
    # one line per member at 80 columns: counts in the table, categories on the lines below it
    t = Table(box=box.SIMPLE_HEAD, padding=(0, 1, 0, 0), pad_edge=False,
              title="members (present: flagged messages by others while in the group)", title_justify="left")
    t.add_column("member", no_wrap=True, overflow="ellipsis", max_width=24)
    for head in ("sent", "flagged", "present", "endorsed", "challenged", "silent", "left"):
        t.add_column(head, justify="right", no_wrap=True)
    for p in inv.profiles.values():
        t.add_row(escape(p.name), str(p.messages_sent), str(p.flagged_messages) if p.flagged_messages else "-",
                  str(p.present_for_flagged), str(p.responses["endorsement"]), str(p.responses["counter_speech"]),
                  str(p.responses["silent"]), str(p.responses["left"]))
    ui.err.print(t)
    for p in inv.profiles.values():
        if p.flagged_sent:
            ui.err.print(f"  {escape(p.name)} sent: " + escape(", ".join(
                f"{names.get(k, k)} {v}" for k, v in sorted(p.flagged_sent.items())))
                + (f" [yellow]({p.flagged_cautioned} with a caution)[/]" if p.flagged_cautioned else ""))
    line = not_assessed_line(analysis.run)
    if line:
        ui.err.print(f"[yellow]{escape(line)}[/]")
    cautioned = sum(f.cautioned for f in inv.findings)
    if cautioned:
        ui.err.print(f"[yellow]{cautioned:,} flagged {'message looks' if cautioned == 1 else 'messages look'} like a known misreading "
                     "of the text model (talk of illness or bedtime as sexual, a member's own emoji as hate): each "
                     "exhibit says which; read them in context[/]")
    for path in written:
        ui.err.print(f"wrote {escape(str(path))}")


def _classify_with_progress(case: Case, quiet: bool, pipe: Pipeline) -> int:
    if media_detectors.tesseract() is None:
        ui.err.print("[yellow]warning[/] Tesseract is not installed: text inside images is not read, and those images "
                  "are listed as not analysed in the report (Debian: sudo apt-get install tesseract-ocr)")
    with Progress(TextColumn("[progress.description]{task.description}"), BarColumn(),
                  MofNCompleteColumn(), TimeRemainingColumn(), console=ui.err, transient=True,
                  disable=quiet or not ui.err.is_terminal) as bar:
        task = bar.add_task("classifying messages", total=None)
        media: dict[str, Any] = {}

        def media_progress(done: int, total: int) -> None:
            if "task" not in media:
                media["task"] = bar.add_task("media: images, video, voice notes", total=total)
            bar.update(media["task"], completed=done, total=total)

        return service.classify(case, pipe,
                                progress=lambda done, total: bar.update(task, completed=done, total=total),
                                media_progress=media_progress)


@click.command("scan")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@lambda f: case_options(f, named_after_inputs=True)
@click.option("--date-order", type=DATE_ORDER, default=None,
              help="Day/month order for WhatsApp dates when the file cannot tell.")
@owner_option
@accept_option
@pipeline_option
@investigation_options
def scan_cmd(paths: tuple[Path, ...], case_name: str, home: Path | None, db: str | None, date_order: str | None,
             owner: str | None, accept_warnings: bool, pipeline_path: Path | None,
             people_file: Path | None, context: int, window_messages: int, window_minutes: float,
             html: Path | None, pdf: Path | None, json_path: Path | None, csv_dir: Path | None,
             redact_phones: bool, redact_others: bool, confirmed_only: bool, select_tag: str | None,
             select_status: str | None, select_search: str | None, rsmf_path: Path | None) -> None:
    """Import, detect, analyse and report in one go: the main job.

    The exports are hashed and imported into the case (as `chatprobe import`), every message is classified
    (as `chatprobe analyse`), and the investigation view is worked out: who sent each flagged message, who
    was in the group at that moment, and whether each of them endorsed it (laughing or approving reply),
    challenged it, left the group, or stayed silent. Then the outputs you ask for are written; with none,
    the HTML report goes to <home>/<case>/report.html. Without --case, the case is named after the inputs
    (their name and a hash of their contents): scanning other exports starts another case.

    \b
    Examples:
      chatprobe scan "WhatsApp Chat - Team.zip" --case op-larch --report report.html --pdf report.pdf
      chatprobe scan chat.zip --json - | jq '.members[] | select(.endorsed > 0) | .name'
      chatprobe scan a.zip b.zip --people people.toml --redact-others --report redacted.html
    """

    if case_name is None:
        case_name = _case_name_for(paths)
        ui.err.print(f"case {escape(case_name)} (named after the input; choose one with --case)")
    pipe = pipeline(pipeline_path)  # a bad pipeline file fails before anything is imported or run
    case = Case.open(case_name, home=home, db=db)
    quiet = str(json_path) == "-"
    try:
        with Progress(TextColumn("[progress.description]{task.description}"), BarColumn(), DownloadColumn(),
                      TimeRemainingColumn(), console=ui.err, transient=True, disable=quiet or not ui.err.is_terminal) as bar:
            tasks: dict[str, Any] = {}

            def progress(label: str, done: int, total: int) -> None:
                if label not in tasks:
                    tasks[label] = bar.add_task(f"importing {label}", total=total)
                bar.update(tasks[label], completed=done)

            imported = service.import_exports(case, paths, date_order=date_order, progress=progress,
                                              command="chatprobe " + " ".join(sys.argv[1:]), owner=owner,
                                              accept_warnings=accept_warnings)
        for f in imported.files:
            if f.outcome == "failed":
                ui.err.print(f"[bold red]failed[/] {escape(f.path)}\n  {escape(f.error or '')}")
            else:
                ui.err.print(f"{'imported' if f.outcome == 'imported' else 'already in case'} {escape(f.path)}  "
                          f"sha256 {f.sha256}")
        if imported.warnings:
            ui.err.print(f"[yellow]{len(imported.warnings)} import warnings[/] (listed in the report's method section)")
        if len(imported.failed) == len(imported.files):  # nothing to analyse: the failures above say why
            sys.exit(2)
        _classify_with_progress(case, quiet, pipe)
        if not (html or pdf or json_path or csv_dir or rsmf_path):
            html = case.root / "report.html"
        analysis, written = _report(case, people_file, context, window_messages, window_minutes, html, pdf,
                                    json_path, csv_dir, redact_phones, redact_others, confirmed_only, select_tag,
                                    select_status, select_search, rsmf_path)
    finally:
        case.close()
    if not quiet:
        _print_investigation(analysis, written)
    if imported.failed:
        sys.exit(2)


def _case_name_for(paths: tuple[Path, ...]) -> str:
    """A case name from the inputs: their first name and a hash of their contents, so scanning other
    exports never adds them to an earlier scan's case, and scanning the same ones again reuses it."""

    h = hashlib.sha256()
    for p in sorted(paths, key=str):
        try:
            with open(p, "rb") as f:
                for block in iter(lambda: f.read(1 << 20), b""):
                    h.update(block)
        except OSError:
            h.update(str(p).encode())
    stem = re.sub(r"[^a-z0-9]+", "-", paths[0].stem.lower()).strip("-")[:40] or "scan"
    return f"{stem}-{h.hexdigest()[:8]}"


@click.command("analyse")
@case_options
@pipeline_option
@click.option("--json", "as_json", is_flag=True, help="Print the run id and counts as JSON.")
def analyse_cmd(case_name: str, home: Path | None, db: str | None, pipeline_path: Path | None, as_json: bool) -> None:
    """Classify every message of a stored case (a new analysis run, stored whole or not at all).

    Reports (`chatprobe report`) use the newest run. Each run records the tool version and the pipeline's
    detectors, model hashes and thresholds.

    \b
    Example:
      chatprobe import chat.zip --case op-larch && chatprobe analyse --case op-larch
    """


    pipe = pipeline(pipeline_path)  # a bad pipeline file fails before anything is imported or run
    case = existing_case(case_name, home, db)
    try:
        run_id = _classify_with_progress(case, as_json, pipe)
        run = runs.latest(case.store)
    finally:
        case.close()
    if as_json:
        sys.stdout.buffer.write(orjson.dumps({"case": case_name, "analysis_run": run_id,
                                              "messages": run["messages"] if run else 0,
                                              "not_assessed": json.loads(run["pipeline"]).get("not_assessed", {})
                                              if run else {}}) + b"\n")
    else:
        ui.err.print(f"analysis run {run_id}: {run['messages'] if run else 0:,} messages classified in case "
                  f"{escape(case_name)}; next: chatprobe report --case {escape(case_name)} --report report.html")
        line = not_assessed_line(run)
        if line:
            ui.err.print(f"[yellow]{escape(line)}[/]")


@click.command("report")
@case_options
@investigation_options
def report_cmd(case_name: str, home: Path | None, db: str | None, people_file: Path | None, context: int,
               window_messages: int, window_minutes: float, html: Path | None, pdf: Path | None,
               json_path: Path | None, csv_dir: Path | None, redact_phones: bool, redact_others: bool,
               confirmed_only: bool, select_tag: str | None, select_status: str | None, select_search: str | None,
               rsmf_path: Path | None) -> None:
    """Work out the investigation view of an analysed case and write the reports.

    Uses the newest analysis run (`chatprobe analyse`). Change the people file, the response window or the
    redaction and run this again: nothing is re-classified.

    \b
    Example:
      chatprobe report --case op-larch --people people.toml --report report.html --csv exhibits/
    """
    if not (html or pdf or json_path or csv_dir or rsmf_path):
        raise ChatprobeError("nothing to write",
                             hint="give --report FILE.html, --pdf FILE.pdf, --json FILE, --csv DIR or --rsmf FILE.rsmf")
    case = existing_case(case_name, home, db)
    try:
        analysis, written = _report(case, people_file, context, window_messages, window_minutes, html, pdf,
                                    json_path, csv_dir, redact_phones, redact_others, confirmed_only, select_tag,
                                    select_status, select_search, rsmf_path)
    finally:
        case.close()
    if str(json_path) != "-":
        _print_investigation(analysis, written)


@click.command("review")
@case_options
@click.argument("message_id", required=False)
@click.argument("decision", required=False, type=click.Choice(["confirm", "dismiss", "escalate"]))
@click.option("--note", default="", help="Why: kept with the decision and shown in the report.")
@click.option("--reviewer", default=None, help="Who decides (default: the login name).")
@click.option("--second", is_flag=True, help="Record a second review (by someone other than the first reviewer).")
@click.option("--json", "as_json", is_flag=True, help="Print the queue or the decision as JSON.")
def review_cmd(case_name: str, home: Path | None, db: str | None, message_id: str | None, decision: str | None,
               note: str, reviewer: str | None, second: bool, as_json: bool) -> None:
    """List the findings to review, or record a decision on one.

    Without MESSAGE_ID: the review queue, most severe and highest scoring first, with each finding's
    status (unreviewed, confirmed, dismissed, escalated) and whether two reviewers agree. With MESSAGE_ID
    and DECISION: record confirm, dismiss or escalate, with a note. Decisions are kept as history and
    audited; `report --confirmed-only` reports the confirmed findings only.

    \b
    Examples:
      chatprobe review --case op-larch
      chatprobe review --case op-larch a7003826a42e6fed-137 confirm --note "racist; Tom Hale"
      chatprobe review --case op-larch a7003826a42e6fed-137 confirm --second --reviewer "DS Khan"
    """


    case = existing_case(case_name, home, db)
    try:
        if message_id and decision:
            d = service.decide(case, message_id, decision, note, reviewer, 2 if second else 1)
            if as_json:
                sys.stdout.buffer.write(orjson.dumps({"message_id": message_id, **d.to_json(), "stage": d.stage}) + b"\n")
            else:
                ui.err.print(f"{escape(message_id)}: {d.decision} ({'second' if second else 'first'} review by "
                          f"{escape(d.reviewer)})")
            return
        if message_id or decision:
            raise ChatprobeError("give both MESSAGE_ID and DECISION, or neither to list the queue",
                                 hint="chatprobe review --case NAME MESSAGE_ID confirm --note '…'")
        analysis = service.investigate(case)
    finally:
        case.close()
    queue = sorted(analysis.investigation.findings, key=lambda f: (-f.severity, -f.score, f.message.id))
    rows: list[dict[str, Any]] = [{"message_id": f.message.id, "sender": f.sender, "categories": list(f.categories),
             "severity": f.severity, "score": round(f.score, 4), "text": f.message.text,
             "review": analysis.reviews[f.message.id].to_json() if f.message.id in analysis.reviews
             else {"status": "unreviewed"}} for f in queue]
    if as_json:
        sys.stdout.buffer.write(orjson.dumps(rows, option=orjson.OPT_INDENT_2) + b"\n")
        return
    # one finding per line (ids are copied into `review MESSAGE_ID …`, so never cut or wrapped by a table)
    ui.out.print(f"{len(rows)} findings, most severe first (status, severity, score, categories, sender: text)")
    for row in rows:
        agree = row["review"].get("agreement")
        status = row["review"]["status"] + ("" if agree is None else " (agree)" if agree else " (disagree)")
        text = row["text"].replace("\n", " ")
        ui.out.print(f"{row['message_id']}  {status:<11} {row['severity']} {row['score']:.2f}  "
                  f"{','.join(row['categories'])}  {escape(row['sender'])}: {escape(text[:70])}"
                  + ("…" if len(text) > 70 else ""))
