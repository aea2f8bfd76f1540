"""Fuzz targets for everything that reads untrusted input: strategies and the contract they check.

Researchers feed eventwire whatever they scraped, so every reader, the cleanup, the dateline and
time parsers, the quote finder and every YAML loader must turn *any* input into a result or a
named error (:class:`InputFailure`, :class:`InputError`, :class:`DataFileError`), never an
exception that stops a batch. Each ``check_*`` function runs one target on one generated input
and asserts that contract plus the target's own invariants (offsets index the text, failures
name their input, nothing stored can break the store).

The same targets serve the bounded suite that CI runs (``tests/test_fuzz_*.py``, under the
hypothesis profile ``ci``) and the long, time-boxed runs of ``scripts/fuzz_long.py``; the
:data:`TARGETS` table is what both iterate.
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import tempfile
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from eventwire.errors import DataFileError, EventwireError, InputError, InputFailure
from eventwire.ingest import ReaderOptions, read_stream
from eventwire.model import Article, RawDocument

# -- building blocks ------------------------------------------------------------------------

#: Characters that break naive text handling: controls, NUL, bidi overrides and marks, BOM,
#: line and paragraph separators, combining marks, a non-BMP emoji, the replacement character.
HOSTILE_CHARS = (
    "\x00\x01\x07\x08\x0b\x0c\x1b\x7f\x85\u00a0\u200b\u200e\u200f\u202a\u202b\u202e\u2066\u2069"
    "\ufeff\u2028\u2029\u0301\u0308\U0001f600\ufffd\r\t"
)
#: Words and marks of wire copy, so generated text reaches the parsers' interesting paths.
WIRE_WORDS = (
    "MOSCOW, October 15. /TASS/.",
    "LONDON (Reuters) -",
    "WASHINGTON (AP) —",
    "Paris (AFP) -",
    "KABUL, March 3, 2019 —",
    "BEIJING, Oct. 15 (Xinhua) --",
    "Caracas, 10 abr (EFE).-",
    "said",
    "told",
    "according to",
    "Lavrov",
    "Russia",
    "Turkey",
    "the Syrian army",
    "on Thursday",
    "last week",
    "two days ago",
    "in 2015",
    "October 15",
    "15/10/2015",
    "the first quarter",
    "next month",
    "every Monday",
    "1990s",
    "0735 GMT",
    "May",
    "Theresa May",
    "2000 troops",
    '"',
    "“",
    "”",
    "«",
    "»",
    "'",
    "‘",
    "’",
    "„",
    ":",
    ".",
    ",",
    "\n",
    "\n\n",
    " ",
    "© TASS",
    "All news",
    "Share",
    "Read more",
    "الرئيس",
    "שלום",
    "Москва",
    "習近平",
)

#: Quote marks, cues and speakers in the shapes the quote finder pairs and attributes.
QUOTE_PIECES = (
    '"We will respond," Lavrov said.',
    "He said: ",
    "“",
    "”",
    "‘",
    "’",
    "«",
    "»",
    "„",
    "‚",
    "‹",
    "›",
    "「",
    "」",
    '"',
    "'",
    " said that ",
    "according to the ministry, ",
    "the spokesman told reporters ",
    '," he added. "',
    '\n\n"',
    "Meshkov said on Thursday",
    ' accused of "attacking the wrong targets"',
    ":",
    " ",
)

any_char = st.characters(codec=None, exclude_categories=())
"""Every code point, lone surrogates included (JSON escapes can produce them)."""
hostile_char = st.sampled_from(HOSTILE_CHARS)
wire_piece = st.sampled_from(WIRE_WORDS)


@st.composite
def huge_line(draw: st.DrawFn, low: int = 1_000, high: int = 200_000) -> str:
    """One very long line: a repeated unit, with no break a line-based parser could use."""
    unit = draw(st.sampled_from(["a", "word ", "\u202e", "x" * 7 + " ", '"', "<", "."]))
    return unit * (draw(st.integers(low, high)) // len(unit))


hostile_text = st.lists(
    st.one_of(
        wire_piece,
        st.text(any_char, max_size=20),
        st.text(hostile_char, min_size=1, max_size=8),
        st.text(st.sampled_from("abc XYZ.,;\"'\n"), max_size=40),
    ),
    max_size=60,
).map("".join)
"""Text mixing wire-copy fragments with random code points and hostile characters."""

text_with_huge_lines = st.one_of(
    hostile_text, st.tuples(hostile_text, huge_line(), hostile_text).map("".join)
)

ENCODINGS = ("utf-8", "utf-16", "utf-16-le", "utf-32", "cp1251", "latin-1", "koi8-r", "shift_jis")


@st.composite
def encoded(draw: st.DrawFn, text: st.SearchStrategy[str] = text_with_huge_lines) -> bytes:
    """Text in some encoding (unencodable characters escaped), maybe with a BOM."""
    value = draw(text)
    encoding = draw(st.sampled_from(ENCODINGS))
    data = value.encode(encoding, errors="surrogatepass" if encoding.startswith("utf") else "replace")
    bom = draw(st.sampled_from([b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF32_BE]))
    return bom + data


invalid_utf8 = st.sampled_from(
    [b"\xff", b"\xc3", b"\xc3\x28", b"\xe2\x82", b"\xf0\x9f\x98", b"\xed\xa0\x80", b"\xc0\xaf", b"\xf8\x88"]
)


@st.composite
def corrupted(draw: st.DrawFn, data: st.SearchStrategy[bytes]) -> bytes:
    """``data`` with invalid UTF-8, NUL bytes or random bytes spliced in, or cut short."""
    value = bytearray(draw(data))
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(value)))
        value[at:at] = draw(st.one_of(invalid_utf8, st.binary(max_size=8), st.just(b"\x00" * 4)))
    if value and draw(st.booleans()):
        del value[draw(st.integers(0, len(value))) :]
    return bytes(value)


@st.composite
def maybe_gzipped(draw: st.DrawFn, data: st.SearchStrategy[bytes]) -> bytes:
    """``data`` as is, gzipped, gzipped twice, or gzipped and then truncated or damaged."""
    value = draw(data)
    how = draw(st.sampled_from(["plain", "plain", "gzip", "gzip-twice", "truncated", "damaged"]))
    if how == "plain":
        return value
    packed = gzip.compress(value, compresslevel=1, mtime=0)
    if how == "gzip":
        return packed
    if how == "gzip-twice":
        return gzip.compress(packed, compresslevel=1, mtime=0)
    cut = draw(st.integers(2, max(2, len(packed) - 1)))
    if how == "truncated":
        return packed[:cut]
    return packed[:cut] + draw(st.binary(min_size=1, max_size=16)) + packed[cut + 1 :]


@st.composite
def gzip_bomb(draw: st.DrawFn) -> bytes:
    """A small gzip stream inflating far beyond the limits the fuzz targets set (1 MiB)."""
    inflated = draw(st.integers(2, 24)) * 1024 * 1024
    unit = draw(st.sampled_from([b"\x00", b"\n", b"a", b"<div>", b'{"text": "x"}\n', b"WARC/1.0\r\n"]))
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)  # 31: gzip container
    block = unit * (1024 * 1024 // len(unit))
    parts = [compressor.compress(block) for _ in range(inflated // len(block))]
    return b"".join(parts) + compressor.flush()


# -- formats --------------------------------------------------------------------------------

TAGS = (
    "div",
    "p",
    "span",
    "article",
    "main",
    "section",
    "script",
    "style",
    "table",
    "td",
    "a",
    "b",
    "h1",
    "br",
    "li",
    "ul",
    "iframe",
    "svg",
    "math",
    "template",
    "noscript",
    "title",
    "meta",
    "html",
    "body",
)
ENTITIES = (
    "&amp;",
    "&lt;",
    "&#0;",
    "&#x0;",
    "&#xD800;",
    "&#x110000;",
    "&#99999999999;",
    "&nbsp;",
    "&bogus;",
    "&#x202E;",
    "&#65279;",
)


@st.composite
def html_page(draw: st.DrawFn) -> bytes:
    """A web page: nested (possibly very deep, possibly unclosed) markup around hostile text."""
    depth = draw(st.one_of(st.integers(0, 20), st.integers(500, 20_000)))
    tag = draw(st.sampled_from(TAGS))
    opening = f"<{tag} class='{draw(st.text(any_char, max_size=5))}'>"
    closing = f"</{tag}>" if draw(st.booleans()) else ""
    body_parts = draw(
        st.lists(
            st.one_of(
                hostile_text.map(lambda text: f"<p>{text}</p>"),
                st.sampled_from(ENTITIES),
                st.sampled_from(TAGS).map(lambda name: f"<{name}>"),
                st.sampled_from(["<!--", "-->", "<![CDATA[", "]]>", "<?xml version='1.0'?>", "</"]),
            ),
            max_size=30,
        )
    )
    head = draw(
        st.sampled_from(
            [
                "<!DOCTYPE html><html><head><title>T</title></head><body>",
                "<html><head><meta charset='utf-16'><meta property='article:published_time' "
                "content='99999-99-99'></head><body>",
                "<html><head><meta http-equiv='Content-Type' content='text/html; charset=koi8-r'>",
                "<body>",
            ]
        )
    )
    page = head + opening * depth + "".join(body_parts) + closing * depth + "</body></html>"
    encoding = draw(st.sampled_from(["utf-8", "utf-16", "cp1251"]))
    return page.encode(encoding, errors="surrogatepass" if encoding.startswith("utf") else "replace")


XML_TEXT = hostile_text.map(lambda text: text.replace("]]>", "")).map(
    lambda text: "".join(
        char
        for char in text
        if char in "\t\n\r" or 0x20 <= ord(char) < 0xD800 or 0xE000 <= ord(char) < 0xFFFE
    )
)


@st.composite
def feed(draw: st.DrawFn) -> bytes:
    """An RSS 2.0, RSS 1.0 or Atom feed of generated items, maybe with hostile DTDs or junk."""
    dialect = draw(st.sampled_from(["rss", "atom", "rdf"]))
    items = []
    for _ in range(draw(st.integers(0, 6))):
        title, body = draw(XML_TEXT), draw(XML_TEXT)
        when = draw(
            st.sampled_from(["Thu, 15 Oct 2015 10:00:00 GMT", "2015-10-15T10:00:00Z", "yesterday", "", "0"])
        )
        wrapped = draw(
            st.sampled_from([f"<![CDATA[{body}]]>", body.replace("&", "&amp;").replace("<", "&lt;")])
        )
        if dialect == "atom":
            items.append(
                f"<entry><title>{title.replace('&', '&amp;').replace('<', '&lt;')}</title>"
                f"<updated>{when}</updated><content type='html'>{wrapped}</content></entry>"
            )
        else:
            items.append(
                f"<item><title>{title.replace('&', '&amp;').replace('<', '&lt;')}</title>"
                f"<pubDate>{when}</pubDate><description>{wrapped}</description></item>"
            )
    prologue = draw(
        st.sampled_from(
            [
                "",
                '<?xml version="1.0" encoding="utf-8"?>',
                '<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
                '<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
                '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>',
            ]
        )
    )
    entity = draw(st.sampled_from(["", "&xxe;", "&d;", "&undefined;"]))
    if dialect == "atom":
        document = f"<feed xmlns='http://www.w3.org/2005/Atom'><updated>2015-10-15</updated>{entity}{''.join(items)}</feed>"
    elif dialect == "rdf":
        document = (
            "<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#' xmlns='http://purl.org/rss/1.0/'>"
            f"<channel><title>{entity}</title></channel>{''.join(items)}</rdf:RDF>"
        )
    else:
        channel = f"<channel><pubDate>Thu, 15 Oct 2015</pubDate>{entity}{''.join(items)}</channel>"
        document = f"<rss version='2.0'>{channel}</rss>"
    return (prologue + document).encode("utf-8")


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(any_char, max_size=30),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)


@st.composite
def jsonl_line(draw: st.DrawFn) -> bytes:
    """One JSONL line: a good record, a record with wrong field types, or junk."""
    kind = draw(st.sampled_from(["record", "record", "wrong-types", "junk", "deep", "big-number", "escapes"]))
    if kind == "record":
        record: dict[str, Any] = {"text": draw(text_with_huge_lines)}
        for field_name in draw(st.sets(st.sampled_from(["title", "url", "published", "date"]))):
            record[field_name] = draw(
                st.one_of(
                    st.text(any_char, max_size=30),
                    st.integers(),
                    st.floats(),
                    st.sampled_from(
                        ["2015-10-15", "Thu, 15 Oct 2015 10:00:00 GMT", "9999-12-31T23:59:59+14:00", "-1e308"]
                    ),
                )
            )
        return json.dumps(record, ensure_ascii=draw(st.booleans())).encode("utf-8", errors="surrogatepass")
    if kind == "wrong-types":
        return json.dumps({"text": draw(JSON_VALUES), "published": draw(JSON_VALUES)}).encode()
    if kind == "deep":
        depth = draw(st.integers(900, 200_000))
        return b'{"text": ' + b"[" * depth + b"]" * depth + b"}"
    if kind == "big-number":
        return b'{"text": "a story", "published": ' + b"9" * draw(st.integers(4_000, 50_000)) + b"}"
    if kind == "escapes":
        escape = draw(
            st.sampled_from(["\\ud800", "\\udfff", "\\u0000", "\\u202e", "\\ud83d\\ude00", "\\uffff"])
        )
        return (
            f'{{"text": "MOSCOW (TASS) - Russia {escape} said on Thursday.", "title": "{escape}"}}'.encode()
        )
    return draw(corrupted(st.binary(max_size=60)))


jsonl_dump = st.lists(jsonl_line(), min_size=1, max_size=8).map(lambda lines: b"\n".join(lines) + b"\n")


@st.composite
def warc_archive(draw: st.DrawFn) -> bytes:
    """WARC records written by hand, so headers can lie: wrong lengths, types, statuses."""
    records = []
    for _ in range(draw(st.integers(1, 5))):
        body = draw(st.one_of(html_page(), st.binary(max_size=200), encoded()))
        status = draw(st.sampled_from(["200 OK", "404 Not Found", "200", "abc", ""]))
        content_type = draw(st.sampled_from(["text/html", "image/png", "", "text/html; charset=utf-16"]))
        http = f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n\r\n".encode() + body
        record_type = draw(st.sampled_from(["response", "response", "request", "metadata", "", "resource"]))
        length = len(http) + draw(st.sampled_from([0, 0, 0, -5, 7, -len(http)]))
        header = (
            f"WARC/1.0\r\nWARC-Type: {record_type}\r\nWARC-Target-URI: http://example.com/{len(records)}\r\n"
            f"WARC-Date: {draw(st.sampled_from(['2015-10-15T10:00:00Z', 'never', '']))}\r\n"
            f"Content-Length: {length}\r\n\r\n"
        ).encode()
        record = header + http + b"\r\n\r\n"
        records.append(gzip.compress(record, mtime=0) if draw(st.booleans()) else record)
    return b"".join(records)


NAMES = (
    "story.txt",
    "page.html",
    "feed.xml",
    "dump.jsonl",
    "crawl.warc",
    "crawl.warc.gz",
    "x.gz",
    "noext",
    "tass-2015-10-15.txt",
    "weird\u202ename.txt",
    "bad\udcffname.txt",
)

#: Small limits so that the size checks are reached in milliseconds, not after gigabytes.
SMALL_LIMITS = ReaderOptions(max_document_bytes=1024 * 1024, max_inflated_bytes=1024 * 1024)

reader_inputs = {
    "text": encoded(),
    "html": html_page(),
    "feed": feed(),
    "jsonl": jsonl_dump,
    "warc": warc_archive(),
}
"""Input bytes for each reader; :func:`any_input` mixes them with garbage, bombs and damage."""


def any_input(format_name: str, bombs: bool = True) -> st.SearchStrategy[tuple[str, bytes]]:
    """(name, bytes) for ``format_name``: well-formed, corrupted, gzipped or a gzip bomb."""
    data = st.one_of(
        reader_inputs[format_name],
        corrupted(reader_inputs[format_name]),
        maybe_gzipped(reader_inputs[format_name]),
        gzip_bomb() if bombs else st.nothing(),
        st.binary(max_size=300),
    )
    return st.tuples(st.sampled_from(NAMES), data)


# -- the contract ---------------------------------------------------------------------------

#: What ``read_stream`` reports when a reader raised something it did not expect: a bug.
UNEXPECTED = "unreadable input ("


def storable(value: str | None, what: str) -> None:
    """A string every store can hold: valid Unicode (no lone surrogate) and no NUL."""
    if value is None:
        return
    value.encode("utf-8")  # raises UnicodeEncodeError on a lone surrogate
    assert "\x00" not in value, f"{what} holds a NUL character, which PostgreSQL text refuses"


def check_stream(
    name: str, data: bytes, options: ReaderOptions = SMALL_LIMITS
) -> list[RawDocument | InputFailure]:
    """Any bytes under any name: only documents or failures come out, and failures are named."""
    items = list(read_stream(name, io.BytesIO(data), options=options))
    for item in items:
        if isinstance(item, InputFailure):
            assert item.source.startswith(name), item
            assert item.reason and item.code.startswith("E"), item
            assert not item.reason.startswith(UNEXPECTED), f"a reader crashed: {item}"
            continue
        assert isinstance(item, RawDocument), item
        assert item.source_path.startswith(name)
        assert item.content.strip(), "an empty document was let through"
        assert len(item.content) <= options.max_document_bytes
        for what in ("content", "title", "url", "author"):
            storable(getattr(item, what), what)
        assert len(item.article_id) == 16
    return items


def check_clean_and_dateline(raw_text: str, title: str | None, hint: date | None) -> Article:
    """Cleaning and the dateline stage on any text: structure stays consistent, dates are real."""
    from eventwire.clean import CleanStage
    from eventwire.config import Settings
    from eventwire.dateline import DatelineStage

    article = Article(
        article_id="fuzz",
        source_path="fuzz.txt",
        raw_text=raw_text,
        title=title,
        date_hint=hint,
        date_hint_basis="cli" if hint else None,
    )
    try:
        CleanStage(Settings())(article)
    except InputError:
        assert not article.text.strip()
        return article
    parts = [article.text[start:end] for start, end in article.paragraphs]
    assert "\n\n".join(parts) == article.text
    assert all("\n\n" not in part and part == part.strip() and part for part in parts)
    assert set(article.subheadings) <= set(article.paragraphs)
    assert article.paragraphs == sorted(article.paragraphs)
    DatelineStage(Settings())(article)
    assert article.published is None or isinstance(article.published, date)
    return article


def check_dateline(line: str, body: str, hint: date | None) -> None:
    """A dateline parse is a prefix of its line with a real month, and never raises."""
    from eventwire.dateline import infer_year, split_dateline

    dateline = split_dateline(line)
    if dateline is None:
        return
    assert line.startswith(dateline.text) and dateline.place
    assert dateline.month is None or 1 <= dateline.month <= 12
    if dateline.month and dateline.day:
        year, basis = infer_year(dateline.month, dateline.day, body, hint)
        assert (year is None) == (basis == "none")


TIMEX_TYPES = frozenset({"DATE", "TIME", "DURATION", "SET"})


def check_times(text: str, anchor: date | None, doc: Any = None) -> None:
    """Time expressions are exact, ordered, typed slices of the text, for any anchor date."""
    from eventwire.timex import find_times

    times = find_times(text, anchor, doc)
    assert times == sorted(times, key=lambda time: (time.start, time.end))
    for time in times:
        assert 0 <= time.start < time.end <= len(text)
        assert text[time.start : time.end] == time.text
        assert time.type in TIMEX_TYPES, time
        assert time.value is None or (isinstance(time.value, str) and time.value), time


def check_quote_marks(text: str) -> None:
    """Quoted spans found by their marks lie inside the text, paragraph by paragraph."""
    from eventwire.quotes.marks import find_quoted_spans
    from eventwire.quotes.rules import default_rules

    rules = default_rules()
    paragraphs, offset = [], 0
    for part in text.split("\n\n"):
        paragraphs.append((offset, offset + len(part)))
        offset += len(part) + 2
    for span in find_quoted_spans(text, paragraphs, rules.marks, rules.max_unclosed_chars):
        assert 0 <= span.start <= span.end <= len(text), span


def check_parsed(text: str, stages: Iterable[Any]) -> Article:
    """The pipeline's stages on any text, unguarded: only named errors may stop an article,
    and every layer's offsets index the cleaned text."""
    from eventwire.model import RawDocument as Raw

    article = Article.from_raw(
        Raw(source_path="fuzz.txt", content=text, date_hint=date(2015, 10, 15), date_hint_basis="cli")
    )
    try:
        for stage in stages:
            stage.process_batch([article])
    except EventwireError:
        return article
    body = article.text
    for quote in article.quotes:
        assert body[quote.start : quote.end] == quote.text, quote
        if quote.cue_start is not None:
            assert 0 <= quote.cue_start <= quote.cue_end <= len(body), quote
    for layer in (article.mentions, article.times, article.places):
        for item in layer:
            assert body[item.start : item.end] == item.text, item
    for event in article.events:
        assert body[event.evidence.start : event.evidence.end] == event.evidence.sentence, event
    return article


