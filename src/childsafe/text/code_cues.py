"""Cues read by code in the nine pack languages where the packs word things differently: threats to
expose (sextortion without the word "pictures"), deadlines in words, age questions without a question mark,
checks that a parent is away or the other side is alone, private messaging apps.

Like :mod:`childsafe.text.evidence`, small per-language tables in code, so no pack has to list every
phrasing; each is a cue, never proof (the scorer's rules decide what it adds up to).
"""

from __future__ import annotations

import re

from childsafe.text.evidence import matched

__all__ = ["exposure_threat", "possession_claim", "victim_plea", "deadline_words", "age_question_phrase",
           "isolation_question", "private_app",
           "risk_cues"]


# A threat to expose, in any of the nine languages and whatever the object ("ill send everything to your
# friends", "your whole school will see it", "your pics go out tonight").  Three shapes, written per
# language: a spreading verb followed within a few words by the other side's audience; the audience
# followed by seeing or knowing; the other side's pictures, chat or reputation going out or being gone.
_GAP = r"(?:\s+\S+){0,5}?\s+"
_YOUR = (r"(?:your|ur|yr|ya|tu|tus|tua|tue|tuoi|sua|suas|seu|seus|teu|teus|dein|deine|deinen|deiner|deinem|ton|ta|"
         r"tes|je|jouw|din|dina|ditt|twoi|twoja|twoim|twoich|twojej|twojego|twoje|twoja)")
_AUDIENCE = (r"(?:friends|family|fam|mom|mum|dad|parents|followers|school|class|classmates|contacts|list|"
             r"amigos|amigas|familia|madre|mamá|mama|padres|seguidores|insti|colegio|escuela|clase|contactos|"
             r"família|familia|mãe|mae|pais|escola|turma|contatos|"
             r"freunde|freunden|familie|mutter|eltern|follower|followern|schule|klasse|kontakte|kontakten|liste|"
             r"amis|potes|famille|mère|mere|abonnés|abonnes|collège|college|lycée|lycee|école|ecole|classe|"
             r"amici|famiglia|mamma|genitori|scuola|contatti|"
             r"vrienden|moeder|ouders|volgers|klas|contacten|"
             r"vänner|vanner|kompisar|familj|mamma|föräldrar|foraldrar|följare|foljare|skola|klass|kontakter|"
             r"znajomym|znajomi|znajomych|przyjaciołom|rodzinie|rodzina|mamie|rodzicom|rodzice|obserwującym|"
             r"szkole|szkoła|klasie|kontaktów|kontaktow|kontakty)")
_EVERYONE = (r"(?:everyone|everybody|the whole|ur whole|your whole|all|todo el mundo|todos|todas|toda|todo tu|"
             r"todo mundo|tod[ao] (?:sua|seu)|alle|jeder|ganze|tout le monde|tout ton|toute ta|tous|tutti|tutta|"
             r"iedereen|hele|alla|hela|wszyscy|cała|cała twoja|cały)")
_SPREAD = (r"(?:send|sending|share|sharing|post|posting|leak|leaking|show|showing|tag|tagging|forward|upload|"
           r"mando|mandar|envío|envio|enviar|paso|pasar|reenvío|reenvio|comparto|compartir|publico|publicar|subo|subir|"
           r"etiqueto|enseño|ensenar|enseñar|"
           r"postar|posto|compartilho|compartilhar|mostrar|mostro|marco|marcar|espalhar|repasso|"
           r"schick|schicke|schicken|teile|teilen|poste|posten|zeige|zeigen|markier|markiere|leite|weiterleiten|"
           r"envoie|envoyer|envoyé|partage|partager|poste|poster|publie|publier|montre|montrer|"
           r"mandare|inoltro|giro|condivido|condividere|pubblico|pubblicare|faccio vedere|taggo|"
           r"stuur|sturen|deel|delen|laat zien|"
           r"skickar|skicka|delar|dela|lägger ut|lagger ut|visar|visa|taggar|"
           r"wyślę|wysle|wyśle|udostępnię|wrzucę|wrzuce|pokażę|pokaze|oznaczę|roześlę|rozesle)")
