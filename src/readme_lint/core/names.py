"""Reading people's names in an entry's text: an authors line written plainly, the names
that open a citation before its title ("Authors. Title. Venue."), names before a bold
title. Every entry format asks the same questions, so the answers live here.

Patterns only: no nested unbounded repetition, so a long line stays linear.
"""

import re

from readme_lint.core import syntax

_PARTICLES = frozenset("van von de der den da di du le la dos del al bin el y".split())
_NAME_WORD = re.compile(r"[^\W\d_][\w'\u2019.-]*")


_LINKED_NAME = re.compile(r"\[(?P<name>[^\[\]]+)\]\([^()\s]*\)")


def names_line(text: str) -> bool:
    """A line that is only names, plain (no emphasis): 'Ann Lee, Bo Chen, Cy Dee.',
    'Aalt D. J. van Dijk, Gizem \u00d6l\u00e7\u00fc\u00e7\u00fc, and Ulrich Krauss', 'Kevin K Yang'."""
    text = syntax.strip_hard_break(text).strip()
    text = _LINKED_NAME.sub(r"\g<name>", text)  # '[John Ingraham](u), Vikas Garg': names linked
    one = text.endswith(".")  # a lone author is written 'Mohammed AlQuraishi.'
    text = re.sub(r"[*\u2020\u2021\u00a7\u00b9\u00b2\u00b3\d]+(?=[\s,.]|$)", "", text).rstrip(".")
    chunks = [c.strip() for c in re.split(r",|&|\band\b", text)]
    # 'Jumper, John, et al.': the names the line leaves out are no name.
    chunks = [c for c in chunks if c and c.rstrip(".") not in ("et al", "et. al")]
    if len(chunks) == 1:
        return one and 2 <= len(chunks[0].split()) <= 4 and _one_name(chunks[0])
    return len(chunks) >= 2 and all(_one_name(c) for c in chunks)


def _one_name(chunk: str) -> bool:
    words = re.sub(r"\([^()]*\)", " ", chunk.replace(" et al", "")).split()
    if not 1 <= len(words) <= 6:
        return False
    for word in words:
        if not _NAME_WORD.fullmatch(word):
            return False
        if not word[0].isupper() and word.lower() not in _PARTICLES:
            return False
    return True


# Words that open a title, not a name.
_NOT_NAMES = frozenset(
    "The A An On In Of For Towards Toward Learning Deep When How What Why".split()
)


def names_lead(text: str) -> bool:
    """Names before a title: 'Ann Lee, Bo Chen', 'Xiangnan He et al.', 'Ann Lee and Bo
    Chen', 'Ma, Hao, et al.'."""
    chunks = [c.strip() for c in re.split(r",|\band\b|&", text.strip(" .,:;")) if c.strip()]
    sentence = text.rstrip().endswith(".") or " et al" in text  # 'Rendle. ', 'An et al. '
    chunks = [c for c in chunks if c.rstrip(".") != "et al"]
    if (
        len(chunks) == 1
        and not sentence
        and (len(chunks[0].split()) < 2 or chunks[0].split()[0] in _NOT_NAMES)
    ):
        return False  # 'The **primacy bias** in …': a title's first word names nobody
    return bool(chunks) and all(_NAME_CHUNK.fullmatch(c) or _one_name(c) for c in chunks)


# A sentence's end: a period and a space, not after an initial ("Tom B. Brown").
_SENTENCE_END = re.compile(r"(?<![\s.][A-Z])\.[ \t]+")
_WORD = r"[A-Z][\w'\u2019-]+"  # a capitalised name word (O'Brien, D\u2019Amato, Ming-Wei)
_NAME_CHUNK = re.compile(
    rf"(?:and[ \t]+)?(?:[A-Z]\.|{_WORD})"
    rf"(?:[ \t]+(?:[A-Z]\.|{_WORD}|van|von|de|der|dos|da|di|le|la)){{0,4}}(?:[ \t]+et[ \t]+al)?"
)


# 'Kipf A', 'Jensen C S', 'Wu P': a surname, then initials without periods (PubMed's style).
_SURNAME_INITIALS = re.compile(rf"{_WORD}(?:[ \t]+[A-Z]{{1,2}}){{1,3}}")


_PUBMED_NAMES = re.compile(
    rf"\s*(?:{_SURNAME_INITIALS.pattern},[ \t]*)+(?:{_SURNAME_INITIALS.pattern}|et al)\.[ \t]+"
)


def names_list(text: str) -> bool:
    """Text that opens with two or more names split by commas ("Ann Lee, Bo Chen, ...")."""
    chunks = [c.strip() for c in text.split(",")]
    return len(chunks) >= 3 and all(_NAME_CHUNK.fullmatch(c) for c in chunks[:2])


