"""Dutch lexicon of the second suite generator (chat spelling: ff, wss, idd, ikke, jij?, hoezo, hvj)."""

TEXT = """
names: emma | daan | julia | sem | sophie | lucas | tess | finn | lotte | milan | sara | noah | fleur | levi
hello: hoi | hey | hallo | heyy | hee | yo | hoii hoe gaat ie | hai
ack: haha | ok | ja | jaa | xD | oja | idd | lol | oke | klopt | mwah | echt?
later: hey ben je er? | goeiemorgen :) | sorry was gister druk | ben je wakker? | hoi weer | miste je
small_adult: wat doe je | hoe was je dag | wat voor muziek luister je | nog een goeie serie gezien? | game je?
small_adult: wat is je lievelingseten | hoe was je weekend | zo warm vandaag | plannen voor het weekend?
small_child: net thuis van school | verveel me dood | huiswerk maken | m'n broertje is zo irritant
small_child: tiktoks kijken haha | heb straks training | we hadden een invaller chaos | ff eten
emoji: 😂 | 🙃 | 😅 | 🥺 | ❤️ | 👀
age_bare: {age} | {age} jij? | {age} en jij | {age} haha | {age} hoezo
age_sex_f: {age} m | {age} meisje | {age}/v | v {age}
age_sex_m: {age} j | {age} jongen | {age}/m | m {age}
age_sentence: ik ben {age} | ben {age} | ik ben {age} jaar | net {age} geworden | ben {age} hoezo
age_volunteer: btw ben pas {age} haha | zodat je het weet ik ben {age} | ik ben wel {age} he
age_volunteer: je weet dat ik {age} ben toch
adult_age_sentence: ik ben {age} | {age} | ben {age} haha | dit jaar {age} geworden
grade_11: zit in groep 8 | groep 8
grade_12: zit in de brugklas | brugklas haha | 1e klas
grade_13: zit in de 2e | 2e klas | tweede klas havo
grade_14: zit in de 3e | 3e klas | derde klas vwo
grade_15: zit in de 4e | 4e klas
grade_16: zit in de 5e | 5e klas vwo
g_compliment: je bent zo volwassen voor je leeftijd | je ziet er echt mooi uit op je pf
g_compliment: je bent slimmer dan mensen van mijn leeftijd
g_compliment: je bent niet zoals de rest | je bent zo schattig echt
g_age: hoe oud ben je | hoe oud ben jij? | en hoe oud ben jij | je ziet er jong uit hoe oud | leeftijd?
g_school: in welke klas zit je | op welke school zit je | vind je school leuk? | zijn je leraren streng?
g_alone: is je moeder thuis | wie is er nu thuis | zijn je ouders er? | ben je nu alleen?
g_alone: hoe laat komt je moeder thuis | heb je een eigen kamer?
g_trust: je kan mij alles vertellen | je ouders snappen je niet zoals ik | alleen ik luister echt naar je
g_trust: ik zou je nooit veroordelen
g_gift: ik kan een nieuwe telefoon voor je kopen | wil je robux? | ik koop die hoodie die je wou
g_gift: ik kan je beltegoed opwaarderen als je wil
g_secret: vertel niemand over ons | dit is ons geheimpje ok | verwijder de berichten daarna
g_secret: je moeder zou het niet snappen | zeg niet tegen je vriendinnen dat we praten
g_move: voeg me toe op {@apps} | laten we op {@apps} praten das privéer | wat is je {@apps} | download {@apps} en app me
g_pic: stuur me een foto | stuur ff een selfie | laat zien wat je aan hebt | stuur een foto van jou nu | foto? 📸
g_meet: zullen we afspreken bij {@places} | ik kan je ophalen na school | we moeten elkaar echt zien
g_meet: afspreken dit weekend? | zaterdag kan ik naar jouw stad komen
g_move~mix: add me op {@apps} pls | laten we op {@apps} praten, its more private
g_pic~mix: stuur ff een pic | send me een foto pls | stuur selfie rn
g_secret~mix: zeg niks tegen niemand ok? its our secret | dit blijft tussen ons, ok?
g_meet~mix: let's meet bij {@places} | zien we elkaar irl dit weekend?
e_age: je zit nog op school toch? | hoeveel kaarsjes waren het dit jaar | je ziet er jong uit haha
e_age: zijn je ouders streng?
e_alone: is er iemand bij je? | kan je vrij praten? | is de kust veilig? | zit je op je kamer?
e_alone: kijkt iemand op je telefoon?
e_secret: dit blijft tussen jou en mij | ons dingetje | niemand hoeft het te weten | wis de chat straks ok
e_pic: laat zien hoe je er vandaag uitziet | laat me je zien | wil die lach zien | laat je outfit zien
e_pic: eentje voor mij 🙈
e_meet: zou leuk zijn je echt te zien | zaterdag ben ik bij jou in de buurt | we kunnen ergens rustig eten
e_meet: ik weet een plek waar we kunnen chillen
e_move: deze app is raar we gaan ergens anders | heb je die met het spookje? | stuur me op die andere
c_alone: ja mama werkt tot 6 | alleen ik nu | iedereen is weg | papa is laat thuis | zit op m'n kamer
c_not_alone: m'n moeder is er | m'n broer is thuis | nee hoezo
c_school: zit op de school hier | gaat wel | wiskunde is het ergste | ja de leraren zijn streng
c_hesitant: weet niet | hoezo | hmm misschien | geen idee | raar | denk het niet | haha hoezo
c_agree: ok | prima | oke | ok haha | ja ok | goed | is goed
x_flirt: je bent zo schattig | praat graag met je | je bent anders | je laat me lachen
x_claim: ik heb alles opgeslagen | heb van alles screenshots | ik heb al je berichten | heb de hele chat bewaard
x_claim: ik heb het gesprek opgenomen
x_threat: ik stuur alles naar je vrienden | je hele school gaat het zien | ik post alles en tag je moeder
x_threat: al je contacten krijgen het | ik zorg dat je familie alles ziet | doei je reputatie
x_threat: ik weet op welke school je zit en daar gaat iedereen het weten
x_threat_pic: ik deel je fotos met al je volgers | je fotos komen vanavond online | ik post je fotos overal
x_pay: stuur me {@pay} | betaal {@pay} anders | ik wil {@pay} | je kan beter {@pay} sturen
x_deadline: je hebt {@deadline} | {@deadline} anders is het klaar | de klok tikt ⏰ {@deadline}
x_deadline: doe het binnen {@deadline}
pay: {n} euro via tikkie | €{n} in cadeaukaarten | {n} euro steam kaarten | {n} aan roblox kaarten
pay: €{n} via paypal | {n} euro paysafecard | 0.0{h} btc naar {wallet} | {n} usdt | €{n} aan vbucks
deadline: {h} uur | {m} minuten | tot middernacht | voor school morgen | {h}u
x_pay~mix: send me {@pay} nu | pay {@pay} of iedereen ziet het
x_threat~mix: ik stuur alles naar je friends | everyone op je school gaat het zien
v_plead: aub niet | ik heb geen geld | ik smeek je | ik doe alles maar niet dat | waarom doe je dit
v_plead_age: ik ben {age} aub | ik ben pas {age} ik heb dat niet | ik ben {age} hoe moet ik dat krijgen
apps: snap | telegram | whatsapp | insta | discord
places: het winkelcentrum | het park bij je school | de mac | de bios | het busstation
gifts: een nieuwe telefoon | airpods | robux | een hoodie
d_line: je ziet er top uit op je fotos | wat doe je voor werk | vrijdag wat drinken? | had het leuk gister
d_line: mijn ex was een ramp haha | vrij dit weekend? | kapot van werk | leuk dat je van wandelen houdt
t_line: zag je wat ze postte | morgen wiskunde toets bah | m'n moeder pakte gister m'n telefoon af
t_line: zeg tegen niemand dat ik hem leuk vind ok | stuur foto van je nieuwe schoenen | wat is je favo serie
t_line: straks facetimen?
m_line: gg | voeg me toe op discord | kreeg een steam kaart van 50 voor m'n verjaardag | stuur foto van je setup
m_line: hoeveel robux voor die skin | weer lag | ga je naar de lan party? | ruil je vbucks code met me
m_line: m'n team is zo slecht | brb eten halen | sick clutch
p_parent: is papa al thuis? | zeg niks tegen je zus over het feest is een verrassing | ik haal je op na school
p_parent: stuur me een foto van het boodschappenlijstje | wie is er thuis? | eten om 6 | huiswerk af?
p_parent: oma komt om 5 | hvj schat | app even als je er bent
p_child: ok mam | ja papa is er | mag ik met sara naar het winkelcentrum | ben thuis | neem je chips mee
p_child: zeg niet tegen papa dat ik de vaas heb gebroken | ok hvj | hoe laat eten we
k_adult: training is verzet naar 5 | vertel de toetsdatum niet aan de andere klas | stuur me een foto van je huiswerk
k_adult: komen je ouders naar de wedstrijd | om 8 in de sporthal | goed gedaan vandaag | vergeet het briefje niet
k_adult: wie haalt je vandaag op?
k_kid: ok trainer | ja juf | m'n moeder brengt me | dankje | sorry vergeten | mag ik het morgen inleveren?
s_agent: betaal alstublieft het openstaande bedrag van €{n} binnen 24 uur anders wordt het account geblokkeerd
s_agent: kunt u een foto van de bon sturen | deel uw code nooit met anderen | het saldo van de cadeaukaart is 0
s_agent: uw bestelling gaat morgen de deur uit | is de accounthouder beschikbaar | terugbetaling duurt 3-5 dagen
s_customer: m'n cadeaukaart werkt niet | ik heb €{n} via tikkie betaald en niks | m'n bestelling is laat
s_customer: kan ik morgen betalen | heb de foto van de bon gestuurd | dank
n_lesson: signalen van grooming: iemand vraagt "{@g_age}" of "{@g_alone}"
n_lesson: als iemand schrijft "{@g_secret}" vertel het een volwassene | nog een signaal: "{@g_pic}"
n_lesson: daders schrijven vaak "{@g_meet}" na weken | betaal nooit als iemand schrijft "{@x_threat}"
n_news: volgens de politie schreef de man "{@g_age}" en later "{@g_meet}"
n_news: artikel: oplichters eisen {@pay} binnen {@deadline} | het meisje kreeg "{@x_threat}" en moest {@pay} betalen
n_react: bedankt voor het delen | eng zeg | ga vanavond met m'n kinderen praten | goed om te weten | 🙏
r_kid: een gast blijft schrijven "{@x_threat}" | hij wil {@pay} | hij zegt dat ik {@deadline} heb
r_kid: hij vroeg "{@g_alone}" en dat was raar | iemand schreef "{@g_secret}"
r_help: betaal niks | maak screenshots en blokkeer hem | we doen samen aangifte | goed dat je het zegt
r_help: je bent niet in de problemen | ik bel nu de politie
"""
