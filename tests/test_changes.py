"""--changed-since and --staged: the pure filtering, then real git repositories."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from readme_lint.adopt.changes import (
    Hunk,
    added_lines,
    carry,
    only_changed,
    parse_hunks,
    text_hunks,
)
from readme_lint.cli.main import main
from readme_lint.config import Config
from readme_lint.core.diagnostics import Diagnostic, Severity
from readme_lint.engine.run import lint_text
from tests.conftest import (
    BROKEN,
    CORPUS,
    DDIM_AGAIN,
    NEW_FINDINGS,
    OLD,
    OLD_FINDINGS,
    ROOT,
    WITH_BROKEN,
    git,
    make_repo,
    needs_package_index,
    pr_branch,
    readme_section,
    repository,
)

pytestmark = pytest.mark.usefixtures("no_outer_git")

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")

# --------------------------------------------------------------------------- pure parts


def diag(line: int, code: str = "RL201", covers: frozenset[int] = frozenset()) -> Diagnostic:
    return Diagnostic(line, 1, code, "rule", Severity.ERROR, "message", covers=covers)


@pytest.mark.parametrize(
    ("lines", "changed", "covers", "kept"),
    [
        pytest.param([3, 5, 9], {5}, {}, [5], id="own-line"),
        pytest.param([3, 5], set(), {}, [], id="nothing-changed"),
        pytest.param([3, 5], {1, 2, 3, 4, 5}, {}, [3, 5], id="everything-changed"),
        pytest.param([3], {7}, {3: {6, 7, 8}}, [3], id="covered-line-touched"),
        pytest.param([3], {9}, {3: {6, 7, 8}}, [], id="covered-lines-untouched"),
        pytest.param([3, 4], {7}, {4: {7}}, [4], id="only-the-finding-covering-it"),
    ],
)
def test_only_changed(
    lines: list[int], changed: set[int], covers: dict[int, set[int]], kept: list[int]
) -> None:
    found = [diag(n, covers=frozenset(covers.get(n, ()))) for n in lines]
    assert [d.line for d in only_changed(found, changed)] == kept


@pytest.mark.parametrize(
    ("diff", "hunks", "added"),
    [
        pytest.param("@@ -3 +3 @@\n-a\n+b\n", [Hunk(3, 1, 3, 1)], {3}, id="one-line-changed"),
        pytest.param("@@ -0,0 +1,2 @@\n+a\n+b\n", [Hunk(0, 0, 1, 2)], {1, 2}, id="insert-at-top"),
        pytest.param("@@ -4,2 +3,0 @@\n-a\n-b\n", [Hunk(4, 2, 3, 0)], set(), id="only-deleted"),
        pytest.param(
            "diff --git a/R b/R\n--- a/R\n+++ b/R\n@@ -2 +2,3 @@ ## Heading\n-x\n+y\n+z\n+w\n"
            "@@ -9,0 +12 @@\n+tail\n",
            [Hunk(2, 1, 2, 3), Hunk(9, 0, 12, 1)],
            {2, 3, 4, 12},
            id="two-hunks-with-context-text",
        ),
    ],
)
def test_parse_hunks(diff: str, hunks: list[Hunk], added: set[int]) -> None:
    assert parse_hunks(diff) == hunks
    assert added_lines(hunks) == added


@pytest.mark.parametrize(
    ("old", "new", "lines", "carried"),
    [
        pytest.param("a\nb\nc\n", "a\nb\nc\n", {2}, {2}, id="unchanged"),
        pytest.param("a\nb\nc\n", "x\na\nb\nc\n", {2, 3}, {3, 4}, id="insert-above"),
        pytest.param("a\nb\nc\n", "a\nb\nc\nx\n", {2}, {2}, id="insert-below"),
        pytest.param("a\nb\nc\nd\n", "a\nd\n", {4}, {2}, id="delete-above"),
        pytest.param("a\nb\nc\n", "a\nB\nB2\nc\n", {2}, {2, 3}, id="rewritten"),
        pytest.param("a\nb\nc\n", "a\nB\nc\n", {1, 3}, {1, 3}, id="rewritten-neighbour"),
        pytest.param("a\nb\nc\n", "a\nc\n", {2}, set(), id="deleted"),
        pytest.param("a\r\nb\r\n", "a\nb\n", {2}, {2}, id="line-endings-do-not-count"),
    ],
)
def test_carry_across_text_hunks(old: str, new: str, lines: set[int], carried: set[int]) -> None:
    assert carry(lines, text_hunks(old, new)) == carried


def test_spans_cover_both_copies_of_a_repeat_and_the_entry_of_an_entry_rule() -> None:
    text = WITH_BROKEN + "\n" + DDIM_AGAIN  # the copy is at lines 31-34, the original at 14-17
    config = Config(extend_select=("RL305",))  # off by default
    found = lint_text(text, config)
    assert (31, "RL305") in [(d.line, d.code) for d in found]
    covers = {(d.code, d.line): d.covers | {d.line} for d in found}
    assert covers[("RL305", 31)] == {*range(14, 18), *range(31, 35)}
    assert covers[("RL105", 29)] == set(range(26, 30))  # the whole entry
    assert covers[("RL202", 15)] == {15}  # a line rule follows its line


def test_spans_of_an_empty_section_reach_the_next_heading_of_its_level() -> None:
    text = "# List\n\n## Empty\n\n## Full\n\nText.\n\n### Last\n"
    found = [d for d in lint_text(text, Config()) if d.code == "RL404"]
    assert {(d.code, d.line): sorted(d.covers | {d.line}) for d in found} == {
        ("RL404", 3): [3, 4, 5],  # up to the next heading of its level
        ("RL404", 9): [9],  # up to the end
    }


# --------------------------------------------------------------------------- git


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return make_repo(tmp_path / "repo")


def lint(path: Path, *options: str) -> tuple[int, list[tuple[int, str]], str]:
    """Exit code, (line, code) of each finding, stderr."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(path), "--format", "json", *options])
    text = out.getvalue()
    found = [(d["line"], d["code"]) for d in json.loads(text)] if text.strip() else []
    return code, found, err.getvalue()


