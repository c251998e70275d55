"""The synthetic platform: deterministic, well-formed, with the rings and the noise it promises."""

from __future__ import annotations

import csv
import filecmp
import json
import resource
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from childsafe.errors import ConfigError
from childsafe.graph.events import normalize_identifier
from childsafe.graph.synthetic import COLUMNS, PlatformSpec, PlatformTruth, generate_platform, load_truth, main

SMALL = PlatformSpec(accounts=2_000, public_ip_users=120, viral_sharers=60, hub_fraction=0.005)


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        if path.suffix == ".jsonl":
            return [json.loads(line) for line in handle]
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> PlatformTruth:
    return generate_platform(tmp_path_factory.mktemp("small"), SMALL)


def test_same_seed_same_files_and_other_seed_differs(tmp_path: Path, small: PlatformTruth) -> None:
    again = generate_platform(tmp_path / "again", SMALL)
    other = generate_platform(tmp_path / "other", PlatformSpec(**{**SMALL.__dict__, "seed": 8}))
    for kind in (*COLUMNS, "truth", "seeds_file"):
        a, b, c = (getattr(t, kind) for t in (small, again, other))
        assert filecmp.cmp(a, b, shallow=False), kind
        assert not filecmp.cmp(a, c, shallow=False), kind


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_headers_and_columns_are_exact(tmp_path: Path, fmt: str) -> None:
    truth = generate_platform(tmp_path, PlatformSpec(accounts=800, public_ip_users=50, viral_sharers=20), fmt)
    for kind, columns in COLUMNS.items():
        path = getattr(truth, kind)
        assert path.suffix == "." + fmt
        if fmt == "csv":
            assert path.read_text(encoding="utf-8").splitlines()[0] == ",".join(columns)
        for row in rows(path):
            assert tuple(row) == columns
    for row in rows(truth.media):
        assert len(row["sha256"]) == 64 and int(row["sha256"], 16) >= 0
        assert row["pdq"] == "" or (len(row["pdq"]) == 64 and int(row["pdq"], 16) >= 0)
    assert {r["kind"] for r in rows(truth.identifiers)} == {"email", "phone", "ip", "device", "payment"}
    assert all(r["timestamp"].endswith("Z") and "T" in r["timestamp"] for r in rows(truth.messages))
    assert load_truth(tmp_path) == truth


def test_every_offender_is_in_exactly_one_ring_and_person(small: PlatformTruth) -> None:
    ring_of = Counter(a for ring in small.rings for a in ring)
    person_of = Counter(a for person in small.persons for a in person)
    assert set(ring_of) == set(small.offenders) and max(ring_of.values()) == 1
    assert all(person_of[a] == 1 for a in small.offenders)
    assert max(person_of.values()) == 1
    assert len(small.rings) == SMALL.rings
    assert set(small.seeds) <= set(small.offenders) and len(small.seeds) == SMALL.rings * SMALL.seeds_per_ring
    assert small.seeds_file.read_text(encoding="utf-8").split() == list(small.seeds)
    accounts = {r["account"] for r in rows(small.accounts)}
    assert set(small.offenders) <= accounts


def test_a_persons_accounts_are_joined_by_normalised_identifiers(small: PlatformTruth) -> None:
    values: dict[str, set[tuple[str, str]]] = defaultdict(set)
    raw_spellings: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in rows(small.identifiers):
        if row["kind"] != "ip":
            key = (row["kind"], normalize_identifier(row["kind"], row["value"]))
            values[row["account"]].add(key)
            raw_spellings[key].add(row["value"])
    multi = [p for p in small.persons if len(p) > 1]
    assert multi and any(len(p) > 1 for p in small.persons if p[0] in small.offenders)
    for person in multi:
        primary = values[person[0]]
        for alt in person[1:]:
            assert len(primary & values[alt]) >= 2, person  # two strong identifiers, unlike a family
    assert any(len(s) > 1 for s in raw_spellings.values())  # spelling variants are present


