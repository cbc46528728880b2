"""The reports for tools (json, sarif, junit, --statistics, github), end to end and unit."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote

import pytest

from readme_lint.cli.main import main
from readme_lint.console import plural
from readme_lint.core.diagnostics import Diagnostic, Edit, Fix, Severity, default_end
from readme_lint.core.lines import LineIndex
from readme_lint.core.model import build
from readme_lint.output.github import github_line, github_summary
from readme_lint.output.junit import junit_document
from readme_lint.output.report import FileReport, rule_anchor, rule_url
from readme_lint.output.rules_doc import rules_markdown
from readme_lint.output.sarif import sarif_log
from readme_lint.rules import all_rules
from tests.conftest import AUTHORS, ENTRY, FIXTURES, LINKS, ROOT, SUMMARY, TITLE, entry

CLEAN = "# List\n\n" + ENTRY
BROKEN = "# List\n\n" + entry("***" + TITLE[2:], AUTHORS, LINKS, SUMMARY)  # RL201 at 3:1
WARNING = "# List\n\n" + entry(  # RL109 venue-mismatch, a warning without a fix
    TITLE,
    AUTHORS,
    "CVPR 2023 [[Paper](https://openaccess.thecvf.com/content/ICCV2023/x.pdf)] \\",
    SUMMARY,
)
# RL402 toc-missing: an unsafe fix, an insertion far above the finding.
TOC = "# List\n\n## Contents\n\n- [Alpha](#alpha)\n\n## Alpha\n\nSome text.\n\n## Beta\n\nMore text.\n"
# RL206 trailing-whitespace at 1:7, RL201 at 3:1, RL205 at 5:112, with a BOM and CRLF.
CRLF = "\ufeff" + BROKEN.replace("# List", "# List ").replace(")] \\", ")]\\").replace("\n", "\r\n")
# Control characters XML 1.0 cannot carry, in a placeholder summary (RL105 quotes it).
CONTROL = "# List\n\n" + entry(TITLE, AUTHORS, LINKS, "???\x1b")


@pytest.fixture
def write(tmp_path: Path):  # type: ignore[no-untyped-def]
    def _write(name: str, content: str) -> Path:
        path = tmp_path / name
        path.write_text(content, encoding="utf-8", newline="")
        return path

    return _write


def _lint(capsys, *args: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _diagnostic(line: int, column: int, fix: Fix | None = None, **kw: object) -> Diagnostic:
    fields: dict[str, object] = {
        "code": "RL201",
        "rule": "stray-asterisk",
        "severity": Severity.ERROR,
        "message": "m",
    }
    fields.update(kw)
    return Diagnostic(line, column, fix=fix, **fields)  # type: ignore[arg-type]


# Positions


@pytest.mark.parametrize(
    ("text", "offset", "expected"),
    [
        pytest.param("ab\ncd", 0, (1, 1), id="start"),
        pytest.param("ab\ncd", 2, (1, 3), id="at-newline"),
        pytest.param("ab\ncd", 3, (2, 1), id="next-line"),
        pytest.param("ab\ncd", 5, (2, 3), id="end-of-text"),
        pytest.param("ab\r\ncd", 4, (2, 1), id="crlf-is-one-line-end"),
        pytest.param("ab\r\ncd", 2, (1, 3), id="before-cr"),
        pytest.param("é🙂\nx", 2, (1, 3), id="characters-not-bytes"),
        pytest.param("ab", 99, (1, 3), id="clamped"),
        pytest.param("", 0, (1, 1), id="empty"),
    ],
)
def test_line_index(text: str, offset: int, expected: tuple[int, int]) -> None:
    assert LineIndex(text).position(offset) == expected


_TEXT = "***Title** \\\nnext line\n"


@pytest.mark.parametrize(
    ("diagnostic", "expected"),
    [
        pytest.param(_diagnostic(1, 1), (1, 2), id="no-fix"),
        pytest.param(
            _diagnostic(1, 1, Fix("t", (Edit(0, 3, "**"), Edit(8, 10, "**")))),
            (1, 4),
            id="first-edit-end",
        ),
        pytest.param(_diagnostic(1, 11, Fix("t", (Edit(10, 10, " "),))), (1, 12), id="insertion"),
        pytest.param(
            _diagnostic(2, 1, Fix("t", (Edit(0, 3, "**"),))), (2, 2), id="edit-above-the-finding"
        ),
        pytest.param(
            _diagnostic(1, 12, Fix("t", (Edit(11, 13, ""),))), (2, 1), id="through-the-line-end"
        ),
    ],
)
def test_default_end(diagnostic: Diagnostic, expected: tuple[int, int]) -> None:
    d = diagnostic
    assert default_end(d.line, d.column, d.fix, LineIndex(_TEXT)) == expected


# json


_STABLE = {"path", "line", "column", "code", "rule", "severity", "message", "fixable"}


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        pytest.param(
            BROKEN,
            [
                {
                    "line": 3,
                    "column": 1,
                    "end_line": 3,
                    "end_column": 4,
                    "code": "RL201",
                    "url": rule_url("RL201", "stray-asterisk"),
                    "fix": {
                        "title": "balance the title's asterisks",
                        "safe": True,
                        "edits": [
                            {"start": 8, "end": 11, "text": "**", "start_line": 3},
                            {"text": "**"},
                        ],
                    },
                }
            ],
            id="fixable",
        ),
        pytest.param(
            WARNING,
            [{"line": 5, "end_line": 5, "severity": "warning", "fix": None, "fixable": False}],
            id="warning-without-fix",
        ),
        pytest.param(
            TOC,
            [
                {
                    "line": 11,
                    "column": 1,
                    "end_line": 11,
                    "end_column": 2,
                    "fixable": False,
                    "fix": {"safe": False, "edits": [{"start": 39, "end": 39, "start_line": 6}]},
                }
            ],
            id="unsafe-fix-elsewhere",
        ),
    ],
)
def test_json_fields(write, capsys, content: str, expected: list[dict[str, object]]) -> None:  # type: ignore[no-untyped-def]
    _, out, _ = _lint(capsys, str(write("README.md", content)), "--output-format", "json")
    records = json.loads(out)
    assert len(records) == len(expected)
    for record, want in zip(records, expected, strict=True):
        assert _STABLE | {"end_line", "end_column", "fix", "url"} == set(record)
        _assert_contains(record, want)


def _assert_contains(actual: object, wanted: object) -> None:
    if isinstance(wanted, dict):
        assert isinstance(actual, dict)
        for key, value in wanted.items():
            _assert_contains(actual[key], value)
    elif isinstance(wanted, list):
        assert isinstance(actual, list) and len(actual) == len(wanted)
        for a, w in zip(actual, wanted, strict=True):
            _assert_contains(a, w)
    else:
        assert actual == wanted


@pytest.mark.parametrize("content", [BROKEN, TOC, CRLF], ids=["broken", "toc", "bom-crlf"])
def test_json_fix_edits_are_offsets_and_positions_of_the_text(write, capsys, content: str) -> None:  # type: ignore[no-untyped-def]
    path = write("README.md", content)
    _, out, _ = _lint(capsys, str(path), "--output-format", "json", "--unsafe-fixes")
    text = path.read_bytes().decode("utf-8").removeprefix("\ufeff")
    lines = text.split("\n")
    edits = [e for r in json.loads(out) if r["fix"] for e in r["fix"]["edits"]]
    assert edits
    for e in edits:
        for which in ("start", "end"):
            line, column = e[f"{which}_line"], e[f"{which}_column"]
            assert sum(len(x) + 1 for x in lines[: line - 1]) + column - 1 == e[which]


# sarif


def _validator():  # type: ignore[no-untyped-def]
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((FIXTURES / "sarif" / "sarif-schema-2.1.0.json").read_text("utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


@pytest.mark.parametrize(
    ("files", "extra"),
    [
        pytest.param({"README.md": CLEAN}, (), id="clean"),
        pytest.param({"README.md": BROKEN}, (), id="fixable"),
        pytest.param({"README.md": WARNING, "b.md": TOC}, (), id="two-files"),
        pytest.param({"README.md": CRLF}, ("--unsafe-fixes",), id="bom-crlf"),
        pytest.param({"a b,c%#.md": BROKEN}, (), id="odd-file-name"),
        pytest.param({"README.md": BROKEN.replace(SUMMARY, "???")}, ("--fix",), id="after-fix"),
    ],
)
def test_sarif_is_valid_and_complete(write, capsys, monkeypatch, tmp_path, files, extra) -> None:  # type: ignore[no-untyped-def]
    validator = _validator()
    for name, content in files.items():
        write(name, content)
    monkeypatch.chdir(tmp_path)
    code, out, _ = _lint(capsys, *files, "--output-format", "sarif", *extra)
    assert code in (0, 1)
    log = json.loads(out)
    errors = sorted(validator.iter_errors(log), key=str)
    assert not errors, errors[0]
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    rules = run["tool"]["driver"]["rules"]
    registry = all_rules()
    assert [r["id"] for r in rules] == [r.code for r in registry]  # every rule, once
    for descriptor, rule in zip(rules, registry, strict=True):
        assert descriptor["name"] == rule.name
        assert descriptor["shortDescription"]["text"] == rule.summary
        assert (
            descriptor["fullDescription"]["text"]
            and "\n" not in descriptor["fullDescription"]["text"]
        )
        assert descriptor["help"]["text"] == rule.doc
        assert descriptor["defaultConfiguration"]["level"] == rule.severity.value
        url = descriptor["properties"]["url"]
        assert url.endswith(f"docs/rules.md#{rule_anchor(rule.code, rule.name)}")
        assert descriptor.get("helpUri") == (url if url.startswith("https://") else None)
    _, out, _ = _lint(capsys, *files, "--output-format", "json", *extra)
    fixable = {(r["line"], r["column"], r["code"]): r["fixable"] for r in json.loads(out)}
    assert len(run["results"]) == len(fixable)
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        (location,) = result["locations"]
        physical = location["physicalLocation"]
        assert unquote(physical["artifactLocation"]["uri"]) in files
        region = physical["region"]
        start = (region["startLine"], region["startColumn"])
        assert (region["endLine"], region["endColumn"]) > start
        assert ("fixes" in result) == fixable[(*start, result["ruleId"])]


def test_sarif_fix_replacements(write, capsys, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    write("README.md", BROKEN)
    monkeypatch.chdir(tmp_path)
    _, out, _ = _lint(capsys, "README.md", "--output-format", "sarif")
    (result,) = json.loads(out)["runs"][0]["results"]
    assert result["level"] == "error"
    assert result["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "README.md"},
        "region": {"startLine": 3, "startColumn": 1, "endLine": 3, "endColumn": 4},
    }
    (fix,) = result["fixes"]
    (change,) = fix["artifactChanges"]
    assert change["artifactLocation"] == {"uri": "README.md"}
    first = change["replacements"][0]
    assert first == {
        "deletedRegion": {"startLine": 3, "startColumn": 1, "endLine": 3, "endColumn": 4},
        "insertedContent": {"text": "**"},
    }


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        pytest.param("README.md", "README.md", id="plain"),
        pytest.param("docs/list.md", "docs/list.md", id="nested"),
        pytest.param("./docs/list.md", "docs/list.md", id="dot"),
        pytest.param("a b#1%.md", "a%20b%231%25.md", id="encoded"),
        pytest.param("c:notes.md", "c%3Anotes.md", id="not-a-scheme"),
        pytest.param("/tmp/x y.md", "file:///tmp/x%20y.md", id="absolute"),
    ],
)
def test_sarif_artifact_uri(path: str, uri: str) -> None:
    log = sarif_log([FileReport(path, _TEXT, [_diagnostic(1, 1)])])
    result = log["runs"][0]["results"][0]  # type: ignore[index]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == uri


# junit


@pytest.mark.parametrize(
    ("files", "suites"),
    [
        pytest.param({"README.md": CLEAN}, {"README.md": {"readme-lint": 0}}, id="clean"),
        pytest.param(
            {"README.md": BROKEN, "b.md": CLEAN},
            {"README.md": {"RL201 stray-asterisk": 1}, "b.md": {"readme-lint": 0}},
            id="one-failing-file",
        ),
        pytest.param(
            {"README.md": CRLF},
            {
                "README.md": {
                    "RL201 stray-asterisk": 1,
                    "RL205 backslash-spacing": 1,
                    "RL206 trailing-whitespace": 1,
                }
            },
            id="several-rules",
        ),
        pytest.param(
            {'c<&>".md': CONTROL}, {'c<&>".md': {"RL105 placeholder-summary": 1}}, id="escaping"
        ),
    ],
)
def test_junit_is_well_formed(write, capsys, monkeypatch, tmp_path, files, suites) -> None:  # type: ignore[no-untyped-def]
    for name, content in files.items():
        write(name, content)
    monkeypatch.chdir(tmp_path)
    _, out, _ = _lint(capsys, *files, "--output-format", "junit")
    root = ET.fromstring(out.encode("utf-8"))
    assert root.tag == "testsuites"
    found = {
        suite.get("name"): {case.get("name"): len(case.findall("failure")) for case in suite}
        for suite in root.findall("testsuite")
    }
    assert found == suites
    for suite in root.findall("testsuite"):
        cases = suite.findall("testcase")
        assert suite.get("tests") == str(len(cases))
        assert suite.get("failures") == str(sum(1 for c in cases if c.find("failure") is not None))
        for failure in suite.iter("failure"):
            code = failure.get("type")
            assert code and re.fullmatch(r"RL\d{3}", code)
            assert re.match(rf"{re.escape(suite.get('name') or '')}:\d+:\d+: ", failure.text or "")
            assert failure.get("message") and failure.get("message") in (failure.text or "")
    assert root.get("tests") == str(sum(int(s.get("tests") or 0) for s in root))


def test_junit_escapes_characters_xml_cannot_carry() -> None:
    d = _diagnostic(1, 1, message="summary is a placeholder: '???\x1b\x00'")
    out = junit_document([FileReport("a\x07.md", "", [d])])
    root = ET.fromstring(out)
    failure = root.find("testsuite/testcase/failure")
    assert (
        failure is not None
        and failure.get("message") == "summary is a placeholder: '???\\u001b\\u0000'"
    )
    assert root.find("testsuite").get("name") == "a\\u0007.md"  # type: ignore[union-attr]


# --statistics


@pytest.mark.parametrize(
    ("content", "extra", "lines"),
    [
        pytest.param(CLEAN, (), [], id="clean"),
        pytest.param(
            CRLF,
            (),
            [
                "1  RL201  [*] stray-asterisk",
                "1  RL205  [*] backslash-spacing",
                "1  RL206  [*] trailing-whitespace",
            ],
            id="fixable",
        ),
        pytest.param(
            BROKEN + "\n" + WARNING.replace("# List\n\n", "").replace("Models", "Models II"),
            (),
            ["1  RL109  [ ] venue-mismatch", "1  RL201  [*] stray-asterisk"],
            id="mixed",
        ),
        pytest.param(
            WARNING
            + "\n"
            + WARNING.replace("# List\n\n", "").replace("Models", "Models 2").replace("x.", "y."),
            (),
            ["2  RL109  venue-mismatch"],
            id="none-fixable-no-marker",
        ),
    ],
)
def test_statistics_text(
    write, capsys, content: str, extra: tuple[str, ...], lines: list[str]
) -> None:  # type: ignore[no-untyped-def]
    _, out, _ = _lint(capsys, str(write("README.md", content)), "--statistics", "-q", *extra)
    assert out.splitlines() == lines


def test_statistics_sorted_by_count_and_json(write, capsys) -> None:  # type: ignore[no-untyped-def]
    twice = TOC.replace("## Beta\n\nMore text.\n", "## Beta\n\nMore.\n\n## Gamma\n\nText.\n")
    path = write("README.md", twice + "\n" + BROKEN.replace("# List\n\n", ""))
    _, out, _ = _lint(capsys, str(path), "--statistics", "--output-format", "json")
    assert json.loads(out) == [
        {"code": "RL402", "name": "toc-missing", "count": 2, "fixable": False},
        {"code": "RL201", "name": "stray-asterisk", "count": 1, "fixable": True},
    ]
    _, out, _ = _lint(capsys, str(path), "--statistics", "--no-color")
    assert out.splitlines()[:2] == ["2  RL402  [ ] toc-missing", "1  RL201  [*] stray-asterisk"]
    assert out.splitlines()[2].startswith("Found 3 problems")


# github

_WORKFLOW_COMMAND = re.compile(r"::(error|warning|notice)( [^:]*)?::.*")
_PROPERTY = re.compile(
    r"(file|line|col|endLine|endColumn|title)=((?:[^%,:\r\n]|%25|%2C|%3A|%0D|%0A)*)"
)


def _check_github_line(line: str) -> tuple[str, dict[str, str], str]:
    match = _WORKFLOW_COMMAND.fullmatch(line)
    assert match, line
    level, props = match.group(1), (match.group(2) or "").strip()
    parsed = {}
    for prop in props.split(",") if props else []:
        m = _PROPERTY.fullmatch(prop)
        assert m, f"unescaped property {prop!r} in {line!r}"
        parsed[m.group(1)] = m.group(2)
    message = line[match.end(2) if match.group(2) else len(f"::{level}") :].removeprefix("::")
    assert "\n" not in message and "\r" not in message
    assert re.fullmatch(r"(?:[^%]|%25|%0D|%0A)*", message), message
    return level, parsed, message


@pytest.mark.parametrize(
    ("name", "content", "summary"),
    [
        pytest.param(
            "README.md", CLEAN, "::notice::readme-lint: no problems in 1 file", id="clean"
        ),
        pytest.param(
            "a,b:c%d.md",
            BROKEN + "\n" + WARNING.replace("# List\n\n", "").replace("Models", "Models II"),
            "::notice::readme-lint: 2 problems (1 error, 1 warning) in 1 file; see the log",
            id="escaped-path",
        ),
    ],
)
def test_github_lines_parse_and_end_with_a_summary(
    write, capsys, name: str, content: str, summary: str
) -> None:  # type: ignore[no-untyped-def]
    path = write(name, content)
    _, out, _ = _lint(capsys, str(path), "--output-format", "github")
    lines = out.splitlines()
    for line in lines:
        _, props, _ = _check_github_line(line)
        if "file" in props:
            assert props["file"].replace("%2C", ",").replace("%3A", ":").replace("%25", "%") == str(
                path
            )
    assert lines[-1] == summary
    assert sum(1 for line in lines if line.startswith("::notice::")) == 1


@pytest.mark.parametrize(
    ("path", "message"),
    [
        pytest.param("a,b.md", "plain", id="comma"),
        pytest.param("c:\\list.md", "50% off", id="colon-percent"),
        pytest.param("two\nlines.md", "line one\r\nline two", id="newlines"),
    ],
)
def test_github_line_escaping(path: str, message: str) -> None:
    line = github_line(path, _diagnostic(3, 1, message=message))
    assert "\n" not in line
    _, props, text = _check_github_line(line)
    assert props["line"] == "3" and props["title"] == "RL201 stray-asterisk"
    unescape = {"%2C": ",", "%3A": ":", "%0D": "\r", "%0A": "\n", "%25": "%"}
    decoded = re.sub("%(2C|3A|0D|0A|25)", lambda m: unescape[m.group()], props["file"])
    assert decoded == path
    assert re.sub("%(0D|0A|25)", lambda m: unescape[m.group()], text) == message


def test_github_summary_counts() -> None:
    found = [_diagnostic(1, 1), _diagnostic(2, 1), _diagnostic(3, 1, severity=Severity.WARNING)]
    assert github_summary(found, 2) == (
        "::notice::readme-lint: 3 problems (2 errors, 1 warning) in 2 files; see the log"
    )


# Options


@pytest.mark.parametrize(
    ("args", "words"),
    [
        pytest.param(
            ["--diff", "--output-format", "json"],
            ["--diff", "--output-format json"],
            id="diff-json",
        ),
        pytest.param(
            ["--diff", "--format", "sarif"], ["--diff", "--output-format sarif"], id="diff-sarif"
        ),
        pytest.param(["--diff", "--output-format", "junit"], ["--diff", "junit"], id="diff-junit"),
        pytest.param(
            ["--diff", "--output-format", "github"], ["--diff", "github"], id="diff-github"
        ),
        pytest.param(["--diff", "--statistics"], ["--diff", "--statistics"], id="diff-statistics"),
        pytest.param(
            ["--statistics", "--output-format", "sarif"],
            ["--statistics", "sarif"],
            id="statistics-sarif",
        ),
    ],
)
def test_conflicting_options_are_usage_errors(
    write, capsys, args: list[str], words: list[str]
) -> None:  # type: ignore[no-untyped-def]
    path = write("README.md", BROKEN)
    before = path.read_bytes()
    code, out, err = _lint(capsys, str(path), *args)
    assert code == 2 and out == ""
    for word in words:
        assert word in err
    assert path.read_bytes() == before


@pytest.mark.parametrize("option", ["--output-format", "--format"])
@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif", "junit"])
def test_output_format_and_its_alias(write, capsys, option: str, fmt: str) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = _lint(capsys, str(write("README.md", BROKEN)), option, fmt, "--no-color")
    assert code == 1 and "RL201" in out


def test_help_names_output_format(capsys) -> None:  # type: ignore[no-untyped-def]
    _, out, _ = _lint(capsys, "--help")
    assert "--output-format" in out and "[text|json|github|sarif|junit]" in out
    assert "--statistics" in out


def test_diff_with_text_format_still_works(write, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = _lint(capsys, str(write("README.md", BROKEN)), "--diff", "--format", "text")
    assert code == 1 and out.startswith("---")


@pytest.mark.parametrize("fmt", ["sarif", "junit"])
def test_hints_go_to_stderr(write, capsys, fmt: str) -> None:  # type: ignore[no-untyped-def]
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
    _, out, err = _lint(capsys, str(path), "--output-format", fmt)
    assert "hint:" in err and "hint:" not in out
    if fmt == "sarif":
        json.loads(out)
    else:
        ET.fromstring(out)


TOOL_REPORTS = (
    "readme_lint.output.report",
    "readme_lint.output.json_report",
    "readme_lint.output.sarif",
    "readme_lint.output.junit",
    "readme_lint.output.stats",
)


def _modules_after(args: list[str], path: Path) -> list[str]:
    code = (
        f"import sys; TOOL_REPORTS = {TOOL_REPORTS!r}; "
        "from readme_lint.cli.main import main; main(sys.argv[1:]); "
        "print(sorted(m for m in sys.modules if m in TOOL_REPORTS or m.startswith('xml')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(path), *args], capture_output=True, text=True, check=False
    )
    return json.loads(result.stdout.strip().splitlines()[-1].replace("'", '"'))


def test_plain_lint_does_not_import_the_tool_formats(write) -> None:  # type: ignore[no-untyped-def]
    path = write("README.md", BROKEN)
    assert _modules_after(["-q"], path) == []
    assert _modules_after(["-q", "--output-format", "github"], path) == []
    sarif = _modules_after(["--output-format", "sarif"], path)
    assert "readme_lint.output.sarif" in sarif and "readme_lint.output.junit" not in sarif


# docs/rules.md


def test_rules_doc_is_current() -> None:
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == rules_markdown(), (
        "docs/rules.md is stale: regenerate it with "
        "python -c 'from readme_lint.output.rules_doc import rules_markdown; "
        'print(rules_markdown(), end="")\' > docs/rules.md'
    )


def test_every_rule_url_is_an_anchor_of_the_rules_doc() -> None:
    anchors = build(rules_markdown()).anchors
    for rule in all_rules():
        assert rule_anchor(rule.code, rule.name) in anchors, rule.code


def test_rule_documentation_links_follow_the_package_metadata(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The json/sarif links go to docs/rules.md at this version's tag in the repository the
    package names; without one, to the path in the repository (never an invented URL)."""
    from importlib import metadata

    from readme_lint import __version__
    from readme_lint.about import repository

    def missing(name: str) -> None:
        raise metadata.PackageNotFoundError(name)

    repository.cache_clear()
    try:
        home = repository()
        if home is not None:
            assert rule_url("RL201", "stray-asterisk") == (
                f"{home}/blob/v{__version__}/docs/rules.md#rl201-stray-asterisk"
            )
        monkeypatch.setattr("importlib.metadata.metadata", missing)
        repository.cache_clear()
        assert rule_url("RL201", "stray-asterisk") == "docs/rules.md#rl201-stray-asterisk"
    finally:
        repository.cache_clear()


