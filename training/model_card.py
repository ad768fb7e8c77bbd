"""Write src/chatprobe/detect/models/MODEL_CARD.md from training/metrics.json and a fresh functional run.

    python training/model_card.py
"""

from __future__ import annotations

import csv
import hashlib
import json
import math
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))
MODELS = ROOT / "src" / "chatprobe" / "detect" / "models"
CASES = ROOT / "tests" / "detect" / "functional_cases.tsv"

ATTRIBUTION = [
    ("davidson2017", "Davidson et al. 2017, Automated Hate Speech Detection and the Problem of Offensive Language", "MIT"),
    ("hatexplain", "Mathew et al. 2021, HateXplain", "MIT"),
    ("edos", "Kirk et al. 2023, SemEval-2023 Task 10 EDOS", "CC0"),
    ("online-misogyny", "Guest et al. 2021, An Expert Annotated Dataset for the Detection of Online Misogyny", "MIT"),
    ("hatemoji", "Kirk et al. 2022, Hatemoji: HatemojiBuild", "CC-BY-4.0"),
    ("convabuse", "Cercas Curry et al. 2021, ConvAbuse", "CC-BY-4.0"),
    ("gbv-counterspeech", "gender-based-violence counter-speech pairs", "Apache-2.0"),
    ("toxigen-seeds", "Hartvigsen et al. 2022, ToxiGen prompt sentences", "MIT"),
    ("cad", "Vidgen et al. 2021, Contextual Abuse Dataset", "research release"),
    ("olid", "Zampieri et al. 2019, OLID", "research release"),
    ("sbic-dev", "Sap et al. 2020, Social Bias Frames (dev)", "CC-BY-4.0"),
    ("chatprobe-chat", "chat-style examples written for this project (training/chat_examples.py)", "MIT"),
    ("chatprobe-gaps", "gap examples written for this project: questions, negated positives, spelling noise, "
     "homonyms, counter-speech, threats, harassment, ordinary chat (training/gaps.py)", "MIT"),
]


def finetune_meta() -> dict:
    """The shipped encoder patch's own record of its run (steps, batch, seed, …); {} when absent."""
    from finetune import patch_meta

    p = MODELS / "encoder-finetuned.npz"
    return patch_meta(p) if p.exists() else {}


def finetune_line(m: dict) -> str:
    if not m:
        return "not present"
    return (f"{m['steps']:,} steps of {m['batch']} texts, AdamW lr {m['lr']}, seed {m['seed']}, "
            f"embeddings frozen, start: {m['start']}")


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def functional() -> tuple[dict[tuple[str, str], list[int]], list[int], list[int], list[int]]:
    from chatprobe.detect import evaluate
    from chatprobe.detect.pipeline import Pipeline
    with open(CASES, encoding="utf-8", newline="") as f:
        cases = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    r = evaluate.functional(cases, [d.labels for d in Pipeline.default().classify([c["text"] for c in cases])])
    return r.per, r.hateful, r.clean, r.target


