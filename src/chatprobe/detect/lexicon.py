"""Lexicon detector: slurs, dehumanising words, sexual terms and phrase rules, robust to obfuscation.

Words are compared on folded forms (``text.tokens``): case, homoglyphs, leetspeak and inserted separators
are undone there. Here the lexicon adds what needs the term list: repeated letters (collapsed forms),
letters spaced out (``f a g``), multi-word terms run together (``towelhead``), censoring (``n****r``) and
one inserted, deleted, changed or swapped letter in longer words that are not ordinary English.

Every hit then gets a status from its context:

* ``quoted`` – reported speech ("victim states he called him …"), a word discussed as a word ("the term …
  is a slur"), or quotation marks together with either;
* ``counter`` – counter-speech that quotes the hate ("calling them … is racist", "don't say …");
* ``negated`` – a phrase rule whose claim is negated ("Muslims are not animals", "I don't hate gay people");
* ``reclaimed`` – a slur used about oneself or one's own group ("I'm a proud queer woman");
* ``ordinary`` – a phrase in an ordinary sense that the text model reads as one label (``[ordinary_sense]``: "she
  landed on her backside", "I'll beat you to it"; and force a police officer uses, with its reason): that label only;
* ``homonym`` – the word's ordinary sense: food, cigarettes, birds, medicine, idiom ("faggots and peas",
  "off for a fag", "blue tits on the feeder", "spastic colon", "a bitch of a drive");
* ``active`` otherwise. Words listed as ambiguous count only when aimed at a person or group.

Response labels come from the same data: ``endorsement`` for short laughing or approving replies and
``counter_speech`` for challenges.
"""

from __future__ import annotations

import itertools
import re
import tomllib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from typing import Any

from chatprobe.detect.base import Detection, Detector, Explanation, TextItem, registry
from chatprobe.detect.encoder import vocabulary
from chatprobe.detect.language import common_english
from chatprobe.detect.prefilter import NO_NEEDS, Needs, NeedsIndex, grams_of, needs, text_grams
from chatprobe.detect.prefilter import forget as forget_readings
from chatprobe.detect.taxonomy import taxonomy
from chatprobe.detect.text import CENSOR, EMOJI_SEQUENCE, Token, collapse, fold_text, signature_spans, tokens

NAME = "lexicon"

# category → how a target is named in explanations when a slur names no group itself
TARGET_OF = {"race": "an ethnic or national group", "religion": "a religious group", "sex": "women",
             "sexual_orientation": "gay, lesbian or bisexual people", "gender_identity": "trans people",
             "disability": "disabled people", "age": "an age group", "derogatory": "a person",
             "sexual": "a person"}
# the protected characteristics: the categories whose slurs name a group
PROTECTED = tuple(c for c in TARGET_OF if c not in ("derogatory", "sexual"))

# censored spellings that mean ordinary profanity, not a lexicon term ("s**t" is shit, not slut)
PROFANITY = ("fuck", "fucks", "fucking", "fucked", "fucker", "shit", "shite", "shits", "crap", "damn", "piss",
             "pissed", "arse", "bloody", "bollocks", "hell", "bugger", "sod", "frick", "feck", "heck", "bitch")

QUOTED = re.compile(r'"([^"]{2,200})"|“([^”]{2,200})”|‘([^’]{2,200})’|(?<!\w)\'([^\']{2,200})\'(?!\w)')
EVALUATION = re.compile(r"\b(?:is|isnt|was|wasnt|are|arent|its|thats|such)\b(?: \w+){0,3} (?:not funny|funny|banter|a joke|ok|okay|"
                        r"acceptable|unacceptable|racist|sexist|homophobic|transphobic|ableist|bigoted|hateful|vile|"
                        r"disgusting|out of order|offensive|hate speech|wrong|gross|horrible|appalling|"
                        r"shameful)\b"
                        # or a bare verdict beside the quote: "'… are thieves' on the van, disgusting"
                        r"|\b(?:disgusting|vile|horrible|horrendous|appalling|shameful|sickening|awful|grim|"
                        r"gross|in this day and age|unbelievable)\b"
                        # or a judging noun: "'women can't drive' is such a tired joke", "… is a lazy stereotype",
                        # "… is a myth" (never after "isn't": "'…' isn't a stereotype, it's a fact")
                        r"|\b(?:is|was|are|its|thats|such|what a|just a|another|same old)\b(?: \w+){0,3} (?:tired|lazy|"
                        r"old|stale|ignorant|harmful|dangerous|nasty|ugly|boring|pathetic|dated|outdated|cheap|dumb|"
                        r"stupid|sad|toxic|awful|offensive|racist|sexist|homophobic|transphobic|bigoted) (?:jokes?|tropes?|"
                        r"stereotypes?|cliches?|myths?|lines?|slurs?|thing to (?:say|post|write)|rubbish|nonsense)\b"
                        r"|\b(?:is|are|was|its|thats)(?: just| only| nothing but| all)? (?:a |an )?(?:myth|lie|"
                        r"stereotype|trope|slur|dog whistle)\b")

# phrases with a negation word that do not negate: "nothing but animals", "isn't it obvious they are ..."
NOT_NEGATING = re.compile(r"\b(?:nothing but|nothing more than|nothing less than|nothing other than|nothing short of|"
                          r"no better than|no more than|none other than|no different (?:from|to|than)|isnt it|"
                          r"arent they|arent these|dont you (?:think|agree|reckon|find)|wouldnt you say|cant you see|"
                          r"dont they|didnt i (?:say|tell you)|no wonder|not only|never mind|no doubt|no matter|"
                          # eagerness, not refusal: "can't wait to stab him", "don't stop", "wouldn't mind giving her one"
                          r"(?:cant|cannot|can not|couldnt) wait(?: (?:to|till|til|until|for))?|"
                          r"(?:cant|cannot|couldnt) (?:stop|help) (?:thinking|imagining|picturing|dreaming|wanting)|"
                          # no witness, not no act: "give him a few digs where there's no camera"
                          r"no (?:cameras?|cctv)|(?:no one|nobody|noone) (?:will|would|can|could|is going to) see|"
                          r"(?:cant|cannot|couldnt) get enough of|dont stop|(?:wouldnt|would not|dont|do not) mind|"
                          r"nothing (?:turns me on|gets me (?:going|off|hard|wet)|i (?:want|love|like)|id (?:love|like)|"
                          r"i would (?:love|like)) more than|"
                          # a suggestion, not a denial: "why don't we just bomb them", "why not shoot the lot"
                          r"why (?:dont|wont|not)(?: (?:we|you|they|i|he|she|u|yall|someone|somebody|people|you guys))?|"
                          # where the violence is to land, not whether: "hit her where it doesn't show"
                          r"where it (?:doesnt|wont|dont|cant) (?:show|bruise|mark)|(?:wont|doesnt|dont) leave a mark|"
                          # denying a group its humanity is the insult itself: "they aren't really human"
                          r"(?:not|arent|isnt|aint|werent|wasnt)(?: (?:really|even|fully|truly|actually|properly|real|"
                          r"proper|quite))* (?:human|humans|human beings|people|persons)(?! (?:who|that|to|in|at|on|"
                          r"from|for|with|of)\b))\b")
# a takeaway named after its cuisine (see not_groups())
_CUISINE = "(?:chinese|indian|thai|mexican|turkish|jamaican|caribbean|vietnamese|japanese|korean|nepalese|lebanese|greek)"
_NOT_A_MEAL = (r"(?! (?:man|men|woman|women|lad|lads|girl|girls|bloke|blokes|guy|guys|fella|fellas|lady|ladies|"
               r"family|families|people|person|kid|kids|boy|boys|student|students|community|communities|national|"
               r"nationals|neighbour|neighbours|couple|owner|owners|staff|driver|drivers|doctor|nurse|officer|"
               r"male|female|males|females|in (?:custody|cell|cells|the cells|the van|the back))\b)")
_AFTER = ("(?: (?:a|an|the|some|that|our|my|another))? (?P<c>" + _CUISINE + ")\\b" + _NOT_A_MEAL)
# verbs of eating name the meal; words that take a person too ("had", "got", "nice") only where food is talked of
EAT = re.compile(r"\b(?:eat|eats|eating|ate|eaten|order|ordered|ordering|fancy|fancied|grab|grabbed|grabbing|"
                 r"craving|share|sharing)" + _AFTER
                 + r"|\b(?P<d>" + _CUISINE + r")(?= (?:takeaway|takeaways|take away|food|meal|meals|buffet|restaurant|"
                 r"restaurants|delivery|menu|banquet|dish|dishes|cuisine|cooking|noodles|rice|curry|curries)\b)")