@pytest.mark.parametrize(
    ("text", "code", "span"),
    [
        # A fix that ends at the end of a file with a final newline ends on the empty line
        # after it, as the text's lines count (the model has no such line).
        pytest.param("# T\n\nSome text.\n\n\n\n", "RL503", (5, 1, 7, 1), id="blank-run-at-eof"),
        pytest.param(
            "# T\r\n\r\nSome text.\r\n\nmore\r\n", "RL502", (4, 1, 5, 1), id="crlf-last-line"
        ),
    ],
)
def test_json_ranges_at_the_end_of_the_file(
    write, capsys: pytest.CaptureFixture[str], text: str, code: str, span: tuple[int, int, int, int]
) -> None:  # type: ignore[no-untyped-def]
    path = write("README.md", text)
    main(["--select", "ALL", "--output-format", "json", str(path)])
    records = [r for r in json.loads(capsys.readouterr().out) if r["code"] == code]
    assert [(r["line"], r["column"], r["end_line"], r["end_column"]) for r in records] == [span]


# --show-entries


def test_show_entries_json_lists_each_section_s_entries_and_fields(write, capsys) -> None:  # type: ignore[no-untyped-def]
    path = write("README.md", "# List\n\n## Models\n\n" + ENTRY)
    code, out, _ = _lint(capsys, str(path), "--show-entries", "--output-format", "json")
    assert code == 0
    (report,) = json.loads(out)
    assert report["path"] == str(path) and report["entries"] == 1
    models = [s for s in report["sections"] if s["heading"] == "Models"]
    assert [s["format"] for s in models] == ["paragraph"]
    (one,) = models[0]["entries"]
    assert one["title"]["text"] == "Denoising Diffusion Probabilistic Models"
    assert (one["title"]["line"], one["title"]["column"]) == (5, 3)
    assert one["authors"]["text"].strip("*") == "Jonathan Ho, Ajay Jain, Pieter Abbeel"
    assert one["venue"]["text"] == "NeurIPS 2020."
    assert [lk["label"] for lk in one["links"]] == ["Paper", "Github"]
    assert one["summary"].startswith("The comeback.")


