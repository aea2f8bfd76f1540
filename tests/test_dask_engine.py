"""``eventwire run --engine dask``: a Dask LocalCluster must produce what a local run produces."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq
import pytest
from distributed import LocalCluster

from eventwire.config import Settings
from eventwire.dask_engine import ARTICLE_SCHEMA, EVENT_SCHEMA, run_dask
from eventwire.errors import UsageError
from eventwire.runner import run
from eventwire.store import EventQuery, open_store
from tests.parallel_helpers import RAISE_MARKER, store_content
from tests.test_parallel import LIGHT, generated

REPO = Path(__file__).parent.parent
CORPUS = REPO / "examples" / "corpus"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def cluster():  # type: ignore[no-untyped-def]
    with LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
    ) as local_cluster:
        yield local_cluster


@pytest.fixture(scope="module")
def local_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("local") / "local.db"
    with open_store(db) as store:
        run([str(CORPUS)], store, Settings())
    return db


def test_dask_store_equals_the_local_run(cluster, local_db: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "dask.db"
    with open_store(db) as store:
        summary = run_dask(
            [str(CORPUS)], Settings(), store=store, store_url=str(db), scheduler=cluster.scheduler_address
        )
    assert summary.stored == 32 and not summary.failures
    assert store_content(db) == store_content(local_db)

    with open_store(db) as store:  # a second run skips everything on the workers
        again = run_dask(
            [str(CORPUS)], Settings(), store=store, store_url=str(db), scheduler=cluster.scheduler_address
        )
    assert (again.stored, again.already_stored) == (0, 32)


def test_dask_parquet_holds_the_local_runs_records(cluster, local_db: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    summary = run_dask([str(CORPUS)], Settings(), output_dir=tmp_path, scheduler=cluster.scheduler_address)

    events = pq.read_table(tmp_path / "events", schema=EVENT_SCHEMA).to_pylist()
    articles = pq.read_table(tmp_path / "articles", schema=ARTICLE_SCHEMA).to_pylist()
    assert len(list((tmp_path / "events").glob("part-*.parquet"))) > 1  # several partitions
    with open_store(local_db, read_only=True) as store:
        # The store may add fields of its own (cross-article clusters); Parquet holds the contract's.
        local_events = [
            {name: record[name] for name in EVENT_SCHEMA.names}
            for record in store.event_records(EventQuery(include_negated=True))
        ]
        local_articles = [
            {name: record[name] for name in ARTICLE_SCHEMA.names} for record in store.article_records()
        ]
    # A speaker known only by its words is {name: null, code: null} live but null once stored.
    for record in events:
        if record["speaker"] == {"name": None, "code": None}:
            record["speaker"] = None
    assert sorted(events, key=lambda e: e["event_id"]) == sorted(local_events, key=lambda e: e["event_id"])
    # Near-duplicates need the whole run's order: Parquet partitions leave duplicate_of empty.
    for record in (*articles, *local_articles):
        record["duplicate_of"] = None
    assert sorted(articles, key=lambda a: a["article_id"]) == sorted(
        local_articles, key=lambda a: a["article_id"]
    )
    assert summary.stored == len(articles) == 32


def test_dask_reports_bad_inputs_by_name(cluster, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    stories = generated(tmp_path / "in", 6)
    (tmp_path / "in" / "bad.txt").write_text(f"Head\n\nPARIS (AP) - {RAISE_MARKER} here.\n", encoding="utf-8")
    (tmp_path / "in" / "empty.txt").write_text("", encoding="utf-8")
    db = tmp_path / "dask.db"
    settings = Settings(stages=(*LIGHT, "explode"))
    with open_store(db) as store:
        summary = run_dask(
            [str(tmp_path / "in"), str(tmp_path / "missing.txt")],
            settings,
            store=store,
            store_url=str(db),
            scheduler=cluster.scheduler_address,
        )
    assert sorted(Path(f.source).name for f in summary.failures) == ["bad.txt", "empty.txt", "missing.txt"]
    assert summary.stored == len(stories)


def test_dask_needs_exactly_one_output_and_no_stdin(tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        run_dask([str(CORPUS)], Settings())
    with open_store(tmp_path / "x.db") as store, pytest.raises(UsageError, match="stdin"):
        run_dask(["-"], Settings(), store=store, scheduler="tcp://127.0.0.1:1")
