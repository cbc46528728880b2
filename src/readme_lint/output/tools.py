"""Reports for tools: json, sarif, junit and ``--statistics``.

Imported only when one of them is asked for (a plain text lint never loads this
module, nor ``xml``). Positions are 1-based lines and columns counted in
characters, as in the text output; an end column is exclusive (the column just
past the finding). Fix edits are character offsets into the text the findings
were computed on: the file's text after its BOM, if any (with ``--fix``, the
fixed text that was written).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import PurePath
from urllib.parse import quote

from readme_lint import __version__
from readme_lint.core.diagnostics import Diagnostic, Fix, Severity
from readme_lint.core.lines import LineIndex
from readme_lint.rules import Rule, all_rules

SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)


@dataclass
class FileReport:
    """One linted file: its path as given, the text its findings refer to, the findings."""

    path: str
    text: str
    findings: Sequence[Diagnostic]

    @cached_property
    def index(self) -> LineIndex:  # built on first use: only fixes need it
        return LineIndex(self.text)


def rule_anchor(code: str, name: str) -> str:
    """The heading anchor of a rule in docs/rules.md (``## RL201 stray-asterisk``)."""
    return f"{code.lower()}-{name}"


def rule_url(code: str, name: str) -> str:
    """The rule's documentation (readme_lint.about): ``…/docs/rules.md#rl201-…``."""
    from readme_lint.about import rules_doc_url

    return rules_doc_url(rule_anchor(code, name))


def _fix_record(fix: Fix, index: LineIndex) -> dict[str, object]:
    edits = []
    for edit in fix.edits:
        (start_line, start_column), (end_line, end_column) = (
            index.position(edit.start),
            index.position(edit.end),
        )
        edits.append(
            {
                "start": edit.start,
                "end": edit.end,
                "text": edit.text,
                "start_line": start_line,
                "start_column": start_column,
                "end_line": end_line,
                "end_column": end_column,
            }
        )
    return {"title": fix.title, "safe": fix.safe, "edits": edits}


def json_record(path: str, d: Diagnostic, index: LineIndex) -> dict[str, object]:
    end_line, end_column = d.end
    return {
        "path": path,
        "line": d.line,
        "column": d.column,
        "code": d.code,
        "rule": d.rule,
        "severity": d.severity.value,
        "message": d.message,
        "fixable": d.fixable,
        # Added later; the fields above are never removed or renamed.
        "end_line": end_line,
        "end_column": end_column,
        "fix": _fix_record(d.fix, index) if d.fix is not None else None,
        "url": rule_url(d.code, d.rule),
    }


def _dumps(value: object) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False)


def json_document(files: Sequence[FileReport]) -> str:
    return _dumps([json_record(f.path, d, f.index) for f in files for d in f.findings])


# --statistics


def _statistics(files: Sequence[FileReport]) -> list[tuple[str, str, int, bool]]:
    counts = Counter((d.code, d.rule) for f in files for d in f.findings)
    fixable = {(d.code, d.rule) for f in files for d in f.findings if d.fixable}
    rows = [(code, name, n, (code, name) in fixable) for (code, name), n in counts.items()]
    return sorted(rows, key=lambda row: (-row[2], row[0]))


def statistics_text(files: Sequence[FileReport]) -> str:
    """Per rule: count, code, ``[*]`` when some of its findings are fixable, name."""
    rows = _statistics(files)
    if not rows:
        return ""
    width = len(str(rows[0][2]))
    any_fixable = any(row[3] for row in rows)
    lines = []
    for code, name, count, fixable in rows:
        marker = ("[*] " if fixable else "[ ] ") if any_fixable else ""
        lines.append(f"{count:>{width}}  {code}  {marker}{name}")
    return "\n".join(lines)


def statistics_json(files: Sequence[FileReport]) -> str:
    return _dumps(
        [
            {"code": code, "name": name, "count": count, "fixable": fixable}
            for code, name, count, fixable in _statistics(files)
        ]
    )


# SARIF 2.1.0


def _level(severity: Severity) -> str:
    return "error" if severity is Severity.ERROR else "warning"


def _artifact_uri(path: str) -> str:
    """The path as given, as a URI reference: forward slashes, percent-encoded; a
    relative path stays relative, an absolute one becomes a file: URI."""
    pure = PurePath(path)
    if pure.is_absolute():
        return pure.as_uri()
    # ':' is encoded too, so that a first segment such as 'c:notes.md' is not a scheme.
    return quote(pure.as_posix(), safe="/!$&'()*+,;=@")


def _first_paragraph(doc: str, heading: str) -> str:
    section = doc.split(f"## {heading}\n", 1)[-1]
    return " ".join(section.strip().split("\n\n", 1)[0].split())


def _descriptor(rule: Rule) -> dict[str, object]:
    url = rule_url(rule.code, rule.name)
    descriptor: dict[str, object] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": _first_paragraph(rule.doc, "What it does")},
        "help": {"text": rule.doc, "markdown": rule.doc},
        "defaultConfiguration": {"level": _level(rule.severity), "enabled": rule.default},
        "properties": {"url": url, "fixable": rule.fix_availability},
    }
    if url.startswith("https://"):  # helpUri must be absolute: only when the package says where
        descriptor["helpUri"] = url
    return descriptor


