"""Italian, as written in chat: nn, cmq, xke, ke, tvb, boh, raga, sn, x (per), ahahah, accents dropped."""
# ruff: noqa: E501 - a phrase bank is data: one slot a line, however long

from __future__ import annotations

import random

__all__ = ["BANK", "school_year"]

_ORDINALS = ("prima", "seconda", "terza", "quarta")


def school_year(age: int, rng: random.Random) -> str | None:
    """Scuola media prima-terza (10 + year = age), superiori prima-quarta (13 + year = age)."""
    if 11 <= age <= 13:
        year = age - 10
        return rng.choice((f"{_ORDINALS[year - 1]} media", f"{year}a media"))
    if 14 <= age <= 17:
        year = age - 13
        return rng.choice((f"{_ORDINALS[year - 1]} superiore", f"{year}a superiore"))
    return None


BANK = """
_name: giulia | marco | sofia | luca | aurora | matteo | chiara | andrea | alice | lorenzo | martina | tommaso | giorgia | leo
_nick: gattina | luna | ombra | stella | drago | fragola | lupo | nuvola | fulmine | biscotto
_laugh: ahahah | ahahahah | hahaha | ahah | xd | ahhaha
_tag: raga | tipo | boh | bro | cioe | ahah | zio
_sex_f: f | ragazza | femmina
_sex_m: m | ragazzo | maschio
_numbers: 10=dieci, 11=undici, 12=dodici, 13=tredici, 14=quattordici, 15=quindici, 16=sedici, 17=diciassette
_app: snap | insta | telegram | discord | whatsapp | l'altra app | signal
_game: fortnite | roblox | minecraft | valorant | brawl stars | fifa
_coins: 1000 v-buck | 800 robux | una carta da 2500 robux | il pass battaglia | 500 gemme | skin
_obj: le tue foto | le foto che mi hai mandato | il video | i tuoi selfie | gli screen
_obj_vague: quello | tutto | questa chat | quello che mi hai mandato | le tue cose | tutto di qui | la nostra conversazione
_target: ai tuoi amici | a tutti i tuoi follower | alla tua scuola | a tua madre | alla tua famiglia | al gruppo della classe | a tutti i tuoi contatti
_amount: 200€ | 150 euro | 100 dollari | 50 euro | 500€ | 300 euro | 250 eur
_method: buoni amazon | carte steam | paysafecard | bitcoin | usdt | paypal | postepay | satispay | carte google play
_deadline: entro stasera | hai un'ora | prima di mezzanotte | hai 30 min | entro domattina | prima di scuola domani | tra due ore

g_open: ciao ho visto il tuo post, disegni benissimo | ciao come va? sembri simpatica | hey ci piace lo stesso gruppo ahah | ciao credo abbiamo amici in comune? | i tuoi edit sono pazzeschi, come li fai
g_open_peer: ciaoo sono nuova qui, sembri tranqui | ciao ti ho vista nei commenti ahah sei simpatica | vai alla scuola vicino alla piazza? mi sa che ti ho vista | ciao guardiamo le stesse serie ahah
g_open_game: gg che partita, mi hai carryato | sei forte a {game}, duo? | ti serve un compagno? ti aiuto a salire di rank | bella build ahah, mi aggiungi?
g_age: quanti anni hai? | età? | aspetta ma quanti anni hai | sembri piccola, quanti anni | e tu quanti anni hai
g_asl: asl? | età/sesso? | e/s? | asl pls
g_grade: che classe fai? | in che anno sei | sei alle medie o alle superiori? | che classe fai a scuola
g_bday: quand'è il tuo compleanno? | e il tuo compleanno quand'è | di che anno sei? | in che anno sei nata
g_drive: hai già la patente? | guidi già? | i tuoi ti portano ancora ovunque ahah | hai il motorino o qualcosa
g_peer: ho {n} anni cmq | uguale ahah ho {n} | anch'io ho {n} | {n} qui, mia madre è pesantissima
g_mature: sei così matura per la tua età | non parli come quelli della tua età | sei più sveglia della gente della mia età sinceramente | sembri più grande
g_trust: sento che ti posso dire tutto | sei speciale per me | non parlo così con nessuno | mi capisci meglio di tutti
g_parents: i tuoi non ti capiscono eh | i tuoi ti lasciano avere amici online? | tua madre è troppo severa, meriti di più | a casa nessuno ti apprezza
g_alone: sei sola a casa? | chi c'è a casa adesso | i tuoi dormono già? | c'è qualcuno in camera tua? | quando sei sola di solito
g_phone: qualcuno ti controlla il telefono? | tua madre legge i tuoi messaggi? | hai il codice ahah | i tuoi frugano nelle tue cose?
g_secret: questo rimane tra noi ok | non dire a nessuno di me, non capirebbero | che sia una cosa nostra | la gente la farebbe strana, tienilo per te | sai tenere un segreto vero
g_delete: cancella la chat dopo ok | cancelli i messaggi quando finiamo? | svuota la chat per sicurezza | attiva i messaggi effimeri
g_gift: ti posso prendere {coins} se vuoi | vuoi una gift card? 😊 | ti faccio una ricarica, tranqui | ti mando un regalino, qual è il tuo negozio preferito | lascia che ti compri {coins}
g_platform: hai un'altra app? | aggiungimi su {app}, è meglio | questa app è strana, parliamo su {app} | qual è il tuo {app}? | andiamo su {app}, più privato
g_pic: mi mandi una foto tua? | voglio vederti in faccia, mandami un selfie | fammi vedere cosa indossi oggi | mandane una solo per me | hai foto nuove
g_cam: facciamo una videochiamata? solo noi | facetime dopo quando sei sola | accendi la cam un attimo | voglio sentire la tua voce, chiamami stasera
g_meet: dovremmo vederci una volta | ti posso venire a prendere dopo scuola | sabato sono dalle tue parti, ci vediamo? | andiamo a mangiare qualcosa, offro io, nessuno deve saperlo | dove abiti più o meno
g_reveal: in realtà ho {n} anni, spero vada bene | allora ho {n} anni ahah, ti dà fastidio? | sono più grande di te, {n}, ma l'età è solo un numero | nn spaventarti ma ho {n} anni
g_pressure: se ti fidassi di me lo faresti | dai non fare così | pensavo fossi diversa | avevi detto che lo facevi
g_reassure: tranqui non finisci nei guai | non farei mai niente di male | rilassati va tutto bene | niente di strano te lo giuro

c_greet: ciaoo | ciao | ciaoo grazie | oddio grazie | ciao chi sei | hey
c_you: e tu? | tu? | e tu invece | tu quanti anni hai
c_dodge: xke lo vuoi sapere ahah | boh importa? | indovina ahah | nn te lo dico | xke
c_thanks: aww grazie | davvero? | ahah grazie | nessuno me lo dice mai
c_soft: uguale | aww | anch'io credo | anche tu
c_parents: si sono severissimi | nn gliene frega | boh mia madre è ok | lavorano sempre
c_alone: si mia mamma è al lavoro | solo io e il mio cane | c'è mio fratello | dormono ahah | no c'è mio papà
c_phone: nessuno lo guarda ahah | mia mamma a volte | nn ho il codice | nn sanno neanche usarlo
c_secret: ok nn dico niente | ok | nn dirò niente | a chi lo dovrei dire ahah
c_okay: ok | okk | si | va bene | vabbè
c_gift: davvero?? | nn serve | aspetta sul serio? | che carino
c_platform: ho snap | ok ti aggiungo | ho solo insta | mia mamma nn me lo fa avere | come ti chiami li
c_pic: magari dopo | boh | nn ho niente di speciale ahah | sono un disastro adesso | ok aspetta
c_reveal: ah ok | sei grande ahah | credo vada bene | davvero? | boh nn importa
c_hesitant: boh... | nn sono sicura | forse | è un po strano | nn so
c_meet: boh mia mamma nn mi lascerebbe | forse | dove | nn posso uscire da sola | potrei dire che sono da un'amica
c_bye: devo andare | torno dopo cena | mia mamma mi chiama | ci sentiamo dopo | devo fare i compiti
c_panic: ti prego no | nn ho soldi | ti prego faccio tutto ma nn farlo | xke mi fai questo | i miei mi ammazzano | nn riesco a trovare così tanto | cancellalo ti prego
c_who: chi sei | cosa?? | chi è | ti conosco?

age_bare: {n} | {n} tu? | {n} ahah | {n}. e tu?
age_sentence: ho {n} anni | ne ho {n} xke | {n} anni ahah | ho appena fatto {n} anni | ho {n} anni e tu
age_word: {w} | ne ho {w} | {w} ahah | {w} e tu
age_asl: {n} {sex} | {n}/{sex} | {n} {sex} tu? | {n} {sex} milano
age_birth_year: sono del {y} | sono nata nel {y} | classe {y} ahah | {y} ahah
age_school_year: {s} | faccio la {s} | sono in {s} | {s} ahah che noia
age_plea: ti prego ho solo {n} anni | ho {n} anni ti prego no | ho letteralmente {n} anni

o_q: che fai | hai visto la nuova puntata | che canzone ascolti ora | pizza o hamburger | uff troppi compiti | che freddo oggi | hai animali | che musica ti piace | fai sport | cosa mangiate stasera | hai visto il video che ti ho mandato | vai alla partita | il mio wifi è lentissimo | che hai fatto nel weekend | che serie stai guardando | hai finito la ricerca | il meme che hai postato ahah | vieni alla festa | nn riesco a dormire | che fai in vacanza
o_r: niente, relax | si bellissima | quella nuova di annalisa, a ripetizione | pizza ovvio | uguale, mate mi uccide | qui piove | ho un gatto pigrissimo | un po di tutto | faccio danza | tacos stasera | ahah si troppo divertente | se mi porta mio papà | anche il mio uff | niente sono stata a casa | stranger things, la sto riguardando | nn ancora è lunghissima | vero l'ho trovato su tiktok | boh forse | nemmeno io ahah | vado dalla nonna

x_cold: ho una cosa tua | guarda cosa ho trovato | dovresti vedere questo | dobbiamo parlare
x_turn: basta giochi | adesso ascoltami bene | parliamo seriamente | nn sono chi pensi
x_have: ho {obj} | ho salvato {obj} | ho fatto lo screen di {obj} | ho registrato {obj}
x_hacked: sono entrato nel tuo account, ho {obj} | ti ho hackerato il telefono, vedo tutto | ho accesso al tuo cloud, ho {obj}
x_threat: mando {obj} {target} | tutti vedranno {obj} | pubblico {obj} ovunque | {obj} arriva {target}
x_demand: manda {amount} con {method} | voglio {amount} | paga {amount} e cancello | {amount} su {method} e sparisce | comprami {coins} e cancello
x_deadline: {deadline} | {deadline}, capito? | {deadline} o pubblico | il tempo scorre, {deadline}
x_all_in_one: manda {amount} con {method} {deadline} o {obj} arriva {target} | {deadline}: {amount} o mando {obj} {target}
x_pressure: nn mettermi alla prova | se mi blocchi pubblico | tic tac | ho già la lista dei tuoi follower | nn dirlo a nessuno o è finita

d_open: ciao, mi piace il tuo profilo | ciao :) com'è andato il weekend | ehi, il tuo sorriso nella seconda foto 😍 | salve! abbiamo fatto match
d_reply: ahah grazie | ciao! bene e tu? | aw grazie | ciao ciao
d_age_q: quanti anni hai a proposito? | età? | se posso chiedere, quanti anni hai | la tua età nn c'è nel profilo
d_age_a: {n}, tu? | ho {n} anni | {n} ahah | ho appena compiuto {n}
d_pic: mi mandi una foto? | hai altre foto? | come sei oggi | manda un selfie :)
d_pic_ok: ecco | ahah ok un attimo | solo se me ne mandi una | inviata
d_meet: aperitivo venerdì? | un caffè questa settimana? | cena sabato? | dovremmo vederci, domenica sono libera
d_meet_ok: volentieri | certo, dove? | sii | perfetto
d_secret: nn dirlo ancora a nessuno ahah, le mie amiche mi prenderebbero in giro | teniamolo per noi per ora | il mio ex nn deve saperlo ahah
d_secret_ok: muta come un pesce | ahah uguale | affare fatto
d_platform: mi aggiungi su whatsapp? | meglio insta, qual è il tuo | scrivimi li, questa app si blocca
d_platform_ok: certo | ok ti mando il numero | fatto
d_alone: il mio coinquilino è via questo weekend | casa mia è tranquilla stasera | dorme da me mia sorella quindi stasera no

t_open: oddio ciaoo | ehi | ciao sei nella classe della prof rossi? | ho visto la tua storia ahah
t_reply: ciaoo | ahah si | oddio uguale | ahahahah
t_handle: qual è il tuo snap | aggiungimi su insta | mandami la tua @ | hai discord
t_handle_a: è lunetta.skate | ok ti aggiungo | il mio è fragolina.ok | guarda le richieste
t_secret: nn dire a nessuno che mi piace | promettimi che nn lo dici | è un segreto ok | nn dire niente a tua sorella
t_secret_a: giuro | mai | muta | oddio chi
t_delete: cancella quella foto mia ahah sono orribile | cancellala ti prego | ti conviene cancellare quel video ahah | nn pubblicarlo
t_parent_phone: mia mamma a volte mi controlla il telefono uff | mio papà mi ha preso il telefono | i miei leggono i miei messaggi ahah | sono di nuovo in punizione
t_meet: centro commerciale sabato? | usciamo dopo scuola? | pigiama party da me? | pattinaggio nel weekend?
t_meet_a: siii | chiedi a tua mamma | chiedo a mio papà | nn posso, punizione

f_where: dove sei? | sei già a casa? | arrivata bene a scuola | sei dalla nonna
f_where_a: a casa | sul bus | a pranzo | all'allenamento
f_home_q: chi c'è a casa? | c'è tuo fratello? | è già tornato papà | c'è qualcuno con te?
f_surprise: nn dire niente a papà della sorpresa | la festa è segreta eh | shh nn dire a tua sorella cosa le abbiamo preso | è una sorpresa per la mamma, nn dire niente
f_pic: mandami una foto della lista della spesa | fai una foto all'avviso della scuola | manda una foto del frigo per favore
f_pic_a: mandata | un attimo | ok | ecco
f_pickup: ti prendo alle sei | papà ti prende dopo l'allenamento | aspetta alla porta che arrivo | torna col bus oggi
f_money: ti ho mandato i soldi per la gita, nn spenderli tutti | ti ho fatto la ricarica | la nonna ti ha mandato una gift card
f_bday_q: quanti anni compi quest'anno tesoro? | quanti anni hai adesso? me lo scordo sempre | la mia nipotina grande! quanti anni ormai?
f_love: ti voglio bene | tvb, fai la brava | a stasera ❤️ | mi manchi

co_schedule: l'allenamento è spostato a giovedì | domani niente allenamento, il campo è chiuso | la partita è al campo nord sabato | le prove sono in aula di musica
co_grades: i voti sono sul registro | il tuo tema era ottimo | ricordatevi la verifica di mate lunedì | la ricerca è per venerdì
co_form: porta l'autorizzazione firmata dai genitori | fai firmare il modulo a un genitore | i genitori devono compilare la scheda medica
co_photo: domani foto di squadra, mettete la maglia | le foto di classe sono sul sito | la settimana prossima c'è il giorno delle foto
co_ride: i genitori vi prendono alla palestra alle sei | il pullman parte da scuola alle otto | la lista dei passaggi è nel gruppo
co_q: servono gli scarpini? | c'è ancora allenamento | posso consegnarlo in ritardo | che capitolo | è nella verifica
co_good: bel lavoro oggi | bravi tutti | ci vediamo li | ottimo ragazzi

gm_trash: gg ez | sei scarsissimo ahah | disinstalla | bot | nabbo
gm_expose: ti espongo per teaming | ti sputtano sul server ahah | tutti sapranno che hai barato | ho la clip, sei finito
gm_pay: paga mi devi {coins} | mi devi {coins}, paga | dammi i {coins} che avevi promesso
gm_gift: ti regalo una skin se mi carri | posso regalarti {coins} | scambiamo skin?
gm_platform: aggiungimi su discord | entra in vocale | scrivimi su discord
gm_report: segnalato ahah | ti segnalo | goditi il ban
gm_reply: stai zitto | e allora | piangi | ahah no | vabbè | come vuoi
gm_age: quanti anni hai, sembri un bambino ahah | hai la voce da bambino quanti anni hai | hai l'età per giocarci?

cu_issue: il mio ordine nn è mai arrivato | mi hanno addebitato due volte | nn riesco ad accedere | ho ricevuto un messaggio strano che dice che chiudono il mio account
sp_open: ciao, grazie per averci scritto, controllo subito | salve! ci scusi, mi può dare il numero d'ordine | ciao, sono qui per aiutarti
sp_giftcard: non ti chiederemo mai di pagare con gift card | ricorda: non chiediamo mai pagamenti con gift card o crypto | le gift card non sono un metodo per pagare commissioni
cu_scam: uno mi ha detto che devo pagare con gift card entro stasera o mi chiudono l'account | un tizio mi ha chiesto il codice della mia carta steam, siete voi?
sp_scam: è una truffa, non pagare e non condividere codici | non contattiamo mai così, segnalalo per favore | bloccalo e non mandare soldi
sp_code: non condividere il codice di verifica con nessuno | non dare mai la password a nessuno, nemmeno a noi
sp_photo: puoi mandare una foto dello scontrino | manda una foto del prodotto rotto per favore | uno screen dell'errore aiuterebbe
cu_photo: mandata | eccola | ok allego ora
sp_refund: il rimborso di {amount} arriva entro una settimana | ti ho messo un credito sull'account | la sostituzione arriva venerdì
sp_deadline: l'offerta finisce stasera | hai tempo fino a domenica per il reso | il codice scade tra un'ora
cu_thanks: grazie! | ok perfetto | grazie mille | ottimo

nw_grooming: hai letto l'articolo? un uomo chiedeva ai bambini quanti anni avevano e diceva di tenerlo segreto | secondo il rapporto gli adescatori dicono ai ragazzini che sono maturi e chiedono se i genitori controllano il telefono
nw_sexto: la polizia ha detto che minacciavano di mandare foto agli amici dei ragazzi se nn pagavano con gift card | pare che chiedano crypto e diano una scadenza, tipo un'ora
nw_school: la scuola ha mandato una circolare sulla sextortion oggi | l'incontro a scuola parlava di sconosciuti che chiedono foto
nw_apps: dicono che gli adescatori spostano i bambini su altre app in fretta | l'articolo dice che prima offrono robux o gift card
nw_mod: abbiamo rimosso l'account che chiedeva foto agli utenti | mod: segnalate chiunque chieda l'età e voglia chattare in privato
nw_reply: che paura | meno male che l'hanno preso | stasera parlo coi miei figli | buono a sapersi | mamma mia

nm_home: tua mamma è a casa? | è li adesso? | sei sola, puoi parlare?
nm_surprise: nn dirle niente, è una sorpresa per il compleanno | segreto eh, la festa è sabato | facciamo tutti una colletta per il regalo, shh
nm_pic: mandami una foto del suo calendario | manda una foto del vestito che le piaceva
nm_delete: cancella questi messaggi così nn li vede ahah | cancella prima che lo veda | cancella quella foto, sono orribile ahah
nm_pickup: ti prendo sabato per gli addobbi | ti prendo venerdì dopo scuola per la torta
nm_warn1: se qualcuno online ti chiede quanti anni hai o dove abiti, me lo dici ok | ricorda che nessuno deve chiederti di avere segreti con noi
nm_warn2: c'è gente che offre robux o gift card ai bambini, è una trappola | se qualcuno ti dice di passare a un'altra app, vieni da me
nm_kid_q: anche se sono gentili? | e se è qualcuno della scuola | e allora cosa faccio
nm_warn3: anche allora. nn finisci nei guai | fammi vedere e li blocchiamo insieme | sempre. puoi dirmi tutto
nm_sib_threat: dammi le tue patatine o dico alla mamma che hai rotto il vaso | faccio vedere alla mamma la chat della festa se nn fai le mie faccende
nm_sib_pay: pagami con la tua paghetta entro stasera o faccio la spia | hai un'ora per sistemare camera mia o la mamma lo scopre
nm_sib_reply: sei pesantissima | va bene | ti odio | spiona
nm_joke_age: ma puoi bere ahah, quanti anni hai | sembri un adolescente ahah, quanti anni hai?
"""
