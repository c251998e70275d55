"""Streaming readers of network events: messages, identifiers, shared media and accounts.

Each of the four event kinds (:data:`EVENT_KINDS`) is read from CSV (with a header) or JSON Lines,
told apart by content: after an optional UTF-8 byte-order mark and whitespace, ``{`` means JSON
Lines and anything else CSV.  The kind is told from the CSV header or the first JSON object's keys
(:func:`detect_kind`) unless the caller names it.

Readers yield one frozen event per usable record and a :class:`RowError` for every record they
cannot use; a bad record never stops the stream.  Memory stays flat on multi-gigabyte files: lines
are read one at a time with a byte cap per record (:data:`MAX_RECORD_BYTES`) and every field is
capped at :data:`MAX_FIELD_CHARS` characters.

``row`` numbers are the 1-based line of a JSON Lines record or the starting line of a CSV record
(the header is line 1).  ``row == 0`` means the problem is not tied to one record: the file could
not be opened, or its format or kind could not be told.

Identifiers are normalised (:func:`normalize_identifier`) so that ``J.Doe+x@googlemail.com`` and
``jdoe@gmail.com`` meet on one node, and can be keyed-hashed (:func:`hash_identifier`) so that two
organisations sharing a key can link accounts without exchanging raw emails or phone numbers.  An
identifier row whose kind ends in ``_hmac`` or ``_sha256`` (``email_hmac``) already carries such a
digest: 64 hex digits, matched as-is.
"""
# long-module: the four event kinds' field rules, identifier normalisation and hashing are one contract with the
#   event-file format, read together; the line and CSV mechanics already live in childsafe.records.

from __future__ import annotations

import csv
import functools
import hashlib
import hmac
import io
import ipaddress
import json
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import MappingProxyType
from typing import IO, Final, cast

from childsafe.errors import ChildsafeError, ConfigError, InvalidIdentifierError, InvalidSignalError
from childsafe.media.signals import get_signal_type, signal_type_registry
from childsafe.plugins import Registry
from childsafe.records import (
    ByteLines,
    CsvProblem,
    control_char_problem,
    iter_csv_records,
    json_kind,
    json_object_line,
)
from childsafe.records import os_reason as _os_reason
from childsafe.records import strip_bom as _strip_bom

__all__ = [
    "EVENT_BUILDERS",
    "EVENT_KINDS",
    "IDENTIFIER_KINDS",
    "MAX_FIELD_CHARS",
    "MAX_RECORD_BYTES",
    "AccountEvent",
    "Event",
    "IdentifierEvent",
    "InvalidIdentifierError",
    "MediaEvent",
    "MessageEvent",
    "RowError",
    "detect_kind",
    "hash_identifier",
    "iter_events",
    "normalize_identifier",
]

#: The event kinds the readers understand; ``"auto"`` tells one from the header or first object.
EVENT_KINDS: Final = ("messages", "identifiers", "media", "accounts")

#: Identifier kinds.  A suffix ``_hmac`` or ``_sha256`` marks a value already keyed-hashed.
IDENTIFIER_KINDS: Final = ("email", "phone", "ip", "device", "payment", "username", "url", "other")

#: A field longer than this many characters makes its record a :class:`RowError`.
MAX_FIELD_CHARS: Final = 4096

#: A JSON Lines line, or a CSV record (all its lines), longer than this is refused unread.  It equals
#: the csv module's default field limit, so that limit never needs raising (it is process-global).
MAX_RECORD_BYTES: Final = 128 * 1024

_HASHED_SUFFIXES: Final = ("_hmac", "_sha256")
_HEX64: Final = re.compile(r"[0-9a-f]{64}")
_UTF16_BOMS: Final = (b"\xff\xfe", b"\xfe\xff")
_SNIFF_BYTES: Final = MAX_RECORD_BYTES + 1024
#: Lines of the sniffed start looked at to tell JSON Lines whose first record is damaged.
_SNIFF_LINES: Final = 50
_EPOCH: Final = re.compile(r"[+-]?\d+(\.\d+)?")
_AGE: Final = re.compile(r"\d{1,3}")
_PHONE_SEPARATORS: Final = frozenset(" -().\u00a0/")
_GMAIL_DOMAINS: Final = frozenset({"gmail.com", "googlemail.com"})


