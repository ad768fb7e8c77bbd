"""The language gate (detect/language.py), measured: how often English is taken for another language, how many
lines in other languages are marked "not assessed", beside py3langid when it is installed, and what the gate
costs the classifier.

    python benchmarks/language.py
    pip install py3langid && python benchmarks/language.py     # adds the comparison

English lines: the project's functional cases (tests/detect/functional_cases.tsv) and the chat lines below;
other languages: the lines below (written for this project, 11 languages). Speed: the pipeline with and
without the gate on 20,000 chat messages of benchmarks/classify.py.
"""

from __future__ import annotations

import csv
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

CHAT_EN = ["Morning all, briefing at 9", "ok", "lol", "on my way", "Can someone cover my shift on Friday?",
           "Gooooood morning😘❤️", "Where's my muffin?", "Parking's full, I'm round the back",
           "Are you finished with work?", "van is outside custody again and nobody has the keys",
           "cheers mate see you later", "IC3 male, 20s, black puffer jacket, last seen on Market St",
           "that's out of order Liam, not funny", "Women shouldn't be on response, useless the lot of them",
           "haha yeah", "Skipper wants the statement done by 10", "suspect arrested, in the cells now", "brb", "👍",
           "Send me the VRM please"]
OTHER = [("de", "Guten Morgen zusammen, Besprechung um neun"), ("de", "Du dumme Fotze"),
         ("de", "Kann jemand meine Schicht am Freitag übernehmen?"), ("de", "Ich bin gleich da, stehe noch im Stau"),
         ("de", "Das ist nicht witzig, hör auf damit"), ("nl", "Goedemorgen allemaal"),
         ("nl", "Ik ben er over tien minuten"), ("nl", "Kan iemand mijn dienst overnemen vrijdag?"),
         ("nl", "Dat is echt niet grappig"), ("id", "Selamat pagi semua"), ("id", "Saya sudah sampai di kantor"),
         ("id", "Jangan lupa rapat jam sembilan nanti"), ("es", "Buenos días a todos, reunión a las nueve"),
         ("es", "Ya voy, estoy en el tráfico"), ("es", "Eso no tiene gracia, para ya"),
         ("fr", "Bonjour à tous, réunion à neuf heures"), ("fr", "J'arrive dans dix minutes"),
         ("fr", "Ce n'est pas drôle, arrête"), ("pt", "Bom dia a todos, reunião às nove"),
         ("pt", "Estou a caminho, chego já"), ("it", "Buongiorno a tutti, riunione alle nove"),
         ("it", "Arrivo tra dieci minuti"), ("tr", "Günaydın herkese, toplantı saat dokuzda"),
         ("pl", "Dzień dobry wszystkim, spotkanie o dziewiątej"), ("hi", "मैं दस मिनट में पहुँच जाऊँगा"),
         ("hi", "Main das minute mein pahunch jaunga yaar")]


def main() -> None:
    from chatprobe.detect import language

    cases = HERE.parent / "tests" / "detect" / "functional_cases.tsv"
    english = [r[3] for r in csv.reader(open(cases, encoding="utf-8"), delimiter="\t")][1:] + CHAT_EN
    model = language._load()
    t = time.perf_counter()
    guesses = {text: model.predict(" ".join(text.split()), k=1)[0][0].removeprefix("__label__")
               for text in CHAT_EN + [x for _, x in OTHER]}
    ft_ms = (time.perf_counter() - t) * 1000 / len(guesses)
    print(f"best guess, {len(CHAT_EN)} English chat lines and {len(OTHER)} in other languages:")
    print(f"  fastText lid.176.ftz  {ft_ms:.3f} ms/line; English lines called another language: "
          f"{sum(guesses[x] != 'en' for x in CHAT_EN)}/{len(CHAT_EN)}; others right: "
          f"{sum(guesses[x] == code for code, x in OTHER)}/{len(OTHER)}")
    try:
        import py3langid
    except ImportError:
        print("  py3langid             not installed (pip install py3langid to compare)")
    else:
        t = time.perf_counter()
        pl = {text: py3langid.classify(text)[0] for text in CHAT_EN + [x for _, x in OTHER]}
        pl_ms = (time.perf_counter() - t) * 1000 / len(pl)
        wrong = [x for x in CHAT_EN if pl[x] != "en"]
        print(f"  py3langid             {pl_ms:.3f} ms/line; English lines called another language: "
              f"{len(wrong)}/{len(CHAT_EN)} {wrong}; others right: {sum(pl[x] == c for c, x in OTHER)}/{len(OTHER)}")
    gated = [x for x in english if not language.identify(x).assessed]
    other = sum(not language.identify(x).assessed for _, x in OTHER)
    print(f"the gate ({language.MIN_WORDS}+ words, probability {language.MIN_PROBABILITY}+): English lines marked "
          f"not assessed {len(gated)}/{len(english)} {gated}; other-language lines marked {other}/{len(OTHER)}")

    from classify import corpus

    from chatprobe.detect.base import TextItem
    from chatprobe.detect.pipeline import Pipeline
    texts = corpus(20_000).read_text(encoding="utf-8").split("\n")[:20_000]
    items = [TextItem(str(i), x) for i, x in enumerate(texts)]
    for gate in (False, True):
        pipe = Pipeline.default()
        pipe.options["language_gate"] = gate
        pipe.classify(items[:200])  # load the models
        t = time.perf_counter()
        pipe.classify(items)
        rate = len(items) / (time.perf_counter() - t)
        print(f"classifier {'with' if gate else 'without'} the gate: {rate:,.0f} messages/s "
              f"({len(items):,} chat messages, {len(set(texts)):,} distinct)")


if __name__ == "__main__":
    main()
