"""The shipped pipeline on material it was not tuned on (training/protocol.py, issue 10).

The template suite's *locked* half, the *locked* ordinary chat lines and the moderation-style lines were
written before the final model was trained and are never trained on (the model card's Limits say what of
them was read and when); the floors below sit a little under the figures in the model card, so a regression
fails here. The cases named in the issue are checked one by one.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "training"))

import functional_suite  # noqa: E402
import misspelt_groups  # noqa: E402
import moderation_style  # noqa: E402
import probe_spread  # noqa: E402
import protocol  # noqa: E402
from ordinary_chat import LOCKED  # noqa: E402


def test_the_suite_is_the_one_the_model_card_reports():
    recorded = json.loads((ROOT / "training" / "protocol.json").read_text())["functional"]["fingerprint"]
    assert functional_suite.fingerprint()[:16] == recorded, \
        "training/functional_suite.py changed: it is frozen (see its docstring); re-run training/protocol.py"
    cases = functional_suite.cases()
    by_half = {h: {c.functionality for c in cases if c.half == h} for h in ("tune", "locked")}
    assert by_half["tune"] == by_half["locked"] and len(by_half["locked"]) == len(functional_suite.T)


def test_locked_half_of_the_template_suite(pipeline):
    r = protocol.functional(pipeline)["locked"]
    print(json.dumps(r, indent=1))
    assert r["hateful_caught"] >= HATEFUL_FLOOR, r
    assert r["non_hateful_left_alone"] >= BENIGN_FLOOR, r
    assert r["target_right"] >= 0.95, r


# the template suite with the group's name rewritten (``misspelt_groups``), each variant written before the lexicon read
# it: misspelt by one letter (32% of the locked half's hateful cases caught before lexicon 2026.12.30, 92.5% after);
# with one space next to or inside the name left out (53.0% before lexicon 2026.12.35, 86.2% after, and non-hateful
# left alone 98.3% -> 100%)
@pytest.mark.parametrize("variant, count, floor", [("cases", 1780, 0.88), ("joined_cases", 1869, 0.83)])
def test_locked_half_with_the_group_rewritten(pipeline, variant, count, floor):
    cases = getattr(misspelt_groups, variant)()
    assert len(cases) == count and all(c.text not in SUITE_TEXTS for c in cases)
    r = protocol.functional(pipeline, cases)["locked"]
    assert r["hateful_caught"] >= floor, r
    assert r["non_hateful_left_alone"] >= BENIGN_FLOOR, r


def test_locked_ordinary_chat_lines_raise_almost_no_flags(pipeline):
    flags = [(t, d.labels) for t, d in zip(LOCKED, pipeline.classify(LOCKED), strict=True) if protocol.flagged(d)]
    assert len(flags) <= ORDINARY_MAX_FLAGS, flags


@pytest.mark.parametrize("text", ["I love women.", "Gooooood morning😘❤️", "Parking's full, I'm round the back",
                                  "Where's my muffin?", "hopefully tomorrow it will be nicer",
                                  "Are you finished with work?"])
def test_the_false_flags_named_in_the_issue_are_gone(pipeline, text):
    assert not protocol.flagged(pipeline.classify([text])[0])


@pytest.mark.parametrize("text,label", [("Gay people are absolutely despicable.", "sexual_orientation"),
                                        ("I want to end every gay person's life.", "sexual_orientation"),
                                        ("If she reports us I'll make her life hell", "threat"),
                                        ("Mental cases should be put down, not sectioned", "disability"),
                                        ("It's a bloke in a dress, I'm not calling it she", "gender_identity")])
def test_the_misses_named_in_the_issue_are_caught(pipeline, text, label):
    assert label in pipeline.classify([text])[0].labels


def test_lookalike_lines_raise_no_more_flags_than_recorded(pipeline):
    r = protocol.lookalikes(pipeline)
    assert r["flags"] <= LOOKALIKE_MAX_FLAGS, [f["text"] for f in r["flagged"]]


@pytest.mark.parametrize("which", ["first", "second", "third"])
def test_sexual_content_and_violence_in_moderation_style(pipeline, which):
    cases = {"first": None, "second": moderation_style.second_set(), "third": moderation_style.third_set()}[which]
    r = protocol.moderation(pipeline, cases)
    print(json.dumps(r, indent=1))
    for label in ("sexual", "threat"):
        assert r[label]["f1"] >= MODERATION_F1_FLOOR[which][label], r[label]


def test_police_chat_lines(pipeline):
    r = protocol.police(pipeline)
    print(json.dumps({h: r[h] for h in ("dev", "locked")}, indent=1))
    for half, floor in POLICE_CHAT_FLOOR.items():
        assert r[half]["abusive_caught"] >= floor["abusive_caught"], r[half]
        assert r[half]["work_left_alone"] >= floor["work_left_alone"], r[half]
    assert not [e for e in r["dev_errors"] if not e["expected"]], "a work line was flagged"


def test_fresh_functional_lines(pipeline):
    r = protocol.fresh(pipeline)
    print(json.dumps({h: r[h] for h in ("dev", "locked")}, indent=1))
    for half, floor in FRESH_FUNCTIONAL_FLOOR.items():
        assert r[half]["hateful_caught"] >= floor["hateful_caught"], r[half]
        assert r[half]["non_hateful_left_alone"] >= floor["non_hateful_left_alone"], r[half]


@pytest.mark.parametrize("module", ["police_chat", "fresh_functional"])
def test_evaluation_lines_are_split_by_their_text_and_never_trained_on(module):
    import importlib

    import build
    from chat_examples import examples as chat_examples
    from datasets import load_shared
    from gaps import examples as gap_examples

    mod = importlib.import_module(module)
    lines = mod.lines()
    assert {line.half for line in lines} == {"dev", "locked"}
    assert all(line.half == mod._half(line.text) for line in lines)
    assert len({line.text for line in lines}) == len(lines)
    if not build.SHARED.is_dir():
        pytest.skip("../shared is absent: the training corpus cannot be built")
    # in no source of the corpus (so not in the corpus either; build.corpus() would drop them anyway: it keeps
    # every judged line out)
    sources = load_shared(build.SHARED) + chat_examples() + gap_examples()
    held = {line.text.strip().lower() for line in lines}
    assert not [e.text for e in sources if e.text.strip().lower() in held]
    assert held <= {t.strip().lower() for _, t in build.judged()}


@pytest.mark.parametrize("name", ["lexicon-police-chat.diff",
                                  "gaps-round8-person-emoji.diff", "gaps-round8-v2-group-emoji.diff",
                                  "pipeline-group-emoji-neutral.diff", "gaps-round9-stereotypes.diff",
                                  "lexicon-violence-sexual-second-set.diff", "heads-chat-weight-8.diff",
                                  "pipeline-illness-guard.diff", "gaps-round10-illness-heads-only.diff",
                                  "lexicon-ambiguous-singular-mentions.diff", "lexicon-refusing-emoji.diff",
                                  "pipeline-abusive-at-named-group.diff", "gloss-letters-in-words.diff",
                                  "lexicon-threat-person-edos.diff", "lexicon-women-of-a-group.diff",
                                  "pipeline-fixed-label-own-category.diff",
                                  "pipeline-challenged-quote-counter-speech.diff", "lexicon-veiled-threat-words.diff",
                                  "lexicon-police-register.diff", "lexicon-functional-forms-second-round.diff",
                                  "lexicon-rape-wishes.diff", "lexicon-police-forms-images.diff",
                                  "pipeline-signature-emoji.diff", "lexicon-emoji-violence-one-member.diff",
                                  "analyse-own-emoji-set-aside.diff", "lexicon-warnings-of-consequences.diff",
                                  "lexicon-nominal-group-names.diff", "lexicon-counter-quote-posting-noun.diff",
                                  "lexicon-religion-jokes.diff", "lexicon-tea-and-typing.diff",
                                  "lexicon-english-held-against.diff", "lexicon-victims-scorned.diff",
                                  "lexicon-old-scorned.diff", "lexicon-religious-dress-mocked.diff",
                                  "lexicon-consent-mocked.diff", "lexicon-process-punish.diff",
                                  "lexicon-innuendo-hinted.diff", "lexicon-pork-prank.diff", "lexicon-food-smell.diff",
                                  "lexicon-custody-joke.diff", "lexicon-drugged.diff",
                                  "lexicon-partner-discipline.diff", "lexicon-tea-sent.diff",
                                  "lexicon-dim-idioms.diff", "lexicon-jungle.diff"])
def test_the_rejected_changes_still_apply_for_re_measuring(name):
    import shutil
    import subprocess

    if not (ROOT / ".git").exists() or not shutil.which("git"):
        pytest.skip("not a git checkout")
    diff = ROOT / "training" / "rejected" / name
    r = subprocess.run(["git", "apply", "--check", str(diff)], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, f"rebase {diff.name} on the current lexicon (the model card quotes it): {r.stderr}"


def _fixture_lines(name: str) -> list[str]:
    """The lines of a probe file in tests/fixtures, without its # comments (as training/probe_spread.py reads them)."""
    return probe_spread.probe_lines(ROOT / "tests" / "fixtures" / name)


