"""Which resource a URL names (readme_lint.linkcheck.resources, on readme_lint.core.papers)."""

from __future__ import annotations

import pytest

from readme_lint.core.papers import (
    canonical_arxiv_id,
    fetchable_arxiv_id,
    github_repo,
    normalize_url,
)
from readme_lint.linkcheck.resources import arxiv_ids, by_resource, github_repos, resource_key

KEYS = [
    # arXiv: every URL form of one paper
    ("https://arxiv.org/abs/2006.11239", "arxiv:2006.11239"),
    ("http://arxiv.org/abs/2006.11239", "arxiv:2006.11239"),
    ("https://export.arxiv.org/abs/2006.11239", "arxiv:2006.11239"),
    ("https://www.arxiv.org/abs/2006.11239", "arxiv:2006.11239"),
    ("https://arxiv.org/pdf/2006.11239", "arxiv:2006.11239"),
    ("https://arxiv.org/pdf/2006.11239.pdf", "arxiv:2006.11239"),
    ("https://arxiv.org/pdf/2006.11239v2.pdf", "arxiv:2006.11239"),
    ("https://arxiv.org/pdf/2006.11239v2", "arxiv:2006.11239"),
    ("https://arxiv.org/html/2006.11239v2", "arxiv:2006.11239"),
    ("https://arxiv.org/abs/2006.11239v2", "arxiv:2006.11239"),
    ("https://arxiv.org/abs/2006.11239/", "arxiv:2006.11239"),
    ("https://arxiv.org/abs/2006.11239?context=cs.LG", "arxiv:2006.11239"),
    ("https://arxiv.org/abs/2006.11239#section", "arxiv:2006.11239"),
    ("https://arxiv.org/abs/2006.11239v3?x=1#y", "arxiv:2006.11239"),
    ("https://arxiv.org/abs/0704.0001", "arxiv:0704.0001"),
    ("https://arxiv.org/abs/math/0211159", "arxiv:math/0211159"),
    ("https://arxiv.org/pdf/math/0211159v1.pdf", "arxiv:math/0211159"),
    ("https://arxiv.org/abs/hep-th/9901001v3", "arxiv:hep-th/9901001"),
    ("https://arxiv.org/abs/math.GT/0309136", "arxiv:math/0309136"),  # subject class folded
    ("https://arxiv.org/abs/cond-mat/0011067", "arxiv:cond-mat/0011067"),
    # ... which the linter's own pattern misses
    ("https://ArXiv.org/abs/2006.11239", "arxiv:2006.11239"),
    ("HTTPS://ARXIV.ORG/ABS/2006.11239", "arxiv:2006.11239"),
    ("https://arxiv.org:443/abs/2006.11239", "arxiv:2006.11239"),
    # arXiv pages that are no paper
    ("https://arxiv.org/list/cs.CV/recent", "https://arxiv.org/list/cs.CV/recent"),
    ("https://arxiv.org/abs/1234", "https://arxiv.org/abs/1234"),
    ("https://arxiv.org/", "https://arxiv.org"),
    ("https://arxiv.org:8443/abs/2006.11239", "https://arxiv.org:8443/abs/2006.11239"),
    ("ftp://arxiv.org/abs/2006.11239", "ftp://arxiv.org/abs/2006.11239"),
    # GitHub repositories, root and deeper
    ("https://github.com/hojonathanho/diffusion", "github:hojonathanho/diffusion"),
    ("https://github.com/hojonathanho/diffusion/", "github:hojonathanho/diffusion"),
    ("https://github.com/hojonathanho/diffusion.git", "github:hojonathanho/diffusion"),
    ("https://github.com/HoJonathanHo/Diffusion", "github:hojonathanho/diffusion"),
    ("http://www.github.com/hojonathanho/diffusion", "github:hojonathanho/diffusion"),
    ("https://GitHub.com/a/b/tree/main/x/y.py", "github:a/b"),
    ("https://github.com/a/b/blob/main/README.md#usage", "github:a/b"),
    ("https://github.com/a/b/issues/3", "github:a/b"),
    ("https://github.com/a/b?tab=readme-ov-file", "github:a/b"),
    ("https://github.com/a-b/c_d.e-f", "github:a-b/c_d.e-f"),
    ("https://github.com/user/user.github.io", "github:user/user.github.io"),
    # github.com pages that are no repository
    ("https://github.com/orgs/openai/repositories", "https://github.com/orgs/openai/repositories"),
    ("https://github.com/topics/diffusion", "https://github.com/topics/diffusion"),
    ("https://github.com/features/copilot", "https://github.com/features/copilot"),
    ("https://github.com/features", "https://github.com/features"),
    ("https://github.com/sponsors/someone", "https://github.com/sponsors/someone"),
    ("https://github.com/marketplace/actions/x", "https://github.com/marketplace/actions/x"),
    ("https://github.com/hojonathanho", "https://github.com/hojonathanho"),
    ("https://github.com/hojonathanho/", "https://github.com/hojonathanho/"),
    ("https://github.com/", "https://github.com"),
    ("https://github.com/a/.git", "https://github.com/a/.git"),
    ("https://github.com/a/..", "https://github.com/a/.."),
    ("https://github.com/a/b%22c", "https://github.com/a/b%22c"),
    ("https://gist.github.com/a/0123abcd", "https://gist.github.com/a/0123abcd"),
    ("https://hojonathanho.github.io/diffusion/", "https://hojonathanho.github.io/diffusion/"),
    ("https://user:pw@github.com/a/b", "https://user:pw@github.com/a/b"),
    # other URLs: normalised
    ("HTTPS://Example.COM/Path?Q=1#frag", "https://example.com/Path?Q=1"),
    ("https://example.com:443/", "https://example.com"),
    ("http://example.com:80/a", "http://example.com/a"),
    ("https://example.com:8443/a/", "https://example.com:8443/a/"),
    ("https://example.com/a/", "https://example.com/a/"),
    ("https://example.com", "https://example.com"),
    ("https://example.com/?", "https://example.com"),
    ("https://example.com/?a=1", "https://example.com?a=1"),
    ("http://[::1]:80/x", "http://[::1]/x"),
    ("  https://example.com/x  ", "https://example.com/x"),
    ("https://example.com:bad/x", "https://example.com:bad/x"),  # never raises
    ("mailto:someone@example.com", "mailto:someone@example.com"),
]


