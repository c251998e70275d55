"""French phrase bank (synthetic, non-explicit, phrased apart from the pack)."""

from childsafe.text.suites.banks._bank import Bank

BANK = Bank(
    language="fr",
    phrases={
        "names": "lea|hugo|ines|lucas|chloe|nathan|manon|theo|jade|enzo",
        "platforms": "snap|insta|whatsapp|telegram|discord|tiktok",
        "greet": "slt|coucou ça va?|wesh|bonjour :)|cc|hey",
        "small": "tu fais quoi|je rentre de l'entraînement|je m'ennuie trop|t'as vu la vidéo|"
                 "j'ai trop de devoirs|je mange mdr|il pleut encore ici|"
                 "j'écoute de la musique|j'adore ce son|enfin le week-end",
        "ack": "ok|mdr|ptdr|oui|ouais|jsp|d'accord|hmm",
        "hesitant": "jsp...|pourquoi?|peut-être|je sais pas trop|euh|c'est bizarre|pas sûre|jsp si je devrais",
        "g_age": "et toi t'as quel âge au fait?|tu as quel âge déjà|t'as l'air jeune, quel âge?|"
                 "t'es née en quelle année?|tu vas avoir quel âge cette année|et ton âge?",
        "g_school": "t'es dans quel collège|c'est quoi ton lycée|et t'habites où exactement|"
                    "t'es dans quel quartier|t'es en quelle classe|ton école s'appelle comment",
        "g_alone": "y a quelqu'un d'autre chez toi là?|tes parents sont là?|t'es seule ce soir?|"
                   "tes parents rentrent à quelle heure|ta mère est dans le coin?|tes parents regardent ton tel?",
        "g_compliment": "t'es super mature pour ton âge|tu fais beaucoup plus vieille|"
                        "t'es trop belle franchement|je te comprends mieux que tout le monde|t'es pas comme les autres|"
                        "avec moi tu peux tout dire",
        "g_gift": "si tu veux je te passe des robux|je peux t'acheter le tel que tu voulais|"
                  "je t'envoie une carte cadeau?|je te prends le nouveau skin|je te recharge ton forfait|"
                  "je t'offre les baskets",
        "g_secret": "dis pas à ta mère qu'on se parle|ça reste entre nous|ce sera notre secret ok?|"
                    "tes parents comprendraient pas donc parle pas de moi|personne a besoin de savoir pour nous|"
                    "supprime la conv après ok",
        "g_platform": "ajoute moi sur {platform}|on parle plutôt sur {platform}|c'est quoi ton {platform}|"
                      "écris moi sur {platform} c'est plus privé|t'as {platform}?|écris moi en privé",
        "g_pic": "envoie moi une photo de toi|tu m'envoies un selfie?|montre comment t'es là, photo|"
                 "envoie une petite photo juste pour moi|mets la caméra|on fait un facetime?",
        "g_meet": "faudrait qu'on se voie un jour|je peux venir te chercher à la sortie du collège|"
                  "on se voit en vrai ce week-end?|passe à la maison|je peux venir en voiture dans ta ville|"
                  "on se retrouve samedi au centre commercial",
        "e_age": "t'es encore au collège non?|t'es au collège ou au lycée?|tu finis les cours quand|"
                 "t'as l'âge de conduire? mdr|t'étais en quelle classe déjà|je parie que t'es plus jeune que moi mdr",
        "e_alone": "t'as la maison pour toi ce soir?|donc t'es toute tranquille là?|quelqu'un dans le coin?|"
                   "qui est encore réveillé chez toi|personne va te déranger hein?|personne rentre avant tard?",
        "e_secret": "c'est un truc entre toi et moi ok|les gens comprendraient pas|mieux vaut pas en parler|"
                    "pas besoin que quelqu'un l'apprenne|je te fais confiance pour pas montrer ça|"
                    "juste toi et moi hein?",
        "e_pic": "laisse moi te voir|je veux voir comment t'es aujourd'hui|tu devrais me montrer|"
                 "encore une pour moi?|tu m'en dois une 😉|juste un aperçu?",
        "e_meet": "on pourrait aller manger un truc juste nous deux|j'aimerais trop te voir pour de vrai|"
                  "la semaine pro je passe dans ton coin|on pourrait se capter après les cours|"
                  "t'es libre samedi? je passe|je connais un coin tranquille",
        "c_age": "j'ai {age} ans|{age} et toi|je viens d'avoir {age}|{age} mdr|j'ai {age} pourquoi|{age} ans",
        "c_alone": "oui mes parents bossent jusqu'à 19h|ma mère dort|juste moi et mon chien mdr|"
                   "mon père est sorti|non y a personne|ils rentrent tard",
        "c_school": "au collège jean moulin|je vais au lycée du quartier|ça s'appelle victor hugo|à côté du parc",
        "x_claim": "j'ai gardé tout ce que tu m'as envoyé|j'ai screen toute la conv|j'ai enregistré l'appel|"
                   "j'ai encore tes photos|j'ai tout gardé|j'ai des captures de toi",
        "x_threat": "je vais les envoyer à tous tes abonnés|ta famille va tout voir|"
                    "je balance tout sur internet|tout ton lycée va recevoir cette conv|"
                    "je montre à tes parents ce que t'as fait|je l'envoie à tes potes",
        "x_pay": "je veux {n}€ en pcs|paie moi {n} euros maintenant|"
                 "envoie {n} en bitcoin|vire moi {n} euros sur paypal|achète une carte cadeau de {n} et envoie le code|"
                 "{n} balles en transcash",
        "x_deadline": "t'as {h} heures|je te laisse {h}h|avant minuit sinon c'est fini|"
                      "le temps passe|il te reste {h} heures|je le redirai pas",
        "x_flirt": "t'es trop mignonne|j'aime trop parler avec toi|t'étais magnifique sur celle-là|"
                   "t'es trop drôle|envoie en une autre|tu me fais sourire",
        "v_plead": "s'il te plaît non|j'ai pas d'argent|j'ai que {age} ans stp|je t'en supplie|"
                   "je peux pas avoir autant|supprime ça stp",
        "d_a": "@age? t'as quel âge si c'est pas indiscret|@age? et toi ton âge?|t'es très jolie|"
               "ça te dit un verre vendredi?|suis moi sur insta|envoie moi une photo de la rando|"
               "je passe te prendre à 20h|mon coloc est pas là ce soir",
        "d_b": "@age? et toi t'as quel âge?|@age? tu as quel âge déjà|je suis infirmière|vendredi ça me va|"
               "passe me prendre à 20h|t'es mignon aussi mdr|c'est quoi ton snap|je viens d'emménager",
        "t_a": "@age? t'as quel âge|@age? et ton âge?|t'es dans quel collège|rajoute moi sur snap|"
               "dis à personne qu'il me plaît|mes parents sont pas là ce soir mdr|envoie moi la photo de la soirée|"
               "on joue à fortnite",
        "t_b": "@age? et toi quel âge|@age? t'as quel âge toi|c'est quoi ton snap|mdr moi aussi|"
               "ma mère regarde mon tel des fois|c'est un secret hein|je suis seule chez moi je m'ennuie|"
               "envoie moi la photo des devoirs",
        "p_parent": "t'es seule à la maison?|dis rien à papa pour la fête surprise|l'entraînement finit à quelle heure|"
                    "je viens te chercher à 17h|envoie moi une photo de tes devoirs|"
                    "t'as 2 heures pour finir ton exposé|"
                    "y a quelqu'un avec toi?|je t'aime, fais attention",
        "p_child": "oui je suis à la maison|ok je dis rien|tu viens me chercher à 17h?|"
                   "envoie moi 10 euros pour la cantine stp|"
                   "maman je peux aller chez léa|c'est notre secret mdr|j'ai fini mes devoirs|"
                   "j'ai presque plus de batterie",
        "k_teacher": "t'as eu combien au contrôle|envoie une photo de ton devoir|l'entraînement passe à 16h|"
                     "tes parents doivent signer l'autorisation|t'as 24 heures pour rendre la rédaction|"
                     "la surprise pour le coach reste entre nous|je t'emmène au match si tes parents sont d'accord|"
                     "bravo pour aujourd'hui",
        "k_student": "je peux le rendre demain|je suis en 4e|ma mère va signer|ok monsieur|"
                     "j'envoie la photo tout de suite|mes parents sont d'accord|merci!|le bus part à quelle heure",
        "m_a": "@age? t'as quel âge|@age? t'as l'air jeune, âge?|gg|ajoute moi sur discord|"
               "je te file mon skin en trop|dis pas à ta mère que tu joues à 2h mdr|envoie ton code ami|"
               "je te carry",
        "m_b": "@age? et ton âge?|@age? t'as quel âge frère|gg wp|c'est quoi ton discord|merci pour le skin|"
               "on rejoue demain|mes parents dorment mdr|je vais acheter le passe de combat",
        "s_agent": "pouvez-vous envoyer une capture de l'erreur|quel est votre numéro client|"
                   "votre paiement de 49,99 par paypal est validé|vous avez 24 heures pour confirmer votre e-mail|"
                   "ne partagez votre code avec personne|supprimez le message avec votre mot de passe|"
                   "on vous envoie une carte cadeau pour la gêne|puis-je vous aider pour autre chose",
        "s_customer": "j'ai été débité deux fois|voici la capture|mon numéro de commande est 5521|"
                      "vous pouvez me rembourser|j'ai supprimé le message|merci pour votre aide|"
                      "j'ai payé avec une carte cadeau|l'appli plante tout le temps",
    },
    school_years={
        11: ("je suis en 6e", "en sixième", "6ème"),
        12: ("5e", "je suis en cinquième", "en 5ème"),
        13: ("je suis en 4e", "quatrième", "en 4ème"),
        14: ("3e", "je suis en troisième", "en 3ème"),
        15: ("seconde", "je suis en seconde", "en 2nde"),
    },
    sexes=("f", "g"),
    chat={"salut": "slt", "t'es": "t", "s'il te plaît": "stp", "je sais pas": "jsp", "quelqu'un": "qqn",
          "pourquoi": "pk", "t'inquiète": "tkt", "c'est": "c"},
)
