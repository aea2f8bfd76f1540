"""Ingest dispatcher: sniffing, folders, stdin, encodings, size limits and damaged gzip."""

from __future__ import annotations

import gzip
import io
import json
import sys
from datetime import date
from pathlib import Path

import pytest

from eventwire.errors import InputFailure
from eventwire.ingest import IngestStats, ReaderOptions, read_documents, read_stream
from eventwire.ingest.dates import parse_date_value
from eventwire.ingest.sniff import sniff_format
from eventwire.ingest.text import date_from_filename, decode_text
from eventwire.model import RawDocument

from .conftest import FIXTURES

INGEST = FIXTURES / "ingest"
STORY = (
    "LONDON (Reuters) - Britain said on Thursday it would send more troops to the region, "
    "officials said, after talks with allies in Brussels.\n"
)


def read(*paths: Path | str, **kwargs: object) -> tuple[list[RawDocument], list[InputFailure]]:
    items = list(read_documents([str(path) for path in paths], **kwargs))  # type: ignore[arg-type]
    return (
        [item for item in items if isinstance(item, RawDocument)],
        [item for item in items if isinstance(item, InputFailure)],
    )


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("crawl.warc", b"WARC/1.0\r\nWARC-Type: warcinfo", "warc"),
        ("feed.xml", b'<?xml version="1.0"?>\n<rss version="2.0"><channel>', "feed"),
        ("feed.xml", b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
        ("page.txt", b"<!DOCTYPE html><html><head>", "html"),  # content beats the name
        ("page.html", b"<p>just a fragment</p>", "html"),  # the name decides when content cannot
        ("dump.txt", b'{"text": "a story"}\n{"text": "another"}\n', "jsonl"),
        ("story.jsonl", b"{broken first line\n", "jsonl"),
        ("story.txt", b"MOSCOW, October 15. /TASS/. Russia", "text"),
        ("notes", b"{ braces in prose are not JSON }\n", "text"),
        ("page.xml", b"<?xml version='1.0'?><html><body>", "html"),
    ],
)
def test_format_is_sniffed_from_content_then_name(name: str, head: bytes, expected: str) -> None:
    assert sniff_format(name, head) == expected


