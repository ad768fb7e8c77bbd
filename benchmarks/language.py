"""The language gate (detect/language.py), measured: how often English is taken for another language, how many
lines in other languages are marked "not assessed", beside the previous gate (fastText alone) and py3langid
when it is installed, and what the gate costs the classifier.

    python benchmarks/language.py
    pip install py3langid && python benchmarks/language.py     # adds the comparison

English lines: the project's functional cases (tests/detect/functional_cases.tsv), the chat lines below and,
beside ../shared, the shared datasets' validation and test texts (English posts; the gate's word list is
built from their train split only). Other languages: the lines below, written for this project (72 lines, 20
languages; the second block was written before the gate's English-word step and its thresholds were set).
Speed: the pipeline with and without the gate on 20,000 chat messages of benchmarks/classify.py.
"""

from __future__ import annotations

import csv
import re
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
         ("hi", "Main das minute mein pahunch jaunga yaar"),
         # written before the English-word step: chat, insults and emoji in 20 languages
         ("de", "Wer hat heute Nachtschicht? Ich kann nicht 😩"),
         ("de", "Der Typ ist so ein Vollidiot, echt jetzt"),
         ("de", "Bin in fünf Minuten da, fang schon mal an"),
         ("de", "Halt die Fresse du Wichser"),
         ("nl", "Wie heeft de sleutels van de bus? 🚐"),
         ("nl", "Hij is echt een klootzak, niet normaal"),
         ("nl", "Ik kom iets later, file op de A2"),
         ("nl", "Gefeliciteerd met je verjaardag!! 🎉🎉"),
         ("fr", "Quelqu'un a vu mes clés ? Je les trouve plus"),
         ("fr", "Ferme ta gueule connard"),
         ("fr", "On se retrouve au bar après le service ? 🍻"),
         ("fr", "Je suis crevé, je rentre chez moi"),
         ("es", "¿Alguien tiene el número del jefe?"),
         ("es", "Cállate la boca, imbécil de mierda"),
         ("es", "Llego tarde, hay mucho tráfico 😤"),
         ("es", "Feliz cumpleaños hermano, que la pases bien 🎂"),
         ("it", "Qualcuno ha le chiavi della macchina?"),
         ("it", "Sei proprio uno stronzo, lo sai?"),
         ("it", "Ci vediamo al bar dopo il turno 🍺"),
         ("pt", "Alguém viu o meu carregador? 😅"),
         ("pt", "Cala a boca seu idiota"),
         ("pt", "Chego daqui a pouco, estou no trânsito"),
         ("tr", "Bugün kim nöbetçi? Ben gelemiyorum"),
         ("tr", "Sus lan salak herif"),
         ("pl", "Kto ma dzisiaj nocną zmianę?"),
         ("pl", "Zamknij mordę idioto"),
         ("id", "Ada yang lihat kunci mobil saya?"),
         ("id", "Dasar bodoh kamu, diam saja"),
         ("ms", "Saya sampai dalam sepuluh minit lagi"),
         ("sv", "Någon som har nycklarna till bilen?"),
         ("sv", "Håll käften din idiot"),
         ("da", "Hvem har nattevagt i aften?"),
         ("no", "Kommer litt seinere i dag, beklager"),
         ("ro", "Cine are cheile de la mașină?"),
         ("hu", "Ki ügyel ma éjszaka? Én nem tudok menni"),
         ("cs", "Kdo má dneska noční směnu?"),
         ("tl", "Sino may susi ng sasakyan? Pakidala naman"),
         ("sw", "Habari za asubuhi, mkutano saa tatu"),
         ("hi", "Bhai kal shift kaun kar raha hai? Mujhe chutti chahiye"),
         ("hi", "Tu pagal hai kya, chup kar"),
         ("ru", "Кто сегодня дежурит ночью?"),
         ("ru", "Заткнись, идиот"),
         ("ar", "هل رأى أحد مفاتيح السيارة؟"),
         ("zh", "有人看到我的钥匙了吗？"),
         ("uk", "Хто сьогодні на нічній зміні?"),
         ("el", "Ποιος έχει τα κλειδιά του αυτοκινήτου;")]


def previous_gate(text: str) -> bool:
    """The gate before the English-word step: fastText alone, 3+ words, 0.80+ (True: assessed)."""
    from chatprobe.detect import language
    if len(re.findall(r"[^\W\d_]{2,}", text)) < 3:
        return True
    labels, probs = language._load().predict(" ".join(text.split()), k=1)
    return labels[0] == "__label__en" or float(probs[0]) < 0.80


def shared_english() -> list[str]:
    """The shared datasets' validation and test texts, or [] without ../shared."""
    sys.path.insert(0, str(HERE.parent / "training"))
    try:
        from build import SHARED
        from datasets import load_shared
    except (ImportError, OSError):
        return []
    if not Path(SHARED).is_dir():
        return []
    return [e.text for e in load_shared(SHARED) if e.split != "train"]


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
    shared = shared_english()
    print("gates: English lines marked not assessed / other-language lines marked")
    for name, assessed in (("previous (fastText alone)", previous_gate),
                           ("now (script, English words, fastText)", lambda x: language.identify(x).assessed)):
        gated = [x for x in english if not assessed(x)]
        other = sum(not assessed(x) for _, x in OTHER)
        line = (f"  {name:40s} project English {len(gated)}/{len(english)}; other languages {other}/{len(OTHER)}")
        if shared:
            line += f"; shared val+test texts {sum(not assessed(x) for x in shared)}/{len(shared)}"
        print(line)
    if shared:
        print("  shared texts marked by the gate now (some are really Dutch, Spanish or German posts; read them):")
        for x, lang in ((x, language.identify(x)) for x in shared):
            if not lang.assessed:
                print(f"    {lang.code} ({lang.basis}, {lang.probability:.2f}): {x[:110]!r}")
    missed = [x for _, x in OTHER if language.identify(x).assessed]
    print(f"  other-language lines still taken as English ({len(missed)}): {missed}")

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
