"""``numbered``: an ordered list item an entry, a bold title first.

    1. **Semi-Supervised Classification with Graph Convolutional Networks.** ICLR 2017. [paper](u)
       *Thomas N. Kipf, Max Welling.*

The authors may also follow the title on its own line. Items of another shape are
left to the ``bullet`` format. An item with neither a link nor a year beside its title
is an entry only among two or more linked ones: alone, it is a numbered note.
"""

from __future__ import annotations

import re

from readme_lint.core import syntax
from readme_lint.core.records import NUMBERED, Entry, Line
from readme_lint.core.syntax import Span
from readme_lint.formats.base import (
    Context,
    Section,
    content_span,
    markers,
    span_of,
)
from readme_lint.formats.bullet import items
from readme_lint.formats.paragraph import parse_title
from readme_lint.formats.registry import entry_format

_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_ITALIC = re.compile(r"\s*(?P<authors>\*(?!\*)[^*]+\*(?!\*)|_(?!_)[^_]+_(?!_))")


def _venue(head: Line, after: int, links_col: int | None) -> Span | None:
    end = (links_col - 1) if links_col is not None else len(head.text)
    if end <= after:
        return None
    span = span_of(head, after, end)
    return span if any(c.isalnum() for c in span.text) else None


@entry_format(NUMBERED, priority=3, fields=("title", "link"))
def read(section: Section, ctx: Context) -> list[Entry]:
    out: list[Entry] = []
    linkless: list[int] = []
    for head, numbers in items(ctx, section, True):
        if not syntax.TITLE_START.match(head.text.lstrip()):
            continue
        title = parse_title(head)
        if title is None or title.text is None:
            continue
        after = title.text.end_col - 1 + len(title.closing)
        authors = None
        inline = _ITALIC.match(head.text, after)
        if inline:
            authors = span_of(head, inline.start("authors"), inline.end("authors"))
            after = inline.end()
        elif len(numbers) > 1:
            second = content_span(ctx.line(numbers[1]))
            if syntax.AUTHORS_START.match(second.text):
                authors = second
        head_links = ctx.links_on(head.number)
        venue = _venue(head, after, head_links[0].col if head_links else None)
        links = tuple(lk for n in numbers for lk in ctx.links.get(n, ()))
        if not links and not (venue and _YEAR.search(venue.text)):
            # No link and no venue year: a paper only among linked ones (below).
            linkless.append(len(out))
        out.append(
            Entry(
                NUMBERED,
                numbers[0],
                numbers[-1],
                numbers[-1],
                section.heading,
                title,
                authors,
                venue,
                head.number if head_links else None,
                links,
                None,
                (),
                None,
                markers([ctx.line(n) for n in numbers], ctx.marker),
            )
        )
    # Alone, a bold item without a link or a year is a numbered note ('1. **The first
    # paper** that...'); among linked entries it is an entry lacking its link (RL103).
    if len(out) - len(linkless) < 2:
        dropped = set(linkless)
        out = [e for k, e in enumerate(out) if k not in dropped]
    return out
