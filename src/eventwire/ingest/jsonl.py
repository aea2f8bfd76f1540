"""Reader for JSONL dumps: one article per line, fields named by a mapping.

Dumps from scrapers, news APIs and datasets name their fields differently, so which field holds
the text, date, title and URL is configurable (``--text-field``, ``--date-field``,
``--title-field``, ``--url-field``; see :class:`~eventwire.ingest.options.ReaderOptions`). A bad line
(invalid JSON, no text, a date that is not a date, too large) is a failure named ``file:line``;
the lines after it are still read.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any, BinaryIO

from eventwire.errors import InputFailure
from eventwire.ingest.dates import parse_date_value
from eventwire.ingest.limits import readline_bounded, too_large
from eventwire.ingest.options import ReaderOptions
from eventwire.model import RawDocument


class BadLine(ValueError):
    """One JSONL line that cannot become a document; the message says why."""


def read_jsonl(
    name: str,
    stream: BinaryIO,
    hint: tuple[date | None, str | None],
    options: ReaderOptions,
) -> Iterator[RawDocument | InputFailure]:
    """Yield one document per non-blank line, or a failure naming ``dump.jsonl:17``."""
    max_line_bytes = options.max_document_bytes
    number = 0
    while True:
        line, fits = readline_bounded(stream, max_line_bytes)
        if not line and fits:
            return
        number += 1
        source = f"{name}:{number}"
        if not fits:
            yield InputFailure(source, too_large("line", max_line_bytes))
            continue
        if not line.strip():
            continue
        if number == 1:
            line = line.removeprefix(codecs.BOM_UTF8)  # json refuses a BOM; editors on Windows add one
        try:
            yield _document(source, _parse(line), hint, options)
        except BadLine as exc:
            yield InputFailure(source, str(exc))


def _parse(line: bytes) -> Mapping[str, Any]:
    try:
        record = json.loads(line)
    except UnicodeDecodeError as exc:
        raise BadLine(f"not valid UTF-8 at byte {exc.start}") from None
    except json.JSONDecodeError as exc:
        raise BadLine(f"invalid JSON at column {exc.colno}: {exc.msg}") from None
    except RecursionError:
        raise BadLine("JSON nested too deeply") from None
    except ValueError as exc:  # a number beyond Python's digit limit for int()
        raise BadLine(f"invalid JSON ({exc})") from None
    if not isinstance(record, dict):
        raise BadLine(f"expected a JSON object, got {type(record).__name__}")
    return record


def _document(
    source: str, record: Mapping[str, Any], hint: tuple[date | None, str | None], options: ReaderOptions
) -> RawDocument:
    text = record.get(options.text_field)
    if not isinstance(text, str) or not text.strip():
        present = ", ".join(sorted(record)[:8]) or "none"
        raise BadLine(
            f"no text in field '{options.text_field}' (fields present: {present}); see --text-field"
        )
    return RawDocument(
        source_path=source,
        content=text.replace("\r\n", "\n").replace("\r", "\n"),
        title=_optional_string(record, options.title_field),
        published=(published := _published(record, options.date_fields)),
        published_basis="metadata" if published else None,
        url=_optional_string(record, options.url_field),
        date_hint=hint[0],
        date_hint_basis=hint[1],
    )


def _published(record: Mapping[str, Any], date_fields: tuple[str, ...]) -> date | None:
    for field_name in date_fields:
        value = record.get(field_name)
        if value in (None, ""):
            continue
        try:
            return parse_date_value(value)
        except ValueError as exc:
            raise BadLine(f"field '{field_name}': {exc}; see --date-field") from None
    return None


def _optional_string(record: Mapping[str, Any], field_name: str) -> str | None:
    value = record.get(field_name)
    return value.strip() or None if isinstance(value, str) else None
