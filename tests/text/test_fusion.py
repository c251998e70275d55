"""Evidence decides the alert: stage coverage, sextortion at any length, model alerts gated by a minor cue;
roles, stated ages, taxonomy labels and languages.  Every phrase is short, synthetic and non-explicit."""

from __future__ import annotations

import numpy as np
import pytest

from childsafe.text.evidence import bare_age, deadline_cue, guardian_address, payment_cue, stated_age
from childsafe.text.features import N_FEATURES
from childsafe.text.messages import Message
from childsafe.text.model import AuthorModel
from childsafe.text.packs import normalize_pack_text
from childsafe.text.scoring import EarlyWarning, score_conversation

QUIET = AuthorModel(np.zeros(N_FEATURES, np.float32), -5.0, 0.99, 1, {})  # never alerts
LOUD = AuthorModel(np.zeros(N_FEATURES, np.float32), 5.0, 0.5, 3, {})  # always above threshold


def chat(*turns: tuple[str, str], cid: str = "c") -> list[Message]:
    return [Message(cid, author, text) for author, text in turns]


def by_author(messages: list[Message], model: AuthorModel = QUIET) -> dict[str, dict]:  # type: ignore[type-arg]
    record = score_conversation(messages, model).to_record()
    return {a["author"]: a for a in record["authors"]}


GROOMING = chat(("adult", "hey there"), ("kid", "hi"), ("adult", "how old are you"), ("kid", "13"),
                ("adult", "are you home alone"), ("kid", "yeah"), ("adult", "don't tell your mom about us"),
                ("kid", "ok"), ("adult", "send me a pic"), ("kid", "why"))


def test_stage_coverage_alerts_whatever_the_model_says() -> None:
    authors = by_author(GROOMING, QUIET)
    adult, kid = authors["adult"], authors["kid"]
    # the child stated 13, so risk assessment and one later stage (secrecy) are enough
    assert adult["alert_kind"] == "evidence" and adult["alert_at"] == 3
    assert "risk_assessment" in adult["alert_reason"] and "exclusivity" in adult["alert_reason"]
    assert "minor in view" in adult["alert_reason"] and adult["risk"] >= 0.9
    assert adult["role"] == "suspect" and kid["alert_at"] is None
    assert kid["role"] == "at_risk" and kid["stated_age"] == 13


def test_without_a_stated_minor_age_two_later_stages_are_needed() -> None:
    no_age = [m if m.text != "13" else Message("c", "kid", "why") for m in GROOMING]
    adult = by_author(no_age, QUIET)["adult"]
    assert adult["alert_at"] == 4 and "sexual" in adult["alert_reason"]  # the picture request completes it
    assert "minor in view" not in adult["alert_reason"]


def test_a_platform_move_alone_is_not_enough_even_with_a_minor_in_view() -> None:
    teens = chat(("a", "how old are you"), ("b", "14"), ("a", "add me on snap"))
    assert by_author(teens, QUIET)["a"]["alert_at"] is None


def test_one_later_stage_is_not_enough() -> None:
    authors = by_author(GROOMING[:6], QUIET)  # age + alone, nothing later
    assert authors["adult"]["alert_at"] is None and authors["adult"]["role"] == "other"
    assert authors["kid"]["role"] == "at_risk"  # she still states 13


def test_a_teen_stating_a_minor_age_is_not_alerted_by_stage_coverage() -> None:
    teens = chat(("a", "how old are you"), ("b", "15 hbu"), ("a", "im 15 too"), ("a", "add me on snap"),
                 ("a", "send me a pic of your new haircut"), ("a", "let's meet at the mall"))
    authors = by_author(teens, QUIET)
    assert authors["a"]["alert_at"] is None and authors["a"]["stated_age"] == 15
    assert {a["role"] for a in authors.values()} == {"at_risk"}


def test_a_parent_addressed_as_such_is_not_alerted_by_stage_coverage() -> None:
    family = chat(("parent", "are you home alone"), ("child", "yes mom"), ("parent", "don't tell your dad"),
                  ("parent", "send me a pic of the cake"), ("child", "ok mom"))
    assert by_author(family, QUIET)["parent"]["alert_at"] is None
    plain = [m for m in family if m.author == "parent"]
    assert by_author(plain, QUIET)["parent"]["alert_kind"] == "evidence"  # without the address it alerts


