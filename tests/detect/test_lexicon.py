"""Lexicon: obfuscation undone, context rules applied. Terms are the project's own list."""

import pytest

from chatprobe.detect.text import collapse, fold_text, gloss, tokens


def active(lexicon, text):
    return {h.label for h in lexicon.hits(text) if h.status == "active"}


def statuses(lexicon, text):
    return {(h.label, h.status) for h in lexicon.hits(text)}


@pytest.mark.parametrize("text", [
    "faggot", "FAGGOT", "f4gg0t", "f@ggot", "f.a.g.g.o.t", "f-a-g-g-o-t", "f a g g o t", "faaaaggggot",
    "fagggot", "faggt", "fagot", "f*ggot", "f**got", "fаggot",  # Cyrillic а
    "ｆａｇｇｏｔ", "fag\u200bgot", "f\u00adaggot", "faggot!!!", "...faggot",
])
def test_obfuscated_spellings_found(lexicon, text):
    assert "sexual_orientation" in active(lexicon, text), text


@pytest.mark.parametrize("text", [
    "Niger is in west Africa", "the pakistani restaurant", "he regards it as done", "fag end of the shift",
    "the spice rack", "a pack of crisps", "shit day", "f**k this", "s**t happens", "the county court",
    "my coon hound", "nigerian jollof",
])
def test_ordinary_words_left_alone(lexicon, text):
    assert not (active(lexicon, text) - {"derogatory"}), text


def test_folding_keeps_offsets():
    text = "you\u200b n1gg3r!"
    toks = tokens(text)
    assert [t.form for t in toks] == ["you", "nigger"]
    assert text[toks[1].start:toks[1].end] == "n1gg3r!"
    assert collapse("niiiggga") == "niga"
    assert fold_text("Don't") == "dont"


def test_police_ethnicity_codes_are_not_leetspeak(lexicon):
    # "IC3" was folded like leetspeak into "ice", so the identity words ic3s, ic4s and ic6s never matched anything
    assert fold_text("IC3 male, two IC6s, an ic4") == "ic3 male two ic6s an ic4"
    assert fold_text("1c3 ic7 ic33 n1gg3r") == "ice ict icee nigger"
    assert lexicon.mentions("the IC6s on the estate") == {"race": "ic6s"}
    assert {h.label for h in lexicon.hits("ic3s are vermin")} == {"race"}
    assert lexicon.mentions("IC3 male, 6ft, black puffer jacket") == {}


def test_emoji_gloss_for_the_encoder():
    assert gloss("lol 😂") == "lol face with tears of joy"
    assert "dark skin tone" in gloss("👨🏿")
    assert gloss("plain") == "plain"


def test_spans_point_at_the_original_text(lexicon):
    text = "oi   f4gg0t, get here"
    hit = next(h for h in lexicon.hits(text) if h.label == "sexual_orientation")
    assert text[hit.span[0]:hit.span[1]] == "f4gg0t,"
    assert hit.matched == "f4gg0t,"


@pytest.mark.parametrize("text,status", [
    ("victim states the suspect called him a paki", "quoted"),
    ("IP reports the male shouted paki at her", "quoted"),
    ("the word paki is a racist slur", "quoted"),
    ("calling people paki is racist", "counter"),
    ("don't call him a paki", "counter"),
    ('"muslims are vermin" is a vile thing to say', "counter"),
    ("Muslims are not vermin", "negated"),
    ("I don't hate muslims", "negated"),
    ("I'm a proud dyke", "reclaimed"),
])
def test_context_sets_evidence_aside(lexicon, text, status):
    st = statuses(lexicon, text)
    assert st and all(s == status for _, s in st), st


def test_ambiguous_words_need_a_target(lexicon):
    assert not active(lexicon, "the tinker set off on his travels")
    assert not active(lexicon, "that was a total cock-up") - {"derogatory"}
    assert "derogatory" not in active(lexicon, "the junkie was arrested at 3")
    assert "derogatory" in active(lexicon, "you muppet")
    assert "derogatory" in active(lexicon, "what a scumbag he is")


def test_phrase_rules_take_the_group_category(lexicon):
    assert active(lexicon, "send the immigrants back") == {"race"}
    assert active(lexicon, "kill all the muslims") == {"threat", "religion"}
    assert active(lexicon, "trans women are men in dresses") == {"gender_identity"}
    assert active(lexicon, "I would love to 🔪 some 👳🏾") == {"threat", "religion"}


@pytest.mark.parametrize("text,label", [
    ("😂😂😂", "endorsement"), ("LMAO 😂 facts", "endorsement"), ("haha so true", "endorsement"),
    ("💯", "endorsement"), ("That's out of order Liam. Not funny.", "counter_speech"),
    ("I'm reporting this to the Sgt.", "counter_speech"), ("delete that now", "counter_speech"),
])
def test_response_labels(lexicon, text, label):
    assert label in {r[0] for r in lexicon.responses(text)}


@pytest.mark.parametrize("text", ["ok", "see you at 6", "what time is briefing?", "👍 will do", "lol my car won't start"])
def test_ordinary_replies_are_not_endorsements(lexicon, text):
    assert "endorsement" not in {r[0] for r in lexicon.responses(text)}


@pytest.mark.parametrize("text,endorses", [
    # egging on with a laugh, in words or emoji (lexicon 2026.12.20)
    ("haha go on then 🤣", True), ("lol do it", True), ("go on then mate 😂", True), ("hahaha go on my son", True),
    ("lol send it 😂", True),
    # without a laugh it answers an offer as often as it eggs anyone on
    ("go on then", False), ("do it", False), ("go on then, twist my arm", False), ("go on then 👍", False),
    ("haha I will go on then", False), ("lol do it yourself", False)])
def test_egging_on_with_a_laugh_is_an_endorsement(lexicon, text, endorses):
    assert ("endorsement" in {r[0] for r in lexicon.responses(text)}) is endorses


def test_plural_and_disguised_slurs_in_a_sentence(lexicon):
    assert active(lexicon, "gyppos parked on the rec again, f4gg0ts the lot of them") == {"race", "sexual_orientation"}


def test_trie_regex_matches_exactly_the_words_longest_first():
    import re

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from chatprobe.detect.lexicon import trie_regex

    @settings(max_examples=200, deadline=None)
    @given(st.sets(st.text(alphabet="abc .*", min_size=1, max_size=5), min_size=1, max_size=12),
           st.text(alphabet="abc .*", max_size=6))
    def check(words, probe):
        pat = re.compile(trie_regex(words))
        assert all(pat.fullmatch(w) for w in words)
        assert bool(pat.fullmatch(probe)) == (probe in words)
        plain = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))
        m1, m2 = pat.match(probe), plain.match(probe)
        assert (m1 and m1.group()) == (m2 and m2.group())

    check()


def test_emoji_aliases_become_words_and_other_emoji_spaces(lexicon):
    out = lexicon._alias_emoji("you 🐒 lol 😂\ufe0f!")
    assert "🐒" not in out and "😂" not in out and out.endswith("!")
    assert out.split()[0] == "you" and "lol" in out.split()


# issue 10, point 3: a real word one letter away from a slur is never that slur (each of these was flagged
# on ordinary real chats by one-letter fuzzy matching); obfuscated slurs that are not words still are
@pytest.mark.parametrize("text", [
    "Where's my muffin?", "hopefully tomorrow it will be nicer", "niggle in my knee again", "that was a snigger",
    "the wheres and whens of it", "niggling doubts", "a fagged out shift", "the shores were lovely",
    "he chores at home", "spaniel on the loose", "the bigger van", "pakistan cricket tonight",
    "his finger is broken", "the digger is blocking the road", "ginger beer", "the rigger turned up",
])
def test_real_words_are_never_fuzzy_matched_into_slurs(lexicon, text):
    assert not (active(lexicon, text) - {"derogatory"}), (text, lexicon.hits(text))


@pytest.mark.parametrize("text", ["faggit", "niggir", "whoore", "faggott"])
def test_misspelt_slurs_that_are_not_words_are_still_found(lexicon, text):
    assert active(lexicon, text), text


# lexicon 2026.12.18: a slur run onto another word is still the slur ("Shut up dirtfaggot" is a row of the shared
# validation data that 2026.12.15 had stopped catching); a real word that holds one is not, nor two real words
# whose join spells one, nor a word about the slur or its hate
@pytest.mark.parametrize("text,label", [
    ("Shut up dirtfaggot", "sexual_orientation"), ("you faggotface", "sexual_orientation"),
    ("what a crackwhore", "sex"), ("bunch of bulldykes", "sexual_orientation"), ("niggerlover", "race"),
    ("look at the turbo-autist", "disability"), ("woketards everywhere", "disability"),
])
def test_a_slur_run_onto_another_word(lexicon, text, label):
    hits = [h for h in lexicon.hits(text) if h.status == "active" and h.label == label]
    assert hits and "run onto another word" in hits[0].note, statuses(lexicon, text)


@pytest.mark.parametrize("text", [
    "whorehouse", "the fire retardant foam", "flameretardant", "Penistone", "Scunthorpe", "touchink",
    "is slutshaming still a thing", "lesbophobia is real", "a lesbophobic comment", "kaffirlime",
    "add two kaffir lime leaves to the curry", "retardants", "spasticity in his left leg",
])
def test_real_words_holding_a_slur_are_left_alone(lexicon, text):
    assert not active(lexicon, text), statuses(lexicon, text)


@pytest.mark.parametrize("text, threat", [
    ("Are you finished with work?", False), ("you finished yet?", False), ("Are you finished?", False),
    ("you're finished at 6 today", False), ("you are finished, grass", True), ("youre dead when I see you", True),
    ("you are next", True),
])
def test_finished_is_a_threat_only_when_it_is_one(lexicon, text, threat):
    assert ("threat" in active(lexicon, text)) is threat, text


@pytest.mark.parametrize("text", [
    "faggots and gravy for tea tonight", "off out for a fag", "anyone got a spare fag?", "fag end of the week",
    "two blue tits and a great tit on the bird table", "he has a spastic colon", "what a bitch of a shift",
    "the maine coon got out again", "puff pastry is in the fridge", "a chink of daylight under the door",
    "found the chink in their armour", "he runs the fruit and veg stall", "there's a fruit bowl in the canteen",
    "he thinks he's cock of the walk since the promotion", "sounds like a cock and bull story to me",
    "he dumped her and now karma's a bitch", "those poor animals were left in the heat"])
