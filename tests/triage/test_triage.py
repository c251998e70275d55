"""Triage: priority bands and reasons, the classifier registry, NudeNet plumbing, ONNX plug-ins, bad input, CLI.

Only ordinary photos (the shared portraits) and generated pictures are used.  NudeNet is checked for
finding nothing on ordinary photos and, for its mapping, with a fake detector's output.
"""

from __future__ import annotations

import importlib.metadata
import json
import shutil
import struct
import sys
import types
import zlib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from tests.conftest import make_picture

import childsafe.triage as triage
from childsafe.errors import ChildsafeError, ConfigError, ModelNotAvailableError
from childsafe.matching import Match, Matcher
from childsafe.media.content import ContentType
from childsafe.media.hashing import HashOptions
from childsafe.store import NewEntry, open_store
from childsafe.triage import (
    ABUSE,
    EXPLICIT,
    MINOR,
    ClassifierFinding,
    ImageClassifier,
    NudeNetClassifier,
    OnnxClassifierConfig,
    OnnxImageClassifier,
    PriorityWeights,
    TriageOptions,
    TriageSignals,
    available_classifiers,
    load_classifier,
    load_onnx_classifier,
    score_priority,
    triage_file,
    triage_path,
)
from childsafe.triage.classifiers import ENTRY_POINT_GROUP, NUDENET_EXPLICIT_CLASSES

SAMPLES = Path(__file__).resolve().parents[2] / "src" / "childsafe" / "samples"


def nudenet_or_skip() -> NudeNetClassifier:
    try:
        return NudeNetClassifier()
    except ModelNotAvailableError as exc:
        pytest.skip(str(exc))


def match(signal_type: str = "pdq", distance: int = 4, bank: str = "iwf", label: str | None = "cat-a") -> Match:
    return Match(bank, signal_type, "0" * 64, distance, label, "list.csv", 1)


def finding(label: str = EXPLICIT, score: float = 0.8) -> ClassifierFinding:
    return ClassifierFinding(label, score, (1, 2, 3, 4), "fake saw it", "fake")


def signals(**kw: object) -> TriageSignals:
    return TriageSignals("x.jpg", content_type=ContentType.PHOTO, analysed=True, **kw)  # type: ignore[arg-type]


# -- priority ---------------------------------------------------------------------------------------

def test_public_namespace_is_pinned() -> None:
    assert sorted(triage.__all__) == sorted([
        "ABUSE", "ENTRY_POINT_GROUP", "EXPLICIT", "MINOR", "ClassifierFinding", "ImageClassifier",
        "NudeNetClassifier", "OnnxClassifierConfig", "OnnxImageClassifier", "PriorityWeights", "TriageOptions",
        "TriageResult", "TriageSignals", "available_classifiers", "load_classifier", "load_onnx_classifier",
        "score_priority", "triage_file", "triage_path"])


def test_bands_order_known_match_then_classifier_then_faces_then_nothing() -> None:
    strongest_faces = score_priority(signals(faces=9, largest_face_fraction=0.9)).priority
    weakest_finding = score_priority(signals(findings=[finding(score=0.01)])).priority
    strongest_finding = score_priority(signals(findings=[finding(ABUSE, 1.0), finding(EXPLICIT, 1.0)],
                                               faces=9, largest_face_fraction=1.0)).priority
    weakest_match = score_priority(signals(matches=[match(distance=255)])).priority
    nothing = score_priority(signals()).priority
    assert weakest_match >= 0.9 > strongest_finding >= weakest_finding > strongest_faces > 0.1 > nothing == 0.0
    assert score_priority(signals(matches=[match("md5", 0)])).priority == 1.0


