"""The one place that talks to mistletoe: a small typed adapter around its block tree.

Everything mistletoe-specific lives here: the parse (with paragraph spans parsed on
demand, for speed), block kinds, list items and table rows with their line
numbers, and the text of a heading as GitHub's anchor sees it. The rest of
readme-lint reads the :class:`Node` records this module returns.

mistletoe keeps its token set in module state, so the parse swaps two token classes
in for its duration and restores them after. That touches mistletoe internals
(``_token_types``, ``_root_node``, ``Token.children``); ``pyproject.toml`` pins the
releases this was tested with, and ``tests/test_mdparse.py`` checks the state is
restored after every parse.
"""

import _thread  # not threading: a lock is all it takes, and threading costs the hook's start-up
import gc
import html
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, NamedTuple

# mistletoe's token registry is global: one parse at a time.
_LOCK = _thread.allocate_lock()

KINDS = {
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


class Node(NamedTuple):
    """A block-level token with its kind and first line (1-based)."""

    kind: str
    line: int
    token: Any


# mistletoe recurses once or more per nested quote or list: past some hundreds of
# levels Python's stack runs out (GitHub renders them). No real list nests this deep.
MAX_DEPTH = 100
# One container opener at a line's start: a quote marker, or a list marker and its space.
_OPENER = re.compile(r"[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]))[ \t]?")


class TooDeep(ValueError):
    """Quotes or lists nested deeper than the parser can follow."""


def _depth(line: str) -> int:
    """How many quotes and lists a line opens or sits in, at least (indentation counts
    a level per two columns: a nested item's continuation)."""
    depth, at = 0, 0
    while (match := _OPENER.match(line, at)) is not None and match.end() > at:
        depth, at = depth + 1, match.end()
        if depth > MAX_DEPTH:
            break
    if depth == 0:
        return 0
    # An item indented under others: each level below indents it two columns or more.
    indent = len(line) - len(line.lstrip(" \t"))
    return depth + indent // 2


def _depth_bound(line: str) -> int:
    """At least :func:`_depth` (each opener holds one of these characters), in C."""
    markers = sum(line.count(c) for c in ">-*+.)")
    return markers + (len(line) - len(line.lstrip(" \t"))) // 2


def check_depth(lines: Sequence[str]) -> None:
    """Raise TooDeep, naming the line, where nesting would exhaust the parser's stack."""
    for number, line in enumerate(lines, 1):
        # Cheap tests first: a line needs MAX_DEPTH characters to nest that deep, and
        # each level a marker character or two columns of indentation.
        if len(line) > MAX_DEPTH and _depth_bound(line) > MAX_DEPTH and _depth(line) > MAX_DEPTH:
            raise TooDeep(
                f"line {number} nests quotes or lists more than {MAX_DEPTH} levels deep: "
                "too deep to check"
            )


class _CodeSpans:
    """mistletoe's code-span pattern, searched from the next backtick.

    mistletoe searches it again after every ``]``; the pattern starts with a
    lookbehind and backslashes, so each search walks the rest of the text position by
    position: 4,000 links in one list item took 20 s. Every match holds a backtick,
    and only backslashes stand between its start and its first backtick, so starting
    the search at the next backtick (less the backslashes before it) finds the same
    match, and memchr skips the rest.
    """

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern

    def search(self, string: str, pos: int = 0) -> re.Match[str] | None:
        tick = string.find("`", pos)
        if tick == -1:
            return None
        start = tick
        while start > pos and string[start - 1] == "\\":
            start -= 1
        return self.pattern.search(string, start)


def _process_emphasis(
    string: str, stack_bottom: int | None, delimiters: list[Any], matches: list[Any]
) -> None:
    """mistletoe's ``process_emphasis`` with the delimiters above the stack bottom held in
    two stacks split at the current position, so that removing one is a pop, not a memmove
    of the whole rest of the list: 40,000 ``**b**`` in one table cell grew as n².

    The steps, indices and their quirks are mistletoe's own (a bottom index is left as
    it is when the list shrinks below it), so the matches are the same; a property test
    compares the two on random text. Everything from the stack bottom up is discarded at
    the end (as mistletoe does), so it is taken out of the list at the start.
    """
    from mistletoe import core_tokens

    match_object: Any = core_tokens.MatchObj  # untyped

    base = stack_bottom or 0
    left: list[Any] = []  # delimiters[base : base + len(left)]
    right = delimiters[base:]  # the rest, the next one last
    right.reverse()
    del delimiters[base:]

    def seek(position: int) -> None:
        while len(left) < position - base and right:
            left.append(right.pop())
        while len(left) > position - base:
            right.append(left.pop())

    def next_closer(position: int | None) -> int | None:
        seek(max(position or 0, base))
        while right:
            if getattr(right[-1], "close", False):
                return base + len(left)
            left.append(right.pop())
        return None

    def matching_opener(position: int, closer: Any, bottom: int | None) -> int | None:
        low = max(base, 0 if bottom is None else bottom + 1)
        for index in range(position - 1, low - 1, -1):
            opener = left[index - base]
            if getattr(opener, "open", False) and opener.closed_by(closer):
                return index
        return None

    star_bottom = underscore_bottom = stack_bottom
    curr_pos = next_closer(stack_bottom)
    while curr_pos is not None:
        closer = right[-1]
        star = closer.type[0] == "*"
        open_pos = matching_opener(curr_pos, closer, star_bottom if star else underscore_bottom)
        if open_pos is not None:
            opener = left[open_pos - base]
            n = 2 if closer.number >= 2 and opener.number >= 2 else 1
            start, end = opener.end - n, closer.start + n
            match = match_object(start, end, (start + n, end - n, string[start + n : end - n]))
            match.type = "Strong" if n == 2 else "Emphasis"
            match.delimiter = string[start]
            matches.append(match)
            del left[open_pos - base + 1 :]  # the delimiters between the two
            curr_pos = open_pos + 1
            if not opener.remove(n, left=False):
                left.pop()
                curr_pos -= 1
            if not closer.remove(n, left=True):
                right.pop()
                curr_pos -= 1
            curr_pos = max(curr_pos, 0)
        else:
            bottom = curr_pos - 1 if curr_pos > 1 else None
            if star:
                star_bottom = bottom
            else:
                underscore_bottom = bottom
            if not closer.open:
                right.pop()
            else:
                curr_pos += 1
        curr_pos = next_closer(curr_pos)


@contextmanager
def _no_collection() -> Iterator[None]:
    """The cycle collector off while a tree is built and read: a parse makes objects
    by the hundred thousand and none of them is garbage until it ends, yet each full
    collection walks them all (40,000 ``**b**`` in one cell: 0.65 s with it off, 1.4 s
    on). The tree's cycles are collected once it is dropped."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextmanager
def parsed(lines: Sequence[str]) -> Iterator[Any]:
    """Parse LF-terminated lines; span-level parsing of paragraphs happens on demand.

    Paragraph spans are what a full mistletoe parse spends most of its time on, and
    entries are read from their raw lines, so a paragraph's inline tokens are only
    built when something asks for them (headings, TOC items). That must happen
    inside this context: it holds mistletoe's module state (token set with HTML,
    root node for reference links) that span parsing uses.
    """
    check_depth(lines)
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

    blocks: Any = block_token
    spans: Any = span_token
    root: Any = mtoken
    from mistletoe import core_tokens as core_module

    core_tokens: Any = core_module
    with _LOCK, _no_collection():
        blocks.add_token(HtmlBlock)
        spans.add_token(HtmlSpan)
        types = blocks._token_types
        types[types.index(EagerParagraph)] = Paragraph
        slow_code, slow_emphasis = core_tokens.code_pattern, core_tokens.process_emphasis
        core_tokens.code_pattern = _CodeSpans(slow_code)
        core_tokens.process_emphasis = _process_emphasis
        try:
            tree = MDocument(lines)
            root._root_node = tree
            yield tree
        except RecursionError:
            # A shape the line check missed: never a traceback.
            raise TooDeep("quotes, lists or emphasis nested too deep to check") from None
        finally:
            core_tokens.code_pattern, core_tokens.process_emphasis = slow_code, slow_emphasis
            root._root_node = None
            blocks.reset_tokens()
            spans.reset_tokens()


def name(token: Any) -> str:
    return type(token).__name__


def kind(token: Any) -> str:
    return KINDS.get(name(token), "other")


def children(token: Any) -> list[Any]:
    return list(getattr(token, "children", None) or ())


def top_level(tree: Any) -> list[Node]:
    return [Node(kind(t), int(t.line_number), t) for t in children(tree)]


def heading_level(token: Any) -> int:
    return int(token.level)


def code_body_lines(token: Any) -> int:
    """How many lines a code block's body holds."""
    kids = children(token)
    body = kids[0].content if kids else ""
    return int(body.count("\n"))