@needs_git
def test_old_problems_are_there(repo: Path) -> None:
    assert lint(repo / "README.md")[1] == OLD_FINDINGS


@needs_git
def test_changed_since_head_reports_only_the_uncommitted_entry(repo: Path) -> None:
    (repo / "README.md").write_text(WITH_BROKEN, encoding="utf-8")
    assert lint(repo / "README.md", "--changed-since", "HEAD")[:2] == (1, NEW_FINDINGS)


@needs_git
def test_changed_since_nothing_changed_is_clean(repo: Path) -> None:
    assert lint(repo / "README.md", "--changed-since", "HEAD")[:2] == (0, [])


@needs_git
def test_changed_since_main_on_a_branch(repo: Path) -> None:
    pr_branch(repo)
    assert lint(repo / "README.md", "--changed-since", "main")[:2] == (1, NEW_FINDINGS)
    # and from another folder, by a relative path
    code, found, _ = lint(Path(os.path.relpath(repo / "README.md")), "--changed-since", "main")
    assert (code, found) == (1, NEW_FINDINGS)


@needs_git
def test_a_copy_of_an_old_entry_added_below_it_is_reported(repo: Path) -> None:
    (repo / "README.md").write_text(OLD + "\n" + DDIM_AGAIN, encoding="utf-8")
    found = lint(repo / "README.md", "--changed-since", "HEAD", "--extend-select", "RL305")[1]
    assert found == [(26, "RL305")]


@needs_git
def test_a_copy_of_an_old_entry_added_above_it_is_reported_on_the_old_one(repo: Path) -> None:
    text = OLD.replace("## Papers\n\n", "## Papers\n\n" + DDIM_AGAIN + "\n")
    (repo / "README.md").write_text(text, encoding="utf-8")
    # the new copy is at 9; the old entry, now at 19, carries the finding: it is reported
    assert lint(repo / "README.md", "--changed-since", "HEAD")[1] == [(19, "RL303")]


@needs_git
def test_a_toc_link_added_to_a_missing_anchor_is_reported(repo: Path) -> None:
    text = OLD.replace("- [More](More)\n", "- [More](More)\n- [Missing](#missing)\n")
    (repo / "README.md").write_text(text, encoding="utf-8")
    assert lint(repo / "README.md", "--changed-since", "HEAD")[1] == [(6, "RL401")]


