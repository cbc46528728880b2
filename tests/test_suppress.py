"""Inline <!-- readme-lint-... --> comments."""

from __future__ import annotations

import pytest

from tests.conftest import found
from tests.test_rules import AUTHORS, LINKS, TITLE, entry

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


def test_second_comment_of_a_block_is_reported_at_its_own_line() -> None:
    text = "<!-- readme-lint-disable RL105 -->\n<!-- readme-lint-disable RL999 -->\n\ntext\n"
    assert [(line, code) for line, _, code in found(text, "RL901")] == [(2, "RL901")]
