"""RL2xx: malformed lines (asterisks, hard breaks, whitespace, link markup)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from readme_lint.core import syntax
from readme_lint.core.conventions import Habits, touching
from readme_lint.core.diagnostics import Edit, Fix, Render, Violation
from readme_lint.core.model import Document, Entry, Line, Title
from readme_lint.core.records import QUOTED, TABLE
from readme_lint.core.syntax import Link
from readme_lint.formats import format_names, hard_break_formats
from readme_lint.formats.base import unquote
from readme_lint.rules.registry import LintContext, entries_for, rule


def _replace(
    line: Line, start: int, end: int, text: str, title: str, render: Render = Render.NONE
) -> Fix:
    """A one-edit fix on a line; ``start``/``end`` are 0-based columns; ``render`` is what it
    changes in the rendered page."""
    return Fix(title, (Edit(line.start + start, line.start + end, text),), render=render)


def _closes_at_word_end(doc: Document, title: Title) -> bool:
    """The title's closing run ends a word: a run inside a word (``K**ingma``) is not where
    a bold title ends, and the line is not read as one."""
    assert title.text is not None
    after = title.text.end_col - 1 + len(title.closing)
    text = doc.line(title.line).text
    return after >= len(text) or not text[after].isalnum()


def _title_fix(doc: Document, entry: Entry) -> Fix | None:
    title = entry.title
    if title is None or title.text is None:
        return None
    line = doc.line(title.line)
    open_at = title.open_col - 1
    close_at = title.text.end_col - 1
    edits = (
        Edit(line.start + open_at, line.start + open_at + len(title.opening), "**"),
        Edit(line.start + close_at, line.start + close_at + len(title.closing), "**"),
    )
    return Fix("balance the title's asterisks", edits, render=Render.EMPHASIS)


_AFTER_AUTHORS = re.compile(
    r"(?:\s|<!--.*?-->|<(sup|sub|small)>[^<*]*</\1>|<[^>*]*>|:[\w+-]+:|[\u2600-\u27bf\U0001f000-\U0001faff])+$",
    re.IGNORECASE,
)


def _closed_below(doc: Document, entry: Entry, number: int, marks: int) -> bool:
    """The authors line ends in a comma and the entry's next line closes its emphasis."""
    if not doc.line(number).text.rstrip().endswith(",") or number + 1 not in entry.lines:
        return False
    below = _AFTER_AUTHORS.sub("", syntax.strip_hard_break(doc.line(number + 1).text)).rstrip()
    return below.endswith("*" * marks) and below.count("*") == marks


def _authors_problem(doc: Document, entry: Entry) -> tuple[int, str, Fix | None] | None:
    authors = entry.authors
    if authors is None or not authors.text.startswith("*"):
        return None
    # What may follow the closing '*' on a correct line: line breaks, a footnote mark, a
    # comment, an emoji. The asterisks are counted before it.
    text = _AFTER_AUTHORS.sub("", authors.text)
    lead = len(text) - len(text.lstrip("*"))
    trail = len(text) - len(text.rstrip("*"))
    if lead == trail or text.count("*") != lead + trail:
        return None  # balanced, or asterisks inside too: which ones are stray is unclear
    line = doc.line(authors.line)
    begin = authors.col - 1
    end = authors.end_col - 1 - (len(authors.text) - len(text))
    if text.count("*") == lead and _closed_below(doc, entry, authors.line, lead):
        return None  # '*Ann Lee, Bo Chen,' / 'Cy Dee.*': the names wrap, the line below closes
    if text.count("*") == lead:  # opened, never closed
        fix = _replace(line, end, end, "*" * lead, "close the authors' emphasis", Render.EMPHASIS)
        return begin, "authors line opens with '*' but never closes it", fix
    want = min(lead, trail)
    edits = (
        Edit(line.start + begin, line.start + begin + lead, "*" * want),
        Edit(line.start + end - trail, line.start + end, "*" * want),
    )
    message = f"unbalanced asterisks around the authors ({lead} opening, {trail} closing)"
    return begin, message, Fix("balance the authors' asterisks", edits, render=Render.EMPHASIS)


