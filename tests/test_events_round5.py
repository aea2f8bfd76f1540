"""Round 5 of event-coding quality (issue #8): general rules, each with a case it must not touch.

Every text here is written for the test (no corpus sentence), so the rules are checked on
wording the own gold never saw.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from eventwire.errors import DataFileError
from eventwire.events.coder import _distinct, _kindred
from eventwire.events.patterns import load_patterns
from eventwire.pipeline import Pipeline

from .events_helpers import ON, coded

# -- charges, blame and criticism ----------------------------------------------------------------


def test_a_reported_instigation_is_the_reporters_accusation(pipeline: Pipeline) -> None:
    text = (
        "YEREVAN, June 13 (Reuters) - Armenia's defence ministry said Azerbaijani troops had provoked "
        "the clash by firing at Armenian soldiers."
    )
    events = coded(pipeline, text)
    assert ("ARMGOV", "AZEMIL", "112") in events
    assert not any(code.startswith("19") and source == "AZEMIL" for source, _, code in events)


def test_an_instigation_no_one_reports_charges_no_one(pipeline: Pipeline) -> None:
    events = coded(pipeline, "BAKU, June 13 (Reuters) - Azerbaijani troops started the clash on Tuesday.")
    assert not any(code.startswith("11") for _, _, code in events)


def test_blaming_acts_on_someone_accuses_them(pipeline: Pipeline) -> None:
    text = "NIAMEY, June 13 (Reuters) - Niamey has blamed recent attacks in the region on Boko Haram."
    assert ("NERGOV", "IMGSEP", "1123") in coded(pipeline, text)


def test_two_kinds_of_disapproval_in_one_sentence_stay_two(pipeline: Pipeline) -> None:
    text = (
        'PARIS, June 13 (Reuters) - The French government on Tuesday called the Malian junta "illegitimate" '
        'and accused it of taking "reckless measures".'
    )
    codes = {code for _, target, code in coded(pipeline, text) if target == "MLIGOV"}
    assert {"111", "112"} <= codes


def test_one_appeal_for_two_acts_is_one_event(pipeline: Pipeline) -> None:
    text = (
        "TRIPOLI, June 13 (Reuters) - The United Nations called on the Libyan government to cease "
        "hostilities and protect civilians."
    )
    appeals = [event for event in coded(pipeline, text) if event[2].startswith("02")]
    assert appeals == [("IGOUNO", "LBYGOV", "0256")]


def test_a_described_offensive_is_criticised_through_its_doer(pipeline: Pipeline) -> None:
    text = (
        "BAGHDAD, June 13 (Reuters) - Turkish jets struck Kurdish militants on Monday as Ankara pressed on "
        "with an offensive that Baghdad has denounced."
    )
    assert ("IRQGOV", "TURGOV", "111") in coded(pipeline, text)


def test_an_appeal_no_known_actor_makes_is_not_coded(pipeline: Pipeline) -> None:
    events = coded(pipeline, "TOKYO, June 13 (Reuters) - Someone urged Japan to stop its provocations.")
    assert not any(source and source.startswith("JPN") for source, _, _ in events)


def test_kindred_codes_are_one_code_at_two_depths() -> None:
    assert _kindred("020", "0256") and _kindred("112", "1123") and _kindred("190", "195")
    assert not _kindred("111", "112") and not _kindred("0256", "0234")


# -- visits, intents and aid ---------------------------------------------------------------------


def test_an_invitation_makes_the_inviter_host_the_visit(pipeline: Pipeline) -> None:
    text = (
        "TOKYO, June 13 (Reuters) - Indian Foreign Minister Subrahmanyam Jaishankar arrived in Tokyo on "
        "Tuesday for a two-day visit at the invitation of Japanese Prime Minister Fumio Kishida."
    )
    events = coded(pipeline, text)
    assert ("INDGOV", "JPNGOV", "042") in events
    assert ("JPNGOV", "INDGOV", "043") in events


def test_a_visit_without_an_invitation_has_no_host(pipeline: Pipeline) -> None:
    text = (
        "TOKYO, June 13 (Reuters) - Indian Foreign Minister Subrahmanyam Jaishankar arrived in Tokyo on "
        "Tuesday for a two-day visit."
    )
    assert not any(code == "043" for _, _, code in coded(pipeline, text))


def test_a_visit_to_no_known_place_is_not_coded(pipeline: Pipeline) -> None:
    text = "SEOUL, June 13 (Reuters) - South Korea's trade minister toured a battery factory on Tuesday."
    assert not any(code == "042" for _, _, code in coded(pipeline, text))


def test_an_appeal_to_abandon_provocations_is_an_appeal_to_de_escalate(pipeline: Pipeline) -> None:
    text = "SEOUL, June 13 (Reuters) - South Korea urged North Korea to abandon its provocations."
    assert ("KORGOV", "PRKGOV", "0256") in coded(pipeline, text)


def test_military_financing_for_an_army_is_intended_military_aid_to_it(pipeline: Pipeline) -> None:
    text = (
        "WASHINGTON, June 13 (Reuters) - The Pentagon said the United States would provide $50 million in "
        "military financing to help modernize the Lebanese army."
    )
    events = coded(pipeline, text)
    assert ("USAGOV", "LBNMIL", "0332") in events
    assert not any(code.startswith("07") for _, _, code in events)  # "to help" is the aid's purpose


def test_security_guarantees_are_intended_protection(pipeline: Pipeline) -> None:
    text = (
        "ANKARA, June 13 (Reuters) - The Turkish foreign ministry said Turkey will provide security "
        "guarantees for Azerbaijani officials."
    )
    assert ("TURGOV", "AZEGOV", "0334") in coded(pipeline, text)


def test_a_conjoined_noun_shares_its_first_conjuncts_light_verb(pipeline: Pipeline) -> None:
    text = (
        "PARIS, June 13 (Reuters) - The ministry said France was ready to step up intelligence sharing and "
        "logistical support for Niger's army."
    )
    assert ("FRAGOV", "NERMIL", "033") in coded(pipeline, text)


def test_openness_to_dialogue_is_an_intent_even_without_a_counterpart(pipeline: Pipeline) -> None:
    text = "BAMAKO, June 13 (Reuters) - The junta said Mali remained open to dialogue with all partners."
    assert ("MLIGOV", None, "036") in coded(pipeline, text)


def test_talks_mentioned_in_passing_still_need_a_counterpart(pipeline: Pipeline) -> None:
    text = "BAMAKO, June 13 (Reuters) - Mali said on Tuesday that dialogue had failed."
    assert not any(code.startswith("04") or code == "036" for _, _, code in coded(pipeline, text))


def test_an_intent_reported_as_would_is_dated_when_said(pipeline: Pipeline) -> None:
    article = pipeline.process_text(
        "ANKARA, June 13 (Reuters) - The ministry said on Tuesday that Turkey would resume talks with "
        "Armenia next month.",
        published=ON,
    )
    intents = [event for event in article.events if event.cameo == "036"]
    assert intents and all(not event.date.startswith("2023-07") for event in intents if event.date)


# -- force -----------------------------------------------------------------------------------------


def test_an_offensive_to_retake_ground_targets_whoever_took_it(pipeline: Pipeline) -> None:
    text = (
        "KABUL, June 13 (Reuters) - Afghan troops launched an offensive on Tuesday to retake a town that "
        "Taliban fighters seized last week."
    )
    assert ("AFGMIL", "AFGREB", "190") in coded(pipeline, text)


def test_border_markers_installed_near_a_village_occupy_ground(pipeline: Pipeline) -> None:
    text = (
        "TBILISI, June 13 (Reuters) - Georgia's foreign ministry said Russian border guards had installed "
        "new border signs near the village of Kveshi on Monday."
    )
    assert any(
        source == "RUSMIL" and target and target.startswith("GEO") and code == "192"
        for source, target, code in coded(pipeline, text)
    )


def test_a_fence_around_a_school_occupies_nothing(pipeline: Pipeline) -> None:
    text = "TBILISI, June 13 (Reuters) - Workers installed a new fence around the school on Monday."
    assert not any(code == "192" for _, _, code in coded(pipeline, text))


def test_warships_passing_close_show_force_and_liners_do_not(pipeline: Pipeline) -> None:
    warship = (
        "BEIJING, June 13 (Reuters) - A British navy frigate sailed near Hong Kong on Monday, China said."
    )
    liner = "BEIJING, June 13 (Reuters) - A British cruise liner sailed near Hong Kong on Monday."
    assert ("GBRMIL", "HKG", "150") in coded(pipeline, warship)
    assert not coded(pipeline, liner)


def test_scrambling_jets_shows_force(pipeline: Pipeline) -> None:
    text = (
        "TOKYO, June 13 (Reuters) - Chinese warplanes flew close to the border on Monday, prompting Japan "
        "to scramble fighter jets."
    )
    assert ("JPN", None, "150") in coded(pipeline, text)


def test_artillery_drills_tagged_as_a_verb_are_still_a_show_of_force(pipeline: Pipeline) -> None:
    text = (
        "SEOUL, June 13 (Reuters) - North Korea fired shells in response to South Korean artillery drills "
        "near the border on Tuesday."
    )
    assert ("KOR", None, "150") in coded(pipeline, text)


# -- what is not news --------------------------------------------------------------------------------


def test_a_truce_brokered_by_someone_is_a_description_not_mediation(pipeline: Pipeline) -> None:
    described = (
        "KHARTOUM, June 13 (Reuters) - Clashes broke out on Tuesday despite a truce brokered by Qatar."
    )
    reported = "KHARTOUM, June 13 (Reuters) - Qatar brokered a truce between the army and the RSF on Tuesday."
    assert not any(code.startswith("04") for _, _, code in coded(pipeline, described))
    assert any(source == "QATGOV" and code == "045" for source, _, code in coded(pipeline, reported))


def test_an_undated_restatement_of_a_dated_event_is_one_event(pipeline: Pipeline) -> None:
    article = pipeline.process_text(
        "NAIROBI, June 13 (Reuters) - Militants attacked a Kenyan police post on Saturday.", published=ON
    )
    dated = article.events[0]
    undated = replace(dated, date=ON.isoformat(), date_basis="published")
    assert _distinct([dated, undated]) == [dated]
    other_code = replace(undated, cameo="193")
    assert _distinct([dated, other_code]) == [dated, other_code]


# -- actors of organisations -------------------------------------------------------------------------


def test_firms_registered_in_two_places_are_one_target_each(pipeline: Pipeline) -> None:
    text = (
        "WASHINGTON, June 13 (Reuters) - The Treasury imposed sanctions on two trading companies "
        "registered in Malaysia and Thailand."
    )
    events = coded(pipeline, text)
    assert {("USAGOV", "MYSBUS", "163"), ("USAGOV", "THABUS", "163")} <= events


# -- data file -----------------------------------------------------------------------------------------


def test_imputed_must_be_true_or_false(tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text('verbs:\n  - {id: a, lemmas: [provoke], code: "112", imputed: "sometimes"}\n')
    with pytest.raises(DataFileError, match=r"mine\.yaml:2: pattern 'a': 'imputed' must be true or false"):
        load_patterns((mine,))


def test_the_shipped_instigation_pattern_is_imputed() -> None:
    patterns = load_patterns()
    assert any(pattern.imputed and pattern.code == "112" for pattern in patterns.verbs["provoke"])
