"""A baseline: today's findings, recorded, so that only new ones are reported.

The file is JSON::

    {"version": 1, "files": {"README.md": [{"code": "RL105", "key": "entry:...", "count": 1}]}}

Files are named relative to the baseline's folder. A finding is keyed by its
rule and what it is about, never by its line, so moving entries around does not
bring recorded findings back: inside an entry, the entry's title as compared
for duplicates (``entry:<title>``); elsewhere, the content of the finding's
line with its whitespace collapsed (``line:<text>``). Counts matter: a baseline
that holds one finding hides one, and a second identical finding is reported.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from readme_lint.core.diagnostics import Diagnostic
from readme_lint.core.model import Document
from readme_lint.files import replace_file

VERSION = 1

# A file's recorded findings: (code, key) -> how many.
Recorded = Counter[tuple[str, str]]


class BaselineError(Exception):
    """A baseline file that cannot be read or written; the message names it."""


def finding_key(doc: Document, d: Diagnostic) -> str:
    """What a finding is about, without its position."""
    from readme_lint.core.papers import title_key

    entry = doc.entry_at_line.get(d.line)
    if entry is not None:
        title = title_key(entry.title_text)
        if title:
            return f"entry:{title}"
    text = doc.line(d.line).text if 1 <= d.line <= len(doc.lines) else ""
    return "line:" + " ".join(text.split())


def record(doc: Document, diagnostics: Iterable[Diagnostic]) -> Recorded:
    return Counter((d.code, finding_key(doc, d)) for d in diagnostics)


def without_recorded(
    diagnostics: Iterable[Diagnostic], keys: Sequence[str], recorded: Mapping[tuple[str, str], int]
) -> list[Diagnostic]:
    """The findings a baseline does not hold; ``keys[i]`` is the ``i``-th finding's key.

    Each recorded finding hides one finding with its code and key, in order.
    """
    left = Counter(recorded)
    out = []
    for d, key in zip(diagnostics, keys, strict=True):
        if left[(d.code, key)] > 0:
            left[(d.code, key)] -= 1
        else:
            out.append(d)
    return out


def file_key(baseline: Path, path: Path) -> str:
    """How a baseline names a linted file: relative to the baseline's folder."""
    return Path(os.path.relpath(path.resolve(), baseline.resolve().parent)).as_posix()


def load(path: Path) -> dict[str, Recorded]:
    """A baseline file, by file key; a missing or malformed file is an error naming it."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(
            f"{path}: baseline not found (create it with --write-baseline {path})"
        ) from None
    except OSError as exc:
        raise BaselineError(f"{path}: cannot read baseline: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BaselineError(f"{path}: not a readme-lint baseline (invalid JSON: {exc})") from None
    return _validated(path, data)


def _validated(path: Path, data: object) -> dict[str, Recorded]:
    def bad(why: str) -> BaselineError:
        return BaselineError(f"{path}: not a readme-lint baseline ({why})")

    if not isinstance(data, dict) or data.get("version") != VERSION:
        raise bad(f'expected an object with "version": {VERSION}')
    files = data.get("files")
    if not isinstance(files, dict):
        raise bad('"files" must be an object of file names')
    out: dict[str, Recorded] = {}
    for name, items in files.items():
        if not isinstance(items, list):
            raise bad(f"files[{name!r}] must be a list")
        counts: Recorded = Counter()
        for item in items:
            if not (
                isinstance(item, dict)
                and isinstance(item.get("code"), str)
                and isinstance(item.get("key"), str)
                and isinstance(item.get("count"), int)
                and not isinstance(item.get("count"), bool)
                and item["count"] >= 1
            ):
                raise bad(f"files[{name!r}]: each finding needs code, key and a count >= 1")
            counts[(item["code"], item["key"])] += item["count"]
        out[str(name)] = counts
    return out


def dumps(files: Mapping[str, Recorded]) -> str:
    """The JSON text of a baseline, sorted so that it diffs well."""
    body = {
        name: [
            {"code": code, "key": key, "count": count}
            for (code, key), count in sorted(files[name].items())
        ]
        for name in sorted(files)
        if files[name]
    }
    return json.dumps({"version": VERSION, "files": body}, indent=2, ensure_ascii=False) + "\n"


def write(path: Path, files: Mapping[str, Recorded]) -> None:
    """Write a baseline: through a temporary file in its folder, then replaced at once.

    Files the baseline holds that were not linted this time are kept (read first);
    a linted file's record replaces its old one, so findings that are gone are dropped.
    """
    merged: dict[str, Recorded] = load(path) if path.exists() else {}
    merged.update(files)
    try:
        replace_file(path, dumps(merged).encode("utf-8"))
    except OSError as exc:
        raise BaselineError(f"{path}: cannot write baseline: {exc.strerror or exc}") from None
