"""The transport: one guarded request chain, on ``requests``: ``HttpClient.fetch`` and
``HttpClient.check`` (whose answers readme_lint.linkcheck.policy judges).

What makes it safe to point at a README from an untrusted pull request:

* Every hop (the first request and each redirect) is admitted by ``guard.admit`` first,
  and redirects are followed here, by hand, never by ``requests``.
* The connection goes to the address the guard checked: the request carries that IP to
  a ``requests`` adapter which asks urllib3 for a pool *for the IP*, with the host name
  as the TLS server name and the name the certificate must match. Each name is resolved
  once per chain, so DNS rebinding (a public answer for the check, a private one for the
  connection) has no second lookup to exploit. As a last line, every socket opened
  during a guarded send must have the admitted peer address, or it is closed unused.
* A chain has a wall-clock deadline. ``requests``' read timeout bounds each socket read,
  so a server that drips a byte a second never trips it; a watchdog shuts down the
  chain's sockets when the deadline passes, which ends any read blocked on them.
* Bodies are streamed and at most ``max_bytes`` are read; proxies from the environment
  are ignored unless asked for (``use_proxy_env``).
"""

from __future__ import annotations

import contextlib
import heapq
import http.client
import ipaddress
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import urldefrag, urljoin

import requests
import urllib3
from requests.adapters import HTTPAdapter
from requests.cookies import RequestsCookieJar, extract_cookies_to_jar
from requests.structures import CaseInsensitiveDict
from requests.utils import get_environ_proxies, requote_uri, select_proxy
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import (
    ConnectTimeoutError,
    LocationValueError,
    NewConnectionError,
    ReadTimeoutError,
)
from urllib3.util.ssl_match_hostname import CertificateError as HostnameMismatch

from readme_lint.linkcheck.guard import SCHEMES, Resolver, Target, admit, system_resolver
from readme_lint.linkcheck.policy import Answer, head_refused, judge
from readme_lint.linkcheck.verdict import (
    Done,
    Fetch,
    FetchError,
    FetchResult,
    RetryLater,
    Verdict,
)

if TYPE_CHECKING:
    from urllib3.response import BaseHTTPResponse

MAX_REDIRECTS = 10
CHECK_BODY_BYTES = 64 * 1024  # what check() reads of a GET body, at most
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_CHUNK = 64 * 1024
# Only the host they were meant for gets these from a caller's headers.
_CREDENTIALS = ("authorization", "proxy-authorization", "cookie")
# Exceptions a send or a body read may end with; anything else is a bug and propagates.
_TRANSPORT_ERRORS = (
    requests.RequestException,
    urllib3.exceptions.HTTPError,
    http.client.HTTPException,
    OSError,
)

Headers = Mapping[str, str]

# The stubs leave it untyped: (jar, request, urllib3 response) -> None.
_extract_cookies = cast(Callable[[RequestsCookieJar, Any, Any], None], extract_cookies_to_jar)


def _no_headers(host: str) -> Headers:
    return {}


