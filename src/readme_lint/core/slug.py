"""GitHub heading anchors, computed the way github-slugger (v2) does.

GitHub lowercases the heading's text, deletes every character of the Unicode
categories Other_Number, punctuation (except ``-`` and connector punctuation
such as ``_``), symbols, control/format/private/unassigned and separators
(except the ASCII space), keeps anything Alphabetic, turns each space into
``-`` without collapsing or trimming, and de-duplicates with ``-1``, ``-2``...
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from urllib.parse import unquote

_REMOVED_CATEGORY_PREFIXES = ("S", "C", "Z")
_REMOVED_CATEGORIES = frozenset({"No", "Pe", "Pf", "Pi", "Ps", "Po", "Pd"})

# Symbols that Unicode also marks Alphabetic (circled, parenthesized and squared
# Latin letters); github-slugger keeps them because it subtracts Alphabetic.
_ALPHABETIC_SYMBOLS = (
    (0x24B6, 0x24E9),
    (0x1F130, 0x1F149),
    (0x1F150, 0x1F169),
    (0x1F170, 0x1F189),
)

# Emoji shortcodes (``:zap:``) render as an emoji, which the slugger deletes.
# An emoji shortcode as GitHub writes them (:zap:); other modules match it too.
SHORTCODE = re.compile(r":[a-z0-9_+\-]+:")

_cache: dict[str, bool] = {}


def _removed(char: str) -> bool:
    known = _cache.get(char)
    if known is not None:
        return known
    if char in (" ", "-"):
        result = False
    else:
        cat = unicodedata.category(char)
        result = cat in _REMOVED_CATEGORIES or cat.startswith(_REMOVED_CATEGORY_PREFIXES)
        if result and cat == "So":
            code = ord(char)
            result = not any(lo <= code <= hi for lo, hi in _ALPHABETIC_SYMBOLS)
    _cache[char] = result
    return result


def slugify(text: str) -> str:
    """The anchor of one heading text, before de-duplication."""
    lowered = text.lower()
    return "".join(c for c in lowered if not _removed(c)).replace(" ", "-")


def strip_shortcodes(text: str) -> str:
    """Drop ``:emoji:`` shortcodes, which GitHub renders as (deleted) emoji."""
    return SHORTCODE.sub("", text) if ":" in text else text


class Slugger:
    """Assigns unique anchors in document order, as GitHub does."""

    def __init__(self) -> None:
        self._occurrences: dict[str, int] = {}

    def slug(self, text: str) -> str:
        original = slugify(text)
        result = original
        while result in self._occurrences:
            self._occurrences[original] += 1
            result = f"{original}-{self._occurrences[original]}"
        self._occurrences[result] = 0
        return result


def fragment_forms(target: str) -> str:
    """A link fragment as it would be compared with anchors: percent-decoded."""
    return unquote(target) if "%" in target else target


def landing(fragment: str, anchors: Collection[str]) -> str | None:
    """The anchor a ``#fragment`` link lands on, as GitHub's page resolves it, if any.

    The fragment is percent-decoded, may carry the ``user-content-`` prefix GitHub
    gives ids, and when nothing matches as written GitHub tries it lowercased: a TOC
    link to ``#General`` reaches the heading ``General`` (anchor ``general``).
    """
    name = fragment_forms(fragment)
    for form in (name, name.lower()):
        for candidate in (form, form.removeprefix("user-content-")):
            if candidate in anchors:
                return candidate
    return None
