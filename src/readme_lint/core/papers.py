"""What a paper is, as a list writes it: ids, repositories, titles, authors, labels, venues.

Every layer that asks "which paper is this?" asks here: the rules (duplicates, wrong ids,
venue mismatches), the adoption tools (a finding's identity across edits), and the link
checker (which resource to check once). Pure functions on strings; nothing here reads
the document model.

* An arXiv link as written (``arxiv_id``): abs/pdf/html on arxiv.org or a subdomain,
  any version, ``.pdf``, a query or fragment; the id lowercased, its version dropped.
  ``arxiv_month`` is the month an id was assigned in, ``canonical_arxiv_id`` an id as
  arXiv answers with it (old-style ids without their subject class), and
  ``fetchable_arxiv_id`` the id of an http(s) URL that the link checker may send to
  arXiv's API (default port, no credentials).
* ``paper_id``: the key of a paper a link identifies by id — ``arxiv:<id>``,
  ``doi:<doi>``, ``openreview:<forum id>`` (what the duplicate rules compare);
  ``paper_key`` knows the paper's other addresses too: arXiv mirrors, the ACL Anthology,
  the CVF's open access and NeurIPS proceedings.
* ``github_repo``: the repository a github.com link points into (``/tree/...``, ``.git``),
  not GitHub's own pages.
* ``normalize_url``: one spelling per URL (scheme and host case, default port, fragment).
* Titles: ``title_key`` (the key duplicates compare), ``similar_titles``,
  ``normalize_title`` and ``title_matches`` (an entry's title against arXiv's record);
  ``author_names``; ``label_key`` (link labels).
* Venues: the conference vocabulary, a venue stated in text or visible in a URL.
"""

import itertools
import re
from typing import NamedTuple
from urllib.parse import SplitResult, unquote, urlsplit, urlunsplit

from readme_lint.core.slug import SHORTCODE, strip_shortcodes

# --- arXiv ---------------------------------------------------------------------------

# Patterns only the link checker needs are kept as text and compiled on first use (re's
# own cache), off the hook's start-up.
# An arXiv id in any form, version and subject class included: new style (0704.0001 ..
# 2412.12345) or old style archive[.XX]/YYMMNNN (math/0211159, math.GT/0309136).
_ARXIV_ANY = (
    r"^(?P<base>\d{4}\.\d{4,5}|(?P<archive>[a-z]+(?:-[a-z]+)*)(?:\.[a-z]{2})?/(?P<num>\d{7}))"
    r"(?:v\d+)?$"
)

_ARXIV = re.compile(
    r"^(?:https?://)?(?:[\w-]+\.)?arxiv\.org/(?:abs|pdf|html)/"
    r"(?P<id>\d{4}\.\d{4,5}|[a-z\-]+(?:\.[a-z]{2})?/\d{7})(?:v\d+)?(?:\.pdf)?/?(?:[?#].*)?$",
    re.IGNORECASE | re.ASCII,  # ids are ASCII digits and letters (not the Kelvin sign)
)


def arxiv_id(url: str) -> str | None:
    """The arXiv identifier of an abs/pdf/html link, without its version."""
    if "arxiv" not in url:
        return None
    match = _ARXIV.match(url.strip())
    return match.group("id").lower() if match else None


def arxiv_month(paper: str) -> tuple[int, int] | None:
    """(year, month) an arXiv id was assigned in: ``2204.01234`` -> ``(2022, 4)``,
    ``hep-th/9901001`` -> ``(1999, 1)``; None for what is no id of either style."""
    match = re.match(_ARXIV_ANY, paper, re.IGNORECASE)
    if match is None:
        return None
    digits = match.group("num") or match.group("base")
    year, month = int(digits[:2]), int(digits[2:4])
    if not 1 <= month <= 12:
        return None
    if match.group("num"):  # old style: 1991 to 2007
        return (1900 + year if year >= 91 else 2000 + year), month
    return (2000 + year, month) if year >= 7 else None


