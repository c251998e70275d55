"""``run_case`` end to end on a small mixed case: the findings join (a known photo posted by an account
is that account's network evidence; the chat's child is at risk), finished stages are skipped, an
interrupted run resumes to the same findings, and bad inputs are per-item errors."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from childsafe.case import run as case_run
from childsafe.case import stages as case_stages
from childsafe.case import stages_network
from childsafe.case.registry import CaseRegistry
from childsafe.case.report import finding_kind
from childsafe.case.run import CaseRunOptions, RunInput, run_case
from childsafe.findings import Finding
from childsafe.services import Services
from childsafe.store.case_stages import CaseStageStore
from tests.case.casekit import BACKENDS, PG_URL
from tests.case.mixed import CASE_SAMPLES, build_mixed_case, services_with_bank
from tests.postgres import reset_postgres

FAST = CaseRunOptions(workers=1, progress=False, faces=False, triage=False)


def _lines(findings: list[Finding]) -> list[str]:
    return sorted(json.dumps(f.to_record(), sort_keys=True) for f in findings)


@pytest.fixture
def services(tmp_path: Path) -> Iterator[Services]:
    s = services_with_bank(tmp_path / "home")
    yield s
    s.close()


@pytest.fixture(params=BACKENDS)
def case_services(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Services]:
    """A case's own services (its evidence store apart from the banks), on SQLite and PostgreSQL."""
    if request.param == "postgresql":
        reset_postgres(PG_URL)
    house = services_with_bank(tmp_path / "home", PG_URL if request.param == "postgresql" else None)
    opened = CaseRegistry(house).open(CaseRegistry(house).create("op", "test").name)
    yield opened
    opened.close()
    house.close()
    if request.param == "postgresql":
        reset_postgres(PG_URL)


def test_a_case_of_its_own_runs_on_each_store_with_the_main_banks(case_services: Services, tmp_path: Path) -> None:
    case = build_mixed_case(tmp_path / "case")
    first = run_case(case_services, "op", [RunInput(case)], FAST)
    assert first.findings["known_media"] >= 2 and first.findings["at_risk"] >= 2
    assert case_services.store.list_banks() == []  # the banks stay in the main store
    found = _lines(CaseStageStore(case_services.store, "op").findings())
    again = run_case(case_services, "op", [RunInput(case)], CaseRunOptions(workers=1, progress=False, faces=False,
                                                                            triage=False, force=True))
    assert not any(s.skipped for s in again.stages)
    assert _lines(CaseStageStore(case_services.store, "op").findings()) == found  # forced: the same, not doubled


def test_mixed_case_runs_end_to_end_and_the_findings_join(services: Services, tmp_path: Path) -> None:
    case = build_mixed_case(tmp_path / "case")
    summary = run_case(services, "mixed", [RunInput(case)], FAST)
    record = summary.to_record()
    assert record["inputs"]["chat"] == 2 and record["inputs"]["events"] == 3
    assert record["inputs"]["unknown"] == 1 and not summary.interrupted
    findings = CaseStageStore(services.store, "mixed").findings()
    by_kind: dict[str, list[Finding]] = {}
    for f in findings:
        by_kind.setdefault(finding_kind(f), []).append(f)
    known = {Path(f.where.path or "").name for f in by_kind["known_media"]}
    assert {"IMG-20240302-WA0001.jpg", "harbour_small.jpg"} <= known and "holiday.jpg" not in known
    # The account that posted the known photo (an events file) has it as network evidence.
    leads = {f.where.account: f for f in by_kind["suspect"] if f.source == "graph"}
    assert any(e.kind == "known_media" for e in leads["user1001"].explanation.evidence)
    # The chat's sender of the attached known photo (the WhatsApp export inside the zip) too.
    assert any(e.kind == "known_media" for e in leads["Max"].explanation.evidence)
    # The children who stated their ages in the chats are at risk, by the text and by the network.
    at_risk = {(f.source, f.where.account) for f in by_kind["at_risk"]}
    assert {("text", "Sam"), ("text", "user2002"), ("at_risk", "Sam"), ("at_risk", "user2002")} <= at_risk
    chat_paths = {f.where.path for f in by_kind["conversation"]}
    assert any(p and "phone.zip!/WhatsApp/" in p for p in chat_paths)
    assert record["findings"]["known_media"] == len(by_kind["known_media"])


