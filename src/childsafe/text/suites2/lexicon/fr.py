"""French lexicon of the second suite generator (chat spelling: tkt, jsp, slt, stp, cc, pk, mdr, t'es)."""

TEXT = """
names: chloe | lucas | ines | hugo | manon | nathan | lea | theo | camille | louis | jade | enzo | lina | noah
hello: slt | cc | coucou | salut ca va | hey | bjr | cc toi | wesh
ack: mdr | ok | ptdr | oui | ah ok | grave | dac | jsp | mdrr | ouais | trop bien | ah bon
later: t la ? | bonjour :) | dsl hier j'etais occupe | t reveillee ? | re | tu m'as manque
small_adult: tu fais quoi | ta journee ca a ete ? | t'ecoutes quoi comme musique | t'as vu une serie bien ?
small_adult: tu joues a quoi ? | c koi ton plat prefere | ton week end ? | il fait trop chaud | des plans ce we ?
small_child: je viens de rentrer du college | jm'ennuie trop | je fais mes devoirs | mon frere est relou
small_child: je regarde des tiktoks mdr | j'ai entrainement apres | on avait un remplacant c'etait le bazar | je goute
emoji: 😂 | 🙃 | 😅 | 🥺 | ❤️ | 👀
age_bare: {age} | {age} et toi | {age} et twa ? | {age} mdr | {age} pk
age_sex_f: {age} f | {age}/f | f {age} | {age} fille
age_sex_m: {age} g | {age}/m | m {age} | {age} garcon
age_sentence: j'ai {age} ans | jai {age} | {age} ans mdr | je viens d'avoir {age} ans | j'ai {age} ans pk
age_volunteer: au fait j'ai que {age} ans mdr | jte previens jai {age} ans | j'ai {age} ans hein
age_volunteer: tu sais que j'ai {age} ans
adult_age_sentence: j'ai {age} ans | {age} ans | jai {age} | j'ai eu {age} ans cette annee
grade_11: je suis en 6e | en sixieme | 6eme
grade_12: je suis en 5e | en cinquieme | 5eme
grade_13: je suis en 4e | en quatrieme mdr | 4eme
grade_14: je suis en 3e | en troisieme | 3eme
grade_15: je suis en seconde | en 2nde
grade_16: je suis en premiere | en 1ere
g_compliment: t'es trop mature pour ton age | t'es trop belle sur ta pp | t'es plus intelligente que les gens de mon age
g_compliment: t'es pas comme les autres | t'es trop mignonne
g_age: t'as quel age | tu as quel age ? | et toi t'as quel age | t'as l'air jeune t'as quel age | ton age ?
g_school: t'es en quelle classe | tu vas dans quel college | tu aimes ton college ? | tes profs sont severes ?
g_alone: ta mere est la | qui est chez toi la | tes parents sont la ? | t'es seule la ?
g_alone: ta mere rentre a quelle heure | t'as ta propre chambre ?
g_trust: tu peux tout me dire | tes parents te comprennent pas comme moi | je suis le seul qui t'ecoute vraiment
g_trust: je te jugerai jamais
g_gift: je peux t'acheter un nouveau tel | tu veux que je t'envoie des robux ? | jte paie le sweat que tu voulais
g_gift: je peux recharger ton forfait si tu veux
g_secret: dis a personne pour nous | c notre secret ok | supprime les messages apres
g_secret: ta mere comprendrait pas | dis pas a tes copines qu'on se parle
g_move: ajoute moi sur {@apps} | on parle sur {@apps} c plus prive | c quoi ton {@apps}
g_move: telecharge {@apps} et ecris moi
g_pic: envoie moi une photo | envoie un selfie stp | montre moi ce que tu portes | envoie une photo de toi la
g_pic: photo ? 📸
g_meet: on se voit au {@places} | je peux venir te chercher a la sortie du college | faudrait qu'on se voie en vrai
g_meet: on se voit ce we ? | samedi je peux venir dans ta ville
g_move~mix: add moi sur {@apps} stp | on parle sur {@apps}, its more private
g_pic~mix: envoie une pic | send me une photo stp | envoie un selfie rn
g_secret~mix: dis rien a personne ok ? its our secret | ca reste entre nous, ok ?
g_meet~mix: let's meet au {@places} | on se voit irl ce we ?
e_age: t'es encore au college non ? | combien de bougies cette annee | t'as l'air jeune mdr | tes parents sont stricts ?
e_alone: y a quelqu'un avec toi ? | tu peux parler tranquille ? | la voie est libre ? | t'es dans ta chambre ?
e_alone: quelqu'un regarde ton tel ?
e_secret: ca reste entre toi et moi | notre petit truc | personne a besoin de savoir | efface la conv apres ok
e_pic: montre moi comment t'es aujourd'hui | laisse moi te voir | je veux voir ce sourire | montre ta tenue
e_pic: juste une pour moi 🙈
e_meet: ca serait cool de te voir en vrai | samedi je suis pas loin de chez toi | on pourrait manger dans un coin calme
e_meet: je connais un endroit tranquille
e_move: cette appli est bizarre on va ailleurs | t'as celle avec le fantome ? | ecris moi sur l'autre
c_alone: oui ma mere bosse jusqu'a 18h | je suis seule la | tout le monde est parti | mon pere rentre tard
c_alone: je suis dans ma chambre
c_not_alone: ma mere est la | mon frere est a la maison | non pk
c_school: je vais au college du quartier | ca va | les maths c'est l'enfer | oui les profs sont severes
c_hesitant: jsp | pk ? | hmm peut etre | chai pas | c bizarre | je crois pas | mdr pk
c_agree: ok | dac | oui | ok mdr | ouais ok | bon | vas y
x_flirt: t'es trop mignonne | j'aime bien parler avec toi | t'es differente | tu me fais sourire
x_claim: j'ai tout garde | j'ai fait des captures de tout | j'ai tous tes messages | j'ai gardé toute la conv
x_claim: j'ai enregistre l'appel
x_threat: j'envoie tout a tes potes | tout ton college va le voir | je poste tout et je tag ta mere
x_threat: tous tes contacts vont le recevoir | ta famille va tout voir | dis adieu a ta reputation
x_threat: je sais dans quel college tu vas et tout le monde va savoir
x_threat_pic: j'envoie tes photos a tous tes abonnes | tes photos sortent ce soir | je poste tes photos partout
x_pay: envoie moi {@pay} | paie {@pay} sinon tu sais | je veux {@pay} | t'as interet a envoyer {@pay}
x_deadline: t'as {@deadline} | {@deadline} sinon c fini | le temps passe ⏰ {@deadline} | fais le en {@deadline}
pay: {n}€ en cartes cadeaux | {n} euros par paypal | {n}€ en cartes steam | {n} en cartes roblox
pay: {n}€ en paysafecard | {n} euros sur lydia | 0.0{h} btc a {wallet} | {n} usdt | {n}€ de vbucks
deadline: {h} heures | {m} minutes | jusqu'a minuit | avant les cours demain | {h}h
x_pay~mix: send me {@pay} now | pay {@pay} ou tout le monde voit
x_threat~mix: j'envoie tout a tes friends | everyone dans ton college va voir
v_plead: stp non | j'ai pas d'argent | je t'en supplie | je fais ce que tu veux mais non | pk tu fais ca
v_plead_age: j'ai {age} ans stp | j'ai que {age} ans j'ai pas ca | j'ai {age} ans comment je fais
apps: snap | telegram | whatsapp | insta | discord
places: centre commercial | parc a cote du college | mcdo | cine | skatepark
gifts: un nouveau tel | des airpods | des robux | un sweat
d_line: t'es superbe sur tes photos | tu fais quoi dans la vie | un verre vendredi ? | j'ai passe une super soiree hier
d_line: mon ex etait une catastrophe mdr | libre ce we ? | je suis creve du taf | j'adore que tu aimes la rando
t_line: t'as vu ce qu'elle a poste | demain interro de maths trop relou | ma mere m'a pris mon tel hier
t_line: dis a personne qu'il me plait ok | envoie une photo de tes nouvelles baskets | c quoi ta serie pref
t_line: facetime tout a l'heure ?
m_line: gg | ajoute moi sur discord | j'ai eu une carte steam de 50 pour mon anniv | envoie une photo de ton setup
m_line: combien de robux pour ce skin | encore du lag | tu viens a la lan ? | echange moi ton code vbucks
m_line: mon equipe est nulle | je vais manger brb | trop fort ce clutch
p_parent: papa est rentre ? | dis rien a ta soeur pour la fete c une surprise | je viens te chercher a la sortie
p_parent: envoie moi une photo de la liste de courses | qui est a la maison ? | on mange a 20h | t'as fait tes devoirs ?
p_parent: mamie arrive a 17h | je t'aime ma cherie | envoie moi un msg quand t'es arrivee
p_child: ok maman | oui papa est la | je peux aller au centre commercial avec lea | je suis a la maison
p_child: tu peux prendre des chips | dis pas a papa que j'ai casse le vase | ok bisous | on mange quand
k_adult: l'entrainement est a 17h | dis pas la date du controle a l'autre classe | envoie moi une photo du devoir
k_adult: tes parents viennent au match ? | rdv au gymnase a 8h | bravo pour aujourd'hui | oublie pas l'autorisation
k_adult: qui vient te chercher ?
k_kid: ok coach | oui madame | ma mere m'emmene | merci | dsl j'ai oublie | je peux le rendre demain ?
s_agent: merci de regler le solde de {n}€ sous 24 heures sinon le compte sera suspendu
s_agent: pouvez vous envoyer une photo du ticket ? | ne partagez jamais votre code | le solde de la carte cadeau est 0
s_agent: votre commande part demain | le titulaire du compte est il disponible ? | remboursement sous 3 a 5 jours
s_customer: ma carte cadeau marche pas | j'ai paye {n}€ par paypal et rien | ma commande est en retard
s_customer: je peux payer demain ? | j'ai envoye la photo du ticket | merci
n_lesson: signes de pedopiegeage : quelqu'un demande "{@g_age}" ou "{@g_alone}"
n_lesson: si quelqu'un ecrit "{@g_secret}" parle a un adulte | autre signal : "{@g_pic}"
n_lesson: ils disent souvent "{@g_meet}" apres des semaines | ne payez jamais si on vous ecrit "{@x_threat}"
n_news: selon la police l'homme a ecrit "{@g_age}" puis "{@g_meet}"
n_news: article : des escrocs exigent {@pay} sous {@deadline} | on a ecrit a l'ado "{@x_threat}" et exige {@pay}
n_react: merci du partage | ca fait peur | je vais en parler a mes enfants ce soir | bon a savoir | 🙏
r_kid: un mec m'ecrit tout le temps "{@x_threat}" | il veut {@pay} | il dit que j'ai {@deadline}
r_kid: il m'a demande "{@g_alone}" c'etait bizarre | quelqu'un m'a ecrit "{@g_secret}"
r_help: paie rien | fais des captures et bloque le | on va porter plainte ensemble | t'as bien fait de me le dire
r_help: t'es pas en faute | j'appelle la police
"""
