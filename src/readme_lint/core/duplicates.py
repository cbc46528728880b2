"""Which entries list a paper again: the evidence (a paper id, a title with a shared
author) and where a repeat counts (the whole file, or one section)."""

from readme_lint.config import Config
from readme_lint.core.model import Document, Entry
from readme_lint.core.papers import author_names, paper_id, similar_titles, title_key


def _paper_ids(entry: Entry) -> set[str]:
    return {i for i in (paper_id(link.target.text) for link in entry.links if not link.image) if i}


def _authors(entry: Entry) -> set[str]:
    return author_names(entry.authors.text if entry.authors else None)


def duplicate_entries(doc: Document, config: Config) -> list[tuple[Entry, Entry, str]]:
    """(later entry, earlier entry, reason) for every repeated paper (computed once)."""
    return doc.memo(f"duplicate-entries-{config.duplicates}", lambda: _find_duplicates(doc, config))


def _scope(entry: Entry, config: Config) -> int:
    """Where a repeat counts: the whole file (0), or the entry's own section."""
    return entry.section.line if config.duplicates == "section" and entry.section else 0


def _find_duplicates(doc: Document, config: Config) -> list[tuple[Entry, Entry, str]]:
    by_title: dict[tuple[int, str], list[Entry]] = {}
    by_id: dict[tuple[int, str], Entry] = {}
    out: list[tuple[Entry, Entry, str]] = []
    for entry in doc.entries:
        scope = _scope(entry, config)
        earlier: tuple[Entry, str] | None = None
        key = title_key(entry.title_text)
        papers = _paper_ids(entry)
        for other in by_title.get((scope, key), []) if key else []:
            names, others = _authors(entry), _authors(other)
            # Same title by different people (a blog post and a video) is not a duplicate.
            if not names or not others or names & others:
                earlier = (other, "same title")
                break
        if earlier is None:
            for paper in sorted(papers):
                same = by_id.get((scope, paper))
                # One id under two different titles is a wrong link (duplicate-link), not a repeat.
                if same is not None and similar_titles(title_key(same.title_text), key):
                    earlier = (same, f"same paper ({paper})")
                    break
        if earlier is not None:
            out.append((entry, earlier[0], earlier[1]))
        if key:
            by_title.setdefault((scope, key), []).append(entry)
        for paper in papers:
            by_id.setdefault((scope, paper), entry)
    return out


def cross_section_hint(doc: Document, config: Config) -> str | None:
    """A hint when every repeated paper is repeated in another section (cross-listing)."""
    found = duplicate_entries(doc, config)
    if config.duplicates != "file" or len(found) < 2:
        return None
    if all(later.section != earlier.section for later, earlier, _ in found):
        return (
            f"RL303 found {len(found)} papers listed again, each in another section. If this "
            'list cross-lists on purpose, set `duplicates = "section"` under [tool.readme-lint] '
            "(or in .readme-lint.toml) to report only repeats within a section."
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
