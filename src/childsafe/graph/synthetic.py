"""A deterministic synthetic platform with planted offender rings, for measuring network analysis.

:func:`generate_platform` writes the four event files that :mod:`childsafe.graph.events` reads
(``messages``, ``identifiers``, ``media``, ``accounts``; CSV with a header or JSON Lines) plus the
ground truth (``truth.json``, ``seeds.txt``).  The same :class:`PlatformSpec` (seed included) always
gives byte-identical files.  Rows are written as they are generated, chunk by chunk, so memory
grows with the number of accounts (a few arrays of integers), not with the number of messages;
rows are not sorted by time.

The population:

* **ordinary users** (a share of them minors, declared age 13-17) in small friendship clusters of
  one age group, messaging mostly inside their cluster and sometimes anyone; random media, and
  *viral* media posted by many users (half of the copies re-encoded: new sha256, PDQ a few bits
  off); unique identifiers, except for the noise: a few *public IPs* (TEST-NET ranges) each used by
  hundreds of accounts, *families* (two persons sharing a device and the home IP) and *alt accounts*
  (one person, two accounts sharing two or three of email/phone/device/payment);
* **hubs**: ordinary, high-degree accounts (support bots, coaches, influencers) that first-contact
  many distinct accounts, minors included, evenly over time: degree centrality alone ranks them
  above the offenders;
* **offender rings**: persons operating 1-3 accounts each (the alts share two or three of the
  person's email/phone/device/payment values, written in spelling variants that
  :func:`childsafe.graph.events.normalize_identifier` joins: case, gmail dots and ``+tag``, phone
  separators), sharing the ring's known-abuse media (exact sha256 copies and near-duplicates: the
  base PDQ with a few bits flipped) and first-contacting many distinct minors in short bursts, from
  a victim pool shared by the ring.  A few offender accounts per ring are confirmed ``seeds``.

Ground truth lists offender accounts, rings, the known-abuse media, the seeds, the minors contacted
by offenders and every *multi-account* person (offender persons are all listed, singletons
included); an account listed in no person is a person of its own.
"""
# long-module: one generator: the population, the planted rings and the four event writers draw from one spec and one
#   random stream, which keeps the files byte-identical seed for seed; split, that stream would have to be threaded
#   through every piece.

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from types import TracebackType
from typing import IO, Final

import numpy as np

from childsafe.errors import ConfigError

__all__ = [
    "FORMATS",
    "COLUMNS",
    "PlatformSpec",
    "AbuseMedia",
    "PlatformTruth",
    "generate_platform",
    "load_truth",
    "main",
]

FORMATS: Final = ("csv", "jsonl")
COLUMNS: Final[dict[str, tuple[str, ...]]] = {
    "messages": ("sender", "recipient", "timestamp", "platform"),
    "identifiers": ("account", "kind", "value"),
    "media": ("account", "sha256", "pdq", "timestamp"),
    "accounts": ("account", "declared_age", "created_at"),
}
PUBLIC_IP_PREFIXES: Final = ("203.0.113", "198.51.100", "192.0.2")
_STRONG_KINDS: Final = ("email", "phone", "device", "payment")
_PLATFORMS: Final = ("chat", "dm", "forum", "game")
_FIRST: Final = ("alex", "sam", "jo", "chris", "max", "lee", "kim", "pat", "robin", "charlie", "dana", "eli")
_LAST: Final = ("smith", "jones", "brown", "taylor", "wilson", "evans", "walker", "white", "green", "hall")
_DOMAINS: Final = ("gmail.com", "outlook.com", "yahoo.com", "proton.me", "mail.example")
_IP_FIRST_OCTETS: Final = (23, 31, 45, 62, 77, 81, 86, 92, 109, 151, 176, 185, 212, 217)
_CHUNK: Final = 4_000
_MASK64: Final = (1 << 64) - 1


