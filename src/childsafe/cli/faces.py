"""``childsafe faces``: detect faces, index them (descriptors only), search by image, cluster."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

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
          path: Annotated[Path, typer.Argument(exists=True, help="Folder or file to index.")],
          detector: DetectorOption = "hog", max_side: MaxSideOption = None) -> None:
    """Detect and describe every face under PATH and store the descriptors (never crops)."""
    from rich.console import Console
    from rich.progress import Progress

    from childsafe.faces import get_detector
    from childsafe.faces.indexing import index_files, iter_walk_items

    app_ctx: AppContext = ctx.obj
    items: list[tuple[str, int, int]] = []
    for entry in iter_walk_items(path):
        if len(entry) == 2:
            write_json({"path": entry[0], "faces": [], "error": entry[1]})
        else:
            items.append(entry)
    console = Console(stderr=True)
    with Progress(console=console, transient=True, disable=not console.is_terminal) as progress:
        task = progress.add_task("faces", total=len(items))

        def on_item(record: dict[str, object]) -> None:
            progress.advance(task)
            if not record.get("skipped"):
                write_json(record)

        summary = index_files(items, app_ctx.store, get_detector(detector, max_side), on_item)
    write_json(dict(summary, summary=True))


@app.command("search")
def search(ctx: typer.Context,
           image: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="Photo of the person.")],
           threshold: ThresholdOption = 0.6, detector: DetectorOption = "hog") -> None:
    """Indexed media showing the same person: {"matches": [{path, face_box, distance}]}."""
    from childsafe.faces import get_detector
    from childsafe.faces.indexing import load_face_index, search_image

    write_json(search_image(image, load_face_index(ctx.obj.store), threshold, get_detector(detector)))


@app.command("cluster")
def cluster(ctx: typer.Context, threshold: ThresholdOption = 0.6) -> None:
    """Group every indexed face into people: {"clusters": [[{path, face_box}...]...]}."""
    from childsafe.faces.indexing import cluster_faces, load_face_index

    write_json(cluster_faces(load_face_index(ctx.obj.store), threshold))
