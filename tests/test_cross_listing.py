"""Cross-listing as a list's habit: RL305 (off by default, selected here) reports a few
papers repeated in another section, not a list that files dozens under several topics
(issue 14)."""

import pytest

from readme_lint.config import from_mapping
from readme_lint.engine.run import check_text


def _paper(n: int) -> str:
    return (
        f"- **Paper number {n} on diffusion sampling** *Ann Lee, Bo Zhang* "
        f"[[paper](https://arxiv.org/abs/2006.{11200 + n:05d})]\n"
    )


def _list(papers: int, repeated: int) -> str:
    """A topic section of ``papers`` entries and an index section repeating ``repeated``."""
    topic = "".join(_paper(n) for n in range(papers))
    index = "".join(_paper(n) for n in range(repeated))
    return f"# List\n\n## Sampling\n\n{topic}\n## All papers\n\n{index}"


@pytest.mark.parametrize(
    ("papers", "repeated", "duplicates", "reported"),
    [
        pytest.param(100, 3, "auto", 3, id="a-few-repeats-are-reported"),
        pytest.param(100, 20, "auto", 0, id="twenty-of-a-hundred-is-a-habit"),
        pytest.param(400, 12, "auto", 12, id="twelve-of-four-hundred-is-not"),
        pytest.param(100, 20, "file", 20, id="file-reports-every-one"),
        pytest.param(100, 3, "section", 0, id="section-reports-none"),
    ],
)
def test_habit(papers: int, repeated: int, duplicates: str, reported: int) -> None:
    config = from_mapping({"duplicates": duplicates, "extend-select": ["RL305"]}, "test")
    report = check_text(_list(papers, repeated), config)
    assert sum(d.code == "RL305" for d in report.diagnostics) == reported
    habit = reported == 0 and duplicates == "auto"
    assert any("read as cross-listing on purpose" in h for h in report.hints) is habit


def test_a_habit_still_reports_repeats_within_a_section() -> None:
    text = _list(100, 20) + _paper(5)
    found = [(d.line, d.code) for d in check_text(text).diagnostics if d.code.startswith("RL30")]
    assert found == [(len(text.splitlines()), "RL303")]


def test_off_by_default_a_hint_counts_the_papers_listed_again() -> None:
    report = check_text(_list(100, 3))
    assert not [d for d in report.diagnostics if d.code == "RL305"]
    assert any("3 papers listed again in another section (3 repeats)" in h for h in report.hints)
