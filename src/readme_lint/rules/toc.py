"""RL4xx: the table of contents against GitHub's real heading anchors."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from readme_lint.core.conventions import majority_eol
from readme_lint.core.diagnostics import Edit, Fix, Render, Violation
from readme_lint.core.model import Document, Heading, Link, Toc, TocItem
from readme_lint.core.papers import similar_titles, title_key
from readme_lint.core.slug import fragment_forms, landing, slugify
from readme_lint.core.toc import (
    is_divider,
    is_note,
    item_headings,
    misdirected,
    missing_headings,
    section_lines,
    toc_matches,
    unique_heading,
)
from readme_lint.rules.registry import LintContext, rule


def _resolves(doc: Document, fragment: str) -> bool:
    return landing(fragment, doc.anchors) is not None


def _guess(doc: Document, link: Link) -> tuple[Heading, bool] | None:
    """The one heading a broken in-page link clearly means, and whether that is certain.

    Certain (a safe fix): the target is the heading's anchor but for a missing
    '#'. Otherwise a match by slug or label is a guess (unsafe).
    """
    raw = fragment_forms(link.target.text.removeprefix("#"))
    exact = unique_heading([h for h in doc.headings if h.anchor.casefold() == raw.casefold()])
    if exact is not None:
        return exact, True
    for key in (slugify(raw), slugify(link.label.text.strip())):
        if not key:
            continue
        found = unique_heading([h for h in doc.headings if h.anchor == key])
        if found is not None:
            return found, slugify(raw) == found.anchor and raw.casefold() == raw.lower()
    return None


def _meant(doc: Document, link: Link, missing: list[tuple[Heading, bool]]) -> Heading | None:
    """The heading a broken TOC link stands for: its guess, else the one heading not in
    the TOC whose anchor holds every word of the link's target or text."""
    guess = _guess(doc, link)
    if guess is not None:
        return guess[0]
    target = set(slugify(link.target.text.removeprefix("#")).split("-")) - {""}
    label = set(slugify(link.label.text).split("-")) - {""}
    for words in (target, label):
        found = [h for h, _ in missing if words and words <= set(h.anchor.split("-"))]
        if len(found) == 1:
            return found[0]
        if len(found) > 1 and words is label:
            # '[Motion-guided](#motion-guided-editing-model)': of the headings holding
            # the label's words, the one sharing the most words with the target.
            shared = sorted((len(target & set(h.anchor.split("-"))), h.line) for h in found)
            if shared[-1][0] > shared[-2][0]:
                return next(h for h in found if h.line == shared[-1][1])
    # '[Video Generation with other Condtions](#…)': the label misspelt.
    key = title_key(link.label.text)
    close = [
        h
        for h, _ in missing
        if len(key) >= 12 and title_key(h.text) and similar_titles(key, title_key(h.text))
    ]
    return close[0] if len(close) == 1 else None


def _broken_toc_links(doc: Document) -> Iterator[Link]:
    for link, in_toc in _in_page_links(doc):
        target = link.target.text
        if in_toc and not (target.startswith("#") and _resolves(doc, target[1:])):
            yield link


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


