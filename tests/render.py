"""What GitHub shows, judged with GitHub's own renderer (cmark-gfm, via ``cmarkgfm``).

``worse(before, after)`` lists what a fix made worse on the rendered page: a literal
``*`` or ``\\`` a reader now sees, a doubled line break, a line break inside bold or
italic, link markup shown as text, a link (href) lost or gained, a word lost.
"""

from __future__ import annotations

import re
from collections import Counter

import cmarkgfm
from cmarkgfm.cmark import Options

_CODE = re.compile(r"<code>.*?</code>|<pre>.*?</pre>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def render(text: str) -> str:
    return str(cmarkgfm.github_flavored_markdown_to_html(text, options=Options.CMARK_OPT_UNSAFE))


def _signs(html: str) -> Counter[str]:
    text = _TAG.sub("\x00", _CODE.sub("", html))
    return Counter(
        {
            "literal backslash": len(re.findall(r"\\(?=\s|\x00|$)", text)),
            "literal asterisk": len(re.findall(r"\*(?=[ \t]*(?:\x00|\n|$))|\x00[ \t]*\*", text)),
            "link markup as text": len(re.findall(r"\]\s+\(https?://|\[\[[^\]\x00]+\]\s*\(", text)),
            "doubled line break": len(re.findall(r"<br\s*/?>\s*<br\s*/?>", html)),
            "line break inside emphasis": len(
                re.findall(r"<(strong|em)>(?:(?!</\1>).)*<br", html, flags=re.DOTALL)
            ),
        }
    )


def _links(html: str) -> Counter[str]:
    return Counter(re.findall(r'<a href="([^"]*)"', html))


def _web_links(html: str) -> Counter[str]:
    return Counter({u: n for u, n in _links(html).items() if u.startswith(("http:", "https:"))})


def web_links(text: str) -> Counter[str]:
    """The hrefs (outside the page) of the links GitHub shows for ``text``, with repeats."""
    return _web_links(render(text))


def _words(html: str) -> Counter[str]:
    # A literal '*' inside a word is markup, counted as a literal asterisk, not a word.
    tokens = (
        w.strip("\\_`[](){}<>.,;:!?\"'#") for w in _TAG.sub(" ", html).replace("*", " ").split()
    )
    return Counter(w.casefold() for w in tokens if any(c.isalnum() for c in w))


def worse(before: str, after: str) -> list[str]:
    """What the page rendered from ``after`` shows worse than the one from ``before``."""
    old, new = render(before), render(after)
    problems = [
        f"{sign}: {_signs(old)[sign]} -> {count}"
        for sign, count in _signs(new).items()
        if count > _signs(old)[sign]
    ]
    old_links, new_links = _web_links(old), _web_links(new)
    if old_links != new_links:
        problems.append(f"links changed: {(old_links - new_links) + (new_links - old_links)}")
    lost = _words(old) - _words(new)
    if lost:
        problems.append(f"words lost: {sorted(lost)[:5]}")
    return problems
