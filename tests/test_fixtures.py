"""Fixture lists under fixtures/lists/, each marking the findings it expects."""

from __future__ import annotations

from pathlib import Path

import pytest

from readme_lint.engine import lint_text
from tests.conftest import FIXTURES, expected_findings

LISTS = sorted((FIXTURES / "lists").glob("*.md"))


@pytest.mark.parametrize("path", [pytest.param(p, id=p.stem) for p in LISTS])
def test_fixture_findings(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    got = {(d.line, d.column, d.code) for d in lint_text(text)}
    assert got == expected_findings(text)
