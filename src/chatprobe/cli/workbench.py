"""Working through a case's messages: search and tags."""

from __future__ import annotations

import getpass
from pathlib import Path
from typing import Any

import click
from rich.markup import escape

from chatprobe.cli import common as ui
from chatprobe.cli.cases import existing_case
from chatprobe.cli.common import case_options
from chatprobe.errors import InputError
from chatprobe.review import workbench as wb


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


@click.command("search")
@click.argument("query", required=False, default="")
@case_options
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
    q = wb.Query.from_params({"q": query, "member": member, "chat": chat, "date_from": date_from, "date_to": date_to,
                              "category": category, "status": status, "tag": tag})
    case = existing_case(case_name, home, db)
    try:
        hits, total = wb.search(case, q, limit=limit)
    finally:
        case.close()
    if as_json:
        ui.out.print_json(data={"total": total, "hits": [h.to_json() for h in hits]})
        return
    ui.err.print(("more than 10,000" if total > wb.COUNT_CAP else f"{total}") + " messages match"
              + (f"; the first {len(hits)}:" if total > len(hits) else ":"))
    for h in hits:
        body = h.text.replace("\n", " ")
        ui.out.print(f"{h.message_id}  {(h.timestamp or '')[:16]}  {escape(h.sender or '(system)')}: "
                  f"{escape(body[:100])}" + ("…" if len(body) > 100 else ""))


@click.command("tag")
@click.argument("tag_name", metavar="TAG")
@click.argument("message_ids", nargs=-1)
@case_options
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

    case = existing_case(case_name, home, db)
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
    ui.err.print(f"{n} of {len(set(ids))} messages {'untagged' if remove else 'tagged'} {escape(tag_name)}")
