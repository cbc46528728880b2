"""The document model: entry fields with exact positions, sections, TOC, code lines."""

from __future__ import annotations

import pytest

from readme_lint.core.model import Span, build

LIST = """# List

## Contents
- [Papers](#papers)
  - [Must-Read](#must-read)

# Papers
## Must-Read

**Variational Diffusion Models** :zap: \\
*Diederik P. Kingma, Tim Salimans* \\
NeurIPS 2021. [[Paper](https://arxiv.org/abs/2107.00630)] [[Github](https://github.com/x/vdm)] \\
1 Jul 2021 \\
Learns the noise schedule
by modeling the SNR.

```md
**Not An Entry** \\
```
"""


def test_entry_fields_and_positions() -> None:
    doc = build(LIST)
    (entry,) = doc.entries
    assert (entry.first_line, entry.last_line) == (10, 15)
    assert entry.section is not None and entry.section.text == "Must-Read"
    assert entry.title is not None
    assert entry.title.text == Span(10, 3, 31, "Variational Diffusion Models")
    assert (entry.title.opening, entry.title.closing) == ("**", "**")
    assert entry.markers == (Span(10, 34, 39, ":zap:"),)
    assert entry.authors == Span(11, 1, 35, "*Diederik P. Kingma, Tim Salimans*")
    assert entry.venue == Span(12, 1, 14, "NeurIPS 2021.")
    assert entry.year == "2021"
    assert entry.links_line == 12
    paper, code = entry.links
    assert (paper.col, paper.end_col, paper.bracketed) == (15, 58, True)
    assert paper.label == Span(12, 17, 22, "Paper")
    assert paper.target == Span(12, 24, 56, "https://arxiv.org/abs/2107.00630")
    assert code.label.text == "Github" and code.target.text == "https://github.com/x/vdm"
    assert entry.date == Span(13, 1, 11, "1 Jul 2021")
    assert [s.line for s in entry.summary] == [14, 15]
    assert entry.summary_text == "Learns the noise schedule by modeling the SNR."


def test_sections_toc_and_code() -> None:
    doc = build(LIST)
    assert [(h.level, h.anchor) for h in doc.headings] == [
        (1, "list"),
        (2, "contents"),
        (1, "papers"),
        (2, "must-read"),
    ]
    assert (
        doc.toc is not None and doc.toc.heading is not None and doc.toc.heading.text == "Contents"
    )
    assert [(i.line, i.depth, i.text) for i in doc.toc.items] == [
        (4, 0, "Papers"),
        (5, 1, "Must-Read"),
    ]
    assert doc.code_lines == {17, 18, 19}
    assert [h.text for h in doc.heading_path(doc.entries[0].section)] == ["Must-Read", "Papers"]


def test_lines_keep_offsets_with_crlf() -> None:
    doc = build("a\r\nbb\nc")
    assert [(ln.number, ln.start, ln.text, ln.eol) for ln in doc.lines] == [
        (1, 0, "a", "\r\n"),
        (2, 3, "bb", "\n"),
        (3, 6, "c", ""),
    ]
    assert doc.offset(2, 2) == 4


RESNET = (
    "## Attacks\n\n### ResNet\n**Deep Residual Learning for Image Recognition**\n"
    "Kaiming He, Xiangyu Zhang, Shaoqing Ren, Jian Sun\n"
    "- pdf: [https://arxiv.org/abs/1512.03385](https://arxiv.org/abs/1512.03385)\n"
    "- code: [torch : https://github.com/facebook/fb.resnet.torch]"
    "(https://github.com/facebook/fb.resnet.torch)\n"
)
HEADINGS = [
    # (text, entries read in the 'heading' format)
    pytest.param(
        "## Attacks\n\n#### [Adversarial Patch](https://arxiv.org/abs/1712.09665)\n\n"
        "arXiv 1712; NeurIPS workshop 2017\n\n1. **The first paper** to do this\n",
        1,
        id="paper-link-with-venue-and-notes",
    ),
    pytest.param(
        "## Attacks\n\n#### [Adversarial Sticker: A Stealthy Attack Method in the Physical World]"
        "(https://ieeexplore.ieee.org/abstract/document/9779913)\n\nTPAMI\n",
        1,
        id="publisher-page",
    ),
    pytest.param(
        "## Attacks\n\n### [Certified Defenses for Adversarial Patches](https://example.org/p)"
        " (ICLR 2020)\n",
        1,
        id="venue-with-year-in-the-heading",
    ),
    pytest.param(
        "## Contributing\n\n### [How to submit a pull request?](https://docs.github.com/pr)\n\n"
        "Fork, then open a pull request.\n",
        0,
        id="a-page-is-no-paper",
    ),
    pytest.param(
        "## Attacks\n\n### **Adversarial Patch Attacks on Detectors**\n\n"
        "NeurIPS 2017 [[Paper](https://arxiv.org/abs/1712.09665)] [[Code](https://github.com/a/b)]\n\n"
        "The first patch attack.\n",
        1,
        id="bold-title-heading-its-paper-link-under-it",
    ),
    pytest.param(
        "## Attacks\n\n### **Physical World Attacks**\n\n"
        "**Adversarial Patch** \\\n[[Paper](https://arxiv.org/abs/1712.09665)]\n\n"
        "**Robust Physical-World Attacks on Deep Learning Models** \\\n"
        "[[Paper](https://arxiv.org/abs/1707.08945)]\n",
        0,
        id="bold-category-heading-over-several-papers",
    ),
    pytest.param(
        "## Attacks\n\n### **Related Resources Page**\n\nSee [our blog](https://example.org/b).\n",
        0,
        id="bold-heading-without-a-paper",
    ),
    pytest.param(
        RESNET,
        1,
        id="name-heading-bold-title-authors-and-link-bullets",
    ),
    pytest.param(
        "## Attacks\n\n### GeNet\n**Genetic CNN**\nLingxi Xie, Alan Yuille\n"
        "- pdf: [https://arxiv.org/abs/1703.01513](https://arxiv.org/abs/1703.01513)\n",
        1,
        id="name-heading-two-word-bold-title",
    ),
    pytest.param(
        "## Attacks\n\n### Surveys\n**Recent surveys of the field**\n"
        "- [A](https://arxiv.org/abs/1512.03385)\n- [B](https://arxiv.org/abs/1703.01513)\n",
        0,
        id="name-heading-over-two-papers-is-a-section",
    ),
    pytest.param("## [paper](https://arxiv.org/abs/1712.09665)\n\ntext\n", 0, id="label-no-title"),
    pytest.param("## [Models](#models)\n\ntext\n", 0, id="in-page-link"),
]


@pytest.mark.parametrize(("text", "count"), HEADINGS)
def test_headings_that_are_papers(text: str, count: int) -> None:
    doc = build(text)
    found = [e for e in doc.entries if e.format == "heading"]
    assert len(found) == count
    for entry in found:  # the entry is in the section its heading is under
        assert entry.section is not None and entry.section.name == "Attacks"


def test_notes_under_a_paper_heading_are_not_entries() -> None:
    doc = build(
        "## Defenses\n\n#### [(De)Randomized Smoothing for Certifiable Defense against Patch"
        " Attacks](https://arxiv.org/abs/2002.10733)\n\nNeurIPS 2020\n\n"
        "1. **Certified defense.** ViT + [De-randomized Smoothing](https://arxiv.org/abs/2002.10733)\n"
        "2. **Efficient.** Drops tokens [code](https://github.com/x/y)\n"
        "3. **Strong.** Beats [PatchGuard](https://arxiv.org/abs/2005.10884)\n"
    )
    assert [e.format for e in doc.entries] == ["heading"]