@pytest.mark.parametrize("demand", ["$500 now", "50€", "200 zł", "send 1000 robux", "paypal", "steam card",
                                    "btc only", "you have 24h", "⏰"])
def test_sextortion_alerts_at_the_first_message_where_a_threat_meets_a_demand(demand: str) -> None:
    messages = chat(("x", "i will send them to everyone"), ("x", demand))
    warning = EarlyWarning(QUIET)
    alerts = [warning.add(m) for m in messages]
    assert alerts[0] is None and alerts[1] is not None and alerts[1].kind == "sextortion"
    record = warning.pop("c").to_record()
    assert record["authors"][0]["alert_at"] == 1
    assert [label["label"] for label in record["labels"]] == ["sextortion"]


def test_a_demand_without_a_threat_is_not_sextortion() -> None:
    assert by_author(chat(("x", "pay me $20 for the tickets"), ("x", "you have 24h")))["x"]["alert_at"] is None


def test_model_alone_needs_a_minor_cue() -> None:
    adults = chat(*[(a, f"message {i} about work") for i, a in enumerate(["a", "b"] * 4)])
    assert all(a["alert_at"] is None for a in by_author(adults, LOUD).values())
    with_child = adults[:1] + chat(("b", "im 14")) + adults[1:]
    authors = by_author(with_child, LOUD)
    assert authors["a"]["alert_kind"] == "model" and authors["b"]["alert_at"] is None
    # asking about age is not a minor in view: adults dating and gamers ask too
    asks = chat(*[("a", "how old are you")] + [("a", f"line {i}") for i in range(3)])
    assert by_author(asks, LOUD)["a"]["alert_at"] is None
    answered = chat(("a", "how old are you"), ("b", "lol 14"), *[("a", f"line {i}") for i in range(3)])
    assert by_author(answered, LOUD)["a"]["alert_kind"] == "model"


def test_model_alone_is_silent_when_the_author_writes_as_a_child() -> None:
    teens = chat(("b", "im 15"), ("a", "my parents are out tonight"), *[("a", f"line {i}") for i in range(4)])
    assert by_author(teens, LOUD)["a"]["alert_at"] is None


def test_adults_who_ask_each_others_age_are_not_alerted_by_stage_coverage() -> None:
    dating = chat(("a", "whats ur snap"), ("a", "lets meet at the bar at 8"), ("a", "how old are you btw?"),
                  ("b", "just turned 31 lol"), ("a", "ur cute"), ("a", "dont tell ur ex about us"))
    assert by_author(dating)["a"]["alert_at"] is None
    # the same steps towards someone who answers with a child's age do alert
    child = [m if m.text != "just turned 31 lol" else Message("c", "b", "lol 13") for m in dating]
    assert by_author(child)["a"]["alert_kind"] == "evidence"


def test_an_age_question_is_risk_assessment_even_where_no_rule_words_it() -> None:
    record = score_conversation(chat(("a", "wbu, age?"), ("b", "15 haha")), QUIET).to_record()
    a = next(x for x in record["authors"] if x["author"] == "a")
    assert [(f["rule"], f["stage"]) for f in a["indicators"]] == [("age_question_cue", "risk_assessment")]


def test_a_first_short_threat_is_read_in_its_own_language() -> None:
    spanish = chat(("x", "lo subo todo a internet"), ("y", "no porfa"), ("x", "págame 100 euros"))
    x = by_author(spanish)["x"]
    assert x["alert_kind"] == "sextortion" and x["alert_at"] == 1


@pytest.mark.parametrize(("question", "answer", "age"), [
    ("how old r u", "lol 14", 14), ("how old r u", "year 8", 13), ("cuantos años tienes?", "4º de eso", 15),
    ("quantos anos vc tem?", "8º ano", 13), ("wie alt bist du?", "15 haha", 15), ("quel âge tu as?", "en 4e", 13),
    ("how old are you?", "sophomore", None), ("ile masz lat?", "mam 43 a co", 43),
])
def test_short_answers_to_an_age_question(question: str, answer: str, age: int | None) -> None:
    authors = by_author(chat(("a", question), ("b", "hmm"), ("b", answer)))
    assert authors["b"]["stated_age"] == age
    assert (authors["b"]["role"] == "at_risk") == (age is None or age < 18)


