"""The language gate (issue 10, point 4): messages in a language chatprobe was not built for are marked
"not assessed (language xx)" and counted, never passed as clean, and English is never taken for another
language. Lines written for this project."""

from __future__ import annotations

import pytest

from chatprobe.detect.language import identify
from chatprobe.detect.pipeline import Pipeline

OTHER = [("de", "Du dumme Fotze"), ("de", "Kann jemand meine Schicht am Freitag übernehmen?"),
         ("nl", "Kan iemand mijn dienst overnemen vrijdag?"), ("id", "Saya sudah sampai di kantor"),
         ("es", "Buenos días a todos, reunión a las nueve"), ("fr", "Bonjour à tous, réunion à neuf heures")]
ENGLISH = ["ok", "lol", "👍", "Gooooood morning😘❤️", "Where's my muffin?", "hope you die in a fire",
           "send me a pic of your tits", "f4gg0ts the lot of them", "I h a t e all of them",
           "IC3 male, 20s, black puffer jacket, last seen on Market St", "Parking's full, I'm round the back",
           # slang and emoji fastText alone took for other languages; styled letters
           "fuck off you lame ass prick", "what the actual hell??", "why dont we just 🔪 them all",
           "lmao u wildin bruh", "𝙄𝙩 𝙨𝙚𝙚𝙢𝙨 𝙩𝙤 𝙞𝙢𝙥𝙡𝙮 𝙩𝙝𝙖𝙩", "chrome-extension://oemmndcb/http://www.x.com/a.pdf"]
# other scripts are marked however short; a line with few English words needs less of fastText's confidence
OTHER_SCRIPT = [("ru", "Привет"), ("ar", "مرحبا بالجميع"), ("hi", "किसने मेरी चाबी ली")]


@pytest.mark.parametrize("code, text", OTHER)
def test_other_languages_are_identified(code, text):
    lang = identify(text)
    assert lang.code == code and not lang.assessed


@pytest.mark.parametrize("text", ENGLISH)
def test_english_and_short_lines_are_assessed(text):
    assert identify(text).assessed, text


@pytest.mark.parametrize("code, text", OTHER_SCRIPT)
def test_other_scripts_are_not_english_however_short(code, text):
    lang = identify(text)
    assert (lang.code, lang.basis, lang.assessed) == (code, "script", False)


def test_english_words_outweigh_an_unsure_guess_and_their_absence_lowers_the_bar():
    assert identify("why dont we just 🔪 them all").basis == "english words"
    unsure = identify("Dasar bodoh kamu, diam saja")  # Indonesian; fastText is 0.50 sure
    assert unsure.code == "id" and unsure.probability < 0.8 and not unsure.assessed


def test_the_word_list_is_packaged_and_described():
    from chatprobe.detect.language import common_english, describe
    words = common_english()
    assert len(words) == describe()["common_english_words"] == 5000
    assert {"the", "you", "lol", "fuck"} <= words and not {"und", "het", "een", "que"} & words


def test_what_the_gate_cannot_tell_is_documented():
    """Two-word lines, close languages and lines of words English shares stay assessed as English (see
    detect/language.py): a known gap."""
    assert identify("Goedemorgen allemaal").assessed and identify("Jangan lupa rapat jam sembilan nanti").assessed
    assert identify("Ta gueule sale con").assessed  # "ta", "sale" and "con" are English chat words too


@pytest.fixture(scope="module")
def pipe():
    return Pipeline.default()


def test_the_gate_marks_other_languages_and_keeps_explicit_slurs(pipe):
    (german, slur, english) = pipe.classify(["Kann jemand meine Schicht am Freitag übernehmen?",
                                             "Diese faggots sind überall hier", "Muslims are vermin, the lot of them"])
    assert (german.language, german.assessed, german.labels) == ("de", False, ())
    assert any(r.rule == "language.gate" and "not assessed (language de)" in r.note for r in german.reasons)
    assert not slur.assessed and "sexual_orientation" in slur.labels  # an English slur is a slur anywhere
    assert english.assessed and "religion" in english.labels
    assert german.to_json()["language"] == "de" and german.to_json()["assessed"] is False


def test_not_assessed_messages_are_counted_in_the_cli_report_and_web(tmp_path):
    from click.testing import CliRunner

    from chatprobe.cli import main
    chat = tmp_path / "chat.txt"
    chat.write_text("13/05/2024, 08:00 - Ann: Morning all, briefing at 9\n"
                    "13/05/2024, 08:01 - Jonas: Kann jemand meine Schicht am Freitag übernehmen?\n"
                    "13/05/2024, 08:02 - Jonas: Ich bin gleich da, stehe noch im Stau\n"
                    "13/05/2024, 08:03 - Ben: Muslims are vermin, the lot of them\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["scan", str(chat), "--home", str(tmp_path), "--case", "g",
                                  "--report", str(tmp_path / "r.html")])
    assert r.exit_code == 0, r.output
    assert "2 messages not assessed (language de 2): chatprobe detects English only" in r.stderr
    html = (tmp_path / "r.html").read_text("utf-8")
    assert "<b>2 messages were not assessed</b> (language de 2)" in html
    from chatprobe.detect.language import describe
    words_sha = describe()["common_english_sha256"][:12]  # the method says which word list judged English
    assert f"common English chat words (list sha256 <code>{words_sha}</code>)" in html
    r = CliRunner().invoke(main, ["analyse", "--home", str(tmp_path), "--case", "g", "--json"])
    import json
    assert json.loads(r.stdout)["not_assessed"] == {"de": 2}


def test_a_lexicon_hit_alone_scores_below_one_the_model_confirms(pipe):
    """issue 10, point 3: a word list alone is weaker evidence than a word the model also reads as abuse."""
    alone, both = pipe.classify(["gyppos parked on the rec again", "the fag end of the shift, faggot"])
    assert [r.source for r in alone.reasons if r.label == "race"] == ["lexicon"] and alone.scores["race"] == 0.8
    assert [r.source for r in both.reasons if r.label == "sexual_orientation"] == ["lexicon+text-model"]
    assert both.scores["sexual_orientation"] > alone.scores["race"]
