"""Round 6 of event-coding quality (issue #8): rules that generalise past the tuning stories.

Every text here is written for the test (no corpus sentence), and most rules come with a case
they must leave alone.
"""

from __future__ import annotations

from eventwire.pipeline import Pipeline

from .events_helpers import coded, coded_with_negation

# -- who takes part ------------------------------------------------------------------------------


def test_a_quantity_after_a_preposition_passes_on_to_what_it_counts(pipeline: Pipeline) -> None:
    text = (
        "MINSK, June 13 (Reuters) - Belarusian riot police fired rubber bullets at hundreds of "
        "Belarusian protesters outside the election commission on Tuesday."
    )
    assert ("BLRCOP", "BLROPP", "175") in coded(pipeline, text)


def test_conjoined_nationality_adjectives_name_one_force_each(pipeline: Pipeline) -> None:
    text = "NEW DELHI, June 13 (Reuters) - Indian and Chinese border troops exchanged fire on Tuesday."
    assert ("INDMIL", "CHNMIL", "190") in coded(pipeline, text)


def test_one_nationality_adjective_stays_one_actor(pipeline: Pipeline) -> None:
    text = (
        "NEW DELHI, June 13 (Reuters) - Indian border troops exchanged fire with Chinese troops on Tuesday."
    )
    events = coded(pipeline, text)
    assert ("INDMIL", "CHNMIL", "190") in events
    assert not any(source == "CHNMIL" for source, _, _ in events)


def test_fire_exchanged_daily_is_a_habit_not_an_event(pipeline: Pipeline) -> None:
    text = (
        "NEW DELHI, June 13 (Reuters) - Indian and Chinese troops have exchanged fire almost daily since May."
    )
    assert not any(code.startswith("19") for _, _, code in coded(pipeline, text))


def test_an_appeal_to_act_hung_as_an_adverbial_addresses_the_one_called_on(pipeline: Pipeline) -> None:
    text = (
        "MOGADISHU, June 13 (Reuters) - Somalia's president on Tuesday called on the African Union "
        "mission to protect civilians."
    )
    assert ("SOMGOV", "IGOAFRAFU", "0234") in coded(pipeline, text)


def test_a_date_after_call_is_not_the_one_called_on(pipeline: Pipeline) -> None:
    text = "MOGADISHU, June 13 (Reuters) - Somalia called on Tuesday for talks with Kenya."
    assert not any(target == "SOMGOV" for _, target, _ in coded(pipeline, text))


def test_an_event_noun_that_names_a_body_can_act(pipeline: Pipeline) -> None:
    text = "JUBA, June 13 (Reuters) - The UN mission urged South Sudan's army to stop fighting."
    assert any(source == "IGOUNO" for source, _, code in coded(pipeline, text) if code.startswith("02"))


def test_conjoined_subjects_that_discuss_consult_each_other(pipeline: Pipeline) -> None:
    text = (
        "TOKYO, June 13 (Reuters) - Japan, South Korea and Australia are due to discuss China's fishing "
        "fleet at a meeting in Tokyo next week."
    )
    events = coded(pipeline, text)
    assert {("JPNGOV", "KORGOV", "036"), ("JPNGOV", "AUSGOV", "036")} <= events
    assert not any(target == "CHNGOV" for _, target, _ in events)  # the topic is no counterpart


def test_one_party_that_discusses_a_topic_with_another_consults_it(pipeline: Pipeline) -> None:
    text = "TOKYO, June 13 (Reuters) - Japan discussed fishing quotas with South Korea on Tuesday."
    assert ("JPNGOV", "KORGOV", "040") in coded(pipeline, text)


def test_two_states_that_agree_to_coordinate_commit_to_each_other(pipeline: Pipeline) -> None:
    text = (
        "LIMA, June 13 (Reuters) - The interior ministers of Peru and Bolivia agreed on Tuesday to "
        "coordinate police patrols along their border."
    )
    assert ("PERGOV", "BOLGOV", "031") in coded(pipeline, text)


# -- which action --------------------------------------------------------------------------------


def test_ordering_diplomats_out_expels_them(pipeline: Pipeline) -> None:
    text = (
        "BAMAKO, June 13 (Reuters) - Mali's government ordered three Algerian diplomats to leave "
        "within 48 hours."
    )
    assert ("MLIGOV", "DZAGOV", "174") in coded(pipeline, text)


def test_ordering_troops_out_expels_a_force(pipeline: Pipeline) -> None:
    text = (
        "BAMAKO, June 13 (Reuters) - Mali's government ordered the 400 Danish soldiers in the country "
        "to leave."
    )
    assert ("MLIGOV", "DNKMIL", "166") in coded(pipeline, text)


