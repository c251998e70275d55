"""Image classifiers for triage: a small protocol, a registry, NudeNet and a generic ONNX wrapper.

A classifier looks at one decoded RGB image and returns :class:`ClassifierFinding` objects, each
with a label from a small shared vocabulary (:data:`EXPLICIT`, :data:`MINOR`, :data:`ABUSE`; any
other label is allowed and weighted by default), a score in [0, 1], an optional box and an
explanation a reviewer can read.  Findings order human review; they are never verdicts.

Built-ins and plug-ins register the same way: as ``importlib.metadata`` entry points of the group
:data:`ENTRY_POINT_GROUP` whose object is a zero-argument factory (usually the class) returning an
:class:`ImageClassifier`.  A third party ships, in its own ``pyproject.toml``::

    [project.entry-points."childsafe.image_classifiers"]
    org-age = "org_models.childsafe:AgeClassifier"

An organisation with an ONNX model and no wish to write code describes it in a TOML file and uses
:class:`OnnxImageClassifier` (``childsafe triage --onnx model.toml``).  No model is ever downloaded:
NudeNet's detector ships inside its wheel and ONNX models are local files.
"""
# long-module: the classifier protocol, its registry and the two built-ins (NudeNet, generic ONNX) with their decoding
#   of model outputs, read as one page by a plug-in author; a third built-in would be the time to split into a
#   package.

from __future__ import annotations

import functools
import importlib.metadata
import logging
import math
import re
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, Literal, Protocol, cast, runtime_checkable

import numpy as np
import numpy.typing as npt
from PIL import Image

from childsafe.errors import ChildsafeError, ConfigError, ModelNotAvailableError
from childsafe.plugins import Registry

__all__ = [
    "ABUSE",
    "ENTRY_POINT_GROUP",
    "EXPLICIT",
    "IMAGE_CLASSIFIERS",
    "MINOR",
    "NUDENET_EXPLICIT_CLASSES",
    "ClassifierFinding",
    "ImageClassifier",
    "NudeNetClassifier",
    "OnnxClassifierConfig",
    "OnnxImageClassifier",
    "RegisteredClassifier",
    "available_classifiers",
    "load_classifier",
    "load_onnx_classifier",
]

log = logging.getLogger(__name__)

RGB = npt.NDArray[np.uint8]

#: Shared finding labels.  Classifiers may emit others; :mod:`childsafe.triage.priority` weights these.
EXPLICIT = "explicit"  # sexually explicit content is likely (nudity detectors)
MINOR = "minor"  # a person who appears to be under 18 (age-estimation models)
ABUSE = "abuse"  # an organisation's own abuse-material classifier

ENTRY_POINT_GROUP = "childsafe.image_classifiers"
TRIAGE_EXTRA_HINT = "pip install 'childsafe[triage]'"


@dataclass(frozen=True)
class ClassifierFinding:
    """One thing a classifier saw: a label, a score in [0, 1], where, and why.

    ``classifier`` is the name of the classifier that produced it; the triage engine fills it in
    when a plug-in leaves it empty.
    """

    label: str
    score: float
    box: tuple[int, int, int, int] | None  # x, y, w, h in the classified image's pixels
    explanation: str
    classifier: str = ""

    def __post_init__(self) -> None:
        if not (0.0 <= self.score <= 1.0) or math.isnan(self.score):
            raise ValueError(f"finding score {self.score!r} is outside [0, 1]")

    def to_record(self) -> dict[str, Any]:
        return {"classifier": self.classifier, "label": self.label, "score": round(self.score, 3),
                "box": None if self.box is None else list(self.box), "explanation": self.explanation}


@runtime_checkable
class ImageClassifier(Protocol):
    """What triage needs from a classifier.  Plug-ins need not import childsafe to satisfy it."""

    #: Stable lower-case name (the registry key, shown in reasons).
    name: str
    #: The finding labels this classifier can emit.
    labels: Sequence[str]

    def classify(self, rgb: RGB) -> list[ClassifierFinding]:
        """Findings for an RGB image (H, W, 3) uint8.  Return [] when nothing is found.

        Raise a :class:`~childsafe.errors.ChildsafeError` for a problem with this image; triage
        records it as a reason and carries on.
        """
        ...


