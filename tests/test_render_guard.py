"""The fixer's run-time render check (readme_lint.engine.render): a fix may change what
GitHub renders only as its ``Render`` flags declare; any other change withholds it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from readme_lint.config import Config
from readme_lint.core.diagnostics import Edit, Fix, Render, Violation
from readme_lint.core.lines import LineIndex
from readme_lint.core.model import build
from readme_lint.engine.fix import fix_text
from readme_lint.engine.render import check_round, units
from readme_lint.rules import Rule, all_rules
from readme_lint.rules.registry import LintContext
from tests.conftest import use_only

ENTRY = (
    "**Denoising Diffusion Probabilistic Models** :zap: \\\n"
    "*Jonathan Ho, Ajay Jain, Pieter Abbeel* \\\n"
    "NeurIPS 2020. [[Paper](https://arxiv.org/abs/2006.11239)] \\\n"
    "The comeback.\n"
)
# Wide marker padding sets the item's content column: the authors, indented to it after a
# blank line, belong to the item; with the padding collapsed they become a code block.
NUMBERED = (
    "8.   **Attention Is All You Need.**\n"
    "\n"
    "       *Ashish Vaswani, Noam Shazeer.* [[pdf]](https://arxiv.org/abs/1706.03762)\n"
)


def _fix(text: str, old: str, new: str, render: Render = Render.NONE, nth: int = 0) -> Fix:
    at = -1
    for _ in range(nth + 1):
        at = text.index(old, at + 1)
    return Fix(f"{old!r} -> {new!r}", (Edit(at, at + len(old), new),), render=render)


# (id, text, old, new, declared effect, whether the fix may apply)
CASES = [
    ("spaces-collapse", "a  b\n", "a  b", "a b", Render.NONE, True),
    ("trailing-space", "text \n\nmore\n", "text ", "text", Render.NONE, True),
    ("marker-padding-makes-code", NUMBERED, "8.   ", "8. ", Render.NONE, False),
    ("undeclared-word-change", ENTRY, "comeback", "come back", Render.NONE, False),
    ("balance-title", "**Title* \\\n*A, B*\n", "**Title*", "**Title**", Render.EMPHASIS, True),
    (
        "open-asterisk-deleted",
        "**Title** \\\n*A, B*<br><br>\nVenue.\n",
        "*A, B*",
        "A, B*",
        Render.EMPHASIS,
        False,
    ),
    ("space-after-backslash", "a \\ \nb\n", "a \\ ", "a \\", Render.BREAK, True),
    ("break-declared-word-lost", "a \\ \nb c\n", "b c", "b", Render.BREAK, False),
    ("label-becomes-link", "[[Code] (https://x.org/a)]\n", "] (", "](", Render.LINK, True),
    (
        "link-loses-url",
        "[[Code](https://x.org/a)]\n",
        "(https://x.org/a)",
        "(https://x.org)",
        Render.LINK,
        False,
    ),
    (
        "href-retarget",
        "- [Models](#model)\n\n## Models\n",
        "#model)",
        "#models)",
        Render.HREF,
        True,
    ),
    (
        "href-changes-text",
        "- [Models](#model)\n\n## Models\n",
        "[Models](#model)",
        "[M](#models)",
        Render.HREF,
        False,
    ),
    ("label-case", "[[paper](https://x.org/a)]\n", "[paper]", "[Paper]", Render.LABEL, True),
    (
        "label-edge-space",
        "[[Paper ](https://x.org/a)]\n",
        "[Paper ]",
        "[Paper]",
        Render.LABEL,
        True,
    ),
    (
        "label-edge-space-undeclared",
        "[[Paper ](https://x.org/a)]\n",
        "[Paper ]",
        "[Paper]",
        Render.NONE,
        False,
    ),
    (
        "label-word-lost",
        "[[Paper one](https://x.org/a)]\n",
        "[Paper one]",
        "[Paper]",
        Render.LABEL,
        False,
    ),
    ("heading-space", "#Models\n\ntext\n", "#Models", "# Models", Render.HEADING, True),
    (
        "comment-removed",
        "<!-- readme-lint-disable RL105 -->\n\ntext\n",
        "<!-- readme-lint-disable RL105 -->\n\n",
        "",
        Render.COMMENT,
        True,
    ),
    (
        "comment-and-text-removed",
        "<!-- x -->\n\ntext\n",
        "<!-- x -->\n\ntext",
        "",
        Render.COMMENT,
        False,
    ),
    (
        "marker-moves",
        "**T** \\\n*A* :zap: \\\nV.\n",
        "**T** \\\n*A* :zap:",
        "**T** :zap: \\\n*A*",
        Render.MARKER,
        True,
    ),
    (
        "space-between-links",
        "[a](https://x.org)[b](https://y.org)\n",
        ")[",
        ") [",
        Render.SPACE,
        True,
    ),
    (
        "join-paragraphs",
        "**T** \\\n*A* \\\nV. \\\n\nSummary.\n",
        "\\\n\nSummary",
        "\\\nSummary",
        Render.PARAGRAPHS | Render.BREAK,
        True,
    ),
    (
        "swallows-the-next-block",
        "First paragraph.\n\nSecond one with [a link](https://x.org).\n",
        "First paragraph.",
        "First paragraph.\n```",
        Render.NONE,
        False,
    ),
]


@pytest.mark.parametrize(
    ("text", "old", "new", "render", "applies"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_a_fix_applies_only_when_its_render_is_as_declared(
    text: str, old: str, new: str, render: Render, applies: bool
) -> None:
    fix = _fix(text, old, new, render)
    accepted, withheld = check_round(text, [fix], ":zap:")
    assert (accepted == [fix]) is applies
    assert (len(withheld) == 1) is not applies


def test_a_bad_fix_is_withheld_and_its_neighbours_still_apply() -> None:
    text = ENTRY + "\n" + NUMBERED + "\n" + ENTRY.replace("comeback", "comeback  again")
    good_first = _fix(text, ":zap: \\", ":zap: \\")  # a no-op in the first entry
    bad = _fix(text, "8.   ", "8. ")
    good_last = _fix(text, "comeback  again", "comeback again")
    accepted, withheld = check_round(text, [good_first, bad, good_last], ":zap:")
    assert accepted == [good_first, good_last]
    assert [(w.fix, w.first_line, w.last_line) for w in withheld] == [(bad, 6, 6)]


def test_fixes_in_one_item_are_split_until_the_culprit_is_found() -> None:
    text = "- **A**  (x) [[Code] (https://x.org/a)]\n- **B** (y)\n"
    spaces = _fix(text, "**  (", "** (")
    link = _fix(text, "] (", "](", Render.LINK)
    breaks = _fix(text, "- **B**", "-**B**")  # the item is no longer an item
    accepted, withheld = check_round(text, [spaces, link, breaks], ":zap:")
    assert accepted == [spaces, link]
    assert [w.fix for w in withheld] == [breaks]


@pytest.mark.parametrize(
    "text",
    [
        "# List\n\n- a\n- b\n\n  more of b\n\n> quoted\n>\n> again\n\nend\n",
        "| a | b |\n|---|---|\n| 1 | 2 |\n\n1. one\n2. two\n",
        "<div>\nhtml\n</div>\n\npara\ngraph\n\n```\ncode\n```\n",
    ],
)
def test_units_from_the_model_match_whole_text_render_for_containers(text: str) -> None:
    doc = build(text)
    blocks = [(b.kind, b.first_line, b.last_line) for b in doc.blocks]
    from_model = units(text, blocks, LineIndex(text))
    from_render = units(text)
    # The list and quote children start where they do in a render of the whole text
    # (a trailing blank line may be counted to a child or not; HTML blocks have no
    # source position in cmark's output).
    children = {
        u
        for u in from_render
        if any(b[0] in ("list", "quote") and b[1] <= u[0] <= b[2] for b in blocks)
    }
    assert {u[0] for u in children} <= {u[0] for u in from_model}


def test_a_lone_cr_judges_the_whole_text() -> None:
    assert units("a\rb\n") == []


@pytest.fixture
def padding_eater(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A whitespace rule that declares no render change and deletes a list marker's padding
    (the fix that once turned a numbered item's next line into a code block)."""

    def check(ctx: LintContext) -> Iterator[Violation]:
        text = ctx.doc.text
        for at in (i for i in range(len(text)) if text.startswith(".   ", i)):
            line = text.count("\n", 0, at) + 1
            yield Violation(line, 1, "padding", Fix("collapse", (Edit(at + 1, at + 4, " "),)))
        at = text.find("comeback  again")
        if at != -1:
            line = text.count("\n", 0, at) + 1
            yield Violation(line, 1, "spaces", Fix("collapse", (Edit(at + 8, at + 10, " "),)))

    rule = Rule(
        "RL598", "padding-eater", "Eats padding.", all_rules()[0].severity, True, True, check
    )
    use_only(monkeypatch, rule)
    yield


@pytest.mark.usefixtures("padding_eater")
def test_fix_text_withholds_one_fix_and_applies_the_rest() -> None:
    text = NUMBERED + "\n" + ENTRY.replace("comeback", "comeback  again")
    result = fix_text(text, Config())
    assert "8.   **Attention" in result.text  # the padding stays
    assert "comeback again" in result.text  # the other fix applied
    (kept,) = result.withheld
    assert kept.reason == "fix withheld: it would change how GitHub renders line 1"
    (left,) = result.remaining
    assert left.fix is None and left.message.endswith(
        "(fix withheld: it would change how GitHub renders line 1)"
    )
    assert fix_text(result.text, Config()).text == result.text
