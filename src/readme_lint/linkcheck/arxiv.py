"""arXiv papers, checked in batches through the arXiv API (``export.arxiv.org/api/query``).

arXiv asks API clients for one request every three seconds on a single connection:
:class:`ArxivClient` holds a lock for the whole of each request and starts requests at
least ``min_interval`` seconds apart (start to start), measured on the injected clock,
across all of its ``lookup`` calls.

One request asks for up to 200 ids (``id_list=a,b,c&max_results=3``). Entries come
back in any order and are matched by id. What arXiv's answers mean:

* an entry for the id: the paper exists (ALIVE, with its title, the year of its first
  version and whether the latest version's comment says it was withdrawn);
* an entry titled ``Error`` (arXiv's answer to a malformed id, "incorrect id format for
  1234.5678"): that id is BROKEN; arXiv then answers nothing else, so the rest of the
  batch is asked again without it;
* an id missing from the answer: asked again alone (arXiv answers an empty feed for a
  well-formed id it does not know, and now and then a short one for ids it does);
  missing when alone too, it is BROKEN. An entirely empty answer to a multi-id batch
  is asked again whole once first;
* 429/503 with ``Retry-After``: no request at all before the pause ends; waited out
  when it ends before the deadline (and is at most ``max_retry_wait`` without one), up
  to three times per request, else the batch is UNVERIFIABLE (and so is every later
  batch whose deadline comes before the pause ends, without a request) —
  as it is for any other error status, a ``FetchError`` or an answer that is not a
  well-formed Atom feed.

Ids that cannot exist (a month 13, a 4-digit number after 2014) are BROKEN without
being sent. The XML is parsed with ``xml.etree.ElementTree``, which never fetches
external entities or DTDs; answers that declare a DTD or entities at all are refused
outright (arXiv's feeds declare none), so no entity is ever expanded.
"""

from __future__ import annotations

import re
import threading
import time
import xml.etree.ElementTree as ET
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from urllib.parse import urlencode

from readme_lint.core.papers import canonical_arxiv_id
from readme_lint.linkcheck.verdict import Fetch, FetchError, Status, Verdict

__all__ = ["ArxivClient"]

ATOM = "http://www.w3.org/2005/Atom"
ARXIV = "http://arxiv.org/schemas/atom"
OPENSEARCH = "http://a9.com/-/spec/opensearch/1.1/"
_NS = {"atom": ATOM, "arxiv": ARXIV, "opensearch": OPENSEARCH}

BATCH_SIZE = 200
_MAX_BYTES = 16 << 20  # 200 entries with abstracts are ~1 MB; collaboration author lists more
_TIMEOUT = 30.0
_MAX_RETRIES = 3  # 429/503 waits per request before the batch is UNVERIFIABLE
_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_ERROR_NAMES = re.compile(r"(?:\bfor\s+|_for_)(\S+?)\s*$")
_VERSION = re.compile(r"v\d+$", re.IGNORECASE)


def _plausible(arxiv_id: str) -> bool:
    """Whether a canonical id can exist: a real month, and 4-digit numbers up to 1412,
    5-digit from 1501 (arXiv's scheme since April 2007)."""
    if "/" in arxiv_id:
        month = int(arxiv_id[-5:-3])
        return 1 <= month <= 12
    yymm, number = arxiv_id.split(".")
    if not 1 <= int(yymm[2:]) <= 12 or int(yymm) < 704:
        return False
    return len(number) == (5 if int(yymm) >= 1501 else 4)


def _header(headers: Mapping[str, str], name: str) -> str | None:
    value = headers.get(name)
    if value is not None:
        return value
    lowered = name.lower()
    return next((v for k, v in headers.items() if k.lower() == lowered), None)


def _retry_after(headers: Mapping[str, str]) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (seconds or an HTTP date)."""
    value = _header(headers, "Retry-After")
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - time.time())


@dataclass(frozen=True)
class _Paper:
    title: str
    first_year: int | None
    withdrawn: bool


@dataclass
class _Feed:
    papers: dict[str, _Paper] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)  # requested id -> arXiv's message
    unmatched_errors: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Work:
    ids: tuple[str, ...]
    retried_whole: bool = False  # an empty answer to this batch was asked again once
    alone: bool = False  # an id missing from a batch answer, asked again alone


def _entry_id(text: str) -> str | None:
    """``http://arxiv.org/abs/2006.11239v2`` -> ``2006.11239``;
    ``http://arxiv.org/abs/math/0211159v1`` -> ``math/0211159``."""
    _, found, rest = text.strip().partition("/abs/")
    return canonical_arxiv_id(rest) if found else None


