"""``childsafe faces``: detect faces, index them (descriptors only), search by image, cluster."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from childsafe.cli.case import CaseOption
from childsafe.cli.context import AppContext
from childsafe.cli.output import missing_paths_message, write_json
from childsafe.errors import ConfigError

app = typer.Typer(help="Detect faces and group the same person across media (descriptors only).",
                  no_args_is_help=True)

DetectorOption = Annotated[str, typer.Option("--detector", help="hog (default), haar or cnn.")]
MaxSideOption = Annotated[int | None, typer.Option(
    "--max-side", help="Scale images to this long side before detecting (default 1024; larger finds "
                       "smaller faces in big photos, more slowly).")]
ThresholdOption = Annotated[float, typer.Option(min=0.0, max=2.0, help="Match distance (dlib: 0.6).")]


@app.command("detect")
def detect(files: Annotated[list[Path], typer.Argument(help="Photos or videos.")],
           detector: DetectorOption = "hog", max_side: MaxSideOption = None) -> None:
    """One JSON object per file: path, faces [{box: [x, y, w, h], score}], error."""
    from childsafe.faces import detect_faces, get_detector

    chosen = get_detector(detector, max_side)
    for path in files:
        write_json(detect_faces(path, chosen).to_record())
    missing = [path for path in files if not path.is_file()]
    if missing:  # every file got its line; a missing path is a usage error (exit 2)
        raise ConfigError(missing_paths_message(missing))


@app.command("index")
def index(ctx: typer.Context,
          path: Annotated[Path, typer.Argument(exists=True, help="Folder, file or archive to index.")],
          detector: DetectorOption = "hog", max_side: MaxSideOption = None,
          workers: Annotated[int, typer.Option(
              min=1, help="Indexing processes; 1 (the default) indexes in this process.")] = 1,
          resume: Annotated[bool, typer.Option(help="Skip items indexed before and unchanged since.")] = True,
          case: CaseOption = None) -> None:
    """Detect and describe every face under PATH (folders, zip/tar archives) and store the descriptors.

    Never crops.  One JSON line per item indexed in this run (items unchanged since they were
    indexed are skipped), then a summary line; exits 130 when interrupted (the same command resumes).
    """
    ctx.obj.use_case(case)
    from childsafe.faces.indexing import FaceAnalyser
    from childsafe.media.archives import ArchiveLimits
    from childsafe.media.hashing import HashOptions
    from childsafe.scan import ScanOptions
    from childsafe.scan.jobs import index_faces_tree

    app_ctx: AppContext = ctx.obj
    settings = app_ctx.settings
    # One worker: this process (each worker process loads dlib's models again, ~1-2 s).
    options = ScanOptions(workers=workers, in_process=workers == 1,
                          hash_options=HashOptions.from_settings(settings),
                          archive_limits=ArchiveLimits.from_settings(settings), resume=resume, activity="faces",
                          retry_errors=False)
    counts, summary = index_faces_tree(path, app_ctx.store, FaceAnalyser(detector, max_side), options, write_json)
    write_json(dict(counts, summary=True, interrupted=summary.interrupted))
    if summary.interrupted:
        raise typer.Exit(130)


@app.command("search")
def search(ctx: typer.Context,
           image: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="Photo of the person.")],
           threshold: ThresholdOption = 0.6, detector: DetectorOption = "hog", case: CaseOption = None) -> None:
    """Indexed media showing the same person: {"matches": [{path, face_box, distance}]}."""
    ctx.obj.use_case(case)
    from childsafe.faces import get_detector
    from childsafe.faces.indexing import load_face_index, search_image

    write_json(search_image(image, load_face_index(ctx.obj.store), threshold, get_detector(detector)))


@app.command("cluster")
def cluster(ctx: typer.Context, threshold: ThresholdOption = 0.6, case: CaseOption = None) -> None:
    """Group every indexed face into people: {"clusters": [[{path, face_box}...]...]}."""
    ctx.obj.use_case(case)
    from childsafe.faces.indexing import cluster_faces, load_face_index

    write_json(cluster_faces(load_face_index(ctx.obj.store), threshold))