# -- registry ------------------------------------------------------------------------------------

def _factory(obj: object) -> Callable[[], object]:
    if not callable(obj):
        raise ConfigError(f"an image classifier entry point names a factory (usually the class), not {obj!r}")
    return cast(Callable[[], object], obj)


#: Classifier factories by name (entry-point group :data:`ENTRY_POINT_GROUP`); built-ins are declared
#: exactly as plug-ins declare theirs.
IMAGE_CLASSIFIERS: Final = Registry[Callable[[], object]](
    ENTRY_POINT_GROUP, "classifier", {"nudenet": "childsafe.triage.classifiers:NudeNetClassifier"}, _factory)


@dataclass(frozen=True)
class RegisteredClassifier:
    """One registry entry, as ``childsafe triage --list-classifiers`` shows it."""

    name: str
    value: str  # "module:factory"
    origin: str  # "builtin" or the distribution that declared the entry point
    entry_point: importlib.metadata.EntryPoint = field(repr=False, compare=False)

    def to_record(self) -> dict[str, str]:
        return {"name": self.name, "factory": self.value, "origin": self.origin}


def available_classifiers() -> dict[str, RegisteredClassifier]:
    """Every registered classifier by name: built-ins first, then installed plug-ins (looked up anew).

    A plug-in may not replace a built-in (or an earlier plug-in) of the same name: the later
    one is skipped with a warning, so installing a package cannot silently swap a model.
    """
    IMAGE_CLASSIFIERS.reload()
    return {name: RegisteredClassifier(name, entry.value, entry.origin, entry.entry_point)
            for name, entry in IMAGE_CLASSIFIERS.entries().items()}


def load_classifier(name: str) -> ImageClassifier:
    """Build the registered classifier ``name``.

    Raises :class:`ConfigError` for an unknown name and :class:`ModelNotAvailableError` when the
    plug-in cannot be imported or its model is missing.
    """
    IMAGE_CLASSIFIERS.reload()  # what is installed now, as available_classifiers() lists it
    factory = IMAGE_CLASSIFIERS.load(name)
    classifier = factory()
    if not isinstance(classifier, ImageClassifier):
        value = IMAGE_CLASSIFIERS.entries()[name].value
        raise ConfigError(f"classifier {name!r} ({value}) is not an ImageClassifier: "
                          "it needs name, labels and classify(rgb)")
    return classifier


# -- NudeNet --------------------------------------------------------------------------------------

#: NudeNet 3.4 detection classes that count as "explicit".  Covered parts, faces, feet, belly,
#: armpits and exposed male chests are ignored: they are ordinary in ordinary photos.
NUDENET_EXPLICIT_CLASSES = frozenset({
    "FEMALE_GENITALIA_EXPOSED",
    "MALE_GENITALIA_EXPOSED",
    "FEMALE_BREAST_EXPOSED",
    "BUTTOCKS_EXPOSED",
    "ANUS_EXPOSED",
})
#: NudeNet reports boxes from 0.2.  On the shared ordinary portraits the strongest explicit-class
#: box is below 0.3 when the model is fed the wrong channel order (none when fed correctly).
DEFAULT_NUDENET_MIN_SCORE = 0.3


class NudeDetectorLike(Protocol):
    def detect(self, image_path: Any) -> list[dict[str, Any]]: ...