def test_ordinary_senses_of_slur_like_words_are_set_aside(lexicon, text):
    assert not active(lexicon, text)
    assert all(s == "homonym" for _, s in statuses(lexicon, text)), statuses(lexicon, text)


@pytest.mark.parametrize("text,label", [
    ("you faggot", "sexual_orientation"), ("fags like you make me sick", "sexual_orientation"),
    ("what a spastic", "disability"), ("you're a bitch", "derogatory"),
    ("faggots should be shot", "sexual_orientation"), ("you chink", "race")])
def test_the_slur_sense_is_still_found_beside_them(lexicon, text, label):
    assert label in active(lexicon, text)


@pytest.mark.parametrize("text", ["Muslims are nothing but animals", "isn't it obvious gay people are vermin?",
                                  "don't you think immigrants are vermin",
                                  # a suggestion: "why don't we", "why not"
                                  "why dont we just 💣 ♿", "why don't you lot just gas the travellers",
                                  "why not just shoot the pakis"])
def test_phrases_with_a_negation_word_that_do_not_negate(lexicon, text):
    assert active(lexicon, text), statuses(lexicon, text)


@pytest.mark.parametrize("text,found", [
    ("honestly can't wait to batter him", {"threat"}), ("cannot wait to knife that scrote", {"threat", "derogatory"}),
    ("I can't wait to shag her", {"sexual"}), ("couldn't wait to bang her", {"sexual"}),
    ("don't stop, make me cum", {"sexual"}),
    # eagerness alone is not abuse
    ("can't wait to see you", set()), ("can't wait to beat them at pool", set()),
    ("I wouldn't mind a brew", set()), ("can't wait to hit the pub", set())])
def test_eagerness_is_not_a_negation(lexicon, text, found):
    """A negation word that intensifies ("can't wait to", "don't stop") does not set a hit aside."""
    assert active(lexicon, text) == found, statuses(lexicon, text)


@pytest.mark.parametrize("text,found", [
    # the phrase runs through the hit: "turns me on" is inside "nothing turns me on more than" (it was read as negated)
    ("Nothing turns me on more than a woman who ties me up", {"sexual"}), ("nothing turns me on more than you", {"sexual"}),
    # a plain negation still sets the hit aside
    ("nothing turns me on anymore", set()), ("that doesn't turn me on", set())])
def test_a_phrase_that_does_not_negate_may_run_through_the_hit(lexicon, text, found):
    assert active(lexicon, text) == found, statuses(lexicon, text)


@pytest.mark.parametrize("text,found", [
    # hatred of a group through a determiner or an identity emoji (lexicon 2026.12.5)
    ("honestly I despise all of those pakistanis", {"race"}), ("we can't stand these fucking lesbians", {"sexual_orientation"}),
    ("I hate all of these 🏳️‍⚧️", {"gender_identity"}),
    # the same verbs about things, or negated
    ("I hate all of these forms", set()), ("I hate the traffic on the A6", set()),
    ("I don't hate all of these gay people", set()),
    # a few people picked out of a group are not the group
    ("I don't trust the men in this team", set()), ("I don't want the women on nights without backup", set()),
    ("I hate all the muslims who did this", set())])
def test_hatred_of_a_group_reads_through_determiners(lexicon, text, found):
    assert active(lexicon, text) == found, statuses(lexicon, text)


@pytest.mark.parametrize("text,found", [
    ("👨‍❤️‍👨 make me sick", {"sexual_orientation"}), ("👭 shouldn't be allowed to adopt", {"sexual_orientation"}),
    ("I hate all ☪ people", {"religion"}), ("gas the 🕎 lot", {"race", "religion", "threat"}),
    # the same emoji in ordinary use
    ("me and my best mate 👬 at the match", set()), ("happy anniversary you two 👩‍❤️‍👩", set()),
    # a laughing skull or a fist bump beside a group is not violence; aimed with "all the …" it is
    ("😂💀👬", set()), ("get in lads 👊🏳️‍🌈", set()), ("👊 all the 👬", {"sexual_orientation", "threat"})])
def test_couples_and_religious_symbols_name_their_groups(lexicon, text, found):
    assert active(lexicon, text) == found, statuses(lexicon, text)


@pytest.mark.parametrize("text,found", [
    # a national flag stands for its nationals (lexicon 2026.12.22): before, a flag was no word at all to the rules
    ("🇵🇰 are rats", {"race"}), ("I hate 🇮🇳", {"race"}), ("death to all 🇸🇦", {"race", "threat"}),
    ("gonna 🔪 some 🇳🇬 tonight", {"race", "threat"}),
    # the same flags in ordinary use, and the home nations' flags, which name no group here
    ("🇮🇳 vs 🇵🇰 cricket tonight, who's watching?", set()), ("Happy independence day 🇵🇰🇵🇰", set()),
    ("the 🇹🇷 barber on the high street is shut", set()), ("🇨🇳 takeaway tonight?", set()),
    ("I hate 🇬🇧 weather", set())])
def test_a_national_flag_names_its_nationals(lexicon, text, found):
    assert active(lexicon, text) == found, statuses(lexicon, text)


@pytest.mark.parametrize("text,found", [
    # letters written as emoji inside a word (lexicon 2026.12.23): before, the emoji split the word
    ("you f🅰️ggots need to chill out", {"sexual_orientation"}), ("🅱️E🅰️NERS", {"race"}),
    ("le💲bo or bi for sure", {"sexual_orientation"}),
    # the same letters in ordinary words, and squared words standing alone
    ("🅱️E🅰️UTIFUL", set()), ("I'm 🆒 with that", set()), ("🅿️ at the back, 2 mins", set()), ("that's 🆗 mate", set())])
def test_letters_written_as_emoji_are_letters(lexicon, text, found):
    assert active(lexicon, text) == found, statuses(lexicon, text)


def test_a_keycap_is_its_digit_and_a_styled_emoji_letter_its_letter():
    assert fold_text("c0️⃣ck 1️⃣mm1️⃣grants m*️⃣rder") == "cock immigrants m*rder"
    assert fold_text("Ⓜ️u💲lim") == "muslim"
    # a squared word is letters inside a word only: alone it is a reaction, and "not 🆗" is no "not ok" challenge
    assert fold_text("This 🆖R really thought") == "this ngr really thought"
    assert fold_text("Alll these trans people about is totally not 🆗") == "alll these trans people about is totally not"


def test_a_squared_word_alone_is_no_challenge(lexicon):
    assert not any(label == "counter_speech" for label, _, _ in lexicon.responses("going to the 🕌 is not 🆒"))


def test_a_suggestion_does_not_undo_a_real_negation(lexicon):
    assert "threat" not in active(lexicon, "we would never gas the jews, why would you say that")


def test_a_condition_is_not_reported_speech(lexicon):
    assert lexicon.context("if she reports us I'll make her life hell") is None
    assert lexicon.context("she reports he called her a slag") == "quoted"
    assert lexicon.context("off for a fag, back in 5") == "homonym"


@pytest.mark.parametrize("text,threat", [("I'll give him a proper kicking in the cells", True),
                                         ("someone should give that grass a good hiding", True),
                                         ("I'll give her a lift home", False), ("give him a call", False),
                                         ("he gave her a kicking, arrested for ABH", False)])
def test_a_kicking_promised_is_a_threat(lexicon, text, threat):
    assert ("threat" in active(lexicon, text)) is threat


@pytest.mark.parametrize("text,dehumanised", [
    ("Somalis aren't even human", True), ("migrants are not human beings", True),
    ("trans people isnt really people lol", True),
    ("disabled people are not animals", False), ("women aren't people who give up", False),
])
def test_denying_a_group_its_humanity_is_not_a_negation(lexicon, text, dehumanised):
    assert bool(active(lexicon, text)) is dehumanised, statuses(lexicon, text)


# every hit set aside, and why: reported speech, hate quoted to condemn it, a claim denied before it is made
@pytest.mark.parametrize("text,why", [
    ("I heard him say he'd kill the gays, logged as a hate incident", {"quoted"}),
    ("CCTV recorded the male shouting he would stab the muslims", {"quoted"}),
    ("he threatened to smash her face in, arrested for affray", {"quoted"}),
    ("my nan says foreigners are criminals, she's 90 bless her", {"quoted"}),
    ("my brother-in-law says Muslims are vermin every christmas", {"quoted"}),
    ("overheard two lads on the bus shouting that the gays are disgusting", {"quoted"}),
    ("'Sikhs are filth' scrawled on the temple wall. Sickening", {"quoted", "counter"}),
    ("anyone who says Jews are vermin needs educating", {"quoted", "counter"}),
    ("'send the Poles back' — who even thinks that these days?", {"quoted", "counter"}),
    ("it's nonsense that asylum seekers are all criminals", {"negated"}),
    ("the myth that gays are perverts needs to die out", {"negated"}),
    ("I don't accept that the disabled are a burden", {"negated"}),
    ("there's no evidence that Muslims are terrorists", {"negated"})])
def test_hits_set_aside_as_reported_condemned_or_denied(lexicon, text, why):
    st = statuses(lexicon, text)
    assert st and all(s in why for _, s in st), st


@pytest.mark.parametrize("text", ["I'll glass anyone who says that again", "I'll glass anybody who says that to me"])
def test_a_threat_against_whoever_says_something_is_not_counter_speech(lexicon, text):
    # "who says that?" asked of hate is counter-speech; "anyone who says that" is the threat's target
    assert "threat" in active(lexicon, text), statuses(lexicon, text)
    assert "counter" in {h.status for h in lexicon.hits("'send the Poles back' — who says that these days?")}


def test_a_threat_in_the_first_person_is_not_a_report(lexicon):
    assert "threat" in active(lexicon, "I'll smash her face in if she talks")
    assert "disability" in active(lexicon, "mental cases like him should be put down")


