"""From command-line arguments to the files to lint.

A file is itself; a directory stands for the README files under it (the files
``git`` would track there — ignored ones left out — or, outside a repository, every
``README.md`` below it except in hidden folders); a pattern such as ``lists/*/README.md``
is expanded (``**`` too). The same file named twice is linted once.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

README = re.compile(r"(?i)readme\.md")
_SKIPPED_DIRS = frozenset({"node_modules", "__pycache__", "site-packages"})


def expand(args: Sequence[Path]) -> tuple[list[Path], list[str]]:
    """(files to lint, in order and once each; a message per argument that names none)."""
    out: list[Path] = []
    problems: list[str] = []
    seen: set[Path] = set()
    for arg in args:
        found = list(_files(arg))
        if not found:
            problems.append(_nothing(arg))
        for path in found:
            key = path.resolve() if str(path) != "-" else path
            if key not in seen:
                seen.add(key)
                out.append(path)
    return out, problems


def _nothing(arg: Path) -> str:
    if arg.is_dir():
        return f"{arg}: no README.md in this directory or below it"
    return f"{arg}: no file matches this pattern"


def _files(arg: Path) -> Iterator[Path]:
    text = str(arg)
    if arg.is_dir():
        yield from sorted(_readmes(arg))
    elif not arg.exists() and any(c in text for c in "*?["):
        import glob  # only for a pattern

        # glob.glob, not Path.glob: the pattern may be absolute and may start with "**".
        matches = sorted(glob.glob(text, recursive=True))  # noqa: PTH207
        yield from (Path(p) for p in matches if Path(p).is_file())
    else:
        yield arg  # a file, or a missing one (reported when it is read)


def _readmes(folder: Path) -> Iterator[Path]:
    tracked = _git_files(folder)
    if tracked is not None:
        for name in tracked:
            parts = Path(name).parts
            if README.fullmatch(parts[-1]) and not any(_skipped(d) for d in parts[:-1]):
                yield folder / name
        return
    for root, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not _skipped(d)]
        yield from (Path(root) / n for n in names if README.fullmatch(n))


def _skipped(folder: str) -> bool:
    return folder.startswith(".") or folder in _SKIPPED_DIRS


def _git_files(folder: Path) -> list[str] | None:
    """The files git knows under ``folder`` (tracked, or new and not ignored); None
    outside a repository or without git."""
    import subprocess  # only for a directory argument

    try:
        done = subprocess.run(
            [
                "git",
                "-C",
                str(folder),
                "ls-files",
                "-z",
                "--cached",
                "--others",
                "--exclude-standard",
            ],
            capture_output=True,
            check=False,
            timeout=30,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if done.returncode != 0:
        return None
    names = done.stdout.decode("utf-8", "surrogateescape").split("\0")
    return [n for n in names if n and (folder / n).is_file()]