def test_model_alone_never_alerts_outside_english() -> None:
    spanish = chat(("b", "tengo catorce años y voy al colegio mañana"),
                   *[("a", f"hola, ¿qué tal estás hoy? mensaje número {i} para ti") for i in range(4)])
    authors = by_author(spanish, LOUD)
    assert authors["a"]["language"] == "es" and authors["a"]["alert_at"] is None


@pytest.mark.parametrize(("text", "age"), [
    ("im 14", 14), ("i'm 13 years old", 13), ("14/f", 14), ("f/15", 15), ("16 m cali", 16),
    ("i'm in 8th grade", 13), ("tengo 13 años", 13), ("tenho 12 anos", 12), ("ich bin 14", 14),
    ("j'ai 13 ans", 13), ("jag är 14", 14), ("ik ben 13", 13), ("ho 14 anni", 14), ("mam 13 lat", 13),
    ("i'm 34", 34), ("ich bin doch erst 13 bitte", 13), ("solo tengo 15 porfa", 15), ("só tenho 14 por favor", 14),
    ("acabo de cumplir 16", 16), ("je viens d'avoir 31", 31), ("bin grad 16 geworden", 16), ("i'm only 14", 14),
])
def test_stated_ages(text: str, age: int) -> None:
    statement = stated_age(normalize_pack_text(text, {}))
    assert statement is not None and statement.age == age and statement.minor == (age < 18)


@pytest.mark.parametrize("text", ["i'm 5 min away", "i'm 20 minutes late", "i have 3 cats", "room 14",
                                  "tengo 20 mensajes", "tengo 15 minutos",
                                  "i'm 2 km from you", "it costs 15 euros"])
def test_numbers_that_are_not_ages(text: str) -> None:
    assert stated_age(normalize_pack_text(text, {})) is None


def test_school_without_a_number_is_a_minor_without_an_age() -> None:
    statement = stated_age("i'm in middle school")
    assert statement is not None and statement.minor and statement.age is None


def test_a_bare_number_is_an_age_only_after_an_age_question() -> None:
    assert bare_age("14") is not None and bare_age("13 and you?") is not None
    assert bare_age("14 apples") is None
    no_question = chat(("a", "pick a number"), ("b", "14"))
    assert by_author(no_question)["b"]["stated_age"] is None
    question = chat(("a", "how old are you"), ("b", "14"))
    assert by_author(question)["b"]["stated_age"] == 14


def test_an_adult_is_not_at_risk_even_when_asked() -> None:
    dating = chat(("a", "how old are you"), ("b", "i'm 29"), ("a", "are you home alone"), ("b", "yes"),
                  ("a", "don't tell anyone"), ("a", "send me a pic"))
    authors = by_author(dating)
    assert authors["b"]["role"] == "other" and authors["b"]["stated_age"] == 29


@pytest.mark.parametrize(("text", "expected"), [
    ("send 50€", "50€"), ("200 zł", "200 zł"), ("$300", "$300"), ("r$ 100", "r$ 100"),
    ("buy a google play card", "google play card"), ("via bizum", "bizum"), ("manda no pix", "manda no pix"),
    ("vbucks", "vbucks"), ("to my cash app", "cash app"),
])
def test_payment_cues_in_any_language(text: str, expected: str) -> None:
    assert payment_cue(text) == expected


def test_no_payment_or_deadline_in_ordinary_lines() -> None:
    for text in ("see you at 5", "i have 3 brothers", "send me the pictures of the cake", "pix of the trip"):
        assert payment_cue(text) is None
    assert deadline_cue("you have 24h") == "24h" and deadline_cue("in 2 days") is None
    assert deadline_cue("du hast 48 stunden") == "48 stunden" and deadline_cue("tienes 2 horas") == "2 horas"


def test_guardian_address() -> None:
    assert guardian_address("ok mom") == "ok mom" and guardian_address("thanks coach!") == "thanks coach"
    assert guardian_address("mom, can i go out") is not None
    assert guardian_address("my mom is home") is None and guardian_address("dad is home") is None


