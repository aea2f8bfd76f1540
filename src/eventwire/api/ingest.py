"""``POST /api/articles``: run a posted text or HTML page through the pipeline into the store.

The same path as ``eventwire run``: the body is read by the ingest readers (which sniff text,
HTML, feeds, JSONL), articles already stored are skipped before any NLP, and the rest go through
:func:`eventwire.runner.store_outcomes`, which marks near-duplicates and refreshes clusters. The
pipeline (the spaCy model) is loaded on the first write, not at start-up, so a read-only
dashboard starts in a second. Writes are serialised: one pipeline, one writer at a time.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from eventwire.errors import InputFailure
from eventwire.ingest import read_stream
from eventwire.model import Article, RawDocument
from eventwire.parallel import DocumentProcessor
from eventwire.pipeline import Outcome
from eventwire.runner import RunSummary, store_outcomes
from eventwire.store import Store, open_store

#: Upload names by media type: the readers sniff the content, the name breaks ties.
UPLOAD_NAMES = {"text/html": "upload.html", "application/xhtml+xml": "upload.html"}
ACCEPTED_MEDIA_TYPES = ("text/plain", *UPLOAD_NAMES)


class Ingestor:
    """Stores posted documents in the store at ``db_url``, one request at a time."""

    def __init__(self, db_url: str, pipeline: DocumentProcessor | None = None) -> None:
        self.db_url = db_url
        self._pipeline = pipeline
        self._lock = threading.Lock()

    def ingest(self, body: bytes, media_type: str, published: date | None) -> dict[str, Any]:
        """Process ``body`` and store what it holds; the ``IngestResult`` record."""
        name = UPLOAD_NAMES.get(media_type, "upload.txt")
        documents = list(read_stream(name, io.BytesIO(body), size=len(body), published=published))
        failures = [document for document in documents if isinstance(document, InputFailure)]
        readable = [document for document in documents if isinstance(document, RawDocument)]
        with self._lock, open_store(self.db_url) as store:
            known = [document.article_id for document in readable if store.has_article(document.article_id)]
            fresh = [document for document in readable if document.article_id not in known]
            processed: list[Article] = []
            summary = RunSummary()
            if fresh:
                store_outcomes(_remember(self.pipeline().process(fresh), processed), store, summary)
            ids = dict.fromkeys([*known, *(article.article_id for article in processed)])
            articles = [_stored(store, article_id, stored=article_id not in known) for article_id in ids]
        return {
            "articles": articles,
            "failures": [
                {"source": failure.source, "reason": failure.reason}
                for failure in failures + summary.failures
            ],
        }

    def pipeline(self) -> DocumentProcessor:
        if self._pipeline is None:
            from eventwire.pipeline import Pipeline  # loads spaCy: only once something is posted

            self._pipeline = Pipeline()
        return self._pipeline


def _remember(outcomes: Iterable[Outcome], articles: list[Article]) -> Iterator[Outcome]:
    """Pass ``outcomes`` on, keeping each processed article (the runner stores and forgets)."""
    for outcome in outcomes:
        if outcome.article is not None:
            articles.append(outcome.article)
        yield outcome


def _stored(store: Store, article_id: str, *, stored: bool) -> dict[str, Any]:
    """The ``StoredArticle`` record of an article in ``store``."""
    detail = store.article_detail(article_id)
    assert detail is not None, article_id
    return {
        "article_id": article_id,
        "title": detail["title"],
        "stored": stored,
        "events": len(detail["events"]),
        "quotes": len(detail["quotes"]),
        "duplicate_of": detail["duplicate_of"],
        "href": f"/api/articles/{article_id}",
    }