# --------------------------------------------------------------------------- events


@dataclass(frozen=True)
class RowError:
    """A record that could not be used: its ``row`` (see the module docstring) and why."""

    row: int
    message: str
    #: True when nothing of the file could be read: it could not be opened, or its format, kind or
    #: header was not understood (a usage problem: the CLI exits 2 when no file could be read).
    whole_file: bool = field(default=False, compare=False)


@dataclass(frozen=True)
class MessageEvent:
    """``sender`` sent ``recipient`` a message (content not kept: the graph needs only the edge)."""

    sender: str
    recipient: str
    timestamp: datetime | None = None  # always timezone-aware UTC
    platform: str | None = None
    row: int = 0


@dataclass(frozen=True)
class IdentifierEvent:
    """``account`` uses an identifier: ``value`` is normalised, or the HMAC hex when ``hashed``."""

    account: str
    kind: str  # one of IDENTIFIER_KINDS (the hashed suffix is dropped; see ``hashed``)
    value: str
    hashed: bool = False
    row: int = 0


@dataclass(frozen=True)
class MediaEvent:
    """``account`` shared a file known by its signals (at least one is set), of any registered type.

    SHA-256 and PDQ keep their own fields for existing callers; signals of every other type
    (``md5``, ``vpdq``, a plug-in's) are ``other_signals``, (type, normalised value) pairs sorted by type.
    :meth:`signals` gives them all.
    """

    account: str
    sha256: str | None = None
    pdq: str | None = None
    timestamp: datetime | None = None
    row: int = 0
    other_signals: tuple[tuple[str, str], ...] = ()

    def signals(self) -> dict[str, str]:
        """Every signal of the item by type name, normalised."""
        found = dict(self.other_signals)
        if self.sha256:
            found["sha256"] = self.sha256
        if self.pdq:
            found["pdq"] = self.pdq
        return found


@dataclass(frozen=True)
class AccountEvent:
    """What is known of ``account``; columns the reader does not interpret are kept as strings."""

    account: str
    declared_age: int | None = None
    created_at: datetime | None = None
    attributes: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}), hash=False)
    row: int = 0


Event = MessageEvent | IdentifierEvent | MediaEvent | AccountEvent


# --------------------------------------------------------------------------- identifiers


def normalize_identifier(kind: str, value: str) -> str:
    """The canonical form of an identifier, so that spellings of one identifier meet.

    * ``email``: stripped and lower-cased; for gmail.com and googlemail.com (both written
      ``gmail.com``) dots and any ``+tag`` are removed from the local part.
    * ``phone``: digits only, a leading ``+`` kept; spaces, dashes, dots, slashes and parentheses
      are dropped, anything else (letters) is refused.  No country is guessed.
    * ``ip``: :mod:`ipaddress` canonical form; an IPv4-mapped IPv6 address becomes the IPv4 one.
    * every other kind: stripped and lower-cased.

    Raises :class:`InvalidIdentifierError` for an unknown kind or a value that does not parse.
    """
    base = kind.strip().lower()
    if base not in IDENTIFIER_KINDS:
        raise InvalidIdentifierError(f"unknown identifier kind {kind!r} (known: {', '.join(IDENTIFIER_KINDS)})")
    text = value.strip()
    if not text:
        raise InvalidIdentifierError(f"empty {base} identifier")
    if base == "email":
        return _normalize_email(text)
    if base == "phone":
        return _normalize_phone(text)
    if base == "ip":
        return _normalize_ip(text)
    return text.lower()


