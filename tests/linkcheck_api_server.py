"""A local HTTP server (127.0.0.1 only) and a minimal real ``Fetch`` on ``requests``,
for the arXiv and GitHub API client tests. The production fetch (with the safety
guard) lives in readme_lint.linkcheck.http; this one is deliberately plain."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import requests

from readme_lint.linkcheck.verdict import FetchError, FetchResult


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes

    @property
    def query(self) -> dict[str, list[str]]:
        return parse_qs(urlsplit(self.path).query)


Answer = tuple[int, dict[str, str], bytes]


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that gave up (a timeout test) leaves a broken pipe: expected


@contextmanager
def local_server(respond: Callable[[Request], Answer]) -> Iterator[str]:
    """Serve ``respond`` on 127.0.0.1 (a free port) in a thread; yields the base URL."""

    class Handler(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            request = Request(self.command, self.path, dict(self.headers.items()), body)
            status, headers, payload = respond(request)
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        do_GET = do_POST = _answer

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = _QuietServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def requests_fetch(
    method: str,
    url: str,
    *,
    headers: Mapping[str, str] | None = None,
    body: bytes | None = None,
    max_bytes: int = 1 << 20,
    timeout: float = 30.0,
) -> FetchResult:
    """A plain GET/POST (no guard, no redirects), as the ``Fetch`` protocol asks."""
    with requests.Session() as session:
        session.trust_env = False  # no proxies from the environment: 127.0.0.1 directly
        try:
            answer = session.request(
                method,
                url,
                headers=dict(headers or {}),
                data=body,
                timeout=timeout,
                allow_redirects=False,
            )
            content = answer.content
        except requests.Timeout as exc:
            raise FetchError("timeout", str(exc)) from exc
        except requests.RequestException as exc:
            raise FetchError("connect", str(exc)) from exc
    return FetchResult(answer.status_code, answer.url, dict(answer.headers), content[:max_bytes])
