"""Ambiguous capital names: the dateline and the article's countries decide, and the event
coder takes the geo stage's reading over the actor dictionary's."""

from __future__ import annotations

from datetime import date

from eventwire.pipeline import Pipeline

DAY = date(2014, 11, 18)


def test_tripoli_under_a_beirut_dateline_is_in_lebanon(pipeline: Pipeline) -> None:
    text = (
        "Raid in the north\n\nBEIRUT, Nov 18 (AFP) - Lebanese police arrested two smugglers in the "
        "northern port city of Tripoli on Tuesday, a security source said."
    )
    article = pipeline.process_text(text, published=DAY)
    assert [place.country for place in article.places if place.text == "Tripoli"] == ["LBN"]


def test_tripoli_in_a_libyan_story_is_in_libya(pipeline: Pipeline) -> None:
    text = (
        "Clashes in the capital\n\nTUNIS, Nov 18 (Reuters) - Libyan militias clashed in Tripoli on "
        "Tuesday, Libya's health ministry said."
    )
    article = pipeline.process_text(text, published=DAY)
    assert [place.country for place in article.places if place.text == "Tripoli"] == ["LBY"]


def test_an_actor_named_by_a_place_follows_the_geo_reading(pipeline: Pipeline) -> None:
    text = (
        "Battery plant\n\nATLANTA (AP) — Georgia officials signed an agreement with a Japanese "
        "delegation on Tuesday at the Capitol in Atlanta, Governor Brian Kemp's office said."
    )
    article = pipeline.process_text(text, published=DAY)
    sources = {event.source.code for event in article.events if event.source and event.cameo_root == "05"}
    assert sources == {"USAGOV"}


def test_a_capitals_namesake_in_the_story_country_is_that_countrys_town(pipeline: Pipeline) -> None:
    text = (
        "Raid in the north\n\nBEIRUT, Nov 18 (AFP) - Lebanese soldiers arrested two men in Tripoli on "
        "Tuesday. Tripoli has seen clashes between the army and gunmen, a Lebanese official said."
    )
    article = pipeline.process_text(text, published=DAY)
    codes = [m.actor.code for m in article.mentions if m.text == "Tripoli" and m.actor]
    assert codes and all(code == "LBN" for code in codes)
