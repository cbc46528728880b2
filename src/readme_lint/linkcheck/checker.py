"""One link check over a set of URLs: dedupe, cache, batch APIs, polite HTTP.

Every URL is reduced to the resource it names (``resources.resource_key``): one arXiv
paper, one GitHub repository, one normalised URL. Each resource is checked once —
from the cache when it is fresh, else arXiv ids through the arXiv API in batches,
GitHub repositories through the GraphQL API when a token is set, and everything else
with guarded HTTP under the scheduler's per-host budgets — and its verdict is given
back for every URL that names it. Relative links are files of the repository: they
are checked on disk, without network.
"""

from __future__ import annotations

import os
import re
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import unquote, urlsplit

from readme_lint import __version__
from readme_lint.config import LinkSettings
from readme_lint.core.papers import github_repo
from readme_lint.linkcheck.cache import LinkCache
from readme_lint.linkcheck.guard import Resolver, system_resolver
from readme_lint.linkcheck.resources import resource_key
from readme_lint.linkcheck.scheduler import HostPolicy, Job, Scheduler
from readme_lint.linkcheck.verdict import Done, FetchResult, RetryLater, Status, Verdict


def user_agent() -> str:
    """Names the tool, its version and, once it has one, its URL: site owners can see
    who is knocking and how to reach them."""
    from readme_lint.about import repository

    home = repository()
    return f"readme-lint/{__version__} (paper-list link checker{f'; +{home}' if home else ''})"


# Published or observed limits of the hosts every paper list links most: arXiv asks
# for one request every 3 seconds; GitHub answers 429 past about 10 requests a second.
BUILT_IN_POLICIES = {
    "arxiv.org": HostPolicy(max_in_flight=1, min_interval=3.0),
    "export.arxiv.org": HostPolicy(max_in_flight=1, min_interval=3.0),
    "github.com": HostPolicy(max_in_flight=4, min_interval=0.125),
}
DEFAULT_POLICY = HostPolicy(max_in_flight=4, min_interval=0.1)
PER_REQUEST_TIMEOUT = 20.0
_ENV_REF = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")
_SKIPPED_SCHEMES = ("mailto:", "tel:", "#")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


@dataclass
class CheckSummary:
    """What a run did, for the line printed after it."""

    urls: int = 0
    resources: int = 0
    verdicts: Counter[str] = field(default_factory=Counter)  # by status, per resource
    from_cache: int = 0
    requests: int = 0
    seconds: float = 0.0
    offline: bool = False  # no host name resolved: this machine's network, not the links

    def add(self, other: CheckSummary) -> None:
        """Count another group's run (files under another link configuration) in."""
        self.urls += other.urls
        self.resources += other.resources
        self.verdicts.update(other.verdicts)
        self.from_cache += other.from_cache
        self.requests += other.requests
        self.seconds += other.seconds
        self.offline = self.offline or other.offline

    def line(self) -> str:
        counts = ", ".join(
            f"{self.verdicts[s.value]} {s.value}" for s in Status if self.verdicts[s.value]
        )
        offline = (
            "; no host name resolved, so no link is called dead: is this machine offline?"
            if self.offline
            else ""
        )
        return (
            f"checked {self.resources} links ({counts or 'none'}); {self.from_cache} from the "
            f"cache, {self.requests} requests, {self.seconds:.1f} s{offline}"
        )


@dataclass(frozen=True)
class CheckOptions:
    settings: LinkSettings
    cache_path: Path | None  # None: no cache
    github_token: str | None = None
    use_proxy_env: bool = False
    env: Mapping[str, str] = field(default_factory=lambda: dict(os.environ))
    resolver: Resolver = system_resolver
    verify: bool | str = True  # a CA bundle path in tests
    progress: Callable[[int], None] | None = None  # called with the number of resources done


def is_web(url: str) -> bool:
    return url.lower().startswith(("http://", "https://", "//"))


def absolute(url: str) -> str:
    """A protocol-relative link (``//host/path``) as the https URL a reader's browser opens."""
    return "https:" + url if url.startswith("//") else url


def is_checked(url: str) -> bool:
    """Whether a link is checked at all (in-page anchors, mail and phone links are not)."""
    return bool(url) and not url.lower().startswith(_SKIPPED_SCHEMES)


