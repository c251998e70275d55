"""Dutch phrase bank (Netherlands and Flanders; synthetic, non-explicit, phrased apart from the pack)."""

from childsafe.text.suites.banks._bank import Bank

BANK = Bank(
    language="nl",
    phrases={
        "names": "sanne|daan|lotte|sem|fleur|bram|noa|jesse|tess|milan",
        "platforms": "snap|insta|whatsapp|telegram|discord|tiktok",
        "greet": "hoi|heey hoe gaat ie|hallo :)|hey|yo|hai",
        "small": "wat ben je aan het doen|net terug van training|ik verveel me zo|heb je die video gezien|"
                 "heb zoveel huiswerk|ik eet pizza haha|het regent hier weer|"
                 "luister muziek|ik ben fan van dat nummer|eindelijk weekend",
        "ack": "ok|haha|hahaha|ja|jaa|weet niet|oke|hmm",
        "hesitant": "weet niet...|waarom?|misschien|weet ik niet zo|uhm|raar|weet het niet zeker|weet niet of dat mag",
        "g_age": "en hoe oud ben jij eigenlijk?|hoe oud was je ook alweer|je lijkt jong, hoe oud?|"
                 "welk jaar ben je geboren?|hoe oud word je dit jaar|en je leeftijd?",
        "g_school": "op welke school zit je|hoe heet je school|en waar woon je precies|"
                    "in welke wijk woon je|in welke klas zit je|welke school is dat bij jou",
        "g_alone": "is er nog iemand thuis bij je nu?|zijn je ouders thuis?|ben je vanavond alleen?|"
                   "hoe laat komen je ouders thuis|is je moeder in de buurt?|kijken je ouders in je telefoon?",
        "g_compliment": "voor je leeftijd ben je echt volwassen|je lijkt veel ouder|"
                        "je bent echt mooi eerlijk|ik snap jou beter dan wie ook|je bent anders dan de rest|"
                        "je kan mij alles vertellen",
        "g_gift": "als je wil geef ik je robux|ik kan die telefoon kopen die je wilde|"
                  "zal ik een cadeaukaart sturen?|ik regel die nieuwe skin voor je|ik zet beltegoed op je telefoon|"
                  "ik koop die schoenen voor je",
        "g_secret": "zeg niet tegen je moeder dat we praten|dit weten alleen wij tweeën|dit is ons geheimpje ok?|"
                    "je ouders zouden het niet snappen dus noem mij niet|niemand hoeft van ons te weten|"
                    "verwijder de chat daarna ok",
        "g_platform": "voeg me toe op {platform}|laten we op {platform} verder praten|wat is je {platform}|"
                      "app me op {platform} dat is privéer|heb je {platform}?|stuur me een privé bericht",
        "g_pic": "stuur een foto van jezelf|stuur je een selfie?|laat zien hoe je er nu uitziet, foto|"
                 "stuur een leuke foto alleen voor mij|doe je camera aan|even videobellen?",
        "g_meet": "we moeten een keer afspreken|ik kan je na school ophalen|"
                  "zullen we dit weekend in het echt afspreken?|kom langs bij mij thuis|ik kan naar jouw stad rijden|"
                  "we zien elkaar zaterdag in het winkelcentrum",
        "e_age": "je zit nog op school toch?|zit je op de middelbare of basisschool?|wanneer ben je klaar met school|"
                 "mag je al autorijden? haha|in welke klas zat je ook alweer|jij bent vast jonger dan ik haha",
        "e_alone": "heb je het huis voor jezelf vanavond?|dus het is alleen jij daar?|iemand in de buurt?|"
                   "wie is er nog wakker bij jullie|niemand die je stoort toch?|komt er tot laat niemand thuis?",
        "e_secret": "dit is gewoon ons ding ok|mensen zouden ons niet snappen|beter niet over praten|"
                    "hoeft niemand te horen|ik vertrouw erop dat je dit niet laat zien|alleen jij en ik ja?",
        "e_pic": "laat me je zien|wil zien hoe je er vandaag uitziet|je zou het me moeten laten zien|"
                 "nog eentje voor mij?|je bent me er een schuldig 😉|even kijken?",
        "e_meet": "we kunnen samen wat eten met z'n tweetjes|zou je zo graag echt zien|"
                  "volgende week ben ik in jouw buurt|we kunnen elkaar na de les zien|"
                  "ben je zaterdag vrij? ik kom langs|ik weet een rustige plek",
        "c_age": "ik ben {age}|{age} en jij|net {age} geworden|{age} haha|ben {age} hoezo|{age} jaar",
        "c_alone": "ja mijn ouders werken tot 7|mijn moeder slaapt|alleen ik en mijn hond haha|"
                   "mijn vader is weg|nee niemand thuis|ze komen laat thuis",
        "c_school": "op het stedelijk|ik zit op de school hier in de buurt|heet de regenboog|bij het park",
        "x_claim": "ik heb alles bewaard wat je stuurde|ik heb screenshots van de hele chat|"
                   "ik heb het gesprek opgenomen|"
                   "ik heb je foto's nog|ik heb alles gehouden|ik heb screens van jou",
        "x_threat": "ik stuur ze naar al je volgers|je familie gaat alles zien|"
                    "alles komt online|je hele school krijgt deze chat|"
                    "ik laat je ouders zien wat je gedaan hebt|ik stuur het naar je vrienden",
        "x_pay": "ik wil {n} euro aan cadeaukaarten|betaal me nu {n} euro|"
                 "stuur {n} in bitcoin|maak {n} euro over via tikkie|koop een cadeaukaart van {n} en stuur de code|"
                 "{n} euro via paypal",
        "x_deadline": "je hebt {h} uur|ik geef je {h} uur|voor middernacht anders is het klaar|"
                      "de tijd tikt|nog {h} uur|ik zeg het niet nog een keer",
        "x_flirt": "je bent zo schattig|ik praat graag met je|je zag er geweldig uit op die|"
                   "je bent echt grappig|stuur er nog een|je laat me lachen",
        "v_plead": "alsjeblieft niet|ik heb geen geld|ik ben pas {age} alsjeblieft|alsjeblieft ik smeek je|"
                   "zoveel krijg ik niet bij elkaar|verwijder het alsjeblieft",
        "d_a": "@age? hoe oud ben je als ik vragen mag|@age? en jouw leeftijd?|je bent echt knap|"
               "zin om vrijdag wat te drinken?|volg me op insta|stuur een foto van de wandeling|"
               "ik haal je om 8 uur op|mijn huisgenoot is er vanavond niet",
        "d_b": "@age? en hoe oud ben jij?|@age? hoe oud was je ook alweer|ik ben verpleegkundige|vrijdag is goed|"
               "haal me om 8 uur op|jij bent ook leuk haha|wat is je snap|ik ben net verhuisd",
        "t_a": "@age? hoe oud ben je|@age? en je leeftijd?|op welke school zit je|add me op snap|"
               "zeg tegen niemand dat ik hem leuk vind|mijn ouders zijn vanavond weg haha|stuur de foto van het feest|"
               "gaan we fortnite spelen",
        "t_b": "@age? en jij hoe oud|@age? hoe oud ben jij dan|wat is je snap|haha ik ook|"
               "mijn moeder kijkt soms in mijn telefoon|het is geheim ok|ben alleen thuis zo saai|"
               "stuur de foto van het huiswerk",
        "p_parent": "ben je alleen thuis?|zeg niks tegen papa over het verrassingsfeest|hoe laat is de training klaar|"
                    "ik haal je om 5 uur op|stuur een foto van je huiswerk|je hebt 2 uur om je werkstuk af te maken|"
                    "is er iemand bij je?|hou van je, pas goed op",
        "p_child": "ja ik ben thuis|ok ik zeg niks|haal je me om 5 uur op?|stuur me 10 euro voor de lunch aub|"
                   "mam mag ik naar sanne|het is ons geheim haha|mijn huiswerk is af|mijn batterij is bijna leeg",
        "k_teacher": "welk cijfer had je voor de toets|stuur een foto van je opdracht|training is nu om 4 uur|"
                     "je ouders moeten het formulier tekenen|je hebt 24 uur om het verslag in te leveren|"
                     "de verrassing voor de trainer blijft tussen ons|"
                     "ik kan je naar de wedstrijd brengen als je ouders het goed vinden|"
                     "goed gedaan vandaag",
        "k_student": "mag ik het morgen inleveren|ik zit in de tweede|mijn moeder tekent het|ok trainer|"
                     "ik stuur de foto zo|mijn ouders vinden het goed|dankjewel!|hoe laat gaat de bus",
        "m_a": "@age? hoe oud ben je|@age? je klinkt jong, leeftijd?|gg|voeg me toe op discord|"
               "ik geef je mijn extra skin|zeg niet tegen je moeder dat je om 2 uur gamet haha|stuur je vriendcode|"
               "ik carry je",
        "m_b": "@age? en jouw leeftijd?|@age? hoe oud ben jij bro|gg wp|wat is je discord|bedankt voor de skin|"
               "morgen weer spelen|mijn ouders slapen haha|ik koop de battle pass",
        "s_agent": "kunt u een screenshot van de fout sturen|wat is uw klantnummer|"
                   "uw betaling van 49,99 via ideal is gelukt|u heeft 24 uur om uw e-mail te bevestigen|"
                   "deel uw code met niemand|verwijder het bericht met uw wachtwoord|"
                   "we sturen u een cadeaukaart voor het ongemak|kan ik nog ergens mee helpen",
        "s_customer": "er is twee keer afgeschreven|hier is de screenshot|mijn bestelnummer is 5521|"
                      "kunnen jullie het terugbetalen|ik heb het bericht verwijderd|bedankt voor de hulp|"
                      "ik heb met een cadeaukaart betaald|de app crasht steeds",
    },
    school_years={
        11: ("ik zit in groep 8", "groep 8", "zit in groep acht"),
        12: ("brugklas", "ik zit in de brugklas", "eerste klas middelbare"),
        13: ("ik zit in de tweede", "2e klas", "tweede klas"),
        14: ("derde klas", "ik zit in de derde", "3e klas havo"),
        15: ("ik zit in de vierde", "4 vwo", "vierde klas"),
    },
    sexes=("m", "j", "meisje", "jongen"),
    chat={"even": "ff", "misschien": "mss", "waarom": "wrm", "gewoon": "gwn", "mijn": "mn", "niet": "nie"},
)
