"""Fuzzed inputs: readers, cleanup, datelines, times, quotes and the whole pipeline.

Each property test runs one target of ``tests/fuzzing.py`` under the hypothesis profile (``ci``:
a bounded number of examples, the same on every run). The contract: any input becomes documents,
articles or *named* failures; nothing raises out of a batch. The explicit tests after them pin
the crashes the fuzzers found, so they stay fixed.
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import os
import zlib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.config import Settings
from eventwire.errors import InputFailure
from eventwire.ingest import read_documents, read_stream
from eventwire.model import RawDocument
from eventwire.pipeline import Pipeline
from eventwire.runner import run
from eventwire.store import SQLiteStore, open_store

from .fuzzing import SMALL_LIMITS as SMALL
from .fuzzing import TARGETS, any_input, check_stream, reader_inputs
from .hypothesis_profiles import examples


def fuzz(name: str, value: Any) -> None:
    TARGETS[name].check(value)


@given(TARGETS["read-text"].strategy)
def test_text_reader_survives_any_bytes(value: tuple[str, bytes]) -> None:
    fuzz("read-text", value)


@examples(0.5)
@given(TARGETS["read-html"].strategy)
def test_html_reader_survives_deep_broken_markup(value: tuple[str, bytes]) -> None:
    fuzz("read-html", value)


@given(TARGETS["read-feed"].strategy)
def test_feed_reader_survives_hostile_feeds(value: tuple[str, bytes]) -> None:
    fuzz("read-feed", value)


@given(TARGETS["read-jsonl"].strategy)
def test_jsonl_reader_survives_any_lines(value: tuple[str, bytes]) -> None:
    fuzz("read-jsonl", value)


@examples(0.5)
@given(TARGETS["read-warc"].strategy)
def test_warc_reader_survives_lying_records(value: tuple[str, bytes]) -> None:
    fuzz("read-warc", value)


@given(TARGETS["read-any"].strategy)
def test_sniffing_any_bytes_under_any_name(value: tuple[str, bytes]) -> None:
    fuzz("read-any", value)


@given(TARGETS["clean"].strategy)
def test_cleanup_and_dateline_stage_survive_any_text(value: Any) -> None:
    fuzz("clean", value)


@given(TARGETS["dateline"].strategy)
def test_dateline_parser_survives_any_line(value: Any) -> None:
    fuzz("dateline", value)


@given(TARGETS["timex"].strategy)
def test_time_tagger_survives_any_text_and_anchor(value: Any) -> None:
    fuzz("timex", value)


@given(TARGETS["quote-marks"].strategy)
def test_quote_mark_pairing_survives_any_text(value: str) -> None:
    fuzz("quote-marks", value)


@pytest.fixture(scope="session")
def quote_stages(nlp: object) -> list[Any]:
    return Pipeline(Settings(stages=TARGETS["quotes"].stages)).stages


@pytest.fixture(scope="session")
def parsed_stages(nlp: object) -> list[Any]:
    return Pipeline(Settings(stages=TARGETS["pipeline"].stages)).stages


@pytest.mark.slow
@examples(0.5)
@given(TARGETS["quotes"].strategy)
def test_quote_finder_survives_any_parsed_text(quote_stages: list[Any], value: str) -> None:
    TARGETS["quotes"].check(value, quote_stages)


@pytest.mark.slow
@examples(0.5)
@given(TARGETS["pipeline"].strategy)
def test_every_stage_survives_any_parsed_text(parsed_stages: list[Any], value: str) -> None:
    TARGETS["pipeline"].check(value, parsed_stages)


@examples(0.25)
@given(st.lists(st.one_of(*(any_input(name, bombs=False) for name in reader_inputs)), max_size=4))
def test_no_input_stops_a_run(
    tmp_path_factory: pytest.TempPathFactory, inputs: list[tuple[str, bytes]]
) -> None:
    """A folder of hostile files through ``runner.run``: every input ends stored or reported.

    (Bombs are left to the reader tests: at the real limits a bomb of tiny JSONL lines is
    millions of legitimate documents, which is slow, not wrong.)"""
    folder = tmp_path_factory.mktemp("inputs")
    for number, (name, data) in enumerate(inputs):
        (folder / f"{number}-{Path(name).name.encode('utf-8', 'replace').decode()}").write_bytes(data)
    settings = Settings(stages=("clean", "dateline", "language"))
    with SQLiteStore(tmp_path_factory.mktemp("store") / "store.db") as store:
        summary = run([str(folder)], store, settings, reader_options=SMALL)
        assert all(failure.source.startswith(str(folder)) for failure in summary.failures)
        assert store.counts()["articles"] == summary.stored
        assert store.connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


# -- crashes the fuzzers found, pinned -------------------------------------------------------------


def read(data: bytes, name: str = "dump.jsonl") -> list[RawDocument | InputFailure]:
    return check_stream(name, data, SMALL)


@pytest.mark.parametrize(
    "bad_line",
    [
        b'{"text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",  # RecursionError in json
        b'{"text": "x", "published": ' + b"9" * 5000 + b"}",  # int digits limit (ValueError)
    ],
    ids=["deep-nesting", "huge-number"],
)
def test_a_pathological_jsonl_line_fails_alone_and_the_dump_goes_on(bad_line: bytes) -> None:
    items = read(b'{"text": "first story"}\n' + bad_line + b'\n{"text": "last story"}\n')
    assert [type(item) for item in items] == [RawDocument, InputFailure, RawDocument]
    assert items[1].source == "dump.jsonl:2"


@pytest.mark.parametrize("escape", ["\\ud800", "\\udfff", "\\udc00\\ud800"])
def test_lone_surrogates_in_jsonl_are_a_named_failure_not_a_crash(escape: str) -> None:
    line = json.dumps({"text": "Russia said on Thursday"}).replace("Thursday", f"Thurs{escape}day")
    items = read(f'{line}\n{{"text": "next story"}}\n'.encode())
    assert isinstance(items[0], InputFailure) and "surrogate" in items[0].reason
    assert isinstance(items[1], RawDocument)


def test_nul_and_control_characters_never_reach_the_store() -> None:
    line = json.dumps({"text": "Russia\u0000 said\u0007 on\u001b Thursday", "title": "T\u0000itle"})
    [document] = read(line.encode() + b"\n")
    assert isinstance(document, RawDocument)
    assert document.content == "Russia said on Thursday" and document.title == "Title"


def test_a_real_size_gzip_bomb_is_refused_by_ratio_without_inflating_it_all() -> None:
    """256 MiB of one JSONL line in 250 KiB: the shipped limits stop it at the 64 MiB floor."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = b" " * (1 << 20)
    parts = [compressor.compress(b'{"text": "')] + [compressor.compress(block) for _ in range(256)]
    bomb = b"".join(parts) + compressor.flush()
    assert len(bomb) < 300_000
    [failure] = list(read_stream("bomb.jsonl.gz", io.BytesIO(bomb), size=len(bomb)))  # shipped limits
    assert isinstance(failure, InputFailure) and "decompression bomb" in failure.reason


