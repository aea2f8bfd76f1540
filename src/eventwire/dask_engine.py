"""Run the pipeline on a Dask cluster (``eventwire run --engine dask``).

The input files are listed in the client and partitioned with ``dask.bag``; each partition is a
run of consecutive files that a worker reads, skips if already stored, and processes with the
pipeline it built once (:func:`eventwire.parallel.worker_pipeline`, cached per worker process).
A container file (JSONL dump, WARC) is read by one worker: split huge dumps into several files
to spread them.

Two outputs:

* a store (``--db``): partitions come back to the client *in input order*, at most
  ``WINDOW_PER_WORKER`` per worker at a time, and go through the same single writer as a local
  run (:func:`eventwire.runner.store_outcomes`), so the store holds exactly what a local run
  stores, near-duplicate marks included. Use PostgreSQL for a real cluster; a SQLite file works
  for a ``LocalCluster`` on one machine (the client writes it).
* Parquet files (``--output-dir``): each worker writes its partition as
  ``articles/part-NNNNN.parquet`` and ``events/part-NNNNN.parquet`` (:data:`ARTICLE_SCHEMA`,
  :data:`EVENT_SCHEMA`: the contract's article and event records, negated events included with
  ``negated = true``), so nothing large travels back to the client. ``duplicate_of`` is left
  empty there: marking near-duplicates needs every earlier article, which one partition lacks.

A worker that dies on a partition is retried by Dask on another worker; when the partition kills
workers repeatedly (``KilledWorker``) each of its files is reported as failed and the run goes on.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import dask
import pyarrow as pa
import pyarrow.parquet as pq
from dask import bag
from distributed import Client, KilledWorker, LocalCluster, as_completed

from eventwire.config import Settings
from eventwire.errors import InputFailure, StoreError, UsageError
from eventwire.ingest import STDIN_NAME, IngestStats, ReaderOptions, iter_paths, read_documents
from eventwire.model import RawDocument
from eventwire.parallel import stage_modules, worker_pipeline
from eventwire.pipeline import Outcome
from eventwire.runner import ProgressCallback, RunSummary, store_outcomes
from eventwire.store import Store, open_store

#: Partitions per worker to aim for: enough that a slow partition does not leave others idle.
PARTITIONS_PER_WORKER = 4
#: Most files in one partition (a partition's results are held in memory until stored).
MAX_FILES_PER_PARTITION = 256
#: Partitions in flight per worker while the client stores results in order.
WINDOW_PER_WORKER = 2


@dataclass(slots=True)
class PartitionResult:
    """What a worker sends back for one partition."""

    outcomes: list[Outcome] = field(default_factory=list)
    ingest: IngestStats = field(default_factory=IngestStats)
    already_stored: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    """Parquet output only: rows written per table (the outcomes stay on the worker)."""


@dataclass(frozen=True, slots=True)
class WorkerJob:
    """What every task needs besides its files (small: it travels with each task)."""

    settings: Settings
    options: ReaderOptions
    modules: tuple[str, ...]
    """Modules registering the configured stages (see :func:`eventwire.parallel.stage_modules`)."""
    store_url: str | None = None
    output_dir: str | None = None


_reader_stores: dict[str, Store | None] = {}


def _reader_store(url: str) -> Store | None:
    """The store at ``url`` opened read-only in this worker, or None where it cannot be reached.

    Only used to skip already-stored articles before NLP; a worker that cannot see the store
    (a SQLite file on another machine) processes everything and the writer skips instead.
    """
    if url not in _reader_stores:
        try:
            _reader_stores[url] = open_store(url, read_only=True)
        except StoreError:
            _reader_stores[url] = None
    return _reader_stores[url]


def process_partition(paths: Iterable[str], job: WorkerJob) -> PartitionResult:
    """Worker task: read, skip stored articles, and process one partition of input files."""
    result = PartitionResult()
    store = _reader_store(job.store_url) if job.store_url else None
    settings = job.settings

    def new_documents() -> Iterator[RawDocument | InputFailure]:
        for document in read_documents(
            paths, published=settings.published, options=job.options, stats=result.ingest
        ):
            if isinstance(document, RawDocument) and store and store.has_article(document.article_id):
                result.already_stored += 1
                continue
            yield document

    result.outcomes = list(worker_pipeline(settings, job.modules).process(new_documents()))
    return result


def write_partition(paths: Iterable[str], index: int, job: WorkerJob) -> PartitionResult:
    """Worker task: process one partition and write it as Parquet; only counts and failures return."""
    assert job.output_dir is not None
    result = process_partition(paths, job)
    articles = [outcome.article for outcome in result.outcomes if outcome.article]
    records = {
        "articles": [article.to_record() for article in articles],
        "events": [event.to_record(article.article_id) for article in articles for event in article.events],
    }
    for table, rows in records.items():
        _write_parquet(
            Path(job.output_dir) / table / f"part-{index:05d}.parquet", rows, PARQUET_SCHEMAS[table]
        )
        result.counts[table] = len(rows)
    result.counts["events_total"] = sum(len(article.events) for article in articles)
    result.outcomes = [outcome for outcome in result.outcomes if outcome.failure]
    return result


def run_dask(
    paths: Iterable[str],
    settings: Settings | None = None,
    *,
    store: Store | None = None,
    store_url: str | None = None,
    output_dir: Path | None = None,
    scheduler: str | None = None,
    workers: int = 2,
    reader_options: ReaderOptions | None = None,
    on_progress: ProgressCallback | None = None,
    on_failure: Callable[[InputFailure], None] | None = None,
) -> RunSummary:
    """Process ``paths`` on a Dask cluster into ``store`` or Parquet files under ``output_dir``.

    ``scheduler`` is the address of a running scheduler (``tcp://host:8786``); without one a
    ``LocalCluster`` of ``workers`` single-threaded worker processes is started for the run.
    ``store_url`` lets workers skip articles the store already holds before any NLP.
    """
    if (store is None) == (output_dir is None):
        raise UsageError("the dask engine writes either a store (--db) or Parquet files (--output-dir)")
    settings = settings or Settings()
    options = reader_options or ReaderOptions()
    summary = RunSummary()
    files: list[str] = []
    for item in iter_paths(paths, summary.ingest):
        if item == STDIN_NAME:
            raise UsageError("the dask engine reads files on its workers, not stdin ('-')")
        if isinstance(item, InputFailure):
            _report(summary, item, on_progress, on_failure)
        else:
            files.append(item)

    cluster = (
        None
        if scheduler
        else LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
    )
    with Client(scheduler or cluster) as client:
        try:
            worker_count = max(1, len(client.scheduler_info()["workers"]))
            size = min(
                MAX_FILES_PER_PARTITION,
                max(1, math.ceil(len(files) / (PARTITIONS_PER_WORKER * worker_count))),
            )
            chunks = [files[start : start + size] for start in range(0, len(files), size)]
            partitions = bag.from_sequence(files, partition_size=size).to_delayed() if files else []
            job = WorkerJob(
                settings,
                options,
                stage_modules(settings),
                store_url=store_url,
                output_dir=str(output_dir) if output_dir else None,
            )
            if output_dir is not None:
                _run_to_parquet(client, partitions, chunks, job, summary, on_progress, on_failure)
            else:
                assert store is not None
                results = _ordered(client, partitions, chunks, worker_count, job)
                store_outcomes(_merged(results, summary), store, summary, on_progress, on_failure)
        finally:
            if cluster is not None:
                cluster.close()
    return summary


def _ordered(
    client: Any,
    partitions: list[Any],
    chunks: list[list[str]],
    worker_count: int,
    job: WorkerJob,
) -> Iterator[PartitionResult]:
    """Partition results in input order, with a bounded window of partitions in flight."""
    task = dask.delayed(process_partition, pure=False)
    window: deque[tuple[Any, list[str]]] = deque()
    waiting = iter(zip(partitions, chunks, strict=True))
    for partition, chunk in waiting:
        window.append((client.compute(task(partition, job)), chunk))
        if len(window) >= WINDOW_PER_WORKER * worker_count:
            break
    while window:
        future, chunk = window.popleft()
        try:
            result = future.result()
        except KilledWorker:
            result = _killed(chunk)
        future.release()
        for partition, next_chunk in waiting:
            window.append((client.compute(task(partition, job)), next_chunk))
            break
        yield result


def _merged(results: Iterable[PartitionResult], summary: RunSummary) -> Iterator[Outcome]:
    """Outcomes of every partition in order, adding the workers' reading counts to ``summary``."""
    for result in results:
        summary.already_stored += result.already_stored
        _add_ingest(summary.ingest, result.ingest)
        yield from result.outcomes


def _run_to_parquet(
    client: Any,
    partitions: list[Any],
    chunks: list[list[str]],
    job: WorkerJob,
    summary: RunSummary,
    on_progress: ProgressCallback | None,
    on_failure: Callable[[InputFailure], None] | None,
) -> None:
    task = dask.delayed(write_partition, pure=False)
    futures = {
        client.compute(task(partition, index, job)): chunk
        for index, (partition, chunk) in enumerate(zip(partitions, chunks, strict=True))
    }
    for future in as_completed(futures):
        try:
            result = future.result()
        except KilledWorker:
            result = _killed(futures[future])
        _add_ingest(summary.ingest, result.ingest)
        summary.stored += result.counts.get("articles", 0)
        summary.events += result.counts.get("events_total", 0)
        for outcome in result.outcomes:
            assert outcome.failure is not None
            _report(summary, outcome.failure, on_progress, on_failure)
        if on_progress:
            on_progress(summary, futures[future][-1])
        future.release()


def _killed(chunk: list[str]) -> PartitionResult:
    reason = "a Dask worker died repeatedly while processing the partition holding this input"
    return PartitionResult(outcomes=[Outcome(None, InputFailure(path, reason)) for path in chunk])


def _report(
    summary: RunSummary,
    failure: InputFailure,
    on_progress: ProgressCallback | None,
    on_failure: Callable[[InputFailure], None] | None,
) -> None:
    summary.failures.append(failure)
    if on_failure:
        on_failure(failure)
    if on_progress:
        on_progress(summary, failure.source)


def _add_ingest(total: IngestStats, part: IngestStats) -> None:
    total.documents += part.documents
    total.failures += part.failures
    total.skipped.update(part.skipped)


# -- Parquet ------------------------------------------------------------------------------------


def _parquet_schemas() -> dict[str, pa.Schema]:
    """The Parquet layout of the contract's article and event records (nested records as structs)."""
    text = pa.string()
    actor = pa.struct([("text", text), ("name", text), ("code", text)])
    articles = pa.schema(
        [
            (name, text)
            for name in (
                "article_id",
                "title",
                "agency",
                "dateline_place",
                "published",
                "published_basis",
                "language",
                "text",
                "source_path",
                "duplicate_of",
            )
        ]
    )
    events = pa.schema(
        [
            ("event_id", text),
            ("article_id", text),
            ("source", actor),
            ("target", actor),
            ("cameo", text),
            ("cameo_root", text),
            ("goldstein", pa.float64()),
            ("quad_class", pa.int64()),
            ("plover", pa.struct([("event_type", text), ("mode", text)])),
            ("date", text),
            ("date_precision", text),
            ("date_basis", text),
            (
                "location",
                pa.struct(
                    [
                        ("name", text),
                        ("country", text),
                        ("lat", pa.float64()),
                        ("lon", pa.float64()),
                        ("precision", text),
                    ]
                ),
            ),
            ("negated", pa.bool_()),
            ("modality", text),
            ("speaker", pa.struct([("name", text), ("code", text)])),
            ("evidence", pa.struct([("sentence", text), ("start", pa.int64()), ("end", pa.int64())])),
            ("rule", text),
            ("confidence", pa.float64()),
        ]
    )
    return {"articles": articles, "events": events}


PARQUET_SCHEMAS = _parquet_schemas()
ARTICLE_SCHEMA = PARQUET_SCHEMAS["articles"]
EVENT_SCHEMA = PARQUET_SCHEMAS["events"]


def _write_parquet(path: Path, rows: list[dict[str, Any]], schema: pa.Schema) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), path)
