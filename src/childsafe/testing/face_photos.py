"""Real, ordinary face photos for tests and benchmarks, from the images scikit-image ships in its wheel.

* ``astronaut``: the NASA portrait of Eileen Collins, cut to her head and shoulders (the full image
  also makes dlib's HOG detector fire on her badge, which is not a face);
* ``lfw:<n>``: face ``n`` of scikit-image's Labeled Faces in the Wild subset (25x25 grey pixels),
  scaled up to 200x200 on a grey canvas so that dlib's detector and descriptor see it.  Scaled up
  from 25 pixels, most LFW faces lie 0.49-0.6 from each other (too close to tell apart at dlib's 0.6);
  :data:`FACE_NAMES` keeps those that lie beyond 0.6 from every other of the first forty and from the
  astronaut (at least 0.605, measured with their edits), so each is a different person to the grouping.

Edits make "the same face in another file": a mirror, a crop, a rescale, a JPEG re-encode.  Only
portraits of ordinary photos, never anything else.  Needs the ``dev`` extra (scikit-image).
"""

from __future__ import annotations

import functools
from typing import Final

import numpy as np
import numpy.typing as npt
from PIL import Image

__all__ = ["FACE_NAMES", "edited_face", "face_photo"]

#: Portraits of four different people (see the module's docstring for how the LFW ones were chosen).
FACE_NAMES: Final = ("astronaut", "lfw:15", "lfw:18", "lfw:26")
_LFW_SIDE: Final = 200
_CANVAS: Final = 400


@functools.cache
def _lfw() -> npt.NDArray[np.float64]:
    from skimage import data

    return np.asarray(data.lfw_subset())  # type: ignore[no-untyped-call]  # scikit-image is untyped


def face_photo(name: str) -> Image.Image:
    """The named portrait as an RGB image (see the module's docstring for the names)."""
    if name == "astronaut":
        from skimage import data

        return Image.fromarray(np.ascontiguousarray(data.astronaut()[:260]))  # type: ignore[no-untyped-call]
    if name.startswith("lfw:"):
        grey = (_lfw()[int(name[4:])] * 255).astype(np.uint8)
        face = Image.fromarray(grey).resize((_LFW_SIDE, _LFW_SIDE), Image.Resampling.BICUBIC).convert("RGB")
        canvas = Image.new("RGB", (_CANVAS, _CANVAS), (128, 128, 128))
        canvas.paste(face, ((_CANVAS - _LFW_SIDE) // 2, (_CANVAS - _LFW_SIDE) // 2))
        return canvas
    raise ValueError(f"unknown face photo {name!r}: use one of {', '.join(FACE_NAMES)}")


def edited_face(image: Image.Image, edit: str) -> Image.Image:
    """``image`` edited as a re-shared copy would be: ``mirror``, ``crop`` (a tenth off each side),
    ``scale`` (to 150 %) or ``none``."""
    if edit == "mirror":
        return image.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    if edit == "crop":
        w, h = image.size
        return image.crop((w // 10, h // 10, w - w // 10, h - h // 10))
    if edit == "scale":
        return image.resize((image.width * 3 // 2, image.height * 3 // 2), Image.Resampling.LANCZOS)
    if edit == "none":
        return image.copy()
    raise ValueError(f"unknown edit {edit!r}")