EAT_MAYBE = re.compile(r"\b(?:had|have|having|get|getting|got|want|wanted|after|cheap|dodgy|decent|local|nice|lovely|"
                       r"rank|manky)" + _AFTER + r"|\b(?:a|an|the|that|this|our|your) (?P<p>" + _CUISINE
                       + r")(?= (?:was|is|tonight|last night|again|on|at|round|near|down|in town)\b)")
FOOD = re.compile(r"\b(?:rice|noodles|curry|chips|takeaway|food|meal|order|delivery|menu|sick|guts|starving|"
                  r"hungry|dinner|lunch|for tea|naan|poppadoms?|chow mein|spring rolls?|prawn crackers|korma|tikka|"
                  r"balti|bhaji|kebab|ate|eaten|eating|portions?|sauce|chicken|prawns?|beef|pork|lamb)\b")


# things named after a people that name no people: "a chinese burn", "african violets", "a mexican wave"
IDIOM = re.compile(r"\b(?P<c>chinese|african|mexican|indian|asian|arab|arabian|jamaican|turkish|pakistani)(?= (?:burns?|"
                   r"whispers|violets?|wave|waves|stand ?off|standoffs?|summer|ink|file|hornets?|elephants?|grey|greys|"
                   r"parrots?|lanterns?|checkers|chequers|fire drill|new year|horses?|nights|ginger cake|delight|"
                   r"rubber|cabbage|leaves)\b)")


# a service, a place or a side named for women or men names no people: "the women's refuge rang", "men's toilets"
SERVICE = re.compile(r"\b(?P<s>womens|mens|ladies|gents)(?= (?:refuges?|aid|institute|football|rugby|cricket|hockey|"
                     r"netball|team|teams|squad|toilets?|loos?|changing rooms?|prison|prisons|ward|wards|health|"
                     r"network|shed|sheds|centre|center|shelter|hostel|clinic|unit|section|league|cup|final|clothes|"
                     r"clothing|wear|shoes|department|hairdresser|barbers?|group|support group|officer network)\b)")


def _upper_word(m: re.Match[str]) -> str:
    """The match with its one named group (the people's name: c, d or p) upper-cased."""
    g = m.lastgroup
    a, b = m.start(g) - m.start(), m.end(g) - m.start()
    return m.group(0)[:a] + m.group(0)[a:b].upper() + m.group(0)[b:]


def not_groups(folded: str) -> str:
    """``folded`` with a people's name upper-cased where it names no people: a cuisine named for a takeaway ("fancy a
    chinese?", "that indian was rank, I was sick all night"), things named after a people ("a chinese burn",
    "african violets") and services or places named for women or men ("the womens refuge"). Neither a rule's
    {GROUP} nor a mention of the group then reads the word (offsets hold; the reviewer still sees it in a rule's
    matched text)."""
    out = SERVICE.sub(_upper_word, IDIOM.sub(_upper_word, EAT.sub(_upper_word, folded)))
    if FOOD.search(out):
        out = EAT_MAYBE.sub(_upper_word, out)
    return out


# three or more single letters in a row: a word spelt out with spaces
SPACED = re.compile(r"(?<![a-z0-9])(?:[a-z] ){2,}[a-z](?![a-z0-9])")
# a reporting cue after these is a condition or a plan, not a report ("if she reports us ...")
CONDITIONAL = re.compile(r"\b(?:if|when|unless|before|once|in case|or|case)\s*$")


def _read_by(rule: Rule, text: str, written_as_emoji: set[str]) -> str:
    """``text`` as ``rule`` reads it: each of its ``emoji`` words the message wrote as a word, not as the emoji, in
    capitals, so the rule's ``{EMOJI}`` does not read it ("the abuse they get is disgusting" is not the 🤮 emoji) and
    a ``(?i:…)`` in the rule still can ("gun the …")."""
    if rule.emoji is None:
        return text
    return rule.emoji.sub(lambda m: m.group(0) if m.group(0) in written_as_emoji else m.group(0).upper(), text)


def _mask(pattern: re.Pattern[str], text: str) -> str:
    """``text`` with ``pattern``'s matches blanked out (same length, so offsets hold)."""
    return pattern.sub(lambda m: " " * len(m.group()), text)


# words that aim an ambiguous term at someone ("you muppet", "such a cow", "dirty pikey")
AIM = frozenset(["you", "u", "ur", "youre", "your", "ya", "yer", "hes", "shes", "theyre", "were", "them", "that", "this", "what", "such", "absolute", "total", "proper", "dirty", "filthy", "stupid", "fat", "ugly", "little", "bloody", "typical", "these", "those", "like", "called", "calling", "absolute", "complete", "utter", "massive", "big", "thick", "lazy", "smelly", "old", "silly", "daft", "useless", "bunch", "load", "pack", "shower"])
MALE = re.compile(r"\b(?:he|hes|him|his|himself|bloke|blokes|lad|lads|man|men|guy|guys|boy|boys|fella|fellas|"
                  r"geezer|husband|boyfriend|son|brother|dad|uncle|sir|mr)\b")
# a message about one's own body's health: "my boobs are so sore since starting the pill" is no sexual content
HEALTH = re.compile(r"\b(?:sore|soreness|pain|painful|ache|aching|achy|lump|lumps|scan|scans|gp|doctor|doctors|nurse|"
                    r"midwife|hospital|clinic|breastfeeding|breast feeding|feeding|mastitis|cancer|mammogram|screening|"
                    r"smear|rash|itchy|infection|swollen|tender|bleeding|period|periods|pill|pregnant|pregnancy|"
                    r"surgery|operation|biopsy|bra|bras|sports bra|menopause|hormones|physio|injury|injured|stitches)\b")
# a message about food or growing it: "a load of veg in the fridge", "these jam tarts are lovely" name no one
# (FOOD_SENSE: the words that are slurs only in their other sense)
COOKING = re.compile(r"\b(?:food|fridge|freezer|soup|roast|eat|eats|eating|ate|cook|cooks|cooking|cooked|plate|bowl|"
                     r"oven|chips|gravy|jam|custard|pastry|pastries|bake|baked|baking|allotment|patch|grow|growing|"
                     r"salad|canteen|recipe|sauce|peas|carrots|potatoes|spuds|tray|tasty|delicious|yum|yummy|bakery|"
                     r"greengrocer|tesco|sainsburys|asda|aldi|lidl|morrisons|waitrose|curry|stew|pie|crumble)\b")
FOOD_SENSE = frozenset(["veg", "vegetable", "cabbage", "tart", "tarts"])
# the words that aim such a word at a person even in a message about food ("he's a cabbage, can't even eat")
PERSON_AIM = frozenset(["you", "u", "ur", "youre", "hes", "shes", "theyre", "such", "what", "like", "called", "calling",
                        "absolute", "complete", "utter", "total", "proper", "right"])


def _food_sense(word: str, aim: Iterable[str], folded: str) -> bool:
    """``word`` read in its food sense: one of FOOD_SENSE in a message about food (COOKING), with no word of ``aim``
    aiming it at a person."""
    return word in FOOD_SENSE and not PERSON_AIM.intersection(aim) and bool(COOKING.search(folded))


SEXUAL_AIM = frozenset(["my", "her", "his", "your", "ur", "suck", "lick", "show", "nice", "big", "massive", "huge", "wet", "hard", "sucking", "licking"])


# the person nouns of the identity list's names ("gay people", "female officers") and the nouns an identity word
# names a person with before them in chat ("a gay lad", "the black guys", "a muslim woman", "a deaf bloke")
PERSON_HEADS = frozenset(["people", "person", "persons", "men", "women", "man", "woman", "folk", "kids", "kid",
                          "couples", "couple", "officers", "colleagues", "lads"])
PERSON_NOUN = (r"(?:guys?|lads?|blokes?|m[ae]n|wom[ae]n|girls?|boys?|kids?|child|children|persons?|people|folks?|"
               r"famil(?:y|ies)|couples?|fellas?|chaps?|dudes?|lad(?:y|ies)|birds?|colleagues?|officers?|teachers?|"
               r"neighbou?rs?|students?|drivers?|doctors?|nurses?|workers?|mates?|mums?|moms?|dads?|wi(?:fe|ves)|"
               r"husbands?|girlfriends?|boyfriends?|sons?|daughters?|bab(?:y|ies)|teens?|teenagers?|youths?|"
               r"receptionists?|cunts?|bastards?|pricks?|twats?|bitch(?:es)?|slags?|scum|scumbags?|freaks?)")
