"""Adopting on an existing list: the command line's narrowing of a report.

``--changed-since REV`` and ``--staged`` keep the findings a change is
answerable for (:mod:`readme_lint.adopt.changes`); ``--baseline PATH`` (or
``baseline = "..."``) hides the findings recorded there, and
``--write-baseline PATH`` records them (:mod:`readme_lint.adopt.baseline`). What a
file's findings are narrowed against is settled before the run (git is asked
about the file as it is before ``--fix`` writes it; a bad revision or baseline
stops the run before anything is linted); the narrowing itself happens after,
on the text the findings refer to (the fixed text, with ``--fix`` or ``--diff``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from readme_lint.config import Config, ConfigError, for_path
from readme_lint.console import UsageError, echo
from readme_lint.core.diagnostics import Diagnostic
from readme_lint.core.model import Document, build
from readme_lint.files import FileError, read_source

if TYPE_CHECKING:
    from readme_lint.adopt import baseline


class _Reported(Protocol):
    """What the run says about one file (the command line's outcome)."""

    @property
    def path(self) -> str: ...

    @property
    def findings(self) -> Sequence[Diagnostic]: ...

    @property
    def text(self) -> str:
        """What the findings' lines refer to ("" when the run did not keep it)."""
        ...


class AdoptError(Exception):
    """The narrowing cannot be done as asked; the message names the file, revision or baseline."""


class _File:
    """One file to narrow the report of (filled in as its narrowing is read)."""

    def __init__(self, path: Path, text: str, config: Config) -> None:
        self.path = path
        self.text = text  # as read before the run
        self.config = config
        self.changed: frozenset[int] | None = None  # None: every line counts as changed
        self.filter_changes = False
        self.recorded: baseline.Recorded | None = None
        self._docs: dict[str, Document] = {}

    def doc(self, text: str) -> Document:
        if text not in self._docs:
            self._docs.clear()
            self._docs[text] = build(text, self.config.read_marker)
        return self._docs[text]


def check_options(
    mode: str, changed_since: str | None, staged: bool, write_to: Path | None
) -> None:
    """Options that cannot go together: a usage error (exit 2)."""
    if changed_since is not None and staged:
        raise UsageError("--changed-since and --staged cannot be combined")
    if write_to is not None and mode != "lint":
        raise UsageError(
            "--write-baseline records the findings of a plain lint: "
            "drop --fix, --diff and --show-entries"
        )
    if write_to is not None and (changed_since is not None or staged):
        raise UsageError(
            "--write-baseline records every finding: drop --changed-since and --staged"
        )


class Narrowing:
    """Per linted file: the changed lines and the recorded findings to narrow against."""

    def __init__(self, files: dict[str, _File], write_to: Path | None) -> None:
        self._files = files
        self._write_to = write_to

    @classmethod
    def prepare(
        cls,
        paths: Sequence[Path],
        explicit: Config | None,
        configure: Callable[[Config], Config],
        *,
        changed_since: str | None = None,
        staged: bool = False,
        baseline_path: Path | None = None,
        write_to: Path | None = None,
        cache: dict[Path, Config] | None = None,
    ) -> Narrowing | None:
        """Read what the files are narrowed against; None when nothing is to be narrowed.

        A file that cannot be read or configured is left to the run, which reports it.
        """
        files: dict[str, _File] = {}
        cache = {} if cache is None else cache  # configurations by folder, shared with the run
        loaded_baselines: dict[Path, dict[str, baseline.Recorded]] = {}
        for path in paths:
            try:
                base = for_path(path, explicit, cache)
            except ConfigError:
                continue
            chosen = baseline_path or base.baseline_path()
            if changed_since is None and not staged and chosen is None and write_to is None:
                continue
            try:
                text = read_source(path).text
            except FileError:
                continue
            item = _File(path, text, configure(base))
            if changed_since is not None or staged:
                item.filter_changes = True
                item.changed = _changed_lines(path, changed_since)
            if chosen is not None and write_to is None:
                from readme_lint.adopt import baseline  # JSON and file writing only when asked for

                resolved = chosen.resolve()
                if resolved not in loaded_baselines:
                    try:
                        loaded_baselines[resolved] = baseline.load(chosen)
                    except baseline.BaselineError as exc:
                        raise AdoptError(str(exc)) from None
                item.recorded = loaded_baselines[resolved].get(baseline.file_key(chosen, path))
            files[str(path)] = item
        if not files:
            return None
        return cls(files, write_to)

    def narrow(self, outcome: _Reported, mode: str) -> tuple[Diagnostic, ...]:
        """The findings of one file left once the baseline and the change are applied."""
        from readme_lint.adopt import baseline, changes

        item = self._files.get(outcome.path)
        if item is None or not outcome.findings:
            return tuple(outcome.findings)
        text = outcome.text or self._reported_text(item, mode)
        kept = list(outcome.findings)
        if item.recorded:
            doc = item.doc(text)
            keys = [baseline.finding_key(doc, d) for d in kept]
            kept = baseline.without_recorded(kept, keys, item.recorded)
        if item.filter_changes and item.changed is not None:
            changed = item.changed
            if text != item.text:  # --fix rewrote some lines: carry the change across
                changed = changes.carry(changed, changes.text_hunks(item.text, text))
            kept = changes.only_changed(kept, changed)
        return tuple(kept)

    def _reported_text(self, item: _File, mode: str) -> str:
        """The text the findings' lines refer to, when the run did not keep it: with --diff,
        the fixed text (fixed again, without link verdicts); else the text as read."""
        if mode in ("fix", "diff"):
            from readme_lint.engine.fix import fix_text

            return fix_text(item.text, item.config).text
        return item.text

    def record(self, outcomes: Sequence[_Reported], errors: int, quiet: bool) -> int:
        """--write-baseline: record every file's findings; the exit code (0, or 2 on an error).

        Nothing is written when a file could not be linted: its record would be lost.
        """
        from readme_lint.adopt import baseline

        assert self._write_to is not None
        if errors:
            _error(f"{self._write_to}: baseline not written: a file could not be linted")
            return 2
        recorded: dict[str, baseline.Recorded] = {}
        total = 0
        for outcome in outcomes:
            item = self._files.get(outcome.path)
            if item is None:
                continue
            key = baseline.file_key(self._write_to, item.path)
            recorded[key] = baseline.record(item.doc(outcome.text or item.text), outcome.findings)
            total += len(outcome.findings)
        try:
            baseline.write(self._write_to, recorded)
        except baseline.BaselineError as exc:
            _error(str(exc))
            return 2
        if not quiet:
            files = len(recorded)
            echo(
                f"Recorded {total} finding{'s' * (total != 1)} of {files} "
                f"file{'s' * (files != 1)} in the baseline {self._write_to}."
            )
        return 0


def _changed_lines(path: Path, changed_since: str | None) -> frozenset[int] | None:
    """What git says changed: since the merge-base with ``changed_since``, else staged."""
    from readme_lint.adopt import changes

    try:
        if changed_since is not None:
            return changes.changed_since(path, changed_since)
        return changes.staged(path)
    except changes.ChangesError as exc:
        raise AdoptError(str(exc)) from None


def _error(message: str) -> None:
    echo(f"readme-lint: error: {message}", err=True)
