"""Which reader an input needs, decided by its first bytes, then by its name.

Content wins over the name because names lie (``page.txt`` saved from a browser is HTML, a
``.xml`` file may be a feed or not); the name decides only when the bytes are not conclusive.
"""

from __future__ import annotations

import json
import re
from pathlib import PurePath
from typing import Literal

Format = Literal["warc", "feed", "html", "jsonl", "text"]

#: How many leading bytes sniffing looks at: feeds and pages declare themselves early.
SNIFF_BYTES = 8192
COMPRESSED_SUFFIXES = (".gz", ".gzip")
SUFFIX_FORMATS: dict[str, Format] = {
    ".warc": "warc",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".rss": "feed",
    ".atom": "feed",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".txt": "text",
}
MARKUP_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*<")
FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:rdf)[\s>]")
HTML_ROOT = re.compile(rb"<(?:!doctype html|html|head|body)[\s>]")


def strip_compression(name: str) -> str:
    """``crawl.warc.gz`` → ``crawl.warc``: the suffix that says what is inside."""
    for suffix in COMPRESSED_SUFFIXES:
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return name


def sniff_format(name: str, head: bytes) -> Format:
    """The format of an input whose (decompressed) first bytes are ``head``."""
    start = head[:SNIFF_BYTES]
    if start.lstrip().startswith(b"WARC/"):
        return "warc"
    if MARKUP_START.match(start):
        lowered = start.lower()
        feed, page = FEED_ROOT.search(lowered), HTML_ROOT.search(lowered)
        if feed and (not page or feed.start() < page.start()):
            return "feed"
        if page:
            return "html"
    if _starts_with_json_object(start):
        return "jsonl"
    return SUFFIX_FORMATS.get(PurePath(name).suffix.lower(), "text")


def _starts_with_json_object(head: bytes) -> bool:
    stripped = head.lstrip()
    if not stripped.startswith(b"{"):
        return False
    first_line, newline, _ = stripped.partition(b"\n")
    if not newline:
        return stripped.startswith(b'{"')  # a first line longer than the sniff window
    try:
        return isinstance(json.loads(first_line), dict)
    except (ValueError, RecursionError):  # RecursionError: "[[[[…" nested past the parser's limit
        return False
