"""The command line: thin commands over the core API, one module per part of the work. Errors map to one line
and an exit code (``errors.py`` sets each error's code).

Exit codes: 0 ok, 1 verification found problems or nothing by that name, 2 bad input, 3 evidence store,
4 database, 5 output, 6 access, 130 interrupted.
"""

from __future__ import annotations

import importlib

import click

from chatprobe import __version__
from chatprobe.cli.common import Group

# name → (module under chatprobe.cli, function, the one line `chatprobe --help` shows). A command's module loads
# only when that command runs, so `chatprobe --help` and `chatprobe parse` never load the database layer or the
# models; tests/cli/test_commands.py checks that every command is here and that those two stay light.
COMMANDS: dict[str, tuple[str, str, str]] = {
    "scan": ("investigate", "scan_cmd", "Import, detect, analyse and report in one go: the main job."),
    "import": ("intake", "import_cmd", "Hash, store and import chat exports into a case."),
    "analyse": ("investigate", "analyse_cmd", "Classify every message of a stored case."),
    "report": ("investigate", "report_cmd", "Work out the investigation view and write the reports."),
    "review": ("investigate", "review_cmd", "List the findings to review, or record a decision on one."),
    "verify": ("intake", "verify_cmd", "Prove the evidence and the audit trail are as they were recorded."),
    "audit": ("intake", "audit_group", "The audit trail of a case: its receipt, its entries, its anchor."),
    "owner": ("intake", "owner_cmd", "Name the person who exported the case's chats."),
    "people": ("intake", "people_cmd", "Write a people file listing every name and number seen."),
    "parse": ("parse", "parse_cmd", "Print one export's messages as JSON lines (no database)."),
    "search": ("workbench", "search_cmd", "Search every message of a case, not only the findings."),
    "tag": ("workbench", "tag_cmd", "Tag messages: named ones, or every message a search selects."),
    "classify": ("detect", "classify_cmd", "Classify texts in a CSV, TSV, JSONL or text file."),
    "eval": ("detect", "eval_cmd", "Compare the pipeline with labelled texts: precision, recall, F1."),
    "serve": ("team", "serve_cmd", "Serve the team web UI."),
    "user": ("team", "user_group", "Manage the users of the web UI."),
}


class LazyGroup(Group):
    """The top-level group: commands listed from COMMANDS, each module imported when its command is used."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        spec = COMMANDS.get(name)
        if spec is None:
            return None
        command: click.Command = getattr(importlib.import_module(f"chatprobe.cli.{spec[0]}"), spec[1])
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with formatter.section("Commands"):
            formatter.write_dl([(name, COMMANDS[name][2]) for name in self.list_commands(ctx)])


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
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


if __name__ == "__main__":  # pragma: no cover
    main()
