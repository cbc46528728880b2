"""A list's own conventions, read off its model: the fields each entry format carries,
the fields the file's entries leave out, link-label spellings, its newline style, and
the short name messages quote an entry by."""

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from readme_lint.config import Config
from readme_lint.core.model import Document, Entry, Link
from readme_lint.core.papers import correct_spelling, known_venue, label_key
from readme_lint.core.slug import strip_shortcodes
from readme_lint.core.syntax import ends_with_backslash_break
from readme_lint.formats import format_fields, hard_break_formats

# Below this many entries a file's own habits say too little to infer its schema.
INFER_MIN_ENTRIES = 5


def entry_name(entry: Entry, limit: int = 50) -> str:
    """A short, quotable name for an entry in messages."""
    text = strip_shortcodes(entry.title_text).strip() or "untitled entry"
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def has_field(entry: Entry, field: str) -> bool:
    """Whether the entry carries ``field`` (one of config.FIELDS)."""
    if field == "title":
        return entry.title is not None
    if field == "authors":
        return entry.authors is not None
    if field == "link":
        return any(not link.image for link in entry.links)
    return bool(entry.summary)


def unused_fields(doc: Document) -> list[tuple[str, str, int, int]]:
    """(format, field, entries having it, entries) for fields most of a format's entries lack.

    A list whose entries never carry a summary (or authors) writes another schema
    than ours; reporting every entry would be noise, so the field is not required
    there (unless the configuration says it is) and a hint says so.
    """

    def compute() -> list[tuple[str, str, int, int]]:
        counts = Counter(e.format for e in doc.entries)
        out: list[tuple[str, str, int, int]] = []
        for fmt, total in sorted(counts.items()):
            fields = {"authors", "summary"} if fmt in hard_break_formats() else set()
            if total < INFER_MIN_ENTRIES:
                # A few entries in a format the rest of a long list does not use ('**[A
                # Survey](u)**' / 'Authors' in the About section of a bullet list): no
                # habit of theirs says they must carry authors or a summary.
                if len(doc.entries) - total >= 4 * INFER_MIN_ENTRIES:
                    out.extend(
                        (fmt, field, have, total)
                        for field in sorted(fields & format_fields(fmt))
                        if (have := _having(doc, fmt, field)) < total
                    )
                continue
            # Any format may link nothing (a list of plain references); only hard-break
            # formats have authors and summary lines to leave out.
            for field in sorted(({"link"} | fields) & format_fields(fmt)):
                have = _having(doc, fmt, field)
                if have * 2 < total:
                    out.append((fmt, field, have, total))
        return out

    return doc.memo("unused-fields", compute)


def _having(doc: Document, fmt: str, field: str) -> int:
    return sum(1 for e in doc.entries if e.format == fmt and has_field(e, field))


class Habits(NamedTuple):
    """What the whole file does, which its rules follow (also when a part of it is re-read
    on its own): (format, field, entries having it, entries) for each field most entries
    of a format lack (see ``unused_fields``); whether most of its backslash breaks have a
    space before them (``spaced_breaks``); for each format, whether most of its links are
    written ``[[Label](u)]`` and whether it glues such links together (``link_styles``)."""

    unused_fields: tuple[tuple[str, str, int, int], ...]
    spaced_breaks: bool = True
    link_styles: tuple[tuple[str, bool, bool], ...] = ()

    def list_style(self, fmt: str) -> bool:
        return any(f == fmt and listed for f, listed, _ in self.link_styles)

    def glued_style(self, fmt: str) -> bool:
        return any(f == fmt and glued for f, _, glued in self.link_styles)


def habits_of(doc: Document) -> Habits:
    return Habits(
        tuple(unused_fields(doc)), spaced_breaks(doc), link_styles(file_link_tallies(doc))
    )


def touching(link: Link, nxt: Link) -> bool:
    """The two links' shown texts run into each other: no bracket or other mark shows
    between them. ``[Paper](u)[Code](v)`` shows 'PaperCode'; ``[[Paper]](u)[[Code]](v)``
    shows '[Paper][Code]', links a reader tells apart."""
    end = "]" if link.bracketed else link.label.text.rstrip()[-1:]
    start = "[" if nxt.bracketed else nxt.label.text.lstrip()[:1]
    return end.isalnum() and start.isalnum()


LinkTally = tuple[int, int, int, int]


