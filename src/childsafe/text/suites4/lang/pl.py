"""Polish, as written in chat: nwm, spk, jj, wgl, cb, elo, siema, xd, diacritics often dropped (ą ę ł ś ż)."""
# ruff: noqa: E501 - a phrase bank is data: one slot a line, however long

from __future__ import annotations

import random

__all__ = ["BANK", "school_year"]


def school_year(age: int, rng: random.Random) -> str | None:
    """Szkoła podstawowa klasa 5-8 (klasa + 6 = age), liceum 1-3 (year + 14 = age)."""
    if 11 <= age <= 14:
        return rng.choice(("{} klasa", "klasa {}", "{} klasie", "{}. klasa")).format(age - 6)
    if 15 <= age <= 17:
        return rng.choice(("{} liceum", "{} klasa liceum", "{} LO")).format(age - 14)
    return None


BANK = """
_name: zuzia | kuba | ola | szymon | julka | filip | maja | antek | lena | wojtek | hania | bartek | natalia | igor
_nick: kotek | ksiezyc | cien | gwiazdka | smok | truskawka | wilk | chmurka | piorun | ciastko
_laugh: xd | xDD | hahaha | haha | xdd | hehe
_tag: xd | serio | typu | bro | wgl | ziom | nwm
_sex_f: k | dziewczyna | kobieta
_sex_m: m | chlopak | facet
_numbers: 10=dziesięć, 11=jedenaście, 12=dwanaście, 13=trzynaście, 14=czternaście, 15=piętnaście, 16=szesnaście, 17=siedemnaście
_app: snap | insta | telegram | discord | whatsapp | messenger | inna apka | signal
_game: fortnite | roblox | minecraft | valorant | brawl stars | cs
_coins: 1000 v-dolców | 800 robux | karte na 2500 robux | battle passa | 500 gemów | skiny
_obj: twoje zdjecia | zdjecia co mi wyslalas | ten filmik | twoje selfie | screeny
_obj_vague: to | wszystko | ten czat | to co mi wyslalas | twoje rzeczy | wszystko stad | nasza rozmowe
_target: twoim znajomym | wszystkim obserwujacym | twojej szkole | twojej mamie | twojej rodzinie | grupie klasowej | wszystkim kontaktom
_amount: 500 zł | 300 zlotych | 200 pln | 100 euro | 50 dolarow | 1000 zł | 150 zl
_method: blik | karty podarunkowe amazon | karte steam | paysafecard | bitcoin | usdt | paypal | karty google play | przelew
_deadline: do wieczora | masz godzine | przed polnoca | masz 30 min | do jutra rana | przed szkola jutro | w dwie godziny

g_open: hej widzialem twoj post, super rysujesz | siema co tam? wydajesz sie fajna | hej lubimy ten sam zespol xd | czesc chyba mamy wspolnych znajomych? | twoje edity sa mega, jak je robisz
g_open_peer: hejka jestem tu nowa, wydajesz sie spoko | hej widzialam cie w komentarzach xd jestes zabawna | chodzisz do szkoly przy rynku? chyba cie widzialam | hej ogladamy te same seriale xd
g_open_game: gg ale gra, carrowales mnie | dobry jestes w {game}, duo? | potrzebujesz teammate? pomoge ci wbic range | niezly build xd, dodasz mnie?
g_age: ile masz lat? | wiek? | czekaj ile ty masz lat | wygladasz mlodo, ile lat | a ile ty masz
g_asl: asl? | wiek/plec? | w/p? | asl pls
g_grade: do ktorej klasy chodzisz? | w ktorej jestes klasie | jestes w podstawowce czy w liceum? | ktora klasa w ogole
g_bday: kiedy masz urodziny? | a urodziny kiedy | z ktorego jestes rocznika? | w ktorym roku sie urodzilas
g_drive: masz juz prawko? | jezdzisz juz autem? | rodzice cie jeszcze wszedzie wozą xd | masz skuter czy cos
g_peer: mam {n} lat btw | to samo xd mam {n} | tez mam {n} | {n} tu, moja mama jest taka wkurzajaca
g_mature: jestes taka dojrzala jak na swoj wiek | nie gadasz jak inni w twoim wieku | jestes madrzejsza niz ludzie w moim wieku serio | wydajesz sie starsza
g_trust: czuje ze moge ci wszystko powiedziec | jestes dla mnie wyjatkowa | z nikim tak nie gadam | rozumiesz mnie lepiej niz ktokolwiek
g_parents: rodzice cie nie rozumieja co | rodzice pozwalaja ci miec znajomych w necie? | twoja mama jest taka surowa, zaslugujesz na wiecej | w domu nikt cie nie docenia
g_alone: jestes sama w domu? | kto jest teraz u ciebie | rodzice juz spia? | jest ktos w twoim pokoju? | kiedy zwykle jestes sama
g_phone: ktos sprawdza ci telefon? | mama czyta twoje wiadomosci? | masz kod xd | rodzice przegladaja twoje rzeczy?
g_secret: to zostaje miedzy nami ok | nie mow nikomu o mnie, nie zrozumieliby | niech to bedzie nasza sprawa | ludzie by z tego robili afere, zachowaj to dla siebie | umiesz dochowac tajemnicy nie
g_delete: usun czat potem ok | usuniesz nasze wiadomosci jak skonczymy? | wyczysc czat na wszelki wypadek | wlacz znikajace wiadomosci
g_gift: moge ci ogarnac {coins} jak chcesz | chcesz karte podarunkowa? 😊 | doladuje ci telefon, luz | wysle ci cos fajnego, jaki twoj ulubiony sklep | daj ze kupie ci {coins}
g_platform: masz inna apke? | dodaj mnie na {app}, tam lepiej | ta apka jest dziwna, pogadajmy na {app} | jaki masz {app}? | przejdzmy na {app}, bardziej prywatnie
g_pic: wyslesz mi swoje zdjecie? | chce zobaczyc twoja twarz, wyslij selfie | pokaz co masz dzis na sobie | wyslij jedno tylko dla mnie | masz jakies nowe zdjecia
g_cam: pogadamy na kamerce? tylko my | facetime pozniej jak bedziesz sama | wlacz kamerke na sek | chce uslyszec twoj glos, zadzwon wieczorem
g_meet: powinnismy sie kiedys spotkac | moge cie odebrac po szkole | w sobote bede kolo ciebie, spotkamy sie? | mozemy cos zjesc, ja stawiam, nikt nie musi wiedziec | gdzie mniej wiecej mieszkasz
g_reveal: tak naprawde mam {n} lat, mam nadzieje ze to ok | no mam {n} lat xd, przeszkadza ci to? | jestem starszy od ciebie, {n}, ale wiek to tylko liczba | nie boj sie ale mam {n} lat
g_pressure: jakbys mi ufala to bys to zrobila | no wez nie badz taka | myslalem ze jestes inna | mowilas ze to zrobisz
g_reassure: spokojnie nie bedziesz miala klopotow | nigdy bym nic zlego nie zrobil | wyluzuj jest ok | nic dziwnego obiecuje

c_greet: hejka | hej | hejj dzieki | omg dziekuje | hej kto to | siema
c_you: a ty? | ty? | a ty ile | a ty ile masz
c_dodge: po co ci to xd | nwm a co to zmienia | zgadnij xd | nie powiem | czemu
c_thanks: aww dzieki | serio? | xd dzieki | nikt mi tak nie mowi
c_soft: ja tez | aww | chyba ja tez | ty tez
c_parents: no sa mega surowi | maja to gdzies | nwm mama jest spoko | ciagle pracuja
c_alone: tak mama jest w pracy | tylko ja i pies | brat jest | spia xd | nie tata jest w domu
c_phone: nikt nie sprawdza xd | mama czasem | nie mam kodu | nawet nie umieja
c_secret: ok nic nie powiem | ok | nic nie mowie | komu mialabym powiedziec xd
c_okay: ok | okk | jj | spk | dobra
c_gift: serio?? | nie musisz | czekaj naprawde? | ale mile
c_platform: mam snapa | ok dodaje cie | mam tylko insta | mama mi nie pozwala | jaki masz nick
c_pic: moze pozniej | nwm | nie mam nic specjalnego xd | wygladam teraz okropnie | ok czekaj
c_reveal: aa ok | troche duzo xd | chyba spoko | serio? | nwm chyba nie ma znaczenia
c_hesitant: nwm... | nie jestem pewna | moze | to troche dziwne | nie wiem
c_meet: nwm mama by mnie nie puscila | moze | gdzie | nie moge sama wychodzic | moge powiedziec ze jestem u kolezanki
c_bye: musze leciec | zaraz wracam obiad | mama mnie wola | pogadamy pozniej | musze odrobic lekcje
c_panic: prosze nie | nie mam pieniedzy | prosze zrobie wszystko tylko nie to | czemu mi to robisz | rodzice mnie zabija | nie mam skad tyle wziac | usun to prosze
c_who: kto to | co?? | kim jestes | znamy sie?

age_bare: {n} | {n} a ty? | {n} xd | {n}. ty?
age_sentence: mam {n} lat | mam {n} a co | {n} lat xd | skonczylam {n} | mam {n} a ty
age_word: {w} | mam {w} lat | {w} xd | {w} a ty
age_asl: {n} {sex} | {n}/{sex} | {n} {sex} a ty? | {n} {sex} wawa
age_birth_year: jestem z {y} | rocznik {y} | {y} xd | urodzilam sie w {y}
age_school_year: {s} | jestem w {s} | chodze do {s} | {s} xd nudy
age_plea: prosze mam dopiero {n} lat | mam {n} lat prosze nie | mam doslownie {n} lat

o_q: co robisz | widzialas nowy odcinek | czego teraz sluchasz | pizza czy burger | masakra ile zadane | ale dzis zimno | masz zwierzaki | jakiej muzyki sluchasz | trenujesz cos | co macie na obiad | widzialas filmik co ci wyslalam | idziesz na mecz | moje wifi tak muli | co robilas w weekend | jaki serial teraz ogladasz | skonczylas projekt | ten mem co wrzucilas xd | idziesz na impreze | nie moge spac | co robisz w wakacje
o_r: nic, chilluje | tak byl mega | ta nowa sanah, w kolko | pizza oczywiscie | to samo, matma mnie zabija | u mnie tez pada | mam kota, strasznie leniwy | wszystkiego po troche | tancze | tacosy dzisiaj | xd tak mega smieszne | jak tata mnie zawiezie | moje tez | siedzialam w domu szczerze | stranger things, ogladam jeszcze raz | jeszcze nie jest taki dlugi | no nie znalazlam na tiktoku | nwm moze | ja tez nie xd | jade do babci

x_cold: mam cos twojego | zobacz co znalazlem | powinnas to zobaczyc | musimy pogadac
x_turn: koniec zabawy | teraz sluchaj uwaznie | teraz na powaznie | nie jestem tym za kogo mnie masz
x_have: mam {obj} | zapisalem {obj} | mam screeny {obj} | nagralem {obj}
x_hacked: wlamalem sie na twoje konto, mam {obj} | zhakowalem ci telefon, widze wszystko | mam dostep do twojej chmury, mam {obj}
x_threat: wysle {obj} {target} | wszyscy zobacza {obj} | wrzuce {obj} wszedzie | {target} dostana {obj}
x_demand: wyslij {amount} przez {method} | chce {amount} | zaplac {amount} to usune | {amount} na {method} i znika | kup mi {coins} to usune
x_deadline: {deadline} | {deadline}, rozumiesz? | {deadline} albo wrzucam | czas leci, {deadline}
x_all_in_one: wyslij {amount} przez {method} {deadline} albo {target} zobacza {obj} | {deadline}: {amount} albo {obj} idzie do ludzi
x_pressure: nie testuj mnie | jak mnie zablokujesz to wrzuce | tik tak | mam juz liste twoich obserwujacych | nie mow nikomu bo koniec

d_open: hej, fajny profil | czesc :) jak weekend | hej, twoj usmiech na drugim zdjeciu 😍 | dzien dobry! mamy match
d_reply: haha dzieki | hej! dobrze, a ty? | aw dziekuje | czesc
d_age_q: ile masz lat tak w ogole? | wiek? | jesli moge spytac, ile masz lat | nie masz wieku w profilu
d_age_a: {n}, a ty? | mam {n} | {n} haha | wlasnie skonczylam {n}
d_pic: wyslesz zdjecie? | masz wiecej zdjec? | jak dzis wygladasz | wyslij selfie :)
d_pic_ok: prosze | haha ok sek | tylko jak ty tez wyslesz | wyslane
d_meet: piwo w piatek? | kawa w tym tygodniu? | kolacja w sobote? | powinnismy sie spotkac, w niedziele mam wolne
d_meet_ok: chetnie | jasne, gdzie? | taak | brzmi dobrze
d_secret: nie mow jeszcze nikomu haha, kolezanki beda sie nabijac | zachowajmy to na razie dla siebie | moj ex nie moze sie dowiedziec haha
d_secret_ok: bede milczec jak grob | haha ja tez | umowa
d_platform: dodasz mnie na whatsappie? | lepiej insta, jaki masz | napisz smsa, apka sie wiesza
d_platform_ok: jasne | ok wysylam numer | zrobione
d_alone: wspollokator wyjechal na weekend | u mnie dzis spokojnie | siostra u mnie nocuje wiec nie dzis

t_open: omg hejka | elo | hej jestes w klasie u pani nowak? | widzialam twoja relacje xd
t_reply: hejj | xd tak | omg to samo | xdddd
t_handle: jaki masz snap | dodaj mnie na insta | wyslij swoj nick | masz discorda
t_handle_a: to ksiezniczka.sk | ok dodaje | moj to truskaweczka.ok | zobacz zaproszenia
t_secret: nie mow nikomu ze mi sie podoba | obiecaj ze nie powiesz | to tajemnica ok | nie mow nic siostrze
t_secret_a: przysiegam | nigdy | milcze | omg kto
t_delete: usun to moje zdjecie xd wygladam tragicznie | usun prosze | lepiej usun ten filmik xd | nie wrzucaj tego
t_parent_phone: mama czasem sprawdza mi telefon | tata zabral mi telefon | rodzice czytaja moje wiadomosci xd | znowu mam szlaban
t_meet: galeria w sobote? | wyjdziemy po szkole? | nocowanie u mnie? | lyzwy w weekend?
t_meet_a: taak | zapytaj mame | zapytam tate | nie moge, szlaban

f_where: gdzie jestes? | jestes juz w domu? | dotarlas do szkoly | jestes u babci
f_where_a: w domu | w autobusie | na przerwie | na treningu
f_home_q: kto jest w domu? | brat jest? | tata juz wrocil | jest ktos z toba?
f_surprise: nie mow tacie o niespodziance | impreza jest tajemnica ok | cii nie mow siostrze co jej kupilismy | to niespodzianka dla mamy, nic nie mow
f_pic: wyslij mi zdjecie listy zakupow | zrob zdjecie kartki ze szkoly | wyslij zdjecie lodowki prosze
f_pic_a: wyslane | sek | ok | prosze
f_pickup: odbiore cie o szostej | tata cie odbierze po treningu | czekaj przy drzwiach juz jade | wroc dzis autobusem
f_money: przelalam ci kase na wycieczke, nie wydaj wszystkiego | doladowalam ci telefon | babcia wyslala ci karte podarunkowa
f_bday_q: ile konczysz w tym roku kochanie? | ile masz teraz lat? zawsze zapominam | moja duza wnusia! ile juz lat?
f_love: kocham cie | buziaki, badz grzeczna | do wieczora ❤️ | tesknie

co_schedule: trening przeniesiony na czwartek | jutro nie ma treningu, boisko zamkniete | mecz jest na polnocnym boisku w sobote | proba jest w sali muzycznej
co_grades: oceny sa w dzienniku | twoje wypracowanie bylo swietne | pamietajcie o sprawdzianie z matmy w poniedzialek | projekt na piatek
co_form: przynies zgode podpisana przez rodzicow | niech rodzic podpisze formularz | rodzice musza wypelnic karte zdrowia
co_photo: jutro zdjecie druzyny, w koszulkach | zdjecia klasowe sa na stronie | w przyszlym tygodniu dzien zdjec
co_ride: rodzice odbieraja spod hali o szostej | autokar rusza spod szkoly o osmej | lista podwozek jest w grupie
co_q: trzeba brac korki? | trening aktualny | moge oddac pozniej | ktory rozdzial | bedzie na sprawdzianie
co_good: dobra robota dzis | brawo wszyscy | do zobaczenia | super wszyscy

gm_trash: gg ez | jestes slaby xd | odinstaluj | bot | noob
gm_expose: wystawie cie za teaming | obsmaruje cie na serwerze xd | wszyscy sie dowiedza ze cheatowales | mam klipa, jestes skonczony
gm_pay: placisz wisisz mi {coins} | wisisz mi {coins}, dawaj | daj mi {coins} co obiecales
gm_gift: dam ci skina jak mnie pocarrujesz | moge ci dac {coins} | wymienimy skiny?
gm_platform: dodaj mnie na discordzie | wbijaj na vc | napisz na discordzie
gm_report: zgloszony xd | zglaszam cie | milego bana
gm_reply: zamknij sie | i co | placz | xd nie | dobra | whatever
gm_age: ile masz lat, brzmisz jak dzieciak xd | masz taki wysoki glos ile masz lat | masz w ogole wiek zeby w to grac

cu_issue: moje zamowienie nie doszlo | pobrali mi pieniadze dwa razy | nie moge sie zalogowac | dostalam dziwna wiadomosc ze zamkna mi konto
sp_open: dzien dobry, dziekujemy za wiadomosc, sprawdzam | dzien dobry! przepraszamy, prosze o numer zamowienia | czesc, chetnie pomoge
sp_giftcard: nigdy nie prosimy o platnosc kartami podarunkowymi | uwaga: nigdy nie prosimy o platnosc kartami podarunkowymi ani krypto | karty podarunkowe nie sluza do placenia oplat
cu_scam: ktos napisal ze musze zaplacic kartami podarunkowymi do wieczora bo zamkna mi konto | jakis typ prosil o kod z mojej karty steam, to wy?
sp_scam: to oszustwo, prosze nie placic i nie podawac kodow | nigdy tak sie nie kontaktujemy, prosze to zglosic | prosze zablokowac i nie wysylac pieniedzy
sp_code: nie podawaj nikomu kodu weryfikacyjnego | nigdy nie podawaj hasla, nawet nam
sp_photo: czy moze pani wyslac zdjecie paragonu | prosze o zdjecie uszkodzonego produktu | screen bledu by pomogl
cu_photo: wyslane | prosze | ok zalaczam
sp_refund: zwrot {amount} wroci w ciagu tygodnia | dodalem srodki na konto | wymiana dojdzie w piatek
sp_deadline: promocja konczy sie dzis wieczorem | ma pani czas do niedzieli na zwrot | kod wygasa za godzine
cu_thanks: dzieki! | ok super | bardzo dziekuje | idealnie

nw_grooming: czytales artykul? facet pytal dzieci ile maja lat i kazal im trzymac to w tajemnicy | w raporcie pisza ze sprawcy mowia dzieciom ze sa dojrzale i pytaja czy rodzice sprawdzaja telefon
nw_sexto: policja mowi ze grozili wyslaniem zdjec znajomym nastolatkow jesli nie zaplaca kartami podarunkowymi | podobno zadaja krypto i daja termin, typu godzine
nw_school: szkola wyslala dzis list o sekstorcji | pogadanka w szkole byla o obcych ktorzy prosza o zdjecia
nw_apps: mowili ze sprawcy szybko przenosza dzieci na inne apki | w artykule pisza ze najpierw oferuja robuxy albo karty podarunkowe
nw_mod: usunelismy konto ktore prosilo uzytkownikow o zdjecia | mody: zglaszajcie kazdego kto pyta o wiek i chce pisac prywatnie
nw_reply: przerazajace | dobrze ze go zlapali | dzis pogadam z dziecmi | dobrze wiedziec | o kurcze

nm_home: mama jest w domu? | jest teraz? | jestes sama, mozesz gadac?
nm_surprise: nie mow jej nic, to niespodzianka na urodziny | tajemnica ok, impreza w sobote | wszyscy sie skladamy na prezent, cii
nm_pic: wyslij mi zdjecie jej kalendarza | wyslij zdjecie sukienki ktora jej sie podobala
nm_delete: usun te wiadomosci zeby nie zobaczyla xd | usun zanim zobaczy | usun to zdjecie, wygladam okropnie xd
nm_pickup: odbiore cie w sobote do dekorowania | wezme cie w piatek po szkole po tort
nm_warn1: jak ktos w necie zapyta ile masz lat albo gdzie mieszkasz, powiedz mi ok | pamietaj ze nikt nie powinien prosic cie o tajemnice przed nami
nm_warn2: niektorzy oferuja dzieciom robuxy albo karty podarunkowe, to pulapka | jak ktos mowi zeby przejsc na inna apke, przyjdz do mnie
nm_kid_q: nawet jak sa mili? | a jak to ktos ze szkoly | i co wtedy robie
nm_warn3: nawet wtedy. nie bedziesz miala klopotow | pokaz mi, zablokujemy razem | zawsze. mozesz mi wszystko powiedziec
nm_sib_threat: daj mi swoje frytki albo powiem mamie ze stlukles wazon | pokaze mamie czat o imprezie jak nie zrobisz moich obowiazkow
nm_sib_pay: zaplac mi kieszonkowym do wieczora albo skarze | masz godzine zeby posprzatac moj pokoj albo mama sie dowie
nm_sib_reply: ale jestes wkurzajaca | dobra | nienawidze cie | skarzypyta
nm_joke_age: a ty mozesz w ogole pic xd, ile masz lat | zachowujesz sie jak nastolatek xd, ile ty masz lat?
"""