@rule(
    "RL201",
    "stray-asterisk",
    "Unbalanced '*' around a title or authors.",
    fixable=True,
    applicability="sometimes",
    formats=hard_break_formats(),
)
def stray_asterisk(ctx: LintContext) -> Iterator[Violation]:
    """
    ## What it does
    Finds titles and authors lines whose opening and closing asterisks do not
    match: `***Title**`, `**Title***`, `*Title**`, `**Title` never closed,
    `*Authors**` or `*Authors` never closed.

    ## Why is this bad?
    GitHub shows the extra asterisk as text, or renders the rest of the line in
    the wrong style.

    ## Example
    ```markdown
    ***Null-text Inversion for Editing Real Images using Guided Diffusion Models** :zap: \\
    *Ron Mokady, Amir Hertz, Kfir Aberman, Yael Pritch, Daniel Cohen-Or* \\
    CVPR 2023. [[Paper](https://arxiv.org/abs/2211.09794)] \\
    Inverts a real image by optimizing the null-text embedding.
    ```

    ## Use instead
    ```markdown
    **Null-text Inversion for Editing Real Images using Guided Diffusion Models** :zap: \\
    *Ron Mokady, Amir Hertz, Kfir Aberman, Yael Pritch, Daniel Cohen-Or* \\
    CVPR 2023. [[Paper](https://arxiv.org/abs/2211.09794)] \\
    Inverts a real image by optimizing the null-text embedding.
    ```

    ## Fix
    Sets both runs to `**` (title) or to the shorter run (authors); closes an
    authors line that was never closed. A title that is never closed is reported
    only: where it should end is unknown.
    """
    doc = ctx.doc
    for entry in entries_for(doc, "RL201"):
        title = entry.title
        if title is not None:
            if title.text is None:
                yield Violation(title.line, title.open_col, _unclosed_title(doc, title.line))
            elif (
                (title.opening, title.closing) != ("**", "**")
                and len(title.opening) != len(title.closing)
                and _closes_at_word_end(doc, title)
            ):
                yield Violation(
                    title.line,
                    title.open_col,
                    f"unbalanced asterisks around the title ({len(title.opening)} opening, "
                    f"{len(title.closing)} closing)",
                    _title_fix(doc, entry),
                )
        problem = _authors_problem(doc, entry)
        if problem is not None:
            col, message, fix = problem
            assert entry.authors is not None
            yield Violation(entry.authors.line, col + 1, message, fix)


def _prose_lines(doc: Document) -> Iterator[Line]:
    """Lines of paragraphs, lists and quotes, outside code."""
    for block in doc.blocks:
        if block.kind not in ("paragraph", "list", "quote"):
            continue
        for number in range(block.first_line, block.last_line + 1):
            if number not in doc.code_lines:
                yield doc.line(number)


@rule("RL202", "backslash-trailing-space", "Whitespace after a hard-break backslash.", fixable=True)
def backslash_trailing_space(ctx: LintContext) -> Iterator[Violation]:
    """
    ## What it does
    Finds a hard-break backslash followed by spaces or tabs at the end of a line.

    ## Why is this bad?
    A backslash is a hard break only as the very last character. With a space
    after it, GitHub shows a literal `\\` and the next line runs into this one.

    ## Example
    ```markdown
    **An Edit Friendly DDPM Noise Space** \\\x20
    *Inbar Huberman-Spiegelglas, Vladimir Kulikov, Tomer Michaeli* \\
    CVPR 2024. [[Paper](https://arxiv.org/abs/2304.06140)] \\
    Inverts a real image into noise maps that are easy to edit.
    ```
    (The title line ends in a space after its backslash.)

    ## Use instead
    ```markdown
    **An Edit Friendly DDPM Noise Space** \\
    *Inbar Huberman-Spiegelglas, Vladimir Kulikov, Tomer Michaeli* \\
    CVPR 2024. [[Paper](https://arxiv.org/abs/2304.06140)] \\
    Inverts a real image into noise maps that are easy to edit.
    ```

    ## Fix
    Deletes the whitespace after the backslash.
    """
    doc = ctx.doc
    for line in _prose_lines(doc):
        col = syntax.backslash_then_space(line.text)
        if col is not None:
            yield Violation(
                line.number,
                col + 1,
                "whitespace after the hard-break backslash: GitHub shows '\\' and drops the break",
                _replace(
                    line,
                    col + 1,
                    len(line.text),
                    "",
                    "delete the whitespace after '\\'",
                    Render.BREAK,
                ),
            )


_GLUED_URL = re.compile(r"(?:https?://|www\.)\S*\\[ \t]*$")


def _dangling(doc: Document) -> Iterator[Line]:
    split_lines = {e.last_line for e in doc.entries if e.split_gap is not None}
    for block in doc.blocks:
        if block.kind != "paragraph" or block.last_line in split_lines:
            continue
        line = doc.line(block.last_line)
        if syntax.ends_with_backslash_break(line.text):
            yield line