def _probes() -> list:
    rows = [line.split("\t") for line in _fixture_lines("question_threat_probes.tsv")]
    known = {"why do gay couples still face abuse in the street?"}  # the text model reads it as hate (model card)
    return [pytest.param(t, y == "1", c, marks=pytest.mark.xfail(strict=True, reason="known model false flag"))
            if t in known else pytest.param(t, y == "1", c) for y, c, t in rows]


@pytest.mark.parametrize("text,hateful,category", _probes())
def test_question_and_threat_probes(pipeline, text, hateful, category):
    found = protocol.flagged(pipeline.classify([text])[0])
    assert (category in found) if hateful else not found, found


# probe files of ordinary lines, each written before the change its header names: (file, lines, the flags it still
# raises, each left for a reviewer)
PROBE_FILES = [
    ("everyday_group_words.txt", 50, []),
    ("everyday_idioms.txt", 40, [("I'll kill you if you eat my yoghurt again lol", ["threat"])]),
    ("own_person_emoji.txt", 30, []),
    ("police_work_lines.txt", 40, [("the offender sent her naked photos of himself, we've seized the phone",
                                    ["sexual"])]),
    ("social_banter_lines.txt", 50, [("he's a savage on the pitch", ["derogatory"]),
                                     ("happy birthday you old git 🎂", ["age"])]),
    ("family_lines.txt", 40, [("my husband's snoring is going to make me kill him 😂", ["threat"])]),
    ("sport_banter_lines.txt", 40, [("their captain is an absolute snake", ["derogatory"]),
                                    ("their manager should be sacked, clueless", ["derogatory"]),
                                    ("I'd sell my nan for a win at wembley", ["sexual"])]),
    ("own_identity_lines.txt", 50, [("I came out to my nan last night and she just asked if he's a nice lad 😂",
                                     ["sexual"])]),
    ("emoji_beside_groups_lines.txt", 29, [("🧕🏽 teacher of the year award went to Miss Begum 👏", ["religion"]),
                                           ("👴🏾👵🏾 50th anniversary party tonight 🥂", ["age"])]),
    ("people_named_by_group_lines.txt", 30, [
        ("the black lad at the garage sorted my tyre, top bloke", ["sex"]),
        ("a black woman handed in a wallet at the front counter, honest as they come", ["race"])]),
    ("illness_lines.txt", 110, [("she's poorly, tucked up in bed with a hot water bottle", ["sexual"]),
                               ("he wet the bed again last night, poor lad", ["sexual"]),
                               ("she's laid up in bed with a bad back", ["sexual"]),
                               ("he's been laid up with his knee all week, can't even get upstairs", ["sexual"]),
                               ("she's in bed with a stomach bug, I'll bring her laptop in", ["threat"]),
                               ("she threw her back out lifting the sofa, flat on her back in bed", ["sexual"]),
                               ("the toddler's got chickenpox, she's in our bed tonight", ["sexual"]),
                               ("she's shivering under the duvet with a temperature", ["sexual"]),
                               ("she's in bed with tonsillitis again", ["sexual"]),
                               ("she's had her wisdom teeth out, face like a hamster, stuck in bed", ["sexual"]),
                               ("he pulled his hamstring at five a side, laid on the sofa moaning", ["sexual"]),
                               ("she's in bed with a water infection, poor thing", ["sexual"]),
                               ("she's got covid again, isolating in her room", ["threat"]),
                               ("my wife's in bed with a slipped disc, I'm doing everything", ["sexual"]),
                               ("she's got her period and she's in bed with cramps", ["sexual"]),
                               ("I've done my back in, lying flat on the bedroom floor", ["sexual"])]),
]


