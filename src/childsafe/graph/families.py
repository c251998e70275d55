"""Synthetic platforms of other shapes than :mod:`childsafe.graph.synthetic`, with ground truth.

The ranking was first tuned on one generator; a platform of another shape is where it fails.  Two
more families, structurally different from it and from each other:

* ``mixed``: a small platform (a few thousand accounts, a few hundred minors) full of *legitimate*
  adult-minor contact: coaches and teachers who message their teams (groups, daytime, repeatedly,
  answered), hubs that talk to everyone, support bots that broadcast (some say so in an
  ``account_type`` column, some do not), households (a parent and a child, or a couple, sharing the
  home IP, a surname, a ``household`` id and a device or payment card), public IPs, widely shared
  memes; and three small rings that each contact many minors fast, mostly unanswered and at night,
  move them to DMs, talk among themselves, share the same files, and sometimes run a second account
  sharing exactly one email or phone.  One confirmed account per ring.
* ``slow``: rings of single-account persons that share no identifier at all, only rare files (most
  not in any hash list), and contact minors slowly: a few a month, some answering, moved to a
  private channel days later; plus the same ordinary noise and people with two accounts.

:func:`generate_family` writes the four event files (CSV, the columns of
:data:`childsafe.graph.synthetic.COLUMNS`, accounts with ``surname``, ``household`` and
``account_type`` too) and ``truth.json``, and returns a :class:`FamilyTruth`.  Same arguments, same
bytes.
"""

from __future__ import annotations

import csv
import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Final

import numpy as np

from childsafe.errors import ConfigError
from childsafe.graph.synthetic import COLUMNS, PUBLIC_IP_PREFIXES

__all__ = ["FAMILIES", "FamilyTruth", "generate_family"]

FAMILIES: Final = ("mixed", "slow")
ACCOUNT_COLUMNS: Final = (*COLUMNS["accounts"], "surname", "household", "account_type")
_SURNAMES: Final = tuple(f"name{i:03d}" for i in range(400))
_START: Final = np.datetime64("2024-03-01T00:00:00", "s")
_DAYS: Final = 90
_DAY: Final = 86_400


@dataclass(frozen=True)
class FamilyTruth:
    family: str
    seed: int
    messages: Path
    identifiers: Path
    media: Path
    accounts: Path
    truth: Path
    offenders: tuple[str, ...]
    rings: tuple[tuple[str, ...], ...]
    persons: tuple[tuple[str, ...], ...]  # multi-account persons
    households: tuple[tuple[str, ...], ...]  # accounts of different persons sharing a home
    seeds: tuple[str, ...]
    victims: tuple[str, ...]  # minors contacted by ring members
    minors: tuple[str, ...]  # genuine minors (offenders posing as teens not included)
    ring_media: tuple[tuple[str, str, int], ...]  # (sha256, pdq, ring)


class _Builder:
    def __init__(self, seed: int, family: str) -> None:
        self.rng = np.random.default_rng([seed, FAMILIES.index(family) + 101])
        self.ages: list[int | None] = []
        self.surname: list[str] = []
        self.household: list[str] = []
        self.kind: list[str] = []
        self.msgs: list[tuple[int, int, int, str]] = []
        self.idents: list[tuple[int, str, str]] = []
        self.posts: list[tuple[int, str, str, int]] = []

    def add(self, age: int | None, surname: str = "", kind: str = "") -> int:
        self.ages.append(age)
        self.surname.append(surname)
        self.household.append("")
        self.kind.append(kind)
        return len(self.ages) - 1

    def hexes(self, n: int) -> list[str]:
        raw = self.rng.bytes(32 * n).hex()
        return [raw[i:i + 64] for i in range(0, len(raw), 64)]

    def t(self, day_lo: float = 0, day_hi: float = _DAYS, hours: tuple[int, int] = (0, 24)) -> int:
        day = int(self.rng.integers(int(day_lo), max(int(day_lo) + 1, int(day_hi))))
        hour = int(self.rng.integers(hours[0], hours[1]))
        return day * _DAY + hour * 3600 + int(self.rng.integers(0, 3600))

    def msg(self, a: int, b: int, ts: int, platform: str = "chat") -> None:
        if a != b:
            self.msgs.append((a, b, ts, platform))

    def own_identifiers(self, i: int, strong: tuple[str, ...] = ("email", "device")) -> None:
        for kind in strong:
            self.idents.append((i, kind, _value(kind, i, self.rng)))
        self.idents.append((i, "ip", _ip(i)))


