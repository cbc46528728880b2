"""``readme-lint --init``: the configuration that describes a list's own conventions.

A list that has been kept for years has habits a default configuration does not
know: a section of blog posts whose entries end in a date, link labels spelled
``Github``, a read marker other than ``:zap:``, papers cross-listed in several
sections on purpose, a closing "Acknowledgements" heading the table of contents
leaves out. Reported entry by entry, each habit floods the first run with
findings that are not mistakes. :func:`infer` reads the habits off the list;
:func:`render` writes them as a ``.readme-lint.toml`` whose comments say what
each value was read from.

Only what the list does *consistently* becomes configuration, so its deviations
are still reported afterwards: a field most of a section's entries have stays
required there, a TOC gap inside the part of the page the TOC covers stays a
finding, a label spelt two ways equally often is left to the maintainer.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from readme_lint.config import (
    DEFAULT_TOC_EXCLUDE,
    FIELDS,
    Config,
    section_key,
    toml_list,
    toml_string,
)
from readme_lint.core.model import Document, Entry, build
from readme_lint.core.slug import SHORTCODE, strip_shortcodes
from readme_lint.engine.run import SECTION_MIN_ENTRIES
from readme_lint.formats import hard_break_formats

# A read marker must be a habit, not a one-off emoji.
_MARKER_MIN_ENTRIES = 2


@dataclass(frozen=True)
class SectionConvention:
    name: str
    entries: int
    require: frozenset[str]
    formats: tuple[str, ...]
    dated: bool  # its entries end in a date instead of a summary


@dataclass(frozen=True)
class Conventions:
    entries: int
    formats: tuple[tuple[str, int], ...]  # (format, entries), most entries first
    require: frozenset[str]
    sections: tuple[SectionConvention, ...]  # only those whose schema differs
    read_marker: str | None
    marker_entries: int
    labels: tuple[str, ...]
    label_ties: tuple[tuple[str, ...], ...]  # spellings used equally often
    duplicates: str
    cross_listed: int  # papers repeated, each in another section
    toc_exclude: tuple[str, ...]  # headings after the TOC's stretch that it leaves out


def infer(doc: Document) -> Conventions:
    """The list's conventions, read off its entries, links and headings."""
    from readme_lint.core.duplicates import duplicate_entries

    config = Config()
    entries = list(doc.entries)
    require = _required(entries)
    marker, marker_entries = _read_marker(doc)
    labels, ties = _labels(entries)
    found = duplicate_entries(doc, config)
    cross = sum(1 for r in found if not r.same_section)
    # Cross-listing on purpose: every repeat of a paper is in another section than its first.
    cross_listing = len(found) >= 2 and cross == len(found)
    return Conventions(
        entries=len(entries),
        formats=tuple(Counter(e.format for e in entries).most_common()),
        require=require,
        sections=tuple(_sections(doc, require)),
        read_marker=marker,
        marker_entries=marker_entries,
        labels=labels,
        label_ties=ties,
        duplicates="section" if cross_listing else "auto",
        cross_listed=cross,
        toc_exclude=_toc_exclude(doc, config),
    )


def _required(entries: Iterable[Entry]) -> frozenset[str]:
    """The fields at least half of the entries that can have them do have (a field no
    entry's format has is not one; no entries at all: every field, the default)."""
    from readme_lint.core.conventions import has_field
    from readme_lint.formats import format_fields

    entries = list(entries)
    if not entries:
        return frozenset(FIELDS)
    out = set()
    for field in FIELDS:
        able = [e for e in entries if field in format_fields(e.format)]
        have = sum(1 for e in able if has_field(e, field))
        if able and have * 2 >= len(able):
            out.add(field)
    return frozenset(out)


def _sections(doc: Document, file_require: frozenset[str]) -> Iterable[SectionConvention]:
    """Sections whose entries consistently keep another schema than the one they would
    inherit (the file's, or an enclosing section's): a section of posts that end in a
    date, and under it a subsection whose entries do have summaries again."""
    by_heading: dict[int, list[Entry]] = {}
    for entry in doc.entries:
        if entry.section is not None:
            by_heading.setdefault(entry.section.position, []).append(entry)
    decided: dict[int, frozenset[str]] = {}  # heading position -> its table's fields
    chosen: dict[str, SectionConvention | None] = {}
    for position in sorted(by_heading):
        members = by_heading[position]
        heading = doc.headings[position]
        inherited = next(
            (decided[h.position] for h in doc.heading_path(heading) if h.position in decided),
            file_require,
        )
        if len(members) < SECTION_MIN_ENTRIES:
            continue
        require = _required(members)
        if require == inherited:
            continue
        decided[position] = require
        name = strip_shortcodes(heading.text).strip()
        key = section_key(name)
        convention = SectionConvention(
            name,
            len(members),
            require,
            tuple(sorted({e.format for e in members})),
            "summary" not in require and all(e.date is not None for e in members),
        )
        # Two sections of one name share a table: only when they agree.
        if key in chosen and (chosen[key] is None or chosen[key] != convention):
            chosen[key] = None
        else:
            chosen.setdefault(key, convention)
    return [c for c in chosen.values() if c is not None]


