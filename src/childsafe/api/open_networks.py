"""Client networks that may call the HMA routes without a token (HMA's clients cannot send one).

Off by default.  ``hma_open_networks`` lists the networks (CIDRs) whose clients may hash, look up and
read banks on the HMA routes (``/h``, ``/m``, ``/c``) without ``Authorization``; a write (banking,
curation) also needs the client in ``hma_open_write_networks``.  Every other route still needs a
token, and a request that shows one is judged by its token alone.

The caller is ``network:<address>``: the audit entry of every write names it, and the first call from
each address in each server process appends an ``api.open_access`` entry (network, route, read or
write), so the log shows who used the opening without an entry per lookup.  Rate limits for these
callers are one bucket per process (they have no token to count by).
"""

from __future__ import annotations

import ipaddress
import threading
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any, Final

from childsafe.accounts import Principal
from childsafe.errors import ConfigError
from childsafe.store.service import User

__all__ = ["OpenNetworks", "parse_networks", "is_hma_route"]

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
#: The HMA drop-in's route prefixes (OpenMediaMatch's hashing, matching and curation blueprints).
HMA_PREFIXES: Final = ("/h/", "/m/", "/c/")
#: What a caller from an open network may do; writes need the write list too.
READ_CAPABILITIES: Final = frozenset({"hash", "lookup", "banks:read"})
WRITE_CAPABILITY: Final = "banks:write"
#: The HMA routes that take a body but only read (an upload to hash, a pair to compare).
_READING_BODIES: Final = frozenset({("POST", "/h/hash"), ("POST", "/m/lookup"), ("POST", "/m/compare")})

#: ``audit(actor, action, target, details)``: appends one audit entry.
Audit = Callable[[str, str, str, dict[str, Any]], object]


def is_hma_route(path: str) -> bool:
    return path.startswith(HMA_PREFIXES)


def parse_networks(raw: str, setting: str) -> tuple[Network, ...]:
    """A comma-separated list of addresses or CIDRs; a ConfigError names the setting and the entry."""
    out: list[Network] = []
    for item in (p.strip() for p in raw.split(",")):
        if not item:
            continue
        try:
            out.append(ipaddress.ip_network(item, strict=False))
        except ValueError as exc:
            raise ConfigError(f"setting {setting!r}: {item!r} is not an address or network") from exc
    return tuple(out)


def _find(networks: Sequence[Network], client: str) -> Network | None:
    try:
        address = ipaddress.ip_address(client)
    except ValueError:
        return None  # "unknown" or a test client's name: never inside a network
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return next((n for n in networks if address.version == n.version and address in n), None)


class OpenNetworks:
    def __init__(self, read: str = "", write: str = "", audit: Audit | None = None) -> None:
        self.read = parse_networks(read, "hma_open_networks")
        self.write = parse_networks(write, "hma_open_write_networks")
        self._audit = audit
        self._seen: set[tuple[str, bool]] = set()
        self._lock = threading.Lock()

    @property
    def enabled(self) -> bool:
        return bool(self.read)

    def principal(self, method: str, path: str, client: str, capability: str) -> Principal | None:
        """The caller without a token, when ``client`` may use ``capability`` on this route; else None."""
        if not self.read or not is_hma_route(path):
            return None
        network = _find(self.read, client)
        if network is None:
            return None
        write = capability not in READ_CAPABILITIES
        if write and (capability != WRITE_CAPABILITY or _find(self.write, client) is None):
            return None
        self._first_use(client, write, network, method, path)
        # The role only carries the capabilities checked above: this principal exists on HMA routes only.
        user = User(0, f"network:{client}", "admin" if write else "api-client", False, False, datetime.now(UTC))
        return Principal(user, None)

    def body_principal(self, method: str, path: str, client: str) -> Principal | None:
        """The caller whose body the request gate may read without a token, or None."""
        if (method, path) in _READING_BODIES:
            return self.principal(method, path, client, "lookup")
        return self.principal(method, path, client, WRITE_CAPABILITY)

    def _first_use(self, client: str, write: bool, network: Network, method: str, path: str) -> None:
        with self._lock:
            if (client, write) in self._seen:
                return
            self._seen.add((client, write))
        if self._audit is not None:
            self._audit(f"network:{client}", "api.open_access", client,
                        {"network": str(network), "route": f"{method} {path}", "write": write})
