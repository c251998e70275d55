"""The one exception hierarchy of childsafe.

Every error the package raises on purpose derives from :class:`ChildsafeError`.
Third-party exceptions are translated where they enter (decoders, databases,
archive readers) so callers only ever need to catch these.  The CLI maps them to
exit codes in one place (:data:`EXIT_CODES`); the API maps them to HTTP statuses in one
place too (:data:`HTTP_STATUSES`).
"""

from __future__ import annotations

__all__ = [
    "ChildsafeError",
    "ConfigError",
    "InvalidSignalError",
    "InvalidIdentifierError",
    "UnsupportedContentError",
    "MediaDecodeError",
    "MediaTooLargeError",
    "UnsafeArchiveError",
    "HashListFormatError",
    "BankNotFoundError",
    "BankExistsError",
    "StoreError",
    "ModelNotAvailableError",
    "NotFoundError",
    "AlreadyExistsError",
    "AuthenticationError",
    "PermissionDeniedError",
    "RateLimitedError",
    "RequestTimeoutError",
    "AuditIntegrityError",
    "InvalidFindingError",
    "CaseExistsError",
    "CaseNotFoundError",
    "EXIT_CODES",
    "exit_code_for",
    "HTTP_STATUSES",
    "http_status_for",
]


class ChildsafeError(Exception):
    """Base class of every error childsafe raises on purpose."""


class ConfigError(ChildsafeError):
    """A setting is missing or invalid; the message says how to fix it."""


class InvalidSignalError(ChildsafeError, ValueError):
    """A signal string does not parse for its signal type (e.g. a PDQ hex of the wrong length)."""


class InvalidFindingError(ChildsafeError, ValueError):
    """A finding record does not parse (a score outside [0, 1], no detector, a malformed location)."""


class InvalidIdentifierError(InvalidSignalError):
    """An account identifier (email, phone, IP, hashed value...) does not parse for its kind."""


class UnsupportedContentError(ChildsafeError):
    """The content cannot be hashed by the requested signal type."""


class MediaDecodeError(ChildsafeError):
    """A photo or video is corrupt, truncated or of a format we cannot decode."""


class MediaTooLargeError(MediaDecodeError):
    """A file or decoded image exceeds a safety limit (decompression bomb, huge archive member)."""


class UnsafeArchiveError(ChildsafeError):
    """An archive member would escape its archive, or the archive exceeds an expansion limit."""


class HashListFormatError(ChildsafeError):
    """A hash list is malformed.  ``problems`` lists ``(line_number, message)`` pairs."""

    def __init__(self, message: str, problems: list[tuple[int, str]] | None = None) -> None:
        self.problems = problems or []
        if self.problems:
            shown = "; ".join(f"line {n}: {m}" for n, m in self.problems[:10])
            more = len(self.problems) - 10
            if more > 0:
                shown += f"; and {more} more"
            message = f"{message}: {shown}"
        super().__init__(message)


class BankNotFoundError(ChildsafeError, KeyError):
    """No bank has that name."""

    def __str__(self) -> str:  # KeyError would repr() the message
        return str(self.args[0]) if self.args else "bank not found"


class BankExistsError(ChildsafeError):
    """A bank with that name already exists."""


class StoreError(ChildsafeError):
    """The store could not be opened, migrated or written."""


class ModelNotAvailableError(ChildsafeError):
    """An optional model or extra is not installed; the message names the extra to install."""


class NotFoundError(ChildsafeError):
    """No user, token or job has that name or id."""


class AlreadyExistsError(ChildsafeError):
    """A user with that name already exists."""


class CaseNotFoundError(NotFoundError):
    """No live case has that name (see ``childsafe case list``); 404 / exit 3 like every missing thing."""


class CaseExistsError(AlreadyExistsError):
    """A live case already has that name; 409 / exit 3."""


class AuthenticationError(ChildsafeError):
    """Missing, unknown or revoked credentials.  The message never says which part was wrong."""


class PermissionDeniedError(ChildsafeError):
    """The authenticated user's role does not allow this action."""


class RateLimitedError(ChildsafeError):
    """Too many attempts; ``retry_after`` says in how many seconds to try again."""

    def __init__(self, message: str, retry_after: float = 1.0) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class RequestTimeoutError(ChildsafeError):
    """A request body stalled longer than the server waits for it (``body_timeout_seconds``)."""


class AuditIntegrityError(ChildsafeError):
    """The audit log's hash chain is broken; ``entry_id`` is the first entry that fails."""

    def __init__(self, message: str, entry_id: int | None = None) -> None:
        super().__init__(message)
        self.entry_id = entry_id


# One mapping from error to CLI exit status.  2 is reserved for usage errors (as click does);
# per-item failures during a scan are reported, not raised, and leave the exit status at 0.
EXIT_CODES: dict[type[ChildsafeError], int] = {
    ConfigError: 2,
    InvalidSignalError: 2,
    InvalidFindingError: 2,
    BankNotFoundError: 3,
    BankExistsError: 3,
    HashListFormatError: 4,
    UnsupportedContentError: 5,
    MediaDecodeError: 5,
    UnsafeArchiveError: 5,
    StoreError: 6,
    ModelNotAvailableError: 7,
    NotFoundError: 3,
    AlreadyExistsError: 3,
    AuthenticationError: 2,
    PermissionDeniedError: 2,
    RateLimitedError: 2,
    AuditIntegrityError: 6,  # what the store holds is not what was written
}


def exit_code_for(error: ChildsafeError) -> int:
    """Exit status for ``error``: the most specific entry of :data:`EXIT_CODES`, else 1."""
    for cls in type(error).__mro__:
        if cls in EXIT_CODES:
            return EXIT_CODES[cls]
    return 1


# One mapping from error to HTTP status, used by the API's exception handler (and nowhere else).
HTTP_STATUSES: dict[type[ChildsafeError], int] = {
    ConfigError: 400,
    InvalidSignalError: 400,
    InvalidFindingError: 422,
    HashListFormatError: 422,
    UnsupportedContentError: 415,
    MediaDecodeError: 422,
    MediaTooLargeError: 413,
    UnsafeArchiveError: 422,
    BankNotFoundError: 404,
    NotFoundError: 404,
    BankExistsError: 409,
    AlreadyExistsError: 409,
    AuthenticationError: 401,
    PermissionDeniedError: 403,
    RateLimitedError: 429,
    RequestTimeoutError: 408,
    StoreError: 503,
    ModelNotAvailableError: 501,
    AuditIntegrityError: 500,
}


def http_status_for(error: ChildsafeError) -> int:
    """HTTP status for ``error``: the most specific entry of :data:`HTTP_STATUSES`, else 500."""
    for cls in type(error).__mro__:
        if cls in HTTP_STATUSES:
            return HTTP_STATUSES[cls]
    return 500
