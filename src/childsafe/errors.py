"""The one exception hierarchy of childsafe.

Every error the package raises on purpose derives from :class:`ChildsafeError`.
Third-party exceptions are translated where they enter (decoders, databases,
archive readers) so callers only ever need to catch these.  The CLI maps them to
exit codes in one place (:data:`EXIT_CODES`); the API will map them to HTTP
statuses the same way.
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
    "EXIT_CODES",
    "exit_code_for",
]


class ChildsafeError(Exception):
    """Base class of every error childsafe raises on purpose."""


class ConfigError(ChildsafeError):
    """A setting is missing or invalid; the message says how to fix it."""


class InvalidSignalError(ChildsafeError, ValueError):
    """A signal string does not parse for its signal type (e.g. a PDQ hex of the wrong length)."""


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


# One mapping from error to CLI exit status.  2 is reserved for usage errors (as click does);
# per-item failures during a scan are reported, not raised, and leave the exit status at 0.
EXIT_CODES: dict[type[ChildsafeError], int] = {
    ConfigError: 2,
    InvalidSignalError: 2,
    BankNotFoundError: 3,
    BankExistsError: 3,
    HashListFormatError: 4,
    UnsupportedContentError: 5,
    MediaDecodeError: 5,
    UnsafeArchiveError: 5,
    StoreError: 6,
    ModelNotAvailableError: 7,
}


def exit_code_for(error: ChildsafeError) -> int:
    """Exit status for ``error``: the most specific entry of :data:`EXIT_CODES`, else 1."""
    for cls in type(error).__mro__:
        if cls in EXIT_CODES:
            return EXIT_CODES[cls]
    return 1
