"""The PolNeAR reader: BRAT parsing, annotator choice, offset mapping, scores; the dev-set figures."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.config import Settings
from eventwire.errors import UsageError
from eventwire.evaluate import EVALUATORS, guess_format
from eventwire.evaluate.polnear import GoldAttribution, evaluate, offset_map, parse_ann, read_gold
from eventwire.model import Article, RawDocument
from eventwire.pipeline import Pipeline

from .conftest import FIXTURES, SHARED

STORY = FIXTURES / "polnear"
DEV = SHARED / "evaldata" / "polnear-dev"
QUOTE_STAGES = ("clean", "dateline", "language", "nlp", "actors", "quotes")


@pytest.fixture(scope="module")
def quotes_pipeline(nlp) -> Pipeline:
    return Pipeline(Settings(stages=QUOTE_STAGES))


def test_polnear_is_a_registered_format() -> None:
    assert EVALUATORS["polnear"] == "eventwire.evaluate.polnear"
    assert guess_format(STORY) == "polnear"


def test_parse_ann_reads_relations_discontinuous_spans_and_missing_sources() -> None:
    said, told, fine = parse_ann(STORY / "attributions" / "budget-clash_aaaa.ann")
    assert said == GoldAttribution(content=((50, 97),), cue=((45, 49),), source=((28, 44),))
    assert told.content == ((100, 126), (147, 164))
    assert fine.source == ()


def test_the_alphabetically_first_annotator_is_used() -> None:
    gold = dict(read_gold(STORY / "attributions"))
    assert list(gold) == ["budget-clash"]
    assert len(gold["budget-clash"]) == 3  # annotator aaaa, not bbbb (who has one)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("T1\tSource 28\tSenator", ":1: malformed BRAT line"),
        ("E1\tAttribution:T4 Content:T9", ":1: relation names unknown span"),
    ],
)
def test_malformed_annotation_names_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    bad = tmp_path / "story_aaaa.ann"
    bad.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(UsageError, match=message):
        parse_ann(bad)


def test_offset_map_aligns_cleaned_text_with_the_raw_file() -> None:
    raw = "A Headline Line\n\nFirst   paragraph here.\n\nSecond one."
    article = Article(article_id="a", source_path="x", raw_text=raw)
    article.text = "First paragraph here.\n\nSecond one."
    article.paragraphs = [(0, 21), (23, 34)]
    mapping = offset_map(raw, article)
    assert raw[mapping[article.text.index("paragraph")] :].startswith("paragraph here.")
    assert raw[mapping[article.text.index("Second")] :].startswith("Second one.")


def test_a_folder_that_is_not_polnear(tmp_path: Path, quotes_pipeline: Pipeline) -> None:
    with pytest.raises(UsageError, match="not a PolNeAR folder"):
        evaluate(tmp_path, quotes_pipeline)


def test_scores_on_a_small_story(quotes_pipeline: Pipeline) -> None:
    report = evaluate(STORY, quotes_pipeline)
    scores = {name: score.to_record() for name, score in report.scores.items()}
    assert report.documents == 1 and report.failures == []
    # both halves of the split quote and the reported clause are found; the weather is not
    assert (
        scores["quotes.content"]["tp"],
        scores["quotes.content"]["fp"],
        scores["quotes.content"]["fn"],
    ) == (2, 0, 1)
    assert scores["quotes.content.one-to-one"]["fp"] == 1  # the second half of the split quote
    assert scores["quotes.source"]["accuracy"] == 1.0
    assert scores["quotes.source.direct"]["total"] == 1
    assert scores["quotes.cue"]["accuracy"] == 1.0


@pytest.mark.slow
def test_dev_set_meets_the_targets(quotes_pipeline: Pipeline) -> None:
    """PolNeAR dev (read from ../shared, never copied): the issue's targets as a floor."""
    if not DEV.is_dir():
        pytest.skip("../shared/evaldata/polnear-dev is not available")
    scores = evaluate(DEV, quotes_pipeline).scores
    assert scores["quotes.content"].f1 >= 0.75
    assert scores["quotes.source"].accuracy >= 0.80
    assert scores["quotes.source.direct"].accuracy >= 0.95


def test_the_story_yields_a_reported_clause_and_a_split_quote(quotes_pipeline: Pipeline) -> None:
    text = (STORY / "text" / "budget-clash.txt").read_text(encoding="utf-8")
    article = quotes_pipeline.process_text(text)
    raw = RawDocument("budget-clash.txt", text)
    assert article.article_id == raw.article_id
    assert [quote.kind for quote in article.quotes] == ["indirect", "direct", "direct"]
