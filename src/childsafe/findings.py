"""One Finding: what every detector says, where, and why.

Media matches, text indicators and alerts, network leads, children at risk, triage results and faces
all describe the same thing: a score in [0, 1] with a label, a place (a file or archive member, a
video frame or a box, a message, an account or a graph node) and an :class:`Explanation` (which
detector, which evidence items, which context).  Consumers (the review queue, the API, exports and
reports) read this one type instead of one translation table per source.

Findings are plain data: :meth:`Finding.to_record` gives JSON-ready dicts and
:meth:`Finding.from_record` reads them back (never pickle), refusing a malformed record with
:class:`~childsafe.errors.InvalidFindingError` and ignoring keys it does not know, so a record
written by a newer version (with fields added) still reads.

This is a core module: it imports only the standard library and :mod:`childsafe.errors`, so every
domain can produce findings without importing another domain.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Final, TypeAlias

from childsafe.errors import InvalidFindingError

__all__ = ["RECORD_VERSION", "AuthorRiskSummary", "Evidence", "Explanation", "Finding", "Location", "Scalar",
           "box_location", "clamp_score", "context_of"]

#: Written into every record so a reader can tell a future, incompatible shape from this one.
RECORD_VERSION: Final = 1

#: A JSON scalar: what an evidence value or a context entry may hold (floats finite).
Scalar: TypeAlias = str | int | float | bool | None

_LOCATION_TEXT: Final = ("path", "member", "conversation", "account", "node")
_LOCATION_INT: Final = ("frame", "message_index")


def _check_scalar(name: str, value: object) -> Scalar:
    if value is None or isinstance(value, str | bool | int):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise InvalidFindingError(f"{name} must be a finite number, not {value!r}")
        return value
    raise InvalidFindingError(f"{name} must be a string, number, boolean or null, not {type(value).__name__}")


def _check_text(name: str, value: object, *, required: bool = False) -> str | None:
    if value is None and not required:
        return None
    if not isinstance(value, str) or (required and not value):
        raise InvalidFindingError(f"{name} must be a {'non-empty ' if required else ''}string, not {value!r}")
    return value


def _check_count(name: str, value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidFindingError(f"{name} must be a whole number >= 0, not {value!r}")
    return value


def _check_number(name: str, value: object, *, optional: bool = True) -> float | None:
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise InvalidFindingError(f"{name} must be a finite number, not {value!r}")
    return float(value)


def _or_empty(value: object) -> object:
    """A missing or null part reads as empty; any other value (a list, a string) is checked as given."""
    return {} if value is None else value


def _mapping(name: str, value: object) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise InvalidFindingError(f"{name} must be an object, not {type(value).__name__}")
    return value


@dataclass(frozen=True)
class Location:
    """Where a finding or an evidence item is; every part optional, the parts that apply are set.

    ``path`` is a file (for an archive member, the archive), ``member`` the member inside it,
    ``frame`` a video frame index and ``time`` seconds into a video, ``box`` ``(x, y, w, h)`` in the
    image's pixels; ``conversation`` and ``message_index`` (0-based, within the author's messages) a
    chat message; ``account`` an account and ``node`` a graph node (``account:<name>``, ``media:<id>``).
    """

    path: str | None = None
    member: str | None = None
    frame: int | None = None
    time: float | None = None
    box: tuple[int, int, int, int] | None = None
    conversation: str | None = None
    message_index: int | None = None
    account: str | None = None
    node: str | None = None

    def __post_init__(self) -> None:
        for name in _LOCATION_TEXT:
            _check_text(f"location {name}", getattr(self, name))
        for name in _LOCATION_INT:
            _check_count(f"location {name}", getattr(self, name))
        if self.time is not None and (_check_number("location time", self.time) or 0.0) < 0:
            raise InvalidFindingError(f"location time must not be negative, not {self.time!r}")
        if self.box is not None:
            if not isinstance(self.box, tuple) or len(self.box) != 4:
                raise InvalidFindingError(f"location box must be (x, y, w, h), not {self.box!r}")
            for part in self.box:
                _check_count("location box", part)

    @property
    def empty(self) -> bool:
        return self == Location()

    def to_record(self) -> dict[str, Any]:
        """The parts that are set (an empty location is ``{}``)."""
        out: dict[str, Any] = {}
        for name in ("path", "member", "frame", "time", "box", "conversation", "message_index", "account", "node"):
            value = getattr(self, name)
            if value is not None:
                out[name] = list(value) if name == "box" else value
        return out

    @classmethod
    def from_record(cls, record: object) -> Location:
        data = _mapping("location", record)
        box = data.get("box")
        if box is not None:
            if not isinstance(box, list | tuple) or len(box) != 4:
                raise InvalidFindingError(f"location box must be [x, y, w, h], not {box!r}")
            box = tuple(box)
        time = data.get("time")
        return cls(
            path=_check_text("location path", data.get("path")),
            member=_check_text("location member", data.get("member")),
            frame=_check_count("location frame", data.get("frame")),
            time=None if time is None else _check_number("location time", time),
            box=box,
            conversation=_check_text("location conversation", data.get("conversation")),
            message_index=_check_count("location message_index", data.get("message_index")),
            account=_check_text("location account", data.get("account")),
            node=_check_text("location node", data.get("node")),
        )


@dataclass(frozen=True)
class Evidence:
    """One item of evidence: what it is (``kind``), what it says (``text``), what it measured
    (``value``: a distance, a count, a matched word), where it is and how much it weighed."""

    kind: str
    text: str = ""
    value: Scalar = None
    where: Location = field(default_factory=Location)
    weight: float | None = None

    def __post_init__(self) -> None:
        _check_text("evidence kind", self.kind, required=True)
        _check_text("evidence text", self.text, required=False)
        _check_scalar("evidence value", self.value)
        if not isinstance(self.where, Location):
            raise InvalidFindingError("evidence where must be a Location")
        _check_number("evidence weight", self.weight)

    def to_record(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "text": self.text}
        if self.value is not None:
            out["value"] = self.value
        if not self.where.empty:
            out["where"] = self.where.to_record()
        if self.weight is not None:
            out["weight"] = self.weight
        return out

    @classmethod
    def from_record(cls, record: object) -> Evidence:
        data = _mapping("evidence", record)
        return cls(kind=str(_check_text("evidence kind", data.get("kind"), required=True)),
                   text=_check_text("evidence text", data.get("text")) or "",
                   value=_check_scalar("evidence value", data.get("value")),
                   where=Location.from_record(_or_empty(data.get("where"))),
                   weight=_check_number("evidence weight", data.get("weight")))


@dataclass(frozen=True)
class Explanation:
    """Why: the ``detector`` that spoke, the ``evidence`` it saw and the ``context`` it weighed it in
    (a bank and its threshold, a conversation's language, a model's probability)."""

    detector: str
    evidence: tuple[Evidence, ...] = ()
    context: Mapping[str, Scalar] = field(default_factory=dict, hash=False)

    def __post_init__(self) -> None:
        _check_text("explanation detector", self.detector, required=True)
        if not isinstance(self.evidence, tuple) or not all(isinstance(e, Evidence) for e in self.evidence):
            raise InvalidFindingError("explanation evidence must be a tuple of Evidence")
        for key, value in _mapping("explanation context", self.context).items():
            _check_text("explanation context key", key, required=True)
            _check_scalar(f"explanation context {key!r}", value)

    def to_record(self) -> dict[str, Any]:
        return {"detector": self.detector, "evidence": [e.to_record() for e in self.evidence],
                "context": dict(self.context)}

    @classmethod
    def from_record(cls, record: object) -> Explanation:
        data = _mapping("explanation", record)
        evidence = data.get("evidence", [])
        if not isinstance(evidence, list):
            raise InvalidFindingError("explanation evidence must be a list")
        return cls(detector=str(_check_text("explanation detector", data.get("detector"), required=True)),
                   evidence=tuple(Evidence.from_record(e) for e in evidence),
                   context=dict(_mapping("explanation context", _or_empty(data.get("context")))))


@dataclass(frozen=True)
class Finding:
    """A score in [0, 1] with a label, where it is, and why.

    ``source`` names the kind of work it is for a reviewer (``media``, ``text``, ``graph``,
    ``at_risk``, ``triage``, ``faces``); ``label`` what was found (``known_media``, ``grooming``,
    ``suspect``...).  Scores order human review; they never decide anything.
    """

    source: str
    label: str
    score: float
    where: Location
    explanation: Explanation

    def __post_init__(self) -> None:
        _check_text("finding source", self.source, required=True)
        _check_text("finding label", self.label, required=True)
        score = _check_number("finding score", self.score, optional=False)
        if score is None or not 0.0 <= score <= 1.0:
            raise InvalidFindingError(f"finding score must be in [0, 1], not {self.score!r}")
        if not isinstance(self.where, Location) or not isinstance(self.explanation, Explanation):
            raise InvalidFindingError("finding where must be a Location and explanation an Explanation")

    @property
    def detector(self) -> str:
        return self.explanation.detector

    @property
    def subject(self) -> str:
        """What a reviewer looks at: the file, the author or account, the node ('' when none is set)."""
        w = self.where
        return w.path or w.account or w.node or w.conversation or ""

    def reasons(self, *, leave_out: Collection[str] = ()) -> list[str]:
        """The evidence in words, one line each (the review queue's and reports' "why"), without the
        kinds in ``leave_out`` (a network lead's paths, say, which a page draws instead)."""
        return [e.text or e.kind for e in self.explanation.evidence if e.kind not in leave_out]

    def to_record(self) -> dict[str, Any]:
        return {"version": RECORD_VERSION, "source": self.source, "label": self.label, "score": self.score,
                "where": self.where.to_record(), "explanation": self.explanation.to_record()}

    @classmethod
    def from_record(cls, record: object) -> Finding:
        data = _mapping("finding", record)
        version = data.get("version", RECORD_VERSION)
        if version != RECORD_VERSION:
            raise InvalidFindingError(f"finding record version {version!r} is not {RECORD_VERSION} (newer childsafe?)")
        return cls(source=str(_check_text("finding source", data.get("source"), required=True)),
                   label=str(_check_text("finding label", data.get("label"), required=True)),
                   score=_check_number("finding score", data.get("score"), optional=False) or 0.0,
                   where=Location.from_record(_or_empty(data.get("where"))),
                   explanation=Explanation.from_record(data.get("explanation")))


@dataclass(frozen=True)
class AuthorRiskSummary:
    """What the conversation analysis concluded about an author, in the form it is stored and shared.

    ``childsafe text score`` keeps an author's highest risk, whether they alerted, in how many
    conversations and which indicator categories (an ``author_risk`` row); the network reads it as
    evidence (:class:`childsafe.graph.network.AuthorRisk` is this class) and the review queue as an
    item.  It lives in the core so that the text and graph domains share it without importing each
    other; the scorer's working state per conversation is :class:`childsafe.text.scoring.AuthorRisk`,
    and :func:`childsafe.text.findings.author_summary` turns one into the other.
    """

    risk: float
    alert: bool
    conversations: int
    indicators: tuple[str, ...] = ()
    #: The conversation analysis' view of the author, when it gives one: ``suspect``, ``at_risk``
    #: (the child being groomed) or ``other``; and an age the author stated in the conversation.
    role: str | None = None
    stated_age: int | None = None

    def finding(self, author: str) -> Finding:
        """The author as a finding: the risk as score, one evidence item per indicator category."""
        evidence = tuple(Evidence("indicator", f"indicator: {c.replace('_', ' ')}", c) for c in self.indicators) or (
            Evidence("model", "model risk only"),)
        return Finding("text", "grooming_risk", clamp_score(self.risk), Location(account=author),
                       Explanation("text_score", evidence, context_of([
                           ("alert", self.alert), ("conversations", self.conversations), ("role", self.role),
                           ("stated_age", self.stated_age)])))


def box_location(box: tuple[int, int, int, int] | None, path: str | None = None) -> Location:
    """A location with ``box`` when it is a valid ``(x, y, w, h)``; a plug-in's malformed box is left out
    rather than failing the result it came with."""
    try:
        return Location(path=path, box=box)
    except InvalidFindingError:
        return Location(path=path)


def clamp_score(value: float) -> float:
    """``value`` in [0, 1] (NaN as 0): for producers whose own scales may overshoot."""
    if math.isnan(value):
        return 0.0
    return min(1.0, max(0.0, float(value)))


def context_of(items: Iterable[tuple[str, object]]) -> dict[str, Scalar]:
    """A context mapping from pairs, leaving out None and turning what is not a JSON scalar into text."""
    out: dict[str, Scalar] = {}
    for key, value in items:
        if value is None:
            continue
        if isinstance(value, float) and not math.isfinite(value):
            continue
        out[key] = value if isinstance(value, str | bool | int | float) else str(value)
    return out
