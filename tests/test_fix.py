"""fix_text: whole-document fixing, convergence, and the safety net."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from readme_lint.config import Config
from readme_lint.core.diagnostics import Edit, Fix, Violation
from readme_lint.engine.fix import fix_text
from readme_lint.rules import Rule, all_rules
from readme_lint.rules.registry import LintContext
from tests.conftest import AUTHORS, DDIM, ENTRY, FIXTURES, LINKS, SUMMARY, TITLE, entry, use_only

NOOP = [
    pytest.param("# List\n\n" + ENTRY + "\n" + DDIM, id="clean-entries"),
    pytest.param(("# List\n\n" + ENTRY).replace("\n", "\r\n"), id="clean-crlf"),
    pytest.param("", id="empty"),
    pytest.param("no newline? fine: nothing fixable\n", id="prose"),
    pytest.param("```\ncode   \n\n\n\\ \n```\n", id="code-block-untouched"),
    pytest.param("line one  \nline two\n", id="two-space-hard-break"),
    pytest.param("A path C:\\\\\n", id="escaped-backslash"),
    pytest.param("## Contents\n- [A](#a)\n\n## A\ntext\n", id="toc-in-order"),
    pytest.param(
        "## Contents\n- [Papers](#papers)\n\n## A\ntext\n", id="toc-unguessable-left-alone"
    ),
    pytest.param(entry(TITLE, AUTHORS, LINKS, "???"), id="placeholder-is-not-fixable"),
    pytest.param(  # sorting each sub-list cannot place 'Guides': no fix that leaves it unfixed
        "## Contents\n- [Papers](#papers)\n  - [Portfolio](#portfolio)\n"
        "- [Repositories](#repositories)\n  - [Guides](#guides)\n  - [Datasets](#datasets)\n\n"
        "## Papers\ntext\n### Portfolio\ntext\n### Guides\ntext\n"
        "## Repositories\ntext\n### Datasets\ntext\n",
        id="toc-item-under-another-section-left-alone",
    ),
]


@pytest.mark.parametrize("text", NOOP)
def test_noop(text: str) -> None:
    assert fix_text(text).text == text


FIX = [
    pytest.param(
        entry(TITLE + " ", AUTHORS, LINKS),
        entry(TITLE, AUTHORS, LINKS.removesuffix(" \\")),
        id="trailing-space-then-dangling-backslash-two-rounds",
    ),
    pytest.param(
        entry(
            "***" + TITLE[2:].replace(" \\", "\\"),
            AUTHORS,
            LINKS.replace("] [[", "]   [["),
            SUMMARY + " ",
        ),
        entry(TITLE, AUTHORS, LINKS, SUMMARY),
        id="several-rules-one-entry",
    ),
    pytest.param(
        # Glued in one entry where the list spaces them (DDIM has one spaced pair too).
        entry(TITLE, AUTHORS, LINKS.replace(")] [[", ")][["), SUMMARY) + "\n" + DDIM,
        entry(TITLE, AUTHORS, LINKS, SUMMARY) + "\n" + DDIM,
        id="link-syntax",
    ),
    pytest.param("a\r\nb\nc\r\nd", "a\r\nb\r\nc\r\nd\r\n", id="line-endings-then-final-newline"),
    pytest.param(
        entry(TITLE.removesuffix(" \\") + " ", AUTHORS, LINKS, SUMMARY),
        entry(TITLE, AUTHORS, LINKS, SUMMARY),
        id="missing-break-replaces-trailing-spaces",
    ),
]


@pytest.mark.parametrize(("before", "after"), FIX)
def test_fix(before: str, after: str) -> None:
    result = fix_text(before)
    assert result.text == after
    assert fix_text(result.text).text == result.text


PAIRS = sorted((FIXTURES / "fix").glob("*.in.md"))


@pytest.mark.parametrize(
    "source", [pytest.param(p, id=p.name.removesuffix(".in.md")) for p in PAIRS]
)
def test_fixture_pairs(source: Path) -> None:
    before = source.read_text(encoding="utf-8")
    expected = source.with_name(source.name.replace(".in.md", ".out.md")).read_text(
        encoding="utf-8"
    )
    # The pairs include TOC insertions, which are unsafe fixes: opted in here.
    unsafe = Config(unsafe_fixes=True)
    result = fix_text(before, unsafe)
    assert result.text == expected
    assert not [d for d in result.remaining if d.fix is not None]
    assert fix_text(expected, unsafe).text == expected
    safe_only = fix_text(before)
    assert not [d for d in safe_only.remaining if d.fixable]
    assert all(d.unsafe_fixable for d in safe_only.remaining if d.fix is not None)


# A heading some link already goes to: no fix, safe or unsafe, links it a second time.
ALREADY_LINKED = [
    pytest.param(
        "## Contents\n- [Editing](#editing)\n\n## Editing\nsee [Inversion](#inversion)\n"
        "## Inversion\ntext\n",
        id="toc-missing-heading-linked-from-prose",
    ),
    pytest.param(
        "## Contents\n- [Editing](#editing)\n- [Inversion](#invertion)\n\n## Editing\n"
        "back to [Inversion](#inversion)\n## Inversion\ntext\n",
        id="toc-anchor-guess-already-linked",
    ),
    pytest.param(
        "## Contents\n- [Alpha](#alpha)\n- [Second part](#second)\n- [Gamma](#gamma)\n\n"
        "## Alpha\ntext\n## Beta Models and Friends\ntext\n## Delta\ntext\n## Gamma\ntext\n",
        id="toc-missing-heading-beside-a-broken-item-that-may-stand-for-it",
    ),
]


@pytest.mark.parametrize("text", ALREADY_LINKED)
def test_unsafe_fixes_never_link_an_anchor_twice(text: str) -> None:
    result = fix_text(text, Config(unsafe_fixes=True))
    assert result.text == text
    assert result.remaining and all(d.fix is None for d in result.remaining)


def test_a_link_to_another_address_is_named_not_fixed() -> None:
    # '/abs/ID.pdf': the abstract page or the PDF was meant; GitHub's page would show
    # another link either way, so the finding names the abstract page and leaves it.
    text = entry(TITLE, AUTHORS, LINKS.replace("2006.11239", "2006.11239.pdf"), SUMMARY)
    result = fix_text(text, Config(unsafe_fixes=True))
    assert result.text == text
    (finding,) = [d for d in result.remaining if d.code == "RL306"]
    assert finding.fix is None and "write https://arxiv.org/abs/2006.11239 " in finding.message


def test_result_reports_fixed_and_remaining() -> None:
    result = fix_text(entry("***" + TITLE[2:], AUTHORS, LINKS, "???"))
    assert [d.code for d in result.fixed] == ["RL201"]
    assert [d.code for d in result.remaining] == ["RL105"]
    assert result.changed


def test_selection_limits_what_is_fixed() -> None:
    text = entry("***" + TITLE[2:] + " ", AUTHORS, LINKS, SUMMARY)
    result = fix_text(text, Config(select=("RL201",)))
    assert result.text == entry(TITLE + " ", AUTHORS, LINKS, SUMMARY)


@pytest.fixture
def rogue_rule(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Register a rule whose 'fix' deletes a word: the safety net must catch it."""

    def check(ctx: LintContext) -> Iterator[Violation]:
        doc = ctx.doc
        at = doc.text.find("comeback")
        if at != -1:
            yield Violation(
                1, 1, "rogue", Fix("delete a word", (Edit(at, at + len("comeback"), ""),))
            )

    rogue = Rule(
        "RL599", "rogue-rule", "Deletes a word.", all_rules()[0].severity, True, True, check
    )
    use_only(monkeypatch, rogue)
    yield "RL599 rogue-rule"