def check_file_links(readme: Path, urls: Iterable[str], repo_root: Path) -> dict[str, Verdict]:
    """Relative links of ``readme`` checked on disk: a missing file is a dead link."""
    out = {}
    for url in urls:
        if is_web(url) or not is_checked(url) or ":" in url.split("/")[0]:
            continue
        path = unquote(urlsplit(url).path)
        if not path:
            continue
        out[url] = _file_verdict(readme, path, repo_root)
    return out


def _file_verdict(readme: Path, path: str, repo_root: Path) -> Verdict:
    """A relative link's file, looked up only inside the repository."""

    base = repo_root if path.startswith("/") else readme.parent
    # Normalised by hand, not resolved: '../..' must not reach the runner's disk.
    target = Path(os.path.normpath(base.absolute() / path.lstrip("/")))
    if not target.is_relative_to(repo_root.absolute()):
        return Verdict(Status.BROKEN, f"{path} points outside the repository (GitHub shows 404)")
    try:
        found = target.exists()
    except (ValueError, OSError) as exc:  # a NUL byte, a name too long for the system
        return Verdict(Status.UNVERIFIABLE, f"cannot look up {path[:80]!r}: {exc}")
    if found:
        return Verdict(Status.ALIVE, "file exists")
    return Verdict(Status.BROKEN, f"no such file {path} in the repository")


def _remapper(rules: Iterable[tuple[str, str]]) -> Callable[[str], str]:
    compiled = [(re.compile(pattern), repl.replace("$", "\\")) for pattern, repl in rules]

    def remap(url: str) -> str:
        for pattern, repl in compiled:
            if pattern.search(url):
                return pattern.sub(repl, url, count=1)
        return url

    return remap


