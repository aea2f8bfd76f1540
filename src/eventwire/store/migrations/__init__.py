"""Numbered schema migrations, one folder of ``NNNN_name.sql`` files per backend.

A shipped migration is never edited: a schema change is a new file with the next number, so a
store created by any earlier release upgrades by running the files it has not seen.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str


def migrations(backend: str) -> list[Migration]:
    """Every migration shipped for ``backend`` (``sqlite`` or ``postgresql``), in order."""
    found = [
        Migration(int(entry.name.split("_", 1)[0]), entry.name, entry.read_text(encoding="utf-8"))
        for entry in resources.files(f"{__name__}.{backend}").iterdir()
        if entry.name.endswith(".sql")
    ]
    return sorted(found, key=lambda migration: migration.version)
