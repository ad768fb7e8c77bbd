"""Chat-style labelled examples written for this project, for the gaps in the public data.

The public datasets are tweets and Reddit posts. Police and workplace group chats differ: operational talk
with ethnic descriptions of suspects, crime reports that quote slurs, profanity about kit and traffic,
banter, short laughing or approving replies ("😂😂", "LMAO"), challenges ("out of order mate"), sexual
comments about colleagues and threats. These templates fill those gaps. They are written independently of
the functional tests in tests/detect/ (different sentences and fillers); nothing here is copied from
../shared. Expansion is deterministic: the same script gives the same examples.
"""

from __future__ import annotations

import itertools
import random

from datasets import CATEGORIES, Example, first_of_each_text, hash_split, none

NAMES = ["Dave", "Kev", "Sarah", "Priya", "Tom", "Gaz", "Jenny", "Mo", "Stacey", "Rich", "Becky", "Lee", "Aisha",
         "Craig", "Dan", "Nikki", "Ollie", "Sue", "Wayne", "Kirsty"]
GROUPS = {  # neutral group words and the category they belong to
    "race": ["black people", "Somalis", "Asians", "immigrants", "Polish people", "Romanians", "travellers",
             "Africans", "Pakistanis", "Eastern Europeans", "refugees", "Chinese people", "Nigerians"],
    "religion": ["Muslims", "Jews", "Sikhs", "Hindus", "Catholics"],
    "sex": ["women", "female officers", "girls", "women drivers"],
    "sexual_orientation": ["gay people", "lesbians", "gay men", "bisexual people"],
    "gender_identity": ["trans people", "trans women", "non-binary people"],
    "disability": ["disabled people", "autistic people", "people in wheelchairs", "deaf people"],
    "age": ["old people", "pensioners", "the elderly", "teenagers", "young people"],
}
SLURS = {"race": ["p*kis", "n1ggers", "wogs", "pikeys", "chinks", "coons", "gyppos"],
         "religion": ["muzzies", "yids", "ragheads", "towelheads"],
         "sex": ["slags", "whores", "sluts", "bitches"],
         "sexual_orientation": ["faggots", "poofs", "dykes", "bum boys"],
         "gender_identity": ["trannies", "shemales", "troons"],
         "disability": ["retards", "spastics", "mongs", "window lickers"],
         "age": ["coffin dodgers", "wrinklies", "old gits"]}

HATE_TEMPLATES = [
    "{g} are a plague on this town", "honestly {g} are vermin", "can't stand {g}, never could",
    "{g} should be sent back where they came from", "another load of {g} ruining the high street",
    "I wouldn't piss on {g} if they were on fire", "{g} are all the same, filthy", "get rid of the {g} and crime halves",
    "wouldn't trust {g} as far as I could throw them", "{g} shouldn't be allowed in the job",
    "why do we let {g} breed", "{g} make my skin crawl", "{g} are subhuman tbh", "the {g} round here are scum",
    "typical {g}, always on the take", "{g} are a drain on everything", "{g} are disgusting animals",
    "we need fewer {g} in this country", "{g} = trouble, every time", "ban {g} from the force",
]
SLUR_TEMPLATES = ["bunch of {s} on the estate again", "{s} everywhere in town tonight", "more {s} nicked for nothing",
                  "those {s} again lol", "look at these {s}", "sick of {s}", "f***ing {s}", "{s} the lot of them"]
GROUP_THREATS = ["line the {g} up against a wall", "{g} should be shot on sight", "someone should burn out the {g}",
                 "gas the {g}", "I'd happily run over a few {g}", "the {g} want stringing up", "round up the {g} and drown them"]
