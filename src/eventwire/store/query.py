"""Event filters shared by the CLI, the API and exports, compiled to parameterised SQL.

User input only ever reaches SQL as bound parameters; full-text queries are quoted as phrases
so search syntax in a search box ("AND", stray quotes) cannot break or widen a query. The SQL is
written once for both backends: the few places where SQLite and PostgreSQL differ (full-text
search, string aggregation, insertion order) are the fields of a :class:`Dialect`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

#: LIKE with an escape character, so "%" and "_" typed by a user match themselves.
LIKE = "LIKE ? ESCAPE '\\'"
#: Whether an event's date is an ISO week ("2015-W42", "2015-W42-WE"), on both backends.
IS_WEEK = "events.date LIKE '____-W%'"


def iso_week(day: date) -> str:
    """The ISO week ``day`` falls in, written as event dates write weeks ("2015-W42")."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


#: Listing order: by date (undated first), then article and position. ``event_id`` is unique, so
#: the order is total and a page (limit/offset) is the same page every time, on both backends.
EVENT_ORDER = "events.date ASC NULLS FIRST, events.article_id, events.evidence_start, events.event_id"


@dataclass(frozen=True, slots=True)
class Dialect:
    """The SQL that differs between backends; everything else is written once."""

    name: str
    article_match: str
    """Condition, one ``?``: the article's title or text contains the phrase."""
    evidence_match: str
    """Condition, one ``?``: the event's evidence sentence contains the phrase."""
    quote_match: str
    """Condition, one ``?``: the quote's text contains the phrase."""
    search_parameter: Callable[[str], str]
    """What a user's search text is bound as."""
    concat_distinct: str
    """Aggregate joining the distinct values of ``{}`` with commas."""
    insertion_order: str
    """Column of ``articles`` that grows with every insert."""


def fts_phrase(text: str) -> str:
    """``text`` as one FTS5 phrase: quotes doubled, so nothing in it is query syntax."""
    return '"' + text.replace('"', '""') + '"'


SQLITE = Dialect(
    name="sqlite",
    article_match="articles.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)",
    evidence_match="events.rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)",
    quote_match="quotes.rowid IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)",
    search_parameter=fts_phrase,
    concat_distinct="GROUP_CONCAT(DISTINCT {})",
    insertion_order="rowid",
)

# 'simple': lower-cased words without stemming, which is what FTS5's unicode61 tokenizer does,
# so a search finds the same events on both backends.
POSTGRESQL = Dialect(
    name="postgresql",
    article_match="articles.search @@ phraseto_tsquery('simple', ?)",
    evidence_match="events.evidence_search @@ phraseto_tsquery('simple', ?)",
    quote_match="quotes.search @@ phraseto_tsquery('simple', ?)",
    search_parameter=str,
    concat_distinct="string_agg(DISTINCT {}, ',')",
    insertion_order="seq",
)


@dataclass(slots=True)
class EventQuery:
    """Which events to list; every field is optional and the filters combine with AND."""

    actor: str | None = None
    """CAMEO actor code prefix matched against source or target (``RUS`` matches ``RUSGOV``)."""
    cameo: str | None = None
    """CAMEO code prefix (``19`` = all fighting, ``112`` = accusations)."""
    cameo_root: str | None = None
    """CAMEO root, exactly (``19``)."""
    quad_class: int | None = None
    since: date | None = None
    until: date | None = None
    country: str | None = None
    """ISO 3166 alpha-3 code of the event's location."""
    bbox: tuple[float, float, float, float] | None = None
    """Event location inside (west, south, east, north) in degrees; west > east crosses 180°."""
    search: str | None = None
    """Full-text query (a phrase) over article title and text, and event evidence."""
    include_negated: bool = False
    exclude_duplicates: bool = False
    """Leave out events from articles that are near-duplicates of another stored article."""
    cluster_id: str | None = None
    """Only the events of this cross-article cluster."""
    one_per_cluster: bool = False
    """Only each cluster's representative event: one row per real-world event."""
    limit: int | None = None
    offset: int = 0

    def where_clause(self, dialect: Dialect = SQLITE) -> tuple[str, list[Any]]:
        """A ``WHERE …`` clause over ``events`` joined with ``articles`` and ``clusters``."""
        conditions: list[str] = []
        params: list[Any] = []
        if not self.include_negated:
            conditions.append("events.negated = ?")
            params.append(False)
        if self.actor:
            # A range rather than LIKE: it uses the code indexes on both backends.
            low, high = _prefix_range(self.actor.upper())
            conditions.append(
                "((events.source_code >= ? AND events.source_code < ?)"
                " OR (events.target_code >= ? AND events.target_code < ?))"
            )
            params += [low, high, low, high]
        if self.cameo:
            conditions.append(f"events.cameo {LIKE}")
            params.append(_escape_like(self.cameo) + "%")
        if self.cameo_root:
            conditions.append("events.cameo_root = ?")
            params.append(self.cameo_root)
        if self.quad_class is not None:
            conditions.append("events.quad_class = ?")
            params.append(self.quad_class)
        if self.since:
            # A coarse date counts from its first day (as text, "2015-10" sorts before its days).
            # ISO weeks ("2015-W42") sort after every "2015-MM…" value, so they compare with the
            # first week starting on or after the bound. The outer range (the lower of the two
            # bounds) keeps the date index usable.
            first_monday = self.since + timedelta(days=-self.since.weekday() % 7)
            day, week = self.since.isoformat(), iso_week(first_monday)
            conditions.append(
                f"events.date >= ? AND CASE WHEN {IS_WEEK} THEN events.date >= ? ELSE events.date >= ? END"
            )
            params += [min(day, week), week, day]
        if self.until:
            # Up to the bound's day, a coarse date by its first day: compare on the day's prefix
            # (the next day's prefix is the upper bound), a week on the week of the bound.
            day, week = self.until.isoformat() + "~", iso_week(self.until) + "~"
            conditions.append(
                f"events.date < ? AND CASE WHEN {IS_WEEK} THEN events.date < ? ELSE events.date < ? END"
            )
            params += [max(day, week), week, day]
        if self.country:
            conditions.append("events.location_country = ?")
            params.append(self.country.upper())
        if self.bbox:
            west, south, east, north = self.bbox
            joiner = "AND" if west <= east else "OR"
            conditions.append(
                "events.location_lat BETWEEN ? AND ?"
                f" AND (events.location_lon >= ? {joiner} events.location_lon <= ?)"
            )
            params += [south, north, west, east]
        if self.search:
            conditions.append(f"({dialect.article_match} OR {dialect.evidence_match})")
            params += [dialect.search_parameter(self.search)] * 2
        if self.exclude_duplicates:
            conditions.append("articles.duplicate_of IS NULL")
        if self.cluster_id:
            conditions.append("events.cluster_id = ?")
            params.append(self.cluster_id)
        if self.one_per_cluster:
            conditions.append("clusters.representative_event_id = events.event_id")
        where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
        return where, params

    def page_clause(self) -> tuple[str, list[Any]]:
        """``LIMIT … OFFSET …`` (empty without a limit) and its parameters."""
        if self.limit is None:
            return "", []
        return " LIMIT ? OFFSET ?", [self.limit, self.offset]


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _prefix_range(prefix: str) -> tuple[str, str]:
    """Bounds such that ``low <= code < high`` holds exactly for codes starting with ``prefix``.

    Codes compare bytewise (SQLite's default, and ``COLLATE "C"`` on PostgreSQL); the highest
    code point stands for "anything after the prefix".
    """
    return prefix, prefix + "\U0010ffff"
