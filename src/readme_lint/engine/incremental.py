"""Re-lint after a round of fixes by checking only the blocks the edits touched.

The edited blocks (and the paragraphs next to them, which decide whether an entry is
split) are linted as a small document of their own, each region preceded by its heading
path (the section schema depends on it), and mapped back line by line. A block rule's
findings can change only there. A document rule's findings cannot change at all when
everything document rules read is the same in the edited regions before and after:
the *facts* compared below (entries' titles, authors, links and fields, headings,
directives, HTML anchors, blank and code lines, line endings). That is checked here,
on every round: when the facts differ — a TOC item inserted, a heading repaired, a label
spelling that changes which spelling is the most common — ``relint_blocks`` returns None
and the caller lints the whole new text. What a rule reads beyond these facts it
declares (``reads``: the other rules' findings, blank runs), and so does a document
rule whose fix may be settled here (``fix_effect``): a label rewritten *to* its
canonical spelling keeps that spelling canonical, so no other finding moves.

So the new report is the old findings that were not fixed, moved through the edits,
with the block rules' findings in the edited regions replaced by the fresh lint. Tests
(hypothesis, every format) check that it equals a full lint of the new text.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Hashable, Mapping, Sequence
from itertools import accumulate

from readme_lint.config import Config
from readme_lint.core.comments import Suppressions
from readme_lint.core.conventions import (
    LinkTally,
    break_styles,
    canonical_labels,
    file_break_styles,
    file_link_tallies,
    habits_of,
    link_styles,
    link_tallies,
)
from readme_lint.core.diagnostics import Diagnostic, Edit, Fix
from readme_lint.core.lines import LineIndex
from readme_lint.core.model import Block, Document, Heading, build
from readme_lint.core.outline import html_anchors
from readme_lint.core.papers import label_key
from readme_lint.core.records import Entry
from readme_lint.core.syntax import Link
from readme_lint.engine.run import Report, context, hints, run_rules, schema_hints, sort_key
from readme_lint.engine.selection import selected_rules
from readme_lint.rules.registry import BLANK_RUNS, CANONICAL_LABEL, FINDINGS


class _Shift:
    """Maps offsets of the old text to the new one across non-overlapping edits."""

    def __init__(self, edits: Sequence[Edit]) -> None:
        self.edits = sorted(edits)
        self.old_ends = [e.end for e in self.edits]
        self.deltas = list(accumulate(len(e.text) - (e.end - e.start) for e in self.edits))
        self.new_ends = [e.end + d for e, d in zip(self.edits, self.deltas, strict=True)]

    def new(self, offset: int) -> int:
        """New offset of an old one; an offset inside replaced text has none (-1)."""
        k = bisect.bisect_right(self.old_ends, offset)  # edits ending at or before offset
        if k < len(self.edits) and self.edits[k].start < offset:
            return -1
        return offset + (self.deltas[k - 1] if k else 0)

    def old(self, offset: int) -> int:
        """Old offset of a new one; inside inserted text, where the edit began."""
        k = bisect.bisect_right(self.new_ends, offset)
        before = self.deltas[k - 1] if k else 0
        if k < len(self.edits):
            edit = self.edits[k]
            new_start = edit.start + before
            if new_start <= offset:
                return edit.start
        return offset - before


def _dirty_blocks(doc: Document, edits: Sequence[Edit]) -> list[int]:
    """Indices of the blocks the edits touch, with the paragraphs beside them."""
    dirty: set[int] = set()
    for edit in edits:
        first, last = doc.line_of(edit.start), doc.line_of(max(edit.start, edit.end - 1))
        for number in range(first, last + 1):
            k = doc.block_index(number)
            if k >= 0 and doc.blocks[k].last_line >= number:
                dirty.add(k)
            else:  # between blocks: both neighbours may change (merged, split)
                dirty.update(i for i in (k, k + 1) if 0 <= i < len(doc.blocks))
    # A paragraph ending in a hard-break backslash may be an entry split from the
    # paragraph after it: keep such pairs together. (No fix adds a backslash at a
    # paragraph's end, so the old text tells.)
    for k in list(dirty):
        for first, second in ((k - 1, k), (k, k + 1)):
            if first >= 0 and second < len(doc.blocks) and _may_split(doc, first, second):
                dirty.update((first, second))
    # An entry is read whole: a quoted entry's title paragraph goes with its quote.
    for entry in doc.entries:
        blocks = range(doc.block_index(entry.first_line), doc.block_index(entry.end_line) + 1)
        if len(blocks) > 1 and not dirty.isdisjoint(blocks):
            dirty.update(k for k in blocks if k >= 0)
    return sorted(dirty)


def _may_split(doc: Document, first: int, second: int) -> bool:
    a, b = doc.blocks[first], doc.blocks[second]
    return a.kind == b.kind == "paragraph" and doc.line(a.last_line).text.rstrip().endswith("\\")


def _edited_lines(doc: Document, edits: Sequence[Edit]) -> set[int]:
    return {
        n
        for e in edits
        for n in range(doc.line_of(e.start), doc.line_of(max(e.start, e.end - 1)) + 1)
    }


def _units(doc: Document, block: Block, edited: set[int]) -> list[tuple[int, int]]:
    """The line spans of a dirty block to re-read: in a list, only the entries (items)
    the edits touched — a list of 500 papers is one block — else the whole block."""
    whole = [(block.first_line, block.last_line)]
    if block.kind != "list":
        return whole
    starts = doc.memo("entry-starts", lambda: [e.first_line for e in doc.entries])
    spans: set[tuple[int, int]] = set()
    for n in range(block.first_line, block.last_line + 1):
        if n not in edited:
            continue
        k = bisect.bisect_right(starts, n) - 1
        entry = doc.entries[k] if k >= 0 else None
        if entry is None or entry.end_line < n or entry.first_line < block.first_line:
            return whole  # an edit outside any entry of the list: re-read the list
        spans.add((entry.first_line, entry.end_line))
    return sorted(spans)


def _regions(doc: Document, dirty: list[int], edited: set[int]) -> list[tuple[int, int]]:
    """The spans to re-read, as old (first line, last line), merged where only blank
    lines lie between them (consecutive blocks, neighbouring items)."""
    regions: list[tuple[int, int]] = []
    for first, last in (span for k in dirty for span in _units(doc, doc.blocks[k], edited)):
        if regions and all(not doc.line(n).text.strip() for n in range(regions[-1][1] + 1, first)):
            regions[-1] = (regions[-1][0], last)
        else:
            regions.append((first, last))
    return regions


class _SubDocument:
    """The dirty regions as one small document, and the way back to real lines."""

    def __init__(self, doc: Document, new_text: str, new_starts: list[int], shift: _Shift) -> None:
        self.lines: list[str] = []
        self.path: tuple[Heading, ...] | None = None  # heading path written last
        self.real: list[int] = []  # per sub line: the real (new) line number, 0 if synthetic
        self.doc = doc
        self.heading_lines = [h.line for h in doc.headings]
        self.new_text = new_text
        self.new_starts = new_starts
        # Lines as split_lines counts them: a final newline starts no line.
        self.line_count = max(len(new_starts) - new_text.endswith("\n"), 1)
        self.shift = shift

    def add_region(self, first: int, last: int) -> bool:
        old_start = self.doc.line(first).start
        new_start, new_end = self.shift.new(old_start), self.shift.new(self.doc.line(last).end)
        if new_start < 0 or new_end < 0:
            return False
        path = tuple(reversed(list(self.doc.heading_path(self._heading_before(first)))))
        if path != self.path:  # regions of one section share its headings
            self.path = path
            for heading in path:
                for number in range(heading.line, heading.last_line + 1):
                    self._add(self.doc.line(number).text, 0)
            self._add("", 0)
        real_first = bisect.bisect_right(self.new_starts, new_start)
        real_last = min(bisect.bisect_right(self.new_starts, new_end), self.line_count)
        region = [self._real_text(n) for n in range(real_first, real_last + 1)]
        # Document rules see blank lines (blank runs, empty sections): a fix that
        # blanked a line could change their findings, so lint in full then.
        old_filled = sum(1 for n in range(first, last + 1) if self.doc.line(n).text.strip())
        if sum(1 for text in region if text.strip()) != old_filled:
            return False
        for k, text in enumerate(region):
            self._add(text, real_first + k)
        if real_last < self.line_count:
            # The end of the document parses differently from a blank line (a
            # whitespace-only line can be code there), so only separate mid-text.
            self._add("", 0)
        return True

    def _real_text(self, number: int) -> str:
        start = self.new_starts[number - 1]
        end = self.new_starts[number] - 1 if number < len(self.new_starts) else len(self.new_text)
        return self.new_text[start:end].removesuffix("\r")

    def _heading_before(self, line: int) -> Heading | None:
        k = bisect.bisect_left(self.heading_lines, line) - 1
        return self.doc.headings[k] if k >= 0 else None

    def _add(self, text: str, real: int) -> None:
        self.lines.append(text)
        self.real.append(real)

    def text(self) -> str:
        return "\n".join(self.lines)


def _map_range(d: Diagnostic, sub: _SubDocument) -> tuple[tuple[int, int], frozenset[int]] | None:
    """A sub-document finding's end and covered lines, on the real new text (None: one of
    them lies on a synthetic line)."""
    end_line, end_column = d.end_line, d.end_column
    if not end_line:  # one character on: nothing to move
        real_end = 0
    elif end_line - 1 < len(sub.real):
        real_end = sub.real[end_line - 1]
        if not real_end:
            return None
    else:
        return None
    covers = [sub.real[n - 1] if n - 1 < len(sub.real) else 0 for n in d.covers]
    if not all(covers):
        return None
    return (real_end, end_column), frozenset(covers)


def _move(
    doc: Document, new_index: LineIndex, shift: _Shift, position: tuple[int, int]
) -> tuple[int, int] | None:
    """A position in the old text, moved through the edits (None: inside an edit)."""
    moved = shift.new(doc.offset(*position))
    return new_index.position(moved) if moved >= 0 else None


def _map_fix(fix: Fix, sub_doc: Document, sub: _SubDocument) -> Fix | None:
    """A fix found in the sub-document, as edits on the real text (None: cannot map)."""
    edits = []
    for edit in fix.edits:
        ends = []
        for offset in (edit.start, edit.end):
            k = sub_doc.line_of(offset) - 1
            real = sub.real[k] if k < len(sub.real) else 0
            if not real:
                return None
            ends.append(sub.new_starts[real - 1] + offset - sub_doc.lines[k].start)
        edits.append(Edit(ends[0], ends[1], edit.text))
    return fix._replace(edits=tuple(edits))


def _entry_fact(entry: Entry, label: Callable[[Link], str]) -> Hashable:
    """What document rules read of an entry (duplicates, labels, schema inference)."""
    return (
        entry.format,
        entry.section.text if entry.section else None,
        entry.title_text,
        entry.authors.text if entry.authors else None,
        entry.venue.text if entry.venue else None,
        tuple((label(link), link.target.text, link.bracketed) for link in entry.links),
        entry.date is not None,
        bool(entry.summary),
    )


def _facts(
    doc: Document,
    lines: Sequence[int],
    keep: Callable[[int], bool],
    label: Callable[[Link], str],
    blank_runs: bool,
) -> Hashable:
    """Everything a document rule reads in ``lines`` (``keep`` says which lines count).

    Blank lines count only for the rule about blank runs; the others read whether a
    line holds text (an empty section) and whether it is code.
    """
    texts = [doc.line(n).text for n in lines]
    shape = [(n in doc.code_lines) for t, n in zip(texts, lines, strict=True) if t.strip()]
    blanks = [not t.strip() for t in texts] if blank_runs else []
    return (
        tuple(_entry_fact(e, label) for e in doc.entries if keep(e.first_line)),
        tuple((h.level, h.text) for h in doc.headings if keep(h.line)),
        tuple((d.action, d.rules) for d in doc.directives if keep(d.line)),
        tuple(shape),
        tuple(blanks),
        frozenset(html_anchors("\n".join(texts))),
    )


def _same_facts(
    doc: Document,
    regions: list[tuple[int, int]],
    sub_doc: Document,
    sub: _SubDocument,
    fixed: Sequence[Diagnostic],
    config: Config,
    blank_runs: bool,
    effects: Mapping[str, str | None],
) -> bool:
    """Whether document rules read the same in the edited regions before and after
    (``blank_runs``: a selected rule reads them; ``effects``: each rule's declared fix
    effect, by code)."""
    if doc.toc is not None and any(
        first <= doc.toc.last_line and doc.toc.first_line <= last for first, last in regions
    ):
        return False
    old_lines = [n for first, last in regions for n in range(first, last + 1)]
    inside = set(old_lines)
    relabelled = {(d.line, d.column) for d in fixed if effects.get(d.code) == CANONICAL_LABEL}
    canonical = canonical_labels(doc, config) if relabelled else {}

    def old_label(link: Link) -> str:
        # A label rewritten to its canonical spelling reads as that spelling: see the module doc.
        if (link.line, link.label.col) in relabelled:
            return canonical.get(label_key(link.label.text), link.label.text)
        return link.label.text

    new_lines = [k + 1 for k, real in enumerate(sub.real) if real]
    old = _facts(doc, old_lines, inside.__contains__, old_label, blank_runs)
    new = _facts(
        sub_doc, new_lines, lambda n: sub.real[n - 1] != 0, lambda link: link.label.text, blank_runs
    )
    return (
        old == new
        and _same_break_style(doc, inside, sub_doc, sub)
        and _same_link_styles(doc, inside, sub_doc, sub)
    )


def _same_break_style(
    doc: Document, inside: set[int], sub_doc: Document, sub: _SubDocument
) -> bool:
    """Whether the file's break style (a habit rules follow) is the same after the edit:
    the edited regions' breaks, swapped for what they hold now, leave the same majority."""
    spaced, glued = file_break_styles(doc)
    was = break_styles(doc, [e for e in doc.entries if e.first_line in inside])
    now = break_styles(sub_doc, [e for e in sub_doc.entries if sub.real[e.first_line - 1]])
    after = (spaced - was[0] + now[0], glued - was[1] + now[1])
    return (spaced > glued) == (after[0] > after[1])


