"""Round 7 of event-coding quality (issue #8): rules that generalise past the tuning stories.

Every text here is written for the test (no corpus sentence); most rules come with a case they
must leave alone.
"""

from __future__ import annotations

from eventwire.pipeline import Pipeline

from .events_helpers import coded, coded_with_negation

# -- capitals ------------------------------------------------------------------------------------


def test_a_capital_acting_materially_is_the_bare_state(pipeline: Pipeline) -> None:
    text = (
        "TBILISI, June 13 (Reuters) - Moscow deployed 200 border troops to the village of Zemo "
        "Nikozi on Tuesday."
    )
    codes = coded(pipeline, text)
    assert any(source == "RUS" and code == "154" for source, _, code in codes)
    assert not any(source == "RUSGOV" for source, _, _ in codes)


def test_a_capital_speaking_is_still_the_government(pipeline: Pipeline) -> None:
    text = "TBILISI, June 13 (Reuters) - Moscow condemned the Georgian parliament's vote on Tuesday."
    assert any(source == "RUSGOV" and code.startswith("11") for source, _, code in coded(pipeline, text))


# -- denials -------------------------------------------------------------------------------------


def test_what_is_denied_in_a_clause_is_not_coded_as_a_negated_act(pipeline: Pipeline) -> None:
    text = (
        "ANKARA, June 13 (Reuters) - Turkish Foreign Minister Hakan Fidan denied that Turkey had "
        "supplied weapons to Syrian rebels."
    )
    events = coded_with_negation(pipeline, text)
    assert ("TURGOV", None, "016", False) in events
    assert not any(code.startswith("07") for _, _, code, _ in events)


def test_an_act_asserted_beside_a_denial_stays(pipeline: Pipeline) -> None:
    text = (
        "ANKARA, June 13 (Reuters) - Turkey supplied weapons to Syrian rebels, and Turkish Foreign "
        "Minister Hakan Fidan denied the report."
    )
    assert any(code.startswith("07") for _, _, code in coded(pipeline, text))


# -- appeals to press a third party --------------------------------------------------------------


def test_an_appeal_to_pressure_a_third_party_is_addressed_to_the_one_called_on(pipeline: Pipeline) -> None:
    text = (
        "AMMAN, June 13 (Reuters) - Jordan's King Abdullah on Tuesday urged the European Union to "
        "persuade Israel to lift its blockade of Gaza."
    )
    codes = coded(pipeline, text)
    assert ("JORGOV", "IGOEUREEC", "020") in codes
    assert not any(target == "ISRGOV" for _, target, _ in codes)


def test_a_direct_appeal_still_addresses_who_is_to_act(pipeline: Pipeline) -> None:
    text = (
        "AMMAN, June 13 (Reuters) - Jordan's King Abdullah on Tuesday urged Israel to lift its "
        "blockade of Gaza."
    )
    assert any(target == "ISRGOV" and code.startswith("02") for _, target, code in coded(pipeline, text))


# -- forces sent to another state ----------------------------------------------------------------


def test_an_offer_to_send_police_to_another_state_is_an_offer_of_protection(pipeline: Pipeline) -> None:
    text = (
        "NAIROBI, June 13 (Reuters) - Rwanda is ready to deploy 500 police officers to Mozambique "
        "once the African Union approves the mission, President Paul Kagame said on Tuesday."
    )
    codes = coded(pipeline, text)
    assert ("RWAGOV", "MOZGOV", "0334") in codes
    assert not any(code == "138" for _, _, code in codes)


def test_a_refusal_to_send_troops_keeps_the_receiving_state_bare(pipeline: Pipeline) -> None:
    text = (
        "BRASILIA, June 13 (Reuters) - Argentina, which joined the last peacekeeping mission there, "
        "will not send troops to Bolivia, its defence minister said."
    )
    assert ("ARGGOV", "BOL", "074", True) in coded_with_negation(pipeline, text)


def test_reinforcements_sent_to_a_region_of_ones_own_stay_a_mobilisation(pipeline: Pipeline) -> None:
    text = (
        "BISHKEK, June 13 (Reuters) - Kyrgyzstan sent reinforcements to the Batken region on Tuesday "
        "to support the border mission."
    )
    codes = coded(pipeline, text)
    assert any(code == "154" for _, _, code in codes)
    assert not any(code == "074" for _, _, code in codes)


# -- purposes ------------------------------------------------------------------------------------


def test_a_purpose_infinitive_is_not_a_second_intent(pipeline: Pipeline) -> None:
    text = (
        "MANILA, June 13 (Reuters) - Japan would provide $50 million in military financing to help "
        "modernize the Philippine coast guard, the Japanese embassy said."
    )
    codes = coded(pipeline, text)
    assert not any(code.startswith("03") and target is None for _, target, code in codes)
    assert any(code.startswith("03") for _, _, code in codes)


