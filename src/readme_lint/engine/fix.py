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
from readme_lint.core.diagnostics import Diagnostic, Fix, apply_fixes
from readme_lint.core.model import Document, build
from readme_lint.core.outline import DIRECTIVE

# A readme-lint comment is not content (GitHub shows no comment): RL902 removes unused ones.
from readme_lint.core.syntax import BR_TAG
from readme_lint.engine.incremental import relint_blocks
from readme_lint.engine.run import check_document

if TYPE_CHECKING:
    from readme_lint.linkcheck.verdict import Verdict

MAX_ROUNDS = 8

_URL = re.compile(r"https?://[^\s<>()\[\]\\*]+")
_WORD = re.compile(r"\w+")
# A TOC line (a list item that is only an in-page link, ``- - [x](#y)`` nested on one
# line too) and an in-page link target:
# TOC fixes may insert, reorder and retarget these, so the word check leaves them out.
_TOC_LINE = re.compile(
    r"^[ \t]*(?:(?:[-*+]|\d+[.)])[ \t]+)+\[[^\]\n]*\]\([^)\s]*\)[ \t\u00a0]*\r?$", re.MULTILINE
)
_PAGE_TARGET = re.compile(r"\]\((?!https?:)[^)\s]*\)")
# A <br> is a line break, not a word: hard-break fixes may write one.
_BR = re.compile(BR_TAG, re.IGNORECASE)


class FixResult(NamedTuple):
    text: str
    fixed: tuple[Diagnostic, ...]  # positions as found, in the text of their round
    remaining: tuple[Diagnostic, ...]  # findings on the returned text
    hints: tuple[str, ...]
    rounds: int
    # Findings whose fix was not applied because it would have made the page worse.
    withheld: tuple[Kept, ...] = ()

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


class Kept(NamedTuple):
    """A finding whose fix was withheld, and why (the text is the message's tail)."""

    diagnostic: Diagnostic
    reason: str


def _signature(text: str, d: Diagnostic) -> tuple[object, ...]:
    """A finding's fix as it is proposed again in a later round: offsets move, the edits'
    old and new text and the line they start on do not (unless another fix edits it:
    then it is judged again)."""
    edits = d.fix.edits if d.fix is not None else ()
    start = edits[0].start if edits else 0
    line = text[text.rfind("\n", 0, start) + 1 : text.find("\n", start) % (len(text) + 1)]
    return (d.code, d.message, line, tuple((text[e.start : e.end], e.text) for e in edits))


def _safety(text: str, fixes: list[Fix], marker: str) -> tuple[list[Fix], dict[int, str]]:
    """The word-and-URL net: fixes whose edits, alone, lose a word or a URL are withheld;
    if the rest together still lose one, all of them wait (a rare combination)."""
    problem = _check(text, fixes, marker)
    if problem is None:
        return fixes, {}
    bad = {id(f): p for f in fixes if (p := _check(text, [f], marker)) is not None}
    good = [f for f in fixes if id(f) not in bad]
    problem = _check(text, good, marker) if good else None
    if problem is not None:
        return [], {**bad, **{id(f): problem for f in good}}
    return good, bad


def _check(text: str, fixes: list[Fix], marker: str) -> str | None:
    kept = [f for f in fixes if not f.retarget]
    checked = apply_fixes(text, kept)[0]
    return _problem(text, checked, marker) or _bad_retarget(text, fixes)


class _Round(NamedTuple):
    text: str
    applied: list[Diagnostic]
    waited: bool  # some fix overlapped another and waits for the next round
    kept: list[Kept]


def _round(text: str, fixable: list[Diagnostic], config: Config, doc: Document | None) -> _Round:
    """One round: choose fixes that do not overlap, withhold those that would lose
    content or change the render beyond what they declare, apply the rest."""
    from readme_lint.engine.render import check_round  # cmarkgfm: only when fixing

    fixes = list({id(d.fix): d.fix for d in fixable if d.fix is not None}.values())
    _, deferred = apply_fixes(text, fixes)
    waiting = {id(f) for f in deferred}
    chosen = [f for f in fixes if id(f) not in waiting]
    chosen, lost = _safety(text, chosen, config.read_marker)
    blocks = [(b.kind, b.first_line, b.last_line) for b in doc.blocks] if doc else None
    accepted, withheld = check_round(text, chosen, config.read_marker, blocks)
    reasons = {
        id(f): f"fix withheld: it would {why}"
        for f, why in ((f, lost[id(f)]) for f in fixes if id(f) in lost)
    }
    for w in withheld:
        lines = (
            f"line {w.first_line}"
            if w.first_line == w.last_line
            else f"lines {w.first_line}-{w.last_line}"
        )
        reasons[id(w.fix)] = f"fix withheld: it would change how GitHub renders {lines}"
    new_text, _ = apply_fixes(text, accepted)
    done = {id(f) for f in accepted}
    applied = [d for d in fixable if id(d.fix) in done]
    kept = [Kept(d, reasons[id(d.fix)]) for d in fixable if id(d.fix) in reasons]
    return _Round(new_text, applied, bool(deferred), kept)


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
    kept: dict[tuple[object, ...], Kept] = {}
    first = build(text, config.read_marker)
    report = check_document(first, config, verdicts)
    doc: Document | None = first
    rounds = 0
    while fixable := [
        d for d in report.diagnostics if d.fixable and _signature(text, d) not in kept
    ]:
        if rounds == MAX_ROUNDS:
            for d in fixable:  # never written half-settled: these wait for another run
                kept[_signature(text, d)] = Kept(
                    d, f"fix withheld: fixes did not settle after {MAX_ROUNDS} rounds"
                )
            break
        rounds += 1
        step = _round(text, fixable, config, doc)
        kept.update((_signature(text, k.diagnostic), k) for k in step.kept)
        if step.text == text:
            if step.applied or not step.kept:
                break  # every remaining fix is a no-op: nothing more can change
            continue  # all withheld: the others are proposed again without them
        fixed.extend(step.applied)
        relinted = None
        if incremental and doc is not None and not step.waited and not step.kept:
            relinted = relint_blocks(doc, report, step.applied, step.text, config)
        text = step.text
        if relinted is None:
            doc = build(text, config.read_marker)
            report = check_document(doc, config, verdicts)
        else:
            # A derived report has no document to derive the next one from: a further
            # round (rare: fixes that waited for others) lints in full.
            doc, report = None, relinted
    remaining = tuple(_unfixable(text, d, kept) for d in report.diagnostics)
    return FixResult(text, tuple(fixed), remaining, report.hints, rounds, tuple(kept.values()))


def _unfixable(text: str, d: Diagnostic, kept: dict[tuple[object, ...], Kept]) -> Diagnostic:
    """A remaining finding whose fix was withheld: no fix, and the reason in its message."""
    if d.fix is None or (k := kept.get(_signature(text, d))) is None:
        return d
    return d._replace(fix=None, message=f"{d.message} ({k.reason})")