def _value(kind: str, i: int, rng: np.random.Generator) -> str:
    tag = f"{i}x{int(rng.integers(0, 1 << 30))}"
    if kind == "email":
        return f"user{tag}@mail.example"
    if kind == "phone":
        return f"+1555{int(rng.integers(0, 10**7)):07d}{i % 10}"
    if kind == "device":
        return f"dev{tag}"
    return f"tok_{tag}"


def _ip(i: int) -> str:
    x = (i * 2_654_435_761 + 12345) % (1 << 24)
    return f"81.{x >> 16}.{(x >> 8) & 255}.{x & 255}"


def generate_family(out_dir: Path, family: str, seed: int, accounts: int = 5_000) -> FamilyTruth:
    if family not in FAMILIES:
        raise ConfigError(f"unknown family {family!r}: use {', '.join(FAMILIES)}")
    if accounts < 1_000:
        raise ConfigError("a family platform needs at least 1,000 accounts")
    b = _Builder(seed, family)
    rng = b.rng
    minors_frac = 0.12 if family == "mixed" else 0.2
    n_minor = int(accounts * minors_frac)
    minors = [b.add(int(rng.integers(11, 18)), str(rng.choice(_SURNAMES))) for _ in range(n_minor)]
    adults = [b.add(None if rng.random() < 0.1 else int(rng.integers(18, 80)),
                    str(rng.choice(_SURNAMES)) if rng.random() < 0.7 else "") for _ in range(accounts - n_minor)]
    everyone = minors + adults
    for i in everyone:
        b.own_identifiers(i)
    households = _households(b, minors, adults)
    persons = _alts(b, adults, two_identifiers=family == "slow")
    _friends(b, minors)
    _friends(b, adults)
    _public_ips(b, everyone)
    memes = _memes(b, everyone, 30 if family == "mixed" else 15)
    if family == "mixed":
        _coaches(b, adults, minors, coaches=max(10, accounts // 100))
        _hubs(b, everyone, hubs=max(5, accounts // 500))
        _services(b, everyone, bots=5)
    else:
        _coaches(b, adults, minors, coaches=max(5, accounts // 400))
        _services(b, everyone, bots=2)
    rings, ring_persons, victims, ring_media, seeds = _rings(b, minors, memes, family)
    persons += ring_persons
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    names = [f"u{seed}_{i:06d}" for i in range(len(b.ages))]
    paths = {k: out / f"{k}.csv" for k in ("accounts", "identifiers", "media", "messages")}
    _write(paths["accounts"], ACCOUNT_COLUMNS,
           [(names[i], "" if b.ages[i] is None else b.ages[i], _iso(-int(rng.integers(30, 900)) * _DAY),
             b.surname[i], b.household[i], b.kind[i]) for i in range(len(b.ages))])
    _write(paths["identifiers"], COLUMNS["identifiers"], [(names[a], k, v) for a, k, v in b.idents])
    _write(paths["media"], COLUMNS["media"], [(names[a], s, p, _iso(t)) for a, s, p, t in b.posts])
    _write(paths["messages"], COLUMNS["messages"], [(names[a], names[c], _iso(t), p) for a, c, t, p in b.msgs])
    offenders = {a for ring in rings for a in ring}
    truth = FamilyTruth(
        family=family, seed=seed, truth=out / "truth.json", **paths,
        offenders=tuple(names[a] for ring in rings for a in ring),
        rings=tuple(tuple(names[a] for a in ring) for ring in rings),
        persons=tuple(tuple(names[a] for a in p) for p in persons),
        households=tuple(tuple(names[a] for a in h) for h in households),
        seeds=tuple(names[a] for a in seeds),
        victims=tuple(sorted(names[v] for v in victims)),
        minors=tuple(names[m] for m in minors if m not in offenders),
        ring_media=tuple(ring_media))
    doc = {k: (str(v) if isinstance(v, Path) else v) for k, v in asdict(truth).items()}
    truth.truth.write_text(json.dumps(doc) + "\n", encoding="utf-8")
    return truth


def _iso(seconds: int) -> str:
    return str(np.datetime_as_string(_START + np.timedelta64(int(seconds), "s"), unit="s")) + "Z"


def _write(path: Path, header: tuple[str, ...], rows: list[tuple[object, ...]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def _households(b: _Builder, minors: list[int], adults: list[int]) -> list[list[int]]:
    """Parent-child and couple households: home IP, surname, household id, one shared device or card."""
    rng = b.rng
    out: list[list[int]] = []
    free_adults = list(rng.permutation(adults))
    for child in rng.choice(minors, size=len(minors) // 5, replace=False).tolist():
        parent = int(free_adults.pop())
        out.append([parent, child])
    for _ in range(len(adults) // 25):
        out.append([int(free_adults.pop()), int(free_adults.pop())])
    for h, members in enumerate(out):
        surname = str(rng.choice(_SURNAMES))
        shared_kind = "device" if rng.random() < 0.5 else "payment"
        value = _value(shared_kind, members[0], rng)
        for i in members:
            b.surname[i] = surname if rng.random() < 0.85 else ""  # not every profile gives one
            b.household[i] = f"h{h}" if rng.random() < 0.5 else ""  # declared on some accounts only
            b.idents.append((i, "ip", _ip(members[0])))
            b.idents.append((i, shared_kind, value))
            for _ in range(int(rng.integers(2, 6))):
                b.msg(i, members[0] if i != members[0] else members[1], b.t(hours=(7, 22)), "chat")
    return out


def _alts(b: _Builder, adults: list[int], two_identifiers: bool) -> list[list[int]]:
    """People with a second account sharing exactly one (or two) of email/phone/payment, nothing else."""
    rng = b.rng
    persons = []
    for owner in rng.choice(adults, size=len(adults) // 50, replace=False).tolist():
        alt = b.add(b.ages[owner], "", "")
        b.own_identifiers(alt, ("device",))
        kinds = ["email", "phone", "payment"]
        picked = rng.choice(kinds, size=2 if two_identifiers else 1, replace=False).tolist()
        for kind in picked:
            value = _value(kind, owner, rng)
            b.idents.append((owner, kind, value))
            b.idents.append((alt, kind, value))
        for _ in range(int(rng.integers(2, 8))):
            b.msg(alt, int(rng.choice(adults)), b.t())
        persons.append([int(owner), alt])
    return persons


def _friends(b: _Builder, group: list[int], size: int = 15) -> None:
    rng = b.rng
    order = rng.permutation(group)
    for start in range(0, len(order), size):
        cluster = order[start:start + size].tolist()
        if len(cluster) < 2:
            continue
        for a in cluster:
            for _ in range(int(rng.poisson(6))):
                c = int(rng.choice(cluster))
                ts = b.t()
                b.msg(a, c, ts, str(rng.choice(("chat", "chat", "game", "dm"))))
                if rng.random() < 0.6:
                    b.msg(c, a, ts + int(rng.integers(60, 7200)), "chat")


def _public_ips(b: _Builder, everyone: list[int]) -> None:
    rng = b.rng
    for k in range(3):
        ip = f"{PUBLIC_IP_PREFIXES[k]}.7"
        for i in rng.choice(everyone, size=min(200, len(everyone)), replace=False).tolist():
            b.idents.append((i, "ip", ip))


def _memes(b: _Builder, everyone: list[int], count: int) -> list[tuple[str, str]]:
    rng = b.rng
    memes = list(zip(b.hexes(count), b.hexes(count), strict=True))
    for sha, pdq in memes:
        for i in rng.choice(everyone, size=int(rng.integers(60, 300)), replace=False).tolist():
            b.posts.append((i, sha, pdq, b.t()))
    for i in rng.choice(everyone, size=len(everyone) // 2, replace=False).tolist():  # own photos
        sha, pdq = b.hexes(2)
        b.posts.append((i, sha, pdq, b.t()))
    return memes


def _coaches(b: _Builder, adults: list[int], minors: list[int], coaches: int) -> None:
    """A team of minors each, messaged as a group and one by one, in daytime, for weeks; they answer."""
    rng = b.rng
    for coach in rng.choice(adults, size=coaches, replace=False).tolist():
        if b.ages[coach] is None:
            b.ages[coach] = int(rng.integers(25, 60))
        team = rng.choice(minors, size=int(rng.integers(15, 35)), replace=False).tolist()
        platform = str(rng.choice(("team", "school", "chat")))
        for week in range(int(rng.integers(4, 12))):
            ts = b.t(week * 7, week * 7 + 7, hours=(8, 19))
            for kid in team:  # a group message
                b.msg(coach, kid, ts, platform)
                if rng.random() < 0.7:
                    b.msg(kid, coach, ts + int(rng.integers(300, 20_000)), platform)


def _hubs(b: _Builder, everyone: list[int], hubs: int) -> None:
    rng = b.rng
    for _ in range(hubs):
        hub = b.add(int(rng.integers(20, 50)), "", "")
        b.own_identifiers(hub)
        for other in rng.choice(everyone, size=min(400, len(everyone)), replace=False).tolist():
            ts = b.t()
            b.msg(hub, other, ts, "chat")
            if rng.random() < 0.5:
                b.msg(other, hub, ts + 600, "chat")


def _services(b: _Builder, everyone: list[int], bots: int) -> None:
    rng = b.rng
    for k in range(bots):
        bot = b.add(None, "", "bot" if k % 2 == 0 else "")
        b.own_identifiers(bot, ("email",))
        for other in rng.choice(everyone, size=min(600, len(everyone)), replace=False).tolist():
            b.msg(bot, other, b.t(), "dm" if rng.random() < 0.5 else "chat")


def _rings(b: _Builder, minors: list[int], memes: list[tuple[str, str]], family: str) -> tuple[
        list[list[int]], list[list[int]], set[int], list[tuple[str, str, int]], list[int]]:
    rng = b.rng
    mixed = family == "mixed"
    n_rings, n_persons = (3, 4) if mixed else (8, 6)
    rings: list[list[int]] = []
    persons: list[list[int]] = []
    victims: set[int] = set()
    media: list[tuple[str, str, int]] = []
    seeds: list[int] = []
    minor_set = set(minors)
    for r in range(n_rings):
        files = list(zip(b.hexes(8), b.hexes(8), strict=True))
        media += [(sha, pdq, r) for sha, pdq in files]
        pool = rng.choice(minors, size=25 if mixed else 12, replace=False).tolist()
        ring: list[int] = []
        for _ in range(n_persons):
            roll = rng.random()
            age = None if roll < 0.2 else (int(rng.integers(15, 18)) if roll < 0.4 else int(rng.integers(25, 60)))
            k = int(rng.integers(1, 3)) if mixed else 1
            accounts = [b.add(age, "", "") for _ in range(k)]
            for a in accounts:
                b.own_identifiers(a)
            if k == 2:  # a second account sharing exactly one email or phone
                kind = str(rng.choice(("email", "phone")))
                value = _value(kind, accounts[0], rng)
                b.idents += [(accounts[0], kind, value), (accounts[1], kind, value)]
                persons.append(accounts)
            elif not mixed:
                persons.append(accounts)
            ring += accounts
        for a in ring:
            for sha, pdq in (files[j] for j in rng.choice(len(files), size=5, replace=False).tolist()):
                b.posts.append((a, sha, pdq, b.t()))
            for sha, pdq in (memes[j] for j in rng.choice(len(memes), size=2, replace=False).tolist()):
                b.posts.append((a, sha, pdq, b.t()))
            targets = rng.choice(pool, size=int(rng.integers(10, 16)) if mixed else int(rng.integers(4, 9)),
                                 replace=False).tolist()
            victims.update(targets)
            if mixed:  # fast: a burst of first contacts at night, half moved to DMs within hours
                start = int(rng.integers(0, _DAYS - 3))
                for kid in targets:
                    ts = b.t(start, start + 2, hours=(19, 24))
                    b.msg(a, kid, ts, "game")
                    if rng.random() < 0.5:
                        b.msg(a, kid, ts + int(rng.integers(600, 6 * 3600)), "dm")
                    if rng.random() < 0.1:
                        b.msg(kid, a, ts + 900, "game")
            else:  # slow: spread over the whole period, a third answer, moved to a private channel days later
                for kid in targets:
                    ts = b.t(0, _DAYS - 10, hours=(16, 24))
                    b.msg(a, kid, ts, "chat")
                    for _ in range(int(rng.integers(1, 4))):
                        b.msg(a, kid, ts + int(rng.integers(1, 9)) * _DAY, "chat")
                    if rng.random() < 0.35:
                        b.msg(kid, a, ts + 3600, "chat")
                    if rng.random() < 0.4:
                        b.msg(a, kid, ts + int(rng.integers(3, 10)) * _DAY, "snap")
            for other in ring:  # talk among themselves
                if other != a and rng.random() < 0.7:
                    ts = b.t()
                    b.msg(a, other, ts, "dm")
                    b.msg(other, a, ts + 300, "dm")
            for other in rng.choice(len(b.ages) - 1, size=int(rng.integers(2, 6))).tolist():
                b.msg(a, int(other), b.t())  # ordinary chatter (a child reached so is a victim too)
                if b.ages[int(other)] is not None and int(other) in minor_set:
                    victims.add(int(other))
        rings.append(ring)
        seeds.append(int(rng.choice(ring)))
    return rings, persons, victims, media, seeds
