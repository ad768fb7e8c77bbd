"""One decision per message and label, from every detector in the pipeline, with the reasons shown.

The rule names no detector: it combines *explicit* evidence (rules that matched words, from every detector
whose ``evidence`` is "explicit") with *scores* (the highest calibrated score per label over every "score"
detector), and asks each detector that can for the message's context and the groups it names
(``detect.base``). In order, for each category:

1. an *active* explicit hit flags it (score = the higher of hit and score when the score agrees, else at most
   ``lexicon_alone_max``);
2. else a score ≥ 0.5 flags it — unless explicit evidence set the message aside (negated, quoted or reported
   speech, counter-speech, reclaimed use) or a context reader did, in which case it needs ``override_context``;
   a word or phrase the lexicon read in its ordinary sense ("homonym", "ordinary": "she landed on her backside",
   force a police officer uses) is no evidence for its own label, which the score alone then never flags;
3. protected characteristics: when the umbrella score for hate against a protected group is ≥ 0.5 and the
   message names a group, that group's category gets the umbrella score; a score alone with no group named
   needs ``model_only_unnamed_min``, as does a threat with nobody it could be aimed at. An identity word or a slur names
   its own group only (the model's other readings beside it need the higher bar); a phrase rule that found hate
   against a group lifts the bar for every category.
4. violence and sex, which the text model confuses with each other: from the model alone, ``threat`` and
   ``sexual`` each need ``model_only_unnamed_min`` where the other is read more strongly or found explicitly
   (``sort_violence_from_sex``).
5. a flag from the model alone that looks like one of the model's known misreadings (``caution``: talk of illness or
   bedtime read as sexual, a group named only by an emoji) stands, and its reason carries a caution for the reviewer.

Response labels: ``counter_speech`` from explicit challenge phrases or a score; ``endorsement`` from
laughing/approving replies or a score, for short messages that are not themselves flagged.
Identical texts are classified once. Results are deterministic and independent of batching.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from chatprobe.detect.base import Detection, Detector, NamesGroups, ReadsContext, TextItem, registry
from chatprobe.detect.language import describe as describe_language
from chatprobe.detect.language import identify as identify_language
from chatprobe.detect.taxonomy import taxonomy
from chatprobe.detect.text import fold_text, is_emoji, neutral_people
from chatprobe.errors import InputError

# someone a threat could be aimed at: a second or third person, a person noun, a name (capitalised word past
# the first). Over the folded text, plus the original for names.
AIMED_AT = re.compile(r"\b(?:you|u|ya|yer|youre|youll|youd|your|ur|yourself|yourselves|him|his|himself|her|hers|"
                      r"herself|them|their|themselves|they|theyll|theyd|theyre|he|hes|hed|hell|she|shes|shed|shell|"
                      r"everyone|everybody|anyone|anybody|someone|somebody|people|whoever|every one|all of them|"
                      r"grass|grasses|snitch|snitches|rat|rats|bitch|slag|cunt|wife|missus|husband|boss|sarge|"
                      r"skipper|guv|lads?|kids?|family|neighbou?rs?|copper|coppers|officer|pig|pigs)\b")
NAME = re.compile(r"(?<=[a-z,] )[A-Z][a-z]{2,}\b")


def aimed_at_someone(text: str, folded: str) -> bool:
    return bool(AIMED_AT.search(folded) or NAME.search(text))


# Known misreadings of the text model, each measured on ordinary lines written by hand as a probe (model card, Limits).
# Where a flag from the model alone looks like one, its reason carries a caution for the reviewer; the flag stands
# (guards that set such flags aside were measured and missed the misreading put in other words).
BEDSIDE = re.compile(r"\b(?:beds?|bedroom|bedtime|bedridden|duvet|sofa|cot|asleep|sleep|sleeping|slept|nap|pyjamas|poorly|"
                     r"unwell|sick|sickness|illness|flu|covid|virus|bug|infection|fever|temperature|cough|coughing|cold|"
                     r"pain|pains|painful|sore|ache|aching|cramps|injury|injured|hurt|sprain|sprained|broken|hospital|"
                     r"doctor|gp|a&e|operation|op|surgery|physio|back|knee|hip|ankle|wrist|hamstring|disc|period|"
                     r"migraine|headache|tonsillitis|chickenpox|medicine|meds|antibiotics|calpol|lemsip|recovering|"
                     r"resting|laid up|isolating)\b")
# never a caution on sexual content that mentions a child: safeguarding comes before a reviewer's time
CHILD = re.compile(r"\b(?:kids?|child|children|childs|baby|babies|babys|toddlers?|daughters?|sons?|girls?|boys?|little ones?|"
                   r"youngest|eldest|teens?|teenagers?|niece|nephew|school|schoolgirl|schoolboy|pupils?|underage|minor|"
                   r"year \d+s?|\d+ ?(?:yo|year old|years old))\b")
EMOJI_JOINERS = "\u200d\ufe0f\ufe0e"  # what joins or styles emoji (zero-width joiner, variation selectors)
CAUTION = {
    "bedside": "the text model is known to read ordinary talk of illness, injury, sleep or bedtime as sexual "
               "(model card, Limits); read it in context",
    "emoji": "the group is named only by an emoji, and the text model is known to read emoji that members use "
             "of themselves as hate (model card, Limits); read it in context",
}


def slur_mentions(namer: NamesGroups, text: str) -> dict[str, str]:
    """The groups ``text`` names by a slur aimed at nobody, for a namer that can say (the lexicon's
    ``slur_mentions``); empty for one that cannot."""
    found = getattr(namer, "slur_mentions", None)
    return found(text) if found is not None else {}


def caution(code: str, text: str, named_by: str | None, lexicon_found_hate: bool,
            namers: Sequence[NamesGroups]) -> str | None:
    """The caution for a flag the model alone gives ``code`` in ``text``, or None. ``named_by``: the group word the
    message was found to name for ``code``, if any; ``lexicon_found_hate``: whether the lexicon's explicit rules found hate
    against a protected group in it (then an emoji that names the group is no member's own)."""
    if code == "sexual":
        folded = fold_text(text)
        return CAUTION["bedside"] if BEDSIDE.search(folded) and not CHILD.search(folded) else None
    if named_by is not None and not lexicon_found_hate and not text.isascii():
        plain = "".join(ch for ch in text if not (is_emoji(ch) or ch in EMOJI_JOINERS))
        if not any(code in n.mentions(plain) or code in slur_mentions(n, plain) for n in namers):
            return CAUTION["emoji"]
    return None


# label pairs the text model confuses with each other (see Pipeline._decide)
CONFUSED = {"sexual": "threat", "threat": "sexual"}


@dataclass(frozen=True, slots=True)
class Reason:
    label: str
    score: float
    source: str  # the detector(s) behind it: "lexicon", "text-model", "lexicon+text-model"
    note: str
    rule: str | None = None
    matched: str | None = None
    span: tuple[int, int] | None = None
    set_aside: str | None = None  # why evidence did not count (for labels not given)
    caution: str | None = None  # a known misreading this flag looks like (``caution``): read it in context

    def to_json(self) -> dict[str, Any]:
        d: dict[str, Any] = {"label": self.label, "score": round(self.score, 4), "source": self.source,
                             "note": self.note}
        for k in ("rule", "matched", "set_aside", "caution"):
            v = getattr(self, k)
            if v is not None:
                d[k] = v
        if self.span is not None:
            d["span"] = list(self.span)
        return d


@dataclass(frozen=True, slots=True)
class Decision:
    id: str
    labels: tuple[str, ...]  # categories at or above threshold, then response labels
    scores: dict[str, float]  # every label → score in [0, 1]
    severity: dict[str, int]  # flagged category → advisory severity 1..3
    targets: dict[str, str]  # flagged category → target when known
    reasons: tuple[Reason, ...]
    language: str | None = None  # detect.language: None when too short to tell (taken as English)
    assessed: bool = True  # False: in a language chatprobe's English detectors were not built for

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "labels": list(self.labels),
                "scores": {k: round(v, 4) for k, v in self.scores.items()},
                "severity": self.severity, "targets": self.targets,
                "explanations": [r.to_json() for r in self.reasons],
                "language": self.language, "assessed": self.assessed}


