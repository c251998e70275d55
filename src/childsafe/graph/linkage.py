"""Linkage: accounts that share identifiers or media are joined into persons, with a confidence.

Every identifier or media item used by 2..``max_shared`` accounts is a piece of evidence for each
pair of its accounts.  Its weight depends on its kind (an email or payment card singles out a person;
an IP address does not) and shrinks once more accounts share it than one person commonly runs
(``person_accounts / users``: a device shared by a family of four says less than one shared by a
person's three accounts).  A pair's confidence is the noisy-OR of its evidence, so two strong
identifiers link (payment and device: 0.7, 0.6 -> 0.88), one email links on its own (0.85) and a
device plus an IP, as a family shares them, does not (0.6, 0.15 -> 0.66).
Persons are the connected components of the pairs above ``threshold``, joined strongest pair first
(Kruskal); a person's confidence is that of the weakest pair that joined it, and its evidence lists
what each joining pair shared.

Two rules an investigator applies on top of the weights:

* **An exclusive strong identifier links.**  An email, phone, payment card or device used by exactly
  two accounts and nobody else is strong evidence of one person: the pair links (at
  ``exclusive_confidence``) whatever the kind's own weight says.
* **Households are not persons.**  Two accounts that look like a household (the same small-group IP,
  the same surname, the same declared ``household``/``family`` id or a ``relation`` column) are
  different people sharing a home: devices, payment cards and the home IP are what families share,
  so for such a pair only personal identifiers (email, phone, username) count.  The decision is
  explained either way: :func:`link_accounts` can return the household pairs it kept apart.

Hashed identifiers (``email_hmac`` …) are matched exactly like raw ones: two organisations that hash
with the same key link accounts without exchanging emails or phone numbers.  Media links on the same
item (equal signals of any registered type: SHA-256, MD5, a plug-in's) and on near-identical copies
of any perceptual type, each compared as its signal type says (PDQ within ``near_media_bits``; vPDQ
or a plug-in type by its own ``matches`` rule); however many files two accounts share, media count as
one piece of evidence (the strongest), so shared media alone never reaches the threshold: a ring
trades the same files between different people.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Final

import numpy as np
import numpy.typing as npt

from childsafe.errors import ConfigError, InvalidSignalError
from childsafe.findings import Evidence, Explanation, Finding, Location, clamp_score
from childsafe.graph.network import Network
from childsafe.media.pdq_index import pdq_hex_to_words
from childsafe.media.signals import SignalType, get_signal_type

__all__ = ["KIND_WEIGHTS", "LinkSettings", "Person", "link_accounts", "same_face_groups"]

#: Evidence weight of one identifier shared by exactly two accounts.
KIND_WEIGHTS: Final[dict[str, float]] = {
    "email": 0.85, "phone": 0.8, "payment": 0.7, "device": 0.6,
    "username": 0.5, "ip": 0.15, "url": 0.1, "other": 0.2,
}
#: Kinds a household shares between different people.
HOUSEHOLD_SHARED_KINDS: Final = frozenset({"device", "payment", "ip"})
_EXCLUSIVE_KINDS: Final = frozenset({"email", "phone", "payment", "device"})
_MEDIA: Final = "media"
_NEAR_MEDIA: Final = "near_media"


@dataclass(frozen=True)
class LinkSettings:
    threshold: float = 0.85
    max_shared: int = 20
    media_weight: float = 0.15
    near_media_weight: float = 0.1
    near_media_bits: int = 16
    #: Accounts one person commonly runs: an identifier shared by up to this many is not discounted.
    person_accounts: int = 3
    #: Confidence of a pair sharing a strong identifier nobody else uses (outside a household).
    exclusive_confidence: float = 0.9
    kind_weights: dict[str, float] = field(default_factory=lambda: dict(KIND_WEIGHTS))

    def __post_init__(self) -> None:
        if not 0.0 < self.threshold <= 1.0:
            raise ConfigError(f"link threshold must be in (0, 1], got {self.threshold}")
        if self.max_shared < 2:
            raise ConfigError("max_shared must be at least 2")
        if self.person_accounts < 2:
            raise ConfigError("person_accounts must be at least 2")


@dataclass
class Person:
    person: str
    accounts: list[str]
    evidence: list[dict[str, Any]]
    confidence: float

    def to_record(self) -> dict[str, Any]:
        return {"person": self.person, "accounts": self.accounts, "evidence": self.evidence,
                "confidence": round(self.confidence, 4)}

    def finding(self) -> Finding:
        """This person as a finding: the linked accounts' pairs and what each pair shares are the evidence."""
        evidence = []
        for pair in self.evidence:
            accounts = " & ".join(str(a) for a in pair.get("accounts") or [])
            for item in pair.get("shared") or []:
                weight = item.get("weight")
                evidence.append(Evidence("shared", f"{accounts} share {item.get('what')}", accounts,
                                         Location(node=f"person:{self.person}"),
                                         float(weight) if isinstance(weight, int | float) else None))
        return Finding("graph", "same_person", clamp_score(self.confidence), Location(node=f"person:{self.person}"),
                       Explanation("account_linkage", tuple(evidence),
                                   {"accounts": ", ".join(self.accounts), "size": len(self.accounts)}))


