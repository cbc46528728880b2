"""Character offsets of one text against 1-based lines and columns: a line starts after
each ``\\n`` (a ``\\r\\n`` line's ``\\r`` is the end of its text). The one index the model,
the fixer's partial re-lint and the outputs share."""

import bisect
import re


class LineIndex:
    """Where each line of a text starts."""

    __slots__ = ("length", "starts")

    def __init__(self, text: str) -> None:
        self.starts = [0, *(m.end() for m in re.finditer("\n", text))]
        self.length = len(text)

    def line_of(self, offset: int) -> int:
        """The 1-based line holding an offset (its terminator included)."""
        return bisect.bisect_right(self.starts, offset)

    def position(self, offset: int) -> tuple[int, int]:
        """The 1-based (line, column) of an offset, clamped to the text."""
        offset = max(0, min(offset, self.length))
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1

    def offset(self, line: int, column: int) -> int:
        """The offset of a 1-based line and column."""
        return self.starts[line - 1] + column - 1
