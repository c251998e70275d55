"""Score conversations: who is the risk, who is at risk, why (the messages that show it), and how early.

Each message is read once, in order, by:

1. language identification (:mod:`childsafe.text.language`): the message's language when it is clear,
   else its conversation's; the indicator pack of that language (:mod:`childsafe.text.packs`) finds
   explainable indicators (category, grooming stage, the words matched);
2. language-independent evidence (:mod:`childsafe.text.evidence`): stated ages, payment and deadline
   cues, mentions of school or parents, how the other side is addressed;
3. :class:`~childsafe.text.model.AuthorStream`: the trained (English) model's probability that this
   author writes like an offender, updated per message.

**Evidence decides the alert.**  An author alerts at the first message where

* *sextortion*: a threat to expose or share (whatever the object) meets a payment demand or a deadline,
  however few messages the author has written;
* *stage coverage*: the author's indicators span the risk-assessment stage and at least
  :data:`MIN_LATER_STAGES` of exclusivity / sexual / meeting within :data:`STAGE_WINDOW` of their
  messages, whatever the model says -- unless the author
  states a minor's age (teens probe each other too) or is addressed as a parent, teacher or coach;
* *model*: the model's probability reaches its threshold (after its minimum number of messages), the
  conversation's language is English (the only language with a trained model), and a minor is in view
  (see :meth:`EarlyWarning._minor_cue`): the other side states an age under 18 or a school year or mentions
  their school or parents, or the author's words treat the other side as a child while nobody there states
  an adult age -- never when the author states a minor's age or writes as a minor does.  Asking about age
  alone is not a cue: adults dating and gamers ask too.

An alert carries the evidence so far.  When the conversation ends each author gets a ``role``
(``suspect``, ``at_risk``, ``other``) and the conversation the taxonomy labels that fired with their
evidence.  Findings order human review; they never decide anything.
"""

# long-module: the streaming state, roles, taxonomy labels and the three alert rules read as one story

from __future__ import annotations

import re
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from childsafe.text.code_cues import deadline_words, exposure_threat, possession_claim, risk_cues, victim_plea
from childsafe.text.evidence import (
    age_question,
    bare_age,
    deadline_cue,
    guardian_address,
    minor_mention,
    minor_reference,
    payment_cue,
    self_minor_mention,
    stated_age,
)
from childsafe.text.indicators import IndicatorDetector, IndicatorHit
from childsafe.text.language import MIN_CONFIDENCE, LanguageGuesser, dominant_language
from childsafe.text.messages import Message, RecordError
from childsafe.text.model import AuthorModel, AuthorStream, load_default_model
from childsafe.text.normalize import join_spelled_letters, normalize_text, undo_leet
from childsafe.text.packs import IndicatorPack, normalize_pack_text, shipped_packs
from childsafe.text.speech import reported_speech, strip_quotes

__all__ = ["AuthorRisk", "ConversationRisk", "EarlyWarning", "Alert", "Finding", "Cue", "score_conversation",
           "score_stream", "ROLES", "LABELS", "MIN_LATER_STAGES"]

