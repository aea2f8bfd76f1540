"""JSONL reader: field mapping, bad lines named file:line, the rest of the file read."""

from __future__ import annotations

from datetime import date

from eventwire.errors import InputFailure
from eventwire.ingest import ReaderOptions, read_documents
from eventwire.model import RawDocument

from .conftest import FIXTURES

INGEST = FIXTURES / "ingest"


def test_good_lines_are_read_and_bad_lines_named_by_line_number() -> None:
    items = list(read_documents([str(INGEST / "dump-2020-01-03.jsonl")]))
    by_line = {item.source_path if isinstance(item, RawDocument) else item.source: item for item in items}
    prefix = str(INGEST / "dump-2020-01-03.jsonl")
    assert sorted(int(name.rsplit(":", 1)[1]) for name in by_line) == [1, 3, 4, 5, 6, 7, 8]  # 2 is blank
    first = by_line[f"{prefix}:1"]
    assert isinstance(first, RawDocument)
    assert first.title == "Russia and Turkey" and first.url == "https://wire.example.org/1"
    assert first.published == date(2015, 10, 15) and first.published_basis == "metadata"
    assert first.date_hint == date(2020, 1, 3) and first.date_hint_basis == "filename"
    third = by_line[f"{prefix}:3"]
    assert isinstance(third, RawDocument) and third.published == date(2020, 1, 2)  # "date" field, RFC 822
    eighth = by_line[f"{prefix}:8"]
    assert isinstance(eighth, RawDocument) and eighth.published == date(2019, 7, 10)  # epoch seconds
    reasons = {
        name.rsplit(":", 1)[1]: item.reason
        for name, item in by_line.items()
        if isinstance(item, InputFailure)
    }
    assert "invalid JSON at column" in reasons["4"]
    assert "no text in field 'text'" in reasons["5"] and "--text-field" in reasons["5"]
    assert "field 'published'" in reasons["6"] and "last Thursday" in reasons["6"]
    assert "expected a JSON object" in reasons["7"]


def test_the_field_mapping_is_configurable() -> None:
    options = ReaderOptions(
        text_field="body", date_fields=("when",), title_field="headline", url_field="link"
    )
    (document,) = read_documents([str(INGEST / "custom-fields.jsonl")], options=options)
    assert isinstance(document, RawDocument)
    assert document.content.startswith("PARIS, Oct 15 (AFP)")
    assert document.title == "France condemns attack" and document.url == "https://wire.example.org/fr"
    assert document.published == date(2015, 10, 15)


def test_an_oversized_line_is_refused_and_the_next_line_read(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "dump.jsonl"
    path.write_text('{"text": "' + "x" * 5000 + '"}\n{"text": "a normal story"}\n')
    items = list(read_documents([str(path)], options=ReaderOptions(max_document_bytes=1000)))
    assert (
        isinstance(items[0], InputFailure) and items[0].source == f"{path}:1" and "limit" in items[0].reason
    )
    assert isinstance(items[1], RawDocument) and items[1].source_path == f"{path}:2"


def test_invalid_utf8_in_a_line_is_named(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "dump.jsonl"
    path.write_bytes(b'{"text": "ok story"}\n{"text": "caf\xe9"}\n')
    items = list(read_documents([str(path)]))
    assert isinstance(items[0], RawDocument)
    assert (
        isinstance(items[1], InputFailure) and items[1].source == f"{path}:2" and "UTF-8" in items[1].reason
    )


def test_a_byte_order_mark_before_the_first_line_is_ignored(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "dump.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"text": "first story"}\n{"text": "second story"}\n')
    items = list(read_documents([str(path)]))
    assert [item.content for item in items] == ["first story", "second story"]  # type: ignore[union-attr]
