"""Time RL206 (trailing-whitespace) on lists made of two-space hard breaks, at doubling sizes.

    python bench/hard_breaks.py                      # 7,500 to 60,000 lines, best of 3 each
    python bench/hard_breaks.py --lines 30000 --runs 5 --select ALL

Each line ends in a two-space hard break, which RL206 must tell from trailing whitespace
without looking at the lines around it again: the time should grow in proportion to the
lines (a ratio near 2 from one size to the next, not 4). Prints, per size, the best wall
time of --runs lints and its ratio to the previous size; the target is the one
tests/test_rules.py once asserted, 30,000 lines in under 5 s. Exits 1 only when a lint
reports RL206 (a hard break taken for trailing whitespace), not when a target is missed.
"""

from __future__ import annotations

import argparse
import time

from readme_lint.config import Config
from readme_lint.engine.run import lint_text

TARGET = (30_000, 5.0)  # lines, seconds


def hard_breaks(lines: int) -> str:
    return "".join(f"line {i}  \n" for i in range(lines)) + "end\n"


def best_time(text: str, config: Config, runs: int) -> tuple[float, int]:
    """The fastest of ``runs`` lints of ``text``, and how many RL206 findings it reported."""
    best, findings = float("inf"), 0
    for _ in range(runs):
        started = time.perf_counter()
        found = lint_text(text, config)
        best = min(best, time.perf_counter() - started)
        findings = sum(1 for d in found if d.code == "RL206")
    return best, findings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument(
        "--lines",
        type=int,
        nargs="+",
        default=[7_500, 15_000, 30_000, 60_000],
        help="list sizes to time, in lines (default: %(default)s)",
    )
    parser.add_argument("--runs", type=int, default=3, help="lints per size (default: 3)")
    parser.add_argument(
        "--select", default="RL206", help="rules to run, comma-separated (default: RL206)"
    )
    args = parser.parse_args()
    config = Config(select=tuple(args.select.split(",")))
    lint_text(hard_breaks(100), config)  # first-use costs (imports, caches) are not timed

    print(f"{'lines':>8}{'best s':>9}{'ratio':>8}{'RL206':>8}")
    broken, previous = False, None
    for lines in args.lines:
        seconds, findings = best_time(hard_breaks(lines), config, args.runs)
        ratio = f"{seconds / previous:.2f}" if previous else "-"
        print(f"{lines:>8}{seconds:>9.3f}{ratio:>8}{findings:>8}")
        if lines == TARGET[0]:
            verdict = "met" if seconds < TARGET[1] else "MISSED"
            print(f"{'':>8}target: {TARGET[0]:,} lines < {TARGET[1]:g} s: {verdict}")
        broken = broken or findings > 0
        previous = seconds
    if broken:
        print("a hard break was reported as trailing whitespace")
    return 1 if broken else 0


if __name__ == "__main__":
    raise SystemExit(main())
