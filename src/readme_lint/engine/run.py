"""The pure core: text and configuration in, diagnostics out."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, NamedTuple

from readme_lint.config import FIELDS, Config, toml_list, toml_string
from readme_lint.core.diagnostics import Diagnostic
from readme_lint.core.model import Directive, Document, build
from readme_lint.engine.selection import selected_rules, severity_of
from readme_lint.rules import Rule

if TYPE_CHECKING:
    from readme_lint.linkcheck.verdict import Verdict

# Field rules whose flood a section schema can silence.
_FIELD_RULES = {"RL101": "title", "RL102": "authors", "RL103": "link", "RL104": "summary"}
_FLOOD_MIN_ENTRIES = 5
SECTION_MIN_ENTRIES = 3  # below this, a section says too little about its schema


class Report(NamedTuple):
    diagnostics: tuple[Diagnostic, ...]
    hints: tuple[str, ...]


# RL902 judges the other rules' suppression comments by their findings before suppression:
# it runs after them, and only a disable-file comment hides its own findings.
UNUSED_SUPPRESSION = "RL902"
_BEFORE_SUPPRESSION = "findings-before-suppression"


def suppression_key(name: str) -> str:
    """A rule name in a comment as compared: codes upper-case, names lower-case."""
    return name.upper() if name.upper().startswith("RL") else name.lower()


def comment_keys(rules: Iterable[str]) -> tuple[str, ...]:
    """A comment's rule names as compared, in its order; none means every rule ('*')."""
    return tuple(dict.fromkeys(suppression_key(r) for r in rules)) or ("*",)


class Span(NamedTuple):
    """The lines on which one readme-lint comment switches rules off."""

    lines: range
    keys: tuple[str, ...]  # as compared (suppression_key), in the comment's order; '*': all
    directive: int  # the comment: its index in doc.directives
    action: str
    closer: int | None = None  # a range's enable comment (index; None: the end of the file)


class Suppressions:
    """Which (rule, line) pairs the document's readme-lint comments switch off, and which
    comment and name do it.

    Spans are tried widest first — disable-file, then ranges, then disable-next-line — and
    a comment's names in its order, so the comment credited with hiding a finding stays the
    same when narrower, redundant ones are removed (RL902 reports those).
    """

    def __init__(self, doc: Document) -> None:
        files: list[Span] = []
        ranges: list[Span] = []
        lines: list[Span] = []
        end = len(doc.lines) + 1
        open_: dict[str, tuple[int, int]] = {}  # key -> (first line, opening comment)
        for i, directive in enumerate(doc.directives):
            keys, action = comment_keys(directive.rules), directive.action
            if action == "disable-next-line":
                lines.append(Span(_next_line(doc, directive), keys, i, action))
            elif action == "disable-file":
                files.append(Span(range(1, end), keys, i, action))
            elif action == "disable":
                for key in keys:
                    open_.setdefault(key, (directive.last_line + 1, i))
            elif action == "enable":  # closes the named ranges, or all of them
                for key in list(open_) if "*" in keys else [k for k in keys if k in open_]:
                    start, opener = open_.pop(key)
                    ranges.append(Span(range(start, directive.line), (key,), opener, "disable", i))
        for key, (start, opener) in open_.items():
            ranges.append(Span(range(start, end), (key,), opener, "disable"))
        ranges.sort(key=lambda span: span.directive)
        self.spans: tuple[Span, ...] = (*files, *ranges, *lines)

    @classmethod
    def of(cls, doc: Document) -> Suppressions:
        """The document's suppressions (computed once, shared by the engine and RL902)."""
        return doc.memo("suppressions", lambda: cls(doc))

    def covering(self, rule: Rule, line: int) -> Iterator[tuple[Span, str]]:
        """Every (comment span, name in it) switching ``rule`` off on ``line``; the first
        is the one that hides the finding."""
        names = ("*", rule.code, rule.name)
        own = rule.code == UNUSED_SUPPRESSION
        for span in self.spans:
            if line in span.lines and not (own and span.action != "disable-file"):
                yield from ((span, key) for key in span.keys if key in names)

    def hider(self, rule: Rule, line: int) -> tuple[Span, str] | None:
        """The comment span and name that hide ``rule``'s finding on ``line``, if any."""
        return next(self.covering(rule, line), None)

    def hides(self, rule: Rule, line: int) -> bool:
        return self.hider(rule, line) is not None