def hash_identifier(kind: str, value: str, key: bytes) -> str:
    """HMAC-SHA256 under ``key`` of ``"{kind}:{normalised value}"``, as 64 lower-case hex digits.

    Organisations that share ``key`` (and only they) get equal digests for equal identifiers, so
    they can link accounts without exchanging the raw values.  The kind is part of the message, so
    a phone number and a username spelled alike do not collide.  Raises :class:`ConfigError` for an
    empty key and :class:`InvalidIdentifierError` as :func:`normalize_identifier` does.
    """
    if not key:
        raise ConfigError("the identifier hashing key is empty; share a random key of at least 32 bytes")
    base = kind.strip().lower()
    normalized = normalize_identifier(base, value)
    return hmac.new(key, f"{base}:{normalized}".encode(), hashlib.sha256).hexdigest()


def _normalize_email(text: str) -> str:
    local, at, domain = text.lower().rpartition("@")
    if not at or not local or not domain or any(c.isspace() for c in text):
        raise InvalidIdentifierError(f"not an email address: {_preview(text)}")
    domain = domain.rstrip(".")
    if domain in _GMAIL_DOMAINS:
        local = local.split("+", 1)[0].replace(".", "")
        if not local:
            raise InvalidIdentifierError(f"not an email address: {_preview(text)}")
        domain = "gmail.com"
    return f"{local}@{domain}"


def _normalize_phone(text: str) -> str:
    plus = text.startswith("+")
    digits = []
    for char in text[1:] if plus else text:
        if char.isascii() and char.isdigit():
            digits.append(char)
        elif char not in _PHONE_SEPARATORS:
            raise InvalidIdentifierError(f"not a phone number (unexpected {char!r}): {_preview(text)}")
    if len(digits) < 3:
        raise InvalidIdentifierError(f"not a phone number (too few digits): {_preview(text)}")
    return ("+" if plus else "") + "".join(digits)


def _normalize_ip(text: str) -> str:
    try:
        address = ipaddress.ip_address(text.removeprefix("[").removesuffix("]"))
    except ValueError:
        raise InvalidIdentifierError(f"not an IP address: {_preview(text)}") from None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped.compressed
    return address.compressed


# --------------------------------------------------------------------------- public readers


def detect_kind(path: Path) -> str:
    """The event kind of the file at ``path``, told from its CSV header or first JSON object's keys.

    ``sender`` and ``recipient`` mean messages; ``kind`` and ``value`` identifiers; a registered
    signal type's name (``sha256``, ``pdq``, ``md5``, ``vpdq``, a plug-in's) media; otherwise
    ``account`` means accounts.  Raises :class:`ConfigError` when the file cannot be read, is empty,
    or its keys fit no kind or more than one.
    """
    path = Path(path)
    try:
        with path.open("rb") as fh:
            head = fh.read(_SNIFF_BYTES)
    except OSError as exc:
        raise ConfigError(f"cannot open event file {path}: {_os_reason(exc)}") from exc
    return _sniff(head, path)[1]


def iter_events(path: Path, kind: str = "auto") -> Iterator[Event | RowError]:
    """Every event of the file at ``path``, in file order, streamed.

    ``kind`` is one of :data:`EVENT_KINDS` or ``"auto"`` (see :func:`detect_kind`); an unknown name
    raises :class:`ConfigError` at once.  Nothing about the file's content raises: a file that cannot
    be opened, or whose format or kind cannot be told, yields one ``RowError(0, ...)``; each unusable
    record yields a ``RowError`` and reading goes on.  An empty file yields nothing.
    """
    if kind != "auto" and kind not in EVENT_BUILDERS.entries():
        raise ConfigError(f"unknown event kind {kind!r}; use one of: auto, {', '.join(EVENT_BUILDERS.names())}")
    return _iter_file(Path(path), kind)


# --------------------------------------------------------------------------- dispatch


