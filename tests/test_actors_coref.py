"""Non-person pronouns, possessive owners, definite descriptions and the article's country."""

from __future__ import annotations

import re
from datetime import date

from eventwire.model import Article
from eventwire.pipeline import Pipeline

DAY = date(2021, 3, 9)


def codes(article: Article, text: str, occurrence: int = 0) -> list[str | None]:
    """Codes of the mentions starting at the ``occurrence``-th ``text`` (as whole words)."""
    start = [found.start() for found in re.finditer(rf"\b{re.escape(text)}\b", article.text)][occurrence]
    return [m.actor.code if m.actor else None for m in article.mentions if m.start == start]


def test_it_stands_for_the_state_that_said_so(actors_pipeline: Pipeline) -> None:
    article = actors_pipeline.process_text(
        "Norway said on Monday it had suspended loans to Chad.", published=DAY
    )
    assert codes(article, "it") == ["NOR"]
    assert article.mentions[[m.text for m in article.mentions].index("it")].antecedent is not None


def test_it_takes_the_last_subject_across_a_sentence(actors_pipeline: Pipeline) -> None:
    text = "Peru's border service rejected the report. It accused Bolivian smugglers of lying."
    article = actors_pipeline.process_text(text, published=DAY)
    assert codes(article, "It") == ["PERMIL"]


def test_a_possessive_takes_the_subject_of_its_own_clause(actors_pipeline: Pipeline) -> None:
    text = "Ghana's foreign ministry issued a statement. It urged Togo to withdraw its troops from the area."
    article = actors_pipeline.process_text(text, published=DAY)
    assert codes(article, "It") == ["GHAGOV"]
    assert codes(article, "its troops") == ["TGOMIL"]


def test_an_organisation_owns_what_its_pronoun_owns(actors_pipeline: Pipeline) -> None:
    text = "The Taliban said on Friday that its fighters had seized a checkpoint. They denied harming anyone."
    article = actors_pipeline.process_text(text, published=DAY)
    assert codes(article, "its fighters") == ["AFGREB"]
    assert codes(article, "They") == ["AFGREB"]


def test_it_never_stands_for_a_person_or_a_plural(actors_pipeline: Pipeline) -> None:
    text = "Soldiers and President Ana Ruiz of Peru met on Monday. It was raining."
    article = actors_pipeline.process_text(text, published=DAY)
    assert codes(article, "It") == [None]


def test_a_thing_as_the_last_subject_keeps_it_unresolved(actors_pipeline: Pipeline) -> None:
    text = "Mexico built a bridge in 1990. The bridge was painted last year. Critics say it is ugly."
    article = actors_pipeline.process_text(text, published=DAY)
    assert codes(article, "it") == [None]


def test_an_object_it_needs_an_actor_right_before_it(actors_pipeline: Pipeline) -> None:
    article = actors_pipeline.process_text(
        "Chile criticised the decision, calling it unwise. Brazil praised the junta and thanked it.",
        published=DAY,
    )
    assert codes(article, "it") == [None]  # the decision is not an actor
    assert codes(article, "it", 1) == codes(article, "the junta")


def test_him_may_stand_for_an_unnamed_official(actors_pipeline: Pipeline) -> None:
    text = "Chile summoned the Peruvian ambassador and handed him a note."
    article = actors_pipeline.process_text(text, published=DAY)
    assert codes(article, "him") == ["PERGOV"]


def test_a_definite_description_repeats_an_earlier_actor(actors_pipeline: Pipeline) -> None:
    text = "The Turkish-led coalition struck a depot on Monday. The coalition said the depot was empty."
    article = actors_pipeline.process_text(text, published=DAY)
    assert codes(article, "The coalition") == ["TURMIL"]  # a state-led coalition is its military
    assert all(m.actor is not None for m in article.mentions if m.text.lower().startswith("the depot"))


def test_a_state_institution_takes_the_article_country_from_dateline_and_body(
    actors_pipeline: Pipeline,
) -> None:
    text = (
        "Storm hits capital\n\nLIMA, March 9 (AFP) - Peruvian officials said the army was deployed "
        "after floods. Police closed three roads, and Prime Minister Ana Ruiz visited Chile."
    )
    article = actors_pipeline.process_text(text, published=DAY)
    assert codes(article, "the army") == ["PERMIL"]
    assert codes(article, "Police") == ["PERCOP"]
    assert codes(article, "Prime Minister Ana Ruiz") == ["PERGOV"]


def test_a_dateline_the_body_never_names_counts_less_than_the_body(actors_pipeline: Pipeline) -> None:
    text = (
        "Truce holds\n\nCAIRO (Reuters) - Sudanese officials said the army held its positions. "
        "Sudan's capital was quiet, and Sudanese traders reopened shops."
    )
    article = actors_pipeline.process_text(text, published=DAY)
    assert codes(article, "the army") == ["SDNMIL"]


