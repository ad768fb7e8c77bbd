"""Read texts to classify from .csv, .tsv, .jsonl or .txt, streaming, with bad rows reported by line."""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import orjson

from chatprobe.errors import InputError

FORMATS = (".csv", ".tsv", ".jsonl", ".ndjson", ".txt")


@dataclass(frozen=True, slots=True)
class Row:
    line: int  # 1-based line where the row starts
    id: str
    text: str
    fields: dict[str, str]  # every column (for eval: the labels)
    error: str | None = None


def read_rows(path: Path, text_column: str = "text", id_column: str | None = None) -> Iterator[Row]:
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise InputError(f"{path}: unsupported file type {suffix or '(none)'}",
                         hint="use .csv, .tsv, .jsonl or .txt (one message per line)")
    try:
        f = open(path, encoding="utf-8-sig", errors="strict", newline="")
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}", hint="check the path") from None
    with f:
        try:
            if suffix == ".txt":
                for n, line in enumerate(f, 1):
                    t = line.rstrip("\r\n")
                    yield Row(n, str(n), t, {"text": t})
            elif suffix in (".jsonl", ".ndjson"):
                yield from _jsonl(path, f, text_column, id_column)
            else:
                yield from _delimited(path, f, "\t" if suffix == ".tsv" else ",", text_column, id_column)
        except UnicodeDecodeError as exc:
            raise InputError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})",
                             hint="save the file as UTF-8") from None


def _jsonl(path: Path, f, text_column: str, id_column: str | None) -> Iterator[Row]:  # type: ignore[no-untyped-def]
    for n, line in enumerate(f, 1):
        if not line.strip():
            continue
        try:
            obj = orjson.loads(line)
            if not isinstance(obj, dict):
                raise ValueError("not a JSON object")
        except ValueError as exc:
            yield Row(n, str(n), "", {}, error=f"{path}:{n}: invalid JSON ({exc})")
            continue
        if text_column not in obj:
            yield Row(n, _id(obj, id_column, n), "", {}, error=f"{path}:{n}: no '{text_column}' field")
            continue
        text = obj[text_column]
        yield Row(n, _id(obj, id_column, n), "" if text is None else str(text),
                  {k: "" if v is None else str(v) for k, v in obj.items()})


def _id(obj: dict, id_column: str | None, n: int) -> str:  # type: ignore[type-arg]
    if id_column and obj.get(id_column) is not None:
        return str(obj[id_column])
    return str(n)


def _delimited(path: Path, f, delimiter: str, text_column: str, id_column: str | None) -> Iterator[Row]:  # type: ignore[no-untyped-def]
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    reader = csv.reader(f, delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as exc:
        raise InputError(f"{path}:1: cannot read the header ({exc})", hint="the first line must name the columns") from None
    if text_column not in header:
        raise InputError(f"{path}: no column named '{text_column}' (columns: {', '.join(header[:12])})",
                         hint="name the text column with --text-column")
    if id_column and id_column not in header:
        raise InputError(f"{path}: no column named '{id_column}'", hint="name the id column with --id-column")
    ti = header.index(text_column)
    ii = header.index(id_column) if id_column else None
    line = reader.line_num + 1
    while True:
        start = line
        try:
            rec = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield Row(start, str(start), "", {}, error=f"{path}:{start}: {exc}")
            line = reader.line_num + 1
            continue
        line = reader.line_num + 1
        if not rec:
            continue
        if len(rec) != len(header):
            yield Row(start, str(start), "", {},
                      error=f"{path}:{start}: {len(rec)} fields where the header has {len(header)}")
            continue
        fields = dict(zip(header, rec, strict=True))
        yield Row(start, rec[ii] if ii is not None else str(start - 1), rec[ti], fields)