def names_first(text: str, lead: int, end: int) -> int | None:
    """Where the title starts in "Authors. Title. Venue." (names first, the ACM order):
    a first sentence that is two or more names split by commas, then a sentence of three
    or more words. None when the first sentence is not such a list."""
    pubmed = _PUBMED_NAMES.match(text, lead, end)
    if pubmed is not None and len(text[pubmed.end() : end].split()) >= 3:
        return pubmed.end()  # 'Wu P, Cong G. Title.': the last initial's period ends them
    first = _SENTENCE_END.search(text, lead, end)
    if first is None:
        return None
    chunks = [c.strip() for c in text[lead : first.start()].split(",")]
    # 'Xiaoye Miao, Yangyang Wu, et al.': the names the line leaves out are no name.
    chunks = [c for c in chunks if c not in ("et al", "et. al")]
    if len(chunks) < 2 or not all(
        _NAME_CHUNK.fullmatch(c) or _SURNAME_INITIALS.fullmatch(c) for c in chunks
    ):
        return None
    after = _SENTENCE_END.search(text, first.end(), end)
    title = text[first.end() : after.start() if after else end]
    if len(title.split()) < 3 or any(c in title for c in "[]*"):
        return None
    return first.end()


# A quoted title in a citation: 'Rosenbaum, Paul R., and Donald B. Rubin. "The central
# role of the propensity score …" Biometrika 70 (1983)'.
_QUOTED_TITLE = re.compile(r"[\"\u201c](?P<title>[^\"\u201c\u201d]{12,}?)[,.]?[\"\u201d]")


def cited_title(text: str) -> tuple[int, int] | None:
    """Where the quoted title of a citation is in ``text`` (names, then '"Title."'): the
    span of the title inside the quotes, its closing comma or period left out."""
    match = _QUOTED_TITLE.search(text)
    if match is None or len(match.group("title").split()) < 3:
        return None
    ended = text[: match.start()].rstrip()
    before = ended.strip(" ,.:;")
    if not ended.endswith((".", ",")):  # the names end their sentence: 'Rubin, D. "…'
        return None
    if not before or not (names_lead(before) or names_list(before) or " et al" in before):
        return None
    return match.start("title"), match.end("title")


# A chunk of a citation that is its venue or year: 'CVPR', 'ICLR 2015', '2014', 'arXiv:1506.01497'.
_VENUE_CHUNK = re.compile(
    r"\s*(?:.*\b(?:19|20)\d\d\b.*|arXiv\b.*|[A-Z][A-Za-z]*[A-Z][A-Za-z]*'?\d{0,4}\.?)\s*$"
)


def _is_name_chunk(chunk: str) -> bool:
    chunk = re.sub(r"(?<=[a-z])\d+\b|[*\u2020\u2021]", "", chunk).strip()  # 'Wei Liu1', 'Ann Lee*'
    chunk = chunk.removesuffix(".") if not re.search(r"\b[A-Z]\.$", chunk) else chunk
    parts = [p.strip() for p in re.split(r"\band\b|&", chunk) if p.strip()]
    if any(len(p.split()) < 2 for p in parts):
        return False  # a name has two words or more ('Multilingual' is none)
    return bool(parts) and all(
        _NAME_CHUNK.fullmatch(p) or _SURNAME_INITIALS.fullmatch(p) or _INITIALS_NAME.fullmatch(p)
        for p in parts
    )


_INITIALS_NAME = re.compile(rf"(?![AI][ \t])[A-Z]{{1,3}}[ \t]+{_WORD}")  # 'N Wang', 'DY Yeung'


def comma_citation(text: str, lead: int, end: int) -> tuple[int, int] | None:
    """The title's columns in "Ann Lee, Bo Chen and Cy Dee, Title of the Paper, CVPR,
    2015." (names, the title, then its venue, all split by commas): two names or more
    first, the title up to the first chunk that is a venue or a year. None when the text
    does not open so."""
    cuts = [lead - 2] + [m.start() for m in re.finditer(r", ", text[lead:end])]
    cuts = [lead - 2] + [lead + c for c in cuts[1:]] + [end]
    chunks = [(cuts[k] + 2, cuts[k + 1]) for k in range(len(cuts) - 1)]
    names = 0
    while names < len(chunks) and _is_name_chunk(text[slice(*chunks[names])]):
        names += 1
    several = names >= 2 or (names == 1 and " and " in text[slice(*chunks[0])])
    if not several or names >= len(chunks):
        return None
    start = chunks[names][0]
    if re.match(r"(?:and|or|&)\b", text[start:end]):
        return None  # 'Deep Learning, Big Data, and Other Things': a title's own list
    if re.match(r"et\.? al\b", text[start:end]):
        return None  # 'Zhu R, Wu Z, et al. FLAT: …': names end at a period, not a comma
    # No venue: the title runs to the end ('Kaiming He, Jian Sun, Deep Residual Learning').
    stop = next((a - 2 for a, b in chunks[names + 1 :] if _VENUE_CHUNK.match(text, a, b)), end)
    stop = len(text[:stop].rstrip(" ."))
    if _VENUE_CHUNK.match(text, start, stop) or len(text[start:stop].split()) < 3:
        return None
    return start, stop