@pytest.mark.parametrize("name,count,flags", PROBE_FILES)
def test_probe_files_raise_only_the_flags_recorded(pipeline, name, count, flags):
    lines = _fixture_lines(name)
    found = [(t, protocol.flagged(d)) for t, d in zip(lines, pipeline.classify(lines), strict=True)
             if protocol.flagged(d)]
    assert len(lines) == count
    assert found == flags, found


def test_sexual_lines_with_a_word_of_illness_flagged_as_recorded(pipeline):
    """What a guard for illness would have to keep (illness_sexual_lines.txt): 14 of the 30 are flagged now, 10 as
    sexual; a change that moves any of them must say so in the model card."""
    lines = _fixture_lines("illness_sexual_lines.txt")
    found = [(t, protocol.flagged(d)) for t, d in zip(lines, pipeline.classify(lines), strict=True)]
    assert len(lines) == 30
    assert sum(bool(f) for _, f in found) == 14, found
    assert sum("sexual" in f for _, f in found) == 10, found


# abusive lines beside the probes: what made a probe line ordinary must not clear these
@pytest.mark.parametrize("text,label", [
    ("the disabled are a drain on the taxpayer", "disability"), ("the elderly should just hurry up and die", "age"),
    ("the old are useless, take their votes away", "age"), ("the disabled should be kept out of sight", "disability"),
    ("I'm going to stab you in the back of the neck", "threat"),
    ("after the match I'm going to hunt you down and stab you", "threat"),
    ("I'll kill you after the derby", "threat"), ("I'll batter you after the match, you prick", "threat"),
    ("Someone needs to go round to that councillor's house and smash his windows with him inside.", "threat"),
])
def test_abusive_lines_beside_the_probes_keep_their_flag(pipeline, text, label):
    assert label in pipeline.classify([text])[0].labels


