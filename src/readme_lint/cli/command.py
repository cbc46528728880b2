"""The full command line: click's option parser, help and version (imported only when the
arguments are more than a plain lint's, see readme_lint.cli.main.main); its options are those declared in readme_lint.cli.options."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import click

from readme_lint import __version__
from readme_lint.cli.options import (
    EXIT_CLEAN,
    EXIT_ERROR,
    OUTPUT_FORMATS,
    Opt,
    Options,
    declarations,
)
from readme_lint.cli.run import run
from readme_lint.console import BadParameter, UsageError, echo


def _option(name: str, how: Opt, default: object) -> Callable[[Callable[..., Any]], Any]:
    """The click option for one declaration (readme_lint.cli.options)."""
    settings: dict[str, Any] = {"help": how.help, "metavar": how.metavar}
    if how.kind == "path":
        settings["type"] = click.Path(path_type=Path, dir_okay=False)
    elif how.kind == "seconds":
        settings["type"] = click.FloatRange(min=1)
    elif how.kind == "choice":
        settings["type"] = click.Choice(OUTPUT_FORMATS)
    if how.multiple:
        settings["multiple"] = True
    elif isinstance(default, bool) and "/" not in how.flags[0]:
        settings["is_flag"] = True
    else:
        settings["default"] = default
    if how.show_default:
        settings["show_default"] = True
    return click.option(*how.flags, name, **settings)


def _command(function: Callable[..., Any]) -> click.Command:
    """The command: FILES, every declared option in --help's order, version, help."""
    function = click.version_option(__version__, prog_name="readme-lint")(function)
    for name, how, default in reversed(list(declarations())):
        function = _option(name, how, default)(function)
    # str: "" stays "" (an empty argument is refused below, never read as this folder)
    function = click.argument("files", nargs=-1, type=click.Path(dir_okay=True, exists=False))(
        function
    )
    return click.command(context_settings={"help_option_names": ["-h", "--help"]})(function)


@_command
def cli(**options: Any) -> int:
    """Lint paper-list READMEs (default: ./README.md)."""
    if "" in options["files"]:  # an unset variable: never "this folder" by accident
        raise click.BadParameter("an empty argument names no file", param_hint="FILES")
    options["files"] = tuple(Path(name) for name in options["files"])
    try:
        return run(Options(**options))
    except BadParameter as exc:
        raise click.BadParameter(str(exc)) from None
    except UsageError as exc:
        raise click.UsageError(str(exc)) from None


def click_main(args: Sequence[str]) -> int:
    """Parse ``args`` with click and run; the exit code."""
    try:
        result = cli.main(args=list(args), prog_name="readme-lint", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        return EXIT_ERROR
    except click.Abort:
        echo("readme-lint: error: aborted", err=True)
        return EXIT_ERROR
    return int(result) if isinstance(result, int) else EXIT_CLEAN
