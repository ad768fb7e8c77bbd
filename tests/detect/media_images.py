"""Images and videos generated for the media tests (nothing is downloaded or copied in)."""

from __future__ import annotations

import io

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont


def skin_scene(trial: int = 7) -> Image.Image:
    """Blurred skin-toned curves and shapes, the kind of picture the nudity model scores high (0.8 for
    trial 7 of seed 0). No real person or body is depicted."""
    rng = np.random.default_rng(0)
    for k in range(trial + 1):
        base = np.array([rng.integers(190, 240), rng.integers(130, 180), rng.integers(100, 150)])
        yy, xx = np.mgrid[0:400, 0:400]
        shade = 0.75 + 0.25 * np.sin(xx / rng.integers(30, 120)) * np.cos(yy / rng.integers(30, 120))
        arr = (base[None, None, :] * shade[..., None]).clip(0, 255).astype(np.uint8)
        im = Image.fromarray(arr)
        d = ImageDraw.Draw(im)
        for _ in range(rng.integers(1, 4)):
            x, y, r = rng.integers(50, 350), rng.integers(50, 350), rng.integers(40, 140)
            col = tuple(int(c * rng.uniform(0.6, 0.95)) for c in base)
            d.ellipse((x - r, y - r, x + r, y + r), fill=col)
            d.ellipse((x - 8, y - 8, x + 8, y + 8), fill=(150, 80, 70))
        if k == trial:
            return im.filter(ImageFilter.GaussianBlur(6))
    raise AssertionError


def landscape() -> Image.Image:
    im = Image.new("RGB", (400, 300), (90, 150, 220))
    d = ImageDraw.Draw(im)
    d.rectangle((0, 200, 400, 300), fill=(40, 140, 60))
    d.ellipse((300, 30, 360, 90), fill=(250, 220, 80))
    return im


def meme(text: str) -> Image.Image:
    im = Image.new("RGB", (1000, 220), "white")
    ImageDraw.Draw(im).text((30, 70), text, fill="black", font=ImageFont.load_default(size=64))
    return im


def encode(im: Image.Image, fmt: str = "JPEG") -> bytes:
    buf = io.BytesIO()
    im.save(buf, format=fmt)
    return buf.getvalue()


def video(frames: list[Image.Image], fps: int = 2) -> bytes:
    import av

    buf = io.BytesIO()
    with av.open(buf, mode="w", format="mp4") as out:
        stream = out.add_stream("mpeg4", rate=fps)
        stream.width, stream.height, stream.pix_fmt = 400, 400, "yuv420p"
        for im in frames:
            frame = av.VideoFrame.from_image(im.resize((400, 400)))
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    return buf.getvalue()


def opus(pcm, rate: int = 16000) -> bytes:
    """Mono float samples as an Ogg/Opus voice note (WhatsApp's PTT format)."""
    import av
    import numpy as np

    buf = io.BytesIO()
    with av.open(buf, mode="w", format="ogg") as out:
        stream = out.add_stream("libopus", rate=48000)
        stream.layout = "mono"
        resampler = av.AudioResampler(format="s16", layout="mono", rate=48000)
        frame = av.AudioFrame.from_ndarray((np.asarray(pcm, dtype=np.float32)[None, :] * 32000).astype(np.int16),
                                           format="s16", layout="mono")
        frame.sample_rate = rate
        for f in resampler.resample(frame) + resampler.resample(None):
            for packet in stream.encode(f):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    return buf.getvalue()


def tone(seconds: float = 2.0):
    import numpy as np
    t = np.arange(int(16000 * seconds)) / 16000
    return 0.3 * np.sin(2 * np.pi * 440 * t)


def spoken(text: str):
    """``text`` spoken by Debian's espeak-ng, as float samples at 16 kHz (None when espeak-ng is missing)."""
    import shutil
    import subprocess
    import tempfile

    import av
    import numpy as np

    if shutil.which("espeak-ng") is None:
        return None
    with tempfile.TemporaryDirectory() as d:
        wav = f"{d}/s.wav"
        subprocess.run(["espeak-ng", "-v", "en-us", "-s", "140", "-w", wav, text], check=True, capture_output=True)
        with av.open(wav) as c:
            r = av.AudioResampler(format="flt", layout="mono", rate=16000)
            parts = [g.to_ndarray().reshape(-1) for f in c.decode(audio=0) for g in r.resample(f)]
    return np.concatenate(parts)
