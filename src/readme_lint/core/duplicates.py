"""Which entries list a paper again: the evidence (a paper id, a title with a shared
author) and where a repeat counts (the whole file, or one section)."""

import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from readme_lint.config import Config
from readme_lint.core.model import Document, Entry
from readme_lint.core.papers import (
    author_names,
    ids_conflict,
    is_real_title,
    paper_id,
    paper_key,
    publisher_page,
    similar_titles,
    title_key,
)
from readme_lint.core.records import BULLET, DETAILS, NUMBERED, TABLE


def paper_keys(entry: Entry) -> set[str]:
    """The papers an entry's links identify (images left out: a badge is no paper): their
    ids, and a publisher's page for one paper as ``page:<host/path>``."""
    out: set[str] = set()
    for link in entry.links:
        if not link.image:
            url = link.target.text
            key = paper_key(url) or publisher_page(url)
            if key:
                out.add(key)
    return out


def _authors(entry: Entry) -> set[str]:
    return author_names(entry.authors.text if entry.authors else None)


class Repeat(NamedTuple):
    later: Entry
    earlier: Entry
    reason: str  # the evidence: "same title", "same paper (arxiv:...)"
    # Under one heading, in the same <details> block and under the same bold label: a
    # repeat, not a cross-listing.
    same_section: bool = True
    # The <details> block's <summary> (or the bold label) the earlier entry is under, when
    # it is another one.
    earlier_subsection: str | None = None


_DETAILS_OPEN = re.compile(r"<details\b", re.IGNORECASE)
_DETAILS_CLOSE = re.compile(r"</details\s*>", re.IGNORECASE)
_SUMMARY = re.compile(r"<summary\b[^>]*>(.*?)</summary>", re.IGNORECASE | re.DOTALL)


def details_blocks(doc: Document) -> list[tuple[int, int, str]]:
    """Each ``<details>`` block outside code: (first line, last line, its summary's text).
    Lists use them as subsections (``<details><summary>Video</summary>``)."""

    def find() -> list[tuple[int, int, str]]:
        out: list[tuple[int, int, str]] = []
        open_at: list[int] = []
        for line in doc.lines:
            if line.number in doc.code_lines:
                continue
            for _ in _DETAILS_OPEN.finditer(line.text):
                open_at.append(line.number)
            for _ in _DETAILS_CLOSE.finditer(line.text):
                if open_at:
                    start = open_at.pop()
                    head = "\n".join(
                        doc.line(n).text for n in range(start, min(start + 3, line.number + 1))
                    )
                    summary = _SUMMARY.search(head)
                    name = re.sub(r"<[^>]+>", "", summary.group(1)).strip() if summary else ""
                    out.append((start, line.number, name))
        return out

    return doc.memo("details-blocks", find)


# A paragraph that is only a bold or italic label ('**Benchmark**', '*Shared memory*:').
_LABEL = re.compile(r"(\*\*|__)(?P<a>[^*_\s][^*]*?)\1:?|([*_])(?P<b>[^*_\s][^*]*?)\3:?")


def label_lines(doc: Document) -> list[tuple[int, str]]:
    """Each one-line paragraph outside entries that is only a bold or italic label, with
    its text: lists put one above a run of entries as a subsection heading."""

    def find() -> list[tuple[int, str]]:
        in_entries = {n for entry in doc.entries for n in entry.lines}
        out: list[tuple[int, str]] = []
        for block in doc.blocks:
            if block.kind != "paragraph" or block.first_line != block.last_line:
                continue
            if block.first_line in in_entries:
                continue
            match = _LABEL.fullmatch(doc.line(block.first_line).text.strip())
            if match:
                out.append((block.first_line, (match.group("a") or match.group("b")).strip()))
        return out

    return doc.memo("label-lines", find)


def _subsection(doc: Document, entry: Entry) -> tuple[int, str] | None:
    """The innermost <details> block holding the entry, or the bold label above it under
    the same heading: (its first line, its name)."""
    # A <details> entry's own block is the entry, not a subsection it is in.
    own = entry.last_line if entry.format == DETAILS else None
    inside = [(s, n) for s, e, n in details_blocks(doc) if s <= entry.first_line <= e and e != own]
    heading = entry.section.line if entry.section else 0
    labels = [(n, t) for n, t in label_lines(doc) if heading < n < entry.first_line]
    if labels:
        inside.append(labels[-1])
    return max(inside) if inside else None


def _repeat(doc: Document, later: Entry, earlier: Entry, reason: str) -> Repeat:
    where = _subsection(doc, earlier)
    same = later.section == earlier.section and _subsection(doc, later) == where
    name = where[1] if where and not same and later.section == earlier.section else None
    return Repeat(later, earlier, reason, same, name or None)


