"""Member names: whether one could escape an extraction folder, and how it is displayed."""

from __future__ import annotations


def _unsafe_name(name: str) -> str | None:
    """Why a member name could escape an extraction folder, or None.  We never write by name,
    but an archive built to escape is itself a finding the analyst must see."""
    if "\x00" in name:
        return "NUL byte"
    normalized = name.replace("\\", "/")
    if normalized.startswith("/"):
        return "absolute"
    if len(normalized) >= 2 and normalized[1] == ":" and normalized[0].isascii() and normalized[0].isalpha():
        return "drive letter"
    if ".." in normalized.split("/"):
        return "'..' component"
    return None


def _printable(text: str) -> str:
    # Names come from the archive: escape control characters so a name cannot rewrite the
    # analyst's terminal or forge lines in a report.
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)


def _member_path(display: str, name: str) -> str:
    return f"{display}!/{_printable(name)}"


def _single_member_name(display: str) -> str:
    """``photo.jpg.gz`` holds ``photo.jpg``; gzip's stored name is ignored (untrusted, optional)."""
    base = display.replace("\\", "/").rsplit("/", 1)[-1]
    for suffix in (".gz", ".bz2", ".xz"):
        if base.lower().endswith(suffix) and len(base) > len(suffix):
            return base[: -len(suffix)]
    return base or "data"