def test_taxonomy_labels_with_evidence() -> None:
    record = score_conversation(GROOMING, QUIET).to_record()
    labels = {label["label"]: label["evidence"] for label in record["labels"]}
    assert set(labels) == {"child_access", "has_minor", "self_generated_content"}
    assert {e["category"] for e in labels["child_access"]} == {"isolation_check", "secrecy"}
    assert labels["has_minor"][0]["author"] == "kid" and labels["has_minor"][0]["age"] == 13
    ordinary = score_conversation(chat(("a", "see you at practice"), ("b", "ok")), QUIET).to_record()
    assert ordinary["labels"] == [{"label": "not_pertinent", "evidence": []}]
    trade = score_conversation(chat(("a", "got any cp to trade")), QUIET).to_record()
    assert [label["label"] for label in trade["labels"]] == ["csam_discussion"]
    kid = next(a for a in record["authors"] if a["author"] == "kid")
    assert kid["labels"] == ["has_minor"]


def test_languages_per_conversation_and_per_message() -> None:
    spanish = chat(("a", "hola, cuántos años tienes?"), ("b", "tengo 13 años, y tú?"),
                   ("a", "estás sola en casa ahora mismo?"))
    record = score_conversation(spanish, QUIET).to_record()
    assert record["languages"] == ["es"]
    findings = next(a for a in record["authors"] if a["author"] == "a")["indicators"]
    assert findings and {f["language"] for f in findings} == {"es"}
    mixed = spanish + chat(("a", "are you home alone right now?"), ("a", "don't tell your mom about us"))
    record = score_conversation(mixed, QUIET).to_record()
    assert set(record["languages"]) == {"es", "en"}
    languages = {f["language"] for f in next(a for a in record["authors"] if a["author"] == "a")["indicators"]}
    assert languages == {"es", "en"}


def test_an_english_only_scorer_is_still_available() -> None:
    from childsafe.text.packs import shipped_packs

    warning = EarlyWarning(QUIET, packs={"en": shipped_packs()["en"]})
    for m in chat(("a", "hola, cuántos años tienes?")):
        warning.add(m)
    assert warning.pop("c").to_record()["authors"][0]["indicators"] == []


def test_sextortion_is_labelled_even_after_an_earlier_grooming_alert() -> None:
    messages = GROOMING + chat(("adult", "i will send your photos to all your friends"), ("adult", "pay me $200"))
    record = score_conversation(messages, QUIET).to_record()
    adult = next(a for a in record["authors"] if a["author"] == "adult")
    assert adult["alert_kind"] == "evidence" and "sextortion" in adult["labels"]
    assert "sextortion" in {label["label"] for label in record["labels"]}


def test_words_that_treat_the_other_side_as_a_child_open_the_model_gate_unless_they_state_an_adult_age() -> None:
    groomer = chat(("a", "are your parents home"), *[("a", f"line {i}") for i in range(4)])
    assert by_author(groomer, LOUD)["a"]["alert_kind"] == "model"
    adult = chat(("b", "i'm 31"), ("a", "are your parents home"), *[("a", f"line {i}") for i in range(4)])
    assert by_author(adult, LOUD)["a"]["alert_at"] is None


def test_asking_about_homework_is_not_writing_as_a_child() -> None:
    asks = chat(("b", "im 13"), ("a", "did you finish your homework"), *[("a", f"line {i}") for i in range(4)])
    assert by_author(asks, LOUD)["a"]["alert_kind"] == "model"
    own = chat(("b", "im 13"), ("a", "my parents took my phone"), *[("a", f"line {i}") for i in range(4)])
    assert by_author(own, LOUD)["a"]["alert_at"] is None


def test_an_unanswered_age_question_stops_holding_the_alert_back() -> None:
    # the other side never answers: after a few of the asker's own messages the stages decide
    lone = chat(("a", "add me on snap"), ("a", "lets meet at the park"), ("a", "how old are you?"),
                ("a", "are you alone"), ("a", "hello?"), ("a", "you there?"), ("a", "still there?"))
    a = by_author(lone)["a"]
    assert a["alert_kind"] == "evidence" and a["alert_at"] is not None


