"""Fresh, empty stores of each backend for the storage tests.

SQLite: a file in the test's tmp_path. PostgreSQL: a schema of its own in the database named
by ``EVENTWIRE_TEST_POSTGRES`` (the store migrates it like a new database; it is dropped after
the test), so tests never see each other's rows. Without that variable the PostgreSQL cases
skip, except in CI (``CI`` set), where ``.ci/run`` must have started a server: there a missing
URL fails the run instead of quietly testing one backend.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest

from eventwire.model import (
    Actor,
    Article,
    Event,
    EventActor,
    Evidence,
    Mention,
    Place,
    Quote,
    Removal,
    Sentence,
    Speaker,
    TimeExpression,
)

POSTGRES_ENV = "EVENTWIRE_TEST_POSTGRES"
BACKENDS = ("sqlite", "postgresql")


def postgres_url() -> str:
    """The test server's URL, or skip (fail in CI) when there is none."""
    url = os.environ.get(POSTGRES_ENV)
    if url:
        return url
    if os.environ.get("CI"):
        pytest.fail(f"{POSTGRES_ENV} is not set: .ci/run must start PostgreSQL for the storage tests")
    pytest.skip(f"PostgreSQL tests need {POSTGRES_ENV}=postgresql://… (.ci/postgres start DIR prints one)")


def with_search_path(url: str, schema: str) -> str:
    return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"


@contextmanager
def fresh_store_url(backend: str, tmp_path: Path) -> Iterator[str]:
    """A location where ``open_store`` creates an empty store of ``backend``."""
    if backend == "sqlite":
        yield str(tmp_path / f"store-{uuid.uuid4().hex[:8]}.db")
        return
    import psycopg

    base = postgres_url()
    schema = f"test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    try:
        yield with_search_path(base, schema)
    finally:
        with psycopg.connect(base, autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")


# -- articles to store ----------------------------------------------------------------------

TEXT = (
    "Russia accused Turkey of supplying weapons on Wednesday.\n\n"
    '"We will respond," Lavrov said in Moscow.\n\n'
    "Russia does not plan to send troops."
)


def make_article(article_id: str = "a1", text: str = TEXT, **changes: object) -> Article:
    first = TEXT.index(".") + 1
    quote_start = TEXT.index("We will")
    moscow = TEXT.index("Moscow")
    troops = TEXT.index("Russia does")
    article = Article(
        article_id=article_id,
        source_path=f"{article_id}.txt",
        raw_text=text,
        text=text,
        title="Russia and Turkey",
        agency="TASS",
        dateline_place="MOSCOW",
        published=date(2015, 10, 15),
        published_basis="dateline+weekday",
        language="en",
        paragraphs=[(0, first)],
        sentences=[Sentence(0, first)],
        removals=[Removal("All news", "navigation", "site navigation")],
        mentions=[
            Mention("Russia", 0, 6, "GPE", Actor("RUS", "Russia", "RUS")),
            Mention("Turkey", 15, 21, "GPE", Actor("TUR", "Turkey", "TUR")),
            Mention("Atlantis", 0, 0, "GPE"),
        ],
        quotes=[
            Quote(
                "direct",
                "We will respond,",
                quote_start,
                quote_start + 16,
                Speaker("Lavrov", "Sergey Lavrov", "RUSGOV", quote_start + 19, quote_start + 25),
                "said",
            )
        ],
        times=[TimeExpression("on Wednesday", 43, 55, "DATE", "2015-10-14", "2015-10-15")],
        places=[Place("Moscow", moscow, moscow + 6, "Moscow", "RUS", 55.75, 37.62, "city")],
        events=[
            Event(
                EventActor("Russia", "Russia", "RUS"),
                EventActor("Turkey", "Turkey", "TUR"),
                "112",
                -2.0,
                3,
                Evidence(TEXT[:first], 0, first),
                "accuse",
                0.9,
                plover_type="ACCUSE",
                date="2015-10-14",
                date_precision="day",
                date_basis="text",
            ),
            Event(
                EventActor("Russia", "Russia", "RUS"),
                None,
                "190",
                -10.0,
                4,
                Evidence(TEXT[troops:], troops, len(TEXT)),
                "send.troops",
                0.5,
                negated=True,
                date="2015-10-15",
                date_precision="day",
                date_basis="dateline",
            ),
        ],
    )
    for name, value in changes.items():
        setattr(article, name, value)
    return article


def report(
    article_id: str,
    agency: str | None,
    published: str,
    *events: Event,
    duplicate_of: str | None = None,
) -> Article:
    """A minimal article by ``agency`` carrying ``events`` (its text is their evidence)."""
    text = ""
    for happened in events:
        start = len(text)
        text += happened.evidence.sentence + " "
        happened.evidence = Evidence(
            happened.evidence.sentence, start, start + len(happened.evidence.sentence)
        )
    text = text.strip() or f"Report {article_id}."
    return Article(
        article_id=article_id,
        source_path=f"{article_id}.txt",
        raw_text=text,
        text=text,
        title=f"Report {article_id}",
        agency=agency,
        published=date.fromisoformat(published),
        language="en",
        url=f"https://news.example/{article_id}",
        duplicate_of=duplicate_of,
        paragraphs=[(0, len(text))],
        events=list(events),
    )


def event(
    source: str | None,
    target: str | None,
    cameo: str,
    day: str | None,
    *,
    country: str | None = None,
    sentence: str = "Kyrgyz and Tajik forces exchanged fire at the border.",
    confidence: float = 0.8,
    negated: bool = False,
    quad_class: int = 4,
    goldstein: float = -10.0,
) -> Event:
    """An event between actor codes on ``day``, located in ``country`` (or nowhere)."""
    location = Place(country or "", 0, 0, country, country, 40.0, 70.0, "country") if country else None
    return Event(
        source=EventActor(source, source, source) if source else None,
        target=EventActor(target, target, target) if target else None,
        cameo=cameo,
        goldstein=goldstein,
        quad_class=quad_class,
        evidence=Evidence(sentence, 0, len(sentence)),
        rule=f"test.{cameo}",
        confidence=confidence,
        plover_type="ASSAULT",
        date=day,
        date_precision="day" if day and len(day) == 10 else "month",
        date_basis="text",
        location=location,
        negated=negated,
    )
