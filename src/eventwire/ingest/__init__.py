"""Ingest: turn paths (files, folders, ``-`` for stdin) into a stream of raw documents.

Inputs are expanded lazily and read one at a time, so a folder of a million files or a huge
container never sits in memory. Every problem becomes an :class:`InputFailure` in the same
stream: the caller reports it and carries on with the rest.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from eventwire.errors import InputError, InputFailure
from eventwire.ingest.text import read_text_bytes
from eventwire.model import RawDocument

STDIN_NAME = "-"

#: Files that are never articles, skipped silently when walking a folder.
IGNORED_NAMES = frozenset({".DS_Store", "Thumbs.db", "desktop.ini"})


def iter_paths(paths: Iterable[str]) -> Iterator[str | InputFailure]:
    """Expand inputs into file paths (folders recursively, sorted for reproducible runs)."""
    for raw_path in paths:
        if raw_path == STDIN_NAME:
            yield STDIN_NAME
            continue
        path = Path(raw_path)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not _is_hidden(child, path) and child.name not in IGNORED_NAMES:
                    yield str(child)
        elif path.is_file():
            yield str(path)
        elif path.exists():
            yield InputFailure(raw_path, "not a regular file or folder")
        else:
            yield InputFailure(raw_path, "no such file or folder")


def _is_hidden(child: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in child.relative_to(root).parts)


def read_documents(
    paths: Iterable[str], *, published: date | None = None
) -> Iterator[RawDocument | InputFailure]:
    """Yield every document found under ``paths``, or a failure naming the input and why.

    ``published`` is the user's date for inputs that carry none (``--published``).
    """
    for item in iter_paths(paths):
        if isinstance(item, InputFailure):
            yield item
            continue
        try:
            data = sys.stdin.buffer.read() if item == STDIN_NAME else Path(item).read_bytes()
        except OSError as exc:
            yield InputFailure(item, f"cannot read: {exc.strerror or exc}")
            continue
        try:
            yield from read_text_bytes(item, data, published=published)
        except InputError as exc:
            yield InputFailure(item, exc.message, exc.code)
