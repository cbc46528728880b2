"""Both hooks of .pre-commit-hooks.yaml, run by real pre-commit against this repository."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import (
    FIXED_LIST,
    ROOT,
    UNFIXED_LIST,
    needs_git_checkout,
    needs_package_index,
)

pytestmark = [needs_git_checkout, needs_package_index]


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


def test_lint_hook_fails_and_leaves_the_file(hook_repo: Path, tmp_path: Path) -> None:
    result = _pre_commit(tmp_path, "readme-lint")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "README.md:3:1: RL201 stray-asterisk" in result.stdout
    assert (hook_repo / "README.md").read_text(encoding="utf-8") == UNFIXED_LIST


def test_fix_hook_fixes_then_passes(hook_repo: Path, tmp_path: Path) -> None:
    first = _pre_commit(tmp_path, "readme-lint-fix")
    assert first.returncode == 1 and "files were modified by this hook" in first.stdout
    assert (hook_repo / "README.md").read_text(encoding="utf-8") == FIXED_LIST
    second = _pre_commit(tmp_path, "readme-lint-fix")
    assert second.returncode == 0, second.stdout + second.stderr
