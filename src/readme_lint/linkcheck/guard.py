"""The safety guard: which URLs a link check may fetch, and which addresses it may reach.

``--check-links`` runs in CI on untrusted pull requests, so a README is hostile input:
a link to ``http://169.254.169.254/`` (cloud metadata), ``http://localhost:6379/`` or a
name whose DNS answer points into the runner's network must never be fetched. The guard
runs before every connection, including every redirect hop:

* only ``http`` and ``https``; malformed URLs are refused before any lookup;
* the host is resolved once, and refused if *any* of its addresses is not public —
  a name answering with one public and one private address is still refused, because
  the connection could go to either;
* the caller then connects to ``Target.address`` itself (no second lookup), so a name
  that answers differently the second time (DNS rebinding) gains nothing.

``allow_private=True`` lifts only the address check (the tests' loopback servers, an
intranet list); schemes and malformed URLs are refused all the same.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import SplitResult, urlsplit, urlunsplit

import idna

from readme_lint.linkcheck.verdict import FetchError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

#: ``resolver(host, port)`` -> the host's addresses as IP strings; raises
#: ``socket.gaierror`` when the name does not resolve (as ``socket.getaddrinfo`` does).
Resolver = Callable[[str, int], Sequence[str]]

SCHEMES = {"http": 80, "https": 443}

# Whitespace and control characters: urlsplit silently drops some of them (tab, newline)
# and browsers others, so a URL containing any is ambiguous; refuse it.
_UNSAFE_CHARS = re.compile(r"[\x00-\x20\x7f\s]")
# What an ASCII host name may contain: letters, digits, hyphens, dots; underscores occur
# in real DNS names. Anything else ('%', '!', '\\', ...) is a parsing trick or a typo.
_NAME_CHARS = re.compile(r"[a-z0-9_.-]+")
# A last label that is all digits or hexadecimal makes the host an IPv4 address to
# browsers and to inet_aton ("127.1", "0x7f.1", "2130706433"); only the canonical
# dotted quad is accepted, so what is checked is what everybody reads.
_NUMERIC_LABEL = re.compile(r"(?:0x[0-9a-f]*|[0-9]+)")

_CGNAT = ipaddress.ip_network("100.64.0.0/10")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_UNIQUE_LOCAL = ipaddress.ip_network("fc00::/7")
_METADATA = ipaddress.ip_address("169.254.169.254")
_BROADCAST = ipaddress.ip_address("255.255.255.255")
_RFC1918 = tuple(ipaddress.ip_network(n) for n in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"))


@dataclass(frozen=True)
class Target:
    """A URL the guard admitted, and where to connect for it."""

    url: str  # the URL with its host in ASCII (IDNA), as it is to be requested
    scheme: str  # "http" or "https"
    host: str  # ASCII, lower case, IPv6 without brackets: the TLS name and Host header
    port: int
    address: str  # the IP to connect to: the first of ``addresses``
    addresses: tuple[str, ...]  # every address the host resolved to, all checked


def system_resolver(host: str, port: int) -> list[str]:
    """The host's addresses from ``socket.getaddrinfo``, in its preference order."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    addresses: list[str] = []
    for _family, _type, _proto, _name, sockaddr in infos:
        address = str(sockaddr[0])
        if address not in addresses:
            addresses.append(address)
    return addresses


def admit(url: str, *, resolver: Resolver = system_resolver, allow_private: bool = False) -> Target:
    """Check ``url`` and resolve its host once; the ``Target`` to connect to.

    Raises ``FetchError`` with kind "malformed" (not a URL one can fetch), "blocked"
    (a scheme or an address the guard refuses) or "dns" (the name does not resolve).
    """
    parts = _split(url)
    scheme = parts.scheme.lower()
    host = _ascii_host(parts)
    port = _port(parts) or SCHEMES[scheme]
    literal = _ip_literal(host)
    addresses = [literal] if literal is not None else _resolve(resolver, host, port)
    if not allow_private:
        for address in addresses:
            reason = refusal(address)
            if reason is not None:
                where = "" if literal is not None else f"{host} resolves to "
                raise FetchError("blocked", f"{where}{address} ({reason})")
    return Target(
        url=_rebuild(parts, scheme, host),
        scheme=scheme,
        host=host,
        port=port,
        address=addresses[0],
        addresses=tuple(addresses),
    )


