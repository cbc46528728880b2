"""Each rule, isolated with ``select``: where it fires, and where it must not."""

from __future__ import annotations

import pytest

from readme_lint.rules import all_rules
from tests.conftest import AUTHORS, DDIM, ENTRY, LINKS, SUMMARY, TITLE, entry, found

CITE = (
    '**[{n}]** Ho, Jonathan, et al. "**Denoising Diffusion Probabilistic Models**." NeurIPS'
    " (2020). [[pdf]](https://arxiv.org/abs/2006.11239)\n"
)
CITE2 = (
    '**[{n}]** Song, Jiaming, et al. "**Denoising Diffusion Implicit Models**." ICLR (2021).'
    " [[pdf]](https://arxiv.org/abs/2010.02502)\n"
)
CASES = [
    # RL101 entry-title
    pytest.param(
        "RL101",
        entry("Denoising Diffusion Probabilistic Models \\", AUTHORS, LINKS, SUMMARY),
        [(1, 1)],
        id="RL101-plain-title",
    ),
    pytest.param("RL101", ENTRY, [], id="RL101-bold-title"),
    pytest.param(
        "RL101",
        "Just a paragraph \\\nwith a break and\nno entry shape.\n",
        [],
        id="RL101-prose-is-not-an-entry",
    ),
    # RL102 entry-authors
    pytest.param("RL102", entry(TITLE, LINKS, SUMMARY), [(1, 1)], id="RL102-missing"),
    pytest.param("RL102", ENTRY, [], id="RL102-present"),
    pytest.param(
        "RL102",
        # In a list of plain authors lines, a line in the slot that does not read as names
        # ('Patrick Ng', no period) still fills it.
        "**Machine Learning for Protein Engineering.**  \nKadina E. Johnston, Bruce Wittmann.  \n"
        "*Preprint, October 2023.*  \n[[arxiv](https://arxiv.org/abs/2305.16634)]\n\n"
        "**dna2vec: Consistent vector representations of variable-length k-mers.**  \n"
        "Patrick Ng  \n*Preprint, January 2017*  \n[[arxiv](https://arxiv.org/abs/1701.06279)]\n",
        [],
        id="RL102-something-in-the-authors-slot-is-no-missing-line",
    ),
    # RL103 entry-link
    pytest.param(
        "RL103", entry(TITLE, AUTHORS, "NeurIPS 2020. \\", SUMMARY), [(1, 1)], id="RL103-no-link"
    ),
    pytest.param("RL103", ENTRY, [], id="RL103-has-links"),
    pytest.param(
        "RL103",
        "## Generation\n\n**Automatic Chemical Design Using a Data-Driven Continuous Representation**"
        "  \nRafael Gómez-Bombarelli, Jennifer N. Wei  \n*ACS Central Science*, January 2018,"
        " <https://doi.org/gcwp2q>  \nDOI: 10.1021/acscentsci.7b00572\n",
        [],
        id="RL103-an-autolink-is-a-link",
    ),
    pytest.param(
        "RL103",
        "## SLAM\n\n"
        '- Campos, C, Elvira, R. "ORB-SLAM3: An Accurate Open-Source Library for Visual SLAM".'
        " IEEE Transactions on Robotics 2021.\n"
        '- Bescos, B, Facil, J, Civera, J. "DynaSLAM: Tracking, Mapping, and Inpainting in'
        ' Dynamic Scenes". IEEE Robotics and Automation Letters 2018.\n'
        '- Sumikura, S, Shibuya, M. "OpenVSLAM: A Versatile Visual SLAM Framework".'
        " Proceedings of ACM Multimedia 2019.\n",
        [],
        id="RL103-a-section-of-plain-references-links-nothing-by-habit",
    ),
    pytest.param(
        "RL103",
        "- **NeRF** (Representing Scenes as Neural Radiance Fields) [[paper](https://arxiv.org/abs/2003.08934)]\n"
        "- **Mip-NeRF** (A Multiscale Representation for Anti-Aliasing) [[paper](https://arxiv.org/abs/2103.13415)]\n"
        "- **Plenoxels** (Plenoxels: Radiance Fields without Neural Networks)\n"
        "- Instant Neural Graphics Primitives. Thomas Muller, Alex Evans. SIGGRAPH 2022.\n",
        [(3, 1), (4, 1)],
        id="RL103-bullet-entries-without-a-link-among-linked-ones",
    ),
    pytest.param(
        "RL103",
        "- **Note** (updated weekly, send a pull request)\n- Thanks to all contributors. See the list. 2024 edition.\n",
        [],
        id="RL103-linkless-bullets-alone-are-prose",
    ),
    pytest.param(
        "RL103",
        "## Attacks\n\n- Latent Backdoor Attacks on Deep Neural Networks.\n"
        "  [[pdf]](https://dl.acm.org/doi/10.1145/3319535.3354209)\n"
        "  - Yuanshun Yao, Huiying Li, Haitao Zheng, and Ben Y. Zhao. *CCS*, 2019.\n"
        "- Hidden Trigger Backdoor Attacks.\n  [[pdf]](https://arxiv.org/abs/1910.00033)\n"
        "  - Aniruddha Saha, Akshayvarun Subramanya, and Hamed Pirsiavash. *AAAI*, 2020.\n"
        "- Spectral Signatures in Backdoor Attacks. Brandon Tran, Jerry Li. NeurIPS 2018.\n",
        [(9, 1)],
        id="RL103-an-authors-item-nested-under-its-entry-is-no-entry",
    ),
    pytest.param(
        "RL103",
        "## Adversarial Patch\n\narXiv 1712; NeurIPS workshop 2017\n\n"
        "1. **The first paper** that introduces the concept of **adversarial patch** attacks\n"
        "2. **Physical** world attacks, universal and targeted\n",
        [],
        id="RL103-numbered-notes-without-links-are-not-entries",
    ),
    pytest.param(
        "RL103",
        "## Fraud\n\n"
        "1. **Sequence-aware recommender systems.** ACM Computing Surveys, 2018.\n"
        "2. **Session-based Recommendations with Recurrent Neural Networks.** ICLR 2016. "
        "[paper](https://arxiv.org/abs/1511.06939)\n"
        "3. **Neural Attentive Session-based Recommendation.** CIKM 2017. "
        "[paper](https://arxiv.org/abs/1711.04725)\n",
        [(3, 1)],
        id="RL103-numbered-paper-without-a-link-among-linked-ones",
    ),
    # RL104 entry-summary
    pytest.param(
        "RL104", entry(TITLE, AUTHORS, LINKS.removesuffix(" \\")), [(1, 1)], id="RL104-missing"
    ),
    pytest.param(
        "RL104",
        entry(TITLE, AUTHORS, LINKS.removesuffix(" \\"))
        + "\n## Papers\n\n"
        + "".join(
            f"- [Paper Number {k} on Diffusion](https://arxiv.org/abs/2006.{11000 + k})\n"
            for k in range(20)
        ),
        [],
        id="RL104-a-lone-paragraph-among-many-bullets-is-a-guest",
    ),
    pytest.param(
        "RL104",
        entry(TITLE, AUTHORS, LINKS, "Jul 2021"),
        [(1, 1)],
        id="RL104-date-is-not-a-summary",
    ),
    pytest.param(
        "RL104",
        entry(TITLE, AUTHORS, LINKS, "1 Jul 2021 \\", SUMMARY),
        [],
        id="RL104-date-then-summary",
    ),
    pytest.param(
        "RL104",
        entry(TITLE, AUTHORS, LINKS, "A good intro", "that wraps over", "three lines."),
        [],
        id="RL104-wrapped-summary",
    ),
    # RL105 placeholder-summary
    pytest.param("RL105", entry(TITLE, AUTHORS, LINKS, "???"), [(4, 1)], id="RL105-question-marks"),
    pytest.param(
        "RL105",
        entry(TITLE, AUTHORS, LINKS, "!!!! README !!!!"),
        [(4, 1)],
        id="RL105-readme-banner",
    ),
    pytest.param("RL105", entry(TITLE, AUTHORS, LINKS, "todo"), [(4, 1)], id="RL105-todo-any-case"),
    pytest.param(
        "RL105", entry(TITLE, AUTHORS, LINKS, "-- !"), [(4, 1)], id="RL105-punctuation-only"
    ),
    pytest.param("RL105", ENTRY, [], id="RL105-real-summary"),
    pytest.param(
        "RL105",
        entry(TITLE, AUTHORS, LINKS, "TODO list planning with diffusion."),
        [],
        id="RL105-word-inside-sentence",
    ),
    # RL106 authors-format
    pytest.param(
        "RL106",
        entry(TITLE, "*Narek Tumanyan Michal Geyer Shai Bagon Tali Dekel* \\", LINKS, SUMMARY),
        [(2, 1)],
        id="RL106-run-together",
    ),
    pytest.param(
        "RL106",
        entry(TITLE, "*Luping Liu. Zhijie Lin* \\", LINKS, SUMMARY),
        [(2, 1)],
        id="RL106-period-separator",
    ),
    pytest.param(
        "RL106",
        entry(TITLE, "*Diederik P. Kingma, Tim Salimans* \\", LINKS, SUMMARY),
        [],
        id="RL106-initials",
    ),
    pytest.param(
        "RL106",
        entry(TITLE, "*Chen Henry Wu and Fernando De la Torre* \\", LINKS, SUMMARY),
        [],
        id="RL106-and-and-particles",
    ),
    pytest.param(
        "RL106",
        entry(TITLE, "*Alex Nichol<sup>1</sup>, Prafulla Dhariwal<sup>1</sup>* \\", LINKS, SUMMARY),
        [],
        id="RL106-sup-markers",
    ),
    pytest.param(
        "RL106",
        entry(TITLE, "*Mikolaj Czerkawski (@mikonvergence)* \\", LINKS, SUMMARY),
        [],
        id="RL106-handle",
    ),
    pytest.param(
        "RL106",
        entry(TITLE, "*Ann Lee\\* Bo Zhang\\*, Cy Wu* \\", LINKS, SUMMARY),
        [(2, 1)],
        id="RL106-equal-contribution-mark-then-a-name",
    ),
    pytest.param(
        "RL106",
        entry(TITLE, "*Jean-Luc Robert, Faik C. Meral Jason Yu, Jun Seob Shin* \\", LINKS, SUMMARY),
        [(2, 1)],
        id="RL106-middle-initial-then-three-names",
    ),
    pytest.param(
        "RL106",
        entry(
            TITLE,
            "*Virginia Fernandez, Walter Hugo Lopez Pinaya, Seyed Kamyar Seyed Ghasemipour* \\",
            LINKS,
            SUMMARY,
        ),
        [],
        id="RL106-four-word-names-between-commas",
    ),
    pytest.param(
        "RL106",
        entry(TITLE, "*Yifan Jiang, Venkata SK. Manem, Mark S. Graham* \\", LINKS, SUMMARY),
        [],
        id="RL106-double-initial",
    ),
    pytest.param(
        "RL106",
        entry(TITLE, "*Ann Lee\\*, Bo Zhang\\*, Juan C. Perez Garcia* \\", LINKS, SUMMARY),
        [],
        id="RL106-marks-before-commas-and-a-double-surname",
    ),
    # RL107 entry-split
    pytest.param(
        "RL107",
        entry(TITLE, AUTHORS, LINKS, "", SUMMARY),
        [(3, 113)],
        id="RL107-blank-line-before-summary",
    ),
    pytest.param(
        "RL107",
        entry(TITLE, AUTHORS, LINKS.removesuffix(" \\"), "", "A separate paragraph."),
        [],
        id="RL107-no-dangling-break",
    ),
    pytest.param("RL107", ENTRY + "\n" + DDIM, [], id="RL107-next-entry"),
    # RL108 read-marker
    pytest.param(
        "RL108",
        entry("**Denoising Diffusion Probabilistic Models :zap:** \\", AUTHORS, LINKS, SUMMARY),
        [(1, 44)],
        id="RL108-inside-bold",
    ),
    pytest.param(
        "RL108",
        entry(
            TITLE.replace(" :zap:", ""),
            "*Jonathan Ho, Ajay Jain, Pieter Abbeel* :zap: \\",
            LINKS,
            SUMMARY,
        ),
        [(2, 41)],
        id="RL108-on-authors-line",
    ),
    pytest.param("RL108", ENTRY, [], id="RL108-after-title"),
    pytest.param(
        "RL108",
        entry("**Denoising Diffusion Probabilistic Models**  :zap: \\", AUTHORS, LINKS, SUMMARY),
        [],
        id="RL108-extra-space-is-still-after",
    ),
    # RL109 venue-mismatch
    pytest.param(
        "RL109",
        entry(
            TITLE,
            AUTHORS,
            "CVPR 2023 [[Paper](https://openaccess.thecvf.com/content/ICCV2023/papers/x.pdf)] \\",
            SUMMARY,
        ),
        [(3, 1)],
        id="RL109-other-venue",
    ),
    pytest.param(
        "RL109",
        entry(
            TITLE,
            AUTHORS,
            "NeurIPS 2021. [[Paper](https://papers.nips.cc/paper/2020/hash/x.html)] \\",
            SUMMARY,
        ),
        [(3, 1)],
        id="RL109-other-year",
    ),
    pytest.param(
        "RL109",
        entry(
            TITLE,
            AUTHORS,
            "ICCV 2023 [[Paper](https://openaccess.thecvf.com/content/ICCV2023/papers/x.pdf)] \\",
            SUMMARY,
        ),
        [],
        id="RL109-agrees",
    ),
    pytest.param("RL109", ENTRY, [], id="RL109-arxiv-says-nothing"),
    # RL110 implausible-year
    pytest.param(
        "RL110",
        entry(TITLE, AUTHORS, LINKS.replace("NeurIPS 2020.", "NeurIPS 20200."), SUMMARY),
        [(3, 9)],
        id="RL110-five-digits",
    ),
    pytest.param(
        "RL110",
        entry(TITLE, AUTHORS, LINKS.replace("NeurIPS 2020.", "NeurIPS 1899."), SUMMARY),
        [(3, 9)],
        id="RL110-too-early",
    ),
    pytest.param(
        "RL110",
        entry(TITLE, AUTHORS, "[8th Mar., 2022] [arXiv, 20223 \\", LINKS, SUMMARY),
        [(3, 26)],
        id="RL110-date-venue-line",
    ),
    pytest.param("RL110", ENTRY, [], id="RL110-plausible"),
    pytest.param(
        "RL110",
        entry(
            TITLE,
            AUTHORS,
            "arXiv:2006.11239 [[Paper](https://arxiv.org/abs/2006.11239)] \\",
            SUMMARY,
        ),
        [],
        id="RL110-arxiv-id-is-not-a-year",
    ),
    # RL112 arxiv-year-mismatch
    pytest.param(
        "RL112",
        entry(TITLE, AUTHORS, LINKS.replace("NeurIPS 2020.", "arXiv 2019."), SUMMARY),
        [(3, 1)],
        id="RL112-arxiv-year-before-the-id",
    ),
    pytest.param(
        "RL112",
        entry(TITLE, AUTHORS, LINKS.replace("NeurIPS 2020.", "NeurIPS 2020 (arXiv'22)."), SUMMARY),
        [(3, 15)],
        id="RL112-short-arxiv-year-after-the-id",
    ),
    pytest.param(
        "RL112",
        entry(
            TITLE,
            AUTHORS,
            "*arXiv*, June 2022, [[Paper](https://arxiv.org/abs/2110.04126)] \\",
            SUMMARY,
        ),
        [],
        id="RL112-a-later-version-s-date-is-possible",
    ),
    pytest.param(
        "RL112",
        entry(TITLE, AUTHORS, "[8th Mar., 2019] \\", LINKS.replace("NeurIPS 2020. ", ""), SUMMARY),
        [(3, 12)],
        id="RL112-date-before-the-id",
    ),
    pytest.param("RL112", ENTRY, [], id="RL112-venue-year-is-not-the-arxiv-year"),
    pytest.param(
        "RL112",
        # Submitted on 31 December 2020, announced and numbered in January 2021.
        entry(
            TITLE,
            AUTHORS,
            "arXiv 2020. [[Paper](https://arxiv.org/abs/2101.00027)] \\",
            SUMMARY,
        ),
        [],
        id="RL112-january-id-submitted-in-december",
    ),
    pytest.param(
        "RL112",
        entry(
            TITLE,
            AUTHORS,
            "arXiv 2021. [[Paper](https://arxiv.org/abs/2301.00001)] \\",
            SUMMARY,
        ),
        [(3, 1)],
        id="RL112-january-id-two-years-after",
    ),
    pytest.param(
        "RL112",
        # Posted on 24 January 2025: too far into January to be December's.
        entry(
            TITLE,
            AUTHORS,
            "arXiv 2024. [[Paper](https://arxiv.org/abs/2501.14654)] \\",
            SUMMARY,
        ),
        [(3, 1)],
        id="RL112-mid-january-id-and-the-year-before",
    ),
    pytest.param(
        "RL112",
        entry(TITLE, AUTHORS, LINKS.replace("NeurIPS 2020.", "arXiv:2006.11239, 2020."), SUMMARY),
        [],
        id="RL112-id-in-the-text-and-its-year",
    ),
    pytest.param(
        "RL112",
        entry(TITLE, AUTHORS, LINKS.replace("NeurIPS 2020.", "arXiv 2006."), SUMMARY),
        [],
        id="RL112-year-and-month-as-the-id-writes-them",
    ),
    pytest.param(
        "RL112",
        entry(TITLE, AUTHORS, "[8th Mar., 2019] [CVPR, 2019] \\", LINKS, SUMMARY),
        [],
        id="RL112-date-beside-another-venue",
    ),
    pytest.param(
        "RL112",
        entry(
            TITLE,
            AUTHORS,
            "arXiv 2019. [[Paper](https://arxiv.org/abs/2006.11239)] "
            "[[v2](https://arxiv.org/abs/1907.05600)] \\",
            SUMMARY,
        ),
        [],
        id="RL112-two-arxiv-ids",
    ),
    # RL113 venue-spelling
    pytest.param(
        "RL113",
        entry(TITLE, AUTHORS, LINKS.replace("NeurIPS 2020.", "NeurlPS 2020."), SUMMARY),
        [(3, 1)],
        id="RL113-confusable-letter",
    ),
    pytest.param(
        "RL113",
        entry(TITLE, AUTHORS, LINKS.replace("NeurIPS 2020.", "In CPVR, 2020."), SUMMARY),
        [(3, 4)],
        id="RL113-swapped-letters",
    ),
    pytest.param(
        "RL113",
        entry(TITLE, AUTHORS, LINKS.replace("NeurIPS 2020.", "ICLR'2O."), SUMMARY),
        [(3, 6)],
        id="RL113-letter-o-in-the-year",
    ),
    pytest.param("RL113", ENTRY, [], id="RL113-known-venue"),
    pytest.param(
        "RL113",
        entry(TITLE, AUTHORS, LINKS.replace("NeurIPS 2020.", "Neurips 2020, CoRL 2021."), SUMMARY),
        [],
        id="RL113-letter-case-and-mixed-case-names",
    ),
    pytest.param(
        "RL113",
        entry(TITLE, AUTHORS, LINKS.replace("NeurIPS 2020.", "ICRA workshop, CPVR."), SUMMARY),
        [],
        id="RL113-no-year-no-venue-context",
    ),
    pytest.param(
        "RL110",
        entry(
            TITLE,
            AUTHORS,
            LINKS.replace("NeurIPS 2020.", "arXiv 1708; ICCV Workshop 2017."),
            SUMMARY,
        ),
        [],
        id="RL110-arxiv-year-and-month-is-no-year",
    ),
    # RL114 placeholder-title
    pytest.param(
        "RL114",
        "## M\n\n| Title | Venue | Code |\n|---|---|---|\n"
        "| [TBD](https://arxiv.org/abs/2006.11239) | NeurIPS 2020 | [code](https://github.com/h/d) |\n"
        "| [Denoising Diffusion Implicit Models](https://arxiv.org/abs/2010.02502) | ICLR 2021 | - |\n",
        [(5, 3)],
        id="RL114-table-title-cell",
    ),
    pytest.param(
        "RL114",
        entry("**???** \\", AUTHORS, LINKS, SUMMARY),
        [(1, 3)],
        id="RL114-paragraph-title",
    ),
    pytest.param("RL114", ENTRY, [], id="RL114-real-title"),
    pytest.param(
        "RL114",
        "## M\n\n- [TBD: Towards Better Diffusion](https://arxiv.org/abs/2006.11239)\n"
        "- [Denoising Diffusion Implicit Models](https://arxiv.org/abs/2010.02502)\n",
        [],
        id="RL114-a-title-that-starts-like-a-placeholder",
    ),
    pytest.param(
        "RL114",
        "## M\n\n| Name | Title |\n|---|---|\n"
        "| DDIM | [Denoising Diffusion Implicit Models](https://arxiv.org/abs/2010.02502) |\n"
        "| N/A | [Improved Denoising Diffusion Probabilistic Models](https://arxiv.org/abs/2102.09672) |\n",
        [],
        id="RL114-a-name-column-beside-the-title-column-is-no-title",
    ),
    # RL115 copy-artefact
    pytest.param(
        "RL115",
        entry("**Ef- ficient Diffusion Models for Vision: A Survey** \\", AUTHORS, LINKS, SUMMARY),
        [(1, 3)],
        id="RL115-word-broken-at-a-line-end",
    ),
    pytest.param(
        "RL115",
        entry("**Con\ufb01dence Maps for Segmentation** \\", AUTHORS, LINKS, SUMMARY),
        [(1, 6)],
        id="RL115-ligature",
    ),
    pytest.param(
        "RL115",
        entry(TITLE, AUTHORS, LINKS.replace("NeurIPS 2020.", "Preprint. Preprint."), SUMMARY),
        [(3, 1)],
        id="RL115-venue-said-twice",
    ),
    pytest.param(
        "RL115",
        entry(
            "**Attention is not not Explanation: Semi- and Self-Supervised Views** \\",
            "*Chen Chen, Li Zhen, Zhen Wang* \\",
            LINKS,
            SUMMARY,
        ),
        [],
        id="RL115-doubled-words-in-titles-and-names-and-a-suspended-hyphen",
    ),
    # RL116 citation-number
    pytest.param(
        "RL116",
        "## Models\n\n" + CITE.format(n=34) + "\n" + CITE2.format(n=34),
        [(5, 3)],
        id="RL116-the-number-repeated",
    ),
    pytest.param(
        "RL116",
        "## Models\n\n" + CITE.format(n=34) + "\n" + CITE2.format(n=35),
        [],
        id="RL116-counting-up",
    ),
    pytest.param(
        "RL116",
        "## Models\n\n" + CITE.format(n=1) + "\n## Sampling\n\n" + CITE2.format(n=1),
        [],
        id="RL116-numbering-starts-again-under-a-heading",
    ),
    # RL111 entries-run-together
    pytest.param(
        "RL111",
        ENTRY.rstrip("\n") + "\n" + DDIM,
        [(5, 1)],
        id="RL111-second-title-right-after-the-summary",
    ),
    pytest.param("RL111", ENTRY + "\n" + DDIM, [], id="RL111-blank-line-between"),
    pytest.param(
        "RL111",
        ENTRY.rstrip("\n") + "\n**Note:** the code was released later. \\\nSee the repository.\n",
        [],
        id="RL111-a-bold-lead-in-is-prose",
    ),
    # RL201 stray-asterisk
    pytest.param(
        "RL201",
        entry("***Null-text Inversion** :zap: \\", AUTHORS, LINKS, SUMMARY),
        [(1, 1)],
        id="RL201-extra-leading",
    ),
    pytest.param(
        "RL201",
        entry("**Null-text Inversion*** \\", AUTHORS, LINKS, SUMMARY),
        [(1, 1)],
        id="RL201-extra-trailing",
    ),
    pytest.param(
        "RL201",
        entry("**Null-text Inversion :zap: \\", AUTHORS, LINKS, SUMMARY),
        [(1, 1)],
        id="RL201-never-closed",
    ),
    pytest.param(
        "RL201",
        "## Fields\n\n**Neural Density-Distance Fields.**<br>\n"
        "*Itsuki Ueda, Yoshihiro Fukuhara,\nHirokatsu Kataoka, Hiroaki Aizawa.*<br>\n"
        "ECCV 2022. [[PDF](https://arxiv.org/abs/2207.14455)]<br>\nDistance fields.\n",
        [],
        id="RL201-authors-wrapped-and-closed-on-the-next-line",
    ),
    pytest.param(
        "RL201",
        "## Fields\n\n**Neural Density-Distance Fields.**<br>\n"
        "*Itsuki Ueda, Yoshihiro Fukuhara,\nHirokatsu Kataoka, Hiroaki Aizawa.<br>\n"
        "ECCV 2022. [[PDF](https://arxiv.org/abs/2207.14455)]<br>\nDistance fields.\n",
        [(4, 1)],
        id="RL201-authors-wrapped-and-never-closed",
    ),
    pytest.param(
        "RL201",
        entry("**Null-text Inversion for Editing", "Real Images.** \\", AUTHORS, LINKS, SUMMARY),
        [(1, 1)],
        id="RL201-title-split-across-two-lines",
    ),
    pytest.param(
        "RL201",
        entry(TITLE, "*Ron Mokady, Amir Hertz** \\", LINKS, SUMMARY),
        [(2, 1)],
        id="RL201-authors-extra",
    ),
    pytest.param(
        "RL201",
        entry(TITLE, "*Ron Mokady, Amir Hertz \\", LINKS, SUMMARY),
        [(2, 1)],
        id="RL201-authors-unclosed",
    ),
    pytest.param("RL201", ENTRY, [], id="RL201-balanced"),
    pytest.param(
        "RL201",
        entry("***Bold Italic Title*** \\", AUTHORS, LINKS, SUMMARY),
        [],
        id="RL201-balanced-bold-italic",
    ),
    # RL202 backslash-trailing-space
    pytest.param(
        "RL202", entry(TITLE + " ", AUTHORS, LINKS, SUMMARY), [(1, 52)], id="RL202-space-after"
    ),
    pytest.param(
        "RL202", entry(TITLE + "\t", AUTHORS, LINKS, SUMMARY), [(1, 52)], id="RL202-tab-after"
    ),
    pytest.param("RL202", ENTRY, [], id="RL202-clean"),
    pytest.param("RL202", "```\ncode \\ \n```\n", [], id="RL202-not-in-code"),
    # RL203 dangling-backslash
    pytest.param("RL203", entry(TITLE, AUTHORS, LINKS), [(3, 113)], id="RL203-last-line"),
    pytest.param("RL203", "Some text \\\n\n## Next\n", [(1, 11)], id="RL203-plain-paragraph"),
    pytest.param("RL203", ENTRY, [], id="RL203-clean"),
    pytest.param("RL203", "A path C:\\\\\n", [], id="RL203-escaped-backslash"),
    # RL204 missing-hard-break
    pytest.param(
        "RL204",
        entry(TITLE.removesuffix(" \\"), AUTHORS, LINKS, SUMMARY),
        [(1, 51)],
        id="RL204-title",
    ),
    pytest.param(
        "RL204",
        entry(TITLE, AUTHORS.removesuffix(" \\"), LINKS, SUMMARY),
        [(2, 40)],
        id="RL204-authors",
    ),
    pytest.param(
        "RL204",
        entry(
            TITLE,
            "[[CVPR 2025](https://arxiv.org/abs/2412.10122)]",
            "[[Project](https://example.org/illusions/)] ",
            "[[Code](https://github.com/alviur/color-illusion-diffusion)]",
        ),
        [],
        id="RL204-links-wrapped-over-lines-are-one-field",
    ),
    pytest.param(
        "RL204",
        "## Fields\n\n**Neural Density-Distance Fields.**<br>\n"
        "*Itsuki Ueda, Yoshihiro Fukuhara,\nHirokatsu Kataoka, Hiroaki Aizawa.*<br>\n"
        "ECCV 2022. [[PDF](https://arxiv.org/abs/2207.14455)]\n",
        [],
        id="RL204-names-wrapped-after-a-comma-are-one-field",
    ),
    pytest.param(
        "RL204",
        "## Survey\n\n**[Neural Fields in Robotics: A Survey](https://arxiv.org/pdf/2410.20220)**\n"
        "<br />\nMuhammad Zubair Irshad, Mauro Comi, Yen-Chen Lin\n<br />\n"
        "arXiv 2024. [[Code](https://github.com/zubair-irshad/x)]\n",
        [],
        id="RL204-the-break-on-the-next-line",
    ),
    pytest.param(
        "RL204",
        entry(
            TITLE, AUTHORS, "[[Paper](https://arxiv.org/abs/2006.11239)]", "[[Code](u)]", SUMMARY
        ),
        [(4, 12)],
        id="RL204-after-the-last-links-line",
    ),
    pytest.param(
        "RL204",
        entry(TITLE, AUTHORS, LINKS.removesuffix(" \\"), SUMMARY),
        [(3, 112)],
        id="RL204-links",
    ),
    pytest.param("RL204", ENTRY, [], id="RL204-clean"),
    pytest.param(
        "RL204",
        # Two-space breaks on every line but the title's: still an entry, and its title
        # line is the one that runs into the next.
        "**Advances in machine learning for directed evolution.** \n"
        "Bruce J Wittmann, Kadina E Johnston, Zachary Wu, Frances H Arnold.  \n"
        "*Current Opinion in Structural Biology, August 2021.*  \n"
        "[[10.1016/j.sbi.2021.01.008](https://doi.org/10.1016/j.sbi.2021.01.008)]\n",
        [(1, 57)],
        id="RL204-title-line-without-the-break-its-entry-has",
    ),
    pytest.param(
        "RL204",
        entry(TITLE.removesuffix(" \\") + "  ", AUTHORS, LINKS, SUMMARY),
        [],
        id="RL204-two-space-break",
    ),
    # RL205 backslash-spacing
    pytest.param(
        "RL205",
        entry(TITLE.replace(" \\", "\\"), AUTHORS, LINKS, SUMMARY),
        [(1, 51)],
        id="RL205-after-marker",
    ),
    pytest.param(
        "RL205",
        entry(TITLE, AUTHORS, LINKS.replace(")] \\", ")]\\"), SUMMARY),
        [(3, 112)],
        id="RL205-after-link",
    ),
    pytest.param("RL205", ENTRY, [], id="RL205-clean"),
    pytest.param(
        "RL205",
        # The list glues every break: that is its style, not a slip.
        entry(TITLE.replace(" \\", "\\"), AUTHORS.replace(" \\", "\\"), LINKS, SUMMARY),
        [],
        id="RL205-glued-is-the-lists-style",
    ),
    # RL206 trailing-whitespace
    pytest.param(
        "RL206", entry(TITLE, AUTHORS, LINKS, SUMMARY + " "), [(4, 67)], id="RL206-summary"
    ),
    pytest.param("RL206", "# Heading \n", [(1, 10)], id="RL206-heading"),
    pytest.param("RL206", "text\n   \nmore\n", [(2, 1)], id="RL206-blank-line-with-spaces"),
    pytest.param("RL206", "line one  \nline two\n", [], id="RL206-two-space-hard-break"),
    pytest.param("RL206", "```\ncode   \n```\n", [], id="RL206-code-block"),
    pytest.param("RL206", ENTRY, [], id="RL206-clean"),
    # RL207 multiple-spaces
    pytest.param(
        "RL207",
        entry(TITLE, AUTHORS, LINKS.replace("] [[", "]  [["), SUMMARY),
        [(3, 58)],
        id="RL207-between-links",
    ),
    pytest.param(
        "RL207",
        entry("**Denoising Diffusion Probabilistic Models**  :zap: \\", AUTHORS, LINKS, SUMMARY),
        [(1, 45)],
        id="RL207-before-marker",
    ),
    pytest.param(
        "RL207",
        entry(TITLE, AUTHORS, LINKS, "Uses `a  b` and $x  y$ spacing."),
        [],
        id="RL207-code-and-math",
    ),
    pytest.param("RL207", "Prose.  Two spaces outside entries.\n", [], id="RL207-outside-entries"),
    pytest.param("RL207", ENTRY, [], id="RL207-clean"),
    pytest.param(
        "RL207",
        "1. **Attention Is All You Need.** NeurIPS 2017. [[pdf]](https://arxiv.org/abs/1706.03762)\n"
        "10.   **Deep Residual Learning for Image Recognition.**  CVPR 2016. [[pdf]](https://arxiv.org/abs/1512.03385)\n"
        "    - - **Sub** (Nested Item Title) [[pdf]](https://arxiv.org/abs/1512.03385)\n",
        [(2, 56)],
        id="RL207-marker-padding-is-not-a-run",
    ),
    # RL208 link-syntax
    pytest.param(
        "RL208",
        "- **Grad-TTS: A Diffusion Probabilistic Model for Text-to-Speech**(2021), Vadim Popov"
        " et al. [[[pdf]](https://arxiv.org/abs/2105.06337)\n",
        [(1, 94)],
        id="RL208-an-extra-bracket-before-a-bracketed-label",
    ),
    pytest.param(
        "RL208",
        entry(TITLE, AUTHORS, "[[Code] (https://github.com/x/y)] \\", SUMMARY),
        [(3, 1)],
        id="RL208-space-before-url",
    ),
    pytest.param(
        "RL208",
        ENTRY
        + "\n"
        + entry(TITLE, AUTHORS, "[[Page](https://a.org)][[Paper](https://b.org)] \\", SUMMARY),
        [(8, 24)],
        id="RL208-run-together-where-the-list-spaces-them",
    ),
    pytest.param(
        "RL208",
        entry(TITLE, AUTHORS, "[[Page](https://a.org)][[Paper](https://b.org)] \\", SUMMARY),
        [],
        id="RL208-bracketed-links-glued-as-the-list-does",
    ),
    pytest.param(
        "RL208",
        entry(TITLE, AUTHORS, "[Page](https://a.org)[Paper](https://b.org) \\", SUMMARY),
        [(3, 22)],
        id="RL208-shown-texts-touching-PagePaper",
    ),
    pytest.param(
        "RL208",
        entry(TITLE, AUTHORS, "[[Page]](https://a.org)[[Paper]](https://b.org) \\", SUMMARY),
        [],
        id="RL208-brackets-inside-the-labels-keep-them-apart",
    ),
    pytest.param(
        "RL208",
        entry(TITLE, AUTHORS, "[[Paper](https://a.org) [[Code](https://b.org)] \\", SUMMARY),
        [(3, 1)],
        id="RL208-missing-close",
    ),
    pytest.param(
        "RL208",
        entry(TITLE, AUTHORS, "[Paper](https://a.org)] [[Code](https://b.org)] \\", SUMMARY),
        [(3, 1)],
        id="RL208-missing-open",
    ),
    pytest.param(
        "RL208",
        "## Papers\n\n- **ResNet** (Deep Residual Learning) [paper](https://a.org)[code](https://b.org)\n",
        [(3, 61)],
        id="RL208-plain-links-run-together",
    ),
    pytest.param(
        "RL208",
        '**[3]** He, Kaiming, et al. "**Deep residual learning**." CVPR (2016). '
        "[[pdf]](https://a.org/p.pdf)[[code]](https://b.org) :star:\n",
        [],
        id="RL208-citation-links-glued-as-the-list-does",
    ),
    pytest.param(
        "RL208",
        '**[3]** He, Kaiming, et al. "**Deep residual learning**." CVPR (2016). '
        "[[pdf]](https://a.org/p.pdf)[[code]](https://b.org) :star:\n\n"
        '**[4]** Ho, Jonathan, et al. "**Denoising diffusion probabilistic models**." NeurIPS (2020). '
        "[[pdf]](https://a.org/q.pdf) [[code]](https://c.org) :star:\n\n"
        '**[5]** Song, Jiaming, et al. "**Denoising diffusion implicit models**." ICLR (2021). '
        "[[pdf]](https://a.org/r.pdf) [[code]](https://d.org) :star:\n",
        [(1, 100)],
        id="RL208-citation-links-run-together-where-the-list-spaces-them",
    ),
    pytest.param(
        "RL208",
        "## Papers\n\n- **ResNet** (Deep Residual Learning) [paper] (https://a.org) [code](https://b.org)\n",
        [(3, 39)],
        id="RL208-plain-space-before-url",
    ),
    pytest.param(
        "RL208",
        "## Papers\n\n- **ResNet** (Deep Residual Learning) [paper](https://a.org) "
        "[![Stars](https://img.shields.io/a)](https://b.org)[![PWC](https://img.shields.io/b)](https://c.org)\n",
        [],
        id="RL208-badges-side-by-side",
    ),
    pytest.param(
        "RL208",
        ENTRY + "\n" + entry(TITLE, AUTHORS, "NeurIPS 2020. [Paper](https://a.org/p)] \\", SUMMARY),
        [(8, 15)],
        id="RL208-missing-open-alone-in-a-list-style-list",
    ),
    pytest.param(
        "RL208",
        "## Papers\n\n- [Deep Residual Learning](https://a.org/p)] and more\n",
        [],
        id="RL208-plain-style-list-no-missing-open",
    ),
    pytest.param(
        "RL208",
        entry(TITLE, AUTHORS, LINKS.replace("[[Paper]", "[[Paper ]"), SUMMARY),
        [(3, 17)],
        id="RL208-space-before-the-closing-bracket",
    ),
    pytest.param("RL208", ENTRY, [], id="RL208-clean"),
    pytest.param(
        "RL208",
        entry(TITLE, AUTHORS, "[[Paper](https://a.org) and [Appendix](https://b.org)] \\", SUMMARY),
        [],
        id="RL208-two-links-in-one-bracket-group",
    ),
    pytest.param(
        "RL208",
        entry(TITLE, AUTHORS, "[[Data](https://a.org)(code: https://b.org)] \\", SUMMARY),
        [],
        id="RL208-a-note-inside-the-link-s-brackets",
    ),
    pytest.param(
        "RL208",
        entry(
            TITLE,
            AUTHORS,
            "[[Paper](https://c.org)] [[Project]([https://a.org](https://b.org)] \\",
            SUMMARY,
        ),
        [(3, 37)],
        id="RL208-a-broken-link-is-no-bracket-group",
    ),
    pytest.param(
        "RL208",
        "## Models\n\n"
        "* [InferSent](https://github.com/facebookresearch/InferSent): [Supervised Learning of\n"
        "  Universal Sentence Representations from Natural Language Inference Data]"
        "(https://arxiv.org/abs/1705.02364)\n"
        "* [USE](https://tfhub.dev/google/universal-sentence-encoder/2): [Universal Sentence"
        " Encoder](https://arxiv.org/abs/1803.11175)\n",
        [],
        id="RL208-link-text-wrapped-onto-the-next-line",
    ),
    pytest.param(
        "RL208",
        "## Models\n\n"
        "* [InferSent](https://github.com/facebookresearch/InferSent): [Supervised Learning of\n"
        "  Universal Sentence Representations from Natural Language Inference Data\n"
        "* [USE](https://tfhub.dev/google/universal-sentence-encoder/2): [Universal Sentence"
        " Encoder](https://arxiv.org/abs/1803.11175)\n",
        [(3, 63)],
        id="RL208-a-bracket-the-next-line-does-not-close",
    ),
    # RL210 markdown-in-html
    pytest.param(
        "RL210",
        '## Networking\n\n<h3 id="profiling">Profiling</h3>\n'
        "- [Understanding PCIe Performance for End Host Networking](https://example.org/a.pdf)\n"
        "- [Reexamining Direct Cache Access](https://example.org/b.pdf)\n",
        [(4, 1)],
        id="RL210-a-list-right-under-an-html-heading",
    ),
    pytest.param(
        "RL210",
        '## Networking\n\n<h3 id="profiling">Profiling</h3>\n\n'
        "- [Understanding PCIe Performance for End Host Networking](https://example.org/a.pdf)\n\n"
        "<details><summary>Notes</summary>\n\n- **a note**\n</details>\n\n"
        "<pre>\n- [not a link](x)\n</pre>\n",
        [],
        id="RL210-blank-lines-and-pre-blocks",
    ),
    # RL209 table-cells
    pytest.param(
        "RL209",
        "| Title | Venue | Code |\n|---|---|---|\n| [A Paper Title](https://arxiv.org/abs/2006.11239) | NeurIPS | 2020 | [code](https://github.com/a/b) |\n",
        [(3, 1)],
        id="RL209-more-cells-than-the-header",
    ),
    pytest.param(
        "RL209",
        "## Methods\n\n| Name | Paper | Code |\n|---|---|---|\n"
        "| PC algorithm | Causation, Prediction, and Search | [R](https://github.com/cran/pcalg) |\n"
        "<!-- | FCI | Causation, Prediction, and Search | [R](https://github.com/cran/pcalg) | x | -->\n"
        "<div>| GES | Optimal Structure Identification | [R](https://a.org) | y |</div>\n",
        [],
        id="RL209-a-comment-or-a-block-tag-under-a-table-ends-it",
    ),
    pytest.param(
        "RL209",
        "## Methods\n\n| Name | Paper |\n|---|---|\n"
        "| PC algorithm | Causation, Prediction, and Search |\n"
        "<b>FCI</b> | Causation, Prediction, and Search | extra |\n",
        [(6, 1)],
        id="RL209-an-inline-tag-row-is-still-a-row",
    ),
    pytest.param(
        "RL209",
        "| Title | Venue | Code |\n|---|---|---|\n| [A Paper Title](https://arxiv.org/abs/2006.11239) | NeurIPS 2020 |\n",
        [],
        id="RL209-fewer-cells-render-complete-with-blanks",
    ),
    pytest.param(
        "RL209",
        "| Title | Venue | Code |\n|---|---|---|\n| [A Paper Title](https://arxiv.org/abs/2006.11239) | `a \\| b` | - ||\n"
        "[A Paper Title](https://arxiv.org/abs/2010.02502) | ICLR | -\n",
        [],
        id="RL209-escaped-pipe-empty-extra-cell-no-outer-pipes",
    ),
    pytest.param(
        "RL209",
        "| Title | Venue | Code |\n|---|---|---|\n| [A Paper Title](https://arxiv.org/abs/2006.11239) | `a | b` | - |\n",
        [(3, 1)],
        id="RL209-a-code-span-does-not-protect-a-pipe",
    ),
    # RL301 link-label
    pytest.param(
        "RL301",
        ENTRY
        + "\n"
        + DDIM
        + "\n"
        + entry(
            TITLE.replace("Denoising", "Improved"),
            AUTHORS,
            "[[paper](https://arxiv.org/abs/2102.09672)] \\",
            SUMMARY,
        ),
        [(13, 3)],
        id="RL301-minority-spelling",
    ),
    pytest.param(
        "RL301",
        ENTRY.replace("[[Paper]", "[[paper]"),
        [(3, 17)],
        id="RL301-configured",
        marks=pytest.mark.config(labels=("Paper",)),
    ),
    pytest.param("RL301", ENTRY + "\n" + DDIM, [], id="RL301-consistent"),
    pytest.param(
        "RL301",
        ENTRY + "\n" + DDIM.replace("[[Paper]", "[[paper]"),
        [],
        id="RL301-tie-has-no-canonical",
    ),
    pytest.param(
        "RL301",
        "\n".join(
            f"- **M{k}** (A Paper Title Number {k}) [[{label}](https://github.com/a/b{k})]"
            for k, label in enumerate(["Github", "Github", "Github", "GitHub"])
        ),
        [],
        id="RL301-a-misspelt-majority-holds-no-one-to-anything",
    ),
    pytest.param(
        "RL301",
        "\n".join(
            f"- **M{k}** (A Paper Title Number {k}) [[{label}](https://github.com/a/b{k})]"
            for k, label in enumerate(["GitHub", "Github", "GitHub", "GitHub"])
        ),
        [(2, 37)],
        id="RL301-minority-misspelling-held-to-the-majority",
    ),
    pytest.param(
        "RL301",
        "\n".join(
            f"- **M{k}** (A Paper Title Number {k}) [[Github](https://github.com/a/b{k})]"
            for k in range(3)
        ),
        [],
        id="RL301-one-spelling-is-the-list-s-own",
    ),
    pytest.param(
        "RL301",
        "## Papers\n\n"
        "- [[SIGGRAPH2020](https://arxiv.org/abs/2003.08934)] NeRF: Representing Scenes as Neural Radiance Fields\n"
        "- [[Siggraph2020](https://arxiv.org/abs/2006.10739)] Fourier Features Let Networks Learn\n"
        "- [[Siggraph2020](https://arxiv.org/abs/2007.11571)] Neural Sparse Voxel Fields\n",
        [],
        id="RL301-venue-tags-are-no-labels",
    ),
    # RL302 duplicate-link
    pytest.param(
        "RL302",
        ENTRY
        + "\n"
        + DDIM.replace(
            "https://github.com/ermongroup/ddim", "https://arxiv.org/pdf/2006.11239v2.pdf"
        ),
        [(8, 64)],
        id="RL302-other-title-same-arxiv-id",
    ),
    pytest.param(
        "RL302",
        ENTRY + "\n" + DDIM.replace("abs/2010.02502", "pdf/2006.11239v2.pdf"),
        [(8, 21)],
        id="RL302-same-arxiv-paper-other-title",
    ),
    pytest.param(
        "RL302",
        ENTRY
        + "\n"
        + DDIM.replace(
            "https://github.com/ermongroup/ddim", "http://www.github.com/hojonathanho/diffusion/"
        ),
        [],
        id="RL302-shared-code-repo-is-normal",
    ),
    pytest.param("RL302", ENTRY + "\n" + DDIM, [], id="RL302-distinct"),
    pytest.param(
        "RL302",
        "- [Bridging Language and Items for Retrieval and Recommendation](https://arxiv.org/abs/2403.03952)\n\n"
        "| Dataset | Domain | Link |\n|---|---|---|\n"
        "| Amazon-Review 2023 | E-commerce | [[Link]](https://arxiv.org/abs/2403.03952) |\n"
        "| MovieLens | Movie | [[Link]](https://grouplens.org/datasets/movielens/) |\n",
        [],
        id="RL302-a-dataset-named-in-a-row-links-its-paper",
    ),
    pytest.param(
        "RL302",
        "## Attacks\n\n- Backdoor Attack in the Physical World."
        " [[pdf]](https://arxiv.org/pdf/2104.02361.pdf)"
        " [[extension]](https://arxiv.org/pdf/2004.04692.pdf)\n"
        "- Rethinking the Trigger of Backdoor Attack. [[pdf]](https://arxiv.org/pdf/2004.04692.pdf)\n",
        [],
        id="RL302-a-link-labelled-as-another-paper",
    ),
    pytest.param(
        "RL302",
        "- **MMLU (Clinical Knowledge)**: Measuring Massive Multitask Language Understanding."
        " [paper](https://arxiv.org/abs/2009.03300)\n"
        "- **MMLU (College Medicine)**: Measuring Massive Multitask Language Understanding."
        " [paper](https://arxiv.org/abs/2009.03300)\n",
        [],
        id="RL302-two-names-of-one-paper",
    ),
    pytest.param(
        "RL302",
        "**_Shared FFN_ - MixLoRA: Enhancing Large Language Models Fine-Tuning with LoRA-based"
        " Mixture of Experts**\\\n_Dengchun Li, Yingzi Ma_\\\n"
        "arXiv, [[Paper](https://arxiv.org/abs/2404.15159)]\n\n"
        "**_Load Balance Loss_ - MixLoRA: Enhancing Large Language Models Fine-Tuning with"
        " LoRA-based Mixture of Experts**\\\n_Dengchun Li, Yingzi Ma_\\\n"
        "arXiv, [[Paper](https://arxiv.org/abs/2404.15159)]\n",
        [],
        id="RL302-one-paper-under-two-tags",
    ),
    pytest.param(
        "RL302",
        "- **OstQuant**: Refining Large Language Model Quantization with Orthogonal and Scaling"
        " Transformations. [paper](https://arxiv.org/abs/2501.13331)\n"
        "- **QRazor**: Reliable and Effortless 4-bit LLM Quantization by Significant Data"
        " Razoring. [paper](https://arxiv.org/abs/2501.13331)\n",
        [(2, 100)],
        id="RL302-two-names-two-titles",
    ),
    pytest.param(
        "RL302",
        "| Model | Paper |\n|---|---|\n"
        "| OPT | [OPT: Open Pre-trained Transformer Language Models](https://arxiv.org/abs/2205.01068) |\n"
        "| OPT sizes | [OPT-1.3/6.7/13/30/66B](https://arxiv.org/abs/2205.01068) |\n",
        [],
        id="RL302-a-model-named-after-the-paper",
    ),
    pytest.param(
        "RL302",
        "**TGATE-V1: Cross-Attention Makes Inference Cumbersome in Text-to-Image Diffusion"
        " Models** \\\n[[Website](https://arxiv.org/abs/2404.02747v1)]\n\n"
        "**TGATE-V2: Faster Diffusion via Temporal Attention Decomposition** \\\n"
        "[[Website](https://arxiv.org/abs/2404.02747v2)]\n",
        [],
        id="RL302-two-versions-linked-apart",
    ),
    pytest.param(
        "RL302",
        "## Models\n\n| Title | Venue |\n|---|---|\n"
        "| [**Visual Instruction Tuning**](https://arxiv.org/abs/2304.08485) | NeurIPS 2023 |\n\n"
        "## Datasets\n\n| Name | Paper | Link |\n|---|---|---|\n"
        "| **LLaVA-Instruct-150K** | [Visual Instruction Tuning](https://arxiv.org/abs/2304.08485) "
        "| [Link](https://github.com/haotian-liu/LLaVA) |\n",
        [],
        id="RL302-a-dataset-name-beside-the-paper-s-title-is-the-same-paper",
    ),
    pytest.param(
        "RL302",
        "## Models\n\n| Title | Venue |\n|---|---|\n"
        "| [**Visual Instruction Tuning**](https://arxiv.org/abs/2304.08485) | NeurIPS 2023 |\n"
        "| [**Improved Baselines with Visual Instruction Tuning**](https://arxiv.org/abs/2304.08485) | CVPR 2024 |\n",
        [(6, 59)],
        id="RL302-a-title-inside-a-longer-one-is-still-another-paper",
    ),
    # RL303 duplicate-entry
    pytest.param(
        "RL303", ENTRY + "\n" + ENTRY.replace(":zap: ", ""), [(6, 1)], id="RL303-same-title"
    ),
    pytest.param(
        "RL303",
        "## Design\n\n"
        "- [De Novo Design of Molecules with Multiaction Potential](https://doi.org/10.1021/acs.jcim.3c00651)\n"
        "- [De Novo Design of Molecules with Multiaction Potential](https://doi.org/10.1101/2023.04.25.537995)\n"
        "- [Another Molecule Generation Paper Title](https://doi.org/10.1021/acs.jcim.3c00999)\n",
        [(4, 1)],
        id="RL303-a-preprint-doi-and-the-journal-doi",
    ),
    pytest.param(
        "RL303",
        "## Design\n\n"
        "- [De Novo Design of Molecules with Multiaction Potential](https://doi.org/10.1021/acs.jcim.3c00651)\n"
        "- [De Novo Design of Molecules with Multiaction Potential](https://doi.org/10.1021/acs.jcim.4c00123)\n",
        [],
        id="RL303-two-journal-dois-are-two-papers",
    ),
    pytest.param(
        "RL303",
        "## Humans\n\n"
        "- [HumanNeRF: Efficiently Generated Human Radiance Field from Sparse Inputs]"
        "(https://arxiv.org/abs/2112.02789) Fuqiang Zhao, Wei Yang, Jiakai Zhang. CVPR 2022.\n"
        "- [Other Paper About Neural Rendering Here](https://arxiv.org/abs/2201.00001)\n"
        "- [HumanNeRF: Generalizable Neural Human Radiance Field from Sparse Inputs]"
        "(https://arxiv.org/abs/2112.02789) Fuqiang Zhao, Wei Yang, Jiakai Zhang. CVPR 2022.\n",
        [],
        id="RL303-renamed-needs-authors-to-compare",
    ),
    pytest.param(
        "RL303",
        "## Humans\n\n"
        "**HumanNeRF: Efficiently Generated Human Radiance Field from Sparse Inputs** \\\n"
        "*Fuqiang Zhao, Wei Yang, Jiakai Zhang* \\\n"
        "CVPR 2022. [[Paper](https://arxiv.org/abs/2112.02789)] \\\nHumans from few views.\n\n"
        "**HumanNeRF: Generalizable Neural Human Radiance Field from Sparse Inputs** \\\n"
        "*Fuqiang Zhao, Wei Yang, Jiakai Zhang* \\\n"
        "CVPR 2022. [[Paper](https://arxiv.org/abs/2112.02789)] \\\nHumans from few views.\n",
        [(8, 1)],
        id="RL303-a-paper-renamed-under-its-name",
    ),
    pytest.param(
        "RL303",
        "## Molecules\n\n"
        "**Torsional Diffusion for Molecular Conformer Generation** \\\n"
        "*Bowen Jing, Gabriele Corso, Jeffrey Chang* \\\n"
        "NeurIPS 2022. [[Paper](https://arxiv.org/abs/2206.01729)] \\\nConformers.\n\n"
        "**Theory and Algorithms for Diffusion Processes on Riemannian Manifolds** \\\n"
        "*Bowen Jing, Gabriele Corso, Jeffrey Chang* \\\n"
        "arXiv 2022. [[Paper](https://arxiv.org/abs/2206.01729)] \\\nManifolds.\n",
        [],
        id="RL303-same-authors-and-id-other-paper-is-a-wrong-link",
    ),
    pytest.param(
        "RL303",
        "## Discovery\n\n| Name | Paper | Code |\n|---|---|---|\n"
        "| PC algorithm | P. Spirtes, C. Glymour. Causation, Prediction, and Search. 2000."
        " | [R](https://github.com/cran/pcalg) |\n"
        "| FCI algorithm | P. Spirtes, C. Glymour. Causation, Prediction, and Search. 2000."
        " | [R](https://github.com/cran/pcalg) |\n",
        [],
        id="RL303-two-named-rows-citing-one-work",
    ),
    pytest.param(
        "RL303",
        "## Deblurring\n\n| Year | Venue | Title |\n|---|---|---|\n"
        "| 2019 | BMVC | [Blind Image Deconvolution Using Deep Generative Priors](https://a.org/x) |\n"
        "| 2020 | TCI | [Blind Image Deconvolution Using Deep Generative Priors](https://b.org/y) |\n",
        [(6, 1)],
        id="RL303-a-year-column-names-nothing",
    ),
    pytest.param(
        "RL303",
        ENTRY + "\n" + ENTRY.replace("Models**", "Models (DDPM)**").replace("abs/", "pdf/"),
        [(6, 1)],
        id="RL303-same-arxiv-id",
    ),
    pytest.param(
        "RL303",
        ENTRY
        + "\n"
        + ENTRY.replace(AUTHORS, "*Ari Seff* \\")
        .replace("2006.11239", "1111.11111")
        .replace("hojonathanho", "other"),
        [],
        id="RL303-same-title-other-authors",
    ),
    pytest.param(
        "RL303",
        "## Reconstruction\n\n"
        "- Munda, G., Pock, T., [Real-Time Intensity-Image Reconstruction for Event Cameras]"
        "(https://doi.org/10.1007/s11263-018-1106-2), IJCV, 2018.\n"
        "    - Reinbacher, C., Pock, T., [Real-Time Intensity-Image Reconstruction for Event"
        " Cameras](http://www.bmva.org/bmvc/2016/papers/paper009/), BMVC, 2016.\n",
        [],
        id="RL303-a-version-nested-under-the-entry-is-on-purpose",
    ),
    pytest.param(
        "RL303",
        "## Reconstruction\n\n"
        "- Munda, G., Pock, T., [Real-Time Intensity-Image Reconstruction for Event Cameras]"
        "(https://doi.org/10.1007/s11263-018-1106-2), IJCV, 2018.\n"
        "- Other, A., [Something Else Entirely for Event Cameras](https://a.org/b), 2019.\n"
        "    - Reinbacher, C., Pock, T., [Real-Time Intensity-Image Reconstruction for Event"
        " Cameras](http://www.bmva.org/bmvc/2016/papers/paper009/), BMVC, 2016.\n",
        [(5, 1)],
        id="RL303-a-repeat-nested-under-another-entry-is-one",
    ),
    pytest.param(
        "RL303",
        "## Datasets\n\n"
        "- [ViViD: Vision for Visibility Dataset](https://sites.google.com/view/vivid), ICRA, 2019.\n"
        "- [ViViD++: Vision for Visibility Dataset](https://visibilitydataset.github.io/), RA-L,"
        " 2022.\n",
        [],
        id="RL303-a-plus-sign-names-another-work",
    ),
    pytest.param("RL303", ENTRY + "\n" + DDIM, [], id="RL303-distinct"),
    pytest.param(
        "RL303",
        ENTRY + "\n" + ENTRY.replace("2006.11239", "2006.99999"),
        [],
        id="RL303-same-title-two-arxiv-ids-are-two-papers",
    ),
    pytest.param(
        "RL303",
        "- **Robo-Brain** (planning) [[paper](https://arxiv.org/abs/2502.21257)]\n"
        "- **RoboBRAIN** (grounding) [[paper](https://arxiv.org/abs/2312.09821)]\n",
        [],
        id="RL303-nicknames-with-two-ids",
    ),
    pytest.param(
        "RL303",
        "| Title | Year |\n|---|---|\n"
        "| U-Net: Convolutional Networks for Biomedical Image Segmentation [(paper)](https://doi.org/10.1007/978-3-319-24574-4_28) | 2015 |\n"
        "| Attention U-Net: Learning Where to Look for the Pancreas [(paper)](https://arxiv.org/abs/1804.03999) | 2018 |\n",
        [],
        id="RL303-a-link-label-is-no-title",
    ),
    pytest.param(
        "RL303",
        "- **Name** (Segment Anything) [[paper](https://arxiv.org/abs/2304.02643)]\n"
        "- **Name** (Segment Anything) [[paper](https://arxiv.org/abs/2304.02643v2)]\n",
        [(2, 1)],
        id="RL303-same-arxiv-paper-two-versions",
    ),
    pytest.param(
        "RL303",
        "## Image\n\n" + ENTRY + "\n## Audio\n\n" + ENTRY,
        [],
        id="RL303-another-section-is-cross-listing",
    ),
    pytest.param(
        "RL303",
        # Listed twice in 'Audio' and once before in 'Image': a repeat in 'Audio'.
        "## Image\n\n" + ENTRY + "\n## Audio\n\n" + ENTRY + "\n" + ENTRY,
        [(15, 1)],
        id="RL303-nearest-copy-in-the-same-section",
    ),
    pytest.param(
        "RL303",
        "- **Adversarial Sticker: A Stealthy Attack Method in the Physical World** "
        "[paper](https://ieeexplore.ieee.org/abstract/document/9779913)\n"
        "- **Adversarial Sticker: a Stealthy Attack in the Physical World** "
        "[paper](https://ieeexplore.ieee.org/abstract/document/9779913/)\n",
        [(2, 1)],
        id="RL303-same-publisher-page",
    ),
    pytest.param(
        "RL303",
        "- **MedQA**: What Disease Does This Patient Have? A Large-Scale Open Domain Question"
        " Answering Dataset. [paper](https://www.mdpi.com/2076-3417/11/14/6421)\n"
        "- **MedQA-USMLE**: What Disease Does This Patient Have? A Large-Scale Open Domain"
        " Question Answering Dataset. [paper](https://www.mdpi.com/2076-3417/11/14/6421)\n",
        [],
        id="RL303-two-named-datasets-of-one-paper",
    ),
    pytest.param(
        "RL303",
        "- **Adversarial Sticker: A Stealthy Attack Method in the Physical World** "
        "[paper](https://ieeexplore.ieee.org/abstract/document/9779913)\n"
        "- **Adversarial Sticker: A Stealthy Attack Method in the Physical World** "
        "[paper](https://link.springer.com/article/10.1007/s11263-022-01234-5)\n",
        [(2, 1)],
        id="RL303-two-publishers-pages-do-not-conflict",
    ),
    pytest.param(
        "RL303",
        "## Agents\n\n**Planning**\n\n" + ENTRY + "\n" + ENTRY,
        [(10, 1)],
        id="RL303-under-one-bold-label",
    ),
    pytest.param(
        "RL304",
        entry(
            TITLE,
            AUTHORS,
            LINKS.replace(
                "[[Github](https://github.com/hojonathanho/diffusion)]", "[[Coming soon]()]"
            ),
            SUMMARY,
        ),
        [],
        id="RL304-placeholder-label-says-it-on-purpose",
    ),
    pytest.param(
        "RL304",
        entry(
            TITLE,
            AUTHORS,
            "[[Paper](https://arxiv.org/abs/2006.11239)] [[Code (not released yet)]()]"
            " [[Project]()] \\",
            SUMMARY,
        ),
        [(3, 75)],
        id="RL304-a-label-saying-not-yet-is-on-purpose",
    ),
    pytest.param(
        "RL305",
        "## Papers\n\n<details open>\n<summary>Video</summary>\n\n"
        "- [Neural Scene Flow Fields for Space-Time View Synthesis of Dynamic Scenes](https://arxiv.org/abs/2011.13084)\n"
        "- [Space-time Neural Irradiance Fields for Free-Viewpoint Video](https://arxiv.org/abs/2011.12950)\n\n"
        "</details>\n\n<details open>\n<summary>Deformable</summary>\n\n"
        "- [Neural Scene Flow Fields for Space-Time View Synthesis of Dynamic Scenes](https://arxiv.org/abs/2011.13084)\n"
        "- [D-NeRF: Neural Radiance Fields for Dynamic Scenes](https://arxiv.org/abs/2011.13961)\n\n"
        "</details>\n",
        [(14, 1)],
        id="RL305-another-details-subsection",
    ),
    pytest.param(
        "RL303",
        "## Papers\n\n<details open>\n<summary>Video</summary>\n\n"
        "- [Neural Scene Flow Fields for Space-Time View Synthesis of Dynamic Scenes](https://arxiv.org/abs/2011.13084)\n"
        "- [Space-time Neural Irradiance Fields for Free-Viewpoint Video](https://arxiv.org/abs/2011.12950)\n\n"
        "</details>\n\n<details open>\n<summary>Deformable</summary>\n\n"
        "- [Neural Scene Flow Fields for Space-Time View Synthesis of Dynamic Scenes](https://arxiv.org/abs/2011.13084)\n"
        "- [D-NeRF: Neural Radiance Fields for Dynamic Scenes](https://arxiv.org/abs/2011.13961)\n\n"
        "</details>\n",
        [],
        id="RL303-details-subsections-are-not-one-section",
    ),
    # RL306 link-target
    pytest.param(
        "RL306",
        entry(
            TITLE,
            AUTHORS,
            LINKS.replace("https://github.com/hojonathanho/diffusion", "nan"),
            SUMMARY,
        ),
        [(3, 69)],
        id="RL306-bare-word-target",
    ),
    pytest.param(
        "RL306",
        entry(TITLE, AUTHORS, LINKS.replace("2006.11239", "2006.1123"), SUMMARY),
        [(3, 24)],
        id="RL306-arxiv-id-missing-a-digit",
    ),
    pytest.param(
        "RL306",
        entry(TITLE, AUTHORS, LINKS.replace("2006.11239", "2006.11239.pdf"), SUMMARY),
        [(3, 24)],
        id="RL306-abstract-page-with-pdf",
    ),
    pytest.param("RL306", ENTRY, [], id="RL306-clean"),
    pytest.param(
        "RL306",
        entry(
            TITLE,
            AUTHORS,
            "[[Paper](https://arxiv.org/pdf/1412.6980.pdf)] [[Notes](notes.md)] [[Top](#top)]"
            " [[Slides](docs/talk.v2.pdf)] \\",
            SUMMARY,
        ),
        [],
        id="RL306-old-id-pdf-and-relative-files",
    ),
    *[
        pytest.param(
            "RL306",
            entry(
                TITLE,
                AUTHORS,
                LINKS.replace("https://github.com/hojonathanho/diffusion", bad),
                SUMMARY,
            ),
            [(3, 69)],
            id=f"RL306-{name}",
        )
        for name, bad in [
            ("no-scheme-path", "github.com/hojonathanho/diffusion"),
            ("no-scheme-www", "www.hojonathanho.com"),
            ("no-scheme-domain", "hojonathanho.com"),
            ("no-scheme-subdomain", "song-describer.streamlit.app"),
            ("scheme-doubled-letter", "hhttps://github.com/hojonathanho/diffusion"),
            ("scheme-no-colon", "https//github.com/hojonathanho/diffusion"),
            ("local-file", "file:///C:/Users/ho/diffusion.pdf"),
        ]
    ],
    *[
        pytest.param(
            "RL306",
            entry(
                TITLE,
                AUTHORS,
                LINKS.replace("https://github.com/hojonathanho/diffusion", ok),
                SUMMARY,
            ),
            [],
            id=f"RL306-{name}-is-fine",
        )
        for name, ok in [
            ("relative-file", "src/main.cc"),
            ("file-name", "main.cc"),
            ("readme", "README.md"),
            ("ftp", "ftp://ftp.cs.example.edu/diffusion.tar.gz"),
            ("folder", "html/index.html"),
        ]
    ],
    # RL307 repeated-link
    pytest.param(
        "RL307",
        entry(
            TITLE,
            AUTHORS,
            LINKS.replace("[[Github]", "[[paper](https://arxiv.org/abs/2006.11239/)] [[Github]"),
            SUMMARY,
        ),
        [(3, 59)],
        id="RL307-same-label-same-url",
    ),
    pytest.param(
        "RL307",
        entry(
            TITLE,
            AUTHORS,
            LINKS.replace("[[Github]", "[[Paper](https://arxiv.org/abs/2102.09672)] [[Github]"),
            SUMMARY,
        ),
        [],
        id="RL307-same-label-another-url",
    ),
    pytest.param("RL307", ENTRY, [], id="RL307-clean"),
    # RL305 cross-listed-entry
    pytest.param(
        "RL305",
        "## Image\n\n" + ENTRY + "\n## Audio\n\n" + ENTRY,
        [(10, 1)],
        id="RL305-same-paper-in-another-section",
    ),
    pytest.param(
        "RL305",
        "## Image\n\n" + ENTRY + '\n<h3 id="audio">Audio</h3>\n\n' + ENTRY,
        [(10, 1)],
        id="RL305-html-heading-is-a-section",
    ),
    pytest.param(
        "RL305", "## Image\n\n" + ENTRY + "\n" + ENTRY, [], id="RL305-same-section-is-RL303"
    ),
    pytest.param(
        "RL305",
        # A bold label above a run of entries is a subsection (a list's '**Benchmark**').
        "## Agents\n\n**Planning**\n\n" + ENTRY + "\n**Benchmark**\n\n" + ENTRY,
        [(12, 1)],
        id="RL305-bold-label-is-a-subsection",
    ),
    pytest.param(
        "RL305",
        "## Image\n\n" + ENTRY + "\n## Audio\n\n" + ENTRY.replace("2006.11239", "2102.09672"),
        [],
        id="RL305-other-id-other-paper",
    ),
    # RL304 empty-link
    pytest.param(
        "RL304",
        entry(TITLE, AUTHORS, "[[Paper]()] [[Code](#)] \\", SUMMARY),
        [(3, 1)],
        id="RL304-once-per-entry",
    ),
    pytest.param("RL304", ENTRY, [], id="RL304-clean"),
    # RL401 toc-anchor
    pytest.param(
        "RL401",
        "## Contents\n- [Editing](Editing)\n- [Papers](#papers)\n\n## Editing\ntext\n",
        [(2, 13), (3, 12)],
        id="RL401-missing-hash-and-missing-heading",
    ),
    pytest.param(
        "RL401",
        "See [below](#Editing).\n\n## Editing\ntext\n",
        [],
        id="RL401-case-only-resolves-on-github",
    ),
    pytest.param(
        "RL401",
        '<a name="Custom"></a>\n\nSee [below](#custom).\n',
        [(3, 13)],
        id="RL401-github-lowercases-the-fragment-not-the-id",
    ),
    pytest.param(
        "RL401",
        "## Contents\n- [Editing](#editing)\n- [Q&A](#qa)\n\n## Editing\ntext\n## Q&A\ntext\n",
        [],
        id="RL401-valid",
    ),
    pytest.param(
        "RL401",
        "## Contents\n- [Ünïcode](#%C3%BCn%C3%AFcode)\n- [Raw](#ünïcode)\n\n## Ünïcode\ntext\n",
        [],
        id="RL401-percent-encoded",
    ),
    pytest.param(
        "RL401",
        '<a name="custom"></a>\n\nSee [there](#custom) and [file](other.md).\n',
        [],
        id="RL401-html-anchor-and-file-link",
    ),
    pytest.param(
        "RL401",
        "## Contents\n- [Editing](#editing)\n- [Challenge](https://example.org/challenge/)\n\n## Editing\ntext\n",
        [],
        id="RL401-a-web-link-in-the-toc-is-no-anchor",
    ),
    pytest.param(
        "RL401",
        "## Contents\n- [Hardware](#hardware)\n  - [Ion traps](#ion-traps)\n  - [Photons](#photons)\n"
        "- [Software](#software)\n  - [Ion traps](#ion-traps)\n\n"
        "## Hardware\ntext\n### Ion traps\ntext\n### Photons\ntext\n"
        "## Software\ntext\n### Ion traps\ntext\n",
        [(6, 17)],
        id="RL401-a-link-to-the-first-of-two-headings-of-one-name-from-the-second-s-place",
    ),
    pytest.param(
        "RL401",
        "## Contents\n- [Hardware](#hardware)\n  - [Ion traps](#ion-traps)\n  - [Photons](#photons)\n"
        "- [Software](#software)\n  - [Ion traps](#ion-traps)\n\n"
        "## Hardware\ntext\n### Ion traps\ntext\n### Photons\ntext\n"
        "## Software\ntext\n### Ion traps\ntext\n".replace(
            "](#ion-traps)\n\n", "](#ion-traps-1)\n\n"
        ),
        [],
        id="RL401-each-heading-of-a-repeated-name-linked-by-its-suffix",
    ),
    # RL402 toc-missing
    pytest.param(
        "RL402",
        "# Title\n## Contents\n- [Editing](#editing)\n\n## Editing\ntext\n## Inversion\ntext\n",
        [(7, 1)],
        id="RL402-missing",
    ),
    pytest.param(
        "RL402",
        "# Title\n## Contents\n- [Editing](#editing)\n\n## Editing\ntext\n## License\ntext\n",
        [],
        id="RL402-license-excluded",
    ),
    pytest.param(
        "RL402",
        "# Title\n## Menu\n- [Editing](#editing)\n\n| Menu | Menu |\n|---|---|\n"
        "| [Inversion](#inversion) | [Video](#video) |\n\n"
        "## Editing\ntext\n## Inversion\ntext\n## Video\ntext\n",
        [],
        id="RL402-a-menu-table-lists-headings-too",
    ),
    pytest.param(
        "RL402",
        "# Splatting\n\n## Contents\n- [Avatars](#avatars)\n- [Driving](#driving)\n- [Editing](#editing)\n\n"
        "## Avatars:\n## 2024:\n### 1. Gaussian Avatars\ntext\n## 2023:\n### 2. Animatable Gaussians\ntext\n"
        "## Driving:\n## 2024:\n### 3. Street Gaussians\ntext\n"
        "## Editing:\n## 2024:\n### 4. GaussianEditor\ntext\n",
        [],
        id="RL402-year-dividers-repeated-under-each-category",
    ),
    pytest.param(
        "RL402",
        "# Title\n## Menu\n- [Editing](#editing)\n\n| Model | Paper |\n|---|---|\n"
        "| [Inversion](#inversion) | [Paper](https://arxiv.org/abs/2211.09794) |\n\n"
        "## Editing\ntext\n## Inversion\ntext\n",
        [(11, 1)],
        id="RL402-a-table-with-other-links-is-no-menu",
    ),
    pytest.param(
        "RL402",
        "# Title\n## Contents\n- [Editing](Editing)\n\n## Editing\ntext\n",
        [],
        id="RL402-listed-with-broken-link",
    ),
    pytest.param(
        "RL402",
        "# List\n\n## Contents\n\n- [Survey](#survey)\n- [Models](#models)\n\n"
        "## Survey papers\n\ntext\n\n## Models\n\ntext\n",
        [],
        id="RL402-a-heading-its-broken-link-means-is-toc-anchors",
    ),
    pytest.param(
        "RL402",
        "## Contents\n- [Editing](#editing)\n<!-- - [Old](#old)\n    - [Spatial](#spatial) -->\n"
        "- [Inversion](#inversion)\n\n## Editing\ntext\n\n## Spatial\ntext\n\n## Inversion\ntext\n\n"
        "## [↑](#contents) Contributing\ntext\n",
        [],
        id="RL402-toc-across-a-comment-items-commented-out-and-a-back-to-top-arrow",
    ),
    pytest.param(
        "RL402",
        "## Contents\n- [Editing](#Editing) | [Inversion](#inversion) (12)\n\n"
        "## Editing\ntext\n## Inversion\ntext\n## Sampling\ntext\n",
        [(8, 1)],
        id="RL402-several-items-on-a-line-and-a-count-beside-them",
    ),
    pytest.param(
        "RL402",
        "## Contents\n- [Methods](#methods)\n- [Data](#data)\n  - [Images](#images)\n\n"
        "## Methods\n### Editing\ntext\n## Data\n### Images\ntext\n### Video\ntext\n",
        [(12, 1)],
        id="RL402-subsections-expected-only-where-the-toc-lists-some",
    ),
    pytest.param(
        "RL402",
        "## Contents\n- [Editing](#editing)\n\n## Editing\ntext\n##\n## Citation\ntext\n"
        "## Star History\n![chart](https://example.org/c.svg)\n",
        [],
        id="RL402-separator-and-back-matter-are-no-sections-to-list",
    ),
    pytest.param(
        "RL402",
        '## Contents\n- [Editing](#edit)\n- [Inversion](#inv)\n\n<a name="edit"></a>\n\n'
        '## Image editing\ntext\n## <a id="inv"></a>Inversion\ntext\n',
        [],
        id="RL402-an-html-anchor-above-or-inside-a-heading-stands-for-it",
    ),
    pytest.param(
        "RL402",
        '## Contents\n- [Editing](#edit)\n- [Sampling](#sampling)\n\n<a name="edit"></a>\n\n'
        "text\n\n## Image editing\ntext\n## Sampling\ntext\n",
        [(9, 1)],
        id="RL402-an-html-anchor-with-text-between-stands-for-no-heading",
    ),
    pytest.param(
        "RL402",
        "## Contents\n- [Alpha](#alpha)\n- [Beta models](#beta-model)\n- [Gamma](#gamma)\n\n"
        "## Alpha\ntext\n## Beta Models and Friends\ntext\n## Gamma\ntext\n",
        [],
        id="RL402-a-broken-item-in-the-place-of-the-one-missing-heading-stands-for-it",
    ),
    pytest.param(
        "RL402",
        "## Contents\n- [Alpha](#alpha)\n- [Second part](#second)\n- [Gamma](#gamma)\n\n"
        "## Alpha\ntext\n## Beta Models and Friends\ntext\n## Delta\ntext\n## Gamma\ntext\n",
        [(8, 1), (10, 1)],
        id="RL402-one-broken-item-beside-two-missing-headings-leaves-both-reported",
    ),
    pytest.param(
        "RL402",
        "## Contents\n- [Papers](#papers)\n\n## Papers\ntext\n## Feedback\nWrite to us.\n",
        [],
        id="RL402-feedback-is-back-matter",
    ),
    pytest.param(
        "RL402",
        "## Contents\n- [Hardware](#hardware)\n  - [Ion traps](#ion-traps)\n  - [Photons](#photons)\n"
        "- [Software](#software)\n  - [Ion traps](#ion-traps)\n\n"
        "## Hardware\ntext\n### Ion traps\ntext\n### Photons\ntext\n"
        "## Software\ntext\n### Ion traps\ntext\n",
        [],
        id="RL402-a-heading-of-a-repeated-name-stood-for-by-a-misdirected-link",
    ),
    pytest.param(
        "RL402",
        "## Contents\n- [Alpha](#alpha)\n- [Video Generation with other Condtions](#modality-control)\n"
        "- [Motion-guided](#motion-guided-editing-model)\n\n## Alpha\ntext\n"
        "## Motion-guided Video Generation\ntext\n## Video Generation with other conditions\ntext\n"
        "## Motion-guided Video Editing\ntext\n",
        [(8, 1)],
        id="RL402-a-broken-item-with-a-misspelt-or-short-label-stands-for-its-heading",
    ),
    # RL403 toc-order
    pytest.param(
        "RL403",
        "## Contents\n- [Inversion](#inversion)\n- [Editing](#editing)\n\n## Editing\ntext\n## Inversion\ntext\n",
        [(2, 3)],
        id="RL403-swapped",
    ),
    pytest.param(
        "RL403",
        "## Contents\n- [Editing](#editing)\n- [Inversion](#inversion)\n\n## Editing\ntext\n## Inversion\ntext\n",
        [],
        id="RL403-in-order",
    ),
    pytest.param(
        "RL403",
        "## Contents\n- [Inversion](#inversion) | [Editing](#editing)\n\n## Editing\ntext\n## Inversion\ntext\n",
        [(2, 3)],
        id="RL403-items-sharing-a-line",
    ),
    pytest.param(
        "RL403",
        "## Contents\n- [Contrastive](#node-level)\n  - [Node level](#node-level)\n"
        "  - [Graph level](#graph-level)\n- [Generative](#reconstruction)\n"
        "  - [Reconstruction](#reconstruction)\n\n## Node level\ntext\n## Graph level\ntext\n"
        "## Reconstruction\ntext\n",
        [],
        id="RL403-a-group-label-linking-its-first-child-is-in-order",
    ),
    pytest.param(
        "RL403",
        "## Contents\n- [Hardware](#hardware)\n  - [Ion traps](#ion-traps)\n  - [Photons](#photons)\n"
        "- [Software](#software)\n  - [Ion traps](#ion-traps)\n\n"
        "## Hardware\ntext\n### Ion traps\ntext\n### Photons\ntext\n"
        "## Software\ntext\n### Ion traps\ntext\n",
        [],
        id="RL403-a-link-to-a-repeated-name-is-read-by-its-place",
    ),
    pytest.param(
        "RL403",
        "## Contents\n- [Papers](#papers)\n  - [Portfolio](#portfolio)\n"
        "- [Repositories](#repositories)\n  - [Guides](#guides)\n  - [Datasets](#datasets)\n\n"
        "## Papers\ntext\n### Portfolio\ntext\n### Guides\ntext\n"
        "## Repositories\ntext\n### Datasets\ntext\n",
        [(4, 3)],
        id="RL403-an-item-under-another-section-s-item",
    ),
    # RL404 empty-section
    pytest.param("RL404", "## Editing\n\n## Inversion\ntext\n", [(1, 1)], id="RL404-empty"),
    pytest.param(
        "RL404",
        '## <a href="https://example.org/ws">Workshop on Event Cameras</a>, July 2026.\n'
        "## Papers\ntext\n",
        [],
        id="RL404-an-announcement-heading-linking-elsewhere",
    ),
    pytest.param(
        "RL404",
        "# Splatting\n\n## Contents\n- [Avatars](#avatars)\n- [Driving](#driving)\n- [Editing](#editing)\n\n"
        "## Avatars:\n## 2024:\n### 1. Gaussian Avatars\ntext\n## 2023:\n### 2. Animatable Gaussians\ntext\n"
        "## Driving:\n## 2024:\n### 3. Street Gaussians\ntext\n"
        "## Editing:\n## 2024:\n### 4. GaussianEditor\ntext\n",
        [],
        id="RL404-a-category-over-its-year-dividers",
    ),
    pytest.param("RL404", "# Papers\n## Editing\ntext\n", [], id="RL404-subsection-is-content"),
    pytest.param("RL404", "## Papers\ntext\n## Last update: Jun 7, 2024\n", [], id="RL404-note"),
    pytest.param("RL404", "## Papers\ntext\n##\n## More\ntext\n", [], id="RL404-bare-separator"),
    pytest.param(
        "RL404",
        "# ![Awesome](https://example.org/banner.svg)\n# Papers\ntext\n",
        [],
        id="RL404-a-banner-image-is-content",
    ),
    pytest.param(
        "RL404",
        "# List\n\n#### [Certifiable Defense against Patch Attacks](https://arxiv.org/abs/2002.10733)\n\n"
        "#### [Patch Attacks on Face Recognition](https://arxiv.org/abs/2009.11508)\n\nCVPR 2021\n",
        [],
        id="RL404-a-heading-that-is-a-link-has-its-content",
    ),
    # RL405 heading-syntax
    pytest.param("RL405", "#2 Deep Learning Method\n\ntext\n", [(1, 1)], id="RL405-no-space"),
    pytest.param("RL405", "## Editing\n\n#hashtag in a sentence.\n", [], id="RL405-prose"),
    pytest.param(
        "RL405",
        "# List\n\n## Segmentation Loss Odyssey (paper & code)](https://github.com/JunMa11/SegLoss)\n\ntext\n",
        [(3, 4)],
        id="RL405-heading-link-missing-its-open-bracket",
    ),
    pytest.param(
        "RL404",
        "# List\n\n## Segmentation Loss Odyssey (paper & code)](https://github.com/JunMa11/SegLoss)\n",
        [],
        id="RL404-a-broken-heading-link-is-heading-syntax-s",
    ),
    # RL501 final-newline
    pytest.param("RL501", "text", [(1, 5)], id="RL501-missing"),
    pytest.param("RL501", "text\n", [], id="RL501-present"),
    pytest.param("RL501", "", [], id="RL501-empty-file"),
    # RL502 mixed-line-endings
    pytest.param("RL502", "a\nb\r\nc\n", [(2, 2)], id="RL502-one-crlf"),
    pytest.param("RL502", "a\r\nb\r\nc\r\n", [], id="RL502-all-crlf"),
    # RL503 consecutive-blank-lines
    pytest.param("RL503", "a\n\n\n\nb\n", [(3, 1)], id="RL503-three-blank"),
    pytest.param("RL503", "a\n\nb\n```\n\n\n```\n", [], id="RL503-single-and-in-code"),
    # RL901 invalid-suppression
    pytest.param(
        "RL901", "<!-- readme-lint-disable-nextline RL104 -->\n\ntext\n", [(1, 1)], id="RL901"
    ),
    pytest.param(
        "RL901", "<!-- readme-lint-disable-next-line RL104 -->\n\ntext\n", [], id="RL901-clean"
    ),
    # RL902 unused-suppression
    pytest.param("RL902", "<!-- readme-lint-disable-next-line -->\n\ntext\n", [(1, 1)], id="RL902"),
    pytest.param(
        "RL902",
        "<!-- readme-lint-disable-next-line RL104 -->\n\ntext\n",
        [],
        id="RL902-rule-not-selected",
    ),
]


