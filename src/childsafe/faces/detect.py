"""Face detection with models that ship inside PyPI wheels.

Measured on this project's machine, one core (``benchmarks/bench_faces.py`` has the full table):
dlib's HOG detector found every face in ``../shared/data/faces`` (partial faces included) with no
detection on the 27 non-face shared photos; OpenCV's Haar cascade missed both partial faces, drew 9
false boxes on the non-face photos and is ~4x slower (about 350 vs 80 ms at 1024x768); dlib's CNN
detector takes ~2.5 s a photo on a CPU.  So HOG is the default: the image is scaled so its long side
is at most :data:`DETECT_MAX_SIDE`, and small images are upsampled once.  At that scale faces narrower
than ~7 % of the photo's short side are missed (measured: 0/9 at 3-6 %, 8/9 at 7-8 %, 9/9 from 9 %);
``max_side`` (``--max-side`` on the command line) trades speed for smaller faces in big photos.
"""

from __future__ import annotations

import io
from abc import ABC, abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Final

import numpy as np
import numpy.typing as npt
from PIL import Image, ImageOps, JpegImagePlugin

from childsafe.config import DEFAULT_MAX_IMAGE_PIXELS
from childsafe.errors import ChildsafeError, ConfigError, MediaDecodeError, ModelNotAvailableError
from childsafe.plugins import Registry

__all__ = ["FaceBox", "FaceDetector", "HogFaceDetector", "HaarFaceDetector", "CnnFaceDetector",
           "DETECTORS", "FACE_DETECTORS", "get_detector", "load_rgb", "detect_faces", "FaceDetectionResult",
           "DETECT_MAX_SIDE", "iter_images"]

DETECT_MAX_SIDE = 1024
UPSAMPLE_BELOW = 640

RGB = npt.NDArray[np.uint8]


@dataclass(frozen=True)
class FaceBox:
    """A face in original-image pixels: ``[x, y, w, h]`` and a detector confidence."""

    x: int
    y: int
    w: int
    h: int
    score: float
    time: float | None = None  # seconds into a video, for faces found in sampled frames

    def to_record(self) -> dict[str, Any]:
        out: dict[str, Any] = {"box": [self.x, self.y, self.w, self.h], "score": round(self.score, 3)}
        if self.time is not None:
            out["time"] = self.time
        return out


class FaceDetector(ABC):
    name: str
    max_side: int  # images are scaled so their long side is at most this before detection

    @abstractmethod
    def detect(self, rgb: RGB) -> list[FaceBox]:
        """Faces in an RGB image (H, W, 3) uint8, in that image's pixels."""


def _scaled(rgb: RGB, max_side: int) -> tuple[RGB, float]:
    h, w = rgb.shape[:2]
    if max(h, w) <= max_side:
        return rgb, 1.0
    s = max_side / max(h, w)
    im = Image.fromarray(rgb).resize((max(1, round(w * s)), max(1, round(h * s))), Image.Resampling.BILINEAR)
    return np.asarray(im), s


def _clip(x: float, y: float, w: float, h: float, score: float, shape: tuple[int, ...]) -> FaceBox | None:
    H, W = shape[:2]
    x0, y0 = max(0, round(x)), max(0, round(y))
    x1, y1 = min(W, round(x + w)), min(H, round(y + h))
    if x1 - x0 < 4 or y1 - y0 < 4:
        return None
    return FaceBox(x0, y0, x1 - x0, y1 - y0, float(score))


class HogFaceDetector(FaceDetector):
    name = "hog"

    def __init__(self, max_side: int = DETECT_MAX_SIDE, threshold: float = 0.0) -> None:
        import dlib

        self._dlib = dlib.get_frontal_face_detector()
        self.max_side, self.threshold = max_side, threshold

    def detect(self, rgb: RGB) -> list[FaceBox]:
        small, s = _scaled(rgb, self.max_side)
        upsample = 1 if max(small.shape[:2]) < UPSAMPLE_BELOW else 0
        rects, scores, _kinds = self._dlib.run(np.ascontiguousarray(small), upsample, self.threshold)
        out = []
        for r, score in zip(rects, scores, strict=True):
            box = _clip(r.left() / s, r.top() / s, r.width() / s, r.height() / s,
                        1.0 / (1.0 + np.exp(-float(score))), rgb.shape)  # margin -> (0, 1)
            if box:
                out.append(box)
        return out


