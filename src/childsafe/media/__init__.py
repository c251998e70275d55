"""Known media: content types, signal types (hash algorithms), hashers, indexes, hash-list formats."""

from childsafe.media.content import ContentType, sniff_content_type
from childsafe.media.hashing import FileHashes, HashOptions, hash_bytes, hash_file
from childsafe.media.signals import (
    SIGNAL_TYPES,
    ExactSignalType,
    Md5Signal,
    PdqSignal,
    Sha1Signal,
    Sha256Signal,
    SignalType,
    VideoMd5Signal,
    VpdqSignal,
    get_signal_type,
)

__all__ = [
    "ContentType",
    "ExactSignalType",
    "FileHashes",
    "HashOptions",
    "Md5Signal",
    "PdqSignal",
    "SIGNAL_TYPES",
    "Sha1Signal",
    "Sha256Signal",
    "SignalType",
    "VideoMd5Signal",
    "VpdqSignal",
    "get_signal_type",
    "hash_bytes",
    "hash_file",
    "sniff_content_type",
]