# a word between the identity word and the noun ("a gay little lad", "black fucking guys")
PERSON_MODIFIER = r"(?:fucking|fuckin|bloody|little|big|fat|old|young|dirty|filthy|stupid|ugly|new)"
# one person the chat knows, named by a definite word before the identity word ("the black lad at the garage", "my
# gay mate", "that deaf bloke at number 9"): an individual, not the group, as "the disabled lad in the wheelchair" is
# no mention of disabled people (lexicon 2026.12.13). The plural ("the black lads") and the indefinite ("a black man",
# the class of a joke or a stereotype) still name the group
ONE_KNOWN = re.compile(r"\b(?:the|that|this|my|our|your|ur|his|her|their)(?: (?!an? )[a-z]+)? $")
PLURAL_NOUN = re.compile(r"(?:s|men|women|children|people|folk|ies|scum)$")

# groups named by an adjective as a noun: "the disabled are a drain" names them, "the disabled bay" and "the old man at
# number 4" do not (the next word is a noun they describe). NOMINAL_NEXT: the words that may follow the noun use
NOMINAL = frozenset(["the disabled", "the old", "the elderly", "the mentally ill"])
NOMINAL_NEXT = (r"(?:are|arent|r|is|isnt|were|werent|was|wasnt|should|shouldnt|can|cant|cannot|could|couldnt|will|wont|"
                r"would|wouldnt|must|need|needs|have|havent|has|hasnt|get|gets|got|do|dont|does|doesnt|did|didnt|deserve|"
                r"deserves|belong|belongs|and|or|who|that|of|in|on|at|to|from|with|for|like|just|all|always|never|"
                r"really|ought|keep|too|as|than|lol|though|tho|these days|nowadays|ffs|smh|what|honestly|seriously|"
                r"mate|innit|eh)")

# plural identity words whose singular is an ordinary word ("poles" → "pole")
NO_SINGULAR = frozenset(["poles", "whites", "blacks", "gays", "the jews", "lgbt", "queers", "men", "turks", "the old",
                         "ic3s", "ic4s", "ic6s", "bame", "roma", "over 60s", "over 50s", "females", "males",
                         "the disabled", "the elderly", "boomers", "trans folk", "oaps", "wives", "mothers"])


@dataclass(frozen=True, slots=True)
class Entry:
    term: str
    category: str
    severity: int
    ambiguous: bool
    said_of_men: bool = False  # a slur only when the message is about a man ("queen")

    @property
    def plural(self) -> bool:
        """Whether the term names people in the plural ("cripples", "old gits"; the lists spell plurals out)."""
        return self.term.endswith("s") and not self.term.endswith("ss")


# the most hits one phrase rule (or one word) gives in one message: each hit's status reads the text before it, so a
# message that repeats a phrase thousands of times ("care in the community " x 3,000) would take minutes; the first hits
# decide what the message is (a finding needs one), the rest add nothing a reviewer reads
MAX_RULE_HITS = 25


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    label: str  # a category, or "group": take the category of the matched group
    severity: int
    note: str
    regex: re.Pattern[str]
    group_slots: tuple[str, ...]
    neg_slots: tuple[str, ...]
    group_also: bool
    negatable_inside: bool
    # the rule's ``emoji`` words (its ``{EMOJI}``): one counts there only where the message wrote it as an emoji
    emoji: re.Pattern[str] | None = None
    # the rule's ``unless``: where it matches anywhere in the message, the rule gives nothing ("revenge porn job",
    # "sent it to hi-tech": pornography named as police work, not shared)
    unless: re.Pattern[str] | None = None
    # the rule's ``requires``: the rule gives something only where this matches somewhere in the message ("she", "her":
    # a woman rated only where the message says it is a woman); searched once, so a rule need not look ahead over the
    # whole message from every word, which takes time that grows with the square of a long message's length
    requires: re.Pattern[str] | None = None
    # what every match of ``regex`` contains (``prefilter``): a message without it is not searched
    needs: Needs = NO_NEEDS


@dataclass(frozen=True, slots=True)
class Hit:
    label: str
    severity: int
    score: float
    rule: str
    note: str
    term: str
    matched: str
    span: tuple[int, int] | None  # original offsets when the hit is a word
    fpos: tuple[int, int]  # position in the folded text (for context rules)
    target: str | None
    status: str


def fill(pattern: str, raw: dict[str, Any]) -> str:
    """A rule's or a context pattern's ``{NAME}`` placeholders replaced from the lexicon's [placeholders], and the
    placeholders a placeholder names in turn."""
    names = raw.get("placeholders", {})
    for _ in range(len(names) + 1):
        done = pattern
        for name, value in names.items():
            pattern = pattern.replace("{" + name + "}", value)
        if not any("{" + name + "}" in pattern for name in names):
            return pattern
        if pattern == done:
            break
    raise ValueError("the lexicon's placeholders name each other in a circle")


def _expanded(pattern: str, slots: dict[str, str], raw: dict[str, Any]) -> str:
    """A rule's pattern with its slots filled: each {GROUP} a named group g0, g1 … and each {NEG} n0, n1 … around
    ``slots``' pattern for it, {EMOJI} and {INSULT} as ``slots`` says; then its placeholders (``fill``)."""
    for slot, name in (("{GROUP}", "g"), ("{NEG}", "n")):
        for i in range(pattern.count(slot)):
            pattern = pattern.replace(slot, f"(?P<{name}{i}>{slots[slot]})", 1)
    return fill(pattern.replace("{EMOJI}", slots["{EMOJI}"]).replace("{INSULT}", slots["{INSULT}"]), raw)