class HttpClient:
    """Guarded HTTP for link checks; one per run, safe to share between threads.

    ``user_agent``: an honest User-Agent naming the project. ``headers_for(host)``: extra
    headers for one host (API tokens); sent only to that host, never put in evidence.
    ``allow_private``: reach loopback and private addresses (tests, intranet lists).
    ``use_proxy_env``: go through the proxy that HTTP(S)_PROXY / NO_PROXY name; the
    proxy then makes the connection, so the address is not pinned (the guard still
    checks the name's addresses here first).
    ``resolver``: ``guard.system_resolver`` unless a test stubs it.
    ``connect_timeout`` / ``read_timeout``: per connection attempt and per socket read;
    each request's ``timeout`` bounds the whole chain on top of them.
    ``verify``: True, or the path of a CA bundle to trust instead of the default one.
    """

    def __init__(
        self,
        user_agent: str,
        *,
        headers_for: Callable[[str], Headers] = _no_headers,
        allow_private: bool = False,
        use_proxy_env: bool = False,
        resolver: Resolver = system_resolver,
        connect_timeout: float = 5.0,
        read_timeout: float = 10.0,
        verify: bool | str = True,
        remap: Callable[[str], str] = str,
    ) -> None:
        if not hasattr(HTTPAdapter, "build_connection_pool_key_attributes"):
            # Older requests never consult the hook that pins the address.
            raise RuntimeError("link checking needs requests >= 2.32.2")
        self._user_agent = user_agent
        self._headers_for = headers_for
        self._allow_private = allow_private
        self._use_proxy_env = use_proxy_env
        self._resolver = resolver
        self._connect_timeout = connect_timeout
        self._read_timeout = read_timeout
        self._verify = verify
        # --remap applies to every hop: a mirror redirecting to the public address it
        # stands for is followed to the mirror's copy, not out to the real host.
        self._remap = remap
        self._adapter = _PinnedAdapter(pool_connections=32, pool_maxsize=8, max_retries=0)
        # Requests that went out (after the guard admitted them), for the run's summary.
        self.requests_sent = 0
        self._count_lock = threading.Lock()

    def close(self) -> None:
        self._adapter.close()

    def __enter__(self) -> HttpClient:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # --- fetch -------------------------------------------------------------------------

    def fetch(
        self,
        method: str,
        url: str,
        *,
        headers: Mapping[str, str] | None = None,
        body: bytes | None = None,
        max_bytes: int = 1 << 20,
        timeout: float = 30.0,
    ) -> FetchResult:
        """One request, redirects followed (each hop guarded); the ``Fetch`` protocol.

        Reads at most ``max_bytes`` of the body; ``timeout`` bounds the whole chain.
        Raises ``FetchError`` when there is no complete HTTP answer.
        """
        with _Chain(timeout, self._resolver) as chain:
            answer = self._follow(chain, method.upper(), url, headers or {}, body, max_bytes)
        return answer.result

    # --- check -------------------------------------------------------------------------

    def check(self, url: str, attempt: int, *, timeout: float = 20.0) -> Done[Verdict] | RetryLater:
        """Whether ``url`` is alive: HEAD, then GET if HEAD is refused; ``attempt`` is 1-based.

        A link is called BROKEN only on a second attempt (``attempt >= 2``): the first
        404, 410 or failed lookup asks for a second look a moment later, so one hiccup
        of a server or resolver never fails a pull request.
        """
        with _Chain(timeout, self._resolver) as chain:
            answer = self._probe(chain, url, attempt)
        return judge(answer, attempt)

    def _probe(self, chain: _Chain, url: str, attempt: int = 2) -> Answer | FetchError:
        head = self._attempt(chain, "HEAD", url)
        if isinstance(head, Answer) and not head_refused(head.result.status):
            return head
        if isinstance(head, Answer) and head.result.status in (404, 410) and attempt < 2:
            return head  # the second look, paced by the scheduler, tries GET too
        if isinstance(head, FetchError) and (
            head.kind not in ("connect", "timeout") or chain.expired()
        ):
            return head  # the same for a GET: a name, the guard, TLS, redirects
        # Many servers refuse HEAD (405, 501, 403, even 404) or drop it unanswered.
        get = self._attempt(chain, "GET", url)
        if isinstance(get, FetchError) and isinstance(head, Answer):
            return head  # HEAD's answer says more than GET's silence
        return get

    def _attempt(self, chain: _Chain, method: str, url: str) -> Answer | FetchError:
        try:
            return self._follow(chain, method, url, {}, None, CHECK_BODY_BYTES, partial_ok=True)
        except FetchError as exc:
            return exc

    # --- the chain ---------------------------------------------------------------------

    def _follow(
        self,
        chain: _Chain,
        method: str,
        url: str,
        headers: Headers,
        body: bytes | None,
        max_bytes: int,
        *,
        partial_ok: bool = False,
    ) -> Answer:
        """Request ``url``, following redirects by hand; every hop is admitted first."""
        start = url
        origin: Target | None = None
        redirects: list[int] = []
        requested: set[tuple[str, str, frozenset[tuple[str, ...]]]] = set()
        while True:
            target = admit(url, resolver=chain.resolve, allow_private=self._allow_private)
            origin = origin or target
            # A redirect back to a URL already requested, with the same cookies, would
            # get the same answer: a loop. (With new cookies it is a cookie check.)
            key = (method, urldefrag(target.url)[0], chain.cookie_state())
            if key in requested:
                raise FetchError("too-many-redirects", f"redirect loop: back to {target.url}")
            requested.add(key)
            sent = headers if _same_origin(origin, target) else _without_credentials(headers)
            response = self._exchange(chain, target, method, sent, body)
            location = _location(response)
            if location is None:
                result = _result(chain, target, response, max_bytes, partial_ok)
                return Answer(result, redirects[0] if redirects else None)
            _discard(response)
            redirects.append(response.status_code)
            if len(redirects) > MAX_REDIRECTS:
                raise FetchError(
                    "too-many-redirects", f"more than {MAX_REDIRECTS} redirects from {start}"
                )
            method, body = _redirected(response.status_code, method, body)
            url = self._remap(_next_url(target.url, location))

    def _exchange(
        self, chain: _Chain, target: Target, method: str, headers: Headers, body: bytes | None
    ) -> requests.Response:
        """Send one request to the target, trying its next address if one is unreachable."""
        proxies = self._proxies(target.url)
        # Through a proxy the proxy connects; it gets the name, not an address.
        addresses: Sequence[str | None] = [None] if proxies else target.addresses
        for address in addresses[:-1]:
            try:
                return self._send(chain, target, address, method, headers, body, proxies)
            except _NoConnection:
                continue
        return self._send(chain, target, addresses[-1], method, headers, body, proxies)

    def _send(
        self,
        chain: _Chain,
        target: Target,
        address: str | None,
        method: str,
        headers: Headers,
        body: bytes | None,
        proxies: dict[str, str],
    ) -> requests.Response:
        request = _PinnedRequest(target, address)
        try:
            request.prepare(
                method=method,
                url=target.url,
                headers=self._headers(target, headers),
                data=body,
                cookies=chain.jar,
            )
        except (requests.RequestException, ValueError) as exc:
            raise FetchError("malformed", f"{target.url}: {exc}") from None
        # urllib3 would name the IP it connects to; the server wants the name.
        request.headers["Host"] = _host_header(target)
        with self._count_lock:
            self.requests_sent += 1
        _local.hop = _Hop(chain.watch, address)
        try:
            response = self._adapter.send(
                request,
                stream=True,
                timeout=chain.timeouts(self._connect_timeout, self._read_timeout, target.url),
                verify=self._verify,
                proxies=proxies,
            )
        except _PinViolation as exc:
            raise FetchError("blocked", f"{exc} ({target.url})") from None
        except _TRANSPORT_ERRORS as exc:
            raise _failure(exc, chain, target.url) from None
        finally:
            _local.hop = None
        if chain.watch.fired:
            # http.client takes the end of the stream for the end of the headers, so
            # headers cut off by the watchdog can look like a whole answer.
            _discard(response)
            raise chain.out_of_time(target.url)
        if getattr(getattr(response.raw, "_original_response", None), "headers_cut", False):
            _discard(response)
            raise FetchError(
                "connect", f"connection closed in the middle of the answer's headers ({target.url})"
            )
        _extract_cookies(chain.jar, request, response.raw)
        return response

    def _headers(self, target: Target, caller: Headers) -> CaseInsensitiveDict[str]:
        merged: CaseInsensitiveDict[str] = CaseInsensitiveDict(
            {"User-Agent": self._user_agent, "Accept": "*/*", "Accept-Encoding": "gzip, deflate"}
        )
        merged.update(self._headers_for(target.host))
        merged.update(caller)
        return merged

    def _proxies(self, url: str) -> dict[str, str]:
        if not self._use_proxy_env:
            return {}
        proxies = get_environ_proxies(url)
        return proxies if select_proxy(url, proxies) else {}


