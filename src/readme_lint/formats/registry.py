"""The entry-format registry: each format is a section reader plus what its entries are
made of, registered by ``@entry_format`` in its own module (formats/*.py).

This is the only list of formats: the names, the fields each format's entries can have and
which formats join their fields with hard breaks are all read from here.
"""

# No postponed annotations: NamedTuple would compile each string annotation at import.
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from readme_lint.core.records import Entry
    from readme_lint.formats.base import Context, Section

Reader = Callable[["Section", "Context"], list["Entry"]]


class EntryFormat(NamedTuple):
    name: str
    priority: int  # detection: on a tie in entries read, the lower wins
    read: Reader
    fields: frozenset[str]  # the fields (config.FIELDS) an entry of this format can have
    hard_breaks: bool  # its fields are lines joined by hard breaks (`\\`, `<br>`, spaces)
    # An entry it reads is the whole section (a heading that is a paper): the section's
    # notes and lists under it are read by no other format.
    claims_section: bool = False
    # Its entries hold other blocks (a <details> block's body): what another format reads
    # inside them is the entry's body, no entry of its own.
    encloses: bool = False


_FORMATS: dict[str, EntryFormat] = {}


def entry_format(
    name: str,
    *,
    priority: int,
    fields: Iterable[str],
    hard_breaks: bool = False,
    claims_section: bool = False,
    encloses: bool = False,
) -> Callable[[Reader], Reader]:
    """Register a section reader as the entry format ``name``."""

    def register(read: Reader) -> Reader:
        if name in _FORMATS:
            raise ValueError(f"entry format {name} registered twice")
        if any(f.priority == priority for f in _FORMATS.values()):
            raise ValueError(f"entry format {name}: priority {priority} is taken")
        _FORMATS[name] = EntryFormat(
            name, priority, read, frozenset(fields), hard_breaks, claims_section, encloses
        )
        return read

    return register


def registered() -> list[EntryFormat]:
    """The formats registered so far, by priority."""
    return sorted(_FORMATS.values(), key=lambda f: f.priority)