@dataclass(frozen=True)
class PlatformSpec:
    """Parameters of a synthetic platform; every default is a named, documented number."""

    seed: int = 7
    accounts: int = 20_000  # ordinary users (hubs and offenders come on top)
    minor_fraction: float = 0.25
    cluster_size: int = 20
    within_cluster: float = 0.85  # share of ordinary messages that stay in the sender's cluster
    messages_per_account: float = 10.0  # mean messages sent by an ordinary account
    media_per_account: float = 1.0
    pdq_missing: float = 0.2  # share of ordinary media without a PDQ (videos, documents)
    viral_media: int = 20
    viral_sharers: int = 150
    public_ips: int = 4
    public_ip_users: int = 300
    family_fraction: float = 0.03  # share of ordinary accounts in a device-sharing family pair
    alt_fraction: float = 0.02  # share of ordinary accounts that are a person's second account
    hub_fraction: float = 0.002
    hub_contacts: int = 150
    rings: int = 6
    persons_per_ring: int = 5
    max_accounts_per_person: int = 3
    ring_media: int = 12  # known-abuse items per ring
    media_per_offender: int = 6
    exact_copy: float = 0.5  # share of offender posts that are exact copies (else near-duplicates)
    max_flipped_bits: int = 12
    victims_per_offender: int = 12
    burst_hours: float = 48.0
    seeds_per_ring: int = 1
    start: str = "2024-01-01T00:00:00"
    days: int = 90

    def __post_init__(self) -> None:
        positive = ("accounts", "cluster_size", "rings", "persons_per_ring", "max_accounts_per_person", "days")
        for name in positive:
            if getattr(self, name) < 1:
                raise ConfigError(f"PlatformSpec.{name} must be at least 1, got {getattr(self, name)}")
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, int | float) and not isinstance(value, bool) and value < 0:
                raise ConfigError(f"PlatformSpec.{f.name} must not be negative, got {value}")
        for name in ("minor_fraction", "within_cluster", "pdq_missing", "exact_copy", "hub_fraction"):
            if not 0.0 <= getattr(self, name) <= 1.0:
                raise ConfigError(f"PlatformSpec.{name} must be within [0, 1], got {getattr(self, name)}")
        if self.family_fraction + self.alt_fraction > 0.5:
            raise ConfigError("PlatformSpec.family_fraction + alt_fraction must not exceed 0.5")
        if self.max_flipped_bits < 1 or self.max_flipped_bits > 32:
            raise ConfigError("PlatformSpec.max_flipped_bits must be within [1, 32]")
        if self.seeds_per_ring > self.persons_per_ring:
            raise ConfigError("PlatformSpec.seeds_per_ring must not exceed persons_per_ring")
        if self.minors < self.persons_per_ring * self.victims_per_offender:
            raise ConfigError("too few minors for the ring victim pools: raise accounts or minor_fraction")
        try:
            np.datetime64(self.start, "s")
        except ValueError as exc:
            raise ConfigError(f"PlatformSpec.start is not an ISO-8601 time: {self.start!r}") from exc

    @property
    def minors(self) -> int:
        return int(self.accounts * self.minor_fraction)

    @property
    def hubs(self) -> int:
        return int(self.accounts * self.hub_fraction)


@dataclass(frozen=True)
class AbuseMedia:
    """One known-abuse item planted in a ring: its exact sha256 and its base PDQ."""

    sha256: str
    pdq: str
    ring: int


@dataclass(frozen=True)
class PlatformTruth:
    """Where the files are, and what was planted."""

    messages: Path
    identifiers: Path
    media: Path
    accounts: Path
    truth: Path
    seeds_file: Path
    offenders: tuple[str, ...]
    rings: tuple[tuple[str, ...], ...]  # offender accounts per ring
    persons: tuple[tuple[str, ...], ...]  # multi-account persons and every offender person
    known_abuse_media: tuple[AbuseMedia, ...]
    seeds: tuple[str, ...]
    victims: tuple[str, ...]  # minors first-contacted by offenders
    spec: PlatformSpec = field(default_factory=PlatformSpec)
    households: tuple[tuple[str, ...], ...] = ()  # family pairs: two persons sharing a device and home IP

    def person_of(self) -> dict[str, int]:
        """Account → index into :attr:`persons`; an account absent from the map is its own person."""
        return {account: i for i, person in enumerate(self.persons) for account in person}


# --- small deterministic helpers -------------------------------------------------------------


def _mix(x: int, salt: int) -> int:
    """splitmix64 of ``x + salt``: a bijection on 64-bit integers, so distinct inputs never collide."""
    z = (x + salt * 0x9E3779B97F4A7C15 + 0x9E3779B97F4A7C15) & _MASK64
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK64
    return z ^ (z >> 31)


