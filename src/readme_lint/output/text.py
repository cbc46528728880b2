"""The text report (for people) and ``--show-entries``.

The other formats have a module each: github.py (annotations), and the reports for tools
(json_report, sarif, junit, stats), imported only when one of them is asked for.
"""

from __future__ import annotations

from readme_lint.console import style
from readme_lint.core.diagnostics import Diagnostic, Severity
from readme_lint.core.model import Document, Entry, Span


def text_line(path: str, d: Diagnostic, color: bool) -> str:
    location = f"{path}:{d.line}:{d.column}:"
    code = d.code
    if color:
        location = style(location, bold=True)
        code = style(code, fg="red" if d.severity is Severity.ERROR else "yellow", bold=True)
    marker = " [*]" if d.fixable else ""
    # Warnings do not fail the run (unless --strict): say which findings are warnings.
    level = "warning: " if d.severity is Severity.WARNING else ""
    return f"{location} {code} {d.rule} {level}{d.message}{marker}"


def _field(name: str, span: Span | None) -> str | None:
    if span is None:
        return None
    text = span.text if len(span.text) <= 40 else span.text[:39] + "…"
    return f"{name} {span.line}:{span.col} {text!r}"


def _entry_fields(entry: Entry) -> str:
    title = entry.title.text if entry.title else None
    fields = [
        _field("title", title) or "no title",
        _field("authors", entry.authors),
        _field("venue", entry.venue),
        f"links {len([lk for lk in entry.links if not lk.image])}",
        _field("date", entry.date),
        _field("summary", entry.summary[0]) if entry.summary else None,
    ]
    return "; ".join(f for f in fields if f)


def entries_report(path: str, doc: Document) -> str:
    """What the model understood, per section: format, entry count, each entry's fields."""
    names = {h.line: h.name for h in doc.headings}
    out = [f"{path}: {len(doc.entries)} entries"]
    for line, fmt, entries in doc.sections_read():
        name = names.get(line, "(before the first heading)")
        where = f"line {line}" if line else "top"
        if fmt is None:
            out.append(f"  {name} ({where}): no entries")
            continue
        out.append(f"  {name} ({where}): {fmt}, {len(entries)} entries")
        out += [f"    {e.first_line}: {_entry_fields(e)}" for e in entries]
    return "\n".join(out) + "\n"
