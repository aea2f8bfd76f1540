"""The main job: stream inputs through the pipeline into a store.

This is what ``eventwire run`` calls. Inputs stream one document at a time; articles already in
the store (same content hash) are skipped before any NLP runs, so a re-run is cheap and adds
nothing; each article is stored in its own transaction as soon as it is processed, so an
interrupted run loses at most the batch in flight and never leaves half an article behind.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from eventwire.config import Settings
from eventwire.errors import InputFailure
from eventwire.ingest import read_documents
from eventwire.model import RawDocument
from eventwire.pipeline import Pipeline
from eventwire.store import SQLiteStore


@dataclass(slots=True)
class RunSummary:
    """What a run did, for the CLI's closing line and for scripts."""

    stored: int = 0
    already_stored: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    """Stored without NLP, by reason (not English, too long)."""
    events: int = 0
    quotes: int = 0
    failures: list[InputFailure] = field(default_factory=list)

    @property
    def seen(self) -> int:
        return self.stored + self.already_stored + len(self.failures)


ProgressCallback = Callable[[RunSummary, str], None]


def run(
    paths: Iterable[str],
    store: SQLiteStore,
    settings: Settings | None = None,
    *,
    pipeline: Pipeline | None = None,
    on_progress: ProgressCallback | None = None,
    on_failure: Callable[[InputFailure], None] | None = None,
) -> RunSummary:
    """Process every input under ``paths`` into ``store`` and return what happened.

    ``on_failure`` is called for each failed input as it happens (the CLI prints it on stderr);
    failures never stop the run.
    """
    settings = settings or Settings()
    pipeline = pipeline or Pipeline(settings)
    summary = RunSummary()

    def new_documents() -> Iterator[RawDocument | InputFailure]:
        for document in read_documents(paths, published=settings.published):
            if isinstance(document, RawDocument) and store.has_article(document.article_id):
                summary.already_stored += 1
                if on_progress:
                    on_progress(summary, document.source_path)
                continue
            yield document

    for outcome in pipeline.process(new_documents()):
        if outcome.failure:
            summary.failures.append(outcome.failure)
            if on_failure:
                on_failure(outcome.failure)
            if on_progress:
                on_progress(summary, outcome.failure.source)
            continue
        article = outcome.article
        assert article is not None
        if store.add_article(article):
            summary.stored += 1
            summary.events += len(article.events)
            summary.quotes += len(article.quotes)
            if article.skipped_reason:
                summary.skipped[article.skipped_reason] = summary.skipped.get(article.skipped_reason, 0) + 1
        else:
            summary.already_stored += 1  # the same text twice in one run
        if on_progress:
            on_progress(summary, article.source_path)
    return summary
