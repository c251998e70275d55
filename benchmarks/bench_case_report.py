#!/usr/bin/env python
"""A case report for a 100,000-finding case: size and time, against rendering every finding.

Generates a case (fixed seed): 100,000 findings (known media in three banks, conversation indicators
over 5,000 conversations, 2,000 suspects, 1,000 children at risk, 500 face groups, 1,000 run errors),
5,000 files in custody, a 3,000-node network and 10,000 timeline events.  Then:

* ours: ``write_report`` (report.html with the top rows of each table, report.pdf through WeasyPrint,
  findings.jsonl and custody.jsonl with every record); the time and each file's size.
* baseline: the same HTML with every finding, file and event listed (``ReportLimits`` with no cut),
  HTML only (WeasyPrint on it would take far longer): its size and time, and the ratio.

Goal (issue 14): a 100,000-finding case still yields a report (report.html + report.pdf) under 20 MB.

Run:
    python benchmarks/bench_case_report.py            # 100,000 findings, ~1-2 minutes
    python benchmarks/bench_case_report.py --quick    # 10,000 findings
Progress goes to stderr; stdout gets the figures and, last, one JSON line with all of them.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ForeignCpu, cpu_name, pkg_version, progress  # noqa: E402

from childsafe.case.report import (  # noqa: E402
    BankVersion,
    CaseReportInput,
    ChatMessage,
    CustodyFile,
    NetworkEdge,
    NetworkNode,
    ReportLimits,
    RunError,
    StageSummary,
    TimelineEvent,
    face_group_finding,
    render_html,
    write_report,
)
from childsafe.findings import Evidence, Explanation, Finding, Location  # noqa: E402

START = datetime(2026, 1, 1, tzinfo=UTC)
PHRASES = ("how old are you", "don't tell your mom about us", "add me on snap", "are you home alone")


def make_case(findings: int, rng: random.Random) -> CaseReportInput:
    files = max(500, findings // 20)
    paths = [f"evidence/batch_{i // 1000:03d}/photo_{i:06d}.jpg" for i in range(files)]
    suspects = [f"suspect_{i:05d}" for i in range(findings // 50)]
    children = [f"child_{i:05d}" for i in range(findings // 100)]
    out: list[Finding] = []
    for i, s in enumerate(suspects):
        evidence = (Evidence("reason", f"sent known media to {children[i % len(children)]}"),
                    Evidence("shared_media", "shared", where=Location(path=paths[i % files])))
        out.append(Finding("graph", "suspect", rng.random(), Location(account=s, node=f"account:{s}"),
                           Explanation("network_rank", evidence, {"role": "suspect"})))
    for c in children:
        out.append(Finding("at_risk", "at_risk", rng.random(), Location(account=c, node=f"account:{c}"),
                           Explanation("exposure", (Evidence("reason", "contacted by a suspect"),))))
    for g in range(findings // 200):
        out.append(face_group_finding(str(g), rng.sample(paths, rng.randint(2, 12)), rng.random(),
                                      accounts=rng.sample(children, 2)))
    conversations = max(100, findings // 20)
    messages: list[ChatMessage] = []
    errors = [RunError("text", "malformed export", f"chats/broken_{i}.json") for i in range(findings // 100)]
    i = 0
    while len(out) + len(errors) < findings:
        if i % 3 == 2:
            conv, author, index = f"conv_{i % conversations}", suspects[i % len(suspects)], i % 40
            words = PHRASES[i % len(PHRASES)]
            where = Location(conversation=conv, account=author, message_index=index)
            out.append(Finding("text", "trust_building", rng.random(), where,
                               Explanation("text_indicators", (Evidence("indicator", words, "trust", where, 0.5),),
                                           {"stage": "trust", "language": "en"})))
            if i < 30_000:
                messages.append(ChatMessage(conv, author, index, f"so, {words}?"))
        else:
            bank = ("ncmec", "iwf", "local")[i % 3]
            out.append(Finding("media", "known_media", rng.random(), Location(path=paths[i % files]),
                               Explanation("hash_match", (Evidence("pdq", f"pdq at distance {i % 30}: bank {bank!r}",
                                                                   i % 30, weight=0.8),),
                                           {"bank": bank, "signal_type": "pdq", "label": f"category_{i % 4}"})))
        i += 1
    nodes = [NetworkNode(f"account:{s}", "suspect", s, rng.random()) for s in suspects]
    nodes += [NetworkNode(f"account:{c}", "at_risk", c) for c in children]
    edges = [NetworkEdge(f"account:{rng.choice(suspects)}", f"account:{rng.choice(children)}") for _ in range(4000)]
    kinds = ("first_contact", "alert", "known_media", "decision")
    timeline = [TimelineEvent(START + timedelta(minutes=rng.randint(0, 60 * 24 * 180)), kinds[j % 4], f"event {j}",
                              account=rng.choice(suspects)) for j in range(findings // 10)]
    return CaseReportInput(
        case="benchmark case", tool_version="0.1.0", findings=out, errors=errors, messages=messages,
        custody=[CustodyFile(p, rng.randint(10_000, 9_000_000), START, START,
                             {"sha256": f"{rng.getrandbits(256):064x}"}) for p in paths],
        banks=[BankVersion(b, "2026-01-01", 100_000) for b in ("ncmec", "iwf", "local")],
        settings={"pdq_threshold": 31}, stages=[StageSummary("hash", files, 0, 1.0)],
        nodes=nodes, edges=edges, timeline=timeline, created=START)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--findings", type=int, default=100_000)
    parser.add_argument("--quick", action="store_true", help="10,000 findings")
    args = parser.parse_args()
    n = 10_000 if args.quick else args.findings
    progress(f"generating a case with {n:,} findings")
    data = make_case(n, random.Random(14))
    with tempfile.TemporaryDirectory(prefix="bench-case-report-") as tmp:
        out = Path(tmp) / "report"
        foreign = ForeignCpu()
        progress("ours: write_report (html, pdf, jsonl)")
        t0 = time.perf_counter()
        paths = write_report(data, out)
        ours_s = time.perf_counter() - t0
        sizes = {p.name: p.stat().st_size for p in sorted(out.iterdir())}
        progress("baseline: every finding, file and event in the HTML (no PDF)")
        t0 = time.perf_counter()
        everything = render_html(data, ReportLimits(top=10**9, custody=10**9, timeline=10**9, conversations=10**9,
                                                    messages_per_conversation=10**9))
        base_s = time.perf_counter() - t0
        base_bytes = len(everything.encode("utf-8"))
        cpu = foreign.stop()
    report_bytes = sizes["report.html"] + sizes["report.pdf"]
    whole_bytes = sum(sizes.values())
    figures = {
        "findings": paths.findings_count, "cpu": cpu_name(), "weasyprint": pkg_version("weasyprint"),
        "matplotlib": pkg_version("matplotlib"), "ours_seconds": round(ours_s, 2), "sizes_bytes": sizes,
        "report_html_pdf_mb": round(report_bytes / 2**20, 2), "under_20_mb": report_bytes < 20 * 2**20,
        "whole_report_mb": round(whole_bytes / 2**20, 2), "whole_under_20_mb": whole_bytes < 20 * 2**20,
        "findings_jsonl_bytes_per_finding": round(sizes["findings.jsonl"] / max(1, paths.findings_count), 1),
        "baseline_html_mb": round(base_bytes / 2**20, 2), "baseline_seconds": round(base_s, 2),
        "html_size_ratio_baseline_over_ours": round(base_bytes / sizes["report.html"], 1),
        "foreign_cpu": cpu,
    }
    print(f"findings: {paths.findings_count:,}")
    for name, size in sizes.items():
        print(f"  {name:16s} {size / 2**20:8.2f} MB")
    print(f"ours: report.html + report.pdf = {report_bytes / 2**20:.2f} MB (goal < 20 MB: "
          f"{'met' if figures['under_20_mb'] else 'NOT met'}), all four files in {ours_s:.1f} s")
    print(f"whole report (all four files) = {whole_bytes / 2**20:.2f} MB (goal < 20 MB: "
          f"{'met' if figures['whole_under_20_mb'] else 'NOT met'}); findings.jsonl "
          f"{figures['findings_jsonl_bytes_per_finding']} bytes a finding")
    print(f"baseline (every row in the HTML, no PDF): {base_bytes / 2**20:.2f} MB in {base_s:.1f} s; "
          f"HTML size ratio baseline/ours {figures['html_size_ratio_baseline_over_ours']}x")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
