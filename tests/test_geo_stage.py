"""The geo stage on parsed text: the seed article, ambiguous names, event and dateline places."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from eventwire.geo import GeoStage, dateline_location, event_location, place_key
from eventwire.geo.gazetteer import default_gazetteer
from eventwire.model import Article, Place, RawDocument
from eventwire.pipeline import Pipeline

from .conftest import FIXTURES
from .test_geo_gazetteer import km_between

GOLD = FIXTURES / "geo_gold.jsonl"
#: The accuracy the issue asks for on our own gold.
MIN_ACCURACY = 0.9


def parsed(pipeline: Pipeline, text: str, source: str = "<test>") -> Article:
    """Every stage applied, with the parse kept (the pipeline drops it at the end of a batch)."""
    article = Article.from_raw(RawDocument(source, text))
    for stage in pipeline.stages:
        stage.process_batch([article])
    assert article.doc is not None, article.skipped_reason
    return article


def token(article: Article, word: str, after: str = "") -> object:
    """The first token ``word`` after the first occurrence of ``after`` in the text."""
    offset = article.text.index(after) if after else 0
    return next(t for t in article.doc if t.text == word and t.idx >= offset)


def place_named(article: Article, text: str) -> Place:
    return next(place for place in article.places if place.text == text)


@pytest.fixture(scope="module")
def seed(pipeline: Pipeline, seed_text: str) -> Article:
    return parsed(pipeline, seed_text, "tass-2015-10-15.txt")


# -- the seed article ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("trigger", "after"),
    [
        ("delivering", "Aerospace Forces started"),
        ("strikes", "delivering pinpoint"),
        ("fired", "Caspian Flotilla"),
        ("missiles", "Kalibr cruise"),
    ],
)
def test_seed_strikes_are_located_in_syria_at_its_centre(seed: Article, trigger: str, after: str) -> None:
    location = event_location(seed, token(seed, trigger, after))
    assert location is not None
    assert (location.text, location.name, location.country, location.precision) == (
        "Syria",
        "Syria",
        "SYR",
        "country",
    )
    assert (location.lat, location.lon) == (35.0, 38.0)
    assert seed.text[location.start : location.end] == "Syria"


def test_seed_attack_is_located_in_ankara(seed: Article) -> None:
    location = event_location(seed, token(seed, "attack", "the terrorist"))
    assert location is not None
    assert (location.name, location.country, location.precision) == ("Ankara", "TUR", "city")
    assert km_between(location.lat, location.lon, 39.93, 32.86) < 20


def test_seed_moscow_is_the_city_and_the_dateline_resolves(seed: Article) -> None:
    assert {(p.name, p.country, p.precision) for p in seed.places if p.text == "Moscow"} == {
        ("Moscow", "RUS", "city")
    }
    dateline = dateline_location(seed)
    assert dateline is not None
    assert (dateline.text, dateline.name, dateline.country, dateline.precision) == (
        "MOSCOW",
        "Moscow",
        "RUS",
        "city",
    )
    assert (dateline.start, dateline.end) == (0, 0)


def test_seed_places_are_toponyms_sorted_by_start_and_adjectives_are_not_places(seed: Article) -> None:
    starts = [place.start for place in seed.places]
    assert starts == sorted(starts)
    texts = {place.text for place in seed.places}
    assert {"Russia", "Turkey", "Syria", "Iraq", "Finland", "Ankara", "Moscow"} <= texts
    assert not texts & {"Syrian", "Russian", "Turkish", "Iraqi"}
    assert "Alexey Meshkov" not in texts and "Alexey" not in texts  # tagged LOC or GPE: a person
    assert all(place.name for place in seed.places)
    assert "Caspian Flotilla" not in texts and "the Caspian" not in texts
    kurdistan = place_named(seed, "Iraqi Kurdistan")
    assert (kurdistan.country, kurdistan.precision) == ("IRQ", "region")
    for place in seed.places:
        assert seed.text[place.start : place.end] == place.text


def test_statements_have_no_clause_place_and_targets_locate_only_when_territorial(seed: Article) -> None:
    said = token(seed, "said", "Deputy Foreign Minister")
    assert event_location(seed, said) is None
    place = event_location(seed, said, target_text="Turkey")
    assert place is not None and (place.name, place.country, place.precision) == ("Turkey", "TUR", "country")
    assert place.text == "Turkey" and seed.text[place.start : place.end] == "Turkey"
    assert event_location(seed, said, target_text="the Syrian army") is None
    assert event_location(seed, said, target_text="Kurds") is None


def test_rerunning_the_stage_assigns_the_same_places(pipeline: Pipeline, seed: Article) -> None:
    before = list(seed.places)
    GeoStage(pipeline.settings)(seed)
    assert seed.places == before


# -- ambiguous names, resolved by context -----------------------------------------------------


def gold_stories() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def occurrence(text: str, word: str, nth: int) -> tuple[int, int]:
    """Offsets of the ``nth`` whole-word occurrence of ``word`` in ``text`` (1-based)."""
    starts = [match.start() for match in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text)]
    assert len(starts) >= nth, f"{word!r} #{nth} not in {text[:60]!r}"
    return starts[nth - 1], starts[nth - 1] + len(word)


def is_gold(place: Place | None, expected: dict) -> bool:
    """Same country and precision, and the gold name is a name of the place resolved to."""
    if place is None or (place.country, place.precision) != (expected["country"], expected["precision"]):
        return False
    gazetteer, key = default_gazetteer(), place_key(expected["name"])
    named = gazetteer.by_key.get(key, ()) + gazetteer.divisions_by_key.get(key, ())
    return any(location.target.name == place.name for location in named)


def judge(pipeline: Pipeline, story: dict) -> list[tuple[str, bool]]:
    """(what, right?) for each gold place and the gold dateline of ``story``."""
    article = parsed(pipeline, story["text"], story["story"])
    verdicts = []
    for expected in story["places"]:
        start, end = occurrence(article.text, expected["text"], expected["nth"])
        found = next((place for place in article.places if place.start < end and start < place.end), None)
        verdicts.append(
            (f"{story['story']}: {expected['text']} #{expected['nth']} -> {found}", is_gold(found, expected))
        )
    if "dateline" in story:
        found = dateline_location(article)
        verdicts.append((f"{story['story']}: dateline -> {found}", is_gold(found, story["dateline"])))
    return verdicts


HEADLINE_PAIRS = {
    "paris-texas": ("Paris", "USA"),
    "paris-france": ("Paris", "FRA"),
    "georgia-country": ("Georgia", "GEO"),
    "georgia-state": ("Georgia", "USA"),
    "tripoli-libya": ("Tripoli", "LBY"),
    "tripoli-lebanon": ("Tripoli", "LBN"),
    "alexandria-egypt": ("Alexandria", "EGY"),
    "alexandria-virginia": ("Alexandria", "USA"),
    "london-ontario": ("London", "CAN"),
    "london-uk": ("London", "GBR"),
}


@pytest.mark.parametrize(("story_id", "expected"), HEADLINE_PAIRS.items(), ids=list(HEADLINE_PAIRS))
def test_an_ambiguous_name_takes_its_storys_country(
    pipeline: Pipeline, story_id: str, expected: tuple[str, str]
) -> None:
    story = next(story for story in gold_stories() if story["story"] == story_id)
    article = parsed(pipeline, story["text"], story_id)
    name, country = expected
    found = {place.country for place in article.places if place.text == name}
    assert found == {country}


@pytest.mark.slow
def test_accuracy_on_our_gold_is_at_least_ninety_percent(pipeline: Pipeline) -> None:
    verdicts = [verdict for story in gold_stories() for verdict in judge(pipeline, story)]
    accuracy = sum(right for _, right in verdicts) / len(verdicts)
    wrong = [what for what, right in verdicts if not right]
    print(f"geo gold accuracy: {accuracy:.3f} on {len(verdicts)} places")
    assert len(verdicts) >= 150
    assert accuracy >= MIN_ACCURACY, "\n".join(wrong)


# -- containment, qualifiers, unknown names ---------------------------------------------------


def test_unknown_places_fall_back_to_their_container_or_stay_unresolved(pipeline: Pipeline) -> None:
    article = parsed(pipeline, "Warplanes took off from the Syrian Qwerzab airbase on Monday.")
    airbase = place_named(article, "Qwerzab airbase")
    assert (airbase.name, airbase.country, airbase.precision) == ("Syria", "SYR", "country")
    article = parsed(pipeline, "The talks would resume in Smallvillex, Texas.")
    town = place_named(article, "Smallvillex")
    assert (town.name, town.precision) == ("Texas", "adm1")
    article = parsed(pipeline, "Officials in Vorloguria said the talks would resume.")
    assert place_named(article, "Vorloguria") == Place("Vorloguria", 13, 23, None, None, None, None, None)


def test_a_place_named_after_a_comma_or_in_a_division_is_read_inside_it(pipeline: Pipeline) -> None:
    article = parsed(pipeline, "The bus was attacked near Hyderabad, Pakistan, and later in Idlib province.")
    assert place_named(article, "Hyderabad").country == "PAK"
    idlib = place_named(article, "Idlib province")
    assert (idlib.name, idlib.precision) == ("Idlib", "adm1")


def test_an_event_in_the_city_of_x_is_located_at_x(pipeline: Pipeline) -> None:
    article = parsed(
        pipeline, "Gunmen attacked a checkpoint in the northern Syrian city of Aleppo on Friday."
    )
    place = event_location(article, token(article, "attacked"))
    assert place is not None and (place.name, place.country, place.precision) == ("Aleppo", "SYR", "city")


def test_a_place_of_a_nested_clause_does_not_locate_the_main_event(pipeline: Pipeline) -> None:
    article = parsed(
        pipeline, "Lavrov offered condolences to the families of the victims of the attack in Ankara."
    )
    assert event_location(article, token(article, "offered")) is None
    assert event_location(article, token(article, "attack")).name == "Ankara"


def test_articles_without_places_or_dateline_give_none(pipeline: Pipeline) -> None:
    article = parsed(pipeline, "The committee said it would meet again next week to discuss the budget.")
    assert article.places == []
    assert event_location(article, token(article, "said"), target_text="the committee") is None
    assert dateline_location(article) is None


def test_unparsed_articles_are_skipped_by_the_stage(pipeline: Pipeline) -> None:
    article = Article.from_raw(RawDocument("<empty>", ""))
    GeoStage(pipeline.settings).process_batch([article])
    assert article.places == []


def test_the_gold_file_is_wellformed() -> None:
    stories = gold_stories()
    assert len({story["story"] for story in stories}) == len(stories)
    for story in stories:
        for expected in story["places"]:
            assert set(expected) == {"text", "nth", "name", "country", "precision"}
            occurrence(story["text"], expected["text"], expected["nth"])


def test_the_gold_path_is_a_fixture_we_wrote() -> None:
    assert GOLD.parent == Path(__file__).parent / "fixtures"
