"""Ingest: turn paths (files, folders, ``-`` for stdin) into a stream of raw documents.

Inputs are expanded lazily and read one at a time, and containers (WARC, JSONL, feeds, gzip) are
streamed, so a folder of a million files or a 5 GB archive never sits in memory. The reader is
chosen by sniffing the first bytes (then the file name; see :mod:`eventwire.ingest.sniff`):

======== =========================================== =====================================
format   one document per                            failures are named
======== =========================================== =====================================
text     file (encoding detected, UTF-8 first)       ``story.txt``
html     page (trafilatura main text + metadata)     ``page.html``
feed     RSS/Atom item (content, else summary)       ``feed.xml#item3``
warc     HTTP response with an HTML body             ``crawl.warc.gz#record12``
jsonl    line (fields per :class:`ReaderOptions`)    ``dump.jsonl:17``
======== =========================================== =====================================

Any of them may be gzip-compressed. Every problem becomes an :class:`InputFailure` in the same
stream: the caller reports it and carries on with the rest. Date hints (for yearless datelines
and inputs without any date) come from the file name, then ``--published``; feeds prefer the
feed's own date, WARC records fall back to the crawl date.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import BinaryIO

from eventwire.errors import InputError, InputFailure
from eventwire.ingest.feed import read_feed
from eventwire.ingest.html import read_html
from eventwire.ingest.jsonl import read_jsonl
from eventwire.ingest.limits import CHUNK_BYTES, GZIP_MAGIC, InflateGuard, open_gzip, read_bounded
from eventwire.ingest.options import IngestStats, ReaderOptions
from eventwire.ingest.sniff import SNIFF_BYTES, sniff_format, strip_compression
from eventwire.ingest.text import date_from_filename, read_text
from eventwire.ingest.warc import read_warc
from eventwire.model import RawDocument

__all__ = ["STDIN_NAME", "IngestStats", "ReaderOptions", "iter_paths", "read_documents", "read_stream"]

STDIN_NAME = "-"
#: How stdin is named in source paths and error messages.
STDIN_SOURCE = "<stdin>"

#: Files that are never articles, skipped silently when walking a folder.
IGNORED_NAMES = frozenset({".DS_Store", "Thumbs.db", "desktop.ini"})
#: Page assets a browser's "save complete page" leaves beside the HTML: skipped (and counted)
#: when walking a folder; named explicitly, they are still tried and refused as binary.
ASSET_SUFFIXES = frozenset(
    {".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".ico", ".bmp", ".css", ".js", ".woff",
     ".woff2", ".ttf", ".otf", ".eot", ".mp3", ".mp4", ".webm", ".pdf", ".zip"}
)  # fmt: skip


def iter_paths(paths: Iterable[str], stats: IngestStats | None = None) -> Iterator[str | InputFailure]:
    """Expand inputs into file paths: folders recursively, in a reproducible (sorted) order.

    Folders are walked directory by directory, so a huge tree is never listed in memory at once.
    """
    for raw_path in paths:
        if raw_path == STDIN_NAME:
            yield STDIN_NAME
            continue
        path = Path(raw_path)
        if path.is_dir():
            yield from _walk(path, stats)
        elif path.is_file():
            yield str(path)
        elif path.exists():
            yield InputFailure(printable_path(raw_path), "not a regular file or folder")
        else:
            yield InputFailure(printable_path(raw_path), "no such file or folder")


def printable_path(path: str) -> str:
    """``path`` as documents and failures are named: a file name that is not valid UTF-8
    (``caf\\xe9.txt`` from a Latin-1 disk) keeps its bytes as escapes, so it can be printed
    and stored, while the file itself is still opened by its real name."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _walk(root: Path, stats: IngestStats | None) -> Iterator[str]:
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or name in IGNORED_NAMES:
                continue
            if Path(name).suffix.lower() in ASSET_SUFFIXES:
                if stats is not None:
                    stats.skip(f"page asset ({Path(name).suffix.lower()})")
                continue
            yield os.path.join(folder, name)


def read_documents(
    paths: Iterable[str],
    *,
    published: date | None = None,
    options: ReaderOptions | None = None,
    stats: IngestStats | None = None,
) -> Iterator[RawDocument | InputFailure]:
    """Yield every document found under ``paths``, or a failure naming the input and why.

    ``published`` is the user's date for inputs that carry none (``--published``); ``options``
    holds the JSONL field mapping and size limits; ``stats`` (optional) receives the counts.
    """
    options = options or ReaderOptions()
    stats = stats if stats is not None else IngestStats()
    for item in iter_paths(paths, stats):
        documents = [item] if isinstance(item, InputFailure) else _read_path(item, published, options, stats)
        for document in documents:
            if isinstance(document, InputFailure):
                stats.failures += 1
            else:
                stats.documents += 1
            yield document