def is_fence(token: Any) -> bool:
    return name(token) == "CodeFence"


def code_blocks(token: Any) -> Iterator[Any]:
    """Code blocks inside lists and quotes (top-level ones are blocks of their own)."""
    for child in children(token):
        kind_ = kind(child)
        if kind_ == "code":
            yield child
        elif name(child) in ("List", "ListItem", "Quote"):
            yield from code_blocks(child)


class Item(NamedTuple):
    """A list item: its first line, depth, leader (``-``, ``1.``) and child nodes."""

    line: int
    depth: int
    leader: str
    token: Any


def list_items(token: Any, depth: int = 0) -> Iterator[Item]:
    """Every item of a list, nested ones included, in document order."""
    for item in children(token):
        yield Item(int(item.line_number), depth, str(item.leader), item)
        for child in children(item):
            if name(child) == "List":
                yield from list_items(child, depth + 1)


def item_first_child(item: Any) -> str:
    kids = children(item)
    return name(kids[0]) if kids else ""


def item_paragraph_link(item: Any) -> Any | None:
    """The one link an item's first paragraph consists of, if that is all it holds."""
    kids = children(item)
    if not kids or name(kids[0]) != "Paragraph":
        return None
    spans = [c for c in children(kids[0]) if not (name(c) == "RawText" and not c.content.strip())]
    if len(spans) == 1 and name(spans[0]) == "Link":
        return spans[0]
    return None


