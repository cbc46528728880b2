"""Entry formats: one module a format, each a reader registered by ``@entry_format``.

A reader takes one section (the blocks between two headings) and returns the
entries it can read there with confidence, in its format. Detection is per
section: the format that reads the most entries wins (on a tie, the lower
``priority``), so a list may change format between sections; a format that claims
its sections (a heading that is a paper) takes the section when it reads an entry. A shape no reader
is sure of yields no entry, and the entry rules stay silent about it.

Adding a format is adding a module here with one ``@entry_format`` reader (and its
fixtures); its name, fields and break style are read from the registration.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING

from readme_lint.formats.registry import EntryFormat, registered

if TYPE_CHECKING:
    from readme_lint.core.records import Entry
    from readme_lint.formats.base import Context, Section


_SHARED = frozenset({"__init__", "base", "registry"})  # modules that are no format


@cache
def all_formats() -> tuple[EntryFormat, ...]:
    """Every entry format, by priority."""
    # Importing the format modules registers them: every module of this package but the
    # shared ones, so a new format is one module (and its fixtures), listed nowhere else.
    import importlib
    from pathlib import Path

    # iterdir, not glob: a glob pattern is compiled to a regular expression at start-up.
    for module in sorted(Path(__file__).parent.iterdir()):
        if module.suffix == ".py" and module.stem not in _SHARED:
            importlib.import_module(f"{__name__}.{module.stem}")
    if not registered():  # an install without the format modules' sources: say so, never go silent
        raise RuntimeError(f"readme-lint: no entry format module found in {Path(__file__).parent}")
    return tuple(registered())


@cache
def format_names() -> tuple[str, ...]:
    """Every format's name, by priority."""
    return tuple(f.name for f in all_formats())


@cache
def hard_break_formats() -> frozenset[str]:
    """The formats whose fields are lines joined by hard breaks."""
    return frozenset(f.name for f in all_formats() if f.hard_breaks)


def format_fields(name: str) -> frozenset[str]:
    """The fields an entry of format ``name`` can have."""
    return _fields_by_format()[name]


@cache
def _fields_by_format() -> dict[str, frozenset[str]]:
    return {f.name: f.fields for f in all_formats()}


def read_section(section: Section, ctx: Context) -> tuple[str | None, list[Entry]]:
    """The format detected in a section and its entries (None: no entries at all)."""
    read: list[tuple[EntryFormat, list[Entry]]] = []
    for fmt in all_formats():
        entries = fmt.read(section, ctx)
        if entries and fmt.claims_section:
            return fmt.name, entries
        read.append((fmt, entries))
    # What a format reads inside another's enclosing entries (a <details> body) is their
    # body: it does not count.
    inside = {n for fmt, entries in read if fmt.encloses for e in entries for n in e.lines}
    best: tuple[str | None, list[Entry]] = (None, [])
    for fmt, entries in read:
        if inside and not fmt.encloses:
            entries = [e for e in entries if e.first_line not in inside]
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
