"""Ordinary chat lines for measuring false flags: evaluation only, never trained on.

``LINES`` was written before the first fine-tune and its flags were read while tuning (two lexicon rules and
a few idiom templates in gaps.py followed from them); ``LOCKED`` was written after that, before the final
model was trained. Its flags were read once, after the second fine-tune (model card, Limits); it is never
trained on.

Written by hand for this project (not generated, not from any dataset): what a shift team, a family or a
five-a-side group says all day. Several sit close to what fools a classifier — identity words in harmless
use, violent idiom, profanity without a target, emoji, names of places and things that contain slur-like
letters. Every flag a model raises here is a false flag.
"""

LINES = """\
Morning all
Gooood morning 😘❤️
Gooooood morning everyone ☀️☀️
Parking's full, I'm round the back
Where's my muffin?
hopefully tomorrow it will be nicer
Are you finished with work?
I love women.
I love my wife so much ❤️
who's bringing the cake on Friday
running late, traffic on the A road is a joke
can someone let me in, forgot my fob
anyone want a brew?
thanks for today team, great effort 👏
happy birthday Jo!! 🎉🎂
cheers mate
no worries at all
on my way now
What time is the briefing?
7 sharp I think
See you at the nick
I'll be 5 mins
lol
😂😂😂
haha brilliant
night all
shift swap anyone? I need the 14th off
My car's in the garage again, can anyone give me a lift?
I can, where are you?
top of Mill Lane
is the canteen open yet
the coffee machine is broken AGAIN
kids have got chickenpox so I'm working from home
good luck with the exam Sam!
passed!! 🎉
get in!! well done
that's brilliant news
what a game last night, robbed in the 90th minute
the ref was blind
we got absolutely battered 4-0
I'm dead 😂
you killed it at the presentation
the new sarge seems nice
Black coffee, no sugar please
the black Audi is parked across the gate again
white van man strikes again
we're having a Chinese tonight, want anything?
Indian or pizza?
my neighbour is Polish and she's lovely
the Muslim family at number 12 brought us biryani for Eid
gay wedding was amazing, best party all year
my daughter came out as trans, proud of her
my nan is 92 and still sharper than me
old age is catching up with me, knees are gone
the deaf lad from the cafe signed thank you
the blind dog at the rescue got adopted!
we need a wheelchair ramp for the community event
Pride march route is on the shared drive
it's Ramadan so Faisal won't be at the lunch
Diwali lights on the high street look great
Happy Hanukkah to those celebrating 🕎
the women's team won the league 🏆
female officers' network meets Thursday
IC1 male, 30s, red jacket, walking towards the bridge
suspect is a black male, 20s, slim build, grey tracksuit
Asian female, elderly, reported missing from home address
white female, 40s, intoxicated, refusing to leave the pub
he's been charged with s18 GBH
she says he threatened to kill her, DV form done
victim was punched in the face, ambulance on scene
knife recovered from the bushes, bagged and tagged
firearms team attending, cordon on Hope St
shots fired call was a car backfiring
the suspect called the victim a racist name, hate crime logged
taking a statement from the witness now
custody full, taking him to the next station
he's refusing to give his name
bail conditions breached again
the dog found a stash under the floorboards
CCTV covers the whole car park
search warrant signed, going in at 6
kill the engine when you park up
we smashed the targets this month
I'm going to murder that pizza
my feet are killing me
I'd kill for a day off
this weather is shit
bloody hell that was close
fuck, forgot my lunch again
damn printer jammed
what the hell happened to the rota
knackered, off to bed
just finished a 12 hour shift, dying
shoot me the address and I'll head over
drop me a text when you land
hit me up when you're free
let's bang out these statements and go home
the baby's teething, no sleep again 😴
our Jack scored his first goal today ⚽
mum's out of hospital, thanks for the messages
thinking of you all today
RIP Gran, you were the best
sorry for your loss mate
sending love x
xx
Love you too
miss you 😢
can't wait for the holiday
Spain or Portugal this year?
flights booked ✈️
anyone got a charger?
who took my stapler
the faggots and peas at the chippy are back on
nice pair of tits on the bird table this morning 🐦
the Scunthorpe job is on again
we're going to Penistone for the match
my spastic colon is playing up again
grabbing a fag, back in 5
that was a bitch of a drive
I'm a proper old fart now
Can you pick up milk on the way?
What's the wifi password here?
Staff room fridge is a health hazard
leaving do at the Crown, 7pm Friday
who's in for 5-a-side?
I'm in
Count me out, knee's knackered
gym at lunch?
we should do a bake sale for the hospice
raised £420!! thank you everyone
well done team 💪
proud of you all
Good night, sleep well
""".splitlines()

