"""A farm of fake web sites on loopback for bench/links.py (a separate process).

    python bench/linkfarm.py SPEC.json

SPEC is ``{"sites": [SITE, ...]}``; each SITE is ``{"name", "kind", "hosts": [IP, ...],
...}`` and listens on every one of its ``hosts`` (all in 127.0.0.0/8) on one port
(``"port": 0`` picks a free one). Kinds:

* ``plain``: answers after ``delay`` seconds; 404 for a path in ``dead``, else 200;
* ``github``: as ``plain``, but past ``limit`` requests in any one second it answers
  429 with ``Retry-After: retry_after``, and so it does to every request until that
  pause has passed (GitHub's secondary rate limit, as a client that ignores it sees it);
* ``arxiv``: pages (``/abs/ID``, ``/pdf/ID``) and the API (``/api/query?id_list=...``);
  any request less than ``gap`` seconds after the previous one gets 429 with
  ``Retry-After: retry_after``. ``papers`` maps each known id to its title; the API
  answers an Atom feed with an entry per known id (unknown ids are left out, as arXiv
  does), pages 404 for unknown ids.

When every site listens it prints one JSON line: ``{"control": URL, "sites": {name:
port}}``. The control URL answers ``GET /stats`` (per site and host: requests by
status and method, connections, arrival times, most requests in flight at once, the
farm's CPU seconds) and ``POST /reset`` (clears the statistics and the rate limits).
The farm runs one asyncio loop on one thread, so it costs one core at most; it ends
when its standard input closes.

A deliberately minimal HTTP/1.1 server: keep-alive, Content-Length bodies, no chunked
requests; enough for ``requests`` and readme-lint's client.
"""

from __future__ import annotations

import asyncio
import collections
import json
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit
from xml.sax.saxutils import escape

_REASONS = {200: "OK", 404: "Not Found", 429: "Too Many Requests", 400: "Bad Request"}
_PAGE = b"<!doctype html><html><head><title>page</title></head><body>a page</body></html>\n"
_ARXIV_ID = re.compile(r"^(\d{4}\.\d{4,5}|[a-z-]+/\d{7})(?:v\d+)?(?:\.pdf)?$")


@dataclass
class Stats:
    requests: int = 0
    connections: int = 0
    in_flight: int = 0
    max_in_flight: int = 0
    statuses: collections.Counter[int] = field(default_factory=collections.Counter)
    methods: collections.Counter[str] = field(default_factory=collections.Counter)
    arrivals: list[float] = field(default_factory=list)  # farm clock (monotonic) seconds
    answers: list[str] = field(default_factory=list)  # "METHOD STATUS" of each, in order
    api_requests: int = 0  # to /api/query, 429s included
    api_calls: int = 0  # answered (not 429)
    api_ids: int = 0  # ids asked for in those

    def as_json(self) -> dict[str, Any]:
        return {
            "requests": self.requests,
            "connections": self.connections,
            "max_in_flight": self.max_in_flight,
            "statuses": {str(k): v for k, v in self.statuses.items()},
            "methods": dict(self.methods),
            "arrivals": self.arrivals,
            "answers": self.answers,
            "api_requests": self.api_requests,
            "api_calls": self.api_calls,
            "api_ids": self.api_ids,
        }


class Site:
    """One fake site: what it answers, its rate limits and its statistics per host."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self.name: str = spec["name"]
        self.kind: str = spec["kind"]
        self.delay: float = float(spec.get("delay", 0.0))
        self.dead: set[str] = set(spec.get("dead", ()))
        self.limit: int = int(spec.get("limit", 10))
        self.gap: float = float(spec.get("gap", 3.0))
        self.retry_after: int = int(spec.get("retry_after", 5))
        self.papers: dict[str, str] = dict(spec.get("papers", {}))
        self.stats: dict[str, Stats] = {}
        self.reset()

    def reset(self) -> None:
        self.stats = {}
        self.recent: collections.deque[float] = collections.deque()
        self.last_arrival = -1e9
        self.paused_until = -1e9

    def host_stats(self, host: str) -> Stats:
        found = self.stats.get(host)
        if found is None:
            found = self.stats[host] = Stats()
        return found

    def respond(
        self, method: str, target: str, now: float, st: Stats
    ) -> tuple[int, dict[str, str], bytes, float]:
        """(status, extra headers, body, delay before answering) for one request."""
        path = unquote(urlsplit(target).path)
        if self.kind == "arxiv" and path.rstrip("/").endswith("/api/query"):
            st.api_requests += 1
        if self._rate_limited(now):
            return 429, {"Retry-After": str(self.retry_after)}, b"slow down\n", 0.0
        if self.kind == "arxiv":
            return self._arxiv(target, path, st)
        status = 404 if path in self.dead else 200
        return status, {}, _PAGE if status == 200 else b"not found\n", self.delay

    def _rate_limited(self, now: float) -> bool:
        if self.kind == "arxiv":
            too_soon = now - self.last_arrival < self.gap
            self.last_arrival = now
            return too_soon
        if self.kind == "github":
            self.recent.append(now)
            while self.recent and self.recent[0] <= now - 1.0:
                self.recent.popleft()
            if now < self.paused_until or len(self.recent) > self.limit:
                self.paused_until = max(self.paused_until, now + self.retry_after)
                return True
        return False

    def _arxiv(self, target: str, path: str, st: Stats) -> tuple[int, dict[str, str], bytes, float]:
        if path.rstrip("/").endswith("/api/query"):
            query = parse_qs(urlsplit(target).query)
            ids = [i for i in ",".join(query.get("id_list", [""])).split(",") if i]
            st.api_calls += 1
            st.api_ids += len(ids)
            body = _feed([(i, self.papers[i]) for i in ids if i in self.papers])
            return 200, {"Content-Type": "application/atom+xml; charset=utf-8"}, body, self.delay
        for prefix in ("/abs/", "/pdf/"):
            if path.startswith(prefix):
                match = _ARXIV_ID.match(path[len(prefix) :])
                if match and match.group(1) in self.papers:
                    return 200, {}, _PAGE, self.delay
        return 404, {}, b"not found\n", self.delay


def _feed(papers: list[tuple[str, str]]) -> bytes:
    entries = "".join(
        f"""
  <entry>
    <id>http://arxiv.org/abs/{i}v1</id>
    <updated>2021-01-02T00:00:00Z</updated>
    <published>2021-01-01T00:00:00Z</published>
    <title>{escape(title)}</title>
    <summary>We present results.</summary>
    <author><name>A. Author</name></author>
    <link href="http://arxiv.org/abs/{i}v1" rel="alternate" type="text/html"/>
    <arxiv:primary_category term="cs.LG" scheme="http://arxiv.org/schemas/atom"/>
  </entry>"""
        for i, title in papers
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">
  <title type="html">ArXiv Query: id_list</title>
  <id>http://arxiv.org/api/bench</id>
  <updated>2024-01-01T00:00:00-05:00</updated>
  <opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">{len(papers)}</opensearch:totalResults>{entries}
</feed>
""".encode()


