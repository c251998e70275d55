"""The stages of a case run, each over what the survey found (:mod:`childsafe.case.inputs`).

* :func:`media_stage`: the scan's one walk over every added path (hash, match against the banks, and
  the faces and triage analysers in the same pass); resumes item by item like ``scan``;
* :func:`face_groups_stage`: the hook for grouping faces across media (:data:`FACE_GROUPER`);
* :func:`conversations_stage`: every chat export scored as ``text score`` does (author risks and
  roles kept for the network and the review queue);
* ``network_stage`` (:mod:`childsafe.case.stages_network`): event files and the chats' participants,
  messages and attachments ingested;
* ``ranking_stage`` (the same module): the network ranked (known media reach it through the scan's
  records, roles through the author risks), suspects and children at risk as findings, and the
  drawing's data.

Each returns a :class:`StageResult`; :mod:`childsafe.case.run` decides which to run and records them.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Protocol

import numpy as np
from sqlalchemy import delete

from childsafe.case.inputs import InputItem
from childsafe.findings import Finding, Location
from childsafe.scan.runner import ItemReport, ScanOptions, run_pipeline
from childsafe.store.base import ScanRecord
from childsafe.store.schema import author_risk
from childsafe.store.sql import SqlStore

if TYPE_CHECKING:
    from childsafe.config import Settings
    from childsafe.matching import Matcher
    from childsafe.media.analysis import Analyser
    from childsafe.media.archives import ArchiveLimits
    from childsafe.media.hashing import HashOptions
    from childsafe.store.service import ServiceStore
    from childsafe.text.messages import Message, RecordError
    from childsafe.text.scoring import ConversationRisk

__all__ = ["FACE_GROUPER", "MAX_ERRORS", "MAX_PARTICIPANTS", "RiskRecorder", "RunServices", "StageContext",
           "StageResult", "conversations_stage", "face_groups_stage", "media_stage", "scan_records", "steady"]

#: Per-item errors kept per stage (the count is always exact).
MAX_ERRORS: Final = 1_000
#: Authors of one conversation that are scored; the messages of authors past it are left out (an
#: export with a million participants would otherwise hold a million authors' state).
MAX_PARTICIPANTS: Final = 10_000

#: Groups faces across media and accounts: given the case store, the ``face_group`` findings.  None
#: (the default) uses ``childsafe.store.face_groups.face_group_findings`` when this version has it.
FACE_GROUPER: Callable[[SqlStore], list[Finding]] | None = None
_FACE_GROUPS_MODULE: Final = "childsafe.store.face_groups"


class RiskRecorder(Protocol):
    """Keeps what text scoring found about each author (:class:`childsafe.services.AuthorRiskRecorder`)."""

    def record(self, result: ConversationRisk, source: str) -> None: ...


class RunServices(Protocol):
    """What a case run needs of the case's services (:class:`childsafe.services.Services`, a layer above)."""

    settings: Settings

    @property
    def store(self) -> SqlStore: ...

    @property
    def bank_store(self) -> SqlStore: ...

    def service_store(self) -> ServiceStore: ...

    def hash_options(self, *, dihedral: bool = False, max_file_bytes: int | None = None) -> HashOptions: ...

    def archive_limits(self) -> ArchiveLimits: ...

    def matcher(self, banks: Sequence[str] | None = None) -> Matcher: ...

    def author_risks(self) -> RiskRecorder: ...


@dataclass
class StageContext:
    services: RunServices
    case: str
    items: list[InputItem]
    roots: list[Path]
    banks: list[str]
    workers: int = 1
    faces: bool = True
    triage: bool = True
    #: Called with each item a stage finished (the progress display).
    tick: Callable[[int], None] = lambda _n: None
    #: Called with each media item's scan record (``childsafe scan``'s line), when set.
    on_record: Callable[[dict[str, Any]], None] | None = None
    dihedral: bool = False


@dataclass
class StageResult:
    items: int = 0
    error_count: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    note: str = ""
    output: dict[str, Any] = field(default_factory=dict)
    interrupted: bool = False

    def error(self, path: str | None, message: str) -> None:
        self.error_count += 1
        if len(self.errors) < MAX_ERRORS:
            self.errors.append({"path": path, "error": message})


# -- media ---------------------------------------------------------------------------------------