def _hex_rows(rng: np.random.Generator, n: int, nbytes: int = 32) -> list[str]:
    raw = rng.bytes(n * nbytes).hex()
    step = 2 * nbytes
    return [raw[i : i + step] for i in range(0, len(raw), step)]


def _flip_bits(pdq: str, rng: np.random.Generator, max_bits: int) -> str:
    value = int(pdq, 16)
    for bit in rng.choice(256, size=int(rng.integers(1, max_bits + 1)), replace=False):
        value ^= 1 << int(bit)
    return f"{value:064x}"


class _RowWriter:
    """Writes rows of one event kind as CSV (with header) or JSON Lines, as they come."""

    def __init__(self, path: Path, columns: tuple[str, ...], fmt: str) -> None:
        self._columns = columns
        self._fmt = fmt
        self._handle: IO[str] = path.open("w", encoding="utf-8", newline="")
        self._csv = csv.writer(self._handle, lineterminator="\n")
        if fmt == "csv":
            self._csv.writerow(columns)

    def write(self, rows: Iterable[Sequence[object]]) -> None:
        if self._fmt == "csv":
            self._csv.writerows(rows)
            return
        cols = self._columns
        self._handle.writelines(json.dumps(dict(zip(cols, row, strict=True))) + "\n" for row in rows)

    def __enter__(self) -> _RowWriter:
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self._handle.close()


# --- the generator ----------------------------------------------------------------------------


