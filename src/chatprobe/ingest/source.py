"""Reading evidence files safely: plain files, zip archives (with bomb and traversal checks), encodings.

A :class:`Source` is something that can be opened for reading more than once (importers make two passes
over WhatsApp text: one to learn the layout and day/month order, one to parse) and that knows its own
SHA-256. Zip members are read straight from the archive, never extracted to disk.
"""

from __future__ import annotations

import codecs
import hashlib
import io
import posixpath
import threading
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from chatprobe.errors import InputError, UnsafeArchive, UnsupportedFormat

CHUNK = 1 << 20

# Zip-bomb limits: generous for real exports (a few GB of video), fatal for crafted archives.
MAX_MEMBER_RATIO = 200  # uncompressed / compressed for members above MIN_RATIO_CHECK bytes
MIN_RATIO_CHECK = 1 << 20
MAX_TOTAL_UNCOMPRESSED = 64 << 30
MAX_MEMBERS = 200_000
# what a damaged archive raises, from opening it to inflating a member: each becomes UnsafeArchive
_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError, ValueError,
               NotImplementedError, RuntimeError)


def sha256_stream(stream: BinaryIO) -> tuple[str, int]:
    h = hashlib.sha256()
    size = 0
    while chunk := stream.read(CHUNK):
        h.update(chunk)
        size += len(chunk)
    return h.hexdigest(), size


def sha256_file(path: Path) -> tuple[str, int]:
    with open(path, "rb") as f:
        return sha256_stream(f)


@dataclass(frozen=True)
class MemberInfo:
    name: str  # path inside the archive
    size: int
    sha256: str


@dataclass
class Source:
    """A readable text or JSON document: a file on disk or one member of a zip archive."""

    display: str  # what warnings and reports call it: "chat.zip!/_chat.txt" or "export.txt"
    path: Path  # the file on disk (the archive for members)
    sha256: str  # of this document's own bytes
    size: int
    evidence_sha256: str  # of the evidence file it came from (the archive for members)
    member: str | None = None
    siblings: dict[str, MemberInfo] = field(default_factory=dict)  # other archive members by base name

    def open_range(self, start: int, end: int | None) -> BinaryIO:
        """Read bytes [start, end) only (end None: to the end). Archive members are inflated up to start."""
        f = self.open()
        try:
            if start:
                if self.member is None:
                    f.seek(start)
                else:
                    left = start
                    while left > 0:
                        got = f.read(min(CHUNK, left))
                        if not got:
                            break
                        left -= len(got)
        except BaseException:
            f.close()
            raise
        return f if end is None else _Limited(f, end - start)

    def open(self) -> BinaryIO:
        if self.member is None:
            return open(self.path, "rb")
        try:
            zf = zipfile.ZipFile(self.path)
        except _ZIP_ERRORS as exc:
            raise UnsafeArchive(f"{self.path}: not a readable zip archive ({exc})",
                                "ask for a fresh copy of the export; nothing from this file was stored") from exc
        return _open_member(zf, self.member, self.display, self.size, own=True)


class _ClosingReader(io.RawIOBase):
    """Reads a zip member, refusing to produce more bytes than the archive declared (bomb guard)."""

    def __init__(self, raw: BinaryIO, zf: zipfile.ZipFile | None, limit: int, display: str) -> None:
        self._raw, self._zf, self._limit, self._seen, self._display = raw, zf, limit, 0, display

    def readable(self) -> bool:
        return True

    def readinto(self, b: memoryview) -> int:  # type: ignore[override]
        try:
            data = self._raw.read(len(b))
        except _ZIP_ERRORS as exc:
            raise UnsafeArchive(
                f"{self._display}: archive member is corrupt or truncated ({exc})",
                "ask for a fresh copy of the export; nothing from this file was stored",
            ) from exc
        self._seen += len(data)
        if self._seen > self._limit:
            raise UnsafeArchive(f"{self._display}: member inflates beyond its declared size (zip bomb?)")
        b[: len(data)] = data
        return len(data)

    def close(self) -> None:
        try:
            self._raw.close()
            if self._zf is not None:
                self._zf.close()
        finally:
            super().close()


class _Limited(io.RawIOBase):
    def __init__(self, inner: BinaryIO, length: int) -> None:
        self._inner, self._left = inner, length

    def readable(self) -> bool:
        return True

    def readinto(self, b: memoryview) -> int:  # type: ignore[override]
        if self._left <= 0:
            return 0
        data = self._inner.read(min(len(b), self._left))
        self._left -= len(data)
        b[: len(data)] = data
        return len(data)

    def close(self) -> None:
        try:
            self._inner.close()
        finally:
            super().close()


def _is_unsafe_name(name: str) -> bool:
    if name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":"):
        return True
    parts = posixpath.normpath(name.replace("\\", "/")).split("/")
    return ".." in parts or "\x00" in name


@dataclass(frozen=True)
class Archive:
    path: Path
    sha256: str
    members: tuple[MemberInfo, ...]
    chat_members: tuple[str, ...]  # candidates for the chat document, best first


