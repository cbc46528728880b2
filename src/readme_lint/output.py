"""Output formats: text (for people), json (stable, for tools), github (annotations)."""

from __future__ import annotations

import json
from collections.abc import Sequence

import click

from readme_lint.diagnostics import Diagnostic, Severity

FORMATS = ("text", "json", "github")


def text_line(path: str, d: Diagnostic, color: bool) -> str:
    location = f"{path}:{d.line}:{d.column}:"
    code = d.code
    if color:
        location = click.style(location, bold=True)
        code = click.style(code, fg="red" if d.severity is Severity.ERROR else "yellow", bold=True)
    marker = " [*]" if d.fixable else ""
    return f"{location} {code} {d.rule} {d.message}{marker}"


def json_record(path: str, d: Diagnostic) -> dict[str, object]:
    return {
        "path": path,
        "line": d.line,
        "column": d.column,
        "code": d.code,
        "rule": d.rule,
        "severity": d.severity.value,
        "message": d.message,
        "fixable": d.fixable,
    }


def json_document(found: Sequence[tuple[str, Diagnostic]]) -> str:
    return json.dumps([json_record(p, d) for p, d in found], indent=2, ensure_ascii=False)


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github_line(path: str, d: Diagnostic) -> str:
    level = "error" if d.severity is Severity.ERROR else "warning"
    props = ",".join(
        (
            f"file={_escape_property(path)}",
            f"line={d.line}",
            f"col={d.column}",
            f"title={_escape_property(f'{d.code} {d.rule}')}",
        )
    )
    return f"::{level} {props}::{_escape_data(d.message)}"


def github_notice(path: str, hint: str) -> str:
    return f"::notice file={_escape_property(path)},title=readme-lint hint::{_escape_data(hint)}"
