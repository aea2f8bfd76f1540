"""End-to-end benchmark: eventwire against its ceiling, raw spaCy, on the same generated texts.

What it measures, on a generated corpus (:mod:`eventwire.bench.corpus`) of ``articles`` stories:

* one process, end to end (read, every stage, dedup, SQLite) versus ``nlp.pipe`` alone on the
  cleaned texts the nlp stage parsed: their ratio says how much eventwire adds to the parse;
* each stage's share of the end-to-end time (``Pipeline.stage_seconds``, and of the CPU time:
  ``stage_cpu_seconds``), the rest being reading, near-duplicate checks and storing;
* ``workers`` processes versus one, model loading included on both sides, in wall-clock time
  and as the speed-up the CPU time spent allows on idle cores (``…_cpu_bound``: one-process
  CPU time ÷ the parallel run's CPU time, parent and workers, spread over ``workers`` cores);
* peak resident memory of a whole one-process run at ``articles`` and at ``rss_scale`` times as
  many (each in a fresh process, since the peak is per process): streaming keeps their ratio
  near 1;
* the SQLite insert rate of processed articles.

Ratios come first in the result because they carry over between machines; absolute figures
follow. Throughput is wall-clock time, so run it on an otherwise idle machine; the CPU-time
variants (``…_cpu``) of the one-process figures hold up on a busy one, and the report's ``meta``
records the load average before and after.
"""

from __future__ import annotations

import multiprocessing
import resource
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from eventwire.bench.corpus import write_corpus
from eventwire.config import Settings
from eventwire.errors import InputFailure
from eventwire.model import Article, RawDocument
from eventwire.nlp import PARAGRAPH_BREAKS, load_model
from eventwire.parallel import START_METHOD
from eventwire.pipeline import Outcome, Pipeline
from eventwire.runner import run as run_corpus
from eventwire.store import open_store

MB = 1024 * 1024
#: Processed articles kept for the insert benchmark.
INSERT_SAMPLE = 500


class _Recorder:
    """Wraps a pipeline to keep what the benchmark needs from its outcomes while the run goes on."""

    def __init__(self, pipeline: Pipeline) -> None:
        self.pipeline = pipeline
        self.parsed_texts: list[str] = []
        self.sample: list[Article] = []

    def process(self, documents: Iterable[RawDocument | InputFailure]) -> Iterator[Outcome]:
        for outcome in self.pipeline.process(documents):
            article = outcome.article
            if article is not None and article.sentences:
                self.parsed_texts.append(article.text)
                if len(self.sample) < INSERT_SAMPLE:
                    self.sample.append(article)
            yield outcome