def _chat_rank(name: str) -> int | None:
    base = posixpath.basename(name)
    low = base.lower()
    if name.startswith("__MACOSX/") or base.startswith("._"):
        return None
    if low == "_chat.txt":
        return 0
    if low.startswith("whatsapp chat") and low.endswith(".txt"):
        return 1
    if low == "result.json":
        return 2
    if low.endswith(".txt") and "/" not in name:
        return 3
    if low.endswith(".json") and "/" not in name:
        return 4
    return None


def open_archive(path: Path, evidence_sha256: str, name: str | None = None) -> Archive:
    """Validate a zip archive and hash every member. Raises UnsafeArchive on anything suspicious, naming the
    archive ``name`` (the original file's, when ``path`` is the evidence store's copy)."""
    label = name or str(path)
    try:
        zf = zipfile.ZipFile(path)
    except _ZIP_ERRORS as exc:
        raise UnsafeArchive(
            f"{label}: not a readable zip archive ({exc}); it may be truncated",
            "check the file was copied completely (compare its size with the original)",
        ) from exc
    with zf:
        infos = zf.infolist()
        if len(infos) > MAX_MEMBERS:
            raise UnsafeArchive(f"{label}: {len(infos)} members is more than any chat export has")
        total = 0
        for info in infos:
            if not info.filename:
                raise UnsafeArchive(f"{label}: a member has no name; the archive is damaged",
                                    "ask for a fresh copy of the export; nothing from this file was stored")
            if _is_unsafe_name(info.filename):
                raise UnsafeArchive(
                    f"{label}: member name {info.filename!r} points outside the archive (path traversal)",
                    "the archive was crafted or corrupted; examine it by hand before going further",
                )
            if info.flag_bits & 0x1:
                raise UnsafeArchive(f"{label}: member {info.filename!r} is encrypted", "decrypt it first")
            total += info.file_size
            if info.file_size > MIN_RATIO_CHECK and info.file_size > MAX_MEMBER_RATIO * max(
                info.compress_size, 1
            ):
                raise UnsafeArchive(
                    f"{label}: member {info.filename!r} would inflate {info.file_size // max(info.compress_size, 1)}x"
                    " (zip bomb?)"
                )
        if total > MAX_TOTAL_UNCOMPRESSED:
            raise UnsafeArchive(f"{label}: archive would inflate to {total >> 30} GiB (zip bomb?)")
        members: list[MemberInfo] = []
        for info in infos:
            if info.is_dir():
                continue
            display = f"{Path(label).name}!/{info.filename}"
            h = hashlib.sha256()
            size = 0
            with _open_member(zf, info, display) as reader:
                while chunk := reader.read(CHUNK):
                    h.update(chunk)
                    size += len(chunk)
            members.append(MemberInfo(info.filename, size, h.hexdigest()))
    ranked = sorted(
        (r, m.name) for m in members if (r := _chat_rank(m.name)) is not None
    )
    return Archive(path, evidence_sha256, tuple(members), tuple(n for _, n in ranked))


def _open_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo | str, display: str,
                 limit: int | None = None, own: bool = False) -> _ClosingReader:
    """A bomb-guarded reader of one member; a member whose header is damaged fails as UnsafeArchive."""
    try:
        raw = zf.open(info)
    except _ZIP_ERRORS as exc:
        if own:
            zf.close()
        raise UnsafeArchive(
            f"{display}: archive member is corrupt or truncated ({type(exc).__name__}: {exc})",
            "ask for a fresh copy of the export; nothing from this file was stored",
        ) from exc
    size = limit if limit is not None else info.file_size if isinstance(info, zipfile.ZipInfo) else 0
    return _ClosingReader(raw, zf if own else None, size, display)


def sources_for(path: Path, evidence_sha256: str, size: int,
                name: str | None = None) -> tuple[list[Source], Archive | None]:
    """The documents to import from one evidence file: itself, or the chat document(s) in a zip. ``name``:
    what warnings and errors call the file (the original's name when ``path`` is the evidence store's copy)."""
    label = name or path.name
    with open(path, "rb") as f:
        magic = f.read(4)
    if magic[:4] in (b"PK\x03\x04", b"PK\x05\x06"):
        archive = open_archive(path, evidence_sha256, name)
        if not archive.chat_members:
            raise UnsupportedFormat(
                f"{name or path}: zip archive has no chat text (_chat.txt, 'WhatsApp Chat with ….txt' or result.json)",
                "export the chat again with WhatsApp's 'Export chat' and import the zip it produces",
            )
        by_base = {posixpath.basename(m.name): m for m in archive.members}
        first = archive.chat_members[0]
        info = next(m for m in archive.members if m.name == first)
        src = Source(
            display=f"{label}!/{first}",
            path=path,
            sha256=info.sha256,
            size=info.size,
            evidence_sha256=evidence_sha256,
            member=first,
            siblings=by_base,
        )
        return [src], archive
    return [Source(label, path, evidence_sha256, size, evidence_sha256)], None


# --- text decoding ---------------------------------------------------------------------------------------