_SEE = (r"(?:see|sees|know|knows|get it|gets it|find out|ver|verá|vera|verán|veran|vea|sabrá|sabra|sabrán|"
        r"saber|sabr|vai ver|vão ver|vao ver|vai saber|recebe|sehen|sieht|wissen|erfahren|kriegt|kriegen|"
        r"voir|verra|verront|savoir|saura|sauront|vedere|vedrà|vedra|vedranno|sapranno|saprà|ricevono|zien|"
        r"weten|krijgt|krijgen|se det|ser|få veta|fa veta|vet|får|zobaczy|zobaczą|zobacza|dowie|dowiedzą|"
        r"dowiedza|dostaną|dostana|dostanie)")
_OBJECT = (r"(?:pics?|pictures?|photos?|fotos?|nudes|videos?|vids?|messages|msgs|chats?|screenshots?|"
           r"bilder|nachrichten|mensajes|mensagens|conversas?|messaggi|foto|berichten|meddelanden|zdjęcia|zdjecia|"
           r"wiadomości|wiadomosci|reputation|reputación|reputacion|reputação|reputacao|ruf|réputation|"
           r"reputazione|reputatie|rykte|reputacja)")
_OUT = (r"(?:go out|goes out|come out|comes out|out tonight|out today|online|everywhere|public|viral|"
        r"salen|sale|fuera|vazam|vaza|saem|sai|ovunque|raus|weg|öffentlich|partout|en ligne|escono|"
        r"komen|gaan|kommer ut|ut|överallt|wyjdą|wyjda|pójdą|poszły|wszędzie|adiós|adios|adeus|adieu|addio|"
        r"bye|goodbye|tschüss|farväl|żegnaj)")
# What the two of them said, as the object of a threat ("everything we talked about", "tudo que a gnt
# conversou", "notre conversation"): no audience named, but the chat is the other side's to lose.
_OUR_CHAT = (r"(?:(?:everything|all|todo|tudo|alles|tout|tutto|allt|wszystko)(?:\s+\S+){0,4}?\s+(?:talked|said|wrote|"
             r"did|sent|hablamos|dijimos|conversamos|conversou|conversamo|falamos|geschrieben|gesagt|besprochen|"
             r"dit|parlé|parle|écrit|ecrit|detto|scritto|parlato|pratat|skrev|sagt|gepraat|gezegd|geschreven|"
             r"pisaliśmy|pisalismy|rozmawialiśmy|rozmawialismy|mówiliśmy)|"
             r"(?:our|nuestra|nuestro|nuestros|nossa|nossas|nosso|unseren|unsere|unser|notre|nos|nostra|nostre|"
             r"vår|våra|vårt|ons|onze|naszą|nasze|naszych) (?:chats?|conversations?|conversación|conversacion|"
             r"conversa|conversas|mensajes|mensagens|chatverlauf|nachrichten|messages|conversazioni?|messaggi|"
             r"konversation|meddelanden|gesprek(?:ken)?|berichten|rozmowy|rozmowę|wiadomości))")
