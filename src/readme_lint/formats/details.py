"""``details``: one collapsible block a paper, its title and link in the ``<summary>``.

    <details><summary>Universal and Transferable Adversarial Attacks on Aligned
    Language Models (2023) [<a href="https://arxiv.org/abs/2307.15043">Paper</a>]</summary>

    > Notes on the paper, a quote of its abstract ...
    </details>

The title is the summary's text before its first link, year in parentheses or line
break (tags and emphasis markers left out); the links are the summary's ``<a href>``
anchors (GitHub shows a summary as HTML: Markdown links there are text). A summary is
an entry only with such a link to another page; the block's body (notes, quotes,
lists) belongs to the entry and is read by no other format.
"""

from __future__ import annotations

import re

from readme_lint.core.papers import paper_key
from readme_lint.core.records import DETAILS, Entry, Line, Title
from readme_lint.core.syntax import Span
from readme_lint.formats.base import (
    Context,
    Section,
    html_links,
    html_text,
    title_and_links_entry,
)
from readme_lint.formats.registry import entry_format

_SUMMARY = re.compile(r"<summary\b[^>]*>(?P<body>.*?)</summary\s*>", re.IGNORECASE)
_TITLE_END = re.compile(r"<a\b|\[|<br\b|\((?:19|20)\d\d\)", re.IGNORECASE)
_OPEN = re.compile(r"<details\b", re.IGNORECASE)
_CLOSE = re.compile(r"</details\s*>", re.IGNORECASE)


@entry_format(DETAILS, priority=7, fields=("title", "link"), encloses=True)
def read(section: Section, ctx: Context) -> list[Entry]:
    numbers = [
        n
        for block, _ in section.nodes
        for n in range(block.first_line, block.last_line + 1)
        if n not in ctx.code
    ]
    out: list[Entry] = []
    for k, number in enumerate(numbers):
        line = ctx.line(number)
        match = _SUMMARY.search(line.text) if "summary" in line.text.lower() else None
        if match is None:
            continue
        entry = _entry(ctx, section, line, match, numbers[k:])
        if entry is not None:
            out.append(entry)
    return out


def _entry(
    ctx: Context, section: Section, line: Line, match: re.Match[str], rest: list[int]
) -> Entry | None:
    body_start = match.start("body")
    body = match.group("body")
    links = html_links(line, body_start, body)
    if not any(lk.target.text.startswith(("http://", "https://")) for lk in links):
        return None
    cut = _TITLE_END.search(body)
    head = body[: cut.start()] if cut else body
    text = " ".join(html_text(head).replace("**", " ").split())
    # One word will do beside a paper's own link ('TBD', a placeholder to report).
    paper = any(paper_key(lk.target.text) for lk in links)
    if not any(c.isalpha() for c in text) or (len(text.split()) < 2 and not paper):
        return None
    lead = len(head) - len(head.lstrip())
    col = body_start + lead + 1
    title = Title(
        line.number, col, "", Span(line.number, col, body_start + len(head.rstrip()) + 1, text), ""
    )
    last = _closing(ctx, rest)
    lines = [ctx.line(n) for n in range(line.number, last + 1)]
    return title_and_links_entry(
        DETAILS, lines, section.heading, title, line.number, links, ctx.marker
    )


def _closing(ctx: Context, rest: list[int]) -> int:
    """The line closing the summary's <details> block (opened on the summary's line or
    just above it); the summary's own line when the section never closes it."""
    first = ctx.line(rest[0]).text
    depth = 0 if _OPEN.search(first) else 1
    for number in rest:
        text = ctx.line(number).text
        depth += len(_OPEN.findall(text)) - len(_CLOSE.findall(text))
        if depth <= 0:
            return number
    return rest[0]