class NudeNetClassifier:
    """NudeNet's detector (YOLOv8n, ``320n.onnx`` inside the ``nudenet`` wheel) as one label.

    One :data:`EXPLICIT` finding per image whose score is the highest confidence among the
    :data:`NUDENET_EXPLICIT_CLASSES` boxes; the box is that detection's, and the explanation names
    every explicit-class box found.  ``detector`` replaces NudeNet (tests plug in a fake).
    """

    name = "nudenet"
    labels: Sequence[str] = (EXPLICIT,)

    def __init__(self, min_score: float = DEFAULT_NUDENET_MIN_SCORE,
                 detector: NudeDetectorLike | None = None) -> None:
        if not 0.0 <= min_score <= 1.0:
            raise ConfigError(f"nudenet min_score {min_score!r} is outside [0, 1]")
        self.min_score = min_score
        if detector is None:
            detector, self._feed_rgb = _load_nudenet()
        else:
            self._feed_rgb = True
        self._detector = detector

    def classify(self, rgb: RGB) -> list[ClassifierFinding]:
        image = np.ascontiguousarray(rgb if self._feed_rgb else rgb[..., ::-1])
        try:
            detections = self._detector.detect(image)
        except _errors(ValueError, RuntimeError) as exc:
            raise ChildsafeError(f"nudenet failed on this image: {exc}") from exc
        explicit = []
        for det in detections:
            cls, score = det.get("class"), det.get("score")
            if cls in NUDENET_EXPLICIT_CLASSES and isinstance(score, int | float) and score >= self.min_score:
                explicit.append((float(score), str(cls), _box(det.get("box"))))
        if not explicit:
            return []
        explicit.sort(key=lambda d: -d[0])
        best_score, _cls, best_box = explicit[0]
        parts = [f"{cls} {score:.2f}" + (f" at {list(box)}" if box else "") for score, cls, box in explicit[:5]]
        more = f" and {len(explicit) - 5} more" if len(explicit) > 5 else ""
        return [ClassifierFinding(
            EXPLICIT, min(1.0, best_score), best_box,
            f"NudeNet 320n saw {'; '.join(parts)}{more} (boxes of exposed genitalia, breasts, buttocks "
            f"or anus at >= {self.min_score:.2f})", self.name)]


def _box(raw: object) -> tuple[int, int, int, int] | None:
    if isinstance(raw, list | tuple) and len(raw) == 4:
        try:
            x, y, w, h = (int(v) for v in raw)
        except (TypeError, ValueError):
            return None
        return (x, y, w, h)
    return None


def _load_nudenet() -> tuple[NudeDetectorLike, bool]:
    """NudeNet's detector on its bundled model, and whether to feed it RGB (see below)."""
    try:
        import nudenet
        from nudenet import nudenet as nudenet_impl
    except ImportError as exc:
        raise ModelNotAvailableError(f"NudeNet is not installed ({exc}): {TRIAGE_EXTRA_HINT}") from exc
    model = Path(nudenet.__file__).parent / "320n.onnx"
    if not model.is_file():
        raise ModelNotAvailableError(
            f"NudeNet's model {model} is missing from its wheel; reinstall it ({TRIAGE_EXTRA_HINT}). "
            "childsafe never downloads models.")
    try:
        detector = nudenet.NudeDetector(model_path=str(model))
    except _errors(RuntimeError, OSError, ValueError) as exc:
        raise ModelNotAvailableError(f"NudeNet's model {model} could not be loaded: {exc}") from exc
    return detector, _nudenet_blob_keeps_order(nudenet_impl)


def _nudenet_blob_keeps_order(impl: Any) -> bool:
    """True when NudeNet passes an array's channels to the model in the order given.

    NudeNet 3.4 converts its input with ``COLOR_RGBA2BGR`` (a swap, for 3 channels) and then
    ``blobFromImage(swapRB=True)`` (a second swap): an array reaches the model in its own order,
    so we hand it RGB, the order the YOLOv8 model was trained on.  (Its own file-path route
    feeds cv2's BGR and so gives the model BGR: NudeNet issue #203.)  Probe the installed
    version with a one-pixel image rather than trust that, in case a release fixes it.
    """
    probe = np.array([[[10, 20, 30]]], np.uint8)
    try:
        blob = impl._read_image(probe, 1)[0]
        first = float(np.asarray(blob).reshape(-1)[0])
    except (AttributeError, TypeError, ValueError, IndexError) as exc:
        log.warning("could not probe NudeNet's channel order (%s); feeding RGB", exc)
        return True
    return abs(first - 10 / 255) < 1e-3


