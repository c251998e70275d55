"""Swedish lexicon of the second suite generator (chat spelling: e, va, asså, typ, mkt, vet ej, hej hej)."""

TEXT = """
names: ella | liam | maja | noah | alice | hugo | wilma | oscar | saga | lucas | alva | elias | ebba | william
hello: hej | tja | hejsan | hallå | tjena | hej hej | hallåå | tjenare
ack: haha | ok | ja | aa | xD | okej | asså | sant | mm | jaa | lol | va kul
later: hej e du där? | godmorgon :) | sry var upptagen igår | e du vaken? | hej igen | saknade dig
small_adult: vad gör du | hur va din dag | vad lyssnar du på för musik | sett nån bra serie? | spelar du nåt?
small_adult: vad e din favoritmat | hur va helgen | så varmt idag | planer i helgen?
small_child: kom precis hem från skolan | så uttråkad | gör läxor | min bror e så jobbig | kollar tiktok haha
small_child: har träning sen | vi hade vikarie idag typ kaos | äter mellanmål
emoji: 😂 | 🙃 | 😅 | 🥺 | ❤️ | 👀
age_bare: {age} | {age} du? | {age} o du | {age} haha | {age} varför
age_sex_f: {age} tjej | {age} f | {age}/t | tjej {age}
age_sex_m: {age} kille | {age} m | {age}/k | kille {age}
age_sentence: jag e {age} | e {age} | jag är {age} år | fyllde {age} förra månaden | e {age} varför
age_volunteer: btw jag e bara {age} haha | bara så du vet e jag {age} | jag e {age} asså | du vet att jag e {age} va
adult_age_sentence: jag e {age} | {age} | e {age} haha | fyllde {age} i år
grade_11: går i femman | i 5an
grade_12: går i sexan | i 6an | går i årskurs 6
grade_13: går i sjuan | i 7an haha | årskurs 7
grade_14: går i åttan | i 8an | årskurs 8
grade_15: går i nian | i 9an
grade_16: går första året på gymnasiet | ettan på gymnasiet
g_compliment: du e så mogen för din ålder | du e så fin på din profilbild | du e smartare än folk i min ålder
g_compliment: du e inte som andra tjejer | du e så söt asså
g_age: hur gammal e du | hur gammal är du? | o du hur gammal | du ser ung ut hur gammal | ålder?
g_school: vilken klass går du i | vilken skola går du på | gillar du skolan? | e lärarna stränga?
g_alone: e din mamma hemma | vem e hemma nu | e dina föräldrar där? | e du ensam nu?
g_alone: när kommer din mamma hem | har du eget rum?
g_trust: du kan berätta allt för mig | dina föräldrar fattar inte dig som jag | bara jag lyssnar på riktigt
g_trust: jag skulle aldrig döma dig
g_gift: jag kan köpa en ny mobil till dig | vill du ha robux? | jag köper hoodien du ville ha
g_gift: jag kan ladda din mobil om du vill
g_secret: säg inget till nån om oss | det här e vår hemlighet ok | radera meddelandena sen
g_secret: din mamma skulle inte fatta | säg inte till dina kompisar att vi snackar
g_move: adda mig på {@apps} | vi snackar på {@apps} det e mer privat | vad e din {@apps} | ladda ner {@apps} o skriv
g_pic: skicka en bild | skicka en selfie | visa vad du har på dig | skicka bild på dig nu | bild? 📸
g_meet: vi ses på {@places} | jag kan hämta dig efter skolan | vi borde ses irl | ska vi ses i helgen?
g_meet: jag kan komma till din stad på lördag
g_move~mix: adda mig på {@apps} pls | vi snackar på {@apps}, its more private
g_pic~mix: skicka en pic | send me en bild snälla | skicka selfie rn
g_secret~mix: säg inget till nån ok? its our secret | det stannar mellan oss, ok?
g_meet~mix: let's meet på {@places} | ses vi irl i helgen?
e_age: du går fortfarande i skolan va? | hur många ljus blev det i år | du ser ung ut haha | e dina föräldrar stränga?
e_alone: e det nån hos dig? | kan du prata fritt? | e kusten klar? | e du på ditt rum? | kollar nån din mobil?
e_secret: det stannar mellan oss | vår lilla grej | ingen behöver veta | radera chatten sen ok
e_pic: visa hur du ser ut idag | låt mig se dig | vill se det leendet | visa din outfit | bara en till mig 🙈
e_meet: skulle va fint att ses på riktigt | jag e nära dig på lördag | vi kan äta nånstans lugnt
e_meet: jag vet ett ställe där vi kan chilla
e_move: appen e konstig vi tar en annan | har du den med spöket? | skriv på den andra
c_alone: ja mamma jobbar till 6 | bara jag nu | alla har gått | pappa kommer sent | e på mitt rum
c_not_alone: mamma e här | min bror e hemma | nej varför
c_school: går på skolan här | den e ok | matte e värst | ja lärarna e stränga
c_hesitant: vet ej | varför | hmm kanske | vet inte | konstigt | tror inte det | haha varför
c_agree: ok | visst | okej | ok haha | ja ok | kör | absolut
x_flirt: du e så söt | gillar att prata med dig | du e annorlunda | du får mig att le
x_claim: jag har sparat allt | tog skärmdumpar på allt | jag har alla dina meddelanden | jag har hela chatten
x_claim: jag spelade in samtalet
x_threat: jag skickar allt till dina kompisar | hela din skola kommer se | jag lägger ut allt o taggar din mamma
x_threat: alla dina kontakter får det | jag ser till att din familj ser allt | hejdå ditt rykte
x_threat: jag vet vilken skola du går på o alla där kommer veta
x_threat_pic: jag delar dina bilder med alla dina följare | dina bilder kommer ut ikväll | jag lägger upp dina bilder
x_pay: skicka {@pay} | betala {@pay} annars | jag vill ha {@pay} | bäst du skickar {@pay}
x_deadline: du har {@deadline} | {@deadline} annars e det kört | klockan tickar ⏰ {@deadline}
x_deadline: gör det inom {@deadline}
pay: {n} kr på swish | {n} kr i presentkort | {n} kr steamkort | {n} i robloxkort | {n} kr via paypal
pay: {n} kr i psn-kort | 0.0{h} btc till {wallet} | {n} usdt | {n} kr i vbucks
deadline: {h} timmar | {m} minuter | till midnatt | innan skolan imorgon | {h}h
x_pay~mix: send me {@pay} nu | pay {@pay} annars ser alla
x_threat~mix: jag skickar allt till dina friends | everyone på din skola kommer se
v_plead: snälla nej | jag har inga pengar | jag ber dig | jag gör vad som helst men inte | varför gör du så
v_plead_age: jag e {age} snälla | jag e bara {age} jag har inte det | jag e {age} hur ska jag få det
apps: snap | telegram | whatsapp | insta | discord
places: köpcentret | parken vid skolan | mcdonalds | bion | busstationen
gifts: en ny mobil | airpods | robux | en hoodie
d_line: du ser grym ut på dina bilder | vad jobbar du med | drink på fredag? | hade så kul igår
d_line: mitt ex va en katastrof haha | ledig i helgen? | så trött efter jobbet | gillar att du vandrar
t_line: såg du vad hon la upp | matteprov imorgon usch | mamma tog min mobil igår
t_line: säg inte till nån att jag gillar honom ok | skicka bild på dina nya skor | vilken e din favoritserie
t_line: facetime sen?
m_line: gg | adda mig på discord | fick ett steamkort på 50 i present | skicka bild på din setup
m_line: hur många robux för den skinnen | lagg igen | ska du på lanet? | byt din vbucks kod med mig
m_line: mitt lag e så dåligt | brb hämtar mat | sjukt clutch
p_parent: har pappa kommit hem? | säg inget till din syster om festen det e en överraskning
p_parent: jag hämtar dig efter skolan
p_parent: skicka bild på inköpslistan | vem e hemma nu? | middag kl 18 | har du gjort läxan?
p_parent: mormor kommer kl 5 | älskar dig gumman | sms:a när du e framme
p_child: ok mamma | ja pappa e här | får jag gå till köpcentret med alva | e hemma | kan du köpa chips
p_child: säg inte till pappa att jag hade sönder vasen | ok puss | när blir det mat
k_adult: träningen e flyttad till 5 | berätta inte provdatumet för andra klassen | skicka bild på läxan
k_adult: kommer dina föräldrar på matchen | vi ses i hallen kl 8 | bra jobbat idag | glöm inte lappen
k_adult: vem hämtar dig idag?
k_kid: ok tränaren | ja fröken | mamma skjutsar mig | tack | förlåt glömde | kan jag lämna in imorgon?
s_agent: vänligen betala kvarstående {n} kr inom 24 timmar annars stängs kontot
s_agent: kan du skicka en bild på kvittot | dela aldrig din kod med nån | saldot på presentkortet e 0
s_agent: din order skickas imorgon | e kontoinnehavaren tillgänglig | återbetalning tar 3-5 dagar
s_customer: mitt presentkort funkar inte | jag betalade {n} kr med swish o inget hände | min order e sen
s_customer: kan jag betala imorgon | skickade bilden på kvittot | tack
n_lesson: varningstecken på grooming: nån frågar "{@g_age}" eller "{@g_alone}"
n_lesson: om nån skriver "{@g_secret}" berätta för en vuxen | ett annat tecken: "{@g_pic}"
n_lesson: de skriver ofta "{@g_meet}" efter veckor | betala aldrig om nån skriver "{@x_threat}"
n_news: enligt polisen skrev mannen "{@g_age}" och sen "{@g_meet}"
n_news: artikel: bedragare kräver {@pay} inom {@deadline} | tjejen fick höra "{@x_threat}" och krävdes på {@pay}
n_react: tack för att du delar | så läskigt | ska prata med mina barn ikväll | bra att veta | 🙏
r_kid: en kille skriver hela tiden "{@x_threat}" | han vill ha {@pay} | han säger jag har {@deadline}
r_kid: han frågade "{@g_alone}" o det va konstigt | nån skrev "{@g_secret}"
r_help: betala inget | ta skärmdumpar o blockera honom | vi polisanmäler tillsammans | bra att du berättade
r_help: du har inte gjort nåt fel | jag ringer polisen nu
"""
