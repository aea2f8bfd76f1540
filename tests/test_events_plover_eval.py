"""The event-type component of the PLOVER evaluation: which event a sentence is scored by."""

from __future__ import annotations

from eventwire.evaluate.metrics import Report
from eventwire.evaluate.plover import NO_EVENT, PloverRecord, headline_event_type, score_event_type
from eventwire.model import Article, Event, Evidence


def event(plover_type: str | None, confidence: float, negated: bool = False) -> Event:
    return Event(
        source=None,
        target=None,
        cameo="190",
        goldstein=-10.0,
        quad_class=4,
        evidence=Evidence("s", 0, 1),
        rule="verb:test",
        confidence=confidence,
        plover_type=plover_type,
        negated=negated,
    )


def article(*events: Event) -> Article:
    return Article(article_id="a", source_path="<t>", raw_text="s", text="s", events=list(events))


def test_the_headline_is_the_most_confident_event_not_negated():
    found = article(event("ASSAULT", 0.6), event("ACCUSE", 0.8), event("COERCE", 0.9, negated=True))
    assert headline_event_type(found) == "ACCUSE"


def test_a_sentence_with_no_plover_event_is_none():
    assert headline_event_type(article()) == NO_EVENT
    assert headline_event_type(article(event(None, 0.9))) == NO_EVENT


def test_scores_count_accuracy_and_fill_the_confusion_table():
    report = Report(dataset="d")
    fight = PloverRecord(record_id="r1", event="FIGHT", text="s", date=None)  # 2018 name of ASSAULT
    score_event_type(fight, article(event("ASSAULT", 0.7)), report)
    score_event_type(PloverRecord(record_id="r2", event="ACCUSE", text="s", date=None), article(), report)
    score = report.scores["plover_event_type"]
    assert (score.correct, score.total) == (1, 2)
    assert score.notes["confusion"] == {"ASSAULT": {"ASSAULT": 1}, "ACCUSE": {NO_EVENT: 1}}
    assert score.notes["examples"] == ["r2 event: ACCUSE→NONE"]
