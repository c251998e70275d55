"""The case report: four files with their hashes, every section, escaping of hostile strings, the
top-N cut with every finding still in findings.jsonl, a PDF that parses back and fetches nothing, and
the report's hashes in the audit log."""

from __future__ import annotations

import hashlib
import json
import re
import socket
from html.parser import HTMLParser
from pathlib import Path

import pytest

from childsafe.case.report import (
    KINDS,
    CaseReportInput,
    NetworkEdge,
    NetworkNode,
    ReportLimits,
    TimelineEvent,
    record_report,
    refuse_url,
    render_html,
    write_report,
)
from childsafe.case.report.charts import select_network, timeline_svg
from childsafe.case.report.render import write_pdf
from childsafe.case.report.sections import highlight
from childsafe.errors import PermissionDeniedError
from tests.case.sample import HOSTILE, HOSTILE_NAME, START, make_case

SECTIONS = ("summary", "known-media", "face-groups", "conversations", "people", "network", "timeline", "custody")


class _Tags(HTMLParser):
    """Every tag and attribute the page really has (what a browser would build)."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend(attrs)
        self.ids += [v for k, v in attrs if k == "id" and v]


def _parse(html: str) -> _Tags:
    tags = _Tags()
    tags.feed(html)
    return tags


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> tuple[CaseReportInput, Path, object]:
    data = make_case()
    out = tmp_path_factory.mktemp("report")
    return data, out, write_report(data, out)


def test_writes_four_files_whose_hashes_it_returns(report: tuple[CaseReportInput, Path, object]) -> None:
    _, out, paths = report
    record = paths.to_record()  # type: ignore[attr-defined]
    for name, key in (("report.html", "html_sha256"), ("report.pdf", "pdf_sha256"),
                      ("findings.jsonl", "findings_sha256"), ("custody.jsonl", "custody_sha256")):
        assert hashlib.sha256((out / name).read_bytes()).hexdigest() == record[key]
    assert not list(out.glob("*.partial"))


def test_every_section_is_present_and_nothing_is_loaded(report: tuple[CaseReportInput, Path, object]) -> None:
    _, out, _ = report
    html = (out / "report.html").read_text()
    tags = _parse(html)
    assert set(SECTIONS) <= set(tags.ids)
    assert tags.tags.count("svg") == 2  # the network and the timeline, inline
    assert "script" not in tags.tags and "img" not in tags.tags and "link" not in tags.tags
    assert not [k for k, v in tags.attrs if k.startswith("on")]
    links = [v or "" for k, v in tags.attrs if k.endswith(("href", "src"))]
    assert links and all(v.startswith("#") for v in links)  # only the SVGs' own glyphs and clip paths
    assert "default-src 'none'" in html and "@import" not in html and not re.search(r"url\((?!#)", html)
    assert "svg11.dtd" not in html and "<?xml" not in html


def test_hostile_strings_are_text_not_markup(report: tuple[CaseReportInput, Path, object]) -> None:
    _, out, _ = report
    html = (out / "report.html").read_text()
    assert HOSTILE not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html  # shown, escaped
    assert "<b>bold</b>" not in html and "{{ 7*7 }}" in html  # the name is data, never a template
    tags = _parse(html)
    assert "b" not in tags.tags and "script" not in tags.tags


def test_sections_show_what_the_case_found(report: tuple[CaseReportInput, Path, object]) -> None:
    _, out, _ = report
    html = (out / "report.html").read_text()
    assert "<mark>don&#39;t tell your mom</mark>" in html  # the indicator message, highlighted
    assert "cat1" in html and "ncmec" in html  # bank and category
    assert "img_00004.jpg" in html  # a face group's file
    assert "Groomer &lt;script&gt;" in html  # a suspect's chat display name
    assert "vanished between add and run" in html  # what failed
    assert "0" * 63 + "1" in html  # a file's sha256 in the chain of custody


def test_findings_jsonl_has_every_finding_and_the_errors(report: tuple[CaseReportInput, Path, object]) -> None:
    data, out, _ = report
    lines = [json.loads(line) for line in (out / "findings.jsonl").read_text().splitlines()]
    assert len(lines) == len(data.findings) + len(data.errors)
    for line in lines:
        assert line["kind"] in KINDS and 0 <= line["score"] <= 1 and line["label"] and line["explanation"]["detector"]
    kinds = {k: [x for x in lines if x["kind"] == k] for k in KINDS}
    assert all(x["where"]["path"] for x in kinds["known_media"])
    assert {x["where"]["account"] for x in kinds["suspect"]} == {"groomer_1", HOSTILE, "trader_7"}
    assert {x["where"]["account"] for x in kinds["at_risk"]} == {"kid_a", "kid_b"}
    groomer = next(x for x in kinds["suspect"] if x["where"]["account"] == "groomer_1")
    assert groomer["where"]["display_name"].startswith("Groomer")
    assert [len(x["where"]["paths"]) for x in kinds["face_group"]] == [5, 2]
    assert len(kinds["error"]) == 2 and kinds["conversation"] and kinds["other"]


def test_tables_list_the_top_rows_and_say_how_many_more() -> None:
    data = make_case(findings=400, files=300)
    html = render_html(data, ReportLimits(top=5, custody=10))
    known = sum(1 for f in data.findings if f.label == "known_media")
    assert f"Showing 5 of {known} known media; every one is in findings.jsonl" in html
    assert "Showing 10 of 300 files; every one is in custody.jsonl" in html
    assert "img_00299.jpg" not in html.split('id="custody"')[1]


def test_pdf_parses_back_with_the_report_text(report: tuple[CaseReportInput, Path, object]) -> None:
    pypdf = pytest.importorskip("pypdf")
    _, out, _ = report
    pdf = pypdf.PdfReader(str(out / "report.pdf"))
    assert len(pdf.pages) > 0
    text = " ".join(page.extract_text() for page in pdf.pages)
    for words in ("Summary", "Known media by bank and category", "Face groups", "Conversations",
                  "Network around the suspects", "Timeline", "Chain of custody", "groomer_1", "ncmec"):
        assert words in text


def test_the_pdf_renderer_fetches_no_url(tmp_path: Path) -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(5)
        listener.setblocking(False)
        base = f"http://127.0.0.1:{listener.getsockname()[1]}"
        page = (f'<html><head><link rel="stylesheet" href="{base}/a.css"></head><body>'
                f'<img src="{base}/b.png"><p style="background: url({base}/c.png)">x</p>'
                f'<img src="file:///etc/hostname"></body></html>')
        write_pdf(page, tmp_path / "x.pdf")
        with pytest.raises(BlockingIOError):
            listener.accept()  # nobody connected
    assert (tmp_path / "x.pdf").read_bytes().startswith(b"%PDF")
    with pytest.raises(PermissionDeniedError):
        refuse_url("data:text/plain,x")


def test_highlight_escapes_around_the_marked_words() -> None:
    marked = str(highlight("<b>hi</b> how OLD are you", ["how old are you", "<b>"]))
    assert marked == "<mark>&lt;b&gt;</mark>hi&lt;/b&gt; <mark>how OLD are you</mark>"


def test_network_keeps_suspects_and_their_neighbours_within_the_limit() -> None:
    nodes = [NetworkNode("s", "suspect", score=0.9), NetworkNode("far", "contact")]
    nodes += [NetworkNode(f"n{i}", "contact") for i in range(10)]
    edges = [NetworkEdge("s", f"n{i}") for i in range(10)] + [NetworkEdge("n0", "far")]
    kept, kept_edges = select_network(nodes, edges, 5)
    assert [n.id for n in kept][0] == "s" and len(kept) == 5 and "far" not in {n.id for n in kept}
    assert all(e.source == "s" for e in kept_edges) and len(kept_edges) == 4


def test_many_events_draw_as_counts_and_naive_times_read_as_utc() -> None:
    from datetime import timedelta

    events = [TimelineEvent((START + timedelta(minutes=i)).replace(tzinfo=None), "alert", HOSTILE_NAME)
              for i in range(1500)]
    svg = timeline_svg(events)
    assert svg.startswith("<svg") and "alert (1500)" in svg  # the legend's count (a comment of its text)


def test_report_hashes_go_to_the_audit_log(report: tuple[CaseReportInput, Path, object], tmp_path: Path) -> None:
    from childsafe.store.service import ServiceStore
    from childsafe.store.sql import open_store

    _, _, paths = report
    store = open_store(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    try:
        service = ServiceStore(store)
        entry = record_report(service, "case one", paths, actor="analyst")  # type: ignore[arg-type]
        assert service.verify_audit().ok
        (logged,) = [e for e in service.audit_entries() if e.action == "case.report"]
        assert logged.id == entry.id and logged.target == "case one" and logged.actor == "analyst"
        assert logged.details["html_sha256"] == paths.html_sha256  # type: ignore[attr-defined]
        assert logged.details["pdf_sha256"] == paths.pdf_sha256  # type: ignore[attr-defined]
    finally:
        store.close()


def test_public_names_are_pinned() -> None:
    import childsafe.case
    import childsafe.case.report

    assert childsafe.case.__all__ == ["report"]
    assert sorted(childsafe.case.report.__all__) == sorted([
        "KINDS", "REPORT_AUDIT_ACTION", "BankVersion", "CaseReportInput", "ChatMessage", "CustodyFile", "Decision",
        "NetworkEdge", "NetworkNode", "ReportLimits", "ReportPaths", "RunError", "StageSummary", "TimelineEvent",
        "error_finding", "face_group_finding", "finding_kind", "finding_line", "record_report", "refuse_url",
        "render_html", "write_report"])


def test_an_empty_case_still_reports_every_section(tmp_path: Path) -> None:
    paths = write_report(CaseReportInput(case="empty", tool_version="0.1.0"), tmp_path)
    html = paths.html.read_text()
    assert set(SECTIONS) <= set(_parse(html).ids)
    assert "No known media." in html and "No network to draw." in html and "Nothing failed." in html
    assert paths.findings.read_text() == "" and paths.findings_count == 0
    assert paths.pdf.read_bytes().startswith(b"%PDF")


def test_edges_to_unknown_nodes_and_mixed_time_zones_do_not_break_the_drawings(tmp_path: Path) -> None:
    nodes = [NetworkNode("a", "suspect"), NetworkNode("a", "suspect"), NetworkNode("b", "at_risk")]
    edges = [NetworkEdge("a", "b"), NetworkEdge("a", "ghost"), NetworkEdge("ghost", "b")]
    events = [TimelineEvent(START, "alert", "x"), TimelineEvent(START.replace(tzinfo=None), "decision", "y")]
    data = CaseReportInput(case="odd", tool_version="0.1.0", nodes=nodes, edges=edges, timeline=events)
    html = render_html(data)
    assert "2 of 3 accounts and media, 1 links" in html and html.count("<svg") == 2


def test_the_same_case_gives_the_same_html(tmp_path: Path) -> None:
    first = write_report(make_case(), tmp_path / "a", written=START)
    second = write_report(make_case(), tmp_path / "b", written=START)
    assert first.html_sha256 == second.html_sha256 and first.findings_sha256 == second.findings_sha256
    assert "written 2026-05-01 09:00:00 UTC" in first.html.read_text()


def test_the_input_has_no_field_that_could_carry_media() -> None:
    import dataclasses
    import typing

    import childsafe.case.report.model as model

    for name in model.__all__:
        cls = getattr(model, name)
        if not dataclasses.is_dataclass(cls):
            continue
        for f in dataclasses.fields(cls):
            hint = str(typing.get_type_hints(cls)[f.name])
            assert "bytes" not in hint and "Image" not in hint and "ndarray" not in hint, f"{name}.{f.name}: {hint}"
