"""Project VIC's VICS JSON (OData) and the UK CAID JSON built on it: read streamed, written per file.

Reading (every data model: VICS 1.2 as CAID writes it, 1.3, 2.0) accepts both layouts:

``#Media``
    ``{"odata.metadata" | "@odata.context": ..., "value": [media, ...]}``
``#Cases``
    ``{"@odata.context": ".../$metadata#Cases", "value": [{..., "Media": [media, ...]}, ...]}``

Each MD5, SHA1 and SHA256 of a media object (and of its nested ``MediaFiles``, and of its
``Hashes`` list of ``{"HashName", "HashValue"}``) becomes one entry labelled ``category:<Category>``;
the entries of one media object share a ``content`` key, so writing them back gives one record.
PhotoDNA is proprietary and reported as skipped.  "Line" numbers are media numbers: the 1-based
position of the media object in the file, counted across cases; 0 means the file as a whole.

Writing puts one media object per file with all its hashes (consecutive entries with the same
``content`` key, or without one the same source, and the same label; see :func:`group_files`),
under the exact data-model strings IPED checks (``HashDBTool.java``: the data-model key first,
then ``value``).
"""

# long-module: one streamed OData reader (both layouts, three data models) and its per-file writer belong together

from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

import ijson  # ships no type information: see [tool.mypy] overrides

from childsafe.errors import InvalidSignalError
from childsafe.media.hashlists import (
    BomSkipper,
    HashListEntry,
    HashListItem,
    HashListSkip,
    first_line,
    normalise_entry,
    parse_signal,
)
from childsafe.records import control_char_problem

__all__ = [
    "VicsHashListFormat",
    "Vics2HashListFormat",
    "CaidHashListFormat",
    "VICS_13_CONTEXT",
    "VICS_20_CONTEXT",
    "CAID_CONTEXT",
    "MAX_VICS_RECORD_EVENTS",
    "group_files",
    "looks_like_caid",
]

log = logging.getLogger(__name__)

#: A VICS media object with more JSON events than this is refused (nested MediaFiles are a few
#: dozen events each); it bounds the memory one record can take.  A case's ``Media`` list is
#: streamed, so it does not count against it.
MAX_VICS_RECORD_EVENTS = 100_000

# The data-model strings IPED accepts (iped-engine HashDBTool.java, checkDataModel): key and value.
VICS_13_KEY = "odata.metadata"
VICS_13_CONTEXT = "http://github.com/ICMEC/ProjectVic/DataModels/1.3.xml#Media"
VICS_20_KEY = "@odata.context"
VICS_20_CONTEXT = "http://github.com/VICSDATAMODEL/ProjectVic/DataModels/2.0.xml/Default/$metadata#Media"
CAID_CONTEXT = "http://github.com/ICMEC/ProjectVic/DataModels/1.2.xml#Media"

# Signal types VICS can carry, and the VICS key of each.
_VICS_KEYS = {"md5": "MD5", "sha1": "SHA1", "sha256": "SHA256"}
_HASH_NAMES = {key.lower(): type_name for type_name, key in _VICS_KEYS.items()}
_CATEGORY_PREFIX = "category:"
_PYTHON_JSON = ijson.get_backend("python")  # reads numbers of any size, unlike yajl
_OPEN = ("start_map", "start_array")
_CLOSE = ("end_map", "end_array")
_Events = Iterator[tuple[str, Any]]


@dataclass
class _Cursor:
    """The media object being parsed (0: outside any), so a JSON error is reported where it happened."""

    record: int = 0
    #: Media objects met so far; the next one is ``seen + 1``.
    seen: int = 0


class _VicsReader:
    """The reader every VICS flavour shares: the data model changes what is written, not what is read."""

    def read(self, stream: BinaryIO) -> Iterator[HashListItem]:
        start = stream.tell() if stream.seekable() else None
        cursor = _Cursor()
        yielded = 0
        try:
            events = ijson.basic_parse(BomSkipper(stream), use_float=True)
            for item in _document(events, cursor):
                yielded += 1
                yield item
            return
        except ijson.JSONError as exc:
            if start is None or "overflow" not in first_line(exc):
                yield cursor.record, f"not valid JSON: {first_line(exc)}"
                return
        except UnicodeDecodeError:
            yield cursor.record, "not valid UTF-8"
            return
        # yajl (the fast C parser) stops at a number beyond 64 bits, which is valid JSON (a huge
        # MediaID, say).  Read again with ijson's Python parser, which takes any number, and skip
        # what was already given: both parsers produce the same items up to the overflow.
        stream.seek(start)
        cursor = _Cursor()
        try:
            events = _PYTHON_JSON.basic_parse(BomSkipper(stream))
            for index, item in enumerate(_document(events, cursor)):
                if index >= yielded:
                    yield item
        except ijson.JSONError as exc:
            yield cursor.record, f"not valid JSON: {first_line(exc)}"
        except UnicodeDecodeError:
            yield cursor.record, "not valid UTF-8"


