"""``heading``: a heading that is a paper's link, the paper's details under it.

    #### [Adversarial Patch](https://arxiv.org/abs/1712.09665)

    arXiv 1712; NeurIPS workshop 2017

    1. The first paper to introduce adversarial patch attacks

The title is the heading's link label (bold or not); the venue is the heading's text
after the link or, else, a one-line paragraph right under the heading that names a
year; the links are the heading's and that line's. A heading is an entry only on
evidence: its link is a paper's (an arXiv, DOI, OpenReview... id, a publisher's page,
or a PDF), or a venue with its year goes with it. What follows (notes, lists) belongs
to the entry but is no field of it. A heading whose link is a label (``[paper]``) or
goes nowhere outside the page is a heading, not an entry.
"""

from __future__ import annotations

import re

from readme_lint.core.papers import is_link_label, paper_key, publisher_link
from readme_lint.core.records import HEADING, Entry, Line, Title
from readme_lint.core.syntax import Span
from readme_lint.formats.base import Context, Section, content_span, markers, span_of
from readme_lint.formats.bullet import is_remote
from readme_lint.formats.registry import entry_format

# '#### [Title](u)', '### **[Title](u)**', '## [Title](u) (CVPR 2023)': the link first.
_LINK_HEADING = re.compile(r"\s{0,3}#{1,6}\s+(?:\*\*|__)?\[")
_PDF = re.compile(r"\.pdf(?:$|[?#])", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_AROUND_VENUE = " *_()[]-:,\u2013\u2014"  # what sets a venue off from the link


@entry_format(HEADING, priority=6, fields=("title", "link"), claims_section=True)
def read(section: Section, ctx: Context) -> list[Entry]:
    heading = section.heading
    if heading is None or heading.html:
        return []
    line = ctx.line(heading.line)
    if not _LINK_HEADING.match(line.text):
        return []
    own = ctx.links_on(heading.line)
    if not own or not is_remote(own[0]) or is_link_label(own[0].label.text):
        return []
    first = own[0]
    label = re.sub(r"\*+|_{2,}", "", first.label.text).strip()
    if not any(c.isalnum() for c in label):
        return []
    title = Title(
        line.number,
        first.label.col,
        "",
        Span(line.number, first.label.col, first.label.end_col, label),
        "",
    )
    venue, venue_line = _venue(section, ctx, line, first.end_col)
    url = first.target.text.strip()
    # Evidence that the heading is a paper, not a page ('How to contribute'): the link
    # is a paper's (by its id, or a PDF), or a venue with its year goes with it.
    if not (venue or paper_key(url) or publisher_link(url) or _PDF.search(url)):
        return []
    lines = [line] + ([venue_line] if venue_line else [])
    links = tuple(lk for ln in lines for lk in ctx.links.get(ln.number, ()))
    last = max(heading.last_line, venue_line.number if venue_line else 0)
    return [
        Entry(
            HEADING,
            heading.line,
            last,
            last,
            section.parent,  # the entry is the heading: its section is the one it is in
            title,
            None,
            venue,
            venue_line.number if venue_line and ctx.links_on(venue_line.number) else None,
            links,
            None,
            (),
            None,
            markers(lines, ctx.marker),
        )
    ]


def _venue(
    section: Section, ctx: Context, line: Line, after: int
) -> tuple[Span | None, Line | None]:
    """The venue after the heading's link, else on a one-line paragraph right under it."""
    end = len(line.text.rstrip(" #"))
    rest = line.text[after - 1 : end]
    if _YEAR.search(rest):
        start = after - 1 + len(rest) - len(rest.lstrip(_AROUND_VENUE))
        return span_of(line, start, start + len(rest.strip(_AROUND_VENUE))), None
    if not section.nodes:
        return None, None
    block, _ = section.nodes[0]
    if block.kind != "paragraph" or block.first_line != block.last_line:
        return None, None
    under = ctx.line(block.first_line)
    span = content_span(under)
    links = ctx.links_on(under.number)
    if links:  # 'ICML 2018 [[code](u)]': the venue is what comes before the links
        span = span_of(under, span.col - 1, links[0].col - 1)
    if _YEAR.search(span.text) and len(span.text) <= 120:
        return span, under
    return None, None