THREATS = ["I'm going to batter {n} when I see him", "{n} is getting a kicking after shift", "I'll smash {n}'s face in",
           "tell {n} to watch his back", "I know where {n} lives btw", "someone needs to put {n} in hospital",
           "I'll stab the next one who grasses", "if {n} says that again I'll knock him out",
           "she needs a slap to shut her up", "a good backhander would sort her out", "I'll break your legs",
           "you're dead when I find you", "I swear I'll kill him", "gonna put {n} in the ground",
           "next time I'll glass him", "the grass deserves a bullet", "hope {n} crashes on the way home",
           "a slap is what she needs", "give her a smack and she'll learn", "that snitch is getting a knife in him"]
SEXUAL = ["{n} would get it, I'd bend her over the desk", "the new probie has a cracking arse", "imagine {n} in the shower 🥵",
          "send us a pic of your tits", "she's gagging for it, look at her", "I'd give {n} one in the van",
          "who wants to see the vid of me shagging the barmaid", "{n} sucks like a hoover apparently",
          "wanna sit on my face later?", "she was begging for it, trust me", "I'd ruin her 🍆💦",
          "blowjob in the custody suite lol", "get your knickers off", "{n}'s got massive knockers",
          "pretty sure {n} shags the whole shift", "I'd rail her till she can't walk", "rape joke incoming 😂",
          "she's only crying rape cos she regrets it", "nice bum on the new PCSO", "she'd get the full 8 inches"]
DEROGATORY = ["{n} is a useless prick", "{n} you absolute bellend", "what a waste of space {n} is",
              "{n} is thick as shit", "the complainant is a lying scrote", "junkie scum the lot of them, let them rot",
              "fat cow on the front desk again", "{n} you muppet", "{n} is a spineless little shit",
              "nobody likes you {n}", "{n} is an embarrassment to the uniform", "that victim is a gobby cow",
              "shut up {n} you knob", "the DP is a total waste of oxygen", "{n} is pathetic, should be sacked",
              "the smackheads at number 4 are subhuman", "{n} has a face like a slapped arse", "what a cretin"]
NEUTRAL_POLICE = [
    "IC3 male, approx 20, grey trackies, heading towards the park", "IC1 female, 30s, blonde, red coat",
    "suspect described as Asian male, 5ft 9, beard", "white male, tattoo on neck, last seen near the Co-op",
    "black male in a blue Golf, VRM to follow", "IC4 male approx 40, arrested for theft",
    "victim states the suspect called him a {s2}, racially aggravated s4A logged",
    "IP reports neighbour shouted '{s2}' at her kids, hate crime report raised",
    "complainant says the male threatened to stab her, DV risk assessment done",
    "suspect threatened to kill his partner, arrested for s4 public order",
    "graffiti on the mosque reading '{s2} out', photos uploaded to the crime report",
    "victim was raped in 2019, disclosure taken today, SOIT officer assigned",
    "can anyone cover the 6-2 on Friday", "who's got the keys for the van", "statements need to be on Niche by Friday",
    "custody is rammed, 40 min wait", "Polish interpreter booked for 10am", "need a female officer for a search",
    "shooting at the retail park, armed units en route", "firearms incident, stay away from Elm St",
    "DV job at flat 3, she's got a black eye, body worn on", "training day on hate crime next Tues, mandatory",
    "the drugs raid went well, 3 arrested", "briefing at 7, bring your stab vest", "he got stabbed in the leg, stable",
    "anyone seen my radio", "the fucking printer is jammed again", "traffic on the ring road is shit tonight",
    "what a shit day", "bloody hell it's cold", "this coffee is fucking awful", "shit, forgot my warrant card",
    "kill the lights when you leave", "the battery is dead", "I'm dying for a brew", "I could murder a bacon roll",
    "that sprint session killed me", "the gym destroyed me", "shoot me a text when you're done",
    "{n} smashed it in the fitness test", "we absolutely slaughtered them at 5-a-side", "break a leg at the interview",
    "the search team did a sweep of the woods", "Black History Month event in the canteen at 12",
    "Eid prayers at the mosque, 2 officers for traffic", "Pride parade Saturday, volunteers please",
    "my wife is Muslim and makes a cracking curry", "proud of our new trans liaison officer", "the gay police association social is on Friday",
    "the deaf victim needs a BSL interpreter", "the old lady on Rose St needs a welfare check",
    "great work by the Somali community liaison", "the Sikh temple invited us for langar", "women's football team won the cup",
    "the autism awareness training was really useful", "pensioner scammed out of £4k, fraud team informed",
    "the lads from the Polish club helped search", "Jewish community centre asked for extra patrols",
    "male, mixed race, 6ft, grey hoodie, ran towards the canal", "IC6 male with a long beard, possibly Arabic speaking",
    "Asian female, 50s, reporting her son missing", "black female, early 20s, victim of the robbery",
    "Eastern European male, no English, needs an interpreter", "the Romanian lads at the car wash are witnesses",
    "two Somali teenagers assaulted at the bus stop, racially aggravated", "Muslim woman had her hijab pulled off, hate crime",
    "gay couple abused outside the club, homophobic hate crime logged", "trans woman assaulted on the high street",
    "elderly male, dementia, missing from the care home", "young lad with autism, non verbal, missing",
    "deaf male needs a BSL interpreter for interview", "Chinese takeaway owner reported a burglary",
    "young people's outreach night at the youth club", "disabled parking bay misuse complaints again",
]
NEUTRAL_IDENTITY_GENERIC = ["{g} are welcome here", "I have loads of {g} in my family", "{g} deserve respect like anyone",
                            "met some lovely {g} at the community event", "{g} face a lot of abuse online",
                            "we should recruit more {g}", "our {g} colleagues are brilliant", "I support {g}",
                            "the report on {g} and policing is worth a read", "{g} are just people"]
