"""What a pre-commit hook costs: whole-process ``readme-lint README.md`` against mistletoe's parse alone.

    python bench/startup.py [--runs 21] [--warmup 3] [--target 1.10] [--corpus PATH]
                            [--pyc {cached,env}] [--importtime]

Runs, each as a fresh process with this interpreter, the installed console script
(``readme-lint <file>``, or ``python -m readme_lint <file>`` when there is none) and
the baseline ``python -c "import mistletoe, sys; mistletoe.Document(...)" <file>`` on
the shared real README, interleaved (A B, B A, A B, ...) so that a change in the
machine's load hits both alike. The first --warmup pairs are discarded. Reports the
median and minimum wall time (and CPU time, user + sys, which load disturbs less)
of each, the ratio of the medians, and PASS/FAIL against --target (exit 1 on FAIL).
The lint exits 1 on that README (it has findings): only 2 or more, or a traceback,
is a failure of the run. Judge the target on an idle machine, or by the ratio of the
minimums: under load the baseline (mostly one tight loop in mistletoe's import) slows
down more than the lint's extra (imports), so the ratio of medians reads low.

--pyc cached (the default) runs both with bytecode written to and read from a fresh
PYTHONPYCACHEPREFIX (primed before timing), as in a hook's environment, where pip
compiled everything on install; --pyc env keeps the inherited environment (with
PYTHONDONTWRITEBYTECODE=1 an editable install recompiles its modules on every run).

--importtime also prints the top 20 modules by cumulative import time of
``python -X importtime -m readme_lint <file>`` (per-module medians over
--importtime-runs runs), and the modules the lint imports beyond the baseline
(``sys.modules`` compared in two subprocesses), grouped by package with their self
import times.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "reading-diffusion-README.md"
TRACEBACK = "Traceback (most recent call last)"
BASELINE = "import mistletoe, sys; mistletoe.Document(open(sys.argv[1], encoding='utf-8').read())"
# Runs a command's code, then writes the names in sys.modules to argv[1] as JSON.
DUMP_LINT = """\
import json, sys
out, sys.argv = sys.argv[1], ["readme-lint", *sys.argv[2:]]
from readme_lint.cli.main import main
main()
with open(out, "w", encoding="utf-8") as f:
    json.dump(sorted(sys.modules), f)
"""
DUMP_BASELINE = f"""\
import json, sys
out, sys.argv = sys.argv[1], ["-c", *sys.argv[2:]]
{BASELINE}
with open(out, "w", encoding="utf-8") as f:
    json.dump(sorted(sys.modules), f)
