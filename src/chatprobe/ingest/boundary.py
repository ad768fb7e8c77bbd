"""The one error boundary around reading untrusted input.

Every byte an importer reads comes from a file nobody here wrote: a truncated zip, a mutated header, JSON
nested 100,000 deep, a database with a column of the wrong type. Importers raise the project's own errors
for what they foresee; this boundary turns anything else (``OSError`` from a seek into a corrupt archive,
``RecursionError``, ``struct.error``, an ``IndexError`` in a parser) into one :class:`ParseError` that names
the file and the position reached, so no input can make chatprobe print a traceback.

    with reading(source.display):
        streams = open_chats(source)
    for msg in stream.messages():   # ChatStream.messages() is guarded the same way
        ...
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from chatprobe.errors import ChatprobeError, ParseError

HINT = ("the file is damaged or not what it claims to be; ask for a fresh copy of the export. Nothing from "
        "this file was stored")


def boundary_error(display: str, exc: BaseException, position: str | None = None) -> ParseError:
    """The ParseError for an unforeseen failure while reading ``display``."""
    what = "nested too deeply to read" if isinstance(exc, RecursionError) else f"{type(exc).__name__}: {exc}"
    where = f" ({position})" if position else ""
    err = ParseError(f"{display}{where}: cannot be read: {what}"[:2000], HINT)
    err.unforeseen = True  # caught by the boundary, not raised on purpose by an importer (the fuzzer counts these)
    return err


@contextmanager
def reading(display: str, position: str | None = None) -> Iterator[None]:
    """Run a block that reads ``display``; any exception but the project's own becomes a ParseError."""
    try:
        yield
    except ChatprobeError:
        raise
    except Exception as exc:  # noqa: BLE001 - this is the boundary: everything else is a bad input
        raise boundary_error(display, exc, position) from exc
