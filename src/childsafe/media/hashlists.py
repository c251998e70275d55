"""Hash lists: read and write lists of known signals in the formats hash sharers use.

Three built-in formats, registered in the entry-point group ``childsafe.hashlist_formats`` exactly as a
plug-in registers one (:data:`BUILTIN_HASHLIST_FORMATS`; :data:`FORMATS` and :func:`get_format` read it):

``te``
    ThreatExchange's ``local_file`` format: one ``<signal_type> <signal>`` per line, split on
    the first whitespace (a vPDQ signal is a JSON list that contains spaces).  Blank lines and
    ``#`` comments are ignored.  It carries no label or source.
``csv``
    A header ``signal_type,signal,label,source`` on line 1 (``label`` and ``source`` optional,
    extra columns ignored).  Line numbers are physical lines, so a quoted field that spans lines
    is reported at the line where its record starts.
``vics``
    Project VIC's VICS JSON (OData): ``{"odata.metadata": ..., "value": [media, ...]}``.  Each
    MD5, SHA1 and SHA256 of a media object (and of its nested ``MediaFiles``) becomes one entry
    labelled ``category:<Category>``; PhotoDNA is proprietary and silently skipped.  "Line"
    numbers are record numbers (1-based index in ``value``); 0 means the file as a whole.

Reading streams: memory stays constant whatever the file size (lines are capped at
:data:`MAX_LINE_BYTES`; VICS is parsed incrementally with ijson, capped at
:data:`MAX_VICS_RECORD_EVENTS` per record).  :func:`read_hash_list` is all-or-nothing by default:
one bad line and it raises :class:`HashListFormatError` listing every bad line, so a caller
imports nothing from a list it did not fully understand.

Writing produces exactly what reading accepts (the tests round-trip every format); what a format
cannot express is documented on its writer.
"""

# long-module: three formats (te, csv, streamed VICS JSON) share one line reader, one error model, one registry

from __future__ import annotations

import csv
import functools
import io
import json
import logging
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, BinaryIO, Protocol, cast

import ijson  # ships no type information: see [tool.mypy] overrides

from childsafe.errors import ConfigError, HashListFormatError, InvalidSignalError
from childsafe.media.signals import get_signal_type
from childsafe.plugins import Registry
from childsafe.records import control_char_problem, swallowed_records

__all__ = [
    "HashListEntry",
    "HashListReadResult",
    "HashListFormat",
    "HashListItem",
    "TeHashListFormat",
    "CsvHashListFormat",
    "VicsHashListFormat",
    "FORMATS",
    "HASHLIST_FORMAT_GROUP",
    "BUILTIN_HASHLIST_FORMATS",
    "hashlist_format_registry",
    "get_format",
    "detect_format",
    "iter_hash_list",
    "read_hash_list",
    "write_hash_list",
    "MAX_LINE_BYTES",
    "MAX_VICS_RECORD_EVENTS",
    "MAX_KEPT_PROBLEMS",
    "DETECT_BYTES",
]

log = logging.getLogger(__name__)

#: A longer line is a problem, not a reason to buffer it: the longest real signal (vPDQ of a
#: video hours long) stays well below this.
MAX_LINE_BYTES = 1024 * 1024
#: A VICS media object with more JSON events than this is refused (nested MediaFiles are a few
#: dozen events each); it bounds the memory one record can take.
MAX_VICS_RECORD_EVENTS = 100_000
#: :func:`read_hash_list` keeps this many problems and counts the rest, so a file of garbage
#: cannot exhaust memory through its error list.
MAX_KEPT_PROBLEMS = 10_000
#: How much of a file :func:`detect_format` is shown.
DETECT_BYTES = 64 * 1024

_BOM = b"\xef\xbb\xbf"
_DRAIN_CHUNK = 64 * 1024
# Signal types VICS can carry, and the VICS key of each.
_VICS_KEYS = {"md5": "MD5", "sha1": "SHA1", "sha256": "SHA256"}
_VICS_METADATA = "http://github.com/ICMEC/ProjectVic/DataModels/1.3.xml/$metadata#Media"
_CATEGORY_PREFIX = "category:"