def test_a_wish_for_a_group_to_die_with_words_between(lexicon):
    assert active(lexicon, "pensioners should just hurry up and die") == {"threat", "age"}
    assert not active(lexicon, "pensioners should not be left to die alone")


def test_the_same_words_unquoted_and_unchallenged_are_still_found(lexicon):
    assert active(lexicon, "Sikhs are filth")
    assert active(lexicon, "my lot are fine but Jews are vermin")


def test_a_frying_pan_stands_for_the_kitchen(lexicon):
    assert active(lexicon, "girls belong in the 🍳 not on response") == {"sex"}
    assert not active(lexicon, "full english 🍳 anyone?")


def test_the_claim_asserted_is_still_found(lexicon):
    assert active(lexicon, "it's a fact that asylum seekers are all criminals")
    assert active(lexicon, "I believe that gays are perverts")


def test_queen_is_praise_for_a_woman_and_a_slur_only_about_a_man(lexicon):
    assert not active(lexicon, "you're a total queen Jen, thank you")
    assert not active(lexicon, "our skipper is an absolute queen")
    assert active(lexicon, "the new lad is a total queen") == {"sexual_orientation"}


@pytest.mark.parametrize("text", ["I'll batter you at snooker on Friday", "we'll beat them hands down",
                                  "she's going to get shot down in the meeting", "I'll hit you up when I'm free"])
def test_games_and_idioms_are_not_threats_or_harassment(lexicon, text):
    assert not active(lexicon, text) & {"threat", "sexual"}, statuses(lexicon, text)


@pytest.mark.parametrize("text", ["we thrashed them 4-1 on Saturday, get in", "they beat us on penalties again",
                                  "we'll destroy them at netball", "we battered them by 20 points",
                                  "gonna crush them at 5-a-side tonight", "they murdered us 6-0 lol"])
def test_a_result_or_a_game_reads_as_sport_for_the_model_too(lexicon, pipeline, text):
    assert not active(lexicon, text) & {"threat"}, statuses(lexicon, text)
    assert lexicon.context(text) == "homonym"  # the model alone then needs its 0.9 override
    assert "threat" not in pipeline.classify([text])[0].labels


@pytest.mark.parametrize("text,labels", [("I'll smash him in the face", {"threat"}),
                                         ("I'll beat you in the car park", {"threat"}),
                                         ("we'll kick their heads in after the match", {"threat"}),
                                         ("I'm going to batter him after the game on Saturday", {"threat"})])
def test_violence_beside_them_is_still_a_threat_and_not_sexual(lexicon, text, labels):
    assert active(lexicon, text) == labels


@pytest.mark.parametrize("text,label", [("she only passed cos she cried, the dozy cow", "derogatory"),
                                        ("I would definitely give her one, the new DC", "sexual"),
                                        ("typical Asian drivers, no indicators", "race")])
def test_insults_harassment_and_stereotypes_written_without_a_pointer(lexicon, text, label):
    assert label in active(lexicon, text), statuses(lexicon, text)


@pytest.mark.parametrize("text", ["that's useless now the shop has shut", "she forgot her pen, I'd give her one of mine",
                                  "the female driver was treated at the scene", "the cows got out onto the A6",
                                  # lookalikes of lexicon 2026.12.8's tropes, questions and veiled threats
                                  "refugees get everything they need from the Red Cross",
                                  "mind your back lifting those boxes", "watch your back on the stairs, they're wet",
                                  "keep going straight and see what happens at the lights",
                                  "trans people are more likely to suffer mental illness",
                                  "should gay couples be allowed to adopt kids? yes obviously",
                                  "are Albanians eligible for the scheme?", "your car won't be ready till Friday"])
def test_their_ordinary_lookalikes_are_left_alone(lexicon, text):
    assert not active(lexicon, text), statuses(lexicon, text)


# intimidation in idiom, veiled or said to someone's face, beside lookalikes with the same words
@pytest.mark.parametrize("text,threat", [
    ("we know where you live now, Darren", True),
    ("say a word and I'll tell everyone where your daughter goes to school", True),
    ("he says they know where her mum lives, she wants a PCSO to call", False),
    ("she'll stay quiet if she knows what's good for her", True),
    ("funny how accidents happen to coppers who can't keep quiet", True),
    ("be a real shame if something were to happen to your kids, Mo", True),
    ("he'll get what's coming to him, trust me", True),
    ("your days on this team are numbered", True),
    ("the days are numbered for the old radios", False),
    ("accidents happen, don't worry about the mug", False),
    ("the victim was told 'your days are numbered', statement taken", False),
    ("you're a dead man walking Kyle", True), ("wait till I get my hands on him", True),
    ("we're gonna do him in after the match", True),
    ("she should watch it, people have been stabbed for less", True),
    ("wait till I get my hands on the new rota", False),
    ("I'll do you in the secret santa draw", False)])
def test_intimidation_in_idiom(lexicon, text, threat):
    assert ("threat" in active(lexicon, text)) is threat, statuses(lexicon, text)


# lexicon 2026.12.46: intimidating someone who might report, beside reports and work talk with the same words
@pytest.mark.parametrize("text,threat", [
    ("grasses get what's coming to them in this nick", True),
    ("anyone who reports this will be looking over their shoulder", True),
    ("if he grasses on us he's finished", True),
    ("anyone talks to professional standards, they'll answer to me", True),
    ("we know where the whistleblower lives", True),
    ("she reported the shoplifter to the store manager", False),
    ("he went to PSD about his overtime claim", False),
    ("he's finished his statement, can someone check it", False),
    ("if she reports sick again she'll need a back to work interview", False),
    ("I know where the new lad lives, I'll give him a lift", False),
    # lexicon 2026.12.47: a promise to make someone's life a misery
    ("I'll make his life a misery if he reports us", True),
    ("I'm going to make your life a misery on this team", True),
    ("the new rota will make my life hell", False),
    ("kids make your life a misery at that age", False),
    ("I'll make your life easier and do the paperwork", False),
])
def test_intimidating_someone_who_might_report(lexicon, text, threat):
    assert ("threat" in active(lexicon, text)) is threat, statuses(lexicon, text)


# lexicon 2026.12.48: intimidation after the fact, aimed at whoever told; the job's consequences are no threat
@pytest.mark.parametrize("text,threat", [
    ("whoever went to PSD is going to get hurt", True),
    ("the snitch who told the super will pay for it", True),
    ("if we find out who leaked the footage, they're dead", True),
    ("whoever grassed up the relief had better watch their back", True),
    ("whoever talked to the IOPC is finished here", True),
    ("whoever told you that is dead wrong", False),
    ("whoever leaked the footage is going to get sacked", False),
    ("whoever reported the fault, the printer works now", False),
    ("whoever told the DI about the leaving do, he's coming", False),
    ("whoever finished the biscuits is going to pay", False),
])
def test_intimidation_of_whoever_told(lexicon, text, threat):
    assert ("threat" in active(lexicon, text)) is threat, statuses(lexicon, text)


# lexicon 2026.12.48: a police identity code made a generalisation about race; a description stays the job
@pytest.mark.parametrize("text,race", [
    ("typical IC3 behaviour that", True),
    ("of course it's an IC3, what do you expect", True),
    ("yet another IC6 in custody", True),
    ("IC4s, they can't help themselves", True),
    ("IC3 male, 5ft 10, white trainers, last seen on foot", False),
    ("two IC1 females detained at the scene", False),
    ("update the IC code on the custody record, it's IC2 not IC1", False),
])
def test_identity_codes_used_to_generalise(lexicon, text, race):
    assert ("race" in active(lexicon, text)) is race, statuses(lexicon, text)


@pytest.mark.parametrize("text,label", [
    ("gypsies, they can't help themselves", "race"),
    ("muslims, it's in their nature", "religion"),
    ("women drivers, they never change", "sex"),
])
def test_a_group_said_to_be_so_by_nature(lexicon, text, label):
    assert label in active(lexicon, text), statuses(lexicon, text)


@pytest.mark.parametrize("text", ["the kids can't help themselves at Christmas",
                                  "policing is in their blood, the whole family",
                                  "they never change the rota, do they"])
def test_nature_said_of_no_group(lexicon, text):
    assert not active(lexicon, text) & {"race", "religion", "sex"}, statuses(lexicon, text)


# lexicon 2026.12.48: pictures of someone in custody or a victim, shared or wanted for sex; evidence handling stays
@pytest.mark.parametrize("text,sexual", [
    ("put the pics from the strip search on the group chat", True),
    ("send the lads the footage of her in the cell, she's got nothing on", True),
    ("photos of the victim? she's fit", True),
    ("strip search footage to be kept for the file", False),
    ("send the scene photos to the SIO", False),
    ("custody image attached for the ID parade", False),
    ("pics of her new puppy on the group, so cute", False),
])
def test_pictures_of_someone_in_custody_shared_for_sex(lexicon, text, sexual):
    assert ("sexual" in active(lexicon, text)) is sexual, statuses(lexicon, text)


# lexicon 2026.12.48: a trans person's gender denied by pronouns refused, "it" with a body, "he thinks he's a woman"
@pytest.mark.parametrize("text,denied", [
    ("I won't use his pronouns, simple as", True),
    ("it's still got a beard, I'm not calling it Sophie", True),
    ("he thinks he's a woman, what a joke", True),
    ("she reckons she's a man now", True),
    ("please use their pronouns on the custody record", False),
    ("it's got a dent, the pool car, needs a trim", False),
    ("he thinks he's a genius", False),
    ("she thinks she's a lady's maid in a costume drama", False),
])
def test_gender_denied_by_pronouns_and_it(lexicon, text, denied):
    assert ("gender_identity" in active(lexicon, text)) is denied, statuses(lexicon, text)


# lexicon 2026.12.48: a rank put down to sleeping with a boss; a colleague's sex life guessed at
@pytest.mark.parametrize("text,label", [
    ("she only made inspector because she's been shagging the super", "sex"),
    ("she slept her way to the top, everyone knows", "sex"),
    ("bet the new sergeant is dirty in bed", "sexual"),
])
def test_promotion_by_sex_and_colleagues_in_bed(lexicon, text, label):
    assert label in active(lexicon, text), statuses(lexicon, text)


