"""``--output-format github``: workflow commands GitHub shows as annotations."""

from __future__ import annotations

from collections.abc import Sequence

from readme_lint.console import plural
from readme_lint.core.diagnostics import Diagnostic, Severity


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


def github_summary(findings: Sequence[Diagnostic], files: int) -> str:
    """The last line of the github format: GitHub shows only the first few annotations
    of a step, so one notice says how many there are in all."""
    if not findings:
        return _summary_notice(f"readme-lint: no problems in {plural(files, 'file')}")
    errors = sum(1 for d in findings if d.severity is Severity.ERROR)
    counts = f"{plural(errors, 'error')}, {plural(len(findings) - errors, 'warning')}"
    return _summary_notice(
        f"readme-lint: {plural(len(findings), 'problem')} ({counts}) "
        f"in {plural(files, 'file')}; see the log"
    )


def _summary_notice(message: str) -> str:
    return f"::notice::{_escape_data(message)}"