def test_bullets_that_start_with_the_paper_s_link() -> None:
    doc = build(
        "## Detection\n\n"
        "- [[CVPR2023](https://arxiv.org/abs/2303.11327)] PiMAE: Point Cloud and Image Interactive"
        " Masked Autoencoders [[github](https://github.com/BLVLab/PiMAE)]\n"
        "- [[Arxiv](https://arxiv.org/abs/2304.06906)] Swin3D: A Pretrained Transformer Backbone\n"
    )
    assert [
        (e.format, e.title and e.title.text.text, e.venue and e.venue.text) for e in doc.entries
    ] == [
        ("bullet", "PiMAE: Point Cloud and Image Interactive Masked Autoencoders", "CVPR2023"),
        ("bullet", "Swin3D: A Pretrained Transformer Backbone", "Arxiv"),
    ]


def test_a_title_may_hold_an_escaped_asterisk() -> None:
    doc = build(
        "## Distillation\n\n"
        "**Diff-Instruct\\*: Towards Human-Preferred One-step Text-to-image Generative Models** \\\n"
        "[[Website](https://arxiv.org/abs/2410.20898)]\n\n"
        "**MLCM: Multistep Consistency Distillation of Latent Diffusion Model** \\\n"
        "[[Website](https://arxiv.org/abs/2406.05768)]\n"
    )
    titles = [e.title and e.title.text.text for e in doc.entries]
    assert titles == [
        "Diff-Instruct\\*: Towards Human-Preferred One-step Text-to-image Generative Models",
        "MLCM: Multistep Consistency Distillation of Latent Diffusion Model",
    ]


def test_a_bullet_led_by_a_date_stamp_is_news() -> None:
    doc = build(
        "## News\n\n"
        "- [2024.07.29] We have updated the list with the papers of ECCV 2024.\n"
        "- [2024-05-02] Our survey is out: [paper](https://arxiv.org/abs/2405.00001)\n"
        "- [Jul. 05, 2023] Add papers accepted by KDD'23!\n"
        "- [Mar 2024] Add papers accepted by ICLR'24 and AAAI'24.\n\n"
        "## Papers\n\n"
        "- [CVPR 2023] PiMAE: Point Cloud and Image Interactive Masked Autoencoders"
        " [[github](https://github.com/BLVLab/PiMAE)]\n"
        "- [2023] Swin3D: A Pretrained Transformer Backbone [[paper](https://arxiv.org/abs/2304.06906)]\n"
        "- [2024/05] **MARE: Multi-Agents Collaboration Framework for Requirements Engineering.**"
        " *Jin et al. arXiv.* [[paper](https://arxiv.org/pdf/2405.03256)]\n"
    )
    assert [(e.section and e.section.name, e.venue and e.venue.text) for e in doc.entries] == [
        ("Papers", "CVPR 2023"),
        ("Papers", "2023"),
        ("Papers", "2024/05"),
    ]


@pytest.mark.parametrize(
    ("line", "title", "tag"),
    [
        pytest.param(
            "**[GPT-3]** Tom B. Brown, Benjamin Mann, Nick Ryder. Language Models are Few-Shot"
            " Learners. NeurIPS 2020. [[paper](https://arxiv.org/abs/2005.14165)]",
            "Language Models are Few-Shot Learners",
            "GPT-3",
            id="bold-tag-then-names-then-title",
        ),
        pytest.param(
            "- Jacob Devlin, Ming-Wei Chang, Kenton Lee et al. BERT: Pre-training of Deep"
            " Bidirectional Transformers. NAACL 2019. [[paper](https://arxiv.org/abs/1810.04805)]",
            "BERT: Pre-training of Deep Bidirectional Transformers",
            None,
            id="names-first-with-et-al",
        ),
        pytest.param(
            "- Evaluating and Improving Tool-Augmented Computation-Intensive Math Reasoning."
            " Beichen Zhang et al. NeurIPS 2023. [[paper](https://arxiv.org/abs/2306.02408)]",
            "Evaluating and Improving Tool-Augmented Computation-Intensive Math Reasoning",
            None,
            id="a-title-case-title-with-and-is-no-list-of-names",
        ),
        pytest.param(
            "- Ilya Sutskever, Oriol Vinyals, and Quoc V. Le. 2014. Sequence to Sequence"
            " Learning. [[paper](https://arxiv.org/abs/1409.3215)]",
            "Ilya Sutskever, Oriol Vinyals, and Quoc V. Le. 2014. Sequence to Sequence Learning.",
            None,
            id="names-then-a-year-is-not-names-then-a-title",
        ),
    ],
)
def test_names_before_the_title(line: str, title: str, tag: str | None) -> None:
    doc = build(f"## Models\n\n{line}\n\n{line.replace('2005.14165', '2005.14166')}\n")
    entry = doc.entries[0]
    assert (entry.title and entry.title.text and entry.title.text.text) == title
    assert (entry.venue and entry.venue.text) == tag


@pytest.mark.parametrize(
    ("line", "title"),
    [
        pytest.param(
            "- Style Tokens: Unsupervised Style Modeling in Speech Synthesis: "
            "https://arxiv.org/abs/1803.09017",
            "Style Tokens: Unsupervised Style Modeling in Speech Synthesis",
            id="title-colon-bare-url",
        ),
        pytest.param(
            "- Hierarchical Generative Modeling for Speech - https://arxiv.org/abs/1810.07217",
            "Hierarchical Generative Modeling for Speech",
            id="title-dash-bare-url",
        ),
        pytest.param("- Code: https://github.com/a/b", None, id="two-words-are-no-title"),
        pytest.param(
            "- Read the `setup` notes first: https://example.org/setup", None, id="code-is-no-title"
        ),
        pytest.param(
            "- A title with the URL inside https://arxiv.org/abs/1810.07217 and more",
            None,
            id="the-url-must-end-the-line",
        ),
    ],
)
def test_title_then_bare_url_bullets(line: str, title: str | None) -> None:
    doc = build(f"## Speech\n\n{line}\n")
    got = [e.title.text.text for e in doc.entries if e.title and e.title.text]
    assert got == ([title] if title else [])
    if title:
        assert [lk.target.text for lk in doc.entries[0].links] == [line.rsplit(" ", 1)[1]]


def test_name_heading_entry_fields() -> None:
    doc = build(RESNET)
    (entry,) = doc.entries
    assert entry.title is not None and entry.title.text is not None
    assert entry.title.text.text == "Deep Residual Learning for Image Recognition"
    assert entry.authors is not None and entry.authors.text.startswith("Kaiming He,")


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        pytest.param(
            "## Code\n\n- [Music Genre Classification with LSTMs](https://github.com/a/b)\n"
            "- [Composing Music Using Neural Nets](https://github.com/c/d)\n\n"
            "[Go back to top](https://github.com/o/r#deep-learning-for-music)\n",
            ["Music Genre Classification with LSTMs", "Composing Music Using Neural Nets"],
            id="a-back-to-top-link-is-no-paper",
        ),
        pytest.param(
            "## Notes\n\n**Note: my implementations are [here](https://github.com/a/b).**\n",
            [],
            id="bold-sentence-with-a-link",
        ),
        pytest.param(
            "## Notes\n\n- Paper available [here](https://arxiv.org/abs/1512.03385)\n"
            "- [here](https://arxiv.org/abs/1703.01513) is the code\n",
            [],
            id="a-link-labelled-here-is-no-title",
        ),
        pytest.param(
            "## Notes\n\n[Our group](https://example.org/lab) keeps this list up to date.\n",
            [],
            id="one-paragraph-opening-with-a-link-is-prose",
        ),
        pytest.param(
            "## Papers\n\n[Deep Residual Learning for Image Recognition]"
            "(https://arxiv.org/abs/1512.03385)\n\n"
            "[Genetic CNN Architectures](https://arxiv.org/abs/1703.01513)\n",
            ["Deep Residual Learning for Image Recognition", "Genetic CNN Architectures"],
            id="a-run-of-link-paragraphs-is-a-list",
        ),
        pytest.param(
            "## Benchmarks\n\n- **MMLU (College Medicine)**: Measuring Massive Multitask Language"
            " Understanding 2020. [paper](https://arxiv.org/abs/2009.03300)\n"
            "- **System report**: Yingce Xia, Xu Tan, Fei Tian. 2019."
            " [Microsoft Research Asia's Systems for WMT19](https://aclanthology.org/W19-5348)\n",
            [
                "MMLU (College Medicine): Measuring Massive Multitask Language Understanding",
                "System report",  # the label, not the names after it
            ],
            id="name-colon-title-but-not-name-colon-authors",
        ),
        pytest.param(
            "## Results\n\n| Net | top-1 | Venue |\n|---|---|---|\n| VGG | 71.9 | ICLR2015 |\n"
            "| GoogleNet | 69.8 | CVPR2015 |\n| ResNet | 75.3 | CVPR2016 |\n"
            "| SqueezeNet | 60.4 | arXiv2017 ([rejected by ICLR2017](https://openreview.net/forum?id=S1xh5sYgx)) |\n"
            "| GeNet | 72.1 | ICCV2017 |\n",
            [],
            id="a-results-table-citing-one-source-is-no-paper-table",
        ),
    ],
)
def test_prose_is_not_read_as_entries(text: str, titles: list[str]) -> None:
    doc = build(text)
    assert [e.title.text.text for e in doc.entries if e.title and e.title.text] == titles