def media_stage(ctx: StageContext) -> StageResult:
    """Hash and match every file under the added paths, with faces and triage in the same walk."""
    result = StageResult()
    analysers, notes = _analysers(ctx)
    store = ctx.services.store
    options = ScanOptions(workers=ctx.workers, hash_options=ctx.services.hash_options(dihedral=ctx.dihedral),
                          archive_limits=ctx.services.archive_limits(), progress=False,
                          analysers=tuple(analysers), in_process=ctx.workers <= 1)
    matcher = ctx.services.matcher(ctx.banks or None)
    counts = {"matched": 0, "faces": 0, "resumed": 0, "flagged": 0}

    def take(item: ItemReport) -> None:
        result.items += 1
        ctx.tick(1)
        if ctx.on_record is not None:  # as ``scan`` reports it: descriptors (``_`` keys) stay behind
            analysed = {name: {k: v for k, v in found.items() if not k.startswith("_")}
                        for name, found in (item.record.get("analysis") or {}).items()}
            ctx.on_record({**item.record, "analysis": analysed} if analysed else item.record)
        counts["resumed"] += item.resumed
        if item.error is not None:
            result.error(item.path, item.error)
        for match in item.matched.matches:
            result.findings.append(match.finding(Location(path=item.path)))
        counts["matched"] += bool(item.matched.matches)
        analysis = item.record.get("analysis") or {}
        found = analysis.get("faces") or {}
        counts["faces"] += len(found.get("faces") or [])
        if "faces" in analysis and not item.resumed:
            _store_faces(store, item, found)
        if "triage" in analysis and not item.matched.matches:
            from childsafe.triage.engine import triage_result

            triaged = triage_result(item.record, item.matched)
            if triaged.signals is not None and triaged.signals.findings:
                counts["flagged"] += 1
                result.findings.append(triaged.finding())

    for root in ctx.roots:
        summary = run_pipeline(root, store, matcher, options, take)
        if summary.interrupted:
            result.interrupted = True
            break
    result.output = counts
    result.note = "; ".join([f"{counts['matched']} matched, {counts['faces']} faces, "
                             f"{counts['flagged']} flagged by classifiers, {counts['resumed']} resumed", *notes])
    return result


def _analysers(ctx: StageContext) -> tuple[list[Analyser], list[str]]:
    analysers: list[Analyser] = []
    notes: list[str] = []
    if ctx.faces:
        try:
            from childsafe.faces.indexing import FaceAnalyser

            analysers.append(FaceAnalyser("hog"))
        except ImportError as exc:
            notes.append(f"faces skipped ({exc})")
    if ctx.triage:
        from childsafe.errors import ModelNotAvailableError
        from childsafe.triage import TriageOptions, load_classifier
        from childsafe.triage.engine import TriageAnalyser, TriageModels

        try:
            classifiers = [load_classifier("nudenet")]
        except ModelNotAvailableError as exc:
            notes.append(f"triage without NudeNet ({exc})")
            classifiers = []
        models = TriageModels(tuple(c.name for c in classifiers), (), None)  # faces: the faces analyser
        options = TriageOptions(hash_options=ctx.services.hash_options(dihedral=ctx.dihedral))
        analysers.append(TriageAnalyser(classifiers, None, options,
                                        rebuild=models.load))
    return analysers, notes


def _store_faces(store: SqlStore, item: ItemReport, found: dict[str, Any]) -> None:
    from childsafe.faces.describe import DESCRIPTOR_SIZE

    boxes: list[dict[str, Any]] = found.get("faces", [])
    vectors = np.frombuffer(found.get("_descriptors", b""), np.float32).reshape(-1, DESCRIPTOR_SIZE)
    store.replace_faces(item.path, item.size, item.mtime_ns, item.error, [
        (*f["box"], f["score"], f.get("time"), vectors[i].tobytes()) for i, f in enumerate(boxes)
        if i < len(vectors)])


#: Digits scores keep in the run's findings: the network's and the face groups' scores are sums whose
#: last bits depend on the order things were stored in, which a rerun after a kill changes; the
#: findings must not.
SCORE_DIGITS: Final = 9


def steady(finding: Finding) -> Finding:
    """``finding`` with its score, evidence weights and values rounded to :data:`SCORE_DIGITS` digits."""
    def r(value: Any) -> Any:
        return round(value, SCORE_DIGITS) if isinstance(value, float) else value

    evidence = tuple(replace(e, value=r(e.value), weight=r(e.weight)) for e in finding.explanation.evidence)
    context = {k: r(v) for k, v in finding.explanation.context.items()}
    return replace(finding, score=r(finding.score),
                   explanation=replace(finding.explanation, evidence=evidence, context=context))


