"""Training data for the gaps the public datasets leave, written for this project (issue 10, point 2).

Templates and word lists written by hand; nothing copied from ../shared or from any published test suite.
They are *different sentences* from ``functional_suite.py`` (which judges the model) and from
``ordinary_chat.py`` (which counts false flags): a model that only memorised these would not pass those.

What is covered, each with hard negatives beside the positives:

- hate phrased as a question or an opinion; negated positives ("no time for any ...");
- implicit derogation and dehumanisation (comparisons with animals, disease, dirt);
- spelling noise — letters deleted, swapped, doubled, spaces inserted or removed, leetspeak — applied to
  hateful *and* to benign texts, so noise alone never means abuse;
- counter-speech that quotes hate, neutral reports of hate (crime reports), positive and neutral identity
  statements, homonyms and harmless idiom ("murder a curry", "killing me", "fag break");
- threats and intimidation of one person, sexual harassment and sexualised remarks about colleagues;
- thousands of ordinary chat lines (greetings, emoji, logistics, family, sport, banter, operational police
  talk) built from slots, as negatives.

Expansion is deterministic (seeded); every example carries ``source="chatprobe-gaps"`` and a ``kind``.
"""

from __future__ import annotations

import itertools
import os
import random

from datasets import PROTECTED, Example, first_of_each_text, hash_split, none

PEOPLE = ["Gemma", "Stu", "Kelly", "Baz", "Naz", "Harriet", "Jonno", "Tash", "Phil", "Amir", "Rosie", "Deano",
          "Chloe", "Imran", "Lou", "Vince"]
G = {  # plural, singular
    "race": [("blacks", "black"), ("Pakistanis", "Pakistani"), ("Bangladeshis", "Bangladeshi"),
             ("Nigerians", "Nigerian"), ("Mexicans", "Mexican"), ("foreigners", "foreigner"),
             ("Arabs", "Arab"), ("gypsies", "gypsy"), ("Indians", "Indian"), ("Albanians", "Albanian")],
    "religion": [("Muslims", "Muslim"), ("Jews", "Jew"), ("Sikhs", "Sikh"), ("Christians", "Christian"),
                 ("Catholics", "Catholic")],
    "sex": [("women", "woman"), ("females", "female"), ("girls in the job", "girl in the job"),
            ("policewomen", "policewoman")],
    "sexual_orientation": [("gays", "gay"), ("homosexuals", "homosexual"), ("lesbians", "lesbian"),
                           ("bi people", "bi person")],
    "gender_identity": [("transgender people", "transgender person"), ("trans men", "trans man"),
                        ("transsexuals", "transsexual"), ("enbies", "enby")],
    "disability": [("the disabled", "disabled person"), ("people with Down's syndrome", "person with Down's"),
                   ("mentally ill people", "mentally ill person"), ("cripples", "cripple"),
                   ("people with learning disabilities", "person with a learning disability")],
    "age": [("boomers", "boomer"), ("old folk", "old codger"), ("the over 60s", "pensioner")],
}

HATE_Q = ["why do we even let {p} in?", "aren't {p} just a waste of oxygen?", "what is the point of {p}?",
          "why are {p} such filth?", "does anyone actually like {p}?", "when will {p} stop infesting everything?",
          "how much longer do we have to put up with {p}?", "can we just get rid of {p} already?",
          "is there a single {s} who isn't a scrounger?", "why do {p} have to be so vile?"]
HATE_OP = ["personally I think {p} are beneath us", "imo {p} are trash", "I'm just saying {p} are inferior",
           "honestly {p} are the worst thing about this country", "I stand by it, {p} are scum",
           "facts are facts, {p} are a menace", "not being funny but {p} are disgusting",
           "call me what you like, {p} are useless", "I've always said {p} are a cancer",
           "unpopular opinion: {p} should be kept out"]
NEG_POS = ["I don't have any time for {p}", "{p} will never be equal to us", "I've got zero sympathy for any {s}",
           "not one {s} is worth saving", "{p} don't deserve rights", "I'll never respect a {s}",
           "{p} will never belong here", "there's nothing good about {p}", "no {s} should ever be trusted",
           "you'll never catch me being nice to a {s}"]
IMPLICIT = ["{p} are like a virus", "{p} multiply like insects", "{p} spread like a disease",
            "another swarm of {p} arrived", "{p} are a stain on this town", "{p} are leeches, the lot of them",
            "{p} should be kept in cages", "the {p} have turned the area into a zoo", "{p} belong in the bin",
            "{p} are a sub-species", "keep {p} away from normal people", "{p} carry diseases",
            "I'd rather have rats than {p} next door", "{p} are an infestation", "{p} crawl out of every hole"]
GROUP_VIOL = ["all {p} should be strung up", "I'd put every {s} against a wall", "someone ought to torch the {p}",
              "{p} need exterminating", "I'd gladly run down a few {p}", "every {s} deserves a beating",
              "time to start shooting {p}", "{p} should be wiped off the map"]
POS = ["{p} are amazing", "I really respect {p}", "{p} are just as capable as anyone", "we value our {p} colleagues",
       "{p} deserve the same chances", "love having {p} on the team", "{p} enrich this town",
       "I'm glad we've got more {p} joining", "my best mate is a {s}", "{p} are welcome in this force"]
NEUTRAL = ["there's a {s} on the interview panel", "the {s} next door fixed my fence", "{p} were at the meeting",
           "we're doing a survey of {p} in the area", "the course covers supporting {p}",
           "a {s} reported the assault", "the charity works with {p}", "{p} make up a tenth of the town",
           "ask the {s} at reception", "the talk by the {s} was really good"]
NEG_HATE = ["{p} aren't scum", "I'd never call {p} vermin", "{p} are not the enemy", "hating {p} is stupid",
            "I've got nothing against {p}", "it's not ok to say {p} are filth", "{p} aren't inferior to anyone",
            "nobody here thinks {p} are animals"]
COUNTER_Q = ["'{p} are vermin'? mate that's disgusting", "you said '{p} are scum', that's hate speech",
             "don't say '{p} should be shot', even as a joke", "posting '{p} are animals' is a sacking offence",
             "quote: '{p} are filth' — who wrote this? it's going to PSD",
             "if you think {p} are subhuman you shouldn't wear the badge",
             "'all {p} are criminals' is exactly the kind of thing we're told not to say"]
REPORTED = ["the offender told the victim '{p} are scum', recorded as a hate incident",
            "victim states the male shouted that {p} should be shot",
            "the note pushed through the door said '{p} out', forensics requested",
            "the defendant's messages say {p} are vermin, disclosed to CPS",
            "witness heard him call the {s} an animal, statement taken"]

