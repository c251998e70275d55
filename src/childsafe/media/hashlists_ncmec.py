"""NCMEC hash sharing's XML (``queryResult``, API v2), read streamed through defusedxml.

The shape is the one python-threatexchange parses (``exchanges/clients/ncmec/hash_api.py``, its
test data ``tests/data.py``)::

    <queryResult xmlns="https://hashsharing.ncmec.org/hashsharing/v2">
      <images count="..."><image><member id="42">..</member><id>..</id><classification>A1</classification>
        <fingerprints><md5>..</md5><sha1>..</sha1><pdq>..</pdq><pdna>..</pdna></fingerprints></image>
        <deletedImage>..</deletedImage></images>
      <videos count="..."><video>..<fingerprints><md5>..</md5></fingerprints></video></videos>
      <paging><next>..</next></paging>
    </queryResult>

Fingerprints map as python-threatexchange maps them (``exchanges/impl/ncmec_api.py``): a video's
MD5 is ``video_md5``; an image's ``md5``, ``sha1`` and ``pdq`` keep their names, a video's ``sha1``
is ``sha1``.  PhotoDNA and the other proprietary fingerprints, and deleted entries, are reported as
skipped.  "Line" numbers are entry numbers (1-based, images and videos counted together).  The
label is ``ncmec:<classification>`` and the source ``ncmec member <id>``.

Hardened: defusedxml refuses DTDs, entities and external references, and each entry is discarded
once read, so memory stays constant.  This format is import-only.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from childsafe.errors import HashListFormatError
from childsafe.media.hashlists import HashListEntry, HashListItem, HashListSkip, first_line, parse_signal
from childsafe.records import control_char_problem

__all__ = ["NcmecXmlHashListFormat"]

_ENTRY_TAGS = {"image": "image", "video": "video", "deletedimage": "deleted", "deletedvideo": "deleted"}
# (entry kind, fingerprint tag) -> childsafe signal type.
_SIGNAL_TYPES = {
    ("image", "md5"): "md5",
    ("image", "sha1"): "sha1",
    ("image", "pdq"): "pdq",
    ("video", "md5"): "video_md5",
    ("video", "sha1"): "sha1",
}


def _local(tag: Any) -> str:
    """The tag without its namespace, lower-cased (NCMEC's elements are namespaced)."""
    return str(tag).rpartition("}")[2].lower()


class NcmecXmlHashListFormat:
    """NCMEC hash sharing ``queryResult`` XML (import only)."""

    name = "ncmec_xml"

    def read(self, stream: BinaryIO) -> Iterator[HashListItem]:
        number = 0
        try:
            events = iterparse(stream, events=("start", "end"), forbid_dtd=True)
            depth = 0
            container: Any = None
            for event, element in events:
                depth += 1 if event == "start" else -1
                if event == "start" and depth == 2:
                    container = element  # images, videos, paging
                if event != "end" or depth != 2:
                    continue  # an entry ends two levels below the root: queryResult > images > image
                kind = _ENTRY_TAGS.get(_local(element.tag))
                if kind is not None:
                    number += 1
                    yield from _entry_items(element, kind, number)
                container.clear()  # the entry was read: let it go (memory stays constant)
        except (SyntaxError, DefusedXmlException) as exc:  # ParseError is a SyntaxError
            yield number + 1, f"not valid or not safe XML: {first_line(exc)}"

    def write(self, entries: Iterable[HashListEntry], stream: BinaryIO) -> int:
        raise HashListFormatError("ncmec_xml is import-only: NCMEC's lists come from NCMEC")


def _entry_items(element: Any, kind: str, number: int) -> Iterator[HashListItem]:
    children = {_local(child.tag): child for child in element}
    entry_id = (children["id"].text or "").strip() if "id" in children else ""
    if kind == "deleted":
        yield HashListSkip(number, f"deleted entry {entry_id!r}: skipped (it is not removed from a bank)")
        return
    label = _text(children.get("classification"))
    member = children.get("member")
    member_id = "" if member is None else str(member.get("id") or "").strip()
    problem = control_char_problem("classification", label) or control_char_problem("member id", member_id)
    if problem:
        yield number, problem
        return
    fingerprints = children.get("fingerprints")
    found: list[HashListEntry] = []
    others: list[str] = []
    for fingerprint in [] if fingerprints is None else list(fingerprints):
        tag, value = _local(fingerprint.tag), _text(fingerprint)
        if not value:
            continue
        type_name = _SIGNAL_TYPES.get((kind, tag))
        if type_name is None:
            others.append(tag)
            continue
        parsed = parse_signal(type_name, value)
        if isinstance(parsed, str):
            yield number, parsed
            return
        found.append(HashListEntry(*parsed, label=f"ncmec:{label}" if label else "ncmec",
                                   source=f"ncmec member {member_id}" if member_id else None,
                                   line=number, content=f"ncmec {entry_id or number}"))
    if others:
        yield HashListSkip(number, f"{kind} {entry_id!r}: {', '.join(sorted(set(others)))} not matched here: skipped")
    if not found and not others:
        yield number, f"{kind} {entry_id!r} has no fingerprint"
    yield from found


def _text(element: Any) -> str:
    return "" if element is None else (element.text or "").strip()
