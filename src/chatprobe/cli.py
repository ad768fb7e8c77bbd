"""The command line: thin commands over the core API. Errors map to one line and an exit code.

Exit codes: 0 ok, 1 verification found problems, 2 bad input, 3 evidence store, 4 database, 130 interrupted.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from rich import box
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, DownloadColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from chatprobe import __version__
from chatprobe.api import parse_file
from chatprobe.errors import ChatprobeError, InputError, NotFound

if TYPE_CHECKING:
    from chatprobe.case import Case, ImportReport

err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)

DATE_ORDER = click.Choice(["dmy", "mdy", "ymd"])


def _workers_option(f: Any) -> Any:
    return click.option("--workers", type=click.IntRange(min=0), default=0, show_default=True,
                        help="Processes for large WhatsApp files (24 MB and up); 0 = one per core, up to 4. "
                             "The result is the same for any number.")(f)


def _accept_option(f: Any) -> Any:
    return click.option("--accept-warnings", is_flag=True,
                        help="Import a file even when its parse cannot be trusted (a forced --date-order the file "
                             "contradicts, many headers with impossible dates); it is kept as a warning.")(f)


def _owner_option(f: Any) -> Any:
    return click.option("--owner", metavar="NAME", default=None,
                        help="Who exported these chats (the phone's owner), as their name appears in the chat. "
                             "'You' in the system messages is then that person, never a separate member. "
                             "Inferred for one-to-one chats; set it later with `chatprobe owner`.")(f)


class _Group(click.Group):
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


def _case_options(f: Any, named_after_inputs: bool = False) -> Any:
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


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="chatprobe")
def main() -> None:
    """chatprobe — investigate offensive group chats, offline.

    \b
    The main job, in one command (import, detect, analyse, report):
      chatprobe scan chat.zip --case op-larch --report report.html
    \b
    Step by step, and the team:
      chatprobe import chat.zip --case op-larch     hash, store and import an export
      chatprobe analyse --case op-larch             classify every message
      chatprobe report --case op-larch --pdf r.pdf  the investigation view and evidence report
      chatprobe review --case op-larch              the findings, to confirm or dismiss
      chatprobe verify --case op-larch              prove the evidence and audit trail are unchanged
      chatprobe serve --home chatprobe-cases        the team web UI (users: chatprobe user add)
      chatprobe parse chat.txt --jsonl | head       messages as JSON lines, no database

    Inputs: WhatsApp exports (.txt or the .zip with media, Android or iOS, any locale) and Telegram
    Desktop JSON (result.json). The format is recognised from the content, not the file name.
    """


@main.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@_case_options
@click.option("--date-order", type=DATE_ORDER, default=None,
              help="Day/month order for WhatsApp dates when the file cannot tell (it is inferred otherwise).")
@click.option("--json", "as_json", is_flag=True, help="Print the import report as JSON on stdout.")
@_workers_option
@_owner_option
@_accept_option
def import_cmd(paths: tuple[Path, ...], case_name: str, home: Path | None, db: str | None,
               date_order: str | None, as_json: bool, workers: int, owner: str | None,
               accept_warnings: bool) -> None:
    """Hash, store and import chat exports into a case.

    Each file is copied read-only into the case's evidence store under its SHA-256 and recorded with
    who, when and which tool version. Importing the same file again does nothing. Each file is imported
    in one transaction: a file that fails leaves the database as it was.

    \b
    Examples:
      chatprobe import "WhatsApp Chat - Team.zip" --case op-larch
      chatprobe import _chat.txt --date-order mdy        US export where no day exceeds 12
    """
    from chatprobe.case import Case  # the database layer loads only for commands that use it

    case = Case.open(case_name, home=home, db=db)
    try:
        with Progress(TextColumn("[progress.description]{task.description}"), BarColumn(), DownloadColumn(),
                      TimeRemainingColumn(), console=err, transient=True,
                      disable=as_json or not err.is_terminal) as bar:
            tasks: dict[str, Any] = {}

            def progress(label: str, done: int, total: int) -> None:
                if label not in tasks:
                    tasks[label] = bar.add_task(label, total=total)
                bar.update(tasks[label], completed=done)

            report = case.import_paths(paths, date_order=date_order, progress=progress,
                                       command="chatprobe " + " ".join(sys.argv[1:]), workers=workers, owner=owner,
                                       accept_warnings=accept_warnings)
    finally:
        case.close()
    if as_json:
        out.print_json(data=report.to_json())
    else:
        _print_report(report, case)
    if report.failed:
        sys.exit(2)


def _print_report(report: ImportReport, case: Case) -> None:
    for f in report.files:
        if f.outcome == "failed":
            err.print(f"[bold red]failed[/] {escape(f.path)}\n  {escape(f.error or '')}")
            continue
        if f.outcome == "already-imported":
            out.print(f"[yellow]already in case[/] {escape(f.path)}  sha256 {f.sha256}")
            continue
        out.print(f"[green]imported[/] {escape(f.path)}\n  sha256 {f.sha256}")
        for c in f.chats:
            kinds = ", ".join(f"{k} {v}" for k, v in sorted(c.kinds.items(), key=lambda kv: -kv[1]))
            out.print(f"  chat [bold]{escape(c.title or '(untitled)')}[/] — {c.platform}, {escape(c.source)}")
            out.print(f"    {c.messages} messages ({kinds}); {c.participants} participants; "
                      f"{c.events} membership events")
            out.print(f"    from {c.first or '?'} to {c.last or '?'}")
            order = f", dates {c.date_order} ({c.date_order_source})" if c.date_order else ""
            out.print(f"    layout {c.layout}{order} because:")
            for line in c.evidence:
                out.print(f"      - {escape(line)}")
    if report.warnings:
        codes = Counter(w.code for w in report.warnings)
        err.print(f"[yellow]{len(report.warnings)} warnings[/] ({', '.join(f'{k} {v}' for k, v in codes.items())}):")
        for w in report.warnings[:20]:
            err.print(f"  {escape(str(w))}")
        if len(report.warnings) > 20:
            err.print(f"  … {len(report.warnings) - 20} more are stored with the case (import run {report.run_id})")
    out.print(f"case [bold]{escape(case.name)}[/] at {escape(str(case.root))}  (import run {report.run_id})")


@main.command("parse")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--date-order", type=DATE_ORDER, default=None, help="Override the inferred day/month order.")
@click.option("--jsonl", is_flag=True, help="One JSON object per message on stdout (the default output).")
@click.option("--summary", is_flag=True, help="Print only the layout, counts and warnings.")
@_workers_option
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
    with parse_file(path, date_order=date_order, workers=workers) as streams:
        for stream in streams:
            if summary:
                kinds.update(msg.kind.value for msg in stream.messages())
                total += stream.message_count
            else:
                sys.stdout.flush()
                total += stream.write_jsonl(sys.stdout.buffer)
                sys.stdout.buffer.flush()
            lay = stream.layout
            err.print(f"chat: {escape(stream.title or '(untitled)')} ({stream.chat_id})")
            err.print(f"{escape(stream.source.display)}: {stream.platform} {lay.name}"
                      + (f", dates {lay.date_order} ({lay.date_order_source})" if lay.date_order else ""))
            for line in lay.evidence:
                err.print(f"  - {escape(line)}")
            for w in stream.warnings.all():
                err.print(f"  [yellow]warning[/] {escape(str(w))}")
    err.print(f"{total} messages" + (": " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())) if kinds else ""))


@main.command("verify")
@_case_options
@click.option("--deep", is_flag=True,
              help="Also parse every evidence file again and compare each message with the database.")
@click.option("--receipt", "receipts", multiple=True, metavar="TEXT",
              help="A receipt written down earlier (e.g. 'op-larch audit #17 3f2a9c1b0d4e5f60'): check the log "
                   "still holds that entry with that hash. Repeat for more.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
def verify_cmd(case_name: str, home: Path | None, db: str | None, deep: bool, receipts: tuple[str, ...],
               as_json: bool) -> None:
    """Prove the evidence and the audit trail are as they were recorded.

    \b
    What is checked:
      - every evidence file re-hashes to its recorded SHA-256, is read-only, and nothing unregistered
        lies in the store;
      - every audit entry is unaltered and in order, none inserted or removed in the middle (hash chain);
      - nothing was cut from the end of the log, the log was not emptied and the database not swapped
        for an older copy: the chain's head is also written to an anchor file outside the database
        (<home>/<case>/audit-anchor.log) after every action, and compared here;
      - with --receipt, the log still holds the entries of receipts written down earlier (this covers
        the database and the anchor file being rolled back together);
      - with --deep, the stored messages are exactly what the evidence gives when parsed again
        (messages are derived from the evidence, not chained).
    Interrupted imports and how they were recovered are listed.

    Exit code 0 when all holds; 1 when anything is missing, altered, writable, unregistered, removed or
    out of step (each problem is named). The last line is a receipt of the log's head: write it in
    your notebook or the case record, and give it to a later verify with --receipt.

    \b
    Examples:
      chatprobe verify --case op-larch
      chatprobe verify --case op-larch --deep --receipt "op-larch audit #17 3f2a9c1b0d4e5f60"
    """
    from chatprobe.case import Case, check_case_name, default_home

    check_case_name(case_name)
    root = (home or default_home()) / case_name
    if db is None and not (root / "case.db").exists():
        raise NotFound(f"no case {case_name!r} under {root.parent}", "check --case and --home")
    case = Case.open(case_name, home=home, db=db)
    try:
        checked, problems = case.verify()
        audit_rows, chain_break = case.verify_audit()
        anchor = case.verify_anchor()
        receipt_problems = [p for text in receipts if (p := case.check_receipt(text))]
        history = case.history()
        deep_compared, deep_problems = case.verify_deep() if deep else (0, [])
        receipt = case.receipt()
    finally:
        case.close()
    server_db = root.parent / "server.db"
    server_anchor = None
    if server_db.exists():  # the web server's log (logins, users) beside the cases
        from chatprobe import audit
        from chatprobe.web.auth import server_store
        store = server_store(root.parent)
        try:
            with store.engine.connect() as conn:
                server_rows, server_break = audit.verify_chain(conn)
                server_anchor = audit.verify_anchor(conn, store.anchor)
        finally:
            store.close()
        audit_rows += server_rows
        if chain_break is None and server_break is not None:
            chain_break = audit.ChainBreak(server_break.row_id, f"(server log {server_db}) {server_break.problem}")
    audit_problems = [*anchor.problems, *receipt_problems]
    notes = [*history, *anchor.notes]
    if server_anchor is not None:
        audit_problems += [f"(server log) {p}" for p in server_anchor.problems]
        notes += [f"(server log) {n}" for n in server_anchor.notes]
    ok = not problems and chain_break is None and not audit_problems and not deep_problems
    if as_json:
        out.print_json(data={"checked": checked, "ok": ok, "problems": [p.__dict__ for p in problems],
                             "audit_rows": audit_rows,
                             "audit_break": {"row": chain_break.row_id, "problem": chain_break.problem}
                             if chain_break else None,
                             "audit_problems": audit_problems, "anchored": anchor.anchored, "notes": notes,
                             "deep": {"messages": deep_compared, "problems": deep_problems} if deep else None,
                             "receipt": receipt})
    else:
        table = Table("result", "sha256", "detail", show_lines=False)
        for p in problems:
            table.add_row(f"[red]{p.kind}[/]", p.sha256[:16] + "…", escape(p.detail))
        if problems:
            out.print(table)
        out.print(f"{checked} evidence files checked: " +
                  ("[green]all intact[/]" if not problems else f"[red]{len(problems)} problems[/]"))
        out.print(f"audit log: {audit_rows} entries, " + ("[green]chain intact[/]" if chain_break is None
                                                          else f"[red]broken at {escape(str(chain_break))}[/]"))
        for p in audit_problems:
            out.print(f"[red]audit log:[/] {escape(p)}")
        if not audit_problems:
            out.print(f"audit anchor: [green]the log reaches entry {anchor.anchored} or beyond, as anchored[/]"
                      if anchor.anchored else "audit anchor: nothing anchored yet")
        if deep:
            out.print(f"deep check: {deep_compared} messages parsed again: " +
                      ("[green]all match the database[/]" if not deep_problems
                       else f"[red]{len(deep_problems)} differences[/]"))
            for p in deep_problems:
                out.print(f"  [red]{escape(p)}[/]")
        for n in notes:
            out.print(f"[yellow]note:[/] {escape(n)}")
        out.print(f"receipt: [bold]{escape(receipt)}[/]  (write it down; check it later with --receipt)")
    if not ok:
        sys.exit(1)


@main.group("audit")
def audit_group() -> None:
    """The audit trail of a case: its receipt, its entries, its anchor.

    \b
    Examples:
      chatprobe audit receipt --case op-larch       the head of the log, to write down
      chatprobe audit log --case op-larch --json    every entry
      chatprobe audit anchor --case op-larch        start the anchor of a case made before anchoring
    """


@audit_group.command("receipt")
@_case_options
def audit_receipt_cmd(case_name: str, home: Path | None, db: str | None) -> None:
    """Print the audit log's head as one short line to write in a notebook or the case record.

    A later `chatprobe verify --receipt "<that line>"` proves the log still holds that entry, with that
    hash, even if the database and its anchor file were both replaced.
    """
    case = _existing_case(case_name, home, db)
    try:
        out.print(case.receipt(), markup=False)
    finally:
        case.close()


@audit_group.command("log")
@_case_options
@click.option("--json", "as_json", is_flag=True, help="Print the entries as JSON.")
def audit_log_cmd(case_name: str, home: Path | None, db: str | None, as_json: bool) -> None:
    """List the audit entries of a case: who did what, when, to what."""
    from chatprobe import audit

    case = _existing_case(case_name, home, db)
    try:
        with case.store.engine.connect() as conn:
            rows = audit.entries(conn)
    finally:
        case.close()
    if as_json:
        out.print_json(data=rows)
        return
    for r in rows:
        out.print(f"{r['id']:>5}  {r['at'][:19]}  {r['actor']:<12} {r['action']:<18} {r['target']}", markup=False)


@audit_group.command("anchor")
@_case_options
@click.option("--server", is_flag=True, help="Start the anchor of the web server's log (<home>/server.db) instead.")
def audit_anchor_cmd(case_name: str, home: Path | None, db: str | None, server: bool) -> None:
    """Start the anchor file of a case (or, with --server, of the web server's log) made before the anchor
    existed.

    The log as it stands is taken on trust once (check its chain with verify first); from then on,
    removal from its end is detected. Audited.
    """
    if server:
        from chatprobe import audit
        from chatprobe.case import default_home
        from chatprobe.web.auth import server_store
        store = server_store(home or default_home(), db)
        try:
            audit.start_anchor(store, "server log")
            with store.engine.connect() as conn:
                receipt = audit.receipt("server", audit.head(conn))
        finally:
            store.close()
        out.print(f"server log anchor started; receipt: {receipt}", markup=False)
        return
    case = _existing_case(case_name, home, db)
    try:
        out.print(f"anchor started; receipt: {case.start_anchor()}", markup=False)
    finally:
        case.close()


# ---- detection -----------------------------------------------------------------------------------------

def _pipeline(path: Path | None) -> Any:
    from chatprobe.detect.pipeline import Pipeline
    return Pipeline.from_config(path)


def _batches(rows: Any, size: int) -> Any:
    batch: list[Any] = []
    for r in rows:
        batch.append(r)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


@main.command("classify")
@click.argument("input_path", metavar="INPUT", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path, allow_dash=True), default="-", show_default=True,
              help="Where to write the JSON lines ('-' = stdout).")
@click.option("--text-column", default="text", show_default=True, help="Column (or JSON field) holding the text.")
@click.option("--id-column", default=None, help="Column (or JSON field) holding the id; default: the row number.")
@click.option("--pipeline", "pipeline_path", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Pipeline configuration (TOML); default: lexicon + text model.")
@click.option("--batch-size", type=click.IntRange(min=1), default=2048, show_default=True,
              help="Rows classified together (identical texts in a batch are classified once).")
def classify_cmd(input_path: Path, output: Path, text_column: str, id_column: str | None,
                 pipeline_path: Path | None, batch_size: int) -> None:
    """Classify texts and write one JSON object per input row, in input order.

    INPUT is .csv or .tsv (with a header), .jsonl (one object per line) or .txt (one message per line).
    Each output line is {"id", "labels", "scores", "explanations"}: labels are the categories at or
    above their threshold (race, religion, sex, sexual_orientation, gender_identity, disability, age,
    derogatory, threat, sexual) plus "counter_speech" or "endorsement" when detected; scores are
    calibrated so that 0.5 is each label's threshold; explanations say which word, rule or model score
    gave each label, and which evidence was set aside (negated, quoted, counter-speech, reclaimed).
    A bad row is reported on stderr with its line and written with an "error" field.

    \b
    Examples:
      chatprobe classify messages.csv -o flagged.jsonl
      chatprobe classify export.jsonl --text-column body --id-column msg_id -o out.jsonl
      chatprobe classify notes.txt | jq -c 'select(.labels | length > 0)'
    """
    import orjson

    from chatprobe.detect.base import TextItem
    from chatprobe.detect.io import read_rows

    pipe = _pipeline(pipeline_path)
    rows = read_rows(input_path, text_column, id_column)
    size = input_path.stat().st_size if input_path.is_file() else 0
    sink = sys.stdout.buffer if str(output) == "-" else None
    try:
        fh = sink or open(output, "wb")
    except OSError as exc:
        raise ChatprobeError(f"cannot write {output}: {exc.strerror}", hint="check the folder exists") from None
    counts: Counter[str] = Counter()
    n = errors = 0
    try:
        with Progress(TextColumn("classifying"), BarColumn(), TextColumn("{task.completed:,} rows"),
                      TimeRemainingColumn(), console=err, disable=sink is not None or not err.is_terminal,
                      transient=True) as progress:
            task = progress.add_task("classify", total=None)
            for batch in _batches(rows, batch_size):
                good = [r for r in batch if r.error is None]
                decisions = iter(pipe.classify([TextItem(r.id, r.text) for r in good]))
                lines = []
                for r in batch:
                    if r.error is not None:
                        errors += 1
                        err.print(f"[yellow]warning[/] {escape(r.error)}")
                        lines.append(orjson.dumps({"id": r.id, "labels": [], "scores": {}, "explanations": [],
                                                   "error": r.error}))
                        continue
                    d = next(decisions)
                    counts.update(d.labels)
                    obj = d.to_json()
                    lines.append(orjson.dumps({"id": obj["id"], "labels": obj["labels"], "scores": obj["scores"],
                                               "explanations": obj["explanations"], "severity": obj["severity"],
                                               "targets": obj["targets"]}))
                fh.write(b"\n".join(lines) + b"\n")
                n += len(batch)
                progress.update(task, advance=len(batch))
    finally:
        if sink is None:
            fh.close()
        else:
            fh.flush()
    flagged = ", ".join(f"{k} {v}" for k, v in counts.most_common()) or "nothing flagged"
    err.print(f"{n:,} rows classified ({size:,} bytes){f', {errors} bad rows' if errors else ''}: {flagged}")


@main.command("eval")
@click.argument("labelled", type=click.Path(path_type=Path))
@click.option("--text-column", default="text", show_default=True, help="Column holding the text.")
@click.option("--label-column", default=None,
              help="Column listing the true labels ('race;threat', empty = none). Without it, one 0/1 column "
                   "per label name is read (race, religion, …, counter_speech, endorsement).")
@click.option("--pipeline", "pipeline_path", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Pipeline configuration (TOML) to evaluate; default: lexicon + text model.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def eval_cmd(labelled: Path, text_column: str, label_column: str | None, pipeline_path: Path | None,
             as_json: bool) -> None:
    """Compare the pipeline with labelled texts: precision, recall and F1 per label, and a confusion table.

    LABELLED is .csv, .tsv or .jsonl with a text column and either a labels column (--label-column) or one
    0/1 column per label. The confusion table counts, for each true category (or "(none)"), the categories
    the pipeline gave.

    \b
    Example:
      chatprobe eval my-labelled.csv --label-column labels
    """
    import orjson

    from chatprobe.detect.base import TextItem
    from chatprobe.detect.evaluate import parse_labels, score
    from chatprobe.detect.io import read_rows

    pipe = _pipeline(pipeline_path)
    truths: list[set[str]] = []
    items: list[TextItem] = []
    for r in read_rows(labelled, text_column, None):
        if r.error is not None:
            err.print(f"[yellow]warning[/] {escape(r.error)} (row skipped)")
            continue
        try:
            truths.append(parse_labels(r.fields, label_column))
        except ValueError as exc:
            raise ChatprobeError(f"{labelled}:{r.line}: {exc}", hint="fix the label or its spelling") from None
        items.append(TextItem(r.id, r.text))
    if not items:
        raise ChatprobeError(f"{labelled}: no labelled rows", hint="the file needs a header and at least one row")
    preds = [set(d.labels) for d in pipe.classify(items)]
    s = score(truths, preds)
    if as_json:
        sys.stdout.buffer.write(orjson.dumps(s.to_json(), option=orjson.OPT_INDENT_2) + b"\n")
        return
    t = Table(title=f"{s.n:,} labelled rows", title_justify="left")
    for col in ("label", "precision", "recall", "F1", "support", "predicted"):
        t.add_column(col, justify="left" if col == "label" else "right")
    for lab in s.labels:
        m = s.prf(lab)
        if m["support"] == 0 and m["predicted"] == 0:
            continue
        t.add_row(lab, f"{m['precision']:.3f}", f"{m['recall']:.3f}", f"{m['f1']:.3f}", str(m["support"]),
                  str(m["predicted"]))
    out.print(t)
    cols = sorted({b for row in s.confusion.values() for b in row}, key=lambda x: (x == "(none)", x))
    c = Table(title="confusion: true category (rows) → predicted categories (columns)", title_justify="left")
    c.add_column("true")
    for col in cols:
        c.add_column(col, justify="right")
    for a in sorted(s.confusion, key=lambda x: (x == "(none)", x)):
        c.add_row(a, *[str(s.confusion[a].get(b, "")) for b in cols])
    out.print(c)


# ---- investigation: scan, analyse, report, people ----------------------------------------------------------

def _investigation_options(f: Any) -> Any:
    opts = [
        click.option("--people", "people_file", type=click.Path(path_type=Path, dir_okay=False), default=None,
                     help="People file (TOML) mapping names and numbers to people and marking subjects; "
                          "`chatprobe people` writes one to edit."),
        click.option("--context", type=click.IntRange(min=0), default=5, show_default=True,
                     help="Messages shown before and after each flagged message."),
        click.option("--window-messages", type=click.IntRange(min=1), default=20, show_default=True,
                     help="A response must come within this many messages after the flagged one …"),
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


def _report(case: Any, people_file: Path | None, context: int, window_messages: int, window_minutes: float,
            html: Path | None, pdf: Path | None, json_path: Path | None, csv_dir: Path | None,
            redact_phones: bool, redact_others: bool, confirmed_only: bool = False, select_tag: str | None = None,
            select_status: str | None = None, select_search: str | None = None,
            rsmf_path: Path | None = None) -> Any:
    from chatprobe.analyse.investigation import Options
    from chatprobe.analyse.people import People
    from chatprobe.analyse.stored import load_case
    from chatprobe.report.redact import Redactor
    from chatprobe.report.write import Outputs, write_outputs

    people = People.load(people_file)
    only = None
    if select_tag or select_status or select_search:
        from chatprobe.review import workbench as wb
        only = set(wb.matching_ids(case, wb.Query(q=select_search or "", tag=select_tag,
                                                  status=select_status or None)))
    analysis = load_case(case, people, Options(context, context, window_messages, window_minutes),
                         include="confirmed" if confirmed_only else "all", only=only)
    subjects = frozenset(p.name for p in analysis.investigation.profiles.values() if p.subject)
    if redact_others and not subjects:
        err.print("[yellow]warning[/] --redact-others: no subjects marked (subject = true in --people); "
                  "every name is replaced")
    redactor = Redactor(redact_phones, redact_others, subjects)
    written = write_outputs(analysis, case.name, Outputs(html, pdf, json_path, csv_dir), redactor,
                            str(people_file) if people_file else None)
    if rsmf_path:
        written.append(_write_rsmf(case, analysis, rsmf_path))
    from chatprobe.report.write import record_export
    record_export(case, written, redactor, int(analysis.run["id"]))
    return analysis, written


def _write_rsmf(case: Any, analysis: Any, path: Path) -> Path:
    from chatprobe.report import rsmf
    from chatprobe.report.write import _atomic
    result = rsmf.export(case, analysis)
    _atomic(path, result.data)
    err.print(f"RSMF: {len(analysis.investigation.findings)} findings, {result.events} events, "
              f"{result.attachments} attachments")
    return path


def not_assessed_line(run: dict[str, Any] | None) -> str | None:
    """'N messages not assessed (language de 12, nl 3) …' from an analysis run, or None."""
    import json
    counts = json.loads(run["pipeline"]).get("not_assessed", {}) if run else {}
    if not counts:
        return None
    langs = ", ".join(f"{k} {v:,}" for k, v in counts.items())
    return (f"{sum(counts.values()):,} messages not assessed (language {langs}): chatprobe detects English only; "
            "they are listed in the report's method section")


def _print_investigation(analysis: Any, written: list[Path]) -> None:
    from chatprobe.detect.taxonomy import taxonomy

    inv = analysis.investigation
    names = {c.code: c.name for c in taxonomy().categories}
    for c in inv.chats:
        cats = ", ".join(f"{names.get(k, k)} {v}" for k, v in c.flagged.most_common()) or "none"
        err.print(f"chat [bold]{escape(c.title or c.chat_id)}[/]: {c.messages:,} messages, {len(c.members)} members, "
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
    err.print(t)
    for p in inv.profiles.values():
        if p.flagged_sent:
            err.print(f"  {escape(p.name)} sent: " + escape(", ".join(
                f"{names.get(k, k)} {v}" for k, v in sorted(p.flagged_sent.items()))))
    line = not_assessed_line(analysis.run)
    if line:
        err.print(f"[yellow]{escape(line)}[/]")
    for path in written:
        err.print(f"wrote {escape(str(path))}")


def _classify_with_progress(case: Any, quiet: bool) -> int:
    from chatprobe.analyse.stored import classify_case
    from chatprobe.detect.media import tesseract
    if tesseract() is None:
        err.print("[yellow]warning[/] Tesseract is not installed: text inside images is not read, and those images "
                  "are listed as not analysed in the report (Debian: sudo apt-get install tesseract-ocr)")
    with Progress(TextColumn("[progress.description]{task.description}"), BarColumn(),
                  MofNCompleteColumn(), TimeRemainingColumn(), console=err, transient=True,
                  disable=quiet or not err.is_terminal) as bar:
        task = bar.add_task("classifying messages", total=None)
        media: dict[str, Any] = {}

        def media_progress(done: int, total: int) -> None:
            if "task" not in media:
                media["task"] = bar.add_task("media: images, video, voice notes", total=total)
            bar.update(media["task"], completed=done, total=total)

        return classify_case(case, progress=lambda done, total: bar.update(task, completed=done, total=total),
                             media_progress=media_progress)


@main.command("scan")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@lambda f: _case_options(f, named_after_inputs=True)
@click.option("--date-order", type=DATE_ORDER, default=None,
              help="Day/month order for WhatsApp dates when the file cannot tell.")
@_owner_option
@_accept_option
@_investigation_options
def scan_cmd(paths: tuple[Path, ...], case_name: str, home: Path | None, db: str | None, date_order: str | None,
             owner: str | None, accept_warnings: bool,
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
    from chatprobe.case import Case

    if case_name is None:
        case_name = _case_name_for(paths)
        err.print(f"case {escape(case_name)} (named after the input; choose one with --case)")
    case = Case.open(case_name, home=home, db=db)
    quiet = str(json_path) == "-"
    try:
        with Progress(TextColumn("[progress.description]{task.description}"), BarColumn(), DownloadColumn(),
                      TimeRemainingColumn(), console=err, transient=True, disable=quiet or not err.is_terminal) as bar:
            tasks: dict[str, Any] = {}

            def progress(label: str, done: int, total: int) -> None:
                if label not in tasks:
                    tasks[label] = bar.add_task(f"importing {label}", total=total)
                bar.update(tasks[label], completed=done)

            imported = case.import_paths(paths, date_order=date_order, progress=progress,
                                         command="chatprobe " + " ".join(sys.argv[1:]), owner=owner,
                                         accept_warnings=accept_warnings)
        for f in imported.files:
            if f.outcome == "failed":
                err.print(f"[bold red]failed[/] {escape(f.path)}\n  {escape(f.error or '')}")
            else:
                err.print(f"{'imported' if f.outcome == 'imported' else 'already in case'} {escape(f.path)}  "
                          f"sha256 {f.sha256}")
        if imported.warnings:
            err.print(f"[yellow]{len(imported.warnings)} import warnings[/] (listed in the report's method section)")
        if len(imported.failed) == len(imported.files):  # nothing to analyse: the failures above say why
            sys.exit(2)
        _classify_with_progress(case, quiet)
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
    import hashlib
    import re

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


@main.command("analyse")
@_case_options
@click.option("--json", "as_json", is_flag=True, help="Print the run id and counts as JSON.")
def analyse_cmd(case_name: str, home: Path | None, db: str | None, as_json: bool) -> None:
    """Classify every message of a stored case (a new analysis run, stored whole or not at all).

    Reports (`chatprobe report`) use the newest run. Each run records the tool version and the pipeline's
    detectors, model hashes and thresholds.

    \b
    Example:
      chatprobe import chat.zip --case op-larch && chatprobe analyse --case op-larch
    """
    import orjson

    from chatprobe.analyse.stored import latest_run

    case = _existing_case(case_name, home, db)
    try:
        run_id = _classify_with_progress(case, as_json)
        run = latest_run(case)
    finally:
        case.close()
    if as_json:
        import json
        sys.stdout.buffer.write(orjson.dumps({"case": case_name, "analysis_run": run_id,
                                              "messages": run["messages"] if run else 0,
                                              "not_assessed": json.loads(run["pipeline"]).get("not_assessed", {})
                                              if run else {}}) + b"\n")
    else:
        err.print(f"analysis run {run_id}: {run['messages'] if run else 0:,} messages classified in case "
                  f"{escape(case_name)}; next: chatprobe report --case {escape(case_name)} --report report.html")
        line = not_assessed_line(run)
        if line:
            err.print(f"[yellow]{escape(line)}[/]")



def _existing_case(case_name: str, home: Path | None, db: str | None) -> Any:
    from chatprobe.case import Case, check_case_name, default_home
    check_case_name(case_name)
    root = (home or default_home()) / case_name
    if db is None and not (root / "case.db").exists():
        raise NotFound(f"no case {case_name!r} under {root.parent}",
                             f"check --case and --home, or start one: chatprobe scan EXPORT.zip --case {case_name}")
    return Case.open(case_name, home=home, db=db)


@main.command("report")
@_case_options
@_investigation_options
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
    case = _existing_case(case_name, home, db)
    try:
        analysis, written = _report(case, people_file, context, window_messages, window_minutes, html, pdf,
                                    json_path, csv_dir, redact_phones, redact_others, confirmed_only, select_tag,
                                    select_status, select_search, rsmf_path)
    finally:
        case.close()
    if str(json_path) != "-":
        _print_investigation(analysis, written)


@main.command("review")
@_case_options
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
    import orjson

    from chatprobe.analyse.stored import load_case
    from chatprobe.review.decisions import decide

    case = _existing_case(case_name, home, db)
    try:
        if message_id and decision:
            d = decide(case, message_id, decision, note, reviewer, 2 if second else 1)
            if as_json:
                sys.stdout.buffer.write(orjson.dumps({"message_id": message_id, **d.to_json(), "stage": d.stage}) + b"\n")
            else:
                err.print(f"{escape(message_id)}: {d.decision} ({'second' if second else 'first'} review by "
                          f"{escape(d.reviewer)})")
            return
        if message_id or decision:
            raise ChatprobeError("give both MESSAGE_ID and DECISION, or neither to list the queue",
                                 hint="chatprobe review --case NAME MESSAGE_ID confirm --note '…'")
        analysis = load_case(case)
    finally:
        case.close()
    queue = sorted(analysis.investigation.findings, key=lambda f: (-f.severity, -f.score, f.message.id))
    rows = [{"message_id": f.message.id, "sender": f.sender, "categories": list(f.categories),
             "severity": f.severity, "score": round(f.score, 4), "text": f.message.text,
             "review": analysis.reviews[f.message.id].to_json() if f.message.id in analysis.reviews
             else {"status": "unreviewed"}} for f in queue]
    if as_json:
        sys.stdout.buffer.write(orjson.dumps(rows, option=orjson.OPT_INDENT_2) + b"\n")
        return
    # one finding per line (ids are copied into `review MESSAGE_ID …`, so never cut or wrapped by a table)
    out.print(f"{len(rows)} findings, most severe first (status, severity, score, categories, sender: text)")
    for row in rows:
        agree = row["review"].get("agreement")
        status = row["review"]["status"] + ("" if agree is None else " (agree)" if agree else " (disagree)")
        text = row["text"].replace("\n", " ")
        out.print(f"{row['message_id']}  {status:<11} {row['severity']} {row['score']:.2f}  "
                  f"{','.join(row['categories'])}  {escape(row['sender'])}: {escape(text[:70])}"
                  + ("…" if len(text) > 70 else ""))



@main.command("serve")
@click.option("--home", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder that holds the cases (default: $CHATPROBE_HOME or ./chatprobe-cases).")
@click.option("--db", metavar="PATH|URL", default=None,
              help="Server database for users, access and sessions (default: <home>/server.db).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=int, default=8000, show_default=True, help="Port to listen on.")
@click.option("--standards", type=click.Path(path_type=Path, dir_okay=False, exists=True), default=None,
              help="Your organisation's Standards (TOML, like review/data/standards.toml); default: police.")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Server processes (each keeps its own cache of the cases it serves).")
@click.option("--trusted-proxy", "trusted_proxies", multiple=True, metavar="ADDRESS[/BITS]",
              help="A reverse proxy whose X-Forwarded-For names the client (repeat for more). From anyone else "
                   "the header is ignored, so login limits apply to the real client, not to the proxy.")
def serve_cmd(home: Path | None, db: str | None, host: str, port: int, standards: Path | None,
              workers: int, trusted_proxies: tuple[str, ...]) -> None:
    """Serve the team web UI: cases, the review queue, decisions, case records and exports.

    Users log in (create them with `chatprobe user add`); each sees only the cases granted to them.
    Put it behind HTTPS (a reverse proxy) when anyone else connects: cookies are marked Secure. Name
    that proxy with --trusted-proxy, so failed logins are counted per real client address.

    \b
    Example:
      chatprobe user add dskhan --role investigator --case op-larch
      chatprobe serve --home cases/ --port 8000 --trusted-proxy 127.0.0.1
    """
    import uvicorn

    from chatprobe.case import default_home
    import ipaddress
    import os

    from chatprobe.web.app import create_app
    from chatprobe.web.auth import server_store

    from chatprobe.review.records import standards as current_standards
    root = home or default_home()
    root.mkdir(parents=True, exist_ok=True)
    if standards:
        os.environ["CHATPROBE_STANDARDS"] = str(standards.resolve())
    err.print(f"Standards: {escape(current_standards().name)}")
    err.print(f"serving the cases in {escape(str(root))} on http://{host}:{port}  (Ctrl-C stops)")
    for proxy in trusted_proxies:
        try:
            ipaddress.ip_network(proxy, strict=False)
        except ValueError as exc:
            raise InputError(f"--trusted-proxy {proxy!r} is not an address or network",
                             "give an IP address such as 127.0.0.1 or a network such as 10.0.0.0/24") from exc
    if workers > 1:
        os.environ["CHATPROBE_SERVE_HOME"] = str(root.resolve())
        os.environ["CHATPROBE_SERVE_DB"] = db or ""
        os.environ["CHATPROBE_TRUSTED_PROXIES"] = ",".join(trusted_proxies)
        server_store(root, db).close()  # migrate once, before the workers start
        uvicorn.run("chatprobe.web.app:app_from_env", factory=True, host=host, port=port, workers=workers,
                    log_level="warning")
    else:
        uvicorn.run(create_app(root, db, trusted_proxies), host=host, port=port, log_level="warning")


@main.group("user")
def user_group() -> None:
    """Manage the users of the web UI (`chatprobe serve`): add, list, disable, revoke, sessions, passwords.

    Every change is recorded in the server's audit log. Taking access away works at once: a disabled
    user's sessions end, a revoked case answers 404 from the next request.

    \b
    Examples:
      chatprobe user add dskhan --role investigator --case op-larch
      chatprobe user list
      chatprobe user revoke dskhan --case op-larch
      chatprobe user disable dskhan                 ends every session too
      chatprobe user sessions dskhan --kill
      chatprobe user passwd dskhan                  a new password; their other sessions end
    """


def _server_options(f: Any) -> Any:
    f = click.option("--db", metavar="PATH|URL", default=None, help="Server database (default: <home>/server.db).")(f)
    f = click.option("--home", type=click.Path(file_okay=False, path_type=Path), default=None,
                     help="Folder that holds the cases (default: $CHATPROBE_HOME or ./chatprobe-cases).")(f)
    return f


def _server(home: Path | None, db: str | None) -> Any:
    from chatprobe.case import default_home
    from chatprobe.web.auth import server_store
    root = home or default_home()
    root.mkdir(parents=True, exist_ok=True)
    return server_store(root, db)


def _read_password(password_stdin: bool) -> str:
    if password_stdin:
        return sys.stdin.readline().rstrip("\n")
    return str(click.prompt("password", hide_input=True, confirmation_prompt=True))


@user_group.command("add")
@click.argument("username")
@click.option("--role", type=click.Choice(["admin", "investigator", "reviewer", "read-only"]), required=True,
              help="admin: every case and setting; investigator: records and review; reviewer: review; "
                   "read-only: view.")
@click.option("--case", "cases", multiple=True, help="A case this user may open (repeat for more).")
@_server_options
@click.option("--case-db", metavar="URL", default=None,
              help="Register the (single) --case as living in this database, e.g. on PostgreSQL.")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input (for scripts).")
def user_add_cmd(username: str, role: str, cases: tuple[str, ...], home: Path | None, db: str | None,
                 case_db: str | None, password_stdin: bool) -> None:
    """Create a user, or reset an existing user's password and role (their sessions end) and grant cases.

    Grants add to the ones the user has; take one away with `chatprobe user revoke`. Passwords have at
    least 12 characters and are stored as scrypt hashes.

    \b
    Examples:
      chatprobe user add admin --role admin
      chatprobe user add dskhan --role investigator --case op-larch
      echo "$PW" | chatprobe user add reviewer1 --role reviewer --case op-larch --password-stdin
    """
    from sqlalchemy import insert, select

    from chatprobe.case import check_case_name
    from chatprobe.store import schema as t
    from chatprobe.web.auth import add_user, grants

    for c in cases:
        check_case_name(c)
    password = _read_password(password_stdin)
    store = _server(home, db)
    try:
        if case_db:
            if len(cases) != 1:
                raise ChatprobeError("--case-db needs exactly one --case", hint="register one case at a time")
            with store.transaction() as conn:
                if not conn.execute(select(t.web_case).where(t.web_case.c.name == cases[0])).first():
                    conn.execute(insert(t.web_case).values(name=cases[0], db_url=case_db))
        add_user(store, username, password, role, list(cases))
        with store.engine.connect() as conn:
            now = grants(conn, username)
    finally:
        store.close()
    everything = " (admin: every case)" if role == "admin" else ""
    err.print(f"user {escape(username)} ({role}) may open: {escape(', '.join(now)) or 'no case yet'}{everything}")


@user_group.command("list")
@_server_options
@click.option("--json", "as_json", is_flag=True, help="Print the users as JSON.")
def user_list_cmd(home: Path | None, db: str | None, as_json: bool) -> None:
    """List the users: role, whether disabled, the cases each may open, and live sessions."""
    from chatprobe.web.auth import users
    store = _server(home, db)
    try:
        rows = users(store)
    finally:
        store.close()
    if as_json:
        out.print_json(data=rows)
        return
    table = Table("user", "role", "state", "cases", "live sessions")
    for r in rows:
        table.add_row(escape(r["username"]), r["role"], "[red]disabled[/]" if r["disabled"] else "enabled",
                      "every case" if r["role"] == "admin" else escape(", ".join(r["cases"])) or "-",
                      str(r["sessions"]))
    out.print(table)


@user_group.command("disable")
@click.argument("username")
@_server_options
def user_disable_cmd(username: str, home: Path | None, db: str | None) -> None:
    """Disable a user: they cannot log in, and every session they have ends now."""
    from chatprobe.web.auth import set_disabled
    store = _server(home, db)
    try:
        ended = set_disabled(store, username, True)
    finally:
        store.close()
    err.print(f"user {escape(username)} disabled; {ended} session(s) ended")


@user_group.command("enable")
@click.argument("username")
@_server_options
def user_enable_cmd(username: str, home: Path | None, db: str | None) -> None:
    """Enable a disabled user again (their password and cases are as they were)."""
    from chatprobe.web.auth import set_disabled
    store = _server(home, db)
    try:
        set_disabled(store, username, False)
    finally:
        store.close()
    err.print(f"user {escape(username)} enabled")


@user_group.command("revoke")
@click.argument("username")
@click.option("--case", "cases", multiple=True, required=True, help="A case to take away (repeat for more).")
@_server_options
def user_revoke_cmd(username: str, cases: tuple[str, ...], home: Path | None, db: str | None) -> None:
    """Take away a user's access to cases. Their next request for it answers 404."""
    from chatprobe.web.auth import revoke
    store = _server(home, db)
    try:
        left = revoke(store, username, list(cases))
    finally:
        store.close()
    err.print(f"user {escape(username)} may no longer open {escape(', '.join(cases))}; may open: "
              f"{escape(', '.join(left)) or 'no case'}")


@user_group.command("sessions")
@click.argument("username")
@click.option("--kill", is_flag=True, help="End every session of the user now.")
@_server_options
@click.option("--json", "as_json", is_flag=True, help="Print the sessions as JSON.")
def user_sessions_cmd(username: str, kill: bool, home: Path | None, db: str | None, as_json: bool) -> None:
    """List a user's sessions (when and from where each began), or end them all with --kill."""
    from chatprobe.web.auth import kill_sessions, sessions
    store = _server(home, db)
    try:
        rows = sessions(store, username)
        ended = kill_sessions(store, username) if kill else None
    finally:
        store.close()
    if as_json:
        out.print_json(data={"sessions": rows, "ended": ended})
        return
    for r in rows:
        out.print(f"{r['started'] or '(start not recorded)'}  from {r['address'] or '?'}  until {r['expires']}"
                  + ("" if r["live"] else "  (expired)"), markup=False)
    if ended is not None:
        err.print(f"{ended} session(s) of {escape(username)} ended")
    elif not rows:
        err.print(f"{escape(username)} has no sessions")


@user_group.command("passwd")
@click.argument("username")
@_server_options
@click.option("--password-stdin", is_flag=True, help="Read the new password from standard input (for scripts).")
def user_passwd_cmd(username: str, home: Path | None, db: str | None, password_stdin: bool) -> None:
    """Set a new password for a user. Every session they have ends."""
    from chatprobe.web.auth import change_password
    password = _read_password(password_stdin)
    store = _server(home, db)
    try:
        ended = change_password(store, username, password, actor="cli")
    finally:
        store.close()
    err.print(f"password of {escape(username)} changed; {ended} session(s) ended")


def _query_options(f: Any) -> Any:
    opts = [
        click.option("--member", default=None, help="Only messages sent by this name or number (as in the chat)."),
        click.option("--chat", default=None, help="Only this chat (its id)."),
        click.option("--from", "date_from", default=None, metavar="YYYY-MM-DD", help="From this date."),
        click.option("--to", "date_to", default=None, metavar="YYYY-MM-DD", help="Up to this date."),
        click.option("--category", default=None, help="Only findings in this category (e.g. race, threat)."),
        click.option("--status", default=None,
                     type=click.Choice(["unreviewed", "confirmed", "dismissed", "escalated"]),
                     help="Only findings with this review status."),
        click.option("--tag", default=None, help="Only messages with this tag."),
    ]
    for o in reversed(opts):
        f = o(f)
    return f


@main.command("search")
@click.argument("query", required=False, default="")
@_case_options
@_query_options
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True, help="Hits to show.")
@click.option("--json", "as_json", is_flag=True, help="Print the hits as JSON.")
def search_cmd(query: str, case_name: str, home: Path | None, db: str | None, member: str | None, chat: str | None,
               date_from: str | None, date_to: str | None, category: str | None, status: str | None,
               tag: str | None, limit: int, as_json: bool) -> None:
    """Search every message of a case, not only the findings.

    Words match whole words, in any order (all must occur); end one with * for a prefix; put a phrase in
    "double quotes". Each hit gives its message id: open it in its conversation in the web UI, tag it with
    `chatprobe tag`, or report a chosen set with `chatprobe report --search`.

    \b
    Examples:
      chatprobe search --case op-larch '"send them back"'
      chatprobe search --case op-larch 'pak*' --member "Tom Hale" --from 2024-05-01
      chatprobe search --case op-larch --status unreviewed --category race --json
    """
    from chatprobe.review import workbench as wb
    q = wb.Query.from_params({"q": query, "member": member, "chat": chat, "date_from": date_from, "date_to": date_to,
                              "category": category, "status": status, "tag": tag})
    case = _existing_case(case_name, home, db)
    try:
        hits, total = wb.search(case, q, limit=limit)
    finally:
        case.close()
    if as_json:
        out.print_json(data={"total": total, "hits": [h.to_json() for h in hits]})
        return
    err.print(("more than 10,000" if total > wb.COUNT_CAP else f"{total}") + " messages match"
              + (f"; the first {len(hits)}:" if total > len(hits) else ":"))
    for h in hits:
        body = h.text.replace("\n", " ")
        out.print(f"{h.message_id}  {(h.timestamp or '')[:16]}  {escape(h.sender or '(system)')}: "
                  f"{escape(body[:100])}" + ("…" if len(body) > 100 else ""))


