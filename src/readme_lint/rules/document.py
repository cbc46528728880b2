"""RL5xx: whole-document hygiene (final newline, line endings, blank lines)."""

from __future__ import annotations

from collections.abc import Iterator

from readme_lint.core.conventions import majority_eol
from readme_lint.core.diagnostics import Edit, Fix, Violation
from readme_lint.rules.registry import BLANK_RUNS, LintContext, rule


@rule("RL501", "final-newline", "File does not end with a newline.", fixable=True, scope="document")
def final_newline(ctx: LintContext) -> Iterator[Violation]:
    """
    ## What it does
    Finds a non-empty file whose last line has no newline.

    ## Why is this bad?
    Tools that concatenate or diff files treat the last line specially; every
    appended entry then shows a spurious change on the line before it.

    ## Example
    The last line, with the end of the file right after its last character:
    ```markdown
    Trains the denoiser with a simplified variational bound.
    ```

    ## Use instead
    The same line, ended by a newline:
    ```markdown
    Trains the denoiser with a simplified variational bound.
    ```

    ## Fix
    Appends a newline in the file's own style (LF or CRLF).
    """
    doc = ctx.doc
    last = doc.lines[-1]
    if doc.text and last.eol == "" and last.text:
        end = len(doc.text)
        yield Violation(
            last.number,
            len(last.text) + 1,
            "no newline at end of file",
            Fix("add a final newline", (Edit(end, end, majority_eol(doc)),)),
        )


@rule(
    "RL502", "mixed-line-endings", "Lines end in both LF and CRLF.", fixable=True, scope="document"
)
def mixed_line_endings(ctx: LintContext) -> Iterator[Violation]:
    """
    ## What it does
    Finds lines whose ending (LF or CRLF) differs from the file's majority.

    ## Why is this bad?
    Mixed endings come from editors that disagree; they make every later diff of
    those lines noisy and can confuse tools that split lines.

    ## Example
    A file of LF lines where a contributor's lines end in CRLF. Here the authors
    line ends in CRLF, the others in LF:
    ```markdown
    **Denoising Diffusion Probabilistic Models** \\
    *Jonathan Ho, Ajay Jain, Pieter Abbeel* \\\r
    NeurIPS 2020. [[Paper](https://arxiv.org/abs/2006.11239)] \\
    The comeback.
    ```

    ## Use instead
    One line ending throughout (here LF):
    ```markdown
    **Denoising Diffusion Probabilistic Models** \\
    *Jonathan Ho, Ajay Jain, Pieter Abbeel* \\
    NeurIPS 2020. [[Paper](https://arxiv.org/abs/2006.11239)] \\
    The comeback.
    ```

    ## Fix
    Rewrites the minority line endings to the majority style.
    """
    doc = ctx.doc
    want = majority_eol(doc)
    for line in doc.lines:
        if line.eol and line.eol != want:
            start = line.end
            name = "CRLF" if line.eol == "\r\n" else "LF"
            yield Violation(
                line.number,
                len(line.text) + 1,
                f"{name} line ending in a file that mostly uses {'CRLF' if want == chr(13) + chr(10) else 'LF'}",
                Fix("use the file's line ending", (Edit(start, start + len(line.eol), want),)),
            )


@rule(
    "RL503",
    "consecutive-blank-lines",
    "More than one blank line in a row.",
    fixable=True,
    default=False,
    scope="document",
    reads=(BLANK_RUNS,),
)
def consecutive_blank_lines(ctx: LintContext) -> Iterator[Violation]:
    """
    ## What it does
    Finds runs of two or more blank lines outside code blocks. Off by default:
    select it with `extend-select = ["RL503"]`.

    ## Why is this bad?
    Markdown renders any number of blank lines as one paragraph break, so extra
    ones are invisible noise that drifts the file's layout.

    ## Example
    ```markdown
    ## Papers



    **Denoising Diffusion Probabilistic Models** \\
    *Jonathan Ho, Ajay Jain, Pieter Abbeel* \\
    NeurIPS 2020. [[Paper](https://arxiv.org/abs/2006.11239)] \\
    The comeback.
    ```

    ## Use instead
    ```markdown
    ## Papers

    **Denoising Diffusion Probabilistic Models** \\
    *Jonathan Ho, Ajay Jain, Pieter Abbeel* \\
    NeurIPS 2020. [[Paper](https://arxiv.org/abs/2006.11239)] \\
    The comeback.
    ```

    ## Fix
    Deletes the extra blank lines.
    """
    doc = ctx.doc
    run_start = None
    for line in (*doc.lines, None):
        blank = line is not None and not line.text.strip() and line.number not in doc.code_lines
        if blank and line is not None:
            if run_start is None:
                run_start = line.number
            continue
        if run_start is not None:
            end_line = line.number if line is not None else len(doc.lines) + 1
            if end_line - run_start >= 2:
                first_extra = doc.line(run_start + 1)
                last = doc.line(end_line - 1)
                edit = Edit(first_extra.start, last.start + len(last.text) + len(last.eol), "")
                count = end_line - run_start
                yield Violation(
                    run_start + 1,
                    1,
                    f"{count} blank lines in a row",
                    Fix("delete the extra blank lines", (edit,)),
                )
            run_start = None
