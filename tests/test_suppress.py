"""Inline <!-- readme-lint-... --> comments."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readme_lint.config import Config
from readme_lint.core.diagnostics import Diagnostic, apply_fixes
from readme_lint.engine.fix import fix_text
from readme_lint.engine.run import lint_text
from tests.conftest import AUTHORS, DDIM, LINKS, TITLE, entry, found, run
from tests.render import render, worse

PLACEHOLDER = entry(TITLE, AUTHORS, LINKS, "???")  # RL105 on its line 4
SPACED = entry(TITLE.replace(" \\", "\\"), AUTHORS, LINKS, "???")  # RL205 line 1, RL105 line 4


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        pytest.param(PLACEHOLDER, [(4, "RL105")], id="no-comment"),
        pytest.param(
            "<!-- readme-lint-disable-next-line RL105 -->\n" + PLACEHOLDER,
            [],
            id="next-line-covers-whole-entry",
        ),
        pytest.param(
            "<!-- readme-lint-disable-next-line placeholder-summary -->\n\n" + PLACEHOLDER,
            [],
            id="by-name-after-blank",
        ),
        pytest.param(
            "<!-- readme-lint-disable-next-line RL104 -->\n" + PLACEHOLDER,
            [(5, "RL105")],
            id="other-rule-still-reported",
        ),
        pytest.param(
            "<!-- readme-lint-disable-next-line -->\n" + SPACED, [], id="no-rules-means-all"
        ),
        pytest.param(
            "<!-- readme-lint-disable RL105 -->\n"
            + SPACED
            + "\n<!-- readme-lint-enable RL105 -->\n\n"
            + PLACEHOLDER,
            [(2, "RL205"), (12, "RL105")],
            id="range",
        ),
        pytest.param(
            "<!-- readme-lint-disable -->\n" + SPACED + "<!-- readme-lint-enable -->\n\n" + SPACED,
            [(8, "RL205"), (11, "RL105")],
            id="all-then-enable-all",
        ),
        pytest.param(
            "<!-- readme-lint-disable rl205, RL105 -->\n" + SPACED, [], id="comma-list-any-case"
        ),
        pytest.param(
            "```\n<!-- readme-lint-disable -->\n```\n\n" + SPACED,
            [(5, "RL205"), (8, "RL105")],
            id="comment-in-code-ignored",
        ),
        pytest.param(
            SPACED + "\n<!-- readme-lint-disable-file RL205 -->\n",
            [(4, "RL105")],
            id="disable-file-anywhere-covers-the-file",
        ),
    ],
)
def test_suppression(markdown: str, expected: list[tuple[int, str]]) -> None:
    assert [
        (line, code) for line, _, code in found(markdown, "RL105", "RL205", "RL104")
    ] == expected


def test_unknown_directive_is_not_a_disable() -> None:
    text = "<!-- readme-lint-disable-line RL105 -->\n" + PLACEHOLDER
    assert [code for _, _, code in found(text, "RL105")] == ["RL105"]


@pytest.mark.parametrize(
    ("comment", "expected"),
    [
        pytest.param("<!-- readme-lint-disable-nextline RL105 -->", ["RL901"], id="misspelt"),
        pytest.param("<!-- readme-lint-ignore -->", ["RL901"], id="unknown-action"),
        pytest.param("<!-- readme-lint-disable RL999 -->", ["RL901"], id="unknown-code"),
        pytest.param("<!-- readme-lint-disable stray-astrisk -->", ["RL901"], id="unknown-name"),
        pytest.param("<!-- readme-lint-disable RL105, stray-asterisk -->", [], id="valid"),
        pytest.param("<!-- readme-lint-disable-file -->", [], id="valid-file"),
        pytest.param("<!-- readme-lint-enable -->", [], id="valid-enable"),
    ],
)
def test_invalid_suppressions_are_reported(comment: str, expected: list[str]) -> None:
    # A comment that silences nothing must not pass for one that does.
    assert [code for _, _, code in found(comment + "\n\ntext\n", "RL901")] == expected


@pytest.mark.parametrize(
    ("action", "meant"),
    [
        ("disable-nextline", "disable-next-line"),
        ("disable-line", "disable-next-line"),  # never the wider disable-file
        ("disable-this-line", "disable-next-line"),
        ("disabled", "disable"),
        ("enabled", "enable"),
        ("disable-files", "disable-file"),
        ("ignore", None),
    ],
)
def test_the_suggestion_is_never_wider_than_what_was_written(
    action: str, meant: str | None
) -> None:
    (finding,) = run(f"<!-- readme-lint-{action} RL105 -->\n\ntext\n", "RL901")
    if meant is None:
        assert "did you mean" not in finding.message
    else:
        assert finding.message.endswith(f"did you mean 'readme-lint-{meant}'?")


def test_second_comment_of_a_block_is_reported_at_its_own_line() -> None:
    text = "<!-- readme-lint-disable RL105 -->\n<!-- readme-lint-disable RL999 -->\n\ntext\n"
    assert [(line, code) for line, _, code in found(text, "RL901")] == [(2, "RL901")]


# ------------------------------------------------------------------ RL902 unused-suppression

COMPLETE = entry(TITLE, AUTHORS, LINKS, "The comeback.")  # no finding at all
RL902 = {"extend_select": ("RL902",)}
NEXT = "<!-- readme-lint-disable-next-line {} -->\n"


def lint(text: str, **settings: object) -> list[Diagnostic]:
    return lint_text(text, Config(**(RL902 | settings)))  # type: ignore[arg-type]


def unused(text: str, **settings: object) -> list[tuple[int, str]]:
    return [(d.line, d.message) for d in lint(text, **settings) if d.code == "RL902"]


@pytest.mark.parametrize(
    ("markdown", "settings", "expected"),
    [
        pytest.param(NEXT.format("RL105") + PLACEHOLDER, {}, [], id="next-line-used"),
        pytest.param(
            NEXT.format("RL105") + COMPLETE,
            {},
            [(1, "unused suppression: 'RL105' hides no finding here")],
            id="next-line-unused",
        ),
        pytest.param(
            NEXT.format("placeholder-summary") + "\n" + PLACEHOLDER, {}, [], id="by-name-used"
        ),
        pytest.param(
            "<!-- readme-lint-disable RL105 -->\n\n"
            + PLACEHOLDER
            + "\n<!-- readme-lint-enable RL105 -->\n",
            {},
            [],
            id="range-used",
        ),
        pytest.param(
            "<!-- readme-lint-disable RL105 -->\n\n"
            + COMPLETE
            + "\n<!-- readme-lint-enable RL105 -->\n\n"
            + PLACEHOLDER,
            {},
            [(1, "unused suppression: 'RL105' hides no finding in its range")],
            id="range-unused-finding-after-its-enable",
        ),
        pytest.param(
            PLACEHOLDER + "\n<!-- readme-lint-disable-file RL105 -->\n", {}, [], id="file-used"
        ),
        pytest.param(
            COMPLETE + "\n<!-- readme-lint-disable-file RL105 -->\n",
            {},
            [(6, "unused suppression: 'RL105' hides no finding in this file")],
            id="file-unused",
        ),
        pytest.param(
            NEXT.format("RL105, RL104 entry-link") + PLACEHOLDER,
            {},
            [(1, "unused suppression: 'RL104', 'entry-link' hide no finding here")],
            id="several-rules-some-unused",
        ),
        pytest.param(
            NEXT.format("RL105 placeholder-summary") + PLACEHOLDER,
            {},
            [
                (
                    1,
                    "unused suppression: 'placeholder-summary' hides only what 'RL105' already hides",
                )
            ],
            id="one-rule-named-twice",
        ),
        pytest.param(
            "<!-- readme-lint-disable-file RL105 -->\n\n" + NEXT.format("RL105") + PLACEHOLDER,
            {},
            [
                (
                    3,
                    "unused suppression: 'RL105' hides only what the comment on line 1 already hides",
                )
            ],
            id="redundant-under-disable-file",
        ),
        pytest.param(NEXT.format("RL503") + COMPLETE, {}, [], id="off-by-default-not-judged"),
        pytest.param(
            NEXT.format("RL105") + COMPLETE, {"ignore": ("RL105",)}, [], id="ignored-not-judged"
        ),
        pytest.param(
            NEXT.format("RL105") + COMPLETE,
            {"select": ("RL2",)},
            [],
            id="outside-a-select-not-judged",
        ),
        pytest.param(NEXT.format("") + SPACED, {}, [], id="star-used"),
        pytest.param(
            NEXT.format("") + COMPLETE,
            {},
            [(1, "unused suppression: this comment hides no finding here")],
            id="star-unused",
        ),
        pytest.param(
            NEXT.format("") + PLACEHOLDER,
            {"select": ("RL2",)},
            [],
            id="star-hiding-only-an-unselected-rule",
        ),
        pytest.param(
            "<!-- readme-lint-disable-nextline RL105 -->\n\n<!-- readme-lint-disable RL999 -->\n\n"
            + COMPLETE,
            {},
            [],
            id="misspelt-and-unknown-are-RL901s",
        ),
        pytest.param(
            "<!-- readme-lint-enable RL105 -->\n\n" + COMPLETE, {}, [], id="enable-never-judged"
        ),
        pytest.param(
            "```\n" + NEXT.format("RL105") + "```\n\n" + COMPLETE, {}, [], id="comment-in-code"
        ),
        pytest.param(
            NEXT.format("RL902") + COMPLETE,
            {},
            [
                (
                    1,
                    "unused suppression: 'RL902' hides nothing: unused-suppression findings are "
                    "switched off only by disable-file",
                )
            ],
            id="own-findings-not-hidden-by-next-line",
        ),
        pytest.param(
            "<!-- readme-lint-disable-file unused-suppression -->\n\n"
            + NEXT.format("RL105")
            + COMPLETE,
            {},
            [],
            id="own-findings-switched-off-by-disable-file",
        ),
        pytest.param(NEXT.format("RL105") + COMPLETE, {"extend_select": ()}, [], id="opt-in"),
    ],
)
def test_unused_suppression(
    markdown: str, settings: dict[str, object], expected: list[tuple[int, str]]
) -> None:
    assert unused(markdown, **settings) == expected


def test_unused_suppression_is_found_in_the_corpus_only_where_planted(corpus_text: str) -> None:
    # The shared list has no readme-lint comments: RL902 adds nothing to a plain lint.
    plain = [(d.line, d.code) for d in lint(corpus_text, extend_select=())]
    assert [(d.line, d.code) for d in lint(corpus_text)] == plain
    lines = corpus_text.split("\n")
    first = next(k for k, line in enumerate(lines) if line.startswith("**"))
    planted = "\n".join([*lines[:first], NEXT.format("RL303").rstrip("\n"), *lines[first:]])
    assert unused(planted) == [(first + 1, "unused suppression: 'RL303' hides no finding here")]


# The RL902 fix. Deleting an HTML comment can change what GitHub shows (a comment ends a
# paragraph, a list, indented code), so the comment goes only where GitHub's renderer
# shows the same page without it; elsewhere the finding carries no fix.
FIX_CONFIG = Config(select=("RL104", "RL105", "RL205", "RL206", "RL902"))


@pytest.mark.parametrize(
    ("before", "after"),
    [
        pytest.param(NEXT.format("RL105") + COMPLETE, COMPLETE, id="above-an-entry-at-the-start"),
        pytest.param(
            "# Papers\n\n" + NEXT.format("RL105") + COMPLETE,
            "# Papers\n\n" + COMPLETE,
            id="above-an-entry-after-a-blank-line",
        ),
        pytest.param(
            "# Papers\n\n" + NEXT.format("RL105") + "\n" + COMPLETE,
            "# Papers\n\n" + COMPLETE,
            id="between-blank-lines-one-goes",
        ),
        pytest.param(
            COMPLETE + "\n<!-- readme-lint-disable-file RL105 -->\n",
            COMPLETE,
            id="at-the-end-of-the-file",
        ),
        pytest.param(
            COMPLETE + "\n<!-- readme-lint-disable-file RL105 -->",
            COMPLETE.removesuffix("\n"),
            id="at-the-end-without-final-newline-kept-so",
        ),
        pytest.param(
            NEXT.format("RL105, RL104") + PLACEHOLDER,
            NEXT.format("RL105") + PLACEHOLDER,
            id="only-the-unused-name-goes",
        ),
        pytest.param(
            NEXT.format("RL104 RL105 entry-link") + PLACEHOLDER,
            NEXT.format("RL105 entry-link") + PLACEHOLDER,
            id="space-separated-unselected-name-kept",
        ),
        pytest.param(
            "# Papers\n\n<!-- readme-lint-disable RL105 -->\n\n"
            + COMPLETE
            + "\n<!-- readme-lint-enable RL105 -->\n\ntext\n",
            "# Papers\n\n" + COMPLETE + "\ntext\n",
            id="range-with-its-enable",
        ),
        pytest.param(
            "<!-- readme-lint-disable RL105 RL206 -->\n\n"
            + PLACEHOLDER
            + "\n<!-- readme-lint-enable RL105 RL206 -->\n",
            "<!-- readme-lint-disable RL105 -->\n\n"
            + PLACEHOLDER
            + "\n<!-- readme-lint-enable RL105 -->\n",
            id="range-partly-unused-names-go-from-both",
        ),
        pytest.param(
            "<!-- readme-lint-disable RL206 -->\n<!-- readme-lint-disable RL105 -->\n\n"
            + PLACEHOLDER
            + "\n<!-- readme-lint-enable -->\n",
            "<!-- readme-lint-disable RL105 -->\n\n"
            + PLACEHOLDER
            + "\n<!-- readme-lint-enable -->\n",
            id="enable-of-all-still-ends-another-range",
        ),
        pytest.param(
            "# Papers\n\n"
            + NEXT.format("RL104")
            + NEXT.format("RL105")
            + NEXT.format("")
            + COMPLETE,
            "# Papers\n\n" + COMPLETE,
            id="a-stack-of-comments",
        ),
        pytest.param(
            "Some prose.\n" + NEXT.format("RL105") + COMPLETE,
            "Some prose.\n" + NEXT.format("RL105") + COMPLETE,
            id="kept-under-a-paragraph-it-separates-from-the-entry",
        ),
        pytest.param(
            "- a\n\n" + NEXT.format("RL105") + "\n- b\n",
            "- a\n\n" + NEXT.format("RL105") + "\n- b\n",
            id="kept-between-two-lists-it-keeps-apart",
        ),
        pytest.param(
            "- a\n\n" + NEXT.format("RL105") + "\n  b\n",
            "- a\n\n" + NEXT.format("RL105") + "\n  b\n",
            id="kept-above-an-indented-line-it-keeps-out-of-the-list",
        ),
        pytest.param(
            "  " + NEXT.format("RL105") + COMPLETE,
            "  " + NEXT.format("RL105") + COMPLETE,
            id="kept-when-indented",
        ),
    ],
)
def test_unused_suppression_fix(before: str, after: str) -> None:
    result = fix_text(before, FIX_CONFIG)
    assert result.text == after
    assert not worse(before, after) and _shown(before) == _shown(after)
    # What remains is what a fresh lint of the fixed text finds, and a second run is a no-op.
    assert list(result.remaining) == lint_text(after, FIX_CONFIG)
    assert fix_text(after, FIX_CONFIG).text == after


_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def _shown(text: str) -> str:
    """GitHub's HTML for ``text`` without comments (GitHub shows none) or layout whitespace:
    outside ``<pre>`` a run of whitespace shows as one space, and none between tags."""
    parts = re.split(r"(<pre\b.*?</pre>)", _COMMENT.sub("", render(text)), flags=re.DOTALL)
    for i in range(0, len(parts), 2):  # the even parts are outside <pre>
        parts[i] = re.sub(r">\s+<", "><", re.sub(r"\s+", " ", parts[i]))
    return "".join(parts).strip()


ABOVE = {
    "start": None,
    "paragraph": "Some prose.",
    "entry": DDIM.rstrip("\n"),
    "list": "- a\n- b",
    "ordered": "1. a\n2. b",
    "loose-list": "- a\n\n- b",
    "nested-list": "- a\n  - b",
    "indented-code": "    code",
    "fenced-code": "```\nx\n```",
    "quote": "> q",
    "table": "| a |\n|---|\n| 1 |",
    "heading": "## H",
    "html": "<div>x</div>",
    "comment": "<!-- other -->",
    "rule": "---",
}
BELOW = {
    "end": None,
    "paragraph": "More prose.",
    "entry": COMPLETE.rstrip("\n"),
    "item": "- c",
    "star-item": "* c",
    "ordered-item": "3. c",
    "indented-2": "  c",
    "indented-4": "    c",
    "heading": "## I",
    "quote": "> r",
    "table": "| b |\n|---|\n| 2 |",
    "comment": "<!-- other -->",
    "rule": "---",
    "setext-underline": "===",
}


@pytest.mark.parametrize("above", ABOVE)
def test_unused_comment_is_deleted_only_where_github_shows_the_same(above: str) -> None:
    offered = 0
    for below, gap_above, gap_below in itertools.product(BELOW, ("", "\n", "\n\n"), ("", "\n")):
        head = "" if ABOVE[above] is None else f"{ABOVE[above]}\n{gap_above}"
        tail = "" if BELOW[below] is None else f"{gap_below}{BELOW[below]}\n"
        text = head + NEXT.format("RL105") + tail
        [finding] = [d for d in lint_text(text, FIX_CONFIG) if d.code == "RL902"]
        if finding.fix is None:
            continue
        offered += 1
        after, _ = apply_fixes(text, [finding.fix])
        assert NEXT.format("RL105") not in after
        assert _shown(after) == _shown(text), (text, after)
    assert offered >= 20


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("- a\n\n" + NEXT.format("RL105") + "\n- b\n", id="lists-join"),
        pytest.param("- a\n\n" + NEXT.format("RL105") + "\n  b\n", id="line-joins-the-item"),
        pytest.param("    x\n\n" + NEXT.format("RL105") + "\n    y\n", id="code-blocks-join"),
        pytest.param(
            "Some prose.\n" + NEXT.format("RL105") + "More prose.\n", id="paragraphs-join"
        ),
    ],
)
def test_where_no_fix_is_offered_deleting_the_comment_would_change_the_page(text: str) -> None:
    [finding] = [d for d in lint_text(text, FIX_CONFIG) if d.code == "RL902"]
    assert finding.fix is None
    assert _shown(text.replace(NEXT.format("RL105"), "")) != _shown(text)


PIECES = st.sampled_from(
    [
        "",
        NEXT.format("RL105").rstrip("\n"),
        NEXT.format("").rstrip("\n"),
        NEXT.format("RL104, RL105").rstrip("\n"),
        "<!-- readme-lint-disable RL105 -->",
        "<!-- readme-lint-disable RL206 -->",
        "<!-- readme-lint-enable -->",
        "<!-- readme-lint-enable RL105 -->",
        "<!-- readme-lint-disable-file RL206 -->",
        "<!-- a plain comment -->",
        *(block for block in [*ABOVE.values(), *BELOW.values()] if block is not None),
        PLACEHOLDER.rstrip("\n"),
        "Trailing space ",
    ]
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES, max_size=10), st.sampled_from(["", "\n", "\r\n"]))
def test_fixing_unused_suppressions_keeps_the_page_and_agrees_with_a_fresh_lint(
    pieces: list[str], end: str
) -> None:
    text = "\n".join(pieces) + end
    # RL902's fixes alone: GitHub shows the same page.
    judge_only = Config(select=("RL104", "RL105", "RL902"))
    alone = fix_text(text, judge_only)
    assert _shown(alone.text) == _shown(text)
    assert fix_text(alone.text, judge_only).text == alone.text
    # With other rules' fixes, which change what the comments hide: one run is enough, and
    # its report is a fresh lint's, incremental or not.
    result = fix_text(text, FIX_CONFIG)
    assert list(result.remaining) == lint_text(result.text, FIX_CONFIG)
    assert fix_text(result.text, FIX_CONFIG).text == result.text
    full = fix_text(text, FIX_CONFIG, incremental=False)
    assert (full.text, full.remaining) == (result.text, result.remaining)


def test_a_comment_whose_finding_a_fix_removes_goes_in_the_same_run() -> None:
    # RL204's fix ends the title line with ' \\', which also ends its trailing spaces: the
    # comment hiding RL206 there hides nothing any more, and --fix removes it too.
    text = (
        "# Papers\n\n"
        + NEXT.format("RL206")
        + entry(TITLE.removesuffix(" \\") + " ", AUTHORS, LINKS, "The comeback.")
    )
    config = Config(extend_select=("RL902",))
    assert [d.code for d in lint_text(text, config)] == ["RL204"]
    result = fix_text(text, config)
    assert result.text == "# Papers\n\n" + COMPLETE
    assert sorted(d.code for d in result.fixed) == ["RL204", "RL902"]
    assert list(result.remaining) == lint_text(result.text, config) == []
    assert fix_text(text, config, incremental=False).text == result.text


def test_a_comment_left_unused_by_a_fix_is_reported_after_it() -> None:
    # The same, where the comment cannot go (it keeps the entry apart from the prose above):
    # the report after --fix names it, as a fresh lint of the fixed text does.
    text = (
        "Some prose.\n"
        + NEXT.format("RL206")
        + entry(TITLE.removesuffix(" \\") + " ", AUTHORS, LINKS, "The comeback.")
    )
    config = Config(extend_select=("RL902",))
    result = fix_text(text, config)
    assert result.text == "Some prose.\n" + NEXT.format("RL206") + COMPLETE
    assert [(d.line, d.code) for d in result.remaining] == [(2, "RL902")]
    assert list(result.remaining) == lint_text(result.text, config)


NESTED = """# List

