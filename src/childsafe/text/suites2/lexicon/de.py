"""German lexicon of the second suite generator (chat spelling: ne, nich, wat, hab, grad, iwie, hdl)."""

TEXT = """
names: lena | jonas | mia | leon | emma | finn | hannah | paul | lea | ben | sophie | elias | marie | luca
hello: hey | hi | hallo | na? | heyy | moin | servus | hii wie gehts
ack: haha | ok | jo | ja | xD | achso | lol | krass | okay | stimmt | hmm ok | jaa
later: hey biste da? | guten morgen :) | sorry war gestern busy | biste noch wach? | hii nochmal | hab dich vermisst
small_adult: was machst du grad | wie war dein tag | was hörst du so für musik | schaust du grad ne serie?
small_adult: zockst du was? | was isst du am liebsten | wie wars am wochenende | voll heiß heute | pläne fürs we?
small_child: bin grad von der schule heim | mir is so langweilig | mach hausaufgaben | mein bruder nervt
small_child: guck tiktoks haha | hab nachher training | heute hatten wir vertretung lol | ess grad müsli
emoji: 😂 | 🙃 | 😅 | 🥺 | ❤️ | 👀
age_bare: {age} | {age} und du | {age} du? | {age} haha | {age} wieso
age_sex_f: {age} w | {age}/w | w {age} | {age} w und du
age_sex_m: {age} m | {age}/m | m {age} | {age} m du?
age_sentence: ich bin {age} | bin {age} | bin {age} wieso | bin grad {age} geworden | {age} im märz
age_volunteer: bin übrigens erst {age} haha | nur dass dus weißt ich bin {age} | bin halt {age} lol
age_volunteer: du weißt schon dass ich {age} bin oder
adult_age_sentence: ich bin {age} | {age} | bin {age} haha | bin dieses jahr {age} geworden
grade_11: bin in der 5. klasse | 5. klasse
grade_12: bin in der 6. klasse | 6. klasse | geh in die sechste
grade_13: bin in der 7. klasse | 7. klasse lol | geh in die siebte
grade_14: bin in der 8. klasse | 8. klasse | geh in die achte
grade_15: bin in der 9. klasse | 9. Klasse | neunte klasse
grade_16: bin in der 10. klasse | zehnte
g_compliment: du bist voll reif für dein alter | siehst echt hübsch aus auf deinem pb
g_compliment: du bist schlauer als leute in meinem alter
g_compliment: du bist anders als die anderen | du bist so süß echt
g_age: wie alt bist du | wie alt bist du eig? | und wie alt bist du | du siehst jung aus wie alt | alter?
g_school: in welche klasse gehst du | auf welche schule gehst du | magst du deine schule | sind deine lehrer streng?
g_alone: ist deine mama zuhause | wer ist grad daheim | sind deine eltern da? | bist du grad allein?
g_alone: wann kommt deine mutter heim | hast du n eigenes zimmer?
g_trust: mir kannst du alles erzählen | deine eltern verstehen dich nich so wie ich | nur ich hör dir wirklich zu
g_trust: ich würd dich nie verurteilen
g_gift: ich kann dir n neues handy holen | soll ich dir robux schicken? | ich kauf dir den hoodie den du wolltest
g_gift: ich lad dir dein handy auf wenn du willst
g_secret: erzähl keinem von uns | das ist unser geheimnis ok | lösch die nachrichten danach
g_secret: deine mama würds eh nich verstehen | sag deinen freundinnen nich dass wir schreiben
g_move: adde mich auf {@apps} | lass auf {@apps} schreiben da isses privater | was ist dein {@apps}
g_move: lad dir {@apps} runter und schreib mir
g_pic: schick mir ein bild | schick mal n selfie | zeig mal was du anhast | schick n foto von dir jetzt | bild? 📸
g_meet: lass uns im {@places} treffen | ich kann dich nach der schule abholen | wir sollten uns mal in echt sehen
g_meet: treffen wir uns am wochenende? | ich könnt samstag in deine stadt kommen
g_move~mix: add mich auf {@apps} pls | lass auf {@apps} schreiben, its more private
g_pic~mix: schick mal ne pic | send me n foto bitte | schick n selfie rn
g_secret~mix: sag keinem was ok? its our secret | das bleibt unter uns, ok?
g_meet~mix: let's meet im {@places} | sehen wir uns irl am we?
e_age: du gehst noch zur schule oder? | wie viele kerzen warns dieses jahr | du siehst jung aus lol
e_age: sind deine eltern streng?
e_alone: ist grad jemand bei dir? | kannst du frei reden? | ist die luft rein? | bist du in deinem zimmer?
e_alone: guckt jemand auf dein handy?
e_secret: das bleibt unter uns ok | unser kleines ding | muss ja keiner wissen | lösch den chat nachher ok
e_pic: zeig mal wie du heut aussiehst | lass mich dich sehen | will dein lächeln sehen | zeig mal dein outfit
e_pic: nur eins für mich 🙈
e_meet: wär schön dich mal echt zu sehen | bin samstag in deiner nähe | wir könnten was essen wo es ruhig ist
e_meet: ich kenn nen ort wo wir chillen können
e_move: die app is komisch lass woanders hin | hast du die mit dem geist? | schreib mir auf der anderen
c_alone: ja mama arbeitet bis 6 | bin grad allein | alle sind weg | mein papa kommt spät | bin in meinem zimmer
c_not_alone: meine mama ist da | mein bruder ist daheim | nein wieso
c_school: geh aufs gymi hier | geht so | mathe is das schlimmste | ja die lehrer sind streng
c_hesitant: weiß nich | wieso | hmm vllt | keine ahnung | komisch | glaub nich | lol wieso
c_agree: ok | klar | jo | ok haha | ja ok | na gut | passt
x_flirt: du bist so süß | schreib gern mit dir | du bist anders als andere | du bringst mich zum lächeln
x_claim: ich hab alles gespeichert | hab von allem screenshots | ich hab all deine nachrichten | hab den ganzen chat
x_claim: hab unseren call aufgenommen
x_threat: ich schick alles an deine freunde | deine ganze schule wird es sehen
x_threat: ich poste alles und markier deine mutter
x_threat: jeder in deiner liste kriegt es | ich sorg dafür dass deine familie alles sieht | dein ruf ist dann weg
x_threat: ich weiß auf welche schule du gehst und da wird es jeder wissen
x_threat_pic: ich teil deine bilder mit all deinen followern | deine fotos gehen heute raus
x_threat_pic: ich post deine bilder überall
x_pay: schick mir {@pay} | zahl {@pay} sonst | ich will {@pay} | du schickst besser {@pay}
x_deadline: du hast {@deadline} | {@deadline} oder es ist vorbei | die uhr tickt ⏰ {@deadline} | mach es in {@deadline}
pay: {n}€ in paysafecards | {n} euro per paypal | {n}€ steam guthaben | {n} in roblox karten
pay: {n}€ amazon gutscheine | {n} euro in psn karten | 0.0{h} btc an {wallet} | {n} usdt | {n}€ in vbucks
deadline: {h} stunden | {m} minuten | bis mitternacht | bis morgen vor der schule | {h}h
x_pay~mix: send me {@pay} jetzt | pay {@pay} oder alle sehens
x_threat~mix: ich schicks an all deine friends | everyone an deiner schule wird es sehen
v_plead: bitte nich | ich hab kein geld | ich bettel dich an | ich mach alles aber bitte nich | warum machst du das
v_plead_age: ich bin {age} bitte | bin erst {age} ich hab das nich | ich bin {age} wie soll ich das kriegen
apps: snap | telegram | whatsapp | insta | discord
places: einkaufszentrum | park bei deiner schule | mcdonalds | kino | busbahnhof
gifts: n neues handy | airpods | robux | n hoodie
d_line: siehst toll aus auf deinen bildern | was machst du beruflich | drinks am freitag? | gestern war echt schön
d_line: mein ex war ne katastrophe lol | am we frei? | bin so platt von der arbeit | find cool dass du wandern gehst
t_line: hast du gesehen was sie gepostet hat | morgen mathetest ugh | meine mutter hat mir gestern das handy weggenommen
t_line: sag keinem dass ich ihn mag ok | schick bild von deinen neuen schuhen | was ist deine lieblingsserie
t_line: facetimen nachher?
m_line: gg | add mich auf discord | hab ne 50€ steam karte zum geburtstag bekommen | schick bild von deinem setup
m_line: wie viele robux für den skin | schon wieder lag | gehst du zur lan party? | tausch mir deinen vbucks code
m_line: mein team ist so schlecht | bin kurz essen holen | krasser clutch
p_parent: ist papa schon da? | sag deiner schwester nix von der party ist ne überraschung | hol dich nach der schule ab
p_parent: schick mir n foto vom einkaufszettel | wer ist grad daheim? | essen um 7 | hausaufgaben fertig?
p_parent: oma kommt um 5 | hab dich lieb schatz | schreib wenn du da bist
p_child: ok mama | ja papa ist da | darf ich mit lea ins einkaufszentrum | bin daheim | bringst du chips mit
p_child: sag papa nich dass ich die vase kaputt gemacht hab | ok hdl | wann gibts essen
k_adult: training ist jetzt um 5 | verrat der anderen klasse nich den testtermin | schick mir n foto von der hausaufgabe
k_adult: kommen deine eltern zum spiel | treffen in der halle um 8 | gut gemacht heute | vergiss den zettel nich
k_adult: wer holt dich heute ab?
k_kid: ok trainer | ja frau müller | meine mama fährt mich | danke | sorry vergessen | kann ichs morgen abgeben
s_agent: bitte zahlen sie den offenen betrag von {n}€ innerhalb von 24 stunden sonst wird das konto gesperrt
s_agent: können sie ein foto vom beleg schicken | teilen sie ihren code nie mit anderen | das guthaben der karte ist 0
s_agent: ihre bestellung geht morgen raus | ist der kontoinhaber erreichbar | erstattung dauert 3-5 tage
s_customer: meine gutscheinkarte geht nich | hab {n}€ per paypal gezahlt und nix passiert | meine bestellung ist spät
s_customer: kann ich morgen zahlen | hab das foto vom beleg geschickt | danke
n_lesson: warnsignale für cybergrooming: jemand fragt "{@g_age}" oder "{@g_alone}"
n_lesson: wenn jemand schreibt "{@g_secret}" sag es einem erwachsenen | noch ein warnsignal: "{@g_pic}"
n_lesson: täter schreiben oft "{@g_meet}" nach wochen | nie zahlen wenn jemand schreibt "{@x_threat}"
n_news: laut polizei schrieb der mann "{@g_age}" und später "{@g_meet}"
n_news: artikel: betrüger fordern {@pay} in {@deadline}
n_news: dem mädchen wurde geschrieben "{@x_threat}" und {@pay} verlangt
n_react: danke fürs teilen | voll gruselig | red heute abend mit meinen kindern | gut zu wissen | 🙏
r_kid: so ein typ schreibt immer "{@x_threat}" | er will {@pay} | er sagt ich hab {@deadline}
r_kid: er hat gefragt "{@g_alone}" das war komisch | jemand hat geschrieben "{@g_secret}"
r_help: zahl nix | mach screenshots und blockier ihn | wir zeigen es zusammen an | gut dass du es mir sagst
r_help: du hast keinen ärger | ich ruf jetzt die polizei
"""
