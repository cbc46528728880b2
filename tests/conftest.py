from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from readme_lint.config import Config
from readme_lint.core.diagnostics import Diagnostic, apply_fixes
from readme_lint.engine.run import lint_text
from readme_lint.rules import Rule

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CORPUS = ROOT.parent / "shared" / "corpus" / "reading-diffusion-README.md"

# bench/generate.py is the one list generator, shared by the benchmark and the tests.
sys.path.insert(0, str(ROOT / "bench"))


def use_only(monkeypatch: pytest.MonkeyPatch, *rules: Rule) -> None:
    """Make the engine (and the fixer's incremental re-lint) run exactly ``rules``."""
    for where in ("readme_lint.engine.run", "readme_lint.engine.incremental"):
        monkeypatch.setattr(f"{where}.selected_rules", lambda config: list(rules))


def run(text: str, *select: str, **settings: object) -> list[Diagnostic]:
    config = Config(select=select or None, **settings)  # type: ignore[arg-type]
    return lint_text(text, config)


def found(text: str, *select: str, **settings: object) -> list[tuple[int, int, str]]:
    return [(d.line, d.column, d.code) for d in run(text, *select, **settings)]


def fixed(text: str, code: str) -> str:
    """The text after applying every fix that rule ``code`` proposes (one round)."""
    fixes = [d.fix for d in run(text, code) if d.fix is not None]
    out, _ = apply_fixes(text, fixes)
    return out


_EXPECT = re.compile(r"<!--\s*expect\s*\n(?P<body>.*?)-->", re.DOTALL)


def expected_findings(text: str) -> set[tuple[int, int, str]]:
    """Findings a fixture marks in its leading ``<!-- expect ... -->`` comment.

    One per line: ``LINE:COL CODE`` (anything after the code is a note).
    """
    match = _EXPECT.search(text)
    assert match, "fixture has no <!-- expect --> block"
    out = set()
    for raw in match.group("body").splitlines():
        raw = raw.strip()
        if not raw:
            continue
        position, code, *_ = raw.split()
        line, col = position.split(":")
        out.add((int(line), int(col), code))
    return out


@pytest.fixture
def corpus_text() -> str:
    if not CORPUS.is_file():
        pytest.skip("the shared corpus is not beside this checkout")
    return CORPUS.read_text(encoding="utf-8")
