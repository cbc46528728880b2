"""``--output-format json``: one record per finding, with its range and fix; with
``--show-entries``, what was understood of each file."""

from __future__ import annotations

from collections.abc import Sequence

from readme_lint.core.diagnostics import Diagnostic, Fix
from readme_lint.core.lines import LineIndex
from readme_lint.core.model import Document, Entry, Span
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


def _span(span: Span | None) -> dict[str, object] | None:
    if span is None:
        return None
    return {"line": span.line, "column": span.col, "end_column": span.end_col, "text": span.text}


def _entry_record(entry: Entry) -> dict[str, object]:
    return {
        "line": entry.first_line,
        "end_line": entry.end_line,
        "format": entry.format,
        "title": _span(entry.title.text if entry.title else None),
        "authors": _span(entry.authors),
        "venue": _span(entry.venue),
        "date": _span(entry.date),
        "links": [
            {"line": lk.line, "column": lk.col, "label": lk.label.text, "url": lk.target.text}
            for lk in entry.links
            if not lk.image
        ],
        "summary": entry.summary_text or None,
    }


def entries_document(files: Sequence[tuple[str, Document]]) -> str:
    """``--show-entries --output-format json``: per file, each section as it was read
    (heading, format, entries with their fields and positions)."""
    out = []
    for path, doc in files:
        names = {h.line: h.name for h in doc.headings}
        sections = [
            {
                "heading": names.get(line) if line else None,
                "line": line or None,
                "format": fmt,
                "entries": [_entry_record(e) for e in entries],
            }
            for line, fmt, entries in doc.sections_read()
        ]
        out.append({"path": path, "entries": len(doc.entries), "sections": sections})
    return dumps(out)