@dataclass(frozen=True)
class HashListEntry:
    """One signal of a hash list, already normalised by its signal type."""

    signal_type: str
    signal: str
    label: str | None = None
    source: str | None = None
    #: 1-based line (record number for VICS) it came from; 0 when it did not come from a file.
    line: int = 0


@dataclass
class HashListReadResult:
    entries: list[HashListEntry]
    #: ``(line, message)`` of every rejected line.
    problems: list[tuple[int, str]]


#: What a format's reader yields: an entry, or ``(line, problem)`` for a rejected line.
HashListItem = HashListEntry | tuple[int, str]


class HashListFormat(Protocol):
    """One on-disk format.  Readers never raise on bad content: they yield ``(line, problem)``."""

    name: str

    def read(self, stream: BinaryIO) -> Iterator[HashListItem]: ...

    def write(self, entries: Iterable[HashListEntry], stream: BinaryIO) -> int: ...


# --- lines -------------------------------------------------------------------------------------


def _iter_lines(
    stream: BinaryIO, *, keep_ends: bool = False
) -> Iterator[tuple[int, str, str | None]]:
    """``(line_number, text, problem)`` per physical line; ``problem`` set means ``text`` is empty.

    Reads at most :data:`MAX_LINE_BYTES` + 1 bytes at a time so a file without newlines
    cannot make us buffer it whole.
    """
    number = 0
    while True:
        raw = stream.readline(MAX_LINE_BYTES + 1)
        if not raw:
            return
        number += 1
        if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
            _drain_line(stream)
            yield number, "", f"line longer than {MAX_LINE_BYTES} bytes"
            continue
        if number == 1:
            raw = raw.removeprefix(_BOM)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield number, "", f"not valid UTF-8 (byte {exc.start + 1})"
            continue
        yield number, text if keep_ends else text.rstrip("\r\n"), None


def _drain_line(stream: BinaryIO) -> None:
    """Skip the rest of an overlong line without keeping it."""
    while True:
        chunk = stream.readline(_DRAIN_CHUNK)
        if not chunk or chunk.endswith(b"\n"):
            return


def _encode_line(text: str, what: str) -> bytes:
    """Encode one output line, refusing what the reader would refuse."""
    data = text.encode("utf-8")
    if len(data.rstrip(b"\r\n")) > MAX_LINE_BYTES:
        raise HashListFormatError(
            f"{what}: line longer than {MAX_LINE_BYTES} bytes would not read back"
        )
    return data


def _normalise(entry: HashListEntry) -> tuple[str, str]:
    """(canonical type name, normalised signal); raises :class:`InvalidSignalError`."""
    signal_type = get_signal_type(entry.signal_type)
    return signal_type.name, signal_type.validate(entry.signal)


def _parse_signal(type_name: str, signal: str) -> tuple[str, str] | str:
    """(canonical type name, normalised signal), or the problem with them.

    Catches ValueError, not only InvalidSignalError (its subclass): a validator that lets a
    plain ValueError slip (e.g. json's digit limit inside a vPDQ list) must not abort a read.
    """
    try:
        signal_type = get_signal_type(type_name)
        return signal_type.name, signal_type.validate(signal)
    except ValueError as exc:
        return str(exc) if isinstance(exc, InvalidSignalError) else f"{type_name}: invalid signal"


# --- te ----------------------------------------------------------------------------------------


class TeHashListFormat:
    """ThreatExchange ``local_file``: ``<signal_type> <signal>`` per line."""

    name = "te"

    def read(self, stream: BinaryIO) -> Iterator[HashListItem]:
        for number, text, problem in _iter_lines(stream):
            if problem is not None:
                yield number, problem
                continue
            line = text.strip()
            if not line or line.startswith("#"):
                continue
            parts = line.split(None, 1)
            if len(parts) < 2:
                yield number, "expected '<signal_type> <signal>'"
                continue
            parsed = _parse_signal(parts[0], parts[1])
            if isinstance(parsed, str):
                yield number, parsed
            else:
                yield HashListEntry(*parsed, line=number)

    def write(self, entries: Iterable[HashListEntry], stream: BinaryIO) -> int:
        """Write type and signal only: the format has no place for label or source."""
        count = 0
        for count, entry in enumerate(entries, 1):
            type_name, signal = _normalise(entry)
            stream.write(_encode_line(f"{type_name} {signal}\n", f"entry {count}"))
        return count


