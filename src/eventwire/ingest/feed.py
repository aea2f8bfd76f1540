"""Reader for RSS 0.9x/1.0/2.0 and Atom feeds: one document per item.

The feed is streamed with lxml's ``iterparse`` and each finished item is handed to feedparser
on its own (wrapped in a minimal envelope), so a feed of any size stays flat in memory while
feedparser still normalises the many dialects (content vs. summary, ``pubDate`` vs.
``dc:date`` vs. ``published``). Parsing is strict: malformed XML stops the feed with a failure
naming the item it broke in; the items before it are kept. (Recovering parsers silently glue
or truncate items, which is worse than a clear error.)
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any, BinaryIO

import feedparser
from lxml import etree

from eventwire.errors import InputError, InputFailure
from eventwire.ingest.dates import parse_date_value
from eventwire.ingest.html import html_fragment_to_text
from eventwire.ingest.limits import too_large
from eventwire.model import RawDocument

ATOM = "http://www.w3.org/2005/Atom"
RSS1 = "http://purl.org/rss/1.0/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

#: Item element → the envelope feedparser needs around it to recognise the dialect.
ENVELOPES = {
    "item": ('<rss version="2.0"><channel>', "</channel></rss>"),
    f"{{{RSS1}}}item": (f'<rdf:RDF xmlns:rdf="{RDF}" xmlns="{RSS1}">', "</rdf:RDF>"),
    f"{{{ATOM}}}entry": (f'<feed xmlns="{ATOM}">', "</feed>"),
}
#: Feed-level dates (channel ``pubDate``, Atom ``updated``): a hint for items that carry none.
CHANNEL_DATES = frozenset(
    {"pubDate", "lastBuildDate", f"{{{ATOM}}}updated", "{http://purl.org/dc/elements/1.1/}date"}
)
CHANNELS = frozenset({"channel", f"{{{ATOM}}}feed", f"{{{RDF}}}RDF", f"{{{RSS1}}}channel"})


def read_feed(
    name: str, stream: BinaryIO, hint: tuple[date | None, str | None], max_item_bytes: int
) -> Iterator[RawDocument | InputFailure]:
    """Yield one document per feed item (failures name ``feed.xml#item3``).

    The feed's own date (channel ``pubDate``, Atom ``updated``) is a better hint for a yearless
    dateline than the file name or ``--published``, so it replaces ``hint`` once seen.
    """
    number = 0
    feed_date: date | None = None
    parser = etree.iterparse(
        stream, events=("end",), resolve_entities=False, no_network=True, huge_tree=False
    )
    try:
        for _event, element in parser:
            tag = element.tag
            if tag in ENVELOPES:
                number += 1
                item_hint = (feed_date, "feed") if feed_date else hint
                yield _read_item(f"{name}#item{number}", element, tag, item_hint, max_item_bytes)
                _release(element)
            elif (
                tag in CHANNEL_DATES
                and element.getparent() is not None
                and element.getparent().tag in CHANNELS
            ):
                feed_date = _channel_date(element.text)
    except etree.XMLSyntaxError as exc:
        line = f" at line {exc.lineno}" if exc.lineno else ""
        where = f"{name}#item{number + 1}" if number else name
        yield InputFailure(where, f"malformed feed XML{line} ({exc.msg}); the rest of the feed was not read")
        return
    if number == 0:
        raise InputError("feed has no items")


def _read_item(
    source: str, element: etree._Element, tag: str, hint: tuple[date | None, str | None], max_item_bytes: int
) -> RawDocument | InputFailure:
    xml = etree.tostring(element)
    if len(xml) > max_item_bytes:
        return InputFailure(source, too_large("feed item", max_item_bytes))
    head, tail = ENVELOPES[tag]
    parsed = feedparser.parse(head.encode() + xml + tail.encode())
    if not parsed.entries:
        return InputFailure(source, "feed item could not be read")
    entry = parsed.entries[0]
    text = html_fragment_to_text(_item_body(entry))
    if not text:
        return InputFailure(source, "feed item has no content or summary")
    published = _entry_date(entry)
    return RawDocument(
        source_path=source,
        content=text,
        title=html_fragment_to_text(entry.get("title", "")) or None,
        published=published,
        published_basis="metadata" if published else None,
        url=entry.get("link") or None,
        author=entry.get("author") or None,
        date_hint=hint[0],
        date_hint_basis=hint[1],
    )


def _item_body(entry: Any) -> str:
    """Full content when the feed carries it, else the summary (often all a feed has)."""
    contents = entry.get("content") or []
    best = max((part.get("value", "") for part in contents), key=len, default="")
    return best or entry.get("summary", "")


def _entry_date(entry: Any) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        if entry.get(key):
            return parse_date_value(entry[key])
    return None


def _channel_date(text: str | None) -> date | None:
    try:
        return parse_date_value(text)
    except ValueError:
        return None


def _release(element: etree._Element) -> None:
    """Free a finished item and its earlier siblings so the tree never grows with the feed."""
    element.clear(keep_tail=False)
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]
