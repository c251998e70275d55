"""Hash lists: read and write lists of known signals in the formats hash sharers use.

The built-in formats are registered in the entry-point group ``childsafe.hashlist_formats`` exactly
as a plug-in registers one (:data:`BUILTIN_HASHLIST_FORMATS`; :data:`FORMATS` and :func:`get_format`
read it):

``te``
    ThreatExchange's ``local_file`` format: one ``<signal_type> <signal>`` per line, split on
    the first whitespace (a vPDQ signal is a JSON list that contains spaces).  Blank lines and
    ``#`` comments are ignored.  It carries no label or source.  With a signal type given
    (``bank import --signal-type``), each line is one bare signal, as ThreatExchange's
    ``LocalFileSignalExchangeAPI`` reads a file configured with a ``signal_type``.
``csv``
    A header ``signal_type,signal,label,source`` on line 1 (``label`` and ``source`` optional,
    extra columns ignored).  Line numbers are physical lines, so a quoted field that spans lines
    is reported at the line where its record starts.  It also reads ``te_csv``.
``te_csv``
    ``threatexchange dataset -P --csv``: ``signal_type,signal_str,collab,category,tags``.  The
    collaboration becomes the source; category and tags the label (``POSITIVE_CLASS tag1 tag2``).
``vics``, ``vics2``, ``caid``
    Project VIC's VICS JSON and the UK CAID JSON: :mod:`childsafe.media.hashlists_vics`.
``ncmec_xml``
    NCMEC hash sharing's ``queryResult`` XML: :mod:`childsafe.media.hashlists_ncmec`.

A signal type childsafe does not match (ThreatExchange's ``url``, ``raw_text``, ``trend_query``…,
NCMEC's PhotoDNA) is not an error: the reader yields a :class:`HashListSkip` for it, which is
reported and never rejects the file.

Reading streams: memory stays constant whatever the file size (lines are capped at
:data:`MAX_LINE_BYTES`; JSON and XML are parsed incrementally).  :func:`read_hash_list` is
all-or-nothing by default: one bad line and it raises :class:`HashListFormatError` listing every
bad line, so a caller imports nothing from a list it did not fully understand.

Writing produces exactly what reading accepts (the tests round-trip every format); what a format
cannot express is documented on its writer.
"""

# long-module: the line formats (te, csv, te_csv) share one line reader, one error model, one registry

from __future__ import annotations

import csv
import functools
import io
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import BinaryIO, Protocol, cast

from childsafe.errors import ConfigError, HashListFormatError, InvalidSignalError
from childsafe.media.signals import get_signal_type
from childsafe.plugins import Registry
from childsafe.records import control_char_problem, swallowed_records

__all__ = [
    "HashListEntry",
    "HashListReadResult",
    "HashListFormat",
    "HashListItem",
    "HashListSkip",
    "TeHashListFormat",
    "CsvHashListFormat",
    "TeCsvHashListFormat",
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
    "MAX_KEPT_PROBLEMS",
    "DETECT_BYTES",
    "TE_OTHER_SIGNAL_TYPES",
    "bare_signal_reader",
    "read_signal",
    "skipped_type",
    "BomSkipper",
    "first_line",
    "normalise_entry",
    "parse_signal",
]

#: A longer line is a problem, not a reason to buffer it: the longest real signal (vPDQ of a
#: video hours long) stays well below this.
MAX_LINE_BYTES = 1024 * 1024
#: :func:`read_hash_list` keeps this many problems (and as many skipped lines) and counts the
#: rest, so a file of garbage cannot exhaust memory through its error list.
MAX_KEPT_PROBLEMS = 10_000
#: How much of a file :func:`detect_format` is shown.
DETECT_BYTES = 64 * 1024
#: ThreatExchange's signal types that are not media hashes (python-threatexchange
#: ``signal_type/url.py``, ``url_md5.py``, ``raw_text.py``, ``trend_query.py``): a list that starts
#: with them is still recognised as a hash list.  Their lines, and those of any other signal type
#: childsafe does not match, are skipped.
TE_OTHER_SIGNAL_TYPES = frozenset({"url", "url_md5", "raw_text", "trend_query"})

_BOM = b"\xef\xbb\xbf"
_DRAIN_CHUNK = 64 * 1024
# What a signal type's name looks like (signals.py checks registered names with the same rule).
_TYPE_NAME = re.compile(r"^[a-z][a-z0-9_]{0,63}$")


@dataclass(frozen=True)
class HashListEntry:
    """One signal of a hash list, already normalised by its signal type."""

    signal_type: str
    signal: str
    label: str | None = None
    source: str | None = None
    #: 1-based line (record number for VICS) it came from; 0 when it did not come from a file.
    line: int = 0
    #: Entries with the same key are hashes of one file (a VICS media object); None: unknown.
    content: str | None = None


