"""Review: the queue of work for reviewers (media, text, graph leads, children at risk) and the
rules for deciding it.

An application service between the front doors (the API's ``/api/v1/review`` routes, the review UI)
and the store: it composes the queue from stored scans, author risks and the network ranking; the
decisions themselves are stored by :class:`~childsafe.store.review.ReviewStore`.
"""

from childsafe.review.queue import (
    AT_RISK_DECISIONS,
    ITEM_DECISIONS,
    SOURCE_ORDER,
    QueueItem,
    QueueLimits,
    QueueResult,
    ReviewQueue,
    item_key,
)
from childsafe.review.service import ReviewService

__all__ = ["AT_RISK_DECISIONS", "ITEM_DECISIONS", "SOURCE_ORDER", "QueueItem", "QueueLimits", "QueueResult",
           "ReviewQueue", "ReviewService", "item_key"]
