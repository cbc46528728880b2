"""The safety guard and the guarded HTTP client, against real servers on 127.0.0.1.

Every test runs with connections to anything but loopback refused inside the process
(``loopback_only``), so even a broken guard cannot send a packet off this machine.
"""

from __future__ import annotations

import email.utils
import ipaddress
import socket
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
import trustme
from requests.adapters import HTTPAdapter

from readme_lint.linkcheck import guard
from readme_lint.linkcheck.guard import Target, admit
from readme_lint.linkcheck.http import HttpClient, _PinnedAdapter
from readme_lint.linkcheck.verdict import Done, Fetch, FetchError, RetryLater, Status, Verdict
from tests.conftest import finishes
from tests.linkserver import (
    Handler,
    Reply,
    cut_headers,
    drip_headers,
    drop,
    endless_body,
    hang,
    redirect,
    reset,
    serve,
)

UA = "readme-lint/0.0-test (+https://example.invalid/readme-lint)"
# No test here asserts how long a request took. A test of a deadline makes sure nothing
# else can end the request (the server never gives up; read and connect timeouts are an
# hour when they could matter) and runs it under ``finishes``, which fails a call still
# running after a minute: a deadline that does not hold is a failure, not a hang.


# --- fixtures and helpers ----------------------------------------------------------------


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record every outgoing connect; refuse (before any packet) all but loopback."""
    attempts: list[str] = []
    real_connect = socket.socket.connect

    def connect(sock: socket.socket, address: Any) -> None:
        host = str(address[0])
        attempts.append(host)
        if not ipaddress.ip_address(host.split("%")[0]).is_loopback:
            raise ConnectionRefusedError(111, "Connection refused (test: not loopback)")
        real_connect(sock, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    return attempts


@pytest.fixture(autouse=True)
def no_proxy_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)


class StubResolver:
    """A resolver answering from a table, recording each question."""

    def __init__(self, table: dict[str, Sequence[str] | list[Sequence[str]]]) -> None:
        self.table = table
        self.calls: list[str] = []

    def __call__(self, host: str, port: int) -> list[str]:
        self.calls.append(host)
        answer = self.table.get(host)
        if answer is None:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        if answer and isinstance(answer[0], list):  # a different answer each time
            return list(answer[min(self.calls.count(host), len(answer)) - 1])
        return [str(a) for a in answer]


def public(*addresses: str) -> StubResolver:
    return StubResolver({"site.test": list(addresses)})


@pytest.fixture
def client() -> Iterator[HttpClient]:
    with HttpClient(UA, allow_private=True, connect_timeout=2, read_timeout=2) as c:
        yield c


def wait_for(condition: Callable[[], bool]) -> None:
    """Poll ``condition`` until it holds (under ``finishes``, which bounds the wait)."""
    while not condition():
        time.sleep(0.01)


def verdict(outcome: Done[Verdict] | RetryLater) -> Verdict:
    assert isinstance(outcome, Done), outcome
    return outcome.value


def retry(outcome: Done[Verdict] | RetryLater) -> RetryLater:
    assert isinstance(outcome, RetryLater), outcome
    return outcome


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# --- the guard: what is refused, before any connection ----------------------------------

REFUSED_ADDRESSES = [
    ("127.0.0.1", "loopback"),
    ("127.8.9.10", "loopback"),
    ("10.0.0.1", "private"),
    ("172.16.5.4", "private"),
    ("192.168.1.1", "private"),
    ("169.254.169.254", "metadata"),
    ("169.254.1.1", "link-local"),
    ("100.64.0.1", "carrier-grade NAT"),
    ("224.0.0.1", "multicast"),
    ("0.0.0.0", "unspecified"),
    ("255.255.255.255", "broadcast"),
    ("240.0.0.1", "reserved"),
    ("192.0.2.1", "not publicly routed"),
    ("::1", "loopback"),
    ("::", "unspecified"),
    ("fe80::1", "link-local"),
    ("fc00::1", "unique local"),
    ("fd12:3456::1", "unique local"),
    ("ff02::1", "multicast"),
    ("::ffff:127.0.0.1", "IPv4-mapped form of 127.0.0.1"),
    ("::ffff:10.1.2.3", "IPv4-mapped form of 10.1.2.3"),
    ("2002:7f00:1::", "6to4 form of 127.0.0.1"),
    ("2002:a9fe:a9fe::1", "6to4 form of 169.254.169.254"),
    ("64:ff9b::7f00:1", "NAT64 form of 127.0.0.1"),
    ("64:ff9b::a00:1", "NAT64 form of 10.0.0.1"),
    ("2001:0:4136:e378:8000:63bf:3fff:fdd2", "Teredo"),
    ("2001:db8::1", "not publicly routed"),
]


@pytest.mark.parametrize(("address", "reason"), REFUSED_ADDRESSES)
def test_guard_refuses_a_name_resolving_to_a_non_public_address(address: str, reason: str) -> None:
    with pytest.raises(FetchError) as caught:
        admit("https://site.test/paper", resolver=public(address))
    assert caught.value.kind == "blocked"
    assert address in str(caught.value) or str(ipaddress.ip_address(address)) in str(caught.value)
    assert reason in str(caught.value)


def test_guard_refuses_when_any_of_the_addresses_is_not_public() -> None:
    with pytest.raises(FetchError) as caught:
        admit("https://site.test/", resolver=public("93.184.216.34", "10.0.0.7"))
    assert caught.value.kind == "blocked"
    assert "10.0.0.7" in str(caught.value)


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://127.0.0.1:6379/",
        "http://10.1.2.3:8080/admin",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://[fe80::1]/",
        "http://100.64.0.1/",
        "http://0.0.0.0/",
        # Full-width digits: UTS #46 maps them to ASCII, so the literal is caught too.
        "http://\uff11\uff12\uff17.\uff10.\uff10.\uff11/",
        # Spellings a browser reads as 127.0.0.1 (the URL standard's IPv4 parser).
        "http://127.1/",
        "http://0x7f000001/",
        "http://2130706433/",
        "http://0177.0.0.1/",
        "http://127.0.0.1./",
        "http://0x7f.1/",
    ],
)
def test_guard_refuses_literal_ip_hosts_without_asking_the_resolver(url: str) -> None:
    resolver = StubResolver({})
    with pytest.raises(FetchError) as caught:
        admit(url, resolver=resolver)
    assert caught.value.kind == "blocked"
    assert resolver.calls == []


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "file:///etc/passwd",
        "data:text/html,<script>alert(1)</script>",
        "ftp://ftp.site.test/paper.pdf",
        "mailto:someone@site.test",
        "gopher://site.test/",
        "http://user:secret@site.test/",
        "https://github.com@site.test/",
    ],
)
def test_guard_refuses_schemes_and_credentials_even_when_private_addresses_are_allowed(
    url: str,
) -> None:
    for allow_private in (False, True):
        with pytest.raises(FetchError) as caught:
            admit(url, resolver=public("93.184.216.34"), allow_private=allow_private)
        assert caught.value.kind == "blocked"


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("http://site.test:99999/", "port"),
        ("http://site.test:0/", "port"),
        ("http://site.test:http/", "port"),
        ("http:///paper", "no host"),
        ("https://", "no host"),
        ("//site.test/paper", "no scheme"),
        ("site.test/paper", "no scheme"),
        ("http://site test/", "whitespace"),
        ("http://site.test/a paper.pdf", "whitespace"),
        ("http://site.test/\npath", "whitespace"),
        ("http://[::1/", "IPv6"),
        ("http://[not-an-ip]/", "IPv6"),
        # A numeric host no browser reads as an address (08 is no octal number).
        ("http://08.1.1.1/", "dotted-quad"),
        ("http://1.2.3.4.5/", "dotted-quad"),
        ("http://%6c%6fcalhost/", "bad host"),
        ("http://a..b/", "bad host"),
        ("http://site.test\\@other.test/", "backslash"),
        ("http://\u2603.net/", "IDNA"),
        ("http://" + "a" * 64 + ".test/", "too long"),
    ],
)
def test_guard_refuses_malformed_urls(url: str, why: str) -> None:
    resolver = StubResolver({})
    with pytest.raises(FetchError) as caught:
        admit(url, resolver=resolver, allow_private=True)
    assert caught.value.kind == "malformed", caught.value
    assert why in str(caught.value)
    assert resolver.calls == []


def test_guard_admits_a_public_name_and_says_where_to_connect() -> None:
    resolver = public("93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946")
    target = admit("HTTPS://Site.Test/Paper?x=1#frag", resolver=resolver)
    assert target == Target(
        url="https://site.test/Paper?x=1#frag",
        scheme="https",
        host="site.test",
        port=443,
        address="93.184.216.34",
        addresses=("93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"),
    )
    assert resolver.calls == ["site.test"]


@pytest.mark.parametrize(
    "address",
    ["8.8.8.8", "64:ff9b::808:808", "::ffff:8.8.8.8", "2002:808:808::1", "2606:4700::1111"],
)
def test_guard_admits_public_addresses_also_in_their_ipv6_forms(address: str) -> None:
    admitted = admit("http://site.test/", resolver=public(address)).address
    assert ipaddress.ip_address(admitted) == ipaddress.ip_address(address)


def test_guard_encodes_idn_hosts_before_resolving() -> None:
    resolver = StubResolver({"xn--bcher-kva.example": ["93.184.216.34"]})
    target = admit("https://B\u00fccher.example:8443/x", resolver=resolver)
    assert (target.host, target.port) == ("xn--bcher-kva.example", 8443)
    assert target.url == "https://xn--bcher-kva.example:8443/x"
    assert resolver.calls == ["xn--bcher-kva.example"]


def test_guard_allow_private_lifts_only_the_address_check() -> None:
    target = admit("http://site.test/", resolver=public("10.0.0.1"), allow_private=True)
    assert target.address == "10.0.0.1"


def test_guard_reports_a_name_that_does_not_resolve_as_dns() -> None:
    with pytest.raises(FetchError) as caught:
        admit("https://nowhere.test/", resolver=StubResolver({}))
    assert caught.value.kind == "dns"
    assert "nowhere.test" in str(caught.value)


def test_guard_reports_a_resolver_that_cannot_answer_now_as_a_timeout() -> None:
    def unreachable(host: str, port: int) -> list[str]:
        raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")

    with pytest.raises(FetchError) as caught:
        admit("https://site.test/", resolver=unreachable)
    assert caught.value.kind == "timeout"


REFUSED_URLS = [
    ("http://internal.test/", "blocked"),
    ("http://metadata.test/latest/meta-data/", "blocked"),
    ("http://rebound.test/", "blocked"),
    ("http://169.254.169.254/", "blocked"),
    ("http://[::ffff:127.0.0.1]:8080/", "blocked"),
    ("javascript:alert(1)", "blocked"),
    ("file:///etc/passwd", "blocked"),
    ("http://site.test:99999/", "malformed"),
    ("http://2130706433/", "blocked"),  # 127.0.0.1 to a browser
]
HOSTILE_DNS = {
    "internal.test": ["10.0.0.1"],
    "metadata.test": ["169.254.169.254"],
    "rebound.test": ["64:ff9b::7f00:1"],
}


@pytest.mark.parametrize(("url", "kind"), REFUSED_URLS)
def test_client_refuses_before_any_connection(
    url: str, kind: str, loopback_only: list[str]
) -> None:
    with HttpClient(UA, resolver=StubResolver(dict(HOSTILE_DNS))) as c:
        with pytest.raises(FetchError) as caught:
            c.fetch("GET", url)
        assert caught.value.kind == kind
        outcome = verdict(c.check(url, 1))
    assert outcome.status is (Status.BLOCKED if kind == "blocked" else Status.BROKEN)
    assert loopback_only == []  # not even a loopback connect


# --- statuses and redirects ---------------------------------------------------------------


def test_200_is_alive(client: HttpClient) -> None:
    with serve({"/paper": Reply(200, body=b"<html>")}) as server:
        outcome = verdict(client.check(server.url + "/paper", 1))
    assert (outcome.status, outcome.http_status, outcome.evidence) == (Status.ALIVE, 200, "200 OK")


@pytest.mark.parametrize(("status", "text"), [(404, "404 Not Found"), (410, "410 Gone")])
def test_404_and_410_are_broken_only_on_a_second_attempt(
    client: HttpClient, status: int, text: str
) -> None:
    with serve({"/gone": Reply(status)}) as server:
        first = retry(client.check(server.url + "/gone", 1))
        second = verdict(client.check(server.url + "/gone", 2))
    assert (first.pause_host, first.delay) == (False, pytest.approx(1.0))
    assert text in first.reason
    assert (second.status, second.http_status) == (Status.BROKEN, status)
    assert text in second.evidence


def test_a_301_chain_ending_in_200_is_moved_to_the_final_url(client: HttpClient) -> None:
    routes = {"/old": redirect("/middle", 301), "/middle": redirect("/new", 302), "/new": Reply()}
    with serve(routes) as server:
        outcome = verdict(client.check(server.url + "/old", 1))
    assert outcome.status is Status.MOVED
    assert outcome.final_url == server.url + "/new"
    assert outcome.evidence.startswith("301 -> " + server.url + "/new")


def test_308_is_moved(client: HttpClient) -> None:
    with serve({"/old": redirect("/new", 308), "/new": Reply()}) as server:
        outcome = verdict(client.check(server.url + "/old", 1))
    assert (outcome.status, outcome.final_url) == (Status.MOVED, server.url + "/new")


@pytest.mark.parametrize("status", [302, 303, 307])
def test_temporary_redirects_ending_in_200_are_alive(client: HttpClient, status: int) -> None:
    with serve({"/paper": redirect("/login?next=paper", status), "/login": Reply()}) as server:
        outcome = verdict(client.check(server.url + "/paper", 1))
    assert outcome.status is Status.ALIVE
    assert outcome.final_url is None
    assert server.url + "/login?next=paper" in outcome.evidence


def test_absolute_and_scheme_relative_locations_are_followed(client: HttpClient) -> None:
    with serve({"/b": redirect("/c", 302), "/c": Reply()}) as server:
        host = server.url.removeprefix("http:")
        routes = {"/a": redirect(server.url + "/b", 302)}
        with serve({**routes, "/z": redirect(host + "/b", 302)}) as front:
            assert verdict(client.check(front.url + "/a", 1)).status is Status.ALIVE
            assert client.fetch("GET", front.url + "/z").url == server.url + "/c"


def test_a_404_after_redirects_names_the_final_url(client: HttpClient) -> None:
    with serve({"/old": redirect("/missing")}) as server:
        outcome = verdict(client.check(server.url + "/old", 2))
    assert outcome.status is Status.BROKEN
    assert outcome.evidence == f"404 Not Found at {server.url}/missing"


def test_a_redirect_loop_is_reported_not_followed_forever(client: HttpClient) -> None:
    routes = {"/a": redirect("/b", 302), "/b": redirect("/a", 302)}
    with serve(routes) as server:
        with pytest.raises(FetchError) as caught:
            client.fetch("GET", server.url + "/a")
        outcome = verdict(client.check(server.url + "/a", 1))
        requests_made = len(server.seen)
    assert caught.value.kind == "too-many-redirects"
    assert "loop" in str(caught.value)
    assert outcome.status is Status.UNVERIFIABLE
    assert "loop" in outcome.evidence
    assert requests_made <= 6  # a, b for the fetch; a, b for HEAD (and GET)


@pytest.mark.parametrize("location", ["http://[::1", "http://[not-an-address]/x"])
def test_an_unusable_redirect_leaves_the_link_unverified(client: HttpClient, location: str) -> None:
    with serve({"/old": redirect(location)}) as server:
        outcome = verdict(client.check(server.url + "/old", 2))
    assert outcome.status is Status.UNVERIFIABLE
    assert "unusable redirect Location" in outcome.evidence


def test_more_than_ten_redirects_is_too_many(client: HttpClient) -> None:
    routes: dict[str, Any] = {f"/r{i}": redirect(f"/r{i + 1}", 302) for i in range(11)}
    routes["/r11"] = Reply()
    with serve(routes) as server:
        with pytest.raises(FetchError) as caught:
            client.fetch("GET", server.url + "/r0")
        ten = client.fetch("GET", server.url + "/r1")  # exactly ten redirects
    assert caught.value.kind == "too-many-redirects"
    assert ten.status == 200
    assert ten.url == server.url + "/r11"


def test_a_cookie_check_redirect_back_is_not_a_loop(client: HttpClient) -> None:
    def paper(h: Handler) -> Reply:
        if "seen=1" in (h.headers.get("Cookie") or ""):
            return Reply(200, body=b"the paper")
        return redirect("/set-cookie", 302)

    routes = {
        "/paper": paper,
        "/set-cookie": Reply(302, {"Location": "/paper", "Set-Cookie": "seen=1; Path=/"}),
    }
    with serve(routes) as server:
        result = client.fetch("GET", server.url + "/paper")
    assert (result.status, result.body) == (200, b"the paper")


def test_fetch_returns_any_status_and_reads_at_most_max_bytes(client: HttpClient) -> None:
    routes = {"/big": Reply(200, body=b"x" * 100_000), "/missing": Reply(404, body=b"nope")}
    with serve(routes) as server:
        fetch: Fetch = client.fetch  # the protocol the API modules are written against
        result = fetch("GET", server.url + "/big", max_bytes=1000)
        missing = fetch("GET", server.url + "/missing")
        again = fetch("GET", server.url + "/big")
    assert len(result.body) == 1000
    assert (missing.status, missing.body) == (404, b"nope")
    assert len(again.body) == 100_000
    assert result.headers["content-length"] == "100000"  # case-insensitive


def test_post_body_is_sent_and_a_303_turns_it_into_a_get(client: HttpClient) -> None:
    def api(h: Handler) -> Reply:
        return redirect("/result", 303) if h.command == "POST" else Reply(405)

    with serve({"/api": api, "/result": Reply(200, body=b"done")}) as server:
        result = client.fetch("POST", server.url + "/api", body=b"id_list=1234.5678")
        methods = [(s.method, s.path, s.headers.get("content-length")) for s in server.seen]
    assert result.body == b"done"
    assert methods == [("POST", "/api", "17"), ("GET", "/result", None)]


# --- HEAD, then GET ---------------------------------------------------------------------------


def test_head_refused_with_405_falls_back_to_get(client: HttpClient) -> None:
    def paper(h: Handler) -> Reply:
        return Reply(405) if h.command == "HEAD" else Reply(200, body=b"ok")

    with serve({"/paper": paper}) as server:
        outcome = verdict(client.check(server.url + "/paper", 1))
        methods = [s.method for s in server.seen]
    assert outcome.status is Status.ALIVE
    assert methods == ["HEAD", "GET"]


def test_head_dropped_without_an_answer_falls_back_to_get(client: HttpClient) -> None:
    def paper(h: Handler) -> Reply | None:
        return drop(h) if h.command == "HEAD" else Reply(200, body=b"ok")

    with serve({"/paper": paper}) as server:
        outcome = verdict(client.check(server.url + "/paper", 1))
        methods = [s.method for s in server.seen]
    assert outcome.status is Status.ALIVE
    assert methods == ["HEAD", "GET"]


def test_an_answer_cut_off_in_its_headers_is_unverified_not_alive(client: HttpClient) -> None:
    with serve({"/paper": cut_headers}) as server:
        assert isinstance(client.check(server.url + "/paper", 1), RetryLater)  # worth a retry
        outcome = verdict(client.check(server.url + "/paper", 2))
    assert outcome.status is Status.UNVERIFIABLE
    assert "middle of the answer's headers" in outcome.evidence


def test_a_head_that_is_alive_needs_no_get(client: HttpClient) -> None:
    with serve({"/paper": Reply()}) as server:
        verdict(client.check(server.url + "/paper", 1))
        assert [s.method for s in server.seen] == ["HEAD"]


def test_a_50_mb_body_is_not_downloaded(client: HttpClient) -> None:
    size = 50_000_000
    body = endless_body(size)

    def paper(h: Handler) -> Reply | None:
        return Reply(405) if h.command == "HEAD" else body(h)

    with serve({"/huge": paper}) as server:
        outcome = verdict(finishes(lambda: client.check(server.url + "/huge", 1, timeout=20)))
        # The client hung up: the server stops writing, while it is still serving.
        finishes(lambda: wait_for(lambda: "sent-done" in server.counters))
        sent = server.counters["sent"]
    assert outcome.status is Status.ALIVE
    # The server could only push what the loopback socket buffers held.
    assert sent < size // 2


# --- rate limits, bot walls, server errors ----------------------------------------------------


def test_429_with_retry_after_seconds_pauses_the_host(client: HttpClient) -> None:
    with serve({"/paper": Reply(429, {"Retry-After": "1"})}) as server:
        outcome = retry(client.check(server.url + "/paper", 1))
        methods = [s.method for s in server.seen]
    assert (outcome.delay, outcome.pause_host) == (pytest.approx(1.0), True)
    assert "429" in outcome.reason and "Retry-After 1 s" in outcome.reason
    assert methods == ["HEAD"]  # no GET straight after being told to wait


def test_429_with_retry_after_as_an_http_date(client: HttpClient) -> None:
    when = email.utils.formatdate(time.time() + 120, usegmt=True)
    with serve({"/paper": Reply(429, {"Retry-After": when})}) as server:
        outcome = retry(client.check(server.url + "/paper", 1))
    assert outcome.pause_host
    assert 100 <= outcome.delay <= 121


def test_429_with_x_ratelimit_reset_epoch(client: HttpClient) -> None:
    reset_at = str(int(time.time()) + 60)
    with serve({"/paper": Reply(429, {"X-RateLimit-Reset": reset_at})}) as server:
        outcome = retry(client.check(server.url + "/paper", 2))
    assert outcome.pause_host
    assert 50 <= outcome.delay <= 61


@pytest.mark.parametrize("reset", ["nan", "NaN", "inf", "-inf", "-30", "soon"])
def test_429_with_an_impossible_reset_pauses_the_default_while(
    client: HttpClient, reset: str
) -> None:
    with serve({"/paper": Reply(429, {"X-RateLimit-Reset": reset})}) as server:
        outcome = retry(client.check(server.url + "/paper", 3))
    assert (outcome.delay, outcome.pause_host) == (pytest.approx(5.0), True)


def test_429_without_a_hint_pauses_a_default_while(client: HttpClient) -> None:
    with serve({"/paper": Reply(429)}) as server:
        outcome = retry(client.check(server.url + "/paper", 3))
    assert (outcome.delay, outcome.pause_host) == (pytest.approx(5.0), True)


def test_999_is_unverifiable(client: HttpClient) -> None:
    with serve({"/in/someone": Reply(999)}) as server:
        outcome = verdict(client.check(server.url + "/in/someone", 1))
    assert (outcome.status, outcome.http_status) == (Status.UNVERIFIABLE, 999)
    assert "999" in outcome.evidence


def test_403_behind_a_bot_wall_is_unverifiable(client: HttpClient) -> None:
    wall = Reply(403, {"cf-mitigated": "challenge", "Server": "cloudflare"}, b"Just a moment...")
    with serve({"/paper": wall}) as server:
        outcome = verdict(client.check(server.url + "/paper", 1))
    assert outcome.status is Status.UNVERIFIABLE
    assert "403 Forbidden" in outcome.evidence and "bot wall" in outcome.evidence


@pytest.mark.parametrize("status", [401, 403])
def test_a_protected_page_is_unverifiable_not_broken(client: HttpClient, status: int) -> None:
    with serve({"/private": Reply(status)}) as server:
        outcome = verdict(client.check(server.url + "/private", 2))
    assert outcome.status is Status.UNVERIFIABLE
    assert "access denied" in outcome.evidence


def test_5xx_is_retried_once_then_unverifiable(client: HttpClient) -> None:
    with serve({"/paper": Reply(503)}) as server:
        first = retry(client.check(server.url + "/paper", 1))
        second = verdict(client.check(server.url + "/paper", 2))
    assert (first.delay, first.pause_host) == (pytest.approx(1.0), False)
    assert (second.status, second.http_status) == (Status.UNVERIFIABLE, 503)


# --- servers that do not answer -----------------------------------------------------------------


def test_a_server_that_never_answers_times_out() -> None:
    with (
        HttpClient(UA, allow_private=True, read_timeout=0.3) as c,
        serve({"/paper": hang}) as server,
    ):
        first = retry(finishes(lambda: c.check(server.url + "/paper", 1, timeout=2)))
        second = verdict(finishes(lambda: c.check(server.url + "/paper", 2, timeout=2)))
        methods = [s.method for s in server.seen]
    assert "timed out" in first.reason
    assert second.status is Status.UNVERIFIABLE and "timed out" in second.evidence
    assert methods == ["HEAD", "GET"] * 2  # a HEAD timing out early leaves time for a GET


def test_the_deadline_holds_when_the_read_timeout_would_not(client: HttpClient) -> None:
    with (
        HttpClient(UA, allow_private=True, read_timeout=3600) as patient,
        serve({"/paper": hang}) as server,
        pytest.raises(FetchError) as caught,
    ):
        finishes(lambda: patient.fetch("GET", server.url + "/paper", timeout=1.0))
    assert caught.value.kind == "timeout"


def test_headers_dripped_forever_cannot_hold_a_request_past_its_deadline() -> None:
    # Each header line arrives well within the read timeout: only the deadline ends it.
    with (
        HttpClient(UA, allow_private=True, read_timeout=5) as c,
        serve({"/drip": drip_headers}) as server,
    ):
        with pytest.raises(FetchError) as caught:
            finishes(lambda: c.fetch("GET", server.url + "/drip", timeout=1.0))
        outcome = finishes(lambda: c.check(server.url + "/drip", 1, timeout=1.0))
    assert caught.value.kind == "timeout"
    assert retry(outcome).reason.startswith("timed out")


def test_a_body_dripped_forever_cannot_hold_a_fetch_past_its_deadline() -> None:
    def slow(h: Handler) -> None:
        h.close_connection = True
        h.send_response(200)
        h.send_header("Content-Length", "1000000")
        h.end_headers()
        try:
            while not h.server_state.stopping.wait(0.1):
                h.wfile.write(b"x")
        except OSError:
            pass

    with (
        HttpClient(UA, allow_private=True, read_timeout=5) as c,
        serve({"/slow": slow}) as server,
        pytest.raises(FetchError) as caught,
    ):
        finishes(lambda: c.fetch("GET", server.url + "/slow", timeout=1.0))
    assert caught.value.kind == "timeout"


def test_a_connection_reset_is_retried_then_unverifiable(client: HttpClient) -> None:
    with serve({"/paper": reset}) as server:
        first = retry(client.check(server.url + "/paper", 1))
        second = verdict(client.check(server.url + "/paper", 2))
        with pytest.raises(FetchError) as caught:
            client.fetch("GET", server.url + "/paper")
    assert (first.delay, first.pause_host) == (pytest.approx(1.0), False)
    assert second.status is Status.UNVERIFIABLE
    assert caught.value.kind == "connect"


def test_a_refused_connection_is_a_connect_error(client: HttpClient) -> None:
    url = f"http://127.0.0.1:{free_port()}/"
    with pytest.raises(FetchError) as caught:
        client.fetch("GET", url)
    assert caught.value.kind == "connect"
    assert "refused" in str(caught.value)
    assert retry(client.check(url, 1)).pause_host is False
    assert verdict(client.check(url, 2)).status is Status.UNVERIFIABLE


def test_a_name_that_does_not_resolve_is_broken_on_the_second_attempt() -> None:
    with HttpClient(UA, resolver=StubResolver({})) as c:
        first = retry(c.check("https://gone.test/paper", 1))
        second = verdict(c.check("https://gone.test/paper", 2))
    assert "gone.test" in first.reason and not first.pause_host
    assert second.status is Status.BROKEN and "does not resolve" in second.evidence


# --- TLS to the pinned address ------------------------------------------------------------------


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture
def ca_bundle(ca: trustme.CA, tmp_path: Path) -> str:
    path = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(path))
    return str(path)


def test_tls_with_an_untrusted_certificate_fails_clearly(ca: trustme.CA) -> None:
    resolver = StubResolver({"localhost": ["127.0.0.1"]})
    with (
        HttpClient(UA, allow_private=True, resolver=resolver) as c,
        serve({"/": Reply()}, tls=ca) as server,
    ):
        with pytest.raises(FetchError) as caught:
            c.fetch("GET", server.url + "/")
        first = retry(c.check(server.url + "/", 1))
        second = verdict(c.check(server.url + "/", 2))
    assert caught.value.kind == "tls"
    assert "certificate verify failed" in str(caught.value)
    assert "certificate verify failed" in first.reason
    assert second.status is Status.UNVERIFIABLE and "TLS" in second.evidence


def test_tls_to_the_pinned_address_verifies_the_host_name(ca: trustme.CA, ca_bundle: str) -> None:
    # The certificate names "localhost"; the connection goes to the IP the stub
    # resolver gave, and TLS is still checked against the name (SNI and certificate).
    resolver = StubResolver({"localhost": ["127.0.0.1"], "other.test": ["127.0.0.1"]})
    with (
        HttpClient(UA, allow_private=True, resolver=resolver, verify=ca_bundle) as c,
        serve({"/": Reply(body=b"secure"), "/old": redirect("/")}, tls=ca) as server,
    ):
        result = c.fetch("GET", server.url + "/old")
        outcome = verdict(c.check(server.url + "/", 1))
        with pytest.raises(FetchError) as caught:
            c.fetch("GET", server.url.replace("localhost", "other.test") + "/")
        host_header = server.seen[0].headers["host"]
    assert (result.status, result.body, result.url) == (200, b"secure", server.url + "/")
    assert outcome.status is Status.ALIVE
    assert caught.value.kind == "tls"
    assert "other.test" in str(caught.value)  # a name the certificate does not carry
    assert host_header == f"localhost:{server.port}"


# --- DNS rebinding and redirects into the network ----------------------------------------------


def test_each_name_is_resolved_once_per_chain(client: HttpClient, loopback_only: list[str]) -> None:
    # First answer: the test server; any later answer: another loopback address with
    # nothing listening. Were the name looked up again, the requests would fail.
    def paper(h: Handler) -> Reply:
        return Reply(405) if h.command == "HEAD" else Reply(200)

    with serve({"/old": redirect("/paper"), "/paper": paper}) as server:
        resolver = StubResolver({"rebind.test": [["127.0.0.1"], ["127.0.0.2"]]})
        url = f"http://rebind.test:{server.port}/old"
        with HttpClient(UA, allow_private=True, resolver=resolver) as c:
            outcome = verdict(c.check(url, 1))
        seen = [(s.method, s.path, s.headers["host"]) for s in server.seen]
    assert outcome.status is Status.MOVED
    assert resolver.calls == ["rebind.test"]  # for HEAD, its redirect, GET, its redirect
    assert ("GET", "/paper", f"rebind.test:{server.port}") in seen
    assert len(seen) == 4
    assert "127.0.0.2" not in loopback_only


def test_the_connection_goes_to_the_address_the_guard_checked(loopback_only: list[str]) -> None:
    # A public answer first (checked and admitted), a loopback one afterwards: the
    # client must connect to the first, never look again. (The test refuses the
    # public connect itself, before any packet.)
    resolver = StubResolver({"rebind.test": [["93.184.216.34"], ["127.0.0.1"]]})
    with HttpClient(UA, resolver=resolver) as c, pytest.raises(FetchError) as caught:
        c.fetch("GET", "http://rebind.test/")
    assert caught.value.kind == "connect"
    assert resolver.calls == ["rebind.test"]
    assert loopback_only == ["93.184.216.34"]


def test_a_redirect_into_the_private_network_is_refused_at_the_hop(
    monkeypatch: pytest.MonkeyPatch, loopback_only: list[str]
) -> None:
    # Pretend the loopback test server is a public site; everything else is judged as
    # usual, so its redirects to the metadata service and a private name are refused.
    real = guard.refusal
    monkeypatch.setattr(guard, "refusal", lambda a: None if a == "127.0.0.1" else real(a))
    routes = {
        "/meta": redirect("http://169.254.169.254/latest/meta-data/", 302),
        "/intranet": redirect("http://intranet.test/", 301),
    }
    resolver = StubResolver({"site.test": ["127.0.0.1"], "intranet.test": ["10.0.0.5"]})
    with HttpClient(UA, resolver=resolver) as c, serve(routes) as server:
        site = f"http://site.test:{server.port}"
        meta = verdict(c.check(site + "/meta", 1))
        intranet = verdict(c.check(site + "/intranet", 1))
        with pytest.raises(FetchError) as caught:
            c.fetch("GET", site + "/meta")
    assert meta.status is Status.BLOCKED and "169.254.169.254" in meta.evidence
    assert intranet.status is Status.BLOCKED and "10.0.0.5" in intranet.evidence
    assert caught.value.kind == "blocked"
    assert set(loopback_only) == {"127.0.0.1"}


def test_a_host_with_an_unreachable_first_address_is_reached_at_the_next(
    client: HttpClient, loopback_only: list[str]
) -> None:
    with serve({"/": Reply()}) as server:
        resolver = StubResolver({"dual.test": ["127.0.0.3", "127.0.0.1"]})
        with HttpClient(UA, allow_private=True, resolver=resolver) as c:
            result = c.fetch("GET", f"http://dual.test:{server.port}/")
    assert result.status == 200
    assert loopback_only == ["127.0.0.3", "127.0.0.1"]


# --- what is sent --------------------------------------------------------------------------------


def test_the_user_agent_is_sent_on_every_request_and_hop(client: HttpClient) -> None:
    def paper(h: Handler) -> Reply:
        return Reply(405) if h.command == "HEAD" else Reply(200)

    with serve({"/old": redirect("/paper"), "/paper": paper}) as server:
        verdict(client.check(server.url + "/old", 1))
        agents = {s.headers.get("user-agent") for s in server.seen}
        count = len(server.seen)
    assert agents == {UA}
    assert count == 4  # HEAD /old, HEAD /paper, GET /old, GET /paper


def test_per_host_headers_go_only_to_their_host_and_never_into_evidence() -> None:
    def headers_for(host: str) -> dict[str, str]:
        return {"Authorization": "token SECRET-1234"} if host == "api.test" else {}

    with (
        serve({"/": Reply(404)}) as other,
        serve({"/moved": redirect(f"http://other.test:{other.port}/")}) as api,
    ):
        resolver = StubResolver({"api.test": ["127.0.0.1"], "other.test": ["127.0.0.1"]})
        with HttpClient(UA, allow_private=True, resolver=resolver, headers_for=headers_for) as c:
            outcome = verdict(c.check(f"http://api.test:{api.port}/moved", 2))
            c.fetch(
                "GET",
                f"http://api.test:{api.port}/moved",
                headers={"Authorization": "Bearer CALLER", "Accept": "application/json"},
            )
        api_seen = [s.headers.get("authorization") for s in api.seen]
        other_seen = [(s.headers.get("authorization"), s.headers.get("accept")) for s in other.seen]
    assert outcome.status is Status.BROKEN
    assert "SECRET" not in outcome.evidence
    # check(): HEAD and GET to api.test, each redirected to other.test; then the fetch.
    assert api_seen == ["token SECRET-1234"] * 2 + ["Bearer CALLER"]
    # The caller's own Authorization stays with the host it was given for, too.
    assert other_seen == [(None, "*/*")] * 2 + [(None, "application/json")]


def test_environment_proxies_are_ignored_unless_asked_for(monkeypatch: pytest.MonkeyPatch) -> None:
    with (
        serve({"/": Reply(200, body=b"origin")}) as origin,
        serve({"/": Reply(200, body=b"proxy")}) as proxy,
    ):
        monkeypatch.setenv("HTTP_PROXY", proxy.url)
        resolver = StubResolver({"site.test": ["127.0.0.1"]})
        url = f"http://site.test:{origin.port}/"
        with HttpClient(UA, allow_private=True, resolver=resolver) as direct:
            assert direct.fetch("GET", url).body == b"origin"
        with HttpClient(UA, allow_private=True, resolver=resolver, use_proxy_env=True) as proxied:
            assert proxied.fetch("GET", url).body == b"proxy"
        assert [s.target for s in proxy.seen] == [url]


def test_kept_alive_connections_are_reused(loopback_only: list[str]) -> None:
    resolver = StubResolver({"site.test": ["127.0.0.1"]})
    with (
        HttpClient(UA, allow_private=True, resolver=resolver) as c,
        serve({"/a": Reply(body=b"a"), "/b": Reply(body=b"b")}) as server,
    ):
        site = f"http://site.test:{server.port}"
        bodies = [c.fetch("GET", site + "/a").body, c.fetch("GET", site + "/b").body]
        c.fetch("HEAD", site + "/a")
    assert bodies == [b"a", b"b"]
    assert loopback_only == ["127.0.0.1"]  # one connection for three requests


def test_a_socket_reaching_another_address_than_admitted_is_closed_unused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Simulate an adapter that lost the pin (say, a requests release that no longer
    # calls the hook): the connection goes to 127.0.0.1 while the guard admitted
    # 127.0.0.5. The last line of defence refuses the socket before a byte is sent.
    def unpinned(self: Any, request: Any, verify: Any, cert: Any = None) -> Any:
        host_params, pool_kwargs = HTTPAdapter.build_connection_pool_key_attributes(
            self, request, verify, cert
        )
        host_params["host"] = "127.0.0.1"
        return host_params, pool_kwargs

    monkeypatch.setattr(_PinnedAdapter, "build_connection_pool_key_attributes", unpinned)
    resolver = StubResolver({"site.test": ["127.0.0.5"]})
    with (
        HttpClient(UA, allow_private=True, resolver=resolver) as c,
        serve({"/": Reply()}) as server,
    ):
        with pytest.raises(FetchError) as caught:
            c.fetch("GET", f"http://site.test:{server.port}/")
        seen = list(server.seen)
    assert caught.value.kind == "blocked"
    assert "not the admitted 127.0.0.5" in str(caught.value)
    assert seen == []


def test_checks_from_many_threads_keep_their_own_answers_and_deadlines() -> None:
    lock = threading.Lock()
    drips = {"now": 0, "most": 0}  # drips in progress on the server: now, and at most

    def drip(h: Handler) -> None:
        with lock:
            drips["now"] += 1
            drips["most"] = max(drips["most"], drips["now"])
        try:
            drip_headers(h)
        finally:
            with lock:
                drips["now"] -= 1

    routes = {"/ok": Reply(), "/gone": Reply(404), "/drip": drip, "/old": redirect("/ok")}
    expected = {
        "/ok": Status.ALIVE,
        "/gone": Status.BROKEN,
        "/drip": Status.UNVERIFIABLE,
        "/old": Status.MOVED,
    }
    with (
        HttpClient(UA, allow_private=True, read_timeout=5) as c,
        serve(routes) as server,
        ThreadPoolExecutor(8) as pool,
    ):
        paths = list(expected) * 6
        outcomes = finishes(
            lambda: list(pool.map(lambda p: c.check(server.url + p, 2, timeout=1.5), paths))
        )
    assert [verdict(o).status for o in outcomes] == [expected[p] for p in paths]
    assert drips["most"] == paths.count("/drip")  # six drips on eight workers: side by side


def test_a_tls_handshake_that_never_ends_is_cut_at_the_deadline() -> None:
    # The kernel completes the TCP handshake for a listening socket nobody accepts on;
    # the TLS handshake then waits forever. Connect and read timeouts of an hour must not
    # matter: the chain's deadline bounds the handshake too.
    with (
        socket.socket() as silent,
        HttpClient(UA, allow_private=True, connect_timeout=3600, read_timeout=3600) as c,
    ):
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        url = f"https://127.0.0.1:{silent.getsockname()[1]}/"
        with pytest.raises(FetchError) as caught:
            finishes(lambda: c.fetch("GET", url, timeout=1.0))
    assert caught.value.kind == "timeout"