def _next_line(doc: Document, directive: Directive) -> range:
    number = directive.last_line + 1
    while number <= len(doc.lines) and not doc.line(number).text.strip():
        number += 1
    entry = doc.entry_at_line.get(number)
    # Above an entry, the comment covers the whole entry: its findings may be on any line.
    if entry is not None and entry.first_line == number:
        return entry.lines
    return range(number, number + 1)


def census(doc: Document) -> list[tuple[int, str]]:
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


def run_rules(doc: Document, config: Config, rules: Iterable[Rule]) -> list[Diagnostic]:
    """Every finding of ``rules`` on ``doc``, before suppression comments."""
    found: list[Diagnostic] = []
    for rule in rules:
        severity = severity_of(rule, config)
        for v in rule.check(doc, config):
            fix = v.fix
            if fix is not None and not fix.safe and config.unsafe_fixes:
                fix = fix._replace(safe=True)  # the user opted in: apply it like any other
            found.append(
                Diagnostic(v.line, v.column, rule.code, rule.name, severity, v.message, fix)
            )
    return found


def sort_key(d: Diagnostic) -> tuple[int, int, str]:
    return d.line, d.column, d.code


def check_document(doc: Document, config: Config) -> Report:
    rules = {r.code: r for r in selected_rules(config)}
    judge = rules.get(UNUSED_SUPPRESSION)
    found = run_rules(doc, config, (r for r in rules.values() if r is not judge))
    if judge is not None:  # it judges the comments by the findings above: hand them over
        doc.seed_memo(_BEFORE_SUPPRESSION, (config, found))
        found = [*found, *run_rules(doc, config, [judge])]
    suppressions = Suppressions.of(doc)
    found = [d for d in found if not suppressions.hides(rules[d.code], d.line)]
    found.sort(key=sort_key)
    return Report(tuple(found), hints(census(doc), found) + schema_hints(doc, config, rules))


def findings_before_suppression(doc: Document, config: Config) -> list[Diagnostic]:
    """Every selected rule's findings but RL902's, before suppression comments: what RL902
    judges the comments by (check_document hands them over; else they are computed)."""
    seeded: tuple[Config, list[Diagnostic]] | None = doc.memo(_BEFORE_SUPPRESSION, lambda: None)
    if seeded is None or seeded[0] != config:
        others = [r for r in selected_rules(config) if r.code != UNUSED_SUPPRESSION]
        seeded = (config, run_rules(doc, config, others))
        doc.seed_memo(_BEFORE_SUPPRESSION, seeded)
    return seeded[1]


def schema_hints(doc: Document, config: Config, rules: dict[str, Rule]) -> tuple[str, ...]:
    """What the file's own habits changed: fields it never uses, repeats across sections."""
    from readme_lint.rules.entries import unused_fields
    from readme_lint.rules.links import cross_section_hint

    out: list[str] = []
    codes = {"authors": "RL102", "summary": "RL104"}
    # A configuration that states the fields has settled it: no hint to state them.
    settled = config.require_is_set
    for fmt, field, have, total in unused_fields(doc):
        if codes[field] in rules and not settled:
            out.append(
                f"{codes[field]}: only {have} of the {total} {fmt} entries have a {field} line, so "
                f"this list's entries are read as having none; to require it anyway, set "
                "`require` under [tool.readme-lint]."
            )
    cross = cross_section_hint(doc, config) if "RL303" in rules else None
    return (*out, *([cross] if cross else []))


def build_checked(
    text: str, config: Config, verdicts: Mapping[str, Verdict] | None = None
) -> Document:
    """The document model, with what ``--check-links`` found about its links, if anything."""
    return attach_verdicts(build(text, config.read_marker), verdicts)


def attach_verdicts(doc: Document, verdicts: Mapping[str, Verdict] | None) -> Document:
    """Give the link-liveness rules what ``--check-links`` found (nothing: no findings)."""
    if verdicts:
        doc.seed_memo("link-verdicts", verdicts)
    return doc


def check_text(
    text: str, config: Config | None = None, verdicts: Mapping[str, Verdict] | None = None
) -> Report:
    config = config or Config()
    return check_document(build_checked(text, config, verdicts), config)


def lint_text(
    text: str, config: Config | None = None, verdicts: Mapping[str, Verdict] | None = None
) -> list[Diagnostic]:
    """Lint Markdown text; return its diagnostics in line order.

    ``verdicts``: link-check results by URL as written (readme_lint.linkcheck), for
    the link-liveness rules; without them those rules find nothing.
    """
    return list(check_text(text, config, verdicts).diagnostics)
