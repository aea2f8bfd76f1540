"""Round 4 of event-coding quality (issue #8): general rules, each with a case it must not touch.

Every text here is written for the test (no corpus sentence), so the rules are checked on
wording the own gold never saw.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import DataFileError
from eventwire.events.patterns import load_patterns
from eventwire.pipeline import Pipeline

from .events_helpers import ON, coded, mention_codes

# -- actors ------------------------------------------------------------------------------------


def test_a_shelled_village_is_not_the_attackers(pipeline: Pipeline) -> None:
    text = (
        "YEREVAN, June 13 (Reuters) - Armenia's Defence Ministry said Azerbaijani troops shelled a "
        "border village on Tuesday."
    )
    assert mention_codes(pipeline, text)["a border village"] == "ARMCVL"
    assert ("AZEMIL", "ARMCVL", "194") in coded(pipeline, text)


def test_a_village_with_only_the_attacker_in_its_sentence_keeps_the_old_reading(pipeline: Pipeline) -> None:
    text = "YEREVAN, June 13 (Reuters) - Azerbaijani troops shelled a border village on Tuesday."
    assert mention_codes(pipeline, text)["a border village"] == "AZECVL"


def test_their_after_and_is_owned_by_the_first_conjunct(pipeline: Pipeline) -> None:
    text = (
        "WASHINGTON, June 13 (Reuters) - The State Department on Tuesday blacklisted two Iranian "
        "trading firms and two of their executives."
    )
    assert mention_codes(pipeline, text)["their executives"] == "IRNBUS"


def test_their_without_a_conjunction_still_takes_the_clause_subject(pipeline: Pipeline) -> None:
    text = "LONDON, June 13 (Reuters) - The Iranian government said on Tuesday that their diplomats left."
    assert mention_codes(pipeline, text)["their diplomats"] == "IRNGOV"


def test_an_object_them_takes_its_antecedent_final_country(pipeline: Pipeline) -> None:
    text = (
        "WASHINGTON, June 13 (Reuters) - The Treasury on Tuesday penalised an Iranian bank and three "
        "trading firms registered in Dubai, accusing them of helping Syria buy oil."
    )
    codes = mention_codes(pipeline, text)
    assert codes["them"] == codes["three trading firms"] == "IRNBUS"


def test_them_skips_a_description_and_the_object_of_a_modifier(pipeline: Pipeline) -> None:
    text = (
        "MOSCOW, June 13. /TASS/. Moscow regards the new British sanctions against Russian banks as a "
        "hostile act and will retaliate against them, a Foreign Ministry spokesman said."
    )
    assert mention_codes(pipeline, text)["them"] == "GBR"
    assert ("RUSGOV", "GBRGOV", "130") in coded(pipeline, text)


def test_them_falls_back_to_the_group_a_partitive_names(pipeline: Pipeline) -> None:
    text = (
        "BRUSSELS, June 13 (Reuters) - EU ministers on Tuesday sanctioned four members of the Malian "
        "junta, accusing them of delaying elections."
    )
    assert mention_codes(pipeline, text)["them"] == "MLIGOV"


def test_a_state_led_coalition_is_that_states_military(pipeline: Pipeline) -> None:
    text = "DUBAI, June 13 (Reuters) - The UAE-led coalition struck rebel positions on Tuesday."
    assert mention_codes(pipeline, text)["The UAE-led coalition"] == "AREMIL"


def test_a_ruling_coalition_is_not_a_military(pipeline: Pipeline) -> None:
    text = "BERLIN, June 13 (Reuters) - The German ruling coalition met on Tuesday."
    assert mention_codes(pipeline, text)["The German ruling coalition"] != "DEUMIL"


def test_the_group_names_the_armed_movement_again(pipeline: Pipeline) -> None:
    text = (
        "ADEN, June 13 (Reuters) - Government troops fought the Houthi movement on Tuesday. The army "
        "accused the group of shelling a hospital."
    )
    assert mention_codes(pipeline, text)["the group"] == "YEMREB"


def test_the_group_does_not_name_a_state_again(pipeline: Pipeline) -> None:
    text = "ADEN, June 13 (Reuters) - Yemen's government met on Tuesday. The group later left."
    assert mention_codes(pipeline, text).get("The group") is None


def test_a_bomber_who_blew_himself_up_belongs_to_the_named_jihadist_group(pipeline: Pipeline) -> None:
    text = (
        "KABUL, June 13 (Reuters) - Islamic State claimed responsibility. The bomber, who was on foot, "
        "blew himself up near a mosque on Monday."
    )
    assert mention_codes(pipeline, text)["The bomber"] == "IMGSEP"


def test_a_bomber_aircraft_stays_military(pipeline: Pipeline) -> None:
    text = (
        "SEOUL, June 13 (Reuters) - Islamic State claimed responsibility. A Russian bomber flew over "
        "the sea on Monday."
    )
    assert mention_codes(pipeline, text)["A Russian bomber"] == "RUSMIL"


def test_brussels_is_the_eu_in_a_story_about_the_eu(pipeline: Pipeline) -> None:
    text = (
        "MINSK, June 13 (Reuters) - The EU imposed new sanctions on Tuesday. Belarus accused Brussels "
        "of meddling. Ministers met in Brussels."
    )
    article = pipeline.process_text(text, published=ON)
    codes = [
        mention.actor.code for mention in article.mentions if mention.text == "Brussels" and mention.actor
    ]
    assert codes[0] == "IGOEUREEC"
    assert "BELGOV" not in codes
    assert ("BLRGOV", "IGOEUREEC", "112") in coded(pipeline, text)


def test_brussels_stays_belgian_where_no_organisation_is_named(pipeline: Pipeline) -> None:
    text = "PARIS, June 13 (Reuters) - France said Brussels had rejected the request."
    assert mention_codes(pipeline, text)["Brussels"] == "BELGOV"


# -- combatants --------------------------------------------------------------------------------


def test_all_parties_are_the_two_sides_not_a_city_hit_by_one(pipeline: Pipeline) -> None:
    text = (
        "DUBAI, June 13 (Reuters) - The Saudi-led coalition bombed Houthi positions on Monday. The "
        "Houthi movement fired a missile at the Saudi city of Jazan on Tuesday. The U.N. envoy for Yemen "
        "condemned the attacks and called on all parties to respect international law."
    )
    found = {event[1] for event in coded(pipeline, text) if event[0] == "IGOUNO" and event[2] == "020"}
    assert found == {"SAUMIL", "YEMREB"}


def test_two_sides_of_one_country_stay_two(pipeline: Pipeline) -> None:
    text = (
        "KHARTOUM, June 13 (Reuters) - Sudan's army fought the Rapid Support Forces on Tuesday. Each "
        "side accused the other of breaking the truce."
    )
    found = coded(pipeline, text)
    assert ("SDNMIL", "SDNREB", "112") in found and ("SDNREB", "SDNMIL", "112") in found


# -- patterns and coding -----------------------------------------------------------------------


def test_what_an_accusation_charges_is_not_coded_as_an_act(pipeline: Pipeline) -> None:
    text = (
        "NEW DELHI, June 13 (Reuters) - India on Tuesday accused Pakistan of arming separatist groups "
        "in Kashmir."
    )
    found = coded(pipeline, text)
    assert any(event[2].startswith("112") for event in found)
    assert not any(event[2].startswith(("07", "05")) for event in found)


def test_a_hedged_report_is_still_coded(pipeline: Pipeline) -> None:
    text = "BEIRUT, June 13 (Reuters) - Syrian troops reportedly shelled Idlib on Tuesday."
    assert any(event[2] == "194" for event in coded(pipeline, text))


def test_opening_fire_with_mortars_is_shelling(pipeline: Pipeline) -> None:
    text = "YEREVAN, June 13 (Reuters) - Azerbaijani troops opened fire on Armenian positions with mortars."
    assert ("AZEMIL", "ARM", "194") in coded(pipeline, text)


def test_artillery_that_strikes_is_shelling(pipeline: Pipeline) -> None:
    text = (
        "YEREVAN, June 13 (Reuters) - Artillery fire from Azerbaijan struck an Armenian village on Tuesday."
    )
    assert any(event[2] == "194" for event in coded(pipeline, text))


def test_opening_fire_without_artillery_stays_shooting(pipeline: Pipeline) -> None:
    text = "YEREVAN, June 13 (Reuters) - Azerbaijani troops opened fire on Armenian positions on Tuesday."
    assert ("AZEMIL", "ARM", "193") in coded(pipeline, text)


def test_shells_fired_into_the_sea_show_force(pipeline: Pipeline) -> None:
    text = "SEOUL, June 13 (Reuters) - North Korea fired artillery shells into the sea on Tuesday."
    found = coded(pipeline, text)
    assert ("PRK", None, "150") in found
    assert not any(event[2] == "194" for event in found)


def test_shells_fired_at_someone_stay_shelling(pipeline: Pipeline) -> None:
    text = "SEOUL, June 13 (Reuters) - North Korea fired artillery shells at South Korean troops on Tuesday."
    assert ("PRK", "KORMIL", "194") in coded(pipeline, text)


def test_a_time_limit_to_leave_expels(pipeline: Pipeline) -> None:
    text = "KINSHASA, June 13 (Reuters) - Congo gave the Rwandan envoy 72 hours to leave."
    assert any(event[1] == "RWAGOV" and event[2] == "174" for event in coded(pipeline, text))


def test_a_time_limit_to_agree_is_no_expulsion(pipeline: Pipeline) -> None:
    text = (
        "KINSHASA, June 13 (Reuters) - The mediators gave the Rwandan delegation 48 hours to agree on a text."
    )
    assert not any(event[2] == "174" for event in coded(pipeline, text))


def test_continuing_operations_until_a_goal_threatens_force(pipeline: Pipeline) -> None:
    text = (
        "ANKARA, June 13 (Reuters) - Turkey will continue its operations until the militants are "
        "destroyed, the defence minister said."
    )
    assert any(event[0] == "TURGOV" and event[2] == "138" for event in coded(pipeline, text))


def test_continuing_operations_without_a_goal_is_no_threat(pipeline: Pipeline) -> None:
    text = "ANKARA, June 13 (Reuters) - Turkey continued its operations on Tuesday, the ministry said."
    assert not any(event[2] == "138" for event in coded(pipeline, text))


def test_will_respond_threatens_but_responding_to_questions_does_not(pipeline: Pipeline) -> None:
    threat = "TEHRAN, June 13 (Reuters) - Iran said the U.S. sanctions were illegal and it will respond."
    assert any(event[0] == "IRNGOV" and event[2] == "130" for event in coded(pipeline, threat))
    answer = "TEHRAN, June 13 (Reuters) - The Iranian spokesman responded to questions on Tuesday."
    assert not any(event[2] == "130" for event in coded(pipeline, answer))


# -- data validation ---------------------------------------------------------------------------


def test_a_complement_constraint_must_be_a_word_list(tmp_path: Path) -> None:
    bad = tmp_path / "patterns.yaml"
    bad.write_text(
        'verbs:\n  - {id: bad-complement, lemmas: [give], complement: {leave: 1}, code: "174"}\n',
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match=r"patterns\.yaml"):
        load_patterns((bad,))


def test_an_organisation_seat_must_be_a_list_of_names(tmp_path: Path) -> None:
    from eventwire.actors.lexicon import load_lexicon

    bad = tmp_path / "orgs.yaml"
    bad.write_text("organisations:\n  Test Union:\n    code: IGOTST\n    seats: {X: 1}\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"orgs\.yaml"):
        load_lexicon((bad,))


def test_an_accusation_nobody_makes_keeps_its_content(pipeline: Pipeline) -> None:
    text = "BEIRUT, June 13 (Reuters) - Syria has been accused of shelling Lebanese villages."
    assert any(event[0] == "SYR" and event[2] == "194" for event in coded(pipeline, text))
