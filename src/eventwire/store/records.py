"""Rows ↔ model objects, shared by both backends.

Rows are anything indexable by column name (``sqlite3.Row``, psycopg's dict rows). Values that
the backends return differently (PostgreSQL's ``DATE`` and ``TIMESTAMPTZ`` versus SQLite's ISO
text) are normalised here, so records are identical whichever store produced them.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any

from eventwire.model import (
    Article,
    Event,
    EventActor,
    Evidence,
    Place,
    Quote,
    Speaker,
)

Row = Mapping[str, Any]

EVENT_COLUMNS = (
    "event_id",
    "article_id",
    "source_text",
    "source_name",
    "source_code",
    "target_text",
    "target_name",
    "target_code",
    "cameo",
    "cameo_root",
    "goldstein",
    "quad_class",
    "plover_type",
    "plover_mode",
    "date",
    "date_precision",
    "date_basis",
    "location_name",
    "location_country",
    "location_lat",
    "location_lon",
    "location_precision",
    "negated",
    "modality",
    "speaker_name",
    "speaker_code",
    "evidence_sentence",
    "evidence_start",
    "evidence_end",
    "rule",
    "confidence",
    "cluster_key",
)

ARTICLE_COLUMNS = (
    "article_id",
    "title",
    "agency",
    "dateline_place",
    "dateline",
    "published",
    "published_basis",
    "language",
    "text",
    "source_path",
    "url",
    "author",
    "duplicate_of",
    "skipped_reason",
    "minhash",
)

QUOTE_COLUMNS = (
    "quote_id",
    "article_id",
    "kind",
    "text",
    "start",
    "end",
    "cue",
    "cue_start",
    "cue_end",
    "speaker_text",
    "speaker_name",
    "speaker_code",
    "speaker_start",
    "speaker_end",
)


def insert_sql(table: str, columns: tuple[str, ...], suffix: str = "") -> str:
    """``INSERT INTO table (…) VALUES (?, …)`` with every column quoted (``end`` is reserved)."""
    names = ", ".join(f'"{column}"' for column in columns)
    return f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))}){suffix}"


def iso_date(value: date | str | None) -> str | None:
    """A date column as ISO text, whether the backend returned ``date`` or ``str``."""
    if value is None or isinstance(value, str):
        return value
    return value.isoformat()


def iso_timestamp(value: datetime | str | None) -> str | None:
    """A timestamp column as ``YYYY-MM-DDTHH:MM:SSZ`` (UTC), SQLite's stored_at format."""
    if value is None or isinstance(value, str):
        return value
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def actor_country(code: str | None) -> str:
    """The country part of a CAMEO actor code (its first three letters), '' without an actor."""
    return (code or "")[:3]


def cluster_key(source_code: str | None, target_code: str | None, cameo_root: str) -> str:
    """Events that may report one real-world event share this key (see ``store/clusters.py``)."""
    return "|".join((actor_country(source_code), actor_country(target_code), cameo_root))


def article_row(article: Article, minhash: bytes | None) -> tuple[Any, ...]:
    return (
        article.article_id,
        article.title,
        article.agency,
        article.dateline_place,
        article.dateline,
        iso_date(article.published),
        article.published_basis,
        article.language,
        article.text,
        article.source_path,
        article.url,
        article.author,
        article.duplicate_of,
        article.skipped_reason,
        minhash,
    )


def _columns(layer: object | None, *attributes: str) -> tuple[Any, ...]:
    """Row columns of an optional part of a layer (an event's target, a quote's speaker): its
    ``attributes``, or NULLs when it is absent, so every row has the table's width."""
    return tuple(None if layer is None else getattr(layer, name) for name in attributes)


def event_row(article_id: str, event: Event) -> tuple[Any, ...]:
    source, target, place = event.source, event.target, event.location
    return (
        event.identity(article_id),
        article_id,
        *_columns(source, "text", "name", "code"),
        *_columns(target, "text", "name", "code"),
        event.cameo,
        event.cameo_root,
        event.goldstein,
        event.quad_class,
        event.plover_type,
        event.plover_mode,
        event.date,
        event.date_precision,
        event.date_basis,
        *_columns(place, "name", "country", "lat", "lon", "precision"),
        bool(event.negated),
        event.modality,
        *_columns(event.speaker, "name", "code"),
        event.evidence.sentence,
        event.evidence.start,
        event.evidence.end,
        event.rule,
        event.confidence,
        cluster_key(source.code if source else None, target.code if target else None, event.cameo_root),
    )


