"""The command line: thin commands over the core API, one module per part of the work. Errors map to one line
and an exit code (``errors.py`` sets each error's code).

Exit codes: 0 ok, 1 verification found problems or nothing by that name, 2 bad input, 3 evidence store,
4 database, 5 output, 6 access, 130 interrupted.
"""

from __future__ import annotations

import click

from chatprobe import __version__
from chatprobe.cli import detect, intake, investigate, team, workbench
from chatprobe.cli.common import Group


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
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




for command in (
    intake.import_cmd,
    intake.parse_cmd,
    intake.verify_cmd,
    intake.audit_group,
    intake.owner_cmd,
    intake.people_cmd,
    detect.classify_cmd,
    detect.eval_cmd,
    investigate.scan_cmd,
    investigate.analyse_cmd,
    investigate.report_cmd,
    investigate.review_cmd,
    team.serve_cmd,
    team.user_group,
    workbench.search_cmd,
    workbench.tag_cmd,
):
    main.add_command(command)


if __name__ == "__main__":  # pragma: no cover
    main()
