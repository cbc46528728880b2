"""Real HTTP(S) servers on 127.0.0.1 for the link-check tests.

    with serve({"/": Reply(200, body=b"hi"), "/old": redirect("/")}) as server:
        client.fetch("GET", server.url + "/old")
        server.seen  # [Seen("GET", "/old", {...}), Seen("GET", "/", {...})]

A route is a ``Reply``, or a function of the request in progress (a ``Handler``: its
``command``, ``path``, ``headers``, ``wfile``, ``connection``, ``server_state``) that
returns a ``Reply`` or ``None`` when it wrote (or refused to write) the answer itself:
``drop``, ``reset``, ``hang``, ``drip_headers``, ``endless_body`` do that. Paths are
matched without their query; an unknown path answers 404.

``serve(routes, tls=ca)`` (a ``trustme.CA``) serves HTTPS with a certificate for
``localhost`` and ``127.0.0.1``; ``server.url`` is then ``https://localhost:PORT``.
Servers listen on port 0 (a free port) and stop when the ``with`` block ends; handlers
still waiting (``hang``, ``drip_headers``) are released then.
"""

from __future__ import annotations

import socket
import ssl
import struct
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

import trustme


@dataclass(frozen=True)
class Reply:
    status: int = 200
    headers: Mapping[str, str] = field(default_factory=dict)
    body: bytes = b""


@dataclass(frozen=True)
class Seen:
    """A request the server received (header names in lower case)."""

    method: str
    path: str  # without the query
    headers: dict[str, str]
    target: str  # the request target as sent: a path, or a whole URL to a proxy


@dataclass
class LocalServer:
    url: str  # "http://127.0.0.1:PORT" or "https://localhost:PORT", no trailing slash
    port: int
    seen: list[Seen] = field(default_factory=list)
    stopping: threading.Event = field(default_factory=threading.Event)
    counters: dict[str, int] = field(default_factory=dict)  # for routes to report into


Route = Reply | Callable[["Handler"], "Reply | None"]


def redirect(location: str, status: int = 301) -> Reply:
    return Reply(status, {"Location": location})


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as real servers do
    timeout = 10  # an idle kept-alive connection ends by itself
    routes: Mapping[str, Route] = {}
    server_state: LocalServer

    def do_GET(self) -> None:
        self._answer()

    do_HEAD = do_POST = do_PUT = do_DELETE = do_OPTIONS = do_GET

    def log_message(self, format: str, *args: Any) -> None:
        pass  # keep the test output clean

    def _answer(self) -> None:
        self._read_body()
        path = urlsplit(self.path).path
        headers = {k.lower(): v for k, v in self.headers.items()}
        self.server_state.seen.append(Seen(self.command, path, headers, self.path))
        route = self.routes.get(path, Reply(404, body=b"not here"))
        reply = route(self) if callable(route) else route
        if reply is not None:
            self.send(reply)

    def _read_body(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)

    def send(self, reply: Reply) -> None:
        """Write ``reply`` (headers only for HEAD)."""
        self.send_response(reply.status)
        for name, value in reply.headers.items():
            self.send_header(name, value)
        if not any(k.lower() == "content-length" for k in reply.headers):
            self.send_header("Content-Length", str(len(reply.body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(reply.body)


# --- routes that misbehave ---------------------------------------------------------------


def drop(handler: Handler) -> None:
    """Close the connection without a word."""
    handler.close_connection = True
    handler.connection.shutdown(socket.SHUT_RDWR)


def reset(handler: Handler) -> None:
    """Abort the connection: the client sees a TCP reset."""
    handler.close_connection = True
    handler.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    handler.connection.close()


def hang(handler: Handler) -> None:
    """Read the request, never answer (until the server stops: the ``with`` block ends).

    Not even after a while: a client that does not give up by itself waits for good, so
    a test that runs it under ``finishes`` fails instead of passing late."""
    handler.close_connection = True
    handler.server_state.stopping.wait()


def cut_headers(handler: Handler) -> None:
    """A status line and part of the headers, then the connection closes (no blank line)."""
    handler.close_connection = True
    handler.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/ht")
    handler.wfile.flush()
    handler.connection.shutdown(socket.SHUT_RDWR)


def drip_headers(handler: Handler, every: float = 0.1) -> None:
    """A status line, then one header line every ``every`` seconds, forever."""
    handler.close_connection = True
    try:
        handler.wfile.write(b"HTTP/1.1 200 OK\r\n")
        n = 0
        while not handler.server_state.stopping.wait(every):
            handler.wfile.write(b"X-Drip-%d: x\r\n" % n)
            n += 1
    except OSError:
        pass  # the client gave up: what the test wants


def endless_body(size: int, counter: str = "sent") -> Route:
    """A route answering 200 with a ``size``-byte body; the bytes it managed to write
    are counted in ``server_state.counters[counter]``, and ``counter + "-done"`` is set
    when it stopped writing."""

    def route(handler: Handler) -> None:
        state = handler.server_state
        state.counters[counter] = 0
        handler.close_connection = True
        handler.send_response(200)
        handler.send_header("Content-Length", str(size))
        handler.end_headers()
        if handler.command == "HEAD":
            return
        chunk = b"x" * 65536
        try:
            while state.counters[counter] < size and not state.stopping.is_set():
                handler.wfile.write(chunk)
                state.counters[counter] += len(chunk)
        except OSError:
            pass  # the client closed the connection
        state.counters[f"{counter}-done"] = 1

    return route


# --- the server ----------------------------------------------------------------------------


class _Server(ThreadingHTTPServer):
    daemon_threads = True  # a handler stuck on a client never holds up the test run
    tls: ssl.SSLContext | None = None

    def get_request(self) -> tuple[Any, Any]:
        sock, address = super().get_request()
        if self.tls is not None:
            # The handshake happens in the handler's thread, on its first read, so a
            # client that rejects the certificate only ends its own connection.
            sock = self.tls.wrap_socket(sock, server_side=True, do_handshake_on_connect=False)
        return sock, address

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # resets, broken pipes and refused certificates are what these tests do


@contextmanager
def serve(routes: Mapping[str, Route], *, tls: trustme.CA | None = None) -> Iterator[LocalServer]:
    handler = type("RouteHandler", (Handler,), {"routes": dict(routes)})
    server = _Server(("127.0.0.1", 0), handler)
    port = server.server_address[1]
    if tls is not None:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        tls.issue_cert("localhost", "127.0.0.1").configure_cert(context)
        server.tls = context
    state = LocalServer(f"{'https://localhost' if tls else 'http://127.0.0.1'}:{port}", port)
    handler.server_state = state
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    try:
        yield state
    finally:
        state.stopping.set()
        server.shutdown()
        server.server_close()
        thread.join(5)