@pytest.mark.parametrize(("better", "worse"), [
    (dict(faces=3, largest_face_fraction=0.05), dict(faces=1, largest_face_fraction=0.05)),
    (dict(faces=1, largest_face_fraction=0.20), dict(faces=1, largest_face_fraction=0.02)),
    (dict(findings=[finding(ABUSE, 0.7)]), dict(findings=[finding(EXPLICIT, 0.7)])),
    (dict(findings=[finding(EXPLICIT, 0.7)]), dict(findings=[finding(MINOR, 0.7)])),
    (dict(findings=[finding(MINOR, 0.7)]), dict(findings=[finding("other", 0.7)])),
    (dict(findings=[finding(EXPLICIT, 0.9)]), dict(findings=[finding(EXPLICIT, 0.5)])),
    (dict(findings=[finding(EXPLICIT, 0.7), finding(MINOR, 0.7)]), dict(findings=[finding(EXPLICIT, 0.7)])),
    (dict(findings=[finding(EXPLICIT, 0.7)], faces=1, largest_face_fraction=0.1),
     dict(findings=[finding(EXPLICIT, 0.7)])),
    (dict(matches=[match("sha256", 0)]), dict(matches=[match("pdq", 10)])),
    (dict(matches=[match("pdq", 2)]), dict(matches=[match("pdq", 30)])),
])
def test_stronger_signals_rank_higher(better: dict[str, object], worse: dict[str, object]) -> None:
    assert score_priority(signals(**better)).priority > score_priority(signals(**worse)).priority


def test_same_label_many_times_does_not_inflate() -> None:
    once = score_priority(signals(findings=[finding(EXPLICIT, 0.7)])).priority
    assert score_priority(signals(findings=[finding(EXPLICIT, 0.7)] * 5)).priority == once


def test_reasons_explain_without_deciding() -> None:
    r = score_priority(signals(matches=[match("md5", 0), match("pdq", 6)], faces=2, largest_face_fraction=0.125,
                               findings=[finding(EXPLICIT, 0.83)], notes=["video: 3 frames looked at"]))
    text = "\n".join(r.reasons)
    assert "known-hash match: bank 'iwf', label 'cat-a', source 'list.csv': identical file (md5); " \
           "pdq at distance 6" in r.reasons
    assert "2 faces; the largest covers 12% of the image" in text
    assert "fake: explicit likelihood 0.83 -- fake saw it (a hint for review, not a verdict)" in text
    assert "video: 3 frames looked at" in text
    assert r.to_record()["findings"][0] == {"classifier": "fake", "label": "explicit", "score": 0.83,
                                            "box": [1, 2, 3, 4], "explanation": "fake saw it"}

    nothing = score_priority(signals())
    assert nothing.reasons == ["no known-hash match, no classifier finding, no face"]


def test_errors_get_priority_zero_unless_a_digest_matched() -> None:
    broken = score_priority(TriageSignals("bad.jpg", ContentType.PHOTO, error="corrupt or truncated image"))
    assert broken.priority == 0.0
    assert broken.reasons[0].startswith("error: corrupt or truncated image")
    known = score_priority(TriageSignals("bad.jpg", ContentType.PHOTO, error="corrupt", matches=[match("md5", 0)]))
    assert known.priority == 1.0 and known.reasons[0].startswith("error: corrupt")


def test_allowlist_is_a_reason_not_a_demotion() -> None:
    allowed = match("pdq", 3, bank="false-positives", label="meme")
    r = score_priority(signals(allowlisted=[allowed], faces=1, largest_face_fraction=0.1))
    assert r.priority > 0.1
    assert any("allowlisted by bank 'false-positives' (meme)" in x for x in r.reasons)


def test_weights_must_keep_the_bands_apart() -> None:
    with pytest.raises(ConfigError, match="overlap"):
        PriorityWeights(face_floor=0.3, face_span=0.2)
    with pytest.raises(ConfigError, match=r"\[0, 1\]"):
        PriorityWeights(match_floor=1.5)
    custom = PriorityWeights(label_weights={"org-csam": 1.0})
    assert score_priority(signals(findings=[finding("org-csam", 0.9)]), custom).priority > \
        score_priority(signals(findings=[finding("org-csam", 0.9)])).priority


