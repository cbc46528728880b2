"""``paragraph-quoted``: the title line, then the other fields in a blockquote.

    **Torsional Diffusion for Molecular Conformer Generation**
    > *Bowen Jing, Gabriele Corso, Regina Barzilay, Tommi S. Jaakkola* \\
    > ICLR Workshop 2022. [[Paper](https://arxiv.org/abs/2206.01729)] \\
    > 1 Jun 2022
"""

from __future__ import annotations

import itertools

from readme_lint.core import syntax
from readme_lint.core.records import QUOTED, Block, Entry
from readme_lint.formats.base import Context, Section, unquote
from readme_lint.formats.paragraph import read_fields
from readme_lint.formats.registry import entry_format


def _is_title_paragraph(ctx: Context, block: Block) -> bool:
    return block.first_line == block.last_line and bool(
        syntax.TITLE_START.match(ctx.line(block.first_line).text)
    )


def _quote_is_fields(ctx: Context, quote: Block) -> bool:
    """The quote's first line is an authors line or holds the links."""
    first = unquote(ctx.line(quote.first_line)).text.strip()
    return bool(syntax.AUTHORS_START.match(first)) or "](" in first or "[[" in first


# A quoted entry ends in a date, not a summary.
@entry_format(QUOTED, priority=1, fields=("title", "authors", "link"), hard_breaks=True)
def read(section: Section, ctx: Context) -> list[Entry]:
    blocks = [b for b, _ in section.nodes]
    out: list[Entry] = []
    for block, quote in itertools.pairwise(blocks):
        if (
            block.kind == "paragraph"
            and quote.kind == "quote"
            and quote.first_line == block.last_line + 1
            and _is_title_paragraph(ctx, block)
            and _quote_is_fields(ctx, quote)
        ):
            rest = [unquote(ctx.line(n)) for n in range(quote.first_line, quote.last_line + 1)]
            rest = [line for line in rest if line.text.strip()]
            head = ctx.line(block.first_line)
            out.append(read_fields(QUOTED, ctx, section.heading, head, rest, title_breaks=False))
    return out
