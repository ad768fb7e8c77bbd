"""The head-training helpers of training/train.py that the shipped file format depends on."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "training"))

import train  # noqa: E402


def test_a_linear_head_folded_into_the_network_scores_exactly_as_the_regression():
    rng = np.random.default_rng(3)
    d, hidden, labels = 384, 16, 5
    net = {"w1": (rng.standard_normal((d, hidden)) * 0.05).astype(np.float32), "b1": rng.standard_normal(hidden).astype(np.float32),
           "w2": rng.standard_normal((hidden, labels)).astype(np.float32),
           "b2": rng.standard_normal(labels).astype(np.float32)}
    coef, intercept = rng.standard_normal(d).astype(np.float32) * 0.1, -1.25
    X = rng.standard_normal((50, d)).astype(np.float32)
    folded = train.fold_linear(net, 2, coef, intercept)
    before, after = train.mlp_proba(net, X), train.mlp_proba(folded, X)
    expected = 1 / (1 + np.exp(-(X @ coef + intercept)))
    assert np.allclose(after[:, 2], expected, atol=1e-5)
    assert np.allclose(np.delete(after, 2, axis=1), np.delete(before, 2, axis=1), rtol=0, atol=1e-6)
    assert folded["w1"].shape == (d, hidden + 2) and folded["w2"].shape == (hidden + 2, labels)
    assert not np.array_equal(after[:, 2], before[:, 2])


def test_the_pipeline_measure_embeds_the_texts_the_pipeline_reads_a_second_time(monkeypatch):
    """train.py measures the whole pipeline on precomputed vectors; the pipeline reads a message with person emoji a
    second time with them neutral, a text that has no precomputed vector (it raised KeyError)."""
    import json

    from chatprobe.detect.encoder import Encoder

    enc = Encoder()
    asked: list[str] = []

    class Recording:
        def encode(self, texts):
            asked.extend(texts)
            return enc.encode(texts)

    monkeypatch.setattr(train, "_encoder", Recording)
    z = np.load(train.MODELS / "heads.npz")
    net = {k: z[k] for k in z.files}
    thr = np.array([json.loads((train.MODELS / "heads.json").read_text())["thresholds"][h] for h in train.HEADS])
    texts = ["👩🏿‍🍳 cooking tonight, who's in?", "see you at the pub"]
    out = train.pipeline_predictions(texts, enc.encode(texts), net, thr)
    assert asked == ["🧑‍🍳 cooking tonight, who's in?"]
    assert not out.any()


def _toy(n: int = 400, seed: int = 5) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Vectors and labels shaped like train.py's: every head known, half the rows hateful, one label learnable."""
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, 384)).astype(np.float32)
    Y = (rng.random((n, len(train.HEADS))) < 0.3).astype(np.int8)
    Y[:, train.HEADS.index("discriminatory")] = (X[:, 0] > 0).astype(np.int8)
    return X, Y, np.ones(n), np.arange(n) < n * 3 // 4


def test_the_heads_seed_is_an_argument_and_a_seed_gives_the_same_network(monkeypatch):
    monkeypatch.setattr(train, "EPOCHS", 2)
    X, Y, w, rows = _toy()
    a, b, c = (train.train_mlp(X, Y, w, rows, seed=s) for s in (1, 1, 2))
    assert all(np.array_equal(a[k], b[k]) for k in a)
    assert not np.array_equal(a["w1"], c["w1"])
    thr = train.thresholds(Y[~rows], train.mlp_proba(a, X[~rows]), quiet=True)
    assert thr.shape == (len(train.HEADS),) and ((thr > 0) & (thr < 1)).all()


def test_seed_spread_scores_with_the_heads_it_trained_in_memory(monkeypatch):
    """training/seed_spread.py puts a trained network in the text model without writing the package's files: the
    run-time heads it builds score exactly as the network's probabilities under train.py's thresholds."""
    import seed_spread

    from chatprobe.detect.classifier import load_heads

    monkeypatch.setattr(train, "EPOCHS", 1)
    X, Y, w, rows = _toy()
    net = train.train_mlp(X, Y, w, rows, seed=3)
    thr = np.full(len(train.HEADS), 0.4)
    heads = seed_spread.heads_of(net, thr, "seed3")
    p = train.mlp_proba(net, X).astype(np.float64)
    expected = np.where(p < thr, p / (2 * thr), 0.5 + (p - thr) / (2 * (1 - thr)))
    assert np.allclose(heads.calibrated(X), expected, atol=1e-5)
    assert heads.labels == load_heads().labels and heads.sha256 != load_heads().sha256
    assert heads.version.endswith("-seed3")