@pytest.mark.parametrize("text", ["she only made sergeant because she worked for it",
                                  "he only got promoted because he slept on it and applied again",
                                  "I bet the new sergeant is good at the job"])
def test_promotion_and_bets_that_are_not_sexist(lexicon, text):
    assert not active(lexicon, text) & {"sex", "sexual"}, statuses(lexicon, text)


# lexicon 2026.12.48: a colleague mocked as gay by innuendo, beside the same words in their ordinary sense
@pytest.mark.parametrize("text,mocked", [
    ("he's a friend of Dorothy that one", True),
    ("don't bend over in the locker room, Gaz is about", True),
    ("arses against the wall, Gaz's in", True),
    ("the new PC bats for the other side", True),
    ("I heard she swings the other way", True),
    ("don't bend over when lifting, bend your knees", False),
    ("backs against the wall this month, two off sick", False),
    ("he plays for the other team on Sunday, derby day", False),
    ("'don't drop the soap' was a tasteless board game", False),
])
def test_innuendo_about_orientation(lexicon, text, mocked):
    assert ("sexual_orientation" in active(lexicon, text)) is mocked, statuses(lexicon, text)


# lexicon 2026.12.48: women said to "cry rape"; a group blamed for the country being finished; "old biddies"
@pytest.mark.parametrize("text,label", [
    ("they only cry rape when they regret it", "sex"),
    ("she's crying rape again, typical", "sex"),
    ("Poles everywhere, this country is done", "race"),
    ("this country has gone to the dogs, immigrants on every corner", "race"),
    ("old biddies clogging up the front counter", "age"),
])
def test_rape_reports_called_lies_and_a_country_blamed_on_a_group(lexicon, text, label):
    assert label in active(lexicon, text), statuses(lexicon, text)


@pytest.mark.parametrize("text", ["she reported a rape at 3am, SOIT officer attending",
                                  "this country is finished if the buses don't improve",
                                  "immigrants aren't why this country is finished, the banks are"])
def test_rape_reports_and_a_finished_country_that_blame_nobody(lexicon, text):
    assert not active(lexicon, text) & {"sex", "race"}, statuses(lexicon, text)


# lookalikes of the 2026.12.48 rules, written after they shipped and read as a user would: the job's words stay clean
@pytest.mark.parametrize("text,label", [
    ("whoever reported the broken radio will get it replaced tomorrow", "threat"),
    ("whoever told the DI will get his answer by Monday", "threat"),
    ("whoever told you that is finished with the rota now", "threat"),
    ("the lad who reported the crash is dead, RTC on the A1", "threat"),
    ("whoever went to Tesco is going to pay, I'm skint", "threat"),
    ("whoever went to the canteen had better watch out, it's rammed", "threat"),
    ("whoever told you that will regret it, it's nonsense", "threat"),
    ("typical IC3 description, nothing else on the log", "race"),
    ("pics from the scene are on the group drive for the SIO", "sexual"),
    ("bodycam footage from the search, send it to the team for the briefing", "sexual"),
    ("not using the pronouns on the form, the system doesn't have the field", "gender_identity"),
    ("she thinks she's a lad, always first in the pub lol", "gender_identity"),
    ("crying rape is a myth, most reports are true", "sex"),
    ("the old lads' club, this country is finished without them lol", "age"),
])
def test_lookalikes_of_the_police_chat_rules(lexicon, text, label):
    assert label not in active(lexicon, text), statuses(lexicon, text)


# hate put as a question, or spelt out with spaces; and questions about a group that are only questions
@pytest.mark.parametrize("text,label", [("why are gypsies even allowed to have kids?", "race"),
                                        ("how is a trans woman allowed to work with children", "gender_identity"),
                                        ("aren't Albanians all criminals?", "race"),
                                        ("why are Sikhs always so smelly", "religion"),
                                        ("do the disabled ever pay their way?", "disability"),
                                        ("how come bisexuals are such liars?", "sexual_orientation"),
                                        ("Muslims are s c u m", "religion"), ("I h a t e lesbians", "sexual_orientation"),
                                        ("k i l l all gypsies", "threat")])
def test_hate_as_a_question_or_spelt_out(lexicon, text, label):
    assert label in active(lexicon, text), statuses(lexicon, text)


@pytest.mark.parametrize("text", ["are Sikhs allowed to carry a kirpan at work?",
                                  "how are pensioners allowed to vote by post?", "the B B C said it's going to snow",
                                  "why are disabled people allowed to park there? blue badge",
                                  "are Sikhs allowed to wear a turban with the uniform?",
                                  "why are old people so often scammed?", "are bisexuals included in the survey?",
                                  "do the disabled get free parking at the station?"])
def test_plain_questions_about_a_group_and_initials_are_left_alone(lexicon, text):
    assert not active(lexicon, text), statuses(lexicon, text)


@pytest.mark.parametrize("text,found", [("she'll always be a fella in a frock to me", True),
                                        ("I refuse to call it her, sorry", True),
                                        ("that thing wants to be called she lol", True),
                                        ("CCTV shows a male in a dress leaving the shop", False),
                                        ("I won't call them names, they're colleagues", False),
                                        ("don't call him a tranny, it's abuse", False)])
def test_misgendering(lexicon, text, found):
    assert ("gender_identity" in active(lexicon, text)) is found, statuses(lexicon, text)


# lexicon 2026.12.4: violence urged, wished or celebrated, and sexual content described, asked for or advertised,
# beside lookalikes with the same words (written for these tests; none is in training/moderation_style.py)
@pytest.mark.parametrize("text,threat", [
    ("Petrol bomb the lot of them", True),
    ("someone needs to glass that prick", True),
    ("lets go and batter the lads from the estate", True),
    ("Drown the kittens, nobody wants them", True),
    ("just run over the protesters, they're in the road", True),
    ("go and break his jaw", True),
    ("line the traitors up against the wall", True),
    ("chuck acid in her face", True),
    ("the dealers deserve to be shot dead", True),
    ("that nonce needs his head kicked in", True),
    ("I hope they all burn alive", True),
    ("lmao loved watching the lad get battered", True),
    ("the killings were justified, do it again", True),
    ("the gunman is a hero", True),
    ("you'll wake up in a ditch, remember that", True),
    ("one more word and I'll put you in a wheelchair", True),
    ("we will hunt them down", True),
    ("he's getting a good kicking tonight", True),
    ("go die in a fire, Karen", True),
    ("I could just die of embarrassment", False),
    ("a bit of a slap her around and she'd learn", True),
    ("I hope him and his whole useless family get murdered", True),
    ("Shoot him a text when you're outside", False),
    ("let's hit them at dawn, the warrant's signed", False),  # police operational talk
    ("hit him with the PNC check", False),
    ("beat him to the canteen, one sausage roll left", False),
    ("just hit him with a bat", True),
    ("hit her where it won't leave a mark", True),
    ("hang them on the line, it's sunny", False),
    ("kill them with kindness, works every time", False),
    ("hit them up for the tickets", False),
    ("kick him out of the group chat", False),
    ("we beat them last week", False),
    ("burn the old rota, we've got a new one", False),
    ("we should bomb the old town before the tourists arrive lol", False),
    ("gas the elderly, they're a drain", True),
    ("kill the disabled and be done with it", True),
    ("the dog needs to be put down, the vet says", False),
    ("the warrant should be executed at dawn", False),
    ("hope he gets the job", False),
    ("I hope the battery doesn't die on the way", False),
    ("lol he got knocked out of the quiz in round one", False),
    ("the shooting was brilliant, the photographer got every angle", False),
    ("the victim was stabbed in the neck, the suspect ran off", False),
    ("they should be shot at dawn for that fashion crime", True),  # still violence wished: the reviewer decides
    # lexicon 2026.12.5: hanging, beating, stoning wished; weapons aimed at anyone; "this" before a victim
    ("the slag deserves to hang", True), ("that grass needs to be beaten, simple", True),
    ("the lot of them should be stoned to death", True), ("he ought to be thrown off the bridge", True),
    ("this traitor must hang", True), ("string up this traitor", True),
    ("I swear I'll shank anyone who touches my bike", True), ("she deserves to get battered", True),
    ("we need to hang out more", False), ("he should hang on a minute", False),
    ("the picture needs to be hung in the corridor", False), ("I'd shoot anyone a text if it helped", False),
    ("she wants to get shot of the old sofa", False), ("that record needs to be beaten", False),
    # idioms beside those words: being left exposed, high, exhausted, out-played, ashamed
    ("the sarge needs to be hung out to dry for that", False), ("he must be stoned, look at his eyes", False),
    ("we should get stoned tonight", False),
    ("she must be burnt out after that run of nights", False), ("he needs to be beaten in the final", False),
    ("they should hang their heads in shame", False), ("she deserves to be stoned to death", True),
])
def test_violence_urged_wished_or_celebrated(lexicon, text, threat):
    assert ("threat" in active(lexicon, text)) is threat, statuses(lexicon, text)


@pytest.mark.parametrize("text,sexual", [
    ("I want him inside me right now", True),
    ("she's touching herself on the video", True),
    ("I'm soaking wet thinking about you", True),
    ("he went down on me in the car", True),
    ("she made him cum twice", True),
    ("I'm going to take you from behind", True),
    ("fuck me harder", True),
    ("bend me over the sofa", True),
    ("she spread her legs for the camera", True),
    ("strip for me on cam", True),
    ("send me some naughty pics", True),
    ("naughty pics of the dog eating the ham lol", False),
    ("dirty pics from the mud run, we're filthy", False),
    ("looking for no strings fun tonight", True),
    ("massage with extras, ask for Kim", True),
    ("swingers party on Saturday, couples only", True),
    ("tell me your dirtiest fantasy", True),
    ("what turns you on?", True),
    ("my wife and I had sex last night", True),
    ("the nurse talked about safe sex and contraception", False),
    ("people who have casual sex are no less happy, says a study", False),
    ("we talked about sex education at parents' evening", False),
    ("he turned me on to this band years ago", False),
    ("soaking wet from the rain, the bus never came", False),
    ("getting hard to find parking round here", False),
    ("strip the beds before the cleaner comes", False),
    ("take off your muddy boots at the door", False),
    ("no strings attached, the trial is free for a month", False),
    ("happy ending to the film, I cried", False),
    ("the massage was lovely, really sorted my back", False),
    ("the art class drew a nude model", False),
    ("go down on one knee and propose already", False),
])
def test_sexual_content_described_asked_for_or_advertised(lexicon, text, sexual):
    assert ("sexual" in active(lexicon, text)) is sexual, statuses(lexicon, text)


