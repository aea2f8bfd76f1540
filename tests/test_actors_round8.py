"""Actors round 8: aircraft and launchers, rights groups, Congo, breakaway regions, and context
(a news agency spoken to, "the ministry" again, a trailing attribution, a unit of a body).

Every text is written for the test; none is a corpus sentence.
"""

from __future__ import annotations

import pytest

from eventwire.actors import default_resolver, resolve_phrase
from eventwire.actors.mentions import _with_split_demonyms
from eventwire.pipeline import Pipeline

from .events_helpers import mention_codes


def _code(text: str) -> str | None:
    actor = resolve_phrase(text)
    return actor.code if actor else None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Turkish fighter jets", "TURMIL"),
        ("two Israeli fighter planes", "ISRMIL"),
        ("the Indian fighter pilots", "INDMIL"),
        ("Russian rocket launchers", "RUSMIL"),
        ("Houthi missile launchers", "YEMREB"),  # a group's weapons are the group's
    ],
)
def test_military_aircraft_and_weapons_are_their_owners_military(text: str, code: str) -> None:
    assert _code(text) == code


@pytest.mark.parametrize(("text", "code"), [("Turkish fighters", "TURREB"), ("Kurdish fighters", "KURREB")])
def test_fighters_alone_are_still_armed_men(text: str, code: str) -> None:
    assert _code(text) == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Kenyan rights groups", "KENHRI"),
        ("a Chinese rights activist", "CHNHRI"),
        ("a coalition of Egyptian human rights organisations", "EGYHRI"),
    ],
)
def test_rights_groups_and_activists_are_human_rights_actors(text: str, code: str) -> None:
    assert _code(text) == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Congo", "COD"),
        ("Congolese soldiers", "CODMIL"),
        ("the Democratic Republic of Congo", "COD"),
        ("Republic of Congo", "COG"),
        ("Congo-Brazzaville", "COG"),
        ("Brazzaville", "COGGOV"),
    ],
)
def test_a_bare_congo_is_the_drc_as_news_writes_it(text: str, code: str) -> None:
    assert _code(text) == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("the leaders of Transnistria", "MDASEP"),
        ("Transnistrian authorities", "MDASEP"),
        ("Somaliland's president", "SOMSEP"),
        ("the Abkhaz leadership", "GEOSEP"),
        ("South Ossetian officials", "GEOSEP"),
        ("the Donetsk People's Republic", "UKRSEP"),
    ],
)
def test_breakaway_regions_are_separatists_of_their_state(text: str, code: str) -> None:
    assert _code(text) == code


@pytest.mark.parametrize("text", ["Transnistrian wine", "Somaliland's coastline", "Moldova", "Georgia"])
def test_a_breakaway_regions_things_or_its_parent_state_are_not_separatists(text: str) -> None:
    assert not (_code(text) or "").endswith("SEP")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("the Israeli army's Northern Command", "ISRMIL"),
        ("The U.S. military's Central Command", "USAMIL"),
        ("Iran's Revolutionary Guards", "IRNMIL"),
    ],
)
def test_a_named_unit_of_a_body_acts_for_the_body(text: str, code: str) -> None:
    assert _code(text) == code


@pytest.mark.parametrize(
    "text",
    ["Russia's Gazprom", "the ministry's decision", "the Russian army's John Smith", "Hamas's Abu Omar"],
)
def test_a_countrys_company_or_a_bodys_thing_is_no_unit(text: str) -> None:
    assert _code(text) is None


@pytest.mark.parametrize(
    ("text", "code"),
    [("National Defense", None), ("a French national", "FRACVL"), ("two Chinese nationals", "CHNCVL")],
)
def test_national_is_a_person_only_as_the_head(text: str, code: str | None) -> None:
    assert _code(text) == code


def test_a_chunk_that_swallowed_its_head_is_put_back(pipeline: Pipeline) -> None:
    codes = mention_codes(
        pipeline,
        "KAMPALA, May 3 (Reuters) - An army spokesman said Democratic Republic of Congo troops had "
        "arrested three Ugandan smugglers near the border on Monday.",
    )
    assert codes.get("Democratic Republic of Congo troops") == "CODMIL"


def test_a_news_agency_spoken_to_places_no_one(pipeline: Pipeline) -> None:
    codes = mention_codes(
        pipeline,
        "DHAKA, March 2 (AFP) - Floods swept through villages in northern Bangladesh on Sunday.\n\n"
        '"We lost everything," a farmer told AFP by telephone.',
    )
    assert codes.get("a farmer") == "BGDAGR"
    assert codes.get("AFP") == "FRAMED"


def test_a_news_outlet_that_reports_still_places_its_sentence(pipeline: Pipeline) -> None:
    codes = mention_codes(
        pipeline,
        "BEIRUT, March 2 (Reuters) - Syrian state television said five civilians were killed on Monday.",
    )
    assert codes.get("five civilians") == "SYRCVL"


def test_the_ministry_names_the_ministry_introduced_before(pipeline: Pipeline) -> None:
    codes = mention_codes(
        pipeline,
        "BAKU, June 3 (Reuters) - Troops clashed near the border overnight, the Kyrgyz Defence "
        "Ministry said. The ministry accused Tajik forces of firing first.",
    )
    assert codes.get("The ministry") == "KGZGOV"


