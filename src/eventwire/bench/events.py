"""Events benchmark: how much event coding adds to the spaCy parse, on the same texts.

The claim under test is that coding costs at most a quarter of the parse: the coder only looks
up lemmas in dictionaries and walks short dependency paths. :func:`run` prepares the example
corpus (and the seed article when ``../shared`` is present) through the stages before the
parse, times the ``nlp`` stage exactly as the pipeline runs it (paragraph by paragraph, in
batches), runs the stages between the parse and events that are installed (untimed: they are
not coding), then times the coder alone.
"""

from __future__ import annotations

import time
from pathlib import Path

from eventwire.config import Settings
from eventwire.errors import EventwireError
from eventwire.events import build_coder
from eventwire.model import Article, RawDocument
from eventwire.pipeline import stage_factory

REPO = Path(__file__).resolve().parents[3]
CORPORA = (REPO / "examples" / "corpus", REPO.parent / "shared" / "seed")
BEFORE_PARSE = ("clean", "dateline", "language")
BETWEEN = ("actors", "timex", "quotes", "geo")


def _articles(settings: Settings, rounds: int) -> list[Article]:
    paths = [path for folder in CORPORA if folder.is_dir() for path in sorted(folder.glob("*.txt"))]
    articles = [
        Article.from_raw(RawDocument(str(path), path.read_text(encoding="utf-8")))
        for _ in range(rounds)
        for path in paths
    ]
    for name in BEFORE_PARSE:
        stage_factory(name)(settings).process_batch(articles)
    return [article for article in articles if not article.skipped_reason and article.text]


def run(rounds: int = 3) -> dict[str, float]:
    """Parse time, coding time and their ratio (seconds) over ``rounds`` passes of the corpus."""
    settings = Settings()
    articles = _articles(settings, rounds)
    parser = stage_factory("nlp")(settings)  # loads the model: not part of the parse time
    started = time.perf_counter()
    parser.process_batch(articles)
    parse_s = time.perf_counter() - started
    for name in BETWEEN:
        try:
            stage_factory(name)(settings).process_batch(articles)
        except (EventwireError, ImportError):
            continue  # a stage not installed yet: events then see fewer actors
    coder = build_coder(settings)
    started = time.perf_counter()
    events = sum(len(coder.code(article)) for article in articles)
    coding_s = time.perf_counter() - started
    return {
        "articles": float(len(articles)),
        "words": float(sum(len(article.doc) for article in articles if article.doc is not None)),
        "events": float(events),
        "parse_s": round(parse_s, 4),
        "coding_s": round(coding_s, 4),
        "coding_to_parse": round(coding_s / parse_s, 4) if parse_s else 0.0,
    }


if __name__ == "__main__":
    print(run())
