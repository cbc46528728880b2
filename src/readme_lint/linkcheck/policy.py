"""The policy that turns what a request chain got back into a verdict: which statuses
mean alive, moved, broken or unverifiable, when a second look is worth it, how long a
429 pauses the host, what a bot wall looks like. No I/O: the transport
(readme_lint.linkcheck.http) fetches, this judges."""

from __future__ import annotations

import email.utils
import math
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timezone
from http import HTTPStatus

from requests.structures import CaseInsensitiveDict

from readme_lint.linkcheck.verdict import Done, FetchError, FetchResult, RetryLater, Status, Verdict

SECOND_LOOK_DELAY = 1.0  # before the second attempt a BROKEN (or failed) link gets
RATE_LIMIT_PAUSE = 5.0  # for a 429 that does not say how long to wait
MIN_RATE_LIMIT_PAUSE = 1.0  # a host that asked for a pause gets at least this

_PERMANENT = frozenset({301, 308})

# Response headers that name a bot wall: (header, substring of its value or "").
_WALL_HEADERS = (
    ("cf-mitigated", ""),
    ("x-datadome", ""),
    ("x-amzn-waf-action", ""),
    ("x-sucuri-id", ""),
    ("x-iinfo", ""),  # Imperva / Incapsula
    ("server", "ddos-guard"),
)
_WALL_BODY = (b"cf-chl", b"challenge-platform", b"captcha", b"just a moment")


@dataclass(frozen=True)
class Answer:
    """What a request chain got back: the last hop's result, and how the chain began."""

    result: FetchResult
    first_redirect: int | None  # the status of the chain's first hop when it redirected


def head_refused(status: int) -> bool:
    # 429 is an answer for the whole host: a GET right after it would be rude.
    return not 200 <= status < 300 and status != 429


def judge(answer: Answer | FetchError, attempt: int) -> Done[Verdict] | RetryLater:
    if isinstance(answer, FetchError):
        return _judge_failure(answer, attempt)
    return _judge_status(answer, attempt)


def _judge_status(answer: Answer, attempt: int) -> Done[Verdict] | RetryLater:
    result = answer.result
    status = result.status
    text = _status_text(status)
    if answer.first_redirect is not None:
        text = f"{text} at {result.url}"
    if 200 <= status < 300:
        if answer.first_redirect in _PERMANENT:
            evidence = f"{answer.first_redirect} -> {result.url} ({_status_text(status)})"
            return Done(Verdict(Status.MOVED, evidence, final_url=result.url, http_status=status))
        return Done(Verdict(Status.ALIVE, text, http_status=status))
    if status in (404, 410):
        return _second_look(attempt, Verdict(Status.BROKEN, text, http_status=status))
    if status == 429:
        delay, said = _rate_limit_pause(result.headers, time.time())
        return RetryLater(delay, pause_host=True, reason=f"{text}; {said}")
    if status == 999:
        return _unverifiable(f"{text}: the site refuses automated requests", status)
    if status in (401, 403):
        return _unverifiable(_refusal_evidence(text, result), status)
    if status >= 500:
        return _second_look(attempt, Verdict(Status.UNVERIFIABLE, text, http_status=status))
    return _unverifiable(text, status)


def _judge_failure(error: FetchError, attempt: int) -> Done[Verdict] | RetryLater:
    message = str(error)
    if error.kind == "blocked":
        return Done(Verdict(Status.BLOCKED, message))
    if error.kind == "malformed":
        return Done(Verdict(Status.BROKEN, f"malformed URL: {message}"))
    if error.kind == "dns":
        return _second_look(attempt, Verdict(Status.BROKEN, message, unresolved=True))
    if error.kind in ("too-many-redirects", "bad-redirect"):
        return Done(Verdict(Status.UNVERIFIABLE, message))
    # timeout, connect, tls. A certificate that does not verify is UNVERIFIABLE, not
    # BROKEN: Python does not fetch missing intermediate certificates as browsers do,
    # and a runner's CA store can be old; the page may well work for a reader.
    return _second_look(attempt, Verdict(Status.UNVERIFIABLE, message))


def _second_look(attempt: int, verdict: Verdict) -> Done[Verdict] | RetryLater:
    """The verdict on a second attempt; on the first, a short pause and another look."""
    if attempt >= 2:
        return Done(verdict)
    return RetryLater(SECOND_LOOK_DELAY, pause_host=False, reason=verdict.evidence)


def _unverifiable(evidence: str, status: int) -> Done[Verdict]:
    return Done(Verdict(Status.UNVERIFIABLE, evidence, http_status=status))


def _refusal_evidence(text: str, result: FetchResult) -> str:
    wall = _bot_wall(result)
    if wall is not None:
        return f"{text}: bot wall ({wall})"
    # A page behind a login or an IP allow-list is protected, not dead.
    return f"{text}: access denied to the checker"


def _bot_wall(result: FetchResult) -> str | None:
    headers = CaseInsensitiveDict(result.headers)
    for name, marker in _WALL_HEADERS:
        value = headers.get(name)
        if value is not None and marker in value.lower():
            return f"{name}: {value}"[:80]
    body = result.body.lower()
    server = headers.get("server", "").lower()
    if server and any(marker in body for marker in _WALL_BODY):
        return f"server: {server}, challenge page"
    if server == "cloudflare":
        return "server: cloudflare"
    return None


def _status_text(status: int) -> str:
    try:
        return f"{status} {HTTPStatus(status).phrase}"
    except ValueError:
        return str(status)


def _rate_limit_pause(headers: Mapping[str, str], now: float) -> tuple[float, str]:
    """How long a 429 asks the host to be left alone, and what said so."""
    lookup = CaseInsensitiveDict(headers)
    retry_after = (lookup.get("Retry-After") or "").strip()
    seconds = _retry_after_seconds(retry_after, now)
    if seconds is not None:
        delay = max(seconds, MIN_RATE_LIMIT_PAUSE)
        return delay, f"Retry-After {delay:.0f} s"
    reset = (lookup.get("X-RateLimit-Reset") or "").strip()
    try:
        value = float(reset)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value < 0:
        # 'nan', 'inf', '-5', words: no pause a server can mean; max(nan, x) is nan,
        # which once retried at once (299 requests in 30 s).
        return RATE_LIMIT_PAUSE, f"no Retry-After, pausing {RATE_LIMIT_PAUSE:g} s"
    # Epoch seconds (GitHub) or, from some APIs, seconds from now.
    delay = max(value - now if value > 1e9 else value, MIN_RATE_LIMIT_PAUSE)
    return delay, f"x-ratelimit-reset in {delay:.0f} s"


def _retry_after_seconds(value: str, now: float) -> float | None:
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:  # "-0000": HTTP dates are GMT
        when = when.replace(tzinfo=timezone.utc)
    return max(when.timestamp() - now, 0.0)
