"""The document model's immutable records: lines, blocks, headings, TOC, entries."""

import re
from typing import NamedTuple

from readme_lint.core.syntax import Link, Span

_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


class Line(NamedTuple):
    number: int  # 1-based
    start: int  # offset of the line's first character in the source
    text: str  # without its line terminator
    eol: str  # "\n", "\r\n" or "" (a last line without newline)

    @property
    def end(self) -> int:
        """Offset just past the line's text (before its terminator)."""
        return self.start + len(self.text)


class Block(NamedTuple):
    kind: str  # paragraph, heading, list, code, html, quote, table, break, other
    first_line: int
    last_line: int


class Heading(NamedTuple):
    position: int  # its index in Document.headings
    line: int
    level: int
    text: str  # the text content, emoji shortcodes as written
    anchor: str
    last_line: int  # a setext heading spans its underline too
    name: str  # as GitHub shows it to a reader: shortcodes are pictures, not words
    # An HTML heading (<h2 id="x">...</h2>): a section, with the anchor its id gives
    # ("" without one: GitHub gives raw HTML headings no anchor of their own).
    html: bool = False


class TocItem(NamedTuple):
    line: int
    depth: int
    indent: str
    bullet: str
    link: Link | None
    text: str
    lead: str  # the source before the item's link: "- ", "  * ", "- - " (nested on one line)


class Toc(NamedTuple):
    heading: Heading | None
    first_line: int
    last_line: int
    items: tuple[TocItem, ...]


class Title(NamedTuple):
    line: int
    open_col: int  # column of the first leading "*" (of the title text when not bold)
    opening: str  # the leading run of "*" ("" when the format's title is not bold)
    text: Span | None  # None when the bold is never closed
    closing: str  # the closing run of "*" ("" when never closed or not bold)


# Entry formats (see readme_lint.formats).
PARAGRAPH = "paragraph"
QUOTED = "paragraph-quoted"
BULLET = "bullet"
NUMBERED = "numbered"
CITATION = "citation"
TABLE = "table"
HEADING = "heading"
DETAILS = "details"
HTML_TABLE = "html-table"


class Entry(NamedTuple):
    format: str
    first_line: int
    last_line: int  # of the entry itself (for a paragraph: without a split-off rest)
    end_line: int  # of the paragraph split off it, if any (else last_line)
    section: Heading | None
    title: Title | None
    authors: Span | None  # the authors' text, emphasis asterisks included
    venue: Span | None
    links_line: int | None
    links: tuple[Link, ...]
    date: Span | None
    summary: tuple[Span, ...]  # one span per summary line
    split_gap: tuple[int, int] | None  # blank lines between entry and detached summary
    markers: tuple[Span, ...]  # every read marker occurrence
    # Lines whose end separates two fields (title, authors, venue...): hard-break formats only.
    field_ends: tuple[int, ...] = ()
    # The entry starts inside the paragraph of the one before it (no blank line between):
    # GitHub renders the two as one paragraph.
    run_on: bool = False

    @property
    def lines(self) -> range:
        """Entry lines, including a detached (split-off) paragraph and the gap."""
        return range(self.first_line, self.end_line + 1)

    @property
    def text_lines(self) -> list[int]:
        """Entry lines that hold its text: ``lines`` without a split's blank gap."""
        if self.split_gap is None:
            return list(self.lines)
        return [
            *range(self.first_line, self.last_line + 1),
            *range(self.split_gap[1] + 1, self.end_line + 1),
        ]

    @property
    def year(self) -> str | None:
        """The year stated with the venue (``NeurIPS 2020.`` -> ``2020``), if any."""
        match = _YEAR.search(self.venue.text) if self.venue else None
        return match.group() if match else None

    @property
    def title_text(self) -> str:
        return self.title.text.text if self.title and self.title.text else ""

    @property
    def summary_text(self) -> str:
        return " ".join(s.text.strip() for s in self.summary).strip()


class Directive(NamedTuple):
    """A ``<!-- readme-lint-... -->`` comment."""

    line: int
    last_line: int
    action: str  # disable, enable, disable-next-line
    rules: tuple[str, ...]  # empty: every rule
