"""What a paper is (readme_lint.core.papers): ids, keys, titles, authors, venues."""

from __future__ import annotations

import pytest

from readme_lint.core.papers import (
    StatedVenue,
    arxiv_id,
    arxiv_month,
    author_names,
    fetchable_arxiv_id,
    is_name,
    label_key,
    paper_id,
    paper_key,
    publisher_link,
    readme_section,
    shared_name,
    similar_titles,
    stated_venue,
    title_key,
    venue_in_url,
    venue_near_miss,
)


@pytest.mark.parametrize(
    ("url", "key"),
    [
        pytest.param("https://arxiv.org/abs/2006.11239", "arxiv:2006.11239", id="abs"),
        pytest.param("http://arxiv.org/pdf/2006.11239v2.pdf", "arxiv:2006.11239", id="pdf-version"),
        pytest.param("https://www.arxiv.org/abs/2006.11239v1/", "arxiv:2006.11239", id="www-slash"),
        pytest.param("arxiv.org/html/2006.11239v3", "arxiv:2006.11239", id="html-no-scheme"),
        pytest.param("https://arxiv.org/abs/math/0601001", "arxiv:math/0601001", id="old-style"),
        pytest.param(
            "https://doi.org/10.1145/3528223.3530127", "doi:10.1145/3528223.3530127", id="doi"
        ),
        pytest.param(
            "https://dl.acm.org/doi/10.1145/3528223.3530127/full",
            "doi:10.1145/3528223.3530127",
            id="doi-full",
        ),
        pytest.param(
            "https://openreview.net/forum?id=PxTIG12RRHS", "openreview:PxTIG12RRHS", id="openreview"
        ),
        pytest.param(
            "https://doi.org/10.1101/2023.04.25.537995",
            "preprint:10.1101/2023.04.25.537995",
            id="biorxiv-doi-is-a-preprint",
        ),
        pytest.param(
            "https://doi.org/10.26434/chemrxiv-2025-v4758",
            "preprint:10.26434/chemrxiv-2025-v4758",
            id="chemrxiv-doi-is-a-preprint",
        ),
        pytest.param(
            "https://doi.org/10.48550/arXiv.2006.11239", "arxiv:2006.11239", id="arxiv-doi"
        ),
        pytest.param("https://github.com/hojonathanho/diffusion", None, id="code-is-no-paper"),
        pytest.param("https://example.org/arxiv/2006.11239", None, id="arxiv-word-elsewhere"),
    ],
)
def test_paper_id(url: str, key: str | None) -> None:
    assert paper_id(url) == key


@pytest.mark.parametrize(
    ("url", "linter", "checker"),
    [
        pytest.param("https://arxiv.org/abs/2006.11239", "2006.11239", "2006.11239", id="plain"),
        # The checker sends only what arXiv's API can answer: no credentials, default port.
        pytest.param("https://arxiv.org:8443/abs/2006.11239", None, None, id="port"),
        pytest.param("arxiv.org/abs/2006.11239", "2006.11239", None, id="no-scheme"),
        pytest.param("https://ARXIV.ORG/abs/2006.11239", None, "2006.11239", id="upper-host"),
        pytest.param(
            "https://arxiv.org/abs/math.GT/0309136",
            "math.gt/0309136",
            "math/0309136",
            id="subject-class",
        ),
    ],
)
def test_the_two_arxiv_contracts(url: str, linter: str | None, checker: str | None) -> None:
    """The linter reads links as written; the link checker asks arXiv in its own id form."""
    assert arxiv_id(url) == linter
    assert fetchable_arxiv_id(url) == checker


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        pytest.param(
            "Denoising Diffusion Probabilistic Models",
            "denoising diffusion probabilistic models!",
            True,
            id="case-punct",
        ),
        pytest.param("**DDPM** :zap:", "DDPM", True, id="emphasis-emoji"),
        pytest.param(
            "Denoising Diffusion Implicit Models",
            "Denoising Diffusion Probabilistic Models",
            False,
            id="ddim-ddpm",
        ),
    ],
)
def test_title_key(a: str, b: str, same: bool) -> None:
    assert (title_key(a) == title_key(b)) is same