def _same_link_styles(
    doc: Document, inside: set[int], sub_doc: Document, sub: _SubDocument
) -> bool:
    """Whether the file's link habits (list-style links, glued links: habits RL208
    follows) are the same after the edit: the edited regions' links, swapped for what
    they hold now, leave each format's majorities as they were."""
    whole = file_link_tallies(doc)
    was = link_tallies(doc, [e for e in doc.entries if e.first_line in inside])
    now = link_tallies(sub_doc, [e for e in sub_doc.entries if sub.real[e.first_line - 1]])
    after: dict[str, LinkTally] = {}
    for fmt in {*whole, *now}:
        old, gone, new = (t.get(fmt, (0, 0, 0, 0)) for t in (whole, was, now))
        after[fmt] = (
            old[0] - gone[0] + new[0],
            old[1] - gone[1] + new[1],
            old[2] - gone[2] + new[2],
            old[3] - gone[3] + new[3],
        )
    return link_styles(whole) == link_styles(after)


def relint_blocks(
    doc: Document, report: Report, fixed: Sequence[Diagnostic], new_text: str, config: Config
) -> Report | None:
    """The report on ``new_text``, derived from ``doc``'s and a lint of the edited blocks.

    ``fixed`` are the findings whose fixes turned ``doc.text`` into ``new_text``;
    all must be block-scoped (see the module doc). None: lint the whole text instead.
    """
    rules = {r.code: r for r in selected_rules(config)}
    if doc.directives and any(FINDINGS in r.reads for r in rules.values()):
        # Whether a comment hides anything depends on every other rule's findings, the
        # suppressed ones included, which the old report does not hold: lint in full.
        return None
    edits = sorted({e for d in fixed if d.fix is not None for e in d.fix.edits})
    shift = _Shift(edits)
    new_index = LineIndex(new_text)
    new_starts = new_index.starts
    dirty = _dirty_blocks(doc, edits)
    edited = _edited_lines(doc, edits)
    regions = _regions(doc, dirty, edited)
    sub = _SubDocument(doc, new_text, new_starts, shift)
    if not all(sub.add_region(first, last) for first, last in regions):
        return None

    if doc.text.endswith("\n") != new_text.endswith("\n") or doc.text.count("\r") != new_text.count(
        "\r"
    ):
        return None  # the final newline and line endings are document rules' input too
    if any(rules[d.code].scope != "block" and rules[d.code].fix_effect is None for d in fixed):
        return None  # whether a document rule's own fix settled it takes that rule to say
    block_rules = [r for r in rules.values() if r.scope == "block"]
    sub_doc = build(sub.text(), config.read_marker)
    blank_runs = any(BLANK_RUNS in r.reads for r in rules.values())
    effects = {code: r.fix_effect for code, r in rules.items()}
    if not _same_facts(doc, regions, sub_doc, sub, fixed, config, blank_runs, effects):
        return None
    # Field rules follow the whole file's habits (fields most entries lack are not
    # required); the facts are unchanged, so the file's answer still holds.
    part = context(sub_doc, config, habits=habits_of(doc), selected=rules.values())
    suppressions = Suppressions.of(doc)
    found: list[Diagnostic] = []
    for d in run_rules(part, block_rules):
        real = sub.real[d.line - 1]
        if not real:
            continue  # a synthetic heading line
        fix = _map_fix(d.fix, sub_doc, sub) if d.fix is not None else None
        if d.fix is not None and fix is None:
            return None
        mapped = _map_range(d, sub)
        if mapped is None:
            return None
        old_line = doc.line_of(shift.old(new_starts[real - 1]))
        if not suppressions.hides(d.code, d.rule, old_line):
            end, covers = mapped
            found.append(
                d._replace(line=real, fix=fix, end_line=end[0], end_column=end[1], covers=covers)
            )

    region_starts = [first for first, _ in regions]
    done = {id(d) for d in fixed}
    for d in report.diagnostics:
        if id(d) in done:
            continue
        k = bisect.bisect_right(region_starts, d.line) - 1
        if rules[d.code].scope == "block" and k >= 0 and d.line <= regions[k][1]:
            continue  # re-linted above
        if d.fix is not None:
            return None  # a fix waiting for another round: its edits would need moving
        if not d.covers.isdisjoint(edited):
            return None  # the lines it stands for were edited: only a lint can say which now
        moved = _move(doc, new_index, shift, (d.line, d.column))
        moved_end = _move(doc, new_index, shift, d.end) if d.end_line else (0, 0)
        lines = [_move(doc, new_index, shift, (n, 1)) for n in d.covers]
        if moved is None or moved_end is None or None in lines:
            return None
        found.append(
            d._replace(
                line=moved[0],
                column=moved[1],
                end_line=moved_end[0],
                end_column=moved_end[1],
                covers=frozenset(c[0] for c in lines if c is not None),
            )
        )
    found.sort(key=sort_key)
    sections = _entry_sections(doc, sub_doc, sub, regions, shift, new_starts)
    whole = context(doc, config, selected=rules.values())
    return Report(tuple(found), hints(sections, found) + schema_hints(whole, rules))


def _entry_sections(
    doc: Document,
    sub_doc: Document,
    sub: _SubDocument,
    regions: list[tuple[int, int]],
    shift: _Shift,
    new_starts: list[int],
) -> list[tuple[int, str]]:
    """The entries of the new text: clean ones moved, edited ones as re-read."""
    region_starts = [first for first, _ in regions]
    out = []
    for e in doc.entries:
        k = bisect.bisect_right(region_starts, e.first_line) - 1
        if k >= 0 and e.first_line <= regions[k][1]:
            continue
        moved = shift.new(doc.line(e.first_line).start)
        out.append((bisect.bisect_right(new_starts, moved), e.section.text if e.section else ""))
    for e in sub_doc.entries:
        real = sub.real[e.first_line - 1]
        if real:
            out.append((real, e.section.text if e.section else ""))
    return out
