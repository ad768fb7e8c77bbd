"""Fresh functional lines: hate about each protected group and lines that are not hate, written for evaluation only.

Written by hand on 2026-12-05 (about 22:45), before the pipeline had been run on any of them, after lexicon
2026.12.18: plain derogation, dehumanisation, threats against a group, hate as a question and as an opinion,
negated positives, spelling noise and missing spaces, slurs, stereotypes and tropes with no insult word in them;
and beside them neutral and positive mentions of the same groups, negated hate, counter-speech and reports that
quote hate, reclaimed words, homonyms, profanity and abuse of things and people that are no protected group. They
are a second, smaller check of the template suite (``functional_suite.py``) in other words than its templates,
written in a different session: a suite written by the same hands as the rules measures memory, and this one is
later than every rule. One line echoes a police-chat line ("trans women are just ... playing dress up"); "trans
women are women", also written then, was dropped because the training data already holds it.

They are never trained on: ``build.py`` keeps them out of the corpus. Split by a hash of the text: the ``dev`` half
may be read, miss by miss; the ``locked`` half is reported only as figures. ``protocol.py`` reports both as
``fresh_functional``. A hateful line counts as caught when its category is flagged (the text names one group); a
line that is not hate counts as left alone when no protected category is flagged (an insult of a ref or a
printer may still be ``derogatory``).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

HATEFUL = """\
religion	Muslims are a cancer eating this country from the inside
sex	honestly women are too emotional to be trusted with anything important
gender_identity	trans women are just blokes playing dress up
sexual_orientation	gay men are all predators when it comes to kids
disability	disabled people are a burden this country can't afford any more
age	pensioners should stop hogging the NHS and just die off
race	black people are naturally more violent, it's in their genes
race	those Somalis are vermin and should be treated like it
race	gypsies live like animals, every single one of them
religion	someone should torch that mosque during Friday prayers
gender_identity	I'd happily run over a few trans activists if they blocked my road
race	why are Pakistanis all such liars?
sex	why are women so thick when it comes to money?
religion	isn't it obvious that the jews run all the banks?
sexual_orientation	do gay people ever stop whining about rights?
disability	I think disabled people should be kept out of sight
race	in my opinion immigrants are parasites, plain and simple
sex	I don't respect women at all, never have
religion	there's nothing good about Muslims, nothing
race	no black person has ever earned the job they're in
sexual_orientation	I could never feel anything but disgust for lesbians
religion	musl1ms are scum
sex	wimmin are worthless
sexual_orientation	g a y s disgust me
gender_identity	tr4nnies are mentally ill
religion	i h8 jews
race	blackpeople are thugs
religion	muslimsss are filth
disability	retards like him shouldn't be allowed to breed
race	that paki at the corner shop is robbing everyone
sexual_orientation	stupid dyke in accounts never shuts up
race	send every last one of the Romanians back where they came from
religion	Hindus are dirty cow worshippers
sex	a woman's place is under her husband, nowhere else
age	old people are useless leeches who should be put in homes and forgotten
disability	autistic kids are just badly raised brats
gender_identity	there's no such thing as a trans man, just confused girls
sexual_orientation	being gay is a disease and it should be cured
race	Chinese people eat anything, filthy lot
religion	Sikhs stink, every one I've met
race	I hate Nigerians more than anything
sexual_orientation	bisexuals are greedy liars, all of them
sex	females should be seen and not heard
race	Asians are all cheats and scammers
disability	deaf people are basically thick
religion	catholics are all kiddy fiddlers
gender_identity	non binary is a made up thing for attention seekers
race	the Irish are a nation of drunks and thieves
age	young people today are lazy entitled scum
race	white people are all racist colonisers who deserve nothing
religion	Jews should be banned from public office
disability	wheelchair users should stay at home and stop clogging up the pavements
sexual_orientation	I'm so glad my son isn't one of those disgusting gays
sex	women drivers should be banned, they kill people
gender_identity	they should lock up every tranny that goes near a women's toilet
race	Polish workers are stealing our jobs and our benefits, scroungers
religion	Islam is a death cult and its followers are savages
race	Travellers are thieving scum, lock your sheds
disability	mentally ill people are dangerous and should be locked away
sexual_orientation	lesbians just need a real man
"""

NOT_HATEFUL = """\
my neighbour is a Muslim and a nurse at the Royal
two gay lads have moved in next door, seem nice
I love working with my disabled colleagues
I'd never say black people are lazy, it's rubbish
jews are not the problem, greedy bosses are
saying women belong in the kitchen is sexist rubbish
he called her a paki and I reported him straight away
we queers are taking over the pub quiz tonight lol
my nan made faggots and peas for tea
blue tits are back on the bird feeder
fuck me that was a long shift
this printer is absolute shit
I hate Mondays so much
traffic wardens are the worst
the Pakistani restaurant on the high street is brilliant
Eid mubarak to all our Muslim officers
the victim is a 67 year old disabled woman, she's shaken up
happy pride month from the diversity network
the suspect is described as a white male in his 30s
my mate is deaf and he's the funniest person I know
why do women get paid less for the same work?
are there any Sikh officers who can help with a translation?
I don't hate anyone because of their religion
old people deserve respect, they built this country
immigrants staff half the NHS, we'd be lost without them
black lives matter banner outside the station again
calling someone a tranny is hate speech, full stop
she said "all Muslims are terrorists" and got a final written warning
"women can't drive" is such a tired joke
I'm gay and proud of it
the lesbian couple on the estate reported harassment
the hate crime unit are looking for a Polish speaker
my grandad is 90 and sharper than any of us
is the wheelchair ramp at the front working?
the autistic lad in custody needs an appropriate adult
got my first trans colleague starting Monday, any tips to make her welcome?
jewish community centre needs a patrol this weekend
the Irish bar on Church Street has a quiz tonight
the chinese on the corner does the best salt and pepper chips
gay marriage was the best thing this government ever did
don't be a dick, just send the file
these bloody pigeons are vermin
the ref is a blind idiot
my sister's wheelchair got damaged on the train, awful
old git next door is washing his car again, love him
the Roma family needs an interpreter at court
no one should be abused for being bisexual
imagine thinking gay people choose it lol
"go back to your own country" he shouted, caught on bodycam
"""


@dataclass(frozen=True)
class Line:
    text: str
    category: str | None  # the protected category a hateful line is about; None for a line that is not hate
    half: str  # "dev" (may be read) or "locked" (figures only)


def _half(text: str) -> str:
    return "dev" if int(hashlib.sha1(text.encode()).hexdigest(), 16) % 2 == 0 else "locked"


def lines() -> list[Line]:
    out = []
    for row in HATEFUL.splitlines():
        category, text = row.split("\t")
        out.append(Line(text, category, _half(text)))
    out += [Line(t, None, _half(t)) for t in NOT_HATEFUL.splitlines() if t.strip()]
    return out