def test_similar_titles_allow_a_typo_and_an_unknown_title() -> None:
    assert similar_titles(title_key("Probabilistic Models"), title_key("Probablistic Models"))
    assert similar_titles("", title_key("Anything"))
    assert not similar_titles(title_key("Implicit Models"), title_key("Score Networks"))


@pytest.mark.parametrize(
    ("authors", "names"),
    [
        pytest.param(
            "*Jonathan Ho, Ajay Jain, Pieter Abbeel*",
            {"jonathanho", "ajayjain", "pieterabbeel"},
            id="list",
        ),
        pytest.param(
            "Yang Song and Stefano Ermon (Stanford)",
            {"yangsong", "stefanoermon"},
            id="and-affiliation",
        ),
        pytest.param("<b>Jiaming Song</b>; Chenlin Meng", {"chenlinmeng"}, id="html-dropped"),
        pytest.param(None, set(), id="none"),
    ],
)
def test_author_names(authors: str | None, names: set[str]) -> None:
    assert author_names(authors) == names


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        pytest.param("NeurIPS 2020.", StatedVenue("NeurIPS", "2020", 0), id="plain"),
        pytest.param("In nips, 2019", StatedVenue("NeurIPS", "2019", 3), id="alias-offset"),
        pytest.param("arXiv 2022", None, id="no-known-venue"),
        pytest.param("CVPR", None, id="no-year"),
        pytest.param("Proc. of CVPR 2023", StatedVenue("CVPR", "2023", 9), id="after-a-word"),
        pytest.param("CVPRW 2023", None, id="longer-word-is-another-venue"),
        pytest.param("In 3DV, 2021", StatedVenue("3DV", "2021", 3), id="starts-with-a-digit"),
        pytest.param("CVPR_2023", None, id="glued-is-no-stated-venue"),
    ],
)
def test_stated_venue(text: str, venue: StatedVenue | None) -> None:
    assert stated_venue(text) == venue


def test_label_key_folds_case_and_inner_space() -> None:
    assert label_key(" Project  Page ") == label_key("project page")