THREAT_P = ["I'll make your life a misery {n}", "you're going to regret crossing me {n}",
            "{n} had better keep her mouth shut or else", "if you grass I'll end you",
            "I'll make sure {n} loses her job and everything else", "one more word {n} and you're in hospital",
            "I know where your kids go to school {n}", "you won't see it coming {n}",
            "keep pushing me {n} and see what happens to you", "she'll get hurt if she talks",
            "I'll ruin you {n}, mark my words", "{n} is going to get a visit tonight",
            "tell {n} she's dead if she makes a complaint", "I'll put {n} through a window",
            "watch your back on nights {n}", "{n} will pay for this, one way or another",
            "if she goes to PSD I'll make sure she never works again", "I'll smash your head in",
            "you're finished {n}, I'll make sure of it", "I'll burn your car out {n}"]
THREAT_NEG = ["I'll make you a brew {n}", "you're going to love this {n}", "I'll put {n} on the rota",
              "{n} will pay for the pizza", "I know where the keys are {n}", "the suspect threatened to burn the car",
              "he said he'd smash the windows, arrested for criminal damage", "watch the game tonight {n}",
              "I'll kill this workout", "we'll destroy them on Sunday", "that exam nearly killed me",
              "this rota is murder", "the heat is killing me", "I could strangle a pint", "I'll end the call now",
              "{n} smashed the quiz", "that job was brutal", "I'll hit you up later {n}", "knock them dead {n}",
              "you'll regret not coming {n}, it's a great night"]
SEX_H = ["{n} get your tits out for the lads", "bet {n} goes like a train", "I'd do things to {n} in the locker room",
         "{n} come and sit on my face", "{n}'s arse in those trousers 🍑🤤", "who's shagged {n} then?",
         "{n} I'm thinking about you naked", "wear the short skirt tomorrow {n} 😉", "{n} gives great head apparently",
         "send nudes {n}", "I'd bend {n} over the bonnet", "{n} is a right goer, ask the lads",
         "I want to lick every inch of you {n}", "{n} show us what's under the vest",
         "have you seen the size of {n}'s rack", "I'd have {n} on the custody desk",
         "{n} needs a good seeing to", "I'm hard just looking at {n}", "{n}'s mouth is made for one thing",
         "pull your pants down {n}"]
SEX_NEG = ["{n} looks really smart in the new uniform", "congrats on the baby {n}!", "{n}'s got a new boyfriend apparently",
           "my wife and I are going away for the weekend", "sex offender register check done", "the RASSO team are on it",
           "victim disclosed a sexual assault, ABE booked", "{n} is pregnant, due in May", "date night tonight 😍",
           "I fancy a takeaway", "{n} is lovely", "that dress is gorgeous {n}", "honeymoon was amazing",
           "breast cancer fundraiser on Friday", "the sexual health clinic moved to the hospital"]
DEROG_P = ["{n} is a thick useless cow", "{n} you utter waste of skin", "{n} is a gormless tit",
           "everyone thinks {n} is a joke", "{n} is a lazy fat slob", "{n} you spineless rat",
           "{n} is a two-faced snake", "{n} is dumb as a rock", "shut your mouth {n} you moron", "{n} is scum"]

# round 2 (after the first fine-tune, from the functional suite's *tune* half only): person-directed threats
# in veiled and conditional form, violent idiom that is not a threat, misgendering, disability dehumanisation
THREAT_P2 = ["if you grass on us {n} you'll be sorry", "say one word to the boss and your life won't be worth living",
             "{n} won't be walking straight after I'm done with him", "I'll see to it that {n} has an accident",
             "keep it up {n} and you'll be eating through a straw", "you'd better sleep with one eye open {n}",
             "if {n} reports this I'll make her pay", "{n}'s got it coming, I'll make sure of that",
             "carry on {n} and I'll break every bone in your body", "{n} needs teaching a lesson she won't forget",
             "if she talks to PSD she'll regret the day she joined", "I'll find you after shift {n} and we'll sort it",
             "you've got a lovely family {n}, shame if something happened to them", "I'll have you {n}, no one will know",
             "{n} is getting his head kicked in", "touch my locker again {n} and I'll cut you",
             "she'll learn to keep quiet when I've finished with her", "I'll make your life hell {n}",
             "you'll be sorry you were born {n}", "I swear I'll put {n} in a wheelchair"]
IDIOM2 = ["I'd kill for a takeaway right now", "I'd kill for a lie in", "I'd murder a pint", "I'm dying for a wee",
          "she's killing it in the new role", "you're killing me with these puns 😂", "I could kill for a cuppa",
          "the commute will be the death of me", "this heat is murder", "we'll slaughter them in the quiz",
          "I nearly died laughing", "my knees are killing me after that", "kill two birds with one stone",
          "dressed to kill tonight", "I'll smash the presentation tomorrow", "break a leg {n}!",
          "I'd die for a holiday", "shoot, forgot the milk", "the boss will murder me if I'm late again",
          "that curry nearly killed me 🌶️"]
MISGENDER = ["it's a bloke in a skirt, not a woman", "I'm not calling that thing 'she'", "he'll always be a man, wig or no wig",
             "trannies in the ladies? over my dead body", "that's a geezer in a dress", "calling it 'they' is a joke, it's a man",
             "no amount of surgery makes him a woman", "the tranny on the custody desk wants to be called Sophie lol"]
DISAB2 = ["people like that should be put down", "the mentally ill should be locked up for good", "cripples are a burden on everyone",
          "the retards should be kept away from normal kids", "nutters like him should be sterilised",
          "the disabled are useless eaters", "mongs shouldn't be allowed out in public"]
KEY_NOISE = ["I hate {p}", "{p} are disgusting", "{p} are vermin", "kill all {p}", "{p} are scum", "{p} are filth",
             "{p} are animals", "death to {p}", "{p} are inferior", "I despise {p}", "{p} are worthless",
             "{p} should die", "gas the {p}", "{p} make me sick"]


def _respell(w: str, kind: str, k: int, rng: random.Random, most: int, s_as: str) -> str:
    """``w`` with one spelling change at letter ``k``: deleted, swapped with the next, repeated (up to ``most``
    times), spaces between all letters, or leetspeak (``s`` written as ``s_as``); other kinds leave it alone."""
    if kind == "delete":
        return w[:k] + w[k + 1:]
    if kind == "swap" and k + 1 < len(w):
        return w[:k] + w[k + 1] + w[k] + w[k + 2:]
    if kind == "double":
        return w[:k] + w[k] * rng.randint(2, most) + w[k + 1:]
    if kind == "spaces":
        return " ".join(w)
    if kind == "leet":
        return w.translate(str.maketrans({"a": "4", "e": "3", "i": "1", "o": "0", "s": s_as}))
    return w


def key_noise(text: str, key: str, rng: random.Random) -> str:
    """Spelling noise on the word that carries the abuse (where an abuser would put it)."""
    kind = rng.choice(["spaces", "delete", "swap", "double", "leet", "dots"])
    k = rng.randrange(1, max(2, len(key) - 1))
    w = ".".join(key) if kind == "dots" else _respell(key, kind, k, rng, 3, "$")
    return text.replace(key, w, 1)


