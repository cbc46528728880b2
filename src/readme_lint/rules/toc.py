"""RL4xx: the table of contents against GitHub's real heading anchors."""

from __future__ import annotations

import bisect
from collections.abc import Iterator

from readme_lint.config import Config
from readme_lint.diagnostics import Edit, Fix, Violation
from readme_lint.model import Document, Heading, Link, TocItem
from readme_lint.rules import rule
from readme_lint.slug import fragment_forms, slugify, strip_shortcodes


def _resolves(doc: Document, fragment: str) -> bool:
    name = fragment_forms(fragment)
    return name in doc.anchors or name.removeprefix("user-content-") in doc.anchors


def _unique(headings: list[Heading]) -> Heading | None:
    return headings[0] if len(headings) == 1 else None


def _guess(doc: Document, link: Link) -> Heading | None:
    """The one heading a broken in-page link clearly means, if exactly one does."""
    raw = fragment_forms(link.target.text.removeprefix("#"))
    for key in (slugify(raw), slugify(strip_shortcodes(link.label.text).strip())):
        if not key:
            continue
        found = _unique([h for h in doc.headings if slugify(strip_shortcodes(h.text)) == key])
        if found is not None:
            return found
    folded = raw.casefold()
    return _unique([h for h in doc.headings if h.anchor.casefold() == folded])


def _in_page_links(doc: Document) -> Iterator[tuple[Link, bool]]:
    """(link, is a TOC item): TOC links, then every other '#' link."""
    toc_links = [item.link for item in doc.toc.items if item.link] if doc.toc else []
    seen = {(lk.line, lk.col) for lk in toc_links}
    for link in toc_links:
        yield link, True
    for link in doc.links:
        if (
            (link.line, link.col) not in seen
            and link.target.text.startswith("#")
            and not link.image
        ):
            yield link, False


@rule("RL401", "toc-anchor", "In-page link to an anchor no heading produces.", fixable=True)
def toc_anchor(doc: Document, config: Config) -> Iterator[Violation]:
    """
    ## What it does
    Checks every table-of-contents link, and every other `#fragment` link,
    against the anchors GitHub gives the headings (github-slugger rules:
    lowercase, punctuation and emoji removed, spaces to `-`, `-1`, `-2` for
    repeats) and any HTML `id`/`name`. A TOC link without its `#`
    (`[Editing](Editing)`) is a relative file link on GitHub, and is reported too.
    Percent-encoded fragments are decoded before comparing.

    ## Why is this bad?
    The link goes nowhere: GitHub scrolls to the top (or 404s for a missing `#`).

    ## Example
    ```markdown
    - [Editing](Editing)
    - [Papers](#papers)
    ```

    ## Use instead
    ```markdown
    - [Editing](#editing)
    ```

    ## Fix
    Rewrites the target when exactly one heading matches the link's target or
    text (missing `#`, wrong case, stale slug). No guess when it is ambiguous or
    the heading does not exist.
    """
    for link, in_toc in _in_page_links(doc):
        target = link.target.text
        if target.startswith("#"):
            if _resolves(doc, target[1:]):
                continue
            problem = f"'{target}' matches no heading anchor"
        elif in_toc:
            problem = f"'{target}' is a relative file link, not an in-page anchor (missing '#')"
        else:
            continue
        heading = _guess(doc, link)
        fix = None
        if heading is not None:
            line = doc.line(link.line)
            edit = Edit(
                line.start + link.target.col - 1,
                line.start + link.target.end_col - 1,
                "#" + heading.anchor,
            )
            fix = Fix(f"link to '#{heading.anchor}'", (edit,))
            problem += f"; did you mean '#{heading.anchor}' (line {heading.line})?"
        yield Violation(link.line, link.target.col, problem, fix)


def toc_matches(doc: Document) -> list[tuple[TocItem, Heading | None]]:
    """Each TOC item with the heading it stands for (by anchor, else by its text)."""
    if doc.toc is None:
        return []
    by_anchor = {h.anchor: h for h in doc.headings}
    by_text: dict[str, list[Heading]] = {}
    for h in doc.headings:
        by_text.setdefault(slugify(strip_shortcodes(h.text)), []).append(h)
    out: list[tuple[TocItem, Heading | None]] = []
    for item in doc.toc.items:
        heading = None
        if item.link is not None and item.link.target.text.startswith("#"):
            heading = by_anchor.get(fragment_forms(item.link.target.text[1:]))
        if heading is None:
            heading = _unique(by_text.get(slugify(strip_shortcodes(item.text)), []))
        out.append((item, heading))
    return out