def event_from_row(row: Row) -> Event:
    def actor(prefix: str) -> EventActor | None:
        if row[f"{prefix}_text"] is None and row[f"{prefix}_code"] is None:
            return None
        return EventActor(row[f"{prefix}_text"], row[f"{prefix}_name"], row[f"{prefix}_code"])

    location = None
    if row["location_name"] is not None or row["location_country"] is not None:
        location = Place(
            text=row["location_name"] or "",
            start=0,
            end=0,
            name=row["location_name"],
            country=row["location_country"],
            lat=row["location_lat"],
            lon=row["location_lon"],
            precision=row["location_precision"],
        )
    speaker = None
    if row["speaker_name"] is not None or row["speaker_code"] is not None:
        speaker = Speaker(None, row["speaker_name"], row["speaker_code"])
    return Event(
        source=actor("source"),
        target=actor("target"),
        cameo=row["cameo"],
        goldstein=row["goldstein"],
        quad_class=row["quad_class"],
        evidence=Evidence(row["evidence_sentence"], row["evidence_start"], row["evidence_end"]),
        rule=row["rule"],
        confidence=row["confidence"],
        plover_type=row["plover_type"],
        plover_mode=row["plover_mode"],
        date=row["date"],
        date_precision=row["date_precision"],
        date_basis=row["date_basis"],
        location=location,
        negated=bool(row["negated"]),
        modality=row["modality"],
        speaker=speaker,
        event_id=row["event_id"],
    )


def event_record(row: Row) -> dict[str, Any]:
    """The contract's event record plus its cross-article ``cluster`` (nulls when unclustered).

    ``row`` is an ``events`` row joined with its cluster's ``num_articles``/``num_sources``
    (selected as ``cluster_events``, ``cluster_articles``, ``cluster_sources``).
    """
    record = event_from_row(row).to_record(row["article_id"])
    record["cluster"] = {
        "cluster_id": row["cluster_id"],
        "num_events": row["cluster_events"],
        "num_articles": row["cluster_articles"],
        "num_sources": row["cluster_sources"],
    }
    return record


def quote_row(article_id: str, quote: Quote) -> tuple[Any, ...]:
    speaker = quote.speaker
    return (
        quote.quote_id or quote.to_record(article_id)["quote_id"],
        article_id,
        quote.kind,
        quote.text,
        quote.start,
        quote.end,
        quote.cue,
        quote.cue_start,
        quote.cue_end,
        *_columns(speaker, "text", "name", "code", "start", "end"),
    )


def quote_from_row(row: Row) -> Quote:
    speaker = None
    if any(row[column] is not None for column in ("speaker_text", "speaker_name", "speaker_code")):
        speaker = Speaker(
            row["speaker_text"],
            row["speaker_name"],
            row["speaker_code"],
            row["speaker_start"],
            row["speaker_end"],
        )
    return Quote(
        kind=row["kind"],
        text=row["text"],
        start=row["start"],
        end=row["end"],
        speaker=speaker,
        cue=row["cue"],
        cue_start=row["cue_start"],
        cue_end=row["cue_end"],
        quote_id=row["quote_id"],
    )


def article_from_row(row: Row) -> Article:
    published = iso_date(row["published"])
    return Article(
        article_id=row["article_id"],
        source_path=row["source_path"],
        raw_text="",
        text=row["text"],
        title=row["title"],
        agency=row["agency"],
        dateline_place=row["dateline_place"],
        dateline=row["dateline"],
        published=date.fromisoformat(published) if published else None,
        published_basis=row["published_basis"],
        language=row["language"],
        url=row["url"],
        author=row["author"],
        duplicate_of=row["duplicate_of"],
        skipped_reason=row["skipped_reason"],
    )