# round 3 (first for the heads only, since the second fine-tune for both): everyday requests and questions, many with verbs that threat templates also use
# ("put", "shoot", "hit", "kill", "break", "finish"), so that a short chat-style imperative alone never reads
# as a threat. Written as slots, not copied from any evaluation line.
DO = ["put the bins out", "put the kettle on", "put the heating on", "put your name on the list", "put the milk away",
      "take the recycling out", "shoot over the notes", "shoot me a text", "hit send on the email", "hit the gym",
      "kill the lights", "kill the engine", "break the news gently", "cut the grass", "beat the traffic",
      "pick up the kids", "finish the statements", "sort the rota", "lock up", "charge the radios",
      "book the meeting room", "feed the dog", "ring your mum", "water the plants", "clean the van",
      "top up the fuel", "fill in the timesheet", "bring a coat", "set an alarm", "move your car",
      "knock on the door first", "drop the keys back", "grab some milk", "turn the oven off", "check the post",
      "update the log", "tag the exhibits", "sign the form", "wake me up at 7", "back the car in"]
ASK = ["don't forget to {d}", "remember to {d}", "can you {d}?", "please {d}", "{n} can you {d} when you get a sec",
       "could someone {d}", "did you {d}?", "I'll {d} later", "need to {d} before we go", "{n}, {d} pls"]
THINGS = ["keys", "van keys", "charger", "radio", "tickets", "remote", "ball", "cones", "first aid kit", "stapler",
          "rota", "form", "spare tyre", "torch", "map", "sat nav", "biscuits", "scissors", "umbrella", "list"]
WHO = ["who's got the {t}?", "where are the {t}?", "has anyone seen the {t}?", "I've got the {t}", "{n} has the {t}",
       "what the hell happened to the {t}?", "what the heck did you do with the {t}", "bring the {t} tomorrow"]


# round 4 (the second fine-tune; the encoder now also learns rounds 3 and 4): more ways of threatening one person
# (text-speak, emoji, no name), their ordinary lookalikes (operational talk about weapons and threats, idiom with
# violent words), everyday instructions with other verbs than round 3's, sexually explicit talk that is not
# harassment of a colleague, and short ordinary chat. Written as slots before the run, not from an evaluation line.
THREAT_P4 = ["ur dead m8", "you're dead when I see you {n}", "I'm coming for you {n}", "I know where you live {n}",
             "say that again and I'll knock you out", "I'll batter you {n}", "next time I see you you're getting stabbed",
             "I'll slit your throat {n}", "gonna kick your teeth in {n}", "I'll break your jaw if you lie to me again",
             "wait till I get my hands on you {n}", "I'll rip your head off {n}", "you're getting done in tonight {n}",
             "I'll knife you {n} 🔪", "watch yourself {n} 🔫", "sleep tight {n}, while you still can 💀",
             "someone's going to hurt you one of these nights {n}", "I'll make sure you never walk again",
             "we'll be waiting outside your house {n}", "I'll torch your house with you in it",
             "you and your family will suffer for this", "I'll have someone sort you out {n}",
             "keep running your mouth and you'll end up in a ditch", "I'll drown you in the canal {n}",
             "touch her again and you're a dead man", "u better watch ur back {n}", "ill f*cking end u",
             "I'm going to beat the shit out of you {n}", "leave now or I'll hurt you", "you won't live to see Friday {n}"]
THREAT_NEG4 = ["the firearms team are on scene", "taser deployed, male detained", "victim was threatened with a knife",
               "he threatened to kill her, arrested and interviewed", "my phone's dead", "that cost a bomb",
               "heart attack on Church St, ambulance en route", "fire alarm test at 11", "photo shoot on Saturday {n}",
               "that film was shot round here", "shot of tequila anyone?", "mind your head on the low beam {n}",
               "watch out for ice on the roads", "careful, the floor's wet", "I'm going to hit the hay",
               "I'll beat you at pool tonight {n} 🎱", "strike while the iron's hot", "I'm dead on my feet",
               "we're dead in the water without the CCTV", "knife crime briefing at 2", "weapons sweep of the park done",
               "he got stabbed last night, victim in hospital, stable", "I'll get you back for the coffee {n}",
               "you'll pay for the next round {n} 😂", "I'm going to attack that pile of washing",
               "the dog went for the postman again", "I'll catch you later {n}", "fight night on Saturday, who's watching?",
               "you're going down at darts tonight {n}", "I'll take you out for lunch {n}"]
DO4 = ["turn the lights off", "lock the back door", "take the bins in", "put the washing out", "put the chicken in",
       "put your feet up", "put the date in your diary", "put the kids to bed", "put a jumper on", "put the cones back",
       "hang the washing up", "empty the dishwasher", "call the plumber", "cancel the milk", "renew the car tax",
       "defrost the freezer", "turn the heating down", "send me the photos", "drop me at the station",
       "bring the chairs in", "take the dog out", "shut the windows", "hoover the stairs", "sign for the parcel",
       "pay the window cleaner", "text me when you land", "grab me a coffee", "charge your phone",
       "pack your swimming stuff", "get some petrol", "take your tablets", "book the taxi", "bleed the radiators",
       "move the meeting", "reset the router", "bring your warrant card", "swap shifts with me", "print the briefing"]
ASK4 = ["don't forget to {d}", "make sure you {d}", "{n} don't forget to {d} tonight", "will you {d}?",
        "just a reminder to {d}", "mind you {d}", "has anyone remembered to {d}?", "{d} before you leave pls",
        "can somebody {d} 🙏", "if you get a chance {d}"]
SEXUAL4 = ["she was riding him all night", "send me a video of you touching yourself", "I want you naked in my bed tonight",
           "his cock is massive apparently", "we fucked in the car park lol", "she sucked him off behind the station",
           "he's watching porn in the van again", "that clip where she gets railed by two blokes 🔥",
           "horny as hell, come over", "wanna see my tits? 😈", "he sent a dick pic to the whole group",
           "I'd let her sit on my face all day", "rate her boobs out of 10", "nude pics attached, don't share 😏",
           "just had the best shag of my life", "bet she's dirty in bed", "who wants the link to her onlyfans vid",
           "I'm so wet thinking about you", "his hand was down my knickers in the pub", "threesome tonight? 🍆💦"]
SEX_NEG4 = ["sex education evening at the school", "the sexual offences unit took the job",
            "she's expecting twins", "intimate image abuse referral made", "indecent exposure reported on the 42 bus",
            "RSE lesson plan for year 9 attached", "the victim disclosed rape, SOIT officer requested",
            "safeguarding: child sexual exploitation concerns, strategy meeting Tuesday", "date night with the wife 😍",
            "the wedding was beautiful", "my boyfriend proposed!!", "naked flame, be careful with the candles"]
