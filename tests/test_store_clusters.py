"""Cross-article event clusters, on both backends: one real-world event, many reports."""

from __future__ import annotations

import itertools

import pytest

from eventwire.model import Article
from eventwire.store import EventQuery, Store, open_store
from eventwire.store.clusters import Member, group_members, segments

from .stores import event, report

SHELLING = "Kyrgyz and Tajik forces exchanged fire at the border."


def three_reports() -> list[Article]:
    """One border clash reported by three outlets over two days, one without a location."""
    return [
        report("afp", "AFP", "2023-06-14", event("KGZGOV", "TJKMIL", "190", "2023-06-13", country="KGZ")),
        report("ap", "AP", "2023-06-13", event("KGZ", "TJK", "193", "2023-06-13", confidence=0.9)),
        report(
            "reuters", "Reuters", "2023-06-14", event("KGZMIL", "TJK", "195", "2023-06-14", country="KGZ")
        ),
    ]


def syndicated_copy() -> Article:
    """AP's story republished by another site: a near-duplicate of it."""
    return report("yahoo", "Yahoo", "2023-06-15", event("KGZ", "TJK", "193", "2023-06-13"), duplicate_of="ap")


def store_all(store: Store, articles: list[Article]) -> None:
    for article in articles:
        assert store.add_article(article)
    store.refresh_clusters()


def test_three_reports_of_one_event_are_one_cluster(store: Store) -> None:
    store_all(store, three_reports())
    [cluster] = store.cluster_records()
    assert cluster["num_articles"] == 3 and cluster["num_sources"] == 3 and cluster["num_events"] == 3
    assert cluster["sources"] == ["AFP", "AP", "Reuters"]
    assert (cluster["source_country"], cluster["target_country"], cluster["cameo_root"]) == (
        "KGZ",
        "TJK",
        "19",
    )
    assert cluster["location_country"] == "KGZ"
    assert (cluster["first_date"], cluster["last_date"]) == ("2023-06-13", "2023-06-14")
    assert (cluster["first_report"], cluster["last_report"]) == ("2023-06-13", "2023-06-14")
    assert cluster["event"]["article_id"] == "ap"  # the earliest report represents the event
    for record in store.event_records():
        assert record["cluster"] == {
            "cluster_id": cluster["cluster_id"],
            "num_events": 3,
            "num_articles": 3,
            "num_sources": 3,
        }


def test_a_syndicated_duplicate_does_not_inflate_the_cluster(store: Store) -> None:
    store_all(store, [*three_reports(), syndicated_copy()])
    [cluster] = store.cluster_records()
    assert (cluster["num_articles"], cluster["num_sources"]) == (3, 3)
    assert cluster["last_report"] == "2023-06-14"  # the copy is not a later report
    assert cluster["num_events"] == 4  # but its event is a member, for anyone who looks
    assert cluster["event"]["article_id"] == "ap"


@pytest.mark.parametrize(
    "other",
    [
        event("KGZ", "UZB", "190", "2023-06-13"),  # another target country
        event("KGZ", "TJK", "112", "2023-06-13"),  # another CAMEO root (accusation)
        event("KGZ", "TJK", "190", "2023-06-16"),  # two days after the last report
        event("KGZ", "TJK", "190", "2023-06-13", country="TJK"),  # elsewhere
        event("KGZ", None, "190", "2023-06-13"),  # no target
    ],
)
def test_different_events_are_different_clusters(store: Store, other) -> None:  # type: ignore[no-untyped-def]
    store_all(store, [*three_reports(), report("other", "TASS", "2023-06-14", other)])
    assert sorted(c["num_articles"] for c in store.cluster_records()) == [1, 3]


