"""CSV and JSONL downloads of any listing, streamed from a store cursor.

JSONL lines are the records ``eventwire events --format jsonl`` prints for the same filters;
CSV flattens nested fields into dotted columns (``source.code``) like the CLI's CSV, with the
columns fixed by the listing's response model. Both are sent in batches as the cursor yields
rows, so a download of a million events holds one batch in memory. The stream owns its store
connection and closes it when it ends or the client goes away.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Literal, get_args

from fastapi.responses import StreamingResponse
from pydantic import BaseModel
from starlette.background import BackgroundTask

from eventwire.render import flatten
from eventwire.store import Store

DownloadFormat = Literal["csv", "jsonl"]
MEDIA_TYPES = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson; charset=utf-8"}
#: Records per chunk sent: large enough to amortise a send, small enough to start at once.
BATCH = 200

Records = Iterable[dict[str, Any]]


def csv_columns(model: type[BaseModel], prefix: str = "") -> list[str]:
    """The dotted CSV columns of a response model: every leaf field, nested models expanded.

    Taken from the model, not from the first record, so a listing whose first record has no
    speaker still has ``speaker.name`` columns for the records that do.
    """
    columns: list[str] = []
    for name, field in model.model_fields.items():
        nested = [kind for kind in (field.annotation, *get_args(field.annotation)) if _is_model(kind)]
        if nested:
            columns += csv_columns(nested[0], f"{prefix}{name}.")
        else:
            columns.append(f"{prefix}{name}")
    return columns


def _is_model(kind: object) -> bool:
    return isinstance(kind, type) and issubclass(kind, BaseModel)


def encode(records: Records, download_format: DownloadFormat, columns: list[str]) -> Iterator[bytes]:
    """``records`` as JSONL lines or CSV rows under ``columns``, in chunks of :data:`BATCH`."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore")
    if download_format == "csv":
        writer.writeheader()
    for count, record in enumerate(records, 1):
        if download_format == "jsonl":
            buffer.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            writer.writerow(flatten(record))
        if count % BATCH == 0:
            yield _drain(buffer)
    yield _drain(buffer)


def _drain(buffer: io.StringIO) -> bytes:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text.encode("utf-8")


def download(
    open_store: Callable[[], Store],
    records: Callable[[Store], Records],
    download_format: DownloadFormat,
    name: str,
    model: type[BaseModel],
) -> StreamingResponse:
    """A streamed attachment ``name.csv``/``name.jsonl`` of ``records(store)``, which are
    records of ``model`` (whose fields are the CSV columns).

    The store is opened here, before the response starts, so an unusable store is an error
    status rather than a truncated download. It is closed when the stream ends, and again (a
    no-op then) after the response, for a client that left before the first byte.
    """
    store = open_store()

    def stream() -> Iterator[bytes]:
        try:
            yield from encode(records(store), download_format, csv_columns(model))
        finally:
            store.close()

    return StreamingResponse(
        stream(),
        media_type=MEDIA_TYPES[download_format],
        headers={"Content-Disposition": f'attachment; filename="{name}.{download_format}"'},
        background=BackgroundTask(store.close),
    )
