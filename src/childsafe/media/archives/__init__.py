"""Read zip and tar archives in place, safely, so their members can be hashed like files.

Nothing is ever written to disk under a member's name: members are handed out as bounded
streams.  Seized archives are hostile input, so every byte passes through a reader that enforces
the limits of :class:`ArchiveLimits` *while* it reads (headers lie), and every failure of the
archive libraries becomes an :class:`ArchiveProblem` for the analyst instead of an exception.

Design decisions worth knowing:

* zip members are decompressed here, not by :mod:`zipfile`, which inflates bzip2 and LZMA
  members without an output bound (4 KiB of bzip2 can expand to gigabytes in one call before
  zipfile truncates to the declared size).  zipfile only parses the central directory.
* tar is read as a stream (``r|``), never seeking back; tar.gz/bz2/xz are decompressed here so
  the compressed bytes can be counted for the expansion ratio.
* A gzip, bzip2 or xz file that does not hold a tar is a one-member archive (``x.jpg.gz!/x.jpg``)
  so that a photo hidden in a plain ``.gz`` is still hashed.
* Bytes are counted against ``max_archive_bytes`` at every level they pass through, so a nested
  archive costs its outer archive's budget too.
* A nested zip needs seeking: it is spooled to an anonymous temporary file (memory up to 8 MiB,
  then the process's private spool folder, :mod:`childsafe.media.spool`, unlinked at once).
"""

# The modules of this package, lowest first: limits (ArchiveLimits and the byte accounting),
# items (what iteration yields; how failures become problems), readers (the bounded streams),
# sniff (archive_kind), names (member names), then the formats (zip, zip_entry, tar,
# compressed) and iterate (iter_archive and the nested-archive recursion), which call each
# other through module attributes because nested archives recurse across them.

from childsafe.media.archives.items import ArchiveContainer, ArchiveMember, ArchiveProblem
from childsafe.media.archives.iterate import iter_archive
from childsafe.media.archives.limits import ArchiveLimits
from childsafe.media.archives.sniff import ARCHIVE_SNIFF_BYTES, archive_kind

__all__ = [
    "ARCHIVE_SNIFF_BYTES",
    "ArchiveContainer",
    "ArchiveLimits",
    "ArchiveMember",
    "ArchiveProblem",
    "archive_kind",
    "iter_archive",
]
