"""Stores: where processed articles live. SQLite (a file) by default.

``open_store`` picks the backend from the ``--db`` value, so the CLI, the API and the Python
API never name a backend themselves.
"""

from __future__ import annotations

from pathlib import Path

from eventwire.errors import StoreError
from eventwire.store.query import EventQuery
from eventwire.store.sqlite import SQLiteStore

__all__ = ["EventQuery", "SQLiteStore", "open_store"]


def open_store(url: str | Path, *, read_only: bool = False) -> SQLiteStore:
    """Open the store at ``url``: a file path (SQLite) or a ``postgresql://`` URL."""
    text = str(url)
    if text.startswith(("postgresql://", "postgres://")):
        raise StoreError("PostgreSQL stores are not available in this version; use a SQLite file path")
    if read_only and not Path(text).exists():
        raise StoreError(f"{text}: no such store; create it with 'eventwire run … --db {text}'")
    return SQLiteStore(text, read_only=read_only)
