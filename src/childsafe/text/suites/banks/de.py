"""German phrase bank (synthetic, non-explicit, phrased apart from the pack)."""

from childsafe.text.suites.banks._bank import Bank

BANK = Bank(
    language="de",
    phrases={
        "names": "lena|jonas|mia|finn|lea|ben|emma|luca|hannah|tim",
        "platforms": "snap|insta|whatsapp|telegram|discord|tiktok",
        "greet": "hey|hii na|hallo :)|moin|servus|na du",
        "small": "was machst du so|bin grad vom training zurück|mir ist so langweilig|hast du das video gesehen|"
                 "hab voll viele hausaufgaben|ess grad pizza haha|hier regnet es schon wieder|"
                 "hör grad musik|ich liebe das lied|endlich wochenende",
        "ack": "ok|haha|hahaha|jo|ja|keine ahnung|okay|hm",
        "hesitant": "weiß nicht...|wieso?|vielleicht|ich weiß nicht so recht|ähm|komisch|bin mir nicht sicher|"
                    "weiß nicht ob ich das sollte",
        "g_age": "und wie alt bist du eigentlich?|sag mal wie alt bist du|du wirkst jung, wie alt?|"
                 "welcher jahrgang bist du?|wie alt wirst du dieses jahr|und dein alter?",
        "g_school": "auf welche schule gehst du|welche schule ist das bei dir|und wo wohnst du genau|"
                    "in welchem stadtteil wohnst du|in welcher klasse bist du|wie heißt die schule wo du bist",
        "g_alone": "ist grad noch jemand bei dir zu hause?|deine eltern daheim?|bist du heute abend allein?|"
                   "wann kommen deine eltern heim|ist deine mama in der nähe?|schauen deine eltern in dein handy?",
        "g_compliment": "für dein alter bist du echt erwachsen|man würde dich viel älter schätzen|"
                        "du bist echt hübsch ehrlich|ich versteh dich besser als alle anderen|"
                        "du bist anders als die anderen|"
                        "mir kannst du alles erzählen",
        "g_gift": "wenn du willst schenk ich dir robux|ich kann dir das handy kaufen das du wolltest|"
                  "soll ich dir nen gutschein schicken?|ich hol dir den neuen skin|"
                  "ich mach dir dein handy voll mit guthaben|"
                  "ich kauf dir die schuhe",
        "g_secret": "sag deiner mama nicht dass wir schreiben|das bleibt unter uns|das ist unser geheimnis ok?|"
                    "deine eltern würden das nicht verstehen also erwähn mich nicht|niemand muss von uns wissen|"
                    "lösch den chat danach ok",
        "g_platform": "add mich auf {platform}|lass uns auf {platform} schreiben|was ist dein {platform}|"
                      "schreib mir auf {platform}, ist privater|hast du {platform}?|lass privat schreiben",
        "g_pic": "schick mir ein bild von dir|schickst du mir ein selfie?|zeig mal wie du grad aussiehst|"
                 "schick ein süßes foto nur für mich|mach die kamera an|sollen wir videocall machen?",
        "g_meet": "wir sollten uns mal treffen|ich kann dich nach der schule abholen|"
                  "wollen wir uns am wochenende in echt sehen?|komm mal bei mir vorbei|ich kann zu dir fahren|"
                  "treffen wir uns samstag im einkaufszentrum",
        "e_age": "du gehst noch zur schule oder?|bist du auf der realschule oder gymi?|"
                 "wann bist du mit der schule fertig|"
                 "darfst du schon autofahren? haha|welche stufe warst du nochmal|bestimmt bist du jünger als ich haha",
        "e_alone": "hast du heute sturmfrei?|also bist du ganz für dich?|ist wer in der nähe?|"
                   "wer ist bei euch noch wach|stört dich heute keiner oder?|kommt bis spät keiner heim?",
        "e_secret": "das ist nur unser ding ok|die leute würden uns nicht verstehen|lieber nicht rumerzählen|"
                    "muss ja keiner mitkriegen|ich vertrau dir dass du das nicht zeigst|nur du und ich ja?",
        "e_pic": "lass mich dich sehen|will sehen wie du heute aussiehst|du könntest es mir zeigen|"
                 "noch eins für mich?|du schuldest mir eins 😉|kurz gucken?",
        "e_meet": "wir könnten mal zu zweit was essen gehen|ich würd dich so gern in echt sehen|"
                  "nächste woche bin ich in deiner gegend|wir könnten uns nach dem unterricht sehen|"
                  "hast du samstag zeit? ich komm vorbei|ich kenn nen ruhigen ort",
        "c_age": "bin {age}|{age} und du|bin grad {age} geworden|{age} haha|bin {age} wieso|{age} jahre",
        "c_alone": "ja meine eltern arbeiten bis 7|meine mama schläft|nur ich und mein hund haha|"
                   "mein papa ist weg|nee keiner da|die kommen spät heim",
        "c_school": "aufs goethe|ich geh auf die gesamtschule hier|heißt lessing-schule|beim park",
        "x_claim": "ich hab alles gespeichert was du geschickt hast|ich hab screenshots vom ganzen chat|"
                   "ich hab den call aufgenommen|ich hab deine bilder noch|ich hab alles behalten|"
                   "ich hab screens von dir",
        "x_threat": "ich schick sie an alle deine follower|deine familie wird alles sehen|"
                    "ich stell alles online|deine ganze schule kriegt diesen chat|"
                    "ich zeig deinen eltern was du gemacht hast|ich schick es an deine freunde",
        "x_pay": "ich will {n}€ in paysafecard|zahl mir sofort {n} euro|"
                 "schick {n} in bitcoin|überweis mir {n} euro per paypal|"
                 "kauf eine {n} euro amazon karte und schick den code|"
                 "{n} franken per twint",
        "x_deadline": "du hast {h} stunden|ich geb dir {h} std|bis mitternacht sonst ist es vorbei|"
                      "die zeit läuft|noch {h} stunden|ich sag es nicht nochmal",
        "x_flirt": "du bist so süß|ich schreib so gern mit dir|du sahst so toll aus auf dem|"
                   "du bist echt lustig|schick noch eins|du bringst mich zum lächeln",
        "v_plead": "bitte nicht|ich hab kein geld|ich bin doch erst {age} bitte|bitte ich flehe dich an|"
                   "so viel krieg ich nicht|bitte lösch das",
        "d_a": "@age? wie alt bist du wenn ich fragen darf|@age? und dein alter?|du bist echt hübsch|"
               "lust freitag was trinken zu gehen?|folg mir auf insta|schick mir ein bild von der wanderung|"
               "ich hol dich um 8 ab|mein mitbewohner ist heute weg",
        "d_b": "@age? und wie alt bist du?|@age? wie alt bist du nochmal|ich bin pflegerin|freitag passt|"
               "hol mich um 8 ab|du bist auch süß haha|was ist dein snap|bin grad hergezogen",
        "t_a": "@age? wie alt bist du|@age? und dein alter?|auf welche schule gehst du|füg mich auf snap hinzu|"
               "sag keinem dass ich ihn mag|meine eltern sind heute abend weg haha|schick mir das bild von der party|"
               "zocken wir fortnite",
        "t_b": "@age? und du wie alt|@age? wie alt bist du denn|was ist dein snap|haha ich auch|"
               "meine mama guckt manchmal in mein handy|ist geheim ok|bin allein zu hause so langweilig|"
               "schick mir das bild von den hausaufgaben",
        "p_parent": "bist du allein zu hause?|sag papa nichts von der überraschungsparty|wann ist das training aus|"
                    "ich hol dich um 5 ab|schick mir ein foto von den hausaufgaben|du hast 2 stunden für dein referat|"
                    "ist jemand bei dir?|hab dich lieb, pass auf dich auf",
        "p_child": "ja bin zu hause|ok ich sag nix|holst du mich um 5 ab?|schick mir 10 euro fürs mittagessen bitte|"
                   "mama darf ich zu lena|ist unser geheimnis haha|hausaufgaben sind fertig|mein akku ist fast leer",
        "k_teacher": "welche note hast du in der arbeit|schick ein foto von deiner aufgabe|training ist jetzt um 4|"
                     "deine eltern müssen den zettel unterschreiben|du hast 24 stunden für den aufsatz|"
                     "die überraschung für den trainer bleibt unter uns|"
                     "ich nehm dich zum spiel mit wenn deine eltern ja sagen|"
                     "super gemacht heute",
        "k_student": "kann ich es morgen abgeben|ich bin in der 8. klasse|meine mama unterschreibt|ok trainer|"
                     "ich schick das foto gleich|meine eltern sagen ja|danke!|wann fährt der bus",
        "m_a": "@age? wie alt bist du|@age? du klingst jung, alter?|gg|add mich auf discord|"
               "ich geb dir meinen extra skin|sag deiner mama nicht dass du um 2 zockst haha|"
               "schick mir deinen freundescode|"
               "ich carry dich",
        "m_b": "@age? und dein alter?|@age? wie alt bist du bro|gg wp|was ist dein discord|danke für den skin|"
               "morgen wieder zocken|meine eltern pennen haha|ich kauf mir den battle pass",
        "s_agent": "können sie einen screenshot vom fehler schicken|wie lautet ihre kundennummer|"
                   "ihre zahlung von 49,99 per paypal ist eingegangen|"
                   "sie haben 24 stunden um ihre e-mail zu bestätigen|"
                   "teilen sie ihren code mit niemandem|löschen sie die nachricht mit ihrem passwort|"
                   "wir schicken ihnen einen gutschein für die umstände|kann ich sonst noch helfen",
        "s_customer": "mir wurde doppelt abgebucht|hier der screenshot|meine bestellnummer ist 5521|"
                      "können sie mir das erstatten|hab die nachricht gelöscht|danke für die hilfe|"
                      "ich hab mit gutschein bezahlt|die app stürzt ständig ab",
    },
    school_years={
        12: ("bin in der 6.", "6. klasse", "ich geh in die sechste"),
        13: ("7. klasse", "bin in der siebten", "ich geh in die 7."),
        14: ("bin in der 8.", "achte klasse", "ich bin in der 8. klasse"),
        15: ("9. klasse", "bin in der neunten", "ich geh in die 9."),
    },
    sexes=("w", "m"),
    chat={"bist du": "biste", "hast du": "haste", "nicht": "nich", "nichts": "nix", "gerade": "grad",
          "vielleicht": "vllt"},
)
