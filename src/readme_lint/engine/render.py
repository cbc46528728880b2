"""GitHub's renderer as the fixer's oracle: a fix may change the rendered page only as it
declares (:class:`~readme_lint.core.diagnostics.Render`).

Each round of fixes is checked before it is written. The source is cut into units at
the blocks GitHub's cmark-gfm sees (``data-sourcepos`` of one render of the whole
text): top-level blocks, and the items or children of a top-level list or quote. The
fixes that touch the same units form a group; each group's fragment (its units and one
unit either side, so that a fix which swallows or splits a neighbour shows) is rendered
with and without the group's edits, and the two renders must be equal once what the
fixes declare is projected away from both. A group that fails is split until the
culprits are found: those are withheld with the lines they would have changed, the rest
apply. cmarkgfm is imported here only, and this module only when fixing.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from typing import NamedTuple

from readme_lint.core.diagnostics import Edit, Fix, Render
from readme_lint.core.lines import LineIndex
from readme_lint.core.syntax import BR_TAG

_SOURCEPOS = re.compile(r'^<(\w+)[^>\n]*? data-sourcepos="(\d+):\d+-(\d+):', re.MULTILINE)
_TOKEN = re.compile(r"<!--.*?-->|<[^>]*>|[^<]+", re.DOTALL)
_TAG = re.compile(r"</?([A-Za-z][\w-]*)")
_HREF = re.compile(r'\shref="([^"]*)"')
_SPLIT_URL = re.compile(r"(https?://\S*)\n[ \t]*(?=\S)")
_URL_TEXT = re.compile(r"https?://[^\s<>\[\]()]+")
_BLOCK_TAG = re.compile(
    r"\s*(<br />|</?(?:p|h[1-6]|ul|ol|li|blockquote|table|thead|tbody|tr|th|td|hr|pre|div|"
    r"details|summary|section|dl|dt|dd)\b[^>]*>)\s*",
    re.IGNORECASE,
)
_SPACE = re.compile(r"\s+")
_SCHEME = re.compile(r"[A-Za-z][\w+.-]*:")
_INLINE_OPEN = re.compile(r"(<(?:strong|em|del|a)\b[^>]*>) +")
_INLINE_CLOSE = re.compile(r" +(</(?:strong|em|del|a)>)")
_PAIRS = (("<code", "</code>"), ("<pre", "</pre>"), ("<a ", "</a>"))
_BROKEN_EMPHASIS = re.compile(r"<(strong|em)>(?:(?!</\1>).)*?<br", re.DOTALL)
_EDGE_ASTERISK = re.compile(r"\*(?=[ \t]*(?:\x00|\n|$))|\x00[ \t]*\*")
_EDGE_BACKSLASH = re.compile(r"\\(?=\s|\x00|$)")
_DOUBLE_BREAK = re.compile(BR_TAG + r"\s*" + BR_TAG, re.IGNORECASE)
_CODE = re.compile(r"<code>.*?</code>|<pre>.*?</pre>", re.DOTALL)
_TAGS = re.compile(r"<[^>]*>")
_LINK_MARKS = re.compile(r"\s*[\[\]()]+\s*")
# Lines that define link references or footnotes: a fragment needs them to render alike.
_DEFINITION = re.compile(r"^ {0,3}\[[^\]\n]+\]:.*$", re.MULTILINE)
# Containers whose children are units of their own (a list of a thousand entries is not
# one unit: a fix in one item is judged by that item and its neighbours).
_CONTAINERS = frozenset({"ul", "ol", "blockquote"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


# The flags as ints: Flag operations cost a call each, and the projection tests them per token.
_BREAK, _EMPHASIS, _LINK, _HREF_FX, _LABEL, _TOC, _HEADING, _COMMENT, _MARKER, _PARAS, _SPACE_FX = (
    f.value
    for f in (
        Render.BREAK,
        Render.EMPHASIS,
        Render.LINK,
        Render.HREF,
        Render.LABEL,
        Render.TOC,
        Render.HEADING,
        Render.COMMENT,
        Render.MARKER,
        Render.PARAGRAPHS,
        Render.SPACE,
    )
)


@cache
def _cmark() -> tuple[Callable[..., str], int, int]:
    import cmarkgfm
    from cmarkgfm.cmark import Options

    return (
        cmarkgfm.github_flavored_markdown_to_html,
        int(Options.CMARK_OPT_UNSAFE),
        int(Options.CMARK_OPT_SOURCEPOS),
    )


def render(text: str, positions: bool = False) -> str:
    """The HTML GitHub's renderer makes of ``text`` (its raw HTML kept, as GitHub shows it
    once sanitised); ``positions`` adds each block's source lines."""
    to_html, unsafe, sourcepos = _cmark()
    return str(to_html(text, options=unsafe | sourcepos if positions else unsafe))


