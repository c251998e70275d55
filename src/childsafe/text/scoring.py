"""Score conversations: who is the risk, why (the messages that show it), and how early.

Each author's messages are streamed, one at a time, through two layers:

1. :class:`~childsafe.text.indicators.IndicatorDetector`: explainable findings per message
   (category, grooming stage, the words matched);
2. :class:`~childsafe.text.model.AuthorStream`: the trained model's probability that this author
   writes like an offender, updated per message.

An author *alerts* at the first message where the model's probability reaches the model's
threshold (after its minimum number of messages), or where sextortion shows itself (a threat to
share images together with a demand or a deadline: the trained model has never seen sextortion, so
that pattern is a rule).  An alert carries the evidence so far.  Findings order human review; they
never decide anything.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from childsafe.text.indicators import IndicatorDetector, IndicatorHit
from childsafe.text.messages import Message, RecordError
from childsafe.text.model import AuthorModel, AuthorStream, load_default_model
from childsafe.text.normalize import normalize_text

__all__ = ["AuthorRisk", "ConversationRisk", "EarlyWarning", "Alert", "score_conversation"]

#: Risk given to an author once the sextortion rule fires.
SEXTORTION_RISK = 0.95
_SEXTORTION_DEMANDS = {"sextortion_payment", "sextortion_deadline"}


@dataclass(frozen=True)
class Finding:
    category: str
    stage: str
    message_index: int  # 0-based, within the author's messages
    score: float
    explanation: str

    def to_record(self) -> dict[str, Any]:
        return {"category": self.category, "stage": self.stage, "message_index": self.message_index,
                "score": round(self.score, 3), "explanation": self.explanation}


@dataclass(frozen=True)
class Alert:
    author: str
    conversation_id: str
    message_index: int
    risk: float
    reason: str
    evidence: tuple[Finding, ...]
    top_terms: tuple[tuple[str, float], ...]


@dataclass
class AuthorRisk:
    author: str
    stream: AuthorStream
    risk: float = 0.0
    alert_at: int | None = None
    alert_reason: str | None = None
    findings: list[Finding] = field(default_factory=list)
    _categories: set[str] = field(default_factory=set)

    @property
    def messages(self) -> int:
        return self.stream.messages

    def to_record(self) -> dict[str, Any]:
        return {
            "author": self.author, "risk": round(self.risk, 4), "alert_at": self.alert_at,
            "alert_reason": self.alert_reason, "messages": self.messages,
            "model_risk": round(self.stream.probability, 4),
            "indicators": [f.to_record() for f in self.findings],
            "top_terms": [{"term": t, "weight": round(w, 3)} for t, w in self.stream.top_terms()],
        }


@dataclass
class ConversationRisk:
    conversation_id: str
    authors: dict[str, AuthorRisk] = field(default_factory=dict)
    errors: list[RecordError] = field(default_factory=list)

    @property
    def risk(self) -> float:
        return max((a.risk for a in self.authors.values()), default=0.0)

    def to_record(self) -> dict[str, Any]:
        ranked = sorted(self.authors.values(), key=lambda a: -a.risk)
        out: dict[str, Any] = {"conversation_id": self.conversation_id, "risk": round(self.risk, 4),
                               "authors": [a.to_record() for a in ranked]}
        if self.errors:
            out["errors"] = [{"record": e.record, "error": e.message} for e in self.errors]
        return out


class EarlyWarning:
    """Streaming scorer: feed messages in order; :meth:`add` returns an :class:`Alert` once per author."""

    def __init__(self, model: AuthorModel | None = None, detector: IndicatorDetector | None = None) -> None:
        self.model = model or load_default_model()
        self.detector = detector or IndicatorDetector()
        self.conversations: dict[str, ConversationRisk] = {}

    def add(self, message: Message) -> Alert | None:
        conv = self.conversations.setdefault(message.conversation_id, ConversationRisk(message.conversation_id))
        author = conv.authors.get(message.author)
        if author is None:
            author = conv.authors[message.author] = AuthorRisk(message.author, self.model.stream())
        index = author.messages
        normalized = normalize_text(message.text)  # once, for both layers
        probability = author.stream.add_normalized(normalized, explain=True)
        if index + 1 >= self.model.min_messages:
            author.risk = max(author.risk, probability)
        for hit in self.detector.detect_normalized(normalized):
            author.findings.append(_finding(hit, index))
            author._categories.add(hit.category)
        reason = None
        if "sextortion_threat" in author._categories and author._categories & _SEXTORTION_DEMANDS:
            author.risk = max(author.risk, SEXTORTION_RISK)
            reason = "sextortion: a threat to share images with a demand or deadline"
        elif index + 1 >= self.model.min_messages and probability >= self.model.threshold:
            reason = f"model: offender-like writing, probability {probability:.2f} >= {self.model.threshold:.2f}"
        if reason is None or author.alert_at is not None:
            return None
        author.alert_at, author.alert_reason = index, reason
        return Alert(message.author, message.conversation_id, index, author.risk, reason,
                     tuple(author.findings), tuple(author.stream.top_terms()))

    def pop(self, conversation_id: str) -> ConversationRisk:
        """Finish a conversation and free its state."""
        return self.conversations.pop(conversation_id, ConversationRisk(conversation_id))


def _finding(hit: IndicatorHit, index: int) -> Finding:
    return Finding(hit.category, hit.stage, index, hit.score, hit.explanation())


def score_conversation(messages: Iterable[Message], model: AuthorModel | None = None,
                       detector: IndicatorDetector | None = None) -> ConversationRisk:
    """Score one conversation's messages (in order)."""
    warning = EarlyWarning(model, detector)
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
    model = model or load_default_model()
    detector = detector or IndicatorDetector()
    for chunk in chunks:
        if isinstance(chunk, RecordError):
            yield chunk
            continue
        _conversation_id, messages = chunk
        yield score_conversation(messages, model, detector)