@main.command("tag")
@click.argument("tag_name", metavar="TAG")
@click.argument("message_ids", nargs=-1)
@_case_options
@click.option("--search", "query", default=None, help="Tag every message this search finds (see `chatprobe search`).")
@_query_options
@click.option("--remove", is_flag=True, help="Take the tag off instead.")
def tag_cmd(tag_name: str, message_ids: tuple[str, ...], case_name: str, home: Path | None, db: str | None,
            query: str | None, member: str | None, chat: str | None, date_from: str | None, date_to: str | None,
            category: str | None, status: str | None, tag: str | None, remove: bool) -> None:
    """Tag messages: named ones, or every message a search selects. Each one is audited.

    \b
    Examples:
      chatprobe tag --case op-larch for-IOPC a7003826a42e6fed-137 a7003826a42e6fed-229
      chatprobe tag --case op-larch racist-remarks --category race --status confirmed
      chatprobe report --case op-larch --tag for-IOPC --report iopc.html --rsmf iopc.rsmf
    """
    import getpass

    from chatprobe.review import workbench as wb
    case = _existing_case(case_name, home, db)
    try:
        ids = list(message_ids)
        if query is not None or any((member, chat, date_from, date_to, category, status, tag)):
            q = wb.Query.from_params({"q": query or "", "member": member, "chat": chat, "date_from": date_from,
                                      "date_to": date_to, "category": category, "status": status, "tag": tag})
            ids += wb.matching_ids(case, q)
        if not ids:
            raise InputError("no messages to tag", "name message ids, or select them with --search, --status, …")
        n = wb.tag(case, ids, tag_name, actor=getpass.getuser(), remove=remove)
    finally:
        case.close()
    err.print(f"{n} of {len(set(ids))} messages {'untagged' if remove else 'tagged'} {escape(tag_name)}")


