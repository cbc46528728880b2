"""Arguments to files: directories stand for their README files, patterns are expanded,
a file named twice is linted once."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from readme_lint.paths import expand


def _tree(root: Path) -> None:
    for name in (
        "README.md",
        "lists/a/README.md",
        "lists/b/readme.md",
        "lists/b/notes.md",
        ".hidden/README.md",
        "node_modules/x/README.md",
        "docs/CONTRIBUTING.md",
    ):
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("# x\n", encoding="utf-8")


def _names(paths: list[Path], root: Path) -> list[str]:
    return [p.resolve().relative_to(root.resolve()).as_posix() for p in paths]


def test_directory_outside_git_is_its_readmes_without_hidden_folders(tmp_path: Path) -> None:
    _tree(tmp_path)
    files, problems = expand([tmp_path])
    assert _names(files, tmp_path) == ["README.md", "lists/a/README.md", "lists/b/readme.md"]
    assert problems == []


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_directory_in_git_respects_gitignore(tmp_path: Path) -> None:
    _tree(tmp_path)
    (tmp_path / ".gitignore").write_text("lists/b/\n", encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    files, _ = expand([tmp_path])
    assert _names(files, tmp_path) == ["README.md", "lists/a/README.md"]


@pytest.mark.parametrize(
    ("args", "expected", "problems"),
    [
        pytest.param(
            ["lists/*/*.md"],
            ["lists/a/README.md", "lists/b/notes.md", "lists/b/readme.md"],
            0,
            id="glob",
        ),
        pytest.param(
            ["**/README.md"],  # a pattern is the user's choice: no folder is skipped
            ["README.md", "lists/a/README.md", "node_modules/x/README.md"],
            0,
            id="recursive-glob",
        ),
        pytest.param(
            ["README.md", "./README.md", "lists/../README.md"], ["README.md"], 0, id="dedupe"
        ),
        pytest.param(["nope/*.md"], [], 1, id="pattern-matching-nothing"),
        pytest.param(["missing.md"], ["missing.md"], 0, id="missing-file-reported-when-read"),
    ],
)
def test_arguments(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    expected: list[str],
    problems: int,
) -> None:
    _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    files, found = expand([Path(a) for a in args])
    assert [p.as_posix() for p in files] == expected
    assert len(found) == problems
