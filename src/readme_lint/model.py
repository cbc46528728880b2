"""The document model: one mistletoe parse, positions from the raw lines.

``build(text, read_marker)`` parses once and returns a :class:`Document` that
every rule reads: lines with offsets, headings with GitHub anchors, the table
of contents, paper entries with their fields, every inline link, code lines
and the suppression comments. The mistletoe tree decides structure (what is a
paragraph, heading, list, code or HTML block); exact lines and columns come
from the source text itself.
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, NamedTuple, TypeVar, cast

from readme_lint import syntax
from readme_lint.slug import Slugger, strip_shortcodes
from readme_lint.syntax import Link as Link  # re-exported: the model's records
from readme_lint.syntax import Span as Span

T = TypeVar("T")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


class Line(NamedTuple):
    number: int  # 1-based
    start: int  # offset of the line's first character in the source
    text: str  # without its line terminator
    eol: str  # "\n", "\r\n" or "" (a last line without newline)

    @property
    def end(self) -> int:
        """Offset just past the line's text (before its terminator)."""
        return self.start + len(self.text)


@dataclass(frozen=True)
class Heading:
    index: int
    line: int
    level: int
    text: str
    anchor: str
    last_line: int  # a setext heading spans its underline too


@dataclass(frozen=True)
class TocItem:
    line: int
    depth: int
    indent: str
    bullet: str
    link: Link | None
    text: str


@dataclass(frozen=True)
class Toc:
    heading: Heading | None
    first_line: int
    last_line: int
    items: tuple[TocItem, ...]


class Title(NamedTuple):
    line: int
    open_col: int  # column of the first leading "*"
    opening: str  # the leading run of "*"
    text: Span | None  # None when the bold is never closed
    closing: str  # the closing run of "*" ("" when never closed)


class Entry(NamedTuple):
    first_line: int
    last_line: int  # of the entry paragraph itself
    end_line: int  # of the paragraph split off it, if any (else last_line)
    section: Heading | None
    title: Title | None
    authors: Span | None  # the whole authors line content, asterisks included
    venue: Span | None
    links_line: int | None
    links: tuple[Link, ...]
    date: Span | None
    summary: tuple[Span, ...]  # one span per summary line
    split_gap: tuple[int, int] | None  # blank lines between entry and detached summary
    markers: tuple[Span, ...]  # every read marker occurrence

    @property
    def lines(self) -> range:
        """Entry lines, including a detached (split-off) paragraph and the gap."""
        return range(self.first_line, self.end_line + 1)

    @property
    def text_lines(self) -> list[int]:
        """Entry lines that hold its text: ``lines`` without a split's blank gap."""
        if self.split_gap is None:
            return list(self.lines)
        return [
            *range(self.first_line, self.last_line + 1),
            *range(self.split_gap[1] + 1, self.end_line + 1),
        ]

    @property
    def year(self) -> str | None:
        """The year stated with the venue (``NeurIPS 2020.`` -> ``2020``), if any."""
        match = _YEAR.search(self.venue.text) if self.venue else None
        return match.group() if match else None

    @property
    def summary_text(self) -> str:
        return " ".join(s.text.strip() for s in self.summary).strip()


class Block(NamedTuple):
    kind: str  # paragraph, heading, list, code, html, quote, table, break, other
    first_line: int
    last_line: int


@dataclass(frozen=True)
class Directive:
    """A ``<!-- readme-lint-... -->`` comment."""

    line: int
    last_line: int
    action: str  # disable, enable, disable-next-line
    rules: tuple[str, ...]  # empty: every rule