_NOT_TO_ME = r"(?!\s+(?:me|us|mir|uns|moi|nous|mi|ci|mig|oss|mnie|nam)(?!\w))"  # "send me a pic" asks
# Sending the chat to the other side is no exposure ("ill send you everything we talked about").
_NOT_TO_US = r"(?!\s+(?:me|us|you|u|ya|te|ti|vc|dir|dich|toi|mir|dig|jou|je|ci|ciebie|ci|mnie|mi)(?!\w))"
_TO = r"(?:to |a |à |pros? |para |an |naar |till |aan |ai |alle? |agli )"
_THREAT = re.compile(
    rf"(?<!\w)(?:{_SPREAD}{_NOT_TO_US}(?:\s+\S+){{0,2}}?\s+{_OUR_CHAT}|{_SPREAD}{_NOT_TO_ME}{_GAP}(?:{_TO}?{_YOUR} |"
    rf"(?:all |toda |todos |todas |alle |tous |tutti |iedereen |alla |wszystkim )?){_AUDIENCE}|"
    rf"{_EVERYONE}(?:\s+\S+){{0,5}}?\s+{_YOUR}(?:\s+\S+){{0,3}}?\s+{_SEE}|"
    rf"{_YOUR} (?:\S+ )?{_AUDIENCE}{_GAP}{_SEE}|"
    rf"{_YOUR} {_OBJECT}{_GAP}{_OUT}|"
    rf"{_OUT}(?:\s+\S+){{0,2}}?\s+(?:a |à |to |an |till |do )?{_YOUR} {_OBJECT})(?!\w)"
)
# A claim to hold the other side's pictures, videos or chat ("i have the pictures u sent", "tengo tus fotos",
# "tenho as fotos que vc mandou", "ich hab deine bilder", "saved everything you sent"): the lever of a
# sextortion whose threat is left unsaid.  The object must be the other side's: theirs, or what they sent.
_HOLD = (r"(?:(?:i (?:already |still )?(?:have|got|saved|kept|took|screenshotted|recorded|grabbed)|ive got|"
         r"i've got|got|tengo|guardé|guarde|saqué|saque|grabé|grabe|conseguí|consegui|recuperé|recupere|tenho|salvei|"
         r"guardei|peguei|gravei|ich hab|ich habe|hab|habe|hab mir|j'ai|jai|ho|jag har|har|jag sparade|sparade|"
         r"ik heb|heb|mam|zapisałem|zapisalem|zachowałem)"
         r"(?: (?:already|still|ya|já|ja|schon|noch|déjà|deja|già|gia|redan|fortfarande|al|nog|już|juz))?"
         r"(?: (?:gardé|garde|enregistré|enregistre|récupéré|recupere|pris|chopé|salvato|preso|tenuto|recuperato|"
         r"gespeichert|geholt|sparat|tagit|opgeslagen|bewaard|gepakt|zapisane|zapisał\w*))?)")
_SENT = (r"(?:(?:u|you|ya) (?:sent|send|gave|showed)|(?:que |q )?(?:me )?(?:mandaste|enviaste|pasaste)|"
         r"(?:que )?(?:vc|você|voce|tu) (?:me )?(?:mandou|enviou)|(?:die )?du (?:mir )?(?:geschickt|gesendet)|"
         r"(?:que )?tu m'as (?:envoyé|envoyée|envoyées|envoyés|envoye)|(?:che )?mi hai (?:mandato|inviato)|"
         r"(?:som )?du (?:skickade|skickat)|(?:die )?je (?:me )?(?:stuurde|hebt gestuurd|stuurden)|"
         r"(?:które )?(?:mi )?(?:wysłałaś|wysłałeś|wyslalas|wyslales))")
_THINGS = (r"(?:pics?|pictures?|photos?|fotos?|fotk[ia]|zdjęcia|zdjecia|bilder|bilderna|foto's|nudes|videos?|vids?|"
           r"vídeos|video's|filmiki|screens?|screenshots?|prints|capturas|captures|messages|msgs|chats?|conversas?|"
           r"mensajes|mensagens|nachrichten|messaggi|berichten|meddelanden|wiadomości|wiadomosci|everything|todo|tudo|"
           r"alles|tout|tutto|allt|wszystko)")
_POSSESSION = re.compile(
    rf"(?<!\w){_HOLD} (?:(?:all|todas|todos|all of|alle|toutes|tous|tutte|tutti|alla|wszystkie) )?"
    rf"(?:(?:the |las |los |as |os |die |les |le |i |gli |de |la |il )?{_YOUR} (?:\S+ )?{_THINGS}|"
    rf"(?:the|those|these|las|los|as|os|die|les|le|i|gli|de|te|dem) {_THINGS} {_SENT}|"
    rf"{_THINGS} {_SENT}|{_THINGS} (?:de |von |van |od |di )?(?:ti|dir|toi|te|dig|jou|ciebie|vc|você)|"
    rf"{_THINGS} (?:from|de|von|van|z|från|di) "
    r"(?:ur|your|tu|sua|deinem|deiner|ton|ta|tuo|tua|din|ditt|je|twojego|twojej) )"
)
_PLEA = re.compile(
    r"(?<!\w)(?:(?:please|pls|plz|por favor|porfa|por favor não|bitte|s'il te plaît|stp|ti prego|per favore|"
    r"snälla|alsjeblieft|alsjeblief|aub|proszę|prosze) (?:no|dont|don't|do not|não|nao|nicht|pas|non|inte|niet|nie)|"
    r"i (?:don'?t|dont) have (?:the |any |that )?money|i have no money|no tengo (?:dinero|plata|pasta)|"
    r"não tenho dinheiro|nao tenho dinheiro|ich hab(?:e)? kein geld|je n'ai pas d'argent|j'ai pas d'argent|"
    r"jai pas d'argent|non ho (?:i )?soldi|jag har inga pengar|ik heb geen geld|nie mam (?:pieniędzy|kasy|pieniedzy)|"
    r"i'?m scared|im scared|tengo miedo|estou com medo|tô com medo|ich hab(?:e)? angst|j'ai peur|jai peur|ho paura|"
    r"jag är rädd|ik ben bang|boję się|boje sie)(?!\w)"
)


