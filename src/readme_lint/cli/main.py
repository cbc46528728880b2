"""Console entry point: ``readme-lint [OPTIONS] [FILES]...``.

A plain call (file names and the hook's flags) is read here without importing click; any
other goes to click's full parser (readme_lint.cli.command). Both read the same option
declarations (readme_lint.cli.options) and hand readme_lint.cli.run the same record.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Sequence

from readme_lint.cli.options import EXIT_FINDINGS, simple_call
from readme_lint.cli.run import run
from readme_lint.console import UsageError


def _stdout_closed() -> int:
    """Whoever read the report stopped reading: say nothing more, exit 1 (as click does)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    with contextlib.suppress(OSError, AttributeError, ValueError):
        os.dup2(devnull, sys.stdout.fileno())  # the interpreter's final flush must not fail
    return EXIT_FINDINGS


def main(argv: Sequence[str] | None = None) -> int:
    """Console entry point; returns the exit code."""
    args = list(argv) if argv is not None else sys.argv[1:]
    simple = simple_call(args)
    if simple is not None:
        try:
            return run(simple)
        except UsageError:
            pass  # said by click, as for any other usage error
        except BrokenPipeError:  # the reader went away (| head): as click does, quietly
            return _stdout_closed()
    from readme_lint.cli.command import click_main

    return click_main(args)
