"""One run of the command line, its options parsed (readme_lint.cli.options): files in,
a report out, the exit code back.

Exit codes: 0 clean; 1 findings (or, with --fix, a file was changed; with
--diff, a file would be); 2 a usage, configuration or file error (the other
files are still processed).
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from readme_lint.adopt.narrowing import AdoptError, Narrowing, check_options
from readme_lint.cli.options import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, STDIN, Mode, Options
from readme_lint.cli.paths import expand
from readme_lint.config import (
    Config,
    ConfigError,
    LinkSettings,
    discover,
    for_path,
    load,
    parse_remap,
)
from readme_lint.console import BadParameter, UsageError, echo, plural
from readme_lint.core.diagnostics import Diagnostic, Severity
from readme_lint.core.mdparse import TooDeep
from readme_lint.core.model import Document, build
from readme_lint.engine.run import check_document, check_text
from readme_lint.engine.selection import check_selectors
from readme_lint.files import (
    BOM,
    FileError,
    SourceFile,
    read_source,
    read_stdin,
    write_source,
)
from readme_lint.output.text import entries_report, text_line
from readme_lint.rules import all_rules, find_rule, resolve_selector

if TYPE_CHECKING:
    from readme_lint.linkcheck.verdict import Verdict


class _Outcome(NamedTuple):
    """What happened to one file."""

    path: str
    findings: tuple[Diagnostic, ...]  # what remains
    hints: tuple[str, ...]
    fixed: tuple[Diagnostic, ...] = ()
    changed: bool = False  # written (--fix) or would be (--diff)
    diff: str = ""
    text: str = ""  # what the findings' positions and fix offsets refer to
    strict: bool = False  # its configuration says warnings fail the run too
    withheld: int = 0  # fixes not applied: they would have made the page worse
    understood: Document | None = None  # --show-entries: the file's model


class _Run:
    """What happened to every file of the run (mutable: filled in as files are done)."""

    def __init__(self) -> None:
        self.outcomes: list[_Outcome] = []
        self.errors = 0
        self.excluded = 0  # files left out by `exclude`
        self._said: set[str] = set()

    def fail(self, message: str) -> None:
        """Count a file that could not be linted; say why once (a broken configuration
        shared by many files is one message)."""
        self.errors += 1
        if message not in self._said:
            self._said.add(message)
            _error(message)

    @property
    def findings(self) -> list[tuple[str, Diagnostic]]:
        return [(o.path, d) for o in self.outcomes for d in o.findings]


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    out = tuple(v.strip() for value in values for v in value.split(",") if v.strip())
    for selector in out:
        if not resolve_selector(selector):
            raise BadParameter(f"unknown rule {selector!r} (see --list-rules)")
    return out


class _Overrides(NamedTuple):
    """What the command line says over the configuration files."""

    select: tuple[str, ...] = ()
    extend: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    unsafe_fixes: bool = False
    strict: bool = False
    check_links: bool = False
    strict_links: bool = False
    links_timeout: float | None = None
    allow_private: bool = False
    remap: tuple[tuple[str, str], ...] = ()
    no_link_cache: bool = False


def _overrides(config: Config, o: _Overrides) -> Config:
    changes: dict[str, object] = {}
    if o.unsafe_fixes:
        changes["unsafe_fixes"] = True
    if o.strict:
        changes["strict"] = True
    if o.select:
        changes["select"] = o.select
    if o.extend:
        changes["extend_select"] = config.extend_select + o.extend
    if o.ignore:
        changes["ignore"] = config.ignore + o.ignore
    links = _link_overrides(config.links, o)
    if links != config.links:
        changes["links"] = links
    if links.strict:  # unverifiable links fail the run: their rule becomes an error
        changes["severity"] = {**config.severity, "RL312": Severity.ERROR}
    return config.overridden(**changes) if changes else config


def _link_overrides(links: LinkSettings, o: _Overrides) -> LinkSettings:
    changes: dict[str, Any] = {}
    for flag, name in (
        (o.check_links, "check"),
        (o.strict_links, "strict"),
        (o.allow_private, "allow_private"),
        (o.no_link_cache, "no_cache"),
    ):
        if flag:
            changes[name] = True
    if o.links_timeout is not None:
        changes["timeout"] = o.links_timeout
    if o.remap:
        changes["remap"] = links.remap + o.remap
    return links._replace(**changes) if changes else links


def _error(message: str) -> None:
    echo(f"readme-lint: error: {message}", err=True)


def _list_rules() -> None:
    rows = [("code", "name", "severity", "fix", "default", "summary")]
    for r in all_rules():
        rows.append(
            (
                r.code,
                r.name,
                r.severity.value,
                r.fix_availability if r.fixable else "",
                "on" if r.default else "off",
                r.summary,
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    for row in rows:
        echo("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:5])) + "  " + row[5])


def _explain(selector: str) -> int:
    found = find_rule(selector)
    if found is None:
        _error(f"unknown rule {selector!r} (see --list-rules)")
        return EXIT_ERROR
    fix = f"fixable ({found.applicability})" if found.fixable else "not fixable"
    state = "on" if found.default else "off"
    echo(f"# {found.code} {found.name}\n\n{found.summary}\n")
    echo(f"Default severity: {found.severity.value}; {fix}; {state} by default.\n")
    echo(found.doc)
    return EXIT_CLEAN


def _unified_diff(path: str, before: str, after: str) -> str:
    """A unified diff that shows only changed lines.

    difflib.unified_diff's matcher treats frequent lines (blank lines) as junk
    and reports unchanged ones as changed; a matcher without autojunk does not.
    """
    if before == after:
        return ""
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    out = [f"--- {path}\n", f"+++ {path}\n"]
    import difflib  # only --diff needs it: a plain lint does not pay its import

    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for group in matcher.get_grouped_opcodes(3):
        (_, i1, _, j1, _), (_, _, i2, _, j2) = group[0], group[-1]
        out.append(f"@@ -{i1 + 1},{i2 - i1} +{j1 + 1},{j2 - j1} @@\n")
        for tag, a1, a2, b1, b2 in group:
            if tag == "equal":
                out += [" " + line for line in old[a1:a2]]
                continue
            out += ["-" + line for line in old[a1:a2]]
            out += ["+" + line for line in new[b1:b2]]
    return "".join(
        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in out
    )


def _process(
    path: Path,
    source: SourceFile,
    config: Config,
    mode: Mode,
    checked: tuple[Document, Mapping[str, Verdict]] | None = None,
) -> _Outcome:
    """One file; ``checked``: its model, already built for the link check, and the verdicts."""
    name = str(path)
    if mode is Mode.ENTRIES:
        return _Outcome(name, (), (), understood=build(source.text, config.read_marker))
    doc, verdicts = checked if checked is not None else (None, None)
    if mode is Mode.LINT:
        if doc is not None:
            report = check_document(doc, config, verdicts)
        else:
            report = check_text(source.text, config)
        return _Outcome(name, report.diagnostics, report.hints, text=source.text)
    from readme_lint.engine.fix import fix_text  # --fix and --diff only

    result = fix_text(source.text, config, verdicts=verdicts)
    if mode is Mode.DIFF:
        diff = _unified_diff(name, source.text, result.text)
        return _Outcome(
            name,
            result.remaining,
            result.hints,
            result.fixed,
            bool(diff),
            diff,
            withheld=len(result.withheld),
        )
    if source.stdin:  # the fixed text is the output; the report goes to stderr
        echo((BOM if source.bom else "") + result.text, nl=False)  # the BOM goes back too
        written = result.text != source.text
    else:
        written = write_source(source, result.text)
    return _Outcome(
        name,
        result.remaining,
        result.hints,
        result.fixed,
        written,
        text=result.text,
        withheld=len(result.withheld),
    )


def _load(
    files: Sequence[Path],
    explicit: Config | None,
    overrides: _Overrides,
    mode: Mode,
    run: _Run,
    stdin_name: Path | None,
    cache: dict[Path, Config],
) -> list[tuple[Path, SourceFile, Config]]:
    """Each file with its configuration; what cannot be read is reported and skipped."""
    loaded = []
    for path in files:
        try:
            if path == STDIN:  # named by --stdin-filename, configured as a file there would be
                path = stdin_name or STDIN
                if stdin_name:
                    base = for_path(stdin_name, explicit, cache)
                else:
                    base = explicit if explicit is not None else discover(Path.cwd(), cache)
                source = read_stdin(path)
            else:
                base = for_path(path, explicit, cache)
                source = read_source(path, for_writing=mode is Mode.FIX)
            loaded.append((path, source, _overrides(base, overrides)))
        except (FileError, ConfigError) as exc:
            run.fail(str(exc))
    return loaded


def _check_init_options(
    init: bool, mode: Mode, lint_only: Sequence[object], files: Sequence[Path]
) -> None:
    """--init's options: ``lint_only`` are the values of the options that only a lint
    reads (--changed-since, --staged, --write-baseline, a non-text format, --statistics)."""
    if not init:
        raise UsageError("--dry-run and --force go with --init")
    if mode is not Mode.LINT or any(lint_only):
        raise UsageError(
            "--init writes a configuration and lints nothing: drop --fix, --diff, "
            "--show-entries, --changed-since, --staged, --write-baseline, --output-format "
            "and --statistics"
        )
    if STDIN in files:
        raise UsageError(
            "--init reads a list file and writes its configuration beside it: not stdin"
        )
    if len(files) > 1:
        raise UsageError("--init reads one list file (default README.md)")


def _init(path: Path, dry_run: bool, force: bool, quiet: bool) -> int:
    """--init: the list's conventions as a .readme-lint.toml beside it (printed with
    --dry-run); an existing configuration is kept unless --force (a broken one too)."""
    from readme_lint.adopt.conventions import init_text
    from readme_lint.files import replace_file

    target = path.parent / ".readme-lint.toml"
    try:
        source = read_source(path)
    except FileError as exc:
        _error(str(exc))
        return EXIT_ERROR
    proposal = init_text(source.text, path.name)
    if dry_run:
        echo(proposal, nl=False)
        return EXIT_CLEAN
    try:
        existing: Config | None = discover(path.resolve().parent)
    except ConfigError as exc:
        if not force:
            _error(f"{exc}; nothing written (--force writes {target} anyway)")
            return EXIT_ERROR
        existing = None  # broken, and replaced as asked
    if existing is not None and existing.source is not None and not force:
        _error(
            f"{existing.source} already configures {path}: nothing written (see the proposal "
            f"with --init --dry-run; --force writes {target} anyway)"
        )
        return EXIT_ERROR
    try:
        replace_file(target, proposal.encode("utf-8"))
    except OSError as exc:
        _error(f"{target}: cannot write: {exc.strerror or exc}")
        return EXIT_ERROR
    if not quiet:
        _init_report(path, target, source.text, existing)
    return EXIT_CLEAN


def _init_report(path: Path, target: Path, text: str, existing: Config | None) -> None:
    """What --init changed: the file written, and the problems before and after."""
    echo(f"Wrote {target} from the conventions of {path}.")
    if existing is not None and existing.source not in (None, str(target.resolve())):
        echo(f"note: it takes precedence over {existing.source} for {path}.")
    after = len(check_text(text, load(target)).diagnostics)
    before = "the previous configuration was broken"
    if existing is not None:
        with contextlib.suppress(ConfigError):  # one naming an unknown rule is broken too
            before = (
                f"{len(check_text(text, existing).diagnostics)} with the previous configuration"
            )
    echo(f"readme-lint {path} now reports {plural(after, 'problem')} ({before}).")


def _excluded(
    files: Sequence[Path], explicit: Config | None, cache: dict[Path, Config]
) -> tuple[list[Path], int]:
    """(the files the configuration's ``exclude`` does not leave out, how many it does).

    Files named one by one are left out too: pre-commit names every file it passes.
    A file whose configuration cannot be read is kept (the run reports it)."""
    kept: list[Path] = []
    for path in files:
        if path == STDIN:
            kept.append(path)
            continue
        try:
            base = explicit if explicit is not None else discover(path.resolve().parent, cache)
        except ConfigError:
            base = None
        if base is not None and base.excludes(path):
            continue
        kept.append(path)
    return kept, len(files) - len(kept)


def _verdicts(
    loaded: Sequence[tuple[Path, SourceFile, Config]], mode: Mode, quiet: bool, proxy: bool
) -> dict[Path, tuple[Document, Mapping[str, Verdict]]]:
    """With --check-links (or check-links = true): every file's links, checked together."""
    if mode is Mode.ENTRIES or not any(config.links.check for _, _, config in loaded):
        return {}
    from readme_lint.linkcheck.run import LinkSource, check_sources  # the network stack, on demand

    sources = []
    for path, source, config in loaded:
        try:
            sources.append(LinkSource(path, build(source.text, config.read_marker), config))
        except TooDeep:
            continue  # its lint says so, once (_run_files)
    verdicts, summary = check_sources(sources, use_proxy_env=proxy)
    if not quiet:
        echo(f"links: {summary.line()}", err=True)
    return {s.path: (s.doc, verdicts.get(s.path, {})) for s in sources}


def _run_files(
    files: Sequence[Path],
    explicit: Config | None,
    overrides: _Overrides,
    mode: Mode,
    quiet: bool,
    proxy: bool,
    stdin_name: Path | None,
    configs: dict[Path, Config],
) -> _Run:
    run = _Run()
    loaded = _load(files, explicit, overrides, mode, run, stdin_name, configs)
    verdicts = _verdicts(loaded, mode, quiet, proxy)
    for path, source, config in loaded:
        try:
            outcome = _process(path, source, config, mode, verdicts.get(path))
            run.outcomes.append(outcome._replace(strict=config.strict))
        except (FileError, ConfigError) as exc:
            run.fail(str(exc))
        except TooDeep as exc:
            run.fail(f"{path}: {exc}; nothing was written")
        except Exception as exc:  # one file's bug must not end the run
            run.fail(_internal_error(path, exc))
    return run


def _internal_error(path: Path, exc: Exception) -> str:
    """One line for a bug: which file, what, that nothing was written, where to report."""
    from readme_lint.about import repository

    where = repository()
    report = f"; please report it at {where}/issues" if where else "; please report it"
    detail = f"{type(exc).__name__}: {exc}"[:300]
    return f"{path}: internal error ({detail}); nothing was written{report}"


def _use_color(color: bool | None) -> bool:
    if color is not None:
        return color
    return sys.stdout is not None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _fixed_line(outcome: _Outcome, verb: str) -> str:
    counts = Counter(f"{d.code} {d.rule}" for d in outcome.fixed)
    parts = ", ".join(f"{rule}: {n}" for rule, n in sorted(counts.items()))
    return f"{verb} {outcome.path}: {plural(len(outcome.fixed), 'problem')} ({parts})"


def _summary(run: _Run, mode: Mode) -> str:
    files = len(run.outcomes)
    remaining = len(run.findings)
    left_out = f", {run.excluded} excluded by the configuration" if run.excluded else ""
    fixed = sum(len(o.fixed) for o in run.outcomes)
    withheld = sum(o.withheld for o in run.outcomes)
    kept = f" ({plural(withheld, 'fix')} withheld: see their messages)" if withheld else ""
    if mode is Mode.FIX and fixed:
        return (
            f"Fixed {plural(fixed, 'problem')}; {remaining} remaining in "
            f"{plural(files, 'file')}{kept}."
        )
    if mode is Mode.DIFF:
        return (
            f"Would fix {plural(fixed, 'problem')}; {remaining} would remain in "
            f"{plural(files, 'file')}{kept}."
        )
    if not remaining:
        return f"All checks passed ({plural(files, 'file')}{left_out})."
    fixable = sum(1 for _, d in run.findings if d.fixable)
    unsafe = sum(1 for _, d in run.findings if d.unsafe_fixable)
    line = f"Found {plural(remaining, 'problem')} in {plural(files, 'file')}{left_out}"
    notes = [f"{fixable} fixable with --fix, marked [*]"] if fixable else []
    if withheld:
        notes.append(f"{plural(withheld, 'fix')} withheld: see their messages")
    if unsafe:
        notes.append(f"{unsafe} more with --unsafe-fixes")
    return line + (f" ({'; '.join(notes)})" if notes else "") + "."


def _check_output_options(
    output_format: str, show_diff: bool, statistics: bool, show_entries: bool = False
) -> None:
    """Combinations that would print something else than asked: a usage error, not silence."""
    if show_entries and output_format not in ("text", "json"):
        raise UsageError(
            f"--show-entries prints what was understood as text or json; it cannot be "
            f"combined with --output-format {output_format}"
        )
    if show_diff and output_format != "text":
        raise UsageError(
            f"--diff prints a unified diff; it cannot be combined with --output-format "
            f"{output_format} (use --output-format text, or --fix)"
        )
    if show_diff and statistics:
        raise UsageError("--diff prints a unified diff; it cannot be combined with --statistics")
    if statistics and output_format not in ("text", "json"):
        raise UsageError(
            f"--statistics prints a table (text) or an array (json); it cannot be combined "
            f"with --output-format {output_format}"
        )


def _tool_report(run: _Run, output_format: str, statistics: bool) -> str:
    """json, sarif, junit or --statistics: their code is imported only now."""
    from readme_lint.output.report import FileReport

    files = [FileReport(o.path, o.text, o.findings) for o in run.outcomes]
    if statistics:
        from readme_lint.output import stats

        return (
            stats.statistics_json(files)
            if output_format == "json"
            else stats.statistics_text(files)
        )
    if output_format == "sarif":
        from readme_lint.output import sarif

        return sarif.sarif_document(files)
    if output_format == "junit":
        from readme_lint.output import junit

        return junit.junit_document(files)
    from readme_lint.output import json_report

    return json_report.json_document(files)


def _report(
    run: _Run, output_format: str, quiet: bool, color: bool, mode: Mode, statistics: bool = False
) -> None:
    if mode is Mode.ENTRIES:
        understood = [(o.path, o.understood) for o in run.outcomes if o.understood is not None]
        if output_format == "json":
            from readme_lint.output import json_report

            echo(json_report.entries_document(understood))
        else:
            for path, doc in understood:
                echo(entries_report(path, doc), nl=False)
        return
    if mode is Mode.DIFF:
        for outcome in run.outcomes:
            echo(outcome.diff, nl=False)
        if not quiet:
            echo(_summary(run, mode), err=True)
        return
    if mode is Mode.FIX and not quiet:
        for outcome in run.outcomes:
            if outcome.fixed:
                echo(_fixed_line(outcome, "fixed"), err=output_format != "text")
    if statistics or output_format in ("json", "sarif", "junit"):
        report = _tool_report(run, output_format, statistics)
        if report:
            echo(report)
    elif output_format == "github":
        from readme_lint.output import github  # its own format: imported when asked for

        for path, d in run.findings:
            echo(github.github_line(path, d))
    else:
        for path, d in run.findings:
            echo(text_line(path, d, color))
    if quiet:
        return
    hints = [(o.path, h) for o in run.outcomes for h in o.hints]
    if output_format == "github":
        from readme_lint.output import github

        for path, hint in hints:
            echo(github.github_notice(path, hint))
        echo(github.github_summary([d for _, d in run.findings], len(run.outcomes)))
        return
    if output_format == "text" and (run.outcomes or not run.errors):
        echo(_summary(run, mode))
    # A tool's stdout must stay one document (json, sarif, junit): its hints go to stderr.
    for path, hint in hints:
        echo(f"hint: {path}: {hint}", err=output_format != "text")


def _exit_code(run: _Run, mode: Mode, exit_zero: bool = False) -> int:
    if run.errors:
        return EXIT_ERROR
    if mode is Mode.DIFF:
        return EXIT_FINDINGS if any(o.changed for o in run.outcomes) else EXIT_CLEAN
    # Errors fail the run; warnings (a moved link, a venue that may be wrong) are
    # reported and fail it only with --strict.
    failing = [
        d for o in run.outcomes for d in o.findings if o.strict or d.severity is Severity.ERROR
    ]
    if exit_zero and not any(o.changed for o in run.outcomes):
        return EXIT_CLEAN
    # pre-commit's convention: a hook that modified files fails, so the change gets reviewed.
    if failing or any(o.changed for o in run.outcomes):
        return EXIT_FINDINGS
    return EXIT_CLEAN


def run(options: Options) -> int:
    """One run of the command line; returns the exit code."""
    opts = options
    if opts.list_rules:
        _list_rules()
        return EXIT_CLEAN
    if opts.explain:
        return _explain(opts.explain)
    mode = opts.mode
    if opts.init or opts.dry_run or opts.force:
        lint_only = (
            opts.changed_since,
            opts.staged,
            opts.write_baseline,
            opts.output_format != "text",
            opts.statistics,
        )
        _check_init_options(opts.init, mode, lint_only, opts.files)
        return _init(
            opts.files[0] if opts.files else Path("README.md"), opts.dry_run, opts.force, opts.quiet
        )
    _check_output_options(opts.output_format, opts.show_diff, opts.statistics, opts.show_entries)
    try:
        remaps = tuple(parse_remap(rule, "--remap") for rule in opts.remap)
    except ConfigError as exc:
        raise BadParameter(str(exc).removeprefix("--remap: ")) from None
    overrides = _Overrides(
        _split(opts.select),
        _split(opts.extend_select),
        _split(opts.ignore),
        opts.unsafe_fixes,
        opts.strict,
        opts.check_links or opts.strict_links,
        opts.strict_links,
        opts.links_timeout,
        opts.allow_private,
        remaps,
        opts.no_link_cache,
    )
    explicit = None
    if opts.config_path is not None:
        try:
            explicit = load(opts.config_path)
            check_selectors(explicit)
        except ConfigError as exc:
            _error(str(exc))
            return EXIT_ERROR
    check_options(mode, opts.changed_since, opts.staged, opts.write_baseline)
    if (opts.changed_since is not None or opts.staged) and STDIN in opts.files:
        raise UsageError("--changed-since and --staged ask git about a file: not stdin")
    targets, unmatched = expand(opts.files or (Path("README.md"),))
    for problem in unmatched:
        _error(problem)
    configs: dict[Path, Config] = {}  # by folder: each configuration is read once a run
    targets, excluded = _excluded(targets, explicit, configs)
    narrowing = None
    try:  # --changed-since, --staged, a baseline: settled before anything is linted or fixed
        if mode is not Mode.ENTRIES:
            narrowing = Narrowing.prepare(
                targets,
                explicit,
                lambda config: _overrides(config, overrides),
                changed_since=opts.changed_since,
                staged=opts.staged,
                baseline_path=opts.baseline_path,
                write_to=opts.write_baseline,
                cache=configs,
            )
    except AdoptError as exc:
        _error(str(exc))
        return EXIT_ERROR
    run = _run_files(
        targets,
        explicit,
        overrides,
        mode,
        opts.quiet,
        opts.use_proxy_env,
        opts.stdin_filename,
        configs,
    )
    run.errors += len(unmatched)
    run.excluded = excluded
    if narrowing is not None and opts.write_baseline is not None:
        return narrowing.record(run.outcomes, run.errors, opts.quiet)
    if narrowing is not None:
        # The hints are about the whole file, the maintainer's business: a narrowed
        # report (a change, or what a baseline leaves) would contradict them.
        run.outcomes = [
            o._replace(findings=narrowing.narrow(o, mode), hints=()) for o in run.outcomes
        ]
    if mode is Mode.FIX and STDIN in opts.files:
        # The fixed text went to stdout: the report must not mix into it.
        with contextlib.redirect_stdout(sys.stderr):
            _report(
                run, opts.output_format, opts.quiet, _use_color(opts.color), mode, opts.statistics
            )
    else:
        _report(run, opts.output_format, opts.quiet, _use_color(opts.color), mode, opts.statistics)
    return _exit_code(run, mode, opts.exit_zero)
