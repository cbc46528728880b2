"""The table of contents against the headings: which heading each item stands for, which
headings it leaves out, and which headings are notes that no TOC lists."""

import bisect
import functools
import re

from readme_lint.config import Config
from readme_lint.core import outline
from readme_lint.core.model import Document, Heading, Link, TocItem
from readme_lint.core.slug import fragment_forms, landing, slugify
from readme_lint.core.syntax import DATE

# A heading that is a note, not a section: "Last update: Jun 7, 2024", "Updated 2024-06-07".
_NOTE = re.compile(r"(?:last\s+)?(?:updated?|modified|news)\b", re.IGNORECASE)


@functools.cache
def _date_in() -> re.Pattern[str]:
    """A date anywhere in a text; compiled the first time a heading reads like a note."""
    return re.compile(DATE.pattern.removesuffix("$"), re.IGNORECASE)


def is_note(heading: Heading) -> bool:
    """A heading used as a dated note, which no TOC lists and nothing need follow."""
    return bool(_NOTE.match(heading.name)) and bool(_date_in().search(heading.name))


def unique_heading(headings: list[Heading]) -> Heading | None:
    return headings[0] if len(headings) == 1 else None


def toc_matches(doc: Document) -> list[tuple[TocItem, Heading | None]]:
    """Each TOC item with the heading it stands for (by anchor, else by its text; a link
    to a heading whose name repeats stands for the one of that name in its place)."""
    return doc.memo("toc-matches", lambda: _by_place(doc, _landings(doc)))


def misdirected(doc: Document) -> list[tuple[TocItem, Heading, Heading]]:
    """TOC items whose link lands on a heading of a repeated name ('Ion traps' under
    Superconducting) while the heading of that name in the item's place is another one
    ('#ion-traps-1', under Trapped ions): (item, where it lands, the heading meant)."""
    return [
        (item, landed, meant)
        for (item, landed), (_, meant) in zip(_landings(doc), toc_matches(doc), strict=True)
        if landed is not None and meant is not None and landed is not meant
    ]


def _by_place(
    doc: Document, landed: list[tuple[TocItem, Heading | None]]
) -> list[tuple[TocItem, Heading | None]]:
    """Items re-read by their place: walking the TOC, an item whose heading's name repeats
    and that lands before the heading of the item above it stands for the first heading
    of that name after it, when that one comes before the next item's heading."""
    by_name: dict[str, list[Heading]] = {}
    for h in doc.headings:
        by_name.setdefault(slugify(h.name), []).append(h)
    out: list[tuple[TocItem, Heading | None]] = []
    prev = -1
    for k, (item, heading) in enumerate(landed):
        if heading is not None and heading.position <= prev:
            same = by_name.get(slugify(heading.name), [])
            nxt = next(
                (h.position for _, h in landed[k + 1 :] if h is not None and h.position > prev),
                None,
            )
            later = [h for h in same if prev < h.position and (nxt is None or h.position < nxt)]
            if len(same) > 1 and later:
                heading = later[0]
        if heading is not None:
            prev = max(prev, heading.position)
        out.append((item, heading))
    return out


def _landings(doc: Document) -> list[tuple[TocItem, Heading | None]]:
    """Each TOC item with the heading its link lands on (else the one its text names)."""
    return doc.memo("toc-landings", lambda: _land(doc))


def _land(doc: Document) -> list[tuple[TocItem, Heading | None]]:
    if doc.toc is None:
        return []
    by_anchor = {**named_by_html(doc), **{h.anchor: h for h in doc.headings if h.anchor}}
    by_text: dict[str, list[Heading]] = {}
    for h in doc.headings:
        by_text.setdefault(slugify(h.name), []).append(h)
    out: list[tuple[TocItem, Heading | None]] = []
    for item in doc.toc.items:
        heading = None
        if item.link is not None and item.link.target.text.startswith("#"):
            anchor = landing(item.link.target.text[1:], by_anchor)
            heading = by_anchor.get(anchor) if anchor is not None else None
        if heading is None:
            heading = unique_heading(by_text.get(slugify(" ".join(item.text.split())), []))
        out.append((item, heading))
    return out


def named_by_html(doc: Document) -> dict[str, Heading]:
    """HTML anchors that stand for a heading: ids on the heading's own line
    (``## <a name="x"></a>Title``) or on anchor-only lines right above it (blank lines
    between): a link to one lands at that heading."""

    def find() -> dict[str, Heading]:
        out: dict[str, Heading] = {}
        if not doc.extra_anchors:
            return out
        for h in doc.headings:
            number = h.line
            texts = [doc.line(number).text]
            number -= 1
            while number >= 1 and not doc.line(number).text.strip():
                number -= 1
            while number >= 1 and outline.anchor_only(doc.line(number).text):
                texts.append(doc.line(number).text)
                number -= 1
            for text in texts:
                for anchor in outline.html_anchors(text):
                    out.setdefault(anchor, h)
        return out

    return doc.memo("anchors-named-by-html", find)


def excluded_from_toc(config: Config, heading: Heading) -> bool:
    # '## [↑](#contents) Contributing': a back-to-top arrow is no part of the name.
    name = heading.name.strip(_NOT_NAME).casefold()
    if not name:
        return True  # a bare '##' is a separator line, no section
    return is_note(heading) or any(name == e.casefold() for e in config.toc_exclude)


_NOT_NAME = " \t↑⬆⇧^▲🔝:-|·•"  # what sets a back-to-top link or a bullet off from a name
_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)
_ANCHOR_LINK = re.compile(r"\]\(#([^)\s]+)\)")