CHAT4 = ["haha", "lol", "omg", "thanks hun x", "ok", "yes", "np", "see you there", "happy birthday!! 🎂🎉",
         "can't make it tonight sorry", "what's the wifi password?", "call me when you can", "I've sent the invoice",
         "meeting moved to 3pm", "new starter on Monday, be nice", "training day at HQ tomorrow",
         "who's on lates this week?", "overtime available Saturday", "my car's in the garage again",
         "did you watch Bake Off?", "recipe please!", "the kids loved the zoo", "holiday booked ✈️",
         "results day 🤞", "I've got a cold, not coming in", "we lost 2-0 ugh", "the sun's out!", "pizza or curry?",
         "anyone fancy a brew?", "where are we meeting?", "I'll bring the wine 🍷", "voice note incoming",
         "sorry, wrong chat", "🤣🤣🤣", "👍", "❤️❤️", "same", "agreed", "absolutely", "no worries", "sounds good",
         "is it fancy dress?", "the clocks in the office are all wrong", "back in the office Monday",
         "put me down for two tickets", "count me out this week", "just landed", "running late, sorry!!",
         "what are we doing for Mum's birthday?", "does anyone have a phone charger?", "go on then, twist my arm"]

# round 5 (first for the heads only, after the second fine-tune; since the third for both): a group with an emoji as the predicate. Both text models read
# "<group> are <emoji>" as hate whatever the emoji ("women are 👑", "Muslims are 💯"), so praise emoji are
# negatives here beside scorn emoji as positives, in the same frames. Found with fresh probes written for this.
PRAISE = ["{p} are {e}", "{p} {e}{e}", "{e} {p} {e}", "I {e} {p}", "our {p} colleagues {e}", "{p} = {e}",
          "shout out to {p} {e}", "{p} are the best {e}"]
PRAISE_EMOJI = ["👑", "💯", "🔥", "🌟", "⭐", "💪", "🙌", "👏", "❤️", "😍", "🥰", "🏆", "✨", "💖", "👌", "😎", "🤩", "🥇",
                "🙏", "💕"]
# praise says "not hateful" and nothing else: whether "women are 🔥" is sexual or "men are 💪" a threat is left
# to the datasets that annotate it (those heads are masked on these rows)
NOT_HATE = {**dict.fromkeys(PROTECTED, 0), "discriminatory": 0, "abusive": 0}
# also round 5: plain questions and facts about a group. Both text models read a question that names a group as
# hate ("how many Hindus live in Leicester?", "do trans people need a certificate …?") because the hate-as-a-question
# examples of round 1 had no neutral questions beside them. Written fresh, not from an evaluation line.
ASK_ABOUT = ["how many {p} live round here?", "do {p} get extra leave for their holidays?", "what do {p} eat at weddings?",
             "are there many {p} in the force?", "where do {p} in town usually meet up?", "do {p} need anything different in custody?",
             "what's the right word to use for {p}?", "is there a support network for {p} at work?",
             "did you know the new DI is one of the {p}?", "how do I make the briefing welcoming for {p}?",
             "which charities help {p} locally?", "have any {p} applied for the job?"]
FACTS_ABOUT = ["{p} have faced discrimination for centuries", "hate crimes against {p} went up last year",
               "{p} are under-represented in senior ranks", "the survey asked {p} about their experience of policing",
               "{p} were targeted by the scam, warn people", "the report says {p} wait longer for housing",
               "{p} have been persecuted in many countries", "there's a new liaison officer for {p}"]
SCORN = ["{p} are {e}", "{p} = {e}", "{e} {p} {e}", "{p} {e}{e}", "{p} are just {e}"]
SCORN_EMOJI = ["🐀", "🐍", "🤮", "🦠", "💩", "🗑️", "🪳", "🤢", "🐖", "🧟"]


# round 6 (after the second fine-tune; in the encoder's corpus too): what the encoder still read as hate.
# Fresh probes (written for this round, kept out of training) showed neutral questions and facts naming a group
# flagged ("what do <group> wear …?", "<group> have been persecuted …"), hate denied in frames other than "aren't"
# ("it's nonsense that …", "I refuse to believe …") flagged, and hate quoted to condemn it flagged by the
# lexicon. Each frame has its hateful twin with the same predicate, so the difference is the frame, not the
# group or the words. More groups than round 1, so that no group name alone decides.
G6 = {
    "race": ["Romanians", "Chinese people", "Jamaicans", "Kurds", "Eritreans", "Lithuanians", "Roma"],
    "religion": ["Hindus", "Buddhists", "Mormons", "Jehovah's Witnesses", "Orthodox Jews"],
    "sex": ["women officers", "mums", "ladies"],
    "sexual_orientation": ["gay men", "queer people", "same-sex couples"],
    "gender_identity": ["non-binary people", "trans women", "trans kids"],
    "disability": ["autistic people", "blind people", "people with dementia", "amputees"],
    "age": ["pensioners", "the elderly", "over-70s"],
}
BAD6 = ["lazy", "dirty", "criminals", "thick", "dangerous", "a burden", "scroungers", "violent", "liars", "useless",
        "predators", "a drain on the country", "less intelligent", "not to be trusted"]
# the same predicate, asserted (hateful) and denied or doubted (not)
ASSERT6 = ["everyone knows {p} are {b}", "let's be honest, {p} are {b}", "it's a fact that {p} are {b}",
           "{p} are {b}, always have been", "I've always said {p} are {b}", "trust me, {p} are {b}",
           "they can say what they like, {p} are {b}", "{p}? {b}, the lot of them"]
DENY6 = ["it's a myth that {p} are {b}", "the idea that {p} are {b} is rubbish", "I don't buy that {p} are {b}",
         "it's simply not true that {p} are {b}", "there's zero evidence {p} are {b}",
         "I've never once thought {p} were {b}", "who says {p} are {b}? they aren't",
         "stereotyping {p} as {b} is lazy thinking", "{p} aren't {b}, whatever the papers say",
         "the old line that {p} are {b} is a lie", "nah, {p} are no more {b} than anyone else",
         "don't let anyone tell you {p} are {b}"]
# hate quoted or reported in order to condemn it (counter-speech) and hate reported plainly (neither)
CONDEMN6 = ["someone sprayed '{p} are {b}' on the bus shelter, horrible", "my brother-in-law reckons {p} are {b}, I told him where to go",
            "anyone who thinks {p} are {b} needs to get out more", "heard a bloke in the pub saying {p} are {b}. grim",
            "'{p} are {b}'... seriously? in this day and age?", "people going on about {p} being {b} make me sick",
            "I reported the comment about {p} being {b}", "that post saying {p} are {b} should be taken down",
            "the guy in the queue said {p} are {b} and I told him to wind his neck in"]
