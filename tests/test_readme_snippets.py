"""The README's YAML snippets: valid, and naming only what exists — the repository the
package metadata names, the tag of this version (no package index release)."""

from __future__ import annotations

import re

import pytest

from readme_lint import __version__
from tests.conftest import ROOT, repository

yaml = pytest.importorskip("yaml")  # pre-commit's dependency

README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```yaml\n(.*?)```", README, re.DOTALL)


def _dedent(block: str) -> str:
    """A snippet that continues a longer file (``      - id: …``) parsed on its own."""
    lines = block.splitlines()
    indent = min(len(line) - len(line.lstrip()) for line in lines if line.strip())
    return "\n".join(line[indent:] for line in lines)


@pytest.mark.parametrize("block", BLOCKS, ids=[f"block{n}" for n in range(len(BLOCKS))])
def test_every_yaml_snippet_parses(block: str) -> None:
    assert yaml.safe_load(_dedent(block)) is not None


def test_snippets_name_the_repository_and_this_versions_tag() -> None:
    repo = repository()
    owner_name = repo.removeprefix("https://github.com/")
    tag = f"v{__version__}"
    hooks = [b for b in BLOCKS if "repo:" in b]
    assert hooks, "no pre-commit snippet"
    for block in hooks:
        (entry,) = yaml.safe_load(block)["repos"]
        assert (entry["repo"], entry["rev"]) == (repo, tag)
    uses = re.findall(r"uses: (\S+)", README)
    ours = [u for u in uses if u.startswith(owner_name)]
    assert ours and all(u == f"{owner_name}@{tag}" for u in ours)
    installs = re.findall(r"pip install (\S+)", README)
    for target in installs:  # from this checkout, or the repository at the tag: no index
        assert target in (".", "-q", "-e") or target == f'"git+{repo}@{tag}"', target
    assert f"## {__version__} " in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "OWNER" not in README


def test_the_action_the_readme_shows_exists_with_its_inputs() -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    (block,) = [
        b for b in BLOCKS if "uses: " + repository().removeprefix("https://github.com/") in b
    ]
    steps = yaml.safe_load(block)["jobs"]["readme-lint"]["steps"]
    (step,) = [s for s in steps if s.get("uses", "").startswith("readme-lint/")]
    assert set(step.get("with", {})) <= set(action["inputs"])
    table = README.split("| input | default | meaning |", 1)[1].split("\n\n", 1)[0]
    documented = re.findall(r"^\| `([a-z-]+)` \|", table, re.MULTILINE)
    assert documented == list(action["inputs"])
