"""Classifying text outside a case: classify a CSV/JSON file, evaluate against labelled rows."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import click
import orjson
from rich.markup import escape
from rich.progress import (
    BarColumn,
    Progress,
    TextColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from chatprobe.cli import common as ui
from chatprobe.cli.cases import pipeline
from chatprobe.cli.common import batches, pipeline_option
from chatprobe.detect.base import TextItem
from chatprobe.detect.evaluate import parse_labels, score
from chatprobe.detect.io import read_rows
from chatprobe.errors import ChatprobeError


@click.command("classify")
@click.argument("input_path", metavar="INPUT", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path, allow_dash=True), default="-", show_default=True,
              help="Where to write the JSON lines ('-' = stdout).")
@click.option("--text-column", default="text", show_default=True, help="Column (or JSON field) holding the text.")
@click.option("--id-column", default=None, help="Column (or JSON field) holding the id; default: the row number.")
@pipeline_option
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
    gave each label, and which evidence was set aside (negated, quoted, counter-speech, reclaimed); an
    explanation with a "caution" is a flag from the text model alone that looks like one of its known
    misreadings (talk of illness or bedtime read as sexual, a member's own emoji read as hate): read it
    in context. A bad row is reported on stderr with its line and written with an "error" field.

    \b
    Examples:
      chatprobe classify messages.csv -o flagged.jsonl
      chatprobe classify export.jsonl --text-column body --id-column msg_id -o ui.out.jsonl
      chatprobe classify notes.txt | jq -c 'select(.labels | length > 0)'
    """


    pipe = pipeline(pipeline_path)
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
                      TimeRemainingColumn(), console=ui.err, disable=sink is not None or not ui.err.is_terminal,
                      transient=True) as progress:
            task = progress.add_task("classify", total=None)
            for batch in batches(rows, batch_size):
                good = [r for r in batch if r.error is None]
                decisions = iter(pipe.classify([TextItem(r.id, r.text) for r in good]))
                lines = []
                for r in batch:
                    if r.error is not None:
                        errors += 1
                        ui.err.print(f"[yellow]warning[/] {escape(r.error)}")
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
    ui.err.print(f"{n:,} rows classified ({size:,} bytes){f', {errors} bad rows' if errors else ''}: {flagged}")


@click.command("eval")
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


    pipe = pipeline(pipeline_path)
    truths: list[set[str]] = []
    items: list[TextItem] = []
    for r in read_rows(labelled, text_column, None):
        if r.error is not None:
            ui.err.print(f"[yellow]warning[/] {escape(r.error)} (row skipped)")
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
    ui.out.print(t)
    cols = sorted({b for row in s.confusion.values() for b in row}, key=lambda x: (x == "(none)", x))
    c = Table(title="confusion: true category (rows) → predicted categories (columns)", title_justify="left")
    c.add_column("true")
    for col in cols:
        c.add_column(col, justify="right")
    for a in sorted(s.confusion, key=lambda x: (x == "(none)", x)):
        c.add_row(a, *[str(s.confusion[a].get(b, "")) for b in cols])
    ui.out.print(c)


# ---- investigation: scan, analyse, report, people ----------------------------------------------------------
