"""RL3xx: link labels, duplicate links and entries, empty links."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from urllib.parse import urlsplit

from readme_lint.config import Config
from readme_lint.core.diagnostics import Edit, Fix, Severity, Violation
from readme_lint.core.model import Document, Entry, Link
from readme_lint.core.slug import strip_shortcodes
from readme_lint.rules import rule
from readme_lint.rules.entries import entry_name


def label_key(label: str) -> str:
    """Labels that are one label: case and inner whitespace do not count."""
    return " ".join(label.split()).casefold()


def label_spellings(entries: Iterable[Entry]) -> dict[str, list[tuple[int, str]]]:
    """Each list-style label (by label_key) -> its spellings with their counts, most used
    first (alphabetically on a tie)."""
    counts: Counter[str] = Counter(
        link.label.text for entry in entries for link in entry.links if link.bracketed
    )
    groups: dict[str, list[tuple[int, str]]] = {}
    for spelling, count in counts.items():
        groups.setdefault(label_key(spelling), []).append((count, spelling))
    for spellings in groups.values():
        spellings.sort(key=lambda item: (-item[0], item[1]))
    return groups


def canonical_labels(doc: Document, config: Config) -> dict[str, str]:
    """Casefolded label -> its canonical spelling: the configured one, else the most
    common (a label the configuration does not list is still held to its own)."""
    configured = {label_key(label): label for label in config.labels}
    best: dict[str, str] = {}
    for key, spellings in label_spellings(doc.entries).items():
        # A tie has no most common spelling: nothing to hold the others to.
        if len(spellings) == 1 or spellings[0][0] > spellings[1][0]:
            best[key] = spellings[0][1]
    return {**best, **configured}


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
    spelling is the configured one (`labels = ["Paper", "Code", "Project Page"]`);
    a label the configuration does not list follows its most common spelling in
    the file (none on a tie).

    ## Why is this bad?
    A list reads as one document; `paper`, `Paper` and `PAPER` side by side look
    careless and defeat search.

    ## Example
    ```markdown
    ## Papers
    - **Denoising Diffusion Probabilistic Models** [[Paper](https://arxiv.org/abs/2006.11239)]
    - **Denoising Diffusion Implicit Models** [[Paper](https://arxiv.org/abs/2010.02502)]
    - **Null-text Inversion for Editing Real Images using Guided Diffusion Models** [[paper](https://arxiv.org/abs/2211.09794)]
    ```

    ## Use instead
    ```markdown
    ## Papers
    - **Denoising Diffusion Probabilistic Models** [[Paper](https://arxiv.org/abs/2006.11239)]
    - **Denoising Diffusion Implicit Models** [[Paper](https://arxiv.org/abs/2010.02502)]
    - **Null-text Inversion for Editing Real Images using Guided Diffusion Models** [[Paper](https://arxiv.org/abs/2211.09794)]
    ```

    ## Fix
    Rewrites the label to the canonical spelling.
    """
    canonical = canonical_labels(doc, config)
    for entry in doc.entries:
        for link in entry.links:
            if not link.bracketed:
                continue
            want = canonical.get(label_key(link.label.text))
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
    re.IGNORECASE | re.ASCII,  # ids are ASCII digits and letters (not the Kelvin sign)
)


def arxiv_id(url: str) -> str | None:
    """The arXiv identifier of an abs/pdf/html link, without its version."""
    if "arxiv" not in url:
        return None
    match = _ARXIV.match(url.strip())
    return match.group("id").lower() if match else None


_DOI = re.compile(
    r"\b(10\.\d{4,9}/[^\s?#]+?)(?:/full|/abstract|\.pdf)?/?(?:[?#].*)?$", re.IGNORECASE
)
_OPENREVIEW = re.compile(r"openreview\.net/(?:forum|pdf)\?id=([\w\-]+)", re.IGNORECASE)


def paper_id(url: str) -> str | None:
    """The paper a link identifies (arXiv id, DOI, OpenReview id), if it identifies one."""
    found = arxiv_id(url)
    if found:
        return f"arxiv:{found}"
    if "10." in url:
        doi = _DOI.search(url)
        if doi:
            return f"doi:{doi.group(1).lower()}"
    review = _OPENREVIEW.search(url)
    return f"openreview:{review.group(1)}" if review else None


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


def title_key(entry: Entry) -> str:
    """A title as compared: case, punctuation, quotes, emphasis and emoji do not count."""
    return re.sub(r"[\W_]+", "", strip_shortcodes(entry.title_text).casefold())


def similar_titles(a: str, b: str) -> bool:
    """Titles of one paper: equal, either unknown, or differing in a few characters."""
    if not a or not b or a == b:
        return True
    import difflib  # rarely reached: kept off the start-up path

    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.9


def _author_names(entry: Entry) -> set[str]:
    if entry.authors is None:
        return set()
    text = re.sub(r"<[^>]*>[^<]*</[^>]*>|<[^>]+>|\([^)]*\)", " ", entry.authors.text.strip("*_ "))
    return {re.sub(r"\W+", "", n).casefold() for n in re.split(r",|;|&|\band\b", text) if n.strip()}


