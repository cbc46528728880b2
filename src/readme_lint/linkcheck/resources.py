"""Which resource a URL names: the unit that is checked once and cached.

* every arXiv URL form of one paper (``arxiv.org`` / ``export.arxiv.org`` /
  ``www.arxiv.org``; ``abs``, ``pdf`` with or without ``.pdf``, ``html``; any version;
  a query or fragment) is ``arxiv:<id>`` — the id without its version, old-style ids
  (``math/0211159``) without the subject class (``math.GT/0309136`` is ``math/0309136``,
  the form arXiv itself answers with);
* a link into a GitHub repository (its root or any deeper path: ``/tree/main/x``,
  ``/blob/...``, ``/issues/3``; a ``.git`` suffix; a trailing slash) is
  ``github:<owner>/<repo>``, lowercased (GitHub names are case-insensitive). Pages
  that are no repository (``/orgs/...``, ``/topics/...``, ``/features``, a user's page,
  ``gist.github.com``, ``*.github.io``) are not;
* anything else is its normalised URL: scheme and host lowercased, the default port
  and the fragment dropped, the query kept, a bare ``/`` path dropped.

What a paper id, a repository or a URL's one spelling is, is :mod:`readme_lint.core.papers`'
knowledge; this module groups a run's URLs by it.
"""

from __future__ import annotations

from collections.abc import Iterable

from readme_lint.core.papers import fetchable_arxiv_id, github_repo, normalize_url

__all__ = ["arxiv_ids", "by_resource", "github_repos", "resource_key"]


def arxiv_ids(urls: Iterable[str]) -> list[str]:
    """The distinct arXiv ids among ``urls``, in first-seen order."""
    return list(dict.fromkeys(i for i in map(fetchable_arxiv_id, urls) if i is not None))


def github_repos(urls: Iterable[str]) -> list[tuple[str, str]]:
    """The distinct GitHub repositories among ``urls``, in first-seen order."""
    return list(dict.fromkeys(r for r in map(github_repo, urls) if r is not None))


def resource_key(url: str) -> str:
    """``arxiv:<id>``, ``github:<owner>/<repo>`` or the normalised URL."""
    found = fetchable_arxiv_id(url)
    if found is not None:
        return f"arxiv:{found}"
    repo = github_repo(url)
    if repo is not None:
        return f"github:{repo[0]}/{repo[1]}"
    return normalize_url(url)


def by_resource(urls: Iterable[str]) -> dict[str, list[str]]:
    """Resource key -> the distinct URLs naming it, both in first-seen order."""
    out: dict[str, list[str]] = {}
    for url in urls:
        same = out.setdefault(resource_key(url), [])
        if url not in same:
            same.append(url)
    return out
