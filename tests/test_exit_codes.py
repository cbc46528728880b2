"""The exit-code contract: errors fail the run; warnings only with --strict / strict = true;
--exit-zero reports and exits 0; 2 stays a usage, configuration or file error."""

from __future__ import annotations

from pathlib import Path

import pytest

from readme_lint.cli.main import main
from tests.conftest import AUTHORS, ENTRY, SUMMARY, TITLE, entry

# One warning only: the venue says CVPR, the link is an ICCV paper (RL109).
WARNING_ONLY = "## Papers\n\n" + entry(
    TITLE,
    AUTHORS,
    "CVPR 2023. [[Paper](https://openaccess.thecvf.com/content/ICCV2023/papers/x.pdf)] \\",
    SUMMARY,
)
ERROR = "## Papers\n\n" + entry(TITLE, AUTHORS, ENTRY.splitlines()[2], "???")


@pytest.mark.parametrize(
    ("text", "args", "config", "code"),
    [
        pytest.param(WARNING_ONLY, [], "", 0, id="warning-reported-not-failing"),
        pytest.param(WARNING_ONLY, ["--strict"], "", 1, id="strict-flag"),
        pytest.param(WARNING_ONLY, [], "strict = true\n", 1, id="strict-config"),
        pytest.param(ERROR, [], "", 1, id="error-fails"),
        pytest.param(ERROR, ["--exit-zero"], "", 0, id="exit-zero"),
        pytest.param(ERROR, ["--exit-zero"], "strict = 1\n", 2, id="exit-zero-keeps-config-error"),
    ],
)
def test_exit_code(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    text: str,
    args: list[str],
    config: str,
    code: int,
) -> None:
    (tmp_path / "README.md").write_text(text, encoding="utf-8")
    (tmp_path / ".readme-lint.toml").write_text(config, encoding="utf-8")
    assert main([*args, "--no-color", str(tmp_path / "README.md")]) == code
    out = capsys.readouterr().out
    if text is WARNING_ONLY and code != 2:
        assert "RL109 venue-mismatch warning: " in out  # the text output says it is a warning


DEEP = [
    pytest.param("> " * 327 + "x\n", id="quotes-327-deep"),
    pytest.param("- " * 1000 + "x\n", id="list-markers-1000-deep"),
    pytest.param("".join("  " * i + "- a\n" for i in range(164)), id="list-nested-164-levels"),
]


@pytest.mark.parametrize("text", DEEP)
@pytest.mark.parametrize("mode", [[], ["--fix"], ["--show-entries"], ["--diff"]])
def test_too_deep_is_a_file_error_and_the_others_are_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, mode: list[str]
) -> None:
    deep, fine = tmp_path / "deep.md", tmp_path / "fine.md"
    deep.write_text(text)
    fine.write_text(ERROR + "\nmore text \n")  # a trailing space: fixable
    assert main([*mode, "--no-color", str(deep), str(fine)]) == 2
    err = capsys.readouterr().err
    assert "deep.md: line " in err and "too deep to check; nothing was written" in err
    assert "Traceback" not in err
    assert deep.read_text() == text  # never written
    if mode == ["--fix"]:
        assert fine.read_text() == ERROR + "\nmore text\n"  # the other file was still fixed


def test_nesting_a_real_list_uses_is_checked(tmp_path: Path) -> None:
    path = tmp_path / "nested.md"
    path.write_text("> " * 99 + "x\n\n" + "".join("  " * i + "- a\n" for i in range(60)))
    assert main(["--no-color", str(path)]) == 0


def test_a_bug_is_exit_2_naming_the_file_and_the_others_are_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from readme_lint.cli import run

    real = run.check_text

    def buggy(text: str, config: object) -> object:
        if "boom" in text:
            raise KeyError("boom")
        return real(text, config)  # type: ignore[arg-type]

    monkeypatch.setattr(run, "check_text", buggy)
    bad, fine = tmp_path / "bad.md", tmp_path / "fine.md"
    bad.write_text("boom\n")
    fine.write_text(ERROR)
    assert main(["--no-color", str(bad), str(fine)]) == 2
    out, err = capsys.readouterr()
    assert "bad.md: internal error (KeyError: 'boom'); nothing was written; please report it" in err
    assert "RL104" in out or "fine.md" in out  # the other file's findings still shown