def test_ordering_someone_to_stay_is_no_expulsion(pipeline: Pipeline) -> None:
    text = "BAMAKO, June 13 (Reuters) - Mali ordered Algerian diplomats to stay inside the embassy."
    assert not any(code.startswith(("166", "174")) for _, _, code in coded(pipeline, text))


def test_a_vow_to_protest_threatens_dissent(pipeline: Pipeline) -> None:
    text = (
        "YEREVAN, June 13 (Reuters) - Armenian opposition supporters vowed to return to the streets "
        "on Friday."
    )
    assert ("ARMOPP", None, "133") in coded(pipeline, text)


def test_a_vow_of_help_is_no_threat(pipeline: Pipeline) -> None:
    text = "YEREVAN, June 13 (Reuters) - Armenia's government vowed to rebuild the damaged schools."
    assert not any(code.startswith("13") for _, _, code in coded(pipeline, text))


def test_boats_stopped_at_sea_are_blockaded(pipeline: Pipeline) -> None:
    text = (
        "HANOI, June 13 (AP) — Chinese navy ships blocked three Vietnamese fishing boats near a disputed "
        "reef in the South China Sea on Tuesday."
    )
    assert {("CHNMIL", "VNM", "191"), ("CHNMIL", "VNMCVL", "191")} & coded(pipeline, text)


def test_an_authority_that_closes_a_border_needs_no_arms(pipeline: Pipeline) -> None:
    text = "TASHKENT, June 13 (Reuters) - Uzbek authorities closed the border crossing on Tuesday."
    assert ("UZBGOV", None, "191") in coded(pipeline, text)


def test_police_deployed_abroad_are_what_is_sent_not_the_target(pipeline: Pipeline) -> None:
    text = "KIGALI, June 13 (Reuters) - Rwanda deployed 300 police officers to Mozambique on Tuesday."
    events = coded(pipeline, text)
    assert ("RWA", "MOZ", "154") in events
    assert not any(target == "RWACOP" for _, target, _ in events)


def test_aid_for_someone_goes_to_them(pipeline: Pipeline) -> None:
    text = "BERLIN, June 13 (Reuters) - Germany provided $10 million for the Somali police on Tuesday."
    assert {("DEU", "SOMCOP", "071"), ("DEU", "SOMCOP", "070")} & coded(pipeline, text)


def test_intelligence_shared_with_a_partner_is_aimed_at_the_partner(pipeline: Pipeline) -> None:
    text = "CANBERRA, June 13 (Reuters) - Australia shared intelligence with Malaysia on Tuesday."
    events = coded(pipeline, text)
    assert ("AUSGOV", "MYSGOV", "064") in events or ("AUS", "MYS", "064") in events
    assert not any(target and target.endswith("SPY") for _, target, _ in events)


# -- how it is presented -------------------------------------------------------------------------


def test_would_not_recognise_is_a_negated_recognition_not_a_rejection(pipeline: Pipeline) -> None:
    text = "PARIS, June 13 (Reuters) - France said it would not recognise the Malian junta."
    events = coded_with_negation(pipeline, text)
    assert ("FRAGOV", "MLIGOV", "054", True) in events
    assert not any(code.startswith("12") for _, _, code, _ in events)


def test_will_not_accept_is_still_a_refusal(pipeline: Pipeline) -> None:
    text = "BAMAKO, June 13 (Reuters) - Mali said it will not accept lessons from anyone."
    assert any(
        code.startswith("12") and not negated for _, _, code, negated in coded_with_negation(pipeline, text)
    )


def test_instead_on_its_own_marks_the_act_chosen(pipeline: Pipeline) -> None:
    text = (
        "BERLIN, June 13 (Reuters) - Germany said it would instead provide $10 million for the Somali police."
    )
    events = coded_with_negation(pipeline, text)
    assert ("DEUGOV", "SOMCOP", "033", False) in events


def test_instead_of_still_sets_an_act_aside(pipeline: Pipeline) -> None:
    text = "BERLIN, June 13 (Reuters) - Germany sent diplomats instead of attacking Somalia."
    assert not any(
        code.startswith("19") and not negated for _, _, code, negated in coded_with_negation(pipeline, text)
    )


def test_talks_due_to_resume_are_scheduled(pipeline: Pipeline) -> None:
    text = (
        "BAKU, June 13 (Reuters) - Talks between Armenia and Azerbaijan are scheduled to resume in "
        "Washington next week."
    )
    assert ("ARMGOV", "AZEGOV", "036") in coded(pipeline, text)