def test_findings_reject_scores_outside_unit_interval() -> None:
    with pytest.raises(ValueError):
        ClassifierFinding(EXPLICIT, 1.2, None, "")
    with pytest.raises(ValueError):
        ClassifierFinding(EXPLICIT, float("nan"), None, "")


# -- classifier registry ----------------------------------------------------------------------------

class FakeClassifier:
    """Flags pictures whose mean red is high: plumbing only."""

    name = "fake"
    labels = ("reddish",)

    def classify(self, rgb: np.ndarray) -> list[ClassifierFinding]:
        red = float(rgb[..., 0].mean()) / 255
        return [ClassifierFinding("reddish", red, None, f"mean red {red:.2f}")] if red > 0.5 else []


class Broken:
    name = "broken"
    labels = ("x",)

    def classify(self, rgb: np.ndarray) -> list[ClassifierFinding]:
        raise KeyError("plug-in bug")


@pytest.fixture
def plugins(monkeypatch: pytest.MonkeyPatch) -> None:
    module = types.ModuleType("fake_childsafe_plugin")
    module.FakeClassifier = FakeClassifier  # type: ignore[attr-defined]
    module.NotAClassifier = lambda: object()  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "fake_childsafe_plugin", module)
    eps = importlib.metadata.EntryPoints([
        importlib.metadata.EntryPoint("fake", "fake_childsafe_plugin:FakeClassifier", ENTRY_POINT_GROUP),
        importlib.metadata.EntryPoint("nudenet", "fake_childsafe_plugin:FakeClassifier", ENTRY_POINT_GROUP),
        importlib.metadata.EntryPoint("odd", "fake_childsafe_plugin:NotAClassifier", ENTRY_POINT_GROUP),
        importlib.metadata.EntryPoint("gone", "no_such_module_for_childsafe:X", ENTRY_POINT_GROUP),
    ])
    seen_groups = []

    def entry_points(**kw: str) -> importlib.metadata.EntryPoints:
        seen_groups.append(kw.get("group"))
        return eps.select(**kw)

    monkeypatch.setattr(importlib.metadata, "entry_points", entry_points)
    yield
    assert set(seen_groups) == {ENTRY_POINT_GROUP}


def test_builtins_and_plugins_register_the_same_way(plugins: None, caplog: pytest.LogCaptureFixture) -> None:
    registry = available_classifiers()
    assert list(registry) == ["nudenet", "fake", "odd", "gone"]
    assert registry["nudenet"].origin == "builtin"  # a plug-in cannot take over a built-in's name
    assert registry["nudenet"].value == "childsafe.triage.classifiers:NudeNetClassifier"
    assert "ignored" in caplog.text
    fake = load_classifier("fake")
    assert isinstance(fake, FakeClassifier) and isinstance(fake, ImageClassifier)
    with pytest.raises(ConfigError, match="unknown classifier 'nope'.*fake"):
        load_classifier("nope")
    with pytest.raises(ConfigError, match="not an ImageClassifier"):
        load_classifier("odd")
    with pytest.raises(ModelNotAvailableError, match="could not be imported"):
        load_classifier("gone")


def test_nudenet_missing_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "nudenet", None)  # import nudenet -> ImportError
    with pytest.raises(ModelNotAvailableError, match=r"pip install 'childsafe\[triage\]'"):
        NudeNetClassifier()


# -- conformance: every classifier, real or fake --------------------------------------------------