def test_the_official_repeats_an_unnamed_official(pipeline: Pipeline) -> None:
    codes = mention_codes(
        pipeline,
        "WASHINGTON, June 3 (Reuters) - Iranian boats harassed a tanker in the Gulf, a U.S. "
        "navy official said. The official said Iraq was not involved.",
    )
    assert codes.get("The official") == codes.get("a U.S. navy official") == "USAMIL"


def test_a_groups_leaders_are_the_group(pipeline: Pipeline) -> None:
    codes = mention_codes(
        pipeline,
        "KABUL, June 3 (Reuters) - The Taliban seized a district in the north on Monday. U.S. "
        "officials said they would not target the group's leaders.",
    )
    assert codes.get("the group's leaders") == "AFGREB"


def test_a_trailing_attribution_is_not_the_next_sentences_topic(pipeline: Pipeline) -> None:
    codes = mention_codes(
        pipeline,
        "BAMAKO, June 3 (Reuters) - The rebels captured the town of Gao on Saturday, villagers "
        "said. They burned the market on Sunday.",
    )
    assert codes.get("They") == codes.get("The rebels")
    assert codes.get("They") != codes.get("villagers")


def test_a_trailing_attribution_about_things_leaves_the_source_the_topic(pipeline: Pipeline) -> None:
    codes = mention_codes(
        pipeline,
        "BISHKEK, June 3 (Reuters) - Shells hit houses in two villages, the Kyrgyz foreign ministry "
        "said. It called the shelling a provocation.",
    )
    assert codes.get("It") == "KGZGOV"


def test_a_name_takes_the_body_its_bracketed_acronym_names(pipeline: Pipeline) -> None:
    codes = mention_codes(
        pipeline,
        "YANGON, June 3 (AFP) - The National Unity Government (NUG) urged the United Nations to act.",
    )
    assert codes.get("NUG") == "MMROPP"
    assert codes.get("The National Unity Government") == "MMROPP"


def test_a_military_air_strike_is_the_militarys(pipeline: Pipeline) -> None:
    codes = mention_codes(
        pipeline,
        "YANGON, June 3 (AFP) - A Myanmar military air strike killed nine villagers in Sagaing on Monday.",
    )
    assert "MMRMIL" in codes.values()


def test_a_description_in_apposition_names_an_unknown_organisation(pipeline: Pipeline) -> None:
    codes = mention_codes(
        pipeline,
        "NAIROBI, June 3 (Reuters) - The National Civic Forum, a coalition of Kenyan rights groups, "
        "accused police of beating protesters.",
    )
    assert codes.get("The National Civic Forum") == "KENHRI"


def test_officers_after_a_police_spokesman_are_police(pipeline: Pipeline) -> None:
    codes = mention_codes(
        pipeline,
        "PORT-AU-PRINCE, June 3 (AP) - Police spokesman Jean Dupont said officers had arrested 14 "
        "gang members on Thursday.",
    )
    assert codes.get("officers") == "HTICOP"


@pytest.mark.parametrize(
    ("text", "officers", "code"),
    [
        (
            "KABUL, June 3 (AP) - An army spokesman said two officers were killed in a bombing on Thursday.",
            "two officers",
            "AFGMIL",
        ),
        (
            "KABUL, June 3 (AP) - Police said two army officers were killed in a bombing on Thursday.",
            "two army officers",
            "AFGMIL",
        ),
    ],
)
def test_officers_of_an_army_or_named_as_army_stay_military(
    pipeline: Pipeline, text: str, officers: str, code: str
) -> None:
    assert mention_codes(pipeline, text).get(officers) == code


def test_a_nationality_cut_off_its_noun_is_joined_back(nlp) -> None:
    doc = nlp("The ministry accused Azerbaijani forces of opening fire.")
    chunks = [doc[0:2], doc[3:4], doc[4:5]]  # the parser's split: "Azerbaijani" | "forces"
    joined = [span.text for span in _with_split_demonyms(chunks, default_resolver())]
    assert joined == ["The ministry", "Azerbaijani forces"]


@pytest.mark.parametrize(
    ("text", "chunk_bounds"),
    [
        ("They accused Azerbaijani the forces of firing.", [(2, 3), (3, 5)]),  # a determiner opens it
        ("They accused Azerbaijan forces of firing.", [(2, 3), (3, 4)]),  # a country's name, no adjective
        ("They accused Russians soldiers of firing.", [(2, 3), (3, 4)]),  # a plural demonym is people
    ],
)
def test_only_a_bare_adjective_before_its_noun_is_joined(nlp, text: str, chunk_bounds: list) -> None:
    doc = nlp(text)
    chunks = [doc[start:end] for start, end in chunk_bounds]
    assert [span.text for span in _with_split_demonyms(chunks, default_resolver())] == [
        span.text for span in chunks
    ]


@pytest.mark.parametrize(("text", "code"), [("the assailants", "UAF"), ("two attackers", "UAF")])
def test_unnamed_attackers_are_armed_men(text: str, code: str) -> None:
    assert _code(text) == code


def test_a_jihadist_storys_assailants_are_the_group(pipeline: Pipeline) -> None:
    codes = mention_codes(
        pipeline,
        "NIAMEY, June 3 (AFP) - Islamic State militants attacked an army post in western Niger on "
        "Sunday. Soldiers killed 15 of the assailants, the army said.",
    )
    assert codes.get("the assailants") == "IMGSEP"
