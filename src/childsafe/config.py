"""Settings: defaults < ``config.toml`` in the home < ``CHILDSAFE_*`` environment < CLI flags.

Each setting is data (name, type, default, help) so it can be listed and documented; a test
fails when one is missing from the README.  Secrets are never part of ``repr``.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import platformdirs

from childsafe.errors import ConfigError

__all__ = ["Settings", "SETTING_HELP", "load_settings"]

DEFAULT_PDQ_THRESHOLD = 31
DEFAULT_PDQ_QUALITY_MIN = 50
# A photo larger than this many pixels is refused before decoding (decompression bombs).
# 178 MP is Pillow's own warning level, doubled; real camera photos stay far below it.
DEFAULT_MAX_IMAGE_PIXELS = 200_000_000
DEFAULT_MAX_FILE_BYTES = 8 * 1024**3
DEFAULT_MAX_MEMBER_BYTES = 2 * 1024**3
DEFAULT_MAX_ARCHIVE_BYTES = 32 * 1024**3
DEFAULT_MAX_ARCHIVE_RATIO = 200
DEFAULT_MAX_ARCHIVE_DEPTH = 3
DEFAULT_MAX_ARCHIVE_MEMBERS = 1_000_000
# Service (issue 6).  Rate limits are per server process (each uvicorn worker keeps its own).
DEFAULT_LOOKUP_RATE = 2_000  # lookups per second per API token, bursts of one second's worth
DEFAULT_LOGIN_RATE = 10  # login attempts per minute per client address and per user name
DEFAULT_TOKEN_CACHE_SECONDS = 10
DEFAULT_INDEX_REFRESH_SECONDS = 2
DEFAULT_MAX_UPLOAD_BYTES = 1024**3
# Video bounds (issue 10): a two-frame 8192x8192 MP4 of 700 KB cost 11.5 s and 2 GB unbounded.
# 8K UHD frames (7680x4320) pass; hashing runs in a child process killed past the time or memory.
DEFAULT_MAX_VIDEO_FRAME_PIXELS = 7680 * 4320
DEFAULT_MAX_VIDEO_FRAMES = 1_080_000  # ten hours at 30 frames per second
DEFAULT_MAX_VIDEO_SECONDS = 600
DEFAULT_MAX_VIDEO_MEMORY_BYTES = 2 * 1024**3

# Audit (issue 10): a checkpoint every this many entries bounds what a database writer can cut off
# the end of the log unnoticed; each costs one small file append.
DEFAULT_AUDIT_CHECKPOINT_EVERY = 100
# Every body that is not an upload (JSON, review forms): a 20,000-message conversation or 10,000 bank
# entries fit in a few MB; far below uploads, so a JSON parser never sees a gigabyte.
DEFAULT_MAX_JSON_BYTES = 16 * 1024**2
DEFAULT_HEADER_TIMEOUT_SECONDS = 10  # a request's headers must arrive within this after connecting
DEFAULT_BODY_TIMEOUT_SECONDS = 30  # longest wait for the next piece of a request body
DEFAULT_HASH_RATE = 600  # hashing requests (uploads, URLs) per minute per API token


@dataclass(frozen=True)
class Settings:
    home: Path = field(default_factory=lambda: Path(platformdirs.user_data_dir("childsafe")))
    db: str = ""  # SQLAlchemy URL; empty means SQLite in ``home``
    workers: int = 0  # 0 means all cores
    pdq_quality_min: int = DEFAULT_PDQ_QUALITY_MIN
    max_image_pixels: int = DEFAULT_MAX_IMAGE_PIXELS
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    max_member_bytes: int = DEFAULT_MAX_MEMBER_BYTES
    max_archive_bytes: int = DEFAULT_MAX_ARCHIVE_BYTES
    max_archive_ratio: int = DEFAULT_MAX_ARCHIVE_RATIO
    max_archive_depth: int = DEFAULT_MAX_ARCHIVE_DEPTH
    max_archive_members: int = DEFAULT_MAX_ARCHIVE_MEMBERS
    max_video_frame_pixels: int = DEFAULT_MAX_VIDEO_FRAME_PIXELS
    max_video_frames: int = DEFAULT_MAX_VIDEO_FRAMES
    max_video_seconds: int = DEFAULT_MAX_VIDEO_SECONDS
    max_video_memory_bytes: int = DEFAULT_MAX_VIDEO_MEMORY_BYTES
    spool_dir: str = ""  # private folder for media copies while hashed; empty = <home>/spool
    lookup_rate: int = DEFAULT_LOOKUP_RATE  # 0 = unlimited
    login_rate: int = DEFAULT_LOGIN_RATE
    token_cache_seconds: int = DEFAULT_TOKEN_CACHE_SECONDS
    index_refresh_seconds: int = DEFAULT_INDEX_REFRESH_SECONDS
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES
    scan_roots: str = ""  # os.pathsep-separated folders API scan jobs may read; empty = any
    fetch_urls: bool = False  # HMA's ?url= hashing; private and loopback addresses always refused
    audit_key_file: str = ""  # empty = ``audit.key`` in the home
    audit_checkpoint_file: str = ""  # empty = ``audit-checkpoints.jsonl`` in the home
    audit_checkpoint_every: int = DEFAULT_AUDIT_CHECKPOINT_EVERY  # 0 = only explicit checkpoints
    max_json_bytes: int = DEFAULT_MAX_JSON_BYTES
    header_timeout_seconds: int = DEFAULT_HEADER_TIMEOUT_SECONDS
    body_timeout_seconds: int = DEFAULT_BODY_TIMEOUT_SECONDS
    hash_rate: int = DEFAULT_HASH_RATE  # 0 = unlimited
    trusted_proxies: str = ""  # comma-separated addresses or networks whose X-Forwarded-* are believed
    hma_open_networks: str = ""  # comma-separated networks that may read on the HMA routes without a token
    hma_open_write_networks: str = ""  # ...and, when also in hma_open_networks, write there

    @property
    def db_url(self) -> str:
        if self.db:
            return self.db
        return f"sqlite:///{self.home / 'childsafe.sqlite3'}"

    @property
    def audit_key_path(self) -> Path:
        return Path(self.audit_key_file).expanduser() if self.audit_key_file else self.home / "audit.key"

    @property
    def audit_checkpoint_path(self) -> Path:
        if self.audit_checkpoint_file:
            return Path(self.audit_checkpoint_file).expanduser()
        return self.home / "audit-checkpoints.jsonl"

    @property
    def index_dir(self) -> Path:
        return self.home / "index"

    @property
    def spool_path(self) -> Path:
        return Path(self.spool_dir).expanduser() if self.spool_dir else self.home / "spool"

    @property
    def effective_workers(self) -> int:
        return self.workers if self.workers > 0 else (os.cpu_count() or 1)

    def __repr__(self) -> str:
        # The database URL may carry a password: never print it.
        shown = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "db"}
        shown["db"] = "<set>" if self.db else "<sqlite in home>"
        return f"Settings({shown})"


SETTING_HELP: dict[str, str] = {
    "home": "Folder for the SQLite store and index files (CHILDSAFE_HOME, --home).",
    "db": "SQLAlchemy database URL; default SQLite in the home (CHILDSAFE_DB, --db).",
    "workers": "Parallel hashing processes; 0 = all cores (CHILDSAFE_WORKERS, --workers).",
    "pdq_quality_min": "PDQ hashes below this quality are reported but never matched.",
    "max_image_pixels": "Photos with more pixels are refused before decoding (bombs).",
    "max_file_bytes": "Files larger than this are reported and not hashed.",
    "max_member_bytes": "Archive members larger than this (uncompressed) are refused.",
    "max_archive_bytes": "Total uncompressed bytes read from one archive.",
    "max_archive_ratio": "Members compressing better than this ratio are refused (zip bombs).",
    "max_archive_depth": "How deep archives inside archives are opened.",
    "max_archive_members": "Members read from one archive at most.",
    "max_video_frame_pixels": "Videos whose frames have more pixels (width x height) are refused before decoding.",
    "max_video_frames": "Videos with more frames (as their container declares) are refused before decoding.",
    "max_video_seconds": "Wall time one video may take to hash; the hashing process is killed beyond it.",
    "max_video_memory_bytes": "Memory one video's hashing process may allocate; beyond it the video is refused.",
    "spool_dir": "Private folder (0700) where streamed videos are copied while hashed; empty = <home>/spool.",
    "lookup_rate": "API lookups per second per token (bursts of one second); 0 = unlimited.",
    "login_rate": "Login attempts per minute per client address and per user name.",
    "token_cache_seconds": "How long a server process trusts a checked API token before re-reading it.",
    "index_refresh_seconds": "How often a server process picks up bank changes made elsewhere.",
    "max_upload_bytes": "Largest request body the API accepts (uploads, hash lists).",
    "scan_roots": "Folders (separated by ':') that API scan jobs may read; empty = any folder.",
    "fetch_urls": "Let the HMA routes fetch ?url= media (public addresses only); off by default.",
    "audit_key_file": "File with the audit log's HMAC key (mode 0600); empty = audit.key in the home.",
    "audit_checkpoint_file": "Signed audit checkpoints (JSON Lines); empty = audit-checkpoints.jsonl in the home.",
    "audit_checkpoint_every": "Write an audit checkpoint every this many entries; 0 = only 'audit checkpoint'.",
    "max_json_bytes": "Largest request body of a route that takes no upload (JSON, forms).",
    "header_timeout_seconds": "A connection whose request headers take longer than this is closed.",
    "body_timeout_seconds": "A request body that pauses longer than this gets a 408 and is closed.",
    "hash_rate": "Hashing requests (uploads, ?url=) per minute per API token; 0 = unlimited.",
    "trusted_proxies": "Addresses or networks (comma-separated) whose X-Forwarded-For/-Proto are believed.",
    "hma_open_networks": "Networks (comma-separated CIDRs) whose clients may hash, look up and read banks on "
                         "the HMA routes without a token; empty = none.",
    "hma_open_write_networks": "Networks (CIDRs) whose clients, when also in hma_open_networks, may also write "
                               "on the HMA routes (bank media and signals, curation) without a token.",
}


_BOOLS = {"1": True, "true": True, "yes": True, "on": True, "0": False, "false": False, "no": False, "off": False}


def _coerce(name: str, raw: Any) -> Any:
    kind = {f.name: f.type for f in fields(Settings)}[name]
    try:
        if kind in ("Path",):
            return Path(str(raw)).expanduser()
        if kind == "bool":
            if isinstance(raw, bool):
                return raw
            text = str(raw).strip().lower()
            if text not in _BOOLS:
                raise ValueError("use true or false")
            return _BOOLS[text]
        if kind == "int":
            value = int(raw)
            if value < 0:
                raise ValueError("must not be negative")
            return value
        return str(raw)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"setting {name!r}: invalid value {raw!r} ({exc})") from exc


def load_settings(
    overrides: Mapping[str, Any] | None = None, environ: Mapping[str, str] | None = None
) -> Settings:
    """Build the settings from every layer; ``overrides`` are CLI flags (None values ignored)."""
    env = os.environ if environ is None else environ
    names = {f.name for f in fields(Settings)}
    values: dict[str, Any] = {}
    cli = {k: v for k, v in (overrides or {}).items() if v is not None}
    home_raw = cli.get("home") or env.get("CHILDSAFE_HOME")
    home = _coerce("home", home_raw) if home_raw else Settings().home
    config_file = home / "config.toml"
    if config_file.is_file():
        try:
            data = tomllib.loads(config_file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"{config_file}: {exc}") from exc
        for key, raw in data.items():
            if key not in names:
                raise ConfigError(f"{config_file}: unknown setting {key!r}")
            values[key] = _coerce(key, raw)
    for name in names:
        raw = env.get(f"CHILDSAFE_{name.upper()}")
        if raw is not None and raw != "":
            values[name] = _coerce(name, raw)
    for key, raw in cli.items():
        if key not in names:
            raise ConfigError(f"unknown setting {key!r}")
        values[key] = _coerce(key, raw)
    values["home"] = home
    return replace(Settings(), **values)
