"""Mutation fuzzing of every importer: seeds the project owns, byte-level mutations, and the one rule.

The rule: whatever the bytes, reading them either works or raises the project's own error (one clear
message naming the file). Anything else (a traceback) or a hang is a failure. Used by
``tests/ingest/test_fuzz.py`` (a bounded, fixed-seed run in the suite) and ``benchmarks/fuzz.py`` (a long
run that prints runs/s and the distinct failures).
"""

from __future__ import annotations

import io
import json
import random
import tempfile
import traceback
import zipfile
from pathlib import Path

from chatprobe.errors import ChatprobeError

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"

def _telegram() -> dict:
    """A full-account Telegram export holding the single chat of the Telegram tests."""
    from tests.ingest.test_telegram import SINGLE
    return {"about": "Here is the data you requested.", "chats": {"about": "chats", "list": [SINGLE]}}


def seeds(folder: Path) -> dict[str, bytes]:
    """One seed per importer, each a valid export: WhatsApp text, a WhatsApp zip with media, Telegram JSON,
    an Android msgstore.db and an iOS ChatStorage.sqlite."""
    from tests.ingest import phone_dbs

    txt = (FIXTURES / "whatsapp" / "android_en_gb.txt").read_bytes()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:  # fixed times: the same seed bytes every run
        z.writestr(zipfile.ZipInfo("_chat.txt", (2024, 5, 1, 9, 0, 0)),
                   (FIXTURES / "whatsapp" / "ios_de.txt").read_bytes(), zipfile.ZIP_DEFLATED)
        z.writestr(zipfile.ZipInfo("00000012-PHOTO-2024-05-01-09-00-00.jpg", (2024, 5, 1, 9, 0, 0)),
                   b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4, zipfile.ZIP_DEFLATED)
    folder.mkdir(parents=True, exist_ok=True)
    android = phone_dbs.android(folder / "msgstore.db", contacts=False)
    ios = phone_dbs.ios(folder / "ChatStorage.sqlite")
    return {
        "whatsapp.txt": txt,
        "whatsapp.zip": buf.getvalue(),
        "telegram.json": json.dumps(_telegram(), indent=1, ensure_ascii=False).encode("utf-8"),
        "msgstore.db": android.read_bytes(),
        "ChatStorage.sqlite": ios.read_bytes(),
    }


SPECIAL = [b"\x00", b"\xff", b"\n", b"\r\n", b"{", b"[", b"]", b"}", b'"', b":", b",", b"\\", b" - ", b": ",
           b"PK\x03\x04", b"PK\x01\x02", b"\xef\xbb\xbf", b"\xe2\x80\x8e", b"99", b"-1", b"\xc3", b"\xfe\xff",
           b"[" * 64, b"null", b"1e999", b"31/12/2099, 25:61 - ", b"\xe2\x80\xaf"]


def mutate(data: bytes, rng: random.Random, name: str = "") -> bytes:
    """A mutant of a seed. Half the time (for JSON and databases) a structural one: values swapped for
    values of other types, rows emptied, nesting added; otherwise one to eight byte-level mutations."""
    if name.endswith(".json") and rng.random() < 0.5:
        return mutate_json(data, rng)
    if name.endswith((".db", ".sqlite")) and rng.random() < 0.5:
        return mutate_sqlite(data, rng)
    return mutate_bytes(data, rng, keep_length=name.endswith((".zip", ".db", ".sqlite")) and rng.random() < 0.7)


WEIRD_VALUES = [None, 0, -1, 2 ** 63, 1.5, "", "x", "\u0000", "../../etc/passwd", [], [None], {}, {"text": 5},
                ["a", 1, None, {"type": "bold"}, {"text": ["nested"]}], {"a": {"b": [1]}}, True, "1e999",
                "2023-13-45T99:99:99", "9" * 40]


def mutate_json(data: bytes, rng: random.Random) -> bytes:
    """Values in the document replaced by values of other types, keys dropped, entries duplicated."""
    try:
        doc = json.loads(data)
    except ValueError:
        return mutate_bytes(data, rng)
    nodes: list[tuple[object, object]] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for k in list(node):
                nodes.append((node, k))
                walk(node[k])
        elif isinstance(node, list):
            for i in range(len(node)):
                nodes.append((node, i))
                walk(node[i])

    walk(doc)
    for _ in range(rng.randint(1, 4)):
        if not nodes:
            break
        parent, key = rng.choice(nodes)
        op = rng.randrange(4)
        try:
            if op == 0:
                parent[key] = rng.choice(WEIRD_VALUES)  # type: ignore[index]
            elif op == 1 and isinstance(parent, dict):
                del parent[key]
            elif op == 2 and isinstance(parent, list):
                parent.append(parent[key])  # type: ignore[index]
            else:
                parent[key] = [parent[key]]  # type: ignore[index]
        except (KeyError, IndexError, TypeError):
            continue
    return json.dumps(doc, ensure_ascii=rng.random() < 0.5).encode("utf-8")


