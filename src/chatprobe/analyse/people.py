"""Who is who: chat identities (display names, phone numbers, "You") mapped to people.

The same officer can be "Tom Hale" in one export, "+44 7700 900123" in another and "Tom 🚔" after renaming
himself. chatprobe maps identities to people from, in order:

1. the investigator's people file (TOML, editable; ``chatprobe people`` writes a starting one)::

       [[person]]
       name = "PC Tom Hale"                       # how reports name this person
       aliases = ["Tom Hale", "+44 7700 900123"]  # names and numbers as they appear in chats
       subject = true                             # a subject of the investigation (kept by --redact-others)

2. number changes in the chats ("X changed to +44 …") and aliases the importer recorded;
3. otherwise each identity is its own person, phone numbers compared without spaces or dashes.

"You" in system messages is whoever exported that chat: the chat's owner (``--owner`` at import, inferred for
one-to-one chats, or ``chatprobe owner``), resolved per chat before anything here.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from chatprobe.errors import InputError

PHONE = re.compile(r"^\+?[\d\s\-().]{7,}$")


def normalise(identity: str) -> str:
    """The key an identity is compared by: digits for phone numbers, case-folded text otherwise."""
    s = identity.strip().replace("\u202a", "").replace("\u202c", "").replace("\u00a0", " ")
    if PHONE.match(s):
        return "+" + re.sub(r"\D", "", s) if s.startswith("+") else re.sub(r"\D", "", s)
    return " ".join(s.casefold().split())


@dataclass
class Person:
    name: str
    aliases: list[str] = field(default_factory=list)
    subject: bool = False


@dataclass
class People:
    """Resolves identities to people. ``resolve`` always answers: unknown identities become people."""

    people: dict[str, Person] = field(default_factory=dict)  # by name
    _by_key: dict[str, str] = field(default_factory=dict)  # normalised identity → person name
    source: str | None = None  # the people file, when one was given

    @classmethod
    def load(cls, path: Path | None) -> People:
        out = cls()
        if path is None:
            return out
        try:
            raw = tomllib.loads(Path(path).read_text("utf-8"))
        except OSError as exc:
            raise InputError(f"cannot read people file {path}: {exc.strerror}",
                             hint="check the path, or run `chatprobe people --case NAME` to write one") from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise InputError(f"people file {path} is not valid TOML: {exc}",
                             hint="see `chatprobe people --help` for the format") from None
        out.source = str(path)
        for i, entry in enumerate(raw.get("person", []), 1):
            name = entry.get("name") if isinstance(entry, dict) else None
            aliases = entry.get("aliases", []) if isinstance(entry, dict) else None
            if not isinstance(name, str) or not name.strip() or not isinstance(aliases, list) \
                    or not all(isinstance(a, str) for a in aliases):
                raise InputError(f"people file {path}: person {i} needs a name and a list of aliases",
                                 hint='[[person]]\nname = "PC Tom Hale"\naliases = ["Tom Hale", "+44 7700 900123"]')
            out.add(name.strip(), aliases, bool(entry.get("subject", False)))
        return out

    def add(self, name: str, aliases: Iterable[str] = (), subject: bool = False) -> Person:
        person = self.people.get(name)
        if person is None:
            person = self.people[name] = Person(name, [], subject)
        person.subject = person.subject or subject
        for alias in [name, *aliases]:
            key = normalise(alias)
            owner = self._by_key.get(key)
            if owner is not None and owner != name:
                raise InputError(f"'{alias}' is listed for both {owner} and {name}",
                                 hint="an alias may belong to one person only; fix the people file")
            self._by_key[key] = name
            if alias != name and alias not in person.aliases:
                person.aliases.append(alias)
        return person

    def link(self, identity: str, other: str) -> None:
        """Two identities are the same person (a number change): join them unless the file says otherwise."""
        a, b = self._by_key.get(normalise(identity)), self._by_key.get(normalise(other))
        if a and b:
            return
        if a or b:
            self.add(a or b or identity, [identity, other])
        else:
            self.add(identity, [other])

    def resolve(self, identity: str) -> str:
        name = self._by_key.get(normalise(identity))
        if name is None:
            name = self.add(identity).name
        elif identity != name and identity not in self.people[name].aliases:
            self.people[name].aliases.append(identity)
        return name

    def template(self, identities: Iterable[str], notes: Iterable[str] = ()) -> str:
        """A people file listing every identity seen, grouped as currently resolved, for the investigator.
        ``notes`` become comment lines at the top (who exported which chat)."""
        groups: dict[str, list[str]] = {}
        for ident in identities:
            groups.setdefault(self.resolve(ident), [])
            if ident not in groups[self.resolve(ident)]:
                groups[self.resolve(ident)].append(ident)
        lines = ["# chatprobe people file: one [[person]] per real person. Merge identities that are the same",
                 "# person (a name in one export, a number in another), give each a proper name, and mark the",
                 "# subjects of the investigation with subject = true. \"You\" is whoever exported that chat.",
                 *[f"# {n}" for n in notes], ""]
        for name in sorted(groups, key=str.casefold):
            person = self.people[name]
            aliases = sorted(set(groups[name]) | set(person.aliases), key=str.casefold)
            lines += ["[[person]]", f"name = {_toml(name)}",
                      "aliases = [" + ", ".join(_toml(a) for a in aliases) + "]",
                      f"subject = {'true' if person.subject else 'false'}", ""]
        return "\n".join(lines)


def _toml(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
