"""RL3xx: link labels, duplicate links and entries, empty links."""

from __future__ import annotations

import re
from collections.abc import Iterator

from readme_lint.core.conventions import canonical_labels, entry_name
from readme_lint.core.diagnostics import Edit, Fix, Render, Severity, Violation
from readme_lint.core.duplicates import Repeat, cross_listing_habit, duplicate_entries, paper_lines
from readme_lint.core.model import Document, Entry, Link
from readme_lint.core.papers import (
    arxiv_url_problem,
    is_name,
    is_real_title,
    label_key,
    normalize_url,
    paper_id,
    shared_name,
    shared_title_tail,
    similar_titles,
    title_key,
)
from readme_lint.rules.registry import CANONICAL_LABEL, LintContext, rule


@rule(
    "RL301",
    "link-label",
    "Link label off the list's canonical spelling.",
    fixable=True,
    scope="document",
    fix_effect=CANONICAL_LABEL,
)
def link_label(ctx: LintContext) -> Iterator[Violation]:
    """
    ## What it does
    Finds list-style link labels (`[[paper](...)]`) spelled differently from the
    list's canonical spelling of the same label (`[[Paper](...)]`). The canonical
    spelling is the configured one (`labels = ["Paper", "Code", "Project Page"]`);
    a label the configuration does not list follows its most common spelling in
    the file (none on a tie, and none when that is a misspelt product name: a list
    that mostly writes `Github` is held neither to its habit nor to `GitHub`).

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
    doc, config = ctx.doc, ctx.config
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
                    Fix(f"rename the label to '{want}'", (edit,), render=Render.LABEL),
                )


@rule(
    "RL302",
    "duplicate-link",
    "The same paper link in two entries with different titles.",
    severity=Severity.WARNING,
    scope="document",
)
def duplicate_link(ctx: LintContext) -> Iterator[Violation]:
    """
    ## What it does
    Finds a paper link (an arXiv id in any URL form, a DOI, an OpenReview id) in
    two entries whose titles differ. Links that many papers share — a code
    repository, a project site — are not reported, and entries already reported
    as `duplicate-entry` are not reported again here. Two titles that end in the
    same paper title under different names or tags (`MMLU (Clinical Knowledge):
    Measuring…` and `MMLU (College Medicine): Measuring…`, `_Tag_ - Title`) are one
    paper listed twice on purpose.

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
    doc = ctx.doc
    paired = {(id(r.later), id(r.earlier)) for r in duplicate_entries(doc, ctx.config)}
    first_seen: dict[str, tuple[Entry, int, str]] = {}
    for entry in doc.entries:
        papers = 0
        for link in entry.links:
            key = None if link.image else paper_id(link.target.text)
            if key is None:
                continue
            papers += 1
            if papers > 1 and _OTHER_PAPER.search(link.label.text):
                continue  # '[[pdf]](u) [[extension]](v)': a pointer to another paper
            seen = first_seen.setdefault(key, (entry, link.line, link.target.text))
            other, other_line, other_url = seen
            if other is entry or (id(entry), id(other)) in paired:
                continue
            if _two_versions(other_url, link.target.text):
                continue  # 'v1' and 'v2' linked apart: the list keeps a retitled paper's versions
            if not (is_real_title(other.title_text) and is_real_title(entry.title_text)):
                continue  # a label or a name is no evidence that the titles differ
            if is_name(other.title_text) or is_name(entry.title_text):
                continue  # a dataset or a method named in a table row links its paper
            if similar_titles(title_key(other.title_text), title_key(entry.title_text)):
                continue  # the same paper, reported (or not) by duplicate-entry
            if shared_title_tail(other.title_text, entry.title_text) or shared_name(
                other.title_text, entry.title_text
            ):
                continue  # one paper under two names or tags ('Name: Title', '_Tag_ - Title')
            if _names(doc, entry, other) or _names(doc, other, entry):
                continue  # '**Inst-IT Dataset** | [Inst-IT: Boosting…](u)': a name beside the title
            yield Violation(
                link.line,
                link.target.col,
                f"same paper link as the entry at line {other_line} ('{entry_name(other)}'), "
                "whose title differs: is one of the links wrong?",
                covers=tuple(sorted(paper_lines(doc).get(link.line, ()))),
            )


