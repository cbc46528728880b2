"""readme-lint: lint and fix curated paper-list READMEs."""

from __future__ import annotations

__version__ = "0.2.0"

__all__ = ["__version__", "fix_text", "lint_text"]


def __getattr__(name: str) -> object:
    # Keep `import readme_lint` cheap: the engine (and mistletoe) load on first use.
    if name == "lint_text":
        from readme_lint.engine.run import lint_text

        return lint_text
    if name == "fix_text":
        from readme_lint.engine.fix import fix_text

        return fix_text
    raise AttributeError(name)
