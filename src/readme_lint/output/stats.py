"""``--statistics``: how many findings each rule has, as text or json."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from readme_lint.output.report import FileReport, dumps


def _statistics(files: Sequence[FileReport]) -> list[tuple[str, str, int, bool]]:
    counts = Counter((d.code, d.rule) for f in files for d in f.findings)
    fixable = {(d.code, d.rule) for f in files for d in f.findings if d.fixable}
    rows = [(code, name, n, (code, name) in fixable) for (code, name), n in counts.items()]
    return sorted(rows, key=lambda row: (-row[2], row[0]))


def statistics_text(files: Sequence[FileReport]) -> str:
    """Per rule: count, code, ``[*]`` when some of its findings are fixable, name."""
    rows = _statistics(files)
    if not rows:
        return ""
    width = len(str(rows[0][2]))
    any_fixable = any(row[3] for row in rows)
    lines = []
    for code, name, count, fixable in rows:
        marker = ("[*] " if fixable else "[ ] ") if any_fixable else ""
        lines.append(f"{count:>{width}}  {code}  {marker}{name}")
    return "\n".join(lines)


def statistics_json(files: Sequence[FileReport]) -> str:
    return dumps(
        [
            {"code": code, "name": name, "count": count, "fixable": fixable}
            for code, name, count, fixable in _statistics(files)
        ]
    )