def link_tallies(doc: Document, entries: Iterable[Entry]) -> dict[str, LinkTally]:
    """Per format: (plain links, ``[[Label](u)]`` links, neighbours that brackets keep
    apart written glued, and written with a space between)."""
    counts: dict[str, list[int]] = {}
    for entry in entries:
        tally = counts.setdefault(entry.format, [0, 0, 0, 0])
        for link in entry.links:
            tally[link.bracketed] += 1
        for link, nxt in zip(entry.links, entry.links[1:], strict=False):
            if link.line == nxt.line and not touching(link, nxt):
                gap = doc.line(link.line).text[link.end_col - 1 : nxt.col - 1]
                tally[2] += gap == ""
                tally[3] += gap.isspace()
    return {fmt: (t[0], t[1], t[2], t[3]) for fmt, t in counts.items()}


def file_link_tallies(doc: Document) -> dict[str, LinkTally]:
    """``link_tallies`` of all the file's entries (computed once per document)."""
    return doc.memo("link-tallies", lambda: link_tallies(doc, doc.entries))


def link_styles(tallies: Mapping[str, LinkTally]) -> tuple[tuple[str, bool, bool], ...]:
    """(format, most links written ``[[Label](u)]``, such links mostly glued) per format."""
    return tuple(
        (fmt, bracketed > plain, glued > spaced)
        for fmt, (plain, bracketed, glued, spaced) in sorted(tallies.items())
    )


def spaced_breaks(doc: Document) -> bool:
    """Whether the list writes its backslash breaks as `` \\`` (more of its entries' breaks
    have a space before the backslash than not). A list that writes ``text\\`` throughout
    has that style: it renders the same, so there is nothing to hold it to."""

    spaced, glued = file_break_styles(doc)
    return spaced > glued


def file_break_styles(doc: Document) -> tuple[int, int]:
    """``break_styles`` of all the file's entries (computed once per document)."""
    return doc.memo("break-styles", lambda: break_styles(doc, doc.entries))


def break_styles(doc: Document, entries: Iterable[Entry]) -> tuple[int, int]:
    """(spaced, glued): the entries' backslash breaks with a space before them, and without."""
    spaced = glued = 0
    for entry in entries:
        for number in entry.text_lines:
            text = doc.line(number).text
            if number == entry.last_line or number in doc.code_lines:
                continue
            if len(text) >= 2 and ends_with_backslash_break(text):
                if text[-2].isspace():
                    spaced += 1
                else:
                    glued += 1
    return spaced, glued


def label_spellings(entries: Iterable[Entry]) -> dict[str, list[tuple[int, str]]]:
    """Each list-style label (by label_key) -> its spellings with their counts, most used
    first (alphabetically on a tie)."""
    counts: Counter[str] = Counter(
        link.label.text for entry in entries for link in entry.links if link.bracketed
    )
    groups: dict[str, list[tuple[int, str]]] = {}
    for spelling, count in counts.items():
        groups.setdefault(label_key(spelling), []).append((count, spelling))
    for spellings in groups.values():
        spellings.sort(key=lambda item: (-item[0], item[1]))
    return groups


def canonical_labels(doc: Document, config: Config) -> dict[str, str]:
    """Casefolded label -> its canonical spelling: the configured one, else the most
    common one when that is no misspelt product name (a label the configuration does
    not list is still held to the list's own majority)."""
    configured = {label_key(label): label for label in config.labels}
    best: dict[str, str] = {}
    for key, spellings in label_spellings(doc.entries).items():
        if any(c.isdigit() for c in key) or known_venue(key):
            continue  # a venue tag ('SIGGRAPH2020', 'CVPR'): a venue's spelling, not a label's
        # A tie has no most common spelling: nothing to hold the others to. A list that
        # mostly writes 'Github' is held neither to its habit (a misspelling) nor to
        # 'GitHub' (not its style): silence.
        clear = len(spellings) == 1 or spellings[0][0] > spellings[1][0]
        if clear and correct_spelling(spellings[0][1]):
            best[key] = spellings[0][1]
    return {**best, **configured}


def majority_eol(doc: Document) -> str:
    """The file's newline style: CRLF only when most lines use it."""
    crlf = sum(1 for line in doc.lines if line.eol == "\r\n")
    lf = sum(1 for line in doc.lines if line.eol == "\n")
    return "\r\n" if crlf > lf else "\n"
