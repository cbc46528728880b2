"""``--output-format json``: one record per finding, with its range and fix."""

from __future__ import annotations

from collections.abc import Sequence

from readme_lint.core.diagnostics import Diagnostic, Fix
from readme_lint.core.lines import LineIndex
from readme_lint.output.report import FileReport, dumps, rule_url


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


def json_document(files: Sequence[FileReport]) -> str:
    return dumps([json_record(f.path, d, f.index) for f in files for d in f.findings])
