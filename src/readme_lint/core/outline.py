"""Headings with GitHub's anchors, HTML anchors, the table of contents, directives."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from readme_lint.core import mdparse
from readme_lint.core.records import Block, Directive, Heading, Line, Toc, TocItem
from readme_lint.core.slug import Slugger, strip_shortcodes
from readme_lint.core.syntax import Link

_HTML_ID = re.compile(r"""\b(?:id|name)\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
# Any readme-lint comment, its action as written: a misspelt one is reported (RL901),
# never silently ignored.
DIRECTIVE = re.compile(r"<!--\s*readme-lint-([A-Za-z-]*)(?=\s|-->)([^>]*?)-->", re.IGNORECASE)
ACTIONS = ("disable-next-line", "disable-file", "disable", "enable")
_TOC_TITLES = frozenset({"contents", "table of contents", "toc"})


def headings(pairs: Sequence[tuple[Block, Any]], lines: Sequence[Line]) -> list[Heading]:
    """Every heading with the anchor GitHub gives it (emoji shortcodes are part of it),
    HTML headings (a block that is one ``<hN>`` element) with their id's."""
    slugger = Slugger()
    out: list[Heading] = []
    for block, token in pairs:
        if block.kind == "html":
            raw = "\n".join(lines[n - 1].text for n in range(block.first_line, block.last_line + 1))
            found = html_heading(raw)
            if found is not None:
                level, text, anchor = found
                name = " ".join(strip_shortcodes(text).split())
                out.append(
                    Heading(
                        len(out), block.first_line, level, text, anchor, block.last_line, name, True
                    )
                )
            continue
        if block.kind != "heading":
            continue
        plain = mdparse.plain_text(token)
        text = plain.strip()
        out.append(
            Heading(
                len(out),
                block.first_line,
                mdparse.heading_level(token),
                text,
                slugger.slug(plain),
                block.last_line,
                " ".join(strip_shortcodes(text).split()),
            )
        )
    return out


_HTML_HEADING = re.compile(r"\s*<h([1-6])\b([^>]*)>(.*?)</h\1\s*>\s*", re.IGNORECASE | re.DOTALL)
_TAGS = re.compile(r"<[^>]*>")


def html_heading(raw: str) -> tuple[int, str, str] | None:
    """(level, text, anchor) of a block that is one HTML heading element."""
    match = _HTML_HEADING.fullmatch(raw)
    if match is None or "<h" in match.group(3).lower():
        return None
    ids = _HTML_ID.findall(match.group(2))
    text = " ".join(html.unescape(_TAGS.sub(" ", match.group(3))).split())
    anchor = ids[0].removeprefix("user-content-") if ids else ""
    # A name anchor inside (<h2><a name="x"></a>Title</h2>) is the heading's too.
    inner = _HTML_ID.findall(match.group(3))
    return int(match.group(1)), text, anchor or (inner[0] if inner else "")


# A line that is only empty anchor elements (<a name="x"></a>, <a id="y"/>): a target
# placed for the heading under it.
_ANCHOR_ONLY = re.compile(
    r"""\s*(?:<(?:a|span|div)\b[^>]*\b(?:id|name)\s*=\s*["'][^"']+["'][^>]*?(?:/>|>\s*</(?:a|span|div)\s*>)\s*)+""",
    re.IGNORECASE,
)


def anchor_only(text: str) -> bool:
    """The line holds nothing but empty anchor elements."""
    return "<" in text and _ANCHOR_ONLY.fullmatch(text) is not None


def html_anchors(text: str) -> set[str]:
    found: set[str] = set()
    for match in _HTML_ID.finditer(text):
        value = match.group(1)
        found.add(value)
        found.add(value.removeprefix("user-content-"))
    return found


def directives(block: Block, lines: Sequence[Line]) -> list[Directive]:
    """The readme-lint comments of a top-level HTML block."""
    text = "\n".join(lines[n - 1].text for n in range(block.first_line, block.last_line + 1))
    out = []
    for match in DIRECTIVE.finditer(text):
        # The comment's own line: a block may hold several comments.
        line = block.first_line + text.count("\n", 0, match.start())
        out.append(_directive(match, line, block.last_line))
    return out


# What precedes a comment on a line of a list item or a quote: indentation, ">" markers,
# a list marker.
_CONTAINER_LEAD = re.compile(r"(?:[ \t]*>)*[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?")


def nested_directives(line: Line) -> list[Directive]:
    """The readme-lint comment a line inside a list or a quote starts with, if any: a
    bullet entry is suppressed from inside its list."""
    lead = _CONTAINER_LEAD.match(line.text)
    start = lead.end() if lead else 0
    if not line.text.startswith("<!--", start):
        return []
    match = DIRECTIVE.match(line.text, start)
    return [_directive(match, line.number, line.number)] if match else []


def _directive(match: re.Match[str], line: int, last_line: int) -> Directive:
    rules = tuple(r for r in re.split(r"[\s,]+", match.group(2).strip()) if r)
    return Directive(line, last_line, match.group(1).lower(), rules)


