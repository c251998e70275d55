"""Grooming and sextortion families: who says what, in which order, at which pace.

A grooming script is a sequence of stage blocks (an offender line, usually a child's reply), with the order
drawn per conversation and, in the slow families, ordinary chat between the blocks.  Each grooming conversation
has an age probe or a risk check (home alone, phone checked) and at least two of secrecy / platform move /
picture / meeting / gifts, but the words of each step are the bank's, often indirect.
"""

from __future__ import annotations

from collections.abc import Callable

from childsafe.text.suites4.script import Person, Script

__all__ = ["GROOMING", "SEXTORTION"]

# stage -> (offender slot, child reply slot or "")
_BLOCKS: dict[str, tuple[str, str]] = {
    "mature": ("g_mature", "c_thanks"), "trust": ("g_trust", "c_soft"), "parents": ("g_parents", "c_parents"),
    "alone": ("g_alone", "c_alone"), "phone": ("g_phone", "c_phone"), "secret": ("g_secret", "c_secret"),
    "delete": ("g_delete", "c_okay"), "gift": ("g_gift", "c_gift"), "platform": ("g_platform", "c_platform"),
    "pic": ("g_pic", "c_pic"), "cam": ("g_cam", "c_hesitant"), "meet": ("g_meet", "c_meet"),
    "pressure": ("g_pressure", "c_hesitant"), "reassure": ("g_reassure", ""), "reveal": ("g_reveal", "c_reveal"),
}
# age question slot -> the forms a child's answer may take ("none": the child dodges)
_QUESTIONS: dict[str, tuple[str, ...]] = {
    "g_age": ("bare", "bare", "sentence", "word", "none"),
    "g_asl": ("asl",),
    "g_grade": ("school_year", "school_year", "none"),
    "g_bday": ("birth_year", "birth_year", "sentence"),
    "g_drive": ("sentence", "school_year"),
}


def _block(s: Script, off: Person, kid: Person, stage: str) -> None:
    off_slot, kid_slot = _BLOCKS[stage]
    if stage == "reveal":  # the offender tells his real, adult age
        s.say(off, off_slot, {"n": str(off.age)})
        if s.rng.random() < 0.85:
            s.say(kid, kid_slot)
        return
    s.say(off, off_slot)
    if s.rng.random() < 0.25:
        s.say(off, off_slot if s.rng.random() < 0.5 else "g_reassure")
    if kid_slot and s.rng.random() < 0.85:
        s.say(kid, kid_slot)


def _ordinary(s: Script, a: Person, b: Person, low: int, high: int) -> None:
    s.chat(a, b, low, high)


def _age_probe(s: Script, off: Person, kid: Person, questions: tuple[str, ...], stated: bool) -> None:
    question = s.rng.choice(questions)
    s.say(off, question)
    forms = [f for f in _QUESTIONS[question] if f != "none"] if stated else ["none"]
    form = s.rng.choice(forms)
    if form == "none":
        s.say(kid, "c_dodge")
    else:
        s.state_age(kid, form)
        if s.rng.random() < 0.5:
            s.say(kid, "c_you")


def _cast(s: Script, child_low: int = 11, child_high: int = 16) -> tuple[Person, Person]:
    off = s.person("offender", s.rng.randint(24, 58), young=s.rng.random() < 0.3, sex="m")
    # The banks mostly address the child as a girl (gendered languages), as most such reports concern girls.
    kid = s.person("child", s.rng.randint(child_low, child_high), sex="f" if s.rng.random() < 0.8 else "m")
    if s.lang.code != "en" and s.rng.random() < 0.25:  # code-switching conversation
        kid.switch = s.rng.choice((0.15, 0.3))
        off.switch = s.rng.choice((0.0, 0.2, 0.5))
    return off, kid