# --- csv ---------------------------------------------------------------------------------------

_CSV_COLUMNS = ("signal_type", "signal", "label", "source")


class CsvHashListFormat:
    """CSV with a ``signal_type,signal,label,source`` header."""

    name = "csv"

    def read(self, stream: BinaryIO) -> Iterator[HashListItem]:
        # csv's own field limit (128 KiB by default) is process-wide; raise it, never lower it,
        # to our line limit so a long vPDQ signal reads back.  Lines are capped before csv.
        if csv.field_size_limit() < MAX_LINE_BYTES:
            csv.field_size_limit(MAX_LINE_BYTES)
        # Lines that cannot be decoded reach csv as blank lines; their problems wait here and are
        # reported in place of the record that contains them.
        bad_lines: dict[int, str] = {}

        def feed() -> Iterator[str]:
            for number, text, problem in _iter_lines(stream, keep_ends=True):
                if problem is not None:
                    bad_lines[number] = problem
                    yield "\n"
                else:
                    yield text

        reader = csv.reader(feed())
        columns: dict[str, int] | None = None
        looks_like_record: Callable[[list[str]], bool] = bool
        last_line = 0
        while True:
            row: list[str] | None = None
            error: str | None = None
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                error = f"CSV: {exc}"
            start, last_line = last_line + 1, reader.line_num
            flagged = sorted(n for n in bad_lines if n <= last_line)
            for n in flagged:
                yield n, bad_lines.pop(n)
            if not flagged and error is not None:
                yield start, error
            if flagged or row is None:
                if columns is None:
                    return  # without a header nothing after it can be read
                continue
            if columns is None:
                columns = _csv_header(row)
                if columns is None:
                    yield start, "missing header 'signal_type,signal,label,source'"
                    return
                looks_like_record = functools.partial(_csv_record_shape, columns=columns)
                continue
            if not any(field.strip() for field in row):
                continue
            swallowed = swallowed_records(row, start, last_line, looks_like_record)
            if swallowed:
                yield start, swallowed
                continue
            yield _csv_entry(row, columns, start)
        if columns is None and last_line == 0:
            yield 1, "empty file: missing header 'signal_type,signal,label,source'"

    def write(self, entries: Iterable[HashListEntry], stream: BinaryIO) -> int:
        """Write every field; an absent label or source is an empty cell."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")

        def row_bytes(values: Iterable[str], what: str) -> bytes:
            buffer.seek(0)
            buffer.truncate()
            writer.writerow(values)
            return _encode_line(buffer.getvalue(), what)

        stream.write(row_bytes(_CSV_COLUMNS, "header"))
        count = 0
        for count, entry in enumerate(entries, 1):
            type_name, signal = _normalise(entry)
            values = (type_name, signal, entry.label or "", entry.source or "")
            stream.write(row_bytes(values, f"entry {count}"))
        return count


def _csv_header(row: list[str]) -> dict[str, int] | None:
    columns: dict[str, int] = {}
    for index, name in enumerate(row):
        columns.setdefault(name.strip().lower(), index)
    if "signal_type" not in columns or "signal" not in columns:
        return None
    return columns


def _csv_record_shape(fields: list[str], columns: dict[str, int]) -> bool:
    """A line read on its own that has a known signal type and a signal where the header puts them."""
    type_at, signal_at = columns["signal_type"], columns["signal"]
    if len(fields) <= max(type_at, signal_at) or not fields[signal_at].strip():
        return False
    return _is_signal_type(fields[type_at].strip())


def _csv_entry(row: list[str], columns: dict[str, int], line: int) -> HashListItem:
    def cell(name: str) -> str:
        index = columns.get(name)
        return row[index].strip() if index is not None and index < len(row) else ""

    if not cell("signal"):
        return line, "missing signal"
    parsed = _parse_signal(cell("signal_type"), cell("signal"))
    if isinstance(parsed, str):
        return line, parsed
    # Label and source are stored and exported: no NUL or other control character (a label may
    # run over lines).
    problem = (control_char_problem("label", cell("label"), free_text=True)
               or control_char_problem("source", cell("source")))
    if problem:
        return line, problem
    return HashListEntry(*parsed, cell("label") or None, cell("source") or None, line)


# --- vics --------------------------------------------------------------------------------------

_Events = Iterator[tuple[str, Any]]
# ijson's pure-Python parser: slower than yajl, but it reads numbers of any size.
_PYTHON_JSON = ijson.get_backend("python")
_OPEN = ("start_map", "start_array")
_CLOSE = ("end_map", "end_array")


class _BomSkipper:
    """File-like view of ``stream`` without a leading UTF-8 BOM (yajl rejects one)."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self._head = stream.read(len(_BOM)).removeprefix(_BOM)

    def read(self, size: int = -1) -> bytes:
        if size == 0:  # ijson probes with read(0) to tell bytes from text
            return b""
        head, self._head = self._head, b""
        if not head:
            return self._stream.read(size)
        if size < 0:
            return head + self._stream.read()
        return head + self._stream.read(max(0, size - len(head)))


