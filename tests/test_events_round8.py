"""Round 8 of event-coding quality: triggers, codes, targets and joint acts that recur in news.

Every text here is written for the test (no corpus sentence); most rules come with a case they
must leave alone.
"""

from __future__ import annotations

from eventwire.pipeline import Pipeline

from .events_helpers import coded

# -- diplomatic protests -------------------------------------------------------------------------


def test_a_protest_lodged_with_a_state_is_an_official_complaint_to_it(pipeline: Pipeline) -> None:
    text = "ROME, June 13 (Reuters) - Italy said it had lodged a strong protest with Egypt on Tuesday."
    codes = coded(pipeline, text)
    assert ("ITAGOV", "EGYGOV", "114") in codes
    assert not any(code.startswith("14") for _, _, code in codes)


def test_a_protest_filed_with_an_embassy_is_a_complaint_too(pipeline: Pipeline) -> None:
    text = "TOKYO, June 13 (Reuters) - Japan filed a protest with China over the incursion on Monday."
    assert ("JPNGOV", "CHNGOV", "114") in coded(pipeline, text)


def test_a_street_protest_stays_a_demonstration(pipeline: Pipeline) -> None:
    text = "NAIROBI, June 13 (Reuters) - Kenyan opposition supporters staged a protest in Nairobi on Tuesday."
    codes = coded(pipeline, text)
    assert not any(code == "114" for _, _, code in codes)


# -- "call X Y" is not "call off" ----------------------------------------------------------------


def test_calling_a_visit_a_threat_is_criticism_not_halting_talks(pipeline: Pipeline) -> None:
    text = (
        "BAKU, June 13 (Reuters) - Azerbaijani President Ilham Aliyev called the visit a threat to "
        "regional peace on Tuesday."
    )
    codes = coded(pipeline, text)
    assert not any(code == "164" for _, _, code in codes)
    assert any(source == "AZEGOV" and code.startswith("11") for source, _, code in codes)


def test_calling_off_talks_still_halts_them(pipeline: Pipeline) -> None:
    text = "SEOUL, June 13 (Reuters) - North Korea called off talks with South Korea on Tuesday."
    assert any(code == "164" for _, _, code in coded(pipeline, text))


# -- claims of responsibility --------------------------------------------------------------------


def test_claiming_an_attack_is_claiming_responsibility(pipeline: Pipeline) -> None:
    for text in (
        "BAGHDAD, June 13 (Reuters) - Islamic State claimed the attack in a statement on Tuesday.",
        "MOGADISHU, June 13 (Reuters) - Al Shabaab claimed the bombing on its radio station.",
    ):
        assert ("IMGSEP", None, "015") in coded(pipeline, text), text


def test_claiming_that_something_happened_claims_no_responsibility(pipeline: Pipeline) -> None:
    text = "MOSCOW, June 13 (Reuters) - Russia claimed that Ukraine had shelled the plant on Tuesday."
    assert not any(code == "015" for _, _, code in coded(pipeline, text))


# -- pressing on with an offensive ---------------------------------------------------------------


def test_vowing_to_press_on_with_an_offensive_threatens_force_against_its_target(pipeline: Pipeline) -> None:
    for text in (
        "MOGADISHU, June 13 (Reuters) - Somalia's president vowed to press ahead with the military "
        "offensive against al Shabaab.",
        "KABUL, June 13 (Reuters) - The Afghan government pledged to push on with its offensive "
        "against the Taliban.",
    ):
        codes = coded(pipeline, text)
        assert any(code.startswith("138") and target for _, target, code in codes), text
        assert not any(code.startswith("10") for _, _, code in codes), text


# -- joint signings ------------------------------------------------------------------------------


def test_a_joint_signing_is_one_event_from_the_first_named_to_the_other(pipeline: Pipeline) -> None:
    text = (
        "MOSCOW, June 13 (Reuters) - Russian President Vladimir Putin and Chinese President Xi "
        "Jinping signed a joint statement renouncing the use of force on Tuesday."
    )
    codes = coded(pipeline, text)
    assert ("RUSGOV", "CHNGOV", "057") in codes
    assert not any(code == "057" and target is None for _, target, code in codes)
    assert not any(code.startswith("12") for _, _, code in codes), (
        "the statement's content is not a rejection"
    )