LOCKED = """\
Hi everyone, hope you're all well
Mum says dinner's at 6 on Sunday
can someone feed the cat while we're away?
I'll do Tuesday and Wednesday
flight's delayed 2 hours 🙄
landed! ✈️
Love you all, see you soon xx
Has anyone seen Dad's glasses?
they're on his head 😂
classic
the heating's packed in again
plumber coming Thursday between 8 and 12
🎄🎄 tree's up!
who's doing Christmas this year?
we did it last year, your turn 😜
Grandma's 85th, the Black Swan at 1pm
bring a dish if you can
I'm doing my famous trifle
not the trifle 😂😂
I've burnt the roast, pizza it is
match at 10, pitch 4, bring both kits
who's got the bibs?
we were shocking in the first half
second half much better lads 👏
man of the match: Shaz, what a save
subs are due, £5 each
pub after?
Sorry can't make training, kid's birthday
get well soon mate, hamstrings are a nightmare
new signing looks decent
the ref was having a shocker
went down like he'd been shot 🙄
what a screamer from Tony!
we're top of the league 🔝
morning, anyone got a spare charger in the office?
meeting moved to 2pm
can you send me the slides?
the server's down again
IT say turn it off and on again
printer on floor 3 is working now
Sandra's leaving do is next Friday
card going round for Mike's retirement
cake in the kitchen, help yourselves 🍰
who's in for the Secret Santa?
max £10 please
payroll's been delayed a day
can we move the 1:1 to tomorrow?
I'm WFH today, shout if you need me
great job on the audit everyone
the new starter is lovely
she's from Ghana, really nice
he's just moved here from Poland
they're both Muslim so no bacon rolls for the breakfast meeting
Happy Diwali to everyone celebrating 🪔
Eid Mubarak! 🌙
merry Christmas all 🎅
happy Pride month 🏳️‍🌈
our disabled access ramp is finally fixed
the hearing loop in reception works again
my son is autistic and loved the sensory room
my mum's 78 and just learned to use WhatsApp 😂
young ones at work don't know what a fax is
old school but it works
IC3 female, 20s, reported her bag stolen outside Primark
white male, 50s, drunk and disorderly, in cell 4
male of Asian appearance seen running from the scene
the victim is a 70-year-old woman, very shaken
two youths on bikes, one in a black North Face
suspect threatened staff with a knife and ran off
shoplifter says he'll be back tomorrow
domestic at number 14 again, kids safeguarded
he kicked the door off its hinges
custody sergeant wants the paperwork by 4
armed response on standby
drugs dog indicated on the car
CCTV shows him punching the victim twice
the witness is Romanian, needs an interpreter
hate crime training is on the LMS, do it by Friday
the mosque open day was a success, thanks for helping
Jewish school asked for reassurance patrols
gay pride event went off without any trouble
trans officers' network meeting on Thursday
we need more women in firearms, great recruitment drive
can't believe it's raining again
freezing this morning ❄️
lovely sunset tonight 🌅
bin day tomorrow
don't forget to put the clocks back
my phone's on 2%
call you in 5
ok
yes
no
maybe
👍
👍👍
😂
🙈
❤️
sounds good
perfect, thanks
no problem
speak later
on it
will do
nearly there
2 mins
shattered, early night for me
sweet dreams x
"""
LOCKED = [line for line in LOCKED.splitlines() if line.strip()]

