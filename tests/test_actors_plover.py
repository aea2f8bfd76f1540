"""The PLOVER gold-record reader and the actor scoring of ``eventwire eval --format plover``."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.config import Settings
from eventwire.errors import InputError
from eventwire.evaluate import EVALUATORS, guess_format
from eventwire.evaluate.plover import (
    PloverActor,
    evaluate,
    gold_country,
    gold_sector,
    predicted_country,
    read_plover_records,
)
from eventwire.model import Actor
from eventwire.pipeline import Pipeline

FIXTURE = Path(__file__).parent / "fixtures" / "actors" / "plover_lenient.json"
GOLD = Path(__file__).parent.parent.parent / "shared" / "evaldata" / "plover" / "PLOVER_GSR_CAMEO.txt"
ACTOR_STAGES = ("clean", "dateline", "language", "nlp", "actors")


def test_reader_tolerates_trailing_commas_and_names_bad_records() -> None:
    problems: list[str] = []
    records = list(read_plover_records(FIXTURE, on_error=problems.append))
    assert [record.record_id for record in records] == ["TEST-AGREE-0001", "TEST-ASSAULT-0003"]
    first = records[0]
    assert [actor.code for actor in first.sources] == ["RUS", "TUR"]
    assert first.targets == []
    assert first.text == "Russia and Turkey agreed, {after talks}, to cooperate."  # commas in strings kept
    assert first.line == 7
    assert any("TEST-BROKEN-0002" in problem and "not valid JSON" in problem for problem in problems)
    assert any("TEST-ASSAULT-0003" in problem and "'diplomatic'" in problem for problem in problems)
    assert any("TEST-ASSAULT-0003" in problem and "not YYYY-MM-DD" in problem for problem in problems)
    assert records[1].date is None and records[1].targets == []


@pytest.mark.parametrize("content", ['{"id": 1}', '[{"id": "X", "text": "unterminated]'])
def test_reader_refuses_files_that_are_not_a_record_array(tmp_path: Path, content: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError):
        list(read_plover_records(path))


def test_reader_refuses_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        list(read_plover_records(tmp_path / "missing.txt"))


def test_gold_codes_are_normalised() -> None:
    assert gold_country(PloverActor("Tokyo", "JAP")) == "JPN"
    assert gold_country(PloverActor("U.N.", "IGO")) == "IGO"
    assert gold_sector(PloverActor("ethnic Albanians", "SRB", "CVLalb")) == "CVL"
    assert gold_sector(PloverActor("Israeli troops", "ISR", "***")) is None
    assert gold_sector(PloverActor("Libyans", "LBY", "CIV")) == "CVL"


def test_predicted_country_of_non_state_and_sector_only_actors() -> None:
    assert predicted_country(Actor("IGOUNO", "United Nations")) == "IGO"
    assert predicted_country(Actor("SYRMIL", "Syria military", "SYR", "MIL")) == "SYR"
    assert predicted_country(Actor("OPP", "opposition", None, "OPP")) is None
    assert predicted_country(None) is None


def test_plover_is_a_registered_evaluator() -> None:
    assert EVALUATORS["plover"] == "eventwire.evaluate.plover"
    assert guess_format(Path("PLOVER_GSR_CAMEO.txt")) == "plover"


@pytest.mark.slow
def test_evaluate_scores_actor_country_and_sector(nlp) -> None:
    report = evaluate(FIXTURE, Pipeline(Settings(stages=ACTOR_STAGES)))
    country, sector = report.scores["actor_country"], report.scores["actor_sector"]
    assert (country.correct, country.total) == (3, 3)
    assert (sector.correct, sector.total) == (1, 1)
    assert report.documents == 2


@pytest.mark.slow
def test_gold_records_meet_the_accuracy_targets(nlp) -> None:
    if not GOLD.exists():
        pytest.skip("../shared/evaldata is not available")
    report = evaluate(GOLD, Pipeline(Settings(stages=ACTOR_STAGES)))
    assert report.scores["actor_country"].accuracy >= 0.85
    assert report.scores["actor_sector"].accuracy >= 0.70