@pytest.mark.parametrize(("code", "markdown", "expected"), CASES)
def test_rule(
    code: str, markdown: str, expected: list[tuple[int, int]], request: pytest.FixtureRequest
) -> None:
    marker = request.node.get_closest_marker("config")
    settings = marker.kwargs if marker else {}
    assert found(markdown, code, **settings) == [(line, col, code) for line, col in expected]


def test_every_rule_has_a_positive_and_a_negative_case() -> None:
    positive = {p.values[0] for p in CASES if p.values[2]}
    negative = {p.values[0] for p in CASES if not p.values[2]}
    # The link-liveness rules need verdicts: their cases are in test_liveness_rules.py.
    codes = {r.code for r in all_rules() if not r.code.startswith("RL31")}
    assert codes - positive == set()
    assert codes - negative == set()


def test_clean_entry_has_no_findings_at_all() -> None:
    assert found("# List\n\n" + ENTRY + "\n" + DDIM, "ALL") == []


@pytest.mark.parametrize(
    ("url", "venue"),
    [
        pytest.param(
            "https://openaccess.thecvf.com/content/ICCV2023/papers/x.pdf",
            ("ICCV", "2023"),
            id="cvf",
        ),
        pytest.param(
            "https://openaccess.thecvf.com/content_CVPR_2019/html/x.html",
            ("CVPR", "2019"),
            id="cvf-underscore",
        ),
        pytest.param(
            "https://papers.nips.cc/paper/2020/hash/x-Abstract.html", ("NeurIPS", "2020"), id="nips"
        ),
        pytest.param(
            "https://proceedings.neurips.cc/paper_files/paper/2022/file/x.pdf",
            ("NeurIPS", "2022"),
            id="neurips",
        ),
        pytest.param("https://arxiv.org/abs/2006.11239", None, id="arxiv-none"),
        pytest.param(
            "https://github.com/eccv2022-challenge/x", ("ECCV", "2022"), id="venue-in-repo-name"
        ),
        pytest.param("https://example.org/discovery2023", None, id="no-venue-word"),
    ],
)
def test_venue_in_url(url: str, venue: tuple[str, str] | None) -> None:
    from readme_lint.core.papers import venue_in_url

    assert venue_in_url(url) == venue


