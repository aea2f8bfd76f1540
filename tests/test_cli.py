"""The command line, used the way a researcher uses it: files in, contract records out."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.cli import app

from .conftest import FIXTURES, SEED

runner = CliRunner()
CORPUS = FIXTURES / "corpus"


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture corpus (two stories and three bad files) run once into a store."""
    db = tmp_path_factory.mktemp("cli") / "corpus.db"
    code, _, stderr = invoke("run", str(CORPUS), "--db", str(db), "--quiet")
    assert code == 1, stderr  # the bad files fail …
    return db


def test_bad_inputs_are_reported_by_name_and_good_ones_stored(tmp_path: Path) -> None:
    db = tmp_path / "mixed.db"
    code, stdout, stderr = invoke("run", str(CORPUS), str(tmp_path / "missing.txt"), "--db", str(db), "-q")
    assert code == 1
    assert "empty.txt" in stderr and "empty input" in stderr
    assert "image.bin" in stderr and "binary" in stderr
    assert "missing.txt" in stderr and "no such file" in stderr
    assert "2 article(s) stored" in stderr
    assert stdout == ""  # stdout stays clean for pipes
    _, articles, _ = invoke("articles", "--db", str(db))
    assert {Path(record["source_path"]).name for record in jsonl(articles)} == {
        "reuters-2019-03-12-border.txt",
        "ap-2020-06-03-protest.txt",
    }


def test_running_twice_adds_nothing(corpus_db: Path) -> None:
    before = jsonl(invoke("articles", "--db", str(corpus_db))[1])
    events_before = jsonl(invoke("events", "--db", str(corpus_db), "--include-negated")[1])
    code, _, stderr = invoke("run", str(CORPUS), "--db", str(corpus_db), "-q")
    assert code == 1 and "0 article(s) stored" in stderr and "2 already stored" in stderr
    assert jsonl(invoke("articles", "--db", str(corpus_db))[1]) == before
    assert jsonl(invoke("events", "--db", str(corpus_db), "--include-negated")[1]) == events_before


def test_articles_carry_dateline_metadata_and_clean_text(corpus_db: Path) -> None:
    records = {Path(r["source_path"]).name: r for r in jsonl(invoke("articles", "--db", str(corpus_db))[1])}
    kenya = records["reuters-2019-03-12-border.txt"]
    assert kenya["title"] == "Kenya protests Somali shelling near Mandera"
    assert (kenya["agency"], kenya["dateline_place"], kenya["published"]) == (
        "Reuters",
        "NAIROBI",
        "2019-03-12",
    )
    assert "Home > World" not in kenya["text"] and "Reporting by" not in kenya["text"]
    assert kenya["text"].startswith("Kenya's foreign ministry on Tuesday accused Somalia")


def test_every_listing_speaks_jsonl_csv_and_table(corpus_db: Path) -> None:
    for command in ("articles", "events", "quotes", "times", "places"):
        code, stdout, stderr = invoke(command, "--db", str(corpus_db))
        assert code == 0, stderr
        records = jsonl(stdout)
        code, stdout, _ = invoke(command, "--db", str(corpus_db), "--format", "csv")
        assert code == 0
        assert len(list(csv.DictReader(io.StringIO(stdout)))) == len(records)
        code, stdout, _ = invoke(command, "--db", str(corpus_db), "--format", "table")
        assert code == 0 and stdout.strip()


def test_offsets_point_at_the_evidence(corpus_db: Path) -> None:
    texts = {r["article_id"]: r["text"] for r in jsonl(invoke("articles", "--db", str(corpus_db))[1])}
    quotes = jsonl(invoke("quotes", "--db", str(corpus_db))[1])
    events = jsonl(invoke("events", "--db", str(corpus_db), "--include-negated")[1])
    assert quotes and events
    for quote in quotes:
        assert texts[quote["article_id"]][quote["start"] : quote["end"]] == quote["text"]
    for event in events:
        evidence = event["evidence"]
        assert texts[event["article_id"]][evidence["start"] : evidence["end"]] == evidence["sentence"]


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert invoke("events", "--db", str(tmp_path / "nothing-here.db"))[0] == 2
    assert invoke("events", "--since", "yesterday")[0] == 2
    assert invoke("events", "--format", "xml")[0] == 2
    assert invoke("run")[0] == 2


@pytest.mark.skipif(not SEED.exists(), reason="../shared/seed is not available")
def test_seed_article_through_the_installed_command(tmp_path: Path) -> None:
    """The real console script in a subprocess: exit code, stderr summary, contract records."""
    executable = shutil.which("eventwire", path=str(Path(sys.executable).parent))
    assert executable, "the eventwire console script is not installed in this environment"
    db = str(tmp_path / "seed.db")
    done = subprocess.run(
        [executable, "run", str(SEED), "--db", db], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    [article] = jsonl(
        subprocess.run([executable, "articles", "--db", db], capture_output=True, text=True).stdout
    )
    assert "All news" not in article["text"] and "© TASS" not in article["text"]
    assert "Russian warplane at the Syrian Hmeymim airbase" not in article["text"]
    assert (article["dateline_place"], article["agency"], article["published"]) == (
        "MOSCOW",
        "TASS",
        "2015-10-15",
    )
    quotes = jsonl(subprocess.run([executable, "quotes", "--db", db], capture_output=True, text=True).stdout)
    events = jsonl(subprocess.run([executable, "events", "--db", db], capture_output=True, text=True).stdout)
    assert quotes and events
    for quote in quotes:
        assert article["text"][quote["start"] : quote["end"]] == quote["text"]
    for event in events:
        assert (
            article["text"][event["evidence"]["start"] : event["evidence"]["end"]]
            == event["evidence"]["sentence"]
        )


def test_a_failure_naming_a_long_path_stays_on_one_line(tmp_path: Path) -> None:
    missing = tmp_path / ("a-folder-with-a-long-descriptive-name-" * 3) / "wire-story-that-is-not-there.txt"
    code, _, stderr = invoke("run", str(missing), "--db", str(tmp_path / "run.db"), "-q")
    assert code == 1
    line = next(line for line in stderr.splitlines() if "no such file" in line)
    assert str(missing) in line  # whole, so it can be grepped and copied
