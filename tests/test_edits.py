"""The exact edit every fixable rule proposes, applied by the one edit engine."""

from __future__ import annotations

import pytest

from readme_lint.core.diagnostics import Edit, Fix, apply_fixes
from readme_lint.rules import all_rules
from tests.conftest import AUTHORS, DDIM, ENTRY, LINKS, SUMMARY, TITLE, entry, fixed, run

SECTIONS = "\n# Resources\n## Posts\ntext\n## Videos\ntext\n# Models\n## Editing\ntext\n## Inversion\ntext\n"
TOC_MISSING = (
    "## Contents\n- [Resources](#resources)\n  - [Posts](#posts)\n\n- [Models](#models)\n  * [Editing](#editing)\n"
    + SECTIONS
)
TOC_MISSING_FIXED = (
    "## Contents\n- [Resources](#resources)\n  - [Posts](#posts)\n  - [Videos](#videos)\n"
    "\n- [Models](#models)\n  * [Editing](#editing)\n  * [Inversion](#inversion)\n" + SECTIONS
)
TOC_UNORDERED = (
    "## Contents\n* [Models](#models)\n  * [Inversion](#inversion)\n  * [Editing](#editing)\n"
    "* [Gone](#gone)\n* [Resources](#resources)\n  * [Videos](#videos)\n  * [Posts](#posts)"
    + SECTIONS
)
TOC_ORDERED = (
    "## Contents\n* [Resources](#resources)\n  * [Posts](#posts)\n  * [Videos](#videos)\n"
    "* [Models](#models)\n  * [Editing](#editing)\n  * [Inversion](#inversion)\n* [Gone](#gone)"
    + SECTIONS
)

FIXES = [
    pytest.param("RL107", entry(TITLE, AUTHORS, LINKS, "", "", SUMMARY), ENTRY, id="RL107-rejoin"),
    pytest.param("RL111", ENTRY + DDIM, ENTRY + "\n" + DDIM, id="RL111-blank-line-inserted"),
    pytest.param(
        "RL108",
        entry("**Denoising Diffusion Probabilistic Models :zap:** \\", AUTHORS, LINKS, SUMMARY),
        ENTRY,
        id="RL108-out-of-bold",
    ),
    pytest.param(
        "RL108",
        entry(TITLE.replace(" :zap:", ""), AUTHORS.replace("* \\", "* :zap: \\"), LINKS, SUMMARY),
        ENTRY,
        id="RL108-from-authors",
    ),
    pytest.param(
        "RL201", entry("***" + TITLE[2:], AUTHORS, LINKS, SUMMARY), ENTRY, id="RL201-leading"
    ),
    pytest.param(
        "RL201",
        entry(TITLE.replace("** :zap:", "*** :zap:"), AUTHORS, LINKS, SUMMARY),
        ENTRY,
        id="RL201-trailing",
    ),
    pytest.param(
        "RL201",
        entry(TITLE, AUTHORS.replace("* \\", " \\"), LINKS, SUMMARY),
        ENTRY,
        id="RL201-authors-unclosed",
    ),
    pytest.param(
        "RL201", entry(TITLE, "*" + AUTHORS, LINKS, SUMMARY), ENTRY, id="RL201-authors-extra"
    ),
    pytest.param("RL202", entry(TITLE + "  \t", AUTHORS, LINKS, SUMMARY), ENTRY, id="RL202"),
    pytest.param(
        "RL203",
        entry(TITLE, AUTHORS, LINKS) + "\n## Next\n",
        entry(TITLE, AUTHORS, LINKS.removesuffix(" \\")) + "\n## Next\n",
        id="RL203",
    ),
    pytest.param(
        "RL204", entry(TITLE.removesuffix(" \\") + " ", AUTHORS, LINKS, SUMMARY), ENTRY, id="RL204"
    ),
    pytest.param(
        "RL205", entry(TITLE.replace(" \\", "\\"), AUTHORS, LINKS, SUMMARY), ENTRY, id="RL205"
    ),
    pytest.param("RL206", entry(TITLE, AUTHORS, LINKS, SUMMARY + " \t"), ENTRY, id="RL206"),
    pytest.param(
        "RL207", entry(TITLE, AUTHORS, LINKS.replace("] [[", "]   [["), SUMMARY), ENTRY, id="RL207"
    ),
    pytest.param(
        "RL208",
        entry(TITLE, AUTHORS, LINKS.replace("[[Github]", "[[ Github ]"), SUMMARY),
        ENTRY,
        id="RL208-space-inside-the-link-text",
    ),
    pytest.param(
        "RL208",
        # Glued in one entry where the list spaces them (DDIM's links are spaced).
        entry(TITLE, AUTHORS, LINKS.replace("] [[", "][["), SUMMARY) + "\n" + DDIM,
        ENTRY + "\n" + DDIM,
        id="RL208-run-together",
    ),
    pytest.param(
        "RL208",
        entry(TITLE, AUTHORS, LINKS.replace(")] [[", ") [["), SUMMARY),
        ENTRY,
        id="RL208-close",
    ),
    pytest.param(
        "RL301",
        ENTRY
        + "\n"
        + DDIM
        + "\n"
        + DDIM.replace("[[Paper]", "[[PAPER]").replace("2010.02502", "2010.99999"),
        ENTRY + "\n" + DDIM + "\n" + DDIM.replace("2010.02502", "2010.99999"),
        id="RL301-majority",
    ),
    pytest.param(
        "RL401",
        "## Contents\n- [Editing](Editing)\n\n## Editing\ntext\n",
        "## Contents\n- [Editing](#editing)\n\n## Editing\ntext\n",
        id="RL401-missing-hash",
    ),
    pytest.param(
        "RL401",
        "- [Old name](#old-name)\n- [x](#y)\n\n## Old Name!\ntext\n",
        "- [Old name](#old-name)\n- [x](#y)\n\n## Old Name!\ntext\n",
        id="RL401-valid-untouched",
    ),
    pytest.param(
        "RL401",
        "See [Edit](#Editing).\n\n## Editing\ntext\n",
        "See [Edit](#Editing).\n\n## Editing\ntext\n",
        id="RL401-case-only-resolves-on-github-untouched",
    ),
    pytest.param(
        "RL403",
        "## Contents\n- [Inversion](#inversion) | [Editing](#editing)\n\n## Editing\ntext\n## Inversion\ntext\n",
        "## Contents\n- [Inversion](#inversion) | [Editing](#editing)\n\n## Editing\ntext\n## Inversion\ntext\n",
        id="RL403-items-sharing-a-line-are-a-layout-call-not-fixed",
    ),
    pytest.param(
        "RL401",
        "## Contents\n- [Papers](#papers)\n\n## Editing\ntext\n",
        "## Contents\n- [Papers](#papers)\n\n## Editing\ntext\n",
        id="RL401-no-guess",
    ),
    pytest.param("RL402", TOC_MISSING, TOC_MISSING_FIXED, id="RL402-insert-with-sibling-style"),
    pytest.param("RL403", TOC_UNORDERED, TOC_ORDERED, id="RL403-reorder-keeping-orphan"),
    pytest.param(
        "RL403",
        "## A\ntext\n## B\ntext\n## Contents\n- [B](#b)\n- [A](#a)",
        "## A\ntext\n## B\ntext\n## Contents\n- [A](#a)\n- [B](#b)",
        id="RL403-toc-ends-file-without-newline",
    ),
    pytest.param("RL405", "##Editing\ntext\n", "## Editing\ntext\n", id="RL405-space"),
    pytest.param("RL501", "text", "text\n", id="RL501-lf"),
    pytest.param("RL501", "a\r\nb", "a\r\nb\r\n", id="RL501-crlf"),
    pytest.param("RL502", "a\nb\r\nc\n", "a\nb\nc\n", id="RL502"),
    pytest.param("RL503", "a\n\n\n\nb\n", "a\n\nb\n", id="RL503"),
    pytest.param("RL902", "<!-- readme-lint-disable-next-line -->\n\ntext\n", "text\n", id="RL902"),
]