def link_accounts(net: Network, settings: LinkSettings | None = None,
                  kept_apart: list[dict[str, Any]] | None = None) -> list[Person]:
    """Persons of two or more accounts, most confident first.

    ``kept_apart``, when given, receives one explained record per pair that shares a strong identifier
    but was not linked because it looks like a household.
    """
    s = settings or LinkSettings()
    shared: dict[tuple[int, int], list[tuple[str, float]]] = defaultdict(list)
    exclusive: dict[tuple[int, int], list[str]] = defaultdict(list)
    _identifier_evidence(net, s, shared, exclusive)
    _media_evidence(net, s, shared)
    pairs = []
    for (a, b), items in shared.items():
        household = _household(net, a, b, items)
        if household:
            personal = [(what, w) for what, w in items if what.split(":", 1)[0].removesuffix("_hmac")
                        not in HOUSEHOLD_SHARED_KINDS]
            confidence = _confidence(personal)
            items = [*items, (f"household pattern ({'; '.join(household)}): devices, cards and the home IP "
                              "do not count", 0.0)]
            if confidence < s.threshold:
                if kept_apart is not None and (exclusive.get((a, b)) or any(
                        what.split(":", 1)[0].removesuffix("_hmac") in _EXCLUSIVE_KINDS for what, _ in items)):
                    kept_apart.append({"accounts": sorted([net.accounts[a], net.accounts[b]]), "linked": False,
                                       "household": household,
                                       "shared": [what for what, w in items if w > 0],
                                       "why": "a household pattern: different people sharing a home share "
                                              "devices, payment cards and the home IP"})
                continue
        else:
            confidence = _confidence(items)
            if exclusive.get((a, b)) and confidence < s.exclusive_confidence:
                confidence = s.exclusive_confidence
                items = [*items, (f"exclusive: {', '.join(exclusive[(a, b)])} used by these two accounts and "
                                  "nobody else", s.exclusive_confidence)]
        if confidence >= s.threshold:
            pairs.append((confidence, a, b, items))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    parent = list(range(net.n_accounts))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    joins: dict[int, list[tuple[float, int, int, list[tuple[str, float]]]]] = defaultdict(list)
    for confidence, a, b, items in pairs:
        ra, rb = find(a), find(b)
        if ra == rb:
            continue
        parent[rb] = ra
        joins[ra].extend(joins.pop(rb, []))
        joins[ra].append((confidence, a, b, items))
    persons = []
    for links in joins.values():
        members = sorted({net.accounts[x] for _, a, b, _ in links for x in (a, b)})
        evidence = [{"accounts": sorted([net.accounts[a], net.accounts[b]]), "confidence": round(c, 4),
                     "shared": [{"what": what, "weight": round(w, 4)} for what, w in items]}
                    for c, a, b, items in sorted(links, key=lambda x: -x[0])]
        person_id = "person-" + hashlib.sha256("\n".join(members).encode()).hexdigest()[:16]
        persons.append(Person(person_id, members, evidence, min(c for c, *_ in links)))
    persons.sort(key=lambda p: (-p.confidence, -len(p.accounts), p.person))
    return persons


