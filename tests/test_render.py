"""Listing formats: JSONL as the contract, CSV with every column, tables for reading."""

from __future__ import annotations

import csv
import io
import json

from eventwire.render import flatten, write_records

RECORDS = [
    {"event_id": "e1", "speaker": None, "evidence": {"sentence": 'A, "quoted"\nline', "start": 0}},
    {"event_id": "e2", "speaker": {"name": "Sergey Lavrov", "code": "RUSGOV"}, "evidence": None},
]


def test_flatten_uses_dotted_names_and_json_for_lists() -> None:
    assert flatten({"a": {"b": {"c": 1}}, "tags": ["x", "y"]}) == {"a.b.c": 1, "tags": '["x", "y"]'}


def test_jsonl_is_one_record_per_line_unchanged() -> None:
    stream = io.StringIO()
    assert write_records(RECORDS, "jsonl", stream) == 2
    assert [json.loads(line) for line in stream.getvalue().splitlines()] == RECORDS


def test_csv_header_is_the_union_of_all_records_columns() -> None:
    stream = io.StringIO()
    assert write_records(iter(RECORDS), "csv", stream) == 2
    rows = list(csv.DictReader(io.StringIO(stream.getvalue())))
    assert rows[1]["speaker.name"] == "Sergey Lavrov"  # absent from the first record
    assert rows[0]["evidence.sentence"] == 'A, "quoted"\nline'  # quoting survives commas and newlines
    assert rows[0]["speaker.name"] == ""


def test_empty_listings_write_nothing_to_csv_and_an_empty_table() -> None:
    stream = io.StringIO()
    assert write_records([], "csv", stream) == 0 and stream.getvalue() == ""
    assert write_records([], "table", io.StringIO()) == 0


def test_tables_cut_long_cells() -> None:
    stream = io.StringIO()
    write_records([{"text": "x" * 500}], "table", stream)
    assert "…" in stream.getvalue() and "x" * 200 not in stream.getvalue()


def test_tables_show_square_brackets_literally() -> None:
    stream = io.StringIO()
    write_records([{"text": "the Islamic State [terrorist group] is [bold]here"}], "table", stream)
    assert "[terrorist group]" in stream.getvalue() and "[bold]" in stream.getvalue()
