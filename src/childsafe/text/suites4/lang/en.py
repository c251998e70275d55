"""English, as written in chat: dropped apostrophes, "u", "ur", "rn", "ngl", lower case."""
# ruff: noqa: E501 - a phrase bank is data: one slot a line, however long

from __future__ import annotations

import random

__all__ = ["BANK", "school_year"]


def school_year(age: int, rng: random.Random) -> str | None:
    """US grades (grade + 5 = age) or UK years (year + 4 = age); freshman 14, sophomore 15."""
    if 11 <= age <= 17 and rng.random() < 0.6:
        grade = age - 5
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(grade, "th")
        return rng.choice((f"{grade}{suffix} grade", f"grade {grade}"))
    if age == 14 and rng.random() < 0.5:
        return "freshman year"
    if age == 15 and rng.random() < 0.5:
        return "sophomore year"
    if 11 <= age <= 17:
        return f"year {age - 4}"
    return None


BANK = """
_name: jake | emma | tyler | mia | liam | chloe | noah | ava | mason | lily | ethan | zoe | ryan | maddie | kyle
_nick: skater | moon | cookie | ghost | sunny | pixel | storm | kitty | rogue | blaze
_laugh: lol | lmao | haha | hahaha | 😂 | lolol
_tag: lol | bro | omg | fr | ngl | tbh | lowkey | idk | bruh | xd
_sex_f: f | F | girl
_sex_m: m | M | boy
_numbers: 10=ten, 11=eleven, 12=twelve, 13=thirteen, 14=fourteen, 15=fifteen, 16=sixteen, 17=seventeen
_app: snap | sc | insta | telegram | discord | kik | whatsapp | signal | wickr | the other app
_game: fortnite | roblox | minecraft | valorant | cod | genshin | apex
_coins: 1000 vbucks | 800 robux | a 2k robux card | a battle pass | skins | 500 gems | the new bundle
_obj: ur pics | the pics u sent | ur photos | the video | those selfies
_obj_vague: it | them | everything | this chat | all of this | what u sent me | ur stuff | our convo
_target: ur friends | everyone on ur followers list | ur school | ur mom | ur whole family | ur class groupchat | every contact u have
_amount: $200 | 150 dollars | $50 | 300 usd | 100 bucks | $500 | £80 | 250 euros
_method: amazon gift cards | steam cards | apple gift card | cashapp | venmo | zelle | bitcoin | 0.01 btc | usdt | paypal friends and family | google play cards | vbucks
_deadline: by tonight | u have an hour | before midnight | u got 30 min | by tomorrow morning | before school tomorrow | in 2 hours | tonight or its over

# --- grooming, offender
g_open: hey saw ur post, ur drawings r actually so good | hii u seem cool, wanna chat? | hey :) we have the same fav band lol | hi i think we have friends in common? | ur edits r fire, how do u make them
g_open_peer: heyy im new here, u seem chill | hiii saw u in the comments lol ur funny | hey do u go to lincoln? i think i saw u | yo u like the same shows as me haha
g_open_game: gg that was insane, u carried | yo ur good at {game}, wanna duo? | u need a teammate? i can help u rank up | nice build lol, add me?
g_age: how old r u? | age? | wait how old are u | u seem young, how old | so whats ur age
g_asl: asl? | a/s/l? | asl lol | asl pls
g_grade: what grade r u in? | what year r u in school | so u in middle school or high school? | what grade tho
g_bday: when's ur bday? | so when's ur birthday | what year were u born | u a summer baby or what lol, when's ur bday
g_drive: do u drive yet? | u got ur license? | can u drive or nah | do ur parents still drive u everywhere lol
g_peer: im {n} btw | same lol im {n} | im {n} too haha | {n} here, my mom is so annoying
g_mature: ur so mature for ur age | u dont talk like other kids ur age | ur way smarter than people my age honestly | u seem older than u are
g_trust: i feel like i can tell u anything | ur kinda special to me ngl | i never talk to anyone like this | u get me more than anyone
g_parents: ur parents dont really get u huh | do ur parents let u have friends online? | ur mom sounds so strict, u deserve better | ppl at home dont appreciate u
g_alone: r u home alone rn? | who's home atm | are ur parents asleep yet? | is anyone in ur room? | when r u by urself usually
g_phone: does anyone check ur phone? | does ur mom look at ur messages? | do u have a passcode lol | do ur parents go thru ur stuff
g_secret: this is just between us ok | dont tell anyone about me, they wouldnt understand | lets keep this our thing | ppl would make it weird, so keep it to urself | u can keep a secret right
g_delete: delete this chat after ok | can u delete our msgs when we're done | clear the chat just in case | turn on disappearing messages
g_gift: i can get u {coins} if u want | want a gift card? 😊 | i'll top up ur phone, no big deal | i could send u something nice, whats ur fav store | let me buy u {coins}
g_platform: got another app? | add me on {app}, its better there | this app is weird, we can talk on {app} | whats ur {app}? | lets move to {app}, more private
g_pic: send a pic of u? | wanna see ur face, send a selfie | show me what ur wearing today | send one just for me | u got any new pics
g_cam: can we video call? just us | wanna facetime later when ur alone | turn ur cam on for a sec | i want to hear ur voice, call me tonight
g_meet: we should meet up sometime | i could pick u up after school | i'll be near ur town saturday, wanna hang? | we could get food, my treat, no one has to know | where do u live, roughly
g_reveal: im actually {n}, hope thats ok | ok so im {n} lol, does that bother u? | im older than u, {n}, but age is just a number | dont freak out but im {n}
g_pressure: if u trusted me u would | come on dont be like that | i thought u were different | u said u would
g_reassure: dont worry ur not in trouble | i'd never do anything bad | relax its fine | nothing weird i promise

# --- child
c_greet: hii | hey | heyy thanks | omg thank u | hi who is this | heyyy
c_you: u? | wbu | and u? | how about u
c_dodge: why do u wanna know lol | idk does it matter | guess haha | not telling | why
c_thanks: aww thanks | really? | haha thank u | nobody ever says that
c_soft: same | aww | me too i guess | u too
c_parents: ya they r so strict | they dont care | idk my mom is ok | they r always working
c_alone: ya mom's at work | just me and my dog | my brother is here | they're asleep lol | nah my dad is home
c_phone: no one checks it lol | my mom does sometimes | nah i have a password | they dont know how
c_secret: ok i wont tell | ok | i wont say anything | who would i even tell lol
c_okay: ok | okok | sure | k | okay
c_gift: omg really? | u dont have to | wait fr? | thats so nice
c_platform: i have snap | ok adding u | i only have insta | my mom doesnt let me have that | wait whats ur user
c_pic: maybe later | idk | im not wearing anything special lol | i look bad rn | ok one sec
c_reveal: oh ok | thats kinda old lol | i guess its fine | wait really | doesnt matter i guess
c_hesitant: idk... | im not sure | maybe | thats kinda weird | i dont know about that
c_meet: idk my mom wouldnt let me | maybe | where | i cant go out alone | i could say im at a friends
c_bye: gtg | brb dinner | my mom is calling me | ttyl | gotta do homework
c_panic: please dont | i dont have money | please i'll do anything just dont | why are u doing this | my parents will kill me | i cant get that much | please delete it
c_who: who is this | what?? | who r u | do i know u

# --- age statements (the label records what these say)
age_bare: {n} | {n} u? | {n} lol | {n}. u?
age_sentence: im {n} | i'm {n} why | {n} years old lol | just turned {n} | im {n} and u
age_word: {w} | im {w} | {w} lol | {w} and u
age_asl: {n} {sex} | {n}/{sex} | {n} {sex} u? | {n} {sex} usa
age_birth_year: im a {y} kid | born in {y} | {y} baby lol | i was born {y}
age_school_year: {s} | im in {s} | {s} why | {s} lol its so boring
age_plea: please im only {n} | im {n} please dont | im literally {n}

# --- ordinary chat (both sides; no numbers)
o_q: what r u doing | did u watch the new episode | whats ur fav song rn | pizza or burgers | ugh i have so much homework | its so cold today | do u have pets | what music u into | u play any sports | whats for dinner at ur place | did u see that video i sent | are u going to the game | my wifi is so slow | what did u do this weekend | whats ur fav show rn | did u finish the project | that meme u posted was so funny | are u going to the party | i cant sleep | any plans for the holidays
o_r: nothing much, just chilling | yes it was so good | that new one from the radio, on repeat | pizza obv | same honestly, math is killing me | its raining here too | i have a cat, shes so lazy | idk a bit of everything | i do dance | we're having tacos | lmao yes so funny | maybe if my dad drives | mine too ugh | just stayed home tbh | stranger things, rewatching it | not yet its so long | ikr i found it on tiktok | idk maybe | same lol | visiting my grandma

# --- sextortion, offender
x_cold: i have something of urs | look what i found | u should see this | we need to talk
x_turn: ok enough games | now listen carefully | time to be serious | im not who u think
x_have: i have {obj} | i saved {obj} | i screenshotted {obj} | i recorded {obj}
x_hacked: i got into ur account, i have {obj} | i hacked ur phone, i can see everything | i have access to ur cloud, i have {obj}
x_threat: i'll send {obj} to {target} | everyone will see {obj} | i'll post {obj} everywhere | {target} is gonna get {obj}
x_demand: send {amount} in {method} | i want {amount} | pay {amount} and i delete it | {amount} on {method} and its gone | buy me {coins} and its gone
x_deadline: {deadline} | u have {deadline} | {deadline} or i post | clock is ticking, {deadline}
x_all_in_one: send {amount} in {method} {deadline} or {target} sees {obj} | {deadline}: {amount} or {obj} goes to {target}
x_pressure: dont test me | if u block me i post it | tick tock | i have ur followers list already | dont tell anyone or its over

# --- adults dating adults
d_open: hey, i liked ur profile | hi :) how's ur weekend | hey, ur smile in the 2nd pic is great | hello! we matched
d_reply: haha thanks | hey! good, u? | aw thank u | hi there
d_age_q: how old are u btw? | age? | if u dont mind me asking, how old r u | ur age isnt on ur profile
d_age_a: {n}, u? | im {n} | {n} haha | just turned {n}
d_pic: send me a pic? | got any more pics? | what do u look like today | send a selfie :)
d_pic_ok: here u go | lol ok one sec | only if u send one back | just sent
d_meet: drinks friday? | wanna meet for coffee this week | dinner saturday? | we should meet, im free sunday
d_meet_ok: id love that | sure, where? | yes! | sounds good
d_secret: dont tell anyone yet lol, my friends would tease me | lets keep it quiet for now | my ex cant find out haha
d_secret_ok: my lips are sealed | haha same | deal
d_platform: add me on whatsapp? | easier on insta, whats urs | text me instead, this app is glitchy
d_platform_ok: sure | ok sending u my number | done
d_alone: my roommate is away this weekend | my place is quiet tonight | my sister is staying over so not tonight

# --- teens with teens
t_open: omg hii | yo | heyy u in mr davis class? | saw ur story lol
t_reply: heyy | haha yes | omg same | lmaooo
t_handle: whats ur snap | add my insta | send ur @ | do u have discord
t_handle_a: its moonie.girl | ok adding u | mine is sunny.skates | check ur requests
t_secret: dont tell anyone i like him | promise u wont tell | its a secret ok | dont say anything to ur sister
t_secret_a: i swear | ofc not | my lips r sealed | omg who
t_delete: delete that pic of me lol i look so bad | delete it pls | u better delete that video haha | dont post that
t_parent_phone: my mom checks my phone sometimes ugh | my dad took my phone | my parents read my texts lol | im grounded again
t_meet: mall saturday? | wanna hang after school | sleepover at mine? | ice skating this weekend?
t_meet_a: yesss | ask ur mom | ill ask my dad | cant, grounded

# --- family
f_where: where r u? | u home yet? | did u get to school ok | r u at grandmas
f_where_a: at home | on the bus | at lunch | at practice
f_home_q: who's home? | is ur brother there? | is dad home yet | anyone home with u?
f_surprise: dont tell ur dad about the surprise | keep the party a secret ok | shhh dont tell ur sister what we got her | its a surprise for mom, dont say anything
f_pic: send me a pic of the shopping list | take a photo of the letter from school | send a pic of the fridge pls
f_pic_a: sent | one sec | ok | here
f_pickup: ill pick u up at six | dad will get u after practice | wait at the front door ill be there | take the bus home today
f_money: sent u some money for the trip, dont spend it all | i put credit on ur phone | grandma sent a gift card for u
f_bday_q: how old are u turning this year sweetie? | so how old are u now? i forget | my big grandkid! how old now?
f_love: love u | love u, be good | see u tonight ❤️ | miss u

# --- coaches and teachers
co_schedule: practice moved to thursday | no training tomorrow, field is closed | the game is at the north field saturday | rehearsal is in the music room
co_grades: grades are posted | ur essay was great | remember the math test on monday | project due friday
co_form: bring the permission slip signed by ur parents | get a parent to sign the form | parents need to fill in the medical form
co_photo: team photo tomorrow, wear the jersey | class photos are on the website | picture day is next week
co_ride: parents pick up at the gym at six | the bus leaves from school at eight | carpool list is in the group chat
co_q: do we need our cleats? | is practice still on | can i hand it in late | which chapter | is it on the test
co_good: good job today | great effort | see u there | well done everyone

# --- gaming
gm_trash: gg ez | ur trash lol | uninstall | bot | diff
gm_expose: i'll expose u for teaming | im exposing u in the server lol | everyone will know u cheated | i have the clip, ur done
gm_pay: pay up u owe me {coins} | u owe me {coins}, pay up | give me the {coins} u promised
gm_gift: i'll gift u a skin if u carry me | i can gift u {coins} | wanna trade skins
gm_platform: add me on discord | join the vc | dm me on discord
gm_report: reported lol | im reporting u | enjoy the ban
gm_reply: stfu | ok and | cope | lmao no | bet | whatever
gm_age: how old r u, u sound like a kid lol | ur voice is so high how old r u | r u even old enough to play this

# --- customer support and scam awareness
cu_issue: my order never arrived | i was charged twice | i cant log into my account | i got a weird message saying my account will be closed
sp_open: hi, thanks for reaching out, let me check | hello! sorry about that, can u give me ur order number | hi, im here to help
sp_giftcard: we will never ask u to pay with gift cards | please note: we never ask for payment in gift cards or crypto | gift cards are not a valid payment method for fees
cu_scam: someone said i have to pay in gift cards by tonight or they close my account | a guy asked for the code on my steam card, is that u?
sp_scam: thats a scam, please dont pay and dont share any codes | we never contact u like that, please report it | block them and dont send any money
sp_code: dont share ur verification code with anyone | never give ur password to anyone, not even us
sp_photo: can u send a photo of the receipt | please send a picture of the damaged item | a screenshot of the error would help
cu_photo: sent | here it is | ok attaching now
sp_refund: the refund of {amount} will be back within a week | ive issued a credit to ur account | u'll get a replacement by friday
sp_deadline: the offer ends tonight | u have until sunday to return it | the code expires in an hour
cu_thanks: thanks! | ok great | thank u so much | perfect

# --- talking about it (reported speech)
nw_grooming: did u read that article? a man asked kids how old they were and told them to keep it secret | the report says groomers tell kids theyre mature and ask if their parents check their phones
nw_sexto: police said the scammers threatened to send pictures to the kids friends unless they paid in gift cards | apparently they demand crypto and give a deadline, like an hour
nw_school: school sent a letter about sextortion today | the school talk was about online strangers asking for pics
nw_apps: they said offenders move kids to other apps fast | the article says they offer robux or gift cards first
nw_mod: we removed the account that was asking users for pics | mods: report anyone who asks ur age and for private chats
nw_reply: thats terrifying | glad they caught him | i'll talk to my kids tonight | good to know | wow

# --- near misses
nm_home: is ur mom home? | is she there rn? | r u alone, can u talk?
nm_surprise: dont tell her, its a surprise for her birthday | keep it secret, the party is saturday | we're all chipping in for her gift, shhh
nm_pic: can u send me a pic of her calendar | send a photo of the dress she liked
nm_delete: delete these msgs so she doesnt see lol | delete this before she sees | delete that pic, its terrible lol
nm_pickup: ill pick u up saturday for the decorating | ill grab u after school friday for the cake
nm_warn1: if someone online asks how old u are or where u live, tell me ok | remember nobody should ask u to keep secrets from us
nm_warn2: some people offer robux or gift cards to kids, its a trick | if anyone says move to another app, u come to me
nm_kid_q: even if they're nice? | what if its someone from school | what do i do then
nm_warn3: even then. u wont be in trouble | just show me, we'll block them together | always. u can tell me anything
nm_sib_threat: give me ur fries or i tell mom u broke the vase | i'll show mom the chat about the party unless u do my chores
nm_sib_pay: pay me with ur allowance by tonight or i'm telling | u have an hour to clean my room or mom finds out
nm_sib_reply: ur so annoying | fine | i hate u | snitch
nm_joke_age: wait r u even old enough to drink lol, how old r u | u act like a teenager lol, how old r u again
"""