def test_a_signing_with_a_named_counterpart_keeps_it(pipeline: Pipeline) -> None:
    text = "MOSCOW, June 13 (Reuters) - Russia signed an agreement with China on Tuesday."
    assert ("RUSGOV", "CHNGOV", "057") in coded(pipeline, text)


# -- participles that describe -------------------------------------------------------------------


def test_soldiers_described_as_fighting_are_not_reported_fighting(pipeline: Pipeline) -> None:
    text = (
        "WASHINGTON, June 13 (Reuters) - The United States will provide equipment to Somali forces "
        "fighting the militants."
    )
    assert not any(code.startswith("19") for _, _, code in coded(pipeline, text))


def test_a_statement_condemning_keeps_its_authors_criticism(pipeline: Pipeline) -> None:
    text = "CAIRO, June 13 (Reuters) - The Arab League issued a statement condemning Israel's raid."
    assert any(code.startswith("11") for _, _, code in coded(pipeline, text))


# -- killing in combat ---------------------------------------------------------------------------


def test_killing_by_state_forces_or_of_armed_men_is_combat(pipeline: Pipeline) -> None:
    for text in (
        "BAMAKO, June 13 (Reuters) - Malian troops killed 20 jihadists in fighting near Boni on Sunday.",
        "ABUJA, June 13 (Reuters) - Boko Haram militants killed five Nigerian soldiers on Sunday.",
    ):
        codes = coded(pipeline, text)
        assert any(code == "190" for _, _, code in codes), text
        assert not any(code == "180" for _, _, code in codes), text


def test_militants_killing_civilians_stays_unconventional_violence(pipeline: Pipeline) -> None:
    text = "ABUJA, June 13 (Reuters) - Boko Haram militants killed 12 Nigerian villagers on Sunday."
    assert any(code == "180" for _, _, code in coded(pipeline, text))


# -- circumstances are not content ---------------------------------------------------------------


def test_an_attack_after_which_a_demand_is_made_is_not_demanded(pipeline: Pipeline) -> None:
    text = (
        "BAMAKO, June 13 (Reuters) - Mali's government demanded the departure of the UN "
        "peacekeeping mission, days after a jihadist attack on an army camp."
    )
    codes = coded(pipeline, text)
    assert ("MLIGOV", "IGOUNO", "1661") in codes
    assert not any(code == "100" for _, _, code in codes)


def test_a_demand_for_troops_to_withdraw_is_not_an_expulsion_of_peacekeepers(pipeline: Pipeline) -> None:
    text = "KYIV, June 13 (Reuters) - Ukraine demanded the withdrawal of Russian troops on Tuesday."
    assert not any(code == "1661" for _, _, code in coded(pipeline, text))


# -- offers of talks and mediation ---------------------------------------------------------------


def test_offering_to_host_talks_between_two_others_is_offering_mediation_to_each(pipeline: Pipeline) -> None:
    text = "ANKARA, June 13 (Reuters) - Turkey offered to host talks between Russia and Ukraine in Istanbul."
    codes = coded(pipeline, text)
    assert {("TURGOV", "RUSGOV", "039"), ("TURGOV", "UKRGOV", "039")} <= codes
    assert not any(code.startswith("04") for _, _, code in codes), "offered talks are not held"


def test_proposing_talks_between_others_addresses_them(pipeline: Pipeline) -> None:
    text = "PARIS, June 13 (Reuters) - France proposed talks between Serbia and Kosovo on Tuesday."
    codes = coded(pipeline, text)
    assert any(source == "FRAGOV" and target == "SRBGOV" for source, target, _ in codes)


# -- the author of what is rejected --------------------------------------------------------------


