"""``childsafe demo``: the main job, end to end, on the shipped sample data, as one case.

It builds a small case folder from the samples the way material turns up in practice (exact
copies, a re-compressed resize, a rotation, a copy inside a zip, a duplicate, a corrupt file,
an unrelated picture, a known false positive, a video), adds two short synthetic chats (a WhatsApp
and a Telegram export) and account events (one account posts a known photo), loads the sample bank
and allowlist into a throw-away store, runs the case (``case run``: hashes and matches, faces,
triage, conversations, the network) and writes its report (``case report``), saying what matched,
who is suspected, who is at risk and where the report is.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, TextIO

from PIL import Image

from childsafe.cli.context import AppContext
from childsafe.cli.output import say
from childsafe.config import load_settings
from childsafe.findings import Finding
from childsafe.media.hashlists import read_hash_list
from childsafe.samples import SAMPLES_DIR
from childsafe.store.base import NewEntry

__all__ = ["add_case_samples", "build_case_folder", "run_demo"]

CASE_SAMPLES_DIR = SAMPLES_DIR / "case"


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


def add_case_samples(folder: Path) -> None:
    """The demo case's conversations and account events: a WhatsApp export (with the known photo it
    attaches), a Telegram export and three event files (one account posts the known photo)."""
    for sample in sorted(CASE_SAMPLES_DIR.iterdir()):
        if sample.is_file():
            target = folder / ("events" if sample.suffix == ".csv" else "chats") / sample.name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(sample, target)
    shutil.copy(SAMPLES_DIR / "harbour.jpg", folder / "chats" / "IMG-20240302-WA0001.jpg")


def run_demo(ctx: AppContext, workers: int, out: TextIO, report_dir: Path | None = None) -> dict[str, Any]:
    """Run the sample case end to end and write its report (``report_dir``, by default ``demo-report``
    in the home); print each media item's scan line and, last, the summary line."""
    from childsafe.case.report import write_report
    from childsafe.case.report_input import build_report_input
    from childsafe.case.run import CaseRunOptions, RunInput, run_case

    target = report_dir or ctx.settings.home / "demo-report"
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
            add_case_samples(case)
            say(f"demo: banks loaded ({len(bank.entries)} known, {len(allow.entries)} allowlisted); running the "
                f"sample case over {sum(1 for p in case.rglob('*') if p.is_file())} files (photos, a video, a zip, "
                "two chat exports, account events) with rotations and flips on")
            records: list[dict[str, Any]] = []

            def emit(record: dict[str, Any]) -> None:
                record = dict(record, path=_relative(record["path"], case))
                records.append(record)
                out.write(json.dumps(record) + "\n")

            options = CaseRunOptions(workers=workers, dihedral=True, on_record=emit)
            summary = run_case(demo_ctx.services, "demo", [RunInput(case)], options)
            data = build_report_input(demo_ctx.services, "demo", [RunInput(case)],
                                      {"workers": workers, "dihedral": True})
            paths = write_report(data, target)
            media = next((s for s in summary.stages if s.stage == "media"), None)
            line = {"summary": True, "files": len(records), "matched": sum(bool(r.get("matches")) for r in records),
                    "errors": sum(bool(r.get("error")) for r in records), "case": summary.to_record(),
                    "report": str(paths.html), "seconds": round(summary.seconds, 3)}
            for r in sorted(records, key=lambda r: r["path"]):
                say(_explain(r))
            say(_people(data.findings, data.display_names))
            say(f"demo: {line['matched']} of {line['files']} files matched, "
                f"{summary.findings.get('suspect', 0)} suspect and {summary.findings.get('at_risk', 0)} at-risk "
                f"findings, {summary.to_record()['errors']} per-item errors; media stage "
                f"{media.seconds if media else 0:.1f} s, whole case {summary.seconds:.1f} s")
            say(f"demo: report written to {paths.html} (and report.pdf, findings.jsonl, custody.jsonl beside it)")
            out.write(json.dumps(line) + "\n")
            return line
        finally:
            demo_ctx.close()


def _people(findings: Sequence[Finding], names: Mapping[str, str]) -> str:
    """Who the case points at: the network's suspects and children at risk, with the chat names."""
    lines = []
    for label in ("suspect", "at_risk"):
        ranked = sorted((f for f in findings if f.label == label and f.where.conversation is None and f.where.account),
                        key=lambda f: -f.score)
        shown = [f"{f.where.account}" + (f" ({names[str(f.where.account)]})"
                                         if names.get(str(f.where.account), f.where.account) != f.where.account else "")
                 + f" {f.score:.2f}" for f in ranked[:5]]
        lines.append(f"  {label.replace('_', '-').upper():9}{', '.join(shown) or 'none'}")
    return "\n".join(lines)


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
