"""Taking exports in and proving they are unchanged: import, verify, the audit log, the exporter of a chat and
the people file."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Any

import click
from rich.markup import escape
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    TextColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from chatprobe import service
from chatprobe.analyse.people import People
from chatprobe.case import Case, ImportReport, default_home
from chatprobe.cli import common as ui
from chatprobe.cli.cases import existing_case
from chatprobe.cli.common import (
    DATE_ORDER,
    accept_option,
    case_options,
    owner_option,
    workers_option,
)
from chatprobe.store import audit
from chatprobe.store import chats as chats_repo
from chatprobe.store.server import server_store


@click.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@case_options
@click.option("--date-order", type=DATE_ORDER, default=None,
              help="Day/month order for WhatsApp dates when the file cannot tell (it is inferred otherwise).")
@click.option("--json", "as_json", is_flag=True, help="Print the import report as JSON on stdout.")
@workers_option
@owner_option
@accept_option
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

    case = Case.open(case_name, home=home, db=db)
    try:
        with Progress(TextColumn("[progress.description]{task.description}"), BarColumn(), DownloadColumn(),
                      TimeRemainingColumn(), console=ui.err, transient=True,
                      disable=as_json or not ui.err.is_terminal) as bar:
            tasks: dict[str, Any] = {}

            def progress(label: str, done: int, total: int) -> None:
                if label not in tasks:
                    tasks[label] = bar.add_task(label, total=total)
                bar.update(tasks[label], completed=done)

            report = service.import_exports(case, paths, date_order=date_order, progress=progress,
                                            command="chatprobe " + " ".join(sys.argv[1:]), workers=workers,
                                            owner=owner, accept_warnings=accept_warnings)
    finally:
        case.close()
    if as_json:
        ui.out.print_json(data=report.to_json())
    else:
        _print_report(report, case)
    if report.failed:
        sys.exit(2)


def _print_report(report: ImportReport, case: Case) -> None:
    for f in report.files:
        if f.outcome == "failed":
            ui.err.print(f"[bold red]failed[/] {escape(f.path)}\n  {escape(f.error or '')}")
            continue
        if f.outcome == "already-imported":
            ui.out.print(f"[yellow]already in case[/] {escape(f.path)}  sha256 {f.sha256}")
            continue
        ui.out.print(f"[green]imported[/] {escape(f.path)}\n  sha256 {f.sha256}")
        for c in f.chats:
            kinds = ", ".join(f"{k} {v}" for k, v in sorted(c.kinds.items(), key=lambda kv: -kv[1]))
            ui.out.print(f"  chat [bold]{escape(c.title or '(untitled)')}[/] — {c.platform}, {escape(c.source)}")
            ui.out.print(f"    {c.messages} messages ({kinds}); {c.participants} participants; "
                      f"{c.events} membership events")
            ui.out.print(f"    from {c.first or '?'} to {c.last or '?'}")
            order = f", dates {c.date_order} ({c.date_order_source})" if c.date_order else ""
            ui.out.print(f"    layout {c.layout}{order} because:")
            for line in c.evidence:
                ui.out.print(f"      - {escape(line)}")
    if report.warnings:
        codes = Counter(w.code for w in report.warnings)
        ui.err.print(f"[yellow]{len(report.warnings)} warnings[/] ({', '.join(f'{k} {v}' for k, v in codes.items())}):")
        for w in report.warnings[:20]:
            ui.err.print(f"  {escape(str(w))}")
        if len(report.warnings) > 20:
            ui.err.print(f"  … {len(report.warnings) - 20} more are stored with the case (import run {report.run_id})")
    ui.out.print(f"case [bold]{escape(case.name)}[/] at {escape(str(case.root))}  (import run {report.run_id})")


@click.command("verify")
@case_options
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

    case = existing_case(case_name, home, db)
    try:
        v = service.verify(case, receipts, deep, server_db=case.root.parent / "server.db")
    finally:
        case.close()
    if as_json:
        ui.out.print_json(data=v.to_json())
    else:
        _print_verification(v)
    if not v.ok:
        sys.exit(1)


def _print_verification(v: service.Verification) -> None:
    table = Table("result", "sha256", "detail", show_lines=False)
    for p in v.problems:
        table.add_row(f"[red]{p.kind}[/]", p.sha256[:16] + "…", escape(p.detail))
    if v.problems:
        ui.out.print(table)
    ui.out.print(f"{v.checked} evidence files checked: " +
                 ("[green]all intact[/]" if not v.problems else f"[red]{len(v.problems)} problems[/]"))
    ui.out.print(f"audit log: {v.audit_rows} entries, " + ("[green]chain intact[/]" if v.chain_break is None
                                                           else f"[red]broken at {escape(str(v.chain_break))}[/]"))
    for problem in v.audit_problems:
        ui.out.print(f"[red]audit log:[/] {escape(problem)}")
    if not v.audit_problems:
        ui.out.print(f"audit anchor: [green]the log reaches entry {v.anchored} or beyond, as anchored[/]"
                     if v.anchored else "audit anchor: nothing anchored yet")
    if v.deep is not None:
        compared, differences = v.deep
        ui.out.print(f"deep check: {compared} messages parsed again: " +
                     ("[green]all match the database[/]" if not differences
                      else f"[red]{len(differences)} differences[/]"))
        for difference in differences:
            ui.out.print(f"  [red]{escape(difference)}[/]")
    for n in v.notes:
        ui.out.print(f"[yellow]note:[/] {escape(n)}")
    ui.out.print(f"receipt: [bold]{escape(v.receipt)}[/]  (write it down; check it later with --receipt)")



@click.group("audit")
def audit_group() -> None:
    """The audit trail of a case: its receipt, its entries, its anchor.

    \b
    Examples:
      chatprobe audit receipt --case op-larch       the head of the log, to write down
      chatprobe audit log --case op-larch --json    every entry
      chatprobe audit anchor --case op-larch        start the anchor of a case made before anchoring
    """


@audit_group.command("receipt")
@case_options
def audit_receipt_cmd(case_name: str, home: Path | None, db: str | None) -> None:
    """Print the audit log's head as one short line to write in a notebook or the case record.

    A later `chatprobe verify --receipt "<that line>"` proves the log still holds that entry, with that
    hash, even if the database and its anchor file were both replaced.
    """
    case = existing_case(case_name, home, db)
    try:
        ui.out.print(case.receipt(), markup=False)
    finally:
        case.close()


@audit_group.command("log")
@case_options
@click.option("--json", "as_json", is_flag=True, help="Print the entries as JSON.")
def audit_log_cmd(case_name: str, home: Path | None, db: str | None, as_json: bool) -> None:
    """List the audit entries of a case: who did what, when, to what."""

    case = existing_case(case_name, home, db)
    try:
        with case.store.engine.connect() as conn:
            rows = audit.entries(conn)
    finally:
        case.close()
    if as_json:
        ui.out.print_json(data=rows)
        return
    for r in rows:
        ui.out.print(f"{r['id']:>5}  {r['at'][:19]}  {r['actor']:<12} {r['action']:<18} {r['target']}", markup=False)


@audit_group.command("anchor")
@case_options
@click.option("--server", is_flag=True, help="Start the anchor of the web server's log (<home>/server.db) instead.")
def audit_anchor_cmd(case_name: str, home: Path | None, db: str | None, server: bool) -> None:
    """Start the anchor file of a case (or, with --server, of the web server's log) made before the anchor
    existed.

    The log as it stands is taken on trust once (check its chain with verify first); from then on,
    removal from its end is detected. Audited.
    """
    if server:
        store = server_store(home or default_home(), db)
        try:
            audit.start_anchor(store, "server log")
            with store.engine.connect() as conn:
                receipt = audit.receipt("server", audit.head(conn))
        finally:
            store.close()
        ui.out.print(f"server log anchor started; receipt: {receipt}", markup=False)
        return
    case = existing_case(case_name, home, db)
    try:
        ui.out.print(f"anchor started; receipt: {case.start_anchor()}", markup=False)
    finally:
        case.close()


# ---- detection -----------------------------------------------------------------------------------------


@click.command("owner")
@click.argument("name")
@case_options
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
    case = existing_case(case_name, home, db)
    try:
        ids = case.set_owner(name, chat_id)
    finally:
        case.close()
    ui.err.print(f"{escape(name)} exported {len(ids)} chat(s): {escape(', '.join(ids))}; run chatprobe report again")


@click.command("people")
@case_options
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
    case = existing_case(case_name, home, db)
    try:
        with case.store.engine.connect() as conn:
            chats, idents = chats_repo.identities(conn)
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
        ui.err.print(f"wrote {escape(str(output))}: {text.splitlines().count('[[person]]')} people")