# -- data files -------------------------------------------------------------------------------


@cache
def shipped_text(name: str) -> str:
    """A shipped data file, read once: generation must not change if the file is edited meanwhile."""
    return resources.files("eventwire.data").joinpath(name).read_text(encoding="utf-8")


@st.composite
def yaml_variant(draw: st.DrawFn, seed_file: str) -> bytes:
    """A mutated excerpt of a shipped YAML file, or hostile YAML (bombs, deep nesting, tags)."""
    kind = draw(st.sampled_from(["mutated", "mutated", "mutated", "hostile", "bytes"]))
    if kind == "bytes":
        return draw(corrupted(st.binary(max_size=200)))
    if kind == "hostile":
        return draw(st.sampled_from(HOSTILE_YAML)).encode("utf-8")
    lines = shipped_text(seed_file).split("\n")
    start = draw(st.integers(0, max(0, len(lines) - 1)))
    excerpt = lines[: draw(st.integers(1, 40))] if draw(st.booleans()) else lines[start : start + 60]
    for _ in range(draw(st.integers(1, 6))):
        if not excerpt:
            break
        at = draw(st.integers(0, len(excerpt) - 1))
        line = excerpt[at]
        mutation = draw(
            st.sampled_from(["delete", "duplicate", "indent", "dedent", "value", "cut", "insert"])
        )
        if mutation == "delete":
            del excerpt[at]
        elif mutation == "duplicate":
            excerpt.insert(at, line)
        elif mutation == "indent":
            excerpt[at] = "  " + line
        elif mutation == "dedent":
            excerpt[at] = line.lstrip()
        elif mutation == "cut":
            excerpt[at] = line[: draw(st.integers(0, len(line)))]
        elif mutation == "insert":
            excerpt.insert(at, draw(st.text(any_char, max_size=30)))
        elif ":" in line:
            key = line.split(":", 1)[0]
            excerpt[at] = f"{key}: {draw(st.sampled_from(YAML_VALUES))}"
    return "\n".join(excerpt).encode("utf-8", errors="surrogatepass")


