"""Store benchmark: 100,000 synthetic events into SQLite, then filtered page queries.

Measures what a user of a big store feels: how fast events go in (each article in its own
transaction, FTS triggers included), how long the one-pass cluster refresh takes, and how long a
filtered, paged event listing takes (the target is under 50 ms), with SQLite's EXPLAIN QUERY
PLAN for that query so a missing index shows. The events are generated (seeded, no NLP), so the
numbers measure the store alone.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from eventwire.model import Article, Event, EventActor, Evidence, Place
from eventwire.store import EventQuery, SQLiteStore

EVENTS = 100_000
EVENTS_PER_ARTICLE = 10
#: Times each query is run; the median is reported.
QUERY_REPEATS = 25
PAGE_TARGET_MS = 50.0

COUNTRIES = ("RUS", "UKR", "USA", "CHN", "SYR", "TUR", "IRN", "ISR", "FRA", "DEU", "IND", "PAK")
SECTORS = ("", "GOV", "MIL", "REB", "OPP", "CVL")
CODES = ("010", "036", "042", "043", "057", "112", "120", "138", "173", "190", "193", "195")
AGENCIES = ("AP", "Reuters", "AFP", "TASS", "Xinhua", None)
FIRST_DAY = date(2022, 1, 1)
DAYS = 730

#: The benchmark's page: fighting involving Russia in one quarter, second page of 50.
PAGE_QUERY = EventQuery(
    actor="RUS", cameo_root="19", since=date(2023, 1, 1), until=date(2023, 3, 31), limit=50, offset=50
)
OTHER_QUERIES = {
    "newest_page_unfiltered": EventQuery(since=date(2023, 12, 1), limit=50),
    "country_quad_class_page": EventQuery(country="SYR", quad_class=4, limit=50),
    "full_text_page": EventQuery(search="ceasefire", limit=50),
    "one_per_cluster_page": EventQuery(actor="USA", one_per_cluster=True, limit=50),
}


def synthetic_articles(count: int, seed: int = 0) -> list[Article]:
    """``count`` articles of EVENTS_PER_ARTICLE events each, spread over two years and 12 countries."""
    rng = random.Random(seed)
    articles = []
    for number in range(count):
        published = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
        sentences, events = [], []
        offset = 0
        for position in range(EVENTS_PER_ARTICLE):
            source, target = rng.sample(COUNTRIES, 2)
            code = rng.choice(CODES)
            words = rng.choice(("talks on a ceasefire", "shelling near the border", "new sanctions", "aid"))
            sentence = f"Event {position} of story {number}: {source} and {target}, {words}."
            country = rng.choice((source, target, None))
            events.append(
                Event(
                    source=EventActor(source, source, source + rng.choice(SECTORS)),
                    target=EventActor(target, target, target + rng.choice(SECTORS)),
                    cameo=code,
                    goldstein=rng.uniform(-10, 10),
                    quad_class=int(code[:2] >= "14") * 2
                    + 1
                    + int(code[:2] in ("06", "07", "08", "15", "18", "19")),
                    evidence=Evidence(sentence, offset, offset + len(sentence)),
                    rule="bench",
                    confidence=rng.random(),
                    plover_type="ASSAULT" if code[:2] == "19" else "CONSULT",
                    date=(published - timedelta(days=rng.randrange(3))).isoformat(),
                    date_precision="day",
                    date_basis="text",
                    location=Place(country, 0, 0, country, country, 35.0, 38.0, "country")
                    if country
                    else None,
                )
            )
            sentences.append(sentence)
            offset += len(sentence) + 1
        text = " ".join(sentences)
        articles.append(
            Article(
                article_id=f"bench-{seed}-{number:07d}",
                source_path=f"bench/{number}.txt",
                raw_text=text,
                text=text,
                title=f"Story {number}",
                agency=rng.choice(AGENCIES),
                published=published,
                language="en",
                paragraphs=[(0, len(text))],
                events=events,
            )
        )
    return articles


def _median_ms(store: SQLiteStore, query: EventQuery) -> tuple[float, int]:
    timings, rows = [], 0
    for _ in range(QUERY_REPEATS):
        started = time.perf_counter()
        rows = len(list(store.event_records(query)))
        timings.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(timings), 2), rows


def query_plan(store: SQLiteStore, query: EventQuery) -> list[str]:
    """SQLite's EXPLAIN QUERY PLAN lines for the event listing ``query`` runs."""
    from eventwire.store.base import EVENT_SELECT, EVENTS_FROM
    from eventwire.store.query import EVENT_ORDER

    where, params = query.where_clause(store.dialect)
    page, page_params = query.page_clause()
    sql = f"EXPLAIN QUERY PLAN {EVENT_SELECT}{EVENTS_FROM} {where} ORDER BY {EVENT_ORDER}{page}"
    return [row["detail"] for row in store.connection.execute(sql, params + page_params)]


def run(events: int = EVENTS) -> dict[str, Any]:
    """Store ``events`` synthetic events and time inserts, clustering and page queries."""
    articles = synthetic_articles(events // EVENTS_PER_ARTICLE)
    with tempfile.TemporaryDirectory() as scratch, SQLiteStore(Path(scratch) / "bench.db") as store:
        started = time.perf_counter()
        for article in articles:
            store.add_article(article)
        insert_s = time.perf_counter() - started
        started = time.perf_counter()
        clustered = store.refresh_clusters()
        cluster_s = time.perf_counter() - started
        store.optimize()
        page_ms, page_rows = _median_ms(store, PAGE_QUERY)
        others = {name: _median_ms(store, query)[0] for name, query in OTHER_QUERIES.items()}
        counts = store.counts()
        plan = query_plan(store, PAGE_QUERY)
        size_mb = (Path(scratch) / "bench.db").stat().st_size / 1e6
    return {
        "events": counts["events"],
        "articles": counts["articles"],
        "insert_events_per_s": round(counts["events"] / insert_s),
        "insert_articles_per_s": round(counts["articles"] / insert_s),
        "insert_s": round(insert_s, 2),
        "cluster_refresh_s": round(cluster_s, 2),
        "clusters": counts["clusters"],
        "events_clustered": clustered,
        "page_query": "actor=RUS cameo_root=19 2023-01-01..2023-03-31, page 2 of 50",
        "page_query_ms": page_ms,
        "page_query_rows": page_rows,
        "page_query_target_ms": PAGE_TARGET_MS,
        "page_query_within_target": page_ms < PAGE_TARGET_MS,
        "other_queries_ms": others,
        "query_plan": plan,
        "db_size_mb": round(size_mb, 1),
    }
