"""The team store: a PostgreSQL database (psycopg 3), selected by a ``postgresql://`` URL.

Same tables, same queries, same records as the SQLite file (the SQL lives in
:class:`~eventwire.store.base.SQLStore`); this module connects, migrates and adapts. Migrations
are numbered SQL files in ``store/migrations/postgresql``, recorded in a ``schema_version``
table and applied under an advisory lock, so several workers opening a fresh database at once
migrate it exactly once. The connection runs in autocommit mode: reads never hold a transaction
open, and each write opens its own.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

import psycopg
from psycopg.conninfo import conninfo_to_dict
from psycopg.rows import dict_row

from eventwire.errors import StoreError
from eventwire.store.base import SQLStore, StoreUnavailableError
from eventwire.store.migrations import migrations
from eventwire.store.query import POSTGRESQL
from eventwire.store.records import Row

#: Advisory lock ids (arbitrary constants): one for migrating, one for re-clustering.
MIGRATION_LOCK = 0x65770001
CLUSTER_LOCK = 0x65770002
#: Rows fetched per round trip when streaming a large result.
STREAM_BATCH = 2000
CONNECT_TIMEOUT_S = 10


@lru_cache(maxsize=512)
def to_psycopg(sql: str) -> str:
    """``?`` placeholders → psycopg's ``%s`` (and a literal ``%`` doubled).

    Safe because eventwire's SQL never has ``?`` or ``%`` inside a literal: user text is always
    a bound parameter.
    """
    return sql.replace("%", "%%").replace("?", "%s")


def display_url(url: str) -> str:
    """``url`` without its password, for messages."""
    return re.sub(r"(://[^:/@]*):[^@/]*@", r"\1:***@", url)


class PostgresStore(SQLStore):
    """Articles and their layers in a PostgreSQL database (tsvector search)."""

    dialect = POSTGRESQL
    database_errors = (psycopg.Error,)

    def __init__(self, url: str, *, read_only: bool = False) -> None:
        self.location = display_url(url)
        try:
            urlsplit(url).port  # noqa: B018  # raises ValueError for a port that is not a number
            conninfo_to_dict(url)
        except (ValueError, psycopg.ProgrammingError) as exc:
            raise StoreError(f"{self.location}: not a valid PostgreSQL URL ({exc})") from None
        try:
            self.connection: psycopg.Connection[dict[str, Any]] = psycopg.connect(
                url, autocommit=True, row_factory=dict_row, connect_timeout=CONNECT_TIMEOUT_S
            )
        except psycopg.OperationalError as exc:
            reason = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
            raise StoreUnavailableError(f"{self.location}: cannot connect to PostgreSQL ({reason})") from None
        try:
            if read_only:
                self._check_version()
                self.connection.execute("SET default_transaction_read_only = on")
            else:
                self._migrate()
        except psycopg.Error as exc:
            self.connection.close()
            raise StoreError(f"{self.location}: cannot open as an eventwire store ({exc})") from None
        except StoreError:
            self.connection.close()
            raise

    # -- schema -------------------------------------------------------------------------------

    @property
    def schema_version(self) -> int:
        exists = self.connection.execute("SELECT to_regclass('schema_version') AS name").fetchone()
        if not exists or exists["name"] is None:
            return 0
        row = self.connection.execute(
            "SELECT COALESCE(MAX(version), 0) AS version FROM schema_version"
        ).fetchone()
        return int(row["version"]) if row else 0

    def _migrate(self) -> None:
        shipped = migrations("postgresql")
        latest = shipped[-1].version
        with self.connection.transaction():
            self.connection.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
            self.connection.execute(
                """CREATE TABLE IF NOT EXISTS schema_version (
                       version    INTEGER PRIMARY KEY,
                       name       TEXT NOT NULL,
                       applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"""
            )
            current = self.schema_version
            if current > latest:
                raise StoreError(
                    f"{self.location}: schema version {current} is newer than this eventwire ({latest}); "
                    "upgrade eventwire"
                )
            for migration in shipped:
                if migration.version <= current:
                    continue
                try:
                    with self.connection.transaction():  # a savepoint: name the failing file
                        self.connection.execute(migration.sql)  # type: ignore[arg-type]
                        self.connection.execute(
                            "INSERT INTO schema_version (version, name) VALUES (%s, %s)",
                            (migration.version, migration.name),
                        )
                except psycopg.Error as exc:
                    raise StoreError(f"{self.location}: migration {migration.name} failed ({exc})") from None

    def _check_version(self) -> None:
        latest = migrations("postgresql")[-1].version
        if self.schema_version != latest:
            raise StoreError(
                f"{self.location}: schema version {self.schema_version}, expected {latest}; "
                "open it once for writing (eventwire run) to migrate"
            )

    def close(self) -> None:
        self.connection.close()

    # -- primitives ---------------------------------------------------------------------------

    def _execute(self, sql: str, params: tuple[Any, ...] | list[Any] = ()) -> psycopg.Cursor[Any]:
        return self.connection.execute(to_psycopg(sql), params)  # type: ignore[arg-type]

    def _executemany(self, sql: str, rows: list[tuple[Any, ...]]) -> None:
        if rows:
            with self.connection.cursor() as cursor:
                cursor.executemany(to_psycopg(sql), rows)  # type: ignore[arg-type]

    @contextmanager
    def _transaction(self, *, exclusive: bool = False) -> Iterator[None]:
        with self.connection.transaction():
            if exclusive:
                self.connection.execute("SELECT pg_advisory_xact_lock(%s)", (CLUSTER_LOCK,))
            yield

    def _stream(self, sql: str, params: list[Any]) -> Iterator[Row]:
        # A server-side cursor lives in a transaction; it sends rows in batches of STREAM_BATCH.
        with (
            self.connection.transaction(),
            self.connection.cursor(name=f"eventwire_{uuid.uuid4().hex}") as cursor,
        ):
            cursor.itersize = STREAM_BATCH
            cursor.execute(to_psycopg(sql), params)  # type: ignore[arg-type]
            yield from cursor