class HaarFaceDetector(FaceDetector):
    name = "haar"

    def __init__(self, max_side: int = DETECT_MAX_SIDE) -> None:
        import cv2

        path = Path(cv2.data.haarcascades) / "haarcascade_frontalface_default.xml"  # type: ignore[attr-defined]
        if not path.is_file():
            raise ModelNotAvailableError("OpenCV's Haar cascades are missing (opencv-python-headless 4.x ships them)")
        self._cascade = cv2.CascadeClassifier(str(path))
        self._cv2, self.max_side = cv2, max_side

    def detect(self, rgb: RGB) -> list[FaceBox]:
        small, s = _scaled(rgb, self.max_side)
        grey = self._cv2.cvtColor(small, self._cv2.COLOR_RGB2GRAY)
        found, _levels, weights = self._cascade.detectMultiScale3(
            grey, scaleFactor=1.1, minNeighbors=5, minSize=(24, 24), outputRejectLevels=True)
        out = []
        for (x, y, w, h), weight in zip(found, np.ravel(weights) if len(found) else [], strict=True):
            box = _clip(x / s, y / s, w / s, h / s, 1.0 / (1.0 + np.exp(-float(weight))), rgb.shape)
            if box:
                out.append(box)
        return out


class CnnFaceDetector(FaceDetector):
    """dlib's MMOD CNN (from face_recognition_models): more robust to pose, seconds per photo on CPU."""

    name = "cnn"

    def __init__(self, max_side: int = 800) -> None:
        import dlib
        import face_recognition_models as models

        self._cnn = dlib.cnn_face_detection_model_v1(models.cnn_face_detector_model_location())
        self.max_side = max_side

    def detect(self, rgb: RGB) -> list[FaceBox]:
        small, s = _scaled(rgb, self.max_side)
        out = []
        upsample = 1 if max(small.shape[:2]) < UPSAMPLE_BELOW else 0
        for d in self._cnn(np.ascontiguousarray(small), upsample):
            r = d.rect
            # MMOD confidence is a margin (~1 for clear faces): squash it into (0, 1) like HOG's.
            score = 1.0 / (1.0 + np.exp(-float(d.confidence)))
            box = _clip(r.left() / s, r.top() / s, r.width() / s, r.height() / s, score, rgb.shape)
            if box:
                out.append(box)
        return out


#: The built-in detectors (the registry below lists plug-ins too).
DETECTORS: dict[str, type[FaceDetector]] = {"hog": HogFaceDetector, "haar": HaarFaceDetector, "cnn": CnnFaceDetector}
_CACHE: dict[str, FaceDetector] = {}


def _detector_class(obj: object) -> type[FaceDetector]:
    if not (isinstance(obj, type) and issubclass(obj, FaceDetector)):
        raise ConfigError(f"a face detector is a FaceDetector subclass, not {obj!r}")
    return obj


#: Face detectors by name (entry-point group ``childsafe.face_detectors``): FaceDetector subclasses
#: whose constructor takes an optional ``max_side``.
FACE_DETECTORS: Final = Registry[type[FaceDetector]](
    "childsafe.face_detectors", "face detector",
    {name: f"childsafe.faces.detect:{cls.__name__}" for name, cls in DETECTORS.items()}, _detector_class)