class ClassifierConformance:
    """Checks every ImageClassifier must pass.  A plug-in's tests subclass this and set ``make``."""

    def make(self) -> ImageClassifier:
        raise NotImplementedError

    def test_protocol_and_name(self) -> None:
        clf = self.make()
        assert isinstance(clf, ImageClassifier)
        assert clf.name and clf.name == clf.name.strip().lower()
        assert len(clf.labels) >= 1

    @pytest.mark.parametrize("size", [(1, 1), (3, 500), (640, 480)])
    def test_any_image_size_gives_valid_findings(self, size: tuple[int, int]) -> None:
        clf = self.make()
        rgb = np.asarray(make_picture(5, (max(size[0], 40), max(size[1], 40))).resize(size))
        for f in clf.classify(rgb):
            assert isinstance(f, ClassifierFinding)
            assert f.label in clf.labels and 0.0 <= f.score <= 1.0 and f.explanation


class TestFakeConformance(ClassifierConformance):
    def make(self) -> ImageClassifier:
        return FakeClassifier()


class TestNudeNetConformance(ClassifierConformance):
    def make(self) -> ImageClassifier:
        return nudenet_or_skip()


class TestOnnxConformance(ClassifierConformance):
    @pytest.fixture(autouse=True)
    def _model(self, tmp_path: Path) -> None:
        self.path = write_channel_mean_model(tmp_path / "m.onnx")

    def make(self) -> ImageClassifier:
        return OnnxImageClassifier(OnnxClassifierConfig(self.path, ("red", "green", "blue"), name="colours"))


# -- NudeNet ----------------------------------------------------------------------------------------

class FakeNudeDetector:
    def __init__(self, detections: list[dict[str, object]]) -> None:
        self.detections, self.seen = detections, []

    def detect(self, image: object) -> list[dict[str, object]]:
        self.seen.append(image)
        return self.detections


def test_nudenet_classes_map_to_one_explicit_finding() -> None:
    fake = FakeNudeDetector([
        {"class": "FACE_FEMALE", "score": 0.95, "box": [0, 0, 10, 10]},
        {"class": "FEMALE_BREAST_COVERED", "score": 0.9, "box": [0, 0, 10, 10]},
        {"class": "BUTTOCKS_EXPOSED", "score": 0.41, "box": [5, 6, 7, 8]},
        {"class": "ANUS_EXPOSED", "score": 0.77, "box": [1, 2, 3, 4]},
        {"class": "MALE_GENITALIA_EXPOSED", "score": 0.22, "box": [1, 1, 1, 1]},  # below min_score
        {"class": "FEET_EXPOSED", "score": 0.99, "box": [0, 0, 1, 1]},
    ])
    clf = NudeNetClassifier(detector=fake)
    rgb = np.asarray(make_picture(2))
    [f] = clf.classify(rgb)
    assert (f.label, f.score, f.box, f.classifier) == (EXPLICIT, 0.77, (1, 2, 3, 4), "nudenet")
    assert "ANUS_EXPOSED 0.77" in f.explanation and "BUTTOCKS_EXPOSED 0.41" in f.explanation
    assert "FEET" not in f.explanation and "MALE_GENITALIA" not in f.explanation
    assert fake.seen[0].shape == rgb.shape and fake.seen[0].flags.c_contiguous

    assert NudeNetClassifier(detector=FakeNudeDetector([{"class": "FACE_MALE", "score": 0.9}])).classify(rgb) == []
    assert NudeNetClassifier(detector=FakeNudeDetector([])).classify(rgb) == []
    assert {"FEMALE_BREAST_EXPOSED", "FEMALE_GENITALIA_EXPOSED"} <= NUDENET_EXPLICIT_CLASSES
    assert not any("COVERED" in c or "FACE" in c or "FEET" in c for c in NUDENET_EXPLICIT_CLASSES)


def test_nudenet_receives_rgb_in_model_order() -> None:
    """NudeNet 3.4 swaps channels twice for arrays; the probe must see that, so we feed RGB."""
    clf = nudenet_or_skip()
    from nudenet import nudenet as impl

    assert clf._feed_rgb is True
    blob = impl._read_image(np.array([[[10, 20, 30]]], np.uint8), 1)[0]
    assert np.allclose(np.asarray(blob).reshape(-1), np.array([10, 20, 30]) / 255)