#: Risk given to an author once the sextortion rule fires.
SEXTORTION_RISK = 0.95
#: Risk given to an author once their indicators cover the grooming stages (the stage-coverage rule).
EVIDENCE_RISK = 0.9
#: Stages after risk assessment; an author needs indicators in this many of them (and in risk assessment).
LATER_STAGES = ("exclusivity", "sexual", "meeting")
MIN_LATER_STAGES = 2
#: ... or this many when the other side has stated a minor's age.
MIN_LATER_STAGES_WITH_MINOR = 1
#: ... all within this many of the author's latest messages.  Chosen on the training authors only: over
#: whole histories, decoys (adults playing children, who echo the offender's words across hundreds of
#: messages) cover the stages too; within 20 messages 2 of 359 training decoys and 0 ordinary authors do.
STAGE_WINDOW = 20
#: An author who states a minor's age alerts by stage coverage only with every later stage and one of these.
PEER_GROOMING_TELLS = frozenset({"secrecy", "isolation_check"})
#: After this many clearly identified messages, all in one language, an author's language is settled.
SETTLED_VOTES = 3
#: A message of fewer words than this, followed by another of the same author, is read joined to it.
FRAGMENT_WORDS = 5
#: Score of an age question read by the language-independent cue rather than a pack rule.
AGE_QUESTION_SCORE = 0.5
#: An age question stays open for this many of each other author's messages (chat answers late: "lol",
#: "wbu?", then "14").
AGE_ANSWER_WINDOW = 3
#: Once answered, the asker's own age in this many of their next messages is read from a bare number too.
AGE_RETURN_WINDOW = 2
#: The code cues for risk questions and private apps read messages (or fragment pairs) up to this long.
RISK_CUE_CHARS = 100
#: A reporting frame runs on over at most this many short messages of the same author.
FRAGMENT_RUN = 3
#: Categories whose questions reach into a minor's world (age, school, parents, being alone).
MINOR_QUESTIONS = frozenset({"age_identity", "personal_details", "isolation_check"})
ROLES = ("suspect", "at_risk", "other")
LABELS = ("child_access", "has_minor", "sextortion", "self_generated_content", "csam_discussion", "not_pertinent")
_SEXTORTION_DEMANDS = {"sextortion_payment", "sextortion_deadline"}
_ACCESS_CATEGORIES = {"isolation_check", "meeting", "platform_move", "secrecy"}
#: Cues that, in reported speech, belong to the person reported, not to the author.
_DIGIT = re.compile(r"\d")
_REPORTED_CUES = {"payment", "deadline", "minor_reference", "threat"}
#: A threat read by the language-independent cue (not a pack rule) counts for sextortion when a payment
#: demand or a deadline comes within this many of the author's messages of it ...
SEXTORTION_CUE_WINDOW = 6
#: ... or a payment demand after it within this many (threats and demands diluted in ordinary chat, as in the
#: suites3 dev seeds).  Not a bare deadline: "30 minutes" is everywhere, and with deadlines the wide window
#: alerted 3 of 2,154 ordinary training authors; threat-then-payment alerted none.
THREAT_PAYMENT_WINDOW = 20
#: A claim to hold the other side's pictures or chat ("i have the pics u sent") counts for sextortion when a
#: payment demand and a deadline (or one of them and the other side's plea) follow within this many of the
#: author's messages: the threat a sextortionist leaves unsaid.
POSSESSION_WINDOW = 20


def _message_year(timestamp: str | None) -> int | None:
    """The year a message was sent (a birth year is read relative to it), when its timestamp starts with one."""
    if timestamp and len(timestamp) >= 4 and timestamp[:4].isdigit():
        year = int(timestamp[:4])
        return year if 1990 <= year <= 2100 else None
    return None


class _ReportedSpeech:
    """Whether a message reports someone else's words: a reporting frame in it or in the run of short
    messages of the same author just before it.  Evaluated once, and only when asked."""

    __slots__ = ("plain", "run", "value")

    def __init__(self, plain: str, run: list[str]) -> None:
        self.plain = plain
        self.run = run
        self.value: bool | None = None

    def __call__(self) -> bool:
        if self.value is None:
            self.value = any(reported_speech(p) is not None for p in (self.plain, *self.run))
        return self.value


@dataclass(frozen=True)
class Finding:
    category: str
    stage: str
    message_index: int  # 0-based, within the author's messages
    score: float
    explanation: str
    rule: str = ""
    language: str = "en"

    def to_record(self) -> dict[str, Any]:
        return {"category": self.category, "stage": self.stage, "message_index": self.message_index,
                "score": round(self.score, 3), "explanation": self.explanation, "rule": self.rule,
                "language": self.language}


@dataclass(frozen=True)
class Cue:
    """Language-independent evidence in one message: ``stated_age``, ``payment``, ``deadline``,
    ``minor_mention`` or ``guardian_address``."""

    kind: str
    message_index: int
    matched: str
    age: int | None = None

    def to_record(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "message_index": self.message_index, "matched": self.matched}
        if self.kind == "stated_age":
            out["age"] = self.age
        return out


@dataclass(frozen=True)
class Alert:
    author: str
    conversation_id: str
    message_index: int
    risk: float
    reason: str
    evidence: tuple[Finding, ...]
    top_terms: tuple[tuple[str, float], ...]
    kind: str = "model"  # sextortion, evidence or model