# a takeaway named after its cuisine is a meal, not a group; the same words about people are still read
@pytest.mark.parametrize("text", ["fancy a chinese tonight?", "that chinese was rank, I was sick all night",
                                  "had an indian last night and my guts are wrecked",
                                  "the indian on the corner is disgusting, the curry was cold",
                                  "last night i 🤮 after eating chinese 🍜"])
def test_a_takeaway_is_not_a_group(lexicon, text):
    assert not lexicon.mentions(text) and not active(lexicon, text), statuses(lexicon, text)


@pytest.mark.parametrize("text", ["the chinese are disgusting", "I hate indians",
                                  "the chinese are vermin, I had chicken for dinner",
                                  "had a chinese lad in custody, chinese are all liars"])
def test_the_same_words_about_people_are_still_read(lexicon, text):
    assert "race" in active(lexicon, text), statuses(lexicon, text)


# a person joined to a tool of a trade names the trade: 👩‍🔬 is a scientist, not women; a dark skin tone still
# stands for black people to the rules, as on a person alone (to the model's gate it does not: test_person_emoji.py)
@pytest.mark.parametrize("text,found", [("👩‍🔬👨‍🔬 cant be trusted", set()), ("the 👩‍⚖️ is a clown", set()),
                                        ("👩🏻‍🎨 are animals", set()), ("👩🏾‍🎨 are animals", {"race"}),
                                        ("👩 cant be trusted", {"sex"}),
                                        ("👩🏾 are animals", {"race"}), ("🧑‍🦽 are a burden", {"disability"})])
def test_an_emoji_of_a_trade_names_no_group(lexicon, text, found):
    assert active(lexicon, text) & {"sex", "race", "disability"} == found, statuses(lexicon, text)


# lexicon 2026.12.8, from fresh probes of hate put as a question and veiled threats (tested here in other words)
@pytest.mark.parametrize("text,label", [
    ("aren't Albanians all fraudsters?", "race"),
    ("why are immigrants always such freeloaders?", "race"),
    ("should gays even be allowed around kids?", "sexual_orientation"),
    ("how are paedo trannies still allowed near your children?", "gender_identity"),
    ("the Jews own the banks, everyone knows it", "religion"),
    ("asylum seekers get everything handed to them", "race"),
    ("transgenderism is a mental illness, end of", "gender_identity"),
    ("keep pushing and find out what happens", "threat"),
    ("report me again and your car won't be safe", "threat"),
])
def test_hate_as_a_question_tropes_and_veiled_threats(lexicon, text, label):
    assert label in active(lexicon, text), statuses(lexicon, text)


# things named after a people name no people (lexicon 2026.12.9); the people themselves are still read
@pytest.mark.parametrize("text,race", [("he gave his sister a chinese burn in the back of the car", False),
                                       ("water the african violets on the windowsill", False),
                                       ("proper mexican stand-off in the car park", False),
                                       ("another asian hornet nest reported by the allotments", False),
                                       ("chinese whispers again about the restructure", False),
                                       ("africans are vermin", True), ("get the mexicans out", True)])
def test_things_named_after_a_people(lexicon, text, race):
    assert ("race" in active(lexicon, text)) is race and bool(lexicon.mentions(text)) is race, statuses(lexicon, text)


# a word with an ordinary sense beside its abusive one: "tranny" is also a gearbox and a Ford Transit (lexicon
# 2026.12.10); "came all over" is sexual of a person or a body, not of a task (2026.12.11)
@pytest.mark.parametrize("text,label,found", [
    ("the tranny on my mondeo is slipping again", "gender_identity", False),
    ("book the tranny van in for its service", "gender_identity", False),
    ("my car's tranny fluid is leaking", "gender_identity", False),
    ("some tranny in the car park was shouting", "gender_identity", True),
    ("that tranny on my street parks her car on the kerb", "gender_identity", True),
    ("she came all over that exam, top of the class", "sexual", False),
    ("the flood water came all over the kitchen", "sexual", False),
    ("he came all over her tits", "sexual", True), ("I came all over you", "sexual", True)])
def test_ordinary_and_abusive_senses_of_the_same_words(lexicon, text, label, found):
    assert (label in active(lexicon, text)) is found, statuses(lexicon, text)


# lexicon 2026.12.13: "the disabled / the old / the elderly" name a group only as a noun, not before one they describe
@pytest.mark.parametrize("text,found", [
    ("the disabled are a drain", {"disability": "the disabled"}), ("the elderly should die", {"age": "the elderly"}),
    ("sick of the old, honestly", {"age": "the old"}), ("they hate the mentally ill", {"disability": "the mentally ill"}),
    ("the disabled bay is taken again", {}), ("the old man at number 4", {}), ("the elderly victim is in hospital", {}),
    ("the mentally ill patient absconded", {}), ("the disabled people in the queue", {"disability": "disabled people"}),
])
def test_an_adjective_as_a_group_only_as_a_noun(lexicon, text, found):
    assert lexicon.mentions(text) == found


# and "out of order" challenges a person or a remark, not a toilet or a lift
@pytest.mark.parametrize("text,challenge", [
    ("the toilet on the 2nd floor is out of order", False), ("the lift was out of order again", False),
    ("printer's still out of order", False), ("if you are horrible to him then you are a shit person", False),
    ("you are out of order", True), ("he was bang out of order", True), ("thats out of order", True),
    ("out of order that, mate", True), ("hes out of order", True),
])
def test_out_of_order_as_a_challenge(lexicon, text, challenge):
    assert any(label == "counter_speech" for label, _, _ in lexicon.responses(text)) is challenge


# lexicon 2026.12.43: the plain British rebukes; a price, a biscuit tin or a verb is none
@pytest.mark.parametrize("text,response", [
    ("not appropriate Gary", "counter_speech"), ("that's not appropriate for this chat", "counter_speech"),
    ("inappropriate", "counter_speech"), ("bit much that Gary", "counter_speech"),
    ("that's a bit much mate", "counter_speech"), ("you can't be saying that in here", "counter_speech"),
    ("you'll get us all sacked saying stuff like that", "counter_speech"), ("not the time or place", "counter_speech"),
    ("steady on Gary", "counter_speech"), ("Gary you legend 😂", "endorsement"), ("what a legend", "endorsement"),
    ("that's a bit much for a sandwich, £6!", None), ("steady on the biscuits, they're for the briefing", None),
    ("inappropriate footwear for nights, get boots", None), ("do not appropriate words you don't understand", None),
    ("it's enough to get her fired", None), ("he's a legend at darts", None),
])
def test_plain_rebukes_and_approval(lexicon, text, response):
    got = [label for label, _, _ in lexicon.responses(text)]
    assert got == ([response] if response else [])


# lexicon 2026.12.14: a service, a place or a side named for women or men names no people
@pytest.mark.parametrize("text,found", [
    ("the women's refuge rang, they need a welfare check", {}), ("mens toilets on the 2nd floor are flooded", {}),
    ("ladies football final is on sunday", {}), ("women's aid have been in touch", {}),
    ("women are useless at everything", {"sex": "women"}), ("the women in the refuge are liars", {"sex": "women"}),
])
def test_a_service_named_for_women_or_men_names_no_people(lexicon, text, found):
    assert lexicon.mentions(text) == found


# lexicon 2026.12.16: a body word of one's own body in a message about health is no sexual content
@pytest.mark.parametrize("text,sexual", [
    ("my boobs are so sore since starting the pill", False), ("found a lump in my boobs, GP tomorrow", False),
    ("my nipples are cracked from breastfeeding", False),
    ("your boobs look sore, let me rub them", True), ("nice tits love", True),
    ("my tits are sore after that titwank", True), ("look at my boobs in this dress 😏", True),
])
def test_ones_own_body_in_a_message_about_health(lexicon, text, sexual):
    assert ("sexual" in active(lexicon, text)) is sexual, statuses(lexicon, text)


# lexicon 2026.12.15: a bare "shut up" is no insult; the Home Alone line is a quotation. Lexicon 2026.12.17: sport
# talk in a message about a match, a round or a game; betrayal; praise on the pitch
@pytest.mark.parametrize("text,found", [
    ("shut up you legend 😂", set()), ("oh shut up, you're hilarious", set()), ("shut up and take my money", set()),
    ("merry christmas ya filthy animals 🎄", set()), ("keep the change, ya filthy animal", set()),
    ("shut up you stupid cow", {"derogatory"}), ("shut the fuck up", {"derogatory"}),
    ("shut your face you muppet", {"derogatory"}), ("you lot are filthy animals", {"derogatory"}),
    ("I'm gonna stab you in the back in among us 😂", set()), ("bring on the derby, we're gonna hammer them", set()),
    ("I'm going to hunt you down in warzone", set()), ("they're absolute animals on the rugby field", set()),
    ("we'll thrash them in the final", set()),
    ("I'm going to stab you in the back of the neck", {"threat"}), ("I'll kill you after the derby", {"threat"}),
    ("I'm going to hunt you down", {"threat"}), ("they're animals, all of them, scum", {"derogatory"}),
])
def test_banter_and_sport_talk_that_sound_like_insults_or_violence(lexicon, text, found):
    assert active(lexicon, text) & {"threat", "derogatory"} == found, statuses(lexicon, text)