def possession_claim(text: str) -> str | None:
    """A claim to hold the other side's pictures, videos or chat (a sextortion's lever, never proof)."""
    return matched(_POSSESSION, text)


def victim_plea(text: str) -> str | None:
    """A plea or fear in answer to a demand ("please don't", "i don't have money", "tengo miedo")."""
    return matched(_PLEA, text)


# A deadline in words: "before school tomorrow", "by midnight", "bis morgen", "avant ce soir".
_DEADLINE_WORDS = re.compile(
    r"(?<!\w)(?:(?:by|before|until|till|antes de|hasta|até|ate|bis|avant|jusqu'à|jusqu'a|entro|prima di|voor|"
    r"vóór|före|fore|innan|till|do|przed)(?:\s+\S+){0,2}?\s+(?:tonight|midnight|tomorrow|school|"
    r"medianoche|mañana|manana|esta noche|clase|insti|meia-noite|meia noite|amanhã|amanha|escola|"
    r"mitternacht|morgen|heute abend|schule|minuit|demain|ce soir|cours|mezzanotte|domani|stasera|scuola|"
    r"middernacht|vanavond|school|midnatt|imorgon|i kväll|ikväll|skolan|północy|polnocy|jutra|wieczora|szkołą|"
    r"szkola|lekcjami))(?!\w)"
)


def exposure_threat(text: str) -> str | None:
    """A threat to expose or share, whatever the object (pictures, "everything", the chat): a cue that
    turns into sextortion only when a payment demand or a deadline comes with it."""
    return matched(_THREAT, text)


def deadline_words(text: str) -> str | None:
    """A deadline said in words: before school tomorrow, by midnight, tonight."""
    return matched(_DEADLINE_WORDS, text)


# An age question without a question mark ("hoe oud ben je", "a ty ile masz", "how old r u").
_AGE_QUESTION_PHRASE = re.compile(
    r"(?<!\w)(?:how old|hw old|cuántos años|cuantos años|cuantos anos|q edad|qué edad|que edad|quantos anos|"
    r"qts anos|quantos anos|que idade|qual sua idade|wie alt|quel âge|quel age|t'as quel|tu as quel|"
    r"quanti anni|che età|che eta|hur gammal|hur gamla|hoe oud|ile masz|ile lat|"
    # elliptic, the years left unsaid: "cuantos tienes?", "vc tem quantos?", "tu quanti ne hai?"
    r"cu[aá]ntos tienes|tienes cu[aá]ntos|tem quantos|quantos (?:vc |voce |você )?tem|quanti ne hai|"
    r"quanti hai|ile ty masz|"
    # the school year asked: its answer is an age or a school year ("u in high school?", "welche klasse?")
    r"(?:u|you|ur|you're|are you|r u) (?:in|at) (?:high|middle|elementary) school|what grade|which grade|"
    r"what year are you in|vas al (?:insti|cole)|en qu[eé] curso|qu[eé] curso|em que ano|que ano (?:vc|você) "
    r"(?:est[aá]|ta|tá)|welche klasse|in welcher klasse|t'es en quelle|tu es en quelle|t'es au (?:collège|lycée)|"
    r"che classe fai|fai le medie|vilken klass|går du i (?:högstadiet|mellanstadiet|sjuan|åttan|nian)|"
    r"in welke klas|zit je op de middelbare|w której klasie|która klasa)(?!\w)"
)


def age_question_phrase(text: str) -> bool:
    """An age question worded as one, with or without a question mark."""
    return _AGE_QUESTION_PHRASE.search(text) is not None