def _is_page_target(target: str) -> bool:
    return target.startswith("#") or (bool(target) and not re.search(r"[/:.?]", target))


# What may stand beside a TOC item's links: separators and a count ('| ', '(12)').
_TOC_ASIDE = re.compile(r"[\W\d_]*")


def _toc_candidate(token: Any) -> bool:
    """A list made only of links to places in this page (items may nest on one line,
    or hold several links: ``- [A](#a) | [B](#b)``)."""
    saw_fragment = False
    for item in mdparse.children(token):
        if mdparse.item_first_child(item) == "List":
            if len(mdparse.children(item)) != 1 or not _toc_candidate(mdparse.children(item)[0]):
                return False
            saw_fragment = True
            continue
        found, rest = mdparse.item_paragraph_links(item)
        targets = [mdparse.link_target(link) for link in found]
        if not targets or not all(map(_is_page_target, targets)) or not _TOC_ASIDE.fullmatch(rest):
            return False
        saw_fragment = saw_fragment or any(t.startswith("#") for t in targets)
        for sub in mdparse.children(item)[1:]:
            if mdparse.name(sub) != "List" or not _toc_candidate(sub):
                return False
    return saw_fragment


def _toc_items(
    token: Any, depth: int, lines: Sequence[Line], links: Mapping[int, list[Link]]
) -> Iterator[TocItem]:
    for item in mdparse.children(token):
        number = int(item.line_number)
        kids = mdparse.children(item)
        if kids and mdparse.name(kids[0]) == "List" and int(kids[0].line_number) == number:
            # "- - [Data](#data)": the outer item only nests the inner one.
            yield from _toc_items(kids[0], depth + 1, lines, links)
            continue
        raw = lines[number - 1].text
        indent = raw[: len(raw) - len(raw.lstrip())]
        yield from _item_links(item, number, depth, raw, indent, links.get(number, ()))
        for sub in kids[1:]:
            if mdparse.name(sub) == "List":
                yield from _toc_items(sub, depth + 1, lines, links)


def _item_links(
    item: Any, number: int, depth: int, raw: str, indent: str, on_line: Sequence[Link]
) -> Iterator[TocItem]:
    """The TOC items of one list item: its link, or each in-page link on its line when
    it holds several or text besides (``- [A](#a) | [B](#b)``, ``- [A](#a) (12)``)."""
    leader = str(item.leader)
    token_link = mdparse.item_paragraph_link(item)
    shown = [lk for lk in on_line if not lk.image]
    if token_link is not None and shown:
        link = shown[0]
        yield TocItem(
            number, depth, indent, leader, link, mdparse.plain_text(token_link), raw[: link.col - 1]
        )
        return
    page = [lk for lk in shown if lk.target.text.startswith("#")]
    if token_link is None and page:
        for link in page:
            yield TocItem(number, depth, indent, leader, link, link.label.text, raw[: link.col - 1])
        return
    text = mdparse.plain_text(token_link) if token_link is not None else raw.strip()
    yield TocItem(number, depth, indent, leader, None, text, indent + leader + " ")


def find_toc(
    pairs: Sequence[tuple[Block, Any]],
    heads: Sequence[Heading],
    lines: Sequence[Line],
    links: Mapping[int, list[Link]],
) -> Toc | None:
    """The list under a Contents heading, else the first list of in-page links."""
    toc_heading: Heading | None = None
    chosen: tuple[Block, Any] | None = None
    by_line = {h.line: h for h in heads}
    for i, (block, _token) in enumerate(pairs):
        if block.kind != "heading":
            continue
        heading = by_line[block.first_line]
        if re.sub(r"[^\w ]+", "", heading.name).strip().lower() in _TOC_TITLES:
            for later, later_token in pairs[i + 1 :]:
                if later.kind == "heading":
                    break
                if later.kind == "list":
                    toc_heading, chosen = heading, (later, later_token)
                    break
            if chosen:
                break
    if chosen is None:
        chosen = next(((b, t) for b, t in pairs if b.kind == "list" and _toc_candidate(t)), None)
    if chosen is None:
        return None
    block, token = chosen
    items = list(_toc_items(token, 0, lines, links))
    last = block.last_line
    # A TOC a comment interrupts ('<!-- - [Old](#old) -->' between items) goes on after it.
    at = next(i for i, (b, _) in enumerate(pairs) if b is block) + 1
    while at + 1 < len(pairs) and _is_comment(pairs[at][0], lines):
        while at < len(pairs) and _is_comment(pairs[at][0], lines):
            at += 1
        if at >= len(pairs) or pairs[at][0].kind != "list" or not _toc_candidate(pairs[at][1]):
            break
        items += _toc_items(pairs[at][1], 0, lines, links)
        last = pairs[at][0].last_line
        at += 1
    return Toc(toc_heading, block.first_line, last, tuple(items))


def _is_comment(block: Block, lines: Sequence[Line]) -> bool:
    """An HTML block that is only a comment."""
    if block.kind != "html":
        return False
    text = "\n".join(lines[n - 1].text for n in range(block.first_line, block.last_line + 1))
    return text.lstrip().startswith("<!--") and text.rstrip().endswith("-->")
