"""The application's services, built once from :class:`~childsafe.config.Settings`.

The front doors (the CLI, the API, the review UI) used to turn settings into hashing options, matchers
and service stores each in their own way; a setting added to one door was missed by another.  Here
it is done once: a door builds one :class:`Services` per process (or per CLI invocation) and asks it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from childsafe.case.model import DEFAULT_CASE, Case
from childsafe.case.stores import case_checkpoint_path, case_store_url, prepare_case_store
from childsafe.config import Settings
from childsafe.matching import Matcher
from childsafe.media.archives import ArchiveLimits
from childsafe.media.hashing import HashOptions
from childsafe.store.sql import SqlStore, open_store

if TYPE_CHECKING:  # imported where used: every CLI command builds Services, few need these
    from childsafe.case.registry import CaseRegistry
    from childsafe.review import QueueLimits, ReviewQueue, ReviewService
    from childsafe.services.author_risks import AuthorRiskRecorder
    from childsafe.store.graph import MediaMatcher
    from childsafe.store.review import ReviewStore
    from childsafe.store.service import ServiceStore

__all__ = ["Services"]


class Services:
    """Store, hashing options, matchers, review and accounts' storage for one set of settings.

    The store is opened on first use (a command that never touches it never creates the data
    folder), unless one is given (tests, or a server that shares one); :meth:`close` closes only a
    store this object opened.

    **Evidence store and bank store.**  ``store`` is where a command's records go: the main store,
    or a case's own store (:meth:`for_case`, :mod:`childsafe.case.registry`).  ``bank_store`` is
    always the main store: banks, bank entries and the reviewer allowlist are the house's, shared by
    every case, so matching (:meth:`matcher`), bank reads and allowlist writes go there, and so do
    review sessions (they belong to users).  For the main store's own services both are the same.
    """

    def __init__(self, settings: Settings, store: SqlStore | None = None, *,
                 house: Services | None = None, case: Case | None = None) -> None:
        self.settings = settings
        self._store = store
        self.owns_store = store is None
        self._service: ServiceStore | None = None
        self._reviews: ReviewStore | None = None
        self._house = house
        self.case = case if case is not None and not case.is_default else None

    @property
    def case_name(self) -> str:
        return DEFAULT_CASE if self.case is None else self.case.name

    @property
    def store(self) -> SqlStore:
        if self._store is None:
            if self.case is None:
                self.settings.home.mkdir(parents=True, exist_ok=True)
                self._store = open_store(self.settings.db_url)
            else:
                prepare_case_store(self.bank_store.engine, self.settings, self.case.id)
                self._store = open_store(case_store_url(self.settings, self.case.id))
        return self._store

    @property
    def bank_store(self) -> SqlStore:
        """The main store: banks, entries and the reviewer allowlist (the same as :attr:`store` outside a case)."""
        return self.store if self._house is None else self._house.store

    def house(self) -> Services:
        """The main store's services (this object outside a case)."""
        return self if self._house is None else self._house

    def cases(self) -> CaseRegistry[Services]:
        """The case registry, kept in the main store."""
        from childsafe.case.registry import CaseRegistry

        return CaseRegistry(self.house())

    def for_case(self, case: Case) -> Services:
        """The services of ``case``: its own evidence store, the main store's banks.

        The default case is the main store itself (a view that does not own it: closing it closes
        nothing).  A case's audit chain has its own checkpoint file beside the case's store; its key
        is the house's (one key file per installation).
        """
        house = self.house()
        if case.is_default:
            return Services(house.settings, house.store)
        settings = dataclasses.replace(house.settings,
                                       audit_checkpoint_file=str(case_checkpoint_path(house.settings, case.id)))
        return Services(settings, house=house, case=case)

    def service_store(self) -> ServiceStore:
        """The service tables (users, tokens, jobs, audit) with the settings' audit key and checkpoints.

        In a case, the case store's audit chain (its decisions and inputs); users, tokens and the
        main audit log are :meth:`house`'s.
        """
        from childsafe.store.service import ServiceStore

        if self._service is None:
            self._service = ServiceStore.for_settings(self.store, self.settings)
        return self._service

    def hash_options(self, *, dihedral: bool = False, max_file_bytes: int | None = None) -> HashOptions:
        """Every hashing bound of the settings; ``max_file_bytes`` overrides the file limit (uploads)."""
        return HashOptions.from_settings(self.settings, dihedral=dihedral, max_file_bytes=max_file_bytes)

    def upload_hash_options(self) -> HashOptions:
        """:meth:`hash_options` for content sent to the API, bounded by ``max_upload_bytes``."""
        return self.hash_options(max_file_bytes=self.settings.max_upload_bytes)

    def archive_limits(self) -> ArchiveLimits:
        return ArchiveLimits.from_settings(self.settings)

    def matcher(self, banks: Sequence[str] | None = None) -> Matcher:
        """A matcher over the enabled banks (or only ``banks``), with the settings' index folder and quality floor."""
        return Matcher(self.bank_store, self.settings.index_dir, banks=list(banks) if banks else None,
                       pdq_quality_min=self.settings.pdq_quality_min)

    def reviews(self) -> ReviewStore:
        """Stored review decisions, sessions and conversation notes."""
        from childsafe.store.review import ReviewStore

        if self._reviews is None:
            house = None if self._house is None else self._house.service_store()
            self._reviews = ReviewStore(self.service_store(), house, self.case_name)
        return self._reviews

    def review_queue(self, limits: QueueLimits | None = None,
                     match_media: Callable[[], MediaMatcher | None] | None = None) -> ReviewQueue:
        """The review queue over this store; ``match_media`` supplies the matcher for network media."""
        from childsafe.review import ReviewQueue

        return ReviewQueue(self.store, self.reviews(), limits, match_media=match_media, banks=self.bank_store)

    def review(self, limits: QueueLimits | None = None, match_media: Callable[[], MediaMatcher | None] | None = None,
               bank_changed: Callable[[], None] | None = None) -> ReviewService:
        """The queue with its decision rules; ``bank_changed`` hears of allowlist writes (to refresh a matcher)."""
        from childsafe.review import ReviewService

        return ReviewService(self.review_queue(limits, match_media), self.reviews(), bank_changed)

    def author_risks(self) -> AuthorRiskRecorder:
        """Where text scoring keeps each author's risk (for the graph and the review queue)."""
        from childsafe.services.author_risks import AuthorRiskRecorder
        from childsafe.store.graph import GraphStore

        return AuthorRiskRecorder(GraphStore(self.store), self.reviews())

    def close(self) -> None:
        if self._store is not None and self.owns_store:
            self._store.close()
        if self.owns_store:
            self._store = None
            self._service = None
            self._reviews = None