def get_detector(name: str = "hog", max_side: int | None = None) -> FaceDetector:
    """A shared detector by name; ``max_side`` overrides how far big images are scaled down."""
    if name not in FACE_DETECTORS.entries():
        raise ConfigError(f"unknown face detector {name!r} (known: {', '.join(FACE_DETECTORS.names())})")
    if max_side is not None:
        if max_side < 64:
            raise ConfigError(f"max side {max_side} is too small (64 or more)")
        return FACE_DETECTORS.load(name)(max_side=max_side)  # type: ignore[call-arg]
    if name not in _CACHE:
        _CACHE[name] = FACE_DETECTORS.load(name)()
    return _CACHE[name]


def load_rgb(source: Path | bytes, max_pixels: int = DEFAULT_MAX_IMAGE_PIXELS,
             max_side: int = DETECT_MAX_SIDE) -> RGB:
    """Decode an upright RGB image, at reduced scale for big JPEGs (faces stay large enough)."""
    import warnings

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(source) if isinstance(source, bytes) else source) as opened:
                return _decode_upright(opened, max_pixels, max_side)
    except ChildsafeError:
        raise
    except (OSError, SyntaxError, ValueError, EOFError, Image.DecompressionBombError, MemoryError) as exc:
        raise MediaDecodeError(f"not a decodable image: {exc}") from exc


def _decode_upright(im: Image.Image, max_pixels: int, max_side: int) -> RGB:
    if im.width * im.height > max_pixels:
        raise MediaDecodeError(f"image of {im.width}x{im.height} pixels exceeds the limit of {max_pixels}")
    if isinstance(im, JpegImagePlugin.JpegImageFile) and max(im.size) > max_side:
        # Ask for a box of the photo's own shape: a square box would keep a 4:3 photo at full size
        # whenever its short side is under max_side (5 MP was decoded whole, measured).
        scale = max_side / max(im.size)
        im.draft("RGB", (max(1, round(im.width * scale)), max(1, round(im.height * scale))))
    im.load()
    im = ImageOps.exif_transpose(im) or im
    if im.mode != "RGB":
        if im.mode.startswith("I;16") or im.mode in ("I", "F"):
            arr = np.asarray(im, dtype=np.float64)
            hi = float(arr.max()) or 1.0
            im = Image.fromarray((arr * (255.0 / hi) if hi > 255 else arr).clip(0, 255).astype(np.uint8))
        im = im.convert("RGB")
    return np.asarray(im)


@dataclass
class FaceDetectionResult:
    path: str
    faces: list[FaceBox] = field(default_factory=list)
    error: str | None = None
    size: tuple[int, int] | None = None  # (width, height) of the upright image

    def to_record(self) -> dict[str, Any]:
        return {"path": self.path, "faces": [f.to_record() for f in self.faces], "error": self.error}


def iter_images(path: Path, max_side: int = DETECT_MAX_SIDE) -> Iterator[tuple[float | None, RGB]]:
    """The photo, or sampled frames of a video (content sniffed, never the extension)."""
    from childsafe.faces.video import sample_frames
    from childsafe.media.content import SNIFF_BYTES, ContentType, sniff_content_type

    with open(path, "rb") as fh:
        kind = sniff_content_type(fh.read(SNIFF_BYTES))
    if kind is ContentType.VIDEO:
        yield from sample_frames(path)
    elif kind is ContentType.PHOTO:
        yield None, load_rgb(path, max_side=max_side)
    else:
        raise MediaDecodeError("not a photo or video")


def detect_faces(path: Path, detector: FaceDetector | None = None) -> FaceDetectionResult:
    """Detect faces in one photo, or in frames sampled from a video; problems land in ``error``."""
    result = FaceDetectionResult(str(path))
    chosen = detector or get_detector()
    try:
        for time, rgb in iter_images(path, chosen.max_side):
            result.size = (rgb.shape[1], rgb.shape[0])
            result.faces.extend(replace(f, time=time) for f in chosen.detect(rgb))
    except ChildsafeError as exc:
        result.error = str(exc)
    except OSError as exc:
        result.error = f"unreadable: {exc.strerror or exc}"
    return result