def scan_records(store: SqlStore, roots: Sequence[Path]) -> dict[str, ScanRecord]:
    """The stored scan records of every file under ``roots`` (archive members included)."""
    out: dict[str, ScanRecord] = {}
    for root in roots:
        key = str(Path(root).absolute())
        out.update(store.load_scan_records([key]))
        out.update(store.load_scan_records_under(key + "/"))
        out.update(store.load_scan_records_under(key + "!/"))
    return out


# -- faces across media --------------------------------------------------------------------------


def face_groups_stage(ctx: StageContext) -> StageResult:
    """Faces grouped across media and accounts, when a grouper is installed (:data:`FACE_GROUPER`)."""
    grouper = FACE_GROUPER or _installed_grouper()
    if grouper is None:
        return StageResult(note="not run: face grouping across media is not available in this version")
    if not ctx.faces:
        return StageResult(note="not run: faces are off")
    findings = [steady(f) for f in grouper(ctx.services.store)]
    return StageResult(items=len(findings), findings=findings, note=f"{len(findings)} face groups")


def _installed_grouper() -> Callable[[SqlStore], list[Finding]] | None:
    # Looked up by name: face grouping is built alongside (faces/groups.py, store/face_groups.py).
    try:
        module = importlib.import_module(_FACE_GROUPS_MODULE)
    except ImportError:
        return None
    found = getattr(module, "face_group_findings", None)
    return found if callable(found) else None


# -- conversations -------------------------------------------------------------------------------


def conversations_stage(ctx: StageContext) -> StageResult:
    """Score every chat export; keep each author's risk and role as ``text score`` does."""
    from childsafe.text.findings import conversation_findings, indicator_finding
    from childsafe.text.messages import RecordError
    from childsafe.text.readers import iter_messages
    from childsafe.text.scoring import score_stream

    result = StageResult()
    if ctx.services.store is not ctx.services.bank_store:
        # A case's own store: its author risks all come from its chats, and this stage scores every chat
        # again, so they are replaced, not added to (a rerun after a kill must not count twice).  In the
        # default case (the main store) they are the house's and are only added to, as by `text score`.
        with ctx.services.store.engine.begin() as conn:
            conn.execute(delete(author_risk))
    recorder = ctx.services.author_risks()
    conversations = 0
    for item in ctx.items:
        if item.kind != "chat" or item.local is None:
            continue
        ctx.tick(1)
        result.items += 1
        crowd = _Crowd()
        for scored in score_stream(_conversations(crowd.admit(iter_messages(item.local, item.fmt or "auto")))):
            if isinstance(scored, RecordError):
                where = f" (record {scored.record})" if scored.record else ""
                result.error(item.path, f"{scored.message}{where}")
                continue
            conversations += 1
            recorder.record(scored, item.path)
            for finding in conversation_findings(scored):
                if finding.label in ("suspect", "at_risk") or finding.score > 0:
                    result.findings.append(_at_path(finding, item.path))
            for author in scored.authors.values():
                result.findings.extend(_at_path(indicator_finding(f, author.author, scored.conversation_id), item.path)
                                       for f in author.findings)
        if crowd.dropped:
            result.error(item.path, f"{crowd.dropped:,} messages of participants past the first "
                                    f"{MAX_PARTICIPANTS:,} of a conversation were not scored")
    result.note = f"{conversations} conversations"
    result.output = {"conversations": conversations}
    return result


class _Crowd:
    """Bounds the participants scored per conversation."""

    def __init__(self) -> None:
        self.dropped = 0

    def admit(self, items: Iterator[Message | RecordError]) -> Iterator[Message | RecordError]:
        from childsafe.text.messages import Message

        current: str | None = None
        authors: set[str] = set()
        for item in items:
            if isinstance(item, Message):
                if item.conversation_id != current:
                    current, authors = item.conversation_id, set()
                if item.author not in authors:
                    if len(authors) >= MAX_PARTICIPANTS:
                        self.dropped += 1
                        continue
                    authors.add(item.author)
            yield item


def _conversations(items: Iterator[Message | RecordError]) -> Iterator[tuple[str, list[Message]] | RecordError]:
    """Consecutive messages of one conversation together (the readers' grouping, after the crowd bound)."""
    from childsafe.text.messages import RecordError

    batch: list[Message] = []
    for item in items:
        if isinstance(item, RecordError):
            yield item
            continue
        if batch and item.conversation_id != batch[0].conversation_id:
            yield batch[0].conversation_id, batch
            batch = []
        batch.append(item)
    if batch:
        yield batch[0].conversation_id, batch


def _at_path(finding: Finding, path: str) -> Finding:
    return replace(finding, where=replace(finding.where, path=path))
