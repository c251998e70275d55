"""English phrase bank (synthetic, non-explicit, indicator-style; phrased apart from the packs)."""

from childsafe.text.suites.banks._bank import Bank

BANK = Bank(
    language="en",
    phrases={
        "names": "skyler|jaybird|mike_r|lunaa|coolguy|emz|tyler|danny|kayla|rob",
        "platforms": "snap|insta|discord|telegram|whatsapp|kik",
        "greet": "hey|heyy whats up|hi there|yo|hello :)|sup",
        "small": "what u up to|just got back from practice|so bored rn|did u see that video|"
                 "my teacher gave us sooo much homework|im eating pizza lol|its raining again here|"
                 "listening to music|i love that song|weekend finally",
        "ack": "ok|lol|haha|idk|yeah|k|sure|hmm",
        "hesitant": "idk...|why?|maybe|i dont know about that|umm|thats kinda weird|not sure|idk if i should",
        "g_age": "wait how old r u again|whats ur age btw|how old are u anyway|u look young, whats ur age?|"
                 "so ur age is?|how many years old r u",
        "g_school": "which school do u go to|whats the name of ur school|where do u live anyway|"
                    "what part of town r u in|what grade r u in now|wat school u at",
        "g_alone": "so is anyone else home rn|r ur parents home?|u by urself tonight?|"
                   "when do ur parents get back|is ur mom around|does anyone check ur phone",
        "g_compliment": "ur really mature for ur age|u seem way older than u are|"
                        "ur so pretty honestly|nobody gets u like i do|ur different from other girls|"
                        "i feel like u can trust me with anything",
        "g_gift": "i could get u some robux if u want|i can buy u that phone u wanted|"
                  "want me to send u a gift card?|ill get u the new skin|i can top up ur phone|"
                  "i could pay for ur nails",
        "g_secret": "dont tell ur mom we talk ok|this stays between u and me|keep this our secret|"
                    "ur parents wouldnt get it so dont mention me|no one needs to know about us|"
                    "delete our chat after ok",
        "g_platform": "add me on {platform}|lets talk on {platform} instead|whats ur {platform}|"
                      "hmu on {platform} its more private|do u have {platform}?|dm me on {platform}",
        "g_pic": "send me a pic of u|can i see a selfie|show me what u look like rn|"
                 "send a cute pic just for me|turn on ur cam|can we video call",
        "g_meet": "we should meet up sometime|i can pick u up after school|"
                  "wanna hang out this weekend irl|u should come to mine|i could drive to ur town|"
                  "lets meet at the mall saturday",
        "e_age": "ur still in school right?|u in high school or middle?|so when do u finish school|"
                 "u old enough to drive yet?|what year r u in|bet ur younger than me lol",
        "e_alone": "anyone around at urs rn?|so its just u there tonight?|u got the place to urself?|"
                   "who else is up at ur house|any1 gonna walk in on u?|so ur on ur own till late?",
        "e_secret": "this is just a u and me thing ok|ppl wouldnt understand what we have|"
                    "lets keep it quiet|nobody has to hear about this|i trust u not to share this|"
                    "just between the 2 of us yeah",
        "e_pic": "let me see u|i wanna see how u look today|u should show me|"
                 "one more for me?|u owe me one 😉|can i get a look",
        "e_meet": "we could grab food sometime just us|id love to see u in person|"
                  "i'm in ur area next week|we could link up after class|u free saturday? i could come by|"
                  "i know a quiet spot we could go",
        "c_age": "im {age}|{age} wbu|i just turned {age}|{age} lol|im {age} why|{age} and u",
        "c_alone": "yeah parents at work till 7|my mom is asleep|just me and my dog lol|"
                   "dad went out|nope everyones out|they dont get back till late",
        "c_school": "lincoln middle|i go to westfield|its called st marys|near the park",
        "x_claim": "i saved everything u sent|i screenshotted the whole chat|i recorded the call|"
                   "i still have ur pics|i kept all of it|i have screenshots of u",
        "x_threat": "i will send them to all ur followers|ur family is going to see everything|"
                    "ill post it all online|everyone at ur school will get this chat|"
                    "i'll show ur parents what u did|i'm sending it to ur friends list",
        "x_pay": "send {n}$ on a steam card|pay me {n} dollars now|"
                 "i want {n} in bitcoin|send ${n} on cash app|buy a {n} dollar gift card and send the code|"
                 "{n} usd via paypal",
        "x_deadline": "u have {h} hours|u got {h} hrs|by midnight or its done|"
                      "clock is ticking|{h} hours left|im not asking again",
        "x_flirt": "ur so cute|i like talking to u|u looked amazing in that|"
                   "ur really fun to talk to|send me another one|u make me smile",
        "v_plead": "please dont|i dont have money|im only {age} please|please im begging u|"
                   "i cant get that much|pls delete it",
        "d_a": "@age? how old are u btw|@age? so whats ur age if u dont mind|ur really cute|"
               "wanna grab a drink friday?|add me on insta|"
               "send me a pic from ur hike?|i can pick u up at 8|my roommate is out tonight|"
               "dont tell ur sister i said that lol|what do u do for work|i'm 29 btw",
        "d_b": "@age? and ur age?|@age? wait how old r u|im a nurse|sure friday works|u can pick me up at 8|"
               "haha ur cute too|lets keep the first date simple|ur snapchat name?|i just moved here",
        "t_a": "@age? how old r u|@age? wait ur age?|what school do u go to|add me on snap|dont tell anyone i like him|"
               "my parents are out tonight lol|send me the pic from the party|wanna play fortnite|"
               "r u going to the dance",
        "t_b": "@age? wbu how old|@age? how old r u anyway|ur snapchat name?|omg same|my mom checks my phone sometimes|"
               "keep it a secret ok|i'm home alone, so bored|send me the homework pic|lets facetime later",
        "p_parent": "are u home alone?|dont tell dad about the surprise party|what time does practice end|"
                    "i'll pick u up at 5|send me a pic of ur homework|u have 2 hours to finish ur project|"
                    "is anyone with u?|love u, be safe",
        "p_child": "yes im home|ok i wont tell him|can u pick me up at 5|"
                   "send me 10 dollars for lunch pls|mom can i go to jakes house|its our secret lol|"
                   "i finished my homework|my phone is almost dead",
        "k_teacher": "what grade did u get on the test|send a photo of ur assignment|"
                     "practice is moved to 4pm|ur parents need to sign the form|"
                     "u have 24 hours to submit the essay|keep the surprise for coach between us|"
                     "i can give u a ride to the game if ur parents agree|great job today",
        "k_student": "can i submit it tomorrow|im in 8th grade|my mom will sign it|"
                     "ok coach|i'll send the photo now|my parents said yes to the ride|"
                     "thank u!|what time is the bus",
        "m_a": "@age? how old r u|@age? u sound young, age?|gg|add me on discord|ill give u my extra skin|"
               "dont tell ur mom ur gaming at 2am lol|send me ur friend code|"
               "u have 2 mins to respawn|i'll carry u",
        "m_b": "@age? ur age?|@age? how old r u bro|gg wp|whats ur discord|thanks for the skin|"
               "lets play again tomorrow|my parents are asleep lol|sent|i'll buy the battle pass",
        "s_agent": "can u send a screenshot of the error|whats ur account number|"
                   "ur payment of 49.99 via paypal went through|u have 24 hours to confirm ur email|"
                   "please dont share ur code with anyone|delete the message with ur password|"
                   "ill send u a gift card for the trouble|is there anything else",
        "s_customer": "i was charged twice|here is the screenshot|my order number is 5521|"
                      "can u refund me|i deleted the message|thanks for ur help|"
                      "i paid with a gift card|the app keeps crashing",
    },
    school_years={
        12: ("im in 7th grade", "7th grade", "im in year 7"),
        13: ("8th grade", "im in 8th grade", "year 8"),
        14: ("im in 9th grade", "freshman lol", "year 9"),
        15: ("sophomore", "im in 10th grade", "year 10"),
    },
    sexes=("f", "m"),
    chat={"you": "u", "are": "r", "your": "ur", "please": "pls", "tonight": "tn", "tomorrow": "tmrw", "because": "bc"},
)
