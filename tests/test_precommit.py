"""Both hooks of .pre-commit-hooks.yaml, run by real pre-commit against this repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.test_rules import AUTHORS, ENTRY, LINKS, SUMMARY, TITLE, entry

BROKEN = "# List\n\n" + entry("***" + TITLE[2:], AUTHORS, LINKS, SUMMARY + " ")  # fixable only
FIXED = "# List\n\n" + ENTRY

pytestmark = pytest.mark.skipif(
    not (ROOT / ".git").exists() or shutil.which("git") is None,
    reason="needs git and a git checkout",
)


def _pre_commit(tmp_path: Path, hook: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "PRE_COMMIT_COLOR": "never"}
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), hook, "--files", "README.md"],
        cwd=tmp_path / "repo",
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    work = tmp_path / "repo"
    work.mkdir()
    for args in (
        ["init", "-q"],
        ["config", "user.email", "t@example.org"],
        ["config", "user.name", "t"],
    ):
        subprocess.run(["git", *args], cwd=work, check=True)
    (work / "README.md").write_text(BROKEN, encoding="utf-8")
    subprocess.run(["git", "add", "README.md"], cwd=work, check=True)
    return work


def test_lint_hook_fails_and_leaves_the_file(repo: Path, tmp_path: Path) -> None:
    result = _pre_commit(tmp_path, "readme-lint")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "README.md:3:1: RL201 stray-asterisk" in result.stdout
    assert (repo / "README.md").read_text(encoding="utf-8") == BROKEN


def test_fix_hook_fixes_then_passes(repo: Path, tmp_path: Path) -> None:
    first = _pre_commit(tmp_path, "readme-lint-fix")
    assert first.returncode == 1 and "files were modified by this hook" in first.stdout
    assert (repo / "README.md").read_text(encoding="utf-8") == FIXED
    second = _pre_commit(tmp_path, "readme-lint-fix")
    assert second.returncode == 0, second.stdout + second.stderr
