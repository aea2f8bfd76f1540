"""The store queries the API added (count, one event, one article with its layers, places), on
both backends: every test taking ``store`` runs on SQLite and PostgreSQL (see tests/stores.py)."""

from __future__ import annotations

from dataclasses import replace

from eventwire.store import EventQuery, Store

from .stores import TEXT, make_article, report
from .stores import event as make_event

INJECTION = "x' OR '1'='1' --"


def test_count_events_counts_every_match_whatever_the_page(store: Store) -> None:
    store.add_article(make_article())
    store.add_article(
        report("r1", "AFP", "2023-06-14", make_event("KGZ", "TJK", "190", "2023-06-13", country="KGZ"))
    )
    assert store.count_events() == 2  # the negated event is left out, as in listings
    assert store.count_events(EventQuery(include_negated=True)) == 3
    assert store.count_events(EventQuery(actor="KGZ", limit=0, offset=5)) == 1
    assert store.count_events(EventQuery(actor=INJECTION)) == 0
    for query in (EventQuery(), EventQuery(actor="RUS"), EventQuery(cameo="19", include_negated=True)):
        assert store.count_events(query) == len(list(store.event_records(query)))


def test_event_record_by_id_matches_the_listing_and_finds_negated_events(store: Store) -> None:
    store.add_article(make_article())
    listed = list(store.event_records(EventQuery(include_negated=True)))
    assert len(listed) == 2
    for record in listed:
        assert store.event_record(record["event_id"]) == record
    assert any(store.event_record(record["event_id"])["negated"] for record in listed)
    assert store.event_record("no-such-event") is None
    assert store.event_record(INJECTION) is None


def test_article_detail_has_every_layer_by_offsets_into_the_text(store: Store) -> None:
    article = make_article()
    store.add_article(article)
    detail = store.article_detail("a1")
    assert detail is not None
    assert {key: detail[key] for key in article.to_record()} == article.to_record()
    assert detail["paragraphs"] == [[0, TEXT.index(".") + 1]]
    assert detail["subheadings"] == []
    resolved = [mention for mention in detail["mentions"] if mention["actor"]]
    assert [(m["text"], m["actor"]["code"]) for m in resolved] == [("Russia", "RUS"), ("Turkey", "TUR")]
    assert detail["mentions"][2]["actor"] is None  # "Atlantis" resolved to nothing
    for layer in ("mentions", "times", "places"):
        for item in detail[layer]:
            assert TEXT[item["start"] : item["end"]] == item["text"] or item["start"] == item["end"]
    (quote,) = detail["quotes"]
    assert TEXT[quote["start"] : quote["end"]] == quote["text"]
    speaker = article.quotes[0].speaker
    assert (quote["speaker_start"], quote["speaker_end"]) == (speaker.start, speaker.end)
    assert quote["speaker"] == {"text": "Lavrov", "name": "Sergey Lavrov", "code": "RUSGOV"}
    assert detail["times"][0]["value"] == "2015-10-14"
    assert detail["places"][0]["name"] == "Moscow"
    assert [event["rule"] for event in detail["events"]] == ["accuse", "send.troops"]  # text order
    for event in detail["events"]:
        assert TEXT[event["evidence"]["start"] : event["evidence"]["end"]] == event["evidence"]["sentence"]
        assert event == store.event_record(event["event_id"])


def test_article_detail_of_an_unknown_article_is_none(store: Store) -> None:
    store.add_article(make_article())
    assert store.article_detail("missing") is None
    assert store.article_detail(INJECTION) is None


def test_location_counts_group_located_events_with_their_mean_goldstein(store: Store) -> None:
    kyrgyz = [
        make_event("KGZ", "TJK", "190", "2023-06-13", country="KGZ", goldstein=-10.0),
        make_event("TJK", "KGZ", "111", "2023-06-14", country="KGZ", goldstein=-2.0, quad_class=3),
    ]
    store.add_article(report("r1", "AFP", "2023-06-14", *kyrgyz))
    store.add_article(
        report("r2", "AP", "2023-06-15", make_event("TJK", "KGZ", "190", "2023-06-14", country="TJK"))
    )
    store.add_article(report("r3", "AP", "2023-06-15", make_event("TJK", "KGZ", "190", "2023-06-14")))
    places = store.location_counts()
    assert [(place["country"], place["events"], place["goldstein_mean"]) for place in places] == [
        ("KGZ", 2, -6.0),
        ("TJK", 1, -10.0),
    ]  # the unlocated event is left out
    assert places[0]["lat"] == 40.0 and places[0]["lon"] == 70.0
    assert len(store.location_counts(top=1)) == 1
    assert store.location_counts(EventQuery(quad_class=3)) == [replace_place(places[0], events=1, mean=-2.0)]
    assert store.location_counts(EventQuery(country=INJECTION)) == []


def replace_place(place: dict, *, events: int, mean: float) -> dict:
    return {**place, "events": events, "goldstein_mean": mean}


def test_negated_events_are_counted_only_when_asked(store: Store) -> None:
    article = make_article()
    located = replace(article.events[1], location=article.places[0])
    store.add_article(make_article(events=[article.events[0], located]))
    assert store.location_counts() == []
    (moscow,) = store.location_counts(EventQuery(include_negated=True))
    assert moscow["name"] == "Moscow" and moscow["events"] == 1