@rule(
    "RL203", "dangling-backslash", "Hard-break backslash on a paragraph's last line.", fixable=True
)
def dangling_backslash(ctx: LintContext) -> Iterator[Violation]:
    """
    ## What it does
    Finds a hard-break backslash on the last line of a paragraph, where there is
    no next line to break to.

    ## Why is this bad?
    GitHub renders it as a literal backslash at the end of the entry.

    ## Example
    ```markdown
    **Denoising Diffusion Probabilistic Models** \\
    *Jonathan Ho, Ajay Jain, Pieter Abbeel* \\
    NeurIPS 2020. [[Paper](https://arxiv.org/abs/2006.11239)] \\
    The comeback. \\
    ```

    ## Use instead
    ```markdown
    **Denoising Diffusion Probabilistic Models** \\
    *Jonathan Ho, Ajay Jain, Pieter Abbeel* \\
    NeurIPS 2020. [[Paper](https://arxiv.org/abs/2006.11239)] \\
    The comeback.
    ```

    ## Fix
    Deletes the backslash and the spaces before it. (When the next paragraph is
    the entry's own summary, `entry-split` reports it instead.)
    """
    doc = ctx.doc
    for line in _dangling(doc):
        keep = len(syntax.strip_hard_break(line.text))
        # Glued to a bare URL, GitHub links the backslash too: deleting it mends the href.
        glued = Render.HREF if _GLUED_URL.search(line.text) else Render.NONE
        yield Violation(
            line.number,
            len(line.text),
            "hard-break backslash at the end of a paragraph is shown literally",
            _replace(
                line,
                keep,
                len(line.text),
                "",
                "delete the dangling backslash",
                Render.BREAK | glued,
            ),
        )


def _break_style(doc: Document, entry: Entry) -> str:
    """How this entry writes its hard breaks: `` \\`` unless it uses ``<br>``."""
    for number in entry.field_ends:
        text = doc.line(number).text
        br = syntax.br_break(text)
        if br is not None:
            tag = text[br:].rstrip()
            return tag if text[:br].endswith(" ") else " " + tag
    return " \\"


@rule(
    "RL204",
    "missing-hard-break",
    "Title, authors or venue line without a hard break.",
    fixable=True,
    formats=hard_break_formats(),
)
def missing_hard_break(ctx: LintContext) -> Iterator[Violation]:
    """
    ## What it does
    Finds a title, authors, venue/links or date line of an entry that does not
    end in a hard break (` \\`, two spaces or `<br>`) although another line of
    the entry follows. A line that ends inside a link, a URL or emphasis is a
    soft wrap, not the end of a field, and is left alone.

    ## Why is this bad?
    Without the break, GitHub joins the lines: the authors run into the title.

    ## Example
    ```markdown
    **Denoising Diffusion Probabilistic Models**
    *Jonathan Ho, Ajay Jain, Pieter Abbeel* \\
    NeurIPS 2020. [[Paper](https://arxiv.org/abs/2006.11239)] \\
    The comeback.
    ```

    ## Use instead
    ```markdown
    **Denoising Diffusion Probabilistic Models** \\
    *Jonathan Ho, Ajay Jain, Pieter Abbeel* \\
    NeurIPS 2020. [[Paper](https://arxiv.org/abs/2006.11239)] \\
    The comeback.
    ```

    ## Fix
    Appends the entry's own break (` \\`, or `<br>` where the entry uses it),
    replacing any trailing whitespace.
    """
    doc = ctx.doc
    for entry in entries_for(doc, "RL204"):
        for number in entry.field_ends:
            line = doc.line(number)
            text = line.text
            if syntax.ends_with_hard_break(text) or syntax.backslash_then_space(text) is not None:
                continue
            if _continued(doc, number):
                continue
            keep = len(text.rstrip())
            yield Violation(
                number,
                keep + 1,
                "line does not end in a hard break, so the next line runs into it",
                _replace(
                    line,
                    keep,
                    len(text),
                    _break_style(doc, entry),
                    "add a hard break",
                    Render.BREAK,
                ),
            )


_LEADING_BR = re.compile(r"\s*" + syntax.BR_TAG, re.IGNORECASE)


def _continued(doc: Document, number: int) -> bool:
    """The field goes on, or breaks, on the next line: a line ending in a comma (names
    wrapped over two lines), or a next line that opens with a ``<br>`` (the break is
    there: 'Title' / '<br />' / 'Authors')."""
    if doc.line(number).text.rstrip().endswith(","):
        return True
    return number < len(doc.lines) and _LEADING_BR.match(doc.line(number + 1).text) is not None


