"""Chat spelling normalisation shared by the indicator detectors and the trained model.

Chat is written fast: "u" for you, "r u", "wanna", "sooo", leetspeak ("s3xy"), emoji.  Both layers
see the same normalised text, so a detector pattern and a model feature agree on what a word is.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["normalize_text", "tokenize"]

# Leetspeak only inside words that also contain letters ("s3xy", "h0t"), so "13" stays a number.
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"})
_LEET_WORD = re.compile(r"\b(?=\w*[a-z])(?=\w*[0-9@$])[a-z0-9@$]+\b")
_REPEATS = re.compile(r"(\w)\1{2,}")  # "sooooo" -> "soo"
_URL = re.compile(r"https?://\S+|www\.\S+")
_SPACES = re.compile(r"\s+")
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[^\sa-z0-9]")

# Whole-word chat spellings mapped to the words a detector or a reader would expect.
_WORDS = {
    "u": "you", "ur": "your", "r": "are", "y": "why", "ya": "you", "yu": "you", "yr": "your",
    "im": "i'm", "pls": "please", "plz": "please", "pic": "picture", "pics": "pictures",
    "pix": "pictures", "vid": "video", "vids": "videos", "cam": "camera", "bf": "boyfriend",
    "gf": "girlfriend", "luv": "love", "wanna": "want to", "gonna": "going to", "gotta": "got to",
    "ppl": "people", "rn": "right now", "bc": "because", "cuz": "because", "cos": "because",
    "n": "and", "b4": "before", "2day": "today", "2nite": "tonight", "tonite": "tonight",
    "2morrow": "tomorrow", "tmrw": "tomorrow", "dont": "don't", "cant": "can't", "wont": "won't",
    "thx": "thanks", "msg": "message", "txt": "text", "addy": "address", "yrs": "years",
    "yo": "years old", "yrs.": "years", "meetup": "meet up", "hun": "honey", "babe": "baby",
}


def normalize_text(text: str) -> str:
    """Lower-case, NFKC, squeeze letter runs, undo leetspeak inside words, expand chat words."""
    t = unicodedata.normalize("NFKC", text).lower()
    t = _URL.sub(" <url> ", t)
    t = _LEET_WORD.sub(lambda m: m.group(0).translate(_LEET), t)
    t = _REPEATS.sub(r"\1\1", t)
    words = [_WORDS.get(w, w) for w in _SPACES.split(t.strip())]
    return " ".join(words)


def tokenize(normalized: str) -> list[str]:
    """Word tokens (apostrophes kept inside words) and single symbols such as emoji."""
    return _TOKEN.findall(normalized)