@dataclass
class AuthorRisk:
    author: str
    stream: AuthorStream
    risk: float = 0.0
    alert_at: int | None = None
    alert_reason: str | None = None
    alert_kind: str | None = None
    sextortion_at: int | None = None  # the first message where threat met demand (even after another alert)
    findings: list[Finding] = field(default_factory=list)
    cues: list[Cue] = field(default_factory=list)
    stated_age: int | None = None
    states_minor: bool = False  # a minor's age or school stated
    states_adult: bool = False
    writes_as_minor: bool = False  # speaks of their own parents, homework or school in the first person
    answered_minor_question_from: set[str] = field(default_factory=set)
    languages: Counter[str] = field(default_factory=Counter)
    _categories: dict[str, int] = field(default_factory=dict)  # category -> first message index
    _stages: dict[str, int] = field(default_factory=dict)  # stage -> latest message index
    _cue_kinds: set[str] = field(default_factory=set)
    # The last messages (index, plain text, reported?) whose threats are read once a demand comes near.
    _recent: deque[tuple[int, str, Callable[[], bool]]] = field(
        default_factory=lambda: deque(maxlen=THREAT_PAYMENT_WINDOW))
    _threats_read: set[int] = field(default_factory=set)
    _stage_categories: dict[str, set[str]] = field(default_factory=dict)
    role: str = "other"
    labels: list[str] = field(default_factory=list)
    quote_open: bool = False  # a quote opened in this author's last message runs on (chat splits sentences)

    @property
    def messages(self) -> int:
        return self.stream.messages

    @property
    def presents_as_minor(self) -> bool:
        """States a minor's age and never an adult's (an adult who also claims to be younger is an adult)."""
        return self.states_minor and not self.states_adult

    @property
    def language(self) -> str | None:
        return dominant_language(self.languages)

    def to_record(self) -> dict[str, Any]:
        return {
            "author": self.author, "role": self.role, "stated_age": self.stated_age, "language": self.language,
            "risk": round(self.risk, 4), "alert_at": self.alert_at, "alert_reason": self.alert_reason,
            "alert_kind": self.alert_kind, "labels": list(self.labels), "messages": self.messages,
            "model_risk": round(self.stream.probability, 4),
            "indicators": [f.to_record() for f in self.findings],
            "cues": [c.to_record() for c in self.cues],
            "top_terms": [{"term": t, "weight": round(w, 3)} for t, w in self.stream.top_terms()],
        }


@dataclass
class ConversationRisk:
    conversation_id: str
    authors: dict[str, AuthorRisk] = field(default_factory=dict)
    errors: list[RecordError] = field(default_factory=list)
    languages: Counter[str] = field(default_factory=Counter)
    guardian_addressers: set[str] = field(default_factory=set)
    minor_mentioners: set[str] = field(default_factory=set)
    pleaders: set[str] = field(default_factory=set)  # authors who pleaded or said they have no money
    claim_seen: bool = False  # someone claimed to hold the other side's pictures or chat
    minor_question_from: str | None = None  # author of the last question into a minor's world
    # Open age questions: asker -> (index of the question among the asker's messages, each other
    # author's messages since).  Teens ask each other at once, so several can be open.
    age_questions: dict[str, tuple[int, Counter[str]]] = field(default_factory=dict)
    age_returns: dict[str, int] = field(default_factory=dict)  # asker whose question was answered -> messages left
    last_author: str | None = None
    last_text: str = ""
    fragment_run: list[str] = field(default_factory=list)  # the last author's run of short messages (plain)
    labels: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    @property
    def risk(self) -> float:
        return max((a.risk for a in self.authors.values()), default=0.0)

    def finish(self) -> ConversationRisk:
        """Assign roles and taxonomy labels from the evidence gathered (idempotent)."""
        assign_roles(self)
        self.labels = taxonomy_labels(self)
        for author in self.authors.values():
            author.labels = [label for label, evidence in self.labels.items()
                             if any(e.get("author") == author.author for e in evidence)]
        return self

    def to_record(self) -> dict[str, Any]:
        self.finish()
        ranked = sorted(self.authors.values(), key=lambda a: -a.risk)
        total = sum(self.languages.values())
        languages = [code for code, n in sorted(self.languages.items(), key=lambda kv: (-kv[1], kv[0]))
                     if n >= 0.2 * total] or (["en"] if self.authors else [])
        out: dict[str, Any] = {
            "conversation_id": self.conversation_id, "risk": round(self.risk, 4), "languages": languages,
            "labels": [{"label": label, "evidence": evidence} for label, evidence in self.labels.items()],
            "authors": [a.to_record() for a in ranked],
        }
        if self.errors:
            out["errors"] = [{"record": e.record, "error": e.message} for e in self.errors]
        return out


