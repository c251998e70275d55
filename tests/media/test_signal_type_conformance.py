"""Every built-in signal type, and the toy plug-in, pass the conformance suite plug-in authors subclass."""

from __future__ import annotations

import pytest
from tests.media.toy_signal import ToyAhashSignal, toy_installed  # noqa: F401 - a fixture

from childsafe.errors import ConfigError
from childsafe.media.signals import (
    Md5Signal,
    PdqSignal,
    Sha1Signal,
    Sha256Signal,
    SignalType,
    VideoMd5Signal,
    VideoSha256Signal,
    VpdqSignal,
    check_signal_type,
    signal_types,
)
from childsafe.testing.signal_types import SignalTypeConformance


class TestMd5(SignalTypeConformance):
    signal_type = Md5Signal


class TestSha1(SignalTypeConformance):
    signal_type = Sha1Signal


class TestSha256(SignalTypeConformance):
    signal_type = Sha256Signal


class TestVideoMd5(SignalTypeConformance):
    signal_type = VideoMd5Signal


class TestVideoSha256(SignalTypeConformance):
    signal_type = VideoSha256Signal


class TestPdq(SignalTypeConformance):
    signal_type = PdqSignal


class TestVpdq(SignalTypeConformance):
    signal_type = VpdqSignal


class TestToyAhash(SignalTypeConformance):
    signal_type = ToyAhashSignal

    @pytest.fixture
    def installed(self, request: pytest.FixtureRequest) -> None:
        """Installed through a real entry point, as a plug-in author's package would be."""
        request.getfixturevalue("toy_installed")


def test_every_builtin_signal_type_has_a_conformance_class() -> None:
    covered = {cls.signal_type for cls in SignalTypeConformance.__subclasses__()}
    assert set(signal_types()) <= covered


class _NoIndex(ToyAhashSignal):
    index = int  # type: ignore[assignment]  # deliberately wrong


class _BadName(ToyAhashSignal):
    name = "Toy-Hash"


class _NoHasher(SignalType):
    name = "half_done"


@pytest.mark.parametrize(("obj", "words"), [
    ("pdq", "SignalType subclass"),
    (_NoIndex, "SignalIndex subclass"),
    (_BadName, "lower_snake_case"),
    (_NoHasher, "does not define"),
])
def test_the_registry_refuses_what_is_not_a_signal_type(obj: object, words: str) -> None:
    with pytest.raises(ConfigError, match=words):
        check_signal_type(obj)
