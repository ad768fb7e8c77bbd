"""Redaction for reports: phone numbers, and the names of people who are not subjects.

Redaction changes what a report shows, never the stored evidence or the analysis. Non-subjects become
"Member A", "Member B", … in a fixed order (sorted names), so the same case gives the same labels.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

PHONE = re.compile(r"(?<![\w+])\+?\d[\d\s\u00a0\u2011().-]{6,}\d(?!\w)")


def _letters(n: int) -> str:
    s = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


@dataclass
class Redactor:
    phones: bool = False
    others: bool = False
    subjects: frozenset[str] = frozenset()
    _names: dict[str, str] = field(default_factory=dict)

    def prepare(self, people: Iterable[str], aliases: dict[str, list[str]] | None = None) -> None:
        """Fix the pseudonyms of non-subjects, and which written names stand for them."""
        if not self.others:
            return
        others = sorted((p for p in people if p not in self.subjects), key=str.casefold)
        for i, name in enumerate(others):
            label = f"Member {_letters(i)}"
            self._names[name] = label
            for a in (aliases or {}).get(name, []):
                self._names.setdefault(a, label)

    @property
    def active(self) -> bool:
        return self.phones or self.others

    def name(self, name: str | None) -> str | None:
        if name is None:
            return None
        if name in self._names:
            return self._names[name]
        return self.text(name)

    def text(self, text: str) -> str:
        """Free text (message bodies, system messages): names of non-subjects and phone numbers replaced."""
        if self.others and self._names:
            for written in sorted(self._names, key=len, reverse=True):
                if len(written) >= 3 and written in text:
                    text = re.sub(rf"(?<!\w){re.escape(written)}(?!\w)", self._names[written], text)
        if self.phones:
            text = PHONE.sub("[phone redacted]", text)
        return text
