"""``bullet``: one list item an entry (nested lists too), or a bare link paragraph.

    - **DDPM** (Denoising Diffusion Probabilistic Models) [[paper](u)] [[code](u)]
    - Denoising Diffusion Implicit Models (**ICLR'21**) [[paper](u)] [[code](u)]
    - [Score-Based Generative Modeling through SDEs](u)
    - **[GPT-3]** Tom B. Brown, Ben Mann. Language Models are Few-Shot Learners. [[paper](u)]

An item is an entry when it has a title and a link to somewhere else (or a venue
in the ``Title (**Venue**)`` shape). An item that only groups others
(``- **CVPR'24**`` above a nested list) or a list of in-page links (a TOC) is not.
A bracketed tag before the text (``[CVPR 2023]``, ``**[GPT-3]**``) is a label, not the
title; names first ("Authors. Title. Venue.", the ACM order) put the title second.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from readme_lint.core import mdparse, syntax
from readme_lint.core.names import (
    comma_citation,
    names_first,
    names_lead,
    names_line,
    names_list,
)
from readme_lint.core.papers import VAGUE_LABELS, is_link_label, readme_section, title_key
from readme_lint.core.records import BULLET, Block, Entry, Heading, Line, Title
from readme_lint.core.syntax import Link, Span
from readme_lint.formats.base import (
    Context,
    Section,
    blank_prefix,
    item_lines,
    markers,
    plain_title,
    span_of,
)
from readme_lint.formats.registry import entry_format

_LEADER = re.compile(r"\s*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)")
# **Name** (Title) ...
_NAME_TITLE = re.compile(r"\s*\*\*[^*]+\*\*:?\s*\((?P<title>[^()]{8,})\)")
# Title (**Venue'24**) ...
_TITLE_VENUE = re.compile(r"\s*(?P<title>[^\[\]()*]{3,}?)\s*\(\s*\*\*(?P<venue>[^*]+)\*\*\s*\)")
# **Title** ... or **[Title](u)** ...
_BOLD = re.compile(r"\s*\*\*\*?(?P<title>[^*]+)\*?\*\*")
_NAMES_BOLD = re.compile(r"\s*(?P<names>[^*\[\]]{3,120}?)\s*\*\*(?P<title>[^*]{8,}?)\*\*")
_PLAIN_VENUE_TAIL = re.compile(
    r"\s*[(\uff08](?P<venue>[A-Za-z][^()\uff08\uff09]{0,40}?[\s,']+(?:19|20)?\d\d[^()\uff08\uff09]{0,20})[)\uff09][\s.,]*"
)


# A link labelled with the paper's id: 'arXiv:1810.04805', '1810.04805v2', 'doi:10.1145/...'.
_ID_LABEL = re.compile(
    r"\s*(?:arxiv:\s*)?\d{4}\.\d{4,5}(?:v\d+)?\s*|\s*(?:doi:\s*)?10\.\d{4,9}/\S+\s*", re.IGNORECASE
)
# Where the title after an id link ends: the authors, another link, or the line's end.
_AFTER_ID = re.compile(
    r"[\s,:;\-\u2013\u2014]*(?P<title>[^\[\]<>]{12,}?)(?=,?\s*(?:Authors?\b|by\b)|\s*\[|\s*<|\s*$)",
    re.IGNORECASE,
)


def _after_id(line: Line, link: Link) -> Title | None:
    match = _AFTER_ID.match(line.text, link.end_col - 1)
    if match is None or len(match.group("title").split()) < 2:
        return None
    end = match.end("title")
    return plain_title(line, match.start("title"), end - (1 if line.text[end - 1] == "," else 0))


# 'Title of the paper, ICASSP 2020' / 'Title of the paper, 2017'
_COMMA_VENUE_TAIL = re.compile(
    r",\s*(?P<venue>(?:[A-Z][\w'-]*\s+){0,3}(?:(?:19|20)\d\d|[A-Z][\w-]*\s?'\d\d))[\s.]*"
)
# 'Title, in *Applied Sciences* 2019.' / 'Title, in NeurIPS 2020.'
_IN_TAIL = re.compile(
    r",\s*in\s+(?P<venue>[*_]{0,2}[A-Za-z][^*_\[\]]{0,80}?[*_]{0,2},?\s*(?:19|20)\d\d)[\s.]*"
)
# '"Title", *CVPR 2023*.': an emphasised venue with its year
_EM_TAIL = re.compile(
    r",\s*(?P<venue>[*_]{1,2}[A-Za-z][^*_\[\]]{0,60}?(?:19|20)\d\d[^*_\[\]]{0,12}[*_]{1,2})[\s.]*"
)
_QUOTED = re.compile(r"[\"\u201c](?P<title>[^\"\u201c\u201d]{8,})[\"\u201d]")
# '"Title", *arxiv*.': a quoted title, then its venue set off by emphasis (a year or not)
_QUOTED_EM = re.compile(
    r"[\"\u201c](?P<title>[^\"\u201c\u201d]{8,})[\"\u201d]\s*,\s*"
    r"(?P<venue>[*_]{1,2}[A-Za-z][^*_\[\]]{1,60}[*_]{1,2})[\s.]*"
)


_IN_VENUE = re.compile(r"(?<=[.?!)])\s+In\s+[*_](?P<venue>[^*_]{2,60})[*_]")
_BR = re.compile(r"\s*" + syntax.BR_TAG + r"\s*", re.IGNORECASE)
_YEARISH = re.compile(r"\b(?:19|20)\d\d\b")
# '(ICML 2019)', '(NeurIPS 2020 Workshop)' ending a bold title: its venue.
_VENUE_TAIL = re.compile(r"\s*\((?P<venue>[A-Za-z][^()]{1,40}?\s(?:19|20)\d\d[^()]{0,20})\)\s*$")
# **Name**: Title of the paper. [paper](u) -- a model's or a dataset's name, then the
# paper's title up to its sentence's end or the first link (a trailing year left out).
_NAME_COLON = re.compile(
    r"\s*\*\*(?P<name>[^*\[\]]+)\*\*\s*:[ \t]+(?P<rest>[^\[\]()*<>]+?)"
    r"(?:[ \t,]+(?:19|20)\d\d)?[ \t]*(?:\.(?:[ \t]|$)|\[|<|$)"
)
# [arXiv 2023] Title ...: a venue tag before the title.
# '**[GPT-3]** Authors. Title.': a bold tag is a label, as a citation number is.
_TAG = re.compile(r"\s*(?:\*\*)?\[(?P<venue>[^\[\]]{2,40})\](?:\*\*)?(?!\()\s+")
# '(*WSDM '25*) Title', '(**arXiv 2024.06**) Title': a venue tag in parentheses, set off
# by emphasis or holding a year.
_PAREN_TAG = re.compile(r"\s*\((?P<em>[*_]{1,2})?(?P<venue>[^()*_\[\]]{2,40}?)(?P=em)?\)\s+(?=\S)")
# A date stamp: no evidence of a paper by itself ('[2024.07.29] We have updated the list').
_DATE_TAG = re.compile(r"\s*\d{1,4}[./-]\d{1,2}(?:[./-]\d{1,4})?\s*")


# Names and a year before the first link: "Ann Lee, Bo Chen, and Cy Dee. 2019. "
_AUTHORS_YEAR = re.compile(
    r"[A-Z][^.\[\]()]*(?:\.[^.\[\]()]*)*[.,]\s*\(?(?:19|20)\d\d[a-z]?\)?[.,:]?\s*$"
)


def is_remote(link: Link) -> bool:
    """A link to another page or file: not ``#anchor``, nor a bare word (a TOC slip),
    nor a Markdown page of the repository, nor a section of a repository's front page
    (a TOC of absolute URLs)."""
    target = link.target.text.strip()
    if target.startswith("#") or not re.search(r"[/:.?]", target):
        return False
    if _LOCAL_PAGE.match(target):
        return False  # 'contents/manipulation_tasks.md#grasp': another page of the list
    return not readme_section(link.label.text, target)


# A relative link to a Markdown page of the repository (a list split over several files).
_LOCAL_PAGE = re.compile(
    r"(?![a-z][a-z0-9+.-]*:|//)[^?#]*\.(?:md|markdown)(?:#.*)?$", re.IGNORECASE
)


def _span_in(line: Line, match: re.Match[str], group: str) -> Span:
    return span_of(line, match.start(group), match.end(group))


def _title_from_link(line: Line, link: Link) -> Title | None:
    label = link.label
    text = re.sub(r"\*+|_{2,}", "", label.text).strip()
    if not any(c.isalnum() for c in text) or label.text.startswith("!["):
        return None
    if title_key(text) in VAGUE_LABELS:
        return None  # 'Paper available [here](u)': a sentence's link, no title
    return Title(line.number, label.col, "", Span(line.number, label.col, label.end_col, text), "")


def _link_first(line: Line, links: list[Link]) -> tuple[Title | None, Span | None] | None:
    """``[[CVPR2023](paper)] Title [[code](u)]``: the paper's link first, labelled with
    its venue (or ``arXiv``), then the title as text up to the next link."""
    first = links[0]
    end = links[1].col - 1 if len(links) > 1 else len(line.text)
    title = plain_title(line, first.end_col - 1, end)
    if title is None or title.text is None or len(title.text.text.split()) < 2:
        return None
    label = first.label
    return title, Span(label.line, label.col, label.end_col, label.text)


# 'arXiv 2023.09, Title', 'ICML 2023 oral, Title', 'CoRL 2023 workshop, Title': a venue and
# its year (a month, a word), then a comma and the title.
_LEAD_VENUE = re.compile(
    r"\s*(?P<venue>(?:[A-Za-z][\w'&-]*\s+){0,3}(?:19|20)\d\d(?:\.\d{1,2})?(?:\s+[a-z]+){0,2}),\s+(?=\S)"
)
# '*Cost-Based Query Transformation in Oracle*' after names: the title in italics.
_EM_TITLE = re.compile(r"(?<![*\w])[*_](?P<title>[^*_\[\]]{8,}?)[*_](?![*\w])")
# ' | **[ESANN' 15]** |' after a title: its venue, set off by pipes.
_PIPE_VENUE = re.compile(r"\s+\|\s*\*\*\[(?P<venue>[^\[\]]{2,40})\]\*\*\s*\|?")
# A link's text opened and not closed on its line: '<[Title of the paper', '[[Title'.
_OPEN_LABEL = re.compile(r"<?\[{1,2}(?=[^\[\]]{8,}$)")
# '<b>Title</b>', '<strong>Title</strong>': HTML's bold, read as '**Title**' is.
_HTML_BOLD = re.compile(
    r"(?P<lead>\s*(?::[a-z0-9_+-]+:\s*)*)(?P<open><(?:b|strong)>)(?P<title>[^<>*]+)(?P<close></(?:b|strong)\s*>)",
    re.IGNORECASE,
)


def _as_markdown_bold(line: Line) -> Line:
    """The line with a leading HTML bold written as '**' (columns kept): '<b>' as ' **',
    '</b>' as '**  '."""
    match = _HTML_BOLD.match(line.text)
    if match is None:
        return line
    lead = " " * len(match.group("lead"))  # an emoji before it is a marker, no title
    opened = " " * (len(match.group("open")) - 2) + "**"
    closed = "**" + " " * (len(match.group("close")) - 2)
    rest = line.text[match.end() :]
    return line._replace(text=lead + opened + match.group("title") + closed + rest)


# '<u>T5</u>: **"Exploring the Limits of …"**': a model's name set off by an HTML tag, a
# label before the bold title.
_HTML_LABEL = re.compile(
    r"\s*<(?P<tag>u|i|em|code|kbd|ins)>[^<>\[\]]{1,40}</(?P=tag)\s*>\s*:?[ \t]+(?=\*\*)",
    re.IGNORECASE,
)


def read_title(line: Line, links: list[Link]) -> tuple[Title | None, Span | None]:
    """The title (and a venue in ``(**Venue**)`` or ``[Venue]``) of an item's first line."""
    label = _HTML_LABEL.match(line.text)
    if label is not None:
        line = line._replace(text=" " * label.end() + line.text[label.end() :])
    line = _as_markdown_bold(line)
    text = line.text
    for pattern in (_NAME_TITLE, _TITLE_VENUE):
        match = pattern.match(text)
        if match:
            venue = _span_in(line, match, "venue") if "venue" in match.groupdict() else None
            return plain_title(line, match.start("title"), match.end("title")), venue
    tag = _TAG.match(text) or _venue_in_parentheses(text)
    venue = None
    if tag is not None:
        venue = _span_in(line, tag, "venue")
        # Read the rest as if the tag were not there (columns kept).
        line = line._replace(text=" " * tag.end() + text[tag.end() :].replace("**", "  "))
        text = line.text
    elif (lead_venue := _LEAD_VENUE.match(text)) is not None:
        # 'NIPS 2023, **SMPLer-X**: Scaling Up …, [Website](u)': the venue, then the title.
        venue = _span_in(line, lead_venue, "venue")
        line = line._replace(text=" " * lead_venue.end() + text[lead_venue.end() :])
        text = line.text
    lead = len(text) - len(text.lstrip())
    first = links[0] if links else None
    opened = _OPEN_LABEL.match(text, lead) if first is None else None
    if opened is not None:
        # '<[Learning to Optimize via Wasserstein' / '](u)> by …': the link's text wraps
        # onto the next line; its part here is the title.
        return plain_title(line, opened.end(), len(text.rstrip())), venue
    if first is not None and text.startswith("<", lead) and first.col - 1 == lead + 1:
        lead += 1  # '<[Title](u)> by Authors': the angle brackets only set the link off
    if first is not None and first.col - 1 == lead and _ID_LABEL.fullmatch(first.label.text):
        # '[arXiv:1810.04805](u), BERT: Pre-training of ..., Authors: ...': the link is
        # labelled with the paper's id; the title is the text after it.
        titled = _after_id(line, first)
        if titled is not None:
            return titled, venue
    if first is not None and first.bracketed and first.col - 1 == lead:
        led = _link_first(line, links)
        if led is not None:
            return led
    named = _name_colon(line, text)
    if named is not None:
        return named, venue
    bold = _BOLD.match(text)
    if bold:
        inner = [lk for lk in links if bold.start("title") < lk.col <= bold.end("title")]
        if inner and inner[0].col - 1 > bold.start("title") + 1:
            # '**Note: code is [here](u).**': a bold sentence with a link in it, no title.
            return None, None
        if inner and not inner[0].bracketed:
            return _title_from_link(line, inner[0]), venue
        end = bold.end("title")
        tail = _VENUE_TAIL.search(text, bold.start("title"), end)
        if tail is not None and venue is None:
            # '**Title (ICML 2019)**': the venue closes the bold title.
            return plain_title(line, bold.start("title"), tail.start()), _span_in(
                line, tail, "venue"
            )
        return plain_title(line, bold.start("title"), end), venue
    names_bold = _NAMES_BOLD.match(text)
    if names_bold is not None and names_lead(names_bold.group("names")):
        # "Ann Lee, Bo Chen et al. **Title.** KDD, 2019.": names, then the bold title.
        return plain_title(line, names_bold.start("title"), names_bold.end("title")), venue
    if first is not None and first.col - 1 == lead and not first.bracketed:
        return _title_from_link(line, first), venue
    if (
        first is not None
        and not first.bracketed
        and not is_link_label(first.label.text.strip("[] "))
        and _AUTHORS_YEAR.search(text[: first.col - 1])
    ):
        # "Authors. 2007. [Title](u). Venue.": the link after the year is the title.
        return _title_from_link(line, first), venue
    if (
        first is not None
        and not first.bracketed
        and not is_link_label(first.label.text.strip("[] "))
        and _names_before(text[lead : first.col - 1])
    ):
        # "Munda, G., Pock, T., [Title](u), IJCV, 2018.": names, then the linked title.
        return _title_from_link(line, first), venue
    end = first.col - 1 if first is not None else len(text)
    piped = _PIPE_VENUE.search(text, lead, end)
    if piped is not None:
        # 'Title | **[ICLR' 20]** | [pdf](u)': cells of a row written as a bullet
        venue = venue or _span_in(line, piped, "venue")
        end = piped.start()
    br = _BR.search(text, lead, end)
    broken = br is not None and br.start() > lead
    if br is not None and broken:
        # "Title <br> NeurIPS 2024 [[Paper]](u)": the line break ends the title; the venue
        # is what comes after it, before the links.
        below = text[br.end() : end].strip()
        if below and _YEARISH.search(below):
            start = text.index(below, br.end())
            venue = venue or span_of(line, start, start + len(below))
        end = br.start()
    em = _EM_TITLE.search(text, lead, end)
    if em is not None and _names_before_em(text[lead : em.start()], em.group("title")):
        # "Authors. *Title*. Venue 2019.": names, then the title in italics.
        return plain_title(line, em.start("title"), em.end("title")), venue
    quoted = _QUOTED.search(text, lead, end)
    if (
        quoted is not None
        and _before_quote(text[lead : quoted.start()])
        and len(quoted.group("title").split()) >= 3
        and text.count('"', lead, end) == 2
    ):
        # 'Ann Lee, Bo Chen, "Title of the Paper", ICLR 2016.': the quotes set it off.
        return plain_title(line, quoted.start("title"), quoted.end("title")), venue
    cited = comma_citation(text, lead, end)
    if cited is not None:
        # "Ann Lee, Bo Chen, Title of the Paper, CVPR, 2015.": names, title, venue.
        return plain_title(line, *cited), venue
    # "Authors. Title. Venue 2019.": names first (the ACM order), then the title.
    lead = names_first(text, lead, end) or lead
    in_venue = _IN_VENUE.search(text, lead, end)
    if in_venue is not None:
        # "Title? In *ICML 2019*. [pdf](u)": the venue after 'In', set off by emphasis.
        venue = venue or _span_in(line, in_venue, "venue")
        end = in_venue.start()
    # "Title. Authors. Venue 2019.": the first sentence is the title.
    sentences = _SENTENCES.match(text, lead, end)
    if sentences is not None:
        end = sentences.end("title")
    title = plain_title(line, lead, end)
    if title is None or title.text is None or title.text.text.endswith(":"):
        return None, None  # a lead-in of prose ("Our survey paper on arXiv: [Title](u)")
    if len(title.text.text.split()) < 2 and not broken:
        return None, None  # one word is no title, unless a line break sets it apart
    return title, venue