def _entry_lines(doc: Document, code: str) -> Iterator[tuple[Entry, Line]]:
    for entry in entries_for(doc, code):
        for number in entry.text_lines:
            if number not in doc.code_lines:
                yield entry, doc.line(number)


@rule(
    "RL205",
    "backslash-spacing",
    "No space before the hard-break backslash.",
    fixable=True,
    formats=hard_break_formats(),
)
def backslash_spacing(ctx: LintContext) -> Iterator[Violation]:
    """
    ## What it does
    Finds entry lines whose hard-break backslash is glued to the text before it
    (`:zap:\\`, `)]\\`).

    ## Why is this bad?
    It renders, but it breaks the list's one style (` \\`), makes diffs noisy and
    hides the break from anyone reading the source.

    ## Example
    ```markdown
    **Improved Denoising Diffusion Probabilistic Models** :zap:\\
    *Alex Nichol, Prafulla Dhariwal* \\
    ICML 2021. [[Paper](https://arxiv.org/abs/2102.09672)] \\
    Learns the reverse-process variances; cosine noise schedule.
    ```

    ## Use instead
    ```markdown
    **Improved Denoising Diffusion Probabilistic Models** :zap: \\
    *Alex Nichol, Prafulla Dhariwal* \\
    ICML 2021. [[Paper](https://arxiv.org/abs/2102.09672)] \\
    Learns the reverse-process variances; cosine noise schedule.
    ```

    A list whose breaks are mostly written glued (`text\\`) has that style: the
    rule is silent there.

    ## Fix
    Inserts a space before the backslash.
    """
    doc = ctx.doc
    if not ctx.habits.spaced_breaks:
        return
    for entry, line in _entry_lines(doc, "RL205"):
        text = line.text
        if line.number == entry.last_line or not syntax.ends_with_backslash_break(text):
            continue
        if len(text) >= 2 and not text[-2].isspace():
            at = len(text) - 1
            yield Violation(
                line.number,
                at + 1,
                "no space before the hard-break backslash",
                _replace(line, at, at, " ", "insert a space before '\\'"),
            )


def _unclosed_title(doc: Document, number: int) -> str:
    """What is wrong with a title whose bold does not close on its line: it closes on the
    next one (a line break inside the title), or nowhere."""
    block = doc.block_at(number)
    split = (
        block is not None
        and number < block.last_line
        and re.match(r"[^*]{0,40}\*\*", doc.line(number + 1).text) is not None
    )
    if split:
        return "title's bold closes on the next line: the title is split across two lines"
    return "title's bold is never closed"


def _is_hard_break(doc: Document, line: Line) -> bool:
    """Two or more trailing spaces that GitHub renders as a line break."""
    if not line.text.endswith("  ") or not line.text.strip():
        return False
    block = doc.block_at(line.number)
    return (
        block is not None
        and block.kind in ("paragraph", "list", "quote")
        and line.number < block.last_line
        and bool(doc.line(line.number + 1).text.strip())
    )


@rule("RL206", "trailing-whitespace", "Trailing whitespace that is not a hard break.", fixable=True)
def trailing_whitespace(ctx: LintContext) -> Iterator[Violation]:
    """
    ## What it does
    Finds spaces or tabs at the end of a line, outside code blocks, unless they
    are a two-space hard break inside a paragraph.

    ## Why is this bad?
    Invisible characters make noisy diffs, and a single trailing space is easily
    mistaken for a missing (or half-written) hard break.

    ## Example
    ```markdown
    **Denoising Diffusion Probabilistic Models** \\
    *Jonathan Ho, Ajay Jain, Pieter Abbeel* \\
    NeurIPS 2020. [[Paper](https://arxiv.org/abs/2006.11239)] \\
    The comeback. Proposed a method of sampling x_t directly from x_0.\x20
    ```
    (The summary line ends in a space.)

    ## Use instead
    ```markdown
    **Denoising Diffusion Probabilistic Models** \\
    *Jonathan Ho, Ajay Jain, Pieter Abbeel* \\
    NeurIPS 2020. [[Paper](https://arxiv.org/abs/2006.11239)] \\
    The comeback. Proposed a method of sampling x_t directly from x_0.
    ```

    ## Fix
    Deletes the trailing whitespace.
    """
    doc = ctx.doc
    quoted_titles = {e.first_line for e in doc.entries if e.format == QUOTED}
    for line in doc.lines:
        text = line.text
        if not text or not text[-1].isspace() or line.number in doc.code_lines:
            continue
        if line.number in quoted_titles and text.endswith("  "):
            continue  # a break before the entry's blockquote: meant as one, renders the same
        if syntax.backslash_then_space(text) is not None:
            continue  # backslash-trailing-space reports it
        keep = len(text.rstrip())
        if text.endswith("  ") and keep and _is_hard_break(doc, line):
            continue
        trailing = text[keep:]
        what = f"{len(trailing)} trailing space{'s' * (len(trailing) != 1)}"
        yield Violation(
            line.number,
            keep + 1,
            what if trailing.strip(" ") == "" else "trailing whitespace (tabs included)",
            _replace(line, keep, len(text), "", "delete trailing whitespace"),
        )