def _read_marker(doc: Document) -> tuple[str | None, int]:
    """The emoji (shortcode or character) that entries of the hard-break formats, where
    the read marker lives, put once right after the title; a row of stars is a rating,
    not a marker."""
    counts: Counter[str] = Counter()
    for entry in doc.entries:
        title = entry.title
        if entry.format not in hard_break_formats() or title is None or title.text is None:
            continue
        tail = doc.line(title.line).text[title.text.end_col - 1 + len(title.closing) :]
        found = Counter(_emoji(tail))
        counts.update(mark for mark, n in found.items() if n == 1)
    if not counts:
        return None, 0
    marker, count = counts.most_common(1)[0]
    return (marker, count) if count >= _MARKER_MIN_ENTRIES else (None, 0)


def _emoji(text: str) -> Iterable[str]:
    for match in SHORTCODE.finditer(text):
        yield match.group()
    for char in SHORTCODE.sub(" ", text):
        if unicodedata.category(char) == "So":
            yield char


def _labels(entries: Iterable[Entry]) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """(each label's most common spelling, most used first; the labels spelt two or more
    ways equally often)."""
    from readme_lint.core.conventions import label_spellings

    groups = label_spellings(entries).values()
    labels: list[str] = []
    ties: list[tuple[str, ...]] = []
    for spellings in sorted(groups, key=lambda g: (-sum(c for c, _ in g), g[0][1])):
        top = [s for c, s in spellings if c == spellings[0][0]]
        if len(top) == 1:
            labels.append(top[0])
        else:
            ties.append(tuple(top))
    return tuple(labels), tuple(ties)


def _toc_exclude(doc: Document, config: Config) -> tuple[str, ...]:
    """Headings the TOC leaves out that hold no paper and come after the last heading it
    lists (a closing "Citation" or "Acknowledgements", or beyond the part of the page it
    covers): a convention. A section missing from the TOC among the ones it lists, or one
    that holds papers, is one someone forgot to list, and stays a finding."""
    from readme_lint.core.toc import missing_headings, toc_matches

    listed = [h.position for _, h in toc_matches(doc) if h is not None]
    last_listed = max(listed, default=-1)  # missing_headings is empty without any listed
    with_papers = {
        heading.position for entry in doc.entries for heading in doc.heading_path(entry.section)
    }
    names = [
        h.name
        for h, inside in missing_headings(doc, config)
        if h.position not in with_papers and (not inside or h.position > last_listed)
    ]
    return tuple(dict.fromkeys(names))


def render(conventions: Conventions, source: str) -> str:
    """The conventions as a ``.readme-lint.toml``, each value with where it came from."""
    c = conventions
    formats = ", ".join(f"{fmt} ({n})" for fmt, n in c.formats) or "none found"
    out = [
        f"# readme-lint configuration written by `readme-lint --init` from {source}:",
        f"# {c.entries} entries; entry formats: {formats}.",
        "# Each value below is what the list already does; edit freely.",
        "",
        *_require_lines(c),
    ]
    out += _marker_lines(c)
    out += _label_lines(c)
    out += [
        "",
        '# Where a repeated paper counts: "auto" (anywhere, unless dozens are repeated in',
        '# other sections on purpose), "file" (anywhere) or "section" (within one section).',
    ]
    if c.duplicates == "section":
        out.append(f"# Each of the {c.cross_listed} repeated listings is in another section than")
        out.append("# the paper's first listing: the list cross-lists on purpose.")
    out.append(f"duplicates = {toml_string(c.duplicates)}")
    if c.toc_exclude:
        out += [
            "",
            "# Headings the table of contents leaves out whose sections hold no paper,",
            "# with the default ones.",
            f"toc-exclude = {toml_list(dict.fromkeys((*DEFAULT_TOC_EXCLUDE, *c.toc_exclude)))}",
        ]
    for section in c.sections:
        out += ["", *_section_lines(section)]
    return "\n".join(out) + "\n"


def _require_lines(c: Conventions) -> list[str]:
    if not c.entries:
        return ["# No paper entries found: the default fields apply."]
    absent = [f for f in FIELDS if f not in c.require]
    lines = ["# Fields an entry needs: those at least half the entries that can have them have."]
    if absent:
        lines.append(f"# Not required here: {', '.join(absent)}.")
    return [*lines, f"require = {toml_list(f for f in FIELDS if f in c.require)}"]


def _marker_lines(c: Conventions) -> list[str]:
    if c.read_marker is None:
        return ["", '# No read marker found after the titles (the default is ":zap:").']
    return [
        "",
        f"# The mark {c.marker_entries} entries carry right after the title.",
        f"read-marker = {toml_string(c.read_marker)}",
    ]


def _label_lines(c: Conventions) -> list[str]:
    out = []
    if c.labels:
        out += [
            "",
            "# Link labels as the list spells them most often.",
            f"labels = {toml_list(c.labels)}",
        ]
    for spellings in c.label_ties:
        quoted = " and ".join(f"'{s}'" for s in spellings)
        out.append(f"# {quoted} are used equally often: add the one you want to `labels`.")
    return out


def _section_lines(s: SectionConvention) -> list[str]:
    lacks = [f for f in FIELDS if f not in s.require]
    why = "end in a date, not a summary" if s.dated else f"have no {' or '.join(lacks)}"
    return [
        f"# {s.entries} {'/'.join(s.formats)} entries that {why}.",
        f"[sections.{toml_string(s.name)}]",
        f"require = {toml_list(f for f in FIELDS if f in s.require)}",
    ]


def init_text(text: str, source: str = "README.md") -> str:
    """The configuration ``--init`` writes for the list ``text`` (pure)."""
    return render(infer(build(text)), source)