@dataclass(frozen=True)
class Document:
    text: str
    lines: tuple[Line, ...]
    blocks: tuple[Block, ...]
    headings: tuple[Heading, ...]
    extra_anchors: frozenset[str]  # ids and names from HTML
    toc: Toc | None
    entries: tuple[Entry, ...]
    links: tuple[Link, ...]  # every inline link outside code, in order
    code_lines: frozenset[int]
    directives: tuple[Directive, ...]
    read_marker: str

    def memo(self, key: str, factory: Callable[[], T]) -> T:
        """Compute a derived value once per document (shared by several rules)."""
        store: dict[str, Any] = self.__dict__.setdefault("_memo", {})
        if key not in store:
            store[key] = factory()
        return cast(T, store[key])

    def line(self, number: int) -> Line:
        return self.lines[number - 1]

    def offset(self, line: int, col: int) -> int:
        """Source offset of a 1-based line and column."""
        return self.lines[line - 1].start + col - 1

    @cached_property
    def anchors(self) -> frozenset[str]:
        return frozenset(h.anchor for h in self.headings) | self.extra_anchors

    @cached_property
    def _line_starts(self) -> list[int]:
        return [line.start for line in self.lines]

    def line_of(self, offset: int) -> int:
        """The 1-based line holding a source offset (its terminator included)."""
        return bisect.bisect_right(self._line_starts, offset)

    @cached_property
    def _block_starts(self) -> list[int]:
        return [b.first_line for b in self.blocks]

    def block_index(self, number: int) -> int:
        """Index of the last block starting at or before a line (-1: none)."""
        return bisect.bisect_right(self._block_starts, number) - 1

    def block_at(self, number: int) -> Block | None:
        """The top-level block containing a line, if any."""
        i = self.block_index(number)
        if i >= 0 and self.blocks[i].last_line >= number:
            return self.blocks[i]
        return None

    @cached_property
    def entry_at_line(self) -> dict[int, Entry]:
        return {n: e for e in self.entries for n in e.lines}

    def heading_path(self, heading: Heading | None) -> Iterator[Heading]:
        """The heading and its ancestors, innermost first."""
        if heading is None:
            return
        level = heading.level + 1
        for h in reversed(self.headings[: heading.index + 1]):
            if h.level < level:
                yield h
                level = h.level


# --------------------------------------------------------------------------- parsing


@contextmanager
def _parsed(lines: Sequence[str]) -> Iterator[Any]:
    """Parse LF-terminated lines; span-level parsing of paragraphs happens on demand.

    Paragraph spans are what a full mistletoe parse spends most of its time on,
    and entry paragraphs are read from their raw lines, so a paragraph's inline
    tokens are only built when something asks for them (headings, TOC items).
    That must happen inside this context: it holds mistletoe's module state
    (token set with HTML, root node for reference links) that span parsing uses.
    """
    from mistletoe import block_token, span_token
    from mistletoe import token as mtoken
    from mistletoe.block_token import Document as MDocument
    from mistletoe.block_token import HtmlBlock as SlowHtmlBlock
    from mistletoe.block_token import Paragraph as EagerParagraph
    from mistletoe.span_token import HtmlSpan

    # Same class name on purpose: mistletoe (and this module) dispatch on it.
    class Paragraph(EagerParagraph):
        def __init__(self, lines: list[str]) -> None:
            self._source = "".join([line.lstrip() for line in lines]).strip()

        @property
        def children(self) -> Any:
            kids = self.__dict__.get("_children")
            if kids is None:
                kids = spans.tokenize_inner(self._source)
                root.Token.children.fset(self, kids)  # also sets each child's parent
            return kids

        @children.setter
        def children(self, value: Any) -> None:
            root.Token.children.fset(self, value)

    class HtmlBlock(SlowHtmlBlock):
        # Every HTML block starts with "<" after at most 3 spaces; skip the regexes otherwise.
        @classmethod
        def start(cls, line: str) -> Any:
            slow: Any = super()
            return "<" in line[:4] and slow.start(line)

    # mistletoe keeps its token set in module state (untyped); scope the change to this parse.
    blocks: Any = block_token
    spans: Any = span_token
    root: Any = mtoken
    blocks.add_token(HtmlBlock)
    spans.add_token(HtmlSpan)
    types = blocks._token_types
    types[types.index(EagerParagraph)] = Paragraph
    try:
        tree = MDocument(lines)
        root._root_node = tree
        yield tree
    finally:
        root._root_node = None
        blocks.reset_tokens()
        spans.reset_tokens()


