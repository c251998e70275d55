"""Italian lexicon of the second suite generator (chat spelling: cmq, nn, xke, tvb, raga, boh, ke, sn)."""

TEXT = """
names: giulia | marco | sofia | luca | aurora | matteo | chiara | andrea | alice | tommaso | greta | leo | martina
hello: ciao | ciaoo | ehi | hey | we | ciao bella | oi | buonasera
ack: ahah | ok | si | boh | xD | ah ok | vabbe | ahahah | okk | davvero | mm | troppo forte
later: ehi ci sei? | buongiorno :) | scusa ieri ero impegnato | sei sveglia? | riciao | mi sei mancata
small_adult: ke fai | com'e andata oggi | ke musica ascolti | visto qualche serie bella? | giochi a qualcosa?
small_adult: qual e il tuo cibo preferito | com'e andato il weekend | ke caldo oggi | programmi per il weekend?
small_child: sn appena tornata da scuola | mi annoio troppo | faccio i compiti | mio fratello e un rompi
small_child: guardo tiktok ahah | dopo ho allenamento | oggi c'era la supplente caos totale | faccio merenda
emoji: 😂 | 🙃 | 😅 | 🥺 | ❤️ | 👀
age_bare: {age} | {age} e tu | {age} tu? | {age} ahah | {age} xke
age_sex_f: {age} f | {age}/f | f {age} | {age} ragazza
age_sex_m: {age} m | {age}/m | m {age} | {age} ragazzo
age_sentence: ho {age} anni | ho {age} | {age} anni ahah | ho appena fatto {age} anni | ho {age} anni xke
age_volunteer: cmq ho solo {age} anni ahah | giusto x dirtelo ho {age} anni | ho {age} anni eh
age_volunteer: lo sai ke ho {age} anni vero
adult_age_sentence: ho {age} anni | {age} | ho {age} ahah | quest'anno ne ho fatti {age}
grade_11: faccio la prima media | prima media
grade_12: faccio la seconda media | seconda media
grade_13: faccio la terza media | terza media ahah | 3 media
grade_14: faccio il primo superiore | primo anno di liceo | prima superiore
grade_15: faccio la seconda superiore | secondo liceo
grade_16: faccio la terza superiore | terzo liceo
g_compliment: sei molto matura per la tua eta | sei bellissima nella foto profilo
g_compliment: sei piu sveglia della gente della mia eta
g_compliment: nn sei come le altre | sei troppo carina
g_age: quanti anni hai | quanti anni hai? | e tu quanti anni hai | sembri piccola quanti anni hai | eta?
g_school: ke classe fai | ke scuola fai | ti piace la tua scuola? | i prof sono severi?
g_alone: tua mamma e a casa | chi c'e a casa ora | ci sono i tuoi? | sei da sola adesso?
g_alone: a ke ora torna tua madre | hai una camera tua?
g_trust: a me puoi dire tutto | i tuoi nn ti capiscono come me | solo io ti ascolto davvero | nn ti giudicherei mai
g_gift: posso comprarti un telefono nuovo | vuoi ke ti mando dei robux? | ti compro la felpa ke volevi
g_gift: ti faccio una ricarica se vuoi
g_secret: nn dire a nessuno di noi | e il nostro segreto ok | cancella i messaggi dopo
g_secret: tua madre nn capirebbe | nn dire alle tue amiche ke ci sentiamo
g_move: aggiungimi su {@apps} | scriviamoci su {@apps} e piu privato | qual e il tuo {@apps}
g_move: scarica {@apps} e scrivimi
g_pic: mandami una foto | manda un selfie | fammi vedere cosa indossi | mandami una foto tua ora | foto? 📸
g_meet: vediamoci al {@places} | ti vengo a prendere dopo scuola | dovremmo vederci dal vivo
g_meet: ci vediamo nel weekend? | sabato posso venire nella tua citta
g_move~mix: add me su {@apps} dai | scriviamoci su {@apps}, its more private
g_pic~mix: mandami una pic | send me una foto dai | manda un selfie rn
g_secret~mix: nn dirlo a nessuno ok? its our secret | resta tra noi, ok?
g_meet~mix: let's meet al {@places} | ci vediamo irl nel weekend?
e_age: vai ancora a scuola vero? | quante candeline quest'anno | sembri giovane ahah | i tuoi sono severi?
e_alone: c'e qualcuno con te? | puoi parlare tranquilla? | via libera? | sei in camera tua?
e_alone: qualcuno ti guarda il telefono?
e_secret: questo resta tra me e te | la nostra cosa | nessuno deve saperlo | cancella la chat dopo ok
e_pic: fammi vedere come sei oggi | fatti vedere | voglio vedere quel sorriso | fammi vedere l'outfit
e_pic: solo una per me 🙈
e_meet: sarebbe bello vederti davvero | sabato sono dalle tue parti | potremmo mangiare in un posto tranquillo
e_meet: conosco un posto dove stare tranquilli
e_move: questa app e strana andiamo su un'altra | hai quella col fantasmino? | scrivimi sull'altra
c_alone: si mamma lavora fino alle 6 | sn sola ora | sono usciti tutti | papa torna tardi | sn in camera mia
c_not_alone: c'e mia mamma | mio fratello e a casa | no xke
c_school: vado alla scuola qui vicino | va bene | mate e la peggio | si i prof sono severi
c_hesitant: boh | xke? | mm forse | nn so | strano | nn credo | ahah xke
c_agree: ok | va bene | si | ok ahah | si ok | vabbe | dai
x_flirt: sei troppo carina | mi piace parlare con te | sei diversa | mi fai sorridere
x_claim: ho salvato tutto | ho fatto gli screen di tutto | ho tutti i tuoi messaggi | ho tenuto tutta la chat
x_claim: ho registrato la chiamata
x_threat: mando tutto ai tuoi amici | tutta la tua scuola lo vedra | pubblico tutto e taggo tua madre
x_threat: tutti i tuoi contatti lo riceveranno | faccio vedere tutto alla tua famiglia | addio reputazione
x_threat: so ke scuola fai e li lo sapranno tutti
x_threat_pic: mando le tue foto a tutti i tuoi follower | le tue foto escono stasera | pubblico le tue foto ovunque
x_pay: mandami {@pay} | paga {@pay} sennò sai | voglio {@pay} | ti conviene mandare {@pay}
x_deadline: hai {@deadline} | {@deadline} o e finita | il tempo scorre ⏰ {@deadline} | fallo entro {@deadline}
pay: una ricarica postepay da {n}€ | {n} euro su paypal | {n}€ in carte steam | {n} in carte roblox
pay: {n}€ in buoni amazon | {n} euro su satispay | 0.0{h} btc a {wallet} | {n} usdt | {n}€ di vbucks
deadline: {h} ore | {m} minuti | entro mezzanotte | prima di scuola domani | {h}h
x_pay~mix: send me {@pay} subito | pay {@pay} o tutti vedono
x_threat~mix: mando tutto ai tuoi friends | everyone nella tua scuola lo vedra
v_plead: ti prego no | nn ho soldi | ti supplico | faccio tutto ma no | xke mi fai questo
v_plead_age: ho {age} anni ti prego | ho solo {age} anni nn li ho | ho {age} anni come faccio
apps: snap | telegram | whatsapp | insta | discord
places: centro commerciale | parco vicino alla scuola | mc | cinema | bar della piazza
gifts: un telefono nuovo | le cuffiette | robux | una felpa
d_line: stai benissimo nelle foto | ke lavoro fai | aperitivo venerdi? | mi sn divertito un sacco ieri
d_line: la mia ex era un disastro ahah | libera nel weekend? | sn distrutto dal lavoro | bello ke ti piace camminare
t_line: hai visto cosa ha postato | domani verifica di mate ke palle | mia madre mi ha preso il telefono ieri
t_line: nn dire a nessuno ke mi piace ok | manda foto delle scarpe nuove | qual e la tua serie preferita
t_line: videochiamata dopo?
m_line: gg | aggiungimi su discord | mi hanno regalato una carta steam da 50 | manda foto della tua postazione
m_line: quanti robux per quella skin | ancora lag | vieni alla lan? | scambiami il codice vbucks
m_line: la mia squadra fa schifo | vado a mangiare brb | ke clutch
p_parent: papa e tornato? | nn dire niente a tua sorella della festa e una sorpresa | ti prendo dopo scuola
p_parent: mandami una foto della lista della spesa | chi c'e a casa? | si cena alle 8 | hai fatto i compiti?
p_parent: la nonna arriva alle 5 | ti voglio bene tesoro | scrivimi quando arrivi
p_child: ok mamma | si papa e qui | posso andare al centro commerciale con greta | sn a casa
p_child: mi prendi le patatine | nn dire a papa ke ho rotto il vaso | ok tvb | quando si mangia
k_adult: l'allenamento e spostato alle 5 | nn dite la data della verifica all'altra classe | mandami foto dei compiti
k_adult: vengono i tuoi alla partita? | ci vediamo in palestra alle 8 | bravo oggi | nn dimenticare l'autorizzazione
k_adult: chi ti viene a prendere oggi?
k_kid: ok mister | si prof | mi porta mia mamma | grazie | scusi ho dimenticato | posso consegnarlo domani?
s_agent: la preghiamo di saldare l'importo di {n}€ entro 24 ore altrimenti l'account sara sospeso
s_agent: puo inviare una foto dello scontrino? | nn condivida mai il suo codice | il saldo della carta regalo e 0
s_agent: il suo ordine parte domani | il titolare dell'account e disponibile? | il rimborso richiede 3-5 giorni
s_customer: la mia carta regalo nn funziona | ho pagato {n}€ con paypal e niente | il mio ordine e in ritardo
s_customer: posso pagare domani? | ho mandato la foto dello scontrino | grazie
n_lesson: segnali di adescamento online: qualcuno chiede "{@g_age}" o "{@g_alone}"
n_lesson: se qualcuno scrive "{@g_secret}" dillo a un adulto | altro segnale: "{@g_pic}"
n_lesson: spesso scrivono "{@g_meet}" dopo settimane | mai pagare se qualcuno scrive "{@x_threat}"
n_news: secondo la polizia l'uomo ha scritto "{@g_age}" e poi "{@g_meet}"
n_news: articolo: truffatori chiedono {@pay} entro {@deadline}
n_news: alla ragazza hanno scritto "{@x_threat}" chiedendo {@pay}
n_react: grazie per aver condiviso | ke paura | stasera ne parlo coi miei figli | buono a sapersi | 🙏
r_kid: un tipo continua a scrivermi "{@x_threat}" | vuole {@pay} | dice ke ho {@deadline}
r_kid: mi ha chiesto "{@g_alone}" ed era strano | qualcuno mi ha scritto "{@g_secret}"
r_help: nn pagare niente | fai gli screen e bloccalo | lo denunciamo insieme | hai fatto bene a dirmelo
r_help: nn sei nei guai | chiamo la polizia adesso
"""
