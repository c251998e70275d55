"""Ages as chat states them: number words, birth years, ages about to come, school years by country."""

from __future__ import annotations

import pytest

from childsafe.text.ages import birth_year_age, coming_age, number_words_to_digits, school_hint, school_statement
from childsafe.text.evidence import bare_age, stated_age
from childsafe.text.messages import Message
from childsafe.text.packs import normalize_pack_text
from childsafe.text.scoring import score_conversation


def plain(text: str) -> str:
    return normalize_pack_text(text, {})


@pytest.mark.parametrize(("text", "age"), [
    ("tengo catorce", 14), ("jag är tretton", 13), ("ik ben vijftien", 15), ("mam trzynaście lat", 13),
    ("ho sedici anni", 16), ("tenho quinze", 15), ("im seventeen", 17), ("j'ai treize ans", 13),
    ("ich bin doch erst zwölf", 12), ("im twenty five", 25),
])
def test_number_words_are_ages(text: str, age: int) -> None:
    statement = stated_age(plain(text))
    assert statement is not None and statement.age == age


@pytest.mark.parametrize(("text", "age"), [
    ("im a 2012", 14), ("born in 2011", 15), ("soy del 2011", 15), ("sou de 2014", 12), ("jahrgang 2012", 14),
    ("née en 2012", 14), ("sono del 2010", 16), ("jag är född 2012", 14), ("geboren in 2011", 15),
    ("rocznik 2015", 11), ("jestem z 2010", 16), ("born in 1990", 36),
])
def test_birth_years_are_read_against_the_message_year(text: str, age: int) -> None:
    statement = stated_age(plain(text), 2026)
    assert statement is not None and statement.age == age
    assert birth_year_age(plain(text), 2030) == (age + 4, birth_year_age(plain(text), 2026).matched)  # type: ignore[union-attr]


@pytest.mark.parametrize(("text", "age"), [
    ("turning 18 next month", 17), ("almost 13", 12), ("ill be 16 in march", 15), ("casi 14", 13),
    ("fast 14", 13), ("snart 18", 17), ("in maart word ik 17", 16), ("a marzo faccio 17", 16),
    ("j'aurai 16 ans le mois prochain", 15), ("i mars fyller jag 15", 14), ("im märz werd ich 12", 11),
    ("im turning 18 soon", 17),
])
def test_an_age_about_to_come_is_one_less_now(text: str, age: int) -> None:
    statement = stated_age(plain(text))
    assert statement is not None and statement.age == age and statement.minor


@pytest.mark.parametrize(("text", "age"), [
    ("estoy en 4º de la ESO", 15), ("comecei o 7º ano", 12), ("geh in die 10. klasse", 16),
    ("just started 11th grade", 16), ("3 vwo", 14), ("zit in de brugklas", 12), ("går i femman", 11),
    ("jestem w 1 liceum", 15), ("faccio la terza media", 13), ("je suis en première", 16),
])
def test_school_years_in_a_sentence(text: str, age: int) -> None:
    statement = stated_age(plain(text))
    assert statement is not None and statement.age == age and statement.minor


@pytest.mark.parametrize("text", [
    "i bought it in 2012", "une seconde", "i got grade 9 in maths", "the 2012 olympics were great",
    "he is fourteen", "she was born in 2012", "once upon a time", "ten minutes",
])
def test_not_an_age_of_the_writer(text: str) -> None:
    assert stated_age(plain(text), 2026) is None


def test_short_answers_in_words_and_years() -> None:
    assert bare_age(plain("catorce jaja")).age == 14  # type: ignore[union-attr]
    assert bare_age(plain("2010 lol"), 2026).age == 16  # type: ignore[union-attr]
    assert bare_age(plain("almost 13")).age == 12  # type: ignore[union-attr]
    assert bare_age(plain("once upon a time there")) is None  # number words only in very short answers
    assert number_words_to_digits("nothing here") == "nothing here"
    assert coming_age("turning left") is None
    assert school_statement("grade 9 in maths and then a long day at work") is None


def test_a_child_stating_her_birth_year_is_at_risk() -> None:
    messages = [Message("c", a, t, f"2026-05-0{i + 1}T10:00:00+00:00") for i, (a, t) in enumerate([
        ("adult", "hey whats up"), ("kid", "not much just homework"), ("adult", "how old are you"),
        ("kid", "im a 2013"), ("adult", "cool")])]
    result = score_conversation(messages)
    assert result.authors["kid"].role == "at_risk" and result.authors["kid"].stated_age == 13


def test_the_school_hint_skips_ordinary_lines_and_keeps_every_form() -> None:
    assert not school_hint("hello there lol")
    for text in ("3 vwo", "går i femman", "je suis en 4e", "terza media", "9:an", "year 8"):
        assert school_hint(text), text