@pytest.mark.parametrize(
    ("line", "title", "venue"),
    [
        pytest.param(
            "- (*WSDM '25*) UniGLM: Training One Unified Language Model for Text-Attributed"
            " Graph Embedding [[paper](https://arxiv.org/abs/2406.12052)]",
            "UniGLM: Training One Unified Language Model for Text-Attributed Graph Embedding",
            "WSDM '25",
            id="emphasised-venue-in-parentheses",
        ),
        pytest.param(
            "- (arXiv 2024.06) UniGLM: Training One Unified Language Model"
            " [[paper](https://arxiv.org/abs/2406.12052)]",
            "UniGLM: Training One Unified Language Model",
            "arXiv 2024.06",
            id="a-year-in-parentheses",
        ),
        pytest.param(
            "- (Almost) Zero-Shot Cross-Lingual Spoken Language Understanding"
            " [[paper](https://arxiv.org/abs/1811.10000)]",
            "(Almost) Zero-Shot Cross-Lingual Spoken Language Understanding",
            None,
            id="words-in-parentheses-are-the-title",
        ),
    ],
)
def test_venue_tag_in_parentheses(line: str, title: str, venue: str | None) -> None:
    (entry,) = build(f"## Graphs\n\n{line}\n").entries
    assert (entry.title and entry.title.text and entry.title.text.text) == title
    assert (entry.venue and entry.venue.text) == venue


NESTED = """## 2019

- **Monte Carlo Tree Search for Policy Optimization (IJCAI 2019)**
  - Xiaobai Ma, Katherine Driggs-Campbell, Zongzhang Zhang, Mykel J. Kochenderfer
  - [[Paper]](https://www.ijcai.org/proceedings/2019/0432.pdf)
- **Mastering Atari, Go, Chess and Shogi by Planning with a Learned Model (Nature 2020)**
  - Julian Schrittwieser, Ioannis Antonoglou, Thomas Hubert
  - [[Paper]](https://arxiv.org/abs/1911.08265)
  - [[Code]](https://github.com/werner-duvaud/muzero-general)

## Graph SSL

- GraphCL: Graph Contrastive Learning with Augmentations.
  - Yuning You, Tianlong Chen, Yongduo Sui. *NeurIPS 2020*. [[pdf]](https://arxiv.org/abs/2010.13902) [[code]](https://github.com/Shen-Lab/GraphCL)
- Surveys
  - [A Survey on Graph Self-Supervised Learning](https://arxiv.org/abs/2103.00111)
  - [Self-Supervised Learning on Graphs](https://arxiv.org/abs/2102.10757)
"""


def test_an_item_whose_nested_items_are_its_details_is_one_entry() -> None:
    doc = build(NESTED)
    got = [
        (e.first_line, e.title.text.text if e.title and e.title.text else None, len(e.links))
        for e in doc.entries
    ]
    assert got == [
        (3, "Monte Carlo Tree Search for Policy Optimization", 1),
        (6, "Mastering Atari, Go, Chess and Shogi by Planning with a Learned Model", 2),
        (13, "GraphCL: Graph Contrastive Learning with Augmentations.", 2),
        # A group label over papers with titles of their own is no entry: its items are.
        (16, "A Survey on Graph Self-Supervised Learning", 1),
        (17, "Self-Supervised Learning on Graphs", 1),
    ]
    assert [e.venue.text if e.venue else None for e in doc.entries[:2]] == [
        "IJCAI 2019",
        "Nature 2020",
    ]


@pytest.mark.parametrize(
    ("line", "title", "venue"),
    [
        pytest.param(
            "- A Survey on Model Compression for Large Language Models <br> TACL 2024"
            " [[Paper]](https://arxiv.org/abs/2308.07633)",
            "A Survey on Model Compression for Large Language Models",
            "TACL 2024",
            id="title-br-venue-links",
        ),
        pytest.param(
            "- Eigenpruning <br> NAACL 2024 Abstract [[Paper]](https://arxiv.org/abs/2404.03147)",
            "Eigenpruning",
            "NAACL 2024 Abstract",
            id="one-word-title-set-apart-by-the-break",
        ),
    ],
)
def test_a_line_break_ends_a_bullet_s_title(line: str, title: str, venue: str) -> None:
    (entry,) = build(f"## Compression\n\n{line}\n").entries
    assert (entry.title and entry.title.text and entry.title.text.text) == title
    assert (entry.venue and entry.venue.text) == venue


LINKLESS = """## Cardinality

* Learned Cardinalities: Estimating Correlated Joins with Deep Learning (CIDR 2019)
* Deep Unsupervised Cardinality Estimation (VLDB 2020)
* NeuroCard: One Cardinality Estimator for All Tables (VLDB 2021)

## Recommendation

* Xiangnan He, Lizi Liao, Hanwang Zhang et al. **Neural Collaborative Filtering.** WWW, 2017.
* Steffen Rendle et al. **BPR: Bayesian Personalized Ranking from Implicit Feedback.** UAI, 2009.
* Yehuda Koren and Robert Bell. **Matrix Factorization Techniques for Recommender Systems.** 2009.

## Notes

* Install it with pip (since 2020)
* Works on Linux
* Contributions welcome
"""


def test_a_list_that_links_nothing_is_still_read_as_papers() -> None:
    doc = build(LINKLESS)
    got = [
        (e.first_line, e.title.text.text if e.title and e.title.text else None) for e in doc.entries
    ]
    assert got == [
        (3, "Learned Cardinalities: Estimating Correlated Joins with Deep Learning"),
        (4, "Deep Unsupervised Cardinality Estimation"),
        (5, "NeuroCard: One Cardinality Estimator for All Tables"),
        (9, "Neural Collaborative Filtering."),
        (10, "BPR: Bayesian Personalized Ranking from Implicit Feedback."),
        (11, "Matrix Factorization Techniques for Recommender Systems."),
    ]  # the notes, one item ending in a year among others, are no papers
    assert [e.venue.text if e.venue else None for e in doc.entries[:3]] == [
        "CIDR 2019",
        "VLDB 2020",
        "VLDB 2021",
    ]


def test_entries_that_link_nothing_are_not_each_missing_a_link() -> None:
    from readme_lint.engine.run import check_text

    report = check_text("# DB\n\n" + LINKLESS)
    assert not [d for d in report.diagnostics if d.code == "RL103"]
    assert any("only 0 of the 6 bullet entries have a link" in h for h in report.hints)