def _before_quote(text: str) -> bool:
    """Names before a quoted title: 'Ann Lee, Bo Chen,', 'Ann Lee and Bo Chen'."""
    text = text.strip()
    return text.endswith(",") or (" and " in text and names_lead(text))


def _several(names: str) -> bool:
    """Whether a run of names names more than one person ('Ann Lee, Bo Chen', 'Ann Lee and
    Bo Chen', 'Ann Lee et al.'): one name alone is as likely a title's first words."""
    return any(sep in names for sep in (",", " and ", "&", " et al"))


def _names_before_em(before: str, emphasised: str) -> bool:
    """Whether ``before`` is two names or more (of four words at most each) and the
    italics after it a title of three words or more, not names ('*Li et al. arXiv.*')."""
    names = before.strip(" .,:;")
    several = _several(names)
    chunks = re.split(r",|\band\b|&", names)
    return (
        several
        and all(len(c.split()) <= 4 for c in chunks)
        and names_lead(names)
        and len(emphasised.split()) >= 3
        and " et al" not in emphasised
    )


def _names_colon(text: str, lead: int, end: int) -> int | None:
    """Where the title starts in "Ann Lee, Bo Chen: Title, KDD 2019." and "Ann Lee et al.:
    Title": names (two or more: one name reads as a title's first words, 'Graph Networks:
    A Review'), a colon, the title."""
    colon = text.find(": ", lead, end)
    if colon == -1:
        return None
    names = text[lead:colon].strip()
    several = _several(names)
    if not several or not names_lead(names) or len(text[colon + 2 : end].split()) < 3:
        return None
    chunks = [c.strip() for c in re.split(r",|\band\b|&", names.replace(" et al", ""))]
    if any(len(c.rstrip(".").split()) == 1 for c in chunks if c.strip(" .")):
        return None  # 'Speak, Read and Prompt: …': a name has two words or more
    return colon + 2