NEUTRAL_MORE = ["a lot of {g} live round the station", "the {g} we spoke to were really helpful", "{g} are part of the community here",
                "we had a briefing on supporting {g} who report hate crime", "some {g} have complained about parking",
                "{g} often don't trust the police, we need to work on that", "I grew up with {g}, good people",
                "the survey asked {g} how safe they feel", "there's a new network for {g} in the force",
                "{g} are more likely to be victims of this crime", "most {g} I've met are sound", "{g} can be officers too",
                "several {g} attended the meeting", "the event celebrated {g} in the force", "we need better outreach to {g}",
                "{g} were among the witnesses", "I respect {g}", "{g} deserve to feel safe", "ask the {g} at the centre if they saw anything",
                "interpreter for {g} available on request", "{g} are hard working people", "shout out to all the {g} on shift today",
                "the charity helps {g} find work", "I'm going to a talk about {g} in policing", "{g} have the same rights as everyone"]
NEGATED = ["{g} are not vermin", "I don't hate {g} at all", "{g} aren't the problem, poverty is",
           "no one should call {g} animals", "I would never say {g} are scum", "it's not true that {g} are criminals"]
COUNTER = ["mate that's out of order", "not funny, delete it", "that's well out of line {n}", "I'm reporting this",
           "come on lads, this isn't banter", "we don't talk like that here", "that's racist, pack it in",
           "take that down now", "{n} that's disgusting", "grow up {n}", "I'm raising this with the sarge",
           "that's sexist and you know it", "seriously not ok", "wind your neck in {n}", "not in this group please",
           "you can't say stuff like that", "how would you feel if someone said that about your family",
           "that's homophobic, not on", "leave it out, that's vile", "this chat is getting grim, stop"]
COUNTER_QUOTE = ["calling {g} {s} isn't banter, it's racist", "saying '{g} are animals' is hate speech {n}",
                 "stop calling people {s}", "don't use words like {s} in here", "anyone who calls {g} {s} should be sacked"]