def test_rejecting_a_statement_by_someone_answers_its_author(pipeline: Pipeline) -> None:
    for text, target in (
        ("BEIJING, June 13 (Reuters) - China rejected a statement by India's foreign ministry.", "INDGOV"),
        ("MOSCOW, June 13 (Reuters) - Russia criticised remarks by the British foreign secretary.", "GBRGOV"),
    ):
        assert any(found == target for _, found, _ in coded(pipeline, text)), text


# -- background words that are not events --------------------------------------------------------


def test_helping_to_do_something_aids_no_one(pipeline: Pipeline) -> None:
    text = (
        'YANGON, June 13 (Reuters) - "They bombed us," a villager who helped bury the dead told '
        "Reuters by phone, asking not to be named."
    )
    codes = coded(pipeline, text)
    assert not any(code.startswith("07") or code.startswith("02") for _, _, code in codes)


def test_helping_a_state_do_something_aids_it(pipeline: Pipeline) -> None:
    text = "KYIV, June 13 (Reuters) - The United States helped Ukraine rebuild its power grid."
    assert any(target == "UKR" and code.startswith("07") for _, target, code in coded(pipeline, text))


def test_asking_someone_for_something_is_still_an_appeal(pipeline: Pipeline) -> None:
    text = "KYIV, June 13 (Reuters) - Ukraine asked Germany to deliver more tanks on Tuesday."
    assert any(target == "DEUGOV" and code.startswith("02") for _, target, code in coded(pipeline, text))


# -- conditional offers --------------------------------------------------------------------------


def test_a_conditional_offer_is_aimed_at_whoever_must_meet_the_condition(pipeline: Pipeline) -> None:
    for text, target in (
        (
            "LIMA, June 13 (Reuters) - The prime minister said the government would lift the state "
            "of emergency if Peruvian protesters cleared the roads.",
            "PEROPP",
        ),
        (
            "YEREVAN, June 13 (Reuters) - Armenia is ready to sign a peace treaty if Azerbaijan "
            "withdraws its troops, the prime minister said.",
            "AZEGOV",
        ),
    ):
        codes = coded(pipeline, text)
        assert any(found == target and code.startswith("03") for _, found, code in codes), text


def test_the_condition_of_an_offer_is_not_an_act_of_its_own(pipeline: Pipeline) -> None:
    text = (
        "CHISINAU, June 13 (Reuters) - Transnistria's leader said he was ready to resume talks "
        "with Moldova's government if Moldova lifted its restrictions on imports."
    )
    assert not any(code.startswith("08") for _, _, code in coded(pipeline, text))


# -- smaller entries -----------------------------------------------------------------------------


def test_military_jets_flying_over_islands_show_force(pipeline: Pipeline) -> None:
    text = "ATHENS, June 13 (Reuters) - Turkish fighter jets flew over Greek islands on Wednesday."
    assert any(source == "TURMIL" and code == "150" for source, _, code in coded(pipeline, text))


def test_a_minister_flying_over_a_flood_shows_no_force(pipeline: Pipeline) -> None:
    text = "DHAKA, June 13 (Reuters) - Bangladesh's prime minister flew over the flooded districts."
    assert not any(code == "150" for _, _, code in coded(pipeline, text))


def test_support_expressed_for_a_states_sovereignty_is_diplomatic(pipeline: Pipeline) -> None:
    text = (
        "CAIRO, June 13 (Reuters) - The Arab League on Wednesday expressed full support for "
        "Somalia's sovereignty and unity."
    )
    codes = coded(pipeline, text)
    assert any(code == "051" for _, _, code in codes)
    assert not any(code.startswith("07") for _, _, code in codes)


def test_retaliatory_measures_announced_are_a_threat(pipeline: Pipeline) -> None:
    text = "MOSCOW, June 13 (Reuters) - Russia will take retaliatory measures against Moldova, Lavrov said."
    assert any(source == "RUSGOV" and code.startswith("13") for source, _, code in coded(pipeline, text))


# -- relations cut with someone ------------------------------------------------------------------