def _names_before(text: str) -> bool:
    """Text that is only two names or more and the comma (or period) that ends them (one
    name is as likely a thing's name: 'FashionGen Challenge. [[ICCV 2019]](u)')."""
    text = text.strip()
    names = text.rstrip(",.")
    several = _several(names)
    return text[-1:] in (",", ".") and several and names_line(names + ".")


def _venue_in_parentheses(text: str) -> re.Match[str] | None:
    match = _PAREN_TAG.match(text)
    if match is None or not (match.group("em") or re.search(r"\d\d", match.group("venue"))):
        return None
    return match


def _name_colon(line: Line, text: str) -> Title | None:
    """The title of "**Name**: Title of the paper.": the name (three words at most, as
    names are) and the paper's title after it, as one title ("MMLU (College Medicine):
    Measuring Massive Multitask Language Understanding"), so that two entries naming two
    benchmarks of one paper read as the same paper under two names."""
    match = _NAME_COLON.match(text)
    if match is None or len(match.group("name").split()) > 3:
        return None
    rest = match.group("rest")
    if len(rest.split()) < 3 or names_list(rest):
        return None  # '**System report**: Ann Lee, Bo Chen, ...': a label, then names
    title = plain_title(line, match.start("name"), match.end("rest"))
    if title is None or title.text is None:
        return None
    return title._replace(text=title.text._replace(text=title.text.text.replace("**", "")))


