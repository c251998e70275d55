"""Chat spelling normalisation shared by the indicator detectors and the trained model.

Chat is written fast: "u" for you, "r u", "wanna", "sooo", leetspeak ("s3xy"), emoji.  Both layers
see the same normalised text, so a detector pattern and a model feature agree on what a word is.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["normalize_text", "tokenize", "join_spelled_letters", "undo_leet"]

# Leetspeak only inside words that start with a letter and also hold digits ("s3xy", "h0t"), so
# numbers and number-led words ("13", "24hrs", "7th", "10pm") keep their digits.
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"})
_LEET_WORD = re.compile(r"^[a-z][a-z0-9@$]*[0-9@$][a-z0-9@$]*$")
_REPEATS = re.compile(r"(\w)\1{2,}")  # "sooooo" -> "soo"
_URL = re.compile(r"https?://\S+|www\.\S+")
_SPACES = re.compile(r"\s+")
_EDGES = re.compile(r"^([^\w']*)(.*?)([^\w']*)$", re.DOTALL)  # punctuation around a word
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[^\sa-z0-9]")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'"})

# Whole-word chat spellings mapped to the words a detector or a reader would expect.
_WORDS = {
    "u": "you", "ur": "your", "r": "are", "y": "why", "ya": "you", "yu": "you", "yr": "your",
    "im": "i'm", "pls": "please", "plz": "please", "pic": "picture", "pics": "pictures",
    "pix": "pictures", "vid": "video", "vids": "videos", "cam": "camera", "bf": "boyfriend",
    "gf": "girlfriend", "luv": "love", "wanna": "want to", "gonna": "going to", "gotta": "got to",
    "ppl": "people", "rn": "right now", "bc": "because", "cuz": "because", "cos": "because",
    "n": "and", "b4": "before", "2day": "today", "2nite": "tonight", "tonite": "tonight",
    "2morrow": "tomorrow", "tmrw": "tomorrow", "dont": "don't", "cant": "can't", "wont": "won't",
    "thx": "thanks", "msg": "message", "msgs": "messages", "txt": "text", "addy": "address",
    "yrs": "years", "meetup": "meet up", "hun": "honey", "babe": "baby", "bby": "baby",
    "hw": "how", "wat": "what", "wut": "what", "wht": "what", "whats": "what's", "lets": "let's",
    "snd": "send", "dnt": "don't", "skool": "school", "skul": "school", "hr": "hour", "hrs": "hours",
    "min": "minute", "mins": "minutes", "any1": "anyone", "ne1": "anyone", "some1": "someone",
    "sum1": "someone", "no1": "no one", "every1": "everyone", "l8r": "later", "hmu": "hit me up",
    "rents": "parents", "fone": "phone",
}
# "yo" means "years old" only after a number ("13 yo"); elsewhere it is a greeting.
_AFTER_NUMBER = {"yo": "years old", "y/o": "years old", "hrs": "hours", "hr": "hour", "yrs": "years"}
_NUMBER_UNIT = re.compile(r"^(\d+)(yo|hrs|hr|yrs|mins|min)$")


def normalize_text(text: str) -> str:
    """Lower-case, NFKC, squeeze letter runs, expand chat words, undo leetspeak inside words."""
    t = unicodedata.normalize("NFKC", text).lower().translate(_APOSTROPHES)
    t = _URL.sub(" <url> ", t)
    t = _REPEATS.sub(r"\1\1", t)
    out: list[str] = []
    previous_is_number = False
    for raw in _SPACES.split(t.strip()):
        if not raw:
            continue
        lead, core, trail = _EDGES.match(raw).groups()  # type: ignore[union-attr]
        unit = _NUMBER_UNIT.match(core)
        if unit:  # "24hrs" -> "24 hours", "13yo" -> "13 years old"
            number, suffix = unit.groups()
            core = f"{number} {_AFTER_NUMBER.get(suffix, _WORDS.get(suffix, suffix))}"
        elif previous_is_number and core in _AFTER_NUMBER:
            core = _AFTER_NUMBER[core]
        elif core in _WORDS:
            core = _WORDS[core]
        elif _LEET_WORD.match(core):
            core = core.translate(_LEET)
        out.append(f"{lead}{core}{trail}")
        previous_is_number = core.isdigit()
    return " ".join(out)


# Letters spelled out to slip past filters: "o-u-t-f-i-t", "d.i.s.c.o.r.d", "w h a t" (single letters joined
# by one separator: three or more with "-", "." or "_", four or more with spaces, so "a e i" stays).
_SPELLED = re.compile(r"\b[^\W\d_](?:[-._][^\W\d_]\b){2,}|\b[^\W\d_](?: [^\W\d_]\b){3,}")
_SEPARATORS = re.compile(r"[-._ ]")
# Leetspeak in any language: a word of letters and digits where a letter comes before a digit ("c0s4",
# "f4mili4", "50mewh3r3" once a letter has been seen), at most 20 characters (wallet addresses are longer),
# and at least two letters ("m15" is an age/sex reply) -- or one letter and one digit ("n0", "s3").
_ANY_LEET_WORD = re.compile(r"(?<!\w)(?:(?=[\w@$]{3,20}(?!\w))(?=(?:[\d@$]*[^\W\d_]){2})"
                            r"[\w@$]*[^\W\d_][\w@$]*[0-9@$][\w@$]*|[^\W\d_][013457](?!\w))")


def join_spelled_letters(text: str) -> str:
    """Join letters spelled out one by one ("s-u-r-e" -> "sure"); other text unchanged."""
    if "-" not in text and "." not in text and " " not in text and "_" not in text:
        return text
    return _SPELLED.sub(lambda m: _SEPARATORS.sub("", m.group(0)), text)


def undo_leet(text: str) -> str:
    """Undo leetspeak inside words that mix letters and digits ("c0s4" -> "cosa"); numbers, number-led
    units ("24h", "10min") and wallet addresses keep their digits."""
    return _ANY_LEET_WORD.sub(lambda m: m.group(0).translate(_LEET), text)


def tokenize(normalized: str) -> list[str]:
    """Word tokens (apostrophes kept inside words) and single symbols such as emoji."""
    return _TOKEN.findall(normalized)
