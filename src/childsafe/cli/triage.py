"""``childsafe triage``: unknown imagery in review order, most urgent first, with reasons."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from childsafe.cli.case import CaseOption
from childsafe.cli.context import AppContext
from childsafe.cli.main import app
from childsafe.cli.output import say, write_json
from childsafe.errors import ConfigError, ModelNotAvailableError

if TYPE_CHECKING:
    from childsafe.faces.detect import FaceDetector

FACE_DETECTOR_CHOICES = ("hog", "haar", "cnn", "none")


def _list_classifiers(value: bool) -> None:
    if not value:
        return
    from childsafe.triage import available_classifiers

    for entry in available_classifiers().values():
        write_json(entry.to_record())
    raise typer.Exit()


@app.command("triage")
def triage_command(
    ctx: typer.Context,
    path: Annotated[Path, typer.Argument(exists=True, help="Folder or file to triage.")],
    nudenet: Annotated[bool, typer.Option(
        "--nudenet/--no-nudenet", help="Use NudeNet (default when installed; a note on stderr when not).")] = True,
    classifier: Annotated[list[str] | None, typer.Option(
        "--classifier", help="Also run this registered classifier (repeatable; see --list-classifiers).")] = None,
    onnx: Annotated[list[Path] | None, typer.Option(
        "--onnx", exists=True, dir_okay=False, help="Also run the ONNX model this TOML file describes (repeatable).")
    ] = None,
    bank: Annotated[list[str] | None, typer.Option("--bank", help="Only these banks (repeatable).")] = None,
    face_detector: Annotated[str, typer.Option(help="hog, haar, cnn or none.")] = "hog",
    workers: Annotated[int, typer.Option(
        min=1, help="Analysing processes; 1 (the default) analyses in this process.")] = 1,
    resume: Annotated[bool, typer.Option(help="Skip items a previous run already triaged.")] = True,
    list_classifiers: Annotated[bool, typer.Option(
        "--list-classifiers", is_eager=True, expose_value=False, callback=_list_classifiers,
        help="List the registered classifiers (built-in and plug-in) and exit.")] = False,
    case: CaseOption = None,
) -> None:
    """Order every photo and video under PATH (folders, zip/tar archives) for human review.

    Prints one JSON object per line, highest priority first: {path, priority, reasons, faces,
    matches, findings, error, ...}.  A known-hash match dominates; classifier findings come next;
    faces raise priority a little.  Faces and nudity alone never decide: they order review.
    Files that cannot be read get priority 0 and their error as a reason.
    """
    ctx.obj.use_case(case)
    from childsafe.scan import ScanOptions
    from childsafe.scan.jobs import triage_tree
    from childsafe.triage import ImageClassifier, TriageOptions, load_classifier, load_onnx_classifier
    from childsafe.triage.engine import TriageAnalyser, TriageModels

    app_ctx: AppContext = ctx.obj
    names = list(dict.fromkeys(classifier or []))
    if not nudenet and "nudenet" in names:
        raise ConfigError("--no-nudenet contradicts --classifier nudenet: give one of them")
    classifiers: list[ImageClassifier] = []
    if nudenet and "nudenet" not in names:
        try:
            classifiers.append(load_classifier("nudenet"))
        except ModelNotAvailableError as exc:
            say(f"note: NudeNet skipped, no explicit-content likelihood in this run: {exc}")
    loaded = [c.name for c in classifiers] + names
    classifiers.extend(load_classifier(name) for name in names)
    classifiers.extend(load_onnx_classifier(spec) for spec in onnx or [])
    taken = [c.name for c in classifiers]
    if len(set(taken)) != len(taken):
        raise ConfigError(f"two classifiers share a name ({', '.join(taken)}); their findings would be confused")

    detector = _face_detector(face_detector)
    options = TriageOptions(hash_options=app_ctx.services.hash_options())
    # Loaded here once to fail early (exit 2 for a bad name or spec); each worker loads its own.
    models = TriageModels(tuple(loaded), tuple(onnx or []), detector.name if detector else None)
    analyser = TriageAnalyser(classifiers, detector, options, rebuild=models.load)
    # One worker: the models loaded above do the work here.  Each worker process loads its own
    # (about 3 s with NudeNet and dlib), which pays off on large folders and idle cores only.
    walk = ScanOptions(workers=workers, hash_options=options.hash_options, in_process=workers == 1,
                       archive_limits=app_ctx.services.archive_limits(), resume=resume,
                       activity="triage")
    results, done = triage_tree(path, app_ctx.store, app_ctx.matcher(bank or None), analyser, walk)
    results.sort(key=lambda r: (-r.priority, r.path))
    for r in results:
        write_json(r.to_record())
    known = sum(1 for r in results if r.signals and r.signals.matches)
    flagged = sum(1 for r in results if r.signals and r.signals.findings and not r.signals.matches)
    errors = sum(1 for r in results if r.signals and r.signals.error)
    used = ", ".join(taken) or "none"
    resumed = f", {done.resumed} resumed from an earlier run" if done.resumed else ""
    say(f"triaged {len(results)} files: {known} known-hash matches, {flagged} flagged by classifiers "
        f"({used}), {errors} not analysed (errors); faces: {detector.name if detector else 'off'}{resumed}")
    if done.interrupted:
        say("interrupted: what was finished is saved; the same command resumes")
        raise typer.Exit(130)


def _face_detector(name: str) -> FaceDetector | None:
    from childsafe.faces.detect import get_detector

    if name == "none":
        return None
    if name not in FACE_DETECTOR_CHOICES:
        raise ConfigError(f"unknown face detector {name!r} (choose {', '.join(FACE_DETECTOR_CHOICES)})")
    try:
        return get_detector(name)
    except ImportError as exc:
        if name == "hog":
            say(f"note: face detection skipped ({exc}); install dlib-bin for faces")
            return None
        raise ModelNotAvailableError(f"face detector {name!r} is not available: {exc}") from exc