"""


def lint_argv(path: Path) -> list[str]:
    script = Path(sys.executable).parent / "readme-lint"
    if script.is_file():
        return [str(script), str(path)]
    return [sys.executable, "-m", "readme_lint", str(path)]


def baseline_argv(path: Path) -> list[str]:
    return [sys.executable, "-c", BASELINE, str(path)]


def environment(mode: str, prefix: str) -> dict[str, str]:
    env = dict(os.environ)
    if mode == "cached":
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = prefix
    return env


def run_once(
    argv: list[str], ok: tuple[int, ...], env: dict[str, str], out: IO[bytes], err: IO[bytes]
) -> tuple[float, float]:
    """Wall and CPU (user + sys) seconds of one fresh process; exits on a failed run.

    Output goes to files, as pre-commit captures it, so that the child is not slowed
    by a terminal and ``os.wait4`` can report the child's own CPU time.
    """
    for f in (out, err):
        f.seek(0)
        f.truncate()
    started = time.perf_counter()
    proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=out, stderr=err, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    proc.returncode = code = os.waitstatus_to_exitcode(status)
    err.seek(0)
    stderr = err.read().decode("utf-8", "replace")
    if code not in ok or TRACEBACK in stderr:
        raise SystemExit(f"{' '.join(argv)} exited {code}:\n{stderr}")
    return wall, usage.ru_utime + usage.ru_stime


def measure(args: argparse.Namespace, env: dict[str, str]) -> dict[str, dict[str, list[float]]]:
    """Interleaved wall and CPU times of the lint and the baseline, warm-ups dropped."""
    commands = {
        "readme-lint": (lint_argv(args.corpus), (0, 1)),
        "mistletoe parse": (baseline_argv(args.corpus), (0,)),
    }
    names = list(commands)
    results: dict[str, dict[str, list[float]]] = {n: {"wall": [], "cpu": []} for n in names}
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        for name in names:  # prime the bytecode cache (not counted even with --warmup 0)
            run_once(*commands[name], env, out, err)
        for i in range(args.warmup + args.runs):
            for name in names if i % 2 == 0 else reversed(names):
                wall, cpu = run_once(*commands[name], env, out, err)
                if i >= args.warmup:
                    results[name]["wall"].append(wall)
                    results[name]["cpu"].append(cpu)
    return results


def report(args: argparse.Namespace, results: dict[str, dict[str, list[float]]]) -> bool:
    lint, base = results["readme-lint"], results["mistletoe parse"]
    print(
        f"{args.corpus.name}, {args.runs} interleaved runs of each (+{args.warmup} warm-ups), "
        f"bytecode: {args.pyc}, whole process:"
    )
    print(f"  {'':<18}{'median':>9}{'min':>9}{'cpu med':>9}")
    for name, r in results.items():
        print(
            f"  {name:<18}{statistics.median(r['wall']):>8.3f}s{min(r['wall']):>8.3f}s"
            f"{statistics.median(r['cpu']):>8.3f}s"
        )
    extra = statistics.median(lint["wall"]) - statistics.median(base["wall"])
    ratio = statistics.median(lint["wall"]) / statistics.median(base["wall"])
    min_ratio = min(lint["wall"]) / min(base["wall"])
    cpu_ratio = statistics.median(lint["cpu"]) / statistics.median(base["cpu"])
    # The paired differences (each lint run against the baseline run beside it) cancel
    # most of the drift in the machine's load.
    paired = statistics.median(a - b for a, b in zip(lint["wall"], base["wall"], strict=True))
    print(
        f"  extra wall time   {extra * 1000:7.1f} ms (median of medians), "
        f"{paired * 1000:.1f} ms (median of paired differences)"
    )
    print(f"  ratio of minimums {min_ratio:6.2f} x   of CPU medians {cpu_ratio:.2f} x")
    passed = ratio <= args.target
    print(
        f"  ratio of medians  {ratio:6.2f} x  (target <= {args.target:.2f})  "
        f"{'PASS' if passed else 'FAIL'}"
    )
    return passed


def import_times(
    argv: list[str], env: dict[str, str], runs: int
) -> dict[str, tuple[int, int, int]]:
    """Per module: median self and cumulative import time (us), and its depth in the tree."""
    samples: dict[str, list[tuple[int, int]]] = defaultdict(list)
    depth: dict[str, int] = {}
    for _ in range(runs):
        proc = subprocess.run(argv, capture_output=True, text=True, env=env, check=False)
        if proc.returncode not in (0, 1) or TRACEBACK in proc.stderr:
            raise SystemExit(f"{' '.join(argv)} exited {proc.returncode}:\n{proc.stderr}")
        for line in proc.stderr.splitlines():
            if not line.startswith("import time:") or "self [us]" in line:
                continue
            self_us, cumulative, name = line[len("import time:") :].split("|")
            depth[name.strip()] = (len(name) - len(name.lstrip()) - 1) // 2
            samples[name.strip()].append((int(self_us), int(cumulative)))
    return {
        name: (
            int(statistics.median(s for s, _ in v)),
            int(statistics.median(c for _, c in v)),
            depth[name],
        )
        for name, v in samples.items()
    }


def loaded_modules(code: str, path: Path, env: dict[str, str]) -> set[str]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "modules.json"
        proc = subprocess.run(
            [sys.executable, "-c", code, str(out), str(path)],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        if not out.is_file() or TRACEBACK in proc.stderr:
            raise SystemExit(f"module dump failed ({proc.returncode}):\n{proc.stderr}")
        return set(json.loads(out.read_text(encoding="utf-8")))


def show_imports(args: argparse.Namespace, env: dict[str, str]) -> None:
    argv = [sys.executable, "-X", "importtime", "-m", "readme_lint", str(args.corpus)]
    times = import_times(argv, env, args.importtime_runs)
    print(
        f"\ntop 20 imports by cumulative time, python -X importtime -m readme_lint "
        f"(median of {args.importtime_runs} runs; importtime itself inflates them):"
    )
    print(f"  {'self ms':>8}{'cum ms':>8}  module")
    top = sorted(times.items(), key=lambda item: -item[1][1])[:20]
    for name, (self_us, cumulative, level) in top:
        print(f"  {self_us / 1000:8.1f}{cumulative / 1000:8.1f}  {'  ' * level}{name}")

    extra = loaded_modules(DUMP_LINT, args.corpus, env) - loaded_modules(
        DUMP_BASELINE, args.corpus, env
    )
    groups: dict[str, list[str]] = defaultdict(list)
    for name in extra:
        top_level = name.partition(".")[0]
        groups[top_level if top_level in ("readme_lint", "click") else "stdlib/other"].append(name)
    total = sum(times.get(n, (0, 0, 0))[0] for n in extra)
    print(
        f"\n{len(extra)} modules imported by the lint beyond the baseline, "
        f"self import time {total / 1000:.1f} ms in all (importtime, median):"
    )
    for group, names in sorted(
        groups.items(), key=lambda g: -sum(times.get(n, (0, 0, 0))[0] for n in g[1])
    ):
        group_us = sum(times.get(n, (0, 0, 0))[0] for n in names)
        print(f"  {group} ({len(names)} modules, {group_us / 1000:.1f} ms):")
        ranked = sorted(names, key=lambda n: -times.get(n, (0, 0, 0))[0])
        print("    " + ", ".join(f"{n} {times.get(n, (0, 0, 0))[0] / 1000:.1f}" for n in ranked))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--target", type=float, default=1.10)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--pyc", choices=("cached", "env"), default="cached")
    parser.add_argument("--importtime", action="store_true")
    parser.add_argument("--importtime-runs", type=int, default=5)
    args = parser.parse_args()
    if not args.corpus.is_file():
        raise SystemExit(f"no README at {args.corpus} (--corpus PATH)")
    if args.runs < 1:
        raise SystemExit("--runs must be at least 1")
    with tempfile.TemporaryDirectory(prefix="startup-pyc-") as prefix:
        env = environment(args.pyc, prefix)
        passed = report(args, measure(args, env))
        if args.importtime:
            show_imports(args, env)
    return 0 if passed else 1


if __name__ == "__main__":
    raise SystemExit(main())
