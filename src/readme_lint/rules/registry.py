"""Rule registry: each rule is metadata plus a check function, registered by ``@rule``.

The family modules (``rules/*.py``) import this module; :mod:`readme_lint.rules` loads them.

A check reads a :class:`LintContext` — the document, the configuration and the run's
inputs, handed over by the engine — and yields
:class:`~readme_lint.core.diagnostics.Violation` records. It never edits anything: a
fixable rule attaches a :class:`~readme_lint.core.diagnostics.Fix` (edits on the
original source) that the fix engine applies.
"""

# No postponed annotations: NamedTuple would compile each string annotation at import.
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, NamedTuple

from readme_lint.core.diagnostics import Diagnostic, Severity, Violation

if TYPE_CHECKING:
    from readme_lint.config import Config
    from readme_lint.core.conventions import Habits
    from readme_lint.core.model import Document
    from readme_lint.core.records import Entry
    from readme_lint.linkcheck.verdict import Verdict


class LintContext(NamedTuple):
    """Everything a check reads, given by the engine: no rule calls back into the engine
    or finds a run's inputs stored in the document."""

    doc: "Document"
    config: "Config"
    # The file's own habits, of the whole file also when only a part is re-read.
    habits: "Habits"
    # What --check-links found, by URL as written (empty without it).
    verdicts: "Mapping[str, Verdict]"
    # Codes of the rules selected in this run.
    selected: frozenset[str]
    # For the rule that judges suppression comments (RL902), run after the others: their
    # findings before any comment hides them.
    before_suppression: tuple[Diagnostic, ...] = ()


Check = Callable[[LintContext], Iterable[Violation]]

_CODE = re.compile(r"RL\d{3}")
_NAME = re.compile(r"[a-z]+(?:-[a-z]+)*")
SCOPES = ("block", "document")
# What a document rule's findings depend on besides the facts every partial re-lint
# compares (readme_lint.engine.incremental), declared with ``reads``:
FINDINGS = "findings"  # the other rules' findings before suppression (it judges them)
BLANK_RUNS = "blank-runs"  # runs of blank lines
READS = (FINDINGS, BLANK_RUNS)
# What a document rule's fix changes, declared with ``fix_effect`` when it is safe to
# derive the next report from a partial re-lint after it:
CANONICAL_LABEL = "canonical-label"  # a link label rewritten to its canonical spelling
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
    # Its findings are about the entry at their line: each stands for the entry's lines.
    covers_entry: bool = False
    reads: frozenset[str] = frozenset()  # of READS
    fix_effect: str | None = None  # CANONICAL_LABEL, or None

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
    covers_entry: bool = False,
    reads: Iterable[str] = (),
    fix_effect: str | None = None,
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
        if not set(reads) <= set(READS) or fix_effect not in (None, CANONICAL_LABEL):
            raise ValueError(
                f"rule {code}: reads must be of {READS}, fix_effect {CANONICAL_LABEL!r}"
            )
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
            covers_entry,
            frozenset(reads),
            fix_effect,
        )
        return check

    return register


def entries_for(doc: "Document", code: str) -> Iterator["Entry"]:
    """The document's entries in the formats rule ``code`` declares."""
    formats = _REGISTRY[code].formats
    return (e for e in doc.entries if formats is None or e.format in formats)


def registered() -> list[Rule]:
    """The rules registered so far, by code (every rule once readme_lint.rules.all_rules
    has loaded the families)."""
    return [_REGISTRY[code] for code in sorted(_REGISTRY)]


def lookup(selector: str) -> Rule | None:
    """One registered rule by exact code or name."""
    for candidate in registered():
        if selector.upper() == candidate.code or selector.lower() == candidate.name:
            return candidate
    return None