class VicsHashListFormat(_VicsReader):
    """Project VIC VICS JSON; writes data model 1.3 (``odata.metadata``)."""

    name = "vics"
    data_model = (VICS_13_KEY, VICS_13_CONTEXT)

    def write(self, entries: Iterable[HashListEntry], stream: BinaryIO) -> int:
        """One media object per file (see :func:`group_files`), ``Category`` from a ``category:`` label.

        VICS has no place for other signal types (pdq, vpdq, video_md5), other labels or a
        source: those entries are skipped and those fields dropped, and a warning says how many.
        Returns the number of entries written (not of media objects).
        """
        key, context = self.data_model
        stream.write(b"{" + json.dumps(key).encode() + b": " + json.dumps(context).encode() + b', "value": [')
        count = records = 0
        skipped: Counter[str] = Counter()
        dropped_labels = 0
        without_category = 0
        for group in group_files(_expressible(entries, skipped)):
            records += 1
            media: dict[str, Any] = {"MediaID": records}
            category = _label_to_category(group[0].label)
            if category is not None:
                media["Category"] = category
            else:
                without_category += 1
                dropped_labels += bool(group[0].label)
            for entry in group:
                # Project VIC files carry hex in upper case.
                media[_VICS_KEYS[entry.signal_type]] = entry.signal.upper()
            count += len(group)
            stream.write((b"\n" if records == 1 else b",\n") + json.dumps(media).encode())
        stream.write(b"\n]}\n")
        if skipped:
            detail = ", ".join(f"{n} {name}" for name, n in sorted(skipped.items()))
            log.warning("%s: skipped %d entries it cannot express (%s)", self.name, skipped.total(), detail)
        if dropped_labels:
            log.warning("%s: dropped %d labels that are not 'category:<n>'", self.name, dropped_labels)
        if without_category:
            # IPED's importer keeps only media objects that have a property besides their hashes.
            log.warning("%s: %d media objects without a Category (IPED ignores those)", self.name,
                        without_category)
        return count


class Vics2HashListFormat(VicsHashListFormat):
    """Project VIC VICS JSON; writes data model 2.0 (``@odata.context``, ``#Media``)."""

    name = "vics2"
    data_model = (VICS_20_KEY, VICS_20_CONTEXT)


class CaidHashListFormat(VicsHashListFormat):
    """The UK Child Abuse Image Database's JSON: VICS data model 1.2 (as IPED reads it, ``NIST_CAID``).

    CAID media objects carry MD5, SHA1, ``MediaSize`` and nested ``FileName``s, and often no
    ``Category``: their entries are then labelled ``caid`` (CAID lists known material only).
    """

    name = "caid"
    data_model = (VICS_13_KEY, CAID_CONTEXT)

    def read(self, stream: BinaryIO) -> Iterator[HashListItem]:
        for item in super().read(stream):
            if isinstance(item, HashListEntry) and item.label is None:
                item = HashListEntry(item.signal_type, item.signal, "caid", item.source, item.line, item.content)
            yield item


def looks_like_caid(head: bytes) -> bool:
    """Whether a JSON document's first bytes name CAID's data model (1.2)."""
    return b"/DataModels/1.2.xml" in head


def _expressible(entries: Iterable[HashListEntry], skipped: Counter[str]) -> Iterator[HashListEntry]:
    for entry in entries:
        type_name, signal = normalise_entry(entry)
        if type_name not in _VICS_KEYS:
            skipped[type_name] += 1
            continue
        yield HashListEntry(type_name, signal, entry.label, entry.source, entry.line, entry.content)


def group_files(entries: Iterable[HashListEntry]) -> Iterator[list[HashListEntry]]:
    """Consecutive entries that are hashes of one file, in order.

    Entries belong together when they are next to each other, have the same ``content`` key (or,
    without one, the same ``source``: ``bank add`` stores each file's hashes together under the
    file's name) and the same label, and no signal type repeats.  Streaming: one group in memory.
    """
    group: list[HashListEntry] = []
    for entry in entries:
        if group and not _same_file(group, entry):
            yield group
            group = []
        group.append(entry)
    if group:
        yield group


def _same_file(group: list[HashListEntry], entry: HashListEntry) -> bool:
    first = group[0]
    key = first.content if first.content is not None else first.source
    other = entry.content if entry.content is not None else entry.source
    return (key is not None and key == other and entry.label == first.label
            and all(e.signal_type != entry.signal_type for e in group))


# --- reading -----------------------------------------------------------------------------------


def _document(events: _Events, cursor: _Cursor) -> Iterator[HashListItem]:
    """Walk the top-level object; its ``value`` list holds media objects or cases."""
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
            yield from _records(events, cursor)
    for _ in events:  # let the parser reject trailing garbage
        pass
    if not found:
        yield 0, "no 'value' list"


def _records(events: _Events, cursor: _Cursor) -> Iterator[HashListItem]:
    """Entries of each item of the ``value`` array (a media object or a case), up to its end."""
    for event, _value in events:
        if event == "end_array":
            cursor.record = 0
            return
        # The cursor names the media object being read, or the next one while the parser looks
        # for it: a parser error met between two objects is the next one's.
        cursor.record = cursor.seen + 1
        if event != "start_map":
            cursor.seen += 1
            _skip_value(events, event)
            yield cursor.record, "media is not a JSON object"
            continue
        yield from _media_or_case(events, cursor)


