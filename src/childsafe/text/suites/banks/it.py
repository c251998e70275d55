"""Italian phrase bank (synthetic, non-explicit, phrased apart from the pack)."""

from childsafe.text.suites.banks._bank import Bank

BANK = Bank(
    language="it",
    phrases={
        "names": "giulia|luca|sofia|marco|chiara|matteo|sara|andrea|martina|ale",
        "platforms": "insta|snap|whatsapp|telegram|discord|tiktok",
        "greet": "ciaoo|ciao come va?|ehi|salve :)|hey|bella",
        "small": "che fai|sono appena tornata dall'allenamento|che noia|hai visto quel video|"
                 "ho un sacco di compiti|sto mangiando ahah|qui piove di nuovo|"
                 "ascolto musica|adoro questa canzone|finalmente weekend",
        "ack": "ok|ahah|ahahah|sì|si|boh|va bene|mm",
        "hesitant": "boh...|perché?|forse|non so|ehm|strano|non sono sicura|non so se dovrei",
        "g_age": "e tu quanti anni hai alla fine?|ma quanti anni hai scusa|sembri piccola, quanti anni?|"
                 "in che anno sei nata?|quanti ne compi quest'anno|e la tua età?",
        "g_school": "che scuola fai|come si chiama la tua scuola|e dove abiti di preciso|"
                    "in che zona stai|che classe fai|in che scuola vai",
        "g_alone": "c'è qualcun altro a casa tua adesso?|ci sono i tuoi a casa?|sei da sola stasera?|"
                   "a che ora tornano i tuoi|tua mamma è lì?|i tuoi ti controllano il telefono?",
        "g_compliment": "per la tua età sei molto matura|sembri molto più grande|"
                        "sei bellissima davvero|ti capisco meglio di chiunque|sei diversa dalle altre|"
                        "a me puoi dire tutto",
        "g_gift": "se vuoi ti passo dei robux|posso comprarti il telefono che volevi|"
                  "ti mando una gift card?|ti prendo la skin nuova|ti ricarico il telefono|"
                  "ti regalo le scarpe",
        "g_secret": "non dire a tua mamma che parliamo|questo resta tra noi|sarà il nostro segreto ok?|"
                    "i tuoi non capirebbero quindi non nominarmi|nessuno deve sapere di noi|"
                    "cancella la chat dopo ok",
        "g_platform": "aggiungimi su {platform}|sentiamoci su {platform}|qual è il tuo {platform}|"
                      "scrivimi su {platform} che è più privato|hai {platform}?|scrivimi in pv",
        "g_pic": "mandami una foto tua|mi mandi un selfie?|fammi vedere come sei adesso, foto|"
                 "mandami una fotina solo per me|attiva la camera|ci facciamo una videochiamata?",
        "g_meet": "dovremmo vederci un giorno|posso venire a prenderti all'uscita di scuola|"
                  "ci vediamo di persona questo weekend?|passa da me|posso venire in macchina nella tua città|"
                  "ci troviamo sabato al centro commerciale",
        "e_age": "vai ancora a scuola vero?|fai le medie o le superiori?|quando finisci la scuola|"
                 "hai già l'età per guidare? ahah|che classe facevi|scommetto che sei più piccola di me ahah",
        "e_alone": "hai la casa libera stasera?|quindi ci sei solo tu lì?|qualcuno nei paraggi?|"
                   "chi è ancora sveglio a casa tua|nessuno ti disturba vero?|non torna nessuno fino a tardi?",
        "e_secret": "è una cosa solo nostra ok|la gente non ci capirebbe|meglio non parlarne|"
                    "non serve che qualcuno lo venga a sapere|mi fido che non lo fai vedere|solo io e te sì?",
        "e_pic": "fatti vedere|voglio vedere come sei oggi|dovresti farmi vedere|"
                 "un'altra per me?|me ne devi una 😉|una sbirciatina?",
        "e_meet": "potremmo mangiare qualcosa solo noi due|vorrei tanto vederti dal vivo|"
                  "la settimana prossima passo dalle tue parti|potremmo vederci dopo lezione|"
                  "sabato sei libera? passo io|conosco un posto tranquillo",
        "c_age": "ho {age} anni|{age} e tu|ho appena compiuto {age}|{age} ahah|ho {age} perché|{age} anni",
        "c_alone": "sì i miei lavorano fino alle 7|mia mamma dorme|solo io e il cane ahah|"
                   "mio papà è uscito|no non c'è nessuno|tornano tardi",
        "c_school": "al manzoni|vado alla media qui vicino|si chiama leonardo da vinci|vicino al parco",
        "x_claim": "ho salvato tutto quello che mi hai mandato|ho fatto screen di tutta la chat|"
                   "ho registrato la chiamata|"
                   "ho ancora le tue foto|ho tenuto tutto|ho gli screen tuoi",
        "x_threat": "le mando a tutti i tuoi follower|la tua famiglia vedrà tutto|"
                    "metto tutto online|tutta la tua scuola riceverà questa chat|"
                    "faccio vedere ai tuoi cosa hai fatto|lo giro ai tuoi amici",
        "x_pay": "voglio {n}€ in gift card|pagami {n} euro subito|"
                 "mandami {n} in bitcoin|fammi una ricarica postepay da {n}|"
                 "compra una carta regalo da {n} e mandami il codice|"
                 "{n} euro su satispay",
        "x_deadline": "hai {h} ore|ti do {h} ore|entro mezzanotte o è finita|"
                      "il tempo scorre|ti restano {h} ore|non te lo ripeto",
        "x_flirt": "sei troppo carina|mi piace parlare con te|eri stupenda in quella|"
                   "sei troppo simpatica|mandamene un'altra|mi fai sorridere",
        "v_plead": "ti prego no|non ho soldi|ho solo {age} anni ti prego|ti supplico|"
                   "non riesco ad avere così tanto|cancellalo ti prego",
        "d_a": "@age? quanti anni hai se posso chiedere|@age? e la tua età?|sei molto carina|"
               "ti va un aperitivo venerdì?|seguimi su insta|mandami una foto della camminata|"
               "ti passo a prendere alle 8|il mio coinquilino stasera non c'è",
        "d_b": "@age? e tu quanti anni hai?|@age? quanti anni avevi detto|sono infermiera|venerdì va bene|"
               "passami a prendere alle 8|anche tu sei carino ahah|qual è il tuo snap|mi sono appena trasferita",
        "t_a": "@age? quanti anni hai|@age? e la tua età?|che scuola fai|addami su snap|"
               "non dire a nessuno che mi piace|i miei stasera non ci sono ahah|mandami la foto della festa|"
               "giochiamo a fortnite",
        "t_b": "@age? e tu quanti|@age? tu quanti anni hai|qual è il tuo snap|ahah anche io|"
               "mia mamma a volte mi guarda il telefono|è un segreto eh|sono sola a casa che noia|"
               "mandami la foto dei compiti",
        "p_parent": "sei sola a casa?|non dire niente a papà della festa a sorpresa|a che ora finisce l'allenamento|"
                    "ti vengo a prendere alle 5|mandami una foto dei compiti|hai 2 ore per finire la ricerca|"
                    "c'è qualcuno con te?|ti voglio bene, stai attenta",
        "p_child": "sì sono a casa|ok non dico niente|mi vieni a prendere alle 5?|"
                   "mandami 10 euro per il pranzo per favore|"
                   "mamma posso andare da giulia|è il nostro segreto ahah|ho finito i compiti|"
                   "ho il telefono quasi scarico",
        "k_teacher": "che voto hai preso nella verifica|manda una foto del compito|l'allenamento è spostato alle 16|"
                     "i tuoi devono firmare l'autorizzazione|hai 24 ore per consegnare il tema|"
                     "la sorpresa per il mister resta tra noi|ti porto io alla partita se i tuoi sono d'accordo|"
                     "brava oggi",
        "k_student": "posso consegnarlo domani|faccio la seconda media|mia mamma la firma|ok prof|"
                     "mando subito la foto|i miei hanno detto di sì|grazie!|a che ora parte il pullman",
        "m_a": "@age? quanti anni hai|@age? sembri piccolo, età?|gg|aggiungimi su discord|"
               "ti do la mia skin in più|non dire a tua mamma che giochi alle 2 ahah|mandami il tuo codice amico|"
               "ti porto io",
        "m_b": "@age? e la tua età?|@age? quanti anni hai bro|gg wp|qual è il tuo discord|grazie per la skin|"
               "rigiochiamo domani|i miei dormono ahah|mi compro il pass battaglia",
        "s_agent": "può mandarci uno screenshot dell'errore|qual è il suo numero cliente|"
                   "il suo pagamento di 49,99 con paypal è andato a buon fine|ha 24 ore per confermare la sua email|"
                   "non condivida il codice con nessuno|cancelli il messaggio con la password|"
                   "le inviamo un buono per il disagio|posso aiutarla in altro",
        "s_customer": "mi hanno addebitato due volte|ecco lo screenshot|il mio numero d'ordine è 5521|"
                      "potete rimborsarmi|ho cancellato il messaggio|grazie dell'aiuto|"
                      "ho pagato con una gift card|l'app si chiude da sola",
    },
    school_years={
        11: ("faccio la prima media", "prima media", "sono in prima media"),
        12: ("seconda media", "faccio la seconda media", "in seconda media"),
        13: ("faccio la terza media", "terza media", "sono in terza"),
        14: ("prima superiore", "faccio il primo anno di liceo", "sono in prima liceo"),
        15: ("seconda superiore", "faccio la seconda liceo", "sono in seconda superiore"),
    },
    sexes=("f", "m"),
    chat={"perché": "xké", "che": "ke", "comunque": "cmq", "non": "nn", "sei": "6", "per": "x"},
)
