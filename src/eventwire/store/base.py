"""The storage interface, and the SQL both backends share.

:class:`Store` is what the runner, the CLI, the API and exports program against.
:class:`SQLStore` implements it once, in SQL that runs on SQLite and PostgreSQL alike: a backend
supplies only a connection, its migrations, a :class:`~eventwire.store.query.Dialect` and four
primitives (execute, executemany, transaction, stream). Statements are written with ``?``
placeholders; the PostgreSQL backend rewrites them for psycopg.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import AbstractContextManager
from dataclasses import replace
from typing import Any, Literal, Protocol, Self

from eventwire.errors import StoreError
from eventwire.model import Article, Place, TimeExpression
from eventwire.store import clusters
from eventwire.store.query import EVENT_ORDER, LIKE, Dialect, EventQuery, _escape_like, iso_week
from eventwire.store.records import (
    ARTICLE_COLUMNS,
    EVENT_COLUMNS,
    QUOTE_COLUMNS,
    Row,
    article_from_row,
    article_row,
    cluster_key,
    event_record,
    event_row,
    insert_sql,
    iso_date,
    iso_timestamp,
    quote_from_row,
    quote_row,
)

Period = Literal["day", "week", "month"]

#: Stands in for commas of values joined by a comma-separated aggregate (ASCII unit separator).
_COMMA_MASK = "\x1f"

#: QuadClass numbers and the names aggregations use for them.
QUAD_CLASSES = {
    1: "verbal_cooperation",
    2: "material_cooperation",
    3: "verbal_conflict",
    4: "material_conflict",
}


class StoreUnavailableError(StoreError):
    """The store exists in principle but cannot be reached now (server down, refused login).

    Distinct from a malformed ``--db`` value (a usage error): the CLI exits 1, not 2.
    """

    code = "E301"


class Store(Protocol):
    """Where processed articles live; every backend answers these alike."""

    @property
    def schema_version(self) -> int: ...

    def close(self) -> None: ...

    def __enter__(self) -> Store: ...

    def __exit__(self, *exc_info: object) -> None: ...

    def has_article(self, article_id: str) -> bool: ...

    def add_article(self, article: Article, *, minhash: bytes | None = None) -> bool: ...

    def refresh_clusters(self) -> int: ...

    def counts(self) -> dict[str, int]: ...

    def article_records(self) -> Iterator[dict[str, Any]]: ...

    def minhashes(self) -> Iterator[tuple[str, bytes]]: ...

    def event_records(
        self, query: EventQuery | None = None, *, with_report: bool = False
    ) -> Iterator[dict[str, Any]]: ...

    def cluster_records(
        self, query: EventQuery | None = None, *, min_articles: int = 1
    ) -> Iterator[dict[str, Any]]: ...

    def period_counts(self, query: EventQuery | None = None, by: Period = "day") -> list[dict[str, Any]]: ...

    def dyad_records(self, query: EventQuery | None = None, *, top: int = 10) -> list[dict[str, Any]]: ...

    def quote_records(
        self, speaker: str | None = None, search: str | None = None
    ) -> Iterator[dict[str, Any]]: ...

    def time_records(self) -> Iterator[dict[str, Any]]: ...

    def place_records(self) -> Iterator[dict[str, Any]]: ...

    def actor_records(self, *, unresolved: bool = False) -> Iterator[dict[str, Any]]: ...

    def count_events(self, query: EventQuery | None = None) -> int: ...

    def event_record(self, event_id: str) -> dict[str, Any] | None: ...

    def article_detail(self, article_id: str) -> dict[str, Any] | None: ...

    def location_counts(self, query: EventQuery | None = None, *, top: int = 500) -> list[dict[str, Any]]: ...


#: Events with their cluster's figures; every event query starts here.
EVENTS_FROM = (
    " FROM events JOIN articles ON articles.article_id = events.article_id"
    " LEFT JOIN clusters ON clusters.cluster_id = events.cluster_id"
)
EVENT_SELECT = (
    "SELECT "
    + ", ".join(f"events.{column}" for column in EVENT_COLUMNS)
    + ", events.cluster_id, clusters.num_events AS cluster_events,"
    " clusters.num_articles AS cluster_articles, clusters.num_sources AS cluster_sources"
)
#: What exporters need beyond the contract record: the reporting article's provenance, and where
#: its lead paragraph ends (GDELT's IsRootEvent).
REPORT_SELECT = (
    ", articles.url AS report_url, articles.source_path AS report_source_path,"
    " articles.agency AS report_agency, articles.title AS report_title,"
    " articles.published AS report_published, articles.language AS report_language,"
    " articles.stored_at AS report_stored_at,"
    ' (SELECT MIN(spans."end") FROM spans WHERE spans.article_id = events.article_id'
    " AND spans.kind = 'paragraph') AS report_lead_end"
)
#: The columns of ``clusters`` that cluster records show as they are.
CLUSTER_FIELDS = tuple(
    c for c in clusters.CLUSTER_COLUMNS if c not in ("cluster_key", "sources", "representative_event_id")
)
ARTICLE_SELECT = "SELECT " + ", ".join(f"articles.{c}" for c in ARTICLE_COLUMNS if c != "minhash")


class SQLStore:
    """Everything a store does, in SQL both backends run; subclasses connect and migrate."""

    dialect: Dialect
    database_errors: tuple[type[Exception], ...]
    """What the driver raises when a statement fails."""
    location: str
    """What the user named (path or URL without password), for messages."""

    # -- backend primitives -----------------------------------------------------------------

    def _execute(self, sql: str, params: tuple[Any, ...] | list[Any] = ()) -> Any:
        """Run one statement; the returned cursor iterates rows indexable by column name."""
        raise NotImplementedError

    def _executemany(self, sql: str, rows: list[tuple[Any, ...]]) -> None:
        raise NotImplementedError

    def _transaction(self, *, exclusive: bool = False) -> AbstractContextManager[None]:
        """Commit on success, roll back on error; ``exclusive`` also shuts out other writers of
        clusters until the end (SQLite: the write lock; PostgreSQL: an advisory lock)."""
        raise NotImplementedError

    def _stream(self, sql: str, params: list[Any]) -> Iterator[Row]:
        """Rows of a large result, fetched in batches rather than all at once."""
        raise NotImplementedError

    @property
    def schema_version(self) -> int:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- writing ------------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        row = self._execute("SELECT 1 FROM articles WHERE article_id = ?", (article_id,)).fetchone()
        return row is not None

    def add_article(self, article: Article, *, minhash: bytes | None = None) -> bool:
        """Store ``article`` with all its layers in one transaction; False if already stored.

        ``ON CONFLICT DO NOTHING`` makes concurrent inserts of one article by several workers
        safe: the second waits for the first to commit, then inserts nothing.
        """
        try:
            with self._transaction():
                cursor = self._execute(
                    insert_sql("articles", ARTICLE_COLUMNS, " ON CONFLICT (article_id) DO NOTHING"),
                    article_row(article, minhash),
                )
                if cursor.rowcount == 0:
                    return False
                self._insert_layers(article)
        except self.database_errors as exc:
            raise StoreError(
                f"{self.location}: article {article.article_id} ({article.source_path}) not stored: {exc}"
            ) from exc
        return True

    def _insert_layers(self, article: Article) -> None:
        aid = article.article_id
        spans = [(aid, "paragraph", s, e) for s, e in article.paragraphs]
        spans += [(aid, "subheading", s, e) for s, e in article.subheadings]
        spans += [(aid, "sentence", s.start, s.end) for s in article.sentences]
        self._executemany(insert_sql("spans", ("article_id", "kind", "start", "end")), spans)
        self._executemany(
            insert_sql("removals", ("article_id", "position", "text", "rule", "reason")),
            [(aid, i, r.text, r.rule, r.reason) for i, r in enumerate(article.removals)],
        )
        self._executemany(
            insert_sql(
                "mentions",
                (
                    "article_id",
                    "position",
                    "text",
                    "start",
                    "end",
                    "label",
                    "actor_code",
                    "actor_name",
                    "country",
                    "sector",
                    "person",
                    "antecedent",
                ),
            ),
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
        self._executemany(insert_sql("quotes", QUOTE_COLUMNS), [quote_row(aid, q) for q in article.quotes])
        self._executemany(
            insert_sql(
                "times", ("article_id", "position", "text", "start", "end", "type", "value", "anchor")
            ),
            [
                (aid, i, t.text, t.start, t.end, t.type, t.value, t.anchor)
                for i, t in enumerate(article.times)
            ],
        )
        self._executemany(
            insert_sql(
                "places",
                (
                    "article_id",
                    "position",
                    "text",
                    "start",
                    "end",
                    "name",
                    "country",
                    "lat",
                    "lon",
                    "precision",
                ),
            ),
            [
                (aid, i, p.text, p.start, p.end, p.name, p.country, p.lat, p.lon, p.precision)
                for i, p in enumerate(article.places)
            ],
        )
        self._executemany(insert_sql("events", EVENT_COLUMNS), [event_row(aid, e) for e in article.events])

    def refresh_clusters(self) -> int:
        """Cluster every event stored since the last refresh; returns how many events were
        (re-)assigned. Idempotent, and safe while other processes store or refresh."""
        with self._transaction(exclusive=True):
            self._fill_cluster_keys()
            dirty = [
                clusters.Member.from_row(row)
                for row in self._execute(
                    clusters.MEMBER_SELECT
                    + " AND events.cluster_id IS NULL AND events.cluster_key IS NOT NULL",
                    [False],
                )
            ]
            days_by_key, singletons = clusters.dirty_work(dirty)
            groups = [[member] for member in singletons]
            for key, dirty_days in sorted(days_by_key.items()):
                rows = self._execute(
                    "SELECT DISTINCT substr(date, 1, 10) AS day FROM events"
                    " WHERE cluster_key = ? AND negated = ? AND date IS NOT NULL",
                    [key, False],
                )
                days = [day for day in (clusters.event_day(row["day"]) for row in rows) if day]
                for low, high in clusters.affected_segments(days, dirty_days):
                    members = [
                        clusters.Member.from_row(row)
                        for row in self._execute(
                            clusters.MEMBER_SELECT
                            + " AND events.cluster_key = ? AND events.date >= ? AND events.date < ?",
                            [False, key, low, high],
                        )
                    ]
                    groups += clusters.group_members(m for m in members if m.day is not None)
            return self._replace_clusters(groups)

    def _fill_cluster_keys(self) -> None:
        """Key the events stored before clusters existed (schema version 1 files)."""
        rows = self._execute(
            "SELECT event_id, source_code, target_code, cameo_root FROM events WHERE cluster_key IS NULL"
        ).fetchall()
        self._executemany(
            "UPDATE events SET cluster_key = ? WHERE event_id = ?",
            [
                (cluster_key(row["source_code"], row["target_code"], row["cameo_root"]), row["event_id"])
                for row in rows
            ],
        )

    def _replace_clusters(self, groups: list[list[clusters.Member]]) -> int:
        stale = sorted({m.cluster_id for group in groups for m in group if m.cluster_id})
        self._executemany("DELETE FROM clusters WHERE cluster_id = ?", [(cid,) for cid in stale])
        rows = [clusters.summarise(group) for group in groups]
        self._executemany(insert_sql("clusters", clusters.CLUSTER_COLUMNS), rows)
        moved = [
            (row[0], member.event_id)
            for row, group in zip(rows, groups, strict=True)
            for member in group
            if member.cluster_id != row[0]
        ]
        self._executemany("UPDATE events SET cluster_id = ? WHERE event_id = ?", moved)
        return len(moved)

    # -- reading ------------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """Row counts of the main tables (used by summaries and tests)."""
        tables = ("articles", "mentions", "quotes", "times", "places", "events", "clusters")
        return {
            table: int(self._execute(f"SELECT COUNT(*) AS n FROM {table}").fetchone()["n"])
            for table in tables
        }

    def article_records(self) -> Iterator[dict[str, Any]]:
        sql = f"{ARTICLE_SELECT} FROM articles ORDER BY published ASC NULLS FIRST, article_id"
        for row in self._stream(sql, []):
            yield article_from_row(row).to_record()

    def minhashes(self) -> Iterator[tuple[str, bytes]]:
        """(article_id, signature) of every stored article that has one, oldest first."""
        rows = self._stream(
            "SELECT article_id, minhash FROM articles WHERE minhash IS NOT NULL"
            f" ORDER BY {self.dialect.insertion_order}",
            [],
        )
        for row in rows:
            yield row["article_id"], bytes(row["minhash"])

    def event_records(
        self, query: EventQuery | None = None, *, with_report: bool = False
    ) -> Iterator[dict[str, Any]]:
        """Events matching ``query`` as contract records, in a stable order, streamed.

        Each record carries ``cluster`` (``cluster_id``, ``num_events``, ``num_articles``,
        ``num_sources``; nulls until clustered). ``with_report`` adds ``report``: the reporting
        article's url, source_path, agency, title, published, language, stored_at and lead_end
        (where its first paragraph ends), which exporters need.
        """
        query = query or EventQuery()
        where, params = query.where_clause(self.dialect)
        page, page_params = query.page_clause()
        select = EVENT_SELECT + (REPORT_SELECT if with_report else "")
        sql = f"{select}{EVENTS_FROM} {where} ORDER BY {EVENT_ORDER}{page}"
        for row in self._stream(sql, params + page_params):
            record = event_record(row)
            if with_report:
                record["report"] = {
                    "url": row["report_url"],
                    "source_path": row["report_source_path"],
                    "agency": row["report_agency"],
                    "title": row["report_title"],
                    "published": iso_date(row["report_published"]),
                    "language": row["report_language"],
                    "stored_at": iso_timestamp(row["report_stored_at"]),
                    "lead_end": row["report_lead_end"],
                }
            yield record

    def cluster_records(
        self, query: EventQuery | None = None, *, min_articles: int = 1
    ) -> Iterator[dict[str, Any]]:
        """Cross-article clusters whose representative event matches ``query``, oldest first.

        Shape: ``cluster_id``, ``source_country``, ``target_country``, ``cameo_root``,
        ``location_country``, ``first_date``/``last_date`` (event dates),
        ``first_report``/``last_report`` (publication dates), ``num_events``, ``num_articles``,
        ``num_sources``, ``sources`` (agency names) and ``event`` (the representative event
        record). Filters of ``query`` apply to the representative; ``limit``/``offset`` page.
        """
        query = query or EventQuery()
        where, params = replace(query, one_per_cluster=True).where_clause(self.dialect)
        page, page_params = query.page_clause()
        # Prefixed: events has columns of the same names (cameo_root, location_country).
        columns = ", ".join(f"clusters.{column} AS c_{column}" for column in clusters.CLUSTER_COLUMNS)
        sql = (
            f"{EVENT_SELECT}, {columns}{EVENTS_FROM} {where} AND clusters.num_articles >= ?"
            f" ORDER BY clusters.first_date ASC NULLS FIRST, clusters.cluster_id{page}"
        )
        for row in self._stream(sql, [*params, min_articles, *page_params]):
            yield {
                **{name: row[f"c_{name}"] for name in CLUSTER_FIELDS},
                "sources": json.loads(row["c_sources"]),
                "event": event_record(row),
            }

    def period_counts(self, query: EventQuery | None = None, by: Period = "day") -> list[dict[str, Any]]:
        """Events per day, ISO week (``2015-W42``) or month (``2015-10``) and QuadClass.

        One record per period, oldest first: ``period``, a count per QuadClass name
        (:data:`QUAD_CLASSES`), ``events`` (all) and ``goldstein_sum``. Events dated more
        coarsely than the period are not counted.
        """
        query = query or EventQuery()
        where, params = query.where_clause(self.dialect)
        rows = self._execute(
            "SELECT substr(events.date, 1, 10) AS day, events.quad_class AS quad_class,"
            f" COUNT(*) AS n, SUM(events.goldstein) AS goldstein{EVENTS_FROM} {where}"
            " GROUP BY substr(events.date, 1, 10), events.quad_class",
            params,
        )
        periods: dict[str, dict[str, Any]] = {}
        for row in rows:
            period = _period(row["day"], by)
            if period is None:
                continue
            counts = periods.setdefault(
                period,
                {
                    "period": period,
                    **dict.fromkeys(QUAD_CLASSES.values(), 0),
                    "events": 0,
                    "goldstein_sum": 0.0,
                },
            )
            counts[QUAD_CLASSES[row["quad_class"]]] += row["n"]
            counts["events"] += row["n"]
            counts["goldstein_sum"] += row["goldstein"]
        for counts in periods.values():
            counts["goldstein_sum"] = round(counts["goldstein_sum"], 3)
        return [periods[period] for period in sorted(periods)]

    def dyad_records(self, query: EventQuery | None = None, *, top: int = 10) -> list[dict[str, Any]]:
        """The ``top`` actor pairs (source code, target code) by number of events, with the sum
        and mean of their Goldstein scores."""
        query = query or EventQuery()
        where, params = query.where_clause(self.dialect)
        both = "events.source_code IS NOT NULL AND events.target_code IS NOT NULL"
        where = f"{where} AND {both}" if where else f"WHERE {both}"
        rows = self._execute(
            "SELECT events.source_code AS source, events.target_code AS target, COUNT(*) AS n,"
            f" SUM(events.goldstein) AS goldstein{EVENTS_FROM} {where}"
            " GROUP BY events.source_code, events.target_code"
            " ORDER BY COUNT(*) DESC, events.source_code, events.target_code LIMIT ?",
            [*params, top],
        )
        return [
            {
                "source": row["source"],
                "target": row["target"],
                "events": row["n"],
                "goldstein_sum": round(row["goldstein"], 3),
                "goldstein_mean": round(row["goldstein"] / row["n"], 3),
            }
            for row in rows
        ]

    def quote_records(
        self, speaker: str | None = None, search: str | None = None
    ) -> Iterator[dict[str, Any]]:
        """Quotes, optionally by speaker (name contains) and full-text ``search`` in the quote."""
        conditions: list[str] = []
        params: list[Any] = []
        if speaker:
            # The name as typed: a "%" or "_" in it matches itself, not any text.
            pattern = f"%{_escape_like(speaker)}%"
            conditions.append(f"(quotes.speaker_name {LIKE} OR quotes.speaker_text {LIKE})")
            params += [pattern, pattern]
        if search:
            conditions.append(self.dialect.quote_match)
            params.append(self.dialect.search_parameter(search))
        where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
        sql = (
            "SELECT "
            + ", ".join(f'quotes."{column}"' for column in QUOTE_COLUMNS)
            + f" FROM quotes JOIN articles ON articles.article_id = quotes.article_id{where}"
            " ORDER BY articles.published ASC NULLS FIRST, quotes.article_id, quotes.start, quotes.quote_id"
        )
        for row in self._stream(sql, params):
            yield quote_from_row(row).to_record(row["article_id"])

    def time_records(self) -> Iterator[dict[str, Any]]:
        rows = self._stream(
            'SELECT article_id, text, start, "end", type, value, anchor FROM times'
            " ORDER BY article_id, start, position",
            [],
        )
        for row in rows:
            yield {key: row[key] for key in ("article_id", "text", "start", "end", "type", "value", "anchor")}

    def place_records(self) -> Iterator[dict[str, Any]]:
        """Places grouped by what they resolved to, with counts; unresolved toponyms included."""
        # Commas inside a toponym ("Paris, Texas") are masked from the comma-joined aggregate.
        texts = self.dialect.concat_distinct.format(f"REPLACE(text, ',', '{_COMMA_MASK}')")
        rows = self._execute(
            f"""SELECT COALESCE(name, text) AS name, country, MIN(lat) AS lat, MIN(lon) AS lon, precision,
                      name IS NULL AS unresolved, COUNT(*) AS mentions,
                      COUNT(DISTINCT article_id) AS articles, {texts} AS texts
               FROM places GROUP BY name IS NULL, COALESCE(name, text), country, precision
               ORDER BY unresolved, mentions DESC, name, country ASC NULLS FIRST,
                        precision ASC NULLS FIRST"""
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
                "texts": sorted({text.replace(_COMMA_MASK, ",") for text in row["texts"].split(",")}),
            }

    def actor_records(self, *, unresolved: bool = False) -> Iterator[dict[str, Any]]:
        """Resolved actors with mention counts, or unresolved mention texts with counts."""
        view = "unresolved_mentions" if unresolved else "actor_list"
        for row in self._execute(f"SELECT * FROM {view}"):
            yield dict(row)

    def count_events(self, query: EventQuery | None = None) -> int:
        """How many events ``query`` selects, whatever its limit and offset: a listing's total."""
        where, params = (query or EventQuery()).where_clause(self.dialect)
        return int(self._execute(f"SELECT COUNT(*) AS n{EVENTS_FROM} {where}", params).fetchone()["n"])

    def event_record(self, event_id: str) -> dict[str, Any] | None:
        """One event by id, negated or not, shaped as :meth:`event_records` shows it."""
        row = self._execute(f"{EVENT_SELECT}{EVENTS_FROM} WHERE events.event_id = ?", (event_id,)).fetchone()
        return event_record(row) if row else None

    def article_detail(self, article_id: str) -> dict[str, Any] | None:
        """One article with every layer, for a view that highlights them in its ``text``.

        The contract's article record plus ``url``, ``author``, ``dateline``, ``skipped_reason``,
        ``paragraphs`` and ``subheadings`` (``[start, end]`` pairs), ``mentions`` (with the
        resolved ``actor``), ``quotes`` (with cue and speaker offsets), ``times``, ``places`` and
        ``events`` (negated ones too: the text states them), each in text order.
        """
        row = self._execute(f"{ARTICLE_SELECT} FROM articles WHERE article_id = ?", (article_id,)).fetchone()
        if row is None:
            return None
        article = article_from_row(row)
        detail: dict[str, Any] = {
            **article.to_record(),
            "url": article.url,
            "author": article.author,
            "dateline": article.dateline,
            "skipped_reason": article.skipped_reason,
            "paragraphs": [],
            "subheadings": [],
        }
        of_article = (article_id,)
        spans = self._execute(
            'SELECT kind, start, "end" FROM spans WHERE article_id = ? AND kind <> ? ORDER BY start, "end"',
            (article_id, "sentence"),
        )
        for span in spans:
            detail[f"{span['kind']}s"].append([span["start"], span["end"]])
        detail["mentions"] = [
            {
                "index": mention["position"],
                "text": mention["text"],
                "start": mention["start"],
                "end": mention["end"],
                "label": mention["label"],
                "actor": None
                if mention["actor_code"] is None
                else {
                    "code": mention["actor_code"],
                    "name": mention["actor_name"],
                    "country": mention["country"],
                    "sector": mention["sector"],
                },
                "person": mention["person"],
                "antecedent": mention["antecedent"],
            }
            for mention in self._execute(
                'SELECT position, text, start, "end", label, actor_code, actor_name, country, sector,'
                " person, antecedent FROM mentions WHERE article_id = ? ORDER BY position",
                of_article,
            )
        ]
        quote_columns = ", ".join(f'"{column}"' for column in QUOTE_COLUMNS)
        detail["quotes"] = [
            {
                **quote_from_row(quote).to_record(article_id),
                **{key: quote[key] for key in ("cue_start", "cue_end", "speaker_start", "speaker_end")},
            }
            for quote in self._execute(
                f'SELECT {quote_columns} FROM quotes WHERE article_id = ? ORDER BY start, "end", quote_id',
                of_article,
            )
        ]
        detail["times"] = [
            TimeExpression(t["text"], t["start"], t["end"], t["type"], t["value"], t["anchor"]).to_record(
                article_id
            )
            for t in self._execute(
                'SELECT text, start, "end", type, value, anchor FROM times'
                " WHERE article_id = ? ORDER BY position",
                of_article,
            )
        ]
        detail["places"] = [
            Place(
                p["text"], p["start"], p["end"], p["name"], p["country"], p["lat"], p["lon"], p["precision"]
            ).to_record(article_id)
            for p in self._execute(
                'SELECT text, start, "end", name, country, lat, lon, precision FROM places'
                " WHERE article_id = ? ORDER BY position",
                of_article,
            )
        ]
        detail["events"] = [
            event_record(event)
            for event in self._execute(
                f"{EVENT_SELECT}{EVENTS_FROM} WHERE events.article_id = ?"
                " ORDER BY events.evidence_start, events.evidence_end, events.event_id",
                of_article,
            )
        ]
        return detail

    def location_counts(self, query: EventQuery | None = None, *, top: int = 500) -> list[dict[str, Any]]:
        """Events per located place (the ``top`` busiest), with their mean Goldstein score: what a
        map draws. Events without coordinates are left out."""
        where, params = (query or EventQuery()).where_clause(self.dialect)
        located = "events.location_lat IS NOT NULL AND events.location_lon IS NOT NULL"
        where = f"{where} AND {located}" if where else f"WHERE {located}"
        place = (
            "events.location_name, events.location_country, events.location_lat, events.location_lon,"
            " events.location_precision"
        )
        rows = self._execute(
            f"SELECT {place}, COUNT(*) AS n, SUM(events.goldstein) AS goldstein{EVENTS_FROM} {where}"
            f" GROUP BY {place} ORDER BY COUNT(*) DESC, events.location_name ASC NULLS FIRST,"
            " events.location_country ASC NULLS FIRST, events.location_lat, events.location_lon LIMIT ?",
            [*params, top],
        )
        return [
            {
                "name": row["location_name"],
                "country": row["location_country"],
                "lat": row["location_lat"],
                "lon": row["location_lon"],
                "precision": row["location_precision"],
                "events": row["n"],
                "goldstein_mean": round(row["goldstein"] / row["n"], 3),
            }
            for row in rows
        ]


def _period(day_text: str | None, by: Period) -> str | None:
    """The period label of an event date, or None when the date is coarser than ``by``."""
    if by == "month":
        month = (day_text or "")[:7]
        return month if len(month) == 7 and month[:4].isdigit() and month[5:].isdigit() else None
    day = clusters.event_day(day_text)
    if day is None:
        return None
    return day.isoformat() if by == "day" else iso_week(day)
