"""Actors round 7 (issue #8): coordinated possessed phrases and capitals read as states.

Every text is written for the test; none is a corpus sentence.
"""

from __future__ import annotations

import pytest

from eventwire.actors import Resolver, state_of_capital
from eventwire.pipeline import Pipeline

from .events_helpers import mention_codes


def test_two_possessed_phrases_joined_by_and_are_two_mentions(pipeline: Pipeline) -> None:
    codes = mention_codes(
        pipeline,
        "LIMA, June 13 (AFP) - Peru's Gustavo Adrianzen and Chile's Jose Antonio Kast met in Lima "
        "on Tuesday.",
    )
    assert codes.get("Peru") == "PER"
    assert codes.get("Chile") == "CHL"
    assert not any("and" in text.split() for text in codes)


def test_a_possessed_phrase_joined_to_a_plain_one_stays_one_chunk(pipeline: Pipeline) -> None:
    codes = mention_codes(pipeline, "LIMA, June 13 (AFP) - Peru's president and his ministers met on Monday.")
    assert codes.get("Peru's president") == "PERGOV"


@pytest.mark.parametrize(
    ("text", "state"),
    [("Pristina", "XKX"), ("Moscow", "RUS"), ("Beijing", "CHN")],
)
def test_a_capital_stands_for_its_state(text: str, state: str) -> None:
    assert state_of_capital(text) == state


@pytest.mark.parametrize("text", ["Russia", "Kosovo police", "the government", "", "Batken"])
def test_what_is_not_a_capital_names_no_state_through_it(text: str) -> None:
    assert state_of_capital(text) is None


def test_a_named_groups_force_is_the_group(pipeline: Pipeline) -> None:
    codes = mention_codes(
        pipeline,
        "BEIRUT, June 13 (Reuters) - Hezbollah's elite Radwan force fired rockets at an Israeli "
        "army post on Tuesday.",
    )
    assert "LBNREB" in codes.values()


def test_force_as_a_manner_of_acting_is_no_actor(pipeline: Pipeline) -> None:
    codes = mention_codes(
        pipeline, "BEIRUT, June 13 (Reuters) - Israel would act with full force, its defence minister said."
    )
    assert codes.get("full force") is None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("junta spokesman Colonel Amadou Diallo", "GOV"),
        ("government spokesman Major Ali Hassan", "GOV"),
        ("army spokesman Colonel Ali Hassan", "MIL"),
    ],
)
def test_a_spokesperson_takes_the_sector_of_the_body_spoken_for(text: str, code: str) -> None:
    actor = Resolver().resolve(text)
    assert actor is not None and actor.code == code


def test_a_ranked_spokesperson_of_no_named_body_keeps_the_rank() -> None:
    actor = Resolver().resolve("spokesman Colonel Ali Hassan")
    assert actor is not None and actor.code == "MIL"