def _iter_file(path: Path, kind: str) -> Iterator[Event | RowError]:
    try:
        # A buffer as large as the sniffing window lets peek() see it without seeking (pipes work).
        fh = io.BufferedReader(open(path, "rb", buffering=0), _SNIFF_BYTES)
    except OSError as exc:
        yield RowError(0, f"cannot open {path}: {_os_reason(exc)}", whole_file=True)
        return
    with fh:
        try:
            head = fh.peek(_SNIFF_BYTES)[:_SNIFF_BYTES]
            if not _strip_bom(head).strip():
                return
            try:
                fmt, detected = _sniff(head, path, need_kind=kind == "auto")
            except ConfigError as exc:
                yield RowError(0, str(exc), whole_file=True)
                return
            builder = _builder(detected if kind == "auto" else kind)
            reader = _read_jsonl if fmt == "jsonl" else _read_csv
            yield from reader(fh, builder)
        except OSError as exc:
            yield RowError(0, f"cannot read {path}: {_os_reason(exc)}")


def _sniff(head: bytes, path: Path, need_kind: bool = True) -> tuple[str, str]:
    """``(format, kind)`` of a file from its first bytes; kind is ``""`` unless ``need_kind``.

    A file starting with ``{`` is JSON Lines; so is one whose first line is no CSV header of any
    kind while a later line starts with ``{`` (a JSON Lines file whose first record is damaged:
    the records after it must still be read).  The kind comes from the first JSON object that
    parses, or from the CSV header.
    """
    if head.startswith(_UTF16_BOMS):
        raise ConfigError(f"{path} is UTF-16; event files must be UTF-8")
    data = _strip_bom(head).lstrip()
    if not data:
        raise ConfigError(f"cannot tell the event kind of {path}: it is empty")
    lines = [line for line in data.split(b"\n")[:_SNIFF_LINES] if line.strip()]
    header_keys = _csv_keys(lines[0])
    fmt = "jsonl" if data.startswith(b"{") else "csv"
    if fmt == "csv" and _kind_or_none(header_keys) is None and any(ln.lstrip().startswith(b"{") for ln in lines[1:]):
        fmt = "jsonl"
    if not need_kind:
        return fmt, ""
    if fmt == "csv":
        return fmt, _kind_from_keys(header_keys, path)
    first_error: ValueError | None = None  # why the first line is not JSON, if it is not
    for number, line in enumerate(lines):
        try:
            first = json.loads(line.decode("utf-8", "replace"))
        except ValueError as exc:
            first_error = exc if number == 0 else first_error
            continue
        if isinstance(first, dict):
            return fmt, _kind_from_keys(set(first), path)
    reason = f"its first line is not JSON ({first_error})" if first_error else "its first line is not a JSON object"
    raise ConfigError(f"cannot tell the event kind of {path}: {reason}, nor any line after it")


def _csv_keys(line: bytes) -> set[str]:
    try:
        return {name.strip().lower() for name in next(csv.reader([line.decode("utf-8", "replace")]), [])}
    except csv.Error:
        return set()


def _kind_or_none(keys: set[str]) -> str | None:
    try:
        return _kind_from_keys(keys, Path())
    except ConfigError:
        return None


def _kind_from_keys(keys: set[str], path: Path) -> str:
    matches = [
        kind
        for kind, fits in (
            ("messages", {"sender", "recipient"} <= keys),
            ("identifiers", {"kind", "value"} <= keys),
            ("media", bool(keys & set(_signal_columns()))),
        )
        if fits
    ]
    if len(matches) > 1:
        raise ConfigError(
            f"cannot tell the event kind of {path}: its columns fit {' and '.join(matches)}; name the kind"
        )
    if matches:
        return matches[0]
    if "account" in keys:
        return "accounts"
    shown = ", ".join(repr(k[:40]) for k in sorted(keys)[:12]) or "none"
    raise ConfigError(
        f"cannot tell the event kind of {path}: expected columns sender+recipient (messages), "
        f"account+kind+value (identifiers), account+a signal type such as sha256/pdq/md5 (media) "
        f"or account (accounts); found {shown}"
    )


# --------------------------------------------------------------------------- building events