def detect_encoding(head: bytes) -> str:
    """utf-8, utf-8-sig, utf-16 (BOM) or utf-16-le/-be without BOM. Never the platform default."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if len(head) >= 4:
        even_nuls = head[0::2].count(0)
        odd_nuls = head[1::2].count(0)
        if odd_nuls > len(head) // 4 and even_nuls == 0:
            return "utf-16-le"
        if even_nuls > len(head) // 4 and odd_nuls == 0:
            return "utf-16-be"
    return "utf-8"


def looks_binary(head: bytes, encoding: str) -> bool:
    """Binary when more than 1% of the head is NUL bytes or 5% control characters. A stray NUL or two in
    a text export (a damaged sector, a copy-and-paste) is a warning on its line, not a rejected file."""
    if encoding.startswith("utf-16") or not head:
        return False
    if head.count(0) > max(2, len(head) // 100):
        return True
    control = sum(1 for b in head if b < 9 or 13 < b < 32)
    return control / len(head) > 0.05


def iter_lines(stream: BinaryIO, encoding: str) -> Iterator[tuple[int, str, bool]]:
    """Yield (line number, text without line ending, decoded cleanly?) in constant memory."""
    if encoding.startswith("utf-16"):
        text = io.TextIOWrapper(stream, encoding=encoding, errors="replace", newline="")
        for n, line in enumerate(text, 1):
            line = line.rstrip("\r\n")
            yield n, line, "\ufffd" not in line
        return
    reader = io.BufferedReader(stream, CHUNK) if not isinstance(stream, io.BufferedReader) else stream
    first = True
    for n, raw in enumerate(reader, 1):
        if raw.endswith(b"\n"):
            raw = raw[:-1]
        if raw.endswith(b"\r"):
            raw = raw[:-1]
        if first:
            first = False
            if raw.startswith(codecs.BOM_UTF8):
                raw = raw[3:]
        try:
            yield n, raw.decode("utf-8"), True
        except UnicodeDecodeError:
            yield n, raw.decode("utf-8", errors="replace"), False


_decode_errors = threading.local()


def _record_bad_bytes(exc: UnicodeError) -> tuple[str, int]:
    if isinstance(exc, UnicodeDecodeError):
        _decode_errors.offsets.append(exc.start)
        return "\ufffd", exc.end
    raise exc


codecs.register_error("chatprobe-record", _record_bad_bytes)


@dataclass(frozen=True)
class Chunk:
    """Decoded text that ends on a line break (except at end of file), with its first line number."""

    text: str
    first_line: int
    bad_lines: tuple[int, ...]  # lines holding bytes that were not valid text (replaced by U+FFFD)
    nul_lines: tuple[int, ...] = ()  # lines that held NUL bytes (replaced by U+FFFD)


def iter_chunks(stream: BinaryIO, encoding: str, size: int = CHUNK) -> Iterator[Chunk]:
    """Decode a stream in large pieces, each ending at a newline, in constant memory.

    Invalid UTF-8 is replaced with U+FFFD and the line it was on is reported, so one corrupt line in a
    million costs one warning, not the file.
    """
    utf8 = encoding in ("utf-8", "utf-8-sig")
    dec = codecs.getincrementaldecoder("utf-8" if utf8 else encoding)(
        errors="chatprobe-record" if utf8 else "replace")
    carry = ""
    line = 1  # number of the first line in `carry`
    raw_line = 1  # line number at the start of the next raw read (UTF-8 byte counting)
    first = True
    while True:
        raw = stream.read(size)
        final = not raw
        _decode_errors.offsets = []
        buffered = len(dec.getstate()[0]) if utf8 else 0
        text = dec.decode(raw, final)
        bad = tuple(sorted({raw_line + raw.count(b"\n", 0, max(0, off - buffered)) for off in _decode_errors.offsets}))
        raw_line += raw.count(b"\n")
        if first:
            text = text.lstrip("\ufeff") if text.startswith("\ufeff") else text
            first = False
        text = carry + text
        if final:
            if text or bad:
                text, nul = _replace_nul(text, line)
                yield Chunk(text, line, bad, nul)
            return
        cut = text.rfind("\n")
        if cut < 0:
            carry = text
            if bad:
                yield Chunk("", line, bad)
            continue
        out, carry = text[: cut + 1], text[cut + 1:]
        out, nul = _replace_nul(out, line)
        yield Chunk(out, line, bad, nul)
        line += out.count("\n")


def _replace_nul(text: str, first_line: int) -> tuple[str, tuple[int, ...]]:
    """NUL is never text (and PostgreSQL cannot store it): each becomes U+FFFD and its line is reported."""
    if "\x00" not in text:
        return text, ()
    lines = []
    at = text.find("\x00")
    while at >= 0:
        n = first_line + text.count("\n", 0, at)
        if not lines or lines[-1] != n:
            lines.append(n)
        at = text.find("\x00", at + 1)
    return text.replace("\x00", "\ufffd"), tuple(lines)


def require_file(path: Path) -> None:
    """One clear error for a path that is not a readable export file."""
    if path.is_dir():
        raise InputError(f"{path} is a folder", "give the export file inside it: the .zip, _chat.txt or result.json")
    if not path.is_file():
        raise InputError(f"{path}: no such file", "check the path")
