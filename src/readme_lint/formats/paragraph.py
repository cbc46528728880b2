"""``paragraph``: one paragraph an entry, fields on lines joined by hard breaks.

    **Denoising Diffusion Probabilistic Models** :zap: \\
    *Jonathan Ho, Ajay Jain, Pieter Abbeel* \\
    NeurIPS 2020. [[Paper](https://arxiv.org/abs/2006.11239)] \\
    The comeback.

Hard breaks may be `` \\``, two trailing spaces or ``<br>`` (mixed too). A line
``[8th Mar., 2022] [MICCAI, 2022]`` is a date/venue line. A paragraph is an entry
only when it is shaped like one: a bold title that ends its line (a hard break, or
an authors line next), or no title but an authors line or list-style links. A bold
lead-in (``**Note:** updated weekly``) or a bold label above a list is prose.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from readme_lint.config import FIELDS
from readme_lint.core import syntax
from readme_lint.core.names import names_line
from readme_lint.core.records import PARAGRAPH, Block, Entry, Heading, Line, Title
from readme_lint.core.syntax import Span
from readme_lint.formats.base import (
    Context,
    Section,
    content_span,
    markers,
    without_trailing_shortcodes,
)
from readme_lint.formats.registry import entry_format

# "[8th Mar., 2022] [MICCAI, 2022]" (the last bracket may be left open: a typo to report).
_BRACKETS_ONLY = re.compile(r"(?:\[[^\[\]()]*(?:\]|$)\s*)+")
_BR_ONLY = re.compile(syntax.BR_TAG, re.IGNORECASE)
_LINKED_TITLE = re.compile(r"\[(?P<label>[^\[\]]+)\]\([^()\s]*\)")


class _Fields:
    """Mutable scratch state while one entry's lines are classified."""

    __slots__ = ("authors", "date", "last_links", "links_line", "structural", "summary", "venue")

    def __init__(self) -> None:
        self.authors: Span | None = None
        self.venue: Span | None = None
        self.links_line: int | None = None
        self.date: Span | None = None
        self.summary: list[Span] = []
        self.structural: list[int] = []
        self.last_links: int | None = None  # the latest line of links


def parse_title(line: Line) -> Title | None:
    match = syntax.TITLE.match(line.text.lstrip()) if line.text.startswith(" ") else None
    shift = len(line.text) - len(line.text.lstrip()) if match else 0
    match = match or syntax.TITLE.match(line.text)
    if match is None:
        return None
    opening = match.group("open")
    if match.group("close") is None:
        return Title(line.number, shift + match.start("open") + 1, opening, None, "")
    text = match.group("title")
    col = shift + match.start("title") + 1
    linked = _LINKED_TITLE.fullmatch(text)
    if linked is not None:  # '**[Title](u)**': the title is the link's text
        col, text = col + linked.start("label"), linked.group("label")
    return Title(
        line.number,
        shift + match.start("open") + 1,
        opening,
        Span(line.number, col, col + len(text), text),
        match.group("close"),
    )


def _labelled_title(title: Title | None, rest: Sequence[Line]) -> Title | None:
    """The bold title on the line under a bold label of three words or fewer."""
    if title is None or title.text is None or len(title.text.text.split()) > 3 or not rest:
        return None
    if not syntax.TITLE_START.match(rest[0].text):
        return None
    below = parse_title(rest[0])
    if below is None or below.text is None or len(below.text.text.split()) < 3:
        return None
    return below


