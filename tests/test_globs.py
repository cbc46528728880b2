"""``exclude`` / ``per-file-ignores`` patterns, matched as .gitignore matches them."""

from __future__ import annotations

from pathlib import Path

import pytest

from readme_lint.config import from_mapping
from readme_lint.config.globs import matches

CASES = [
    # (pattern, relative path, matches?)
    ("archive", "archive/README.md", True),
    ("archive", "lists/archive/README.md", True),  # no slash: any depth
    ("archive", "archived/README.md", False),
    ("README.md", "lists/a/README.md", True),
    ("README.md", "lists/a/readme.md", False),  # case matters, as in git
    ("/README.md", "README.md", True),  # a leading slash anchors
    ("/README.md", "lists/README.md", False),
    ("lists/archive", "lists/archive/x/README.md", True),  # a folder covers its contents
    ("lists/archive", "old/lists/archive/README.md", False),  # a slash anchors
    ("lists/*/README.md", "lists/a/README.md", True),
    ("lists/*/README.md", "lists/a/b/README.md", False),  # '*' stays in one part
    ("lists/**/README.md", "lists/README.md", True),  # '**/' may span no folder
    ("lists/**/README.md", "lists/a/b/README.md", True),
    ("**/drafts", "a/b/drafts/README.md", True),
    ("drafts/**", "drafts/x/README.md", True),
    ("drafts/**", "x/drafts/README.md", False),
    ("*-old.md", "lists/papers-old.md", True),
    ("README.?d", "README.md", True),
    ("[ab]/README.md", "b/README.md", True),
    ("[ab]/README.md", "c/README.md", False),
    ("[!ab]/README.md", "c/README.md", True),
    ("a.b", "axb/README.md", False),  # '.' is a dot
    ("archive/", "archive/README.md", True),  # a trailing slash is a folder's
    ("./archive", "archive/README.md", True),  # "./" anchors, as "/" does
    ("./archive", "lists/archive/README.md", False),
]


@pytest.mark.parametrize(("pattern", "relative", "expected"), CASES)
def test_pattern(pattern: str, relative: str, expected: bool) -> None:
    assert matches(pattern, relative) is expected


def test_exclude_and_per_file_ignores_are_relative_to_the_configuration(tmp_path: Path) -> None:
    config = from_mapping(
        {"exclude": ["archive"], "per-file-ignores": {"lists/**": ["RL104", "toc-anchor"]}},
        "test",
    ).overridden(root=str(tmp_path))
    assert config.excludes(tmp_path / "archive" / "README.md")
    assert not config.excludes(tmp_path / "README.md")
    assert not config.excludes(tmp_path.parent / "archive" / "README.md")  # outside its folder
    assert config.for_file(tmp_path / "lists" / "a" / "README.md").ignore == ("RL104", "toc-anchor")
    assert config.for_file(tmp_path / "README.md") is config
    # Without a configuration file there is no folder to be relative to: nothing matches.
    assert not config.overridden(root=None).excludes(tmp_path / "archive" / "README.md")
