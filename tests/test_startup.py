"""A pre-commit hook pays the whole process start on every commit: a plain lint imports
only what it needs (no git, JSON, file-writing, SARIF or network code)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.test_rules import ENTRY

NOT_ON_A_PLAIN_LINT = (
    "tempfile",
    "subprocess",
    "json",
    "sqlite3",
    "requests",
    "xml",
    "readme_lint.changes",
    "readme_lint.baseline",
    "readme_lint.output_formats",
    "readme_lint.linkcheck.http",
)


def test_a_plain_lint_imports_nothing_it_does_not_need(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("# Papers\n\n" + ENTRY.replace("The comeback.", "???"), encoding="utf-8")
    code = (
        "import sys\n"
        "from readme_lint.cli import main\n"
        f"main(['-q', {str(readme)!r}])\n"
        f"print([m for m in {NOT_ON_A_PLAIN_LINT!r} if m in sys.modules])\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path
    ).stdout
    assert out.strip().splitlines()[-1] == "[]"
