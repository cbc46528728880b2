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