_RUN = re.compile(r"(?<=\S) {2,}(?=\S)")
_MARKERS = re.compile(r"[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)+")
_MATH = re.compile(r"\$[^$]+\$")


@rule(
    "RL207",
    "multiple-spaces",
    "Two or more spaces in a row inside an entry line.",
    fixable=True,
    formats=tuple(f for f in format_names() if f != TABLE),  # table cells align with spaces
)
def multiple_spaces(ctx: LintContext) -> Iterator[Violation]:
    """
    ## What it does
    Finds runs of two or more spaces between words of an entry line, outside
    code spans, math and URLs. The spaces after a list marker (`8.   **Title**`)
    are not a run: they set the item's content column, which decides what lines
    belong to the item.

    ## Why is this bad?
    They render as one space, so they are invisible noise that makes entries
    inconsistent and diffs harder to read.

    ## Example
    ```markdown
    **Denoising Diffusion Probabilistic Models** \\
    *Jonathan Ho, Ajay Jain, Pieter Abbeel* \\
    NeurIPS 2020. [[Paper](https://arxiv.org/abs/2006.11239)]  [[Code](https://github.com/hojonathanho/diffusion)] \\
    The comeback.
    ```

    ## Use instead
    ```markdown
    **Denoising Diffusion Probabilistic Models** \\
    *Jonathan Ho, Ajay Jain, Pieter Abbeel* \\
    NeurIPS 2020. [[Paper](https://arxiv.org/abs/2006.11239)] [[Code](https://github.com/hojonathanho/diffusion)] \\
    The comeback.
    ```

    ## Fix
    Replaces the run with one space.
    """
    doc = ctx.doc
    for _, line in _entry_lines(doc, "RL207"):
        text = unquote(line).text
        if "  " not in text.strip():
            continue
        masked = syntax.mask_code_spans(text)
        if "$" in masked:
            masked = _MATH.sub(lambda m: "\x00" * len(m.group()), masked)
        # A list marker's padding sets the item's content column: it is not a run of spaces.
        marker = _MARKERS.match(masked)
        if marker:
            masked = "\x00" * marker.end() + masked[marker.end() :]
        for match in _RUN.finditer(masked):
            yield Violation(
                line.number,
                match.start() + 1,
                f"{len(match.group())} spaces in a row",
                _replace(line, match.start(), match.end(), " ", "collapse to one space"),
            )


# A label, a space, then a parenthesised URL: "[[Code] (u)]", "[[pdf]] (u)", "[paper] (u)".
_SPACED = re.compile(
    r"(?:\[\[[^\[\]\n]*\]\]?|(?<!\[)\[[^\[\]\n]+\])(?P<gap>[ \t]+)\(\s*(?:https?:|#|\.|/)"
)


