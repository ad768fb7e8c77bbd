"""The one way chatprobe turns data into HTML: Jinja with autoescaping on, so every value from a chat (names,
messages, titles, file names) is escaped unless a template marks a fragment as already safe (the report's
inline SVG charts, which escape their own labels). The web UI's pages and the evidence report share it."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, Undefined, select_autoescape


def environment(package: str, folder: str = "templates", compact: bool = False) -> Environment:
    """Templates from ``package``/``folder``, HTML-escaped by default. ``compact``: block tags leave no blank
    lines, and an undefined name is an error (the report: a typo must not print as nothing)."""
    env = Environment(loader=FileSystemLoader(str(resources.files(package).joinpath(folder))),
                      autoescape=select_autoescape(["html", "htm", "svg"], default_for_string=True),
                      undefined=StrictUndefined if compact else Undefined,
                      trim_blocks=compact, lstrip_blocks=compact, keep_trailing_newline=True)
    env.filters["tojson_attr"] = lambda v: json.dumps(v)
    env.filters["thousands"] = lambda v: f"{int(v):,}"
    env.filters["plural"] = plural
    return env


def plural(n: Any, noun: str, nouns: str | None = None) -> str:
    """``n`` and the noun in its number, with thousands separators: "1 finding", "0 findings", "1,204 findings"."""
    n = int(n or 0)
    return f"{n:,} {noun if n == 1 else nouns or noun + 's'}"


def render(env: Environment, template: str, **data: Any) -> str:
    return env.get_template(template).render(**data)
