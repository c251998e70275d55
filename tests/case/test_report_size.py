"""A large case: findings.jsonl stays bounded per finding and report.html bounded whatever the count
(sizes, never times).  10,000 findings keep the test to a few seconds; ``benchmarks/bench_case_report.py``
prints the same figures for 100,000."""

from __future__ import annotations

import json
import random

from childsafe.case.report import CaseReportInput, face_group_finding, finding_line, render_html
from childsafe.case.report.kinds import read_finding_line
from childsafe.findings import Evidence, Explanation, Finding, Location
from childsafe.matching import Match

FINDINGS = 10_000
PHRASES = ("how old are you", "don't tell your mom about us", "add me on snap", "are you home alone")


def producers_mix(n: int) -> list[Finding]:
    """What the case run's producers give, in a plausible mix: half conversation indicators (where the
    evidence sits at the finding's message), known media matched by PDQ, people, face groups."""
    rng = random.Random(14)
    out: list[Finding] = []
    for i in range(n):
        r = i % 20
        if r < 10:
            where = Location(conversation=f"chats/export_{i % 400:03d}.json", account=f"user_{i % 3000:05d}",
                             message_index=i % 250)
            out.append(Finding("text", "trust_building", round(rng.random(), 4), where, Explanation(
                "text_indicators", (Evidence("indicator", PHRASES[i % 4], "trust_building", where, 0.5),),
                {"stage": "trust", "language": "en"})))
        elif r < 18:
            match = Match(("ncmec", "iwf", "local")[i % 3], "pdq", f"{rng.getrandbits(256):064x}", i % 31,
                          f"category_{i % 4}", None, i)
            out.append(match.finding(Location(path=f"evidence/batch_{i // 1000:03d}/photo_{i:06d}.jpg")))
        elif r == 18:
            out.append(Finding("graph", "suspect", round(rng.random(), 4), Location(account=f"user_{i:05d}"),
                               Explanation("network_rank", (Evidence("reason", "sent known media to a minor"),),
                                           {"role": "suspect"})))
        else:
            out.append(face_group_finding(str(i), [f"evidence/photo_{j:06d}.jpg" for j in range(i, i + 4)], 0.5))
    return out


def test_a_large_case_writes_a_bounded_report() -> None:
    findings = producers_mix(FINDINGS)
    lines = [finding_line(f, {}) for f in findings]
    jsonl_bytes = sum(len(line.encode("utf-8")) + 1 for line in lines)
    # Measured on this mix: 431 bytes a finding before the compaction (an indicator's evidence repeating
    # the finding's message, empty parts written out), 410 after; the bound sits between the two.
    assert jsonl_bytes / FINDINGS < 420, jsonl_bytes / FINDINGS
    for i in range(0, FINDINGS, 997):  # every part is still there: the line reads back as its finding
        record = json.loads(lines[i])
        assert {"kind", "score", "label", "where", "explanation"} <= set(record)
        assert read_finding_line(record) == findings[i]
    html = render_html(CaseReportInput(case="size", tool_version="test", findings=findings))
    assert len(html.encode("utf-8")) < 2 * 2**20  # the top rows per section, with counts
    assert f"{FINDINGS:,}" in html or str(FINDINGS) in html
