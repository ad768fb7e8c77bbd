"""The content-addressed evidence store: originals are copied in once, read-only, named by SHA-256.

    <case>/evidence/objects/ab/abcdef…   a byte-for-byte copy of the original, mode 0444
    <case>/evidence/tmp/                 staging for copies in progress (never referenced)

Originals are only ever opened for reading. :meth:`EvidenceStore.verify` re-hashes every stored file.
"""

from __future__ import annotations

import hashlib
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

from chatprobe.errors import EvidenceError

CHUNK = 1 << 20  # bytes read at a time while copying and hashing


@dataclass(frozen=True)
class StoredEvidence:
    sha256: str
    size: int
    path: Path
    newly_added: bool


@dataclass(frozen=True)
class VerifyProblem:
    sha256: str
    kind: str  # missing | altered | writable | unregistered
    detail: str


class EvidenceStore:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.objects = root / "objects"
        self.tmp = root / "tmp"

    def path_for(self, sha256: str) -> Path:
        return self.objects / sha256[:2] / sha256

    def put(self, original: Path, tag: str = "") -> StoredEvidence:
        """Copy ``original`` into the store while hashing it. The original is opened read-only. ``tag`` marks
        the staging copy, so one left by a killed process can be found (:meth:`discard_staging`)."""
        try:
            self.objects.mkdir(parents=True, exist_ok=True)
            self.tmp.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise EvidenceError(f"cannot create the evidence store at {self.root}: {exc}",
                                "choose a writable case folder with --home") from exc
        h = hashlib.sha256()
        size = 0
        fd, tmp_name = tempfile.mkstemp(dir=self.tmp, prefix=f"incoming-{tag}-" if tag else "incoming-")
        tmp = Path(tmp_name)
        try:
            with open(original, "rb") as src, os.fdopen(fd, "wb") as dst:
                while chunk := src.read(CHUNK):
                    h.update(chunk)
                    dst.write(chunk)
                    size += len(chunk)
                dst.flush()
                os.fsync(dst.fileno())
            sha = h.hexdigest()
            target = self.path_for(sha)
            if target.exists():
                tmp.unlink()
                return StoredEvidence(sha, size, target, newly_added=False)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.chmod(tmp, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
            os.replace(tmp, target)
            return StoredEvidence(sha, size, target, newly_added=True)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise EvidenceError(f"cannot copy {original} into the evidence store: {exc}",
                                "check free disk space and permissions of the case folder") from exc

    def discard(self, stored: StoredEvidence) -> None:
        """Undo a put() whose import failed, so the store matches the database again."""
        if stored.newly_added and stored.path.exists():
            os.chmod(stored.path, stat.S_IRUSR | stat.S_IWUSR)
            stored.path.unlink()

    def set_aside(self, sha256: str) -> Path:
        """Move a stored copy no case record names to ``recovered/`` (read-only), to import again from there."""
        keep = self.root / "recovered" / sha256
        keep.parent.mkdir(parents=True, exist_ok=True)
        os.replace(self.path_for(sha256), keep)
        return keep

    def discard_staging(self, tag: str) -> int:
        """Remove partial copies left in staging by a killed import tagged ``tag``; returns how many."""
        n = 0
        if self.tmp.is_dir():
            for f in self.tmp.glob(f"incoming-{tag}-*"):
                f.unlink(missing_ok=True)
                n += 1
        return n

    def verify(self, expected: dict[str, int]) -> tuple[int, list[VerifyProblem]]:
        """Re-hash every registered file. Returns (files checked, problems)."""
        problems: list[VerifyProblem] = []
        checked = 0
        for sha, size in sorted(expected.items()):
            path = self.path_for(sha)
            checked += 1
            if not path.exists():
                problems.append(VerifyProblem(sha, "missing", f"{path} is gone"))
                continue
            h = hashlib.sha256()
            n = 0
            with open(path, "rb") as f:
                while chunk := f.read(CHUNK):
                    h.update(chunk)
                    n += len(chunk)
            if h.hexdigest() != sha or n != size:
                problems.append(VerifyProblem(
                    sha, "altered", f"{path} now hashes to {h.hexdigest()} ({n} bytes, was {size})"))
            elif path.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
                problems.append(VerifyProblem(sha, "writable", f"{path} is no longer read-only"))
        if self.objects.exists():
            for sub in sorted(self.objects.iterdir()):
                for f in sorted(sub.iterdir()) if sub.is_dir() else []:
                    if f.name not in expected:
                        problems.append(VerifyProblem(f.name, "unregistered",
                                                      f"{f} is in the store but not in the case database"))
        return checked, problems
