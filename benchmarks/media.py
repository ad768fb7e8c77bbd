"""Media speed on this machine: images/s through the nudity model, video clips/s, and OCR pages/s.

    python benchmarks/media.py                 # 200 images, 10 clips, 20 OCR pages
    python benchmarks/media.py --images 50 --pages 5

Inputs are generated (no real media): 640×640 JPEGs (skin-toned scenes, landscapes, text memes), 8-second
400×400 MP4 clips, and A4-like pages of typed text at 150 dpi. Timings include decoding, preprocessing,
the model and (for OCR) the Tesseract process, as `chatprobe scan` runs them, one attachment at a time.
"""

from __future__ import annotations

import argparse
import io
import random
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.detect.media_images import encode, landscape, meme, skin_scene, video  # noqa: E402

WORDS = ("the van is outside custody again and nobody has the keys shift briefing at seven please check "
         "the rota thanks see you later who has the radio statement interview").split()


def page(rnd: random.Random) -> bytes:
    from PIL import Image, ImageDraw, ImageFont

    im = Image.new("RGB", (1240, 1754), "white")
    d = ImageDraw.Draw(im)
    font = ImageFont.load_default(size=28)
    for line in range(40):
        d.text((80, 80 + line * 40), " ".join(rnd.choices(WORDS, k=9)), fill="black", font=font)
    buf = io.BytesIO()
    im.save(buf, format="PNG")
    return buf.getvalue()


SENTENCES = ["the van is outside custody again and nobody has the keys",
             "women should not be on response they are useless the lot of them",
             "if that shoplifter kicks off again i will give him a proper kicking in the cells",
             "briefing has moved to seven fifteen tomorrow morning",
             "that is out of order not funny i am reporting this to the sergeant",
             "can someone grab milk for the station on the way in",
             "muslims are vermin send them all back",
             "the suspect was last seen heading north on mill lane in a grey hoodie"]


def word_errors(ref: str, hyp: str) -> tuple[int, int]:
    import re
    r, h = re.findall(r"[a-z']+", ref.lower()), re.findall(r"[a-z']+", hyp.lower())
    d = list(range(len(h) + 1))
    for i in range(1, len(r) + 1):
        prev, d[0] = d[0], i
        for j in range(1, len(h) + 1):
            cur = d[j]
            d[j] = min(d[j] + 1, d[j - 1] + 1, prev + (r[i - 1] != h[j - 1]))
            prev = cur
    return d[len(h)], len(r)


def speech() -> None:
    """Word error rate and speed of voice-note transcription on sentences spoken by espeak-ng (two accents)."""
    from chatprobe.detect import media
    from tests.detect.media_images import opus, spoken

    if spoken("test") is None:
        print("voice notes: espeak-ng is not installed (Debian: apt-get install espeak-ng); not measured")
        return
    errors = words = 0
    audio_s = spent = 0.0
    for s in SENTENCES:
        pcm = spoken(s)
        data = opus(pcm)
        t = time.perf_counter()
        r = media.analyse("v.opus", "audio", data)
        spent += time.perf_counter() - t
        audio_s += len(pcm) / 16000
        e, n = word_errors(s, r.text or "")
        errors, words = errors + e, words + n
    print(f"voice notes: word error rate {errors / words:.1%} over {words} words of synthetic speech; "
          f"{audio_s:.0f} s of audio in {spent:.1f} s = {audio_s / spent:.1f}x real time")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--images", type=int, default=200)
    ap.add_argument("--clips", type=int, default=10)
    ap.add_argument("--pages", type=int, default=20)
    args = ap.parse_args()
    from chatprobe.detect import media

    rnd = random.Random(5)
    makers = [lambda: skin_scene(rnd.randint(0, 30)), landscape, lambda: meme(" ".join(rnd.choices(WORDS, k=4)))]
    images = [encode(makers[i % 3]().resize((640, 640))) for i in range(args.images)]
    media.nudity_model()  # load once, as a scan does
    t = time.perf_counter()
    for k, data in enumerate(images):
        media.analyse(f"{k}.jpg", "image", data, want_ocr=False)
    s = time.perf_counter() - t
    print(f"nudity model: {args.images} images in {s:.1f} s = {args.images / s:.1f} images/s "
          f"(decode, preprocess, model, thumbnail)")

    clips = [video([skin_scene(i) if i % 2 else landscape() for i in range(16)]) for _ in range(args.clips)]
    t = time.perf_counter()
    for k, data in enumerate(clips):
        media.analyse(f"{k}.mp4", "video", data)
    s = time.perf_counter() - t
    print(f"video: {args.clips} clips of 8 s in {s:.1f} s = {args.clips / s:.1f} clips/s "
          f"({media.MAX_FRAMES} frames each)")

    speech()
    if shutil.which("tesseract") is None:
        print("OCR: Tesseract is not installed (Debian: apt-get install tesseract-ocr); not measured")
        return
    pages = [page(rnd) for _ in range(args.pages)]
    from PIL import Image
    t = time.perf_counter()
    words = 0
    for data in pages:
        words += len(media.ocr(Image.open(io.BytesIO(data)).convert("RGB")).split())
    s = time.perf_counter() - t
    print(f"OCR: {args.pages} pages (40 lines each) in {s:.1f} s = {args.pages / s:.2f} pages/s, "
          f"{words / args.pages:.0f} words read per page of 360")
    memes = [encode(meme(" ".join(rnd.choices(WORDS, k=4))), "PNG") for _ in range(args.pages)]
    t = time.perf_counter()
    for data in memes:
        media.ocr(Image.open(io.BytesIO(data)).convert("RGB"))
    s = time.perf_counter() - t
    print(f"OCR: {args.pages} one-line memes in {s:.1f} s = {args.pages / s:.1f} images/s")


if __name__ == "__main__":
    main()
