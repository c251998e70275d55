"""Chat spelling normalisation shared by the indicator detectors and the trained model.

Chat is written fast: "u" for you, "r u", "wanna", "sooo", leetspeak ("s3xy"), emoji.  Both layers
see the same normalised text, so a detector pattern and a model feature agree on what a word is.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["normalize_text", "tokenize"]

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


def tokenize(normalized: str) -> list[str]:
    """Word tokens (apostrophes kept inside words) and single symbols such as emoji."""
    return _TOKEN.findall(normalized)
