"""Every command-line option, declared once: its field in :class:`Options` (type and
default) carries its flags, help and how it is parsed.

Two parsers read these declarations: click's full command (readme_lint.cli.command) and
the fast path for a plain hook call (:func:`simple_call`), which reads only the options
marked ``simple`` and file names, without importing click (a large part of a hook's
start-up). This module imports neither click nor the engine.
"""

# No postponed annotations: the Annotated metadata below is read at run time.
import enum
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Annotated, Any, NamedTuple

from readme_lint.declared import declared

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
STDIN = Path("-")
OUTPUT_FORMATS = ("text", "json", "github", "sarif", "junit")


class Mode(str, enum.Enum):
    """What a run does with each file."""

    LINT = "lint"
    FIX = "fix"  # --fix
    DIFF = "diff"  # --diff
    ENTRIES = "entries"  # --show-entries


class Opt(NamedTuple):
    """How one option is written and parsed."""

    flags: tuple[str, ...]  # "--color/--no-color" for a switch
    help: str
    metavar: str | None = None
    # "path" (a file, not a folder), "seconds" (a number >= 1), "choice" (OUTPUT_FORMATS)
    kind: str | None = None
    multiple: bool = False
    show_default: bool = False
    simple: bool = False  # read by the fast path too (flags only)


def opt(
    *flags: str,
    help: str,
    metavar: str | None = None,
    kind: str | None = None,
    multiple: bool = False,
    show_default: bool = False,
    simple: bool = False,
) -> Opt:
    return Opt(flags, help, metavar, kind, multiple, show_default, simple)