class _RowProblem(Exception):
    """A field is missing or invalid; internal to the readers, turned into a RowError."""


_Fields = Mapping[str, object]


def _text(fields: _Fields, name: str, *, free_text: bool = False) -> str | None:
    """A field as stripped text (numbers written out), or None when absent or blank.

    Control characters (NUL...) are refused: every field ends up in the store and the exports.
    Only ``free_text`` (an account's own attributes) may hold tabs and line breaks.
    """
    value = fields.get(name)
    if value is None:
        return None
    if isinstance(value, bool):
        value = "true" if value else "false"
    elif isinstance(value, int | float):
        value = str(value)
    elif not isinstance(value, str):
        raise _RowProblem(f"field {name!r} must be a string or a number, not {json_kind(value)}")
    if len(value) > MAX_FIELD_CHARS:
        raise _RowProblem(f"field {name!r} of {len(value)} characters exceeds {MAX_FIELD_CHARS}")
    value = value.strip()
    problem = control_char_problem(name[:40], value, free_text=free_text)
    if problem:
        raise _RowProblem(problem)
    return value or None


def _required(fields: _Fields, name: str) -> str:
    value = _text(fields, name)
    if value is None:
        raise _RowProblem(f"{'missing' if fields.get(name) is None else 'empty'} field {name!r}")
    return value


def _timestamp(fields: _Fields, name: str) -> datetime | None:
    """An ISO-8601 string or epoch seconds (string or JSON number) as an aware UTC datetime.

    A naive ISO-8601 time is taken to be UTC already.
    """
    raw = fields.get(name)
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        return _from_epoch(float(raw), name, str(raw))
    text = _text(fields, name)
    if text is None:
        return None
    if _EPOCH.fullmatch(text):
        return _from_epoch(float(text), name, text)
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise _RowProblem(f"field {name!r} is not an ISO-8601 time or epoch seconds: {_preview(text)}") from None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _from_epoch(seconds: float, name: str, shown: str) -> datetime:
    try:
        return datetime.fromtimestamp(seconds, UTC)
    except (OverflowError, OSError, ValueError):
        raise _RowProblem(f"field {name!r}: epoch seconds {_preview(shown)} out of range") from None


def _message(fields: _Fields, row: int) -> Event:
    return MessageEvent(
        sender=_required(fields, "sender"),
        recipient=_required(fields, "recipient"),
        timestamp=_timestamp(fields, "timestamp"),
        platform=_text(fields, "platform"),
        row=row,
    )


def _identifier(fields: _Fields, row: int) -> Event:
    account = _required(fields, "account")
    kind = _required(fields, "kind").lower()
    value = _required(fields, "value")
    base, hashed = kind, False
    for suffix in _HASHED_SUFFIXES:
        if kind.endswith(suffix):
            base, hashed = kind.removesuffix(suffix), True
    if base not in IDENTIFIER_KINDS:
        raise _RowProblem(
            f"unknown identifier kind {_preview(kind)} (known: {', '.join(IDENTIFIER_KINDS)}, "
            "each optionally ending in _hmac or _sha256 for a hashed value)"
        )
    if hashed:
        digest = value.lower()
        if not _HEX64.fullmatch(digest):
            raise _RowProblem(f"kind {kind!r} needs a 64-hex-digit HMAC-SHA256 value, got {_preview(value)}")
        return IdentifierEvent(account, base, digest, hashed=True, row=row)
    try:
        normalized = normalize_identifier(base, value)
    except InvalidIdentifierError as exc:
        raise _RowProblem(str(exc)) from None
    return IdentifierEvent(account, base, normalized, hashed=False, row=row)


def _signal_columns() -> tuple[str, ...]:
    """Media columns: every registered signal type's name, SHA-256 and PDQ first (the registry asks
    nothing of the readers but a name; ``validate`` comes from the type itself)."""
    names = signal_type_registry.entries()
    return (*(n for n in ("sha256", "pdq") if n in names), *(n for n in names if n not in ("sha256", "pdq")))


