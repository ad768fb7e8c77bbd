"""The categories and response labels of the domain, loaded from ``data/taxonomy.toml``."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class Category:
    code: str
    name: str
    group: str  # discriminatory | derogatory | threat | sexual
    description: str
    severity: int
    targets: tuple[str, ...]
    protected_characteristic: str | None = None
    media_only: bool = False

    @property
    def discriminatory(self) -> bool:
        return self.group == "discriminatory"


@dataclass(frozen=True, slots=True)
class ResponseLabel:
    code: str
    name: str
    description: str


@dataclass(frozen=True, slots=True)
class Taxonomy:
    version: str
    categories: tuple[Category, ...]
    responses: tuple[ResponseLabel, ...]
    code_set: frozenset[str] = field(init=False)  # the category codes, for membership tests on hot paths

    def __post_init__(self) -> None:
        object.__setattr__(self, "code_set", frozenset(c.code for c in self.categories))

    @property
    def codes(self) -> tuple[str, ...]:
        """Category codes in taxonomy order."""
        return tuple(c.code for c in self.categories)

    @property
    def text_codes(self) -> tuple[str, ...]:
        """Categories a text detector can give (all but media-only ones)."""
        return tuple(c.code for c in self.categories if not c.media_only)

    @property
    def protected(self) -> tuple[str, ...]:
        return tuple(c.code for c in self.categories if c.discriminatory)

    @property
    def response_codes(self) -> tuple[str, ...]:
        return tuple(r.code for r in self.responses)

    @property
    def labels(self) -> tuple[str, ...]:
        """Everything a text classifier outputs: text categories, then response labels."""
        return self.text_codes + self.response_codes

    def categories_of(self, labels: Iterable[str]) -> tuple[str, ...]:
        """The categories among a message's labels, in the labels' order. A message is a *finding* when this is
        not empty (response labels alone do not make one): the one place that rule is written."""
        return tuple(label for label in labels if label in self.code_set)

    def category(self, code: str) -> Category:
        for c in self.categories:
            if c.code == code:
                return c
        raise KeyError(code)


@cache
def taxonomy() -> Taxonomy:
    raw = tomllib.loads(resources.files("chatprobe.detect").joinpath("data/taxonomy.toml").read_text("utf-8"))
    cats = tuple(Category(code=c["code"], name=c["name"], group=c["group"], description=c["description"],
                          severity=int(c["severity"]), targets=tuple(c.get("targets", ())),
                          protected_characteristic=c.get("protected_characteristic"),
                          media_only=bool(c.get("media_only", False)))
                 for c in raw["category"])
    resp = tuple(ResponseLabel(code=r["code"], name=r["name"], description=r["description"])
                 for r in raw["response"])
    return Taxonomy(version=str(raw["version"]), categories=cats, responses=resp)
