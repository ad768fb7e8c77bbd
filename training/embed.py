"""Embed training texts with the shipped encoder; vectors are cached per text under training/.cache
(not committed), so changing the corpus only embeds the new texts."""

from __future__ import annotations

import hashlib
import json
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
CACHE = HERE / ".cache"


def _key(text: str) -> bytes:
    """A text's cache key: the text, or for one with emoji what the encoder reads of it (its gloss), so that a change
    of the gloss is never read from vectors cached before it."""
    if not text.isascii():
        from chatprobe.detect.text import gloss
        text = "\x00gloss\x00" + gloss(text)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()[:16]


def embed_texts(texts: list[str], tag: str = "corpus") -> np.ndarray:
    from chatprobe.detect.encoder import Encoder, encoder_id

    CACHE.mkdir(exist_ok=True)
    ident = hashlib.sha256(json.dumps(encoder_id(), sort_keys=True).encode()).hexdigest()
    store = CACHE / f"vectors-{ident[:16]}.npz"
    known: dict[bytes, int] = {}
    vecs = np.zeros((0, 384), dtype=np.float32)
    if store.exists():
        z = np.load(store)
        vecs = z["vectors"]
        known = {bytes(k): i for i, k in enumerate(z["keys"])}
    keys = [_key(t) for t in texts]
    missing = sorted({k: t for k, t in zip(keys, texts, strict=True) if k not in known}.items())
    if missing:
        enc = Encoder(batch_size=128)
        new = np.zeros((len(missing), 384), dtype=np.float32)
        t0 = time.perf_counter()
        step = 4096
        for i in range(0, len(missing), step):
            new[i:i + step] = enc.encode([t for _, t in missing[i:i + step]])
            done = min(i + step, len(missing))
            print(f"\rembedded {done:,}/{len(missing):,} ({done / (time.perf_counter() - t0):.0f}/s)",
                  end="", file=sys.stderr, flush=True)
        print(file=sys.stderr)
        for j, (k, _) in enumerate(missing):
            known[k] = len(vecs) + j
        vecs = np.concatenate([vecs, new])
        order = sorted(known.items(), key=lambda kv: kv[1])
        np.savez(store, keys=np.array([np.frombuffer(k, dtype=np.uint8) for k, _ in order]), vectors=vecs)
    return vecs[[known[k] for k in keys]]
