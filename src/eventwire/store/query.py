"""Event filters shared by the CLI, the API and exports, compiled to parameterised SQL.

User input only ever reaches SQL as bound parameters; full-text queries are quoted as phrases
so FTS5 syntax in a search box ("AND", stray quotes) cannot break or widen a query.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

#: LIKE with an escape character, so "%" and "_" typed by a user match themselves.
LIKE = "LIKE ? ESCAPE '\\'"


@dataclass(slots=True)
class EventQuery:
    """Which events to list; every field is optional and the filters combine with AND."""

    actor: str | None = None
    """CAMEO actor code prefix matched against source or target (``RUS`` matches ``RUSGOV``)."""
    cameo: str | None = None
    """CAMEO code prefix (``19`` = all fighting, ``112`` = accusations)."""
    quad_class: int | None = None
    since: date | None = None
    until: date | None = None
    country: str | None = None
    """ISO 3166 alpha-3 code of the event's location."""
    search: str | None = None
    """Full-text query over article title and text, and event evidence."""
    include_negated: bool = False
    limit: int | None = None
    offset: int = 0

    def where_clause(self) -> tuple[str, list[Any]]:
        """A ``WHERE …`` clause over ``events`` joined with ``articles``, and its parameters."""
        conditions: list[str] = []
        params: list[Any] = []
        if not self.include_negated:
            conditions.append("events.negated = 0")
        if self.actor:
            conditions.append(f"(events.source_code {LIKE} OR events.target_code {LIKE})")
            params += [_prefix(self.actor.upper())] * 2
        if self.cameo:
            conditions.append(f"events.cameo {LIKE}")
            params.append(_prefix(self.cameo))
        if self.quad_class is not None:
            conditions.append("events.quad_class = ?")
            params.append(self.quad_class)
        if self.since:
            conditions.append("events.date >= ?")
            params.append(self.since.isoformat())
        if self.until:
            # Coarser dates ("2015-10") sort before their days, so compare on the day's prefix.
            conditions.append("substr(events.date, 1, 10) <= ?")
            params.append(self.until.isoformat())
        if self.country:
            conditions.append("events.location_country = ?")
            params.append(self.country.upper())
        if self.search:
            conditions.append(
                "(articles.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)"
                f" OR events.evidence_sentence {LIKE})"
            )
            params += [fts_phrase(self.search), f"%{_escape_like(self.search)}%"]
        where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
        return where, params


def fts_phrase(text: str) -> str:
    """``text`` as one FTS5 phrase: quotes doubled, so nothing in it is query syntax."""
    return '"' + text.replace('"', '""') + '"'


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _prefix(text: str) -> str:
    return _escape_like(text) + "%"