def test_nudenet_finds_nothing_explicit_in_ordinary_portraits(shared_data: Path) -> None:
    clf = nudenet_or_skip()
    from childsafe.faces import load_rgb

    portraits = sorted((shared_data / "faces").glob("*.jpg")) + sorted((shared_data / "faces").glob("*.png"))
    assert len(portraits) >= 10
    found = {p.name: clf.classify(load_rgb(p)) for p in portraits}
    assert not any(found.values()), found
    assert clf.classify(np.asarray(make_picture(7, (640, 480)))) == []


# -- ONNX -------------------------------------------------------------------------------------------

def _varint(n: int) -> bytes:
    out = bytearray()
    while True:
        byte, n = n & 0x7F, n >> 7
        out.append(byte | (0x80 if n else 0))
        if not n:
            return bytes(out)


def _field(number: int, payload: bytes | int | str) -> bytes:
    if isinstance(payload, int):
        return _varint(number << 3) + _varint(payload)
    data = payload.encode() if isinstance(payload, str) else payload
    return _varint(number << 3 | 2) + _varint(len(data)) + data


def _value_info(name: str, dims: list[int | str]) -> bytes:
    shape = b"".join(_field(1, _field(1, d) if isinstance(d, int) else _field(2, d)) for d in dims)
    tensor_type = _field(1, 1) + _field(2, shape)  # elem_type FLOAT, shape
    return _field(1, name) + _field(2, _field(1, tensor_type))


def write_channel_mean_model(path: Path, hw: tuple[int | str, int | str] = (8, 8)) -> Path:
    """A tiny ONNX model, its protobuf written by hand (no ``onnx`` package needed).

    GlobalAveragePool -> Flatten: three scores, the mean of each input channel.  String dims
    make the input size dynamic.
    """
    nodes = _field(1, _field(1, "x") + _field(2, "pooled") + _field(4, "GlobalAveragePool")) + \
        _field(1, _field(1, "pooled") + _field(2, "scores") + _field(4, "Flatten"))
    graph = nodes + _field(2, "channel_mean") + _field(11, _value_info("x", [1, 3, hw[0], hw[1]])) + \
        _field(12, _value_info("scores", [1, 3]))
    # ModelProto: ir_version 8, producer, graph, opset_import {domain "", version 13}
    model = _field(1, 8) + _field(2, "childsafe-tests") + _field(7, graph) + _field(8, _field(1, "") + _field(2, 13))
    path.write_bytes(model)
    return path


def solid(rgb: tuple[int, int, int], size: tuple[int, int] = (50, 40)) -> np.ndarray:
    return np.asarray(Image.new("RGB", size, rgb))


def test_onnx_wrapper_runs_a_local_model(tmp_path: Path) -> None:
    model = write_channel_mean_model(tmp_path / "colours.onnx")
    clf = OnnxImageClassifier(OnnxClassifierConfig(model, ("red", "green", "blue"), name="colours",
                                                   report={"red": 0.6, "blue": 0.6}, rename={"red": MINOR}))
    assert clf.labels == (MINOR, "blue") and clf._size == (8, 8)  # size read from the model
    [f] = clf.classify(solid((255, 0, 0)))
    assert (f.label, round(f.score, 3), f.classifier) == (MINOR, 1.0, "colours")
    assert "scored model label 'red' 1.00" in f.explanation
    assert clf.classify(solid((0, 255, 0))) == []  # green is not reported

    bgr = OnnxImageClassifier(OnnxClassifierConfig(model, ("red", "green", "blue"), channel_order="BGR",
                                                   report={"blue": 0.9}))
    assert [x.label for x in bgr.classify(solid((255, 0, 0)))] == ["blue"]

    normalised = OnnxImageClassifier(OnnxClassifierConfig(
        model, ("red", "green", "blue"), mean=(0.5, 0.5, 0.5), std=(0.5, 0.5, 0.5), activation="softmax",
        report={"green": 0.5}))
    [g] = normalised.classify(solid((0, 255, 0)))  # (-1, 1, -1) -> softmax
    assert g.score == pytest.approx(np.exp(1) / (np.exp(1) + 2 * np.exp(-1)), abs=1e-4)


