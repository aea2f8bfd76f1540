"""The seed article (TASS, 15 October 2015): its dates, and the dates of its events' clauses."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.tokens import Token

from eventwire.config import Settings
from eventwire.model import Article, RawDocument
from eventwire.pipeline import stage_factory
from eventwire.timex import EventDate, event_date

STAGES = ("clean", "dateline", "language", "nlp", "timex")


@pytest.fixture(scope="module")
def seed(seed_text: str, nlp) -> Article:
    """The seed run through the stages up to timex, keeping the parse (the pipeline drops it)."""
    settings = Settings(stages=STAGES)
    raw = RawDocument("tass-2015-10-15.txt", seed_text, date_hint=date(2015, 10, 15), date_hint_basis="file")
    article = Article.from_raw(raw)
    for name in STAGES:
        stage_factory(name)(settings).process_batch([article])
    return article


def value_after(article: Article, context: str) -> tuple[str, str | None]:
    """The expression that starts right after ``context`` in the text."""
    offset = article.text.index(context) + len(context)
    time = next(time for time in article.times if time.start == offset)
    return time.text, time.value


def trigger(article: Article, word: str, context: str) -> Token:
    """The token ``word`` inside the first occurrence of ``context``."""
    start = article.text.index(context) + context.index(word)
    return next(token for token in article.doc if token.idx == start)


def test_anchor_is_the_dateline_date(seed: Article) -> None:
    assert seed.published == date(2015, 10, 15)
    assert {time.anchor for time in seed.times} == {"2015-10-15"}


@pytest.mark.parametrize(
    ("context", "expected"),
    [
        ("Alexey Meshkov said on ", ("Thursday", "2015-10-15")),
        ("Alexey Meshkov on ", ("Thursday", "2015-10-15")),
        ("Sergey Lavrov on ", ("Wednesday", "2015-10-14")),
        ("Islamic State terrorist organization in Syria on ", ("September 30", "2015-09-30")),
        ("\n\nOn ", ("October 7", "2015-10-07")),
        (". On ", ("October 8", "2015-10-08")),
        ("that occurred on ", ("October 10", "2015-10-10")),
        ("Russia had ", ("recently", "PAST_REF")),
    ],
)
def test_seed_dates(seed: Article, context: str, expected: tuple[str, str]) -> None:
    assert value_after(seed, context) == expected


def test_seed_has_no_spurious_dates(seed: Article) -> None:
    dated = [time for time in seed.times if time.type in ("DATE", "TIME")]
    assert len(dated) == 9  # the eight above and "in the future"
    assert all(time.value for time in seed.times)


@pytest.mark.parametrize(
    ("word", "context", "expected"),
    [
        ("fired", "Caspian Flotilla fired", EventDate("2015-10-07", "day", "text")),
        ("passed", "Syrian army passed", EventDate("2015-10-08", "day", "text")),
        ("started", "Forces started delivering", EventDate("2015-09-30", "day", "text")),
        ("delivering", "started delivering", EventDate("2015-09-30", "day", "text")),
        ("rendering", "Russia is rendering military", EventDate("2015-10-14", "day", "text")),
        ("occurred", "that occurred on", EventDate("2015-10-10", "day", "text")),
        ("attack", "terrorist attack in Ankara", EventDate("2015-10-10", "day", "text")),
        ("read", "on Thursday read out", EventDate("2015-10-15", "day", "text")),
        ("accused", 'recently been "accused', EventDate("PAST_REF", "vague", "text")),
        ("offered", "once again offered", EventDate("2015-10-15", "day", "dateline")),
    ],
)
def test_seed_event_dates(seed: Article, word: str, context: str, expected: EventDate) -> None:
    dated = event_date(seed, trigger(seed, word, context))
    assert dated == expected
    if dated.basis == "text":
        assert dated.expression is not None and dated.expression.value is not None
