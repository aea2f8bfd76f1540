"""The SQLite store: atomic writes, idempotent re-runs, migrations, queries, bad files."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from eventwire.errors import StoreError
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
from eventwire.store import EventQuery, SQLiteStore, open_store
from eventwire.store.sqlite import _migrations

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


@pytest.fixture
def store(tmp_path: Path) -> SQLiteStore:
    with SQLiteStore(tmp_path / "test.db") as opened:
        yield opened


def test_new_file_is_migrated_to_the_latest_schema(store: SQLiteStore) -> None:
    assert store.schema_version == _migrations()[-1][0]
    assert store.connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_article_and_all_layers_are_stored_once(store: SQLiteStore) -> None:
    assert store.add_article(make_article()) is True
    assert store.add_article(make_article()) is False  # same content hash: nothing added
    assert store.counts() == {"articles": 1, "mentions": 3, "quotes": 1, "times": 1, "places": 1, "events": 2}


def test_a_failing_layer_rolls_back_the_whole_article(store: SQLiteStore) -> None:
    broken = make_article("bad")
    broken.quotes[0].kind = "shouted"  # type: ignore[assignment]  # violates the CHECK constraint
    with pytest.raises(sqlite3.IntegrityError):
        store.add_article(broken)
    assert store.counts()["articles"] == 0 and store.counts()["mentions"] == 0
    assert store.add_article(make_article()) is True


def test_records_round_trip_in_the_contract_shape(store: SQLiteStore) -> None:
    article = make_article()
    store.add_article(article)
    [stored_article] = store.article_records()
    assert stored_article == article.to_record()
    [quote] = store.quote_records()
    assert quote == article.quotes[0].to_record("a1")
    assert stored_article["text"][quote["start"] : quote["end"]] == quote["text"]
    [event] = store.event_records()
    assert event == article.events[0].to_record("a1")
    evidence = event["evidence"]
    assert stored_article["text"][evidence["start"] : evidence["end"]] == evidence["sentence"]
    [expression] = store.time_records()
    assert expression["value"] == "2015-10-14"


def test_negated_events_are_hidden_unless_asked_for(store: SQLiteStore) -> None:
    store.add_article(make_article())
    assert [e["cameo"] for e in store.event_records()] == ["112"]
    listed = store.event_records(EventQuery(include_negated=True))
    assert sorted(e["cameo"] for e in listed) == ["112", "190"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (EventQuery(actor="RUS"), 1),
        (EventQuery(actor="rus"), 1),
        (EventQuery(actor="TURGOV"), 0),
        (EventQuery(cameo="11"), 1),
        (EventQuery(cameo="19"), 0),
        (EventQuery(since=date(2015, 10, 15)), 0),
        (EventQuery(until=date(2015, 10, 14)), 1),
        (EventQuery(search="weapons"), 1),
        (EventQuery(search="respond"), 1),
        (EventQuery(search="submarine"), 0),
        (EventQuery(quad_class=3), 1),
        (EventQuery(limit=0), 0),
    ],
)
def test_event_filters(store: SQLiteStore, query: EventQuery, expected: int) -> None:
    store.add_article(make_article())
    assert len(list(store.event_records(query))) == expected


@pytest.mark.parametrize("hostile", ["'; DROP TABLE events; --", '" OR 1=1', "%", "_", "NEAR(a b)", "a AND"])
def test_hostile_filter_values_match_nothing_and_break_nothing(store: SQLiteStore, hostile: str) -> None:
    store.add_article(make_article())
    assert list(store.event_records(EventQuery(actor=hostile, search=hostile))) == []
    assert store.counts()["events"] == 2


def test_places_and_actors_are_listed_with_counts_and_unresolved(store: SQLiteStore) -> None:
    store.add_article(make_article())
    [place] = store.place_records()
    assert place["name"] == "Moscow" and place["mentions"] == 1 and place["resolved"]
    codes = {row["actor_code"] for row in store.actor_records()}
    assert codes == {"RUS", "TUR"}
    assert [row["text"] for row in store.actor_records(unresolved=True)] == ["Atlantis"]


def test_views_are_queryable_by_outside_tools(store: SQLiteStore) -> None:
    store.add_article(make_article())
    rows = store.connection.execute("SELECT source_code, cameo, article_title FROM event_list").fetchall()
    assert sorted(tuple(row) for row in rows) == [
        ("RUS", "112", "Russia and Turkey"),
        ("RUS", "190", "Russia and Turkey"),
    ]


def test_reopening_an_existing_file_keeps_its_data(tmp_path: Path) -> None:
    path = tmp_path / "keep.db"
    with SQLiteStore(path) as first:
        first.add_article(make_article())
    with open_store(path, read_only=True) as again:
        assert again.counts()["articles"] == 1


def test_bad_store_files_give_clear_errors(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match=r"garbage\.db"):
        SQLiteStore(garbage)
    with pytest.raises(StoreError, match="no such store"):
        open_store(tmp_path / "missing.db", read_only=True)
    newer = tmp_path / "newer.db"
    sqlite3.connect(newer).execute("PRAGMA user_version = 999").connection.close()
    with pytest.raises(StoreError, match="newer"):
        SQLiteStore(newer)