# --- what a chain shares: deadline, watchdog, names, cookies -----------------------------


class _Chain:
    """One request chain (a fetch, or a check's HEAD and GET): its deadline and state."""

    def __init__(self, timeout: float, resolver: Resolver) -> None:
        self.timeout = timeout
        self.deadline = time.monotonic() + timeout
        self.watch = _Watch(timeout)
        self.jar = RequestsCookieJar()
        self._resolver = resolver
        self._addresses: dict[str, Sequence[str]] = {}

    def __enter__(self) -> _Chain:
        return self

    def __exit__(self, *exc: object) -> None:
        self.watch.close()

    def resolve(self, host: str, port: int) -> Sequence[str]:
        # Once per host per chain: a name that answers differently the next time
        # (DNS rebinding) cannot swap the address the guard checked for another.
        if host not in self._addresses:
            self._addresses[host] = list(self._resolver(host, port))
        return self._addresses[host]

    def expired(self) -> bool:
        return self.watch.fired or time.monotonic() >= self.deadline

    def timeouts(self, connect: float, read: float, url: str) -> tuple[float, float]:
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise self.out_of_time(url)
        return min(connect, left), min(read, left)

    def out_of_time(self, url: str) -> FetchError:
        return FetchError(
            "timeout", f"timed out: no complete answer within {self.timeout:g} s ({url})"
        )

    def cookie_state(self) -> frozenset[tuple[str, ...]]:
        return frozenset((c.domain, c.path, c.name, c.value or "") for c in self.jar)