@dataclass
class _VicsCursor:
    """The record being parsed, so a JSON error is reported where it happened (0: outside)."""

    record: int = 0


class VicsHashListFormat:
    """Project VIC VICS JSON (OData), parsed incrementally with ijson."""

    name = "vics"

    def read(self, stream: BinaryIO) -> Iterator[HashListItem]:
        start = stream.tell() if stream.seekable() else None
        cursor = _VicsCursor()
        yielded = 0
        try:
            events = ijson.basic_parse(_BomSkipper(stream), use_float=True)
            for item in _vics_document(events, cursor):
                yielded += 1
                yield item
            return
        except ijson.JSONError as exc:
            if start is None or "overflow" not in _first_line(exc):
                yield cursor.record, f"not valid JSON: {_first_line(exc)}"
                return
        except UnicodeDecodeError:
            yield cursor.record, "not valid UTF-8"
            return
        # yajl (the fast C parser) stops at a number beyond 64 bits, which is valid JSON (a huge
        # MediaID, say).  Read again with ijson's Python parser, which takes any number, and skip
        # what was already given: both parsers produce the same items up to the overflow.
        stream.seek(start)
        cursor = _VicsCursor()
        try:
            events = _PYTHON_JSON.basic_parse(_BomSkipper(stream))
            for index, item in enumerate(_vics_document(events, cursor)):
                if index >= yielded:
                    yield item
        except ijson.JSONError as exc:
            yield cursor.record, f"not valid JSON: {_first_line(exc)}"
        except UnicodeDecodeError:
            yield cursor.record, "not valid UTF-8"

    def write(self, entries: Iterable[HashListEntry], stream: BinaryIO) -> int:
        """One media object per md5/sha1/sha256 entry, ``Category`` from a ``category:`` label.

        VICS has no place for other signal types (pdq, vpdq, video_md5), other labels or a
        source: those entries are skipped and those fields dropped, and a warning says how many.
        """
        stream.write(b'{"odata.metadata": ' + json.dumps(_VICS_METADATA).encode() + b', "value": [')
        count = 0
        skipped: Counter[str] = Counter()
        dropped_labels = 0
        for entry in entries:
            type_name, signal = _normalise(entry)
            key = _VICS_KEYS.get(type_name)
            if key is None:
                skipped[type_name] += 1
                continue
            count += 1
            # Project VIC files carry hex in upper case.
            media: dict[str, Any] = {"MediaID": count, key: signal.upper()}
            category = _label_to_category(entry.label)
            if category is not None:
                media["Category"] = category
            elif entry.label:
                dropped_labels += 1
            stream.write((b"\n" if count == 1 else b",\n") + json.dumps(media).encode())
        stream.write(b"\n]}\n")
        if skipped:
            detail = ", ".join(f"{n} {name}" for name, n in sorted(skipped.items()))
            log.warning("vics: skipped %d entries it cannot express (%s)", skipped.total(), detail)
        if dropped_labels:
            log.warning("vics: dropped %d labels that are not 'category:<n>'", dropped_labels)
        return count


