"""``childsafe text``: score conversations for grooming and sextortion risk; train and evaluate."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from childsafe.cli.case import CaseOption
from childsafe.cli.output import say, write_json
from childsafe.errors import ConfigError

app = typer.Typer(help="Grooming and sextortion risk in conversations.", no_args_is_help=True)

DEFAULT_TEXT_DATA = Path("..") / "shared" / "data" / "text"


def _text_data(data: Path | None) -> Path:
    chosen = data or Path(os.environ.get("CHILDSAFE_TEXT_DATA", DEFAULT_TEXT_DATA))
    if not chosen.is_dir():
        raise ConfigError(f"text data folder {chosen} not found: pass --data (the shared text data)")
    return chosen


@app.command("score")
def score(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help=(
        "Messages: JSONL, CSV, PAN 2012 XML, or an app's export (WhatsApp .txt, Telegram, Discord, "
        "Instagram/Facebook JSON)."))],
    format: Annotated[str, typer.Option(
        "--format", "--kind", help="auto (told from the content), jsonl, csv, pan12, whatsapp, telegram, discord, "
        "instagram, facebook or a plug-in's (childsafe plugins).")] = "auto",
    store: Annotated[bool, typer.Option(help="Keep each author's highest risk in the store for the graph.")] = True,
    case: CaseOption = None,
) -> None:
    """One JSON object per conversation: risk, and per author risk, alert_at and indicators.

    Unreadable records are reported on stderr as JSON lines; the rest is scored.  Each author's
    highest risk (not the messages) is kept in the store, where `childsafe graph rank` joins it.
    """
    ctx.obj.use_case(case)
    from childsafe.text.messages import RecordError
    from childsafe.text.readers import CHAT_FORMATS, iter_conversations
    from childsafe.text.scoring import score_stream

    if format != "auto" and format not in CHAT_FORMATS.names():
        raise ConfigError(f"unknown format {format!r}: use auto, {', '.join(CHAT_FORMATS.names())}")
    recorder = ctx.obj.services.author_risks() if store else None
    source = str(file.resolve())
    errors = conversations = 0
    for result in score_stream(iter_conversations(file, format)):
        if isinstance(result, RecordError):
            errors += 1
            sys.stderr.write(json.dumps({"record": result.record, "conversation_id": result.conversation_id,
                                         "error": result.message}) + "\n")
            continue
        conversations += 1
        if recorder is not None:
            recorder.record(result, source)
        write_json(result.to_record())
    say(f"text score: {conversations} conversations, {errors} records with errors")


@app.command("train")
def train(
    ctx: typer.Context,
    data: Annotated[Path | None, typer.Option(help="Shared text data folder (pj/, nps_chat.zip).")] = None,
    out: Annotated[Path | None, typer.Option(
        help="Where to write the model (default: text-model in the home; the package's own model is "
             "replaced only when this names its folder).")] = None,
    seed: Annotated[int, typer.Option(help="Seed for the split and the fit.")] = 20241124,
    chitchat: Annotated[bool, typer.Option(help="Add the bundled chitchat senders as ordinary negatives.")] = True,
) -> None:
    """Train the author-level model (reproducible: fixed seed, author-split) and save it with its metrics."""
    from childsafe.text.training import train_and_evaluate

    # The shipped model is what every install scores with: a retrain lands in the home unless
    # the package folder is named explicitly.
    target = out or ctx.obj.settings.home / "text-model"
    text_data = _text_data(data)
    result = train_and_evaluate(text_data, seed=seed, include_chitchat=chitchat,
                                progress=lambda m: say(f"train: {m}"))
    result.model.save(target)
    say(f"train: model saved to {target} (evaluate it with: childsafe text eval --model {target})")
    write_json(result.report)


@app.command("eval")
def evaluate(
    data: Annotated[Path | None, typer.Option(help="Shared text data folder (pj/, nps_chat.zip).")] = None,
    model_dir: Annotated[Path | None, typer.Option("--model", help="Model folder (default: the shipped one).")] = None,
    suite: Annotated[Path | None, typer.Option(help="A synthetic suite folder (conversations.jsonl, labels.jsonl): "
                                                    "per-family, per-language tables instead of the held-out authors.")
                     ] = None,
    model_only: Annotated[bool, typer.Option("--model-only", help="Held-out authors: the model alone, fast.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")] = False,
) -> None:
    """Evaluate on the authors held out from training (same seed, same split), or on a synthetic suite.

    Held-out authors are scored twice in one run: the model alone (today's English-only decision) and the
    whole streaming scorer (evidence fusion, sextortion rule, model gated by a minor cue).
    """
    from childsafe.text.model import AuthorModel, load_default_model

    model = AuthorModel.load(model_dir) if model_dir else load_default_model()
    if suite is not None:
        from childsafe.text.suite_eval import evaluate_suite, format_suite_report

        if not (suite / "conversations.jsonl").is_file() or not (suite / "labels.jsonl").is_file():
            raise ConfigError(f"{suite} is not a suite folder: it needs conversations.jsonl and labels.jsonl")
        suite_report = evaluate_suite(suite, model)
        if as_json:
            write_json(suite_report)
        else:
            sys.stdout.write(format_suite_report(suite_report))
        return
    from childsafe.text.training import evaluate_model, evaluate_scorer, held_out_authors

    seed = int(model.info.get("trained_on", {}).get("seed", 20241124))
    authors = held_out_authors(_text_data(data), seed)
    report: dict[str, Any] = {"model_alone": evaluate_model(model, authors, progress=lambda m: say(f"eval: {m}"))}
    if not model_only:
        report["scorer"] = evaluate_scorer(authors, model, progress=lambda m: say(f"eval: {m}"))
    if as_json:
        write_json(report if not model_only else report["model_alone"])
        return
    sys.stdout.write("## Model alone\n\n" + format_report(report["model_alone"]))
    if "scorer" in report:
        sys.stdout.write("\n## Whole scorer (evidence fusion, sextortion rule, model gated by a minor cue)\n\n"
                         + format_report(report["scorer"]))


def format_report(report: dict[str, Any]) -> str:
    """Markdown tables (they read well on a terminal and paste into the README)."""
    lines = [f"Held-out authors: {report['authors']} ({report['messages']} messages); "
             f"threshold {report['threshold']}, alerts from message {report['min_messages']}", "",
             "| window | negatives | authors | precision | recall | F1 | F0.5 | ROC-AUC |",
             "|---|---|---|---|---|---|---|---|"]
    for window, rows in report["windows"].items():
        for negatives, r in rows.items():
            label = {"all": "decoys + ordinary", "decoy": "decoys only", "ordinary": "ordinary only"}[negatives]
            lines.append(f"| {window.replace('_', ' ')} | {label} | {r['authors']} | {r['precision']:.3f} | "
                         f"{r['recall']:.3f} | {r['f1']:.3f} | {r['f05']:.3f} | {r['roc_auc']:.3f} |")
    e, fa = report["early"], report["false_alarms"]
    lines += ["", f"Early warning: {e['offenders_alerted']}/{e['offenders']} offenders alerted; median "
              f"{e['median_messages_to_alert']} of their messages before the alert; latency-weighted F1 "
              f"{e['latency_f1']:.3f} (F1 {e['f1']:.3f}, F0.5 {e['f05']:.3f}).",
              f"False alarms: {fa['alerted']}/{fa['ordinary_authors_20plus']} ordinary-chat authors with >= 20 "
              f"messages ({100 * fa['rate']:.2f}%); decoys alerted: {fa['decoys_alerted']}/{fa['decoys']}.", ""]
    return "\n".join(lines)