def _media_or_case(events: _Events, cursor: _Cursor) -> Iterator[HashListItem]:
    """One object of ``value``: its keys are built one by one, except a case's ``Media`` list,
    whose media objects are streamed (a case may hold thousands)."""
    fields: dict[str, Any] = {}
    size = 0
    too_large = False
    is_case = False
    for event, key in events:
        if event == "end_map":
            break
        start, value = next(events)
        if str(key).lower() == "media" and start == "start_array":
            is_case = True
            yield from _case_media(events, cursor)
            continue
        if too_large:
            _skip_value(events, start)
            continue
        built, used = _build_value(events, start, value, MAX_VICS_RECORD_EVENTS - size)
        size += used
        if built is _TOO_LARGE:
            too_large = True
        else:
            fields[str(key)] = built
    if is_case:
        cursor.record = cursor.seen + 1
        return
    cursor.seen += 1
    if too_large:
        yield cursor.record, f"record larger than {MAX_VICS_RECORD_EVENTS} JSON events"
    else:
        yield from _media_entries(fields, cursor.record)
    cursor.record = cursor.seen + 1


def _case_media(events: _Events, cursor: _Cursor) -> Iterator[HashListItem]:
    for event, value in events:
        if event == "end_array":
            return
        cursor.record = cursor.seen + 1
        cursor.seen += 1
        media, _ = _build_value(events, event, value, MAX_VICS_RECORD_EVENTS)
        if media is _TOO_LARGE:
            yield cursor.record, f"record larger than {MAX_VICS_RECORD_EVENTS} JSON events"
        else:
            yield from _media_entries(media, cursor.record)
        cursor.record = cursor.seen + 1


_TOO_LARGE = object()


def _build_value(events: _Events, event: str, value: Any, budget: int) -> tuple[Any, int]:
    """(the JSON value starting with (event, value), events used), or ``_TOO_LARGE`` (then skipped)."""
    builder = ijson.ObjectBuilder()
    builder.event(event, value)
    depth = 1 if event in _OPEN else 0
    size = 1
    while depth:
        event, value = next(events)
        depth += (event in _OPEN) - (event in _CLOSE)
        size += 1
        if size > budget:
            _skip_rest(events, depth)
            return _TOO_LARGE, size
        builder.event(event, value)
    return builder.value, size


def _skip_value(events: _Events, start: str) -> None:
    if start in _OPEN:
        _skip_rest(events, 1)


def _skip_rest(events: _Events, depth: int) -> None:
    while depth:
        event, _ = next(events)
        depth += (event in _OPEN) - (event in _CLOSE)


def _media_entries(media: Any, record: int) -> Iterator[HashListItem]:
    """The entries of one media object, or one problem for it (then no entry at all)."""
    if not isinstance(media, dict):
        yield record, "media is not a JSON object"
        return
    entries: dict[tuple[str, str], HashListEntry] = {}  # a file's hash often repeats in MediaFiles
    had_photodna = False
    content = f"media {record}"
    try:
        for part in _parts(media):
            had_photodna = had_photodna or bool(part.get("photodna"))
            label = _category_to_label(part.get("category"))
            for type_name, value in _part_hashes(part):
                if type_name is None:
                    had_photodna = True
                    continue
                if not isinstance(value, str):
                    raise InvalidSignalError(f"{_VICS_KEYS[type_name]} is not a string")
                parsed = parse_signal(type_name, value)
                if isinstance(parsed, str):
                    raise InvalidSignalError(parsed)
                entries.setdefault(parsed, HashListEntry(*parsed, label, line=record, content=content))
    except InvalidSignalError as exc:
        yield record, str(exc)
        return
    if not entries:
        if had_photodna:
            yield HashListSkip(record, "PhotoDNA only (proprietary, not matched here): skipped")
        else:
            yield record, "no MD5, SHA1 or SHA256"
        return
    if had_photodna:
        yield HashListSkip(record, "its PhotoDNA is proprietary and not matched here: skipped")
    yield from entries.values()


def _part_hashes(part: dict[str, Any]) -> Iterator[tuple[str | None, Any]]:
    """(signal type, value) of a part's hash keys and of its ``Hashes`` list (None: PhotoDNA)."""
    for type_name, key in _VICS_KEYS.items():
        value = part.get(key.lower())
        if value is not None and value != "":
            yield type_name, value
    listed = part.get("hashes")
    if listed is None:
        return
    if not isinstance(listed, list):
        raise InvalidSignalError("Hashes is not a list")
    for item in listed:
        if not isinstance(item, dict):
            raise InvalidSignalError("a Hashes item is not a JSON object")
        fields = {str(k).lower(): v for k, v in item.items()}
        name = str(fields.get("hashname") or "").strip().lower()
        value = fields.get("hashvalue")
        if name in _HASH_NAMES and value not in (None, ""):
            yield _HASH_NAMES[name], value
        elif name == "photodna" and value not in (None, ""):
            yield None, value


def _parts(media: dict[str, Any]) -> Iterator[dict[str, Any]]:
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
