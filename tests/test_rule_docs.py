"""Rule metadata: stable identity, complete docs, and the README table in sync."""

from __future__ import annotations

import re

import pytest

from readme_lint.config import Config
from readme_lint.engine.run import lint_text
from readme_lint.linkcheck.verdict import Status, Verdict
from readme_lint.rules import DOC_HEADINGS, Rule, all_rules
from tests.conftest import ROOT

RULES = all_rules()


@pytest.mark.parametrize("rule", [pytest.param(r, id=r.code) for r in RULES])
def test_rule_identity_and_docs(rule: Rule) -> None:
    assert re.fullmatch(r"RL[1-59]\d\d", rule.code)
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name)
    assert rule.summary.endswith(".") and len(rule.summary) < 80
    prose = re.sub(r"^```.*?^```", "", rule.doc, flags=re.MULTILINE | re.DOTALL)
    headings = re.findall(r"^## (.+)$", prose, re.MULTILINE)
    assert headings == list(DOC_HEADINGS)


def test_readme_rule_table_matches_registry() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = re.findall(
        r"^\| `(RL\d{3})` \| `([a-z-]+)` \| (.+?) \| (error|warning) \| (yes|no) \|",
        readme,
        re.MULTILINE,
    )
    documented = {(code, name, severity, fix == "yes") for code, name, _, severity, fix in rows}
    assert documented == {(r.code, r.name, r.severity.value, r.fixable) for r in RULES}


def _block(doc: str, heading: str) -> str:
    """The first fenced block under ``## heading`` in a rule's docs."""
    section = doc.split(f"## {heading}\n", 1)[1]
    match = re.search(r"^```\w*\n(.*?)^```", section, re.MULTILINE | re.DOTALL)
    assert match, f"no code block under {heading!r}"
    return match.group(1)


# What --check-links would find for the URLs of the link-liveness rules' examples.
_ALIVE = Status.ALIVE
VERDICTS = {
    "https://arxiv.org/abs/2006.99999": Verdict(Status.BROKEN, "no such arXiv id"),
    "https://arxiv.org/abs/2006.11239": Verdict(
        _ALIVE, "arXiv", title="Denoising Diffusion Probabilistic Models"
    ),
    "https://arxiv.org/abs/2010.02502": Verdict(
        _ALIVE, "arXiv", title="Denoising Diffusion Implicit Models"
    ),
    "https://arxiv.org/abs/2101.00001": Verdict(
        _ALIVE, "arXiv", title="A Withdrawn Preprint", withdrawn=True
    ),
    "http://github.com/hojonathanho/diffusion": Verdict(
        Status.MOVED, "301", final_url="https://github.com/hojonathanho/diffusion"
    ),
    "https://github.com/hojonathanho/diffusion": Verdict(_ALIVE, "200"),
    "https://www.linkedin.com/posts/some-talk": Verdict(Status.UNVERIFIABLE, "999"),
    "https://www.youtube.com/watch?v=fbLgFrlTnGU": Verdict(_ALIVE, "200"),
    "https://github.com/openai/gpt-2": Verdict(_ALIVE, "GitHub", archived=True),
    "https://github.com/huggingface/transformers": Verdict(_ALIVE, "GitHub"),
}


@pytest.mark.parametrize("rule", [pytest.param(r, id=r.code) for r in RULES])
def test_documented_example_triggers_the_rule_and_its_fix_does_not(rule: Rule) -> None:
    config = Config(select=(rule.code,))
    example = _block(rule.doc, "Example")
    if rule.code == "RL501":  # a fenced block always ends its last line; the file does not
        example = example.removesuffix("\n")
    assert [d.code for d in lint_text(example, config, VERDICTS)], "Example is clean"
    assert lint_text(_block(rule.doc, "Use instead"), config, VERDICTS) == []