_VERSION = re.compile(r"\d{4}\.\d{4,5}v(?P<v>\d+)", re.IGNORECASE)
# A link labelled as another paper than the entry's: its extension, journal or
# conference version, a follow-up or a related work.
_OTHER_PAPER = re.compile(
    r"\b(?:extension|extended|journal|conference|follow[- ]?up|related|previous|prior)\b",
    re.IGNORECASE,
)


def _two_versions(a: str, b: str) -> bool:
    """Links to two different explicit versions of one arXiv paper."""
    va, vb = _VERSION.search(a), _VERSION.search(b)
    return va is not None and vb is not None and va.group("v") != vb.group("v")


def _names(doc: Document, entry: Entry, other: Entry) -> bool:
    """``entry``'s text besides its title holds ``other``'s title: a table row that bolds
    a model's or a dataset's name and links the paper's title in another cell is the
    same paper (a title inside a longer title is not: that is another paper's)."""
    key = title_key(other.title_text)
    text = title_key(" ".join(doc.line(n).text for n in entry.text_lines))
    return bool(key) and key in text.replace(title_key(entry.title_text), " ", 1)


@rule("RL303", "duplicate-entry", "The same paper listed twice in one section.", scope="document")
def duplicate_entry(ctx: LintContext) -> Iterator[Violation]:
    """
    ## What it does
    Finds an entry for a paper already listed in the same section, on evidence: the
    same paper (an arXiv id in any of its URL forms, a DOI, an OpenReview, ACL
    Anthology, CVF or NeurIPS proceedings id), or the same title with a shared author
    (or no authors to compare) and no conflicting id. Two different arXiv ids are two
    papers, whatever the titles say; a link label (`paper`, `[arXiv]`) or a word or
    two is no title. The finding is on the later entry and names the earlier one. A
    paper listed again in *another* section is `cross-listed-entry`'s; a
    `<details>` block with its `<summary>` is a subsection of its own.

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
    for repeat in duplicate_entries(ctx.doc, ctx.config):
        if repeat.same_section:
            later, earlier = repeat.later, repeat.earlier
            yield Violation(
                later.first_line,
                1,
                f"duplicate of the entry at line {earlier.first_line} ('{entry_name(earlier)}'): "
                f"{repeat.reason}",
                covers=(*later.lines, *earlier.lines),
            )


# A label that says its target is not there yet: '[Code (not yet)]()', '[Code: coming soon]()'.
_NOT_YET = re.compile(
    r"\b(?:not(?:\s+\w+)?\s+yet|coming\s+soon|soon|to\s+be\s+(?:released|announced)|tb[ad]"
    r"|upcoming)\b",
    re.IGNORECASE,
)
# A target with no '/', ':', '.', '#' or '?' is a bare word ('nan', 'None', 'link'): on
# GitHub, a relative link to a file of that name, which a paper list does not hold.
_BARE_WORD = re.compile(r"[^/:.#?\s]+")
# A web address written without its scheme ('arxiv.org/pdf/2107.12549', 'www.site.com'):
# GitHub reads it as a path in the repository. A file's name ('main.cc', 'notes.md') is
# not one: the domain needs 'www.', a subdomain, a path after it, or a generic top-level
# domain.
_NO_SCHEME = re.compile(
    r"(?P<host>(?:www\.)?[a-z0-9][a-z0-9-]*(?:\.[a-z0-9][a-z0-9-]*)*"
    r"\.(?P<tld>com|org|net|edu|gov|io|ai|cc|me|dev|app|co|info|uk|cn|de|fr|jp|kr|ca|au|ch|nl|eu|us|ru|it|es|se|be|at|science|tech|site|page))"
    r"(?P<rest>[/?#].*)?",
    re.IGNORECASE,
)
# A scheme, then what should be '://' ('hhttps://', 'htps://', 'https//', 'http:/x').
_SCHEME = re.compile(r"(?P<scheme>[a-z]{2,7})(?P<sep>:?//?)(?=[a-z0-9])", re.IGNORECASE)
_LOCAL = re.compile(r"file:|[a-z]:[\\/]", re.IGNORECASE)


def _one_edit(a: str, b: str) -> bool:
    """``a`` is ``b`` with one character added, dropped or changed."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def target_problem(target: str) -> str | None:
    """What is wrong with a link's target as the address of a web page, if anything."""
    if _BARE_WORD.fullmatch(target):
        return f"link target {target!r} is not a URL"
    if _LOCAL.match(target):
        return "the link points to a file on someone's own disk: no reader can open it"
    scheme = _SCHEME.match(target)
    if scheme is not None and not target.lower().startswith(("http://", "https://")):
        name = scheme.group("scheme").lower()
        if name in ("http", "https") or _one_edit(name, "http") or _one_edit(name, "https"):
            return f"the link's scheme {target[: scheme.end()]!r} is misspelt: write 'https://'"
    bare = _NO_SCHEME.fullmatch(target)
    if bare is not None and (
        bare.group("host").lower().startswith("www.")
        or bare.group("host").count(".") >= 2  # 'song-describer.streamlit.app'
        or bare.group("rest")
        or bare.group("tld").lower() in ("com", "org", "net", "edu", "gov")
    ):
        return (
            f"link target {target[:60]!r} has no 'https://': GitHub reads it as a file in "
            "the repository (a 404)"
        )
    return None


