"""arXiv ids checked in batches through the arXiv API (readme_lint.linkcheck.arxiv)."""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlsplit
from xml.sax.saxutils import escape

import pytest

from readme_lint.core.papers import normalize_title, title_matches
from readme_lint.linkcheck.arxiv import ArxivClient
from readme_lint.linkcheck.verdict import FetchError, FetchResult, Status
from tests.conftest import finishes
from tests.linkcheck_api_server import Answer, Request, local_server, requests_fetch

# --- Atom, as the arXiv API writes it ------------------------------------------------


@dataclass(frozen=True)
class Paper:
    title: str = "A Paper"
    published: str = "2020-06-19T17:24:44Z"
    updated: str = "2020-12-16T21:40:43Z"
    version: int = 2
    comment: str | None = None


def entry_xml(arxiv_id: str, paper: Paper) -> str:
    comment = f"<arxiv:comment>{escape(paper.comment)}</arxiv:comment>" if paper.comment else ""
    return f"""
  <entry>
    <id>http://arxiv.org/abs/{arxiv_id}v{paper.version}</id>
    <updated>{paper.updated}</updated>
    <published>{paper.published}</published>
    <title>{escape(paper.title)}</title>
    <summary>  We present results. </summary>
    <author><name>Jonathan Ho</name></author>
    {comment}
    <link href="http://arxiv.org/abs/{arxiv_id}v{paper.version}" rel="alternate" type="text/html"/>
    <link title="pdf" href="http://arxiv.org/pdf/{arxiv_id}v{paper.version}" rel="related" type="application/pdf"/>
    <arxiv:primary_category term="cs.LG" scheme="http://arxiv.org/schemas/atom"/>
  </entry>"""


def error_xml(bad: str) -> str:
    return f"""
  <entry>
    <id>http://arxiv.org/api/errors#incorrect_id_format_for_{bad}</id>
    <title>Error</title>
    <summary>incorrect id format for {bad}</summary>
    <updated>2024-01-01T00:00:00-05:00</updated>
    <link href="http://arxiv.org/api/errors#incorrect_id_format_for_{bad}" rel="alternate" type="text/html"/>
    <author><name>arXiv api core</name></author>
  </entry>"""


def feed_xml(entries: list[str]) -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">
  <link href="http://arxiv.org/api/query" rel="self" type="application/atom+xml"/>
  <title type="html">ArXiv Query: id_list</title>
  <id>http://arxiv.org/api/abc</id>
  <updated>2024-01-01T00:00:00-05:00</updated>
  <opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">{len(entries)}</opensearch:totalResults>
  <opensearch:startIndex xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">0</opensearch:startIndex>
  <opensearch:itemsPerPage xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">{len(entries)}</opensearch:itemsPerPage>
  {"".join(entries)}
