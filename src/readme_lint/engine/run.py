"""The lint run: text and configuration in, diagnostics out.

Three stages, as ruff's: run the selected rules on one context → suppress (the judge of the
comments, RL902, reads every other finding before suppression; then the comments hide what
they name) → sort, with the hints on top.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, NamedTuple

from readme_lint.config import FIELDS, Config, toml_list, toml_string
from readme_lint.core.comments import Suppressions
from readme_lint.core.conventions import Habits, habits_of
from readme_lint.core.diagnostics import Diagnostic, default_end
from readme_lint.core.model import Document, build
from readme_lint.engine.selection import selected_rules, severity_of
from readme_lint.rules import Rule
from readme_lint.rules.registry import FINDINGS, LintContext

if TYPE_CHECKING:
    from readme_lint.linkcheck.verdict import Verdict

# Field rules whose flood a section schema can silence.
_FIELD_RULES = {"RL101": "title", "RL102": "authors", "RL103": "link", "RL104": "summary"}
_FLOOD_MIN_ENTRIES = 5
SECTION_MIN_ENTRIES = 3  # below this, a section says too little about its schema


class Report(NamedTuple):
    diagnostics: tuple[Diagnostic, ...]
    hints: tuple[str, ...]


def entry_sections(doc: Document) -> list[tuple[int, str]]:
    """(first line, section heading) of every entry: what the hints count."""
    return [(e.first_line, e.section.text if e.section else "") for e in doc.entries]


def hints(entries: list[tuple[int, str]], diagnostics: Iterable[Diagnostic]) -> tuple[str, ...]:
    """One hint per field rule that floods the file or a whole section."""
    if not entries:
        return ()
    out: list[str] = []
    section_of = dict(entries)
    by_rule: dict[str, list[int]] = {}
    for d in diagnostics:
        if d.code in _FIELD_RULES and d.line in section_of:
            by_rule.setdefault(d.code, []).append(d.line)
    sizes = Counter(section for _, section in entries)
    for code, lines in sorted(by_rule.items()):
        field = _FIELD_RULES[code]
        others = [f for f in FIELDS if f != field]
        if len(entries) >= _FLOOD_MIN_ENTRIES and len(lines) * 2 > len(entries):
            out.append(
                f"{code} fired on {len(lines)} of {len(entries)} entries. If this list's entries "
                f"have no {field}, say so once instead: set `require = {toml_list(others)}` under "
                "[tool.readme-lint] (or in .readme-lint.toml), or add it to `ignore`."
            )
            continue
        per_section = Counter(section_of[n] for n in lines)
        for name, count in sorted(per_section.items()):
            if name and count == sizes[name] and count >= SECTION_MIN_ENTRIES:
                out.append(
                    f"{code} fired on all {count} entries of section '{name}'. If that section's "
                    f"entries need no {field}, give it a schema: "
                    f"[tool.readme-lint.sections.{toml_string(name)}] require = {toml_list(others)} "
                    "(`readme-lint --init` writes the schema of every such section)"
                )
    return tuple(out)


def context(
    doc: Document,
    config: Config,
    verdicts: Mapping[str, Verdict] | None = None,
    habits: Habits | None = None,
    selected: Iterable[Rule] | None = None,
) -> LintContext:
    """What the rules read in one run; ``habits`` are the whole file's when ``doc`` is a
    part of it re-read on its own."""
    codes = frozenset(r.code for r in (selected_rules(config) if selected is None else selected))
    return LintContext(
        doc, config, habits if habits is not None else habits_of(doc), verdicts or {}, codes
    )


_NOTHING: frozenset[int] = frozenset()


def run_rules(ctx: LintContext, rules: Iterable[Rule]) -> list[Diagnostic]:
    """Every finding of ``rules``, before suppression comments."""
    found: list[Diagnostic] = []
    doc = ctx.doc
    for rule in rules:
        severity = severity_of(rule, ctx.config)
        for v in rule.check(ctx):
            fix = v.fix
            if fix is not None and not fix.safe and ctx.config.unsafe_fixes:
                fix = fix._replace(safe=True)  # the user opted in: apply it like any other
            end_line, end_column = v.end or default_end(v.line, v.column, v.fix, doc.index)
            if (end_line, end_column) == (v.line, v.column + 1):
                end_line = end_column = (
                    0  # one character on: Diagnostic.end says so wherever it moves
                )
            covers = _NOTHING
            entry = doc.entry_at_line.get(v.line) if rule.covers_entry else None
            if v.covers or entry is not None:
                covers = frozenset((*v.covers, *(entry.lines if entry else ()))) - {v.line}
            found.append(
                Diagnostic(
                    v.line,
                    v.column,
                    rule.code,
                    rule.name,
                    severity,
                    v.message,
                    fix,
                    end_line,
                    end_column,
                    covers,
                )
            )
    return found


def suppress(
    ctx: LintContext, found: list[Diagnostic], judges: Sequence[Rule] = ()
) -> list[Diagnostic]:
    """The suppression stage: the rules that judge the others' findings (reads=FINDINGS:
    RL902, when selected) are handed every other finding before suppression and add
    their own; then the comments hide the findings they name."""
    if judges:
        judged = ctx._replace(before_suppression=tuple(found))
        found = [*found, *run_rules(judged, judges)]
    comments = Suppressions.of(ctx.doc)
    return [d for d in found if not comments.hides(d.code, d.rule, d.line)]


def sort_key(d: Diagnostic) -> tuple[int, int, str]:
    return d.line, d.column, d.code


def check_document(
    doc: Document, config: Config, verdicts: Mapping[str, Verdict] | None = None
) -> Report:
    """The report on a built document; ``verdicts``: what ``--check-links`` found, by URL
    as written, for the link-liveness rules (without them those rules find nothing)."""
    rules = {r.code: r for r in selected_rules(config)}
    ctx = context(doc, config, verdicts, selected=rules.values())
    judges = [r for r in rules.values() if FINDINGS in r.reads]
    others = (r for r in rules.values() if FINDINGS not in r.reads)
    found = suppress(ctx, run_rules(ctx, others), judges)
    found.sort(key=sort_key)
    return Report(tuple(found), hints(entry_sections(doc), found) + schema_hints(ctx, rules))


def schema_hints(ctx: LintContext, rules: dict[str, Rule]) -> tuple[str, ...]:
    """What the file's own habits changed: fields it never uses, repeats across sections."""
    from readme_lint.core.conventions import INFER_MIN_ENTRIES
    from readme_lint.core.duplicates import cross_section_hint

    doc, config = ctx.doc, ctx.config
    out: list[str] = []
    codes = {"authors": "RL102", "summary": "RL104", "link": "RL103"}
    # A configuration that states the fields has settled it: no hint to state them.
    settled = config.require_is_set
    for fmt, field, have, total in ctx.habits.unused_fields:
        # A few guests in another format than the list's are not a habit to state.
        if codes[field] in rules and not settled and total >= INFER_MIN_ENTRIES:
            what = (
                "a link"
                if field == "link"
                else f"{'an' if field[0] in 'aeiou' else 'a'} {field} line"
            )
            out.append(
                f"{codes[field]}: only {have} of the {total} {fmt} entries have {what}, so "
                f"this list's entries are read as having none; to require it anyway, set "
                "`require` (top level in .readme-lint.toml, under [tool.readme-lint] in "
                "pyproject.toml)."
            )
    duplicates = {"RL303", "RL305"} & rules.keys()
    cross = cross_section_hint(doc, config, "RL305" in rules) if duplicates else None
    unread = _unread_hint(doc)
    return (*out, *([cross] if cross else []), *([unread] if unread else []))


# A page linking this many places elsewhere, with no entry read on it, is a list in a
# shape readme-lint does not read: say so, rather than look as if all were well.
_UNREAD_LINKS = 30


def _unread_hint(doc: Document) -> str | None:
    if doc.entries:
        return None
    remote = sum(1 for lk in doc.links if not lk.image and "://" in lk.target.text)
    if remote < _UNREAD_LINKS:
        return None
    return (
        f"no paper entries were read on this page ({remote} links elsewhere): its entries "
        "are in a shape readme-lint does not read, so only the line, link and TOC rules "
        "ran; `readme-lint --show-entries` shows what was read"
    )


def check_text(
    text: str, config: Config | None = None, verdicts: Mapping[str, Verdict] | None = None
) -> Report:
    config = config or Config()
    return check_document(build(text, config.read_marker), config, verdicts)


def lint_text(
    text: str, config: Config | None = None, verdicts: Mapping[str, Verdict] | None = None
) -> list[Diagnostic]:
    """Lint Markdown text; return its diagnostics in line order.

    ``verdicts``: link-check results by URL as written (readme_lint.linkcheck), for
    the link-liveness rules; without them those rules find nothing.
    """
    return list(check_text(text, config, verdicts).diagnostics)