def arxiv_url_problem(url: str) -> str | None:
    """What is wrong with an arxiv.org abs/pdf link, if anything: an id with too few or
    too many digits for its month (five after the dot from 1501 on, four before), or an
    abs page written with '.pdf' (the page is not the PDF)."""
    match = _ARXIV.match(url.strip())
    if match is None:
        return None
    paper = match.group("id")
    if "." in paper:
        month, number = paper.split(".")
        want = 5 if month >= "1501" else 4
        if len(number) != want:
            when = f"20{month[:2]}-{month[2:]}"
            return (
                f"arXiv id {paper} has {len(number)} digits after the dot ({when} ids have {want})"
            )
    if re.search(r"/abs/[^?#]*\.pdf(?:$|[?#])", url, re.IGNORECASE):
        return "an arXiv abstract page written with '.pdf'"
    return None


_DOI = re.compile(
    r"\b(10\.\d{4,9}/[^\s?#]+?)(?:/full|/abstract|\.pdf)?/?(?:[?#].*)?$", re.IGNORECASE
)
_OPENREVIEW = re.compile(r"openreview\.net/(?:forum|pdf)\?id=([\w\-]+)", re.IGNORECASE)


# DOI prefixes of preprint servers: chemRxiv, bioRxiv and medRxiv, Research Square,
# Preprints.org, SSRN, TechRxiv, engrXiv, PsyArXiv (OSF).
_PREPRINT_DOIS = (
    "10.26434/",
    "10.1101/",
    "10.21203/",
    "10.20944/",
    "10.2139/",
    "10.36227/",
    "10.31224/",
    "10.31234/",
)
_ARXIV_DOI = re.compile(r"10\.48550/arxiv\.(\d{4}\.\d{4,5})")


def paper_id(url: str) -> str | None:
    """The paper a link identifies (arXiv id, DOI, OpenReview id), if it identifies one."""
    found = arxiv_id(url)
    if found:
        return f"arxiv:{found}"
    if "10." in url:
        doi = _DOI.search(url)
        if doi:
            found = doi.group(1).lower()
            arxiv_doi = _ARXIV_DOI.match(found)
            if arxiv_doi:  # 10.48550/arXiv.2006.11239 is the arXiv paper itself
                return f"arxiv:{arxiv_doi.group(1)}"
            # A preprint server's DOI is the paper's preprint: another kind of id than
            # the journal's DOI, so the two are one paper's versions, not two papers.
            kind = "preprint" if found.startswith(_PREPRINT_DOIS) else "doi"
            return f"{kind}:{found}"
    review = _OPENREVIEW.search(url)
    return f"openreview:{review.group(1)}" if review else None


# Where else a paper has one address (compiled on first use: paper_key's callers only).
# An arXiv paper on a mirror that keeps arXiv's ids.
_ARXIV_MIRROR = (
    r"^(?:https?://)?(?:www\.)?(?:alphaxiv\.org/(?:abs|pdf|overview)|ar5iv(?:\.labs\.arxiv)?\.org/"
    r"(?:abs|html)|huggingface\.co/papers)/(?P<id>\d{4}\.\d{4,5})(?:v\d+)?(?:\.pdf)?/?(?:[?#].*)?$"
)
# ACL Anthology: new ids (2020.acl-main.1) and old ones (P19-1001), page or PDF.
_ACL = (
    r"^(?:https?://)?(?:www\.)?(?:aclanthology\.org|aclweb\.org/anthology)/"
    r"(?P<id>\d{4}\.[a-z\d]+(?:-[a-z\d]+)*\.\d+|[A-Z]\d{2}-\d{4})(?:\.pdf)?/?(?:[?#].*)?$"
)
# The CVF's open access: a paper's html page and its PDF share a stem.
_CVF = (
    r"^(?:https?://)?openaccess\.thecvf\.com/(?P<venue>content_?[A-Za-z]+_?\d{4}|content/"
    r"[A-Za-z]+\d{4}(?:/[A-Za-z]+)?)/(?:html|papers)/(?P<stem>[^/?#]+?)_paper\.(?:html|pdf)(?:[?#].*)?$"
)
# NeurIPS proceedings: a paper's hash (abstract page and PDF), or an old numbered page.
_NEURIPS = (
    r"^(?:https?://)?(?:papers\.nips\.cc|proceedings\.neurips\.cc)/paper(?:_files/paper)?/"
    r"(?:\d{4}/(?:hash|file)/(?P<hash>[0-9a-f]{32})-|(?P<number>\d{3,5})-)"
)


