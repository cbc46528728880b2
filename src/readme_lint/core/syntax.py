"""Line-level syntax helpers: positions of links, hard breaks and entry lines.

Structure comes from mistletoe; these patterns only locate things on a raw
line (columns) and classify the lines of an entry paragraph. They are written
without nested unbounded repetition so a 100,000-character line stays linear.
"""

import re
from collections.abc import Iterator
from typing import NamedTuple


class Span(NamedTuple):
    """A piece of one line: 1-based line, 1-based start column, exclusive end column."""

    line: int
    col: int
    end_col: int
    text: str


class Link(NamedTuple):
    line: int
    col: int  # of the opening "[" (the outer one for "[[Label](url)]")
    end_col: int
    label: Span
    target: Span
    bracketed: bool  # written "[[Label](url)]", the list style
    image: bool


TITLE_START = re.compile(r" {0,3}(?:\*\*+[^*\s]|\*[^*\s][^*]*\*\*)")
# A title's text may hold escaped asterisks ('**Diff-Instruct\\*: Towards…**').
TITLE = re.compile(r" {0,3}(?P<open>\*+)(?P<title>(?:[^*\\]|\\.?)+)(?P<close>\*+)?")
AUTHORS_START = re.compile(r"(?:\*(?!\*)|_(?!_))\S")
# Right after the title, any run of asterisks opens the authors line (a stray one included).
AUTHORS_LINE = re.compile(r"(?:\*+|_(?!_))[^*\s]")
LINKISH = re.compile(r"\[\[|\]\s+\(\s*https?:")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
DATE = re.compile(
    rf"(?:(?:\d{{1,2}}\s+)?{_MONTH},?\s+\d{{4}}|{_MONTH}\s+\d{{1,2}},\s+\d{{4}}|\d{{4}}-\d{{2}}(?:-\d{{2}})?)$",
    re.IGNORECASE,
)
VENUE_ONLY = re.compile(r"(?=.{1,80}$)[^\[\]]*\b(?:19|20)\d\d\b[^\[\]]*$")

LINK = re.compile(
    r"(?P<bang>!?)\[(?P<label>(?:[^\[\]\\]|\\.|\[(?:[^\[\]\\]|\\.)*\])*)\]"
    r"\((?P<ws>[ \t]*)(?P<target><[^<>\n]*>|(?:[^\s()\\]|\\.|\((?:[^\s()\\]|\\.)*\))*)"
    r"(?:[ \t]+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?[ \t]*\)"
)


def trailing_backslashes(text: str) -> int:
    count = 0
    for char in reversed(text):
        if char != "\\":
            break
        count += 1
    return count


def ends_with_backslash_break(text: str) -> bool:
    """A hard break written as a final backslash (an escaped ``\\\\`` is not one)."""
    return text.endswith("\\") and trailing_backslashes(text) % 2 == 1


# A line-break tag: '<br>', '<br/>', '<br />', and '</br>' (HTML parsers read it as '<br>').
BR_TAG = r"</?br\s*/?>"
_BR_END = re.compile(BR_TAG + r"[ \t]*$", re.IGNORECASE)


def br_break(text: str) -> int | None:
    """Column (0-based) of a ``<br>`` (``<br/>``, ``<br />``, ``</br>``) ending the line, if any."""
    if ">" not in text[-12:]:
        return None
    match = _BR_END.search(text)
    return match.start() if match else None


def ends_with_hard_break(text: str) -> bool:
    """A backslash, two trailing spaces, or a ``<br>`` tag: GitHub breaks the line there."""
    return (
        ends_with_backslash_break(text)
        or (text.endswith("  ") and bool(text.strip()))
        or br_break(text) is not None
    )


def unclosed(text: str) -> bool:
    """Whether a line ends inside a link or a bold/italic run it opened (a soft wrap)."""
    masked = mask_code_spans(text)
    if masked.count("[") > masked.count("]") or masked.count("(") > masked.count(")"):
        return True
    return masked.count("**") % 2 == 1


def unclosed_link_url(masked: str) -> bool:
    """Whether the line ends in a link's URL that goes on on the next line."""
    return bool(re.search(r"\]\(\s*\S*$", masked.rstrip()))


def backslash_then_space(text: str) -> int | None:
    """Column (0-based) of a hard-break backslash followed only by whitespace, if any."""
    stripped = text.rstrip()
    if len(stripped) == len(text) or not ends_with_backslash_break(stripped):
        return None
    return len(stripped) - 1


