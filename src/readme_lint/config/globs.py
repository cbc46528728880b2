"""Path patterns of ``exclude`` and ``per-file-ignores``, read as ``.gitignore`` reads them.

A pattern is matched against a path relative to the configuration file's folder,
with ``/`` between its parts:

- without a ``/`` (``archive``, ``*-old.md``) it matches a file or folder of that name
  at any depth;
- with one (``lists/archive``, ``/README.md``, ``drafts/**/README.md``) it is anchored at
  the configuration's folder (a leading ``/`` only says so);
- a pattern that matches a folder matches everything under it;
- ``*`` and ``?`` stay within one part, ``**`` spans any number of parts, ``[abc]`` is a
  set of characters. Case matters, as in git. A leading ``./`` anchors as ``/`` does; a
  negation (``!pattern``) is refused.
"""

from __future__ import annotations

import functools
import re


@functools.lru_cache(maxsize=256)
def _compile(pattern: str) -> tuple[re.Pattern[str], bool]:
    """(regex for a whole relative path or part, whether the pattern is anchored)."""
    body = pattern.strip().rstrip("/")
    while body.startswith("./"):  # "./archive" is "/archive": this folder's
        body = "/" + body[2:].lstrip("/")
    anchored = "/" in body
    body = body.lstrip("/")
    out: list[str] = []
    i = 0
    while i < len(body):
        if body.startswith("**/", i):
            out.append("(?:[^/]+/)*")
            i += 3
        elif body.startswith("**", i):
            out.append(".*")
            i += 2
        elif body[i] == "*":
            out.append("[^/]*")
            i += 1
        elif body[i] == "?":
            out.append("[^/]")
            i += 1
        elif body[i] == "[" and "]" in body[i + 2 :]:
            end = body.index("]", i + 2)
            inner = body[i + 1 : end]
            negate = inner.startswith("!")
            inner = inner[1:] if negate else inner
            out.append(("[^" if negate else "[") + inner.replace("\\", "\\\\") + "]")
            i = end + 1
        else:
            out.append(re.escape(body[i]))
            i += 1
    return re.compile("".join(out)), anchored


def matches(pattern: str, relative: str) -> bool:
    """Whether ``pattern`` covers the file at ``relative`` (``a/b/README.md``), itself or
    through one of its folders."""
    regex, anchored = _compile(pattern)
    parts = relative.split("/")
    if not anchored:
        return any(regex.fullmatch(part) for part in parts)
    return any(regex.fullmatch("/".join(parts[:n])) for n in range(1, len(parts) + 1))


def problem(pattern: str) -> str | None:
    """Why a pattern cannot be used, if it cannot: empty, or a negation, which .gitignore
    has and this does not (a later pattern cannot bring a file back)."""
    if not pattern.strip().lstrip(".").strip("/"):
        return "an empty pattern"
    if pattern.strip().startswith("!"):
        return "a negation (a '!' pattern), which is not supported"
    return None