# an ambiguous slur aimed at nobody is no hit ("cripples" is also a verb), but in the plural it names its group for the
# text model, which must then read the message as hateful (test_decision.py); spelt as written, not in its ordinary sense
@pytest.mark.parametrize("text,found", [
    ("why do we pay for cripples to sit at home all day", {"disability": "cripples"}),
    # ("mongs" was here until lexicon 2026.12.49 made it a slur wherever it stands)
    ("Loonies from the day centre are out again", {"disability": "Loonies"}),
    ("my brother is a right queen", {}), ("the queen opened parliament", {}),
    ("off for a fag", {}), ("why do we pay for crippls to sit at home", {}),
    # a singular is one person or a thing, not a group
    ("the ramp by the door has a steep slope", {}), ("my nan is a bit senile now", {}),
    # words for women used as insults are as often a greeting to friends in the plural: they name no group here
    ("Friday bitches!! pub at 6", {}), ("lets go bitches, last night shift done", {}),
])
def test_an_unaimed_ambiguous_slur_names_its_group(lexicon, text, found):
    assert lexicon.slur_mentions(text) == found and lexicon.mentions(text) == {}
    assert not active(lexicon, text) & {"disability", "sexual_orientation"}, statuses(lexicon, text)


@pytest.mark.parametrize("text,found", [
    # race slurs the list lacked (lexicon 2026.12.24): each raised nothing before
    ("those shitskins are taking over", {"race"}), ("you dirty pajeet", {"race"}), ("she's a groid", {"race"}),
    ("fuck you spear chucker", {"race"}), ("anyone that says curry muncher is a 😎", {"race"}),
    ("he dindu nuffin lol", {"race"}), ("regular sand monkeys", {"race"}),
    # near them, ordinary words and a nickname the list leaves out ("wop" is a rapper's name and doo-wop far more
    # often than a slur in the shared data)
    ("doo wop night at the legion", set()), ("Free wop", set()), ("spear fishing on holiday", set()),
    ("a curry and a pint tonight 🍛", set()), ("the android app is down", set()), ("paneer tikka for the table", set()),
    ("he didn't do nothing, boss", set())])
def test_race_slurs_of_2026_12_24(lexicon, text, found):
    assert {label for label in active(lexicon, text) if label == "race"} == found, statuses(lexicon, text)


@pytest.mark.parametrize("text,found", [
    # an identity word before a person noun names the group (lexicon 2026.12.25): the text model's reading of hate
    # against it then needs 0.55, not the 0.9 of a message that names no group
    ("All these black guys round here are bad vibes", {"race": "black guys"}),
    ("a muslim woman", {"religion": "muslim woman"}), ("a gay fucking lad", {"sexual_orientation": "gay fucking lad"}),
    ("what do you call a black guy", {"race": "black guy"}), ("a somali family", {"race": "somali family"}),
    ("the vegas shooter was a white guy", {"race": "white guy"}), ("the deaf blokes at number 9", {"disability": "deaf blokes"}),
    # one person the chat knows ("the", "my", "that" before it) is no group
    ("the black lad at the garage", {}), ("my gay mate", {}), ("that muslim woman", {}), ("the new black lad", {}),
    ("the deaf bloke at number 9", {}), ("the disabled lad in the wheelchair", {}), ("his muslim wife", {}),
    # the same words before a thing, or a person noun after a word that names no group
    ("white van man cut me up", {}), ("a black cab driver", {}), ("the white wine is open", {}),
    ("the old man at number 4", {}), ("a young lad on a bike", {}), ("the polish on the car", {})])
def test_an_identity_word_before_a_person_noun_names_the_group(lexicon, text, found):
    assert lexicon.mentions(text) == found


def _top_level_alternatives(pattern):
    """A regex split at its outermost ``|`` (not inside a group or a character class)."""
    parts, depth, in_class, start, i = [], 0, False, 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    return parts + [pattern[start:]]


def test_top_level_alternatives_split_only_outside_groups():
    assert _top_level_alternatives(r"a(?:b|c)|[|]d|e\|f") == ["a(?:b|c)", "[|]d", r"e\|f"]


def test_every_alternative_of_a_group_rule_names_its_group():
    """A "group" rule takes its category from the {GROUP} it matched: an alternative without one finds no
    category and never fires. "trans women are just men", "go back to your own country" and "women can't drive"
    sat in such alternatives, unseen, from the first lexicon until 2026.12.27."""
    import tomllib
    from importlib import resources

    raw = tomllib.loads(resources.files("chatprobe.detect").joinpath("data", "lexicon_en.toml").read_text("utf-8"))
    dead = [(r["id"], alt) for r in raw["rule"] if r["label"] == "group"
            for alt in _top_level_alternatives(r["pattern"]) if "{GROUP}" not in alt]
    assert not dead


# phrase rules that name their own category (2026.12.27: they sat in "group" rules and never fired), well-known tropes
# in general forms (2026.12.28) and a group called any insult (2026.12.29)
@pytest.mark.parametrize("text,label", [
    ("trans women are just men", "gender_identity"), ("trans women are not real women", "gender_identity"),
    ("trans men are just women in denial", "gender_identity"), ("go back to your own country", "race"),
    ("go back to your jungle", "race"), ("women can't drive", "sex"), ("get back in the kitchen love", "sex"),
    ("make me a sandwich woman", "sex"), ("there is nothing worse than muslims", "religion"),
    ("the jews run all the banks", "religion"), ("muslims control the media", "religion"),
    ("do gay people ever stop whining about rights?", "sexual_orientation"),
    ("lesbians just need a real man", "sexual_orientation"), ("being bi is just a phase", "sexual_orientation"),
    ("there's no such thing as bisexuals", "sexual_orientation"),
    ("non binary is a made up thing for attention seekers", "gender_identity"),
    ("there's no such thing as trans kids", "gender_identity"), ("islam is a death cult", "religion"),
    ("young people today are lazy entitled scum", "age"),
    ("gay people round here are all fucking idiots", "sexual_orientation"),
    ("muslims are a bunch of wankers", "religion"),
])
def test_phrase_rules_find_their_category(lexicon, text, label):
    assert label in active(lexicon, text), text


# the same words without the put-down of a group: nothing but a challenge; where an insult is there, aimed at nobody
# in particular, it may stay derogatory
@pytest.mark.parametrize("text,allowed", [(text, {"counter_speech"}) for text in [
    "trans men are men", "trans women are not men", "I don't believe trans women are just blokes",
    "when do you go back to your own country for the holidays?", "mum can you make me a sandwich",
    "oi Dave get back in the kitchen, orders are piling up", "there's nothing worse than cold chips",
    "nobody should say women can't drive",
    "the banks run the world", "my mum and dad run the corner shop", "being gay is not a choice",
    "non binary is not made up", "trans kids are not a fad, they need support",
    "lesbians need a real voice in parliament", "Islam is a religion of peace",
    "saying women belong barefoot and pregnant is medieval", "being gay is a choice? no it isn't",
]] + [(text, {"counter_speech", "derogatory"}) for text in [
    "women are legends", "my muslim mates are absolute legends", "the travellers at the hotel are idiots at the quiz",
    "gay people are not idiots", "are you calling women idiots?",
]])
def test_phrase_rules_leave_the_same_words_without_the_put_down(lexicon, text, allowed):
    assert not (active(lexicon, text) - allowed), text


@pytest.mark.parametrize("text,challenged", [
    # "call outs" are a response team's jobs, not a word someone is told not to call people (lexicon 2026.12.32): the
    # hate beside it was read as counter-speech and set aside
    ("hopefully no more call outs to that estate, muslims are all terrorists anyway", False),
    ("stop the call ins after midnight, immigrants are vermin", False),
    ("don't call them that, saying muslims are all terrorists is vile", True),
    ("no more calling people 'immigrants are vermin' in here", True),
])
def test_call_outs_are_no_challenge(lexicon, text, challenged):
    hits = [h for h in lexicon.hits(text) if h.label in ("religion", "race")]
    assert hits and all((h.status != "active") is challenged for h in hits), hits


@pytest.mark.parametrize("text", ["Another raghead on the watch list, shocker", "bunch of towelheads on the estate again"])
def test_raghead_and_towelhead_are_slurs_for_race_and_religion(lexicon, text):
    """Aimed at Muslims and Sikhs as much as at Arabs (lexicon 2026.12.39): both categories, one hit each."""
    active = {h.label for h in lexicon.hits(text) if h.status == "active"}
    assert {"race", "religion"} <= active


# lexicon 2026.12.49: a place held only for a quota, a woman's mood put down to her period, people called "coloured"
@pytest.mark.parametrize("text,label", [
    ("she's only on the team to tick a box", "sex"),
    ("they only took her on to hit the quota", "sex"),
    ("diversity hire, obviously, she can't even do a stop search", "sex"),
    ("he only passed because he's black, quota filling", "race"),
    ("she's only in CID cos of her colour", "race"),
    ("she's on her period, that's why she's a nightmare", "sex"),
    ("must be that time of the month, she's been a cow all shift", "sex"),
    ("she's PMSing again lads, keep your heads down", "sex"),
    ("women are useless on firearms when they're on their period", "sex"),
    ("let the coloured lad do the paperwork, they love that", "race"),
    ("a lot of coloureds on that estate", "race"),
])
def test_quota_places_periods_and_a_dated_word_for_race(lexicon, text, label):
    assert label in active(lexicon, text), statuses(lexicon, text)


@pytest.mark.parametrize("text,label", [
    ("she's only on the team to cover the leave, back to CID next month", "sex"),
    ("she's only here to hit the burglary targets this quarter", "sex"),
    ("he was promoted because he's a brilliant detective", "race"),
    ("the diversity hire scheme opens in January", "sex"),
    ("I'm on my period, can someone cover the first hour", "sex"),
    ("I thought I was bitchy because I was PMSing", "sex"),
    ("she's been hormonal since the baby, bless her", "sex"),
    ("the coloured lights on the van are broken", "race"),
    ("wash the coloureds on 30 or they'll run", "race"),
    ("whites and coloureds in separate loads please", "race"),
    ("as a coloured man I have seen it all", "race"),
    ("he called the victim a coloured lad, PSD are looking at it", "race"),
])
def test_quotas_periods_and_colours_in_their_ordinary_sense(lexicon, text, label):
    assert label not in active(lexicon, text), statuses(lexicon, text)


@pytest.mark.parametrize("text", ["you can't say coloured people any more, it's 2026",
                                  "Are we ever going to be able to say colored people again?",
                                  "as a colored man I have nothing but respect for the job"])