#: Values that have the wrong type for almost every key.
YAML_VALUES = (
    "",
    "null",
    "~",
    "[]",
    "{}",
    "[1, [2]]",
    "{a: b}",
    "123",
    "-1",
    "1e400",
    "true",
    "'('",
    "'[a-'",
    "'(?P<x>a)(?P<x>b)'",
    "!!python/object:os.system 'id'",
    "&a x",
    "*a",
    "2015-02-30",
    "'" + "a" * 5000 + "'",
    '"\\ud800"',
    '"\\0"',
    "'\u202e'",
    "|\n  block",
    ". . .",
    "- - -",
)

HOSTILE_YAML = (
    # billion laughs: aliases nest 9 levels of 9 repeats (shared, but 387 million leaves if walked)
    "a: &a [x, x, x, x, x, x, x, x, x]\n"
    + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8))
    + "rules: *i\nsectors: *i\ncountries: *i\ncodes: *i\nplaces: *i\nmonths: *i\n",
    "rules: " + "[" * 1000 + "]" * 1000,
    "a: " + "{a: " * 1000 + "1" + "}" * 1000,
    "- " * 1000 + "x",
    "!!python/object/apply:os.system ['echo pwned']",
    "rules: !!binary aGVsbG8=",
    "&a [*a]",
    "%YAML 9.9\n---\na: 1",
    "a: 1\n---\nb: 2",
    "\x00\x01",
    "\ufeff\ufeffa: 1",
    "? [a, b]\n: c",
    "<<: *undefined",
    "a: !!timestamp 2015-99-99",
    "a: !!int 'x'",
    "a: !!float 'x'",
)

