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
from eventwire.dedup import DuplicateIndex
from eventwire.errors import InputFailure
from eventwire.ingest import IngestStats, ReaderOptions, read_documents
from eventwire.model import RawDocument
from eventwire.parallel import DocumentProcessor, ParallelPipeline
from eventwire.pipeline import Outcome, Pipeline
from eventwire.store import Store


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
    duplicates: int = 0
    """Stored with ``duplicate_of`` set: near-copies of an earlier article (see ``dedup``)."""
    ingest: IngestStats = field(default_factory=IngestStats)
    """What the readers saw, including records skipped on purpose (non-HTML WARC responses)."""

    @property
    def seen(self) -> int:
        return self.stored + self.already_stored + len(self.failures)


#: Stored articles between two cluster refreshes (each refresh is exact and incremental).
CLUSTER_EVERY = 500

ProgressCallback = Callable[[RunSummary, str], None]


def run(
    paths: Iterable[str],
    store: Store,
    settings: Settings | None = None,
    *,
    pipeline: DocumentProcessor | None = None,
    workers: int = 1,
    on_progress: ProgressCallback | None = None,
    on_failure: Callable[[InputFailure], None] | None = None,
    reader_options: ReaderOptions | None = None,
) -> RunSummary:
    """Process every input under ``paths`` into ``store`` and return what happened.

    ``workers`` > 1 processes on that many worker processes (:mod:`eventwire.parallel`) while
    this process reads, skips stored articles and stores; the store ends up the same.
    ``on_failure`` is called for each failed input as it happens (the CLI prints it on stderr);
    failures never stop the run.
    """
    settings = settings or Settings()
    if pipeline is None:
        pipeline = ParallelPipeline(settings, workers) if workers > 1 else Pipeline(settings)
    summary = RunSummary()

    def new_documents() -> Iterator[RawDocument | InputFailure]:
        documents = read_documents(
            paths, published=settings.published, options=reader_options, stats=summary.ingest
        )
        for document in documents:
            if isinstance(document, RawDocument) and store.has_article(document.article_id):
                summary.already_stored += 1
                if on_progress:
                    on_progress(summary, document.source_path)
                continue
            yield document

    store_outcomes(pipeline.process(new_documents()), store, summary, on_progress, on_failure)
    return summary


def store_outcomes(
    outcomes: Iterable[Outcome],
    store: Store,
    summary: RunSummary,
    on_progress: ProgressCallback | None = None,
    on_failure: Callable[[InputFailure], None] | None = None,
) -> None:
    """The single writer: store processed articles in order, marking near-duplicates.

    Shared by every engine (one process, a worker pool, Dask): outcomes arrive in input order,
    so the earliest copy of a story is the one the others point at, whoever processed them.
    Cross-article event clusters are brought up to date every :data:`CLUSTER_EVERY` stored
    articles and once all outcomes are stored: a refresh holds its new events in memory, so
    refreshing as the run goes keeps memory flat in the corpus size.
    """
    duplicates = DuplicateIndex.from_signatures(store.minhashes())
    for outcome in outcomes:
        if outcome.failure:
            summary.failures.append(outcome.failure)
            if on_failure:
                on_failure(outcome.failure)
            if on_progress:
                on_progress(summary, outcome.failure.source)
            continue
        article = outcome.article
        assert article is not None
        article.duplicate_of = duplicates.check(article)
        if store.add_article(article, minhash=duplicates.signature(article)):
            duplicates.add(article)
            summary.stored += 1
            if summary.stored % CLUSTER_EVERY == 0:
                store.refresh_clusters()
            if article.duplicate_of:
                summary.duplicates += 1
            summary.events += len(article.events)
            summary.quotes += len(article.quotes)
            if article.skipped_reason:
                summary.skipped[article.skipped_reason] = summary.skipped.get(article.skipped_reason, 0) + 1
        else:
            summary.already_stored += 1  # the same text twice in one run
        if on_progress:
            on_progress(summary, article.source_path)
    # One pass over the new events (see store/clusters.py); it also picks up what an
    # interrupted earlier run stored but never clustered.
    store.refresh_clusters()
