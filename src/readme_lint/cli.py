"""Command line: ``readme-lint [OPTIONS] [FILES]...``.

Exit codes: 0 no findings, 1 findings, 2 a usage, configuration or file error
(other files are still linted).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import click

from readme_lint import __version__
from readme_lint.config import Config, ConfigError, discover, load
from readme_lint.diagnostics import Diagnostic
from readme_lint.engine import check_text
from readme_lint.files import FileError, read_source
from readme_lint.output import FORMATS, github_line, github_notice, json_document, text_line
from readme_lint.rules import all_rules, find_rule, resolve_selector

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


@dataclass
class _Run:
    """What one invocation found, across files."""

    findings: list[tuple[str, Diagnostic]] = field(default_factory=list)
    hints: list[tuple[str, str]] = field(default_factory=list)
    errors: int = 0
    files: int = 0


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    out = tuple(v.strip() for value in values for v in value.split(",") if v.strip())
    for selector in out:
        if not resolve_selector(selector):
            raise click.BadParameter(f"unknown rule {selector!r} (see --list-rules)")
    return out


def _overrides(
    config: Config, select: tuple[str, ...], extend: tuple[str, ...], ignore: tuple[str, ...]
) -> Config:
    changes: dict[str, object] = {}
    if select:
        changes["select"] = select
    if extend:
        changes["extend_select"] = config.extend_select + extend
    if ignore:
        changes["ignore"] = config.ignore + ignore
    return config.overridden(**changes) if changes else config


def _error(message: str) -> None:
    click.echo(f"readme-lint: error: {message}", err=True)


def _list_rules() -> None:
    rows = [("code", "name", "severity", "fix", "default", "summary")]
    for r in all_rules():
        rows.append(
            (
                r.code,
                r.name,
                r.severity.value,
                "yes" if r.fixable else "",
                "on" if r.default else "off",
                r.summary,
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    for row in rows:
        click.echo(
            "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:5])) + "  " + row[5]
        )


def _explain(selector: str) -> int:
    found = find_rule(selector)
    if found is None:
        _error(f"unknown rule {selector!r} (see --list-rules)")
        return EXIT_ERROR
    fix = "fixable" if found.fixable else "not fixable"
    state = "on" if found.default else "off"
    click.echo(f"# {found.code} {found.name}\n\n{found.summary}\n")
    click.echo(f"Default severity: {found.severity.value}; {fix}; {state} by default.\n")
    click.echo(found.doc)
    return EXIT_CLEAN


def _lint_files(
    files: Sequence[Path], explicit: Config | None, overrides: tuple[tuple[str, ...], ...]
) -> _Run:
    run = _Run()
    cache: dict[Path, Config] = {}
    for path in files:
        try:
            base = explicit if explicit is not None else discover(path.resolve().parent, cache)
            source = read_source(path)
        except (FileError, ConfigError) as exc:
            _error(str(exc))
            run.errors += 1
            continue
        report = check_text(source.text, _overrides(base, *overrides))
        run.files += 1
        run.findings.extend((str(path), d) for d in report.diagnostics)
        run.hints.extend((str(path), h) for h in report.hints)
    return run


def _use_color(color: bool | None) -> bool:
    if color is not None:
        return color
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _summary(run: _Run) -> str:
    if not run.findings:
        return f"All checks passed ({run.files} file{'s' * (run.files != 1)})."
    fixable = sum(1 for _, d in run.findings if d.fixable)
    count = len(run.findings)
    line = f"Found {count} problem{'s' * (count != 1)} in {run.files} file{'s' * (run.files != 1)}"
    if fixable:
        line += f" ({fixable} fixable, marked [*])"
    return line + "."


def _report(run: _Run, output_format: str, quiet: bool, color: bool) -> None:
    if output_format == "json":
        click.echo(json_document(run.findings))
    elif output_format == "github":
        for path, d in run.findings:
            click.echo(github_line(path, d))
    else:
        for path, d in run.findings:
            click.echo(text_line(path, d, color), color=color)
    if quiet:
        return
    if output_format == "github":
        for path, hint in run.hints:
            click.echo(github_notice(path, hint))
        return
    if output_format == "text" and (run.files or not run.errors):
        click.echo(_summary(run))
    # JSON's stdout must stay one JSON document: its hints go to stderr.
    for path, hint in run.hints:
        click.echo(f"hint: {path}: {hint}", err=output_format == "json")


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("files", nargs=-1, type=click.Path(path_type=Path, dir_okay=True, exists=False))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--select",
    multiple=True,
    metavar="RULES",
    help="Only these rules (codes, prefixes like RL2, names, or ALL; comma-separated).",
)
@click.option("--extend-select", multiple=True, metavar="RULES", help="Add rules to the selection.")
@click.option("--ignore", multiple=True, metavar="RULES", help="Turn these rules off.")
@click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Use this configuration file instead of discovering one.",
)
@click.option("-q", "--quiet", is_flag=True, help="Print findings only: no summary or hints.")
@click.option(
    "--color/--no-color",
    default=None,
    help="Colour the text output (default: when a terminal; NO_COLOR off).",
)
@click.option("--list-rules", is_flag=True, help="List every rule and exit.")
@click.option("--explain", metavar="RULE", help="Print one rule's documentation and exit.")
@click.version_option(__version__, prog_name="readme-lint")
def cli(
    files: tuple[Path, ...],
    output_format: str,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    config_path: Path | None,
    quiet: bool,
    color: bool | None,
    list_rules: bool,
    explain: str | None,
) -> int:
    """Lint paper-list READMEs (default: ./README.md)."""
    if list_rules:
        _list_rules()
        return EXIT_CLEAN
    if explain:
        return _explain(explain)
    overrides = (_split(select), _split(extend_select), _split(ignore))
    explicit = None
    if config_path is not None:
        try:
            explicit = load(config_path)
        except ConfigError as exc:
            _error(str(exc))
            return EXIT_ERROR
    run = _lint_files(files or (Path("README.md"),), explicit, overrides)
    _report(run, output_format, quiet, _use_color(color))
    if run.errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if run.findings else EXIT_CLEAN


def main(argv: Sequence[str] | None = None) -> int:
    """Console entry point; returns the exit code."""
    try:
        result = cli.main(
            args=list(argv) if argv is not None else None,
            prog_name="readme-lint",
            standalone_mode=False,
        )
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        return EXIT_ERROR
    except click.Abort:
        _error("aborted")
        return EXIT_ERROR
    return int(result) if isinstance(result, int) else EXIT_CLEAN