def paper_key(url: str) -> str | None:
    """One key per paper, wherever a link finds it: ``paper_id``'s arXiv, DOI and OpenReview
    ids, arXiv papers on mirrors (alphaxiv, ar5iv, Hugging Face papers) as ``arxiv:<id>``,
    ``acl:<id>`` (ACL Anthology), ``cvf:<venue>/<paper>`` (the CVF's open access, page or
    PDF) and ``neurips:<hash or number>`` (NeurIPS proceedings): the evidence the
    duplicate rules weigh."""
    found = paper_id(url)
    if found:
        return found
    text = url.strip()
    mirror = re.match(_ARXIV_MIRROR, text, re.IGNORECASE)
    if mirror:
        return f"arxiv:{mirror.group('id')}"
    acl = re.match(_ACL, text)
    if acl:
        return f"acl:{acl.group('id')}"
    cvf = re.match(_CVF, text, re.IGNORECASE)
    if cvf:
        venue = re.sub(r"^content_?|/.*$|_", "", cvf.group("venue").replace("content/", ""))
        return f"cvf:{venue.lower()}/{cvf.group('stem').lower()}"
    neurips = re.match(_NEURIPS, text, re.IGNORECASE)
    if neurips:
        return f"neurips:{(neurips.group('hash') or neurips.group('number')).lower()}"
    return None


# Where papers are published: a link to one of these hosts is a link to a paper.
_PUBLISHERS = frozenset(
    """arxiv.org biorxiv.org medrxiv.org openreview.net aclanthology.org aclweb.org
    ieeexplore.ieee.org dl.acm.org link.springer.com sciencedirect.com mdpi.com
    proceedings.mlr.press papers.nips.cc proceedings.neurips.cc openaccess.thecvf.com
    ecva.net ojs.aaai.org aaai.org ijcai.org jmlr.org usenix.org ndss-symposium.org
    nature.com science.org pnas.org onlinelibrary.wiley.com tandfonline.com
    frontiersin.org journals.plos.org cell.com isca-archive.org isca-speech.org
    bmva.org iopscience.iop.org semanticscholar.org doi.org neurips.cc nips.cc iclr.cc
    icml.cc direct.mit.edu academic.oup.com cambridge.org ssrn.com ncbi.nlm.nih.gov
    europepmc.org hal.science computer.org spiedigitallibrary.org journals.sagepub.com
    chemrxiv.org researchsquare.com""".split()
)


# A paper's own page has a number in its path ('/document/9779913', '/article/pii/S0031').
_PAGE_NUMBER = re.compile(r"\d{4,}")


def publisher_page(url: str) -> str | None:
    """``page:<host/path>`` for a link to one paper's page at a publisher (its path holds
    a number of four digits or more, as documents' ids do), else None: the same page in
    two entries is the same paper."""
    if not publisher_link(url):
        return None
    parts = _split(url.strip())
    if parts is None or not _PAGE_NUMBER.search(parts.path):
        return None
    host = (parts.hostname or "").removeprefix("www.")
    return f"page:{host}{parts.path.rstrip('/')}{'?' + parts.query if parts.query else ''}"


def publisher_link(url: str) -> bool:
    """The link goes to a host where papers are published (a subdomain counts too)."""
    parts = _split(url.strip())
    host = (parts.hostname or "") if parts else ""
    return any(host == p or host.endswith("." + p) for p in _PUBLISHERS)