def units(
    text: str, blocks: Sequence[tuple[str, int, int]] | None = None, index: LineIndex | None = None
) -> list[tuple[int, int]]:
    """Line ranges (1-based, inclusive) of the blocks a fix is judged by, in order: the
    top-level blocks, a top-level list or quote replaced by its children.

    ``blocks`` (kind, first and last line: the document model's top-level blocks, from
    the same CommonMark grammar) saves rendering the whole text to find them; only the
    lists and quotes among them are rendered, for their children. Without them, one
    render of the whole text with source positions says where every block is."""
    if re.search("\r(?!\n)", text):
        return []  # a lone CR ends a line for GitHub, not for LineIndex: judge the whole
    if blocks is None or index is None:
        return _positions(render(text, True))
    out: list[tuple[int, int]] = []
    for kind, first, last in blocks:
        if kind in ("list", "quote"):
            start = index.starts[first - 1]
            end = index.starts[last] if last < len(index.starts) else index.length
            inner = _positions(render(text[start:end], True))
            out.extend((a + first - 1, b + first - 1) for a, b in inner)
        else:
            out.append((first, last))
    return out


def _positions(html: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    end = container_end = 0
    for m in _SOURCEPOS.finditer(html):
        first, last = int(m.group(2)), int(m.group(3))
        if first <= end:
            continue  # inside the last unit
        if first > container_end and m.group(1).lower() in _CONTAINERS:
            container_end, end = last, first - 1  # its children are the units
            continue
        out.append((first, last))
        end = last
    return out


class Withheld(NamedTuple):
    """A fix kept back: the lines (of the text it was proposed on) whose render it changes
    beyond what it declares."""

    fix: Fix
    first_line: int
    last_line: int


class _Group(NamedTuple):
    fixes: list[Fix]
    start: int  # the fragment's character span in the text
    end: int
    first_line: int  # the lines its edits touch
    last_line: int


def check_round(
    text: str,
    fixes: Sequence[Fix],
    marker: str,
    blocks: Sequence[tuple[str, int, int]] | None = None,
) -> tuple[list[Fix], list[Withheld]]:
    """The fixes whose edits change the render only as they declare, and those withheld
    (``blocks``: see :func:`units`)."""
    if not fixes:
        return [], []
    index = LineIndex(text)
    definitions = "\n\n" + "\n".join(_DEFINITION.findall(text)) if "]:" in text else ""
    accepted: list[Fix] = []
    withheld: list[Withheld] = []
    accepted.extend(f for f in fixes if not f.edits)
    for group in _groups(text, index, fixes, units(text, blocks, index)):
        fragment = text[group.start : group.end]
        judge = _Judge(fragment, group.start, definitions, marker, render(fragment + definitions))
        good, bad = _settle(group.fixes, judge.passes)
        accepted.extend(good)
        withheld.extend(Withheld(f, group.first_line, group.last_line) for f in bad)
    return accepted, withheld


class _Judge(NamedTuple):
    """Renders one fragment with some of its group's fixes applied."""

    fragment: str
    offset: int  # the fragment's start in the text
    definitions: str
    marker: str
    before: str  # the fragment's render

    def passes(self, chosen: Sequence[Fix]) -> bool:
        if not any(f.edits for f in chosen):
            return True
        edits = [
            e._replace(start=e.start - self.offset, end=e.end - self.offset)
            for f in chosen
            for e in f.edits
        ]
        after = render(_applied(self.fragment, edits) + self.definitions)
        if after == self.before:
            return True
        effect = 0
        for f in chosen:
            effect |= f.render.value
        if _worse(self.before, after):  # the whole fragment: breaks in a row span lines
            return False
        before, after = _differing(self.before, after)
        return _canonical(before, effect, self.marker) == _canonical(after, effect, self.marker)


def _differing(before: str, after: str) -> tuple[str, str]:
    """The lines where two renders differ (cmark-gfm writes each block on lines of its
    own), when what comes before them leaves no code span, block or link open."""
    old, new = before.split("\n"), after.split("\n")
    limit = min(len(old), len(new))
    head = 0
    while head < limit and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < limit - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    prefix = "\n".join(old[:head])
    if any(prefix.count(a) != prefix.count(b) for a, b in _PAIRS):
        return before, after
    return "\n".join(old[head : len(old) - tail]), "\n".join(new[head : len(new) - tail])


def _worse(before: str, after: str) -> bool:
    """Whatever a fix declares, it never shows a reader more literal ``*`` or ``\\`` (at
    all, or at the edge of a piece of text), a line break inside bold or italics or two
    in a row; nor fewer links or less emphasis."""
    b, a = _signs(before), _signs(after)
    return any(a[i] > b[i] for i in range(6)) or a[6] < b[6] or a[7] < b[7]


def _signs(html: str) -> tuple[int, ...]:
    text = _TAGS.sub("\x00", _CODE.sub("", html))
    return (
        text.count("*"),
        len(_EDGE_ASTERISK.findall(text)),
        text.count("\\"),
        len(_EDGE_BACKSLASH.findall(text)),
        len(_BROKEN_EMPHASIS.findall(html)),
        len(_DOUBLE_BREAK.findall(html)),
        html.count("<a "),
        html.count("<em>") + html.count("<strong>"),
    )


def _applied(text: str, edits: Iterable[Edit]) -> str:
    parts: list[str] = []
    cursor = 0
    for edit in sorted(set(edits)):
        parts.append(text[cursor : edit.start])
        parts.append(edit.text)
        cursor = max(cursor, edit.end)
    parts.append(text[cursor:])
    return "".join(parts)


def _settle(
    fixes: list[Fix], passes: Callable[[Sequence[Fix]], bool]
) -> tuple[list[Fix], list[Fix]]:
    """Split a failing group until each part passes or is one fix (withheld)."""
    if passes(fixes):
        return fixes, []
    if len(fixes) == 1:
        return [], fixes
    half = len(fixes) // 2
    good_a, bad_a = _settle(fixes[:half], passes)
    good_b, bad_b = _settle(fixes[half:], passes)
    if passes(good_a + good_b):
        return good_a + good_b, bad_a + bad_b
    # Each half passes alone but not together: keep the first, withhold the second.
    return good_a, bad_a + good_b + bad_b


def _groups(
    text: str, index: LineIndex, fixes: Sequence[Fix], spans: list[tuple[int, int]]
) -> list[_Group]:
    """Fixes that touch the same units, with the fragment each group is judged on."""
    n_lines = len(index.starts)
    if not spans:
        spans = [(1, n_lines)]
    firsts = [first for first, _ in spans]
    placed: list[tuple[int, int, int, int, Fix]] = []
    for fix in fixes:
        if not fix.edits:
            continue  # changes nothing: nothing to judge
        lo = index.line_of(min(e.start for e in fix.edits))
        hi = index.line_of(max(max(e.end - 1, e.start) for e in fix.edits))
        placed.append((_unit(firsts, lo), _unit(firsts, hi), lo, hi, fix))
    placed.sort(key=lambda p: (p[0], p[1]))
    groups: list[_Group] = []
    current: list[tuple[int, int, int, int, Fix]] = []
    reach = -1  # the last unit the current group's fixes touch (kept, not recomputed)
    for item in placed:
        if current and item[0] > reach:
            groups.append(_group(current, spans, index, n_lines))
            current, reach = [], -1
        current.append(item)
        reach = max(reach, item[1])
    if current:
        groups.append(_group(current, spans, index, n_lines))
    return groups


def _unit(firsts: list[int], line: int) -> int:
    """The unit holding a line, or the one before the gap it is in (the first unit for
    lines before every unit)."""
    return max(0, bisect.bisect_right(firsts, line) - 1)


def _group(
    items: list[tuple[int, int, int, int, Fix]],
    spans: list[tuple[int, int]],
    index: LineIndex,
    n_lines: int,
) -> _Group:
    ua = min(i[0] for i in items)
    ub = max(i[1] for i in items)
    lo = min(i[2] for i in items)
    hi = max(i[3] for i in items)
    first = min(spans[max(0, ua - 1)][0], lo)
    last = max(spans[min(len(spans) - 1, ub + 1)][1], hi)
    start = index.starts[first - 1]
    end = index.starts[last] if last < n_lines else index.length
    return _Group([i[4] for i in items], start, end, lo, hi)


def _canonical(html: str, effect: int, marker: str) -> str:
    """The render with what ``effect`` may change projected away: what must stay equal."""
    out: list[str] = []
    urls: list[str] = []
    code = 0  # inside <code>/<pre>: whitespace is shown as written
    anchor = 0  # inside <a>
    skip = 0  # inside an in-page link of a table of contents (Render.TOC)
    for token in _TOKEN.findall(html):
        if token.startswith("<!--"):
            if not effect & _COMMENT:
                out.append(token)
            continue
        if token.startswith("<"):
            tag = _tag(token)
            closing = token.startswith("</")
            if tag in ("code", "pre"):
                code += -1 if closing else 1
            kept = _tag_token(token, tag, closing, effect, urls)
            if tag == "a":
                if effect & _TOC and (skip or (not closing and _in_page(token))):
                    skip += -1 if closing else 1
                    continue
                anchor += -1 if closing else 1
            if kept is not None:
                out.append(kept)
            continue
        if skip:
            continue
        out.append(_text(token, effect, marker, urls, bool(code), bool(anchor)))
    parts = "".join(out).split("\x01")  # the odd parts are code, shown as written
    joined = "\x01".join(p if i % 2 else _prose(p, effect) for i, p in enumerate(parts))
    joined = _BLOCK_TAG.sub(r"\1", joined).strip()
    return joined + "\x00" + "\x00".join(sorted(urls))


_ANCHOR_EDGE = re.compile(r"(<a\b[^>]*>)\s+|\s+(</a>)")


def _prose(html: str, effect: int) -> str:
    """Outside code a browser shows any run of whitespace as one space, and a space at
    the edge of bold, italics or a link as the same space outside it."""
    if effect & _SPACE_FX:
        return _SPACE.sub("", html)  # where spaces go is what the fix changes
    if effect & _LABEL:  # a link's text may lose the spaces at its edges
        html = _ANCHOR_EDGE.sub(r"\1\2", html)
    html = _SPACE.sub(" ", html)
    return _SPACE.sub(" ", _INLINE_CLOSE.sub(r"\1 ", _INLINE_OPEN.sub(r" \1", html)))


def _in_page(token: str) -> bool:
    """A link to a place in the page or the repository (a table of contents' kind)."""
    href = _HREF.search(token)
    return href is not None and not _SCHEME.match(href.group(1))


def _tag(token: str) -> str:
    m = _TAG.match(token)
    return m.group(1).lower() if m else ""


def _tag_token(token: str, tag: str, closing: bool, effect: int, urls: list[str]) -> str | None:
    """A tag as compared, or None when the effect lets it come and go."""
    if tag == "br" and effect & (_BREAK | _PARAS):
        return " "
    if tag in ("em", "strong", "del") and effect & _EMPHASIS:
        return ""
    if tag == "p" and effect & _PARAS:
        return " "
    if (tag in _HEADINGS or tag == "p") and effect & _HEADING:
        return "</p>" if closing else "<p>"
    if tag in ("ul", "ol", "li") and effect & _TOC:
        return " "
    if tag == "a" and effect & _LINK:
        href = _HREF.search(token)
        if href:
            urls.append(href.group(1))
        return " "
    if tag == "a" and effect & _HREF_FX:
        return _HREF.sub(' href=""', token)
    return token


def _text(text: str, effect: int, marker: str, urls: list[str], code: bool, anchor: bool) -> str:
    if code:
        return "\x01" + text + "\x01"  # shown as written: never collapsed
    if effect & _BREAK:
        text = text.replace("\\", "")
    if effect & _EMPHASIS:
        text = text.replace("*", "").replace("_", "")
    if effect & _HEADING:
        text = text.replace("#", "")
    if effect & _MARKER and marker:
        text = text.replace(marker, " ")
    if effect & _LINK:
        text = _SPLIT_URL.sub(r"\1", text)  # a URL written over two lines becomes one
        urls.extend(u.rstrip(".,;:!?'\"*_~") for u in _URL_TEXT.findall(text) if not anchor)
        text = _LINK_MARKS.sub(" ", _URL_TEXT.sub(" ", text))
    if effect & _LABEL:  # all text: a label may also become a link (Render.LINK)
        text = text.casefold()  # and spacing, as every run of whitespace is one space
    return _SPACE.sub(" ", text)
