"""Properties over generated input (hypothesis)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import TypeVar

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from generate import _DEFECTS, entry  # type: ignore[import-not-found]
from generate import generate as generate_list  # type: ignore[import-not-found]
from readme_lint.config import Config
from readme_lint.core.diagnostics import apply_fixes
from readme_lint.core.model import split_lines
from readme_lint.engine.fix import fix_text
from readme_lint.engine.run import lint_text
from tests.render import web_links

T = TypeVar("T")

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


@settings(max_examples=200, deadline=None)
@given(MARKDOWNISH)
def test_one_round_of_safe_fixes_keeps_every_link(text: str) -> None:
    fixes = [d.fix for d in lint_text(text, ALL) if d.fix is not None and d.fix.safe]
    out, _ = apply_fixes(text, fixes)
    assert _hrefs(out) == _hrefs(text)


def _hrefs(text: str) -> Counter[str]:
    # GitHub autolinks a bare URL with a dangling backslash after it into the URL
    # (``...11239%5C``); deleting that backslash mends the link, it loses nothing (and the
    # emphasis marks before it, no longer inside the URL, end it as GFM's autolinks do).
    return Counter(_mended(u) for u in web_links(text).elements())


def _mended(url: str) -> str:
    """The URL without the backslashes and the trailing punctuation GFM's autolink took
    in (``...11239%5C**%5C``: any mix of them)."""
    while True:
        shorter = url.removesuffix("%5C").rstrip("?!.,:*_~")
        if shorter == url:
            return url
        url = shorter


# Letters of any script, but no ligatures (U+FB00..FB06): those are PDF artefacts (RL115).
LETTER = st.characters(whitelist_categories=("Lu", "Ll")).filter(
    lambda c: not "\ufb00" <= c <= "\ufb4f"
)
WORD = st.text(alphabet=LETTER, min_size=2, max_size=10)
NAME = st.builds(lambda a, b: f"{a.title()} {b.title()}", WORD, WORD)


@st.composite
def clean_entry(draw: st.DrawFn, index: int = 0) -> str:
    title = " ".join(draw(st.lists(WORD, min_size=1, max_size=8)))
    marker = draw(st.sampled_from(["", " :zap:"]))
    authors = ", ".join(draw(st.lists(NAME, min_size=1, max_size=4, unique=True)))
    year = draw(st.integers(2015, 2025))  # five-digit arXiv ids (from 1501 on)
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


# ---------------------------------------------------------------- fixing

EXTRA_DEFECTS = [
    lambda lines: [lines[0], lines[1] + "  ", *lines[2:]],  # trailing spaces (a two-space break)
    lambda lines: [lines[0] + "\t", *lines[1:]],  # tab after the backslash
    lambda lines: [lines[0], "**" + lines[1], *lines[2:]],  # stray asterisks on the authors
    lambda lines: [
        lines[0],
        lines[1],
        lines[2].replace("] [[", "][["),
        *lines[3:],
    ],  # links run together
    lambda lines: [*lines[:3], "", "", *lines[3:]],  # summary split by two blank lines
    lambda lines: [*lines[:-1], lines[-1] + " "],  # a trailing space (not a break)
]
ALL_DEFECTS = [*_DEFECTS, *EXTRA_DEFECTS]


class _Drawn:
    """The part of ``random.Random`` that ``generate.entry`` uses, drawn from hypothesis."""

    def __init__(self, draw: st.DrawFn) -> None:
        self._draw = draw

    def choice(self, items: Sequence[T]) -> T:
        return self._draw(st.sampled_from(items))

    def sample(self, items: Sequence[T], k: int) -> list[T]:
        return self._draw(st.permutations(items))[:k]

    def randint(self, low: int, high: int) -> int:
        return self._draw(st.integers(low, high))


@st.composite
def defective_list(draw: st.DrawFn) -> tuple[str, str]:
    """(broken list, the same list before the defects were injected)."""
    count = draw(st.integers(1, 6))
    clean_entries = [entry(_Drawn(draw), i) for i in range(count)]
    broken_entries = []
    for lines in clean_entries:
        for k in draw(st.lists(st.integers(0, len(ALL_DEFECTS) - 1), max_size=3)):
            lines = ALL_DEFECTS[k](lines)
        broken_entries.append(lines)
    crlf = draw(st.booleans())

    def render(entries: list[list[str]]) -> str:
        text = (
            "# List\n\n## Contents\n- [Papers](#papers)\n\n## Papers\n\n"
            + "\n\n".join("\n".join(e) for e in entries)
            + "\n"
        )
        return text.replace("\n", "\r\n") if crlf else text

    return render(broken_entries), render(clean_entries)


def _words(text: str) -> list[str]:
    return [w.casefold() for w in re.findall(r"\w+", text) if w != "zap"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(defective_list())
def test_fixing_is_idempotent_complete_and_lossless(case: tuple[str, str]) -> None:
    broken, _ = case
    once = fix_text(broken, ALL)
    assert fix_text(once.text, ALL).text == once.text
    assert [d for d in once.remaining if d.fix is not None] == []
    assert web_links(once.text) == web_links(broken)
    assert _words(once.text) == _words(broken)


@settings(max_examples=100, deadline=None)
@given(defective_list())
def test_clean_lists_come_back_byte_for_byte(case: tuple[str, str]) -> None:
    _, clean = case
    assert fix_text(clean, ALL).text == clean


@settings(max_examples=100, deadline=None)
@given(defective_list())
def test_injected_defects_are_repaired_to_the_clean_list(case: tuple[str, str]) -> None:
    broken, clean = case
    # Every injected defect is mechanically fixable except a placeholder summary
    # (which replaces the summary) and a two-space break (valid Markdown, kept).
    assume("???" not in broken and "  \n" not in broken.replace("\r\n", "\n"))
    # Links glued in most entries are the list's style, not a defect (RL208).
    assume(broken.count(")][[") <= broken.count(")] [["))
    # Label spelling is relative to the list; say which spelling is canonical.
    config = Config(select=("ALL",), labels=("Paper", "Code"))
    assert fix_text(broken, config).text == clean


def _outcome(text: str, incremental: bool, config: Config = ALL) -> object:
    result = fix_text(text, config, incremental=incremental)
    remaining = [
        (d.line, d.column, d.code, d.message, d.fix, d.end, d.covers) for d in result.remaining
    ]
    return result.text, remaining, result.hints, sorted(d.code for d in result.fixed)


@st.composite
def sectioned_defective_list(draw: st.DrawFn) -> str:
    """A defective list with sections, a TOC and suppression comments mixed in."""
    broken, _ = draw(defective_list())
    lines = broken.split("\n")
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(lines)))
        lines.insert(
            at,
            draw(
                st.sampled_from(
                    [
                        "",
                        "## Section",
                        "<!-- readme-lint-disable-next-line -->",
                        "<!-- readme-lint-disable RL205 -->",
                        "<!-- readme-lint-enable -->",
                        "Some prose \\",
                        "```",
                        "- [Section](#section)",
                    ]
                )
            ),
        )
    return "\n".join(lines)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(sectioned_defective_list(), MARKDOWNISH))
def test_incremental_relint_agrees_with_a_full_relint(text: str) -> None:
    assert _outcome(text, incremental=True) == _outcome(text, incremental=False)


def test_incremental_relint_agrees_on_a_large_generated_list() -> None:
    text = generate_list(600, seed=5, defects=0.2)
    default = Config()
    assert _outcome(text, True, default) == _outcome(text, False, default)
