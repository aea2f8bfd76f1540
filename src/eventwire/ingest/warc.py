"""Reader for web archives (WARC, and WARC.gz through the guarded gzip stream).

warcio walks the archive record by record; only HTTP responses whose body is HTML become
documents (through the HTML reader), everything else (requests, metadata, images, scripts,
error pages) is skipped and counted. A record's body is read with a size cap, so one huge
record cannot fill memory, and the iterator streams past the rest of it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from eventwire.errors import InputError, InputFailure
from eventwire.ingest.dates import parse_date_value
from eventwire.ingest.html import read_html
from eventwire.ingest.limits import too_large
from eventwire.model import RawDocument

HTML_TYPES = ("text/html", "application/xhtml+xml")
HTML_SNIFF = (b"<!doctype html", b"<html")


def read_warc(
    name: str,
    stream: BinaryIO,
    hint: tuple[date | None, str | None],
    max_record_bytes: int,
    skip: Callable[[str], None],
) -> Iterator[RawDocument | InputFailure]:
    """Yield one document per HTML response (failures name ``crawl.warc.gz#record12``).

    ``skip`` is told why each non-article record was passed over (counted by the caller). The
    crawl date is the hint of last resort: it comes after publication, often by years.
    """
    number = 0
    try:
        for record in ArchiveIterator(stream, no_record_parse=False):
            number += 1
            source = f"{name}#record{number}"
            if not record.rec_type:
                yield InputFailure(source, "not a WARC record (no WARC-Type header)")
                continue
            if record.rec_type != "response" or record.http_headers is None:
                skip(f"WARC {record.rec_type} record")
                continue
            status = record.http_headers.get_statuscode() or "?"
            if not status.startswith("2"):
                skip(f"WARC response with HTTP status {status}")
                continue
            declared = record.http_headers.get_header("Content-Type", "").lower()
            if declared and not declared.startswith(HTML_TYPES):
                skip("WARC response that is not HTML")
                continue
            try:
                body = record.content_stream().read(max_record_bytes + 1)
            except InputError as exc:  # the gzip under the archive broke inside this record
                yield InputFailure(source, f"{exc.message}; the rest of the archive was not read")
                return
            if len(body) > max_record_bytes:
                yield InputFailure(source, too_large("page", max_record_bytes))
                continue
            if not declared and not body[:1024].lstrip().lower().startswith(HTML_SNIFF):
                skip("WARC response that is not HTML")
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            record_hint = (
                hint if hint[0] else (_crawl_date(record.rec_headers.get_header("WARC-Date")), "crawl")
            )
            try:
                yield from read_html(source, body, record_hint, url=url)
            except InputError as exc:
                yield InputFailure(source, exc.message, exc.code)
    except ArchiveLoadFailed as exc:
        reason = f"not a readable WARC record ({exc.msg})"
        yield InputFailure(f"{name}#record{number + 1}", f"{reason}; the rest of the archive was not read")
    except (AttributeError, OverflowError) as exc:  # warcio on a response without WARC-Target-URI,
        # or a Content-Length past any index: headers it does not check before using them
        reason = f"malformed WARC headers ({type(exc).__name__}: {exc})"
        yield InputFailure(f"{name}#record{number + 1}", f"{reason}; the rest of the archive was not read")
    except InputError as exc:  # damaged or oversized gzip under the archive
        yield InputFailure(
            f"{name}#record{number + 1}", f"{exc.message}; the rest of the archive was not read"
        )


def _crawl_date(value: str | None) -> date | None:
    try:
        return parse_date_value(value)
    except ValueError:
        return None
