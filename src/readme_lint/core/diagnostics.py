"""Immutable records shared by rules, the engine and the outputs."""

import bisect
import enum
from typing import NamedTuple

from readme_lint.core.lines import LineIndex


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"


class Edit(NamedTuple):
    """Replace ``source[start:end]`` with ``text`` (character offsets)."""

    start: int
    end: int
    text: str


class Render(enum.Flag):
    """What a fix may change in the page GitHub renders: every round of fixes is rendered
    before and after (readme_lint.engine.render) and a fix whose render differs in any
    other way is withheld. No flag: the rendered page stays the same (whitespace and
    layout fixes: a run of spaces and a soft line break count as one space)."""

    NONE = 0
    BREAK = enum.auto()  # a line break appears or goes, a literal backslash goes
    EMPHASIS = enum.auto()  # bold/italic/strikethrough change, a literal * or _ goes
    LINK = enum.auto()  # link markup shown as text becomes a link (its URL kept)
    HREF = enum.auto()  # a link's target changes
    LABEL = enum.auto()  # a link's text changes case or spacing
    TOC = enum.auto()  # in-page links of a table of contents come, go or move
    HEADING = enum.auto()  # a paragraph becomes a heading (a literal # goes)
    COMMENT = enum.auto()  # an HTML comment goes
    MARKER = enum.auto()  # the read marker moves
    PARAGRAPHS = enum.auto()  # paragraphs are joined or split (a line break may stand for a gap)
    SPACE = enum.auto()  # a space appears or goes between two pieces of text


class Fix(NamedTuple):
    """What a fixable finding proposes: a description and edits on the original source."""

    title: str
    edits: tuple[Edit, ...]
    # Unsafe: the remedy is a guess (applied only with --unsafe-fixes), as in ruff.
    safe: bool = True
    # Replaces a link's URL with another (a moved link): the safety net checks that
    # each edit swaps one URL for one URL, instead of that every URL is kept.
    retarget: bool = False
    # What the fix changes in the rendered page (Render.NONE: nothing).
    render: Render = Render.NONE


class Violation(NamedTuple):
    """What a rule reports; the engine adds the rule's identity and severity."""

    line: int
    column: int
    message: str
    fix: Fix | None = None
    # Where the finding ends (1-based line and column, exclusive); None: where its fix's
    # first edit ends when that is after the start, else one character on (default_end).
    end: tuple[int, int] | None = None
    # The other lines the finding stands for (both copies of a repeat, the heading a TOC
    # item names): a change to any of them is answerable for it (--changed-since).
    covers: tuple[int, ...] = ()


class Diagnostic(NamedTuple):
    """One finding: 1-based line and column, stable code and kebab-case rule name."""

    line: int
    column: int
    code: str
    rule: str
    severity: Severity
    message: str
    fix: Fix | None = None
    # The range: where it ends (exclusive; 0: one character on) and the lines it stands
    # for besides its own (see Violation).
    end_line: int = 0
    end_column: int = 0
    covers: frozenset[int] = frozenset()

    @property
    def end(self) -> tuple[int, int]:
        """Where the finding ends (1-based line and column, exclusive)."""
        return (self.end_line, self.end_column) if self.end_line else (self.line, self.column + 1)

    @property
    def fixable(self) -> bool:
        """Carries a fix that ``--fix`` applies (a safe one)."""
        return self.fix is not None and self.fix.safe

    @property
    def unsafe_fixable(self) -> bool:
        """Carries a fix applied only with ``--unsafe-fixes``."""
        return self.fix is not None and not self.fix.safe


def default_end(line: int, column: int, fix: Fix | None, index: LineIndex) -> tuple[int, int]:
    """Where a finding that states no end ends (exclusive): the end of its fix's first edit
    when that lies after the finding's start; otherwise (no fix, an insertion, an edit
    elsewhere) one character past the start."""
    if fix is not None and fix.edits:
        end = index.position(fix.edits[0].end)
        if end > (line, column):
            return end
    return line, column + 1


def _overlaps(edit: Edit, other: Edit) -> bool:
    if edit == other:
        return False
    if edit.start < other.end and other.start < edit.end:
        return True
    # An insertion at the edge of (or inside) another edit would be ordered
    # arbitrarily against it: treat it as a conflict.
    if edit.start == edit.end:
        return other.start <= edit.start <= other.end
    return other.start == other.end and edit.start <= other.start <= edit.end


def apply_fixes(text: str, fixes: list[Fix]) -> tuple[str, list[Fix]]:
    """Apply every fix that does not conflict with one applied before it.

    A fix applies whole or not at all. One that overlaps an accepted fix is
    deferred, never merged: after re-linting, its rule proposes it again
    against the new text. An edit shared by several fixes (several findings
    with one remedy) is applied once.
    """
    taken: list[Edit] = []  # kept sorted by position
    taken_set: set[Edit] = set()
    deferred: list[Fix] = []
    for fix in fixes:
        new = [e for e in fix.edits if e not in taken_set]
        if any(_conflicts(e, taken) for e in new):
            deferred.append(fix)
            continue
        for edit in new:
            bisect.insort(taken, edit)
            taken_set.add(edit)
    parts: list[str] = []
    cursor = 0
    for edit in taken:
        parts.append(text[cursor : edit.start])
        parts.append(edit.text)
        cursor = edit.end
    parts.append(text[cursor:])
    return "".join(parts), deferred


def _conflicts(edit: Edit, taken: list[Edit]) -> bool:
    """Whether ``edit`` conflicts with an accepted edit; only its neighbours can."""
    k = bisect.bisect_left(taken, Edit(edit.start, -1, ""))
    lo = k
    while lo > 0 and taken[lo - 1].end >= edit.start:  # earlier edits reaching into it
        lo -= 1
    for other in taken[lo:]:
        if other.start > edit.end:
            break
        if _overlaps(edit, other):
            return True
    return False