def test_a_later_run_adds_reports_to_earlier_clusters(store_url: str) -> None:
    first, second, third = three_reports()
    with open_store(store_url) as store:  # run 1: the clash on the 13th and one on the 15th
        store_all(
            store, [first, report("late", "AP", "2023-06-16", event("KGZ", "TJK", "190", "2023-06-15"))]
        )
        assert sorted(c["num_articles"] for c in store.cluster_records()) == [1, 1]
    with open_store(store_url) as store:  # run 2: a report on the 14th bridges them
        store_all(store, [second, third])
        [cluster] = store.cluster_records()
        assert cluster["num_articles"] == 4 and cluster["last_date"] == "2023-06-15"
        assert store.refresh_clusters() == 0  # nothing new: nothing touched
        assert store.counts()["clusters"] == 1


def test_clusters_do_not_depend_on_the_order_articles_were_stored(tmp_path) -> None:  # type: ignore[no-untyped-def]
    outcomes = set()
    orders = itertools.permutations([*three_reports(), syndicated_copy()])
    # A near-duplicate is always stored after the article it duplicates.
    possible = [order for order in orders if _before(order, "ap", "yahoo")]
    for number, order in enumerate(possible):
        with open_store(tmp_path / f"order{number}.db") as store:
            store_all(store, list(order))
            outcomes.add(
                tuple(
                    (c["cluster_id"], c["num_articles"], c["event"]["event_id"])
                    for c in store.cluster_records()
                )
            )
    assert len(outcomes) == 1


def _before(order: tuple[Article, ...], first: str, then: str) -> bool:
    ids = [article.article_id for article in order]
    return ids.index(first) < ids.index(then)


def test_negated_events_have_no_cluster_and_coarse_dates_stand_alone(store: Store) -> None:
    denied = event("KGZ", "TJK", "190", "2023-06-13", negated=True)
    coarse = event("KGZ", "TJK", "190", "2023-06", sentence="Clashes flared in June.")
    store_all(store, [*three_reports(), report("tass", "TASS", "2023-06-14", denied, coarse)])
    assert sorted(c["num_articles"] for c in store.cluster_records()) == [1, 3]
    [negated] = [e for e in store.event_records(EventQuery(include_negated=True)) if e["negated"]]
    assert negated["cluster"]["cluster_id"] is None


def test_min_articles_cluster_filter_and_one_event_per_cluster(store: Store) -> None:
    store_all(
        store,
        [*three_reports(), report("other", "TASS", "2023-06-14", event("RUS", "UKR", "190", "2023-06-14"))],
    )
    assert [c["num_articles"] for c in store.cluster_records(min_articles=2)] == [3]
    assert len(list(store.cluster_records(EventQuery(actor="RUS")))) == 1
    representatives = list(store.event_records(EventQuery(one_per_cluster=True)))
    assert sorted(e["article_id"] for e in representatives) == ["ap", "other"]
    [big] = store.cluster_records(min_articles=3)
    members = store.event_records(EventQuery(cluster_id=big["cluster_id"]))
    assert sorted(e["article_id"] for e in members) == ["afp", "ap", "reuters"]


def member(event_id: str, day: str, country: str | None) -> Member:
    from datetime import date

    return Member(
        event_id, day, date.fromisoformat(day), country, 0.5, None, "A|B|19", event_id, None, None, False
    )


def test_an_unlocated_report_joins_one_located_cluster_and_does_not_merge_two() -> None:
    groups = group_members(
        [
            member("1", "2023-06-13", "KGZ"),
            member("2", "2023-06-13", "TJK"),
            member("3", "2023-06-13", None),
            member("4", "2023-06-14", "KGZ"),
        ]
    )
    assert [[m.event_id for m in group] for group in groups] == [["1", "3", "4"], ["2"]]


def test_days_chain_into_segments_across_gaps_of_one_day_at_most() -> None:
    from datetime import date

    days = [date(2023, 6, day) for day in (1, 2, 3, 5, 6, 9)]
    assert [(low.day, high.day) for low, high in segments(days)] == [(1, 3), (5, 6), (9, 9)]
