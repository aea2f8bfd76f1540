"""Reader for saved web pages: main text and metadata by trafilatura.

trafilatura drops the page's navigation, comments and sidebars and reads title, author and
date from the page's metadata. The date is taken only from markup (``extensive_search`` off):
a date guessed from the body text would be the dateline's job, with its basis recorded.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from html import unescape

import lxml.html
import trafilatura
from lxml import etree
from trafilatura.settings import Document

from eventwire.errors import InputError
from eventwire.ingest.dates import parse_date_value
from eventwire.model import RawDocument

#: Fewer words than this is a login form or a menu that extraction fell back to, not an article.
MIN_ARTICLE_WORDS = 5
#: Markup-only date extraction; ``original_date`` prefers publication over modification.
DATE_FROM_MARKUP = {"extensive_search": False, "original_date": True}

#: Elements after which a fragment's text breaks into a new paragraph.
BLOCK_TAGS = frozenset(
    {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section",
     "article", "header", "footer", "figure", "figcaption", "pre", "ul", "ol", "table", "hr"}
)  # fmt: skip


def read_html(
    name: str, data: bytes, hint: tuple[date | None, str | None], url: str | None = None
) -> Iterator[RawDocument]:
    """One article from a web page; a page with no recognisable main text is an error."""
    if not data.strip():
        raise InputError("empty input")
    try:
        document = trafilatura.bare_extraction(
            data,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params=DATE_FROM_MARKUP,
        )
    except AssertionError:  # lxml's drop_tree under htmldate, on "<body><html><script>…"
        raise InputError("HTML the page extractor cannot parse (a root element it cannot drop)") from None
    if (
        not isinstance(document, Document)
        or not document.text
        or len(document.text.split()) < MIN_ARTICLE_WORDS
    ):
        raise InputError("no article text found in the HTML page")
    text = document.text
    published = _page_date(document.date)
    # trafilatura gives one line per block; blank lines make each one a paragraph for cleaning.
    content = "\n\n".join(line for line in text.split("\n") if line.strip())
    yield RawDocument(
        source_path=name,
        content=content,
        title=document.title or None,
        published=published,
        published_basis="metadata" if published else None,
        url=url or document.url or None,
        author=document.author or None,
        date_hint=hint[0],
        date_hint_basis=hint[1],
    )


def _page_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return parse_date_value(value)
    except ValueError:
        return None  # an unreadable meta date is as good as none: the dateline takes over


def html_fragment_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed item's content), one paragraph per block."""
    if "<" not in fragment:
        return unescape(fragment).strip()
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return unescape(fragment).strip()
    for element in list(root.iter("script", "style")):
        element.drop_tree()
    return _join_blocks(root)


def _join_blocks(root: lxml.html.HtmlElement) -> str:
    """Text in document order, with a paragraph break around every block element."""
    chunks: list[str] = []
    for event, element in etree.iterwalk(root, events=("start", "end")):
        block = isinstance(element.tag, str) and element.tag in BLOCK_TAGS
        if block:
            chunks.append("\n\n")
        if event == "start" and isinstance(element.tag, str) and element.text:
            chunks.append(element.text)
        if event == "end" and element is not root and element.tail:
            chunks.append(element.tail)
    paragraphs = (" ".join(part.split()) for part in "".join(chunks).split("\n\n"))
    return "\n\n".join(paragraph for paragraph in paragraphs if paragraph)
