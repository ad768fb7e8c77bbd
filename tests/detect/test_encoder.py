"""The int8 encoder that chatprobe builds in memory from the packaged MiniLM graph."""

import numpy as np
import pytest

from chatprobe.detect import quantize
from chatprobe.detect.encoder import Encoder, calibration, encoder_id, model_path, shared_encoder
from chatprobe.errors import ModelMissing

TEXTS = ["the van is outside custody again", "Muslims are vermin", "😂😂", "see you at the briefing at 7",
         "you absolute muppet", "he called him a p*ki", "women should not be in the job", "ok"]


@pytest.fixture(scope="module")
def float_encoder():
    return Encoder(int8=False)


def test_fused_attention_computes_what_the_unfused_graph_does(float_encoder):
    import onnxruntime as ort

    from chatprobe.detect.encoder import load_graph
    packaged = ort.InferenceSession(load_graph().SerializeToString(), providers=["CPUExecutionProvider"])
    for ids, _ in float_encoder.batches(TEXTS):
        ours = float_encoder.session.run(None, float_encoder.feeds(ids))[0]
        theirs = packaged.run(None, float_encoder.feeds(ids))[0]
        np.testing.assert_allclose(ours, theirs, atol=2e-4)


def test_int8_vectors_stay_close_to_the_float_ones(float_encoder):
    cos = (shared_encoder().encode(TEXTS) * float_encoder.encode(TEXTS)).sum(axis=1)
    assert cos.min() > 0.95 and cos.mean() > 0.98, cos


def test_int8_encoder_is_exactly_batch_invariant():
    enc = shared_encoder()
    # many texts of one token length share a batch; their vectors must equal those computed alone
    same_length = [f"message number {i} about the rota" for i in range(40)]
    together = enc.encode(same_length + TEXTS)
    alone = np.stack([enc.encode([t])[0] for t in same_length + TEXTS])
    assert np.array_equal(together, alone)


def test_calibration_covers_every_linear_layer_of_the_shipped_model():
    calib, _ = calibration()
    layers = quantize.linear_layers(quantize.load(model_path()))
    assert len(layers) == 36
    assert set(calib["activations"]) == {lin.matmul for lin in layers}
    for scale, zero in calib["activations"].values():
        assert scale > 0 and 0 <= zero <= 255


def test_heads_were_trained_on_this_encoder():
    from chatprobe.detect.classifier import load_heads
    trained_on = load_heads().meta["encoder"]
    for key, value in encoder_id().items():
        assert trained_on[key] == value, f"heads trained on another encoder ({key}): re-run training/train.py"


def test_a_different_model_file_is_refused(tmp_path, monkeypatch):
    from chatprobe.detect.encoder import model_sha256
    from chatprobe.errors import ModelMissing
    fake = tmp_path / "model.onnx"
    fake.write_bytes(b"an older or tampered model")
    monkeypatch.setenv("CHATPROBE_ENCODER", str(fake))
    model_sha256.cache_clear()
    try:
        with pytest.raises(ModelMissing, match="not the one chatprobe's text model was calibrated"):
            Encoder()
    finally:
        monkeypatch.delenv("CHATPROBE_ENCODER")
        model_sha256.cache_clear()


def test_uint8_params_keep_zero_exact():
    s, z = quantize.uint8_params(-1.0, 3.0)
    assert z == round(1.0 / s) and 0 < z < 255
    assert quantize.uint8_params(0.5, 2.0)[1] == 0  # the range always includes 0
    assert quantize.uint8_params(0.0, 0.0) == (1.0, 0)


def test_the_fine_tuned_weights_are_applied_and_belong_to_the_packaged_model():
    import onnxruntime as ort

    from chatprobe.detect.encoder import load_graph, model_sha256, patch
    p = patch()
    assert p is not None and p.meta["base_sha256"] == model_sha256()
    assert encoder_id()["finetuned_sha256"] == p.sha256
    # 36 linear layers (weight + scale), their biases and the layer norms; the embeddings are the packaged ones
    assert sum(k.endswith("_q") for k in p.arrays) == 36 and not any("embeddings" in k for k in p.arrays)
    tuned = ort.InferenceSession(load_graph().SerializeToString(), providers=["CPUExecutionProvider"])
    packaged = ort.InferenceSession(str(model_path()), providers=["CPUExecutionProvider"])
    enc = Encoder(int8=False)
    ids, _ = next(enc.batches(["Muslims are vermin"]))
    a, b = tuned.run(None, enc.feeds(ids))[0], packaged.run(None, enc.feeds(ids))[0]
    assert not np.allclose(a, b, atol=1e-2), "the fine-tuned weights changed nothing"


def test_fine_tuned_weights_for_another_model_are_refused(monkeypatch):
    from chatprobe.detect import encoder
    p = encoder.patch()
    monkeypatch.setattr(encoder, "patch", lambda: p._replace(meta={**p.meta, "base_sha256": "0" * 64}))
    with pytest.raises(ModelMissing, match="fine-tuned weights were made for"):
        encoder.load_graph()


def test_windows_cover_a_long_text_and_the_first_is_the_truncation():
    from chatprobe.detect.encoder import split_windows
    ids = [101, *range(1000, 1150), 102]  # [CLS] 150 word pieces [SEP]
    wins = split_windows(ids, 64, overlap=16)
    assert all(w[0] == 101 and w[-1] == 102 and len(w) == 64 for w in wins)
    assert wins[0] == ids[:63] + [102]  # what truncating to 64 tokens gives
    assert wins[-1][1:-1] == ids[-63:-1]  # the last ends at the last word piece
    seen = [x for w in wins for x in w[1:-1]]
    assert set(seen) == set(ids[1:-1])
    for a, b in zip(wins, wins[1:]):
        assert len(set(a[1:-1]) & set(b[1:-1])) >= 16  # a phrase cut by one window is whole in the next
    assert split_windows([101, 5, 6, 102], 64) == [[101, 5, 6, 102]]
    assert split_windows(list(range(64)), 64) == [list(range(64))]


def test_encode_is_the_first_of_the_windows():
    enc = shared_encoder()
    long = "we were on the late shift and the van broke down on the ring road " * 12
    texts = ["ok", long, "see you at the briefing at 7"]
    wins = enc.windows(texts)
    owner = np.array([i for i, w in enumerate(wins) for _ in w])
    vectors = enc.vectors([w for ws in wins for w in ws])
    assert owner[0] == 0 and owner[-1] == 2 and (owner == 1).sum() >= 3
    np.testing.assert_array_equal(enc.encode(texts), vectors[[0, 1, len(owner) - 1]])