@dataclass(frozen=True)
class HashListSkip:
    """A line the reader understood and deliberately left out (a signal type childsafe does not
    match, a deleted NCMEC entry): reported, never a reason to reject the file."""

    line: int
    reason: str


@dataclass
class HashListReadResult:
    entries: list[HashListEntry]
    #: ``(line, message)`` of every rejected line.
    problems: list[tuple[int, str]]
    #: ``(line, reason)`` of every skipped line (:class:`HashListSkip`).
    skipped: list[tuple[int, str]] = field(default_factory=list)


#: What a format's reader yields: an entry, a skipped line, or ``(line, problem)`` for a rejected line.
HashListItem = HashListEntry | HashListSkip | tuple[int, str]


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


def _csv_row_encoder() -> Callable[[Iterable[str], str], bytes]:
    """One CSV row at a time as UTF-8 bytes (csv quoting, ``\\n`` ends); a row too long to read back is refused."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")

    def row_bytes(values: Iterable[str], what: str) -> bytes:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(values)
        return _encode_line(buffer.getvalue(), what)

    return row_bytes


def normalise_entry(entry: HashListEntry) -> tuple[str, str]:
    """(canonical type name, normalised signal); raises :class:`InvalidSignalError`."""
    signal_type = get_signal_type(entry.signal_type)
    return signal_type.name, signal_type.validate(entry.signal)


def parse_signal(type_name: str, signal: str) -> tuple[str, str] | str:
    """(canonical type name, normalised signal), or the problem with them.

    Catches ValueError, not only InvalidSignalError (its subclass): a validator that lets a
    plain ValueError slip (e.g. json's digit limit inside a vPDQ list) must not abort a read.
    """
    try:
        signal_type = get_signal_type(type_name)
        return signal_type.name, signal_type.validate(signal)
    except ValueError as exc:
        return str(exc) if isinstance(exc, InvalidSignalError) else f"{type_name}: invalid signal"


def skipped_type(type_name: str, line: int) -> HashListSkip | None:
    """A skip for a signal type that is well formed but not registered here, else None."""
    name = type_name.strip().lower()
    if not _TYPE_NAME.match(name) or _is_signal_type(name):
        return None
    what = "not a media hash" if name in TE_OTHER_SIGNAL_TYPES else "not a signal type childsafe matches"
    return HashListSkip(line, f"signal type {name!r} is {what}: skipped")


def read_signal(type_name: str, signal: str, line: int) -> HashListEntry | HashListSkip | tuple[int, str]:
    """The entry for one line's type and signal, a skip for a type childsafe does not match, or
    the line's problem."""
    skip = skipped_type(type_name, line)
    if skip is not None:
        return skip
    parsed = parse_signal(type_name, signal)
    if isinstance(parsed, str):
        return line, parsed
    return HashListEntry(*parsed, line=line)


# --- te ----------------------------------------------------------------------------------------


class TeHashListFormat:
    """ThreatExchange ``local_file``: ``<signal_type> <signal>`` per line, or one bare signal per
    line when built with ``signal_type`` (python-threatexchange ``exchanges/impl/file_api.py``)."""

    name = "te"

    def __init__(self, signal_type: str | None = None) -> None:
        self.signal_type = signal_type

    def read(self, stream: BinaryIO) -> Iterator[HashListItem]:
        for number, text, problem in _iter_lines(stream):
            if problem is not None:
                yield number, problem
                continue
            line = text.strip()
            if not line or line.startswith("#"):
                continue
            if self.signal_type is not None:
                yield read_signal(self.signal_type, line, number)
                continue
            parts = line.split(None, 1)
            if len(parts) < 2:
                yield number, "expected '<signal_type> <signal>' (a bare signal per line needs --signal-type)"
                continue
            yield read_signal(parts[0], parts[1], number)

    def write(self, entries: Iterable[HashListEntry], stream: BinaryIO) -> int:
        """Write type and signal only: the format has no place for label or source."""
        count = 0
        for count, entry in enumerate(entries, 1):
            type_name, signal = normalise_entry(entry)
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
        row_bytes = _csv_row_encoder()
        stream.write(row_bytes(_CSV_COLUMNS, "header"))
        count = 0
        for count, entry in enumerate(entries, 1):
            type_name, signal = normalise_entry(entry)
            values = (type_name, signal, entry.label or "", entry.source or "")
            stream.write(row_bytes(values, f"entry {count}"))
        return count


def _csv_header(row: list[str]) -> dict[str, int] | None:
    columns: dict[str, int] = {}
    for index, name in enumerate(row):
        columns.setdefault(name.strip().lower(), index)
    # ThreatExchange's ``dataset --csv`` names the signal column ``signal_str``.
    if "signal" not in columns and "signal_str" in columns:
        columns["signal"] = columns["signal_str"]
    if "signal_type" not in columns or "signal" not in columns:
        return None
    return columns


def _csv_record_shape(fields: list[str], columns: dict[str, int]) -> bool:
    """A line read on its own that has a known signal type and a signal where the header puts them."""
    type_at, signal_at = columns["signal_type"], columns["signal"]
    if len(fields) <= max(type_at, signal_at) or not fields[signal_at].strip():
        return False
    name = fields[type_at].strip().lower()
    return _is_signal_type(name) or name in TE_OTHER_SIGNAL_TYPES


def _csv_entry(row: list[str], columns: dict[str, int], line: int) -> HashListItem:
    def cell(name: str) -> str:
        index = columns.get(name)
        return row[index].strip() if index is not None and index < len(row) else ""

    if not cell("signal"):
        return line, "missing signal"
    found = read_signal(cell("signal_type"), cell("signal"), line)
    if not isinstance(found, HashListEntry):
        return found
    label = cell("label") if "label" in columns else _te_label(cell("category"), cell("tags"))
    source = cell("source") if "source" in columns else cell("collab")
    # Label and source are stored and exported: no NUL or other control character (a label may
    # run over lines).
    problem = (control_char_problem("label", label, free_text=True)
               or control_char_problem("source", source))
    if problem:
        return line, problem
    return replace(found, label=label or None, source=source or None)


def _te_label(category: str, tags: str) -> str:
    """ThreatExchange's opinion as one label: ``POSITIVE_CLASS tag1 tag2`` (either may be missing)."""
    return " ".join(part for part in (category, *tags.split()) if part)


class TeCsvHashListFormat(CsvHashListFormat):
    """``threatexchange dataset -P --csv``: ``signal_type,signal_str,collab,category,tags``
    (python-threatexchange ``cli/dataset_cmd.py``, ``_print_csv``)."""

    name = "te_csv"

    def write(self, entries: Iterable[HashListEntry], stream: BinaryIO) -> int:
        """The source is the collaboration; a label that starts with one of ThreatExchange's
        opinion categories is split into category and tags (else the category is ``POSITIVE_CLASS``,
        what a list of known material says, and the label is the tags)."""
        row_bytes = _csv_row_encoder()
        stream.write(row_bytes(_TE_CSV_COLUMNS, "header"))
        count = 0
        for count, entry in enumerate(entries, 1):
            type_name, signal = normalise_entry(entry)
            words = (entry.label or "").split()
            category = words.pop(0) if words and words[0] in _TE_CATEGORIES else "POSITIVE_CLASS"
            values = (type_name, signal, entry.source or "", category, " ".join(words))
            stream.write(row_bytes(values, f"entry {count}"))
        return count


_TE_CSV_COLUMNS = ("signal_type", "signal_str", "collab", "category", "tags")
# python-threatexchange exchanges/fetch_state.py, SignalOpinionCategory.
_TE_CATEGORIES = frozenset({"NEGATIVE_CLASS", "INVESTIGATION_SEED", "POSITIVE_CLASS", "FALSE_POSITIVE"})


# --- shared by the JSON and XML readers ------------------------------------------------------


class BomSkipper:
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



def first_line(exc: Exception) -> str:
    """yajl's messages quote the input over several lines (sometimes as bytes): keep the gist."""
    message = exc.args[0] if exc.args else ""
    if isinstance(message, bytes):
        message = message.decode("utf-8", "replace")
    line = str(message).strip().split("\n", 1)[0]
    return line if len(line) <= 200 else line[:200] + "..."  # a parser may quote a huge token



# --- registry and entry points -----------------------------------------------------------------

HASHLIST_FORMAT_GROUP = "childsafe.hashlist_formats"
#: The built-in formats, declared as entry points exactly as a plug-in declares its own (a plug-in's
#: entry point names a class with a ``name``, ``read`` and ``write``, or an instance of one).
BUILTIN_HASHLIST_FORMATS: Mapping[str, str] = {
    "te": "childsafe.media.hashlists:TeHashListFormat",
    "csv": "childsafe.media.hashlists:CsvHashListFormat",
    "te_csv": "childsafe.media.hashlists:TeCsvHashListFormat",
    "vics": "childsafe.media.hashlists_vics:VicsHashListFormat",
    "vics2": "childsafe.media.hashlists_vics:Vics2HashListFormat",
    "caid": "childsafe.media.hashlists_vics:CaidHashListFormat",
    "ncmec_xml": "childsafe.media.hashlists_ncmec:NcmecXmlHashListFormat",
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
    """The format of a file from its first bytes: ``te``, ``csv``, ``te_csv``, ``vics``, ``caid``
    or ``ncmec_xml``.

    An empty file, or one of only blank and comment lines, is an empty ``te`` list.  A plug-in
    format whose object has ``detect(head) -> bool`` is tried when no built-in one fits.
    """
    head = head.removeprefix(_BOM)
    start = head.lstrip()
    if start.startswith(b"{"):
        return "caid" if b"/DataModels/1.2.xml" in start else "vics"
    if start.startswith(b"<"):
        return "ncmec_xml"
    for raw in head.splitlines():
        line = raw.decode("utf-8", "replace").strip()
        if not line or line.startswith("#"):
            continue
        header = next(csv.reader([line]), [])
        columns = _csv_header(header)
        if columns is not None:
            return "te_csv" if columns["signal"] == columns.get("signal_str") else "csv"
        parts = line.split(None, 1)
        if len(parts) == 2 and (_is_signal_type(parts[0]) or parts[0].lower() in TE_OTHER_SIGNAL_TYPES):
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
        "unknown hash-list format: expected '<signal_type> <signal>' lines (te; a bare signal per line "
        "needs --signal-type), a 'signal_type,signal,...' CSV header, VICS or CAID JSON, or NCMEC XML"
    )


def _is_signal_type(name: str) -> bool:
    try:
        get_signal_type(name)
    except InvalidSignalError:
        return False
    return True


def iter_hash_list(
    path: Path, fmt: str = "auto", *, default_source: str | None = None, signal_type: str | None = None
) -> Iterator[HashListItem]:
    """Stream a file's entries, skipped lines and ``(line, problem)`` pairs at constant memory.

    For importers that write into a transaction as they go and roll back on the first problem.
    ``signal_type`` reads a ``te`` file of bare signals, one per line, all of that type.
    Only :class:`HashListFormatError` escapes (an unreadable file, an unknown format).
    """
    path = Path(path)
    reader = None if signal_type is None else bare_signal_reader(fmt, signal_type)
    try:
        with path.open("rb") as stream:
            if reader is None:
                reader = get_format(_detect_stream(stream, path) if fmt == "auto" else fmt)
            for item in reader.read(stream):
                if isinstance(item, HashListEntry) and item.source is None and default_source:
                    item = replace(item, source=default_source)
                yield item
    except OSError as exc:
        raise HashListFormatError(f"{path}: cannot read: {exc.strerror or exc}") from exc


def bare_signal_reader(fmt: str, signal_type: str) -> HashListFormat:
    """The ``te`` reader of a file with one bare ``signal_type`` signal per line."""
    if fmt not in ("auto", "te"):
        raise HashListFormatError(f"a signal type is given for bare signals, one per line: format te, not {fmt!r}")
    try:
        get_signal_type(signal_type)
    except InvalidSignalError as exc:
        raise HashListFormatError(str(exc)) from None
    return TeHashListFormat(signal_type)


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
    signal_type: str | None = None,
) -> HashListReadResult:
    """Read a whole hash list.

    Without ``skip_invalid`` any rejected line raises :class:`HashListFormatError` listing the
    rejected lines, and nothing is returned: the caller imports all of a list or none of it.
    With it, the good entries and the problems are returned.  At most
    :data:`MAX_KEPT_PROBLEMS` problems are kept; a last one then counts the rest.
    ``default_source`` fills ``source`` where the file gives none (e.g. the file's name).
    Skipped lines (:class:`HashListSkip`) are listed in ``skipped`` and never make it fail.
    """
    entries: list[HashListEntry] = []
    problems: list[tuple[int, str]] = []
    skipped: list[tuple[int, str]] = []
    total = 0
    last_line = 0
    for item in iter_hash_list(path, fmt, default_source=default_source, signal_type=signal_type):
        if isinstance(item, HashListEntry):
            if skip_invalid or not total:
                entries.append(item)
            continue
        if isinstance(item, HashListSkip):
            if len(skipped) < MAX_KEPT_PROBLEMS:
                skipped.append((item.line, item.reason))
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
    return HashListReadResult(entries, problems, skipped)


def write_hash_list(entries: Iterable[HashListEntry], stream: BinaryIO, fmt: str) -> int:
    """Write ``entries`` to ``stream`` in ``fmt``; returns how many were written.

    Signals are normalised on the way out (an invalid one raises :class:`InvalidSignalError`),
    so what is written reads back unchanged.
    """
    return get_format(fmt).write(entries, stream)
