"""Application services composed once from the settings, for the front doors (cli, api, web).

:class:`Services` is the factory: the store, hashing options, matchers, the review queue and the
account storage.  :class:`AuthorRiskRecorder` keeps text scoring's per-author risk.  The review queue
itself lives in :mod:`childsafe.review`, users, tokens and rate limits in :mod:`childsafe.accounts`.
"""

from childsafe.services.author_risks import REVIEW_MIN_RISK, AuthorRiskRecorder
from childsafe.services.factory import Services

__all__ = ["REVIEW_MIN_RISK", "AuthorRiskRecorder", "Services"]
