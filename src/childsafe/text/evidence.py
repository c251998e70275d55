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
from datetime import UTC, datetime

from childsafe.text.ages import (
    SCHOOL_STATEMENT_WORDS,
    birth_year_age,
    coming_age,
    number_words_to_digits,
    school_hint,
    school_statement,
)

__all__ = ["AgeStatement", "stated_age", "bare_age", "payment_cue", "deadline_cue", "minor_mention",
           "guardian_address", "minor_reference", "age_question", "school_year", "self_minor_mention",
           "ADULT_AGE", "SHORT_ANSWER_WORDS"]

ADULT_AGE = 18
_DIGIT = re.compile(r"\d")
_MIN_AGE, _MAX_AGE = 8, 79  # a stated "age" outside this is a count of something else

# Units after a number that make it not an age: "i'm 5 min away", "ich bin 20 km entfernt".
_NOT_AGE = (r"(?!\s*(?:min|mins|minutes?|minutos?|minuten|minuti|minut\w*|h\b|hrs?|hours?|horas?|stunden|heures?|ore|"
            r"godzin\w*|timmar|uur|km|kms|miles?|m\b|cm|kg|lbs?|%|€|\$|£|k\b|pm|am|x\b|th|st|nd|rd|e\b|ème|º|ª|o\b|"
            r"euros?|dollars?|bucks|pesos?|reais|zł|kr\b|\.\d|,\d|/\d|:\d))")
_N = r"(\d{1,2})"
# Little words chat puts between "I am" and the number: "i'm only 14", "ich bin doch erst 13", "só tenho 14".
_PARTICLES = (r"(?:(?:only|just|still|like|almost|nearly|turning|doch|erst|nur|schon|gerade|bara|redan|pas|maar|nog|"
              r"net|solo|sólo|apenas|seulement|que|dopiero|tylko|już|appena|solamente|ya|já|ja)\s+){0,2}")
# Where a clause ends after "I have N" said without "years": "tengo 15", "tenho 15 pq", "mam 13 i co".
_CLAUSE_END = (r"(?=\s*(?:$|[.,!?;:)…]|[\U0001F300-\U0001FAFF]|(?:y|e|et|i|and|but|pero|mas|mais|ma|ale|aber|maar|men|"
               r"porfa|por favor|pls|plz|please|pq|xq|porque|parce|perché|bo|lol|jaja\w*|jeje\w*|kk\w*|haha\w*|hehe\w*|"
               r"mdr|ahah\w*|xd|ok|y tú|e tu|e vc|et toi|a ty|und du|och du|en jij|e tu)(?!\w)))")
