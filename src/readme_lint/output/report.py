"""What the reports for tools share (json, sarif, junit, ``--statistics``; each in its own
module, imported only when asked for: a plain text lint loads none of them, nor ``xml``). Positions are 1-based lines and columns counted in
characters, as in the text output; an end column is exclusive (the column just
past the finding). Fix edits are character offsets into the text the findings
were computed on: the file's text after its BOM, if any (with ``--fix``, the
fixed text that was written).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from readme_lint.core.diagnostics import Diagnostic
from readme_lint.core.lines import LineIndex


@dataclass
class FileReport:
    """One linted file: its path as given, the text its findings refer to, the findings."""

    path: str
    text: str
    findings: Sequence[Diagnostic]

    @cached_property
    def index(self) -> LineIndex:  # built on first use: only fixes need it
        return LineIndex(self.text)


def rule_anchor(code: str, name: str) -> str:
    """The heading anchor of a rule in docs/rules.md (``## RL201 stray-asterisk``)."""
    return f"{code.lower()}-{name}"


def rule_url(code: str, name: str) -> str:
    """The rule's documentation (readme_lint.about): ``…/docs/rules.md#rl201-…``."""
    from readme_lint.about import rules_doc_url

    return rules_doc_url(rule_anchor(code, name))


def dumps(value: object) -> str:
    """JSON as every tool report writes it."""
    return json.dumps(value, indent=2, ensure_ascii=False)