#: The YAML loaders: name → (seed file, function that loads a user file at ``path``).
DataLoader = Callable[[Path], object]


def _load_actors(path: Path) -> object:
    from eventwire.actors.lexicon import load_lexicon

    return load_lexicon((path,))


def _load_cleanup(path: Path) -> object:
    from eventwire.clean import load_rules

    return load_rules(path)


def _load_patterns(path: Path) -> object:
    from eventwire.datafile import user_file
    from eventwire.events.codebook import load_codebook
    from eventwire.events.patterns import parse_patterns

    return parse_patterns([user_file(path)], load_codebook())


def _load_codebook(path: Path) -> object:
    from eventwire.datafile import user_file
    from eventwire.events.codebook import parse_codebook

    return parse_codebook(*user_file(path))


def _load_places(path: Path) -> object:
    from eventwire.geo.gazetteer import build_gazetteer

    return build_gazetteer(_country_table(), path.read_bytes().decode("utf-8", errors="replace"), str(path))


def _load_timex_lexicon(path: Path) -> object:
    from eventwire.timex.lexicon import load_lexicon

    return load_lexicon(path)


def _load_timex_rules(path: Path) -> object:
    from eventwire.timex.lexicon import default_lexicon, load_rules
    from eventwire.timex.normalise import HANDLERS

    return load_rules(default_lexicon(), HANDLERS, path)


