"""English lexicon of the second suite generator (US/UK chat spelling: u, ur, rn, wyd)."""

TEXT = """
names: jay | mia | tyler | zoe | kayden | ava | liam | chloe | mason | lily | ryan | emma | noah | maddie | josh
hello: hey | heyy | hiii | yo | hey there | sup | hi :) | heyyy whats up
ack: lol | ok | haha | kk | yea | ya | lmao | true | mhm | ikr | oh ok | nice
later: hey u there? | morning :) | sry was busy yesterday | u awake? | hiii again | missed talking to u
later: u went quiet lol
small_adult: wyd rn | how was ur day | what music u into | watched anything good lately | u play any games?
small_adult: whats ur fav food | did u have a good weekend | its so hot today | any plans for the weekend
small_child: just got home from school | so bored rn | doing hw ugh | my sister is so annoying
small_child: watching tiktoks lol | i have practice later | we had a sub today it was chaos | eating cereal
emoji: 😂 | 🙃 | 😅 | 🥺 | ❤️ | 👀
age_bare: {age} | {age} hbu | {age} u? | {age} lol | {age} y
age_sex_f: {age} f | {age}/f | f {age} | {age} f u?
age_sex_m: {age} m | {age}/m | m {age} | {age} m hbu
age_sentence: im {age} | i'm {age} lol | just turned {age} | im {age} why | {age} in march
age_volunteer: btw im only {age} lol | im {age} just so u know | ngl im {age} haha | wait u know im {age} right
adult_age_sentence: im {age} | {age} here | i'm {age} lol | turned {age} this year
grade_11: im in 6th grade | 6th grade
grade_12: im in 7th grade | 7th grade | in year 8
grade_13: im in 8th grade | 8th grade lol | in year 9
grade_14: im in 9th grade | freshman | 9th grade | in year 10
grade_15: im a sophomore | 10th grade | year 11
grade_16: im a junior | 11th grade
g_compliment: ur so mature for ur age | u look really pretty in ur pfp | ur way smarter than ppl my age
g_compliment: u seem different from other girls | ur so cute fr
g_age: how old are u | how old r u | asl? | wait how old are you again | hbu how old | u look young how old
g_school: what grade r u in | which school do u go to | do u like ur school | ur teachers strict?
g_alone: is ur mom home | who's home rn | are ur parents around | u alone rn? | when does ur mom get back
g_alone: do u have ur own room
g_trust: u can tell me anything | ur parents dont get u like i do | im the only one who really listens to u
g_trust: i'd never judge u
g_gift: i can get u a new phone | want me to send u some robux | ill buy u that hoodie u wanted
g_gift: i could top up ur phone if u want
g_secret: dont tell anyone about us | this is our secret ok | delete our chats after | ur mom wouldnt get it
g_secret: dont tell ur friends we talk
g_move: add me on {@apps} | lets talk on {@apps} its more private | whats ur {@apps} | download {@apps} and dm me
g_pic: send me a pic | can u send a selfie | show me what ur wearing | send a pic of u rn | pic? 📸
g_meet: lets meet at {@places} | i can pick u up after school | we should hang out irl | wanna meet up this weekend
g_meet: i could come to ur town saturday
e_age: ur still in school right? | when's ur bday, how many candles this year | u look young lol | ur parents strict?
e_alone: anyone around u rn? | can u talk freely rn | is the coast clear | r u in ur room | anyone watching ur phone?
e_secret: this stays with us ok | our little thing | nobody needs to know | keep this between u and me
e_secret: clear the chat after k
e_pic: wanna show me how u look today | let me see u | i wanna see that smile | show me ur outfit
e_pic: just one for me 🙈
e_meet: would be nice to see u for real | i could be near ur area sat | we could get food somewhere quiet
e_meet: i know a place we can chill
e_move: this app is weird lets go somewhere else | u got the app with the ghost? | msg me on the other one
c_alone: ya mom's at work till 6 | just me rn | everyone left | yea my dad works late | im in my room
c_not_alone: my mom is here | my brother is home | no why
c_school: i go to lincoln middle | its ok i guess | math is the worst | ya my teachers r strict
c_hesitant: idk | why | hmm maybe | idk about that | thats kinda weird | i dont think so | lol why
c_agree: ok | sure | kk | ok lol | yea ok | fine | deal
x_flirt: ur so cute | i like talking to u | ur different from other ppl | u make me smile
x_claim: i saved everything we talked about | i screenshotted all of it | i have all ur messages | i kept every chat
x_claim: i recorded our call
x_threat: ill send everything to ur friends | ur whole school will see it | i'll post it all and tag ur mom
x_threat: everyone on ur list gets it | ill make sure ur family sees all of it | say bye to ur reputation
x_threat: i know where u go to school and everyone there will know
x_threat_pic: ill share ur pics with all ur followers | ur photos go public tonight | i'll post ur pics everywhere
x_pay: send me {@pay} | pay {@pay} or else | i want {@pay} | u better send {@pay}
x_deadline: u have {@deadline} | {@deadline} or its over | clock is ticking ⏰ {@deadline} | do it in {@deadline}
pay: ${n} in gift cards | {n} dollars on cashapp | ${n} steam cards | {n} in roblox cards | {n} via venmo
pay: £{n} on paypal | ${n} in apple gift cards | 0.0{h} btc to {wallet} | {n} usdt | ${n} in vbucks
deadline: {h} hours | {m} minutes | till midnight | before school tmrw | {h}h
v_plead: please dont | i dont have money | please im begging u | i'll do anything just dont | why r u doing this
v_plead_age: im only {age} please | please im {age} i dont have that | im {age} how would i get that
apps: snap | snapchat | telegram | whatsapp | insta | kik | discord
places: the mall | the park by ur school | mcdonalds | the movies | the bus station
gifts: a new phone | airpods | robux | a hoodie
d_line: u look great in ur pics | so what do u do for work | drinks friday? | i had fun last night
d_line: my ex was a nightmare lol | u free this weekend? | im so tired after work | love that u like hiking
t_line: omg did u see what she posted | we have a math test tmrw ugh | my mom took my phone last night
t_line: dont tell anyone i like him ok | send pic of ur new shoes | whats ur fav show | wanna facetime later
m_line: gg | add me on discord | got a 50 steam gift card for my bday | send pic of ur setup
m_line: how many robux for that skin | lag again smh | u going to the lan party? | trade me ur vbucks code
m_line: my team is so bad | brb getting food | that clutch was insane
p_parent: is dad home yet? | dont tell ur sister about the party its a surprise | ill pick u up after school
p_parent: send me a pic of the shopping list | who's home rn? | dinner at 7 | did u finish ur homework
p_parent: grandma is coming at 5 | love u sweetie | text me when u get there
p_child: ok mom | yes dad is here | can i go to the mall with lea | im home | can u get me chips
p_child: dont tell dad i broke the vase | ok love u | whens dinner
k_adult: practice moved to 5 | keep the test date to urself dont tell the other class | send me a photo of ur homework
k_adult: are ur parents coming to the game | meet at the gym at 8 | good job today | dont forget ur permission slip
k_adult: who's picking u up today
k_kid: ok coach | yes miss | my mom drives me | thank u | sorry i forgot | can i hand it in tmrw
s_agent: please pay the balance of {n} within 24 hours or the account will be suspended
s_agent: can u send a photo of the receipt | never share ur code with anyone | the gift card balance is 0
s_agent: ur order ships tomorrow | is the account holder available | refund takes 3-5 days
s_customer: my gift card didnt work | i paid {n} with paypal and nothing happened | my order is late
s_customer: can i pay tomorrow | i sent the pic of the receipt | thx
n_lesson: warning signs of online grooming: someone asks "{@g_age}" or "{@g_alone}"
n_lesson: if anyone writes "{@g_secret}" tell a trusted adult | another red flag: "{@g_pic}"
n_lesson: groomers often say "{@g_meet}" after weeks of chat | never pay when someone says "{@x_threat}"
n_news: police say the man wrote "{@g_age}" and later "{@g_meet}" | article: scammers demand {@pay} within {@deadline}
n_news: the teen was told "{@x_threat}" and asked for {@pay}
n_react: thanks for sharing | this is scary | will talk to my kids tonight | good to know | 🙏
r_kid: this guy keeps writing "{@x_threat}" | he wants {@pay} | he said i have {@deadline}
r_kid: he asked "{@g_alone}" and it was weird | someone told me "{@g_secret}"
r_help: dont pay anything | screenshot everything and block him | we'll report it together | u did the right thing
r_help: ur not in trouble | im calling the police now
"""