def test_probe_files_are_never_trained_on():
    import build

    if not build.SHARED.is_dir():
        pytest.skip("../shared is absent: the training corpus cannot be built")
    names = [name for name, _, _ in PROBE_FILES] + ["the_adjective_lines.txt", "illness_sexual_lines.txt"]
    probes = {t.strip().lower() for name in names for t in _fixture_lines(name)}
    assert not probes & {e.text.strip().lower() for e in build.corpus()}


HATEFUL_FLOOR = 0.87
SUITE_TEXTS = frozenset(c.text for c in functional_suite.cases())
BENIGN_FLOOR = 0.86
ORDINARY_MAX_FLAGS = 2
LOOKALIKE_MAX_FLAGS = 9  # the model card lists them: 7 from the model, 2 from the lexicon
# the model card: 0.92 / 0.97 on the first set (a development set since lexicon 2026.12.4), 0.80 / 0.84 on the second
MODERATION_F1_FLOOR = {"first": {"sexual": 0.85, "threat": 0.9}, "second": {"sexual": 0.75, "threat": 0.8},
                       # the third set (2026-12-06, lexicon 2026.12.19): sexual 0.90, threat 0.71
                       "third": {"sexual": 0.85, "threat": 0.65}}
# the model card: abusive caught 94.6% (dev; lexicon 2026.12.51) and 65.4% (locked; lexicon 2026.12.49, unchanged by
# 2026.12.50 and 2026.12.51), every work line left alone
POLICE_CHAT_FLOOR = {"dev": {"abusive_caught": 0.8, "work_left_alone": 0.96},
                     "locked": {"abusive_caught": 0.6, "work_left_alone": 0.96}}
