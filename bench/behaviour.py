"""Record every observable behaviour of readme-lint on a set of lists, or compare with a record.

    python bench/behaviour.py record OUT.json [EXTRA_DIR_OR_FILE ...]
    python bench/behaviour.py compare OLD.json [EXTRA_DIR_OR_FILE ...]

A refactoring must change nothing a user can see. This runs the installed
``readme-lint`` on every Markdown fixture under tests/fixtures, the shared corpus
and its regressions (when ``../shared`` is beside the checkout) and any extra
lists named on the command line, in each mode a user reaches: the text report,
every output format, ``--statistics``, ``--show-entries``, ``--select ALL``,
``--diff``, ``--fix`` (safe and unsafe, through stdin so the fixed text is
captured) and ``--init --dry-run``; and once each ``--list-rules``, ``--explain`` of
every rule, ``--help``, ``--version`` and a usage error. Each run's exit code, stdout
and stderr are kept byte for byte. ``compare`` reruns everything and prints each
difference (exit 1 when there is one).

Every file is copied into its own temporary folder first, so no configuration
of this checkout is discovered and the paths in the output are the same on
every machine.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"

# name -> the arguments after the executable; "{f}" is the list's file name.
MODES: dict[str, list[str]] = {
    "text": ["--no-color", "{f}"],
    "json": ["--output-format", "json", "{f}"],
    "json-all": ["--output-format", "json", "--select", "ALL", "{f}"],
    "sarif": ["--output-format", "sarif", "{f}"],
    "sarif-fixes": ["--output-format", "sarif", "--select", "ALL", "--unsafe-fixes", "{f}"],
    "junit": ["--output-format", "junit", "{f}"],
    "github": ["--output-format", "github", "{f}"],
    "statistics": ["--no-color", "--statistics", "{f}"],
    "show-entries": ["--no-color", "--show-entries", "{f}"],
    "select-all": ["--no-color", "--select", "ALL", "{f}"],
    "diff": ["--no-color", "--diff", "{f}"],
    "fix": ["--no-color", "--fix", "-", "--stdin-filename", "{f}"],
    "unsafe-fix": ["--no-color", "--fix", "--unsafe-fixes", "-", "--stdin-filename", "{f}"],
    "fix-all": ["--no-color", "--fix", "--select", "ALL", "-", "--stdin-filename", "{f}"],
    "init": ["--init", "--dry-run", "{f}"],
}

# Runs that read no list: the rules' listing (each rule is then explained too), help, version.
GLOBAL = [["--list-rules"], ["--help"], ["--version"], ["--format", "nope", "x.md"]]


def lists(extra: list[str]) -> Iterator[Path]:
    """Every list this record covers, in a stable order."""
    yield from sorted((ROOT / "tests" / "fixtures").rglob("*.md"))
    if SHARED.is_dir():
        yield from sorted(SHARED.glob("*.md"))
        yield from sorted((SHARED / "regressions").glob("*.md"))
    for name in extra:
        path = Path(name)
        yield from sorted(path.rglob("*.md")) if path.is_dir() else [path]


def key(path: Path) -> str:
    """A name for the list that does not depend on where the checkout is."""
    for base, label in ((ROOT, ""), (SHARED.parent, "shared/")):
        if path.resolve().is_relative_to(base.resolve()):
            return label + path.resolve().relative_to(base.resolve()).as_posix()
    return path.name


def run_mode(exe: str, path: Path, mode: str) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "README.md"
        shutil.copyfile(path, copy)
        argv = [exe, *(a.replace("{f}", copy.name) for a in MODES[mode])]
        stdin = copy.read_bytes() if "-" in argv else None
        done = subprocess.run(argv, cwd=tmp, input=stdin, capture_output=True, timeout=120)
    return {
        "rc": done.returncode,
        "stdout": done.stdout.decode("utf-8", "replace"),
        "stderr": done.stderr.decode("utf-8", "replace"),
    }


def record(exe: str, extra: list[str]) -> dict[str, dict[str, object]]:
    jobs = [(p, m) for p in lists(extra) for m in MODES]
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda job: run_mode(exe, *job), jobs))
    out: dict[str, dict[str, object]] = {}
    for (path, mode), result in zip(jobs, results, strict=True):
        out.setdefault(key(path), {})[mode] = result
    out["<global>"] = {" ".join(argv): _global(exe, argv) for argv in GLOBAL}
    codes = [
        line.split()[0] for line in str(out["<global>"]["--list-rules"]["stdout"]).splitlines()
    ]
    out["<explain>"] = {c: _global(exe, ["--explain", c]) for c in codes if c.startswith("RL")}
    return out


def _global(exe: str, argv: list[str]) -> dict[str, object]:
    done = subprocess.run([exe, *argv], capture_output=True, text=True, check=False)
    return {"rc": done.returncode, "stdout": done.stdout, "stderr": done.stderr}


def compare(old: dict[str, dict[str, object]], new: dict[str, dict[str, object]]) -> int:
    differences = 0
    for name in sorted(old.keys() | new.keys()):
        if name not in old or name not in new:
            print(f"{name}: only in the {'new' if name in new else 'old'} record")
            differences += 1
            continue
        for mode in sorted(old[name].keys() | new[name].keys()):
            if old[name].get(mode) != new[name].get(mode):
                print(f"{name} [{mode}]: differs")
                differences += 1
    total = sum(len(v) for v in new.values())
    lists = sum(1 for name in new if not name.startswith("<"))
    print(f"{differences} differences in {total} runs over {lists} lists")
    return 1 if differences else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["record", "compare"])
    parser.add_argument("snapshot", type=Path)
    parser.add_argument("extra", nargs="*", help="more lists (files or folders of .md)")
    parser.add_argument("--exe", default=shutil.which("readme-lint") or "readme-lint")
    args = parser.parse_args(argv)
    args.exe = str(Path(args.exe).resolve()) if "/" in args.exe else args.exe
    new = record(args.exe, args.extra)
    if args.action == "record":
        args.snapshot.write_text(json.dumps(new, indent=1, sort_keys=True), encoding="utf-8")
        lists = sum(1 for name in new if not name.startswith("<"))
        print(f"recorded {sum(len(v) for v in new.values())} runs over {lists} lists")
        return 0
    return compare(json.loads(args.snapshot.read_text(encoding="utf-8")), new)


if __name__ == "__main__":
    sys.exit(main())