# A web or mail link among the TOC's items ('https://...', '//host'): not meant in-page.
_ABSOLUTE = re.compile(r"(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)


def _linked_elsewhere(text: str, anchor: str) -> bool:
    """Some Markdown or HTML link in the page already targets ``#anchor``."""
    # '#General' lands on 'general' too (GitHub lowercases a fragment that matches nothing).
    pattern = rf"(?:\]\(|href=[\"']?)#{re.escape(anchor)}[)\"'\s>]"
    return re.search(pattern, text, re.IGNORECASE) is not None


@rule(
    "RL401",
    "toc-anchor",
    "In-page link to an anchor no heading produces.",
    fixable=True,
    applicability="sometimes",
    scope="document",
)
def toc_anchor(ctx: LintContext) -> Iterator[Violation]:
    """
    ## What it does
    Checks every table-of-contents link, and every other `#fragment` link,
    against the anchors GitHub gives the headings (github-slugger rules:
    lowercase, punctuation and emoji removed, spaces to `-`, `-1`, `-2` for
    repeats) and any HTML `id`/`name`. A TOC link without its `#`
    (`[Editing](Editing)`) is a relative file link on GitHub, and is reported too.
    Percent-encoded fragments are decoded before comparing, and a fragment that
    differs from an anchor only in letter case (`#General`) is not reported: when
    nothing matches as written, GitHub's page tries the fragment lowercased, so
    the link works there.

    ## Why is this bad?
    The link goes nowhere: GitHub scrolls to the top (or 404s for a missing `#`).

    ## Example
    ```markdown
    ## Contents
    - [Editing](Editing)
    - [Inversion](#invertion)

    ## Editing
    ## Inversion
    ```

    ## Use instead
    ```markdown
    ## Contents
    - [Editing](#editing)
    - [Inversion](#inversion)

    ## Editing
    ## Inversion
    ```

    ## Fix
    Rewrites the target when exactly one heading matches the link's target or
    text (missing `#`, stale slug). No guess when it is ambiguous or
    the heading does not exist, and no fix when another link in the page already
    goes to that heading (which of the two is meant is the maintainer's call). The
    fix is unsafe when it is a guess from the text.
    """
    doc = ctx.doc
    for link, in_toc in _in_page_links(doc):
        target = link.target.text
        if target.startswith("#"):
            if _resolves(doc, target[1:]):
                continue
            problem = f"'{target}' matches no heading anchor"
        elif in_toc and not _ABSOLUTE.match(target):
            problem = f"'{target}' is a relative file link, not an in-page anchor (missing '#')"
        else:
            continue
        guess = _guess(doc, link)
        fix = None
        if guess is not None:
            heading, certain = guess
            line = doc.line(link.line)
            edit = Edit(
                line.start + link.target.col - 1,
                line.start + link.target.end_col - 1,
                "#" + heading.anchor,
            )
            problem += f"; did you mean '#{heading.anchor}' (line {heading.line})?"
            if _linked_elsewhere(doc.text, heading.anchor):
                # Two links to one heading: which of them is meant is the maintainer's call.
                problem += " (another link already goes there: not fixed)"
            else:
                fix = Fix(f"link to '#{heading.anchor}'", (edit,), safe=certain, render=Render.HREF)
        covers = tuple(sorted(item_headings(doc).get(link.line, ())))
        yield Violation(link.line, link.target.col, problem, fix, covers=covers)
    yield from _misdirected(doc)


def _misdirected(doc: Document) -> Iterator[Violation]:
    """Links to the first of two headings of one name from the place of the second."""
    for item, landed, meant in misdirected(doc):
        link = item.link
        assert link is not None
        line = doc.line(link.line)
        edit = Edit(
            line.start + link.target.col - 1,
            line.start + link.target.end_col - 1,
            "#" + meant.anchor,
        )
        problem = (
            f"'{link.target.text}' goes to the '{landed.name}' at line {landed.line}; the one "
            f"in this item's place is '#{meant.anchor}' (line {meant.line})"
        )
        # Unsafe: the place says which heading is meant; the maintainer may have meant the other.
        fix = Fix(f"link to '#{meant.anchor}'", (edit,), safe=False, render=Render.HREF)
        yield Violation(link.line, link.target.col, problem, fix, covers=(meant.line,))


def _siblings(items: tuple[TocItem, ...], pos: int, depth: int) -> Iterator[TocItem]:
    """Items at ``depth`` in the same sub-list as position ``pos``, nearest first."""
    for step in (-1, 1):
        k = pos if step == -1 else pos + 1
        while 0 <= k < len(items) and items[k].depth >= depth:
            if items[k].depth == depth:
                yield items[k]
            k += step


def _style(items: tuple[TocItem, ...], pos: int, depth: int) -> str:
    """The source before the link of a new item at ``depth`` next to position ``pos``.

    Copied from its would-be siblings (another bullet would start a new list),
    else from any item at that depth, else derived from the TOC's indentation.
    """
    same = next(_siblings(items, pos, depth), None) or next(
        (i for i in items if i.depth == depth), None
    )
    if same is not None:
        return same.lead
    top = items[0]
    child = next((i for i in items if i.depth == 1), None)
    unit = (
        child.indent[len(top.indent) :] if child and len(child.indent) > len(top.indent) else "  "
    )
    return top.indent + unit * depth + top.bullet + " "


def _item_line(items: tuple[TocItem, ...], pos: int, heading: Heading, depth: int, eol: str) -> str:
    lead = _style(items, pos, depth)
    label = heading.text.replace("[", "\\[").replace("]", "\\]")
    return f"{lead}[{label}](#{heading.anchor}){eol}"


def _line_eol(doc: Document, number: int) -> str:
    return doc.line(number).eol or majority_eol(doc)


def _insertion_fix(doc: Document, missing: list[Heading]) -> Fix:
    """One fix inserting every missing heading after the item of the heading before it."""
    toc = doc.toc
    assert toc is not None
    listed = {h.position: item for item, h in toc_matches(doc) if h is not None}
    base = min(h.level for h in doc.headings if h.position in listed)
    inserts: dict[int, list[str]] = {}
    for heading in missing:
        before = [i for i in listed if i < heading.position]
        eol = _line_eol(doc, toc.items[0].line)
        if before:
            item = listed[max(before)]
            line = doc.line(item.line)
            at, pos = line.end + len(line.eol), toc.items.index(item)
            prefix = "" if line.eol else eol  # the item was the file's unterminated last line
        else:
            at, pos, prefix = doc.line(toc.items[0].line).start, 0, ""
        depth = max(heading.level - base, 0)
        inserts.setdefault(at, []).append(prefix + _item_line(toc.items, pos, heading, depth, eol))
    edits = tuple(Edit(at, at, "".join(lines)) for at, lines in sorted(inserts.items()))
    # Unsafe: where an item goes and how it is labelled is the maintainer's call.
    return Fix(
        "add the missing headings to the table of contents", edits, safe=False, render=Render.TOC
    )


@rule(
    "RL402",
    "toc-missing",
    "Heading missing from the table of contents.",
    fixable=True,
    applicability="sometimes",
    scope="document",
)
def toc_missing(ctx: LintContext) -> Iterator[Violation]:
    """
    ## What it does
    Finds headings, at the levels the table of contents covers, that no TOC item
    points to. Headings before the TOC (the title, an introduction), the TOC's
    own heading, a bare `##` separator and the names in `toc-exclude` (default:
    Contributing, License, Citation, Contact, Acknowledgements, Star History, Feedback...)
    are not expected in it. A subsection is expected only where the TOC lists
    some of its siblings: a TOC that lists `Methods` alone leaves its subsections
    out on purpose. An item may hold several links (`- [A](#a) | [B](#b)`) and a
    count beside them. A link to an HTML anchor placed for a heading
    (`<a name="x"></a>` on the line above it, or inside it) lists that heading. A
    heading a broken TOC link stands for (`toc-anchor` reports the link) is not
    reported again here.

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
    Inserts each missing heading after the item of the heading before it, with
    the TOC's own indentation and bullet for its depth. A heading that another link
    in the page already goes to is left out of the fix (a second link to it is the
    maintainer's call). No fix where TOC items share a line: where a new one goes
    is a layout call.
    """
    doc, config = ctx.doc, ctx.config
    # A heading a broken TOC link stands for is reported once, by toc-anchor.
    missing = missing_headings(doc, config)
    meant: dict[tuple[int, int], int] = {
        (link.line, link.col): h.line
        for link in _broken_toc_links(doc)
        if (h := _meant(doc, link, missing))
    }
    missing = [(h, covered) for h, covered in missing if h.line not in meant.values()]
    stood_for, unsure = _gaps(doc, [h for h, _ in missing], set(meant))
    missing = [(h, covered) for h, covered in missing if h.line not in stood_for]
    # A heading some link already goes to is not linked again by a guess, nor one a
    # broken item beside its place may stand for (the fix would list it twice).
    inside = [
        h
        for h, covered in missing
        if covered and h.line not in unsure and not _linked_elsewhere(doc.text, h.anchor)
    ]
    # Several items on a line ('- [A](#a) | [B](#b)'): where a new one goes is a layout call.
    fix = _insertion_fix(doc, inside) if inside and not _shares_lines(doc) else None
    for heading, _covered in missing:
        yield Violation(
            heading.line,
            1,
            f"heading '{heading.name}' is not in the table of contents",
            fix if heading in inside else None,
        )


def _gaps(
    doc: Document, missing: list[Heading], placed: set[tuple[int, int]]
) -> tuple[set[int], set[int]]:
    """Missing headings that broken TOC items stand for by their place in the TOC.

    A TOC item that resolves to no heading, between the items of headings P and N,
    stands for a heading between P and N. Where such items are as many as the
    missing headings there, each is one of them (toc-anchor reports the item); where
    they are fewer, which heading each is cannot be told, so the headings there are
    reported without a fix. Items in ``placed`` already stand for a heading by their
    words. Returns (the headings stood for, the unsure ones), as lines.
    """
    matches = toc_matches(doc)
    known = [(k, h.position) for k, (_, h) in enumerate(matches) if h is not None]
    broken = {
        (link.line, link.col)
        for link in _broken_toc_links(doc)
        if not _ABSOLUTE.match(link.target.text)
    } - placed
    gaps: dict[tuple[int, int], int] = {}
    for k, (item, heading) in enumerate(matches):
        if heading is not None or item.link is None:
            continue
        if (item.link.line, item.link.col) not in broken:
            continue
        before = max((pos for i, pos in known if i < k), default=-1)
        after = min((pos for i, pos in known if i > k), default=len(doc.headings))
        gaps[(before, after)] = gaps.get((before, after), 0) + 1
    stood_for: set[int] = set()
    unsure: set[int] = set()
    for (before, after), count in gaps.items():
        inside = [h.line for h in missing if before < h.position < after]
        (stood_for if count >= len(inside) else unsure).update(inside)
    return stood_for, unsure


def _shares_lines(doc: Document) -> bool:
    """Some line of the TOC holds several of its items."""
    items = doc.toc.items if doc.toc else ()
    return len({item.line for item in items}) < len(items)


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


@rule(
    "RL403",
    "toc-order",
    "Table of contents in another order than the headings.",
    fixable=True,
    scope="document",
)
def toc_order(ctx: LintContext) -> Iterator[Violation]:
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
    Reorders the items to follow the headings, each with the lines under it. An
    item for a heading that does not exist keeps its place after the item before
    it: it is reported by `toc-anchor`, never deleted. No fix where items share a
    line (`- [B](#b) | [A](#a)`), nor where an item is listed under another
    section's item (sorting each sub-list cannot put it in its place).
    """
    doc = ctx.doc
    matched = _without_group_labels([(item, h) for item, h in toc_matches(doc) if h is not None])
    keep = _longest_increasing([h.position for _, h in matched])
    if len(keep) == len(matched):
        return
    # Items sharing a line move only with their line: reordering them is a layout call.
    fix = None if _shares_lines(doc) else _reorder_fix(doc)
    for pos, (item, heading) in enumerate(matched):
        if pos in keep:
            continue
        col = item.link.col if item.link else len(item.indent) + 1
        yield Violation(
            item.line,
            col,
            f"TOC item '{item.text}' is out of order (its heading is at line {heading.line})",
            fix,
            covers=tuple(sorted(item_headings(doc).get(item.line, ()))),
        )


def _without_group_labels(
    matched: list[tuple[TocItem, Heading]],
) -> list[tuple[TocItem, Heading]]:
    """The matched items less the group labels: an item linking the same heading as its
    first nested item ('- [Contrastive](#node-level)' over '  - [Node level](#node-level)')
    names a group with no heading of its own; where it stands is its first child's place."""
    out = []
    for k, (item, heading) in enumerate(matched):
        nxt = matched[k + 1] if k + 1 < len(matched) else None
        if nxt is not None and nxt[1] is heading and nxt[0].depth > item.depth:
            continue
        out.append((item, heading))
    return out


def _reorder_fix(doc: Document) -> Fix | None:
    """Sort each sub-list's items into heading order and keep the nesting.

    An item moves with the lines under it (blank lines of a loose list) and its
    sub-items. An item with no heading keeps its place after the sibling before
    it. The edits cover only the lines that change. None when sorting the sub-lists
    leaves the TOC out of order.
    """
    toc = doc.toc
    assert toc is not None
    matches = toc_matches(doc)
    texts: list[list[str]] = []
    children: dict[int, list[int]] = {-1: []}
    open_items: list[int] = []
    for pos, (item, _) in enumerate(matches):
        last = matches[pos + 1][0].line - 1 if pos + 1 < len(matches) else toc.last_line
        texts.append([doc.line(n).text + _line_eol(doc, n) for n in range(item.line, last + 1)])
        while open_items and matches[open_items[-1]][0].depth >= item.depth:
            open_items.pop()
        children[open_items[-1] if open_items else -1].append(pos)
        children[pos] = []
        open_items.append(pos)

    def ordered(parent: int) -> Iterator[int]:
        keys: list[tuple[int, int]] = []
        previous = -1
        for pos in children[parent]:
            heading = matches[pos][1]
            previous = heading.position if heading is not None else previous
            keys.append((previous, pos))
        for _, pos in sorted(keys):
            yield pos
            yield from ordered(pos)

    order = list(ordered(-1))
    after = _without_group_labels([(matches[p][0], h) for p in order if (h := matches[p][1])])
    if len(_longest_increasing([h.position for _, h in after])) < len(after):
        # An item listed under another section's item ('Guides' under Repositories, its
        # heading under Papers): sorting sub-lists cannot place it; moving it is the
        # maintainer's call.
        return None
    old = [line for lines in texts for line in lines]
    new = [line for pos in order for line in texts[pos]]
    return Fix("reorder the table of contents", _line_edits(doc, toc, old, new), render=Render.TOC)


def _line_edits(doc: Document, toc: Toc, old: list[str], new: list[str]) -> tuple[Edit, ...]:
    """Edits turning the TOC's lines ``old`` into ``new``, for the changed lines only."""
    if not doc.line(toc.last_line).eol:
        # The TOC ends the file without a newline: whichever line ends up last has none.
        eol = _line_eol(doc, toc.last_line)
        old = [*old[:-1], old[-1].removesuffix(eol)]
        new = [*new[:-1], new[-1].removesuffix(eol)]
    offsets = [doc.line(toc.items[0].line).start]
    for line in old:
        offsets.append(offsets[-1] + len(line))
    edits = []
    import difflib  # rarely reached: kept off the start-up path

    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            edits.append(Edit(offsets[i1], offsets[i2], "".join(new[j1:j2])))
    return tuple(edits)


@rule("RL404", "empty-section", "Heading with nothing under it.", scope="document")
def empty_section(ctx: LintContext) -> Iterator[Violation]:
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

    **Null-text Inversion for Editing Real Images using Guided Diffusion Models** \\
    *Ron Mokady, Amir Hertz, Kfir Aberman, Yael Pritch, Daniel Cohen-Or* \\
    CVPR 2023. [[Paper](https://arxiv.org/abs/2211.09794)] \\
    Inverts a real image by optimizing the null-text embedding.
    ```

    ## Use instead
    Add the section's entries, or remove the heading.
    ```markdown
    ## Inversion

    **Null-text Inversion for Editing Real Images using Guided Diffusion Models** \\
    *Ron Mokady, Amir Hertz, Kfir Aberman, Yael Pritch, Daniel Cohen-Or* \\
    CVPR 2023. [[Paper](https://arxiv.org/abs/2211.09794)] \\
    Inverts a real image by optimizing the null-text embedding.
    ```

    ## Fix
    Not fixable.
    """
    doc = ctx.doc
    headings = doc.headings
    for i, heading in enumerate(headings):
        nxt = headings[i + 1] if i + 1 < len(headings) else None
        if nxt is not None and nxt.level > heading.level:
            continue  # its subsections are its content
        if nxt is not None and nxt.level == heading.level and is_divider(doc, nxt):
            continue  # '## Avatars:' over '## 2024:', '## 2023:': its papers, divided by year
        end = nxt.line - 1 if nxt is not None else len(doc.lines)
        if any(doc.line(n).text.strip() for n in range(heading.last_line + 1, end + 1)):
            continue
        if (
            is_note(heading)
            or not heading.name.strip(" \t#-=*_")  # a bare '##': a separator line, no section
            or _is_link_heading(doc, heading)
            or _LINK_NO_OPEN.match(heading.text)
        ):
            continue  # a link or a banner image is content; a link missing its '[' is RL405's
        covers = tuple(section_lines(doc, i))
        yield Violation(heading.line, 1, f"section '{heading.name}' is empty", covers=covers)


def _is_link_heading(doc: Document, heading: Heading) -> bool:
    """A heading that is a link (``#### [Paper title](u)``) or holds an image (a banner,
    a logo): that is its content."""
    on_line = [lk for lk in doc.links if lk.line == heading.line]
    if any(lk.image for lk in on_line):
        return True
    if _HTML_LINK.search(doc.line(heading.line).text):
        return True  # '## <a href="u">Workshop on …</a>, July 2026.': an announcement
    labels = " ".join(lk.label.text.strip("[]") for lk in on_line)
    return bool(labels) and " ".join(labels.split()) == " ".join(heading.text.split())


_HTML_LINK = re.compile(r"<a\s[^>]*\bhref\s*=", re.IGNORECASE)
# '## Segmentation Loss Odyssey (paper & code)](https://...)': a link without its '['.
_LINK_NO_OPEN = re.compile(r"[^\[\]]+\]\((?:https?://|#)[^)\s]*\)")
_NO_SPACE_HEADING = re.compile(r" {0,3}(#{1,6})(?=[^\W_])[^.!?]{1,100}$")


@rule(
    "RL405",
    "heading-syntax",
    "A heading without a space after its '#', or whose link lacks its '['.",
    fixable=True,
    applicability="sometimes",
)
def heading_syntax(ctx: LintContext) -> Iterator[Violation]:
    """
    ## What it does
    Finds a line that was meant as a heading but has no space after its `#`s
    (`#2 Deep Learning Method`, `##Editing`), and a heading whose link lost its
    opening `[` (`## Segmentation Loss Odyssey](https://...)`: the markup shows as
    text; not fixable, where the label starts is a guess).

    ## Why is this bad?
    GitHub renders it as a plain paragraph with the `#` showing: the section
    has no heading, no anchor, and the TOC link to it goes nowhere.

    ## Example
    ```markdown
    ##Editing
    ```

    ## Use instead
    ```markdown
    ## Editing
    ```

    ## Fix
    Inserts the space after the `#`s. An unsafe fix (`--unsafe-fixes`): it adds a
    section to the page.
    """
    doc = ctx.doc
    for heading in doc.headings:
        if not heading.html and _LINK_NO_OPEN.match(heading.text):
            col = doc.line(heading.line).text.find(heading.text[:1]) + 1
            yield Violation(
                heading.line, col, "the heading's link is missing its '[': it shows as text"
            )
    for block in doc.blocks:
        if block.kind != "paragraph":
            continue
        line = doc.line(block.first_line)
        match = _NO_SPACE_HEADING.match(line.text)
        if match is None:
            continue
        at = match.end(1)
        yield Violation(
            line.number,
            match.start(1) + 1,
            f"no space after '{match.group(1)}': GitHub shows this line as text, not a heading",
            # Unsafe: it turns a paragraph into a heading (a new anchor, a new section).
            Fix(
                "insert a space after the '#'",
                (Edit(line.start + at, line.start + at, " "),),
                False,
                render=Render.HEADING,
            ),
        )