class LexiconData:
    """The compiled lexicon file."""

    def __init__(self, raw: dict[str, Any], english: frozenset[str]) -> None:
        self.version: str = raw["version"]
        self.exact: dict[str, list[Entry]] = {}
        self.collapsed: dict[str, list[Entry]] = {}
        self.allow: set[str] = set()
        self.by_first: dict[str, list[tuple[str, Entry]]] = {}
        self.max_words = 1
        self.multi: set[str] = set()
        for block in raw["slur"]:
            amb = set(block.get("ambiguous", ()))
            every = "*" in amb
            men = set(block.get("said_of_men", ()))
            for term in block["terms"]:
                e = Entry(term, block["category"], int(block["severity"]), every or term in amb, term in men)
                key = term.replace(" ", "")
                self.exact.setdefault(key, []).append(e)
                self.collapsed.setdefault(collapse(key), []).append(e)
                self.by_first.setdefault(key[0], []).append((key, e))
                self.max_words = max(self.max_words, term.count(" ") + 1)
                if " " in term:
                    self.multi.add(key)
                    self.multi.add(collapse(key))
            self.allow.update(w.replace(" ", "") for w in block.get("allow", ()))
        self.english = frozenset(w for w in english if w not in self.exact)
        # slurs that are still read when run onto another word ("dirtfaggot"): protected characteristics only,
        # never ambiguous, never shorter than COMPOUND_KEY letters
        self.compound = {key: kept for key, es in self.exact.items() if len(key) >= COMPOUND_KEY
                         if (kept := [e for e in es if e.category in PROTECTED and not e.ambiguous])}
        # every prefix of a collapsed multi-word key: a word that is none of these cannot start one
        self.multi_prefixes = {k[:n] for k in map(collapse, self.multi) for n in range(1, len(k) + 1)}

        self.identity: dict[str, set[str]] = {}
        for cat, terms in raw["identity"].items():
            for t in terms:
                self.identity.setdefault(t, set()).add(cat)
                if t.endswith("s") and not t.endswith("ss") and t not in NO_SINGULAR:
                    self.identity.setdefault(t[:-1], set()).add(cat)
        group_words = dict(self.identity)
        for key, entries in self.exact.items():
            for e in entries:
                if e.category in PROTECTED and not e.ambiguous:
                    group_words.setdefault(e.term, set()).add(e.category)
        self.group_cats = group_words
        alt = trie_regex(group_words)
        insults = sorted({e.term for es in self.exact.values() for e in es
                          if e.category in ("derogatory", "sex", "disability")}, key=len, reverse=True)
        ins_alt = trie_regex(insults)
        ctx = raw["context"]
        neg_alt = ctx["negation"].removeprefix(r"\b(?:").removesuffix(r")\b")

        self.rules: list[Rule] = []

        def side(r: dict[str, Any], key: str) -> re.Pattern[str] | None:
            """A rule's ``unless`` or ``requires`` pattern; {GROUP} there is any identity term (no slot to name)."""
            return re.compile(fill(r[key].replace("{GROUP}", f"(?:{alt})(?![a-z])"), raw)) if key in r else None
        # the filter reads the group names and insults once, not in every rule (``prefilter.needs``'s ``parts``)
        group, insult = f"(?:{alt})(?![a-z])", f"(?:{ins_alt})"
        parts = {"\ue000": group, "\ue001": insult}
        for r in raw["rule"]:
            gslots = tuple(f"g{i}" for i in range(r["pattern"].count("{GROUP}")))
            nslots = tuple(f"n{i}" for i in range(r["pattern"].count("{NEG}")))
            emoji_alt = "(?:" + "|".join(map(re.escape, r.get("emoji", ()))) + ")"
            slots = {"{GROUP}": group, "{NEG}": neg_alt, "{EMOJI}": emoji_alt, "{INSULT}": insult}
            pat = _expanded(r["pattern"], slots, raw)
            # a rule with ``emoji`` reads the text with some of its words in capitals (``_read_by``): the same
            # text lower-cased, so the filter holds while those words are ASCII
            filtered = all(w.isascii() for w in r.get("emoji", ())) and not any(c in pat for c in parts)
            self.rules.append(Rule(r["id"], r["label"], int(r["severity"]), r["note"], re.compile(pat),
                                   gslots, nslots, bool(r.get("group_also", False)),
                                   bool(r.get("negatable_inside", False)),
                                   re.compile(rf"\b{emoji_alt}\b") if "emoji" in r else None,
                                   side(r, "unless"), side(r, "requires"),
                                   needs(_expanded(r["pattern"], slots | {"{GROUP}": "\ue000", "{INSULT}": "\ue001"}, raw),
                                         parts) if filtered else NO_NEEDS))
        self.rule_index = NeedsIndex([rule.needs for rule in self.rules])
        # a word of a group's name misspelt by one letter ("muslms", "blakc people", "immigrnts", "gay peple"): each
        # inner letter dropped and each pair of neighbours after the first letter swapped, where the result is no
        # English or lexicon word and no two words share it (``Lexicon._spelt`` also reads one letter added)
        self.group_vocab = frozenset(w for t in self.identity for w in t.split() if len(w) >= TYPO_MIN and w.isalpha()
                                     and w not in NOT_RESPELT and not w.endswith(("ie", "sse")))
        typos: dict[str, str | None] = {}
        for w in sorted(self.group_vocab):
            forms = [w[:i] + w[i + 1:] for i in range(1, len(w) - 1)]
            forms += [w[:i] + w[i + 1] + w[i] + w[i + 2:] for i in range(1, len(w) - 1) if w[i] != w[i + 1]]
            for form in forms:
                if not (form in self.group_vocab or self.plain_word(form)):
                    typos[form] = w if typos.get(form, w) == w else None
        self.typos = {k: v for k, v in typos.items() if v is not None}
        # what a token run together from a group's name and a word beside it is read as (``unjoined``): one of the
        # commonest chat words, and a name from the identity list (slurs run onto a word are ``compound``'s)
        self.join_pieces = frozenset(w for w in common_english() if len(w) >= 2 or w in ("i", "a")) | frozenset(
            w for t in self.identity for w in t.split() if w.isalpha())
        self.join_groups = frozenset(t for t in self.identity if len(t) >= 4)
        ident = trie_regex(t for t in self.identity if t not in NOMINAL)
        nominal = trie_regex(t for t in self.identity if t in NOMINAL)
        # also possessive: "a gay persons life"; "the disabled" names a group only as a noun (NOMINAL)
        self.identity_re = re.compile(rf"\b(?:{ident})(?=s?(?![a-z]))"
                                      rf"|\b(?:{nominal})(?![a-z])(?!\s+(?!{NOMINAL_NEXT}\b)[a-z])")
        # people named by an identity word before a person noun ("a gay lad", "the black guys", "a deaf bloke"):
        # the adjectives are the identity list's own ("gay" of "gay people"), with its one-word names ("muslim",
        # "chinese"); the noun names nobody's sex by itself there ("a muslim woman" names a religion, as the list's
        # "black women" names a race)
        self.adjective: dict[str, set[str]] = {}
        for term, cats in self.identity.items():
            words = term.split()
            if len(words) > 1 and words[-1] in PERSON_HEADS and words[0] not in ("the", "old", "young"):
                self.adjective.setdefault(" ".join(words[:-1]), set()).update(cats)
            elif len(words) == 1 and term not in NO_SINGULAR and cats - {"sex"}:
                self.adjective.setdefault(term, set()).update(cats - {"sex"})
        self.person_re = re.compile(rf"\b(?P<adj>{trie_regex(self.adjective)})(?: {PERSON_MODIFIER})? {PERSON_NOUN}"
                                    r"(?![a-z])")
        self.endorse = re.compile(raw["responses"]["endorsement"])
        self.egg_on = re.compile(raw["responses"].get("egging_on", "(?!)"))
        self.laughter = re.compile(raw["responses"].get("laughter", "(?!)"))
        self.counter = re.compile(raw["responses"]["counter_speech"])
        self.negation = re.compile(ctx["negation"])
        self.reported = re.compile(ctx["reported"])
        self.mention = re.compile(ctx["mention"])
        self.counter_quote = re.compile(fill(ctx["counter_quote"], raw))  # {PRONOUNS}, shared with the misgender rule
        self.denial = re.compile(ctx["denial"])
        self.self_ref = re.compile(ctx["self_reference"])
        self.homonym = re.compile(fill(ctx["homonym"], raw))
        # what the context patterns every message is read with need (``Lexicon.context``, ``Lexicon.responses``)
        self.context_needs = {name: needs(getattr(self, name).pattern)
                              for name in ("reported", "mention", "counter_quote", "homonym", "counter")}
        forget_readings()
        # what follows a slur-like word that names a thing rather than a person ("trash bag", "a nutter of a shift")
        self.thing_after = re.compile(fill("{THING_AFTER}", raw))
        # force a police officer uses, with a reason and nothing beyond it ("if he resists, ground him and cuff him")
        self.force = re.compile(fill(r"\b(?:{FORCE}|{HANDLING})\b", raw))
        self.force_reason = re.compile(fill(r"\b(?:{FORCE_REASON}|{HANDLING_TO})", raw))
        self.sex_beyond = re.compile(fill(r"\b{SEX_BEYOND}\b", raw))
        self.force_beyond = re.compile(fill(r"\b(?:{BEYOND}|{CONTEMPT}\b)", raw))
        # phrases in an ordinary sense the text model reads as a label ("landed on her backside": sexual)
        self.ordinary_sense = {label: re.compile(fill(p, raw)) for label, p in raw.get("ordinary_sense", {}).items()}
        emo = raw["emoji"]
        self.alias: dict[str, str] = emo["alias"]
        # one pass over a message: the longest emoji alias at each place, else any emoji character → space
        self.alias_re = re.compile(f"{PROFESSION}|(?P<alias>{trie_regex(self.alias)})|{EMOJI_CLASS}")
        self.laughing = frozenset(emo["laughing"])
        self.approving = frozenset(emo["approving"])
        self.disapproving = frozenset(emo["disapproving"])
        self.leering = frozenset(emo["leering"])  # what makes a handling order more than the job (``_police_force``)

    def unjoined(self, word: str) -> str | None:
        """``word`` read as a group's name run onto one word beside it ("hatemuslims" → "hate muslims", "muslimsare" →
        "muslims are", "gaypeople" → "gay people"; and "i" before those: "ihatewomen"): two pieces of two letters or
        more, each a common chat word or a word of a name on the identity list, that together hold a name on the list;
        None when there is no such reading, or the word is a word already."""
        if self.plain_word(word):
            return None
        for lead in ("", "i") if word.startswith("i") else ("",):
            rest = word[len(lead):]
            for k in sorted(range(2, len(rest) - 1), key=lambda k: -max(k, len(rest) - k)):
                a, b = rest[:k], rest[k:]
                if a not in self.join_pieces or b not in self.join_pieces:
                    continue
                if a in self.join_groups or b in self.join_groups or f"{a} {b}" in self.join_groups:
                    return f"{lead} {a} {b}".lstrip()
        return None

    def plain_word(self, word: str) -> bool:
        """Whether ``word`` is spelt as a word already: English, a lexicon word or allowed, or a group's name."""
        return (word in self.exact or word in self.allow or word in self.identity
                or real_word(word, self.english))


@cache
def load(name: str = "lexicon_en.toml") -> LexiconData:
    raw = tomllib.loads(resources.files("chatprobe.detect").joinpath("data", name).read_text("utf-8"))
    return LexiconData(raw, _english_words())


@cache
def _english_words() -> frozenset[str]:
    """Real words a fuzzy match must never rewrite into a slur ("wheres" is not "whores", "nicer" is not a
    racial slur): Webster's Second and GCIDE (the ``english-words`` package, MIT, 263k words, offline) and
    the whole words of the encoder's WordPiece vocabulary. Slurs that are dictionary words are still found:
    exact lookups come first; this only stops the one-letter-changed guess."""
    from english_words import get_english_words_set
    words = set(get_english_words_set(["web2", "gcide"], alpha=True, lower=True))
    return frozenset(words | {w for w in vocabulary() if w.isalpha() and len(w) >= 4})


