"""Where the project lives, as its installed package metadata says (``[project.urls]``).

The User-Agent of the link checker and the documentation links of the json and sarif
outputs name it; nothing here is hard-coded, so a fork that changes its metadata
links to itself.
"""

from __future__ import annotations

import functools

from readme_lint import __version__

RULES_DOC = (
    "docs/rules.md"  # generated from the rules' docstrings (output.rules_doc.rules_markdown)
)


@functools.cache
def repository() -> str | None:
    """The repository's https URL (``Repository``, else the first https project URL)."""
    from importlib import metadata

    try:
        meta = metadata.metadata("readme-lint")
    except metadata.PackageNotFoundError:
        return None
    labelled = [entry.partition(", ") for entry in meta.get_all("Project-URL") or []]
    urls = [url for label, _, url in labelled if label.lower() == "repository"]
    urls += [url for _, _, url in labelled] + list(meta.get_all("Home-page") or [])
    return next((str(url).rstrip("/") for url in urls if str(url).startswith("https://")), None)


def rules_doc_url(anchor: str) -> str:
    """A rule's documentation: docs/rules.md at this version's tag in the repository, or
    the path in the repository when the package names none."""
    home = repository()
    if home is None:
        return f"{RULES_DOC}#{anchor}"
    return f"{home}/blob/v{__version__}/{RULES_DOC}#{anchor}"