@rule(
    "RL306",
    "link-target",
    "A paper link whose target is not a URL, or a malformed arXiv link.",
)
def link_target(ctx: LintContext) -> Iterator[Violation]:
    """
    ## What it does
    Checks the targets of entries' links: a bare word where a URL belongs (`nan`,
    `None`, `link`: a spreadsheet's empty cell or a label pasted for the URL), a web
    address without its scheme (`arxiv.org/pdf/2107.12549.pdf`, `www.site.com`), a
    misspelt scheme (`hhttps://`, `https//`), a file on the author's disk
    (`file:///C:/Users/…`), an
    arXiv id with the wrong number of digits for its month (five after the dot
    from 2015 on, four before: a digit lost or added in a copy), and an arXiv
    abstract page written with `.pdf` (`arxiv.org/abs/1706.03762.pdf`).

    ## Why is this bad?
    GitHub turns a bare word or an address without `https://` into a link to a file
    of that name in the repository (a 404); a misspelt scheme or a local file leads
    nowhere; a malformed arXiv id leads nowhere or to another paper.

    ## Example
    ```markdown
    | Title | Venue | Code |
    |---|---|---|
    | [Attention Is All You Need](https://arxiv.org/abs/1706.0376) | NeurIPS | [code](nan) |
    ```

    ## Use instead
    ```markdown
    | Title | Venue | Code |
    |---|---|---|
    | [Attention Is All You Need](https://arxiv.org/abs/1706.03762) | NeurIPS | - |
    ```

    ## Fix
    None: the right URL has to be looked up, and a link to another address is the
    maintainer's call (the message names the abstract page for a `/abs/….pdf`).
    """
    doc = ctx.doc
    for entry in doc.entries:
        for link in entry.links:
            target = link.target.text.strip()
            if link.image or not target:
                continue
            malformed = target_problem(target)
            if malformed is not None:
                yield Violation(link.line, link.target.col, malformed)
                continue
            problem = arxiv_url_problem(target)
            if problem is None:
                continue
            if problem.endswith("'.pdf'"):
                # No fix: the link would point elsewhere, and whether the maintainer meant
                # the abstract page or the PDF (arxiv.org/pdf/...) is theirs to say.
                cut = target.lower().rindex(".pdf")
                problem += f": write {target[:cut] + target[cut + 4 :]} (or the /pdf/ link)"
            yield Violation(link.line, link.target.col, problem)


@rule("RL307", "repeated-link", "The same link, label and target, twice in one entry.")
def repeated_link(ctx: LintContext) -> Iterator[Violation]:
    """
    ## What it does
    Finds an entry that has the same link twice: the same label (letter case
    aside) to the same URL (`[[Code](u)] [[Code](u)]`), usually a paste done twice
    or a second link whose URL was never changed.

    ## Why is this bad?
    The second link adds nothing, and often stands where another link (the project
    page, the other repository) was meant.

    ## Example
    ```markdown
    **Denoising Diffusion Probabilistic Models** \\
    *Jonathan Ho, Ajay Jain, Pieter Abbeel* \\
    NeurIPS 2020. [[Paper](https://arxiv.org/abs/2006.11239)] [[Paper](https://arxiv.org/abs/2006.11239)] \\
    The comeback.
    ```

    ## Use instead
    ```markdown
    NeurIPS 2020. [[Paper](https://arxiv.org/abs/2006.11239)] \\
    ```

    ## Fix
    Not fixable: which link was meant is the maintainer's call.
    """
    for entry in ctx.doc.entries:
        seen: dict[str, list[str]] = {}  # label -> the targets it had so far
        for link in entry.links:
            target = link.target.text.strip()
            if link.image or not target:
                continue
            label = label_key(link.label.text)
            # URLs are normalised only for a label seen before (most entries have none).
            if label in seen and _same_url(target, seen[label]):
                yield Violation(
                    link.line,
                    link.col,
                    f"link '{link.label.text}' to the same URL is already in this entry",
                )
            seen.setdefault(label, []).append(target)