class _Platform:
    """Internal indices: ordinary ``[0, n_ord)`` (minors first), hubs, then offenders."""

    def __init__(self, spec: PlatformSpec) -> None:
        self.spec = spec
        self.rng = np.random.default_rng(spec.seed)
        self.n_ord = spec.accounts
        self.n_minor = spec.minors
        self.n_hub = spec.hubs
        self.start = np.datetime64(spec.start, "s")
        self.window = spec.days * 86_400
        rng = self.rng
        # offender rings: persons of 1..max accounts
        self.ring_persons: list[list[list[int]]] = []
        nxt = self.n_ord + self.n_hub
        for _ in range(spec.rings):
            persons = []
            for _ in range(spec.persons_per_ring):
                k = int(rng.integers(1, spec.max_accounts_per_person + 1))
                persons.append(list(range(nxt, nxt + k)))
                nxt += k
            self.ring_persons.append(persons)
        self.total = nxt
        self.width = max(7, len(str(self.total - 1)))
        self.perm = rng.permutation(self.total)  # internal index -> public number (hides the layout)
        self.salt = spec.seed
        # ordinary noise and alts, on disjoint accounts
        n_fam = int(self.n_ord * spec.family_fraction / 2)
        n_alt = int(self.n_ord * spec.alt_fraction)
        chosen = rng.choice(self.n_ord, size=2 * n_fam + 2 * n_alt, replace=False)
        fam = chosen[: 2 * n_fam].reshape(-1, 2)
        alt = chosen[2 * n_fam :].reshape(-1, 2)
        self.family_of: dict[int, int] = {int(b): int(a) for a, b in fam}
        self.alt_of: dict[int, tuple[int, tuple[str, ...]]] = {}
        for a, b in alt:
            self.alt_of[int(b)] = (int(a), self._pick_shared(int(a)))
        self.public_ip_of: dict[int, list[str]] = {}
        for k in range(spec.public_ips):
            ip = f"{PUBLIC_IP_PREFIXES[k % len(PUBLIC_IP_PREFIXES)]}.{10 + k // len(PUBLIC_IP_PREFIXES)}"
            users = rng.choice(self.n_ord + self.n_hub, size=min(spec.public_ip_users, self.n_ord), replace=False)
            for u in users:
                self.public_ip_of.setdefault(int(u), []).append(ip)
        # known-abuse media and victim pools per ring
        self.abuse: list[list[AbuseMedia]] = []
        for r in range(spec.rings):
            shas, pdqs = _hex_rows(rng, spec.ring_media), _hex_rows(rng, spec.ring_media)
            self.abuse.append([AbuseMedia(sha, pdq, r) for sha, pdq in zip(shas, pdqs, strict=True)])
        pool = spec.persons_per_ring * spec.victims_per_offender
        self.victim_pools = [rng.choice(self.n_minor, size=pool, replace=False) for _ in range(spec.rings)]

    # identities (pure functions of the public number, so an alt can reproduce its primary's values)
    def account_id(self, i: int) -> str:
        return f"acct{int(self.perm[i]):0{self.width}d}"

    def ids(self, idx: np.ndarray) -> list[str]:
        return [f"acct{p:0{self.width}d}" for p in self.perm[idx].tolist()]

    def _h(self, i: int, salt: int) -> int:
        return _mix(int(self.perm[i]), self.salt * 131 + salt)

    def has(self, i: int, kind: str) -> bool:
        if i >= self.n_ord + self.n_hub or kind in ("email", "device"):
            return True
        share = 0.6 if kind == "phone" else (0.0 if i < self.n_minor else 0.3)
        return self._h(i, 11 if kind == "phone" else 12) % 1000 < share * 1000

    def value(self, i: int, kind: str) -> str:
        p = int(self.perm[i])
        h = self._h(i, 1)
        if kind == "email":
            domain = "gmail.com" if i >= self.n_ord + self.n_hub else _DOMAINS[(h >> 8) % len(_DOMAINS)]
            return f"{_FIRST[h % len(_FIRST)]}.{_LAST[(h >> 4) % len(_LAST)]}{p}@{domain}"
        if kind == "phone":
            digits = (p * 7_654_321 + self.salt * 1_000_003) % 1_000_000_000  # bijection mod 10**9
            return f"+44 7{digits // 100_000:04d} {digits % 100_000:05d}"
        if kind == "device":
            return f"{self._h(i, 2):016x}{self._h(i, 3):016x}"
        if kind == "payment":
            return f"tok_{self._h(i, 4):016x}"
        if kind == "ip":
            x = (p * 2_654_435_761 + self.salt * 97) % (1 << 24)  # odd multiplier: a bijection mod 2**24
            first = _IP_FIRST_OCTETS[p % len(_IP_FIRST_OCTETS)]
            return f"{first}.{x >> 16}.{(x >> 8) & 255}.{x & 255}"
        raise ValueError(kind)

    def variant(self, kind: str, text: str, rng: np.random.Generator) -> str:
        """A spelling of ``text`` that normalises to the same identifier."""
        if kind == "email":
            local, _, domain = text.partition("@")
            style = int(rng.integers(0, 4))
            if domain == "gmail.com" and style == 1:
                local = local.replace(".", "")
            elif domain == "gmail.com" and style == 2:
                local = f"{local}+{('x', 'alt', 'chat', 'new')[int(rng.integers(0, 4))]}"
            elif domain == "gmail.com" and style == 3:
                domain = "googlemail.com"
            return "".join(c.upper() if rng.random() < 0.3 else c for c in local) + "@" + domain
        if kind == "phone":
            digits = text.replace(" ", "")
            style = int(rng.integers(0, 3))
            if style == 0:
                return digits
            if style == 1:
                return f"{digits[:3]}-{digits[3:7]}-{digits[7:10]}-{digits[10:]}"
            return f"{digits[:3]} ({digits[3:7]}) {digits[7:]}"
        return text.upper() if kind == "device" and rng.random() < 0.5 else text

    def _pick_shared(self, primary: int) -> tuple[str, ...]:
        kinds = [k for k in _STRONG_KINDS if self.has(primary, k)]
        n = int(self.rng.integers(2, min(3, len(kinds)) + 1))
        picked = self.rng.choice(len(kinds), size=n, replace=False)
        return tuple(kinds[j] for j in sorted(picked.tolist()))

    def times(self, n: int, rng: np.random.Generator, lo: int = 0, hi: int | None = None) -> list[str]:
        secs = rng.integers(lo, self.window if hi is None else hi, size=n)
        stamps = np.datetime_as_string(self.start + secs.astype("timedelta64[s]"), unit="s")
        return [s + "Z" for s in stamps.tolist()]

    def offenders(self) -> range:
        return range(self.n_ord + self.n_hub, self.total)