def _read_path(
    path: str, published: date | None, options: ReaderOptions, stats: IngestStats
) -> Iterator[RawDocument | InputFailure]:
    if path == STDIN_NAME:
        yield from read_stream(
            STDIN_SOURCE, sys.stdin.buffer, published=published, options=options, stats=stats
        )
        return
    name = printable_path(path)
    try:
        stream = open(path, "rb", buffering=CHUNK_BYTES)  # noqa: SIM115 - closed below, after streaming
    except OSError as exc:
        yield InputFailure(name, f"cannot read: {exc.strerror or exc}")
        return
    with stream:
        size = os.fstat(stream.fileno()).st_size
        yield from read_stream(name, stream, size=size, published=published, options=options, stats=stats)


def read_stream(
    name: str,
    stream: BinaryIO,
    *,
    size: int | None = None,
    published: date | None = None,
    options: ReaderOptions | None = None,
    stats: IngestStats | None = None,
) -> Iterator[RawDocument | InputFailure]:
    """Read one input (a file, stdin, an upload) of any supported format, streaming.

    ``size`` is the input's size on disk, used by the decompression-bomb check; errors are
    yielded as failures named after ``name`` (or the item inside it), never raised.
    """
    options = options or ReaderOptions()
    stats = stats if stats is not None else IngestStats()
    try:
        for item in _dispatch(name, stream, size, published, options, stats):
            yield item if isinstance(item, InputFailure) else storable(item)
    except InputError as exc:
        yield InputFailure(name, exc.message, exc.code)
    except OSError as exc:
        yield InputFailure(name, f"cannot read: {exc.strerror or exc}")
    except Exception as exc:  # noqa: BLE001 - a library failing on one input must not stop the run
        yield InputFailure(name, f"unreadable input ({type(exc).__name__}: {exc})")


#: Control characters no article needs, removed from every document: NUL cannot be stored in
#: PostgreSQL text, and the others (escape sequences, bells) only confuse cleaning. Vertical tab
#: and form feed were line and page breaks; tab, newline and carriage return stay.
CONTROL_CHARACTERS = {code: None for code in (*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F)} | {
    0x0B: "\n",
    0x0C: "\n",
}


def storable(document: RawDocument) -> RawDocument | InputFailure:
    """``document`` with control characters removed from its strings, or a failure naming it when
    a string is not valid Unicode (a lone surrogate from a JSON ``\\ud800`` escape): text that
    cannot be encoded cannot be hashed or stored, and must not stop the run later."""
    for what in ("content", "title", "url", "author"):
        value = getattr(document, what)
        if value is None:
            continue
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            return InputFailure(
                document.source_path,
                f"{what} is not valid Unicode (lone surrogate U+{ord(value[exc.start]):04X} "
                f"at character {exc.start})",
            )
        setattr(document, what, value.translate(CONTROL_CHARACTERS))
    if not document.content.strip():
        return InputFailure(document.source_path, "no text left once control characters are removed")
    return document


def _dispatch(
    name: str,
    stream: BinaryIO,
    size: int | None,
    published: date | None,
    options: ReaderOptions,
    stats: IngestStats,
) -> Iterator[RawDocument | InputFailure]:
    buffered = _peekable(stream)
    inner_name = name
    guard: InflateGuard | None = None
    if buffered.peek(len(GZIP_MAGIC)).startswith(GZIP_MAGIC):
        buffered, guard = open_gzip(buffered, size, options.max_compression_ratio, options.max_inflated_bytes)
        inner_name = strip_compression(name)

    def check_damage() -> None:
        """Raise gzip damage that a parser took for a clean end of data."""
        if guard is not None and guard.unreported_error is not None:
            raise guard.unreported_error

    def whole(what: str) -> bytes:
        data = read_bounded(buffered, options.max_document_bytes, what)
        check_damage()  # a truncated single article is refused, not processed half
        return data

    file_date = date_from_filename(name)
    hint = (file_date, "filename") if file_date else (published, "cli") if published else (None, None)
    limit = options.max_document_bytes
    match sniff_format(inner_name, buffered.peek(SNIFF_BYTES)):
        case "warc":
            yield from read_warc(name, buffered, hint, limit, stats.skip)
        case "feed":
            yield from read_feed(name, buffered, hint, limit)
        case "jsonl":
            yield from read_jsonl(name, buffered, hint, options)
        case "html":
            yield from read_html(name, whole("page"), hint)
        case _:
            yield from read_text(name, whole("document"), hint)
    check_damage()


def _peekable(stream: BinaryIO) -> io.BufferedReader:
    if isinstance(stream, io.BufferedReader):
        return stream
    return io.BufferedReader(stream, CHUNK_BYTES)  # type: ignore[arg-type]