_AGE_PATTERNS: tuple[re.Pattern[str], ...] = tuple(re.compile(p) for p in (
    # English ("im" arrives lower-cased; the English normaliser is not applied here)
    rf"(?<!\w)(?:i'?m|i am|im|me is|am) {_PARTICLES}{_N}{_NOT_AGE}(?!\w)",
    rf"(?<!\w)(?:i|me) (?:just )?turned {_N}(?!\w)",
    rf"^(?:i'?m |im |me )?{_N} ?(?:years? old|yrs? old|yrs|yo|y/o|y\.o\.?)(?!\w)",
    # age/sex replies: "14/f", "14 f", "14, m, ny", "f/14", "m 15"
    rf"^{_N}\s*[/,.\- ]\s*(?:m|f|g|male|female|boy|girl|guy|w|h|k|fem|hombre|mujer|chico|chica|menino|menina|"
    r"junge|mädchen|garçon|fille|tjej|kille|jongen|meisje|ragazza|ragazzo|dziewczyna|chłopak)(?!\w)",
    rf"^(?:m|f|male|female|boy|girl|chico|chica)\s*[/,\- ]\s*{_N}(?!\w)",
    # Spanish, Portuguese, French, Italian, Polish: "I have N years", or "I have N" ending a clause
    rf"(?<!\w)(?:tengo|tenho|j'ai|jai|ho|mam) {_PARTICLES}{_N} (?:años|anos|añitos|ans|anni|lat|lata)(?!\w)",
    rf"(?<!\w)(?:tengo|tenho|j'ai|jai|ho|mam) {_PARTICLES}{_N}{_NOT_AGE}{_CLAUSE_END}",
    rf"^{_N} (?:años|anos|ans|anni|lat|lata|jahre|jahre alt|år|jaar)(?!\w)",
    # German, Swedish, Dutch: "I am N"
    rf"(?<!\w)(?:ich bin|bin|jag är|jag e|ik ben|ben) {_PARTICLES}{_N}{_NOT_AGE}(?!\w)",
    # "I just turned N" in the other languages: "acabo de cumplir 16", "je viens d'avoir 15", "bin 16 geworden"
    rf"(?<!\w)(?:cumplí|cumplir|cumplo|acabei de fazer|fiz|fazer|faço|completei|viens d'avoir|vient d'avoir|"
    rf"compiuto|compio|fyllde|fyller|skończył\w*|skończę|kończę) {_N}{_NOT_AGE}(?!\w)",
    rf"(?<!\w){_N} (?:geworden|geworden|worden|geworden)(?!\w)",
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
# The same school years as a short answer of their own ("year 8", "4º de eso", "8º ano", "klasse 7"): read
# only in a message of a few words, where they cannot be about someone else.  Age = offset + sign * year.
_SHORT_GRADE_PATTERNS: tuple[tuple[re.Pattern[str], int, int], ...] = tuple(
    (re.compile(p), offset, sign) for p, offset, sign in (
        (r"^(?:in )?(?:year|yr|grade) (\d{1,2})(?!\w)", 5, 1),
        (r"^(?:in )?(\d{1,2})(?:st|nd|rd|th) grade(?!\w)", 5, 1),
        (r"^(?:en |voy en |estoy en )?(\d)o? ?(?:de |d )?(?:la )?eso(?!\w)", 11, 1),
        (r"^(?:en |voy en |estoy en )?(\d)o? ?(?:de |d )?(?:la )?(?:primaria|prim)(?!\w)", 5, 1),
        (r"^(?:en |voy en |estoy en )?(\d)o? ?(?:de |d )?(?:bach|bachillerato|prepa)(?!\w)", 15, 1),
        (r"^(?:no |to no |tô no |estou no )?(\d)o? ?ano (?:do |d[oe] )?(?:m[eé]dio|ensino m[eé]dio|em)(?!\w)", 14, 1),
        (r"^(?:no |to no |tô no |estou no )?(\d{1,2})o? ?ano+(?!\w)", 5, 1),
        (r"^(?:en )?([3-6])(?:e|eme|ème)(?!\w)", 17, -1),
        (r"^(?:in der |klasse )?(\d{1,2})\.? ?klasse(?!\w)|^klasse (\d{1,2})(?!\w)", 6, 1),
        (r"^(?:i )?(?:årskurs|åk) (\d)(?!\w)|^(?:i )?(\d)(?::an|an)(?!\w)", 6, 1),
        (r"^(?:in )?groep (\d)(?!\w)", 4, 1),
        (r"^(\d)\.? ?klas[ay](?!\w)|^klasa (\d)(?!\w)", 6, 1),
        (r"^(?:ik zit in )?(?:de )?(\d)e? klas(?!\w)|^ik zit in de (\d)e?$", 11, 1),
        (r"^(?:sono in |faccio (?:la )?)?(\d)a? (?:superiore|liceo)(?!\w)", 13, 1),
        (r"^(?:sono in |faccio (?:la )?)?(\d)a? media(?!\w)", 10, 1),
    ))
# School years said in words ("tweede klas", "seconda superiore", "ósma klasa", "achte klasse"): the
# word becomes its number before the patterns above read it.
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "vijfde": 5,
    "zesde": 6, "prima": 1, "seconda": 2, "terza": 3, "quarta": 4, "quinta": 5, "pierwsza": 1, "druga": 2,
    "trzecia": 3, "czwarta": 4, "piąta": 5, "piata": 5, "szósta": 6, "szosta": 6, "siódma": 7, "siodma": 7,
    "ósma": 8, "osma": 8, "primero": 1, "segundo": 2, "tercero": 3, "cuarto": 4, "primer": 1, "tercer": 3,
    "sexto": 6, "sétimo": 7, "setimo": 7, "oitavo": 8, "nono": 9, "siebte": 7, "achte": 8, "neunte": 9,
    "zehnte": 10, "siebten": 7, "achten": 8, "neunten": 9, "zehnten": 10,
}
_ORDINAL_WORD = re.compile(r"(?<!\w)(?:" + "|".join(sorted(_ORDINALS, key=len, reverse=True)) + r")(?!\w)")
#: A short answer is a message of at most this many words.
SHORT_ANSWER_WORDS = 5
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
# A minor's school named as a short answer of its own ("sophomore", "middle school", "terza media").
_SHORT_MINOR_SCHOOL = re.compile(
    r"^(?:(?:a |in )?(?:freshman|sophomore|middle school|junior high|elementary)|(?:la )?(?:secundaria|primaria|eso)|"
    r"(?:ensino )?fundamental|coll[eè]ge|(?:la )?(?:prima|seconda|terza) media|(?:le |alle )?medie|"
    r"(?:die )?(?:gesamtschule|realschule|hauptschule|grundschule|mittelstufe)|högstadiet|mellanstadiet|"
    r"sjuan|åttan|nian|(?:de )?brugklas|podstawówka|podstawówce)(?!\w)"
)
# One number in a short message ("14", "13 and u?", "omg 14 lol", "25?"): an age only right after an age
# question (the caller knows), and never a count of something ("14 apples", "5 min").
_ONE_NUMBER = re.compile(rf"(?<![\w:/.,#+-])(\d{{1,2}}){_NOT_AGE}(?![\w:/.,%-])")
_NOT_AN_ANSWER = re.compile(r"(?<!\w)(?:apples?|times?|people|friends|messages?|points?|kills?|lvl|level|pm|am)(?!\w)")


@dataclass(frozen=True)
class AgeStatement:
    age: int | None  # None: a minor's school stated without an age
    minor: bool
    matched: str


def _statement(age: int, matched: str) -> AgeStatement:
    return AgeStatement(age, age < ADULT_AGE, matched)


def _school(text: str) -> AgeStatement | None:
    """A school year in a short message, its ordinal words read as numbers ("terza media", "tweede klas")."""
    if not school_hint(text) or len(text.split()) > SCHOOL_STATEMENT_WORDS:
        return None
    read = school_statement(_ORDINAL_WORD.sub(lambda m: str(_ORDINALS[m.group(0)]), text))
    return _statement(read.age, read.matched) if read is not None else None


def stated_age(text: str, year: int | None = None) -> AgeStatement | None:
    """An author stating their own age ("i'm 14", "14/f", "tengo 13 años", "tengo catorce", "turning 15",
    "soy del 2011" in the message's ``year``, default this year) or school year."""
    text = number_words_to_digits(text)
    if not _DIGIT.search(text):  # every age and grade pattern holds a number: skip them cheaply
        school = _school(text)  # a school year with its age before a minor's school without one
        if school is not None:
            return school
        m = _MINOR_SCHOOL.search(text)
        return AgeStatement(None, True, m.group(0)) if m is not None else school_year(text)
    coming = coming_age(text)  # before "i'm N": "im turning 18" is 17
    if coming is not None:
        return _statement(coming.age, coming.matched)
    born = birth_year_age(text, year or datetime.now(UTC).year)
    if born is not None:
        return _statement(born.age, born.matched)
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
    return school_year(text) or _school(text)


# Words of an age question in the nine pack languages ("how old", "edad", "alt", "âge", "wiek"...).
_AGE_QUESTION = re.compile(
    r"(?<!\w)(?:old|age|asl|years|yrs|edad|años|anos|idade|alt|alter|jahrgang|âge|age|ans|ålder|gammal|år|"
    r"leeftijd|oud|jaar|età|anni|wiek|lat|lata|rocznik)(?!\w)"
)


def age_question(text: str) -> bool:
    """A question about age in any pack language (a bare number after it is an age)."""
    return "?" in text and _AGE_QUESTION.search(text) is not None or text.startswith("asl")


#: Number words are read as a short answer in a message of at most this many words ("catorce jaja"; in
#: longer ones "once" may be English).
NUMBER_WORD_ANSWER_WORDS = 3


def bare_age(text: str, year: int | None = None) -> AgeStatement | None:
    """A short answer to an age question: one number ("14", "13 and u?", "omg 14 lol", "25?", "catorce
    jaja"), an age about to come ("almost 13"), a birth year ("2010 lol"), a school year ("year 8", "4º de
    eso") or a minor's school ("sophomore").  Only meaningful right after an age question, which the
    caller checks."""
    words = len(text.split())
    if words > SHORT_ANSWER_WORDS:
        return None
    if words <= NUMBER_WORD_ANSWER_WORDS:
        text = number_words_to_digits(text)
    grade = school_year(text) or _school(text)
    if grade is not None:
        return grade
    coming = coming_age(text)
    if coming is not None:
        return _statement(coming.age, coming.matched)
    born = birth_year_age(text, year or datetime.now(UTC).year, short_answer=True)
    if born is not None:
        return _statement(born.age, born.matched)
    numbers = re.findall(r"\d+", text)
    if len(numbers) != 1 or _NOT_AN_ANSWER.search(text):
        return None
    m = _ONE_NUMBER.search(text)
    if m is None:
        return None
    age = int(m.group(1))
    return AgeStatement(age, age < ADULT_AGE, text.strip()) if _MIN_AGE <= age <= _MAX_AGE else None


def school_year(text: str) -> AgeStatement | None:
    """A school year or a minor's school given as a short answer of its own ("year 8", "8º ano", "sophomore")."""
    if len(text.split()) > SHORT_ANSWER_WORDS:
        return None
    text = _ORDINAL_WORD.sub(lambda m: str(_ORDINALS[m.group(0)]), text)
    for pattern, offset, sign in _SHORT_GRADE_PATTERNS:
        m = pattern.search(text)
        if m is not None:
            year = int(next(g for g in m.groups() if g is not None))
            if 1 <= year <= 13:
                age = offset + sign * year
                return AgeStatement(age, age < ADULT_AGE, m.group(0)) if age < ADULT_AGE else None
    m = _SHORT_MINOR_SCHOOL.search(text)
    return AgeStatement(None, True, m.group(0)) if m is not None else None


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
    r"tikkie|satispay|lydia|paylib|twint|skrill|apple pay|google pay|postepay|neosurf|"
    r"(?:chave |via |por |no |pelo |faz (?:um )?|manda (?:no |um )?)pix|"
    r"(?:bc1|[13])[a-hj-np-z0-9]{25,39}|0x[0-9a-f]{40})(?!\w)"
)
_DEADLINE = re.compile(
    r"(?:⏳|⏰|⌛|⏱|(?<!\w)\d{1,3}\s?(?:h|hrs?|hours?|min|mins|minutes?|horas?|minutos?|stunden|std|minuten|heures?|"
    r"ore|minuti|timmar|timme|minuter|uur|minuten|godzin[ya]?|minut[y]?)(?!\w))"
)

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
    rf", {_GUARDIAN_TERM}\s*(?:[!?.]|$)|"  # "see you later, coach!"
    # short replies in the other languages, the term closing them ("ta mae", "ja mama!"; "ja mama is weg"
    # answers a question about her)
    r"(?<!\w)(?:ta|tá|sim|claro|dale|ja|jaa|oké|oke|okej|jasne|spoko|d'accord|dacc|va bene|sì|si|certo|klar|"
    r"genau|visst|prima|tudo bem|beleza|te amo|te quiero|hab dich lieb|je t'aime|ti voglio bene|älskar dig|"
    rf"hou van je|hvj|kocham cię|kocham) {_GUARDIAN_TERM}\s*(?:[,!?.]|$)|"
    # asking leave, as a child asks a parent ("can i go to the mall with sara", "mag ik naar", "darf ich")
    r"(?<!\w)(?:can i go|may i go|can i sleep over|me dejas ir|deixa eu ir|darf ich|"
    r"je peux aller|est-ce que je peux|posso andare|posso uscire|får jag gå|får jag sova|får jag följa|mag ik|"
    r"czy mogę iść|czy moge isc|mogę iść)(?!\w)|"
    # a parent addressing their child as such ("te amo filha", "love you son", "hvj schat" is not enough)
    r"(?<!\w)(?:love you|luv u|te amo|te quiero|hab dich lieb|je t'aime|ti voglio bene|älskar dig|hou van je|"
    r"hvj|kocham cię|ok|okay|thanks|bye|night|good night|buenas noches|boa noite|gute nacht|bonne nuit|"
    r"buonanotte|godnatt|welterusten|dobranoc) (?:my )?(?:son|daughter|filha|filho|hija|hijo|mija|mijo|sohn|"
    r"tochter|ma fille|mon fils|fille|fils|figlia|figlio|dotter|min son|dochter|zoon|córeczko|synku|córka|syn)(?!\w)"
)


