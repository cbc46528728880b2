"""A pre-commit hook pays the whole process start on every commit: a plain lint imports
only what it needs (no git, JSON, file-writing, SARIF or network code, no option parser,
no dataclass machinery, no fixer). bench/startup.py measures what that buys."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ENTRY

NOT_ON_A_PLAIN_LINT = (
    "tempfile",
    "subprocess",
    "json",
    "sqlite3",
    "requests",
    "xml",
    "readme_lint.adopt.changes",
    "readme_lint.adopt.baseline",
    "readme_lint.output.report",
    "readme_lint.output.github",
    "readme_lint.output.json_report",
    "readme_lint.output.sarif",
    "readme_lint.output.junit",
    "readme_lint.output.stats",
    "readme_lint.output.rules_doc",
    "readme_lint.linkcheck.http",
    "readme_lint.linkcheck.verdict",
    "click",
    "dataclasses",
    "inspect",
    "difflib",
    "tomllib",  # no configuration file next to this list
    "glob",
    "threading",
    "readme_lint.engine.fix",
    "readme_lint.cli.command",
)


def test_a_plain_lint_imports_nothing_it_does_not_need(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("# Papers\n\n" + ENTRY.replace("The comeback.", "???"), encoding="utf-8")
    code = (
        "import sys\n"
        "from readme_lint.cli.main import main\n"
        f"main(['-q', {str(readme)!r}])\n"
        f"print([m for m in {NOT_ON_A_PLAIN_LINT!r} if m in sys.modules])\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path
    ).stdout
    assert out.strip().splitlines()[-1] == "[]"


@pytest.mark.parametrize(
    ("args", "simple"),
    [
        (["README.md"], {"files": (Path("README.md"),)}),
        (["--staged", "a.md", "-"], {"staged": True, "files": (Path("a.md"), Path("-"))}),
        (["--fix", "-q", "--no-color"], {"fix": True, "quiet": True, "color": False, "files": ()}),
        (["--select", "RL1", "README.md"], None),  # click reads anything else
        (["--", "README.md"], None),
        (["--help"], None),
        (["--format=json"], None),
    ],
)
def test_a_plain_call_is_read_without_click(args: list[str], simple: dict[str, Any] | None) -> None:
    from readme_lint.cli.options import Options, simple_call

    assert simple_call(args) == (Options(**simple) if simple is not None else None)


def test_the_full_parser_still_reads_everything_else(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from readme_lint.cli.main import main

    readme = tmp_path / "README.md"
    readme.write_text("# Papers\n", encoding="utf-8")
    assert main(["--select", "RL999", str(readme)]) == 2
    err = capsys.readouterr().err
    assert "Usage: readme-lint [OPTIONS] [FILES]..." in err
    assert "Invalid value: unknown rule 'RL999'" in err
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("readme-lint, version ")


def test_both_parsers_read_one_declaration_per_option() -> None:
    """click's command and the fast path are built from readme_lint.cli.options: every
    declared option is click's, and the fast path's flags are exactly the simple ones."""
    from readme_lint.cli.command import cli
    from readme_lint.cli.options import Options, _simple_flags, declarations

    declared = {name: how for name, how, _ in declarations()}
    click_names = {p.name for p in cli.params} - {"files", "version"}
    assert click_names == set(declared) == set(Options._fields) - {"files"}
    simple = {flag for name, how in declared.items() if how.simple for flag in how.flags}
    assert set(_simple_flags()) == {f for flags in simple for f in flags.split("/")}
    assert {name for name, _ in _simple_flags().values()} == {
        "fix",
        "quiet",
        "color",
        "strict",
        "exit_zero",
        "staged",
    }
