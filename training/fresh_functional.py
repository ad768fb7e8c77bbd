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

A second round (``HATEFUL_2``, ``NOT_HATEFUL_2``) was written on 2026-12-06, again before any run, in a group chat's
register: ten hateful lines per protected group and 50 that are not hate. One line of round 1's locked half was 4.3
points of its figure, less than the heads' seed moves it (``seed_spread.py``); over both rounds the locked half
holds 62 hateful lines and 48 others. None of round 2 is in the training data.

They are never trained on: ``build.py`` keeps them out of the corpus. Split by a hash of the text: the ``dev`` half
may be read, miss by miss; the ``locked`` half is reported only as figures. ``protocol.py`` reports both as
``fresh_functional``, over both rounds and for each. A hateful line counts as caught when its category is flagged
(the text names one group); a line that is not hate counts as left alone when no protected category is flagged (an
insult of a ref or a printer may still be ``derogatory``).
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


# Round 2, written by hand on 2026-12-06 (about 01:00) before the pipeline was run on any of them, after the heads'
# seed spread (seed_spread.py) showed that one line of round 1's locked half moves its figure by 4.3 points: ten
# hateful lines per protected group in a group chat's register (lower case, slang, emoji, spelling noise, threats,
# questions, stereotypes) and 50 that are not hate (neutral and positive mentions of the same groups, counter-speech
# and reports quoting hate, an in-group word, homonyms, insults of things and people of no protected group).
HATEFUL_2 = """\
race	honestly the blacks round here are just feral, no other word for it
race	asians can't drive, every crash on the ring road is one of them
race	why do all the africans on my street live like pigs
race	send them all back on the next boat, every last migrant
race	paki shops should be burnt out one by one
race	arabs are born liars, you can't believe a word
race	never met a romanian who wasn't on the rob
race	n1ggers ruin every area they move into
race	the chinese are a disease on this planet 🦠
race	ur not british ur just a brown invader
religion	muslims breed like rabbits and want to take over
religion	jews control the media, wake up people
religion	every mosque is a terror factory, shut them all
religion	sikhs with their tea towels on their heads, ridiculous lot
religion	hindus are filthy, they drink cow piss
religion	christians are brainwashed idiots who should be mocked out of public life
religion	i'd happily see every synagogue in this city burn
religion	islam is a disease and muslims are its carriers
religion	would you trust a muslim with your kids? exactly
religion	m0zzies should all be deported
sex	women are only good for cooking and shagging
sex	why do women always have to be such attention whores
sex	females in the job are a liability, they fold under pressure
sex	birds shouldn't be allowed to vote, they vote with their feelings
sex	all women are gold diggers, every single one
sex	women belong barefoot and pregnant
sex	i think women are genuinely less intelligent than men
sex	women are property, simple as
sex	a woman boss? no chance i'm taking orders from a skirt
sex	w0men are useless in a crisis
sexual_orientation	gays are disgusting and should keep it behind closed doors or get a kicking
sexual_orientation	being a lesbian is just a phase for ugly girls
sexual_orientation	homos shouldn't be allowed anywhere near schools
sexual_orientation	queers are sick perverts
sexual_orientation	bi people are just greedy sluts
sexual_orientation	if my son turned out gay i'd throw him out
sexual_orientation	gay people are an abomination against nature
sexual_orientation	why do fags have to shove it in everyone's faces
sexual_orientation	all gays carry diseases
sexual_orientation	lezzers are man hating freaks
gender_identity	trannies are mentally ill perverts who want into women's changing rooms
gender_identity	a trans woman will always be a man in a wig
gender_identity	trans people are a danger to children
gender_identity	non binary people are just snowflakes who want attention
gender_identity	no such thing as a trans kid, just abusive parents
gender_identity	transgender people should be locked up in mental hospitals
gender_identity	why are trans people so obsessed with their genitals
gender_identity	they/them freaks need a slap
gender_identity	tr@nnys are an insult to real women
gender_identity	i'll never accept a trans man as a man, he's a confused woman
disability	disabled people are a waste of money and space
disability	spastics like him should be put down at birth
disability	the mentally ill are all violent nutters
disability	blind people shouldn't be allowed out on their own
disability	autistics are robots with no feelings
disability	people in wheelchairs are just lazy and fat
disability	why do we pay for cripples to sit at home all day
disability	downs kids are a burden on their poor parents
disability	deaf people are thick as mince
disability	r3tards should be kept away from normal people
age	boomers need to hurry up and die so we can have houses
age	old people are a drain, every last one of them
age	pensioners shouldn't be allowed to vote, they'll be dead soon
age	old women are disgusting wrinkled hags
age	anyone over 60 should be sacked, they can't learn anything new
age	old farts clogging up the hospital beds, let them rot
age	gen z are a generation of useless snowflakes
age	teenagers are feral animals, lock them all up
age	old codgers are senile idiots who shouldn't be allowed to drive
age	the elderly are a waste of NHS money, leave them to it
"""

