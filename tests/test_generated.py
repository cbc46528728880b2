"""Generated lists: clean ones are clean, huge ones do not break anything."""

from __future__ import annotations

import time

from generate import entry, generate  # type: ignore[import-not-found]
from readme_lint.config import Config
from readme_lint.engine import lint_text


def test_clean_thousand_entry_list_has_zero_findings() -> None:
    text = generate(1000, seed=7)
    assert text.count("\n**") == 1000
    assert lint_text(text, Config(select=("ALL",))) == []


def test_injected_defects_are_found() -> None:
    assert lint_text(generate(200, seed=3, defects=0.2))


def test_five_megabyte_file() -> None:
    text = generate(18000, seed=1)
    assert len(text.encode()) > 5_000_000
    assert lint_text(text) == []


def test_hundred_thousand_character_line() -> None:
    import random

    body = "\n".join(entry(random.Random(0), 1))
    cases = [
        "x" * 100_000,
        "[" * 50_000 + "](" * 25_000,
        "*" * 100_000,
        "**" + "a " * 50_000 + "\\",
        "`" * 33_333 + "a" + "` " * 33_333,
        body.replace("The comeback", "word  " * 20_000),
    ]
    for line in cases:
        started = time.perf_counter()
        lint_text(line + "\n")
        assert time.perf_counter() - started < 10, line[:20]
