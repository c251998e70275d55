"""Children at risk in the review UI: their own tab, safeguarding decisions, never "confirmed"."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from childsafe.errors import PermissionDeniedError
from childsafe.review import QueueItem
from childsafe.store.graph import GraphStore
from childsafe.store.schema import graph_labels
from childsafe.store.service import token_digest
from tests.api.conftest import Client
from tests.web.conftest import Web
from tests.web.test_review import decide, item_url


def declare_ages(web: Web, tmp_path: Path) -> None:
    # the seeded network: ring_lead (confirmed) -> ring_b, ring_c; ring_c -> minor_1; ring_b -> minor_2
    accounts = tmp_path / "accounts.csv"
    accounts.write_text("account,declared_age\nring_lead,44\nring_b,39\nring_c,51\nminor_1,12\nminor_2,14\n",
                        encoding="utf-8")
    GraphStore(web.store).ingest_file(accounts)


def test_children_at_risk_have_their_own_tab_and_never_a_confirmed_button(web: Web, tmp_path: Path) -> None:
    declare_ages(web, tmp_path)
    client = web.login()
    queue = web.page(client, "/review/").text
    assert "Children at risk" in queue and "at_risk%3Aminor_1" in queue and "at_risk%3Aminor_2" in queue
    assert "graph%3Aminor_1" not in queue  # a child is never listed as a network lead
    suspects = web.page(client, "/review/?source=graph").text
    assert "graph%3Aring_b" in suspects and "minor_1" not in suspects
    page = web.page(client, item_url("at_risk:minor_1")).text
    assert "Child at risk" in page and "Network lead" not in page
    assert 'value="safeguarding"' in page and 'value="no_concern"' in page
    assert 'value="confirmed"' not in page and 'value="false_positive"' not in page
    assert "stated age" not in page.lower() or "12" in page


@pytest.mark.parametrize("who", ["rita", "root"])
def test_confirming_a_child_is_refused_even_for_an_administrator(web: Web, tmp_path: Path, who: str) -> None:
    declare_ages(web, tmp_path)
    client = web.login(who)
    for decision in ("confirmed", "false_positive"):
        r = decide(web, client, "at_risk:minor_1", decision, "looks like one")
        assert r.status_code == 400 and "not a decision for a at risk item" in r.text
    assert web.reviews.latest_decisions(["at_risk:minor_1"]) == {}
    with web.store.engine.connect() as conn:
        assert not [r for r in conn.execute(select(graph_labels)) if r.account == "minor_1"]
    assert decide(web, client, "at_risk:minor_1", "safeguarding", "contacted by a ring member").status_code == 303
    made = web.reviews.latest_decisions(["at_risk:minor_1"])["at_risk:minor_1"]
    assert (made.decision, made.source, made.actor) == ("safeguarding", "at_risk", who)
    assert "at_risk%3Aminor_1" not in web.page(client, "/review/").text  # decided: off the queue


def test_the_api_refuses_confirmed_on_a_child_too(web: Web, tmp_path: Path) -> None:
    declare_ages(web, tmp_path)
    ui = web.app.state.review_ui
    item = ui.queue.item("at_risk:minor_2")
    assert ui.queue.decisions_for(item) == ("safeguarding", "no_concern", "escalate")
    token = "t" * 43
    web.service.add_token("rita", token_digest(token), actor="test")
    client = Client(web.app, token)
    web.clients.append(client)
    r = client.post("/api/v1/review/decisions",
                    json={"key": "at_risk:minor_2", "decision": "confirmed", "reason": "x", "fingerprint": ""})
    assert r.status_code == 400, r.text


def test_confirming_a_lead_that_looks_like_a_minor_needs_an_administrator_and_a_reason(web: Web,
                                                                                        tmp_path: Path) -> None:
    declare_ages(web, tmp_path)
    queue = web.app.state.review_ui.queue
    lead = QueueItem("graph:minor_1", "graph", "minor_1", 0.9, "", "", [], {})  # e.g. an adult posing as a teen
    with pytest.raises(PermissionDeniedError, match="looks like a minor"):
        queue.check(lead, "confirmed", "shares known media", admin=False)
    with pytest.raises(PermissionDeniedError):
        queue.check(lead, "confirmed", "  ", admin=True)
    queue.check(lead, "confirmed", "adult posing as 12: same payment card as a confirmed account", admin=True)
    queue.check(QueueItem("graph:ring_b", "graph", "ring_b", 0.9, "", "", [], {}), "confirmed", "x", admin=False)
    graph = GraphStore(web.store)
    with pytest.raises(PermissionDeniedError, match="declared age 12"):
        graph.add_label("minor_1", "confirmed", reason="ring member")
    graph.add_label("minor_1", "reported", reason="a report is no decision")
    graph.add_label("minor_1", "confirmed", reason="adult posing as a child, same device as ring_lead", admin=True)
