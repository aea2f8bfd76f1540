"""Exports (JSONL, CSV, Parquet, PLOVER, GDELT 2.0 layout), their docs, bad input, streaming."""

from __future__ import annotations

import csv
import json
import re
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.errors import UsageError
from eventwire.export import (
    FLAT_COLUMNS,
    GDELT_COLUMNS,
    export_events,
    gdelt_event_id,
    parquet_schema,
)
from eventwire.store import EventQuery, SQLiteStore, Store, open_store

from .conftest import REPO
from .stores import event, report
from .test_store_clusters import syndicated_copy, three_reports

runner = CliRunner()


def corpus(store: Store) -> None:
    """One clash reported thrice (and copied once), a statement, a negated event."""
    statement = event(
        "RUS", "KGZ", "010", "2023-06-14", sentence="Russia commented.", quad_class=1, goldstein=0
    )
    statement.plover_type = None
    denied = event("UZB", "TJK", "190", "2023-06-14", negated=True, sentence="Uzbekistan did not fire.")
    for article in [
        *three_reports(),
        syndicated_copy(),
        report("tass", "TASS", "2023-06-14", statement, denied),
    ]:
        store.add_article(article)
    store.refresh_clusters()


@pytest.fixture
def filled(store: Store) -> Store:
    corpus(store)
    return store