@needs_git
def test_an_entry_rule_covers_the_whole_entry(repo: Path) -> None:
    """Removing an old entry's authors' emphasis: the finding is on its (old) title line."""
    text = OLD.replace("*Yang Song, Jascha Sohl-Dickstein* \\", "Yang Song and friends \\")
    (repo / "README.md").write_text(text, encoding="utf-8")
    found = lint(repo / "README.md", "--changed-since", "HEAD")[1]
    assert found and all(line == 21 and c.startswith("RL1") for line, c in found)


@needs_git
def test_a_file_new_since_rev_counts_whole(repo: Path) -> None:
    (repo / "OTHER.md").write_text(OLD, encoding="utf-8")
    assert lint(repo / "OTHER.md", "--changed-since", "HEAD")[1] == OLD_FINDINGS


@needs_git
def test_fix_applies_to_the_whole_file_the_report_to_the_change(repo: Path) -> None:
    (repo / "README.md").write_text(WITH_BROKEN, encoding="utf-8")
    code, found, _ = lint(repo / "README.md", "--changed-since", "HEAD", "--fix")
    assert (code, found) == (1, [(29, "RL105")])  # RL201 fixed; the old RL105 not reported
    after = (repo / "README.md").read_text(encoding="utf-8")
    assert "- [More](#more)" in after and "Stefano Ermon* \\\n" in after  # old ones fixed too
    assert "\n**Progressive" in after


@needs_git
def test_fix_that_moves_lines_still_reports_the_changed_entry(repo: Path) -> None:
    # RL107 joins a summary split off by a blank line: the lines below move up
    split = OLD.replace("Deterministic sampling.", "\nDeterministic sampling.")
    (repo / "README.md").write_text(split, encoding="utf-8")
    git(repo, "commit", "-q", "-am", "split")
    (repo / "README.md").write_text(split + "\n" + BROKEN, encoding="utf-8")
    code, found, _ = lint(repo / "README.md", "--changed-since", "HEAD", "--fix")
    assert (code, found) == (1, [(29, "RL105")])


@needs_git
def test_diff_counts_what_would_remain_on_the_changed_lines(repo: Path) -> None:
    (repo / "README.md").write_text(WITH_BROKEN, encoding="utf-8")
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        assert main([str(repo / "README.md"), "--changed-since", "HEAD", "--diff"]) == 1
    assert "Would fix 3 problems; 1 would remain in 1 file." in err.getvalue()  # the new TBD
    assert (repo / "README.md").read_text(encoding="utf-8") == WITH_BROKEN


@needs_git
def test_outside_a_repository_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "README.md"
    path.write_text(WITH_BROKEN, encoding="utf-8")
    code, found, err = lint(path, "--changed-since", "HEAD")
    assert (code, found) == (2, [])
    assert f"{path}: not inside a git repository" in err
    code, _, err = lint(path, "--staged")
    assert code == 2 and "not inside a git repository" in err


@needs_git
@pytest.mark.parametrize("rev", ["no-such-branch", "--output=x", "HEAD~5"])
def test_unknown_revision_is_an_error(repo: Path, rev: str) -> None:
    (repo / "README.md").write_text(WITH_BROKEN, encoding="utf-8")
    code, found, err = lint(repo / "README.md", f"--changed-since={rev}")
    assert (code, found) == (2, [])
    assert f"unknown revision {rev!r}" in err and str(repo) in err
    assert (repo / "README.md").read_text(encoding="utf-8") == WITH_BROKEN
    assert not (repo / "x").exists()


@needs_git
def test_changed_since_and_staged_do_not_combine(repo: Path) -> None:
    assert lint(repo / "README.md", "--changed-since", "HEAD", "--staged")[0] == 2


@needs_git
def test_staged_reports_only_the_staged_entry(repo: Path) -> None:
    path = repo / "README.md"
    path.write_text(WITH_BROKEN, encoding="utf-8")
    assert lint(path, "--staged")[:2] == (0, [])  # nothing staged yet
    git(repo, "add", "README.md")
    assert lint(path, "--staged")[:2] == (1, NEW_FINDINGS)
    # an unstaged change above the staged one: the staged lines are found where they moved
    path.write_text("Unstaged note.  \n\n" + WITH_BROKEN + "\n" + DDIM_AGAIN, encoding="utf-8")
    assert lint(path, "--staged")[1] == [(28, "RL201"), (31, "RL105")]


@needs_git
def test_staged_in_a_repository_without_commits_counts_every_line(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "fresh", text=None)
    (repo / "README.md").write_text(OLD, encoding="utf-8")
    git(repo, "add", "README.md")
    assert lint(repo / "README.md", "--staged")[1] == OLD_FINDINGS


