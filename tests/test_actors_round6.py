"""Actors round 6 (issue #8): organisations and agents the dictionaries lacked, patrons in
hyphenated modifiers, and which subject a new sentence's "it" continues.

Every text is written for the test; none is a corpus sentence.
"""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.actors import Resolver
from eventwire.pipeline import Pipeline

from .events_helpers import mention_codes

DAY = date(2023, 6, 13)


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return Resolver()


def _codes(resolver: Resolver, text: str) -> list[str | None]:
    return [item.actor.code if item.actor else None for item in resolver.resolve_all(text, DAY)]


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("the Japanese coast guard", "JPNMIL"),  # a maritime armed service, like border guards
        ("the Philippine Coast Guard", "PHLMIL"),
        ("KFOR", "IGOWSTNAT"),  # a NATO mission keeps NATO's code
        ("the Kosovo Force", "IGOWSTNAT"),
        ("UNIFIL", "IGOUNO"),  # a UN mission keeps the UN's code
        ("the ELN", "COLREB"),
        ("the National Liberation Army", "COLREB"),
        ("the TPLF", "ETHREB"),
        ("Tigrayan forces", "ETHREB"),
        ("Jemaah Islamiyah", "IMGSEP"),
        ("Myanmar's military rulers", "MMRGOV"),  # rulers govern, whatever their uniform
        ("the Guinean ruler", "GINGOV"),
        ("a Turkish drone", "TURMIL"),  # like warplanes and helicopters
    ],
)
def test_organisations_and_agents_added_in_round_6(resolver: Resolver, phrase: str, code: str) -> None:
    assert _codes(resolver, phrase) == [code]


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("Mali's army-backed government", "MLIGOV"),  # the army backs it; it is a government
        ("a police-run camp", None),  # not police: a camp
        ("the Russian-backed militia", "RUSREB"),  # a country still says whose side it is on
        ("the U.S.-led coalition", "USAMIL"),
    ],
)
def test_an_agent_nouns_patronage_gives_no_sector(resolver: Resolver, phrase: str, code: str | None) -> None:
    assert _codes(resolver, phrase)[:1] == [code]


def test_a_new_sentences_it_continues_the_main_subject_not_a_reported_one(pipeline: Pipeline) -> None:
    text = (
        "HANOI, June 13 (Reuters) - Vietnam's foreign ministry rejected the claims on Tuesday, saying the "
        "Vietnamese navy had acted lawfully. It accused China of stirring up tension."
    )
    article = pipeline.process_text(text, published=DAY)
    accusations = [event for event in article.events if event.cameo.startswith("11")]
    assert [(event.source.code if event.source else None) for event in accusations] == ["VNMGOV"]


def test_it_in_the_same_sentence_still_takes_the_nearest_subject(pipeline: Pipeline) -> None:
    codes = mention_codes(
        pipeline, "HANOI, June 13 (Reuters) - Vietnam's coast guard said it had stopped a ship."
    )
    assert codes["it"] == "VNMMIL"


def test_a_spokesman_for_a_body_speaks_for_it(pipeline: Pipeline) -> None:
    text = (
        "ISLAMABAD, June 13 (Reuters) - Ahmad Karimi, spokesman for the Afghan interim government, "
        "rejected the claims. He said the border would stay open."
    )
    codes = mention_codes(pipeline, text)
    assert codes["Ahmad Karimi"] == "AFGGOV"  # not the dateline's Pakistan
    assert codes["He"] == "AFGGOV"


def test_a_spokesman_for_nothing_known_keeps_the_context_country(pipeline: Pipeline) -> None:
    text = "ISLAMABAD, June 13 (Reuters) - A spokesman for the committee declined to comment."
    assert mention_codes(pipeline, text).get("A spokesman") == "PAKGOV"
