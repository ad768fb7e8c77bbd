"""A group put down as a whole in the forms everyday hate takes (lexicon 2026.12.33, rule ``hate.generalised``): with
an intensifier ("muslims are too stupid to vote"), as the cause of ruin, as contributing or deserving nothing, as never
met worth anything, or asked "how are they even allowed". Before, the rules read none of these forms and the text
model's hateful reading stayed low (0.1 or less for "muslims are too stupid to vote"), so nothing was raised."""

from __future__ import annotations

import pytest


def _groups(lexicon, text: str) -> set[str]:
    return {h.label for h in lexicon.hits(text) if h.status == "active"
            and h.label not in ("counter_speech", "endorsement", "derogatory", "threat")}


def _active(lexicon, text: str, label: str) -> bool:
    """Whether the lexicon finds ``label`` in ``text`` and does not set it aside."""
    return any(h.label == label and h.status == "active" for h in lexicon.hits(text))


@pytest.mark.parametrize("text, category", [
    ("muslims are too stupid to vote", "religion"),
    ("Polish people are just so incredibly lazy", "race"),
    ("women are far too emotional to be in charge", "sex"),
    ("lesbians are pathetic", "sexual_orientation"),
    ("disabled people are a bunch of morons", "disability"),
    ("immigrants are the reason this town has gone to the dogs", "race"),
    ("asylum seekers have never contributed anything", "race"),
    ("no muslim has ever done anything useful for this country", "religion"),
    ("refugees bring nothing but crime and disease", "race"),
    ("jews add nothing to society", "religion"),
    ("i don't think trans people should be allowed to teach kids", "gender_identity"),
    ("I dont believe gay men deserve the same rights", "sexual_orientation"),
    ("black people deserve no respect", "race"),
    ("never met a gay man worth trusting", "sexual_orientation"),
    ("I have yet to meet a woman who can park", "sex"),
    ("how are muslims even allowed to teach?", "religion"),
    ("why are immigrants still allowed in", "race"),
    ("are all disabled people this thick?", "disability"),
    ("a woman's place is in the kitchen", "sex"),
])
def test_a_group_put_down_as_a_whole(lexicon, text, category):
    assert category in _groups(lexicon, text)


@pytest.mark.parametrize("text", [
    "muslims are too often the victims of hate crime",
    "women are too rarely promoted in this force",
    "immigrants are the reason the nhs still works",
    "refugees bring nothing with them but the clothes they stand in",
    "disabled people have never done anything wrong to deserve this",
    "disabled people deserve nothing less than full access",
    "women deserve equal pay",
    "i dont think trans people deserve the abuse they get",
    "i don't think gay people should have to hide who they are",
    "never met a muslim who wasn't kind to me",
    "why are disabled people still let down by the council",
    "how are trans people allowed to change their passport?",
    "are all immigrants entitled to legal aid?",
    "are gay couples allowed to adopt in scotland?",
    "women should know their rights at work",
    "a woman's place is wherever she wants it to be",
])
def test_ordinary_lines_about_a_group_are_left_alone(lexicon, text):
    assert _groups(lexicon, text) == set()


def test_some_of_a_group_is_no_generalisation(lexicon):
    for text in ("Some men are so disgusting. Stalking is a crime", "a few immigrants are too dumb to fill the form in",
                 "certain muslims have never contributed anything"):
        assert not [h for h in lexicon.hits(text) if h.rule == "lexicon.hate.generalised"], text


# lexicon 2026.12.35: the group named, then hated in a later clause; "every X I've met has been a liar"; a negated
# positive; "better off without X"; being gay or trans called disgusting or a sin. Each raised nothing at 2026.12.34
# ("pensioners are never any use" was even read as counter-speech: "never … use" as in "never use that word")
@pytest.mark.parametrize("text, category", [
    ("I have met a lot of lesbians and I despise every single one of them", "sexual_orientation"),
    ("we took in refugees last year and we hate them all", "race"),
    ("Every Sikh I have ever worked with has been a liar", "religion"),
    ("every woman I've met has turned out to be a nightmare", "sex"),
    ("pensioners are never any use to anyone", "age"),
    ("disabled people are not worth helping", "disability"),
    ("Honestly the world would be better off without disabled people", "disability"),
    ("this country would be so much better off if muslims just disappeared", "religion"),
    ("Being gay is disgusting and wrong", "sexual_orientation"),
    ("being trans is just sick", "gender_identity"),
])
def test_a_group_put_down_in_more_forms(lexicon, text, category):
    assert category in _groups(lexicon, text)


@pytest.mark.parametrize("text", [
    "I've met loads of refugees and I love every single one of them",
    "I work with disabled people and I hate them being ignored by the council",
    "I know a lot of gay lads and I hate them getting abuse on nights",
    "every Sikh I've ever met has been kind and generous",
    "every woman I've worked with has been brilliant",
    "refugees are never worth less than anyone else",
    "pensioners are never any trouble, lovely lot",
    "and for those who think approaching women is not worth it, think again",
    "the team would be better off with more women in it",
    "the world would be better off without racism",
    "being gay is not wrong",
    "I don't think being gay is wrong at all",
    "being trans is not an illness",
    "is being gay a sin? my priest says no",
    "never use that word about pensioners",
])
def test_lookalikes_of_those_forms_are_left_alone(lexicon, text):
    assert _groups(lexicon, text) == set()
