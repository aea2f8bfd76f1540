"""The run loop: clusters refreshed along the way equal clusters refreshed once at the end."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire import runner
from eventwire.pipeline import Pipeline
from eventwire.store import SQLiteStore

from .conftest import REPO

#: Three outlets reporting one shelling, plus a syndicated copy of one of them.
ONE_EVENT = [
    REPO / "examples" / "corpus" / name
    for name in (
        "reuters-2023-06-13-kyrgyzstan-tajikistan-shelling.txt",
        "ap-2023-06-13-kyrgyz-village-shelled.txt",
        "ap-2023-06-13-syndicated-kyrgyz-village-shelled.txt",
        "afp-2023-06-14-kyrgyz-tajik-border-deaths.txt",
    )
]


def cluster_table(path: Path) -> list[tuple]:
    with SQLiteStore(path) as store:
        return [tuple(row) for row in store.connection.execute("SELECT * FROM clusters ORDER BY cluster_id")]


@pytest.mark.slow
def test_refreshing_clusters_every_article_changes_nothing(
    tmp_path: Path, pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = [str(path) for path in ONE_EVENT]
    with SQLiteStore(tmp_path / "once.db") as store:
        runner.run(paths, store, pipeline=pipeline)
    monkeypatch.setattr(runner, "CLUSTER_EVERY", 1)
    with SQLiteStore(tmp_path / "often.db") as store:
        summary = runner.run(paths, store, pipeline=pipeline)
    assert summary.stored == 4 and summary.duplicates == 1
    clusters = cluster_table(tmp_path / "once.db")
    assert clusters and clusters == cluster_table(tmp_path / "often.db")
