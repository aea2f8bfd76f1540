"""The seed article (TASS, 15 October 2015): all seventeen quoted passages, each with its speaker."""

from __future__ import annotations

import pytest

from eventwire.model import Article, Quote
from eventwire.pipeline import Pipeline
from eventwire.quotes import quote_at

MARKS = '"“”«»'

#: (start of the quoted text, kind, speaker words, speaker, cue) in text order.
QUOTED = [
    ("The recent events confirm", "direct", "he", "Alexey Meshkov", "said"),
    ("It is necessary to join forces", "direct", "he", "Alexey Meshkov", "said"),
    ("The ties between the Russian and Turkish military", "direct", "he", "Alexey Meshkov", "said"),
    (
        "The fight against terrorism, including the Islamic State [terrorist group]",
        "direct",
        "he",
        "Alexey Meshkov",
        "said",
    ),
    ("accused of attacking the wrong targets in Syria.", "partial", "Meshkov", "Alexey Meshkov", "recalled"),
    ("However, we have repeatedly said", "direct", "the diplomat", "Alexey Meshkov", "said"),
    ("Show us where the extremists", "direct", "the diplomat", "Alexey Meshkov", "said"),
    ("The Islamic State threat can be countered", "direct", "Meshkov", "Alexey Meshkov", "added"),
    ("The conference is very topical", "direct", "Lavrov", "Sergey Lavrov", "said"),
    ("The centuries-long history of Russia and Turkey", "direct", "Lavrov", "Sergey Lavrov", "said"),
    ("Moscow and Ankara have different views", "indirect", "The message", "Sergey Lavrov", "notes"),
    ("Narrowing the approaches", "direct", "the Russian foreign minister", "Sergey Lavrov", "noted"),
    ("We are ready for close cooperation", "direct", "he", "Sergey Lavrov", "said"),
    ("It is necessary to pool efforts", "direct", "he", "Sergey Lavrov", "said"),
    ("We are rendering support in the fight", "direct", "Lavrov", "Sergey Lavrov", "said"),
    ("We have said more than once", "direct", "he", "Sergey Lavrov", "said"),
    ("It probably happened when we were flying [to Finland]", "direct", "he", "Sergey Lavrov", "said"),
]

#: Reported speech without quote marks: (start of the reported clause, speaker, cue).
REPORTED = [
    ("Russia and Turkey should establish closer cooperation", "Alexey Meshkov", "said"),
    (
        'Russia had recently been "accused of attacking the wrong targets in Syria."',
        "Alexey Meshkov",
        "recalled",
    ),
    ("narrowing differences between Moscow and Ankara", "Sergey Lavrov", "said"),
    ("Russia is rendering military support", "Sergey Lavrov", "said"),
]


@pytest.fixture(scope="module")
def seed(pipeline: Pipeline, seed_text: str) -> Article:
    return pipeline.process_text(seed_text)


def quoted_passages(article: Article) -> list[Quote]:
    """Quotes whose content stands between quote marks (not reported clauses)."""
    return [quote for quote in article.quotes if article.text[quote.start - 1] in MARKS]


def test_all_seventeen_quoted_passages_and_nothing_else_is_quoted(seed: Article) -> None:
    found = quoted_passages(seed)
    assert [quote.text[: len(expected[0])] for quote, expected in zip(found, QUOTED, strict=False)] == [
        expected[0] for expected in QUOTED
    ]
    assert len(found) == 17  # the conference title "Russia-Turkey: …" is a name, not a quote


@pytest.mark.parametrize(("start", "kind", "words", "name", "cue"), QUOTED)
def test_each_quoted_passage_has_its_speaker_and_cue(
    seed: Article, start: str, kind: str, words: str, name: str, cue: str
) -> None:
    quote = next(quote for quote in quoted_passages(seed) if quote.text.startswith(start))
    assert quote.kind == kind
    assert quote.speaker is not None
    assert (quote.speaker.text, quote.speaker.name, quote.speaker.code) == (words, name, "RUSGOV")
    assert seed.text[quote.speaker.start : quote.speaker.end] == words
    assert quote.cue == cue
    assert seed.text[quote.cue_start : quote.cue_end] == cue


@pytest.mark.parametrize(("start", "name", "cue"), REPORTED)
def test_reported_speech_is_an_indirect_quote(seed: Article, start: str, name: str, cue: str) -> None:
    quote = next(quote for quote in seed.quotes if quote.text.startswith(start))
    assert quote.kind == "indirect"
    assert quote.speaker is not None and quote.speaker.name == name
    assert quote.cue == cue


def test_quotes_are_sorted_with_stable_ids_and_exact_text(
    seed: Article, pipeline: Pipeline, seed_text: str
) -> None:
    assert [quote.start for quote in seed.quotes] == sorted(quote.start for quote in seed.quotes)
    assert all(seed.text[quote.start : quote.end] == quote.text for quote in seed.quotes)
    again = pipeline.process_text(seed_text)
    assert [quote.quote_id for quote in again.quotes] == [quote.quote_id for quote in seed.quotes]
    assert len({quote.quote_id for quote in seed.quotes}) == len(seed.quotes)


def test_quote_at_gives_the_innermost_quote(seed: Article) -> None:
    offset = seed.text.index("attacking the wrong targets")
    assert quote_at(seed, offset).kind == "partial"  # inside the indirect "Russia had recently been …"
    assert quote_at(seed, seed.text.index("recalled")) is None
    record = quote_at(seed, seed.text.index("Show us")).to_record(seed.article_id)
    assert record["speaker"] == {"text": "the diplomat", "name": "Alexey Meshkov", "code": "RUSGOV"}
