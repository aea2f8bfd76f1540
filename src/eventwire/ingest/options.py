"""What a caller can tell the readers, and what the readers tell back (counts of skips)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from eventwire.ingest.limits import DEFAULT_MAX_COMPRESSION_RATIO, DEFAULT_MAX_DOCUMENT_BYTES

GIB = 1024**3
#: JSONL fields tried for the publication date when ``--date-field`` is not given.
DEFAULT_DATE_FIELDS = ("published", "date")


@dataclass(slots=True, frozen=True)
class ReaderOptions:
    """Reader settings; the JSONL field mapping is what ``eventwire run --text-field`` etc. set.

    JSONL field mapping: ``text_field`` holds the article body (required on every line),
    ``date_fields`` are tried in order for the publication date (ISO 8601, RFC 822 or epoch
    seconds), ``title_field`` and ``url_field`` are optional.
    """

    text_field: str = "text"
    date_fields: tuple[str, ...] = DEFAULT_DATE_FIELDS
    title_field: str = "title"
    url_field: str = "url"
    max_document_bytes: int = DEFAULT_MAX_DOCUMENT_BYTES
    """Largest single document (file, page, feed item, JSONL line, WARC record body)."""
    max_compression_ratio: float = DEFAULT_MAX_COMPRESSION_RATIO
    """gzip input inflating more than this many times its compressed size is a bomb."""
    max_inflated_bytes: int = 64 * GIB
    """Cap on what gzip input of unknown size (stdin) may inflate to; files use the ratio."""


@dataclass(slots=True)
class IngestStats:
    """Counts for the run summary: documents read, failures, and inputs skipped on purpose."""

    documents: int = 0
    failures: int = 0
    skipped: Counter[str] = field(default_factory=Counter)

    def skip(self, reason: str) -> None:
        self.skipped[reason] += 1
