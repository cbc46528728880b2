"""``html-table``: one row of an HTML ``<table>`` a paper, its title an ``<a href>`` or a cell.

    <table>
      <tr><th>Year</th><th>Title</th><th>Materials</th></tr>
      <tr>
        <td>ICML 2023</td>
        <td><a href="https://arxiv.org/abs/2206.10189">A General Theory for Federated Optimization</a></td>
        <td><a href="https://github.com/x/y">code</a></td>
      </tr>
    </table>

GitHub shows Markdown inside an HTML block as text, so a row's links are its ``<a
href>`` anchors. The title is the anchor labelled with the most words, when it has
three or more (a venue's link, ``ICML 2023``, is no title) — or, when every anchor is
labelled as a link (``pdf``, ``code``), the cell with the most words. A table is read
only when most of its rows with cells read so: a table of logos, names or results is
no list of papers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from readme_lint.core.papers import is_link_label
from readme_lint.core.records import HTML_TABLE, Entry, Line, Title
from readme_lint.core.syntax import Link, Span
from readme_lint.formats.base import (
    Context,
    Section,
    html_links,
    html_text,
    title_and_links_entry,
)
from readme_lint.formats.registry import entry_format

_ROW_OPEN = re.compile(r"<tr\b[^>]*>", re.IGNORECASE)
_ROW_CLOSE = re.compile(r"</tr\s*>|</table\s*>", re.IGNORECASE)
_CELL = re.compile(r"<t[dh]\b[^>]*>(?P<body>.*?)(?=</t[dh]\s*>|<t[dh]\b|</tr\s*>|$)", re.IGNORECASE)
_DATA_CELL = re.compile(r"<td\b", re.IGNORECASE)
_TABLE = re.compile(r"<table\b", re.IGNORECASE)
_WORD = re.compile(r"[^\W_]{2,}|[^\W\d_]")
_MIN_WORDS = 3
_MIN_ROWS = 2


@entry_format(HTML_TABLE, priority=8, fields=("title", "link"))
def read(section: Section, ctx: Context) -> list[Entry]:
    out: list[Entry] = []
    for table in _tables(section, ctx):
        rows = [(first, last) for first, last in table if _has_data(ctx, first, last)]
        entries = [e for e in (_entry(ctx, section, first, last) for first, last in rows) if e]
        # Most rows of a list of papers are papers.
        if len(entries) >= _MIN_ROWS and 2 * len(entries) >= len(rows):
            out.extend(entries)
    return out


def _tables(section: Section, ctx: Context) -> Iterator[list[tuple[int, int]]]:
    """Each HTML table's rows as (first line, last line), tables split at ``<table>``."""
    rows: list[tuple[int, int]] = []
    start: int | None = None
    for block, _ in section.nodes:
        if block.kind != "html":
            continue
        for number in range(block.first_line, block.last_line + 1):
            if number in ctx.code:
                continue
            text = ctx.line(number).text
            if _TABLE.search(text) and rows:
                yield rows
                rows = []
            if _ROW_OPEN.search(text):
                if start is not None:
                    rows.append((start, number - 1))  # a row never closed
                start = number
            if start is not None and _ROW_CLOSE.search(text):
                rows.append((start, number))
                start = None
        if start is not None:
            rows.append((start, block.last_line))
            start = None
    if rows:
        yield rows


def _has_data(ctx: Context, first: int, last: int) -> bool:
    return any(_DATA_CELL.search(ctx.line(n).text) for n in range(first, last + 1))


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _entry(ctx: Context, section: Section, first: int, last: int) -> Entry | None:
    lines = [ctx.line(n) for n in range(first, last + 1)]
    links = [lk for line in lines for lk in html_links(line, 0, line.text)]
    if not any(lk.target.text.startswith(("http://", "https://")) for lk in links):
        return None
    title = _anchor_title(links) or _cell_title(lines, links)
    if title is None:
        return None
    return title_and_links_entry(
        HTML_TABLE, lines, section.heading, title, title.line, links, ctx.marker
    )


def _title(line: int, col: int, width: int, text: str) -> Title:
    """A title placed over its source (``width`` characters), its text what GitHub shows
    of it (tags dropped, entities decoded), as a <details> summary's title is."""
    return Title(line, col, "", Span(line, col, col + width, text), "")


def _anchor_title(links: list[Link]) -> Title | None:
    """The anchor labelled with the most words, three or more, not a link's label."""
    best: tuple[int, Link, str] | None = None
    for link in links:
        text = " ".join(html_text(link.label.text).split())
        words = _words(text)
        if words >= _MIN_WORDS and not is_link_label(text) and (best is None or words > best[0]):
            best = (words, link, text)
    if best is None:
        return None
    _, link, text = best
    raw = link.label.text
    lead = len(raw) - len(raw.lstrip())
    return _title(link.line, link.label.col + lead, len(raw.strip()), text)


def _cell_title(lines: list[Line], links: list[Link]) -> Title | None:
    """A plain cell with the most words, when every anchor is labelled as a link."""
    if not all(is_link_label(html_text(lk.label.text).strip()) for lk in links):
        return None
    best: tuple[int, Line, re.Match[str]] | None = None
    for line in lines:
        for cell in _CELL.finditer(line.text):
            body = cell.group("body")
            if "<a" in body.lower():
                continue
            words = _words(html_text(body))
            if words >= _MIN_WORDS + 1 and (best is None or words > best[0]):
                best = (words, line, cell)
    if best is None:
        return None
    _, line, cell = best
    body = cell.group("body")
    text = " ".join(html_text(body).split())
    lead = len(body) - len(body.lstrip())
    return _title(line.number, cell.start("body") + lead + 1, len(body.strip()), text)
