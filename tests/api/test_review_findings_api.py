"""The API's review queue serves each item's Finding: the "why" as one record a client reads back."""

from __future__ import annotations

from childsafe.findings import Finding
from childsafe.store.graph import GraphStore
from tests.api.conftest import Service


def test_queue_items_carry_their_finding_over_the_api(svc: Service) -> None:
    GraphStore(svc.store).save_author_risk("sam_k", 0.97, True, ["secrecy", "platform_move"])
    items = svc.reviewer.get("/api/v1/review/queue", params={"source": "text"}).json()["items"]
    item, = items
    finding = Finding.from_record(item["finding"])
    assert (finding.source, finding.label, finding.detector, finding.score) == ("text", "grooming_risk",
                                                                                "text_score", 0.97)
    assert finding.where.account == "sam_k" and finding.reasons() == item["reasons"]
    assert sorted(str(e.value) for e in finding.explanation.evidence) == ["platform_move", "secrecy"]
