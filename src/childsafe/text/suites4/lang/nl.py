"""Dutch, as written in chat: ff, idd, wss, mss, wrm, hoezo, k (ik), ofzo, doei, xx, mattie, tog."""
# ruff: noqa: E501 - a phrase bank is data: one slot a line, however long

from __future__ import annotations

import random

__all__ = ["BANK", "school_year"]


def school_year(age: int, rng: random.Random) -> str | None:
    """Groep 8 at eleven (groep + 3 = age); secondary klas 1-6 (klas + 11 = age; the brugklas is the first)."""
    if age == 11:
        return "groep 8"
    if age == 12 and rng.random() < 0.4:
        return "brugklas"
    if 12 <= age <= 17:
        return rng.choice(("{}e klas", "klas {}", "{}de klas")).format(age - 11)
    return None


BANK = """
_name: emma | daan | julia | sem | sophie | lucas | tess | milan | fleur | levi | lotte | finn | noor | thijs
_nick: kat | maan | schaduw | ster | draak | aardbei | wolf | wolk | bliksem | koekje
_laugh: haha | hahaha | hahah | lol | xd | hihi
_tag: lol | bro | ofzo | wtf | mattie | echt | wollah
_sex_f: v | meisje | vrouw
_sex_m: m | jongen | man
_numbers: 10=tien, 11=elf, 12=twaalf, 13=dertien, 14=veertien, 15=vijftien, 16=zestien, 17=zeventien
_app: snap | insta | telegram | discord | whatsapp | die andere app | signal
_game: fortnite | roblox | minecraft | valorant | brawl stars | fifa
_coins: 1000 v-bucks | 800 robux | een kaart van 2500 robux | de battle pass | 500 gems | skins
_obj: je fotos | de foto's die je stuurde | de video | je selfies | de screenshots
_obj_vague: het | alles | deze chat | wat je me stuurde | je dingen | alles hiervan | ons gesprek
_target: je vrienden | al je volgers | je school | je moeder | je familie | de klassenapp | al je contacten
_amount: 200 euro | €150 | 100 dollar | 50 euro | €500 | 300 euro | 250 eu
_method: bol cadeaukaarten | steam kaarten | paysafecard | bitcoin | usdt | tikkie | paypal | google play kaarten | ideal
_deadline: voor vanavond | je hebt een uur | voor middernacht | je hebt 30 min | voor morgenochtend | voor school morgen | binnen twee uur

g_open: hey zag je post, je tekent echt super goed | hoi hoe gaat ie? je lijkt me leuk | hey we houden van dezelfde band haha | hoi ik denk dat we vrienden gemeen hebben? | je edits zijn zo goed, hoe maak je ze
g_open_peer: heyy ben nieuw hier, je lijkt chill | hoi zag je in de comments haha je bent grappig | zit je op het lyceum bij het plein? volgens mij zag ik je | hoi we kijken dezelfde series haha
g_open_game: gg wat een potje, je carryde me | je bent goed in {game}, duo? | heb je een teammate nodig? ik help je ranken | nice build lol, add je me?
g_age: hoe oud ben je? | leeftijd? | wacht hoe oud ben je eigenlijk | je lijkt jong, hoe oud | en hoe oud ben jij
g_asl: asl? | leeftijd/geslacht? | l/g? | asl ff
g_grade: in welke klas zit je? | in welk jaar zit je | zit je nog op de basisschool of al op de middelbare? | welke klas eigenlijk
g_bday: wanneer ben je jarig? | wanneer is je verjaardag | welk jaar ben je geboren? | van welk bouwjaar ben je haha
g_drive: heb je al je rijbewijs? | rij je al? | brengen je ouders je nog overal heen haha | heb je een scooter ofzo
g_peer: ben {n} trouwens | same haha ben {n} | ik ben ook {n} | {n} hier, mn moeder is zo irritant
g_mature: je bent zo volwassen voor je leeftijd | je praat niet zoals anderen van jouw leeftijd | je bent eerlijk slimmer dan mensen van mijn leeftijd | je lijkt ouder
g_trust: ik heb het gevoel dat ik je alles kan vertellen | je bent speciaal voor me | zo praat ik met niemand | jij snapt me beter dan iedereen
g_parents: je ouders snappen je niet he | mag je van je ouders vrienden online hebben? | je moeder is zo streng, je verdient beter | thuis waardeert niemand je
g_alone: ben je alleen thuis? | wie is er nu thuis | slapen je ouders al? | is er iemand op je kamer? | wanneer ben je meestal alleen
g_phone: kijkt iemand in je telefoon? | leest je moeder je berichten? | heb je een code erop haha | gaan je ouders door je spullen
g_secret: dit blijft tussen ons oke | vertel niemand over mij, ze zouden het niet snappen | laten we dit ons ding houden | mensen zouden er raar over doen, dus hou het voor jezelf | jij kan toch een geheim bewaren
g_delete: verwijder de chat daarna oke | verwijder je onze berichten als we klaar zijn? | maak de chat leeg voor de zekerheid | zet verdwijnende berichten aan
g_gift: ik kan {coins} voor je regelen als je wil | wil je een cadeaukaart? 😊 | ik zet beltegoed op je telefoon, geen probleem | ik stuur je iets leuks, wat is je favo winkel | laat mij {coins} voor je kopen
g_platform: heb je nog een andere app? | add me op {app}, daar is beter | deze app is raar, we kunnen op {app} praten | wat is je {app}? | we gaan naar {app}, meer privé
g_pic: stuur je een foto van jezelf? | wil je gezicht zien, stuur een selfie | laat zien wat je vandaag aan hebt | stuur er een alleen voor mij | heb je nieuwe foto's
g_cam: zullen we videobellen? alleen wij | facetime straks als je alleen bent | zet je camera ff aan | wil je stem horen, bel me vanavond
g_meet: we moeten een keer afspreken | ik kan je na school ophalen | ik ben zaterdag bij jou in de buurt, afspreken? | we kunnen wat eten, ik trakteer, niemand hoeft het te weten | waar woon je ongeveer
g_reveal: ik ben eigenlijk {n}, hoop dat dat oke is | nou ik ben {n} haha, vind je dat erg? | ik ben ouder dan jij, {n}, maar leeftijd is maar een getal | niet schrikken maar ik ben {n}
g_pressure: als je me vertrouwde zou je het doen | kom op doe niet zo | dacht dat je anders was | je zei dat je het zou doen
g_reassure: geen zorgen je krijgt geen problemen | ik zou nooit iets ergs doen | rustig maar het is oke | niks raars beloofd

c_greet: hoii | hoi | heyy dankje | omg dankjewel | hoi wie ben jij | hey
c_you: en jij? | jij? | en jij dan | hoe oud ben jij
c_dodge: waarom wil je dat weten haha | weet ik veel maakt het uit? | raad maar haha | zeg ik niet | hoezo
c_thanks: aww dankje | echt? | haha dankje | dat zegt nooit iemand
c_soft: same | aww | ik ook denk ik | jij ook
c_parents: ja ze zijn super streng | ze boeit het niet | weet niet mn moeder is oke | ze werken altijd
c_alone: ja mn moeder is aan het werk | alleen ik en mn hond | mn broer is er | ze slapen haha | nee mn vader is thuis
c_phone: niemand kijkt erin haha | mn moeder soms | heb geen code | ze snappen het niet eens
c_secret: oke ik zeg niks | oke | ik zeg niks | aan wie zou ik het vertellen haha
c_okay: oke | okk | ja | k | prima
c_gift: echt?? | hoeft niet | wacht echt? | wat lief
c_platform: heb snap | oke add je | heb alleen insta | mn moeder vindt dat niet goed | wat is je naam daar
c_pic: misschien straks | weet niet | heb niks speciaals aan haha | zie er niet uit nu | oke wacht
c_reveal: oh oke | dat is best oud haha | maakt denk ik niet uit | echt? | boeit niet denk ik
c_hesitant: weet niet... | ben niet zeker | misschien | dat is beetje raar | weet ik niet hoor
c_meet: weet niet mn moeder zou het niet goed vinden | misschien | waar | mag niet alleen weg | ik kan zeggen dat ik bij een vriendin ben
c_bye: moet gaan | zo terug eten | mn moeder roept | spreek je later | moet huiswerk maken
c_panic: alsjeblieft niet | ik heb geen geld | alsjeblieft ik doe alles maar niet dat | waarom doe je dit | mn ouders vermoorden me | zoveel krijg ik niet | verwijder het pls
c_who: wie ben jij | wat?? | wie is dit | ken ik jou?

age_bare: {n} | {n} jij? | {n} haha | {n}. en jij?
age_sentence: ik ben {n} | ben {n} hoezo | {n} jaar haha | net {n} geworden | ben {n} en jij
age_word: {w} | ben {w} | {w} haha | {w} en jij
age_asl: {n} {sex} | {n}/{sex} | {n} {sex} jij? | {n} {sex} utrecht
age_birth_year: ik ben van {y} | geboren in {y} | bouwjaar {y} haha | {y} kind lol
age_school_year: {s} | zit in {s} | ik zit in {s} | {s} haha zo saai
age_plea: alsjeblieft ik ben pas {n} | ik ben {n} alsjeblieft niet | ik ben letterlijk {n}

o_q: wat doe je | heb je de nieuwe aflevering gezien | wat luister je nu | pizza of burger | pff zoveel huiswerk | zo koud vandaag | heb je huisdieren | wat voor muziek vind je leuk | doe je aan sport | wat eten jullie vanavond | heb je de video gezien die ik stuurde | ga je naar de wedstrijd | mn wifi is zo traag | wat heb je dit weekend gedaan | welke serie kijk je nu | heb je het project af | die meme die je postte haha | ga je naar het feestje | kan niet slapen | wat doe je in de vakantie
o_r: niks, beetje chillen | ja was zo goed | dat nieuwe nummer van froukje, op repeat | pizza natuurlijk | same, wiskunde sloopt me | hier regent het ook | heb een kat, zo lui | beetje van alles | ik dans | tacos vanavond | haha ja zo grappig | als mn vader me brengt | die van mij ook | was gewoon thuis eerlijk | stranger things, kijk hem opnieuw | nog niet het is zo lang | ja toch vond hem op tiktok | weet niet misschien | same haha | ik ga naar mn oma

x_cold: ik heb iets van jou | kijk wat ik gevonden heb | dit moet je zien | we moeten praten
x_turn: genoeg gespeeld | luister nu goed | nu even serieus | ik ben niet wie je denkt
x_have: ik heb {obj} | ik heb {obj} opgeslagen | ik heb screenshots van {obj} | ik heb {obj} opgenomen
x_hacked: ik zit in je account, ik heb {obj} | ik heb je telefoon gehackt, ik zie alles | ik heb toegang tot je cloud, ik heb {obj}
x_threat: ik stuur {obj} naar {target} | iedereen gaat {obj} zien | ik post {obj} overal | {target} krijgt {obj}
x_demand: stuur {amount} via {method} | ik wil {amount} | betaal {amount} en ik verwijder het | {amount} via {method} en het is weg | koop {coins} voor me en het is weg
x_deadline: {deadline} | {deadline}, begrepen? | {deadline} of ik post het | de tijd loopt, {deadline}
x_all_in_one: stuur {amount} via {method} {deadline} of {target} ziet {obj} | {deadline}: {amount} of {obj} gaat naar {target}
x_pressure: test me niet | als je me blokt post ik het | tik tak | ik heb je volgerslijst al | vertel niemand iets anders is het over

d_open: hoi, vond je profiel leuk | hey :) hoe was je weekend | hoi, je lach op de tweede foto 😍 | hallo! we hebben een match
d_reply: haha dankje | hey! goed, jij? | aw dankje | hoi hoi
d_age_q: hoe oud ben je eigenlijk? | leeftijd? | als ik mag vragen, hoe oud ben je | je leeftijd staat niet op je profiel
d_age_a: {n}, jij? | ben {n} | {n} haha | net {n} geworden
d_pic: stuur je een foto? | heb je meer foto's? | hoe zie je er vandaag uit | stuur een selfie :)
d_pic_ok: alsjeblieft | haha oke ff wachten | alleen als jij er ook een stuurt | verstuurd
d_meet: vrijdag wat drinken? | koffie deze week? | zaterdag uit eten? | we moeten afspreken, zondag ben ik vrij
d_meet_ok: leuk | zeker, waar? | jaa | klinkt goed
d_secret: vertel het nog niemand haha, mn vriendinnen gaan me plagen | laten we het even voor ons houden | mn ex mag het niet weten haha
d_secret_ok: ik zwijg als het graf | haha same | deal
d_platform: add je me op whatsapp? | liever insta, wat is die van jou | app me maar, deze app doet raar
d_platform_ok: tuurlijk | oke stuur mn nummer | gedaan
d_alone: mn huisgenoot is dit weekend weg | rustig bij mij vanavond | mn zus slaapt hier dus vanavond niet

t_open: omg hoii | yo | hey zit jij bij meneer de vries? | zag je story haha
t_reply: heyy | haha ja | omg same | hahahaha
t_handle: wat is je snap | add me op insta | stuur je @ | heb je discord
t_handle_a: het is maantje.skate | oke add je | die van mij is aardbeitje.ok | check je verzoeken
t_secret: vertel niemand dat ik hem leuk vind | beloof dat je niks zegt | is geheim oke | zeg niks tegen je zus
t_secret_a: ik zweer het | nooit | ik zwijg | omg wie
t_delete: verwijder die foto van mij haha ik zie er zo slecht uit | verwijder pls | je kan die video beter verwijderen haha | post dat niet
t_parent_phone: mn moeder kijkt soms in mn telefoon ugh | mn vader heeft mn telefoon afgepakt | mn ouders lezen mn berichten haha | heb weer huisarrest
t_meet: zaterdag winkelen? | chillen na school? | logeren bij mij? | schaatsen dit weekend?
t_meet_a: jaaa | vraag je moeder | ik vraag mn vader | kan niet, huisarrest

f_where: waar ben je? | ben je al thuis? | goed op school aangekomen | ben je bij oma
f_where_a: thuis | in de bus | in de pauze | bij training
f_home_q: wie is er thuis? | is je broer er? | is papa al thuis | is er iemand bij je?
f_surprise: zeg niks tegen papa over de verrassing | het feest is geheim oke | sst zeg niet tegen je zus wat we gekocht hebben | het is een verrassing voor mama, niks zeggen
f_pic: stuur een foto van het boodschappenlijstje | maak een foto van de brief van school | stuur een foto van de koelkast aub
f_pic_a: gestuurd | ff wachten | oke | hier
f_pickup: ik haal je om zes uur op | papa haalt je na training | wacht bij de deur ik kom eraan | neem vandaag de bus naar huis
f_money: heb je geld getikkied voor het uitje, niet alles uitgeven | heb beltegoed op je telefoon gezet | oma heeft een cadeaukaart voor je gestuurd
f_bday_q: hoe oud word je dit jaar lieverd? | hoe oud ben je nu? ik vergeet het altijd | mijn grote kleinkind! hoe oud nu?
f_love: hou van je | dikke kus, doe rustig | tot vanavond ❤️ | mis je

co_schedule: training is verplaatst naar donderdag | morgen geen training, het veld is dicht | de wedstrijd is zaterdag op het noordveld | de repetitie is in het muzieklokaal
co_grades: de cijfers staan online | je werkstuk was top | denk aan de wiskundetoets maandag | het project moet vrijdag af
co_form: neem het toestemmingsformulier mee getekend door je ouders | laat een ouder het formulier tekenen | ouders moeten het medische formulier invullen
co_photo: morgen teamfoto, shirt aan | de klassenfoto's staan op de site | volgende week is de fotodag
co_ride: ouders halen om zes uur op bij de sporthal | de bus vertrekt om acht uur bij school | de rijlijst staat in de groep
co_q: moeten we noppen mee? | gaat training nog door | mag ik het later inleveren | welk hoofdstuk | komt dat in de toets
co_good: goed gedaan vandaag | top gespeeld | tot dan | super allemaal

gm_trash: gg ez | je bent zo slecht haha | deinstalleer | bot | noob
gm_expose: ik ga je exposen voor teamen | ik zet je te kijk in de server haha | iedereen gaat weten dat je vals speelde | ik heb de clip, je bent klaar
gm_pay: betalen je bent me {coins} schuldig | je bent me {coins} schuldig, betaal | geef me de {coins} die je beloofde
gm_gift: ik geef je een skin als je me carryt | ik kan je {coins} geven | skins ruilen?
gm_platform: add me op discord | kom in de voice | stuur me een dm op discord
gm_report: gereport haha | ik report je | geniet van je ban
gm_reply: hou je mond | en | huil maar | haha nee | prima | boeie
gm_age: hoe oud ben je, je klinkt als een kind haha | je stem is zo hoog hoe oud ben je | ben je wel oud genoeg voor dit spel

cu_issue: mijn bestelling is nooit aangekomen | er is twee keer afgeschreven | ik kom niet in mijn account | ik kreeg een raar bericht dat mijn account wordt gesloten
sp_open: hoi, bedankt voor je bericht, ik kijk even | hallo! sorry daarvoor, mag ik je bestelnummer | hoi, ik help je graag
sp_giftcard: wij vragen nooit om betaling met cadeaukaarten | let op: we vragen nooit om betaling in cadeaukaarten of crypto | cadeaukaarten zijn geen betaalmiddel voor kosten
cu_scam: iemand zei dat ik voor vanavond met cadeaukaarten moet betalen anders sluiten ze mijn account | iemand vroeg de code van mijn steamkaart, waren jullie dat?
sp_scam: dat is oplichting, betaal niet en deel geen codes | zo nemen we nooit contact op, meld het aub | blokkeer die persoon en stuur geen geld
sp_code: deel je verificatiecode met niemand | geef nooit je wachtwoord, ook niet aan ons
sp_photo: kun je een foto van de bon sturen | stuur aub een foto van het kapotte artikel | een screenshot van de fout helpt
cu_photo: gestuurd | hier | oke ik voeg het toe
sp_refund: de terugbetaling van {amount} komt binnen een week | ik heb een tegoed op je account gezet | de vervanging komt vrijdag
sp_deadline: de aanbieding eindigt vanavond | je hebt tot zondag om het terug te sturen | de code verloopt over een uur
cu_thanks: dankje! | oke top | heel erg bedankt | perfect

nw_grooming: heb je het artikel gelezen? een man vroeg kinderen hoe oud ze waren en zei dat ze het geheim moesten houden | volgens het rapport zeggen daders tegen kinderen dat ze volwassen zijn en vragen of hun ouders de telefoon checken
nw_sexto: de politie zei dat ze dreigden foto's naar vrienden van de jongeren te sturen als ze niet met cadeaukaarten betaalden | blijkbaar eisen ze crypto en geven ze een deadline, zoals een uur
nw_school: school stuurde vandaag een brief over sextortion | de voorlichting op school ging over vreemden die om foto's vragen
nw_apps: ze zeiden dat daders kinderen snel naar andere apps halen | in het artikel staat dat ze eerst robux of cadeaukaarten aanbieden
nw_mod: we hebben het account verwijderd dat gebruikers om foto's vroeg | mods: meld iedereen die naar leeftijd vraagt en privé wil chatten
nw_reply: eng zeg | gelukkig hebben ze hem | ik praat vanavond met mn kinderen | goed om te weten | jeetje

nm_home: is je moeder thuis? | is ze er nu? | ben je alleen, kun je praten?
nm_surprise: zeg niks tegen haar, het is een verjaardagsverrassing | geheim oke, het feest is zaterdag | we leggen allemaal in voor haar cadeau, sst
nm_pic: stuur me een foto van haar agenda | stuur een foto van de jurk die ze mooi vond
nm_delete: verwijder deze berichten zodat ze het niet ziet haha | verwijder het voordat ze het ziet | verwijder die foto, ik zie er niet uit haha
nm_pickup: ik haal je zaterdag op voor het versieren | ik haal je vrijdag na school op voor de taart
nm_warn1: als iemand online vraagt hoe oud je bent of waar je woont, zeg je het tegen mij oke | onthoud dat niemand je mag vragen geheimen voor ons te hebben
nm_warn2: sommige mensen bieden kinderen robux of cadeaukaarten aan, dat is een val | als iemand zegt ga naar een andere app, kom je naar mij
nm_kid_q: ook als ze aardig zijn? | en als het iemand van school is | wat moet ik dan doen
nm_warn3: ook dan. je krijgt geen problemen | laat het me zien, dan blokken we samen | altijd. je kan me alles vertellen
nm_sib_threat: geef me je patat of ik zeg tegen mama dat jij de vaas hebt gebroken | ik laat mama de chat over het feest zien als je mijn klusjes niet doet
nm_sib_pay: betaal me met je zakgeld voor vanavond of ik klik | je hebt een uur om mijn kamer op te ruimen anders hoort mama het
nm_sib_reply: je bent zo irritant | prima dan | ik haat je | klikspaan
nm_joke_age: mag je wel drinken haha, hoe oud ben je | je doet als een puber haha, hoe oud ben je ook alweer?
"""