def commented_out_anchors(doc: Document) -> frozenset[str]:
    """Anchors of in-page links inside HTML comments: TOC items a maintainer took out on
    purpose (``<!-- - [Spatial Control](#spatial-control) -->``)."""

    def find() -> frozenset[str]:
        if "<!--" not in doc.text:
            return frozenset()
        return frozenset(
            fragment_forms(anchor).lower()
            for comment in _COMMENT.finditer(doc.text)
            for anchor in _ANCHOR_LINK.findall(comment.group(1))
        )

    return doc.memo("commented-out-anchors", find)


_YEAR_NAME = re.compile(r"(?:year\s+)?(?:19|20)\d\d")


def _divider_key(name: str) -> str:
    return " ".join(name.strip(" :.-*_").casefold().split())


def dividers(doc: Document) -> frozenset[str]:
    """Heading names used three times or more ('2024:', '2023:' under each category):
    dividers inside sections, which a TOC leaves out and which are a section's content."""

    def find() -> frozenset[str]:
        counts: dict[str, int] = {}
        for heading in doc.headings:
            key = _divider_key(heading.name)
            counts[key] = counts.get(key, 0) + 1
        repeated = {key for key, n in counts.items() if n >= 3 and key}
        # Years repeated under categories: every year heading is one of those dividers.
        if any(_YEAR_NAME.fullmatch(key) for key in repeated):
            repeated |= {key for key in counts if _YEAR_NAME.fullmatch(key)}
        return frozenset(repeated)

    return doc.memo("heading-dividers", find)


def is_divider(doc: Document, heading: Heading) -> bool:
    return _divider_key(heading.name) in dividers(doc)


def missing_headings(doc: Document, config: Config) -> list[tuple[Heading, bool]]:
    """Headings after the TOC, at the levels it covers, that no item stands for.

    Each with whether it lies in the stretch of the page the TOC covers (from its
    first heading up to a heading above the TOC's levels after its last one): only
    there is it clear where the new item goes.
    """
    toc = doc.toc
    matches = toc_matches(doc)
    listed_headings = [h for _, h in matches if h is not None]
    if toc is None or not listed_headings:
        return []
    low = min(h.level for h in listed_headings)
    high = max(h.level for h in listed_headings)
    listed = {h.position for h in listed_headings}
    anchors = doc.anchors
    linked = {
        landing(item.link.target.text[1:], anchors)
        for item in toc.items
        if item.link is not None and item.link.target.text.startswith("#")
    }
    linked |= menu_anchors(doc)
    hidden = commented_out_anchors(doc)
    first = min(h.position for h in listed_headings)
    last = max(listed_headings, key=lambda h: h.position)
    end = next(
        (h.position for h in doc.headings[last.position + 1 :] if h.level < low),
        len(doc.headings),
    )
    # A TOC that lists 'Methods' alone leaves its subsections out on purpose; one that
    # lists some of them is expected to list them all.
    parents = _parents(doc)
    branches = {parents[position] for position in listed}
    return [
        (h, first <= h.position < end)
        for h in doc.headings
        if h.line > toc.last_line
        and h.position not in listed
        and h.anchor  # an HTML heading without an id cannot be linked to
        and h.anchor not in linked
        and h.anchor.lower() not in hidden
        and low <= h.level <= high
        and (h.level == low or parents[h.position] in branches)
        and not excluded_from_toc(config, h)
        and not is_divider(doc, h)
    ]


def menu_anchors(doc: Document) -> set[str | None]:
    """The headings a menu links to besides the TOC: a table or another list whose links
    all go to places in this page ('| [Reviews](#reviews) | [Datasets](#datasets) |', a
    menu of several tables and lists) lists them as the TOC does."""
    menus = [b for b in doc.blocks if b.kind in ("table", "list")]
    starts = [b.first_line for b in menus]
    # One pass over the links, each to the block it lies in (blocks are in order).
    links: dict[int, list[Link]] = {}
    for link in doc.links:
        at = bisect.bisect_right(starts, link.line) - 1
        if at >= 0 and link.line <= menus[at].last_line and not link.image:
            links.setdefault(at, []).append(link)
    out: set[str | None] = set()
    for found in links.values():
        if all(lk.target.text.startswith("#") for lk in found):
            out.update(landing(lk.target.text[1:], doc.anchors) for lk in found)
    return out


def _parents(doc: Document) -> list[int]:
    """Each heading's parent: the position of the heading it is a subsection of (-1: none)."""
    out: list[int] = []
    open_headings: list[Heading] = []
    for heading in doc.headings:
        while open_headings and open_headings[-1].level >= heading.level:
            open_headings.pop()
        out.append(open_headings[-1].position if open_headings else -1)
        open_headings.append(heading)
    return out


def item_headings(doc: Document) -> dict[int, frozenset[int]]:
    """TOC item line -> the lines of the headings its items stand for (several items can
    share a line: nested on one line). Computed once per document."""

    def compute() -> dict[int, frozenset[int]]:
        out: dict[int, set[int]] = {}
        for item, heading in toc_matches(doc):
            if heading is not None:
                out.setdefault(item.line, set()).add(heading.line)
        return {line: frozenset(lines) for line, lines in out.items()}

    return doc.memo("item-headings", compute)


def section_lines(doc: Document, position: int) -> range:
    """A heading's section: its line up to the next heading of its level or above (that
    heading's line included), else to the end of the file."""
    heading = doc.headings[position]
    end = next(
        (h.line for h in doc.headings[position + 1 :] if h.level <= heading.level),
        len(doc.lines),
    )
    return range(heading.line, end + 1)
