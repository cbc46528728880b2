"""--write-baseline, --baseline and ``baseline = "..."``: only findings not recorded."""

from __future__ import annotations

import contextlib
import io
import json
from collections import Counter
from pathlib import Path

import pytest

from readme_lint.adopt.baseline import finding_key, without_recorded
from readme_lint.cli.main import main
from readme_lint.core.diagnostics import Diagnostic, Severity
from readme_lint.core.model import build
from readme_lint.engine.run import lint_text
from tests.conftest import BROKEN, DDIM_AGAIN, OLD, OLD_FINDINGS, readme_section

CLEAN_ENTRY = """\
**Progressive Growing of GANs** \\
*Tero Karras, Timo Aila* \\
ICLR 2018. [[Paper](https://arxiv.org/abs/1710.10196)] \\
Grows the generator and the discriminator layer by layer.
"""


def run(*args: str | Path) -> tuple[int, list[tuple[int, str]], str, str]:
    """Exit code, (line, code) of each finding, stdout, stderr."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in args])
    text = out.getvalue()
    found = []
    if "--format" in args and text.strip():
        found = [(d["line"], d["code"]) for d in json.loads(text)]
    return code, found, text, err.getvalue()


@pytest.fixture
def readme(tmp_path: Path) -> Path:
    path = tmp_path / "README.md"
    path.write_text(OLD, encoding="utf-8")
    return path


def write_baseline(readme: Path) -> Path:
    baseline = readme.parent / "readme-lint-baseline.json"
    code, _, out, err = run(readme, "--write-baseline", baseline)
    assert code == 0, err
    assert f"Recorded {len(OLD_FINDINGS)} findings of 1 file in the baseline {baseline}." in out
    return baseline


def lint(readme: Path, *options: str | Path) -> tuple[int, list[tuple[int, str]]]:
    code, found, _, _ = run(readme, "--format", "json", *options)
    return code, found


# --------------------------------------------------------------------------- pure parts


def diag(code: str, line: int = 1) -> Diagnostic:
    return Diagnostic(line, 1, code, "rule", Severity.ERROR, "message")


@pytest.mark.parametrize(
    ("findings", "recorded", "kept"),
    [
        pytest.param([("RL201", "a")], {("RL201", "a"): 1}, [], id="recorded"),
        pytest.param([("RL201", "a")], {("RL201", "b"): 1}, [0], id="other-key"),
        pytest.param([("RL201", "a")], {("RL202", "a"): 1}, [0], id="other-rule"),
        pytest.param([("RL201", "a"), ("RL201", "a")], {("RL201", "a"): 1}, [1], id="two-need-two"),
        pytest.param([("RL201", "a"), ("RL201", "a")], {("RL201", "a"): 2}, [], id="two-recorded"),
        pytest.param([("RL201", "a")], {("RL201", "a"): 3}, [], id="more-recorded-than-found"),
        pytest.param([], {("RL201", "a"): 1}, [], id="nothing-found"),
    ],
)
def test_without_recorded(
    findings: list[tuple[str, str]], recorded: dict[tuple[str, str], int], kept: list[int]
) -> None:
    diagnostics = [diag(code, i + 1) for i, (code, _) in enumerate(findings)]
    keys = [key for _, key in findings]
    assert without_recorded(diagnostics, keys, Counter(recorded)) == [diagnostics[i] for i in kept]


def test_keys_name_the_entry_or_the_line_content() -> None:
    doc = build(OLD)
    keys = {(d.line, d.code): finding_key(doc, d) for d in lint_text(OLD)}
    assert keys == {
        (5, "RL401"): "line:- [More](More)",
        (12, "RL105"): "entry:denoisingdiffusionprobabilisticmodels",
        (15, "RL202"): "entry:denoisingdiffusionimplicitmodels",
    }
    # whitespace does not count in a line's key
    spaced = build(OLD.replace("- [More](More)", "-   [More](More)   "))
    line5 = next(d for d in lint_text(OLD) if d.line == 5)
    assert finding_key(spaced, line5) == "line:- [More](More)"


# --------------------------------------------------------------------------- command line


def test_write_then_lint_is_clean(readme: Path) -> None:
    assert lint(readme) == (1, OLD_FINDINGS)
    baseline = write_baseline(readme)
    data = json.loads(baseline.read_text(encoding="utf-8"))
    assert data["version"] == 1
    assert sorted((f["code"], f["count"]) for f in data["files"]["README.md"]) == [
        ("RL105", 1),
        ("RL202", 1),
        ("RL401", 1),
    ]
    assert lint(readme, "--baseline", baseline) == (0, [])
    code, _, out, _ = run(readme, "--baseline", baseline, "--no-color")
    assert code == 0 and "All checks passed" in out


def test_moving_entries_does_not_bring_findings_back(readme: Path) -> None:
    baseline = write_baseline(readme)
    head, papers = OLD.split("## Papers\n\n")
    ddpm, ddim_and_more = papers.split("\n\n", 1)
    ddim, more = ddim_and_more.split("\n\n", 1)
    # a paragraph and an entry above, the two old entries swapped
    moved = f"Intro.\n\n{head}## Papers\n\n{CLEAN_ENTRY}\n{ddim}\n\n{ddpm}\n\n{more}"
    readme.write_text(moved, encoding="utf-8")
    found = lint(readme)[1]
    assert sorted(c for _, c in found) == ["RL105", "RL202", "RL401"]
    assert found != OLD_FINDINGS  # on other lines now
    assert lint(readme, "--baseline", baseline) == (0, [])


def test_a_new_problem_is_reported_alone(readme: Path) -> None:
    baseline = write_baseline(readme)
    readme.write_text(OLD + "\n" + BROKEN, encoding="utf-8")
    assert lint(readme, "--baseline", baseline) == (1, [(26, "RL201"), (29, "RL105")])


def test_a_second_identical_finding_is_reported(readme: Path) -> None:
    baseline = write_baseline(readme)
    readme.write_text(OLD.replace("- [More](More)\n", "- [More](More)\n" * 2), encoding="utf-8")
    found = lint(readme, "--baseline", baseline)[1]
    assert [c for _, c in found if c == "RL401"] == ["RL401"]  # one of the two, not both


def test_a_new_problem_in_an_old_entry_is_reported(readme: Path) -> None:
    baseline = write_baseline(readme)
    readme.write_text(OLD.replace("Deterministic sampling.", "TODO"), encoding="utf-8")
    assert lint(readme, "--baseline", baseline) == (1, [(17, "RL105")])


def test_rewriting_drops_what_was_fixed(readme: Path) -> None:
    baseline = write_baseline(readme)
    readme.write_text(OLD.replace("???", "Learns to reverse a diffusion."), encoding="utf-8")
    code, _, out, _ = run(readme, "--write-baseline", baseline)
    assert code == 0 and "Recorded 2 findings" in out
    data = json.loads(baseline.read_text(encoding="utf-8"))
    assert sorted(f["code"] for f in data["files"]["README.md"]) == ["RL202", "RL401"]
    # the old problem, back again, is new
    readme.write_text(OLD, encoding="utf-8")
    assert lint(readme, "--baseline", baseline) == (1, [(12, "RL105")])


def test_a_clean_file_drops_out_and_other_files_are_kept(readme: Path) -> None:
    other = readme.parent / "docs" / "OTHER.md"
    other.parent.mkdir()
    other.write_text(OLD, encoding="utf-8")
    baseline = readme.parent / "baseline.json"
    assert run(readme, other, "--write-baseline", baseline)[0] == 0
    assert set(json.loads(baseline.read_text(encoding="utf-8"))["files"]) == {
        "README.md",
        "docs/OTHER.md",
    }
    readme.write_text("# List\n\nNothing yet.\n", encoding="utf-8")
    code, _, out, _ = run(readme, "--write-baseline", baseline)  # only README.md linted
    assert code == 0 and "Recorded 0 findings of 1 file" in out
    assert set(json.loads(baseline.read_text(encoding="utf-8"))["files"]) == {"docs/OTHER.md"}
    assert lint(other, "--baseline", baseline) == (0, [])


def test_write_baseline_exits_zero_with_findings_and_writes_nothing_on_a_file_error(
    readme: Path,
) -> None:
    baseline = readme.parent / "b.json"
    code, _, _, err = run(readme, readme.parent / "missing.md", "--write-baseline", baseline)
    assert code == 2 and "missing.md: no such file" in err and "baseline not written" in err
    assert not baseline.exists()


def test_configured_baseline_is_relative_to_the_config_folder(
    readme: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_baseline(readme)
    (tmp_path / ".readme-lint.toml").write_text(
        'baseline = "readme-lint-baseline.json"\n', encoding="utf-8"
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert lint(Path("../README.md")) == (0, [])
    readme.write_text(OLD + "\n" + BROKEN, encoding="utf-8")
    assert lint(Path("../README.md")) == (1, [(26, "RL201"), (29, "RL105")])
    # --baseline wins over the configured one
    (tmp_path / "empty.json").write_text('{"version": 1, "files": {}}', encoding="utf-8")
    assert len(lint(Path("../README.md"), "--baseline", tmp_path / "empty.json")[1]) == 5


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param(None, "baseline not found (create it with --write-baseline", id="missing"),
        pytest.param("{", "not a readme-lint baseline (invalid JSON", id="not-json"),
        pytest.param('{"version": 2, "files": {}}', '"version": 1', id="other-version"),
        pytest.param('{"version": 1, "files": []}', '"files" must be', id="files-not-object"),
        pytest.param(
            '{"version": 1, "files": {"README.md": [{"code": "RL201", "count": 1}]}}',
            "each finding needs code, key and a count",
            id="finding-without-key",
        ),
        pytest.param(b"\xff\xfe", "invalid JSON", id="not-utf8"),
    ],
)
def test_bad_baseline_is_an_error(readme: Path, content: str | bytes | None, message: str) -> None:
    baseline = readme.parent / "b.json"
    if isinstance(content, bytes):
        baseline.write_bytes(content)
    elif content is not None:
        baseline.write_text(content, encoding="utf-8")
    code, found, _, err = run(readme, "--format", "json", "--baseline", baseline)
    assert (code, found) == (2, [])
    assert f"{baseline}: " in err and message in err


def test_configured_missing_baseline_is_an_error_but_write_baseline_creates_it(
    readme: Path, tmp_path: Path
) -> None:
    (tmp_path / ".readme-lint.toml").write_text('baseline = "b.json"\n', encoding="utf-8")
    code, _, _, err = run(readme)
    assert code == 2 and "b.json: baseline not found" in err
    assert run(readme, "--write-baseline", tmp_path / "b.json")[0] == 0
    assert run(readme)[0] == 0


@pytest.mark.parametrize(
    "options",
    [["--fix"], ["--diff"], ["--show-entries"], ["--changed-since", "HEAD"], ["--staged"]],
)
def test_write_baseline_is_for_a_plain_lint(readme: Path, options: list[str]) -> None:
    code, _, _, err = run(readme, "--write-baseline", readme.parent / "b.json", *options)
    assert code == 2 and "--write-baseline" in err
    assert readme.read_text(encoding="utf-8") == OLD


def test_fix_with_baseline_fixes_everything_and_reports_what_is_new(readme: Path) -> None:
    baseline = write_baseline(readme)
    readme.write_text(OLD + "\n" + DDIM_AGAIN.replace("The code.", "???"), encoding="utf-8")
    code, found = lint(readme, "--baseline", baseline, "--fix", "--extend-select", "RL305")
    after = readme.read_text(encoding="utf-8")
    assert "- [More](#more)" in after  # an old finding, fixed all the same
    # the copy of an old entry: a duplicate and a placeholder, both new
    assert (code, found) == (1, [(26, "RL305"), (29, "RL105")])


def test_config_key_is_validated(readme: Path, tmp_path: Path) -> None:
    (tmp_path / ".readme-lint.toml").write_text("baseline = 3\n", encoding="utf-8")
    code, _, _, err = run(readme)
    assert code == 2 and "'baseline' must be a non-empty string" in err


def test_readme_baseline_snippets_work_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shlex
    import sys

    from readme_lint.config import from_mapping

    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib

    section = readme_section()
    (toml,) = [
        block.split("```", 1)[0]
        for block in section.split("```toml\n")[1:]
        if "baseline" in block.split("```", 1)[0]
    ]
    table = tomllib.loads(toml)["tool"]["readme-lint"]
    assert from_mapping(table, "README").baseline == ".readme-lint-baseline.json"

    monkeypatch.chdir(tmp_path)
    Path("README.md").write_text(OLD, encoding="utf-8")
    commands = section.split("```sh\n", 1)[1].split("```", 1)[0].splitlines()
    assert [c.split()[:2] for c in commands] == [
        ["readme-lint", "--write-baseline"],
        ["readme-lint", "--baseline"],
    ]
    for command in commands:
        assert run(*shlex.split(command)[1:])[0] == 0, command
    (tmp_path / "pyproject.toml").write_text(toml, encoding="utf-8")
    assert run("README.md")[0] == 0  # the configured baseline


def test_a_narrowed_report_has_no_whole_file_hints(tmp_path: Path, corpus_text: str) -> None:
    """Everything recorded: "All checks passed", and no hint about findings not shown."""
    readme = tmp_path / "README.md"
    readme.write_text(corpus_text, encoding="utf-8")
    assert "hint: " in run(readme)[2]
    assert run("--write-baseline", tmp_path / "b.json", readme)[0] == 0
    code, _, out, err = run("--baseline", tmp_path / "b.json", readme)
    assert code == 0 and "All checks passed" in out
    assert "hint" not in out + err