def test_rebels_take_no_country_from_the_article_alone(actors_pipeline: Pipeline) -> None:
    text = "LIMA, March 9 (AFP) - Peruvian officials met on Monday.\n\nRebels said they would talk."
    article = actors_pipeline.process_text(text, published=DAY)
    assert codes(article, "Rebels") == ["REB"]


def test_a_dateline_qualified_by_an_unknown_region_says_nothing(actors_pipeline: Pipeline) -> None:
    text = "LIMA, Zorbania (AP) — Police closed a road on Monday, the mayor said."
    article = actors_pipeline.process_text(text, published=DAY)
    assert codes(article, "Police") == ["COP"]


def test_a_dateline_qualified_by_a_us_state_is_in_the_united_states(actors_pipeline: Pipeline) -> None:
    text = "LIMA, Ohio (AP) — Police closed a road on Monday, the mayor said."
    article = actors_pipeline.process_text(text, published=DAY)
    assert codes(article, "Police") == ["USACOP"]


def test_the_dateline_town_named_in_the_body_is_the_dateline_one(actors_pipeline: Pipeline) -> None:
    text = (
        "PARIS, Texas (AP) — Hundreds of demonstrators marched through downtown Paris on Saturday, "
        "and Paris Police Chief Ann Ray said officers arrested two men."
    )
    article = actors_pipeline.process_text(text, published=DAY)
    assert codes(article, "downtown Paris") == ["USAGOV"]
    assert codes(article, "demonstrators") == ["USAOPP"]
    assert codes(article, "Paris Police Chief") == ["USACOP"]


def test_an_entity_inside_an_unknown_definite_phrase_is_kept(actors_pipeline: Pipeline) -> None:
    text = "The U.N. humanitarian coordinator for Chad, Mary Poe, condemned the attack on Monday."
    article = actors_pipeline.process_text(text, published=DAY)
    assert "IGOUNO" in [m.actor.code for m in article.mentions if m.actor]


def test_an_organisation_name_the_parser_cut_in_two_is_one_mention(actors_pipeline: Pipeline) -> None:
    text = "The U.S. Agency for International Development said it would send tents to Peru."
    article = actors_pipeline.process_text(text, published=DAY)
    assert codes(article, "The U.S. Agency for International Development") == ["USAGOV"]
    assert codes(article, "it") == ["USAGOV"]


def test_a_sector_modifier_takes_the_country_of_the_from_phrase(actors_pipeline: Pipeline) -> None:
    text = "Artillery fire from Armenia hit a farm on Monday, officials in Baku said."
    article = actors_pipeline.process_text(text, published=DAY)
    assert codes(article, "Artillery fire from Armenia") == ["ARMMIL"]


def test_an_organisation_in_a_sentence_with_a_state_keeps_its_own_code(actors_pipeline: Pipeline) -> None:
    text = "Recent Canadian drone strikes have killed at least four top al-Qaeda leaders, officials said."
    article = actors_pipeline.process_text(text, published=DAY)
    assert "IMGSEP" in codes(article, "at least four top al-Qaeda leaders")


def test_pronoun_free_text_and_empty_articles_are_fine(actors_pipeline: Pipeline) -> None:
    article = actors_pipeline.process_text("It rained. They said it would.", published=DAY)
    assert all(m.actor is None for m in article.mentions)


def test_a_name_in_apposition_to_a_role_is_its_holder(actors_pipeline: Pipeline) -> None:
    text = (
        "Lavrov held talks with his Egyptian counterpart Sameh Shoukry on Monday. "
        "Shoukry later thanked Russia for its position."
    )
    article = actors_pipeline.process_text(text, published=DAY)
    assert codes(article, "Sameh Shoukry") == ["EGYGOV"]
    assert codes(article, "Shoukry", 1) == ["EGYGOV"]
    assert codes(article, "its") == ["RUS"]


def test_its_is_never_a_person_named_by_role(actors_pipeline: Pipeline) -> None:
    article = actors_pipeline.process_text(
        "The Peruvian minister praised the army for its courage.", published=DAY
    )
    assert codes(article, "its") == ["PERMIL"]


def test_a_spokesman_speaks_for_the_body_it_stands_for(actors_pipeline: Pipeline) -> None:
    text = "A Peruvian Foreign Ministry spokesman said it would respond on Monday."
    article = actors_pipeline.process_text(text, published=DAY)
    assert codes(article, "it") == ["PERGOV"]


def test_them_skips_an_example_set_off_by_including(actors_pipeline: Pipeline) -> None:
    text = (
        "Chile imposed sanctions on five members of the Peruvian authorities, including the prime "
        "minister, accusing them of corruption."
    )
    article = actors_pipeline.process_text(text, published=DAY)
    assert codes(article, "them") == ["PERGOV"]
