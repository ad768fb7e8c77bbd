"""The check every detector must pass (in the spirit of scikit-learn's ``check_estimator``).

    from chatprobe.detect.conformance import check_detector
    check_detector(my_detector)          # raises ConformanceError naming the first broken rule

Text detectors get text probes, media detectors (``accepts = "media"``) attachment probes. Rules: detections
come back one tuple per item, in order, naming the item's id; labels are ones the detector
declares; scores are finite and in [0, 1]; every detection is explained by its detector with a version;
spans lie inside the text; results are deterministic, the same in a batch as one by one (and in any batch
order), and the detector survives empty, whitespace-only, emoji-only, control-character and 10,000-character
input.
"""

from __future__ import annotations

import math
import pickle
from typing import Any

from chatprobe.detect.base import Detection, Detector, MediaItem, TextItem
from chatprobe.errors import ConformanceError

PROBES = [
    "", " ", "\n\t", "😂😂😂", "🏳️‍🌈🔪👨🏿", "ok", "you absolute muppet", "IC3 male, 20s, black hoodie",
    "victim states he called him a p*ki", "I don't hate anyone", "\x00\x07 control \u202e characters",
    "x" * 10_000, ("word " * 2_000).strip(), "ｆｕｌｌ ｗｉｄｔｈ", "n i g g e r", "🐒" * 500,
]


def _key(d: Detection) -> tuple:  # type: ignore[type-arg]
    e = d.explanation
    return (d.label, round(d.score, 6), d.status, d.severity, d.target, e.rule, e.span, e.term, e.note)


def media_probes() -> list[MediaItem]:
    """Attachments every media detector must survive: pictures, an animation, a clip that is not one, a file
    left out of the export, junk bytes, and types it does not look at."""
    import io

    from PIL import Image

    def encode(im: Image.Image, fmt: str, **kw: object) -> bytes:
        buf = io.BytesIO()
        im.save(buf, format=fmt, **kw)
        return buf.getvalue()

    grey, warm = Image.new("RGB", (64, 48), (128, 128, 128)), Image.new("RGB", (48, 64), (224, 172, 140))
    return [MediaItem("m0", "IMG-1.jpg", "image", encode(grey, "JPEG")),
            MediaItem("m1", "IMG-2.png", "image", encode(warm, "PNG")),
            MediaItem("m2", "STK-1.webp", "sticker", encode(warm, "WEBP")),
            MediaItem("m3", "anim.gif", "gif", encode(grey, "GIF", save_all=True, append_images=[warm], duration=100)),
            MediaItem("m4", "IMG-3.jpg", "image", None),
            MediaItem("m5", "IMG-4.jpg", "image", b"not an image at all"),
            MediaItem("m6", "VID-1.mp4", "video", b"\x00" * 64),
            MediaItem("m7", "PTT-1.opus", "audio", b"OggS"),
            MediaItem("m8", "doc.pdf", "document", b"%PDF-1.4")]


def check_detector(det: Detector, probes: list[str] | None = None) -> None:
    if det.accepts == "media":
        items: list[Any] = media_probes()
    else:
        items = [TextItem(f"m{i}", t) for i, t in enumerate(probes or PROBES)]
    if not det.name or not det.version:
        raise ConformanceError(f"{type(det).__name__}: name and version must be set")
    batch = det.detect(items)
    if len(batch) != len(items):
        raise ConformanceError(f"{det.name}: {len(batch)} results for {len(items)} items")
    for it, dets in zip(items, batch, strict=True):
        for d in dets:
            where = f"{det.name} on {_show(it)}"
            if d.item_id != it.id:
                raise ConformanceError(f"{where}: detection names item {d.item_id!r}, not {it.id!r}")
            if d.label not in det.labels:
                raise ConformanceError(f"{where}: label {d.label!r} not among the declared labels")
            if not (isinstance(d.score, float) and math.isfinite(d.score) and 0.0 <= d.score <= 1.0):
                raise ConformanceError(f"{where}: score {d.score!r} outside [0, 1]")
            if d.explanation.detector != det.name or not d.explanation.version or not d.explanation.note:
                raise ConformanceError(f"{where}: explanation must name the detector, its version and a note")
            if d.severity is not None and d.severity not in (1, 2, 3):
                raise ConformanceError(f"{where}: severity {d.severity} not in 1..3")
            span = d.explanation.span
            if span is not None and not (isinstance(it, TextItem) and 0 <= span[0] < span[1] <= len(it.text)):
                raise ConformanceError(f"{where}: span {span} outside the text")
    again = det.detect(items)
    if [[_key(d) for d in ds] for ds in again] != [[_key(d) for d in ds] for ds in batch]:
        raise ConformanceError(f"{det.name}: two runs over the same batch differ")
    for it, dets in zip(items, batch, strict=True):
        one = det.detect([it])[0]
        if [_key(d) for d in one] != [_key(d) for d in dets]:
            raise ConformanceError(f"{det.name}: {_show(it)} alone differs from the same item in a batch")
    rev = det.detect(list(reversed(items)))[::-1]
    if [[_key(d) for d in ds] for ds in rev] != [[_key(d) for d in ds] for ds in batch]:
        raise ConformanceError(f"{det.name}: results depend on batch order")
    if det.detect([]) != []:
        raise ConformanceError(f"{det.name}: an empty batch must give an empty list")
    pickle.dumps(batch)


def _show(item: TextItem | MediaItem) -> str:
    return repr(item.text[:30]) if isinstance(item, TextItem) else f"{item.type} {item.name!r}"