def _load_quote_rules(path: Path) -> object:
    from eventwire.quotes.rules import load_rules

    return load_rules(path)


@lru_cache(maxsize=1)
def _country_table() -> str:
    """The gazetteer table's header and country rows: enough for curated places to refer to."""
    from eventwire.geo.gazetteer import TABLE

    table = gzip.decompress(resources.files("eventwire.data").joinpath(TABLE).read_bytes()).decode("utf-8")
    lines = table.split("\n")
    return "\n".join([lines[0], *(line for line in lines[1:] if line.startswith("country\t"))])


DATA_LOADERS: dict[str, tuple[str, DataLoader]] = {
    "actors": ("actors/countries.yaml", _load_actors),
    "actor-persons": ("actors/persons.yaml", _load_actors),
    "cleanup": ("cleanup.yaml", _load_cleanup),
    "event-patterns": ("event_patterns.yaml", _load_patterns),
    "cameo-codebook": ("cameo.yaml", _load_codebook),
    "places": ("places.yaml", _load_places),
    "timex-lexicon": ("timex.yaml", _load_timex_lexicon),
    "timex-rules": ("timex_rules.yaml", _load_timex_rules),
    "quote-rules": ("quotes.yaml", _load_quote_rules),
}


def check_data_file(loader: str, data: bytes) -> None:
    """Any user data file either loads or is refused with a DataFileError naming the file."""
    _seed, load = DATA_LOADERS[loader]
    with tempfile.TemporaryDirectory(prefix="eventwire-fuzz-") as folder:
        path = Path(folder) / "user.yaml"
        path.write_bytes(data)
        try:
            load(path)
        except DataFileError as exc:
            assert str(path) in exc.message or "eventwire/data/" in exc.message, exc.message


