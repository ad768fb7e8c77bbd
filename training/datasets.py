"""Load the labelled public datasets in ../shared/data/train and map them to chatprobe's labels.

Each row becomes an ``Example(text, labels, source, split)``. ``labels`` maps a label to 1 or 0 only where
the dataset says so; a label it does not annotate is left out and the training masks it (a tweet marked
"hate" with no target says nothing about which protected characteristic). Official splits are kept where a
dataset has them; the others are split 80/10/10 by a hash of the text, so the split is reproducible and a
text never lands in two splits. The mapping follows ../shared/README.md.
"""

from __future__ import annotations

import ast
import csv
import hashlib
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

csv.field_size_limit(sys.maxsize)

PROTECTED = ("race", "religion", "sex", "sexual_orientation", "gender_identity", "disability", "age")
CATEGORIES = PROTECTED + ("derogatory", "threat", "sexual")
RESPONSES = ("counter_speech", "endorsement")
AUX = ("discriminatory", "abusive")  # heads used inside the pipeline, not output labels
HEADS = CATEGORIES + RESPONSES + AUX
PROJECT_SOURCES = ("chatprobe-chat", "chatprobe-gaps")  # written for this project (chat_examples.py, gaps.py)


@dataclass
class Example:
    text: str
    labels: dict[str, int]
    source: str
    split: str  # train | val | test
    meta: dict[str, str] = field(default_factory=dict)


def first_of_each_text(examples: list[Example]) -> list[Example]:
    """The examples in order, each text once (the first keeps its labels)."""
    seen: set[str] = set()
    return [e for e in examples if not (e.text in seen or seen.add(e.text))]  # type: ignore[func-returns-value]


def hash_split(text: str) -> str:
    h = int(hashlib.sha256(text.strip().lower().encode()).hexdigest()[:8], 16) % 10
    return "val" if h == 0 else "test" if h == 1 else "train"


def none(*, responses: bool = True) -> dict[str, int]:
    """Every label 0: a text annotated as harmless."""
    labels = dict.fromkeys(CATEGORIES + AUX, 0)
    if responses:
        labels.update(dict.fromkeys(RESPONSES, 0))
    return labels


def hateful(cats: list[str], *, known_target: bool = True, threat: int | None = None) -> dict[str, int]:
    labels = {"abusive": 1, "discriminatory": 1, "counter_speech": 0, "endorsement": 0}
    if known_target:
        labels.update({c: int(c in cats) for c in PROTECTED})
    if threat is not None:
        labels["threat"] = threat
    return labels