def _classify(fields: _Fields, line: Line, ctx: Context, index: int) -> None:
    content = content_span(line)
    text = content.text
    if fields.summary:
        fields.summary.append(content)
        return
    links = ctx.links_on(line.number)
    before_links = fields.links_line is None and fields.date is None
    if index == 1 and (syntax.AUTHORS_LINE.match(text) or names_line(text)):
        # Right after the title; its names may be links (homepages) too.
        fields.authors = without_trailing_shortcodes(content)
    elif links or syntax.LINKISH.search(text):
        if fields.last_links is not None and fields.structural[-1:] == [fields.last_links]:
            # Links on the line after links are the same field, wrapped: no break needed.
            fields.structural.pop()
        fields.last_links = line.number
        if fields.links_line is None:
            fields.links_line = line.number
            first = links[0].col if links else text.find("[") + content.col
            venue = line.text[content.col - 1 : first - 1].strip()
            if venue:
                vcol = line.text.index(venue, content.col - 1) + 1
                fields.venue = Span(line.number, vcol, vcol + len(venue), venue)
    elif syntax.DATE.match(text):
        fields.date = content
    elif before_links and _BRACKETS_ONLY.fullmatch(text):
        fields.date = content  # "[8th Mar., 2022] [MICCAI, 2022]": the date and venue line
    elif (
        before_links
        and fields.venue is None
        and syntax.VENUE_ONLY.match(text)
        and syntax.ends_with_hard_break(line.text)
    ):
        fields.venue = content
    elif text:
        fields.summary.append(content)
        return
    fields.structural.append(line.number)


def read_fields(
    fmt: str,
    ctx: Context,
    section: Heading | None,
    head: Line,
    rest: Sequence[Line],
    *,
    end_line: int | None = None,
    gap: tuple[int, int] | None = None,
    title_breaks: bool = True,
) -> Entry:
    """An entry from its first line and the (logical) lines after it.

    ``title_breaks``: whether the first line's end separates it from the next field
    (not so when the rest is a blockquote, a block of its own).
    """
    title = parse_title(head) if syntax.TITLE_START.match(head.text) else None
    all_lines = [head, *rest]
    labelled = _labelled_title(title, rest)
    label_line: list[int] = []
    if labelled is not None:
        # '**STS12**:\' over '**SemEval-2012 Task 6: A Pilot on …** \': a bold label,
        # then the paper's bold title; the fields start under the title.
        label_line, title, rest = [head.number], labelled, rest[1:]
    fields = _Fields()
    # A line that is only a break ('Title' / '<br />' / 'Authors') is no field.
    named = [line for line in rest if not _BR_ONLY.fullmatch(line.text.strip())]
    for index, line in enumerate(named, start=1):
        _classify(fields, line, ctx, index)
    last = all_lines[-1].number if gap is None else gap[0] - 1
    ends = [head.number] if title_breaks else []
    ends += [title.line] if label_line and title is not None else []
    ends += fields.structural
    by_number = {line.number: line for line in all_lines}
    field_ends = tuple(
        n
        for n in dict.fromkeys(ends)
        if n < all_lines[-1].number and not syntax.unclosed(by_number[n].text)
    )
    entry_links = tuple(lk for line in all_lines for lk in ctx.links.get(line.number, ()))
    return Entry(
        fmt,
        head.number,
        last,
        end_line if end_line is not None else last,
        section,
        title,
        fields.authors,
        fields.venue,
        fields.links_line,
        entry_links,
        fields.date,
        tuple(fields.summary),
        gap,
        markers(all_lines, ctx.marker),
        field_ends,
    )


_LINK_OR_CODE = re.compile(r"!?\[[^\]]*\]\([^)]*\)|:[a-z0-9_+\-]+:|`[^`]*`")


def _lead_in(head: str) -> bool:
    """A bold lead-in of prose (``**Note:** this list is updated weekly``), not a title."""
    match = syntax.TITLE.match(head)
    if match is None or match.group("close") is None:
        return False  # never closed: a broken title, still a title
    if re.sub(r":[a-z0-9_+\-]+:", "", match.group("title")).rstrip().endswith(":"):
        return True
    rest = _LINK_OR_CODE.sub(" ", syntax.strip_hard_break(head[match.end() :]))
    return len(re.findall(r"[^\W\d_]{2,}", rest)) >= 4


def _breaks_below(ctx: Context, block: Block) -> bool:
    """Three lines or more, a link among them and hard breaks ending the lines under the
    title: an entry whose title line lost its break (missing-hard-break reports it)."""
    numbers = range(block.first_line + 1, block.last_line)
    return (
        block.last_line - block.first_line >= 2
        and any(syntax.ends_with_hard_break(ctx.line(n).text) for n in numbers)
        and any(ctx.links_on(n) for n in range(block.first_line, block.last_line + 1))
    )