_SENTENCES = re.compile(r"(?P<title>[^.\[\]()*]{12,}?)\.\s+[A-Z][^.\[\]()]{2,}\.\s")
# Shaped as a paper with no link: "**Name** (Name: A Title)", "Title. Authors. Venue 2019."
_LINKLESS = re.compile(
    r"\s*(?:\*\*[^*]+\*\*:?\s*\([^()]{8,}\)|[^.\[\]()]{12,}\.\s+[^.\[\]()]{3,}\.\s+[^\[\]]*\b(?:19|20)\d\d\b"
    # 'Title of the paper (VLDB 2020)', full-width parentheses too
    r"|[^\[\]()*\uff08\uff09]{12,}[(\uff08](?:[A-Za-z][^()\uff08\uff09]{0,40}?[\s,'])?(?:19|20)?\d\d[^()\uff08\uff09]{0,20}[)\uff09]\s*\.?\s*$"
    # 'Ann Lee, Bo Chen: Title of the paper, KDD 2019.'
    r"|[^:\[\]*]{3,120}?:\s+[^\[\]]{12,},\s+[^,\[\]]*\b(?:19|20)\d\d\.?\s*$"
    # 'Ann Lee et al. **Title of the paper.** KDD, 2019.'
    r"|[^*\[\]]{3,120}?\*\*[^*]{8,}\*\*[^*\[\]]*\b(?:19|20)\d\d\b)"
)


# "Title: https://arxiv.org/abs/1803.09047": a title, then the paper's bare URL (GitHub
# autolinks it), the URL ending the line. Split by hand, not by one pattern: linear.
_BARE_URL = re.compile(r"https?://[^\s<>()\[\]]*[^\s<>()\[\].,;:!?*_~'\"]")
_BARE_TITLE = re.compile(r"[^\[\]()<>*`]+")


