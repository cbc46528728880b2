"""Property: in every entry format, ``--fix`` never makes what GitHub renders worse.

Lists are drawn by hypothesis (so failures shrink): entries in each of the six
formats, break styles ` \\`, two spaces and ``<br>``, blockquotes, tables, numbered
items, setext headings and varied labels, with the defects contributors make.
GitHub's renderer (tests/render.py) compares the page before and after the fix.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readme_lint.config import Config
from readme_lint.core.model import build
from readme_lint.engine.fix import fix_text
from readme_lint.formats import format_names
from tests.conftest import FIXTURES
from tests.render import worse

PAPERS = [
    (
        "Denoising Diffusion Probabilistic Models",
        "Jonathan Ho, Ajay Jain, Pieter Abbeel",
        "2006.11239",
    ),
    (
        "Denoising Diffusion Implicit Models",
        "Jiaming Song, Chenlin Meng, Stefano Ermon",
        "2010.02502",
    ),
    (
        "Semi-Supervised Classification with Graph Convolutional Networks",
        "Thomas N. Kipf, Max Welling",
        "1609.02907",
    ),
    ("Attention Is All You Need", "Ashish Vaswani, Noam Shazeer, Niki Parmar", "1706.03762"),
    (
        "Deep Residual Learning for Image Recognition",
        "Kaiming He, Xiangyu Zhang, Shaoqing Ren, Jian Sun",
        "1512.03385",
    ),
    ("Auto-Encoding Variational Bayes", "Diederik P. Kingma, Max Welling", "1312.6114"),
]
LABELS = st.sampled_from(["Paper", "paper", "PDF", "Code", "Project  Page", "Github"])
BREAKS = st.sampled_from([" \\", "  ", "<br>", " <br/>", "", " \\ "])
DEFECT = st.sampled_from(["", "stray", "glued", "space-label", "marker", "double-space", "empty"])


def _links(arxiv: str, label: str, defect: str) -> str:
    paper = f"[[{label}](https://arxiv.org/abs/{arxiv})]"
    code = "[[Code](https://github.com/example/repo)]"
    if defect == "glued":
        return paper + code
    if defect == "space-label":
        return paper + " [[Code] (https://github.com/example/repo)]"
    if defect == "empty":
        return paper + " [[Code]()]"
    if defect == "double-space":
        return paper + "  " + code
    return paper + " " + code


@st.composite
def paragraph(draw: st.DrawFn, k: int, quoted: bool | None = None) -> str:
    title, authors, arxiv = PAPERS[k % len(PAPERS)]
    defect, brk, label = draw(DEFECT), draw(BREAKS), draw(LABELS)
    stars = "***" if defect == "stray" else "**"
    marker = " :zap:" if defect != "marker" else ""
    author_marker = " :zap:" if defect == "marker" else ""
    lines = [
        f"{stars}{title}**{marker}{brk}",
        f"*{authors}*{author_marker}{draw(BREAKS)}",
        f"NeurIPS 2020. {_links(arxiv, label, defect)}{draw(BREAKS)}",
        draw(st.sampled_from(["The comeback.", "???", "1 Jun 2022"])),
    ]
    if draw(st.booleans()) if quoted is None else quoted:  # the quoted variant
        return lines[0].rstrip("\\ ") + "\n" + "\n".join("> " + line for line in lines[1:])
    return "\n".join(lines)


@st.composite
def item(draw: st.DrawFn, k: int, shapes: tuple[int, ...] = (0, 1, 2, 3, 4)) -> str:
    title, authors, arxiv = PAPERS[k % len(PAPERS)]
    defect, label = draw(DEFECT), draw(LABELS)
    shape = draw(st.integers(0, 4)) if len(shapes) == 5 else draw(st.sampled_from(shapes))
    links = _links(arxiv, label, defect)
    if shape == 0:
        return f"- **M{k}** ({title}) {links}"
    if shape == 1:
        return f"- {title} (**ICLR'2{k % 10}**) {links}"
    if shape == 2:
        return f"{k + 1}. **{title}.** ICLR 2021. [paper](https://arxiv.org/abs/{arxiv})\n   *{authors}.*"
    if shape == 3:
        return f'**[{k + 1}]** {authors}. "**{title}**." ICLR (2021). [[pdf]](https://arxiv.org/abs/{arxiv}) :star:'
    return f"| [{title}](https://arxiv.org/abs/{arxiv}) | ICLR | 2021-01 | [code](https://github.com/x/y{k}) |"


@st.composite
def heading_entry(draw: st.DrawFn, k: int) -> str:
    """A heading that is a paper's link, its venue (and links) and a note under it."""
    title, _, arxiv = PAPERS[k % len(PAPERS)]
    defect, label = draw(DEFECT), draw(LABELS)
    level = draw(st.sampled_from(["###", "####"]))
    venue = draw(st.sampled_from(["ICLR 2021", f"ICLR 2021. {_links(arxiv, label, defect)}"]))
    note = draw(st.sampled_from(["", "\n\n1. **The first paper** to do this\n2. Digital attack"]))
    return f"{level} [{title}](https://arxiv.org/abs/{arxiv})\n\n{venue}{note}"