def test_the_dated_word_mentioned_or_in_american_spelling_is_not_read(lexicon, text):
    assert "race" not in active(lexicon, text), statuses(lexicon, text)


# lexicon 2026.12.49: violence against a woman excused, blamed on her or played down, beside reports of it
@pytest.mark.parametrize("text", [
    "no wonder he hit her, she never shuts up",
    "can't blame him for clocking her, she's a nightmare",
    "he only slapped her, hardly a crime",
    "she had it coming, the amount she nags",
    "if she'd kept her mouth shut he wouldn't have hit her",
    "a slap never hurt anyone, she'll live",
    "she probably deserved it, have you heard her mouth",
])
def test_violence_against_a_woman_excused(lexicon, text):
    assert "sex" in active(lexicon, text), statuses(lexicon, text)


@pytest.mark.parametrize("text", [
    "he slapped her, DASH done, arrested for ABH",
    "she said he hit her because she wouldn't shut up about the money",
    "suspect only hit her once, no visible injury, not enough for ABH",
    "the officer only pushed her back to create space, not a crime",
    "she had a row with him, he hit her",
    "she deserved better, he hit her",
    "I'd have hit her up on WhatsApp if I had her number",
    "3 days later? I would have hit her back with \"New phone who this?\"",
    "no wonder he hit her, he'd been drinking since noon, arrest for ABH",
    "can't blame him for clocking off early, he did a double",
])
def test_violence_against_a_woman_reported_not_excused(lexicon, text):
    assert "sex" not in active(lexicon, text), statuses(lexicon, text)


# lexicon 2026.12.49: "something to report" promised to someone who reported or complained, not the idiom in jest
@pytest.mark.parametrize("text,threat", [
    ("he wants to report me? I'll give him something to report", True),
    ("if she keeps calling 999 someone should give her a reason to", True),
    ("keeps crying harassment, let's give him some actual harassment to cry about", True),
    ("let's give them something to report, a proper good news story for the paper", False),
    ("I'll give you something to complain about: the canteen's shut till Monday", False),
    ("give him a reason to call back, leave a card", False),
    ("if he complains again give him the PSD email", False),
])
def test_something_to_report_promised(lexicon, text, threat):
    assert ("threat" in active(lexicon, text)) is threat, statuses(lexicon, text)


# lexicon 2026.12.49: "mongs" is a slur wherever it stands; "mong" alone still needs aiming
@pytest.mark.parametrize("text,slur", [
    ("Mongs from the day centre are out again, lock your cars", True),
    ("two mongs tried to nick a bike outside Greggs", True),
    ("don't use words like mongs, it's 2026", False),
    ("new sign up at mong kok protest site", False),
])
def test_mongs_is_a_slur_wherever_it_stands(lexicon, text, slur):
    assert ("disability" in active(lexicon, text)) is slur, statuses(lexicon, text)


# lexicon 2026.12.49: harm to a person in custody hinted, beside falls, cuffs and van rides reported or routed
@pytest.mark.parametrize("text,threat", [
    ("shame if he tripped on the way into the van", True),
    ("put the cuffs on extra tight for that one", True),
    ("take him the long way round in the van, bumpy roads", True),
    ("brake hard at the lights so he bangs his head on the cage", True),
    ("accidents happen in the back of a van, just saying", True),
    ("he slipped on the custody steps, FME called, no injury", False),
    ("the cuffs were extra tight, loosened them at the desk", False),
    ("rough ride in the van, the suspension's gone, tell fleet", False),
    ("shame if he trips up in interview, his solicitor's good", False),
    ("take him the long way round the one way system, the van won't fit down Mill Lane", False),
    ("accidents happen in custody too, fill in the form please", False),
])
def test_harm_to_a_prisoner_hinted(lexicon, text, threat):
    assert ("threat" in active(lexicon, text)) is threat, statuses(lexicon, text)


# lexicon 2026.12.50: a person insulted with their race, religion, orientation, gender identity or disability as the
# insult's adjective, beside the same words in things, one's own and reported speech
@pytest.mark.parametrize("text,label", [
    ("autistic freak on the custody list again", "disability"),
    ("muslim twat in cell 4 won't stop banging", "religion"),
    ("that jewish prick from the council rang again", "religion"),
    ("gay twat on the front desk lost my file", "sexual_orientation"),
    ("asian twat in the shop wouldn't give us the footage", "race"),
    ("the deaf twat can't hear his own radio", "disability"),
    ("the little sikh shit kicked the van door", "religion"),
    ("that black bastard legged it over the fence", "race"),
])
def test_an_identity_word_on_an_insult(lexicon, text, label):
    assert label in active(lexicon, text), statuses(lexicon, text)


@pytest.mark.parametrize("text,label", [
    ("the black bitch lab got out of the garden again", "race"),
    ("I'm a gay idiot, I left my warrant card at home", "sexual_orientation"),
    ("chinese cabbage and noodles for tea", "race"),
    ("the white bastard sword in the museum display got nicked", "race"),
    ("that gay loser movie was brilliant", "sexual_orientation"),
    ("you blind bastard, that was never offside", "disability"),
    ("he called me a muslim twat, I've reported it", "religion"),
    ("the muslim lad on nights is a top bloke", "religion"),
])
def test_identity_words_beside_insults_in_things_and_ones_own(lexicon, text, label):
    assert label not in active(lexicon, text), statuses(lexicon, text)


# lexicon 2026.12.50: pornography shared with the group or asked for, beside pornography as police work
@pytest.mark.parametrize("text,sexual", [
    ("posted the porno to the group, enjoy lads", True),
    ("who's got the mucky vid from last night, send it over", True),
    ("anyone got any decent porn for nights", True),
    ("shared a dirty video with the boys, check your phones", True),
    ("the suspect's laptop was full of porn, sent it to hi-tech", False),
    ("victim says her ex posted revenge porn in a group chat", False),
    ("he was arrested for sending porn to a 14 year old, the file's with CPS", False),
    ("food porn in the group chat, look at this curry", False),
    ("has anyone got the porn filter password, the intranet blocked the BBC", False),
    ("who's got the dirty mags from the raid, they need booking in", False),
    ("send it over, the CCTV from the garage, xxx", False),
])
def test_pornography_shared_with_the_group(lexicon, text, sexual):
    hits = [h for h in lexicon.hits(text) if h.rule == "lexicon.sexual.porn_shared" and h.status == "active"]
    assert bool(hits) is sexual, statuses(lexicon, text)


def test_a_rule_needs_its_requires_pattern_somewhere_in_the_message(lexicon):
    """`requires` reads the whole message once: the woman may be named before the rating or after it."""
    rated = lambda t: any(h.rule == "lexicon.sexual.rated_woman" for h in lexicon.hits(t))
    assert rated("that victim is well fit, got her number") and rated("she's the victim, and the victim is well fit")
    assert not rated("that victim is well fit, got his number")


def test_a_rule_gives_nothing_where_its_unless_pattern_matches(lexicon):
    """`unless` reads the whole message: the job's words before the porn named stop the rule as well as after it."""
    assert any(h.rule == "lexicon.sexual.porn_shared" for h in lexicon.hits("porn in the group chat lads"))
    assert not any(h.rule == "lexicon.sexual.porn_shared"
                   for h in lexicon.hits("seized phone: porn in the group chat lads"))


# lexicon 2026.12.50: the stock jibes at disabled and mentally ill people, beside the kit, the care and the assessment
@pytest.mark.parametrize("text,jibe", [
    ("he needs a helmet and a carer, not a warrant card", True),
    ("care in the community strikes again, bloke talking to a lamppost", True),
    ("she's got the mental age of a five year old, no point interviewing her", True),
    ("he's away with the fairies, should be in a padded cell", True),
    ("wear a helmet on the bike, it's the law in the unit", False),
    ("he needs a helmet for the motorbike course on Tuesday", False),
    ("give him a helmet from the stores, he's on the carrier tomorrow", False),
    ("the care in the community team will visit on Monday", False),
    ("she's been in care in the community since 2019, no concerns", False),
    ("intermediary says she has a mental age of about eight, appropriate adult booked", False),
])
def test_stock_jibes_at_disabled_people(lexicon, text, jibe):
    assert ("disability" in active(lexicon, text)) is jibe, statuses(lexicon, text)


# lexicon 2026.12.50: a thing called a waste of space is no insult; a person is, wherever they sit
@pytest.mark.parametrize("text,insult", [
    ("the printer is a waste of space", False),
    ("that old car is a waste of space in the yard", False),
    ("that system's a complete waste of space, crashed twice today", False),
    ("those new body cams are a waste of space, battery dies by 10", False),
    ("the new sarge is a waste of space", True),
    ("the lads on the van are a waste of space", True),
    ("the bloke on the front desk is a waste of space", True),
    ("the new pcs are a waste of space, can't write a statement between them", True),
])
def test_a_waste_of_space_said_of_a_thing(lexicon, text, insult):
    assert ("derogatory" in active(lexicon, text)) is insult, statuses(lexicon, text)


# lexicon 2026.12.50: slurs for East Asian, Black, Irish and Italian people the lexicon did not hold
@pytest.mark.parametrize("text,slur", [
    ("ching chong on the takeaway counter got shirty with me", True),
    ("the slanty eyed lot at the nail bar won't give statements", True),
    ("bog trotters in the pub kicking off, St Patrick's day", True),
    ("fuzzy wuzzies from the hostel are out again", True),
    ("ting tong, the microwave's done", False),
    ("the fuzzy wuzzy teddy in the victim suite needs a wash", False),
    ("she has a slant on the story that I don't buy", False),
    ("the victim says he was called ching chong, hate crime flagged", False),
])
def test_slurs_added_in_2026_12_50(lexicon, text, slur):
    assert ("race" in active(lexicon, text)) is slur, statuses(lexicon, text)


