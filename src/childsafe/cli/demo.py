"""``childsafe demo``: the main job, end to end, on the shipped sample data.

It builds a small "case folder" from the samples the way material turns up in practice (exact
copies, a re-compressed resize, a rotation, a copy inside a zip, a duplicate, a corrupt file,
an unrelated picture, a known false positive, a video), loads the sample bank and allowlist
into a throw-away store, scans the folder and says what matched and why.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import zipfile
from pathlib import Path
from typing import Any, TextIO

from PIL import Image

from childsafe.cli.context import AppContext
from childsafe.cli.output import say
from childsafe.config import load_settings
from childsafe.media.hashlists import read_hash_list
from childsafe.samples import SAMPLES_DIR
from childsafe.scan import ScanOptions, run_scan
from childsafe.store.base import NewEntry

__all__ = ["build_case_folder", "run_demo"]


def build_case_folder(folder: Path) -> None:
    """Lay out the demo case from the samples (derived files are made here, not shipped)."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(SAMPLES_DIR / "harbour.jpg", folder / "IMG_0001.jpg")
    (folder / "backup").mkdir(exist_ok=True)
    shutil.copy(SAMPLES_DIR / "harbour.jpg", folder / "backup" / "IMG_0001 (copy).jpg")
    with Image.open(SAMPLES_DIR / "forest.jpg") as im:
        im.resize((im.width // 2, im.height // 2)).save(folder / "forest_small.jpg", quality=60)
    with Image.open(SAMPLES_DIR / "tiles.jpg") as im:
        im.transpose(Image.Transpose.ROTATE_90).save(folder / "tiles_rotated.png")
    shutil.copy(SAMPLES_DIR / "sunset.jpg", folder / "download.jpg")
    shutil.copy(SAMPLES_DIR / "marble.jpg", folder / "holiday.jpg")
    shutil.copy(SAMPLES_DIR / "stripes.jpg", folder / "wallpaper.jpg")
    shutil.copy(SAMPLES_DIR / "clip.mp4", folder / "clip.mp4")
    data = (SAMPLES_DIR / "marble.jpg").read_bytes()
    (folder / "broken.jpg").write_bytes(data[: len(data) // 3])
    (folder / "notes.txt").write_text("an ordinary text file\n", encoding="utf-8")
    with zipfile.ZipFile(folder / "export.zip", "w", zipfile.ZIP_DEFLATED) as zf:
        zf.write(SAMPLES_DIR / "harbour.jpg", "DCIM/harbour.jpg")
        zf.writestr("readme.txt", "nothing to see\n")


def run_demo(ctx: AppContext, workers: int, out: TextIO) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="childsafe-demo-") as tmp:
        root = Path(tmp)
        # A throw-away home: the demo never touches the user's own store.
        demo_ctx = AppContext(load_settings({"home": root / "home"}))
        try:
            store = demo_ctx.store
            store.create_bank("sample-known")
            bank = read_hash_list(SAMPLES_DIR / "sample-bank.csv", "csv")
            store.add_entries("sample-known", (NewEntry(e.signal_type, e.signal, e.label, e.source)
                                               for e in bank.entries))
            store.create_bank("sample-allowlist", allowlist=True)
            allow = read_hash_list(SAMPLES_DIR / "sample-allowlist.te", "te",
                                   default_source="sample allowlist")
            store.add_entries("sample-allowlist", (NewEntry(e.signal_type, e.signal, e.label,
                                                            e.source) for e in allow.entries))
            case = root / "case"
            build_case_folder(case)
            say(f"demo: banks loaded ({len(bank.entries)} known, {len(allow.entries)} allowlisted); "
                f"scanning {sum(1 for p in case.rglob('*') if p.is_file())} files with "
                f"rotations and flips on")
            matcher = demo_ctx.matcher()
            records: list[dict[str, Any]] = []
            options = ScanOptions(workers=workers, hash_options=demo_ctx.services.hash_options(dihedral=True))

            def emit(record: dict[str, Any]) -> None:
                record = dict(record, path=_relative(record["path"], case))
                records.append(record)
                out.write(json.dumps(record) + "\n")

            summary = run_scan(case, store, matcher, options, emit).to_record()
            out.write(json.dumps(summary) + "\n")
            for r in sorted(records, key=lambda r: r["path"]):
                say(_explain(r))
            return summary
        finally:
            demo_ctx.close()


def _relative(path: str, case: Path) -> str:
    return path.replace(str(case) + "/", "")


def _explain(r: dict[str, Any]) -> str:
    if r.get("error"):
        return f"  ERROR    {r['path']}: {r['error']}"
    if r.get("matches"):
        m = r["matches"][0]
        how = "identical" if m["distance"] == 0 else f"{m['distance']} bits apart"
        return f"  MATCH    {r['path']}: {m['signal_type']} {how}, bank {m['bank']} ({m['label']})"
    if r.get("allowlisted"):
        return f"  ALLOWED  {r['path']}: matched but on allowlist {r['allowlisted'][0]['bank']}"
    return f"  -        {r['path']}: no match"