class _Watchdog:
    """One thread for every chain's deadline (a threading.Timer per chain costs a thread
    start and exit per request)."""

    def __init__(self) -> None:
        self._cv = threading.Condition()
        self._heap: list[tuple[float, int, _Watch]] = []
        self._count = 0
        self._thread: threading.Thread | None = None

    def add(self, when: float, watch: _Watch) -> None:
        with self._cv:
            self._count += 1
            heapq.heappush(self._heap, (when, self._count, watch))
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._loop, name="linkcheck-watchdog", daemon=True
                )
                self._thread.start()
            if self._heap[0][2] is watch:
                self._cv.notify()

    def _loop(self) -> None:
        while True:
            with self._cv:
                while True:
                    while self._heap and self._heap[0][2].closed:
                        heapq.heappop(self._heap)
                    now = time.monotonic()
                    if self._heap and self._heap[0][0] <= now:
                        watch = heapq.heappop(self._heap)[2]
                        break
                    self._cv.wait(None if not self._heap else self._heap[0][0] - now)
            watch.fire()


_WATCHDOG = _Watchdog()


class _Watch:
    """The chain's deadline as a watchdog: when it passes, the chain's sockets are shut
    down, which ends a read blocked on a server that sends slowly or not at all.

    It holds duplicates of the sockets' descriptors: shutdown acts on the socket, not the
    descriptor, and a duplicate survives the TLS wrapper detaching the original.
    """

    def __init__(self, seconds: float) -> None:
        self.fired = False
        self.closed = False
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        _WATCHDOG.add(time.monotonic() + max(seconds, 0.0), self)

    def add(self, sock: socket.socket) -> None:
        try:
            dup = socket.socket(fileno=socket.dup(sock.fileno()))
        except OSError:
            return  # already closed: nothing left to interrupt
        with self._lock:
            if not self.closed:
                self._sockets.append(dup)
                if self.fired:
                    _shutdown(dup)
                return
        dup.close()

    def close(self) -> None:
        with self._lock:
            self.closed = True
            sockets, self._sockets = self._sockets, []
        for sock in sockets:
            sock.close()

    def fire(self) -> None:
        with self._lock:
            if self.closed:
                return
            self.fired = True
            for sock in self._sockets:
                _shutdown(sock)


def _shutdown(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):  # not connected any more
        sock.shutdown(socket.SHUT_RDWR)


# --- the adapter: connect to the admitted address ------------------------------------


@dataclass
class _Hop:
    """What the connections opened during one guarded send must respect."""

    watch: _Watch
    address: str | None  # the admitted IP; None when a proxy connects for us


class _Local(threading.local):
    hop: _Hop | None = None


_local = _Local()


class _PinViolation(Exception):
    """A socket reached another address than the guard admitted (never expected)."""


class _LastLine:
    """The socket file while the status line and headers are read: keeps the last line,
    so that headers ended by the connection closing (no blank line) are told apart."""

    def __init__(self, fp: Any) -> None:
        self._fp = fp
        self.last = b"\r\n"

    def readline(self, limit: int = -1) -> bytes:
        self.last = self._fp.readline(limit)
        return self.last

    def __getattr__(self, name: str) -> Any:
        return getattr(self._fp, name)


class _WholeHeaders(http.client.HTTPResponse):
    """A response that knows whether its headers ended with the blank line HTTP ends them
    with: http.client takes the end of the stream for it, so an answer cut off in its
    headers would pass for a whole one."""

    headers_cut = False

    def begin(self) -> None:
        if self.headers is not None:
            return
        fp = self.fp
        watch = _LastLine(fp)
        self.fp = watch
        try:
            super().begin()
        finally:
            if self.fp is watch:
                self.fp = fp
        self.headers_cut = watch.last == b""


class _WatchedHTTPConnection(HTTPConnection):
    """Registers its socket with the chain's watchdog and checks its peer address."""

    _watched_by: _Watch | None = None
    response_class = _WholeHeaders

    def _new_conn(self) -> socket.socket:
        sock = super()._new_conn()
        hop = _local.hop
        if hop is None:
            sock.close()
            raise _PinViolation("connection outside a guarded request")
        hop.watch.add(sock)
        self._watched_by = hop.watch
        if hop.address is not None:
            peer = str(sock.getpeername()[0])
            if ipaddress.ip_address(peer) != ipaddress.ip_address(hop.address):
                sock.close()
                raise _PinViolation(f"connected to {peer}, not the admitted {hop.address}")
        return sock

    def request(self, *args: Any, **kwargs: Any) -> None:
        # A kept-alive connection joins the watch of the chain that reuses it.
        hop = _local.hop
        if hop is not None and self.sock is not None and self._watched_by is not hop.watch:
            hop.watch.add(self.sock)
            self._watched_by = hop.watch
        super().request(*args, **kwargs)


