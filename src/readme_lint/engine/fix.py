"""The fix engine: apply every fixable finding's edits, re-lint, repeat until stable.

Pure: text in, text out. Each round lints the current text, applies the fixes
that do not conflict (a conflicting one waits for the next round, against the
new text) and checks that nothing was lost before going on. One call is always
enough: a second ``fix_text`` on its output changes nothing.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, NamedTuple

from readme_lint.config import Config
from readme_lint.core.diagnostics import Diagnostic, Fix, FixSafetyError, apply_fixes
from readme_lint.core.model import Document, build

# A readme-lint comment is not content (GitHub shows no comment): RL902 removes unused ones.
from readme_lint.core.outline import DIRECTIVE
from readme_lint.engine.incremental import relint_blocks
from readme_lint.engine.run import Report, check_document

if TYPE_CHECKING:
    from readme_lint.linkcheck.verdict import Verdict

MAX_ROUNDS = 8

_URL = re.compile(r"https?://[^\s<>()\[\]\\*]+")
_WORD = re.compile(r"\w+")
# A TOC line (a list item that is only an in-page link) and an in-page link target:
# TOC fixes may insert, reorder and retarget these, so the word check leaves them out.
_TOC_LINE = re.compile(
    r"^[ \t]*(?:[-*+]|\d+[.)])[ \t]+\[[^\]\n]*\]\([^)\s]*\)[ \t]*\r?$", re.MULTILINE
)
_PAGE_TARGET = re.compile(r"\]\((?!https?:)[^)\s]*\)")
# A <br> is a line break, not a word: hard-break fixes may write one.
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)


class FixResult(NamedTuple):
    text: str
    fixed: tuple[Diagnostic, ...]  # positions as found, in the text of their round
    remaining: tuple[Diagnostic, ...]  # findings on the returned text
    hints: tuple[str, ...]
    rounds: int

    @property
    def changed(self) -> bool:
        return bool(self.fixed)


def _urls(text: str) -> Counter[str]:
    # As GitHub's autolinks do, trailing punctuation and emphasis marks are not part of a URL.
    return Counter(url.rstrip("*_~.,:;!?'\"") for url in _URL.findall(text))


def _words(text: str, marker: str) -> list[str]:
    # Whole-text operations only (C speed): this runs over every byte before a write.
    text = DIRECTIVE.sub(" ", _BR.sub(" ", text.replace(marker, " ")))
    prose = _PAGE_TARGET.sub("]", _TOC_LINE.sub("", text))
    return _WORD.findall(prose.casefold())


def _problem(before: str, after: str, marker: str) -> str | None:
    """What a round lost, if anything: a URL, or a word of the text (in order)."""
    lost = _urls(before) - _urls(after)
    if lost:
        return f"drop the URL {next(iter(lost))}"
    old, new = _words(before, marker), _words(after, marker)
    if old != new:
        at = next(
            (i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b),
            min(len(old), len(new)),
        )
        return f"change the text's words near {' '.join(old[max(0, at - 2) : at + 3])!r}"
    return None


def _bad_retarget(text: str, fixes: Iterable[Fix]) -> str | None:
    """A retargeting edit that does not swap exactly one URL for another."""
    for fix in fixes:
        for edit in fix.edits if fix.retarget else ():
            old, new = text[edit.start : edit.end], edit.text
            if not (_URL.fullmatch(old) and _URL.fullmatch(new)):
                return f"replace {old!r} with {new!r}, which is not one URL for another"
    return None


def _rule_to_blame(text: str, diagnostics: Iterable[Diagnostic], marker: str) -> tuple[str, str]:
    """The rule whose fixes alone reproduce a failed check (for the error message)."""
    by_rule: dict[str, list[Fix]] = {}
    for d in diagnostics:
        if d.fix is not None and d.fixable:
            by_rule.setdefault(f"{d.code} {d.rule}", []).append(d.fix)
    for rule, fixes in by_rule.items():
        alone, _ = apply_fixes(text, [f for f in fixes if not f.retarget])
        problem = _problem(text, alone, marker) or _bad_retarget(text, fixes)
        if problem:
            return rule, problem
    return "the fix engine", "combine fixes into a loss"


def _round(text: str, report: Report, config: Config) -> tuple[str, list[Diagnostic], bool]:
    """Apply one round: (new text, findings fixed, whether some fix had to wait)."""
    fixable = [d for d in report.diagnostics if d.fixable]
    fixes = [d.fix for d in fixable if d.fix is not None]
    new_text, deferred = apply_fixes(text, fixes)
    kept = [f for f in fixes if not f.retarget]
    # A moved link's new URL is the point of its fix: judge the others without it.
    checked = new_text if len(kept) == len(fixes) else apply_fixes(text, kept)[0]
    problem = _problem(text, checked, config.read_marker) or _bad_retarget(text, fixes)
    if problem:
        rule, what = _rule_to_blame(text, fixable, config.read_marker)
        raise FixSafetyError(rule, what)
    waiting = {id(f) for f in deferred}
    return new_text, [d for d in fixable if id(d.fix) not in waiting], bool(deferred)


def fix_text(
    text: str,
    config: Config | None = None,
    *,
    incremental: bool = True,
    verdicts: Mapping[str, Verdict] | None = None,
) -> FixResult:
    """Fix every mechanically fixable finding; report what was fixed and what remains.

    After a round, ``incremental`` re-lints only the edited blocks when it can show that
    nothing a document rule reads has changed (see readme_lint.engine.incremental), else the
    whole text; ``incremental=False`` always re-lints the whole text. Either way the
    report is that of a full lint of the returned text, so one run is enough: whatever
    is still fixable gets another round.
    """
    config = config or Config()
    fixed: list[Diagnostic] = []
    first = build(text, config.read_marker)
    report = check_document(first, config, verdicts)
    doc: Document | None = first
    rounds = 0
    while any(d.fixable for d in report.diagnostics):
        if rounds == MAX_ROUNDS:
            rules = sorted({f"{d.code} {d.rule}" for d in report.diagnostics if d.fixable})
            raise FixSafetyError(", ".join(rules), f"not settle after {MAX_ROUNDS} rounds")
        rounds += 1
        new_text, applied, waited = _round(text, report, config)
        if new_text == text:
            break  # every remaining fix is a no-op: nothing more can change
        fixed.extend(applied)
        relinted = None
        if incremental and doc is not None and not waited:
            relinted = relint_blocks(doc, report, applied, new_text, config)
        text = new_text
        if relinted is None:
            doc = build(text, config.read_marker)
            report = check_document(doc, config, verdicts)
        else:
            # A derived report has no document to derive the next one from: a further
            # round (rare: fixes that waited for others) lints in full.
            doc, report = None, relinted
    return FixResult(text, tuple(fixed), report.diagnostics, report.hints, rounds)