@pytest.mark.parametrize(
    ("line", "title", "venue"),
    [
        pytest.param(
            "* **[ICM]** <[Curiosity-driven Exploration by Self-supervised Prediction]"
            "(https://arxiv.org/abs/1705.05363)> by Deepak Pathak, Pulkit Agrawal, 2017",
            "Curiosity-driven Exploration by Self-supervised Prediction",
            "ICM",
            id="a-link-in-angle-brackets",
        ),
        pytest.param(
            "- [arXiv:1810.04805](https://arxiv.org/abs/1810.04805), BERT: Pre-training of Deep"
            " Bidirectional Transformers, Authors: Jacob Devlin, Ming-Wei Chang",
            "BERT: Pre-training of Deep Bidirectional Transformers",
            None,
            id="a-link-labelled-with-the-id-then-the-title",
        ),
        pytest.param(
            "* Speech Enhancement Generative Adversarial Network, 2017"
            " [[paper]](https://arxiv.org/abs/1703.09452)",
            "Speech Enhancement Generative Adversarial Network",
            "2017",
            id="title-comma-year-then-a-label-link",
        ),
        pytest.param(
            "* Phase-aware Speech Enhancement with Deep Complex U-Net, ICLR 2019"
            " [[paper]](https://arxiv.org/abs/1903.03107)",
            "Phase-aware Speech Enhancement with Deep Complex U-Net",
            "ICLR 2019",
            id="title-comma-venue-year",
        ),
    ],
)
def test_titles_around_odd_links(line: str, title: str, venue: str | None) -> None:
    entries = build(f"## Papers\n\n{line}\n{line.replace('17', '18', 1)}\n").entries
    entry = entries[0]
    assert (entry.title and entry.title.text and entry.title.text.text) == title
    assert (entry.venue.text if entry.venue else None) == venue


def test_notes_inside_a_details_entry_are_its_body_not_entries() -> None:
    text = (
        "## Jailbreaks\n\n"
        '<details><summary>Jailbroken: How Does LLM Safety Training Fail? (2023) [<a href="'
        'https://arxiv.org/abs/2307.02483">Paper</a>]</summary>\n\n'
        "- [GCG](https://github.com/llm-attacks/llm-attacks) is the baseline\n"
        "- [AutoDAN](https://arxiv.org/abs/2310.04451) reads the same way\n"
        "- [PAIR](https://arxiv.org/abs/2310.08419) asks twenty queries\n"
        "</details>\n"
    )
    (entry,) = build(text).entries
    assert (entry.format, entry.first_line, entry.last_line) == ("details", 3, 8)
    assert [lk.target.text for lk in entry.links] == ["https://arxiv.org/abs/2307.02483"]


def test_a_details_block_without_a_link_in_its_summary_is_a_subsection() -> None:
    text = "## Models\n\n<details>\n<summary>More reading</summary>\n\n- x\n</details>\n"
    assert not [e for e in build(text).entries if e.format == "details"]


def test_a_detail_item_may_name_one_author() -> None:
    text = (
        "## 2019\n\n- **Exploring Restart Distributions (RLDM 2019)**\n  - Arash Tavakoli\n"
        "  - [[Paper]](https://arxiv.org/abs/1811.11298)\n"
        "- **Monte Carlo Tree Search for Policy Optimization (IJCAI 2019)**\n"
        "  - Xiaobai Ma, Katherine Driggs-Campbell\n"
        "  - [[Paper]](https://www.ijcai.org/proceedings/2019/0432.pdf)\n"
    )
    assert [(e.first_line, len(e.links)) for e in build(text).entries] == [(3, 1), (6, 1)]


def test_one_linked_item_in_a_list_that_links_nothing_keeps_the_others() -> None:
    text = LINKLESS.replace(
        "Recommender Systems.** 2009.",
        "Recommender Systems.** 2009. [code](https://github.com/benfred/implicit)",
    )
    titles = [e.title.text.text for e in build(text).entries if e.title and e.title.text]
    assert titles[3:] == [
        "Neural Collaborative Filtering.",
        "BPR: Bayesian Personalized Ranking from Implicit Feedback.",
        "Matrix Factorization Techniques for Recommender Systems.",
    ]


@pytest.mark.parametrize(
    "names",
    [
        "Kadina E. Johnston, Clara Fannjiang, Bruce J. Wittmann.",
        "Aalt D. J. van Dijk, Gizem \u00d6l\u00e7\u00fc\u00e7\u00fc, and Ulrich Krauss",
        "Kevin K Yang, Zachary Wu, Claire N Bedbrook, Frances H Arnold",
        "Marcel Wittmund, Frederic Cadet and Mehdi D. Davari*.",
        "Mohammed AlQuraishi.",
        "Jumper, John, et al.",
        "[John Ingraham](https://example.org/ji), Vikas Garg, Regina Barzilay",
    ],
)
def test_a_plain_names_line_under_a_paragraph_title_is_its_authors(names: str) -> None:
    text = (
        "## Reviews\n\n**Machine Learning for Protein Engineering.**  \n"
        f"{names}  \n*Preprint, October 2023.*  \n"
        "[[arxiv](https://arxiv.org/abs/2305.16634)]\n"
    )
    # Alone in its section it is a heading entry; with a second paper, paragraph entries.
    second = text.replace("2305.16634", "2305.16635").replace("## Reviews\n\n", "\n")
    for source in (text, text + second):
        entry = build(source).entries[0]
        assert entry.authors is not None and entry.authors.text.startswith(names.split()[0])
        assert not entry.summary


@pytest.mark.parametrize(
    ("line", "title", "venue"),
    [
        pytest.param(
            "- How Does Batch Normalization Help Optimization? In *NeurIPS 2018*."
            " [[pdf](https://arxiv.org/abs/1805.11604)]",
            "How Does Batch Normalization Help Optimization?",
            "NeurIPS 2018",
            id="question-then-in-venue",
        ),
        pytest.param(
            "* Ma, Hao, et al. **SoRec: Social Recommendation Using Probabilistic Matrix"
            " Factorization.** CIKM, 2008. [pdf](https://dl.acm.org/doi/10.1145/1458082.1458205)",
            "SoRec: Social Recommendation Using Probabilistic Matrix Factorization.",
            None,
            id="surname-comma-names-then-the-bold-title",
        ),
        pytest.param(
            "* Granger Causality: A Review and Recent Advances, in *Annual Review of Statistics*"
            " 2014. [\\[paper\\]](https://doi.org/10.1146/annurev-statistics-040120-010930)",
            "Granger Causality: A Review and Recent Advances",
            "*Annual Review of Statistics* 2014",
            id="comma-in-emphasised-venue-year",
        ),
        pytest.param(
            "* Are Transformers Effective for Time Series Forecasting?, AAAI'23."
            " [\\[paper\\]](https://arxiv.org/abs/2205.13504)",
            "Are Transformers Effective for Time Series Forecasting?",
            "AAAI'23",
            id="comma-venue-short-year",
        ),
        pytest.param(
            '* "A General Framework for Object Detection in NeRFs", *CVPR 2023*.'
            " [[Paper](https://arxiv.org/abs/2211.11646)]",
            "A General Framework for Object Detection in NeRFs",
            "*CVPR 2023*",
            id="quoted-title-emphasised-venue",
        ),
        pytest.param(
            '* "Multi-Object Navigation with Dynamically Learned Neural Implicit Representations",'
            " *arxiv*. [[Paper](https://arxiv.org/pdf/2209.13159.pdf)]",
            "Multi-Object Navigation with Dynamically Learned Neural Implicit Representations",
            "*arxiv*",
            id="quoted-title-emphasised-venue-no-year",
        ),
        pytest.param(
            "- NIPS 2018, **SMPLer-X**: Scaling Up Expressive Human Pose and Shape Estimation,"
            " [Website](https://caizhongang.github.io/projects/SMPLer-X/)",
            "SMPLer-X: Scaling Up Expressive Human Pose and Shape Estimation",
            "NIPS 2018",
            id="venue-comma-then-name-and-title",
        ),
        pytest.param(
            "- arXiv 2018.09, Human-Assisted Continual Robot Learning with Foundation Models,"
            " [Website](https://sites.google.com/view/halp) / [arXiv](https://arxiv.org/abs/2309.14321)",
            "Human-Assisted Continual Robot Learning with Foundation Models",
            "arXiv 2018.09",
            id="venue-comma-then-title-then-links",
        ),
        pytest.param(
            "- ICML 2018 oral, The **primacy bias** in deep reinforcement learning,"
            " [arXiv](https://arxiv.org/abs/2205.07802)",
            "The **primacy bias** in deep reinforcement learning",
            "ICML 2018 oral",
            id="a-title-opening-with-the-is-no-names",
        ),
        pytest.param(
            "- Long Short Term Memory Networks for Anomaly Detection in Time Series"
            " | **[ESANN' 18]** | [`[pdf]`](https://example.org/lstm.pdf)",
            "Long Short Term Memory Networks for Anomaly Detection in Time Series",
            "ESANN' 18",
            id="pipes-around-a-bold-venue",
        ),
        pytest.param(
            "* Learning in the Wild, in Theory and Practice. [[Paper](https://arxiv.org/abs/2101.00001)]",
            "Learning in the Wild, in Theory and Practice.",
            None,
            id="a-comma-in-inside-the-title-is-no-venue",
        ),
    ],
)
def test_titles_before_a_venue_or_after_names(line: str, title: str, venue: str | None) -> None:
    entry = build(f"## Papers\n\n{line}\n{line.replace('18', '19', 1)}\n").entries[0]
    assert (entry.title and entry.title.text and entry.title.text.text) == title
    assert (entry.venue.text if entry.venue else None) == venue


