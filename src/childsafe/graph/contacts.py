"""Contact patterns: who reaches out to many likely minors, in bursts, and moves them to private channels.

All three measures look at *first contacts*: the earliest message of a pair of accounts, credited
to the account that sent it.  Replies and ongoing chats among friends do not count, so a minor
chatting with classmates is not a pattern; an adult (or an account posing as a teen) opening
conversations with a dozen minors in two days is.

* ``minors_contacted``: distinct likely minors (declared age under 18) the account first-contacted;
* ``burst``: the most such first contacts inside any window of ``burst_window`` seconds;
* ``fast_private``: minors moved to a private channel (``private_platforms``) within
  ``private_window`` seconds of a first contact made elsewhere, and the median time that took
  (a conversation that began on a private channel was not moved: friends' DMs are no pattern).

Everything is vectorised over the message arrays (sort, unique, searchsorted): 10M messages take
seconds, not a Python loop per account.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import numpy as np
import numpy.typing as npt

from childsafe.graph.network import NO_TIME, Network

__all__ = ["ContactPatterns", "ContactSettings", "contact_patterns", "contact_score"]

DEFAULT_PRIVATE_PLATFORMS: Final = ("dm", "private", "snap", "snapchat", "whatsapp", "telegram", "signal")


@dataclass(frozen=True)
class ContactSettings:
    burst_window: int = 48 * 3600
    private_window: int = 24 * 3600
    private_platforms: tuple[str, ...] = DEFAULT_PRIVATE_PLATFORMS
    #: Bursts up to this size are ordinary (a new class, a new game): the score starts above it.
    ordinary_burst: int = 4
    #: Each this many minors above ``ordinary_burst`` takes the score ~63 % of the rest of the way to 1.
    burst_scale: float = 4.0


@dataclass
class ContactPatterns:
    """Per-account arrays (index = account number)."""

    minors_contacted: npt.NDArray[np.int64]
    burst: npt.NDArray[np.int64]
    burst_start: npt.NDArray[np.int64]  # Unix seconds of the densest window, NO_TIME if none
    fast_private: npt.NDArray[np.int64]
    median_private_delay: npt.NDArray[np.float64]  # seconds; NaN when none

    def explain(self, account: int) -> dict[str, object]:
        out: dict[str, object] = {"minors_first_contacted": int(self.minors_contacted[account]),
                                  "burst": int(self.burst[account])}
        if self.burst_start[account] != NO_TIME:
            out["burst_start"] = int(self.burst_start[account])
        if self.fast_private[account]:
            out["moved_to_private_fast"] = int(self.fast_private[account])
            out["median_private_delay_s"] = float(self.median_private_delay[account])
        return out


def contact_patterns(net: Network, settings: ContactSettings | None = None) -> ContactPatterns:
    s = settings or ContactSettings()
    n = net.n_accounts
    minors = net.minors()
    sender = net.msg_sender.astype(np.int64)
    recip = net.msg_recipient.astype(np.int64)
    ts = net.msg_ts
    empty = ContactPatterns(np.zeros(n, np.int64), np.zeros(n, np.int64), np.full(n, NO_TIME, np.int64),
                            np.zeros(n, np.int64), np.full(n, np.nan))
    known = (ts != NO_TIME) & (sender != recip)
    if not known.any() or n == 0:
        return empty
    sender, recip, ts, plat = sender[known], recip[known], ts[known], net.msg_platform[known]
    lo, hi = np.minimum(sender, recip), np.maximum(sender, recip)
    pair = lo * n + hi
    order = np.lexsort((ts, pair))
    pair_sorted = pair[order]
    first_idx = order[np.r_[True, pair_sorted[1:] != pair_sorted[:-1]]]
    # First contacts: the earliest message of each pair; the sender is the initiator.
    init, target, t0 = sender[first_idx], recip[first_idx], ts[first_idx]
    to_minor = minors[target]
    init_m, t0_m = init[to_minor], t0[to_minor]
    result = empty
    result.minors_contacted = np.bincount(init_m, minlength=n).astype(np.int64)
    # Densest window: for each first contact, how many of the same initiator's fall in [t, t + window).
    o = np.lexsort((t0_m, init_m))
    a_sorted, t_sorted = init_m[o], t0_m[o]
    # One sortable key per (initiator, time); times are shifted to start at 0 so that dates before
    # 1970 (negative seconds) cannot spill into the previous initiator's range.
    t_base = int(t_sorted.min()) if t_sorted.size else 0
    span = np.int64(int(t_sorted.max()) - t_base + s.burst_window + 1) if t_sorted.size else np.int64(1)
    key = a_sorted * span + (t_sorted - t_base)
    ends = np.searchsorted(key, key + s.burst_window, side="left")
    counts = ends - np.arange(key.size)
    if counts.size:
        best = np.zeros(n, np.int64)
        np.maximum.at(best, a_sorted, counts)
        result.burst = best
        # the start of the densest window, for the explanation
        is_best = counts == best[a_sorted]
        starts = np.full(n, NO_TIME, np.int64)
        starts[a_sorted[is_best][::-1]] = t_sorted[is_best][::-1]
        result.burst_start = starts
    _private_moves(result, s, net, pair, ts, plat, first_idx, init, to_minor, t0, n)
    return result


def _private_moves(result: ContactPatterns, s: ContactSettings, net: Network, pair: npt.NDArray[np.int64],
                   ts: npt.NDArray[np.int64], plat: npt.NDArray[np.int16], first_idx: npt.NDArray[np.int64],
                   init: npt.NDArray[np.int64], to_minor: npt.NDArray[np.bool_], t0: npt.NDArray[np.int64],
                   n: int) -> None:
    private_codes = [i for i, name in enumerate(net.platforms) if name.strip().lower() in s.private_platforms]
    if not private_codes:
        return
    private = np.isin(plat, private_codes)
    if not private.any():
        return
    p_pair, p_ts = pair[private], ts[private]
    o = np.lexsort((p_ts, p_pair))
    p_pair, p_ts = p_pair[o], p_ts[o]
    first = np.r_[True, p_pair[1:] != p_pair[:-1]]
    uniq_pair, first_private = p_pair[first], p_ts[first]
    pairs0 = pair[first_idx]
    pos = np.searchsorted(uniq_pair, pairs0)
    pos = np.minimum(pos, max(uniq_pair.size - 1, 0))
    # A conversation that began on a private channel was not moved there: only public first contacts count.
    began_public = ~np.isin(plat[first_idx], private_codes)
    has = (uniq_pair.size > 0) & (uniq_pair[pos] == pairs0) & to_minor & began_public
    delay = np.where(has, first_private[pos] - t0, -1)
    fast = has & (delay >= 0) & (delay <= s.private_window)
    result.fast_private = np.bincount(init[fast], minlength=n).astype(np.int64)
    if fast.any():
        who, d = init[fast], delay[fast].astype(np.float64)
        o = np.lexsort((d, who))
        who, d = who[o], d[o]
        starts = np.r_[0, np.flatnonzero(who[1:] != who[:-1]) + 1]
        ends = np.r_[starts[1:], who.size]
        lengths = ends - starts
        medians = (d[starts + (lengths - 1) // 2] + d[starts + lengths // 2]) / 2  # sorted within each account
        result.median_private_delay[who[starts]] = medians


def contact_score(patterns: ContactPatterns, settings: ContactSettings | None = None) -> npt.NDArray[np.float64]:
    """0 for ordinary contact behaviour, towards 1 for bursts of first contacts with minors."""
    s = settings or ContactSettings()
    excess = np.maximum(patterns.burst - s.ordinary_burst, 0).astype(np.float64)
    score = 1.0 - np.exp(-excess / s.burst_scale)
    # Moving minors to a private channel fast is a grooming step of its own; it strengthens the score.
    fast = np.maximum(patterns.fast_private - 1, 0).astype(np.float64)
    return np.asarray(1.0 - (1.0 - score) * np.exp(-fast / (2 * s.burst_scale)))
