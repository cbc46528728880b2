"""Arguments to files: directories stand for their README files, patterns are expanded,
a file named twice is linted once."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from readme_lint.cli.paths import expand


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


BROKEN = "# List\n\n**A Paper** \\\n*Jonathan Ho* \\\narXiv 2020. [[Paper](https://arxiv.org/abs/2006.11239)] \\\n???\n"


def _lint(root: Path, *args: str) -> tuple[int, str, str]:
    import contextlib
    import io

    from readme_lint.cli.main import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--no-color", *args])
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(
    ("config", "args", "linted", "summary"),
    [
        pytest.param(
            'exclude = ["archive"]',
            ["."],
            {"README.md", "lists/a/README.md"},
            "in 2 files, 1 excluded by the configuration",
            id="directory",
        ),
        pytest.param(
            'exclude = ["archive"]',
            ["archive/README.md", "README.md"],  # pre-commit names files one by one
            {"README.md"},
            "in 1 file, 1 excluded by the configuration",
            id="named-file",
        ),
        pytest.param(
            'exclude = ["/lists/*/README.md"]',
            ["."],
            {"README.md", "archive/README.md"},
            "in 2 files, 1 excluded by the configuration",
            id="anchored-pattern",
        ),
        pytest.param(
            "",
            ["."],
            {"README.md", "archive/README.md", "lists/a/README.md"},
            "in 3 files.",
            id="no-exclude",
        ),
    ],
)
def test_exclude(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    config: str,
    args: list[str],
    linted: set[str],
    summary: str,
) -> None:
    for name in ("README.md", "archive/README.md", "lists/a/README.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(BROKEN, encoding="utf-8")
    (tmp_path / ".readme-lint.toml").write_text(config + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, _ = _lint(tmp_path, *args)
    assert code == 1
    reported = {
        line.split(":")[0].removeprefix("./") for line in out.splitlines() if ": RL" in line
    }
    assert reported == linted
    assert summary in out


def test_everything_excluded_passes_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "README.md").write_text(BROKEN, encoding="utf-8")
    (tmp_path / ".readme-lint.toml").write_text('exclude = ["README.md"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert _lint(tmp_path, "README.md")[:2] == (
        0,
        "All checks passed (0 files, 1 excluded by the configuration).\n",
    )


def test_per_file_ignores(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("README.md", "lists/a/README.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(BROKEN, encoding="utf-8")
    (tmp_path / ".readme-lint.toml").write_text(
        '[per-file-ignores]\n"lists/**" = ["placeholder-summary"]\n', encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    # The command line's --ignore adds to them; --select does not bring the rule back.
    code, out, _ = _lint(tmp_path, "--select", "RL1", ".")
    found = [
        line.split(":")[0] + " " + line.split()[1] for line in out.splitlines() if ": RL" in line
    ]
    assert found == ["README.md RL105"]
    assert code == 1


def test_a_broken_configuration_is_reported_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("README.md", "a/README.md", "b/README.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(BROKEN, encoding="utf-8")
    (tmp_path / ".readme-lint.toml").write_text('exclude = ["/"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, _, err = _lint(tmp_path, ".")
    assert code == 2
    assert err.count("'exclude' has an empty pattern") == 1


def test_each_configuration_is_read_once_a_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """exclude, the narrowing and the lint share one discovery: a hook's start-up."""
    import readme_lint.config as config

    for name in ("README.md", "lists/README.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(BROKEN, encoding="utf-8")
    (tmp_path / ".readme-lint.toml").write_text('exclude = ["drafts"]\n', encoding="utf-8")
    reads: list[Path] = []
    original = config._read_toml
    monkeypatch.setattr(config, "_read_toml", lambda path: reads.append(path) or original(path))
    monkeypatch.chdir(tmp_path)
    assert _lint(tmp_path, "--baseline", "missing.json", "README.md", "lists/README.md")[0] == 2
    assert _lint(tmp_path, "README.md", "lists/README.md")[0] == 1
    assert len(reads) == 2  # once per run


def test_a_typo_in_per_file_ignores_is_blamed_on_that_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "README.md").write_text(BROKEN, encoding="utf-8")
    (tmp_path / ".readme-lint.toml").write_text(
        '[per-file-ignores]\n"README.md" = ["RL999"]\n', encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    code, _, err = _lint(tmp_path, "README.md")
    assert code == 2 and "'per-file-ignores.\"README.md\"' names unknown rule 'RL999'" in err
