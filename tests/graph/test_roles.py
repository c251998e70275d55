"""Roles: suspects ranked, children at risk told apart, services and coaches not taken for groomers."""

from __future__ import annotations

import numpy as np
from tests.graph.graphkit import Message, make_network

from childsafe.graph.atrisk import children_at_risk
from childsafe.graph.network import AuthorRisk
from childsafe.graph.rank import ROLES, rank_accounts

DAY = 86_400
MIDNIGHT = 1_699_920_000  # 2023-11-14T00:00:00Z


def at(day: int, hour: int, minute: int = 0) -> int:
    return MIDNIGHT + day * DAY + hour * 3600 + minute * 60


def groomer_messages(who: str, kids: list[str], day: int = 0) -> list[Message]:
    """Night-time first contacts in a game, each moved to DMs within the hour; nobody answers."""
    out: list[Message] = []
    for k, kid in enumerate(kids):
        out.append((who, kid, at(day, 22, k % 60), "game"))
        out.append((who, kid, at(day, 23, k % 60), "dm"))
    return out


def coach_messages(who: str, kids: list[str]) -> list[Message]:
    """A team messaged as a group every week in the afternoon; every child answers."""
    out: list[Message] = []
    for week in range(6):
        for kid in kids:
            out.append((who, kid, at(7 * week, 16), "team"))
            out.append((kid, who, at(7 * week, 17), "team"))
    return out


def population(kids: int, adults: int) -> dict[str, int | None]:
    ages: dict[str, int | None] = {f"kid{i:02d}": 12 + i % 5 for i in range(kids)}
    ages.update({f"adult{i:02d}": 30 + i for i in range(adults)})
    return ages


def roles_of(result, net) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {name: result.role_of(i) for i, name in enumerate(net.accounts)}


def test_a_groomer_is_a_suspect_on_its_own_and_a_coach_is_not() -> None:
    ages = population(30, 10) | {"groomer": 41, "coach": 38}
    kids = [f"kid{i:02d}" for i in range(30)]
    messages = groomer_messages("groomer", kids[:15]) + coach_messages("coach", kids[10:30])
    net = make_network(ages, messages)
    result = rank_accounts(net, top=10)  # no seeds, no hash list: behaviour alone
    roles = roles_of(result, net)
    assert roles["groomer"] == "suspect" and roles["coach"] == "other"
    assert [lead.account for lead in result.leads][:1] == ["groomer"]
    reason = next(r for r in result.leads[0].reasons if r["type"] == "grooming_contacts")
    assert reason["minors_first_contacted"] == 15 and reason["minors_who_replied"] == 0.0
    assert reason["minors_moved_private"] == 1.0
    assert "coach" not in {lead.account for lead in result.leads}
    # the children the groomer reached are at risk; the coach's team alone is not
    assert all(roles[k] == "at_risk" for k in kids[:15])
    assert all(roles[k] == "other" for k in kids[15:])


def test_a_support_bot_is_a_service_and_never_a_lead() -> None:
    ages = population(20, 40) | {"helpbot": None, "tagged": None, "seed": 45}
    everyone = [a for a in ages if a not in ("helpbot", "tagged", "seed")]
    messages: list[Message] = [("helpbot", who, at(i % 20, i % 24), "dm") for i, who in enumerate(everyone)]
    messages += [("tagged", "adult00", at(1, 9), "chat"), ("adult00", "tagged", at(1, 10), "chat")]
    messages += [("seed", "helpbot", at(2, 9), "dm"), ("seed", "tagged", at(2, 10), "dm")]
    net = make_network(ages, messages)
    net.attributes = {net.account_index()["tagged"]: {"account_type": "support"}}
    result = rank_accounts(net, ["seed"], top=20)
    roles = roles_of(result, net)
    assert roles["helpbot"] == "service" and roles["tagged"] == "service"
    assert not {"helpbot", "tagged"} & {lead.account for lead in result.leads}
    assert any("broadcast-like" in text for text in result.explain_role(net.account_index()["helpbot"]))


def test_a_hub_everyone_answers_carries_no_contact_evidence() -> None:
    ages = population(25, 75) | {"hub": 30}
    others = [a for a in ages if a != "hub"]
    messages: list[Message] = []
    for i, who in enumerate(others):
        messages += [("hub", who, at(i % 30, 8 + i % 12), "chat"), (who, "hub", at(i % 30, 20), "chat")]
    net = make_network(ages, messages)
    result = rank_accounts(net, top=10)
    assert result.own[net.account_index()["hub"]] == 0.0
    assert result.role_of(net.account_index()["hub"]) == "other" and not result.leads