@pytest.mark.parametrize(
    ("url", "key"),
    [
        pytest.param(
            "https://arxiv.org/pdf/2112.10752v2", "arxiv:2112.10752", id="arxiv-as-paper-id"
        ),
        pytest.param("https://www.alphaxiv.org/abs/2112.10752", "arxiv:2112.10752", id="alphaxiv"),
        pytest.param(
            "https://ar5iv.labs.arxiv.org/html/2112.10752", "arxiv:2112.10752", id="ar5iv"
        ),
        pytest.param(
            "https://huggingface.co/papers/2112.10752", "arxiv:2112.10752", id="hf-papers"
        ),
        pytest.param(
            "https://aclanthology.org/2020.acl-main.1/", "acl:2020.acl-main.1", id="acl-new"
        ),
        pytest.param(
            "https://aclanthology.org/2020.acl-main.1.pdf", "acl:2020.acl-main.1", id="acl-pdf"
        ),
        pytest.param("https://www.aclweb.org/anthology/P19-1001/", "acl:P19-1001", id="acl-old"),
        pytest.param(
            "https://openaccess.thecvf.com/content/CVPR2022/html/Rombach_High-Resolution_Image_Synthesis_With_Latent_Diffusion_Models_CVPR_2022_paper.html",
            "cvf:cvpr2022/rombach_high-resolution_image_synthesis_with_latent_diffusion_models_cvpr_2022",
            id="cvf-html",
        ),
        pytest.param(
            "https://openaccess.thecvf.com/content/CVPR2022/papers/Rombach_High-Resolution_Image_Synthesis_With_Latent_Diffusion_Models_CVPR_2022_paper.pdf",
            "cvf:cvpr2022/rombach_high-resolution_image_synthesis_with_latent_diffusion_models_cvpr_2022",
            id="cvf-pdf-same-paper",
        ),
        pytest.param(
            "http://openaccess.thecvf.com/content_cvpr_2018/html/Zhang_The_Unreasonable_Effectiveness_CVPR_2018_paper.html",
            "cvf:cvpr2018/zhang_the_unreasonable_effectiveness_cvpr_2018",
            id="cvf-old-path",
        ),
        pytest.param(
            "https://proceedings.neurips.cc/paper/2020/hash/4c5bcfec8584af0d967f1ab10179ca4b-Abstract.html",
            "neurips:4c5bcfec8584af0d967f1ab10179ca4b",
            id="neurips-abstract",
        ),
        pytest.param(
            "https://proceedings.neurips.cc/paper_files/paper/2020/file/4c5bcfec8584af0d967f1ab10179ca4b-Paper.pdf",
            "neurips:4c5bcfec8584af0d967f1ab10179ca4b",
            id="neurips-pdf-same-paper",
        ),
        pytest.param(
            "https://papers.nips.cc/paper/7181-attention-is-all-you-need.pdf",
            "neurips:7181",
            id="nips-old",
        ),
        pytest.param("https://openaccess.thecvf.com/CVPR2022", None, id="cvf-index-page"),
        pytest.param("https://aclanthology.org/venues/acl/", None, id="acl-venue-page"),
        pytest.param("https://github.com/CompVis/latent-diffusion", None, id="code"),
    ],
)
def test_paper_key_knows_a_paper_s_other_addresses(url: str, key: str | None) -> None:
    assert paper_key(url) == key


def test_paper_id_stays_what_the_duplicate_rules_compare() -> None:
    """paper_key's extra knowledge is not yet evidence for duplicates (issue 14 weighs it)."""
    assert paper_id("https://aclanthology.org/2020.acl-main.1/") is None
    assert paper_id("https://www.alphaxiv.org/abs/2112.10752") is None


@pytest.mark.parametrize(
    ("url", "seen"),
    [
        pytest.param(
            "https://openaccess.thecvf.com/content/ICCV2023/papers/x.pdf",
            ("ICCV", "2023"),
            id="cvf",
        ),
        pytest.param("https://x.org/eccv_2020/p.pdf", ("ECCV", "2020"), id="underscore"),
        pytest.param("https://x.org/foo2019/iclr-2020/p", ("ICLR", "2020"), id="after-another"),
        pytest.param("https://papers.nips.cc/paper/2020/hash/x", ("NeurIPS", "2020"), id="nips"),
        pytest.param("https://x.org/xcvpr2023/", None, id="inside-a-word"),
        pytest.param("https://x.org/p?venue=cvpr2023", None, id="query-left-out"),
    ],
)
def test_venue_in_url(url: str, seen: tuple[str, str] | None) -> None:
    assert venue_in_url(url) == seen


@pytest.mark.parametrize(
    ("paper", "month"),
    [
        pytest.param("2204.01234", (2022, 4), id="new-style"),
        pytest.param("0704.0001", (2007, 4), id="first-new-style"),
        pytest.param("2006.11239v2", (2020, 6), id="version"),
        pytest.param("hep-th/9901001", (1999, 1), id="old-style-1990s"),
        pytest.param("math.GT/0309136", (2003, 9), id="old-style-subject-class"),
        pytest.param("2213.01234", None, id="no-such-month"),
        pytest.param("0512.01234", None, id="new-style-before-2007"),
        pytest.param("not an id", None, id="not-an-id"),
    ],
)
def test_arxiv_month(paper: str, month: tuple[int, int] | None) -> None:
    assert arxiv_month(paper) == month


