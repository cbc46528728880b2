"""The rules: one module per family, each rule registered by ``@rule`` (rules.registry).

Loading the family modules registers their rules; nothing else imports a family module.
"""

from __future__ import annotations

from readme_lint.rules.registry import DOC_HEADINGS, Rule, lookup, registered

__all__ = ["DOC_HEADINGS", "Rule", "all_rules", "find_rule", "resolve_selector"]


def all_rules() -> list[Rule]:
    """Every registered rule, by code."""
    # Importing the family modules registers their rules.
    from readme_lint.rules import (  # noqa: F401
        document,
        entries,
        lines,
        links,
        liveness,
        suppressions,
        toc,
    )

    return registered()


def resolve_selector(selector: str) -> list[Rule]:
    """Rules named by a selector: ``ALL``, a code, a code prefix (``RL2``) or a name."""
    rules = all_rules()
    wanted = selector.strip()
    if wanted.upper() == "ALL":
        return rules
    upper = wanted.upper()
    if upper.startswith("RL"):
        return [r for r in rules if r.code.startswith(upper)]
    return [r for r in rules if r.name == wanted.lower()]


def find_rule(selector: str) -> Rule | None:
    """One rule by exact code or name."""
    all_rules()  # every family loaded
    return lookup(selector)
