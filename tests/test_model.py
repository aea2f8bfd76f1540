"""The data model: stable ids and the contract's record shapes."""

from __future__ import annotations

from datetime import date

from eventwire.model import (
    Article,
    Event,
    EventActor,
    Evidence,
    Place,
    Quote,
    RawDocument,
    Speaker,
    TimeExpression,
    stable_id,
)

TEXT = 'Russia accused Turkey of lying. "We will respond," he said.'


def make_event(**changes: object) -> Event:
    fields: dict[str, object] = {
        "source": EventActor("Russia", "Russia", "RUS"),
        "target": EventActor("Turkey", "Turkey", "TUR"),
        "cameo": "112",
        "goldstein": -2.0,
        "quad_class": 3,
        "evidence": Evidence(TEXT[:31], 0, 31),
        "rule": "accuse.v.of",
        "confidence": 0.9,
    }
    fields.update(changes)
    return Event(**fields)  # type: ignore[arg-type]


def test_stable_id_is_deterministic_and_sensitive_to_every_part() -> None:
    assert stable_id("a", 1) == stable_id("a", 1)
    assert stable_id("a", 1) != stable_id("a", 2)
    assert stable_id("ab", "c") != stable_id("a", "bc")  # parts are separated, not concatenated
    assert len(stable_id("x")) == 16


def test_article_id_is_a_content_hash_ignoring_surrounding_blank_space() -> None:
    first = RawDocument("a.txt", "Some story.\n")
    assert first.article_id == RawDocument("b.txt", "  Some story.").article_id
    assert first.article_id != RawDocument("a.txt", "Another story.").article_id


def test_event_record_has_the_contract_shape() -> None:
    record = make_event(
        location=Place("Ankara", 0, 6, "Ankara", "TUR", 39.9, 32.9, "city"),
        speaker=Speaker("he", "Sergey Lavrov", "RUSGOV"),
        date="2015-10-15",
        date_precision="day",
        date_basis="text",
    ).to_record("article1")
    assert set(record) == {
        "event_id",
        "article_id",
        "source",
        "target",
        "cameo",
        "cameo_root",
        "goldstein",
        "quad_class",
        "plover",
        "date",
        "date_precision",
        "date_basis",
        "location",
        "negated",
        "modality",
        "speaker",
        "evidence",
        "rule",
        "confidence",
    }
    assert record["cameo_root"] == "11"
    assert record["source"] == {"text": "Russia", "name": "Russia", "code": "RUS"}
    assert record["location"] == {
        "name": "Ankara",
        "country": "TUR",
        "lat": 39.9,
        "lon": 32.9,
        "precision": "city",
    }
    assert record["speaker"] == {"name": "Sergey Lavrov", "code": "RUSGOV"}
    assert record["evidence"] == {"sentence": TEXT[:31], "start": 0, "end": 31}
    assert record["plover"] == {"event_type": None, "mode": None}


def test_event_id_changes_with_actors_and_code_but_not_with_confidence() -> None:
    base = make_event().identity("a1")
    assert make_event(confidence=0.1).identity("a1") == base
    assert make_event(cameo="111").identity("a1") != base
    assert make_event(target=EventActor("Iran", "Iran", "IRN")).identity("a1") != base
    assert make_event().identity("a2") != base


def test_null_target_and_location_serialise_as_null() -> None:
    record = make_event(target=None).to_record("a")
    assert record["target"] is None and record["location"] is None and record["speaker"] is None


def test_quote_and_time_records() -> None:
    quote = Quote("direct", "We will respond,", 33, 49, Speaker("he", "Sergey Lavrov", "RUSGOV"), "said")
    record = quote.to_record("a1")
    assert record["quote_id"] == stable_id("a1", "quote", 33, 49)
    assert record["speaker"] == {"text": "he", "name": "Sergey Lavrov", "code": "RUSGOV"}
    assert TEXT[record["start"] : record["end"]] == record["text"]
    expression = TimeExpression("on Thursday", 3, 14, "DATE", "2015-10-15", "2015-10-15")
    assert expression.to_record("a1") == {
        "article_id": "a1",
        "text": "on Thursday",
        "start": 3,
        "end": 14,
        "type": "DATE",
        "value": "2015-10-15",
        "anchor": "2015-10-15",
    }


def test_article_record_and_sentence_lookup() -> None:
    raw = RawDocument("x.txt", "raw", date_hint=date(2015, 10, 15), date_hint_basis="filename")
    article = Article.from_raw(raw)
    assert article.date_hint == date(2015, 10, 15)
    article.published = date(2015, 10, 15)
    record = article.to_record()
    assert record["published"] == "2015-10-15"
    assert set(record) == {
        "article_id",
        "title",
        "agency",
        "dateline_place",
        "published",
        "published_basis",
        "language",
        "text",
        "source_path",
        "duplicate_of",
    }
