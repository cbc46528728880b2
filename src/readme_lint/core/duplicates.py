"""Which entries list a paper again: the evidence (a paper id, a title with a shared
author) and where a repeat counts (the whole file, or one section)."""

import re
from typing import NamedTuple

from readme_lint.config import Config
from readme_lint.core.model import Document, Entry
from readme_lint.core.papers import (
    author_names,
    ids_conflict,
    is_real_title,
    paper_id,
    paper_key,
    similar_titles,
    title_key,
)


def paper_keys(entry: Entry) -> set[str]:
    """The papers an entry's links identify (images left out: a badge is no paper)."""
    return {k for k in (paper_key(link.target.text) for link in entry.links if not link.image) if k}


def _authors(entry: Entry) -> set[str]:
    return author_names(entry.authors.text if entry.authors else None)


class Repeat(NamedTuple):
    later: Entry
    earlier: Entry
    reason: str  # the evidence: "same title", "same paper (arxiv:...)"
    # Under one heading and in the same <details> block: a repeat, not a cross-listing.
    same_section: bool = True
    # The <details> block's <summary> the earlier entry is in, when it is in another one.
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


def _subsection(doc: Document, entry: Entry) -> tuple[int, str] | None:
    """The innermost <details> block holding the entry: (its first line, its summary)."""
    inside = [(s, n) for s, e, n in details_blocks(doc) if s <= entry.first_line <= e]
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
    by_key: dict[str, Entry] = {}
    out: list[Repeat] = []
    for entry in doc.entries:
        title = entry.title_text
        key = title_key(title) if is_real_title(title) else ""
        papers = paper_keys(entry)
        earlier: Repeat | None = None
        for other, other_papers in by_title.get(key, []) if key else []:
            if ids_conflict(papers, other_papers):
                continue  # two ids of one kind: two papers, whatever the titles say
            names, others = _authors(entry), _authors(other)
            if not names and not others and not _distinctive(title):
                continue  # a short title and no authors to tell: two works may share it
            # Same title by different people (a blog post and a video) is not a duplicate.
            if not names or not others or names & others:
                earlier = _repeat(doc, entry, other, "same title")
                break
        if earlier is None:
            for paper in sorted(papers):
                same = by_key.get(paper)
                # One id under two different titles is a wrong link (duplicate-link), not a repeat.
                if same is not None and similar_titles(
                    title_key(same.title_text), title_key(title)
                ):
                    earlier = _repeat(doc, entry, same, f"same paper ({paper})")
                    break
        if earlier is not None:
            out.append(earlier)
        if key:
            by_title.setdefault(key, []).append((entry, papers))
        for paper in papers:
            by_key.setdefault(paper, entry)
    return out


def cross_section_hint(doc: Document, config: Config) -> str | None:
    """A hint when every repeated paper is repeated in another section (cross-listing)."""
    found = duplicate_entries(doc, config)
    if config.duplicates != "file" or len(found) < 2:
        return None
    if not any(r.same_section for r in found):
        return (
            f"RL305 found {len(found)} papers listed again, each in another section. If this "
            'list cross-lists on purpose, set `duplicates = "section"` under [tool.readme-lint] '
            "(or in .readme-lint.toml): repeats within a section are still reported (RL303)."
        )
    return None


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
