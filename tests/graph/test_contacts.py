"""Contact patterns on hand-built message lists, with the exact numbers they must give."""

from __future__ import annotations

import math

import numpy as np
import pytest
from tests.graph.graphkit import make_network

from childsafe.graph.contacts import ContactPatterns, ContactSettings, contact_patterns, contact_score
from childsafe.graph.network import NO_TIME, Network

T0 = 1_700_000_000
H = 3600
D = 24 * H


def patterns_of(net: Network, settings: ContactSettings | None = None) -> tuple[ContactPatterns, dict[str, int]]:
    return contact_patterns(net, settings), net.account_index()


def groomer_network() -> Network:
    ages: dict[str, int | None] = {"groomer": 30, "k1": 14, "k2": 14, "k3": 14, "k4": 15, "k5": 16, "k6": 13,
                                   "k7": 15, "adult": 40, "pal": 13, "unknown_age": None}
    messages = [
        ("groomer", "k1", T0, "game"), ("groomer", "k1", T0 + 2 * H, "dm"),  # moved to DMs after 2 h
        ("k1", "groomer", T0 + 3 * H, "dm"),  # a reply is no new contact
        ("groomer", "k2", T0 + H, "game"), ("groomer", "k2", T0 + 31 * H, "dm"),  # moved after 30 h: not fast
        ("groomer", "k3", T0 + 2 * H, "forum"), ("k3", "groomer", T0 + 5 * H, " DM "),  # the child moved, 3 h
        ("groomer", "k4", T0 + 3 * H, "game"), ("groomer", "k4", NO_TIME, "dm"),  # no time: not a move
        ("groomer", "k5", T0 + 10 * H, "game"),
        ("groomer", "k6", T0 + 5 * D, "game"),  # outside the 48 h burst
        ("k7", "groomer", T0 - H, "game"), ("groomer", "k7", T0, "dm"),  # k7 wrote first
        ("groomer", "adult", T0 + 4 * H, "game"),  # not a minor
        ("groomer", "unknown_age", T0 + 4 * H, "game"),  # age unknown: not a likely minor
        ("groomer", "groomer", T0, "game"),  # a self-message is nobody
        ("pal", "k1", T0 + D, "game"), ("k1", "pal", T0 + D + 60, "game"),
    ]
    return make_network(ages, messages)


def test_first_contacts_bursts_and_private_moves_have_exact_counts() -> None:
    p, ix = patterns_of(groomer_network())
    g = ix["groomer"]
    assert p.minors_contacted[g] == 6  # k1..k6; not k7 (who wrote first), the adult or the unknown age
    assert p.burst[g] == 5 and p.burst_start[g] == T0  # k1..k5 inside [T0, T0 + 48 h)
    assert p.fast_private[g] == 2  # k1 after 2 h and k3 after 3 h
    assert p.median_private_delay[g] == pytest.approx(2.5 * H)
    assert p.explain(g) == {"minors_first_contacted": 6, "burst": 5, "burst_start": T0,
                            "moved_to_private_fast": 2, "median_private_delay_s": 2.5 * H}
    assert (p.minors_contacted[ix["pal"]], p.burst[ix["pal"]], p.fast_private[ix["pal"]]) == (1, 1, 0)
    for name in ("k1", "k3", "k7", "adult", "unknown_age"):
        assert p.minors_contacted[ix[name]] == 0 and p.burst[ix[name]] == 0
        assert p.burst_start[ix[name]] == NO_TIME and math.isnan(p.median_private_delay[ix[name]])
    assert p.explain(ix["k1"]) == {"minors_first_contacted": 0, "burst": 0}


def test_contact_score_is_the_documented_function_of_burst_and_private_moves() -> None:
    p, ix = patterns_of(groomer_network())
    score = contact_score(p)
    # burst 5 is one above the ordinary 4; two fast moves are one above the first
    assert score[ix["groomer"]] == pytest.approx(1 - math.exp(-1 / 4) * math.exp(-1 / 8))
    assert score[ix["pal"]] == 0.0 and score[ix["k1"]] == 0.0
    assert np.all((score >= 0) & (score < 1))


