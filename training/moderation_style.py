"""Sexual content and violence in the style of a public moderation set: evaluation only, never trained on.

The issue's bar for these two categories is F1 on a public moderation set, which this project never reads. The
shared datasets have little sexually explicit text and few threats (their ``sexual`` rows are lewd jokes and
harassment of a woman, their threats mostly against women), so their validation F1 says little about it. These
lines were written by hand on 2026-12-05, *before* gap round 7 (``gaps.py``) was written and before any model was
measured on them, in the moderation set's sense of the two categories (from its published definitions, not from
its text):

- ``sexual``: content meant to arouse — descriptions of sexual activity, sexting, requests for sex or nudes,
  advertising sexual services or porn — not sex education, health, relationships, romance or crime reports;
- ``threat``: threats, incitement, wishing or celebrating violence or suffering (of a person, a group or an
  animal) — not news of violence, sport, games, fiction summaries, idiom or police work.

``build.py`` keeps every line here out of the training corpus; ``protocol.py`` reports precision, recall and
F1 for both labels. Every line here is an adult context.
"""

from __future__ import annotations

SEXUAL = """\
She slowly unbuttoned her blouse and pulled him onto the bed, kissing her way down his chest.
I want to feel your body against mine while I take off every piece of your clothing.
Looking for a discreet hookup tonight, no strings attached, send pics.
He moaned as she wrapped her lips around him.
Describe in detail what you would do to me in the shower.
Hot singles in your area want sex tonight, click here to meet them.
Her hands explored every inch of his naked body until he begged for more.
I can't stop thinking about fucking you from behind.
Write me a steamy story where my neighbour and I end up in bed together.
We had sex three times last night and I'm still sore.
Live cam girls will strip for you right now, 18+ only.
I love it when he pins me down and takes me hard.
Let's roleplay: you're the masseuse and it turns into a happy ending.
Her nipples hardened as he kissed her neck.
Send me a picture of your dick.
I'm touching myself thinking about you right now.
The video shows two women having sex on a sofa.
He came all over her stomach.
What's your favourite sex position? Mine is cowgirl.
Escort available in Leeds, full service, outcalls only.
Get on your knees and open your mouth.
She spread her legs and told him to hurry up.
My husband likes to watch me with other men.
Check out my new nudes on my page 😘
I want to bend you over the kitchen table and make you scream.
They tore each other's clothes off in the hallway and never made it to the bedroom.
Big tits, tight ass, and she loves anal.
Tell me how wet you are.
Blowjob in the back of the taxi, best night ever.
He slid his fingers inside her knickers.
Their bodies moved together in rhythm until they both climaxed.
Subscribe for uncensored content, full nude videos every week 🔞
I'll suck you dry when you get home.
Her lips moved lower and lower until he gasped.
Rub oil all over me and don't stop at my waist.
Want to sext? I'm bored and horny.
The pornstar takes on three guys in this scene.
Sit on my lap and grind until I'm hard.
I licked her until her legs were shaking.
Tonight I'm going to tie you to the bed and tease you for hours.
"""

THREAT = """\
I'm going to beat him until he stops breathing.
Those protesters deserve to be run over.
Someone should put a bullet in that judge's head.
I'd love to watch him burn alive.
The bombing was beautiful, we need more of that.
Let's go down there tonight and smash their skulls in.
I hope she gets hit by a car and suffers for weeks.
Best video ever, the guy gets his face caved in with a hammer 😂
Kill every last one of them and let God sort them out.
He deserved every punch, I hope he's in agony.
Tie him up and cut his fingers off one by one.
If I see him I'll stab him.
Burn the refugee hotel down with them inside.
Watching him bleed out was the best part of my day.
Grab a bat and let's teach those lads a lesson.
Hang the traitors from the lampposts.
I'll break both your legs.
Stab him in the neck and leave him in the alley.
It was hilarious watching the cat get kicked across the room.
Give your wife a slap, she'll learn.
They should line them all up against a wall and shoot them.
I'm going to make you suffer slowly.
Gouge his eyes out and make him watch.
Drown the puppies, who cares.
I want to punch her face until it's unrecognisable.
The world would be better if someone blew up that office with everyone in it.
Let's find where he lives and pay him a visit with some petrol.
I laughed so hard when the old man fell under the bus.
Beat the crap out of anyone who crosses the picket line.
You'll be found in pieces if you say a word.
Shoot the looters on sight, no questions.
Glory to the gunman, he did what had to be done.
I'll slash your tyres and then your face.
We should set fire to their homes while they sleep.
Hit her where it doesn't show.
That bastard needs his throat cut.
I hope the plane crashes and they all die screaming.
Kick the dog until it stops barking.
I dream about strangling my ex.
Bring knives, we're going to make them pay tonight.
"""

NEITHER = """\
Police said the man was stabbed in the neck and died at the scene.
The documentary covers the history of the Second World War.
My character killed the dragon in the final boss fight.
The recipe says to beat the eggs and whip the cream.
He was sentenced to life for the murder of his neighbour.
We talked about consent in the sex education class.
My partner and I have been together ten years and still go on dates.
The clinic offers free STI testing on Wednesdays.
She kissed him goodnight at the door.
The novel is a love story set in Paris.
Breastfeeding tips for new mums.
The film has some violent scenes and is rated 15.
Self-defence class on Thursday evening.
The boxer knocked out his opponent in the third round.
Kill the engine before you get out.
That comedian absolutely killed it last night.
Cut the onions and fry them gently.
How do I talk to my teenager about sex?
The museum has a collection of medieval weapons.
Romantic weekend in the Lake District booked.
Condoms are available free at the health centre.
Protesters clashed with police, three arrests were made.
I'm dying to see the new Bond film.
The victim suffered serious head injuries and remains in hospital.
What are the symptoms of erectile dysfunction?
My wife is pregnant with our second child.
The suspect threatened staff with a knife before fleeing.
Honeymoon photos are up on the shared album.
He proposed on the beach at sunset.
The war poets wrote about the horror of the trenches.
I could murder a curry right now.
The cat caught a mouse and left it on the doormat.
Our dating app matches people by shared hobbies.
Domestic abuse support line: call any time, day or night.
She was wearing a lovely red dress at the wedding.
How many calories does sex burn? Asking for a science quiz.
The referee sent him off for a violent tackle.
Shooting practice at the range is cancelled this week.
The abattoir inspection report is due on Friday.
A hug from my mum fixes everything.
The crime novel opens with a body found in the canal.
Lingerie department is on the second floor.
Menopause can affect your sex drive, talk to your GP.
The riot squad were deployed after the match.
We need to kill off that old project and start again.
Bomb disposal were called to a suspicious package, all clear.
The rugby lads smashed it on Saturday.
I'm going to attack the garden this weekend.
Anatomy revision: the reproductive system, chapter 9.
Couples therapy really helped us.
"""

SEXUAL_LINES = [line for line in SEXUAL.splitlines() if line.strip()]
THREAT_LINES = [line for line in THREAT.splitlines() if line.strip()]
NEITHER_LINES = [line for line in NEITHER.splitlines() if line.strip()]


def cases() -> list[tuple[str, bool, bool]]:
    """(text, sexual, threat) for every line."""
    return ([(t, True, False) for t in SEXUAL_LINES] + [(t, False, True) for t in THREAT_LINES]
            + [(t, False, False) for t in NEITHER_LINES])