def item_paragraph_links(item: Any) -> tuple[list[Any], str]:
    """The links an item's first paragraph holds at its top level, and the rest of its
    text (``- [A](#a) | [B](#b) (12)``: two links, ``" |  (12)"``)."""
    kids = children(item)
    if not kids or name(kids[0]) != "Paragraph":
        return [], ""
    links, rest = [], []
    for span in children(kids[0]):
        if name(span) == "Link":
            links.append(span)
        else:
            rest.append(plain_text(span))
    return links, "".join(rest)


def link_target(link: Any) -> str:
    return str(link.target)


def sublists(item: Any) -> Iterator[Any]:
    for child in children(item):
        if name(child) == "List":
            yield child


def table_rows(token: Any) -> Iterator[int]:
    """Line numbers of a table's body rows (the header and delimiter rows excluded)."""
    for row in children(token):
        yield int(row.line_number)


def plain_text(token: Any) -> str:
    """Text content as GitHub's heading anchor sees it (images and HTML tags dropped)."""
    kind_ = name(token)
    if kind_ in ("InlineCode", "EscapeSequence"):
        return "".join(plain_text(c) for c in children(token))
    if kind_ == "RawText":
        # Entities (``&#x20;``, ``&amp;``) are what GitHub's text content holds, decoded.
        return html.unescape(str(token.content))
    if kind_ in ("Image", "HtmlSpan"):
        return ""
    if kind_ == "LineBreak":
        return " " if token.soft else ""
    return "".join(plain_text(c) for c in children(token))