def test_burst_windows_are_half_open() -> None:
    ages: dict[str, int | None] = {"a": 30, "b": 30, "m1": 12, "m2": 12, "m3": 12}
    messages = [("a", "m1", T0, "chat"), ("a", "m2", T0 + 48 * H, "chat"),  # exactly one window apart
                ("b", "m1", T0, "chat"), ("b", "m2", T0 + 48 * H - 1, "chat"), ("b", "m3", T0 + 90 * H, "chat")]
    p, ix = patterns_of(make_network(ages, messages))
    assert (p.burst[ix["a"]], p.burst[ix["b"]]) == (1, 2)
    assert p.burst_start[ix["a"]] == T0 and p.burst_start[ix["b"]] == T0  # the earliest densest window
    narrow, _ = patterns_of(make_network(ages, messages), ContactSettings(burst_window=H))
    assert (narrow.burst[ix["a"]], narrow.burst[ix["b"]]) == (1, 1)


def test_friends_chatting_in_dms_are_no_pattern() -> None:
    """A conversation that began on a private channel was not moved there (the module's promise)."""
    ages: dict[str, int | None] = {"kid": 14, "f1": 14, "f2": 15, "f3": 14, "f4": 13}
    messages = [("kid", f, T0 + i * H, "dm") for i, f in enumerate(["f1", "f2", "f3", "f4"])]
    messages += [(f, "kid", T0 + i * H + 60, "dm") for i, f in enumerate(["f1", "f2", "f3", "f4"])]
    p, ix = patterns_of(make_network(ages, messages))
    assert p.fast_private[ix["kid"]] == 0 and math.isnan(p.median_private_delay[ix["kid"]])
    assert p.burst[ix["kid"]] == 4  # four classmates in a day is ordinary ...
    assert contact_score(p)[ix["kid"]] == 0.0  # ... and scores nothing


def test_median_delay_and_settings() -> None:
    ages: dict[str, int | None] = {"a": 30, "m1": 12, "m2": 12, "m3": 12}
    messages = [("a", m, T0, "game") for m in ("m1", "m2", "m3")]
    messages += [("a", "m1", T0 + H, "snapchat"), ("m2", "a", T0 + 2 * H, "telegram"), ("a", "m3", T0 + 10 * H, "dm")]
    p, ix = patterns_of(make_network(ages, messages))
    assert p.fast_private[ix["a"]] == 3 and p.median_private_delay[ix["a"]] == 2 * H
    short, _ = patterns_of(make_network(ages, messages), ContactSettings(private_window=5 * H))
    assert short.fast_private[ix["a"]] == 2 and short.median_private_delay[ix["a"]] == 1.5 * H
    only_dm, _ = patterns_of(make_network(ages, messages), ContactSettings(private_platforms=("dm",)))
    assert only_dm.fast_private[ix["a"]] == 1 and only_dm.median_private_delay[ix["a"]] == 10 * H


def test_a_network_without_times_or_messages_has_no_patterns() -> None:
    ages: dict[str, int | None] = {"a": 30, "m": 12}
    for messages in ([], [("a", "m", NO_TIME, "dm")]):
        p, _ = patterns_of(make_network(ages, messages))
        assert p.minors_contacted.tolist() == [0, 0] and p.burst.tolist() == [0, 0]
        assert p.burst_start.tolist() == [NO_TIME, NO_TIME] and p.fast_private.tolist() == [0, 0]
        assert contact_score(p).tolist() == [0.0, 0.0]
    empty = contact_patterns(Network.empty())
    assert empty.burst.size == 0 and contact_score(empty).size == 0


def test_bursts_before_1970_are_counted_per_initiator() -> None:
    """Negative Unix times (dates before 1970) must not leak into another initiator's window."""
    import numpy as np

    from childsafe.graph.contacts import contact_patterns
    from childsafe.graph.network import Network

    net = Network.empty()
    net.accounts = ["adult-a", "adult-b", "kid-1", "kid-2", "kid-3"]
    net.declared_age = np.array([40, 41, 14, 15, 13], np.float32)
    net.created_at = np.full(5, -1, np.int64)
    net.msg_sender = np.array([0, 0, 1], np.int32)
    net.msg_recipient = np.array([2, 3, 4], np.int32)
    net.msg_ts = np.array([-90_000_000, -89_999_000, -89_998_000], np.int64)
    net.msg_platform = np.zeros(3, np.int16)
    net.platforms = ["chat"]
    patterns = contact_patterns(net)
    assert patterns.burst.tolist() == [2, 1, 0, 0, 0]
    assert patterns.minors_contacted.tolist() == [2, 1, 0, 0, 0]