def test_a_control_verbs_infinitive_is_not_a_purpose(pipeline: Pipeline) -> None:
    text = (
        "DUSHANBE, June 13 (Reuters) - Border commanders of Tajikistan and Kyrgyzstan agreed on "
        "Tuesday to cease fire along the disputed frontier."
    )
    assert any(code.startswith("08") for _, _, code in coded(pipeline, text))


# -- whom an attack harmed -----------------------------------------------------------------------


def test_an_attack_on_a_town_is_aimed_at_the_people_it_killed(pipeline: Pipeline) -> None:
    text = (
        "KHARTOUM, June 13 (Reuters) - Rebel fighters shelled the town of Kadugli on Friday, "
        "killing at least six civilians, a local official said."
    )
    codes = coded(pipeline, text)
    assert any(target == "SDNCVL" and code.startswith("19") for _, target, code in codes)
    assert not any(target == "SDN" for _, target, _ in codes)


def test_an_attack_on_a_named_force_keeps_its_target(pipeline: Pipeline) -> None:
    text = (
        "KHARTOUM, June 13 (Reuters) - Rebel fighters attacked a Sudanese army base on Friday, "
        "killing at least six civilians, a local official said."
    )
    codes = coded(pipeline, text)
    assert any(target == "SDNMIL" and code.startswith("19") for _, target, code in codes)


# -- conditions ----------------------------------------------------------------------------------


def test_the_condition_of_a_warning_is_not_an_act_of_its_own(pipeline: Pipeline) -> None:
    text = (
        "ANKARA, June 13 (Reuters) - Turkey would respond with force if Kurdish militants attacked "
        "its border posts again, Defence Minister Yasar Guler said on Tuesday."
    )
    assert not any(
        source == "TURREB" or (source or "").startswith("KUR") for source, _, _ in coded(pipeline, text)
    )


def test_an_attack_beside_a_conditional_warning_stays(pipeline: Pipeline) -> None:
    text = (
        "ANKARA, June 13 (Reuters) - Kurdish militants attacked Turkish border posts on Monday, and "
        "Turkey said it would respond if the attacks continued."
    )
    assert any(code.startswith("19") for _, _, code in coded(pipeline, text))


# -- expulsions ----------------------------------------------------------------------------------


def test_expelled_diplomats_are_persons_deported(pipeline: Pipeline) -> None:
    text = "WARSAW, June 13 (Reuters) - Poland expelled three Belarusian diplomats on Tuesday."
    codes = coded(pipeline, text)
    assert any(code == "174" for _, _, code in codes)
    assert not any(code.startswith("166") for _, _, code in codes)


def test_expelled_peacekeepers_are_a_mission_withdrawn(pipeline: Pipeline) -> None:
    text = "BAMAKO, June 13 (Reuters) - Mali expelled the UN peacekeepers on Tuesday."
    assert any(code.startswith("166") for _, _, code in coded(pipeline, text))


# -- both sides ----------------------------------------------------------------------------------


def test_commanders_from_both_sides_are_one_force_per_state(pipeline: Pipeline) -> None:
    text = (
        "ISLAMABAD, June 13 (Reuters) - Pakistani troops and Indian troops exchanged fire on Monday. "
        "Army commanders from both sides held talks at the Wagah crossing on Tuesday."
    )
    assert any(
        (source, target) == ("PAKMIL", "INDMIL") and code.startswith("04")
        for source, target, code in coded(pipeline, text)
    )


def test_a_story_naming_one_state_has_no_both_sides_pair(pipeline: Pipeline) -> None:
    text = (
        "ISLAMABAD, June 13 (Reuters) - Pakistani troops exchanged fire with militants on Monday. "
        "Army commanders from both sides held talks at the crossing on Tuesday."
    )
    assert not any(target == "INDMIL" for _, target, _ in coded(pipeline, text))


# -- signing -------------------------------------------------------------------------------------


def test_a_signed_truce_is_a_formal_agreement(pipeline: Pipeline) -> None:
    text = (
        "KHARTOUM, June 13 (Reuters) - The Sudanese army and the Rapid Support Forces signed a "
        "truce in Jeddah on Monday."
    )
    codes = coded(pipeline, text)
    assert any(code == "057" for _, _, code in codes)
    assert not any(code.startswith("087") for _, _, code in codes)


def test_a_declared_truce_stays_a_truce(pipeline: Pipeline) -> None:
    text = (
        "KHARTOUM, June 13 (Reuters) - The Sudanese army and the Rapid Support Forces declared a "
        "truce in Jeddah on Monday."
    )
    assert any(code.startswith("087") for _, _, code in coded(pipeline, text))