#: Each type's ``validate``, for the registry's current entries (a reload gives a new entries dict, which
#: empties this): resolving the type per media row cost about a third of media ingest (measured).
_VALIDATORS: dict[str, Callable[[str], str]] = {}
_VALIDATORS_FOR: list[object] = [None]


def _validator(registered: object, name: str) -> Callable[[str], str]:
    if _VALIDATORS_FOR[0] is not registered:
        _VALIDATORS.clear()
        _VALIDATORS_FOR[0] = registered
    found = _VALIDATORS.get(name)
    if found is None:
        found = _VALIDATORS[name] = get_signal_type(name).validate
    return found


def _media(fields: _Fields, row: int) -> Event:
    account = _required(fields, "account")
    registered = signal_type_registry.entries()
    signals: dict[str, str] = {}
    for name in fields:
        if name not in registered:
            continue
        raw = _text(fields, name)
        if raw is None:
            continue
        try:
            signals[name] = _validator(registered, name)(raw)
        except (InvalidSignalError, ConfigError) as exc:  # ConfigError: a plug-in that does not load
            raise _RowProblem(str(exc)) from None
    if not signals:
        others = ", ".join(n for n in _signal_columns() if n not in ("sha256", "pdq"))
        raise _RowProblem(f"needs a 'sha256' or a 'pdq' hash, or a signal of another type ({others}); "
                          "neither is set")
    sha256, pdq = signals.pop("sha256", None), signals.pop("pdq", None)
    return MediaEvent(account, sha256, pdq, _timestamp(fields, "timestamp"), row=row,
                      other_signals=tuple(sorted(signals.items())))


def _account(fields: _Fields, row: int) -> Event:
    account = _required(fields, "account")
    raw_age = fields.get("declared_age")
    age: int | None
    if isinstance(raw_age, int) and not isinstance(raw_age, bool):
        age = raw_age
    else:
        text = _text(fields, "declared_age")
        if text is not None and not _AGE.fullmatch(text):
            raise _RowProblem(f"field 'declared_age' must be a whole number from 0 to 120, got {_preview(text)}")
        age = None if text is None else int(text)
    if age is not None and not 0 <= age <= 120:
        raise _RowProblem(f"field 'declared_age' must be a whole number from 0 to 120, got {age}")
    created_at = _timestamp(fields, "created_at")
    attributes: dict[str, str] = {}
    for name in fields:
        if name not in ("account", "declared_age", "created_at"):
            if len(name) > MAX_FIELD_CHARS:
                raise _RowProblem(f"a column name of {len(name)} characters exceeds {MAX_FIELD_CHARS}")
            problem = control_char_problem("column name", name)
            if problem:
                raise _RowProblem(f"{problem}: {_preview(name)}")
            value = _text(fields, name, free_text=True)
            if value is not None:
                attributes[name] = value
    return AccountEvent(account, age, created_at, MappingProxyType(attributes), row=row)


_Builder = Callable[[_Fields, int], Event]


def _event_builder(obj: object) -> _Builder:
    if not callable(obj):
        raise ConfigError(f"an event kind is a function (fields, row) -> event, not {type(obj).__name__}")
    return cast(_Builder, obj)


#: Event kinds by name (entry-point group ``childsafe.event_kinds``): a function turning one row's
#: fields (a mapping of lower-case column names) and its row number into an event.  A plug-in kind
#: maps another export's columns onto these events; it may declare ``header_needs`` as the built-ins
#: do below, raises ValueError for a bad row, and is named with ``kind`` (``auto`` detects built-ins).
EVENT_BUILDERS: Final = Registry[_Builder]("childsafe.event_kinds", "event kind", {
    "messages": "childsafe.graph.events:_message",
    "identifiers": "childsafe.graph.events:_identifier",
    "media": "childsafe.graph.events:_media",
    "accounts": "childsafe.graph.events:_account",
}, _event_builder)

