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

The arXiv mapping reuses the linter's :func:`readme_lint.rules.links.arxiv_id` and adds
what a liveness check needs on top: uppercase hosts and an explicit default port (the
linter's pattern sees neither) and the subject-class folding above.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import SplitResult, urlsplit, urlunsplit

from readme_lint.rules import links as _links

__all__ = [
    "ARXIV_ID",
    "GITHUB_NAME",
    "GITHUB_OWNER",
    "arxiv_id",
    "arxiv_ids",
    "by_resource",
    "canonical_arxiv_id",
    "github_repo",
    "github_repos",
    "normalize_url",
    "resource_key",
]

_DEFAULT_PORTS = {"http": 80, "https": 443}

# A canonical arXiv id, version stripped: new style (0704.0001 .. 2412.12345) or old
# style archive/YYMMNNN (math/0211159, hep-th/9901001, cond-mat/0011067).
ARXIV_ID = re.compile(r"^(?:\d{4}\.\d{4,5}|[a-z]+(?:-[a-z]+)*/\d{7})$")
_ARXIV_ANY = re.compile(
    r"^(?P<base>\d{4}\.\d{4,5}|(?P<archive>[a-z]+(?:-[a-z]+)*)(?:\.[a-z]{2})?/(?P<num>\d{7}))"
    r"(?:v\d+)?$",
    re.IGNORECASE,
)

# GitHub's allowed characters. Owners (users and organisations): letters, digits and
# hyphens (underscores for managed accounts), at most 39 characters, no leading
# hyphen. Repository names: letters, digits, '.', '_', '-', at most 100 characters,
# never '.' or '..'.
GITHUB_OWNER = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,38}$")
GITHUB_NAME = re.compile(r"^[A-Za-z0-9_.-]{1,100}$")

# First path segments of github.com that are GitHub's own pages, never a user or an
# organisation (GitHub reserves these names).
_GITHUB_RESERVED = frozenset(
    """
    about account advisories apps blog codespaces collections contact copilot
    customer-stories dashboard discussions education enterprise events explore
    features git-guides github-copilot home issues join login logout marketplace
    mobile new nonprofit notifications organizations orgs password_reset premium-support
    pricing pulls readme resources search security sessions settings signup site
    sitemap solutions sponsors stars team topics trending users watching
    """.split()
)


def canonical_arxiv_id(text: str) -> str | None:
    """``text`` as the id arXiv answers with: lowercase, no version, no subject class.

    ``"2006.11239v2"`` -> ``"2006.11239"``, ``"math.GT/0309136"`` -> ``"math/0309136"``;
    None when ``text`` is no arXiv id at all.
    """
    match = _ARXIV_ANY.match(text.strip())
    if match is None:
        return None
    if match.group("archive"):
        return f"{match.group('archive').lower()}/{match.group('num')}"
    return match.group("base")


def _split(url: str) -> SplitResult | None:
    try:
        parts = urlsplit(url.strip())
        _ = parts.port  # raises ValueError for a malformed port
    except ValueError:
        return None
    return parts


def _is_http(parts: SplitResult) -> bool:
    return parts.scheme.lower() in _DEFAULT_PORTS and parts.hostname is not None


def _default_port(parts: SplitResult) -> bool:
    return parts.port is None or parts.port == _DEFAULT_PORTS.get(parts.scheme.lower())


def arxiv_id(url: str) -> str | None:
    """The arXiv paper an http(s) URL links to, as its canonical id, else None."""
    if "arxiv" not in url.lower():
        return None
    parts = _split(url)
    if parts is None or not _is_http(parts) or not _default_port(parts):
        return None
    if parts.username is not None or parts.password is not None:
        return None
    # The linter's pattern expects a lowercase host and no port: give it that.
    found = _links.arxiv_id(urlunsplit(("https", parts.hostname or "", *parts[2:])))
    return canonical_arxiv_id(found) if found else None


def arxiv_ids(urls: Iterable[str]) -> list[str]:
    """The distinct arXiv ids among ``urls``, in first-seen order."""
    return list(dict.fromkeys(i for i in map(arxiv_id, urls) if i is not None))


def github_repo(url: str) -> tuple[str, str] | None:
    """``(owner, repo)``, lowercased, of a link into a GitHub repository, else None."""
    parts = _split(url)
    if parts is None or not _is_http(parts) or not _default_port(parts):
        return None
    if parts.hostname not in ("github.com", "www.github.com"):
        return None
    if parts.username is not None or parts.password is not None:
        return None
    segments = parts.path.split("/")
    # "/owner/repo/..." splits as ["", "owner", "repo", ...]
    if len(segments) < 3 or segments[0] != "":
        return None
    owner, repo = segments[1], segments[2]
    repo = repo[:-4] if repo.lower().endswith(".git") else repo
    if owner.lower() in _GITHUB_RESERVED or not GITHUB_OWNER.match(owner):
        return None
    if repo in ("", ".", "..") or not GITHUB_NAME.match(repo):
        return None
    return owner.lower(), repo.lower()


def github_repos(urls: Iterable[str]) -> list[tuple[str, str]]:
    """The distinct GitHub repositories among ``urls``, in first-seen order."""
    return list(dict.fromkeys(r for r in map(github_repo, urls) if r is not None))


def normalize_url(url: str) -> str:
    """One spelling per URL: scheme and host lowercased, default port and fragment
    dropped, query kept, a bare ``/`` path dropped. A URL that does not split (a
    malformed port) comes back stripped but otherwise as given."""
    parts = _split(url)
    if parts is None:
        return url.strip()
    scheme = parts.scheme.lower()
    netloc = parts.netloc
    if parts.hostname is not None:
        host = parts.hostname  # lowercased by urlsplit, brackets of IPv6 removed
        if ":" in host:
            host = f"[{host}]"
        userinfo = netloc.rpartition("@")[0]
        netloc = f"{userinfo}@{host}" if "@" in netloc else host
        if not _default_port(parts):
            netloc = f"{netloc}:{parts.port}"
    path = "" if parts.path == "/" and netloc else parts.path
    return urlunsplit((scheme, netloc, path, parts.query, ""))


def resource_key(url: str) -> str:
    """``arxiv:<id>``, ``github:<owner>/<repo>`` or the normalised URL."""
    found = arxiv_id(url)
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
