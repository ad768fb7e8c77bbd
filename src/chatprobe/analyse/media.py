"""Media of a stored case: read each attachment from its evidence archive (read-only, size-checked), run
the media detectors (``detect/media.py``) and fold the results into the messages' classifications.

A message with an image gets ``pornographic_media`` when the nudity model scores it at or above the
threshold, and the categories its *image text* earns through the text pipeline (explained as "in the image
text"). Every attachment gets a line in the result's ``media`` list, analysed or not and why; flagged
messages keep a small JPEG thumbnail for the report (blurred there until clicked).
"""

from __future__ import annotations

import base64
import json
import posixpath
import subprocess
import zipfile
from collections.abc import Callable
from typing import Any

from chatprobe.case import Case
from chatprobe.detect import media as m
from chatprobe.detect.base import TextItem
from chatprobe.detect.pipeline import Pipeline
from chatprobe.detect.taxonomy import taxonomy
from chatprobe.store import chats as chats_repo

ProgressFn = Callable[[int, int], None]
MEDIA_KINDS = ("image", "sticker", "gif", "video", "audio", "document")


def _tesseract_version() -> str | None:
    exe = m.tesseract()
    if exe is None:
        return None
    out = subprocess.run([exe, "--version"], capture_output=True, text=True, check=False)
    first = (out.stdout or out.stderr).splitlines()
    return first[0] if first else "tesseract"


def analyse_case_media(case: Case, pipe: Pipeline, results: list[tuple[Any, ...]],
                       progress: ProgressFn | None = None) -> tuple[list[tuple[Any, ...]], dict[str, Any]]:
    with case.store.engine.connect() as conn:
        rows = chats_repo.attachments(conn)
    by_id = {r[0]: i for i, r in enumerate(results)}
    info: dict[str, Any] = {"threshold": m.NSFW_THRESHOLD, "ocr": _tesseract_version(), "attachments": len(rows)}
    if not rows:
        return results, info
    info["model"] = m.nudity_model().version
    speech = m.transcriber() if any(r.type == "audio" and r.present for r in rows) else None
    info["speech"] = speech.version if speech else None
    archives: dict[str, zipfile.ZipFile | None] = {}
    out = list(results)
    try:
        for n, r in enumerate(rows, 1):
            data = _read(case, archives, r.stored_path, r.name, r.sha256) if r.present else None
            res = m.analyse(r.name, r.type, data)
            k = by_id.get(r.message_id)
            if k is not None:
                out[k] = _merge(out[k], res, pipe)
            if progress:
                progress(n, len(rows))
    finally:
        for zf in archives.values():
            if zf is not None:
                zf.close()
    return out, info


def _read(case: Case, archives: dict[str, zipfile.ZipFile | None], stored: str, name: str,
          sha: str | None) -> bytes | None:
    if stored not in archives:
        path = case.root / stored
        try:
            archives[stored] = zipfile.ZipFile(path) if zipfile.is_zipfile(path) else None
        except (OSError, zipfile.BadZipFile):
            archives[stored] = None
    zf = archives[stored]
    if zf is None:
        return None
    info = next((i for i in zf.infolist() if posixpath.basename(i.filename) == name and not i.is_dir()), None)
    if info is None or info.file_size > m.MAX_BYTES:
        return None
    try:
        with zf.open(info) as f:
            data = f.read(m.MAX_BYTES + 1)
    except (OSError, zipfile.BadZipFile, RuntimeError):
        return None
    return data if len(data) <= m.MAX_BYTES else None


def _merge(row: tuple[Any, ...], res: m.MediaResult, pipe: Pipeline) -> tuple[Any, ...]:
    mid, labels_json, result_json = row
    labels = json.loads(labels_json)
    result = json.loads(result_json)
    media = result.setdefault("media", [])
    media.append(res.to_json())
    expl = result.setdefault("explanations", [])
    for d in res.detections(mid):
        prev = result["scores"].get(d.label, 0.0)
        result["scores"][d.label] = round(max(prev, d.score), 4)
        if d.active:
            if d.label not in labels:
                labels.insert(0, d.label)
            result.setdefault("severity", {})[d.label] = d.severity
            expl.append({"label": d.label, "score": round(d.score, 4), "source": d.explanation.detector,
                         "note": d.explanation.note, "rule": d.explanation.rule})
    if res.text:
        audio = res.type == "audio"
        key, where = ("transcript", "voice-note transcript") if audio else ("image_text", "image text")
        result[key] = ((result.get(key) or "") + " " + res.text).strip()
        found = pipe.classify([TextItem(mid, res.text)])[0].to_json()
        cats = set(taxonomy().text_codes)
        for label in found["labels"]:
            if label in cats and label not in labels:
                labels.append(label)
                result["scores"][label] = max(result["scores"].get(label, 0.0), found["scores"][label])
                if label in found["severity"]:
                    result.setdefault("severity", {})[label] = found["severity"][label]
                if label in found["targets"]:
                    result.setdefault("targets", {})[label] = found["targets"][label]
        for e in found["explanations"]:
            if e["label"] in labels and e["label"] in cats and not e.get("set_aside"):
                e = dict(e, note=f"in the {where} of {res.name}: {e['note']}",
                         source=("speech+" if audio else "ocr+") + e["source"])
                e.pop("span", None)
                expl.append(e)
    if res.thumbnail and any(label != "endorsement" and label != "counter_speech" for label in labels):
        result.setdefault("thumbnails", {})[res.name] = base64.b64encode(res.thumbnail).decode("ascii")
    return (mid, json.dumps(labels), json.dumps(result, ensure_ascii=False, sort_keys=True))


def media_reader(case: Case, message_ids: set[str]) -> Callable[[str], list[tuple[str, bytes | None]]]:
    """For exports: each of these messages' attachments as (name, bytes from the evidence, or None when the
    export omitted it or it cannot be read). Archives are opened once and closed when the reader is done
    with (it reads everything up front: exports are of chosen messages, not whole chats)."""
    out: dict[str, list[tuple[str, bytes | None]]] = {}
    with case.store.engine.connect() as conn:
        rows = chats_repo.attachments(conn, list(message_ids))
    archives: dict[str, zipfile.ZipFile | None] = {}
    try:
        for r in rows:
            data = _read(case, archives, r.stored_path, r.name, r.sha256) if r.present else None
            out.setdefault(r.message_id, []).append((r.name, data))
    finally:
        for zf in archives.values():
            if zf is not None:
                zf.close()
    return lambda mid: out.get(mid, [])
