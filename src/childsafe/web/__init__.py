"""The review UI of ``childsafe serve``: server-rendered pages at ``/review`` (needs the ``server`` extra).

:func:`mount_review_ui` adds it to the API application; the queue and decisions it shows live in
:mod:`childsafe.review` and :mod:`childsafe.store.review`, which need no web framework.
"""

from __future__ import annotations

from childsafe.web.app import ReviewUI, mount_review_ui

__all__ = ["ReviewUI", "mount_review_ui"]
