"""`eventwire eval` on gold JSONL: the scores are counts a reader can check by hand."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from eventwire.errors import UsageError
from eventwire.evaluate import evaluate, guess_format
from eventwire.evaluate.gold import _distinct_matches, _score_events, read_gold, same_speaker
from eventwire.evaluate.metrics import Report, Score, match_counts
from eventwire.pipeline import Pipeline

from .conftest import FIXTURES


def test_scores_follow_from_counts() -> None:
    score = Score("x")
    score.add(true_positives=3, false_positives=1, false_negatives=2)
    assert score.precision == 0.75 and score.recall == 0.6
    assert score.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert Score("empty").f1 is None and Score("empty").accuracy is None
    score.count(True)
    score.count(False)
    assert score.accuracy == 0.5


def test_match_counts_is_a_multiset_match() -> None:
    assert match_counts(["a", "a", "b"], ["a", "c"]) == (1, 1, 2)
    assert match_counts([], ["a"]) == (0, 1, 0)


def test_distinct_matching_counts_a_repeated_toponym_once() -> None:
    body = "Ankara said. Ankara denied. Rome agreed."
    found = [
        {"text": "Ankara", "start": 0, "end": 6, "country": "TUR"},
        {"text": "Ankara", "start": 13, "end": 19, "country": "TUR"},
        {"text": "Rome", "start": 28, "end": 32, "country": "ITA"},
    ]
    matched, false_positives = _distinct_matches([{"text": "Ankara"}], found, body)
    assert [index for index, _ in matched] == [0] and false_positives == 1  # Rome, once


def test_event_dates_pair_events_of_one_key_by_their_evidence() -> None:
    """Two talks between the same sides on two days: each gold date is checked against the
    event coded from its own sentence, whatever order the events were stored in."""

    def event(date: str, sentence: str) -> dict[str, object]:
        return {"source": "RUSGOV", "target": "EGYGOV", "cameo_root": "04", "negated": False, "date": date,
                "evidence": {"sentence": sentence, "start": 0, "end": len(sentence)}}  # fmt: skip

    first, second = "Lavrov met Shoukry on Tuesday.", "Experts   visited Cairo airports last month."
    found = {"events": [event("2018-09", second), event("2018-10-16", first)]}
    expected = [
        {**event("2018-10-16", first), "evidence": "Lavrov met Shoukry"},
        {**event("2018-09", second), "evidence": "experts visited cairo"},  # spacing and case differ
    ]
    report = Report(dataset="x", documents=1)
    _score_events(report, expected, found)
    assert report.score("event dates").accuracy == 1.0
    assert report.score("events").f1 == 1.0


@pytest.fixture(scope="module")
def report(pipeline: Pipeline):
    return evaluate(FIXTURES / "gold.jsonl", None, pipeline)


def test_every_component_is_scored(report) -> None:
    assert report.documents == 2 and report.failures == []
    for component in (
        "article.agency",
        "article.published",
        "quotes",
        "quotes+speaker",
        "events",
        "times",
        "places",
    ):
        assert component in report.scores, component
    assert report.scores["article.agency"].accuracy == 1.0
    assert report.scores["article.published"].accuracy == 1.0
    quotes = report.scores["quotes"]
    assert quotes.true_positives == 3 and quotes.false_negatives == 0
    assert report.scores["times"].true_positives == 2
    assert report.scores["time values"].accuracy == 1.0


def test_report_serialises_for_machines(report) -> None:
    record = json.loads(json.dumps(report.to_record()))
    assert {score["component"] for score in record["scores"]} >= {"events", "quotes"}


def test_format_is_guessed_from_the_path(tmp_path: Path) -> None:
    assert guess_format(FIXTURES / "gold.jsonl") == "gold"
    (tmp_path / "doc.tml").write_text("<TimeML/>")
    assert guess_format(tmp_path) == "timeml"


def test_bad_gold_files_name_the_line(tmp_path: Path, pipeline: Pipeline) -> None:
    bad = tmp_path / "gold.jsonl"
    bad.write_text('{"file": "a.txt"}\n{not json\n')
    with pytest.raises(UsageError, match=r"gold\.jsonl:2: invalid JSON"):
        list(read_gold(bad))
    bad.write_text('{"article": {}}\n')
    with pytest.raises(UsageError, match=r"gold\.jsonl:1: a gold line needs a 'file'"):
        list(read_gold(bad))
    bad.write_text('{"file": "missing.txt"}\n')
    with pytest.raises(UsageError, match=r"missing\.txt"):
        evaluate(bad, "gold", pipeline)
    with pytest.raises(UsageError, match="no such file"):
        evaluate(tmp_path / "nope.jsonl", None, pipeline)
    with pytest.raises(UsageError, match="unknown eval format"):
        evaluate(bad, "xml", pipeline)


def test_eval_command_prints_a_table_and_json(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from eventwire.cli import app

    shutil.copytree(FIXTURES / "corpus", tmp_path / "corpus")
    shutil.copy(FIXTURES / "gold.jsonl", tmp_path / "gold.jsonl")
    result = CliRunner().invoke(app, ["eval", str(tmp_path / "gold.jsonl"), "--json"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["documents"] == 2
    result = CliRunner().invoke(app, ["eval", str(tmp_path / "gold.jsonl")])
    assert result.exit_code == 0 and "quotes+speaker" in result.stdout


@pytest.mark.parametrize(
    ("gold", "found", "expected"),
    [
        # a person: by name, whatever its spelling or how much of it the story gave
        ("Sergey Lavrov", {"name": "Sergei Lavrov", "text": "he", "code": "RUSGOV"}, True),
        ("Recep Tayyip Erdoğan", {"name": "Tayyip Erdogan", "text": "Erdogan", "code": "TURGOV"}, True),
        ("Lu Wenjie", {"name": "Lu", "text": "Lu", "code": "CHNGOV"}, True),
        # another official of the same government is not the speaker
        ("Sergey Lavrov", {"name": "Alexey Meshkov", "text": "he", "code": "RUSGOV"}, False),
        # an institution: by the words written, or by its code when the found speaker is no person
        (
            "Kyrgyz Foreign Ministry",
            {"name": "Kyrgyzstan government", "text": "the ministry", "code": "KGZGOV"},
            True,
        ),
        ("Kyrgyz Foreign Ministry", {"name": "Kyrgyzstan", "text": "Bishkek", "code": "KGZ"}, True),
        (
            "Kyrgyz Foreign Ministry",
            {"name": "Sadyr Japarov", "text": "the president", "code": "KGZGOV"},
            False,
        ),
        (
            "Kyrgyz Foreign Ministry",
            {"name": "Kazakhstan government", "text": "the ministry", "code": "KAZGOV"},
            False,
        ),
        # an unplaced group matches only by its words, not by sharing a sector code
        ("residents", {"name": "civilians", "text": "residents", "code": "CVL"}, True),
        ("residents", {"name": "civilians", "text": "witnesses", "code": "CVL"}, False),
        # nothing to compare
        ("Sergey Lavrov", None, False),
        (None, {"name": "Sergey Lavrov", "text": "Lavrov", "code": "RUSGOV"}, False),
    ],
)
def test_speakers_match_by_person_name_words_or_institution_code(
    gold: str | None, found: dict[str, str] | None, expected: bool
) -> None:
    assert same_speaker(gold, found) is expected