def _same_url(target: str, earlier: list[str]) -> bool:
    if target in earlier:
        return True
    key = normalize_url(target).rstrip("/")
    return any(normalize_url(other).rstrip("/") == key for other in earlier)


@rule(
    "RL305",
    "cross-listed-entry",
    "The same paper listed in two sections.",
    severity=Severity.WARNING,
    default=False,
    scope="document",
)
def cross_listed_entry(ctx: LintContext) -> Iterator[Violation]:
    """
    ## What it does
    Finds a paper listed again in another section than its first entry, on the same
    evidence as `duplicate-entry`, and names both places. Off by default (a hint
    says how many papers are listed in more than one section): on real lists such
    repeats are nearly always deliberate, a paper filed under each topic it belongs
    to (an attack and its defense, a method and its dataset). Select it to review
    them one by one; a warning.

    ## Why is this bad?
    When it is not on purpose, the two copies drift apart: a fixed link or a
    venue update lands in one of them only.

    ## Example
    ```markdown
    ## Image generation

    **Denoising Diffusion Probabilistic Models** \\
    *Jonathan Ho, Ajay Jain, Pieter Abbeel* \\
    NeurIPS 2020. [[Paper](https://arxiv.org/abs/2006.11239)] \\
    The comeback.

    ## Audio

    **Denoising Diffusion Probabilistic Models** \\
    *Jonathan Ho, Ajay Jain, Pieter Abbeel* \\
    NeurIPS 2020. [[Paper](https://arxiv.org/abs/2006.11239)] \\
    Also used for audio.
    ```

    ## Use instead
    Keep the paper in the section it belongs to (or keep both on purpose: turn the
    rule off, or set `duplicates = "section"` in the configuration).
    ```markdown
    ## Image generation

    **Denoising Diffusion Probabilistic Models** \\
    *Jonathan Ho, Ajay Jain, Pieter Abbeel* \\
    NeurIPS 2020. [[Paper](https://arxiv.org/abs/2006.11239)] \\
    The comeback; also used for audio.

    ## Audio
    ```

    ## Fix
    Not fixable: whether to cross-list is an editorial choice.
    """
    if ctx.config.duplicates == "section" or cross_listing_habit(ctx.doc, ctx.config):
        return
    for repeat in duplicate_entries(ctx.doc, ctx.config):
        if not repeat.same_section:
            later, earlier = repeat.later, repeat.earlier
            yield Violation(
                later.first_line,
                1,
                f"'{entry_name(later)}' is also listed in {_section_name(repeat)} (line "
                f"{earlier.first_line}): {repeat.reason}",
                covers=(*later.lines, *earlier.lines),
            )


def _section_name(repeat: Repeat) -> str:
    entry = repeat.earlier
    if repeat.earlier_subsection:
        return f"subsection '{repeat.earlier_subsection}'"
    return f"section '{entry.section.name}'" if entry.section else "the list's opening"


@rule("RL304", "empty-link", "Link with an empty or '#' target.")
def empty_link(ctx: LintContext) -> Iterator[Violation]:
    """
    ## What it does
    Finds links whose target is empty (`[Paper]()`) or a bare `#`. A link whose
    label is a placeholder (`[Coming soon]()`, `[TBD]()`: the `placeholders`
    setting) says its target is missing on purpose and is left alone.

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
    doc = ctx.doc
    # '[Coming soon]()', '[TBD]()': the label says the target is missing on purpose.

    def _empty(link: Link) -> bool:
        return (
            not link.image
            and link.target.text.strip() in ("", "#")
            and not ctx.config.is_placeholder(link.label.text)
            and not _NOT_YET.search(link.label.text)
        )

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
