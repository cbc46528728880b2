"""``table``: a table whose rows are papers.

    | Title | Code | Date |
    |---|---|---|
    | [Denoising Diffusion Probabilistic Models](u) | [![Star](badge)](u) | 2020-06 |

The title is the cell under a Title or Paper header (else Name: beside a Title
column, a Name column names the model or dataset; else Dataset, Method, Model), else the column whose
cells say the most (dates, numbers, badges and link labels left out); in it, the
first link's label, unless that is only a link's label (``[(paper)](u)``): then the
cell's own text. The links are every link in the row; a cell that is only a date is
the date. A table with links in fewer than a quarter of its rows (a results table
citing a source or two) is not a paper table, nor one whose rows are mostly measured
values (``25.23``, ``48.6%``), a results table, unless it names the paper by its title:
its rows are methods and their variants (``ARTEMIS+LSTM``).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterator

from readme_lint.core import mdparse, syntax
from readme_lint.core.names import cited_title
from readme_lint.core.papers import is_link_label, is_name
from readme_lint.core.records import TABLE, Entry, Heading, Line, Title
from readme_lint.core.syntax import Span
from readme_lint.formats.base import Context, Section, plain_title, span_of
from readme_lint.formats.bullet import is_remote
from readme_lint.formats.registry import entry_format

_TITLE_HEADERS = re.compile(r"(?:paper\s*)?(?:title|paper|name|papers)", re.IGNORECASE)
# A header that opens with the word title: 'Paper Title and Interpretation', 'Title (link)'.
_TITLE_FIRST = re.compile(r"(?:paper\s+)?title\b", re.IGNORECASE)
# Headers naming what a row is, when no column is headed Title, Paper or Name.
_THING_HEADERS = re.compile(r"(?:dataset|method|model|benchmark|approach|work)s?", re.IGNORECASE)
# A measured value: a decimal or a percentage ('25.23', '48.6%', '0.91'), not a year or a count.
_METRIC = re.compile(r"[*_]*[-+±]?\d*[.,]\d+%?[*_]*|[*_]*\d+(?:[.,]\d+)?\s*%[*_]*")
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
    """The column headed Title (or Paper), else Name: a 'Name' column beside a 'Title'
    one names the model or dataset, not the paper."""
    found: list[tuple[int, int]] = []
    for k, (a, b) in enumerate(cells(header)):
        text = re.sub(r"[*_`:]", "", header.text[a:b]).strip()
        match = _TITLE_HEADERS.fullmatch(text)
        if match:
            found.append((int(match.group().casefold() == "name"), k))
        elif _TITLE_FIRST.match(text):
            found.append((0, k))  # 'Paper Title and Paper Interpretation (In Chinese)'
        elif _THING_HEADERS.fullmatch(text):
            found.append((2, k))
    return min(found)[1] if found else None


def _paper_title(title: str) -> bool:
    return len(title.split()) >= 4 and not is_name(title)


def _results(rows: list[Line]) -> bool:
    """A table of results: most rows hold three or more measured values (a list of papers
    states a year or a count, not 25.23 and 48.64). Its rows are methods and their
    variants, not papers."""
    measured = 0
    for row in rows:
        values = sum(1 for a, b in cells(row) if _METRIC.fullmatch(row.text[a:b].strip()))
        measured += values >= 3
    return 2 * measured > len(rows)


def _row_title(ctx: Context, row: Line, cell: tuple[int, int]) -> Title | None:
    """The paper's name in its cell: the first link's label, unless that label is only a
    link's (``(paper)``, a badge) and the cell says more: then the cell's own text."""
    a, b = cell
    inside = [lk for lk in ctx.links_on(row.number) if a < lk.col <= b]
    if inside and not inside[0].label.text.startswith("!["):
        label = inside[0].label
        cited = cited_title(label.text)
        if cited is not None:  # '[Rubin, D. "The central role of …" Biometrika.](u)'
            col, end = label.col + cited[0], label.col + cited[1]
            text = label.text[cited[0] : cited[1]]
            return Title(row.number, col, "", Span(row.number, col, end, text), "")
        text = re.sub(r"\*+", "", label.text).strip()
        if any(c.isalnum() for c in text) and not is_link_label(text):
            return Title(
                row.number, label.col, "", Span(row.number, label.col, label.end_col, text), ""
            )
    # The cell without its links and images (their labels are not the paper's name).
    masked = row.text
    for lk in inside:
        masked = masked[: lk.col - 1] + " " * (lk.end_col - lk.col) + masked[lk.end_col - 1 :]
    masked = re.sub(r"\*", " ", masked)
    return plain_title(row._replace(text=masked), a, b) or plain_title(
        row._replace(text=re.sub(r"\*", " ", row.text)), a, b
    )


def _column(ctx: Context, header: Line, rows: list[Line]) -> int | None:
    """The column that holds the papers' names: the one under a Title/Paper/Name header;
    else the one the rows' paper links are in, when its cells name something (not only
    ``[paper]`` ``[code]`` labels or badges); else the one whose cells say the most."""
    column = _title_column(header)
    if column is not None:
        return column
    words: Counter[int] = Counter()
    linked: Counter[int] = Counter()
    for row in rows:
        spans = cells(row)
        links = ctx.links_on(row.number)
        first = next((lk for lk in links if not lk.image and is_remote(lk)), None)
        for k, (a, b) in enumerate(spans):
            text = row.text[a:b]
            for lk in links:
                if a < lk.col <= b and (lk.image or is_link_label(lk.label.text)):
                    text = text.replace(row.text[lk.col - 1 : lk.end_col - 1], " ")
            text = re.sub(r"\]\([^)]*\)", "]", text)  # targets are not words
            named = len(re.findall(r"[^\W\d_]{2,}", text))
            words[k] += named
            if first is not None and a < first.col <= b and named:
                linked[k] += 1
    if linked:
        return linked.most_common(1)[0][0]
    return max(words, key=lambda k: (words[k], -k)) if words else None


def _tables(ctx: Context, section: Section) -> Iterator[tuple[Line, list[Line]]]:
    for block, token in section.nodes:
        if block.kind == "table":
            header = ctx.line(block.first_line)
            rows = [n for n in mdparse.table_rows(token) if n <= block.last_line]
            yield header, [ctx.line(number) for number in rows]


def _entry(ctx: Context, heading: Heading | None, row: Line, column: int | None) -> Entry | None:
    spans = cells(row)
    links = [lk for lk in ctx.links.get(row.number, ()) if not lk.image]
    if not spans or not any(is_remote(lk) or not lk.target.text.strip() for lk in links):
        return None
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
    for header, rows in _tables(ctx, section):
        column = _column(ctx, header, rows)
        found = [e for row in rows if (e := _entry(ctx, section.heading, row, column))]
        if _results(rows):
            # Its rows are methods and their variants ('ARTEMIS+LSTM', 'SEGAN'): only a
            # row naming a paper by its title is a paper.
            found = [e for e in found if _paper_title(e.title_text)]
        # A table of results or settings may link a source in a cell or two: a paper
        # table links from most of its rows (a quarter at least).
        if len(found) * 4 >= len(rows):
            out.extend(found)
    return out
