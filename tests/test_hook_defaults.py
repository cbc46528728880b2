"""The shipped hooks lint README files only: other Markdown is prose, not a paper list."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, UNFIXED_LIST, needs_git_checkout, needs_package_index

pytestmark = [needs_git_checkout, needs_package_index]


def test_lint_hook_skips_markdown_that_is_not_a_readme(hook_repo: Path, tmp_path: Path) -> None:
    (hook_repo / "CONTRIBUTING.md").write_text(UNFIXED_LIST, encoding="utf-8")
    (hook_repo / "docs").mkdir()
    (hook_repo / "docs" / "readme.md").write_text(UNFIXED_LIST, encoding="utf-8")
    subprocess.run(["git", "add", "-A"], cwd=hook_repo, check=True)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "PRE_COMMIT_COLOR": "never"}
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "readme-lint", "--all-files"],
        cwd=hook_repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "README.md:3:1: RL201" in result.stdout
    assert "docs/readme.md:3:1: RL201" in result.stdout  # any case, any folder
    assert "CONTRIBUTING.md" not in result.stdout
