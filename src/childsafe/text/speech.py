"""Whose words are these?  Quoted and reported speech is not the author's own indicator.

A teacher warning a class ("if anyone writes \\"this is our secret\\" tell an adult"), a news item ("police
say the man wrote ...") and a child telling a parent what someone sent her ("he said i have 30 minutes")
all carry grooming and sextortion lines, but the author is not the one saying them.  Two readings:

* :func:`strip_quotes` removes quoted spans (straight and typographic double quotes, guillemets); a quote
  left open runs on into the same author's next message, since chat splits one sentence over several;
* :func:`reported_speech` recognises a reporting frame in the nine pack languages: a third person who
  said, wrote, asked or wants something ("he said", "someone told me", "me dijo", "er schrieb", "il veut"),
  a news or police frame ("article:", "according to the police") and a conditional warning ("if someone
  asks you ...").  The scorer ignores that message's indicators and payment/deadline cues (and those of
  the same author's fragments that follow it, until someone else speaks).

The tables are small and written per language; they name the frame, never the indicator, so a new
indicator phrase is discounted in a lesson without anyone listing it here.
"""

from __future__ import annotations

import re

__all__ = ["strip_quotes", "reported_speech"]

# Double quotes of every style toggle the quoted state: „German“, «French», “English”, "plain".
# A straight quote right after a digit is inches (5'10"), not speech.
_QUOTE = re.compile(r'(?<!\d)["“”„«»]')
_QUOTE_CHARS = ('"', "“", "”", "„", "«", "»")

_THIRD = (r"(?:he|she|they|someone|somebody|some guy|this guy|that guy|a guy|the guy|the man|a man|a stranger|"
          r"this person|the person|he's|she's|hes|shes)")
_FRAMES = (
    # English
    rf"(?<!\w){_THIRD} (?:\w+ )?(?:said|says|wrote|writes|keeps writing|keeps saying|texted|texts|told|tells|"
    r"asked|asks|wants|wanted|sent me|messaged|threatened|threatens|demanded|demands)(?!\w)",
    r"(?<!\w)(?:if|when) (?:someone|somebody|anyone|anybody|a stranger|a person|an adult) (?:\w+ )?"
    r"(?:asks|writes|says|tells|sends|wants|offers|messages|texts|threatens)(?!\w)",
    r"(?<!\w)(?:police|the article|article|news|report|reports|warning signs?|red flags?) ?(?:say|says|said|:)",
    r"(?<!\w)(?:was|were|got) (?:told|asked|sent)(?!\w)",
    # Spanish
    r"(?<!\w)(?:me dijo|me dice|le dijo|le dijeron|me escribió|me escribio|me escribe|me sigue escribiendo|"
    r"me pidió|me pidio|me preguntó|me pregunto|le pidieron|según|segun|noticia:|"
    r"si alguien te (?:pide|escribe|dice|pregunta|amenaza)|"
    r"(?:él|el|ella|alguien|un tío|un tio|un chico) (?:\w+ )?(?:dijo|escribió|escribio|quiere|pide|amenaza))(?!\w)",
    # Portuguese
    r"(?<!\w)(?:me disse|disse q|disse que|me falou|falou q|falou que|me escreveu|fica escrevendo|me pediu|"
    r"me perguntou|pediram|segundo (?:a|o)|notícia:|noticia:|"
    r"se (?:alguém|alguem) (?:te )?(?:pedir|escrever|disser|perguntar|ameaçar)|ouviu|"
    r"(?:ele|ela|alguém|alguem|um cara) (?:\w+ )?(?:disse|escreveu|quer|pede|ameaçou|ameacou|perguntou))(?!\w)",
    # German
    r"(?<!\w)(?:hat geschrieben|hat gesagt|hat gefragt|wurde geschrieben|laut (?:polizei|der|dem)|artikel:|"
    r"wenn (?:dir )?jemand (?:\w+ )?(?:schreibt|sagt|fragt|will|droht)|"
    r"(?:er|sie|jemand|ein typ|der typ|der mann) (?:\w+ )?(?:schrieb|schreibt|sagte|sagt|meinte|will|fragte|"
    r"fragt|droht|verlangt))(?!\w)",
    # French
    r"(?<!\w)(?:m'a dit|m'a écrit|m'a ecrit|m'a demandé|m'a demande|a écrit|a ecrit|on a écrit|on a ecrit|"
    r"on lui a|selon|article :|article:|si quelqu'un (?:te |t')?(?:demande|écrit|ecrit|dit|menace)|"
    r"(?:il|elle|quelqu'un|un mec|un gars) "
    r"(?:\w+ )?(?:a dit|dit|veut|demande|menace|écrit|ecrit))(?!\w)",
    # Italian
    r"(?<!\w)(?:mi ha detto|ha detto|mi ha scritto|ha scritto|hanno scritto|mi scrive|mi ha chiesto|"
    r"secondo (?:la|il|i|le)|articolo:|se qualcuno ti (?:chiede|scrive|dice|minaccia)|"
    r"(?:lui|lei|qualcuno|un tizio|un tipo) (?:\w+ )?(?:vuole|dice|chiede|"
    r"minaccia|scrive))(?!\w)",
    # Dutch
    r"(?<!\w)(?:zei|zegt hij|zegt ze|volgens|artikel:|als iemand (?:je )?(?:vraagt|schrijft|zegt)|kreeg|"
    r"(?:hij|zij|ze|iemand|een gast|die gast|de man) (?:\w+ )?(?:wil|zegt|schrijft|schreef|vraagt|vroeg|dreigt))(?!\w)",
    # Swedish
    r"(?<!\w)(?:han sa|hon sa|enligt|artikel:|om (?:någon|nagon) (?:ber|skriver|säger|frågar)|"
    r"(?:han|hon|någon|nagon|en kille) (?:\w+ )?(?:vill|säger|skriver|skrev|frågade|hotar))(?!\w)",
    # Polish
    r"(?<!\w)(?:powiedział|powiedzial|napisał|napisal|zapytał|zapytal|według|wedlug|artykuł:|artykul:|"
    r"(?:jeśli|jesli) (?:ktoś|ktos) (?:\w+ )?(?:pisze|prosi|pyta|grozi)|"
    r"(?:on|ona|ktoś|ktos|jakiś typ|jakis typ) (?:\w+ )?(?:chce|pisze|grozi|mówi|mowi))(?!\w)",
)
_FRAME = re.compile("|".join(_FRAMES))


def strip_quotes(text: str, quote_open: bool = False) -> tuple[str, bool]:
    """The author's own words: ``text`` without its quoted spans, and whether a quote is still open at its
    end.  ``quote_open`` says a quote opened in the author's previous message runs on into this one."""
    if not quote_open and not any(q in text for q in _QUOTE_CHARS):
        return text, False
    parts: list[str] = []
    start = 0
    inside = quote_open
    for m in _QUOTE.finditer(text):
        if not inside:
            parts.append(text[start:m.start()])
        inside = not inside
        start = m.end()
    if not inside:
        parts.append(text[start:])
    return " ".join(" ".join(parts).split()), inside


def reported_speech(plain: str) -> str | None:
    """The reporting frame in ``plain`` (lower-cased text), or None: someone else's words follow."""
    m = _FRAME.search(plain)
    return m.group(0) if m else None