def _bare_url_entry(line: Line) -> tuple[Title, Link] | None:
    """The title and the (autolinked) URL of a "Title: URL" item."""
    text = line.text.rstrip()
    cut = max(text.rfind(" "), text.rfind("\t"))
    url = _BARE_URL.fullmatch(text, cut + 1)
    head = text[: cut + 1].rstrip()
    if url is None or not head.endswith((":", " -", "\u2013", "\u2014")):
        return None
    lead = len(head) - len(head.lstrip())
    end = len(head.rstrip(":-\u2013\u2014 "))
    if not _BARE_TITLE.fullmatch(head, lead, end) or len(head[lead:end].split()) < 3:
        return None
    title = plain_title(line, lead, end)
    if title is None:
        return None
    span = span_of(line, url.start(), url.end())
    return title, Link(line.number, span.col, span.end_col, span, span, False, False)


# '- **TT:** Zhipeng Wei, Jingjing Chen.<br />' over '"Boosting the Transferability …" AAAI(2022)'
_LABEL_THEN_NAMES = re.compile(r"\s*\*\*[^*]{1,40}:?\*\*:?\s+(?P<names>[^*\[\]]+)$")
# 'Jinyuan Jia, Yupei Liu, Xiaoyu Cao, Neil Zhenqiang Gong:' (names, then the title below)
_NAMES_COLON = re.compile(r"\s*(?P<names>[^*\[\]:]{5,}):$")
# 'Certified Robustness of Nearest Neighbors against Data Poisoning.' alone on its line
_SENTENCE_LINE = re.compile(r"\s*(?P<title>[A-Z0-9][^\[\]<>]{10,}?)\.?\s*$")
_QUOTED_LINE = re.compile(r"\s*[\"\u201c](?P<title>[^\"\u201c\u201d]{12,}?)[.,]?[\"\u201d]")


# '<a name="Gallego20tpami"></a>' before an item's text: a target for citations, no text;
# '![](https://img.shields.io/badge/-LP-purple)' before it: a badge, a tag of the paper's.
_ANCHOR_LEAD = re.compile(
    r"\s*(?:(?:<a\s+(?:name|id)=[\"'][^\"'<>]*[\"']\s*/?>\s*(?:</a>)?|!\[[^\[\]]*\]\([^()\s]*\))\s*)+",
    re.I,
)
# '*[Event-based Vision: A Survey](u)*,' or '**_[Title](u)_**' opening the line under names.
_EM_LINK_LINE = re.compile(r"\s*[*_]{0,3}\[(?=[^\[\]]{12,}\]\()")
# '*Event-based Vision: A Survey*,' (the title emphasised, no link).
_EM_LINE = re.compile(r"\s*(?P<em>[*_]{1,3})(?P<title>[^*_\[\]]{12,}?)(?P=em)(?![*_])")


def _without_anchors(line: Line) -> Line:
    """The line with its leading name anchors and badges blanked (columns kept)."""
    lead = _ANCHOR_LEAD.match(line.text)
    if lead is None:
        return line
    return line._replace(text=" " * lead.end() + line.text[lead.end() :])


def _names_then_title(ctx: Context, head: Line, numbers: list[int]) -> Title | None:
    """'Gallego, G., Delbruck, T., Scaramuzza, D.,' over '*[Event-based Vision: A
    Survey](u)*,' over the venue: an item whose first line is only names (after any name
    anchors) and whose next line opens with the emphasised title, linked or not."""
    if len(numbers) < 2:
        return None
    first = syntax.strip_hard_break(head.text)
    lead = _ANCHOR_LEAD.match(first)
    names = first[lead.end() :] if lead else first
    if not names_line(names.rstrip().rstrip(",") + "."):  # 'A. Glaser,' names one author
        return None
    line = ctx.line(numbers[1])
    if _EM_LINK_LINE.match(line.text):
        links = ctx.links_on(line.number)
        return _title_from_link(line, links[0]) if links else None
    em = _EM_LINE.match(line.text)
    if em is None or len(em.group("title").split()) < 3:
        return None
    return plain_title(line, em.start("title"), em.end("title"))


def _quoted_below(
    ctx: Context, head: Line, numbers: list[int], title: Title | None
) -> Title | None:
    """The quoted title on the item's next line, when its first line is a bold label and
    names: the label is the method's name, the names its authors."""
    below = _names_then_title(ctx, head, numbers)
    if below is not None:
        return below
    first = syntax.strip_hard_break(head.text).rstrip()
    match = _LABEL_THEN_NAMES.match(first) or _NAMES_COLON.match(first)
    if match is None or not (names_list(match.group("names")) or names_lead(match.group("names"))):
        return None
    for number in numbers[1:3]:
        line = ctx.line(number)
        quoted = _QUOTED_LINE.match(line.text)
        if quoted is not None and len(quoted.group("title").split()) >= 3:
            return plain_title(line, quoted.start("title"), quoted.end("title"))
        plain = _SENTENCE_LINE.match(line.text) if match.re is _NAMES_COLON else None
        if plain is not None and len(plain.group("title").split()) >= 3:
            # 'Jinyuan Jia, Yupei Liu, Xiaoyu Cao:' over 'Certified Robustness of … Attacks.'
            return plain_title(line, plain.start("title"), plain.end("title"))
    return None