# -- the table both the suite and the long runs use -------------------------------------------

#: The stages the parsed targets run, without ``language``: hostile text would mostly be
#: skipped as not English, and the point is to parse it.
PARSED_STAGES = ("clean", "dateline", "nlp", "actors", "timex", "quotes", "geo", "events")


@dataclass(frozen=True, slots=True)
class Target:
    """One fuzz target: what to generate and the check to run on it.

    A target with ``stages`` is checked as ``check(value, built_stages)``, the caller building
    the named pipeline stages once (they load the language model and the dictionaries).
    """

    strategy: st.SearchStrategy[Any]
    check: Callable[..., object]
    stages: tuple[str, ...] = ()


unicode_text = hostile_text.map(lambda text: text.encode("utf-8", "replace").decode("utf-8"))
"""Hostile text that is valid Unicode: what the readers hand the pipeline (lone surrogates are
refused at ingest, see ``eventwire.ingest.storable``)."""

quoted_text = st.lists(
    st.one_of(
        st.sampled_from(QUOTE_PIECES),
        wire_piece,
        st.text(hostile_char, min_size=1, max_size=3),
        st.text(st.sampled_from("abc XYZ.,;\"'\n"), max_size=20),
    ),
    max_size=80,
).map(lambda pieces: "".join(pieces).encode("utf-8", "replace").decode("utf-8"))
"""Text dense in quote marks, cues and speakers, for the quote finder."""