@st.composite
def document(draw: st.DrawFn) -> str:
    parts = ["# Papers", "", "## Contents", "", "- [Models](#models)", "- [Other](#other)", ""]
    parts += ["Models", "------", ""]
    for k in range(draw(st.integers(1, 4))):
        parts += [draw(paragraph(k)), ""]
    parts += ["## Other", ""]
    rows = [draw(item(k)) for k in range(draw(st.integers(1, 4)))]
    if any(r.startswith("|") for r in rows):
        rows = [r for r in rows if r.startswith("|")]
        parts += ["| Title | Venue | Date | Code |", "|---|---|---|---|", *rows, ""]
    else:
        parts += ["\n\n".join(rows), ""]
    if draw(st.booleans()):
        parts += ["**Note:** this list is updated weekly.", "", "## Last update: Jun 7, 2024", ""]
    if draw(st.booleans()):
        parts += [draw(heading_entry(k)) + "\n" for k in range(draw(st.integers(1, 2)))]
    if draw(st.booleans()):
        rows = [draw(html_table_row(k)) for k in range(draw(st.integers(2, 3)))]
        parts += ["## Tables", "", "<table>", *rows, "</table>", ""]
    if draw(st.booleans()):
        parts += ["## Notes", "", draw(details_entry(0)), "", draw(details_entry(1)), ""]
    return "\n".join(parts)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document(), st.booleans())
def test_fix_never_makes_the_rendered_page_worse(text: str, unsafe: bool) -> None:
    config = Config(select=("ALL",), unsafe_fixes=unsafe)
    after = fix_text(text, config).text
    problems = worse(text, after)
    if unsafe:
        # Unsafe fixes may add TOC items or turn text into a heading; never lose or break markup.
        problems = [p for p in problems if not p.startswith(("words lost", "links changed"))]
    assert problems == []
    assert fix_text(after, config).text == after


@st.composite
def details_entry(draw: st.DrawFn, k: int) -> str:
    """A <details> block a paper: the title and its <a href> link in the summary, notes."""
    title, _, arxiv = PAPERS[k % len(PAPERS)]
    opening = draw(st.sampled_from(["<details><summary>", "<details>\n<summary>"]))
    year = draw(st.sampled_from(["", " (2021)"]))
    note = draw(st.sampled_from(["", "\n\n> A quoted abstract.\n", "\n\n- A note on it.\n"]))
    return (
        f'{opening}{title}{year} [<a href="https://arxiv.org/abs/{arxiv}">Paper</a>]</summary>'
        f"{note}\n</details>"
    )


@st.composite
def html_table_row(draw: st.DrawFn, k: int) -> str:
    """A row of an HTML table a paper: the title an <a href> (or a cell beside a 'pdf' link)."""
    title, _, arxiv = PAPERS[k % len(PAPERS)]
    url = f"https://arxiv.org/abs/{arxiv}"
    code = draw(st.sampled_from(["", ' <a href="https://github.com/x/y">code</a>']))
    cells = draw(
        st.sampled_from(
            [
                [f'<a href="{url}">{title}</a>', "Google", code],
                ["2021", f'<a href="{url}">{title}</a>', code],
                [title, "ICLR 2021", f'<a href="{url}">pdf</a>{code}'],
            ]
        )
    )
    sep = draw(st.sampled_from(["", "\n    "]))
    body = "".join(f"{sep}<td>{cell}</td>" for cell in cells)
    return f"  <tr>{body}{sep and chr(10) + '  '}</tr>"


