"""`eventwire places`: resolved places with counts, unresolved toponyms too, on both stores."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.model import Place
from eventwire.store import Store

from .stores import make_article

STORY = (
    "PARIS, Texas (AP) — A tornado hit Paris, Texas, on Tuesday, officials in Lamar County said. "
    "Storms also reached Dallas.\n\nOfficials in Vorloguria said the talks would resume."
)


def test_places_are_counted_by_what_they_resolved_to_and_unresolved_ones_listed(store: Store) -> None:
    article = make_article()
    article.places = [
        Place("Paris, Texas", 0, 12, "Paris", "USA", 33.66, -95.56, "city"),
        Place("Paris", 20, 25, "Paris", "USA", 33.66, -95.56, "city"),
        Place("Lamar County", 30, 42, "Texas", "USA", 30.97, -97.68, "adm1"),
        Place("Vorloguria", 50, 60, None, None, None, None, None),
    ]
    store.add_article(article)
    records = {(record["name"], record["resolved"]): record for record in store.place_records()}
    paris = records[("Paris", True)]
    assert (paris["mentions"], paris["articles"], paris["texts"]) == (2, 1, ["Paris", "Paris, Texas"])
    assert records[("Texas", True)]["texts"] == ["Lamar County"]
    unknown = records[("Vorloguria", False)]
    assert (unknown["country"], unknown["precision"], unknown["mentions"]) == (None, None, 1)
    assert [record["resolved"] for record in store.place_records()][-1] is False  # unresolved last


@pytest.mark.slow
def test_the_places_command_lists_a_processed_story(tmp_path: Path) -> None:
    story = tmp_path / "paris.txt"
    story.write_text(STORY, encoding="utf-8")
    db = tmp_path / "places.db"
    runner = CliRunner()
    result = runner.invoke(app, ["run", str(story), "--db", str(db), "--quiet"])
    assert result.exit_code == 0, result.stderr
    result = runner.invoke(app, ["places", "--db", str(db), "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    by_name = {record["name"]: record for record in records}
    assert (by_name["Paris"]["country"], by_name["Paris"]["precision"]) == ("USA", "city")
    assert by_name["Texas"]["mentions"] >= 1 and "Lamar County" in by_name["Texas"]["texts"]
    assert by_name["Dallas"]["country"] == "USA"
    assert all(record["resolved"] for record in records if record["name"] != "Vorloguria")
    result = runner.invoke(app, ["places", "--db", str(tmp_path / "missing.db")])
    assert result.exit_code != 0
