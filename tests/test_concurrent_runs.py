"""Several ``eventwire run`` processes on one store: nothing corrupted, each article stored once.

Two runs on one SQLite file take turns at the write lock (each waits up to 30 s), and on
PostgreSQL ``ON CONFLICT DO NOTHING`` lets any number of processes race for the same article.
Near-duplicate marks (``duplicate_of``) are left out of the comparison: a run only knows the
copies it or earlier runs stored, so under concurrency which copy is marked is a race.
"""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from eventwire.store import open_store
from eventwire.store.migrations import migrations

from .crash_helpers import CORPUS, FAST_STAGES, check_integrity, finish_run, snapshot, start_run
from .stores import fresh_store_url

STORED = re.compile(r"(\d+) article\(s\) stored")


def without_duplicate_marks(tables: dict[str, list[tuple]], db: Path) -> dict[str, list[tuple]]:
    """The snapshot with the ``duplicate_of`` column blanked."""
    with sqlite3.connect(db) as connection:
        columns = [
            row[1] for row in connection.execute("PRAGMA table_info(articles)") if row[1] != "stored_at"
        ]
    at = columns.index("duplicate_of")
    articles = sorted(((*row[:at], None, *row[at + 1 :]) for row in tables["articles"]), key=repr)
    return {**tables, "articles": articles}


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple]]:
    db = tmp_path_factory.mktemp("reference") / "clean.db"
    finish_run(db, stages=FAST_STAGES)
    return without_duplicate_marks(snapshot(db), db)


def run_together(db: str, path_sets: list[tuple[str, ...]]) -> list[int]:
    """Start one run per path set at once; each must exit 0. Returns what each one stored."""
    processes = [start_run(db, stages=FAST_STAGES, paths=paths) for paths in path_sets]
    stored = []
    for process in processes:
        _, stderr = process.communicate(timeout=600)
        message = stderr.decode(errors="replace")
        assert process.returncode == 0, message
        assert "Traceback" not in message
        stored.append(int(STORED.search(message).group(1)))  # type: ignore[union-attr]
    return stored


def corpus_files() -> list[str]:
    return sorted(str(path) for path in CORPUS.iterdir())


@pytest.mark.slow
def test_two_runs_on_one_sqlite_file_store_everything_once(
    tmp_path: Path, reference: dict[str, list[tuple]]
) -> None:
    db = tmp_path / "shared.db"
    files = corpus_files()
    # The same corpus twice, and two overlapping halves: every article is stored exactly once.
    stored = run_together(str(db), [(str(CORPUS),), (str(CORPUS),)])
    assert sum(stored) == len(files)
    check_integrity(db)
    assert without_duplicate_marks(snapshot(db), db) == reference

    db = tmp_path / "halves.db"
    stored = run_together(str(db), [tuple(files[:20]), tuple(files[12:])])
    assert sum(stored) == len(files)
    check_integrity(db)
    assert without_duplicate_marks(snapshot(db), db) == reference


@pytest.mark.slow
def test_three_runs_on_one_postgres_store_insert_each_article_once(
    tmp_path: Path, reference: dict[str, list[tuple]]
) -> None:
    with fresh_store_url("postgresql", tmp_path) as url:
        with open_store(url):
            pass  # migrate once up front, so the runs race for articles, not for the schema
        stored = run_together(url, [(str(CORPUS),)] * 3)
        assert sum(stored) == len(corpus_files())
        with open_store(url, read_only=True) as store:
            ids = [record["article_id"] for record in store.article_records()]
            counts = store.counts()
        assert sorted(ids) == sorted(row[0] for row in reference["articles"])
        assert counts["articles"] == len(set(ids)) == len(corpus_files())


@pytest.mark.slow
def test_runs_racing_to_create_a_postgres_store_migrate_it_once(tmp_path: Path) -> None:
    files = corpus_files()[:4]
    with fresh_store_url("postgresql", tmp_path) as url:
        stored = run_together(url, [tuple(files), tuple(files)])
        assert sum(stored) == len(files)
        with open_store(url, read_only=True) as store:
            assert store.counts()["articles"] == len(files)


def test_processes_racing_to_create_a_sqlite_store_migrate_it_once(tmp_path: Path) -> None:
    """Several processes open one new file at once: each either migrates it or finds it migrated."""
    db = tmp_path / "new.db"
    opener = (
        "import sys; from eventwire.store import open_store; "
        "store = open_store(sys.argv[1]); print(store.schema_version); store.close()"
    )
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", opener, str(db)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        for _ in range(6)
    ]
    outcomes = [process.communicate(timeout=120) for process in processes]
    assert all(process.returncode == 0 for process in processes), [err.decode() for _, err in outcomes]
    latest = migrations("sqlite")[-1].version
    assert {int(out) for out, _ in outcomes} == {latest}
    check_integrity(db)