def run(
    articles: int = 1000, *, seed: int = 0, workers: int = 2, rss_scale: int = 10, workdir: Path | None = None
) -> dict[str, Any]:
    """Measure everything in the module docstring; returns ``{"ratios": …, "absolute": …}``."""
    settings = Settings()
    with tempfile.TemporaryDirectory(dir=workdir) as folder:
        root = Path(folder)
        corpus = root / "corpus"
        write_corpus(corpus, articles, seed)

        started, cpu_started = time.perf_counter(), time.process_time()
        recorder = _Recorder(Pipeline(settings))
        build_seconds, build_cpu = time.perf_counter() - started, time.process_time() - cpu_started
        with open_store(root / "one.db") as store:
            started, cpu_started = time.perf_counter(), time.process_time()
            one = run_corpus([str(corpus)], store, settings, pipeline=recorder)
            one_seconds, one_cpu = time.perf_counter() - started, time.process_time() - cpu_started

        words = sum(len(text.split()) for text in recorder.parsed_texts)
        nlp = load_model(settings.spacy_model)
        started, cpu_started = time.perf_counter(), time.process_time()
        with nlp.select_pipes(disable=[PARAGRAPH_BREAKS]):  # raw spaCy: eventwire's component is overhead
            for _doc in nlp.pipe(recorder.parsed_texts, batch_size=settings.batch_size):
                pass
        spacy_seconds, spacy_cpu = time.perf_counter() - started, time.process_time() - cpu_started

        with open_store(root / "parallel.db") as store:
            children_before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started, cpu_started = time.perf_counter(), time.process_time()
            run_corpus([str(corpus)], store, settings, workers=workers)
            parallel_seconds, parent_cpu = time.perf_counter() - started, time.process_time() - cpu_started
            children_after = resource.getrusage(resource.RUSAGE_CHILDREN)  # workers are reaped by now
            workers_cpu = sum(
                getattr(children_after, field) - getattr(children_before, field)
                for field in ("ru_utime", "ru_stime")
            )

        insert_rate = _insert_rate(recorder.sample, root / "insert.db")
    rss = {count: _peak_rss(count, seed, workdir) for count in (articles, articles * rss_scale)}
    stage_seconds = recorder.pipeline.stage_seconds
    shares = {name: seconds / one_seconds for name, seconds in stage_seconds.items()}
    shares["read_dedup_store"] = max(0.0, 1 - sum(shares.values()))
    stage_cpu_seconds = recorder.pipeline.stage_cpu_seconds
    cpu_shares = {name: seconds / one_cpu for name, seconds in stage_cpu_seconds.items()}
    cpu_shares["read_dedup_store"] = max(0.0, 1 - sum(cpu_shares.values()))
    return {
        "ratios": {
            "end_to_end_vs_spacy": spacy_seconds / one_seconds,
            "end_to_end_vs_spacy_cpu": spacy_cpu / one_cpu,
            "stage_shares": shares,
            "stage_shares_cpu": cpu_shares,
            f"peak_rss_{rss_scale}x_vs_1x": rss[articles * rss_scale]["peak_rss_mb"]
            / rss[articles]["peak_rss_mb"],
            f"workers_{workers}_vs_1": (build_seconds + one_seconds) / parallel_seconds,
            f"workers_{workers}_vs_1_cpu_bound": workers * (build_cpu + one_cpu) / (parent_cpu + workers_cpu),
        },
        "absolute": {
            "articles": articles,
            "parsed_articles": len(recorder.parsed_texts),
            "words": words,
            "stored": one.stored,
            "events": one.events,
            "near_duplicates": one.duplicates,
            "failures": len(one.failures),
            "spacy_words_per_s": words / spacy_seconds,
            "end_to_end_words_per_s": words / one_seconds,
            "end_to_end_articles_per_s": one.stored / one_seconds,
            "spacy_words_per_cpu_s": words / spacy_cpu,
            "end_to_end_words_per_cpu_s": words / one_cpu,
            "pipeline_build_s": build_seconds,
            f"workers_{workers}_words_per_s": words / parallel_seconds,
            "workers_1_words_per_s_with_build": words / (build_seconds + one_seconds),
            "workers_1_cpu_s_with_build": build_cpu + one_cpu,
            f"workers_{workers}_parent_cpu_s": parent_cpu,
            f"workers_{workers}_workers_cpu_s": workers_cpu,
            "stage_seconds": stage_seconds,
            "stage_cpu_seconds": stage_cpu_seconds,
            "peak_rss": {str(count): figures for count, figures in rss.items()},
            **insert_rate,
            "spacy_model": settings.spacy_model,
        },
    }


def _insert_rate(articles: list[Article], path: Path) -> dict[str, float]:
    """Articles (with every layer) stored per second into a fresh SQLite store."""
    rows = sum(
        1 + len(a.sentences) + len(a.paragraphs) + len(a.mentions) + len(a.quotes) + len(a.times)
        + len(a.places) + len(a.events)
        for a in articles
    )  # fmt: skip
    with open_store(path) as store:
        started = time.perf_counter()
        for article in articles:
            store.add_article(article)
        seconds = time.perf_counter() - started
    return {
        "sqlite_articles_per_s": len(articles) / seconds if seconds else 0.0,
        "sqlite_rows_per_s": rows / seconds if seconds else 0.0,
    }


def _peak_rss(articles: int, seed: int, workdir: Path | None) -> dict[str, float]:
    """Peak RSS of a whole one-process run over ``articles`` stories, in a fresh process."""
    context = multiprocessing.get_context(START_METHOD)
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        return pool.submit(_measured_run, articles, seed, workdir).result()


def _measured_run(articles: int, seed: int, workdir: Path | None) -> dict[str, float]:
    with tempfile.TemporaryDirectory(dir=workdir) as folder:
        corpus = Path(folder) / "corpus"
        write_corpus(corpus, articles, seed)
        started = time.perf_counter()
        with open_store(Path(folder) / "run.db") as store:
            summary = run_corpus([str(corpus)], store, Settings())
        seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    peak_bytes = peak if sys.platform == "darwin" else peak * 1024  # Linux reports KiB
    return {"peak_rss_mb": peak_bytes / MB, "seconds": seconds, "articles_per_s": summary.stored / seconds}