@pytest.mark.parametrize(
    ("word", "meant"),
    [
        pytest.param("NeurlPS", "NeurIPS", id="l-for-I"),
        pytest.param("lCLR", "ICLR", id="l-for-I-first"),
        pytest.param("AAAl", "AAAI", id="l-for-I-last"),
        pytest.param("CPVR", "CVPR", id="swapped"),
        pytest.param("EMLNP", "EMNLP", id="swapped-in-five"),
        pytest.param("NeurIPS", None, id="known"),
        pytest.param("Neurips", None, id="known-other-case"),
        pytest.param("CoRL", None, id="known-mixed-case"),
        pytest.param("ACL", None, id="short-acronym"),
        pytest.param("CAL", None, id="short-swaps-not-guessed"),
        pytest.param("Cvrp", None, id="swaps-only-in-capitals"),
        pytest.param("Workshop", None, id="a-word"),
    ],
)
def test_venue_near_miss(word: str, meant: str | None) -> None:
    assert venue_near_miss(word) == meant


@pytest.mark.parametrize(
    ("url", "published"),
    [
        pytest.param("https://ieeexplore.ieee.org/abstract/document/9779913", True, id="ieee"),
        pytest.param("https://dl.acm.org/doi/10.1145/2976749.2978392", True, id="acm"),
        pytest.param("https://www.mdpi.com/2313-433X/8/5/122/htm", True, id="subdomain"),
        pytest.param(
            "https://proceedings.neurips.cc/paper/2020/hash/4c5bcfec8584af0d967f1ab10179ca4b-Abstract.html",
            True,
            id="neurips",
        ),
        pytest.param("https://direct.mit.edu/neco/article/9/8/1735/6109", True, id="mit-press"),
        pytest.param("https://docs.github.com/en/pull-requests", False, id="docs"),
        pytest.param("https://notarxiv.org/abs/1", False, id="lookalike-host"),
        pytest.param("#models", False, id="anchor"),
    ],
)
def test_publisher_link(url: str, published: bool) -> None:
    assert publisher_link(url) is published


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("Amazon-Review 2023", True),
        ("ARTEMIS+LSTM", True),
        ("CNN-GAN", True),
        ("NineRec", True),
        ("Healthcare LLMs Survey", True),
        ("Generative Adversarial Nets", False),
        ("Retrieval-Augmented Diffusion Models", False),
        ("Deep Residual Learning for Image Recognition", False),
        ("BERT: Pre-training of Deep Bidirectional Transformers", False),
    ],
)
def test_is_name(title: str, name: bool) -> None:
    assert is_name(title) is name


@pytest.mark.parametrize(
    ("label", "url", "section"),
    [
        ("MAB Exploration", "https://github.com/o/r#MAB-Exploration", True),
        ("Review Papers", "https://github.com/o/r/blob/main/README.md#review-papers", True),
        ("Review Papers", "https://github.com/o/r/tree/main/docs/README.md#review-papers", False),
        ("Bootstrapped DQN", "https://github.com/o/r#installation", False),
        ("Review Papers", "https://example.org/o/r#review-papers", False),
        ("Review Papers", "https://github.com/o/r", False),
    ],
)
def test_readme_section(label: str, url: str, section: bool) -> None:
    assert readme_section(label, url) is section


@pytest.mark.parametrize(
    ("a", "b", "shared"),
    [
        ("OPT: Open Pre-trained Transformer Language Models", "OPT-1.3|6.7|13B", True),
        (
            "DyNeRF: Neural 3D Video Synthesis",
            "Neural 3D Video Synthesis from Multi-view Video",
            True,
        ),
        ("NeuMan: Neural Human Radiance Field", "ViewFormer: NeRF-free Neural Rendering", False),
        ("DyNeRF: Neural Video", "Neural Video Compression with Priors", False),
    ],
)
def test_shared_name(a: str, b: str, shared: bool) -> None:
    assert shared_name(a, b) is shared
