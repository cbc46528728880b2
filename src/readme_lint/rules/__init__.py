"""Rule registry: each rule is metadata plus a check function, registered by ``@rule``.

A check reads the :class:`~readme_lint.core.model.Document` and yields
:class:`~readme_lint.core.diagnostics.Violation` records. It never edits anything: a
fixable rule attaches a :class:`~readme_lint.core.diagnostics.Fix` (edits on the
original source) that the fix engine applies.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, NamedTuple

from readme_lint.core.diagnostics import Severity, Violation

if TYPE_CHECKING:
    from readme_lint.config import Config
    from readme_lint.core.model import Document
    from readme_lint.core.records import Entry

Check = Callable[["Document", "Config"], Iterable[Violation]]

_CODE = re.compile(r"RL\d{3}")
_NAME = re.compile(r"[a-z]+(?:-[a-z]+)*")
SCOPES = ("block", "document")
# As in ruff: whether a rule's findings carry a fix always, sometimes or never.
APPLICABILITY = ("always", "sometimes", "never")
DOC_HEADINGS = ("What it does", "Why is this bad?", "Example", "Use instead", "Fix")


class Rule(NamedTuple):
    code: str
    name: str
    summary: str
    severity: Severity
    fixable: bool
    default: bool  # on unless deselected
    check: Check
    # What the findings depend on: "block" (the entries and blocks they are about, their
    # neighbours and heading path) or "document" (anything). After a round of fixes the
    # fixer re-runs block rules on the edited blocks only, and keeps document rules'
    # findings only when what they read is provably unchanged (readme_lint.engine.incremental).
    scope: str = "block"
    # Entry formats whose entries the rule checks (None: every format, or not about entries).
    formats: frozenset[str] | None = None
    applicability: str = "always"  # when fixable: "always" or "sometimes"

    @property
    def doc(self) -> str:
        import inspect  # only --explain, the docs and the tool outputs read it

        return inspect.getdoc(self.check) or ""

    @property
    def fix_availability(self) -> str:
        return self.applicability if self.fixable else "never"


_REGISTRY: dict[str, Rule] = {}


def rule(
    code: str,
    name: str,
    summary: str,
    *,
    severity: Severity = Severity.ERROR,
    fixable: bool = False,
    default: bool = True,
    scope: str = "block",
    formats: Iterable[str] | None = None,
    applicability: str = "always",
) -> Callable[[Check], Check]:
    """Register a check function as a rule."""
    if not _CODE.fullmatch(code) or not _NAME.fullmatch(name):
        raise ValueError(f"bad rule identity {code} {name}")

    def register(check: Check) -> Check:
        if code in _REGISTRY or any(r.name == name for r in _REGISTRY.values()):
            raise ValueError(f"rule {code} {name} registered twice")
        if scope not in SCOPES:
            raise ValueError(f"rule {code}: scope must be one of {SCOPES}")
        if applicability not in APPLICABILITY[:2]:
            raise ValueError(f"rule {code}: applicability must be 'always' or 'sometimes'")
        _REGISTRY[code] = Rule(
            code,
            name,
            summary,
            severity,
            fixable,
            default,
            check,
            scope,
            frozenset(formats) if formats is not None else None,
            applicability,
        )
        return check

    return register


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

    return [_REGISTRY[code] for code in sorted(_REGISTRY)]


def entries_for(doc: Document, code: str) -> Iterator[Entry]:
    """The document's entries in the formats rule ``code`` declares."""
    formats = _REGISTRY[code].formats
    return (e for e in doc.entries if formats is None or e.format in formats)


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
    for candidate in all_rules():
        if selector.upper() == candidate.code or selector.lower() == candidate.name:
            return candidate
    return None
