"""Patterns where ``--fix`` once made a page worse, and shapes that are not entries.

Each case is a snippet of a real list's format; GitHub's renderer (tests/render.py)
judges whether the fixed page is worse than the original.
"""

from __future__ import annotations

import json
import re

import pytest

from readme_lint.config import Config
from readme_lint.core.model import build
from readme_lint.engine.fix import fix_text
from readme_lint.engine.run import lint_text
from tests.conftest import FIXTURES
from tests.render import worse

BR_BREAKS = (
    "# Papers\n\n## Anomaly Detection\n\n"
    "**Diffusion Models for Medical Anomaly Detection** <br>\n"
    "*Julia Wolleb, Florentin Bieder, Robin Sandkühler, Philippe C. Cattin*<br>\n"
    "[8th Mar., 2022] [MICCAI, 2022]<br/>\n"
    "[[Paper](https://arxiv.org/abs/2203.04306)] [[Github](https://github.com/JuliaWolleb/diffusion-anomaly)]\n"
)
TOC_ON_ONE_LINE = (
    "# Video Papers\n\n## Table of Contents\n\n- [Video Generation](#video-generation)\n"
    "- - [Data](#data)\n- - - [Caption-level](#caption-level)\n- [Contact](#contact)\n\n"
    "# Video Generation\n\n## Data\n\n### Caption-level\n\nText.\n\n## Contact\n\nMail.\n"
)
MARKER_AFTER_AUTHORS = (
    "# Papers\n\n**The Riemannian Geometry of Deep Generative Models** \\\n"
    "*Hang Shao, Abhishek Kumar, P. Thomas Fletcher* :zap: \\\n"
    "CVPR 2018. [[Paper](https://arxiv.org/abs/1711.08014)] \\\n"
    "Studies latent-space geometry.\n"
)
SOFT_WRAPPED_CITATION = (
    "# Roadmap\n\n## Object Detection\n\n"
    '**[8]** Dai, Jifeng, et al. "**R-FCN: Object Detection via\n'
    'Region-based Fully Convolutional Networks**." arXiv preprint arXiv:1605.06409 (2016). '
    "[[pdf]](https://arxiv.org/abs/1605.06409) :star::star::star:\n\n"
    '**[9]** Mordvintsev, Alexander; Olah, Christopher (2015). "**Inceptionism: Going Deeper '
    'into Neural Networks**". Google Research. [[html]](https://research.googleblog.com/2015/06/inceptionism.html)\n'
    ":star::star::star::star:\n"
)
NOTE_HEADING = (
    "# Radiology Report Generation\n\n## Contents\n\n- [Surveys](#surveys)\n- [Papers](#papers)\n\n"
    "## Surveys\n\n- A Survey of Deep Learning-based Radiology Report Generation (**arXiv 2405**) "
    "[[paper](https://arxiv.org/abs/2405.12833)]\n\n## Papers\n\n**CVPR'24**\n"
    "- Some Paper Title on Reports (**CVPR'24**) [[paper](https://arxiv.org/abs/2401.00001)] "
    "[[code](https://github.com/x/y)]\n\n## Last update: Jun 7, 2024\n"
)
URL_SPLIT = (
    "# Papers\n\n**Reinforced Cross-modal Alignment for Radiology Report Generation** \\\n"
    "*Han Qin, Yan Song* \\\n"
    "ACL 2022. [[Paper](https://aclanthology.org/2022.findings-acl.38/)] [[Code](https://\n"
    "github.com/cuhksz-nlp/R2GenRL)] \\\n"
    "Aligns images and reports with reinforcement learning.\n"
)
_ENTRY_HEAD = (
    "# Papers\n\n**Denoising Diffusion Probabilistic Models** \\\n*Jonathan Ho, Ajay Jain* \\\n"
)
# A URL ending in an escaped ')' before the break: a space inserted there loses the link.
URL_ENDS_IN_BACKSLASH = (
    _ENTRY_HEAD + "NeurIPS 2020. [Paper](https://example.org/a\\)\\\nThe comeback.\n"
)
# A link, then a link written with a space before its URL, glued to the next one.
GLUED_AND_SPACED = (
    _ENTRY_HEAD + "NeurIPS 2020. [[Paper](https://a.org/x)[code] (https://b.org/y)]"
    "[[Github](https://c.org/z)] \\\nThe comeback.\n"
)
# A ')' too many after a list-style link: another ']' would not mend it.
PAREN_TOO_MANY = (
    _ENTRY_HEAD + "NeurIPS 2020. [[Paper](https://arxiv.org/abs/2206.12159))] \\\nThe comeback.\n"
)
PATTERNS = [
    pytest.param(URL_ENDS_IN_BACKSLASH, id="url-ending-in-a-backslash"),
    pytest.param(GLUED_AND_SPACED, id="links-glued-and-spaced-before-the-url"),
    pytest.param(PAREN_TOO_MANY, id="a-parenthesis-too-many"),
    pytest.param(BR_BREAKS, id="br-line-breaks"),
    pytest.param(TOC_ON_ONE_LINE, id="toc-nested-on-one-line"),
    pytest.param(MARKER_AFTER_AUTHORS, id="read-marker-after-authors"),
    pytest.param(SOFT_WRAPPED_CITATION, id="soft-wrapped-citations"),
    pytest.param(NOTE_HEADING, id="note-headings"),
    pytest.param(URL_SPLIT, id="url-split-across-lines"),
]
ALL = Config(select=("ALL",))