def canonical_arxiv_id(text: str) -> str | None:
    """``text`` as the id arXiv answers with: lowercase, no version, no subject class.

    ``"2006.11239v2"`` -> ``"2006.11239"``, ``"math.GT/0309136"`` -> ``"math/0309136"``;
    None when ``text`` is no arXiv id at all.
    """
    match = re.match(_ARXIV_ANY, text.strip(), re.IGNORECASE)
    if match is None:
        return None
    if match.group("archive"):
        return f"{match.group('archive').lower()}/{match.group('num')}"
    return match.group("base")


# --- URLs and GitHub repositories -----------------------------------------------------

_DEFAULT_PORTS = {"http": 80, "https": 443}

# GitHub's allowed characters. Owners (users and organisations): letters, digits and
# hyphens (underscores for managed accounts), at most 39 characters, no leading
# hyphen. Repository names: letters, digits, '.', '_', '-', at most 100 characters,
# never '.' or '..'.
_GITHUB_OWNER = r"^[A-Za-z0-9][A-Za-z0-9_-]{0,38}$"
_GITHUB_NAME = r"^[A-Za-z0-9_.-]{1,100}$"

# First path segments of github.com that are GitHub's own pages, never a user or an
# organisation (GitHub reserves these names).
_GITHUB_RESERVED = frozenset(
    """
    about account advisories apps blog codespaces collections contact copilot
    customer-stories dashboard discussions education enterprise events explore
    features git-guides github-copilot home issues join login logout marketplace
    mobile new nonprofit notifications organizations orgs password_reset premium-support
    pricing pulls readme resources search security sessions settings signup site
    sitemap solutions sponsors stars team topics trending users watching
    """.split()
)


def _split(url: str) -> SplitResult | None:
    try:
        parts = urlsplit(url.strip())
        _ = parts.port  # raises ValueError for a malformed port
    except ValueError:
        return None
    return parts


def _is_http(parts: SplitResult) -> bool:
    return parts.scheme.lower() in _DEFAULT_PORTS and parts.hostname is not None


def _default_port(parts: SplitResult) -> bool:
    return parts.port is None or parts.port == _DEFAULT_PORTS.get(parts.scheme.lower())


def fetchable_arxiv_id(url: str) -> str | None:
    """The arXiv paper an http(s) URL links to, as its canonical id, else None: what the
    link checker asks arXiv's API about (a URL with another port or with credentials is
    checked as a plain URL)."""
    if "arxiv" not in url.lower():
        return None
    parts = _split(url)
    if parts is None or not _is_http(parts) or not _default_port(parts):
        return None
    if parts.username is not None or parts.password is not None:
        return None
    # The linter's pattern expects a lowercase host and no port: give it that.
    found = arxiv_id(urlunsplit(("https", parts.hostname or "", *parts[2:])))
    return canonical_arxiv_id(found) if found else None


def github_repo(url: str) -> tuple[str, str] | None:
    """``(owner, repo)``, lowercased, of a link into a GitHub repository, else None."""
    parts = _split(url)
    if parts is None or not _is_http(parts) or not _default_port(parts):
        return None
    if parts.hostname not in ("github.com", "www.github.com"):
        return None
    if parts.username is not None or parts.password is not None:
        return None
    segments = parts.path.split("/")
    # "/owner/repo/..." splits as ["", "owner", "repo", ...]
    if len(segments) < 3 or segments[0] != "":
        return None
    owner, repo = segments[1], segments[2]
    repo = repo[:-4] if repo.lower().endswith(".git") else repo
    if owner.lower() in _GITHUB_RESERVED or not valid_github_repo(owner, repo):
        return None
    return owner.lower(), repo.lower()