# training/fresh_functional.py, both rounds (2026-12-06, lexicon 2026.12.18): dev 80.9% / 96.1%, locked 74.2% / 97.9%
# (round 1 alone as on 2026-12-05: dev 78.4% / 95.7%, locked 69.6% / 100.0%)
FRESH_FUNCTIONAL_FLOOR = {"dev": {"hateful_caught": 0.77, "non_hateful_left_alone": 0.92},
                          "locked": {"hateful_caught": 0.70, "non_hateful_left_alone": 0.95}}


@pytest.mark.parametrize("text", ["faggots and peas from the chippy tonight", "two blue tits on the feeder 🐦"])
def test_the_model_alone_never_flags_a_word_the_lexicon_read_as_ordinary(pipeline, text):
    assert not protocol.flagged(pipeline.classify([text])[0])


def test_the_disabled_or_the_old_before_a_noun_name_no_group(pipeline):
    lines = _fixture_lines("the_adjective_lines.txt")
    labelled = [(t, d.labels) for t, d in zip(lines, pipeline.classify(lines), strict=True) if d.labels]
    assert len(lines) == 12 and not labelled, labelled


# the model card: ordinary lines signed with one self-describing emoji, 118 (seed 7) and 83 (seed 8; 82 since lexicon
# 2026.12.17, 83 again since 2026.12.22, where a flag names its nationals: "old age is catching up with me, knees are
# gone 🇵🇰", read hateful 0.64 by the model, now names a group) false flags in 1,041 on 2026-12-06; a known gap of the
# text model (the fix belongs in its training data), held from getting worse
EMOJI_SIGNED_MAX_FLAGS = {7: 118, 8: 83}


def test_ordinary_lines_signed_with_an_emoji_raise_no_more_flags_than_recorded(pipeline):
    import emoji_signed

    for seed, most in EMOJI_SIGNED_MAX_FLAGS.items():
        rows = emoji_signed.signed_lines(seed)
        assert len(rows) == 1041 and rows == emoji_signed.signed_lines(seed)
        flags = [t for (t, _), d in zip(rows, pipeline.classify([t for t, _ in rows]), strict=True)
                 if protocol.flagged(d)]
        assert len(flags) <= most, (seed, len(flags))


def test_probe_labels_counts_a_probe_file_as_a_reviewer_would(tmp_path):
    """training/probe_labels.py, which counts the probe files of 2026-12-07 (tests/fixtures/probes) that the model card
    quotes: a line is right when it is flagged exactly when a category is expected, with one of them."""
    import probe_labels
    f = tmp_path / "p.txt"
    f.write_text("# header\nMuslims are vermin|religion\nMuslims are vermin|race\nwho's got the van keys?|-\n"
                 "who's got the van keys?|threat\n", encoding="utf-8")
    rows = probe_labels.probe(f)
    assert rows[0] == ("Muslims are vermin", "religion") and len(rows) == 4
    assert [ok for ok, _ in probe_labels.categories_right(rows)] == [True, False, True, False]
    assert len(probe_labels.probe(ROOT / "tests" / "fixtures" / "probes" / "2026-12-07-probeT3.txt")) == 24
