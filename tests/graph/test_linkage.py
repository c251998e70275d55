"""link_accounts: identifiers join accounts into persons; families, shared IPs and shared media do not."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from tests.graph.graphkit import Platform, f1, flip_bits, make_network, pdq_of, same_person_pairs, sha_of, write_csv

from childsafe.errors import ConfigError
from childsafe.graph.events import hash_identifier
from childsafe.graph.linkage import KIND_WEIGHTS, LinkSettings, Person, link_accounts
from childsafe.graph.network import Network
from childsafe.store.graph import GraphStore
from childsafe.store.sql import SqlStore

KEY = b"shared-between-two-organisations"
IDENTIFIER_ROWS = [
    # one person, two accounts: the same email and phone, spelled differently
    ("alt1", "email", "Sam.Jones+games@googlemail.com"), ("alt2", "email", "samjones@gmail.com"),
    ("alt1", "phone", "+44 7700 900123"), ("alt2", "phone", "+44-7700-900-123"),
    # one person, three accounts sharing a phone and a payment card
    ("p1", "phone", "+1 (202) 555-0100"), ("p2", "phone", "+12025550100"), ("p3", "phone", "+1 202 555 0100"),
    ("p1", "payment", "tok_abc"), ("p2", "payment", "TOK_ABC"), ("p3", "payment", "tok_abc"),
    # a family: parent and child share the tablet and the home connection, nothing else
    ("mum", "device", "tablet-1"), ("kid", "device", "tablet-1"),
    ("mum", "ip", "198.51.100.7"), ("kid", "ip", "::ffff:198.51.100.7"),
    ("mum", "email", "mum@example.org"), ("kid", "email", "kid@example.org"),
    # 25 accounts behind one carrier NAT address
    *[(f"cafe{i:02d}", "ip", "203.0.113.9") for i in range(25)],
    # two strangers who happen to use one IP address
    ("s1", "ip", "192.0.2.44"), ("s2", "ip", "192.0.2.44"),
]


def persons_of(net: Network, settings: LinkSettings | None = None) -> dict[frozenset[str], Person]:
    return {frozenset(p.accounts): p for p in link_accounts(net, settings)}


def ingest(store: SqlStore, tmp_path: Path, rows: list[tuple[str, str, str]], name: str = "ids.csv",
           key: bytes | None = None) -> Network:
    graph = GraphStore(store)
    report = graph.ingest_file(write_csv(tmp_path / name, ("account", "kind", "value"), rows), hmac_key=key)
    assert report.error_count == 0
    return graph.load()


def test_exact_persons_on_a_hand_built_case(tmp_path: Path, store: SqlStore) -> None:
    persons = persons_of(ingest(store, tmp_path, IDENTIFIER_ROWS))
    assert set(persons) == {frozenset({"alt1", "alt2"}), frozenset({"p1", "p2", "p3"})}
    alt = persons[frozenset({"alt1", "alt2"})]
    assert alt.confidence == pytest.approx(1 - (1 - KIND_WEIGHTS["email"]) * (1 - KIND_WEIGHTS["phone"]))
    shared = {s["what"] for s in alt.evidence[0]["shared"]}
    assert shared == {"email:samjones@gmail.com", "phone:+447700900123"}
    assert alt.evidence[0]["accounts"] == ["alt1", "alt2"]
    trio = persons[frozenset({"p1", "p2", "p3"})]
    assert len(trio.evidence) == 2  # two pairs join three accounts (Kruskal)
    assert trio.confidence == pytest.approx(1 - (1 - KIND_WEIGHTS["phone"]) * (1 - KIND_WEIGHTS["payment"]))
    assert alt.person == "person-" + hashlib.sha256(b"alt1\nalt2").hexdigest()[:16]
    record = alt.to_record()
    assert set(record) == {"person", "accounts", "evidence", "confidence"}
    assert record["accounts"] == ["alt1", "alt2"]


def test_persons_come_most_confident_first_and_the_threshold_decides(tmp_path: Path, store: SqlStore) -> None:
    net = ingest(store, tmp_path, IDENTIFIER_ROWS)
    ordered = link_accounts(net)
    assert [p.confidence for p in ordered] == sorted((p.confidence for p in ordered), reverse=True)
    loose = persons_of(net, LinkSettings(threshold=0.6))
    assert frozenset({"alt1", "alt2"}) in loose
    assert frozenset({"mum", "kid"}) not in loose  # device + home IP: a household, at any threshold
    assert not any(len(p) > 3 for p in loose)  # the NAT address still links nobody
    assert frozenset({"s1", "s2"}) not in loose
    assert persons_of(net, LinkSettings(threshold=0.98)) == {}
    for bad in ({"threshold": 0.0}, {"threshold": 1.5}, {"max_shared": 1}, {"person_accounts": 1}):
        with pytest.raises(ConfigError):
            LinkSettings(**bad)


def test_hashed_identifiers_link_the_same_way_without_raw_values(tmp_path: Path, store: SqlStore) -> None:
    raw = persons_of(ingest(store, tmp_path, IDENTIFIER_ROWS))
    hashed_store = SqlStore(f"sqlite:///{tmp_path / 'hashed.sqlite3'}")
    try:
        hashed = persons_of(ingest(hashed_store, tmp_path, IDENTIFIER_ROWS, key=KEY))
    finally:
        hashed_store.close()
    assert set(hashed) == set(raw)
    for accounts, person in hashed.items():
        assert person.confidence == pytest.approx(raw[accounts].confidence)
        for pair in person.evidence:
            for item in pair["shared"]:
                kind, _, value = item["what"].partition(":")
                assert kind.endswith("_hmac") and len(value) == 64
                assert "gmail" not in value and "555" not in value
    assert {s["what"] for s in hashed[frozenset({"alt1", "alt2"})].evidence[0]["shared"]} == {
        f"email_hmac:{hash_identifier('email', 'samjones@gmail.com', KEY)}",
        f"phone_hmac:{hash_identifier('phone', '+447700900123', KEY)}"}


def test_two_organisations_link_through_shared_hashes_only_with_the_same_key(tmp_path: Path, store: SqlStore) -> None:
    ours = [("ours-1", "email", "Sam.Jones@gmail.com"), ("ours-1", "device", "DEV-9")]

    def theirs(key: bytes) -> list[tuple[str, str, str]]:
        return [("theirs-7", "email_hmac", hash_identifier("email", "samjones@gmail.com", key)),
                ("theirs-7", "device_hmac", hash_identifier("device", "dev-9", key))]

    graph = GraphStore(store)
    graph.ingest_file(write_csv(tmp_path / "ours.csv", ("account", "kind", "value"), ours), hmac_key=KEY)
    graph.ingest_file(write_csv(tmp_path / "other.csv", ("account", "kind", "value"), theirs(b"x" * 32)))
    assert persons_of(graph.load()) == {}  # another key: nothing in common
    graph.ingest_file(write_csv(tmp_path / "theirs.csv", ("account", "kind", "value"), theirs(KEY)))
    assert set(persons_of(graph.load())) == {frozenset({"ours-1", "theirs-7"})}


def test_shared_media_alone_never_links_however_many_files() -> None:
    """A ring trades the same files between different people: media are one piece of evidence."""
    files = [sha_of(f"file {i}") for i in range(40)]
    pdq = pdq_of(3)
    posts = [(who, sha, "", i) for i, sha in enumerate(files) for who in ("trader1", "trader2")]
    posts += [("trader1", sha_of("orig"), pdq, 0), ("trader2", sha_of("copy"), flip_bits(pdq, [1, 2, 3]), 0)]
    ages: dict[str, int | None] = {"trader1": None, "trader2": None, "alt": None}
    net = make_network(ages, posts=posts)
    assert link_accounts(net) == []
    assert link_accounts(net, LinkSettings(threshold=0.15)) != []  # the evidence is there, only weak
    # media add to identifiers: one device (0.6) plus shared files passes a 0.65 threshold (the device
    # is used by a third account too, so the exclusive-identifier rule does not apply)
    with_device = make_network(ages, posts=posts, identifiers=[("trader1", "device", "d"), ("trader2", "device", "d"),
                                                               ("alt", "device", "d")])
    person, = link_accounts(with_device, LinkSettings(threshold=0.65))
    assert person.confidence == pytest.approx(1 - 0.4 * 0.85)
    whats = [s["what"] for s in person.evidence[0]["shared"]]
    assert sum(w.startswith("media:") for w in whats) == 40
    assert [w for w in whats if w.startswith("near_media:")] == [
        f"near_media:sha256:{sha_of('orig')}~sha256:{sha_of('copy')} (3 bits)"]


def test_an_identifier_shared_by_more_than_max_shared_accounts_is_ignored() -> None:
    ages: dict[str, int | None] = {f"a{i}": None for i in range(6)}
    rows = [(f"a{i}", "email", "team@example.org") for i in range(6)]
    net = make_network(ages, identifiers=rows)
    assert link_accounts(net, LinkSettings(max_shared=5)) == []
    everyone, = link_accounts(net, LinkSettings(max_shared=6, threshold=0.4))
    assert everyone.accounts == sorted(ages) and everyone.confidence == pytest.approx(0.85 * 3 / 6)


def test_linkage_f1_on_the_synthetic_platform(platform: Platform, platform_plain: Network) -> None:
    truth = same_person_pairs(platform.truth.persons)
    predicted = same_person_pairs(p.accounts for p in link_accounts(platform_plain))
    precision, recall, score = f1(predicted, truth)
    assert len(truth) > 50
    assert score >= 0.95, (precision, recall)
    assert precision >= 0.95


def test_a_strong_identifier_only_two_accounts_use_links_them_and_says_why() -> None:
    ages: dict[str, int | None] = dict.fromkeys(["a1", "a2", "b1", "b2", "b3", "c1", "c2"], 30)
    net = make_network(ages, identifiers=[
        ("a1", "phone", "+15550001"), ("a2", "phone", "+15550001"),  # exactly two, nobody else: one person
        ("b1", "phone", "+15550002"), ("b2", "phone", "+15550002"), ("b3", "phone", "+15550002"),  # three
        ("c1", "ip", "81.2.3.4"), ("c2", "ip", "81.2.3.4")])  # an IP is never exclusive evidence
    persons = persons_of(net)
    assert set(persons) == {frozenset({"a1", "a2"})}
    person = persons[frozenset({"a1", "a2"})]
    assert person.confidence == 0.9
    shared = [item["what"] for item in person.evidence[0]["shared"]]
    assert "phone:+15550001" in shared and any(w.startswith("exclusive: phone:+15550001") for w in shared)
    # the rule is the weight's floor, not a cap: a pair with more evidence keeps its noisy-OR
    net2 = make_network({"x": 30, "y": 30}, identifiers=[("x", "email", "x@e.org"), ("y", "email", "x@e.org"),
                                                        ("x", "phone", "+1999"), ("y", "phone", "+1999")])
    assert persons_of(net2)[frozenset({"x", "y"})].confidence == pytest.approx(1 - 0.15 * 0.2)


@pytest.mark.parametrize("pattern", ["ip", "surname", "household", "relation"])
def test_a_household_sharing_a_device_or_card_is_kept_apart_and_explained(pattern: str) -> None:
    ages: dict[str, int | None] = {"parent": 41, "child": 12}
    rows = [("parent", "payment", "tok_family"), ("child", "payment", "tok_family")]
    if pattern == "ip":
        rows += [("parent", "ip", "81.9.9.9"), ("child", "ip", "81.9.9.9")]
    net = make_network(ages, identifiers=rows)
    if pattern == "surname":
        net.attributes = {0: {"surname": "Okafor"}, 1: {"surname": "okafor"}}
    elif pattern == "household":
        net.attributes = {0: {"household": "h7"}, 1: {"household": "h7"}}
    elif pattern == "relation":
        net.attributes = {1: {"relation": "parent"}}
    kept: list[dict[str, object]] = []
    assert link_accounts(net, kept_apart=kept) == []
    assert len(kept) == 1 and kept[0]["accounts"] == ["child", "parent"] and kept[0]["linked"] is False
    assert kept[0]["household"] and "household" in str(kept[0]["why"])
    # without the household pattern the same exclusive card links the two accounts
    net.attributes = {}
    if pattern != "ip":
        assert [p.accounts for p in link_accounts(net)] == [["child", "parent"]]


def test_a_household_still_links_on_personal_identifiers() -> None:
    net = make_network({"me": 30, "my_alt": 30}, identifiers=[
        ("me", "ip", "81.1.1.1"), ("my_alt", "ip", "81.1.1.1"), ("me", "device", "d1"), ("my_alt", "device", "d1"),
        ("me", "email", "me@e.org"), ("my_alt", "email", "me@e.org"), ("me", "phone", "+1777"),
        ("my_alt", "phone", "+1777")])
    person, = link_accounts(net)
    assert person.accounts == ["me", "my_alt"]
    assert person.confidence == pytest.approx(1 - 0.15 * 0.2)  # email and phone only: the device does not count
