"""GitHub repositories, checked in batches through the GraphQL API (a token is needed).

One POST asks for up to 100 repositories, each under an alias::

    query($o0: String!, $n0: String!, ...) {
      r0: repository(owner: $o0, name: $n0, followRenames: true) {
        nameWithOwner isArchived url
      }
      ...
    }

Owners and names come from untrusted READMEs: they are checked against GitHub's
allowed characters first (a name that fails is BROKEN and never sent), and they travel
as GraphQL *variables*, never spliced into the query text.

What the answers mean:

* the repository, under the name asked for (case-insensitively): ALIVE;
* under another ``nameWithOwner`` (renamed or transferred; GitHub resolves the old
  name): MOVED, ``final_url`` the repository's new root ``https://github.com/<owner>/<name>``
  — the rest of the original link's path (``/tree/main/x``) is the checker's to append;
* ``isArchived``: ``archived=True`` on the ALIVE or MOVED verdict;
* ``null`` with a ``NOT_FOUND`` error: BROKEN (missing, or private);
* HTTP 401/403/5xx, an exhausted rate limit (``x-ratelimit-remaining: 0``, a
  ``RATE_LIMITED`` error), a ``FetchError`` or an answer that is no JSON: UNVERIFIABLE
  for the batch. After a 401, a 403 or an exhausted rate limit no further request is
  sent by this client (they would fail alike: the rate-limit window is an hour): the
  remaining batches, in this and later lookups, are UNVERIFIABLE with the same evidence.

The token is sent only in the ``Authorization`` header: no verdict, evidence or
exception message contains it (text that comes back from the API or the fetch is
scrubbed of it as well), and the client's ``repr`` leaves it out.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from readme_lint.core.papers import valid_github_repo
from readme_lint.linkcheck.verdict import Fetch, FetchError, FetchResult, Status, Verdict

__all__ = ["BATCH_SIZE", "GithubClient"]

BATCH_SIZE = 100
_TIMEOUT = 30.0
_FIELDS = "nameWithOwner isArchived url"
# followRenames is GitHub's default; said explicitly, as MOVED verdicts depend on it.
_ARGS = "owner: $o{i}, name: $n{i}, followRenames: true"


def _header(headers: Mapping[str, str], name: str) -> str | None:
    value = headers.get(name)
    if value is not None:
        return value
    lowered = name.lower()
    return next((v for k, v in headers.items() if k.lower() == lowered), None)


def build_query(batch: Sequence[tuple[str, str]]) -> dict[str, Any]:
    """The GraphQL request body for ``batch`` (owner and name as variables)."""
    decls = ", ".join(f"$o{i}: String!, $n{i}: String!" for i in range(len(batch)))
    fields = " ".join(
        f"r{i}: repository({_ARGS.format(i=i)}) {{ {_FIELDS} }}" for i in range(len(batch))
    )
    variables: dict[str, str] = {}
    for i, (owner, name) in enumerate(batch):
        variables[f"o{i}"] = owner
        variables[f"n{i}"] = name
    return {"query": f"query({decls}) {{ {fields} }}", "variables": variables}


class _Stop(Exception):
    """The rest of the run's batches would fail alike: the reason is the evidence."""


