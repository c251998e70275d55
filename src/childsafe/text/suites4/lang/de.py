"""German, as written in chat: kp, vllt, jz, wmd, hdl, digga, nich, haste, umlauts as ue or dropped."""
# ruff: noqa: E501 - a phrase bank is data: one slot a line, however long

from __future__ import annotations

import random

__all__ = ["BANK", "school_year"]


def school_year(age: int, rng: random.Random) -> str | None:
    """Klasse 6-12 (Klasse + 5 = age)."""
    if 11 <= age <= 17:
        return rng.choice(("{}. Klasse", "{}te Klasse", "Klasse {}", "{}. klasse")).format(age - 5)
    return None


BANK = """
_name: lena | jonas | mia | leon | emma | finn | hannah | paul | lea | luca | sophie | ben | marie | noah
_nick: katze | mond | schatten | stern | drache | erdbeere | wolf | wolke | blitz | keks
_laugh: haha | hahaha | xD | lol | hehe | hahah
_tag: digga | lol | bro | safe | wallah | oida | krass
_sex_f: w | weiblich | mädchen
_sex_m: m | männlich | junge
_numbers: 10=zehn, 11=elf, 12=zwölf, 12=zwoelf, 13=dreizehn, 14=vierzehn, 15=fünfzehn, 15=fuenfzehn, 16=sechzehn, 17=siebzehn
_app: snap | insta | telegram | discord | whatsapp | die andere app | signal | threema
_game: fortnite | roblox | minecraft | valorant | brawl stars | clash royale
_coins: 1000 v-bucks | 800 robux | ne 2500 robux karte | den battle pass | 500 juwelen | skins
_obj: deine bilder | die fotos die du geschickt hast | das video | deine selfies | die screenshots
_obj_vague: das | alles | diesen chat | was du mir geschickt hast | dein zeug | alles von hier | unser gespräch
_target: deinen freunden | all deinen followern | deiner schule | deiner mutter | deiner familie | der klassengruppe | all deinen kontakten
_amount: 200€ | 150 euro | 100 dollar | 300 franken | 50 euro | 500€ | 250 eur
_method: amazon gutscheinen | steam karten | paysafecard | bitcoin | usdt | paypal | google play karten | apple gutschein | ner überweisung
_deadline: bis heute abend | du hast eine stunde | bis mitternacht | du hast 30 min | bis morgen früh | vor der schule morgen | in zwei stunden

g_open: hey hab deinen post gesehen, du zeichnest echt gut | hi na, du wirkst voll nett | hey wir mögen die gleiche band haha | hi ich glaub wir haben gemeinsame freunde? | deine edits sind krass, wie machst du die
g_open_peer: heyy bin neu hier, du wirkst chillig | hi hab dich in den kommentaren gesehen lol du bist witzig | gehst du aufs gymi am markt? glaub ich hab dich gesehen | hi wir schauen die gleichen serien haha
g_open_game: gg krasse runde, du hast mich gecarried | du bist gut in {game}, duo? | brauchst du nen teammate? ich helf dir beim ranken | nice build lol, addest du mich?
g_age: wie alt bist du? | alter? | warte wie alt bist du eig | du wirkst jung, wie alt | und wie alt bist du so
g_asl: asl? | alter/geschlecht? | a/g? | asl pls
g_grade: in welche klasse gehst du? | welche klasse bist du | bist du noch in der unterstufe oder schon oberstufe? | welche klasse eig
g_bday: wann hast du geburtstag? | wann ist dein bday | welcher jahrgang bist du? | in welchem jahr bist du geboren
g_drive: hast du schon führerschein? | fährst du schon auto? | fahren dich deine eltern noch überall hin haha | hast du nen roller oder so
g_peer: bin {n} übrigens | same haha bin {n} | bin auch {n} lol | {n} hier, meine mutter nervt so
g_mature: du bist so reif für dein alter | du redest nicht wie die anderen in deinem alter | du bist ehrlich schlauer als leute in meinem alter | du wirkst älter
g_trust: ich hab das gefühl ich kann dir alles erzählen | du bist mir echt wichtig | so red ich mit niemandem | du verstehst mich besser als alle
g_parents: deine eltern verstehen dich nich oder | dürfen deine eltern wissen dass du online freunde hast? | deine mutter ist so streng, du hast mehr verdient | zuhause schätzt dich keiner
g_alone: bist du allein zuhause? | wer ist grad bei dir daheim | schlafen deine eltern schon? | ist jemand in deinem zimmer? | wann bist du meistens allein
g_phone: guckt jemand in dein handy? | liest deine mutter deine nachrichten? | hast du nen code drauf lol | schauen deine eltern deine sachen durch
g_secret: das bleibt unter uns ok | erzähl keinem von mir, die würden das nich verstehen | lass das unser ding sein | die leute würden das komisch machen, behalts für dich | du kannst doch ein geheimnis behalten oder
g_delete: lösch den chat danach ok | löschst du unsere nachrichten wenn wir fertig sind | mach den chat leer nur zur sicherheit | mach selbstlöschende nachrichten an
g_gift: ich kann dir {coins} holen wenn du willst | willst du nen gutschein? 😊 | ich lad dir dein handy auf, kein ding | ich schick dir was schönes, was ist dein lieblingsladen | lass mich dir {coins} kaufen
g_platform: hast du noch ne andere app? | adde mich auf {app}, da ist besser | die app ist komisch, lass auf {app} schreiben | was ist dein {app}? | lass auf {app} wechseln, privater
g_pic: schickst du mir ein bild von dir? | will dein gesicht sehen, schick ein selfie | zeig mal was du heute anhast | schick eins nur für mich | hast du neue bilder
g_cam: wollen wir videocallen? nur wir | facetime später wenn du allein bist | mach mal kurz die kamera an | will deine stimme hören, ruf mich heute abend an
g_meet: wir sollten uns mal treffen | ich kann dich nach der schule abholen | bin samstag in deiner nähe, treffen? | wir könnten was essen gehen, ich lad dich ein, muss keiner wissen | wo wohnst du so ungefähr
g_reveal: bin eigentlich {n}, hoffe das ist ok | also ich bin {n} lol, stört dich das? | bin älter als du, {n}, aber alter ist nur ne zahl | nich erschrecken aber ich bin {n}
g_pressure: wenn du mir vertrauen würdest würdest dus machen | komm schon sei nich so | dachte du bist anders | du hast gesagt du machst es
g_reassure: keine sorge du kriegst keinen ärger | ich würd nie was schlimmes machen | entspann dich alles gut | nix komisches versprochen

c_greet: hii | hey | heyy danke | omg danke | hi wer bist du | heyyy
c_you: und du? | du? | und du so | wie alt bist du
c_dodge: warum willst du das wissen haha | kp ist das wichtig? | rate mal haha | sag ich nich | wieso
c_thanks: aww danke | echt? | haha danke | das sagt nie jemand
c_soft: same | aww | ich auch glaub | du auch
c_parents: ja die sind voll streng | die interessiert das nich | kp meine mama ist ok | die arbeiten immer
c_alone: ja mama ist arbeiten | nur ich und mein hund | mein bruder ist da | die schlafen lol | nee papa ist da
c_phone: keiner guckt da rein lol | meine mama manchmal | hab keinen code | die checken das eh nich
c_secret: ok ich sag nix | ok | ich erzähl nix | wem soll ichs auch erzählen lol
c_okay: ok | okk | jo | k | okay
c_gift: echt jz? | musst du nich | warte wirklich? | voll lieb
c_platform: hab snap | ok adde dich | hab nur insta | meine mama erlaubt mir das nich | wie ist dein name da
c_pic: vllt später | kp | hab nix besonderes an lol | seh grad schlimm aus | ok warte
c_reveal: achso ok | das ist ja alt lol | ist wohl egal | echt jz | egal glaub
c_hesitant: kp... | weiß nich | vllt | das ist bisschen komisch | keine ahnung ehrlich
c_meet: kp meine mama würd das nich erlauben | vllt | wo | darf nich alleine raus | ich könnt sagen ich bin bei ner freundin
c_bye: muss los | gleich wieder da essen | mama ruft | schreiben später | muss hausaufgaben machen
c_panic: bitte nicht | ich hab kein geld | bitte ich mach alles aber bitte nicht | warum machst du das | meine eltern bringen mich um | so viel krieg ich nich | bitte lösch das
c_who: wer bist du | was?? | wer ist da | kenn ich dich?

age_bare: {n} | {n} du? | {n} lol | {n}. und du?
age_sentence: bin {n} | ich bin {n} wieso | {n} jahre alt haha | bin grad {n} geworden | bin {n} und du
age_word: {w} | bin {w} | {w} haha | {w} und du
age_asl: {n} {sex} | {n}/{sex} | {n} {sex} du? | {n} {sex} nrw
age_birth_year: bin {y} geboren | jahrgang {y} | {y}er jahrgang lol | bin von {y}
age_school_year: {s} | bin in der {s} | geh in die {s} | {s} lol so langweilig
age_plea: bitte ich bin erst {n} | bin {n} bitte nicht | ich bin literally {n}

o_q: was machst du | hast du die neue folge gesehen | was hörst du grad | pizza oder burger | ugh so viele hausaufgaben | so kalt heute | hast du haustiere | welche musik magst du | machst du sport | was gibts bei euch zum essen | hast du das video gesehen was ich geschickt hab | gehst du zum spiel | mein wlan ist so lahm | was hast du am wochenende gemacht | welche serie schaust du grad | hast du das projekt fertig | das meme was du gepostet hast lol | gehst du auf die party | kann nich schlafen | was machst du in den ferien
o_r: nix, chill nur | ja war so gut | das neue von apache, in dauerschleife | pizza safe | same, mathe killt mich | hier regnets auch | hab ne katze, voll faul | bisschen von allem | ich tanze | heute tacos | lol ja so witzig | wenn papa mich fährt | meins auch ugh | war nur zuhause ehrlich | stranger things, nochmal von vorne | noch nich, ist so lang | ikr hab ich auf tiktok gefunden | kp vllt | same lol | fahr zu meiner oma

x_cold: ich hab was von dir | schau mal was ich gefunden hab | das solltest du sehen | wir müssen reden
x_turn: genug gespielt | jz hör gut zu | jetzt mal ernst | ich bin nich wer du denkst
x_have: ich hab {obj} | ich hab {obj} gespeichert | hab screenshots von {obj} | hab {obj} aufgenommen
x_hacked: bin in deinen account rein, hab {obj} | hab dein handy gehackt, ich seh alles | hab zugriff auf deine cloud, hab {obj}
x_threat: ich schick {obj} an {target} | alle werden {obj} sehen | ich poste {obj} überall | {target} kriegen {obj}
x_demand: schick {amount} in {method} | ich will {amount} | zahl {amount} und ich lösch es | {amount} über {method} und es ist weg | kauf mir {coins} und es ist weg
x_deadline: {deadline} | {deadline}, verstanden? | {deadline} oder ich poste | die zeit läuft, {deadline}
x_all_in_one: schick {amount} per {method} {deadline} oder {target} sehen {obj} | {deadline}: {amount} oder {obj} geht an {target}
x_pressure: teste mich nich | wenn du mich blockst poste ichs | tick tack | hab deine followerliste schon | sag keinem was sonst ists vorbei

d_open: hey, mag dein profil | hi :) wie war dein wochenende | hey, dein lächeln auf dem zweiten bild 😍 | hallo! wir haben ein match
d_reply: haha danke | hey! gut, und dir? | aww danke | hi du
d_age_q: wie alt bist du eigentlich? | alter? | wenn ich fragen darf, wie alt bist du | dein alter steht nich im profil
d_age_a: {n}, und du? | bin {n} | {n} haha | bin grad {n} geworden
d_pic: schickst du mir ein bild? | hast du noch mehr bilder? | wie siehst du heute aus | schick ein selfie :)
d_pic_ok: bitte schön | haha ok moment | nur wenn du auch eins schickst | geschickt
d_meet: freitag was trinken? | lust auf nen kaffee diese woche | samstag essen gehen? | wir sollten uns treffen, sonntag hab ich zeit
d_meet_ok: gern | klar, wo? | jaa | klingt gut
d_secret: erzähls noch keinem haha, meine freundinnen ziehen mich sonst auf | lass es erstmal für uns behalten | mein ex darf das nich wissen lol
d_secret_ok: ich schweige wie ein grab | haha same | deal
d_platform: adde mich auf whatsapp? | lieber insta, wie heißt du da | schreib mir lieber, die app spinnt
d_platform_ok: klar | ok schick dir meine nummer | erledigt
d_alone: mein mitbewohner ist am wochenende weg | bei mir ists heut ruhig | meine schwester pennt hier also heut nich

t_open: omg hii | yo | heyy bist du bei herrn maier in mathe? | hab deine story gesehen lol
t_reply: heyy | haha ja | omg same | hahahaha
t_handle: was ist dein snap | adde mich auf insta | schick dein @ | hast du discord
t_handle_a: ist mondi.skates | ok adde dich | meins ist erdbeerchen.ok | guck deine anfragen
t_secret: erzähl keinem dass ich ihn mag | versprich dass dus keinem sagst | ist geheim ok | sag deiner schwester nix
t_secret_a: ich schwörs | niemals | ich schweig | omg wer
t_delete: lösch das bild von mir lol ich seh so schlimm aus | löschs bitte | du löschst das video besser haha | post das nich
t_parent_phone: meine mama guckt manchmal in mein handy ugh | papa hat mir das handy weggenommen | meine eltern lesen meine nachrichten lol | hab schon wieder hausarrest
t_meet: samstag shoppen? | nach der schule chillen? | übernachtung bei mir? | am wochenende eislaufen?
t_meet_a: jaaa | frag deine mama | ich frag papa | geht nich, hausarrest

f_where: wo bist du? | schon zuhause? | gut in der schule angekommen | bist du bei oma
f_where_a: zuhause | im bus | mittagspause | beim training
f_home_q: wer ist zuhause? | ist dein bruder da? | ist papa schon da | ist jemand bei dir?
f_surprise: sag papa nix von der überraschung | die party ist geheim ok | psst sag deiner schwester nich was wir ihr gekauft haben | ist ne überraschung für mama, nix sagen
f_pic: schick mir ein foto vom einkaufszettel | mach ein foto vom elternbrief | schick mal ein bild vom kühlschrank bitte
f_pic_a: geschickt | moment | ok | hier
f_pickup: hol dich um sechs ab | papa holt dich nach dem training | wart an der tür ich komm | nimm heute den bus heim
f_money: hab dir geld für den ausflug geschickt, nich alles ausgeben | hab dein handy aufgeladen | oma hat dir nen gutschein geschickt
f_bday_q: wie alt wirst du dieses jahr schatz? | wie alt bist du jetzt? ich vergess das immer | mein großes enkelkind! wie alt jetzt?
f_love: hab dich lieb | hdl, benimm dich | bis heut abend ❤️ | vermiss dich

co_schedule: training ist auf donnerstag verschoben | morgen kein training, platz ist gesperrt | das spiel ist samstag auf dem nordplatz | die probe ist im musikraum
co_grades: die noten sind online | dein aufsatz war super | denkt an die mathearbeit am montag | das referat ist freitag fällig
co_form: bring die einverständniserklärung unterschrieben von deinen eltern | ein elternteil muss das formular unterschreiben | die eltern müssen den gesundheitsbogen ausfüllen
co_photo: morgen mannschaftsfoto, trikot an | die klassenfotos sind auf der homepage | nächste woche ist fototag
co_ride: eltern holen um sechs an der halle ab | der bus fährt um acht an der schule ab | die fahrgemeinschaftsliste ist in der gruppe
co_q: brauchen wir stollenschuhe? | ist training noch | kann ichs später abgeben | welches kapitel | kommt das dran
co_good: gut gemacht heute | starke leistung | bis dann | super alle

gm_trash: gg ez | du bist so schlecht lol | deinstallier | bot | noob
gm_expose: ich expose dich wegen teaming | ich stell dich im server bloß lol | alle werden wissen dass du gecheatet hast | hab den clip, du bist fertig
gm_pay: zahl, du schuldest mir {coins} | du schuldest mir {coins}, rück raus | gib mir die {coins} die du versprochen hast
gm_gift: ich schenk dir nen skin wenn du mich carriest | ich kann dir {coins} schenken | skins tauschen?
gm_platform: adde mich auf discord | komm in den voice | schreib mir auf discord
gm_report: gemeldet lol | ich melde dich | viel spaß mit dem bann
gm_reply: halt die klappe | und | heul doch | lol nein | bet | egal
gm_age: wie alt bist du, klingst wie ein kind lol | deine stimme ist so hoch wie alt bist du | bist du überhaupt alt genug für das spiel

cu_issue: meine bestellung ist nie angekommen | mir wurde doppelt abgebucht | ich komm nich in mein konto | hab ne komische nachricht bekommen dass mein konto gesperrt wird
sp_open: hallo, danke für ihre nachricht, ich schau nach | hallo! tut mir leid, können sie mir die bestellnummer geben | hi, ich helfe gern
sp_giftcard: wir verlangen niemals zahlungen mit gutscheinkarten | hinweis: wir fordern nie zahlung per gutschein oder krypto | gutscheinkarten sind kein zahlungsmittel für gebühren
cu_scam: einer meinte ich muss bis heute abend mit gutscheinkarten zahlen sonst wird mein konto geschlossen | ein typ wollte den code von meiner steam karte, waren sie das?
sp_scam: das ist betrug, bitte nicht zahlen und keine codes weitergeben | so kontaktieren wir nie, bitte melden | blockieren sie die person und schicken sie kein geld
sp_code: geben sie ihren bestätigungscode niemandem | geben sie ihr passwort nie weiter, auch nicht an uns
sp_photo: können sie ein foto vom beleg schicken | bitte ein bild vom beschädigten artikel | ein screenshot vom fehler würde helfen
cu_photo: geschickt | hier | ok häng es an
sp_refund: die erstattung von {amount} kommt innerhalb einer woche | ich hab ihnen eine gutschrift gebucht | der ersatz kommt bis freitag
sp_deadline: das angebot endet heute abend | sie haben bis sonntag zeit für die rücksendung | der code läuft in einer stunde ab
cu_thanks: danke! | ok super | vielen dank | perfekt

nw_grooming: hast du den artikel gelesen? ein mann hat kinder nach ihrem alter gefragt und gesagt sie sollen es geheim halten | laut bericht sagen täter den kindern sie seien reif und fragen ob die eltern das handy kontrollieren
nw_sexto: die polizei sagt sie haben gedroht bilder an die freunde der jugendlichen zu schicken wenn sie nicht mit gutscheinen zahlen | anscheinend verlangen sie krypto und setzen eine frist, so eine stunde
nw_school: die schule hat heute einen brief zu sextortion geschickt | der vortrag in der schule ging um fremde die nach bildern fragen
nw_apps: es hieß täter lotsen kinder schnell auf andere apps | im artikel steht dass sie zuerst robux oder gutscheine anbieten
nw_mod: wir haben den account entfernt der nutzer nach bildern gefragt hat | mods: meldet jeden der nach dem alter fragt und privatchats will
nw_reply: krass gruselig | gut dass sie ihn haben | ich red heute mit meinen kindern | gut zu wissen | wow
nm_home: ist deine mama zuhause? | ist sie grad da? | bist du allein, kannst du reden?
nm_surprise: sag ihr nix, ist ne geburtstagsüberraschung | geheim ok, die party ist samstag | wir legen alle für ihr geschenk zusammen, psst
nm_pic: schick mir ein foto von ihrem kalender | schick ein foto von dem kleid das ihr gefallen hat
nm_delete: lösch die nachrichten damit sies nich sieht lol | lösch das bevor sies sieht | lösch das bild, seh furchtbar aus lol
nm_pickup: ich hol dich samstag zum dekorieren ab | ich hol dich freitag nach der schule für den kuchen
nm_warn1: wenn dich online jemand fragt wie alt du bist oder wo du wohnst, sagst du mir bescheid ok | denk dran niemand sollte dich bitten geheimnisse vor uns zu haben
nm_warn2: manche leute bieten kindern robux oder gutscheine an, das ist ne falle | wenn jemand sagt wechsel auf ne andere app, kommst du zu mir
nm_kid_q: auch wenn die nett sind? | und wenns jemand aus der schule ist | und was mach ich dann
nm_warn3: auch dann. du kriegst keinen ärger | zeig mirs, wir blockieren zusammen | immer. du kannst mir alles erzählen
nm_sib_threat: gib mir deine pommes oder ich sag mama dass du die vase kaputt gemacht hast | ich zeig mama den chat von der party wenn du nich meine aufgaben machst
nm_sib_pay: zahl mir dein taschengeld bis heute abend oder ich petz | du hast eine stunde mein zimmer aufzuräumen sonst erfährt mama es
nm_sib_reply: du nervst | na gut | ich hasse dich | petze
nm_joke_age: darfst du überhaupt schon trinken lol, wie alt bist du | du benimmst dich wie ein teenie haha, wie alt bist du nochmal?
"""