def duplicate_entries(doc: Document, config: Config) -> list[Repeat]:
    """Every repeated paper, in the whole file (computed once): later entry, earlier one,
    the evidence. Two entries are one paper on evidence only: the same paper key, or the
    same real title (not a link label, not a word or two) and no conflicting ids."""
    return doc.memo("duplicate-entries", lambda: _find_duplicates(doc))


def _distinctive(title: str) -> bool:
    """Long enough to name one work without its authors (five words, or thirty letters)."""
    return len(title.split()) >= 5 or len(title_key(title)) >= 30


def _find_duplicates(doc: Document) -> list[Repeat]:
    by_title: dict[str, list[tuple[Entry, set[str]]]] = {}
    by_key: dict[str, list[Entry]] = {}
    out: list[Repeat] = []
    for entry in doc.entries:
        title = entry.title_text
        key = title_key(title) if is_real_title(title) else ""
        papers = paper_keys(entry)
        same_title = [
            (other, ids)
            for other, ids in by_title.get(key, [])
            if not _rows_named_apart(doc, entry, other)
        ]
        found = _nearest(doc, entry, _title_matches(entry, papers, same_title))
        if found is None:
            found = _nearest(doc, entry, _id_matches(entry, papers, by_key))
        if found is not None and _nested_under(doc, entry, found.earlier):
            found = None  # '- Journal version' / '    - the conference version': on purpose
        if found is not None:
            out.append(found)
        if key:
            by_title.setdefault(key, []).append((entry, papers))
        for paper in papers:
            by_key.setdefault(paper, []).append(entry)
    return out


_ITEM_OR_HEADING = re.compile(r"(?P<indent>[ \t]*)(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)|[ \t]{0,3}#")


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip())


def _nested_under(doc: Document, later: Entry, earlier: Entry) -> bool:
    """Whether ``later`` is an item nested in ``earlier``'s list item (no sibling item or
    heading starts between them): a version of the paper put under it on purpose."""
    if later.format not in (BULLET, NUMBERED) or earlier.format not in (BULLET, NUMBERED):
        return False
    base = _indent(doc.line(earlier.first_line).text)
    if (
        not earlier.first_line < later.first_line
        or _indent(doc.line(later.first_line).text) <= base
    ):
        return False
    for number in range(earlier.first_line + 1, later.first_line):
        opened = _ITEM_OR_HEADING.match(doc.line(number).text)
        if opened is not None and (
            opened.group("indent") is None or len(opened.group("indent")) <= base
        ):
            return False
    return True


# A first column that names each row's thing: '| Name | Paper |', '| Method | … |'.
_NAME_HEADER = re.compile(
    r"[\s*_]*(?:name|method|model|dataset|algorithm|benchmark|approach)s?[\s*_:]*",
    re.IGNORECASE,
)


def _first_cell(text: str) -> str:
    return text.strip().strip("|").split("|")[0].strip()


def _row_name(doc: Document, entry: Entry) -> str | None:
    """A table row's first cell under a Name (Method, Model, Dataset…) header, when the
    entry's title is in another cell."""
    if entry.format != TABLE:
        return None
    table = next(
        (
            b
            for b in doc.blocks
            if b.kind == "table" and b.first_line < entry.first_line <= b.last_line
        ),
        None,
    )
    if table is None or not _NAME_HEADER.fullmatch(_first_cell(doc.line(table.first_line).text)):
        return None
    first = _first_cell(doc.line(entry.first_line).text)
    return first if first and entry.title_text not in first else None


def _rows_named_apart(doc: Document, a: Entry, b: Entry) -> bool:
    """Two table rows naming two things ('| PC algorithm | Causation, Prediction, and
    Search |', '| FCI algorithm | Causation, Prediction, and Search |') that cite one work:
    two entries, not a repeat."""
    name_a, name_b = _row_name(doc, a), _row_name(doc, b)
    return name_a is not None and name_b is not None and title_key(name_a) != title_key(name_b)


def _title_matches(
    entry: Entry, papers: set[str], candidates: list[tuple[Entry, set[str]]]
) -> Iterator[tuple[Entry, str]]:
    """Earlier entries with the same real title that are the same paper on evidence."""
    names = _authors(entry)
    for other, other_papers in candidates:
        if ids_conflict(papers, other_papers):
            continue  # two ids of one kind: two papers, whatever the titles say
        others = _authors(other)
        if not names and not others and not _distinctive(entry.title_text):
            continue  # a short title and no authors to tell: two works may share it
        # Same title by different people (a blog post and a video) is not a duplicate.
        if not names or not others or names & others:
            yield other, "same title"