</feed>
""".encode()


def answer_feed(
    ids: list[str],
    papers: Mapping[str, Paper],
    invalid: set[str],
    drop_in_batches: set[str],
    seed: int,
) -> bytes:
    """What arXiv answers for ``id_list``: the error alone for a malformed id, else the
    known papers in a shuffled order."""
    for i in ids:
        if i in invalid:
            return feed_xml([error_xml(i)])
    known = [i for i in ids if i in papers and not (len(ids) > 1 and i in drop_in_batches)]
    random.Random(seed).shuffle(known)
    return feed_xml([entry_xml(i, papers[i]) for i in known])


# --- a fake clock and a fake API -----------------------------------------------------


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        assert seconds >= 0
        self.sleeps.append(seconds)
        self.now += seconds


@dataclass(frozen=True)
class Call:
    at: float
    ids: list[str]
    max_results: int
    timeout: float


@dataclass
class FakeArxiv:
    """A ``Fetch`` answering like the arXiv API; ``script`` answers come first."""

    clock: FakeClock
    papers: dict[str, Paper] = field(default_factory=dict)
    invalid: set[str] = field(default_factory=set)
    drop_in_batches: set[str] = field(default_factory=set)
    script: list[FetchResult | FetchError] = field(default_factory=list)
    seconds_per_call: float = 0.0
    calls: list[Call] = field(default_factory=list)

    def __call__(
        self,
        method: str,
        url: str,
        *,
        headers: Mapping[str, str] | None = None,
        body: bytes | None = None,
        max_bytes: int = 1 << 20,
        timeout: float = 30.0,
    ) -> FetchResult:
        assert method == "GET"
        parts = urlsplit(url)
        assert (
            f"{parts.scheme}://{parts.netloc}{parts.path}" == "https://export.arxiv.org/api/query"
        )
        query = parse_qs(parts.query)
        ids = query["id_list"][0].split(",")
        self.calls.append(Call(self.clock.now, ids, int(query["max_results"][0]), timeout))
        self.clock.now += self.seconds_per_call
        if self.script:
            scripted = self.script.pop(0)
            if isinstance(scripted, FetchError):
                raise scripted
            return scripted
        body = answer_feed(ids, self.papers, self.invalid, self.drop_in_batches, len(self.calls))
        return FetchResult(200, url, {"Content-Type": "application/atom+xml"}, body)


def client(api: FakeArxiv, min_interval: float = 3.0) -> ArxivClient:
    return ArxivClient(api, clock=api.clock, sleep=api.clock.sleep, min_interval=min_interval)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


DDPM = Paper("Denoising Diffusion\n      Probabilistic Models", "2020-06-19T17:24:44Z")
DDIM = Paper("Denoising Diffusion Implicit Models", "2020-10-06T17:56:05Z", version=4)
OLD = Paper("Ricci flow with surgery on three-manifolds", "2003-03-10T15:58:21Z", version=1)
WITHDRAWN = Paper(
    "A Proof That Was Not",
    "2019-02-01T10:00:00Z",
    updated="2019-05-01T10:00:00Z",
    version=3,
    comment="This paper has been Withdrawn by the author due to a crucial error in eq. 3",
)


# --- answers matched by id -----------------------------------------------------------


def test_shuffled_answer_matched_by_id(clock: FakeClock) -> None:
    papers = {
        f"2101.{n:05d}": Paper(f"Paper number {n}", f"20{n % 20 + 2:02d}-01-01T00:00:00Z")
        for n in range(1, 30)
    }
    papers.update({"2006.11239": DDPM, "2010.02502": DDIM, "math/0303109": OLD})
    api = FakeArxiv(clock, papers)
    ids = list(papers)
    verdicts = client(api).lookup(ids)
    assert len(api.calls) == 1 and sorted(api.calls[0].ids) == sorted(ids)
    assert api.calls[0].max_results == len(ids)
    assert set(verdicts) == set(ids)
    for n in range(1, 30):
        v = verdicts[f"2101.{n:05d}"]
        assert (v.status, v.title, v.first_year) == (
            Status.ALIVE,
            f"Paper number {n}",
            2000 + n % 20 + 2,
        )
    ddpm = verdicts["2006.11239"]
    assert ddpm.status is Status.ALIVE
    assert ddpm.title == "Denoising Diffusion Probabilistic Models"  # whitespace collapsed
    assert (ddpm.first_year, ddpm.withdrawn, ddpm.final_url) == (2020, False, None)
    assert verdicts["math/0303109"].title == OLD.title  # old-style id, with its slash
    assert verdicts["math/0303109"].first_year == 2003


def test_ids_in_any_spelling_keyed_as_given(clock: FakeClock) -> None:
    api = FakeArxiv(clock, {"2006.11239": DDPM, "math/0303109": OLD})
    given = ["2006.11239v2", "arxiv:2006.11239", "2006.11239", "math.DG/0303109v1"]
    verdicts = client(api).lookup(given)
    assert set(verdicts) == set(given)
    assert all(v.status is Status.ALIVE for v in verdicts.values())
    assert api.calls[0].ids == ["2006.11239", "math/0303109"]  # each paper asked once


def test_withdrawn_paper(clock: FakeClock) -> None:
    api = FakeArxiv(clock, {"1902.00001": WITHDRAWN, "2006.11239": DDPM})
    verdicts = client(api).lookup(["1902.00001", "2006.11239"])
    gone = verdicts["1902.00001"]
    assert gone.status is Status.ALIVE and gone.withdrawn
    assert gone.first_year == 2019  # the year of v1 (<published>), not of the withdrawal
    assert "withdrawn" in gone.evidence
    assert not verdicts["2006.11239"].withdrawn


# --- malformed and missing ids -------------------------------------------------------


def test_error_entry_marks_the_malformed_id_and_the_rest_is_asked_again(clock: FakeClock) -> None:
    api = FakeArxiv(clock, {"2006.11239": DDPM, "2010.02502": DDIM}, invalid={"1801.00001"})
    verdicts = client(api).lookup(["2006.11239", "1801.00001", "2010.02502"])
    bad = verdicts["1801.00001"]
    assert bad.status is Status.BROKEN
    assert "incorrect id format for 1801.00001" in bad.evidence
    assert verdicts["2006.11239"].status is Status.ALIVE
    assert verdicts["2010.02502"].status is Status.ALIVE
    # the error answer says nothing of the others: they are asked again together
    assert [c.ids for c in api.calls] == [
        ["2006.11239", "1801.00001", "2010.02502"],
        ["2006.11239", "2010.02502"],
    ]


@pytest.mark.parametrize(
    "bad",
    [
        "1234",
        "not-an-id",
        "2013.12345",
        "2006.1123",
        "1401.12345",
        "0612.0001",
        "math/0213001",
        "a,b",
    ],
)
def test_impossible_ids_are_broken_without_asking(clock: FakeClock, bad: str) -> None:
    api = FakeArxiv(clock)
    verdict = client(api).lookup([bad])[bad]
    assert verdict.status is Status.BROKEN and "malformed" in verdict.evidence
    assert api.calls == []


def test_missing_ids_are_asked_again_then_broken(clock: FakeClock) -> None:
    # An id missing from a batch's answer is asked again before it is called dead; the
    # missing ones of a batch are asked together (alone when it is one), so 25 dead ids
    # of a 1,000-link list cost one more call, not 25 calls 3 s apart.
    api = FakeArxiv(clock, {"2006.11239": DDPM, "2010.02502": DDIM})
    verdicts = client(api).lookup(["2006.11239", "2006.99999", "2010.02502"])
    assert verdicts["2006.99999"].status is Status.BROKEN
    assert "also when asked again" in verdicts["2006.99999"].evidence
    assert [c.ids for c in api.calls] == [
        ["2006.11239", "2006.99999", "2010.02502"],
        ["2006.99999"],
    ]
    assert api.calls[1].max_results == 1
    assert api.calls[1].at - api.calls[0].at >= 3.0  # the re-query waits its turn


def test_several_missing_ids_are_asked_again_together(clock: FakeClock) -> None:
    api = FakeArxiv(clock, {"2006.11239": DDPM})
    verdicts = client(api).lookup(["2006.11239", "2006.99998", "2006.99999"])
    assert {i: v.status for i, v in verdicts.items() if i != "2006.11239"} == {
        "2006.99998": Status.BROKEN,
        "2006.99999": Status.BROKEN,
    }
    assert [c.ids for c in api.calls][1:] == [["2006.99998", "2006.99999"]]


def test_missing_from_the_batch_but_there_alone_is_alive(clock: FakeClock) -> None:
    api = FakeArxiv(clock, {"2006.11239": DDPM, "2010.02502": DDIM}, drop_in_batches={"2010.02502"})
    verdicts = client(api).lookup(["2006.11239", "2010.02502"])
    assert verdicts["2010.02502"].status is Status.ALIVE
    assert [c.ids for c in api.calls] == [["2006.11239", "2010.02502"], ["2010.02502"]]


def test_single_missing_id_is_broken_at_once(clock: FakeClock) -> None:
    api = FakeArxiv(clock)
    assert client(api).lookup(["2006.99999"])["2006.99999"].status is Status.BROKEN
    assert len(api.calls) == 1  # it was asked alone already


def test_empty_answer_to_a_batch_is_asked_again_whole_once(clock: FakeClock) -> None:
    empty = FetchResult(200, "u", {}, feed_xml([]))
    api = FakeArxiv(clock, {"2006.11239": DDPM, "2010.02502": DDIM}, script=[empty])
    verdicts = client(api).lookup(["2006.11239", "2010.02502"])
    assert all(v.status is Status.ALIVE for v in verdicts.values())
    assert [c.ids for c in api.calls] == [["2006.11239", "2010.02502"]] * 2


def test_missing_id_with_no_time_left_is_unverifiable(clock: FakeClock) -> None:
    api = FakeArxiv(clock, {"2006.11239": DDPM})
    verdicts = client(api).lookup(["2006.11239", "2006.99999"], deadline=2.0)
    assert verdicts["2006.11239"].status is Status.ALIVE
    missing = verdicts["2006.99999"]
    assert missing.status is Status.UNVERIFIABLE and "deadline" in missing.evidence
    assert len(api.calls) == 1


# --- batches and politeness ----------------------------------------------------------


def ids_450() -> list[str]:
    return [f"2101.{n:05d}" for n in range(1, 451)]


def test_450_ids_in_three_batches(clock: FakeClock) -> None:
    ids = ids_450()
    api = FakeArxiv(clock, {i: Paper(f"Title {i}") for i in ids})
    verdicts = client(api).lookup(ids)
    assert [len(c.ids) for c in api.calls] == [200, 200, 50]
    assert [c.max_results for c in api.calls] == [200, 200, 50]
    assert sorted(i for c in api.calls for i in c.ids) == ids
    assert set(verdicts) == set(ids)
    assert all(v.status is Status.ALIVE and v.title == f"Title {i}" for i, v in verdicts.items())


def test_min_interval_from_the_end_of_the_last_call(clock: FakeClock) -> None:
    # arXiv counts 3 s between requests as it receives them: the wait starts when the
    # previous call ended, so a slow call never brings the next one in early.
    ids = ids_450()
    api = FakeArxiv(clock, {i: Paper() for i in ids}, seconds_per_call=1.0)
    arxiv = client(api)
    clock.now = 100.0
    arxiv.lookup(ids)
    assert [c.at for c in api.calls] == [100.0, 104.0, 108.0]  # the first not delayed
    assert clock.sleeps == [3.0, 3.0]
    clock.now = 110.0
    arxiv.lookup(["2006.11239"])  # the interval holds across lookups
    assert api.calls[-1].at == 112.0
    clock.now = 200.0
    arxiv.lookup(["2006.11239"])
    assert api.calls[-1].at == 200.0 and clock.sleeps == [3.0, 3.0, 2.0]


def test_custom_interval(clock: FakeClock) -> None:
    api = FakeArxiv(clock, {i: Paper() for i in ids_450()})
    client(api, min_interval=5.0).lookup(ids_450())
    assert [c.at for c in api.calls] == [0.0, 5.0, 10.0]


def test_deadline_stops_the_batches(clock: FakeClock) -> None:
    ids = ids_450()
    api = FakeArxiv(clock, {i: Paper() for i in ids})
    verdicts = client(api).lookup(ids, deadline=4.0)
    assert [c.at for c in api.calls] == [0.0, 3.0]
    late = [v for v in verdicts.values() if v.status is Status.UNVERIFIABLE]
    assert len(late) == 50 and all("deadline" in v.evidence for v in late)
    assert api.calls[1].timeout <= 1.0  # the fetch's own timeout ends at the deadline


# --- refusals and failures -----------------------------------------------------------


def status(code: int, retry_after: str | None = None, body: bytes = b"") -> FetchResult:
    headers = {"retry-after": retry_after} if retry_after is not None else {}
    return FetchResult(code, "u", headers, body)


def test_429_with_retry_after_within_the_deadline_is_waited_out(clock: FakeClock) -> None:
    api = FakeArxiv(clock, {"2006.11239": DDPM}, script=[status(429, "5")])
    verdicts = client(api).lookup(["2006.11239"], deadline=60.0)
    assert verdicts["2006.11239"].status is Status.ALIVE
    assert [c.at for c in api.calls] == [0.0, 5.0]
    assert clock.sleeps == [5.0]


def test_503_with_short_retry_after_still_keeps_the_interval(clock: FakeClock) -> None:
    api = FakeArxiv(clock, {"2006.11239": DDPM}, script=[status(503, "1")])
    assert client(api).lookup(["2006.11239"])["2006.11239"].status is Status.ALIVE
    assert [c.at for c in api.calls] == [0.0, 3.0]


def test_429_with_retry_after_beyond_the_deadline(clock: FakeClock) -> None:
    api = FakeArxiv(clock, {"2006.11239": DDPM}, script=[status(429, "3600")])
    verdict = client(api).lookup(["2006.11239", "2010.02502"], deadline=60.0)["2006.11239"]
    assert verdict.status is Status.UNVERIFIABLE
    assert "429" in verdict.evidence and "Retry-After 3600 s" in verdict.evidence
    assert len(api.calls) == 1 and clock.sleeps == []


def test_retry_after_pauses_every_later_batch(clock: FakeClock) -> None:
    ids = ids_450()
    api = FakeArxiv(clock, {i: Paper() for i in ids}, script=[status(429, "3600")])
    verdicts = client(api).lookup(ids, deadline=60.0)
    assert len(api.calls) == 1  # arXiv asked for an hour's pause: no second request
    assert {v.status for v in verdicts.values()} == {Status.UNVERIFIABLE}
    assert clock.sleeps == []


def test_429_with_long_retry_after_and_no_deadline(clock: FakeClock) -> None:
    api = FakeArxiv(clock, {"2006.11239": DDPM}, script=[status(429, "3600")])
    verdict = client(api).lookup(["2006.11239"])["2006.11239"]
    assert verdict.status is Status.UNVERIFIABLE and clock.sleeps == []


def test_429_again_and_again(clock: FakeClock) -> None:
    api = FakeArxiv(clock, {"2006.11239": DDPM}, script=[status(429, "3")] * 10)
    verdict = client(api).lookup(["2006.11239"])["2006.11239"]
    assert verdict.status is Status.UNVERIFIABLE and "still" in verdict.evidence
    assert len(api.calls) == 4


@pytest.mark.parametrize(
    ("scripted", "evidence"),
    [
        (status(500), "HTTP 500"),
        (status(503), "503 without Retry-After"),
        (status(429), "429 without Retry-After"),
        (status(404, body=b"not found"), "HTTP 404"),
        (status(400, body=b"<html>bad</html>"), "HTTP 400"),
        (FetchError("timeout", "read timed out"), "timeout"),
        (FetchError("dns", "no such host"), "dns"),
        (status(200, body=b"<feed xmlns='http://www.w3.org/2005/Atom'><entry>"), "malformed XML"),
        (status(200, body=b"<html><body>Rate exceeded.</body></html>"), "no Atom feed"),
        (status(200, body=b""), "malformed XML"),
        (status(200, body=b"\xff\xfe garbage"), "malformed XML"),
        (status(200, body=b'<?xml version="1.0" encoding="bogus"?><feed/>'), "malformed XML"),
        (
            status(
                200,
                body=b'<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]>'
                b'<feed xmlns="http://www.w3.org/2005/Atom"><title>&b;</title></feed>',
            ),
            "DTD",
        ),
    ],
)
def test_failures_make_the_batch_unverifiable(
    clock: FakeClock, scripted: FetchResult | FetchError, evidence: str
) -> None:
    api = FakeArxiv(clock, {"2006.11239": DDPM}, script=[scripted])
    verdicts = client(api).lookup(["2006.11239", "2010.02502"])
    assert {v.status for v in verdicts.values()} == {Status.UNVERIFIABLE}
    assert all(evidence in v.evidence for v in verdicts.values()), verdicts
    assert len(api.calls) == 1


def test_error_status_with_an_error_feed(clock: FakeClock) -> None:
    api = FakeArxiv(
        clock, {"2006.11239": DDPM}, script=[status(400, body=feed_xml([error_xml("1801.00001")]))]
    )
    verdicts = client(api).lookup(["1801.00001", "2006.11239"])
    assert verdicts["1801.00001"].status is Status.BROKEN
    assert verdicts["2006.11239"].status is Status.ALIVE


def test_an_error_naming_no_requested_id(clock: FakeClock) -> None:
    api = FakeArxiv(clock, script=[status(200, body=feed_xml([error_xml("something-else")]))])
    verdict = client(api).lookup(["2006.11239", "2010.02502"])["2006.11239"]
    assert verdict.status is Status.UNVERIFIABLE and "something-else" in verdict.evidence


# --- titles --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("entry", "arxiv", "same"),
    [
        (
            "Denoising Diffusion Probabilistic Models",
            "Denoising Diffusion Probabilistic Models",
            True,
        ),
        (
            "**Denoising Diffusion Probabilistic Models**",
            "Denoising diffusion probabilistic models",
            True,
        ),
        (
            "Denoising Diffusion Probabilistic Models.",
            "Denoising Diffusion Probabilistic\n  Models",
            True,
        ),
        (
            "Denoising Diffusion Probablistic Models",
            "Denoising Diffusion Probabilistic Models",
            True,
        ),
        ("$\\alpha$-GAN: Better GANs", "\u03b1-GAN: Better GANs", True),
        (
            "{GLIDE}: Towards Photorealistic Image Generation",
            "GLIDE: Towards Photorealistic Image Generation",
            True,
        ),
        ('Schr\\"odinger Bridges Beat Diffusion', "Schrödinger Bridges Beat Diffusion", True),
        ("\\emph{Elucidating} the Design Space", "Elucidating the Design Space", True),
        (":fire: Elucidating the Design Space", "Elucidating the Design Space", True),
        (
            "Elucidating the Design Space",
            "Elucidating the Design Space of Diffusion-Based Generative Models",
            True,
        ),
        (
            "Imagen: Photorealistic Text-to-Image",
            "Photorealistic Text-to-Image Diffusion Models with Deep Language Understanding",
            False,
        ),
        ("Denoising Diffusion Implicit Models", "Denoising Diffusion Probabilistic Models", False),
        ("Attention", "Attention Is All You Need", False),  # a prefix, but too short
        ("Elucidating the Design Spa", "Elucidating the Design Space of Diffusion Models", False),
        ("Score-Based Generative Modeling", "Generative Modeling by Estimating Gradients", False),
        ("", "Denoising Diffusion Probabilistic Models", False),
        ("!!!", "???", False),
    ],
)
def test_title_matches(entry: str, arxiv: str, same: bool) -> None:
    assert title_matches(entry, arxiv) is same
    assert title_matches(arxiv, entry) is same


def test_normalize_title() -> None:
    assert (
        normalize_title("  The $\\mathcal{O}(n)$ *Fast*  Transform!  ") == "the o n fast transform"
    )


# --- against a real local server -----------------------------------------------------


@dataclass
class LocalArxiv:
    papers: dict[str, Paper]
    invalid: set[str]
    requests: list[Request] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)

    def __call__(self, request: Request) -> Answer:
        self.requests.append(request)
        if urlsplit(request.path).path == "/slow/api/query":
            self.release.wait()  # until the test ends: only the client can give up first
        ids = request.query["id_list"][0].split(",")
        assert request.query["max_results"] == [str(len(ids))]
        body = answer_feed(ids, self.papers, self.invalid, set(), len(self.requests))
        return 200, {"Content-Type": "application/atom+xml; charset=utf-8"}, body


@pytest.fixture
def local_arxiv() -> Iterator[tuple[LocalArxiv, str]]:
    api = LocalArxiv(
        {"2006.11239": DDPM, "2010.02502": DDIM, "math/0303109": OLD, "1902.00001": WITHDRAWN},
        {"1801.00001"},
    )
    with local_server(api) as base:
        try:
            yield api, base
        finally:
            api.release.set()  # a stalled handler ends before the server shuts down


def test_real_server(local_arxiv: tuple[LocalArxiv, str]) -> None:
    api, base = local_arxiv
    arxiv = ArxivClient(requests_fetch, base_url=f"{base}/api/query", min_interval=0.05)
    ids = ["2010.02502", "2006.11239v2", "math/0303109", "2006.99999", "1902.00001", "1801.00001"]
    started = time.monotonic()
    verdicts = arxiv.lookup(ids, deadline=started + 8)
    assert {i: v.status for i, v in verdicts.items()} == {
        "2010.02502": Status.ALIVE,
        "2006.11239v2": Status.ALIVE,
        "math/0303109": Status.ALIVE,
        "2006.99999": Status.BROKEN,
        "1902.00001": Status.ALIVE,
        "1801.00001": Status.BROKEN,
    }
    assert verdicts["2006.11239v2"].title == "Denoising Diffusion Probabilistic Models"
    assert verdicts["1902.00001"].withdrawn
    sent = [r.query["id_list"][0] for r in api.requests]
    assert sent == [
        "2010.02502,2006.11239,math/0303109,2006.99999,1902.00001,1801.00001",
        "2010.02502,2006.11239,math/0303109,2006.99999,1902.00001",  # without the malformed id
        "2006.99999",  # the missing one, alone
    ]
    assert all(
        r.method == "GET" and r.headers.get("Accept") == "application/atom+xml"
        for r in api.requests
    )


def test_real_server_timeout(local_arxiv: tuple[LocalArxiv, str]) -> None:
    api, base = local_arxiv
    timeouts: list[float] = []

    def fetch(*args: Any, **kwargs: Any) -> FetchResult:
        timeouts.append(kwargs["timeout"])
        return requests_fetch(*args, **kwargs)

    arxiv = ArxivClient(fetch, base_url=f"{base}/slow/api/query")
    deadline = time.monotonic() + 0.5
    verdicts = finishes(lambda: arxiv.lookup(["2006.11239"], deadline=deadline))
    verdict = verdicts["2006.11239"]
    assert verdict.status is Status.UNVERIFIABLE and "timeout" in verdict.evidence
    assert len(api.requests) == 1  # asked once, never answered
    # the request was bounded by what was left of the deadline, not the client's 30 s
    assert len(timeouts) == 1 and 0 < timeouts[0] <= 0.5
