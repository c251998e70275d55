"""The network as analyses see it: dense integer arrays, plus the evidence that other parts found.

A :class:`Network` is loaded from the store (``childsafe.store.graph``) or built directly in tests.
Accounts, identifiers and media are numbered ``0..n-1``; events are parallel arrays of those numbers,
so a 10M-message network is a few hundred MB of NumPy rather than millions of Python objects.
Message text is never part of it: the graph needs only who contacted whom, and when.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, Final

import numpy as np
import numpy.typing as npt

from childsafe.findings import AuthorRiskSummary

__all__ = [
    "NO_TIME",
    "STRONG_IDENTIFIER_KINDS",
    "AccountLabel",
    "AuthorRisk",
    "MediaEvidence",
    "Network",
    "is_minor",
    "signal_key",
]

#: A timestamp that was not given.
NO_TIME: Final = -1

#: Identifier kinds that single out a person (an IP address or a URL does not).
STRONG_IDENTIFIER_KINDS: Final = frozenset({"email", "phone", "device", "payment"})

#: Declared ages below this are treated as minors.
ADULT_AGE: Final = 18

I32 = npt.NDArray[np.int32]
I64 = npt.NDArray[np.int64]


@dataclass(frozen=True)
class MediaEvidence:
    """A shared media item matched a hash-list entry (or a scan recorded such a match)."""

    bank: str
    signal_type: str
    signal: str  # the hash-list entry's signal, so near-duplicates of one item meet on one node
    distance: int
    label: str | None = None
    source: str = "bank"  # "bank": matched now; "scan": recorded by a scan of the same file

    @property
    def entry(self) -> str:
        """The known item: a labelled item once per bank (its SHA-256 and PDQ entries are one item)."""
        return f"{self.bank}:{self.label}" if self.label else f"{self.bank}/{self.signal_type}:{self.signal}"

    def to_record(self) -> dict[str, object]:
        return {"bank": self.bank, "signal_type": self.signal_type, "signal": self.signal,
                "distance": self.distance, "label": self.label, "source": self.source}


#: The highest grooming/sextortion risk ``childsafe text score`` gave an author: the one shared
#: summary type of the core (the name is kept for the network's callers).
AuthorRisk = AuthorRiskSummary


@dataclass(frozen=True)
class AccountLabel:
    """A human decision or an imported report about an account."""

    label: str  # confirmed | cleared | reported
    reason: str | None
    source: str


LABELS: Final = ("confirmed", "cleared", "reported")


@dataclass
class Network:
    """Accounts, identifiers and media numbered densely, events as parallel arrays."""

    accounts: list[str]
    declared_age: npt.NDArray[np.float32]  # NaN when unknown
    created_at: I64  # Unix seconds or NO_TIME
    msg_sender: I32
    msg_recipient: I32
    msg_ts: I64
    msg_platform: npt.NDArray[np.int16]  # index into ``platforms``
    platforms: list[str]  # '' when not given
    ident_kind: list[str]
    ident_value: list[str]
    ident_hashed: npt.NDArray[np.bool_]
    uses_account: I32
    uses_identifier: I32
    media_sha256: list[str]  # '' when unknown
    media_pdq: list[str]  # '' when unknown
    post_account: I32
    post_media: I32
    post_ts: I64
    media_evidence: dict[int, list[MediaEvidence]] = field(default_factory=dict)
    author_risk: dict[int, AuthorRisk] = field(default_factory=dict)
    labels: dict[int, list[AccountLabel]] = field(default_factory=dict)
    #: Account columns beyond age and creation time (``surname``, ``household``, ``account_type``,
    #: ``minor`` …), only for accounts that have any: households and services are told from them.
    attributes: dict[int, dict[str, str]] = field(default_factory=dict)
    #: (media number, face person) pairs: the same person's face appears in each of these media.
    #: Filled only when a run asks for faces (``GraphStore.load(faces=True)``); persons are numbered 0..
    media_faces: list[tuple[int, int]] = field(default_factory=list)
    #: Media signals of every type by type name, each a list parallel to the media ('' when unknown).
    #: ``sha256`` and ``pdq`` are the two lists above (the same objects); other types (``md5``,
    #: ``vpdq``, a plug-in's) are present only when some media item carries them.
    media_signals: dict[str, list[str]] = field(default_factory=dict)
    #: Derived arrays computed once per network (see :func:`childsafe.graph.build.contact_pairs`).
    cache: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.media_signals = {"sha256": self.media_sha256, "pdq": self.media_pdq,
                              **{k: v for k, v in self.media_signals.items() if k not in ("sha256", "pdq")}}

    @property
    def n_accounts(self) -> int:
        return len(self.accounts)

    @property
    def n_identifiers(self) -> int:
        return len(self.ident_kind)

    @property
    def n_media(self) -> int:
        return len(self.media_sha256)

    def account_index(self) -> dict[str, int]:
        return {name: i for i, name in enumerate(self.accounts)}

    def minors(self) -> npt.NDArray[np.bool_]:
        """Accounts whose declared age says they are likely minors."""
        return is_minor(self.declared_age)

    def stated_minors(self) -> npt.NDArray[np.bool_]:
        """Likely minors by any account: declared age, a ``minor`` account column, or the conversation
        analysis (an author it called ``at_risk`` or who stated an age under 18)."""
        out = self.minors().copy()
        for i, attrs in self.attributes.items():
            if attrs.get("minor", "").strip().lower() in _TRUE:
                out[i] = True
        for i, r in self.author_risk.items():
            if r.role == "at_risk" or (r.stated_age is not None and r.stated_age < ADULT_AGE):
                out[i] = True
        return out

    def stated_age(self, i: int) -> int | None:
        """The age the account gave, declared or stated in a conversation (declared wins)."""
        age = float(self.declared_age[i]) if self.declared_age.size else float("nan")
        if age == age:  # not NaN
            return int(age)
        r = self.author_risk.get(i)
        return r.stated_age if r is not None else None

    def confirmed(self) -> set[int]:
        return {i for i, labels in self.labels.items() if _latest(labels) == "confirmed"}

    def cleared(self) -> set[int]:
        return {i for i, labels in self.labels.items() if _latest(labels) == "cleared"}

    def reports(self, account: int) -> int:
        return sum(1 for label in self.labels.get(account, ()) if label.label == "reported")

    def identifier_name(self, i: int) -> str:
        """``kind:value`` as shown in explanations (hashed values are already opaque digests)."""
        kind = self.ident_kind[i] + ("_hmac" if self.ident_hashed[i] else "")
        return f"{kind}:{self.ident_value[i]}"

    def media_name(self, i: int) -> str:
        """``type:signal`` of the item's first signal: SHA-256, PDQ, then the other types by name
        (a signal over 64 characters, a vPDQ, is named by its :func:`signal_key`)."""
        for kind in ("sha256", "pdq", *sorted(self.media_signals)):
            value = self.media_signals[kind][i]
            if value:
                return f"{kind}:{signal_key(value)}"
        return "sha256:"

    @classmethod
    def empty(cls) -> Network:
        i32 = np.zeros(0, np.int32)
        i64 = np.zeros(0, np.int64)
        return cls([], np.zeros(0, np.float32), i64, i32, i32, i64, np.zeros(0, np.int16), [], [], [],
                   np.zeros(0, bool), i32, i32, [], [], i32, i32, i64)


def signal_key(value: str) -> str:
    """A signal as names and indexes hold it: itself, or its SHA-256 when over 64 characters (a vPDQ
    is a JSON list of frames; names and B-tree index entries stay short)."""
    return value if len(value) <= 64 else hashlib.sha256(value.encode("utf-8")).hexdigest()


_TRUE: Final = frozenset({"1", "true", "yes", "y", "minor"})


def is_minor(declared_age: npt.NDArray[np.float32]) -> npt.NDArray[np.bool_]:
    with np.errstate(invalid="ignore"):
        return np.asarray(declared_age < ADULT_AGE)


def _latest(labels: list[AccountLabel]) -> str | None:
    """A decision overrides earlier ones; a report is not a decision."""
    decisions = [label.label for label in labels if label.label != "reported"]
    return decisions[-1] if decisions else None
