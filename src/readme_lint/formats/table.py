"""``table``: a table whose rows are papers.

    | Title | Code | Date |
    |---|---|---|
    | [Denoising Diffusion Probabilistic Models](u) | [![Star](badge)](u) | 2020-06 |

The title is the cell under a Title/Paper/Name header, else the first cell that
holds a link; the links are every link in the row; a cell that is only a date is
the date. A table without links in its rows is not a paper table.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from readme_lint.core import mdparse, syntax
from readme_lint.core.records import TABLE, Entry, Heading, Line, Title
from readme_lint.core.syntax import Span
from readme_lint.formats.base import Context, Section, plain_title, span_of
from readme_lint.formats.bullet import is_remote
from readme_lint.formats.registry import entry_format

_TITLE_HEADERS = re.compile(r"(?:paper\s*)?(?:title|paper|name|papers)", re.IGNORECASE)
_DATE_CELL = re.compile(r"(?:19|20)\d\d(?:[./\-]\d{1,2}){0,2}")


def cells(line: Line) -> list[tuple[int, int]]:
    """0-based (start, end) of each cell's text: split on unescaped ``|`` outside code."""
    masked = syntax.mask_code_spans(line.text)
    bars = [i for i, c in enumerate(masked) if c == "|" and (i == 0 or masked[i - 1] != "\\")]
    if not bars:
        return []
    edges = bars
    if masked[: bars[0]].strip():
        edges = [-1, *edges]
    if masked[bars[-1] + 1 :].strip():
        edges = [*edges, len(masked)]
    return [(a + 1, b) for a, b in itertools.pairwise(edges)]


def _title_column(header: Line) -> int | None:
    for k, (a, b) in enumerate(cells(header)):
        if _TITLE_HEADERS.fullmatch(re.sub(r"[*_`:]", "", header.text[a:b]).strip()):
            return k
    return None


def _row_title(ctx: Context, row: Line, cell: tuple[int, int]) -> Title | None:
    a, b = cell
    inside = [lk for lk in ctx.links_on(row.number) if a < lk.col <= b]
    if inside and not inside[0].label.text.startswith("!["):
        label = inside[0].label
        text = re.sub(r"\*+", "", label.text).strip()
        if any(c.isalnum() for c in text):
            return Title(
                row.number, label.col, "", Span(row.number, label.col, label.end_col, text), ""
            )
    return plain_title(row._replace(text=re.sub(r"\*", " ", row.text)), a, b)


def _rows(ctx: Context, section: Section) -> Iterator[tuple[Line, Line]]:
    for block, token in section.nodes:
        if block.kind == "table":
            header = ctx.line(block.first_line)
            for number in mdparse.table_rows(token):
                yield header, ctx.line(number)


def _entry(ctx: Context, heading: Heading | None, header: Line, row: Line) -> Entry | None:
    spans = cells(row)
    links = [lk for lk in ctx.links.get(row.number, ()) if not lk.image]
    if not spans or not any(is_remote(lk) or not lk.target.text.strip() for lk in links):
        return None
    column = _title_column(header)
    if column is None:
        column = next(
            (k for k, (a, b) in enumerate(spans) if any(a < lk.col <= b for lk in links)), 0
        )
    if column >= len(spans):
        return None
    title = _row_title(ctx, row, spans[column])
    date = None
    for k, (a, b) in enumerate(spans):
        piece = span_of(row, a, b)
        if k != column and (_DATE_CELL.fullmatch(piece.text) or syntax.DATE.match(piece.text)):
            date = Span(piece.line, piece.col, piece.end_col, piece.text)
    return Entry(
        TABLE,
        row.number,
        row.number,
        row.number,
        heading,
        title,
        None,
        None,
        row.number,
        tuple(ctx.links.get(row.number, ())),
        date,
        (),
        None,
        (),
    )


@entry_format(TABLE, priority=5, fields=("title", "link"))
def read(section: Section, ctx: Context) -> list[Entry]:
    out = []
    for header, row in _rows(ctx, section):
        entry = _entry(ctx, section.heading, header, row)
        if entry is not None:
            out.append(entry)
    return out
