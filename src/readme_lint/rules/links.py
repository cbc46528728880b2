"""RL3xx: link labels, duplicate links and entries, empty links."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from urllib.parse import urlsplit

from readme_lint.config import Config
from readme_lint.diagnostics import Edit, Fix, Severity, Violation
from readme_lint.model import Document, Entry
from readme_lint.rules import rule
from readme_lint.rules.entries import entry_name
from readme_lint.slug import strip_shortcodes


def canonical_labels(doc: Document, config: Config) -> dict[str, str]:
    """Casefolded label -> its canonical spelling (configured, else most common)."""
    if config.labels:
        return {label.casefold(): label for label in config.labels}
    counts: Counter[str] = Counter(
        link.label.text for entry in doc.entries for link in entry.links if link.bracketed
    )
    groups: dict[str, list[tuple[int, str]]] = {}
    for spelling, count in counts.items():
        groups.setdefault(spelling.casefold(), []).append((count, spelling))
    best: dict[str, str] = {}
    for key, spellings in groups.items():
        spellings.sort(reverse=True)
        # A tie has no most common spelling: nothing to hold the others to.
        if len(spellings) == 1 or spellings[0][0] > spellings[1][0]:
            best[key] = spellings[0][1]
    return best


@rule(
    "RL301",
    "link-label",
    "Link label off the list's canonical spelling.",
    fixable=True,
    scope="document",
)
def link_label(doc: Document, config: Config) -> Iterator[Violation]:
    """
    ## What it does
    Finds list-style link labels (`[[paper](...)]`) spelled differently from the
    list's canonical spelling of the same label (`[[Paper](...)]`). The canonical
    spelling is the configured one (`labels = ["Paper", "Code", "Project Page"]`)
    or else each label's most common spelling in the file (none on a tie).

    ## Why is this bad?
    A list reads as one document; `paper`, `Paper` and `PAPER` side by side look
    careless and defeat search.

    ## Example
    ```markdown
    [[paper](https://arxiv.org/abs/2211.09794)] \\
    ```

    ## Use instead
    ```markdown
    [[Paper](https://arxiv.org/abs/2211.09794)] \\
    ```

    ## Fix
    Rewrites the label to the canonical spelling.
    """
    canonical = canonical_labels(doc, config)
    for entry in doc.entries:
        for link in entry.links:
            if not link.bracketed:
                continue
            want = canonical.get(link.label.text.casefold())
            if want is not None and want != link.label.text:
                line = doc.line(link.line)
                edit = Edit(
                    line.start + link.label.col - 1, line.start + link.label.end_col - 1, want
                )
                yield Violation(
                    link.line,
                    link.label.col,
                    f"link label '{link.label.text}' should be spelled '{want}'",
                    Fix(f"rename the label to '{want}'", (edit,)),
                )


_ARXIV = re.compile(
    r"^(?:https?://)?(?:[\w-]+\.)?arxiv\.org/(?:abs|pdf|html)/"
    r"(?P<id>\d{4}\.\d{4,5}|[a-z\-]+(?:\.[a-z]{2})?/\d{7})(?:v\d+)?(?:\.pdf)?/?(?:[?#].*)?$",
    re.IGNORECASE,
)


def arxiv_id(url: str) -> str | None:
    """The arXiv identifier of an abs/pdf/html link, without its version."""
    if "arxiv" not in url:
        return None
    match = _ARXIV.match(url.strip())
    return match.group("id").lower() if match else None


def normalize_url(url: str) -> str:
    """One spelling per resource: scheme, ``www.``, trailing slash and arXiv forms folded."""
    found = arxiv_id(url)
    if found:
        return f"arxiv:{found}"
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    path = parts.path.rstrip("/")
    query = f"?{parts.query}" if parts.query else ""
    return f"{host}{path}{query}"


def _title_key(entry: Entry) -> str:
    text = entry.title.text.text if entry.title and entry.title.text else ""
    return re.sub(r"[\W_]+", "", strip_shortcodes(text).casefold())


def _author_names(entry: Entry) -> set[str]:
    if entry.authors is None:
        return set()
    text = re.sub(r"<[^>]*>[^<]*</[^>]*>|<[^>]+>|\([^)]*\)", " ", entry.authors.text.strip("*_ "))
    return {re.sub(r"\W+", "", n).casefold() for n in re.split(r",|;|&|\band\b", text) if n.strip()}


def _paper_ids(entry: Entry) -> set[str]:
    return {i for i in (arxiv_id(link.target.text) for link in entry.links) if i}


def duplicate_entries(doc: Document) -> list[tuple[Entry, Entry, str]]:
    """(later entry, earlier entry, reason) for every repeated paper (computed once)."""
    return doc.memo("duplicate-entries", lambda: _find_duplicates(doc))


def _find_duplicates(doc: Document) -> list[tuple[Entry, Entry, str]]:
    by_title: dict[str, list[Entry]] = {}
    by_id: dict[str, Entry] = {}
    out: list[tuple[Entry, Entry, str]] = []
    for entry in doc.entries:
        earlier: tuple[Entry, str] | None = None
        key = _title_key(entry)
        papers = _paper_ids(entry)
        for other in by_title.get(key, []) if key else []:
            names, others = _author_names(entry), _author_names(other)
            # Same title by different people (a blog post and a video) is not a duplicate.
            if not names or not others or names & others:
                earlier = (other, "same title")
                break
        if earlier is None:
            for paper in sorted(papers):
                if paper in by_id:
                    earlier = (by_id[paper], f"same arXiv paper {paper}")
                    break
        if earlier is not None:
            out.append((entry, earlier[0], earlier[1]))
        if key:
            by_title.setdefault(key, []).append(entry)
        for paper in papers:
            by_id.setdefault(paper, entry)
    return out


@rule(
    "RL302",
    "duplicate-link",
    "The same URL in two entries.",
    severity=Severity.WARNING,
    scope="document",
)
def duplicate_link(doc: Document, config: Config) -> Iterator[Violation]:
    """
    ## What it does
    Finds a URL that appears in two different entries, comparing normalized URLs:
    `http`/`https`, `www.`, a trailing slash, and arXiv `abs`/`pdf`/version
    forms of one paper are the same link. Entries already reported as
    `duplicate-entry` are not reported again here.

    ## Why is this bad?
    Usually a copy-paste slip: the second entry points at the first entry's
    paper or code.

    ## Example
    ```markdown
    [[Paper](https://arxiv.org/abs/2006.11239)] \\
    ...
    [[Paper](https://arxiv.org/pdf/2006.11239v2.pdf)] \\
    ```

    ## Use instead
    Point each entry at its own paper.

    ## Fix
    Not fixable. A warning by default: some links (a shared code base) are
    legitimately shared.
    """
    paired = {(id(later), id(earlier)) for later, earlier, _ in duplicate_entries(doc)}
    first_seen: dict[str, tuple[Entry, int]] = {}
    for entry in doc.entries:
        reported: set[str] = set()
        for link in entry.links:
            if link.image or not link.target.text or link.target.text.startswith("#"):
                continue
            key = normalize_url(link.target.text)
            seen = first_seen.get(key)
            if seen is None:
                first_seen[key] = (entry, link.line)
                continue
            other, other_line = seen
            if other is entry or key in reported or (id(entry), id(other)) in paired:
                continue
            reported.add(key)
            yield Violation(
                link.line,
                link.target.col,
                f"same link as the entry at line {other_line} ('{entry_name(other)}')",
            )


@rule("RL303", "duplicate-entry", "The same paper listed twice.", scope="document")
def duplicate_entry(doc: Document, config: Config) -> Iterator[Violation]:
    """
    ## What it does
    Finds an entry for a paper already listed: the same normalized title with a
    shared author (or no authors to compare), or the same arXiv paper. The
    finding is on the later entry and names the earlier one.

    ## Why is this bad?
    Readers meet the same paper twice, often with different summaries, and
    fixes land in one copy only.

    ## Example
    ```markdown
    **Generative Modeling by Estimating Gradients of the Data Distribution** \\
    *Yang Song* \\
    ...
    **Generative Modeling by Estimating Gradients of the Data Distribution** \\
    *Yang Song, Stefano Ermon* \\
    ```

    ## Use instead
    Keep one entry; merge the links and summaries.

    ## Fix
    Not fixable: which copy to keep is an editorial choice.
    """
    for later, earlier, reason in duplicate_entries(doc):
        yield Violation(
            later.first_line,
            1,
            f"duplicate of the entry at line {earlier.first_line} ('{entry_name(earlier)}'): {reason}",
        )


@rule("RL304", "empty-link", "Link with an empty or '#' target.")
def empty_link(doc: Document, config: Config) -> Iterator[Violation]:
    """
    ## What it does
    Finds links whose target is empty (`[Paper]()`) or a bare `#`.

    ## Why is this bad?
    They look like links and go nowhere; usually the URL was never pasted.

    ## Example
    ```markdown
    [[Paper]()] [[Code](#)] \\
    ```

    ## Use instead
    ```markdown
    [[Paper](https://arxiv.org/abs/2006.11239)] \\
    ```

    ## Fix
    Not fixable.
    """
    for link in doc.links:
        if not link.image and link.target.text.strip() in ("", "#"):
            yield Violation(link.line, link.col, f"link '{link.label.text}' has an empty target")