# Each entry format's entries, as the strategies above write them (one key per format of
# the registry: a new format needs its shape here, as it needs its fixtures).
SHAPES = {
    "paragraph": lambda k: paragraph(k, quoted=False),
    "paragraph-quoted": lambda k: paragraph(k, quoted=True),
    "bullet": lambda k: item(k, (0, 1)),
    "numbered": lambda k: item(k, (2,)),
    "citation": lambda k: item(k, (3,)),
    "table": lambda k: item(k, (4,)),
    "heading": heading_entry,
    "details": details_entry,
    "html-table": html_table_row,
}


def test_the_strategies_reach_every_entry_format() -> None:
    assert set(SHAPES) == set(format_names())


@st.composite
def one_format(draw: st.DrawFn) -> tuple[str, str]:
    fmt = draw(st.sampled_from(format_names()))
    entries = [draw(SHAPES[fmt](k)) for k in range(draw(st.integers(3, 5)))]
    head, tail = [], []
    if fmt == "table":
        head = ["| Title | Venue | Date | Code |", "|---|---|---|---|"]
    if fmt == "html-table":
        head, tail = ["<table>", "  <tr><th>Title</th><th>More</th></tr>"], ["</table>"]
    sep = "\n" if head else "\n\n"
    return fmt, "\n".join(["# Papers", "", "## Models", "", *head, sep.join(entries), *tail, ""])


@settings(max_examples=60, deadline=None)
@given(one_format())
def test_each_format_s_entries_are_read_in_that_format(case: tuple[str, str]) -> None:
    fmt, text = case
    doc = build(text)
    assert doc.entries, text
    assert {e.format for e in doc.entries} == {fmt}, text


@settings(max_examples=40, deadline=None)
@given(document())
def test_generated_lists_are_read_in_their_formats(text: str) -> None:
    doc = build(text)
    assert doc.entries, text
    assert {e.format for e in doc.entries} <= set(format_names())


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document(), st.booleans())
def test_incremental_fixing_equals_full_relints_in_every_format(text: str, unsafe: bool) -> None:
    # The fixer derives each round's report from a re-lint of the edited blocks when
    # nothing a document rule reads changed; the result must be a full lint's.
    config = Config(select=("ALL",), unsafe_fixes=unsafe)
    fast, full = fix_text(text, config), fix_text(text, config, incremental=False)
    assert fast.text == full.text
    assert fast.remaining == full.remaining
    assert fast.hints == full.hints


# Snippets in the shapes real lists use (tests/fixtures/snippets, written for these tests),
# mutated as contributors and PDF copies break them: a stray mark inserted, a character
# or two deleted, a line break added or lost, indentation changed.
SNIPPETS = sorted((FIXTURES / "snippets").glob("*.md"))
MARKS = [
    "*",
    "**",
    "\\",
    " \\",
    " \\ ",
    " ",
    "  ",
    "<br>",
    "[",
    "]",
    "(",
    ")",
    "|",
    "\n",
    "\n\n",
    " :zap:",
    "#",
    "> ",
    "- ",
    "    ",
    "\u00a0",
    "`",
]


@st.composite
def mutated_snippet(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(SNIPPETS)).read_text(encoding="utf-8")
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(text)))
        if draw(st.booleans()):
            text = text[:at] + draw(st.sampled_from(MARKS)) + text[at:]
        else:
            text = text[:at] + text[at + draw(st.integers(1, 3)) :]
    return text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_snippet(), st.booleans())
def test_fix_never_makes_a_mutated_real_shape_worse(text: str, unsafe: bool) -> None:
    config = Config(select=("ALL",), unsafe_fixes=unsafe)
    result = fix_text(text, config)
    problems = worse(text, result.text)
    if unsafe:
        problems = [p for p in problems if not p.startswith(("words lost", "links changed"))]
    assert problems == []
    assert fix_text(result.text, config).text == result.text