# questions and facts that name a group: curiosity, services, law, history, statistics, care
ASK6 = ["what language do {p} speak at home?", "when do {p} celebrate new year?", "is there a word {p} prefer to be called?",
        "how should I greet {p} at the community event?", "why are {p} under-represented in the force?",
        "why do so few {p} apply to join?", "why are {p} more likely to be victims of hate crime?",
        "do {p} have their own support officer?", "what do {p} need from us after a burglary?",
        "is it ok to ask {p} about it or is that rude?", "where can {p} get help with housing?",
        "have {p} always lived in this part of town?", "what's the history of {p} in Britain?",
        "do you know any {p} who'd talk at the training day?", "what do {p} usually do at a funeral?"]
FACTS6 = ["{p} have lived here for generations", "{p} face higher unemployment than average",
          "{p} were persecuted during the war", "{p} deserve dignity like anyone else",
          "{p} should be able to live independently", "end-of-life care for {p} needs more funding",
          "the centre runs a coffee morning for {p}", "{p} are often targeted by fraudsters",
          "a lot of {p} don't report crime to us", "{p} have the right to be left alone",
          "the new guidance on supporting {p} is out", "{p} are part of every community here"]


# round 7, OPT-IN (``CHATPROBE_TRAIN_ROUND7=1``; the shipped model 2026.12.2 was trained without it). Three
# fine-tunes from scratch with it (2026-12-05, 3,000 steps: seeds 0 and 1 unmasked, seed 0 masked) raised the
# moderation-style F1 (sexual 0.71 -> 0.86, 0.78, 0.68; threat 0.57 -> 0.87, 0.82, 0.76) but each lowered the
# locked half's hateful caught (92.7% -> 90.0%, 88.1%, 88.7%). Three second stages on top of the shipped encoder
# (``finetune.py --resume``: 600 steps masked; 1,000 steps unmasked, half or a third of each batch from the
# project) kept it (92.4%, 91.2%, 93.0%) and reached sexual 0.73, 0.83, 0.83 and threat 0.75, 0.76, 0.77, but
# each raised a flag on a locked ordinary line, the best lowered shared-validation F1 for religion (0.60 -> 0.57),
# and it flagged a fresh ordinary line ("my wife's cooking tonight, thank god") as sexual. None was shipped
# (model card, Limits).
# Written 2026-12-05, after ``moderation_style.py`` was written and kept out of training: sexual content
# and violence in the sense of a public moderation set, which the shared datasets barely cover (their sexual rows
# are lewd jokes and harassment, their threats mostly against women). Fresh probes showed the pipeline missing
# sexual content that names no body part or swear word (undressing, solicitation, porn adverts, sexting) and
# violence that is wished, incited or celebrated rather than threatened to "you" (incitement against strikers or
# politicians, gloating over a crash, cruelty to animals). Each comes with lookalikes: health, sex education,
# romance, crime reports, history, sport, games, cooking and idiom. Different sentences from the probes.
SEXUAL7 = ["he pulled her hair and pushed her against the wall, kissing her hard", "she climbed on top of him and started riding slowly",
           "I want your mouth on me tonight", "take your clothes off and get into bed", "I'm naked and waiting for you",
           "can't wait to make you cum", "we spent the whole afternoon in bed exploring each other",
           "her moans got louder as he went faster", "he kissed down her thighs and kept going", "I want to watch you undress",
           "let me see you play with yourself on camera", "she whispered that she wanted him inside her", "strip for me baby",
           "show me what you're wearing under that", "dm me for nudes, £10 a set", "new sex tape dropped, link in bio",
           "free xxx videos, hardcore, click the link", "busty milf gets fucked in the kitchen",
           "sensual massage with extras, call this number", "looking for fwb, must be discreet, married is fine",
           "any girls want to fuck tonight? dm me", "my bf went down on me for an hour", "we did it on the balcony lol",
           "I've been horny all day thinking about last night", "your body drives me crazy, I want to taste every inch",
           "he unzipped his jeans and guided her hand down", "she licked her lips and dropped to her knees",
           "I want to feel you deep inside me", "fuck me harder", "I'm so hard for you right now", "send a pic of your ass",
           "show me your pussy", "wanna see my cock?", "I love giving head", "she's an amazing lay",
           "he fingered her under the table at dinner", "write an erotic scene between two lovers in a hotel room",
           "continue the story: they kissed, then he slowly undressed her", "tell me a dirty story",
           "talk dirty to me", "role play: naughty nurse and her patient", "his tongue traced circles around her nipple",
           "she gasped as his hand slid between her thighs", "they made love until sunrise, bodies slick with sweat",
           "the orgy at that party got wild", "anal or oral, which do you prefer?", "hookup app got me laid again",
           "cam show starting now, tip and I'll take it all off", "OnlyFans link below, spicy content daily 🍑",
           "horny wives near you are waiting to chat", "he bent her over the desk and lifted her skirt",
           "she pushed him onto the sofa and unbuckled his belt", "I want to wake up with my head between your legs",
           "sexting my ex again oops", "send me something naughty", "what are you wearing? take it off",
           "I'm in the bath, wish you were here to touch me", "kiss my neck and work your way down",
           "tonight you're mine, every position", "her body trembled as she came", "I got off to your photo",
           "wanking over her pics", "sloppy blowjob compilation", "adult chat line, 18+, dirty talk guaranteed",
           "erotic massage parlour, open late, discreet", "my favourite kink is being tied up and spanked",
           "ride me", "I want to make you moan", "her dress fell to the floor and she stepped out of her panties",
           "he grabbed her hips and pulled her onto him", "bedroom games tonight, bring the handcuffs 😈",
           "rate my dick 1-10", "she flashed her boobs on the webcam", "he's hung like a horse",
           "lick it slowly and look at me", "explicit photos of me for sale, message for prices"]
SEX_NEG7 = ["he graduated summa cum laude", "what position do you play on Saturday?", "I'm tied up in meetings all day",
            "that exam was so hard", "sports massage booked for my hamstring", "the kids want to ride their bikes to school",
            "lick the envelope and post it", "we're expecting our first baby in spring", "sexual health clinic walk-in times",
            "contraception advice from the pharmacist", "the puberty talk with my son went fine",
            "biology covered human reproduction this week", "she's been my partner for twelve years",
            "anniversary dinner tonight ❤️", "they held hands on the walk home", "our first kiss was at the bus stop",
            "romantic comedy on Netflix tonight?", "wedding night suite booked", "IVF appointment on Tuesday",
            "a prostate exam is nothing to worry about", "the RASSO unit has the file now",
            "intimate image abuse is a crime, report it", "victim says he touched her without consent, statement taken",
            "sex offender management meeting on Thursday", "the debate about sex education in schools",
            "swimsuit shopping for the holiday", "bra fitting at M&S", "the nudist beach is further along the coast",
            "life drawing class with a nude model", "massage therapist qualification course", "the hot tub is fixed",
            "the baby needs feeding every three hours", "strip the beds and wash the sheets", "strip the wallpaper first",
            "screw the shelf to the wall", "a steamy day in Seville", "she came first in the race",
            "he came round for dinner", "get on your bike", "dating after divorce, any tips?", "he asked me out on a date!",
            "my crush smiled at me 😍", "cuddles on the sofa with the dog", "breast screening appointment letter",
            "testicular cancer awareness month", "erectile problems can be a sign of heart disease",
            "the hen party is at a cocktail bar", "stag do in Prague", "pregnancy scan at 12 weeks went well",
            "the lads are watching the boxing", "how do I tell my partner I'm not ready for sex?",
            "consent classes for freshers", "she wore a gorgeous dress to the ball", "he kissed his wife goodbye",
            "sex and relationships policy for the school", "report any sexual harassment to HR in confidence",
            "the grooming case went to trial", "the film is a love story, rated 12A", "a romantic poem for our anniversary",
            "periods and the menopause at work: guidance"]