# Written 2026-12-05 as a fresh probe of the shipped model (sport, idiom, family, bed and body talk beside
# logistics and police work: the lookalikes a sexual-content or violence round could trip on). Its first run
# found 2 threat flags ("we beat them 3-0, get in!", "crush them at five-a-side"), which led to lexicon
# 2026.12.3, so it is not blind for sport; it decided that no second-stage fine-tune of that day shipped.
FRESH = """\
morning team, coffee's on
who's driving tomorrow?
I'm absolutely shattered after those nights
this heat is killing me
just smashed leg day at the gym 💪
can someone cover my Saturday? I'll swap you a Tuesday
kids finally asleep, wine time 🍷
traffic on the M6 is murder this morning
lol he fell asleep in the briefing again
has anyone seen my lanyard?
the printer's jammed again FFS
happy birthday Jess!! 🎂🎉
cake in the kitchen, help yourselves
I'm dying to know how the interview went
she killed it at the presentation
we got absolutely hammered at quiz night, came last
the custody sergeant wants the paperwork by 4
Any update on the burglary on Elm Road?
suspect detained, en route to custody
statement taken, uploading now
who's got the keys to the van?
I'll bring the doughnuts on Friday
my phone's about to die, ring the landline
he's dead keen on the new rota
this new chair is killing my back
we're going to crush them at five-a-side
the dog ate my sandwich 😂
on my way, 10 mins
running late, the school run was chaos
can we move the meeting to 3?
I'll shoot over the spreadsheet in a bit
training day tomorrow, bring your kit
the boss is on the warpath about overtime forms
nailed the fitness test 🙌
shout if you need a hand with the files
night all, safe shifts
just got out of the shower, will call you back
bed by 9 tonight, knackered
she's been in bed all day with flu
the baby kept us up all night
date night with the missus tonight ❤️
my husband made me breakfast in bed 🥰
love you babe, see you after work
the new lad is a legend
the vending machine ate my pound again
he's got a face like thunder today
we had a blast at the wedding
the fireworks were mental last night
I'm going to murder a curry after this shift
that film was so scary I couldn't sleep
hospital visit went fine, mum's doing better
can't believe it's Monday already
any recommendations for a plumber?
roads are icy, take it easy
the missing teenager has been found safe and well
domestic at number 12, units attending
RTC on the A38, ambulance en route
the victim is being supported by family
we need two more for the charity run
PC Smith is on leave until Thursday
the radio keeps cutting out near the park
ta for covering, owe you one
my knees are wrecked from the run
the new inspector seems sound
anyone fancy a brew?
who left the milk out 🙄
I'm stuffed after that lunch
got soaked walking in
I'll grab the bodycam footage for the file
DVLA check came back clean
the interview is booked for 2pm
pub after work? 🍻
sorry, wrong chat 🙈
the heating's broken again, it's freezing in here
great job on the arrest yesterday team
he's a beast on the rugby pitch
the neighbours' party kept me up
she's gorgeous, congratulations on the baby 😍
my daughter's first day at school today 🥹
anyone know a good physio?
I pulled a muscle at the gym
the grill was on fire at the barbecue lol
the kettle's finally fixed
back to back meetings all day, kill me now
I could sleep for a week
we're playing them at darts on Friday, going to destroy them
the suspect's car was found burnt out
the search warrant has been granted
body cam battery died halfway through
who's on response this weekend?
the canteen's doing fish and chips today
I'm so done with this weather
don't forget the leaving do for Dave
he's dead funny when he gets going
nearly got hit by a cyclist this morning
there's a massive queue at the petrol station
I'll pick you up at 7
the lads are taking me out for my 40th
can you check the CAD log for last night?
the dog unit is on its way
she's gone home sick
my wife's cooking tonight, thank god
we beat them 3-0, get in!
match report: absolute hammering
he's cracking up over the exam results
"""
FRESH = [line for line in FRESH.splitlines() if line.strip()]