def is_entry(ctx: Context, block: Block) -> bool:
    """A paragraph shaped like an entry (see the module doc)."""
    first = ctx.line(block.first_line).text
    count = block.last_line - block.first_line + 1
    if count < 2:
        return False
    second = ctx.line(block.first_line + 1).text.strip()
    if syntax.TITLE_START.match(first):
        if _lead_in(first):
            return False
        # A backslash with a space after it still says "break here" (RL202 repairs it).
        meant_break = syntax.ends_with_backslash_break(first.rstrip())
        return (
            syntax.ends_with_hard_break(first)
            or meant_break
            or bool(syntax.AUTHORS_START.match(second))
            or _breaks_below(ctx, block)
        )
    if count < 3 or not syntax.ends_with_hard_break(first):
        return False
    # No bold title, but an authors line or list-style links follow.
    return bool(syntax.AUTHORS_START.match(second)) or any(
        "[[" in ctx.line(block.first_line + k).text for k in range(1, min(4, count))
    )


def _build(ctx: Context, section: Heading | None, block: Block, rest_block: Block | None) -> Entry:
    head = ctx.line(block.first_line)
    numbers = list(range(block.first_line + 1, block.last_line + 1))
    if rest_block is None:
        return read_fields(PARAGRAPH, ctx, section, head, [ctx.line(n) for n in numbers])
    numbers += range(rest_block.first_line, rest_block.last_line + 1)
    gap = (block.last_line + 1, rest_block.first_line - 1)
    return read_fields(
        PARAGRAPH,
        ctx,
        section,
        head,
        [ctx.line(n) for n in numbers],
        end_line=rest_block.last_line,
        gap=gap,
    )


def _splits(
    ctx: Context, entry: Entry, block: Block, nxt: Block | None, nxt_is_entry: bool
) -> bool:
    """Whether the next paragraph is this entry's rest, cut off by a blank line."""
    return (
        nxt is not None
        and not entry.summary
        and nxt.kind == "paragraph"
        and not nxt_is_entry
        and syntax.ends_with_backslash_break(ctx.line(block.last_line).text)
    )


def _run_on(ctx: Context, block: Block) -> int | None:
    """The line where a second entry starts inside an entry's paragraph: a title line,
    shaped as an entry's first line, after a complete entry (its links line reached)
    whose last line before it has no hard break, or a summary."""
    seen_links = False
    for number in range(block.first_line + 1, block.last_line - 1):
        text = ctx.line(number).text
        seen_links = seen_links or bool(ctx.links_on(number))
        if not seen_links or not syntax.TITLE_START.match(text) or _lead_in(text):
            continue
        title = parse_title(ctx.line(number))
        if title is None or title.text is None:
            continue
        rest = Block("paragraph", number, block.last_line)
        if is_entry(ctx, rest):
            return number
    return None


def _blocks_of(ctx: Context, block: Block) -> list[Block]:
    """The block, or its pieces when entries run into each other without a blank line."""
    out = []
    while (start := _run_on(ctx, block)) is not None:
        out.append(block._replace(last_line=start - 1))
        block = block._replace(first_line=start)
    return [*out, block]


@entry_format(PARAGRAPH, priority=0, fields=FIELDS, hard_breaks=True)
def read(section: Section, ctx: Context) -> list[Entry]:
    blocks = [b for b, _ in section.nodes]
    flags = [b.kind == "paragraph" and is_entry(ctx, b) for b in blocks]
    out: list[Entry] = []
    for i, block in enumerate(blocks):
        if not flags[i]:
            continue
        pieces = _blocks_of(ctx, block)
        for piece in pieces[:-1]:
            entry = _build(ctx, section.heading, piece, None)
            out.append(entry._replace(run_on=piece.first_line != block.first_line))
        last = pieces[-1]
        entry = _build(ctx, section.heading, last, None)
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if _splits(ctx, entry, last, nxt, i + 1 < len(flags) and flags[i + 1]):
            assert nxt is not None
            entry = _build(ctx, section.heading, last, nxt)
        out.append(entry._replace(run_on=last.first_line != block.first_line))
    return out