# CSV columns that must be in the header: all of the first tuple, and one of the second if any.
_HEADER_NEEDS: Final[dict[_Builder, tuple[tuple[str, ...], tuple[str, ...]]]] = {
    _message: (("sender", "recipient"), ()),
    _identifier: (("account", "kind", "value"), ()),
    _media: (("account",), ()),  # one of the signal columns too: see _needs
    _account: (("account",), ()),
}


class _PluginBuilder:
    """A plug-in's builder, held to the built-ins' contract: a bad row is a RowError, never a crash."""

    def __init__(self, kind: str, builder: _Builder) -> None:
        self.kind = kind
        self.builder = builder
        needs = getattr(builder, "header_needs", ((), ()))
        self.header_needs: tuple[tuple[str, ...], tuple[str, ...]] = (tuple(needs[0]), tuple(needs[1]))

    def __call__(self, fields: _Fields, row: int) -> Event:
        try:
            event = self.builder(fields, row)
        except (ValueError, KeyError, TypeError, ChildsafeError) as exc:
            raise _RowProblem(str(exc) or type(exc).__name__) from None
        if not isinstance(event, MessageEvent | IdentifierEvent | MediaEvent | AccountEvent):
            raise _RowProblem(f"event kind {self.kind!r} built a {type(event).__name__}, not an event")
        return event


def _builder(kind: str) -> _Builder:
    builder = EVENT_BUILDERS.load(kind)
    return builder if builder in _HEADER_NEEDS else _PluginBuilder(kind, builder)


def _needs(builder: _Builder) -> tuple[tuple[str, ...], tuple[str, ...]]:
    if isinstance(builder, _PluginBuilder):
        return builder.header_needs
    if builder is _media:  # asked of the registry now: a plug-in signal type installed later counts
        return _HEADER_NEEDS[builder][0], _signal_columns()
    return _HEADER_NEEDS[builder]


def _build(builder: _Builder, fields: _Fields, row: int) -> Event | RowError:
    try:
        return builder(fields, row)
    except _RowProblem as exc:
        return RowError(row, str(exc))


# --------------------------------------------------------------------------- lines (JSONL, CSV)


def _read_jsonl(fh: IO[bytes], builder: _Builder) -> Iterator[Event | RowError]:
    lines = _ByteLines(fh)
    while (raw := lines.next_line()) is not None:
        value = json_object_line(raw, MAX_RECORD_BYTES)
        if isinstance(value, str):
            yield RowError(lines.line_no, value)
        elif value is not None:
            yield _build(builder, value, lines.line_no)


def _read_csv(fh: IO[bytes], builder: _Builder) -> Iterator[Event | RowError]:
    return iter_csv_records(fh, MAX_RECORD_BYTES, header_problem=functools.partial(_header_problem, builder=builder),
                            id_columns=_needs(builder)[0], record=functools.partial(_build, builder),
                            problem=_row_error)


def _row_error(problem: CsvProblem) -> RowError:
    return RowError(problem.line, problem.message, whole_file=problem.ends_file)


def _header_problem(names: list[str], builder: _Builder) -> str | None:
    seen: set[str] = set()
    for name in names:
        if name and name in seen:
            return f"CSV header names column {name[:40]!r} twice"
        seen.add(name)
    needed, one_of = _needs(builder)
    missing = [name for name in needed if name not in seen]
    if one_of and not seen & set(one_of):
        missing.append(" or ".join(one_of))
    if not missing:
        return None
    found = ", ".join(repr(n[:40]) for n in names[:12]) + (", ..." if len(names) > 12 else "")
    return f"CSV header lacks required column(s) {', '.join(missing)} (found {found})"


# --------------------------------------------------------------------------- helpers


def _preview(text: str, limit: int = 40) -> str:
    shown = repr(text[:limit])
    return shown + ("..." if len(text) > limit else "")


def _ByteLines(fh: IO[bytes]) -> ByteLines:  # noqa: N802 - keeps the call sites as they were
    return ByteLines(fh, MAX_RECORD_BYTES)