class _WatchedHTTPSConnection(HTTPSConnection, _WatchedHTTPConnection):
    """HTTPS with the same hooks (HTTPSConnection.connect calls ``_new_conn``)."""


class _HTTPPool(HTTPConnectionPool):
    ConnectionCls = _WatchedHTTPConnection


class _HTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPSConnection


_POOLS: dict[str, type[HTTPConnectionPool]] = {"http": _HTTPPool, "https": _HTTPSPool}


class _PinnedRequest(requests.PreparedRequest):
    """A prepared request that carries the address the guard admitted for its host."""

    def __init__(self, target: Target, address: str | None) -> None:
        super().__init__()
        self.target = target
        self.address = address


class _PinnedAdapter(HTTPAdapter):
    """Asks urllib3 for a pool for the admitted IP, with the host name for TLS.

    The pool key holds the IP, the TLS server name (SNI) and the name the certificate
    must match, so kept-alive connections are only reused for the same name and IP.
    """

    def init_poolmanager(
        self, connections: int, maxsize: int, block: bool = False, **pool_kwargs: Any
    ) -> None:
        super().init_poolmanager(connections, maxsize, block, **pool_kwargs)
        self.poolmanager.pool_classes_by_scheme = _POOLS

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        if isinstance(manager, urllib3.ProxyManager):  # SOCKS managers keep their own
            manager.pool_classes_by_scheme = _POOLS
        return manager

    def build_connection_pool_key_attributes(
        self, request: requests.PreparedRequest, verify: bool | str, cert: Any = None
    ) -> Any:
        host_params, pool_kwargs = super().build_connection_pool_key_attributes(
            request, verify, cert
        )
        if isinstance(request, _PinnedRequest) and request.address is not None:
            host_params["host"] = request.address
            if host_params["scheme"] == "https":
                tls = cast("dict[str, Any]", pool_kwargs)
                tls["server_hostname"] = request.target.host
                tls["assert_hostname"] = request.target.host
        return host_params, pool_kwargs


# --- one response ----------------------------------------------------------------------


def _location(response: requests.Response) -> str | None:
    if response.status_code not in _REDIRECTS:
        return None
    location = response.headers.get("Location")
    if not location:
        return None
    try:  # http.client decodes header bytes as Latin-1; servers mean UTF-8
        return location.encode("latin-1").decode("utf-8")
    except UnicodeError:
        return location


def _next_url(current: str, location: str) -> str:
    """Where a redirect goes; a fragment of the link carries over (RFC 9110 10.2.2),
    so a moved link's new URL still points at the same section."""
    try:
        url = requote_uri(urljoin(current, location))
    except ValueError as exc:  # 'http://[::1' and the like: any site can send one
        raise FetchError(
            "bad-redirect", f"unusable redirect Location {location!r}: {exc}"
        ) from None
    fragment = urldefrag(current)[1]
    if fragment and "#" not in location:
        url = f"{url}#{fragment}"
    return url


def _same_origin(origin: Target, target: Target) -> bool:
    """Whether a caller's credentials may go on: the same host, and no step down to http."""
    downgrade = origin.scheme == "https" and target.scheme == "http"
    return target.host == origin.host and not downgrade


def _redirected(status: int, method: str, body: bytes | None) -> tuple[str, bytes | None]:
    """The method and body for the next hop (RFC 9110 15.4, as browsers do it)."""
    if status == 303 and method != "HEAD":
        return "GET", None
    if status in (301, 302) and method == "POST":
        return "GET", None
    return method, body


def _result(
    chain: _Chain, target: Target, response: requests.Response, max_bytes: int, partial_ok: bool
) -> FetchResult:
    raw = _raw(response)
    data = bytearray()
    complete = False
    try:
        complete = _read(raw, data, max_bytes, chain, target.url)
    except FetchError:
        if not partial_ok:
            raise
    except _TRANSPORT_ERRORS as exc:
        if not partial_ok:  # check() only needs the status, which it has
            raise _failure(exc, chain, target.url) from None
    finally:
        _release(raw, complete)
    return FetchResult(
        status=response.status_code,
        url=target.url,
        headers=CaseInsensitiveDict(response.headers),
        body=bytes(data),
    )


