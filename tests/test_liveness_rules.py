"""The link-liveness rules are pure: verdicts in, findings out (no network here)."""

from __future__ import annotations

import pytest

from readme_lint.config import Config
from readme_lint.engine.fix import fix_text
from readme_lint.engine.run import lint_text
from readme_lint.linkcheck.verdict import Status, Verdict

PAPER = "https://arxiv.org/abs/2006.11239"
CODE = "https://github.com/hojonathanho/diffusion"
ENTRY = (
    "## Papers\n\n"
    "**Denoising Diffusion Probabilistic Models** \\\n"
    "*Jonathan Ho, Ajay Jain, Pieter Abbeel* \\\n"
    f"NeurIPS 2020. [[Paper]({PAPER})] [[Code]({CODE})] \\\n"
    "The comeback.\n"
)
LIVENESS = Config(select=("RL310", "RL311", "RL312", "RL313", "RL314"))
ALIVE = Verdict(Status.ALIVE, "200 OK", http_status=200)

CASES = [
    pytest.param({}, [], id="no-verdicts-no-findings"),
    pytest.param({PAPER: ALIVE, CODE: ALIVE}, [], id="all-alive"),
    pytest.param(
        {CODE: Verdict(Status.BROKEN, "404 Not Found (twice)", http_status=404)},
        [(5, 67, "RL310")],
        id="dead",
    ),
    pytest.param(
        {CODE: Verdict(Status.MOVED, "301", final_url="https://github.com/x/diffusion")},
        [(5, 67, "RL311")],
        id="moved",
    ),
    pytest.param(
        {CODE: Verdict(Status.UNVERIFIABLE, "429, Retry-After 3600 s beyond the deadline")},
        [(5, 67, "RL312")],
        id="unverifiable",
    ),
    pytest.param(
        {CODE: Verdict(Status.BLOCKED, "resolves to a private address")},
        [(5, 67, "RL312")],
        id="blocked",
    ),
    pytest.param(
        {PAPER: Verdict(Status.ALIVE, "arXiv", title="Denoising Diffusion Probabilistic Models")},
        [],
        id="title-matches",
    ),
    pytest.param(
        {PAPER: Verdict(Status.ALIVE, "arXiv", title="Attention Is All You Need")},
        [(5, 24, "RL313")],
        id="title-mismatch",
    ),
    pytest.param(
        {
            PAPER: Verdict(
                Status.ALIVE,
                "arXiv",
                title="Denoising Diffusion Probabilistic Models",
                withdrawn=True,
            )
        },
        [(5, 24, "RL314")],
        id="withdrawn",
    ),
]


@pytest.mark.parametrize(("verdicts", "expected"), CASES)
def test_liveness_findings(
    verdicts: dict[str, Verdict], expected: list[tuple[int, int, str]]
) -> None:
    found = lint_text(ENTRY, LIVENESS, verdicts)
    assert [(d.line, d.column, d.code) for d in found] == expected


def test_archived_repo_is_opt_in() -> None:
    verdicts = {CODE: Verdict(Status.ALIVE, "GitHub", archived=True)}
    assert lint_text(ENTRY, LIVENESS, verdicts) == []
    found = lint_text(ENTRY, Config(select=("RL315",)), verdicts)
    assert [(d.line, d.code) for d in found] == [(5, "RL315")]


def test_moved_link_fix_writes_the_final_url() -> None:
    final = "https://github.com/ho/diffusion"
    verdicts = {CODE: Verdict(Status.MOVED, "301 -> " + final, final_url=final)}
    result = fix_text(ENTRY, LIVENESS, verdicts=verdicts)
    assert result.text == ENTRY.replace(CODE, final)
    assert [d.code for d in result.fixed] == ["RL311"]


def test_a_retarget_that_is_not_url_for_url_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    # The safety net lets a moved-link fix change a URL only into another URL.
    from collections.abc import Iterator

    from readme_lint.core.diagnostics import Edit, Fix, Violation
    from readme_lint.rules import Rule, all_rules
    from readme_lint.rules.registry import LintContext
    from tests.conftest import use_only

    start = ENTRY.index(CODE)

    def check(ctx: LintContext) -> Iterator[Violation]:
        edit = Edit(start, start + len(CODE), "not a url")
        yield Violation(5, 1, "rogue", Fix("retarget", (edit,), retarget=True))

    rogue = Rule("RL399", "rogue", "Rogue.", all_rules()[0].severity, True, True, check, "document")
    use_only(monkeypatch, rogue)
    result = fix_text(ENTRY, Config())
    assert result.text == ENTRY
    assert "not one URL for another" in result.withheld[0].reason