def test_ring_members_share_known_abuse_media(small: PlatformTruth) -> None:
    known_sha = {m.sha256 for m in small.known_abuse_media}
    known_pdq = [int(m.pdq, 16) for m in small.known_abuse_media]
    ring_of = {a: r for r, ring in enumerate(small.rings) for a in ring}
    exact: dict[str, set[str]] = defaultdict(set)
    near = 0
    for row in rows(small.media):
        if row["account"] in ring_of and row["sha256"] in known_sha:
            exact[row["sha256"]].add(row["account"])
        elif row["account"] in ring_of and row["pdq"]:
            pdq = int(row["pdq"], 16)
            near += any(0 < (pdq ^ k).bit_count() <= SMALL.max_flipped_bits for k in known_pdq)
        else:
            assert row["sha256"] not in known_sha
    assert any(len(owners) >= 2 for owners in exact.values())
    assert near > 0


def test_minors_and_victims(small: PlatformTruth) -> None:
    ages = {r["account"]: int(r["declared_age"]) for r in rows(small.accounts)}
    assert all(13 <= age <= 75 for age in ages.values())
    minors = sum(13 <= a <= 17 for a in ages.values())
    assert minors >= SMALL.minors
    assert small.victims and all(13 <= ages[v] <= 17 for v in small.victims)
    assert not set(small.victims) & set(small.offenders)


def test_noise_public_ips_and_viral_media(small: PlatformTruth) -> None:
    offenders = set(small.offenders)
    ip_users: dict[str, set[str]] = defaultdict(set)
    device_users: dict[str, set[str]] = defaultdict(set)
    for row in rows(small.identifiers):
        if row["account"] not in offenders:
            if row["kind"] == "ip":
                ip_users[row["value"]].add(row["account"])
            if row["kind"] == "device":
                device_users[row["value"]].add(row["account"])
    assert max(len(users) for users in ip_users.values()) >= 100
    assert sum(len(users) == 2 for users in device_users.values()) > 10  # families and alts
    media_owners: dict[str, set[str]] = defaultdict(set)
    for row in rows(small.media):
        if row["account"] not in offenders:
            media_owners[row["sha256"]].add(row["account"])
    assert sum(len(owners) >= 20 for owners in media_owners.values()) >= SMALL.viral_media // 2


def test_hubs_out_degree_exceeds_offenders(small: PlatformTruth) -> None:
    contacts: dict[str, set[str]] = defaultdict(set)
    for row in rows(small.messages):
        contacts[row["sender"]].add(row["recipient"])
    top = sorted(contacts, key=lambda a: len(contacts[a]), reverse=True)[: SMALL.hubs]
    assert not set(top) & set(small.offenders)  # degree alone puts hubs first


def test_scale_smoke_20k_accounts_memory_bounded(tmp_path: Path) -> None:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    truth = generate_platform(tmp_path, PlatformSpec(accounts=20_000))
    grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) * 1024
    with truth.messages.open(encoding="utf-8") as handle:
        lines = sum(1 for _ in handle)
    assert lines > 150_000
    assert grown < 60 * 2**20  # rows are streamed in chunks: the files are never held whole
    assert truth.messages.stat().st_size > 10 * 2**20


def test_bad_spec_and_format_raise_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError):
        PlatformSpec(accounts=0)
    with pytest.raises(ConfigError):
        PlatformSpec(minor_fraction=1.5)
    with pytest.raises(ConfigError):
        generate_platform(tmp_path, PlatformSpec(accounts=500), fmt="xml")


def test_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path), "--accounts", "600", "--seed", "3", "--format", "jsonl"]) == 0
    assert (tmp_path / "messages.jsonl").is_file() and (tmp_path / "seeds.txt").is_file()
    assert "offender accounts" in capsys.readouterr().out
    assert load_truth(tmp_path).spec.seed == 3
