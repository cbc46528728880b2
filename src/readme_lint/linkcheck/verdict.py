"""The records every link-check layer shares."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Generic, Protocol, TypeVar

T = TypeVar("T")


class Status(str, Enum):
    """What a link check concluded."""

    ALIVE = "alive"
    BROKEN = "broken"  # 404, 410, a name that does not resolve, a malformed URL, a missing file
    MOVED = "moved"  # 301/308 (or a renamed repository): the final URL is known
    UNVERIFIABLE = "unverifiable"  # 429 past the budget, 999, bot walls, 5xx, timeouts, TLS
    BLOCKED = "blocked"  # the safety guard refused to connect


@dataclass(frozen=True)
class Verdict:
    status: Status
    evidence: str  # for people: "404 Not Found", "301 -> https://...", "Retry-After 3600 s"
    final_url: str | None = None  # where a moved link now points
    http_status: int | None = None
    # From the arXiv API: the paper's title, whether its latest version is withdrawn,
    # the year of its first version.
    title: str | None = None
    withdrawn: bool = False
    first_year: int | None = None
    archived: bool = False  # a GitHub repository marked archived
    from_cache: bool = False
    # Broken because the host name does not resolve: the one verdict a machine without
    # DNS would also give, so a run where no name resolves does not trust it.
    unresolved: bool = False


@dataclass(frozen=True)
class Done(Generic[T]):
    """An attempt reached its answer."""

    value: T


@dataclass(frozen=True)
class RetryLater:
    """An attempt must be repeated after ``delay`` seconds.

    ``pause_host``: the whole host asked for the pause (429 + Retry-After,
    x-ratelimit-reset), so no request to it starts before then. ``reason`` becomes
    the evidence if the run's deadline comes first.
    """

    delay: float
    pause_host: bool
    reason: str


Outcome = Done[T] | RetryLater


@dataclass(frozen=True)
class FetchResult:
    """One HTTP exchange after redirects were followed as asked."""

    status: int
    url: str  # the URL that answered (after any redirects followed)
    headers: Mapping[str, str] = field(default_factory=dict)  # case-insensitive in practice
    body: bytes = b""  # at most the bytes asked for


class FetchError(Exception):
    """No HTTP answer: the name did not resolve, the connection failed or timed out,
    TLS failed, or the guard refused. ``kind`` says which ("dns", "connect", "timeout",
    "tls", "blocked", "malformed", "too-many-redirects")."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


class Fetch(Protocol):
    """A guarded HTTP request (readme_lint.linkcheck.http provides one).

    Raises ``FetchError`` when there is no HTTP answer; any status is a result.
    """

    def __call__(
        self,
        method: str,
        url: str,
        *,
        headers: Mapping[str, str] | None = None,
        body: bytes | None = None,
        max_bytes: int = 1 << 20,
        timeout: float = 30.0,
    ) -> FetchResult: ...