def readme_section(label: str, url: str) -> bool:
    """A TOC link written as an absolute URL: to a section of a repository's front page
    (``github.com/o/r#section``, ``github.com/o/r/blob/main/README.md#section``) and
    labelled with that section's name. Never a paper's page."""
    parts = _split(url)
    if parts is None or not parts.fragment or github_repo(url) is None:
        return False
    rest = parts.path.split("/")[3:]
    if rest and rest[-1] == "":
        rest.pop()  # a trailing slash
    if rest and not (
        len(rest) == 3 and rest[0] in ("blob", "tree") and rest[2].lower() == "readme.md"
    ):
        return False
    return _letters(label) == _letters(unquote(parts.fragment))


def _letters(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalnum())


def valid_github_repo(owner: str, name: str) -> bool:
    """Whether GitHub allows this owner and repository name."""
    return (
        re.match(_GITHUB_OWNER, owner) is not None
        and re.match(_GITHUB_NAME, name) is not None
        and name not in (".", "..")
    )


def normalize_url(url: str) -> str:
    """One spelling per URL: scheme and host lowercased, default port and fragment
    dropped, query kept, a bare ``/`` path dropped. A URL that does not split (a
    malformed port) comes back stripped but otherwise as given."""
    parts = _split(url)
    if parts is None:
        return url.strip()
    scheme = parts.scheme.lower()
    netloc = parts.netloc
    if parts.hostname is not None:
        host = parts.hostname  # lowercased by urlsplit, brackets of IPv6 removed
        if ":" in host:
            host = f"[{host}]"
        userinfo = netloc.rpartition("@")[0]
        netloc = f"{userinfo}@{host}" if "@" in netloc else host
        if not _default_port(parts):
            netloc = f"{netloc}:{parts.port}"
    path = "" if parts.path == "/" and netloc else parts.path
    return urlunsplit((scheme, netloc, path, parts.query, ""))


# --- titles, authors, labels -----------------------------------------------------------


def title_key(title: str) -> str:
    """A title as compared: case, punctuation, quotes, emphasis and emoji do not count
    (a plus sign does: 'ViViD' and 'ViViD++' are two works)."""
    return re.sub(r"[^\w+]+", "", strip_shortcodes(title).casefold()).replace("_", "")


# What links are labelled with: a cell or bold text that is one of these names a link, not
# a paper (compared as title_key: case, spaces and punctuation do not count).
LINK_LABELS = frozenset(
    "paper papers pdf arxiv code github gitlab project projectpage page website homepage site "
    "link url web video videos demo slides slide blog post dataset data poster talk supp "
    "supplementary supplemental appendix bibtex bib abstract html repo repository official "
    "unofficial openreview doi acl ieee acm springer huggingface hf colab model models weights "
    "checkpoint checkpoints tbd tba todo na none".split()
)
# Words of a sentence that links somewhere ('the code is [here](u)'): never a title.
VAGUE_LABELS = frozenset(
    "here clickhere this thislink thispaper readmore more details"
    # navigation: '[Go back to top](…#contents)' is no paper
    " top backtotop gobacktotop totop gototop back".split()
)
LINK_LABELS |= VAGUE_LABELS


def is_link_label(text: str) -> bool:
    """``text`` is what a link is labelled with (``(paper)``, ``[arXiv]``, ``Code``)."""
    key = title_key(text)
    return key in LINK_LABELS or (key.rstrip("0123456789") in LINK_LABELS and key[-1:].isdigit())


def is_real_title(title: str) -> bool:
    """``title`` can name one paper as evidence: not a link label, and long enough that two
    papers sharing it is unlikely (three words, or twelve letters and digits)."""
    if not title or is_link_label(title):
        return False
    return len(re.findall(r"\w+", title)) >= 3 or len(title_key(title)) >= 12