@pytest.mark.parametrize(("url", "key"), KEYS)
def test_resource_key(url: str, key: str) -> None:
    assert resource_key(url) == key


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("2006.11239", "2006.11239"),
        ("2006.11239v12", "2006.11239"),
        ("0704.0001", "0704.0001"),
        ("math/0211159v2", "math/0211159"),
        ("Math.GT/0309136", "math/0309136"),
        ("hep-th/9901001", "hep-th/9901001"),
        ("2006.112", None),
        ("2006.11239,2006.11240", None),
        ("math/02111", None),
        ("", None),
    ],
)
def test_canonical_arxiv_id(text: str, canonical: str | None) -> None:
    assert canonical_arxiv_id(text) == canonical


def test_helpers() -> None:
    urls = [
        "https://arxiv.org/abs/2006.11239",
        "https://arxiv.org/pdf/2006.11239v2.pdf",
        "https://github.com/A/B",
        "https://github.com/a/b/tree/main",
        "https://example.com/",
        "https://arxiv.org/abs/math/0211159",
    ]
    assert arxiv_ids(urls) == ["2006.11239", "math/0211159"]
    assert github_repos(urls) == [("a", "b")]
    assert fetchable_arxiv_id("https://example.com/arxiv") is None
    assert github_repo("https://github.com/Owner/Repo.git") == ("owner", "repo")
    assert normalize_url("HTTP://A.B/") == "http://a.b"
    assert by_resource([*urls, "https://example.com"]) == {
        "arxiv:2006.11239": urls[:2],
        "github:a/b": urls[2:4],
        "https://example.com": ["https://example.com/", "https://example.com"],
        "arxiv:math/0211159": [urls[5]],
    }