@dataclass
class Pipeline:
    name: str
    detectors: list[Detector]
    options: dict[str, Any] = field(default_factory=dict)
    # decisions by text, kept across calls: chats repeat "ok", "lol", "😂" thousands of times. A decision
    # depends only on the text, so reusing it changes nothing but the time taken.
    memo_size: int = 100_000
    _memo: dict[str, Decision] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._context_readers = [d for d in self.detectors if isinstance(d, ReadsContext)]
        self._group_namers = [d for d in self.detectors if isinstance(d, NamesGroups)]
        self._respellers = [d for d in self.detectors if hasattr(d, "respelt")]

    @classmethod
    def from_config(cls, path: str | Path | None = None) -> Pipeline:
        if path is None:
            text = resources.files("chatprobe.detect").joinpath("pipelines/default.toml").read_text("utf-8")
            where = "default pipeline"
        else:
            try:
                text = Path(path).read_text("utf-8")
            except OSError as exc:
                raise InputError(f"cannot read pipeline file {path}: {exc.strerror}",
                                 hint="pass a TOML file like src/chatprobe/detect/pipelines/default.toml") from None
            where = str(path)
        try:
            cfg = tomllib.loads(text)
            dets = [registry.create(d["name"], **{k: v for k, v in d.items() if k != "name"})
                    for d in cfg.get("detector", [])]
        except (tomllib.TOMLDecodeError, KeyError, TypeError) as exc:
            raise InputError(f"{where}: invalid pipeline configuration ({exc})",
                             hint="each [[detector]] needs a name from: " + ", ".join(registry.names())
                             + ", or 'package.module:Class' importable by Python (on PYTHONPATH)") from None
        return cls(cfg.get("name", where), dets, dict(cfg.get("decision", {})))

    @classmethod
    def default(cls) -> Pipeline:
        return cls.from_config(None)

    def describe(self) -> dict[str, Any]:
        out = {"pipeline": self.name, "taxonomy": taxonomy().version, "options": self.options,
               "detectors": [d.describe() for d in self.detectors]}
        if self.options.get("language_gate", True):
            out["language_gate"] = dict(describe_language())  # a copy: describe() is cached
        return out

    # -- running ---------------------------------------------------------------------------------------
    def classify(self, texts: Iterable[str] | Sequence[TextItem]) -> list[Decision]:
        items = [t if isinstance(t, TextItem) else TextItem(str(i), t) for i, t in enumerate(texts)]
        memo = self._memo
        known = {t: memo[t] for t in dict.fromkeys(it.text for it in items) if t in memo}  # this batch's own copy
        todo = list(dict.fromkeys(it.text for it in items if it.text not in known))
        if todo:
            uitems = [TextItem(str(k), t) for k, t in enumerate(todo)]
            # a score detector reads the text with a misspelt group's name spelt right (``Lexicon.respelt``); the
            # explicit ones read it as written, for their spans quote it
            read = [TextItem(it.id, self._respelt(it.text)) for it in uitems] if self._respellers else uitems
            per_detector = [d.detect(uitems if d.evidence == "explicit" else read) for d in self.detectors]
            fresh = {text: self._decide(text, [dets[k] for dets in per_detector]) for k, text in enumerate(todo)}
            if len(memo) + len(fresh) > self.memo_size:
                memo.clear()  # full: start again (this batch's remembered decisions are in ``known``)
            memo.update(fresh)
            known.update(fresh)
        out = []
        for it in items:
            d = known[it.text]
            out.append(Decision(it.id, d.labels, d.scores, d.severity, d.targets, d.reasons, d.language,
                                d.assessed))
        return out

    def _decide(self, text: str, groups: list[tuple[Detection, ...]]) -> Decision:
        tax = taxonomy()
        opts = self.options
        override = float(opts.get("override_context", 0.9))
        max_words = int(opts.get("endorsement_max_words", 8))
        # evidence by kind, never by detector: explicit hits (rules that matched words) and scores (the
        # highest per label over every score detector, the first in pipeline order on a tie)
        lex: list[Detection] = []
        model: dict[str, Detection] = {}
        for det, found in zip(self.detectors, groups, strict=True):
            if det.evidence == "explicit":
                lex.extend(found)
            else:
                for d in found:
                    if d.label not in model or d.score > model[d.label].score:
                        model[d.label] = d
        lang = identify_language(text) if opts.get("language_gate", True) else None
        if lang is not None and not lang.assessed:
            model = {}  # the English model guesses at random on other languages; explicit slurs still count
        mscore = {k: v.score for k, v in model.items()}
        scorer = "+".join(dict.fromkeys(d.explanation.detector for d in model.values())) or "model"
        set_aside = [d for d in lex if d.status not in ("active", "below_threshold")]
        # a word the lexicon read in its ordinary sense ("faggots and peas", "blue tits") is not evidence for the
        # model either: the model alone never flags the category of that word in that message; nor one of a
        # phrase the model misreads as one label ("ordinary": "she landed on her backside", "if he resists, ground
        # him and cuff him"), which sets no context for the message's other labels
        homonym_of = {d.label for d in set_aside if d.status in ("homonym", "ordinary")}
        lex_counter = any(d.label == "counter_speech" for d in lex)
        lex_response = {d.label: d for d in lex if d.label in ("endorsement", "counter_speech")}
        lex_endorse = "endorsement" in lex_response
        in_context = [d for d in set_aside if d.status != "ordinary"]
        context = in_context[0].status if in_context else ("counter-speech" if lex_counter else None)
        for reader in self._context_readers:
            if context is not None:
                break
            context = reader.context(text)
        protected_min = float(opts.get("model_only_protected_min", 0.55))
        lex_alone_max = float(opts.get("lexicon_alone_max", 0.8))
        abusive = mscore.get("abusive", 1.0)

        umbrella = mscore.get("discriminatory", 0.0)
        # the groups the message names, looked up only when the model reads it as hateful; a slur aimed at nobody
        # ("why do we pay for cripples …") names its own group only (``slurs``)
        mentions: dict[str, str] = {}
        slurs: dict[str, str] = {}
        if umbrella >= 0.5:
            for namer in self._group_namers:
                mentions = namer.mentions(text) | mentions
                slurs = slur_mentions(namer, text) | slurs
        named = slurs | mentions if opts.get("umbrella_for_named_group", True) else {}
        # the model alone is held to a higher bar where what a category needs is missing from the message:
        # hate against a protected group that names no group (no identity word, slur or emoji for one), or a
        # threat with nobody it could be aimed at ("don't forget to put the bins out")
        unnamed_min = float(opts.get("model_only_unnamed_min", 0.9))
        lex_hate = [d for d in lex if d.status == "active" and d.label in tax.text_codes
                    and tax.category(d.label).discriminatory]
        lex_protected = bool(lex_hate)
        names_group = bool(mentions) or lex_protected
        # a slur the lexicon found, or an identity word, names its own group only ("you faggots" is no evidence that a
        # message is about race, nor "top bloke" that one about "the black lad at the garage" is); a phrase rule that
        # found hate against a group names one for every category
        lex_slurs = {d.label for d in lex_hate if d.explanation.rule == "lexicon.slur"}
        named_for_all = any(d.explanation.rule != "lexicon.slur" for d in lex_hate)

        sort_confused = bool(opts.get("sort_violence_from_sex", True))
        active_of = {code: any(d.label == code and d.status == "active" for d in lex) for code in CONFUSED}
        neutral: tuple[float, float] | None = None  # (hateful, abusive) with person emoji neutral, read when needed
        neutral_emoji = bool(opts.get("neutral_person_emoji", True))
        labels: list[str] = []
        scores: dict[str, float] = {}
        severity: dict[str, int] = {}
        targets: dict[str, str] = {}
        reasons: list[Reason] = []
        for code in tax.text_codes:
            cat = tax.category(code)
            active = [d for d in lex if d.label == code and d.status == "active"]
            aside = [d for d in lex if d.label == code and d.status not in ("active", "below_threshold")]
            m = mscore.get(code, 0.0)
            m_note = f"text model {m:.2f}"
            if cat.discriminatory:
                # the category heads say which group a hateful text targets; the umbrella says whether it is
                # hateful at all: the model flags a protected characteristic only when both agree
                m_note = f"text model: hateful {umbrella:.2f}, abusive {abusive:.2f}, aimed at {code} {m:.2f}"
                m = min(m, umbrella, abusive)
                if code in named and umbrella > m and min(umbrella, abusive) > m:
                    m = min(umbrella, abusive)
                    m_note = (f"text model: hateful {umbrella:.2f}, abusive {abusive:.2f}, "
                              f"naming '{named[code]}'")
                names_this = named_for_all or code in mentions or code in slurs or code in lex_slurs
                if (not names_this and m >= unnamed_min and neutral_emoji
                        and (plain := neutral_people(text)) != text):
                    # the model alone, with no group named: whether the message is hostile is read with its person
                    # emoji neutral, for the heads learnt a dark tone or a woman as hate from the training data's
                    # emoji abuse ("👩🏿‍🍳 cooking tonight, who's in?" read hateful 0.99)
                    if neutral is None:
                        neutral = self._hostility(plain)
                    m = min(m, *neutral)
                    m_note += f", {min(neutral):.2f} with its person emoji neutral"
                # the lexicon finds explicit hate; alone, the model must be surer
                if m < protected_min or (not names_this and m < unnamed_min):
                    m = min(m, 0.49)
            elif (code == "threat" and 0.49 < m < unnamed_min and not names_group
                  and not aimed_at_someone(text, fold_text(text))):
                m = 0.49
            passage = model[code].explanation.passage if code in model else None
            if passage:  # a long message: where the model read it
                m_note += f", in the passage “{passage}”"
            sorted_out = None
            if code in CONFUSED and sort_confused and 0.49 < m < unnamed_min and not active_of[code]:
                # the model mixes violence and sex up ("lock her in and set the house alight" reads as sexual too,
                # "I want to watch you undress" as a threat): alone, it gives one of the two only where it reads
                # it more strongly than the other and the lexicon found nothing explicit of the other
                other = CONFUSED[code]
                if active_of[other] or mscore.get(other, 0.0) > m:
                    sorted_out = (f"{m_note}; set aside: the lexicon found {other}" if active_of[other] else
                                  f"{m_note}; set aside: the model reads it more strongly as {other}")
                    m = 0.49
            lex_best = max(active, key=lambda d: (d.score, d.severity or 0), default=None)
            if lex_best is not None:
                both = m >= 0.5
                # a word list alone is weaker evidence than a word the model reads as abuse too
                score = max(lex_best.score, m) if both else min(lex_best.score, lex_alone_max)
                labels.append(code)
                severity[code] = max(d.severity or cat.severity for d in active)
                if lex_best.target:
                    targets[code] = lex_best.target
                e = lex_best.explanation
                reasons.append(Reason(code, score, f"{e.detector}+{scorer}" if both else e.detector,
                                      e.note + (f"; {m_note}" if both else ""), e.rule, e.matched, e.span))
            elif m >= 0.5 and (context is None or m >= override) and code not in homonym_of:
                score = m
                labels.append(code)
                severity[code] = cat.severity if code != "threat" else 3
                if code in named:
                    targets[code] = named[code]
                reasons.append(Reason(code, m, scorer, m_note + (f" (over {context} context)" if context else ""),
                                      self._rule(model, code), caution=caution(code, text, named.get(code), lex_protected,
                                                                               self._group_namers)))
            else:
                # not flagged: keep the evidence that was set aside, for the reviewer
                score = min(m, 0.49) if m >= 0.5 else m
                if aside:
                    e = aside[0].explanation
                    reasons.append(Reason(code, score, e.detector, e.note, e.rule, e.matched, e.span,
                                          set_aside=aside[0].status))
                elif m >= 0.5:
                    reasons.append(Reason(code, score, scorer, m_note, self._rule(model, code), set_aside=context))
                elif sorted_out:
                    reasons.append(Reason(code, score, scorer, sorted_out, self._rule(model, code),
                                          set_aside="violence or sex"))
            scores[code] = round(float(score), 4)

        flagged = bool(labels)
        cs, lex_cs = mscore.get("counter_speech", 0.0), lex_response.get("counter_speech")
        if lex_cs is not None or cs >= 0.5:
            self._respond("counter_speech", cs, lex_cs, labels, scores, reasons, scorer, self._rule(model, "counter_speech"))
        else:
            scores["counter_speech"] = round(cs, 4)
        en, lex_en = mscore.get("endorsement", 0.0), lex_response.get("endorsement")
        short = len(text.split()) <= max_words
        if short and not flagged and "counter_speech" not in labels and (lex_endorse or en >= 0.5):
            self._respond("endorsement", en, lex_en, labels, scores, reasons, scorer, self._rule(model, "endorsement"))
        else:
            scores["endorsement"] = round(min(en, 0.49), 4)
        if lang is not None and not lang.assessed:
            reasons.append(Reason("language", 0.0, "language", f"not assessed (language {lang.code}): chatprobe's "
                                  "text model and rules are English; only explicit English slurs are looked for",
                                  "language.gate"))
        return Decision("", tuple(labels), scores, severity, targets, tuple(reasons),
                        lang.code if lang else None, lang.assessed if lang else True)

    def _respelt(self, text: str) -> str:
        """``text`` as the score detectors read it: each respeller's ``respelt`` in turn (see ``Lexicon.respelt``)."""
        for r in self._respellers:
            text = r.respelt(text)  # type: ignore[attr-defined]
        return text

    def _hostility(self, text: str) -> tuple[float, float]:
        """(hateful, abusive): the highest of the score detectors' ``discriminatory`` and ``abusive`` for ``text``; a
        score detector reports only scores of 0.25 and up, so one it does not report is taken as 0."""
        item = [TextItem("0", self._respelt(text))]
        found = [d for det in self.detectors if det.evidence != "explicit" for d in det.detect(item)[0]]
        hateful, abusive = (max((d.score for d in found if d.label == label), default=0.0)
                            for label in ("discriminatory", "abusive"))
        return hateful, abusive

    @staticmethod
    def _rule(model: dict[str, Detection], label: str) -> str:
        """The rule id of the score behind a label (the umbrella's when the label's own head said nothing)."""
        d = model.get(label) or model.get("discriminatory")
        return d.explanation.rule if d else "model.head"

    @staticmethod
    def _respond(label: str, model: float, lex: Detection | None, labels: list[str], scores: dict[str, float],
                 reasons: list[Reason], scorer: str, rule: str) -> None:
        """Add a response label from an explicit detection and/or the pooled score."""
        labels.append(label)
        s = max(model, lex.score if lex else 0.0)
        scores[label] = round(s, 4)
        reasons.append(Reason(label, s, lex.explanation.detector if lex else scorer,
                              lex.explanation.note if lex else f"text model {model:.2f}",
                              lex.explanation.rule if lex else rule))
