"""RL31x: link liveness — what ``--check-links`` found out about each link.

Statuses are compared by value (``Status`` is a string enum), so that a plain lint does
not import the link checker's records.

The rules are pure: the verdicts (``readme_lint.linkcheck``) come in with the run's
context (``LintContext.verdicts``), keyed by the URL as written. Without
``--check-links`` there are none and these rules find nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from readme_lint.core.diagnostics import Edit, Fix, Render, Severity, Violation
from readme_lint.core.model import Link
from readme_lint.rules.registry import LintContext, rule

if TYPE_CHECKING:  # the verdicts come only with --check-links: imported then
    from readme_lint.linkcheck.verdict import Verdict


def _checked(ctx: LintContext) -> Iterator[tuple[Link, Verdict]]:
    doc, verdicts = ctx.doc, ctx.verdicts
    if not verdicts:
        return
    for link in doc.links:
        verdict = verdicts.get(_url(link))
        if verdict is not None:
            yield link, verdict


def _url(link: Link) -> str:
    return link.target.text.strip()


@rule("RL310", "dead-link", "Link to a page that does not exist.", scope="document")
def dead_link(ctx: LintContext) -> Iterator[Violation]:
    """
    ## What it does
    With `--check-links`: finds links whose target is gone — 404 or 410 twice,
    a host name that does not resolve, a malformed URL, a missing file in the
    repository, an arXiv id that does not exist.

    ## Why is this bad?
    A reader who follows it finds nothing; a paper list's value is its links.

    ## Example
    ```markdown
    NeurIPS 2020. [[Paper](https://arxiv.org/abs/2006.99999)] \\
    ```

    ## Use instead
    ```markdown
    NeurIPS 2020. [[Paper](https://arxiv.org/abs/2006.11239)] \\
    ```

    ## Fix
    Not fixable: only a person knows where the paper went.
    """
    for link, verdict in _checked(ctx):
        if verdict.status == "broken":
            yield Violation(
                link.line, link.target.col, f"dead link {_url(link)}: {verdict.evidence}"
            )


@rule(
    "RL311",
    "moved-link",
    "Link that permanently redirects elsewhere.",
    severity=Severity.WARNING,
    fixable=True,
    scope="document",
)
def moved_link(ctx: LintContext) -> Iterator[Violation]:
    """
    ## What it does
    With `--check-links`: finds links answered by a permanent redirect (301 or
    308) to a page that is alive, and repositories that were renamed or moved.

    ## Why is this bad?
    Redirects break when the old address is reused, and they cost every reader
    a round trip; the list should say where the page is.

    ## Example
    ```markdown
    [[Code](http://github.com/hojonathanho/diffusion)] \\
    ```

    ## Use instead
    ```markdown
    [[Code](https://github.com/hojonathanho/diffusion)] \\
    ```

    ## Fix
    Writes the final URL in place of the old one.
    """
    doc = ctx.doc
    for link, verdict in _checked(ctx):
        if verdict.status == "moved" and verdict.final_url:
            line = doc.line(link.line)
            start = line.start + link.target.col - 1
            old = link.target.text
            lead = len(old) - len(old.lstrip())
            edit = Edit(start + lead, start + lead + len(old.strip()), verdict.final_url)
            yield Violation(
                link.line,
                link.target.col,
                f"{_url(link)} has moved to {verdict.final_url}",
                Fix("write the final URL", (edit,), retarget=True, render=Render.HREF),
            )


@rule(
    "RL312",
    "link-unverified",
    "Link whose target could not be checked.",
    severity=Severity.WARNING,
    scope="document",
)
def link_unverified(ctx: LintContext) -> Iterator[Violation]:
    """
    ## What it does
    With `--check-links`: finds links that could not be verified either way —
    rate-limited past the run's deadline, behind a bot wall (403 with a
    challenge, LinkedIn's 999), server errors after retries, timeouts — or
    that the safety guard refused (a private or loopback address).

    ## Why is this bad?
    It may be fine; it may be dead. `--strict-links` makes these fail the run
    for lists that want every link proven.

    ## Example
    ```markdown
    [[Talk](https://www.linkedin.com/posts/some-talk)] \\
    ```

    ## Use instead
    ```markdown
    [[Talk](https://www.youtube.com/watch?v=fbLgFrlTnGU)] \\
    ```

    ## Fix
    Not fixable.
    """
    for link, verdict in _checked(ctx):
        if verdict.status in ("unverifiable", "blocked"):
            what = "blocked" if verdict.status == "blocked" else "could not verify"
            yield Violation(link.line, link.target.col, f"{what} {_url(link)}: {verdict.evidence}")


def _paper_checks(ctx: LintContext) -> Iterator[tuple[str, Link, Verdict]]:
    """(entry title, link, verdict) for entries' links that the arXiv API answered."""
    doc, verdicts = ctx.doc, ctx.verdicts
    if not verdicts:
        return
    for entry in doc.entries:
        for link in entry.links:
            verdict = verdicts.get(_url(link))
            if verdict is not None and verdict.title is not None:
                yield entry.title_text, link, verdict