def test_full_width_parentheses_close_a_linkless_title_too() -> None:
    text = LINKLESS.replace("Deep Learning (CIDR 2019)", "Deep Learning\uff08CIDR 2019\uff09")
    entry = build(text).entries[0]
    assert entry.title is not None and entry.title.text is not None
    assert entry.title.text.text.endswith("Deep Learning")
    assert entry.venue is not None and entry.venue.text == "CIDR 2019"


def test_a_venue_label_over_a_bibtex_block_is_no_citation_entry() -> None:
    text = (
        "## Citing\n\n[1] **ICLR 2021**:\n\n```bibtex\n@inproceedings{x}\n```\n\n"
        "[2] **NeurIPS 2020**:\n\n```bibtex\n@inproceedings{y}\n```\n"
    )
    assert not build(text).entries


@pytest.mark.parametrize(
    ("item", "entries"),
    [
        # A TOC written with absolute URLs to the list's own sections: no papers.
        ("- [Bandit Exploration](https://github.com/o/r#Bandit-Exploration)", 0),
        ("  - [Review Papers](https://github.com/o/r/blob/master/README.md#review-papers)", 0),
        ("- [Policy based Exploration](https://github.com/o/r/#policy-based-exploration)", 0),
        # A link into another page of the repository, or labelled unlike its section: kept.
        ("- [Deep Exploration via Bootstrapped DQN](https://github.com/o/r#bootstrapped-dqn)", 1),
        (
            "- [Bootstrapped DQN](https://github.com/o/r/blob/master/docs/dqn.md#bootstrapped-dqn)",
            1,
        ),
    ],
)
def test_a_toc_of_absolute_urls_is_no_entries(item: str, entries: int) -> None:
    doc = build(
        f"## Papers\n\n- [Other Paper Title Here](https://arxiv.org/abs/1602.04621)\n{item}\n"
    )
    assert len(doc.entries) == 1 + entries


RESULTS = """## Results on Fashion-IQ

| Methods | Encoder | R@10 | R@50 | Avg. |
|---|---|---|---|---|
| [ARTEMIS+LSTM](https://openreview.net/pdf?id=CVfLvQq9gLo) | ResNet-18 | 25.23 | 48.64 | 34.12 |
| [ARTEMIS+BiGRU](https://openreview.net/pdf?id=CVfLvQq9gLo) | ResNet-18 | 24.84 | 49.00 | 34.01 |
| [{title}](https://arxiv.org/abs/1812.07119) | ResNet-50 | 22.10 | 46.30 | 33.20 |
"""


@pytest.mark.parametrize(
    ("title", "titles"),
    [
        # Method variants in a results table are no papers; a row titled as a paper is one.
        ("TIRG", []),
        (
            "Composing Text and Image for Image Retrieval",
            ["Composing Text and Image for Image Retrieval"],
        ),
    ],
)
def test_a_results_table_s_rows_are_methods(title: str, titles: list[str]) -> None:
    doc = build(RESULTS.format(title=title))
    assert [e.title_text for e in doc.entries] == titles


def test_a_paper_table_with_years_and_counts_is_no_results_table() -> None:
    rows = "".join(
        f"| [{t}](https://arxiv.org/abs/{a}) | 2020 | 1234 |\n"
        for t, a in [
            ("Denoising Diffusion Probabilistic Models", "2006.11239"),
            ("Denoising Diffusion Implicit Models", "2010.02502"),
        ]
    )
    doc = build("## Papers\n\n| Title | Year | Citations |\n|---|---|---|\n" + rows)
    assert len(doc.entries) == 2


def test_a_dataset_column_names_the_row() -> None:
    doc = build(
        "## Datasets\n\n| **Dataset** | **Modalities** | **Scale** | **Link** |\n|---|---|---|---|\n"
        "| Caltech-UCSD Birds (CUB) | Images, Captions | 11K images | [Link](https://www.vision.caltech.edu/cub) |\n"
        "| Oxford-102 Flowers | Images, Captions | 8K images | [Link](https://www.robots.ox.ac.uk/flowers) |\n"
    )
    assert [e.title_text for e in doc.entries] == ["Caltech-UCSD Birds (CUB)", "Oxford-102 Flowers"]


def test_a_linked_bold_title_and_break_only_lines() -> None:
    doc = build(
        "## About\n\n"
        "**[Neural Fields in Robotics: A Survey](https://arxiv.org/pdf/2410.20220)**\n"
        "<br />\n"
        "Muhammad Zubair Irshad, Mauro Comi, Yen-Chen Lin, Nick Heppert\n"
        "<br />\n"
        "arXiv 2024. [[Code](https://github.com/zubair-irshad/Awesome-Implicit-NeRF-Robotics)]\n"
    )
    (entry,) = doc.entries
    assert entry.title is not None and entry.title.text is not None
    assert (entry.title.text.text, entry.title.text.col) == (
        "Neural Fields in Robotics: A Survey",
        4,
    )
    assert entry.authors is not None
    assert entry.authors.text.startswith("Muhammad Zubair Irshad")


def test_a_year_heading_over_one_paper_is_a_section() -> None:
    doc = build(
        "## Retrieval\n\n### 2019\n"
        "**[CVPR, 2019] Composing Text and Image for Image Retrieval - An Empirical Odyssey**  \n"
        "*Nam Vo, Lu Jiang, Chen Sun, Kevin Murphy*  \n"
        "[[Paper](https://arxiv.org/abs/1812.07119)]\n\n"
        "### 2018\n"
        "**[NeurIPS, 2018] Dialog-based Interactive Image Retrieval**  \n"
        "*Xiaoxiao Guo, Hui Wu, Yu Cheng*  \n"
        "[[Paper](https://arxiv.org/abs/1805.00145)]\n"
    )
    assert [(e.format, e.authors is not None) for e in doc.entries] == [
        ("paragraph", True),
        ("paragraph", True),
    ]


