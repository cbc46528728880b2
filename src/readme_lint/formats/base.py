"""What every entry format reads from: a section's blocks, the lines, the links.

Formats read *logical lines*: a physical line with its container markup (``>``
of a blockquote, a list bullet, the other cells of a table row) blanked out to
spaces. Columns stay those of the source, so every span a format finds is a
real position that rules can report and edit.
"""

import html
import re
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from readme_lint.core import syntax
from readme_lint.core.records import Block, Entry, Heading, Line, Title
from readme_lint.core.syntax import Link, Span

_QUOTE_MARK = re.compile(r" {0,3}>[ ]?")
_SHORTCODE_TAIL = re.compile(r"(?:\s*:[a-z0-9_+\-]+:)+\s*$")
_EMPHASIS = re.compile(r"[*_]+")
# An HTML anchor on one line: GitHub shows Markdown inside HTML blocks as text, so a
# block's links are its <a href> tags.
_ANCHOR = re.compile(
    r"<a\b[^>]*?\bhref\s*=\s*(?P<q>[\"'])(?P<href>[^\"'<>]*)(?P=q)[^>]*>(?P<label>.*?)</a\s*>",
    re.IGNORECASE,
)
_TAG = re.compile(r"<[^>]*>")


class Context(NamedTuple):
    lines: tuple[Line, ...]
    links: Mapping[int, list[Link]]
    marker: str
    code: frozenset[int]

    def line(self, number: int) -> Line:
        return self.lines[number - 1]

    def links_on(self, number: int) -> list[Link]:
        return [lk for lk in self.links.get(number, ()) if not lk.image]


class Section(NamedTuple):
    """The blocks between two headings (``heading`` None: before the first one)."""

    heading: Heading | None
    nodes: tuple[tuple[Block, Any], ...]
    parent: Heading | None = None  # the nearest heading of a higher level before it


def blank_prefix(line: Line, upto: int) -> Line:
    """The line with its first ``upto`` characters turned into spaces (columns kept)."""
    if upto <= 0:
        return line
    return line._replace(text=" " * upto + line.text[upto:])


def unquote(line: Line) -> Line:
    """The line without its blockquote markers (``>``, nested ``> >``), columns kept."""
    upto = 0
    while True:
        match = _QUOTE_MARK.match(line.text, upto)
        if match is None or match.end() == upto:
            return blank_prefix(line, upto)
        upto = match.end()


def content_span(line: Line) -> Span:
    """The line's text without its hard break (``\\``, spaces or ``<br>``)."""
    stripped = syntax.strip_hard_break(line.text)
    lead = len(stripped) - len(stripped.lstrip())
    return Span(line.number, lead + 1, len(stripped) + 1, stripped.strip())


def without_trailing_shortcodes(span: Span) -> Span:
    """The span without emoji shortcodes at its end (``*A, B* :zap:`` -> ``*A, B*``)."""
    match = _SHORTCODE_TAIL.search(span.text) if span.text.endswith(":") else None
    if match is None or match.start() == 0:
        return span
    text = span.text[: match.start()]
    return Span(span.line, span.col, span.col + len(text), text)


def plain(text: str) -> str:
    """Text without emphasis marks and extra whitespace."""
    return " ".join(_EMPHASIS.sub("", text).split())


def span_of(line: Line, start: int, end: int) -> Span:
    """A span for ``line.text[start:end]`` (0-based), trimmed of surrounding whitespace."""
    piece = line.text[start:end]
    lead = len(piece) - len(piece.lstrip())
    text = piece.strip()
    return Span(line.number, start + lead + 1, start + lead + 1 + len(text), text)


def plain_title(line: Line, start: int, end: int) -> Title | None:
    """A title that is not bold: the text between two columns, if it has any word."""
    span = span_of(line, start, end)
    if not any(c.isalnum() for c in span.text):
        return None
    text = span.text.strip("* ").rstrip(", ")  # no title ends with a comma: 'Title, [pdf](u)'
    return Title(line.number, span.col, "", span._replace(text=text), "")


def markers(lines: Sequence[Line], marker: str) -> tuple[Span, ...]:
    found = []
    for line in lines:
        col = line.text.find(marker) if marker else -1
        while col != -1:
            found.append(Span(line.number, col + 1, col + 1 + len(marker), marker))
            col = line.text.find(marker, col + len(marker))
    return tuple(found)


def item_lines(ctx: Context, first: int, stop: int, block_last: int) -> list[int]:
    """A list item's own lines: from its first line up to ``stop`` (exclusive), no blanks."""
    last = min(stop - 1, block_last)
    return [n for n in range(first, last + 1) if ctx.line(n).text.strip()]


def html_text(markup: str) -> str:
    """What HTML shows as text: tags dropped (each a space), entities decoded."""
    return html.unescape(_TAG.sub(" ", markup))


def html_links(line: Line, offset: int, markup: str) -> list[Link]:
    """The ``<a href>`` anchors in ``markup``, a piece of ``line`` from column ``offset``
    (0-based), as links with their real positions."""
    return [_html_link(line, offset, anchor) for anchor in _ANCHOR.finditer(markup)]


def _html_link(line: Line, offset: int, anchor: re.Match[str]) -> Link:
    start, end = offset + anchor.start(), offset + anchor.end()
    label = Span(
        line.number,
        offset + anchor.start("label") + 1,
        offset + anchor.end("label") + 1,
        _TAG.sub("", anchor.group("label")),
    )
    href = html.unescape(anchor.group("href"))
    target = Span(
        line.number, offset + anchor.start("href") + 1, offset + anchor.end("href") + 1, href
    )
    return Link(line.number, start + 1, end + 1, label, target, False, False)


def title_and_links_entry(
    fmt: str,
    lines: Sequence[Line],
    section: Heading | None,
    title: Title,
    links_line: int,
    links: Sequence[Link],
    marker: str,
) -> Entry:
    """An entry made of a title and links only (an HTML block's: a <details> summary, a
    table row), over ``lines``."""
    first, last = lines[0].number, lines[-1].number
    return Entry(
        fmt,
        first,
        last,
        last,
        section,
        title,
        None,
        None,
        links_line,
        tuple(links),
        None,
        (),
        None,
        markers(lines, marker),
    )
