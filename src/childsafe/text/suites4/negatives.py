"""Hard negatives: the positives' vocabulary (ages, pictures, secrets, apps, money, deadlines, who is home)
in conversations where nobody is grooming or extorting a child.

A script is a list of steps: ``(role, slot)`` says a line; ``("age", role, form)`` states a child's age;
``("adult_age", role, slot)`` an adult says theirs; ``("ord", low, high)`` is ordinary chat; ``("pause",)``.
Roles are the letters of the cast each family draws.
"""

from __future__ import annotations

from collections.abc import Callable

from childsafe.text.suites4.script import Person, Script

__all__ = ["NEGATIVE"]

Step = tuple[str, ...]


def _play(s: Script, cast: dict[str, Person], steps: list[Step]) -> None:
    people = list(cast.values())
    for step in steps:
        if step[0] == "ord":
            s.chat(people[0], people[1], int(step[1]), int(step[2]))
        elif step[0] == "pause":
            s.pause(3, 40)
        elif step[0] == "age":
            who = cast[step[1]]
            if who.stated_age is None:
                s.state_age(who, step[2])
        elif step[0] == "adult_age":
            s.say(cast[step[1]], step[2], {"n": str(cast[step[1]].age)})
        else:
            s.say(cast[step[0]], step[1])


def _maybe(s: Script, steps: list[Step], p: float = 0.5) -> list[Step]:
    return steps if s.rng.random() < p else []


def adults_dating(s: Script) -> None:
    a = s.person("adult", s.rng.randint(21, 52))
    b = s.person("adult", max(19, (a.age or 30) + s.rng.randint(-8, 8)))
    if s.lang.code != "en" and s.rng.random() < 0.2:
        a.switch = b.switch = 0.2
    steps: list[Step] = [("a", "d_open"), ("b", "d_reply"), ("ord", "1", "3"), ("a", "d_age_q"),
                         ("adult_age", "b", "d_age_a"), ("adult_age", "a", "d_age_a")]
    middle: list[list[Step]] = [
        [("a", "d_pic"), ("b", "d_pic_ok")], [("b", "d_meet"), ("a", "d_meet_ok")],
        [("b", "d_secret"), ("a", "d_secret_ok")], [("a", "d_platform"), ("b", "d_platform_ok")],
        [("a", "d_alone"), ("b", "d_reply")], [("ord", "1", "4")],
    ]
    s.rng.shuffle(middle)
    for block in middle[:s.rng.randint(3, 6)]:
        steps += block
    _play(s, {"a": a, "b": b}, steps)


def teens(s: Script) -> None:
    a_age = s.rng.randint(13, 17)
    a = s.person("child", a_age)
    b = s.person("child", max(12, min(17, a_age + s.rng.randint(-2, 2))))
    if s.lang.code != "en" and s.rng.random() < 0.35:
        a.switch = b.switch = s.rng.choice((0.15, 0.3))
    question = s.rng.choice(["g_age", "g_asl", "g_grade"])
    form = {"g_age": s.rng.choice(["bare", "sentence", "word"]), "g_asl": "asl", "g_grade": "school_year"}[question]
    steps: list[Step] = [("a", "t_open"), ("b", "t_reply"), ("a", question), ("age", "b", form)]
    steps += _maybe(s, [("b", "c_you"), ("age", "a", form)], 0.7)
    middle: list[list[Step]] = [
        [("a", "t_handle"), ("b", "t_handle_a")], [("b", "t_secret"), ("a", "t_secret_a")],
        [("a", "t_delete"), ("b", "c_okay")], [("b", "t_parent_phone"), ("a", "t_reply")],
        [("a", "t_meet"), ("b", "t_meet_a")], [("ord", "1", "4")], [("a", "g_platform"), ("b", "c_platform")],
    ]
    s.rng.shuffle(middle)
    for block in middle[:s.rng.randint(3, 6)]:
        steps += block
    _play(s, {"a": a, "b": b}, steps)


def family(s: Script) -> None:
    parent = s.person("adult", s.rng.randint(33, 70), young=False)
    kid = s.person("child", s.rng.randint(9, 16))
    blocks: list[list[Step]] = [
        [("p", "f_where"), ("k", "f_where_a")], [("p", "f_home_q"), ("k", "c_alone")],
        [("p", "f_surprise"), ("k", "c_secret")], [("p", "f_pic"), ("k", "f_pic_a")],
        [("p", "f_pickup"), ("k", "c_okay")], [("p", "f_money"), ("k", "c_gift")],
        [("k", "o_q"), ("p", "o_r")],
    ]
    s.rng.shuffle(blocks)
    steps: list[Step] = []
    if s.rng.random() < 0.35:  # a grandparent or relative asks the age the child is turning
        steps += [("p", "f_bday_q"), ("age", "k", s.rng.choice(["sentence", "word", "bare"]))]
    for block in blocks[:s.rng.randint(3, 6)]:
        steps += block
    steps += _maybe(s, [("p", "f_love")], 0.6)
    _play(s, {"p": parent, "k": kid}, steps)