def test_items_nested_under_an_entry_that_label_a_field_or_open_with_names_are_details() -> None:
    doc = build(
        "## Model-based RL\n\n"
        "- [Value Prediction Network](https://arxiv.org/abs/1707.03497)\n"
        "  - Junhyuk Oh, Satinder Singh, Honglak Lee. *NIPS 2017*\n"
        "  - Key: value-prediction model\n"
        "  - ExpEnv: collect domain, [atari](https://github.com/openai/gym)\n"
        "- [Backdoor Attack in the Physical World](https://arxiv.org/abs/2104.02361)\n"
        "  - Yiming Li, Tongqing Zhai, Yong Jiang, Zhifeng Li. *ICLR Workshop*, 2021."
        " (**Note:** an extension is [[here]](https://arxiv.org/abs/2004.04692))\n"
        "- [Mastering Atari with a Learned Model](https://arxiv.org/abs/1911.08265)\n"
        "  - [Related: MuZero Unplugged](https://arxiv.org/abs/2104.06294)\n"
    )
    assert [e.title_text for e in doc.entries] == [
        "Value Prediction Network",
        "Backdoor Attack in the Physical World",
        "Mastering Atari with a Learned Model",
        "Related: MuZero Unplugged",
    ]


def test_html_bold_paragraphs_are_entries() -> None:
    doc = build(
        "## Pose Estimation\n\n"
        "<b>Viewpoints and Keypoints (2015)</b> [[Paper]](https://arxiv.org/abs/1411.6067)\n"
        "<br>Keypoints and viewpoints predicted jointly.\n\n"
        ":space_invader: <b>3D ShapeNets: A Deep Representation for Volumetric Shapes (2015)</b>"
        " [[Paper]](http://3dshapenets.cs.princeton.edu/)\n"
        '<p align="center"><img width="50%" src="https://example.org/f.png" /></p>\n\n'
        "<strong>Render for CNN: Viewpoint Estimation in Images (2015)</strong>"
        " [[Paper]](https://arxiv.org/abs/1505.05641)\n"
    )
    assert [e.title_text for e in doc.entries] == [
        "Viewpoints and Keypoints (2015)",
        "3D ShapeNets: A Deep Representation for Volumetric Shapes (2015)",
        "Render for CNN: Viewpoint Estimation in Images (2015)",
    ]


def test_a_bold_label_over_the_bold_title() -> None:
    doc = build(
        "## Benchmarks\n\n**STS12**:\\\n"
        "**SemEval-2012 Task 6: A Pilot on Semantic Textual Similarity** \\\n"
        "*Eneko Agirre, Daniel Cer, Mona Diab, Aitor Gonzalez-Agirre* \\\n"
        "SemEval 2012, [[Paper](https://aclanthology.org/S12-1051.pdf)] \\\n"
        "07 June 2012\n"
    )
    (entry,) = doc.entries
    assert entry.title_text == "SemEval-2012 Task 6: A Pilot on Semantic Textual Similarity"
    assert entry.authors is not None and entry.authors.line == 5
    from readme_lint.engine.run import lint_text

    assert not {"RL101", "RL102", "RL106"} & {d.code for d in lint_text(doc.text)}


def test_a_citation_in_a_table_cell_is_titled_by_its_quoted_title() -> None:
    doc = build(
        "## Methods\n\n| Name | Paper | Code |\n|---|---|---|\n"
        '| Causal Forest | [Wager, Stefan, and Susan Athey. "Estimation and inference of'
        ' heterogeneous treatment effects using random forests." JASA (2017).]'
        "(https://doi.org/10.1080/01621459.2017.1319839) | [R](https://github.com/grf-labs/grf) |\n"
        '| BART | [Hill, Jennifer L. "Bayesian nonparametric modeling for causal inference."'
        " JCGS 20 (2011).](https://doi.org/10.1198/jcgs.2010.08162) | - |\n"
        '| Quoted | [A "Quoted Word" In A Title Of Its Own](https://arxiv.org/abs/2001.00001) | - |\n'
        '| Decoupling | [Decoupling "when to update" from "how to update"](https://arxiv.org/abs/1706.02613) | - |\n'
    )
    assert [e.title_text for e in doc.entries] == [
        "Estimation and inference of heterogeneous treatment effects using random forests",
        "Bayesian nonparametric modeling for causal inference",
        'A "Quoted Word" In A Title Of Its Own',
        'Decoupling "when to update" from "how to update"',
    ]


def test_a_link_whose_text_wraps_onto_the_next_line() -> None:
    doc = build(
        "## Inverse RL\n\n"
        "* <[Learning to Optimize via Wasserstein Deep Inverse Optimal Control\n"
        "](https://arxiv.org/abs/1805.08395)> by Yichen Wang, Le Song, and Hongyuan Zha, 2018.\n"
        "* [DeepMPC: Learning Deep Latent Features for\n"
        "Model Predictive Control](http://deepmpc.cs.cornell.edu/DeepMPC.pdf), I. Lenz, 2015.\n"
        "* [Universal Value Function Approximators](http://schaul.site44.com/uvfa.pdf), 2015.\n"
    )
    assert [(e.title_text, [lk.target.text for lk in e.links]) for e in doc.entries] == [
        (
            "Learning to Optimize via Wasserstein Deep Inverse Optimal Control",
            ["https://arxiv.org/abs/1805.08395"],
        ),
        (
            "DeepMPC: Learning Deep Latent Features for",
            ["http://deepmpc.cs.cornell.edu/DeepMPC.pdf"],
        ),
        ("Universal Value Function Approximators", ["http://schaul.site44.com/uvfa.pdf"]),
    ]
    wrapped = doc.entries[1].links[0]
    assert (wrapped.line, wrapped.label.text) == (6, "Model Predictive Control")


@pytest.mark.parametrize(("links", "hinted"), [(30, True), (29, False)])
def test_a_page_whose_entries_are_unread_says_so(links: int, hinted: bool) -> None:
    from readme_lint.engine.run import check_text

    # Prose that links many pages, in no shape read as entries (a sentence each).
    text = "# Links\n\n" + "".join(
        f"We also liked the talk [number {k}](https://example.org/{k}) a lot.\n\n"
        for k in range(links)
    )
    report = check_text(text)
    assert not build(text).entries
    assert any("no paper entries were read" in h for h in report.hints) is hinted


def test_a_numbered_heading_per_paper() -> None:
    doc = build(
        "## Autonomous Driving:\n"
        "### 1. Street Gaussians for Modeling Dynamic Urban Scenes  \n"
        "**Authors**: Yunzhi Yan, Haotong Lin, Chenxu Zhou  \n"
        "<details span>\n<summary><b>Abstract</b></summary>\nStreet scenes from video.\n"
        "</details>\n\n"
        "  [📄 Paper](https://arxiv.org/pdf/2401.01339.pdf) | [🌐 Project Page](https://zju3dv.github.io/sg/)\n\n"
        "### 2. A Category Heading With Two Papers\n"
        "- [First Paper On Driving Scenes](https://arxiv.org/abs/2312.07920)\n"
        "- [Second Paper On Driving Scenes](https://arxiv.org/abs/2312.07921)\n"
    )
    assert [(e.format, e.title_text) for e in doc.entries] == [
        ("heading", "Street Gaussians for Modeling Dynamic Urban Scenes"),
        ("bullet", "First Paper On Driving Scenes"),
        ("bullet", "Second Paper On Driving Scenes"),
    ]
    assert doc.entries[0].authors is not None


def test_a_header_opening_with_title_is_the_title_column() -> None:
    doc = build(
        "## Survey\n\nDate|Method|Conference|Paper Title and Paper Interpretation (In Chinese)|Code\n"
        "-----|----|-----|-----|-----\n"
        "15-11-23|[Multi-step](https://ieeexplore.ieee.org/document/7422387)|ACOMP 2015"
        "|Comparison of Strategies for Multi-step-Ahead Prediction of Time Series|None\n"
        "20-04-01|[DL](https://arxiv.org/abs/2004.13408)|TNNLS|Time Series Forecasting With Deep"
        " Learning: A Survey|None\n"
    )
    assert [e.title_text for e in doc.entries] == [
        "Comparison of Strategies for Multi-step-Ahead Prediction of Time Series",
        "Time Series Forecasting With Deep Learning: A Survey",
    ]


