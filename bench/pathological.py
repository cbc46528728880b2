"""Time readme-lint on input built to make a careless regular expression backtrack.

    python bench/pathological.py          # seconds per case; each should be well under 1 s

The cases are the ones tests/test_generated.py checks for findings; here only time is measured.
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import entry
from readme_lint.config import Config
from readme_lint.engine.fix import fix_text
from readme_lint.engine.run import lint_text


def cases() -> dict[str, str]:
    one = "\n".join(entry(random.Random(0), 1))
    return {
        "long-word": "x" * 100_000,
        "open-brackets": "[" * 50_000 + "](" * 25_000,
        "asterisks": "*" * 100_000,
        "unclosed-bold": "**" + "a " * 50_000 + "\\",
        "backticks": "`" * 33_333 + "a" + "` " * 33_333,
        "long-summary": one.replace("Proposes", "word  " * 20_000),
        # mistletoe searched for code spans again after every ']' of one item: quadratic.
        **{f"item-links-{n}": "- " + _links(n) for n in (1_000, 2_000, 4_000)},
        **{f"para-links-{n}": _links(n) for n in (1_000, 2_000, 4_000)},
        **{
            f"cell-bold-{n}": "| " + "**b** " * n + "|\n|---|\n| x |"
            for n in (10_000, 20_000, 40_000)
        },
        # Each quote level reads every line of the levels inside it again (16 MB: 49 s, 6.8 GB).
        **{f"quotes-50x{n}": ("> " * 50 + "x\n") * n for n in (1_000, 2_000, 4_000)},
    }


def _links(n: int) -> str:
    return " ".join(f"[l{i}](https://a.org/{i})" for i in range(n))


def _best(
    run: Callable[[str, Config], object], text: str, config: Config, repeat: int = 3
) -> float:
    """Best of a few runs: the least disturbed by whatever else the machine does."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run(text, config)
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> int:
    config = Config(select=("ALL",))
    print(f"{'case':<18}{'lint s':>9}{'fix s':>9}   (best of 3)")
    for name, text in cases().items():
        linted = _best(lint_text, text + "\n", config)
        fixed = _best(fix_text, text + "\n", config)
        print(f"{name:<18}{linted:>9.2f}{fixed:>9.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
