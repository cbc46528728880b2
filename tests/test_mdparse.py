"""The mistletoe adapter: its faster stand-ins give mistletoe's own answers, and the
module state it swaps for a parse is put back, whatever happens during it."""

from __future__ import annotations

import gc
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from readme_lint.core import mdparse


def _matches(text: str, process: Any) -> list[tuple[int, int, str, str]]:
    from mistletoe import core_tokens as untyped

    core_tokens: Any = untyped

    root = SimpleNamespace(footnotes={"ref": ("https://a.org", "")})
    slow = core_tokens.process_emphasis
    core_tokens.process_emphasis = process
    try:
        found = core_tokens.find_core_tokens(text, root)
    finally:
        core_tokens.process_emphasis = slow
        core_tokens._code_matches.clear()
    return [(m.start(), m.end(), m.type, m.group(1)) for m in found]


# Emphasis runs, brackets, links and the characters that change what a run can do.
_PIECES = st.sampled_from(
    [
        "*",
        "**",
        "***",
        "_",
        "__",
        "a",
        "b",
        " ",
        "[",
        "]",
        "](u)",
        "![",
        "[ref]",
        "`",
        "\\",
        ".",
        "\n",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_emphasis_matches_are_mistletoe_s_own(text: str) -> None:
    from mistletoe import core_tokens

    assert _matches(text, mdparse._process_emphasis) == _matches(text, core_tokens.process_emphasis)


@pytest.mark.parametrize(
    "text",
    [
        "**a** *b* __c__ _d_",
        "***strong emph*** and *a **b** c*",
        "*a [link *b*](u) c* **d",
        "__a *b__ c* _d_e_ f**g**h",
        "*a **b *c** d* e***f",
        "**b** " * 200,
    ],
)
def test_emphasis_table(text: str) -> None:
    from mistletoe import core_tokens

    assert _matches(text, mdparse._process_emphasis) == _matches(text, core_tokens.process_emphasis)


def _state() -> tuple[Any, ...]:
    from mistletoe import block_token, core_tokens, span_token

    return (
        list(block_token._token_types),
        list(span_token._token_types),
        core_tokens.code_pattern,
        core_tokens.process_emphasis,
        gc.isenabled(),
    )


def test_a_parse_puts_mistletoe_and_the_collector_back() -> None:
    before = _state()
    with mdparse.parsed(["# T\n", "\n", "| **a** *b* |\n", "|---|\n"]) as tree:
        assert not gc.isenabled()
        assert mdparse.top_level(tree)[0].kind == "heading"
    assert _state() == before


def test_a_failed_parse_puts_them_back_too() -> None:
    before = _state()
    with pytest.raises(mdparse.TooDeep), mdparse.parsed(["> " * 150 + "x\n"]):
        pass  # pragma: no cover - the depth check raises first
    with pytest.raises(RuntimeError), mdparse.parsed(["x\n"]):
        raise RuntimeError("a rule failed while the tree was open")
    assert _state() == before


def test_a_collector_turned_off_by_the_caller_stays_off() -> None:
    gc.disable()
    try:
        with mdparse.parsed(["x\n"]):
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
