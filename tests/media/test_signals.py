from __future__ import annotations

import json

import pytest

from childsafe.errors import InvalidSignalError
from childsafe.media.content import ContentType, sniff_content_type
from childsafe.media.signals import SIGNAL_TYPES, PdqSignal, VpdqSignal, get_signal_type


@pytest.mark.parametrize("name", sorted(SIGNAL_TYPES))
def test_every_signal_type_round_trips_its_examples(name: str) -> None:
    kind = SIGNAL_TYPES[name]
    assert kind.name == name
    for example in kind.examples:
        normal = kind.validate(example)
        assert kind.validate(normal) == normal
        assert kind.distance(normal, normal) == 0


@pytest.mark.parametrize(
    ("name", "bad"),
    [("md5", "abc"), ("md5", "z" * 32), ("sha1", "0" * 39), ("sha256", "0" * 63 + "g"),
     ("pdq", "0" * 63), ("pdq", ""), ("vpdq", "not json"), ("vpdq", "[]"), ("vpdq", '["x,1,0"]'),
     ("vpdq", json.dumps(["0" * 64 + ",101,0.0"])), ("vpdq", json.dumps(["0" * 64 + ",50,-1"]))],
)
def test_invalid_signals_are_rejected(name: str, bad: str) -> None:
    with pytest.raises(InvalidSignalError):
        SIGNAL_TYPES[name].validate(bad)


def test_validation_normalises_case_and_space() -> None:
    assert SIGNAL_TYPES["md5"].validate("  D41D8CD98F00B204E9800998ECF8427E\n") == "d41d8cd98f00b204e9800998ecf8427e"


def test_aliases_and_unknown_names() -> None:
    assert get_signal_type("HASH_PDQ") is PdqSignal
    assert get_signal_type("pdq_hash") is PdqSignal
    with pytest.raises(InvalidSignalError, match="unknown signal type"):
        get_signal_type("photodna")


def test_pdq_distance_is_hamming() -> None:
    a = "0" * 64
    assert PdqSignal.distance(a, "f" + "0" * 63) == 4
    assert PdqSignal.distance(a, "f" * 64) == 256


def test_vpdq_match_percentages_follow_threatexchange() -> None:
    f1, f2, f3 = "0" * 64, "f" * 64, "0f" * 32
    query = json.dumps([f"{f1},100,0.000", f"{f2},100,1.000", f"{f3},10,2.000"])
    target = json.dumps([f"{f1},100,0.000", f"{f3},100,1.000"])
    q, t = VpdqSignal.match_percents(query, target)
    assert q == 50.0  # f1 matches, f2 does not, f3 is low quality and ignored
    assert t == 50.0


@pytest.mark.parametrize(
    ("head", "expected"),
    [(b"\xff\xd8\xff\xe0" + b"\0" * 20, ContentType.PHOTO),
     (b"\x89PNG\r\n\x1a\n" + b"\0" * 20, ContentType.PHOTO),
     (b"RIFF\0\0\0\0WEBPVP8 ", ContentType.PHOTO),
     (b"\0\0\0\x18ftypheic", ContentType.PHOTO),
     (b"\0\0\0\x18ftypisom", ContentType.VIDEO),
     (b"\x1a\x45\xdf\xa3" + b"\0" * 10, ContentType.VIDEO),
     (b"RIFF\0\0\0\0AVI LIST", ContentType.VIDEO),
     ((b"\x47" + b"\0" * 187) * 3, ContentType.VIDEO),
     (b"PK\x03\x04", ContentType.OTHER),
     (b"hello world", ContentType.OTHER),
     (b"", ContentType.OTHER)],
)
def test_content_is_sniffed_from_bytes_not_names(head: bytes, expected: ContentType) -> None:
    assert sniff_content_type(head) is expected
