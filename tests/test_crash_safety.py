"""kill -9 at random points: a rerun must leave the store exactly as one clean run does.

``eventwire run`` stores each article with all its layers in one transaction and brings the
event clusters up to date in one more at the end, so a run killed anywhere loses at most what
was in flight, and running the same command again completes the store. These tests kill the real
command with SIGKILL at random moments (several seeds, over 20 kill points), rerun it, and
compare every row of every table with a clean run's store; then they kill it at the exact
moments that matter most (mid-article, just before and in the middle of the cluster refresh).
"""

from __future__ import annotations

import random
import signal
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from .crash_helpers import (
    CORPUS,
    FAST_STAGES,
    check_integrity,
    copies_of_the_corpus,
    finish_run,
    snapshot,
    start_run,
    stored_articles,
    unclustered_events,
)

Snapshot = dict[str, list[tuple[Any, ...]]]


def clean_run(folder: Path, stages: str | None, paths: tuple[str, ...]) -> Snapshot:
    """The reference: the store after one uninterrupted run."""
    db = folder / "clean.db"
    finish_run(db, stages=stages, paths=paths)
    return snapshot(db)


@pytest.fixture(scope="module")
def big_corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, ...]:
    """256 stories: the fast stages spend about a second storing them."""
    return (str(copies_of_the_corpus(tmp_path_factory.mktemp("corpus"), copies=8)),)


@pytest.fixture(scope="module")
def fast_reference(tmp_path_factory: pytest.TempPathFactory, big_corpus: tuple[str, ...]) -> Snapshot:
    return clean_run(tmp_path_factory.mktemp("fast-reference"), FAST_STAGES, big_corpus)


@pytest.fixture(scope="module")
def full_reference(tmp_path_factory: pytest.TempPathFactory) -> Snapshot:
    reference = clean_run(tmp_path_factory.mktemp("full-reference"), None, (str(CORPUS),))
    assert reference["events"] and reference["clusters"], "the sample corpus should code events"
    return reference


def kill_at_random(
    db: Path, seed: int, kills: int, stages: str | None, paths: tuple[str, ...], total: int
) -> list[int]:
    """Start the run and SIGKILL it at a random point until it has been killed ``kills`` times;
    returns how many articles the store held after each kill.

    Each kill waits until the store holds a random number of articles between what it already
    holds and all ``total``, then a random 0-50 ms more: kills fall while the store is opened
    and migrated or the model loads (nothing stored yet), inside and between article
    transactions, and in the cluster refresh after the last article. A run that finishes
    before its kill is started again.
    """
    rng = random.Random(seed)
    stored_after: list[int] = []
    for _attempt in range(kills * 5):
        target = rng.randint(stored_articles(db) or 0, total)
        process = start_run(db, stages=stages, paths=paths)
        while process.poll() is None and (stored_articles(db) or 0) < target:
            time.sleep(0.005)
        time.sleep(rng.uniform(0, 0.05))
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            process.wait()
            stored_after.append(stored_articles(db) or 0)
            if len(stored_after) == kills:
                return stored_after
        else:
            assert process.returncode == 0, process.stderr.read() if process.stderr else ""
    pytest.fail(f"only {len(stored_after)} of {kills} runs were killed before they finished")


def assert_same_store(db: Path, reference: Snapshot) -> None:
    check_integrity(db)
    after = snapshot(db)
    for table, rows in reference.items():
        assert after[table] == rows, f"table {table} differs from a clean run's"


@pytest.mark.slow
@pytest.mark.parametrize("seed", [11, 23, 37])
def test_killed_fast_runs_finish_exactly_like_a_clean_run(
    tmp_path: Path, fast_reference: Snapshot, big_corpus: tuple[str, ...], seed: int
) -> None:
    reference = fast_reference
    db = tmp_path / "killed.db"
    total = len(reference["articles"])
    stored_after = kill_at_random(db, seed, kills=6, stages=FAST_STAGES, paths=big_corpus, total=total)
    print(f"seed {seed}: articles stored after each kill: {stored_after}")
    finish_run(db, stages=FAST_STAGES, paths=big_corpus)
    assert_same_store(db, reference)


@pytest.mark.slow
def test_killed_full_pipeline_runs_finish_exactly_like_a_clean_run(
    tmp_path: Path, full_reference: Snapshot
) -> None:
    reference = full_reference
    db = tmp_path / "killed.db"
    total = len(reference["articles"])
    stored_after = kill_at_random(db, seed=5, kills=4, stages=None, paths=(str(CORPUS),), total=total)
    print(f"articles stored after each kill: {stored_after}")
    finish_run(db)
    assert_same_store(db, reference)
    assert unclustered_events(db) == 0


#: Runs the real CLI in a process that kills itself with SIGKILL at one chosen moment:
#: ``sys.argv[1]`` names the moment, the rest is the command line.
KILL_AT = """
import os, signal, sys
from eventwire.store.base import SQLStore

moment, sys.argv = sys.argv[1], ["eventwire", *sys.argv[2:]]
die = lambda: os.kill(os.getpid(), signal.SIGKILL)
if moment.startswith("article-"):  # inside the article's transaction, its layers written
    stored, last = [0], int(moment.split("-")[1])
    insert_layers = SQLStore._insert_layers
    def _insert_layers(self, article):
        insert_layers(self, article)
        stored[0] += 1
        if stored[0] == last:
            die()
    SQLStore._insert_layers = _insert_layers
elif moment == "before-refresh":  # every article stored, the cluster refresh not begun
    SQLStore.refresh_clusters = lambda self: die()
elif moment == "mid-refresh":  # clusters rewritten, the refresh's transaction not committed
    replace_clusters = SQLStore._replace_clusters
    def _replace_clusters(self, groups):
        replace_clusters(self, groups)
        die()
    SQLStore._replace_clusters = _replace_clusters
from eventwire.cli import main
main()
"""


def kill_at(db: Path, moment: str) -> None:
    process = start_run(db, prefix=[sys.executable, "-c", KILL_AT, moment])
    process.wait(timeout=600)
    assert process.returncode == -signal.SIGKILL, process.stderr.read() if process.stderr else ""


@pytest.mark.slow
def test_kills_mid_article_and_around_the_cluster_refresh_are_healed_by_a_rerun(
    tmp_path: Path, full_reference: Snapshot
) -> None:
    reference = full_reference
    db = tmp_path / "killed.db"
    kill_at(db, "article-12")  # the 12th article dies half stored: rolled back whole
    after = snapshot(db)
    assert len(after["articles"]) == 11
    assert {row[0] for row in after["events"]} <= {row[0] for row in reference["events"]}

    kill_at(db, "before-refresh")  # the rest stored, never clustered
    after = snapshot(db)
    assert after["articles"] == reference["articles"] and after["events"] != reference["events"]
    assert after["clusters"] == [] and unclustered_events(db) > 0

    kill_at(db, "mid-refresh")  # the refresh dies before its commit: as if it never ran
    assert snapshot(db)["clusters"] == [] and unclustered_events(db) > 0

    stderr = finish_run(db)  # nothing left to store; the refresh heals the clusters
    assert "0 article(s) stored" in stderr and f"{len(reference['articles'])} already stored" in stderr
    assert_same_store(db, reference)
