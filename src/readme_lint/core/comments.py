"""What the readme-lint comments switch off: for each comment, the lines and the rules;
for a finding, the comment and the name that hide it."""

# No postponed annotations: NamedTuple would compile each one at import.

from collections.abc import Iterable, Iterator
from typing import NamedTuple

from readme_lint.core.model import Directive, Document

# The rule that judges these comments (RL902): only a disable-file comment hides its own
# findings.
UNUSED_SUPPRESSION = "RL902"


def suppression_key(name: str) -> str:
    """A rule name in a comment as compared: codes upper-case, names lower-case."""
    return name.upper() if name.upper().startswith("RL") else name.lower()


def comment_keys(rules: Iterable[str]) -> tuple[str, ...]:
    """A comment's rule names as compared, in its order; none means every rule ('*')."""
    return tuple(dict.fromkeys(suppression_key(r) for r in rules)) or ("*",)


class CommentSpan(NamedTuple):
    """The lines on which one readme-lint comment switches rules off."""

    lines: range
    keys: tuple[str, ...]  # as compared (suppression_key), in the comment's order; '*': all
    directive: int  # the comment: its index in doc.directives
    action: str
    closer: int | None = None  # a range's enable comment (index; None: the end of the file)


class Suppressions:
    """Which (rule, line) pairs the document's readme-lint comments switch off, and which
    comment and name do it.

    Spans are tried widest first — disable-file, then ranges, then disable-next-line — and
    a comment's names in its order, so the comment credited with hiding a finding stays the
    same when narrower, redundant ones are removed (RL902 reports those).
    """

    def __init__(self, doc: Document) -> None:
        files: list[CommentSpan] = []
        ranges: list[CommentSpan] = []
        lines: list[CommentSpan] = []
        end = len(doc.lines) + 1
        open_: dict[str, tuple[int, int]] = {}  # key -> (first line, opening comment)
        for i, directive in enumerate(doc.directives):
            keys, action = comment_keys(directive.rules), directive.action
            if action == "disable-next-line":
                lines.append(CommentSpan(_next_line(doc, directive), keys, i, action))
            elif action == "disable-file":
                files.append(CommentSpan(range(1, end), keys, i, action))
            elif action == "disable":
                for key in keys:
                    open_.setdefault(key, (directive.last_line + 1, i))
            elif action == "enable":  # closes the named ranges, or all of them
                for key in list(open_) if "*" in keys else [k for k in keys if k in open_]:
                    start, opener = open_.pop(key)
                    ranges.append(
                        CommentSpan(range(start, directive.line), (key,), opener, "disable", i)
                    )
        for key, (start, opener) in open_.items():
            ranges.append(CommentSpan(range(start, end), (key,), opener, "disable"))
        ranges.sort(key=lambda span: span.directive)
        self.spans: tuple[CommentSpan, ...] = (*files, *ranges, *lines)

    @classmethod
    def of(cls, doc: Document) -> "Suppressions":
        """The document's suppressions (computed once, shared by the engine and RL902)."""
        return doc.memo("suppressions", lambda: cls(doc))

    def covering(self, code: str, name: str, line: int) -> Iterator[tuple[CommentSpan, str]]:
        """Every (comment span, name in it) switching rule ``code`` (named ``name``) off on
        ``line``; the first is the one that hides the finding."""
        names = ("*", code, name)
        own = code == UNUSED_SUPPRESSION
        for span in self.spans:
            if line in span.lines and not (own and span.action != "disable-file"):
                yield from ((span, key) for key in span.keys if key in names)

    def hides(self, code: str, name: str, line: int) -> bool:
        """Whether a comment switches rule ``code`` (named ``name``) off on ``line``."""
        return next(self.covering(code, name, line), None) is not None


def _next_line(doc: Document, directive: Directive) -> range:
    number = directive.last_line + 1
    while number <= len(doc.lines) and not doc.line(number).text.strip():
        number += 1
    entry = doc.entry_at_line.get(number)
    # Above an entry, the comment covers the whole entry: its findings may be on any line.
    if entry is not None and entry.first_line == number:
        return entry.lines
    return range(number, number + 1)