def is_name(title: str) -> bool:
    """``title`` reads as a model's, method's or dataset's name, not a paper's title: three
    words or fewer, one of them holding a digit or a ``+``, or written as an acronym or in
    camel case ('Amazon-Review 2023', 'ARTEMIS+LSTM', 'CNN-GAN', 'NineRec'). A paper's
    short title is plain words ('Generative Adversarial Nets', 'Retrieval-Augmented
    Diffusion Models')."""
    words = title.split()
    if not words or len(words) > 3:
        return False
    return any(_name_like(part) for word in words for part in word.split("-"))


def _name_like(word: str) -> bool:
    if any(c.isdigit() or c == "+" for c in word):
        return True
    capitals = sum(c.isupper() for c in word)
    camel = any(a.islower() and b.isupper() for a, b in itertools.pairwise(word))
    return capitals >= 2 or camel


def ids_conflict(a: set[str], b: set[str]) -> bool:
    """Two entries' paper keys show two different papers: the same kind of id (one paper
    has one arXiv id, one DOI...) with no value in common. Publishers' pages are no such
    id: a journal version and a conference version have two."""
    kinds = {k.split(":", 1)[0] for k in a} & {k.split(":", 1)[0] for k in b} - {"page"}
    return any(
        not (
            {k for k in a if k.startswith(kind + ":")} & {k for k in b if k.startswith(kind + ":")}
        )
        for kind in kinds
    )


def similar_titles(a: str, b: str) -> bool:
    """Titles of one paper: equal, either unknown, or differing in a few characters."""
    if not a or not b or a == b:
        return True
    return _similar(a, b) >= 0.9


def shared_title_tail(a: str, b: str) -> bool:
    """Whether two titles end in the same paper title under different names or tags
    ("MEDITRON-70B: Scaling Medical Pretraining for Large Language Models" and
    "GAP-REPLAY: Scaling Medical Pretraining ...", "_Shared FFN_ - MixLoRA: ..." and
    "_Load Balance Loss_ - MixLoRA: ..."): a common ending of four words or more and
    25 letters or more, or one title wholly inside the other."""
    words_a, words_b = _title_words(a), _title_words(b)
    common = 0
    while common < min(len(words_a), len(words_b)) and words_a[-1 - common] == words_b[-1 - common]:
        common += 1
    tail = "".join(words_a[len(words_a) - common :])
    if common >= 4 and len(tail) >= 25:
        return True
    key_a, key_b = "".join(words_a), "".join(words_b)
    shorter, longer = sorted((key_a, key_b), key=len)
    return len(shorter) >= 25 and shorter in longer


def shared_name(a: str, b: str) -> bool:
    """Whether one title is 'Name: Title' and the other starts with that name as words of
    its own ('OPT: Open Pre-trained Transformer Language Models' and 'OPT-1.3|6.7|13B'):
    one paper, the second entry one of its models; or the other starts with that Title
    (a shortened title under the paper's name)."""
    for named, other in ((a, b), (b, a)):
        head, sep, rest = named.partition(":")
        name, words, others = _title_words(head), _title_words(rest), _title_words(other)
        if sep and 1 <= len(name) <= 3 and others[: len(name)] == name:
            return True
        # 'DyNeRF: Neural 3D Video Synthesis' and 'Neural 3D Video Synthesis from
        # Multi-view Video': the name, then the start of the full title.
        if sep and 1 <= len(name) <= 3 and len(words) >= 3 and others[: len(words)] == words:
            return True
    return False


def _title_words(title: str) -> list[str]:
    return [w for w in re.split(r"[\W_]+", strip_shortcodes(title).casefold()) if w]


def author_names(authors: str | None) -> set[str]:
    """An author line's names as compared (markup, affiliations in parentheses and
    emphasis left out); none when the entry names no authors."""
    if authors is None:
        return set()
    text = re.sub(r"<[^>]*>[^<]*</[^>]*>|<[^>]+>|\([^)]*\)", " ", authors.strip("*_ "))
    return {re.sub(r"\W+", "", n).casefold() for n in re.split(r",|;|&|\band\b", text) if n.strip()}