def _parse(body: bytes, requested: Sequence[str]) -> _Feed | str:
    """The feed's papers and errors, or why the answer is unusable."""
    if _DTD.search(body):
        return "the arXiv API answered with a DTD or entity declarations (refused)"
    try:
        root = ET.fromstring(body)
    except (ET.ParseError, LookupError, ValueError) as exc:  # LookupError: unknown encoding
        return f"the arXiv API answered with malformed XML ({exc})"
    if root.tag != f"{{{ATOM}}}feed":
        return f"the arXiv API answered with no Atom feed (root element {root.tag[:80]!r})"
    wanted = {i.lower(): i for i in requested}
    feed = _Feed()
    for entry in root.findall("atom:entry", _NS):
        raw_id = entry.findtext("atom:id", "", _NS)
        title = " ".join(entry.findtext("atom:title", "", _NS).split())
        if title == "Error" and "/api/errors" in raw_id:
            message = " ".join(entry.findtext("atom:summary", "", _NS).split()) or raw_id
            named = _ERROR_NAMES.search(message) or _ERROR_NAMES.search(raw_id)
            key = named.group(1).lower() if named else ""
            target = wanted.get(key) or wanted.get(_VERSION.sub("", key))
            if target is None:
                target = wanted.get(canonical_arxiv_id(key) or "")
            if target is not None:
                feed.errors[target] = message
            else:
                feed.unmatched_errors.append(message)
            continue
        paper_id = _entry_id(raw_id)
        published = entry.findtext("atom:published", "", _NS).strip()
        if paper_id is None or (not title and not published):
            continue  # no usable entry: the id counts as missing
        comment = entry.findtext("arxiv:comment", "", _NS)
        year = int(published[:4]) if re.match(r"\d{4}-", published) else None
        feed.papers[paper_id] = _Paper(title, year, "withdrawn" in comment.casefold())
    return feed