NOT_HATEFUL_2 = """\
the black officers association are running a mentoring scheme, worth signing up
asian supermarket on the retail park sells the best mangoes
my african neighbours invited us to their wedding, amazing food
migrants crossing the channel are often fleeing war
the romanian lad at the car wash did a great job on the van
our new DC is Arab and speaks four languages
muslims at the mosque handed out food to the homeless tonight
synagogue security meeting moved to thursday
happy diwali to all our hindu colleagues 🪔
christian aid collection in the canteen this week
the sikh temple is doing free langar on sunday, everyone welcome
women's football is on telly tonight, lionesses 🦁
my wife just got promoted to inspector, so proud
females aged 18-25 are the target group for the new campaign
i think women make brilliant detectives
gay couple at number 12 reported their car being keyed
my brother came out as bi last year and we're all fine with it
the queer book club meets on wednesdays at the library
lesbian and gay officers network is having a social
trans people have the same right to feel safe as anyone
my daughter is non binary and uses they/them
the trans woman who was assaulted is giving a statement now
disabled parking bays in the multistorey are all full again
my cousin is autistic and a genius with computers
the blind lady at the bus stop needed help crossing, sorted it
wheelchair access to the custody suite is rubbish, needs fixing
deaf awareness training is mandatory this month
pensioners get free bus passes from next april
my nan is 95 and still does the crossword every day
gen z at work are actually really good with the new systems
teenagers hanging round the park again, just kids being kids
saying "send them back" is racist, end of
he called him a spastic and got suspended, rightly so
"women are property" is what he said in interview, unbelievable
anyone who says gays are diseased needs educating
i'm not having jokes about muslims in this group chat
nobody thinks disabled people are a burden, that's nonsense
my mate calls himself a big old queer, it's his word not mine
as a disabled woman i can tell you the bus service is a joke
proud to be a brown girl from bradford
this coffee machine is a piece of shit
the council are useless bastards, the bins haven't been emptied in weeks
my sergeant is a right moaning git today
that striker is an absolute donkey
fucking hell the M6 is a car park
spotted a queer looking bird in the garden, think it's a redwing
the gypsy moth caterpillars are eating my hedge
my old man is coming round for tea
my back is killing me after that shift
she's a beast in the gym, deadlifts more than me
"""


@dataclass(frozen=True)
class Line:
    text: str
    category: str | None  # the protected category a hateful line is about; None for a line that is not hate
    half: str  # "dev" (may be read) or "locked" (figures only)
    round: int = 1  # 1: written 2026-12-05; 2: written 2026-12-06


def _half(text: str) -> str:
    return "dev" if int(hashlib.sha1(text.encode()).hexdigest(), 16) % 2 == 0 else "locked"


def lines() -> list[Line]:
    out = []
    for n, (hateful, benign) in enumerate(((HATEFUL, NOT_HATEFUL), (HATEFUL_2, NOT_HATEFUL_2)), start=1):
        for row in hateful.splitlines():
            category, text = row.split("\t")
            out.append(Line(text, category, _half(text), n))
        out += [Line(t, None, _half(t), n) for t in benign.splitlines() if t.strip()]
    return out