# lexicon 2026.12.50: a partner's beating joked about, beside a partner's accidents and the reports of abuse
@pytest.mark.parametrize("text,threat", [
    ("if my missus spoke to me like that she'd be in A&E", True),
    ("nothing says romance like a good slap 😂", True),
    ("my other half answers back, she'd be wearing sunglasses for a week", True),
    ("a black eye is just a love bite for grown ups", True),
    ("if my missus spoke to me like that I'd be sleeping on the sofa", False),
    ("my missus said she slipped on the ice, she'd be in A&E now if I hadn't caught her", False),
    ("my other half tried the new gym class, she's in A&E with a sprained ankle", False),
    ("nothing says romance like a takeaway and a film", False),
])
def test_a_partners_beating_joked_about(lexicon, text, threat):
    hits = [h for h in lexicon.hits(text) if h.rule == "lexicon.threat.partner_joke" and h.status == "active"]
    assert bool(hits) is threat, statuses(lexicon, text)


# lexicon 2026.12.50: a woman met on duty or a colleague rated for sex, beside fitness, kit and praise
@pytest.mark.parametrize("text,sexual", [
    ("she can cuff me any day 😍", True),
    ("the new DC's got a great set of lungs on her", True),
    ("I'd risk the misconduct for a go on that", True),
    ("that victim from the burglary is well fit, got her number off the crime report", True),
    ("the complainant sent a selfie, would smash", True),
    ("the victim is fit for interview, solicitor on the way", False),
    ("prisoner in cell 4 is fit to detain, FME seen her", False),
    ("I'd have a go on that bike if I had the licence", False),
    ("the dc is fit as, back from injury and running the 10k", False),
    ("she can search me any time for the keys, I've lost them again", False),
    ("the suspect was proper gorgeous in the dock, suit and tie, jury loved him", False),
])
def test_a_woman_met_on_duty_rated_for_sex(lexicon, text, sexual):
    hits = [h for h in lexicon.hits(text) if h.rule in ("lexicon.sexual.rated", "lexicon.sexual.rated_woman")
            and h.status == "active"]
    assert bool(hits) is sexual, statuses(lexicon, text)


def test_a_phrase_repeated_thousands_of_times_gives_a_bounded_number_of_hits(lexicon):
    """Each hit's status reads the text before it; past MAX_RULE_HITS of one rule or one word the rest are not read, so
    a hostile message ("care in the community " x 2,000) takes seconds, not minutes, and is still flagged."""
    from chatprobe.detect.lexicon import MAX_RULE_HITS

    for phrase, rule in (("care in the community strikes again ", "lexicon.disability.jibe"),
                         ("ching chong ", "lexicon.slur")):
        hits = [h for h in lexicon.hits(phrase * 2000) if h.rule == rule]
        assert 0 < len(hits) <= MAX_RULE_HITS and any(h.status == "active" for h in hits)


# lexicon 2026.12.51: a strip search or a woman's body photographed or shared, and the dead posed with or laughed at,
# beside the evidential record
@pytest.mark.parametrize("text,label", [
    ("send us the pics from the custody strip search lol", "sexual"),
    ("took a photo of her cleavage while she was giving her statement", "sexual"),
    ("got a sneaky pic of the complainant bending over 😂", "sexual"),
    ("took a selfie with the body at the scene, sent it to the group", "derogatory"),
    ("the pics from the fatal are in the group if anyone wants a laugh", "derogatory"),
])
def test_pictures_taken_of_bodies_and_the_dead(lexicon, text, label):
    assert label in active(lexicon, text), statuses(lexicon, text)


@pytest.mark.parametrize("text", [
    "crime scene photos are on the system, don't share them outside the MIT",
    "took photos of her injuries to the chest and legs for the file",
    "photos of the strip search room refurb are on the intranet",
    "selfie with the dead sea scrolls at the museum 😂",
    "posing with the body armour for the recruitment poster lol",
    "the pics from the fatal are awful, poor lad, don't laugh at anything today",
    "pics from the jumper on the bridge were sent to the coroner, no laughing matter",
    "sneaky pic of the victim's dog, he was so good during the statement",
])
def test_pictures_as_the_job(lexicon, text):
    assert not {"sexual", "derogatory"} & active(lexicon, text), statuses(lexicon, text)


# lexicon 2026.12.51: people written off "the lot of them", beside praise, arrests, things and protected groups
@pytest.mark.parametrize("text,derogatory", [
    ("scrotes the lot of them on that estate", True),
    ("smackheads the lot of them, not worth the paperwork", True),
    ("the drivers on that shift are useless the lot of them", True),
    ("waste of space the lot of them in the control room", True),
    ("good lads the lot of them on the late turn", False),
    ("nicked the lot of them for public order", False),
    ("the new radios are useless the lot of them", False),
    ("arrested the junkies, the lot of them are in custody now", False),
])
def test_people_written_off_the_lot_of_them(lexicon, text, derogatory):
    hits = [h for h in lexicon.hits(text) if h.rule == "lexicon.derogatory.written_off" and h.status == "active"]
    assert bool(hits) is derogatory, statuses(lexicon, text)


def test_the_lot_of_them_leaves_a_protected_group_and_its_own_insults_to_their_category(lexicon):
    """A disability or sex insult keeps its own category, and a named group is the hate rules': {GROUP} in `unless`."""
    for text in ("mongs the lot of them", "slags the lot of them", "non-binary people? criminals, the lot of them"):
        assert not any(h.rule == "lexicon.derogatory.written_off" for h in lexicon.hits(text)), text


def test_group_in_an_unless_or_requires_pattern_is_any_identity_term(lexicon):
    rule = next(r for r in lexicon.data.rules if r.id == "derogatory.written_off")
    assert rule.unless is not None and rule.unless.search("muslims") and not rule.unless.search("the lads")
    assert "{GROUP}" not in rule.unless.pattern


# lexicon 2026.12.51: migrants called by coded names, beside the official words and the benefits office
@pytest.mark.parametrize("text,race", [
    ("the dinghy divers are at it again down the seafront", True),
    ("the small boats lot get four star hotels and we get a pay freeze", True),
    ("he's only here for the benefits, like the rest of them", True),
    ("another dinghy load of chancers at the hotel", True),
    ("the small boats operation is on the briefing", False),
    ("the small boats lot from the Home Office are visiting on Tuesday", False),
    ("the boat people on the marina complained about the noise", False),
    ("she came over for the benefits meeting at the jobcentre", False),
    ("he's only here for the weekend, back to Leeds monday", False),
])
def test_migrants_called_by_coded_names(lexicon, text, race):
    assert ("race" in active(lexicon, text)) is race, statuses(lexicon, text)


# lexicon 2026.12.51: mental illness mocked by the old names for hospitals and minds, beside businesses and lab coats
@pytest.mark.parametrize("text,disability", [
    ("the loony bin's lost another one, he's on the bypass in his pants", True),
    ("the funny farm rang, they want their patient back", True),
    ("take him back to the nuthouse where he belongs", True),
    ("she's ready for the men in white coats", True),
    ("he's not the full shilling, that one", True),
    ("the funny farm comedy night at the rugby club is sold out", False),
    ("the Nut House cafe on the high street was burgled", False),
    ("call the men in white coats from forensics, the scene's ready", False),
    ("it's not the full shilling amount, he owes another tenner", False),
    ("he called the hospital a loony bin, I've noted it for the complaint", False),
])
def test_mental_illness_mocked_by_old_names(lexicon, text, disability):
    assert ("disability" in active(lexicon, text)) is disability, statuses(lexicon, text)


# lexicon 2026.12.51: a trans person called "it" or a he-she, or their body made the question
@pytest.mark.parametrize("text,gi", [
    ("what's in its knickers, that's what I want to know", True),
    ("the he-she from the custody suite is back in", True),
    ("it's a bloke, I don't care what his passport says", True),
    ("did you check what it's got down there before the search", True),
    ("he/she must complete the form before the end of the shift", False),
    ("a he or she will be assigned as your tutor", False),
    ("what's in its pants, the baby needs changing", False),
    ("what it's got down there is a broken exhaust, the van's going to the garage", False),
    ("the suspect's passport says Romanian, he's a bloke in his 40s", False),
])
def test_a_trans_person_called_it(lexicon, text, gi):
    assert ("gender_identity" in active(lexicon, text)) is gi, statuses(lexicon, text)


# lexicon 2026.12.51: violence an officer says they want to do, or a weapon kept with someone's name on it
@pytest.mark.parametrize("text,threat", [
    ("would love to batter one of these protesters", True),
    ("I've got a taser with his name on it", True),
    ("itching to baton one of those climate lot", True),
    ("dying to drop one of them on the floor, just one", True),
    ("would love to get one of these new batons, the old ones are rubbish", False),
    ("there's a parcel with his name on it at the front desk", False),
    ("would love to hit one of those targets at the range tomorrow", False),
    ("dying to kick one of these habits, the vapes are killing me", False),
    ("the knife with his name on it was seized from the car, exhibit JB/3", False),
    ("there's a round with your name on it at the bar, cheers for today", False),
])
def test_violence_wanted(lexicon, text, threat):
    hits = [h for h in lexicon.hits(text) if h.rule == "lexicon.threat.wanted" and h.status == "active"]
    assert bool(hits) is threat, statuses(lexicon, text)


# lexicon 2026.12.52: the old formulas of extermination, beside things, pests and the saying named as a saying
@pytest.mark.parametrize("text,label", [
    ("the only good paedo is a dead paedo", "threat"),
    ("the only good one is a dead one, you know who I mean", "threat"),
    ("Hitler had the right idea with that lot", "religion"),
])
def test_the_only_good_one_is_a_dead_one(lexicon, text, label):
    assert label in active(lexicon, text), statuses(lexicon, text)


@pytest.mark.parametrize("text", [
    "the only good thing about nights is the overtime",
    "the only good battery is a dead battery to swap out, charge them all",
    "the only good phone is a dead phone on rest days",
    '"the only good Indian is a dead Indian" was a slogan of the Indian wars, the lecture said',
    "Hitler was a monster, the documentary was harrowing",
    "he said Hitler had the right idea, I've reported it to PSD",
])
def test_the_formulas_as_things_and_as_history(lexicon, text):
    assert not any(h.rule in ("lexicon.threat.only_good_dead", "lexicon.hate.hitler") and h.status == "active"
                   for h in lexicon.hits(text)), statuses(lexicon, text)