def test_show_entries_text_and_json_agree(write, capsys) -> None:  # type: ignore[no-untyped-def]
    path = write("README.md", (FIXTURES / "formats" / "heading.clean.md").read_text("utf-8"))
    _, text, _ = _lint(capsys, str(path), "--show-entries")
    _, out, _ = _lint(capsys, str(path), "--show-entries", "--output-format", "json")
    (report,) = json.loads(out)
    assert text.splitlines()[0] == f"{path}: {report['entries']} entries"
    assert sum(len(s["entries"]) for s in report["sections"]) == report["entries"] == 17


@pytest.mark.parametrize("fmt", ["sarif", "junit", "github"])
def test_show_entries_refuses_formats_that_carry_findings(write, capsys, fmt: str) -> None:  # type: ignore[no-untyped-def]
    code, _, err = _lint(
        capsys, str(write("README.md", CLEAN)), "--show-entries", "--output-format", fmt
    )
    assert code == 2 and "--show-entries" in err


@pytest.mark.parametrize(
    ("count", "word", "expected"),
    [
        (1, "fix", "1 fix"),
        (2, "fix", "2 fixes"),
        (0, "problem", "0 problems"),
        (3, "file", "3 files"),
    ],
)
def test_counts_read_as_english(count: int, word: str, expected: str) -> None:
    assert plural(count, word) == expected