def mutate_sqlite(data: bytes, rng: random.Random) -> bytes:
    """Cells of a database set to values of other types (SQLite keeps whatever it is given), rows deleted,
    tables dropped."""
    import sqlite3
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "m.db"
        p.write_bytes(data)
        con = sqlite3.connect(p)
        try:
            tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' "
                                                 "AND name NOT LIKE 'sqlite_%'")]
            for _ in range(rng.randint(1, 4)):
                if not tables:
                    break
                table = rng.choice(tables)
                cols = [r[1] for r in con.execute(f'PRAGMA table_info("{table}")')]
                rowids = [r[0] for r in con.execute(f'SELECT rowid FROM "{table}"')]
                op = rng.randrange(10)
                if op == 0:
                    con.execute(f'DROP TABLE "{table}"')
                    tables.remove(table)
                elif op == 1 and rowids:
                    con.execute(f'DELETE FROM "{table}" WHERE rowid = ?', (rng.choice(rowids),))
                elif rowids and cols:
                    value = rng.choice([None, 0, -1, 2 ** 63 - 1, -(2 ** 63), 1.5, "", "x", "\x00",
                                        b"\xff\xfe\x00", "9" * 30, "x@g.us", "@", rng.randrange(-5, 200)])
                    try:
                        con.execute(f'UPDATE "{table}" SET "{rng.choice(cols)}" = ? WHERE rowid = ?',
                                    (value, rng.choice(rowids)))
                    except sqlite3.IntegrityError:
                        pass
            con.commit()
        finally:
            con.close()
        return p.read_bytes()


def mutate_bytes(data: bytes, rng: random.Random, keep_length: bool = False) -> bytes:
    """One to eight byte-level mutations: flip, set, insert, delete, duplicate, truncate, splice a token
    (``keep_length``: flips and sets only, so pages and offsets stay where they were)."""
    b = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        if not b:
            b.extend(rng.choice(SPECIAL))
            continue
        op = rng.randrange(2) if keep_length else rng.randrange(7)
        i = rng.randrange(len(b))
        if op == 0:
            b[i] ^= 1 << rng.randrange(8)
        elif op == 1:
            b[i] = rng.choice((0, 0xFF, 0x7F, 0x80, ord("\n"), ord("/"), ord(":"), rng.randrange(256)))
        elif op == 2:
            b[i:i] = rng.choice(SPECIAL)
        elif op == 3:
            del b[i:i + rng.randint(1, 64)]
        elif op == 4:
            j = min(len(b), i + rng.randint(1, 256))
            b[i:i] = b[i:j]
        elif op == 5:
            del b[rng.randrange(len(b)):]
        else:
            j = rng.randrange(len(b))
            b[i:i + rng.randint(0, 8)] = b[j:j + rng.randint(1, 8)]
    return bytes(b)


def outcome(path: Path) -> str:
    """'ok', 'error' (an importer's own error), 'boundary <type> at <file:line>' (a clear error, but from an
    exception no importer foresaw, caught by the error boundary), or 'TRACEBACK <type> at <file:line>' for
    anything that escaped (a failure)."""
    from chatprobe import parse_file
    try:
        for stream in parse_file(path):
            for _ in stream.messages():
                pass
            stream.warnings.all()
        return "ok"
    except ChatprobeError as exc:
        if exc.unforeseen and exc.__cause__ is not None:  # a clear error, but only thanks to the boundary
            tb = traceback.extract_tb(exc.__cause__.__traceback__)[-1]
            return f"boundary {type(exc.__cause__).__name__} at {Path(tb.filename).name}:{tb.lineno}"
        return "error"
    except Exception as exc:  # noqa: BLE001 - what the fuzzer looks for
        tb = traceback.extract_tb(exc.__traceback__)[-1]
        return f"TRACEBACK {type(exc).__name__} at {Path(tb.filename).name}:{tb.lineno}"
