"""Ages as chat states them besides "i'm 14": in words, as a birth year, as an age about to come, as a
school year in each country's system.

Three readers, each language-independent code with small nine-language tables (like
:mod:`childsafe.text.evidence`, which calls them):

* :func:`number_words_to_digits`: "tengo catorce", "jag är tretton", "mam trzynaście lat" become the digits
  the age patterns read.  Words that are also common words in another pack language ("ten" is Polish for
  "this", "tio" Spanish for "dude", "otto" a name) are left out: a child of 8 or 10 writes the digit;
* :func:`birth_year_age`: "im a 2012", "soy del 2011", "jahrgang 2012", "rocznik 2015", "2010 lol" (the
  latter only as a short answer): the age is the message's year minus the birth year;
* :func:`coming_age`: "turning 15", "almost 13", "casi 14", "in maart word ik 17", "j'aurai 16 ans",
  "snart 18": the age now is one less (so "turning 18" is a minor);
* :func:`school_statement`: a school year in a sentence ("estoy en 4º de la eso", "geh in die 10. klasse",
  "just started 11th grade", "3 vwo", "jestem w 1 liceum"), mapped to the usual age of that year.

Every function takes text already passed through ``normalize_pack_text(text, {})`` (NFKC, lower case,
accents kept; NFKC turns "4º" into "4o").
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["ReadAge", "number_words_to_digits", "birth_year_age", "coming_age", "school_statement", "school_hint",
           "NUMBER_WORDS"]


class ReadAge(NamedTuple):
    age: int
    matched: str


_UNIT_WORDS: dict[str, dict[str, int]] = {
    "en": {"eight": 8, "nine": 9, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
           "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
           "forty": 40, "fifty": 50},
    "es": {"ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15,
           "dieciséis": 16, "dieciseis": 16, "diecisiete": 17, "dieciocho": 18, "diecinueve": 19, "veinte": 20,
           "veintiuno": 21, "veintidós": 22, "veintidos": 22, "veintitrés": 23, "veintitres": 23,
           "veinticuatro": 24, "veinticinco": 25, "veintiséis": 26, "veintiseis": 26, "veintisiete": 27,
           "veintiocho": 28, "veintinueve": 29, "treinta": 30, "cuarenta": 40, "cincuenta": 50},
    "pt": {"oito": 8, "nove": 9, "dez": 10, "onze": 11, "doze": 12, "treze": 13, "catorze": 14, "quatorze": 14,
           "quinze": 15, "dezesseis": 16, "dezasseis": 16, "dezessete": 17, "dezassete": 17, "dezoito": 18,
           "dezenove": 19, "dezanove": 19, "vinte": 20, "trinta": 30, "quarenta": 40, "cinquenta": 50},
    "de": {"neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "zwoelf": 12, "dreizehn": 13, "vierzehn": 14,
           "fünfzehn": 15, "fuenfzehn": 15, "sechzehn": 16, "siebzehn": 17, "achtzehn": 18, "neunzehn": 19,
           "zwanzig": 20, "einundzwanzig": 21, "zweiundzwanzig": 22, "dreiundzwanzig": 23, "vierundzwanzig": 24,
           "fünfundzwanzig": 25, "sechsundzwanzig": 26, "siebenundzwanzig": 27, "achtundzwanzig": 28,
           "neunundzwanzig": 29, "dreißig": 30, "dreissig": 30, "vierzig": 40, "fünfzig": 50},
    "fr": {"huit": 8, "neuf": 9, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15,
           "seize": 16, "dix-sept": 17, "dix sept": 17, "dix-huit": 18, "dix huit": 18, "dix-neuf": 19,
           "dix neuf": 19, "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50},
    "it": {"nove": 9, "dieci": 10, "undici": 11, "dodici": 12, "tredici": 13, "quattordici": 14, "quindici": 15,
           "sedici": 16, "diciassette": 17, "diciotto": 18, "diciannove": 19, "venti": 20, "ventuno": 21,
           "ventidue": 22, "ventitré": 23, "ventitre": 23, "ventiquattro": 24, "venticinque": 25, "ventisei": 26,
           "ventisette": 27, "ventotto": 28, "ventinove": 29, "trenta": 30, "quaranta": 40, "cinquanta": 50},
    "sv": {"åtta": 8, "nio": 9, "elva": 11, "tolv": 12, "tretton": 13, "fjorton": 14, "femton": 15,
           "sexton": 16, "sjutton": 17, "arton": 18, "nitton": 19, "tjugo": 20, "trettio": 30, "fyrtio": 40,
           "femtio": 50},
    "nl": {"negen": 9, "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14, "vijftien": 15,
           "zestien": 16, "zeventien": 17, "achttien": 18, "negentien": 19, "twintig": 20, "dertig": 30,
           "veertig": 40, "vijftig": 50},
    "pl": {"osiem": 8, "dziewięć": 9, "dziesięć": 10, "jedenaście": 11, "jedenascie": 11, "dwanaście": 12,
           "dwanascie": 12, "trzynaście": 13, "trzynascie": 13, "czternaście": 14, "czternascie": 14,
           "piętnaście": 15, "pietnascie": 15, "szesnaście": 16, "szesnascie": 16, "siedemnaście": 17,
           "siedemnascie": 17, "osiemnaście": 18, "osiemnascie": 18, "dziewiętnaście": 19, "dziewietnascie": 19,
           "dwadzieścia": 20, "trzydzieści": 30, "czterdzieści": 40, "pięćdziesiąt": 50},
}
#: Every number word the age readers understand (the union of the nine tables; no word has two values).
NUMBER_WORDS: dict[str, int] = {word: n for table in _UNIT_WORDS.values() for word, n in table.items()}
_ENGLISH_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_NUMBER_WORD = re.compile(
    r"(?<!\w)(?:(twenty|thirty|forty|fifty)[- ]?(" + "|".join(_ENGLISH_UNITS) + r")|"
    + "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True)) + r")(?!\w)")


_WORD = re.compile(r"\w+")
# The words a number word starts with (a cheap look before the substitution, which most messages skip).
_FIRST_WORDS = frozenset(w.split()[0].split("-")[0] for w in NUMBER_WORDS)


def number_words_to_digits(text: str) -> str:
    """The text with number words (8-19, the tens, some twenties) written as digits ("tengo catorce" ->
    "tengo 14"); unchanged when it has none."""
    if _FIRST_WORDS.isdisjoint(_WORD.findall(text)):
        return text

    def digits(m: re.Match[str]) -> str:
        if m.group(1) is not None:
            return str(NUMBER_WORDS[m.group(1)] + _ENGLISH_UNITS[m.group(2)])
        return str(NUMBER_WORDS[m.group(0)])
    return _NUMBER_WORD.sub(digits, text)


_YEAR = r"((?:19[4-9]|20[0-3])\d)"
# A birth year the author states about themselves, in the nine languages.
# A birth year the author states about themselves, in the nine languages: after a first-person lead, or
# opening the message ("born in 2011"; "she was born in 2012" is someone else).
_BIRTH_YEAR = re.compile(
    r"(?:^|(?<!\w)(?:i was|i'?m|im|i am|yo|je suis|jsuis|chui|sono|ich bin|bin|jag är|jag e|ik ben|eu|"
    r"jestem) )(?:"
    rf"born (?:in )?(?:the year )?{_YEAR}|(?:a |an )?{_YEAR}(?! \w*(?:model|car))|{_YEAR} (?:baby|kid|here)|"
    rf"(?:soy )?(?:del|de) (?:año )?{_YEAR}|nac[ií] (?:en |el )?(?:el |año )?{_YEAR}|"
    rf"(?:sou )?(?:de|do ano de) {_YEAR}|nasci (?:em |no ano de )?{_YEAR}|"
    rf"(?:jahrgang|baujahr) {_YEAR}|{_YEAR} geboren|geboren (?:in |im jahr )?{_YEAR}|"
    rf"n[ée]e? en {_YEAR}|de {_YEAR}|(?:del|nata nel|nato nel) {_YEAR}|"
    rf"född (?:år )?{_YEAR}|van {_YEAR}|rocznik {_YEAR}|z {_YEAR}|urodził[ae]m się w {_YEAR}"
    r")(?!\w)")
_LONE_YEAR = re.compile(rf"^(?:del |de |z |från )?{_YEAR}(?!\w)")


def birth_year_age(text: str, year: int, *, short_answer: bool = False) -> ReadAge | None:
    """An age from a stated birth year ("im a 2012" in 2026 -> 14); with ``short_answer`` (right after an age
    question) a year opening a short message counts too ("2010 lol")."""
    if "19" not in text and "20" not in text:  # every year read here starts so: skip the patterns cheaply
        return None
    m = _BIRTH_YEAR.search(text) or (_LONE_YEAR.search(text) if short_answer else None)
    if m is None:
        return None
    born = int(next(g for g in m.groups() if g is not None))
    age = year - born
    return ReadAge(age, m.group(0)) if 8 <= age <= 79 else None


_MONTHS = (r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
           r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|"
           r"janeiro|fevereiro|março|marco|maio|junho|julho|setembro|outubro|novembro|dezembro|"
           r"januar|februar|märz|maerz|mai|juni|juli|oktober|dezember|janvier|février|fevrier|mars|avril|juin|"
           r"juillet|août|aout|septembre|octobre|novembre|décembre|decembre|gennaio|febbraio|aprile|maggio|"
           r"giugno|luglio|settembre|ottobre|dicembre|januari|februari|maart|mei|augustus|mars|augusti|"
           r"styczniu|lutym|marcu|kwietniu|maju|czerwcu|lipcu|sierpniu|wrześniu|październiku|listopadzie|grudniu|"
           r"next month|next week|next year|soon|el mes que viene|el próximo mes|mês que vem|nächsten monat|"
           r"le mois prochain|il mese prossimo|nästa månad|volgende maand|w przyszłym miesiącu)")
_SOON = rf"(?:(?:in |en |em |im |a |i |w |no )?{_MONTHS})"
_COMING = re.compile(
    r"(?<!\w)(?:"
    r"(?:i'?m |im |i am )?(?:turning|almost|nearly|about to be|bout to be) (\d{1,2})|"
    r"(?:i'?ll|ill|i will|gonna) be (\d{1,2}) " + _SOON + "|"
    r"(?:casi|quase|fast|bald|snart|bijna|quasi|prawie|presque|bientôt|bientot) (\d{1,2})|"
    r"(?:word|werde|fyller|cumplo|faço|faco|faccio|compio) " + _SOON + r" (\d{1,2})|"
    r"(?:voy a cumplir|cumplo|vou fazer|faço|faco|fazer|werde|werd ich|word ik|word|fyller jag|fyller|"
    r"j'aurai|jaurai|je vais avoir|vais avoir|faccio|compio|kończę|koncze|skończę|skoncze|będę miał[a]?) (\d{1,2})"
    r"(?: (?:años|anos|jahre|ans|anni|år|jaar|lat))?(?: " + _SOON + r")?|"
    + _SOON + r" (?:cumplo|faço|faco|werd ich|werde ich|word ik|j'aurai|jaurai|faccio|compio|fyller jag|kończę) "
    r"(\d{1,2})"
    r")(?!\w)")
# "fyller 15" / "faço 15" alone are present-tense birthdays in sv/pt ("I turn 15"): coming, too.


def coming_age(text: str) -> ReadAge | None:
    """An age about to come ("turning 15", "almost 13", "ill be 16 in march", "casi 14", "snart 18"): the
    age now is one less."""
    m = _COMING.search(text)
    if m is None:
        return None
    coming = int(next(g for g in m.groups() if g is not None))
    return ReadAge(coming - 1, m.group(0)) if 9 <= coming <= 80 else None


_SCHOOL_LEAD = (r"(?:i'?m|im|i am|i'?m in|im in|i am in|just started|starting|started|voy en|voy a|estoy en|"
                r"estoy en (?:el|la)|curso|comecei o|comecei a|tô no|to no|estou no|faço o|faco o|ich bin in der|"
                r"bin in der|ich geh in die|geh in die|ich gehe in die|gehe in die|ich bin in|je suis en|jsuis en|"
                r"chui en|sono in|faccio la|faccio|vado in|jag går i|går i|jag går på|ik zit in|zit in|ik zit op|"
                r"ik zit in de|zit in de|jestem w|chodzę do|chodze do)")
# Grade -> age: (pattern, offset, sign); the age is offset + sign * the number found.
_SCHOOL_YEAR_FORMS: tuple[tuple[str, int, int], ...] = (
    (r"(\d{1,2})(?:st|nd|rd|th) grade", 5, 1),
    (r"(?:year|yr|grade) (\d{1,2})", 5, 1),
    (r"(\d)o? ?(?:de |d )?(?:la )?eso", 11, 1),
    (r"(\d)o? ?(?:de |d )?(?:primaria|prim)", 5, 1),
    (r"(\d)o? ?(?:de |d )?(?:bach|bachillerato)", 15, 1),
    (r"(\d)o? ?ano (?:do |d[oe] )?(?:ensino )?(?:m[eé]dio|em)", 14, 1),
    (r"(\d{1,2})o? ?ano", 5, 1),
    (r"(\d{1,2})\.? ?klasse|klasse (\d{1,2})", 6, 1),
    (r"(\d{1,2})\.? ?(?:klasie|klasy|klasa|klasę)", 6, 1),
    (r"(\d)\.? ?(?:liceum|lo|technikum)|(\d)\.? ?klas[aiey] liceum", 14, 1),
    (r"(\d) ?(?:vwo|havo|vmbo|mavo|gymnasium|atheneum)", 11, 1),
    (r"(\d)a? ?(?:superiore|liceo)", 13, 1),
    (r"(\d)a? ?media", 10, 1),
    (r"([3-6])(?:e|eme|ème)", 17, -1),
    (r"(?:årskurs|åk) (\d)", 6, 1),
)
# After a first-person lead ("estoy en 4º de la eso", "geh in die 10. klasse"), anywhere in a short message;
# alone only as a whole short answer ("3 vwo", "year 8"): "grade 9 in maths" is a mark, not a school year.
_SCHOOL_YEARS = tuple((re.compile(r"(?<!\w)" + _SCHOOL_LEAD + r" (?:the |a |de |la |el |die |der |o )?" + form
                                  + r"(?!\w)"), offset, sign) for form, offset, sign in _SCHOOL_YEAR_FORMS)
_SHORT_SCHOOL_YEARS = tuple((re.compile(r"^(?:in |en |no |w )?" + form + r"(?!\w)"), offset, sign)
                            for form, offset, sign in _SCHOOL_YEAR_FORMS)
#: A bare school year ("3 vwo", "year 8") is read in a message of at most this many words.
SHORT_SCHOOL_WORDS = 4
# School years in words, as their age: Swedish "-an" ordinals, French years, Dutch "brugklas".
_SCHOOL_WORDS = {
    "ettan": 7, "tvåan": 8, "trean": 9, "fyran": 10, "femman": 11, "sexan": 12, "sjuan": 13, "åttan": 14, "nian": 15,
    "sixième": 11, "cinquième": 12, "quatrième": 13, "troisième": 14, "seconde": 15, "première": 16,
    "terminale": 17, "brugklas": 12,
}
_SCHOOL_WORD = re.compile(
    r"(?<!\w)(?:(?:jag går i|går i|je suis en|jsuis en|chui en|en|ik zit in de|zit in de|in de) )?("
    + "|".join(_SCHOOL_WORDS) + r")(?!\w)")
#: A school year is read in messages of at most this many words (a longer one may be about someone else).
SCHOOL_STATEMENT_WORDS = 8


# Every school-year form holds one of these (one search instead of seventeen on the messages without any).
_SCHOOL_HINT = re.compile(
    r"(?<!\w)(?:grade|year|yr|eso|prim|bach|ano|klas|liceum|lo\b|technikum|vwo|havo|vmbo|mavo|gymnasium|"
    r"atheneum|superiore|liceo|media|årskurs|åk|seconde|première|terminale|sixième|cinquième|quatrième|troisième|"
    r"brugklas|ettan|tvåan|trean|fyran|femman|sexan|sjuan|åttan|nian)|\d(?:e|eme|ème|:?an)\b")


def school_hint(text: str) -> bool:
    """Whether ``text`` may hold a school year at all (a cheap test before :func:`school_statement`)."""
    return _SCHOOL_HINT.search(text) is not None


def school_statement(text: str) -> ReadAge | None:
    """A school year stated in a short message ("estoy en 4º de la eso" -> 15, "3 vwo" -> 14), as the usual
    age of that year; None for a year whose usual age is adult."""
    if _SCHOOL_HINT.search(text) is None:
        return None
    words = text.split()
    if len(words) > SCHOOL_STATEMENT_WORDS:
        return None
    patterns = _SCHOOL_YEARS + _SHORT_SCHOOL_YEARS if len(words) <= SHORT_SCHOOL_WORDS else _SCHOOL_YEARS
    for pattern, offset, sign in patterns:
        m = pattern.search(text)
        if m is not None:
            year = int(next(g for g in m.groups() if g is not None))
            age = offset + sign * year
            if 1 <= year <= 13 and 8 <= age < 18:
                return ReadAge(age, m.group(0).strip())
            return None
    m = _SCHOOL_WORD.search(text)
    # A bare word ("première", "seconde") is a school year only opening a short answer ("une seconde" is a
    # second); after its lead ("je suis en première", "går i femman") in any short message.
    if m is not None and (m.group(0).strip() != m.group(1) or (m.start(1) == 0 and len(words) <= 2)):
        return ReadAge(_SCHOOL_WORDS[m.group(1)], m.group(0).strip())
    return None
