"""Counts in the words a reader expects ("1 finding", "3 findings", "changes once"), for every adapter: the CLI, the
web pages and the reports (``templating`` registers ``plural`` as a Jinja filter). Nothing here loads Jinja, so the
CLI starts without it."""

from __future__ import annotations

from typing import Any


def plural(n: Any, noun: str, nouns: str | None = None) -> str:
    """``n`` and the noun in its number, with thousands separators: "1 finding", "0 findings", "1,204 findings"."""
    n = int(n or 0)
    return f"{n:,} {noun if n == 1 else nouns or noun + 's'}"


def times(n: int) -> str:
    """How often: "once", "twice", "3 times" ("0 times")."""
    return {0: "0 times", 1: "once", 2: "twice"}.get(n, f"{n:,} times")