def test_onnx_spec_file_loads_relative_model(tmp_path: Path) -> None:
    (tmp_path / "models").mkdir()
    write_channel_mean_model(tmp_path / "models" / "c.onnx", hw=("h", "w"))
    spec = tmp_path / "org.toml"
    spec.write_text('name = "org-colours"\nmodel = "models/c.onnx"\nlabels = ["red", "green", "blue"]\n'
                    'input_size = [16, 16]\nresize = "letterbox"\n[report]\nblue = 0.5\n', encoding="utf-8")
    clf = load_onnx_classifier(spec)
    assert clf.name == "org-colours" and clf._size == (16, 16)
    assert [f.label for f in clf.classify(solid((0, 0, 255)))] == ["blue"]


@pytest.mark.parametrize(("spec", "error", "message"), [
    ('model = "https://example.org/m.onnx"\nlabels = ["a"]', ConfigError, "local file"),
    ('model = "c.onnx"\nlabels = ["a", "a"]', ConfigError, "distinct"),
    ('model = "c.onnx"\nlabels = ["a"]\n[report]\nb = 0.5', ConfigError, "not one of its labels"),
    ('model = "c.onnx"\nlabels = ["a"]\nlayout = "CHWN"', ConfigError, "layout"),
    ('model = "c.onnx"\nlabels = ["a"]\ncode = "import os"', ConfigError, "unknown keys code"),
    ('labels = ["a"]', ConfigError, "required"),
    ('model = "c.onnx"\nlabels = ["a", "b", "c"]\ninput_size = [16, 16]', ConfigError, "model takes 8x8"),
    ('model = "c.onnx"\nlabels = ["a", "b", "c"]\nlayout = "NHWC"', ConfigError, "blank image"),
    ('model = "missing.onnx"\nlabels = ["a", "b", "c"]', ModelNotAvailableError, "does not exist"),
    ('model = "c.onnx"\nlabels = ["a", "b"]', ConfigError, "gives 3 scores for 2 labels"),
    ('model = "junk.onnx"\nlabels = ["a", "b", "c"]', ModelNotAvailableError, "not a loadable ONNX model"),
])
def test_onnx_config_errors_fail_at_load(tmp_path: Path, spec: str, error: type[Exception], message: str) -> None:
    write_channel_mean_model(tmp_path / "c.onnx")
    (tmp_path / "junk.onnx").write_bytes(b"not a model")
    (tmp_path / "s.toml").write_text(spec, encoding="utf-8")
    with pytest.raises(error, match=message):
        load_onnx_classifier(tmp_path / "s.toml")


def test_onnx_dynamic_input_needs_a_size(tmp_path: Path) -> None:
    model = write_channel_mean_model(tmp_path / "dyn.onnx", hw=("h", "w"))
    with pytest.raises(ConfigError, match="dynamic"):
        OnnxImageClassifier(OnnxClassifierConfig(model, ("r", "g", "b")))
    clf = OnnxImageClassifier(OnnxClassifierConfig(model, ("r", "g", "b"), input_size=(12, 20), report={"g": 0.9}))
    assert [f.label for f in clf.classify(solid((0, 255, 0)))] == ["g"]


# -- the pipeline on files ---------------------------------------------------------------------------

