"""What a paper is (readme_lint.core.papers): ids, keys, titles, authors, venues."""

from __future__ import annotations

import pytest

from readme_lint.core.papers import (
    StatedVenue,
    arxiv_id,
    author_names,
    fetchable_arxiv_id,
    label_key,
    paper_id,
    similar_titles,
    stated_venue,
    title_key,
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
    ],
)
def test_stated_venue(text: str, venue: StatedVenue | None) -> None:
    assert stated_venue(text) == venue


def test_label_key_folds_case_and_inner_space() -> None:
    assert label_key(" Project  Page ") == label_key("project page")
