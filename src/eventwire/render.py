"""Write records as JSONL, CSV or a terminal table: the CLI's three listing formats.

JSONL is the contract's shape, one object per line. CSV and tables flatten nested objects with
dotted column names (``source.code``), so spreadsheet users get one value per cell.
"""

from __future__ import annotations

import csv
import json
import tempfile
from collections.abc import Iterable, Sequence
from typing import Any, Literal, TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

OutputFormat = Literal["jsonl", "table", "csv"]

#: CSV rows are spooled in memory up to this size, then on disk.
SPOOL_BYTES = 8 * 1024 * 1024

#: Table cells longer than this are cut, so one long evidence sentence keeps the table readable.
MAX_CELL_CHARS = 80


def flatten(record: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """``{"source": {"code": "RUS"}}`` → ``{"source.code": "RUS"}``; lists become JSON text."""
    flat: dict[str, Any] = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, f"{name}."))
        elif isinstance(value, list):
            flat[name] = json.dumps(value, ensure_ascii=False)
        else:
            flat[name] = value
    return flat


def write_records(
    records: Iterable[dict[str, Any]],
    output_format: OutputFormat,
    stream: TextIO,
    *,
    table_columns: Sequence[str] | None = None,
) -> int:
    """Write ``records`` to ``stream``; returns how many were written.

    JSONL and CSV stream row by row (constant memory); a table is drawn once all rows are in.
    ``table_columns`` picks the flattened columns a table shows (all of them by default).
    """
    if output_format == "jsonl":
        count = 0
        for record in records:
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
        return count
    if output_format == "csv":
        return _write_csv(records, stream)
    return _write_table(records, stream, table_columns)


def _write_csv(records: Iterable[dict[str, Any]], stream: TextIO) -> int:
    """Two passes over a spooled copy: the header is the union of every record's columns.

    Taking the header from the first record would drop ``speaker.name`` for every row whenever
    the first event has no speaker; spooling keeps memory flat (large outputs go to disk).
    """
    columns: dict[str, None] = {}
    count = 0
    with tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES, mode="w+", encoding="utf-8") as spool:
        for record in records:
            flat = flatten(record)
            columns.update(dict.fromkeys(flat))
            spool.write(json.dumps(flat, ensure_ascii=False) + "\n")
            count += 1
        if not count:
            return 0
        spool.seek(0)
        writer = csv.DictWriter(stream, fieldnames=list(columns))
        writer.writeheader()
        for line in spool:
            writer.writerow(json.loads(line))
    return count


def _write_table(records: Iterable[dict[str, Any]], stream: TextIO, columns: Sequence[str] | None) -> int:
    rows = [flatten(record) for record in records]
    names = list(columns) if columns else (list(rows[0]) if rows else [])
    table = Table(*names, show_lines=False, expand=False)
    for row in rows:
        # Text, not str: rich would read "[terrorist group]" in a quote as markup and drop it.
        table.add_row(*(Text(_cell(row.get(name))) for name in names))
    Console(file=stream, width=200).print(table)
    return len(rows)


def _cell(value: Any) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= MAX_CELL_CHARS else text[: MAX_CELL_CHARS - 1] + "…"
