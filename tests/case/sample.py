"""A synthetic case for the report tests and benchmark: every section filled, hostile strings in
names, paths and messages (markup, script, a mathtext formula, a comment close), nothing explicit."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from childsafe.case.report import (
    BankVersion,
    CaseReportInput,
    ChatMessage,
    CustodyFile,
    Decision,
    NetworkEdge,
    NetworkNode,
    RunError,
    StageSummary,
    TimelineEvent,
    face_group_finding,
)
from childsafe.findings import Evidence, Explanation, Finding, Location

HOSTILE = '<script>alert("x")</script>"><img src=x onerror=alert(1)>'
#: Shapes that break other layers: mathtext for matplotlib, a comment close for SVG, a Jinja expression.
HOSTILE_NAME = "$\\frac{a}{b}$ --><b>bold</b>{{ 7*7 }}"
START = datetime(2026, 5, 1, 9, 0, tzinfo=UTC)


def known_media(i: int, path: str) -> Finding:
    context = {"bank": "ncmec" if i % 2 else f"bank {HOSTILE}", "signal_type": "pdq", "label": f"cat{i % 3}"}
    return Finding("media", "known_media", 0.9 - (i % 10) / 100, Location(path=path),
                   Explanation("hash_match", (Evidence("pdq", f"pdq at distance {i % 10}: bank 'ncmec'", i % 10,
                                                       weight=0.9),), context))


def indicator(conversation: str, author: str, index: int, words: str, score: float) -> Finding:
    where = Location(conversation=conversation, account=author, message_index=index)
    return Finding("text", "age_probe", score, where,
                   Explanation("text_indicators", (Evidence("indicator", words, "age_probe", where, score),),
                               {"stage": "trust", "language": "en"}))


def person(label: str, account: str, score: float, reason: str, path: str | None = None) -> Finding:
    evidence = [Evidence("reason", reason)]
    if path:
        evidence.append(Evidence("shared_media", f"shared {path}", where=Location(path=path)))
    return Finding("graph" if label == "suspect" else "at_risk", label, score,
                   Location(account=account, node=f"account:{account}"),
                   Explanation("network_rank", tuple(evidence), {"role": label}))


def make_case(findings: int = 60, files: int = 40, *, events: int = 30) -> CaseReportInput:
    paths = [f"evidence/{HOSTILE}/img_{i:05d}.jpg" if i == 0 else f"evidence/photos/img_{i:05d}.jpg"
             for i in range(files)]
    suspects = ["groomer_1", HOSTILE, "trader_7"]
    children = ["kid_a", "kid_b"]
    out: list[Finding] = []
    out.append(indicator("chat_main", "groomer_1", 0, "how old are you", 0.8))
    out.append(indicator("chat_main", "groomer_1", 3, "don't tell your mom", 0.95))
    out.append(indicator(f"chat {HOSTILE}", HOSTILE, 1, "add me on snap", 0.7))
    out.append(face_group_finding("1", paths[:5], 0.9, accounts=["kid_a", "trader_7"]))
    out.append(face_group_finding(HOSTILE_NAME, paths[5:7], 0.6))
    for k, s in enumerate(suspects):
        out.append(person("suspect", s, 0.9 - k / 10, f"sent known media to {children[k % 2]}", paths[k]))
    for k, c in enumerate(children):
        out.append(person("at_risk", c, 0.8 - k / 10, "contacted by a suspect"))
    out.append(Finding("triage", "unknown_priority", 0.3, Location(path=paths[-1]),
                       Explanation("triage", (Evidence("faces", "2 faces"),))))
    i = 0
    while len(out) < findings:
        if i % 4 == 3:
            conv = f"conv_{i % 50}"
            out.append(indicator(conv, f"author_{i % 30}", i % 20, "how old are you", 0.2 + (i % 7) / 10))
        else:
            out.append(known_media(i, paths[i % files]))
        i += 1
    nodes = [NetworkNode(f"account:{s}", "suspect", s, 0.9) for s in suspects]
    nodes += [NetworkNode(f"account:{c}", "at_risk", HOSTILE_NAME if c == "kid_b" else c, 0.7) for c in children]
    nodes += [NetworkNode(f"account:contact_{j}", "contact", f"contact_{j}") for j in range(12)]
    nodes += [NetworkNode(f"media:{j}", "media", f"media {j}") for j in range(4)]
    edges = [NetworkEdge(f"account:{suspects[j % 3]}", f"account:contact_{j}") for j in range(12)]
    edges += [NetworkEdge(f"account:{s}", f"account:{c}") for s in suspects for c in children]
    edges += [NetworkEdge(f"account:{suspects[j % 3]}", f"media:{j}", "shared") for j in range(4)]
    kinds = ["first_contact", "alert", "known_media", "decision"]
    timeline = [TimelineEvent(START + timedelta(hours=7 * j), kinds[j % 4], f"event {j} {HOSTILE}",
                              account=suspects[j % 3], path=paths[j % files]) for j in range(events)]
    return CaseReportInput(
        case=f"case {HOSTILE}", tool_version="0.1.0", findings=out,
        custody=[CustodyFile(p, 1000 + i, START, START + timedelta(days=1),
                             {"sha256": f"{i:064x}", "md5": f"{i:032x}"}) for i, p in enumerate(paths)],
        banks=[BankVersion("ncmec", "2026-04-30", 1200, "hash list"), BankVersion(HOSTILE, "3", None)],
        settings={"pdq_threshold": 31, "faces": True, "note": HOSTILE},
        stages=[StageSummary("hash", files, 1, 2.5), StageSummary("text", 4, 1, 0.4, HOSTILE)],
        errors=[RunError("text", f"malformed export {HOSTILE}", "chats/broken.json"),
                RunError("hash", "vanished between add and run", paths[-1])],
        decisions=[Decision(START + timedelta(days=2), "analyst", paths[1], "confirmed", HOSTILE)],
        nodes=nodes, edges=edges, timeline=timeline,
        messages=[ChatMessage("chat_main", "groomer_1", 0, "hey, how old are you?"),
                  ChatMessage("chat_main", "groomer_1", 3, "ok but don't tell your mom about us"),
                  ChatMessage(f"chat {HOSTILE}", HOSTILE, 1, f"{HOSTILE} add me on snap")],
        display_names={"groomer_1": f"Groomer {HOSTILE}", "kid_a": "Kid A"},
        created=START,
    )