def _grooming(s: Script, opening: str, questions: tuple[str, ...], stages: list[str], slow: bool,
              peer: bool = False, before_age: int = 1) -> None:
    off, kid = _cast(s)
    stated = s.rng.random() < 0.85
    s.say(off, opening)
    s.say(kid, "c_greet")
    if peer:
        s.claim_age(off, "g_peer", s.rng.randint(max(13, (kid.age or 14) - 1), 16))
        if s.rng.random() < 0.6:
            s.say(kid, "c_you")
    _ordinary(s, off, kid, 1 if slow else 0, 5 if slow else 1)
    order = list(stages)
    s.rng.shuffle(order)
    patience = s.rng.choice((1, 1, 1, 2, 3)) if slow else 0  # some slow offenders are very slow
    age_at = min(len(order), s.rng.randint(0, before_age))
    order.insert(age_at, "AGE")
    for stage in order:
        if stage == "AGE":
            _age_probe(s, off, kid, questions, stated)
        else:
            _block(s, off, kid, stage)
        for _ in range(patience):
            if s.rng.random() < 0.4:
                s.pause(6, 60)
            _ordinary(s, *((off, kid) if s.rng.random() < 0.5 else (kid, off)), 1, 5)
    if s.rng.random() < 0.5:
        s.say(kid, "c_bye")


def _pick(s: Script, must: list[str], extra: list[str], low: int, high: int) -> list[str]:
    chosen = list(must)
    pool = [x for x in extra if x not in chosen]
    s.rng.shuffle(pool)
    return chosen + pool[:s.rng.randint(low, high)]


def grooming_fast(s: Script) -> None:
    """A handful of messages: age, a risk check, secrecy, then a picture or a meeting."""
    risk = s.rng.choice(["alone", "phone"])
    tail = s.rng.sample(["pic", "meet", "platform", "cam"], s.rng.choice((1, 2, 2)))
    _grooming(s, "g_open", ("g_age", "g_asl"), [risk, "secret", *tail], slow=False)


def grooming_slow(s: Script) -> None:
    """Many messages, long ordinary stretches and pauses of hours or days between the steps."""
    stages = _pick(s, ["trust", "secret"], ["mature", "parents", "alone", "phone", "gift", "platform", "pic",
                                              "meet", "cam", "delete", "pressure", "reveal"], 4, 7)
    _grooming(s, "g_open", ("g_age", "g_grade", "g_bday", "g_drive"), stages, slow=True, before_age=4)


def grooming_peer(s: Script) -> None:
    """The offender poses as a teenager and moves the child to a private channel."""
    stages = _pick(s, ["platform", "secret"], ["phone", "pic", "meet", "trust", "alone", "delete"], 2, 4)
    _grooming(s, "g_open_peer", ("g_age", "g_grade", "g_asl"), stages, slow=s.rng.random() < 0.4, peer=True)


def grooming_indirect(s: Script) -> None:
    """Age asked sideways (grade, birthday, driving), flattery, gifts, deletion, a move to another app."""
    stages = _pick(s, ["mature", "gift"], ["phone", "delete", "platform", "secret", "pic", "alone", "parents",
                                           "reveal"], 2, 4)
    _grooming(s, "g_open", ("g_grade", "g_bday", "g_drive"), stages, slow=s.rng.random() < 0.5, before_age=2)


def grooming_gamer(s: Script) -> None:
    """Starts in a game: credits and skins, then another app, then the risk checks."""
    stages = _pick(s, ["gift", "platform"], ["alone", "secret", "cam", "pic", "phone", "meet", "trust", "reveal"],
                   2, 4)
    _grooming(s, "g_open_game", ("g_age", "g_grade", "g_asl"), stages, slow=s.rng.random() < 0.5, before_age=2)


# ---------------------------------------------------------------------------------------------- sextortion


