"""Running ``eventwire run`` as a real process, and comparing whole stores, for the crash tests.

A store is compared table by table, every row and column (``stored_at`` aside, which is the
wall clock): equal snapshots mean nothing was lost, duplicated or half written.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).parent.parent
CORPUS = REPO / "examples" / "corpus"
#: Stages that need no language model: a run of the sample corpus takes about a second.
FAST_STAGES = "clean,dateline,language"
#: Every table a run writes; rows of each are compared in full.
TABLES = ("articles", "spans", "removals", "mentions", "quotes", "times", "places", "events", "clusters")
#: Columns that differ between two correct runs: when the row was written.
VOLATILE = frozenset({"stored_at"})
#: The FTS5 indexes, checked against their content tables after a crash.
FTS_INDEXES = ("articles_fts", "quotes_fts", "events_fts")


def eventwire_command() -> list[str]:
    """The installed console script, as a user runs it."""
    executable = shutil.which("eventwire", path=str(Path(sys.executable).parent))
    assert executable, "the eventwire console script is not installed in this environment"
    return [executable]


def run_env(stages: str | None = None) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "EVENTWIRE_STAGES"}
    if stages:
        env["EVENTWIRE_STAGES"] = stages
    return env


def start_run(
    db: Path | str,
    *,
    stages: str | None = None,
    paths: tuple[str, ...] = (str(CORPUS),),
    prefix: list[str] | None = None,
) -> subprocess.Popen[bytes]:
    """``eventwire run PATHS --db DB -q`` in the background (``prefix`` replaces the executable)."""
    command = [*(prefix or eventwire_command()), "run", *paths, "--db", str(db), "-q"]
    return subprocess.Popen(
        command, env=run_env(stages), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=REPO
    )


def finish_run(db: Path | str, *, stages: str | None = None, paths: tuple[str, ...] = (str(CORPUS),)) -> str:
    """Run to completion; fails the test unless it exits 0. Returns stderr."""
    process = start_run(db, stages=stages, paths=paths)
    _, stderr = process.communicate(timeout=600)
    assert process.returncode == 0, stderr.decode(errors="replace")
    return stderr.decode(errors="replace")


def stored_articles(db: Path | str) -> int | None:
    """How many articles a running store holds, read without creating or locking the file
    (None before the run has created and migrated it)."""
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.1) as connection:
            return int(connection.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return None


def copies_of_the_corpus(folder: Path, copies: int) -> Path:
    """``copies`` variants of every sample story (one closing line differs): a corpus long enough
    that the fast stages spend most of a run storing, full of near-duplicates to mark."""
    for copy in range(copies):
        for story in sorted(CORPUS.iterdir()):
            text = story.read_text(encoding="utf-8")
            closing = f"\n\nFiled as copy {copy} of the wire service archive.\n"
            (folder / f"{copy}-{story.name}").write_text(text + closing, encoding="utf-8")
    return folder


def snapshot(db: Path | str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table a run writes, sorted, without the volatile columns."""
    with sqlite3.connect(db) as connection:
        tables = {}
        for table in TABLES:
            columns = [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]
            kept = ", ".join(f'"{column}"' for column in columns if column not in VOLATILE)
            rows = connection.execute(f"SELECT {kept} FROM {table}").fetchall()
            tables[table] = sorted(rows, key=repr)
    return tables


def check_integrity(db: Path | str) -> None:
    """SQLite's own check of the file, and each full-text index against its table."""
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        for index in FTS_INDEXES:
            connection.execute(f"INSERT INTO {index} ({index}) VALUES ('integrity-check')")


def unclustered_events(db: Path | str) -> int:
    with sqlite3.connect(db) as connection:
        return connection.execute(
            "SELECT COUNT(*) FROM events WHERE cluster_id IS NULL AND negated = 0"
        ).fetchone()[0]
