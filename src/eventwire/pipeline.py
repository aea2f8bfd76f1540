"""The pipeline: named stages applied in the order the settings give.

Like spaCy's components, each stage is registered under a name and built once per pipeline
(so a model or dictionary loads once per process); code never hard-wires the order. A stage
receives a batch of articles and adds its layer to each. An article a stage cannot handle is
marked with ``skipped_reason`` (e.g. not English) or reported as a failure, and the rest of the
batch goes on.
"""

from __future__ import annotations

import importlib
import logging
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from eventwire.config import Settings
from eventwire.errors import EventwireError, InputFailure
from eventwire.model import Article, RawDocument

log = logging.getLogger(__name__)


class Stage(Protocol):
    """One step of the pipeline. ``needs_parse`` stages skip articles that were not parsed."""

    name: str

    def process_batch(self, articles: list[Article]) -> None: ...


StageFactory = Callable[[Settings], Stage]
_REGISTRY: dict[str, StageFactory] = {}

#: Where the built-in stages live; a module is imported only when a run names its stage.
BUILTIN_STAGE_MODULES = {
    "clean": "eventwire.clean",
    "dateline": "eventwire.dateline",
    "language": "eventwire.language",
    "nlp": "eventwire.nlp",
    "actors": "eventwire.actors",
    "timex": "eventwire.timex",
    "quotes": "eventwire.quotes",
    "geo": "eventwire.geo",
    "events": "eventwire.events",
}


def register_stage(name: str) -> Callable[[StageFactory], StageFactory]:
    """Register a stage factory under ``name`` so settings can name it."""

    def decorate(factory: StageFactory) -> StageFactory:
        _REGISTRY[name] = factory
        return factory

    return decorate


def stage_factory(name: str) -> StageFactory:
    """The factory registered as ``name``, importing its built-in module on first use."""
    if name not in _REGISTRY and name in BUILTIN_STAGE_MODULES:
        # Importing the module runs its @register_stage decorator.
        importlib.import_module(BUILTIN_STAGE_MODULES[name])
    try:
        return _REGISTRY[name]
    except KeyError:
        known = sorted(set(_REGISTRY) | set(BUILTIN_STAGE_MODULES))
        raise EventwireError(f"unknown stage '{name}'; known stages: {', '.join(known)}") from None


class PerArticleStage:
    """Base for stages that handle one article at a time.

    A stage *assigns* its layer (``article.quotes = [...]``), never appends to it, so running
    it again on an article is harmless: the pipeline relies on that when it retries a failed
    batch one article at a time. Stages with ``needs_parse`` skip articles that were not parsed
    (not English, too long).
    """

    name = "stage"
    needs_parse = True

    def process_batch(self, articles: list[Article]) -> None:
        for article in articles:
            if self.needs_parse and article.doc is None:
                continue
            self(article)

    def __call__(self, article: Article) -> None:
        raise NotImplementedError


@dataclass(slots=True)
class Outcome:
    """The result of processing one input: an article, or the failure that stopped it."""

    article: Article | None
    failure: InputFailure | None


class Pipeline:
    """Builds the configured stages once and runs documents through them in batches."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.stages: list[Stage] = [stage_factory(name)(self.settings) for name in self.settings.stages]
        self.stage_seconds: dict[str, float] = {stage.name: 0.0 for stage in self.stages}
        """Cumulative wall time per stage since the pipeline was built (read by ``eventwire bench``);
        two clock reads per stage and batch, so it is always on."""
        self.stage_cpu_seconds: dict[str, float] = dict.fromkeys(self.stage_seconds, 0.0)
        """The same in this process's CPU time, which other programs on a busy machine do not
        inflate."""

    def process_text(self, text: str, published: date | None = None, source: str = "<text>") -> Article:
        """Process one text and return the article with every layer filled."""
        raw = RawDocument(
            source_path=source,
            content=text,
            date_hint=published or self.settings.published,
            date_hint_basis="cli" if (published or self.settings.published) else None,
        )
        outcome = next(self.process([raw]))
        if outcome.failure:
            raise EventwireError(str(outcome.failure))
        assert outcome.article is not None
        return outcome.article

    def process(self, documents: Iterable[RawDocument | InputFailure]) -> Iterator[Outcome]:
        """Process a stream of documents, yielding outcomes in input order, batch by batch."""
        batch: list[RawDocument] = []
        for document in documents:
            if isinstance(document, InputFailure):
                yield from self._run_batch(batch)
                batch = []
                yield Outcome(None, document)
                continue
            batch.append(document)
            if len(batch) >= self.settings.batch_size:
                yield from self._run_batch(batch)
                batch = []
        yield from self._run_batch(batch)

    def _run_batch(self, documents: list[RawDocument]) -> Iterator[Outcome]:
        if not documents:
            return
        articles = [Article.from_raw(document) for document in documents]
        failures: dict[int, InputFailure] = {}
        for stage in self.stages:
            started, cpu_started = time.perf_counter(), time.process_time()
            alive = [article for index, article in enumerate(articles) if index not in failures]
            try:
                stage.process_batch(alive)
            except Exception:  # noqa: BLE001 - retry one by one to find the bad article
                for index, article in enumerate(articles):
                    if index in failures:
                        continue
                    try:
                        stage.process_batch([article])
                    except Exception as exc:
                        log.debug("stage %s failed on %s", stage.name, article.source_path, exc_info=True)
                        failures[index] = InputFailure(
                            article.source_path, f"stage '{stage.name}' failed: {_describe(exc)}"
                        )
            self.stage_seconds[stage.name] += time.perf_counter() - started
            self.stage_cpu_seconds[stage.name] += time.process_time() - cpu_started
        for index, article in enumerate(articles):
            article.doc = None  # the parse is large and never stored
            failure = failures.get(index)
            yield Outcome(None if failure else article, failure)


def _describe(exc: Exception) -> str:
    if isinstance(exc, EventwireError):
        return exc.message
    return f"{type(exc).__name__}: {exc}"