@pytest.mark.parametrize("text", PATTERNS)
@pytest.mark.parametrize("unsafe", [False, True], ids=["safe", "unsafe"])
def test_fix_never_makes_the_page_worse(text: str, unsafe: bool) -> None:
    config = Config(select=("ALL",), unsafe_fixes=unsafe)
    after = fix_text(text, config).text
    assert worse(text, after) == []


def _codes(text: str) -> list[tuple[int, str]]:
    return [(d.line, d.code) for d in lint_text(text, ALL)]


def test_br_breaks_are_hard_breaks() -> None:
    # <br> breaks the line: no missing break, no stray '*' on "*A, B*<br>". (One entry
    # ending in a date line says too little to infer that the list has no summaries.)
    assert _codes(BR_BREAKS) == [(5, "RL104")]
    doc = build(BR_BREAKS)
    assert doc.entries[0].authors is not None
    assert doc.entries[0].authors.text.endswith("Cattin*")


def test_toc_nested_on_one_line_is_understood() -> None:
    doc = build(TOC_ON_ONE_LINE)
    assert doc.toc is not None
    assert [(i.depth, i.text) for i in doc.toc.items] == [
        (0, "Video Generation"),
        (1, "Data"),
        (2, "Caption-level"),
        (0, "Contact"),
    ]
    assert _codes(TOC_ON_ONE_LINE) == []


def test_read_marker_after_authors_moves_and_keeps_the_emphasis() -> None:
    assert _codes(MARKER_AFTER_AUTHORS) == [(4, "RL108")]
    after = fix_text(MARKER_AFTER_AUTHORS).text
    assert "**The Riemannian Geometry of Deep Generative Models** :zap: \\\n" in after
    assert "\n*Hang Shao, Abhishek Kumar, P. Thomas Fletcher* \\\n" in after


def test_citation_is_not_a_paragraph_entry() -> None:
    doc = build(SOFT_WRAPPED_CITATION)
    assert [(e.format, e.title_text) for e in doc.entries] == [
        ("citation", "R-FCN: Object Detection via Region-based Fully Convolutional Networks"),
        ("citation", "Inceptionism: Going Deeper into Neural Networks"),
    ]
    assert _codes(SOFT_WRAPPED_CITATION) == []


def test_note_heading_and_venue_label_are_not_content_to_fix() -> None:
    doc = build(NOTE_HEADING)
    assert [e.first_line for e in doc.entries] == [10, 15]
    assert _codes(NOTE_HEADING) == []


def test_url_split_is_reported_and_never_joined() -> None:
    # Joining would turn the address the page shows into a link: its words would go.
    assert _codes(URL_SPLIT) == [(5, "RL208")]
    assert fix_text(URL_SPLIT).text == URL_SPLIT
    assert fix_text(URL_SPLIT, Config(unsafe_fixes=True)).text == URL_SPLIT


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("# L\n\n**Note:** this list is updated weekly.\n", id="bold-lead-in"),
        pytest.param(
            "# L\n\n**Note:** see [the guide](https://example.org/guide) before you\nsend a PR.\n",
            id="bold-lead-in-with-link",
        ),
        pytest.param(
            "# L\n\n## Papers\n\n**CVPR'24**\n- A Paper Title (**CVPR'24**) [[paper](https://arxiv.org/abs/2401.00001)]\n",
            id="bold-label-above-a-list",
        ),
        pytest.param("# L\n\n## Last update: Jun 7, 2024\n", id="note-heading"),
        pytest.param(
            "# L\n\n- Our survey paper on arXiv: [A Survey](https://arxiv.org/abs/2211.07804)\n",
            id="prose-item-lead-in",
        ),
        pytest.param("# L\n\n- [Papers](#papers)\n- [Code](#code)\n", id="in-page-list"),
    ],
)
def test_non_entries(text: str) -> None:
    doc = build(text)
    assert [e for e in doc.entries if e.first_line > 3 and "CVPR'24**" not in e.title_text] == [
        e for e in doc.entries if e.format == "bullet" and e.venue is not None
    ]
    assert [d.code for d in lint_text(text, ALL) if d.code.startswith("RL1")] == []


SLUGGER = json.loads((FIXTURES / "github-slugger" / "fixtures.json").read_text(encoding="utf-8"))


def _heading(case: dict[str, str]) -> str:
    """The case as a Markdown heading whose text content is the case's input."""
    if "markdownOverwrite" in case:
        return case["markdownOverwrite"]
    return "## " + re.sub(r"([\\`*_\[\]<>#&])", r"\\\1", case["input"])


