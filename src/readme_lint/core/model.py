"""The document model: one mistletoe parse, positions from the raw lines.

``build(text, read_marker)`` parses once and returns a :class:`Document` that
every rule reads: lines with offsets, headings with GitHub anchors, the table
of contents, paper entries in every known format with their fields, every
inline link, code lines and the suppression comments. The mistletoe tree (read
through :mod:`readme_lint.core.mdparse`) decides structure; exact lines and columns
come from the source text itself.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from functools import cached_property
from typing import Any, TypeVar, cast

from readme_lint.core import mdparse, outline, syntax
from readme_lint.core.lines import LineIndex
from readme_lint.core.records import (
    Block as Block,
)
from readme_lint.core.records import (
    Directive as Directive,
)
from readme_lint.core.records import (
    Entry as Entry,
)
from readme_lint.core.records import (
    Heading as Heading,
)
from readme_lint.core.records import (
    Line as Line,
)
from readme_lint.core.records import (
    Title as Title,
)
from readme_lint.core.records import (
    Toc as Toc,
)
from readme_lint.core.records import (
    TocItem as TocItem,
)
from readme_lint.core.syntax import Link as Link  # re-exported: the model's records
from readme_lint.core.syntax import Span as Span
from readme_lint.formats import read_entries
from readme_lint.formats.base import Context, Section

T = TypeVar("T")


class Document:
    """The model every rule reads. Treated as immutable once built; derived values are
    computed once and kept (``memo``, cached properties). A plain class: a dataclass
    costs its generated code at every start of the hook."""

    def __init__(
        self,
        text: str,
        lines: tuple[Line, ...],
        blocks: tuple[Block, ...],
        headings: tuple[Heading, ...],
        extra_anchors: frozenset[str],
        toc: Toc | None,
        entries: tuple[Entry, ...],
        links: tuple[Link, ...],
        code_lines: frozenset[int],
        directives: tuple[Directive, ...],
        read_marker: str,
        formats: tuple[tuple[int, str | None], ...] = (),
    ) -> None:
        self.text = text
        self.lines = lines
        self.blocks = blocks
        self.headings = headings
        self.extra_anchors = extra_anchors  # ids and names from HTML
        self.toc = toc
        self.entries = entries
        self.links = links  # every inline link outside code, in order
        self.code_lines = code_lines
        self.directives = directives
        self.read_marker = read_marker
        # (heading line, 0 before the first heading; the entry format detected there or None)
        self.formats = formats
        self._memo: dict[str, Any] = {}

    def memo(self, key: str, factory: Callable[[], T]) -> T:
        """Compute a derived value once per document (shared by several rules)."""
        store = self._memo
        if key not in store:
            store[key] = factory()
        return cast(T, store[key])

    def line(self, number: int) -> Line:
        return self.lines[number - 1]

    def offset(self, line: int, col: int) -> int:
        """Source offset of a 1-based line and column."""
        return self.index.offset(line, col)

    @cached_property
    def anchors(self) -> frozenset[str]:
        return frozenset(h.anchor for h in self.headings) | self.extra_anchors

    @cached_property
    def index(self) -> LineIndex:
        """Offsets against lines and columns, of the text (after a final newline an empty
        line starts, which the model's lines do not hold)."""
        return LineIndex(self.text)

    def line_of(self, offset: int) -> int:
        """The 1-based model line holding a source offset (its terminator included; the end
        of a text with a final newline is on the last line)."""
        return min(self.index.line_of(offset), max(len(self.lines), 1))

    @cached_property
    def _block_starts(self) -> list[int]:
        return [b.first_line for b in self.blocks]

    def block_index(self, number: int) -> int:
        """Index of the last block starting at or before a line (-1: none)."""
        return bisect.bisect_right(self._block_starts, number) - 1

    def block_at(self, number: int) -> Block | None:
        """The top-level block containing a line, if any."""
        i = self.block_index(number)
        if i >= 0 and self.blocks[i].last_line >= number:
            return self.blocks[i]
        return None

    @cached_property
    def entry_at_line(self) -> dict[int, Entry]:
        return {n: e for e in self.entries for n in e.lines}

    def sections_read(self) -> list[tuple[int, str | None, list[Entry]]]:
        """Each section as it was read: (its heading's line, 0 before the first; the
        format detected, None for none; its entries). An entry is under the section it
        was read in (a heading that is a paper is a section of its own, though its entry
        belongs to the section its heading is under)."""
        starts = [line for line, _ in self.formats]
        by_section: dict[int, list[Entry]] = {}
        for entry in self.entries:
            at = bisect.bisect_right(starts, entry.first_line) - 1
            by_section.setdefault(starts[at] if at >= 0 else 0, []).append(entry)
        return [(line, fmt, by_section.get(line, [])) for line, fmt in self.formats]

    def heading_path(self, heading: Heading | None) -> Iterator[Heading]:
        """The heading and its ancestors, innermost first."""
        if heading is None:
            return
        level = heading.level + 1
        for h in reversed(self.headings[: heading.position + 1]):
            if h.level < level:
                yield h
                level = h.level


# --------------------------------------------------------------------------- parsing


def split_lines(text: str) -> tuple[Line, ...]:
    """Lines with their offsets; ``\r\n`` and ``\n`` endings kept apart."""
    out: list[Line] = []
    start = 0
    parts = text.split("\n")
    last = len(parts) - 1
    for number, part in enumerate(parts, 1):
        if number - 1 == last:
            if part or not out:
                out.append(Line(number, start, part, ""))
            break
        if part.endswith("\r"):
            out.append(Line(number, start, part[:-1], "\r\n"))
        else:
            out.append(Line(number, start, part, "\n"))
        start += len(part) + 1
    return tuple(out)


def _code_range(token: Any, first: int, n_lines: int) -> range:
    """Lines of a code block, fences included."""
    count = mdparse.code_body_lines(token)
    if mdparse.is_fence(token):
        return range(first, min(first + count + 1, n_lines) + 1)
    return range(first, first + max(count, 1))


# A line that starts an HTML block of the kinds that interrupt a paragraph (CommonMark's
# types 1-6: a comment, '<div>', '<table>'...): GitHub ends a table there. An inline tag
# ('<b>x</b> | y |') does not.
_HTML_START = re.compile(
    r" {0,3}<(?:!--|\?|![A-Za-z]|!\[CDATA\[|(?:script|pre|style|textarea)(?:\s|>|$)"
    r"|/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup"
    r"|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame"
    r"|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav"
    r"|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th"
    r"|thead|title|tr|track|ul)(?:\s|/?>|$))",
    re.IGNORECASE,
)


def _blocks(tree: Any, lines: tuple[Line, ...]) -> list[tuple[Block, Any]]:
    nodes = mdparse.top_level(tree)
    n = len(lines)
    out: list[tuple[Block, Any]] = []
    for i, node in enumerate(nodes):
        first = node.line
        limit = nodes[i + 1].line - 1 if i + 1 < len(nodes) else n
        if node.kind == "code":
            last = min(_code_range(node.token, first, n)[-1], limit) if limit >= first else first
        else:
            last = first
            stop_at_blank = node.kind in ("paragraph", "heading", "html", "table")
            for number in range(first + 1, limit + 1):
                text = lines[number - 1].text
                if not text.strip():
                    if stop_at_blank:
                        break
                    continue
                if node.kind == "table" and number > first + 1 and _HTML_START.match(text):
                    break  # '<!-- | a | b | -->' under a table: GitHub ends the table there
                last = number
            if mdparse.name(node.token) == "Heading":
                last = first
        out.append((Block(node.kind, first, last), node.token))
    return out


def _code_lines(pairs: list[tuple[Block, Any]], n_lines: int) -> frozenset[int]:
    code: set[int] = set()
    for block, token in pairs:
        if block.kind == "code":
            code.update(range(block.first_line, block.last_line + 1))
        elif block.kind in ("list", "quote"):
            for inner in mdparse.code_blocks(token):
                code.update(_code_range(inner, int(inner.line_number), n_lines))
    return frozenset(code)


def _scan_links(
    lines: tuple[Line, ...], blocks: list[Block], code: frozenset[int]
) -> dict[int, list[Link]]:
    """Every inline link in prose blocks, with exact columns, keyed by line."""
    out: dict[int, list[Link]] = {}
    for block in blocks:
        if block.kind in ("code", "html", "break"):
            continue
        for number in range(block.first_line, block.last_line + 1):
            if number in code:
                continue
            text = lines[number - 1].text
            if "](" not in text:
                autolinks = list(syntax.find_autolinks(number, text))
                if autolinks:
                    out[number] = autolinks
                continue
            found = sorted(
                [*syntax.find_links(number, text), *syntax.find_autolinks(number, text)],
                key=lambda lk: lk.col,
            )
            before = lines[number - 2].text if number > block.first_line else ""
            # Cheap test first: a link wrapping from the line before leaves a '[' open there.
            if before.count("[") > before.count("]") and (number - 1) not in code:
                wrapped = syntax.wrapped_link(number, before, text)
                if wrapped is not None and all(lk.col > wrapped.col for lk in found):
                    found.insert(0, wrapped)
            if found:
                out[number] = found
    return out


def _sections(pairs: list[tuple[Block, Any]], headings: list[Heading]) -> list[Section]:
    by_line = {h.line: h for h in headings}
    out: list[Section] = []
    current: Heading | None = None
    above: list[Heading] = []  # the headings the current one is under, outermost first
    nodes: list[tuple[Block, Any]] = []
    for block, token in pairs:
        if block.first_line in by_line:  # a heading, Markdown or HTML
            if nodes or current is not None:
                out.append(Section(current, tuple(nodes), above[-1] if above else None))
            if current is not None:
                above.append(current)
            current, nodes = by_line[block.first_line], []
            while above and above[-1].level >= current.level:
                above.pop()
        else:
            nodes.append((block, token))
    out.append(Section(current, tuple(nodes), above[-1] if above else None))
    return out


# --------------------------------------------------------------------------- build


def build(text: str, read_marker: str = ":zap:") -> Document:
    """Parse ``text`` once and build the model every rule reads."""
    lines = split_lines(text)
    with mdparse.parsed([line.text + "\n" for line in lines]) as tree:
        return _model(text, lines, tree, read_marker)


def _model(text: str, lines: tuple[Line, ...], tree: Any, read_marker: str) -> Document:
    pairs = _blocks(tree, lines)
    blocks = [b for b, _ in pairs]
    code_lines = _code_lines(pairs, len(lines))
    headings = outline.headings(pairs, lines)
    extra: set[str] = set()
    directives: list[Directive] = []
    for block, _token in pairs:
        if block.kind == "html":
            raw = "\n".join(lines[n - 1].text for n in range(block.first_line, block.last_line + 1))
            extra |= outline.html_anchors(raw)
            directives.extend(outline.directives(block, lines))
        elif block.kind in ("list", "quote"):
            directives.extend(
                d
                for n in range(block.first_line, block.last_line + 1)
                if n not in code_lines and "<!--" in lines[n - 1].text
                for d in outline.nested_directives(lines[n - 1])
            )
    links = _scan_links(lines, blocks, code_lines)
    # Inline HTML elsewhere can carry ids too (a tag inside a paragraph or heading).
    in_html = {n for b in blocks if b.kind == "html" for n in range(b.first_line, b.last_line + 1)}
    skip = code_lines | in_html
    for line in lines:
        raw = line.text
        if "<" in raw and ("id" in raw or "name" in raw) and line.number not in skip:
            extra |= outline.html_anchors(raw)

    ctx = Context(lines, links, read_marker, code_lines)
    entries, formats = read_entries(_sections(pairs, headings), ctx)
    toc = outline.find_toc(pairs, headings, lines, links)
    all_links = tuple(lk for n in sorted(links) for lk in links[n])
    return Document(
        text,
        lines,
        tuple(blocks),
        tuple(headings),
        frozenset(extra),
        toc,
        entries,
        all_links,
        code_lines,
        tuple(directives),
        read_marker,
        formats,
    )