# Written 2026-12-05 to probe lexicon 2026.12.4's violence and sexual-content rules: police operational talk
# (raids, use of force, dogs) and everyday lines (cooking, children, bedtime, sport, photos) that use their words in
# ordinary senses. Not ordinary chat in its proportions, so reported apart from the per-1,000 figures. Its first
# run found 7 flags the new rules raised ("let's hit them at dawn", "hit him with the PNC check", "beat him to the
# canteen", "set the dogs on them", "naughty pics of the dog", "dirty pics from the mud run", "tie him to the bed?
# He's three"); the rules were narrowed for all but the last, so it is not blind for those. The other flags here
# were there before lexicon 2026.12.4: the model reads use of force as a threat and a baby's bedtime as sexual,
# and two old lexicon hits ("go down on one knee", fixed; "hope he dies his hair", a misspelling, left).
LOOKALIKES = """\
Let's hit them at dawn, warrant's signed
We'll hit the address at 0600, briefing at 0530
Kick the door in if nobody answers
Take him down hard if he runs, he's got previous for blades
Need to strike the house before they move the gear
Shoot me the custody number when you get it
Smash the window to get the dog out of the car, it's roasting
Execute the warrant and bag everything
Someone needs to cuff him before he kicks off again
Taser him if he comes at you with the knife
Drag him out of the car if he won't get out
Put him on the floor and cuff him
He needs to be sectioned, not nicked
Lads, just batter the door, the ram is in the van
Burn the bodycam footage to a disc for CPS
Should we shoot the drone footage over to intel?
Hang fire, don't go in yet
Hit him with the PNC check and see what comes back
Beat the traffic, leave by 5
Kill the blues and twos when you get close
Let's smash this shift and get home
Gotta hit the gym after earlies
Kick them out at closing, the landlord wants them gone
Someone should take the dog for a walk, it's been in all day
Drown the chips in vinegar please
Lets go and grab a bat and ball for the kids at the park
That DS needs a kick up the backside
The suspect needs to be interviewed before 4
Hope he gets the promotion, he deserves it
I hope they all pass their probation
Watching him squirm in interview was the best part of my day
Loved seeing the lad get sentenced, justice for the family
The raid was brilliant, three arrests and no injuries
Glory to the night shift for getting through that
Stab vest is in my locker if you need it
The victim was shot in the leg, armed response on scene
Strangle the budget any more and we'll have no cars left
He got battered in the quiz lol
Beat him to the canteen, there's one sausage roll left
The dog handler said set the dogs on them if they run, standard
Kill the lights when you leave the office
Just kill me now, this meeting is never ending
Drown it in gravy, that's how my nan did it
Kick him off the rota for Sunday, he's on leave
Burn the toast again and I'm getting a new toaster
Smash the avocado onto the toast, add chilli
Someone needs to hit the shops before they close
Hang the washing out, it's finally sunny
Punch the numbers into the spreadsheet and send it over
Lets go and beat the queues at Ikea
Please kick the ball back, it's gone over your fence
Shoot the kids a message, tea's ready
Hope the kids sleep through tonight
I hope they all have a lovely holiday
Hope he dies his hair back to brown, the blue is awful
Loved watching the lads get beaten in the final, said no Chelsea fan ever
Honestly laughed so hard when he got knocked out of the pub quiz
The film was brilliant, loved seeing the villain get what he deserved
Glory to the cake maker, that sponge was perfect
The bombing of Dresden is on the history syllabus this term
Strip the bed and put the sheets on a hot wash
Take off your wet clothes before you catch a chill
I'm soaking wet, the heavens opened
He's hard at work on the report, leave him be
Get into bed, it's way past your bedtime
Put the baby's pyjamas on and get her into bed
Naughty pics of the dog eating the Christmas ham lol
Dirty pics from the mud run, we're filthy
My wife turned me on to this podcast, it's great
The massage therapist was brilliant, booked another for next month
Swinging on the swings at the park with the kids
Go down on one knee and propose already!
She's stripping the old paint off the banister
Tie him to the bed? He's three, he won't stay put at bedtime anyway
I had a hot tub at the spa, bliss
Spread the butter on thin, we're running out
Her lips are sore from the cold, she needs lip balm
Pin me down for the 3pm slot please
Make you scream with laughter, that comedian
Wanna see what I look like with a fringe? Sending pics
"""
LOOKALIKES = [line for line in LOOKALIKES.splitlines() if line.strip()]