def _paper_ids(entry: Entry) -> set[str]:
    return {i for i in (paper_id(link.target.text) for link in entry.links if not link.image) if i}


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
        key = title_key(entry)
        papers = _paper_ids(entry)
        for other in by_title.get((scope, key), []) if key else []:
            names, others = _author_names(entry), _author_names(other)
            # Same title by different people (a blog post and a video) is not a duplicate.
            if not names or not others or names & others:
                earlier = (other, "same title")
                break
        if earlier is None:
            for paper in sorted(papers):
                same = by_id.get((scope, paper))
                # One id under two different titles is a wrong link (duplicate-link), not a repeat.
                if same is not None and similar_titles(title_key(same), key):
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


@rule(
    "RL302",
    "duplicate-link",
    "The same paper link in two entries with different titles.",
    severity=Severity.WARNING,
    scope="document",
)
def duplicate_link(doc: Document, config: Config) -> Iterator[Violation]:
    """
    ## What it does
    Finds a paper link (an arXiv id in any URL form, a DOI, an OpenReview id) in
    two entries whose titles differ. Links that many papers share — a code
    repository, a project site — are not reported, and entries already reported
    as `duplicate-entry` are not reported again here.

    ## Why is this bad?
    Two different titles cannot be the same paper: one of the links is a
    copy-paste slip or a wrong id, and readers land on the wrong paper.

    ## Example
    ```markdown
    **Denoising Diffusion Probabilistic Models** \\
    *Jonathan Ho, Ajay Jain, Pieter Abbeel* \\
    NeurIPS 2020. [[Paper](https://arxiv.org/abs/2006.11239)] \\
    The comeback.

    **Denoising Diffusion Implicit Models** \\
    *Jiaming Song, Chenlin Meng, Stefano Ermon* \\
    ICLR 2021. [[Paper](https://arxiv.org/pdf/2006.11239v2.pdf)] \\
    Deterministic sampling.
    ```

    ## Use instead
    ```markdown
    **Denoising Diffusion Probabilistic Models** \\
    *Jonathan Ho, Ajay Jain, Pieter Abbeel* \\
    NeurIPS 2020. [[Paper](https://arxiv.org/abs/2006.11239)] \\
    The comeback.

    **Denoising Diffusion Implicit Models** \\
    *Jiaming Song, Chenlin Meng, Stefano Ermon* \\
    ICLR 2021. [[Paper](https://arxiv.org/abs/2010.02502)] \\
    Deterministic sampling.
    ```

    ## Fix
    Not fixable: only a person can tell which entry has the wrong link. A
    warning by default.
    """
    paired = {(id(later), id(earlier)) for later, earlier, _ in duplicate_entries(doc, config)}
    first_seen: dict[str, tuple[Entry, int]] = {}
    for entry in doc.entries:
        for link in entry.links:
            key = None if link.image else paper_id(link.target.text)
            if key is None:
                continue
            seen = first_seen.setdefault(key, (entry, link.line))
            other, other_line = seen
            if other is entry or (id(entry), id(other)) in paired:
                continue
            if similar_titles(title_key(other), title_key(entry)):
                continue  # the same paper, reported (or not) by duplicate-entry
            yield Violation(
                link.line,
                link.target.col,
                f"same paper link as the entry at line {other_line} ('{entry_name(other)}'), "
                "whose title differs: is one of the links wrong?",
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
    *Yang Song, Stefano Ermon* \\
    NeurIPS 2019. [[Paper](https://arxiv.org/abs/1907.05600)] \\
    Score matching plus annealed Langevin dynamics.

    **Generative Modeling by Estimating Gradients of the Data Distribution** \\
    *Yang Song, Stefano Ermon* \\
    NeurIPS 2019. [[Code](https://github.com/ermongroup/ncsn)] \\
    Noise-conditional score networks.
    ```

    ## Use instead
    Keep one entry; merge the links and summaries.
    ```markdown
    **Generative Modeling by Estimating Gradients of the Data Distribution** \\
    *Yang Song, Stefano Ermon* \\
    NeurIPS 2019. [[Paper](https://arxiv.org/abs/1907.05600)] [[Code](https://github.com/ermongroup/ncsn)] \\
    Noise-conditional score networks, sampled with annealed Langevin dynamics.
    ```

    ## Fix
    Not fixable: which copy to keep is an editorial choice.
    """
    for later, earlier, reason in duplicate_entries(doc, config):
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
    in_entries: set[tuple[int, int]] = set()
    for entry in doc.entries:
        empty = [lk for lk in entry.links if _empty(lk)]
        in_entries.update((lk.line, lk.col) for lk in entry.links)
        if empty:
            labels = ", ".join(f"'{lk.label.text}'" for lk in empty)
            what = "link" if len(empty) == 1 else "links"
            yield Violation(empty[0].line, empty[0].col, f"{what} {labels} with an empty target")
    for link in doc.links:
        if (link.line, link.col) not in in_entries and _empty(link):
            yield Violation(link.line, link.col, f"link '{link.label.text}' with an empty target")


def _empty(link: Link) -> bool:
    return not link.image and link.target.text.strip() in ("", "#")