def test_the_protocol_gives_small_sets_an_interval():
    import protocol

    lo, hi = protocol.interval(16 / 23, 23)
    assert (round(lo, 3), round(hi, 3)) == (0.491, 0.844)  # Wilson, z = 1.96
    assert protocol.interval(1.0, 26)[1] == 1.0 and protocol.interval(0.0, 5)[0] == 0.0
    assert protocol.interval(0.5, 0) == (0.0, 1.0)
    assert "69.6% of 23 (95% interval 49%-84%)" == protocol._share({"hateful": 23, "hateful_caught": 16 / 23},
                                                                   "hateful_caught")


def test_seed_spread_compares_a_change_with_chance():
    import seed_spread

    names = [k for k, _ in seed_spread.FIGURES]
    flags, caught = next(k for k in names if k.startswith("ordinary")), names[0]  # lower better, higher better

    def run(n_flags: float, share: float = 0.5) -> dict:
        return {"figures": {**{k: 0.5 for k in names}, flags: n_flags, caught: share}}

    base = [{"runs": {"shipped": run(0.0), "seed 0": run(2.0), "seed 1": run(4.0)}}, {"runs": {"seed 0": run(3.0)}}]
    rows = {r["figure"]: r for r in seed_spread.compare({"runs": {"seed 0": run(1.0, 0.4), "seed 1": run(1.0, 0.6)}},
                                                         base)}
    assert rows[flags]["where"] == "better"  # fewer flags than every seeded baseline run (the shipped row is none)
    assert rows[flags]["baseline_range"] == [2.0, 4.0] and rows[flags]["baseline_mean"] == 3.0
    assert rows[caught]["where"] == "within" and rows[caught]["candidate"] == 0.5
    rows = {r["figure"]: r for r in seed_spread.compare({"runs": {"seed 0": run(5.0, 0.3)}}, base)}
    assert rows[flags]["where"] == "worse" and rows[caught]["where"] == "worse"
    # two candidate files (one change, two encoder seeds): their seeded runs pooled, shipped rows left out
    rows = {r["figure"]: r for r in seed_spread.compare([{"runs": {"shipped": run(9.0), "seed 0": run(1.0, 0.3)}},
                                                         {"runs": {"seed 0": run(5.0, 0.7)}}], base)}
    assert rows[flags]["candidate"] == 3.0 and rows[flags]["where"] == "within" and rows[caught]["candidate"] == 0.5
    # a figure added later: compared on the runs that have it, left out where one side has none
    late = "moderation-style, third set: threat F1"

    def without(r: dict) -> dict:
        return {"figures": {k: v for k, v in r["figures"].items() if k != late}}
    older = [{"runs": {"seed 0": without(run(2.0)), "seed 1": run(4.0)}}]
    older[0]["runs"]["seed 1"]["figures"][late] = 0.8
    rows = {r["figure"]: r for r in seed_spread.compare({"runs": {"seed 0": run(1.0)}}, older)}
    assert rows[late]["baseline_range"] == [0.8, 0.8] and rows[late]["where"] == "worse"
    rows = {r["figure"]: r for r in seed_spread.compare({"runs": {"seed 0": without(run(1.0))}}, older)}
    assert late not in rows and rows[flags]["where"] == "better"