def _rows(path: Path, delimiter: str = ",") -> Iterator[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as f:
        yield from csv.DictReader(f, delimiter=delimiter)


def davidson(root: Path) -> Iterator[Example]:
    for r in _rows(root / "davidson2017/labeled_data.csv"):
        c = r["class"]
        labels = none() if c == "2" else {"abusive": 1, "endorsement": 0, "counter_speech": 0}
        if c == "0":
            labels["discriminatory"] = 1
        yield Example(r["tweet"], labels, "davidson2017", hash_split(r["tweet"]))


def hatexplain(root: Path) -> Iterator[Example]:
    div = json.loads((root / "hatexplain/post_id_divisions.json").read_text())
    where = {pid: ("val" if s == "val" else s) for s, ids in div.items() for pid in ids}
    for r in _rows(root / "hatexplain/092-HateXplain.csv"):
        labels = none() if r["label"] == "0" else {"abusive": 1, "endorsement": 0, "counter_speech": 0}
        yield Example(r["text"], labels, "hatexplain", where.get(r[""], hash_split(r["text"])))


def edos(root: Path) -> Iterator[Example]:
    for r in _rows(root / "edos/edos_labelled_aggregated.csv"):
        split = {"dev": "val"}.get(r["split"], r["split"])
        if r["label_sexist"] == "sexist":
            labels = hateful(["sex"], known_target=False)
            labels["sex"] = 1
            labels["threat"] = int(r["label_category"].startswith("1."))
            if r["label_vector"].startswith("2.3"):
                labels["sexual"] = 1
        else:
            labels = {"sex": 0, "endorsement": 0}
        yield Example(r["text"], labels, "edos", split)


def online_misogyny(root: Path) -> Iterator[Example]:
    for r in _rows(root / "online-misogyny/final_labels.csv"):
        if not r["body"].strip() or r["body"] in ("[deleted]", "[removed]"):
            continue
        split = {"dev": "val", "valid": "val"}.get(r["split"], r["split"]) or hash_split(r["body"])
        l2, l3 = r["level_2"], r["level_3"]
        if r["level_1"] == "Misogynistic":
            labels = hateful(["sex"], known_target=False)
            labels["sex"] = 1
            labels["threat"] = int(l3.startswith(("Threatening_Physical", "Threatening_Sexual")))
            if l3 == "Threatening_Sexual_violence":
                labels["sexual"] = 1
        elif l2 == "Counter_speech":
            labels = {"sex": 0, "counter_speech": 1, "abusive": 0, "discriminatory": 0, "endorsement": 0}
        elif l2 == "Nonmisogynistic_personal_attack":
            labels = {"sex": 0, "derogatory": 1, "abusive": 1, "counter_speech": 0, "endorsement": 0}
        else:
            labels = {"sex": 0, "derogatory": 0, "threat": 0, "abusive": 0, "discriminatory": 0,
                      "counter_speech": 0}
        yield Example(r["body"], labels, "online-misogyny", split if split in ("train", "val", "test") else "train")


HATEMOJI_TARGETS = {
    "race": ("bla", "blawom", "blaman", "african", "asi", "arab", "immig", "ref", "trav", "hisp", "mix.race",
             "ethmin", "nat.", "jew", "for", "indig", "east.eur", "eur", "wh"),
    "religion": ("mus", "muswom", "jew", "rel", "sikh", "hin", "chr"),
    "sex": ("wom", "blawom", "muswom", "gaywom", "men", "asi.wom"),
    "sexual_orientation": ("gay", "gayman", "gaywom", "lgbtqa", "bis", "lgbt"),
    "gender_identity": ("trans", "lgbtqa", "non.binary", "gendermin"),
    "disability": ("dis",),
    "age": ("old", "age", "young"),
}


def _cats_from_codes(codes: list[str], table: dict[str, tuple[str, ...]]) -> list[str]:
    return [cat for cat, prefixes in table.items() if any(c == p or c.startswith(p) for c in codes for p in prefixes)]


def hatemoji(root: Path) -> Iterator[Example]:
    for name, split in (("train", "train"), ("validation", "val"), ("test", "test")):
        for r in _rows(root / f"hatemoji-build/{name}.csv"):
            if r["label_gold"] == "1":
                codes = [c.strip() for c in ast.literal_eval(r["target"]) if c.strip() != "none"]
                cats = _cats_from_codes(codes, HATEMOJI_TARGETS)
                labels = hateful(cats, known_target=bool(cats), threat=int(r["type"] == "threateninglanguage"))
                labels["sexual"] = 0
            else:
                labels = none()
            yield Example(r["text"], labels, "hatemoji", split)


CONVABUSE_TYPES = {"racist": "race", "sexist": "sex", "sex_harassment": "sexual", "homophobic": "sexual_orientation",
                   "transphobic": "gender_identity", "ableist": "disability", "intellectual": "derogatory"}


def convabuse(root: Path) -> Iterator[Example]:
    for name, split in (("train", "train"), ("valid", "val"), ("test", "test")):
        for r in _rows(root / f"convabuse/2_splits/ConvAbuseEMNLP{name}.csv"):
            votes: list[int] = []
            types: dict[str, int] = {}
            indiv = 0
            for k in range(1, 9):
                for v in (1, 0, -1, -2, -3):
                    if r.get(f"Annotator{k}_is_abuse.{v}") == "1":
                        votes.append(v)
                        for t in CONVABUSE_TYPES:
                            types[t] = types.get(t, 0) + int(r.get(f"Annotator{k}_{t}") == "1")
                        indiv += int(r.get(f"Annotator{k}_target.individual") == "1")
            if not votes or not r["user"].strip():
                continue
            abusive = sum(v < 0 for v in votes) > len(votes) / 2
            if not abusive:
                labels = none()
            else:
                half = len(votes) / 2
                labels = {"abusive": 1, "counter_speech": 0, "endorsement": 0}
                for t, cat in CONVABUSE_TYPES.items():
                    labels[cat] = int(types.get(t, 0) >= half)
                if indiv >= half:
                    labels["derogatory"] = 1
                labels["discriminatory"] = int(any(labels.get(c) for c in PROTECTED))
            yield Example(r["user"], labels, "convabuse", split)


def gbv(root: Path) -> Iterator[Example]:
    for r in _rows(root / "gbv-counterspeech/gbv_cs.tsv", "\t"):
        form = r["gbv_form_majority"]
        lab = hateful(["sex"], threat=int("Threat" in form or "Support of Hate Crimes" in form))
        yield Example(r["gbv_text"], lab, "gbv-counterspeech", hash_split(r["gbv_text"]))
        cs = none()
        cs["counter_speech"] = 1
        yield Example(r["counterspeech"], cs, "gbv-counterspeech", hash_split(r["gbv_text"]))


TOXIGEN = {"asian": ["race"], "black": ["race"], "chinese": ["race"], "jewish": ["race", "religion"],
           "latino": ["race"], "mexican": ["race"], "middle_east": ["race"], "muslim": ["religion"],
           "native_american": ["race"], "immigrant": ["race"], "lgbtq": ["sexual_orientation"],
           "bisexual": ["sexual_orientation"], "trans": ["gender_identity"], "women": ["sex"],
           "physical_disability": ["disability"], "mental_disability": ["disability"]}


def toxigen(root: Path) -> Iterator[Example]:
    for r in _rows(root / "toxigen-seeds/toxigen_prompt_sentences_dedup.csv"):
        if r["prompt_label"] == "hate":
            labels = hateful(TOXIGEN.get(r["target_group"], []), known_target=r["target_group"] in TOXIGEN)
        else:
            labels = none()
        yield Example(r["text"], labels, "toxigen-seeds", hash_split(r["text"]))


def cad(root: Path) -> Iterator[Example]:
    for name, split in (("train", "train"), ("dev", "val"), ("test", "test")):
        for r in _rows(root / f"cad/cad_v1_1_{name}.tsv", "\t"):
            text = r["text"].replace("[linebreak]", "\n").strip()
            if not text or text in ("[deleted]", "[removed]"):
                continue
            tags = set(r["labels"].split(","))
            if tags == {"Neutral"}:
                labels = none()
            else:
                labels = {"endorsement": 0, "counter_speech": int("CounterSpeech" in tags)}
                abuse = tags & {"IdentityDirectedAbuse", "AffiliationDirectedAbuse", "PersonDirectedAbuse"}
                labels["abusive"] = int(bool(abuse))
                if "IdentityDirectedAbuse" in tags:
                    labels["discriminatory"] = 1
                if "PersonDirectedAbuse" in tags:
                    labels["derogatory"] = 1
                if not abuse:
                    labels.update(dict.fromkeys(CATEGORIES + ("discriminatory",), 0))
            yield Example(text, labels, "cad", split)


def olid(root: Path) -> Iterator[Example]:
    for r in _rows(root / "olid/olid-training-v1.0.tsv", "\t"):
        a, b, c = r["subtask_a"], r["subtask_b"], r["subtask_c"]
        if a == "NOT":
            labels = none()
        elif b == "UNT":  # profanity without a target
            labels = {"derogatory": 0, "discriminatory": 0, "endorsement": 0, "counter_speech": 0}
        else:
            labels = {"abusive": 1, "endorsement": 0, "counter_speech": 0}
            if c == "IND":
                labels["derogatory"] = 1
        yield Example(r["tweet"], labels, "olid", hash_split(r["tweet"]))


def sbic(root: Path) -> Iterator[Example]:
    for r in _rows(root / "sbic-dev/SBIC.v2.agg.dev.csv"):
        text = r["post"].strip()
        if not text:
            continue
        off = float(r["offensiveYN"] or 0) >= 0.5
        sex = float(r["sexYN"] or 0) >= 0.5
        cats = json.loads(r["targetCategory"] or "[]")
        minority = " ".join(json.loads(r["targetMinority"] or "[]")).lower()
        if not off:
            labels = none()
            labels["sexual"] = int(sex)
        else:
            found: list[str] = []
            if "race" in cats:
                found.append("race")
            if "culture" in cats:
                found.append("religion" if any(w in minority for w in ("muslim", "jew", "christian", "islam",
                                                                        "relig", "sikh", "hindu")) else "race")
            if "gender" in cats:
                if "trans" in minority:
                    found.append("gender_identity")
                if any(w in minority for w in ("gay", "lesbian", "homosex", "bisex", "lgb", "queer")):
                    found.append("sexual_orientation")
                if any(w in minority for w in ("women", "woman", "female", "girl", "men", "feminist")):
                    found.append("sex")
            if "disabled" in cats:
                found.append("disability")
            labels = {"abusive": 1, "sexual": int(sex), "endorsement": 0, "counter_speech": 0}
            if found:
                labels.update(hateful(found))
            elif cats in ([], ["victim"], ["social"], ["body"]):
                labels["discriminatory"] = 0 if not cats or cats == ["social"] else labels.get("discriminatory", 0)
        yield Example(text, labels, "sbic-dev", hash_split(text))


LOADERS = {"davidson2017": davidson, "hatexplain": hatexplain, "edos": edos, "online-misogyny": online_misogyny,
           "hatemoji-build": hatemoji, "convabuse": convabuse, "gbv-counterspeech": gbv, "toxigen-seeds": toxigen,
           "cad": cad, "olid": olid, "sbic-dev": sbic}


def load_shared(root: Path) -> list[Example]:
    out: list[Example] = []
    for loader in LOADERS.values():
        out.extend(loader(root))
    return out


if __name__ == "__main__":
    import collections
    root = Path(__file__).resolve().parents[1].parent / "shared/data/train"
    ex = load_shared(root)
    print(len(ex), collections.Counter((e.source, e.split) for e in ex))
    for h in HEADS:
        print(h, collections.Counter(e.labels.get(h, -1) for e in ex))