def split_lines(text: str) -> tuple[Line, ...]:
    """Lines with their offsets; ``\r\n`` and ``\n`` endings kept apart."""
    out: list[Line] = []
    start = 0
    parts = text.split("\n")
    last = len(parts) - 1
    for number, part in enumerate(parts, 1):
        if number - 1 == last:
            if part or not out:
                out.append(Line(number, start, part, ""))
            break
        if part.endswith("\r"):
            out.append(Line(number, start, part[:-1], "\r\n"))
        else:
            out.append(Line(number, start, part, "\n"))
        start += len(part) + 1
    return tuple(out)


_KINDS = {
    "Paragraph": "paragraph",
    "Heading": "heading",
    "SetextHeading": "heading",
    "List": "list",
    "CodeFence": "code",
    "BlockCode": "code",
    "HtmlBlock": "html",
    "Quote": "quote",
    "Table": "table",
    "ThematicBreak": "break",
}


def _code_range(token: Any, n_lines: int) -> range:
    """Lines of a code block, fences included."""
    body = token.children[0].content if token.children else ""
    count = body.count("\n")
    start = int(token.line_number)
    if type(token).__name__ == "CodeFence":
        return range(start, min(start + count + 1, n_lines) + 1)
    return range(start, start + max(count, 1))


def _walk_code(token: Any, n_lines: int, out: set[int]) -> None:
    for child in getattr(token, "children", None) or ():
        name = type(child).__name__
        if name in ("CodeFence", "BlockCode"):
            out.update(_code_range(child, n_lines))
        elif name in ("List", "ListItem", "Quote"):
            _walk_code(child, n_lines, out)


def _blocks(tree: Any, lines: tuple[Line, ...]) -> list[tuple[Block, Any]]:
    children = list(tree.children)
    n = len(lines)
    out: list[tuple[Block, Any]] = []
    for i, token in enumerate(children):
        name = type(token).__name__
        kind = _KINDS.get(name, "other")
        first = int(token.line_number)
        limit = int(children[i + 1].line_number) - 1 if i + 1 < len(children) else n
        if kind == "code":
            last = min(_code_range(token, n)[-1], limit) if limit >= first else first
        else:
            last = first
            stop_at_blank = kind in ("paragraph", "heading", "html", "table")
            for number in range(first + 1, limit + 1):
                if not lines[number - 1].text.strip():
                    if stop_at_blank:
                        break
                    continue
                last = number
            if name == "Heading":
                last = first
        out.append((Block(kind, first, last), token))
    return out


def _plain_text(token: Any) -> str:
    """Text content as GitHub's heading anchor sees it (images and HTML tags dropped)."""
    name = type(token).__name__
    if name in ("RawText", "InlineCode", "EscapeSequence"):
        if name == "InlineCode" or name == "EscapeSequence":
            return "".join(_plain_text(c) for c in token.children)
        # Entities (``&#x20;``, ``&amp;``) are what GitHub's text content holds, decoded.
        return html.unescape(str(token.content))
    if name in ("Image", "HtmlSpan"):
        return ""
    if name == "LineBreak":
        return " " if token.soft else ""
    return "".join(_plain_text(c) for c in getattr(token, "children", None) or ())


