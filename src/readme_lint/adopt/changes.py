"""Report only what a change touched: ``--changed-since REV`` and ``--staged``.

Git is asked at the edge (:func:`changed_since`, :func:`staged`) for the lines
a change added or rewrote, as a pull request's diff shows them; everything
else is pure: hunks parsed from ``git diff --unified=0``, line numbers carried
across another diff (the index to the working tree, the file to what ``--fix``
made of it), and :func:`only_changed`, which keeps the findings a change is
answerable for.

A finding is kept when its own line changed, or when one of the lines it
stands for did (``Diagnostic.covers``, which each rule sets):

- an entry rule (RL1xx: a missing field, a placeholder, a venue that disagrees
  with the link) stands for its whole entry;
- a repeated paper (RL302, RL303) stands for both copies, so a change that adds
  a copy of an old entry is answerable for it, wherever the finding lands;
- a TOC link to a missing anchor or out of order (RL401, RL403) stands for its
  line and the heading it matches; an empty section (RL404) for its heading up
  to the next heading of its level;
- everything else (malformed lines, link labels, link liveness) follows its line.

Lines only deleted leave nothing behind to point at: a change that only
removes lines is answerable for nothing it removed.
"""

from __future__ import annotations

import difflib
import os
import re
import subprocess
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from readme_lint.core.diagnostics import Diagnostic


class ChangesError(Exception):
    """Git cannot say what changed (no repository, an unknown revision); names both."""


@dataclass(frozen=True)
class Hunk:
    """One ``@@ -old_start,old_count +new_start,new_count @@`` of a diff.

    As in git: a side with no lines has ``start`` = the line after which the
    other side's lines stand (0: before the first line).
    """

    old_start: int
    old_count: int
    new_start: int
    new_count: int


_HUNK = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")


def parse_hunks(diff: str) -> list[Hunk]:
    """The hunk headers of a unified diff (``git diff --unified=0``), in order."""
    out = []
    for line in diff.splitlines():
        match = _HUNK.match(line)
        if match:
            a, b, c, d = match.groups()
            out.append(Hunk(int(a), int(b or 1), int(c), int(d or 1)))
    return out


def added_lines(hunks: Iterable[Hunk]) -> frozenset[int]:
    """Lines of the new side that a diff added or rewrote."""
    return frozenset(n for h in hunks for n in range(h.new_start, h.new_start + h.new_count))


def carry(lines: Iterable[int], hunks: Sequence[Hunk]) -> frozenset[int]:
    """Old-side line numbers as new-side ones, across a diff.

    A line the diff left alone moves by what was inserted and removed above it;
    a line the diff rewrote becomes every line that replaced it (none when it
    was only deleted).
    """
    out: set[int] = set()
    for n in lines:
        shift = 0
        for h in hunks:
            if h.old_count and h.old_start <= n < h.old_start + h.old_count:
                out.update(range(h.new_start, h.new_start + h.new_count))
                break
            before = h.old_start + h.old_count - 1 < n if h.old_count else h.old_start < n
            if not before:
                out.add(n + shift)
                break
            shift += h.new_count - h.old_count
        else:
            out.add(n + shift)
    return frozenset(out)


def text_hunks(old: str, new: str) -> list[Hunk]:
    """The hunks between two texts, line by line (line endings do not count)."""
    a, b = old.splitlines(), new.splitlines()
    head = 0
    while head < min(len(a), len(b)) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    matcher = difflib.SequenceMatcher(
        None, a[head : len(a) - tail], b[head : len(b) - tail], autojunk=False
    )
    out = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        i1, i2, j1, j2 = i1 + head, i2 + head, j1 + head, j2 + head
        out.append(Hunk(i1 + 1 if i2 > i1 else i1, i2 - i1, j1 + 1 if j2 > j1 else j1, j2 - j1))
    return out


# --------------------------------------------------------------------------- filtering


def only_changed(
    diagnostics: Iterable[Diagnostic], changed_lines: Collection[int]
) -> list[Diagnostic]:
    """The findings on a changed line, or standing for one (``Diagnostic.covers``), in order."""
    return [
        d for d in diagnostics if d.line in changed_lines or not d.covers.isdisjoint(changed_lines)
    ]


# --------------------------------------------------------------------------- git


def _git(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            ["git", *args],
            cwd=cwd,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            check=False,
            env={**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"},
        )
    except FileNotFoundError:
        raise ChangesError(
            "git is not installed (needed by --changed-since and --staged)"
        ) from None


@dataclass(frozen=True)
class _Place:
    top: Path  # the repository's top folder
    rel: str  # the file, relative to it

    @property
    def pathspec(self) -> str:
        return f":(literal){self.rel}"


def _place(path: Path, option: str) -> _Place:
    folder = path.resolve().parent
    found = _git(folder, "rev-parse", "--show-toplevel")
    if found.returncode != 0:
        raise ChangesError(f"{path}: not inside a git repository ({option} needs one)")
    top = Path(found.stdout.strip())
    try:
        rel = path.resolve().relative_to(top.resolve()).as_posix()
    except ValueError:
        raise ChangesError(f"{path}: outside the git repository {top}") from None
    return _Place(top, rel)


def _commit(place: _Place, rev: str) -> str | None:
    if rev.startswith("-"):
        return None
    found = _git(place.top, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")
    return found.stdout.strip() if found.returncode == 0 else None


def _tracked(place: _Place, commit: str) -> bool:
    return _git(place.top, "cat-file", "-e", f"{commit}:{place.rel}").returncode == 0


def _diff(place: _Place, *args: str) -> list[Hunk]:
    options = (
        "--no-color",
        "--no-ext-diff",
        "--no-textconv",
        "--unified=0",
        "--inter-hunk-context=0",  # never fuse hunks across unchanged lines
    )
    found = _git(place.top, "diff", *options, *args, "--", place.pathspec)
    if found.returncode != 0:
        raise ChangesError(f"git diff failed: {found.stderr.strip()}")
    return parse_hunks(found.stdout)


def changed_since(path: Path, rev: str) -> frozenset[int] | None:
    """Lines of the file on disk added or changed since the merge-base of ``rev`` and HEAD,
    uncommitted changes included; None: every line (the file is new since then)."""
    place = _place(path, "--changed-since")
    commit = _commit(place, rev)
    if commit is None:
        raise ChangesError(f"--changed-since: unknown revision {rev!r} in {place.top} (for {path})")
    head = _commit(place, "HEAD")
    if head is None:
        raise ChangesError(f"--changed-since: {place.top} has no commits yet (for {path})")
    found = _git(place.top, "merge-base", commit, head)
    if found.returncode != 0:
        raise ChangesError(
            f"--changed-since: {rev!r} and HEAD have no common ancestor (for {path})"
        )
    base = found.stdout.strip()
    if not _tracked(place, base):
        return None
    return added_lines(_diff(place, base))


def staged(path: Path) -> frozenset[int] | None:
    """Lines of the file on disk whose content is staged (the index against HEAD);
    None: every line (no commit yet, or the file is new)."""
    place = _place(path, "--staged")
    head = _commit(place, "HEAD")
    if head is None or not _tracked(place, head):
        return None
    in_index = added_lines(_diff(place, "--cached", head))
    # Under pre-commit the working tree is the index; elsewhere, carry the staged
    # lines across what was changed since without being staged.
    return carry(in_index, _diff(place))