# Risk assessment in words every language has: is a parent at home, is the other side alone, who is home,
# can they talk freely.  Read by code, so a pack need not list every phrasing.
_GUARDIAN_WORD = (r"(?:mom|mum|mommy|dad|daddy|parents|mother|father|folks|mamá|mama|mami|papá|papa|padres|"
                  r"madre|padre|mãe|mae|pai|pais|mutter|vater|eltern|mutti|vati|mère|mere|père|pere|parents|"
                  r"maman|mamma|papà|genitori|moeder|vader|ouders|mam|pappa|föräldrar|foraldrar|mamusia|"
                  r"tata|rodzice|starzy)")
_AT_HOME = (r"(?:home|there|around|awake|back|at work|casa|en casa|em casa|trabajando|trabalhando|zuhause|"
            r"zu hause|daheim|da|arbeiten|maison|là|la|travail|a casa|lavoro|thuis|werk|hemma|jobbet|"
            r"w domu|w pracy|wraca|wracają)")
_ISOLATION = re.compile(
    rf"(?<!\w)(?:{_GUARDIAN_WORD}(?:\s+\S+){{0,3}}?\s+{_AT_HOME}|"
    r"(?:are you|r u|ru|are u|u) (?:home )?alone|alone (?:rn|now|right now)|"
    r"(?:estás|estas|tas|tá|ta|está|esta) (?:sol[ao]|sozinh[ao])|"
    r"(?:bist du|biste) (?:\S+ )?allein|allein zu hause|"
    r"(?:t'es|tu es|es-tu|t es) (?:\S+ )?seule?|"
    r"(?:sei|stai) (?:\S+ )?(?:sol[ao]|da sol[ao])|"
    r"(?:ben je|bn je) (?:\S+ )?alleen|"
    r"(?:är du|e du|ä du) (?:\S+ )?(?:ensam|själv|sjalv)|"
    r"(?:jesteś|jestes) (?:\S+ )?(?:sama|sam)|"
    r"(?:who'?s|who is) (?:home|there|with you)|(?:quién|quien) (?:hay|está|esta) (?:en casa|contigo)|"
    r"quem (?:tá|ta|está|esta) (?:em casa|aí|ai|com vc|contigo)|wer ist (?:\S+ )?(?:zuhause|zu hause|da|bei dir)|"
    r"qui est (?:\S+ )?(?:à la maison|a la maison|chez toi|avec toi)|chi c'è|chi ce|"
    r"wie is er (?:\S+ )?thuis|vem är hemma|vem e hemma|kto jest (?:\S+ )?w domu|"
    r"talk freely|coast (?:is )?clear|hablar tranquil[ao]|falar à vontade|falar a vontade|"
    r"frei reden|parler librement|parlare liberamente|vrij praten|prata fritt|rozmawiać swobodnie)(?!\w)"
)


def isolation_question(text: str) -> str | None:
    """A check that a parent is away or the other side is alone (risk assessment, any language)."""
    return matched(_ISOLATION, text)


# A private messaging app named in any language: moving the chat somewhere less watched.
_PRIVATE_APP = re.compile(
    r"(?<!\w)(?:snap|snapchat|whatsapp|wpp|telegram|kik|wickr|threema|viber|the ghost app|"
    r"(?:app|l'app|appen|aplikacj\w*|aplicación|aplicativo) (?:\S+ )?"
    r"(?:with the ghost|del fantasma|do fantasminha|mit dem geist|avec le fantôme|col fantasmino|"
    r"met het spookje|med spöket|z duszkiem))(?!\w)"
)


def private_app(text: str) -> str | None:
    """A private messaging app (Snapchat, WhatsApp, Telegram, Kik...) named: a possible platform move."""
    return matched(_PRIVATE_APP, text)


# The three code cues above in one pass over the text (the scorer reads every message with them).
_RISK_CUES = re.compile(rf"(?P<age>{_AGE_QUESTION_PHRASE.pattern})|(?P<isolation>{_ISOLATION.pattern})|"
                        rf"(?P<app>{_PRIVATE_APP.pattern})")


def risk_cues(text: str) -> dict[str, str]:
    """Which of an age question phrase (``age``), an isolation check (``isolation``) and a private app
    (``app``) the text holds, each with the words matched: one scan for :func:`age_question_phrase`,
    :func:`isolation_question` and :func:`private_app`."""
    found: dict[str, str] = {}
    for m in _RISK_CUES.finditer(text):
        kind = m.lastgroup
        if kind is not None and kind not in found:
            found[kind] = m.group(0)
    return found
