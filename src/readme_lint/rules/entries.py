"""RL1xx: the structure of a paper entry (title, authors, link, summary, marker, venue)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from readme_lint.config import Config
from readme_lint.core import syntax
from readme_lint.core.conventions import entry_name, has_field, majority_eol
from readme_lint.core.diagnostics import Edit, Fix, Render, Severity, Violation
from readme_lint.core.model import Document, Entry, Span
from readme_lint.core.papers import (
    arxiv_id,
    arxiv_month,
    known_venue,
    stated_venue,
    venue_in_url,
    venue_near_miss,
)
from readme_lint.core.records import CITATION, PARAGRAPH, Heading
from readme_lint.formats import format_fields, hard_break_formats
from readme_lint.formats.citation import reference_number
from readme_lint.rules.registry import LintContext, entries_for, rule


def _required(ctx: LintContext, entry: Entry) -> frozenset[str]:
    shape = format_fields(entry.format)
    heading_path = [h.text for h in ctx.doc.heading_path(entry.section)]
    declared = ctx.config.declared_schema(heading_path)
    if declared is not None:
        return declared & shape
    unused = {field for fmt, field, _, _ in ctx.habits.unused_fields if fmt == entry.format}
    return ctx.config.require & shape - unused


def _missing(ctx: LintContext, field: str) -> Iterator[Entry]:
    for entry in ctx.doc.entries:
        if field in _required(ctx, entry):
            yield entry


@rule("RL101", "entry-title", "Entry has no bold title.", covers_entry=True)
def entry_title(ctx: LintContext) -> Iterator[Violation]:
    """
    ## What it does
    Finds entries (paragraphs shaped like a paper entry: hard-break lines with an
    authors line or `[[Label](url)]` links) whose first line is not a bold title.

    ## Why is this bad?
    The bold title is what readers scan for; without it an entry reads as prose
    and cannot be matched against other entries (duplicates, TOC, tooling).

    ## Example
    ```markdown
    Denoising Diffusion Probabilistic Models \\
    *Jonathan Ho, Ajay Jain, Pieter Abbeel* \\
    [[Paper](https://arxiv.org/abs/2006.11239)] \\
    The comeback.
    ```

    ## Use instead
    ```markdown
    **Denoising Diffusion Probabilistic Models** \\
    ```

    ## Fix
    Not fixable: where the title ends is a judgement call.
    """
    for entry in _missing(ctx, "title"):
        if entry.title is None:
            bold = entry.format in hard_break_formats()
            what = "bold title (**Title**)" if bold else "title"
            yield Violation(entry.first_line, 1, f"entry has no {what}")


@rule("RL102", "entry-authors", "Entry has no italic authors line.", covers_entry=True)
def entry_authors(ctx: LintContext) -> Iterator[Violation]:
    """
    ## What it does
    Finds entries without an italic authors line (`*Author One, Author Two*`)
    right after the title.

    ## Why is this bad?
    Authors are part of every citation in the list; a missing line usually means
    it was forgotten, or written without its asterisks.

    ## Example
    ```markdown
    **Denoising Diffusion Probabilistic Models** \\
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
    Not fixable. A section whose entries carry no authors can say so in its
    schema: `[tool.readme-lint.sections."Videos"] require = ["title", "link", "summary"]`.
    """
    plain = _plain_authors(ctx.doc)
    for entry in _missing(ctx, "authors"):
        if entry.authors is None and not (plain and _unread_authors_slot(entry)):
            yield Violation(
                entry.first_line, 1, f"entry '{entry_name(entry)}' has no italic authors line"
            )


def _plain_authors(doc: Document) -> bool:
    """Whether the list writes its authors lines without emphasis (most of those read)."""

    def compute() -> bool:
        lines = [e.authors.text for e in doc.entries if e.authors is not None]
        plain = sum(1 for text in lines if not text.startswith(("*", "_")))
        return plain * 2 > len(lines)

    return doc.memo("plain-authors", compute)


def _unread_authors_slot(entry: Entry) -> bool:
    """Text sits where the authors go (right under the title, above the links), in a
    list whose authors are plain text: names we could not read, not a missing line."""
    links = [link.line for link in entry.links if not link.image]
    if entry.title is None or not entry.summary or not links:
        return False
    first = entry.summary[0]
    return first.line == entry.title.line + 1 and first.line < max(links)


@rule("RL103", "entry-link", "Entry has no link.", covers_entry=True)
def entry_link(ctx: LintContext) -> Iterator[Violation]:
    """
    ## What it does
    Finds entries with no link at all (paper, code, project page...). A section of
    three entries or more none of which links anything is a list of plain references
    by its own habit, and is left alone; one entry without a link among linked ones
    is reported.

    ## Why is this bad?
    A paper list is a list of pointers; an entry without a link sends the
    reader to a search engine.

    ## Example
    ```markdown
    **Denoising Diffusion Probabilistic Models** \\
    *Jonathan Ho, Ajay Jain, Pieter Abbeel* \\
    NeurIPS 2020. \\
    The comeback.
    ```

    ## Use instead
    ```markdown
    NeurIPS 2020. [[Paper](https://arxiv.org/abs/2006.11239)] \\
    ```

    ## Fix
    Not fixable.
    """
    unlinked = _unlinked_sections(ctx.doc)
    for entry in _missing(ctx, "link"):
        if not any(not link.image for link in entry.links) and entry.section not in unlinked:
            yield Violation(entry.first_line, 1, f"entry '{entry_name(entry)}' has no link")


def _unlinked_sections(doc: Document) -> set[Heading | None]:
    """Sections of three entries or more none of which links anything: a list of plain
    references there, by the section's own habit (one entry without a link among linked
    ones is a slip)."""
    entries: dict[Heading | None, list[Entry]] = {}
    for entry in doc.entries:
        entries.setdefault(entry.section, []).append(entry)
    return {
        section
        for section, found in entries.items()
        if len(found) >= 3 and not any(has_field(e, "link") for e in found)
    }


@rule("RL104", "entry-summary", "Entry has no summary.", covers_entry=True)
def entry_summary(ctx: LintContext) -> Iterator[Violation]:
    """
    ## What it does
    Finds entries with nothing after their links (or date) line. A date line
    such as `Jul 2021` is not a summary.

    ## Why is this bad?
    The summary is what makes a curated list worth more than a search result.

    ## Example
    ```markdown
    **Denoising Diffusion Probabilistic Models** \\
    *Jonathan Ho, Ajay Jain, Pieter Abbeel* \\
    NeurIPS 2020. [[Paper](https://arxiv.org/abs/2006.11239)]
    ```

    ## Use instead
    ```markdown
    NeurIPS 2020. [[Paper](https://arxiv.org/abs/2006.11239)] \\
    The comeback. Sampling x_t directly from x_0.
    ```

    ## Fix
    Not fixable. For a section whose entries need no summary (blog posts that end
    in a date, say), set that section's schema:
    `[tool.readme-lint.sections."Introductory Posts"] require = ["title", "authors", "link"]`.
    """
    for entry in _missing(ctx, "summary"):
        if not entry.summary:
            after = "date" if entry.date else "links"
            yield Violation(
                entry.first_line,
                1,
                f"entry '{entry_name(entry)}' has no summary after its {after} line",
            )


def _punctuation_only(text: str) -> bool:
    return not any(c.isalnum() for c in text)


@rule(
    "RL105",
    "placeholder-summary",
    "Summary is a placeholder.",
    formats=hard_break_formats(),
    covers_entry=True,
)
def placeholder_summary(ctx: LintContext) -> Iterator[Violation]:
    """
    ## What it does
    Finds summaries that are a placeholder: `???`, `!!!! README !!!!`, `TODO`,
    `TBD`, `...`, or punctuation only. The list is configurable (`placeholders`).

    ## Why is this bad?
    A placeholder is a promise nobody keeps; readers get noise where the list's
    value should be.

    ## Example
    ```markdown
    **Understanding the Latent Space of Diffusion Models through the Lens of Riemannian Geometry** \\
    *Yong-Hyun Park, Mingi Kwon, Jaewoong Choi, Junghyo Jo, Youngjung Uh* \\
    NeurIPS 2023. [[Paper](https://arxiv.org/abs/2307.12868)] \\
    ???
    ```

    ## Use instead
    ```markdown
    **Understanding the Latent Space of Diffusion Models through the Lens of Riemannian Geometry** \\
    *Yong-Hyun Park, Mingi Kwon, Jaewoong Choi, Junghyo Jo, Youngjung Uh* \\
    NeurIPS 2023. [[Paper](https://arxiv.org/abs/2307.12868)] \\
    Studies the latent space through the pullback metric of the U-Net.
    ```

    ## Fix
    Not fixable: someone has to read the paper.
    """
    doc, config = ctx.doc, ctx.config
    for entry in entries_for(doc, "RL105"):
        text = entry.summary_text
        if text and _placeholder(config, text):
            first = entry.summary[0]
            yield Violation(first.line, first.col, f"summary is a placeholder: {text!r}")


@rule(
    "RL114",
    "placeholder-title",
    "An entry whose title is a placeholder.",
    covers_entry=True,
)
def placeholder_title(ctx: LintContext) -> Iterator[Violation]:
    """
    ## What it does
    Finds entries, in any format, whose title is a placeholder (`TBA`, `TBD`,
    `TODO`, `???`, `...`: the `placeholders` setting) or punctuation only, where the
    paper's name belongs.

    ## Why is this bad?
    A reader cannot tell which paper the entry is; duplicates and link checks cannot
    either.

    ## Example
    ```markdown
    | Title | Venue | Code |
    |---|---|---|
    | [TBD](https://arxiv.org/abs/2006.11239) | NeurIPS 2020 | [code](https://github.com/hojonathanho/diffusion) |
    ```

    ## Use instead
    ```markdown
    | [Denoising Diffusion Probabilistic Models](https://arxiv.org/abs/2006.11239) | NeurIPS 2020 | [code](https://github.com/hojonathanho/diffusion) |
    ```

    ## Fix
    Not fixable: the title has to be looked up.
    """
    for entry in ctx.doc.entries:
        title = entry.title.text if entry.title else None
        if title is None:
            continue
        # A table cell's title may be its whole text, link markup included.
        text = _MARKUP.sub(r"\1", title.text).strip(" *_")
        if text and _placeholder(ctx.config, text):
            yield Violation(title.line, title.col, f"title is a placeholder: {text!r}")


def _placeholder(config: Config, text: str) -> bool:
    return config.is_placeholder(text) or _punctuation_only(text)


_MARKUP = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")


_TAGS = re.compile(r"<[^>]*>[^<]*</[^>]*>|<[^>]+>")
_PAREN = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_SEPARATORS = re.compile(r",|;|&|\band\b|\s/\s")
_PARTICLES = frozenset(
    [
        "de",
        "del",
        "della",
        "der",
        "den",
        "di",
        "da",
        "das",
        "do",
        "dos",
        "du",
        "la",
        "le",
        "van",
        "von",
        "y",
        "bin",
        "ibn",
        "al",
        "el",
        "zu",
        "ten",
        "ter",
    ]
)
_SUFFIXES = frozenset({"jr", "sr", "st", "al", "dr", "prof", "ii", "iii"})
# A capitalised name: an upper-case Latin letter (A-Z, À-Ö, Ø-Þ, or Latin Extended-A/B),
# then word characters, apostrophes and hyphens. The first letter is tested in Python:
# as a character class it is the costliest pattern to compile at the hook's start.
_NAME_REST = re.compile(r"[\w'\u2019\-]*")


def _capitalized(word: str) -> bool:
    first = word[:1]
    return bool(
        first
        and (
            "A" <= first <= "Z"
            or "À" <= first <= "Ö"
            or "Ø" <= first <= "Þ"
            or "\u0100" <= first <= "\u024f"
        )
        and _NAME_REST.fullmatch(word, 1)
    )


_INITIAL = re.compile(r"[A-Z]\.")
# An equal-contribution or affiliation mark after a name, then the next name with no
# separator: 'Ann Lee\\* Bo Zhang\\*', 'Ann Lee† Bo Zhang'.
_MARKED_NAME = re.compile(
    r"(?P<word>[^\W\d_]{2,})(?P<mark>(?:\\?\*|[†‡§])+)[ \t]+(?=[A-Z][^\W\d_])"
)
_NAME_PERIOD = re.compile(r"(?P<word>[^\W\d_]{2,})\.\s+(?=[^\W\d_])")


def _author_problem(names: str) -> str | None:
    plain = _PAREN.sub(" ", _TAGS.sub(" ", names))
    for match in _NAME_PERIOD.finditer(plain):
        word = match.group("word")
        # 'SK.' is a double initial, not a name.
        if word.lower() not in _SUFFIXES and not (word.isupper() and len(word) <= 3):
            return f"'{match.group('word')}.' separates two names with a period; use a comma"
    marked = _MARKED_NAME.search(names)
    if marked:
        return f"'{marked.group('word')}{marked.group('mark')}' is followed by another name without a comma"
    for part in _SEPARATORS.split(plain):
        if _several_names(part):
            return f"'{' '.join(part.split()[:4])} …' looks like several names without commas"
    return None


def _several_names(part: str) -> bool:
    """Evidence that one chunk between separators holds two or more names: six name
    words (three people; one person's name can have four or five), or an initial
    inside it followed by three more names ('Faik C. Meral Jason Yu': a name has one
    or two words after its middle initial)."""
    words = [w for w in part.split() if w.lower() not in _PARTICLES]
    if len(words) < 5:  # neither six name words nor an initial and three more
        return False
    full = [w for w in words if _capitalized(w) and len(w.rstrip(".")) > 1]
    if len(full) >= 6:
        return True
    return any(
        _INITIAL.fullmatch(word) and len([w for w in words[i + 1 :] if _capitalized(w)]) >= 3
        for i, word in enumerate(words)
        if i > 0
    )


@rule("RL106", "authors-format", "Authors are not a separated list.", covers_entry=True)
def authors_format(ctx: LintContext) -> Iterator[Violation]:
    """
    ## What it does
    Finds authors lines whose names are not separated, on evidence: six or more
    name words between two separators (`*Narek Tumanyan Michal Geyer Shai Bagon*`;
    one person's name can have four or five: `Walter Hugo Lopez Pinaya`), a middle
    initial followed by three more names (`Faik C. Meral Jason Yu`), a name split
    from the next by a period (`*Luping Liu. Zhijie Lin*`), or an
    equal-contribution mark followed by the next name (`Ann Lee\\* Bo Zhang\\*`).
    Initials (`Diederik P. Kingma`, `Venkata SK. Manem`), `and`, `<sup>`
    affiliation markers, particles (`De la Torre`) and handles in parentheses
    are fine.

    ## Why is this bad?
    Readers cannot tell where one author ends and the next begins, and tools that
    match authors (duplicate detection, citation export) cannot either.

    ## Example
    ```markdown
    **Plug-and-Play Diffusion Features for Text-Driven Image-to-Image Translation** \\
    *Narek Tumanyan Michal Geyer Shai Bagon Tali Dekel* \\
    CVPR 2023. [[Paper](https://arxiv.org/abs/2211.12572)] \\
    Injects the source image's spatial features and self-attention maps into the generation.
    ```

    ## Use instead
    ```markdown
    **Plug-and-Play Diffusion Features for Text-Driven Image-to-Image Translation** \\
    *Narek Tumanyan, Michal Geyer, Shai Bagon, Tali Dekel* \\
    CVPR 2023. [[Paper](https://arxiv.org/abs/2211.12572)] \\
    Injects the source image's spatial features and self-attention maps into the generation.
    ```

    ## Fix
    Not fixable: where the names split is not always knowable.
    """
    doc = ctx.doc
    for entry in doc.entries:
        if entry.authors is None:
            continue
        problem = _author_problem(entry.authors.text.strip("*_ "))
        if problem:
            yield Violation(entry.authors.line, entry.authors.col, f"authors: {problem}")


@rule(
    "RL107",
    "entry-split",
    "Blank line splits an entry from its summary.",
    fixable=True,
    formats=(PARAGRAPH,),
    covers_entry=True,
)
def entry_split(ctx: LintContext) -> Iterator[Violation]:
    """
    ## What it does
    Finds an entry whose last line ends in a hard break (`\\`) and whose summary
    follows as a separate paragraph after a blank line.

    ## Why is this bad?
    GitHub renders the backslash literally at the end of the entry, and the
    summary as an unrelated paragraph.

    ## Example
    ```markdown
    **Diffusion Models Already Have a Semantic Latent Space** \\
    *Mingi Kwon, Jaeseok Jeong, Youngjung Uh* \\
    ICLR 2023. [[Paper](https://arxiv.org/abs/2210.10960)] \\

    Proposes an asymmetric reverse process.
    ```

    ## Use instead
    ```markdown
    **Diffusion Models Already Have a Semantic Latent Space** \\
    *Mingi Kwon, Jaeseok Jeong, Youngjung Uh* \\
    ICLR 2023. [[Paper](https://arxiv.org/abs/2210.10960)] \\
    Proposes an asymmetric reverse process.
    ```

    ## Fix
    Removes the blank line(s), so the summary belongs to its entry again.
    """
    doc = ctx.doc
    for entry in entries_for(doc, "RL107"):
        if entry.split_gap is None:
            continue
        gap_first, gap_last = entry.split_gap
        line = doc.line(entry.last_line)
        edit = Edit(doc.line(gap_first).start, doc.line(gap_last + 1).start, "")
        yield Violation(
            entry.last_line,
            len(line.text.rstrip()),
            f"entry '{entry_name(entry)}' is split by a blank line: its rest, from line "
            f"{gap_last + 1}, renders as a separate paragraph",
            Fix("join the entry's paragraphs", (edit,), render=Render.PARAGRAPHS | Render.BREAK),
        )


@rule(
    "RL111",
    "entries-run-together",
    "Two entries with no blank line between them.",
    fixable=True,
    formats=hard_break_formats(),
    covers_entry=True,
)
def entries_run_together(ctx: LintContext) -> Iterator[Violation]:
    """
    ## What it does
    Finds an entry that starts on the line after the previous entry's last line,
    with no blank line between: its bold title line, shaped as an entry's first
    line, follows a complete entry (its links line included) inside one paragraph.

    ## Why is this bad?
    GitHub renders both entries as one paragraph: the second title runs on after
    the first summary (or right under it, with no gap), and the list's rhythm of
    one paragraph per paper is lost. It is the most common slip when an entry is
    pasted in.

    ## Example
    ```markdown
    **Denoising Diffusion Probabilistic Models** \\
    *Jonathan Ho, Ajay Jain, Pieter Abbeel* \\
    NeurIPS 2020. [[Paper](https://arxiv.org/abs/2006.11239)] \\
    The comeback.
    **Denoising Diffusion Implicit Models** \\
    *Jiaming Song, Chenlin Meng, Stefano Ermon* \\
    ICLR 2021. [[Paper](https://arxiv.org/abs/2010.02502)] \\
    Deterministic sampling.
    ```

    ## Use instead
    ```markdown
    **Denoising Diffusion Probabilistic Models** \\
    *Jonathan Ho, Ajay Jain, Pieter Abbeel* \\
    NeurIPS 2020. [[Paper](https://arxiv.org/abs/2006.11239)] \\
    The comeback.

    **Denoising Diffusion Implicit Models** \\
    *Jiaming Song, Chenlin Meng, Stefano Ermon* \\
    ICLR 2021. [[Paper](https://arxiv.org/abs/2010.02502)] \\
    Deterministic sampling.
    ```

    ## Fix
    Inserts the blank line before the second entry (a hard break left at the end
    of the first one is then `dangling-backslash`'s to remove).
    """
    doc = ctx.doc
    eol = majority_eol(doc)
    for entry in entries_for(doc, "RL111"):
        if not entry.run_on:
            continue
        start = doc.line(entry.first_line).start
        yield Violation(
            entry.first_line,
            1,
            f"entry '{entry_name(entry)}' starts right after the previous entry, with no "
            "blank line: GitHub renders the two as one paragraph",
            Fix(
                "insert a blank line before the entry",
                (Edit(start, start, eol),),
                render=Render.PARAGRAPHS | Render.BREAK,
            ),
        )


def _marker_in_place(entry: Entry, marker: Span, doc: Document) -> bool:
    title = entry.title
    if title is None or title.text is None or marker.line != title.line:
        return False
    close_end = title.text.end_col + len(title.closing)
    if marker.col < close_end:  # inside the bold
        return False
    between = doc.line(title.line).text[close_end - 1 : marker.col - 1]
    return not between.strip()


def _move_marker(entry: Entry, marker: Span, doc: Document) -> Fix | None:
    title = entry.title
    if title is None or title.text is None or len(entry.markers) != 1:
        return None
    rest = doc.line(title.line).text[title.text.end_col - 1 + len(title.closing) :]
    if "*" in syntax.mask_code_spans(rest):
        return None  # more bold after the title: where it ends is not clear
    text = doc.line(marker.line).text
    start, end = marker.col - 1, marker.end_col - 1
    if start > 0 and text[start - 1] == " ":
        start -= 1
    elif end < len(text) and text[end] == " ":
        end += 1
    base = doc.line(marker.line).start
    insert_at = doc.line(title.line).start + title.text.end_col - 1 + len(title.closing)
    edits = (Edit(base + start, base + end, ""), Edit(insert_at, insert_at, " " + marker.text))
    if edits[0].start <= insert_at <= edits[0].end:
        return None
    return Fix("move the read marker after the title", edits, render=Render.MARKER)


@rule(
    "RL108",
    "read-marker",
    "Read marker is not right after the title.",
    fixable=True,
    applicability="sometimes",
    formats=hard_break_formats(),
    covers_entry=True,
)
def read_marker(ctx: LintContext) -> Iterator[Violation]:
    """
    ## What it does
    Finds the read marker (`:zap:` by default, `read-marker` in the
    configuration) anywhere but right after the bold title.

    ## Why is this bad?
    Readers scan the titles for the marker; inside the title, on the authors
    line or before the title it is easy to miss and breaks the list's look.

    ## Example
    ```markdown
    **Denoising Diffusion Probabilistic Models :zap:** \\
    *Jonathan Ho, Ajay Jain, Pieter Abbeel* \\
    NeurIPS 2020. [[Paper](https://arxiv.org/abs/2006.11239)] \\
    The comeback.
    ```

    ## Use instead
    ```markdown
    **Denoising Diffusion Probabilistic Models** :zap: \\
    *Jonathan Ho, Ajay Jain, Pieter Abbeel* \\
    NeurIPS 2020. [[Paper](https://arxiv.org/abs/2006.11239)] \\
    The comeback.
    ```

    ## Fix
    Moves the marker to right after the title (when the entry has one marker).
    """
    doc = ctx.doc
    for entry in entries_for(doc, "RL108"):
        for marker in entry.markers:
            if not _marker_in_place(entry, marker, doc):
                yield Violation(
                    marker.line,
                    marker.col,
                    f"read marker {marker.text} should come right after the title",
                    _move_marker(entry, marker, doc),
                )


@rule(
    "RL109",
    "venue-mismatch",
    "Stated venue disagrees with the link.",
    severity=Severity.WARNING,
    covers_entry=True,
)
def venue_mismatch(ctx: LintContext) -> Iterator[Violation]:
    """
    ## What it does
    Compares the venue and year written before the links (`CVPR 2023`) with a
    venue and year visible in a link's URL (`.../content/ICCV2023/...`,
    `papers.nips.cc/paper/2020/...`).

    ## Why is this bad?
    One of the two is wrong, and a wrong venue misleads readers and citations.

    ## Example
    ```markdown
    **Adding Conditional Control to Text-to-Image Diffusion Models** \\
    *Lvmin Zhang, Anyi Rao, Maneesh Agrawala* \\
    CVPR 2023. [[Paper](https://openaccess.thecvf.com/content/ICCV2023/papers/Zhang_Adding_Conditional_Control_to_Text-to-Image_Diffusion_Models_ICCV_2023_paper.pdf)] \\
    ControlNet: adds spatial conditions (edges, depth, pose) to a frozen Stable Diffusion.
    ```

    ## Use instead
    ```markdown
    **Adding Conditional Control to Text-to-Image Diffusion Models** \\
    *Lvmin Zhang, Anyi Rao, Maneesh Agrawala* \\
    ICCV 2023. [[Paper](https://openaccess.thecvf.com/content/ICCV2023/papers/Zhang_Adding_Conditional_Control_to_Text-to-Image_Diffusion_Models_ICCV_2023_paper.pdf)] \\
    ControlNet: adds spatial conditions (edges, depth, pose) to a frozen Stable Diffusion.
    ```

    ## Fix
    Not fixable: only a person knows which side is right. A warning by default.
    """
    doc = ctx.doc
    for entry in doc.entries:
        if entry.venue is None:
            continue
        stated = stated_venue(entry.venue.text)
        if stated is None:
            continue
        venue, year = stated.venue, stated.year
        for link in entry.links:
            seen = venue_in_url(link.target.text)
            if seen is not None and seen != (venue, year):
                yield Violation(
                    entry.venue.line,
                    entry.venue.col + stated.offset,
                    f"venue '{venue} {year}' disagrees with the link, which points to {seen[0]} {seen[1]}",
                )
                break


_NUMBER = re.compile(r"(?<![\w/.#-])(?:(?:19|20)[0-9]{3}|1[0-9]{3}|2[0-9]{3})(?![\w/-]|\.\d)")


def _year_spans(entry: Entry) -> Iterator[Span]:
    for span in (entry.venue, entry.date):
        if span is not None:
            yield span


_AFTER_ARXIV = re.compile(r"(?:arxiv|corr)[\s:,.]{0,3}$", re.IGNORECASE)


def _arxiv_year_month(text: str, number: re.Match[str]) -> bool:
    """'arXiv 1708': August 2017 as an arXiv id's first digits write it, not a year."""
    digits = number.group()
    return (
        len(digits) == 4
        and 1 <= int(digits[2:]) <= 12
        and _AFTER_ARXIV.search(text, 0, number.start()) is not None
    )


@rule(
    "RL110",
    "implausible-year",
    "A year in the venue or date that cannot be right.",
    covers_entry=True,
)
def implausible_year(ctx: LintContext) -> Iterator[Violation]:
    """
    ## What it does
    Finds a year in an entry's venue or date that no paper can have: a typo with
    five digits (`20223`), or a year before 1900. (Four digits after next year are
    left alone, and so are `arXiv 1708` and `arXiv 2405`: a year and month as an
    arXiv id writes them.)

    ## Why is this bad?
    Readers sort and filter by year; a typo misplaces the paper and usually hides
    another one (a wrong arXiv id, a wrong venue).

    ## Example
    ```markdown
    **Denoising Diffusion Probabilistic Models** \\
    *Jonathan Ho, Ajay Jain, Pieter Abbeel* \\
    NeurIPS 20200. [[Paper](https://arxiv.org/abs/2006.11239)] \\
    The comeback.
    ```

    ## Use instead
    ```markdown
    NeurIPS 2020. [[Paper](https://arxiv.org/abs/2006.11239)] \\
    ```

    ## Fix
    Not fixable: which digit is wrong is unknown.
    """
    doc = ctx.doc
    for entry in doc.entries:
        for span in _year_spans(entry):
            for match in _NUMBER.finditer(span.text):
                if _arxiv_year_month(span.text, match):
                    continue
                if len(match.group()) == 5 or int(match.group()) < 1900:
                    yield Violation(
                        span.line,
                        span.col + match.start(),
                        f"'{match.group()}' is not a plausible year for a paper",
                    )


# "arXiv 2022", "arXiv, 2019", "CoRR abs/.. 2018", "preprint'21": a year given for the arXiv
# version itself (the id's digits right after 'arXiv:' are no year: not followed by '.\d').
_ARXIV_YEAR = re.compile(
    r"\b(?:arxiv|corr|preprint)\b[^0-9\n]{0,12}?(?:'(?P<short>\d\d)\b|\b(?P<year>(?:19|20)\d\d)"
    r"(?![\w/-]|\.\d))",
    re.IGNORECASE,
)
_MONTH_DATE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b"
    r"|\b(?:19|20)\d\d[-./](?:0?[1-9]|1[0-2])\b|\b(?:0?[1-9]|1[0-2])[-./](?:19|20)\d\d\b",
    re.IGNORECASE,
)
_MONTHS = (
    "January February March April May June July August September October November December"
).split()


def _arxiv_of(entry: Entry) -> str | None:
    """The entry's one arXiv id (None for none, or for two different ones)."""
    ids = {paper for link in entry.links if (paper := arxiv_id(link.target.text))}
    return ids.pop() if len(ids) == 1 else None


def _stated_years(entry: Entry) -> Iterator[tuple[Span, int, int, bool]]:
    """(span, column offset, year, said of the arXiv version) for each year stated."""
    if entry.venue is not None:
        for match in _ARXIV_YEAR.finditer(entry.venue.text):
            short = match.group("short")
            year = 2000 + int(short) if short else int(match.group("year"))
            # '*arXiv*, June 2022': a month with the year dates a version (a later one is
            # possible: the v3 of an October 2021 paper); 'arXiv 2022' dates the paper.
            versioned = _MONTH_DATE.search(match.group()) is not None
            yield entry.venue, match.start(), year, not versioned
    # A date to the month with no other venue beside it is the arXiv version's date (a
    # bare year, as in a table's Year column, is often the venue's).
    if (
        entry.date is not None
        and _MONTH_DATE.search(entry.date.text)
        and (entry.venue is None or stated_venue(entry.venue.text) is None)
    ):
        dated = _NUMBER.search(entry.date.text)
        if dated and len(dated.group()) == 4:
            yield entry.date, dated.start(), int(dated.group()), False


@rule(
    "RL112",
    "arxiv-year-mismatch",
    "A year stated for an arXiv paper that its arXiv id rules out.",
    covers_entry=True,
)
def arxiv_year_mismatch(ctx: LintContext) -> Iterator[Violation]:
    """
    ## What it does
    Compares the year an entry gives for its arXiv paper (`arXiv 2020`, `arXiv'21`,
    `CoRR, 2019`, or a date to the month with no other venue beside it) with the month its
    arXiv id encodes: `2204.01234` was assigned in April 2022, `hep-th/9901001` in
    January 1999. Reported: an arXiv year other than the id's, and a date before
    the id's year (an id among January's first numbers also allows the year before:
    arXiv numbers a paper when it announces it, and late-December submissions are
    announced first in January). Entries with two different arXiv ids, a date beside another
    venue (`CVPR 2019` then an arXiv upload in 2020 is common) and `arXiv 2405`
    (a year and month, as the id writes it) are left alone. Offline: the id is
    read, not looked up.

    ## Why is this bad?
    One of the two is wrong: the year, which misplaces the paper for readers who
    sort by it, or the link, a copy-paste of another paper's id.

    ## Example
    ```markdown
    **Denoising Diffusion Probabilistic Models** \\
    *Jonathan Ho, Ajay Jain, Pieter Abbeel* \\
    arXiv 2019. [[Paper](https://arxiv.org/abs/2006.11239)] \\
    The comeback.
    ```

    ## Use instead
    ```markdown
    arXiv 2020. [[Paper](https://arxiv.org/abs/2006.11239)] \\
    ```

    ## Fix
    Not fixable: the year or the id may be the wrong one.
    """
    for entry in ctx.doc.entries:
        paper = _arxiv_of(entry)
        month = arxiv_month(paper) if paper else None
        if paper is None or month is None:
            continue
        for span, offset, year, of_arxiv in _stated_years(entry):
            if _consistent(paper, month, year, of_arxiv):
                continue
            yield Violation(
                span.line,
                span.col + offset,
                f"{year} is stated, but arXiv id {paper} was first posted in "
                f"{_MONTHS[month[1] - 1]} {month[0]}",
            )


def _consistent(paper: str, month: tuple[int, int], year: int, of_arxiv: bool) -> bool:
    assigned = month[0]
    if year == assigned or (paper[4:5] == "." and year == int(paper[:4])):  # 'arXiv 2204'
        return True
    if month[1] == 1 and year == assigned - 1 and _late_december(paper, assigned):
        return True
    if not of_arxiv:  # a date: only one before the id is impossible
        return year > assigned
    # A December id with the next year written (the announcement's week): not wrong enough.
    return month[1] == 12 and year == assigned + 1


def _late_december(paper: str, year: int) -> bool:
    """Whether a January id may belong to a paper submitted in late December: arXiv
    numbers papers when it announces them, and its first January announcement holds the
    holiday's submissions (2101.00027 was submitted on 31 December 2020), numbered first.
    That batch is taken as about 600 papers in 2007 growing by 120 a year (an estimate of
    arXiv's volume); 1801.02608, posted on 7 January 2018, is past it."""
    number = paper.partition(".")[2]
    return number.isdigit() and int(number) <= 600 + 120 * max(0, year - 2007)


# A word beside a year, as venues are written: 'CVPR 2023', 'ICLR'23', 'NeurIPS, 2O22'.
_VENUE_YEAR = re.compile(
    r"(?<![\w.'/-])(?P<word>[A-Za-z][A-Za-z0-9|]{1,9})(?:\s+|,\s*|\s*')"
    r"(?P<year>(?:19|20|2[Oo])[0-9Oo]{2}|(?<=')[0-9Oo]{2})(?![\w'/-]|\.\d)"
)


def _misspelt_venues(span: Span) -> Iterator[tuple[int, str]]:
    for match in _VENUE_YEAR.finditer(span.text):
        word, year = match.group("word"), match.group("year")
        meant = venue_near_miss(word)
        if meant is not None:
            yield match.start("word"), f"'{word}' looks like a misspelling of '{meant}'"
        elif "o" in year.lower() and any(c.isdigit() for c in year) and known_venue(word):
            right = year.replace("O", "0").replace("o", "0")
            yield match.start("year"), f"the year '{year}' has a letter O for a zero ('{right}')"


@rule(
    "RL113",
    "venue-spelling",
    "A venue name or year that misspells a known one.",
    covers_entry=True,
)
def venue_spelling(ctx: LintContext) -> Iterator[Violation]:
    """
    ## What it does
    Checks the venue written beside a year in each entry against a vocabulary of
    conferences and journals (NeurIPS, ICLR, ICML, CVPR, ICCV, ECCV, ACL, EMNLP,
    NAACL, AAAI, IJCAI, KDD, SIGGRAPH, MICCAI, TPAMI, JMLR...). Reported: a near
    miss of a known name, with letters a PDF or a keyboard confuses (`NeurlPS`,
    `lCLR`) or two neighbouring letters swapped in an acronym (`CPVR 2023`), and
    a year with a letter O for a zero (`ICLR'2O`). A known name in another letter
    case (`Neurips`), a name the vocabulary does not know, and a word not followed
    by a year are left alone.

    ## Why is this bad?
    A misspelt venue breaks search and sorting by venue, and reads as careless.

    ## Example
    ```markdown
    **Denoising Diffusion Probabilistic Models** \\
    *Jonathan Ho, Ajay Jain, Pieter Abbeel* \\
    NeurlPS 2020. [[Paper](https://arxiv.org/abs/2006.11239)] \\
    The comeback.
    ```

    ## Use instead
    ```markdown
    NeurIPS 2020. [[Paper](https://arxiv.org/abs/2006.11239)] \\
    ```

    ## Fix
    Not fixable by `--fix`: the finding names the spelling meant.
    """
    for entry in ctx.doc.entries:
        if entry.venue is not None:
            for offset, message in _misspelt_venues(entry.venue):
                yield Violation(entry.venue.line, entry.venue.col + offset, message)


# What copying from a PDF leaves: ligatures, soft hyphens, a word broken at a line's end
# ('Ef- ficient'; not 'pre- and post-', 'self- or semi-'), and a word said twice in a row.
_LIGATURES = re.compile("[\ufb00-\ufb06\u00ad]")
_BROKEN_WORD = re.compile(r"\b[A-Za-z]{2,}- (?!(?:and|or|nor|to|vs|versus|&)\b)[a-z]{3,}\b")
_REPEATED = re.compile(r"\b([A-Za-z]{3,})\b[.,]?\s+\1\b(?![-'])", re.IGNORECASE)


def _artefacts(span: Span, venue: bool) -> Iterator[tuple[int, str]]:
    for match in _LIGATURES.finditer(span.text):
        what = "a soft hyphen" if match.group() == "\u00ad" else f"the ligature {match.group()!r}"
        yield match.start(), f"{what}, copied from a PDF"
    for match in _BROKEN_WORD.finditer(span.text):
        yield match.start(), f"'{match.group()}' is a word broken at a PDF's line end"
    # Only a venue: 'Chen Chen' is a name, 'Attention is not not Explanation' a title.
    for match in _REPEATED.finditer(span.text) if venue else ():
        yield match.start(), f"'{match.group()}' says a word twice"


@rule(
    "RL115",
    "copy-artefact",
    "Text copied from a PDF: ligatures, soft hyphens, broken or doubled words.",
    covers_entry=True,
)
def copy_artefact(ctx: LintContext) -> Iterator[Violation]:
    """
    ## What it does
    Finds, in entries' titles, authors and venues, what copying from a PDF leaves:
    ligature characters (`ﬁ`, `ﬂ`, `ﬀ`), soft hyphens (invisible, they break
    search), a word broken at a line's end (`Ef- ficient`; `pre- and post-` is
    fine), and, in a venue, a word written twice in a row (`Preprint. Preprint.`;
    in names and titles a doubled word can be right: `Chen Chen`, `Attention is
    not not Explanation`).

    ## Why is this bad?
    Search on the page (and on GitHub) misses `ﬁnding` when the reader types
    `finding`; a broken or doubled word reads as careless.

    ## Example
    ```markdown
    **Ef- ficient Diffusion Models for Vision: A Survey** \\
    *Anwaar Ulhaq, Naveed Akhtar* \\
    Preprint. Preprint. [[Paper](https://arxiv.org/abs/2210.09292)] \\
    A survey of efficient diffusion models.
    ```

    ## Use instead
    ```markdown
    **Efficient Diffusion Models for Vision: A Survey** \\
    *Anwaar Ulhaq, Naveed Akhtar* \\
    Preprint. [[Paper](https://arxiv.org/abs/2210.09292)] \\
    A survey of efficient diffusion models.
    ```

    ## Fix
    Not fixable by `--fix`: the finding says what to write.
    """
    for entry in ctx.doc.entries:
        title = entry.title.text if entry.title else None
        for span in (title, entry.authors, entry.venue):
            if span is not None:
                for offset, message in _artefacts(span, span is entry.venue):
                    yield Violation(span.line, span.col + offset, message)


@rule(
    "RL116",
    "citation-number",
    "A reference number repeated by the next entry.",
    formats=(CITATION,),
)
def citation_number(ctx: LintContext) -> Iterator[Violation]:
    """
    ## What it does
    Finds a numbered reference (`**[34]**`) whose number is the one the entry before it
    in the same section already has: numbering goes up by one, or starts again at a
    new heading or run, but does not stay put.

    ## Why is this bad?
    Readers and other pages cite the list by these numbers ("see [35]"); a repeated
    number shifts every reference after it by one, and the list looks one paper short.

    ## Example
    ```markdown
    **[34]** Ho, Jonathan, et al. "**Denoising Diffusion Probabilistic Models**." NeurIPS (2020). [[pdf]](https://arxiv.org/abs/2006.11239)

    **[34]** Song, Jiaming, et al. "**Denoising Diffusion Implicit Models**." ICLR (2021). [[pdf]](https://arxiv.org/abs/2010.02502)
    ```

    ## Use instead
    ```markdown
    **[34]** Ho, Jonathan, et al. "**Denoising Diffusion Probabilistic Models**." NeurIPS (2020). [[pdf]](https://arxiv.org/abs/2006.11239)

    **[35]** Song, Jiaming, et al. "**Denoising Diffusion Implicit Models**." ICLR (2021). [[pdf]](https://arxiv.org/abs/2010.02502)
    ```

    ## Fix
    Not fixable: renumbering changes every later reference, which is the
    maintainer's call.
    """
    previous: tuple[Entry, int] | None = None
    for entry in entries_for(ctx.doc, "RL116"):
        number = reference_number(ctx.doc.line(entry.first_line).text)
        if number is None:
            previous = None
            continue
        if previous is not None and previous[1] == number and previous[0].section == entry.section:
            yield Violation(
                entry.first_line,
                ctx.doc.line(entry.first_line).text.index(f"[{number}]") + 1,
                f"reference number [{number}] is the same as the entry's before it "
                f"(line {previous[0].first_line})",
            )
        previous = (entry, number)