def table(rows: dict[str, dict[str, float]], pipe: dict[str, dict[str, float]],
          base: dict[str, dict[str, float]], prev: dict[str, dict[str, float]] | None = None) -> list[str]:
    prev = prev or {}
    out = ["| label | support | model P | model R | model F1 | previous model F1 | pipeline F1 | TF-IDF baseline F1 |",
           "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for lab, m in rows.items():
        b = base.get(lab, {}).get("f1")
        p = pipe.get(lab, {}).get("f1")
        o = prev.get(lab, {}).get("f1")
        out.append(f"| {lab} | {m['support']} | {m['precision']:.3f} | {m['recall']:.3f} | {m['f1']:.3f} | "
                   f"{'' if o is None else f'{o:.3f}'} | {'' if p is None else f'{p:.3f}'} | "
                   f"{'' if b is None else f'{b:.3f}'} |")
    return out


def _suite_halves(r: dict[str, Any]) -> list[str]:
    """The tune and locked halves of a template-suite variant as a table (blank line first)."""
    out = ["", "| half | hateful caught | non-hateful left alone | target right |", "|---|---:|---:|---:|"]
    return out + [f"| {half} | {_pct(r[half]['hateful_caught'])} | {_pct(r[half]['non_hateful_left_alone'])} | "
                  f"{_pct(r[half]['target_right'])} |" for half in ("tune", "locked")]


def _para(text: str) -> list[str]:
    """A paragraph of the card: a blank line, then ``text`` wrapped as the card's other prose."""
    return [""] + textwrap.wrap(text, 104, break_on_hyphens=False)


def _pct(x: float | None) -> str:
    return "" if x is None else f"{x:.1%}"


def protocol_section() -> list[str]:
    """training/protocol.py's figures for this model beside the previous one (protocol-previous.json)."""
    new_p, old_p = HERE / "protocol.json", HERE / "protocol-previous.json"
    if not new_p.exists():
        return []
    new, old = json.loads(new_p.read_text()), json.loads(old_p.read_text()) if old_p.exists() else None
    f, fo = new["functional"], (old or {}).get("functional", {})
    out = ["", "## Evaluation protocol (`python training/protocol.py`; the whole pipeline)", "",
           "**Functional suite** (`training/functional_suite.py`, fingerprint `" + f["fingerprint"] + "`): "
           "templates written before this model was trained, in two halves. The `tune` half was looked at while",
           "choosing data and rules; the `locked` half was only ever counted. Previous model: the frozen encoder",
           "and heads shipped before (2026.11.1).", "",
           "| half | model | hateful caught | non-hateful left alone | target right |", "|---|---|---:|---:|---:|"]
    for half in ("tune", "locked"):
        for name, r in (("previous", fo.get(half)), ("this", f[half])):
            if r:
                out.append(f"| {half} | {name} | {_pct(r['hateful_caught'])} | {_pct(r['non_hateful_left_alone'])} | "
                           f"{_pct(r['target_right'])} |")
    out += ["", "| functionality (both halves) | previous | this |", "|---|---:|---:|"]
    for k, v in f["all"]["functionalities"].items():
        out.append(f"| {k} | {_pct(fo.get('all', {}).get('functionalities', {}).get(k))} | {_pct(v)} |")
    # the template suite with the group's name written wrong, one variant each (training/misspelt_groups.py)
    for key, text in (
            ("misspelt_groups",
             ("**The suite with the group's name misspelt** (`training/misspelt_groups.py`, written 2026-12-06 before "
             "lexicon 2026.12.30 was measured): every case that names its group in words, with one word of the name "
             "of 5+ letters changed by one typing slip (an inner letter deleted, or two neighbours swapped). The "
             "lexicon before 2026.12.30 caught 32.0% of the locked half's hateful cases (shipped heads; 32-34% in "
             "heads seeds 0-2).")),
            ("spaced_groups",
             ("**The suite with the group's name spelt out with spaces** (`misspelt_groups.spaced_cases`, written "
             "2026-12-06 before lexicon 2026.12.34 was measured): the same cases with one word of the name of 4+ "
             "letters written with a space between its letters (\"I hate g a y s\").")),
            ("joined_groups",
             ("**The suite with the group's name run onto a word beside it** (`misspelt_groups.joined_cases`, written "
             "2026-12-07 before lexicon 2026.12.35's reading of it was measured): the same cases with one space next "
             "to or inside the group's name left out (\"I hatemuslims\", \"Muslimsare vermin\")."))):
        if new.get(key):
            out += _para(text) + _suite_halves(new[key])
    o, oo = new["ordinary"], (old or {}).get("ordinary", {})
    out += ["", "**Ordinary chats**: every message of the real public exports in `../shared/data/exports` (parsed",
            "by chatprobe) and hand-written ordinary lines (`training/ordinary_chat.py`, never trained on; the",
            "first set's flags were read while tuning; the `locked` set was written before the final model and",
            "its flags were read once, after an earlier fine-tune: see Limits; the 2026-12-05 set was a fresh",
            "probe, whose two sport flags led to lexicon 2026.12.3).",
            "Every flag is a false flag; all of them are listed.", "",
            "| set | messages | previous model's flags of messages (per 1,000) | this model's flags (per 1,000) |",
            "|---|---:|---:|---:|"]
    for k, v in o.items():  # each set, then "all"
        prev = oo.get(k)
        before = f"{prev['flags']} of {prev['messages']} ({prev['per_1000']})" if prev else "not measured"
        out.append(f"| {k} | {v['messages']} | {before} | {v['flags']} ({v['per_1000']}) |")
    out += ["", "Flags this model raises on them:", ""]
    flags = [fl for v in o.values() for fl in v.get("flagged", [])]
    out += [f"- `{fl['where']}` {', '.join(fl['labels'])}: {fl['text']!r}" for fl in flags] or ["- none"]
    look = new.get("lookalikes")
    if look:
        out += _para(
            "**Lookalike lines** (`ordinary_chat.LOOKALIKES`, written 2026-12-05 to probe lexicon 2026.12.4): police "
            "operational talk and everyday lines that use words of violence and sex in ordinary senses; not ordinary "
            "chat in its proportions, so apart from the figures above. The rules' own first flags here were read and "
            f"the rules narrowed. This pipeline flags {look['flags']} of {look['messages']}:") + [""]
        out += [f"- {', '.join(fl['labels'])}: {fl['text']!r}" for fl in look["flagged"]] or ["- none"]
    sets = {"moderation": ("first set", "written before gap round 7 was written; its misses were read to write lexicon "
                            "2026.12.4's violence and sexual-content rules, so since then it is a development set"),
            "moderation_2": ("second set", "written on 2026-12-05 after the first set's misses had been read and before "
                             "those rules were written, and measured after each later change, none of which was made from "
                             "its lines (this set's first run showed violent lines read as sexual; the decision rule "
                             "that sorts violence from sex was then chosen on gap round 7's lines, which the model "
                             "never saw, and raised sexual F1 here from 0.76 to 0.80); the pipeline before both "
                             "(lexicon 2026.12.3) scored 0.73 / 0.40 / 0.52 for sexual and 0.91 / 0.25 / 0.39 for "
                             "threat"),
            "moderation_3": ("third set", "written on 2026-12-06 before any pipeline ran on it and before rules were "
                             "written from the second set's misses, to judge those rules (they did not move it and "
                             "were not shipped: see Limits); the same hands wrote the rules, so it is not blind to "
                             "them; its errors below are read since")}
    for key, (name, how) in sets.items():
        m, mo = new.get(key), (old or {}).get(key, {})
        if not m:
            continue
        out += _para(
            f"**Sexual content and violence, moderation style, {name}** (`training/moderation_style.py`): lines "
            "written by hand in the sense of a public moderation set's published category definitions (its text "
            f"was never read); never trained on; {how}. Precision / recall / F1 of the pipeline's `sexual` and "
            "`threat` labels; every error is listed.") + ["",
                "| label | positives (of all lines) | pre-issue model's P / R / F1 | this pipeline's P / R / F1 |",
                "|---|---:|---:|---:|"]
        for label, r in m.items():
            p = mo.get(label)
            prev = f"{p['precision']:.2f} / {p['recall']:.2f} / {p['f1']:.2f}" if p else "not measured"
            out.append(f"| {label} | {r['support']} ({r['n']}) | {prev} | "
                       f"{r['precision']:.2f} / {r['recall']:.2f} / **{r['f1']:.2f}** |")
        for label, r in m.items():
            out += ["", f"`{label}` missed: " + ("; ".join(repr(t) for t in r["missed"]) or "none") + ".",
                    "", f"`{label}` raised on a line without it: " + ("; ".join(repr(t) for t in r["false"]) or "none") + "."]
    pc, pco = new.get("police_chat"), (old or {}).get("police_chat", {})
    if pc:
        out += _para(
            f"**Police-chat lines** (`training/police_chat.py`, written 2026-12-05 before the pipeline was run on "
            f"them; never trained on): {pc['all']['abusive']} abusive lines in a response team's register (race, "
            "religion, sex, sexual orientation, gender identity, disability, age, threats to complainants and "
            f"witnesses, sexualised remarks, insults) and {pc['all']['lines'] - pc['all']['abusive']} work lines "
            "using the same words (a suspect described by IC code, a hate crime reported, a strip-search policy). "
            "Split by a hash of the text: the `dev` half's errors may be read to write rules, the `locked` half is "
            "only counted. A line counts as caught when anything is flagged, and its category as right when a "
            "flagged category is one its label accepts.") + ["",
            "| half | model | abusive caught | category right | work lines left alone | accuracy |",
            "|---|---|---:|---:|---:|---:|"]
        out += _halves(pc, pco, ("abusive_caught", "category_right", "work_left_alone", "accuracy"),
                       lambda e: "/".join(e["expected"]) or "none")
    ff, ffo = new.get("fresh_functional"), (old or {}).get("fresh_functional", {})
    if ff:
        out += _para(
            f"**Fresh functional lines** (`training/fresh_functional.py`; never trained on): {ff['all']['hateful']} "
            "hateful lines about the seven protected groups (derogation, dehumanisation, threats, questions, opinions, "
            "negated positives, spelling noise, slurs, tropes with no insult word) and "
            f"{ff['all']['lines'] - ff['all']['hateful']} that are not hate (neutral and positive mentions, negated "
            "hate, counter-speech and reports quoting hate, reclaimed words, homonyms, profanity, abuse of no "
            "protected group), in other words than the template suite's, written by hand in two rounds before the "
            "pipeline was run on them: round 1 on 2026-12-05 after lexicon 2026.12.18, round 2 (in a group chat's "
            "register, ten hateful lines per group) on 2026-12-06, so that the halves can tell a change from "
            "chance (one locked line of round 1 was 4.3 points). Split by a hash: `dev` may be read, `locked` is "
            "only counted. "
            "Caught: the line's category is flagged; left alone: no protected category is flagged.") + ["",
            "| half (both rounds) | model | hateful caught | non-hateful left alone |", "|---|---|---:|---:|"]
        out += _halves(ff, ffo, ("hateful_caught", "non_hateful_left_alone"), lambda e: e["expected"] or "none")
        out += ["", "| round, half | model | hateful caught | non-hateful left alone |", "|---|---|---:|---:|"]
        for n, halves in ff.get("rounds", {}).items():
            for half, h in halves.items():
                for name, r in (("pre-issue", ffo.get("rounds", {}).get(n, {}).get(half)), ("this", h)):
                    if r:
                        out.append(f"| {n}, {half} ({r['lines']}) | {name} | {_pct(r['hateful_caught'])} | "
                                   f"{_pct(r['non_hateful_left_alone'])} |")
    return out


def _halves(r: dict[str, Any], before: dict[str, Any], columns: tuple[str, ...],
            expected: Callable[[dict[str, Any]], str]) -> list[str]:
    """A two-half evaluation's table rows (dev, locked; the pre-issue model beside this one), this model's 95%
    intervals on the locked half, then the dev half's errors: the locked half is only counted."""
    from protocol import CASES_OF, interval

    out = []
    for half in ("dev", "locked"):
        for name, h in (("pre-issue", before.get(half)), ("this", r[half])):
            if h:
                out.append(f"| {half} ({h['lines']}) | {name} | " + " | ".join(_pct(h[c]) for c in columns) + " |")
    locked = r["locked"]
    spans = [f"{c.replace('non_', 'non-').replace('_', ' ')} {lo:.0%} to {hi:.0%} ({n} lines)" for c in columns
             if c in CASES_OF
             for n in [CASES_OF[c](locked)] for lo, hi in [interval(locked[c], n)]]
    errors = "; ".join(f"{e['text']!r} ({expected(e)} → {', '.join(e['got']) or 'nothing'})" for e in r["dev_errors"])
    return out + ["", "The locked half is small: this model's 95% intervals (Wilson) are " + ", ".join(spans) + ".",
                  "", "Dev half errors: " + (errors or "none") + "."]


def seed_spread_section() -> list[str]:
    """training/seed_spread.py: the protocol's figures with heads trained on other seeds, on the shipped encoder
    (seed_spread.json) and on encoders fine-tuned with another seed (seed_spread-encoder-seed*.json)."""
    files = sorted(HERE.glob("seed_spread*.json"), key=lambda p: (p.name != "seed_spread.json", p.name))
    if not files:
        return []
    out = ["", "## How much a figure moves by chance (`python training/seed_spread.py`)", ""] + textwrap.wrap(
        "The heads retrained with nothing changed but the random seed (the same corpus, encoder, weights and "
        "threshold rule; in memory, beside the shipped heads), and the whole protocol run with each. A change of "
        "data or rules that moves a figure by less than its range over seeds is no evidence either way "
        "(`seed_spread.py --against` compares a change's own seeds with these runs, figure by figure; "
        "`training/candidate.py CHANGE.diff --seeds 0 1 2 --out-dir DIR` fine-tunes the encoder with each seed, "
        "measures each, puts the shipped model back and compares them pooled). The "
        "shipped heads are seed 0 as trained on the machine that made them (a retrain here differs a little: "
        "threat threshold 0.53 against 0.55), and the lexicon's rules and the pipeline's options were written "
        "against their errors.", 104, break_on_hyphens=False)
    for p in files:
        r = json.loads(p.read_text())
        ft = r.get("encoder", {}).get("finetune", {})
        names = list(r["runs"])
        out += ["", f"**`{p.name}`**: heads seeds {', '.join(map(str, r['seeds']))} on the encoder fine-tuned "
                f"with seed {ft.get('seed', '?')} ({ft.get('steps', '?')} steps; patch sha256 "
                f"`{r.get('encoder', {}).get('finetuned_sha256', '?')[:16]}…`; lexicon "
                f"{r.get('lexicon', '2026.12.18 or earlier')}).", "",
                "| figure | " + " | ".join(names) + " | range over seeds |", "|---|" + "---:|" * (len(names) + 1)]
        for k, (lo, hi) in r["range"].items():
            if "flags" in k:
                cell, width = (lambda v: f"{v:.0f}"), f"{hi - lo:.0f}"
            elif "F1" in k:
                cell, width = (lambda v: f"{v:.2f}"), f"{hi - lo:.2f}"
            else:
                cell, width = (lambda v: f"{v:.1%}"), f"{(hi - lo) * 100:.1f} points"
            out.append(f"| {k} | " + " | ".join(cell(r["runs"][n]["figures"][k]) for n in names) + f" | {width} |")
        every, anyf = r["flags_every_seed"], r["flags_any_seed"]
        out += _para(
            f"Flags on the ordinary and lookalike lines that every seed raised ({len(every)}): "
            + ("; ".join(repr(f) for f in every) or "none") + f". Raised by some seeds only "
            f"({len(set(anyf) - set(every))}): " + ("; ".join(repr(f) for f in anyf if f not in every) or "none")
            + ".")
    return out


def lodo_section(shipped_steps: int) -> list[str]:
    p = HERE / "lodo.json"
    if not p.exists():
        return []
    r = json.loads(p.read_text())
    setup = r.pop("_setup", {})
    out = ["", "## Leave one dataset out (`python training/lodo.py`)", "",
           f"Train without dataset X, test on {setup.get('eval_rows', '?')} rows of X; thresholds from the other",
           f"datasets' validation split. `frozen`: the previous design (MiniLM frozen, head on its vectors);",
           f"`fine-tuned`: the encoder fine-tuned without X for {setup.get('steps', '?')} steps (the shipped model",
           f"has {shipped_steps:,}; short runs so that eleven fit on a laptop), then the same head recipe on the same",
           f"{setup.get('head_rows', '?')} rows. Float32 torch for both. Macro F1 over the labels X annotates",
           "(with ≥ 5 positives in the sample); per-label F1 in `training/lodo.json`. Run on the shipped",
           "model's corpus (gap rounds 1–6) and threshold rule; it compares the two designs, not the shipped",
           "weights (eleven short runs take about 35 minutes on the 2-core machine).", "",
           "| held-out dataset | labels | frozen macro F1 | fine-tuned macro F1 | abusive F1 frozen → fine-tuned |",
           "|---|---|---:|---:|---:|"]
    for x, v in sorted(r.items()):
        labs = [k for k in v["finetuned"] if k != "macro_f1"]
        ab = (f"{v['frozen'].get('abusive', {}).get('f1', float('nan')):.3f} → "
              f"{v['finetuned'].get('abusive', {}).get('f1', float('nan')):.3f}") if "abusive" in v["finetuned"] else ""
        out.append(f"| {x} | {', '.join(labs)} | {v['frozen']['macro_f1']} | {v['finetuned']['macro_f1']} | {ab} |")
    return out


def long_texts_section() -> list[str]:
    p = HERE / "long_texts.json"
    if not p.exists():
        return []
    r = json.loads(p.read_text())
    out = ["", "## Long messages (`python training/long_texts.py`; the text model alone)", "",
           f"A message longer than 64 tokens is read in overlapping windows ({r['windows']:,} windows for the",
           f"{r['long_texts']:,} long texts among the shared datasets' {r['of']:,} validation and test texts); each",
           "content label takes its highest window, a protected group is read in the most hateful window, and",
           "counter-speech and endorsement take the windows' mean. Before, only the first 64 tokens were read",
           "(`windows = false` in a pipeline file still does that). F1 (precision / recall) at the shipped",
           "thresholds; the window width was chosen on the validation rows, the test rows are as they came.", "",
           "| split | label | texts | positives | first 64 tokens | whole text in windows |", "|---|---|---:|---:|---:|---:|"]
    for x in r["rows"]:
        t, w = x["truncated"], x["windows"]
        out.append(f"| {x['split']} | {x['label']} | {x['texts']} | {x['positives']} | {t['f1']:.2f} "
                   f"({t['precision']:.2f} / {t['recall']:.2f}) | {w['f1']:.2f} ({w['precision']:.2f} / {w['recall']:.2f}) |")
    pf = r.get("pipeline")
    if pf:
        out += ["", f"Whole pipeline on the same long texts: of {pf['abusive']:,} the datasets call abusive it flags "
                f"{pf['truncated']['abusive']:,} reading the first 64 tokens and {pf['windows']['abusive']:,} reading them all;",
                f"of {pf['clean']:,} they call not abusive, {pf['truncated']['clean']:,} and {pf['windows']['clean']:,}. "
                "About as many of the added flags are on texts the datasets call clean as on abusive ones (mostly",
                "heated argument on Reddit read as derogatory or sexist); long messages are rare in chats, and the",
                "ordinary-chat figures above did not move."]
    return out


def main() -> None:
    meta = json.loads((MODELS / "heads.json").read_text())
    metrics = json.loads((HERE / "metrics.json").read_text())
    per, hate, clean, target = functional()
    counts = metrics["corpus"]
    ft = finetune_meta()
    proto = json.loads((HERE / "protocol.json").read_text())["functional"]
    gap = [100 * (proto["tune"][k] - proto["locked"][k]) for k in ("hateful_caught", "non_hateful_left_alone")]
    ft_steps = int(ft.get("steps", 0))
    shared_rows = sum(c["train"] for src, c in counts.items() if not src.startswith("chatprobe"))
    seen = ft_steps * int(ft.get("batch", 0)) / 2 / max(shared_rows, 1)  # shared draws per shared row
    distinct = 1 - math.exp(-seen)  # drawn with replacement: the share of shared rows drawn at least once
    lines = [
        "# Model card: chatprobe text model " + meta["version"],
        "",
        "Generated by `python training/model_card.py` after `python training/train.py`. Advisory triage for",
        "investigators; a finding is never a decision of misconduct.",
        "",
        "## What it is",
        "- **Encoder**: all-MiniLM-L6-v2 (Apache-2.0, sentence-transformers) **fine-tuned whole on chatprobe's",
        "  labels** by `training/finetune.py` (" + finetune_line(ft) + ").",
        "  It ships as `encoder-finetuned.npz`: the six transformer layers' weights as int8 with one scale per",
        "  output channel, their biases and layer norms, written in memory over the packaged int8 ONNX graph of",
        f"  `{meta['encoder']['package']}` (sha256 `{meta['encoder']['sha256']}`; its embedding tables are",
        "  kept and were frozen in training). It runs on ONNX Runtime; no torch at run time.",
        "  Tokenizer: `minilm-tokenizer.json.gz`, the model's own WordPiece tokenizer (Apache-2.0). Emoji are",
        "  turned into their Unicode names first (the vocabulary has none); 64 tokens per window (a longer",
        "  message is read in overlapping windows: see Long messages); mean pooling.",
        "  chatprobe rewrites the graph in memory (`detect/quantize.py`): attention as one fused",
        "  operator (same numbers) and the 36 linear layers as int8 products with fixed activation scales",
        "  (`encoder-int8.json`, from `training/calibrate.py`: min/max over 3,000 training-split texts run",
        "  through the fine-tuned float graph); fixed scales keep every vector independent of its batch. The",
        "  heads below are trained on these int8 vectors",
        f"  (calibration sha256 `{meta['encoder'].get('calibration_sha256', '?')}`).",
        f"- **Heads**: a small network on the 384-d sentence vector ({meta['training']['network']}; numpy, Adam,",
        f"  {meta['training']['epochs']} epochs, seed {meta['training']['seed']}): 10 categories, 2 response labels and the aux heads",
        "  `discriminatory` (hateful towards a protected group) and `abusive` (any abuse). The seven protected-",
        "  characteristic heads say *which group* a hateful text targets: they train on hateful rows only, and",
        "  the pipeline flags a characteristic from the model only when target, hateful and abusive heads agree.",
        "  Labels a dataset does not annotate are masked, not taken as negative; the project's own examples",
        "  (chat and gap examples) weigh",
        f"  ×{meta['training']['chat_example_weight']}.",
        "- **Thresholds**: per label, the one nearest 0.5 among those within 0.01 F1 of the best on the",
        "  validation split (a plain arg-max jumped between far-apart thresholds from run to run); scores are",
        "  rescaled so 0.5 is the threshold. Raw thresholds: " + ", ".join(f"{k} {v}" for k, v in meta["thresholds"].items()) + ".",
        "- **In the product** the model is one of two detectors; the pipeline (`detect/pipeline.py`) combines it",
        "  with the lexicon (`detect/data/lexicon_en.toml`) and the context rules (negation, reported speech,",
        "  counter-speech, reclaimed use, homonyms). Alone, the model flags a protected characteristic only",
        "  when the message names a group (identity word, slur or emoji) or it scores 0.9, and a threat only",
        "  when someone is there to threaten or it scores 0.9. The protocol below measures that pipeline.",
        "",
        "## Files",
        "| file | sha256 |",
        "|---|---|",
    ]
    for f in sorted(MODELS.iterdir()):
        if f.name != "MODEL_CARD.md":
            lines.append(f"| `{f.name}` | `{sha(f)}` |")
    lines.append(f"| encoder `model.onnx` ({meta['encoder']['package']}) | `{meta['encoder']['sha256']}` |")
    lines += ["", "## Data and attribution",
              "Texts from `../shared/data/train` (not redistributed; mapped to chatprobe labels by",
              "`training/datasets.py`) and chat-style examples written for this project. Official splits are",
              "kept where a dataset has them, else a hash split 80/10/10.", "",
              "| source | attribution | licence | train | val | test |", "|---|---|---|---:|---:|---:|"]
    for src, who, lic in ATTRIBUTION:
        key = "hatemoji" if src == "hatemoji" else src
        c = counts.get(key, {"train": 0, "val": 0, "test": 0})
        lines.append(f"| {src} | {who} | {lic} | {c['train']:,} | {c['val']:,} | {c['test']:,} |")
    lines += ["", "## Validation (the shared datasets' validation splits)",
              "Per-label precision/recall/F1 of the text model alone at its thresholds, of the whole pipeline",
              "(lexicon + model + context rules), and of a TF-IDF (word 1–2 + char 2–5 grams) + logistic",
              "regression baseline trained on the same rows with thresholds chosen the same way. A label counts",
              "only where a dataset annotates it. The pipeline column is the lexicon and rules of this tree:",
              "`train.py` measures it when it trains the heads, and `train.py --shipped` re-measures the",
              "shipped heads after a lexicon or rule change without training anything.", "",
              "Read with care: on these tweet and Reddit sets the fine-tuned model is still below the TF-IDF",
              f"baseline on several labels (the baseline sees the exact words; {ft_steps:,} CPU fine-tuning steps see",
              f"{distinct:.0%} of the shared training rows at least once, and half of each batch is the project's own chat",
              "examples).",
              "The pipeline is lower again on sexual orientation and disability because the lexicon flags every",
              "slur, while these datasets often label slur-bearing posts as normal (\"go to bed f*ggot\" is",
              "`normal` in HateXplain) or as another kind of abuse (ConvAbuse's \"intellectual\"). For",
              "investigators a slur is a finding, so the lexicon keeps them; the protocol below measures",
              "what the product is for.", ""]
    pp = HERE / "metrics-previous.json"
    previous = json.loads(pp.read_text()) if pp.exists() else {}
    v = metrics["validation_shared"]
    lines += table(v["model"], v["pipeline"], v["tfidf_baseline"], previous.get("validation_shared", {}).get("model"))
    lines += ["", "Project chat examples (validation split; the previous model had no gap examples, so its",
              "column is on the older, smaller chat set):", ""]
    v = metrics["validation_chat"]
    lines += table(v["model"], v["pipeline"], v["tfidf_baseline"], previous.get("validation_chat", {}).get("model"))
    lines += ["", "## The project's own functional tests (whole pipeline; `tests/detect/functional_cases.tsv`)", "",
              "Written with the lexicon by the same hands, so an optimistic estimate; never trained on.", "",
              f"Hateful cases caught: **{hate[0]}/{hate[1]} ({hate[0] / hate[1]:.1%})**; non-hateful cases left alone: "
              f"**{clean[0]}/{clean[1]} ({clean[0] / clean[1]:.1%})**; target category right in "
              f"**{target[0]}/{target[1]} ({target[0] / target[1]:.1%})** of caught hateful cases.", "",
              "| functionality | kind | correct |", "|---|---|---:|"]
    for (f, kind), (ok, n) in per.items():
        lines.append(f"| {f} | {kind} | {ok}/{n} ({ok / n:.0%}) |")
    lines += protocol_section() + seed_spread_section() + long_texts_section() + lodo_section(ft_steps)
    lines += ["", "## Limits",
              "- English only. Messages the language gate (`detect/language.py`) places in another language are",
              "  marked \"not assessed\" and get only the English slur list.",
              "- Reproducibility: the same input gives the same scores on the same machine and versions (tested,",
              "  batch-invariant). The int8 products are exact, but CPUs without AVX-512 VNNI take other ONNX",
              "  Runtime kernels (and float steps may round differently), so scores can differ in the last digits",
              "  between machines; record the machine with the analysis run when that matters.",
              "- Public data are tweets and Reddit posts; police-chat examples are few and written by us. Every",
              "  suite here (the template suite, the ordinary lines, the project's functional tests) was written",
              "  by the same team as the training templates: the template suite's `tune` half scores "
              f"{gap[0]:.0f} (hateful)",
              f"  and {gap[1]:.0f} (non-hateful) points above its `locked` half, which measures how much of the gain is the",
              "  templates themselves. After",
              "  an earlier fine-tune the locked ordinary lines' flags were read once (three model",
              "  flags); the round of everyday requests and the 0.9 bar for an unnamed group or threat followed,",
              "  so that set is no longer fully locked. After the one shipped at 598b4e8 the per-functionality totals showed",
              "  harmless emoji falling; the locked cases were not read: fresh probes written for it found",
              "  \"<group> are <praise emoji>\" and plain questions about a group (\"how many Hindus live in",
              "  Leicester?\") read as hate, and round 5 followed, so the locked half's emoji figures are not",
              "  blind either. Before and after this fine-tune (the third shipped) the locked half's",
              "  per-functionality figures were read as well (the protocol prints them). Round 6 (questions and",
              "  facts about a group, hate denied in other frames, hate quoted to condemn it) came from fresh",
              "  probes, not from locked cases; so did the lexicon's veiled-threat and threat-idiom rules, written",
              "  after the locked half's threat-against-a-person figure fell (100% to 75%). One",
              "  locked ordinary line's flag from an intermediate set of heads (a plain remark naming a religion)",
              "  was read; the shipped heads do not flag it. The held-out evaluation is the real test.",
              f"- Fine-tuning ran {ft_steps:,} steps on a 2-core CPU (no GPU was lent): {distinct:.0%} of the shared rows seen at least once",
              f"  (draws with replacement, as many as {seen:.0%} of them).",
              "  On the shared datasets' validation splits the model is still below the TF-IDF baseline on",
              "  several labels; a longer run or a larger encoder that ships its weights was not measured.",
              "- What this fine-tune cost: on the shared validation splits F1 fell for religion (0.66 -> 0.60),",
              "  threat (0.38 -> 0.35) and sexual (0.42 -> 0.38) against the previous shipped model; on the locked",
              "  half, threats against a person fell from 100% to 75% and emoji abuse from 92% to 84%, while",
              "  non-hateful cases left alone rose from 88.6% to 95.8%.",
              "- Weakest functionalities now: hate phrased as a question, counter-speech quoting hate, homonyms",
              "  and threats against a person (see the protocol table). Lexicon rules written from the tune half:",
              "  reports (\"he threatened to …\", \"heard him say …\"), denied humanity (\"… aren't really human\"),",
              "  \"how are <group> allowed to breed?\" and words spelt out with spaces (\"k i l l\").",
              "- Sexual content and violence in the sense of a public moderation set (the issue's bar there has no",
              "  public proxy here). The text model alone finds little of either: with lexicon 2026.12.3 the pipeline",
              "  scored F1 0.71 (sexual) and 0.57 (threat) on the first set of moderation-style lines and 0.52 and 0.39",
              "  on the second, missing sexual content without explicit words (undressing, solicitation, adverts,",
              "  narrative) and violence wished, urged or celebrated rather than threatened to \"you\". Lexicon",
              "  2026.12.4 adds rules for those (`threat.incite`, `threat.wish`, `threat.celebrate`, more of",
              "  `threat.veiled`, `sexual.explicit`), written from the first set's misses and from their hits on the",
              "  shared datasets' texts (each matched phrase and samples read for false ones), then narrowed where 80",
              "  police and everyday lookalike lines showed raids, dogs and photos read as violence or sex; on the",
              "  second set, written before them,",
              "  F1 rose to 0.76 and 0.84 (tables above). The ordinary chats and the template suite did not move.",
              "  The model reads violence against a woman as sexual too (\"throw acid in her face\") and sexual",
              "  requests as threats (\"I want to watch you undress\"); the pipeline's `sort_violence_from_sex`",
              "  rule (`training/violence_sex.py` shows it on and off) lets the model alone give only the stronger",
              "  of the two, and neither beside explicit evidence of the other, unless it scores 0.9. On gap",
              "  round 7's 790 lines, never trained on, it cut false",
              "  sexual labels from 12 to 7 and false threats from 7 to 4 for one threat lost (\"honestly knock her",
              "  teeth out\" is now sexual only); on shared validation it moved 8 decisions, 6 for the better; on",
              "  the second set sexual F1 rose from 0.76 to 0.80. A recipe (\"bash the chicken breast thin\") is",
              "  still read as sexual. The pre-issue model scored 0.64 and 0.67 on the first set where the issue",
              "  measured it at 0.73 and 0.21 on the public set: these",
              "  lines are easier than that set for violence, and rules written by the hand that wrote the lines",
              "  generalise less than these figures say. On real posts annotated by others they change little:",
              "  against the shared datasets' own labels on their test split (`training/pipeline_labels.py`), the",
              "  whole pipeline's threat F1 is 0.33 now (38 true and 66 false before the new rules and the decision",
              "  rule, 36 and 55 after; 128 labelled threats) and sexual F1 0.49 (unchanged); the pre-issue pipeline",
              "  scores 0.37 and 0.44 there, with more true threats (48) and more false ones (86). Two later",
              "  changes, written from the validation split's misses and measured once on test, raise threat F1 to",
              "  0.36 (40 true, 57 false; the gate alone 37 and 56; validation 0.37 -> 0.38), sexual unchanged:",
              "  the language gate no longer",
              "  takes short slangy English (\"Why dont we just 💣 ♿\", \"What the actual fuck?\") for another",
              "  language, and lexicon 2026.12.5 reads \"why don't we …\" and \"can't wait to …\" as suggestion and",
              "  eagerness rather than negation, hanging, beating and stoning wished on a person, and weapons aimed",
              "  at \"anyone\". The gate also lifted the locked half's hate as a question (\"why do <group> stink so",
              "  much?\" had been called another language), 92.7% -> 93.5% hateful caught.",
              "  Lexicon 2026.12.6 stops reading \"anyone who says that\" as the counter-speech question \"who says",
              "  that?\", which had set \"I'll glass anyone who says that again\" aside; no figure above moved.",
              "  Emoji abuse written by others is harder than the template suite's 90% says: on hatemoji's",
              "  validation and test rows (adversarial, written to fool models; `pipeline_labels.py --split val",
              "  test --hate hatemoji`; a row counts as flagged when a category is, not a response label) the",
              "  pipeline flags 232 of 578 hateful rows (40.1%) and leaves 492 of 606 others alone (81.2%),",
              "  accuracy 61.1%; the pre-issue pipeline 50.7% and 69.1%, accuracy 60.1%. (Until 2026-12-05 the",
              "  script also counted a counter-speech or endorsement label as a flag: 42.7% / 78.2% then.)",
              "  Lexicon 2026.12.7 reads a takeaway named after its cuisine as a meal (\"fancy a chinese?\", \"that",
              "  indian was rank, I was sick all night\" had been race: the lexicon read the word as the group, and",
              "  the model then had a group to name), and a person joined to a tool of a trade (👩‍🔬, 👨‍⚖️) as the",
              "  trade, not women or men; a dark skin tone on it still stands for black people, as hatemoji's",
              "  hateful rows use it (\"👩🏿‍🏫 can't teach\"). Hatemoji 60.9% -> 61.1%; nothing else moved but",
              "  shared-validation race F1 (pipeline 0.318 -> 0.317).",
              "  Lexicon 2026.12.8 was written from fresh probes of hate put as a question and of veiled threats",
              "  (`tests/fixtures/question_threat_probes.tsv`, 54 lines written first; 11 wrong, now 1: a model",
              "  flag): more slurs-by-noun in questions (\"aren't they all scammers?\"), \"should <group> be allowed",
              "  near kids?\", the money-and-media and everything-for-free slanders, being trans called a mental",
              "  illness, \"keep talking and see what happens\", \"your kids won't be safe\"; \"watch your back on",
              "  the ice\" is no threat. No figure of the protocol, the shared labels or hatemoji moved: the locked",
              "  half's hate as a question stays at 66.7% and threats against a person at 75.0%, so rules from my",
              "  own probes again do not reach lines I did not write them from.",
              "  Lexicon 2026.12.9: things named after a people name no people (\"a chinese burn\", \"african",
              "  violets\", \"a mexican stand-off\", \"asian hornets\" were race flags from the text model, given",
              "  the group word); no figure moved.",
              "  Lexicon 2026.12.10: \"tranny\" as a gearbox or a Transit van (\"the tranny on my escort went\") is a",
              "  homonym; said of a person it is still a slur. Found by 50 everyday lines that name groups",
              "  (`tests/fixtures/everyday_group_words.txt`, written first: 1 flag, now none); no figure moved.",
              "  Lexicon 2026.12.11: \"came all over\" is sexual of a person or a body, not of a task (\"he came all",
              "  over the interview like a pro\"), found by 40 everyday idioms of violence and sex",
              "  (`tests/fixtures/everyday_idioms.txt`; the one flag left, \"I'll kill you if you eat my yoghurt",
              "  again lol\", is a threat at face value for a reviewer to dismiss); no figure moved.",
              "  Person emoji (2026-12-06). The text model reads what a person emoji shows as hate: hatemoji's",
              "  rows put dark-skinned and female person emoji mostly in abuse, and no ordinary line of the corpus",
              "  had one. 30 fresh lines of members signing their own messages (`tests/fixtures/own_person_emoji.txt`,",
              "  written first, never trained on) found two race flags: \"👩🏿‍🍳 cooking tonight, who's in?\" (hateful",
              "  0.99, flagged by the model alone at 0.94) and \"👩🏾‍🏫 parents evening tonight so leaving at 5\" (the",
              "  tone on a trade named black people to the model's gate); \"🙅‍♀️ not doing nights again\" read",
              "  hateful 0.92 too. Now (lexicon 2026.12.12 and pipeline option `neutral_person_emoji`) a dark-toned",
              "  trade emoji names the trade to the model's gate (the phrase rules still read \"👩🏾‍🎨 are animals\" as",
              "  race), and where the model alone would flag a protected characteristic with no group named, the",
              "  message's hostility is read again with its person emoji neutral (\"👩🏿‍🍳\" as \"🧑‍🍳\"; couples and",
              "  families kept) and the lower reading counts. The 30 lines raise nothing; the protocol, `flags.tsv`",
              "  and the shared labels are unchanged; hatemoji validation 107 -> 105 of 270 hateful caught and",
              "  258 -> 261 of 321 others left alone, test 125 -> 122 of 308 and 234 -> 236 of 285 (accuracy 60.5%",
              "  -> 60.4%; val+test 227 / 578 and 497 / 606, 61.1%; shared-validation pipeline F1 race 0.317 ->",
              "  0.313 and sex 0.520 -> 0.521, re-measured by `train.py --shipped`). The rule written first allowed test accuracy",
              "  to fall to 60.0%: a racism flag on a member's own emoji is a harm worth that much emoji recall.",
              "  Measured the same day and not shipped, each against a rule written before it: reading hostility",
              "  with person emoji neutral on every path (all 30 lines clean, but hatemoji test 103 / 308 and",
              "  246 / 285, accuracy 58.9%); heads retrained with 381 ordinary lines signed with person emoji",
              "  (`git apply training/rejected/gaps-round8-person-emoji.diff`, then `train.py`: one line still",
              "  flagged, hatemoji test 59.9%, the police-chat locked half 57.7% -> 53.8%; heads retrained on the",
              "  same machine without them: 60.2% and 57.7%, so the loss is the round's, not the machine's);",
              "  a person emoji with a dark tone as a group mention (hatemoji test +8 hateful for -2, but three",
              "  of the 30 lines became race flags: \"🤷🏿 no idea mate, ask the sarge\"); a group named only by",
              "  a person emoji counting only when the message is abusive without it (test 59.2%); and an identity",
              "  word before a person noun as a group mention (\"a gay lad\", \"the black guys\", \"that deaf bloke\";",
              "  then `training/rejected/lexicon-person-mentions.diff`, removed when shipped): locked half 93.5% -> 93.7% hateful caught,",
              "  hatemoji validation +3, but hatemoji test unchanged where its rule asked for a rise (re-measured",
              "  under another rule and shipped as lexicon 2026.12.25, below).",
              "  The emoji bias is wider than the 30 lines show. Ordinary lines signed with one emoji a member might",
              "  use of themselves (`training/emoji_signed.py`: the protocol's ordinary lines, three times each, with",
              "  a person of any tone or sex, religious dress, a pride flag, a wheelchair, a national flag or a place",
              "  of worship; every flag false) are flagged 118 times in 1,041 (seed 7) and 83 (seed 8), mostly 🧕🏿,",
              "  🧕🏽, 👳🏾‍♂️, 👴🏾, 🤰🏾, 👵🏿: \"🧕🏿 sounds good\" is religion + sex. The session's start (b66e927) gave 135",
              "  and 102 (the trade emoji). Reading hostility with every group-naming emoji replaced by \"people\"",
              "  (`training/rejected/pipeline-group-emoji-neutral.diff`) cut them to 24 and 20, but hatemoji test fell",
              "  to 93 / 308 hateful caught (87.4% of others left alone, accuracy 57.7%): its rule, written first,",
              "  asked for a cut of 80% on both seeds and accuracy ≥ 58.5%, so it was not shipped (with 🧑 as the",
              "  stand-in: 19 and 17, 56.8%). The fix is in the training data, and two tries on the CPU fell short",
              "  of their rule (flags halved on both seeds, hatemoji test ≥ 60.0%, the protocol within 0.5 point,",
              "  police-chat locked not lower): gap round 8 v2 (`training/rejected/gaps-round8-v2-group-emoji.diff`:",
              "  ordinary lines signed with person, religious, pride, wheelchair and flag emoji, and hostile lines",
              "  about a group named only by its emoji) on the heads alone gave 81 and 54 flags and hatemoji test",
              "  59.5%; with a second fine-tune stage too (`finetune.py --resume` 800 steps, lr 3e-5, 9.5 minutes;",
              "  then `calibrate.py`, `train.py`) 46 and 44 flags and hatemoji test 61.0% (122 / 308, 240 / 285),",
              "  but the locked half fell to 92.5% hateful caught and the police-chat locked half to 50.0%.",
              "  Implicit stereotypes (2026-12-05, after lexicon 2026.12.18). The fresh functional lines",
              "  (`training/fresh_functional.py`; measured here as first written, 110 lines, one since dropped as",
              "  already in the training data) gave the shipped pipeline 16 / 23 hateful caught and 27 / 27 others",
              "  left alone on the locked half",
              "  (dev 29 / 37, 22 / 23): the misses are tropes with no insult word (\"lesbians just need a real",
              "  man\", \"do gay people ever stop whining about rights?\"), whose group the text model names (0.6 -",
              "  0.9) while its hateful reading stays under 0.3. Gap round 9 (`training/rejected/",
              "  gaps-round9-stereotypes.diff`: 1,679 rows of tropes stated and asked about every group, with",
              "  lookalikes of the same shape) on the heads alone: locked half 18 / 23 but 26 / 27, the functional",
              "  locked half 95.0% / 95.3% / 99.5%, police-chat locked 61.5%, hatemoji test 62.7% but others left",
              "  alone 77.9%, shared test sexual F1 0.47, and a new religion flag on an ordinary line about a",
              "  breakfast order. With its lookalikes doubled and plain facts about each group's customs added: 16 /",
              "  23, functional locked half 92.4%, police-chat locked 50.0%, moderation-style sexual F1 0.89. The",
              "  rule written first (the fresh locked half better with nothing flagged, the protocol within 0.5",
              "  point, hatemoji test ≥ 60.0% and ≥ 82.1% left alone, shared test F1s not lower) failed both times;",
              "  a heads-only retrain moves the other figures further than the round moves its own. The second",
              "  version in a second fine-tune stage of the encoder too (`finetune.py --resume` 800 steps, lr 3e-5,",
              "  9.7 minutes, then `calibrate.py` and `train.py`, the rule unchanged): fresh dev half 86.5% / 100%",
              "  but the locked half unmoved (69.6% / 100%), the functional locked half 91.2% / 94.7% / 98.9%,",
              "  police-chat locked 50.0%, 10 lookalike flags; not shipped. Like rounds 7 and 8 before it, a short",
              "  second stage on the CPU learns the round and loses ground elsewhere; a full fine-tune with the",
              "  round in its corpus from the start is the next thing to measure, on a GPU. Measured on the CPU",
              "  too (the whole recipe, `finetune.py` 3,000 steps from MiniLM with round 9 in the corpus, 36.9",
              "  minutes, `calibrate.py`, `train.py`; the rule unchanged): fresh locked 78.3% hateful caught but",
              "  one of 26 others flagged, functional locked 88.9% / 95.5% / 99.5%, 2 ordinary flags in 524 (\"bed",
              "  by 9 tonight, knackered\" as sexual), police-chat locked 53.8%: not shipped. The fresh lines' gain",
              "  came with the template suite's loss, so the round taught its own phrasing more than the class.",
              "  Lexicon 2026.12.13: \"the disabled\", \"the old\", \"the elderly\" and \"the mentally ill\" name a group",
              "  only as a noun (\"the disabled are a drain\"), not before a noun they describe: \"the disabled bay",
              "  outside the nick is always taken by the DI\" and \"the disabled lad in the wheelchair was hit by the",
              "  car, he's ok\" were disability flags (the model read them hateful 0.69 and 0.75, and the words gave it",
              "  a group). \"Out of order\" is a challenge of a person or a remark, not of a toilet or a lift. Found by",
              "  12 police lines written first (`tests/fixtures/the_adjective_lines.txt`); no figure moved.",
              "  Lexicon 2026.12.14: a service, a place or a side named for women or men names no people (\"the",
              "  women's refuge rang, they need a welfare check\" was a sex flag: the model read it hateful 0.84). Found",
              "  by 40 everyday lines of police work written first (`tests/fixtures/police_work_lines.txt`); the other",
              "  flag they found stays: \"the offender sent her naked photos of himself, we've seized the phone\" is",
              "  read as sexual content, because reading \"sent\" as a report also set aside \"she sent naked photos",
              "  to the whole team, what a slag\". No figure moved.",
              "  Lexicon 2026.12.15: a bare \"shut up\" is no insult (\"shut up you legend 😂\" was derogatory; an",
              "  insult after it, or \"shut the fuck up / your mouth / your face\", still is), and \"merry christmas ya",
              "  filthy animals\" is the film line. Found by 50 lines of social banter written first",
              "  (`tests/fixtures/social_banter_lines.txt`); two flags stay for a reviewer (\"he's a savage on the",
              "  pitch\", the text model; \"happy birthday you old git\", the age slur). The protocol, hatemoji and",
              "  the shared sexual and threat labels did not move, but shared-validation pipeline derogatory F1 did",
              "  (0.421 -> 0.419, `train.py --shipped`; on CAD alone 0.384 -> 0.377): \"Shut up you negro\"",
              "  keeps only its race flag, and \"Shut up dirtfaggot\" now raises nothing, because the lexicon does",
              "  not read a slur run onto another word and only the bare \"shut up\" had caught it. Found in review",
              "  (and read since 2026.12.18, below).",
              "  Lexicon 2026.12.16: a body word of one's own body in a message about health is no sexual content",
              "  (\"my boobs are so sore since starting the pill\" was sexual; \"your boobs look sore, let me rub",
              "  them\" still is). Found by 40 family-chat lines written first (`tests/fixtures/family_lines.txt`);",
              "  one flag stays, \"my husband's snoring is going to make me kill him 😂\", a threat at face value. No",
              "  figure moved.",
              "  Lexicon 2026.12.17: \"stab you in the back\" is betrayal, \"animals on the rugby field\" praise, and in",
              "  a message about a match, a numbered round or a game with no weapon or injury in it, \"hammer them\",",
              "  \"hunt you down\", \"take you out\", \"nuke them\" are sport talk (\"I'll kill you after the derby\" is",
              "  still a threat). Found by 40 sport and gaming lines written first",
              "  (`tests/fixtures/sport_banter_lines.txt`: 9 flags, now 3 for a reviewer). A first version read any",
              "  \"round\" as a boxing round and set aside a moderation-style threat of the second set (\"… go round to",
              "  that councillor's house and smash his windows with him inside\"); a round now counts only numbered",
              "  or ordered and the verb needs an object, and that line is a test. No figure moved.",
              "  Lexicon 2026.12.18: a slur of a protected characteristic (5+ letters, never an ambiguous one) run",
              "  onto a real word is read, either side: \"Shut up dirtfaggot\" is a sexual-orientation flag again,",
              "  \"bulldykes\", \"crackwhore\", \"faggotface\", \"woketards\" are found. Never when the token is",
              "  itself a real word (\"whorehouse\", \"retardants\"), when two real words meet across the slur",
              "  (\"touch\" + \"ink\"), when the word after is about the slur (\"slutshaming\", \"lesbophobia\"),",
              "  or inside an @handle; \"kaffir lime\" is the fruit. `training/lexicon_hits.py` lists every such hit",
              "  over the corpus, the held-out lines, the exports and the fixtures: 112 in 134,839 texts, none in an",
              "  ordinary chat line, real export or fixture. The protocol,",
              "  hatemoji and the shared sexual and threat labels did not move; shared-validation pipeline F1 race",
              "  0.313 -> 0.312 and sex 0.521 -> 0.520, one row each where the dataset says neither (\"… while",
              "  being white niggerstories …\", \"… a stupid crackwhore that sold her body …\"). The rule written",
              "  first asked for no F1 lower; I read both rows, judged both flags right and shipped it anyway.",
              "  A second stage weighting the threat loss 3× (`finetune.py --resume … --steps 1000 --lr 3e-5",
              "  --label-weight threat=3`, 13.8 minutes, 2026-12-05) did not raise the text model's threat F1 on",
              "  shared validation (0.352 -> 0.344) and, through the pipeline, gave threat 0.39 / 0.35",
              "  (validation / test) for a locked half of 91.2% hateful caught, 2 ordinary flags in 524 and 10",
              "  lookalike flags; the decision rule written before it asked for test ≥ 0.39 and the locked half ≥",
              "  93.0%, so it was not shipped.",
              "  A linear threat head (`train.py --linear threat`: a logistic regression on the same vectors in",
              "  place of the network's threat output, 2026-12-05) raised the text model's threat F1 on shared",
              "  validation (0.357 -> 0.379, heads retrained on the same machine) and kept the locked half (93.5%",
              "  / 95.8% / 99.1%), the ordinary chats (1 flag in 524) and both moderation-style sets, with 8",
              "  lookalike flags instead of 9; but through the pipeline it found 45 test threats for 67 false",
              "  ones (the same heads without it: 41 and 57), F1 0.38 where the rule written before it asked for",
              "  0.39, so it was not shipped. Heads retrained on another CPU differ a little from the shipped",
              "  ones (the encoder's vectors differ in their last digits; threat threshold 0.53 here, 0.55",
              "  shipped), with the same pipeline figures on the shared labels (threat 0.38 / 0.36).",
              "  Police-chat lines (`training/police_chat.py`, 2026-12-05): the pipeline catches 57.7% of the",
              "  locked half's abusive lines (the pre-issue pipeline the same) and flags no work line. Rules",
              "  written from the dev half's misses (a promotion put down to sleeping with a senior officer, harm",
              "  promised to whoever leaked, the locker-room joke about a gay colleague, pronouns refused, a",
              "  colleague's sex life guessed or her body photographed for the group, foreigners blamed for the",
              "  country's end) raised the dev half from 70.3% to 89.2% and left the locked half at 57.7%, with no",
              "  new flag on the protocol's other sets; the rule written before them asked the locked half to",
              "  rise, so they were not shipped (`git apply training/rejected/lexicon-police-chat.diff`",
              "  restores them to re-measure). Police abuse is implicit and varied: rules written from one half's",
              "  wording do not reach the other's, and the text model was never trained on that register.",
              "  Gap round 7 (`training/gaps.py`, opt-in with",
              "  `CHATPROBE_TRAIN_ROUND7=1`) is written for sexual content and violence. Three 3,000-step fine-tunes with it (2026-12-05:",
              "  seeds 0 and 1, and seed 0 with the labels round 7 does not annotate masked) raised those F1 to",
              "  0.86 / 0.87, 0.78 / 0.82 and 0.68 / 0.76, but every one lowered the locked half's hateful caught",
              "  (90.0%, 88.1%, 88.7%, from 92.7%), and two raised ordinary-chat flags (4 and 2 in 419, from 1), so",
              "  none was shipped: the trade-off held across seeds. Three second stages on top of the shipped",
              "  encoder (`finetune.py --resume`, 600 or 1,000 steps with round 7, 8-20 minutes each) kept the",
              "  locked half (92.4%, 91.2%, 93.0%) and reached 0.73 / 0.75, 0.83 / 0.76 and 0.83 / 0.77, but each",
              "  flagged one locked ordinary line (2 in 419), the best (a third of each batch from the project) lowered",
              "  shared-validation religion F1 from 0.60 to 0.57, and on 105 fresh ordinary lines it flagged \"my wife's",
              "  cooking tonight, thank god\" as sexual; none was shipped. The decision rule, written before the runs,",
              "  asked for sexual ≥ 0.80 and threat ≥ 0.70 here, the tune half ≥ 98.5% / 99.0%, at most 1 ordinary",
              "  flag in 419 and no shared-validation label down by more than 0.02. The moderation-style lines' misses and",
              "  the locked half's per-category miss counts were read while deciding; nothing was trained on them.",
              "- Chance (2026-12-06, `training/seed_spread.py`; the section above has the tables). Heads retrained with",
              "  only their seed changed move the figures by up to 3.8 points on the police-chat locked half (one",
              "  line), 2.9 on the fresh dev half, 0.11 in shared-test sexual F1, and 199 to 278 flags on the",
              "  emoji-signed lines; an encoder fine-tuned with seed 1 (the same recipe and data, 44 minutes on the",
              "  2-core machine, heads seeds 0-2) gives 90.5-91.6% of the template suite's locked non-hateful cases",
              "  left alone against 95.8% and 46.2-53.8% of the police-chat locked half against 57.7%. On the shipped",
              "  encoder the shipped heads are the best of the five seeds on the ordinary chats (1 flag in 524, the",
              "  others 2), the police-chat work lines (all left alone; the others flag one) and the emoji-signed",
              "  lines: the rules were written against their errors, so their figures on those sets flatter the",
              "  recipe. Seeds 1-4 each flag \"they're both Muslim so no bacon rolls for the breakfast meeting\"",
              "  (religion), and the fresh functional lines' round 2 found \"muslims at the mosque handed out food to",
              "  the homeless tonight\" flagged as religion by the shipped model (text model: hateful 0.70, abusive",
              "  0.80).",
              "  The earlier decisions were taken on single runs against rules of 0.5 point; with this spread, a",
              "  single-run difference of a few points on a set of 26 lines is noise.",
              "  Gap round 8 v2 re-measured that way (2026-12-06): its second fine-tune stage",
              "  (`training/rejected/gaps-round8-v2-group-emoji.diff`; `finetune.py --resume` 800 steps, lr 3e-5, about",
              "  10 minutes; `calibrate.py`; heads seeds 0-2) against the 8 runs above, over four stage seeds (12",
              "  runs). The rule, written before stage seeds 2 and 3 ran (seeds 0 and 1 had been measured, so it had to",
              "  hold on the two unseen ones alone too), asked for the emoji-signed flags at most 60% of the baseline's",
              "  mean, hatemoji test accuracy not lower on average, no figure's mean worse than every baseline run, and",
              "  the shipped draw taken from the unseen seeds in a fixed order. The round about halves the emoji-signed",
              "  flags in every stage seed (mean 114 against 224), raises hatemoji test accuracy (62.1% against 60.7%)",
              "  and its others left alone (83.1% against 80.4%, better than every baseline run), and leaves the fresh",
              "  lines alone more often (99.1%); every other figure stays inside the baseline's range but one: the",
              "  second moderation-style set's sexual F1, 0.796 over the 12 runs and 0.790 over the unseen seeds, below",
              "  every baseline run (0.800-0.833), and below it in three of the four stage seeds. Not shipped. Neither",
              "  unseen seed's heads seed 0 would have passed as the shipped draw either: stage seed 2's flags two more",
              "  ordinary lines as sexual (\"he's cracking up over the exam results\", \"she's been in bed all day with",
              "  flu\"), stage seed 3's second-set sexual F1 is 0.763: against the shipped model it finds one more of",
              "  the 40 sexual lines and flags five others as sexual (a sex-education lesson on consent, nude paintings",
              "  at the Tate, a woman climbing a wardrobe, and two threats: a glassing and a fist in the mouth). A",
              "  fifth stage seed, run later by `training/candidate.py` (which does these steps for several seeds and",
              "  puts the shipped model back), keeps that F1 at 0.810 with 102 emoji-signed flags, but its heads flag a",
              "  police work line and two of them the breakfast line above; over the five stage seeds (15 runs) the F1",
              "  is 0.799, about half a line of the 40 below the baseline's lowest run: small, and at the edge of",
              "  chance, but no draw passed. The round in the encoder's corpus from the start was measured next,",
              "  declared measurement only before it ran (one encoder seed cannot meet that standard): `finetune.py`",
              "  with the diff applied (the shipped recipe, 3,000 steps, seed 0, 38.9 minutes), `calibrate.py`, heads",
              "  seeds 0-2 (`training/rejected/gaps-round8-v2-full-recipe-seed0.json`). It cuts the emoji-signed flags",
              "  further (mean 98) and raises hatemoji test accuracy to 62.8% with 84.6% of its others left alone, and",
              "  keeps the second set's sexual F1 (0.806); but the fresh functional locked half falls to 71.5% hateful",
              "  caught and the police-chat dev half to 64.9%, both below every baseline run, and two of its three",
              "  heads seeds flag \"grabbing a fag, back in 5\" (sexual orientation). Where the round is trained moves",
              "  its cost (a second stage: the sexual label; from the start: implicit hate), and the emoji gain holds",
              "  in every run; a GPU run over several encoder seeds, with the round's signed lines fewer or weighted",
              "  down, is the next measure (`--before-round8` gives the first stage's corpus for a second stage). The",
              "  second stage's results: `training/rejected/gaps-round8-v2-second-stage-seed{0,1,2,3,4}.json`, compared",
              "  pooled by `python training/seed_spread.py --compare",
              "  training/rejected/gaps-round8-v2-second-stage-seed*.json --against training/seed_spread.json",
              "  training/seed_spread-encoder-seed1.json`.",
              "- A longer fine-tune (2026-12-06; measured, not shipped). The encoder sees about a third of the shared",
              "  rows in 3,000 steps (12 shared rows a batch, drawn with replacement) and each project row about five",
              "  times. A second stage on the shipped patch with no new data (`python training/candidate.py --seeds 1 2",
              "  --stage \"--steps 2000 --lr 3e-5\"`, 18 minutes of fine-tuning per stage seed; heads seeds 0-2) was",
              "  judged against the 8 baseline runs by a rule written before it ran: at least two of fresh locked,",
              "  police-chat locked, hatemoji test and the shared test sexual and threat F1 better than every baseline",
              "  run, and no figure worse than every one. Better than every baseline run: the template suite's locked",
              "  half hateful caught (94.8%), police-chat dev (71.2%), hatemoji test accuracy (62.8%); fresh locked",
              "  hateful caught 79.0%, level with the best baseline run. Worse than every one: ordinary chats, 2.7",
              "  flags in 524 (2 or 3 in every run: \"she's been in bed all day with flu\" as sexual), and the second",
              "  moderation-style set's sexual F1, 0.790. Not shipped",
              "  (`training/rejected/continuation-2000-steps-seed{1,2}.json`). Both second stages lower that F1",
              "  (round 8 v2's, 800 steps: 0.796; this one, 2,000 steps and no new lines: 0.790), so the cost is the",
              "  second stage's, not the round's lines; the emoji gain is the round's (the continuation's",
              "  emoji-signed flags, 259, are within the baseline's range). The round on the heads alone, then, with",
              "  no second stage (the shipped encoder; heads seeds 0-4 against `seed_spread.json`, lexicon",
              "  2026.12.19; `training/rejected/gaps-round8-v2-heads-only.json`): emoji-signed flags mean 162 against",
              "  239 (131 to 215 by seed), but hatemoji test accuracy 60.0% against 60.4%, and the template suite's",
              "  locked hateful caught, the police-chat dev half and hatemoji test accuracy each below every baseline",
              "  run by a hair (and, against the baseline re-measured with the same lexicon, the second set's sexual",
              "  F1: 0.815 against 0.817-0.841); its rule, written first, asked for at most 143 flags (60% of the",
              "  baseline's mean) and no figure worse, so it was not shipped.",
              "- Rules from the second moderation-style set's misses (2026-12-06; measured, not shipped). A third set",
              "  (`moderation_style.third_set()`, 140 lines) was written first, then rules from the second set's",
              "  listed misses: \"the only good X is one hanging\", violence one would pay or love to watch, \"blood on",
              "  the streets\", a house burnt \"with him in it\", a person's car or legs \"getting\" torched or broken,",
              "  a video of you in the shower asked for, \"pin me to the mattress\", a caress a few more words long. On",
              "  the second set they raised sexual F1 from 0.80 to 0.85 and threat from 0.84 to 0.93 with no new flag",
              "  on the ordinary, lookalike, police work and fixture lines; on the third set they moved nothing (sexual",
              "  0.90, threat 0.71). The rule written before them asked the third set's two F1 to rise by 0.03",
              "  together, so they were not shipped (`git apply",
              "  training/rejected/lexicon-violence-sexual-second-set.diff` restores them). As with the police-chat",
              "  rules, a rule written from one set's wording does not reach another's: the third set's threats are",
              "  missed through other words. One bug found on the way was shipped (lexicon 2026.12.19): a phrase with",
              "  a negation word that does not negate was masked only before a hit, so \"nothing turns me on more",
              "  than …\", listed as not negating, still set its own \"turns me on\" aside; it is masked over the",
              "  rest of the message now. Second set sexual F1 0.80 -> 0.82 (that line); no other protocol figure and no",
              "  shared-validation figure moved (`train.py --shipped` wrote the same metrics.json). `seed_spread.json`",
              "  was re-measured with it and with the third set (every earlier figure the same to the fourth digit but",
              "  that F1, one line higher in each run); `seed_spread-encoder-seed1.json` and the spreads in",
              "  `training/rejected/` (but the heads-only one) were measured with lexicon 2026.12.18, where that F1",
              "  reads one line lower.",
              "- Lexicon 2026.12.20: a short reply that eggs a message on with a laugh, in words or emoji (\"haha go on",
              "  then 🤣\", \"lol do it\", \"go on then mate 😂\") is an endorsement. In the bundled sample Tom Hale's",
              "  \"haha go on then 🤣\" two minutes after Liam Corrigan's threat had been counted as silence since the",
              "  fine-tuned model (the pre-issue text model read it as endorsement, 0.54; the README's worked example",
              "  still showed it). Without a laugh \"go on then\" answers an offer as often (\"go on then, twist my",
              "  arm\" is one of gap round 4's ordinary lines) and is not read. Response labels only; the protocol's",
              "  figures did not move.",
              "- Ordinary talk of illness and bedtime is read as sexual (found 2026-12-06). A heads-only candidate flagged",
              "  \"she's been in bed all day with flu\" as sexual, and a probe of 110 ordinary lines of illness, injury,",
              "  sleep and bedtime written by hand (`tests/fixtures/illness_lines.txt`, never trained on; the test records",
              "  its flags) finds the shipped pipeline flagging 16: 14 as sexual (\"she's in bed with tonsillitis again\",",
              "  \"he wet the bed again last night, poor lad\", \"I've done my back in, lying flat on the bedroom floor\") and",
              "  2 as threats (\"she's got covid again, isolating in her room\"). The text model reads a woman or a child in",
              "  bed, or a body in pain, as sexual; a reviewer will meet these in family and shift chats and should dismiss",
              "  them. 30 sexual remarks that carry a word of illness (`illness_sexual_lines.txt`) are flagged 14 times.",
              "  Four fixes were measured, each against a rule written first, and none shipped: a pipeline guard (the",
              "  model alone needs 0.9 for sexual where a message talks of illness;",
              "  `training/rejected/pipeline-illness-guard.diff`) cleared 7 of the 9 flags among the 50 lines it was",
              "  written from but 0 of 1 and 1 of 6 on two sets written after (they name illness in words it does not list:",
              "  a pulled hamstring, a slipped disc, period cramps); gap round 10 (121 ordinary lines of illness and",
              "  bedtime beside sexual lines that use bed words; `training/rejected/gaps-round10-illness-heads-only.diff`)",
              "  on the heads alone left 8 or 9 of the first 70 lines' 10 flags over heads seeds 0-4 (`python",
              "  training/probe_spread.py tests/fixtures/illness_lines.txt`), and in a second fine-tune stage raised them",
              "  to 16 with ordinary chats at 4 flags in 524 and lookalikes at 11, both worse than every baseline run",
              "  (`training/rejected/gaps-round10-second-stage-seed1*.json`); and in the whole recipe from MiniLM (encoder",
              "  seed 0) left 14, 19 and 13 of the 110 lines flagged over heads seeds 0-2 (shipped 16), where its rule",
              "  asked for at most 8, while it raised police-chat locked to 65.4% and dev to 72.1%, better than every",
              "  baseline run, and lowered the third moderation-style set's threat F1 to 0.648, worse than every one",
              "  (`training/rejected/gaps-round10-full-recipe-seed0*.json`; one encoder seed is one draw). A second draw,",
              "  encoder seed 1, flagged 3, 8 and 3 of the 110 but left police-chat locked at 53.8-57.7%, within the",
              "  baseline runs (so seed 0's gain was the draw), and again lowered the third set's threat F1 (mean 0.666)",
              "  with ordinary chats at 2-3 flags in 524 (`gaps-round10-full-recipe-seed1*.json`).",
              "- Measured on 2026-12-06 and not shipped, each against a rule written before it ran: the text model blended",
              "  with a word + char TF-IDF logistic regression (`training/rejected/blend_tfidf.py`: per head p = (1 - a)",
              "  p_model + a p_tfidf, thresholds chosen again on validation). On validation the blend's mean F1 over the",
              "  heads rose from 0.729 to 0.752 (a = 0.5, chosen there); on the protocol it halved the emoji-signed false",
              "  flags (110 against 199-278 for the baseline runs) and raised the shared test sexual F1 (0.520 against",
              "  0.376-0.490), but lost hateful recall on every hand-written suite (fresh functional locked 71.0% against",
              "  74.2-75.8%, the template suite's locked half 87.7% against 93.5-94.1%, police-chat dev 62.2% against",
              "  70.3%) and shared test threat F1; a = 0.2 did the same, less",
              "  (`training/rejected/blend-tfidf-alpha*.json`). And the heads with the project's own examples weighted 8",
              "  times a shared row instead of 4 (`training/rejected/heads-chat-weight-8.diff`, heads seeds 0-4): fresh",
              "  functional locked 77.4% and police-chat locked 58.5%, better than every baseline run, but ordinary chats",
              "  2.4 flags in 524 against 1-2 (\"she's been in bed all day with flu\" in three seeds of five). And an",
              "  ensemble of five heads networks (seeds averaged in logit space, folded into one network five times as wide:",
              "  `train.train_ensemble`; `python training/seed_spread.py --ensemble 5 --seeds 0 1 2`, three draws of five",
              "  seeds each): every figure within the single seeds' range but ordinary chats (2.3 flags in 524, worse",
              "  than every single seed) and the second moderation-style set; fresh functional locked 77.4%, police-chat",
              "  locked 56.4%, hatemoji 60.5% (`training/rejected/heads-ensemble5.json`). The heads' seed is not what",
              "  limits the model.",
              "- Cautions (2026-12-06). Where a flag from the text model alone looks like one of its known misreadings, the",
              "  flag stands and its reason carries a caution, shown apart from the reasons in the report's exhibit, the",
              "  exhibit schedule (its explanation column), the web finding page and `classify`'s JSON",
              "  (`detect/pipeline.py`, `caution`): sexual content in a message that talks of illness, injury, sleep or",
              "  bedtime (never where a child is mentioned: safeguarding comes first), and a protected group named only by",
              "  an emoji where the lexicon found no hate. Written after the probes above and measured on them (`python training/cautions.py`): the caution",
              "  marks 13 of the 16 false flags on `tests/fixtures/illness_lines.txt` and 180 of the 200 flagged",
              "  emoji-signed ordinary lines (`training/emoji_signed.py`, seeds 7 and 8), and 6 of about 1,660 true flags",
              "  on the hand-written suites (sexual talk about a bed: \"bet Leanne is filthy in bed\", two lines of the third",
              "  moderation-style set, three of `illness_sexual_lines.txt`). Labels and scores do not change, so no figure",
              "  in this card moves: a caution helps a reviewer dismiss a false flag, it does not remove one.",
              "- Lexicon 2026.12.21: an ambiguous slur in the plural that is aimed at nobody (\"why do we pay for cripples",
              "  to sit at home all day\") is still no lexicon hit, but it now names its group for the text model, which",
              "  then needs its ordinary 0.55 on the target, hateful and abusive heads for that group's category rather",
              "  than the 0.9 asked where no group is named (that line read disability 0.98, hateful 0.82, abusive 0.81,",
              "  and nothing was flagged). An identity word still lifts the bar for every category; such a slur for its",
              "  own only (`Lexicon.slur_mentions`), and the words for women used as insults (\"bitches\", \"hoes\") not",
              "  at all. Found on a fresh functional dev miss and judged against a rule written first (`seed_spread.py`,",
              "  shipped heads and seeds 0-4): fresh functional locked +2 of 62 hateful lines and dev +1 of 68 in every",
              "  run (shipped heads: locked 74.2% -> 77.4%, dev 80.9% -> 82.3%); no other protocol figure moved",
              "  (ordinary chats, lookalikes, emoji-signed lines, the illness probe, hatemoji, the shared test labels).",
              "  On the shared validation split 10 rows changed, each read: \"fags\", \"negroes\" and \"nutters\" in hateful",
              "  posts now get their category (chat validation disability F1 0.909 -> 0.923; no other figure moved).",
              "  Three versions were measured and not shipped. Every ambiguous word, singular too, lifting the bar for",
              "  all categories also raised police-chat locked (57.7% -> 61.5%) but flagged one more hatemoji row",
              "  labelled not hateful (\"nah, she aint a bitch\" as sex) and named race by \"a ♿ slope\"",
              "  (`training/rejected/lexicon-ambiguous-singular-mentions.diff`). Plurals lifting the bar for all",
              "  categories flagged \"nutters like him should be sterilised\" as religion too (shared validation",
              "  religion precision 0.90 -> 0.88). Plurals for their own category, \"bitches\" and \"hoes\" included,",
              "  moved no protocol figure but flagged 18 more messages of the scan benchmark's 20,000, all of them",
              "  \"bitches\" or \"hoes\" as sex, many a greeting (\"It's summer bitches.\"), as were \"Friday bitches!! pub",
              "  at 6\" and \"lets go bitches, last night shift done\"; without those words the same fresh functional",
              "  lines are caught and the benchmark chat's findings are as before.",
              "- Lexicon 2026.12.22: a national flag stands for its nationals where the identity list names them (\"🇵🇰",
              "  are rats\", \"I hate 🇮🇳\", \"gonna 🔪 some 🇳🇬 tonight\"; the Saudi flag for arabs, \"death to all 🇸🇦\"). A",
              "  flag was no word at all to the rules (and the encoder's gloss still reads its two letters, \"p k\"), so",
              "  such lines raised nothing while the same with 🧕 or 🏳️‍🌈 did. The flags of the UK, its nations,",
              "  Ireland and the US name no group. Judged against a rule written first (`seed_spread.py`, shipped heads",
              "  and seeds 0-4): hatemoji test +1 row in every run (\"why do 🇲🇽 always have a lisp\", labelled hateful),",
              "  emoji-signed ordinary lines +1 to +3 flags in 2,082 (shipped heads: \"old age is catching up with me,",
              "  knees are gone 🇵🇰\", which the model reads hateful 0.64, as race and age; the flag carries the emoji",
              "  caution), nothing else in the protocol moved. Shared validation: 7 rows change, all flag rows labelled",
              "  race and now race (race F1 0.313 -> 0.335, threat 0.400 -> 0.431); one also gains religion (\"Lets just",
              "  bomb all 🇸🇦\"). Demonyms I had added with their flags (\"saudis\" and five more) were taken out again:",
              "  they named race in two validation posts that speak of Saudi Arabia, not of its people. Measured after",
              "  it and not shipped: an emoji-only message with a cross or a no-entry sign beside a group's emoji",
              "  (\"🚫♿\", \"❌👨🏾❌\") read as refusing the group rather than as a challenge of a remark, which sets the",
              "  text model aside; three hatemoji validation misses turn right, but its rule asked for the hatemoji test",
              "  split to move and that split has no such row (`training/rejected/lexicon-refusing-emoji.diff`).",
              "- Lexicon 2026.12.23: letters written as emoji inside a word are letters (\"f🅰️ggots\", \"🅱️E🅰️NERS\",",
              "  \"le💲bo\", \"nℹ️glet\"), a keycap is its digit or mark (\"c0️⃣ck\", \"m*️⃣rder\": then leetspeak and censor",
              "  marks are read as before), and a squared word is letters inside a word only (\"🆖R\"; alone, \"not 🆗\" is",
              "  a reaction, not the challenge \"not ok\": a first version that read it so lost a true flag on shared",
              "  validation and was changed before shipping). The emoji had split the word, so the slur was no word to",
              "  the rules; the encoder's gloss is unchanged. Measured with `seed_spread.py` (shipped heads and seeds 0-4):",
              "  hatemoji test +3 rows in every run (two \"f🅰️g\" lines and \"🅱️E🅰️NERS\"; I had seen that split's",
              "  rows with letter emoji before writing the rule, so this figure is a check, not blind), nothing else",
              "  moved; shared validation: 5 rows change, 4 right (race, sexual orientation and disability F1 up) and one",
              "  race label on \"if you say n1️⃣gger💲 you need to be shot\", as the same line in plain letters gets.",
              "  A known flaw, read as a user would afterwards: the text model still reads the emoji's gloss (\"f",
              "  negative squared latin capital letter a ggots\") and takes it for race (0.79); once the lexicon has",
              "  found the slur, that reading comes through, so \"you f🅰️ggots need to chill out\" is flagged sexual",
              "  orientation (the slur) and race (the model alone). Reading such letters as letters in the gloss too",
              "  removed it and moved no protocol figure, but made five of the six shared validation rows it changed",
              "  worse (\"💲💲\" read as \"ss\", keycap spellings read as words: `training/rejected/",
              "  gloss-letters-in-words.diff`), so it was not shipped. `training/embed.py` now keys a cached vector on",
              "  what the encoder reads (a text with emoji on its gloss), which that measurement needed.",
              "- Pipeline (2026-12-06): a slur the lexicon finds names its own group only, for the text model alone. An",
              "  active slur had lifted the model-only bar (0.9 where no group is named, else 0.55) for every category,",
              "  so the model's other readings came through beside it: \"you f🅰️ggots need to chill out\" as race, and on",
              "  shared validation about a hundred posts such as \"Niggas talk more than bitches these days\" as sex,",
              "  \"every kike needs to be baptised\" as race. Identity words and the phrase rules that name a group still",
              "  lift it for every category, and a threat's \"names a group\" is unchanged. Judged against a rule",
              "  written first (`seed_spread.py`, shipped heads and seeds 0-2, then `train.py --shipped`): the template",
              "  suite's locked target right 99.1% -> 98.9% (one case) in every run, nothing else in the protocol moved;",
              "  on shared validation nearly every changed row lost a false cross-category label, and three true ones",
              "  went (race, religion and sex recall one row each: \"hide your 🥓 from those ragheads!\" keeps race and",
              "  loses religion, as the lexicon files \"raghead\" under race).",
              "  Measured after it and not shipped: where the hateful head reads below 0.5, abuse aimed at a group the",
              "  message names (target and abusive heads both at 0.7 or more) standing in for it (\"Islam is a death",
              "  cult and its followers are savages\": hateful 0.37, religion 0.94, abusive 0.77). Shipped heads: hatemoji",
              "  test +1 row, fresh functional dev +1 line; but its rule allowed no added false flag, and the emoji-signed",
              "  lines gained 1 to 2 in every run (\"miss you 😢 🕍\" as religion;",
              "  `training/rejected/pipeline-abusive-at-named-group.diff`).",
              "- Lexicon 2026.12.24: racial slurs the list lacked (\"shitskin\", \"pajeet\", \"groid\", \"spear chucker\",",
              "  \"sand monkey\", \"curry muncher\", \"dindu\", \"jiggaboo\", \"dago\"). \"wop\" was taken out before any",
              "  measured run: in the shared data it is a rapper's name, doo-wop and \"wop sided\" far more often than",
              "  a slur. Measured with `seed_spread.py` (shipped heads and seeds 0-2): no protocol figure and no flag",
              "  moved in any run. On the shared validation and test splits 14 rows change, each gaining race: 2 are",
              "  labelled race and 12 are labelled not hateful at all (HateXplain \"normal\" rows such as \"everytime",
              "  groid prez obeezy opened his mouth ...\" and \"i am the reaction to the shitskin invasion\", four \"he dindu",
              "  nuffin\" lines), so race precision by the labels falls 0.326 -> 0.323 on validation and 0.326 -> 0.321 on",
              "  test. Its rule, written first, allowed one row of precision; I read every changed row, each uses the slur",
              "  or its meme of people, and shipped it against the rule as written: the labels, not the flags, are wrong",
              "  there. Measured with it and not shipped: violence wished on or urged against a person in more words",
              "  (\"needs to be choked\", \"should have lit her up\", \"take her ... and waterboard her\"), written from the",
              "  shared validation split's missed threats (4 rows there); its rule asked the test split's threat F1 to rise",
              "  and no test row moved (`training/rejected/lexicon-threat-person-edos.diff`).",
              "- Lexicon 2026.12.25: an identity word before a person noun names the group for the text model (\"the",
              "  black guys\", \"a muslim woman\", \"what do you call a black guy\"; before, only the list's own names such",
              "  as \"black men\" did, so \"All these black guys round here are genuinely 👹\" needed the 0.9 of a message",
              "  that names no group); one person the chat knows, a singular noun after \"the\", \"that\", \"my\" and",
              "  the like (\"the pakistani lad at the corner shop\", \"my gay mate\", and the list's own singulars: \"the",
              "  black lad\"), names no group, as \"the disabled lad in the wheelchair\" has not since 2026.12.13. \"a",
              "  muslim woman\" names a religion, as the list's \"black women\" names a race. Measured first without the",
              "  one-person reading (it was rejected once before, above, on a rule that asked for a hatemoji test rise):",
              "  its rule passed, but a fixture test found \"the disabled lad in the wheelchair was hit by the car\" a",
              "  disability flag again, and 30 ordinary lines naming a person by their group, written before any run",
              "  (`tests/fixtures/people_named_by_group_lines.txt`), kept 3 false flags. With it, against 2026.12.24",
              "  (`seed_spread.py` shipped heads and seeds 0-2, `train.py --shipped`, rule written first): the",
              "  template suite's locked half +1 hateful case in every run, emoji-signed lines -1 to -2 flags in every run,",
              "  no other protocol figure or flag moved; shared validation pipeline F1 race 0.338 -> 0.378, sexual",
              "  orientation 0.175 -> 0.186, sex 0.522 -> 0.522, religion 0.500 -> 0.497 (the rule allowed 0.005); racist",
              "  jokes about \"a black man\" caught (SBIC), false sex labels beside \"a muslim woman\" gone, race added",
              "  where a post names \"a white guy\" in passing (about ten EDOS and CAD rows). The probe keeps 2 of its 3",
              "  false flags: \"a black woman handed in a wallet at the front counter, honest as they come\" (race; the",
              "  model reads it hateful 0.83) and \"the black lad at the garage sorted my tyre, top bloke\" (then race and",
              "  sex: \"bloke\" names men, and an identity word let the model's reading of every group through).",
              "- Lexicon and pipeline 2026.12.26: an identity word names its own group only for the text model alone, as a",
              "  slur has since c198c0f; only a phrase rule that found hate against a group lifts the model-only bar for",
              "  every category. \"lgbt\" and \"lgbtq\" name gender identity as well as sexual orientation. Measured first",
              "  without the second change: no protocol figure or flag moved, shared validation race 0.378 -> 0.387,",
              "  religion and sex up, but gender identity 0.311 -> 0.293, one row of 22 (\"only LGBTs like pornstar",
              "  martinis🤮\" lost gender identity), where its rule allowed 0.005, so not shipped. With \"lgbt\" naming",
              "  both, against 2026.12.25 and a rule written first (`seed_spread.py` shipped heads and seeds 0-2,",
              "  `train.py --shipped`): no protocol figure or flag moved in any run; shared validation pipeline F1 race",
              "  0.378 -> 0.387, religion 0.497 -> 0.500, sex 0.522 -> 0.525, gender identity 0.311 -> 0.326, sexual",
              "  orientation 0.186 -> 0.184 (allowed 0.005), disability unchanged. About a hundred validation rows lose",
              "  a cross-category label, nearly all false (\"The Koran says that men are superior to women.\" as religion,",
              "  \"White women were perfectly happy to commit perjury ...\" as sex: the labels say sex, and \"white",
              "  women\" names a race; a handful of true labels like that go). \"the black lad at the garage sorted my",
              "  tyre, top bloke\" is now sex only, \"🧕🏿 sounds good\" religion only, and \"👴🏾👵🏾 50th anniversary",
              "  party tonight 🥂\" age only.",
              "- Lexicon 2026.12.27: alternatives of \"group\" phrase rules that named no {GROUP} found no category and had",
              "  never fired since the first lexicon (\"trans women are just men\", \"go back to your own country\", \"women",
              "  can't drive\"); each now has its own category, and a test fails on any such alternative. Measured",
              "  (`seed_spread.py` shipped heads and seeds 0-2, run by run, against 2026.12.26): fresh functional dev +1",
              "  hateful line in every run, nothing else; shared validation sexual orientation F1 0.184 -> 0.195, sex",
              "  0.525 -> 0.524 (\"👨🏿 👩🏿  cant be trusted\" gains sex: the emoji woman reads \"women cant be trusted\").",
              "- Lexicon 2026.12.28: well-known tropes in general forms, from the fresh functional dev half's errors",
              "  (\"the jews run all the banks\", \"islam is a death cult\", \"do gay people ever stop whining\", \"there's",
              "  no such thing as a trans kid\", \"being bi is just a phase\", \"lesbians just need a real man\"). Its rule",
              "  asked a locked hateful figure to rise: fresh functional locked 77.4% -> 79.0% in the shipped heads and",
              "  heads seeds 0 and 1; seed 2's heads had caught that line already (79.0% before and after); no false",
              "  flag and no shared validation row moved. Not shipped: a group named by a women's noun (\"black women\")",
              "  naming women too (`training/rejected/lexicon-women-of-a-group.diff`): in words only, shared validation",
              "  sex F1 0.5243 -> 0.5222 (its rule asked a rise); reading the woman emoji too raised it to 0.5281 but put",
              "  sex back beside ordinary emoji-signed lines 2026.12.26 had cleared.",
              "- Lexicon 2026.12.29: a group called any insult of the lexicon, with up to two words on either side of",
              "  \"are\" (\"young people today are lazy entitled scum\", \"gay people round here are all fucking idiots\";",
              "  before, only a closed list of dehumanising words counted). Its rule asked a locked hateful figure to",
              "  rise and no false-flag figure to: in the shipped heads and heads seeds 0-2 the template suite's locked",
              "  half rose from 93.7% to 96.8% hateful caught (seed 2: 94.3% -> 97.4%) and the fresh functional locked",
              "  half from 79.0% to 80.7%, with no false flag, emoji, moderation or shared validation figure moved.",
              "  \"is\" is left out: \"this girl is retarded\" insults one person, and the first version read it as sex.",
              "- Lexicon 2026.12.30: a word of a group's name misspelt by one letter (an inner letter dropped or added,",
              "  two neighbours swapped, a \"1\" for an \"l\" as in \"mus1ims\", the first letter kept; never a real",
              "  word, never another substitution, so \"hindi\"",
              "  is not \"hindu\" nor \"india\" \"indian\"), and the chat shorthand \"ppl\", name the group for the",
              "  rules and mentions, and the text model reads the message with the name spelt right (it read",
              "  \"Black peope make this force better\" as hateful 0.75). \"muslms are all terrorists\" and \"i hate",
              "  blakc people\" raised nothing before. Its rule (written first) asked no false-flag or hateful figure",
              "  to move the wrong way in any run and a generic misspelt-name variant of the template suite",
              "  (`misspelt_groups.py`) to rise: its locked half rose from 32-34% to 92.5-93.0% hateful caught in the",
              "  shipped heads and heads seeds 0-2, non-hateful left alone 99.6-100% -> 100%, and no other protocol",
              "  figure or flag moved; shared validation religion F1 0.500 -> 0.510 (\"someone who is a mulsim ...\").",
              "  Read on all 131k corpus texts: the respellings are right but for a few that name no group where they",
              "  stand (\"Yung Jeezy\", \"Bron\"); \"poles\" and \"turks\" are not respelt (\"proles\", \"truks\").",
              "- Lexicon 2026.12.31: a quoted line the words around it judge by a noun (\"'women can't drive' is such",
              "  a tired joke\", \"... is a lazy stereotype\", \"... is a myth\") is quoted to be challenged; after a",
              "  denial (\"isn't a stereotype, it's a fact\") it is not. Measured (shipped heads and seeds 0-2): the",
              "  fresh functional lines' non-hateful left alone rose from 97.0% to 98.0% in every run, and nothing",
              "  else moved, no shared validation row either. That line is the dev line it was written from, so the",
              "  measurement shows nothing beyond it.",
              "- Lexicon 2026.12.32: \"call outs\" (a response team's jobs) is no counter-speech: \"hopefully no more",
              "  call outs to the black lads at the garage, muslims are all terrorists anyway\" was set aside as",
              "  counter-speech (\"no more ... call\" read as \"don't call them that\"). No measured set holds",
              "  \"call outs\", and nothing moved in any run, either way; the evidence is that line and its test.",
              "  Not shipped: fixed-label phrase rules naming their own category only",
              "  (`training/rejected/pipeline-fixed-label-own-category.diff`): no protocol figure moved, and shared",
              "  validation sexual orientation F1 fell 0.195 -> 0.184 on one ToxiGen row.",
              "- Lexicon 2026.12.33: a group put down as a whole in everyday forms the rules did not read and the text",
              "  model's hateful head scored low (\"muslims are too stupid to vote\", \"immigrants are the reason this",
              "  country is broken\", \"refugees bring nothing but crime\", \"never met a gay man worth trusting\",",
              "  \"how are trans people even allowed to teach kids?\"; rule `hate.generalised`, never of \"some\" of",
              "  them). Written from lines probed on 2026-12-06, which count for nothing; its rule asked a locked",
              "  hateful figure to rise and none to fall, and no false-flag figure or flag to move: the fresh functional",
              "  locked half rose from 80.7% to 82.3% (one line of 62) in the shipped heads and heads seeds 0-3 (seed 4:",
              "  82.3% -> 83.9%), and nothing else moved, no shared validation row either (the rule fires on 45 of",
              "  the 131k corpus texts, nearly all hateful, where the model had flagged them already). Cautions: 195",
              "  of 247 false flags and 6 of 1,698 true flags (one true flag more).",
              "  Not shipped: a message whose quoted hate the lexicon set aside as challenged counted as",
              "  counter-speech (`training/rejected/pipeline-challenged-quote-counter-speech.diff`): 37 shared",
              "  validation rows gained counter_speech, none gold and few challenges; its F1 fell from 0.611 to 0.560.",
              "- Lexicon 2026.12.34: a group's name spelt out with spaces is read as the name (\"i hate g a y s\" raised",
              "  nothing: spaced letters counted as a word only when it was an English or lexicon word); the text model",
              "  reads it joined (it read \"i hate g a y s\" as hate of race, 0.92); a quoted line is checked as the rules",
              "  read it, spaced letters joined (\"'M u s l i m s should be shot'? that's a vile thing to say\" was a",
              "  flag); and \"i don't respect <group>\" is hatred expressed. Measured on a new figure written before the",
              "  run, the template suite with one word of the group's name spaced out (`misspelt_groups.spaced_cases`):",
              "  its locked half's hateful cases caught rose from 55.2-56.5% to 78.7-80.8% and non-hateful left alone",
              "  from 93.9-94.6% to 99.0-99.7% in the shipped heads and heads seeds 0-2 (seeds 3-4 after: 79.8% and",
              "  81.0% caught); the fresh functional locked half rose from 82.3% to 83.9% in each (seed 4: 83.9% ->",
              "  85.5%); nothing else moved, and one shared validation row changed, rightly (\"keep b o o m e r s away",
              "  from normal p e o p l e\" is an age flag now). Cautions: 195 of 247 false flags and 6 of 1,699 true",
              "  flags. A first version without the quote check and the model's joined reading flagged 5 more",
              "  non-hateful spaced lines and was not shipped.",
              "- Lexicon 2026.12.35: a group's name run onto a word beside it is read apart (\"ihatewomen\", \"I",
              "  hatemuslims\", \"Gaypeople are cockroaches\" raised nothing): a token of 6+ letters that is no word is",
              "  read as two pieces when each is a common chat word or a word of a group's name and together they hold a",
              "  name on the identity list, by the rules, the group mentions, the quote check and the text model alike,",
              "  after misspellings are respelt; a @handle is left alone. Measured on a new figure written before the",
              "  run, the template suite with one space next to or inside the group's name left out",
              "  (`misspelt_groups.joined_cases`): its locked half's hateful cases caught rose from 53.0-58.1% to",
              "  86.2-87.3% and non-hateful left alone from 98.0-98.3% to 99.7-100% in the shipped heads and heads seeds",
              "  0-2; hatemoji test accuracy +0.17 points in each; nothing else moved. A first version flagged 16",
              "  counter-speech lines quoting joined hate (the quote check compared the joined quote with the rules'",
              "  reading) and read \"Imigrants\" as \"I migrants\" for the text model, and was not shipped. Wrong",
              "  readings seen on the 151k corpus texts: rules already too broad once the words are apart (\"meet...women",
              "  holy shit no\", \"#GunWoman\"); \"Jewson\" (a builders' merchant) had read \"Jews on\" and is now an allowed word. The same",
              "  version reads a group named and then hated in a later clause, \"every X I have ever worked with has",
              "  been a liar\", \"X are never any use\", \"better off without X\" and \"being gay is disgusting\"; the",
              "  counter-speech check no longer reads \"never any use\" as \"never use (that word)\". Its one rise, on",
              "  the spaced template locked half (+0.8-1.0 points in each run), is 7 cases of one template, \"{p} are",
              "  never any good at anything\", whose words the rule holds: weak evidence. And the police's ethnicity",
              "  codes keep their digit in folding (\"IC3\" had been read as \"ice\", so the identity words ic3s,",
              "  ic4s and ic6s never matched). Not shipped: police-register rules from lines written on 2026-12-07",
              "  and the police-chat dev half (`training/rejected/lexicon-police-register.diff`; dev 70.3% -> 94.6%,",
              "  locked 57.7% unchanged in every run, as the 2026-12-05 candidate), and a second round of functional",
              "  forms (`training/rejected/lexicon-functional-forms-second-round.diff`), whose only rise came from two",
              "  locked templates its source line repeats word for word (\"deserve a bullet each\"): memory, not",
              "  evidence.",
              "- Lexicon 2026.12.36 (precision): a rule's emoji words count only where the message wrote the emoji.",
              "  `dehumanise.emoji` had read the words \"disgusting\", \"shit\", \"trash\" and the animal names within",
              "  six words of any group's name as it reads 🤮 💩 🗑 🐷 (\"the abuse gay people get online is",
              "  disgusting\" was a sexual-orientation flag: 5 of 12 ordinary lines written on 2026-12-07); the plain",
              "  words that are hate are read as predicates and attributes (\"immigrants are shit\", \"filthy",
              "  immigrants\", \"muslim trash\", \"moslem scum\"). `threat.group` no longer reads a violent verb after a",
              "  third party doing it (\"isis militants slaughter christians\", \"police shoot black men at three times",
              "  the rate\") or a weapon's name as a verb (\"#GunWoman\") unless it is the emoji or stands before",
              "  all/the/every. `sexual.violence` no longer reads \"rape\" naming a piece of case-work (\"rape kit sent",
              "  to the lab\", \"the rape victim at the hospital\") as a joke or threat, nor `sexual.explicit` a",
              "  \"sexting case\" (4 of 20 police case-work lines written the same day). Measured run by run (shipped",
              "  heads and heads seeds 0-4; seeds 3 and 4 first ran after all three changes were written): emoji-signed",
              "  ordinary flags down 1-2 in each, shared test threat F1 +0.003 and sexual F1 +0.0014 in each, nothing",
              "  else moved, no flag; cautions 195 of 245 false flags (247 before); shared validation race F1 0.390 ->",
              "  0.397, threat 0.431 -> 0.434. On the 151k corpus texts, of a random 60 that lost their only group",
              "  hit, 44 were false readings and 9 right ones (\"these shit Muslims\"); threat.group's 19 removed",
              "  hits were 16 reports or claims and 2 wishes or praise for a third party's violence; the case-work",
              "  change removed 18 hits, 14 of them false. Not shipped: the emoji change without the plain-word forms",
              "  (62% of the removed readings false, below the two thirds its rule asked); cutting",
              "  `sexual.violence`'s three-word reach for \"the\"/\"a\" altogether (59-63% false: the corpus's rape jokes",
              "  are read that way beside its reports); and a wish for rape read in its own words",
              "  (`training/rejected/lexicon-rape-wishes.diff`: shared test sexual F1 -0.0015 in every run).",
              "- Lexicon 2026.12.37 (precision first, then threats). `threat.person` had read \"your\", \"his\", \"their\"",
              "  and \"her\" before any noun as the person threatened: \"I'll end his career\", \"I'll cut your hair on",
              "  saturday\", \"I'll hang your coat up\", \"she'll kill your vibe\" and \"I'll shoot you a text later\" were",
              "  threats of violence (15 of 15 such ordinary lines written on 2026-12-07). After those words it now needs",
              "  a body part, a relative, a pet, a home or a car ({HARMED}); \"her\" is read unless an everyday thing of",
              "  hers follows. `sexual.harassment` no longer reads \"your arse\" in its idioms (\"get your arse in gear\",",
              "  \"talking out of his arse\"). `threat.wish` reads a death wish on one person (\"he deserves to die for",
              "  that\"), Scots and northern \"needs battered\", \"wants shooting\", offenders named bare (\"nonces should",
              "  hang\") and \"hope the grass gets cancer\". A slur-like word followed by a thing it names (\"that trash bag\",",
              "  \"those psycho thrillers\", \"the old fossil fuel debate\", \"a proper nutter of a night shift\") or read in",
              "  its food sense (\"these jam tarts are lovely\", \"a load of veg in the fridge\") is no slur (18 of 22",
              "  ordinary lines written the same day had been flagged). Measured run by run (shipped heads and heads seeds",
              "  0-2, each change against the one before; seeds 3 and 4 first ran after all were written): shared test",
              "  threat F1 +0.009 in every run (the possessives), moderation third set threat F1 +0.04 in every run",
              "  (0.710 -> 0.750 with the shipped heads: the wishes; that set was written before any run on it), the",
              "  things-named change moved nothing, no flag appeared or went; shared validation threat F1 0.434 ->",
              "  0.437; cautions 195 of 245 false flags, 6 of 1,701 true. On the 131k corpus texts: of 32 that lost",
              "  every `threat.person` hit, 24 were false readings and 2 right ones (\"slit your throat-neck\"); of 15",
              "  that lost every slur hit, 11 were false (\"trash bags\", song titles) and 1-2 right; `threat.wish` gained",
              "  13, 10 right and 2-3 reports. Not shipped: a third try at police-register forms and pictures of a",
              "  woman's body taken or shared (`training/rejected/lexicon-police-forms-images.diff`: police-chat dev",
              "  70.3% -> 86.5%, locked unchanged in every run, the rule asked it to rise).",
              "- Lexicon 2026.12.38-42 (2026-12-07: words in their working sense). Orders to use force were threats by the text",
              "  model alone (\"if he resists, ground him and cuff him\" 1.00, \"drag him out if he won't unlock the door\" 0.97). A",
              "  message that speaks of force a police officer uses, with its reason (a weapon, resisting, \"if he kicks off\", \"till",
              "  the van gets there\"), and says nothing beyond the job, has the threat set aside in its working sense",
              "  (`lexicon.police_force`); `threat.custody` reads force beyond it (\"cuff him and give him a few digs in the van where",
              "  there's no camera\", \"get him in the cell and we'll teach him some manners\", \"tasering him in the face\"). \"raghead\"",
              "  and \"towelhead\" are religious slurs as well as racial ones. `[ordinary_sense]` lists phrases the model misreads as",
              "  one label: a fall on one's backside (sexual: \"she landed on her backside in the mud\" 0.97), racing or finding",
              "  something for someone (\"I'll beat you to it\" 0.94), knocking on a door, killing the vibe, deserving a rest or a pay",
              "  rise, \"nobody deserves to be beaten\" (1.00 over its negated context) and \"I'll get you back for the coffee\"",
              "  (threats). There the label's hits are set aside with a new status, `ordinary`, and the model alone flags no such",
              "  label; unlike `homonym` it raises no bar for the message's other labels (with `homonym`, \"You beat me to it -",
              "  unlike too many feminists …\" lost its sex label on the corpus). Measured run by run (shipped heads and heads seeds",
              "  0-2, each change against the one before; seeds 3 and 4 first ran after all were written): the police change took",
              "  two lookalike flags away in every run (lines seen before; not counted as evidence), the slurs raised functional",
              "  locked target right 98.9% -> 99.4% in every run, the sayings moved nothing; no flag appeared. The evidence is the",
              "  probe lines written before each change, and a second set written before it and held back from writing it: police",
              "  use of force 21 -> 30 of 31 and, held back, 14 -> 22 of 23 (one line lost: \"drag her out by the hair if she won't",
              "  come\"; 2026.12.42 reads force on the hair, throat or neck and a chokehold as beyond the job, nothing moved, a",
              "  second held-back set 4 -> 5 of 6); idioms 30 -> 33 of 36 and, held back, 4 -> 10 of 10; sayings 14 -> 19 of 19",
              "  and, held back, 8 -> 9 of 10.",
              "  On the 131k corpus texts no threat label changed by the police rules; the sayings removed 3 threat labels, all false",
              "  (\"Dump her. She deserves better\"). `train.py --shipped`: shared validation religion F1 0.510 -> 0.506 (rows",
              "  whose dataset calls \"raghead\" race only), nothing else moved; cautions 195 of 243 false flags, 6 of 1,701",
              "  true. Not shipped: a member's signature emoji read as the writer rather than the",
              "  subject (`training/rejected/pipeline-signature-emoji.diff`: emoji-signed ordinary flags -80% in every run, but",
              "  hatemoji test accuracy -1.3 to -1.9 points where its rule allowed 0.5), and violence in emoji at one member of a group",
              "  (`training/rejected/lexicon-emoji-violence-one-member.diff`: hatemoji test +1 row, shared test threat F1 -0.0016 in",
              "  every run where its rule allowed no fall).",
              '- Lexicon 2026.12.43-47 and the case step (2026-12-07, later). Each change was measured run by run against the one',
              '  before (`seed_spread.py`, shipped heads and heads seeds 0-2) by a rule written first, with probe lines written before',
              '  it and a second set written before it and held back from writing it (`tests/fixtures/probes/2026-12-07-*.txt`, counted',
              '  by `python training/probe_labels.py`). Replies: the plain British rebukes are',
              '  challenges ("not appropriate", "(that\'s) a bit much", "steady on Gary", "you\'ll get us all sacked"; not "a bit',
              '  much for a sandwich") and "(Gary) you legend" approval (2026.12.43; held back 6 -> 13 of 18; a first version read',
              '  "should get you fired" and "do not appropriate words" as challenges on the corpus and was narrowed before its run).',
              '  Threats: the British punch verbs ("I\'ll deck him", "I\'m going to chin that PC", "I\'ll knock his block off") are',
              '  threats; beating someone at a game ("I\'ll kick your arse at pool": 0.90 by the model alone), a violence word on food',
              '  or drink ("I\'d 👊 a pint") and a team beating another ("we\'re going to smash them on Saturday" was sexual by a rule)',
              '  are not (2026.12.44; a first held-back set 11 -> 12 of 12 where +2 was asked, a second 19 -> 22 of 24; emoji-signed',
              '  ordinary flags -1 in every run). Police handling: "take her arms and walk her to the van if she resists" (0.98),',
              '  "walk her to the cells" (0.92, threat) and "Put her in the back of the car and cuff her to the front" (0.93, sexual)',
              '  were flags by the model alone; `lexicon.police_force` now reads handling and taking someone to a police place, and',
              '  sets aside the model\'s sexual reading beside its threat unless the message says more than the job that way ("I\'ll',
              '  search her myself", a leering emoji; 2026.12.45; held back 5 -> 8 of 9). Intimidating someone who might report',
              '  ("grasses get what\'s coming to them", "anyone who reports this will be looking over their shoulder", "we know where',
              '  the whistleblower lives"; 2026.12.46; a first held-back set 4 -> 4 of 8, failed on a word-boundary bug; a second',
              "  7 -> 9 of 12); and a promise to make someone's life a misery (\"I'll make his life a misery if he reports us\";",
              "  2026.12.47; held back 6 -> 8 of 8). None moved another figure or raised a flag. Not shipped: warnings of what a thing or a habit will",
              '  do ("that\'ll get you killed", "smoking will kill you": 6 of 8 such lines were threats;',
              '  `training/rejected/lexicon-warnings-of-consequences.diff`): its second held-back set turned two threats wrong',
              '  ("grass again and it\'ll get you killed").',
              "  A member's own emoji (`analyse/signature.py`, in a case only): an emoji that names a group and signs at least 5 of",
              "  a sender's messages, two thirds of which raise nothing read again without it, is likely theirs; a flag only it",
              "  raises keeps its flag, with a caution that gives the numbers, and each member's cautioned flags are counted in the",
              "  report, the scan summary and the web. On chats built from the protocol's ordinary lines and the hatemoji test split",
              '  (`training/signature_chat.py`, written before the step ran on it; seeds 9 and 10 decided, 7 and 8 reported) it',
              "  marks 21 of 25 and 17 of 20 of the flags on members' own signed lines, and none of 66 hateful rows posted by others.",
              "  Setting those flags aside instead cut them by 84-95% but lost 10 of 66 hateful rows where the hater's habit is the",
              '  row\'s emoji ("vile roadkill in my street 👳🏾"), and would let a member who calls a colleague by an ethnic emoji',
              '  make it "theirs" (`training/rejected/analyse-own-emoji-set-aside.diff`). Per-message figures cannot move by it.',
              '  Investigation: a bare rebuke by name to the sender of a flagged message ("no Dan", "behave Dan") is a challenge.',
              "  All against `15d7fe6` (2026.12.42; shipped heads and heads seeds 0-4; lexicon 2026.12.47): emoji-signed ordinary flags 198 -> 197",
              "  (-1 in every run), nothing else moved, no flag; `train.py --shipped`: nothing moved; cautions 195 of 242 false",
              "  flags, 6 of 1,701 true.",
              '- Lexicon 2026.12.48 (2026-12-07, session 22): police-chat forms. Each rule was written after a dev probe and a held-back',
              '  probe (`tests/fixtures/probes/2026-12-07-s22-*.txt`, counted by `python training/probe_labels.py`), the held-back one',
              '  run once with the rule frozen: whoever told threatened ("whoever leaked this to the press is going to get hurt";',
              '  threat.veiled; 7 -> 14 of 14), a police identity code or a named group said to be so by nature ("typical IC3", "they',
              '  can\'t help themselves"; race.code, hate.stereotype; 8 -> 11 of 12; "IC3 male, 6ft" stays), pictures from a strip',
              '  search, a cell or of a victim shared with the lads or wanted for her body (sexual.harassment; 6 -> 10 of 10; "send the',
              '  scene photos to the CPS" stays), pronouns refused, "it\'s still got a beard", "he thinks he\'s a woman" (misgender;',
              '  7 -> 12 of 12), a rank put down to sleeping with a boss and "bet she\'s filthy in bed" (6 -> 10 of 11), gay innuendo',
              '  about a colleague (orientation.innuendo: "friend of Dorothy", "don\'t bend over, Dave\'s about"; 6 -> 11 of 12),',
              '  "crying rape" and a group blamed for "this country is finished" (5 -> 8 of 10). None turned a line wrong. Police-chat',
              '  lines written by session 19 for the same themes and not read while these were written (`2026-12-07-s19-*.txt`):',
              '  probeP 15 -> 22 of 24, probeM 19 -> 20 of 26. Corpus: 4 texts change label, all right; a version reading "<group> ...',
              '  a waste of space / a drain on society" read counter-speech wrong on 75 texts and was dropped before its run.',
              '  `seed_spread.py` (shipped heads and seeds 0-2, run by run): police-chat dev 70.3% -> 86.5% in every run, the locked',
              '  half unchanged at 57.7% (it holds none of these forms: the same reason three earlier tries,',
              '  `training/rejected/lexicon-police-*.diff`, were not shipped under a rule that asked the locked half to rise), nothing',
              '  else moved, no flag. Not shipped: N, the NOMINAL lookahead for {GROUP} ("the old radios are a waste of space" is age',
              '  hate; 1 of 5 corpus changes right; `training/rejected/lexicon-nominal-group-names.diff`) and Q, "never gets a',
              '  posting" read as counter-speech (two held-back sets without a gain; `lexicon-counter-quote-posting-noun.diff`).',
              '  Investigation: a reply that opens with a refusal as a clause of its own ("absolutely not. footage stays on the system",',
              '  "don\'t you dare, it\'s evidence") is a challenge (held back 5 -> 9 of 10 replies through a case). All against `8bdb9a1`',
              '  (2026.12.47; shipped heads and heads seeds 0-4; lexicon 2026.12.48 as narrowed): police-chat dev 70.3% -> 86.5%',
              '  (seed 4: 73.0% -> 89.2%), nothing else moved, no flag; `protocol.py`: only the police-chat dev rows; `train.py',
              '  --shipped`: nothing moved; cautions 195 of 242 false flags, 6 of 1,707 true (the 6 dev lines are new true flags).',
              '- Lexicon 2026.12.49 (2026-12-07, session 23): police-chat themes the earlier rules did not touch, each written after',
              '  a scouting set and a dev probe, with a held-back probe written beside the dev one and run once with the rule frozen',
              '  (`tests/fixtures/probes/2026-12-07-s23-*.txt`): a place held only for a quota ("she\'s only on the team to tick a box";',
              '  sex.merit, race.merit), a woman\'s mood put down to her period (sex.period) and people called "coloured" (race.dated,',
              '  British spelling: the American "colored" in the corpus was mostly quoted, discussed or one\'s own) 8 -> 14 of 20;',
              '  violence against a woman excused or played down ("no wonder he hit her, she never shuts up"; sex.violence_excused)',
              '  4 -> 8 of 10; "something to report" promised to someone who reported (threat.veiled) 4 -> 6 of 7; "mongs" a slur',
              '  wherever it stands 3 -> 4 of 4 (its plan entry was written after its held-back run); harm to a person in custody',
              '  hinted ("shame if he tripped on the way into the van", "cuffs on extra tight for that one"; threat.custody_hint)',
              '  4 -> 7 of 10. None turned a line wrong. Lookalikes written after each freeze were read and the rules narrowed where',
              '  they misread them (3 left wrong, in the issue note). Corpus: 14 texts change hits, 5 change label, all right.',
              '  `seed_spread.py` against the shipped run of 2026.12.48 (shipped heads and heads seeds 0-4), run by run: police-chat **locked',
              '  57.7% -> 65.4%** in every run (seed 1: 53.8% -> 61.5%; the first time the locked half moved; one of its two new',
              '  catches carries another category than the one expected: locked category right 93.3% -> 88.2%), dev 86.5% ->',
              '  89.2% (seed 4 unchanged at 89.2%), nothing else moved, no flag. Measured and not pursued: a "disabled',
              '  toilets/bays/badges" ordinary sense (hatemoji-style hate uses those words) and a literal prefilter for the phrase',
              '  rules (about a tenth of classify time). `protocol.py`: only the police-chat rows; `train.py --shipped` and `signature_chat.py`: nothing moved;',
              '  cautions 195 of 242 false flags, 6 of 1,710 true (3 new true flags from the new rules). Not shipped: R, jokes at a',
              '  Muslim colleague (held back 3 -> 4 of 7 where +2 was asked; `training/rejected/lexicon-religion-jokes.diff`), and K,',
              '  a woman put to the tea and the typing (2 -> 3 of 6; `lexicon-tea-and-typing.diff`), and L, someone\'s English held',
              '  against them (2 -> 2 of 6; `lexicon-english-held-against.diff`), and V, domestic-abuse victims scorned (2 -> 4',
              '  of 6, then 3 of 6 once narrowed after its lookalikes; `lexicon-victims-scorned.diff`).',
              '  Investigation: a summons by name that says nothing else but when and where ("Dan, my office at the end of the',
              '  shift") is a challenge (held back 2 -> 6 of 6 replies; earlier reply probes unchanged).',
              '- Lexicon 2026.12.50 (2026-12-07, session 24): seven more police-chat themes no rule read, each from a scouting set',
              '  written this session (`tests/fixtures/probes/2026-12-07-s24-scout*.txt`) and measured on a held-back probe written',
              '  before its rule and run once with the rule frozen (lookalikes written after each freeze; a rule narrowed on them had',
              "  its held-back probe run once more): an identity word as an insult's adjective (\"muslim twat\", \"that jewish prick\",",
              '  "autistic freak"; five `*.named_insult` rules) 6 -> 9 of 9; pornography shared with the group or asked for',
              '  (sexual.porn_shared, not porn as police work) 4 -> 7 of 8; the stock jibes at disabled people ("care in the community',
              '  strikes again", "he needs a helmet"; disability.jibe) 3 -> 7 of 7; a thing called a waste of space is no insult',
              '  ([ordinary_sense] derogatory: "the printer is a waste of space") 3 -> 5 of 6; slurs the lexicon lacked (ching chong,',
              "  ting tong, slant(y) eyes, fuzzy wuzzies, bog trotters, wop) 2 -> 4 of 6; a partner's beating joked about (\"if my",
              "  missus spoke to me like that she'd be in A&E\"; threat.partner_joke) 2 -> 4 of 6; a woman met on duty rated for sex",
              '  ("the victim from the burglary is well fit", "she can cuff me any day"; sexual.rated, sexual.rated_woman) 3 -> 5 of',
              '  6. None turned a held-back line wrong. Two new rule keys: `unless` and `requires`, patterns searched once over the',
              '  message (the first stops a rule, the second is needed for it). Corpus: the identity-adjective rules change 149 texts',
              "  (by the datasets' labels 11 right, 22 wrong, 51 unknown; read one by one, 18 of the 22 are abusive texts HateXplain's",
              '  majority calls normal); the slurs change 78 texts, nearly all "ching chong" (29 right, 34 wrong by the labels; read,',
              '  about 47 of 66 right: the wrong ones are counter-speech, meta talk, Tagalog and Malay uses); the others change 2 texts.',
              '  `seed_spread.py` (shipped heads and heads seeds 0-4) against the shipped run of 2026.12.49, run by run: **every figure',
              "  unchanged** in every run, no flag raised by any seed changed: none of the protocol's sets holds these forms, so the",
              "  held-back probes are the only measure of them. Not shipped: G, an old person's mind or worth scorned (held back 5 -> 6",
              '  of 6, +1; `training/rejected/lexicon-old-scorned.diff`), H, religious dress mocked as a household thing (2 -> 3 of 5;',
              '  `lexicon-religious-dress-mocked.diff`), R, rape and consent made light of (4 -> 4 of 6; its own words read as quoted;',
              '  `lexicon-consent-mocked.diff`). Hostile input: a message repeating a phrase thousands of times took minutes (each',
              "  hit's status reads the text before it); one rule or word now gives at most 25 hits a message (MAX_RULE_HITS), and the",
              "  rules read co-occurrence through `requires` (the seed_spread run came before these two; the corpus's hits are the same",
              "  as sets). `protocol.py`: `protocol.json` and `flags.tsv` byte-identical; `train.py --shipped`: the pipeline's race F1",
              '  0.397 -> 0.399 on the shared validation set and 0.631 -> 0.640 on SBIC dev (the identity-adjective rules), nothing',
              '  else; cautions 195 of 242 false flags, 6 of 1,710 true (unchanged); `signature_chat.py`: identical.',
              '- Lexicon 2026.12.51 (2026-12-07, session 25): fifteen police-chat themes scouted this session',
              '  (`tests/fixtures/probes/2026-12-07-s25-scout*.txt`, some paraphrasing the themes of published police chat cases), each',
              '  with a dev probe and a held-back probe written before its rule, the held-back probe run with the rule frozen',
              '  (lookalikes written after each freeze; where a rule was narrowed on them its held-back probe was run once more). Six',
              "  shipped: a strip search or a woman's body photographed and the dead posed with or laughed at (sexual.captured,",
              '  derogatory.dead_posed, derogatory.dead_shared) 3 -> 6 of 6; people written off "the lot of them" (derogatory.written_off,',
              '  only insults with no protected characteristic, and not where a group is named) 2 -> 5 of 6; migrants by coded names',
              '  ("dinghy divers", "the small boats lot", "only here for the benefits"; race.migrant_coded) 2 -> 4 of 6; mental illness',
              '  mocked ("the loony bin", "the funny farm", "the men in white coats", "not the full shilling"; disability.mind_mocked)',
              '  2 -> 4 of 6; a trans person called "it" or "the he-she", or asked what\'s in its knickers (misgender.body) 1 -> 3 of 4;',
              "  violence an officer says they want, or a weapon kept with someone's name on it (threat.wanted) 2 -> 4 of 6 and, on a",
              '  second held-back set written once I saw the first had a gap written knowing one of its lines, 2 -> 4 of 6 with one',
              '  ordinary line turned wrong ("a round with your name on it at the bar"; "round" taken out). Where I left a word out',
              "  of a rule because I knew it from a held-back line, or kept one I knew, the plan says so. A rule's `unless` and",
              "  `requires` may now name {GROUP}. Corpus (131,121 texts): 9 texts change hits; by the datasets' labels 1 right, 2 wrong,",
              '  2 unknown among those whose pipeline labels change ("He\'ll be in the loony bin by then", OLID not offensive; a man',
              '  with bipolar disorder calling the hospital that would have held him "the nuthouse"); the rest already flagged.',
              '  `seed_spread.py` against the shipped run of 2026.12.50, run by run: police-chat dev 89.2% -> 94.6% in every run (a dev',
              '  line I had read: not evidence), every other figure unchanged, flags by every and by any seed identical: the held-back',
              '  probes are the only measure of these rules. Not shipped (held back +0 or +1; `training/rejected/`): police process used',
              '  to punish a complainant ("lose her statement and she\'ll soon get the message"; lexicon-process-punish), gay innuendo',
              '  with a hint (lexicon-innuendo-hinted), pork pranks on Muslims (lexicon-pork-prank), a person said to smell of curry',
              '  (lexicon-food-smell), falls in custody joked about (lexicon-custody-joke), drugging a woman for sex (lexicon-drugged),',
              "  a slap to keep a partner in line (lexicon-partner-discipline), a woman colleague sent to make the tea",
              "  (lexicon-tea-sent), a person called stupid by an old idiom (lexicon-dim-idioms): in each the held-back lines said",
              "  it in other words. Left as it was: a lexicon hit keeps the text model's other labels (\"scrotes the lot of them\"",
              "  is derogatory and, by the model, sexual).",
              '  `protocol.py`: only the police-chat dev rows move ("Send us the pics from the strip search lol" caught; "Old dears',
              '  should have their licences taken off them at 70, waste of space the lot of them" caught as derogatory, not the age',
              '  expected: dev category right 100% -> 97.1%). `train.py --shipped`: disability precision 0.0821 -> 0.0815 on the shared',
              '  validation set (one more false flag), nothing else; cautions 195 of 242 false flags, 6 of 1,712 true (two more true',
              '  flags, the dev lines); `signature_chat.py`: identical.',
              '- Lexicon 2026.12.52 (2026-12-07, session 25, a third round): the old formulas of extermination, "the only good paedo',
              '  is a dead paedo", "the only good one is a dead one" (threat.only_good_dead) and "Hitler had the right idea"',
              '  (hate.hitler), not said of a thing or a pest nor named as a slogan or in a lecture: held back 1 -> 3 of 4, none wrong',
              '  (I left out "Adolf", knowing a held-back line); corpus: 9 hateful texts gain threat or religion (HateXplain\'s "the only',
              '  good muzzie is a dead muzzie"), right by reading. Not shipped: a person said to have come out of the jungle (held back',
              '  1 -> 2 of 4; `lexicon-jungle.diff`). `seed_spread.py` against the 2026.12.51 run, run by run: every figure unchanged,',
              '  flags identical; `protocol.json`, `flags.tsv`, `metrics.json`, cautions and `signature_chat.py` unchanged.',
              "- The lexicon needs maintenance: new slurs and spellings appear; add them to `lexicon_en.toml`.",
              "- Sarcasm, context across messages and images are out of scope for the text model (issue 4 adds",
              "  conversation context; issue 6 media).", ""]
    (MODELS / "MODEL_CARD.md").write_text("\n".join(lines))
    print(f"wrote {MODELS / 'MODEL_CARD.md'}")


if __name__ == "__main__":
    main()