def write_bad_inputs(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    pic = make_picture(3)
    files = {name: folder / name for name in (
        "grey.png", "sixteen.png", "cmyk.jpg", "palette.png", "palette.gif", "tiny.png", "huge.png",
        "bomb.png", "corrupt.jpg", "truncated.jpg", "empty.jpg")}
    pic.convert("L").save(files["grey.png"])
    Image.fromarray(np.asarray(pic.convert("L")).astype(np.uint16) * 257).save(files["sixteen.png"])
    pic.convert("CMYK").save(files["cmyk.jpg"])
    pic.convert("P").save(files["palette.png"])
    pic.convert("P").save(files["palette.gif"], transparency=0)
    Image.new("RGB", (1, 1), (9, 9, 9)).save(files["tiny.png"])
    Image.new("L", (1200, 1000)).save(files["huge.png"])  # over the 1 MP limit used below
    ihdr = b"IHDR" + struct.pack(">IIBBBBB", 60000, 60000, 8, 2, 0, 0, 0)  # a header claiming 3.6 G pixels
    tiny = files["tiny.png"].read_bytes()
    files["bomb.png"].write_bytes(tiny[:8] + struct.pack(">I", 13) + ihdr + struct.pack(">I", zlib.crc32(ihdr))
                                  + tiny[33:])
    files["corrupt.jpg"].write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 8)
    pic.save(folder / "full.jpg")
    files["truncated.jpg"].write_bytes((folder / "full.jpg").read_bytes()[:700])
    (folder / "full.jpg").unlink()
    files["empty.jpg"].write_bytes(b"")
    return files


def test_bad_input_never_crashes(tmp_path: Path) -> None:
    files = write_bad_inputs(tmp_path / "bad")
    opts = TriageOptions(hash_options=HashOptions(max_image_pixels=1_000_000))
    from childsafe.faces import get_detector

    results = {Path(r.path).name: r for r in triage_path(tmp_path / "bad", None, [FakeClassifier()],
                                                          get_detector("hog"), opts)}
    assert set(results) == set(files)
    for name in ("grey.png", "sixteen.png", "cmyk.jpg", "palette.png", "palette.gif", "tiny.png"):
        assert results[name].signals.analysed and results[name].signals.error is None, name
    for name in ("huge.png", "bomb.png", "corrupt.jpg", "truncated.jpg"):
        r = results[name]
        assert r.priority == 0.0 and r.signals.error and r.reasons[0].startswith("error: "), name
    assert "exceeds the limit of 1000000" in results["huge.png"].signals.error
    assert "not a photo or video" in results["empty.jpg"].reasons[0]


def test_classifier_failures_are_reasons_but_config_errors_stop(tmp_path: Path) -> None:
    photo = tmp_path / "p.png"
    make_picture(4).save(photo)
    r = triage_file(photo, None, [Broken(), FakeClassifier()], None)
    assert r.signals.analysed and any("classifier broken failed: KeyError" in x for x in r.reasons)

    class Misconfigured(Broken):
        def classify(self, rgb: np.ndarray) -> list[ClassifierFinding]:
            raise ConfigError("model gives 2 scores for 3 labels")

    class Refuses(Broken):
        def classify(self, rgb: np.ndarray) -> list[ClassifierFinding]:
            raise ChildsafeError("cannot look at this one")

    assert any("cannot look at this one" in x for x in triage_file(photo, None, [Refuses()], None).reasons)
    with pytest.raises(ConfigError):
        triage_file(photo, None, [Misconfigured()], None)