class Options(NamedTuple):
    """One run's options, as given (their defaults when not), in the order --help lists them."""

    files: tuple[Path, ...] = ()
    fix: Annotated[
        bool,
        opt(
            "--fix",
            help="Fix what can be fixed safely, in place; report what remains.",
            simple=True,
        ),
    ] = False
    show_diff: Annotated[
        bool, opt("--diff", help="Print the diff --fix would make; write nothing.")
    ] = False
    output_format: Annotated[
        str,
        opt(
            "--output-format",
            "--format",
            help="Output format (--format is an alias).",
            kind="choice",
            show_default=True,
        ),
    ] = "text"
    statistics: Annotated[
        bool,
        opt(
            "--statistics",
            help="Print how many findings each rule has (text or json) instead of the findings.",
        ),
    ] = False
    select: Annotated[
        tuple[str, ...],
        opt(
            "--select",
            help="Only these rules (codes, prefixes like RL2, names, or ALL; comma-separated).",
            metavar="RULES",
            multiple=True,
        ),
    ] = ()
    unsafe_fixes: Annotated[
        bool,
        opt(
            "--unsafe-fixes",
            help="Also apply fixes that guess (TOC insertions, retargeting a link by similarity).",
        ),
    ] = False
    show_entries: Annotated[
        bool,
        opt(
            "--show-entries",
            help="Show what was understood: each section's entry format, its entries and their fields (text, or json with --output-format json).",
        ),
    ] = False
    extend_select: Annotated[
        tuple[str, ...],
        opt("--extend-select", help="Add rules to the selection.", metavar="RULES", multiple=True),
    ] = ()
    ignore: Annotated[
        tuple[str, ...],
        opt("--ignore", help="Turn these rules off.", metavar="RULES", multiple=True),
    ] = ()
    config_path: Annotated[
        Path | None,
        opt(
            "--config",
            help="Use this configuration file instead of discovering one.",
            kind="path",
        ),
    ] = None
    quiet: Annotated[
        bool,
        opt("-q", "--quiet", help="Print findings only: no summary or hints.", simple=True),
    ] = False
    color: Annotated[
        bool | None,
        opt(
            "--color/--no-color",
            help="Colour the text output (default: when a terminal; NO_COLOR off).",
            simple=True,
        ),
    ] = None
    strict: Annotated[
        bool,
        opt(
            "--strict",
            help="Fail on warnings too (by default only errors fail the run).",
            simple=True,
        ),
    ] = False
    exit_zero: Annotated[
        bool,
        opt(
            "--exit-zero",
            help="Report findings but exit 0 (2 still means a usage, configuration or file error).",
            simple=True,
        ),
    ] = False
    check_links: Annotated[
        bool,
        opt(
            "--check-links",
            help="Check that links are alive (network; arXiv and GitHub in batches; cached).",
        ),
    ] = False
    strict_links: Annotated[
        bool, opt("--strict-links", help="Links that could not be verified fail the run too.")
    ] = False
    links_timeout: Annotated[
        float | None,
        opt(
            "--links-timeout",
            help="Deadline for the whole link check (default 120).",
            metavar="SECONDS",
            kind="seconds",
        ),
    ] = None
    remap: Annotated[
        tuple[str, ...],
        opt(
            "--remap",
            help="Check matching URLs at another address (a mirror, a test server); findings name the original.",
            metavar="'REGEX REPLACEMENT'",
            multiple=True,
        ),
    ] = ()
    allow_private: Annotated[
        bool,
        opt(
            "--allow-private",
            help="Let the link check reach loopback and private addresses (refused by default).",
        ),
    ] = False
    use_proxy_env: Annotated[
        bool,
        opt("--use-proxy-env", help="Use the proxies set in the environment for link checks."),
    ] = False
    no_link_cache: Annotated[
        bool, opt("--no-link-cache", help="Check every link live; read and write no cache.")
    ] = False
    changed_since: Annotated[
        str | None,
        opt(
            "--changed-since",
            help="Report only findings on lines changed since the merge-base of REV and HEAD, "
            "uncommitted changes included (a pull request's view; fixes still apply to the "
            "whole file).",
            metavar="REV",
        ),
    ] = None
    staged: Annotated[
        bool,
        opt(
            "--staged",
            help="Report only findings on the lines staged for commit (for the pre-commit hook).",
            simple=True,
        ),
    ] = False
    baseline_path: Annotated[
        Path | None,
        opt(
            "--baseline",
            help="Hide the findings recorded in this file by --write-baseline (or `baseline` in "
            "the config).",
            metavar="PATH",
            kind="path",
        ),
    ] = None
    write_baseline: Annotated[
        Path | None,
        opt(
            "--write-baseline",
            help="Record today's findings in PATH (JSON) and exit 0; later runs with --baseline "
            "PATH report only new ones.",
            metavar="PATH",
            kind="path",
        ),
    ] = None
    init: Annotated[
        bool,
        opt(
            "--init",
            help="Write a .readme-lint.toml describing the list's own conventions (section "
            "schemas, link labels, read marker, duplicate scope, TOC exclusions), read from FILE "
            "(default README.md).",
        ),
    ] = False
    dry_run: Annotated[
        bool, opt("--dry-run", help="With --init: print the configuration; write nothing.")
    ] = False
    force: Annotated[
        bool, opt("--force", help="With --init: write even where a configuration exists.")
    ] = False
    stdin_filename: Annotated[
        Path | None,
        opt(
            "--stdin-filename",
            help="With '-' (read stdin): the file's name in messages and where its "
            "configuration is found.",
            kind="path",
        ),
    ] = None
    list_rules: Annotated[bool, opt("--list-rules", help="List every rule and exit.")] = False
    explain: Annotated[
        str | None,
        opt("--explain", help="Print one rule's documentation and exit.", metavar="RULE"),
    ] = None

    @property
    def mode(self) -> Mode:
        if self.show_entries:
            return Mode.ENTRIES
        if self.show_diff:
            return Mode.DIFF
        return Mode.FIX if self.fix else Mode.LINT


def declarations() -> Iterator[tuple[str, Opt, object]]:
    """(field, how it is written, default) of every option, in --help's order."""
    return declared(Options, Opt)


def _simple_flags() -> dict[str, tuple[str, bool]]:
    """Flag -> (field, value) of the options the fast path reads."""
    out: dict[str, tuple[str, bool]] = {}
    for name, how, _ in declarations():
        if not how.simple:
            continue
        for flag in how.flags:
            on, _, off = flag.partition("/")
            out[on] = (name, True)
            if off:
                out[off] = (name, False)
    return out


def simple_call(args: Sequence[str]) -> Options | None:
    """The options of arguments that are file names and fast-path flags only; None when
    click must read them (any other option, or an empty argument: click says it names no
    file)."""
    flags = _simple_flags()
    given: dict[str, Any] = {}
    files: list[Path] = []
    for arg in args:
        if arg in flags:
            name, value = flags[arg]
            given[name] = value
        elif (arg.startswith("-") and arg != "-") or not arg:
            return None
        else:
            files.append(Path(arg))
    return Options(files=tuple(files))._replace(**given)