def _region(start: tuple[int, int], end: tuple[int, int]) -> dict[str, int]:
    return {"startLine": start[0], "startColumn": start[1], "endLine": end[0], "endColumn": end[1]}


def _sarif_fix(fix: Fix, uri: str, index: LineIndex) -> dict[str, object]:
    replacements: list[dict[str, object]] = []
    for edit in fix.edits:
        replacement: dict[str, object] = {
            "deletedRegion": _region(index.position(edit.start), index.position(edit.end))
        }
        if edit.text:
            replacement["insertedContent"] = {"text": edit.text}
        replacements.append(replacement)
    return {
        "description": {"text": fix.title},
        "artifactChanges": [{"artifactLocation": {"uri": uri}, "replacements": replacements}],
    }


def _sarif_result(f: FileReport, d: Diagnostic, rule_index: dict[str, int]) -> dict[str, object]:
    uri = _artifact_uri(f.path)
    result: dict[str, object] = {"ruleId": d.code}
    if d.code in rule_index:
        result["ruleIndex"] = rule_index[d.code]
    result["level"] = _level(d.severity)
    result["message"] = {"text": d.message}
    result["locations"] = [
        {
            "physicalLocation": {
                "artifactLocation": {"uri": uri},
                "region": _region((d.line, d.column), d.end),
            }
        }
    ]
    if d.fix is not None and d.fixable:  # the fixes --fix applies; guesses are not offered
        result["fixes"] = [_sarif_fix(d.fix, uri, f.index)]
    return result


def sarif_log(files: Sequence[FileReport]) -> dict[str, object]:
    rules = all_rules()
    rule_index = {rule.code: i for i, rule in enumerate(rules)}
    driver: dict[str, object] = {"name": "readme-lint", "version": __version__}
    from readme_lint.about import repository

    home = repository()
    if home:
        driver["informationUri"] = home
    driver["rules"] = [_descriptor(rule) for rule in rules]
    run = {
        "tool": {"driver": driver},
        "columnKind": "unicodeCodePoints",
        "results": [_sarif_result(f, d, rule_index) for f in files for d in f.findings],
    }
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def sarif_document(files: Sequence[FileReport]) -> str:
    return _dumps(sarif_log(files))


# JUnit XML

# Characters XML 1.0 cannot carry, even escaped: written as \uXXXX instead.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml_text(value: str) -> str:
    return _NOT_XML.sub(lambda m: f"\\u{ord(m.group()):04x}", value)


def junit_document(files: Sequence[FileReport]) -> str:
    """testsuites > a testsuite per file > a testcase per rule that found something, with a
    <failure> per finding; a clean file is one passing testcase."""
    import xml.etree.ElementTree as ET

    root = ET.Element("testsuites", name="readme-lint")
    total_tests = total_failures = 0
    for f in files:
        path = _xml_text(f.path)
        suite = ET.SubElement(root, "testsuite", name=path)
        by_rule: dict[tuple[str, str], list[Diagnostic]] = {}
        for d in f.findings:
            by_rule.setdefault((d.code, d.rule), []).append(d)
        for (code, name), found in sorted(by_rule.items()):
            case = ET.SubElement(suite, "testcase", name=f"{code} {name}", classname=path)
            for d in sorted(found, key=lambda d: (d.line, d.column)):
                failure = ET.SubElement(case, "failure", message=_xml_text(d.message), type=code)
                failure.text = _xml_text(f"{f.path}:{d.line}:{d.column}: {d.message}")
        if not by_rule:
            ET.SubElement(suite, "testcase", name="readme-lint", classname=path)
        tests = max(len(by_rule), 1)
        suite.attrib.update(tests=str(tests), failures=str(len(by_rule)), errors="0", skipped="0")
        total_tests += tests
        total_failures += len(by_rule)
    root.attrib.update(tests=str(total_tests), failures=str(total_failures), errors="0")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")


# docs/rules.md


def rules_markdown() -> str:
    """docs/rules.md: every rule's documentation, as ``--explain`` prints it."""
    out = [
        "# readme-lint rules\n",
        "<!-- Generated from the rules' docstrings by "
        "readme_lint.output.tools.rules_markdown(); do not edit by hand. -->\n",
        "Every rule, by code; `readme-lint --explain RULE` prints the same text. The json and "
        "sarif outputs link each finding here (`docs/rules.md#rl201-stray-asterisk`).\n",
    ]
    for rule in all_rules():
        fix = f"fixable ({rule.applicability})" if rule.fixable else "not fixable"
        state = "on" if rule.default else "off"
        out.append(f"## {rule.code} {rule.name}\n")
        out.append(f"{rule.summary}\n")
        out.append(f"Default severity: {rule.severity.value}; {fix}; {state} by default.\n")
        out.append(_demote(rule.doc) + "\n")
    return "\n".join(out)


def _demote(doc: str) -> str:
    """The doc's ``##`` headings one level down (``###``), outside code blocks."""
    lines, fenced = [], False
    for line in doc.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        lines.append("#" + line if not fenced and line.startswith("## ") else line)
    return "\n".join(lines)