@main.command("owner")
@click.argument("name")
@_case_options
@click.option("--chat", "chat_id", metavar="CHAT_ID", default=None,
              help="Only this chat (ids are in `chatprobe analyse --json` and the report); default: every chat.")
def owner_cmd(name: str, case_name: str, home: Path | None, db: str | None, chat_id: str | None) -> None:
    """Name the person who exported the case's chats: "You" in their system messages is that person.

    The exporter's own messages carry their name, while the system messages call them "You" ("You
    added Ben"). Named, they are one member: their membership, presence and responses count once. Not
    named, "You" is left out of text exports rather than counted as a second, silent member. Audited;
    run `chatprobe report` afterwards.

    \b
    Example:
      chatprobe owner "Sgt Dana Whitfield" --case op-larch
      chatprobe owner "Tom Hale" --case op-larch --chat wa-3f2a9c1b0d4e5f60
    """
    case = _existing_case(case_name, home, db)
    try:
        ids = case.set_owner(name, chat_id)
    finally:
        case.close()
    err.print(f"{escape(name)} exported {len(ids)} chat(s): {escape(', '.join(ids))}; run chatprobe report again")


@main.command("people")
@_case_options
@click.option("--people", "people_file", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="An existing people file to start from.")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False, allow_dash=True), default="-",
              show_default=True, help="Where to write the people file.")