_SUFFIXES = (("s", ""), ("es", ""), ("ies", "y"), ("d", ""), ("ed", ""), ("ied", "y"), ("ing", ""), ("ing", "e"),
             ("r", ""), ("er", ""), ("ier", "y"), ("st", ""), ("est", ""), ("iest", "y"), ("ly", ""), ("ily", "y"),
             ("n", ""), ("en", ""), ("ness", ""), ("ful", ""))


def real_word(word: str, words: frozenset[str]) -> bool:
    """``word`` or a regular inflection of one ("wheres" from "where's", "nicer", "finished", "bigger")."""
    if word in words:
        return True
    for suffix, add in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            if stem + add in words or (len(stem) > 3 and stem[-1] == stem[-2] and stem[:-1] in words):
                return True
    return False


# what text.is_emoji() accepts as a regex class; EMOJI_CLASS adds variation selector 16 and the zero-width joiner
_EMOJI_CHARS = ("\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\u203C\u2049\u2122\u2139\u3030\u303D"
                "\u3297\u3299\u00A9\u00AE")
EMOJI = re.compile(f"[{_EMOJI_CHARS}]")
EMOJI_CLASS = f"[{_EMOJI_CHARS}\uFE0F\u200D]"
# a person joined to a tool of a trade (👩‍🔬 scientist, 👨‍⚖️ judge, 👩‍🌾 farmer) names the trade, not women or men; a
# dark skin tone on it still stands for black people to the phrase rules, as it does on a person alone (the aliases
# 👩🏾, 👨🏿 …), but not to the text model's gate (``mentions``, lexicon 2026.12.12: a member's own "👩🏾‍🏫")
DARK_TONES = ("\U0001F3FE", "\U0001F3FF")
PROFESSION = ("[\U0001F468\U0001F469\U0001F9D1](?P<tone>[\U0001F3FB-\U0001F3FF])?\u200D"
              "[\u2695\u2696\u2708\U0001F393\U0001F3EB\U0001F33E\U0001F373\U0001F527\U0001F3ED\U0001F4BC"
              "\U0001F52C\U0001F4BB\U0001F3A4\U0001F3A8\U0001F680\U0001F692\U0001F37C]\uFE0F?")


def _folded(toks: Sequence[Token]) -> tuple[str, list[int]]:
    """The folded text of these tokens, one space between words, and each word's start in it."""
    starts, pos = [], 0
    for t in toks:
        starts.append(pos)
        pos += len(t.form) + 1
    return " ".join(t.form for t in toks), starts


def trie_regex(words: Iterable[str]) -> str:
    """A regex alternation matching exactly ``words``, factored by common prefixes.

    Python's ``re`` tries a plain ``a|b|c…`` alternation word by word at every position; with hundreds of
    group names that dominated the lexicon's time. The trie form rejects a position after one character.
    Longer words are still tried before their prefixes (``muslims`` before ``muslim``), as in the
    length-sorted alternation it replaces.
    """
    trie: dict[str, Any] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return body + "?" if len(branches) == 1 and len(body) == 1 else f"(?:{body})?"
        return body

    return build(trie)


TYPO_MIN = 5  # letters a word of a group's name needs before its one-letter misspellings are read as it
# chat shorthand read as the word in a group's name ("gay ppl")
SHORTHAND = {"ppl": "people", "ppls": "people"}
# group names not read from a misspelling: ordinary words too ("proles" is one letter from "poles", "truks" from
# "turks"); nor are the singulars made up by dropping an "s" ("ladie", "enbie": "enie meenie"; see group_vocab)
NOT_RESPELT = frozenset(["poles", "turks"])
TYPO_WORD = re.compile(r"(?<![a-z])[a-z]{3,}(?![a-z])")
# a group's name run onto a word beside it ("hatemuslims", "Muslimsare vermin", "Gaypeople"): a token of 6+ letters
# that is no word, in the folded text and as written (not a @handle, whose words run together by design)
JOINED_WORD = re.compile(r"(?<![a-z])[a-z]{6,}(?![a-z])")
JOINED_WRITTEN = re.compile(r"(?<![@\w])[A-Za-z]{6,}(?!\w)")
HANDLE = re.compile(r"@\w+")
# a run of single letters in the original text ("g a y s", "M u s l i m s"): SPACED in either case
SPACED_WRITTEN = re.compile(SPACED.pattern, re.IGNORECASE | re.ASCII)
# a word of the original text, with digits for letters inside it ("mus1ims")
WRITTEN_WORD = re.compile(r"(?<![^\W_])[A-Za-z][A-Za-z0-9]{3,}(?![^\W_])")
FUZZY_MIN = 5  # letters a token needs before a one-letter-changed match is tried (slurs matched are 6+)
# a slur run onto another word ("dirtfaggot", "faggotface"): the slur has 5+ letters, the other word is a real word
# of 3+ letters before it or 4+ after it, and the whole token is no real word ("whorehouse", "retardant")
COMPOUND_KEY, COMPOUND_BEFORE, COMPOUND_AFTER = 5, 3, 4
# words after a slur that talk about the slur or its hate, not with it: "slutshaming", "lesbophobia"
ABOUT_THE_WORD = ("shaming", "shamed", "shame", "shamer", "shamers", "phobia", "phobic", "phobe", "phobes",
                  "phobias")


def _within_one(a: str, b: str) -> bool:
    """Levenshtein distance ≤ 1, or one swap of neighbours."""
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diff = [i for i in range(la) if a[i] != b[i]]
        return len(diff) <= 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    if la > lb:
        a, b, la, lb = b, a, lb, la
    i = 0
    while i < la and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1:]


def _cased(written: str, read: str) -> str:
    """``read`` (lower case) in the case ``written`` was written in: all capitals, a capital first, or none."""
    return read.upper() if written.isupper() else read.capitalize() if written[0].isupper() else read


def _joined(letters: str, is_word: Callable[[str], bool]) -> str:
    """A run of single letters ("g a y s") joined when it spells a word, keeping a leading "i" or "a" apart when only
    the rest does ("i h a t e" → "i hate"); as it was otherwise."""
    whole = letters.replace(" ", "")
    if is_word(whole):
        return whole
    if letters[0] in "iaIA" and (rest := whole[1:]) and is_word(rest):
        return f"{letters[0]} {rest}"
    return letters


class _Readings:
    """Words read once and remembered: those read as something else (``changed``) and those read as themselves
    (``same``: a set, so a message whose words are all known is checked in one call rather than a callback per word);
    both are forgotten together past 65,536 words."""

    def __init__(self, read: Callable[[str], str | None]) -> None:
        self._read = read
        self.changed: dict[str, str] = {}
        self.same: set[str] = set()

    def __call__(self, word: str) -> str:
        if word in self.same:
            return word
        if (found := self.changed.get(word)) is not None:
            return found
        if len(self.changed) + len(self.same) >= 1 << 16:
            self.changed.clear()
            self.same.clear()
        found = self._read(word)
        if not found or found == word:
            self.same.add(word)
            return word
        self.changed[word] = found
        return found