@rule(
    "RL208",
    "link-syntax",
    "Link markup that does not render, or links run together.",
    fixable=True,
    applicability="sometimes",
    formats=format_names(),
)
def link_syntax(ctx: LintContext) -> Iterator[Violation]:
    """
    ## What it does
    Finds links written so they do not render or run together:
    `[[Code] (https://...)]` or `[paper] (https://...)` (a space before the URL),
    `[paper](u)[code](v)` (no space between links: the labels run into each other),
    `[[Page](u)][[Paper](v)]` or `[[pdf]](u)[[code]](v)` where the list puts a
    space between such links (where it glues them, as its style, they are left
    alone: brackets show between them; so are badges side by side), `[[Paper](u)` (no closing `]`), `[Paper](u)]`
    (no opening `[`), `[[[pdf]](u)` (one `[` too many where the link's text is
    bracketed), a URL broken across two lines, a `[` never closed on an
    entry line, and a space inside a link's brackets (`[Neural Radiance Fields ](u)`).

    ## Why is this bad?
    The first renders as plain text with the URL showing; the others leave stray
    brackets or glue the labels together.

    ## Example
    ```markdown
    **An Image is Worth One Word: Personalizing Text-to-Image Generation using Textual Inversion** \\
    *Rinon Gal, Yuval Alaluf, Yuval Atzmon, Or Patashnik, Amit H. Bermano, Gal Chechik, Daniel Cohen-Or* \\
    ICLR 2023. [[Paper](https://arxiv.org/abs/2208.01618)][[Code] (https://github.com/rinongal/textual_inversion)] \\
    Learns a new word embedding for a concept from 3-5 images.
    ```

    ## Use instead
    ```markdown
    **An Image is Worth One Word: Personalizing Text-to-Image Generation using Textual Inversion** \\
    *Rinon Gal, Yuval Alaluf, Yuval Atzmon, Or Patashnik, Amit H. Bermano, Gal Chechik, Daniel Cohen-Or* \\
    ICLR 2023. [[Paper](https://arxiv.org/abs/2208.01618)] [[Code](https://github.com/rinongal/textual_inversion)] \\
    Learns a new word embedding for a concept from 3-5 images.
    ```

    ## Fix
    Inserts a space between links, adds a missing bracket and removes a space inside
    a link's brackets. A space before `(`
    and a URL broken across lines are reported, not fixed: mending them turns the
    address the page shows into a link, so its words go from the page (the
    maintainer's call). A `)` too many after a link is reported too.
    """
    doc = ctx.doc
    for entry, line in _entry_lines(doc, "RL208"):
        masked = syntax.mask_code_spans(line.text)
        split = _split_url(doc, entry, line, masked)
        brackets = list(_bracket_problems(ctx.habits, entry, line, masked))
        if split is not None:
            yield split
        elif not brackets and _unclosed_bracket(doc, entry, line, masked):
            col = masked.rfind("[") + 1
            yield Violation(line.number, col, "'[' is never closed on this line")
        for match in _SPACED.finditer(masked):
            yield Violation(
                line.number,
                match.start() + 1,
                "space between ']' and '(' stops this from being a link",
                # No fix: the link would replace the address the page shows (a reader
                # loses the words), which is the maintainer's call.
            )
        yield from brackets
        yield from _padded_labels(entry, line)


def _padded_labels(entry: Entry, line: Line) -> Iterator[Violation]:
    """``[Neural Radiance Fields ](u)``: a space inside the link's brackets, underlined."""
    for link in entry.links:
        if link.line != line.number or link.image or line.text[link.col - 1 : link.col] == "<":
            continue  # an HTML anchor has no brackets (and its spaces show as one)
        start, end = link.label.col - 1, link.label.end_col - 1
        raw = line.text[start:end]
        if not raw.strip() or raw == raw.strip():
            continue
        lead, trail = len(raw) - len(raw.lstrip()), len(raw) - len(raw.rstrip())
        where = (
            "after '['"
            if lead and not trail
            else "before ']'"
            if trail and not lead
            else "around the text"
        )
        edits = tuple(
            Edit(line.start + a, line.start + b, "")
            for a, b in ((start, start + lead), (end - trail, end))
            if b > a
        )
        yield Violation(
            line.number,
            link.label.col,
            f"space {where} in the link's text",
            Fix("remove the space inside the link's brackets", edits, render=Render.LABEL),
        )


_URL_CUT = re.compile(r"\]\(\s*(?P<url>https?://[^\s()]*)$")
_URL_REST = re.compile(r"[^\s()\[\]]+\)")


def _split_url(doc: Document, entry: Entry, line: Line, masked: str) -> Violation | None:
    """A link whose URL is cut by a line break: ``[[Code](https://`` / ``github.com/x)]``."""
    match = _URL_CUT.search(masked.rstrip())
    if match is None or line.number + 1 not in entry.lines:
        return None
    nxt = unquote(doc.line(line.number + 1))
    lead = len(nxt.text) - len(nxt.text.lstrip())
    if not _URL_REST.match(nxt.text, lead):
        return None
    return Violation(
        line.number,
        match.start("url") + 1,
        "the link's URL is broken across two lines, so it does not render as a link",
        # No fix: joining turns the address the page shows into a link (the shown words
        # go), which is the maintainer's call.
    )


def _unclosed_bracket(doc: Document, entry: Entry, line: Line, masked: str) -> bool:
    """An entry field line (not the summary) with a '[' it never closes (a link whose
    text wraps onto the entry's next line closes it there)."""
    if any(span.line == line.number for span in entry.summary):
        return False
    if masked.count("[") <= masked.count("]") or syntax.unclosed_link_url(masked):
        return False
    if line.number + 1 in entry.lines:
        nxt = syntax.mask_code_spans(doc.line(line.number + 1).text)
        close = _closing_bracket(nxt, 0, depth=1)
        if close is not None and nxt[close + 1 : close + 2] == "(":
            return False  # '[Title of a\n  paper](u)': valid, a link over two lines
    return True


