"""The pipeline: stages by name, batches, and failures isolated to their article."""

from __future__ import annotations

import pytest

from eventwire.config import Settings
from eventwire.errors import EventwireError, InputFailure
from eventwire.model import Article, RawDocument
from eventwire.pipeline import PerArticleStage, Pipeline, register_stage


@register_stage("test-shout")
class ShoutStage(PerArticleStage):
    """Uppercases the text; refuses articles that mention 'poison'."""

    name = "test-shout"
    needs_parse = False

    def __init__(self, settings: Settings) -> None:
        self.calls = 0

    def __call__(self, article: Article) -> None:
        self.calls += 1
        if "poison" in article.raw_text:
            raise ValueError("poisoned input")
        article.text = article.raw_text.upper()


def documents(*texts: str) -> list[RawDocument]:
    return [RawDocument(f"doc{index}.txt", text) for index, text in enumerate(texts)]


def test_stages_run_in_the_configured_order_by_name() -> None:
    pipeline = Pipeline(Settings(stages=("clean", "test-shout")))
    assert [stage.name for stage in pipeline.stages] == ["clean", "test-shout"]


def test_unknown_stage_names_the_known_ones() -> None:
    with pytest.raises(EventwireError, match=r"unknown stage 'nope'.*clean"):
        Pipeline(Settings(stages=("nope",)))


def test_a_failing_article_does_not_take_its_batch_down() -> None:
    pipeline = Pipeline(Settings(stages=("test-shout",), batch_size=8))
    outcomes = list(pipeline.process(documents("one", "poison two", "three")))
    assert [o.article.text if o.article else None for o in outcomes] == ["ONE", None, "THREE"]
    failure = outcomes[1].failure
    assert failure is not None and failure.source == "doc1.txt" and "poisoned input" in failure.reason


def test_reader_failures_pass_through_in_order() -> None:
    pipeline = Pipeline(Settings(stages=("test-shout",)))
    stream = [documents("a")[0], InputFailure("bad.bin", "binary data"), documents("b")[0]]
    outcomes = list(pipeline.process(stream))
    assert [o.failure.source if o.failure else o.article.text for o in outcomes] == ["A", "bad.bin", "B"]


def test_batches_are_bounded_by_the_batch_size() -> None:
    pipeline = Pipeline(Settings(stages=("test-shout",), batch_size=2))
    outcomes = list(pipeline.process(documents(*"abcde")))
    assert len(outcomes) == 5 and all(o.article for o in outcomes)


def test_process_text_raises_on_failure_and_returns_the_article_otherwise() -> None:
    pipeline = Pipeline(Settings(stages=("test-shout",)))
    assert pipeline.process_text("calm").text == "CALM"
    with pytest.raises(EventwireError, match="poisoned"):
        pipeline.process_text("poison")


def test_the_parse_is_not_kept_after_the_pipeline(pipeline: Pipeline, seed_text: str) -> None:
    article = pipeline.process_text(seed_text)
    assert article.doc is None and article.sentences
    for sentence in article.sentences:
        assert (
            article.text[sentence.start : sentence.end].strip() == article.text[sentence.start : sentence.end]
        )
