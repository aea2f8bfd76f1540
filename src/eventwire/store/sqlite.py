"""The embedded default store: one SQLite file with a plain, documented schema.

Migrations are numbered SQL files in ``store/migrations/sqlite``; ``PRAGMA user_version`` says
which have run, so opening an old file upgrades it. Each article is written in one transaction
with every layer (spans, mentions, quotes, times, places, events): it is either fully stored or
not at all, and an article already present (same content hash) is left untouched, so re-running
a corpus adds nothing.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

from eventwire.errors import StoreError
from eventwire.model import (
    Article,
    Event,
    EventActor,
    Evidence,
    Place,
    Quote,
    Speaker,
    TimeExpression,
)
from eventwire.store.query import EventQuery

MIGRATIONS_PACKAGE = "eventwire.store.migrations.sqlite"


def _migrations() -> list[tuple[int, str, str]]:
    """(version, name, sql) for every shipped migration, in order."""
    found = []
    for entry in resources.files(MIGRATIONS_PACKAGE).iterdir():
        if entry.name.endswith(".sql"):
            found.append((int(entry.name.split("_", 1)[0]), entry.name, entry.read_text(encoding="utf-8")))
    return sorted(found)


class SQLiteStore:
    """Articles and their layers in a SQLite file (WAL mode, FTS5 search)."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = str(path)
        try:
            if read_only:
                uri = f"file:{Path(self.path).resolve()}?mode=ro"
                self.connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
            else:
                self.connection = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
            self.connection.row_factory = sqlite3.Row
            self.connection.execute("PRAGMA foreign_keys = ON")
            if not read_only:
                self.connection.execute("PRAGMA journal_mode = WAL")
                self.connection.execute("PRAGMA synchronous = NORMAL")
                self._migrate()
            else:
                self._check_version()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot open as an eventwire SQLite store ({exc})") from None

    # -- schema -------------------------------------------------------------------------------

    @property
    def schema_version(self) -> int:
        return int(self.connection.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        current = self.schema_version
        migrations = _migrations()
        latest = migrations[-1][0] if migrations else 0
        if current > latest:
            raise StoreError(
                f"{self.path}: schema version {current} is newer than this eventwire ({latest}); "
                "upgrade eventwire"
            )
        for version, name, sql in migrations:
            if version <= current:
                continue
            try:
                # executescript commits first; wrap the migration so it applies whole or not at all.
                self.connection.executescript(f"BEGIN;\n{sql}\nPRAGMA user_version = {version};\nCOMMIT;")
            except sqlite3.DatabaseError as exc:
                self.connection.rollback()
                raise StoreError(f"{self.path}: migration {name} failed ({exc})") from None

    def _check_version(self) -> None:
        latest = _migrations()[-1][0]
        if self.schema_version != latest:
            raise StoreError(
                f"{self.path}: schema version {self.schema_version}, expected {latest}; "
                "open it once for writing (eventwire run) to migrate"
            )

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- writing ------------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        row = self.connection.execute("SELECT 1 FROM articles WHERE article_id = ?", (article_id,)).fetchone()
        return row is not None

    def add_article(self, article: Article, *, minhash: bytes | None = None) -> bool:
        """Store ``article`` with all its layers in one transaction; False if already stored."""
        with self.connection:  # commits on success, rolls back on any exception
            cursor = self.connection.execute(
                """INSERT OR IGNORE INTO articles (article_id, title, agency, dateline_place, dateline,
                       published, published_basis, language, text, source_path, url, author,
                       duplicate_of, skipped_reason, minhash)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (
                    article.article_id,
                    article.title,
                    article.agency,
                    article.dateline_place,
                    article.dateline,
                    _iso(article.published),
                    article.published_basis,
                    article.language,
                    article.text,
                    article.source_path,
                    article.url,
                    article.author,
                    article.duplicate_of,
                    article.skipped_reason,
                    minhash,
                ),
            )
            if cursor.rowcount == 0:
                return False
            self._insert_layers(article)
        return True

    def _insert_layers(self, article: Article) -> None:
        aid = article.article_id
        execute_many = self.connection.executemany
        spans = [(aid, "paragraph", s, e) for s, e in article.paragraphs]
        spans += [(aid, "subheading", s, e) for s, e in article.subheadings]
        spans += [(aid, "sentence", s.start, s.end) for s in article.sentences]
        execute_many('INSERT INTO spans (article_id, kind, start, "end") VALUES (?, ?, ?, ?)', spans)
        execute_many(
            "INSERT INTO removals (article_id, position, text, rule, reason) VALUES (?, ?, ?, ?, ?)",
            [(aid, i, r.text, r.rule, r.reason) for i, r in enumerate(article.removals)],
        )
        execute_many(
            """INSERT INTO mentions (article_id, position, text, start, "end", label, actor_code,
                   actor_name, country, sector, person, antecedent)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [
                (
                    aid,
                    i,
                    m.text,
                    m.start,
                    m.end,
                    m.label,
                    m.actor.code if m.actor else None,
                    m.actor.name if m.actor else None,
                    m.actor.country if m.actor else None,
                    m.actor.sector if m.actor else None,
                    m.person,
                    m.antecedent,
                )
                for i, m in enumerate(article.mentions)
            ],
        )
        execute_many(
            """INSERT INTO quotes (quote_id, article_id, kind, text, start, "end", cue, cue_start,
                   cue_end, speaker_text, speaker_name, speaker_code, speaker_start, speaker_end)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [_quote_row(aid, q) for q in article.quotes],
        )
        execute_many(
            """INSERT INTO times (article_id, position, text, start, "end", type, value, anchor)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
            [
                (aid, i, t.text, t.start, t.end, t.type, t.value, t.anchor)
                for i, t in enumerate(article.times)
            ],
        )
        execute_many(
            """INSERT INTO places (article_id, position, text, start, "end", name, country, lat, lon,
                   precision) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [
                (aid, i, p.text, p.start, p.end, p.name, p.country, p.lat, p.lon, p.precision)
                for i, p in enumerate(article.places)
            ],
        )
        execute_many(
            f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) VALUES ({', '.join('?' * len(EVENT_COLUMNS))})",
            [_event_row(aid, e) for e in article.events],
        )

    # -- reading ------------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """Row counts of the main tables (used by summaries and tests)."""
        tables = ("articles", "mentions", "quotes", "times", "places", "events")
        return {
            table: int(self.connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
            for table in tables
        }

    def article_records(self) -> Iterator[dict[str, Any]]:
        rows = self.connection.execute("SELECT * FROM articles ORDER BY published, article_id")
        for row in rows:
            yield _article_from_row(row).to_record()

    def minhashes(self) -> Iterator[tuple[str, bytes]]:
        """(article_id, signature) of every stored article that has one, oldest first."""
        rows = self.connection.execute(
            "SELECT article_id, minhash FROM articles WHERE minhash IS NOT NULL ORDER BY rowid"
        )
        for row in rows:
            yield row["article_id"], row["minhash"]

    def event_records(self, query: EventQuery | None = None) -> Iterator[dict[str, Any]]:
        query = query or EventQuery()
        where, params = query.where_clause()
        sql = (
            "SELECT events.* FROM events JOIN articles USING (article_id)"
            f" {where} ORDER BY events.date, events.article_id, events.evidence_start, events.event_id"
        )
        if query.limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params = [*params, query.limit, query.offset]
        for row in self.connection.execute(sql, params):
            yield _event_from_row(row).to_record(row["article_id"])

    def quote_records(self, speaker: str | None = None) -> Iterator[dict[str, Any]]:
        sql = "SELECT quotes.* FROM quotes JOIN articles USING (article_id)"
        params: list[Any] = []
        if speaker:
            sql += " WHERE quotes.speaker_name LIKE ? OR quotes.speaker_text LIKE ?"
            params = [f"%{speaker}%", f"%{speaker}%"]
        sql += " ORDER BY articles.published, quotes.article_id, quotes.start"
        for row in self.connection.execute(sql, params):
            yield _quote_from_row(row).to_record(row["article_id"])

    def time_records(self) -> Iterator[dict[str, Any]]:
        rows = self.connection.execute("SELECT * FROM times ORDER BY article_id, start")
        for row in rows:
            expression = TimeExpression(
                row["text"], row["start"], row["end"], row["type"], row["value"], row["anchor"]
            )
            yield expression.to_record(row["article_id"])

    def place_records(self) -> Iterator[dict[str, Any]]:
        """Places grouped by what they resolved to, with counts; unresolved toponyms included."""
        rows = self.connection.execute(
            """SELECT COALESCE(name, text) AS name, country, lat, lon, precision,
                      name IS NULL AS unresolved, COUNT(*) AS mentions,
                      COUNT(DISTINCT article_id) AS articles, GROUP_CONCAT(DISTINCT text) AS texts
               FROM places GROUP BY COALESCE(name, text), country, precision
               ORDER BY unresolved, mentions DESC, name"""
        )
        for row in rows:
            yield {
                "name": row["name"],
                "country": row["country"],
                "lat": row["lat"],
                "lon": row["lon"],
                "precision": row["precision"],
                "resolved": not row["unresolved"],
                "mentions": row["mentions"],
                "articles": row["articles"],
                "texts": sorted(set(row["texts"].split(","))),
            }

    def actor_records(self, *, unresolved: bool = False) -> Iterator[dict[str, Any]]:
        """Resolved actors with mention counts, or unresolved mention texts with counts."""
        view = "unresolved_mentions" if unresolved else "actor_list"
        for row in self.connection.execute(f"SELECT * FROM {view}"):
            yield dict(row)


# -- row <-> model -------------------------------------------------------------------------------

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
)


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _event_row(article_id: str, event: Event) -> tuple[Any, ...]:
    source, target, place = event.source, event.target, event.location
    return (
        event.identity(article_id),
        article_id,
        source.text if source else None,
        source.name if source else None,
        source.code if source else None,
        target.text if target else None,
        target.name if target else None,
        target.code if target else None,
        event.cameo,
        event.cameo_root,
        event.goldstein,
        event.quad_class,
        event.plover_type,
        event.plover_mode,
        event.date,
        event.date_precision,
        event.date_basis,
        place.name if place else None,
        place.country if place else None,
        place.lat if place else None,
        place.lon if place else None,
        place.precision if place else None,
        int(event.negated),
        event.modality,
        event.speaker.name if event.speaker else None,
        event.speaker.code if event.speaker else None,
        event.evidence.sentence,
        event.evidence.start,
        event.evidence.end,
        event.rule,
        event.confidence,
    )


def _event_from_row(row: sqlite3.Row) -> Event:
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


def _quote_row(article_id: str, quote: Quote) -> tuple[Any, ...]:
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
        speaker.text if speaker else None,
        speaker.name if speaker else None,
        speaker.code if speaker else None,
        speaker.start if speaker else None,
        speaker.end if speaker else None,
    )


def _quote_from_row(row: sqlite3.Row) -> Quote:
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


def _article_from_row(row: sqlite3.Row) -> Article:
    return Article(
        article_id=row["article_id"],
        source_path=row["source_path"],
        raw_text="",
        text=row["text"],
        title=row["title"],
        agency=row["agency"],
        dateline_place=row["dateline_place"],
        dateline=row["dateline"],
        published=date.fromisoformat(row["published"]) if row["published"] else None,
        published_basis=row["published_basis"],
        language=row["language"],
        url=row["url"],
        author=row["author"],
        duplicate_of=row["duplicate_of"],
        skipped_reason=row["skipped_reason"],
    )
