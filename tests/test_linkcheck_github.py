"""GitHub repositories checked in batches through the GraphQL API
(readme_lint.linkcheck.github)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import pytest

from readme_lint.linkcheck.github import GithubClient, build_query
from readme_lint.linkcheck.verdict import FetchError, FetchResult, Status, Verdict
from tests.linkcheck_api_server import Answer, Request, local_server, requests_fetch

TOKEN = "ghp_S3cretT0kenThatMustNeverLeak0123456789"
API = "https://api.github.com/graphql"

# What GitHub knows: the lowercased name asked for -> (nameWithOwner, isArchived).
REPOS: dict[str, tuple[str, bool]] = {
    "hojonathanho/diffusion": ("hojonathanho/diffusion", False),
    "ermongroup/ncsn": ("ermongroup/ncsn", False),
    "compvis/stable-diffusion": ("CompVis/stable-diffusion", False),
    "old-owner/old-name": ("new-owner/new-name", False),  # transferred and renamed
    "openai/guided-diffusion-old": ("openai/guided-diffusion", True),  # renamed, archived
    "openai/improved-diffusion": ("openai/improved-diffusion", True),  # archived
}


def graphql_answer(body: bytes, repos: Mapping[str, tuple[str, bool]]) -> dict[str, Any]:
    """GitHub's answer to one aliased query (variables o<i>/n<i>)."""
    request = json.loads(body)
    variables = request["variables"]
    aliases = re.findall(
        r"(r\d+): repository\(owner: \$(o\d+), name: \$(n\d+), followRenames: true\)",
        request["query"],
    )
    data: dict[str, Any] = {}
    errors: list[dict[str, Any]] = []
    for alias, o, n in aliases:
        asked = f"{variables[o]}/{variables[n]}"
        known = repos.get(asked.lower())
        if known is None:
            data[alias] = None
            errors.append(
                {
                    "type": "NOT_FOUND",
                    "path": [alias],
                    "locations": [{"line": 1, "column": 10}],
                    "message": f"Could not resolve to a Repository with the name '{asked}'.",
                }
            )
        else:
            name, archived = known
            data[alias] = {
                "nameWithOwner": name,
                "isArchived": archived,
                "url": f"https://github.com/{name}",
            }
    return {"data": data, "errors": errors} if errors else {"data": data}