def refusal(address: str | IPAddress) -> str | None:
    """Why the guard refuses to connect to ``address``; None for a public address."""
    ip = ipaddress.ip_address(address) if isinstance(address, str) else address
    if isinstance(ip, ipaddress.IPv6Address):
        return _v6_refusal(ip)
    return _v4_refusal(ip)


# --- the URL ---------------------------------------------------------------------------


def _split(url: str) -> SplitResult:
    if _UNSAFE_CHARS.search(url):
        raise FetchError("malformed", f"{url!r}: contains whitespace or control characters")
    try:
        parts = urlsplit(url)
    except ValueError as exc:  # unbalanced IPv6 brackets and the like
        raise FetchError("malformed", f"{url}: {exc}") from None
    scheme = parts.scheme.lower()
    if not scheme:
        raise FetchError("malformed", f"{url}: no scheme (http:// or https://)")
    if scheme not in SCHEMES:
        raise FetchError("blocked", f"{url}: only http and https links are fetched, not {scheme}:")
    if "\\" in parts.netloc:
        # Browsers read '\' as '/', urlsplit does not: the two would disagree on the host.
        raise FetchError("malformed", f"{url}: backslash in the host part")
    if "@" in parts.netloc:
        # "https://github.com@evil.example/" goes to evil.example; credentials in a
        # README link are never needed for a liveness check either.
        raise FetchError("blocked", f"{url}: user name or password in the URL")
    if not parts.hostname:
        raise FetchError("malformed", f"{url}: no host")
    return parts


def _port(parts: SplitResult) -> int | None:
    try:
        port = parts.port
    except ValueError:  # not a number, or out of 0-65535
        raise FetchError("malformed", f"{parts.geturl()}: bad port") from None
    if port == 0:
        raise FetchError("malformed", f"{parts.geturl()}: port 0")
    return port


def _ascii_host(parts: SplitResult) -> str:
    """The host in ASCII: IDNA for a Unicode name, checked for stray characters."""
    host = parts.hostname or ""
    url = parts.geturl()
    if parts.netloc.rpartition("@")[2].startswith("["):
        try:  # a bracketed host must be an IPv6 literal
            return str(ipaddress.IPv6Address(host))
        except ValueError:
            raise FetchError("malformed", f"{url}: bad IPv6 address [{host}]") from None
    if not host.isascii():
        try:
            # UTS #46 mapping first (case, full-width forms), as browsers do.
            host = idna.encode(host, uts46=True).decode("ascii")
        except (idna.IDNAError, UnicodeError) as exc:
            raise FetchError("malformed", f"{url}: host cannot be encoded (IDNA): {exc}") from None
    host = host.lower()
    if not _NAME_CHARS.fullmatch(host) or ".." in host or host.startswith("."):
        raise FetchError("malformed", f"{url}: bad host {host!r}")
    if len(host.rstrip(".")) > 253 or any(len(label) > 63 for label in host.split(".")):
        raise FetchError("malformed", f"{url}: host name too long")
    last_label = host.rstrip(".").rpartition(".")[2]
    if _NUMERIC_LABEL.fullmatch(last_label) and not (_is_dotted_quad(host) or _numeric_ipv4(host)):
        raise FetchError("malformed", f"{url}: {host!r} is not a dotted-quad IPv4 address")
    return host


def _is_dotted_quad(host: str) -> bool:
    try:
        ipaddress.IPv4Address(host)
    except ValueError:
        return False
    return True


def _ip_literal(host: str) -> str | None:
    try:
        return str(ipaddress.ip_address(host))
    except ValueError:
        return _numeric_ipv4(host)


_NUMBER = re.compile(r"0[xX][0-9a-fA-F]*|0[0-7]*|[1-9][0-9]*")


