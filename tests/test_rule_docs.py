"""Rule metadata: stable identity, complete docs, and the README table in sync."""

from __future__ import annotations

import re

import pytest

from readme_lint.rules import DOC_HEADINGS, Rule, all_rules
from tests.conftest import ROOT

RULES = all_rules()


@pytest.mark.parametrize("rule", [pytest.param(r, id=r.code) for r in RULES])
def test_rule_identity_and_docs(rule: Rule) -> None:
    assert re.fullmatch(r"RL[1-5]\d\d", rule.code)
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name)
    assert rule.summary.endswith(".") and len(rule.summary) < 80
    prose = re.sub(r"^```.*?^```", "", rule.doc, flags=re.MULTILINE | re.DOTALL)
    headings = re.findall(r"^## (.+)$", prose, re.MULTILINE)
    assert headings == list(DOC_HEADINGS)


def test_names_are_unique() -> None:
    assert len({r.name for r in RULES}) == len(RULES)


def test_readme_rule_table_matches_registry() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = re.findall(
        r"^\| `(RL\d{3})` \| `([a-z-]+)` \| (.+?) \| (error|warning) \| (yes|no) \|",
        readme,
        re.MULTILINE,
    )
    documented = {(code, name, severity, fix == "yes") for code, name, _, severity, fix in rows}
    assert documented == {(r.code, r.name, r.severity.value, r.fixable) for r in RULES}
