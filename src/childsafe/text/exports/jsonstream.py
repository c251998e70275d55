"""Streaming the messages out of a JSON export document without holding the document.

ijson yields parse events; :func:`iter_json_parts` turns them into the few scalars a reader wants
(a chat's id, name, type) and the complete objects under the prefixes it names (each message), in
document order.  Only one message object is ever built at a time, so a 2 GB export with millions of
messages, or a participants list of a million names, stays in flat memory.  Invalid UTF-8 is
replaced by U+FFFD on the way in (yajl would stop the whole document at the first bad byte); the
reader is told so it can report it once.
"""

from __future__ import annotations

import codecs
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from typing import IO, Final

import ijson

__all__ = ["ContainerStart", "JsonBroken", "Scalar", "Utf8Repair", "Whole", "iter_json_parts"]

_CHUNK: Final = 64 * 1024


class Utf8Repair:
    """A binary reader whose bytes are valid UTF-8: invalid sequences become U+FFFD."""

    def __init__(self, fh: IO[bytes]) -> None:
        self._fh = fh
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="strict")
        self.repaired = False

    def read(self, size: int = -1) -> bytes:
        if size == 0:
            return b""  # ijson asks for nothing to learn whether the file is binary
        data = self._fh.read(size if size > 0 else _CHUNK)
        final = not data
        try:
            text = self._decoder.decode(data, final)
        except UnicodeDecodeError:
            # Start over on this chunk with replacement: the decoder keeps a partial character
            # across chunks, so only a genuinely invalid sequence lands here.
            self.repaired = True
            state = self._decoder.getstate()
            repairer = codecs.getincrementaldecoder("utf-8")(errors="replace")
            repairer.setstate(state)
            text = repairer.decode(data, final)
            self._decoder = codecs.getincrementaldecoder("utf-8")(errors="strict")
            self._decoder.setstate(repairer.getstate())
        return text.encode("utf-8") if text or final else self.read(size)


@dataclass(frozen=True)
class Scalar:
    """A string, number, boolean or null at ``prefix`` (ijson's dotted path, arrays as ``item``)."""

    prefix: str
    value: object


@dataclass(frozen=True)
class Whole:
    """A complete value (usually an object) at one of the wanted item prefixes."""

    prefix: str
    value: object


@dataclass(frozen=True)
class ContainerStart:
    """An object or array opens at one of the wanted container prefixes (a new chat, say)."""

    prefix: str


@dataclass(frozen=True)
class JsonBroken:
    """The document is malformed or cut short here; nothing after it can be read."""

    reason: str


Part = Scalar | Whole | ContainerStart | JsonBroken


def iter_json_parts(fh: IO[bytes] | Utf8Repair, *, items: Collection[str], scalars: Collection[str] = (),
                    containers: Collection[str] = ()) -> Iterator[Part]:
    """The parts of the JSON document in ``fh`` named by the prefixes, in document order.

    Ends with one :class:`JsonBroken` when the document is malformed; never raises for content.
    """
    builder: ijson.ObjectBuilder | None = None
    building = ""
    depth = 0
    try:
        for prefix, event, value in ijson.parse(fh, use_float=True):
            if builder is not None:
                builder.event(event, value)
                if event in ("start_map", "start_array"):
                    depth += 1
                elif event in ("end_map", "end_array"):
                    depth -= 1
                if depth == 0:
                    yield Whole(building, builder.value)
                    builder = None
                continue
            if prefix in items and event != "map_key" and event not in ("end_map", "end_array"):
                if event in ("start_map", "start_array"):
                    builder, building, depth = ijson.ObjectBuilder(), prefix, 1
                    builder.event(event, value)
                else:
                    yield Whole(prefix, value)
            elif prefix in containers and event in ("start_map", "start_array"):
                yield ContainerStart(prefix)
            elif prefix in scalars and event not in ("start_map", "start_array", "end_map", "end_array", "map_key"):
                yield Scalar(prefix, value)
    except ijson.JSONError as exc:
        yield JsonBroken(_reason(exc))
    except (ValueError, OverflowError, RecursionError) as exc:  # a number yajl cannot represent, absurd nesting
        yield JsonBroken(f"{type(exc).__name__}: {str(exc)[:120]}")


def _reason(exc: Exception) -> str:
    text = str(exc)
    first = text.splitlines()[0] if text else type(exc).__name__
    return first.strip()[:200] or "invalid JSON"
