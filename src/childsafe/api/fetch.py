"""Fetch media from a URL for HMA's ``?url=`` routes, without becoming a proxy into the network.

Off unless ``fetch_urls`` is set.  Only http and https; the host name is resolved once and every
address it resolves to must be public (no loopback, private, link-local, CGNAT, multicast or
reserved range, nor an IPv6 form of one: mapped, NAT64, 6to4, Teredo...); the connection then goes
to that checked address, so a DNS answer that changes between check and connect (DNS rebinding) cannot redirect it.
Redirects are followed by hand, at most three, each checked the same way.  The body is capped at
``max_upload_bytes`` and held in memory only.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
from urllib.parse import urljoin, urlsplit

from childsafe.errors import ConfigError, MediaTooLargeError, PermissionDeniedError

__all__ = ["fetch_url", "is_public_address"]

MAX_REDIRECTS = 3
TIMEOUT_SECONDS = 30.0
_CHUNK = 1 << 16


#: Prefixes whose last 32 bits are an IPv4 address something on the way translates to: NAT64's well-known
#: prefix (RFC 6052), SIIT's IPv4-translated ``::ffff:0:a.b.c.d`` (RFC 2765) and the deprecated
#: IPv4-compatible ``::a.b.c.d``.
_EMBEDDING = tuple(ipaddress.ip_network(n) for n in ("64:ff9b::/96", "::ffff:0:0:0/96", "::/96"))
#: Local-use NAT64 (RFC 8215): whatever it translates to is some operator's private choice.
_NAT64_LOCAL = ipaddress.ip_network("64:ff9b:1::/48")


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """The IPv4 addresses an IPv6 address carries (mapped, compatible, translated, NAT64, 6to4, Teredo)."""
    found = [a for a in (ip.ipv4_mapped, ip.sixtofour) if a is not None]
    if any(ip in prefix for prefix in _EMBEDDING):
        found.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    if ip.teredo is not None:
        found.extend(ip.teredo)
    return found


def is_public_address(address: str) -> bool:
    """True when ``address`` and every IPv4 address it embeds are global unicast.

    Python's ``is_global`` judges ``64:ff9b::7f00:1`` (NAT64 of 127.0.0.1), ``2002:7f00:1::`` (6to4 of
    127.0.0.1) or ``::127.0.0.1`` by their IPv6 prefix alone and calls them global; a gateway on the way
    would deliver them to loopback or a private network.
    """
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone id
    if isinstance(ip, ipaddress.IPv6Address):
        if ip in _NAT64_LOCAL:
            return False
        embedded = _embedded_ipv4(ip)
        if ip.ipv4_mapped is not None:
            return all(a.is_global and not a.is_multicast for a in embedded)
        if embedded and not all(a.is_global and not a.is_multicast for a in embedded):
            return False
    return ip.is_global and not ip.is_multicast


class _PinnedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, host: str, address: str, port: int, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self._address = address

    def connect(self) -> None:
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, host: str, address: str, port: int, timeout: float) -> None:
        self._tls = ssl.create_default_context()
        super().__init__(host, port, timeout=timeout, context=self._tls)
        self._address = address

    def connect(self) -> None:
        raw = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._tls.wrap_socket(raw, server_hostname=self.host)  # certificate checked for host


def _resolve_public(host: str, port: int) -> str:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise ConfigError(f"cannot resolve {host!r}: {exc}") from exc
    addresses = [str(info[4][0]) for info in infos]
    if not addresses or not all(is_public_address(a) for a in addresses):
        raise PermissionDeniedError(f"refused to fetch from {host!r}: it is not a public address")
    return addresses[0]


def fetch_url(url: str, max_bytes: int) -> tuple[bytes, str]:
    """(body, content type) of a public http(s) URL, following at most three redirects."""
    for _ in range(MAX_REDIRECTS + 1):
        try:
            parts = urlsplit(url)
            explicit_port = parts.port
        except ValueError as exc:  # "Port out of range 0-65535", "Invalid IPv6 URL"...
            raise ConfigError(f"invalid URL: {exc}") from exc
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ConfigError("only http:// and https:// URLs with a host can be fetched")
        https = parts.scheme == "https"
        port = explicit_port or (443 if https else 80)
        address = _resolve_public(parts.hostname, port)
        cls = _PinnedHTTPSConnection if https else _PinnedHTTPConnection
        conn = cls(parts.hostname, address, port, TIMEOUT_SECONDS)
        response: http.client.HTTPResponse | None = None
        try:
            path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
            conn.request("GET", path, headers={"User-Agent": "childsafe", "Accept": "image/*, video/*"})
            response = conn.getresponse()
            if response.status in (301, 302, 303, 307, 308) and response.getheader("Location"):
                url = urljoin(url, response.getheader("Location") or "")
                continue
            if response.status != 200:
                raise ConfigError(f"fetching the URL failed: HTTP {response.status}")
            length = response.getheader("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise MediaTooLargeError(f"the URL's content ({length} bytes) exceeds {max_bytes} bytes")
            body = bytearray()
            while chunk := response.read(_CHUNK):
                body += chunk
                if len(body) > max_bytes:
                    raise MediaTooLargeError(f"the URL's content exceeds {max_bytes} bytes")
            return bytes(body), response.getheader("Content-Type") or ""
        except (OSError, http.client.HTTPException) as exc:
            raise ConfigError(f"fetching the URL failed: {exc.__class__.__name__}") from exc
        finally:
            if response is not None:
                response.close()  # else its file object keeps the socket open until collected
            conn.close()
    raise ConfigError(f"fetching the URL failed: more than {MAX_REDIRECTS} redirects")