dates = st.one_of(st.none(), st.dates(), st.sampled_from([date.min, date.max, date(2015, 10, 15)]))

TARGETS: dict[str, Target] = {
    **{f"read-{name}": Target(any_input(name), lambda pair: check_stream(*pair)) for name in reader_inputs},
    "read-any": Target(
        st.tuples(st.sampled_from(NAMES), st.one_of(st.binary(max_size=2000), gzip_bomb(), encoded())),
        lambda pair: check_stream(*pair),
    ),
    "clean": Target(
        st.tuples(text_with_huge_lines, st.one_of(st.none(), hostile_text), dates),
        lambda args: check_clean_and_dateline(*args),
    ),
    "dateline": Target(
        st.tuples(
            st.lists(wire_piece | st.text(any_char, max_size=6), max_size=8).map("".join), hostile_text, dates
        ),
        lambda args: check_dateline(*args),
    ),
    "timex": Target(st.tuples(text_with_huge_lines, dates), lambda args: check_times(*args)),
    "quote-marks": Target(text_with_huge_lines, check_quote_marks),
    "data-files": Target(
        st.sampled_from(sorted(DATA_LOADERS)).flatmap(
            lambda name: st.tuples(st.just(name), yaml_variant(DATA_LOADERS[name][0]))
        ),
        lambda pair: check_data_file(*pair),
    ),
    "quotes": Target(quoted_text, check_parsed, ("clean", "dateline", "nlp", "actors", "quotes")),
    "pipeline": Target(unicode_text, check_parsed, PARSED_STAGES),
}
"""Every fuzz target by name (``scripts/fuzz_long.py --list``)."""