class ArxivClient:
    """Checks arXiv ids through the arXiv API, politely (see the module docstring).

    ``deadline`` values are readings of ``clock``. Safe to share between threads:
    requests are serialised.
    """

    def __init__(
        self,
        fetch: Fetch,
        *,
        base_url: str = "https://export.arxiv.org/api/query",
        min_interval: float = 3.0,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        max_retry_wait: float = 120.0,
        timeout: float = _TIMEOUT,
    ) -> None:
        self._fetch = fetch
        self._base_url = base_url
        self._min_interval = min_interval
        self._clock = clock
        self._sleep = sleep
        self._max_retry_wait = max_retry_wait
        self._timeout = timeout
        self._lock = threading.Lock()
        self._last_start: float | None = None
        self._paused_until: float | None = None  # arXiv's Retry-After, for every request

    def lookup(self, ids: Sequence[str], *, deadline: float | None = None) -> dict[str, Verdict]:
        """A verdict for each of ``ids`` (keyed as given; ``2006.11239``, ``2006.11239v2``,
        ``math/0211159`` and ``arxiv:2006.11239`` are all accepted)."""
        out: dict[str, Verdict] = {}
        by_canonical: dict[str, list[str]] = {}
        for given in dict.fromkeys(ids):
            text = given.strip()
            if text[:6].lower() == "arxiv:":
                text = text[6:]
            canonical = canonical_arxiv_id(text)
            if canonical is None:
                out[given] = Verdict(Status.BROKEN, f"malformed arXiv id {given!r}")
            elif not _plausible(canonical):
                out[given] = Verdict(
                    Status.BROKEN, f"malformed arXiv id {given!r}: no such id can exist"
                )
            else:
                by_canonical.setdefault(canonical, []).append(given)
        found = self._check(list(by_canonical), deadline)
        for canonical, verdict in found.items():
            for given in by_canonical[canonical]:
                out[given] = verdict
        return out

    def _check(self, ids: list[str], deadline: float | None) -> dict[str, Verdict]:
        out: dict[str, Verdict] = {}
        work = deque(_Work(tuple(ids[i : i + BATCH_SIZE])) for i in range(0, len(ids), BATCH_SIZE))
        while work:
            item = work.popleft()
            batch = item.ids
            feed = self._query(batch, deadline)
            if isinstance(feed, str):
                if item.alone:
                    feed = f"missing from a batch answer, and asking again alone failed: {feed}"
                out.update((i, Verdict(Status.UNVERIFIABLE, feed)) for i in batch)
                continue
            for i in batch:
                paper = feed.papers.get(i)
                if paper is not None:
                    withdrawn = " (latest version withdrawn)" if paper.withdrawn else ""
                    out[i] = Verdict(
                        Status.ALIVE,
                        f"arXiv API: {i} exists{withdrawn}",
                        title=paper.title or None,
                        withdrawn=paper.withdrawn,
                        first_year=paper.first_year,
                    )
                elif i in feed.errors:
                    out[i] = Verdict(
                        Status.BROKEN, f"malformed arXiv id: the arXiv API says {feed.errors[i]!r}"
                    )
            missing = tuple(i for i in batch if i not in out)
            if not missing:
                continue
            if feed.unmatched_errors:
                reason = f"arXiv API error: {feed.unmatched_errors[0]!r}"
                out.update((i, Verdict(Status.UNVERIFIABLE, reason)) for i in missing)
            elif feed.errors:
                # arXiv answers a malformed id with the error alone: ask for the rest again.
                work.appendleft(_Work(missing))
            elif len(batch) > 1 and not feed.papers and not item.retried_whole and not item.alone:
                work.appendleft(_Work(batch, retried_whole=True))  # an empty answer: once more
            elif not item.alone and (len(batch) > 1 or item.retried_whole):
                work.appendleft(_Work(missing, alone=True))  # the missing ones, together, once
            else:
                also = ", also when asked again" if item.alone else ""
                for i in missing:
                    out[i] = Verdict(
                        Status.BROKEN,
                        f"arXiv has no paper {i} (missing from the API's answer{also})",
                    )
        return out

    def _wait_turn(self, deadline: float | None) -> bool:
        """Wait for the next request slot (``min_interval`` after the last start, and
        not before a ``Retry-After`` pause ends); False when it comes after the deadline."""
        while True:
            now = self._clock()
            slot = self._paused_until or now
            if self._last_start is not None:
                slot = max(slot, self._last_start + self._min_interval)
            wait = slot - now
            if wait <= 0:
                break
            if deadline is not None and now + wait >= deadline:
                return False
            self._sleep(wait)
        if deadline is not None and now >= deadline:
            return False
        self._last_start = now
        return True

    def _query(self, batch: Sequence[str], deadline: float | None) -> _Feed | str:
        """One batch's answer, or why it is UNVERIFIABLE."""
        query = urlencode({"id_list": ",".join(batch), "max_results": len(batch)}, safe=",/")
        url = f"{self._base_url}?{query}"
        wait_lock = -1.0 if deadline is None else max(0.0, deadline - self._clock())
        if not self._lock.acquire(timeout=wait_lock):
            return "the run's deadline came while another request to the arXiv API was under way"
        try:
            waits = 0
            while True:
                if not self._wait_turn(deadline):
                    return (
                        "the run's deadline came before the arXiv API could be asked "
                        f"(one request per {self._min_interval:g} s)"
                    )
                timeout = self._timeout
                if deadline is not None:
                    timeout = max(0.001, min(timeout, deadline - self._clock()))
                try:
                    answer = self._fetch(
                        "GET",
                        url,
                        headers={"Accept": "application/atom+xml"},
                        max_bytes=_MAX_BYTES,
                        timeout=timeout,
                    )
                except FetchError as exc:
                    return f"arXiv API unreachable ({exc.kind}): {exc}"
                finally:
                    # The next request waits min_interval from this one's END: the
                    # server sees this one arrive before then, however late it was sent.
                    self._last_start = self._clock()
                status = answer.status
                if status in (429, 503):
                    delay = _retry_after(answer.headers)
                    if delay is None:
                        return f"arXiv API {status} without Retry-After"
                    what = f"arXiv API {status}, Retry-After {delay:g} s"
                    self._paused_until = self._clock() + delay
                    if waits >= _MAX_RETRIES:
                        return f"{what}, still after {waits} waits"
                    if deadline is not None and self._clock() + delay >= deadline:
                        return f"{what}: past the run's deadline"
                    if deadline is None and delay > self._max_retry_wait:
                        return f"{what}: longer than {self._max_retry_wait:g} s"
                    waits += 1
                    continue  # _wait_turn sleeps until the pause ends
                break
        finally:
            self._lock.release()
        if len(answer.body) >= _MAX_BYTES:
            return f"the arXiv API's answer is larger than {_MAX_BYTES} bytes"
        if status == 200 or (status == 400 and answer.body.lstrip().startswith(b"<")):
            parsed = _parse(answer.body, batch)
            if isinstance(parsed, str) and status != 200:
                return f"arXiv API HTTP {status}"
            return parsed
        return f"arXiv API HTTP {status}"