_HTML_ID = re.compile(r"""\b(?:id|name)\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
_DIRECTIVE = re.compile(
    r"<!--\s*readme-lint-(disable-next-line|disable|enable)(?=\s|-->)([^>]*?)-->", re.IGNORECASE
)


def _html_anchors(text: str) -> set[str]:
    found: set[str] = set()
    for match in _HTML_ID.finditer(text):
        value = match.group(1)
        found.add(value)
        found.add(value.removeprefix("user-content-"))
    return found


def _directives(block: Block, lines: tuple[Line, ...]) -> list[Directive]:
    text = "\n".join(lines[n - 1].text for n in range(block.first_line, block.last_line + 1))
    out = []
    for match in _DIRECTIVE.finditer(text):
        rules = tuple(r for r in re.split(r"[\s,]+", match.group(2).strip()) if r)
        out.append(Directive(block.first_line, block.last_line, match.group(1).lower(), rules))
    return out


_TOC_TITLES = frozenset({"contents", "table of contents", "toc"})


def _link_in_item(item: Any) -> Any | None:
    first = item.children[0] if item.children else None
    if first is None or type(first).__name__ != "Paragraph":
        return None
    kids = [
        c for c in first.children if not (type(c).__name__ == "RawText" and not c.content.strip())
    ]
    if len(kids) == 1 and type(kids[0]).__name__ == "Link":
        return kids[0]
    return None


def _is_page_target(target: str) -> bool:
    return target.startswith("#") or (bool(target) and not re.search(r"[/:.?]", target))


def _toc_candidate(token: Any) -> bool:
    """A list made only of links to places in this page."""
    saw_fragment = False
    for item in token.children:
        link = _link_in_item(item)
        if link is None or not _is_page_target(link.target):
            return False
        saw_fragment = saw_fragment or link.target.startswith("#")
        for sub in item.children[1:]:
            if type(sub).__name__ != "List" or not _toc_candidate(sub):
                return False
    return saw_fragment


def _toc_items(
    token: Any, depth: int, lines: tuple[Line, ...], links: dict[int, list[Link]]
) -> Iterator[TocItem]:
    for item in token.children:
        number = int(item.line_number)
        raw = lines[number - 1].text
        indent = raw[: len(raw) - len(raw.lstrip())]
        token_link = _link_in_item(item)
        link = None
        if token_link is not None:
            link = next((lk for lk in links.get(number, ()) if not lk.image), None)
        text = _plain_text(token_link) if token_link is not None else raw.strip()
        yield TocItem(number, depth, indent, str(item.leader), link, text)
        for sub in item.children[1:]:
            if type(sub).__name__ == "List":
                yield from _toc_items(sub, depth + 1, lines, links)


def _find_toc(
    pairs: list[tuple[Block, Any]],
    headings: list[Heading],
    lines: tuple[Line, ...],
    links: dict[int, list[Link]],
) -> Toc | None:
    toc_heading: Heading | None = None
    chosen: tuple[Block, Any] | None = None
    by_line = {h.line: h for h in headings}
    for i, (block, _token) in enumerate(pairs):
        if block.kind != "heading":
            continue
        heading = by_line[block.first_line]
        name = re.sub(r"[^\w ]+", "", strip_shortcodes(heading.text)).strip().lower()
        if name in _TOC_TITLES:
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
    items = tuple(_toc_items(token, 0, lines, links))
    return Toc(toc_heading, block.first_line, block.last_line, items)


# --------------------------------------------------------------------------- entries


@dataclass
class _EntryBuilder:
    """Mutable scratch state while one entry's lines are classified."""

    authors: Span | None = None
    venue: Span | None = None
    links_line: int | None = None
    date: Span | None = None
    summary: list[Span] = field(default_factory=list)


def _content_span(line: Line) -> Span:
    """The line without its hard break (trailing ``\\`` or spaces)."""
    text = line.text
    stripped = syntax.strip_hard_break(text)
    lead = len(stripped) - len(stripped.lstrip())
    return Span(line.number, lead + 1, len(stripped) + 1, stripped.strip())


def _parse_title(line: Line) -> Title | None:
    match = syntax.TITLE.match(line.text)
    if match is None:
        return None
    opening = match.group("open")
    if match.group("close") is None:
        return Title(line.number, match.start("open") + 1, opening, None, "")
    text = match.group("title")
    col = match.start("title") + 1
    return Title(
        line.number,
        match.start("open") + 1,
        opening,
        Span(line.number, col, col + len(text), text),
        match.group("close"),
    )


def _classify(builder: _EntryBuilder, line: Line, links: list[Link], index: int) -> None:
    content = _content_span(line)
    text = content.text
    if builder.summary:
        builder.summary.append(content)
        return
    before_links = builder.links_line is None and builder.date is None
    if index == 1 and syntax.AUTHORS_LINE.match(text):
        # Right after the title; its names may be links (homepages) too.
        builder.authors = content
    elif links or syntax.LINKISH.search(text):
        if builder.links_line is None:
            builder.links_line = line.number
            first = links[0].col if links else text.find("[") + content.col
            venue = line.text[content.col - 1 : first - 1].strip()
            if venue:
                vcol = line.text.index(venue) + 1
                builder.venue = Span(line.number, vcol, vcol + len(venue), venue)
    elif syntax.DATE.match(text):
        builder.date = content
    elif (
        before_links
        and builder.venue is None
        and syntax.VENUE_ONLY.match(text)
        and syntax.ends_with_hard_break(line.text)
    ):
        builder.venue = content
    elif text:
        builder.summary.append(content)


def _is_entry(lines: tuple[Line, ...], block: Block) -> bool:
    """A paragraph that opens with a bold title, or is shaped like an entry without one."""
    first = lines[block.first_line - 1].text
    if syntax.TITLE_START.match(first):
        return True
    count = block.last_line - block.first_line + 1
    if count < 3 or not syntax.ends_with_hard_break(first):
        return False
    # No bold title, but an authors line or list-style links follow.
    second = lines[block.first_line].text.strip()
    return bool(syntax.AUTHORS_START.match(second)) or any(
        "[[" in lines[block.first_line + k].text for k in range(min(3, count - 1))
    )


def _markers(lines: tuple[Line, ...], first: int, last: int, marker: str) -> tuple[Span, ...]:
    found = []
    for number in range(first, last + 1):
        text = lines[number - 1].text
        col = text.find(marker)
        while col != -1:
            found.append(Span(number, col + 1, col + 1 + len(marker), marker))
            col = text.find(marker, col + len(marker))
    return tuple(found)


def _build_entry(
    block: Block,
    lines: tuple[Line, ...],
    links: dict[int, list[Link]],
    section: Heading | None,
    marker: str,
    continuation: Block | None = None,
) -> Entry | None:
    """The entry a paragraph holds, if any; ``continuation`` is a paragraph split off it.

    A split-off paragraph is read as the rest of the entry (links, date, summary),
    so the entry means the same before and after the blank line is removed.
    """
    if not _is_entry(lines, block):
        return None
    first = lines[block.first_line - 1]
    title = _parse_title(first) if syntax.TITLE_START.match(first.text) else None
    numbers = list(range(block.first_line + 1, block.last_line + 1))
    end = block.last_line
    if continuation is not None:
        numbers += range(continuation.first_line, continuation.last_line + 1)
        end = continuation.last_line
    builder = _EntryBuilder()
    for index, number in enumerate(numbers, start=1):
        _classify(builder, lines[number - 1], links.get(number, []), index)
    entry_links = tuple(lk for n in [block.first_line, *numbers] for lk in links.get(n, ()))
    gap = (block.last_line + 1, continuation.first_line - 1) if continuation is not None else None
    markers = _markers(lines, block.first_line, block.last_line, marker)
    if continuation is not None:
        markers += _markers(lines, continuation.first_line, continuation.last_line, marker)
    return Entry(
        block.first_line,
        block.last_line,
        end,
        section,
        title,
        builder.authors,
        builder.venue,
        builder.links_line,
        entry_links,
        builder.date,
        tuple(builder.summary),
        gap,
        markers,
    )


def _splits(entry: Entry, nxt: tuple[Block, Entry | None] | None, lines: tuple[Line, ...]) -> bool:
    if nxt is None or entry.summary:
        return False
    block, other = nxt
    return (
        block.kind == "paragraph"
        and other is None
        and syntax.ends_with_backslash_break(lines[entry.last_line - 1].text)
    )


# --------------------------------------------------------------------------- links


def _scan_links(
    lines: tuple[Line, ...], blocks: list[Block], code: frozenset[int]
) -> dict[int, list[Link]]:
    """Every inline link in prose blocks, with exact columns, keyed by line."""
    out: dict[int, list[Link]] = {}
    for block in blocks:
        if block.kind in ("code", "html", "break"):
            continue
        for number in range(block.first_line, block.last_line + 1):
            if number in code:
                continue
            text = lines[number - 1].text
            if "](" not in text:
                continue
            found = list(syntax.find_links(number, text))
            if found:
                out[number] = found
    return out


# --------------------------------------------------------------------------- build


def build(text: str, read_marker: str = ":zap:") -> Document:
    """Parse ``text`` once and build the model every rule reads."""
    lines = split_lines(text)
    with _parsed([line.text + "\n" for line in lines]) as tree:
        return _model(text, lines, tree, read_marker)


def _model(text: str, lines: tuple[Line, ...], tree: Any, read_marker: str) -> Document:
    pairs = _blocks(tree, lines)
    blocks = [b for b, _ in pairs]

    code: set[int] = set()
    _walk_code(tree, len(lines), code)
    code_lines = frozenset(code)

    slugger = Slugger()
    headings: list[Heading] = []
    extra: set[str] = set()
    directives: list[Directive] = []
    for block, token in pairs:
        if block.kind == "heading":
            plain = _plain_text(token)
            anchor = slugger.slug(strip_shortcodes(plain))
            headings.append(
                Heading(
                    len(headings),
                    block.first_line,
                    int(token.level),
                    plain.strip(),
                    anchor,
                    block.last_line,
                )
            )
        elif block.kind == "html":
            raw = "\n".join(lines[n - 1].text for n in range(block.first_line, block.last_line + 1))
            extra |= _html_anchors(raw)
            directives.extend(_directives(block, lines))
    links = _scan_links(lines, blocks, code_lines)
    # Inline HTML elsewhere can carry ids too (a tag inside a paragraph or heading).
    in_html = {n for b in blocks if b.kind == "html" for n in range(b.first_line, b.last_line + 1)}
    skip = code_lines | in_html
    for line in lines:
        raw = line.text
        if "<" in raw and ("id" in raw or "name" in raw) and line.number not in skip:
            extra |= _html_anchors(raw)

    entries = _entries(pairs, lines, links, headings, read_marker)
    toc = _find_toc(pairs, headings, lines, links)
    all_links = tuple(lk for n in sorted(links) for lk in links[n])
    return Document(
        text,
        lines,
        tuple(blocks),
        tuple(headings),
        frozenset(extra),
        toc,
        entries,
        all_links,
        code_lines,
        tuple(directives),
        read_marker,
    )


def _entries(
    pairs: list[tuple[Block, Any]],
    lines: tuple[Line, ...],
    links: dict[int, list[Link]],
    headings: list[Heading],
    marker: str,
) -> tuple[Entry, ...]:
    by_line = {h.line: h for h in headings}
    section: Heading | None = None
    found: list[tuple[Block, Entry | None]] = []
    for block, _token in pairs:
        if block.kind == "heading":
            section = by_line[block.first_line]
        entry = (
            _build_entry(block, lines, links, section, marker)
            if block.kind == "paragraph"
            else None
        )
        found.append((block, entry))
    out: list[Entry] = []
    for i, (_, entry) in enumerate(found):
        if entry is None:
            continue
        nxt = found[i + 1] if i + 1 < len(found) else None
        if nxt is not None and _splits(entry, nxt, lines):
            joined = _build_entry(found[i][0], lines, links, entry.section, marker, nxt[0])
            entry = joined if joined is not None else entry
        out.append(entry)
    return tuple(out)
