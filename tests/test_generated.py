"""Generated lists: clean ones are clean, each generated defect is found where it was put,
huge and pathological input is read without a crash.

How long pathological input takes is measured by ``bench/pathological.py``, not here.
"""

from __future__ import annotations

import random

import pytest

from generate import _BULLET_DEFECTS, _DEFECTS, bullet, entry, generate  # type: ignore[import-not-found]
from pathological import cases  # type: ignore[import-not-found]
from readme_lint.config import Config
from readme_lint.engine.run import lint_text

ALL = Config(select=("ALL",))


def test_clean_thousand_entry_list_has_zero_findings() -> None:
    text = generate(1000, seed=7)
    assert text.count("\n**") == 1000
    assert lint_text(text, ALL) == []


def test_clean_thousand_entry_bullet_list_has_zero_findings() -> None:
    text = generate(1000, seed=7, fmt="bullet")
    assert text.count("\n- **M") == 1000
    assert lint_text(text, ALL) == []


# (format, defect index in bench/generate.py, findings as (line within the entry, code))
DEFECTS = [
    ("paragraph", 0, [(0, "RL201")]),  # stray asterisk
    ("paragraph", 1, [(0, "RL202")]),  # space after the backslash
    ("paragraph", 2, [(0, "RL205")]),  # no space before the backslash
    ("paragraph", 3, [(3, "RL105")]),  # placeholder summary
    ("paragraph", 4, [(2, "RL301")]),  # off-spelling label
    ("paragraph", 5, [(1, "RL204")]),  # missing hard break
    ("paragraph", 6, [(2, "RL207")]),  # two spaces between links
    ("paragraph", 7, [(2, "RL107")]),  # summary split off
    ("bullet", 0, [(0, "RL301")]),
    ("bullet", 1, [(0, "RL208")]),
    ("bullet", 2, [(0, "RL207")]),
]


@pytest.mark.parametrize(("fmt", "index", "expected"), DEFECTS)
def test_each_generated_defect_is_found_at_its_line(
    fmt: str, index: int, expected: list[tuple[int, str]]
) -> None:
    make, defects = (bullet, _BULLET_DEFECTS) if fmt == "bullet" else (entry, _DEFECTS)
    head = generate(10, seed=1, fmt=fmt).rstrip("\n") + "\n\n"
    broken = defects[index](make(random.Random(5), 100))
    first = head.count("\n") + 1
    findings = lint_text(head + "\n".join(broken) + "\n", ALL)
    assert sorted((d.line - first, d.code) for d in findings) == sorted(expected)


def test_five_megabyte_file() -> None:
    text = generate(18000, seed=1)
    assert len(text.encode()) > 5_000_000
    assert lint_text(text) == []


# Input built to make a careless regex backtrack (bench/pathological.py times it): each is
# read, and exactly what it shows is reported.
PATHOLOGICAL = {
    "long-word": [],
    "open-brackets": [],
    "asterisks": [],
    "unclosed-bold": [(1, "RL203")],
    "backticks": [(1, "RL206")],
    "long-summary": [(4, "RL207")] * 20_000,  # every double space in the summary
    # Many links in one item, one paragraph, and bold text in one table header: clean.
    **{f"{shape}-links-{n}": [] for shape in ("item", "para") for n in (1_000, 2_000, 4_000)},
    **{f"cell-bold-{n}": [] for n in (10_000, 20_000, 40_000)},
    # Quotes 50 deep: deep, yet within what the parser follows.
    **{f"quotes-50x{n}": [] for n in (1_000, 2_000, 4_000)},
}


def test_every_pathological_case_has_expectations() -> None:
    assert set(PATHOLOGICAL) == set(cases())


@pytest.mark.parametrize("name", PATHOLOGICAL)
def test_pathological_lines(name: str) -> None:
    text = cases()[name]
    assert [(d.line, d.code) for d in lint_text(text + "\n", ALL)] == PATHOLOGICAL[name]