def test_known_file_first_and_duplicates_reuse_analysis(tmp_path: Path, shared_data: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    known = folder / "b-known.jpg"
    make_picture(11).save(known)
    shutil.copy(shared_data / "faces" / "obama_small.jpg", folder / "a-portrait.jpg")
    shutil.copy(shared_data / "faces" / "obama_small.jpg", folder / "c-portrait-copy.jpg")
    red = folder / "d-red.png"
    Image.fromarray(np.clip(np.asarray(make_picture(12)) * [1, 0.2, 0.2] + [140, 0, 0], 0, 255)
                    .astype(np.uint8)).save(red)
    store = open_store(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    try:
        store.create_bank("iwf")
        from childsafe.media.hashing import hash_file

        store.add_entries("iwf", [NewEntry(k, v, "cat-a", "case-1") for k, v in hash_file(known).signals().items()])
        from childsafe.faces import get_detector

        results = sorted(triage_path(folder, Matcher(store, tmp_path / "index"), [FakeClassifier()],
                                     get_detector("hog")), key=lambda r: -r.priority)
    finally:
        store.close()
    names = [Path(r.path).name for r in results]
    assert names[:2] == ["b-known.jpg", "d-red.png"]
    assert set(names[2:]) == {"a-portrait.jpg", "c-portrait-copy.jpg"}
    assert results[0].priority == 1.0 and "bank 'iwf', label 'cat-a'" in results[0].reasons[0]
    assert results[1].signals.findings[0].label == "reddish"
    copy = next(r for r in results if r.path.endswith("c-portrait-copy.jpg"))
    assert copy.signals.faces == 1 and any("same content as" in x for x in copy.reasons)


def test_video_frames_are_looked_at(tmp_path: Path) -> None:
    r = triage_file(SAMPLES / "clip.mp4", None, [FakeClassifier()], None,
                    TriageOptions(video_every_seconds=2.0, video_max_frames=3))
    assert r.signals.content_type is ContentType.VIDEO and r.signals.analysed
    assert any(x.startswith("video: ") and "frames looked at" in x for x in r.reasons)


# -- CLI --------------------------------------------------------------------------------------------

def test_cli_triage_end_to_end(cli, tmp_path: Path, shared_data: Path) -> None:
    folder = tmp_path / "evidence"
    folder.mkdir()
    known = folder / "z-known.jpg"  # sorts last by name: it must come first by priority
    make_picture(21).save(known)
    shutil.copy(shared_data / "faces" / "obama_small.jpg", folder / "portrait.jpg")
    make_picture(22).save(folder / "ordinary.jpg")
    (folder / "corrupt.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 300)
    Image.new("RGB", (60, 60), (250, 10, 10)).save(folder / "red.png")
    write_channel_mean_model(tmp_path / "c.onnx")
    (tmp_path / "c.toml").write_text('name = "colours"\nmodel = "c.onnx"\nlabels = ["red", "green", "blue"]\n'
                                     '[report]\nred = 0.8\n', encoding="utf-8")

    cli.run("bank", "create", "known")
    cli.run("bank", "add", "known", str(known), "--label", "cat-a")
    proc = cli.run("triage", str(folder))
    lines = [json.loads(x) for x in proc.stdout.splitlines()]
    assert [Path(x["path"]).name for x in lines][:2] == ["z-known.jpg", "portrait.jpg"]
    assert [x["priority"] for x in lines] == sorted((x["priority"] for x in lines), reverse=True)
    assert lines[0]["priority"] == 1.0 and lines[0]["matches"][0]["bank"] == "known"
    assert lines[1]["faces"] == 1 and 0.1 < lines[1]["priority"] < 0.4
    assert all(x["findings"] == [] for x in lines)  # NudeNet (or its absence) finds nothing here
    corrupt = next(x for x in lines if x["path"].endswith("corrupt.jpg"))
    assert corrupt["priority"] == 0.0 and corrupt["error"] and corrupt["reasons"][0].startswith("error: ")
    assert "triaged 5 files: 1 known-hash matches" in proc.stderr

    lines = cli.json_lines("triage", str(folder), "--no-nudenet", "--onnx", str(tmp_path / "c.toml"),
                           "--face-detector", "none", "--bank", "known")
    assert [Path(x["path"]).name for x in lines][:2] == ["z-known.jpg", "red.png"]
    assert lines[1]["findings"][0]["classifier"] == "colours" and lines[1]["faces"] == 0

    listed = cli.json_lines("triage", "--list-classifiers")
    assert {"name": "nudenet", "factory": "childsafe.triage.classifiers:NudeNetClassifier",
            "origin": "builtin"} in listed
    assert "error: unknown classifier 'nope'" in cli.run("triage", str(folder), "--classifier", "nope", check=2).stderr