@pytest.mark.parametrize(("answer", "age"), [("tweede klas", 13), ("sono in seconda superiore", 15),
                                             ("osma klasa", 14), ("achte klasse", 14), ("15/g u?", 15)])
def test_school_years_in_words_and_age_sex_letters(answer: str, age: int) -> None:
    assert by_author(chat(("a", "how old are you?"), ("b", answer)))["b"]["stated_age"] == age


def test_an_answer_counts_even_when_both_sides_asked() -> None:
    teens = chat(("a", "how old r u"), ("b", "how old r u"), ("b", "what school do u go to"), ("b", "14"))
    assert by_author(teens)["b"]["stated_age"] == 14


@pytest.mark.parametrize(("threat", "demand"), [("or everyone sees", "pay up"), ("ur pics go public", "i want 300"),
                                               ("ill tag ur whole family", "u got till tonight")])
def test_short_english_threats_in_other_words(threat: str, demand: str) -> None:
    x = by_author(chat(("x", threat), ("y", "please no"), ("x", demand)))["x"]
    assert x["alert_kind"] == "sextortion" and x["alert_at"] == 1


def test_an_adult_who_also_claims_to_be_younger_is_still_gated_as_an_adult() -> None:
    liar = chat(("b", "im 13"), ("a", "im 25"), ("a", "jk im 15 like u"), *[("a", f"line {i}") for i in range(3)])
    assert by_author(liar, LOUD)["a"]["alert_kind"] == "model"
    teen = chat(("b", "im 13"), ("a", "im 15"), *[("a", f"line {i}") for i in range(4)])
    assert by_author(teen, LOUD)["a"]["alert_at"] is None


@pytest.mark.parametrize("text", ["are u even allowed out this late", "can you sneak out", "are your parents home"])
def test_words_that_treat_the_other_side_as_a_child(text: str) -> None:
    from childsafe.text.evidence import minor_reference

    assert minor_reference(normalize_pack_text(text, {})) is not None
    assert minor_reference(normalize_pack_text("how old are you", {})) is None


def test_a_peer_claiming_the_childs_age_alerts_with_every_stage_and_a_secret() -> None:
    peer = chat(("a", "how old are you"), ("b", "13"), ("a", "same 13 lol"), ("a", "add me on snap"),
                ("a", "are your parents home"), ("a", "dont tell anyone about us"), ("a", "send me a pic"),
                ("a", "lets meet up saturday"))
    authors = by_author(peer, QUIET)
    assert authors["a"]["alert_kind"] == "evidence" and "every grooming stage" in authors["a"]["alert_reason"]
    assert authors["b"]["role"] == "at_risk"
    # the same without the secret and the check that she is alone: teens do the rest too
    teens = [m for m in peer if m.text not in ("are your parents home", "dont tell anyone about us")]
    assert by_author(teens, QUIET)["a"]["alert_at"] is None


def test_a_minor_age_learnt_early_keeps_risk_assessment_done_in_a_long_chat() -> None:
    small_talk = [("adult", "nice weather today"), ("kid", "yeah")] * 25
    long_chat = chat(("adult", "how old are you"), ("kid", "13"), *small_talk,
                     ("adult", "don't tell your mom about us"))
    adult = by_author(long_chat, QUIET)["adult"]
    assert adult["alert_kind"] == "evidence" and adult["alert_at"] == 26
    # without the stated minor age, the question has fallen out of the 20-message window
    unknown = [m if m.text != "13" else Message("c", "kid", "why") for m in long_chat]
    assert by_author(unknown, QUIET)["adult"]["alert_at"] is None


@pytest.mark.parametrize("text", ["ta mae", "ja mama!", "te amo filha", "love you son", "mag ik naar de stad",
                                  "can i go to the mall with sara"])
def test_a_parent_is_addressed_or_asked_leave(text: str) -> None:
    assert guardian_address(normalize_pack_text(text, {})) is not None


@pytest.mark.parametrize("text", ["ja mama is weg", "posso ir te buscar", "hvj schat", "ja ich komme"])
def test_not_an_address_to_a_parent(text: str) -> None:
    assert guardian_address(normalize_pack_text(text, {})) is None
