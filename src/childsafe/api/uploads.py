"""Uploaded media: hashed from the request's spool and never kept.

Starlette spools a multipart file in memory up to 1 MB and beyond that in an anonymous temporary
file (already unlinked, so it has no name on disk); the form is closed, and the spool freed, when
the request ends.  Photos are decoded from memory; videos are copied for FFmpeg to a file in this
process's private spool folder (:mod:`childsafe.media.spool`), deleted as soon as they are hashed,
by every exit path, and, after a ``kill -9``, by the next start (:func:`childsafe.media.spool.start_spool`).
Nothing of the media reaches the store: only hashes are returned.
"""

from __future__ import annotations

from collections.abc import Sequence

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile
from starlette.requests import Request

from childsafe.errors import ConfigError, MediaDecodeError, UnsupportedContentError
from childsafe.media.content import ContentType
from childsafe.media.hashing import FileHashes, HashOptions, hash_bytes, hash_stream
from childsafe.media.signals import signal_types

__all__ = ["hash_form_upload", "hash_form_file", "hash_upload", "hash_blob", "hma_signals", "HMA_FIELDS"]

#: HMA names the multipart field after the content type; ``file`` is accepted too.
HMA_FIELDS = ("photo", "video", "file")


def _hma_types(content_type: ContentType) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(HMA's default answer, every type available) for uploads of ``content_type``.

    HMA answers with the signal types made for the content type (``pdq`` for a photo; ``video_md5``
    and ``vpdq`` for a video), not the chain-of-custody digests every item gets, which are still
    available through ``?types=``.
    """
    kinds = [k for k in signal_types() if content_type in k.content_types]
    specific = tuple(k.name for k in kinds if ContentType.OTHER not in k.content_types and k.hma_default)
    others = tuple(k.name for k in kinds if k.name not in specific)
    return specific, specific + others


def _display_name(upload: UploadFile) -> str:
    # Only for the report: never used as a path.
    name = (upload.filename or "upload").replace("/", "_").replace("\\", "_")
    return "".join(ch for ch in name if ch.isprintable())[:200] or "upload"


async def hash_form_upload(request: Request, options: HashOptions,
                           fields: Sequence[str] | None = None) -> tuple[str, FileHashes]:
    """Hash the one file of a multipart request: (field name, hashes)."""
    async with request.form(max_files=1, max_fields=20) as form:
        return await hash_form_file(form, options, fields)


async def hash_form_file(form: FormData, options: HashOptions,
                         fields: Sequence[str] | None = None) -> tuple[str, FileHashes]:
    """Hash the one file of an open multipart form (for routes that also read its other fields)."""
    uploads = [(k, v) for k, v in form.multi_items() if isinstance(v, UploadFile)]
    if not uploads:
        raise ConfigError("missing multipart/form-data file upload")
    if len(uploads) > 1:
        raise ConfigError("only one file allowed per request")
    field, upload = uploads[0]
    if fields is not None and field not in fields:
        raise ConfigError(f"no such content_type: {field!r} (name the file field {' or '.join(fields)})")
    hashes = await run_in_threadpool(hash_stream, upload.file, _display_name(upload), options)
    return field, hashes


async def hash_upload(upload: UploadFile, options: HashOptions) -> FileHashes:
    return await run_in_threadpool(hash_stream, upload.file, _display_name(upload), options)


async def hash_blob(data: bytes, name: str, options: HashOptions) -> FileHashes:
    return await run_in_threadpool(hash_bytes, data, name, options)


def hma_signals(hashes: FileHashes, types: str | None) -> dict[str, str]:
    """HMA's ``{signal_type: hash}`` for hashed media; ``types`` is HMA's comma-separated choice."""
    if hashes.content_type not in (ContentType.PHOTO, ContentType.VIDEO):
        raise UnsupportedContentError(hashes.error or "the upload is not a photo or a video")
    wanted, available = _hma_types(hashes.content_type)
    if types:
        wanted = tuple(t.strip() for t in types.split(",") if t.strip())
        unknown = [t for t in wanted if t not in available]
        if unknown:
            raise ConfigError(f"signal type {unknown[0]!r} doesn't exist or is not available for "
                              f"{hashes.content_type.value} (use {', '.join(available)})")
        if not wanted:
            raise ConfigError("empty signal type selection")
    out = {name: value for name in wanted if (value := hashes.value(name))}
    if len(out) < len(wanted):
        raise MediaDecodeError(hashes.error or "the upload could not be hashed")
    return out