def assign_roles(conv: ConversationRisk) -> None:
    """``suspect``: alerted.  ``at_risk``: states a minor's age or school, or answered a suspect's
    question about age, school, parents or being alone without stating an adult age.  ``other``: the rest."""
    suspects = {a.author for a in conv.authors.values() if a.alert_at is not None}
    for a in conv.authors.values():
        if a.author in suspects:
            a.role = "suspect"
        elif a.states_minor or (a.answered_minor_question_from & suspects and not a.states_adult):
            a.role = "at_risk"
        else:
            a.role = "other"


def _finding_evidence(author: AuthorRisk, categories: set[str]) -> list[dict[str, Any]]:
    return [{"author": author.author, "message_index": f.message_index, "category": f.category, "rule": f.rule,
             "explanation": f.explanation} for f in author.findings if f.category in categories]


def _cue_evidence(author: AuthorRisk, kinds: set[str]) -> list[dict[str, Any]]:
    return [dict(c.to_record(), author=author.author) for c in author.cues if c.kind in kinds]


def taxonomy_labels(conv: ConversationRisk) -> dict[str, list[dict[str, Any]]]:
    """The platform taxonomy: each label that fired, with the messages that show it."""
    labels: dict[str, list[dict[str, Any]]] = {}
    authors = list(conv.authors.values())
    minors = [a for a in authors if a.role == "at_risk"]
    if minors:
        labels["has_minor"] = [e for a in minors for e in _cue_evidence(a, {"stated_age"})] or [
            {"author": a.author, "reason": "answered a suspect's question about age, school or parents"}
            for a in minors]
    for a in authors:
        if a.role != "suspect":
            continue
        if a.sextortion_at is not None:
            labels.setdefault("sextortion", []).extend(
                _finding_evidence(a, {"sextortion_threat"} | _SEXTORTION_DEMANDS)
                + _cue_evidence(a, {"payment", "deadline"}))
        if a.alert_kind != "sextortion" or minors:  # grooming, or sextortion of a known minor
            access = _finding_evidence(a, _ACCESS_CATEGORIES)
            if access:
                labels.setdefault("child_access", []).extend(access)
            images = _finding_evidence(a, {"image_request"})
            if images:
                labels.setdefault("self_generated_content", []).extend(images)
    csam = [e for a in authors for e in _finding_evidence(a, {"csam_discussion"})]
    if csam:
        labels["csam_discussion"] = csam
    if not labels:
        labels["not_pertinent"] = []
    return {label: labels[label] for label in LABELS if label in labels}


