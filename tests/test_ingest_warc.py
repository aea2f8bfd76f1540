"""WARC reader: HTML responses become documents; everything else is skipped and counted."""

from __future__ import annotations

import gzip
from io import BytesIO
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventwire.bench.ingest import write_warc
from eventwire.errors import InputFailure
from eventwire.ingest import IngestStats, ReaderOptions, read_documents
from eventwire.model import RawDocument

from .conftest import FIXTURES

PAGE = (FIXTURES / "ingest" / "tass-page-2015-10-15.html").read_bytes()
NO_TEXT = (FIXTURES / "ingest" / "no-text.html").read_bytes()


def write_crawl(path: Path, compress: bool) -> None:
    """A small crawl: a page, its request, an image, a 404, an untyped page, an empty page."""
    with path.open("wb") as output:
        writer = WARCWriter(output, gzip=compress)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "eventwire tests"}))

        def response(
            url: str, body: bytes, status: str = "200 OK", content_type: str | None = "text/html"
        ) -> None:
            headers = [("Content-Type", content_type)] if content_type else []
            http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(url, "response", payload=BytesIO(body), http_headers=http)
            )

        request = StatusAndHeaders("GET /a HTTP/1.1", [("Host", "tass.com")], is_http_request=True)
        writer.write_record(
            writer.create_warc_record(
                "https://tass.com/a", "request", payload=BytesIO(b""), http_headers=request
            )
        )
        response("https://tass.com/a", PAGE)  # record 3
        response("https://tass.com/logo.png", b"\x89PNG\r\n\x1a\n", content_type="image/png")
        response("https://tass.com/gone", b"<html><body>Not found</body></html>", status="404 Not Found")
        response(
            "https://tass.com/untyped", PAGE.replace(b"Meshkov", b"Ryabkov"), content_type=None
        )  # record 6
        response("https://tass.com/login", NO_TEXT)  # record 7


@pytest.mark.parametrize("compress", [False, True])
def test_html_responses_become_documents_and_the_rest_is_counted(tmp_path: Path, compress: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if compress else "crawl.warc")
    write_crawl(path, compress)
    stats = IngestStats()
    items = list(read_documents([str(path)], stats=stats))
    documents = [item for item in items if isinstance(item, RawDocument)]
    failures = [item for item in items if isinstance(item, InputFailure)]
    assert [document.source_path for document in documents] == [f"{path}#record3", f"{path}#record6"]
    assert documents[0].url == "https://tass.com/a"
    assert documents[0].title.startswith("Russia and Turkey establishing ties")  # type: ignore[union-attr]
    assert "Meshkov said on Thursday" in documents[0].content and "Ryabkov" in documents[1].content
    assert [failure.source for failure in failures] == [f"{path}#record7"]
    assert "no article text" in failures[0].reason
    assert stats.skipped == {
        "WARC warcinfo record": 1,
        "WARC request record": 1,
        "WARC response that is not HTML": 1,
        "WARC response with HTTP status 404": 1,
    }


def test_truncated_warc_gz_keeps_earlier_records_and_names_the_damage(tmp_path: Path) -> None:
    whole = tmp_path / "whole.warc.gz"
    write_crawl(whole, compress=True)
    data = whole.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: int(len(data) * 0.8)])  # stops inside the last records
    after = tmp_path / "after.txt"
    after.write_text("LONDON (Reuters) - A story after the broken archive is read all the same.\n")
    items = list(read_documents([str(cut), str(after)]))
    documents = [item for item in items if isinstance(item, RawDocument)]
    failures = [item for item in items if isinstance(item, InputFailure)]
    assert documents[0].source_path == f"{cut}#record3"
    assert documents[-1].source_path == str(after)
    assert len(failures) == 1 and failures[0].source.startswith(f"{cut}#record")
    assert "truncated or corrupt gzip data" in failures[0].reason


def test_a_record_over_the_size_limit_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    write_crawl(path, compress=False)
    items = list(read_documents([str(path)], options=ReaderOptions(max_document_bytes=256)))
    failures = [item for item in items if isinstance(item, InputFailure)]
    reasons = {failure.source: failure.reason for failure in failures}
    assert reasons.keys() == {f"{path}#record3", f"{path}#record6", f"{path}#record7"}
    assert reasons[f"{path}#record3"] == "page is larger than the 256 bytes limit; refused"
    assert "limit" in reasons[f"{path}#record6"] and "no article text" in reasons[f"{path}#record7"]


def test_garbage_after_the_warc_magic_is_a_named_failure(tmp_path: Path) -> None:
    path = tmp_path / "bad.warc"
    path.write_bytes(b"WARC/1.0\r\nthis is not a header block\r\n\r\n")
    items = list(read_documents([str(path)]))
    assert len(items) == 1 and isinstance(items[0], InputFailure)
    assert items[0].source == f"{path}#record1"


def test_generated_archive_reads_every_page(tmp_path: Path) -> None:
    path = tmp_path / "bench.warc.gz"
    pages = write_warc(path, 200_000, compress=True)
    assert gzip.decompress(path.read_bytes()).startswith(b"WARC/1.0")
    stats = IngestStats()
    documents = [item for item in read_documents([str(path)], stats=stats) if isinstance(item, RawDocument)]
    assert len(documents) == pages > 0 and stats.failures == 0
