"""The pure core: text and configuration in, diagnostics out."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from readme_lint.config import FIELDS, Config
from readme_lint.diagnostics import Diagnostic
from readme_lint.model import Directive, Document, build
from readme_lint.rules import Rule
from readme_lint.selection import selected_rules, severity_of

if TYPE_CHECKING:
    from readme_lint.linkcheck.verdict import Verdict

# Field rules whose flood a section schema can silence.
_FIELD_RULES = {"RL101": "title", "RL102": "authors", "RL103": "link", "RL104": "summary"}
_FLOOD_MIN_ENTRIES = 5
_SECTION_MIN_ENTRIES = 3


@dataclass(frozen=True)
class Report:
    diagnostics: tuple[Diagnostic, ...]
    hints: tuple[str, ...]


def _norm(rules: Iterable[str]) -> frozenset[str]:
    """Directive rule names as compared: codes upper-case, names lower-case, '*' for all."""
    out = {r.upper() if r.upper().startswith("RL") else r.lower() for r in rules}
    return frozenset(out or {"*"})


class Suppressions:
    """Which (rule, line) pairs the document's readme-lint comments switch off."""

    def __init__(self, doc: Document) -> None:
        self._spans: list[tuple[range, frozenset[str]]] = []
        open_: dict[str, int] = {}
        for directive in doc.directives:
            keys = _norm(directive.rules)
            if directive.action == "disable-next-line":
                self._spans.append((_next_line(doc, directive), keys))
            elif directive.action == "disable-file":
                self._spans.append((range(1, len(doc.lines) + 1), keys))
            elif directive.action == "disable":
                for key in keys:
                    open_.setdefault(key, directive.last_line + 1)
            elif directive.action == "enable":  # closes the named ranges, or all of them
                for key in list(open_) if "*" in keys else keys & open_.keys():
                    self._spans.append((range(open_.pop(key), directive.line), frozenset({key})))
        for key, start in open_.items():
            self._spans.append((range(start, len(doc.lines) + 1), frozenset({key})))

    def hides(self, rule: Rule, line: int) -> bool:
        names = {"*", rule.code, rule.name}
        return any(line in span and not keys.isdisjoint(names) for span, keys in self._spans)


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


def _toml_list(items: Iterable[str]) -> str:
    return "[" + ", ".join(f'"{item}"' for item in items) + "]"


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
                f"have no {field}, say so once instead: set `require = {_toml_list(others)}` under "
                "[tool.readme-lint] (or in .readme-lint.toml), or add it to `ignore`."
            )
            continue
        per_section = Counter(section_of[n] for n in lines)
        for name, count in sorted(per_section.items()):
            if name and count == sizes[name] and count >= _SECTION_MIN_ENTRIES:
                out.append(
                    f"{code} fired on all {count} entries of section '{name}'. If that section's "
                    f"entries need no {field}, give it a schema: "
                    f'[tool.readme-lint.sections."{name}"] require = {_toml_list(others)}'
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
                fix = replace(fix, safe=True)  # the user opted in: apply it like any other
            found.append(Diagnostic(v.line, v.column, rule.code, rule.name, severity, v.message, fix))
    return found


def sort_key(d: Diagnostic) -> tuple[int, int, str]:
    return d.line, d.column, d.code


def check_document(doc: Document, config: Config) -> Report:
    suppressions = Suppressions(doc)
    rules = {r.code: r for r in selected_rules(config)}
    found = [
        d
        for d in run_rules(doc, config, rules.values())
        if not suppressions.hides(rules[d.code], d.line)
    ]
    found.sort(key=sort_key)
    return Report(tuple(found), hints(census(doc), found) + schema_hints(doc, config, rules))


def schema_hints(doc: Document, config: Config, rules: dict[str, Rule]) -> tuple[str, ...]:
    """What the file's own habits changed: fields it never uses, repeats across sections."""
    from readme_lint.rules.entries import unused_fields
    from readme_lint.rules.links import cross_section_hint

    out: list[str] = []
    codes = {"authors": "RL102", "summary": "RL104"}
    for fmt, field, have, total in unused_fields(doc):
        if codes[field] in rules:
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
