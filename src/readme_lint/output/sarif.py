"""``--output-format sarif``: a SARIF 2.1.0 log (for code scanning)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePath
from urllib.parse import quote

from readme_lint import __version__
from readme_lint.core.diagnostics import Diagnostic, Fix, Severity
from readme_lint.core.lines import LineIndex
from readme_lint.output.report import FileReport, dumps, rule_url
from readme_lint.rules import Rule, all_rules

SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)


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
    return dumps(sarif_log(files))
