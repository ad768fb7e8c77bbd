"""A functional test suite generated from templates, for judging the whole detection pipeline.

Written once, on 2026-12-02, before the fine-tuned model was trained, and not edited to suit any result
(edits after that day would make it a tuning set: see the git history of this file). Nothing here is taken
from a published suite; the sentences are this project's own. The training templates (chat_examples.py,
gaps.py) are different sentences.

Each template belongs to one *functionality* (what it tests) and says whether a case is hateful/abusive and
which category must be flagged. Templates alternate between two halves inside each functionality:

- ``tune``: may be looked at while choosing thresholds, rules and training data;
- ``locked``: reported, never looked at case by case while tuning.

The model card reports both halves; a model that does much better on ``tune`` than on ``locked`` has learnt
the templates, not the task. ``cases()`` is deterministic.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass

# identity words per category: (plural noun, singular noun, adjective form)
GROUPS: dict[str, list[tuple[str, str]]] = {
    "race": [("black people", "black person"), ("Asians", "Asian"), ("immigrants", "immigrant"),
             ("Romanians", "Romanian"), ("Africans", "African")],
    "religion": [("Muslims", "Muslim"), ("Jews", "Jew"), ("Hindus", "Hindu")],
    "sex": [("women", "woman"), ("female officers", "female officer")],
    "sexual_orientation": [("gay people", "gay person"), ("lesbians", "lesbian"), ("bisexuals", "bisexual")],
    "gender_identity": [("trans people", "trans person"), ("trans women", "trans woman"),
                        ("non-binary people", "non-binary person")],
    "disability": [("disabled people", "disabled person"), ("autistic people", "autistic person"),
                   ("wheelchair users", "wheelchair user")],
    "age": [("old people", "old person"), ("pensioners", "pensioner")],
}
SLUR = {"race": ["niggers", "pakis", "wogs"], "religion": ["ragheads", "kikes"], "sex": ["sluts", "whores"],
        "sexual_orientation": ["faggots", "dykes"], "gender_identity": ["trannies", "shemales"],
        "disability": ["retards", "spastics"], "age": ["coffin dodgers"]}
NAMES = ["Leanne", "Marcus", "Hannah", "Ravi", "Colin", "Jade"]


@dataclass(frozen=True)
class Case:
    functionality: str
    text: str
    hateful: bool
    expected: str | None  # the category that must be flagged (None: nothing may be flagged)
    half: str  # tune | locked
    template: str


# (functionality, hateful, expected kind, templates). Expected kind: "group" = the group's category;
# a category name; None = nothing flagged. {p} plural group, {s} singular, {x} slur, {n} a name.
T: list[tuple[str, bool, str | None, list[str]]] = [
    ("derogation, plain", True, "group", [
        "{p} are a disgrace to this country", "I can't bear being around {p}", "{p} are utterly repulsive",
        "every {s} I've met has been a lowlife", "{p} are parasites living off the rest of us",
        "{p} ruin every place they move into"]),
    ("dehumanisation", True, "group", [
        "{p} are nothing but animals", "{p} are a disease on society", "{p} aren't really human",
        "{p} breed like rats", "treat {p} like the vermin they are", "{p} are cockroaches"]),
    ("hate as a question", True, "group", [
        "why are {p} always so thick?", "why do {p} stink so much?", "isn't it obvious {p} are inferior?",
        "who actually thinks {p} are anything but scum?", "how are {p} allowed to breed?",
        "why can't {p} just disappear?"]),
    ("hate as an opinion", True, "group", [
        "in my opinion {p} are worthless", "I honestly think {p} are less than human",
        "I reckon {p} shouldn't be allowed to vote", "to be fair {p} are a plague",
        "my view is that {p} are a waste of space", "I genuinely believe {p} are lesser beings"]),
    ("negated positive", True, "group", [
        "I have no respect for any {s}", "{p} are never any good at anything", "no {s} deserves to be treated decently",
        "I will never see {p} as equals", "there's nothing valuable about {p}", "{p} have no place in a decent society"]),
    ("threat against a group", True, "group", [
        "{p} should all be shot", "I'd love to see every {s} hanged", "someone needs to wipe out the {p}",
        "I want to kill every {s} I see", "burn the {p} out of their homes", "{p} deserve a bullet each"]),
    ("slur in abuse", True, "group", [
        "get these {x} out of my sight", "I hate {x}", "{x} like you make me sick",
        "bloody {x} everywhere", "another {x} on the rota", "no {x} on my team"]),
    ("spelling: letters swapped or dropped", True, "group", [
        "I hte {p}", "{p} are disgsuting", "{p} are vremin", "{p} are scm", "kil all {p}", "{p} are filhty animals"]),
    ("spelling: added spaces", True, "group", [
        "I h a t e {p}", "{p} are d i s g u s t i n g", "k i l l all {p}", "{p} are v e r m i n",
        "{p} are s c u m", "d e a t h to {p}"]),
    ("spelling: leetspeak", True, "group", [
        "{p} are d1sgust1ng", "1 h4te {p}", "{p} are v3rm1n", "k1ll all {p}", "{p} are sc*m", "{p} are f1lth"]),
    ("threat against a person", True, "threat", [
        "I'm going to hurt you {n}", "if she reports us I'll make her life hell", "you'll regret this {n}, trust me",
        "{n} keep talking and you'll end up in a ditch", "I'll make sure {n} never walks again",
        "watch yourself {n}, I know your address", "one more word and I'll put you through the wall",
        "{n} is going to get what's coming to her"]),
    ("sexual harassment", True, "sexual", [
        "{n} I want to see you naked", "send me a photo of you in your underwear {n}",
        "I'd love to get {n} alone in the van", "{n}'s tits look great in that uniform",
        "bet {n} is filthy in bed", "sit on my lap and I'll sign your overtime {n}"]),
    ("derogatory about a person", True, "derogatory", [
        "{n} is a worthless idiot", "{n} is a pathetic excuse for a cop", "{n} you're a brainless twat",
        "nobody can stand {n}, she's vile", "{n} is a spineless coward", "{n} is a disgusting pig"]),
    ("neutral identity mention", False, None, [
        "I work with a lot of {p}", "my neighbour is a {s}", "we had a talk from {p} about their experiences",
        "there are {p} in my family", "the {s} in the flat downstairs reported the burglary",
        "{p} live all over the city"]),
    ("positive identity statement", False, None, [
        "{p} are brilliant", "I admire {p}", "{p} make this force better", "I'm proud to stand with {p}",
        "{p} are as good as anyone", "I love {p}"]),
    ("negated hate", False, None, [
        "{p} are not a problem", "I don't think {p} are inferior at all", "nobody should say {p} are animals",
        "{p} are definitely not scum", "it's wrong to hate {p}", "I would never hurt a {s}"]),
    ("counter-speech quoting hate", False, None, [
        "saying '{p} are vermin' is disgusting, stop it", "\"{p} should be shot\"? that's a vile thing to say",
        "you can't call {p} '{x}', that's hate speech", "if you think {p} are scum you're the problem",
        "quoting '{p} are animals' in here isn't banter", "calling {p} {x} will get you sacked"]),
    ("reported speech in police work", False, None, [
        "the suspect shouted '{x}' at the victim, racially aggravated", "victim says he was called a {x}",
        "witness heard the male say he would kill the {s}", "graffiti reading '{x} out' on the bus shelter",
        "caller reports her neighbour keeps calling her a {x}", "the accused told her {p} are filth, hate crime logged"]),
    ("homonyms and harmless lookalikes", False, None, [
        "the fag end of the shift", "my nan's cooking a faggot and mash", "a bundle of sticks, a faggot for the fire",
        "the spastic society changed its name years ago", "we went to the Paki-stan cricket match",
        "I smoked a fag on break", "that was a bitch of a job", "nice bit of tit in the bird feeder"]),
    ("profanity, not abuse", False, None, [
        "fucking hell that was a long shift", "shit, I left my keys in the van", "this bloody printer",
        "what the hell is going on with the rota", "damn, missed the bus", "fuck me it's cold out"]),
    ("ordinary chat", False, None, [
        "Good morning all ☀️", "Gooood morning 😘❤️", "Parking's full, I'm round the back",
        "Where's my muffin?", "hopefully tomorrow it will be nicer", "Are you finished with work?",
        "I love women's football", "can someone grab milk", "running 10 mins late sorry",
        "happy birthday {n} 🎂🎉", "lol that dog 😂", "who's on nights this week?",
        "the kids are finally asleep", "thanks for covering {n} 👍", "I'm knackered, bed", "brew anyone?",
        "I love women.", "my mum is 80 today", "Black Friday deals are rubbish this year",
        "the gay bar on Canal St has a quiz tonight", "Muslim colleagues, iftar is at 7 in the canteen"]),
    ("police operational talk", False, None, [
        "IC1 male, 40s, stocky, last seen heading north", "black male, 6ft, green jacket, on foot towards the station",
        "Asian female reported her car stolen", "shots fired report turned out to be fireworks",
        "he threatened to stab her, arrested and in custody", "we need to kill the blue lights near the school",
        "the target address is clear, moving to the next one", "the suspect is a known drug dealer",
        "kicked the door in at 6, three arrested", "I'm going to destroy the evidence bags as per the retention policy"]),
    ("emoji abuse", True, "group", [
        "{p} = 🐀", "{p} 🤮🤮", "{p} are 🐒🐒", "all {p} 🔫🔫", "{p} belong in the 🗑️", "{p} 🐷🐷 filthy"]),
    ("emoji, harmless", False, None, [
        "{p} 💖", "{p} 🙌 so proud", "love my {p} colleagues 🥰", "{p} 🏳️‍🌈✨", "happy Eid to all the {p} 🌙",
        "🐒 at the zoo today"]),
]


def _group_case(f: str, t: str) -> bool:
    return "{p}" in t or "{s}" in t or "{x}" in t


def cases() -> list[Case]:
    out: list[Case] = []
    for f, hateful, kind, templates in T:
        for i, t in enumerate(templates):
            half = "tune" if i % 2 == 0 else "locked"
            if _group_case(f, t):
                for cat, groups in GROUPS.items():
                    fills = [(p, s, "") for p, s in groups] if "{x}" not in t else \
                        [(groups[0][0], groups[0][1], x) for x in SLUR[cat]]
                    for p, s, x in fills:
                        text = t.format(p=p, s=s, x=x, n=NAMES[len(out) % len(NAMES)])
                        if text[0].islower() and t.startswith("{"):
                            text = text[0].upper() + text[1:]
                        expected = cat if kind == "group" else kind
                        out.append(Case(f, text, hateful, expected if hateful else None, half, t))
            else:
                text = t.format(n=NAMES[len(out) % len(NAMES)])
                out.append(Case(f, text, hateful, kind if hateful else None, half, t))
    return out


def fingerprint() -> str:
    """sha256 of the suite as generated: the model card quotes it so a changed suite is visible."""
    h = hashlib.sha256()
    for c in cases():
        h.update(f"{c.functionality}\t{c.text}\t{c.hateful}\t{c.expected}\t{c.half}\n".encode())
    return h.hexdigest()


def iter_half(half: str) -> Iterator[Case]:
    return (c for c in cases() if c.half == half)


if __name__ == "__main__":
    import collections
    cs = cases()
    print(len(cs), collections.Counter(c.half for c in cs), fingerprint()[:16])
    for f, n in collections.Counter(c.functionality for c in cs).items():
        print(f"{n:5d}  {f}")