def _identifier_evidence(net: Network, s: LinkSettings, shared: dict[tuple[int, int], list[tuple[str, float]]],
                         exclusive: dict[tuple[int, int], list[str]]) -> None:
    groups = _groups(net.uses_identifier, net.uses_account, s.max_shared)
    for ident, accounts in groups:
        kind = net.ident_kind[ident]
        weight = s.kind_weights.get(kind, s.kind_weights.get("other", 0.2))
        _add_pairs(shared, accounts, net.identifier_name(ident), weight, s.person_accounts)
        if len(accounts) == 2 and kind in _EXCLUSIVE_KINDS:
            exclusive[(accounts[0], accounts[1])].append(net.identifier_name(ident))


def _household(net: Network, a: int, b: int, items: list[tuple[str, float]]) -> list[str]:
    """Why ``a`` and ``b`` look like a household (empty when they do not)."""
    why = []
    if any(what.startswith(("ip:", "ip_hmac:")) for what, _ in items):
        why.append("same home IP")
    at, bt = net.attributes.get(a, {}), net.attributes.get(b, {})
    for key, text in (("surname", "same surname"), ("household", "same declared household"),
                      ("family", "same declared family")):
        if at.get(key) and at.get(key, "").strip().lower() == bt.get(key, "").strip().lower():
            why.append(text)
    for x, y in ((at, net.accounts[b]), (bt, net.accounts[a])):
        if y in {v.strip() for v in x.get("relation", "").split(",")}:
            why.append("declared family relation")
    return why


def _media_evidence(net: Network, s: LinkSettings, shared: dict[tuple[int, int], list[tuple[str, float]]]) -> None:
    for media, accounts in _groups(net.post_media, net.post_account, s.max_shared):
        _add_pairs(shared, accounts, f"{_MEDIA}:{net.media_name(media)}", s.media_weight, s.person_accounts)
    if s.near_media_weight <= 0:
        return
    # Near-identical (re-encoded) copies can never link on their own (their weight is below the
    # threshold), so they are only looked for between accounts that already share something:
    # a few thousand small comparisons instead of a PDQ search per media item of the network.
    media_of = _media_pdqs(net)
    for (a, b), items in list(shared.items()):
        wa, wb = media_of.get(a), media_of.get(b)
        if wa is None or wb is None:
            continue
        dist = _popcount(wa[1][:, None, :] ^ wb[1][None, :, :])
        for i, j in zip(*np.nonzero((dist > 0) & (dist <= s.near_media_bits)), strict=True):
            m1, m2 = int(wa[0][i]), int(wb[0][j])
            what = f"{_NEAR_MEDIA}:{net.media_name(m1)}~{net.media_name(m2)} ({int(dist[i, j])} bits)"
            items.append((what, s.near_media_weight))
    for kind, values in net.media_signals.items():
        perceptual = _perceptual(kind)
        if kind != "pdq" and perceptual is not None and any(values):
            _near_media_of_type(net, s, shared, perceptual, values)


def _perceptual(kind: str) -> type[SignalType] | None:
    """The registered perceptual (non-exact) signal type called ``kind``, or None."""
    try:
        found = get_signal_type(kind)
    except (InvalidSignalError, ConfigError):  # stored by a plug-in that is not installed now
        return None
    return None if found.exact else found


def _near_media_of_type(net: Network, s: LinkSettings, shared: dict[tuple[int, int], list[tuple[str, float]]],
                        kind: type[SignalType], values: list[str]) -> None:
    """Near copies by a perceptual type other than PDQ (which has the vectorised path above): the
    type's own ``matches`` rule and ``distance``, between accounts that already share something."""
    owned: dict[int, set[int]] = defaultdict(set)
    for a, m in zip(net.post_account.tolist(), net.post_media.tolist(), strict=True):
        if values[m]:
            owned[a].add(m)
    for (a, b), items in list(shared.items()):
        for m1 in sorted(owned.get(a, ())):
            for m2 in sorted(owned.get(b, ())):
                x, y = values[m1], values[m2]
                if x == y:
                    continue
                try:
                    near = kind.matches(x, y)
                    distance = kind.distance(x, y) if near else 0
                except InvalidSignalError:  # a stored value this version of the type refuses
                    continue
                if near:
                    what = f"{_NEAR_MEDIA}:{net.media_name(m1)}~{net.media_name(m2)} ({kind.name} distance {distance})"
                    items.append((what, s.near_media_weight))


