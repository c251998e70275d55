"""Keeping what text scoring found about each author: the service every door that scores text uses.

Only the author's highest risk, whether it alerted and the indicator categories are kept (never the
messages): ``childsafe graph rank`` joins them to the network, and the review queue lists the authors
that alerted or reached :data:`REVIEW_MIN_RISK`, with where their conversations are (path and id) so
the review UI can re-read and highlight them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:  # types only: every CLI command imports this package, few score text
    from childsafe.store.graph import GraphStore
    from childsafe.store.review import ReviewStore
    from childsafe.text.scoring import ConversationRisk

__all__ = ["REVIEW_MIN_RISK", "AuthorRiskRecorder"]

#: Authors at or above this risk (or that alerted) get their conversation noted for review.
REVIEW_MIN_RISK: Final = 0.5


class AuthorRiskRecorder:
    def __init__(self, graph: GraphStore, reviews: ReviewStore, *, review_min_risk: float = REVIEW_MIN_RISK) -> None:
        self.graph = graph
        self.reviews = reviews
        self.review_min_risk = review_min_risk

    def record(self, result: ConversationRisk, source: str) -> None:
        """Keep every author's risk in ``result``, a conversation scored from the file ``source``."""
        for author in result.authors.values():
            self.graph.save_author_risk(author.author, author.risk, author.alert_at is not None,
                                        {f.category for f in author.findings}, author.role, author.stated_age,
                                        author.language, author.labels)
            if author.alert_at is not None or author.risk >= self.review_min_risk:
                # Where (not what): the review UI re-reads this conversation to highlight its messages.
                self.reviews.note_conversation(author.author, source, result.conversation_id, author.risk)
