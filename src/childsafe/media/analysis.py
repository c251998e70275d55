"""What the one walk feeds: analysers of media items, behind one small protocol.

The walk (:mod:`childsafe.scan`) reads folders and archives, resumes, runs worker processes,
shows progress and records per-item errors; it hashes every item (the identity that resume,
duplicate detection and matching need) and hands each hashed photo or video to the analysers of
the run.  ``childsafe scan`` runs none, ``childsafe triage`` runs
:class:`~childsafe.triage.engine.TriageAnalyser` and ``childsafe faces index``
:class:`~childsafe.faces.indexing.FaceAnalyser`: a feature of the walk reaches all of them.
The protocol lives here, below the domains, so an analyser never imports the walk.

An analyser is pickled into each worker process with its configuration only; :meth:`setup`
rebuilds what cannot travel (models, sessions) once per process, before its first item.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from childsafe.errors import ChildsafeError, ConfigError
from childsafe.media.content import ContentType
from childsafe.media.hashing import FileHashes

__all__ = ["Analyser", "MediaItem", "analyse_item", "analysis_fingerprints"]


@dataclass(frozen=True)
class MediaItem:
    """One hashed item as an analyser sees it: a walked file or an archive member."""

    key: str  # the report's path ("case/a.zip!/b.jpg" for a member)
    hashes: FileHashes
    #: A file on disk holding the content: the walked file itself, or a private spool copy of an
    #: archive member (videos), deleted once every analyser has seen it.
    local_path: Path | None = None
    #: The bytes of a photo that came from an archive (photos are decoded in memory).
    data: bytes | None = None

    @property
    def content_type(self) -> ContentType:
        return self.hashes.content_type

    def read_bytes(self) -> bytes:
        if self.data is not None:
            return self.data
        if self.local_path is None:
            raise ChildsafeError("content is no longer available")
        return self.local_path.read_bytes()


@runtime_checkable
class Analyser(Protocol):
    """Looks at one item's content and returns a JSON-able record of what it saw.

    ``name`` keys its record (``record["analysis"][name]``); keys starting with ``_`` reach the
    command in the scan's process but are neither reported nor stored in the scan record (face
    descriptors).  ``wants`` are the content types it is
    given (others are never passed to it); ``fingerprint()`` names every option that changes its
    records, so a resumed run re-analyses an item whose stored record was made otherwise.
    ``analyse`` raises :class:`~childsafe.errors.ChildsafeError` (or ``OSError``) for a problem
    with this item -- the walk records it as the item's error and goes on -- and
    :class:`~childsafe.errors.ConfigError` when it cannot work at all, which stops the run.
    """

    name: str
    wants: frozenset[ContentType]

    def fingerprint(self) -> str: ...

    def setup(self) -> None: ...

    def analyse(self, item: MediaItem) -> dict[str, Any]: ...


# Analysers already set up in this process (kept referenced, so an identity is never reused).
_ready: list[Analyser] = []


def analyse_item(item: MediaItem, analysers: Sequence[Analyser]) -> dict[str, dict[str, Any]]:
    """Every wanting analyser's record for ``item``; a per-item problem becomes its ``error``."""
    out: dict[str, dict[str, Any]] = {}
    for analyser in analysers:
        if item.content_type not in analyser.wants:
            continue
        if not any(a is analyser for a in _ready):
            analyser.setup()
            _ready.append(analyser)
        try:
            out[analyser.name] = analyser.analyse(item)
        except ConfigError:
            raise  # misconfigured: every item would fail the same way, stop the run
        except ChildsafeError as exc:
            out[analyser.name] = {"error": str(exc)}
        except OSError as exc:
            out[analyser.name] = {"error": f"unreadable: {exc.strerror or exc}"}
    return out


def analysis_fingerprints(analysers: Sequence[Analyser]) -> dict[str, str]:
    return {a.name: a.fingerprint() for a in analysers}
