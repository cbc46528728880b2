"""Entry formats: one module a format, each a reader registered by ``@entry_format``.

A reader takes one section (the blocks between two headings) and returns the
entries it can read there with confidence, in its format. Detection is per
section: the format that reads the most entries wins (on a tie, the lower
``priority``), so a list may change format between sections. A shape no reader
is sure of yields no entry, and the entry rules stay silent about it.

Adding a format is adding a module here with one ``@entry_format`` reader.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from readme_lint.core.records import Entry
    from readme_lint.formats.base import Context, Section

Reader = Callable[["Section", "Context"], list["Entry"]]


class EntryFormat(NamedTuple):
    name: str
    priority: int
    read: Reader


_FORMATS: dict[str, EntryFormat] = {}


def entry_format(name: str, *, priority: int) -> Callable[[Reader], Reader]:
    """Register a section reader as the entry format ``name``."""

    def register(read: Reader) -> Reader:
        if name in _FORMATS:
            raise ValueError(f"entry format {name} registered twice")
        _FORMATS[name] = EntryFormat(name, priority, read)
        return read

    return register


def all_formats() -> list[EntryFormat]:
    # Importing the format modules registers them.
    from readme_lint.formats import (  # noqa: F401
        bullet,
        citation,
        numbered,
        paragraph,
        quoted,
        table,
    )

    return sorted(_FORMATS.values(), key=lambda f: f.priority)


def read_section(section: Section, ctx: Context) -> tuple[str | None, list[Entry]]:
    """The format detected in a section and its entries (None: no entries at all)."""
    best: tuple[str | None, list[Entry]] = (None, [])
    for fmt in all_formats():
        entries = fmt.read(section, ctx)
        if len(entries) > len(best[1]):
            best = (fmt.name, entries)
    return best[0], sorted(best[1], key=lambda e: e.first_line)


def read_entries(
    sections: Iterable[Section], ctx: Context
) -> tuple[tuple[Entry, ...], tuple[tuple[int, str | None], ...]]:
    """Every entry of the document, and each section's (first line, detected format)."""
    entries: list[Entry] = []
    detected: list[tuple[int, str | None]] = []
    for section in sections:
        fmt, found = read_section(section, ctx)
        entries.extend(found)
        detected.append((section.heading.line if section.heading else 0, fmt))
    return tuple(entries), tuple(detected)