def test_ties_cut_with_a_state_are_cut_with_it(pipeline: Pipeline) -> None:
    for text in (
        "KINSHASA, June 13 (Reuters) - Congo would cut all diplomatic ties with Rwanda if the "
        "rebels advanced on Goma, the government spokesman said.",
        "QUITO, June 13 (Reuters) - Ecuador severed relations with Mexico on Tuesday.",
    ):
        codes = coded(pipeline, text)
        assert any(target in ("RWAGOV", "MEXGOV") for _, target, _ in codes), text
        assert not any(target == "CODREB" for _, target, _ in codes), text


# -- coordination the parser folds into one name -------------------------------------------------


def test_two_titled_leaders_joined_by_and_are_two_parties(pipeline: Pipeline) -> None:
    text = (
        "ADDIS ABABA, June 13 (Reuters) - Ethiopian Prime Minister Abiy Ahmed and Somaliland leader "
        "Muse Bihi Abdi signed the memorandum on Monday."
    )
    codes = coded(pipeline, text)
    assert ("ETHGOV", "SOMSEP", "057") in codes
    assert not any(source == "SOMSEP" and target is None for source, target, _ in codes)


def test_one_title_with_two_countries_is_not_split(pipeline: Pipeline) -> None:
    text = "MOSCOW, June 13 (Reuters) - The leaders of Russia and China signed an agreement on Tuesday."
    codes = coded(pipeline, text)
    assert ("RUSGOV", "CHNGOV", "057") in codes


# -- relative clauses the parser labels modifiers ------------------------------------------------


def test_what_no_one_should_accept_is_not_an_appeal(pipeline: Pipeline) -> None:
    text = (
        'ATHENS, June 13 (Reuters) - "The overflights are a violation of our sovereignty that no '
        'ally should accept," Greek Foreign Minister Nikos Dendias said.'
    )
    assert not any(code.startswith("02") for _, _, code in coded(pipeline, text))


# -- forums stand for their members --------------------------------------------------------------


def test_a_matter_raised_at_a_forum_is_raised_with_its_members(pipeline: Pipeline) -> None:
    for text, target in (
        ("TOKYO, June 13 (Reuters) - Japan raised the matter at a NATO meeting on Tuesday.", "IGOWSTNAT"),
        (
            "ATHENS, June 13 (Reuters) - Greece said it would raise the issue at a European Union "
            "summit this month.",
            "IGOEUREEC",
        ),
    ):
        assert any(found == target for _, found, _ in coded(pipeline, text)), text


def test_a_matter_raised_at_an_unnamed_meeting_has_no_counterpart(pipeline: Pipeline) -> None:
    text = "TOKYO, June 13 (Reuters) - Japan raised the matter at the meeting on Tuesday."
    assert not any(code.startswith("04") for _, _, code in coded(pipeline, text))


# -- a siege ended by force ----------------------------------------------------------------------


def test_a_siege_ended_by_killing_the_attackers_is_no_concession(pipeline: Pipeline) -> None:
    text = (
        "NAIROBI, June 13 (Reuters) - Kenyan security forces ended a siege of a shopping mall on "
        "Sunday, killing the last four al Shabaab gunmen."
    )
    codes = coded(pipeline, text)
    assert not any(code.startswith("08") for _, _, code in codes)
    assert any(source == "KENCOP" and code == "190" for source, _, code in codes)


def test_a_siege_lifted_by_its_besiegers_is_a_concession(pipeline: Pipeline) -> None:
    text = "KYIV, June 13 (Reuters) - Russian forces lifted the siege of Chernihiv on Tuesday."
    assert any(code == "0872" for _, _, code in coded(pipeline, text))


# -- downing aircraft ----------------------------------------------------------------------------


def test_shooting_down_drones_is_force_against_their_owner(pipeline: Pipeline) -> None:
    for text, target in (
        (
            "WASHINGTON, June 13 (Reuters) - The U.S. military said its forces shot down 11 Houthi "
            "drones over the Red Sea on Wednesday.",
            "YEMREB",
        ),
        ("KYIV, June 13 (Reuters) - Ukrainian forces shot down a Russian helicopter near Bakhmut.", "RUSMIL"),
    ):
        assert any(found == target and code == "190" for _, found, code in coded(pipeline, text)), text


