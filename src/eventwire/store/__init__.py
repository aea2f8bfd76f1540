"""Stores: where processed articles live. SQLite (a file) by default, PostgreSQL for teams.

``open_store`` picks the backend from the ``--db`` value, so the CLI, the API and the Python
API never name a backend themselves; both backends implement :class:`Store` with the same
schema semantics and return the same records for the same queries.
"""

from __future__ import annotations

from pathlib import Path

from eventwire.errors import StoreError
from eventwire.store.base import QUAD_CLASSES, Period, SQLStore, Store, StoreUnavailableError
from eventwire.store.query import EventQuery
from eventwire.store.sqlite import SQLiteStore

__all__ = [
    "QUAD_CLASSES",
    "EventQuery",
    "Period",
    "SQLStore",
    "SQLiteStore",
    "Store",
    "StoreUnavailableError",
    "is_postgres_url",
    "open_store",
]

POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def is_postgres_url(url: str | Path) -> bool:
    return str(url).startswith(POSTGRES_SCHEMES)


def open_store(url: str | Path, *, read_only: bool = False) -> Store:
    """Open the store at ``url``: a file path (SQLite) or a ``postgresql://`` URL.

    Raises :class:`StoreError` for a value that names no usable store (a usage error) and
    :class:`StoreUnavailableError` when a PostgreSQL server cannot be reached.
    """
    text = str(url)
    if is_postgres_url(text):
        from eventwire.store.postgresql import PostgresStore  # psycopg loads only when needed

        return PostgresStore(text, read_only=read_only)
    if "://" in text:
        raise StoreError(f"{text}: unknown store URL; use a SQLite file path or postgresql://…")
    if read_only and not Path(text).exists():
        raise StoreError(f"{text}: no such store; create it with 'eventwire run … --db {text}'")
    return SQLiteStore(text, read_only=read_only)