## Papers

- **Denoising Diffusion Probabilistic Models** [[Paper](https://arxiv.org/abs/2006.11239)]
  {comment}
- **Denoising Diffusion Probabilistic Models** [[Paper](https://arxiv.org/abs/2006.11239)]
"""


@pytest.mark.parametrize(
    ("comment", "expected"),
    [
        pytest.param("<!-- readme-lint-disable-next-line RL303 -->", [], id="hides-the-next-item"),
        pytest.param("<!-- README-LINT-disable-next-line RL303 -->", [], id="any-case"),
        pytest.param(
            "<!-- readme-lint-disable-next-line RL104 -->", [(7, "RL303")], id="other-rule"
        ),
        pytest.param(
            "<!-- readme-lint-disable-nextline RL303 -->",
            [(6, "RL901"), (7, "RL303")],
            id="misspelt-is-reported",
        ),
        pytest.param(
            "```\n  <!-- readme-lint-disable-next-line RL303 -->\n  ```",
            [(9, "RL303")],
            id="in-code",
        ),
    ],
)
def test_a_comment_inside_a_list_item_is_read(
    comment: str, expected: list[tuple[int, str]]
) -> None:
    """A bullet entry is suppressed from inside its list; a misspelt comment there is
    reported, not silently ignored."""
    text = NESTED.format(comment=comment)
    assert [(line, code) for line, _, code in found(text)] == expected


def test_an_unused_comment_inside_a_list_is_reported_without_a_fix() -> None:
    text = NESTED.format(comment="<!-- readme-lint-disable-next-line RL104 -->")
    (finding,) = run(text, "RL902", "RL104")
    assert (finding.line, finding.fixable) == (6, False)