def test_feed_entities_are_never_resolved() -> None:
    feed = (
        b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/hostname">'
        b'<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b"<rss version='2.0'><channel><item><title>&xxe;&b;</title>"
        b"<description>Russia and Turkey held talks on Thursday in Moscow.</description></item>"
        b"</channel></rss>"
    )
    hostname = Path("/etc/hostname").read_text().strip() if Path("/etc/hostname").exists() else "\x00"
    for item in check_stream("feed.xml", feed):
        if isinstance(item, RawDocument):
            assert hostname not in (item.title or "") + item.content and "aaaaaaaaaa" not in (
                item.title or ""
            )


def test_deep_html_is_a_document_or_a_named_failure() -> None:
    page = (
        b"<html><body>" + b"<div>" * 50_000 + b"<p>Russia and Turkey held talks on Thursday.</p>" + b"</body>"
    )
    [item] = check_stream("page.html", page)
    assert isinstance(item, RawDocument | InputFailure)


def test_files_on_disk_go_through_the_same_contract(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text("Russia and Turkey held talks on Thursday.", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "bomb.gz").write_bytes(gzip.compress(b"\x00" * (4 << 20)))
    items = list(read_documents([str(tmp_path)], options=SMALL))
    assert sum(isinstance(item, RawDocument) for item in items) == 1
    assert {Path(item.source).name for item in items if isinstance(item, InputFailure)} == {
        "binary.txt",
        "bomb.gz",
    }


def test_stdin_bytes_are_bounded_like_files() -> None:
    stream = io.BytesIO(gzip.compress(b"x" * (3 << 20)))
    [failure] = list(read_stream("<stdin>", stream, options=SMALL))
    assert isinstance(failure, InputFailure) and "decompression bomb" in failure.reason


def test_hostile_characters_are_stored_on_every_backend(store_url: str, tmp_path: Path) -> None:
    """NUL, escape sequences, bidi overrides, BOMs and emoji in every field, on both stores
    (PostgreSQL refuses NUL in text: the readers drop it before it gets there)."""
    hostile = "\u0000\u001b[31m\u202eRTL\u202c\ufeff\U0001f600\u200b\u0007"
    records = [
        {"text": f"Russia{hostile} and Turkey held talks {n} on Thursday.", "title": f"T{hostile}{n}"}
        for n in range(3)
    ]
    dump = tmp_path / "hostile.jsonl"
    dump.write_text("\n".join(json.dumps(record) for record in records) + "\n", encoding="utf-8")
    with open_store(store_url) as store:
        summary = run([str(dump)], store, Settings(stages=("clean", "dateline", "language")))
        assert not summary.failures and summary.stored == 3
        titles = sorted(record["title"] for record in store.article_records())
    expected = [f"T[31m\u202eRTL\u202c\ufeff\U0001f600\u200b{n}" for n in range(3)]  # ESC, NUL, BEL gone
    assert titles == expected


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\xff\xfeMOSCOW, October 15.", "not valid utf-16"),  # a BOM over an odd number of bytes
        (codecs.BOM_UTF8, "empty input"),  # only a byte-order mark
        (codecs.BOM_UTF16_LE + " \n".encode("utf-16-le"), "empty input"),
    ],
)
def test_text_that_lies_about_its_encoding_is_a_named_failure(data: bytes, reason: str) -> None:
    [failure] = check_stream("story.txt", data)
    assert isinstance(failure, InputFailure) and reason in failure.reason


