"""--init: the configuration that describes a list's own conventions, and what it leaves
reported."""

from __future__ import annotations

import contextlib
import io
import sys
from pathlib import Path

import pytest

from readme_lint.adopt.conventions import infer, init_text
from readme_lint.config import Config, from_mapping, load
from readme_lint.core.model import build
from readme_lint.engine.run import check_text
from tests.conftest import readme_section

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def paper(title: str, authors: str, url: str, last: str, marker: str = "") -> str:
    """A paragraph entry; ``last`` is its summary or a date line."""
    return f"**{title}**{marker} \\\n*{authors}* \\\narXiv 2022. [[Paper]({url})] \\\n{last}\n"


DDPM = paper(
    "Denoising Diffusion Probabilistic Models",
    "Jonathan Ho, Ajay Jain, Pieter Abbeel",
    "https://arxiv.org/abs/2006.11239",
    "Sampling x_t directly from x_0.",
)
DDIM = paper(
    "Denoising Diffusion Implicit Models",
    "Jiaming Song, Chenlin Meng, Stefano Ermon",
    "https://arxiv.org/abs/2010.02502",
    "Deterministic sampling.",
)
CFG = paper(
    "Classifier-Free Diffusion Guidance",
    "Jonathan Ho, Tim Salimans",
    "https://arxiv.org/abs/2207.12598",
    "Guidance without a classifier.",
)
SDE = paper(
    "Score-Based Generative Modeling through Stochastic Differential Equations",
    "Yang Song, Jascha Sohl-Dickstein",
    "https://arxiv.org/abs/2011.13456",
    "The SDE view.",
)
SDE_WITHOUT_SUMMARY = SDE.replace(" \\\nThe SDE view.", "")
assert SDE_WITHOUT_SUMMARY != SDE
POSTS = "\n".join(
    paper(title, author, url, date)
    for title, author, url, date in (
        (
            "What are Diffusion Models?",
            "Lilian Weng",
            "https://lilianweng.github.io/posts/2021-07-11-diffusion-models/",
            "Jul 11, 2021",
        ),
        (
            "Diffusion Models as a kind of VAE",
            "Angus Turner",
            "https://angusturner.github.io/generative_models/2021/06/29/diffusion-probabilistic-models-I.html",
            "Jun 29, 2021",
        ),
        (
            "Generative Modeling by Estimating Gradients of the Data Distribution",
            "Yang Song",
            "https://yang-song.net/blog/2021/score/",
            "May 5, 2021",
        ),
    )
)


def _marked(marker: str) -> str:
    """Three entries with ``marker`` after the title."""
    papers = (DDPM, DDIM, CFG)
    return "# List\n\n## Papers\n\n" + "\n".join(
        p.replace("** \\\n", f"**{marker} \\\n", 1) for p in papers
    )


def _config(text: str) -> dict[str, object]:
    return tomllib.loads(init_text(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            f"# List\n\n## Posts\n\n{POSTS}\n## Papers\n\n{DDPM}\n{DDIM}\n{CFG}\n{SDE}",
            {
                "require": ["title", "authors", "link", "summary"],
                "sections": {"Posts": {"require": ["title", "authors", "link"]}},
            },
            id="a-section-of-dated-posts",
        ),
        pytest.param(
            f"# List\n\n## Papers\n\n{DDPM}\n{DDIM}\n{CFG}\n{SDE}",
            {"require": ["title", "authors", "link", "summary"], "sections": None},
            id="no-section-differs",
        ),
        pytest.param(
            # One entry without its summary in four is a deviation, not a convention.
            f"# List\n\n## Papers\n\n{DDPM}\n{DDIM}\n{CFG}\n{SDE_WITHOUT_SUMMARY}",
            {"require": ["title", "authors", "link", "summary"], "sections": None},
            id="one-entry-missing-a-field",
        ),
        pytest.param(
            f"# List\n\n## Papers\n\n{DDPM}",
            {"read-marker": None},
            id="no-marker",
        ),
        pytest.param(
            _marked(" :star:"),
            {"read-marker": ":star:"},
            id="custom-marker",
        ),
        pytest.param(
            _marked(" :star::star::star:"),
            {"read-marker": None},
            id="a-rating-is-not-a-marker",
        ),
    ],
)
def test_inferred_configuration(text: str, expected: dict[str, object]) -> None:
    got = _config(text)
    for key, value in expected.items():
        assert got.get(key) == value, key


def _bullets(*labels: str) -> str:
    return "".join(
        f"- **Paper {n}** [[{label}](https://arxiv.org/abs/2006.{11230 + n})]\n"
        for n, label in enumerate(labels)
    )


