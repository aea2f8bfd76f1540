"""The actors stage on parsed text: mentions, conjunctions, metonyms and coreference."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.actors import mention_for_span, mentions_in
from eventwire.model import Article, Mention
from eventwire.pipeline import Pipeline

SEED_DAY = date(2015, 10, 15)


@pytest.fixture(scope="module")
def seed(actors_pipeline: Pipeline, seed_text: str) -> Article:
    return actors_pipeline.process_text(seed_text, published=SEED_DAY)


def _keep_parse(pipeline: Pipeline, text: str) -> Article:
    """Run the stages by hand so the article keeps its parse (for head-based span lookups)."""
    article = pipeline.process_text(text, published=SEED_DAY)
    article.doc = pipeline.stages[3].nlp(article.text)  # type: ignore[attr-defined]
    return article


def _at(article: Article, text: str, occurrence: int = 0) -> list[Mention]:
    """The mentions starting at the ``occurrence``-th place ``text`` is found."""
    start = -1
    for _ in range(occurrence + 1):
        start = article.text.index(text, start + 1)
    return [mention for mention in article.mentions if mention.start == start]


def _codes(article: Article, text: str, occurrence: int = 0) -> list[str | None]:
    return [mention.actor.code if mention.actor else None for mention in _at(article, text, occurrence)]


def test_mentions_are_sorted_and_point_into_the_text(seed: Article) -> None:
    assert seed.mentions == sorted(seed.mentions, key=lambda mention: mention.start)
    for mention in seed.mentions:
        assert seed.text[mention.start : mention.end] == mention.text


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Russian Deputy Foreign Minister Alexey Meshkov", "RUSGOV"),
        ("Russia’s Aerospace Forces", "RUSMIL"),
        ("four missile ships", "RUSMIL"),
        ("the Syrian army", "SYRMIL"),
        ("Syrian President Bashar Assad", "SYRGOV"),
        ("the Turkish authorities", "TURGOV"),
        ("Kurds", "KUR"),
        ("the Islamic State terrorist organization", "IMGSEP"),
        ("The Russian Federation", "RUS"),
        ("the moderate opposition", "SYROPP"),
    ],
)
def test_seed_phrases_resolve_in_context(seed: Article, text: str, code: str) -> None:
    assert code in _codes(seed, text)


def test_seed_pronouns_and_role_nouns_corefer(seed: Article) -> None:
    hes = [mention for mention in seed.mentions if mention.text == "he"]
    expected = ["Alexey Meshkov"] * 2 + ["Sergey Lavrov"] * 4
    assert [mention.person for mention in hes] == expected
    for mention in [*hes, *_at(seed, "the diplomat"), *_at(seed, "the Russian foreign minister")]:
        assert mention.actor is not None and mention.actor.code == "RUSGOV"
        assert mention.antecedent is not None
        antecedent = seed.mentions[mention.antecedent]
        assert antecedent.person == mention.person and antecedent.start < mention.start
    assert [m.person for m in _at(seed, "the diplomat")] == ["Alexey Meshkov"]
    assert [m.person for m in _at(seed, "the Russian foreign minister")] == ["Sergey Lavrov"]
    for occurrence in range(2):
        assert [m.person for m in _at(seed, "Meshkov recalled" if occurrence == 0 else "Meshkov added")] == [
            "Alexey Meshkov"
        ]
    assert {m.person for m in seed.mentions if m.text == "The message"} == {"Sergey Lavrov"}


def test_seed_unnamed_official_is_not_merged_with_a_named_one(seed: Article) -> None:
    (ambassador,) = _at(seed, "the Russian ambassador")
    assert ambassador.person is None and ambassador.actor is not None and ambassador.actor.code == "RUSGOV"


def test_seed_metonyms_and_conjunctions(seed: Article) -> None:
    moscow = seed.text.index("Moscow and Ankara")
    codes = {m.text: m.actor.code for m in seed.mentions if moscow <= m.start < moscow + 17 and m.actor}
    assert codes == {"Moscow": "RUSGOV", "Ankara": "TURGOV"}
    governments = sorted(
        m.actor.code for m in mentions_in(seed, *_span(seed, "the governments of Syria and Iraq")) if m.actor
    )
    assert governments == ["IRQGOV", "SYRGOV"]
    attack = [m for m in seed.mentions if m.text == "Ankara" and seed.text[m.start - 3 : m.start] == "in "]
    assert [m.actor.code for m in attack if m.actor] == ["TUR"]  # a place, not the government


def _span(article: Article, text: str) -> tuple[int, int]:
    start = article.text.index(text)
    return start, start + len(text)


@pytest.mark.slow
def test_moderate_opposition_stays_sector_only_without_a_country_in_context(
    actors_pipeline: Pipeline,
) -> None:
    article = actors_pipeline.process_text("Officials said the moderate opposition should not be attacked.")
    assert "OPP" in _codes(article, "the moderate opposition")


@pytest.mark.slow
def test_unknown_titled_person_is_recognised_by_surname_later(actors_pipeline: Pipeline) -> None:
    text = (
        "Nigerian Deputy Foreign Minister Dubem Oniya arrived in Accra on Monday. "
        "Oniya said the talks went well. She praised her hosts."
    )
    article = actors_pipeline.process_text(text, published=SEED_DAY)
    (later,) = _at(article, "Oniya said")
    assert later.person == "Dubem Oniya" and later.actor is not None and later.actor.code == "NGAGOV"
    # A person of unknown gender is compatible with "she".
    (she,) = _at(article, "She")
    assert she.person == "Dubem Oniya"


@pytest.mark.slow
def test_pronoun_gender_mismatch_skips_to_a_compatible_person(actors_pipeline: Pipeline) -> None:
    text = "Angela Merkel met Sergey Lavrov in Berlin on Monday. She said the talks were useful."
    article = actors_pipeline.process_text(text, published=SEED_DAY)
    (she,) = _at(article, "She")
    assert she.person == "Angela Merkel" and she.actor is not None and she.actor.code == "DEUGOV"


@pytest.mark.slow
def test_mention_for_span_prefers_the_head_and_follows_pronouns(actors_pipeline: Pipeline) -> None:
    text = "Russian Foreign Minister Sergey Lavrov met Turkish officials. He said Moscow was ready."
    article = _keep_parse(actors_pipeline, text)
    subject = mention_for_span(article, *_span(article, "Russian Foreign Minister Sergey Lavrov"))
    assert subject is not None and subject.actor is not None and subject.actor.code == "RUSGOV"
    pronoun = mention_for_span(article, *_span(article, "He"))
    assert pronoun is not None and pronoun.person == "Sergey Lavrov"
    assert mention_for_span(article, *_span(article, "was ready")) is None
    article.doc = None
    leftmost = mention_for_span(article, 0, len(article.text))
    assert leftmost is not None and leftmost.actor is not None and leftmost.actor.code == "RUSGOV"


def test_unparsed_articles_are_left_alone(actors_pipeline: Pipeline) -> None:
    article = actors_pipeline.process_text("Это статья на русском языке о политике и выборах в стране.")
    assert article.mentions == []
