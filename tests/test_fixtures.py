"""Fixture lists under fixtures/lists/, each marking the findings it expects."""

from __future__ import annotations

from pathlib import Path

import pytest

from readme_lint.config import Config
from readme_lint.core.model import build
from readme_lint.engine.run import lint_text
from readme_lint.formats import format_names
from tests.conftest import FIXTURES, expected_findings

LISTS = sorted((FIXTURES / "lists").glob("*.md"))


@pytest.mark.parametrize("path", [pytest.param(p, id=p.stem) for p in LISTS])
def test_fixture_findings(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    got = {(d.line, d.column, d.code) for d in lint_text(text)}
    assert got == expected_findings(text)


FORMATS = sorted((FIXTURES / "formats").glob("*.md"))
ALL_BUT_BLANKS = Config(select=("ALL",), ignore=("RL503",))


@pytest.mark.parametrize("path", [pytest.param(p, id=p.stem) for p in FORMATS])
def test_format_fixture_findings(path: Path) -> None:
    # <format>.md marks every defect it holds; <format>.clean.md, its twin, has none.
    text = path.read_text(encoding="utf-8")
    got = {(d.line, d.column, d.code) for d in lint_text(text, ALL_BUT_BLANKS)}
    expected = set() if path.name.endswith(".clean.md") else expected_findings(text)
    assert got == expected


@pytest.mark.parametrize("fmt", format_names())
def test_every_format_has_a_fixture_pair_read_in_its_format(fmt: str) -> None:
    for name in (f"{fmt}.md", f"{fmt}.clean.md"):
        doc = build((FIXTURES / "formats" / name).read_text(encoding="utf-8"))
        assert len([e for e in doc.entries if e.format == fmt]) >= 15, name