def _media_pdqs(net: Network) -> dict[int, tuple[npt.NDArray[np.int64], npt.NDArray[np.uint64]]]:
    """Per account: its media numbers and their PDQs as four 64-bit words."""
    with_pdq = np.array([bool(p) for p in net.media_pdq], bool)
    if not with_pdq.any():
        return {}
    words = np.zeros((net.n_media, 4), np.uint64)
    words[with_pdq] = pdq_hex_to_words([p for p in net.media_pdq if p])
    keep = with_pdq[net.post_media]
    acc, med = net.post_account[keep], net.post_media[keep]
    order = np.argsort(acc, kind="stable")
    acc, med = acc[order], med[order]
    bounds = np.flatnonzero(np.r_[True, acc[1:] != acc[:-1], True])
    out = {}
    for lo, hi in zip(bounds[:-1].tolist(), bounds[1:].tolist(), strict=True):
        ms = np.unique(med[lo:hi]).astype(np.int64)
        out[int(acc[lo])] = (ms, words[ms])
    return out


def _popcount(x: npt.NDArray[np.uint64]) -> npt.NDArray[np.int64]:
    return np.asarray(np.bitwise_count(x).sum(axis=-1), np.int64)


def _groups(item: npt.NDArray[np.int32], account: npt.NDArray[np.int32],
            max_shared: int) -> list[tuple[int, list[int]]]:
    """(item, distinct accounts) for items used by 2..max_shared accounts."""
    if item.size == 0:
        return []
    width = int(account.max()) + 1
    keys = np.unique(item.astype(np.int64) * width + account.astype(np.int64))
    items, accounts = keys // width, keys % width
    bounds = np.flatnonzero(np.r_[True, items[1:] != items[:-1], True])
    out = []
    for lo, hi in zip(bounds[:-1].tolist(), bounds[1:].tolist(), strict=True):
        if 2 <= hi - lo <= max_shared:
            out.append((int(items[lo]), accounts[lo:hi].tolist()))
    return out


def _confidence(items: list[tuple[str, float]]) -> float:
    """Noisy-OR of the identifiers and of the single strongest shared media item."""
    weights = [w for what, w in items if not what.startswith((f"{_MEDIA}:", f"{_NEAR_MEDIA}:"))]
    media = [w for what, w in items if what.startswith((f"{_MEDIA}:", f"{_NEAR_MEDIA}:"))]
    if media:
        weights.append(max(media))
    return 1.0 - float(np.prod([1.0 - w for w in weights]))


def _add_pairs(shared: dict[tuple[int, int], list[tuple[str, float]]], accounts: list[int], what: str,
               weight: float, undiscounted: int) -> None:
    scaled = weight * min(1.0, undiscounted / len(accounts))
    for i, a in enumerate(accounts):
        for b in accounts[i + 1:]:
            shared[(a, b)].append((what, scaled))


def same_face_groups(net: Network) -> list[dict[str, Any]]:
    """Victim identification: each face person seen in media of two or more accounts, with those
    accounts and media (the same child in several accounts' files).  Needs a network loaded with
    faces; such accounts are *not* linked into one person: they share images, not an owner."""
    media_of: dict[int, set[int]] = defaultdict(set)
    for item, face in net.media_faces:
        media_of[face].add(item)
    posters: dict[int, set[int]] = defaultdict(set)
    for a, m in zip(net.post_account.tolist(), net.post_media.tolist(), strict=True):
        posters[m].add(a)
    out: list[dict[str, Any]] = []
    for face, items in sorted(media_of.items()):
        accounts = sorted({net.accounts[a] for m in items for a in posters.get(m, ())})
        if len(accounts) >= 2:
            out.append({"face": f"person-{face}", "accounts": accounts,
                        "media": sorted(net.media_name(m) for m in items),
                        "why": "the same face appears in media these accounts shared"})
    out.sort(key=lambda g: (-len(g["accounts"]), g["face"]))
    return out