def test_a_finished_run_is_skipped_and_a_changed_input_reruns_its_stages(services: Services,
                                                                          tmp_path: Path) -> None:
    case = build_mixed_case(tmp_path / "case")
    run_case(services, "mixed", [RunInput(case)], FAST)
    first = _lines(CaseStageStore(services.store, "mixed").findings())
    again = run_case(services, "mixed", [RunInput(case)], FAST)
    assert [s.skipped for s in again.stages if s.stage != "survey"] == [True] * len(case_run.STAGES)
    assert _lines(CaseStageStore(services.store, "mixed").findings()) == first
    (case / "events" / "more.csv").write_text("sender,recipient\nuser1001,user5005\n", encoding="utf-8")
    changed = run_case(services, "mixed", [RunInput(case)], FAST)
    skipped = {s.stage: s.skipped for s in changed.stages}
    assert not skipped["network"] and not skipped["ranking"] and skipped["conversations"]


def test_an_interrupted_run_resumes_to_the_same_findings(services: Services, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    case = build_mixed_case(tmp_path / "case")
    clean = services_with_bank(tmp_path / "clean")
    try:
        run_case(clean, "mixed", [RunInput(case)], FAST)
        expected = _lines(CaseStageStore(clean.store, "mixed").findings())
    finally:
        clean.close()

    real = stages_network.network_stage

    def dies_midway(ctx: case_stages.StageContext) -> case_stages.StageResult:
        ctx.items = [i for i in ctx.items if i.kind == "events"][:1]  # ingests one file, then the process dies
        real(ctx)
        raise KeyboardInterrupt

    monkeypatch.setitem(case_run._STAGE_FUNCTIONS, "network", dies_midway)
    stopped = run_case(services, "mixed", [RunInput(case)], FAST)
    assert stopped.interrupted and stopped.stages[-1].stage == "network"
    saved = {s.stage for s in CaseStageStore(services.store, "mixed").all()}
    assert "media" in saved and "network" not in saved
    monkeypatch.setitem(case_run._STAGE_FUNCTIONS, "network", real)
    resumed = run_case(services, "mixed", [RunInput(case)], FAST)
    assert {s.stage: s.skipped for s in resumed.stages}["media"]
    assert _lines(CaseStageStore(services.store, "mixed").findings()) == expected


def test_bad_inputs_are_per_item_errors_and_the_rest_is_analysed(services: Services, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(case_stages, "MAX_PARTICIPANTS", 3)
    monkeypatch.setattr("childsafe.case.inputs.MAX_CHAT_BYTES", 4096)
    case = tmp_path / "case"
    case.mkdir()
    good = (CASE_SAMPLES / "result.json").read_text(encoding="utf-8")
    (case / "good.json").write_text(good, encoding="utf-8")
    (case / "broken.json").write_text(good[: len(good) // 2], encoding="utf-8")  # a malformed export
    (case / "huge.txt").write_text("01/03/2024, 18:02 - Max: hello there\n" * 200, encoding="utf-8")
    crowd = [{"conversation_id": "c", "author": f"person{i}", "text": "hi all"} for i in range(10)]
    (case / "crowd.jsonl").write_text("\n".join(json.dumps(m) for m in crowd) + "\n", encoding="utf-8")
    vanished = tmp_path / "gone"
    summary = run_case(services, "bad", [RunInput(case), RunInput(vanished)], FAST)
    errors = summary.to_record()["error_items"]
    by_path: dict[str, list[str]] = {}
    for e in errors:
        by_path.setdefault(Path(e["path"]).name, []).append(e["error"])
    assert any("byte limit" in m for m in by_path["huge.txt"])
    assert by_path["broken.json"], "the malformed export is reported"
    assert any("participants" in m for m in by_path["crowd.jsonl"])
    assert any("vanished" in m for m in by_path["gone"])
    found = CaseStageStore(services.store, "bad").findings()
    assert any(f.where.account == "user1001" and Path(f.where.path or "").name == "good.json" for f in found)


def test_the_face_grouping_hook_runs_after_the_network_and_its_findings_are_kept(
        services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from childsafe.case.report import face_group_finding
    from childsafe.store.graph import GraphStore

    seen: list[int] = []

    def grouper(store: object) -> list[Finding]:
        seen.append(GraphStore(services.store).counts()["accounts"])  # the network is in by now
        return [face_group_finding("1", ["a.jpg", "b.jpg"], 0.9, accounts=["user1001"])]

    monkeypatch.setattr(case_stages, "FACE_GROUPER", grouper)
    case = build_mixed_case(tmp_path / "case")
    summary = run_case(services, "mixed", [RunInput(case)], CaseRunOptions(workers=1, progress=False, triage=False))
    assert seen and seen[0] > 0
    assert summary.findings["face_group"] == 1
    assert {s.stage: s.note for s in summary.stages}["face_groups"] == "1 face groups"


def test_the_report_input_is_read_back_from_the_case_store(services: Services, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import UTC, datetime

    from childsafe.case.report_input import build_report_input

    monkeypatch.setattr("childsafe.case.inputs.MAX_CHAT_BYTES", 4096)
    case = build_mixed_case(tmp_path / "case")
    (case / "huge.jsonl").write_text('{"conversation_id": "c", "author": "a", "text": "hi"}\n' * 200, encoding="utf-8")
    added = datetime(2024, 3, 10, tzinfo=UTC)
    inputs = [RunInput(case, added=added)]
    run_case(services, "mixed", inputs, FAST)
    services.reviews().decide("graph:user1001", "graph", "fp", "confirmed", "posted a known photo",
                              actor="alice", admin=False)
    data = build_report_input(services, "mixed", inputs, {"workers": 1}, {str(case): added})
    assert [(d.reviewer, d.item, d.decision) for d in data.decisions] == [("alice", "graph:user1001", "confirmed")]
    assert any(e.stage == "survey" and (e.path or "").endswith("huge.jsonl") for e in data.errors)
    custody = {Path(c.path).name: c for c in data.custody}
    assert custody["result.json"].hashes["sha256"] and custody["result.json"].added == added
    assert custody["result.json"].size == (case / "result.json").stat().st_size
    assert any(m.text.startswith("how old are you") and m.author == "user1001" for m in data.messages)
    assert data.display_names["user1001"] == "max_t" and data.display_names["user2002"] == "Lena"
    kinds = {t.kind for t in data.timeline}
    assert {"known_media", "first_contact", "alert", "decision"} <= kinds
    roles = {n.label: n.role for n in data.nodes}
    assert roles["user1001"] == "suspect" and roles["Sam"] == "at_risk"
    assert [b.name for b in data.banks] == ["sample-known"]
    assert data.settings["workers"] == 1 and data.settings["run_faces"] is False
    assert [s.stage for s in data.stages] == ["survey", *case_run.STAGES]


def test_the_report_highlights_the_words_an_indicator_matched(services: Services, tmp_path: Path) -> None:
    from childsafe.case.report import render_html
    from childsafe.case.report_input import build_report_input

    case = build_mixed_case(tmp_path / "case")
    run_case(services, "mixed", [RunInput(case)], FAST)
    html = render_html(build_report_input(services, "mixed", [RunInput(case)]))
    assert "<mark>how old are you</mark>" in html and "<mark>add me on snap</mark>" in html
