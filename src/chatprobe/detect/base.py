"""The detector contract: batch in, explained and scored detections out.

A detector takes a batch of :class:`TextItem` and returns, for each item in order, a tuple of
:class:`Detection`. Every detection names its label (a category or a response label), a score in [0, 1],
an advisory severity, the target when known, and an :class:`Explanation` (matched span and term, rule id,
detector id and version, model hash) so a reviewer can see why. ``status`` says whether the evidence
counts: ``active``, or one of the reasons a rule set it aside (``negated``, ``quoted``, ``counter``,
``reclaimed``, ``homonym``; ``ordinary``: words in an ordinary sense the text model misreads as this one label).
Detectors are built by name from the registry; the pipeline combines them by what kind of evidence each gives
(``evidence``), never by its name:

- ``"explicit"``: a rule matched words in the text (a slur, a threat phrase, a challenge). A hit flags on its
  own; its ``status`` can set the message's context aside.
- ``"score"``: a calibrated probability per label, 0.5 being the label's threshold. Several score detectors
  are pooled by taking the highest score per label.

Text detectors take :class:`TextItem`; media detectors (``accepts = "media"``: the nudity model) take
:class:`MediaItem`. Text found in media (OCR, voice-note transcripts) is not a detection: it is more text, and
goes through the text detectors like any message.

A detector may also read a message's context (:class:`ReadsContext`: negated, quoted, reported speech) or say
which protected groups it names (:class:`NamesGroups`); the pipeline asks every detector that can.

A new detector is one module with a :class:`Detector` subclass and a line in the pipeline's TOML: a registered
name, or ``"package.module:Factory"`` to load it from its module.
"""

from __future__ import annotations

import importlib
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple, Protocol, runtime_checkable

Status = Literal["active", "negated", "quoted", "counter", "reclaimed", "homonym", "ordinary", "below_threshold"]
Evidence = Literal["explicit", "score"]


class TextItem(NamedTuple):
    """One text to classify; ``id`` is the message id (traceable to file sha256 and line) or a row id."""

    id: str
    text: str


class MediaItem(NamedTuple):
    """One attachment to look at: its message id, the file's name and type (image, sticker, gif, video, audio,
    document) and its bytes as read from the evidence (None: the export left the file out)."""

    id: str
    name: str
    type: str
    data: bytes | None


Item = TextItem | MediaItem
Accepts = Literal["text", "media"]


@dataclass(frozen=True, slots=True)
class Explanation:
    detector: str  # detector id, e.g. "lexicon" or "text-model"
    version: str  # detector version (lexicon version, model version + sha256 prefix)
    rule: str  # rule id: "lexicon.slur", "lexicon.dehumanise", "model.head", ...
    note: str  # one line a reviewer can read
    span: tuple[int, int] | None = None  # character offsets into the original text
    matched: str | None = None  # the text as written at span
    term: str | None = None  # the canonical lexicon term or pattern name
    passage: str | None = None  # a long message's window that gave a model score, as the model read it

    def to_json(self) -> dict[str, Any]:
        d: dict[str, Any] = {"detector": self.detector, "version": self.version, "rule": self.rule,
                             "note": self.note}
        if self.span is not None:
            d["span"] = list(self.span)
            d["matched"] = self.matched
        if self.term is not None:
            d["term"] = self.term
        if self.passage is not None:
            d["passage"] = self.passage
        return d


@dataclass(frozen=True, slots=True)
class Detection:
    item_id: str
    label: str
    score: float
    explanation: Explanation
    severity: int | None = None
    target: str | None = None
    status: Status = "active"

    @property
    def active(self) -> bool:
        return self.status == "active"

    def to_json(self) -> dict[str, Any]:
        d: dict[str, Any] = {"label": self.label, "score": round(self.score, 4), "status": self.status}
        if self.severity is not None:
            d["severity"] = self.severity
        if self.target is not None:
            d["target"] = self.target
        d.update(self.explanation.to_json())
        return d


class Detector(ABC):
    """Every detector: ``name``, ``version``, the labels it can give and a batch ``detect``."""

    name: str = "detector"
    version: str = "0"
    labels: tuple[str, ...] = ()
    evidence: Evidence = "score"
    accepts: Accepts = "text"  # what its items are: TextItem, or MediaItem (attachments)

    @abstractmethod
    def detect(self, items: Sequence[Any]) -> list[tuple[Detection, ...]]:
        """One tuple of detections per item, in input order. Must be deterministic and batch-invariant."""

    def describe(self) -> dict[str, Any]:
        """What the method section of a report says about this detector."""
        return {"name": self.name, "version": self.version, "labels": list(self.labels)}


@runtime_checkable
class ReadsContext(Protocol):
    """A detector that can tell when a message's words are not its author's own: negated, quoted, reported."""

    def context(self, text: str) -> str | None: ...


@runtime_checkable
class NamesGroups(Protocol):
    """A detector that can say which protected groups a message names: category code → the words naming it."""

    def mentions(self, text: str) -> dict[str, str]: ...


@dataclass
class Registry:
    factories: dict[str, Callable[..., Detector]] = field(default_factory=dict)

    def register(self, name: str) -> Callable[[Callable[..., Detector]], Callable[..., Detector]]:
        def deco(factory: Callable[..., Detector]) -> Callable[..., Detector]:
            if name in self.factories:
                raise ValueError(f"detector {name!r} registered twice")
            self.factories[name] = factory
            return factory
        return deco

    def create(self, name: str, **options: Any) -> Detector:
        """A detector by registered name, or by ``"package.module:Factory"`` (a class or a function)."""
        _load_builtins()
        if ":" in name and name not in self.factories:
            module, _, attr = name.partition(":")
            try:
                factory = getattr(importlib.import_module(module), attr)
            except (ImportError, AttributeError) as exc:
                raise KeyError(f"cannot load detector {name!r}: {exc}") from None
        else:
            try:
                factory = self.factories[name]
            except KeyError:
                raise KeyError(f"unknown detector {name!r}; known: {', '.join(sorted(self.factories))}") from None
        det = factory(**options)
        if not isinstance(det, Detector):
            raise KeyError(f"{name!r} made a {type(det).__name__}, not a Detector")
        return det

    def names(self) -> list[str]:
        _load_builtins()
        return sorted(self.factories)


registry = Registry()


BUILTINS = ("chatprobe.detect.lexicon", "chatprobe.detect.classifier", "chatprobe.detect.media")


def _load_builtins() -> None:
    """Import the built-in detector modules, which register themselves. They import this module, so they are
    found by name here rather than imported at the top; the model itself loads lazily on first use."""
    for module in BUILTINS:
        importlib.import_module(module)