# The author's own words treating the other side as a minor: their youth, their parents or school (in
# the second person), the law.  Not a question about age: adults dating and gamers ask that too.  English
# only, as it gates the English model alone.
_MINOR_REFERENCE = re.compile(
    r"(?<!\w)(?:(?:your|ur|yr) (?:mom|mum|mommy|dad|daddy|parents?|mother|father|folks|teachers?|school|"
    r"homework|class(?:es)?|curfew|bedtime|little (?:sister|brother))|"
    r"(?:you'?re|ur|you are|u r|u are|youre) (?:so |too |very |really |still |just )?(?:young|little|a kid|a minor|"
    r"underage|a baby|a child|jailbait)|"
    r"jail|prison|illegal|underage|against the law|cops|police|after school|school tomorrow|sneak out|"
    r"(?:are|r) (?:you|u) (?:even )?allowed|"
    r"(?:are|r) (?:your|ur) (?:parents|mom|dad|folks) (?:home|there|around|awake))(?!\w)"
)


def matched(pattern: re.Pattern[str], text: str) -> str | None:
    """The words ``pattern`` finds first in ``text`` (what a cue shows a reviewer), or None."""
    m = pattern.search(text)
    return m.group(0) if m else None


def minor_reference(text: str) -> str | None:
    """Words treating the other side as a minor: their youth, parents, school, the law (a cue, never proof)."""
    return matched(_MINOR_REFERENCE, text)