def _id_matches(
    entry: Entry, papers: set[str], by_key: dict[str, list[Entry]]
) -> Iterator[tuple[Entry, str]]:
    """Earlier entries linking one of the entry's papers under a similar title."""
    title = title_key(entry.title_text)
    for paper in sorted(papers):
        for same in by_key.get(paper, []):
            if _named_apart(same.title_text, entry.title_text):
                continue  # 'MedQA: Title' and 'MedQA-USMLE: Title': two named things, one paper
            if similar_titles(title_key(same.title_text), title):
                yield same, f"same paper ({paper})"
            elif _same_name(same.title_text, entry.title_text) and (
                (names := _authors(entry)) and names & _authors(same)
            ):
                # One id, the same authors and the same name before a reworded title: the
                # paper renamed ('HumanNeRF: Efficiently Generated …' / 'HumanNeRF:
                # Generalizable …'). The same authors alone are no evidence: a group
                # writes many papers, and a pasted id is a wrong link.
                yield same, f"same paper ({paper}) and authors, under another title"
            # One id under another title by other people (or none to compare) is a wrong
            # link (duplicate-link), not a repeat.


def _names(a: str, b: str) -> tuple[str, str] | None:
    """The names of two titles 'Name: …' (three words at most each), as compared."""
    head_a, sep_a, _ = a.partition(":")
    head_b, sep_b, _ = b.partition(":")
    if not (sep_a and sep_b) or len(head_a.split()) > 3 or len(head_b.split()) > 3:
        return None
    return title_key(head_a), title_key(head_b)


def _same_name(a: str, b: str) -> bool:
    """Two titles 'Name: …' with one name."""
    names = _names(a, b)
    return names is not None and names[0] == names[1]


def _named_apart(a: str, b: str) -> bool:
    """Two titles 'Name: Title' whose names differ: two datasets or models of one
    paper, each an entry of its own."""
    names = _names(a, b)
    return names is not None and names[0] != names[1]


def _nearest(doc: Document, entry: Entry, matches: Iterable[tuple[Entry, str]]) -> Repeat | None:
    """The repeat against the closest earlier copy: one in the entry's own section (and
    <details> block) when there is one, so a paper listed twice in a section is a repeat
    there even when a third copy sits in another section; else the first copy."""
    first: Repeat | None = None
    for other, reason in matches:
        found = _repeat(doc, entry, other, reason)
        if found.same_section:
            return found
        first = first or found
    return first


# Cross-listing is a list's habit, not a slip, from this many papers listed again in
# another section, when they are also at least one in this many entries.
HABIT_MIN_REPEATS = 10
HABIT_ONE_IN = 20


def cross_listed(doc: Document, config: Config) -> list[Repeat]:
    """The repeats in another section than the paper's first listing."""
    return [r for r in duplicate_entries(doc, config) if not r.same_section]


def cross_listing_habit(doc: Document, config: Config) -> bool:
    """Whether the list cross-lists as a habit, so each repeat in another section is no
    finding: a list filing papers under several topics (or an "All papers" index beside
    its topic sections) repeats dozens of them on purpose, where a slip repeats a few.
    Only under ``duplicates = "auto"``: "file" reports every one, "section" none."""
    if config.duplicates != "auto":
        return False
    count = len(cross_listed(doc, config))
    return count >= HABIT_MIN_REPEATS and count * HABIT_ONE_IN >= len(doc.entries)


def cross_section_hint(doc: Document, config: Config, selected: bool) -> str | None:
    """A hint when papers are listed again in other sections: RL305 (off by default)
    names each; it says when the list cross-lists so much that RL305 would be silent."""
    cross = cross_listed(doc, config)
    if config.duplicates == "section" or not cross:
        return None
    papers = len({id(r.earlier) for r in cross})
    many = f"{papers} paper{'s' if papers != 1 else ''}"
    if cross_listing_habit(doc, config):
        return (
            f"RL305: {many} listed again in another section ({len(cross)} repeats), read as "
            "cross-listing on purpose and not reported one by one; to report each, set "
            '`duplicates = "file"` (top level in .readme-lint.toml, under [tool.readme-lint] '
            "in pyproject.toml)."
        )
    if selected:
        return None  # RL305 reports each
    return (
        f"{many} listed again in another section ({len(cross)} repeats): usually on "
        "purpose; `--extend-select RL305` lists them (repeats within a section are RL303's)."
    )


def paper_lines(doc: Document) -> dict[int, frozenset[int]]:
    """Line -> the lines of every entry linking a paper that a link on that line names
    (computed once per document)."""

    def compute() -> dict[int, frozenset[int]]:
        by_paper: dict[str, list[int]] = {}
        for entry in doc.entries:
            for link in entry.links:
                found = None if link.image else paper_id(link.target.text)
                if found:
                    by_paper.setdefault(found, []).extend(entry.lines)
        out: dict[int, set[int]] = {}
        for link in doc.links:
            found = None if link.image else paper_id(link.target.text)
            if found:
                out.setdefault(link.line, set()).update(by_paper.get(found, ()))
        return {line: frozenset(lines) for line, lines in out.items()}

    return doc.memo("paper-lines", compute)