def test_names_first_items_with_the_title_on_the_next_line() -> None:
    doc = build(
        "## Attack\n\n"
        "- **TT:** Zhipeng Wei, Jingjing Chen, Zuxuan Wu, Yu-Gang Jiang.<br />\n\n"
        '  "Boosting the Transferability of Video Adversarial Examples via Temporal'
        ' Translation." AAAI(2022)\n\n'
        "  [[paper](https://arxiv.org/pdf/2110.09075.pdf)]\n\n"
        "- Jinyuan Jia, Yupei Liu, Xiaoyu Cao, Neil Zhenqiang Gong:\n\n"
        "  Certified Robustness of Nearest Neighbors against Data Poisoning and Backdoor Attacks.\n\n"
        "  [[paper](https://arxiv.org/abs/2012.03765)]\n"
    )
    assert [e.title_text for e in doc.entries] == [
        "Boosting the Transferability of Video Adversarial Examples via Temporal Translation",
        "Certified Robustness of Nearest Neighbors against Data Poisoning and Backdoor Attacks",
    ]


NAMES_OVER_TITLE = [
    (  # names (after a citation anchor), the linked emphasised title, the venue
        '- <a name="Gallego20tpami"></a>Gallego, G., Delbruck, T., Scaramuzza, D.,  \n'
        "**_[Event-based Vision: A Survey](https://doi.org/10.1109/TPAMI.2020.3008413)_**,  \n"
        "IEEE Trans. Pattern Anal. Machine Intell. (TPAMI), 44(1):154-180, 2022.\n",
        "Event-based Vision: A Survey",
    ),
    (  # one author, a '<br/>' break, the title in italics
        "- A. Glaser,<br/>\n"
        "*[Keeping Secrets at a Distance: New Approaches to Nuclear Monitoring](https://x.org/a.pdf)*,"
        "<br/>\nDistinguished Lecture, 2022.\n",
        "Keeping Secrets at a Distance: New Approaches to Nuclear Monitoring",
    ),
    (  # the title emphasised, not linked
        "- Posch, C., Matolin, D.,  \n*A QVGA 143 dB Dynamic Range Frame-Free PWM Image Sensor*,  \n"
        "IEEE J. Solid-State Circuits, 2011. [PDF](https://x.org/p.pdf)\n",
        "A QVGA 143 dB Dynamic Range Frame-Free PWM Image Sensor",
    ),
    (  # an anchor before a linked title: the anchor is no part of it
        '- <a name="dvs"></a>[DVS128 Gesture Dataset](http://research.ibm.com/dvsgesture/): a dataset.\n',
        "DVS128 Gesture Dataset",
    ),
]


@pytest.mark.parametrize(("text", "title"), NAMES_OVER_TITLE)
def test_names_over_an_emphasised_title(text: str, title: str) -> None:
    assert [e.title_text for e in build("## Papers\n\n" + text).entries] == [title]


def test_a_first_line_of_prose_over_italics_is_not_names() -> None:
    doc = build(
        "## Papers\n\n- See the survey below for details,  \n"
        "*[Event-based Vision: A Survey](https://doi.org/10.1109/TPAMI.2020.3008413)*\n"
    )
    assert [e.title_text for e in doc.entries] != ["Event-based Vision: A Survey"]


NAMES_COLON_TITLE = [
    (
        "* Xiang Zhang, Junbo Zhao, and Yann LeCun: Character-level Convolutional Networks"
        " for Text Classification, NIPS 2015.",
        "Character-level Convolutional Networks for Text Classification",
    ),
    (
        "* Marco Tulio Ribeiro et al.: Beyond Accuracy: Behavioral Testing of NLP Models"
        " with CheckList, ACL 2020.",
        "Beyond Accuracy: Behavioral Testing of NLP Models with CheckList",
    ),
    (  # one name could be a title's first words: the title is kept whole
        "* Graph Networks: A Review of Methods and Applications, AI Open 2020.",
        "Graph Networks: A Review of Methods and Applications",
    ),
    (
        "* Yihan Liu et al. [RoBERTa: A Robustly Optimized BERT Pretraining Approach]"
        "(https://arxiv.org/abs/1907.11692), 2020.",
        "RoBERTa: A Robustly Optimized BERT Pretraining Approach",
    ),
]


@pytest.mark.parametrize(("item", "title"), NAMES_COLON_TITLE)
def test_names_and_a_colon_before_a_linkless_title(item: str, title: str) -> None:
    others = (
        "* Richard Socher, et al.: Dynamic Pooling and Unfolding Recursive Autoencoders for"
        " Paraphrase Detection, NIPS 2011.\n\n"
        "* Ronan Collobert et al.: Natural Language Processing (almost) from Scratch, JMLR, 2011.\n"
    )
    doc = build("## Neural Models\n\n" + others + "\n" + item + "\n")
    assert [e.title_text for e in doc.entries][-1] == title
    assert len(doc.entries) == 3


def test_items_of_prose_with_a_colon_are_not_citations() -> None:
    doc = build(
        "## Notes\n\n* Ann Lee, Bo Chen: thanks for the help with this list, 2020.\n"
        "* Updated: the list now has a new section on robotics, 2021.\n"
        "* See the contributing guide before you open a pull request.\n"
    )
    assert doc.entries == ()


def test_an_html_tagged_name_before_a_bold_title_is_a_label() -> None:
    doc = build(
        "## Models\n\n"
        '1. <u>T5</u>: **"Exploring the Limits of Transfer Learning with a Unified Text-to-Text'
        ' Transformer"**. *Colin Raffel et al.* JMLR 2019. [[Paper](https://arxiv.org/abs/1910.10683)]\n'
        '2. <u>mT5</u>: **"mT5: A massively multilingual pre-trained text-to-text transformer"**.'
        " *Linting Xue* et al. NAACL 2021. [[Paper](https://arxiv.org/abs/2010.11934)]\n"
    )
    assert [e.title_text.strip('"') for e in doc.entries] == [
        "Exploring the Limits of Transfer Learning with a Unified Text-to-Text Transformer",
        "mT5: A massively multilingual pre-trained text-to-text transformer",
    ]


def test_a_plain_heading_over_its_bare_paper_url_is_an_entry() -> None:
    doc = build(
        "### papers\n\nA collection of security papers.\n\n"
        "#### Reining in the Web with Content Security Policy\n"
        "https://research.sidstamm.com/papers/csp-www2010.pdf\n\n"
        "##### Most Websites Don't Need to Vibrate: A Cost-Benefit Approach\n"
        "https://arxiv.org/pdf/1708.08510.pdf\n\n"
        "#### How to contribute to this list\nhttps://example.org/contributing\n\n"
        "#### Related reading on the web\nhttps://arxiv.org/abs/1708.08510 and more.\n"
    )
    assert [(e.title_text, [lk.target.text for lk in e.links]) for e in doc.entries] == [
        (
            "Reining in the Web with Content Security Policy",
            ["https://research.sidstamm.com/papers/csp-www2010.pdf"],
        ),
        (
            "Most Websites Don't Need to Vibrate: A Cost-Benefit Approach",
            ["https://arxiv.org/pdf/1708.08510.pdf"],
        ),
    ]


def test_a_bold_title_over_its_details_paragraph_is_one_entry() -> None:
    doc = build(
        "### Survey\n\n"
        "**Database meets deep learning: Challenges and opportunities.**"
        " ![](https://img.shields.io/badge/-ai4db-Informational)\n\n"
        "*Wei Wang, Meihui Zhang, Gang Chen, et al. SIGMOD Record, 2016.*"
        " [[paper](https://doi.org/10.1145/3003665.3003669)]\n\n"
        "![](https://img.shields.io/badge/-LP-purple) **Exact and approximate algorithms for the"
        " index selection problem**\n\n"
        "*Caprara, Alberto and Fischetti, Matteo. TKDE, 1995* [[paper](https://a.org/x.pdf)]\n\n"
        "**Note: the list is updated weekly.**\n\nThanks to every contributor.\n"
    )
    assert [(e.title_text.rstrip("."), e.first_line, e.last_line) for e in doc.entries] == [
        ("Database meets deep learning: Challenges and opportunities", 3, 5),
        ("Exact and approximate algorithms for the index selection problem", 7, 9),
    ]


