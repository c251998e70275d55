"""Language-independent evidence read from one message: stated ages, payment and deadline cues,
mentions of a minor's world (school, parents), and how an author is addressed.

These complement the per-language indicator packs.  Brand names (payment apps, gift cards, game
credits, crypto), currency amounts, numbers and emoji read the same in every language, so they are
code; the few per-language phrases for "I am 14" or "my school" sit here in small tables because a
reviewer needs them next to the logic that turns them into an age.

Every function takes text already passed through ``normalize_pack_text(text, {})`` (NFKC, lower case,
one apostrophe, letter runs squeezed; accents kept) and returns the matched span, so a finding can say
what it saw.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["AgeStatement", "stated_age", "bare_age", "payment_cue", "deadline_cue", "minor_mention",
           "guardian_address", "minor_reference", "age_question", "ADULT_AGE"]

ADULT_AGE = 18
_DIGIT = re.compile(r"\d")
_MIN_AGE, _MAX_AGE = 8, 79  # a stated "age" outside this is a count of something else

# Units after a number that make it not an age: "i'm 5 min away", "ich bin 20 km entfernt".
_NOT_AGE = (r"(?!\s*(?:min|mins|minutes?|minutos?|minuten|minuti|minut\w*|h\b|hrs?|hours?|horas?|stunden|heures?|ore|"
            r"godzin\w*|timmar|uur|km|kms|miles?|m\b|cm|kg|lbs?|%|€|\$|£|k\b|pm|am|x\b|th|st|nd|rd|e\b|ème|º|ª|o\b|"
            r"euros?|dollars?|bucks|pesos?|reais|zł|kr\b|\.\d|,\d|/\d|:\d))")
_N = r"(\d{1,2})"
_AGE_PATTERNS: tuple[re.Pattern[str], ...] = tuple(re.compile(p) for p in (
    # English ("im" arrives lower-cased; the English normaliser is not applied here)
    rf"(?<!\w)(?:i'?m|i am|im|me is|am) (?:only |just |almost |nearly |turning |like )?{_N}{_NOT_AGE}(?!\w)",
    rf"(?<!\w)(?:i|me) (?:just )?turned {_N}(?!\w)",
    rf"^(?:i'?m |im |me )?{_N} ?(?:years? old|yrs? old|yrs|yo|y/o|y\.o\.?)(?!\w)",
    # age/sex replies: "14/f", "14 f", "14, m, ny", "f/14", "m 15"
    rf"^{_N}\s*[/,.\- ]\s*(?:m|f|male|female|boy|girl|guy|w|h|k|fem|hombre|mujer|chico|chica|menino|menina|"
    r"junge|mädchen|garçon|fille|tjej|kille|jongen|meisje|ragazza|ragazzo|dziewczyna|chłopak)(?!\w)",
    rf"^(?:m|f|male|female|boy|girl|chico|chica)\s*[/,\- ]\s*{_N}(?!\w)",
    # Spanish, Portuguese, French, Italian, Polish: "I have N years"
    rf"(?<!\w)(?:tengo|tenho|j'ai|jai|ho|mam) {_N} (?:años|anos|añitos|ans|anni|lat|lata)(?!\w)",
    rf"^{_N} (?:años|anos|ans|anni|lat|lata|jahre|jahre alt|år|jaar)(?!\w)",
    # German, Swedish, Dutch: "I am N"
    rf"(?<!\w)(?:ich bin|bin|jag är|jag e|ik ben|ben) (?:erst |bara |pas |nur |nog maar )?{_N}{_NOT_AGE}(?!\w)",
))
# School years a minor states ("i'm in 8th grade"): the grade plus this offset is roughly the age.
_GRADE_PATTERNS: tuple[tuple[re.Pattern[str], int], ...] = tuple((re.compile(p), offset) for p, offset in (
    (r"(?<!\w)(?:i'?m|im|i am) (?:in |a )?(?:the )?(\d{1,2})(?:st|nd|rd|th) grade(?:r)?(?!\w)", 5),
    (r"(?<!\w)in (\d{1,2})(?:st|nd|rd|th) grade(?!\w)", 5),
    (r"(?<!\w)(?:i'?m|im|i am) in year (\d{1,2})(?!\w)", 5),
    (r"(?<!\w)(?:ich bin in der|ich geh in die|bin in der) (\d{1,2})\.? ?(?:klasse)?(?!\w)", 6),
    (r"(?<!\w)(?:jestem w|chodzę do) (\d)(?:\.|-?ej| ?klas\w*)(?!\w)", 6),
    (r"(?<!\w)(?:jag går i|går i) (?:årskurs |åk |ettan|tvåan)?(\d)(?::an|an)?(?!\w)", 6),
    (r"(?<!\w)(?:ik zit in) (?:groep|klas) (\d)(?!\w)", 4),
))
# A minor's school stated without a number: under 18, age unknown.
_MINOR_SCHOOL = re.compile(
    r"(?<!\w)(?:(?:i'?m|im|i am) (?:in|at|a) (?:middle school|junior high|elementary|primary school|high school|"
    r"freshman|sophomore|year (?:[7-9]|1[0-2]))|"
    r"(?:estoy|voy) (?:en|a) (?:la |el )?(?:secundaria|primaria|prepa|eso|instituto|\dº?\s*de (?:la )?eso)|"
    r"(?:tô|to|estou) (?:no|na) (?:\d[ºo°]? ano|ensino (?:fundamental|médio|medio)|oitavo|nono)|"
    r"je suis en (?:6e|5e|4e|3e|sixième|cinquième|quatrième|troisième|seconde|6ème|5ème|4ème|3ème|collège|college)|"
    r"(?:faccio|vado) (?:la |alle )?(?:prima|seconda|terza) media|vado alle medie|"
    r"ik zit (?:in de brugklas|op de middelbare|in groep [78])|jag går i (?:högstadiet|mellanstadiet|sjuan|åttan|nian)|"
    r"chodzę do (?:podstawówki|szkoły podstawowej|liceum|gimnazjum))(?!\w)"
)
# A bare number, maybe with "and you?", answering an age question.
_BARE_AGE = re.compile(
    r"^\s*(?:i'?m |im )?(\d{1,2})\s*(?:[.!?]*|,?\s*(?:and|y|e|und|et|och|en|i) "
    r"(?:you|u|tú|tu|vos|vc|você|voce|du|toi|vous|dig|jij|jou|ty|te)\s*\??|,?\s*(?:hbu|wbu|u\?|y tú\?))\s*$"
)


@dataclass(frozen=True)
class AgeStatement:
    age: int | None  # None: a minor's school stated without an age
    minor: bool
    matched: str


def stated_age(text: str) -> AgeStatement | None:
    """An author stating their own age ("i'm 14", "14/f", "tengo 13 años") or school year."""
    if not _DIGIT.search(text):  # every age and grade pattern holds a number: skip them cheaply
        m = _MINOR_SCHOOL.search(text)
        return AgeStatement(None, True, m.group(0)) if m is not None else None
    for pattern in _AGE_PATTERNS:
        m = pattern.search(text)
        if m is not None:
            age = int(m.group(1))
            if _MIN_AGE <= age <= _MAX_AGE:
                return AgeStatement(age, age < ADULT_AGE, m.group(0))
    for pattern, offset in _GRADE_PATTERNS:
        m = pattern.search(text)
        if m is not None and 1 <= int(m.group(1)) <= 13:
            return AgeStatement(int(m.group(1)) + offset, True, m.group(0))
    m = _MINOR_SCHOOL.search(text)
    if m is not None:
        return AgeStatement(None, True, m.group(0))
    return None


# Words of an age question in the nine pack languages ("how old", "edad", "alt", "âge", "wiek"...).
_AGE_QUESTION = re.compile(
    r"(?<!\w)(?:old|age|asl|years|yrs|edad|años|anos|idade|alt|alter|jahrgang|âge|age|ans|ålder|gammal|år|"
    r"leeftijd|oud|jaar|età|anni|wiek|lat|lata|rocznik)(?!\w)"
)


def age_question(text: str) -> bool:
    """A question about age in any pack language (a bare number after it is an age)."""
    return "?" in text and _AGE_QUESTION.search(text) is not None or text.startswith("asl")


def bare_age(text: str) -> AgeStatement | None:
    """A bare number ("14", "13 and u?"): an age only right after an age question."""
    m = _BARE_AGE.match(text)
    if m is None:
        return None
    age = int(m.group(1))
    return AgeStatement(age, age < ADULT_AGE, m.group(0).strip()) if _MIN_AGE <= age <= _MAX_AGE else None


_CURRENCY = r"(?:[$€£¥₹₽]|usd|eur|gbp|chf|pln|sek|nok|dkk|brl|mxn|ars|cop|zł|zl|kr|r\$)"
_AMOUNT = re.compile(
    rf"(?<!\w)(?:{_CURRENCY}\s?\d[\d.,]*(?:k)?|\d[\d.,]*\s?(?:k\s?)?(?:{_CURRENCY}|dollars?|dólares|dolares|bucks|"
    r"euros?|pounds?|quid|pesos?|reais|reales|złotych|zlotych|złote|kronor|kronen|franken|francs?)(?!\w))"
)
_CHANNEL = re.compile(
    r"(?<!\w)(?:gift ?cards?|giftcards?|tarjetas? (?:de )?regalo|cart(?:ão|ao|ões|oes) (?:de )?presente|"
    r"gutscheine?|geschenkkarten?|presentkort|cadeaubonn?(?:en)?|cadeaukaart(?:en)?|cartes? cadeaux?|"
    r"karta podarunkowa|kart[ey] podarunkowe|buoni? regalo|carta regalo|paysafe ?cards?|psc|"
    r"(?:steam|itunes|apple|google play|amazon|xbox|psn|playstation|nintendo|razer gold) ?(?:gift ?)?(?:cards?|codes?|"
    r"karte|kort|tarjeta|cartão|carte|codici|kod\w*)|"
    r"robux|v-?bucks|vbucks|discord nitro|riot points|fifa points|game credits?|"
    r"bitcoins?|btc|crypto|cripto|krypto|usdt|tether|ethereum|litecoin|monero|binance|wallet address|"
    r"paypal|venmo|cash ?app|zelle|revolut|western union|moneygram|bizum|mercado ?pago|nequi|yape|blik|swish|"
    r"tikkie|satispay|lydia|paylib|twint|skrill|apple pay|google pay|"
    r"(?:chave |via |por |no |pelo |faz (?:um )?|manda (?:no |um )?)pix|"
    r"(?:bc1|[13])[a-hj-np-z0-9]{25,39}|0x[0-9a-f]{40})(?!\w)"
)
_DEADLINE = re.compile(r"(?:⏳|⏰|⌛|⏱|(?<!\w)\d{1,3}\s?(?:h|hrs?|min|mins)(?!\w))")

_MINOR_WORLD = re.compile(
    r"(?<!\w)(?:school|homework|my (?:mom|mum|dad|parents|teacher)|class tomorrow|grounded|"
    r"colegio|cole|escuela|instituto|deberes|tarea|mis papás|mis padres|mi mamá|mi papá|"
    r"escola|colégio|lição de casa|dever de casa|meus pais|minha mãe|meu pai|"
    r"schule|hausaufgaben|meine eltern|meine mutter|mein vater|"
    r"école|collège|devoirs|mes parents|ma mère|mon père|"
    r"skolan|läxor|läxa|mina föräldrar|min mamma|min pappa|"
    r"huiswerk|mijn ouders|mijn moeder|mijn vader|"
    r"scuola|compiti|i miei genitori|mia mamma|mio papà|mio padre|"
    r"szkoła|szkole|szkoły|lekcje|zadanie domowe|moi rodzice|moja mama|mój tata)(?!\w)"
)
# How children address a parent, a teacher or a coach ("ok mom", "thanks coach").
_GUARDIAN_TERM = (
    r"(?:mom|mum|mommy|mummy|dad|daddy|mama|mamá|mami|papá|papa|papi|mãe|mae|mamãe|pai|vati|mutti|maman|papà|"
    r"mamma|babbo|tata|tato|mamo|pappa|coach|teacher|sir|miss|mister|profe|profesor|profesora|professora|"
    r"professor|prof|trainer|trener|allenatore|entrenador|treinador|juf|meester|fröken|madame|monsieur)"
)
_GUARDIAN = re.compile(
    rf"^{_GUARDIAN_TERM}\s*(?:[,!?.]|$)|"  # "mom, can i go out"
    r"(?<!\w)(?:ok|okay|thanks|thank you|thx|yes|love you|bye|hi|night|morning|sorry|sure|vale|gracias|"
    r"obrigad[oa]|danke|merci|oui|tack|dank je|grazie|dziękuję|dzięki) "
    rf"{_GUARDIAN_TERM}(?!\w)|"  # "ok mom", "thanks coach"
    rf", {_GUARDIAN_TERM}\s*(?:[!?.]|$)"  # "see you later, coach!"
)


# The author's own words reaching into a minor's world: their age, school, parents, youth, the law.
_MINOR_REFERENCE = re.compile(
    r"(?<!\w)(?:school|homework|grade|class|teacher|your (?:mom|mum|dad|parents?|mother|father|age|sister|brother|"
    r"family)|how old|years old|yrs old|age|young|younger|kid|kids|teen|teenager|minor|underage|jail|cops?|police|"
    r"trouble|legal|illegal|grounded|curfew|bedtime|mom|dad|parents?|"
    r"edad|años|colegio|escuela|tus padres|tu mamá|idade|anos|escola|seus pais|alter|schule|deine eltern|âge|ans|"
    r"école|tes parents|ålder|skolan|dina föräldrar|leeftijd|school|je ouders|età|anni|scuola|i tuoi genitori|"
    r"wiek|lat|szkoła|szkole|twoi rodzice)(?!\w)"
)


def minor_reference(text: str) -> str | None:
    """Words about the other side's age, school, parents or youth (a cue, never proof)."""
    m = _MINOR_REFERENCE.search(text)
    return m.group(0) if m else None


def payment_cue(text: str) -> str | None:
    """A way to pay (gift cards, game credits, crypto, payment apps) or an amount in a currency."""
    m = _AMOUNT.search(text) or _CHANNEL.search(text)
    return m.group(0) if m else None


def deadline_cue(text: str) -> str | None:
    """A clock emoji or a short span of hours or minutes ("24h", "10 min")."""
    m = _DEADLINE.search(text)
    return m.group(0) if m else None


def minor_mention(text: str) -> str | None:
    """School, homework or one's parents: the world of a minor (a cue, never proof)."""
    m = _MINOR_WORLD.search(text)
    return m.group(0) if m else None


def guardian_address(text: str) -> str | None:
    """The writer addresses the other side as a parent, teacher or coach."""
    m = _GUARDIAN.search(text)
    return m.group(0).strip(" ,.!") if m else None