def _closing_bracket(text: str, start: int, depth: int = 0) -> int | None:
    """Where the brackets open at ``depth`` before ``start`` close, scanning on."""
    for i in range(start, len(text)):
        if text[i] == "[":
            depth += 1
        elif text[i] == "]":
            depth -= 1
            if depth == 0:
                return i
    return None


def _group_opened(masked: str, end: int, links: list[Link]) -> bool:
    """The ']' at ``end`` closes a group opened right before another link of the line
    ('[[A](x) and [B](y)]'), not a broken link ('[[Project]([u](v)]')."""
    start = _opening_bracket(masked, end)
    return start is not None and any(lk.col == start + 2 for lk in links)


def _opening_bracket(text: str, end: int) -> int | None:
    """Where the ']' at ``end`` was opened, scanning back."""
    depth = 0
    for i in range(end, -1, -1):
        if text[i] == "]":
            depth += 1
        elif text[i] == "[":
            depth -= 1
            if depth == 0:
                return i
    return None


def _label_in_brackets(link: Link) -> bool:
    """A link whose text is bracketed (``[[pdf]](u)`` shows '[pdf]'), a list's style."""
    text = link.label.text.strip()
    return text.startswith("[") and text.endswith("]")


def _badge(link: Link, nxt: Link) -> bool:
    """Image links (badges) side by side: meant to touch."""
    return link.label.text.startswith("![") or nxt.label.text.startswith("![")


def _bracket_problems(habits: Habits, entry: Entry, line: Line, masked: str) -> Iterator[Violation]:
    links = [lk for lk in entry.links if lk.line == line.number and not lk.image]
    for i, link in enumerate(links):
        start, end = link.col - 1, link.end_col - 1
        if not link.bracketed:
            before = start > 0 and masked[start - 1] == "["
            after = end < len(masked) and masked[end] == "]"
            # '[[A](x) and [B](y)]', '[[Data](u)(code: v)]': brackets around more than
            # the link, closed (or opened) further along the line, are a group: fine.
            grouped = (
                before
                and not after
                and masked[end : end + 2] != ")]"
                and _closing_bracket(masked, start - 1) is not None
            ) or (after and not before and _group_opened(masked, end, links))
            if grouped:
                before = after = False
            if before and not after and masked[end : end + 2] == ")]":
                # '[[Paper](u))]': a ')' too many, not a ']' missing; which is meant is
                # not for a fix to guess (another ']' would show as a stray bracket).
                yield Violation(line.number, end + 1, "a ')' too many after the link")
            elif before and not after and _label_in_brackets(link):
                # '[[[pdf]](u)' in a list that writes '[[pdf]](u)': one '[' too many.
                yield Violation(
                    line.number,
                    start,
                    "an extra '[' before the link",
                    _replace(line, start - 1, start, "", "delete the extra '['", Render.LINK),
                )
            elif before and not after:
                yield Violation(
                    line.number,
                    start,
                    "list-style link is missing its closing ']'",
                    _replace(line, end, end, "]", "add the closing ']'", Render.LINK),
                )
            elif (
                after
                and not before
                and (any(other.bracketed for other in links) or habits.list_style(entry.format))
            ):
                yield Violation(
                    line.number,
                    start + 1,
                    "list-style link is missing its opening '['",
                    _replace(line, start, start, "[", "add the opening '['", Render.LINK),
                )
        nxt = links[i + 1] if i + 1 < len(links) else None
        if (
            nxt is not None
            and masked[end : nxt.col - 1] == ""
            and not _badge(link, nxt)
            # '[[a](u)][[b](v)]' shows '[a][b]': that stands out only where the list
            # spaces its links; 'a' and 'b' touching ('ab') always does.
            and (touching(link, nxt) or not habits.glued_style(entry.format))
        ):
            yield Violation(
                line.number,
                nxt.col,
                "links run together; separate them with a space",
                _replace(line, end, end, " ", "insert a space between links", Render.SPACE),
            )


def _gfm_cells(text: str) -> list[str]:
    """The cells GitHub reads in a table row: split on every '|' not escaped (a code
    span does not protect it), leading and trailing pipes optional."""
    row = text.strip()
    cells, start = [], 0
    for i, c in enumerate(row):
        if c == "|" and (i == 0 or row[i - 1] != "\\"):
            cells.append(row[start:i])
            start = i + 1
    cells.append(row[start:])
    if row.startswith("|"):
        cells = cells[1:]
    if len(row) > 1 and row.endswith("|") and not row.endswith("\\|"):
        cells = cells[:-1]
    return cells