def test_a_first_line_nested_past_the_parser_limit_is_sniffed_without_crashing() -> None:
    items = check_stream("story.txt", b"{" + b"[" * 100_000 + b"\nRussia and Turkey held talks.\n")
    assert all(isinstance(item, RawDocument | InputFailure) for item in items)


@pytest.mark.parametrize("value", ["1e400", "-1e300", "99999999999999999999999"])
def test_an_epoch_beyond_the_calendar_fails_its_line_only(value: str) -> None:
    items = read(f'{{"text": "a story", "published": {value}}}\n{{"text": "next story"}}\n'.encode())
    assert isinstance(items[0], InputFailure) and "not a date" in items[0].reason
    assert isinstance(items[1], RawDocument)


def test_a_file_name_that_is_not_utf8_is_read_and_named_printably(tmp_path: Path) -> None:
    (tmp_path / "inputs").mkdir()
    folder = os.fsencode(tmp_path / "inputs")
    with open(os.path.join(folder, b"caf\xe9-2015-10-15.txt"), "wb") as file:
        file.write(b"MOSCOW, October 15. /TASS/. Russia and Turkey held talks on Thursday.")
    with open(os.path.join(folder, b"bin\xff.txt"), "wb") as file:
        file.write(bytes(range(256)))
    with SQLiteStore(tmp_path / "store.db") as store:
        summary = run([str(tmp_path / "inputs")], store, Settings(stages=("clean", "dateline", "language")))
        [article] = store.article_records()
    assert article["source_path"].endswith("caf\\xe9-2015-10-15.txt")
    assert article["published"] == "2015-10-15"
    [failure] = summary.failures
    assert failure.source.endswith("bin\\xff.txt")


def test_markup_that_trips_the_extractors_libraries_is_a_named_failure() -> None:
    """htmldate (under trafilatura) makes lxml assert on a script that is the root's only child."""
    [failure] = check_stream("page.html", b"<body><html><script>x</script></html></body>")
    assert isinstance(failure, InputFailure) and "cannot parse" in failure.reason


@pytest.mark.parametrize(
    "archive",
    [
        b"WARC/1.0\nWARC-Type:response",  # a response without WARC-Target-URI
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://a\r\n"
        b"Content-Length: 99999999999999999999\r\n\r\nxx",
    ],
    ids=["no-target-uri", "huge-content-length"],
)
def test_warc_headers_warcio_trips_over_are_a_named_failure(archive: bytes) -> None:
    [failure] = check_stream("crawl.warc", archive)
    assert isinstance(failure, InputFailure) and failure.source == "crawl.warc#record1"
    assert "malformed WARC headers" in failure.reason
