"""'-' reads the list from stdin (editor integrations): --stdin-filename names it in
messages and decides which configuration applies; with --fix the fixed text is the output."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import AUTHORS, LINKS, SUMMARY, TITLE, entry

BROKEN = "# List\n\n" + entry(TITLE, AUTHORS, LINKS, SUMMARY + " ")  # RL206 on line 6
FIXED = "# List\n\n" + entry(TITLE, AUTHORS, LINKS, SUMMARY)


def _run(args: list[str], data: bytes, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "readme_lint", "--no-color", *args],
        input=data,
        capture_output=True,
        cwd=cwd,
        check=False,
        timeout=60,
    )


def test_stdin_is_named_by_stdin_filename_and_configured_from_its_folder(tmp_path: Path) -> None:
    (tmp_path / "papers").mkdir()
    (tmp_path / "papers" / ".readme-lint.toml").write_text('ignore = ["RL206"]\n')
    plain = _run(["-"], BROKEN.encode(), tmp_path)
    assert plain.returncode == 1
    assert plain.stdout.decode().startswith("-:6:")
    named = _run(["-", "--stdin-filename", "papers/README.md"], BROKEN.encode(), tmp_path)
    assert named.returncode == 0, named.stdout.decode()  # papers/'s config turns RL206 off
    elsewhere = _run(["-", "--stdin-filename", "other/README.md"], BROKEN.encode(), tmp_path)
    assert elsewhere.stdout.decode().startswith("other/README.md:6:")


def test_fix_from_stdin_prints_the_fixed_text_and_reports_on_stderr(tmp_path: Path) -> None:
    done = _run(["--fix", "-", "--stdin-filename", "README.md"], BROKEN.encode(), tmp_path)
    assert done.stdout.decode() == FIXED
    assert "fixed README.md: 1 problem" in done.stderr.decode()
    assert done.returncode == 1  # changed, as for a file
    assert not (tmp_path / "README.md").exists()  # nothing written


def test_fix_from_stdin_keeps_the_bom(tmp_path: Path) -> None:
    done = _run(["--fix", "-"], ("\ufeff" + BROKEN).encode(), tmp_path)
    assert done.stdout == ("\ufeff" + FIXED).encode()


def test_binary_stdin_is_a_clear_error(tmp_path: Path) -> None:
    done = _run(["-"], b"\x89PNG\r\n\x1a\n\x00\x00", tmp_path)
    assert done.returncode == 2
    assert b"-: looks like a binary file" in done.stderr


@pytest.mark.parametrize("option", [["--staged"], ["--changed-since", "HEAD"]])
def test_git_narrowing_needs_a_file_not_stdin(
    option: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    from readme_lint.cli.main import main

    assert main([*option, "-"]) == 2
    assert "ask git about a file: not stdin" in capsys.readouterr().err