def _tree_with_a_change(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A git repository shaped like this one (model files, a training file) and a diff of the training file."""
    import shutil
    import subprocess

    if not shutil.which("git"):
        pytest.skip("git not installed")
    root = tmp_path / "repo"
    models = root / "src" / "chatprobe" / "detect" / "models"
    models.mkdir(parents=True)
    for name in ("encoder-finetuned.npz", "encoder-int8.json", "heads.npz", "heads.json"):
        (models / name).write_bytes(f"shipped {name}".encode())
    (root / "gaps.py").write_text("ROUNDS = 7\n")
    git = ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "shipped"], check=True)
    (root / "gaps.py").write_text("ROUNDS = 8\n")
    diff = tmp_path / "change.diff"
    diff.write_text(subprocess.run([*git, "diff"], check=True, capture_output=True, text=True).stdout)
    subprocess.run([*git, "checkout", "-q", "--", "gaps.py"], check=True)
    return root, models, diff


def _runner(seen: list[list[str]], tool):
    """A fake candidate runner: every command recorded in ``seen``, git run for real, the training scripts by ``tool``."""
    import subprocess

    def run(cmd):
        seen.append(list(cmd))
        if cmd[0] == "git":
            subprocess.run(list(cmd), check=True, capture_output=True)
        else:
            tool(cmd)
    return run


def test_candidate_runs_each_encoder_seed_and_leaves_the_tree_as_it_found_it(tmp_path):
    """training/candidate.py: the diff applied for the runs, a second stage resumes from a copy of the shipped patch,
    and afterwards the shipped model files are back byte for byte and the diff reversed."""

    import candidate

    root, models, diff = _tree_with_a_change(tmp_path)
    seen: list[list[str]] = []

    def tool(cmd):
        if cmd[1].endswith("finetune.py"):
            assert (root / "gaps.py").read_text() == "ROUNDS = 8\n"  # trained with the change
            (models / "encoder-finetuned.npz").write_bytes(b"a new encoder")
        elif cmd[1].endswith("calibrate.py"):
            (models / "encoder-int8.json").write_bytes(b"new scales")
        else:
            Path(cmd[cmd.index("--out") + 1]).write_text("{}")

    run = _runner(seen, tool)
    out = candidate.measure(diff, [0, 3], [0, 1], tmp_path / "out", "--steps 800 --lr 3e-5", root=root, run=run)
    assert [p.name for p in out] == ["encoder-seed-0.json", "encoder-seed-3.json"]
    finetunes = [c for c in seen if c[0] != "git" and c[1].endswith("finetune.py")]
    assert [c[c.index("--seed") + 1] for c in finetunes] == ["0", "3"]
    resume = Path(finetunes[1][finetunes[1].index("--resume") + 1])
    assert resume.read_bytes() == b"shipped encoder-finetuned.npz"  # the shipped patch, not seed 0's
    assert finetunes[0][-4:] == ["--steps", "800", "--lr", "3e-5"]
    spreads = [c for c in seen if c[0] != "git" and c[1].endswith("seed_spread.py")]
    assert spreads[0][spreads[0].index("--seeds") + 1:spreads[0].index("--out")] == ["0", "1"]
    for name in candidate.GUARDED:
        assert (models / name).read_bytes() == f"shipped {name}".encode()
    assert (root / "gaps.py").read_text() == "ROUNDS = 7\n"


def test_candidate_puts_the_shipped_model_back_when_a_step_fails(tmp_path):
    import subprocess

    import candidate

    root, models, diff = _tree_with_a_change(tmp_path)

    def run(cmd):
        if cmd[0] == "git":
            subprocess.run(list(cmd), check=True, capture_output=True)
        elif cmd[1].endswith("finetune.py"):
            (models / "encoder-finetuned.npz").write_bytes(b"half written")
        else:
            raise subprocess.CalledProcessError(1, cmd)

    with pytest.raises(subprocess.CalledProcessError):
        candidate.measure(diff, [0], [0], tmp_path / "out", None, root=root, run=run)
    assert (models / "encoder-finetuned.npz").read_bytes() == b"shipped encoder-finetuned.npz"
    assert (root / "gaps.py").read_text() == "ROUNDS = 7\n"
    assert not (tmp_path / "out" / "resume-shipped.npz").exists()  # the whole recipe: no stage, no copy


def test_candidate_measures_the_heads_alone_on_the_shipped_encoder(tmp_path):
    """--heads-only: no fine-tune or calibration, one spread with the change applied, the tree left as it was found."""

    import candidate

    root, models, diff = _tree_with_a_change(tmp_path)
    seen: list[list[str]] = []

    def tool(cmd):
        assert cmd[1].endswith("seed_spread.py") and (root / "gaps.py").read_text() == "ROUNDS = 8\n"
        (models / "heads.npz").write_bytes(b"heads trained in a run")  # as if a step wrote over them
        Path(cmd[cmd.index("--out") + 1]).write_text("{}")

    out = candidate.measure(diff, [None], [0, 1, 2, 3, 4], tmp_path / "out", None, root=root, run=_runner(seen, tool))
    assert [p.name for p in out] == ["heads-only.json"]
    tools = [c for c in seen if c[0] != "git"]
    assert len(tools) == 1 and tools[0][tools[0].index("--seeds") + 1:tools[0].index("--out")] == ["0", "1", "2", "3", "4"]
    for name in candidate.GUARDED:
        assert (models / name).read_bytes() == f"shipped {name}".encode()
    assert (root / "gaps.py").read_text() == "ROUNDS = 7\n"


def test_candidate_measures_probe_files_after_each_spread(tmp_path):
    """--probe: probe_spread.py runs after each encoder seed's spread, on its encoder, with the same heads seeds."""

    import candidate

    root, models, diff = _tree_with_a_change(tmp_path)
    seen: list[list[str]] = []

    def tool(cmd):
        if cmd[1].endswith("finetune.py"):
            (models / "encoder-finetuned.npz").write_bytes(b"a new encoder")
        elif cmd[1].endswith("probe_spread.py"):
            assert (models / "encoder-finetuned.npz").read_bytes() == b"a new encoder"  # before the shipped one is back
            Path(cmd[cmd.index("--json") + 1]).write_text("{}")
        elif cmd[1].endswith("seed_spread.py"):
            Path(cmd[cmd.index("--out") + 1]).write_text("{}")

    probe = tmp_path / "probe.txt"
    candidate.measure(diff, [1, 2], [0, 4], tmp_path / "out", "--steps 10", root=root, run=_runner(seen, tool),
                      probes=[probe])
    tools = [Path(c[1]).name for c in seen if c[0] != "git"]
    assert tools == ["finetune.py", "calibrate.py", "seed_spread.py", "probe_spread.py"] * 2
    probes = [c for c in seen if c[0] != "git" and c[1].endswith("probe_spread.py")]
    assert probes[0][2] == str(probe) and probes[0][probes[0].index("--seeds") + 1:probes[0].index("--json")] == ["0", "4"]
    assert [Path(c[-1]).name for c in probes] == ["probe-encoder-seed-1.json", "probe-encoder-seed-2.json"]
    assert (models / "encoder-finetuned.npz").read_bytes() == b"shipped encoder-finetuned.npz"


def test_probe_spread_reads_a_probe_file_and_lists_what_is_flagged(tmp_path):
    import probe_spread

    from chatprobe.detect.pipeline import Decision

    f = tmp_path / "probe.txt"
    f.write_text("# header, not a line\nshe's in bed with flu\n\nbet she's wild in bed\nkids are asleep\n", encoding="utf-8")
    lines = probe_spread.probe_lines(f)
    assert lines == ["she's in bed with flu", "bet she's wild in bed", "kids are asleep"]

    class Fake:  # a category flags; a response label alone does not
        def classify(self, texts):
            labels = {"bet she's wild in bed": ("sexual",), "kids are asleep": ("endorsement",)}
            return [Decision(str(i), labels.get(t, ()), {}, {}, {}, ()) for i, t in enumerate(texts)]
    assert probe_spread.flags_on(Fake(), lines) == [(2, "bet she's wild in bed", ["sexual"])]


def test_an_ensemble_of_networks_is_one_network_whose_logits_are_their_mean(monkeypatch):
    """train.train_ensemble folds K networks into one of K times the width, in the shipped file format: its logits are
    the mean of theirs (so the run-time code needs no change), and one seed is train_mlp itself."""
    monkeypatch.setattr(train, "EPOCHS", 1)
    X, Y, w, rows = _toy()
    nets = [train.train_mlp(X, Y, w, rows, seed=s) for s in (3, 4, 5)]
    ens = train.train_ensemble(X, Y, w, rows, [3, 4, 5])

    def logit(p):
        return np.maximum(X @ p["w1"] + p["b1"], 0) @ p["w2"] + p["b2"]

    assert np.allclose(logit(ens), np.mean([logit(n) for n in nets], axis=0), atol=1e-5)
    assert ens["w1"].shape == (384, 3 * nets[0]["w1"].shape[1]) and ens["w2"].shape[1] == len(train.HEADS)
    assert all(v.dtype == np.float32 for v in ens.values())
    single = train.train_ensemble(X, Y, w, rows, [3])
    assert all(np.array_equal(single[k], nets[0][k]) for k in single)
    assert not np.allclose(train.mlp_proba(ens, X), train.mlp_proba(nets[0], X))


def test_a_cached_vector_is_keyed_on_what_the_encoder_reads():
    """training/embed.py caches vectors per text; a text with emoji is keyed on its gloss, so a change of the gloss never
    reads a vector cached before it, and two spellings the encoder reads alike share one."""
    import hashlib

    import embed

    assert embed._key("see you at 6") == hashlib.sha256(b"see you at 6").digest()[:16]
    assert embed._key("you f🅰️ggots") == embed._key("you f🅰ggots") != hashlib.sha256("you f🅰️ggots".encode()).digest()[:16]
    assert embed._key("👍") != embed._key("👎")
