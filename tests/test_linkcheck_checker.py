"""The orchestrator's pure parts: moved repositories per URL, file links, remapping."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pytest

from readme_lint.linkcheck.checker import _moved_repo, _remapper, check_file_links
from readme_lint.linkcheck.verdict import Status, Verdict


def _moved(final: str) -> Verdict:
    return Verdict(Status.MOVED, "renamed", final_url=final)


@pytest.mark.parametrize(
    ("url", "verdict", "final"),
    [
        # From the GraphQL API: the new repository's root; each URL keeps its own path.
        pytest.param(
            "https://github.com/old/repo/blob/main/y.py",
            _moved("https://github.com/Newer/Repo"),
            "https://github.com/Newer/Repo/blob/main/y.py",
            id="api-root-deep-url",
        ),
        pytest.param(
            "https://github.com/old/repo",
            _moved("https://github.com/Newer/Repo"),
            "https://github.com/Newer/Repo",
            id="api-root-root-url",
        ),
        # From HTTP on another URL of the same repository: only the repository is taken.
        pytest.param(
            "https://github.com/old/repo",
            _moved("https://github.com/Newer/Repo/tree/main/x"),
            "https://github.com/Newer/Repo",
            id="http-deep-final",
        ),
        # Moved off GitHub: the final URL as the check found it.
        pytest.param(
            "https://github.com/old/repo",
            _moved("https://gitlab.com/x/y"),
            "https://gitlab.com/x/y",
            id="off-github",
        ),
    ],
)
def test_moved_repository_final_url_per_link(url: str, verdict: Verdict, final: str) -> None:
    assert _moved_repo(url, verdict).final_url == final


def test_alive_verdicts_pass_through() -> None:
    alive = Verdict(Status.ALIVE, "200")
    assert _moved_repo("https://github.com/a/b", alive) is alive


def test_file_links_are_checked_on_disk(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "guide.md").write_text("x")
    (tmp_path / "my file.md").write_text("x")
    readme = tmp_path / "docs" / "README.md"
    urls = [
        "guide.md",
        "guide.md#usage",
        "missing.md",
        "/my%20file.md",
        "../my%20file.md",
        "https://a.org/x",
        "#anchor",
        "mailto:a@b.org",
    ]
    found = {u: v.status for u, v in check_file_links(readme, urls, tmp_path).items()}
    assert found == {
        "guide.md": Status.ALIVE,
        "guide.md#usage": Status.ALIVE,
        "missing.md": Status.BROKEN,
        "/my%20file.md": Status.ALIVE,
        "../my%20file.md": Status.ALIVE,
    }


def test_file_links_never_leave_the_repository_nor_crash(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    readme = tmp_path / "docs" / "README.md"
    urls = ["../../../../etc/passwd", "/../../etc/hostname", "%00x", "x" * 5000, "a/%00/b"]
    found = check_file_links(readme, urls, tmp_path / "docs")
    assert found["../../../../etc/passwd"].status is Status.BROKEN
    assert "outside the repository" in found["../../../../etc/passwd"].evidence
    assert "outside the repository" in found["/../../etc/hostname"].evidence
    assert all(found[u].status in (Status.BROKEN, Status.UNVERIFIABLE) for u in urls[2:])


def test_remap_rewrites_the_first_matching_rule_with_groups() -> None:
    remap = _remapper([(r"^https://arxiv\.org/(.*)", r"http://127.0.0.1:9/$1"), (r"a", "b")])
    assert remap("https://arxiv.org/abs/2006.11239") == "http://127.0.0.1:9/abs/2006.11239"
    assert remap("https://example.org/") == "https://exbmple.org/"
    assert remap("https://z.org/") == "https://z.org/"


def test_user_agent_names_the_tool_its_version_and_its_url(monkeypatch: pytest.MonkeyPatch) -> None:
    from email.message import Message

    from readme_lint import __version__
    from readme_lint.about import repository
    from readme_lint.linkcheck import checker

    assert checker.user_agent().startswith(f"readme-lint/{__version__} (")
    meta = Message()
    meta["Project-URL"] = "Documentation, https://example.org/docs"
    meta["Project-URL"] = "Repository, https://example.org/readme-lint/"
    monkeypatch.setattr("importlib.metadata.metadata", lambda name: meta)
    repository.cache_clear()
    try:
        assert checker.user_agent() == (
            f"readme-lint/{__version__} (paper-list link checker; +https://example.org/readme-lint)"
        )
    finally:
        repository.cache_clear()


def _dns(known: Mapping[str, str]):  # type: ignore[no-untyped-def]
    """A resolver that knows ``known`` (host -> address) and no other name."""
    import socket

    def resolve(host: str, port: int) -> list[str]:
        if host in known:
            return [known[host]]
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    return resolve


@pytest.mark.parametrize(
    ("known", "dead_status", "offline"),
    [
        # No name resolves at all: a sandbox or no network, not two dead sites.
        pytest.param({}, "unverifiable", True, id="nothing-resolves"),
        # One name resolved (to an address the guard refuses): the network works, so a
        # name that does not resolve is a dead link.
        pytest.param({"up.test": "127.0.0.1"}, "broken", False, id="one-resolves"),
    ],
)
def test_a_machine_without_dns_calls_no_link_dead(
    known: Mapping[str, str], dead_status: str, offline: bool
) -> None:
    from readme_lint.config import LinkSettings
    from readme_lint.linkcheck.checker import CheckOptions, check_links

    urls = [
        "https://gone.test/paper",
        "https://also-gone.test/x",
        "https://up.test/",
        "ftp://x.test/",
        "https://arxiv.org/abs/2013.12345",
    ]
    options = CheckOptions(LinkSettings(check=True, timeout=20), None, resolver=_dns(known))
    verdicts, summary = check_links(urls, options)
    assert verdicts["https://gone.test/paper"].status.value == dead_status
    assert verdicts["https://also-gone.test/x"].status.value == dead_status
    assert summary.offline is offline
    assert ("is this machine offline?" in summary.line()) is offline
    assert verdicts["ftp://x.test/"].status.value == "blocked"  # needs no network to know
    assert verdicts["https://arxiv.org/abs/2013.12345"].status.value == "broken"  # nor this
