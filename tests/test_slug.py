"""GitHub heading anchors.

fixtures/github-slugger/fixtures.json is github-slugger v2.0.0's test/fixtures.json
(ISC licence, fixtures/github-slugger/LICENSE): expected values produced by GitHub.
"""

from __future__ import annotations

import json

import pytest

from readme_lint.core.model import build
from readme_lint.core.slug import Slugger, slugify
from tests.conftest import FIXTURES

CASES = json.loads((FIXTURES / "github-slugger" / "fixtures.json").read_text(encoding="utf-8"))


def test_github_slugger_fixtures_in_order() -> None:
    slugger = Slugger()
    got = [slugger.slug(case["input"]) for case in CASES]
    assert got == [case["expected"] for case in CASES]


@pytest.mark.parametrize(
    ("markdown", "anchor"),
    [
        pytest.param(case["markdownOverwrite"], case["expected"], id=case["name"])
        for case in CASES
        if "markdownOverwrite" in case
    ],
)
def test_markdown_headings_through_the_model(markdown: str, anchor: str) -> None:
    # Headings whose text comes from Markdown (code, emphasis, links) go through the parser.
    doc = build(markdown + "\n")
    assert doc.headings[-1].anchor == anchor


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        pytest.param("Must-Read", "must-read", id="dash-kept"),
        pytest.param("Q&A", "qa", id="ampersand-removed"),
        pytest.param("Step 1: Setup", "step-1-setup", id="colon-removed"),
        pytest.param("A -- B", "a----b", id="dashes-and-spaces-not-collapsed"),
        pytest.param(" padded ", "-padded-", id="spaces-not-trimmed"),
        pytest.param("Ünïcödé Straße", "ünïcödé-straße", id="unicode-letters-kept"),
        pytest.param("日本語 見出し", "日本語-見出し", id="cjk-kept"),
        pytest.param("Rocket 🚀 Launch", "rocket--launch", id="emoji-removed"),
        pytest.param("snake_case", "snake_case", id="underscore-kept"),
        pytest.param("½ price", "-price", id="other-number-removed"),
        pytest.param("Ⓐ circled", "ⓐ-circled", id="alphabetic-symbol-kept"),
        pytest.param("C++ (2023)", "c-2023", id="symbols-and-parens"),
    ],
)
def test_slugify_table(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_duplicates_skip_taken_suffixes() -> None:
    slugger = Slugger()
    assert [slugger.slug(t) for t in ("Foo", "Foo", "Foo 1", "Foo")] == [
        "foo",
        "foo-1",
        "foo-1-1",
        "foo-2",
    ]


@pytest.mark.parametrize(
    ("heading", "anchor"),
    [
        # GitHub slugs the source text: a shortcode's name stays in the anchor.
        pytest.param("## Editing :zap:", "editing-zap", id="shortcode-kept"),
        pytest.param(
            "## :bookmark:Method and Framework",
            "bookmarkmethod-and-framework",
            id="shortcode-glued",
        ),
        pytest.param("## `code` and **bold**", "code-and-bold", id="inline-markup-text"),
        pytest.param("## [Linked](https://x.org) title", "linked-title", id="link-text"),
        pytest.param("## Image ![alt](x.png) here", "image--here", id="image-has-no-text"),
        pytest.param("## Sup<sup>1</sup>", "sup1", id="html-tags-dropped"),
        pytest.param("Setext\n------", "setext", id="setext-heading"),
    ],
)
def test_heading_text_as_github_sees_it(heading: str, anchor: str) -> None:
    assert build(heading + "\n").headings[0].anchor == anchor
