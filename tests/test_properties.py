"""Properties over generated input (hypothesis)."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readme_lint.config import Config
from readme_lint.diagnostics import apply_fixes
from readme_lint.engine import lint_text
from readme_lint.model import split_lines

ALL = Config(select=("ALL",))

# Markdown-ish alphabet: the characters the rules care about, plus a little Unicode.
PIECES = st.sampled_from(
    [
        "**",
        "*",
        "\\",
        " \\",
        "  ",
        " ",
        "\t",
        "\n",
        "\r\n",
        "\n\n",
        "[[",
        "]]",
        "[",
        "]",
        "(",
        ")",
        "](",
        "#",
        "## ",
        "- ",
        "`",
        "```\n",
        ":zap:",
        "<!-- readme-lint-disable -->",
        "<!-- readme-lint-disable-next-line RL104 -->\n",
        "https://arxiv.org/abs/2006.11239",
        "Title",
        "Ho, Jain",
        "NeurIPS 2020",
        "CVPR 2023",
        "ICCV2023",
        "???",
        "Jul 2021",
        "é",
        "🚀",
    ]
)
MARKDOWNISH = st.lists(PIECES, max_size=60).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(MARKDOWNISH, st.text(max_size=300)))
def test_any_text_lints_with_positions_and_edits_in_bounds(text: str) -> None:
    lines = split_lines(text)
    for d in lint_text(text, ALL):
        assert 1 <= d.line <= len(lines)
        assert 1 <= d.column <= len(lines[d.line - 1].text) + 1
        if d.fix is not None:
            for edit in d.fix.edits:
                assert 0 <= edit.start <= edit.end <= len(text)


_URL = re.compile(r"https?://[^\s)\]\\]+")


@settings(max_examples=200, deadline=None)
@given(MARKDOWNISH)
def test_one_round_of_fixes_keeps_every_url(text: str) -> None:
    fixes = [d.fix for d in lint_text(text, ALL) if d.fix is not None]
    out, _ = apply_fixes(text, fixes)
    assert sorted(_URL.findall(out)) == sorted(_URL.findall(text))


WORD = st.text(alphabet=st.characters(whitelist_categories=("Lu", "Ll")), min_size=2, max_size=10)
NAME = st.builds(lambda a, b: f"{a.title()} {b.title()}", WORD, WORD)


@st.composite
def clean_entry(draw: st.DrawFn, index: int = 0) -> str:
    title = " ".join(draw(st.lists(WORD, min_size=1, max_size=8)))
    marker = draw(st.sampled_from(["", " :zap:"]))
    authors = ", ".join(draw(st.lists(NAME, min_size=1, max_size=4, unique=True)))
    year = draw(st.integers(2010, 2025))
    venue = draw(st.sampled_from(["NeurIPS", "ICLR", "CVPR", "arXiv"]))
    summary = " ".join(draw(st.lists(WORD, min_size=1, max_size=12)))
    return (
        f"**{title.title()}**{marker} \\\n*{authors}* \\\n"
        f"{venue} {year}. [[Paper](https://arxiv.org/abs/{year % 100:02d}01.{index:05d})] \\\n"
        f"{summary.capitalize()}.\n"
    )


@settings(max_examples=150, deadline=None)
@given(st.lists(clean_entry(), min_size=1, max_size=5))
def test_well_formed_entries_are_clean(entries: list[str]) -> None:
    # Give each entry its own paper and title so duplicates are not in play.
    distinct = [
        e.replace("01.00000", f"01.{i:05d}").replace("** ", f" {i}** ", 1)
        for i, e in enumerate(entries)
    ]
    text = "# List\n\n" + "\n".join(distinct)
    assert [(d.line, d.code) for d in lint_text(text, ALL)] == []