def entry_from_lines(
    ctx: Context,
    section: Heading | None,
    head: Line,
    numbers: list[int],
    fmt: str = BULLET,
    linkless: bool = False,
) -> Entry | None:
    """An entry from an item's (or paragraph's) logical first line and its line numbers;
    ``linkless``: also one without a link when it is shaped as a paper (the caller knows
    its neighbours are entries)."""
    links = [lk for n in numbers for lk in ctx.links_on(n)]
    if not links and len(numbers) == 1 and (bare := _bare_url_entry(head)) is not None:
        return _entry(ctx, section, fmt, head, numbers, bare[0], None, (bare[1],))
    lead = _without_anchors(head)
    blank = len(lead.text) - len(lead.text.lstrip())
    own = [lk for lk in ctx.links_on(head.number) if lk.col > blank]
    title, venue = read_title(lead, own)
    quoted = _quoted_below(ctx, head, numbers, title)
    if quoted is not None:
        title = quoted
    remote = [lk for lk in links if is_remote(lk) or not lk.target.text.strip()]
    if remote and all(title_key(lk.label.text) in VAGUE_LABELS for lk in remote):
        return None  # 'Paper available [here](u)': a sentence that links somewhere
    shaped = linkless and not links and _LINKLESS.match(head.text) is not None
    if venue is not None and (_DATE_TAG.fullmatch(venue.text) or syntax.DATE.match(venue.text)):
        # '[2024/05] **Title.** [[paper](u)]' is a paper's date; with no link,
        # '[2024.07.29] We have updated the list' (or '[Jul. 05, 2023] Add papers…') is news.
        shaped, venue_evidence = False, False
    else:
        venue_evidence = venue is not None
    if title is None or not (remote or venue_evidence or shaped):
        return None
    if shaped and title.text is not None:
        # Among citations that link nothing, 'Ann Lee, Bo Chen: Title, KDD 2019.' names its
        # authors before the colon (a linked title is read from its link instead: a title
        # of its own may hold a colon, 'Compress, Then Prompt: Improving …').
        start, end = title.text.col - 1, title.text.end_col - 1
        after = _names_colon(head.text, start, end)
        title = (plain_title(head, after, end) if after is not None else None) or title
    if venue is None:
        title, venue = _venue_tail(head, title)
    all_links = tuple(lk for n in numbers for lk in ctx.links.get(n, ()))
    return _entry(ctx, section, fmt, head, numbers, title, venue, all_links)


def _venue_tail(line: Line, title: Title) -> tuple[Title, Span | None]:
    """ "Title of the paper (VLDB 2020)": the venue in parentheses that closes a title
    (read off an entry, never evidence that an item is one)."""
    if title.text is None:
        return title, None
    start, end = title.text.col - 1, title.text.end_col - 1
    quoted_em = _QUOTED_EM.fullmatch(line.text, start, end)
    if quoted_em is not None:
        cut = plain_title(line, quoted_em.start("title"), quoted_em.end("title"))
        if cut is not None and cut.text is not None:
            return title._replace(text=cut.text), _span_in(line, quoted_em, "venue")
    for pattern in (_PLAIN_VENUE_TAIL, _IN_TAIL, _EM_TAIL, _COMMA_VENUE_TAIL):
        tail = pattern.search(line.text, start, end)
        if tail is not None and tail.end() >= end:
            break
    else:
        return title, None
    stop = tail.start()
    quoted = _QUOTED.fullmatch(line.text, start, stop)
    if quoted is not None:  # '"Title", *CVPR 2023*': the quotes are no part of the title
        start, stop = quoted.start("title"), quoted.end("title")
    cut = plain_title(line, start, stop)
    if cut is None or cut.text is None:
        return title, None
    return title._replace(text=cut.text), _span_in(line, tail, "venue")


def _entry(
    ctx: Context,
    section: Heading | None,
    fmt: str,
    head: Line,
    numbers: list[int],
    title: Title,
    venue: Span | None,
    links: tuple[Link, ...],
) -> Entry:
    lines = [ctx.line(n) for n in numbers]
    return Entry(
        fmt,
        numbers[0],
        numbers[-1],
        numbers[-1],
        section,
        title,
        None,
        venue,
        head.number,
        links,
        None,
        (),
        None,
        markers(lines, ctx.marker),
    )


def items(ctx: Context, section: Section, ordered: bool | None) -> Iterator[tuple[Line, list[int]]]:
    """(logical first line, own line numbers) of every list item of the section."""
    for block, token in section.nodes:
        if block.kind != "list":
            continue
        found = list(mdparse.list_items(token))
        for k, item in enumerate(found):
            if ordered is not None and (item.leader[-1:] in (".", ")")) != ordered:
                continue
            if mdparse.item_first_child(item.token) in ("List", ""):
                continue  # nests another item on its line, or is empty
            stop = found[k + 1].line if k + 1 < len(found) else block.last_line + 1
            numbers = [
                n for n in item_lines(ctx, item.line, stop, block.last_line) if n not in ctx.code
            ]
            if not numbers:
                continue
            line = ctx.line(numbers[0])
            leader = _LEADER.match(line.text)
            yield blank_prefix(line, leader.end() if leader else 0), numbers


def _parents(section: Section) -> dict[int, int]:
    """Each nested item's line with the line of the item it is nested in."""
    out: dict[int, int] = {}
    for block, token in section.nodes:
        if block.kind != "list":
            continue
        open_at: list[int] = []  # the line of the item open at each depth
        for item in mdparse.list_items(token):
            del open_at[item.depth :]
            if open_at:
                out[item.line] = open_at[-1]
            open_at.append(item.line)
    return out


def _children(
    section: Section, found: list[tuple[Line, list[int]]]
) -> dict[int, list[tuple[Line, list[int]]]]:
    """The items nested right in each item, by the item's first line."""
    parents = _parents(section)
    out: dict[int, list[tuple[Line, list[int]]]] = {}
    for head, numbers in found:
        parent = parents.get(numbers[0])
        if parent is not None:
            out.setdefault(parent, []).append((head, numbers))
    return out


def _without_group_labels(
    ctx: Context, out: list[Entry], kids: dict[int, list[tuple[Line, list[int]]]]
) -> list[Entry]:
    """Without the items that label a group of papers: a name of four words at most,
    linked only under labels ('* University of Cambridge [[Web]](u)'), over a nested
    item that is a paper of its own."""
    firsts = {e.first_line for e in out}

    def label(entry: Entry) -> bool:
        below = kids.get(entry.first_line, [])
        return (
            any(numbers[0] in firsts for _, numbers in below)
            and len(entry.title_text.split()) <= 4
            and all(_labelled(lk.label.text) for lk in entry.links if not lk.image)
        )

    return [e for e in out if not label(e)]