@pytest.mark.parametrize(
    ("labels", "canonical", "tie"),
    [
        (("Paper", "Paper", "paper", "Code", "Code"), ["Paper", "Code"], False),
        (("Paper", "paper", "Code"), ["Code"], True),  # 'Paper' and 'paper' once each
    ],
)
def test_labels(labels: tuple[str, ...], canonical: list[str], tie: bool) -> None:
    proposal = init_text(f"# List\n\n## Papers\n\n{_bullets(*labels)}")
    assert tomllib.loads(proposal).get("labels") == canonical
    assert ("'Paper' and 'paper' are used equally often" in proposal) is tie


def test_a_configured_label_list_still_holds_unlisted_labels_to_their_common_spelling() -> None:
    text = f"# List\n\n## Papers\n\n{_bullets('Paper', 'paper', 'Code', 'Code', 'code')}"
    config = from_mapping({"labels": ["Paper"]}, "test")
    found = {(d.line, d.code) for d in check_text(text, config).diagnostics}
    assert found == {(6, "RL301"), (9, "RL301")}


@pytest.mark.parametrize(
    ("second_section", "duplicates"),
    [
        pytest.param(f"{DDPM}\n{DDIM}", "section", id="every-repeat-in-another-section"),
        pytest.param(f"{DDPM}", "auto", id="one-repeat-is-not-a-habit"),
    ],
)
def test_duplicate_scope(second_section: str, duplicates: str) -> None:
    text = f"# List\n\n## Theory\n\n{DDPM}\n{DDIM}\n{CFG}\n## Reading group\n\n{second_section}"
    assert _config(text)["duplicates"] == duplicates


TOC_LIST = f"""# List

- [Theory](#theory)
- [Guidance](#guidance)

## Theory

{DDPM}
## Sampling

{DDIM}
## Guidance

{CFG}
## Friends of the list

Thanks to everyone who sent a paper.
"""


def test_toc_exclusions_only_for_sections_without_papers() -> None:
    before = {(d.line, d.code) for d in check_text(TOC_LIST).diagnostics if d.code == "RL402"}
    got = _config(TOC_LIST)
    assert "Friends of the list" in got["toc-exclude"]  # type: ignore[operator]
    assert "Sampling" not in got["toc-exclude"]  # type: ignore[operator]
    assert "Contributing" in got["toc-exclude"]  # type: ignore[operator]  # the defaults stay
    after = check_text(TOC_LIST, from_mapping(got, "init")).diagnostics
    # The forgotten section is still reported; the closing heading no longer is.
    assert [(d.line, d.code) for d in after if d.code == "RL402"] == [(13, "RL402")]
    assert len(before) == 2


def test_every_proposal_is_a_valid_configuration_and_names_its_source() -> None:
    text = (
        f'# List\n\n## Posts "quoted" \\ odd\n\n{POSTS}\n## Papers\n\n{DDPM}\n{DDIM}\n{CFG}\n{SDE}'
    )
    proposal = init_text(text, "lists/README.md")
    assert proposal.startswith(
        "# readme-lint configuration written by `readme-lint --init` from lists/README.md"
    )
    config = from_mapping(tomllib.loads(proposal), "init")
    assert list(config.sections) == ['posts "quoted" \\ odd']
    assert infer(build(text)).entries == 7


def test_on_the_shared_readme_only_real_deviations_remain(corpus_text: str) -> None:
    """The issue's acceptance: no entry-summary on 'Introductory Posts'; the placeholders, the
    stray asterisk, the broken backslashes and the TOC links all still reported."""
    config = from_mapping(tomllib.loads(init_text(corpus_text)), "init")
    before = {(d.line, d.rule) for d in check_text(corpus_text, Config()).diagnostics}
    after = {(d.line, d.rule) for d in check_text(corpus_text, config).diagnostics}
    assert before - after == {(n, "entry-summary") for n in (42, 48, 54, 60)}
    assert after == before - {(n, "entry-summary") for n in (42, 48, 54, 60)}
    rules = {rule for _, rule in after}
    assert {
        "placeholder-summary",
        "stray-asterisk",
        "backslash-trailing-space",
        "backslash-spacing",
        "toc-anchor",
    } <= rules


def _main(*args: str) -> tuple[int, str, str]:
    from readme_lint.cli.main import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def test_cli_writes_then_never_overwrites_without_force(tmp_path: Path, corpus_text: str) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(corpus_text, encoding="utf-8")
    target = tmp_path / ".readme-lint.toml"

    code, out, _ = _main("--init", str(readme), "--dry-run")
    assert code == 0 and out == init_text(corpus_text, "README.md")
    assert not target.exists()  # --dry-run writes nothing

    code, out, _ = _main("--init", str(readme))
    assert code == 0
    assert f"Wrote {target}" in out
    assert "now reports 31 problems (35 with the previous configuration)" in out
    assert load(target).sections  # a valid configuration, found for the file
    assert _main(str(readme))[0] == 1

    target.write_text("# mine\nstrict = true\n", encoding="utf-8")
    code, _, err = _main("--init", str(readme))
    assert code == 2 and "already configures" in err and "--force" in err
    assert target.read_text(encoding="utf-8") == "# mine\nstrict = true\n"

    assert _main("--init", "--force", str(readme))[0] == 0
    assert target.read_text(encoding="utf-8") == init_text(corpus_text, "README.md")


