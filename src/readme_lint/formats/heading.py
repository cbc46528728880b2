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

A heading that is a bold title with no link (``### **Title**``) is an entry when its
section links exactly one paper, under a label (``[[Paper](u)]``): a bold category
heading over several papers is a section.
"""

from __future__ import annotations

import re

from readme_lint.core import syntax
from readme_lint.core.names import names_line
from readme_lint.core.papers import is_link_label, paper_key, publisher_link
from readme_lint.core.records import HEADING, Entry, Line, Title
from readme_lint.core.syntax import Link, Span
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
        return (
            _bold_heading(section, ctx, line)
            or _numbered_heading(section, ctx, line)
            or _url_heading(section, ctx, line)
        )
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


# '### **Denoising Diffusion Probabilistic Models**': a bold title, no link.
_BOLD_HEADING = re.compile(r"\s{0,3}#{1,6}\s+\*\*(?P<title>[^*]+)\*\*\s*#*\s*")
# '**Deep Residual Learning for Image Recognition**' alone on its line, under '### ResNet'.
_BOLD_LINE = re.compile(r"\s{0,3}\*\*(?P<title>[^*]+)\*\*\s*")
_URL_LABEL = re.compile(r"\s*<?https?://\S+>?\s*")


def _bold_heading(section: Section, ctx: Context, line: Line) -> list[Entry]:
    """A heading that is a paper's bold title, its link under it; or a heading that is a
    paper's short name (``### ResNet``) over a paragraph whose first line is the bold
    title, the authors' line next, and the links (``- pdf: [url](url)``).

    Only on evidence: a title of three words or more, and the section links one paper
    (one paper id) under a label (``[[Paper](u)]``) or its own URL, so that it names no
    other title: a bold category heading over several papers' entries is a section.
    """
    found = _bold_title(section, ctx, line)
    if found is None:
        return []
    title_line, match, authors = found
    first = _one_paper_link(section, ctx)
    if first is None:
        return []
    title = Title(
        title_line.number,
        match.start("title") - 1,  # the column of its '**'
        "**",
        span_of(title_line, match.start("title"), match.end("title")),
        "**",
    )
    links_line = ctx.line(first.line)
    venue_span = content_span(links_line)
    venue_span = span_of(links_line, venue_span.col - 1, ctx.links_on(first.line)[0].col - 1)
    venue = venue_span if _YEAR.search(venue_span.text) else None
    return [_paper_entry(section, ctx, line, first, title, authors, venue, title_line)]


def _section_lines(section: Section) -> list[int]:
    return [n for block, _ in section.nodes for n in range(block.first_line, block.last_line + 1)]


def _one_paper_link(section: Section, ctx: Context) -> Link | None:
    """The section's link to its one paper (one paper id), labelled as a link, or its
    own URL: the section names no other title. None otherwise."""
    body = [lk for n in _section_lines(section) for lk in ctx.links_on(n) if not lk.image]
    papers = {key for lk in body if (key := paper_key(lk.target.text.strip()))}
    first = next((lk for lk in body if paper_key(lk.target.text.strip())), None)
    if len(papers) != 1 or first is None or not _names_no_title(first.label.text):
        return None
    return first


def _paper_entry(
    section: Section,
    ctx: Context,
    line: Line,
    first: Link,
    title: Title,
    authors: Span | None,
    venue: Span | None,
    title_line: Line,
) -> Entry:
    """The entry of a heading that is a paper, from the heading to its paper's link."""
    return Entry(
        HEADING,
        line.number,
        first.line,
        first.line,
        section.parent,
        title,
        authors,
        venue,
        first.line,
        tuple(lk for n in range(line.number, first.line + 1) for lk in ctx.links.get(n, ())),
        None,
        (),
        None,
        markers(
            [ctx.line(n) for n in sorted({line.number, title_line.number, first.line})],
            ctx.marker,
        ),
    )


def _bold_title(
    section: Section, ctx: Context, line: Line
) -> tuple[Line, re.Match[str], Span | None] | None:
    """The line holding the paper's bold title, its match and the authors' line under it:
    the heading itself (``### **Title**``), else the first line of the paragraph right
    under a plain heading."""
    if not section.nodes:
        return None
    match = _BOLD_HEADING.fullmatch(line.text)
    if match is not None:
        return (line, match, None) if len(match.group("title").split()) >= 3 else None
    block, _ = section.nodes[0]
    if block.kind != "paragraph" or ctx.links_on(line.number):
        return None
    if not any(c.isalpha() for c in line.text.lstrip(" #")):
        return None  # '### 2019' over its papers: a year names no paper
    under = ctx.line(block.first_line)
    match = _BOLD_LINE.fullmatch(under.text)
    # Two words will do here ('Genetic CNN'): the heading names the paper, the bold line
    # under it is its title.
    if match is None or len(match.group("title").split()) < 2:
        return None
    authors = None
    if block.last_line > block.first_line:
        names = ctx.line(block.first_line + 1)
        # Names may be linked (homepages); another line of links is no authors line.
        if names_line(names.text) or (
            not ctx.links_on(names.number) and syntax.AUTHORS_LINE.match(names.text)
        ):
            authors = content_span(names)
    return under, match, authors


# '### 12. Street Gaussians for Modeling Dynamic Urban Scenes': a numbered paper heading.
_NUMBERED_HEADING = re.compile(r"\s{0,3}#{1,6}\s+\d{1,4}[.)]\s+(?P<title>[^#\[\]]+?)\s*#*\s*$")
# '**Authors**: Ann Lee, Bo Chen' under it.
_AUTHORS_LABEL = re.compile(r"\s*\*\*Authors?\*\*\s*:\s*\S", re.IGNORECASE)


def _numbered_heading(section: Section, ctx: Context, line: Line) -> list[Entry]:
    """A numbered heading that is a paper's title, its links in the section under it
    ('### 1. Title' / '**Authors**: …' / '[📄 Paper](u) | [Code](v)').

    Only on evidence: a title of three words or more, and the section links one paper
    (one paper id) under a link's label, so that it names no other title."""
    match = _NUMBERED_HEADING.fullmatch(line.text)
    if match is None or len(match.group("title").split()) < 3:
        return []
    first = _one_paper_link(section, ctx)
    if first is None:
        return []
    authors = next(
        (
            content_span(ctx.line(n))
            for n in _section_lines(section)
            if _AUTHORS_LABEL.match(ctx.line(n).text)
        ),
        None,
    )
    span = span_of(line, match.start("title"), match.end("title"))
    title = Title(line.number, match.start("title") + 1, "", span, "")
    return [_paper_entry(section, ctx, line, first, title, authors, None, line)]


def _names_no_title(label: str) -> bool:
    """A link label that names no paper of its own: a label word or the URL itself."""
    return is_link_label(label) or bool(_URL_LABEL.fullmatch(label))


# A bare URL alone on its line: GitHub links it (the autolink extension).
_BARE_URL_LINE = re.compile(r"\s{0,3}(?P<url>https?://[^\s<>()\[\]]*[^\s<>()\[\].,;:!?*_~'\"])\s*")
# '#### Reining in the Web with Content Security Policy' (no link, no emphasis).
_PLAIN_HEADING = re.compile(r"\s{0,3}#{1,6}\s+(?P<title>[^#*\[\]<>`]+?)\s*#*\s*")


def _url_heading(section: Section, ctx: Context, line: Line) -> list[Entry]:
    """A plain heading that is a paper's title over its bare URL ('#### Reining in the
    Web with Content Security Policy' / 'https://…/csp-www2010.pdf').

    Only on evidence: a title of three words or more, and the section is that one line,
    a paper's URL (an id, a publisher's page, a PDF)."""
    match = _PLAIN_HEADING.fullmatch(line.text)
    if match is None or len(match.group("title").split()) < 3 or len(section.nodes) != 1:
        return []
    block, _ = section.nodes[0]
    if block.kind != "paragraph" or block.first_line != block.last_line:
        return []
    under = ctx.line(block.first_line)
    bare = _BARE_URL_LINE.fullmatch(under.text)
    if bare is None:
        return []
    url = bare.group("url")
    if not (paper_key(url) or publisher_link(url) or _PDF.search(url)):
        return []
    span = span_of(under, bare.start("url"), bare.end("url"))
    link = Link(under.number, span.col, span.end_col, span, span, False, False)
    title_span = span_of(line, match.start("title"), match.end("title"))
    title = Title(line.number, match.start("title") + 1, "", title_span, "")
    entry = _paper_entry(section, ctx, line, link, title, None, None, line)
    return [entry._replace(links=(*entry.links, link))]