def test_author_names_may_be_links() -> None:
    text = entry(TITLE, "*[Jonathan Ho](https://x.org), Ajay Jain* \\", LINKS, SUMMARY)
    assert found(text, "RL102", "RL103", "RL104", "RL204") == []


def test_toc_without_contents_heading_is_first_list_of_page_links() -> None:
    text = "# List\n\n- not a toc\n\n- [Editing](#editing)\n- [Gone](#gone)\n\n## Editing\ntext\n"
    assert found(text, "RL401") == [(6, 10, "RL401")]


@pytest.mark.parametrize(
    "html",
    [
        pytest.param('<a name="custom"></a>', id="html-block"),
        pytest.param(
            'Text with <span id = "custom">x</span> inline.', id="inline-spaced-attribute"
        ),
        pytest.param('<div\n  id="custom">\n</div>', id="multi-line-tag"),
        pytest.param('## Heading <a id="custom"></a>', id="in-heading"),
    ],
)
def test_html_ids_are_anchors(html: str) -> None:
    assert found(html + "\n\nSee [there](#custom).\n", "RL401") == []


def test_ids_in_code_are_not_anchors() -> None:
    assert found('```\n<a id="custom"></a>\n```\n\nSee [there](#custom).\n', "RL401") == [
        (5, 13, "RL401")
    ]