def test_a_missile_fired_is_still_an_instrument(pipeline: Pipeline) -> None:
    text = "KYIV, June 13 (Reuters) - Russian troops fired a missile at a Ukrainian checkpoint."
    assert not any(target is None and code.startswith("19") for _, target, code in coded(pipeline, text))


# -- judgements passed through a copula ----------------------------------------------------------


def test_a_speaker_calling_something_a_violation_criticises(pipeline: Pipeline) -> None:
    for text, target in (
        (
            'ATHENS, June 13 (Reuters) - "These flights are a flagrant violation of our sovereignty," '
            "Greek Foreign Minister Nikos Dendias told reporters.",
            None,
        ),
        (
            "MOSCOW, June 13 (Reuters) - Russian Foreign Minister Sergei Lavrov said the U.S. "
            "sanctions were illegal.",
            "USAGOV",
        ),
    ):
        codes = coded(pipeline, text)
        assert any(code == "111" and found == target for _, found, code in codes), text


def test_a_narrated_or_favourable_judgement_is_no_criticism(pipeline: Pipeline) -> None:
    for text in (
        "MOSCOW, June 13 (Reuters) - The talks were a success, the Russian foreign minister said.",
        "MOSCOW, June 13 (Reuters) - The incident was a violation of the ceasefire.",
    ):
        assert not any(code.startswith("11") for _, _, code in coded(pipeline, text)), text


def test_the_once_condition_of_an_offer_is_not_an_act_either(pipeline: Pipeline) -> None:
    text = (
        "NAIROBI, June 13 (Reuters) - Kenya is ready to resume talks with Somalia once the Somali "
        "government approves the agenda, the foreign minister said."
    )
    codes = coded(pipeline, text)
    assert ("KENGOV", "SOMGOV", "036") in codes
    assert not any(code.startswith("05") for _, _, code in codes)


def test_an_act_after_a_once_clause_is_still_reported(pipeline: Pipeline) -> None:
    text = (
        "KABUL, June 13 (Reuters) - Once the ceasefire took hold, the United Nations delivered food "
        "to Afghan villagers."
    )
    assert any(source == "IGOUNO" and code.startswith("07") for source, _, code in coded(pipeline, text))


# -- forces of intergovernmental bodies ----------------------------------------------------------


def test_an_intergovernmental_force_offered_to_a_state_is_an_offer_of_protection(pipeline: Pipeline) -> None:
    text = (
        "MOGADISHU, June 13 (Reuters) - The African Union said it was ready to send more troops to "
        "Mogadishu if the Somali government asked for them."
    )
    codes = coded(pipeline, text)
    assert ("IGOAFRAFU", "SOMGOV", "0334") in codes
    assert not any(code.startswith("13") or code.startswith("02") for _, _, code in codes)


def test_a_states_troops_offered_to_another_state_are_still_a_show_of_force(pipeline: Pipeline) -> None:
    text = (
        "MOSCOW, June 13 (Reuters) - Russia is ready to send more troops to Belarus, the defence "
        "minister said."
    )
    assert not any(code == "0334" for _, _, code in coded(pipeline, text))


# -- one's own forces are moved, not targeted ----------------------------------------------------


def test_withdrawing_ones_own_troops_does_not_target_them(pipeline: Pipeline) -> None:
    for text in (
        "BAKU, June 13 (Reuters) - Azerbaijan will not withdraw its troops from positions on its own "
        "territory, Azerbaijani Foreign Minister Jeyhun Bayramov said.",
        "MOSCOW, June 13 (Reuters) - Russia withdrew its troops from the region on Tuesday.",
    ):
        codes = coded(pipeline, text)
        assert any(code.startswith(("08", "12")) for _, _, code in codes), text
        assert not any((target or "").endswith("MIL") for _, target, _ in codes), text


def test_someone_elses_people_withdrawn_are_still_a_target(pipeline: Pipeline) -> None:
    text = "KYIV, June 13 (Reuters) - Russia withdrew Ukrainian prisoners from the camp."
    assert any(target == "UKRCVL" for _, target, _ in coded(pipeline, text))