def test_the_offender_outranks_the_low_degree_neighbour_of_a_confirmed_account() -> None:
    """The issue's case: dividing PageRank by degree ranked a confirmed offender's quiet contact above
    the offender who contacted thirty children and shares the ring's rare file."""
    kids = [f"kid{i:02d}" for i in range(40)]
    ages = population(40, 5) | {"seed": 50, "offender": 44, "quiet": 33}
    messages = groomer_messages("seed", kids[:10]) + groomer_messages("offender", kids[5:35], day=3)
    messages += [("seed", "quiet", at(5, 12), "chat")]
    posts = [("seed", "a" * 64, "", at(1, 1)), ("offender", "a" * 64, "", at(4, 1))]
    net = make_network(ages, messages, posts=posts)
    result = rank_accounts(net, ["seed"], top=10)
    order = [lead.account for lead in result.leads]
    assert order[0] == "offender"
    assert not set(order) & set(kids)  # children are never leads, however close to the seed
    ix = net.account_index()
    assert result.fused[ix["offender"]] > result.fused[ix["quiet"]]
    roles = roles_of(result, net)
    assert {roles[k] for k in kids[:35]} == {"at_risk"} and {roles[k] for k in kids[35:]} == {"other"}


def test_a_teen_profile_with_offender_evidence_is_a_suspect_and_says_so() -> None:
    kids = [f"kid{i:02d}" for i in range(20)]
    ages = population(20, 2) | {"poser": 15}
    net = make_network(ages, groomer_messages("poser", kids[:12]))
    result = rank_accounts(net, top=5)
    ix = net.account_index()
    assert result.role_of(ix["poser"]) == "suspect"
    assert [lead.account for lead in result.leads] == ["poser"]
    assert any("declared age 15, but with offender evidence" in t for t in result.explain_role(ix["poser"]))
    assert result.role_of(ix["kid00"]) == "at_risk"


def test_the_conversation_analysis_can_say_who_is_the_child() -> None:
    ages: dict[str, int | None] = {"seed": 40, "unknown_kid": None, "unknown_adult": None}
    messages: list[Message] = [("seed", "unknown_kid", at(0, 22), "chat"), ("seed", "unknown_adult", at(0, 22), "chat")]
    net = make_network(ages, messages)
    ix = net.account_index()
    net.author_risk = {ix["unknown_kid"]: AuthorRisk(0.6, True, 1, ("secrecy",), role="at_risk", stated_age=13)}
    result = rank_accounts(net, ["seed"], top=5)
    assert result.role_of(ix["unknown_kid"]) == "at_risk"
    assert result.role_of(ix["unknown_adult"]) == "suspect"  # network risk, age unknown
    assert result.own[ix["unknown_kid"]] == 0.0  # the child's own words are no evidence against it
    child, = children_at_risk(result)
    assert (child.account, child.stated_age) == ("unknown_kid", 13)
    assert child.to_record()["role"] == "at_risk"


def test_children_at_risk_are_ordered_by_how_many_suspects_reached_them_and_how() -> None:
    ages = population(4, 0) | {"seed": 40, "second": 50}
    messages: list[Message] = [
        ("seed", "kid00", at(0, 22), "game"), ("seed", "kid00", at(0, 23), "dm"),  # fast private move
        ("second", "kid00", at(1, 22), "game"),
        ("seed", "kid01", at(0, 22), "game"), ("seed", "kid01", at(5, 23), "dm"),  # moved days later
        ("kid02", "seed", at(0, 12), "chat"),  # the child wrote first
    ]
    net = make_network(ages, messages, posts=[("seed", "b" * 64, "", 1), ("second", "b" * 64, "", 2)])
    result = rank_accounts(net, ["seed"], top=5)
    listed = children_at_risk(result)
    assert [c.account for c in listed] == ["kid00", "kid01", "kid02"]
    assert listed[0].exposure > listed[1].exposure >= listed[2].exposure
    first = listed[0].to_record()
    assert first["reasons"][0]["suspects"] == 2 and first["reasons"][0]["confirmed"] == 1
    moved = next(r for r in first["reasons"] if r["type"] == "private_move")
    assert moved["fastest_s"] == 3600
    assert first["paths"][0]["nodes"] == ["account:kid00", "account:seed"]
    assert "kid03" not in {c.account for c in listed}
    assert set(ROLES) == {"suspect", "at_risk", "service", "other"}
    assert np.all(result.fused[[net.account_index()[k] for k in ("kid00", "kid01", "kid02")]] == 0.0)