def _errors(*ours: type[Exception]) -> tuple[type[Exception], ...]:
    return (*ours, *_third_party_errors())


@functools.cache
def _third_party_errors() -> tuple[type[Exception], ...]:
    """onnxruntime's and OpenCV's exception classes (they derive from Exception directly).

    Translated to ours where they enter; the tuple is empty for a library that is not installed.
    """
    found: list[type[Exception]] = []
    try:
        import onnxruntime

        state = onnxruntime.capi.onnxruntime_pybind11_state
    except (ImportError, AttributeError):
        pass
    else:
        found.extend(v for v in vars(state).values()
                     if isinstance(v, type) and issubclass(v, Exception) and v.__module__ == state.__name__)
    try:
        import cv2
    except ImportError:
        pass
    else:
        found.append(cv2.error)
    return tuple(found)


# -- generic ONNX ---------------------------------------------------------------------------------

Layout = Literal["NCHW", "NHWC"]
ChannelOrder = Literal["RGB", "BGR"]
Activation = Literal["none", "softmax", "sigmoid"]
Resize = Literal["stretch", "letterbox"]
DEFAULT_REPORT_MIN_SCORE = 0.5
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+:/")  # a scheme (Path() folds "//"); not a drive letter


@dataclass(frozen=True)
class OnnxClassifierConfig:
    """How to feed an image-classification ONNX model and read its scores.  Data, not code.

    ``labels`` name the model's outputs in order.  ``report`` maps the labels that should raise
    review priority to the minimum score at which they are reported (default: every label at
    0.5 -- list only the meaningful ones, e.g. not "neutral").  ``rename`` maps a model label to
    a shared triage label (``explicit``, ``minor``, ``abuse``) so it gets that label's weight.
    """

    model: Path
    labels: tuple[str, ...]
    name: str = "onnx"
    input_size: tuple[int, int] | None = None  # (width, height); None: read from the model
    layout: Layout = "NCHW"
    channel_order: ChannelOrder = "RGB"
    resize: Resize = "stretch"
    scale: float = 1 / 255
    mean: tuple[float, float, float] = (0.0, 0.0, 0.0)
    std: tuple[float, float, float] = (1.0, 1.0, 1.0)
    activation: Activation = "none"
    report: Mapping[str, float] | None = None
    rename: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        where = f"classifier {self.name!r}"
        if _URL.match(str(self.model)):
            raise ConfigError(f"{where}: model must be a local file, not a URL ({self.model})")
        if not self.labels or len(set(self.labels)) != len(self.labels):
            raise ConfigError(f"{where}: labels must be a non-empty list of distinct names")
        for key, allowed in (("layout", ("NCHW", "NHWC")), ("channel_order", ("RGB", "BGR")),
                             ("activation", ("none", "softmax", "sigmoid")), ("resize", ("stretch", "letterbox"))):
            if getattr(self, key) not in allowed:
                raise ConfigError(f"{where}: {key} must be one of {', '.join(allowed)}")
        if self.input_size is not None and (len(self.input_size) != 2 or min(self.input_size) < 1):
            raise ConfigError(f"{where}: input_size must be [width, height] of positive integers")
        if len(self.mean) != 3 or len(self.std) != 3 or any(s == 0 for s in self.std):
            raise ConfigError(f"{where}: mean and std need three values each, std non-zero")
        for label, minimum in (self.report or {}).items():
            if label not in self.labels:
                raise ConfigError(f"{where}: report names {label!r}, which is not one of its labels")
            if not 0.0 <= minimum <= 1.0:
                raise ConfigError(f"{where}: report minimum for {label!r} must be in [0, 1]")
        for label in self.rename:
            if label not in self.labels:
                raise ConfigError(f"{where}: rename names {label!r}, which is not one of its labels")

    @property
    def thresholds(self) -> dict[str, float]:
        if self.report is None:
            return dict.fromkeys(self.labels, DEFAULT_REPORT_MIN_SCORE)
        return dict(self.report)


