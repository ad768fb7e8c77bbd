"""Database-free parsing, for scripting and for `chatprobe parse`."""

from __future__ import annotations

from pathlib import Path

from chatprobe.ingest import ChatStream, open_chats, sources_for
from chatprobe.ingest.boundary import reading
from chatprobe.ingest.source import require_file, sha256_file


def parse_file(path: Path | str, date_order: str | None = None, workers: int = 1) -> list[ChatStream]:
    """Open one export (txt, zip, JSON or a phone database) read-only and hand back its chat streams.

    Iterate ``stream.messages()`` for each; warnings, events and participants fill in as you go. Each stream
    opens its file while it is read and closes it after: there is nothing to close.
    ``workers`` > 1 (or 0 for one per core) parses large WhatsApp files in several processes.
    """
    p = Path(path)
    require_file(p)
    sha, size = sha256_file(p)
    with reading(p.name):
        sources, _ = sources_for(p, sha, size)
    streams: list[ChatStream] = []
    for source in sources:
        streams.extend(open_chats(source, date_order=date_order, workers=workers))
    return streams
