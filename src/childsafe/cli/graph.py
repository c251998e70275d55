"""``childsafe graph``: ingest network events, rank accounts, link persons, find key actors, export."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from childsafe.cli.case import CaseOption
from childsafe.cli.context import AppContext
from childsafe.cli.output import say, write_json
from childsafe.errors import ConfigError

if TYPE_CHECKING:
    from childsafe.graph.network import Network
    from childsafe.graph.rank import RankResult

app = typer.Typer(help="Map offender networks: ingest events, rank accounts, link persons, export.",
                  no_args_is_help=True)

SeedsOption = Annotated[Path | None, typer.Option("--seeds", exists=True, dir_okay=False,
                                                  help="Confirmed account ids, one per line.")]
TopOption = Annotated[int, typer.Option("--top", min=1, help="How many results.")]
FacesOption = Annotated[bool, typer.Option(
    "--faces", help="Use the face index: media showing the same face are tied (an edge, explained in paths).")]


@app.command("ingest")
def ingest(
    ctx: typer.Context,
    files: Annotated[list[Path], typer.Argument(help="CSV or JSON Lines event files.")],
    kind: Annotated[str, typer.Option("--kind", help="messages, identifiers, media, accounts or auto.")] = "auto",
    hmac_key_file: Annotated[Path | None, typer.Option(
        "--hmac-key-file", exists=True, dir_okay=False,
        help="Store identifiers only as HMAC-SHA256 under this shared key (no raw emails or phones).")] = None,
    case: CaseOption = None,
) -> None:
    """Ingest events; one JSON line per file, bad rows as JSON lines on stderr.  Re-ingest adds nothing.

    Exits 2 when no file could be read at all (missing, or its kind or header not understood),
    1 when files were read but none of their rows could be used.
    """
    ctx.obj.use_case(case)
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TaskID, TextColumn, TimeElapsedColumn

    from childsafe.graph.events import EVENT_BUILDERS
    from childsafe.store.graph import GraphStore

    if kind != "auto" and kind not in EVENT_BUILDERS.names():
        raise ConfigError(f"unknown kind {kind!r}: use auto, {', '.join(EVENT_BUILDERS.names())}")
    key = _read_key(hmac_key_file) if hmac_key_file else None
    graph = GraphStore(ctx.obj.store)
    console = Console(stderr=True)
    failed = unreadable = 0
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), console=console,
                  transient=True, disable=not console.is_terminal) as progress:
        for path in files:
            task = progress.add_task(f"{path.name}: 0 rows")

            def show(rows: int, task: TaskID = task, name: str = path.name) -> None:
                progress.update(task, description=f"{name}: {rows:,} rows")

            report = graph.ingest_file(path, kind, hmac_key=key, progress=show)
            progress.remove_task(task)
            for error in report.errors:
                write_json({"path": str(path), "row": error.row, "error": error.message}, sys.stderr)
            if report.error_count > len(report.errors):
                say(f"{path}: {report.error_count - len(report.errors)} more bad rows not shown")
            if report.rows == 0 and report.error_count and not report.skipped_file:
                failed += 1
                unreadable += any(error.whole_file for error in report.errors)
            write_json(report.to_record())
    if failed == len(files):
        # A file that cannot be opened or whose header names no known column is a usage error.
        raise typer.Exit(2 if unreadable == failed else 1)


@app.command("label")
def label(
    ctx: typer.Context,
    account: str,
    as_: Annotated[str, typer.Option("--as", help="confirmed, cleared or reported.")],
    reason: Annotated[str | None, typer.Option(help="Why (kept with the label).")] = None,
    minor_override: Annotated[bool, typer.Option(
        "--minor-override", help="Confirm an account that looks like a minor (administrator decision; needs --reason).")
    ] = False,
    case: CaseOption = None,
) -> None:
    """Record a decision or report about an account; confirmed accounts seed the ranking."""
    ctx.obj.use_case(case)
    from childsafe.store.graph import GraphStore

    GraphStore(ctx.obj.store).add_label(account, as_, reason=reason, source="cli", admin=minor_override)
    write_json({"account": account, "label": as_, "reason": reason})


@app.command("rank")
def rank(ctx: typer.Context, seeds: SeedsOption = None, top: TopOption = 50, faces: FacesOption = False,
         case: CaseOption = None) -> None:
    """Ranked suspects: {account, role, score, reasons, paths} per line, riskiest first."""
    ctx.obj.use_case(case)
    result = _rank(ctx.obj, seeds, top, faces)
    for lead in result.leads:
        write_json(lead.to_record())


@app.command("at-risk")
def at_risk(ctx: typer.Context, seeds: SeedsOption = None, top: TopOption = 100, faces: FacesOption = False,
            case: CaseOption = None) -> None:
    """Children to safeguard: {account, exposure, reasons, paths, stated_age} per line, most exposed first."""
    ctx.obj.use_case(case)
    from childsafe.graph.atrisk import children_at_risk

    result = _rank(ctx.obj, seeds, 0, faces)
    for child in children_at_risk(result, top):
        write_json(child.to_record())


@app.command("link")
def link(
    ctx: typer.Context,
    threshold: Annotated[float, typer.Option(min=0.01, max=1.0, help="Pair confidence to link.")] = 0.85,
    kept_apart: Annotated[bool, typer.Option(
        "--kept-apart",
        help="Also print household pairs kept apart: {accounts, linked: false, household, why}.")] = False,
    faces: Annotated[bool, typer.Option(
        "--faces", help="Also print faces seen in media of several accounts: {face, accounts, media, why}.")] = False,
    case: CaseOption = None,
) -> None:
    """Persons of several accounts: {person, accounts, evidence, confidence} per line."""
    ctx.obj.use_case(case)
    from childsafe.graph.linkage import LinkSettings, link_accounts, same_face_groups

    net = _load(ctx.obj, match_media=False, faces=faces)
    apart: list[dict[str, object]] = []
    for person in link_accounts(net, LinkSettings(threshold=threshold), apart if kept_apart else None):
        write_json(person.to_record())
    for record in apart:
        write_json(record)
    for group in same_face_groups(net) if faces else []:
        write_json(group)


@app.command("actors")
def actors(ctx: typer.Context, seeds: SeedsOption = None, top: TopOption = 50,
           hops: Annotated[int, typer.Option(min=1, max=4, help="Neighbourhood size in account hops.")] = 1,
    case: CaseOption = None,
) -> None:
    """Key actors by network capital (risk x connectivity around confirmed and high-risk accounts)."""
    ctx.obj.use_case(case)
    from childsafe.graph.actors import communities, key_actors

    result = _rank(ctx.obj, seeds, top)
    confirmed = _confirmed(result, seeds)
    found = communities(result, confirmed, hops)
    for actor in key_actors(result, confirmed, top, hops, found):
        write_json(actor.to_record())


@app.command("communities")
def communities_command(ctx: typer.Context, seeds: SeedsOption = None,
                        hops: Annotated[int, typer.Option(min=1, max=4)] = 1,
    case: CaseOption = None,
) -> None:
    """Leiden communities around confirmed and evidenced accounts, members by risk."""
    ctx.obj.use_case(case)
    from childsafe.graph.actors import communities

    result = _rank(ctx.obj, seeds, 50)
    for community in communities(result, _confirmed(result, seeds), hops):
        write_json(community.to_record())


@app.command("export")
def export(
    ctx: typer.Context,
    fmt: Annotated[str, typer.Option("--format", help="graphml, gexf, json or edgelist (CSV).")],
    out: Annotated[Path, typer.Option("-o", "--output", dir_okay=False, help="File to write.")],
    seeds: SeedsOption = None,
    around: Annotated[list[str] | None, typer.Option(help="Only the neighbourhood of these accounts.")] = None,
    hops: Annotated[int, typer.Option(min=1, max=4)] = 2,
    case: CaseOption = None,
) -> None:
    """Write the graph with risk scores and communities for Gephi (GEXF), yEd/Cytoscape (GraphML) or the UI."""
    ctx.obj.use_case(case)
    from childsafe.graph.actors import communities, risk_neighbourhood
    from childsafe.graph.export import EXPORT_FORMATS, export_graph

    if fmt not in EXPORT_FORMATS:
        raise ConfigError(f"unknown format {fmt!r}: use {', '.join(EXPORT_FORMATS)}")
    result = _rank(ctx.obj, seeds, 1)
    rg = result.graph
    found = communities(result, _confirmed(result, seeds))
    index = rg.network.account_index()
    group = {index[name]: c.community for c in found for name in c.accounts}
    nodes = None
    if around:
        missing = [a for a in around if a not in index]
        if missing:
            raise ConfigError(f"unknown account(s): {', '.join(missing)}")
        nodes = risk_neighbourhood(rg, {index[a] for a in around}, hops)
    roles = [result.role_of(i) for i in range(rg.n_accounts)]
    counts = export_graph(rg, out, fmt, risk=result.fused, community=group, nodes=nodes, roles=roles)
    write_json({"path": str(out), "format": fmt, **counts})


@app.command("stats")
def stats(ctx: typer.Context, case: CaseOption = None) -> None:
    """Row counts of the network tables."""
    ctx.obj.use_case(case)
    from childsafe.store.graph import GraphStore

    write_json(GraphStore(ctx.obj.store).counts())


def _load(app_ctx: AppContext, match_media: bool = True, faces: bool = False) -> Network:
    from childsafe.store.graph import GraphStore, media_matcher

    started = time.perf_counter()
    matcher = media_matcher(app_ctx.matcher()) if match_media else None
    net = GraphStore(app_ctx.store).load(matcher, faces=faces)
    say(f"graph: {net.n_accounts:,} accounts, {len(net.msg_sender):,} messages, {net.n_identifiers:,} identifiers, "
        f"{net.n_media:,} media ({len(net.media_evidence):,} matching hash lists), "
        f"loaded in {time.perf_counter() - started:.1f} s"
        + (f"; {len({p for _, p in net.media_faces}):,} faces seen in several media" if faces else ""))
    return net


def _rank(app_ctx: AppContext, seeds: Path | None, top: int, faces: bool = False) -> RankResult:
    from childsafe.graph.rank import rank_accounts

    net = _load(app_ctx, faces=faces)
    names = _read_seeds(seeds) if seeds else []
    known = set(net.accounts)
    unknown = [n for n in names if n not in known]
    if unknown:
        say(f"graph: {len(unknown)} seed account(s) not in the graph, e.g. {unknown[0]!r}")
    started = time.perf_counter()
    result = rank_accounts(net, names, top=top)
    say(f"graph: ranked in {time.perf_counter() - started:.1f} s from {len(result.sources):,} evidence sources")
    return result


def _confirmed(result: RankResult, seeds: Path | None) -> set[int]:
    net = result.graph.network
    index = net.account_index()
    names = _read_seeds(seeds) if seeds else []
    return (net.confirmed() | {index[n] for n in names if n in index}) - net.cleared()


def _read_seeds(path: Path) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read seeds file {path}: {exc}") from exc
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def _read_key(path: Path) -> bytes:
    try:
        key = path.read_bytes().strip()
    except OSError as exc:
        raise ConfigError(f"cannot read the key file {path}: {exc}") from exc
    if len(key) < 32:
        raise ConfigError("the identifier hashing key must be at least 32 bytes; share a random key")
    return key

