"""Mutated real-shaped lists through the CLI (issue 15): whatever a contributor's slip or
a hostile file does to a list, ``main`` never raises, exits 0, 1 or 2 only, and ``--fix``
is idempotent (a second run changes nothing) and loses no link target.

The seeds are the fixture lists of every entry format; the mutations are what a stress run
of mutated lists did to them: bytes deleted, duplicated or swapped, Markdown's own
characters inserted, lines doubled, joined or split, control and odd Unicode characters.
Bounded: a few hundred examples in CI."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readme_lint.cli.main import main

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = sorted(
    p.read_text(encoding="utf-8")
    for p in (*FIXTURES.glob("formats/*.md"), *FIXTURES.glob("lists/*.md"))
)
MARKUP = [
    "*",
    "**",
    "\\",
    "[",
    "]",
    "(",
    ")",
    "`",
    "|",
    "#",
    ">",
    "<br>",
    "\u00a0",
    "  ",
    "\t",
    "\r",
    "\x00",
    "\ufeff",
    "\u200b",
    "<!--",
    "-->",
    ":zap:",
    "- ",
    "1. ",
    "\n",
    "\n\n",
]


@st.composite
def mutated(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(SEEDS))
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(text)))
        kind = draw(st.sampled_from(["insert", "delete", "double", "swap", "line"]))
        if kind == "insert":
            text = text[:at] + draw(st.sampled_from(MARKUP)) + text[at:]
        elif kind == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 8)) :]
        elif kind == "double":
            text = text[:at] + text[at : at + 40] + text[at:]
        elif kind == "swap" and at + 2 <= len(text):
            text = text[:at] + text[at + 1] + text[at] + text[at + 2 :]
        else:
            lines = text.split("\n")
            k = at % max(1, len(lines))
            lines.insert(k, lines[k])  # a line pasted twice
            text = "\n".join(lines)
    return text


def _targets(text: str) -> list[str]:
    """The web links' targets (an in-page anchor may be retargeted on purpose: RL401)."""
    return sorted(set(re.findall(r"\]\((https?://[^()\s]+)\)", text)))


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(mutated())
def test_mutated_lists_never_crash_and_fix_idempotently(tmp_path: Path, text: str) -> None:
    path = tmp_path / "README.md"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    assert main(["--no-color", "-q", "--select", "ALL", str(path)]) in (0, 1, 2)
    before = path.read_bytes()
    code = main(["--no-color", "-q", "--fix", str(path)])
    assert code in (0, 1, 2)
    if code == 2:
        assert path.read_bytes() == before  # refused: nothing written
        return
    once = path.read_bytes()
    assert main(["--no-color", "-q", "--fix", str(path)]) in (0, 1)
    assert path.read_bytes() == once  # a second --fix changes nothing
    if once != before:
        lost = set(_targets(before.decode("utf-8"))) - set(_targets(once.decode("utf-8")))
        assert not lost, f"--fix lost link targets {lost}"


@pytest.mark.parametrize("seed", range(len(SEEDS)))
def test_every_seed_is_a_list_the_linter_reads(seed: int) -> None:
    from readme_lint.core.model import build

    assert build(SEEDS[seed]).entries  # mutations start from lists, not from prose
