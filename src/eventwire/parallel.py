"""Process a document stream on several cores with a pool of whole-pipeline worker processes.

Why whole-pipeline workers rather than spaCy's ``nlp.pipe(n_process=…)``: after the parse, the
actors, timex, quotes, geo and events stages are pure Python too, so parallelising only the
parse leaves them on one core (measured in ``docs/performance.md``). Each worker process builds
the :class:`~eventwire.pipeline.Pipeline` once and keeps it (:func:`worker_pipeline`); the same
cache serves the Dask engine's workers.

The parent feeds chunks of ``settings.batch_size`` documents and keeps at most
``IN_FLIGHT_PER_WORKER × workers`` chunks in flight, so memory stays constant however large the
corpus. Outcomes come back in input order, as processed articles without their spaCy ``Doc``:
the single writer in the parent (:func:`eventwire.runner.run`) then stores the same articles,
with the same ids and the same near-duplicate marks, as a one-process run.

A worker that dies (killed, out of memory, a crash in native code) breaks the whole pool. The
run does not hang and does not stop: the pool is replaced, and every chunk that was in flight is
re-run one document at a time in a separate one-worker pool, so the document that kills a
worker is named as a failure and the innocent ones are stored.
"""

from __future__ import annotations

import importlib
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Protocol

from eventwire.config import Settings
from eventwire.errors import EventwireError, InputFailure, UsageError
from eventwire.model import RawDocument
from eventwire.pipeline import Outcome, Pipeline, stage_factory

#: Chunks in flight per worker: two keeps every worker busy while the parent stores the last
#: result, and bounds memory to a few dozen articles whatever the corpus size.
IN_FLIGHT_PER_WORKER = 2

#: ``spawn`` starts workers from a clean interpreter: safe while the parent runs threads (the
#: progress bar), and the same on Linux, macOS and Windows.
START_METHOD = "spawn"


class DocumentProcessor(Protocol):
    """Anything that turns a document stream into outcomes in input order (the runner's input)."""

    def process(self, documents: Iterable[RawDocument | InputFailure]) -> Iterator[Outcome]: ...


_cached_pipeline: Pipeline | None = None


def worker_pipeline(settings: Settings, modules: tuple[str, ...] = ()) -> Pipeline:
    """The pipeline of this process for ``settings``, built on first use and then kept.

    Pool and Dask workers call this for every chunk: the model and dictionaries load once per
    worker process, not once per chunk. ``modules`` (from :func:`stage_modules`) are imported
    first, so stages registered outside eventwire exist in a freshly started worker too.
    """
    global _cached_pipeline
    if _cached_pipeline is None or _cached_pipeline.settings != settings:
        for module in modules:
            importlib.import_module(module)
        _cached_pipeline = Pipeline(settings)
    return _cached_pipeline


def stage_modules(settings: Settings) -> tuple[str, ...]:
    """Modules that register the configured stages, for workers to import before building.

    A freshly spawned worker knows only the built-in stages; a stage registered by the caller's
    own module (a plugin, a test) must be imported there too. Resolving the factories here also
    reports an unknown stage name in the parent, before any worker starts.
    """
    return tuple(sorted({stage_factory(name).__module__ for name in settings.stages}))


def _ready() -> bool:
    """A task that proves a worker process started."""
    return True


def _process_chunk(
    settings: Settings, modules: tuple[str, ...], documents: list[RawDocument]
) -> list[Outcome]:
    """Worker task: run one chunk through this process's pipeline."""
    return list(worker_pipeline(settings, modules).process(documents))


@dataclass(slots=True)
class _Chunk:
    """Documents sent to a pool together, the future of their outcomes, and that pool."""

    documents: list[RawDocument]
    future: Future[list[Outcome]]
    pool: ProcessPoolExecutor


class ParallelPipeline:
    """Runs documents through ``workers`` pipeline processes; outcomes come back in input order.

    Used like :class:`~eventwire.pipeline.Pipeline` (``process`` takes and yields the same
    things); the pool lives for one ``process`` call.
    """

    def __init__(self, settings: Settings, workers: int) -> None:
        if workers < 1:
            raise UsageError(f"--workers must be at least 1, not {workers}")
        self.settings = settings
        self.workers = workers
        self.modules = stage_modules(settings)

    def _new_pool(self, workers: int) -> ProcessPoolExecutor:
        """A started pool; a worker that cannot even start is an error, not a bad input."""
        pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context(START_METHOD),
        )
        try:
            pool.submit(_ready).result()
        except BrokenProcessPool:
            pool.shutdown(wait=False, cancel_futures=True)
            raise EventwireError(
                "worker processes could not start (see the error above); try --workers 1"
            ) from None
        return pool

    def process(self, documents: Iterable[RawDocument | InputFailure]) -> Iterator[Outcome]:
        """Process a stream of documents, yielding outcomes in input order."""
        pending: deque[_Chunk | Outcome] = deque()
        limit = IN_FLIGHT_PER_WORKER * self.workers
        pool = self._new_pool(self.workers)
        try:
            for item in self._chunks(documents):
                if isinstance(item, InputFailure):
                    pending.append(Outcome(None, item))
                    continue
                if len(pending) >= limit:
                    outcomes, pool = self._collect(pending.popleft(), pool)
                    yield from outcomes
                pending.append(self._submit(pool, item))
            while pending:
                outcomes, pool = self._collect(pending.popleft(), pool)
                yield from outcomes
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    def _chunks(
        self, documents: Iterable[RawDocument | InputFailure]
    ) -> Iterator[list[RawDocument] | InputFailure]:
        """Documents grouped into pipeline batches; failures pass through where they occur."""
        chunk: list[RawDocument] = []
        for document in documents:
            if isinstance(document, InputFailure):
                if chunk:
                    yield chunk
                    chunk = []
                yield document
                continue
            chunk.append(document)
            if len(chunk) >= self.settings.batch_size:
                yield chunk
                chunk = []
        if chunk:
            yield chunk

    def _submit(self, pool: ProcessPoolExecutor, documents: list[RawDocument]) -> _Chunk:
        return _Chunk(documents, pool.submit(_process_chunk, self.settings, self.modules, documents), pool)

    def _collect(
        self, entry: _Chunk | Outcome, pool: ProcessPoolExecutor
    ) -> tuple[list[Outcome], ProcessPoolExecutor]:
        """The outcomes of the oldest entry, and the pool to go on with (a new one after a crash)."""
        if isinstance(entry, Outcome):
            return [entry], pool
        try:
            return entry.future.result(), pool
        except BrokenProcessPool:
            pass
        # Every chunk still in the broken pool fails the same way and is isolated in its turn;
        # new chunks go to a fresh pool (replaced once, by the first chunk that finds it broken).
        if entry.pool is pool:
            pool.shutdown(wait=False, cancel_futures=True)
            pool = self._new_pool(self.workers)
        return list(self._isolate(entry.documents)), pool

    def _isolate(self, documents: list[RawDocument]) -> Iterator[Outcome]:
        """Re-run ``documents`` one at a time in a one-worker pool, naming any that crash it."""
        pool = self._new_pool(1)
        try:
            for document in documents:
                try:
                    yield from pool.submit(_process_chunk, self.settings, self.modules, [document]).result()
                except BrokenProcessPool:
                    yield Outcome(
                        None, InputFailure(document.source_path, "the worker process crashed on this input")
                    )
                    pool.shutdown(wait=False, cancel_futures=True)
                    pool = self._new_pool(1)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