def _host(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:  # "http://[::1/x": the guard will call it malformed
        return ""


class _Names:
    """The host names this run looked up, and whether any resolved. When none did and
    several failed, "the name does not resolve" says more about this machine (no network,
    a sandbox's DNS) than about the links: they are not called dead then."""

    def __init__(self, resolver: Resolver) -> None:
        self._resolver = resolver
        self._lock = threading.Lock()
        self.resolved: set[str] = set()
        self.failed: set[str] = set()

    def __call__(self, host: str, port: int) -> list[str]:
        try:
            answers = list(self._resolver(host, port))
        except OSError:  # socket.gaierror is one
            with self._lock:
                self.failed.add(host.lower())
            raise
        with self._lock:
            self.resolved.add(host.lower())
        return answers

    def offline(self) -> bool:
        return not self.resolved and len(self.failed) >= 2


class _Run:
    """One check: the clients, the scheduler and the numbers, for one set of URLs."""

    def __init__(self, options: CheckOptions, deadline: float) -> None:
        self.options = options
        settings = options.settings
        self.remap = _remapper(settings.remap)
        self.deadline = deadline  # the whole check's, cache waits included
        self.names = _Names(options.resolver)
        from readme_lint.linkcheck.http import HttpClient

        self.http = HttpClient(
            user_agent(),
            headers_for=self._headers_for,
            allow_private=settings.allow_private,
            use_proxy_env=options.use_proxy_env,
            resolver=self.names,
            verify=options.verify,
            remap=self.remap,
        )
        self._lock = threading.Lock()
        self.done = 0

    def _headers_for(self, host: str) -> dict[str, str]:
        configured = self.options.settings.hosts.get(host)
        if configured is None:
            return {}
        env = self.options.env
        return {
            name: _ENV_REF.sub(lambda m: env.get(m.group(1), ""), value)
            for name, value in configured.headers.items()
        }

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
        """The API clients' ``Fetch``: guarded, remapped, within the deadline."""
        left = max(0.1, self.deadline - time.monotonic())
        return self.http.fetch(
            method,
            self.remap(url),
            headers=headers,
            body=body,
            max_bytes=max_bytes,
            timeout=min(timeout, left),
        )

    def policy_for(self, host: str) -> HostPolicy:
        base = BUILT_IN_POLICIES.get(host, DEFAULT_POLICY)
        configured = self.options.settings.hosts.get(host)
        if configured is None:
            return base
        return HostPolicy(
            configured.max_in_flight or base.max_in_flight,
            base.min_interval if configured.min_interval is None else configured.min_interval,
        )

    def tick(self, count: int = 1) -> None:
        with self._lock:
            self.done += count
            done = self.done
        if self.options.progress is not None:
            self.options.progress(done)


def _http_jobs(run: _Run, resources: Mapping[str, str]) -> list[Job[Verdict]]:
    """One scheduler job per resource, checked at its first URL (remapped)."""

    def job(key: str, url: str) -> Job[Verdict]:
        target = run.remap(absolute(url))

        def attempt(number: int, left: float) -> Done[Verdict] | RetryLater:
            return run.http.check(target, number, timeout=min(PER_REQUEST_TIMEOUT, left))

        def give_up(reason: str) -> Verdict:
            return Verdict(Status.UNVERIFIABLE, reason)

        return Job(key, _host(url), attempt, give_up)

    return [job(key, url) for key, url in resources.items()]


def _in_thread(work: Callable[[], dict[str, Verdict]]) -> Callable[[], dict[str, Verdict]]:
    """Start ``work`` now; the returned call waits for its result."""
    box: dict[str, dict[str, Verdict]] = {}
    failure: list[BaseException] = []

    def body() -> None:
        try:
            box["out"] = work()
        except BaseException as exc:  # surfaced by the caller, not lost in a thread
            failure.append(exc)

    thread = threading.Thread(target=body, daemon=True)
    thread.start()

    def result() -> dict[str, Verdict]:
        thread.join()
        if failure:
            raise failure[0]
        return box.get("out", {})

    return result


def _arxiv(run: _Run, keys: list[str]) -> dict[str, Verdict]:
    if not keys:
        return {}
    from readme_lint.linkcheck.arxiv import ArxivClient

    client = ArxivClient(run.fetch, base_url=run.options.settings.arxiv_api)
    ids = [k.removeprefix("arxiv:") for k in keys]
    found = client.lookup(ids, deadline=run.deadline)
    run.tick(len(keys))
    return {f"arxiv:{i}": v for i, v in found.items()}


def _github(run: _Run, keys: list[str], token: str) -> dict[str, Verdict]:
    if not keys:
        return {}
    from readme_lint.linkcheck.github import GithubClient

    client = GithubClient(run.fetch, token, api_url=run.options.settings.github_api)
    repos = [tuple(k.removeprefix("github:").split("/", 1)) for k in keys]
    found = client.lookup([(o, n) for o, n in repos], deadline=run.deadline)
    run.tick(len(keys))
    return {f"github:{name}": v for name, v in found.items()}


def _unmapped(checked: str, remap: Callable[[str], str], verdict: Verdict) -> Verdict:
    """A moved verdict found at a remapped address, with its final URL said in the
    original's terms (``--fix`` must never write a mirror's address into the list)."""
    mirror = remap(checked)
    if verdict.status is not Status.MOVED or not verdict.final_url or mirror == checked:
        return verdict
    # The part the remap kept (the common end, from a "/"), after the parts it swapped.
    common = 0
    while common < min(len(checked), len(mirror)) and checked[-1 - common] == mirror[-1 - common]:
        common += 1
    kept = checked[len(checked) - common :]
    kept = kept[kept.find("/") :] if "/" in kept else ""
    prefix_mirror = mirror[: len(mirror) - len(kept)]
    prefix_original = checked[: len(checked) - len(kept)]
    if not verdict.final_url.startswith(prefix_mirror):
        return verdict  # moved to another site altogether
    final = prefix_original + verdict.final_url[len(prefix_mirror) :]
    return replace(verdict, final_url=final)


def _fitted(url: str, key: str, verdict: Verdict) -> Verdict:
    """The verdict of a resource for one of its URLs: a moved link keeps its own
    fragment (two links to sections of one moved page stay two links)."""
    if key.startswith("github:"):
        verdict = _moved_repo(url, verdict)
    if verdict.status is not Status.MOVED or not verdict.final_url:
        return verdict
    base, _, final_fragment = verdict.final_url.partition("#")
    fragment = url.partition("#")[2] or final_fragment
    return replace(verdict, final_url=base + (f"#{fragment}" if fragment else ""))


def _moved_repo(url: str, verdict: Verdict) -> Verdict:
    """A moved repository's verdict for one of its URLs: the new repository, this URL's path.

    The verdict may come from the GraphQL API (the new repository's root) or from HTTP
    on another URL of the same repository (its own deep path), so only the new
    repository is taken from it.
    """
    if verdict.status is not Status.MOVED or not verdict.final_url:
        return verdict
    if github_repo(verdict.final_url) is None or github_repo(url) is None:
        return verdict
    owner, repo = urlsplit(verdict.final_url).path.strip("/").split("/")[:2]  # as GitHub spells it
    rest = "/".join(urlsplit(url).path.strip("/").split("/")[2:])
    final = f"https://github.com/{owner}/{repo}" + (f"/{rest}" if rest else "")
    return replace(verdict, final_url=final)


def check_links(
    urls: Iterable[str], options: CheckOptions
) -> tuple[dict[str, Verdict], CheckSummary]:
    """A verdict for every web URL of ``urls`` (as written), and what the run did."""
    started = time.monotonic()
    summary = CheckSummary()
    by_key: dict[str, list[str]] = {}
    out: dict[str, Verdict] = {}
    for url in dict.fromkeys(u.strip() for u in urls):
        if not is_web(url) and _SCHEME.match(url) and is_checked(url):
            scheme = url.split(":", 1)[0].lower()
            out[url] = Verdict(Status.BLOCKED, f"a {scheme}: link; only http and https are checked")
        elif is_web(url):
            key = resource_key(absolute(url))
            by_key.setdefault(key, []).append(url)
    summary.urls = sum(len(v) for v in by_key.values())
    summary.resources = len(by_key)
    deadline = started + options.settings.timeout
    cache = (
        LinkCache(options.cache_path, deadline=deadline) if options.cache_path is not None else None
    )
    try:
        verdicts = _check_resources(by_key, options, cache, summary, deadline)
    finally:
        if cache is not None:
            cache.close()
    for key, group in by_key.items():
        verdict = verdicts[key]
        summary.verdicts[verdict.status.value] += 1
        for url in group:
            out[url] = _fitted(url, key, verdict)
    summary.seconds = time.monotonic() - started
    return out, summary


def _not_dead_offline(verdict: Verdict) -> Verdict:
    """With no host name resolving, a link that "does not resolve" is unverified, not dead
    (what needs no name to know, a malformed URL or arXiv id, stays broken)."""
    if not verdict.unresolved:
        return verdict
    return replace(
        verdict,
        status=Status.UNVERIFIABLE,
        evidence=f"{verdict.evidence}; no host name resolved in this run (offline?)",
        unresolved=False,
    )


def _check_resources(
    by_key: Mapping[str, list[str]],
    options: CheckOptions,
    cache: LinkCache | None,
    summary: CheckSummary,
    deadline: float,
) -> dict[str, Verdict]:
    verdicts: dict[str, Verdict] = cache.get_many(by_key) if cache is not None else {}
    summary.from_cache = len(verdicts)
    todo = [k for k in by_key if k not in verdicts]
    if not todo:
        return verdicts
    run = _Run(options, deadline)
    run.tick(len(verdicts))
    try:
        arxiv_keys = [k for k in todo if k.startswith("arxiv:")]
        token = options.github_token
        github_keys = [k for k in todo if k.startswith("github:")] if token else []
        api = {*arxiv_keys, *github_keys}
        arxiv_done = _in_thread(lambda: _arxiv(run, arxiv_keys))
        github_done = _in_thread(lambda: _github(run, github_keys, token or ""))
        scheduler = Scheduler(
            policy_for=run.policy_for, deadline=run.deadline, workers=options.settings.workers
        )
        jobs = _http_jobs(run, {k: by_key[k][0] for k in todo if k not in api})
        fresh = scheduler.run(jobs, on_done=lambda key, verdict: run.tick())
        fresh.update(arxiv_done())
        fresh.update(github_done())
        summary.requests = run.http.requests_sent
    finally:
        run.http.close()
    fresh = {k: _unmapped(by_key[k][0], run.remap, v) for k, v in fresh.items()}
    if run.names.offline():
        summary.offline = True
        fresh = {k: _not_dead_offline(v) for k, v in fresh.items()}
    if cache is not None:
        cache.put_many(fresh)
    verdicts.update(fresh)
    for key in todo:  # an API that answered nothing for a key leaves it unverified
        verdicts.setdefault(key, Verdict(Status.UNVERIFIABLE, "no answer before the deadline"))
    return verdicts