def _first_line(exc: Exception) -> str:
    """yajl's messages quote the input over several lines (sometimes as bytes): keep the gist."""
    message = exc.args[0] if exc.args else ""
    if isinstance(message, bytes):
        message = message.decode("utf-8", "replace")
    line = str(message).strip().split("\n", 1)[0]
    return line if len(line) <= 200 else line[:200] + "..."  # a parser may quote a huge token


def _vics_document(events: _Events, cursor: _VicsCursor) -> Iterator[HashListItem]:
    """Walk the top-level object; every item of its ``value`` list is one record."""
    first = next(events, None)
    if first is None or first[0] != "start_map":
        yield 0, "not a JSON object"
        return
    found = False
    for event, key in events:
        if event == "end_map":
            break
        start, _ = next(events)
        if found or str(key).lower() != "value":  # OData says "value"; be lenient on case
            _skip_value(events, start)
        elif start != "start_array":
            found = True
            _skip_value(events, start)
            yield 0, "'value' is not a list"
        else:
            found = True
            yield from _vics_records(events, cursor)
    for _ in events:  # let the parser reject trailing garbage
        pass
    if not found:
        yield 0, "no 'value' list"


def _vics_records(events: _Events, cursor: _VicsCursor) -> Iterator[HashListItem]:
    """Entries of each record of the ``value`` array, up to and including its end."""
    # The cursor names the record being read, or the next one while the parser looks for it: a
    # parser error met between two records (a bad token where the next should start) is its.
    cursor.record = 1
    for event, value in events:
        if event == "end_array":
            cursor.record = 0
            return
        media = _build_value(events, event, value)
        if media is _TOO_LARGE:
            yield cursor.record, f"record larger than {MAX_VICS_RECORD_EVENTS} JSON events"
        else:
            yield from _vics_entries(media, cursor.record)
        cursor.record += 1


_TOO_LARGE = object()


def _build_value(events: _Events, event: str, value: Any) -> Any:
    """The JSON value starting with (event, value), or ``_TOO_LARGE`` (then skipped)."""
    builder = ijson.ObjectBuilder()
    builder.event(event, value)
    depth = 1 if event in _OPEN else 0
    size = 1
    while depth:
        event, value = next(events)
        depth += (event in _OPEN) - (event in _CLOSE)
        size += 1
        if size > MAX_VICS_RECORD_EVENTS:
            _skip_rest(events, depth)
            return _TOO_LARGE
        builder.event(event, value)
    return builder.value


def _skip_value(events: _Events, start: str) -> None:
    if start in _OPEN:
        _skip_rest(events, 1)


def _skip_rest(events: _Events, depth: int) -> None:
    while depth:
        event, _ = next(events)
        depth += (event in _OPEN) - (event in _CLOSE)


def _vics_entries(media: Any, record: int) -> Iterator[HashListItem]:
    """The entries of one media object, or one problem for it (then no entry at all)."""
    if not isinstance(media, dict):
        yield record, "media is not a JSON object"
        return
    entries: dict[tuple[str, str], HashListEntry] = {}  # a file's hash often repeats in MediaFiles
    had_photodna = False
    try:
        for part in _vics_parts(media):
            had_photodna = had_photodna or bool(part.get("photodna"))
            label = _category_to_label(part.get("category"))
            for type_name, key in _VICS_KEYS.items():
                value = part.get(key.lower())
                if value is None or value == "":
                    continue
                if not isinstance(value, str):
                    raise InvalidSignalError(f"{key} is not a string")
                parsed = _parse_signal(type_name, value)
                if isinstance(parsed, str):
                    raise InvalidSignalError(parsed)
                entries.setdefault(parsed, HashListEntry(*parsed, label, line=record))
    except InvalidSignalError as exc:
        yield record, str(exc)
        return
    if not entries:
        why = " (PhotoDNA is proprietary and skipped)" if had_photodna else ""
        yield record, f"no MD5, SHA1 or SHA256{why}"
        return
    yield from entries.values()