def _write_accounts(pf: _Platform, out: _RowWriter) -> None:
    rng = np.random.default_rng([pf.spec.seed, 1])
    for lo in range(0, pf.total, _CHUNK):
        idx = np.arange(lo, min(lo + _CHUNK, pf.total))
        ages = np.where(idx < pf.n_minor, rng.integers(13, 18, idx.size), rng.integers(18, 76, idx.size))
        posing = (idx >= pf.n_ord + pf.n_hub) & (rng.random(idx.size) < 0.3)  # offenders posing as teens
        ages = np.where(posing, rng.integers(14, 18, idx.size), ages)
        created = pf.times(idx.size, rng, lo=-3 * 365 * 86_400, hi=pf.window // 2)
        out.write(zip(pf.ids(idx), ages.tolist(), created, strict=True))


def _identifier_rows(pf: _Platform, i: int, rng: np.random.Generator) -> Iterator[tuple[str, str, str]]:
    acct = pf.account_id(i)
    shared: tuple[str, ...] = ()
    owner = i
    if i in pf.alt_of:
        owner, shared = pf.alt_of[i]
    for kind in _STRONG_KINDS:
        if kind in shared:
            yield acct, kind, pf.variant(kind, pf.value(owner, kind), rng)
        elif kind == "device" and i in pf.family_of:
            yield acct, kind, pf.value(pf.family_of[i], "device")
        elif pf.has(i, kind):
            yield acct, kind, pf.value(i, kind)
    home = pf.family_of.get(i, i)
    yield acct, "ip", pf.value(home, "ip")
    for ip in pf.public_ip_of.get(i, ()):
        yield acct, "ip", ip


def _write_identifiers(pf: _Platform, out: _RowWriter) -> None:
    rng = np.random.default_rng([pf.spec.seed, 2])
    for lo in range(0, pf.n_ord + pf.n_hub, _CHUNK):
        hi = min(lo + _CHUNK, pf.n_ord + pf.n_hub)
        out.write(row for i in range(lo, hi) for row in _identifier_rows(pf, i, rng))
    for persons in pf.ring_persons:
        for accounts in persons:
            primary = accounts[0]
            for i in accounts:
                acct = pf.account_id(i)
                if i == primary:
                    shared: tuple[str, ...] = _STRONG_KINDS
                else:
                    n = int(rng.integers(2, 4))
                    shared = tuple(sorted(rng.choice(_STRONG_KINDS, size=n, replace=False).tolist()))
                rows: list[tuple[str, str, str]] = [
                    (acct, k, pf.variant(k, pf.value(primary, k), rng) if i != primary else pf.value(primary, k))
                    if k in shared
                    else (acct, k, pf.value(i, k))
                    for k in _STRONG_KINDS
                ]
                rows.append((acct, "ip", pf.value(i, "ip")))
                if rng.random() < 0.3:
                    rows.append((acct, "ip", PUBLIC_IP_PREFIXES[0] + ".10"))  # VPN / café
                out.write(rows)


def _write_media(pf: _Platform, out: _RowWriter) -> None:
    spec = pf.spec
    rng = np.random.default_rng([spec.seed, 3])
    n_users = pf.n_ord + pf.n_hub
    for lo in range(0, n_users, _CHUNK):
        idx = np.arange(lo, min(lo + _CHUNK, n_users))
        owners = np.repeat(idx, rng.poisson(spec.media_per_account, idx.size))
        pdqs = _hex_rows(rng, owners.size)
        missing = rng.random(owners.size) < spec.pdq_missing
        pdqs = ["" if m else p for p, m in zip(pdqs, missing.tolist(), strict=True)]
        out.write(zip(pf.ids(owners), _hex_rows(rng, owners.size), pdqs, pf.times(owners.size, rng), strict=True))
    for sha, pdq in zip(_hex_rows(rng, spec.viral_media), _hex_rows(rng, spec.viral_media), strict=True):
        sharers = rng.choice(n_users, size=min(spec.viral_sharers, n_users), replace=False)
        reencoded = rng.random(sharers.size) < 0.5
        rows = [
            (a, *((_hex_rows(rng, 1)[0], _flip_bits(pdq, rng, 6)) if r else (sha, pdq)), t)
            for a, r, t in zip(pf.ids(sharers), reencoded.tolist(), pf.times(sharers.size, rng), strict=True)
        ]
        out.write(rows)
    for r, persons in enumerate(pf.ring_persons):
        items = pf.abuse[r]
        for i in (a for accounts in persons for a in accounts):
            acct = pf.account_id(i)
            picks = rng.choice(len(items), size=min(spec.media_per_offender, len(items)), replace=False)
            rows = []
            for j, t in zip(picks.tolist(), pf.times(picks.size, rng), strict=True):
                item = items[j]
                if rng.random() < spec.exact_copy:
                    rows.append((acct, item.sha256, item.pdq, t))
                else:
                    rows.append((acct, _hex_rows(rng, 1)[0], _flip_bits(item.pdq, rng, spec.max_flipped_bits), t))
            rows.append((acct, _hex_rows(rng, 1)[0], _hex_rows(rng, 1)[0], pf.times(1, rng)[0]))  # own photo
            out.write(rows)


def _write_messages(pf: _Platform, out: _RowWriter) -> set[int]:
    spec = pf.spec
    rng = np.random.default_rng([spec.seed, 4])
    n_ord, cs = pf.n_ord, spec.cluster_size

    def emit(senders: np.ndarray, recips: np.ndarray, times: list[str]) -> None:
        plats = [_PLATFORMS[k] for k in rng.integers(0, len(_PLATFORMS), senders.size).tolist()]
        out.write(zip(pf.ids(senders), pf.ids(recips), times, plats, strict=True))

    for lo in range(0, n_ord, _CHUNK):
        idx = np.arange(lo, min(lo + _CHUNK, n_ord))
        senders = np.repeat(idx, rng.poisson(spec.messages_per_account, idx.size))
        # clusters never straddle the minor/adult boundary
        group_lo = np.where(senders < pf.n_minor, 0, pf.n_minor)
        group_hi = np.where(senders < pf.n_minor, pf.n_minor, n_ord)
        c_lo = group_lo + (senders - group_lo) // cs * cs
        c_len = np.minimum(cs, group_hi - c_lo)
        offset = rng.integers(1, cs, senders.size) % np.maximum(c_len, 1)
        inside = c_lo + (senders - c_lo + offset) % np.maximum(c_len, 1)
        anyone = rng.integers(0, pf.total, senders.size)
        recips = np.where(rng.random(senders.size) < spec.within_cluster, inside, anyone)
        recips = np.where(recips == senders, (recips + 1) % pf.total, recips)
        emit(senders, recips, pf.times(senders.size, rng))
    for h in range(n_ord, n_ord + pf.n_hub):
        contacts = rng.choice(pf.total, size=min(spec.hub_contacts, pf.total - 1), replace=False)
        contacts = contacts[contacts != h]
        again = np.repeat(contacts, rng.poisson(1.0, contacts.size))
        recips = np.concatenate([contacts, again])
        emit(np.full(recips.size, h), recips, pf.times(recips.size, rng))
    victims: set[int] = set()
    burst = max(1, int(spec.burst_hours * 3600))
    for r, persons in enumerate(pf.ring_persons):
        ring_accounts = np.array([a for accounts in persons for a in accounts])
        for p, accounts in enumerate(persons):
            others = np.array([a for q, acc in enumerate(persons) if q != p for a in acc], dtype=np.int64)
            for i in accounts:
                chosen = rng.choice(pf.victim_pools[r], size=spec.victims_per_offender, replace=False)
                victims.update(chosen.tolist())
                t0 = int(rng.integers(0, max(1, pf.window - burst)))
                first = pf.times(chosen.size, rng, lo=t0, hi=t0 + burst)  # a burst of first contacts
                follow = np.repeat(chosen, rng.poisson(1.5, chosen.size))
                later = pf.times(follow.size, rng, lo=t0 + burst, hi=pf.window)
                ring = others[rng.integers(0, others.size, 6)] if others.size else ring_accounts[:0]
                chatter = rng.integers(0, n_ord, int(rng.poisson(spec.messages_per_account / 2)))
                recips = np.concatenate([chosen, follow, ring, chatter])
                times = first + later + pf.times(ring.size + chatter.size, rng)
                emit(np.full(recips.size, i), recips, times)
    return victims


def generate_platform(out_dir: Path, spec: PlatformSpec = PlatformSpec(), fmt: str = "csv") -> PlatformTruth:  # noqa: B008
    """Write the four event files, ``truth.json`` and ``seeds.txt`` into ``out_dir``; return the truth."""
    if fmt not in FORMATS:
        raise ConfigError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    pf = _Platform(spec)
    ext = "csv" if fmt == "csv" else "jsonl"
    paths = {kind: out_dir / f"{kind}.{ext}" for kind in COLUMNS}
    for kind, writer_fn in (
        ("accounts", _write_accounts),
        ("identifiers", _write_identifiers),
        ("media", _write_media),
    ):
        with _RowWriter(paths[kind], COLUMNS[kind], fmt) as out:
            writer_fn(pf, out)
    with _RowWriter(paths["messages"], COLUMNS["messages"], fmt) as out:
        victim_idx = _write_messages(pf, out)

    seed_rng = np.random.default_rng([spec.seed, 5])
    rings = tuple(tuple(pf.account_id(a) for accounts in persons for a in accounts) for persons in pf.ring_persons)
    seeds: list[str] = []
    for persons in pf.ring_persons:
        for q in seed_rng.choice(len(persons), size=spec.seeds_per_ring, replace=False).tolist():
            seeds.append(pf.account_id(persons[q][int(seed_rng.integers(0, len(persons[q])))]))
    persons_out = [tuple(pf.account_id(a) for a in accounts) for persons in pf.ring_persons for accounts in persons]
    persons_out += [(pf.account_id(a), pf.account_id(b)) for b, (a, _) in sorted(pf.alt_of.items())]
    truth = PlatformTruth(
        messages=paths["messages"],
        identifiers=paths["identifiers"],
        media=paths["media"],
        accounts=paths["accounts"],
        truth=out_dir / "truth.json",
        seeds_file=out_dir / "seeds.txt",
        offenders=tuple(a for ring in rings for a in ring),
        rings=rings,
        persons=tuple(persons_out),
        known_abuse_media=tuple(item for items in pf.abuse for item in items),
        seeds=tuple(seeds),
        victims=tuple(sorted(pf.account_id(v) for v in victim_idx)),
        spec=spec,
        households=tuple((pf.account_id(a), pf.account_id(b)) for b, a in sorted(pf.family_of.items())),
    )
    document = {
        "format": fmt,
        "spec": asdict(spec),
        "files": {kind: path.name for kind, path in paths.items()},
        "offenders": list(truth.offenders),
        "rings": [list(r) for r in truth.rings],
        "persons": [list(p) for p in truth.persons],
        "persons_note": "accounts listed in no person are single-account persons",
        "known_abuse_media": [asdict(m) for m in truth.known_abuse_media],
        "seeds": list(truth.seeds),
        "victims": list(truth.victims),
        "households": [list(h) for h in truth.households],
    }
    truth.truth.write_text(json.dumps(document, indent=1) + "\n", encoding="utf-8")
    truth.seeds_file.write_text("".join(s + "\n" for s in truth.seeds), encoding="utf-8")
    return truth


def load_truth(out_dir: Path) -> PlatformTruth:
    """Read back the :class:`PlatformTruth` that :func:`generate_platform` wrote into ``out_dir``."""
    out_dir = Path(out_dir)
    try:
        doc = json.loads((out_dir / "truth.json").read_text(encoding="utf-8"))
        files = {kind: out_dir / name for kind, name in doc["files"].items()}
        return PlatformTruth(
            messages=files["messages"],
            identifiers=files["identifiers"],
            media=files["media"],
            accounts=files["accounts"],
            truth=out_dir / "truth.json",
            seeds_file=out_dir / "seeds.txt",
            offenders=tuple(doc["offenders"]),
            rings=tuple(tuple(r) for r in doc["rings"]),
            persons=tuple(tuple(p) for p in doc["persons"]),
            known_abuse_media=tuple(AbuseMedia(**m) for m in doc["known_abuse_media"]),
            seeds=tuple(doc["seeds"]),
            victims=tuple(doc["victims"]),
            spec=PlatformSpec(**doc["spec"]),
            households=tuple(tuple(h) for h in doc.get("households", [])),
        )
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ConfigError(f"{out_dir} holds no readable synthetic-platform truth.json: {exc}") from exc


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m childsafe.graph.synthetic OUT_DIR [--accounts N] [--seed S] [--format csv|jsonl]``."""
    parser = argparse.ArgumentParser(prog="python -m childsafe.graph.synthetic", description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--accounts", type=int, default=PlatformSpec.accounts)
    parser.add_argument("--seed", type=int, default=PlatformSpec.seed)
    parser.add_argument("--format", choices=FORMATS, default="csv")
    args = parser.parse_args(argv)
    try:
        truth = generate_platform(args.out_dir, PlatformSpec(seed=args.seed, accounts=args.accounts), args.format)
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(
        f"wrote {args.out_dir}: {len(truth.offenders)} offender accounts in {len(truth.rings)} rings, "
        f"{len(truth.seeds)} seeds"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