def people_cmd(case_name: str, home: Path | None, db: str | None, people_file: Path | None, output: Path) -> None:
    """Write a people file listing every name and number seen in the case, to edit by hand.

    Merge the entries that are one person (a name in one export, a number in another), give each a proper
    name, mark the subjects with `subject = true`, then pass it to scan or report with --people.

    \b
    Example:
      chatprobe people --case op-larch -o people.toml   # edit it, then:
      chatprobe report --case op-larch --people people.toml --report report.html
    """
    from sqlalchemy import select

    from chatprobe.analyse.people import People
    from chatprobe.store import schema as t

    case = _existing_case(case_name, home, db)
    try:
        with case.store.engine.connect() as conn:
            chats = conn.execute(select(t.chat.c.id, t.chat.c.title, t.chat.c.owner, t.chat.c.owner_source)).all()
            owned = {c.id for c in chats if c.owner}
            idents = [r.display_name for r in conn.execute(select(t.participant.c.chat_id, t.participant.c.display_name))
                      if not (r.display_name == "You" and r.chat_id in owned)]  # "You" is that chat's owner
            idents += [r.sender for r in conn.execute(select(t.message.c.chat_id, t.message.c.sender)
                                                      .where(t.message.c.sender.is_not(None)).distinct())
                       if not (r.sender == "You" and r.chat_id in owned)]
            idents += [c.owner for c in chats if c.owner]
    finally:
        case.close()
    notes = [f'"You" in chat {c.id} ({c.title or "untitled"}) is {c.owner} ({c.owner_source})' for c in chats
             if c.owner]
    notes += [f'"You" in chat {c.id} ({c.title or "untitled"}) is not identified: chatprobe owner NAME --chat {c.id}'
              for c in chats if not c.owner and "You" in idents]
    text = People.load(people_file).template(sorted(set(idents), key=str.casefold), notes)
    if str(output) == "-":
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
        err.print(f"wrote {escape(str(output))}: {text.splitlines().count('[[person]]')} people")


if __name__ == "__main__":  # pragma: no cover
    main()