# Markdown on a line: a list item, a heading, a quote, a link, bold text.
_MARKDOWN_LINE = re.compile(
    r"\s{0,3}(?:(?:[-*+]|\d{1,9}[.)])\s+\S|#{1,6}\s|>\s)|.*\]\([^()\s]+\)|.*\*\*[^*\s][^*]*\*\*"
)
# HTML blocks whose body is not Markdown by design: comments, <pre>, <script>, <style>.
_RAW_HTML = re.compile(r"\s{0,3}<(?:!--|pre\b|script\b|style\b|textarea\b)", re.IGNORECASE)


@rule(
    "RL210",
    "markdown-in-html",
    "Markdown inside an HTML block, no blank line between: GitHub shows it as text.",
)
def markdown_in_html(ctx: LintContext) -> Iterator[Violation]:
    """
    ## What it does
    Finds Markdown (a list item, a heading, a link, bold text) on a line that belongs to
    an HTML block: a line of HTML such as `<h2 id="x">Title</h2>` or
    `<details><summary>Title</summary>` goes on, as an HTML block, until the next blank
    line, and every line until then is HTML to GitHub. One finding per block, on its
    first such line. Comments, `<pre>`, `<script>` and `<style>` blocks are left alone.

    ## Why is this bad?
    GitHub shows the Markdown as it is typed: `- [Paper](https://…)` appears with its
    dash, brackets and URL, and the list, the link or the heading is not there.

    ## Example
    ```markdown
    <h3 id="profiling">Profiling</h3>
    - [Understanding Host Network Stack Overheads](https://example.org/paper.pdf)
    ```

    ## Use instead
    ```markdown
    <h3 id="profiling">Profiling</h3>

    - [Understanding Host Network Stack Overheads](https://example.org/paper.pdf)
    ```

    ## Fix
    Not fixable automatically: the blank line changes how the page renders (the text
    becomes a list or a link), which is the maintainer's to approve.
    """
    doc = ctx.doc
    for block in doc.blocks:
        if block.kind != "html" or _RAW_HTML.match(doc.line(block.first_line).text):
            continue
        for number in range(block.first_line + 1, block.last_line + 1):
            text = doc.line(number).text
            if number in doc.code_lines or text.lstrip().startswith("<"):
                continue
            if _MARKDOWN_LINE.match(text):
                yield Violation(
                    number,
                    1,
                    f"this line is inside the HTML block that line {block.first_line} opens "
                    "(no blank line between), so GitHub shows its Markdown as text; put a "
                    "blank line before it",
                )
                break


@rule("RL209", "table-cells", "A table row with more cells than its header: GitHub drops them.")
def table_cells(ctx: LintContext) -> Iterator[Violation]:
    """
    ## What it does
    Counts the cells of each table row as GitHub does (every `|` not escaped with
    `\\` splits, inside code spans too) and finds rows with more cells than the
    header row, as markdownlint's MD056 does; extra cells that are empty
    (`| a | b ||`) lose nothing and are left alone. A row with fewer cells is not
    reported: GitHub shows it complete, its last cells blank, and nothing on the
    page says a cell was lost rather than left empty.

    ## Why is this bad?
    GitHub drops the cells past the header's count, so what they hold (a link, a
    venue) is not shown.

    ## Example
    ```markdown
    | Title | Venue | Code |
    |---|---|---|
    | [Denoising Diffusion Probabilistic Models](https://arxiv.org/abs/2006.11239) | NeurIPS | 2020 | [code](https://github.com/hojonathanho/diffusion) |
    ```

    ## Use instead
    ```markdown
    | Title | Venue | Code |
    |---|---|---|
    | [Denoising Diffusion Probabilistic Models](https://arxiv.org/abs/2006.11239) | NeurIPS 2020 | [code](https://github.com/hojonathanho/diffusion) |
    ```

    ## Fix
    Not fixable: which cell is extra is the maintainer's call.
    """
    doc = ctx.doc
    for block in doc.blocks:
        if block.kind != "table" or block.last_line - block.first_line < 2:
            continue
        header = len(_gfm_cells(doc.line(block.first_line).text))
        for number in range(block.first_line + 2, block.last_line + 1):
            text = doc.line(number).text
            if not text.strip() or number in doc.code_lines:
                continue
            cells = _gfm_cells(text)
            if any(c.strip() for c in cells[header:]):  # an empty extra cell loses nothing
                yield Violation(
                    number,
                    1,
                    f"row has {len(cells)} cells, the header {header}: GitHub drops the rest",
                )