@dataclass
class Sent:
    url: str
    headers: dict[str, str]
    body: bytes
    timeout: float

    @property
    def repos(self) -> list[str]:
        request = json.loads(self.body)
        variables = request["variables"]
        return [f"{variables[f'o{i}']}/{variables[f'n{i}']}" for i in range(len(variables) // 2)]


@dataclass
class FakeGithub:
    """A ``Fetch`` answering like the GraphQL API; ``script`` answers come first."""

    repos: dict[str, tuple[str, bool]] = field(default_factory=lambda: dict(REPOS))
    script: list[FetchResult | FetchError] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)  # on every generated answer
    sent: list[Sent] = field(default_factory=list)

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
        assert method == "POST" and body is not None and headers is not None
        self.sent.append(Sent(url, dict(headers), body, timeout))
        if self.script:
            scripted = self.script.pop(0)
            if isinstance(scripted, FetchError):
                raise scripted
            return scripted
        answer = json.dumps(graphql_answer(body, self.repos)).encode()
        return FetchResult(200, url, {"content-type": "application/json", **self.headers}, answer)


def lookup(api: FakeGithub, repos: list[tuple[str, str]], **kwargs: Any) -> dict[str, Verdict]:
    return GithubClient(api, TOKEN).lookup(repos, **kwargs)


def test_alive_renamed_archived_missing() -> None:
    api = FakeGithub()
    verdicts = lookup(
        api,
        [
            ("hojonathanho", "diffusion"),
            ("Ermongroup", "NCSN"),  # another case: the same repository
            ("CompVis", "stable-diffusion"),
            ("old-owner", "old-name"),
            ("openai", "guided-diffusion-old"),
            ("openai", "improved-diffusion"),
            ("nobody", "nothing"),
        ],
    )
    got = {k: (v.status, v.final_url, v.archived) for k, v in verdicts.items()}
    assert got == {
        "hojonathanho/diffusion": (Status.ALIVE, None, False),
        "ermongroup/ncsn": (Status.ALIVE, None, False),
        "compvis/stable-diffusion": (Status.ALIVE, None, False),
        "old-owner/old-name": (Status.MOVED, "https://github.com/new-owner/new-name", False),
        "openai/guided-diffusion-old": (
            Status.MOVED,
            "https://github.com/openai/guided-diffusion",
            True,
        ),
        "openai/improved-diffusion": (Status.ALIVE, None, True),
        "nobody/nothing": (Status.BROKEN, None, False),
    }
    assert "NOT_FOUND" in verdicts["nobody/nothing"].evidence
    assert "new-owner/new-name" in verdicts["old-owner/old-name"].evidence
    assert "archived" in verdicts["openai/improved-diffusion"].evidence
    assert len(api.sent) == 1
    sent = api.sent[0]
    assert sent.url == API
    assert sent.headers["Authorization"] == f"bearer {TOKEN}"
    assert sent.headers["Content-Type"] == "application/json"
    assert sent.repos[1] == "Ermongroup/NCSN"  # sent as written


def test_duplicates_are_asked_once() -> None:
    api = FakeGithub()
    verdicts = lookup(api, [("a", "b"), ("A", "B"), ("hojonathanho", "diffusion")] * 3)
    assert set(verdicts) == {"a/b", "hojonathanho/diffusion"}
    assert api.sent[0].repos == ["a/b", "hojonathanho/diffusion"]


def test_250_repos_in_three_queries() -> None:
    names = [(f"owner{i}", f"repo-{i}") for i in range(250)]
    api = FakeGithub({f"owner{i}/repo-{i}": (f"owner{i}/repo-{i}", False) for i in range(250)})
    verdicts = lookup(api, names)
    assert [len(s.repos) for s in api.sent] == [100, 100, 50]
    assert [r for s in api.sent for r in s.repos] == [f"{o}/{n}" for o, n in names]
    assert set(verdicts) == {f"{o}/{n}" for o, n in names}
    assert all(v.status is Status.ALIVE for v in verdicts.values())
    query = json.loads(api.sent[2].body)["query"]
    assert "r49: repository(owner: $o49, name: $n49, followRenames: true)" in query
    assert "r50:" not in query


def test_query_shape() -> None:
    built = build_query([("a", "b"), ("c", "d")])
    assert built == {
        "query": "query($o0: String!, $n0: String!, $o1: String!, $n1: String!) { "
        "r0: repository(owner: $o0, name: $n0, followRenames: true) { nameWithOwner isArchived url } "
        "r1: repository(owner: $o1, name: $n1, followRenames: true) { nameWithOwner isArchived url } }",
        "variables": {"o0": "a", "n0": "b", "o1": "c", "n1": "d"},
    }


# --- untrusted names -----------------------------------------------------------------

HOSTILE = [
    ('a") { x } r9: viewer { login } #', "b"),
    ("owner", 'name" }'),
    ("owner", "name with space"),
    ("owner", ".."),
    ("owner", "."),
    ("..", "x"),
    ("-owner", "x"),
    ("owner", "a/b"),
    ("owner", "a\nb"),
    ("owner", "ünïcode"),
    ("owner", "$o0"),
    ("x" * 40, "b"),
    ("owner", "y" * 101),
    ("", "b"),
    ("owner", ""),
]


def test_hostile_names_are_broken_and_never_sent() -> None:
    api = FakeGithub()
    verdicts = lookup(api, [*HOSTILE, ("hojonathanho", "diffusion")])
    assert verdicts["hojonathanho/diffusion"].status is Status.ALIVE
    for owner, name in HOSTILE:
        verdict = verdicts[f"{owner}/{name}".lower()]
        assert verdict.status is Status.BROKEN and "malformed" in verdict.evidence
    assert len(api.sent) == 1 and api.sent[0].repos == ["hojonathanho/diffusion"]
    # the request is exactly the one for the valid repository
    assert json.loads(api.sent[0].body) == build_query([("hojonathanho", "diffusion")])


def test_only_hostile_names_send_nothing() -> None:
    api = FakeGithub()
    verdicts = lookup(api, HOSTILE)
    assert len(verdicts) == len(HOSTILE) and api.sent == []


# --- refusals and failures -----------------------------------------------------------


def result(status: int, body: object = None, **headers: str) -> FetchResult:
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    return FetchResult(status, API, {k.replace("_", "-"): v for k, v in headers.items()}, raw)


def repos(n: int) -> list[tuple[str, str]]:
    return [(f"o{i}", f"r{i}") for i in range(n)]


def test_rate_limit_exhausted_stops_the_batches() -> None:
    api = FakeGithub(
        script=[
            result(
                403,
                {"message": "API rate limit exceeded"},
                x_ratelimit_remaining="0",
                x_ratelimit_reset="99999999999",
            )
        ]
    )
    verdicts = lookup(api, repos(250))
    assert len(api.sent) == 1  # the other two batches would fail alike: not sent
    assert {v.status for v in verdicts.values()} == {Status.UNVERIFIABLE}
    assert all("rate limit" in v.evidence and "resets in" in v.evidence for v in verdicts.values())


def test_last_request_of_the_rate_limit_answers_then_stops() -> None:
    api = FakeGithub(
        {f"o{i}/r{i}": (f"o{i}/r{i}", False) for i in range(250)},
        headers={"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "99999999999"},
    )
    verdicts = lookup(api, repos(250))
    assert len(api.sent) == 1
    statuses = [verdicts[f"o{i}/r{i}"].status for i in range(250)]
    assert statuses == [Status.ALIVE] * 100 + [Status.UNVERIFIABLE] * 150


def test_graphql_rate_limited_error() -> None:
    limited = {
        "errors": [{"type": "RATE_LIMITED", "message": "API rate limit exceeded for user ID 1."}]
    }
    api = FakeGithub(script=[result(200, limited)])
    verdicts = lookup(api, repos(150))
    assert len(api.sent) == 1
    assert all(
        v.status is Status.UNVERIFIABLE and "rate limit" in v.evidence for v in verdicts.values()
    )


def test_secondary_rate_limit() -> None:
    api = FakeGithub(script=[result(403, {"message": "secondary rate limit"}, retry_after="60")])
    verdicts = lookup(api, repos(150))
    assert len(api.sent) == 1
    assert all("Retry-After 60" in v.evidence for v in verdicts.values())


def test_401_stops_the_batches() -> None:
    api = FakeGithub(script=[result(401, {"message": "Bad credentials"})])
    verdicts = lookup(api, repos(150))
    assert len(api.sent) == 1
    assert all(v.status is Status.UNVERIFIABLE and "401" in v.evidence for v in verdicts.values())


@pytest.mark.parametrize(
    ("scripted", "evidence"),
    [
        (result(502, b"<html>Bad Gateway</html>"), "HTTP 502"),
        (result(500, b""), "HTTP 500"),
        (FetchError("timeout", "read timed out"), "timeout"),
        (FetchError("connect", "connection refused"), "connect"),
        (result(200, b"{not json"), "malformed JSON"),
        (result(200, b"\xff\xfe"), "malformed JSON"),
        (result(200, b"[" * 200_000), "malformed JSON"),
        (result(200, [1, 2]), "unexpected JSON"),
        (
            result(200, {"data": None, "errors": [{"message": "Something went wrong"}]}),
            "Something went wrong",
        ),
        (result(200, {"data": {}}), "no answer"),
        (result(200, {"data": {"r0": None, "r1": None}}), "without an error"),
        (result(200, {"data": {"r0": {"nameWithOwner": 'evil"/x y'}, "r1": 5}}), "unexpected"),
    ],
)
def test_failures_make_the_batch_unverifiable(
    scripted: FetchResult | FetchError, evidence: str
) -> None:
    api = FakeGithub(script=[scripted])
    verdicts = lookup(api, [*repos(2), *repos(102)[2:]])
    first = [verdicts["o0/r0"], verdicts["o1/r1"]]
    assert all(v.status is Status.UNVERIFIABLE for v in first)
    assert any(evidence in v.evidence for v in first), first
    assert len(api.sent) == 2  # the next batch is still asked
    assert verdicts["o101/r101"].status is Status.BROKEN  # unknown to the fake: NOT_FOUND


def test_other_error_types_are_unverifiable() -> None:
    forbidden = {
        "data": {"r0": None},
        "errors": [{"type": "FORBIDDEN", "path": ["r0"], "message": "Repository access blocked"}],
    }
    verdict = lookup(FakeGithub(script=[result(200, forbidden)]), [("a", "b")])["a/b"]
    assert verdict.status is Status.UNVERIFIABLE and "Repository access blocked" in verdict.evidence


def test_deadline_passed_sends_nothing() -> None:
    api = FakeGithub()
    client = GithubClient(api, TOKEN, clock=lambda: 100.0)
    verdicts = client.lookup(repos(3), deadline=99.0)
    assert api.sent == [] and all("deadline" in v.evidence for v in verdicts.values())
    client.lookup(repos(3), deadline=105.0)
    assert api.sent[0].timeout == 5.0  # the fetch ends by the deadline


# --- the token -----------------------------------------------------------------------


def test_token_never_leaks() -> None:
    echo = f"Bad credentials for bearer {TOKEN}"
    answers: list[FetchResult | FetchError] = [
        result(
            200, {"data": {"r0": None}, "errors": [{"type": "X", "path": ["r0"], "message": echo}]}
        ),
        result(200, {"data": None, "errors": [{"message": echo}]}),
        result(200, {"errors": [{"type": "RATE_LIMITED", "message": echo}]}),
        FetchError("connect", echo),
        result(401, {"message": echo}),
    ]
    evidence: list[str] = []
    for answer in answers:
        client = GithubClient(FakeGithub(script=[answer]), TOKEN)
        for verdict in client.lookup([("a", "b"), ("c", "d")]).values():
            evidence.append(repr(verdict))
        evidence.append(repr(client))
        evidence.append(str(vars(client).get("_stopped")))
    renamed = lookup(FakeGithub(), [("old-owner", "old-name"), ("nobody", "x"), *HOSTILE[:3]])
    evidence.extend(repr(v) for v in renamed.values())
    assert all(TOKEN not in text for text in evidence)
    assert any("[token]" in text for text in evidence)  # the echoes were scrubbed
    for bad in ("", "   "):
        with pytest.raises(ValueError) as raised:
            GithubClient(FakeGithub(), bad)
        assert TOKEN not in str(raised.value)


def test_token_never_leaks_through_a_long_message_cut_short() -> None:
    echo = "x" * 190 + TOKEN  # cut at 200 characters, the token's head would remain
    answer = result(200, {"data": None, "errors": [{"message": echo}]})
    verdict = GithubClient(FakeGithub(script=[answer]), TOKEN).lookup([("a", "b")])["a/b"]
    assert TOKEN[:10] not in verdict.evidence


def test_token_in_a_repository_name_is_scrubbed_too() -> None:
    api = FakeGithub({f"x/{TOKEN}".lower(): (f"new/{TOKEN}", False)})
    verdicts = lookup(api, [("x", TOKEN), ("y", TOKEN)])  # keys are lowercased: scrubbed alike
    assert {v.status for v in verdicts.values()} == {Status.MOVED, Status.BROKEN}
    assert all(TOKEN.lower() not in repr(v).lower() for v in verdicts.values())


def test_unexpected_exception_from_the_fetch_never_carries_the_token() -> None:
    def fetch(method: str, url: str, **kwargs: Any) -> FetchResult:
        raise ValueError(f"headers were {{'Authorization': 'bearer {TOKEN}'}}")

    with pytest.raises(RuntimeError) as raised:
        GithubClient(fetch, TOKEN).lookup([("a", "b")])
    assert TOKEN not in str(raised.value) and "[token]" in str(raised.value)
    assert raised.value.__cause__ is None and raised.value.__suppress_context__

    def plain(method: str, url: str, **kwargs: Any) -> FetchResult:
        raise KeyError("a bug")

    with pytest.raises(KeyError):  # without the token: raised as it is
        GithubClient(plain, TOKEN).lookup([("a", "b")])


# --- against a real local server -----------------------------------------------------


@dataclass
class LocalGraphql:
    requests: list[Request] = field(default_factory=list)

    def __call__(self, request: Request) -> Answer:
        self.requests.append(request)
        if request.method != "POST" or request.headers.get("Authorization") != f"bearer {TOKEN}":
            return 401, {"Content-Type": "application/json"}, b'{"message": "Bad credentials"}'
        answer = json.dumps(graphql_answer(request.body, REPOS)).encode()
        return 200, {"Content-Type": "application/json", "X-RateLimit-Remaining": "4999"}, answer


@pytest.fixture
def local_graphql() -> Iterator[tuple[LocalGraphql, str]]:
    api = LocalGraphql()
    with local_server(api) as base:
        yield api, f"{base}/graphql"


def test_real_server(local_graphql: tuple[LocalGraphql, str]) -> None:
    api, url = local_graphql
    client = GithubClient(requests_fetch, TOKEN, api_url=url)
    verdicts = client.lookup(
        [("CompVis", "stable-diffusion"), ("old-owner", "old-name"), ("nobody", "x"), ('bad"', "x")]
    )
    assert {k: v.status for k, v in verdicts.items()} == {
        "compvis/stable-diffusion": Status.ALIVE,
        "old-owner/old-name": Status.MOVED,
        "nobody/x": Status.BROKEN,
        'bad"/x': Status.BROKEN,
    }
    assert len(api.requests) == 1
    assert api.requests[0].headers["Content-Type"] == "application/json"
    assert b"bad" not in api.requests[0].body


def test_real_server_refuses_the_token(local_graphql: tuple[LocalGraphql, str]) -> None:
    api, url = local_graphql
    verdicts = GithubClient(requests_fetch, "ghp_wrong", api_url=url).lookup(repos(150))
    assert len(api.requests) == 1
    assert all(v.status is Status.UNVERIFIABLE and "401" in v.evidence for v in verdicts.values())
    assert all("ghp_wrong" not in v.evidence for v in verdicts.values())