class Lexicon(Detector):
    """Words and phrase rules from ``data/lexicon_en.toml``."""

    name = NAME
    evidence = "explicit"

    def __init__(self, lexicon: str = "lexicon_en.toml") -> None:
        self.data = load(lexicon)
        self.version = self.data.version
        self._lookups: dict[str, tuple[list[Entry], str] | None] = {}
        # the words read so far: folded words respelt or known to need no respelling, words as written known to need
        # none, and folded tokens read apart (``LexiconData.unjoined``) or known not to be; most messages have only
        # words that need nothing, and a set check over a message's words is cheaper than a callback per word
        self._spelt = _Readings(self._spelling)
        self._respelt_written = _Readings(self._written_spelling)
        self._unjoined = _Readings(self.data.unjoined)
        self.labels = taxonomy().labels

    # -- words ----------------------------------------------------------------------------------------
    def _lookup(self, cand: str) -> tuple[list[Entry], str] | None:
        """The lexicon entries a candidate word stands for, and how it matched (cached per word)."""
        cache = self._lookups
        if cand in cache:
            return cache[cand]
        if len(cache) >= 1 << 16:
            cache.clear()
        found = cache[cand] = self._lookup_uncached(cand)
        return found

    def _lookup_uncached(self, cand: str) -> tuple[list[Entry], str] | None:
        d = self.data
        if not cand or not any(c.isalpha() for c in cand):
            return None
        if any(c in CENSOR for c in cand):
            return self._censored(cand)
        if cand in d.exact:
            return d.exact[cand], "exact"
        if cand in d.allow or cand in d.english:
            return None
        col = collapse(cand)
        if col in d.collapsed:
            return d.collapsed[col], "repeated letters"
        # one letter changed: only on long tokens, and never when the token is itself a real word
        if len(cand) >= FUZZY_MIN and cand.isalpha() and not real_word(cand, d.english):
            for key, e in d.by_first.get(cand[0], ()):
                if len(key) >= 6 and not e.ambiguous and _within_one(col, collapse(key)):
                    return [e], "one letter changed"
            return self._compound(cand)
        return None

    def _compound(self, cand: str) -> tuple[list[Entry], str] | None:
        """A slur run onto a real word, either side: "dirtfaggot", "faggotface" (lexicon 2026.12.18)."""
        d = self.data
        n = len(cand)
        if cand.endswith(ABOUT_THE_WORD):
            return None
        slur_after = (cand[i:] for i in range(COMPOUND_BEFORE, n - COMPOUND_KEY + 1)
                      if cand[i:] in d.compound and real_word(cand[:i], d.english))
        slur_before = (cand[:i] for i in range(COMPOUND_KEY, n - COMPOUND_AFTER + 1)
                       if cand[:i] in d.compound and real_word(cand[i:], d.english))
        slur = next(slur_after, None) or next(slur_before, None)
        # two ordinary words that happen to hold a slur across their join are not one: "touch" + "ink"
        if slur is None or any(real_word(cand[:i], d.english) and real_word(cand[i:], d.english)
                               for i in range(COMPOUND_BEFORE, n - COMPOUND_BEFORE + 1)):
            return None
        return d.compound[slur], "run onto another word"

    def _censored(self, cand: str) -> tuple[list[Entry], str] | None:
        visible = sum(c.isalpha() for c in cand)
        if visible < 1 or len(cand) < 3 or not cand[0].isalpha():
            return None
        pat = re.compile("".join(f"[a-z]{{1,{len(m) + 1}}}" if m[0] in CENSOR else re.escape(m)
                                 for m in re.findall(rf"[{re.escape(CENSOR)}]+|[^{re.escape(CENSOR)}]+", cand)))
        if any(pat.fullmatch(p) for p in PROFANITY):
            return None
        found = [e for key, e in self.data.by_first.get(cand[0], ()) if pat.fullmatch(key)
                 and (len(key) >= 4 or visible >= 2)]
        if not found:
            return None
        found.sort(key=lambda e: (-e.severity, e.term))
        return found[:1], "censored"

    def _word_hits(self, text: str, toks: list[Token]) -> list[tuple[int, int, Entry, str]]:
        """(first token, last token, entry, how) for every lexicon word, longest match first."""
        out: list[tuple[int, int, Entry, str]] = []
        used: set[int] = set()
        n = len(toks)
        forms = [t.form for t in toks]
        # spaced-out letters: "f a g g o t", "n.i.g" already joined by folding
        i = 0
        while i < n:
            j = i
            while j < n and len(forms[j]) == 1 and forms[j].isalpha():
                j += 1
            if j - i >= 3:
                found = self._lookup("".join(forms[i:j]))
                if found:
                    out.append((i, j - 1, found[0][0], "spaced letters"))
                    used.update(range(i, j))
                i = j
            else:
                i += 1
        multi, prefixes = self.data.multi, self.data.multi_prefixes
        starts = [collapse(f) in prefixes for f in forms] if self.data.max_words > 1 else []
        for width in range(self.data.max_words, 0, -1):
            for i in range(n - width + 1):
                if width > 1 and not starts[i]:
                    continue
                if used and any(k in used for k in range(i, i + width)):
                    continue
                cand = "".join(forms[i:i + width])
                if width > 1 and cand not in multi and collapse(cand) not in multi:
                    continue
                found = self._lookup(cand)
                # a handle is a name, not words of the message: "@savanigga" is read whole or not at all
                if found and not (found[1] == "run onto another word" and toks[i].raw.startswith("@")):
                    entries, how = found
                    out.append((i, i + width - 1, entries[0], how))
                    for e in entries[1:]:
                        out.append((i, i + width - 1, e, how))
                    used.update(range(i, i + width))
        return out

    # -- one text -------------------------------------------------------------------------------------
    def hits(self, text: str) -> list[Hit]:
        d = self.data
        toks = tokens(text)
        folded_words = [t.form for t in toks]
        # folded text with word positions, so word hits and phrase rules share one coordinate system
        folded, starts = _folded(toks)
        result: list[Hit] = []
        sexual_context = False
        word_hits = self._word_hits(text, toks)
        for i, j, e, how in word_hits:
            if e.category == "sexual" and not e.ambiguous:
                sexual_context = True
        per_term: dict[str, int] = {}
        for i, j, e, how in word_hits:
            per_term[e.term] = per_term.get(e.term, 0) + 1
            if per_term[e.term] > MAX_RULE_HITS:
                continue  # one word repeated thousands of times: see MAX_RULE_HITS
            before = folded_words[max(0, i - 2):i]
            after = folded_words[j + 1:j + 2]
            if e.ambiguous:
                if e.category == "sexual":
                    own_health = before[-1:] == ["my"] and bool(HEALTH.search(folded))
                    aimed = sexual_context or (any(w in SEXUAL_AIM for w in before) and not own_health)
                else:
                    aimed = (any(w in AIM for w in before) or (after and after[0] in ("you", "u", "ya"))
                             or folded_words[j + 1:j + 3] == ["like", "you"]) and not (
                        # the word names a thing: "that trash bag", "a nutter of a shift", "load of veg in the fridge"
                        d.thing_after.match(folded, starts[j] + len(folded_words[j]))
                        or _food_sense(e.term, before, folded))
                if not aimed or (e.said_of_men and not MALE.search(folded)):
                    continue
            score = {"exact": 0.95, "repeated letters": 0.92, "spaced letters": 0.92, "censored": 0.9,
                     "one letter changed": 0.8, "run onto another word": 0.8}[how] - (0.15 if e.ambiguous else 0.0)
            span = (toks[i].start, toks[j].end)
            fpos = (starts[i], starts[j] + len(folded_words[j]))
            kind = "slur" if e.category in PROTECTED else \
                "insult" if e.category == "derogatory" else "sexual term"
            note = f"{kind} '{e.term}'" + (f" ({how})" if how != "exact" else "")
            status = self._status(text, folded, fpos, slur=True, protected=kind == "slur")
            result.append(Hit(e.category, e.severity, score, f"lexicon.{kind.replace(' ', '_')}", note, e.term,
                              text[span[0]:span[1]], span, fpos, TARGET_OF.get(e.category), status))

        # phrase rules run over the folded text with emoji replaced by words
        ftext = self._rule_text(text, folded)
        # "k i l l all …", "I h a t e …": the rules read the word the letters spell
        ftext = self._unspaced(ftext)
        written_as_emoji = self._emoji_words(text)  # for the rules with ``emoji`` words; none in an ASCII text
        # only the rules that can match (``Needs.may_match``: one gram of each of the rule's sets in the message)
        present = text_grams(ftext, d.rule_index.grams)
        for rule in map(d.rules.__getitem__, d.rule_index.matching(present)):
            found = rule.regex.finditer(_read_by(rule, ftext, written_as_emoji))
            first = next(found, None)
            if first is None:
                continue  # most messages: the rule's own pattern is the cheap test, its unless/requires come after
            if rule.unless is not None and rule.unless.search(ftext):
                continue
            if rule.requires is not None and not rule.requires.search(ftext):
                continue
            # at most MAX_RULE_HITS: a message repeating one phrase thousands of times, whose status checks read the text
            for m in itertools.islice(itertools.chain((first,), found), MAX_RULE_HITS):
                if rule.label == "derogatory" and _food_sense((words := m.group(0).split())[-1], words, ftext):
                    continue  # "these jam tarts are lovely": the insult word in its food sense
                groups = [m.group(g) for g in rule.group_slots if m.group(g)]
                negated = any(m.group(g) for g in rule.neg_slots) or (
                    rule.negatable_inside and bool(d.negation.search(_mask(NOT_NEGATING, m.group(0)))))
                cats: list[str] = []
                for g in groups:
                    cats.extend(sorted(d.group_cats.get(g, ())))
                labels: list[str] = []
                if rule.label == "group":
                    labels = cats or []
                else:
                    labels = [rule.label] + (cats if rule.group_also else [])
                target = groups[0] if groups else None
                fpos = (m.start(), m.end())
                status = "negated" if negated else self._status(text, ftext, fpos, slur=False,
                                                                 protected=bool(cats) or rule.label == "derogatory")
                for label in dict.fromkeys(labels):
                    sev = rule.severity if label == rule.label or rule.label == "group" else max(rule.severity, 2)
                    result.append(Hit(label, sev, 0.9, f"lexicon.{rule.id}", rule.note, rule.id, ftext[fpos[0]:fpos[1]],
                                      None, fpos, target or TARGET_OF.get(label), status))
        if d.ordinary_sense:
            result = self._ordinary_sense(ftext, result)
        result.extend(self._police_force(text, ftext, result))
        return result

    def _ordinary_sense(self, ftext: str, found: list[Hit]) -> list[Hit]:
        """``found`` with each hit inside a phrase in its ordinary sense (``[ordinary_sense]``: "I'll beat you to the
        canteen", "she landed on her backside") set aside as "ordinary", and a set-aside hit of the phrase's label
        where no hit of that label is left active, so that the text model alone flags no such label there."""
        for label, regex in self.data.ordinary_sense.items():
            spans = [m.span() for m in regex.finditer(ftext)]
            if not spans:
                continue
            found = [replace(h, status="ordinary") if h.label == label and h.status == "active"
                     and any(a < h.fpos[1] and h.fpos[0] < b for a, b in spans) else h for h in found]
            if not any(h.label == label and h.status == "active" for h in found):
                a, b = spans[0]
                found.append(Hit(label, 0, 0.0, "lexicon.ordinary_sense", f"words the text model reads as {label}, "
                                 "in their ordinary sense", "ordinary sense", ftext[a:b], None, (a, b), None, "ordinary"))
        return found

    def _police_force(self, text: str, ftext: str, found: list[Hit]) -> list[Hit]:
        """Force a police officer uses, ordered or told with its reason and nothing beyond what the job needs ("if he
        resists, ground him and cuff him", "drag him out if he won't unlock the door"), or a person in custody handled
        ("take her arms and walk her to the van", "walk her to the cells": taking someone to a police place is its
        own reason): a threat read in its working sense, set aside ("ordinary"), so that the text model alone, which
        reads any such order as violence, flags no threat there; and a sexual reading too ("put her in the back of
        the car and cuff her to the front"), unless the message says more than the job in that way ("I'll search her
        myself", a winking emoji). None where a rule found abuse or a threat in the message, or it says more than the
        job needs ("… and give him a few digs in the van", "cuff the gobby scrote"; lexicon 2026.12.38 and .45)."""
        d = self.data
        m = d.force.search(ftext)
        if (m is None or not d.force_reason.search(ftext) or d.force_beyond.search(ftext)
                or any(h.status == "active" for h in found)):
            return []
        out = [Hit("threat", 0, 0.0, "lexicon.police_force", "force a police officer uses, with its reason",
                   "police use of force", m.group(0), None, (m.start(), m.end()), None, "ordinary")]
        if not d.sex_beyond.search(ftext) and not any(c in d.leering for c in text):
            out.append(Hit("sexual", 0, 0.0, "lexicon.police_force", "a person in custody handled, nothing more",
                           "police use of force", m.group(0), None, (m.start(), m.end()), None, "ordinary"))
        return out

    def _unspace(self, letters: str) -> str:
        """A run of single letters as the word it spells ("k i l l" → "kill", "g a y s" → "gays"), keeping a leading
        "i" or "a" apart when only the rest is a word ("i h a t e" → "i hate"); left as it was when it spells none.
        A word is an English or lexicon word, or a word naming a group."""
        d = self.data
        return _joined(letters, lambda w: w in d.english or w in d.exact or w in d.group_cats)

    def _unspaced(self, folded: str) -> str:
        """``folded`` with each run of single letters read as the word it spells (``_unspace``)."""
        return SPACED.sub(lambda m: self._unspace(m.group(0)), folded)

    def _rule_text(self, text: str, folded: str | None = None, *, trade_tone: bool = True) -> str:
        """What the phrase rules and the group mentions read: ``text`` folded (an ASCII text's ``folded``, when the
        caller has it) with emoji as the words of their aliases and a people's name that names no people out of
        reach. ``trade_tone``: a trade emoji with a dark skin tone reads as black people (the rules' reading)."""
        if not text.isascii():
            folded = fold_text(self._alias_emoji(text, trade_tone))
        elif folded is None:
            folded = fold_text(text)
        return not_groups(self._words_read(folded, text))

    def _words_read(self, folded: str, text: str = "") -> str:
        """``folded`` with its words read as words: each misspelt word of a group's name respelt, then each token run
        together from a group's name and a word beside it read apart (``LexiconData.unjoined``), except the words
        of a @handle in ``text``."""
        folded = self._respell(folded)
        if self._unjoined.same.issuperset(JOINED_WORD.findall(folded)):
            return folded
        skip = {fold_text(h) for h in HANDLE.findall(text)} if "@" in text else set()
        return JOINED_WORD.sub(lambda m: m.group(0) if m.group(0) in skip else self._unjoined(m.group(0)), folded)

    def respelt(self, text: str) -> str:
        """``text`` as written, with each misspelt word of a group's name spelt right ("Msulims are a disgrace" →
        "Muslims are a disgrace"): what the pipeline gives the text model, which reads a misspelt group's name as
        noise ("Black peope make this force better" read hateful 0.75, "Black people …" 0.35). Chat shorthand
        ("ppl") is left as written: the model learnt it. A group's name spelt out with spaces is joined ("i hate
        g a y s" → "i hate gays": the model read the letters as hate of race, 0.92), and one run onto a word beside it
        is read apart ("Muslimsare vermin" → "Muslims are vermin"; ``LexiconData.unjoined``)."""
        if " " in text:
            text = SPACED_WRITTEN.sub(self._joined_group, text)
        if not self._respelt_written.same.issuperset(WRITTEN_WORD.findall(text)):
            text = WRITTEN_WORD.sub(lambda m: self._respelt_written(m.group(0)), text)
        # after the misspellings, as the rules read it ("Imigrants" is "Immigrants", not "I migrants")
        if not self._unjoined.same.issuperset(w.lower() for w in JOINED_WRITTEN.findall(text)):
            text = JOINED_WRITTEN.sub(self._unjoined_written, text)
        return text

    def _unjoined_written(self, m: re.Match[str]) -> str:
        """A token as written, read apart when it is a group's name run onto a word beside it; as it was otherwise."""
        word = m.group(0)
        found = self._unjoined(word.lower())
        return word if found == word.lower() else _cased(word, found)

    def _joined_group(self, m: re.Match[str]) -> str:
        """A run of single letters as written, joined when it spells a word naming a group; as it was otherwise."""
        return _joined(m.group(0), lambda w: w.lower() in self.data.group_cats)

    def _written_spelling(self, word: str) -> str | None:
        """A word as written, spelt right in its own case when it misspells a word of a group's name; else None."""
        # letters alone fold to lower case; a word with digits in it reads them as letters ("mus1ims")
        low = word.lower() if word.isalpha() else fold_text(word)
        if low in SHORTHAND or not low.isalpha() or (right := self._spelt(low)) == low:
            return None
        return _cased(word, right)

    def _respell(self, folded: str) -> str:
        """``folded`` with each misspelt word of a group's name spelt as the word (``LexiconData.typos``)."""
        if self._spelt.same.issuperset(TYPO_WORD.findall(folded)):
            return folded
        return TYPO_WORD.sub(lambda m: self._spelt(m.group(0)), folded)

    def _spelling(self, word: str) -> str | None:
        """The word of a group's name ``word`` misspells (``_spelt`` remembers it), or None."""
        d = self.data
        found = SHORTHAND.get(word) or d.typos.get(word)
        if found is None and len(word) >= TYPO_MIN - 1 and not d.plain_word(word):
            # one inner letter added ("muslimms", "immigrannts"): the word it leaves when taken out; or a "1" for an
            # "l", which folding read as an "i" ("mus1ims", "b1acks")
            near = {word[:i] + word[i + 1:] for i in range(1, len(word) - 1)} if len(word) > TYPO_MIN else set()
            near |= {word[:i] + "l" + word[i + 1:] for i in range(len(word)) if word[i] == "i"}
            near &= d.group_vocab
            found = near.pop() if len(near) == 1 else None
        return found

    def _emoji_words(self, text: str) -> set[str]:
        """The words ``text`` wrote as emoji (their aliases: "🐷" is "pig")."""
        if text.isascii():
            return set()
        return {self.data.alias[a] for m in self.data.alias_re.finditer(text) if (a := m.group("alias"))}

    def _alias_emoji(self, text: str, trade_tone: bool = True) -> str:
        alias = self.data.alias
        def word(m: re.Match[str]) -> str:
            if m.group("alias"):
                return f" {alias[m.group('alias')]} "
            # a trade, or any other emoji
            return " black people " if trade_tone and m.group("tone") in DARK_TONES else " "

        return self.data.alias_re.sub(word, text)

    def _homonym_at(self, folded: str, end: int) -> bool:
        """Whether a word ending at ``end`` of ``folded`` is inside one of the homonym contexts ("off for a fag")."""
        return any(m.start() < end <= m.end() for m in self.data.homonym.finditer(folded))

    def _status(self, text: str, folded: str, fpos: tuple[int, int], *, slur: bool, protected: bool) -> str:
        d = self.data
        if self._homonym_at(folded, fpos[1]):
            return "homonym"
        clause_start = max(folded.rfind(c, 0, fpos[0]) for c in ".!?;\n") + 1
        before = folded[clause_start:fpos[0]]
        # the cue may be before the hit or be the rule's own first words ("he threatened to stab her" reports a
        # threat), so the clause is searched up to the hit's end
        if self._reported(folded[clause_start:fpos[1]]) or d.mention.search(folded):
            return "quoted"
        if d.counter_quote.search(folded):
            return "counter"
        if not slur:
            # a phrase that does not negate may run through the hit ("nothing turns me on more than …"): masked over
            # the rest of the text, then cut back to what comes before the hit
            unneg = _mask(NOT_NEGATING, folded[clause_start:])[:fpos[0] - clause_start]
            window = " ".join(unneg.split()[-3:])
            if d.negation.search(window) or d.denial.search(before):
                return "negated"
        if protected and d.self_ref.search(folded[max(0, fpos[0] - 40):fpos[0]]):
            return "reclaimed"
        if self._inside_challenged_quote(text, folded[fpos[0]:fpos[1]]):
            return "counter"
        return "active"

    def _inside_challenged_quote(self, text: str, matched: str) -> bool:
        """The hit lies inside quotation marks and the words outside them challenge or report it."""
        quoted = QUOTED.findall(text)
        if not quoted:
            return False
        # as the rules read it: misspelt, spaced-out and run-together words read as words
        inside = [self._unspaced(self._words_read(fold_text("".join(q)))) for q in quoted]
        if not any(matched and (matched in q or q in matched) for q in inside if q):
            return False
        outside = fold_text(QUOTED.sub(" ", text))
        d = self.data
        return bool(d.counter.search(outside) or d.counter_quote.search(outside) or EVALUATION.search(outside)
                    or self._reported(outside))

    def context(self, text: str) -> str | None:
        """Whole-message context: "quoted" for reported speech (crime reports, statements), "counter" for
        counter-speech that quotes hate, "homonym" for an ordinary sense of a slur-like word; None otherwise. The pipeline holds model-only flags to a higher
        bar in these messages."""
        folded = fold_text(text)
        can = self._can_match
        if ((can("reported", folded) and self._reported(folded))
                or (can("mention", folded) and self.data.mention.search(folded))):
            return "quoted"
        if can("counter_quote", folded) and self.data.counter_quote.search(folded):
            return "counter"
        if can("homonym", folded) and self.data.homonym.search(folded):
            return "homonym"
        return None

    def _can_match(self, name: str, folded: str) -> bool:
        """Whether the context pattern ``name`` (``LexiconData.context_needs``) can match ``folded``: most messages
        hold none of what they need, and the patterns are large (``grams_of`` remembers the last few texts)."""
        return self.data.context_needs[name].may_match(grams_of(folded))

    def _reported(self, folded: str) -> bool:
        """A reported-speech cue that is not a condition ("if she reports us" is a threat, not a report)."""
        return any(not CONDITIONAL.search(folded[max(0, m.start() - 12):m.start()])
                   for m in self.data.reported.finditer(folded))

    def mentions(self, text: str) -> dict[str, str]:
        """Protected characteristics whose groups the text names: category → the group word found."""
        # a trade emoji names the trade here even with a dark skin tone: "👩🏾‍🏫 parents evening tonight" is a member's
        # own emoji, and the text model reads any dark-toned person emoji as hate; the rules still read it as black
        # people ("👩🏾‍🎨 are animals")
        ftext = self._rule_text(text, trade_tone=False)
        found: dict[str, str] = {}
        for m in self.data.person_re.finditer(ftext):
            if PLURAL_NOUN.search(m.group(0)) or not ONE_KNOWN.search(ftext[max(0, m.start() - 30):m.start()]):
                for cat in sorted(self.data.adjective[m.group("adj")]):
                    found.setdefault(cat, m.group(0))
        ftext = _mask(self.data.person_re, ftext)
        for m in self.data.identity_re.finditer(ftext):
            for cat in sorted(self.data.identity[m.group(0)]):
                found.setdefault(cat, m.group(0))
        return found

    def group_emoji(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
        """Each emoji of ``text[start:end]`` that names a group (🧕🏽, 🏳️‍🌈, ♿), with its tone, sex or joined parts whole:
        (start, end, the emoji without variation selectors)."""
        d = self.data
        return [(m.start(), m.end(), m[0].replace("\ufe0f", ""))
                for m in EMOJI_SEQUENCE.finditer(text, start, len(text) if end is None else end)
                if not m[0].isascii() and any((a := n.group("alias")) and d.identity_re.search(d.alias[a])
                                              for n in d.alias_re.finditer(m[0]))]

    def signature_group_emoji(self, text: str) -> list[tuple[int, int, str]]:
        """The emoji of ``text``'s signature that name a group (``text.signature_spans``, ``group_emoji``). In "gym at
        lunch? 🧕🏽" the emoji says who writes; "I hate these 🧕" and "🧕 are vile" have no signature."""
        return [g for start, end in signature_spans(text) for g in self.group_emoji(text, start, end)]

    def slur_mentions(self, text: str) -> dict[str, str]:
        """Protected characteristics named by an ambiguous slur in the plural that is aimed at nobody: category → the
        word. Such a word is no lexicon hit ("why do we pay for cripples to sit at home all day": "cripples" is also a
        verb), but it names the group the text model may then read the message as hating; the pipeline lets it lift
        the bar for that category only. A singular is one person ("she aint a bitch") or a thing ("a ♿ slope"); the
        word must be spelt as written, not one letter off, and not in its ordinary sense ("off for a fag"). The words
        for women used as insults ("bitches", "hoes", "skets") name no group here: in the plural they are as often a
        crowd of friends or a greeting ("Friday bitches!! pub at 6"), and the model reads any of them as hate."""
        found: dict[str, str] = {}
        toks = tokens(text)
        folded, starts = _folded(toks)
        for i, j, e, how in self._word_hits(text, toks):
            if (e.ambiguous and e.category in PROTECTED and e.category != "sex" and how == "exact" and e.plural
                    and not (e.said_of_men and not MALE.search(folded))
                    and not self._homonym_at(folded, starts[j] + len(toks[j].form))):
                found.setdefault(e.category, text[toks[i].start:toks[j].end])
        return found

    # -- responses ------------------------------------------------------------------------------------
    def responses(self, text: str) -> list[tuple[str, float, str]]:
        d = self.data
        out: list[tuple[str, float, str]] = []
        emoji = [] if text.isascii() else EMOJI.findall(text)
        laughs = sum(c in d.laughing for c in emoji)
        approves = sum(c in d.approving for c in emoji)
        disapproves = sum(c in d.disapproving for c in emoji)
        words = fold_text(text)
        if self._can_match("counter", words) and (challenge := d.counter.search(words)):
            out.append(("counter_speech", 0.9, "a challenge: " + challenge.group(0)))
        elif disapproves and not words:
            out.append(("counter_speech", 0.6, "disapproving emoji"))
        if not disapproves and len(words.split()) <= 8 and not out:
            plain = re.sub(r"[^a-z0-9 ]", "", words).strip()
            if (not plain and (laughs or approves)) or (plain and d.endorse.fullmatch(plain)
                                                        and (laughs or approves or len(plain.split()) <= 4)):
                why = "laughing emoji" if laughs else "approving emoji" if approves else f"reply '{plain}'"
                out.append(("endorsement", 0.9 if laughs or plain else 0.8, why))
            elif plain and d.egg_on.fullmatch(plain) and (laughs or d.laughter.search(plain)):
                out.append(("endorsement", 0.8, f"egging on with a laugh: '{plain}'"))
        return out

    # -- the detector contract ------------------------------------------------------------------------
    def detect(self, items: Sequence[TextItem]) -> list[tuple[Detection, ...]]:
        return [self.detect_one(it) for it in items]

    def detect_one(self, item: TextItem) -> tuple[Detection, ...]:
        out: list[Detection] = []
        for h in self.hits(item.text):
            out.append(Detection(item.id, h.label, h.score, Explanation(
                NAME, self.version, h.rule, h.note if h.status == "active" else f"{h.note}; set aside: {h.status}",
                h.span, h.matched, h.term), severity=h.severity, target=h.target, status=h.status))  # type: ignore[arg-type]
        for label, score, why in self.responses(item.text):
            out.append(Detection(item.id, label, score, Explanation(NAME, self.version, f"lexicon.{label}", why)))
        return tuple(out)


@registry.register(NAME)
def _make(**options: Any) -> Lexicon:
    return Lexicon(**options)