def payment_cue(text: str) -> str | None:
    """A way to pay (gift cards, game credits, crypto, payment apps) or an amount in a currency."""
    m = _AMOUNT.search(text) or _CHANNEL.search(text)
    return m.group(0) if m else None


def deadline_cue(text: str) -> str | None:
    """A clock emoji or a short span of hours or minutes ("24h", "10 min")."""
    return matched(_DEADLINE, text)


def minor_mention(text: str) -> str | None:
    """School, homework or one's parents: the world of a minor (a cue, never proof)."""
    return matched(_MINOR_WORLD, text)


# The writer's own minor world, in the first person: "my parents", "my homework", "grounded".  Adults
# speak of their parents too, so this only keeps the model from alerting on someone who writes like a child.
_SELF_MINOR_WORLD = re.compile(
    r"(?<!\w)(?:my (?:parents|teacher|homework|school|class)|i(?:'?m| am) grounded|"
    r"mis papás|mis padres|mi profe|mis deberes|mi cole|mi insti|"
    r"meus pais|minha professora|meu professor|minha escola|"
    r"meine eltern|mein lehrer|meine lehrerin|meine schule|meine hausaufgaben|"
    r"mes parents|mon prof|ma prof|mon collège|mes devoirs|"
    r"mina föräldrar|min lärare|min skola|mina läxor|"
    r"mijn ouders|mijn juf|mijn leraar|mijn school|mijn huiswerk|"
    r"i miei genitori|la mia prof|mio prof|la mia scuola|i miei compiti|"
    r"moi rodzice|moja pani|moja szkoła|moje lekcje)(?!\w)"
)


def self_minor_mention(text: str) -> str | None:
    """The writer's own school, homework or parents (a sign the writer is young, never proof)."""
    return matched(_SELF_MINOR_WORLD, text)


def guardian_address(text: str) -> str | None:
    """The writer addresses the other side as a parent, teacher or coach."""
    m = _GUARDIAN.search(text)
    return m.group(0).strip(" ,.!") if m else None
