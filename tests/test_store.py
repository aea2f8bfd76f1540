"""The store on both backends: atomic writes, idempotent re-runs, migrations, queries, bad files.

Every test taking the ``store`` fixture runs on SQLite and on PostgreSQL (see tests/stores.py).
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from eventwire.errors import StoreError
from eventwire.store import EventQuery, SQLiteStore, Store, StoreUnavailableError, open_store
from eventwire.store.migrations import migrations

from .stores import event as make_event
from .stores import make_article, postgres_url, report


def unclustered(record: dict) -> dict:
    """A contract record as it comes back from a store before clusters are refreshed."""
    return {
        **record,
        "cluster": {"cluster_id": None, "num_events": None, "num_articles": None, "num_sources": None},
    }


def test_new_store_is_migrated_to_the_latest_schema(store: Store) -> None:
    backend = "sqlite" if isinstance(store, SQLiteStore) else "postgresql"
    assert store.schema_version == migrations(backend)[-1].version


def test_sqlite_store_is_in_wal_mode(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "wal.db") as opened:
        assert opened.connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_article_and_all_layers_are_stored_once(store: Store) -> None:
    assert store.add_article(make_article()) is True
    assert store.add_article(make_article()) is False  # same content hash: nothing added
    assert store.counts() == {
        "articles": 1,
        "mentions": 3,
        "quotes": 1,
        "times": 1,
        "places": 1,
        "events": 2,
        "clusters": 0,
    }


def test_a_failing_layer_rolls_back_the_whole_article(store: Store) -> None:
    broken = make_article("bad")
    broken.quotes[0].kind = "shouted"  # type: ignore[assignment]  # violates the CHECK constraint
    with pytest.raises(StoreError, match=r"article bad \(bad\.txt\) not stored"):
        store.add_article(broken)
    assert store.counts()["articles"] == 0 and store.counts()["mentions"] == 0
    assert store.add_article(make_article()) is True


def test_one_article_stored_by_many_workers_at_once_is_stored_once(store_url: str) -> None:
    workers = [open_store(store_url) for _ in range(4)]
    start = threading.Barrier(len(workers))
    outcomes: list[bool] = []

    def store_it(worker: Store) -> None:
        start.wait()
        outcomes.append(worker.add_article(make_article("same")))

    threads = [threading.Thread(target=store_it, args=(worker,)) for worker in workers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == [False, False, False, True]
    assert workers[0].counts()["events"] == 2
    for worker in workers:
        worker.close()


def test_records_round_trip_in_the_contract_shape(store: Store) -> None:
    article = make_article()
    store.add_article(article)
    [stored_article] = store.article_records()
    assert stored_article == article.to_record()
    [quote] = store.quote_records()
    assert quote == article.quotes[0].to_record("a1")
    assert stored_article["text"][quote["start"] : quote["end"]] == quote["text"]
    [event] = store.event_records()
    assert event == unclustered(article.events[0].to_record("a1"))
    evidence = event["evidence"]
    assert stored_article["text"][evidence["start"] : evidence["end"]] == evidence["sentence"]
    [expression] = store.time_records()
    assert expression == article.times[0].to_record("a1")


def test_negated_events_are_hidden_unless_asked_for(store: Store) -> None:
    store.add_article(make_article())
    assert [e["cameo"] for e in store.event_records()] == ["112"]
    listed = store.event_records(EventQuery(include_negated=True))
    assert sorted(e["cameo"] for e in listed) == ["112", "190"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (EventQuery(actor="RUS"), 1),
        (EventQuery(actor="rus"), 1),
        (EventQuery(actor="RU"), 1),
        (EventQuery(actor="TURGOV"), 0),
        (EventQuery(cameo="11"), 1),
        (EventQuery(cameo="19"), 0),
        (EventQuery(cameo_root="11"), 1),
        (EventQuery(cameo_root="1"), 0),
        (EventQuery(since=date(2015, 10, 15)), 0),
        (EventQuery(until=date(2015, 10, 14)), 1),
        (EventQuery(until=date(2015, 10, 13)), 0),
        (EventQuery(search="weapons"), 1),
        (EventQuery(search="WEAPONS supplying"), 0),
        (EventQuery(search="supplying weapons"), 1),
        (EventQuery(search="respond"), 1),
        (EventQuery(search="submarine"), 0),
        (EventQuery(quad_class=3), 1),
        (EventQuery(quad_class=1), 0),
        (EventQuery(limit=0), 0),
        (EventQuery(exclude_duplicates=True), 1),
    ],
)
def test_event_filters(store: Store, query: EventQuery, expected: int) -> None:
    store.add_article(make_article())
    assert len(list(store.event_records(query))) == expected


@pytest.mark.parametrize(
    "hostile", ["'; DROP TABLE events; --", '" OR 1=1', "%", "_", "NEAR(a b)", "a AND", "?"]
)
def test_hostile_filter_values_match_nothing_and_break_nothing(store: Store, hostile: str) -> None:
    store.add_article(make_article())
    assert list(store.event_records(EventQuery(actor=hostile, search=hostile))) == []
    assert list(store.event_records(EventQuery(search=hostile, cameo=hostile))) == []
    assert list(store.quote_records(speaker=hostile, search=hostile)) == []
    assert store.counts()["events"] == 2


def located(country: str, lat: float, lon: float, day: str) -> dict:
    happened = make_event("RUS", "TUR", "190", day, country=country)
    assert happened.location is not None
    happened.location.lat, happened.location.lon = lat, lon
    return {"event": happened}


def test_location_country_and_bounding_box_filters(store: Store) -> None:
    syria = located("SYR", 35.0, 38.0, "2015-10-01")["event"]
    fiji = located("FJI", -17.7, 178.1, "2015-10-02")["event"]
    samoa = located("WSM", -13.8, -172.1, "2015-10-03")["event"]
    for number, happened in enumerate((syria, fiji, samoa)):
        store.add_article(report(f"r{number}", "AP", "2015-10-05", happened))

    def countries(query: EventQuery) -> list[str]:
        return [record["location"]["country"] for record in store.event_records(query)]

    assert countries(EventQuery(country="syr")) == ["SYR"]
    assert countries(EventQuery(bbox=(30.0, 30.0, 45.0, 40.0))) == ["SYR"]
    assert countries(EventQuery(bbox=(170.0, -20.0, -170.0, -10.0))) == ["FJI", "WSM"]  # across 180°
    assert countries(EventQuery(bbox=(0.0, 0.0, 1.0, 1.0))) == []


def test_duplicates_can_be_left_out(store: Store) -> None:
    store.add_article(report("orig", "AP", "2023-06-13", make_event("KGZ", "TJK", "190", "2023-06-13")))
    store.add_article(
        report(
            "copy", "Yahoo", "2023-06-14", make_event("KGZ", "TJK", "190", "2023-06-13"), duplicate_of="orig"
        )
    )
    assert len(list(store.event_records())) == 2
    assert [e["article_id"] for e in store.event_records(EventQuery(exclude_duplicates=True))] == ["orig"]


def test_pages_are_stable_and_cover_every_event_once(store: Store) -> None:
    for number in range(7):
        events = [make_event("RUS", "UKR", "190", f"2022-03-{day:02d}") for day in (number % 3 + 1, 1)]
        events[1] = replace(events[1], rule=f"other.{number}")
        store.add_article(report(f"p{number}", "AP", "2022-03-05", *events))
    everything = [e["event_id"] for e in store.event_records()]
    pages = [
        [e["event_id"] for e in store.event_records(EventQuery(limit=4, offset=offset))]
        for offset in range(0, 16, 4)
    ]
    assert len(everything) == 14
    assert [event_id for page in pages for event_id in page] == everything
    dates = [e["date"] for e in store.event_records()]
    assert dates == sorted(dates)


def test_quotes_can_be_searched_by_text(store: Store) -> None:
    store.add_article(make_article())
    assert [q["text"] for q in store.quote_records(search="respond")] == ["We will respond,"]
    assert list(store.quote_records(search="weapons")) == []
    assert [q["speaker"]["name"] for q in store.quote_records(speaker="Lavrov")] == ["Sergey Lavrov"]


def test_counts_by_period_and_quad_class(store: Store) -> None:
    store.add_article(make_article())  # one verbal conflict on 2015-10-14, one negated
    cooperation = make_event("RUS", "TUR", "036", "2015-10-20", quad_class=1, goldstein=4.0)
    coarse = make_event("RUS", "TUR", "190", "2015-10", goldstein=-10.0)
    store.add_article(report("later", "TASS", "2015-10-21", cooperation, coarse))
    by_day = store.period_counts(by="day")
    assert [(row["period"], row["events"]) for row in by_day] == [("2015-10-14", 1), ("2015-10-20", 1)]
    assert by_day[0]["verbal_conflict"] == 1 and by_day[0]["goldstein_sum"] == -2.0
    by_week = store.period_counts(by="week")
    assert [row["period"] for row in by_week] == ["2015-W42", "2015-W43"]
    [month] = store.period_counts(by="month")
    assert month == {
        "period": "2015-10",
        "verbal_cooperation": 1,
        "material_cooperation": 0,
        "verbal_conflict": 1,
        "material_conflict": 1,
        "events": 3,
        "goldstein_sum": -8.0,
    }
    assert store.period_counts(EventQuery(actor="USA"), by="month") == []


def test_top_dyads_with_goldstein_sums(store: Store) -> None:
    store.add_article(make_article())
    fights = [make_event("RUS", "UKR", "190", "2022-03-01", sentence=f"Fight {n}.") for n in range(3)]
    store.add_article(report("war", "AP", "2022-03-02", *fights))
    assert store.dyad_records() == [
        {"source": "RUS", "target": "UKR", "events": 3, "goldstein_sum": -30.0, "goldstein_mean": -10.0},
        {"source": "RUS", "target": "TUR", "events": 1, "goldstein_sum": -2.0, "goldstein_mean": -2.0},
    ]
    assert [row["target"] for row in store.dyad_records(top=1)] == ["UKR"]
    assert [row["target"] for row in store.dyad_records(EventQuery(cameo_root="11"))] == ["TUR"]


def test_places_and_actors_are_listed_with_counts_and_unresolved(store: Store) -> None:
    store.add_article(make_article())
    [place] = store.place_records()
    assert place["name"] == "Moscow" and place["mentions"] == 1 and place["resolved"]
    codes = {row["actor_code"] for row in store.actor_records()}
    assert codes == {"RUS", "TUR"}
    assert [row["text"] for row in store.actor_records(unresolved=True)] == ["Atlantis"]


def test_views_are_queryable_by_outside_tools(store: Store) -> None:
    store.add_article(make_article())
    rows = store.connection.execute(  # type: ignore[attr-defined]
        "SELECT source_code, cameo, article_title FROM event_list ORDER BY cameo"
    ).fetchall()
    assert [tuple(dict(row).values()) for row in rows] == [
        ("RUS", "112", "Russia and Turkey"),
        ("RUS", "190", "Russia and Turkey"),
    ]


def test_reopening_an_existing_store_keeps_its_data(store_url: str) -> None:
    with open_store(store_url) as first:
        first.add_article(make_article())
    with open_store(store_url, read_only=True) as again:
        assert again.counts()["articles"] == 1
        assert [e["cameo"] for e in again.event_records()] == ["112"]


def test_a_version_1_sqlite_file_is_upgraded_with_its_data(tmp_path: Path) -> None:
    """0001 has shipped: files written by it must gain search and clusters on open."""
    path = tmp_path / "v1.db"
    [first] = migrations("sqlite")[:1]
    old = sqlite3.connect(path)
    old.executescript(f"{first.sql}\nPRAGMA user_version = 1;")
    old.execute(
        "INSERT INTO articles (article_id, text, published, agency) VALUES "
        "('old', 'Kyrgyz and Tajik forces exchanged fire at the border.', '2023-06-13', 'AFP')"
    )
    old.execute(
        "INSERT INTO events (event_id, article_id, source_code, target_code, cameo, cameo_root, goldstein,"
        " quad_class, date, modality, evidence_sentence, evidence_start, evidence_end, rule, confidence)"
        " VALUES ('e-old', 'old', 'KGZ', 'TJK', '190', '19', -10, 4, '2023-06-13', 'asserted',"
        " 'Kyrgyz and Tajik forces exchanged fire at the border.', 0, 53, 'r', 0.9)"
    )
    old.commit()
    old.close()
    with SQLiteStore(path) as upgraded:
        assert upgraded.schema_version == migrations("sqlite")[-1].version
        assert [e["event_id"] for e in upgraded.event_records(EventQuery(search="exchanged fire"))] == [
            "e-old"
        ]
        upgraded.add_article(report("new", "AP", "2023-06-14", make_event("KGZ", "TJK", "190", "2023-06-14")))
        assert upgraded.refresh_clusters() == 2
        [cluster] = upgraded.cluster_records()
        assert (cluster["num_articles"], cluster["sources"]) == (2, ["AFP", "AP"])


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
    with pytest.raises(StoreError, match="unknown store URL"):
        open_store("mysql://localhost/events")


@pytest.mark.parametrize(
    ("url", "error", "message"),
    [
        ("postgresql://localhost:notaport/db", StoreError, "not a valid PostgreSQL URL"),
        ("postgresql://nobody:secret@127.0.0.1:1/none", StoreUnavailableError, "cannot connect"),
    ],
)
def test_broken_or_unreachable_postgres_urls_give_clear_errors(
    url: str, error: type[StoreError], message: str
) -> None:
    with pytest.raises(error, match=message) as raised:
        open_store(url)
    assert "secret" not in str(raised.value)  # passwords never reach messages


def test_postgres_records_every_migration_it_ran(tmp_path: Path) -> None:
    from .stores import fresh_store_url

    postgres_url()
    with fresh_store_url("postgresql", tmp_path) as url, open_store(url) as opened:
        rows = opened.connection.execute("SELECT version, name FROM schema_version ORDER BY version")  # type: ignore[attr-defined]
        assert [(row["version"], row["name"]) for row in rows] == [
            (migration.version, migration.name) for migration in migrations("postgresql")
        ]
        with open_store(url) as again:  # a second opener migrates nothing
            assert again.schema_version == opened.schema_version


@pytest.mark.parametrize(
    ("since", "until", "expected"),
    [
        # the ISO week 2019-W10 runs from Monday 4 to Sunday 10 March 2019
        (date(2019, 3, 4), date(2019, 3, 10), {"2019-03-05", "2019-W10", "2019-W10-WE"}),
        (date(2019, 3, 11), None, {"2019-W52", "2020-W01"}),
        # a coarse date counts from its first day
        (None, date(2019, 3, 3), {"2019", "2019-03"}),
        (date(2019, 3, 5), date(2019, 3, 10), {"2019-03-05"}),
        # ISO week 2020-W01 starts on Monday 30 December 2019
        (date(2019, 12, 30), date(2019, 12, 31), {"2020-W01"}),
        (date(2019, 12, 31), date(2019, 12, 31), set()),
        (
            date(2019, 1, 1),
            date(2019, 12, 31),
            {"2019-03-05", "2019-03", "2019-W10", "2019-W10-WE", "2019-W52", "2020-W01"},
        ),
    ],
)
def test_date_filters_place_weeks_by_their_days(
    store: Store, since: date | None, until: date | None, expected: set[str]
) -> None:
    days = ["2019-03-05", "2019-03", "2019-W10", "2019-W10-WE", "2019-W52", "2020-W01", "2019", None]
    events = [
        make_event("KGZ", "TJK", "190", day, sentence=f"Clash number {index}.")
        for index, day in enumerate(days)
    ]
    store.add_article(report("weeks", "AKIpress", "2020-01-02", *events))
    found = {record["date"] for record in store.event_records(EventQuery(since=since, until=until))}
    assert found == expected