async def _serve_http(
    site: Site, host: str, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
) -> None:
    loop = asyncio.get_running_loop()
    st = site.host_stats(host)
    st.connections += 1
    try:
        while True:
            try:
                head = await reader.readuntil(b"\r\n\r\n")
            except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError):
                return
            lines = head.decode("latin-1").split("\r\n")
            try:
                method, target, version = lines[0].split(" ", 2)
            except ValueError:
                return
            headers = {}
            for line in lines[1:]:
                name, _, value = line.partition(":")
                if name:
                    headers[name.strip().lower()] = value.strip()
            length = int(headers.get("content-length") or 0)
            if length:
                await reader.readexactly(length)
            now = loop.time()
            st.requests += 1
            st.arrivals.append(now)
            st.methods[method] += 1
            status, extra, body, delay = site.respond(method, target, now, st)
            st.statuses[status] += 1
            st.answers.append(f"{method} {status}")
            st.in_flight += 1
            st.max_in_flight = max(st.max_in_flight, st.in_flight)
            try:
                if delay:
                    await asyncio.sleep(delay)
            finally:
                st.in_flight -= 1
            close = headers.get("connection", "").lower() == "close" or version == "HTTP/1.0"
            out = [
                f"HTTP/1.1 {status} {_REASONS.get(status, 'Status')}",
                f"Content-Length: {len(body)}",
            ]
            out += [f"{k}: {v}" for k, v in extra.items()]
            if "Content-Type" not in extra:
                out.append("Content-Type: text/html; charset=utf-8")
            if close:
                out.append("Connection: close")
            payload = ("\r\n".join(out) + "\r\n\r\n").encode("latin-1")
            writer.write(payload if method == "HEAD" else payload + body)
            await writer.drain()
            if close:
                return
    except (ConnectionError, asyncio.IncompleteReadError):
        return
    finally:
        writer.close()


async def _control(
    sites: dict[str, Site], reader: asyncio.StreamReader, writer: asyncio.StreamWriter
) -> None:
    try:
        head = await reader.readuntil(b"\r\n\r\n")
        method, target, _ = head.decode("latin-1").split("\r\n", 1)[0].split(" ", 2)
        if method == "POST" and target == "/reset":
            for site in sites.values():
                site.reset()
            body = b"{}"
        else:
            cpu = time.process_time()
            body = json.dumps(
                {
                    "cpu": cpu,
                    "clock": asyncio.get_running_loop().time(),
                    "sites": {
                        name: {host: s.as_json() for host, s in site.stats.items()}
                        for name, site in sites.items()
                    },
                }
            ).encode()
        writer.write(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
            + f"Content-Length: {len(body)}\r\n\r\n".encode()
            + body
        )
        await writer.drain()
    finally:
        writer.close()


async def _main(spec: dict[str, Any]) -> None:
    loop = asyncio.get_running_loop()
    sites: dict[str, Site] = {}
    ports: dict[str, int] = {}
    servers = []
    for item in spec["sites"]:
        site = Site(item)
        sites[site.name] = site
        port = int(item.get("port", 0))
        for host in item["hosts"]:
            if not host.startswith("127."):
                raise SystemExit(f"{host}: the farm listens on 127.0.0.0/8 only")

            def factory(
                r: asyncio.StreamReader, w: asyncio.StreamWriter, s: Site = site, h: str = host
            ) -> Any:
                return _serve_http(s, h, r, w)

            server = await asyncio.start_server(
                factory, host, port, backlog=1024, reuse_address=True
            )
            port = server.sockets[0].getsockname()[1]  # the rest of the hosts: the same port
            servers.append(server)
        ports[site.name] = port
    control = await asyncio.start_server(lambda r, w: _control(sites, r, w), "127.0.0.1", 0)
    control_port = control.sockets[0].getsockname()[1]
    print(json.dumps({"control": f"http://127.0.0.1:{control_port}", "sites": ports}), flush=True)
    # Run until the driver closes our standard input.
    await loop.run_in_executor(None, sys.stdin.read)


def main() -> int:
    spec = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    asyncio.run(_main(spec))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