def test_a_folder_is_read_recursively_in_a_stable_order_skipping_assets(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(STORY)
    (tmp_path / "a.txt").write_text(STORY.replace("Thursday", "Friday"))
    (tmp_path / "b" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.txt").write_text(STORY)
    stats = IngestStats()
    documents, failures = read(tmp_path, stats=stats)
    assert [Path(document.source_path).name for document in documents] == ["a.txt", "2.txt"]
    assert not failures
    assert stats.documents == 2 and stats.skipped == {"page asset (.png)": 1}


def test_stdin_is_read_and_sniffed(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = b'{"text": "first story"}\n{"text": "second story"}\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(lines)))
    documents, failures = read("-")
    assert [document.source_path for document in documents] == ["<stdin>:1", "<stdin>:2"]
    assert not failures


def test_missing_input_is_a_named_failure_and_the_rest_goes_on(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY)
    documents, failures = read(tmp_path / "missing.txt", story)
    assert len(documents) == 1
    assert failures[0].source.endswith("missing.txt") and "no such file" in failures[0].reason


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        ("tass-ru-cp1251.txt", "Министр иностранных дел России Сергей Лавров"),
        ("afp-latin1.txt", "French President François Hollande"),
    ],
)
def test_legacy_encodings_are_detected(fixture: str, expected: str) -> None:
    documents, failures = read(INGEST / fixture)
    assert not failures
    assert expected in documents[0].content
    assert "Muñoz" in documents[0].content or fixture.endswith("cp1251.txt")


def test_utf8_is_tried_first_and_never_misread_as_a_code_page() -> None:
    text = "Zürich — “quoted” São Paulo, Москва"
    assert decode_text(text.encode("utf-8")) == text
    assert decode_text(b"\xef\xbb\xbf" + text.encode("utf-8")) == text
    assert decode_text(text.encode("utf-16")) == text


@pytest.mark.parametrize(
    ("data", "reason"),
    [(b"", "empty input"), (b"   \n", "empty input"), (b"\x00\x01BINARY\x00\x00", "binary")],
)
def test_non_text_is_refused_with_a_reason(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    documents, failures = read(path)
    assert not documents and reason in failures[0].reason


def test_file_name_date_is_the_hint_before_published(tmp_path: Path) -> None:
    dated, undated = tmp_path / "tass-2015-10-15.txt", tmp_path / "story.txt"
    dated.write_text(STORY)
    undated.write_text(STORY.replace("Britain", "France"))
    documents, _ = read(dated, undated, published=date(2020, 1, 1))
    assert [(d.date_hint, d.date_hint_basis) for d in documents] == [
        (date(2015, 10, 15), "filename"),
        (date(2020, 1, 1), "cli"),
    ]
    assert date_from_filename("20151015_story.txt") == date(2015, 10, 15)
    assert date_from_filename("story-2015-13-45.txt") is None


def test_gzip_input_is_inflated_and_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl.gz"
    path.write_bytes(gzip.compress(b'{"text": "one story"}\n{"text": "two stories"}\n'))
    documents, failures = read(path)
    assert [document.source_path for document in documents] == [f"{path}:1", f"{path}:2"]
    assert not failures


def test_truncated_gzip_keeps_what_was_read_and_names_the_damage(tmp_path: Path) -> None:
    lines = b"".join(
        json.dumps({"text": f"story number {index} " * 20}).encode() + b"\n" for index in range(200)
    )
    compressed = gzip.compress(lines)
    path = tmp_path / "dump.jsonl.gz"
    path.write_bytes(compressed[: len(compressed) // 2])
    after = tmp_path / "after.txt"
    after.write_text(STORY)
    documents, failures = read(path, after)
    assert 0 < len([d for d in documents if d.source_path.startswith(str(path))]) < 200
    assert documents[-1].source_path == str(after)  # the batch goes on
    assert failures[-1].source == str(path) and "truncated or corrupt gzip" in failures[-1].reason


def test_not_gzip_after_the_magic_bytes_is_a_named_failure(tmp_path: Path) -> None:
    path = tmp_path / "fake.txt.gz"
    path.write_bytes(b"\x1f\x8bnot really gzip at all")
    documents, failures = read(path)
    assert not documents and "gzip" in failures[0].reason


def test_a_stream_inflating_past_the_absolute_cap_is_a_bomb() -> None:
    # stdin has no file size, so only the absolute cap guards it; blank JSONL lines cost nothing.
    stream = io.BytesIO(gzip.compress(b"\n" * (4 * 1024 * 1024)))
    items = list(read_stream("<stdin>", stream, options=ReaderOptions(max_inflated_bytes=1024 * 1024)))
    assert len(items) == 1 and isinstance(items[0], InputFailure)
    assert "decompression bomb" in items[0].reason


def test_inflation_past_ratio_times_file_size_is_a_bomb(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("eventwire.ingest.limits.BOMB_FLOOR_BYTES", 1024)
    data = gzip.compress(b"x" * (2 * 1024 * 1024))
    items = list(read_stream("bomb.txt.gz", io.BytesIO(data), size=len(data)))
    assert len(items) == 1 and "decompression bomb" in items[0].reason  # type: ignore[union-attr]


def test_a_document_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    big, small = tmp_path / "big.txt", tmp_path / "small.txt"
    big.write_text(STORY * 100)
    small.write_text(STORY)
    documents, failures = read(big, small, options=ReaderOptions(max_document_bytes=1024))
    assert [Path(d.source_path).name for d in documents] == ["small.txt"]
    assert failures[0].source == str(big) and "limit" in failures[0].reason


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2015-10-15", date(2015, 10, 15)),
        ("2015-10-15T23:30:00+03:00", date(2015, 10, 15)),
        ("2015-10-15T10:00:00Z", date(2015, 10, 15)),
        ("Thu, 15 Oct 2015 10:00:00 GMT", date(2015, 10, 15)),
        (1444903200, date(2015, 10, 15)),
        (1444903200000, date(2015, 10, 15)),
    ],
)
def test_container_dates_are_parsed(value: object, expected: date) -> None:
    assert parse_date_value(value) == expected


@pytest.mark.parametrize("value", ["", "last Thursday", "2015-13-45", None, True, ["2015-10-15"]])
def test_unreadable_dates_raise(value: object) -> None:
    with pytest.raises(ValueError, match="not a date"):
        parse_date_value(value)


def test_a_truncated_single_article_is_refused_not_processed_in_half(tmp_path: Path) -> None:
    compressed = gzip.compress((STORY * 400).encode())
    path = tmp_path / "story.txt.gz"
    path.write_bytes(compressed[: len(compressed) // 2])
    documents, failures = read(path)
    assert not documents
    assert len(failures) == 1 and "truncated or corrupt gzip" in failures[0].reason
