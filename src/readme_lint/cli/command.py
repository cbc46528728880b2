"""The full command line: click's option parser, help and version (imported only when the
arguments are more than a plain lint's, see readme_lint.cli.main.main)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from readme_lint import __version__
from readme_lint.cli.main import EXIT_CLEAN, EXIT_ERROR, run
from readme_lint.console import BadParameter, UsageError, echo
from readme_lint.output.text import FORMATS


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("files", nargs=-1, type=click.Path(dir_okay=True, exists=False))  # str: "" stays ""
@click.option(
    "--fix", is_flag=True, help="Fix what can be fixed safely, in place; report what remains."
)
@click.option(
    "--diff", "show_diff", is_flag=True, help="Print the diff --fix would make; write nothing."
)
@click.option(
    "--output-format",
    "--format",
    "output_format",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="Output format (--format is an alias).",
)
@click.option(
    "--statistics",
    is_flag=True,
    help="Print how many findings each rule has (text or json) instead of the findings.",
)
@click.option(
    "--select",
    multiple=True,
    metavar="RULES",
    help="Only these rules (codes, prefixes like RL2, names, or ALL; comma-separated).",
)
@click.option(
    "--unsafe-fixes",
    is_flag=True,
    help="Also apply fixes that guess (TOC insertions, retargeting a link by similarity).",
)
@click.option(
    "--show-entries",
    is_flag=True,
    help="Show what was understood: each section's entry format, its entries and their fields.",
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
@click.option(
    "--strict", is_flag=True, help="Fail on warnings too (by default only errors fail the run)."
)
@click.option(
    "--exit-zero",
    is_flag=True,
    help="Report findings but exit 0 (2 still means a usage, configuration or file error).",
)
@click.option(
    "--check-links",
    is_flag=True,
    help="Check that links are alive (network; arXiv and GitHub in batches; cached).",
)
@click.option(
    "--strict-links", is_flag=True, help="Links that could not be verified fail the run too."
)
@click.option(
    "--links-timeout",
    type=click.FloatRange(min=1),
    metavar="SECONDS",
    help="Deadline for the whole link check (default 120).",
)
@click.option(
    "--remap",
    multiple=True,
    metavar="'REGEX REPLACEMENT'",
    help="Check matching URLs at another address (a mirror, a test server); findings name the original.",
)
@click.option(
    "--allow-private",
    is_flag=True,
    help="Let the link check reach loopback and private addresses (refused by default).",
)
@click.option(
    "--use-proxy-env", is_flag=True, help="Use the proxies set in the environment for link checks."
)
@click.option(
    "--no-link-cache", is_flag=True, help="Check every link live; read and write no cache."
)
@click.option(
    "--changed-since",
    metavar="REV",
    help="Report only findings on lines changed since the merge-base of REV and HEAD, "
    "uncommitted changes included (a pull request's view; fixes still apply to the whole file).",
)
@click.option(
    "--staged",
    is_flag=True,
    help="Report only findings on the lines staged for commit (for the pre-commit hook).",
)
@click.option(
    "--baseline",
    "baseline_path",
    type=click.Path(path_type=Path, dir_okay=False),
    metavar="PATH",
    help="Hide the findings recorded in this file by --write-baseline (or `baseline` in the config).",
)
@click.option(
    "--write-baseline",
    type=click.Path(path_type=Path, dir_okay=False),
    metavar="PATH",
    help="Record today's findings in PATH (JSON) and exit 0; later runs with --baseline PATH "
    "report only new ones.",
)
@click.option(
    "--init",
    "init",
    is_flag=True,
    help="Write a .readme-lint.toml describing the list's own conventions (section schemas, "
    "link labels, read marker, duplicate scope, TOC exclusions), read from FILE (default "
    "README.md).",
)
@click.option(
    "--dry-run", is_flag=True, help="With --init: print the configuration; write nothing."
)
@click.option("--force", is_flag=True, help="With --init: write even where a configuration exists.")
@click.option(
    "--stdin-filename",
    type=click.Path(path_type=Path, dir_okay=False),
    help="With '-' (read stdin): the file's name in messages and where its configuration is found.",
)
@click.option("--list-rules", is_flag=True, help="List every rule and exit.")
@click.option("--explain", metavar="RULE", help="Print one rule's documentation and exit.")
@click.version_option(__version__, prog_name="readme-lint")
def cli(**options: Any) -> int:
    """Lint paper-list READMEs (default: ./README.md)."""
    if "" in options["files"]:  # an unset variable: never "this folder" by accident
        raise click.BadParameter("an empty argument names no file", param_hint="FILES")
    options["files"] = tuple(Path(name) for name in options["files"])
    try:
        return run(**options)
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