ENDORSE = ["😂😂😂", "🤣🤣", "LMAO", "lmfao 😂", "haha so true", "😂 facts", "dead 😂😂", "classic {n} 😂", "💯💯",
           "say it louder 👏", "spot on", "well said 👍", "ha quality", "pmsl", "this 👆", "brutal 😂 but true",
           "hahaha legend", "😂😂 im in bits", "so true 😂", "🤣🤣🤣 creased", "top banter", "👏👏👏", "😆", "hahahaha",
           "facts tbh", "based", "not wrong 😂", "lol yes", "💀💀", "🔥🔥 love it"]
NOT_ENDORSE = ["ok", "yes I'll be there", "on my way", "thanks {n}", "👍 will do", "done", "sorry can't make it",
               "what time?", "roger", "see you at 6", "cheers", "no worries", "lol my car won't start", "happy birthday {n}! 🎉"]


def _fill(t: str, rng: random.Random, g: str | None = None, s: str | None = None) -> str:
    return t.format(g=g or "", s=s or "", n=rng.choice(NAMES), s2=rng.choice(SLURS["race"] + SLURS["religion"]))


def _lab(**on: int) -> dict[str, int]:
    labels = none()
    labels.update(on)
    return labels


def examples(seed: int = 13) -> list[Example]:
    rng = random.Random(seed)
    out: list[Example] = []

    def add(text: str, labels: dict[str, int], kind: str) -> None:
        out.append(Example(text, labels, "chatprobe-chat", hash_split(text), {"kind": kind}))

    for cat, groups in GROUPS.items():
        for t, g in itertools.product(HATE_TEMPLATES, groups):
            if rng.random() < 0.35:
                add(_fill(t, rng, g), _lab(**{cat: 1}, discriminatory=1, abusive=1), "hate")
        for t, g in itertools.product(GROUP_THREATS, groups):
            if rng.random() < 0.4:
                add(_fill(t, rng, g), _lab(**{cat: 1}, threat=1, discriminatory=1, abusive=1), "group threat")
        for t, g in itertools.product(NEUTRAL_IDENTITY_GENERIC + NEGATED + NEUTRAL_MORE, groups):
            if rng.random() < 0.4:
                add(_fill(t, rng, g), _lab(), "neutral identity")
        for t, s in itertools.product(SLUR_TEMPLATES, SLURS[cat]):
            add(_fill(t, rng, s=s), _lab(**{cat: 1}, discriminatory=1, abusive=1), "slur")
        for t in COUNTER_QUOTE:
            add(_fill(t, rng, rng.choice(groups), rng.choice(SLURS[cat])), _lab(counter_speech=1), "counter quote")
    for t in THREATS:
        for _ in range(3):
            add(_fill(t, rng), _lab(threat=1, abusive=1, derogatory=int("she" in t or "her" in t) and 0), "threat")
    for t in SEXUAL:
        for _ in range(3):
            sexviol = any(w in t for w in ("rape", "begging for it", "gagging"))
            add(_fill(t, rng), _lab(sexual=1, abusive=1, sex=int(sexviol)), "sexual")
    for t in DEROGATORY:
        for _ in range(3):
            add(_fill(t, rng), _lab(derogatory=1, abusive=1), "derogatory")
    for t in NEUTRAL_POLICE:
        for _ in range(3 if "{" in t else 1):
            add(_fill(t, rng), _lab(), "police talk")
    for t in COUNTER:
        for _ in range(2):
            add(_fill(t, rng), _lab(counter_speech=1), "counter-speech")
    for t in ENDORSE:
        for _ in range(2 if "{" in t else 1):
            add(_fill(t, rng), _lab(endorsement=1), "endorsement")
    for t in NOT_ENDORSE:
        add(_fill(t, rng), _lab(), "reply")
    return first_of_each_text(out)


if __name__ == "__main__":
    import collections
    ex = examples()
    print(len(ex), collections.Counter(e.meta["kind"] for e in ex), collections.Counter(e.split for e in ex))
    for c in CATEGORIES + ("counter_speech", "endorsement"):
        print(c, sum(e.labels.get(c, 0) for e in ex))