def _citation_title(line: Line) -> Title | None:
    """The title of an item that is a citation with no link: 'Ann Lee, Bo Chen, Title,
    CVPR, 2015.', 'Ann Lee, Bo Chen. Title. CVPR 2015.', 'Sven Behnke: Title. IJCAI.'."""
    lead = _LEADER.match(line.text)
    start = lead.end() if lead else 0
    end = len(line.text.rstrip())
    cited = comma_citation(line.text, start, end)
    if cited is None:
        after = names_first(line.text, start, end) or _names_colon(line.text, start, end)
        if after is None:
            return None
        sentence = _SENTENCE_TITLE.match(line.text, after, end)
        if sentence is None:
            return None
        cited = sentence.start("title"), sentence.end("title")
    return plain_title(line, *cited)


_SENTENCE_TITLE = re.compile(r"(?P<title>[^\[\]*]{12,}?)(?:[.?!](?:\s|$)|,\s|$)")


def _cited_below(
    ctx: Context,
    section: Heading | None,
    head: Line,
    numbers: list[int],
    entry: Entry | None,
    kids: dict[int, list[tuple[Line, list[int]]]],
) -> Entry | None:
    """'* R-CNN, UC Berkeley [[Paper]](u)' over '  * Ross Girshick, …, Rich feature
    hierarchies for accurate object detection, CVPR, 2014.': an item that links its
    paper only under labels, with a citation of it nested under it (no link of its own),
    is titled by the citation; 'GoogLeNet [[Paper]](u)' over the names alone is titled by
    its name. Else the entry as read."""
    children = kids.get(numbers[0])
    if not children:
        return entry
    own = re.sub(r"\([^()]*\)", " ", entry.title_text) if entry is not None else ""
    if entry is not None and entry.title is not None and len(own.split()) > 4:
        return entry  # a title of its own: what is nested under it is its authors' line
    links = [lk for n in numbers for lk in ctx.links_on(n) if not lk.image]
    remote = [lk for lk in links if is_remote(lk)]
    if not remote or not all(_labelled(lk.label.text) for lk in remote):
        return entry
    for child, child_numbers in children[:1]:
        if any(ctx.links_on(n) for n in child_numbers):
            return entry
        title = _citation_title(child)
        span = title.text if title is not None else None
        if span is not None and "*" in child.text[span.col - 1 : span.end_col - 1]:
            title = None  # '… and Neil Gong. *CVPR Workshop*': names and a venue, no title
        if title is None and entry is None:
            text = child.text[len(child.text) - len(child.text.lstrip()) :].lstrip("-*+ ")
            if names_list(text) or (names_lead(text.split(", ")[0]) and text.count(",") >= 2):
                title = _label_title(head, remote[0])
        if title is None:
            return entry
        lines = sorted({*numbers, *child_numbers})
        all_links = tuple(lk for n in lines for lk in ctx.links.get(n, ()))
        venue = entry.venue if entry is not None else None
        return _entry(ctx, section, BULLET, head, lines, title, venue, all_links)
    return entry


def _labelled(label: str) -> bool:
    """A link's label that names a kind of link, with its venue or version maybe
    ('Paper', 'Paper-CVPR14', 'Paper ICONIP-2014', 'Paper Version 2')."""
    words = re.split(r"[-\s()]+", label.strip("[] "))
    return is_link_label(label.strip("[] ")) or (is_link_label(words[0]) and len(words) <= 3)


def _label_title(head: Line, link: Link) -> Title | None:
    """'GoogLeNet' in '* GoogLeNet [[Paper]](u)': the name before the item's first link."""
    lead = _LEADER.match(head.text)
    start = lead.end() if lead else 0
    return plain_title(head, start, link.col - 1)


def _paper_shaped(found: list[tuple[Line, list[int]]], linked: int) -> bool:
    """Three papers or more (``linked`` entries read already, and the items shaped as a
    paper with no link), and most of the other items so shaped."""
    shaped = sum(1 for head, _ in found if _LINKLESS.match(head.text))
    return shaped + linked >= 3 and shaped * 2 > len(found)


def _is_detail(ctx: Context, head: Line, numbers: list[int]) -> bool:
    """A nested item that is a detail of the paper above it, not a paper: its links are
    labelled as links ('[[Paper]](u)', '[pdf](u) [code](u)'), or it has none and opens with
    names ('Ann Lee, Bo Chen. *ICLR 2021*.')."""
    links = [lk for n in numbers for lk in ctx.links_on(n) if not lk.image]
    if links:
        return all(is_link_label(lk.label.text.strip("[] ")) for lk in links)
    text = head.text.strip()
    return names_list(text) or " et al" in text or names_lead(text)


def _with_details(
    ctx: Context, section: Section, found: list[tuple[Line, list[int]]]
) -> tuple[list[Entry], set[int]]:
    """Entries of items whose nested items hold their details: '- **Title (ICML 2019)**'
    over '- Authors', '- [[Paper]](u)', '- [[Code]](u)'. The item has no link of its own;
    its children are all details and link the paper. Returns the entries and the first
    lines of the items they take in."""
    parents = _parents(section)
    children: dict[int, list[tuple[Line, list[int]]]] = {}
    for head, numbers in found:
        parent = parents.get(numbers[0])
        if parent is not None:
            children.setdefault(parent, []).append((head, numbers))
    out: list[Entry] = []
    taken: set[int] = set()
    for head, numbers in found:
        kids = children.get(numbers[0])
        own = [lk for n in numbers for lk in ctx.links_on(n) if not lk.image]
        if not kids or own:
            continue
        if not all(_is_detail(ctx, h, ns) for h, ns in kids):
            continue
        kid_lines = [n for _, ns in kids for n in ns]
        links = [lk for n in kid_lines for lk in ctx.links_on(n) if not lk.image]
        if not any(is_remote(lk) for lk in links):
            continue
        title, venue = read_title(head, [])
        if title is None:
            continue
        lines = sorted({*numbers, *kid_lines})
        all_links = tuple(lk for n in lines for lk in ctx.links.get(n, ()))
        out.append(_entry(ctx, section.heading, BULLET, head, lines, title, venue, all_links))
        taken.update([numbers[0], *(ns[0] for _, ns in kids)])
    return out, taken


