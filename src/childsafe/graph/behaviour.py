"""How an account contacts others: what tells a groomer from a coach, a hub or a support bot.

Every measure is over *first contacts* (the earliest message of a pair of accounts, credited to its
sender) and what followed in the same pair:

* ``first_contacts``: pairs the account opened; ``replied``: of them, pairs the other side wrote
  back in; ``repeated``: pairs with messages on at least ``repeat_days`` distinct days;
* the same three restricted to likely minors (``minor_first``, ``minor_replied``,
  ``minor_repeated``), plus ``minor_daytime`` (first contacts sent between ``day_start`` and
  ``day_end`` o'clock UTC) and ``minor_private`` (pairs that reached a private channel);
* ``contacts``: distinct accounts in contact, whoever wrote first.

A coach opens many conversations with minors, but they write back, the contact repeats over weeks
and happens in daytime; a groomer's first contacts mostly go to minors, stay unanswered or move to
a private channel, at any hour; a support bot opens conversations with everybody and nobody
answers; a hub talks to everybody and most answer.  :func:`grooming_contact_score` turns these
counts into evidence, :func:`service_like` and :func:`hub_like` into roles.

Vectorised over the message arrays (sort, unique, searchsorted), as :mod:`.contacts`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import numpy as np
import numpy.typing as npt

from childsafe.graph.build import contact_pairs
from childsafe.graph.contacts import DEFAULT_PRIVATE_PLATFORMS
from childsafe.graph.network import NO_TIME, Network

__all__ = ["Behaviour", "BehaviourSettings", "account_behaviour", "grooming_contact_score", "hub_like", "ordinary_care",
           "service_like"]

_DAY: Final = 86_400
I64 = npt.NDArray[np.int64]
F64 = npt.NDArray[np.float64]
B = npt.NDArray[np.bool_]


@dataclass(frozen=True)
class BehaviourSettings:
    repeat_days: int = 3
    day_start: int = 7  # hours UTC: first contacts from day_start to day_end count as daytime
    day_end: int = 21
    private_platforms: tuple[str, ...] = DEFAULT_PRIVATE_PLATFORMS
    #: Minors an adult may open conversations with before it means anything (a family, a class).
    ordinary_minors: float = 3.0
    #: Each this many grooming-like first contacts above ``ordinary_minors`` takes the score ~63 %
    #: of the rest of the way to 1.
    minor_scale: float = 6.0
    #: A service: opens at least this many conversations, almost none answered or repeated.
    service_contacts: int = 40
    service_reply_share: float = 0.1
    service_repeat_share: float = 0.4
    #: ... and its first contacts go to minors no more than this share (a groomer's mostly do).
    service_minor_share: float = 0.5
    #: A hub: at least this many distinct contacts, most of them answering.
    hub_contacts: int = 60
    hub_reply_share: float = 0.3


@dataclass
class Behaviour:
    """Per-account counts (index = account number); see the module docstring."""

    contacts: I64
    first_contacts: I64
    replied: I64
    repeated: I64
    minor_first: I64
    minor_replied: I64
    minor_repeated: I64
    minor_daytime: I64
    minor_private: I64

    def explain(self, i: int) -> dict[str, object]:
        n = int(self.minor_first[i])
        out: dict[str, object] = {"contacts": int(self.contacts[i]), "first_contacts": int(self.first_contacts[i]),
                                  "minors_first_contacted": n}
        if n:
            out.update(minor_share=_ratio(n, int(self.first_contacts[i])),
                       minors_who_replied=_ratio(int(self.minor_replied[i]), n),
                       minors_repeated=_ratio(int(self.minor_repeated[i]), n),
                       minors_daytime=_ratio(int(self.minor_daytime[i]), n),
                       minors_moved_private=_ratio(int(self.minor_private[i]), n))
        return out


def _ratio(a: int, b: int) -> float:
    return round(a / b, 3) if b else 0.0


def account_behaviour(net: Network, minors: B, settings: BehaviourSettings | None = None) -> Behaviour:
    s = settings or BehaviourSettings()
    n = net.n_accounts
    zeros = [np.zeros(n, np.int64) for _ in range(9)]
    out = Behaviour(*zeros)
    if n == 0 or net.msg_sender.size == 0:
        return out
    a, b, _ = contact_pairs(net)
    out.contacts = (np.bincount(a, minlength=n) + np.bincount(b, minlength=n)).astype(np.int64)
    sender = net.msg_sender.astype(np.int64)
    recip = net.msg_recipient.astype(np.int64)
    ts = net.msg_ts
    keep = (ts != NO_TIME) & (sender != recip)
    if not keep.any():
        return out
    sender, recip, ts, plat = sender[keep], recip[keep], ts[keep], net.msg_platform[keep]
    pair = np.minimum(sender, recip) * n + np.maximum(sender, recip)
    order = np.lexsort((ts, pair))
    ps = pair[order]
    first = order[np.r_[True, ps[1:] != ps[:-1]]]
    init, target, t0, p0 = sender[first], recip[first], ts[first], pair[first]
    # replies: the target ever wrote to the initiator
    directed = np.unique(sender * n + recip)
    back = target * n + init
    pos = np.minimum(np.searchsorted(directed, back), directed.size - 1)
    replied = directed[pos] == back
    # repetition: distinct days with messages in the pair
    day = (ts - int(ts.min())) // _DAY
    width = int(day.max()) + 1
    pair_days = np.unique(pair * width + day) // width  # sorted, so runs of one pair are adjacent
    starts = np.flatnonzero(np.r_[True, pair_days[1:] != pair_days[:-1]])
    uniq_pairs = pair_days[starts]
    days = np.diff(np.r_[starts, pair_days.size])
    repeated = days[np.searchsorted(uniq_pairs, p0)] >= s.repeat_days
    # private channel reached
    private_codes = [i for i, name in enumerate(net.platforms) if name.strip().lower() in s.private_platforms]
    if private_codes:
        private_pairs = np.unique(pair[np.isin(plat, private_codes)])
        private = np.isin(p0, private_pairs)
    else:
        private = np.zeros(p0.size, bool)
    hour = (t0 % _DAY) // 3600
    daytime = (hour >= s.day_start) & (hour < s.day_end)
    to_minor = minors[target]

    def count(mask: B) -> I64:
        return np.bincount(init[mask], minlength=n).astype(np.int64)

    out.first_contacts = count(np.ones(init.size, bool))
    out.replied = count(replied)
    out.repeated = count(repeated)
    out.minor_first = count(to_minor)
    out.minor_replied = count(to_minor & replied)
    out.minor_repeated = count(to_minor & repeated)
    out.minor_daytime = count(to_minor & daytime)
    out.minor_private = count(to_minor & private)
    return out


def _share(a: I64, b: I64) -> F64:
    return np.divide(a, b, out=np.zeros(a.size), where=b > 0)


def grooming_contact_score(bh: Behaviour, base_minor_share: float,
                           settings: BehaviourSettings | None = None) -> tuple[F64, F64]:
    """(score in [0, 1], grooming-like first contacts) per account.

    Each first contact with a minor counts fully, less the share that looks like ordinary care or
    work: minors who answered *and* came back on other days, in daytime (a coach, a teacher).  The
    count is weighted by how much more often than chance the account's first contacts went to minors
    (``base_minor_share``: the share of likely minors on the platform; a hub that talks to everybody
    reaches minors only as often as chance does) and raised by moves to private channels.  The score
    starts above :attr:`BehaviourSettings.ordinary_minors`.
    """
    s = settings or BehaviourSettings()
    n_minor = bh.minor_first.astype(np.float64)
    private = _share(bh.minor_private, bh.minor_first)
    minor_share = _share(bh.minor_first, bh.first_contacts)
    base = min(max(base_minor_share, 0.0), 0.99)
    targeting = np.clip((minor_share - base) / (1.0 - base), 0.0, 1.0)
    ordinary = ordinary_care(bh)
    count = n_minor * targeting * (1.0 - ordinary) * (1.0 + private)
    score = 1.0 - np.exp(-np.maximum(count - s.ordinary_minors, 0.0) / s.minor_scale)
    return score, count


def ordinary_care(bh: Behaviour) -> F64:
    """Per account, in [0, 1]: how much its contact with minors looks like care or work (answered,
    repeated on other days, in daytime): a coach's team, a teacher's class."""
    reply = _share(bh.minor_replied, bh.minor_first)
    repeat = _share(bh.minor_repeated, bh.minor_first)
    day = _share(bh.minor_daytime, bh.minor_first)
    return np.asarray((reply + repeat) / 2 * day)


def service_like(bh: Behaviour, net: Network, settings: BehaviourSettings | None = None) -> B:
    """Broadcast-like accounts: many conversations opened, almost none answered or repeated; or an
    ``account_type`` column saying bot, service or support."""
    s = settings or BehaviourSettings()
    out = ((bh.first_contacts >= s.service_contacts)
           & (_share(bh.replied, bh.first_contacts) <= s.service_reply_share)
           & (_share(bh.repeated, bh.first_contacts) <= s.service_repeat_share)
           & (_share(bh.minor_first, bh.first_contacts) <= s.service_minor_share))
    for i, attrs in net.attributes.items():
        if attrs.get("account_type", "").strip().lower() in ("bot", "service", "support", "system"):
            out[i] = True
    return np.asarray(out)


def hub_like(bh: Behaviour, settings: BehaviourSettings | None = None) -> B:
    """Accounts in contact with very many others, most of whom answer (influencers, moderators)."""
    s = settings or BehaviourSettings()
    answered = _share(bh.replied, bh.first_contacts)
    return np.asarray((bh.contacts >= s.hub_contacts) & (answered >= s.hub_reply_share))
