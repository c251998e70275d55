"""Shared fixtures.  Tests build their own data; ``../shared`` is read where present, never copied."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFilter

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    data = SHARED / "data"
    if not data.is_dir():
        pytest.skip("../shared/data is absent (reference data lives beside the repository)")
    return data


def make_picture(seed: int, size: tuple[int, int] = (320, 240)) -> Image.Image:
    """A textured abstract picture (high PDQ quality), different for every seed."""
    rng = np.random.default_rng(seed)
    w, h = size
    y, x = np.mgrid[0:h, 0:w].astype(np.float64)
    img = np.zeros((h, w, 3))
    for c in range(3):
        for _ in range(3):
            fx, fy = rng.uniform(0.003, 0.04, 2)
            img[..., c] += np.sin((x * fx + y * fy) * 6.28 + rng.uniform(0, 6.28))
    img = (img - img.min()) / (np.ptp(img) or 1) * 255
    im = Image.fromarray(img.astype(np.uint8), "RGB")
    draw = ImageDraw.Draw(im)
    for _ in range(8):
        x0, y0 = int(rng.integers(0, w - 20)), int(rng.integers(0, h - 20))
        box = [x0, y0, x0 + int(rng.integers(15, w // 2)), y0 + int(rng.integers(15, h // 2))]
        draw.ellipse(box, fill=tuple(int(v) for v in rng.integers(0, 256, 3)))
    return im.filter(ImageFilter.SMOOTH)


@pytest.fixture
def picture_file(tmp_path: Path):
    def make(name: str = "p.jpg", seed: int = 1, size: tuple[int, int] = (320, 240), **save) -> Path:
        path = tmp_path / name
        make_picture(seed, size).save(path, **save)
        return path

    return make


@pytest.fixture
def cli(tmp_path: Path):
    from tests.cli_runner import Cli

    return Cli(tmp_path / "home")
