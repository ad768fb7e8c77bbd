"""The one way chatprobe turns data into HTML: Jinja with autoescaping on, so every value from a chat (names,
messages, titles, file names) is escaped unless a template marks a fragment as already safe (the report's
inline SVG charts, which escape their own labels). The web UI's pages and the evidence report share it."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, Undefined, select_autoescape

from chatprobe.wording import plural


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


def render(env: Environment, template: str, **data: Any) -> str:
    return env.get_template(template).render(**data)