@needs_git
def test_help_documents_the_options() -> None:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["--help"]) == 0
    for option in ("--changed-since", "--staged", "--baseline", "--write-baseline"):
        assert option in out.getvalue()


# --------------------------------------------------------------------------- pre-commit


@needs_git
@needs_package_index
@pytest.mark.skipif(not CORPUS.exists(), reason="needs the shared corpus")
def test_precommit_hook_with_staged_reports_only_the_new_entry(tmp_path: Path) -> None:
    """The README's pre-commit setup for contributors (``args: [--staged]``), as written,
    installed with ``pre-commit install``; a contributor commits one broken entry to the
    corpus list and sees only that entry's findings.

    The hook repository is a commit of this checkout's working tree, tagged as the README's
    ``rev``, at the path that replaces the README's repository URL.
    """
    hooks = make_repo(tmp_path / "hooks", text=None)
    for name in (".pre-commit-hooks.yaml", "pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, hooks / name)
    shutil.copytree(
        ROOT / "src", hooks / "src", ignore=shutil.ignore_patterns("*.egg-info", "__pycache__")
    )
    git(hooks, "add", ".")
    git(hooks, "commit", "-q", "-m", "hooks")
    (snippet,) = [
        block.split("```", 1)[0]
        for block in readme_section().split("```yaml\n")[1:]
        if "args: [--staged]" in block.split("```", 1)[0] and "repo:" in block.split("```", 1)[0]
    ]
    git(hooks, "tag", re.search(r"rev: (\S+)", snippet).group(1))  # type: ignore[union-attr]

    corpus = CORPUS.read_text(encoding="utf-8")
    repo = make_repo(tmp_path / "repo", text=corpus)
    (repo / ".pre-commit-config.yaml").write_text(
        snippet.replace(repository(), str(hooks)), encoding="utf-8"
    )
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("GIT_")},
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "PRE_COMMIT_COLOR": "never",
    }
    subprocess.run(
        [sys.executable, "-m", "pre_commit", "install"],
        cwd=repo,
        env=env,
        check=True,
        capture_output=True,
    )
    git(repo, "add", ".pre-commit-config.yaml")
    added = corpus.rstrip("\n") + "\n\n" + BROKEN
    (repo / "README.md").write_text(added, encoding="utf-8")
    git(repo, "add", "README.md")
    # an unstaged problem too: pre-commit sets it aside while the hook runs
    (repo / "README.md").write_text(
        added + "\n" + DDIM_AGAIN.replace("The code.", "???"), encoding="utf-8"
    )
    first = len(corpus.rstrip("\n").splitlines()) + 2
    result = subprocess.run(
        ["git", "commit", "-m", "Add a paper"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    output = result.stdout + result.stderr  # git passes a hook's output on stderr
    assert result.returncode == 1, output
    reported = [line for line in output.splitlines() if line.startswith("README.md:")]
    assert reported == [
        f"README.md:{first}:1: RL201 stray-asterisk unbalanced asterisks around the title "
        "(3 opening, 2 closing) [*]",
        f"README.md:{first + 3}:1: RL105 placeholder-summary summary is a placeholder: 'TBD'",
    ], output
    assert git(repo, "rev-list", "--count", "HEAD").strip() == "1"  # the commit was stopped


@needs_git
def test_readme_ci_snippet_works_as_written(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shlex

    (line,) = [
        line.split("- run: ", 1)[1]
        for line in readme_section().splitlines()
        if "- run: readme-lint --changed-since" in line
    ]
    git(repo, "update-ref", "refs/remotes/origin/main", "HEAD")  # as actions/checkout leaves it
    git(repo, "checkout", "-q", "-b", "pull")
    (repo / "README.md").write_text(WITH_BROKEN, encoding="utf-8")
    git(repo, "commit", "-q", "-am", "add a paper")
    monkeypatch.chdir(repo)
    monkeypatch.setenv("GITHUB_BASE_REF", "main")
    args = shlex.split(os.path.expandvars(line))
    assert args[0] == "readme-lint"
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(args[1:]) == 1
    rows = [row for row in out.getvalue().splitlines() if row.startswith("::error ")]
    assert [row.split(",")[1] for row in rows] == ["line=26", "line=29"]
