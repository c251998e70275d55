"""Network media of any registered signal type: read, stored, joined as the type says.

The graph asks the signal-type registry: an MD5 (exact) joins accounts that posted the same file, a
vPDQ (perceptual) joins near copies by vPDQ's own rule and meets a hash-list entry through vPDQ's
index, and a plug-in type (the toy ``toy_ahash``, installed from a real entry point) does the same.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from tests.graph.graphkit import flip_bits, pdq_of, write_csv, write_jsonl
from tests.media.toy_signal import toy_installed  # noqa: F401 - a fixture

from childsafe.graph.build import build_graph
from childsafe.graph.events import MediaEvent, RowError, detect_kind, iter_events
from childsafe.graph.linkage import LinkSettings, link_accounts
from childsafe.graph.network import Network
from childsafe.matching import Matcher
from childsafe.store.base import NewEntry
from childsafe.store.graph import GraphStore, media_matcher
from childsafe.store.sql import SqlStore

#: Shared media alone links here: the tests look at which accounts media join, not at the weights.
MEDIA_LINKS = LinkSettings(media_weight=0.9, near_media_weight=0.9)


def md5_of(text: str) -> str:
    return hashlib.md5(text.encode()).hexdigest()  # noqa: S324 - a test fixture's file digest


def vpdq_of(seeds: tuple[int, ...], bits: int = 0) -> str:
    """A vPDQ of one frame per seed, each frame ``bits`` bits away from ``pdq_of(seed)``."""
    return json.dumps([f"{flip_bits(pdq_of(s), list(range(bits)))},100,{t:.3f}" for t, s in enumerate(seeds)])


def persons(net: Network, settings: LinkSettings = MEDIA_LINKS) -> set[frozenset[str]]:
    return {frozenset(p.accounts) for p in link_accounts(net, settings)}


def shared_items(net: Network) -> set[str]:
    return {s["what"] for p in link_accounts(net, MEDIA_LINKS) for pair in p.evidence for s in pair["shared"]}


def ingest(store: SqlStore, path: Path) -> GraphStore:
    graph = GraphStore(store)
    report = graph.ingest_file(path)
    assert report.error_count == 0, [e.message for e in report.errors]
    return graph


# --------------------------------------------------------------------------- readers


def test_csv_and_jsonl_readers_take_every_registered_signal_column(tmp_path: Path) -> None:
    vpdq = vpdq_of((1, 2))
    csv = write_csv(tmp_path / "media.csv", ("account", "md5", "vpdq", "sha1", "colour"),
                    [("a", md5_of("x").upper(), vpdq, "", "red"), ("b", "", "", "ab" * 20, "")])
    assert detect_kind(csv) == "media"
    assert list(iter_events(csv)) == [
        MediaEvent("a", row=2, other_signals=(("md5", md5_of("x")), ("vpdq", vpdq))),
        MediaEvent("b", row=3, other_signals=(("sha1", "ab" * 20),)),
    ]
    jsonl = write_jsonl(tmp_path / "media.jsonl", [{"account": "c", "md5": md5_of("y"), "pdq": pdq_of(3)},
                                                   {"account": "d", "video_md5": md5_of("v")}])
    assert detect_kind(jsonl) == "media"
    events = list(iter_events(jsonl))
    assert events == [MediaEvent("c", pdq=pdq_of(3), row=1, other_signals=(("md5", md5_of("y")),)),
                      MediaEvent("d", row=2, other_signals=(("video_md5", md5_of("v")),))]
    assert events[0].signals() == {"md5": md5_of("y"), "pdq": pdq_of(3)}


def test_an_invalid_signal_of_any_type_is_an_error_of_its_record_only(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "media.csv", ("account", "md5", "vpdq"),
                     [("a", "not-hex", ""), ("b", "", "[1, 2]"), ("c", md5_of("ok"), ""), ("d", "", "")])
    got = list(iter_events(path))
    assert [type(e).__name__ for e in got] == ["RowError", "RowError", "MediaEvent", "RowError"]
    errors = [e for e in got if isinstance(e, RowError)]
    assert [e.row for e in errors] == [2, 3, 5]
    assert "md5" in errors[0].message and "vpdq" in errors[1].message  # the type's own InvalidSignalError
    assert "neither is set" in errors[2].message and "md5" in errors[2].message


# --------------------------------------------------------------------------- joins


def test_an_md5_joins_the_accounts_that_posted_it_and_no_others(tmp_path: Path, store: SqlStore) -> None:
    shared, other = md5_of("shared file"), md5_of("another file")
    path = write_csv(tmp_path / "media.csv", ("account", "md5"), [("a", shared), ("b", shared), ("c", other)])
    net = ingest(store, path).load()
    assert net.n_media == 2 and net.media_signals["md5"] == [shared, other]
    assert net.media_sha256 == ["", ""] and net.media_pdq == ["", ""]  # the named lists stay parallel
    assert persons(net) == {frozenset({"a", "b"})}
    assert shared_items(net) == {f"media:md5:{shared}"}
    rg = build_graph(net)
    node = rg.media_offset + net.media_signals["md5"].index(shared)
    assert rg.node_label(node) == f"media:md5:{shared}"
    assert sorted(rg.node_label(n) for n in rg.graph.neighbors(node)) == ["account:a", "account:b"]


def test_a_vpdq_joins_near_copies_by_its_own_rule_and_meets_its_bank_entry(tmp_path: Path,
                                                                           store: SqlStore) -> None:
    listed = vpdq_of((10, 11, 12))
    near1, near2, far = vpdq_of((10, 11, 12), bits=3), vpdq_of((10, 11, 12), bits=6), vpdq_of((50, 51, 52))
    # d, e and f share one IP (too weak to link); d and e also posted near copies of one video
    write_csv(tmp_path / "ids.csv", ("account", "kind", "value"),
              [(a, "ip", "198.51.100.9") for a in ("d", "e", "f")])
    media = write_csv(tmp_path / "media.csv", ("account", "vpdq"), [("d", near1), ("e", near2), ("f", far)])
    graph = ingest(store, media)
    ingest(store, tmp_path / "ids.csv")
    store.create_bank("videos")
    store.add_entries("videos", [NewEntry("vpdq", listed, label="video-1")])

    net = graph.load(media_matcher(Matcher(store)))
    assert net.n_media == 3 and net.media_signals["vpdq"] == [near1, near2, far]
    assert persons(net) == {frozenset({"d", "e"})}
    (near,) = (what for what in shared_items(net) if what.startswith("near_media:"))
    assert "vpdq distance 0" in near  # vPDQ's own distance: every frame matched
    names = {net.media_name(i) for i in range(3)}
    assert all(n.startswith("vpdq:") and len(n) == len("vpdq:") + 64 for n in names)  # long signals: digests
    # the bank entry is found through vPDQ's index for both near copies, not for the far video
    assert {i: [(e.bank, e.signal_type, e.label) for e in ev] for i, ev in net.media_evidence.items()} == {
        0: [("videos", "vpdq", "video-1")], 1: [("videos", "vpdq", "video-1")]}
    rg = build_graph(net)
    (known,) = range(rg.entry_offset, rg.known_end)
    assert sorted(rg.node_label(n) for n in rg.graph.neighbors(known)) == sorted(
        f"media:{net.media_name(i)}" for i in (0, 1))


@pytest.mark.usefixtures("toy_installed")
def test_a_plug_in_signal_type_flows_through_ingest_and_joins(tmp_path: Path, store: SqlStore) -> None:
    base = "f0f0f0f00f0f0f0f"
    near = "f0f0f0f00f0f0f0e"  # one bit away: within the toy's threshold (8)
    path = write_jsonl(tmp_path / "toy.jsonl", [
        {"account": "t1", "toy_ahash": base}, {"account": "t2", "toy_ahash": base.upper()},
        {"account": "t3", "toy_ahash": near}, {"account": "t4", "toy_ahash": "0123456789abcdef"},
        {"account": "t5", "toy_ahash": "nope"},
    ])
    assert detect_kind(path) == "media"
    report = GraphStore(store).ingest_file(path)
    assert (report.rows, report.error_count) == (4, 1)
    assert report.errors[0].row == 5 and "toy_ahash" in report.errors[0].message
    # t3 also shares a weak identifier with t1, so the near copy is looked at for that pair
    ingest(store, write_csv(tmp_path / "ids.csv", ("account", "kind", "value"),
                            [("t1", "url", "https://example.org/x"), ("t3", "url", "https://example.org/x")]))
    store.create_bank("toys")
    store.add_entries("toys", [NewEntry("toy_ahash", base, label="toy-1")])
    net = GraphStore(store).load(media_matcher(Matcher(store)))
    assert net.media_signals["toy_ahash"] == [base, near, "0123456789abcdef"]
    assert persons(net) == {frozenset({"t1", "t2", "t3"})}
    assert {w for w in shared_items(net) if w.startswith("near_media:")} == {
        f"near_media:toy_ahash:{base}~toy_ahash:{near} (toy_ahash distance 1)"}
    assert {i: [e.label for e in ev] for i, ev in net.media_evidence.items()} == {0: ["toy-1"], 1: ["toy-1"]}


@pytest.mark.usefixtures("toy_installed")
def test_stored_signals_of_a_type_no_longer_installed_still_load(tmp_path: Path, store: SqlStore,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    ingest(store, write_csv(tmp_path / "toy.csv", ("account", "toy_ahash"), [("u1", "f0f0f0f00f0f0f0f"),
                                                                              ("u2", "f0f0f0f00f0f0f0f")]))
    monkeypatch.undo()  # the toy is uninstalled (the fixture's sys.path entry goes: one monkeypatch per test)
    from childsafe.media.signals import signal_type_registry

    signal_type_registry.reload()
    assert "toy_ahash" not in signal_type_registry.entries()
    net = GraphStore(store).load(media_matcher(Matcher(store)))
    assert net.media_signals["toy_ahash"] == ["f0f0f0f00f0f0f0f"] and net.media_evidence == {}
    assert persons(net) == {frozenset({"u1", "u2"})}  # the same item still joins; nothing is matched