def _read(raw: BaseHTTPResponse, into: bytearray, max_bytes: int, chain: _Chain, url: str) -> bool:
    """Read at most ``max_bytes`` into ``into``; whether the body ended."""
    if max_bytes <= 0:
        return False
    for chunk in raw.stream(min(max_bytes, _CHUNK), decode_content=True):
        into += chunk[: max_bytes - len(into)]
        if chain.expired():
            break
        if len(into) >= max_bytes:
            return False
    if chain.expired():  # a body cut short by the watchdog can look complete
        raise chain.out_of_time(url)
    return True


def _release(raw: BaseHTTPResponse, complete: bool) -> None:
    """Return the connection to its pool: as it is after a whole body, else closed."""
    try:
        if not complete:
            raw.close()
        raw.release_conn()
    except _TRANSPORT_ERRORS:
        pass


def _discard(response: requests.Response) -> None:
    _release(_raw(response), complete=False)


def _raw(response: requests.Response) -> BaseHTTPResponse:
    return cast("BaseHTTPResponse", response.raw)


def _host_header(target: Target) -> str:
    host = f"[{target.host}]" if ":" in target.host else target.host
    return host if target.port == SCHEMES[target.scheme] else f"{host}:{target.port}"


def _without_credentials(headers: Headers) -> dict[str, str]:
    return {k: v for k, v in headers.items() if k.lower() not in _CREDENTIALS}


# --- failures --------------------------------------------------------------------------


class _NoConnection(FetchError):
    """No connection was made: the host's next address may still answer."""


def _failure(exc: BaseException, chain: _Chain, url: str) -> FetchError:
    """The ``FetchError`` for what went wrong in a send or a body read."""
    if chain.watch.fired:  # whatever the socket said after the watchdog shut it down
        return chain.out_of_time(url)
    causes = list(_causes(exc))
    tls = _tls_problem(causes)
    if tls is not None:
        return FetchError("tls", f"{tls} ({url})")
    if _has(causes, NewConnectionError):
        return _NoConnection("connect", f"cannot connect: {_os_reason(causes)} ({url})")
    if _has(causes, ConnectTimeoutError):
        return _NoConnection("timeout", f"timed out connecting ({url})")
    if _has(causes, ReadTimeoutError, TimeoutError, requests.Timeout):
        return FetchError("timeout", f"timed out waiting for the server ({url})")
    if _has(causes, ConnectionResetError):
        return FetchError("connect", f"connection reset by the server ({url})")
    if _has(causes, http.client.RemoteDisconnected):
        return FetchError("connect", f"connection closed without an answer ({url})")
    if _has(causes, LocationValueError, requests.exceptions.InvalidURL):
        return FetchError("malformed", f"{url}: {exc}")
    return FetchError("connect", f"{_os_reason(causes) or exc} ({url})")


def _causes(exc: BaseException) -> Iterator[BaseException]:
    """``exc`` and everything it wraps: causes, contexts, urllib3 reasons, args."""
    todo, seen = [exc], set()
    while todo:
        current = todo.pop(0)
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        wrapped = [current.__cause__, current.__context__, getattr(current, "reason", None)]
        wrapped += list(current.args)
        todo += [w for w in wrapped if isinstance(w, BaseException)]


def _has(causes: list[BaseException], *kinds: type[BaseException]) -> bool:
    return any(isinstance(c, kinds) for c in causes)


def _os_reason(causes: list[BaseException]) -> str:
    for cause in causes:
        if isinstance(cause, OSError) and cause.strerror:
            return cause.strerror.lower()
    return ""


def _tls_problem(causes: list[BaseException]) -> str | None:
    for cause in causes:
        if isinstance(cause, ssl.SSLCertVerificationError):
            return f"TLS certificate verify failed: {cause.verify_message}"
        if isinstance(cause, HostnameMismatch):
            return f"TLS certificate verify failed: {cause}"
    for cause in causes:
        if isinstance(cause, ssl.SSLError):
            return f"TLS handshake failed: {cause.reason or cause}"
    if _has(causes, urllib3.exceptions.SSLError, requests.exceptions.SSLError):
        return f"TLS failed: {causes[0]}"
    return None


if TYPE_CHECKING:

    def _fetch_conforms(client: HttpClient) -> Fetch:
        return client.fetch  # mypy checks HttpClient.fetch against the Fetch protocol