# 'ExpEnv: atari, mujoco', 'Key: value-prediction model', '**Code:** [x](u)': a field's label
_FIELD_LABEL = re.compile(r"\s*(?:\*\*)?[A-Za-z][\w-]*(?:[ \t][\w-]+)?(?:\*\*)?:(?:\*\*)?[ \t]")


def _details_paragraph(ctx: Context, title: Line, block: Block) -> bool:
    """Whether ``block`` holds the details of the bold title alone on the line before it:
    the title links nowhere, and the block opens with italic authors (a line of names
    or venue, not another bold title) and links a page."""
    if block.kind != "paragraph" or any(is_remote(lk) for lk in ctx.links_on(title.number)):
        return False
    first = ctx.line(block.first_line).text
    if not syntax.AUTHORS_START.match(first.lstrip()):
        return False
    lines = range(block.first_line, block.last_line + 1)
    return any(is_remote(lk) for n in lines for lk in ctx.links_on(n))


def _linked_title(entry: Entry) -> bool:
    """Whether the entry's title is a link's text of three words or more: a paper of its
    own ('- Reinbacher, C., Pock, T., [Real-Time Intensity-Image …](u), BMVC, 2016.')."""
    title = entry.title.text if entry.title is not None else None
    return (
        title is not None
        and len(title.text.split()) >= 3
        and any(
            lk.label.line == title.line and lk.label.col <= title.col < lk.label.end_col
            for lk in entry.links
        )
    )


def _without_detail_items(ctx: Context, section: Section, out: list[Entry]) -> list[Entry]:
    """Without the items nested under an entry that are its details: they open with a
    field's label ('- ExpEnv: chess, [atari](u)') or with names ('- Ann Lee, Bo Chen, Cy
    Dee. *ICLR*. ([note](u))'), unless a link's text is their title."""
    parents, firsts = _parents(section), {e.first_line for e in out}

    def detail(entry: Entry) -> bool:
        if parents.get(entry.first_line) not in firsts:
            return False
        line = ctx.line(entry.first_line)
        lead = _LEADER.match(line.text)
        text = line.text[lead.end() :] if lead else line.text
        return _FIELD_LABEL.match(text) is not None or (
            names_list(text) and not _linked_title(entry)
        )

    return [e for e in out if not detail(e)]


@entry_format(BULLET, priority=4, fields=("title", "link"))
def read(section: Section, ctx: Context) -> list[Entry]:
    out: list[Entry] = []
    rest: list[tuple[Line, list[int]]] = []
    found = list(items(ctx, section, None))
    nested, taken = _with_details(ctx, section, found)
    out.extend(nested)
    kids = _children(section, found)
    for head, numbers in found:
        if numbers[0] in taken:
            continue
        entry = entry_from_lines(ctx, section.heading, head, numbers)
        entry = _cited_below(ctx, section.heading, head, numbers, entry, kids)
        if entry is not None:
            out.append(entry)
        else:
            rest.append((head, numbers))
    out = _without_group_labels(ctx, _without_detail_items(ctx, section, out), kids)
    # Among linked entries, an item shaped as a paper is one, link or not (RL103 then says
    # what it lacks); alone, such an item is prose.
    if len(out) >= 2:
        parents, entries = _parents(section), {e.first_line for e in out}
        for head, numbers in rest:
            if parents.get(numbers[0]) in entries:
                continue  # under an entry, a line with no link is its authors or a note
            entry = entry_from_lines(ctx, section.heading, head, numbers, linkless=True)
            if entry is not None:
                out.append(entry)
        out.sort(key=lambda e: e.first_line)
    elif _paper_shaped(rest, len(out)):
        # A list that links nothing: its items are entries when most are shaped as papers
        # ('Title (VLDB 2020)', 'Ann Lee et al. **Title.** KDD, 2019.'); the file's habit
        # then says its entries carry no link (entry-link is not required there).
        for head, numbers in rest:
            entry = entry_from_lines(ctx, section.heading, head, numbers, linkless=True)
            if entry is not None:
                out.append(entry)
        out.sort(key=lambda e: e.first_line)
    # One-line paragraphs in an item's shape: "[Title](u)", "**Title** [[paper](u)]",
    # "[Venue] Title [[paper]](u)". Prose (which starts with a word) is left alone, and so
    # is one such paragraph on its own: a run of them (or items beside) makes a list, one
    # is as likely a sentence that opens with a link.
    lone: list[Entry] = []
    paired = False  # a title over its details' paragraph is a paper's shape, alone too
    blocks = [block for block, _ in section.nodes]
    for k, block in enumerate(blocks):
        if block.kind != "paragraph":
            continue
        line = ctx.line(block.first_line)
        html_bold = _HTML_BOLD.match(line.text) is not None
        # '<b>Title (2017)</b> [[Paper]](u)' may carry its note on lines under it
        # ('<br>A summary of it.'); the others are one line.
        one_line = block.first_line == block.last_line
        opening = _without_anchors(line).text.lstrip()
        if html_bold or (one_line and opening.startswith(("[", "**"))):
            numbers = list(range(block.first_line, block.last_line + 1))
            below = blocks[k + 1] if k + 1 < len(blocks) else None
            if one_line and below is not None and _details_paragraph(ctx, line, below):
                # '**Title.** ![badge]' over '*Authors. Venue, 2016.* [[paper](u)]': the
                # title and its details in two paragraphs, the list's layout.
                numbers += range(below.first_line, below.last_line + 1)
            entry = entry_from_lines(ctx, section.heading, line, numbers)
            if entry is not None:
                lone.append(entry)
                paired = paired or entry.last_line > block.last_line
    if len(lone) + len(out) >= 2 or paired:
        out.extend(lone)
    return out