def test_one_title_over_its_details_paragraph_is_an_entry_alone_too() -> None:
    doc = build(
        "#### DL-based\n\n**iBTune: Individualized Buffer Tuning for Large-scale Cloud Databases**\n\n"
        "*Jian Tan, Tieying Zhang, Feifei Li, et al. VLDB, 2019.*"
        " [[paper](http://www.vldb.org/pvldb/vol12/p1221-tan.pdf)]\n"
    )
    assert [e.title_text for e in doc.entries] == [
        "iBTune: Individualized Buffer Tuning for Large-scale Cloud Databases"
    ]


CITATIONS_AFTER_A_TAG = [
    (
        "**[Rewrite Rules]** Hamid Pirahesh, Joseph M. Hellerstein, Waqar Hasan. *Extensible/Rule"
        " Based Query Rewrite Optimization in Starburst*. SIGMOD 1992. [[paper](https://a.org/p.pdf)]",
        "Extensible/Rule Based Query Rewrite Optimization in Starburst",
    ),
    (
        "**[Card]** Wu P, Cong G. A Unified Deep Model of Learning from both Data and Queries for"
        " Cardinality Estimation. SIGMOD. 2021. [[paper](https://arxiv.org/pdf/2107.12295)]",
        "A Unified Deep Model of Learning from both Data and Queries for Cardinality Estimation",
    ),
    (
        "***AI-Native Database.*** Guoliang Li. [[link](http://dbgroup.cs.tsinghua.edu.cn/a.pdf)]",
        "AI-Native Database.",
    ),
    (  # a bold title, then names in italics: the italics are no title
        "**More Agents Is All You Need.** *Li et al. arXiv.* [[paper](https://arxiv.org/pdf/2402.05120)]",
        "More Agents Is All You Need.",
    ),
]


@pytest.mark.parametrize(("paragraph", "title"), CITATIONS_AFTER_A_TAG)
def test_titles_of_tagged_citation_paragraphs(paragraph: str, title: str) -> None:
    other = "**[Card]** Ann Lee, Bo Chen. *Some Other Paper on Databases*. VLDB 2020. [[paper](https://b.org/q.pdf)]"
    doc = build("#### Traditional\n\n" + paragraph + "\n\n" + other + "\n")
    assert doc.entries[0].title_text == title


COMMA_CITATIONS = [
    (
        "* Seunghoon Hong, Tackgeun You, Suha Kwak, Bohyung Han, Online Tracking by Learning"
        " Discriminative Saliency Map with Convolutional Neural Network, arXiv:1502.06796."
        " [[Paper]](http://arxiv.org/pdf/1502.06796)",
        "Online Tracking by Learning Discriminative Saliency Map with Convolutional Neural Network",
    ),
    (
        "* N Wang, DY Yeung, Learning a Deep Compact Image Representation for Visual Tracking,"
        " NIPS, 2013. [[Paper]](http://winsty.net/papers/dlt.pdf)",
        "Learning a Deep Compact Image Representation for Visual Tracking",
    ),
    (  # a title's own commas after its first words are no names
        "* A Multitask, Multilingual, Multimodal Evaluation of ChatGPT on Reasoning, arXiv 2023."
        " [[paper](https://arxiv.org/abs/2302.04023)]",
        "A Multitask, Multilingual, Multimodal Evaluation of ChatGPT on Reasoning",
    ),
]


@pytest.mark.parametrize(("item", "title"), COMMA_CITATIONS)
def test_names_title_venue_split_by_commas(item: str, title: str) -> None:
    doc = build("### Object Tracking\n\n" + item + "\n")
    assert doc.entries[0].title_text.startswith(title)
    assert "Hong" not in doc.entries[0].title_text and "Wang" not in doc.entries[0].title_text


def test_a_citation_nested_under_a_labelled_item_titles_it() -> None:
    doc = build(
        "### Object Detection\n\n"
        "* R-CNN, UC Berkeley [[Paper-CVPR14]](http://arxiv.org/pdf/1311.2524)\n"
        "  * Ross Girshick, Jeff Donahue, Trevor Darrell, Jitendra Malik, Rich feature hierarchies"
        " for accurate object detection and semantic segmentation, CVPR, 2014.\n"
        "* GoogLeNet [[Paper]](http://arxiv.org/pdf/1409.4842)\n"
        "  * Christian Szegedy, Wei Liu, Yangqing Jia, Pierre Sermanet, CVPR, 2015.\n"
        "* Deep Residual Network (Current State-of-the-Art) [[Paper]](http://arxiv.org/abs/1512.03385)\n"
        "  * Kaiming He, Xiangyu Zhang, Shaoqing Ren, Jian Sun, Deep Residual Learning for Image"
        " Recognition\n"
        "* On Certifying Robustness against Backdoor Attacks via Randomized Smoothing."
        " [[pdf]](https://arxiv.org/pdf/2002.11750.pdf)\n"
        "  * Binghui Wang, Xiaoyu Cao, Jinyuan jia, and Neil Zhenqiang Gong. *CVPR Workshop*, 2020.\n"
    )
    assert [e.title_text.rstrip(".") for e in doc.entries] == [
        "Rich feature hierarchies for accurate object detection and semantic segmentation",
        "GoogLeNet",
        "Deep Residual Learning for Image Recognition",
        "On Certifying Robustness against Backdoor Attacks via Randomized Smoothing",
    ]
    assert doc.entries[0].last_line == 4


def test_a_quoted_title_after_names_and_a_comma() -> None:
    doc = build(
        '### Video\n\n* Michael Mathieu, camille couprie, Yann Lecun, "Deep Multi Scale Video'
        ' Prediction Beyond Mean Square Error", ICLR 2016. [[Paper](http://arxiv.org/pdf/1511.05440v6.pdf)]\n'
    )
    assert doc.entries[0].title_text == "Deep Multi Scale Video Prediction Beyond Mean Square Error"


def test_links_to_the_list_s_other_markdown_pages_are_navigation() -> None:
    doc = build(
        "## Contents\n\n- [Manipulation Tasks](contents/manipulation_tasks.md)\n"
        "  - [Grasp](contents/manipulation_tasks.md#grasp)\n"
        "  - [Dexterous Manipulation](./contents/tasks.markdown#dexterous)\n\n"
        "## Papers\n\n- [Learning Dexterous In-Hand Manipulation](papers/openai-hand.pdf)\n"
        "- [Dex-Net 2.0: Deep Learning to Plan Robust Grasps](https://arxiv.org/abs/1703.09312)\n"
    )
    assert [e.title_text for e in doc.entries] == [
        "Learning Dexterous In-Hand Manipulation",
        "Dex-Net 2.0: Deep Learning to Plan Robust Grasps",
    ]


def test_an_item_naming_a_group_over_its_own_paper_is_no_entry() -> None:
    doc = build(
        "### Semantic Segmentation\n\n"
        "* University of Cambridge [[Web]](http://mi.eng.cam.ac.uk/projects/segnet/)\n"
        '  * Vijay Badrinarayanan, Alex Kendall and Roberto Cipolla "SegNet: A Deep Convolutional'
        ' Encoder-Decoder Architecture", arXiv, 2015. [[Paper]](http://arxiv.org/abs/1511.00561)\n'
        "* Fully Convolutional Networks for Semantic Segmentation [[Paper]](http://arxiv.org/abs/1411.4038)\n"
    )
    assert [e.title_text for e in doc.entries] == [
        "SegNet: A Deep Convolutional Encoder-Decoder Architecture",
        "Fully Convolutional Networks for Semantic Segmentation",
    ]