# Products' own spellings (by label_key): a list's majority never moves a label away from
# them. Their all-lowercase form is a list's style (``[github]``), not a misspelling.
PRODUCT_SPELLINGS = {
    name.casefold(): name
    for name in (
        "GitHub GitLab PyTorch TensorFlow arXiv OpenReview YouTube BibTeX LaTeX OpenAI "
        "DeepMind JAX Keras Colab Kaggle Zenodo PaddlePaddle MindSpore ModelScope Bilibili"
    ).split()
}
PRODUCT_SPELLINGS["hugging face"] = "Hugging Face"


def correct_spelling(label: str) -> bool:
    """``label`` is not a misspelling of a product's name (``Github``, ``Arxiv``)."""
    own = PRODUCT_SPELLINGS.get(label_key(label))
    return own is None or label.strip() in (own, own.lower())


def label_key(label: str) -> str:
    """Labels that are one label: case and inner whitespace do not count."""
    return " ".join(label.split()).casefold()


_LATEX_ACCENT = r"\\[\"'^`~=.uvHckbdrt]\s*\{?\s*([A-Za-z])\}?"
_LATEX_COMMAND = r"\\[A-Za-z]+\*?|\\."
_NON_WORD = r"[\W_]+"


def normalize_title(title: str) -> str:
    """A title as compared: casefolded, accents, LaTeX (``$...$``, ``\\emph{}``, braces),
    emphasis, emoji shortcodes and punctuation removed, whitespace collapsed."""
    import unicodedata  # the link checker's title check only: kept off the start-up path

    text = re.sub(_LATEX_ACCENT, r"\1", title)
    text = re.sub(_LATEX_COMMAND, " ", text)
    text = SHORTCODE.sub(" ", text)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(_NON_WORD, " ", text.casefold())
    return " ".join(text.split())


def _similar(a: str, b: str) -> float:
    import difflib

    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def title_matches(entry_title: str, arxiv_title: str) -> bool:
    """Whether a list entry's title names the arXiv paper.

    Both are compared after :func:`normalize_title`. They match when one is a prefix of
    the other at a word boundary and the shorter has at least 20 characters (a title
    listed without its subtitle, or with one arXiv lacks), or when they differ in a few
    characters: a ``difflib`` ratio of at least 0.8, and every word put in another's
    place a near miss too (a ratio of at least 0.8 between the two, spaces left out:
    "Probablistic" for "Probabilistic" and "Text2Image" for "Text-to-Image" pass;
    "Implicit" for "Probabilistic" — DDIM for DDPM, whose titles have a ratio of 0.83 —
    does not, nor does "GPT-4" for "GPT-3").
    """
    a, b = normalize_title(entry_title), normalize_title(arxiv_title)
    if not a or not b:
        return False
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    if len(short) >= 20 and long.startswith(short) and long[len(short)] == " ":
        return True
    if _similar(a, b) < 0.8:
        return False
    import difflib

    words_a, words_b = a.split(), b.split()
    opcodes = difflib.SequenceMatcher(None, words_a, words_b, autojunk=False).get_opcodes()
    return all(
        _similar("".join(words_a[i1:i2]), "".join(words_b[j1:j2])) >= 0.8
        for tag, i1, i2, j1, j2 in opcodes
        if tag == "replace"
    )


# --- venues ---------------------------------------------------------------------------


