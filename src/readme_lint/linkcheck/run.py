"""``--check-links`` at the edge: from the files being linted to verdicts per file.

The URLs of every file are gathered and checked together (one request per resource
across all files); relative links are checked against each file's own folder. The
pure core then turns verdicts into findings (rules/liveness.py). Importing this
module imports the network stack, so the lint path never does.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import click

from readme_lint.config import Config
from readme_lint.core.model import Document
from readme_lint.linkcheck.checker import (
    CheckOptions,
    CheckSummary,
    absolute,
    check_file_links,
    check_links,
    is_checked,
    is_web,
)
from readme_lint.linkcheck.resources import resource_key
from readme_lint.linkcheck.verdict import Verdict

CACHE_PATH = Path(".readme-lint-cache") / "links.sqlite"


@dataclass(frozen=True)
class LinkSource:
    path: Path
    doc: Document  # built once: the lint that follows reads the same model
    config: Config


def _urls(source: LinkSource) -> list[str]:
    links = (link.target.text.strip() for link in source.doc.links)
    return [u for u in links if is_checked(u)]


def repo_root(path: Path) -> Path:
    """The repository a file belongs to (where a link starting with ``/`` points)."""
    folder = path.resolve().parent
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return folder


def cache_path(config: Config) -> Path | None:
    if config.links.no_cache:
        return None
    root = Path(config.root) if config.root else Path.cwd()
    return root / config.links.cache if config.links.cache else root / CACHE_PATH


@contextmanager
def _progress(total: int) -> Iterator[Callable[[int], None] | None]:
    """A progress bar on stderr when it is a terminal (nothing otherwise)."""
    if not sys.stderr.isatty() or total < 2:
        yield None
        return
    with click.progressbar(length=total, label="Checking links", file=sys.stderr) as bar:

        def update(done: int) -> None:
            bar.update(max(0, done - bar.pos))

        yield update


def check_sources(
    sources: Sequence[LinkSource], *, use_proxy_env: bool = False
) -> tuple[dict[Path, Mapping[str, Verdict]], CheckSummary]:
    """Verdicts for the links of every file whose configuration turns the check on.

    Files under one link configuration are checked together (one request per
    resource across them); files under another (say, one that allows private
    addresses) are checked with their own settings, whatever the argument order.
    """
    groups: dict[tuple[str, Path | None], list[LinkSource]] = {}
    for source in sources:
        if source.config.links.check:
            key = (repr(source.config.links), cache_path(source.config))
            groups.setdefault(key, []).append(source)
    out: dict[Path, Mapping[str, Verdict]] = {}
    summary = CheckSummary()
    for group in groups.values():
        verdicts, done = _check_group(group, use_proxy_env)
        out.update(verdicts)
        summary.add(done)
    return out, summary


def _check_group(
    sources: Sequence[LinkSource], use_proxy_env: bool
) -> tuple[dict[Path, Mapping[str, Verdict]], CheckSummary]:
    per_file = {s.path: _urls(s) for s in sources}
    config = sources[0].config
    every = [u for urls in per_file.values() for u in urls]
    resources = {resource_key(absolute(u)) for u in every if is_web(u)}
    with _progress(len(resources)) as progress:
        options = CheckOptions(
            config.links,
            cache_path(config),
            github_token=os.environ.get("GITHUB_TOKEN") or None,
            use_proxy_env=use_proxy_env,
            progress=progress,
        )
        web, summary = check_links(every, options)
    out: dict[Path, Mapping[str, Verdict]] = {}
    for source in sources:
        files = check_file_links(source.path, per_file[source.path], repo_root(source.path))
        out[source.path] = {**web, **files}
    return out, summary