def test_talks_held_are_talks(pipeline: Pipeline) -> None:
    text = "BAKU, June 13 (Reuters) - Talks between Armenia and Azerbaijan resumed in Washington on Tuesday."
    events = coded(pipeline, text)
    assert not any(code == "036" for _, _, code in events)


def test_a_visit_during_which_a_plan_is_agreed_took_place(pipeline: Pipeline) -> None:
    text = (
        "CAIRO, June 13 (Reuters) - Egypt agreed to expand wheat imports during a visit by Russian "
        "Foreign Minister Sergei Lavrov to Cairo in May."
    )
    events = coded(pipeline, text)
    assert ("RUSGOV", "EGYGOV", "042") in events
    assert ("RUSGOV", "EGYGOV", "036") not in events


def test_failing_to_reach_an_agreement_negates_it_rather_than_rejecting_one(pipeline: Pipeline) -> None:
    text = (
        "NICOSIA, June 13 (Reuters) - Greek Cypriot and Turkish Cypriot negotiators met on Tuesday but "
        "failed to reach an agreement."
    )
    events = coded_with_negation(pipeline, text)
    assert not any(code.startswith("12") for _, _, code, _ in events)
    assert not any(code.startswith("057") and not negated for _, _, code, negated in events)


def test_a_protest_is_aimed_at_whom_its_demand_addresses_before_the_place_it_is_held(
    pipeline: Pipeline,
) -> None:
    text = (
        "BAMAKO, June 13 (AFP) - Thousands of Malians rallied outside the French embassy on Tuesday to "
        "demand the withdrawal of French troops."
    )
    assert ("MLICVL", "FRAMIL", "141") in coded(pipeline, text)


def test_a_protest_outside_an_embassy_with_no_demand_is_aimed_at_its_state(pipeline: Pipeline) -> None:
    text = "BAMAKO, June 13 (AFP) - Thousands of Malians rallied outside the French embassy on Tuesday."
    assert ("MLICVL", "FRAGOV", "141") in coded(pipeline, text)


def test_an_act_in_protest_at_a_decision_is_aimed_at_its_maker(pipeline: Pipeline) -> None:
    text = (
        "SKOPJE, June 13 (Reuters) - Farmers blocked the main highway with tractors on Tuesday in protest "
        "at the North Macedonian government's decision to cut subsidies."
    )
    events = coded(pipeline, text)
    assert any(code.startswith("14") and target == "MKDGOV" for _, target, code in events)
    assert not any(source is None for source, _, _ in events)  # "in protest" is no protest of its own


def test_residents_of_a_place_are_its_civilians_whatever_their_origin(pipeline: Pipeline) -> None:
    text = (
        "KYIV, June 13 (Reuters) - Hungarian residents of western Ukraine blocked a road near Uzhhorod "
        "on Tuesday."
    )
    assert any(source == "UKRCVL" for source, _, _ in coded(pipeline, text))


def test_armed_groups_in_a_place_keep_the_origin_their_phrase_names(pipeline: Pipeline) -> None:
    text = "KYIV, June 13 (Reuters) - Hungarian soldiers in western Ukraine blocked a road near Uzhhorod."
    assert not any(source == "UKRMIL" for source, _, _ in coded(pipeline, text))


def test_a_war_that_kills_is_no_sides_act(pipeline: Pipeline) -> None:
    text = "KHARTOUM, June 13 (Reuters) - Sudan's war has killed more than 12,000 people since April."
    assert not any(code.startswith("18") for _, _, code in coded(pipeline, text))


def test_would_under_a_reporting_verb_states_an_intent_through_control(pipeline: Pipeline) -> None:
    text = (
        "TOKYO, June 13 (Reuters) - The minister said Japan would continue to share intelligence with "
        "South Korea."
    )
    events = coded_with_negation(pipeline, text)
    assert any(code.startswith("03") and target == "KORGOV" for _, target, code, _ in events)


def test_inmates_freed_in_an_attack_are_no_concession(pipeline: Pipeline) -> None:
    text = (
        "NIAMEY, June 13 (Reuters) - Jihadist fighters attacked a prison in western Niger on Tuesday, "
        "killing three guards and freeing dozens of inmates."
    )
    events = coded(pipeline, text)
    assert any(code.startswith("18") or code.startswith("19") for _, _, code in events)
    assert not any(code.startswith("08") for _, _, code in events)


def test_a_release_on_its_own_is_still_a_concession(pipeline: Pipeline) -> None:
    text = "NIAMEY, June 13 (Reuters) - Niger's junta freed 20 opposition activists on Tuesday."
    assert any(code.startswith("084") for _, _, code in coded(pipeline, text))
