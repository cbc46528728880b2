"""What the command line writes, without click: a plain lint (the pre-commit hook's
call) must not pay for importing click, which only the full option parser needs
(readme_lint.cli.command)."""

from __future__ import annotations

import sys

_COLORS = {"red": 31, "yellow": 33}


def plural(count: int, word: str) -> str:
    """'1 problem', '2 problems', '2 fixes'."""
    suffix = "es" if word.endswith(("s", "x", "sh", "ch")) else "s"
    return f"{count} {word}{suffix * (count != 1)}"


class UsageError(Exception):
    """Options that cannot go together; shown as click shows a usage error (exit 2)."""


class BadParameter(UsageError):
    """An option value that names nothing real; shown as click's "Invalid value"."""


def echo(message: str = "", *, err: bool = False, nl: bool = True) -> None:
    """Write a line to stdout (or stderr), as click.echo does: flushed at once, so the
    report and the messages of a hook interleave as they happen."""
    stream = sys.stderr if err else sys.stdout
    if stream is None:  # pythonw, a detached process: nowhere to write
        return
    stream.write(message + "\n" if nl else message)
    stream.flush()


def style(text: str, *, fg: str | None = None, bold: bool = False) -> str:
    """ANSI colour and weight, the codes click.style writes."""
    codes = ([f"\x1b[{_COLORS[fg]}m"] if fg else []) + (["\x1b[1m"] if bold else [])
    return "".join(codes) + text + "\x1b[0m"