def strip_hard_break(text: str) -> str:
    """The line without a trailing hard break (``\\`` or spaces) or stray whitespace."""
    stripped = text.rstrip()
    if ends_with_backslash_break(stripped):
        stripped = stripped[:-1].rstrip()
    else:
        br = br_break(stripped)
        if br is not None:
            stripped = stripped[:br].rstrip()
    return stripped


def mask_code_spans(text: str) -> str:
    """Blank out inline code (same length), so patterns never match inside it."""
    if "`" not in text:
        return text
    out = list(text)
    i = 0
    n = len(text)
    while i < n:
        if text[i] != "`":
            i += 1
            continue
        run = i
        while run < n and text[run] == "`":
            run += 1
        width = run - i
        close = text.find("`" * width, run)
        while close != -1 and close + width < n and text[close + width] == "`":
            nxt = close + width
            while nxt < n and text[nxt] == "`":
                nxt += 1
            close = text.find("`" * width, nxt)
        if close == -1:
            i = run
            continue
        for k in range(run, close):
            out[k] = "\x00"
        i = close + width
    return "".join(out)


# An autolink, '<https://doi.org/f4d9mt>': GitHub links the URL it shows.
_AUTOLINK = re.compile(r"<(?P<url>https?://[^\s<>]+)>", re.IGNORECASE)


def find_autolinks(number: int, text: str) -> Iterator[Link]:
    """The autolinks of a line, as links labelled with their URL."""
    if "<http" not in text.lower():
        return
    masked = mask_code_spans(text)
    for match in _AUTOLINK.finditer(masked):
        start, end = match.start("url"), match.end("url")
        url = Span(number, start + 1, end + 1, text[start:end])
        yield Link(number, match.start() + 1, match.end() + 1, url, url, False, False)


def find_links(number: int, text: str) -> Iterator[Link]:
    masked = mask_code_spans(text)
    for match in LINK.finditer(masked):
        image = bool(match.group("bang"))
        open_at = match.start() + (1 if image else 0)
        end = match.end()
        bracketed = (
            not image
            and open_at > 0
            and masked[open_at - 1] == "["
            and end < len(masked)
            and masked[end] == "]"
        )
        start = open_at - 1 if bracketed else match.start()
        if bracketed:
            end += 1
        tcol = match.start("target")
        target = text[tcol : match.end("target")]
        if target.startswith("<") and target.endswith(">"):
            target = target[1:-1]
            tcol += 1
        lstart, lend = match.start("label"), match.end("label")
        label = Span(number, lstart + 1, lend + 1, text[lstart:lend])
        yield Link(
            number,
            start + 1,
            end + 1,
            label,
            Span(number, tcol + 1, tcol + 1 + len(target), target),
            bracketed,
            image,
        )


# The end of a link whose text began on the line before: '  Sensing](https://u)'.
_WRAPPED_END = re.compile(r"(?P<ws>[ \t]*)(?P<rest>[^\[\]\n]*?)\]\((?P<target>[^()\s]+)\)")


def _open_bracket(masked: str) -> int | None:
    """Where the last '[' that the line leaves open is."""
    opened: list[int] = []
    for i, c in enumerate(masked):
        if c == "[" and (i == 0 or masked[i - 1] != "\\"):
            opened.append(i)
        elif c == "]" and opened and masked[i - 1] != "\\":
            opened.pop()
    return opened[-1] if opened else None


def wrapped_link(number: int, before: str, text: str) -> Link | None:
    """A link whose text wraps from the line before onto this line ('[Sequence to Sequence
    Learning' / 'with Neural Networks](u)', GitHub renders it as one link), placed on this
    line: its label is the part of the text here, its target the URL."""
    prev = mask_code_spans(before)
    open_at = _open_bracket(prev)
    if open_at is None or "](" in prev[open_at:] or not prev[open_at + 1 :].strip():
        return None
    masked = mask_code_spans(text)
    match = _WRAPPED_END.match(masked)
    if match is None:
        return None
    end = match.end()
    bracketed = open_at > 0 and prev[open_at - 1] == "[" and masked[end : end + 1] == "]"
    col = match.end("ws") + 1
    label = Span(number, col, match.end("rest") + 1, text[match.start("rest") : match.end("rest")])
    tcol = match.start("target")
    target = Span(number, tcol + 1, match.end("target") + 1, text[tcol : match.end("target")])
    return Link(number, col, end + 1 + bracketed, label, target, bracketed, False)