class EarlyWarning:
    """Streaming scorer: feed messages in order; :meth:`add` returns an :class:`Alert` once per author.

    ``detector`` replaces the English rules (as before packs existed); ``packs`` replaces the shipped
    packs (``{"en": ...}`` alone turns language identification off).
    """

    def __init__(self, model: AuthorModel | None = None, detector: IndicatorDetector | None = None,
                 packs: Mapping[str, IndicatorPack] | None = None) -> None:
        self.model = model or load_default_model()
        self.packs = dict(packs) if packs is not None else shipped_packs()
        self.detectors: dict[str, IndicatorDetector] = {
            code: IndicatorDetector(pack.rules) for code, pack in self.packs.items() if code != "en"}
        self.detectors["en"] = detector or (IndicatorDetector(self.packs["en"].rules) if "en" in self.packs
                                            else IndicatorDetector())
        self.guesser = LanguageGuesser(self.detectors)
        self.multilingual = len(self.detectors) > 1  # {"en": ...} alone: today's English-only scorer
        self.conversations: dict[str, ConversationRisk] = {}

    def _hits(self, text: str, english: str, language: str) -> list[tuple[IndicatorHit, str]]:
        detector = self.detectors[language]
        # English undoes its own leetspeak (and keeps "b4", "any1"); the other packs get it undone here.
        normalized = english if language == "en" else self.packs[language].normalize(
            undo_leet(text) if _DIGIT.search(text) else text)
        return [(h, language) for h in detector.detect_normalized(normalized)]

    def add(self, message: Message) -> Alert | None:
        conv = self.conversations.setdefault(message.conversation_id, ConversationRisk(message.conversation_id))
        author = conv.authors.get(message.author)
        if author is None:
            author = conv.authors[message.author] = AuthorRisk(message.author, self.model.stream())
        index = author.messages
        english = normalize_text(message.text)  # once, for the model and the English pack
        probability = author.stream.add_normalized(english, explain=True)
        if index + 1 >= self.model.min_messages:
            author.risk = max(author.risk, probability)
        plain = normalize_pack_text(message.text, {})
        # Quoted and reported speech is someone else's indicator: a safety lesson quoting grooming lines, a
        # child telling what someone wrote to her.  Indicators and cues come from the author's own words.
        continues = conv.last_author == message.author
        own, author.quote_open = strip_quotes(message.text, author.quote_open and continues)
        # Spelled-out letters hide words from the packs ("o-u-t-f-i-t"): joined for the indicators and cues
        # (the model reads the text as written, as it was trained).
        own = join_spelled_letters(own)
        if own != message.text:
            english_own, plain = normalize_text(own), normalize_pack_text(own, {})
        else:
            english_own = english
        # A frame runs on into the same author's next fragments ("he said i" / "have" / "30 minutes").  Read
        # only when something would be discounted: most messages carry no indicator and no cue.
        fragment = continues and conv.last_text.count(" ") < FRAGMENT_WORDS
        run = conv.fragment_run if fragment else []
        reported = _ReportedSpeech(plain, run)
        # An author whose language is settled (SETTLED_VOTES clear messages, all one language) is not
        # identified again: their unsure-path reading (their language and English) covers a switch.
        settled = len(author.languages) == 1 and author.languages.total() >= SETTLED_VOTES
        best = None if settled else self.guesser.best(plain)
        guess = best if best is not None and best[1] >= MIN_CONFIDENCE else None
        if guess is not None:
            language = guess[0]
            conv.languages[language] += 1
            author.languages[language] += 1
            hits = self._hits(own, english_own, language)
        else:  # too short, unclear or settled: the author's or conversation's language (before any is
            # known, the identifier's unsure best guess: a first short threat is read in its language), and English
            language = author.language or dominant_language(conv.languages) or (best[0] if best else "en")
            hits = self._hits(own, english_own, language)
            if language != "en":
                seen = {h.category for h, _ in hits}
                hits += [(h, lang) for h, lang in self._hits(own, english_own, "en") if h.category not in seen]
        if continues and conv.last_text.count(" ") < FRAGMENT_WORDS:
            # Chat splits sentences over messages ("i could pay for" / "ur nails"): read the pair too.
            joined = f"{conv.last_text} {own}"
            seen = {h.category for h, _ in hits}
            hits += [(h, lang) for h, lang in self._hits(joined, normalize_text(joined), language)
                     if h.category not in seen]
        # The pair of fragments, for the code cues below ("hoe oud" / "ben je").
        joined_plain = f"{run[-1]} {plain}" if run else plain
        conv.fragment_run = [*run[-(FRAGMENT_RUN - 1):], plain] if fragment else [plain]
        conv.last_author, conv.last_text = message.author, own
        findings = [Finding(hit.category, hit.stage, index, hit.score, hit.explanation(), hit.rule, lang)
                    for hit, lang in hits]
        if self.multilingual:
            findings += self._code_cues(plain, joined_plain, index, language, {f.category for f in findings})
        if findings and reported():
            findings = []
        for f in findings:
            author.findings.append(f)
            author._categories.setdefault(f.category, index)
            author._stages[f.stage] = index
            author._stage_categories.setdefault(f.stage, set()).add(f.category)
        self._read_cues(conv, author, plain, index, {f.category for f in findings}, reported,
                        _message_year(message.timestamp))
        reason, kind = self._decide(conv, author, index, probability)
        if reason is None or author.alert_at is not None:
            return None
        author.alert_at, author.alert_reason, author.alert_kind = index, reason, kind
        return Alert(message.author, message.conversation_id, index, author.risk, reason,
                     tuple(author.findings), tuple(author.stream.top_terms()), kind or "model")

    @staticmethod
    def _code_cues(plain: str, joined: str, index: int, language: str, seen: set[str]) -> list[Finding]:
        """Risk assessment and platform moves read by code in any language, where no pack rule fired: an
        age question ("et ton âge?", "hoe oud ben je"), a check that a parent is away or the other side is
        alone, a private messaging app named.  No pack has to list every phrasing."""
        out: list[Finding] = []
        # Risk questions are short; a long message is not scanned (the patterns cost time on every message).
        found = risk_cues(joined) if len(joined) <= RISK_CUE_CHARS else {}
        if "age_identity" not in seen and (age_question(plain) or "age" in found):
            out.append(Finding("age_identity", "risk_assessment", index, AGE_QUESTION_SCORE,
                               "asks about age (an age word and a question mark)", "age_question_cue", language))
        if "isolation_check" not in seen and "isolation" in found:
            out.append(Finding("isolation_check", "risk_assessment", index, AGE_QUESTION_SCORE,
                               f"checks that a parent is away or the other side is alone ({found['isolation']!r})",
                               "isolation_cue", language))
        if "platform_move" not in seen and "app" in found:
            out.append(Finding("platform_move", "exclusivity", index, AGE_QUESTION_SCORE,
                               f"names a private messaging app ({found['app']!r})", "private_app_cue", language))
        return out

    def _read_cues(self, conv: ConversationRisk, author: AuthorRisk, plain: str, index: int,
                   categories: set[str], reported: Callable[[], bool] = lambda: False,
                   year: int | None = None) -> None:
        def cue(kind: str, matched: str, age: int | None = None) -> None:
            author.cues.append(Cue(kind, index, matched, age))
            author._cue_kinds.add(kind)

        asker = conv.minor_question_from
        statement = stated_age(plain, year)
        for asker, (_asked_at, answers) in list(conv.age_questions.items()):
            if asker == author.author:
                continue
            answers[author.author] += 1
            if statement is None and answers[author.author] <= AGE_ANSWER_WINDOW:
                statement = bare_age(plain, year)  # "14", "omg 14 lol", "year 8" soon after "how old are you"
            if statement is not None:
                del conv.age_questions[asker]
                # Asked and answered, the asker gives their own age back ("16 haha", "same lol 13").
                conv.age_returns[asker] = AGE_RETURN_WINDOW
        if statement is None and conv.age_returns.get(author.author, 0) > 0:
            statement = bare_age(plain, year)
        if author.author in conv.age_returns:
            conv.age_returns[author.author] -= 1
            if statement is not None or conv.age_returns[author.author] <= 0:
                del conv.age_returns[author.author]
        if statement is not None:
            cue("stated_age", statement.matched, statement.age)
            if author.stated_age is None and statement.age is not None:
                author.stated_age = statement.age
            author.states_minor |= statement.minor
            author.states_adult |= not statement.minor
        if asker is not None and asker != author.author:
            author.answered_minor_question_from.add(asker)
            conv.minor_question_from = None
        asks_age = (age_question(plain) or "age_identity" in categories) and not reported()
        if categories & MINOR_QUESTIONS or asks_age:
            conv.minor_question_from = author.author
        if "age_identity" in categories or asks_age:
            conv.age_questions[author.author] = (index, Counter())
        if not author.writes_as_minor and self_minor_mention(plain) is not None:
            author.writes_as_minor = True
        for kind, read in (("payment", payment_cue), ("deadline", deadline_cue), ("deadline", deadline_words),
                           ("minor_mention", minor_mention),
                           ("guardian_address", guardian_address), ("minor_reference", minor_reference)):
            if kind == "minor_reference" and kind in author._cue_kinds:
                continue  # a flag: once is enough
            if kind == "deadline" and author.cues and author.cues[-1].kind == kind \
                    and author.cues[-1].message_index == index:
                continue  # one deadline cue per message
            matched = read(plain)
            if matched is None:
                continue
            if kind in _REPORTED_CUES and reported():
                continue  # someone else's demand or words, told to this author's listener
            if kind == "minor_reference":  # a weak cue: gates the model, not worth a line of output
                author._cue_kinds.add(kind)
            else:
                cue(kind, matched)
        self._read_threats(author, plain, index, reported)
        held = possession_claim(plain)
        if held is not None and not reported():
            cue("possession", held)
            conv.claim_seen = True
        # A plea only counts with a claim to hold pictures (most conversations: never read).
        if conv.claim_seen and victim_plea(plain) is not None:
            conv.pleaders.add(author.author)
        if "minor_mention" in author._cue_kinds:
            conv.minor_mentioners.add(author.author)
        if "guardian_address" in author._cue_kinds:
            conv.guardian_addressers.add(author.author)

    @staticmethod
    def _read_threats(author: AuthorRisk, plain: str, index: int, reported: Callable[[], bool]) -> None:
        """Threat cues, read only near a demand: a threat alone alerts nobody, and the threat pattern is the
        costliest cue.  The author's last few messages wait in ``_recent`` until a payment or deadline comes."""
        author._recent.append((index, plain, reported))
        near = index - THREAT_PAYMENT_WINDOW
        demand = any(c.message_index > near and c.kind in ("payment", "deadline") for c in author.cues[-4:]) or any(
            f.message_index > near and f.category in _SEXTORTION_DEMANDS for f in author.findings[-4:])
        if not demand:
            return
        for i, text, was_reported in author._recent:
            if i in author._threats_read:
                continue
            author._threats_read.add(i)
            matched = exposure_threat(text)
            if matched is not None and not was_reported():
                author.cues.append(Cue("threat", i, matched))
                author._cue_kinds.add("threat")

    def _decide(self, conv: ConversationRisk, author: AuthorRisk, index: int,
                probability: float) -> tuple[str | None, str | None]:
        categories = author._categories
        if "sextortion_threat" in categories and (categories.keys() & _SEXTORTION_DEMANDS
                                                  or author._cue_kinds & {"payment", "deadline"}):
            author.risk = max(author.risk, SEXTORTION_RISK)
            if author.sextortion_at is None:
                author.sextortion_at = index
            return "sextortion: a threat to expose or share meets a payment demand or a deadline", "sextortion"
        if self._threat_meets_demand(author):
            author.risk = max(author.risk, SEXTORTION_RISK)
            if author.sextortion_at is None:
                author.sextortion_at = index
            return ("sextortion: a threat to expose or share meets a payment demand or a deadline "
                    f"within {SEXTORTION_CUE_WINDOW} messages (a payment within {THREAT_PAYMENT_WINDOW})"), "sextortion"
        stages = {s: i for s, i in author._stages.items() if index - i < STAGE_WINDOW}
        later = [s for s in LATER_STAGES if s in stages]
        others = [o for o in conv.authors.values() if o is not author]
        minor_in_view = any(o.states_minor for o in others)
        # The asymmetry of an adult and a child: the other side stated only adult ages (adults dating).
        adults_only = not minor_in_view and any(o.states_adult for o in others)
        if not adults_only and self._possession_meets_demand(conv, author, index):
            author.risk = max(author.risk, SEXTORTION_RISK)
            if author.sextortion_at is None:
                author.sextortion_at = index
            return ("sextortion: a claim to hold the other side's pictures or chat meets a payment demand and "
                    "a deadline (or the other side's plea)"), "sextortion"
        # The author's own age question is still open: its answer decides whether a child is in view.
        question = conv.age_questions.get(author.author)
        awaiting_age = (question is not None and not minor_in_view and index - question[0] < AGE_ANSWER_WINDOW
                        and all(n < AGE_ANSWER_WINDOW for n in question[1].values()))
        if (author.presents_as_minor and not adults_only and not awaiting_age
                and not conv.guardian_addressers - {author.author}
                and "risk_assessment" in stages and len(later) == len(LATER_STAGES)
                and self._recent_categories(author, index) & PEER_GROOMING_TELLS):
            # A peer who claims a minor's age (often the child's own, just after asking it): teens probe
            # age, swap handles, ask for a picture and meet too, so every later stage in the window counts,
            # and a secret or a check that the child is alone besides.
            author.risk = max(author.risk, EVIDENCE_RISK)
            covered = ", ".join(f"{s} (message {stages[s]})" for s in ("risk_assessment", *later))
            return (f"evidence: indicators cover every grooming stage {covered}, from an author who states a "
                    "minor's age"), "evidence"
        if (not author.presents_as_minor and not adults_only and not awaiting_age
                and not conv.guardian_addressers - {author.author}):
            # With a child in view (the other side stated a minor's age), one later stage is enough.
            needed = MIN_LATER_STAGES_WITH_MINOR if minor_in_view else MIN_LATER_STAGES
            # ... but not a platform move alone: teens swap handles too.
            counted = later if not minor_in_view or len(later) >= MIN_LATER_STAGES else [
                s for s in later if author._stage_categories.get(s, set()) - {"platform_move"}]
            # Once the other side has stated a minor's age, the author's risk assessment is done for good:
            # what they learnt stays known however long the chat runs before the later stages (diluted DMs).
            assessed = "risk_assessment" in stages or (minor_in_view and "risk_assessment" in author._stages)
            if assessed and len(counted) >= needed:
                author.risk = max(author.risk, EVIDENCE_RISK)
                covered = ", ".join(f"{s} (message {author._stages[s]})" for s in ("risk_assessment", *later))
                who = " with a minor in view" if minor_in_view else ""
                return f"evidence: indicators cover the grooming stages {covered}{who}", "evidence"
        if (index + 1 >= self.model.min_messages and probability >= self.model.threshold
                and (author.language or dominant_language(conv.languages) or "en") == "en"
                and self._minor_cue(conv, author)):
            return (f"model: offender-like writing, probability {probability:.2f} >= {self.model.threshold:.2f}, "
                    "with a minor-related cue in the conversation"), "model"
        return None, None

    @staticmethod
    def _threat_meets_demand(author: AuthorRisk) -> bool:
        """A threat read by the cue ("ill send everything to your friends", "your whole school will see it")
        and a payment demand or a deadline within :data:`SEXTORTION_CUE_WINDOW` of the author's messages, or
        a payment demand after it within :data:`THREAT_PAYMENT_WINDOW`."""
        if "threat" not in author._cue_kinds:
            return False
        threats = [c.message_index for c in author.cues if c.kind == "threat"]
        demands = [c.message_index for c in author.cues if c.kind in ("payment", "deadline")]
        demands += [f.message_index for f in author.findings if f.category in _SEXTORTION_DEMANDS]
        if any(abs(t - d) < SEXTORTION_CUE_WINDOW for t in threats for d in demands):
            return True
        payments = [c.message_index for c in author.cues if c.kind == "payment"]
        payments += [f.message_index for f in author.findings if f.category == "sextortion_payment"]
        return any(0 <= p - t < THREAT_PAYMENT_WINDOW for t in threats for p in payments)

    @staticmethod
    def _recent_categories(author: AuthorRisk, index: int) -> set[str]:
        return {f.category for f in author.findings if index - f.message_index < STAGE_WINDOW}

    @staticmethod
    def _possession_meets_demand(conv: ConversationRisk, author: AuthorRisk, index: int) -> bool:
        """A possession claim, then within :data:`POSSESSION_WINDOW` of the author's messages a payment
        demand and a deadline, or one of them while someone else in the conversation has pleaded."""
        if "possession" not in author._cue_kinds:
            return False
        recent = index - POSSESSION_WINDOW
        claims = [c.message_index for c in author.cues if c.kind == "possession" and c.message_index > recent]
        if not claims:
            return False
        first = min(claims)
        kinds = {c.kind for c in author.cues if c.kind in ("payment", "deadline") and c.message_index >= first}
        kinds |= {"payment" if f.category == "sextortion_payment" else "deadline" for f in author.findings
                  if f.category in _SEXTORTION_DEMANDS and f.message_index >= first}
        return len(kinds) == 2 or bool(kinds) and bool(conv.pleaders - {author.author})

    @staticmethod
    def _minor_cue(conv: ConversationRisk, author: AuthorRisk) -> bool:
        """A minor actually in view, and the asymmetry of an adult and a child.

        Yes when the other side states a minor's age or school year, or mentions their school or parents --
        or when this author's words treat the other side as a child (their parents or school, their youth,
        the law) and nobody on the other side states an adult age -- unless this author states a minor's age
        or writes as a minor does (their own parents, homework, school: a teen among teens).  Asking about
        age is not enough on its own: adults dating and gamers ask too, and a groomer's question counts
        once the child answers it.
        """
        if author.presents_as_minor or (author.writes_as_minor and not author.states_adult):
            return False
        others = [o for o in conv.authors.values() if o is not author]
        if any(o.states_minor or o.author in conv.minor_mentioners for o in others):
            return True
        # Words that treat the other side as a child (their parents, school, youth, the law), while nobody
        # on the other side states an adult age.
        return "minor_reference" in author._cue_kinds and not any(o.states_adult for o in others)

    def pop(self, conversation_id: str) -> ConversationRisk:
        """Finish a conversation (roles, labels) and free its state."""
        return self.conversations.pop(conversation_id, ConversationRisk(conversation_id)).finish()


def score_conversation(messages: Iterable[Message], model: AuthorModel | None = None,
                       detector: IndicatorDetector | None = None,
                       packs: Mapping[str, IndicatorPack] | None = None) -> ConversationRisk:
    """Score one conversation's messages (in order)."""
    warning = EarlyWarning(model, detector, packs)
    conversation_id = None
    for m in messages:
        conversation_id = m.conversation_id
        warning.add(m)
    if conversation_id is None:
        return ConversationRisk("")
    return warning.pop(conversation_id)


def score_stream(chunks: Iterable[tuple[str, list[Message]] | RecordError], model: AuthorModel | None = None,
                 detector: IndicatorDetector | None = None) -> Iterator[ConversationRisk | RecordError]:
    """Score the chunks of a reader's ``iter_conversations``; record errors pass through."""
    warning = EarlyWarning(model, detector)
    for chunk in chunks:
        if isinstance(chunk, RecordError):
            yield chunk
            continue
        conversation_id, messages = chunk
        for m in messages:
            warning.add(m)
        yield warning.pop(messages[0].conversation_id if messages else conversation_id)
