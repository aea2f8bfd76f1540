"""The embedded default store: one SQLite file with a plain, documented schema.

Migrations are numbered SQL files in ``store/migrations/sqlite``; ``PRAGMA user_version`` says
which have run, so opening an old file upgrades it. Each article is written in one transaction
with every layer (spans, mentions, quotes, times, places, events): it is either fully stored or
not at all, and an article already present (same content hash) is left untouched, so re-running
a corpus adds nothing. The queries themselves live in :class:`~eventwire.store.base.SQLStore`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from eventwire.errors import StoreError
from eventwire.store.base import SQLStore
from eventwire.store.migrations import migrations
from eventwire.store.query import SQLITE
from eventwire.store.records import Row


class SQLiteStore(SQLStore):
    """Articles and their layers in a SQLite file (WAL mode, FTS5 search)."""

    dialect = SQLITE
    database_errors = (sqlite3.DatabaseError,)

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = str(path)
        self.location = self.path
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
        shipped = migrations("sqlite")
        latest = shipped[-1].version if shipped else 0
        if current > latest:
            raise StoreError(
                f"{self.path}: schema version {current} is newer than this eventwire ({latest}); "
                "upgrade eventwire"
            )
        for migration in shipped:
            if migration.version <= current:
                continue
            try:
                # executescript commits first; wrap the migration so it applies whole or not at all.
                self.connection.executescript(
                    f"BEGIN;\n{migration.sql}\nPRAGMA user_version = {migration.version};\nCOMMIT;"
                )
            except sqlite3.DatabaseError as exc:
                self.connection.rollback()
                if self.schema_version >= migration.version:
                    continue  # another process opening the new file applied it first
                raise StoreError(f"{self.path}: migration {migration.name} failed ({exc})") from None

    def _check_version(self) -> None:
        latest = migrations("sqlite")[-1].version
        if self.schema_version != latest:
            raise StoreError(
                f"{self.path}: schema version {self.schema_version}, expected {latest}; "
                "open it once for writing (eventwire run) to migrate"
            )

    def optimize(self) -> None:
        """Refresh the query planner's statistics (worth it after a large import)."""
        self.connection.execute("ANALYZE")

    def close(self) -> None:
        self.connection.close()

    # -- primitives ---------------------------------------------------------------------------

    def _execute(self, sql: str, params: tuple[Any, ...] | list[Any] = ()) -> sqlite3.Cursor:
        return self.connection.execute(sql, params)

    def _executemany(self, sql: str, rows: list[tuple[Any, ...]]) -> None:
        if rows:
            self.connection.executemany(sql, rows)

    @contextmanager
    def _transaction(self, *, exclusive: bool = False) -> Iterator[None]:
        if exclusive:
            # Take the write lock before the first read, so what is read is still true at commit.
            self.connection.execute("BEGIN IMMEDIATE")
        with self.connection:  # commits on success, rolls back on any exception
            yield

    def _stream(self, sql: str, params: list[Any]) -> Iterator[Row]:
        yield from self.connection.execute(sql, params)