class GithubClient:
    """Checks GitHub repositories through the GraphQL API (see the module docstring).

    ``deadline`` values are readings of ``clock``.
    """

    def __init__(
        self,
        fetch: Fetch,
        token: str,
        *,
        api_url: str = "https://api.github.com/graphql",
        clock: Callable[[], float] = time.monotonic,
        timeout: float = _TIMEOUT,
    ) -> None:
        if not token or not token.strip():
            raise ValueError("GithubClient needs a GitHub token")
        self._fetch = fetch
        self._token = token.strip()
        self._token_pattern = re.compile(re.escape(self._token), re.IGNORECASE)
        self._api_url = api_url
        self._clock = clock
        self._timeout = timeout
        self._stopped: str | None = None  # why no further request is sent

    def __repr__(self) -> str:
        return f"GithubClient(api_url={self._api_url!r})"

    def _scrub(self, text: str) -> str:
        return self._token_pattern.sub("[token]", text)

    def _text(self, value: object, limit: int = 200) -> str:
        """Text from the API or the fetch, for evidence: scrubbed first, then cut."""
        return self._scrub(str(value))[:limit]

    def _clean(self, verdict: Verdict) -> Verdict:
        """The last line of defence: no verdict leaves with the token in it."""
        text = f"{verdict.evidence} {verdict.final_url}"
        if self._token_pattern.search(text):
            final_url = self._scrub(verdict.final_url) if verdict.final_url else None
            return replace(verdict, evidence=self._scrub(verdict.evidence), final_url=final_url)
        return verdict

    def lookup(
        self, repos: Sequence[tuple[str, str]], *, deadline: float | None = None
    ) -> dict[str, Verdict]:
        """A verdict per repository, keyed ``"owner/repo"`` lowercased."""
        out: dict[str, Verdict] = {}
        wanted: dict[str, tuple[str, str]] = {}
        for owner, name in repos:
            key = f"{owner}/{name}".lower()
            if key in out or key in wanted:
                continue
            if valid_github_repo(owner, name):
                wanted[key] = (owner, name)
            else:
                shown = key if len(key) <= 120 else key[:117] + "..."
                out[key] = Verdict(
                    Status.BROKEN, f"malformed GitHub repository name {shown!r} (not sent)"
                )
        keys = list(wanted)
        for start in range(0, len(keys), BATCH_SIZE):
            batch = keys[start : start + BATCH_SIZE]
            if self._stopped is not None:
                out.update((k, Verdict(Status.UNVERIFIABLE, self._stopped)) for k in batch)
                continue
            out.update(self._batch([(k, wanted[k]) for k in batch], deadline))
        return {key: self._clean(verdict) for key, verdict in out.items()}

    def _batch(
        self, batch: list[tuple[str, tuple[str, str]]], deadline: float | None
    ) -> dict[str, Verdict]:
        def every(reason: str) -> dict[str, Verdict]:
            return {key: Verdict(Status.UNVERIFIABLE, self._scrub(reason)) for key, _ in batch}

        timeout = self._timeout
        if deadline is not None:
            left = deadline - self._clock()
            if left <= 0:
                return every("the run's deadline came before the GitHub API could be asked")
            timeout = min(timeout, left)
        body = json.dumps(build_query([repo for _, repo in batch])).encode()
        headers = {
            "Authorization": f"bearer {self._token}",
            "Content-Type": "application/json",
            "Accept": "application/json",
        }
        try:
            answer = self._fetch(
                "POST",
                self._api_url,
                headers=headers,
                body=body,
                max_bytes=4 << 20,
                timeout=timeout,
            )
        except FetchError as exc:
            return every(f"GitHub API unreachable ({exc.kind}): {self._text(exc, 300)}")
        except Exception as exc:
            # Not the Fetch protocol's FetchError: a bug, raised on, but never carrying
            # the token (a library's message may quote the request's headers).
            if self._token_pattern.search(f"{exc} {exc.args!r}"):
                raise RuntimeError(f"{type(exc).__name__}: {self._scrub(str(exc))}") from None
            raise
        try:
            return self._read(answer, batch)
        except _Stop as stop:
            self._stopped = self._scrub(str(stop))
            return every(self._stopped)

    def _rate_limit(self, answer: FetchResult) -> str | None:
        """Why the rate limit stops further requests, if it does."""
        remaining = _header(answer.headers, "x-ratelimit-remaining")
        retry_after = _header(answer.headers, "retry-after")
        if retry_after is not None and answer.status in (403, 429):
            return f"GitHub API {answer.status}: secondary rate limit, Retry-After {retry_after.strip()[:20]} s"
        if remaining is None or remaining.strip() != "0":
            return None
        reason = "GitHub API rate limit exhausted (x-ratelimit-remaining 0)"
        reset = _header(answer.headers, "x-ratelimit-reset")
        if reset is not None and reset.strip().isdigit():
            reason += f", resets in {max(0, int(reset) - int(time.time()))} s"
        return reason

    def _read(
        self, answer: FetchResult, batch: list[tuple[str, tuple[str, str]]]
    ) -> dict[str, Verdict]:
        """Verdicts from one answer; raises ``_Stop`` when no further request should go."""
        limited = self._rate_limit(answer)
        if answer.status != 200:
            if limited is not None:
                raise _Stop(limited)
            if answer.status == 401:
                raise _Stop("GitHub API 401: the token was refused")
            if answer.status == 403:
                raise _Stop("GitHub API 403: forbidden")
            return self._every(batch, f"GitHub API HTTP {answer.status}")
        try:
            payload = json.loads(answer.body)
        except (ValueError, RecursionError):  # RecursionError: absurdly deep nesting
            return self._every(batch, "the GitHub API answered with malformed JSON")
        if not isinstance(payload, dict):
            return self._every(batch, "the GitHub API answered with unexpected JSON")
        errors = payload.get("errors") or []
        errors = [e for e in errors if isinstance(e, dict)] if isinstance(errors, list) else []
        by_alias: dict[str, dict[str, Any]] = {}
        for error in errors:
            if error.get("type") == "RATE_LIMITED":
                raise _Stop(f"GitHub API rate limit exhausted: {self._text(error.get('message'))}")
            path = error.get("path")
            if isinstance(path, list) and path and isinstance(path[0], str):
                by_alias.setdefault(path[0], error)
        data = payload.get("data")
        if not isinstance(data, dict):
            first = self._text(errors[0].get("message")) if errors else "no data"
            return self._every(batch, f"GitHub API error: {first}")
        out: dict[str, Verdict] = {}
        for i, (key, _) in enumerate(batch):
            alias = f"r{i}"
            out[key] = self._verdict(key, data.get(alias), by_alias.get(alias), alias in data)
        if limited is not None:
            self._stopped = self._scrub(limited)
        return out

    def _every(self, batch: list[tuple[str, tuple[str, str]]], reason: str) -> dict[str, Verdict]:
        return {key: Verdict(Status.UNVERIFIABLE, self._scrub(reason)) for key, _ in batch}

    def _verdict(
        self, key: str, repo: object, error: dict[str, Any] | None, answered: bool
    ) -> Verdict:
        if isinstance(repo, dict):
            name = repo.get("nameWithOwner")
            archived = repo.get("isArchived") is True
            if not isinstance(name, str) or not valid_github_repo(*name.partition("/")[::2]):
                return Verdict(Status.UNVERIFIABLE, "the GitHub API answered an unexpected name")
            note = " (archived)" if archived else ""
            if name.lower() == key:
                return Verdict(
                    Status.ALIVE, f"GitHub API: repository exists{note}", archived=archived
                )
            return Verdict(
                Status.MOVED,
                f"GitHub API: {key} is now {name}{note}",
                final_url=f"https://github.com/{name}",
                archived=archived,
            )
        if error is not None:
            kind = str(error.get("type") or "")
            message = self._text(error.get("message") or kind)
            if kind == "NOT_FOUND":
                return Verdict(Status.BROKEN, f"GitHub API: no repository {key} (NOT_FOUND)")
            return Verdict(
                Status.UNVERIFIABLE, f"GitHub API error {kind or '(untyped)'}: {message}"
            )
        why = "null" if answered else "no answer"
        return Verdict(Status.UNVERIFIABLE, f"GitHub API: {why} for {key}, without an error")
