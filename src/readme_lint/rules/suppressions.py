"""RL9xx: the readme-lint comments themselves."""

from __future__ import annotations

from collections.abc import Iterator

from readme_lint.config import Config
from readme_lint.diagnostics import Violation
from readme_lint.model import Document
from readme_lint.outline import ACTIONS
from readme_lint.rules import find_rule, rule


@rule("RL901", "invalid-suppression", "A readme-lint comment that does nothing.")
def invalid_suppression(doc: Document, config: Config) -> Iterator[Violation]:
    """
    ## What it does
    Finds `<!-- readme-lint-... -->` comments whose action is misspelt
    (`disable-nextline`) or that name a rule that does not exist.

    ## Why is this bad?
    Such a comment silences nothing: the findings it was meant to hide keep
    coming back, or — worse — its author believes a rule is off that is on.

    ## Example
    ```markdown
    <!-- readme-lint-disable-nextline RL104 -->
    **A Paper Without a Summary Yet** \\
    *Jonathan Ho* \\
    arXiv 2022. [[Paper](https://arxiv.org/abs/2207.12598)]
    ```

    ## Use instead
    ```markdown
    <!-- readme-lint-disable-next-line RL104 -->
    **A Paper Without a Summary Yet** \\
    *Jonathan Ho* \\
    arXiv 2022. [[Paper](https://arxiv.org/abs/2207.12598)]
    ```

    ## Fix
    Not fixable: say what was meant.
    """
    for directive in doc.directives:
        if directive.action not in ACTIONS:
            import difflib  # rarely reached: kept off the start-up path

            guess = difflib.get_close_matches(directive.action, ACTIONS, n=1)
            hint = f"; did you mean 'readme-lint-{guess[0]}'?" if guess else ""
            yield Violation(
                directive.line,
                1,
                f"unknown action 'readme-lint-{directive.action}' (known: "
                f"{', '.join(ACTIONS)}){hint}",
            )
            continue
        for name in directive.rules:
            if name != "*" and find_rule(name) is None:
                yield Violation(directive.line, 1, f"'{name}' names no rule (see --list-rules)")
