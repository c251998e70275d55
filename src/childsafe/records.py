"""Reading line-based record files (JSON Lines, CSV) with a size cap and per-record problems.

Shared by the conversation readers (``text/readers.py``) and the network event readers
(``graph/events.py``): each physical line is read with a cap, so a 10 MB "line" is skipped
without being held in memory, and a CSV record that runs away (an unclosed quote) is cut off
without losing the rest of the file.  Each caller sets its own record limit.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import IO, Any, Final, TypeVar

__all__ = ["UTF8_BOM", "ByteLines", "CsvLines", "CsvProblem", "Oversized", "RecordTooLarge",
           "control_char_problem", "iter_csv_records", "json_kind", "json_object_line", "oversized_message",
           "os_reason", "plain_token", "strip_bom", "swallowed_records", "utf8_message"]

UTF8_BOM: Final = b"\xef\xbb\xbf"
T = TypeVar("T")

#: How much of an over-long line is read at a time while skipping it.
SKIP_CHUNK: Final = 64 * 1024

# Characters that break what is built from a name or an identifier: PostgreSQL refuses NUL in
# text, XML 1.0 (GraphML, GEXF exports) refuses every C0 control but tab, newline and CR and
# the non-characters U+FFFE/U+FFFF, UTF-8 cannot encode a lone surrogate (JSON can escape one),
# and a line break or tab in an account name breaks seeds files and edge lists.
_NAME_REFUSED: Final = re.compile("[\x00-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
# Free text (a bio, an attribute) may hold tabs and line breaks; the rest is refused as above.
_TEXT_REFUSED: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True)
class Oversized:
    """A physical line longer than the limit, skipped without being held in memory."""

    size: int


class ByteLines:
    """Physical lines of a binary file, each read with a size cap; counts lines."""

    def __init__(self, fh: IO[bytes], max_bytes: int) -> None:
        self._fh = fh
        self.max_bytes = max_bytes
        self.line_no = 0

    def next_line(self) -> bytes | Oversized | None:
        """The next line with its ending, an :class:`Oversized` stand-in, or None at the end."""
        limit = self.max_bytes
        line = self._fh.readline(limit + 1)
        if not line:
            return None
        self.line_no += 1
        if self.line_no == 1:
            line = strip_bom(line)
        if len(line) <= limit or (len(line) == limit + 1 and line.endswith(b"\n")):
            return line
        size = len(line)
        while not line.endswith(b"\n"):
            line = self._fh.readline(SKIP_CHUNK)
            if not line:
                break
            size += len(line)
        return Oversized(size)


class RecordTooLarge(Exception):
    """Raised through csv.reader by :class:`CsvLines` to abandon an over-long record."""


class CsvLines:
    """Decoded lines for :func:`csv.reader`, noting the problems of the record being read.

    Invalid UTF-8 is replaced (so the csv parser stays in step) and reported for the record;
    a record whose lines together pass the limit (a runaway quoted field, say) is cut off by
    raising :class:`RecordTooLarge` through the reader, which can go on afterwards.
    """

    def __init__(self, lines: ByteLines) -> None:
        self._lines = lines
        self.problems: list[str] = []
        self._record_bytes = 0

    def start_record(self) -> None:
        self.problems = []
        self._record_bytes = 0

    def __iter__(self) -> CsvLines:
        return self

    def __next__(self) -> str:
        raw = self._lines.next_line()
        if raw is None:
            raise StopIteration
        limit = self._lines.max_bytes
        if isinstance(raw, Oversized):
            raise RecordTooLarge(oversized_message(self._record_bytes + raw.size, limit))
        self._record_bytes += len(raw)
        if self._record_bytes > limit:
            raise RecordTooLarge(
                f"record runs past {limit} bytes (line {self._lines.line_no}; an unclosed quote?); skipped"
            )
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            self.problems.append(f"line {self._lines.line_no}: {utf8_message(exc)}")
            return raw.decode("utf-8", "replace")


def oversized_message(size: int, limit: int) -> str:
    return f"record of {size} bytes exceeds the {limit}-byte limit; skipped"


def utf8_message(exc: UnicodeDecodeError) -> str:
    return f"not valid UTF-8 (byte 0x{exc.object[exc.start]:02x} at offset {exc.start})"


def strip_bom(data: bytes) -> bytes:
    return data[len(UTF8_BOM) :] if data.startswith(UTF8_BOM) else data


def os_reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def json_object_line(raw: bytes | Oversized, limit: int) -> dict[str, Any] | str | None:
    """One JSON Lines line: its object, a message saying why it is unusable, or None when blank."""
    if isinstance(raw, Oversized):
        return oversized_message(raw.size, limit)
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return utf8_message(exc)
    if not line.strip():
        return None
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        return f"not valid JSON ({exc.msg} at column {exc.colno})"
    except RecursionError:
        return "not valid JSON (nested too deeply)"
    except ValueError as exc:  # e.g. an integer beyond Python's digit limit
        text = str(exc)
        return f"not valid JSON ({text[:80]}{'...' if len(text) > 80 else ''})"
    if not isinstance(value, dict):
        return f"expected a JSON object, found {json_kind(value)}"
    return value


def json_kind(value: object) -> str:
    """What a JSON value is, for messages: "an array", "a string"..."""
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, str):
        return "a string"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    return "a number" if isinstance(value, int | float) else type(value).__name__


def control_char_problem(name: str, value: str, *, free_text: bool = False) -> str | None:
    """Why ``value`` cannot be a field ``name`` (a control character, say), or None when it can.

    Names and identifiers refuse every C0 control (NUL included), DEL, lone surrogates and
    U+FFFE/U+FFFF; ``free_text`` also allows tab, newline and carriage return.
    """
    found = (_TEXT_REFUSED if free_text else _NAME_REFUSED).search(value)
    if found is None:
        return None
    return f"field {name!r} contains control character U+{ord(found.group()):04X} at character {found.start() + 1}"


def plain_token(value: str) -> bool:
    """True for a non-empty value without whitespace or quotes: what an id column looks like."""
    return bool(value) and not any(c.isspace() or c == '"' for c in value)


def swallowed_records(row: Sequence[str], start: int, end: int,
                      looks_like_record: Callable[[list[str]], bool]) -> str | None:
    """The complaint when a CSV record that starts on line ``start`` swallowed whole records.

    A quote that is opened and never closed (or closed records later) makes the csv module read
    every following line into one quoted field, silently.  A line inside a multi-line field that,
    read on its own, ``looks_like_record`` (the header's width, id columns that look like ids) and
    has no field starting with a space is taken for such a swallowed record; ``end`` is the last
    physical line the record used.
    """
    if end <= start:
        return None
    line = start
    for value in row:
        parts = value.split("\n")
        for offset, part in enumerate(parts[1:], 1):
            try:
                fields = next(csv.reader([part.rstrip("\r")]), [])
            except csv.Error:
                continue
            # Machine exports put no space after a comma; prose ("apples, pears") does.
            if fields and not any(cell[:1].isspace() for cell in fields) and looks_like_record(fields):
                return (f"a quoted field opened on line {start} runs to line {end} over what looks like a record "
                        f"of its own (line {line + offset}): an unbalanced quote?  Lines {start}-{end} skipped")
        line += len(parts) - 1
    return None


@dataclass(frozen=True)
class CsvProblem:
    """A CSV record that cannot be used: the line it starts on and why.

    ``ends_file`` is True when the header could not be read or was refused: nothing after it is read.
    """

    line: int
    message: str
    ends_file: bool = False


def iter_csv_records(fh: IO[bytes], max_bytes: int, *, header_problem: Callable[[list[str]], str | None],
                     id_columns: Sequence[str], record: Callable[[dict[str, str], int], T],
                     problem: Callable[[CsvProblem], T]) -> Iterator[T]:
    """The records of a CSV file with a header, each made by ``record`` or, when unusable, by ``problem``.

    The one CSV loop of the line-based readers: every record is read with the ``max_bytes`` cap
    (:class:`CsvLines`), blank lines are skipped, and a record that is not valid CSV or UTF-8, runs
    away, swallowed whole records (:func:`swallowed_records`) or has another width than the header
    is a :class:`CsvProblem` while reading goes on.  The first non-blank record is the header: its
    names are stripped and lower-cased, ``header_problem`` may refuse it (which ends the file), and the
    ``id_columns`` (which an accepted header has) are the ones a swallowed record is recognised by (ids
    look like :func:`plain_token`).  ``record`` receives the fields by header name (columns with an
    empty name left out) and the line the record starts on.

    The caller's constructors are called here rather than an intermediate object yielded for the
    caller to convert: that extra step per row made reading an event file about 10 % slower.
    """
    # The record cap in CsvLines is the real bound; lift the csv module's own field cap (global,
    # 128 KiB by default) to match so that an over-long field is reported by the caller as such.
    if csv.field_size_limit() < max_bytes:
        csv.field_size_limit(max_bytes)
    lines = ByteLines(fh, max_bytes)
    source = CsvLines(lines)
    reader = csv.reader(source)
    names: list[str] | None = None
    named: list[tuple[int, str]] = []  # the header's columns that have a name
    looks_like_record: Callable[[list[str]], bool] = bool
    while True:
        start = lines.line_no + 1
        source.start_record()
        try:
            row = next(reader)
        except StopIteration:
            return
        except RecordTooLarge as exc:
            yield problem(CsvProblem(start, str(exc)))
            continue
        except csv.Error as exc:
            yield problem(CsvProblem(start, f"not valid CSV ({exc})"))
            continue
        if source.problems:
            yield problem(CsvProblem(start, "; ".join(source.problems), ends_file=names is None))
            if names is None:
                return
            continue
        if not row:  # a blank line
            continue
        if names is None:
            names = [name.strip().lower() for name in row]
            refused = header_problem(names)
            if refused:
                yield problem(CsvProblem(start, refused, ends_file=True))
                return
            looks_like_record = _record_shape(names, id_columns)
            named = [(index, name) for index, name in enumerate(names) if name]
            continue
        swallowed = swallowed_records(row, start, lines.line_no, looks_like_record)
        if swallowed:
            yield problem(CsvProblem(start, swallowed))
        elif len(row) != len(names):
            yield problem(CsvProblem(start, f"expected {len(names)} fields as in the header, found {len(row)}"))
        else:
            yield record({name: row[index] for index, name in named}, start)


def _record_shape(names: list[str], id_columns: Sequence[str]) -> Callable[[list[str]], bool]:
    """Whether a line read on its own looks like a record: the header's width, ids where ids go."""
    width = len(names)
    ids = [names.index(name) for name in id_columns]

    def looks_like_record(fields: list[str]) -> bool:
        return len(fields) == width and all(plain_token(fields[i]) for i in ids)

    return looks_like_record
