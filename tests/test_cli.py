"""The command line, end to end through ``main(argv)``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from readme_lint import __version__
from readme_lint.cli.main import main
from readme_lint.rules import all_rules
from tests.conftest import AUTHORS, ENTRY, LINKS, SUMMARY, TITLE, entry

CLEAN = "# List\n\n" + ENTRY
STABLE_JSON_FIELDS = ("path", "line", "column", "code", "rule", "severity", "message", "fixable")
BROKEN = "# List\n\n" + entry("***" + TITLE[2:], AUTHORS, LINKS, SUMMARY)  # RL201 at 3:1
MISMATCH = "# List\n\n" + entry(
    TITLE,
    AUTHORS,
    "CVPR 2023 [[Paper](https://openaccess.thecvf.com/content/ICCV2023/x.pdf)] \\",
    SUMMARY,
)


@pytest.fixture
def write(tmp_path: Path):  # type: ignore[no-untyped-def]
    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="")
        return path

    return _write


def test_clean_file_exits_zero(write, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main([str(write("README.md", CLEAN))]) == 0
    assert "All checks passed" in capsys.readouterr().out


def test_findings_exit_one_with_path_line_col_code_name(write, capsys) -> None:  # type: ignore[no-untyped-def]
    path = write("README.md", BROKEN)
    assert main([str(path), "--no-color"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"{path}:3:1: RL201 stray-asterisk unbalanced asterisks")
    assert out[0].endswith("[*]")
    assert out[-1] == "Found 1 problem in 1 file (1 fixable with --fix, marked [*])."


def test_json_format_is_stable(write, capsys) -> None:  # type: ignore[no-untyped-def]
    path = write("README.md", BROKEN)
    assert main([str(path), "--format", "json"]) == 1
    (record,) = json.loads(capsys.readouterr().out)
    # Stable: these fields keep their names and meaning; new ones may be added.
    assert {key: record[key] for key in STABLE_JSON_FIELDS} == {
        "path": str(path),
        "line": 3,
        "column": 1,
        "code": "RL201",
        "rule": "stray-asterisk",
        "severity": "error",
        "message": "unbalanced asterisks around the title (3 opening, 2 closing)",
        "fixable": True,
    }


def test_json_for_clean_file_is_empty_array(write, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main([str(write("README.md", CLEAN)), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_github_format_levels_and_escaping(write, capsys) -> None:  # type: ignore[no-untyped-def]
    path = write("a,b.md", BROKEN + "\n" + MISMATCH.replace("# List\n\n", ""))
    main([str(path), "--format", "github"])
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == (
        f"::error file={str(path).replace(',', '%2C')},line=3,col=1,title=RL201 stray-asterisk::"
        "unbalanced asterisks around the title (3 opening, 2 closing)"
    )
    assert any(
        line.startswith("::warning ") and "title=RL109 venue-mismatch" in line for line in lines
    )


def test_quiet_prints_findings_only(write, capsys) -> None:  # type: ignore[no-untyped-def]
    main([str(write("README.md", BROKEN)), "-q"])
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1 and "RL201" in out[0]


@pytest.mark.parametrize(
    ("args", "code"),
    [
        pytest.param(["--select", "RL1"], 0, id="select-other-family"),
        pytest.param(["--ignore", "stray-asterisk"], 0, id="ignore-by-name"),
        pytest.param(["--select", "RL2", "--ignore", "RL201"], 0, id="select-then-ignore"),
        pytest.param(["--select", "RL201,RL105"], 1, id="comma-list"),
        pytest.param(["--select", "RL999"], 2, id="unknown-rule"),
        pytest.param(["--format", "xml"], 2, id="unknown-format"),
    ],
)
def test_selection_options(write, args: list[str], code: int) -> None:  # type: ignore[no-untyped-def]
    assert main([str(write("README.md", BROKEN)), *args]) == code


def test_default_file_is_readme_in_cwd(write, monkeypatch, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    write("README.md", BROKEN)
    monkeypatch.chdir(tmp_path)
    assert main([]) == 1
    assert capsys.readouterr().out.startswith("README.md:3:1:")


def test_missing_default_readme(monkeypatch, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    assert main([]) == 2
    assert "README.md: no such file" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        pytest.param("missing.md", None, "no such file", id="missing"),
        pytest.param("folder", "DIR", "no README.md in this directory", id="empty-directory"),
        pytest.param(
            "latin1.md",
            "Café résumé\n".encode("latin-1"),
            "not valid UTF-8 (byte 0xe9 at line 1)",
            id="non-utf8",
        ),
        pytest.param(
            "image.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "looks like a binary file", id="binary"
        ),
        pytest.param(
            "late.md",
            b"# T\n" + b"a" * 20000 + b"\x00\n",
            "looks like a binary file",
            id="late-nul",
        ),
        pytest.param(
            "wide.md",
            "# T\n".encode("utf-16"),
            "is UTF-16 (it starts with a UTF-16 BOM)",
            id="utf16",
        ),
        pytest.param("mac.md", b"# T\r\rtext\r", "has only CR line endings", id="cr-only"),
    ],
)
def test_bad_input_is_named_and_other_files_still_linted(
    write, tmp_path, capsys, name: str, content: object, message: str
) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / name
    if content == "DIR":
        bad.mkdir()
    elif content is not None:
        write(name, content)
    good = write("README.md", BROKEN)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    assert main([str(bad), str(good), "--no-color"]) == 2
    captured = capsys.readouterr()
    (err_line,) = captured.err.strip().splitlines()
    assert err_line.startswith(f"readme-lint: error: {bad}: ") and message in err_line
    assert f"{good}:3:1: RL201" in captured.out
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()} == before


def test_crlf_and_bom_keep_positions(write, capsys) -> None:  # type: ignore[no-untyped-def]
    text = BROKEN.replace("# List", "# List ").replace(")] \\", ")]\\")
    path = write("README.md", "\ufeff" + text.replace("\n", "\r\n"))
    main([str(path), "--format", "json"])
    records = json.loads(capsys.readouterr().out)
    assert [(r["line"], r["column"], r["code"]) for r in records] == [
        (1, 7, "RL206"),
        (3, 1, "RL201"),
        (5, 112, "RL205"),
    ]


def test_config_option_and_errors(write, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = write("README.md", BROKEN)
    good = write("lint.toml", 'ignore = ["RL201"]\n')
    assert main([str(path), "--config", str(good)]) == 0
    bad = write("bad.toml", 'selct = ["RL201"]\n')
    assert main([str(path), "--config", str(bad)]) == 2
    assert f"{bad}: unknown key 'selct'" in capsys.readouterr().err


def test_discovered_config_error_is_reported_per_file(write, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    write(".readme-lint.toml", 'severity = { RL201 = "fatal" }\n')
    assert main([str(write("README.md", BROKEN))]) == 2
    assert "'severity.RL201' must be" in capsys.readouterr().err


def test_list_rules_and_explain(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["--list-rules"]) == 0
    listing = capsys.readouterr().out
    for rule in all_rules():
        assert rule.code in listing and rule.name in listing
    assert main(["--explain", "stray-asterisk"]) == 0
    doc = capsys.readouterr().out
    assert doc.startswith("# RL201 stray-asterisk") and "## Why is this bad?" in doc
    assert main(["--explain", "nope"]) == 2


def test_version(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["--version"]) == 0
    assert __version__ in capsys.readouterr().out


def test_color_flag_and_no_color(write, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    path = str(write("README.md", BROKEN))
    main([path, "--color"])
    assert "\x1b[" in capsys.readouterr().out
    monkeypatch.setenv("NO_COLOR", "1")
    main([path])
    assert "\x1b[" not in capsys.readouterr().out


def test_hint_goes_to_stderr_for_machine_formats(write, capsys) -> None:  # type: ignore[no-untyped-def]
    posts = "\n".join(
        entry(
            TITLE.replace("Models", f"Models {i}"),
            AUTHORS,
            LINKS.replace("2006.11239", f"2006.1123{i}").replace("diffusion)", f"d{i})"),
            "Jul 2021",
        )
        for i in range(3)
    )
    path = write("README.md", "# List\n\n## Posts\n\n" + posts)
    main([str(path), "--format", "json"])
    captured = capsys.readouterr()
    assert json.loads(captured.out)
    assert "hint:" in captured.err and 'sections."Posts"' in captured.err


def _run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, cwd=cwd, check=False
    )


def test_python_dash_m(write) -> None:  # type: ignore[no-untyped-def]
    result = _run("-m", "readme_lint", str(write("README.md", BROKEN)))
    assert result.returncode == 1 and "RL201" in result.stdout


def test_lint_path_does_not_import_requests(write) -> None:  # type: ignore[no-untyped-def]
    path = write("README.md", BROKEN)
    code = (
        "import sys; from readme_lint.cli.main import main; main([sys.argv[1], '-q']); "
        "print(sorted(m for m in ('requests', 'urllib3', 'hypothesis') if m in sys.modules))"
    )
    result = _run("-c", code, str(path))
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_readme_example_output_is_current() -> None:
    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- example-output -->\n```text\n", 1)[1].split(
        "```\n<!-- /example-output -->", 1
    )[0]
    result = subprocess.run(
        [sys.executable, "-m", "readme_lint", "examples/paper-list.md", "--no-color"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 1
    assert result.stdout == block


def test_an_empty_argument_is_an_error_not_this_folder(tmp_path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "README.md").write_text("# x\n\n**A Paper** \\\n???\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main([""]) == 2
    captured = capsys.readouterr()
    assert "an empty argument names no file" in captured.err and captured.out == ""


def test_a_device_is_not_read(capsys) -> None:  # type: ignore[no-untyped-def]
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    assert main(["/dev/zero"]) == 2
    assert "/dev/zero: is not a regular file" in capsys.readouterr().err


def test_a_reader_that_stops_early_gets_no_traceback(tmp_path) -> None:  # type: ignore[no-untyped-def]
    big = tmp_path / "README.md"
    big.write_text("# x\n\n" + "text   \n" * 20000, encoding="utf-8")
    for extra in ([], ["--output-format", "text"]):  # the plain path and click's
        proc = subprocess.run(
            f"{sys.executable} -m readme_lint {' '.join(extra)} {big} | head -1",
            shell=True,
            capture_output=True,
            text=True,
            check=False,
        )
        assert proc.stdout.count("\n") == 1 and "Traceback" not in proc.stderr, proc.stderr


@pytest.mark.parametrize("meanwhile", ["append", "delete"])
def test_an_edit_made_during_fix_is_never_overwritten(
    write, capsys, monkeypatch, meanwhile: str
) -> None:  # type: ignore[no-untyped-def]
    from readme_lint.engine import fix

    path = write("README.md", BROKEN)
    real = fix.fix_text

    def slow(*args, **kwargs):  # type: ignore[no-untyped-def]
        result = real(*args, **kwargs)
        if meanwhile == "append":  # another process (an editor's save) changes the file
            with path.open("a") as out:
                out.write("- a line added meanwhile\n")
        else:
            path.unlink()
        return result

    monkeypatch.setattr(fix, "fix_text", slow)
    assert main(["--fix", "--no-color", str(path)]) == 2
    err = capsys.readouterr().err
    if meanwhile == "append":
        assert "changed while it was being fixed; nothing written" in err
        assert path.read_text() == BROKEN + "- a line added meanwhile\n"
    else:
        assert "was deleted while it was being fixed; nothing written" in err
        assert not path.exists()
