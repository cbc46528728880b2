"""RL9xx: the readme-lint comments themselves."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import pairwise

from readme_lint.core.comments import (
    UNUSED_SUPPRESSION,
    CommentSpan,
    Suppressions,
    comment_keys,
    suppression_key,
)
from readme_lint.core.diagnostics import Diagnostic, Edit, Fix, Render, Violation
from readme_lint.core.model import Block, Directive, Document, Line
from readme_lint.core.outline import ACTIONS, DIRECTIVE
from readme_lint.rules.registry import FINDINGS, LintContext, lookup, registered, rule


@rule("RL901", "invalid-suppression", "A readme-lint comment that does nothing.")
def invalid_suppression(ctx: LintContext) -> Iterator[Violation]:
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
    doc = ctx.doc
    for directive in doc.directives:
        if directive.action not in ACTIONS:
            guess = _meant(directive.action)
            hint = f"; did you mean 'readme-lint-{guess}'?" if guess else ""
            yield Violation(
                directive.line,
                1,
                f"unknown action 'readme-lint-{directive.action}' (known: "
                f"{', '.join(ACTIONS)}){hint}",
            )
            continue
        for name in directive.rules:
            if name != "*" and lookup(name) is None:
                yield Violation(directive.line, 1, f"'{name}' names no rule (see --list-rules)")


# ------------------------------------------------------------------ RL902 unused-suppression

_JUDGED = ("disable-next-line", "disable", "disable-file")
_WHERE = {"disable-next-line": "here", "disable": "in its range", "disable-file": "in this file"}
_NAME_TOKEN = re.compile(r"[^\s,]+")
_WHOLE_COMMENT = re.compile(r"<!--(?:(?!-->).)*-->", re.DOTALL)
_LIST_ITEM = re.compile(r"(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
_NOTHING = "nothing"  # a name hides no finding
_OWN = "own"  # a name for RL902 in a comment that cannot hide its findings


@rule(
    UNUSED_SUPPRESSION,
    "unused-suppression",
    "A readme-lint comment that hides no finding.",
    fixable=True,
    default=False,
    scope="document",
    applicability="sometimes",
    reads=(FINDINGS,),
)
def unused_suppression(ctx: LintContext) -> Iterator[Violation]:
    """
    ## What it does
    Finds `<!-- readme-lint-... -->` comments that hide no finding — a
    `disable-next-line` comment, a `disable` … `enable` range or a
    `disable-file` comment — or a rule named in one that hides nothing there,
    as ruff's `RUF100` does for `noqa`. Off by default: select it with
    `extend-select = ["RL902"]`.

    Only the rules selected in the run are judged: a comment naming a rule
    that is not selected (ignored, or off by default) is left alone, so a job
    that runs a subset of the rules does not report what the others need. A
    comment naming no rule is reported only when it hides no finding of any
    rule. A name that hides only what another comment already hides (a
    `disable-file`, a range around it) is reported too. Misspelt actions and
    unknown rules are `RL901`'s. This rule's own findings are switched off
    only by a `disable-file` comment naming it (or naming no rule).

    ## Why is this bad?
    A comment outlives the problem it was written for: the entry was
    completed, the rule changed, the comment moved. Left behind, it tells
    readers the entry is still broken, and it will silently hide the next
    real problem on its line.

    ## Example
    ```markdown
    <!-- readme-lint-disable-next-line -->
    **Denoising Diffusion Probabilistic Models** \\
    *Jonathan Ho, Ajay Jain, Pieter Abbeel* \\
    NeurIPS 2020. [[Paper](https://arxiv.org/abs/2006.11239)] \\
    The comeback.
    ```

    ## Use instead
    ```markdown
    **Denoising Diffusion Probabilistic Models** \\
    *Jonathan Ho, Ajay Jain, Pieter Abbeel* \\
    NeurIPS 2020. [[Paper](https://arxiv.org/abs/2006.11239)] \\
    The comeback.
    ```

    ## Fix
    Sometimes. Unused names are removed from a comment that keeps others. A
    comment none of whose names is used is deleted (with one blank line beside
    it) only where that cannot change what GitHub shows: the comment alone on
    its lines, a blank line, the start of the file or another comment above
    it, and below it nothing that would then join what is above (an indented
    line, or a list item after a list). A range's `enable` comment goes with
    it when it ends nothing else. Otherwise a person decides.
    """
    doc = ctx.doc
    if not any(d.action in _JUDGED for d in doc.directives):
        return
    suppressions = Suppressions.of(doc)
    selected = ctx.selected
    used, shadowed = _names_hiding(ctx.before_suppression, suppressions)
    wide: set[int] | None = None  # comments whose '*' hides a rule this run does not select
    comments = _comments(doc)
    for i, directive in enumerate(doc.directives):
        if directive.action not in _JUDGED:
            continue
        unused: list[tuple[str, str, str]] = []  # (name as written, key, why)
        for written, key in _names(directive):
            if key != "*":
                named = lookup(key)
                if named is None:
                    continue  # RL901's
                if named.code == UNUSED_SUPPRESSION:
                    if directive.action != "disable-file":
                        unused.append((written, key, _OWN))
                    continue  # a disable-file naming RL902 switches it off
                if named.code not in selected:
                    continue  # not judged in this run
            if (i, key) in used:
                continue
            if key == "*":
                if wide is None:
                    wide = _hide_unselected(ctx, suppressions)
                if i in wide:
                    continue
            unused.append((written, key, _why(doc, i, shadowed.get((i, key)))))
        if unused:
            start = comments[i][0]
            yield Violation(
                directive.line,
                start - doc.line(directive.line).start + 1,
                _message(directive.action, unused),
                _fix(doc, i, {key for _, key, _ in unused}, suppressions, comments),
            )


def _names(directive: Directive) -> list[tuple[str, str]]:
    """(name as written, as compared) of a comment's names, each rule once (as first
    written); a comment naming none, '*'."""
    named: dict[str, str] = {}
    for written in directive.rules:
        named.setdefault(suppression_key(written), written)
    return [(written, key) for key, written in named.items()] or [("", "*")]


_Named = tuple[int, str]  # a name in a comment: (the comment's index, the name as compared)


def _names_hiding(
    findings: Iterable[Diagnostic], suppressions: Suppressions
) -> tuple[set[_Named], dict[_Named, _Named]]:
    """The names that hide one of ``findings`` (the other rules', before suppression); and
    those that would, were the finding not hidden by a name tried before them (which they
    map to)."""
    used: set[_Named] = set()
    shadowed: dict[_Named, _Named] = {}
    for found in findings:
        hits = (
            (span.directive, key)
            for span, key in suppressions.covering(found.code, found.rule, found.line)
        )
        hiding = next(hits, None)
        if hiding is not None:
            used.add(hiding)
            for named in hits:
                shadowed.setdefault(named, hiding)
    return used, shadowed


def _why(doc: Document, i: int, hiding: _Named | None) -> str:
    """Why a name of comment ``i`` is unused: it hides nothing, or only what ``hiding`` does."""
    if hiding is None:
        return _NOTHING
    j, key = hiding
    if j != i:
        return f"the comment on line {doc.directives[j].line}"
    return next(f"'{written}'" for written, k in _names(doc.directives[i]) if k == key)


def _hide_unselected(ctx: LintContext, suppressions: Suppressions) -> set[int]:
    """Comments naming no rule that hide a finding of a rule this run does not select
    (such a comment is not unused: a run with every rule would need it)."""
    others = [
        r for r in registered() if r.code not in ctx.selected and r.code != UNUSED_SUPPRESSION
    ]
    return {
        span.directive
        for other in others
        for found in other.check(ctx)
        for span, key in suppressions.covering(other.code, other.name, found.line)
        if key == "*"
    }


def _message(action: str, unused: list[tuple[str, str, str]]) -> str:
    groups: dict[str, list[str]] = {}
    for written, _, why in unused:
        groups.setdefault(why, []).append(written)
    clauses = []
    for why, names in groups.items():
        subject = ", ".join(f"'{n}'" for n in names) if names != [""] else "this comment"
        verb = "hide" if len(names) > 1 else "hides"
        if why == _NOTHING:
            clauses.append(f"{subject} {verb} no finding {_WHERE[action]}")
        elif why == _OWN:
            clauses.append(
                f"{subject} {verb} nothing: unused-suppression findings are switched off "
                "only by disable-file"
            )
        else:
            clauses.append(f"{subject} {verb} only what {why} already hides")
    return "unused suppression: " + "; ".join(clauses)


# (comment start, comment end, names start, names end): offsets in the text
_Offsets = tuple[int, int, int, int]


def _comments(doc: Document) -> list[_Offsets]:
    """Where each directive's comment is, in ``doc.directives`` order: the first comment
    from its line on, after the previous one (a line may hold two)."""
    out: list[_Offsets] = []
    at = 0
    for directive in doc.directives:
        match = DIRECTIVE.search(doc.text, max(at, doc.line(directive.line).start))
        assert match is not None  # the model found it there with the same pattern
        out.append((match.start(), match.end(), match.start(2), match.end(2)))
        at = match.end()
    return out


def _fix(
    doc: Document, i: int, drop: set[str], suppressions: Suppressions, comments: list[_Offsets]
) -> Fix | None:
    """Remove the names ``drop`` from comment ``i`` (the comment itself when none is left)
    and, for a range, from the enable comments that end it; None when that is not
    provably harmless to what GitHub shows."""
    directive = doc.directives[i]
    whole = all(key in drop for _, key in _names(directive))
    first = _removal(doc, comments[i]) if whole else _names_edit(doc, comments[i], drop)
    if first is None:
        return None
    edits = [first]
    if directive.action == "disable":
        gone = [s for s in suppressions.spans if s.directive == i and s.action == "disable"]
        gone = [s for s in gone if s.keys[0] in drop]
        for closer in sorted({s.closer for s in gone if s.closer is not None}):
            edit = _closer_edit(doc, i, closer, gone, suppressions, comments)
            if edit is not None:
                edits.append(edit)
    merged = _merge(edits)
    if merged is None:
        return None
    title = (
        "remove the unused suppression comment"
        if whole
        else "remove "
        + ", ".join(sorted(f"'{n}'" for n, k in _names(directive) if k in drop))
        + " from the suppression comment"
    )
    return Fix(title, tuple(merged), render=Render.COMMENT)


def _closer_edit(
    doc: Document,
    opener: int,
    closer: int,
    gone: list[CommentSpan],
    suppressions: Suppressions,
    comments: list[_Offsets],
) -> Edit | None:
    """What becomes of an enable comment once the ranges ``gone`` it ends are removed: it
    goes when it ends nothing else, loses their names when it names them, else stays."""
    ours = [s for s in gone if s.closer == closer]
    keys = {s.keys[0] for s in ours}
    between = doc.directives[opener + 1 : closer]
    if any(d.action == "disable" and not keys.isdisjoint(comment_keys(d.rules)) for d in between):
        return None  # a disable of the same rule in between would open in their place
    if all(s in ours for s in suppressions.spans if s.closer == closer):
        return _removal(doc, comments[closer])
    if doc.directives[closer].rules:
        return _names_edit(doc, comments[closer], keys)
    return None  # an 'enable' of every rule still ends other ranges


def _merge(edits: list[Edit]) -> list[Edit] | None:
    """The edits in order, overlapping deletions joined (None: other edits overlap)."""
    out: list[Edit] = []
    for edit in sorted(edits):
        if out and edit.start < out[-1].end:
            if edit.text or out[-1].text:
                return None
            out[-1] = Edit(out[-1].start, max(out[-1].end, edit.end), "")
        else:
            out.append(edit)
    return out


def _names_edit(doc: Document, comment: _Offsets, drop: set[str]) -> Edit | None:
    """Remove the names ``drop`` from a comment, keeping its other names and separators."""
    start, end = comment[2], comment[3]
    text = doc.text[start:end]
    tokens = list(_NAME_TOKEN.finditer(text))
    kept = [t.group() for t in tokens if suppression_key(t.group()) not in drop]
    seps = [text[a.end() : b.start()] for a, b in pairwise(tokens)]
    if not kept or any("\n" in sep for sep in seps):
        return None
    joined = (seps[0] if seps else " ").join(kept)
    return Edit(start, end, text[: tokens[0].start()] + joined + text[tokens[-1].end() :])


def _comment_block(doc: Document, block: Block | None) -> bool:
    """A top-level HTML block that is one comment from the start of its line (GitHub
    shows nothing for it, and it ends where its '-->' is)."""
    if block is None or block.kind != "html":
        return False
    lines = range(block.first_line, block.last_line + 1)
    text = "\n".join(doc.line(n).text for n in lines).rstrip()
    return _WHOLE_COMMENT.fullmatch(text) is not None


def _removal(doc: Document, comment: _Offsets) -> Edit | None:
    """Delete a comment's lines (and one blank line beside them), if GitHub renders the
    text the same without them; else None.

    The comment must be a block of its own, alone on its lines, with a blank line, the
    start of the file or another comment above it: then the block above it has ended
    whether or not the comment is there. What could change is the line below it (the
    first one that is not blank or a comment): without the comment, a list or indented
    code above stays open across blank lines, so that line must not be indented and,
    after a list, not a list item. tests/test_suppress.py checks the cases with GitHub's
    renderer.
    """
    first, last = doc.line_of(comment[0]), doc.line_of(comment[1] - 1)
    block = doc.block_at(first)
    if block is None or (block.first_line, block.last_line) != (first, last):
        return None
    if not _comment_block(doc, block):
        return None
    before = first - 1
    if before and doc.line(before).text.strip() and not _comment_block(doc, doc.block_at(before)):
        return None
    below = _content_line(doc, last + 1, 1)
    if below is not None:
        if below.text[:1] in (" ", "\t"):
            return None
        above = _content_line(doc, first - 1, -1)
        above_block = doc.block_at(above.number) if above is not None else None
        list_above = above is not None and (above_block is None or above_block.kind == "list")
        if list_above and _LIST_ITEM.match(below.text):
            return None
    after, count = last + 1, len(doc.lines)
    if after <= count and not doc.line(after).text.strip():  # the blank line after goes too
        end = doc.line(after + 1).start if after < count else len(doc.text)
        return Edit(doc.line(first).start, end, "")
    if after <= count:  # directly above the next line (an entry): the comment's lines only
        return Edit(doc.line(first).start, doc.line(after).start, "")
    # At the end of the file: from the end of the text above, keeping the final newline.
    anchor = before - 1 if before and not doc.line(before).text.strip() else before
    return Edit(doc.line(anchor).end if anchor else 0, doc.line(last).end, "")


def _content_line(doc: Document, number: int, step: int) -> Line | None:
    """From line ``number`` on (``step`` 1) or back (-1), the first line that is neither
    blank nor in a comment block."""
    while 1 <= number <= len(doc.lines):
        block = doc.block_at(number)
        if block is not None and _comment_block(doc, block):
            number = block.last_line + 1 if step > 0 else block.first_line - 1
        elif not doc.line(number).text.strip():
            number += step
        else:
            return doc.line(number)
    return None


def _meant(action: str) -> str | None:
    """The action a misspelt one most likely meant. Never a wider one than written: a
    suggestion of disable-file for "disable-line" would switch a rule off everywhere."""
    import difflib  # rarely reached: kept off the start-up path

    if "line" in action and "disable" in action:
        return "disable-next-line"
    guesses = difflib.get_close_matches(action, ACTIONS, n=2)
    guesses = [g for g in guesses if g != "disable-file" or "file" in action]
    return guesses[0] if guesses else None
