"""French, as written in chat: slt, cc, jsp, mdr, ptdr, tkt, stp, pk, koi, g (j'ai), c (c'est), t (t'es)."""
# ruff: noqa: E501 - a phrase bank is data: one slot a line, however long

from __future__ import annotations

import random

__all__ = ["BANK", "school_year"]


def school_year(age: int, rng: random.Random) -> str | None:
    """Collège 6e-3e (17 - year = age: 6e at eleven), lycée seconde 15, première 16, terminale 17."""
    if 11 <= age <= 14:
        return rng.choice(("{}e", "{}ème", "{}eme")).format(17 - age)
    return {15: rng.choice(("seconde", "2nde")), 16: rng.choice(("première", "1ère")), 17: "terminale"}.get(age)


BANK = """
_name: lea | hugo | chloe | lucas | manon | nathan | ines | louis | camille | theo | jade | enzo | lina | mathis
_nick: chaton | lune | ombre | etoile | dragon | fraise | loup | nuage | eclair | cookie
_laugh: mdr | ptdr | mdrr | hahaha | xptdr | jpp
_tag: mdr | wesh | frr | genre | jsp | tkt | grave
_sex_f: f | fille | meuf
_sex_m: h | m | mec
_numbers: 10=dix, 11=onze, 12=douze, 13=treize, 14=quatorze, 15=quinze, 16=seize, 17=dix-sept
_app: snap | insta | telegram | discord | whatsapp | l'autre appli | signal
_game: fortnite | roblox | minecraft | valorant | brawl stars | clash royale
_coins: 1000 v-bucks | 800 robux | une carte de 2500 robux | le passe de combat | 500 gemmes | des skins
_obj: tes photos | les photos que tu m'as envoyées | la vidéo | tes selfies | les captures
_obj_vague: ça | tout | cette conv | ce que tu m'as envoyé | tes trucs | tout ce qu'il y a ici | notre discussion
_target: tes potes | tous tes abonnés | ton collège | ta mère | ta famille | le groupe de ta classe | tous tes contacts
_amount: 200€ | 150 euros | 100 dollars | 300 balles | 50€ | 500 euros | 250 chf
_method: cartes cadeaux amazon | carte steam | paysafecard | bitcoin | usdt | paypal | cartes google play | transcash | lydia
_deadline: avant ce soir | t'as une heure | avant minuit | t'as 30 min | d'ici demain matin | avant les cours demain | dans deux heures

g_open: slt j'ai vu ton post, tu dessines trop bien | cc ça va? t'as l'air sympa | hey on aime le même groupe mdr | salut je crois qu'on a des potes en commun? | tes edits sont ouf, tu les fais comment
g_open_peer: coucou je suis nouvelle ici, t'as l'air cool | slt je t'ai vue dans les comms mdr t'es drôle | t'es au collège près de la gare? je crois que je t'ai vue | cc on regarde les mêmes séries mdr
g_open_game: gg trop bien la game, tu m'as carry | t'es fort à {game}, on duo? | tu veux un mate? je t'aide à monter | belle build mdr, tu m'ajoutes?
g_age: t'as quel âge? | âge? | attends t'as quel age en fait | t'as l'air jeune, quel âge | et ton âge?
g_asl: asv? | a/s/v? | asl? | âge sexe stp
g_grade: t'es en quelle classe? | tu es en quoi à l'école | t'es au collège ou au lycée? | en quelle classe tu vas
g_bday: c'est quand ton anniv? | et ton anniversaire c'est quand | t'es de quelle année? | t'es née en quelle année
g_drive: t'as le permis? | tu conduis déjà? | tes parents t'emmènent encore partout mdr | t'as un scooter ou quoi
g_peer: j'ai {n} ans au fait | pareil mdr j'ai {n} | moi aussi j'ai {n} | {n} ans ici, ma mère me saoule
g_mature: t'es trop mature pour ton âge | tu parles pas comme les autres de ton âge | t'es plus intelligente que les gens de mon âge franchement | t'as l'air plus âgée
g_trust: j'ai l'impression que je peux tout te dire | t'es spéciale pour moi | je parle comme ça avec personne | tu me comprends mieux que tout le monde
g_parents: tes parents te comprennent pas hein | tes parents te laissent avoir des amis en ligne? | ta mère est trop stricte, tu mérites mieux | chez toi personne t'apprécie
g_alone: t'es seule chez toi? | qui est chez toi là | tes parents dorment déjà? | y a quelqu'un dans ta chambre? | t'es seule quand d'habitude
g_phone: quelqu'un regarde ton tel? | ta mère lit tes messages? | t'as un code mdr | tes parents fouillent tes affaires?
g_secret: ça reste entre nous ok | dis à personne pour moi, ils comprendraient pas | ce sera notre truc à nous | les gens feraient des histoires, garde ça pour toi | tu sais garder un secret hein
g_delete: supprime la conv après ok | tu supprimes nos messages quand on a fini? | efface le chat au cas où | active les messages éphémères
g_gift: je peux t'avoir {coins} si tu veux | tu veux une carte cadeau? 😊 | je te recharge ton forfait, tkt | je t'envoie un petit truc, c'est quoi ton magasin préféré | laisse moi t'acheter {coins}
g_platform: t'as une autre appli? | ajoute moi sur {app}, c'est mieux | cette appli est bizarre, on parle sur {app} | c'est quoi ton {app}? | on passe sur {app}, plus privé
g_pic: tu m'envoies une photo de toi? | je veux voir ton visage, envoie un selfie | montre moi ce que tu portes aujourd'hui | envoie en une juste pour moi | t'as des nouvelles photos
g_cam: on fait un appel vidéo? juste nous | facetime plus tard quand t'es seule | allume ta cam deux sec | je veux entendre ta voix, appelle moi ce soir
g_meet: on devrait se voir un jour | je peux venir te chercher après les cours | samedi je suis vers chez toi, on se voit? | on va manger un truc, je t'invite, personne a besoin de savoir | t'habites où à peu près
g_reveal: en vrai j'ai {n} ans, j'espère que ça va | bon j'ai {n} ans mdr, ça te dérange? | je suis plus âgé que toi, {n}, mais l'âge c'est qu'un chiffre | panique pas mais j'ai {n} ans
g_pressure: si tu me faisais confiance tu le ferais | allez fais pas ta timide | je pensais que t'étais différente | t'avais dit que tu le ferais
g_reassure: tkt t'auras pas de problèmes | je ferais jamais rien de mal | détends toi c'est rien | rien de bizarre promis

c_greet: coucou | slt | cc merci | oh merci | salut c qui | hey
c_you: et toi? | toi? | et toi alors | et t'as quel âge toi
c_dodge: pk tu veux savoir mdr | jsp ça change quoi | devine mdr | je dirai pas | pk
c_thanks: ohh merci | c vrai? | mdr merci | personne me dit ça
c_soft: pareil | ohh | moi aussi je crois | toi aussi
c_parents: ouais ils sont trop stricts | ils s'en fichent | jsp ma mère ça va | ils bossent tout le temps
c_alone: oui ma mère est au boulot | juste moi et mon chien | mon frère est là | ils dorment mdr | non mon père est là
c_phone: personne regarde mdr | ma mère des fois | g pas de code | ils savent même pas s'en servir
c_secret: ok je dirai rien | ok | je dis rien | à qui je le dirais mdr
c_okay: ok | okk | oui | d'acc | vas y
c_gift: sérieux?? | t'es pas obligé | attends vraiment? | trop gentil
c_platform: g snap | ok je t'ajoute | j'ai que insta | ma mère veut pas que je l'aie | c quoi ton pseudo
c_pic: plus tard peut être | jsp | je porte rien de spécial mdr | je suis moche là | ok attends
c_reveal: ah ok | c'est vieux mdr | bon ça va je crois | sérieux | ça change rien je crois
c_hesitant: jsp... | je suis pas sûre | peut être | c un peu bizarre | je sais pas trop
c_meet: jsp ma mère voudra pas | peut être | où | je peux pas sortir seule | je pourrais dire que je suis chez une copine
c_bye: je dois y aller | je reviens je mange | ma mère m'appelle | on se parle plus tard | j'ai des devoirs
c_panic: stp non | j'ai pas d'argent | stp je ferai tout mais fais pas ça | pk tu fais ça | mes parents vont me tuer | je peux pas avoir autant | supprime stp
c_who: t ki | quoi?? | c qui | je te connais?

age_bare: {n} | {n} et toi? | {n} mdr | {n}. toi?
age_sentence: j'ai {n} ans | g {n} ans pk | {n} ans mdr | je viens d'avoir {n} ans | j'ai {n} et toi
age_word: {w} | j'ai {w} ans | {w} mdr | {w} et toi
age_asl: {n} {sex} | {n}/{sex} | {n} {sex} et toi? | {n} {sex} paris
age_birth_year: je suis de {y} | je suis née en {y} | {y} mdr | génération {y}
age_school_year: {s} | je suis en {s} | en {s} | {s} mdr c chiant
age_plea: stp j'ai que {n} ans | j'ai {n} ans stp non | j'ai littéralement {n} ans

o_q: tu fais quoi | t'as vu le nouvel épisode | t'écoutes quoi en ce moment | pizza ou burger | j'ai trop de devoirs | il fait trop froid aujourd'hui | t'as des animaux | t'écoutes quoi comme musique | tu fais du sport | vous mangez quoi ce soir | t'as vu la vidéo que je t'ai envoyée | tu vas au match | ma wifi rame trop | t'as fait quoi ce weekend | tu regardes quoi comme série | t'as fini l'exposé | le meme que t'as posté mdr | tu vas à la soirée | j'arrive pas à dormir | tu fais quoi pendant les vacances
o_r: rien je chill | ouiii c'était trop bien | le nouveau d'aya, en boucle | pizza évidemment | pareil, les maths me tuent | ici il pleut | j'ai un chat trop flemmard | un peu de tout | je fais de la danse | tacos ce soir | mdr oui trop drôle | si mon père m'emmène | la mienne aussi | rien je suis restée chez moi | stranger things, je la revois | pas encore c trop long | grave je l'ai trouvé sur tiktok | jsp peut être | moi non plus mdr | je vais chez ma grand mère

x_cold: j'ai un truc à toi | regarde ce que j'ai trouvé | tu devrais voir ça | faut qu'on parle
x_turn: bon fini de jouer | maintenant écoute bien | on va parler sérieusement | je suis pas qui tu crois
x_have: j'ai {obj} | j'ai gardé {obj} | j'ai screen {obj} | j'ai enregistré {obj}
x_hacked: je suis rentré dans ton compte, j'ai {obj} | j'ai piraté ton tel, je vois tout | j'ai accès à ton cloud, j'ai {obj}
x_threat: j'envoie {obj} à {target} | tout le monde va voir {obj} | je poste {obj} partout | {target} va recevoir {obj}
x_demand: envoie {amount} en {method} | je veux {amount} | tu payes {amount} et je supprime | {amount} par {method} et ça disparaît | achète moi {coins} et j'efface
x_deadline: {deadline} | t'as jusqu'à ce soir | {deadline} ou je poste | le temps passe, {deadline}
x_all_in_one: envoie {amount} en {method} {deadline} sinon {target} voit {obj} | {deadline}: {amount} ou {obj} part à {target}
x_pressure: me teste pas | si tu me bloques je poste | tic tac | j'ai déjà ta liste d'abonnés | dis rien à personne sinon c fini

d_open: salut, j'aime bien ton profil | coucou :) ça a été ton weekend | hey, ton sourire sur la 2e photo 😍 | bonjour! on a matché
d_reply: haha merci | hey! bien et toi? | oh merci | salut
d_age_q: t'as quel âge au fait? | âge? | si c'est pas indiscret, t'as quel âge | ton âge est pas sur ton profil
d_age_a: {n}, et toi? | j'ai {n} ans | {n} haha | je viens d'avoir {n}
d_pic: tu m'envoies une photo? | t'as d'autres photos? | t'es comment aujourd'hui | envoie un selfie :)
d_pic_ok: tiens | haha ok deux sec | seulement si t'en envoies une | envoyée
d_meet: un verre vendredi? | un café cette semaine? | on dîne samedi? | on devrait se voir, je suis libre dimanche
d_meet_ok: avec plaisir | ok, où? | ouii | ça marche
d_secret: dis rien à personne pour l'instant mdr, mes copines vont me charrier | on garde ça pour nous pour le moment | faut pas que mon ex sache mdr
d_secret_ok: motus et bouche cousue | haha pareil | marché conclu
d_platform: tu m'ajoutes sur whatsapp? | plutôt insta, c quoi le tien | écris moi plutôt, l'appli bug
d_platform_ok: bien sûr | ok je t'envoie mon numéro | fait
d_alone: mon coloc est parti ce weekend | c calme chez moi ce soir | ma soeur dort chez moi donc pas ce soir

t_open: ohh coucou | wesh | t'es dans la classe de m. martin? | j'ai vu ta story mdr
t_reply: coucouu | mdr oui | trop pareil | mdrrr
t_handle: c quoi ton snap | ajoute moi sur insta | envoie ton @ | t'as discord
t_handle_a: c'est lunette.sk | ok je t'ajoute | le mien c'est fraisette.ok | regarde tes demandes
t_secret: dis à personne qu'il me plaît | promets que tu diras rien | c un secret ok | dis rien à ta soeur
t_secret_a: je te jure | jamais | motus | ohh c qui
t_delete: supprime la photo de moi mdr je suis trop moche | supprime stp | t'as intérêt à supprimer la vidéo mdr | poste pas ça
t_parent_phone: ma mère regarde mon tel des fois | mon père m'a pris mon tel | mes parents lisent mes messages mdr | je suis encore punie
t_meet: centre commercial samedi? | on se pose après les cours | soirée pyjama chez moi? | patinoire ce weekend?
t_meet_a: ouiii | demande à ta mère | je demande à mon père | peux pas, punie

f_where: t'es où? | t'es rentrée? | bien arrivée au collège | t'es chez mamie
f_where_a: à la maison | dans le bus | à la cantine | à l'entraînement
f_home_q: qui est à la maison? | ton frère est là? | papa est rentré | y a quelqu'un avec toi?
f_surprise: dis rien à papa pour la surprise | la fête c'est secret hein | chut dis pas à ta soeur ce qu'on lui a acheté | c'est une surprise pour maman, dis rien
f_pic: envoie moi une photo de la liste de courses | prends en photo le mot de l'école | envoie une photo du frigo stp
f_pic_a: envoyé | deux sec | ok | voilà
f_pickup: je te prends à six heures | papa te récupère après l'entraînement | attends devant la porte j'arrive | rentre en bus aujourd'hui
f_money: je t'ai envoyé de l'argent pour la sortie, dépense pas tout | j'ai rechargé ton tel | mamie t'a envoyé une carte cadeau
f_bday_q: tu vas avoir quel âge cette année ma chérie? | t'as quel âge maintenant? j'oublie toujours | ma grande! t'as quel âge déjà?
f_love: je t'aime | bisous, sois sage | à ce soir ❤️ | tu me manques

co_schedule: l'entraînement est déplacé à jeudi | pas d'entraînement demain, le terrain est fermé | le match est au terrain nord samedi | la répète est en salle de musique
co_grades: les notes sont en ligne | ta rédac était super | n'oubliez pas le contrôle de maths lundi | l'exposé est pour vendredi
co_form: ramène l'autorisation signée par tes parents | fais signer le papier par un parent | les parents doivent remplir la fiche médicale
co_photo: photo d'équipe demain, mettez le maillot | les photos de classe sont sur le site | la semaine prochaine c la photo de classe
co_ride: les parents récupèrent au gymnase à six heures | le car part du collège à huit heures | la liste du covoiturage est dans le groupe
co_q: faut prendre les crampons? | y a toujours entraînement | je peux le rendre en retard | quel chapitre | c'est dans le contrôle
co_good: bon boulot aujourd'hui | bravo à tous | à tout à l'heure | super tout le monde

gm_trash: gg ez | t'es nul mdr | désinstalle | bot | noob
gm_expose: je vais t'exposer pour teaming | je t'expose sur le serveur mdr | tout le monde va savoir que t'as triché | j'ai le clip, t'es fini
gm_pay: paye tu me dois {coins} | tu me dois {coins}, paye | donne moi les {coins} que t'avais promis
gm_gift: je t'offre un skin si tu me carry | je peux t'offrir {coins} | on échange des skins
gm_platform: ajoute moi sur discord | viens en voc | écris moi sur discord
gm_report: signalé mdr | je te signale | profite du ban
gm_reply: ta gueule | et alors | pleure | mdr non | vas y | si tu veux
gm_age: t'as quel âge, t'as l'air d'un gamin mdr | t'as une voix de gamin t'as quel âge | t'as l'âge de jouer à ça?

cu_issue: ma commande est jamais arrivée | on m'a débité deux fois | j'arrive pas à me connecter | j'ai reçu un message bizarre qui dit que mon compte va être fermé
sp_open: bonjour, merci pour votre message, je regarde | bonjour! désolé, vous pouvez me donner le numéro de commande | bonjour, je suis là pour vous aider
sp_giftcard: nous ne vous demanderons jamais de payer en cartes cadeaux | rappel: nous ne demandons jamais de paiement en cartes cadeaux ni en crypto | les cartes cadeaux ne servent pas à payer des frais
cu_scam: quelqu'un m'a dit que je dois payer en cartes cadeaux avant ce soir sinon ils ferment mon compte | un type m'a demandé le code de ma carte steam, c'est vous?
sp_scam: c'est une arnaque, ne payez pas et ne partagez aucun code | nous ne contactons jamais comme ça, signalez le svp | bloquez le et n'envoyez pas d'argent
sp_code: ne partagez votre code de vérification avec personne | ne donnez jamais votre mot de passe, même pas à nous
sp_photo: vous pouvez envoyer une photo du ticket | envoyez une photo de l'article abîmé svp | une capture de l'erreur aiderait
cu_photo: envoyé | voilà | ok je joins
sp_refund: le remboursement de {amount} arrive sous une semaine | j'ai mis un avoir sur votre compte | le remplacement arrive vendredi
sp_deadline: l'offre se termine ce soir | vous avez jusqu'à dimanche pour le retour | le code expire dans une heure
cu_thanks: merci! | ok super | merci beaucoup | parfait

nw_grooming: t'as lu l'article? un homme demandait leur âge aux enfants et leur disait de garder le secret | le rapport dit que les prédateurs disent aux enfants qu'ils sont matures et demandent si les parents regardent le téléphone
nw_sexto: la police dit qu'ils menaçaient d'envoyer des photos aux amis des ados s'ils payaient pas en cartes cadeaux | apparemment ils demandent de la crypto avec un délai, genre une heure
nw_school: le collège a envoyé un mot sur la sextorsion aujourd'hui | l'intervention au lycée parlait des inconnus qui demandent des photos
nw_apps: ils disent que les agresseurs font passer les enfants sur d'autres applis très vite | l'article dit qu'ils proposent d'abord des robux ou des cartes cadeaux
nw_mod: on a supprimé le compte qui demandait des photos aux membres | modos: signalez toute personne qui demande l'âge et veut parler en privé
nw_reply: ça fait peur | heureusement qu'ils l'ont eu | je parle à mes enfants ce soir | bon à savoir | ouah

nm_home: ta mère est à la maison? | elle est là? | t'es seule, tu peux parler?
nm_surprise: dis lui rien, c'est une surprise pour son anniv | secret hein, la fête c samedi | on se cotise tous pour son cadeau, chut
nm_pic: envoie moi une photo de son calendrier | envoie une photo de la robe qu'elle aimait
nm_delete: supprime ces messages qu'elle les voie pas mdr | supprime avant qu'elle voie | supprime cette photo, je suis horrible mdr
nm_pickup: je te prends samedi pour la déco | je viens te chercher vendredi après les cours pour le gâteau
nm_warn1: si quelqu'un en ligne te demande ton âge ou où tu habites, tu me le dis ok | rappelle toi personne doit te demander de garder des secrets avec nous
nm_warn2: des gens proposent des robux ou des cartes cadeaux aux enfants, c'est un piège | si quelqu'un te dit de passer sur une autre appli, tu viens me voir
nm_kid_q: même s'ils sont gentils? | et si c'est quelqu'un de l'école | et je fais quoi alors
nm_warn3: même là. t'auras pas de problèmes | montre moi, on bloque ensemble | toujours. tu peux tout me dire
nm_sib_threat: donne moi tes frites ou je dis à maman que t'as cassé le vase | je montre le chat de la soirée à maman si tu fais pas mes corvées
nm_sib_pay: paye moi avec ton argent de poche avant ce soir ou je balance | t'as une heure pour ranger ma chambre sinon maman saura
nm_sib_reply: t'es saoulante | bon ok | je te déteste | balance
nm_joke_age: t'as l'âge de boire mdr, t'as quel âge | tu fais ado mdr, t'as quel âge déjà?
"""