def _threat(s: Script, off: Person, kid: Person, vague: bool, hacked: bool) -> None:
    """Possession, threat, demand and deadline, sometimes all in one message, sometimes spread out."""
    values = {"obj": s.lang.pick(s.rng, "_obj_vague" if vague else "_obj")}
    s.say(off, "x_hacked" if hacked else "x_have", values)
    if s.rng.random() < 0.5:
        s.say(kid, "c_panic")
    if s.rng.random() < 0.35:
        s.say(off, "x_all_in_one", values)
    else:
        s.say(off, "x_threat", values)
        s.say(off, "x_demand")
        if s.rng.random() < 0.8:
            s.say(off, "x_deadline")
    if s.rng.random() < 0.8:
        if kid.age is not None and s.rng.random() < 0.4:
            s.state_age(kid, "plea")
        else:
            s.say(kid, "c_panic")
    for _ in range(s.rng.randint(0, 2)):
        s.say(off, "x_pressure")
        if s.rng.random() < 0.6:
            s.say(kid, "c_panic")
    if all(author != kid.handle for author, _, _ in s.lines):
        s.say(kid, "c_panic")  # the child answers at least once, so the label names a child who wrote


def _sexto_cast(s: Script) -> tuple[Person, Person]:
    off = s.person("offender", s.rng.randint(19, 45), young=s.rng.random() < 0.5, sex="m")
    kid = s.person("child", s.rng.randint(13, 17))
    if s.lang.code != "en" and s.rng.random() < 0.3:
        off.switch = s.rng.choice((0.3, 0.7))  # often written by someone abroad
    return off, kid


def sextortion_cold(s: Script) -> None:
    """First contact is the threat: two to five messages from the offender."""
    off, kid = _sexto_cast(s)
    if s.rng.random() < 0.5:
        s.say(off, "x_cold")
        s.say(kid, "c_who")
    _threat(s, off, kid, vague=s.rng.random() < 0.4, hacked=False)


def sextortion_rapport(s: Script) -> None:
    """Friendly or flirty for a while (often a fake peer), then the turn."""
    off, kid = _sexto_cast(s)
    s.say(off, s.rng.choice(["g_open", "g_open_peer"]))
    s.say(kid, "c_greet")
    if s.rng.random() < 0.7:
        _age_probe(s, off, kid, ("g_age", "g_asl", "g_grade"), stated=s.rng.random() < 0.8)
    _ordinary(s, off, kid, 1, 4)
    for stage in s.rng.sample(["mature", "trust", "platform", "pic", "secret"], 3):
        _block(s, off, kid, stage)
    if s.rng.random() < 0.5:
        s.pause(2, 30)
    s.say(off, "x_turn")
    _threat(s, off, kid, vague=s.rng.random() < 0.5, hacked=False)


def sextortion_vague(s: Script) -> None:
    """The threat never names pictures: "it", "this chat", "everything"; paid in game money, cards or crypto."""
    off, kid = _sexto_cast(s)
    if s.rng.random() < 0.5:
        s.say(off, "g_open")
        s.say(kid, "c_greet")
        _ordinary(s, off, kid, 1, 3)
    _threat(s, off, kid, vague=True, hacked=False)


def sextortion_hacked(s: Script) -> None:
    """Claims to have broken into an account or the phone, and to hold everything on it."""
    off, kid = _sexto_cast(s)
    s.say(off, "x_cold")
    if s.rng.random() < 0.6:
        s.say(kid, "c_who")
    _threat(s, off, kid, vague=s.rng.random() < 0.5, hacked=True)


GROOMING: dict[str, Callable[[Script], None]] = {
    "groom_fast": grooming_fast, "groom_slow": grooming_slow, "groom_peer_posing": grooming_peer,
    "groom_indirect": grooming_indirect, "groom_gamer": grooming_gamer,
}
SEXTORTION: dict[str, Callable[[Script], None]] = {
    "sexto_cold": sextortion_cold, "sexto_rapport": sextortion_rapport, "sexto_vague_object": sextortion_vague,
    "sexto_hacked": sextortion_hacked,
}
