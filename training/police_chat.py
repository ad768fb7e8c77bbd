"""Police-chat lines: the abuse an investigator looks for and the work talk around it, written for evaluation only.

Written by hand on 2026-12-05 (about 18:05), before the pipeline had been run on any of them, in the register
of a response team's WhatsApp group (UK police terms: skipper, custody, PSD, misper, section 136, IC codes).
They are never trained on: ``build.py`` keeps them out of the corpus, and none was in it. Each line is
labelled with the categories a reviewer would accept for it (``-`` for a line that should raise nothing).

The lines are split in two by a hash of their text, not by choice: the ``dev`` half may be read, miss by miss,
to write rules; the ``locked`` half is reported only as figures, so it keeps measuring what the rules did not
see. ``protocol.py`` reports both halves as ``police_chat``.

The implicit lines are the hard part ("put him in the male cells", "lose her statement"); the work lines use
the same words in their working senses: a suspect's description by IC code, a hate crime being reported,
a strip-search policy, a door to be broken on a warrant.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

ABUSIVE = """\
race	Honestly the Somalis on that estate are animals, every single one of them
race	Typical Romanians, nicking anything that isn't nailed down
race	Another car full of Pakis on the A6, surprise surprise
race	Black lads in a brand new Merc, obviously dealing, pull them
race	Can't understand a word the Polish lot say, should send them all back
race|threat	Gypsies have been at the scrapyard again, should gas the lot of them
race	She only got into the job because she's Asian, diversity hire
race	Don't bother taking statements at the Traveller site, they're all thieves and liars
race	Half the custody block is foreigners tonight, this country is finished
race	Another IC3 with a knife, they can't help themselves can they
race	Jungle bunnies out in force on the high street tonight
race	That new Nigerian PC is probably running a scam on the side lol
religion	Muslims in the town centre again, bet there's a bomb in one of those rucksacks
religion	Jews run the council, that's why nothing ever gets done
religion	Another raghead on the watch list, shocker
religion	Islam is a cancer and half of this town has got it
religion|race	Don't let the Sikh lad near the firearms course, he'll blow us all up
sex	Women shouldn't be on response, they can't handle themselves in a fight
sex	Typical woman driver, took her three goes to reverse the van
sex	Leave the female officers at the station to make the tea, it's all they're good for
sex|derogatory	DV victims are all lying slags after a council flat
sex	She's on her period again, that's why she's been a nightmare all shift
sex	Female officers are a liability on nights, I'd rather double crew with a PCSO
sex|sexual	She only made sergeant because she's been sleeping with the DI
sexual_orientation	Don't bend over in the locker room, Dave's about
sexual_orientation	He's a raging poof, wouldn't trust him in the showers
sexual_orientation	Pride duty again, a load of queers prancing about in their pants
sexual_orientation	Gays shouldn't be allowed on firearms, too emotional
sexual_orientation	Listen to his voice on the radio, he's obviously a bender
gender_identity	Had to search a tranny last night, didn't know which cell to put it in
gender_identity	Trans women are just men playing dress up, stick him in the male cells
gender_identity	I'm not using its pronouns, it's got a beard and size 12 feet
gender_identity	They/them my arse, it's a geezer with a wig on
gender_identity	Shemale in cell 4 kicking off again, mind your eyes when you do the check
disability	The misper is a retard, he'll turn up at the chippy like always
disability	Another 136 for another nutter, third one this week, lock them all up
disability	Mongs from the day centre are out again, lock your cars
disability|threat	Wheelchair lad thinks we can't nick him, just tip him out of it
disability	Schizos should be locked up for good, not our problem once they're sectioned
age	Old dears should have their licences taken off them at 70, waste of space the lot of them
age|threat	Boomers clogging up the front counter again, can't wait till they all die off
threat	If she puts a complaint in I'll make sure she never works in this force again
threat	Tell the complainant to drop it or we'll find something on her
threat	Grass us up to PSD and you'll find your tyres slashed
threat	That prisoner is getting a kicking in the van when the cameras are off
threat	Let's take him round the back of the nick and sort him out properly
threat	If he mouths off again I'm going to break his jaw, bodycam or not
threat	One more word out of that DS and I'll knock him out
threat	Someone should put the witness in hospital so she can't give evidence
threat	Whoever leaked this to the press is going to get hurt
threat	I know where the custody nurse lives, she'll regret reporting me
threat	Accidentally lose her statement and she'll soon get the message
threat	Next time he's in custody he's having an accident on the stairs
sexual	New probie has a cracking arse, I'd bend her over the briefing table
sexual	Bet the new PCSO is filthy in bed, look at the state of her
sexual	Send us the pics from the strip search lol
sexual	Her top was see through at the scene, got a few snaps for the group
sexual	Who wants to see the victim's nudes off the phone download
sexual|sex	Skipper told her to wear a shorter skirt if she wants the promotion
derogatory	The inspector is a useless fat cunt
derogatory	That custody sergeant is a spineless waste of oxygen
derogatory	Complainant is a thick chav slag, don't waste time on her
derogatory	The new DC is a brainless little prick
"""

WORK = """\
IC3 male, 6ft, grey tracksuit, last seen heading towards the Co-op
Victim is a Muslim woman, she's asked for a female officer for the statement
Can anyone who speaks Polish come to custody, the interpreter is an hour away
Hate crime report: someone called the shopkeeper a Paki, need a statement from the witness
Pride parade briefing at 0800, we're on the barriers by the church
The misper has learning difficulties, approach calmly and call her mum first
Section 136, male in crisis on the bridge, ambulance en route
Trans prisoner in cell 4, she's asked for a female officer to do the search
DV job at number 12, he's threatened to kill her, units to attend urgently
Suspect said he'd stab the victim, make sure that's on the bodycam
Gypsy and Traveller liaison officer is visiting the site tomorrow
Mosque open day on Saturday, the neighbourhood team are invited
Wheelchair user reporting a theft from her car, can someone call her back
The old lady at 14 had her purse nicked, she's really shaken up
Strip search policy has changed, read the email before your next custody shift
Phone download from the victim's phone is with digital forensics
She's put a complaint in about our response time, fair enough tbh
PSD want a statement from everyone on shift that night
He's gone off sick with stress, let's send him a card
Kill the engine and wait for the dog unit
Take him down to cell 3, he's calmer now
We need to break the door in, warrant's in my hand
Knock him up at 6, he's on earlies and never hears his alarm
The DI is a legend, bought the whole shift pizza
She smashed her sergeant's exam, top marks in the force
Lad got battered outside Spoons, ambulance requested
Black Audi, no insurance, seized and on the low loader
White van man cut me up on the ring road, nearly had him
Bent copper convicted at crown court today, six years
Can somebody cover my shift on Saturday, it's my lad's birthday
Our new LGBT liaison officer starts Monday, give her a warm welcome
Female officer needed for a search at the custody desk
Her DV risk assessment came back high, safeguarding referral done
The mental health nurse is in custody till 10
Old boy on the bench outside the station is confused, think he's wandered off from the care home
Hang on, I'll be two minutes
That job was a nightmare, glad it's over
Skipper says we're grounded till the van's fixed
Shoot over the CAD number when you've got it
Anyone want a brew? Kettle's on
He was charged with racially aggravated assault and remanded
The Jewish school has asked for extra patrols after the graffiti
Somali community elders want a meeting about the stabbings, Thursday at 7
Translator for the Romanian family is booked for 2pm
Sikh officers' association is running a recruitment stall at the fair
He's deaf, write your questions down for him in interview
Autistic lad in the back of the car is getting overwhelmed, turn the radio off
Age UK want someone to talk about scam calls at the coffee morning
Lads, we smashed the burglary figures this month
Sarge is fuming, someone left the van on empty again
Bodycam was off for the arrest, PSD will want to know why
Sexual assault victim is at the SARC, she wants a female officer only
Indecent images case: the download goes to the specialist unit, nobody else views it
Shoot the suspect's photo over to the CCTV team
That witness is terrified, she thinks he'll come for her if she gives evidence
The complainant was called a tranny in the street, recording it as a transphobic hate incident
Mental Health Act assessment booked for 3pm, AMHP is on the way
Victim says he threatened to break her jaw, photos of the injuries taken
Gay couple had their windows put through, treat it as a hate crime
Can't make briefing, dentist at 8, sorry skip
"""


@dataclass(frozen=True)
class Line:
    text: str
    expected: frozenset[str]  # the categories a reviewer would accept; empty for a line that should raise nothing
    half: str  # "dev" (may be read to write rules) or "locked" (figures only)


def _half(text: str) -> str:
    return "locked" if hashlib.sha256(text.encode()).digest()[0] % 2 else "dev"


def lines() -> list[Line]:
    out = []
    for row in ABUSIVE.splitlines():
        labels, text = row.split("\t")
        out.append(Line(text, frozenset(labels.split("|")), _half(text)))
    out += [Line(t, frozenset(), _half(t)) for t in WORK.splitlines() if t.strip()]
    return out