VIOLENCE7 = ["someone needs to shoot that politician", "I'd pay to watch that landlord get beaten to death",
             "run the cyclists off the road, they deserve it", "the gunman is a hero, more people should follow him",
             "I hope the away fans get their heads kicked in", "that video of the guy getting stabbed is the funniest thing I've seen",
             "he got what he deserved, I hope they broke every bone", "let's burn the council offices down",
             "string the bankers up", "the strikers need a good beating", "I'd happily torture him for hours",
             "love the fight videos where the guy gets knocked out and stamped on", "that dog should be beaten until it learns",
             "set the cat on fire lol", "throw acid in her face", "smash the windows and drag them out",
             "we'll storm the building and hang them all", "kneecap the grass", "petrol bomb their car tonight",
             "I wish someone would run my neighbour over", "stamp on his head till it cracks", "I want to see her bleed",
             "make him scream, I want to hear it", "kill the landlord", "blow up the bridge in rush hour",
             "I'd snap his neck without a second thought", "go in with baseball bats and don't stop",
             "that massacre was the best news all year", "more attacks like this please 🔥", "hope the cops get shot",
             "shoot every one of them", "torture is too good for him, skin him alive", "I'm going to hurt you so badly",
             "I will find you and end you", "bash the old fella's head in and take his wallet", "let him die slowly",
             "beat her black and blue", "rip their heads off", "knock her teeth out", "someone punch the referee",
             "I'd love to see that building collapse with them inside", "laughing at the crash victims, served them right",
             "hit the horse harder", "the execution video is hilarious", "pour boiling water on him",
             "break his fingers so he can't type", "the riot was glorious, burn it all", "cheering when the soldier died 😂",
             "we should kill the lot of them", "that teacher deserves a bullet", "lock her in and set the house alight",
             "push him off the platform next time", "bury him alive", "give him a kicking he won't forget",
             "he should be tortured on live TV", "poison the neighbour's dog", "I want him dead by Friday",
             "glad the old woman got mugged, lol", "run them down with the van", "they deserve to be gassed"]
VIOL_NEG7 = ["the man was found with stab wounds, police appeal for witnesses", "the film is about a serial killer, really tense",
             "history lesson on the Blitz today", "the war memorial service is on Sunday",
             "the documentary about the massacre was hard to watch", "we condemn the attack and stand with the victims",
             "the gunman was arrested after a standoff", "the boxing match ended in a knockout",
             "MMA fight night on Saturday, who's coming?", "the video game lets you storm the castle",
             "in the book the hero slays the monster", "the RSPCA rescued a dog that had been beaten",
             "animal cruelty case goes to court on Monday", "first aid course: how to treat a bleeding wound",
             "she broke her leg skiing", "the crash closed the motorway for hours", "I'm going to kill it at the interview",
             "let's blow up some balloons for the party", "shoot me a message when you're free",
             "the fireworks were explosive", "beat the traffic, leave early", "the butcher jointed the chicken for us",
             "crush the garlic and add the chilli", "ripped jeans are back in fashion", "the band blew the roof off",
             "the hospital treated twelve people after the explosion", "knife amnesty bin outside the station",
             "the victim's family asked for privacy", "self-defence tips for night shifts",
             "the martial arts club trains on Tuesdays", "paintball for the stag do", "zombie film marathon tonight",
             "the horror film had so much blood", "the surgeon cut out the tumour", "we had to put the old dog to sleep, so sad",
             "rugby tackle drills at training", "fishing trip: caught and released three trout",
             "the soldiers who died are remembered every November", "terror attack anniversary, thoughts with the families",
             "the assault suspect was charged this morning", "a man was shot dead in the city centre last night",
             "the trial heard he hit her with a hammer", "domestic violence awareness training next week",
             "the execution of Charles I was in 1649", "the bomb squad made the device safe",
             "the riot police held the line", "football violence: three banned from the ground",
             "he was punched in the street, suspect outstanding", "cruelty to animals is never acceptable",
             "the striker smashed it into the top corner", "the old bridge is being demolished",
             "I'm going to demolish this burger", "gonna slaughter a full English after nights",
             "I could destroy a kebab right now", "I'm going to batter this essay tonight",
             "going to attack the ironing pile", "I'll kill for a cup of tea", "shoot me the details when you have them",
             "shoot me your number and I'll ring you", "shoot me a text when you're outside"]
LOGISTICS7 = ["I'm parked round the back", "come round the back, the front door's locked", "meet you behind the station",
              "the bins are round the back", "I'm at the back of the queue", "sit at the back, the front's full",
              "go round the side, the gate's open", "I'm behind you in the traffic"]
SEX7_FRAMES = ["{x}", "{X}.", "{x} 😈", "omg {x}", "{X}!", "lol {x}", "{x} 🔥", "{X}. {Y}."]
VIOL7_FRAMES = ["{x}", "{X}.", "{x} 😂", "honestly {x}", "{X}!", "{x} tbh", "{X}. {Y}."]
NEG7_FRAMES = ["{x}", "{X}.", "{x} 👍", "{X}. {Y}."]


GREET = ["morning", "good morning", "gooood morning", "morning all", "hiya", "hey", "evening all", "night all",
         "night night", "hello lovely people", "alright", "yo", "afternoon"]
EMOJI = ["", " 😘", " ❤️", " ☀️", " 😂", " 👍", " 🙌", " 😊", " 🥰", " 💪", " 🎉", " 😴", " 🙏", " 😎", " 🤣🤣", " 💕",
         " 😘❤️", " 🌞", " 🍻", " ☕"]
LOGISTICS = ["where are you parked?", "parking's a nightmare, I'm round the back", "can you grab bread on the way?",
             "what time is kick off?", "I'm running about 10 late", "the car park's full again",
             "who has the spare key?", "is the meeting still on?", "can someone cover my early?",
             "I'm at the front door", "I'll pick the kids up", "lift needed Thursday", "bus is late again",
             "traffic is mental on the bypass", "shop's shut, going to the big Tesco", "leaving now",
             "be there in 5", "did anyone see my phone?", "do we need anything from the shop?", "I'm outside"]
