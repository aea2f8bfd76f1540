"""Helpers for the scale tests: a store's full content, and stages that misbehave on purpose.

The stages are registered when this module is imported; worker processes import it too,
because :func:`eventwire.parallel.stage_modules` names it for them.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from eventwire.config import Settings
from eventwire.model import Article
from eventwire.pipeline import PerArticleStage, register_stage

#: A document containing this word makes ``explode`` raise (a bug in a stage).
RAISE_MARKER = "XRAISEX"
#: A document containing this word makes ``crash`` kill its worker process (a native crash).
CRASH_MARKER = "XCRASHX"

#: Columns that record when, not what (they differ between two runs of the same input).
VOLATILE_COLUMNS = frozenset({"stored_at"})


def store_content(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every ordinary table, sorted: equal for stores holding the same data.

    Full-text indexes (derived from the tables) and the order of storage are left out.
    """
    connection = sqlite3.connect(path)
    try:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                "AND name NOT LIKE '%_fts%' ORDER BY name"
            )
        ]
        content = {}
        for table in tables:
            columns = [
                row[1]
                for row in connection.execute(f"PRAGMA table_info({table})")
                if row[1] not in VOLATILE_COLUMNS
            ]
            quoted = ", ".join(f'"{column}"' for column in columns)
            rows = connection.execute(f"SELECT {quoted} FROM {table}").fetchall()
            content[table] = sorted(rows, key=repr)
        return content
    finally:
        connection.close()


@register_stage("explode")
class ExplodeStage(PerArticleStage):
    """Raises on articles holding :data:`RAISE_MARKER`."""

    name = "explode"
    needs_parse = False

    def __init__(self, settings: Settings) -> None:
        pass

    def __call__(self, article: Article) -> None:
        if RAISE_MARKER in article.text:
            raise ValueError("exploded on purpose")


@register_stage("crash")
class CrashStage(PerArticleStage):
    """Kills its process (no exception, no cleanup) on articles holding :data:`CRASH_MARKER`."""

    name = "crash"
    needs_parse = False

    def __init__(self, settings: Settings) -> None:
        pass

    def __call__(self, article: Article) -> None:
        if CRASH_MARKER in article.text:
            os._exit(3)