def test_cli_a_pyproject_table_is_a_configuration_too(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text(f"# List\n\n{DDPM}", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        "[tool.readme-lint]\nstrict = true\n", encoding="utf-8"
    )
    code, _, err = _main("--init", str(tmp_path / "README.md"))
    assert code == 2 and "pyproject.toml [tool.readme-lint] already configures" in err
    code, out, _ = _main("--init", "--force", str(tmp_path / "README.md"))
    assert code == 0 and "takes precedence over" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--dry-run"], "--dry-run and --force go with --init"),
        (["--force"], "--dry-run and --force go with --init"),
        (["--init", "--fix"], "--init writes a configuration and lints nothing"),
        (["--init", "--staged"], "--init writes a configuration and lints nothing"),
        (["--init", "a.md", "b.md"], "--init reads one list file"),
        (["--init", "-"], "not stdin"),
        (["--init", "--output-format", "json"], "--init writes a configuration and lints nothing"),
        (["--init", "--statistics"], "--init writes a configuration and lints nothing"),
    ],
)
def test_cli_usage_errors(args: list[str], message: str) -> None:
    code, _, err = _main(*args)
    assert code == 2 and message in err


def test_cli_missing_file(tmp_path: Path) -> None:
    code, _, err = _main("--init", str(tmp_path / "nope.md"))
    assert code == 2 and "no such file" in err
    assert not (tmp_path / ".readme-lint.toml").exists()


def test_readme_init_snippet_is_what_init_writes(corpus_text: str) -> None:
    section = readme_section()
    (block,) = [b.split("```", 1)[0] for b in section.split("```toml\n")[1:] if "[sections." in b]
    assert block in init_text(corpus_text)
    assert "leaves the 31 others" in section


def test_a_subsection_that_keeps_summaries_gets_its_own_schema_back() -> None:
    """Under a section of dated posts, a subsection whose entries mostly have summaries
    again: its missing summary must still be reported after --init."""
    older = "\n".join((DDPM, DDIM, SDE_WITHOUT_SUMMARY))  # two of three with a summary
    text = f"# List\n\n## Posts\n\n{POSTS}\n### Older posts\n\n{older}\n## Papers\n\n{CFG}\n{SDE}\n{DDIM}"
    got = _config(text)
    assert got["sections"] == {
        "Posts": {"require": ["title", "authors", "link"]},
        "Older posts": {"require": ["title", "authors", "link", "summary"]},
    }
    before = {(d.line, d.code) for d in check_text(text).diagnostics if d.code == "RL104"}
    after = check_text(text, from_mapping(got, "init")).diagnostics
    missing = [(d.line, d.code) for d in after if d.code == "RL104"]
    assert len(missing) == 1 and missing[0] in before  # the subsection's entry, still reported


def test_an_empty_section_among_the_listed_ones_stays_a_toc_finding() -> None:
    text = TOC_LIST.replace("## Sampling\n\n" + DDIM, "## Sampling\n\nComing soon.\n")
    got = _config(text)
    assert "Sampling" not in got.get("toc-exclude", [])  # type: ignore[operator]
    after = check_text(text, from_mapping(got, "init")).diagnostics
    assert [(d.line, d.code) for d in after if d.code == "RL402"] == [(13, "RL402")]


def test_require_names_only_fields_the_lists_formats_have() -> None:
    proposal = init_text(f"# List\n\n## Papers\n\n{_bullets('Paper', 'Paper', 'Code')}")
    assert tomllib.loads(proposal)["require"] == ["title", "link"]
    assert "# Not required here: authors, summary." in proposal
    empty = init_text("# Notes\n\nNo papers here.\n")
    assert "require" not in tomllib.loads(empty)


def test_cli_force_replaces_a_broken_configuration(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(f"# List\n\n{DDPM}", encoding="utf-8")
    target = tmp_path / ".readme-lint.toml"
    target.write_text("bogus = 1\n", encoding="utf-8")
    code, _, err = _main("--init", str(readme))
    assert code == 2 and "unknown key 'bogus'" in err and "--force" in err
    assert target.read_text(encoding="utf-8") == "bogus = 1\n"
    code, out, _ = _main("--init", "--force", str(readme))
    assert code == 0 and "(the previous configuration was broken)" in out
    assert load(target).require == frozenset({"title", "authors", "link", "summary"})