def test_jsonl_is_the_contract_records(filled: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    assert export_events(filled, EventQuery(), "jsonl", out) == 5
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert records == list(filled.event_records())


def test_csv_has_the_documented_columns(filled: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    export_events(filled, EventQuery(exclude_duplicates=True), "csv", out)
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert list(rows[0]) == [name for name, _, _ in FLAT_COLUMNS]
    assert len(rows) == 4
    assert {row["cluster_num_articles"] for row in rows if row["cameo_root"] == "19"} == {"3"}


def test_parquet_reads_back_in_pandas_with_the_documented_schema(filled: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.parquet"
    assert export_events(filled, EventQuery(include_negated=True), "parquet", out) == 6
    assert pq.read_schema(out).remove_metadata() == parquet_schema()
    frame = pd.read_parquet(out)
    assert list(frame.columns) == [name for name, _, _ in FLAT_COLUMNS]
    assert len(frame) == 6 and frame["negated"].sum() == 1
    assert str(frame["goldstein"].dtype) == "float64" and str(frame["quad_class"].dtype) == "int8"
    clash = frame[frame["article_id"] == "ap"].iloc[0]
    assert (clash["cluster_num_articles"], clash["cluster_num_sources"]) == (3, 3)


def test_plover_objects_use_plover_field_names(filled: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.json"
    assert export_events(filled, EventQuery(), "plover", out) == 4  # the statement is no PLOVER event
    objects = json.loads(out.read_text())
    ap = next(o for o in objects if o["articleId"] == "ap")
    assert ap["event"] == "ASSAULT" and ap["date"] == "2023-06-13" and ap["publication"] == "AP"
    assert ap["source"] == [{"actorText": "KGZ", "code": "KGZ", "sector": ""}]
    afp = next(o for o in objects if o["articleId"] == "afp")
    assert afp["source"][0]["sector"] == "GOV" and afp["eventLoc"]["country code"] == "KG"
    assert afp["context"] == ",".join(afp["context"].split(","))  # a string, as in the gold records


def parse_gdelt(path: Path) -> list[list[str]]:
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]


def test_gdelt_layout_has_61_typed_columns_one_row_per_cluster(filled: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    assert export_events(filled, EventQuery(include_negated=True), "gdelt", out) == 2
    rows = parse_gdelt(out)
    assert {len(row) for row in rows} == {61}
    for row in rows:
        for cell, (name, kind, _) in zip(row, GDELT_COLUMNS, strict=True):
            if cell and kind == "INTEGER":
                assert re.fullmatch(r"-?\d+", cell), (name, cell)
            if cell and kind == "FLOAT":
                float(cell)
    clash = dict(zip((name for name, _, _ in GDELT_COLUMNS), max(rows, key=lambda row: row[33]), strict=True))
    [cluster] = filled.cluster_records(min_articles=2)
    assert int(clash["GLOBALEVENTID"]) == gdelt_event_id(cluster["event"]["event_id"])
    assert (clash["NumArticles"], clash["NumSources"], clash["NumMentions"]) == ("3", "3", "4")
    assert (clash["SQLDATE"], clash["MonthYear"], clash["Year"]) == ("20230613", "202306", "2023")
    assert (clash["Actor1CountryCode"], clash["Actor2CountryCode"], clash["EventRootCode"]) == (
        "KGZ",
        "TJK",
        "19",
    )
    assert clash["SOURCEURL"] == "https://news.example/ap" and clash["IsRootEvent"] == "1"
    assert clash["AvgTone"] == "" and clash["Actor1Geo_Lat"] == ""  # not invented
    assert len(clash["DATEADDED"]) == 14


def test_gdelt_ids_are_stable_integers() -> None:
    assert gdelt_event_id("ffffffffffffffff") == 2**60 - 1
    assert gdelt_event_id("not-hex") == gdelt_event_id("not-hex") < 2**60


def documented(path: Path) -> list[tuple[str, str]]:
    """(column, type) rows of a markdown table whose rows start with a column name or number."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        if line.startswith("| ") and len(cells) >= 3 and not set(cells[0]) <= {"-"}:
            rows.append((cells[1], cells[2]) if cells[0].isdigit() else (cells[0], cells[1]))
    return rows


def test_docs_match_the_code() -> None:
    gdelt = documented(REPO / "docs" / "gdelt-export.md")
    assert gdelt[1:] == [(name, kind) for name, kind, _ in GDELT_COLUMNS]
    flat = [
        row for row in documented(REPO / "docs" / "export.md") if row[0] in {n for n, _, _ in FLAT_COLUMNS}
    ]
    assert flat == [(name, kind) for name, kind, _ in FLAT_COLUMNS]


def test_bad_formats_and_paths_are_usage_errors(filled: Store, tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="unknown export format"):
        export_events(filled, EventQuery(), "xml", tmp_path / "x.xml")
    with pytest.raises(UsageError, match="does not exist"):
        export_events(filled, EventQuery(), "csv", tmp_path / "missing" / "x.csv")
    with pytest.raises(UsageError, match="is a folder"):
        export_events(filled, EventQuery(), "csv", tmp_path)


class BrokenStore:
    """A store whose event stream fails half-way, like a dropped database connection."""

    def event_records(self, query: EventQuery, *, with_report: bool = False) -> Iterator[dict]:
        yield from SQLiteStore.event_records(self.inner, query, with_report=with_report)  # type: ignore[attr-defined]
        raise OSError("connection lost")


def test_a_failed_export_leaves_nothing_half_written(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "s.db") as inner:
        corpus(inner)
        broken = BrokenStore()
        broken.inner = inner  # type: ignore[attr-defined]
        target = tmp_path / "events.csv"
        target.write_text("the previous export\n")
        for export_format in ("csv", "parquet", "gdelt"):
            with pytest.raises(OSError, match="connection lost"):
                export_events(broken, EventQuery(), export_format, target)  # type: ignore[arg-type]
        assert target.read_text() == "the previous export\n"
        assert sorted(path.name for path in tmp_path.iterdir()) == [
            "events.csv",
            "s.db",
            "s.db-shm",
            "s.db-wal",
        ]


def synthetic_store(path: Path, articles: int, events_each: int) -> None:
    with SQLiteStore(path) as store:
        for number in range(articles):
            happened = [
                event(
                    "RUS",
                    "UKR",
                    "190",
                    f"2022-{number % 12 + 1:02d}-{n % 28 + 1:02d}",
                    sentence=f"Fight {n} in {number}.",
                )
                for n in range(events_each)
            ]
            store.add_article(report(f"s{number}", "AP", "2022-12-31", *happened))


@pytest.mark.slow
@pytest.mark.parametrize("export_format", ["jsonl", "csv", "parquet", "gdelt", "plover"])
def test_exports_stream_in_bounded_memory(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch, export_format: str
) -> None:
    folder = tmp_path_factory.getbasetemp() / "streaming"
    db = folder / "many.db"
    if not db.exists():
        folder.mkdir(exist_ok=True)
        synthetic_store(db, articles=100, events_each=100)  # 10,000 events
    monkeypatch.setattr("eventwire.export.PARQUET_ROW_GROUP", 1000)
    with open_store(db, read_only=True) as store:
        tracemalloc.start()
        written = export_events(store, EventQuery(), export_format, folder / f"out.{export_format}")
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert written == (10_000 if export_format != "gdelt" else 0)  # gdelt: not clustered yet
    # The 10,000 records held at once take about 24 MB; a stream holds one record or row group
    # (plus, for PLOVER, the codebook it reads once).
    assert peak < 10_000_000, f"{export_format}: peak {peak / 1e6:.1f} MB"


def invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stderr


def test_export_command_writes_files_and_reports_errors(tmp_path: Path) -> None:
    db = tmp_path / "cli.db"
    with SQLiteStore(db) as store:
        corpus(store)
    out = tmp_path / "events.parquet"
    code, stderr = invoke("export", "--db", str(db), "--format", "parquet", "-o", str(out), "--actor", "KGZ")
    assert code == 0, stderr
    assert "5 row(s)" in stderr and len(pd.read_parquet(out)) == 5  # KGZ as source or target
    assert invoke("export", "--db", str(db), "--format", "xml", "-o", str(out))[0] == 2
    assert invoke("export", "--db", str(db), "--format", "csv", "-o", str(tmp_path / "no" / "x.csv"))[0] == 2
    assert invoke("export", "--db", str(db), "--format", "csv", "-o", str(out), "--bbox", "1,2")[0] == 2
    assert invoke("export", "--db", "postgresql://h:port/x", "--format", "csv", "-o", str(out))[0] == 2
    code, stderr = invoke(
        "export", "--db", "postgresql://u:pw@127.0.0.1:1/x", "--format", "csv", "-o", str(out)
    )
    assert code == 1 and "cannot connect" in stderr and "pw" not in stderr


def test_stats_and_clusters_commands(tmp_path: Path) -> None:
    db = tmp_path / "cli.db"
    with SQLiteStore(db) as store:
        corpus(store)
    result = runner.invoke(app, ["stats", "--db", str(db), "--by", "day", "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["period"] for r in records if r["kind"] == "periods"] == ["2023-06-13", "2023-06-14"]
    assert next((r["source"], r["target"], r["events"]) for r in records if r["kind"] == "dyads") == (
        "KGZ",
        "TJK",
        2,  # AP's report and its syndicated copy; the other reports code KGZGOV, KGZMIL
    )
    assert runner.invoke(app, ["stats", "--db", str(db)]).exit_code == 0  # tables
    result = runner.invoke(app, ["clusters", "--db", str(db), "--min-articles", "2"])
    [cluster] = [json.loads(line) for line in result.stdout.splitlines()]
    assert cluster["num_articles"] == 3
