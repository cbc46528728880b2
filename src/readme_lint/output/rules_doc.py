"""docs/rules.md: every rule's documentation, generated from the rules' docstrings."""

from __future__ import annotations

from readme_lint.rules import all_rules


def rules_markdown() -> str:
    """docs/rules.md: every rule's documentation, as ``--explain`` prints it."""
    out = [
        "# readme-lint rules\n",
        "<!-- Generated from the rules' docstrings by "
        "readme_lint.output.rules_doc.rules_markdown(); do not edit by hand. -->\n",
        "Every rule, by code; `readme-lint --explain RULE` prints the same text. The json and "
        "sarif outputs link each finding here (`docs/rules.md#rl201-stray-asterisk`).\n",
    ]
    for rule in all_rules():
        fix = f"fixable ({rule.applicability})" if rule.fixable else "not fixable"
        state = "on" if rule.default else "off"
        out.append(f"## {rule.code} {rule.name}\n")
        out.append(f"{rule.summary}\n")
        out.append(f"Default severity: {rule.severity.value}; {fix}; {state} by default.\n")
        out.append(_demote(rule.doc) + "\n")
    return "\n".join(out)


def _demote(doc: str) -> str:
    """The doc's ``##`` headings one level down (``###``), outside code blocks."""
    lines, fenced = [], False
    for line in doc.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        lines.append("#" + line if not fenced and line.startswith("## ") else line)
    return "\n".join(lines)
