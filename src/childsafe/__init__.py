"""childsafe: an offline toolkit against online child sexual exploitation.

Known-media matching (cryptographic, PDQ and vPDQ hashes against hash banks) with a local
store, a CLI and report formats the field uses.  See the README for the two commands that
install and run everything.
"""

from childsafe.errors import ChildsafeError
from childsafe.matching import Match, Matcher, MatchResult
from childsafe.media import ContentType, FileHashes, HashOptions, hash_bytes, hash_file
from childsafe.store import open_store

__version__ = "0.1.0"

__all__ = [
    "ChildsafeError",
    "ContentType",
    "FileHashes",
    "HashOptions",
    "Match",
    "MatchResult",
    "Matcher",
    "__version__",
    "hash_bytes",
    "hash_file",
    "open_store",
]