@pytest.mark.parametrize(("code", "before", "after"), FIXES)
def test_fix(code: str, before: str, after: str) -> None:
    assert fixed(before, code) == after


@pytest.mark.parametrize(("code", "before", "after"), FIXES)
def test_fixed_text_no_longer_triggers_the_rule(code: str, before: str, after: str) -> None:
    assert [d for d in run(after, code) if d.fix is not None] == []


def test_every_fixable_rule_has_a_fix_case() -> None:
    # moved-link needs link-check verdicts: its fix is tested in test_liveness_rules.py.
    covered = {p.values[0] for p in FIXES} | {"RL311"}
    assert {r.code for r in all_rules() if r.fixable} - covered == set()


def test_unfixable_rules_propose_nothing() -> None:
    unfixable = {r.code for r in all_rules() if not r.fixable}
    broken = ENTRY.replace("[[Paper](https://arxiv.org/abs/2006.11239)]", "[[Paper]()]")
    text = "## Contents\n- [Papers](#papers)\n\n## Empty\n\n## Editing\n" + broken + "\n" + broken
    assert [d for d in run(text, "ALL") if d.code in unfixable and d.fix is not None] == []


@pytest.mark.parametrize(
    ("fixes", "expected", "deferred"),
    [
        pytest.param(
            [Fix("a", (Edit(0, 1, "X"),)), Fix("b", (Edit(2, 3, "Y"),))], "XbYd", 0, id="disjoint"
        ),
        pytest.param(
            [Fix("a", (Edit(0, 2, "X"),)), Fix("b", (Edit(1, 3, "Y"),))],
            "Xcd",
            1,
            id="overlap-deferred",
        ),
        pytest.param(
            [Fix("a", (Edit(1, 1, "X"),)), Fix("b", (Edit(1, 1, "Y"),))],
            "aXbcd",
            1,
            id="same-point-insert-deferred",
        ),
        pytest.param(
            [Fix("a", (Edit(1, 1, "X"),)), Fix("b", (Edit(1, 1, "X"),))],
            "aXbcd",
            0,
            id="shared-edit-applied-once",
        ),
        pytest.param(
            [Fix("a", (Edit(0, 1, ""), Edit(3, 3, "!"))), Fix("b", (Edit(3, 4, "D"),))],
            "bc!d",
            1,
            id="fix-applies-whole-or-not",
        ),
    ],
)
def test_apply_fixes(fixes: list[Fix], expected: str, deferred: int) -> None:
    text, left = apply_fixes("abcd", fixes)
    assert (text, len(left)) == (expected, deferred)