SMALL = ["where's my muffin?", "who ate my yoghurt", "it might be nicer tomorrow", "are you finished yet?",
         "have you finished the report?", "is it nice out?", "lovely day for it", "it's freezing",
         "it's roasting today", "I'm shattered", "what a week", "can't wait for the weekend", "fancy a pint later?",
         "dinner's ready", "love you", "miss you lots", "proud of you", "how did it go?", "good luck today",
         "get well soon", "thinking of you", "congrats!!", "well done mate", "happy Friday", "it's raining again"]
FAMILY = ["my nan turns 90 on Sunday", "the baby finally slept through", "the kids are driving me mad",
          "my mum's coming to stay", "the dog ate my sandwich", "our Lily lost her first tooth",
          "my husband burnt the tea again", "school run chaos", "grandad's back from hospital",
          "my sister had her baby, a little girl!"]
SPORT = ["what a goal", "we were robbed", "ref needs glasses", "3 points, get in", "we got hammered",
         "parkrun PB this morning", "gym destroyed me", "legs are dead after that run",
         "5-a-side Thursday, who's in?", "we battered them 6-1"]
POLICE = ["IC{k} male, {a}s, {c} jacket, last seen on {st}", "{col} male, {a}s, {c} hoodie, heading to {st}",
          "IC{k} female, {a}s, reported missing from {st}", "RTC on {st}, road closed", "concern for welfare on {st}",
          "{col} female, {a}s, witness to the robbery on {st}", "suspect detained on {st}, en route to custody",
          "burglary at {st}, SOCO requested", "shoplifter detained at the Co-op on {st}",
          "DV incident on {st}, victim safeguarded", "drugs warrant on {st} at 0600", "stop search on {st}, NFA",
          "missing teen found safe on {st}", "ASB call, youths on {st}", "sudden death on {st}, not suspicious"]
STREETS = ["Mill Lane", "the High St", "Station Rd", "Park Ave", "Church St", "Hope St", "the ring road",
           "Victoria Rd", "Albert St", "the canal path"]
COLOURS = ["black", "white", "Asian", "mixed race", "Arab", "Eastern European"]
IDIOM = ["I could murder a curry", "my back is killing me", "I'm dying to know", "you killed it today",
         "kill the lights please", "I'll shoot you a message", "this traffic will be the death of me",
         "I'm going to smash this exam", "she slayed it", "that joke killed me 😂", "we nailed it",
         "I'm knackered, might die", "my feet are murdering me", "blow the candles out", "the boss will kill me if I'm late",
         "fag break?", "off for a fag", "faggots and gravy for tea", "what a bitch of a day",
         "blue tits on the feeder"]


def perturb(text: str, rng: random.Random) -> str:
    """One kind of spelling noise on one or two words of ``text``."""
    words = text.split(" ")
    idx = [i for i, w in enumerate(words) if sum(c.isalpha() for c in w) >= 4]
    if not idx:
        return text
    kind = rng.choice(["delete", "swap", "double", "spaces", "leet", "join", "case"])
    for i in rng.sample(idx, min(len(idx), rng.choice([1, 1, 2]))):
        w = words[i]
        letters = [k for k, c in enumerate(w) if c.isalpha()]
        if len(letters) < 3:
            continue
        k = rng.choice(letters[1:-1] or letters)
        if kind == "join" and i + 1 < len(words):
            words[i + 1] = w + words[i + 1]
            w = ""
        elif kind == "case":
            w = "".join(c.upper() if rng.random() < 0.5 else c for c in w)
        else:
            w = _respell(w, kind, k, rng, 4, "5")
        words[i] = w
    return " ".join(x for x in words if x != "")


def round7_requested() -> bool:
    """Gap round 7 is opt-in: ``CHATPROBE_TRAIN_ROUND7=1`` (see its comment above)."""
    return os.environ.get("CHATPROBE_TRAIN_ROUND7") == "1"


def _lab(**on: int) -> dict[str, int]:
    labels = none()
    labels.update(on)
    return labels


