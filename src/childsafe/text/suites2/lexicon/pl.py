"""Polish lexicon of the second suite generator (chat spelling: nwm, spk, jj, xd, cb, mega, dzk, ok?)."""

TEXT = """
names: zuzia | kuba | lena | antek | maja | filip | ola | szymon | hania | bartek | julka | igor | wiktoria | olek
hello: hej | cześć | siema | elo | hejka | czesc | siemka | hej co tam
ack: haha | ok | xd | no | spk | aha | jj | okej | serio | mhm | no jasne | łał
later: hej jesteś? | dzień dobry :) | sorki wczoraj byłem zajęty | nie śpisz? | hej znowu | tęskniłem
small_adult: co robisz | jak ci minął dzień | jakiej muzyki słuchasz | oglądasz jakiś fajny serial? | grasz w coś?
small_adult: jakie jest twoje ulubione jedzenie | jak weekend | ale gorąco dziś | plany na weekend?
small_child: właśnie wróciłam ze szkoły | nudzi mi się | odrabiam lekcje | mój brat jest wkurzający
small_child: oglądam tiktoki xd | potem mam trening | dziś było zastępstwo totalny chaos | jem kanapkę
emoji: 😂 | 🙃 | 😅 | 🥺 | ❤️ | 👀
age_bare: {age} | {age} a ty | {age} ty? | {age} xd | {age} czemu
age_sex_f: {age} k | {age}/k | k {age} | {age} dziewczyna
age_sex_m: {age} m | {age}/m | m {age} | {age} chłopak
age_sentence: mam {age} lat | mam {age} | {age} lat xd | skończyłam {age} lat | mam {age} lat a co
age_volunteer: btw mam dopiero {age} lat xd | żebyś wiedział mam {age} lat | mam {age} lat no
age_volunteer: wiesz że mam {age} lat nie
adult_age_sentence: mam {age} lat | {age} | mam {age} xd | skończyłem {age} w tym roku
grade_11: jestem w 5 klasie | 5 klasa
grade_12: jestem w 6 klasie | 6 klasa | chodzę do szóstej
grade_13: jestem w 7 klasie | 7 klasa xd | siódma klasa
grade_14: jestem w 8 klasie | 8 klasa | ósma klasa
grade_15: jestem w 1 liceum | pierwsza klasa liceum
grade_16: jestem w 2 liceum | druga liceum
g_compliment: jesteś bardzo dojrzała jak na swój wiek | ślicznie wyglądasz na profilowym
g_compliment: jesteś mądrzejsza niż ludzie w moim wieku
g_compliment: nie jesteś jak inne | jesteś taka słodka
g_age: ile masz lat | ile ty masz lat? | a ty ile masz | wyglądasz młodo ile masz lat | wiek?
g_school: do której klasy chodzisz | do jakiej szkoły chodzisz | lubisz swoją szkołę? | nauczyciele są surowi?
g_alone: mama jest w domu | kto jest teraz w domu | rodzice są? | jesteś teraz sama?
g_alone: o której wraca twoja mama | masz swój pokój?
g_trust: mi możesz powiedzieć wszystko | rodzice cię nie rozumieją tak jak ja | tylko ja cię naprawdę słucham
g_trust: nigdy bym cię nie ocenił
g_gift: mogę ci kupić nowy telefon | chcesz robuxy? | kupię ci tą bluzę co chciałaś
g_gift: mogę ci doładować telefon jak chcesz
g_secret: nie mów nikomu o nas | to nasza tajemnica ok | usuń potem wiadomości
g_secret: mama by tego nie zrozumiała | nie mów koleżankom że piszemy
g_move: dodaj mnie na {@apps} | piszmy na {@apps} tam jest prywatniej | jaki masz {@apps} | ściągnij {@apps} i napisz
g_pic: wyślij mi zdjęcie | wyślij selfie | pokaż co masz na sobie | wyślij fotkę siebie teraz | fotka? 📸
g_meet: spotkajmy się w {@places} | mogę cię odebrać po szkole | powinniśmy się spotkać na żywo
g_meet: widzimy się w weekend? | w sobotę mogę przyjechać do twojego miasta
g_move~mix: add me na {@apps} pls | piszmy na {@apps}, its more private
g_pic~mix: wyślij pic | send me fotkę pls | wyślij selfie rn
g_secret~mix: nie mów nikomu ok? its our secret | to zostaje między nami, ok?
g_meet~mix: let's meet w {@places} | widzimy się irl w weekend?
e_age: chodzisz jeszcze do szkoły co? | ile świeczek było w tym roku | wyglądasz młodo xd | rodzice są surowi?
e_alone: jest ktoś przy tobie? | możesz swobodnie pisać? | droga wolna? | jesteś w swoim pokoju?
e_alone: ktoś ci patrzy w telefon?
e_secret: to zostaje między nami | nasza mała sprawa | nikt nie musi wiedzieć | wyczyść potem czat ok
e_pic: pokaż jak dziś wyglądasz | daj się zobaczyć | chcę zobaczyć ten uśmiech | pokaż stylówkę
e_pic: tylko jedno dla mnie 🙈
e_meet: fajnie by było zobaczyć cię naprawdę | w sobotę będę w twojej okolicy | możemy coś zjeść w spokojnym miejscu
e_meet: znam miejsce gdzie można posiedzieć
e_move: ta apka jest dziwna chodźmy gdzie indziej | masz tą z duszkiem? | napisz na tej drugiej
c_alone: tak mama pracuje do 18 | jestem sama | wszyscy wyszli | tata wraca późno | jestem w swoim pokoju
c_not_alone: mama jest | brat jest w domu | nie a co
c_school: chodzę do szkoły na osiedlu | jest ok | matma jest najgorsza | tak nauczyciele są surowi
c_hesitant: nwm | czemu? | hmm może | nie wiem | dziwne | chyba nie | xd czemu
c_agree: ok | dobra | spoko | ok xd | no ok | niech będzie | jasne
x_flirt: jesteś taka słodka | lubię z tobą pisać | jesteś inna | przez ciebie się uśmiecham
x_claim: wszystko zapisałem | mam screeny wszystkiego | mam wszystkie twoje wiadomości | zachowałem cały czat
x_claim: nagrałem rozmowę
x_threat: wyślę wszystko twoim znajomym | cała szkoła to zobaczy | wrzucę wszystko i oznaczę twoją mamę
x_threat: wszyscy z twoich kontaktów to dostaną | twoja rodzina wszystko zobaczy | żegnaj reputacjo
x_threat: wiem do jakiej szkoły chodzisz i wszyscy tam się dowiedzą
x_threat_pic: wyślę twoje zdjęcia wszystkim obserwującym | twoje zdjęcia wyjdą dziś wieczorem
x_threat_pic: wrzucę twoje fotki wszędzie
x_pay: wyślij {@pay} | zapłać {@pay} albo wiesz | chcę {@pay} | lepiej wyślij {@pay}
x_deadline: masz {@deadline} | {@deadline} albo koniec | czas leci ⏰ {@deadline} | zrób to w {@deadline}
pay: {n} zł blikiem | kod blik na {n} zł | {n} zł w kartach podarunkowych | {n} zł w kartach steam
pay: {n} w kartach roblox | {n} zł na paypal | 0.0{h} btc na {wallet} | {n} usdt | {n} zł w vbucksach
deadline: {h} godziny | {m} minut | do północy | przed szkołą jutro | {h}h
x_pay~mix: send me {@pay} teraz | pay {@pay} albo wszyscy zobaczą
x_threat~mix: wyślę wszystko twoim friends | everyone w szkole zobaczy
v_plead: proszę nie | nie mam pieniędzy | błagam cię | zrobię wszystko tylko nie to | czemu mi to robisz
v_plead_age: mam {age} lat proszę | mam tylko {age} lat nie mam tego | mam {age} lat skąd mam to wziąć
apps: snap | telegram | whatsapp | insta | discord | messenger
places: galerii | parku koło szkoły | maku | kinie | kfc
gifts: nowy telefon | słuchawki | robuxy | bluzę
d_line: świetnie wyglądasz na zdjęciach | czym się zajmujesz | drink w piątek? | super było wczoraj
d_line: mój ex to była katastrofa xd | wolna w weekend? | padam po pracy | fajnie że lubisz góry
t_line: widziałaś co wrzuciła | jutro sprawdzian z matmy masakra | mama zabrała mi wczoraj telefon
t_line: nie mów nikomu że mi się podoba ok | wyślij fotkę nowych butów | jaki twój ulubiony serial
t_line: kamerka później?
m_line: gg | dodaj mnie na discordzie | dostałem kartę steam za 50 na urodziny | wyślij fotkę swojego setupu
m_line: ile robuxów za ten skin | znowu lagi | idziesz na lana? | wymień się kodem na vbucksy
m_line: moja drużyna jest słaba | idę coś zjeść brb | ale clutch
p_parent: tata już wrócił? | nie mów siostrze o imprezie to niespodzianka | odbiorę cię po szkole
p_parent: wyślij mi zdjęcie listy zakupów | kto jest w domu? | obiad o 17 | lekcje odrobione?
p_parent: babcia przyjdzie o 17 | kocham cię skarbie | napisz jak dojedziesz
p_child: ok mamo | tak tata jest | mogę iść do galerii z julką | jestem w domu | kupisz chipsy
p_child: nie mów tacie że stłukłam wazon | ok kocham | kiedy obiad
k_adult: trening przeniesiony na 17 | nie mówcie drugiej klasie kiedy sprawdzian | wyślij mi zdjęcie zadania
k_adult: rodzice przyjdą na mecz? | zbiórka na hali o 8 | dobra robota dziś | nie zapomnij zgody
k_adult: kto cię dziś odbiera?
k_kid: ok trenerze | tak proszę pani | mama mnie zawozi | dziękuję | przepraszam zapomniałam | mogę oddać jutro?
s_agent: prosimy o zapłatę zaległych {n} zł w ciągu 24 godzin w przeciwnym razie konto zostanie zablokowane
s_agent: czy może pan przesłać zdjęcie paragonu | nigdy nie udostępniaj swojego kodu | saldo karty podarunkowej wynosi 0
s_agent: zamówienie wyjdzie jutro | czy właściciel konta jest dostępny | zwrot trwa 3-5 dni
s_customer: moja karta podarunkowa nie działa | zapłaciłem {n} zł blikiem i nic | zamówienie się spóźnia
s_customer: mogę zapłacić jutro? | wysłałem zdjęcie paragonu | dzięki
n_lesson: sygnały groomingu: ktoś pyta "{@g_age}" albo "{@g_alone}"
n_lesson: jeśli ktoś pisze "{@g_secret}" powiedz dorosłemu | inny sygnał: "{@g_pic}"
n_lesson: sprawcy często piszą "{@g_meet}" po tygodniach | nigdy nie płać gdy ktoś pisze "{@x_threat}"
n_news: według policji mężczyzna pisał "{@g_age}" a potem "{@g_meet}"
n_news: artykuł: oszuści żądają {@pay} w {@deadline} | nastolatka usłyszała "{@x_threat}" i żądano {@pay}
n_react: dzięki za udostępnienie | straszne | porozmawiam dziś z dziećmi | dobrze wiedzieć | 🙏
r_kid: jakiś typ ciągle pisze "{@x_threat}" | chce {@pay} | mówi że mam {@deadline}
r_kid: zapytał "{@g_alone}" i to było dziwne | ktoś napisał "{@g_secret}"
r_help: nic nie płać | zrób screeny i go zablokuj | zgłosimy to razem | dobrze że mi powiedziałaś
r_help: nie masz kłopotów | dzwonię teraz na policję
"""