def _excluded(config: Config, heading: Heading) -> bool:
    name = strip_shortcodes(heading.text).strip().casefold()
    return any(name == e.casefold() for e in config.toc_exclude)


@rule("RL402", "toc-missing", "Heading missing from the table of contents.")
def toc_missing(doc: Document, config: Config) -> Iterator[Violation]:
    """
    ## What it does
    Finds headings, at the levels the table of contents covers, that no TOC item
    points to. Headings before the TOC (the title, an introduction), the TOC's
    own heading and the names in `toc-exclude` (default: Contributing,
    Contributions, License...) are not expected in it.

    ## Why is this bad?
    Readers use the TOC to find sections; a section missing from it is hidden.

    ## Example
    ```markdown
    ## Contents
    - [Editing](#editing)

    ## Editing
    ## Inversion
    ```

    ## Use instead
    ```markdown
    - [Editing](#editing)
    - [Inversion](#inversion)
    ```

    ## Fix
    Not fixable yet (the `--fix` engine will insert the item).
    """
    toc = doc.toc
    matches = toc_matches(doc)
    levels = {h.level for _, h in matches if h is not None}
    if toc is None or not levels:
        return
    low, high = min(levels), max(levels)
    listed = {h.index for _, h in matches if h is not None}
    start = toc.last_line
    for heading in doc.headings:
        if heading.line <= start or heading.index in listed or not low <= heading.level <= high:
            continue
        if _excluded(config, heading):
            continue
        yield Violation(
            heading.line, 1, f"heading '{heading.text}' is not in the table of contents"
        )


def _longest_increasing(values: list[int]) -> set[int]:
    """Positions of one longest strictly increasing subsequence (patience sort)."""
    tails: list[int] = []
    tail_pos: list[int] = []
    parent: list[int] = [-1] * len(values)
    for pos, value in enumerate(values):
        k = bisect.bisect_left(tails, value)
        if k == len(tails):
            tails.append(value)
            tail_pos.append(pos)
        else:
            tails[k] = value
            tail_pos[k] = pos
        parent[pos] = tail_pos[k - 1] if k else -1
    keep: set[int] = set()
    pos = tail_pos[-1] if tail_pos else -1
    while pos != -1:
        keep.add(pos)
        pos = parent[pos]
    return keep


@rule("RL403", "toc-order", "Table of contents in another order than the headings.")
def toc_order(doc: Document, config: Config) -> Iterator[Violation]:
    """
    ## What it does
    Finds TOC items listed in another order than their headings appear in the
    document. The fewest items that, moved, restore the order are reported.

    ## Why is this bad?
    A TOC out of order sends readers up and down the page and suggests sections
    that were moved without updating the TOC.

    ## Example
    ```markdown
    - [Inversion](#inversion)
    - [Editing](#editing)

    ## Editing
    ## Inversion
    ```

    ## Use instead
    ```markdown
    - [Editing](#editing)
    - [Inversion](#inversion)
    ```

    ## Fix
    Not fixable yet (the `--fix` engine will reorder the items).
    """
    matched = [(item, h) for item, h in toc_matches(doc) if h is not None]
    order = [h.index for _, h in matched]
    keep = _longest_increasing(order)
    for pos, (item, heading) in enumerate(matched):
        if pos in keep:
            continue
        col = item.link.col if item.link else len(item.indent) + 1
        yield Violation(
            item.line,
            col,
            f"TOC item '{item.text}' is out of order (its heading is at line {heading.line})",
        )


@rule("RL404", "empty-section", "Heading with nothing under it.")
def empty_section(doc: Document, config: Config) -> Iterator[Violation]:
    """
    ## What it does
    Finds a heading with nothing under it before the next heading of its level
    or higher (subsections count as content).

    ## Why is this bad?
    An empty section is a promise of papers that are not there, and a dead TOC
    entry.

    ## Example
    ```markdown
    ## Editing

    ## Inversion
    ```

    ## Use instead
    Add the section's entries, or remove the heading.

    ## Fix
    Not fixable.
    """
    headings = doc.headings
    for i, heading in enumerate(headings):
        nxt = headings[i + 1] if i + 1 < len(headings) else None
        if nxt is not None and nxt.level > heading.level:
            continue  # its subsections are its content
        end = nxt.line - 1 if nxt is not None else len(doc.lines)
        if not any(doc.line(n).text.strip() for n in range(heading.last_line + 1, end + 1)):
            yield Violation(heading.line, 1, f"section '{heading.text}' is empty")