def coach_teacher(s: Script) -> None:
    coach = s.person("adult", s.rng.randint(24, 60), young=False)
    kid = s.person("child", s.rng.randint(11, 17))
    blocks: list[list[Step]] = [
        [("c", "co_schedule"), ("k", "c_okay")], [("c", "co_grades"), ("k", "co_q")],
        [("c", "co_form"), ("k", "c_okay")], [("c", "co_photo"), ("k", "co_q")],
        [("c", "co_ride"), ("k", "c_okay")], [("k", "co_q"), ("c", "co_good")],
    ]
    s.rng.shuffle(blocks)
    steps: list[Step] = []
    if s.rng.random() < 0.3:
        steps += [("k", "co_q"), ("age", "k", "school_year")]
    for block in blocks[:s.rng.randint(3, 6)]:
        steps += block
    _play(s, {"c": coach, "k": kid}, steps)


def gaming(s: Script) -> None:
    young = s.rng.random() < 0.6
    a = s.person("child" if young else "adult", s.rng.randint(13, 17) if young else s.rng.randint(19, 35))
    b = s.person("child" if young else "adult", s.rng.randint(13, 17) if young else s.rng.randint(19, 35))
    if s.lang.code != "en" and s.rng.random() < 0.5:
        a.switch = b.switch = s.rng.choice((0.2, 0.4))  # gaming chat is full of English
    blocks: list[list[Step]] = [
        [("a", "gm_trash"), ("b", "gm_reply")], [("b", "gm_expose"), ("a", "gm_reply")],
        [("a", "gm_pay"), ("b", "gm_reply")], [("b", "gm_gift"), ("a", "gm_reply")],
        [("a", "gm_platform"), ("b", "c_platform")], [("b", "gm_report"), ("a", "gm_trash")],
        [("ord", "1", "4")],
    ]
    s.rng.shuffle(blocks)
    steps: list[Step] = [step for block in blocks[:s.rng.randint(3, 7)] for step in block]
    if young and s.rng.random() < 0.4:
        steps.insert(2, ("a", "gm_age"))
        steps.insert(3, ("age", "b", s.rng.choice(["bare", "sentence"])))
    _play(s, {"a": a, "b": b}, steps)


def support(s: Script) -> None:
    agent = s.person("adult", s.rng.randint(22, 55), young=False)
    customer = s.person("adult", s.rng.randint(19, 75))
    steps: list[Step] = [("c", "cu_issue"), ("a", "sp_open")]
    blocks: list[list[Step]] = [
        [("a", "sp_giftcard")], [("c", "cu_scam"), ("a", "sp_scam")], [("a", "sp_code"), ("c", "cu_thanks")],
        [("a", "sp_photo"), ("c", "cu_photo")], [("a", "sp_refund"), ("c", "cu_thanks")],
        [("a", "sp_deadline"), ("c", "cu_thanks")],
    ]
    s.rng.shuffle(blocks)
    for block in blocks[:s.rng.randint(3, 6)]:
        steps += block
    _play(s, {"a": agent, "c": customer}, steps)


def news(s: Script) -> None:
    a = s.person("adult", s.rng.randint(25, 70), young=False)
    b = s.person("adult", s.rng.randint(25, 70), young=False)
    slots = ["nw_grooming", "nw_sexto", "nw_school", "nw_apps", "nw_mod"]
    s.rng.shuffle(slots)
    steps: list[Step] = []
    for slot in slots[:s.rng.randint(2, 5)]:
        steps += [("a" if s.rng.random() < 0.6 else "b", slot), ("b", "nw_reply")]
    _play(s, {"a": a, "b": b}, steps)


def near_miss(s: Script) -> None:
    variant = s.rng.randrange(4)
    if variant == 0:  # an adult cousin plans a surprise with a teenager
        adult, kid = s.person("adult", s.rng.randint(20, 40)), s.person("child", s.rng.randint(12, 17))
        steps: list[Step] = [("a", "nm_home"), ("k", "c_alone"), ("a", "nm_surprise"), ("k", "c_secret"),
                             ("a", "nm_pic"), ("k", "f_pic_a"), ("a", "nm_delete"), ("k", "c_okay"),
                             ("a", "nm_pickup"), ("k", "c_okay")]
    elif variant == 1:  # a parent warns a child about exactly what offenders do
        adult, kid = s.person("adult", s.rng.randint(33, 55), young=False), s.person("child", s.rng.randint(9, 15))
        steps = [("a", "nm_warn1"), ("k", "c_okay"), ("a", "nm_warn2"), ("k", "nm_kid_q"), ("a", "nm_warn3"),
                 ("k", "c_okay")]
    elif variant == 2:  # siblings: threat, payment, deadline, about something else entirely
        adult, kid = s.person("child", s.rng.randint(12, 17)), s.person("child", s.rng.randint(10, 16))
        steps = [("a", "nm_sib_threat"), ("k", "nm_sib_reply"), ("a", "nm_sib_pay"), ("k", "nm_sib_reply")]
    else:  # adults joking about age and secrecy
        adult, kid = s.person("adult", s.rng.randint(19, 30)), s.person("adult", s.rng.randint(19, 30))
        steps = [("a", "nm_joke_age"), ("adult_age", "k", "d_age_a"), ("a", "d_secret"), ("k", "d_secret_ok"),
                 ("ord", "1", "2"), ("a", "nm_delete"), ("k", "d_reply")]
    _play(s, {"a": adult, "k": kid}, steps)


NEGATIVE: dict[str, Callable[[Script], None]] = {
    "neg_adults_dating": adults_dating, "neg_teens": teens, "neg_family": family,
    "neg_coach_teacher": coach_teacher, "neg_gaming": gaming, "neg_support": support,
    "neg_news_reporting": news, "neg_near_miss": near_miss,
}
