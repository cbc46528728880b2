"""Whole-process timings and peak memory of readme-lint against mistletoe's parse alone.

    python bench/bench.py [--entries 10000] [--runs 5] [--corpus PATH]

Generates an N-entry list (bench/generate.py), then runs, each as a fresh
process, ``Document(text)`` with mistletoe alone and ``readme-lint -q`` on the
same file, and reports the median wall time and the peak RSS of each. Then the
same list with defects injected in 10% of its entries: ``readme-lint -q`` against
``readme-lint -q --fix`` (each run on a fresh copy). With the shared real README
beside the checkout, it times that too. Targets: lint <= 1.3x the parse alone,
<= 2.5x its peak memory, the real README < 0.4 s (issue 2); --fix <= 1.5x the
lint of the same broken file (issue 3).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from generate import generate

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "reading-diffusion-README.md"
PARSE_ONLY = "import sys; from mistletoe import Document; Document(open(sys.argv[1], encoding='utf-8').read())"


def measure(
    argv: list[str], runs: int, fresh: tuple[Path, str] | None = None
) -> tuple[float, float]:
    """Median wall seconds and max peak RSS (MiB) over ``runs`` fresh processes.

    ``fresh`` is (path, text) to write back before each run (--fix changes it).
    """
    times, peaks = [], []
    for _ in range(runs):
        if fresh is not None:
            fresh[0].write_text(fresh[1], encoding="utf-8")
        started = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        times.append(time.perf_counter() - started)
        peaks.append(usage.ru_maxrss / 1024)  # KiB on Linux
        code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):
            raise SystemExit(f"{argv} exited {code}")
    return statistics.median(times), max(peaks)


def lint_argv(path: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "readme_lint", "-q", *extra, str(path)]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args()
    for fmt in ("paragraph", "bullet"):
        run_format(args, fmt)
    if args.corpus.is_file():
        corpus_t, corpus_m = measure(lint_argv(args.corpus), args.runs)
        print(
            f"shared README ({args.corpus.name}): {corpus_t:.3f} s  peak {corpus_m:.1f} MiB  (target < 0.4 s)"
        )
    return 0


def run_format(args: argparse.Namespace, fmt: str) -> None:
    """Parse vs lint on a clean list, lint vs --fix on a broken one, in one entry format."""
    print(f"== format {fmt}")
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "big.md"
        big.write_text(generate(args.entries, seed=1, fmt=fmt), encoding="utf-8")
        size = big.stat().st_size / 1e6
        parse_t, parse_m = measure([sys.executable, "-c", PARSE_ONLY, str(big)], args.runs)
        lint_t, lint_m = measure(lint_argv(big), args.runs)
        print(f"{args.entries} entries, {size:.1f} MB, median of {args.runs} runs, whole process:")
        print(f"  mistletoe parse alone  {parse_t:6.3f} s  peak {parse_m:6.1f} MiB")
        print(f"  readme-lint            {lint_t:6.3f} s  peak {lint_m:6.1f} MiB")
        print(
            f"  ratio                  {lint_t / parse_t:6.2f} x  (target <= 1.3)   "
            f"memory {lint_m / parse_m:.2f} x  (target <= 2.5)"
        )
        broken_text = generate(args.entries, seed=1, defects=0.1, fmt=fmt)
        broken = Path(tmp) / "broken.md"
        broken.write_text(broken_text, encoding="utf-8")
        blint_t, _ = measure(lint_argv(broken), args.runs)
        fix_t, fix_m = measure(lint_argv(broken, "--fix"), args.runs, (broken, broken_text))
        print(f"{args.entries} entries, defects in 10%:")
        print(f"  readme-lint            {blint_t:6.3f} s")
        print(f"  readme-lint --fix      {fix_t:6.3f} s  peak {fix_m:6.1f} MiB")
        print(f"  ratio                  {fix_t / blint_t:6.2f} x  (target <= 1.5)")


if __name__ == "__main__":
    raise SystemExit(main())
