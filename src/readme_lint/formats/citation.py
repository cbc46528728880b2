"""``citation``: a numbered reference, the title quoted and bold.

    **[8]** Dai, Jifeng, et al. "**R-FCN: Object Detection via Region-based Fully
    Convolutional Networks**." arXiv preprint arXiv:1605.06409 (2016). [[pdf]](u) :star:

``[n]`` is a reference number, never the title. The title may wrap over lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from readme_lint.core.papers import known_venue
from readme_lint.core.records import CITATION, Entry, Heading, Line, Title
from readme_lint.core.syntax import Span
from readme_lint.formats.base import Context, Section, blank_prefix, markers, span_of
from readme_lint.formats.bullet import items
from readme_lint.formats.registry import entry_format

START = re.compile(r"\s*(?:\*\*\[\d{1,4}\]\*\*|\[\d{1,4}\](?!\())\s*")
_NUMBER = re.compile(r"\s*(?:\*\*)?\[(?P<n>\d{1,4})\]")


def reference_number(text: str) -> int | None:
    """The reference number a citation entry's first line opens with (``**[8]**``)."""
    match = _NUMBER.match(text) if START.match(text) else None
    return int(match.group("n")) if match else None


_QUOTED_BOLD = re.compile(r"[\"“]\s*\*\*(?P<title>[^*]+?)\*\*")
_QUOTED = re.compile(r"[\"“](?P<title>[^\"”]{8,}?)[\"”]")
_BOLD = re.compile(r"\*\*(?P<title>[^*]+?)\*\*")


def _title(lines: list[Line], start: int) -> tuple[Title | None, int, int]:
    """The title, and (line index, column) where it begins (for the authors before it)."""
    joined = "\n".join(line.text for line in lines)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line.text) + 1)
    for pattern in (_QUOTED_BOLD, _QUOTED, _BOLD):
        match = pattern.search(joined, start)
        if match is None:
            continue
        at = match.start("title")
        k = max(i for i, off in enumerate(offsets) if off <= at)
        line = lines[k]
        col = at - offsets[k]
        text = " ".join(match.group("title").split()).rstrip(".,")
        first_line_end = min(match.end("title") - offsets[k], len(line.text))
        span = Span(line.number, col + 1, first_line_end + 1, text)
        return Title(line.number, col + 1, "", span, ""), k, match.start() - offsets[k]
    return None, 0, 0


_VENUE_YEAR = re.compile(r"(?P<venue>[A-Za-z]+)[\s']*(?:19|20)?\d\d:?")


def _venue_only(text: str) -> bool:
    match = _VENUE_YEAR.fullmatch(text.strip())
    return match is not None and known_venue(match.group("venue"))


def _entry(ctx: Context, heading: Heading | None, lines: list[Line]) -> Entry | None:
    head = lines[0]
    number = START.match(head.text)
    if number is None:
        return None
    title, k, quote_col = _title(lines, number.end())
    if title is None or title.text is None or _venue_only(title.text.text):
        return None  # '[1] **ICLR 2021**:' over a BibTeX block labels it, names no paper
    authors = span_of(head, number.end(), quote_col) if k == 0 else None
    if authors is not None and not any(c.isalpha() for c in authors.text):
        authors = None
    links = tuple(lk for line in lines for lk in ctx.links.get(line.number, ()))
    return Entry(
        CITATION,
        head.number,
        lines[-1].number,
        lines[-1].number,
        heading,
        title,
        authors,
        None,
        links[0].line if links else None,
        links,
        None,
        (),
        None,
        markers(lines, ctx.marker),
    )


def _candidates(section: Section, ctx: Context) -> Iterator[list[Line]]:
    for block, _ in section.nodes:
        if block.kind == "paragraph":
            yield [ctx.line(n) for n in range(block.first_line, block.last_line + 1)]
    for head, numbers in items(ctx, section, None):
        yield [head, *(ctx.line(n) for n in numbers[1:])]


@entry_format(CITATION, priority=2, fields=("title", "link"))
def read(section: Section, ctx: Context) -> list[Entry]:
    out = []
    for lines in _candidates(section, ctx):
        if START.match(lines[0].text):
            entry = _entry(ctx, section.heading, [blank_prefix(line, 0) for line in lines])
            if entry is not None:
                out.append(entry)
    return out