@rule(
    "RL313",
    "link-mismatch",
    "Paper link pointing at another paper.",
    severity=Severity.WARNING,
    scope="document",
)
def link_mismatch(ctx: LintContext) -> Iterator[Violation]:
    """
    ## What it does
    With `--check-links`: compares an entry's title with the title arXiv gives
    for the paper its link names, and reports the link when they differ (after
    normalising case, punctuation and math; titles at least 80% alike pass, as
    does a title that is the other's start, such as one without its subtitle).

    ## Why is this bad?
    A wrong arXiv id pasted from the entry above is alive, so no link checker
    sees it; readers land on another paper.

    ## Example
    ```markdown
    **Denoising Diffusion Implicit Models** \\
    *Jiaming Song, Chenlin Meng, Stefano Ermon* \\
    ICLR 2021. [[Paper](https://arxiv.org/abs/2006.11239)] \\
    Deterministic sampling in fewer steps.
    ```

    ## Use instead
    ```markdown
    **Denoising Diffusion Implicit Models** \\
    *Jiaming Song, Chenlin Meng, Stefano Ermon* \\
    ICLR 2021. [[Paper](https://arxiv.org/abs/2010.02502)] \\
    Deterministic sampling in fewer steps.
    ```

    ## Fix
    Not fixable: the right id has to be looked up.
    """
    if not ctx.verdicts:
        return
    from readme_lint.core.papers import title_matches

    for title, link, verdict in _paper_checks(ctx):
        if title and verdict.title and not title_matches(title, verdict.title):
            yield Violation(
                link.line,
                link.target.col,
                f"{_url(link)} is '{verdict.title}' on arXiv, not this entry's paper",
            )


@rule(
    "RL314",
    "withdrawn-paper",
    "Paper withdrawn by its authors.",
    severity=Severity.WARNING,
    scope="document",
)
def withdrawn_paper(ctx: LintContext) -> Iterator[Violation]:
    """
    ## What it does
    With `--check-links`: finds arXiv links whose latest version says the paper
    was withdrawn.

    ## Why is this bad?
    Its authors no longer stand by it; a reading list should say so or drop it.

    ## Example
    An entry whose arXiv link's latest version is a withdrawal notice (say
    2101.00001's is):
    ```markdown
    - **A Withdrawn Preprint** [[Paper](https://arxiv.org/abs/2101.00001)]
    ```

    ## Use instead
    The entry removed, or kept with a note and without the link:
    ```markdown
    - **A Withdrawn Preprint** (withdrawn by its authors)
    ```

    ## Fix
    Not fixable.
    """
    for _, link, verdict in _paper_checks(ctx):
        if verdict.withdrawn:
            yield Violation(
                link.line, link.target.col, f"{_url(link)} was withdrawn by its authors"
            )


@rule(
    "RL315",
    "archived-repo",
    "Code link to an archived repository.",
    severity=Severity.WARNING,
    default=False,
    scope="document",
)
def archived_repo(ctx: LintContext) -> Iterator[Violation]:
    """
    ## What it does
    With `--check-links` and `GITHUB_TOKEN` set: finds links to GitHub
    repositories their owners archived (read-only, no longer maintained). Off
    by default: select it with `extend-select = ["RL315"]`.

    ## Why is this bad?
    Readers may want to know that the code will not be updated; some lists mark
    or prefer maintained forks.

    ## Example
    ```markdown
    **Language Models are Unsupervised Multitask Learners** [[Code](https://github.com/openai/gpt-2)]
    ```

    ## Use instead
    A maintained implementation (or the same link with a note):
    ```markdown
    **Language Models are Unsupervised Multitask Learners** [[Code](https://github.com/huggingface/transformers)]
    ```

    ## Fix
    Not fixable.
    """
    for link, verdict in _checked(ctx):
        if verdict.archived:
            yield Violation(link.line, link.target.col, f"{_url(link)} is archived on GitHub")