def test_safety_net_withholds_the_fix_and_says_why(rogue_rule: str) -> None:
    result = fix_text(ENTRY)
    assert result.text == ENTRY
    (kept,) = result.withheld
    assert kept.diagnostic.code == rogue_rule.split()[0]
    assert "comeback" in kept.reason
    # The finding stays, without its fix, the reason in its message.
    (left,) = [d for d in result.remaining if d.code == "RL599"]
    assert left.fix is None and "fix withheld" in left.message


def test_safety_net_catches_a_lost_url(monkeypatch: pytest.MonkeyPatch) -> None:
    def check(ctx: LintContext) -> Iterator[Violation]:
        doc = ctx.doc
        at = doc.text.find("https://github.com")
        if at != -1:
            yield Violation(1, 1, "rogue", Fix("drop a url", (Edit(at, at + 8, "x"),)))

    rogue = Rule("RL598", "url-eater", "Eats URLs.", all_rules()[0].severity, True, True, check)
    use_only(monkeypatch, rogue)
    result = fix_text(ENTRY)
    assert result.text == ENTRY
    assert [k.diagnostic.code for k in result.withheld] == ["RL598"]
    assert "drop the URL" in result.withheld[0].reason


def test_non_converging_fixes_are_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def check(ctx: LintContext) -> Iterator[Violation]:
        doc = ctx.doc
        end = len(doc.text)
        yield Violation(1, 1, "grows", Fix("append a space", (Edit(end, end, " "),)))

    # It reads the whole text (its length), so it is a document rule.
    severity = all_rules()[0].severity
    rogue = Rule("RL597", "grower", "Never settles.", severity, True, True, check, "document")
    use_only(monkeypatch, rogue)
    result = fix_text("text\n")
    assert [k.diagnostic.code for k in result.withheld] == ["RL597"]
    assert "did not settle" in result.withheld[0].reason


def test_trailing_emphasis_is_not_part_of_a_url() -> None:
    # Found by hypothesis: balancing '**url*' once tripped the lost-URL check.
    assert (
        fix_text("**https://arxiv.org/abs/2006.11239* \\\n*Jonathan Ho*\n").text
        == "**https://arxiv.org/abs/2006.11239** \\\n*Jonathan Ho*\n"
    )


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("\\\n\n", id="fix-blanks-a-line"),  # found by hypothesis
        pytest.param("## A\n\\\n\n## B\ntext\n", id="fix-empties-a-section"),
        # found by hypothesis: at the end of the text a whitespace-only line is code to mistletoe
        pytest.param("\r\n- **\n\t", id="whitespace-line-at-end-of-text"),
        # found by hypothesis: a split before the links line hid the links from label counts
        pytest.param(
            ENTRY
            + "\n"
            + entry("**B** \\", "*A B* \\", "", "[[paper](https://x.org/b)] \\", "Sum."),
            id="split-before-links",
        ),
        # RL902 is selected: whether a comment hides anything changes with the other fixes.
        pytest.param(
            "# A\n\n<!-- readme-lint-disable-next-line RL206 -->\n"
            + entry(TITLE.removesuffix(" \\") + " ", AUTHORS, LINKS, SUMMARY)
            + "\n<!-- readme-lint-disable RL205 -->\n\n"
            + DDIM.replace("Models** \\", "Models**\\")
            + "\n<!-- readme-lint-enable -->\n",
            id="suppressions-used-and-left-unused-by-fixes",
        ),
    ],
)
def test_incremental_and_full_relint_agree(text: str) -> None:
    config = Config(select=("ALL",))
    full, fast = fix_text(text, config, incremental=False), fix_text(text, config)
    assert (fast.text, fast.remaining) == (full.text, full.remaining)