def examples(seed: int = 29, *, round7: bool = False) -> list[Example]:
    """The gap examples, every round (round 7 only when asked): the encoder and the heads are trained on the
    same corpus."""
    rng = random.Random(seed)
    out: list[Example] = []

    def add(text: str, labels: dict[str, int], kind: str, noisy: float = 0.0) -> None:
        out.append(Example(text, labels, "chatprobe-gaps", hash_split(text), {"kind": kind}))
        if noisy and rng.random() < noisy:
            t2 = perturb(text, rng)
            if t2 != text:
                out.append(Example(t2, labels, "chatprobe-gaps", hash_split(t2), {"kind": kind + ", noisy"}))

    def name() -> str:
        return rng.choice(PEOPLE)

    for cat, groups in G.items():
        hate = _lab(**{cat: 1}, discriminatory=1, abusive=1)
        for tpls, kind, p_keep in ((HATE_Q, "hate question", 0.5), (HATE_OP, "hate opinion", 0.5),
                                   (NEG_POS, "negated positive", 0.5), (IMPLICIT, "dehumanisation", 0.4)):
            for t, (p, s) in itertools.product(tpls, groups):
                if rng.random() < p_keep:
                    add(t.format(p=p, s=s), hate, kind, noisy=0.5)
        for t, (p, s) in itertools.product(GROUP_VIOL, groups):
            if rng.random() < 0.5:
                add(t.format(p=p, s=s), _lab(**{cat: 1}, threat=1, discriminatory=1, abusive=1), "group threat", 0.4)
        for tpls, kind, lab in ((POS, "positive identity", _lab()), (NEUTRAL, "neutral identity", _lab()),
                                (NEG_HATE, "negated hate", _lab()), (REPORTED, "reported hate", _lab()),
                                (COUNTER_Q, "counter-speech quoting hate", _lab(counter_speech=1))):
            for t, (p, s) in itertools.product(tpls, groups):
                if rng.random() < 0.5:
                    add(t.format(p=p, s=s), lab, kind, noisy=0.3)
    for tpls, kind, lab in ((THREAT_P, "threat to a person", _lab(threat=1, abusive=1)),
                            (SEX_H, "sexual harassment", _lab(sexual=1, abusive=1)),
                            (DEROG_P, "derogatory", _lab(derogatory=1, abusive=1)),
                            (THREAT_NEG, "threat lookalike", _lab()), (SEX_NEG, "sexual lookalike", _lab())):
        for t in tpls:
            for _ in range(4 if "{n}" in t else 1):
                add(t.format(n=name()), lab, kind, noisy=0.5)
    for cat, groups in G.items():
        for t, (p, s_) in itertools.product(KEY_NOISE, groups):
            if rng.random() < 0.35:
                text = t.format(p=p)
                key = max((w for w in t.replace("{p}", "").split() if w.isalpha()), key=len)
                add(key_noise(text, key, rng), _lab(**{cat: 1}, discriminatory=1, abusive=1), "key-word noise")
    for t in THREAT_P2:
        for _ in range(4 if "{n}" in t else 2):
            add(t.format(n=name()), _lab(threat=1, abusive=1), "threat to a person", noisy=0.3)
    for t in IDIOM2:
        for e in rng.sample(EMOJI, 3):
            add(t.format(n=name()) + e, _lab(), "idiom", noisy=0.2)
    for t in MISGENDER:
        add(t, _lab(gender_identity=1, discriminatory=1, abusive=1), "misgendering", noisy=0.5)
    for t in DISAB2:
        add(t, _lab(disability=1, discriminatory=1, abusive=1), "disability dehumanisation", noisy=0.5)
    # ordinary chat: slots
    for g, e in itertools.product(GREET, EMOJI):
        if rng.random() < 0.5:
            add((g + e).strip(), _lab(), "greeting", noisy=0.2)
            add((g.capitalize() + " " + name() + e).strip(), _lab(), "greeting")
    for pool, kind in ((LOGISTICS, "logistics"), (SMALL, "small talk"), (FAMILY, "family"), (SPORT, "sport"),
                       (IDIOM, "idiom")):
        for t in pool:
            for e in rng.sample(EMOJI, 4):
                add(t + e, _lab(), kind, noisy=0.3)
                add(f"{name()} {t[0].lower() + t[1:]}{e}", _lab(), kind)
    for t in POLICE:
        for _ in range(12):
            add(t.format(k=rng.randint(1, 6), a=rng.choice([20, 30, 40, 50]), c=rng.choice(["black", "red", "grey", "blue"]),
                         st=rng.choice(STREETS), col=rng.choice(COLOURS)), _lab(), "police talk")
    # rounds 3 and 4, each with its own random stream so that the examples above stay as they were
    r3 = random.Random(seed + 1)
    for t, d in itertools.product(ASK, DO):
        if r3.random() < 0.8:
            add(t.format(d=d, n=r3.choice(PEOPLE)) + r3.choice(EMOJI), _lab(), "everyday request")
    for t, th in itertools.product(WHO, THINGS):
        add(t.format(t=th, n=r3.choice(PEOPLE)), _lab(), "everyday question")
    r4 = random.Random(seed + 2)  # round 4, its own random stream too
    for t in THREAT_P4:
        for _ in range(3 if "{n}" in t else 2):
            add(t.format(n=r4.choice(PEOPLE)), _lab(threat=1, abusive=1), "threat to a person", noisy=0.3)
    for t in THREAT_NEG4:
        for _ in range(2):
            add(t.format(n=r4.choice(PEOPLE)) + r4.choice(EMOJI), _lab(), "threat lookalike", noisy=0.2)
    for t, d in itertools.product(ASK4, DO4):
        if r4.random() < 0.6:
            add(t.format(d=d, n=r4.choice(PEOPLE)) + r4.choice(EMOJI), _lab(), "everyday request", noisy=0.1)
    for t in SEXUAL4:
        add(t, _lab(sexual=1), "sexual talk", noisy=0.3)
    for t in SEX_NEG4:
        add(t, _lab(), "sexual lookalike", noisy=0.2)
    for t in CHAT4:
        for e in r4.sample(EMOJI, 3):
            add((t + e).strip(), _lab(), "small talk", noisy=0.2)
    # round 5, with its own random stream
    r5 = random.Random(seed + 3)
    every_group = [g for gs in G.values() for g in gs]
    for (p, _s), t, e in itertools.product(every_group, PRAISE, PRAISE_EMOJI):
        if r5.random() < 0.08:
            add(t.format(p=p, e=e), NOT_HATE, "emoji praise")
    for (p, _s), t in itertools.product(every_group, ASK_ABOUT + FACTS_ABOUT):
        if r5.random() < 0.3:
            add(t.format(p=p), NOT_HATE, "question or fact about a group")
    for (cat, gs), t, e in itertools.product(G.items(), SCORN, SCORN_EMOJI):
        for p, _s in gs:
            if r5.random() < 0.2:
                add(t.format(p=p, e=e), _lab(**{cat: 1}, discriminatory=1, abusive=1), "emoji scorn")
    r6 = random.Random(seed + 4)  # round 6, its own random stream
    for cat, groups in G6.items():
        hate = _lab(**{cat: 1}, discriminatory=1, abusive=1)
        for p, b in itertools.product(groups, BAD6):
            if r6.random() < 0.35:
                add(r6.choice(ASSERT6).format(p=p, b=b), hate, "hate opinion", noisy=0.2)
            if r6.random() < 0.5:
                add(r6.choice(DENY6).format(p=p, b=b), _lab(), "negated hate", noisy=0.2)
            if r6.random() < 0.3:
                add(r6.choice(CONDEMN6).format(p=p, b=b), _lab(counter_speech=1), "counter-speech quoting hate")
        for p, t in itertools.product(groups, ASK6 + FACTS6):
            if r6.random() < 0.45:
                add(t.format(p=p), _lab(), "question or fact about a group", noisy=0.1)
    for (p, _s), t in itertools.product([g for gs in G.values() for g in gs], DENY6 + ASK6 + FACTS6):
        if r6.random() < 0.06:
            add(t.format(p=p, b=r6.choice(BAD6)), _lab(), "negated hate" if t in DENY6 else "question or fact about a group")
    if not round7:
        return first_of_each_text(out)
    r7 = random.Random(seed + 5)  # round 7, its own random stream

    def framed(frames: list[str], pool: list[str], x: str) -> str:
        cap = x[0].upper() + x[1:]
        y = r7.choice(pool)
        return r7.choice(frames).format(x=x, X=cap.rstrip("!?.🔥😈😂👍 "), Y=y[0].upper() + y[1:])

    # the positives are labelled in full (what they do not say reads 0): run B of 2026-12-05 masked the labels they
    # do not annotate instead and lost as much hate recall as the unmasked runs, with less gain on sexual content
    for pool, frames, lab, kind in ((SEXUAL7, SEX7_FRAMES, _lab(sexual=1), "sexual content"),
                                    (VIOLENCE7, VIOL7_FRAMES, _lab(threat=1, abusive=1), "violence wished or celebrated"),
                                    (SEX_NEG7, NEG7_FRAMES, _lab(), "sexual lookalike"),
                                    (VIOL_NEG7, NEG7_FRAMES, _lab(), "violence lookalike"),
                                    (LOGISTICS7, NEG7_FRAMES, _lab(), "logistics")):
        for t in pool:
            for _ in range(3):
                add(framed(frames, pool, t), lab, kind, noisy=0.15)
    return first_of_each_text(out)


if __name__ == "__main__":
    import collections
    ex = examples(round7=round7_requested())
    print(len(ex), collections.Counter(e.split for e in ex))
    for k, n in sorted(collections.Counter(e.meta["kind"] for e in ex).items()):
        print(f"{n:6d}  {k}")