def _numeric_ipv4(host: str) -> str | None:
    """A host a browser reads as an IPv4 address though it is no dotted quad (the URL
    standard's IPv4 parser): '127.1', '0x7f000001', '2130706433', '0177.0.0.1',
    '127.0.0.1.'. One verdict for every spelling of an address."""
    parts = host.removesuffix(".").split(".")
    if not 1 <= len(parts) <= 4 or not all(_NUMBER.fullmatch(p) for p in parts):
        return None
    numbers = [
        int(p[2:] or "0", 16) if p[:2].lower() == "0x" else int(p, 8 if p[:1] == "0" else 10)
        for p in parts
    ]
    *high, last = numbers
    if any(n > 255 for n in high) or last >= 256 ** (5 - len(numbers)):
        return None  # no address at all: the browser refuses the URL
    value = sum(n << (8 * (3 - k)) for k, n in enumerate(high)) + last
    return str(ipaddress.IPv4Address(value))


def _rebuild(parts: SplitResult, scheme: str, host: str) -> str:
    netloc = f"[{host}]" if ":" in host else host
    if parts.port is not None:
        netloc = f"{netloc}:{parts.port}"
    return urlunsplit((scheme, netloc, parts.path, parts.query, parts.fragment))


# --- the name --------------------------------------------------------------------------


def _resolve(resolver: Resolver, host: str, port: int) -> list[str]:
    try:
        answers = list(resolver(host, port))
    except socket.gaierror as exc:
        if exc.errno == socket.EAI_AGAIN:
            # The resolver could not answer now (no DNS server reachable): that says
            # nothing about the link, so it is not "the name does not resolve".
            raise FetchError(
                "timeout", f"{host}: DNS lookup failed for now ({exc.strerror})"
            ) from None
        raise FetchError("dns", f"{host}: name does not resolve ({exc.strerror})") from None
    except UnicodeError:  # e.g. a label longer than 63 characters, caught by the codec
        raise FetchError("malformed", f"{host}: not a valid host name") from None
    except OSError as exc:
        raise FetchError("dns", f"{host}: lookup failed ({exc})") from None
    if not answers:
        raise FetchError("dns", f"{host}: name has no address")
    addresses: list[str] = []
    for answer in answers:
        try:
            addresses.append(str(ipaddress.ip_address(answer)))
        except ValueError:
            raise FetchError("dns", f"{host}: resolver answered {answer!r}, not an IP") from None
    return addresses


# --- the addresses ---------------------------------------------------------------------


def _v4_refusal(ip: ipaddress.IPv4Address) -> str | None:
    if ip.is_unspecified:
        return "unspecified address"
    if ip.is_loopback:
        return "loopback address"
    if ip == _METADATA:
        return "link-local address (cloud metadata service)"
    if ip.is_link_local:
        return "link-local address"
    if ip.is_multicast:
        return "multicast address"
    if ip == _BROADCAST:
        return "broadcast address"
    if ip in _CGNAT:
        return "shared address space (carrier-grade NAT, 100.64.0.0/10)"
    if any(ip in net for net in _RFC1918):
        return "private address"
    if ip.is_reserved:
        return "reserved address"
    if not ip.is_global:
        return "special-purpose address, not publicly routed"
    return None


def _v6_refusal(ip: ipaddress.IPv6Address) -> str | None:
    embedded = _embedded_v4(ip)
    if embedded is not None:
        # IPv4-mapped, NAT64 and 6to4 addresses reach the IPv4 address inside them: judge
        # that one (a DNS64 network answers 64:ff9b::a.b.c.d for every public IPv4 site).
        kind, v4 = embedded
        inner = _v4_refusal(v4)
        return None if inner is None else f"{kind} form of {v4}: {inner}"
    if ip.teredo is not None:
        return f"Teredo tunnel address (to {ip.teredo[1]})"
    if ip.is_unspecified:
        return "unspecified address"
    if ip.is_loopback:
        return "loopback address"
    if ip.is_link_local:
        return "link-local address"
    if ip.is_site_local:
        return "site-local address"
    if ip in _UNIQUE_LOCAL:
        return "private address (unique local)"
    if ip.is_multicast:
        return "multicast address"
    if ip.is_reserved:
        return "reserved address"
    if not ip.is_global:
        return "special-purpose address, not publicly routed"
    return None


def _embedded_v4(ip: ipaddress.IPv6Address) -> tuple[str, ipaddress.IPv4Address] | None:
    if ip.ipv4_mapped is not None:
        return "IPv4-mapped", ip.ipv4_mapped
    if ip in _NAT64:
        return "NAT64", ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    if ip.sixtofour is not None:
        return "6to4", ip.sixtofour
    return None
