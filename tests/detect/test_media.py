"""Media detectors on generated images: nudity scores, frames from animations and video, OCR."""

from __future__ import annotations

import shutil

import pytest

from chatprobe.detect import media as m

from .media_images import encode, landscape, meme, skin_scene, video

needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="Debian tesseract-ocr not installed")


def test_nudity_scores_separate_skin_scenes_from_landscapes():
    skin = m.analyse("a.jpg", "image", encode(skin_scene()), want_ocr=False)
    land = m.analyse("b.jpg", "image", encode(landscape()), want_ocr=False)
    assert skin.status == land.status == "analysed"
    assert skin.nsfw >= m.NSFW_THRESHOLD > 0.2 > land.nsfw
    assert skin.thumbnail[:2] == b"\xff\xd8"  # a JPEG thumbnail for the report


def test_animation_and_video_take_the_highest_frame():
    frames = [landscape(), landscape(), skin_scene(), landscape()]
    gif = encode(frames[0], "GIF")
    buf = __import__("io").BytesIO()
    frames[0].save(buf, format="GIF", save_all=True, append_images=frames[1:], duration=200)
    r = m.analyse("anim.gif", "gif", buf.getvalue())
    assert r.frames == 3 and r.nsfw >= m.NSFW_THRESHOLD  # Pillow merges the two identical first frames
    assert m.analyse("still.gif", "gif", gif).frames == 1
    v = m.analyse("clip.mp4", "video", video(frames * 2))
    assert v.status == "analysed" and v.frames >= 4 and v.nsfw >= m.NSFW_THRESHOLD
    calm = m.analyse("calm.mp4", "video", video([landscape()] * 6))
    assert calm.nsfw < 0.2


def test_bad_media_is_reported_not_raised():
    assert m.analyse("x.jpg", "image", b"not an image").reason.startswith("cannot decode")
    assert m.analyse("x.mp4", "video", b"\x00" * 100).status == "not analysed"
    assert m.analyse("PTT-1.opus", "audio", b"OggS").reason.startswith("cannot decode")
    assert "not in the export" in m.analyse("IMG-1.jpg", "image", None).reason


@needs_tesseract
def test_text_in_images_is_read():
    r = m.analyse("meme.png", "image", encode(meme("Muslims are vermin"), "PNG"))
    assert r.text == "Muslims are vermin"


def test_missing_tesseract_is_said(monkeypatch):
    monkeypatch.setattr(m, "tesseract", lambda: None)
    r = m.analyse("meme.png", "image", encode(meme("hello"), "PNG"))
    assert r.status == "analysed" and r.text is None
    assert r.notes == ["text in the image not read: Tesseract is not installed"]


def test_voice_notes_are_transcribed():
    from .media_images import opus, spoken, tone
    r = m.analyse("PTT-1.opus", "audio", opus(tone()))
    assert r.status == "analysed" and r.notes == ["automatic transcript of 2 s"] and r.text is not None
    speech = spoken("can someone grab milk for the station on the way in")
    if speech is None:
        pytest.skip("espeak-ng not installed: no spoken test audio")
    r = m.analyse("PTT-2.opus", "audio", opus(speech))
    assert "grab milk for the station" in r.text.lower()


def test_the_image_model_is_a_detector_under_the_contract():
    from chatprobe.detect.base import MediaItem, registry
    from chatprobe.detect.conformance import check_detector
    det = registry.create("image-model")
    assert det.accepts == "media" and "image-model" in registry.names()
    check_detector(det)
    items = [MediaItem("a", "a.jpg", "image", encode(skin_scene())), MediaItem("b", "b.jpg", "image", encode(landscape())),
             MediaItem("c", "c.jpg", "image", None)]
    found = det.detect(items)
    assert found[2] == ()
    # the same detection the case analysis folds into a message (analyse() shares the builder)
    for item, dets in zip(items[:2], found[:2], strict=True):
        r = m.analyse(item.name, item.type, item.data, want_ocr=False)
        assert dets == r.detections(item.id)
    assert found[0][0].active and not found[1][0].active