def _slugger_page(suffix: str) -> str:
    toc = "".join(f"- [case {k}](#{case['expected']}{suffix})\n" for k, case in enumerate(SLUGGER))
    headings = "".join(f"{_heading(case)}\n\ntext\n\n" for case in SLUGGER)
    return "# Anchors\n\n## Contents\n\n" + toc + "\n" + headings


def test_github_anchor_cases_end_to_end() -> None:
    # Every GitHub-verified anchor, linked from a TOC: no toc-anchor finding; broken, 78.
    good = [d for d in lint_text(_slugger_page("")) if d.code == "RL401"]
    assert good == []
    bad = [d for d in lint_text(_slugger_page("-zz")) if d.code == "RL401"]
    assert len(bad) == len(SLUGGER) == 78


def test_incremental_relint_keeps_unsafe_fixes_unsafe() -> None:
    # Found by the render property: after a label fix, the re-lint of that block
    # re-proposed the unsafe '] (' repair as safe, and --fix applied it.
    links = "[[paper](https://arxiv.org/abs/2010.02502)] [[Code] (https://github.com/x/y)] \\"
    text = (
        "# Papers\n\n**Denoising Diffusion Probabilistic Models** \\\n*Jonathan Ho* \\\n"
        "NeurIPS 2020. [[Paper](https://arxiv.org/abs/2006.11239)] \\\nThe comeback.\n\n"
        "**Denoising Diffusion Implicit Models** \\\n*Jiaming Song* \\\n"
        f"ICLR 2021. {links}\nDeterministic.\n\n"
        "**Score-Based Generative Modeling through SDEs** \\\n*Yang Song* \\\n"
        "ICLR 2021. [[Paper](https://arxiv.org/abs/2011.13456)] \\\nSDEs.\n"
    )
    after = fix_text(text, ALL).text
    assert "[[Code] (https://github.com/x/y)]" in after
    assert "[[Paper](https://arxiv.org/abs/2010.02502)]" in after


def test_a_parenthesis_too_many_is_reported_not_bracketed() -> None:
    result = fix_text(PAREN_TOO_MANY, ALL)
    assert result.text == PAREN_TOO_MANY  # no ']' added, nothing reported clean
    assert [(d.code, d.message) for d in result.remaining if d.code == "RL208"] == [
        ("RL208", "a ')' too many after the link")
    ]


def test_a_space_before_the_url_is_reported_not_joined() -> None:
    result = fix_text(GLUED_AND_SPACED, Config(select=("ALL",), unsafe_fixes=True))
    assert result.text == GLUED_AND_SPACED  # no URL glued to the next link, nothing lost
    assert "space between ']' and '(' stops this from being a link" in [
        d.message for d in result.remaining
    ]


@pytest.mark.parametrize("tag", ["<br>", "<br/>", "<br />", "</br>", "<BR>"])
def test_every_spelling_of_a_br_tag_is_a_hard_break(tag: str) -> None:
    # '</br>' too: HTML parsers read it as '<br>', so GitHub breaks the line there, and
    # a fix appending another break would show a blank line.
    text = (
        "# Papers\n\n## Rendering\n\n"
        f"**Neural Volumes: Learning Dynamic Renderable Volumes from Images**{tag}\n"
        f"*Stephen Lombardi, Tomas Simon, Jason Saragih*{tag}\n"
        f"SIGGRAPH 2019. [[Paper](https://arxiv.org/abs/1906.07751)]{tag}\n"
        "Volumes rendered by ray marching.\n"
    )
    assert _codes(text) == []
    assert fix_text(text, ALL).text == text


def test_a_fix_that_flips_the_list_s_link_spacing_habit_relints_in_full() -> None:
    # Found by the render property: entries of one format glue '[[a](u)][[b](v)]' two to
    # one; a break fixed in a glued entry was re-linted alone, where its links decided the
    # habit by themselves, and the incremental report asked to space them.
    text = (
        "# Papers\n\n"
        "**Denoising Diffusion Implicit Models** :zap:\n"
        "> *Jiaming Song, Chenlin Meng, Stefano Ermon* \\\n"
        "> NeurIPS 2020. [[Paper](https://arxiv.org/abs/2010.02502)] [[Code](https://github.com/a/b)]\n"
        "> The comeback.\n\n"
        "**Semi-Supervised Classification with Graph Convolutional Networks** :zap:\n"
        "> *Thomas N. Kipf, Max Welling* \\\n"
        "> ICLR 2017. [[Paper](https://arxiv.org/abs/1609.02907)][[Code](https://github.com/a/c)] \\\n"
        "> The comeback.\n\n"
        "**Attention Is All You Need** :zap:\n"
        "> *Ashish Vaswani, Noam Shazeer, Niki Parmar* \\\n"
        "> NeurIPS 2017. [[Paper](https://arxiv.org/abs/1706.03762)][[Code](https://github.com/a/d)]\n"
        "> The comeback.\n"
    )
    fast, full = fix_text(text, ALL), fix_text(text, ALL, incremental=False)
    assert fast.text == full.text
    assert fast.remaining == full.remaining