def _vics_parts(media: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The media object and each of its MediaFiles, keys lower-cased, Category inherited."""
    top = {str(k).lower(): v for k, v in media.items()}
    yield top
    files = top.get("mediafiles")
    if files is None:
        return
    if not isinstance(files, list):
        raise InvalidSignalError("MediaFiles is not a list")
    for item in files:
        if not isinstance(item, dict):
            raise InvalidSignalError("a MediaFiles item is not a JSON object")
        part = {str(k).lower(): v for k, v in item.items()}
        if part.get("category") in (None, ""):
            part["category"] = top.get("category")
        yield part


def _category_to_label(category: Any) -> str | None:
    if category is None or category == "":
        return None
    if isinstance(category, bool) or not isinstance(category, int | str):
        raise InvalidSignalError("Category is neither an integer nor a string")
    problem = control_char_problem("Category", str(category))
    if problem:
        raise InvalidSignalError(problem)
    return f"{_CATEGORY_PREFIX}{category}"


def _label_to_category(label: str | None) -> int | str | None:
    """Inverse of :func:`_category_to_label`: an int only where it prints back the same."""
    if not label or not label.startswith(_CATEGORY_PREFIX):
        return None
    value = label[len(_CATEGORY_PREFIX) :]
    if value.isascii() and value.isdigit() and str(int(value)) == value:
        return int(value)
    return value


# --- registry and entry points -----------------------------------------------------------------

HASHLIST_FORMAT_GROUP = "childsafe.hashlist_formats"
#: The built-in formats, declared as entry points exactly as a plug-in declares its own (a plug-in's
#: entry point names a class with a ``name``, ``read`` and ``write``, or an instance of one).
BUILTIN_HASHLIST_FORMATS: Mapping[str, str] = {
    "te": "childsafe.media.hashlists:TeHashListFormat",
    "csv": "childsafe.media.hashlists:CsvHashListFormat",
    "vics": "childsafe.media.hashlists:VicsHashListFormat",
}


def check_hashlist_format(obj: object) -> HashListFormat:
    """The registry's check: an object (or a class, instantiated once) with ``name``, ``read``, ``write``."""
    fmt = obj() if isinstance(obj, type) else obj
    name = getattr(fmt, "name", None)
    if not isinstance(name, str) or not name or not callable(getattr(fmt, "read", None)) or not callable(
            getattr(fmt, "write", None)):
        raise ConfigError(f"a hash-list format has a name, read(stream) and write(entries, stream): {obj!r}")
    return cast(HashListFormat, fmt)


hashlist_format_registry: Registry[HashListFormat] = Registry(
    HASHLIST_FORMAT_GROUP, "hash-list format", BUILTIN_HASHLIST_FORMATS, check_hashlist_format)


class _FormatsView(Mapping[str, HashListFormat]):
    """:data:`FORMATS`: the registry seen as a read-only dict (formats that fail to load are left out)."""

    def __getitem__(self, name: str) -> HashListFormat:
        if name not in hashlist_format_registry.entries():
            raise KeyError(name)
        return hashlist_format_registry.load(name)

    def __iter__(self) -> Iterator[str]:
        return iter(list(hashlist_format_registry.load_all()))

    def __len__(self) -> int:
        return len(hashlist_format_registry.load_all())


#: Registered formats by name: the built-ins and every installed ``childsafe.hashlist_formats`` plug-in.
FORMATS: Mapping[str, HashListFormat] = _FormatsView()


def get_format(name: str) -> HashListFormat:
    """The format registered under ``name``; raises :class:`HashListFormatError` if none is."""
    key = name.strip().lower()
    if key not in hashlist_format_registry.entries():
        known = ", ".join(sorted(hashlist_format_registry.entries()))
        raise HashListFormatError(f"unknown hash-list format {name!r} (known: {known})")
    return hashlist_format_registry.load(key)


def detect_format(head: bytes) -> str:
    """``"te"``, ``"csv"`` or ``"vics"`` from the first bytes of a file.

    An empty file, or one of only blank and comment lines, is an empty ``te`` list.  A plug-in
    format whose object has ``detect(head) -> bool`` is tried when no built-in one fits.
    """
    head = head.removeprefix(_BOM)
    if head.lstrip().startswith(b"{"):
        return "vics"
    for raw in head.splitlines():
        line = raw.decode("utf-8", "replace").strip()
        if not line or line.startswith("#"):
            continue
        if _csv_header(next(csv.reader([line]), [])) is not None:
            return "csv"
        parts = line.split(None, 1)
        if len(parts) == 2 and _is_signal_type(parts[0]):
            return "te"
        break
    else:
        return "te"
    # Plug-in formats that can recognise their files (one that does not load is logged, not fatal).
    for name, fmt in hashlist_format_registry.load_all().items():
        detect = getattr(fmt, "detect", None)
        if name not in BUILTIN_HASHLIST_FORMATS and callable(detect) and detect(head):
            return name
    raise HashListFormatError(
        "unknown hash-list format: expected '<signal_type> <signal>' lines (te), "
        "a 'signal_type,signal,...' CSV header, or VICS JSON"
    )


def _is_signal_type(name: str) -> bool:
    try:
        get_signal_type(name)
    except InvalidSignalError:
        return False
    return True


def iter_hash_list(
    path: Path, fmt: str = "auto", *, default_source: str | None = None
) -> Iterator[HashListItem]:
    """Stream a file's entries and ``(line, problem)`` pairs at constant memory.

    For importers that write into a transaction as they go and roll back on the first problem.
    Only :class:`HashListFormatError` escapes (an unreadable file, an unknown format).
    """
    path = Path(path)
    try:
        with path.open("rb") as stream:
            name = fmt
            if fmt == "auto":
                name = _detect_stream(stream, path)
            for item in get_format(name).read(stream):
                if isinstance(item, HashListEntry) and item.source is None and default_source:
                    item = replace(item, source=default_source)
                yield item
    except OSError as exc:
        raise HashListFormatError(f"{path}: cannot read: {exc.strerror or exc}") from exc


def _detect_stream(stream: BinaryIO, path: Path) -> str:
    head = stream.read(DETECT_BYTES)
    stream.seek(0)
    try:
        return detect_format(head)
    except HashListFormatError as exc:
        raise HashListFormatError(f"{path}: {exc}") from None


def read_hash_list(
    path: Path,
    fmt: str = "auto",
    *,
    skip_invalid: bool = False,
    default_source: str | None = None,
) -> HashListReadResult:
    """Read a whole hash list.

    Without ``skip_invalid`` any rejected line raises :class:`HashListFormatError` listing the
    rejected lines, and nothing is returned: the caller imports all of a list or none of it.
    With it, the good entries and the problems are returned.  At most
    :data:`MAX_KEPT_PROBLEMS` problems are kept; a last one then counts the rest.
    ``default_source`` fills ``source`` where the file gives none (e.g. the file's name).
    """
    entries: list[HashListEntry] = []
    problems: list[tuple[int, str]] = []
    total = 0
    last_line = 0
    for item in iter_hash_list(path, fmt, default_source=default_source):
        if isinstance(item, HashListEntry):
            if skip_invalid or not total:
                entries.append(item)
            continue
        total += 1
        last_line = item[0]
        if not skip_invalid:
            entries.clear()  # they will not be returned; free them now
        if len(problems) < MAX_KEPT_PROBLEMS:
            problems.append(item)
    if total > len(problems):
        problems.append((last_line, f"{total - len(problems)} more invalid lines not listed"))
    if total and not skip_invalid:
        noun = "invalid line" if total == 1 else "invalid lines"
        raise HashListFormatError(f"{path}: {total} {noun}", problems)
    return HashListReadResult(entries, problems)


def write_hash_list(entries: Iterable[HashListEntry], stream: BinaryIO, fmt: str) -> int:
    """Write ``entries`` to ``stream`` in ``fmt``; returns how many were written.

    Signals are normalised on the way out (an invalid one raises :class:`InvalidSignalError`),
    so what is written reads back unchanged.
    """
    return get_format(fmt).write(entries, stream)