_SPEC_KEYS = {"name", "model", "labels", "input_size", "layout", "channel_order", "resize", "scale", "mean",
              "std", "activation", "report", "rename"}


def load_onnx_classifier(spec: Path) -> OnnxImageClassifier:
    """An :class:`OnnxImageClassifier` described by a TOML file; ``model`` is relative to it.

    Example::

        name = "org-age"
        model = "age.onnx"
        labels = ["adult", "minor"]
        input_size = [224, 224]
        mean = [0.485, 0.456, 0.406]
        std = [0.229, 0.224, 0.225]
        activation = "softmax"
        [report]
        minor = 0.6
    """
    try:
        data = tomllib.loads(spec.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{spec}: {exc}") from exc
    unknown = set(data) - _SPEC_KEYS
    if unknown:
        raise ConfigError(f"{spec}: unknown keys {', '.join(sorted(unknown))} (known: {', '.join(sorted(_SPEC_KEYS))})")
    if "model" not in data or "labels" not in data:
        raise ConfigError(f"{spec}: 'model' and 'labels' are required")
    try:
        model = Path(str(data["model"])).expanduser()
        config = OnnxClassifierConfig(
            model=model if model.is_absolute() or _URL.match(str(data["model"])) else spec.parent / model,
            labels=tuple(str(x) for x in data["labels"]),
            name=str(data.get("name", spec.stem)),
            input_size=(int(data["input_size"][0]), int(data["input_size"][1])) if "input_size" in data else None,
            layout=data.get("layout", "NCHW"),
            channel_order=data.get("channel_order", "RGB"),
            resize=data.get("resize", "stretch"),
            scale=float(data.get("scale", 1 / 255)),
            mean=_triple(data.get("mean", (0.0, 0.0, 0.0))),
            std=_triple(data.get("std", (1.0, 1.0, 1.0))),
            activation=data.get("activation", "none"),
            report={str(k): float(v) for k, v in data["report"].items()} if "report" in data else None,
            rename={str(k): str(v) for k, v in data.get("rename", {}).items()},
        )
    except (TypeError, ValueError, IndexError, KeyError, AttributeError) as exc:
        raise ConfigError(f"{spec}: invalid value: {exc}") from exc
    return OnnxImageClassifier(config)


def _triple(raw: Any) -> tuple[float, float, float]:
    values = [float(v) for v in raw]
    if len(values) != 3:
        raise ValueError(f"expected three numbers, got {raw!r}")
    return (values[0], values[1], values[2])


class OnnxImageClassifier:
    """Any local image-classification ONNX model: preprocessing from config, scores to findings.

    The model is loaded (CPU) and run once on a blank image at construction, so a wrong input
    size or label count fails at start-up, not on the ten-thousandth file.
    """

    def __init__(self, config: OnnxClassifierConfig) -> None:
        self.config = config
        self.name = config.name
        self.labels: Sequence[str] = tuple(dict.fromkeys(config.rename.get(x, x) for x in config.thresholds))
        if not config.model.is_file():
            raise ModelNotAvailableError(f"classifier {config.name!r}: model file {config.model} does not exist")
        try:
            import onnxruntime as ort
        except ImportError as exc:
            raise ModelNotAvailableError(f"onnxruntime is not installed ({exc}): {TRIAGE_EXTRA_HINT}") from exc
        options = ort.SessionOptions()
        options.log_severity_level = 3  # errors only; they are raised anyway
        try:
            self._session = ort.InferenceSession(str(config.model), options, providers=["CPUExecutionProvider"])
        except _errors(RuntimeError, OSError, ValueError) as exc:
            raise ModelNotAvailableError(f"classifier {config.name!r}: {config.model} is not a loadable ONNX "
                                         f"model: {exc}") from exc
        meta = self._session.get_inputs()[0]
        self._input_name: str = meta.name
        self._uint8 = meta.type == "tensor(uint8)"
        if meta.type not in ("tensor(float)", "tensor(uint8)"):
            raise ConfigError(f"classifier {config.name!r}: input type {meta.type} is not supported "
                              "(float32 or uint8)")
        self._size = self._input_size(list(meta.shape))
        try:  # fail at start-up on a bad config, not on the ten-thousandth file
            self._run(np.zeros((self._size[1], self._size[0], 3), np.uint8))
        except ConfigError:
            raise
        except ChildsafeError as exc:
            raise ConfigError(f"classifier {self.name!r} does not run on a blank image of the configured "
                              f"size and layout: {exc}") from exc

    def _input_size(self, shape: list[Any]) -> tuple[int, int]:
        """(width, height) from the config, checked against the model's input when it is fixed."""
        if len(shape) != 4:
            raise ConfigError(f"classifier {self.name!r}: input of rank {len(shape)}, expected 4 (a batch of images)")
        h, w = (shape[2], shape[3]) if self.config.layout == "NCHW" else (shape[1], shape[2])
        fixed = isinstance(h, int) and isinstance(w, int) and h > 0 and w > 0
        if self.config.input_size is None:
            if not fixed:
                raise ConfigError(f"classifier {self.name!r}: the model's input size is dynamic ({shape}); "
                                  "set input_size = [width, height]")
            return (w, h)
        if fixed and self.config.input_size != (w, h):
            raise ConfigError(f"classifier {self.name!r}: input_size {list(self.config.input_size)} but the "
                              f"model takes {w}x{h} ({self.config.layout} {shape})")
        return self.config.input_size

    def _preprocess(self, rgb: RGB) -> npt.NDArray[Any]:
        cfg, (w, h) = self.config, self._size
        im = Image.fromarray(np.ascontiguousarray(rgb), "RGB")
        if cfg.resize == "letterbox":
            side = max(im.size)
            canvas = Image.new("RGB", (side, side))
            canvas.paste(im, (0, 0))
            im = canvas
        arr: npt.NDArray[Any] = np.asarray(im.resize((w, h), Image.Resampling.BILINEAR))
        if cfg.channel_order == "BGR":
            arr = arr[..., ::-1]
        if not self._uint8:
            arr = (arr.astype(np.float32) * np.float32(cfg.scale) - np.asarray(cfg.mean, np.float32)) / np.asarray(
                cfg.std, np.float32)
        if cfg.layout == "NCHW":
            arr = arr.transpose(2, 0, 1)
        return np.ascontiguousarray(arr[None, ...], dtype=np.uint8 if self._uint8 else np.float32)

    def _run(self, rgb: RGB) -> npt.NDArray[np.float64]:
        try:
            out = self._session.run(None, {self._input_name: self._preprocess(rgb)})
        except _errors(RuntimeError, ValueError) as exc:
            raise ChildsafeError(f"classifier {self.name!r} failed: {exc}") from exc
        scores = np.asarray(out[0], np.float64).reshape(-1)
        if scores.size != len(self.config.labels):
            raise ConfigError(f"classifier {self.name!r}: the model gives {scores.size} scores for "
                              f"{len(self.config.labels)} labels")
        if self.config.activation == "softmax":
            e = np.exp(scores - scores.max())
            scores = e / e.sum()
        elif self.config.activation == "sigmoid":
            scores = 1.0 / (1.0 + np.exp(-scores))
        return np.nan_to_num(np.clip(scores, 0.0, 1.0))

    def classify(self, rgb: RGB) -> list[ClassifierFinding]:
        scores = dict(zip(self.config.labels, self._run(rgb).tolist(), strict=True))
        findings = []
        for label, minimum in self.config.thresholds.items():
            score = scores[label]
            if score >= minimum:
                shown = self.config.rename.get(label, label)
                findings.append(ClassifierFinding(
                    shown, float(score), None,
                    f"{self.name} ({self.config.model.name}) scored model label {label!r} {score:.2f} "
                    f"(reported from {minimum:.2f})", self.name))
        return findings