# Conference names as lists write them (lower case) -> as they are spelled.
VENUES = {
    "cvpr": "CVPR",
    "iccv": "ICCV",
    "eccv": "ECCV",
    "wacv": "WACV",
    "bmvc": "BMVC",
    "neurips": "NeurIPS",
    "nips": "NeurIPS",
    "icml": "ICML",
    "iclr": "ICLR",
    "aaai": "AAAI",
    "ijcai": "IJCAI",
    "acl": "ACL",
    "emnlp": "EMNLP",
    "naacl": "NAACL",
    "coling": "COLING",
    "siggraph": "SIGGRAPH",
    "kdd": "KDD",
    "miccai": "MICCAI",
    "icra": "ICRA",
    "iros": "IROS",
    "corl": "CoRL",
    "aistats": "AISTATS",
    "uai": "UAI",
    "colt": "COLT",
    "3dv": "3DV",
}
# Venues that appear beside a year but are not compared with URLs (journals, and
# conferences whose URLs say nothing): known, so that a near miss of one is recognised.
OTHER_VENUES = (
    "ICASSP Interspeech SIGIR RecSys WSDM CIKM ICDM SIGMOD VLDB ICDE TPAMI IJCV TIP TMLR JMLR "
    "TACL EACL CHI UIST RSS ICLR MLSys OSDI NSDI USENIX"
).split()
# Letters a PDF or a keyboard confuses with others: 'NeurlPS' (l for I), 'lCLR', 'ICLR 2O23'.
_CONFUSABLE = str.maketrans("l1|0", "IIIO")


def _shape(word: str) -> str:
    return word.translate(_CONFUSABLE).upper()


def _spellings() -> dict[str, str]:
    names = {*VENUES.values(), *OTHER_VENUES}
    return {_shape(name): name for name in names}


def known_venue(word: str) -> bool:
    """``word`` is a venue of the vocabulary, in any letter case."""
    lower = word.lower()
    return lower in VENUES or any(lower == name.lower() for name in OTHER_VENUES)


def venue_near_miss(word: str) -> str | None:
    """The venue ``word`` misspells ('NeurlPS' -> 'NeurIPS', 'CPVR' -> 'CVPR'), if any:
    confusable letters, or two neighbouring letters swapped in a name of four or more.
    A known spelling in any letter case is no near miss."""
    if known_venue(word) or not word.replace("|", "I").isalnum():
        return None
    spellings = _spellings()
    shape = _shape(word)
    if shape in spellings:
        return spellings[shape]
    if len(word) >= 4 and word.isupper():
        for i in range(len(shape) - 1):
            swapped = shape[:i] + shape[i + 1] + shape[i] + shape[i + 2 :]
            if swapped in spellings and len(spellings[swapped]) == len(word):
                return spellings[swapped]
    return None


# The vocabulary is looked up word by word, not compiled into one alternation: a large
# alternation costs a hook's start-up more than all the rest of this module.
_WORD = re.compile(r"\w+")
_YEAR_AFTER = re.compile(r"[^0-9]{0,30}?\b((?:19|20)\d\d)\b")
# A word at a word's start (not after a letter), glued to a year: "ICCV2023", "eccv_2020".
_IN_URL = re.compile(r"(?<![a-z])([a-z0-9]+?)[_\-]?((?:19|20)\d\d)(?!\d)", re.IGNORECASE | re.ASCII)
_NIPS_URL = re.compile(
    r"(?:papers\.nips\.cc|proceedings\.neurips\.cc)/paper(?:_files/paper)?/((?:19|20)\d\d)/"
)


class StatedVenue(NamedTuple):
    venue: str  # as spelled in VENUES
    year: str
    offset: int  # where the venue's name starts in the text


def stated_venue(text: str) -> StatedVenue | None:
    """The first known venue written in text with its year (``CVPR 2023``)."""
    for word in _WORD.finditer(text):
        venue = VENUES.get(word.group().lower())
        if venue is not None:
            year = _YEAR_AFTER.match(text, word.end())
            if year is not None:
                return StatedVenue(venue, year.group(1), word.start())
    return None


def venue_in_url(url: str) -> tuple[str, str] | None:
    """A venue and year visible in a link (``.../ICCV2023/...``), if any."""
    nips = _NIPS_URL.search(url)
    if nips:
        return "NeurIPS", nips.group(1)
    for match in _IN_URL.finditer(url.split("?", 1)[0]):
        venue = VENUES.get(match.group(1).lower())
        if venue is not None:
            return venue, match.group(2)
    return None
